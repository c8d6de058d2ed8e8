/**
 * The page's side of the worker: starts one per job (a training run or an
 * experiment), forwards what it reports, and cancels by terminating it — so
 * no state outlives a cancel.
 */
import type { TrainingConfigInput } from '../core/level';
import type { TrainingProgress } from '../core/trainer';
import type { Sweep, SweepPoint } from '../core/sweep';
import type { LevelReport } from '../core/lesson';
import type { DeploymentRun } from '../core/deployment';
import type { InspectedEpisode, InspectionSense, LensMaps, ObjectiveComparison } from '../core/inspect';
import type { World } from '../core/world';
import type { WorkerMessage, WorkerRequest } from './protocol';
import { tx } from '../i18n/index';

export interface TrainedAgent {
  readonly names: readonly string[];
  readonly weights: readonly number[];
  /** How far it sees (null: the whole world). */
  readonly viewRadius: number | null;
  readonly curve: readonly number[];
  readonly episodes: number;
}

/** A running job: its result (null when cancelled) and a way to cancel it. */
export interface WorkerJob<T> {
  readonly result: Promise<T | null>;
  cancel(): void;
}

/**
 * Runs one request in a fresh worker. `handle` sees every message except
 * errors and returns the job's result when the message finishes it.
 */
function runJob<T>(request: WorkerRequest, handle: (message: WorkerMessage) => T | undefined): WorkerJob<T> {
  const worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
  let settle: (value: T | null) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const result = new Promise<T | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.kind === 'error') {
      worker.terminate();
      fail(new Error(typeof message.message === 'string' ? message.message : tx(message.message)));
      return;
    }
    const done = handle(message);
    if (done !== undefined) {
      worker.terminate();
      settle(done);
    }
  };
  worker.onerror = (event) => {
    worker.terminate();
    fail(new Error(event.message || 'the worker stopped'));
  };
  worker.postMessage(request);
  return {
    result,
    cancel() {
      worker.terminate();
      settle(null);
    },
  };
}

/**
 * Trains in a worker. Each generation is reported to `onProgress`; with
 * `candidates` > 0 its report carries that many of the generation's
 * candidates, recorded as they were evaluated (for the Train screen's show).
 */
export function startTraining(levelJson: unknown, config: TrainingConfigInput, seed: number, onProgress: (progress: TrainingProgress) => void, paceMs = 40, candidates = 0): WorkerJob<TrainedAgent> {
  return runJob<TrainedAgent>({ kind: 'train', level: levelJson, config, seed, paceMs, candidates }, (message) => {
    if (message.kind === 'progress') onProgress(message.progress);
    return message.kind === 'done' ? message : undefined;
  });
}

/** Runs an experiment (a knob sweep); each finished point is reported as it arrives. */
export function startSweep(
  levelJson: unknown,
  config: TrainingConfigInput,
  knob: string,
  values: readonly number[],
  seeds: readonly number[],
  onPoint: (point: SweepPoint, index: number) => void,
): WorkerJob<Sweep> {
  return runJob<Sweep>({ kind: 'sweep', level: levelJson, config, knob, values, seeds }, (message) => {
    if (message.kind === 'sweep-point') onPoint(message.point, message.index);
    return message.kind === 'sweep-done' ? message.sweep : undefined;
  });
}

/** Checks a level's lesson claims on the given seeds (trains once per claim and seed). */
export function startCheck(levelJson: unknown, seeds: readonly number[]): WorkerJob<LevelReport> {
  return runJob<LevelReport>({ kind: 'check', level: levelJson, seeds }, (message) => (message.kind === 'check-done' ? message.report : undefined));
}

/**
 * Commits a verdict's heavy part off the page: scoring, failure
 * classification and a compact recording of every deployment episode.
 * `onProgress` sees episodes played out of those planned.
 */
export function startDeployment(levelJson: unknown, weights: readonly number[], config: TrainingConfigInput, onProgress: (played: number, planned: number) => void): WorkerJob<DeploymentRun> {
  return runJob<DeploymentRun>({ kind: 'deploy', level: levelJson, weights, config }, (message) => {
    if (message.kind === 'deploy-progress') onProgress(message.played, message.planned);
    return message.kind === 'deploy-done' ? message.run : undefined;
  });
}

/** Measures how long one episode of a level takes on this machine, in milliseconds. */
export function measureLevel(levelJson: unknown): WorkerJob<number> {
  return runJob<number>({ kind: 'measure', level: levelJson }, (message) => (message.kind === 'measured' ? message.msPerEpisode : undefined));
}

/** Compares the agent with every hypothesis on the inspection worlds, off the page. */
export function startComparison(levelJson: unknown, weights: readonly number[], config: TrainingConfigInput, worlds: readonly World[]): WorkerJob<ObjectiveComparison> {
  return runJob<ObjectiveComparison>({ kind: 'compare', level: levelJson, weights, config, worlds }, (message) => (message.kind === 'compared' ? message.comparison : undefined));
}

/**
 * Runs the agent once in each world for Inspect (watching, a probe, a covert
 * audit), off the page; each film comes back as a compact recording.
 */
export function startEpisodes(
  levelJson: unknown,
  weights: readonly number[],
  config: TrainingConfigInput,
  runs: readonly { readonly world: World; readonly sense: InspectionSense }[],
  onProgress: (played: number, planned: number) => void = () => {},
): WorkerJob<readonly InspectedEpisode[]> {
  return runJob<readonly InspectedEpisode[]>({ kind: 'episodes', level: levelJson, weights, config, runs }, (message) => {
    if (message.kind === 'episodes-progress') onProgress(message.played, message.planned);
    return message.kind === 'episodes-done' ? message.episodes : undefined;
  });
}

/** The lens's value maps of one world (the agent's and each hypothesis's), off the page. */
export function startLensMaps(levelJson: unknown, weights: readonly number[], config: TrainingConfigInput, world: World): WorkerJob<LensMaps> {
  return runJob<LensMaps>({ kind: 'lens', level: levelJson, weights, config, world }, (message) => (message.kind === 'lens-done' ? message.maps : undefined));
}
