/**
 * The base optimizer: fitness shaping by the pooled spread (and the centred
 * ranks it replaced), learning on the tutorial, determinism by seed, and
 * progress reports.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centredRanks, episodeBudget, hashNumbers, pooledSpreadFitness, resolveConfig, spreadFloor, train, type TrainingProgress } from '../../src/core/index';
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
  const values = fc.oneof(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 40 }), fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 40 }));

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

describe('pooledSpreadFitness', () => {
  const shape = (values: readonly number[], spread = { sumSquares: 0, count: 0 }, floor = 1e-3) => [...pooledSpreadFitness(Float64Array.from(values), spread, floor)];

  it('subtracts the population mean and divides by the root mean square deviation', () => {
    // Deviations −1, 1, −3, 3: mean square 5.
    expect(shape([1, 3, -1, 5])).toEqual([-1 / Math.sqrt(5), 1 / Math.sqrt(5), -3 / Math.sqrt(5), 3 / Math.sqrt(5)]);
  });

  it('keeps the size of differences, not just their order', () => {
    const a = shape([0, 1, 2, 10]);
    const b = shape([0, 1, 2, 100]);
    expect(a[3]! - a[2]!).not.toBeCloseTo(b[3]! - b[2]!, 3);
    expect(centredRanks(Float64Array.from([0, 1, 2, 10]))).toEqual(centredRanks(Float64Array.from([0, 1, 2, 100])));
  });

  it('pools the spread over generations: a rare heavy generation weighs in proportion to its rewards', () => {
    const spread = { sumSquares: 0, count: 0 };
    const quiet = shape([0, 1, 0, 1], spread);
    const heavy = shape([0, -100, 0, 1], spread);
    // The heavy generation's shaped fitness is far larger than a per-generation z-score (at most √n) allows.
    expect(Math.abs(heavy[1]!)).toBeGreaterThan(Math.abs(quiet[1]!) * 1.5);
    expect(spread.count).toBe(8);
    const again = shape([0, 1, 0, 1], spread);
    // After the heavy generation, quiet differences move the weights less.
    expect(Math.abs(again[1]!)).toBeLessThan(Math.abs(quiet[1]!) / 10);
  });

  it('scales with the rewards: multiplying every reward by a constant changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 20 }), fc.integer({ min: 1, max: 1000 }), (vs, c) => {
        const a = shape(vs, undefined, 1e-9);
        const b = shape(
          vs.map((v) => v * c),
          undefined,
          1e-9,
        );
        a.forEach((x, i) => expect(b[i]).toBeCloseTo(x, 9));
        expect(Math.abs(a.reduce((p, q) => p + q, 0))).toBeLessThan(1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('a population that all earned the same moves nothing; a spread below the floor is divided by the floor', () => {
    expect(shape([4, 4, 4, 4])).toEqual([0, 0, 0, 0]);
    expect(shape([0, 1e-6], undefined, 1e-3)).toEqual([-0.5e-6 / 1e-3, 0.5e-6 / 1e-3]);
  });

  it('the floor is a thousandth of the largest reward term', () => {
    expect(spreadFloor({ exit: 10, step: -0.1, forbidden: -100 })).toBe(0.1);
    expect(spreadFloor({})).toBeGreaterThan(0);
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
