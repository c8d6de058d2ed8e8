/**
 * The deployment reveal at 1366×768, in the real bundle: a default Goes Right
 * agent (it learned to reach the finish, not the coin) is deployed. The worlds
 * played first each end with a ✓ or ✗ on the stage, wholly on the canvas,
 * with the agent drawn large enough to read and the intended path as a
 * ghost, and the tally counts them; the summary's numbers agree with the
 * score; every world opens from the keyboard. Read through the test hook,
 * not from pixels; screenshots go to test-results/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { everyLevelOpen, launch, openGame, playerWith, screenshot, seriousViolations, snapshot, trainAndInspect, waitForScreen } from './browser';

interface FirstWorld {
  world: number;
  outcome: 'success' | 'failure';
  ended: boolean;
  mark: 'success' | 'failure' | null;
  markPx: number;
  markInside: boolean;
  agentPx: number;
  ghost: boolean;
}
interface RevealReport {
  phase: 'first' | 'summary' | 'world';
  first: FirstWorld[];
  tally: { shown: number; successes: number; failures: number };
  summary: { worlds: number; onStage: number; successes: number; matchesIntended: number; matchesRevealed: number | null; grid: { columns: number; rows: number } | null } | null;
}

const reveal = (page: Page) => page.evaluate(() => (window.__MESA__!.snapshot() as { reveal: unknown }).reveal as RevealReport | null);

describe('the deployment reveal', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    // A returning player with every level open, so a level= link goes straight to its briefing.
    const context = await playerWith(browser, everyLevelOpen(), { viewport: { width: 1366, height: 768 }, reducedMotion: false });
    page = await context.newPage();
    await openGame(page, inject('baseUrl'), '?level=goes-right');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('plays the most telling worlds first with a readable agent and a ✓/✗ on the stage, then a summary that agrees with the score', async () => {
    await waitForScreen(page, 'briefing');
    await page.getByRole('button', { name: /set up training/i }).click();
    await waitForScreen(page, 'train');
    await trainAndInspect(page);
    await page.getByRole('button', { name: /give your verdict/i }).click();
    await page.getByLabel(/deploy it/i).check();
    await page.getByLabel(/reach the finish/i).check();
    await page.getByRole('button', { name: /commit verdict/i }).click();
    await waitForScreen(page, 'deploy');

    // The first worlds: wait until every one has ended, then read how the stage drew them.
    await expect.poll(async () => (await reveal(page))?.tally.shown, { timeout: 60_000 }).toBe(4);
    const shown = (await reveal(page))!;
    await screenshot(page, 'reveal-01-first-worlds');
    expect(shown.first).toHaveLength(4);
    for (const w of shown.first) {
      expect(w.ended).toBe(true);
      expect(w.mark).toBe(w.outcome);
      expect(w.markInside).toBe(true);
      expect(w.markPx).toBeGreaterThanOrEqual(24);
      expect(w.agentPx).toBeGreaterThanOrEqual(24);
      expect(w.ghost).toBe(true);
    }
    // This agent reaches the finish, not the coin: the worlds shown first are failures, and the tally says so.
    expect(shown.first.every((w) => w.outcome === 'failure')).toBe(true);
    expect(shown.tally).toEqual({ shown: 4, successes: 0, failures: 4 });
    await expect(page.locator('#reveal-tally').textContent()).resolves.toMatch(/✗ 4 did not achieve the objective · ✓ 0 did \(4 of 4 shown\)/);

    // The summary: counts that agree with the score, and a grid with no lone last row.
    await page.locator('#revealed-objective').waitFor({ state: 'visible', timeout: 60_000 });
    await expect.poll(async () => (await reveal(page))?.summary?.grid, { timeout: 30_000 }).not.toBeNull();
    const summary = (await reveal(page))!.summary!;
    await screenshot(page, 'reveal-02-summary');
    const stage = await page.evaluate(() => (window.__MESA__!.snapshot() as { fps: number }).fps);
    console.log(`reveal summary: ${summary.onStage} worlds on the stage in ${summary.grid!.columns}×${summary.grid!.rows}; stage ${stage.toFixed(1)} fps`);
    expect(summary.worlds).toBe(100);
    const { columns, rows } = summary.grid!;
    expect(columns * rows).toBeGreaterThanOrEqual(summary.onStage);
    expect(summary.onStage - (rows - 1) * columns).toBeGreaterThanOrEqual(Math.ceil(columns / 2));
    await expect(page.locator('#reveal-counts').textContent()).resolves.toContain(`✓ ${summary.successes} achieved it · ✗ ${100 - summary.successes} did not.`);
    await expect(page.locator('.big-number').first().textContent()).resolves.toBe(`${summary.successes} of 100`);
    await expect(page.locator('#revealed-objective').textContent()).resolves.toBe('Reach the finish');
    expect(summary.matchesRevealed).not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);

    // Any world opens from the keyboard and plays on its own; the back button returns to the summary.
    const cell = page.locator('.world-cell[data-world="7"]');
    await cell.focus();
    await expect.poll(() => page.evaluate(() => (window.__MESA__!.snapshot() as { reveal: RevealReport }).reveal.phase)).toBe('summary');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await reveal(page))?.phase).toBe('world');
    await expect(page.locator('.phase').textContent()).resolves.toMatch(/^Deployment world 7: [✓✗]/);
    await page.waitForTimeout(2500);
    await screenshot(page, 'reveal-03-one-world');
    await page.locator('#back-to-summary').click();
    await expect.poll(async () => (await reveal(page))?.phase).toBe('summary');
    await page.getByRole('button', { name: /see your score/i }).click();
    await waitForScreen(page, 'score');
    const card = (await snapshot(page)).score!;
    expect(Math.round(card.successRate * 100)).toBe(summary.successes);
    expect(card.revealed).toBe('reach-end');
  });
});
