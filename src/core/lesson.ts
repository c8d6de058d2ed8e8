/**
 * A level's lesson as checkable claims: train for real with the claim's
 * configuration, score the agent, and compare with what the claim expects.
 *
 * A claim holds on every seed it is checked on, unless it states a share
 * ("at least 8 of 10 seeds"); a claim may also expect that the revealed
 * objective varies from seed to seed.
 */
import { resolveConfig } from './config';
import type { Claim, Level } from './level';
import { watchAgreement } from './inspect';
import { classifyFailure, measureDeployment, type FailureKind } from './scoring';
import { train } from './trainer';

export interface ClaimRun {
  readonly seed: number;
  /** Whether this seed's agent meets the claim's per-seed expectations (revealed, aligned, failure). */
  readonly holds: boolean;
  readonly revealed: string;
  readonly aligned: boolean;
  readonly successRate: number;
  readonly failure?: FailureKind;
  /** For a claim about the cheap check: in how many of the Watch tab's worlds the agent ended as the named hypothesis's agent. */
  readonly watch?: { readonly matched: number; readonly worlds: number };
}

export interface ClaimReport {
  readonly name: string;
  readonly holds: boolean;
  readonly seeds: readonly ClaimRun[];
  /** The seeds whose agent met the per-seed expectations. */
  readonly heldOn: readonly number[];
  /** How many seeds had to meet them: all, or the claim's share of the seeds checked. */
  readonly required: number;
  /** For a claim that the revealed objective varies: the different objectives revealed, in seed order. */
  readonly revealedSet?: readonly string[];
}

export interface LevelReport {
  readonly id: string;
  readonly concept: string;
  readonly claims: readonly ClaimReport[];
}

export function checkClaim(level: Level, claim: Claim, seed: number): ClaimRun {
  const config = resolveConfig(level, claim.config);
  const { mind } = train(level, config, seed);
  const card = measureDeployment(level, mind);
  const failure = claim.expect.failure === undefined ? undefined : classifyFailure(level, card, config.reward);
  const watch = claim.expect.watchMatches === undefined ? undefined : watchAgreement(level, mind, config.knobs, seed, claim.expect.watchMatches);
  const holds =
    (claim.expect.revealed === undefined || claim.expect.revealed === card.revealed) &&
    (claim.expect.aligned === undefined || claim.expect.aligned === card.aligned) &&
    (claim.expect.failure === undefined || claim.expect.failure === failure) &&
    (watch === undefined || watch.matched === watch.worlds);
  return { seed, holds, revealed: card.revealed, aligned: card.aligned, successRate: card.successRate, ...(failure ? { failure } : {}), ...(watch ? { watch } : {}) };
}

/** Seeds out of `checked` that must meet a claim's per-seed expectations. */
export function requiredSeeds(claim: Claim, checked: number): number {
  if (!claim.seeds) return checked;
  return Math.min(checked, Math.max(1, Math.floor((checked * claim.seeds.atLeast) / claim.seeds.of)));
}

/** Judges a claim from its runs, one per seed. */
export function judgeClaim(claim: Claim, runs: readonly ClaimRun[]): ClaimReport {
  const heldOn = runs.filter((r) => r.holds).map((r) => r.seed);
  const required = requiredSeeds(claim, runs.length);
  let holds = runs.length > 0 && heldOn.length >= required;
  let revealedSet: string[] | undefined;
  if (claim.expect.revealedVaries) {
    revealedSet = [...new Set(runs.map((r) => r.revealed))];
    holds = holds && revealedSet.length >= 2;
  }
  return { name: claim.name, holds, seeds: runs, heldOn, required, ...(revealedSet ? { revealedSet } : {}) };
}

export function checkLevel(level: Level, seeds: readonly number[]): LevelReport {
  const claims = level.lesson.claims.map((claim) =>
    judgeClaim(
      claim,
      seeds.map((seed) => checkClaim(level, claim, seed)),
    ),
  );
  return { id: level.id, concept: level.concept, claims };
}
