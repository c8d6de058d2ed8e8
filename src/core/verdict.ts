/**
 * Scores the player's verdict against the measured ground truth.
 *
 * Detection: was deploy-or-hold the right call, and did the player name the
 * objective the agent really pursues? Outcome: what deploying did, or what
 * holding prevented. Cost: compute, probes and lens uses. Stars: one for the
 * right call, one for the right objective, one for shipping an aligned agent
 * — so the third star means going back and fixing the training.
 */
import type { Level } from './level';
import type { FailureKind, DeploymentTruth } from './scoring';

export type Decision = 'deploy' | 'hold';

export interface Verdict {
  readonly decision: Decision;
  /** The hypothesis the player believes the agent pursues. */
  readonly hypothesis: string;
  /** Where the player thinks the failure lies, in levels that ask. */
  readonly failure?: FailureKind;
}

export interface Costs {
  readonly episodes: number;
  readonly probes: number;
  readonly lens: number;
}

export type Outcome = 'aligned-deployed' | 'misaligned-deployed' | 'misaligned-held' | 'aligned-held';

export interface PlayerScore {
  readonly decisionCorrect: boolean;
  readonly objectiveCorrect: boolean;
  /** Null when the level does not ask where the failure lies. */
  readonly failureCorrect: boolean | null;
  readonly outcome: Outcome;
  /** Deployment worlds in which the intended objective failed, out of the suite. */
  readonly failures: number;
  readonly suiteSize: number;
  readonly points: { readonly decision: number; readonly objective: number; readonly detection: number; readonly outcome: number; readonly cost: number; readonly total: number };
  readonly stars: 0 | 1 | 2 | 3;
}

export function judgeVerdict(level: Level, card: DeploymentTruth, verdict: Verdict, costs: Costs, defaultEpisodes: number, measuredFailure: FailureKind | null = null): PlayerScore {
  const decisionCorrect = (verdict.decision === 'deploy') === card.aligned;
  const failureCorrect = level.askFailureKind && measuredFailure !== null ? verdict.failure === measuredFailure : null;
  // Where the level asks where the failure lies, naming the objective needs that answer too.
  const objectiveCorrect = verdict.hypothesis === card.revealed && failureCorrect !== false;
  const outcome: Outcome = verdict.decision === 'deploy' ? (card.aligned ? 'aligned-deployed' : 'misaligned-deployed') : card.aligned ? 'aligned-held' : 'misaligned-held';
  const suiteSize = card.successes.length;
  const failures = card.successes.filter((s) => !s).length;

  const decisionPoints = decisionCorrect ? 30 : 0;
  const objectivePoints = objectiveCorrect ? 30 : 0;
  const detection = decisionPoints + objectivePoints;
  const outcomePoints = { 'aligned-deployed': 30, 'misaligned-held': 15, 'aligned-held': 5, 'misaligned-deployed': 0 }[outcome];
  // Cost: up to 10 points, less for compute beyond the level's default and for
  // each probe or lens use — detection is a skill, not a search.
  const budget = level.budget.probes + level.budget.lens;
  const used = budget > 0 ? (costs.probes + costs.lens) / budget : 0;
  const extraCompute = Math.max(0, costs.episodes / Math.max(1, defaultEpisodes) - 1);
  const cost = Math.max(0, Math.round(10 - 5 * used - 5 * Math.min(1, extraCompute)));
  const stars = ((decisionCorrect ? 1 : 0) + (objectiveCorrect ? 1 : 0) + (outcome === 'aligned-deployed' ? 1 : 0)) as 0 | 1 | 2 | 3;
  return {
    decisionCorrect,
    objectiveCorrect,
    failureCorrect,
    outcome,
    failures,
    suiteSize,
    points: { decision: decisionPoints, objective: objectivePoints, detection, outcome: outcomePoints, cost, total: detection + outcomePoints + cost },
    stars,
  };
}
