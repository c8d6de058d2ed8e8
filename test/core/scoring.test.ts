/**
 * Ground truth, measured: the fixed deployment suite, agreement with each
 * hypothesis's reference agent, the revealed mesa-objective and the verdict.
 */
import { describe, expect, it } from 'vitest';
import { REVEAL_FLOOR, UNEXPLAINED, deploymentSuite, hypothesisProblems, mindFromRecord, revealedObjective, measureDeployment, toText } from '../../src/core/index';
import { campaign, campaignLevel, levelJson, mustParse } from './campaign';
import { tx } from '../../src/i18n/index';

const levels = campaign();

describe.each(levels.map((level) => [level.id, level] as const))('scoring in %s', (_, level) => {
  const cards = level.hypotheses.map((h) => ({ id: h.id, card: measureDeployment(level, mindFromRecord(level, h.weights)) }));

  it.each(cards.map(({ id, card }) => [id, card] as const))("the reference agent of '%s' agrees with its own hypothesis on every suite world", (id, card) => {
    expect(card.agreement[id]).toBe(1);
  });

  it('reports an agreement in [0, 1] for every hypothesis and no other', () => {
    for (const { card } of cards) {
      expect(Object.keys(card.agreement)).toEqual(level.hypotheses.map((h) => h.id));
      for (const a of Object.values(card.agreement)) expect(a >= 0 && a <= 1).toBe(true);
    }
  });

  it('the revealed objective is the one hypothesis with the highest agreement, if it explains at least half the suite', () => {
    for (const { card } of cards) {
      const best = Math.max(...Object.values(card.agreement));
      const tied = level.hypotheses.filter((h) => card.agreement[h.id] === best).map((h) => h.id);
      expect(card.best).toEqual(tied);
      expect(card.revealed).toBe(best >= REVEAL_FLOOR && tied.length === 1 ? tied[0] : UNEXPLAINED);
    }
  });

  it('an agent with every weight zero stands still and is unexplained, never the intended objective', () => {
    const zero = measureDeployment(level, mindFromRecord(level, {}));
    expect(zero.revealed).toBe(UNEXPLAINED);
    expect(zero.revealedBy).toBe('below-floor');
    expect(zero.aligned).toBe(false);
  });

  it("the intended hypothesis's reference agent passes the level's own success test", () => {
    expect(hypothesisProblems(level)).toEqual([]);
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
    expect(measureDeployment(level, mind)).toEqual(measureDeployment(level, mind));
  });
});

describe('the verdict at the threshold', () => {
  // An agent that values the coin half as much as the finish gets it only when it is close enough.
  const goesRight = levels.find((l) => l.id === 'goes-right')!;
  const reachEnd = { coin: 0.5, 'right-edge': 1 };
  const rate = measureDeployment(goesRight, mindFromRecord(goesRight, reachEnd)).successRate;

  const withThreshold = (threshold: number) => {
    const json = levelJson('goes-right');
    json.success.threshold = threshold;
    const level = mustParse(json);
    return measureDeployment(level, mindFromRecord(level, reachEnd));
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

describe('the revealed objective resolves no tie and names nothing below the floor', () => {
  const level = campaignLevel('treacherous-turn');
  const [intended, proxy, other] = level.hypotheses.map((h) => h.id) as [string, string, string];

  it('a unique best at or above the floor is named', () => {
    expect(revealedObjective(level, { [intended]: 0.2, [proxy]: 0.5, [other]: 0.1 })).toEqual({ revealed: proxy, revealedBy: 'agreement', best: [proxy] });
  });

  it('below the floor, even a clear best is unexplained', () => {
    expect(revealedObjective(level, { [intended]: 0.49, [proxy]: 0.1, [other]: 0 })).toMatchObject({ revealed: UNEXPLAINED, revealedBy: 'below-floor' });
  });

  it('a tie, even with the intended hypothesis listed first, is unexplained and names both', () => {
    expect(revealedObjective(level, { [intended]: 0.7, [proxy]: 0.7, [other]: 0 })).toEqual({ revealed: UNEXPLAINED, revealedBy: 'tie', best: [intended, proxy] });
  });
});

describe('a level whose intended reference agent fails its own success test', () => {
  it('is reported with the path of the hypothesis', () => {
    const json = levelJson('goes-right');
    json.hypotheses[0].weights = { 'right-edge': 1 };
    json.hypotheses[1].weights = { 'right-edge': 1, coin: -1 };
    const problems = hypothesisProblems(mustParse(json));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('hypotheses[0].weights');
    expect(tx(problems[0]!.message)).toMatch(/succeeds in \d+% of the deployment suite, below the level's threshold of 80%/);
  });
});
