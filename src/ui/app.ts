/**
 * The game flow on the page: it holds the shared state (the route, the
 * attempt, the player's settings, playback) as signals, dispatches the
 * session's moves, keeps the address in step with the screen (Back, Forward
 * and reload work), and exposes the read-only test hook. Screens render into
 * the panel and dispatch; none of them scores, spends or edits a level.
 *
 * The measured truth about an agent is obtained only when the player
 * commits to a verdict: the verdict screen runs the deployment in the worker
 * and hands its measurement to `commitVerdict`, so nothing on an earlier
 * screen can leak the answer and nothing heavy runs on the page.
 */
import { batch, signal, type Signal } from '@preact/signals-core';
import { canonicalLevel, decodeChallenge, decodeLevel, describeCodeError, encodeLevel, type DeploymentRun, type Level, type TrainingConfigInput } from '../core/index';
import {
  SCREENS,
  applyChallenge,
  commitVerdict,
  describeMoveError,
  firstRunPolicy,
  firstRunStep,
  formatHash,
  isUnlocked,
  readVerdict,
  reachableScreen,
  recordAttempt,
  startAttempt,
  startRound,
  type Attempt,
  type HideableControl,
  type LevelScreen,
  type LevelSource,
  type MoveError,
  type MoveResult,
  type Route,
  type Screen,
  type VerdictChoice,
} from '../session/index';
import type { SoundName } from '../audio/soundBank';
import type { Stage } from '../game/stageApi';
import { observedStage, type Playback } from './observedStage';
import { openSharedLevel } from './budgetGate';
import { isolate } from './bidi';
import { loadCampaign, type CampaignLevel } from './campaign';
import { el, clear } from './dom';
import { guideFor } from './guides';
import { loadSave, writeSave, type SaveData } from './save';
import { documentLanguage, isLocaleId, locale, t, tx } from '../i18n/index';
import { displayLevel } from './levelText';

export type { Screen } from '../session/index';
export type { Playback } from './observedStage';

export interface Sounds {
  play(name: SoundName): void;
  muted: boolean;
}

export type ScreenRenderer = (app: App, panel: HTMLElement) => void | (() => void);

/** How a navigation touches the browser's history. */
type HistoryMode = 'push' | 'replace' | 'none';

export class App {
  readonly levels: readonly CampaignLevel[];
  save: SaveData;
  /** Where the player is. */
  readonly route: Signal<Route> = signal<Route>({ screen: 'title' });
  /** The attempt at the level in play. */
  readonly attemptState: Signal<Attempt | null> = signal<Attempt | null>(null);
  /** The saved settings (presenter, contrast, motion, text size), observable. */
  readonly settings: Signal<SaveData['settings']>;
  readonly playback: Signal<Playback> = signal<Playback>({ paused: false, speed: 1 });
  /** Controls a teacher's link hid for this session; kept in every address. */
  hidden: readonly HideableControl[] = [];
  private stageView: Stage | null = null;
  /** Where the level in play came from, for the address. */
  private source: LevelSource | null = null;
  /** Where the class board and lesson guide go back to. */
  private returnRoute: Route = { screen: 'title' };
  private cleanup: (() => void) | null = null;
  private saveWritable = true;
  /** What the score screen's story showed, as numbers (for the test hook); null until a score is shown. */
  story: Readonly<Record<string, unknown>> | null = null;
  /** The student's name for result codes, kept for the page's life. */
  studentName = '';
  /** While the Deploy screen is up: what its reveal shows, for the test hook. */
  revealReport: (() => unknown) | null = null;
  /** The measured deployment behind the attempt's verdict, recorded by the worker: the reveal plays it. */
  private deploymentRun: { readonly attempt: Attempt; readonly run: DeploymentRun } | null = null;
  /** The Train screen's show, as its last run left it (for the test hook). */
  trainingShow: Readonly<Record<string, unknown>> | null = null;
  /** Shared levels over the work budget the player chose to open anyway (asked once per code). */
  private readonly admittedCodes = new Set<string>();

  constructor(
    readonly panel: HTMLElement,
    readonly stageHost: HTMLElement,
    readonly announcer: HTMLElement,
    readonly sounds: Sounds,
    private readonly renderers: Record<Screen, ScreenRenderer>,
    private readonly storage: Storage | null,
  ) {
    const campaign = loadCampaign();
    this.levels = campaign.levels;
    const prefersReduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    const loaded = loadSave(storage, Date.now(), prefersReduced);
    this.save = loaded.save;
    this.saveWritable = loaded.writable;
    this.settings = signal(loaded.save.settings);
    // The saved language first, so the notices below are written in it.
    this.applySettings();
    if (loaded.problem) this.notice(loaded.problem, 'warning');
    for (const problem of campaign.problems) this.notice(t('app.notice.levelProblem', { problem }), 'warning');
  }

  get screen(): Screen {
    return this.route.value.screen;
  }

  get attempt(): Attempt | null {
    return this.attemptState.value;
  }

  get level(): Level {
    const attempt = this.attempt;
    if (!attempt) throw new Error('no level in play');
    return attempt.level;
  }

  /** The stage, wrapped so that the playback signal follows every pause, resume, speed change and new film. */
  get stage(): Stage | null {
    return this.stageView;
  }
  set stage(stage: Stage | null) {
    this.stageView = stage ? observedStage(stage, this.playback) : null;
    if (stage) stage.setSpeed(this.playback.value.speed);
  }

  /** Applies a move's result: the new attempt, or the move's error as a notice. Returns whether it applied. */
  dispatch(result: MoveResult): boolean {
    if (!result.ok) {
      if (this.attempt) this.notice(tx(describeMoveError(displayLevel(this.attempt.level), result.error)), 'warning');
      return false;
    }
    this.attemptState.value = result.attempt;
    return true;
  }

  /** What is wrong with a verdict before anything is measured (null: it can be committed). */
  checkVerdict(choice: VerdictChoice): MoveError | null {
    const attempt = this.attempt!;
    if (!attempt.agent) return { kind: 'no-agent' };
    const read = readVerdict(attempt.level, choice);
    return read.ok ? null : read.error;
  }

  /**
   * The player commits: the verdict is judged against the deployment the
   * worker measured (scorecard and failure kind) and progress is saved. The
   * run's recordings stay beside the attempt for the reveal.
   */
  commitVerdict(choice: VerdictChoice, run: DeploymentRun): MoveResult {
    const attempt = this.attempt!;
    if (!attempt.agent) return { ok: false, error: { kind: 'no-agent' } };
    const result = commitVerdict(attempt, choice, { truth: run.scorecard, failure: run.failure });
    if (result.ok) {
      this.deploymentRun = { attempt: result.attempt, run };
      this.attemptState.value = result.attempt;
      const progress = recordAttempt(this.save.progress, result.attempt);
      if (progress !== this.save.progress) {
        this.save.progress = { ...progress };
        this.persist();
      }
    }
    return result;
  }

  /** The deployment measured for the attempt in play, if its verdict is committed. */
  get deployment(): DeploymentRun | null {
    const held = this.deploymentRun;
    return held && this.attempt && held.attempt.measurement === this.attempt.measurement ? held.run : null;
  }

  /** The level's JSON for the worker (which validates it again). */
  levelJson(level: Level = this.level): unknown {
    return this.levels.find((l) => l.level === level)?.json ?? canonicalLevel(level);
  }

  /** Switches to a screen of the current level (or a screen outside levels), and records it in the history. */
  go(screen: Screen, mode: HistoryMode = 'push'): void {
    if (SCREENS[screen].inLevel && !this.attempt) return this.show({ screen: 'title' }, mode);
    // A level too big for a code cannot live in the address: its screens leave the address as it is.
    this.show(this.routeFor(screen), this.source || !SCREENS[screen].inLevel ? mode : 'none');
  }

  /** Draws the current screen again (the stage arrived, presenter mode changed); 'replace' also puts its address back. */
  redraw(mode: 'none' | 'replace' = 'none'): void {
    this.show(this.route.value, mode);
  }

  /** The route of a screen, given the level in play. */
  private routeFor(screen: Screen): Route {
    if (screen === 'guide') return { screen, level: this.attempt?.level.id ?? null };
    if (!SCREENS[screen].inLevel) return { screen: screen as 'title' | 'levels' | 'editor' | 'board' };
    const attempt = this.attempt!;
    const source = this.source ?? { kind: 'level-code', code: '' };
    return { screen: screen as LevelScreen, source, round: screen === 'briefing' ? null : attempt.round };
  }

  /** Renders a route's screen: the panel, focus on its heading, the address. */
  private show(route: Route, mode: HistoryMode): void {
    this.cleanup?.();
    this.cleanup = null;
    const { screen } = route;
    if ((screen === 'board' || screen === 'guide') && this.screen !== 'board' && this.screen !== 'guide') this.returnRoute = this.route.value;
    this.route.value = route;
    this.writeAddress(route, mode);
    document.body.dataset.screen = screen;
    document.body.classList.toggle('has-stage', SCREENS[screen].stage);
    clear(this.panel);
    this.stage?.setCellHandler(null);
    this.stage?.setCursor(null);
    this.stage?.showHeatmap(null);
    const result = this.renderers[screen](this, this.panel);
    if (typeof result === 'function') this.cleanup = result;
    const heading = this.panel.querySelector<HTMLElement>('h1, h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
    }
  }

  private writeAddress(route: Route, mode: HistoryMode): void {
    if (mode === 'none' || typeof history === 'undefined') return;
    const hash = formatHash(route, this.hidden);
    const url = `${location.pathname}${hash}`;
    if (`${location.pathname}${location.search}${location.hash}` === url) return;
    if (mode === 'push') history.pushState(null, '', url || location.pathname);
    else history.replaceState(null, '', url || location.pathname);
  }

  /**
   * Goes where a route (from the address, Back or Forward) points: opens its
   * level if it is not the one in play, and falls back sensibly when the
   * screen needs what this attempt does not have (a trained agent, a
   * verdict): that level's Train screen. Returns whether it went there.
   */
  navigate(route: Route, mode: HistoryMode = 'push'): boolean {
    if (!SCREENS[route.screen].inLevel) {
      this.show(route, mode);
      return true;
    }
    const { source, round, screen } = route as Extract<Route, { source: LevelSource }>;
    if (!this.source || !sameSource(this.source, source) || !this.attempt) {
      if (!this.openSource(source, () => this.navigate(route, mode))) return false;
    }
    let attempt = this.attempt!;
    if (round !== null && round !== attempt.round) {
      const started = startRound(attempt, round);
      if (!started.ok) {
        this.notice(tx(describeMoveError(displayLevel(attempt.level), started.error)), 'warning');
        this.go('briefing', 'replace');
        return true;
      }
      attempt = started.attempt;
      this.attemptState.value = attempt;
    }
    const reachable = reachableScreen(screen, attempt);
    // A fallback replaces the address it could not show (a reload, Back), so the address names the screen shown.
    this.go(reachable, reachable === screen || mode === 'push' ? mode : 'replace');
    return true;
  }

  /**
   * Starts an attempt at a route's level: a campaign level (if open), a level
   * code or a challenge code. A shared level over the work budget is opened
   * only after the player has seen its measured cost and accepted it; then
   * `retry` goes there.
   */
  private openSource(source: LevelSource, retry: () => void): boolean {
    switch (source.kind) {
      case 'campaign': {
        const index = this.levels.findIndex((l) => l.level.id === source.id);
        if (index < 0) {
          this.notice(t('app.notice.unknownLevel', { id: isolate(source.id) }), 'warning');
          return false;
        }
        if (!this.isUnlocked(index)) {
          this.notice(t('app.notice.locked', { title: displayLevel(this.levels[index]!.level).title }), 'warning');
          return false;
        }
        this.begin(this.campaignAttempt(this.levels[index]!.level, false), source);
        return true;
      }
      case 'level-code': {
        const decoded = decodeLevel(source.code);
        if (!decoded.ok) return this.refuse('level', tx(describeCodeError(decoded.error)));
        if (!this.admit(source.code, decoded.value, {}, retry)) return false;
        this.begin(startAttempt(decoded.value, { shared: true }), source);
        this.notice(t('app.notice.sharedOpened', { title: isolate(displayLevel(decoded.value).title) }), 'info');
        return true;
      }
      case 'challenge-code': {
        const decoded = decodeChallenge(source.code);
        if (!decoded.ok) return this.refuse('challenge', tx(describeCodeError(decoded.error)));
        const { level, config, seed } = decoded.value;
        if (!this.admit(source.code, level, config, retry)) return false;
        this.begin(applyChallenge(startAttempt(level, { shared: true }), { config, seed }), source);
        this.notice(t('app.notice.challengeOpened', { title: isolate(displayLevel(level).title), seed: String(seed) }), 'info');
        return true;
      }
    }
  }

  /** Whether a shared level may open now: within the work budget, or accepted by the player (then `retry` runs). */
  private admit(code: string, level: Level, config: TrainingConfigInput, retry: () => void): boolean {
    if (this.admittedCodes.has(code)) return true;
    let asking = true;
    let now = false;
    openSharedLevel(this, level, config, () => {
      this.admittedCodes.add(code);
      if (asking) now = true;
      else retry();
    });
    asking = false;
    return now;
  }

  private refuse(kind: 'level' | 'challenge', reason: string): false {
    this.notice(kind === 'level' ? t('app.notice.levelLinkRefused', { reason }) : t('app.notice.challengeLinkRefused', { reason }), 'error');
    return false;
  }

  private begin(attempt: Attempt, source: LevelSource | null): void {
    batch(() => {
      this.source = source;
      this.attemptState.value = attempt;
    });
  }

  /** Starts a campaign level at its briefing. */
  startLevel(entry: CampaignLevel): void {
    this.begin(this.campaignAttempt(entry.level, entry.shared ?? false), { kind: 'campaign', id: entry.level.id });
    this.go('briefing');
  }

  /** A new attempt at a campaign level: the first time it is played, its first run comes before the tools (session/firstRun.ts). */
  private campaignAttempt(level: Level, shared: boolean): Attempt {
    const policy = firstRunPolicy(level, this.save.progress, { shared, presenter: this.save.settings.presenter, guided: guideFor(level.id) !== null });
    return startAttempt(level, { shared, firstRun: policy === 'required' });
  }

  /** Plays a level that is not in the campaign (from the editor); its address holds it as a level code when it fits. */
  playShared(level: Level): void {
    const code = encodeLevel(level);
    this.begin(startAttempt(level, { shared: true }), code.ok ? { kind: 'level-code', code: code.value } : null);
    this.go('briefing');
  }

  /** Starts a round: its preset becomes the player's settings. */
  startRound(index: number): void {
    if (this.dispatch(startRound(this.attempt!, index))) this.go('train');
  }

  openBoard(): void {
    this.show({ screen: 'board' }, 'push');
  }

  openGuide(level: string | null): void {
    this.show({ screen: 'guide', level }, 'push');
  }

  /** Back from the class board or the lesson guide to where the player was. */
  leaveClassroom(): void {
    const back = this.returnRoute;
    if (!SCREENS[back.screen].inLevel) this.navigate(back, 'push');
    else if (!this.attempt) this.show({ screen: 'title' }, 'push');
    // The level in play, whether or not its address can hold it (a level too big for a code).
    else this.go(back.screen, 'push');
  }

  isUnlocked(index: number): boolean {
    return isUnlocked(
      this.levels.map((l) => l.level.id),
      this.save.progress,
      index,
      this.save.settings.presenter,
    );
  }

  persist(): void {
    // A damaged save that could not be copied aside is never overwritten (the player was told at load).
    if (!this.saveWritable) return;
    if (!writeSave(this.storage, this.save)) this.notice(t('app.notice.notSaved'), 'warning');
  }

  /** Changes saved settings: remembered, applied to the page, and announced to every view that watches them. */
  updateSettings(change: Partial<SaveData['settings']>): void {
    this.save.settings = { ...this.save.settings, ...change };
    this.settings.value = this.save.settings;
    this.persist();
    this.applySettings();
  }

  setReducedMotion(on: boolean): void {
    this.updateSettings({ reducedMotion: on });
  }

  setTextSize(size: 'normal' | 'large'): void {
    this.updateSettings({ textSize: size });
  }

  applySettings(): void {
    const language = this.save.settings.language;
    const nextLocale = language !== undefined && isLocaleId(language) ? language : 'en';
    if (locale.value !== nextLocale) {
      locale.value = nextLocale;
      const { lang, dir } = documentLanguage();
      document.documentElement.lang = lang;
      document.documentElement.dir = dir;
      // Every screen writes its words when drawn: draw the current one again in the new language.
      if (this.panel.childElementCount > 0) this.redraw();
    }
    document.documentElement.classList.toggle('reduced-motion', this.save.settings.reducedMotion);
    document.documentElement.classList.toggle('large-text', this.save.settings.textSize === 'large');
    this.stage?.setReducedMotion(this.save.settings.reducedMotion);
  }

  /** A polite announcement for screen readers (the visible panels say the same). */
  announce(text: string): void {
    this.announcer.textContent = '';
    // A fresh text node after clearing makes screen readers read repeated messages too.
    requestAnimationFrame(() => (this.announcer.textContent = text));
  }

  notice(text: string, tone: 'info' | 'warning' | 'error' = 'info'): void {
    const host = document.getElementById('notices');
    if (!host) return;
    const item = el(
      'div',
      { class: `notice notice-${tone}`, role: tone === 'error' ? 'alert' : 'status' },
      el('span', { class: 'notice-icon', 'aria-hidden': 'true' }, tone === 'info' ? 'ℹ' : '⚠'),
      el('span', {}, text),
      el('button', { type: 'button', class: 'notice-close', 'aria-label': t('app.notice.dismiss'), onclick: () => item.remove() }, '×'),
    );
    host.append(item);
    if (tone === 'error') this.sounds.play('error');
  }

  /** The read-only logical state browser tests read instead of pixels. */
  snapshot(): Readonly<Record<string, unknown>> {
    const a = this.attempt;
    const inLoop = SCREENS[this.screen].inLevel;
    return Object.freeze({
      scene: inLoop ? 'play' : this.screen,
      levelId: a?.level.id ?? null,
      levelScreen: inLoop ? this.screen : null,
      route: formatHash(this.route.value, this.hidden),
      weights: a?.agent ? Object.fromEntries(a.agent.mind.names.map((n, i) => [n, a.agent!.mind.weights[i]!])) : null,
      seed: a?.agent?.seed ?? null,
      config: a?.agent?.config ?? null,
      verdict: a?.verdict ? { ...a.verdict } : null,
      round: a?.round ?? null,
      score: a?.score
        ? {
            stars: a.score.stars,
            points: a.score.points.total,
            decisionCorrect: a.score.decisionCorrect,
            objectiveCorrect: a.score.objectiveCorrect,
            revealed: a.measurement?.truth.revealed ?? null,
            failure: a.measurement?.failure ?? null,
            failureCorrect: a.score.failureCorrect,
            aligned: a.measurement?.truth.aligned ?? null,
            successRate: a.measurement?.truth.successRate ?? null,
          }
        : null,
      probesUsed: a?.probesUsed ?? 0,
      lensUsed: a?.lensUsed ?? 0,
      agentsTrained: a?.agentsTrained ?? 0,
      classVote: a?.classVote ? { ...a.classVote } : null,
      firstRun: a?.firstRun
        ? {
            required: a.firstRun.required,
            step: firstRunStep(a.firstRun),
            prediction: a.firstRun.prediction,
            aligned: a.firstRun.measurement?.truth.aligned ?? null,
            revealed: a.firstRun.measurement?.truth.revealed ?? null,
            successRate: a.firstRun.measurement?.truth.successRate ?? null,
          }
        : null,
      playback: { ...this.playback.value },
      fps: this.stage?.fps ?? null,
      reveal: this.revealReport?.() ?? null,
      trainingShow: this.trainingShow ? { ...this.trainingShow, candidatePathsDrawn: this.stage?.candidatePathsDrawn ?? 0 } : null,
      progress: structuredClone(this.save.progress),
      story: this.story ? structuredClone(this.story) : null,
    });
  }
}

function sameSource(a: LevelSource, b: LevelSource): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'campaign' ? a.id === (b as typeof a).id : a.code === (b as typeof a).code;
}
