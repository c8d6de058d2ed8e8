/**
 * Detection is a skill only if the screen does not name the answer. For each
 * advanced level (6–9, and each round of outer-vs-inner) this collects every
 * text the player can see or hear before the verdict — the briefing, the
 * Train screen with every knob and the agent's anatomy, and every Inspect tab
 * (Watch, Probe with its object list, Covert audit, Lens opened, Compare
 * objectives) — and checks that none of it contains the name of the
 * objective the default agent reveals, nor the word that gives its
 * distinguishing object away. Then, as a check that the collector can see a
 * name at all, the verdict screen must list that same name.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { everyLevelOpen, launch, openGame, playerWith, screenshot, waitForScreen } from './browser';

interface LevelFile {
  id: string;
  rounds?: { title: string }[];
  hypotheses: { id: string; label: string }[];
  lesson: { claims: { expect: { revealed?: string } }[] };
}

const level = (id: string) => JSON.parse(readFileSync(`levels/${id}.json`, 'utf8')) as LevelFile;

/**
 * Per level, besides the revealed objective's name: the words that name what
 * tells the proxy from the intended goal (the sign's role, the wall the agent
 * heads for, which kind of failure a round is) or the concept the level
 * teaches, which the player should meet after the verdict.
 */
const GIVEAWAYS: Readonly<Record<string, readonly string[]>> = {
  'treacherous-turn': ['only when watched', 'deceptive', 'treacherous'],
  'sleeper-agent': ['trigger', 'backdoor', 'poison', 'sabotage'],
  'outer-vs-inner': ['an outer failure', 'an inner failure', 'finish gate'],
  interpretability: ['bottom wall'],
};

/** Everything on the page a player can read or a screen reader can say, with every disclosure opened. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('*')) {
      for (const name of ['aria-label', 'title', 'alt', 'placeholder', 'aria-description']) {
        const value = el.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    for (const option of document.querySelectorAll('option')) parts.push(option.textContent ?? '');
    return parts.join('\n');
  });
}

function giveawaysIn(text: string, words: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return words.filter((w) => lower.includes(w.toLowerCase()));
}

describe('levels 6–9 do not name the answer before the verdict', () => {
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

  const cases: [string, string, number | null][] = ['treacherous-turn', 'sleeper-agent', 'outer-vs-inner', 'interpretability'].flatMap((id): [string, string, number | null][] => {
    const file = level(id);
    return file.rounds?.length ? file.rounds.map((_, round): [string, string, number | null] => [`${id}, round ${round + 1}`, id, round]) : [[id, id, null]];
  });

  it.each(cases)('%s', async (_name, id, round) => {
    const file = level(id);
    const revealed = file.hypotheses.find((h) => h.id === file.lesson.claims[0]!.expect.revealed)!;
    const words = [revealed.label, ...GIVEAWAYS[id]!];
    const seen: { where: string; words: string[] }[] = [];
    const collect = async (where: string) => {
      const found = giveawaysIn(await pageText(page), words);
      if (found.length) seen.push({ where, words: found });
    };

    await page.goto(`${inject('baseUrl')}?level=${id}`);
    await page.waitForFunction(() => window.__MESA__?.ready === true, undefined, { timeout: 60_000 });
    await waitForScreen(page, 'briefing');
    await collect('briefing');
    if (round !== null) await page.locator(`[data-round="${round}"]`).click();
    else await page.getByRole('button', { name: /set up training/i }).click();
    await waitForScreen(page, 'train');
    await collect('train');

    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 60_000 });
    await collect('train, after training');
    await page.getByRole('button', { name: /inspect the agent/i }).click();
    await waitForScreen(page, 'inspect');
    const tabs = await page.getByRole('tab').allInnerTexts();
    for (const tab of tabs) {
      await page.getByRole('tab', { name: tab }).click();
      if (tab === 'Lens') {
        await page.getByRole('button', { name: /look through the lens/i }).click();
        await page.getByRole('heading', { name: 'Learned weights' }).waitFor();
      }
      if (tab === 'Compare objectives') await page.locator('table.data-table').waitFor({ timeout: 60_000 });
      if (tab === 'Covert audit') {
        await page.getByRole('button', { name: /run covert audit/i }).click();
        await page
          .locator('.audit-result')
          .filter({ hasText: /switched off/ })
          .waitFor();
      }
      await collect(`inspect: ${tab}`);
    }
    await screenshot(page, `puzzles-${id}${round === null ? '' : `-round-${round + 1}`}-inspect`);
    expect(tabs).toEqual(expect.arrayContaining(['Watch', 'Probe', 'Lens', 'Compare objectives']));
    expect(seen).toEqual([]);

    // The collector does see a candidate's name where one is shown: the verdict lists it.
    await page.getByRole('button', { name: /give your verdict/i }).click();
    await waitForScreen(page, 'verdict');
    await screenshot(page, `puzzles-${id}${round === null ? '' : `-round-${round + 1}`}-verdict`);
    expect(giveawaysIn(await pageText(page), [revealed.label])).toEqual([revealed.label]);
  });

  it('the forbidden tile the levels call red is drawn in the palette red on the stage, not orange', async () => {
    await page.goto(`${inject('baseUrl')}?level=treacherous-turn`);
    await page.waitForFunction(() => window.__MESA__?.ready === true, undefined, { timeout: 60_000 });
    await waitForScreen(page, 'briefing');
    await page.getByRole('button', { name: /set up training/i }).click();
    await waitForScreen(page, 'train');
    const png = (await page.locator('canvas').first().screenshot()).toString('base64');
    // Decode the stage's pixels in a blank page of the same browser and count strong reds and oranges by hue.
    const blank = await page.context().newPage();
    const counts = await blank.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let vermillion = 0;
      let orange = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const [r, g, b] = [pixels[i]! / 255, pixels[i + 1]! / 255, pixels[i + 2]! / 255];
        const max = Math.max(r, g, b);
        const min = Math.min(r, g, b);
        if (max < 0.6 || (max - min) / max < 0.8 || max !== r) continue;
        const hue = (60 * (g - b)) / (max - min);
        if (hue >= 18 && hue <= 33) vermillion++;
        else if (hue >= 36 && hue <= 48) orange++;
      }
      return { vermillion, orange };
    }, png);
    await blank.close();
    await screenshot(page, 'puzzles-forbidden-tile');
    // The tile's stripes are vermillion (#D55E00, 27°); the supervisor beside it is the palette's orange (#E69F00, 42°).
    expect(counts.vermillion).toBeGreaterThan(200);
  });
});
