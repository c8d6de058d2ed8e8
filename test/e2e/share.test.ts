/**
 * Sharing in the real bundle: build a small level in the editor with the
 * keyboard, share it, open its link in a fresh browser (no saved state) and
 * play it to the score; a mangled link shows its error and leaves the player
 * on the title screen; a result link shows its report read-only; a challenge
 * link rebuilds, bit for bit, the agent the command-line tool trains. The editor and the share panel get axe scans.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { encodeChallenge, encodeResult, levelFingerprint, parseLevel, type Level } from '../../src/core/index';
import { fitSingle } from '../../src/game/layout';
import { launch, openGame, screenshot, seriousViolations, snapshot, trainAndInspect, waitForScreen } from './browser';

function cliWeights(level: string, seed: number, config: object): Record<string, number> {
  const file = join(mkdtempSync(join(tmpdir(), 'mesa-')), 'config.json');
  writeFileSync(file, JSON.stringify(config));
  const run = spawnSync('node_modules/.bin/tsx', ['scripts/mesa.ts', 'train', level, '--seed', String(seed), '--config', file, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout).weights;
}

function campaignLevel(id: string): Level {
  const parsed = parseLevel(JSON.parse(readFileSync(`levels/${id}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(`levels/${id}.json does not parse`);
  return parsed.value;
}

describe('sharing levels as codes and links', () => {
  let browser: Browser;
  const scans: Record<string, string[]> = {};
  const scan = async (page: Page, screen: string) => {
    scans[screen] = (await seriousViolations(page)).map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
  };
  /** A fresh browser context: no saved progress, no draft, as on another person's machine. */
  const freshPage = async () => (await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true })).newPage();
  let link = '';

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('builds a small level in the editor with the keyboard and shares it as a link', async () => {
    const page = await freshPage();
    await openGame(page, inject('baseUrl'));
    await page.getByRole('button', { name: 'Level editor' }).click();
    await page.getByRole('heading', { name: 'Level editor', level: 1 }).waitFor();
    expect((await snapshot(page)).scene).toBe('editor');
    // The stage appears with the editor (it was hidden on the title screen) and draws the draft at once.
    await page.waitForFunction(() => (document.querySelector<HTMLCanvasElement>('#stage canvas')?.width ?? 0) > 100, undefined, { timeout: 5_000 });
    await page.waitForTimeout(300);
    await screenshot(page, 'share-01-editor-blank');
    await scan(page, 'editor');
    // The blank level starts with a coin on the way to a door; this level places its own, so those go first.
    await page.locator('legend', { hasText: 'Objects (2 spawn rules)' }).waitFor();
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Remove object 1', exact: true }).click();
    await page.locator('legend', { hasText: 'Objects (0 spawn rules)' }).waitFor();

    // Walls: the wall tool is selected; move the keyboard cursor and paint a short wall at column 4, rows 2–4.
    await page.getByLabel('Paint wall').check();
    const painter = page.locator('#editor-map-keys');
    await painter.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
    }
    await expect(page.locator('#editor-cursor-status').textContent()).resolves.toMatch(/column 4, row 5/);
    // The form re-renders just after each key, so read the map when it has caught up.
    await expect
      .poll(async () =>
        (await page.getByLabel('Map rows as text').inputValue())
          .split('\n')
          .map((row) => row[3])
          .join(''),
      )
      .toBe('.###..');

    // A click on the stage paints too: a hazard at column 2, row 5 (where the stage's layout puts that cell), then undone.
    await page.getByLabel('Paint hazard').check();
    const canvas = page.locator('#stage canvas');
    const size = await canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
    const placement = fitSingle(size.width, size.height, 8, 6);
    await canvas.click({ position: { x: placement.x + 1.5 * placement.tile, y: placement.y + 4.5 * placement.tile } });
    await expect.poll(async () => (await page.getByLabel('Map rows as text').inputValue()).split('\n')[4]).toBe('.~......');
    await page.locator('#editor-undo').click();
    await expect.poll(async () => (await page.getByLabel('Map rows as text').inputValue()).split('\n')[4]).toBe('........');
    await page.getByLabel('Paint wall').check();

    // A coin at column 6, row 3 and an exit at column 8, row 3, placed with the keyboard painter.
    // The click above moved the cursor to column 2, row 5.
    await page.getByLabel('Object kind').selectOption('coin');
    await page.getByLabel('Object colour').selectOption('yellow');
    await page.locator('#editor-map-keys').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(page.locator('#editor-cursor-status').textContent()).resolves.toMatch(/column 6, row 3/);
    await page.keyboard.press('Space');
    await page.getByLabel('Object kind').selectOption('exit');
    await page.getByLabel('Object colour').selectOption('blue');
    await page.locator('#editor-map-keys').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.locator('legend', { hasText: 'Objects (2 spawn rules)' }).waitFor();

    // Undo removes the exit, redo puts it back; the default hypotheses stay valid throughout.
    await page.locator('#editor-undo').click();
    await page.locator('legend', { hasText: 'Objects (1 spawn rule)' }).waitFor();
    await page.locator('#editor-redo').click();
    await page.locator('legend', { hasText: 'Objects (2 spawn rules)' }).waitFor();
    await page.getByRole('heading', { name: 'No problems' }).waitFor();

    // A bad field shows its schema path inline, and fixing it clears the problem.
    await page.getByLabel('Title', { exact: true }).fill('');
    await page.getByLabel('Title', { exact: true }).press('Tab');
    await page.getByRole('heading', { name: /problems \(1\)/i }).waitFor();
    await page.locator('.field-error', { hasText: 'title' }).first().waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Wall and coin');
    await page.getByLabel('Title', { exact: true }).press('Tab');
    await page.getByRole('heading', { name: 'No problems' }).waitFor();

    // Test-train in the worker (curve and learned weights), then check the lesson's claims on three seeds.
    await page.locator('#editor-test-train').click();
    await page.locator('#editor-weights').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('#editor-weights li').count()).toBe(2);
    await page.locator('#editor-check').click();
    await page.locator('#editor-claims').waitFor({ timeout: 120_000 });
    await expect(page.locator('#editor-claims li').first().textContent()).resolves.toMatch(/(Holds|Does not hold): with default training the agent gets the coin/);
    await page.locator('#editor-claims').scrollIntoViewIfNeeded();
    await screenshot(page, 'share-02b-editor-checked');

    // Share: the link from the share panel; copying works or falls back to a selected field, and says which.
    const panel = page.locator('.share-panel');
    await panel.scrollIntoViewIfNeeded();
    link = await panel.locator('textarea.share-level-link').inputValue();
    expect(link).toMatch(/#level=L2[A-Za-z0-9_-]+$/);
    const code = await panel.locator('textarea.share-level-code').inputValue();
    expect(code.length).toBeLessThanOrEqual(400);
    await panel.getByRole('button', { name: 'Copy level link' }).click();
    const linkRow = panel.locator('.share-row', { has: page.getByRole('button', { name: 'Copy level link' }) });
    await expect.poll(() => linkRow.locator('.copy-status').textContent()).toMatch(/Copied|selected/);
    const qr = panel.locator('svg.qr-code');
    const box = await qr.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(320);
    await screenshot(page, 'share-02-editor-built');
    await qr.scrollIntoViewIfNeeded();
    await screenshot(page, 'share-03-share-panel');
    // For a projector: the QR code full screen, closed with Escape.
    await panel.getByRole('button', { name: 'Show the QR code full screen' }).click();
    const dialog = page.locator('dialog.qr-dialog');
    await dialog.waitFor();
    expect((await dialog.locator('svg').boundingBox())!.height).toBeGreaterThan(700);
    await screenshot(page, 'share-03b-qr-full-screen');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await scan(page, 'editor-share');

    // The draft is autosaved: a reload brings it back on the editor (the address names the screen), offered before it is drawn (open it, or discard it).
    await page.reload();
    await page.waitForFunction(() => window.__MESA__?.ready === true);
    expect((await snapshot(page)).scene).toBe('editor');
    await expect(page.locator('#panel').textContent()).resolves.toMatch(/A draft from your last visit is saved in this browser: “Wall and coin” \(a 8×6 map\)/);
    await page.getByRole('button', { name: 'Open the draft' }).click();
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('Wall and coin');

    // A half-built or nonsensical level never breaks the editor: its problems are listed by path, and Undo brings the level back.
    await page.getByLabel('Paste a level (JSON or a level code)').fill('{"world":{"map":["..",3]},"hypotheses":5,"knobs":[1],"agent":{"features":["coin","coin"]}}');
    await page.getByRole('button', { name: 'Import pasted level' }).click();
    await page.getByRole('heading', { name: /^Problems \(\d+\)$/ }).waitFor();
    await expect(page.locator('.problem-list').textContent()).resolves.toMatch(/hypotheses/);
    await page.locator('#editor-undo').click();
    await page.getByRole('heading', { name: 'No problems' }).waitFor();
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('Wall and coin');

    // Export as a JSON file, start over from a blank level, and import the file back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON file' }).click()]);
    expect(download.suggestedFilename()).toBe('my-level.json');
    const exported = await download.path();
    expect(JSON.parse(readFileSync(exported, 'utf8')).title).toBe('Wall and coin');
    await page.getByLabel('Template').selectOption('');
    await page.getByRole('button', { name: 'Replace the draft' }).click();
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe('My level');
    await page.getByLabel('Import a JSON file').setInputFiles(exported);
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe('Wall and coin');

    // "Play this level" starts it in the normal game loop, as a shared level.
    await page.getByRole('button', { name: 'Play this level →' }).click();
    await waitForScreen(page, 'briefing');
    await page.getByText('Shared level · Briefing').waitFor();
    await page.context().close();
  });

  it('opens the shared link in a fresh browser and plays the level to the score, without touching campaign progress', async () => {
    const page = await freshPage();
    await openGame(page, link);
    await waitForScreen(page, 'briefing');
    expect((await snapshot(page)).levelId).toBe('my-level');
    // The code in #level= is not mistaken for a classroom flag.
    await expect(page.locator('.notice-warning').count()).resolves.toBe(0);
    await page.getByRole('heading', { name: 'Wall and coin' }).waitFor();
    await screenshot(page, 'share-04-shared-briefing');

    await page.getByRole('button', { name: /set up training/i }).focus();
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'train');
    await trainAndInspect(page);
    await page.getByRole('button', { name: /give your verdict/i }).click();
    await waitForScreen(page, 'verdict');
    await page.getByLabel(/deploy it/i).check();
    await page.getByLabel(/get the coin/i).check();
    await page.getByRole('button', { name: /commit verdict/i }).click();
    await waitForScreen(page, 'deploy');
    await page.locator('#revealed-objective').waitFor({ state: 'visible', timeout: 90_000 });
    await page.getByRole('button', { name: /see your score/i }).click();
    await waitForScreen(page, 'score');
    const state = await snapshot(page);
    expect(state.score).not.toBeNull();
    expect(state.progress).toEqual({});

    // The score screen leads with the result code for the teacher, with its caveat; the level and a challenge for this agent are in a disclosure.
    const teacher = page.locator('.teacher-code');
    await expect(teacher.locator('textarea.share-result-code').inputValue()).resolves.toMatch(/^R2/);
    await expect(teacher.textContent()).resolves.toContain('not proof against cheating');
    await screenshot(page, 'share-05-shared-score');
    await page.locator('#share-details summary').click();
    const panel = page.locator('.share-panel');
    await expect(panel.locator('textarea.share-challenge-code').inputValue()).resolves.toMatch(/^C2/);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'share-06-score-share-panel');
    await scan(page, 'score-share');
    await page.context().close();
  });

  it('a mangled level link shows its error and leaves the player on the title screen', async () => {
    const page = await freshPage();
    const mangled = link.replace(/#level=L2(.{10})/, (_m, ten: string) => `#level=L2${ten.split('').reverse().join('')}`);
    expect(mangled).not.toBe(link);
    await openGame(page, mangled);
    const notice = page.locator('.notice-error');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/could not be opened: .*(checksum|typo)/);
    expect((await snapshot(page)).scene).toBe('title');
    await screenshot(page, 'share-07-mangled-link');
    await page.context().close();
  });

  it('a challenge link rebuilds the agent the command line trains, bit for bit', async () => {
    const config = { reward: { coin: 10 }, generations: 20 };
    const seed = 7;
    const challenge = encodeChallenge({ level: campaignLevel('tutorial'), config, seed });
    if (!challenge.ok) throw new Error('the challenge did not encode');
    const page = await freshPage();
    await openGame(page, `${inject('baseUrl')}#challenge=${challenge.value}`);
    await waitForScreen(page, 'train');
    await expect(page.getByLabel('Random seed').inputValue()).resolves.toBe(String(seed));
    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 60_000 });
    const trained = await snapshot(page);
    expect(trained.seed).toBe(seed);
    expect(trained.weights).toEqual(cliWeights('levels/tutorial.json', seed, config));
    await page.context().close();
  });

  it('a result link shows the report read-only, with the caveat that it proves nothing', async () => {
    const result = encodeResult({
      level: 'tutorial',
      levelFingerprint: levelFingerprint(campaignLevel('tutorial')),
      decision: 'deploy',
      hypothesis: 'coin-then-exit',
      stars: 3,
      points: 95,
      date: '2026-11-22',
    });
    if (!result.ok) throw new Error('the result did not encode');
    const page = await freshPage();
    await openGame(page, `${inject('baseUrl')}#result=${result.value}`);
    const notice = page.locator('.notice', { hasText: 'Result code' });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/level “tutorial”.*Decision: deploy.*3 of 3 stars, 95 points.*not proof against cheating/);
    expect((await snapshot(page)).scene).toBe('title');
    await page.context().close();
  });

  it('has no serious or critical accessibility violation on the editor and share screens', () => {
    expect(Object.keys(scans).sort()).toEqual(['editor', 'editor-share', 'score-share']);
    expect(scans).toEqual({ editor: [], 'editor-share': [], 'score-share': [] });
  });
});
