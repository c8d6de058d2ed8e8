/**
 * The work budget: how much a level (and a training configuration) asks the
 * player's machine to do, counted before anything runs.
 *
 * A level is untrusted: a valid level can still ask for days of work (a
 * 32×32 world full of objects, 400 steps, a suite of 500, 8 hypotheses). The
 * unit of work is one agent step on one cell of the map — the planner may
 * look at every cell at every step — so
 *
 *   training = episodes × maxSteps × cells
 *   scoring  = suite × agents played on it × maxSteps × cells
 *
 * where the agents played on the suite are the trained agent, each
 * hypothesis's reference agent, each reference agent again for the failure
 * question (when the level asks it), and the intended reference agent once
 * more for the close-up of the reveal. These are upper bounds, not
 * measurements: an agent that stops early or plans once costs less. The
 * view radius the player may choose does not enter: however far an agent
 * sees, it plans at most once a step over the map's cells, which the bound
 * already counts.
 *
 * Pure and deterministic: no clock. How long a unit takes on this machine is
 * measured by the caller (the worker, the command line) and passed in.
 */
import { episodeBudget, type TrainingConfig } from './config';
import type { Level } from './level';
import { message, type Message } from './message';

/**
 * The limits. Every campaign level, at the most compute its player may
 * choose, fits inside them at least ten times over (see test/core/budget.test.ts
 * for each level's numbers). At the slowest speed measured on the
 * development machine (about 160 ns a unit in the page), the scoring limit is
 * under 7 s of work and the training limit under 3 minutes.
 */
export const WORK_LIMITS = {
  training: 1_000_000_000,
  scoring: 40_000_000,
} as const;

export type WorkPart = keyof typeof WORK_LIMITS;

export interface WorkEstimate {
  readonly training: number;
  readonly scoring: number;
  /** Cells of the map and steps per episode: the factors shared by both parts. */
  readonly cells: number;
  readonly maxSteps: number;
  readonly episodes: number;
  /** Episodes played on the deployment suite when scoring (suite × agents). */
  readonly scoringEpisodes: number;
}

/** A level or configuration that asks for more work than the limits allow: a typed error. */
export interface OverBudget {
  readonly kind: 'over-budget';
  readonly part: WorkPart;
  readonly work: number;
  readonly limit: number;
  /** One line for the player or the terminal (`core.budget.*`). */
  readonly message: Message;
}

/** Agents played on the deployment suite when a verdict is scored. */
export function scoringAgents(level: Level): number {
  const hypotheses = level.hypotheses.length;
  return 1 + hypotheses + (level.askFailureKind ? hypotheses : 0) + 1;
}

export function estimateWork(level: Level, config: TrainingConfig): WorkEstimate {
  const cells = level.world.map.length * (level.world.map[0]?.length ?? 0);
  const maxSteps = level.world.maxSteps;
  const episodes = episodeBudget(config);
  const scoringEpisodes = level.deploymentSuite.size * scoringAgents(level);
  return {
    training: episodes * maxSteps * cells,
    scoring: scoringEpisodes * maxSteps * cells,
    cells,
    maxSteps,
    episodes,
    scoringEpisodes,
  };
}

/** The first part of the estimate over its limit, or null when the level fits. */
export function checkBudget(estimate: WorkEstimate): OverBudget | null {
  for (const part of ['scoring', 'training'] as const) {
    const work = estimate[part];
    const limit = WORK_LIMITS[part];
    if (work > limit) {
      const times = work / limit;
      return {
        kind: 'over-budget',
        part,
        work,
        limit,
        message: message(`core.budget.over-${part}`, {
          work: formatWork(work),
          episodes: part === 'training' ? estimate.episodes : estimate.scoringEpisodes,
          // Steps and cells as the level file writes them, ungrouped.
          steps: String(estimate.maxSteps),
          cells: String(estimate.cells),
          times: times < 10 ? times.toFixed(1) : Math.round(times),
          limit: formatWork(limit),
        }),
      };
    }
  }
  return null;
}

/** Seconds the work would take at a measured speed (nanoseconds per unit). */
export function estimatedSeconds(work: number, nanosecondsPerUnit: number): number {
  return (work * nanosecondsPerUnit) / 1e9;
}

/** A short, honest duration: "about 40 s", "about 6 min", "about 58 h" (`core.duration.*`). */
export function formatDuration(seconds: number): Message {
  if (!Number.isFinite(seconds) || seconds < 0) return message('core.duration.unknown');
  if (seconds < 1) return message('core.duration.under-second');
  if (seconds < 90) return message('core.duration.seconds', { count: Math.round(seconds) });
  if (seconds < 90 * 60) return message('core.duration.minutes', { count: Math.round(seconds / 60) });
  if (seconds < 48 * 3600) return message('core.duration.hours', { count: Math.round(seconds / 3600) });
  return message('core.duration.days', { count: Math.round(seconds / 86400) });
}

/** Units of work in words: "3.3 billion", "12.6 million", or the number itself (written in the reader's digits). */
export function formatWork(work: number): Message | number {
  if (work >= 1e9) return message('core.budget.billion', { value: (work / 1e9).toFixed(1) });
  if (work >= 1e6) return message('core.budget.million', { value: (work / 1e6).toFixed(1) });
  return Math.round(work);
}
