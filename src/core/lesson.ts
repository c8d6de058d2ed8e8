/**
 * A level's lesson as checkable claims: train for real with the claim's
 * configuration, score the agent, and compare with what the claim expects.
 */
import { resolveConfig } from './config';
import type { Claim, Level } from './level';
import { classifyFailure, score, type FailureKind } from './scoring';
import { train } from './trainer';

export interface ClaimRun {
  readonly seed: number;
  readonly holds: boolean;
  readonly revealed: string;
  readonly aligned: boolean;
  readonly successRate: number;
  readonly failure?: FailureKind;
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
  const config = resolveConfig(level, claim.config);
  const { mind } = train(level, config, seed);
  const card = score(level, mind);
  const failure = claim.expect.failure === undefined ? undefined : classifyFailure(level, card, config.reward);
  const holds =
    (claim.expect.revealed === undefined || claim.expect.revealed === card.revealed) &&
    (claim.expect.aligned === undefined || claim.expect.aligned === card.aligned) &&
    (claim.expect.failure === undefined || claim.expect.failure === failure);
  return { seed, holds, revealed: card.revealed, aligned: card.aligned, successRate: card.successRate, ...(failure ? { failure } : {}) };
}

/** A claim holds only if it holds for every seed. */
export function checkLevel(level: Level, seeds: readonly number[]): LevelReport {
  const claims = level.lesson.claims.map((claim) => {
    const runs = seeds.map((seed) => checkClaim(level, claim, seed));
    return { name: claim.name, holds: runs.every((r) => r.holds), seeds: runs };
  });
  return { id: level.id, concept: level.concept, claims };
}
