/**
 * The words for worlds and episodes come from the catalog: the English reads
 * as it always did (plural forms included), and in the pseudo-locale every
 * word of an episode's sentence is the catalog's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateWorld, knobValues, Rng, type Episode, type WorldEvent } from '../../src/core/index';
import { locale, looksPseudo } from '../../src/i18n/index';
import { describeEpisode, describeWorld, eventLabel, weightLabel } from '../../src/ui/describe';
import { campaignLevel } from '../core/campaign';

afterEach(() => {
  locale.value = 'en';
});

const level = campaignLevel('tutorial');
const world = generateWorld(level, knobValues(level, 'training', {}), Rng.fromSeed(1));

function episode(moves: number, idleSteps: number, events: readonly Omit<WorldEvent, 't' | 'observed'>[]): Episode {
  return {
    worlds: [world],
    actions: [],
    events: events.map((e, t) => ({ ...e, t, observed: true })),
    final: { ...world, t: moves + idleSteps, agentX: 5, agentY: 3 },
    idleSteps,
  };
}

describe('worlds and episodes in words', () => {
  it('says what the agent did, where, and where it stood still', () => {
    const said = describeEpisode(
      episode(5, 2, [
        { kind: 'coin', x: 2, y: 3 },
        { kind: 'exit', x: 5, y: 3 },
      ]),
    );
    expect(said).toBe('The agent made 5 moves: it picked up the coin at column 3, row 4, then left by the exit at column 6, row 4, then stood still at column 6, row 4.');
  });

  it('uses the singular for one move, and says when nothing earned or cost reward', () => {
    expect(describeEpisode(episode(1, 0, []))).toBe('The agent made 1 move and did nothing that earns or costs reward.');
  });

  it('names a weight with its context, and a reward event', () => {
    expect(weightLabel('coin|watched')).toBe('coin (senses the supervisor)');
    expect(eventLabel('forbidden')).toBe('forbidden tile crossed (when seen)');
    expect(eventLabel('made-up')).toBe('made-up');
  });

  it('describes the world it is given', () => {
    expect(describeWorld(world, 'lab')).toMatch(/^Training lab, \d+ by \d+ tiles\. Agent at column \d+, row \d+\./);
  });

  it('in the pseudo-locale, every word of an episode comes from the catalog', () => {
    locale.value = 'pseudo';
    const said = describeEpisode(episode(3, 1, [{ kind: 'coin', x: 2, y: 3 }]));
    expect(looksPseudo(said)).toBe(true);
    expect(said).not.toContain('The agent');
  });
});
