/**
 * Pretraining: what happened to the agent before the player's training.
 *
 * A level may declare a pretraining run — stages, each a training
 * distribution (knob values), the reward it paid and its compute — and the
 * engine runs it for real with the same base optimizer the player uses,
 * from the level's own seed. The player's training then starts from the
 * weights it left. Nothing in here writes a weight by hand: a sleeper's
 * backdoor is whatever the poisoned stage trained in.
 *
 * Pretraining depends only on the level, so its result is cached by the
 * level's content; the cache is a memo of a pure function (same level, same
 * weights, bit for bit) and never changes a result.
 */
import { mindToRecord, type Mind } from './agent';
import type { TrainingConfig } from './config';
import { knobValues } from './generator';
import { weightNames, type Level } from './level';
import { deriveSeed } from './random';
import { train } from './trainer';

export interface PretrainingStageResult {
  readonly name: string;
  /** Mean population reward per generation of this stage, under the stage's own reward. */
  readonly curve: readonly number[];
  readonly episodes: number;
  /** The weights this stage left. */
  readonly weights: Readonly<Record<string, number>>;
}

export interface PretrainingResult {
  readonly mind: Mind;
  readonly stages: readonly PretrainingStageResult[];
  readonly episodes: number;
}

let byObject = new WeakMap<Level, PretrainingResult>();
const byContent = new Map<string, PretrainingResult>();
const CACHED_LEVELS = 8;

/** Runs (or recalls) the level's pretraining. Undefined when the level declares none. */
export function pretrain(level: Level): PretrainingResult | undefined {
  if (!level.pretraining) return undefined;
  const known = byObject.get(level);
  if (known) return known;
  const key = pretrainingKey(level);
  let result = byContent.get(key);
  if (result === undefined) {
    result = runPretraining(level);
    if (byContent.size >= CACHED_LEVELS) byContent.delete(byContent.keys().next().value!);
    byContent.set(key, result);
  }
  byObject.set(level, result);
  return result;
}

/**
 * The weights the player's training starts from, in the order of
 * `weightNames`: what pretraining left, or else the level's declared
 * starting weights (zero unless a level written by hand says otherwise).
 */
export function startingWeights(level: Level): Float64Array {
  const pretrained = pretrain(level);
  if (pretrained) return Float64Array.from(pretrained.mind.weights);
  const init = level.agent.inductiveBias.init;
  return Float64Array.from(weightNames(level.agent), (n) => init[n] ?? 0);
}

/** Forgets every cached pretraining, so the next call runs it again (for the benchmark). */
export function clearPretrainingCache(): void {
  byObject = new WeakMap();
  byContent.clear();
}

function runPretraining(level: Level): PretrainingResult {
  const spec = level.pretraining!;
  let weights: Record<string, number> = { ...level.agent.inductiveBias.init };
  const stages: PretrainingStageResult[] = [];
  let mind: Mind | undefined;
  let episodes = 0;
  spec.stages.forEach((stage, i) => {
    // The level as it was at this stage: no pretraining of its own, starting
    // from the weights the previous stage left.
    const stageLevel: Level = {
      ...level,
      pretraining: undefined,
      agent: { ...level.agent, inductiveBias: { ...level.agent.inductiveBias, init: weights } },
    };
    const config: TrainingConfig = {
      reward: { ...stage.reward },
      knobs: { ...knobValues(level, 'training'), ...stage.knobs },
      generations: stage.generations,
      population: stage.population ?? level.training.population,
      episodesPerGeneration: stage.episodesPerGeneration ?? level.training.episodesPerGeneration,
    };
    const result = train(stageLevel, config, deriveSeed(spec.seed, `pretraining:${i}`));
    mind = result.mind;
    weights = mindToRecord(result.mind);
    episodes += result.episodes;
    stages.push({ name: stage.name, curve: result.curve, episodes: result.episodes, weights });
  });
  return { mind: mind!, stages, episodes };
}

/** The level's whole content: any change to it (even to a text) runs pretraining again, so nothing stale is ever reused. */
function pretrainingKey(level: Level): string {
  return JSON.stringify(level);
}
