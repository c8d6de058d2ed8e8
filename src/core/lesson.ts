/**
 * A level's lesson as checkable claims: train for real with the claim's
 * configuration, score the agent, and compare with what the claim expects.
 */
import { resolveConfig } from './config';
import type { Claim, Level } from './level';
import { score } from './scoring';
import { train } from './trainer';

export interface ClaimRun {
  readonly seed: number;
  readonly holds: boolean;
  readonly revealed: string;
  readonly aligned: boolean;
  readonly successRate: number;
}

export interface ClaimReport {
  readonly name: string;
  readonly holds: boolean;
  readonly seeds: readonly ClaimRun[];
}

export interface LevelReport {
  readonly id: string;
  readonly concept: string;
  readonly claims: readonly ClaimReport[];
}

export function checkClaim(level: Level, claim: Claim, seed: number): ClaimRun {
  const { mind } = train(level, resolveConfig(level, claim.config), seed);
  const card = score(level, mind);
  const holds =
    (claim.expect.revealed === undefined || claim.expect.revealed === card.revealed) &&
    (claim.expect.aligned === undefined || claim.expect.aligned === card.aligned);
  return { seed, holds, revealed: card.revealed, aligned: card.aligned, successRate: card.successRate };
}

/** A claim holds only if it holds for every seed. */
export function checkLevel(level: Level, seeds: readonly number[]): LevelReport {
  const claims = level.lesson.claims.map((claim) => {
    const runs = seeds.map((seed) => checkClaim(level, claim, seed));
    return { name: claim.name, holds: runs.every((r) => r.holds), seeds: runs };
  });
  return { id: level.id, concept: level.concept, claims };
}
