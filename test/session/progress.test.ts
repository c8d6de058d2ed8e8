/** Campaign progress: what a judged attempt records, and which levels are open. */
import { describe, expect, it } from 'vitest';
import { mindFromRecord } from '../../src/core/index';
import { acceptAgent, commitVerdict, defaultEpisodes, isUnlocked, measureAgent, recordAttempt, startAttempt, type Attempt } from '../../src/session/index';
import { campaignLevel } from '../core/campaign';

const ids = ['tutorial', 'goes-right', 'colour-proxy'];

function judged(shared: boolean): Attempt {
  const level = campaignLevel('tutorial');
  const agent = { mind: mindFromRecord(level, level.hypotheses[0]!.weights), curve: [], episodes: defaultEpisodes(level), config: {}, seed: 1 };
  const attempt = acceptAgent(startAttempt(level, { shared }), agent);
  const result = commitVerdict(attempt, { decision: 'deploy', hypothesis: level.hypotheses[0]!.id }, measureAgent(level, agent));
  if (!result.ok) throw new Error('refused');
  return result.attempt;
}

describe('recording an attempt', () => {
  it('keeps the best stars and points, and completes the level', () => {
    const attempt = judged(false);
    const after = recordAttempt({ tutorial: { completed: true, stars: 3, bestPoints: 1 } }, attempt);
    expect(after.tutorial).toEqual({ completed: true, stars: 3, bestPoints: attempt.score!.points.total });
  });

  it('records nothing for a shared level or an attempt without a score', () => {
    const progress = {};
    expect(recordAttempt(progress, judged(true))).toBe(progress);
    expect(recordAttempt(progress, startAttempt(campaignLevel('tutorial')))).toBe(progress);
  });
});

describe('which levels are open', () => {
  it('the first, any after a completed one, and any in presenter mode', () => {
    expect(ids.map((_, i) => isUnlocked(ids, {}, i, false))).toEqual([true, false, false]);
    expect(ids.map((_, i) => isUnlocked(ids, { tutorial: { completed: true, stars: 1, bestPoints: 10 } }, i, false))).toEqual([true, true, false]);
    expect(ids.map((_, i) => isUnlocked(ids, {}, i, true))).toEqual([true, true, true]);
  });

  it('a level already played stays open after presenter mode is turned off, even if the one before was skipped', () => {
    expect(isUnlocked(ids, { 'colour-proxy': { completed: true, stars: 2, bestPoints: 70 } }, 2, false)).toBe(true);
  });
});
