/**
 * The game in the pseudo-locale: every catalog string is accented, 40%
 * longer and bracketed, so any English left on a screen is text that escaped
 * the catalog. Plays the tutorial from the title to the score with the
 * language chosen by a `lang=pseudo` link, and on every screen (and the
 * glossary, the lesson guide, the class board and the editor) reads every
 * visible text and every accessible name, and checks the page still fits
 * its width with the longer text.
 *
 * What may stay as written: numbers and symbols, codes, and proper names —
 * marked in the page with `translate="no"` (the HTML attribute that tells
 * translation tools the same thing).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openGame, screenshot, waitForScreen } from './browser';

/** Visible text and accessible names that are not in the pseudo-locale's form, each with where it was found. */
async function untransformed(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Text the pseudo-locale wrote sits inside ⟦ ⟧; what is left outside must hold no word.
    const escaped = (text: string) => {
      // Catalog text may hold catalog text (a message inside a message): strip the innermost brackets first.
      let rest = text;
      for (let before = ''; before !== rest;) [before, rest] = [rest, rest.replace(/⟦[^⟦⟧]*⟧/g, '')];
      return /[A-Za-z]{2,}/.test(rest.replace(/\bMesa\b/g, ''));
    };
    const where = (node: Element) => {
      const id = node.closest('[id]')?.id;
      return `${node.tagName.toLowerCase()}${id ? ` in #${id}` : ''}`;
    };
    const exempt = (node: Element) => node.closest('[translate="no"], script, style, noscript, [hidden], [aria-hidden="true"]') !== null;
    const visible = (node: Element) => (node as HTMLElement).checkVisibility?.({ checkOpacity: false, checkVisibilityCSS: true }) ?? true;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const parent = text.parentElement;
      if (!parent || exempt(parent) || !visible(parent)) continue;
      // Text split over several nodes (a placeholder's value between two parts) is read as its parent's whole text.
      const whole = parent.textContent ?? '';
      if (escaped(text.textContent ?? '') && escaped(whole)) found.push(`${where(parent)}: “${(text.textContent ?? '').trim().slice(0, 80)}”`);
    }
    for (const node of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description], [aria-roledescription]')) {
      if (exempt(node)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']) {
        const value = node.getAttribute(name);
        if (value && escaped(value)) found.push(`${where(node)} [${name}]: “${value.slice(0, 80)}”`);
      }
    }
    if (escaped(document.title)) found.push(`document title: “${document.title}”`);
    return [...new Set(found)];
  });
}

const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the game in the pseudo-locale', () => {
  let browser: Browser;
  let page: Page;
  const leaks: Record<string, string[]> = {};
  const overflow: string[] = [];

  const check = async (name: string) => {
    await page.waitForTimeout(300);
    const found = await untransformed(page);
    if (found.length) leaks[name] = found;
    if (!(await fits(page))) overflow.push(name);
    await screenshot(page, `pseudo-${name}`);
  };

  /** Picks the first answer of every question (radio group) in a form. */
  const answerEveryQuestion = async (form: string) => {
    const names = await page.locator(`${form} input[type="radio"]`).evaluateAll((inputs) => [...new Set(inputs.map((i) => (i as HTMLInputElement).name))]);
    for (const name of names) await page.locator(`${form} input[name="${name}"]`).first().check();
  };

  beforeAll(async () => {
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('plays the tutorial from the title to the score with no untransformed text', async () => {
    await openGame(page, inject('baseUrl'), '?lang=pseudo');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-XA');
    await check('title');
    await page.locator('#play').click();
    await page.locator('[data-level="tutorial"]').waitFor();
    await check('levels');
    await page.locator('[data-level="tutorial"]').click();
    await waitForScreen(page, 'briefing');
    await check('briefing');

    // The first run: train the level's own agent, predict, deploy, watch it fail.
    await page.locator('#first-run-start').click();
    await waitForScreen(page, 'first');
    await check('first');
    await page.locator('#first-run-train').click();
    await page.locator('#first-run-deploy').waitFor({ timeout: 60_000 });
    await answerEveryQuestion('#first-run-form');
    await check('first-predict');
    await page.locator('#first-run-deploy').click();
    await page.locator('#revealed-objective').waitFor({ state: 'visible', timeout: 90_000 });
    await check('first-reveal');
    await page.locator('#first-run-next').click();
    await waitForScreen(page, 'train');
    await check('train');

    await page.locator('#train-button').click();
    await page.locator('#to-inspect').waitFor({ state: 'visible', timeout: 60_000 });
    await check('train-done');
    await page.locator('#to-inspect').click();
    await waitForScreen(page, 'inspect');
    await check('inspect');
    for (const tab of await page.locator('[role="tab"]').all()) {
      await tab.click();
      await check(`inspect-${(await tab.getAttribute('id')) ?? 'tab'}`);
    }
    await page.locator('#to-verdict').click();
    await waitForScreen(page, 'verdict');
    await answerEveryQuestion('#verdict-form');
    await check('verdict');
    await page.locator('#submit-verdict').click();
    await waitForScreen(page, 'deploy');
    await page.locator('#revealed-objective').waitFor({ state: 'visible', timeout: 90_000 });
    await check('deploy');
    await page.locator('#to-score').click();
    await waitForScreen(page, 'score');
    await check('score');

    await page.locator('#glossary-button').click();
    await check('glossary');
    await page.keyboard.press('Escape');
    await page.locator('#settings-button').click();
    await check('settings');
    await page.keyboard.press('Escape');

    for (const screen of ['guide', 'board', 'editor']) {
      await page.evaluate((s) => (location.hash = `#screen=${s}${s === 'guide' ? '&level=tutorial' : ''}`), screen);
      await page.waitForTimeout(500);
      await check(screen);
    }

    expect(leaks).toEqual({});
    expect(overflow).toEqual([]);
  });
});
