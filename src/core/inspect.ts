/**
 * The player's instruments before deployment: watching training-like
 * episodes, probes on edited worlds, covert audits, and the lens.
 *
 * Each returns what the core measures; the view only draws it. None of them
 * reads the deployment suite, so inspecting never leaks the answer.
 */
import { AgentEpisode, mindFromRecord, runEpisode, viewRadiusOf, type Episode, type Mind } from './agent';
import { generateWorld, type KnobValues } from './generator';
import type { Level } from './level';
import { Rng, deriveSeed } from './random';
import { intendedPath } from './deployment';
import { pathDivergence, recordEpisode, type Recording } from './recording';
import { episodeReward, type BaseObjective } from './reward';
import { outcomeOf, type AgentPath } from './scoring';
import { contextFlags, type World, type WorldObject } from './world';

/** How many training-like worlds the Watch tab shows for each trained agent. */
export const WATCH_WORLDS = 8;

/** Worlds from the training distribution the player trained on, for watching. */
export function trainingLikeWorlds(level: Level, knobs: KnobValues, seed: number, count: number): World[] {
  const rng = Rng.fromSeed(deriveSeed(seed, 'inspection'));
  return Array.from({ length: count }, () => generateWorld(level, knobs, rng));
}

/** Runs the agent and records every world along the way (a film for the stage). */
export function watch(level: Level, mind: Mind, world: World): Episode {
  return runEpisode(level, mind, world, { watchedSense: true }, true);
}

/** A covert audit: the agent's watched sense reads "unwatched" while the player still sees everything. */
export function covertAudit(level: Level, mind: Mind, world: World): Episode {
  return runEpisode(level, mind, world, { watchedSense: false }, true);
}

/** Whether the agent's watched sense works ('open': watching, a probe) or reads "unwatched" ('covert': an audit). */
export type InspectionSense = 'open' | 'covert';

/**
 * One inspected episode, compact: its film as a recording, its events and
 * final world (no worlds) for the words, and the intended objective's path
 * in the same world (the ghost the film draws beside the agent's trail) with
 * the move where the two part ways.
 */
export interface InspectedEpisode {
  readonly recording: Recording;
  readonly episode: Episode;
  readonly ghost: AgentPath;
  /** The first move where the agent's path leaves the intended one; null when they never part. */
  readonly divergeAt: number | null;
}

/**
 * Runs the agent once in a world for an inspection tool, recorded compactly
 * (the same recording the deployment reveal plays), so a worker can run it
 * and hand the page only positions and pick-ups.
 */
export function inspectEpisode(level: Level, mind: Mind, world: World, sense: InspectionSense): InspectedEpisode {
  const episode = runEpisode(level, mind, world, { watchedSense: sense === 'open' });
  const recording = recordEpisode(world, episode);
  const ghost = intendedPath(level, world);
  return { recording, episode, ghost, divergeAt: pathDivergence(recording, ghost) };
}

/** The lens on one world: the agent's value of every cell, and each hypothesis's, in the level's hypothesis order. */
export interface LensMaps {
  readonly agent: readonly number[];
  readonly hypotheses: readonly (readonly number[])[];
}

export function lensMaps(level: Level, mind: Mind, world: World): LensMaps {
  // The candidates' agents see as far as this agent does, so the maps differ in what they want, not in how far they see.
  const viewRadius = viewRadiusOf(level, mind);
  return { agent: valueMap(level, mind, world), hypotheses: level.hypotheses.map((h) => valueMap(level, mindFromRecord(level, h.weights, viewRadius), world)) };
}

/** The agent's value of every cell in a world (row-major): the lens's heat-map. */
export function valueMap(level: Level, mind: Mind, world: World): number[] {
  return [...new AgentEpisode(level, mind, world).valueMap(world)];
}

/**
 * The same heat-map under each hypothesis's reference objective, for
 * comparison; the reference agents see as far as `agent` (the level's view
 * radius when left out).
 */
export function hypothesisValueMaps(level: Level, world: World, agent: Pick<Mind, 'viewRadius'> = {}): Record<string, number[]> {
  const maps: Record<string, number[]> = {};
  const viewRadius = viewRadiusOf(level, agent);
  for (const h of level.hypotheses) maps[h.id] = valueMap(level, mindFromRecord(level, h.weights, viewRadius), world);
  return maps;
}

export interface ObjectiveComparison {
  /** Base-objective reward per episode. */
  readonly reward: readonly number[];
  /** Per hypothesis: 1 where the agent ended as that hypothesis's agent would have, else 0. */
  readonly matches: Readonly<Record<string, readonly number[]>>;
}

/**
 * Over the same episodes: the reward the player wrote, and whether each
 * candidate objective explains what the agent did. In training worlds every
 * candidate often explains it equally well — which is why the reward could
 * not tell them apart.
 */
export function compareObjectives(level: Level, mind: Mind, reward: BaseObjective, worlds: readonly World[]): ObjectiveComparison {
  const episodes = worlds.map((w) => runEpisode(level, mind, w));
  const outcomes = episodes.map(outcomeOf);
  const matches: Record<string, number[]> = {};
  for (const h of level.hypotheses) {
    const ref = mindFromRecord(level, h.weights, viewRadiusOf(level, mind));
    matches[h.id] = worlds.map((w, i) => (outcomeOf(runEpisode(level, ref, w)) === outcomes[i] ? 1 : 0));
  }
  return { reward: episodes.map((e) => episodeReward(reward, e)), matches };
}

/**
 * The cheap check: in how many of the worlds the Watch tab shows (drawn from
 * the training distribution with the agent's training seed) the agent ends
 * exactly as a hypothesis's reference agent does. When that is all of them,
 * watching cannot tell the two objectives apart.
 */
export function watchAgreement(level: Level, mind: Mind, knobs: KnobValues, seed: number, hypothesisId: string): { readonly matched: number; readonly worlds: number } {
  const hypothesis = level.hypotheses.find((h) => h.id === hypothesisId);
  if (!hypothesis) throw new Error(`no hypothesis named "${hypothesisId}"`);
  const reference = mindFromRecord(level, hypothesis.weights);
  const worlds = trainingLikeWorlds(level, knobs, seed, WATCH_WORLDS);
  const matched = worlds.filter((w) => outcomeOf(watch(level, mind, w)) === outcomeOf(watch(level, reference, w))).length;
  return { matched, worlds: worlds.length };
}

/* Probe editing: small pure edits of a copy of a world. */

export function withAgentAt(world: World, x: number, y: number): World {
  return { ...world, agentX: x, agentY: y, t: 0, done: false };
}

export function withObject(world: World, object: WorldObject): World {
  const objects = world.objects.filter((o) => o.x !== object.x || o.y !== object.y);
  objects.push(object);
  return refreshFlags({ ...world, objects, t: 0, done: false });
}

export function withoutObjectAt(world: World, x: number, y: number): World {
  return refreshFlags({ ...world, objects: world.objects.filter((o) => o.x !== x || o.y !== y), t: 0, done: false });
}

export function moveObject(world: World, from: { x: number; y: number }, to: { x: number; y: number }): World {
  const moving = world.objects.find((o) => o.x === from.x && o.y === from.y);
  if (!moving) return world;
  return withObject(withoutObjectAt(world, from.x, from.y), { ...moving, x: to.x, y: to.y });
}

/** Puts the supervisor in the room, or takes it out. */
export function withSupervisor(world: World, present: boolean, at?: { x: number; y: number }): World {
  const without = world.objects.filter((o) => o.kind !== 'supervisor');
  if (!present) return { ...world, objects: without, supervised: false, t: 0, done: false };
  const spot = at ?? firstFreeCell(world);
  return spot ? withObject({ ...world, objects: without }, { kind: 'supervisor', colour: 'orange', x: spot.x, y: spot.y }) : world;
}

function firstFreeCell(world: World): { x: number; y: number } | null {
  for (let y = 0; y < world.height; y++) {
    for (let x = 0; x < world.width; x++) {
      if (world.tiles[y * world.width + x] !== 0) continue;
      if (x === world.agentX && y === world.agentY) continue;
      if (world.objects.some((o) => o.x === x && o.y === y)) continue;
      return { x, y };
    }
  }
  return null;
}

function refreshFlags(world: World): World {
  return { ...world, ...contextFlags(world.objects) };
}
