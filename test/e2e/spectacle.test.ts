/**
 * Training as a show, in the real bundle: while the worker trains, the weight
 * meter moves once per generation and the stage draws candidate paths; the
 * agent is the same one the show is skipped for; Skip applies everything at
 * once; reduced motion starts the show skipped; the show fits a phone and a
 * presenter's wall. Screenshots go to test-results/screens.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openGame, screenshot, snapshot, waitForScreen } from './browser';

interface ShowSnapshot {
  generationsShown: number;
  weightUpdates: number;
  pathsShown: number;
  candidatePathsDrawn: number;
  skipped: boolean;
  running: boolean;
}

const showOf = (page: Page) => page.evaluate(() => (window.__MESA__!.snapshot() as { trainingShow: ShowSnapshot | null }).trainingShow);
const budget = (page: Page) => page.getByLabel('Budget').inputValue();

describe('training as a show', () => {
  let browser: Browser;
  const base = () => inject('baseUrl');

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openTrain(options: { width: number; height: number; reducedMotion?: 'reduce' | 'no-preference'; hash: string }): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: options.width, height: options.height }, reducedMotion: options.reducedMotion ?? 'no-preference' });
    const page = await context.newPage();
    await openGame(page, base(), options.hash);
    await waitForScreen(page, 'train');
    return page;
  }

  it('moves the weights every generation and draws candidate paths, then skips on request', async () => {
    const page = await openTrain({ width: 1366, height: 768, hash: '#level=tutorial&screen=train' });
    const generations = Number(await budget(page));
    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: 'Skip the show' }).waitFor({ state: 'visible' });
    // Mid-show: a third of the generations on screen, trails on the stage.
    await page.waitForFunction(
      (n) => {
        const show = (window.__MESA__!.snapshot() as { trainingShow: ShowSnapshot | null }).trainingShow;
        return show !== null && show.generationsShown >= n && show.candidatePathsDrawn > 0;
      },
      Math.ceil(generations / 3),
    );
    await screenshot(page, 'spectacle-1366x768-mid-show');
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 60_000 });
    const show = (await showOf(page))!;
    expect(show.skipped).toBe(false);
    expect(show.running).toBe(false);
    expect(show.generationsShown).toBe(generations);
    expect(show.weightUpdates).toBeGreaterThanOrEqual(generations);
    expect(show.pathsShown).toBeGreaterThan(0);
    expect(show.candidatePathsDrawn).toBeGreaterThan(0);
    // The meter ends on the trained agent's own weights.
    const weights = (await snapshot(page)).weights!;
    const shown = await page.locator('.meter-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-weight'), r.querySelector('.meter-value')!.textContent]));
    expect(shown.length).toBe(Object.keys(weights).length);
    for (const [name, text] of shown) {
      const w = weights[name!]!;
      expect(text).toBe(`${w >= 0 ? '▲ +' : '▼ −'}${Math.abs(w).toFixed(2)}`);
    }
    // The legend names each candidate by shape, not colour alone.
    await expect(page.locator('.candidate-legend li').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/^. Circle \(nudge 1, plus\): reward/)]));
    await screenshot(page, 'spectacle-1366x768-trained');

    // Train again and skip: everything is applied at once, the same agent comes out.
    const first = weights;
    const started = Date.now();
    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: 'Skip the show' }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 60_000 });
    const skippedIn = Date.now() - started;
    const skipped = (await showOf(page))!;
    expect(skipped.skipped).toBe(true);
    expect(skipped.generationsShown).toBe(generations);
    await expect(page.locator('.training-show').isVisible()).resolves.toBe(false);
    expect((await snapshot(page)).weights).toEqual(first);
    // The worker's own pace (40 ms a generation) bounds a skipped run, not the show's.
    expect(skippedIn).toBeLessThan(40 * generations + 4000);
    await page.context().close();
  });

  it('starts skipped under reduced motion, and can be turned on', async () => {
    const page = await openTrain({ width: 1366, height: 768, reducedMotion: 'reduce', hash: '#level=tutorial&screen=train' });
    const toggle = page.getByLabel('Show training as it happens');
    await expect(toggle.isChecked()).resolves.toBe(false);
    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('.training-show').count()).toBe(0);
    const withoutShow = (await snapshot(page)).weights;
    // Turned on, it plays with the trails drawn whole (no growing motion), and trains the very same agent.
    await toggle.check();
    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 60_000 });
    const show = (await showOf(page))!;
    expect(show.skipped).toBe(false);
    expect(show.candidatePathsDrawn).toBeGreaterThan(0);
    expect((await snapshot(page)).weights).toEqual(withoutShow);
    await page.context().close();
  });

  for (const [width, height, flags, level] of [
    [360, 640, '', 'tutorial'],
    [1920, 1080, '?presenter=1', 'goes-right'],
  ] as const) {
    it(`fits ${width}×${height}${flags ? ' in presenter mode' : ''}`, async () => {
      const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'no-preference' });
      const page = await context.newPage();
      await page.goto(`${base()}${flags}#level=${level}&screen=train`);
      await page.waitForFunction(() => window.__MESA__?.ready === true);
      await waitForScreen(page, 'train');
      await page.getByRole('button', { name: /^train$/i }).click();
      await page.waitForFunction(() => {
        const show = (window.__MESA__!.snapshot() as { trainingShow: ShowSnapshot | null }).trainingShow;
        return show !== null && show.generationsShown >= 8 && show.candidatePathsDrawn > 0;
      });
      const name = `spectacle-${width}x${height}${flags ? '-presenter' : ''}`;
      // The trails are in view: beside the panel, or (on a phone) the page scrolled up to the stage.
      const stageTop = await page.evaluate(() => document.getElementById('stage')!.getBoundingClientRect().top);
      expect(stageTop).toBeGreaterThanOrEqual(-1);
      expect(stageTop).toBeLessThan(height / 2);
      await screenshot(page, `${name}-stage`);
      await page.locator('.training-show').scrollIntoViewIfNeeded();
      await screenshot(page, name);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    });
  }
});
