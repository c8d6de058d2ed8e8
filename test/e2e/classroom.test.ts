/**
 * A teacher's lesson in the real bundle in headless Chromium: presenter mode
 * from one link through the tutorial (brief, train, the class vote, the
 * reveal beside the class's prediction, the score); controls hidden by URL
 * flags; the class board with pasted codes and CSV export; the lesson guide;
 * the game loading and training with the network off after one visit; and
 * axe scans of every classroom screen.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { encodeResult, scoreReport, type PlayerScore } from '../../src/core/index';
import { campaignLevel } from '../core/campaign';
import { launch, openGame, screenshot, seriousViolations, snapshot, waitForScreen } from './browser';

/** A real result code, as a student's score screen makes it. */
function resultCode(levelId: string, decision: 'deploy' | 'hold', hypothesis: string, stars: 0 | 1 | 2 | 3): string {
  const judged = { stars, points: { total: 10 + stars * 30 } } as unknown as PlayerScore;
  const code = encodeResult(scoreReport(campaignLevel(levelId), { decision, hypothesis }, judged, '2026-11-20'));
  if (!code.ok) throw new Error('could not make a result code');
  return code.value;
}

describe('a classroom lesson', () => {
  let browser: Browser;
  const scans: Record<string, string[]> = {};
  const scan = async (page: Page, screen: string) => {
    scans[screen] = (await seriousViolations(page)).map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
  };
  const base = () => inject('baseUrl');

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the tutorial in presenter mode from one link: vote, then the reveal beside the class prediction', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await openGame(page, base(), '?presenter=1&level=tutorial');
    await waitForScreen(page, 'briefing');
    expect(await page.evaluate(() => document.documentElement.classList.contains('presenter'))).toBe(true);
    expect(await page.locator('#presenter-toggle').getAttribute('aria-pressed')).toBe('true');
    // Projector-sized type: it scales with the screen (24 px at 1600 × 1000, a fifth above normal mode's 20 px).
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(24);
    await page.locator('.presenter-playback').waitFor({ state: 'visible' });
    await screenshot(page, 'class-01-presenter-briefing');
    await scan(page, 'presenter-briefing');

    // The lesson guide is one click away, and back.
    await page.locator('#open-guide').click();
    await page.locator('#guide-page').waitFor();
    await expect(page.locator('#guide-page h1').textContent()).resolves.toBe('First Steps');
    await expect(page.locator('#guide-page').textContent()).resolves.toMatch(/common wrong answer/i);
    await screenshot(page, 'class-02-guide');
    await scan(page, 'lesson-guide');
    await page.getByRole('button', { name: '← Back' }).click();
    await waitForScreen(page, 'briefing');

    await page.getByRole('button', { name: /set up training/i }).click();
    await waitForScreen(page, 'train');
    await page.getByLabel('Reward for coin collected').fill('10');
    await page.getByLabel('Reward for coin collected').press('Tab');
    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 90_000 });
    await scan(page, 'presenter-train');

    await page.getByRole('button', { name: /inspect the agent/i }).click();
    await waitForScreen(page, 'inspect');
    // Pause, step and slow motion are always there in presenter mode.
    await page.locator('#presenter-slow').click();
    await expect(page.locator('#presenter-slow').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('.presenter-playback select').inputValue()).resolves.toBe('0.25');
    await page.locator('#presenter-pause').click();
    await expect(page.locator('#presenter-pause').textContent()).resolves.toBe('Play');
    await page.locator('#presenter-step').click();
    await page.locator('#presenter-pause').click();
    await screenshot(page, 'class-03-presenter-inspect');
    await scan(page, 'presenter-inspect');
    await page.locator('.presenter-playback select').selectOption('4');

    await page.getByRole('button', { name: /give your verdict/i }).click();
    await waitForScreen(page, 'verdict');
    const vote = page.getByRole('group', { name: 'Class vote' });
    await vote.waitFor();
    await page.getByLabel('Hands for “Coin, then exit”').fill('12');
    await page.getByLabel('Hands for “Straight to the exit”').fill('-3');
    await page.getByLabel(/deploy it/i).check();
    await page
      .getByLabel(/coin, then exit/i)
      .first()
      .check();
    await page.getByRole('button', { name: /commit verdict/i }).click();
    // A negative count is refused (the input's own validation), and nothing is committed.
    await expect(page.getByLabel('Hands for “Straight to the exit”').evaluate((input) => (input as HTMLInputElement).validity.valid)).resolves.toBe(false);
    expect((await snapshot(page)).levelScreen).toBe('verdict');
    await page.getByLabel('Hands for “Straight to the exit”').fill('7');
    await page.screenshot({ path: 'test-results/screens/class-04-vote.png', fullPage: true });
    await scan(page, 'presenter-vote');
    await page.getByRole('button', { name: /commit verdict/i }).click();

    await waitForScreen(page, 'deploy');
    expect(((await snapshot(page)) as unknown as { classVote: unknown }).classVote).toEqual({ 'coin-then-exit': 12, 'straight-to-exit': 7 });
    await page.locator('#revealed-objective').waitFor({ state: 'visible', timeout: 90_000 });
    const prediction = page.locator('#class-prediction');
    await prediction.waitFor({ state: 'visible' });
    await expect(page.locator('#revealed-objective').textContent()).resolves.toBe('Coin, then exit');
    const predictionText = await prediction.textContent();
    expect(predictionText).toMatch(/19 hands/);
    expect(predictionText).toMatch(/12 · 63%/);
    expect(predictionText).toMatch(/7 · 37%/);
    expect(predictionText).toMatch(/✓ Coin, then exit — revealed/);
    expect(predictionText).toMatch(/that is what the agent learned/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'test-results/screens/class-05-reveal-with-vote.png', fullPage: true });
    await scan(page, 'presenter-deploy');

    await page.getByRole('button', { name: /see your score/i }).click();
    await waitForScreen(page, 'score');
    expect((await snapshot(page)).score).toMatchObject({ stars: 3, revealed: 'coin-then-exit' });
    await scan(page, 'presenter-score');

    // The toggle turns presenter mode off and the save remembers it.
    // The toggles live in the header's settings menu.
    await page.locator('#settings-button').click();
    await page.locator('#presenter-toggle').click();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('mesa.save')!).settings.presenter)).toBe(false);
    await context.close();
  });

  it('hides the controls a link names (hide=lens,probes,experiment,seed)', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await openGame(page, base(), '?presenter=1&level=goes-right&hide=lens,probes,experiment,seed');
    await waitForScreen(page, 'briefing');
    await page.getByRole('button', { name: /set up training/i }).click();
    await waitForScreen(page, 'train');
    await expect(page.getByLabel('Random seed').isVisible()).resolves.toBe(false);
    await expect(page.locator('#to-experiment').isVisible()).resolves.toBe(false);
    await expect(page.getByText('Reward — the base objective').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 90_000 });
    await page.getByRole('button', { name: /inspect the agent/i }).click();
    await waitForScreen(page, 'inspect');
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toContain('Watch');
    expect(tabs).not.toContain('Lens');
    expect(tabs).not.toContain('Probe');
    await screenshot(page, 'class-06-hidden-controls');
    await context.close();
  });

  it('collects result codes on the class board: table, errors, chart, CSV, kept across a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    await openGame(page, base());
    await page.locator('#class-board').click();
    await page.getByRole('heading', { name: 'Class board' }).waitFor();
    await expect(page.locator('#result-caveat').textContent()).resolves.toMatch(/not proof against cheating/);
    const codes = [resultCode('tutorial', 'deploy', 'coin-then-exit', 3), resultCode('goes-right', 'hold', 'reach-end', 2), resultCode('goes-right', 'deploy', 'get-coin', 1)];
    const broken = codes[0]!.slice(0, -3) + (codes[0]!.endsWith('AAA') ? 'BBB' : 'AAA');
    await page.getByLabel('Result codes').fill(`${codes[0]}\n${codes[1]} ${codes[2]}\n${broken}\n${codes[0]}`);
    await page.locator('#add-codes').click();
    await expect(page.locator('#board-table tbody tr').count()).resolves.toBe(3);
    await expect(page.locator('#board-problems li').count()).resolves.toBe(1);
    await expect(page.locator('#board-problems').textContent()).resolves.toMatch(/typo|checksum|damaged/);
    await expect(page.locator('#board-table caption').textContent()).resolves.toMatch(/3 distinct results \(1 duplicate code ignored\)/);
    const chart = await page.locator('#board-chart').textContent();
    expect(chart).toMatch(/First Steps/);
    expect(chart).toMatch(/Deploy 1 · Hold 1/);
    await page.screenshot({ path: 'test-results/screens/class-07-board.png', fullPage: true });
    await scan(page, 'board');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^mesa-class-board-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^level,level_title,decision,hypothesis/);
    // The empty field after the date is the student's name: these codes were made without one.
    expect(lines[1]).toContain(`tutorial,First Steps,deploy,coin-then-exit,"Coin, then exit",,3,100,2026-11-20,,true,${codes[0]}`);
    expect(lines[2]).toContain('goes-right,Goes Right,hold,reach-end,Reach the finish,,2,70');

    // A reload reopens the board (the address names it) with the codes kept.
    await page.reload();
    await page.waitForFunction(() => window.__MESA__?.ready === true);
    expect((await snapshot(page)).scene).toBe('board');
    await expect(page.locator('#board-table tbody tr').count()).resolves.toBe(3);

    // The lesson guide from the board, printable.
    await page.locator('#board-guide').click();
    await page.locator('#guide-page').waitFor();
    await page.getByLabel('Level').selectOption('treacherous-turn');
    await expect(page.locator('#guide-page h1').textContent()).resolves.toBe('While You Were Out');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.topbar').isVisible()).resolves.toBe(false);
    await expect(page.locator('#print-guide').isVisible()).resolves.toBe(false);
    await screenshot(page, 'class-08-guide-print');
    await page.emulateMedia({ media: 'screen' });
    await scan(page, 'lesson-guide-2');
    await context.close();
  });

  it('offers a high-contrast theme from a link, remembered in the save', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await openGame(page, base(), '?contrast=high&presenter=1');
    expect(await page.evaluate(() => document.documentElement.classList.contains('high-contrast'))).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await screenshot(page, 'class-09-high-contrast');
    await scan(page, 'high-contrast-title');
    await page.locator('#class-board').click();
    await scan(page, 'high-contrast-board');
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('mesa.save')!).settings.contrast)).toBe('high');
    await context.close();
  });

  it('works with the network off after one visit: title, training in the worker, the stage', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await openGame(page, base());
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    // Every precached file is in the cache before we pull the plug.
    await page.waitForFunction(async () => (await caches.keys()).length > 0, undefined, { timeout: 30_000 });

    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => window.__MESA__?.ready === true, undefined, { timeout: 60_000 });
    expect((await snapshot(page)).scene).toBe('title');
    // The network really is off: anything not precached fails to load.
    expect(
      await page.evaluate(() =>
        fetch('./not-precached.txt', { cache: 'no-store' }).then(
          () => 'loaded',
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    await page.getByRole('button', { name: /play the campaign/i }).click();
    await page.locator('[data-level="tutorial"]').click();
    await waitForScreen(page, 'briefing');
    await page.getByRole('button', { name: /set up training/i }).click();
    await waitForScreen(page, 'train');
    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 90_000 });
    expect((await snapshot(page)).weights).not.toBeNull();
    // The stage renders: a canvas with frames counted.
    await expect(page.locator('#stage canvas').count()).resolves.toBe(1);
    expect((await snapshot(page)).fps).not.toBeNull();
    await screenshot(page, 'class-10-offline-trained');
    // A teacher's link with flags opens offline too (the service worker answers any navigation with the game).
    await page.goto(base() + '?presenter=1&level=goes-right');
    await waitForScreen(page, 'briefing');
    expect((await snapshot(page)).levelId).toBe('goes-right');
    await context.close();
  });

  it('has no serious or critical accessibility violation on the classroom screens', () => {
    expect(Object.keys(scans).length).toBeGreaterThanOrEqual(9);
    expect(scans).toEqual(Object.fromEntries(Object.keys(scans).map((k) => [k, []])));
  });
});
