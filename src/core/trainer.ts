/**
 * The base optimizer: evolution strategies over the agent's weights.
 *
 * Each generation samples worlds from the training distribution, evaluates
 * antithetic pairs w ± σ·s⊙ε on the same worlds (common random numbers), and
 * moves w along the noise weighted by each candidate's fitness.
 *
 * Fitness shaping keeps the *size* of rewards: a candidate's fitness is its
 * mean reward minus the population's mean, divided by the spread of rewards
 * pooled over every generation so far (a root mean square, floored so a
 * population that all earned the same cannot blow up a rounding error). A
 * generation in which a rare, heavy penalty struck moves the weights in
 * proportion to how heavy it was, so over a run the step follows the expected
 * reward — unlike centred ranks, which keep only the order of the rewards and
 * so make −10 and −100 train the same agent.
 *
 * The per-weight noise scale s and the weight decay are the level's declared
 * inductive bias. Only the player's reward reaches the optimizer; it never
 * sees the level's hypotheses or success test. Only +, −, ×, ÷ and sqrt are
 * used, so every engine computes the same weights.
 *
 * A level's pretraining stages run here too, with the same optimizer, before
 * the player's training starts from the weights they left.
 */
import { mindToRecord, runEpisode, type Episode, type Mind } from './agent';
import type { TrainingConfig } from './config';
import { generateWorld, knobValues } from './generator';
import { weightNames, type Level } from './level';
import { Rng, deriveSeed } from './random';
import { recordEpisode, type Recording } from './recording';
import { episodeReward } from './reward';
import type { World } from './world';

export interface TrainingProgress {
  readonly generation: number;
  readonly generations: number;
  /** Mean training reward of this generation's population. */
  readonly meanReward: number;
  readonly weights: Readonly<Record<string, number>>;
  readonly episodes: number;
  /** A few of this generation's candidates, recorded as they were evaluated (only when `step` is asked to watch). */
  readonly candidates?: readonly CandidateEpisode[];
}

/**
 * One candidate of a generation (w ± σ·s⊙ε of one antithetic pair) as the
 * optimizer evaluated it: its episode in the generation's first training
 * world, recorded from the very run whose reward counted — not run again.
 */
export interface CandidateEpisode {
  /** Its antithetic pair, and which half: +1 is w + σ·s⊙ε, −1 is w − σ·s⊙ε. */
  readonly pair: number;
  readonly sign: 1 | -1;
  /** Its mean reward over every world of the generation (its fitness before shaping). */
  readonly meanReward: number;
  /** The reward it earned in the recorded world. */
  readonly reward: number;
  readonly recording: Recording;
}

export interface TrainingResult {
  readonly mind: Mind;
  /** Mean population reward per generation: the learning curve. */
  readonly curve: readonly number[];
  readonly episodes: number;
}

export class Trainer {
  readonly names: readonly string[];
  readonly weights: Float64Array;
  readonly curve: number[] = [];
  generation = 0;
  episodes = 0;
  /** The training worlds of the last generation run (empty before the first). */
  lastWorlds: readonly World[] = [];
  private readonly rng: Rng;
  private readonly noiseScale: Float64Array;
  /** Fitness spread pooled over the generations so far: Σ squared deviations and their count. */
  private readonly spread = { sumSquares: 0, count: 0 };
  private readonly spreadFloor: number;

  constructor(
    readonly level: Level,
    readonly config: TrainingConfig,
    readonly seed: number,
  ) {
    this.names = weightNames(level.agent);
    const bias = level.agent.inductiveBias;
    this.weights = startingWeights(level);
    this.noiseScale = Float64Array.from(this.names, (n) => bias.noiseScale[n] ?? 1);
    this.rng = Rng.fromSeed(deriveSeed(seed, 'training'));
    this.spreadFloor = spreadFloor(config.reward);
  }

  get finished(): boolean {
    return this.generation >= this.config.generations;
  }

  /**
   * Runs one generation and reports it. `watch` candidates (the first pairs,
   * both halves of each) are recorded in the generation's first world as they
   * are evaluated; watching only reads, so the weights are the same either way.
   */
  step(watch = 0): TrainingProgress {
    const { level, config } = this;
    const k = this.weights.length;
    const pairs = config.population;
    const { worlds, noise } = drawGeneration(level, config, this.rng, k);
    this.lastWorlds = worlds;

    const sigma = level.training.noise;
    const fitness = new Float64Array(2 * pairs);
    const candidate = new Float64Array(k);
    const mind: Mind = { names: this.names, weights: candidate, viewRadius: config.viewRadius };
    const watched: { pair: number; sign: 1 | -1; reward: number; recording: Recording }[] = [];
    for (let j = 0; j < pairs; j++) {
      for (const sign of [1, -1] as const) {
        for (let i = 0; i < k; i++) candidate[i] = this.weights[i]! + sign * sigma * this.noiseScale[i]! * noise[j * k + i]!;
        const index = 2 * j + (sign === 1 ? 0 : 1);
        const seen =
          index < watch
            ? (w: number, start: World, episode: Episode, reward: number) => void (w === 0 && watched.push({ pair: j, sign, reward, recording: recordEpisode(start, episode) }))
            : undefined;
        fitness[index] = meanReward(level, mind, worlds, config, seen);
      }
    }
    this.episodes += 2 * pairs * worlds.length;

    const shaped = pooledSpreadFitness(fitness, this.spread, this.spreadFloor);
    const lr = level.training.learningRate;
    const decay = level.agent.inductiveBias.weightDecay;
    for (let i = 0; i < k; i++) {
      let g = 0;
      for (let j = 0; j < pairs; j++) g += (shaped[2 * j]! - shaped[2 * j + 1]!) * noise[j * k + i]!;
      this.weights[i] = this.weights[i]! + lr * this.noiseScale[i]! * (g / pairs) - lr * decay * this.weights[i]!;
    }

    let mean = 0;
    for (const f of fitness) mean += f;
    mean /= fitness.length;
    this.curve.push(mean);
    this.generation++;
    return {
      generation: this.generation,
      generations: config.generations,
      meanReward: mean,
      weights: Object.fromEntries(this.names.map((n, i) => [n, this.weights[i]!])),
      episodes: this.episodes,
      ...(watch > 0 ? { candidates: watched.map((c) => ({ ...c, meanReward: fitness[2 * c.pair + (c.sign === 1 ? 0 : 1)]! })) } : {}),
    };
  }

  result(): TrainingResult {
    return { mind: { names: this.names, weights: Float64Array.from(this.weights), viewRadius: this.config.viewRadius }, curve: [...this.curve], episodes: this.episodes };
  }
}

/** Trains to the end of the budget, reporting each generation. */
export function train(level: Level, config: TrainingConfig, seed: number, onProgress?: (progress: TrainingProgress) => void): TrainingResult {
  const trainer = new Trainer(level, config, seed);
  while (!trainer.finished) {
    const progress = trainer.step();
    onProgress?.(progress);
  }
  return trainer.result();
}

/**
 * One generation's draws, in the order the trainer makes them: its training
 * worlds (from a fork of the trainer's stream), then the antithetic noise.
 */
function drawGeneration(level: Level, config: TrainingConfig, rng: Rng, k: number): { worlds: World[]; noise: Float64Array } {
  const worldRng = rng.fork();
  const worlds: World[] = [];
  for (let i = 0; i < config.episodesPerGeneration; i++) worlds.push(generateWorld(level, config.knobs, worldRng));
  const noise = new Float64Array(config.population * k);
  for (let i = 0; i < noise.length; i++) noise[i] = rng.normal();
  return { worlds, noise };
}

/**
 * Every world a training run trained on, generation by generation, without
 * training: the same draws as `train(level, config, seed)`, so what the game
 * says about the training distribution is about the worlds this agent saw.
 * With `limits`, it stops once that many worlds, or worlds holding that many
 * objects, are drawn: the first ones, in training order (a bound on the work
 * for a long run or a huge level).
 */
export function trainingWorlds(level: Level, config: TrainingConfig, seed: number, limits: { readonly worlds?: number; readonly objects?: number } = {}): World[] {
  const rng = Rng.fromSeed(deriveSeed(seed, 'training'));
  const k = weightNames(level.agent).length;
  const maxWorlds = limits.worlds ?? Infinity;
  const maxObjects = limits.objects ?? Infinity;
  const all: World[] = [];
  let objects = 0;
  for (let g = 0; g < config.generations; g++) {
    for (const world of drawGeneration(level, config, rng, k).worlds) {
      if (all.length >= maxWorlds || objects >= maxObjects) return all;
      all.push(world);
      objects += world.objects.length;
    }
  }
  return all;
}

/** Mean reward of one mind over worlds; `seen` is shown each episode as it was run (for a view, never to change it). */
export function meanReward(level: Level, mind: Mind, worlds: readonly World[], config: TrainingConfig, seen?: (index: number, start: World, episode: Episode, reward: number) => void): number {
  let total = 0;
  for (let i = 0; i < worlds.length; i++) {
    const episode = runEpisode(level, mind, worlds[i]!);
    const reward = episodeReward(config.reward, episode);
    seen?.(i, worlds[i]!, episode, reward);
    total += reward;
  }
  return total / worlds.length;
}

/** Mean reward of a trained agent on fresh training worlds (not those it trained on). */
export function trainingReward(level: Level, mind: Mind, config: TrainingConfig, seed: number, count = 32): number {
  const rng = Rng.fromSeed(deriveSeed(seed, 'training-evaluation'));
  const worlds: World[] = [];
  for (let i = 0; i < count; i++) worlds.push(generateWorld(level, config.knobs, rng));
  return meanReward(level, mind, worlds, config);
}

/**
 * The smallest spread fitness is divided by: a thousandth of the largest
 * reward term, so rewards that differ only by rounding move nothing.
 */
export function spreadFloor(reward: Readonly<Record<string, number | undefined>>): number {
  let largest = 0;
  for (const value of Object.values(reward)) if (value !== undefined && Math.abs(value) > largest) largest = Math.abs(value);
  return largest > 0 ? largest / 1000 : 1e-9;
}

/**
 * Fitness shaped by the pooled spread: (f − mean of this population) ÷
 * max(floor, √(mean squared deviation over every generation so far, this one
 * included)). `spread` accumulates across calls. Unlike ranks, a reward twice
 * as far from the mean gets twice the weight; unlike a per-generation z-score,
 * a generation where something rare and costly happened weighs more than one
 * where nothing did.
 */
export function pooledSpreadFitness(values: Float64Array, spread: { sumSquares: number; count: number }, floor: number): Float64Array {
  const n = values.length;
  const shaped = new Float64Array(n);
  if (n === 0) return shaped;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  for (let i = 0; i < n; i++) {
    shaped[i] = values[i]! - mean;
    spread.sumSquares += shaped[i]! * shaped[i]!;
  }
  spread.count += n;
  const scale = Math.max(floor, Math.sqrt(spread.sumSquares / spread.count));
  for (let i = 0; i < n; i++) shaped[i] = shaped[i]! / scale;
  return shaped;
}

/**
 * Centred ranks in [−0.5, 0.5] (the fitness shaping Mesa used before the
 * pooled spread; kept for comparison in tests and experiments). Equal rewards share their average rank, so a
 * pair whose two halves behaved identically moves nothing.
 */
export function centredRanks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2;
    for (let m = i; m <= j; m++) ranks[order[m]!] = n > 1 ? rank / (n - 1) - 0.5 : 0;
    i = j + 1;
  }
  return ranks;
}

// ---------------------------------------------------------------------------
/*
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
      viewRadius: level.agent.viewRadius,
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
