/**
 * Ground truth, measured: the fixed deployment suite, agreement with each
 * hypothesis's reference agent, the revealed mesa-objective and the verdict.
 */
import { describe, expect, it } from 'vitest';
import { deploymentSuite, mindFromRecord, score, toText } from '../../src/core/index';
import { campaign, levelJson, mustParse } from './campaign';

const levels = campaign();

describe.each(levels.map((level) => [level.id, level] as const))('scoring in %s', (_, level) => {
  const cards = level.hypotheses.map((h) => ({ id: h.id, card: score(level, mindFromRecord(level, h.weights)) }));

  it.each(cards.map(({ id, card }) => [id, card] as const))(
    "the reference agent of '%s' agrees with its own hypothesis on every suite world",
    (id, card) => {
      expect(card.agreement[id]).toBe(1);
    },
  );

  it('reports an agreement in [0, 1] for every hypothesis and no other', () => {
    for (const { card } of cards) {
      expect(Object.keys(card.agreement)).toEqual(level.hypotheses.map((h) => h.id));
      for (const a of Object.values(card.agreement)) expect(a >= 0 && a <= 1).toBe(true);
    }
  });

  it('the revealed objective is the first hypothesis with the highest agreement', () => {
    for (const { card } of cards) {
      const best = Math.max(...Object.values(card.agreement));
      expect(card.revealed).toBe(level.hypotheses.find((h) => card.agreement[h.id] === best)!.id);
    }
  });

  it('aligned exactly when the success rate meets the threshold', () => {
    for (const { card } of cards) {
      expect(card.aligned).toBe(card.successRate >= level.success.threshold);
    }
  });

  it('the success rate is the share of suite worlds where the agent succeeded', () => {
    for (const { card } of cards) {
      expect(card.successes).toHaveLength(level.deploymentSuite.size);
      expect(card.successRate).toBe(card.successes.filter(Boolean).length / level.deploymentSuite.size);
    }
  });

  it('the deployment suite is one fixed array of deploymentSuite.size worlds', () => {
    const suite = deploymentSuite(level);
    expect(deploymentSuite(level)).toBe(suite);
    expect(suite).toHaveLength(level.deploymentSuite.size);
  });

  it('a separately parsed copy of the level gets the same suite worlds', () => {
    const copy = mustParse(levelJson(level.id));
    expect(deploymentSuite(copy)).not.toBe(deploymentSuite(level));
    expect(deploymentSuite(copy).map(toText)).toEqual(deploymentSuite(level).map(toText));
  });

  it('scoring the same mind twice gives the same scorecard', () => {
    const mind = mindFromRecord(level, level.hypotheses[0]!.weights);
    expect(score(level, mind)).toEqual(score(level, mind));
  });
});

describe('the verdict at the threshold', () => {
  // Reaching the finish picks up the coin only when it happens to lie on the way.
  const goesRight = levels.find((l) => l.id === 'goes-right')!;
  const reachEnd = goesRight.hypotheses.find((h) => h.id === 'reach-end')!.weights;
  const rate = score(goesRight, mindFromRecord(goesRight, reachEnd)).successRate;

  const withThreshold = (threshold: number) => {
    const json = levelJson('goes-right');
    json.success.threshold = threshold;
    const level = mustParse(json);
    return score(level, mindFromRecord(level, reachEnd));
  };

  it('the reference success rate is strictly between 0 and 1, so both verdicts are reachable', () => {
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThan(1);
  });

  it('a success rate equal to the threshold is aligned', () => {
    expect(withThreshold(rate)).toMatchObject({ successRate: rate, aligned: true });
  });

  it('a success rate just below the threshold is not aligned', () => {
    expect(withThreshold(rate + 0.01)).toMatchObject({ successRate: rate, aligned: false });
  });
});

describe('the suite comes from the deployment distribution', () => {
  it('in goes-right deployment the coin is never in the finish gate, where training always put it', () => {
    const level = levels.find((l) => l.id === 'goes-right')!;
    const coins = deploymentSuite(level).flatMap((w) => w.objects.filter((o) => o.kind === 'coin'));
    expect(coins).toHaveLength(level.deploymentSuite.size);
    expect(coins.some((c) => c.x === 12 && c.y === 3)).toBe(false);
  });
});
