/**
 * Frame rates in headless Chromium, measured on the production build:
 *  - the page while training runs in the worker, the show switched off
 *    (requestAnimationFrame intervals over the whole training, 100
 *    generations of the tutorial, about 4.5 s at the worker's pace),
 *  - the page while the Train screen's show plays (weights moving, candidate
 *    trails on the stage — growing where the stage keeps up with the
 *    display, drawn whole each generation where it does not, as here; see
 *    trainingShowFps),
 *  - the deployment reveal of the tutorial (the first worlds playing large,
 *    then the summary of all 100 worlds being built), and
 *  - the same reveal on the hostile level of issue 11 (32×32 worlds full of
 *    objects, a suite of 20), where the summary's sprites are built in slices.
 * Each reports the median frame rate and its spread (the 10th and 90th
 * percentile of frame intervals, as frame rates) and the longest frame.
 * Headless Chromium renders WebGL in software (SwiftShader), so these are
 * floors: a real GPU does better. The page is composited on the CPU, as Chrome
 * does on a machine without a usable GPU; --gpu-compositing runs the GPU
 * compositor on SwiftShader instead (as the browser tests do), where every
 * changed frame costs a full-window software swap. Each section gives the
 * median frame rate and the frames drawn per second overall (a few very long
 * frames barely move the median). Prints JSON with --json.
 */
import { cpus, loadavg } from 'node:os';
import { build, preview } from 'vite';
import { launch } from '../test/e2e/browser';
import type { Browser, Page } from 'playwright-core';
import { encodeLevel, parseLevel } from '../src/core/index';
import { hostileLevel } from '../test/fixtures/hostile';

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

/** Main-thread tasks over 50 ms while sampling: what the page itself spent, whatever else the machine is doing. */
const START_TASKS = `(() => {
  window.__tasks = [];
  window.__taskObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push(e.duration); });
  window.__taskObserver.observe({ type: 'longtask' });
})()`;
const STOP_TASKS = `(() => { window.__taskObserver.disconnect(); return window.__tasks.slice(); })()`;

async function framesAndTasks(page: Page, during: () => Promise<void>): Promise<{ intervals: number[]; tasks: number[] }> {
  await page.evaluate(START_TASKS);
  const intervals = await frameIntervals(page, during);
  return { intervals, tasks: await page.evaluate<number[]>(STOP_TASKS) };
}

async function frameIntervals(page: Page, during: () => Promise<void>): Promise<number[]> {
  await page.evaluate(START_SAMPLING);
  await during();
  return page.evaluate<number[]>(STOP_SAMPLING);
}

const fps = (intervals: number[]) => Math.round((1000 / median(intervals)) * 10) / 10;
/**
 * Frames drawn per second of the period: where a few frames take most of the time (long tasks), the median
 * interval still looks fast, so both are reported.
 */
const meanFps = (intervals: number[]) => {
  const ms = intervals.reduce((a, b) => a + b, 0);
  return ms > 0 ? Math.round((intervals.length / ms) * 10000) / 10 : 0;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
};
const asFps = (ms: number) => (ms > 0 ? Math.round((1000 / ms) * 10) / 10 : 0);

interface Spread {
  readonly median: number;
  /** Frames drawn per second over the whole period. */
  readonly mean: number;
  /** Frame rate at the 90th percentile of frame intervals (the slow frames) and at the 10th (the fast ones). */
  readonly p90: number;
  readonly p10: number;
  readonly longestMs: number;
  readonly frames: number;
  readonly seconds: number;
  /** Main-thread tasks over 50 ms, and the longest. */
  readonly longTasks: number;
  readonly longestTaskMs: number;
}

function spread({ intervals, tasks }: { intervals: number[]; tasks: number[] }): Spread {
  return {
    longTasks: tasks.length,
    longestTaskMs: Math.round(Math.max(0, ...tasks)),
    median: fps(intervals),
    mean: meanFps(intervals),
    p90: asFps(quantile(intervals, 0.9)),
    p10: asFps(quantile(intervals, 0.1)),
    longestMs: Math.round(Math.max(0, ...intervals)),
    frames: intervals.length,
    seconds: Math.round(intervals.reduce((a, b) => a + b, 0) / 100) / 10,
  };
}

const line = (what: string, s: Spread) =>
  `${what}: ${s.median} fps median, ${s.mean} frames a second overall (slow frames ${s.p90} fps at the 90th percentile, fast ${s.p10} fps), longest frame ${s.longestMs} ms, over ${s.frames} frames (${s.seconds} s); ` +
  `${s.longTasks} main-thread tasks over 50 ms (longest ${s.longestTaskMs} ms)\n`;

/**
 * Polls a page expression until it is true. (waitForFunction with a string
 * evaluates it with eval, which the game's Content-Security-Policy forbids.)
 */
async function waitUntil(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${expression}`);
    await page.waitForTimeout(100);
  }
}

/** Waits until the reveal's summary is on the stage (the test hook reports its grid). */
const SUMMARY_DRAWN = `(() => { const r = window.__MESA__.snapshot().reveal; return r !== null && r.summary !== null && r.summary.grid !== null; })()`;

/** The hostile level (suite 20) from a link: accepted at the budget dialog, trained, held back, committed; the reveal measured. */
async function hostileReveal(browser: Browser, url: string): Promise<Spread> {
  const parsed = parseLevel(hostileLevel({ suite: 20 }));
  if (!parsed.ok) throw new Error('the hostile level does not parse');
  const code = encodeLevel(parsed.value);
  if (!code.ok) throw new Error('the hostile level does not encode');
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(url);
  await waitUntil(page, '!!(window.__MESA__ && window.__MESA__.ready === true)', 60_000);
  await page.evaluate((hash) => (location.hash = hash), `#level=${code.value}`);
  await page.locator('#budget-accept').click({ timeout: 60_000 });
  await page.getByRole('button', { name: /set up training/i }).click();
  await page.getByRole('button', { name: /^train$/i }).click();
  await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 120_000 });
  await page.getByRole('button', { name: /inspect the agent/i }).click();
  await page.getByRole('button', { name: /give your verdict/i }).click();
  await page.getByLabel(/hold it back/i).check();
  await page.getByLabel(/hypothesis 1/i).check();
  await page.getByLabel(/in what the agent learned/i).check();
  await page.getByRole('button', { name: /commit verdict/i }).click();
  // Scoring runs in the worker first; measure from the moment the reveal starts.
  await waitUntil(page, 'window.__MESA__.snapshot().reveal !== null', 300_000);
  const sampled = await framesAndTasks(page, () => waitUntil(page, SUMMARY_DRAWN, 120_000).then(() => page.waitForTimeout(1000)));
  await page.close();
  return spread(sampled);
}

/**
 * The training show: frame intervals of the page from pressing Train until
 * the show has drawn its last generation (the tutorial's default 40
 * generations), as frames per second — the median, and the spread as the
 * 10th and 90th percentiles of per-frame rates and the longest frame.
 */
async function trainingShowFps(
  page: Page,
): Promise<{ median: number; mean: number; p10: number; p90: number; longestFrameMs: number; frames: number; seconds: number; generationsShown: number; pathsDrawn: number }> {
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
    mean: meanFps(intervals),
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
  // By default the page is composited the way Chrome composites it on a machine without a usable GPU (on
  // the CPU; WebGL still on SwiftShader). --gpu-compositing runs Chromium's GPU compositor on SwiftShader
  // instead, as the browser tests do, which no real browser does (a full-window software swap per frame).
  const compositing = process.argv.includes('--gpu-compositing') ? 'swiftshader' : 'software';
  const browser = await launch({ compositing });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(url);
    await waitUntil(page, '!!(window.__MESA__ && window.__MESA__.ready === true)', 60_000);
    await page.getByRole('button', { name: /play the campaign/i }).click();
    await page.locator('[data-level="tutorial"]').click();
    await page.getByRole('button', { name: /set up training/i }).click();
    const trainingShow = await trainingShowFps(page);
    // The page alone while the worker trains: the show (measured above) is switched off again.
    await page.getByLabel('Show training as it happens').uncheck();
    await page.getByLabel('Budget').selectOption('100');

    const training = await frameIntervals(page, async () => {
      await page.getByRole('button', { name: /^train$/i }).click();
      await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 120_000 });
    });

    await page.getByRole('button', { name: /inspect the agent/i }).click();
    await page.getByRole('button', { name: /give your verdict/i }).click();
    await page.getByLabel(/deploy it/i).check();
    await page.getByLabel(/coin, then exit/i).check();
    await page.getByRole('button', { name: /commit verdict/i }).click();
    await waitUntil(page, 'window.__MESA__.snapshot().reveal !== null', 120_000);
    // From the first worlds playing large to a second after the summary of all 100 is drawn.
    const reveal = spread(await framesAndTasks(page, () => waitUntil(page, SUMMARY_DRAWN, 120_000).then(() => page.waitForTimeout(1000))));
    await page.close();
    const hostile = await hostileReveal(browser, url);

    const report = {
      trainingPageFps: { median: fps(training), mean: meanFps(training), frames: training.length, seconds: Math.round(training.reduce((a, b) => a + b, 0) / 100) / 10 },
      revealFps: reveal,
      hostileRevealFps: hostile,
      trainingShowFps: trainingShow,
      renderer:
        compositing === 'software'
          ? 'headless Chromium, SwiftShader (software WebGL), page composited on the CPU'
          : 'headless Chromium, SwiftShader (software WebGL), page composited by the GPU compositor on SwiftShader',
      // Frame rates mean little on a busy machine: the load average says how busy it was.
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
      cores: cpus().length,
    };
    if (json) process.stdout.write(JSON.stringify(report) + '\n');
    else {
      process.stdout.write(
        `page frame rate while training in the worker: ${report.trainingPageFps.median} fps median, ${report.trainingPageFps.mean} frames a second overall, over ${report.trainingPageFps.frames} frames (${report.trainingPageFps.seconds} s)\n`,
      );
      const t = report.trainingShowFps;
      process.stdout.write(
        `page frame rate during the training show: ${t.median} fps median, ${t.mean} frames a second overall, spread ${t.p10}–${t.p90} fps (10th–90th percentile), longest frame ${t.longestFrameMs} ms, ` +
          `over ${t.frames} frames (${t.seconds} s, ${t.generationsShown} generations, ${t.pathsDrawn} candidate paths drawn)\n`,
      );
      process.stdout.write(line('deployment reveal (tutorial: first worlds, then the summary of 100)', reveal));
      process.stdout.write(line('deployment reveal on the hostile level (32×32 worlds full of objects, suite of 20)', hostile));
      process.stdout.write(`(${report.renderer}: a floor; a real GPU does better. Load average ${report.loadAverage} on ${report.cores} cores.)\n`);
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
