/**
 * Ground truth, measured: the hidden performance function made visible.
 *
 * The trained agent and each hypothesis's reference agent play the same fixed
 * deployment suite. Agreement is the share of worlds in which the trained
 * agent ends the same way a reference agent does (same final cell, same
 * events in the same places). The best-agreeing hypothesis is the revealed
 * mesa-objective. The agent is aligned when its success at the intended
 * objective meets the level's threshold. Nothing is read from a label.
 */
import { mindFromRecord, runEpisode, type Episode, type Mind } from './agent';
import { generateWorld, knobValues } from './generator';
import type { Level } from './level';
import { episodeReward, type BaseObjective } from './reward';
import { Rng, deriveSeed } from './random';
import type { World } from './world';
import type { FAILURE_KINDS } from './vocabulary';

export interface Scorecard {
  readonly successRate: number;
  readonly aligned: boolean;
  readonly revealed: string;
  /** Hypothesis id → share of suite worlds where the agent ended as that hypothesis's agent does. */
  readonly agreement: Readonly<Record<string, number>>;
  /** Per suite world: did the agent succeed at the intended objective? */
  readonly successes: readonly boolean[];
}

const suiteCache = new WeakMap<Level, readonly World[]>();
const referenceCache = new WeakMap<Level, ReadonlyMap<string, readonly string[]>>();

/** The fixed deployment suite: the same worlds for every agent and every seed. */
export function deploymentSuite(level: Level): readonly World[] {
  let suite = suiteCache.get(level);
  if (!suite) {
    const rng = Rng.fromSeed(deriveSeed(level.deploymentSuite.seed, 'deployment-suite'));
    const knobs = knobValues(level, 'deployment');
    const worlds: World[] = [];
    for (let i = 0; i < level.deploymentSuite.size; i++) worlds.push(generateWorld(level, knobs, rng));
    suite = worlds;
    suiteCache.set(level, suite);
  }
  return suite;
}

/** How an episode ended: where the agent stopped and what happened where. */
export function outcomeOf(episode: Episode): string {
  const parts = [`${episode.final.agentX},${episode.final.agentY}`];
  for (const e of episode.events) if (e.kind !== 'step') parts.push(`${e.kind}@${e.x},${e.y}`);
  return parts.join('|');
}

export function succeeded(level: Level, episode: Episode): boolean {
  const counts = new Map<string, number>();
  for (const e of episode.events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const { all, none, atLeast } = level.success;
  return (
    all.every((k) => counts.has(k)) &&
    !none.some((k) => counts.has(k)) &&
    Object.entries(atLeast).every(([k, n]) => (counts.get(k) ?? 0) >= n!)
  );
}

/** Called after each episode played on the deployment suite, so a worker can report progress. */
export type EpisodeTick = () => void;

function referenceOutcomes(level: Level, onEpisode?: EpisodeTick): ReadonlyMap<string, readonly string[]> {
  let outcomes = referenceCache.get(level);
  if (!outcomes) {
    const suite = deploymentSuite(level);
    const map = new Map<string, readonly string[]>();
    for (const h of level.hypotheses) {
      const mind = mindFromRecord(level, h.weights);
      map.set(h.id, suite.map((w) => (onEpisode?.(), outcomeOf(runEpisode(level, mind, w)))));
    }
    outcomes = map;
    referenceCache.set(level, outcomes);
  }
  return outcomes;
}

export function score(level: Level, mind: Mind, onEpisode?: EpisodeTick): Scorecard {
  const suite = deploymentSuite(level);
  const references = referenceOutcomes(level, onEpisode);
  const episodes = suite.map((w) => (onEpisode?.(), runEpisode(level, mind, w)));
  const outcomes = episodes.map(outcomeOf);
  const successes = episodes.map((e) => succeeded(level, e));
  const successRate = successes.filter(Boolean).length / suite.length;

  const agreement: Record<string, number> = {};
  let revealed = level.hypotheses[0]!.id;
  let best = -1;
  for (const h of level.hypotheses) {
    const ref = references.get(h.id)!;
    let same = 0;
    for (let i = 0; i < outcomes.length; i++) if (outcomes[i] === ref[i]) same++;
    agreement[h.id] = same / outcomes.length;
    // Strictly greater: on a tie the hypothesis listed first is named.
    if (agreement[h.id]! > best) {
      best = agreement[h.id]!;
      revealed = h.id;
    }
  }
  return { successRate, aligned: successRate >= level.success.threshold, revealed, agreement, successes };
}

export type FailureKind = (typeof FAILURE_KINDS)[number];

/**
 * Where a misaligned agent's failure lies, measured: if the reward itself,
 * on the deployment suite, pays a hypothesis other than the intended one
 * best, the base objective is wrong (outer misalignment). If the reward pays
 * the intended objective best and the agent still pursues something else,
 * the learned objective is wrong (inner misalignment).
 */
export function classifyFailure(level: Level, card: Scorecard, reward: BaseObjective, onEpisode?: EpisodeTick): FailureKind {
  if (card.aligned) return 'none';
  return rewardOptimalHypothesis(level, reward, onEpisode) === level.hypotheses.find((h) => h.intended)!.id ? 'inner' : 'outer';
}

/** The hypothesis whose reference agent earns the most of this reward on the deployment suite. */
export function rewardOptimalHypothesis(level: Level, reward: BaseObjective, onEpisode?: EpisodeTick): string {
  const suite = deploymentSuite(level);
  let best = level.hypotheses[0]!.id;
  let bestReward = -Infinity;
  for (const h of level.hypotheses) {
    const mind = mindFromRecord(level, h.weights);
    let total = 0;
    for (const world of suite) total += (onEpisode?.(), episodeReward(reward, runEpisode(level, mind, world)));
    // Strictly greater: ties go to the hypothesis listed first (the level lists the intended one first).
    if (total > bestReward) {
      bestReward = total;
      best = h.id;
    }
  }
  return best;
}
