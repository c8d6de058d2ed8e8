/**
 * Ground truth, measured: the hidden performance function made visible.
 *
 * The trained agent and each hypothesis's reference agent play the same fixed
 * deployment suite. Agreement is the share of worlds in which the trained
 * agent ends the same way a reference agent does (same final cell, same
 * events in the same places). The revealed mesa-objective is the hypothesis
 * that agrees best — but only if it explains at least half of the worlds and
 * no other hypothesis explains as many; otherwise the behaviour is
 * "unexplained", and the game says so. No tie is resolved in favour of any
 * hypothesis, least of all the intended one. The agent is aligned when its
 * success at the intended objective meets the level's threshold. Nothing is
 * read from a label.
 *
 * Names: `measureDeployment` gives the agent's `DeploymentTruth` — what the
 * engine measured about the agent. The player's score for a verdict is
 * `PlayerScore` (verdict.ts); "score" never means the agent's truth.
 */
import { mindFromRecord, runEpisode, viewRadiusOf, type Episode, type Mind } from './agent';
import { generateWorld, knobValues } from './generator';
import { UNEXPLAINED, type Level, type LevelProblem } from './level';
import { message } from './message';
import type { BaseObjective } from './reward';
import { Rng, deriveSeed } from './random';
import type { World } from './world';
import { recordEpisode } from './recording';
import type { FAILURE_KINDS } from './vocabulary';

/** The least agreement with which a hypothesis may be named the revealed objective. */
export const REVEAL_FLOOR = 0.5;

export type RevealedBy =
  /** One hypothesis agrees best, with at least REVEAL_FLOOR of the suite. */
  | 'agreement'
  /** The best agreement is below REVEAL_FLOOR: no hypothesis explains enough. */
  | 'below-floor'
  /** Two or more hypotheses share the best agreement: the behaviour cannot tell them apart. */
  | 'tie';

export interface DeploymentTruth {
  readonly successRate: number;
  readonly aligned: boolean;
  /** A hypothesis id, or UNEXPLAINED ("unexplained") when no hypothesis explains the behaviour. */
  readonly revealed: string;
  /** Why `revealed` is what it is. */
  readonly revealedBy: RevealedBy;
  /** The hypotheses sharing the best agreement (one, unless tied), in the level's order. */
  readonly best: readonly string[];
  /** Hypothesis id → share of suite worlds where the agent ended as that hypothesis's agent does. */
  readonly agreement: Readonly<Record<string, number>>;
  /** Per suite world: did the agent succeed at the intended objective? */
  readonly successes: readonly boolean[];
  /** How far the agent (and the reference agents it was compared with) saw; null: the whole world; left out: the level's view radius. */
  readonly viewRadius?: number | null;
}

const suiteCache = new WeakMap<Level, readonly World[]>();
/** Where an agent stood at each move of one episode (frame 0 is the start). */
export interface AgentPath {
  readonly agentX: Uint8Array;
  readonly agentY: Uint8Array;
}

/** Per hypothesis: how its reference agent ended in each suite world, and the path it took there. */
interface References {
  readonly outcomes: ReadonlyMap<string, readonly string[]>;
  readonly paths: ReadonlyMap<string, readonly AgentPath[]>;
}

/** Per level, per view radius the reference agents played with. */
const referenceCache = new WeakMap<Level, Map<number | null, References>>();

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
  return all.every((k) => counts.has(k)) && !none.some((k) => counts.has(k)) && Object.entries(atLeast).every(([k, n]) => (counts.get(k) ?? 0) >= n!);
}

/** Called after each episode played on the deployment suite, so a worker can report progress. */
export type EpisodeTick = () => void;

/**
 * Each hypothesis's reference agent on the suite: how it ended and the path it
 * took. A reference agent sees as far as the agent it is compared with
 * (`viewRadius`), so agreement measures what the two want, not how far they see.
 */
function references(level: Level, viewRadius: number | null, onEpisode?: EpisodeTick): References {
  let byRadius = referenceCache.get(level);
  if (!byRadius) referenceCache.set(level, (byRadius = new Map()));
  let refs = byRadius.get(viewRadius);
  if (!refs) {
    const suite = deploymentSuite(level);
    const outcomes = new Map<string, readonly string[]>();
    const paths = new Map<string, readonly AgentPath[]>();
    for (const h of level.hypotheses) {
      const mind = mindFromRecord(level, h.weights, viewRadius);
      const ends: string[] = [];
      const ways: AgentPath[] = [];
      for (const w of suite) {
        onEpisode?.();
        const episode = runEpisode(level, mind, w);
        ends.push(outcomeOf(episode));
        const { agentX, agentY } = recordEpisode(w, episode);
        ways.push({ agentX, agentY });
      }
      outcomes.set(h.id, ends);
      paths.set(h.id, ways);
    }
    refs = { outcomes, paths };
    byRadius.set(viewRadius, refs);
  }
  return refs;
}

function referenceOutcomes(level: Level, viewRadius: number | null, onEpisode?: EpisodeTick): ReadonlyMap<string, readonly string[]> {
  return references(level, viewRadius, onEpisode).outcomes;
}

/**
 * A hypothesis's reference agent on the deployment suite, per world: how it
 * ended (as `outcomeOf` writes it) and the path it took. Measured once per
 * level alongside scoring; the reveal draws the intended one as a ghost.
 */
export function referenceRuns(
  level: Level,
  hypothesisId: string,
  viewRadius: number | null = level.agent.viewRadius,
  onEpisode?: EpisodeTick,
): { readonly outcomes: readonly string[]; readonly paths: readonly AgentPath[] } {
  const refs = references(level, viewRadius, onEpisode);
  const outcomes = refs.outcomes.get(hypothesisId);
  const paths = refs.paths.get(hypothesisId);
  if (outcomes === undefined || paths === undefined) throw new Error(`no hypothesis "${hypothesisId}" in level ${level.id}`);
  return { outcomes, paths };
}

export function measureDeployment(level: Level, mind: Mind, onEpisode?: EpisodeTick): DeploymentTruth {
  const suite = deploymentSuite(level);
  const references = referenceOutcomes(level, viewRadiusOf(level, mind), onEpisode);
  const episodes = suite.map((w) => (onEpisode?.(), runEpisode(level, mind, w)));
  const outcomes = episodes.map(outcomeOf);
  const successes = episodes.map((e) => succeeded(level, e));
  const successRate = successes.filter(Boolean).length / suite.length;

  const agreement: Record<string, number> = {};
  for (const h of level.hypotheses) {
    const ref = references.get(h.id)!;
    let same = 0;
    for (let i = 0; i < outcomes.length; i++) if (outcomes[i] === ref[i]) same++;
    agreement[h.id] = same / outcomes.length;
  }
  const { revealed, revealedBy, best } = revealedObjective(level, agreement);
  return { successRate, aligned: successRate >= level.success.threshold, revealed, revealedBy, best, agreement, successes, viewRadius: viewRadiusOf(level, mind) };
}

/** The revealed objective from the agreements: a unique best at or above the floor, else unexplained. */
export function revealedObjective(level: Level, agreement: Readonly<Record<string, number>>): { revealed: string; revealedBy: RevealedBy; best: readonly string[] } {
  let top = -1;
  for (const h of level.hypotheses) top = Math.max(top, agreement[h.id] ?? 0);
  const best = level.hypotheses.filter((h) => (agreement[h.id] ?? 0) === top).map((h) => h.id);
  if (top < REVEAL_FLOOR) return { revealed: UNEXPLAINED, revealedBy: 'below-floor', best };
  if (best.length > 1) return { revealed: UNEXPLAINED, revealedBy: 'tie', best };
  return { revealed: best[0]!, revealedBy: 'agreement', best };
}

export type FailureKind = (typeof FAILURE_KINDS)[number];

/**
 * Where a misaligned agent's failure lies, measured: if the reward itself,
 * on the deployment suite and judged as if every event were seen (no crossing
 * hidden from the supervisor), does not pay the intended objective strictly
 * best, the base objective is wrong (outer misalignment). If it pays the
 * intended objective best and the agent still pursues something else, the
 * learned objective is wrong (inner misalignment).
 *
 * Full observation matters where the reward can only punish what it sees: a
 * fine for a forbidden crossing states what the player wants even though,
 * without a supervisor, no crossing is ever fined. An agent that crosses only
 * when unwatched has then learned something the reward, read in full, does
 * not pay for — an inner failure.
 */
export function classifyFailure(level: Level, card: DeploymentTruth, reward: BaseObjective, onEpisode?: EpisodeTick): FailureKind {
  if (card.aligned) return 'none';
  const intended = level.hypotheses.find((h) => h.intended)!.id;
  const best = rewardOptimalHypotheses(level, reward, onEpisode, card.viewRadius);
  return best.length === 1 && best[0] === intended ? 'inner' : 'outer';
}

/** The reward an episode earns if every event is seen (no forbidden crossing goes unnoticed). */
export function fullObservationReward(reward: BaseObjective, episode: Episode): number {
  let total = (reward.step ?? 0) * episode.idleSteps;
  for (const event of episode.events) total += reward[event.kind] ?? 0;
  return total;
}

/**
 * The hypotheses whose reference agents earn the most of this reward on the
 * deployment suite, under full observation, in the level's order (several
 * when tied).
 */
export function rewardOptimalHypotheses(level: Level, reward: BaseObjective, onEpisode?: EpisodeTick, viewRadius: number | null = level.agent.viewRadius): readonly string[] {
  const suite = deploymentSuite(level);
  const totals = level.hypotheses.map((h) => {
    const mind = mindFromRecord(level, h.weights, viewRadius);
    let total = 0;
    for (const world of suite) total += (onEpisode?.(), fullObservationReward(reward, runEpisode(level, mind, world)));
    return total;
  });
  const top = Math.max(...totals);
  // Totals within a rounding error of the best count as tied.
  const tolerance = 1e-9 * Math.max(1, Math.abs(top));
  return level.hypotheses.filter((_, i) => top - totals[i]! <= tolerance).map((h) => h.id);
}

/** The first hypothesis the reward pays best (see `rewardOptimalHypotheses` for ties). */
export function rewardOptimalHypothesis(level: Level, reward: BaseObjective): string {
  return rewardOptimalHypotheses(level, reward)[0]!;
}

/**
 * The cross-check that needs the engine: the intended hypothesis's reference
 * agent must pass the level's own success test on the deployment suite, or
 * no trained agent could be judged aligned by reaching it. Too heavy for
 * every edit of a draft, so the command-line tool and the lesson check run it
 * before training.
 */
export function hypothesisProblems(level: Level): LevelProblem[] {
  const problems: LevelProblem[] = [];
  level.hypotheses.forEach((h, i) => {
    if (!h.intended) return;
    const card = measureDeployment(level, mindFromRecord(level, h.weights));
    if (!card.aligned) {
      problems.push({
        path: `hypotheses[${i}].weights`,
        message: message('core.problem.reference-fails', { id: h.id, rate: Math.round(card.successRate * 100), threshold: Math.round(level.success.threshold * 100) }),
      });
    }
  });
  return problems;
}
