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
import { UNEXPLAINED, type Level } from './level';
import { pathDivergence, recordEpisode, type Recording } from './recording';
import type { BaseObjective } from './reward';
import type { World } from './world';
import { classifyFailure, deploymentSuite, outcomeOf, referenceRuns, measureDeployment, type AgentPath, type FailureKind, type DeploymentTruth } from './scoring';

export interface DeploymentRun {
  readonly scorecard: DeploymentTruth;
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
  /** Per world: the path the intended objective's reference agent takes in the same world (the reveal's ghost). */
  readonly intendedPaths: readonly AgentPath[];
  /** Per world: the move at which the agent leaves the intended agent's path, or -1 if it never does. */
  readonly divergence: readonly number[];
  /** Per world: the trained agent ended exactly as the intended objective's agent does. */
  readonly matchesIntended: readonly boolean[];
  /** Per world: it ended exactly as the revealed objective's agent does (never, when the behaviour is unexplained). */
  readonly matchesRevealed: readonly boolean[];
  /** Per world: the revealed and the intended objective's agents end differently (never, when they are one and the same). */
  readonly objectivesPart: readonly boolean[];
  /** The worlds the reveal plays first, the most telling first (see `chooseFirstWorlds`). */
  readonly firstWorlds: readonly number[];
}

/**
 * The path the intended objective's reference agent takes in one world: the
 * ghost a playback draws beside the trained agent's trail (one episode).
 */
export function intendedPath(level: Level, world: World): AgentPath {
  const intended = level.hypotheses.find((h) => h.intended)!;
  const { agentX, agentY } = recordEpisode(world, runEpisode(level, mindFromRecord(level, intended.weights), world));
  return { agentX, agentY };
}

/** How many worlds the reveal plays first, large. */
export const FIRST_WORLDS = 4;

/** Per-world facts of a deployment, as measured. */
export interface WorldFacts {
  readonly successes: readonly boolean[];
  readonly matchesRevealed: readonly boolean[];
  readonly objectivesPart: readonly boolean[];
}

/**
 * The worlds worth watching first, chosen from measured facts: worlds where
 * the revealed and the intended objectives part ways and the agent did what
 * the revealed one does; then other worlds where they part ways; then
 * failures; then the rest, each group in suite order.
 */
export function chooseFirstWorlds(facts: WorldFacts, count = FIRST_WORLDS): number[] {
  const n = facts.successes.length;
  const rank = (i: number) => (facts.objectivesPart[i] ? (facts.matchesRevealed[i] ? 0 : 1) : facts.successes[i] ? 3 : 2);
  return Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => rank(a) - rank(b) || a - b)
    .slice(0, Math.max(0, count));
}

export type DeploymentProgress = (episodesPlayed: number, episodesPlanned: number) => void;

export function runDeployment(level: Level, mind: Mind, reward: BaseObjective, onProgress?: DeploymentProgress): DeploymentRun {
  const planned = level.deploymentSuite.size * scoringAgents(level);
  let played = 0;
  const tick = () => onProgress?.(Math.min(++played, planned), planned);
  const scorecard = measureDeployment(level, mind, tick);
  const failure = level.askFailureKind ? classifyFailure(level, scorecard, reward, tick) : null;
  const suite = deploymentSuite(level);
  const focusIndex = Math.max(
    0,
    scorecard.successes.findIndex((s) => !s),
  );
  const intended = level.hypotheses.find((h) => h.intended)!;
  const intendedRuns = referenceRuns(level, intended.id, viewRadiusOf(level, mind));
  const revealedRuns = scorecard.revealed === UNEXPLAINED ? null : referenceRuns(level, scorecard.revealed, viewRadiusOf(level, mind));
  let focusEpisode: Episode | null = null;
  const outcomes: string[] = [];
  const recordings = suite.map((world, i) => {
    tick();
    const episode = runEpisode(level, mind, world);
    if (i === focusIndex) focusEpisode = episode;
    outcomes.push(outcomeOf(episode));
    return recordEpisode(world, episode);
  });
  const divergence = recordings.map((r, i) => pathDivergence(r, intendedRuns.paths[i]!) ?? -1);
  const matchesIntended = outcomes.map((o, i) => o === intendedRuns.outcomes[i]);
  const matchesRevealed = outcomes.map((o, i) => revealedRuns !== null && o === revealedRuns.outcomes[i]);
  const objectivesPart = suite.map((_, i) => revealedRuns !== null && revealedRuns.outcomes[i] !== intendedRuns.outcomes[i]);
  const firstWorlds = chooseFirstWorlds({ successes: scorecard.successes, matchesRevealed, objectivesPart });
  const focusDivergence = divergence[focusIndex]!;
  const divergeAt = !scorecard.successes[focusIndex] && focusDivergence >= 0 ? focusDivergence : null;
  onProgress?.(planned, planned);
  return {
    scorecard,
    failure,
    recordings,
    focusIndex,
    divergeAt,
    focusEpisode: focusEpisode!,
    intendedPaths: intendedRuns.paths,
    divergence,
    matchesIntended,
    matchesRevealed,
    objectivesPart,
    firstWorlds,
  };
}
