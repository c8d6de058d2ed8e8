/**
 * The address follows the player: every screen change is a history entry,
 * Back and Forward walk through them, and a reload reopens the screen the
 * address names — or, for a screen that needs a trained agent, that level's
 * Train screen. Also the shared-state fixes: a round's presets are not
 * marked "changed", and a level played once stays open.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openGame, screenshot, snapshot } from './browser';

/** Where the game says it is: a screen outside levels, or a level's screen. */
async function where(page: Page): Promise<string> {
  const s = (await snapshot(page)) as unknown as { scene: string; levelScreen: string | null; levelId: string | null };
  return s.levelScreen ? `${s.levelId}/${s.levelScreen}` : s.scene;
}

async function waitWhere(page: Page, expected: string): Promise<void> {
  await page.waitForFunction(
    (e) => {
      const s = window.__MESA__!.snapshot() as { scene: string; levelScreen: string | null; levelId: string | null };
      return (s.levelScreen ? `${s.levelId}/${s.levelScreen}` : s.scene) === e;
    },
    expected,
    { timeout: 30_000 },
  );
}

describe('routes in the address', () => {
  let browser: Browser;
  let page: Page;
  const base = () => inject('baseUrl');

  beforeAll(async () => {
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await openGame(page, base());
  });

  afterAll(async () => {
    await browser?.close();
  });

  // The path through the tutorial: each step's screen and the address it writes.
  const path: [string, string][] = [
    ['title', ''],
    ['levels', '#screen=levels'],
    ['tutorial/briefing', '#level=tutorial'],
    ['tutorial/train', '#level=tutorial&screen=train'],
    ['tutorial/inspect', '#level=tutorial&screen=inspect'],
    ['tutorial/verdict', '#level=tutorial&screen=verdict'],
    ['tutorial/deploy', '#level=tutorial&screen=deploy'],
    ['tutorial/score', '#level=tutorial&screen=score'],
  ];

  it('writes each screen into the address as the player goes', async () => {
    const seen: [string, string][] = [[await where(page), new URL(page.url()).hash]];
    const step = async (expected: string, act: () => Promise<void>) => {
      await act();
      await waitWhere(page, expected);
      seen.push([await where(page), new URL(page.url()).hash]);
    };
    await step('levels', () => page.getByRole('button', { name: /play the campaign/i }).click());
    await step('tutorial/briefing', () => page.locator('[data-level="tutorial"]').click());
    await step('tutorial/train', () => page.getByRole('button', { name: /set up training/i }).click());
    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 90_000 });
    await step('tutorial/inspect', () => page.getByRole('button', { name: /inspect the agent/i }).click());
    await step('tutorial/verdict', () => page.getByRole('button', { name: /give your verdict/i }).click());
    await page.getByLabel(/hold it back/i).check();
    await page
      .getByLabel(/straight to the exit|straight/i)
      .first()
      .check();
    await step('tutorial/deploy', () => page.getByRole('button', { name: /commit verdict/i }).click());
    await page.locator('#revealed-objective').waitFor({ state: 'visible', timeout: 90_000 });
    await step('tutorial/score', () => page.getByRole('button', { name: /see your score/i }).click());
    expect(seen).toEqual(path);
  });

  it('Back walks back through every screen, and Forward walks forward again', async () => {
    for (let i = path.length - 2; i >= 0; i--) {
      await page.goBack();
      await waitWhere(page, path[i]![0]);
      expect(new URL(page.url()).hash).toBe(path[i]![1]);
    }
    // Still in the game: the title screen, not the page before it.
    expect(new URL(page.url()).origin).toBe(new URL(base()).origin);
    for (let i = 1; i < path.length; i++) {
      await page.goForward();
      await waitWhere(page, path[i]![0]);
    }
    // The attempt survived the walk: the score is still the one the player earned.
    expect((await snapshot(page)).score).not.toBeNull();
  });

  it.each([
    ['', 'title'],
    ['#screen=levels', 'levels'],
    ['#screen=board', 'board'],
    ['#screen=guide&level=goes-right', 'guide'],
    ['#screen=editor', 'editor'],
    ['#level=tutorial', 'tutorial/briefing'],
    ['#level=tutorial&screen=train', 'tutorial/train'],
    // A level not yet played: its first run (the level's own agent, deployed) comes before every tool, and the address says so.
    ['#level=goes-right&screen=experiment', 'goes-right/first'],
    // Screens that need a trained agent fall back to that level's Train screen, and say so in the address.
    ['#level=tutorial&screen=inspect', 'tutorial/train'],
    ['#level=tutorial&screen=verdict', 'tutorial/train'],
    ['#level=tutorial&screen=deploy', 'tutorial/train'],
    ['#level=tutorial&screen=score', 'tutorial/train'],
  ])('a reload of %j reopens %s', async (hash, expected) => {
    await page.goto(`${base()}${hash}`);
    await page.waitForFunction(() => window.__MESA__?.ready === true);
    await page.reload();
    await page.waitForFunction(() => window.__MESA__?.ready === true);
    await waitWhere(page, expected);
    if (expected === 'guide') await expect(page.locator('#guide-page h1').textContent()).resolves.toBe('Goes Right');
    if (expected.endsWith('/train')) expect(new URL(page.url()).hash).toBe(`#level=${expected.split('/')[0]}&screen=train`);
    if (expected.endsWith('/first')) expect(new URL(page.url()).hash).toBe(`#level=${expected.split('/')[0]}&screen=first`);
    await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
  });

  it('the class board and lesson guide go back where they were opened from, and Back leaves them too', async () => {
    await page.goto(`${base()}#level=tutorial`);
    await waitWhere(page, 'tutorial/briefing');
    await page.goto(`${base()}#screen=levels`);
    await waitWhere(page, 'levels');
    await page.getByRole('button', { name: /^← title$/i }).click();
    await waitWhere(page, 'title');
    await page.locator('#class-board').click();
    await waitWhere(page, 'board');
    await page.locator('#board-guide').click();
    await waitWhere(page, 'guide');
    await page.getByRole('button', { name: /^← back$/i }).click();
    await waitWhere(page, 'title');
    await page.goBack();
    await waitWhere(page, 'guide');
    await page.goBack();
    await waitWhere(page, 'board');
  });

  it('Back and Forward also cross experiment mode, the editor and the class board', async () => {
    // A player who has watched Goes Right's first run (its default agent deployed before the tools): the tools are open.
    await page.evaluate(() => {
      const save = JSON.parse(localStorage.getItem('mesa.save')!);
      save.progress['goes-right'] = { completed: false, stars: 0, bestPoints: 0, firstRunSeen: true };
      localStorage.setItem('mesa.save', JSON.stringify(save));
    });
    await page.reload();
    await page.waitForFunction(() => window.__MESA__?.ready === true);
    await page.goto(`${base()}#level=goes-right&screen=train`);
    await waitWhere(page, 'goes-right/train');
    const hops: [string, () => Promise<void>][] = [
      ['goes-right/experiment', () => page.locator('#to-experiment').click()],
      ['title', () => page.locator('#home').click()],
      ['editor', () => page.locator('#open-editor').click()],
      ['title', () => page.getByRole('button', { name: /^← title$/i }).click()],
      ['board', () => page.locator('#class-board').click()],
    ];
    const visited = ['goes-right/train'];
    for (const [expected, act] of hops) {
      await act();
      await waitWhere(page, expected);
      visited.push(expected);
    }
    for (let i = visited.length - 2; i >= 0; i--) {
      await page.goBack();
      await waitWhere(page, visited[i]!);
    }
    for (let i = 1; i < visited.length; i++) {
      await page.goForward();
      await waitWhere(page, visited[i]!);
    }
  });

  it('a round is part of the address, and its presets are not marked changed', async () => {
    await page.goto(`${base()}?presenter=1&hide=glossary#level=outer-vs-inner&round=2&screen=train`);
    await page.waitForFunction(() => window.__MESA__?.ready === true);
    await waitWhere(page, 'outer-vs-inner/train');
    // The link's flags are applied once and the hidden controls stay in the address.
    expect(new URL(page.url()).hash).toBe('#level=outer-vs-inner&round=2&screen=train&hide=glossary');
    await expect(page.locator('#glossary-button').isHidden()).resolves.toBe(true);
    expect(((await snapshot(page)) as unknown as { round: number }).round).toBe(1);
    await expect(page.locator('.field.changed').count()).resolves.toBe(0);
    // Changing a preset marks it; putting it back unmarks it.
    const coin = page.getByLabel('Reward for coin collected');
    const preset = await coin.inputValue();
    await coin.fill('3');
    await coin.press('Tab');
    await expect(page.locator('.field.changed').count()).resolves.toBe(1);
    await coin.fill(preset);
    await coin.press('Tab');
    await expect(page.locator('.field.changed').count()).resolves.toBe(0);
    await screenshot(page, 'routes-01-round-2-presets');
  });

  it('retraining keeps the lens uses already spent: the budget spans every agent of the attempt', async () => {
    await page.goto(`${base()}#level=tutorial&screen=train`);
    await page.reload();
    await page.waitForFunction(() => window.__MESA__?.ready === true);
    await waitWhere(page, 'tutorial/train');
    const trainAndInspect = async () => {
      await page.getByRole('button', { name: /^train$/i }).click();
      await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 90_000 });
      await page.getByRole('button', { name: /inspect the agent/i }).click();
      await waitWhere(page, 'tutorial/inspect');
    };
    await trainAndInspect();
    await page.getByRole('tab', { name: 'Lens' }).click();
    await page.locator('#open-lens').click();
    await page.getByRole('button', { name: /^← train$/i }).click();
    await waitWhere(page, 'tutorial/train');
    await trainAndInspect();
    const state = (await snapshot(page)) as unknown as { lensUsed: number; agentsTrained: number };
    expect([state.lensUsed, state.agentsTrained]).toEqual([1, 2]);
    await expect(page.locator('.budget').textContent()).resolves.toMatch(/Lens uses left: 2 of 3/);
  });

  it('a level played with presenter mode on stays open after presenter mode is turned off', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const fresh = await context.newPage();
    await openGame(fresh, base());
    await fresh.evaluate(() => {
      const save = JSON.parse(localStorage.getItem('mesa.save') ?? 'null') ?? {
        version: 1,
        progress: {},
        settings: { reducedMotion: false, textSize: 'normal', presenter: false, contrast: 'normal' },
      };
      save.progress['treacherous-turn'] = { completed: true, stars: 2, bestPoints: 70 };
      save.settings.presenter = false;
      localStorage.setItem('mesa.save', JSON.stringify(save));
    });
    await fresh.goto(`${base()}#screen=levels`);
    await fresh.reload();
    await fresh.waitForFunction(() => window.__MESA__?.ready === true);
    await waitWhere(fresh, 'levels');
    await expect(fresh.locator('[data-level="treacherous-turn"]').getAttribute('aria-disabled')).resolves.toBeNull();
    // It opens the next level as any completed level does; the one after stays locked.
    await expect(fresh.locator('[data-level="outer-vs-inner"]').getAttribute('aria-disabled')).resolves.toBe('true');
    await screenshot(fresh, 'routes-02-played-level-open');
    await context.close();
  });
});
