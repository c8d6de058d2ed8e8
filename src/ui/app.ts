/**
 * The game flow: which screen is showing, the current attempt at a level,
 * saved progress, and the read-only test hook. Screens render into the panel
 * and ask the stage to draw; they all go through this one object.
 *
 * The ground truth (the scorecard) is computed only when the player commits
 * to a verdict, so nothing on an earlier screen can leak the answer.
 */
import {
  own,
  episodeBudget,
  type DeploymentRun,
  resolveConfig,
  trainingLikeWorlds,
  type EventKind,
  type FailureKind,
  type Level,
  type Mind,
  type Scorecard,
  type TrainingConfigInput,
  type Verdict,
  type VerdictScore,
  type World,
} from '../core/index';
import type { SoundName } from '../audio/soundBank';
import type { Stage } from '../game/stageApi';
import { loadCampaign, type CampaignLevel } from './campaign';
import { el, clear } from './dom';
import { loadSave, writeSave, type SaveData } from './save';

export type Screen = 'title' | 'levels' | 'briefing' | 'train' | 'inspect' | 'verdict' | 'deploy' | 'score' | 'experiment' | 'board' | 'guide' | 'editor';
/** Screens inside a level (the snapshot's `stage`). */
export const LOOP_STAGES: readonly Screen[] = ['briefing', 'train', 'inspect', 'verdict', 'deploy', 'score', 'experiment'];
/** Screens that show the world beside the panel. */
const STAGE_SCREENS: readonly Screen[] = ['briefing', 'train', 'inspect', 'verdict', 'deploy', 'score', 'editor'];

export interface Sounds {
  play(name: SoundName): void;
  muted: boolean;
}

/** What the player has set up for training (only differences from the level's defaults count as changes). */
export interface PlayerSettings {
  reward: Partial<Record<EventKind, number>>;
  knobs: Record<string, number>;
  generations: number;
  seed: number;
}

export interface TrainedAgentState {
  readonly mind: Mind;
  readonly curve: readonly number[];
  readonly episodes: number;
  /** The configuration and seed that produced it (what a challenge code would carry). */
  readonly config: TrainingConfigInput;
  readonly seed: number;
}

export interface Attempt {
  readonly entry: CampaignLevel;
  settings: PlayerSettings;
  agent: TrainedAgentState | null;
  /** Training-like worlds for watching, probing and the lens. */
  inspectionWorlds: World[];
  probesUsed: number;
  lensUsed: number;
  lensOpen: boolean;
  verdict: Verdict | null;
  scorecard: Scorecard | null;
  /** Where the failure lies, measured (levels that ask only). */
  failure: FailureKind | null;
  /** What the worker measured and recorded when the verdict was committed: the reveal plays it. */
  deployment: DeploymentRun | null;
  judged: VerdictScore | null;
  /** The round being played, in levels with rounds. */
  round: number | null;
  /** Presenter mode: the class's show of hands per hypothesis id, entered before deployment. */
  classVote: Record<string, number> | null;
}

export type ScreenRenderer = (app: App, panel: HTMLElement) => void | (() => void);

export class App {
  readonly levels: CampaignLevel[];
  save: SaveData;
  screen: Screen = 'title';
  attempt: Attempt | null = null;
  stage: Stage | null = null;
  private cleanup: (() => void) | null = null;
  private saveWritable = true;

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
    if (loaded.problem) this.notice(loaded.problem, 'warning');
    for (const problem of campaign.problems) this.notice(`A level could not be loaded: ${problem}`, 'warning');
    this.applySettings();
  }

  get level(): Level {
    if (!this.attempt) throw new Error('no level in play');
    return this.attempt.entry.level;
  }

  /** Switches screens: renders the panel, moves focus to its heading, announces it. */
  go(screen: Screen): void {
    this.cleanup?.();
    this.cleanup = null;
    this.screen = screen;
    document.body.dataset.screen = screen;
    document.body.classList.toggle('has-stage', STAGE_SCREENS.includes(screen));
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

  startLevel(entry: CampaignLevel): void {
    const level = entry.level;
    const settings: PlayerSettings = {
      reward: {},
      knobs: {},
      generations: level.training.generations,
      seed: 1,
    };
    this.attempt = {
      entry,
      settings,
      agent: null,
      inspectionWorlds: [],
      probesUsed: 0,
      lensUsed: 0,
      lensOpen: false,
      verdict: null,
      scorecard: null,
      failure: null,
      deployment: null,
      judged: null,
      round: null,
      classVote: null,
    };
    this.go('briefing');
  }

  /** Starts a round: its configuration becomes the player's starting settings. */
  startRound(index: number): void {
    const attempt = this.attempt!;
    const round = this.level.rounds[index]!;
    attempt.round = index;
    attempt.agent = null;
    attempt.settings = {
      reward: { ...round.config.reward },
      knobs: { ...round.config.knobs },
      generations: round.config.generations ?? this.level.training.generations,
      seed: attempt.settings.seed,
    };
    this.go('train');
  }

  /** The player's settings as a training configuration: only what differs from the level. */
  configInput(): TrainingConfigInput {
    const { level } = this;
    const s = this.attempt!.settings;
    const config: { reward?: Partial<Record<EventKind, number>>; knobs?: Record<string, number>; generations?: number } = {};
    const reward = Object.fromEntries(Object.entries(s.reward).filter(([k, v]) => level.reward.default[k as EventKind] !== v && !(v === 0 && level.reward.default[k as EventKind] === undefined)));
    if (Object.keys(reward).length) config.reward = reward;
    const knobs = Object.fromEntries(Object.entries(s.knobs).filter(([k, v]) => own(level.knobs, k)?.training !== v));
    if (Object.keys(knobs).length) config.knobs = knobs;
    if (s.generations !== level.training.generations) config.generations = s.generations;
    return config;
  }

  defaultEpisodes(): number {
    return episodeBudget(resolveConfig(this.level));
  }

  acceptAgent(agent: TrainedAgentState): void {
    const attempt = this.attempt!;
    attempt.agent = agent;
    attempt.probesUsed = 0;
    attempt.lensUsed = 0;
    attempt.lensOpen = false;
    attempt.verdict = null;
    attempt.scorecard = null;
    attempt.failure = null;
    attempt.deployment = null;
    attempt.judged = null;
    attempt.classVote = null;
    const knobs = resolveConfig(this.level, agent.config).knobs;
    attempt.inspectionWorlds = trainingLikeWorlds(this.level, knobs, agent.seed, 8);
  }

  recordResult(judged: VerdictScore): void {
    // A shared level (from a code or the editor) is not part of the campaign: it records no progress.
    if (this.attempt?.entry.shared) return;
    const id = this.level.id;
    const before = this.save.progress[id];
    this.save.progress[id] = {
      completed: true,
      stars: Math.max(before?.stars ?? 0, judged.stars),
      bestPoints: Math.max(before?.bestPoints ?? 0, judged.points.total),
    };
    this.persist();
  }

  isUnlocked(index: number): boolean {
    // A presenter may open any level in front of the class.
    if (index === 0 || this.save.settings.presenter) return true;
    const previous = this.levels[index - 1];
    return previous !== undefined && this.save.progress[previous.level.id]?.completed === true;
  }

  persist(): void {
    // A damaged save that could not be copied aside is never overwritten (the player was told at load).
    if (!this.saveWritable) return;
    if (!writeSave(this.storage, this.save)) this.notice('Progress could not be saved in this browser (storage is full or disabled).', 'warning');
  }

  setReducedMotion(on: boolean): void {
    this.save.settings.reducedMotion = on;
    this.persist();
    this.applySettings();
  }

  setTextSize(size: 'normal' | 'large'): void {
    this.save.settings.textSize = size;
    this.persist();
    this.applySettings();
  }

  applySettings(): void {
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
      el('button', { type: 'button', class: 'notice-close', 'aria-label': 'Dismiss this message', onclick: () => item.remove() }, '×'),
    );
    host.append(item);
    if (tone === 'error') this.sounds.play('error');
  }

  /** The read-only logical state browser tests read instead of pixels. */
  snapshot(): Readonly<Record<string, unknown>> {
    const a = this.attempt;
    const inLoop = LOOP_STAGES.includes(this.screen);
    return Object.freeze({
      scene: inLoop ? 'play' : this.screen,
      levelId: a?.entry.level.id ?? null,
      stage: inLoop ? this.screen : null,
      weights: a?.agent ? Object.fromEntries(a.agent.mind.names.map((n, i) => [n, a.agent!.mind.weights[i]!])) : null,
      seed: a?.agent?.seed ?? null,
      config: a?.agent?.config ?? null,
      verdict: a?.verdict ? { ...a.verdict } : null,
      round: a?.round ?? null,
      score: a?.judged
        ? {
            stars: a.judged.stars,
            points: a.judged.points.total,
            decisionCorrect: a.judged.decisionCorrect,
            objectiveCorrect: a.judged.objectiveCorrect,
            revealed: a.scorecard?.revealed ?? null,
            failure: a.failure,
            failureCorrect: a.judged.failureCorrect,
            aligned: a.scorecard?.aligned ?? null,
            successRate: a.scorecard?.successRate ?? null,
          }
        : null,
      probesUsed: a?.probesUsed ?? 0,
      lensUsed: a?.lensUsed ?? 0,
      classVote: a?.classVote ? { ...a.classVote } : null,
      fps: this.stage?.fps ?? null,
      progress: structuredClone(this.save.progress),
    });
  }
}
