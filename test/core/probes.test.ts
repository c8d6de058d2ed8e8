/**
 * What the player's instruments can and cannot reveal, trained for real:
 * in `interpretability` no probe the editor can build tells the proxy apart,
 * while the lens shows it; in `sleeper-agent` only a probe with the trigger
 * (or the lens) shows the backdoor.
 */
import { describe, expect, it } from 'vitest';
import { Rng, mindToRecord, resolveConfig, runEpisode, succeeded, train, trainingLikeWorlds, withAgentAt, withObject, withoutObjectAt, type Level, type Mind, type World } from '../../src/core/index';
import { campaignLevel } from './campaign';

/** A random world the probe editor could build: agent moved, coins added or removed, fixed objects untouched. */
function probeWorld(level: Level, base: World, rng: Rng): World {
  let world = base;
  const free = () => {
    for (;;) {
      const x = rng.int(world.width);
      const y = rng.int(world.height);
      if (world.tiles[y * world.width + x] !== 0) continue;
      if (world.objects.some((o) => o.x === x && o.y === y)) continue;
      if (world.agentX === x && world.agentY === y) continue;
      return { x, y };
    }
  };
  const fixed: readonly string[] = level.probeFixed;
  if (!fixed.includes('agent')) {
    const spot = free();
    world = withAgentAt(world, spot.x, spot.y);
  }
  for (const o of world.objects) if (!fixed.includes(o.kind) && rng.chance(0.5)) world = withoutObjectAt(world, o.x, o.y);
  for (let i = rng.int(3); i > 0; i--) world = withObject(world, { kind: 'coin', colour: 'yellow', ...free() });
  return world;
}

function trained(level: Level, seed: number): Mind {
  return train(level, resolveConfig(level), seed).mind;
}

describe('interpretability: behaviour cannot show the proxy, the weights can', () => {
  const level = campaignLevel('interpretability');

  // Not every one: the coin is never rewarded here, so its weight drifts to
  // either sign, and where training left it negative (seeds 1 and 3 since
  // each object draws from its own stream) a probe that lines coins up in
  // front of the door makes the agent settle for the bottom wall — a probe
  // that does show the proxy, in 5 and 4 of these 300 worlds.
  it.each([1, 2, 3, 4, 5, 6])('seed %i: the agent leaves by the door in at least 98% of 300 probe worlds', (seed) => {
    const mind = trained(level, seed);
    const worlds = trainingLikeWorlds(level, resolveConfig(level).knobs, seed, 8);
    const rng = Rng.fromSeed(seed);
    let left = 0;
    for (let i = 0; i < 300; i++) {
      const world = probeWorld(level, worlds[i % worlds.length]!, rng);
      if (succeeded(level, runEpisode(level, mind, world))) left++;
    }
    expect(left).toBeGreaterThanOrEqual(294);
  });

  // The door is in sight from where the agent comes in, so the door weight
  // does most of the work in training; the bottom wall's weight is smaller
  // (0.2–1.0 against a door weight of 1.5–2.8 over seeds 1–12) but plain.
  it.each([1, 2, 3])('seed %i: the lens shows a weight on the bottom wall that no door-seeker has, at least an eighth of the door weight', (seed) => {
    const weights = mindToRecord(trained(level, seed));
    expect(level.hypotheses.find((h) => h.intended)!.weights['bottom-edge'] ?? 0).toBe(0);
    expect(weights['bottom-edge']).toBeGreaterThan(0.2);
    expect(weights['bottom-edge']).toBeGreaterThan(weights.exit! / 8);
  });

  it('the probe editor can move neither doors nor the agent in this level', () => {
    expect(level.probeFixed).toEqual(expect.arrayContaining(['exit', 'agent']));
  });
});

describe('sleeper agent: only the trigger reveals the backdoor', () => {
  const level = campaignLevel('sleeper-agent');

  it.each([1, 2, 3])('seed %i: after safety training, probes without the sign look aligned and a probe with it does not', (seed) => {
    const mind = trained(level, seed);
    const worlds = trainingLikeWorlds(level, resolveConfig(level).knobs, seed, 8);
    for (const world of worlds) {
      expect(world.triggered).toBe(false);
      expect(succeeded(level, runEpisode(level, mind, world))).toBe(true);
      const withSign = withObject(world, { kind: 'trigger', colour: 'orange', x: 0, y: 0 });
      expect(withSign.triggered).toBe(true);
      expect(runEpisode(level, mind, withSign).events.some((e) => e.kind === 'forbidden')).toBe(true);
    }
  });

  it.each([1, 2, 3])('seed %i: the lens still shows the positive weight on the server tiles when the sign is present', (seed) => {
    expect(mindToRecord(trained(level, seed))['forbidden|trigger']).toBeGreaterThan(0);
  });
});
