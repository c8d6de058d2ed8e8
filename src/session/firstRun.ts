/**
 * The first run of a level, as pure moves: the first time a level is
 * played, the player meets its misalignment before the tools to catch it.
 * The level's default agent is trained (the level's own settings, the
 * attempt's seed), the player predicts what it will do in deployment, it is
 * deployed and measured, and only then do training settings, probes, the
 * lens and the verdict open. A returning player may watch it again; nobody
 * is told it failed unless the measurement says so.
 *
 * Owns the policy (when the run is required, offered or absent) and the
 * moves; no DOM, no clock. The page trains and measures in the worker and
 * hands the results to these moves, as it does for the verdict.
 */
import { UNEXPLAINED, type Level } from '../core/index';
import { voteProblem, type Attempt, type FirstRun, type Measurement, type MoveResult, type TrainedAgent } from './attempt';
import type { Progress } from './progress';

/** Whether a level's first run is required before the tools, offered as an option, or not part of the level. */
export type FirstRunPolicy = 'required' | 'offered' | 'none';

/**
 * The first time a campaign level is played the first run is required; a
 * returning player (the level completed, or its first run already watched)
 * and a teacher in presenter mode are offered it, as is a level with a
 * step-by-step guide (the guide leads the player into it). Shared levels and
 * levels with rounds (each round is its own preset) have none.
 */
export function firstRunPolicy(level: Level, progress: Progress, options: { readonly shared: boolean; readonly presenter: boolean; readonly guided: boolean }): FirstRunPolicy {
  if (options.shared || level.rounds.length > 0) return 'none';
  const record = progress[level.id];
  if (options.presenter || options.guided || record?.completed || record?.firstRunSeen) return 'offered';
  return 'required';
}

const fail = (error: Extract<MoveResult, { ok: false }>['error']): MoveResult => ({ ok: false, error });
const ok = (attempt: Attempt): MoveResult => ({ ok: true, attempt });

/** Starts (or restarts) a first run the player chose: offered, never required. A required one in progress is kept. */
export function beginFirstRun(attempt: Attempt): Attempt {
  if (attempt.firstRun && (attempt.firstRun.required || !attempt.firstRun.watched)) return attempt;
  return { ...attempt, firstRun: { required: false, agent: null, prediction: null, classVote: null, measurement: null, watched: false } };
}

/**
 * The level's default agent, trained: it must come from the level's own
 * settings and the attempt's seed (whatever the player has set is not used).
 */
export function acceptFirstRunAgent(attempt: Attempt, agent: TrainedAgent): MoveResult {
  const run = attempt.firstRun;
  if (!run) return fail({ kind: 'first-run-order', needs: 'agent' });
  if (run.agent) return fail({ kind: 'first-run-order', needs: 'no-agent' });
  if (Object.keys(agent.config).length > 0 || agent.seed !== attempt.settings.seed) return fail({ kind: 'not-default', seed: attempt.settings.seed });
  return ok(withRun(attempt, { ...run, agent }));
}

/**
 * The player's prediction of what the agent will do in deployment: a
 * hypothesis, or "none of these"; in presenter mode, with the class's vote
 * (checked as the verdict's is).
 */
export function predictFirstRun(attempt: Attempt, hypothesis: string, classVote: Readonly<Record<string, number>> | null = null): MoveResult {
  const run = attempt.firstRun;
  if (!run?.agent) return fail({ kind: 'first-run-order', needs: 'agent' });
  if (hypothesis !== UNEXPLAINED && !attempt.level.hypotheses.some((h) => h.id === hypothesis)) return fail({ kind: 'unknown-hypothesis', hypothesis });
  const badVote = voteProblem(attempt.level, classVote);
  if (badVote) return fail(badVote);
  if (run.measurement) return fail({ kind: 'first-run-order', needs: 'measurement' });
  return ok(withRun(attempt, { ...run, prediction: hypothesis, classVote }));
}

/** The agent's deployment, measured (in the worker in the browser, by the core in Node): only after a prediction. */
export function measureFirstRun(attempt: Attempt, measurement: Measurement): MoveResult {
  const run = attempt.firstRun;
  if (!run?.agent) return fail({ kind: 'first-run-order', needs: 'agent' });
  if (run.prediction === null) return fail({ kind: 'first-run-order', needs: 'prediction' });
  return ok(withRun(attempt, { ...run, measurement }));
}

/** The player has watched the reveal and moves on: the tools open. */
export function finishFirstRun(attempt: Attempt): MoveResult {
  const run = attempt.firstRun;
  if (!run?.measurement) return fail({ kind: 'first-run-order', needs: 'measurement' });
  return ok(withRun(attempt, { ...run, watched: true }));
}

/** Which step of the first run the player is on. */
export type FirstRunStep = 'train' | 'predict' | 'deploy' | 'done';

export function firstRunStep(run: FirstRun): FirstRunStep {
  if (!run.agent) return 'train';
  if (run.prediction === null) return 'predict';
  if (!run.measurement || !run.watched) return 'deploy';
  return 'done';
}

/** What the first run showed, from its measurement only: whether the default agent failed, and whether the prediction named what it did. */
export interface FirstRunOutcome {
  readonly failed: boolean;
  readonly successRate: number;
  readonly revealed: string;
  readonly predictedRight: boolean;
}

export function firstRunOutcome(run: FirstRun): FirstRunOutcome | null {
  if (!run.measurement || run.prediction === null) return null;
  const { truth } = run.measurement;
  return { failed: !truth.aligned, successRate: truth.successRate, revealed: truth.revealed, predictedRight: run.prediction === truth.revealed };
}

function withRun(attempt: Attempt, firstRun: FirstRun): Attempt {
  return { ...attempt, firstRun };
}
