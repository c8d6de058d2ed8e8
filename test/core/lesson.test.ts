/**
 * Every level's lesson, trained for real: the same claims `mesa check` runs,
 * each over several seeds. A claim must hold on every seed.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { checkClaim, parseLevel, type Level } from '../../src/core/index';

const SEEDS = [1, 2, 3, 4, 5];

function campaign(): Level[] {
  return readdirSync('levels')
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const parsed = parseLevel(JSON.parse(readFileSync(`levels/${f}`, 'utf8')));
      if (!parsed.ok) throw new Error(`${f}: ${JSON.stringify(parsed.problems)}`);
      return parsed.value;
    });
}

describe.each(campaign().map((level) => [level.id, level] as const))('lesson of %s', (_, level) => {
  it.each(level.lesson.claims.map((claim) => [claim.name, claim] as const))('%s', (_name, claim) => {
    for (const seed of SEEDS) {
      const run = checkClaim(level, claim, seed);
      expect({ seed, revealed: run.revealed, aligned: run.aligned }).toEqual({
        seed,
        revealed: claim.expect.revealed ?? run.revealed,
        aligned: claim.expect.aligned ?? run.aligned,
      });
    }
  });
});
