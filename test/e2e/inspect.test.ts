/**
 * Inspect for a newcomer (issue 12), in the real bundle: a probe object is
 * placed and moved in one step each with the keyboard alone, without the
 * page jumping; the lens opens on that probe world and shows value maps
 * that read (cells at least 15 px, a key in words and shapes, the numbers
 * in a table beside the maps rather than on the tiles); Compare objectives
 * is a chart with one column per world, labelled.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { encodeLevel, parseLevel } from '../../src/core/index';
import { launch, openGame, screenshot, seriousViolations, snapshot, waitForScreen } from './browser';

/** A screenshot with room for the whole panel, then the viewport as it was. */
async function tallScreenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 2400 });
  await screenshot(page, name);
  await page.setViewportSize(size);
}

/** Goes Right as a shared link, so it opens without playing the campaign up to it. */
function goesRightLink(): string {
  const parsed = parseLevel(JSON.parse(readFileSync('levels/goes-right.json', 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const code = encodeLevel(parsed.value);
  if (!code.ok) throw new Error(JSON.stringify(code.error));
  return `#level=${code.value}`;
}

describe('inspecting an agent as a newcomer', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await openGame(page, inject('baseUrl'), goesRightLink());
    await waitForScreen(page, 'briefing');
    await page.getByRole('button', { name: /set up training/i }).click();
    await waitForScreen(page, 'train');
    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).click({ timeout: 60_000 });
    await waitForScreen(page, 'inspect');
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cursorText = () => page.locator('#probe-cursor').textContent();

  it('places a probe object in one step with the keyboard, and moves it with Shift and an arrow, without the page jumping', async () => {
    await page.locator('#tab-probe').click();
    await page.locator('#probe-editor').waitFor();
    // One clear verb: a single "Place" choice, no second "put it here" button.
    await expect(page.getByRole('button', { name: /put it here|move object from here/i }).count()).resolves.toBe(0);
    await expect(page.locator('#place-coin').isChecked()).resolves.toBe(true);
    await page.locator('#probe-editor').focus();
    // How far the page and every box around the editor are scrolled: none of it may move while editing.
    const scrolled = () =>
      page.locator('#probe-editor').evaluate((editor) => {
        const offsets = [window.scrollY];
        for (let e: Element | null = editor; e; e = e.parentElement) offsets.push(e.scrollTop);
        return offsets.join(',');
      });
    const scrollBefore = await scrolled();
    const start = /Cursor at column (\d+), row (\d+)/.exec((await cursorText())!)!;
    const [x, y] = [Number(start[1]), Number(start[2])];
    // Up one row, then left: a tile beside the agent's start that is floor in Goes Right.
    await page.keyboard.press('ArrowUp');
    await expect(cursorText()).resolves.toMatch(new RegExp(`column ${x}, row ${y - 1}`));
    await page.keyboard.press('Enter');
    await expect(cursorText()).resolves.toBe(`Placed a yellow coin at column ${x}, row ${y - 1}.`);
    await page.keyboard.press('Shift+ArrowRight');
    await expect(cursorText()).resolves.toBe(`Moved the yellow coin to column ${x + 1}, row ${y - 1}.`);
    await page.keyboard.press('ArrowLeft');
    await expect(cursorText()).resolves.toMatch(new RegExp(`column ${x}, row ${y - 1}: empty`));
    expect(await scrolled()).toBe(scrollBefore);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('probe-editor');
    await screenshot(page, 'inspect-01-probe-placed');
    await tallScreenshot(page, 'inspect-01b-probe-tall');
  });

  it('runs the probe in the worker and spends one probe when its film arrives', async () => {
    const used = (await snapshot(page)).probesUsed;
    await page.locator('#run-probe').click();
    await expect.poll(async () => (await snapshot(page)).probesUsed).toBe(used + 1);
    await expect(page.locator('.episode-text').textContent()).resolves.toMatch(/^Probe\. The agent made \d+ moves?/);
  });

  it('opens the lens on the probe world and shows value maps that read', async () => {
    await page.locator('#probe-lens').click();
    await expect(page.locator('#tab-lens').getAttribute('aria-selected')).resolves.toBe('true');
    await page.locator('#open-lens').click();
    await page.locator('#lens-maps[data-ready="true"]').waitFor();
    await expect(page.locator('#lens-world').inputValue()).resolves.toBe('-1');
    // One map for this agent and one per candidate goal; every tile at least 15 px.
    const figures = page.locator('#lens-maps figure');
    const count = await figures.count();
    expect(count).toBeGreaterThanOrEqual(3);
    const cells = await page.locator('#lens-maps .heatmap').evaluateAll((maps) => maps.map((m) => Number(m.getAttribute('data-cell'))));
    expect(cells).toHaveLength(count);
    expect(Math.min(...cells)).toBeGreaterThanOrEqual(15);
    const drawn = await page.locator('#lens-maps figure.mine .heatmap').evaluate((m) => m.getBoundingClientRect().width / 13);
    expect(drawn).toBeGreaterThanOrEqual(15);
    // No numbers on the tiles: the key says it in words and shapes, the table gives the numbers.
    await expect(page.locator('.value-scale').textContent()).resolves.toMatch(/valued least.*valued most.*wall.*agent/);
    await expect(page.locator('#lens-table caption').textContent()).resolves.toMatch(/your probe world/);
    const rows = page.locator('#lens-table tbody tr');
    await expect(rows.count()).resolves.toBe(count);
    await expect(rows.first().textContent()).resolves.toMatch(/This agent.*column \d+, row \d+ · (yellow coin|empty floor|the agent|[a-z]+ [a-z]+) · −?[\d.]+/);
    // The probe world is the edited one: the coin the player moved stands in it.
    const mapsText = await page.locator('#lens-table').textContent();
    const probeTable = await page.locator('#lens-table tbody').textContent();
    const probeCoin = mapsText!.match(/· yellow coin ·/g)?.length ?? 0;
    await page.locator('#lens-world').selectOption('0');
    await page.locator('#lens-maps[data-ready="true"][data-world="0"]').waitFor();
    await expect(page.locator('#lens-table caption').textContent()).resolves.toMatch(/training world 1/);
    // …and the maps of the world it was copied from differ: the moved coin changes what is valued.
    expect((await page.locator('#lens-table tbody').textContent())!).not.toBe(probeTable);
    console.log(`lens: ${count} maps, cells ${Math.min(...cells)} px, agent map drawn at ${drawn.toFixed(1)} px a tile; probe world table names a coin ${probeCoin} times`);
    await page.locator('#lens-world').selectOption('-1');
    await page.locator('#lens-maps[data-ready="true"][data-world="-1"]').waitFor();
    await screenshot(page, 'inspect-02-lens-on-probe-world');
    await tallScreenshot(page, 'inspect-02b-lens-tall');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('draws Compare objectives as one labelled column per world', async () => {
    await page.locator('#tab-compare').click();
    const chart = page.locator('#compare-chart');
    await chart.waitFor({ timeout: 30_000 });
    const text = await chart.textContent();
    expect(text).toMatch(/training world \(1 to \d+\)/);
    expect(text).toMatch(/Your reward/);
    expect(text).toMatch(/reward earned/);
    // No line over unrelated worlds: bars and marks only.
    await expect(chart.locator('path[fill="none"][stroke-dasharray]').count()).resolves.toBe(0);
    await screenshot(page, 'inspect-03-compare');
    await tallScreenshot(page, 'inspect-03b-compare-tall');
  });
});

describe('Inspect holds from a phone to the wall', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['normal', ''],
    ['presenter', '?presenter=1'],
  ])('in %s mode: no sideways scrolling on any tab, and on the wall each tab is at most two screens long with its main action in view', async (mode, flags) => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' })).newPage();
    await openGame(page, inject('baseUrl'), `${flags}#level=tutorial`);
    await waitForScreen(page, 'briefing');
    await page.getByRole('button', { name: /set up training/i }).click();
    await waitForScreen(page, 'train');
    await page.getByLabel('Budget').selectOption('10');
    await page.locator('#train-button').click();
    await page.locator('#to-inspect').click({ timeout: 60_000 });
    await waitForScreen(page, 'inspect');
    const problems: string[] = [];
    for (const tab of await page.getByRole('tab').allTextContents()) {
      await page.getByRole('tab', { name: tab }).click();
      if (tab === 'Lens') {
        await page.locator('#open-lens').click();
        await page.locator('#lens-maps[data-ready="true"]').waitFor();
      }
      if (tab === 'Compare objectives') await page.locator('#compare-chart').waitFor();
      for (const [width, height] of [
        [360, 640],
        [1366, 768],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        // The layout follows a resize within a frame or two (the root's wide class is set from a media query's change event).
        await page.waitForTimeout(100);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const m = await page.evaluate(() => {
          const button = document.querySelector<HTMLElement>('#to-verdict')!;
          const r = button.getBoundingClientRect();
          return {
            wide: document.documentElement.scrollWidth > innerWidth,
            longest: Math.max(document.documentElement.scrollHeight, document.getElementById('panel')!.scrollHeight),
            inView: r.top >= 0 && r.bottom <= innerHeight,
          };
        });
        const at = `${tab} at ${width}×${height}`;
        if (m.wide) problems.push(`${at}: wider than the page`);
        if (width >= 1366 && !m.inView) problems.push(`${at}: “Give your verdict” out of view`);
        if (mode === 'presenter' && width >= 1366 && m.longest > 2 * height) problems.push(`${at}: ${m.longest} px long, over two screens`);
      }
      if (tab === 'Lens') await screenshot(page, `inspect-04-lens-${mode}-1920`);
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    expect(problems).toEqual([]);
  });
});
