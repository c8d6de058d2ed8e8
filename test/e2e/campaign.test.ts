/**
 * Every campaign level, played in the browser with its default training:
 * brief, train in the worker, inspect with the lens (and a covert audit where
 * the agent can sense being watched), commit the verdict the level's first
 * lesson claim predicts, watch the reveal, and read the score. A level whose
 * lesson the browser cannot reproduce, or whose screens break, fails here.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { everyLevelOpen, launch, openGame, playerWith, screenshot, seriousViolations, snapshot, waitForScreen } from './browser';

interface LevelFile {
  id: string;
  order: number;
  rounds?: { title: string }[];
  askFailureKind?: boolean;
  budget: { lens: number };
  agent: { contexts?: { watched?: string[] } };
  hypotheses: { id: string; label: string }[];
  lesson: { claims: { expect: { revealed?: string; aligned?: boolean; failure?: string } }[] };
}

const levels: LevelFile[] = readdirSync('levels')
  .map((f) => JSON.parse(readFileSync(`levels/${f}`, 'utf8')) as LevelFile)
  .sort((a, b) => a.order - b.order);

describe('every campaign level plays in the browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    // A returning player with every level open, so a level= link goes straight to its briefing.
    const context = await playerWith(browser, everyLevelOpen(), { viewport: { width: 1600, height: 1000 } });
    page = await context.newPage();
    await openGame(page, inject('baseUrl'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(levels.map((l) => [l.id, l] as const))('%s: default training, inspected, judged as its lesson predicts', async (id, level) => {
    const claim = level.lesson.claims[0]!.expect;
    const revealed = level.hypotheses.find((h) => h.id === claim.revealed)!;
    await page.getByRole('button', { name: /mesa — back to the title screen/i }).click();
    await page.getByRole('button', { name: /play the campaign|continue the campaign/i }).click();
    // Continuing opens the next unplayed level; with every level played (as here), the level list.
    if ((await snapshot(page)).scene === 'levels') await page.locator(`[data-level="${id}"]`).click();
    await waitForScreen(page, 'briefing');
    expect((await snapshot(page)).levelId).toBe(id);
    if (level.rounds?.length) await page.locator('[data-round="0"]').click();
    else await page.getByRole('button', { name: /set up training/i }).click();
    await waitForScreen(page, 'train');
    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByRole('button', { name: /inspect the agent/i }).click();
    await waitForScreen(page, 'inspect');

    if (level.agent.contexts?.watched?.length) {
      await page.getByRole('tab', { name: 'Covert audit' }).click();
      await page.getByRole('button', { name: /run covert audit/i }).click();
      // The audit's two films come from the worker: the result appears when they arrive.
      await expect.poll(() => page.locator('.audit-result').textContent(), { timeout: 60_000 }).toMatch(/watched sense switched off/);
    }
    if (level.budget.lens > 0) {
      await page.getByRole('tab', { name: 'Lens' }).click();
      await page.getByRole('button', { name: /look through the lens/i }).click();
      await page.getByRole('heading', { name: 'Learned weights' }).waitFor();
      await screenshot(page, `campaign-${id}-lens`);
      expect(await seriousViolations(page)).toEqual([]);
    }

    await page.getByRole('button', { name: /give your verdict/i }).click();
    await waitForScreen(page, 'verdict');
    await page.getByLabel(claim.aligned === false ? /hold it back/i : /deploy it/i).check();
    await page.getByRole('radio', { name: new RegExp(`^[A-Z]\\. ${revealed.label}`) }).check();
    if (level.askFailureKind) {
      const failure = { outer: /in the reward/i, inner: /in what the agent learned/i, none: /nowhere/i }[claim.failure as 'outer'];
      await page.getByLabel(failure).check();
    }
    await page.getByRole('button', { name: /commit verdict/i }).click();
    await waitForScreen(page, 'deploy');
    await page.locator('#revealed-objective').waitFor({ state: 'visible', timeout: 90_000 });
    await expect(page.locator('#revealed-objective').textContent()).resolves.toBe(revealed.label);
    await screenshot(page, `campaign-${id}-reveal`);
    await page.getByRole('button', { name: /see your score/i }).click();
    await waitForScreen(page, 'score');
    expect(await seriousViolations(page)).toEqual([]);
    const state = await snapshot(page);
    expect(state.levelId).toBe(id);
    expect(state.score).toMatchObject({ decisionCorrect: true, objectiveCorrect: true, revealed: revealed.id });
  });
});
