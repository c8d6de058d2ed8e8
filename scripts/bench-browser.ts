/**
 * Frame rates in headless Chromium, measured on the production build:
 *  - the page while training runs in the worker (requestAnimationFrame
 *    intervals over the whole training), and
 *  - the stage while the deployment mosaic animates 100 agents at once, and
 *  - the page while the Train screen's show plays (weights moving, candidate
 *    trails growing on the stage): median and spread (see trainingShowFps).
 * Headless Chromium renders WebGL in software (SwiftShader), so these are
 * floors: a real GPU does better. Prints JSON with --json.
 */
import { build, preview } from 'vite';
import { launch } from '../test/e2e/browser';
import type { Page } from 'playwright-core';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : 0;
};

// Page scripts are strings: the TypeScript runner would otherwise inject
// helpers into the functions that do not exist inside the page.
const START_SAMPLING = `(() => {
  window.__frames = [];
  window.__sampling = true;
  let last = performance.now();
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    if (window.__sampling) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const STOP_SAMPLING = `(() => { window.__sampling = false; return window.__frames.slice(1); })()`;

async function frameIntervals(page: Page, during: () => Promise<void>): Promise<number[]> {
  await page.evaluate(START_SAMPLING);
  await during();
  return page.evaluate<number[]>(STOP_SAMPLING);
}

const fps = (intervals: number[]) => Math.round((1000 / median(intervals)) * 10) / 10;

/** A share of the sorted values (0: smallest, 1: largest). */
const quantile = (sorted: readonly number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);

/**
 * The training show: frame intervals of the page from pressing Train until
 * the show has drawn its last generation (the tutorial's default 40
 * generations), as frames per second — the median, and the spread as the
 * 10th and 90th percentiles of per-frame rates and the longest frame.
 */
async function trainingShowFps(
  page: Page,
): Promise<{ median: number; p10: number; p90: number; longestFrameMs: number; frames: number; seconds: number; generationsShown: number; pathsDrawn: number }> {
  await page.getByLabel('Show training as it happens').check();
  const intervals = await frameIntervals(page, async () => {
    await page.getByRole('button', { name: /^train$/i }).click();
    await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 120_000 });
  });
  const show = await page.evaluate<{ generationsShown: number; candidatePathsDrawn: number; skipped: boolean } | null>(`window.__MESA__.snapshot().trainingShow`);
  if (!show || show.skipped || show.generationsShown === 0) throw new Error('the training show did not play');
  const rates = intervals
    .filter((ms) => ms > 0)
    .map((ms) => 1000 / ms)
    .sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    median: fps(intervals),
    p10: r(quantile(rates, 0.1)),
    p90: r(quantile(rates, 0.9)),
    longestFrameMs: r(Math.max(0, ...intervals)),
    frames: intervals.length,
    seconds: r(intervals.reduce((a, b) => a + b, 0) / 1000),
    generationsShown: show.generationsShown,
    pathsDrawn: show.candidatePathsDrawn,
  };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  await build({ logLevel: 'silent' });
  const server = await preview({ logLevel: 'silent', preview: { port: 4399, strictPort: false, host: '127.0.0.1' } });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(url);
    await page.waitForFunction('window.__MESA__ && window.__MESA__.ready === true');
    await page.getByRole('button', { name: /play the campaign/i }).click();
    await page.locator('[data-level="tutorial"]').click();
    await page.getByRole('button', { name: /set up training/i }).click();
    const trainingShow = await trainingShowFps(page);
    await page.getByLabel('Budget').selectOption('100');

    const training = await frameIntervals(page, async () => {
      await page.getByRole('button', { name: /^train$/i }).click();
      await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 120_000 });
    });

    await page.getByRole('button', { name: /inspect the agent/i }).click();
    await page.getByRole('button', { name: /give your verdict/i }).click();
    await page.getByLabel(/deploy it/i).check();
    await page.getByLabel(/coin, then exit/i).check();
    const mosaic = await frameIntervals(page, async () => {
      await page.getByRole('button', { name: /commit verdict/i }).click();
      // The mosaic plays first; the findings appear when it has ended.
      await page.locator('#revealed-objective').waitFor({ state: 'visible', timeout: 120_000 });
    });

    const report = {
      trainingPageFps: { median: fps(training), frames: training.length, seconds: Math.round(training.reduce((a, b) => a + b, 0) / 100) / 10 },
      deploymentMosaicFps: { median: fps(mosaic), agents: 100, frames: mosaic.length },
      trainingShowFps: trainingShow,
      renderer: 'headless Chromium, SwiftShader (software WebGL)',
    };
    if (json) process.stdout.write(JSON.stringify(report) + '\n');
    else {
      process.stdout.write(
        `page frame rate while training in the worker: ${report.trainingPageFps.median} fps median over ${report.trainingPageFps.frames} frames (${report.trainingPageFps.seconds} s)\n`,
      );
      process.stdout.write(`stage frame rate, deployment mosaic of 100 agents: ${report.deploymentMosaicFps.median} fps median over ${report.deploymentMosaicFps.frames} frames\n`);
      const t = report.trainingShowFps;
      process.stdout.write(
        `page frame rate during the training show: ${t.median} fps median, spread ${t.p10}–${t.p90} fps (10th–90th percentile), longest frame ${t.longestFrameMs} ms, ` +
          `over ${t.frames} frames (${t.seconds} s, ${t.generationsShown} generations, ${t.pathsDrawn} candidate paths drawn)\n`,
      );
      process.stdout.write(`(${report.renderer}: a floor; a real GPU does better)\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench:browser: ${error.message}\n`);
  process.exitCode = 1;
});
