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
  /** One line for the player or the terminal. */
  readonly message: string;
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

const PART_WORDS: Readonly<Record<WorkPart, string>> = {
  training: 'training',
  scoring: 'scoring a verdict',
};

/** The first part of the estimate over its limit, or null when the level fits. */
export function checkBudget(estimate: WorkEstimate): OverBudget | null {
  for (const part of ['scoring', 'training'] as const) {
    const work = estimate[part];
    const limit = WORK_LIMITS[part];
    if (work > limit) {
      const times = work / limit;
      const detail =
        part === 'training'
          ? `${groupDigits(estimate.episodes)} episodes × ${estimate.maxSteps} steps × ${estimate.cells} cells`
          : `${groupDigits(estimate.scoringEpisodes)} deployment episodes × ${estimate.maxSteps} steps × ${estimate.cells} cells`;
      return {
        kind: 'over-budget',
        part,
        work,
        limit,
        message: `${PART_WORDS[part]} would take ${formatWork(work)} units of work (${detail}), ${times < 10 ? times.toFixed(1) : groupDigits(Math.round(times))} times the limit of ${formatWork(limit)}`,
      };
    }
  }
  return null;
}

/** Seconds the work would take at a measured speed (nanoseconds per unit). */
export function estimatedSeconds(work: number, nanosecondsPerUnit: number): number {
  return (work * nanosecondsPerUnit) / 1e9;
}

/** A short, honest duration: "about 40 s", "about 6 min", "about 58 h". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'an unknown time';
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `about ${Math.round(seconds / 3600)} h`;
  return `about ${groupDigits(Math.round(seconds / 86400))} days`;
}

export function formatWork(work: number): string {
  if (work >= 1e9) return `${(work / 1e9).toFixed(1)} billion`;
  if (work >= 1e6) return `${(work / 1e6).toFixed(1)} million`;
  return groupDigits(Math.round(work));
}

/** A whole number with thousands separated by commas, the same in every engine (no locale in the core). */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
