/**
 * Messages between the page and the training worker: a small typed union.
 *
 * The level travels as the raw JSON the page already validated; the worker
 * validates it again, because a worker must not trust its inputs either.
 */
import type { TrainingConfigInput } from '../core/level';
import type { TrainingProgress } from '../core/trainer';
import type { Sweep, SweepPoint } from '../core/sweep';
import type { LevelReport } from '../core/lesson';
import type { DeploymentRun } from '../core/deployment';
import type { InspectedEpisode, InspectionSense, LensMaps, ObjectiveComparison } from '../core/inspect';
import type { World } from '../core/world';
import type { Message } from '../core/message';

export interface TrainRequest {
  readonly kind: 'train';
  readonly level: unknown;
  readonly config: TrainingConfigInput;
  readonly seed: number;
  /**
   * Minimum milliseconds per generation, so a player can watch the learning
   * curve form. Training itself is unchanged; only its reporting is paced.
   */
  readonly paceMs: number;
  /**
   * How many candidates of each generation to record for the Train screen's
   * show (0 to MAX_SHOWN_CANDIDATES): their episodes in the generation's first
   * world travel with its progress message. Recording changes no weight.
   */
  readonly candidates: number;
}

/** The most candidates a generation's progress message carries. */
export const MAX_SHOWN_CANDIDATES = 4;

/** Experiment mode: deployment success against one knob, several seeds per point. */
export interface SweepRequest {
  readonly kind: 'sweep';
  readonly level: unknown;
  readonly knob: string;
  readonly values: readonly number[];
  readonly seeds: readonly number[];
  readonly config: TrainingConfigInput;
}

/** The editor's lesson check: every claim of the level, trained for real on each seed. */
export interface CheckRequest {
  readonly kind: 'check';
  readonly level: unknown;
  readonly seeds: readonly number[];
}

/** A job on a trained agent: its level, its weights in the level's weight order, and the configuration it was trained with. */
interface AgentJob {
  readonly level: unknown;
  readonly weights: readonly number[];
  readonly config: TrainingConfigInput;
}

/**
 * Committing a verdict: score the trained agent on the deployment suite,
 * classify the failure, and record every deployment episode compactly.
 */
export interface DeployRequest extends AgentJob {
  readonly kind: 'deploy';
}

/** How long one episode of this level takes on this machine: a few deployment episodes, timed. */
export interface MeasureRequest {
  readonly kind: 'measure';
  readonly level: unknown;
}

/** Inspect's "compare objectives": the agent and every hypothesis on the player's inspection worlds. */
export interface CompareRequest extends AgentJob {
  readonly kind: 'compare';
  readonly worlds: readonly World[];
}

/** Inspect's films (watching, a probe, a covert audit): the agent run once per world, recorded compactly. */
export interface EpisodesRequest extends AgentJob {
  readonly kind: 'episodes';
  readonly runs: readonly { readonly world: World; readonly sense: InspectionSense }[];
}

/** The lens on one world: the agent's value map and each hypothesis's. */
export interface LensRequest extends AgentJob {
  readonly kind: 'lens';
  readonly world: World;
}

export type WorkerRequest = TrainRequest | SweepRequest | CheckRequest | DeployRequest | MeasureRequest | CompareRequest | EpisodesRequest | LensRequest;

export type WorkerMessage =
  | { readonly kind: 'check-done'; readonly report: LevelReport }
  | { readonly kind: 'sweep-point'; readonly point: SweepPoint; readonly index: number }
  | { readonly kind: 'sweep-done'; readonly sweep: Sweep }
  | { readonly kind: 'progress'; readonly progress: TrainingProgress }
  | {
      readonly kind: 'done';
      readonly names: readonly string[];
      readonly weights: readonly number[];
      /** How far the trained agent sees (null: the whole world): it plays everything with it. */
      readonly viewRadius: number | null;
      readonly curve: readonly number[];
      readonly episodes: number;
    }
  | { readonly kind: 'deploy-progress'; readonly played: number; readonly planned: number }
  | { readonly kind: 'deploy-done'; readonly run: DeploymentRun }
  | { readonly kind: 'measured'; readonly msPerEpisode: number; readonly episodes: number }
  | { readonly kind: 'compared'; readonly comparison: ObjectiveComparison }
  | { readonly kind: 'episodes-progress'; readonly played: number; readonly planned: number }
  | { readonly kind: 'episodes-done'; readonly episodes: readonly InspectedEpisode[] }
  | { readonly kind: 'lens-done'; readonly maps: LensMaps }
  /** Why the job failed: a catalog message from the core, or an error's own text. */
  | { readonly kind: 'error'; readonly message: string | Message };
