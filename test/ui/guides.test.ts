/**
 * The step-by-step guides as data: the tutorial's guide validates, points at
 * the screens and glossary entries that exist, and advances only when the
 * session's state says a step's goal is met; a broken guide file is refused
 * with the path of its problem.
 */
import { describe, expect, it } from 'vitest';
import { replay, startAttempt, type Attempt, type FirstRunStep, type Screen } from '../../src/session/index';
import { currentStep, guideFor, guideProblems, parseGuide, stepDone, stepText, type GuideState } from '../../src/ui/guides';
import { campaignLevel } from '../core/campaign';
import tutorialGuide from '../../src/ui/guides/tutorial.json';

const level = campaignLevel('tutorial');
const state = (screen: Screen, attempt: Attempt | null = startAttempt(level), firstRunStep: FirstRunStep | null = null): GuideState => ({ screen, attempt, firstRunStep });

describe('the tutorial’s guide', () => {
  const guide = guideFor('tutorial')!;

  it('loads, and every guide file validates', () => {
    expect(guideProblems).toEqual([]);
    expect(guide.steps.length).toBeGreaterThanOrEqual(6);
    // One idea per step: short texts, at most a few definitions each.
    for (const step of guide.steps) expect(stepText(guide, step).split(/\s+/).length).toBeLessThanOrEqual(40);
  });

  it('walks a newcomer from the briefing through the first run, the fix and the score', () => {
    const screens = guide.steps.map((s) => s.screen);
    expect(screens[0]).toBe('briefing');
    expect(screens.indexOf('first')).toBeLessThan(screens.indexOf('train'));
    expect(screens.at(-1)).toBe('score');
    expect(guide.steps.flatMap((s) => s.terms)).toEqual(expect.arrayContaining(['base-optimizer', 'mesa-objective', 'proxy']));
  });

  it('the probe step waits for a probe that moved the coin', () => {
    const probeStep = guide.steps.find((s) => s.until.kind === 'probe')!;
    expect(probeStep.until).toEqual({ kind: 'probe', moved: 'coin' });
    const trained = { ...startAttempt(level), probesUsed: 1 };
    expect(stepDone(probeStep, state('inspect', { ...trained, lastProbe: { objects: [], agentMoved: true } }))).toBe(false);
    expect(stepDone(probeStep, state('inspect', { ...trained, lastProbe: { objects: ['coin'], agentMoved: false } }))).toBe(true);
  });

  it('advances only when the session’s state meets a step’s goal', () => {
    // On the briefing, nothing is done yet.
    expect(currentStep(guide, 0, state('briefing'))).toBe(0);
    // On the first run, before training: the step that asks for Train.
    const first = currentStep(guide, 0, state('first', startAttempt(level), 'train'));
    expect(guide.steps[first]!.until).toEqual({ kind: 'first-run', step: 'predict' });
    // On Train with the coin still unpaid (the first run skipped): the reward step waits.
    const train = currentStep(guide, 0, state('train'));
    expect(guide.steps[train]!.until).toMatchObject({ kind: 'reward', event: 'coin' });
    const paid = replay(level, [{ move: 'reward', event: 'coin', value: 10 }]).attempt;
    expect(stepDone(guide.steps[train]!, state('train', paid))).toBe(true);
    expect(guide.steps[currentStep(guide, train, state('train', paid))]!.until).toEqual({ kind: 'trained' });
    // Back on the briefing, the guide waits there for the player to come back to where it was.
    expect(currentStep(guide, train, state('briefing'))).toBe(train);
    // A guide never goes back on its own, and its last step stays.
    expect(currentStep(guide, guide.steps.length - 1, state('briefing'))).toBe(guide.steps.length - 1);
  });
});

describe('a broken guide', () => {
  it('is refused with the path and reason of its problem', () => {
    const bad = structuredClone(tutorialGuide) as { steps: { terms: string[]; screen: string }[] };
    bad.steps[1]!.terms = ['no-such-term'];
    const parsed = parseGuide(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(/^steps\.1\.terms\.0: /);
    const wrongScreen = structuredClone(tutorialGuide) as { steps: { screen: string }[] };
    wrongScreen.steps[0]!.screen = 'nowhere';
    const second = parseGuide(wrongScreen);
    expect(second.ok ? null : second.problem).toMatch(/^steps\.0\.screen: /);
    expect(parseGuide('not a guide').ok).toBe(false);
    // A step whose words are not in the catalog is never shown without them.
    const unwritten = structuredClone(tutorialGuide) as { steps: { id: string }[] };
    unwritten.steps[2]!.id = 'no-such-step';
    const third = parseGuide(unwritten);
    expect(third.ok ? null : third.problem).toMatch(/^steps\.2\.id: .*coach\.tutorial\.no-such-step/);
  });
});
