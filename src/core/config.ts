/**
 * A training configuration: what the player chose (reward, unlocked knobs,
 * compute budget, the agent's view radius where the level lets the player
 * choose it) resolved against the level's defaults.
 */
import type { Level, TrainingConfigInput } from './level';
import type { BaseObjective } from './reward';
import { knobValues, type KnobValues } from './generator';

export interface TrainingConfig {
  readonly reward: BaseObjective;
  readonly knobs: KnobValues;
  readonly generations: number;
  /** Antithetic pairs per generation. */
  readonly population: number;
  readonly episodesPerGeneration: number;
  /** How far the agent sees (null: the whole world): the player's choice where the level offers one, else the level's. */
  readonly viewRadius: number | null;
}

export function resolveConfig(level: Level, input: TrainingConfigInput = {}): TrainingConfig {
  return {
    reward: { ...level.reward.default, ...input.reward },
    knobs: knobValues(level, 'training', input.knobs),
    generations: input.generations ?? level.training.generations,
    population: input.population ?? level.training.population,
    episodesPerGeneration: input.episodesPerGeneration ?? level.training.episodesPerGeneration,
    viewRadius: input.viewRadius ?? level.agent.viewRadius,
  };
}

/** Episodes a configuration will spend: the compute budget shown to the player. */
export function episodeBudget(config: TrainingConfig): number {
  return config.generations * config.population * 2 * config.episodesPerGeneration;
}
