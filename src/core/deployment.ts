/**
 * Deployment, measured in one job: the scorecard, where the failure lies (in
 * levels that ask), and a compact recording of every deployment episode for
 * the reveal — the heavy part of committing a verdict, run by the worker.
 *
 * Pure and deterministic: the same level and mind give the same result in
 * Node, in a worker and in any browser. `onProgress` reports episodes played
 * so far out of the work budget's count, so the page can show progress.
 */
import { mindFromRecord, runEpisode, viewRadiusOf, type Episode, type Mind } from './agent';
import { scoringAgents } from './budget';
import type { Level } from './level';
import { recordEpisode, recordingDivergence, type Recording } from './recording';
import type { BaseObjective } from './reward';
import { classifyFailure, deploymentSuite, score, type FailureKind, type Scorecard } from './scoring';

export interface DeploymentRun {
  readonly scorecard: Scorecard;
  /** Where the failure lies, measured; null in levels that do not ask. */
  readonly failure: FailureKind | null;
  /** One recording per deployment world, in suite order. */
  readonly recordings: readonly Recording[];
  /** The world the close-up shows: the first failure, or world 0. */
  readonly focusIndex: number;
  /** Move at which the agent there departs from the intended objective's agent, or null. */
  readonly divergeAt: number | null;
  /** The close-up's episode (events and final world; no worlds recorded), for its description. */
  readonly focusEpisode: Episode;
}

export type DeploymentProgress = (episodesPlayed: number, episodesPlanned: number) => void;

export function runDeployment(level: Level, mind: Mind, reward: BaseObjective, onProgress?: DeploymentProgress): DeploymentRun {
  const planned = level.deploymentSuite.size * scoringAgents(level);
  let played = 0;
  const tick = () => onProgress?.(Math.min(++played, planned), planned);
  const scorecard = score(level, mind, tick);
  const failure = level.askFailureKind ? classifyFailure(level, scorecard, reward, tick) : null;
  const suite = deploymentSuite(level);
  const focusIndex = Math.max(
    0,
    scorecard.successes.findIndex((s) => !s),
  );
  let focusEpisode: Episode | null = null;
  const recordings = suite.map((world, i) => {
    tick();
    const episode = runEpisode(level, mind, world);
    if (i === focusIndex) focusEpisode = episode;
    return recordEpisode(world, episode);
  });
  let divergeAt: number | null = null;
  if (!scorecard.successes[focusIndex]) {
    const intended = level.hypotheses.find((h) => h.intended)!;
    const world = suite[focusIndex]!;
    tick();
    divergeAt = recordingDivergence(recordings[focusIndex]!, recordEpisode(world, runEpisode(level, mindFromRecord(level, intended.weights, viewRadiusOf(level, mind)), world)));
  }
  onProgress?.(planned, planned);
  return { scorecard, failure, recordings, focusIndex, divergeAt, focusEpisode: focusEpisode! };
}
