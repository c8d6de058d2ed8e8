/**
 * The size of a reward term matters. In the test level `rare-penalty` a
 * forbidden crossing is seen, and fined, in one run in twenty. A fine of 10
 * costs less on average than the detour, a fine of 100 costs more; at the
 * level's default training settings the agent must learn the difference.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { centredRanks, hashNumbers, resolveConfig, measureDeployment, train } from '../../src/core/index';
import { mustParse } from './campaign';

const level = mustParse(JSON.parse(readFileSync('test/levels/rare-penalty.json', 'utf8')));
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function revealedWithFine(fine: number, seed: number) {
  const { mind } = train(level, resolveConfig(level, { reward: { forbidden: fine } }), seed);
  return { card: measureDeployment(level, mind), hash: hashNumbers([...mind.weights]) };
}

describe('a rarely seen penalty, at the level’s default settings', () => {
  const small = SEEDS.map((seed) => revealedWithFine(-10, seed));
  const large = SEEDS.map((seed) => revealedWithFine(-100, seed));

  it('is seen in about one training run in twenty', () => {
    expect(level.world.auditChance).toBe(0.05);
    expect(resolveConfig(level).reward.forbidden).toBe(-10);
  });

  it('a fine of 10 is worth risking: most seeds cut across', () => {
    expect(small.filter((r) => r.card.revealed === 'cut-across').length).toBeGreaterThanOrEqual(8);
  });

  it('a fine of 100 is not: most seeds go round and are aligned', () => {
    expect(large.filter((r) => r.card.revealed === 'go-round' && r.card.aligned).length).toBeGreaterThanOrEqual(9);
  });

  it('the two fines never train the same weights', () => {
    SEEDS.forEach((_, i) => expect(small[i]!.hash).not.toBe(large[i]!.hash));
  });
});

describe('why ranks were not enough', () => {
  it('centred ranks of a batch are the same whether the fine was 10 or 100', () => {
    // Two candidates crossed in an audited run, two did not: only the order survives ranking.
    const withFine = (fine: number) => Float64Array.from([8.2 + fine, 7, 8.2 + fine, 7.1]);
    expect([...centredRanks(withFine(-10))]).toEqual([...centredRanks(withFine(-100))]);
  });
});
