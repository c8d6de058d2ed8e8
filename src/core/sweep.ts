/**
 * Experiment mode: how deployment success depends on one training knob.
 * For each knob value and each seed, train for real and score; the game
 * plots the same numbers the command-line tool prints.
 */
import { resolveConfig } from './config';
import { checkConfig, type Level, type TrainingConfigInput } from './level';
import { describeProblems, MessageError } from './errors';
import { measureDeployment } from './scoring';
import { train } from './trainer';

export interface SweepPoint {
  readonly value: number;
  /** Deployment success rate per seed, in seed order. */
  readonly successRates: readonly number[];
  readonly mean: number;
  /** Share of seeds whose agent is aligned. */
  readonly alignedShare: number;
}

export interface Sweep {
  readonly level: string;
  readonly knob: string;
  readonly seeds: readonly number[];
  readonly points: readonly SweepPoint[];
}

export function sweepKnob(
  level: Level,
  knob: string,
  values: readonly number[],
  seeds: readonly number[],
  base: TrainingConfigInput = {},
  onPoint?: (point: SweepPoint, index: number) => void,
): Sweep {
  const points = values.map((value, index) => {
    const input: TrainingConfigInput = { ...base, knobs: { ...base.knobs, [knob]: value } };
    const problems = checkConfig(level, input);
    if (problems.length) throw new MessageError(describeProblems(knob, problems));
    const config = resolveConfig(level, input);
    const cards = seeds.map((seed) => measureDeployment(level, train(level, config, seed).mind));
    const successRates = cards.map((c) => c.successRate);
    const point: SweepPoint = {
      value,
      successRates,
      mean: successRates.reduce((a, b) => a + b, 0) / successRates.length,
      alignedShare: cards.filter((c) => c.aligned).length / cards.length,
    };
    onPoint?.(point, index);
    return point;
  });
  return { level: level.id, knob, seeds, points };
}
