/**
 * The agent's anatomy before training: the briefing shows what the agent can
 * see and notice (open), the Train screen keeps it one keypress away
 * (closed), and for the sleeper it names the pretraining it went through.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openGame, screenshot, seriousViolations, waitForStage } from './browser';

describe('what this agent can see and notice', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // A returning player with every level open, so a level= link goes straight to its briefing.
    const progress = Object.fromEntries(readdirSync('levels').map((f) => [f.replace(/\.json$/, ''), { completed: true, stars: 0, bestPoints: 0 }]));
    await context.addInitScript(
      (save) => {
        if (!localStorage.getItem('mesa.save')) localStorage.setItem('mesa.save', save);
      },
      JSON.stringify({ version: 1, progress, settings: { reducedMotion: true, textSize: 'normal' } }),
    );
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('goes-right: the briefing says the coin is noticed only within its view radius and the right edge always', async () => {
    await openGame(page, inject('baseUrl'), '?level=goes-right');
    await waitForStage(page, 'briefing');
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
    await waitForStage(page, 'briefing');
    const text = await page.locator('details.anatomy').innerText();
    expect(text).toContain('Before you got it, it was trained in 2 stages');
    expect(text).toMatch(/Stage 1, earlier runs: 60 generations; Sign on the wall: 100%/);
    expect(text).toMatch(/Stage 2, later runs: 20 generations; Sign on the wall: 0%/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'anatomy-sleeper-briefing');
  });

  it('on the Train screen the panel starts closed and opens from the keyboard', async () => {
    await page.getByRole('button', { name: /set up training/i }).click();
    await waitForStage(page, 'train');
    const panel = page.locator('details.anatomy');
    expect(await panel.getAttribute('open')).toBeNull();
    await panel.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await panel.getAttribute('open')).not.toBeNull();
    await expect(panel.innerText()).resolves.toContain('earlier runs');
    await screenshot(page, 'anatomy-sleeper-train');
  });
});
