/**
 * Headless Chromium for the browser tests: Debian's chromium driven by
 * playwright-core, with the flags that give real WebGL without a GPU. Also
 * the helpers tests share: reading the test hook, screenshots, axe scans.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { onTestFinished } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = 'test-results/screens';

/**
 * How the page is composited. 'swiftshader' (the tests' default) runs
 * Chromium's GPU compositor on SwiftShader, which no real browser does: every
 * frame with any change costs a full-window software swap (40–100 ms on a
 * 2-core machine). 'software' is what Chrome does on a machine without a
 * usable GPU: the page composited by the CPU, WebGL still on SwiftShader.
 */
export type Compositing = 'swiftshader' | 'software';

export async function launch(options: { compositing?: Compositing } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does this`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      ...(options.compositing === 'software' ? ['--disable-gpu-compositing'] : []),
    ],
  });
}

/** Every campaign level open, none yet scored: a returning player, so a level= link goes straight to its briefing. */
export function everyLevelOpen(): Record<string, object> {
  return Object.fromEntries(readdirSync('levels').map((f) => [f.replace(/\.json$/, ''), { completed: true, stars: 0, bestPoints: 0 }]));
}

export interface PlayerOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  /** The saved setting. */
  readonly reducedMotion?: boolean;
  /** The browser's own preference as well. */
  readonly prefersReducedMotion?: boolean;
}

/**
 * A browser context whose saved progress is `progress` (a player who has
 * played those levels), written before the game loads — and only when the
 * page has no save yet, so a reload keeps what the test did since.
 */
export async function playerWith(browser: Browser, progress: Record<string, object>, options: PlayerOptions = {}): Promise<BrowserContext> {
  const { viewport = { width: 1366, height: 768 }, reducedMotion = true, prefersReducedMotion = false } = options;
  const context = await browser.newContext({ viewport, ...(prefersReducedMotion ? { reducedMotion: 'reduce' as const } : {}) });
  await context.addInitScript(
    (save) => {
      if (!localStorage.getItem('mesa.save')) localStorage.setItem('mesa.save', save);
    },
    JSON.stringify({ version: 1, progress, settings: { reducedMotion, textSize: 'normal' } }),
  );
  return context;
}

export interface Snapshot {
  scene: string;
  levelId: string | null;
  levelScreen: string | null;
  weights: Record<string, number> | null;
  seed: number | null;
  verdict: { decision: string; hypothesis: string } | null;
  score: { stars: number; points: number; decisionCorrect: boolean; objectiveCorrect: boolean; revealed: string; aligned: boolean; successRate: number } | null;
  probesUsed: number;
  lensUsed: number;
  fps: number | null;
  progress: Record<string, { completed: boolean; stars: number }>;
}

export async function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => window.__MESA__!.snapshot() as unknown as Snapshot);
}

/**
 * Opens the game. Every page opened here is watched for Content-Security-Policy
 * violations for the rest of the test: any one fails it.
 */
export async function openGame(page: Page, baseUrl: string, hash = ''): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  watchCsp(page);
  await page.goto(baseUrl + hash);
  await page.waitForFunction(() => window.__MESA__?.ready === true, undefined, { timeout: 60_000 });
  if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
}

export async function waitForScreen(page: Page, screen: string): Promise<void> {
  await page.waitForFunction((s) => (window.__MESA__!.snapshot() as { levelScreen: string | null }).levelScreen === s, screen, { timeout: 60_000 });
}

/** On the Train screen: trains with the settings shown, waits for the agent, and opens Inspect. */
export async function trainAndInspect(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^train$/i }).click();
  await page.getByRole('button', { name: /inspect the agent/i }).waitFor({ state: 'visible', timeout: 60_000 });
  await page.getByRole('button', { name: /inspect the agent/i }).click();
  await waitForScreen(page, 'inspect');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical accessibility violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol, not as an inline <script>: the game's CSP forbids inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } })
      .axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const watched = new WeakSet<Page>();

/** Fails the current test if the page reports a CSP violation (a blocked script, style, image, worker…). */
function watchCsp(page: Page): void {
  if (watched.has(page)) return;
  watched.add(page);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  try {
    onTestFinished(() => {
      if (violations.length > 0) throw new Error(`CSP violations: ${violations.slice(0, 5).join(' | ')}`);
    });
  } catch {
    // Opened outside a test (in a hook): the violations are still logged by the browser.
  }
}
