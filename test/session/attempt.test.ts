/**
 * The attempt's moves without training: budgets that span every agent of an
 * attempt, settings within what the level allows, "changed" measured against
 * the level's or the round's own start, challenges that leave the level
 * untouched, and a verdict judged only against the measurement it is given.
 */
import { describe, expect, it } from 'vitest';
import { levelFingerprint, mindFromRecord, measureDeployment, type Level } from '../../src/core/index';
import {
  acceptAgent,
  applyChallenge,
  changedSettings,
  changeSetting,
  commitVerdict,
  defaultEpisodes,
  describeMoveError,
  lensLeft,
  measureAgent,
  openLens,
  plannedEpisodes,
  probeChange,
  probesLeft,
  resetSettings,
  spendProbe,
  startAttempt,
  startRound,
  trainingConfig,
  type Attempt,
  type MoveResult,
  type TrainedAgent,
  viewRadiusValue,
} from '../../src/session/index';
import { campaignLevel } from '../core/campaign';
import { tx } from '../../src/i18n/index';

const must = (result: MoveResult): Attempt => {
  if (!result.ok) throw new Error(`move refused: ${JSON.stringify(result.error)}`);
  return result.attempt;
};

/** An agent that wants exactly what a hypothesis wants (no training needed). */
function agentLike(level: Level, hypothesis: string, seed = 1): TrainedAgent {
  const h = level.hypotheses.find((x) => x.id === hypothesis)!;
  return { mind: mindFromRecord(level, h.weights), curve: [0], episodes: defaultEpisodes(level), config: {}, seed };
}

describe('budgets per attempt', () => {
  const level = campaignLevel('tutorial');

  it('probes and lens uses are refused without an agent', () => {
    const attempt = startAttempt(level);
    expect(spendProbe(attempt)).toEqual({ ok: false, error: { kind: 'no-agent' } });
    expect(openLens(attempt)).toEqual({ ok: false, error: { kind: 'no-agent' } });
  });

  it('a probe records what it changed: the objects moved and whether the agent starts elsewhere', () => {
    const attempt = acceptAgent(startAttempt(level), agentLike(level, 'straight-to-exit'));
    const base = attempt.inspectionWorlds[0]!;
    const coin = base.objects.find((o) => o.kind === 'coin')!;
    const moved = { ...base, objects: base.objects.map((o) => (o === coin ? { ...o, x: (o.x + 1) % base.width } : o)) };
    expect(probeChange(base, base)).toEqual({ objects: [], agentMoved: false });
    expect(probeChange(base, moved)).toEqual({ objects: ['coin'], agentMoved: false });
    expect(probeChange(base, { ...base, agentX: base.agentX + 1 })).toEqual({ objects: [], agentMoved: true });
    expect(must(spendProbe(attempt, probeChange(base, moved))).lastProbe).toEqual({ objects: ['coin'], agentMoved: false });
  });

  it('retraining does not refill probes or lens uses', () => {
    let attempt = acceptAgent(startAttempt(level), agentLike(level, 'straight-to-exit'));
    attempt = must(spendProbe(must(spendProbe(attempt))));
    attempt = must(openLens(attempt));
    expect([attempt.probesUsed, attempt.lensUsed, attempt.lensOpen]).toEqual([2, 1, true]);
    attempt = acceptAgent(attempt, agentLike(level, 'coin-then-exit', 2));
    expect([attempt.probesUsed, attempt.lensUsed, attempt.lensOpen, attempt.agentsTrained]).toEqual([2, 1, false, 2]);
    expect(probesLeft(attempt)).toBe(level.budget.probes - 2);
    attempt = must(openLens(attempt));
    expect(attempt.lensUsed).toBe(2);
  });

  it('reopening the lens on the same agent is free', () => {
    const once = must(openLens(acceptAgent(startAttempt(level), agentLike(level, 'straight-to-exit'))));
    expect(must(openLens(once)).lensUsed).toBe(1);
  });

  it('refuses a probe or a lens use beyond the level budget', () => {
    let attempt = acceptAgent(startAttempt(level), agentLike(level, 'straight-to-exit'));
    for (let i = 0; i < level.budget.probes; i++) attempt = must(spendProbe(attempt));
    expect(spendProbe(attempt)).toEqual({ ok: false, error: { kind: 'no-probes-left', budget: level.budget.probes } });
    for (let i = 0; i < level.budget.lens; i++) attempt = must(openLens(acceptAgent(attempt, agentLike(level, 'straight-to-exit'))));
    expect(lensLeft(attempt)).toBe(0);
    expect(openLens(acceptAgent(attempt, agentLike(level, 'straight-to-exit')))).toEqual({ ok: false, error: { kind: 'no-lens-left', budget: level.budget.lens } });
  });

  it('the score counts the probes spent on an earlier agent', () => {
    const first = must(spendProbe(acceptAgent(startAttempt(level), agentLike(level, 'straight-to-exit'))));
    const agent = agentLike(level, 'coin-then-exit');
    const measurement = measureAgent(level, agent);
    const choice = { decision: 'deploy', hypothesis: 'coin-then-exit' } as const;
    const spent = must(commitVerdict(acceptAgent(first, agent), choice, measurement));
    const unspent = must(commitVerdict(acceptAgent(startAttempt(level), agent), choice, measurement));
    expect(spent.score!.points.cost).toBeLessThan(unspent.score!.points.cost);
  });
});

describe('settings', () => {
  const level = campaignLevel('goes-right');

  it('accepts what the level lets the player change and refuses the rest', () => {
    const attempt = startAttempt(level);
    expect(must(changeSetting(attempt, { kind: 'reward', event: 'coin', value: 5 })).settings.reward.coin).toBe(5);
    expect(changeSetting(attempt, { kind: 'reward', event: 'gem', value: 5 })).toMatchObject({ ok: false, error: { kind: 'not-editable' } });
    expect(changeSetting(attempt, { kind: 'reward', event: 'coin', value: 51 })).toMatchObject({ ok: false, error: { kind: 'out-of-range' } });
    expect(changeSetting(attempt, { kind: 'reward', event: 'coin', value: Number.NaN })).toMatchObject({ ok: false, error: { kind: 'out-of-range' } });
    expect(changeSetting(attempt, { kind: 'knob', name: 'no-such-knob', value: 0 })).toMatchObject({ ok: false, error: { kind: 'not-editable' } });
    expect(changeSetting(attempt, { kind: 'seed', value: 1.5 })).toMatchObject({ ok: false, error: { kind: 'out-of-range' } });
    expect(changeSetting(attempt, { kind: 'seed', value: 0x7fffffff })).toMatchObject({ ok: true });
    expect(changeSetting(attempt, { kind: 'generations', value: level.training.maxGenerations + 1 })).toMatchObject({ ok: false, error: { kind: 'out-of-range' } });
  });

  it('moves never change the attempt they are given', () => {
    const attempt = startAttempt(level);
    const before = JSON.stringify(attempt);
    changeSetting(attempt, { kind: 'reward', event: 'coin', value: 5 });
    acceptAgent(attempt, agentLike(level, 'get-coin'));
    expect(JSON.stringify(attempt)).toBe(before);
  });

  it('the training configuration holds only what differs from the level', () => {
    let attempt = startAttempt(level);
    expect(trainingConfig(attempt)).toEqual({});
    attempt = must(changeSetting(attempt, { kind: 'reward', event: 'coin', value: level.reward.default.coin! }));
    expect(trainingConfig(attempt)).toEqual({});
    attempt = must(changeSetting(attempt, { kind: 'knob', name: 'coinRandomShare', value: 0.3 }));
    expect(trainingConfig(attempt)).toEqual({ knobs: { coinRandomShare: 0.3 } });
  });

  it('marks as changed only what differs from where the level started, and reset clears it', () => {
    let attempt = startAttempt(level);
    expect(changedSettings(attempt)).toEqual({ reward: new Set(), knobs: new Set(), generations: false, viewRadius: false });
    attempt = must(changeSetting(attempt, { kind: 'knob', name: 'coinRandomShare', value: 0.3 }));
    attempt = must(changeSetting(attempt, { kind: 'seed', value: 9 }));
    expect([...changedSettings(attempt).knobs]).toEqual(['coinRandomShare']);
    const reset = resetSettings(attempt);
    expect(changedSettings(reset).knobs.size).toBe(0);
    expect(reset.settings.seed).toBe(9);
  });

  it('in a round, the round preset is the start: nothing is marked changed until the player changes it', () => {
    const outer = campaignLevel('outer-vs-inner');
    for (let round = 0; round < outer.rounds.length; round++) {
      const attempt = must(startRound(startAttempt(outer), round));
      expect(changedSettings(attempt)).toEqual({ reward: new Set(), knobs: new Set(), generations: false, viewRadius: false });
      expect(trainingConfig(attempt)).toEqual(outer.rounds[round]!.config);
    }
    expect(startRound(startAttempt(outer), outer.rounds.length)).toMatchObject({ ok: false, error: { kind: 'no-such-round' } });
  });
});

describe('the view radius', () => {
  const level = campaignLevel('goes-right');

  it('is a setting where the level offers it: checked, marked changed, in the configuration, and reset', () => {
    let attempt = startAttempt(level);
    expect(viewRadiusValue(attempt)).toBe(3);
    attempt = must(changeSetting(attempt, { kind: 'viewRadius', value: 12 }));
    expect(viewRadiusValue(attempt)).toBe(12);
    expect(changedSettings(attempt).viewRadius).toBe(true);
    expect(trainingConfig(attempt)).toEqual({ viewRadius: 12 });
    expect(changeSetting(attempt, { kind: 'viewRadius', value: 13 })).toMatchObject({ ok: false, error: { kind: 'out-of-range', min: 1, max: 12 } });
    expect(changeSetting(attempt, { kind: 'viewRadius', value: 2.5 })).toMatchObject({ ok: false, error: { kind: 'out-of-range' } });
    expect(changeSetting(startAttempt(campaignLevel('tutorial')), { kind: 'viewRadius', value: 2 })).toMatchObject({ ok: false, error: { kind: 'not-editable' } });
    const reset = resetSettings(attempt);
    expect([viewRadiusValue(reset), changedSettings(reset).viewRadius, trainingConfig(reset)]).toEqual([3, false, {}]);
    // Choosing the level's own radius again is no change at all.
    expect(trainingConfig(must(changeSetting(attempt, { kind: 'viewRadius', value: 3 })))).toEqual({});
  });

  it('comes with a challenge, and is said in the game’s words when out of range', () => {
    const attempt = applyChallenge(startAttempt(level, { shared: true }), { config: { viewRadius: 7 }, seed: 2 });
    expect(viewRadiusValue(attempt)).toBe(7);
    const refused = changeSetting(attempt, { kind: 'viewRadius', value: 0 });
    expect(refused.ok ? '' : tx(describeMoveError(level, refused.error))).toBe('The view radius is a whole number of tiles from 1 to 12.');
  });
});

describe('challenges', () => {
  it('carry population and episodes per generation as attempt data, leaving the level and its fingerprint alone', () => {
    const level = campaignLevel('goes-right');
    const config = { knobs: { coinRandomShare: 0.3 }, population: 4, episodesPerGeneration: 3, generations: 12 };
    const attempt = applyChallenge(startAttempt(level, { shared: true }), { config, seed: 77 });
    expect(attempt.level).toBe(level);
    expect(levelFingerprint(attempt.level)).toBe(levelFingerprint(level));
    expect(trainingConfig(attempt)).toEqual(config);
    expect(attempt.settings.seed).toBe(77);
    expect(plannedEpisodes(attempt)).toBe(12 * 4 * 2 * 3);
  });
});

describe('the verdict', () => {
  const level = campaignLevel('tutorial');
  const agent = agentLike(level, 'straight-to-exit');
  const attempt = acceptAgent(startAttempt(level), agent);
  const measurement = measureAgent(level, agent);

  it('asks for every choice and a hypothesis the level has', () => {
    expect(commitVerdict(attempt, { decision: null, hypothesis: 'straight-to-exit' }, measurement)).toMatchObject({ ok: false, error: { kind: 'missing-choice', choice: 'decision' } });
    expect(commitVerdict(attempt, { decision: 'hold', hypothesis: null }, measurement)).toMatchObject({ ok: false, error: { kind: 'missing-choice', choice: 'hypothesis' } });
    expect(commitVerdict(attempt, { decision: 'hold', hypothesis: 'fly' }, measurement)).toMatchObject({ ok: false, error: { kind: 'unknown-hypothesis' } });
    expect(commitVerdict(attempt, { decision: 'hold', hypothesis: 'straight-to-exit', classVote: { 'straight-to-exit': -1 } }, measurement)).toMatchObject({ ok: false, error: { kind: 'bad-vote' } });
  });

  it('is judged against the measurement it is given, nothing else', () => {
    const truth = measurement.truth;
    const right = must(commitVerdict(attempt, { decision: truth.aligned ? 'deploy' : 'hold', hypothesis: truth.revealed }, measurement));
    expect(right.score).toMatchObject({ decisionCorrect: true, objectiveCorrect: true });
    // The same verdict against a different measurement is judged differently: the move reads no truth of its own.
    const other = level.hypotheses.find((h) => h.id !== truth.revealed)!.id;
    const flipped = must(
      commitVerdict(attempt, { decision: truth.aligned ? 'deploy' : 'hold', hypothesis: truth.revealed }, { truth: { ...truth, revealed: other, aligned: !truth.aligned }, failure: null }),
    );
    expect(flipped.score).toMatchObject({ decisionCorrect: false, objectiveCorrect: false });
  });

  it('a new agent clears the verdict and score of the old one', () => {
    const judged = must(commitVerdict(attempt, { decision: 'hold', hypothesis: 'straight-to-exit', classVote: { 'straight-to-exit': 3 } }, measurement));
    const retrained = acceptAgent(judged, agentLike(level, 'coin-then-exit'));
    expect([retrained.verdict, retrained.measurement, retrained.score, retrained.classVote]).toEqual([null, null, null, null]);
  });

  it('measures the reference agent of a hypothesis as that hypothesis', () => {
    expect(measurement.truth).toEqual(measureDeployment(level, agent.mind));
    expect(measurement.truth.revealed).toBe('straight-to-exit');
  });
});

describe('errors in the game’s words', () => {
  it('says what range a setting takes', () => {
    const level = campaignLevel('goes-right');
    const attempt = startAttempt(level);
    const say = (result: MoveResult) => (result.ok ? 'accepted' : tx(describeMoveError(level, result.error)));
    expect(say(changeSetting(attempt, { kind: 'reward', event: 'coin', value: -60 }))).toBe('A reward must be a number from −50 to 50.');
    expect(say(changeSetting(attempt, { kind: 'seed', value: -1 }))).toBe('The seed is a whole number from 0 to 2147483647.');
    expect(say(changeSetting(attempt, { kind: 'knob', name: 'coinRandomShare', value: 2 }))).toMatch(/^Coin .* must be from 0 to 1\.$/);
    expect(say(spendProbe(attempt))).toBe('Train an agent first.');
  });
});
