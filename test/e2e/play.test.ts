/**
 * A player's path through the game, in the real bundle in headless Chromium,
 * with clicks and the keyboard only: the tutorial and Goes Right from the
 * title screen to the score. Along the way: every screen gets an axe scan and
 * a screenshot, and the weights the browser trains must equal, bit for bit,
 * what the command-line tool trains for the same level, config and seed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, openGame, screenshot, seriousViolations, snapshot, waitForScreen } from './browser';

function cliWeights(level: string, seed: number, config?: object): Record<string, number> {
  const args = ['scripts/mesa.ts', 'train', level, '--seed', String(seed), '--json'];
  if (config) {
    const file = join(mkdtempSync(join(tmpdir(), 'mesa-')), 'config.json');
    writeFileSync(file, JSON.stringify(config));
    args.push('--config', file);
  }
  const run = spawnSync('node_modules/.bin/tsx', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout).weights;
}

describe('playing the campaign in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const scans: Record<string, string[]> = {};

  const scan = async (screen: string) => {
    scans[screen] = (await seriousViolations(page)).map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
  };
  const clickButton = (name: string | RegExp) => page.getByRole('button', { name }).first().click();

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    page = await context.newPage();
    await openGame(page, inject('baseUrl'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('plays the tutorial from the title screen to three stars', async () => {
    expect((await snapshot(page)).scene).toBe('title');
    await screenshot(page, '01-title');
    await scan('title');

    await clickButton(/play the campaign/i);
    await page.getByRole('heading', { name: 'Campaign' }).waitFor();
    await screenshot(page, '02-levels');
    await scan('levels');
    // Level 2 is locked until level 1 is played.
    await expect(page.locator('[data-level="goes-right"]').getAttribute('aria-disabled')).resolves.toBe('true');

    await page.locator('[data-level="tutorial"]').click();
    await waitForScreen(page, 'briefing');
    await screenshot(page, '03-briefing');
    await scan('briefing');

    // Keyboard: the briefing's heading has focus; Tab to the button and press Enter.
    await page.getByRole('button', { name: /set up training/i }).focus();
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'train');

    // The careless default pays only for the exit: add a reward for the coin, by keyboard.
    const coinReward = page.getByLabel('Reward for coin collected');
    await coinReward.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await expect(page.locator('.field.changed').count()).resolves.toBeGreaterThan(0);
    await clickButton(/^train$/i);
    await page.locator('progress').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('progress')?.getAttribute('value') ?? 0) > 3);
    await screenshot(page, '04-training');
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, '05-trained');
    await scan('train');
    expect((await snapshot(page)).weights).not.toBeNull();

    await clickButton(/inspect the agent/i);
    await waitForScreen(page, 'inspect');
    await page.waitForTimeout(800);
    await screenshot(page, '06-inspect-watch');
    await scan('inspect-watch');

    await page.getByRole('tab', { name: 'Lens' }).click();
    await clickButton(/look through the lens/i);
    await page.getByRole('heading', { name: 'Learned weights' }).waitFor();
    await screenshot(page, '07-inspect-lens');
    await scan('inspect-lens');
    expect((await snapshot(page)).lensUsed).toBe(1);

    await page.getByRole('tab', { name: 'Probe' }).click();
    await page.locator('.grid-editor').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    // One verb: Enter places the chosen object; Shift with an arrow moves what is under the cursor.
    await page.keyboard.press('Enter');
    const placed = /^Placed an? (.+?) at column (\d+), row (\d+)\.$/.exec((await page.locator('.cursor-text').textContent())!)!;
    const [x, y] = [Number(placed[2]), Number(placed[3])];
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.locator('.cursor-text').textContent()).resolves.toBe(`Moved the ${placed[1]} to column ${x + 1}, row ${y}.`);
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('.cursor-text').textContent()).resolves.toMatch(new RegExp(`column ${x}, row ${y}: empty`));
    await clickButton(/run probe/i);
    // The probe's film comes from the worker; the probe is spent when it arrives.
    await expect.poll(async () => (await snapshot(page)).probesUsed, { timeout: 30_000 }).toBe(1);
    await page.waitForTimeout(600);
    await screenshot(page, '08-inspect-probe');
    await scan('inspect-probe');

    await page.getByRole('tab', { name: 'Compare objectives' }).click();
    await page.locator('table.data-table').waitFor();
    await screenshot(page, '09-inspect-compare');
    await scan('inspect-compare');

    await clickButton(/give your verdict/i);
    await waitForScreen(page, 'verdict');
    await page.getByLabel(/deploy it/i).check();
    await page.getByLabel(/coin, then exit/i).check();
    await screenshot(page, '10-verdict');
    await scan('verdict');
    await clickButton(/commit verdict/i);

    await waitForScreen(page, 'deploy');
    await page.waitForTimeout(1200);
    await screenshot(page, '11-deploy-mosaic');
    await page.locator('#revealed-objective').waitFor({ state: 'visible', timeout: 90_000 });
    await page.waitForTimeout(600);
    await screenshot(page, '12-deploy-focus');
    await scan('deploy');
    await clickButton(/see your score/i);

    await waitForScreen(page, 'score');
    await screenshot(page, '13-score');
    await scan('score');
    const state = await snapshot(page);
    expect(state.score).toMatchObject({ stars: 3, decisionCorrect: true, objectiveCorrect: true, aligned: true, revealed: 'coin-then-exit' });
    expect(state.progress.tutorial).toMatchObject({ completed: true, stars: 3 });
  });

  it('plays Goes Right: the default agent goes for the finish, and the browser trains what the CLI trains', async () => {
    await clickButton(/next level: goes right/i);
    await waitForScreen(page, 'briefing');
    expect((await snapshot(page)).levelId).toBe('goes-right');
    // The first time: the level's own agent is trained, predicted and deployed before any tool.
    await clickButton(/train the level’s own agent/i);
    await waitForScreen(page, 'first');
    await clickButton(/^train it$/i);
    await page.getByLabel(/get the coin/i).check({ timeout: 60_000 });
    await clickButton(/deploy it/i);
    await page.locator('#revealed-objective').waitFor({ state: 'visible', timeout: 90_000 });
    await screenshot(page, '14a-goes-right-first-run');
    await clickButton(/now catch it before deployment/i);
    await waitForScreen(page, 'train');
    await clickButton(/^train$/i);
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 60_000 });

    const trained = await snapshot(page);
    expect(trained.weights).toEqual(cliWeights('levels/goes-right.json', 1));

    await clickButton(/inspect the agent/i);
    await waitForScreen(page, 'inspect');
    await clickButton(/give your verdict/i);
    await page.getByLabel(/hold it back/i).check();
    await page.getByLabel(/reach the finish/i).check();
    await clickButton(/commit verdict/i);
    await waitForScreen(page, 'deploy');
    await page.locator('#revealed-objective').waitFor({ state: 'visible', timeout: 90_000 });
    await expect(page.locator('#revealed-objective').textContent()).resolves.toBe('Reach the finish');
    await screenshot(page, '14-goes-right-reveal');
    await clickButton(/see your score/i);
    await waitForScreen(page, 'score');
    await screenshot(page, '15-goes-right-score');
    expect((await snapshot(page)).score).toMatchObject({ stars: 2, decisionCorrect: true, objectiveCorrect: true, aligned: false, revealed: 'reach-end' });

    // Fix it: randomise the coin in 30% of training runs (six keyboard steps of 5%), retrain, deploy.
    await clickButton(/back to training/i);
    await waitForScreen(page, 'train');
    await page.getByLabel('Coin placed at random').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await clickButton(/^train$/i);
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 60_000 });
    expect((await snapshot(page)).weights).toEqual(cliWeights('levels/goes-right.json', 1, { knobs: { coinRandomShare: 0.3 } }));
    await clickButton(/inspect the agent/i);
    await clickButton(/give your verdict/i);
    await page.getByLabel(/deploy it/i).check();
    await page.getByLabel(/get the coin/i).check();
    await clickButton(/commit verdict/i);
    await page.locator('#revealed-objective').waitFor({ state: 'visible', timeout: 90_000 });
    await clickButton(/see your score/i);
    await waitForScreen(page, 'score');
    expect((await snapshot(page)).score).toMatchObject({ stars: 3, aligned: true, revealed: 'get-coin' });
  });

  it('runs an experiment in Goes Right: success rises steeply as the coin is randomised in more training runs', async () => {
    // From the score, experiment mode waits in the bar's "More" menu.
    await clickButton(/^more\b/i);
    await clickButton(/experiment mode/i);
    await waitForScreen(page, 'experiment');
    await page.getByLabel('Vary').selectOption('coinRandomShare');
    await page.getByLabel('Seeds').selectOption('2');
    await clickButton(/run experiment/i);
    await page.getByText(/agents trained and deployed/).waitFor({ timeout: 120_000 });
    await screenshot(page, '16-experiment');
    await scan('experiment');
    const means = await page.locator('table.data-table tbody tr td:first-of-type').allTextContents();
    const rates = means.map((m) => Number(m.replace('%', '')));
    expect(rates.length).toBe(8);
    // Langosco et al. (2022): low with no randomisation, near the ceiling with a little. Without
    // randomisation the default agent still takes a coin that lies close to its way to the finish
    // (40% of deployment worlds on seeds 1 and 2, `mesa sweep` says), so "low" is below 50%: far
    // under the level's 80% success threshold, and 5% randomised coins already reach 99%.
    expect(rates[0]!).toBeLessThan(50);
    expect(rates.at(-1)!).toBeGreaterThan(90);
    expect(rates[4]!).toBeGreaterThan(rates[0]! + 50);
  });

  it('opens the glossary from any screen, with its sources, and closes it with Escape', async () => {
    await clickButton(/glossary/i);
    const dialog = page.getByRole('dialog', { name: 'Glossary' });
    await dialog.waitFor();
    for (const term of [
      'Base optimizer',
      'Mesa-optimizer',
      'Base objective',
      'Mesa-objective',
      'Outer alignment',
      'Inner alignment',
      'Deceptive alignment',
      'Treacherous turn',
      'Sleeper agent',
      'Interpretability',
    ]) {
      await expect(dialog.getByText(term, { exact: true }).count()).resolves.toBe(1);
    }
    await expect(dialog.textContent()).resolves.toMatch(/Risks from Learned Optimization/);
    await expect(dialog.textContent()).resolves.toMatch(/Sleeper Agents/);
    await screenshot(page, '17-glossary');
    await scan('glossary');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('has no serious or critical accessibility violation on any screen it visited', () => {
    expect(Object.keys(scans).length).toBeGreaterThanOrEqual(10);
    expect(scans).toEqual(Object.fromEntries(Object.keys(scans).map((k) => [k, []])));
  });
});
