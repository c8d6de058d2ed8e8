/**
 * The work budget: every campaign level fits with room to spare, the hostile
 * level of issue 11 is refused with a typed error that names its numbers, and
 * the count is the product the budget promises.
 */
import { describe, expect, it } from 'vitest';
import { checkBudget, estimateWork, formatDuration, resolveConfig, scoringAgents, WORK_LIMITS } from '../../src/core/index';
import { hostileLevel } from '../fixtures/hostile';
import { campaign, mustParse } from './campaign';
import { tx } from '../../src/i18n/index';

describe('the work budget', () => {
  it.each(campaign().map((l) => [l.id, l] as const))('%s fits at least eight times over, even at its most generations', (_, level) => {
    const most = estimateWork(level, resolveConfig(level, { generations: level.training.maxGenerations }));
    expect(checkBudget(most)).toBeNull();
    expect(WORK_LIMITS.training / most.training).toBeGreaterThanOrEqual(8);
    expect(WORK_LIMITS.scoring / most.scoring).toBeGreaterThanOrEqual(8);
    for (const claim of level.lesson.claims) expect(checkBudget(estimateWork(level, resolveConfig(level, claim.config)))).toBeNull();
  });

  it('counts episodes × steps × cells for training and suite × agents × steps × cells for scoring', () => {
    const level = mustParse(hostileLevel({ suite: 500 }));
    const estimate = estimateWork(level, resolveConfig(level));
    expect(scoringAgents(level)).toBe(1 + 8 + 8 + 1);
    expect(estimate.training).toBe(1 * 1 * 2 * 1 * 400 * 1024);
    expect(estimate.scoring).toBe(500 * 18 * 400 * 1024);
  });

  it('refuses the hostile level of issue 11 with a typed error naming its work', () => {
    const level = mustParse(hostileLevel({ suite: 500 }));
    const over = checkBudget(estimateWork(level, resolveConfig(level)));
    expect(over).toMatchObject({ kind: 'over-budget', part: 'scoring', limit: WORK_LIMITS.scoring });
    expect(over!.work).toBe(500 * 18 * 400 * 1024);
    expect(tx(over!.message)).toMatch(/9,000 deployment episodes × 400 steps × 1024 cells/);
    expect(tx(over!.message)).not.toMatch(/\n/);
  });

  it('refuses the schema’s largest training (3,276,800 episodes) even on a small map', () => {
    const level = mustParse({ ...hostileLevel({ suite: 10 }), world: { map: ['..', '..'], start: { anywhere: true }, maxSteps: 400 }, objects: [] });
    const over = checkBudget(estimateWork(level, resolveConfig(level, { generations: 400, population: 64, episodesPerGeneration: 64 })));
    expect(over).toMatchObject({ kind: 'over-budget', part: 'training' });
    expect(tx(over!.message)).toMatch(/3,276,800 episodes/);
  });

  it('says durations in words a player reads at a glance', () => {
    expect(tx(formatDuration(0.2))).toBe('under a second');
    expect(tx(formatDuration(42.4))).toBe('about 42 s');
    expect(tx(formatDuration(402))).toBe('about 7 min');
    expect(tx(formatDuration(58 * 3600))).toBe('about 2 days');
    expect(tx(formatDuration(Number.NaN))).toBe('an unknown time');
  });
});
