/**
 * The agent's anatomy as data: what it can see and notice and from how far,
 * what it remembers, how it plans and where its training starts — and that
 * this description matches what the agent really perceives.
 */
import { describe, expect, it } from 'vitest';
import { AgentEpisode, Rng, agentAnatomy, generateWorld, knobValues, mindFromRecord, weightNames, type Level, type World } from '../../src/core/index';
import { campaign, campaignLevel, mustParse, tinyLevelJson } from './campaign';

function senseLevel(viewRadius: number | null): Level {
  const json = tinyLevelJson();
  json.world.map = ['.........', '.........', '.........', '....#....', '.........'];
  json.world.start = { cells: [[0, 0]] };
  json.objects = [
    { kind: 'coin', colour: 'yellow', at: { cells: [[3, 0]] } },
    { kind: 'tree', colour: 'green', at: { cells: [[8, 4]] } },
  ];
  json.agent = {
    features: ['coin', 'yellow', 'right-edge', 'forbidden', 'next-to-tree', 'next-to-wall', 'unexplored'],
    contexts: { watched: ['forbidden'] },
    viewRadius,
    discount: 0.8,
    inductiveBias: { noiseScale: { yellow: 0.5 }, weightDecay: 0.03, explanation: 'None.' },
  };
  json.hypotheses = [
    { id: 'get-coin', label: 'Coin', description: 'Gets the coin.', weights: { coin: 1 }, intended: true },
    { id: 'go-right', label: 'Right', description: 'Goes right.', weights: { 'right-edge': 1 } },
  ];
  return mustParse(json);
}

const firstWorld = (level: Level): World => generateWorld(level, knobValues(level, 'training'), Rng.fromSeed(1));

describe('agentAnatomy', () => {
  it('names each sense, how it is perceived and from how far', () => {
    const anatomy = agentAnatomy(senseLevel(2));
    expect(anatomy.viewRadius).toBe(2);
    expect(anatomy.memory).toBe('remembers-seen-cells');
    expect(anatomy.senses.map((s) => [s.feature, s.kind, s.range, s.distance])).toEqual([
      ['coin', 'object', 'in-view', 2],
      ['yellow', 'colour', 'in-view', 2],
      ['right-edge', 'position', 'everywhere', null],
      ['forbidden', 'tile', 'everywhere', null],
      ['next-to-tree', 'next-to-object', 'in-view', 2],
      ['next-to-wall', 'next-to-tile', 'everywhere', null],
      ['unexplored', 'unexplored', 'everywhere', null],
    ]);
  });

  it('gives the context splits, the planner discount, the learning speeds that differ and the weight decay', () => {
    const level = senseLevel(2);
    const anatomy = agentAnatomy(level);
    expect(anatomy.contexts).toEqual([{ bit: 'watched', values: ['watched', 'unwatched'], features: ['forbidden'] }]);
    expect(anatomy.senses.find((s) => s.feature === 'forbidden')).toMatchObject({ splitBy: 'watched', weights: ['forbidden|watched', 'forbidden|unwatched'] });
    expect(anatomy.discount).toBe(0.8);
    expect(anatomy.learningSpeed).toEqual([{ weight: 'yellow', scale: 0.5 }]);
    expect(anatomy.weightDecay).toBe(0.03);
    expect(anatomy.weightCount).toBe(weightNames(level.agent).length);
    expect(anatomy.senses.flatMap((s) => s.weights)).toEqual(weightNames(level.agent));
  });

  it('an agent that sees the whole world has nothing to remember and notices everything everywhere', () => {
    const anatomy = agentAnatomy(senseLevel(null));
    expect(anatomy.memory).toBe('whole-world');
    expect(anatomy.senses.every((s) => s.range === 'everywhere' && s.distance === null)).toBe(true);
  });

  it('matches what the agent perceives: an object 3 tiles away is noticed with view radius 3, not with 2', () => {
    for (const [radius, noticed] of [
      [2, false],
      [3, true],
    ] as const) {
      const level = senseLevel(radius);
      const world = firstWorld(level);
      const agent = new AgentEpisode(level, mindFromRecord(level, { coin: 1 }), world);
      agent.valueMap(world);
      expect(agentAnatomy(level).senses[0]).toMatchObject({ range: 'in-view', distance: radius });
      expect(agent.utility[3] !== 0).toBe(noticed);
    }
  });

  it('matches what the agent perceives: "next to a wall" is known everywhere from the first step', () => {
    const level = senseLevel(1);
    const world = firstWorld(level);
    const agent = new AgentEpisode(level, mindFromRecord(level, { 'next-to-wall': 1 }), world);
    agent.valueMap(world);
    // The wall at (4, 3) is far outside a view of one tile around (0, 0).
    expect(agent.utility[2 * world.width + 4]).toBe(1);
  });

  it('starts from zero, from written weights, or from a declared pretraining run', () => {
    expect(agentAnatomy(campaignLevel('goes-right')).start).toEqual({ kind: 'zero' });
    const json = tinyLevelJson();
    json.agent.inductiveBias.init = { coin: 0.5, 'right-edge': 0 };
    expect(agentAnatomy(mustParse(json)).start).toEqual({ kind: 'declared', weights: { coin: 0.5 } });

    const sleeper = agentAnatomy(campaignLevel('sleeper-agent'));
    if (sleeper.start.kind !== 'pretrained') throw new Error('sleeper-agent should be pretrained');
    const [poisoned, ordinary] = sleeper.start.stages;
    expect(poisoned).toMatchObject({ name: 'earlier runs', knobs: { triggerShare: 1 }, reward: { forbidden: 20, step: -0.2 } });
    expect(ordinary).toMatchObject({ name: 'later runs', knobs: { triggerShare: 0 } });
    expect(sleeper.start.episodes).toBe(poisoned!.episodes + ordinary!.episodes);
    expect(poisoned!.episodes).toBe(poisoned!.generations * poisoned!.population * 2 * poisoned!.episodesPerGeneration);
  });

  it('describes every campaign level without running anything', () => {
    for (const level of campaign()) {
      const anatomy = agentAnatomy(level);
      expect(anatomy.senses.map((s) => s.feature)).toEqual(level.agent.features);
      expect(anatomy.viewRadius).toBe(level.agent.viewRadius);
    }
  });
});
