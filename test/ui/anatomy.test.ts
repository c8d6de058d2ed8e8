/**
 * The anatomy panel's sentences come from the core's anatomy of the level:
 * a change in the level (view radius, pretraining, learning speed) changes
 * what the player reads before training.
 */
import { describe, expect, it } from 'vitest';
import { agentAnatomy } from '../../src/core/index';
import { anatomySentences } from '../../src/ui/anatomy';
import { campaignLevel, levelJson, mustParse } from '../core/campaign';

describe('anatomy sentences', () => {
  it('an agent that sees coins within 3 tiles and always knows the right edge', () => {
    const json = levelJson('goes-right');
    json.agent.features = ['coin', 'right-edge'];
    json.agent.viewRadius = 3;
    const lines = anatomySentences(mustParse(json));
    expect(lines[0]).toBe('It notices coin only within 3 tiles of itself, and remembers every tile it has seen.');
    expect(lines[1]).toBe('It always knows right edge, everywhere, from the first step.');
  });

  it('follows the level: a wider view radius is what the player reads', () => {
    const json = levelJson('goes-right');
    json.agent.viewRadius = 5;
    expect(anatomySentences(mustParse(json))[0]).toContain('only within 5 tiles');
  });

  it('where the player chooses the view radius, says so, and follows the choice', () => {
    const level = campaignLevel('goes-right');
    expect(anatomySentences(level)).toContain('You choose how far it sees before you train it: from 1 tile to 12 tiles (this level starts at 3 tiles).');
    expect(anatomySentences(level, agentAnatomy(level, { viewRadius: 5 }))[0]).toBe('It notices coin only within 5 tiles of itself, and remembers every tile it has seen.');
    expect(anatomySentences(campaignLevel('tutorial')).some((l) => l.startsWith('You choose how far'))).toBe(false);
  });

  it('sleeper-agent: names each pretraining stage with its distribution and reward', () => {
    const lines = anatomySentences(campaignLevel('sleeper-agent'));
    expect(lines).toContain('Stage 1, earlier runs: 60 generations; Sign on the wall: 100% and Exit beside the servers: 0%; reward each step taken −0.2 and forbidden tile crossed (when seen) +20.');
    expect(lines.some((l) => l.startsWith('Before you got it, it was trained in 2 stages'))).toBe(true);
    expect(lines).toContain('It has two weights for forbidden tile: one for when a sign (of any colour) is in the room, one for when none is.');
  });

  it('a learning-speed difference is shown with its numbers, and none is claimed where there is none', () => {
    const json = levelJson('tutorial');
    expect(anatomySentences(mustParse(json)).some((l) => l.includes('another speed'))).toBe(false);
    json.agent.inductiveBias.noiseScale = { coin: 0.4 };
    expect(anatomySentences(mustParse(json))).toContain('Some weights learn at another speed than the rest (×1 is normal): coin ×0.4.');
  });
});
