/**
 * Replays, PuzzleScript-style: a list of moves and the result it must give,
 * trained for real in Node. For every campaign level, the default path (the
 * level as it comes, or each round's preset) and each lesson claim's path
 * (the claim's fix, entered as the player would, setting by setting). The
 * expected verdicts come from the level's own claims and from what the
 * engine measures, never from hard-coded weights, so retuned levels keep
 * their tests.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, EventKind, Level } from '../../src/core/index';
import { applyMove, measureAgent, replay, type Attempt, type Move } from '../../src/session/index';
import { campaign, campaignLevel } from '../core/campaign';

/** The moves a player makes to enter a claim's configuration on the Train screen. */
function settingMoves(config: Claim['config']): Move[] {
  const moves: Move[] = [];
  for (const [event, value] of Object.entries(config.reward ?? {})) moves.push({ move: 'reward', event: event as EventKind, value: value! });
  for (const [name, value] of Object.entries(config.knobs ?? {})) moves.push({ move: 'knob', name, value });
  if (config.generations !== undefined) moves.push({ move: 'generations', value: config.generations });
  if (config.viewRadius !== undefined) moves.push({ move: 'viewRadius', value: config.viewRadius });
  return moves;
}

/** The verdict the claim says is right: hold a misaligned agent, deploy an aligned one, naming the objective the claim expects. */
function claimedVerdict(level: Level, claim: Claim, measured: { revealed: string; aligned: boolean; failure: 'outer' | 'inner' | 'none' | null }): Move {
  const aligned = claim.expect.aligned ?? measured.aligned;
  return {
    move: 'verdict',
    decision: aligned ? 'deploy' : 'hold',
    hypothesis: claim.expect.revealed ?? measured.revealed,
    ...(level.askFailureKind ? { failure: claim.expect.failure ?? measured.failure ?? 'none' } : {}),
  };
}

describe('the tutorial, move by move', () => {
  const level = campaignLevel('tutorial');

  it('reward coin=10, seed 1, lens, verdict coin-then-exit, deploy → 3 stars', () => {
    const { attempt, refused } = replay(level, [
      { move: 'reward', event: 'coin', value: 10 },
      { move: 'seed', value: 1 },
      { move: 'train' },
      { move: 'lens' },
      { move: 'verdict', decision: 'deploy', hypothesis: 'coin-then-exit' },
    ]);
    expect(refused).toBeNull();
    expect(attempt.measurement!.truth.revealed).toBe('coin-then-exit');
    expect(attempt.score).toMatchObject({ stars: 3, decisionCorrect: true, objectiveCorrect: true, outcome: 'aligned-deployed' });
    expect(attempt.lensUsed).toBe(1);
  });

  it('the default reward, a probe, then deploying anyway → 0 stars for a misaligned agent named wrongly', () => {
    const { attempt } = replay(level, [{ move: 'train' }, { move: 'probe' }, { move: 'verdict', decision: 'deploy', hypothesis: 'coin-then-exit' }]);
    expect(attempt.measurement!.truth.aligned).toBe(false);
    expect(attempt.score).toMatchObject({ stars: 0, outcome: 'misaligned-deployed', decisionCorrect: false, objectiveCorrect: false });
  });

  it('a probe on the first agent still counts after retraining with the fix', () => {
    const { attempt } = replay(level, [{ move: 'train' }, { move: 'probe' }, { move: 'probe' }, { move: 'reward', event: 'coin', value: 10 }, { move: 'train' }, { move: 'lens' }]);
    expect([attempt.agentsTrained, attempt.probesUsed, attempt.lensUsed]).toEqual([2, 2, 1]);
  });

  it('refuses a verdict before training, and says which move', () => {
    const { refused } = replay(level, [{ move: 'verdict', decision: 'hold', hypothesis: 'straight-to-exit' }]);
    expect(refused).toMatchObject({ index: 0, error: { kind: 'no-agent' } });
  });
});

/** Continues a replay with more moves (so one training run serves several verdicts). */
function then(attempt: Attempt, moves: readonly Move[]): Attempt {
  for (const move of moves) {
    const result = applyMove(attempt, move);
    if (!result.ok) throw new Error(`move ${JSON.stringify(move)} refused: ${JSON.stringify(result.error)}`);
    attempt = result.attempt;
  }
  return attempt;
}

describe.each(campaign().map((level) => [level.id, level] as const))('%s', (_id, level) => {
  it.each(level.lesson.claims.map((claim) => [claim.name, claim] as const))('claim path “%s”: the player can enter it, and the claimed verdict scores as claimed', (_name, claim) => {
    const { attempt: trained, refused } = replay(level, [...settingMoves(claim.config), { move: 'seed', value: 1 }, { move: 'train' }]);
    // Every fix a claim states must be reachable from the Train screen's controls…
    expect(refused).toBeNull();
    // …and gives the very configuration the claim trains (the same agent as `mesa check` at seed 1).
    expect(trained.agent!.config).toEqual(claim.config);

    const measured = measureAgent(level, trained.agent!);
    const verdict = claimedVerdict(level, claim, { revealed: measured.truth.revealed, aligned: measured.truth.aligned, failure: measured.failure });
    const attempt = then(trained, [{ move: 'lens' }, verdict]);
    const aligned = claim.expect.aligned ?? measured.truth.aligned;
    // Naming what the claim expects must be what the engine measured, so it earns both detection stars.
    expect(attempt.score).toMatchObject({ decisionCorrect: true, objectiveCorrect: true, stars: aligned ? 3 : 2, outcome: aligned ? 'aligned-deployed' : 'misaligned-held' });
    if (level.askFailureKind && claim.expect.failure) expect(attempt.score!.failureCorrect).toBe(true);
  });

  it('default path: the level as it comes (each round as preset), judged by what the engine measured', () => {
    const rounds = level.rounds.length ? level.rounds.map((_, index) => index) : [null];
    for (const round of rounds) {
      const trained = replay(level, [...(round === null ? [] : [{ move: 'round', index: round } as const]), { move: 'train' }]).attempt;
      // Only the round's own preset was trained: nothing the player did not choose.
      expect(trained.agent!.config).toEqual(round === null ? {} : level.rounds[round]!.config);
      const measured = measureAgent(level, trained.agent!);
      const right: Move = {
        move: 'verdict',
        decision: measured.truth.aligned ? 'deploy' : 'hold',
        hypothesis: measured.truth.revealed,
        ...(level.askFailureKind ? { failure: measured.failure! } : {}),
      };
      const wrongHypothesis = level.hypotheses.find((h) => h.id !== measured.truth.revealed)!.id;
      const good = then(trained, [{ move: 'probe' }, right]);
      const bad = then(trained, [{ ...right, hypothesis: wrongHypothesis }]);
      expect(good.score).toMatchObject({ decisionCorrect: true, objectiveCorrect: true, stars: measured.truth.aligned ? 3 : 2 });
      expect(bad.score).toMatchObject({ objectiveCorrect: false });
      expect(bad.score!.stars).toBe(good.score!.stars - 1);
      // The probe costs: the right verdict after a probe earns fewer cost points than it would without.
      expect(good.score!.points.cost).toBeLessThanOrEqual(then(trained, [right]).score!.points.cost);
    }
  });
});
