/**
 * The base optimizer: fitness shaping by centred ranks, learning on the
 * tutorial, determinism by seed, and progress reports.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  centredRanks,
  episodeBudget,
  hashNumbers,
  resolveConfig,
  train,
  type TrainingProgress,
} from '../../src/core/index';
import { campaignLevel } from './campaign';

const ranksOf = (values: readonly number[]) => [...centredRanks(Float64Array.from(values))];

describe('centredRanks', () => {
  it('maps the lowest value to −0.5, the highest to 0.5 and the rest evenly between', () => {
    expect(ranksOf([3, 1, 2])).toEqual([0.5, -0.5, 0]);
    expect(ranksOf([10, 40, 20, 30, 0])).toEqual([-0.25, 0.5, 0, 0.25, -0.5]);
  });

  it('equal values share their average rank', () => {
    expect(ranksOf([1, 2, 2, 3])).toEqual([-0.5, 0, 0, 0.5]);
    expect(ranksOf([7, 7, 7])).toEqual([0, 0, 0]);
    // Average ranks 2.5 and 0.5 of 0..3, scaled as rank / (n − 1) − 0.5 (about ±1/3).
    expect(ranksOf([5, 1, 5, 1])).toEqual([2.5 / 3 - 0.5, 0.5 / 3 - 0.5, 2.5 / 3 - 0.5, 0.5 / 3 - 0.5]);
  });

  it('a single value gets rank 0, and no values give no ranks', () => {
    expect(ranksOf([42])).toEqual([0]);
    expect(ranksOf([])).toEqual([]);
  });

  // Small integers force many ties; arbitrary doubles cover the rest.
  const values = fc.oneof(
    fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 40 }),
    fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 40 }),
  );

  it('ranks lie in [−0.5, 0.5] and sum to zero (property)', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ranks = ranksOf(vs);
        expect(ranks).toHaveLength(vs.length);
        for (const r of ranks) expect(r >= -0.5 && r <= 0.5).toBe(true);
        expect(Math.abs(ranks.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('ranks preserve order, and equal values get equal ranks (property)', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ranks = ranksOf(vs);
        for (let i = 0; i < vs.length; i++) {
          for (let j = 0; j < vs.length; j++) {
            if (vs[i]! < vs[j]!) expect(ranks[i]).toBeLessThan(ranks[j]!);
            if (vs[i] === vs[j]) expect(ranks[i]).toBe(ranks[j]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('train', () => {
  const level = campaignLevel('tutorial');
  const coinAndExit = resolveConfig(level, { reward: { coin: 10 } });
  const weightsHash = (seed: number) => hashNumbers([...train(level, coinAndExit, seed).mind.weights]);

  it.each([1, 2, 3])('raises the mean population reward from the first generation to the last (seed %i)', (seed) => {
    const { curve } = train(level, coinAndExit, seed);
    expect(curve).toHaveLength(coinAndExit.generations);
    expect(curve.at(-1)!).toBeGreaterThan(curve[0]! + 5);
  });

  it('the same level, configuration and seed give bit-identical weights', () => {
    expect(weightsHash(7)).toBe(weightsHash(7));
    expect([...train(level, coinAndExit, 7).mind.weights]).toEqual([...train(level, coinAndExit, 7).mind.weights]);
  });

  it('different seeds give different weights', () => {
    const hashes = new Set([1, 2, 3, 4].map(weightsHash));
    expect(hashes.size).toBe(4);
  });

  it('a different configuration gives different weights for the same seed', () => {
    const exitOnly = resolveConfig(level);
    expect(hashNumbers([...train(level, exitOnly, 1).mind.weights])).not.toBe(weightsHash(1));
  });

  it('reports progress once per generation, with growing generation and episode counts', () => {
    const reports: TrainingProgress[] = [];
    const result = train(level, coinAndExit, 3, (p) => reports.push(p));
    const perGeneration = coinAndExit.population * 2 * coinAndExit.episodesPerGeneration;
    expect(reports.map((p) => p.generation)).toEqual(Array.from({ length: coinAndExit.generations }, (_, i) => i + 1));
    expect(reports.map((p) => p.episodes)).toEqual(reports.map((p) => p.generation * perGeneration));
    expect(reports.every((p) => p.generations === coinAndExit.generations)).toBe(true);
    expect(reports.map((p) => p.meanReward)).toEqual(result.curve);
    expect(result.episodes).toBe(episodeBudget(coinAndExit));
  });

  it('the last progress report carries the final weights', () => {
    let last: TrainingProgress | undefined;
    const result = train(level, coinAndExit, 4, (p) => (last = p));
    expect(last?.weights).toEqual({ coin: result.mind.weights[0], exit: result.mind.weights[1] });
    expect(result.mind.names).toEqual(['coin', 'exit']);
  });

  it('a progress callback does not change what is learned', () => {
    const quiet = train(level, coinAndExit, 5);
    const watched = train(level, coinAndExit, 5, () => undefined);
    expect(hashNumbers([...watched.mind.weights])).toBe(hashNumbers([...quiet.mind.weights]));
  });
});
