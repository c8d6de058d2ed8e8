/**
 * The run tells its own story, in the real bundle: on Goes Right, a player
 * who applies the fix (the coin placed at random in 30% of training runs)
 * reads no sentence claiming the failure happened and can watch the default
 * agent fail beside theirs; a player who keeps the defaults reads the
 * failure explained with their own agent's numbers (checked against the
 * test hook); and the student's name travels in the result code to the
 * class board.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signed } from '../../src/core/narrative';
import { everyLevelOpen, launch, openGame, playerWith, screenshot, seriousViolations, snapshot, trainAndInspect, waitForScreen } from './browser';

interface StoryState {
  failureSeen: boolean;
  trainingWorlds: number;
  successes: number;
  suite: number;
  weights: Record<string, number>;
  sentences: string[];
  defaultAgent?: { successes: number; suite: number; revealed: string; failureSeen: boolean };
}

const storyOf = async (page: Page) => (await page.evaluate(() => (window.__MESA__!.snapshot() as { story: unknown }).story)) as StoryState;
const FAILURE_CLAIMS = /learned to reach the finish|That is goal misgeneralization|always sat in the finish gate|What you just saw/;

describe('the score screen tells this run’s story', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    // A returning player with every level open, so a level= link goes straight to its briefing.
    const context = await playerWith(browser, everyLevelOpen(), { viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    await openGame(page, inject('baseUrl'), '#level=goes-right&screen=train');
    await waitForScreen(page, 'train');
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Train with the settings on screen, skip to the verdict, commit it and open the score. */
  const playToScore = async (decision: RegExp, objective: RegExp) => {
    await trainAndInspect(page);
    await page.getByRole('button', { name: /give your verdict/i }).click();
    await waitForScreen(page, 'verdict');
    await page.getByLabel(decision).check();
    await page.getByRole('radio', { name: objective }).check();
    await page.getByRole('button', { name: /commit verdict/i }).click();
    await waitForScreen(page, 'deploy');
    await page.getByRole('button', { name: /see your score/i }).click();
    await waitForScreen(page, 'score');
  };

  it('a player who applies the fix reads no sentence claiming the failure, and can watch the default agent fail', async () => {
    const knob = page.locator('[data-knob="coinRandomShare"] input[type="range"]');
    await knob.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expect(knob.inputValue()).resolves.toBe('0.3');
    await playToScore(/deploy it/i, /^[A-Z]\. Get the coin/);

    const state = await snapshot(page);
    expect(state.score).toMatchObject({ aligned: true, revealed: 'get-coin' });
    const story = await storyOf(page);
    expect(story.failureSeen).toBe(false);
    for (const sentence of story.sentences) expect(sentence).not.toMatch(FAILURE_CLAIMS);
    const shown = (await page.locator('main, #panel, body').first().innerText()).replace(/\s+/g, ' ');
    expect(shown).not.toMatch(FAILURE_CLAIMS);
    expect(shown).toContain('your agent did not show it');
    expect(shown).toContain('You changed “Coin placed at random” from 0% to 30%.');
    expect(shown).toContain(`got the coin in ${story.successes} of ${story.suite} deployment worlds`);
    await screenshot(page, 'story-fixed-score');
    expect(await seriousViolations(page)).toEqual([]);

    // The lesson is still seen: the level's own settings, the same seed, trained and deployed in the worker.
    await page.getByRole('button', { name: 'Watch the default agent' }).click();
    const outcome = page.locator('[data-story="default-outcome"]');
    await outcome.waitFor({ timeout: 90_000 });
    const after = await storyOf(page);
    expect(after.defaultAgent).toBeDefined();
    const text = (await outcome.textContent())!;
    expect(text).toContain(`in ${after.defaultAgent!.successes} of ${after.defaultAgent!.suite} deployment worlds`);
    expect(after.defaultAgent!.failureSeen).toBe(true);
    expect(text).toContain('It shows the failure this level is about.');
    await expect(page.locator('[data-story="default-lesson"]').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/That is goal misgeneralization/)]));
    await screenshot(page, 'story-default-agent');
  });

  it('a player who keeps the defaults reads the failure explained with their agent’s numbers', async () => {
    await page.getByRole('button', { name: /back to training/i }).click();
    await waitForScreen(page, 'train');
    await page.getByRole('button', { name: /reset/i }).first().click();
    await playToScore(/hold it back/i, /^[A-Z]\. Reach the finish/);

    const state = await snapshot(page);
    const story = await storyOf(page);
    expect(story.failureSeen).toBe(true);
    expect(story.weights).toEqual(state.weights);
    expect(story.successes).toBe(Math.round(state.score!.successRate * story.suite));
    const lesson = (await page.locator('[data-story="lesson"]').allTextContents()).join(' ');
    expect(lesson).toContain(`it was there in all ${story.trainingWorlds} training worlds`);
    expect(lesson).toContain(`its weight for the right edge is ${signed(state.weights!['right-edge']!)}, for the coin ${signed(state.weights!['coin']!)}`);
    expect(lesson).toContain('That is goal misgeneralization');
    await expect(page.locator('[data-story="weights"]').textContent()).resolves.toContain(`the right edge (${signed(state.weights!['right-edge']!)})`);
    await expect(page.locator('[data-story="outcome"]').first().textContent()).resolves.toContain(`in ${story.successes} of ${story.suite} worlds`);
    await expect(page.locator('[data-story="changes"]').textContent()).resolves.toBe('You trained with the level’s own settings: you changed nothing.');
    await expect(page.locator('[data-story="mechanism"]').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('only within 3 tiles'), expect.stringContaining(`In all ${story.trainingWorlds} of its training worlds`)]),
    );
    await expect(page.locator('#why-heading').textContent()).resolves.toMatch(/^What you just saw: Goal misgeneralization/);
    // The jargon waits in a disclosure for teachers.
    await expect(page.locator('#for-teachers').getAttribute('open')).resolves.toBeNull();
    await expect(page.locator('#watch-default').count()).resolves.toBe(0);
    await screenshot(page, 'story-default-score');
  });

  it('the student’s name travels in the result code to the class board', async () => {
    const name = page.getByLabel('Your name (optional)');
    await name.fill('Ada\u202eevil');
    await expect(page.locator('.teacher-code .field-error').textContent()).resolves.toMatch(/text-direction/);
    await name.fill('Zoë Ōkubo');
    await expect(page.locator('.teacher-code .field-error').textContent()).resolves.toBe('');
    await page.locator('.teacher-code').scrollIntoViewIfNeeded();
    await screenshot(page, 'story-teacher-code');
    const code = await page.getByLabel('Your result code').inputValue();
    expect(code).toMatch(/^R2/);
    await page.goto(`${inject('baseUrl')}#screen=board`);
    await page.getByRole('heading', { name: 'Class board' }).waitFor();
    await page.getByLabel('Result codes').fill(code);
    await page.locator('#add-codes').click();
    await expect(page.locator('#board-table tbody tr .student-name').first().textContent()).resolves.toBe('Zoë Ōkubo');
    await expect(page.locator('#board-table tbody tr .student-name bdi').count()).resolves.toBe(1);
    await page.locator('#board-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'story-board');
  });
});
