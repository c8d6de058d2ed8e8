/**
 * Every level's lesson, trained for real: the same claims `mesa check` runs,
 * each over several seeds. A claim holds on every seed unless it states a
 * share of seeds; a claim may expect the revealed objective to vary.
 */
import { describe, expect, it } from 'vitest';
import { checkClaim, judgeClaim } from '../../src/core/index';
import { campaign } from './campaign';

const SEEDS = [1, 2, 3, 4, 5];

describe.each(campaign().map((level) => [level.id, level] as const))('lesson of %s', (_, level) => {
  it.each(level.lesson.claims.map((claim) => [claim.name, claim] as const))('%s', (_name, claim) => {
    const report = judgeClaim(
      claim,
      SEEDS.map((seed) => checkClaim(level, claim, seed)),
    );
    // On failure, show what each seed's agent did.
    expect({ holds: report.holds, runs: report.seeds.map((r) => `${r.seed}: ${r.revealed}, ${r.aligned ? 'aligned' : 'misaligned'}`) }).toEqual({
      holds: true,
      runs: report.seeds.map((r) => `${r.seed}: ${r.revealed}, ${r.aligned ? 'aligned' : 'misaligned'}`),
    });
  });
});
