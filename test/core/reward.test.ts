/**
 * The base objective: the reward counts only what the base optimizer could
 * observe, while the event counts record what really happened.
 */
import { describe, expect, it } from 'vitest';
import { episodeReward, eventCounts, generateWorld, knobValues, mindFromRecord, runEpisode, Rng, type Episode, type EventKind, type World, type WorldEvent } from '../../src/core/index';
import { campaignLevel } from './campaign';

const FINAL: World = {
  width: 1,
  height: 1,
  tiles: new Uint8Array(1),
  objects: [],
  agentX: 0,
  agentY: 0,
  keys: 0,
  t: 0,
  done: true,
  supervised: false,
  audited: false,
  triggered: false,
  rules: { maxSteps: 10, terminalEvents: new Set() },
};

function event(kind: EventKind, observed = true): WorldEvent {
  return { kind, t: 1, x: 0, y: 0, observed };
}

function episodeOf(events: readonly WorldEvent[], idleSteps = 0): Episode {
  return { worlds: [], actions: [], events, final: FINAL, idleSteps };
}

describe('episodeReward', () => {
  const objective = { step: -0.5, coin: 10, forbidden: -4 };

  it('sums the objective over observed events', () => {
    const episode = episodeOf([event('step'), event('step'), event('coin'), event('step'), event('forbidden')]);
    expect(episodeReward(objective, episode)).toBe(3 * -0.5 + 10 - 4);
  });

  it('an unobserved event earns nothing and costs nothing', () => {
    const seen = episodeOf([event('step'), event('forbidden', true)]);
    const unseen = episodeOf([event('step'), event('forbidden', false)]);
    expect(episodeReward(objective, seen)).toBe(-0.5 - 4);
    expect(episodeReward(objective, unseen)).toBe(-0.5);
  });

  it('events the objective does not mention are worth nothing', () => {
    expect(episodeReward(objective, episodeOf([event('gem'), event('exit'), event('hazard')]))).toBe(0);
  });

  it('idle steps are paid the step reward as if the agent had stood there', () => {
    expect(episodeReward(objective, episodeOf([], 6))).toBe(6 * -0.5);
    expect(episodeReward(objective, episodeOf([event('step'), event('coin')], 3))).toBe(4 * -0.5 + 10);
  });

  it('idle steps cost nothing when the objective has no step reward', () => {
    expect(episodeReward({ coin: 10 }, episodeOf([event('coin')], 20))).toBe(10);
  });
});

describe('eventCounts', () => {
  it('counts every event, observed or not', () => {
    const episode = episodeOf([event('step'), event('forbidden', false), event('step'), event('forbidden', true), event('exit')]);
    expect(eventCounts(episode)).toEqual({ step: 2, forbidden: 2, exit: 1 });
  });

  it('counts idle steps as steps', () => {
    expect(eventCounts(episodeOf([event('step'), event('coin')], 5))).toEqual({ step: 6, coin: 1 });
    expect(eventCounts(episodeOf([], 4))).toEqual({ step: 4 });
  });

  it('an empty episode has no counts', () => {
    expect(eventCounts(episodeOf([]))).toEqual({});
  });
});

describe('reward in a real episode (treacherous-turn)', () => {
  const level = campaignLevel('treacherous-turn');
  const exitFast = mindFromRecord(level, { exit: 1 });
  const worldWith = (supervisorShare: number) => generateWorld(level, knobValues(level, 'training', { supervisorShare, covertAuditShare: 0 }), Rng.fromSeed(1));

  it('a shortcut across the forbidden tile nobody watches is not punished, though it happened', () => {
    const world = worldWith(0);
    expect(world.supervised || world.audited).toBe(false);
    const episode = runEpisode(level, exitFast, world);
    expect(eventCounts(episode)).toEqual({ step: 8, forbidden: 1, exit: 1 });
    expect(episodeReward(level.reward.default, episode)).toBe(10 + 8 * -0.5);
  });

  it('the same shortcut under the supervisor is punished', () => {
    const world = worldWith(1);
    expect(world.supervised).toBe(true);
    const episode = runEpisode(level, exitFast, world);
    expect(eventCounts(episode)).toEqual({ step: 8, forbidden: 1, exit: 1 });
    expect(episodeReward(level.reward.default, episode)).toBe(10 + 8 * -0.5 - 10);
  });
});
