/**
 * The first run, replayed in Node: the first time a level is played, its
 * default agent is trained, predicted, deployed and measured before any tool
 * opens; a returning player is offered it, not forced. Outcomes are what the
 * engine measures, compared with the level's own first lesson claim, never
 * hard-coded.
 */
import { describe, expect, it } from 'vitest';
import { UNEXPLAINED } from '../../src/core/index';
import {
  acceptFirstRunAgent,
  applyMove,
  firstRunOutcome,
  firstRunPolicy,
  firstRunStep,
  predictFirstRun,
  reachableScreen,
  recordAttempt,
  recordFirstRun,
  replay,
  startAttempt,
  type Attempt,
  type Move,
} from '../../src/session/index';
import { campaignLevel } from '../core/campaign';

const goesRight = campaignLevel('goes-right');
const defaultClaim = goesRight.lesson.claims.find((c) => Object.keys(c.config).length === 0)!;
const tools: Move[] = [{ move: 'reward', event: 'coin', value: 5 }, { move: 'knob', name: 'coinRandomShare', value: 0.3 }, { move: 'train' }, { move: 'probe' }, { move: 'lens' }];

describe('when a level has a first run', () => {
  const options = { shared: false, presenter: false, guided: false };

  it('is required the first time a campaign level is played', () => {
    expect(firstRunPolicy(goesRight, {}, options)).toBe('required');
    expect(firstRunPolicy(goesRight, { tutorial: { completed: true, stars: 3, bestPoints: 100 } }, options)).toBe('required');
  });

  it('is offered to a returning player (level completed, or its first run watched) and to a teacher in presenter mode', () => {
    expect(firstRunPolicy(goesRight, { 'goes-right': { completed: true, stars: 1, bestPoints: 10 } }, options)).toBe('offered');
    expect(firstRunPolicy(goesRight, { 'goes-right': { completed: false, stars: 0, bestPoints: 0, firstRunSeen: true } }, options)).toBe('offered');
    expect(firstRunPolicy(goesRight, {}, { ...options, presenter: true })).toBe('offered');
  });

  it('is offered in a guided level (the guide leads into it), and not part of a shared level or a level with rounds', () => {
    expect(firstRunPolicy(goesRight, {}, { ...options, guided: true })).toBe('offered');
    expect(firstRunPolicy(goesRight, {}, { ...options, shared: true })).toBe('none');
    expect(firstRunPolicy(campaignLevel('outer-vs-inner'), {}, options)).toBe('none');
  });
});

describe('goes-right, played for the first time', () => {
  it('refuses every tool until the default agent has been deployed and watched', () => {
    const start = startAttempt(goesRight, { firstRun: true });
    for (const move of tools) {
      const result = applyMove(start, move);
      expect(result.ok ? null : result.error.kind, move.move).toBe('first-run-pending');
    }
    expect(reachableScreen('train', start)).toBe('first');
    expect(reachableScreen('experiment', start)).toBe('first');
    expect(reachableScreen('score', start)).toBe('first');
    expect(reachableScreen('briefing', start)).toBe('briefing');
  });

  it('keeps the order: train, then predict, then deploy, then move on', () => {
    const start = startAttempt(goesRight, { firstRun: true });
    const kind = (attempt: Attempt, move: Move) => {
      const result = applyMove(attempt, move);
      return result.ok ? 'ok' : result.error.kind;
    };
    expect(kind(start, { move: 'first-predict', hypothesis: 'get-coin' })).toBe('first-run-order');
    expect(kind(start, { move: 'first-deploy' })).toBe('first-run-order');
    expect(kind(start, { move: 'first-done' })).toBe('first-run-order');
    const trained = replay(goesRight, [{ move: 'first-train' }], { firstRun: true }).attempt;
    expect(kind(trained, { move: 'first-train' })).toBe('first-run-order');
    expect(kind(trained, { move: 'first-deploy' })).toBe('first-run-order');
    expect(kind(trained, { move: 'first-predict', hypothesis: 'no-such-objective' })).toBe('unknown-hypothesis');
    expect(kind(trained, { move: 'first-predict', hypothesis: UNEXPLAINED })).toBe('ok');
  });

  it('in presenter mode the prediction carries the class’s vote, checked as the verdict’s is', () => {
    const trained = replay(goesRight, [{ move: 'first-train' }], { firstRun: true }).attempt;
    const voted = predictFirstRun(trained, 'get-coin', { 'get-coin': 12, 'reach-end': 7 });
    expect(voted.ok && voted.attempt.firstRun).toMatchObject({ prediction: 'get-coin', classVote: { 'get-coin': 12, 'reach-end': 7 } });
    const alone = predictFirstRun(trained, 'get-coin');
    expect(alone.ok && alone.attempt.firstRun?.classVote).toBeNull();
    for (const vote of [{ 'get-coin': -1 }, { 'get-coin': 2.5 }, { 'no-such-objective': 3 }] as Record<string, number>[]) {
      const refused = predictFirstRun(trained, 'get-coin', vote);
      expect(refused.ok ? null : refused.error.kind).toBe('bad-vote');
    }
  });

  it('the default agent fails in deployment as the level’s first claim says; then the tools open and the fix works', () => {
    const { attempt, refused } = replay(
      goesRight,
      [
        { move: 'first-train' },
        { move: 'first-predict', hypothesis: 'get-coin' },
        { move: 'first-deploy' },
        { move: 'first-done' },
        { move: 'knob', name: 'coinRandomShare', value: 0.3 },
        { move: 'train' },
        { move: 'lens' },
        { move: 'verdict', decision: 'deploy', hypothesis: 'get-coin' },
      ],
      { firstRun: true },
    );
    expect(refused).toBeNull();
    const run = attempt.firstRun!;
    expect(firstRunStep(run)).toBe('done');
    // The first run measured the level as it comes: the first claim's outcome.
    expect(run.measurement!.truth.aligned).toBe(defaultClaim.expect.aligned);
    expect(run.measurement!.truth.revealed).toBe(defaultClaim.expect.revealed);
    expect(firstRunOutcome(run)).toEqual({ failed: true, successRate: run.measurement!.truth.successRate, revealed: defaultClaim.expect.revealed, predictedRight: false });
    // The first run spent nothing of the attempt: budgets and the agents count start with the player's own.
    expect([attempt.agentsTrained, attempt.probesUsed, attempt.lensUsed]).toEqual([1, 0, 1]);
    expect(attempt.score!.outcome).toBe('aligned-deployed');
  });

  it('trains the level’s own agent with the attempt’s seed, whatever the player has set', () => {
    const seed = 7;
    const byChoice = replay(goesRight, [{ move: 'seed', value: seed }, { move: 'reward', event: 'coin', value: 20 }, { move: 'first-run' }, { move: 'first-train' }]).attempt;
    const plain = replay(goesRight, [{ move: 'seed', value: seed }, { move: 'train' }]).attempt;
    expect([...byChoice.firstRun!.agent!.mind.weights]).toEqual([...plain.agent!.mind.weights]);
    expect(byChoice.firstRun!.agent!.seed).toBe(seed);
    // An agent trained with other settings is refused.
    const fresh = replay(goesRight, [{ move: 'first-run' }]).attempt;
    const other = acceptFirstRunAgent(fresh, { ...plain.agent!, config: { reward: { coin: 20 } } });
    expect(other.ok ? null : other.error.kind).toBe('not-default');
  });

  it('a watched first run is recorded, so the next attempt offers it instead of requiring it', () => {
    const { attempt } = replay(goesRight, [{ move: 'first-train' }, { move: 'first-predict', hypothesis: 'reach-end' }, { move: 'first-deploy' }, { move: 'first-done' }], { firstRun: true });
    expect(firstRunOutcome(attempt.firstRun!)!.predictedRight).toBe(true);
    const progress = recordFirstRun({}, attempt);
    expect(progress['goes-right']).toEqual({ completed: false, stars: 0, bestPoints: 0, firstRunSeen: true });
    expect(firstRunPolicy(goesRight, progress, { shared: false, presenter: false, guided: false })).toBe('offered');
    // Completing the level later keeps the mark.
    const judged = replay(goesRight, [{ move: 'train' }, { move: 'verdict', decision: 'hold', hypothesis: 'reach-end' }]).attempt;
    expect(recordAttempt(progress, judged)['goes-right']).toMatchObject({ completed: true, firstRunSeen: true });
    // An unwatched run, or a shared level, records nothing.
    const unwatched = replay(goesRight, [{ move: 'first-train' }], { firstRun: true }).attempt;
    expect(recordFirstRun(progress, unwatched)).toBe(progress);
    expect(recordFirstRun({}, { ...attempt, shared: true })).toEqual({});
  });

  it('a returning player starts without one and may choose to watch it; leaving it halfway blocks nothing', () => {
    const returning = startAttempt(goesRight);
    expect(returning.firstRun).toBeNull();
    const { attempt, refused } = replay(goesRight, [{ move: 'first-run' }, { move: 'first-train' }, { move: 'knob', name: 'coinRandomShare', value: 0.3 }, { move: 'train' }]);
    expect(refused).toBeNull();
    expect(attempt.firstRun!.required).toBe(false);
    expect(reachableScreen('inspect', attempt)).toBe('inspect');
  });
});
