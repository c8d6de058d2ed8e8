/**
 * The agent's anatomy before training: the briefing shows what the agent can
 * see and notice (open), the Train screen keeps it one keypress away
 * (closed), and for the sleeper it names the pretraining it went through.
 * Where the level lets the player choose the view radius, the Train screen
 * has a slider for it, the panel follows it, and the agent trained with it is
 * the one Node trains with the same setting.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { parseLevel, resolveConfig, train } from '../../src/core/index';
import { everyLevelOpen, launch, openGame, playerWith, screenshot, seriousViolations, snapshot, waitForScreen } from './browser';

describe('what this agent can see and notice', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    // A returning player with every level open, so a level= link goes straight to its briefing.
    const context = await playerWith(browser, everyLevelOpen(), { viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('goes-right: the briefing says the coin is noticed only within its view radius and the right edge always', async () => {
    await openGame(page, inject('baseUrl'), '?level=goes-right');
    await waitForScreen(page, 'briefing');
    const panel = page.locator('details.anatomy');
    await expect(panel.getAttribute('open')).resolves.not.toBeNull();
    const text = await panel.innerText();
    const radius = (JSON.parse(readFileSync('levels/goes-right.json', 'utf8')) as { agent: { viewRadius: number } }).agent.viewRadius;
    expect(text).toContain(`only within ${radius} tiles`);
    expect(text).toMatch(/always knows right edge/);
    await screenshot(page, 'anatomy-goes-right-briefing');
  });

  it('sleeper-agent: the briefing names both pretraining stages with their reward, and has no serious accessibility problem', async () => {
    await openGame(page, inject('baseUrl'), '?level=sleeper-agent');
    await waitForScreen(page, 'briefing');
    const text = await page.locator('details.anatomy').innerText();
    expect(text).toContain('Before you got it, it was trained in 2 stages');
    expect(text).toMatch(/Stage 1, earlier runs: 60 generations; Sign on the wall: 100%/);
    expect(text).toMatch(/Stage 2, later runs: 20 generations; Sign on the wall: 0%/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'anatomy-sleeper-briefing');
  });

  it('on the Train screen the panel starts closed and opens from the keyboard', async () => {
    await page.getByRole('button', { name: /set up training/i }).click();
    await waitForScreen(page, 'train');
    const panel = page.locator('details.anatomy');
    expect(await panel.getAttribute('open')).toBeNull();
    await panel.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await panel.getAttribute('open')).not.toBeNull();
    await expect(panel.innerText()).resolves.toContain('earlier runs');
    await screenshot(page, 'anatomy-sleeper-train');
  });

  it('goes-right: the view radius is a keyboard slider, the panel follows it, and the agent is trained, deployed and scored with it', async () => {
    await openGame(page, inject('baseUrl'), '?level=goes-right&screen=train');
    await waitForScreen(page, 'train');
    const slider = page.getByLabel('View radius');
    await slider.focus();
    await page.keyboard.press('End');
    const row = page.locator('.field[data-setting="viewRadius"]');
    await expect(row.locator('output').textContent()).resolves.toBe('12 tiles');
    await expect(row.getAttribute('class')).resolves.toContain('changed');
    await expect(row.locator('small').textContent()).resolves.toContain('only within 12 tiles');
    await expect(page.locator('details.anatomy').textContent()).resolves.toContain('only within 12 tiles');
    await screenshot(page, 'anatomy-goes-right-view-radius');

    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 60_000 });
    const parsed = parseLevel(JSON.parse(readFileSync('levels/goes-right.json', 'utf8')));
    if (!parsed.ok) throw new Error('goes-right should parse');
    const node = train(parsed.value, resolveConfig(parsed.value, { viewRadius: 12 }), 1).mind;
    expect((await snapshot(page)).weights).toEqual(Object.fromEntries(node.names.map((n, i) => [n, node.weights[i]])));

    await page.getByRole('button', { name: /inspect the agent/i }).click();
    await page.getByRole('button', { name: /give your verdict/i }).click();
    await page.getByLabel(/deploy it/i).check();
    await page.getByLabel(/get the coin/i).check();
    await page.getByRole('button', { name: /commit verdict/i }).click();
    await waitForScreen(page, 'deploy');
    await page.getByRole('button', { name: /see your score/i }).click({ timeout: 90_000 });
    await waitForScreen(page, 'score');
    // The numbers behind the agent sit in the score's "For teachers" disclosure.
    await expect(page.locator('#for-teachers').textContent()).resolves.toContain("12 tiles, your choice (this level's agent sees 3 tiles)");
  });
});
