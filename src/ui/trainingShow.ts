/**
 * Training as a show: while the worker trains, the mesa-objective forms on
 * screen. A weight meter moves every generation (a bar per weight, plain
 * labels, the sign as a word and an arrow as well as a hatched or solid bar),
 * and the stage grows the paths of a few of the generation's candidates in
 * the training world they were evaluated in (recorded by the worker as the
 * optimizer ran them; see Trainer.step).
 *
 * The worker trains as fast as it did without the show; the show plays the
 * generations it reported in order, at a pace a room can follow (about
 * SHOW_MS for a whole run, never faster than they arrive), and everything the
 * Train screen shows about a generation — bar, status, curve — waits for the
 * show to reach it, so nothing runs ahead of what is drawn. Skipping applies
 * every reported generation at once and hands the screen back to the plain
 * progress of before. Every sentence here is built from the generation's own
 * report: its number, its candidates' rewards, its weights.
 */
import type { CandidateEpisode, TrainingProgress } from '../core/trainer';
import { CANDIDATE_MARKS, type CandidateShape } from '../game/candidateTrails';
import type { Stage } from '../game/stageApi';
import { el } from './dom';
import { weightLabel } from './describe';
import { formatDecimals, type MessageKey, t } from '../i18n/index';
import './trainingShow.css';

/** About how long the show takes for a whole run at speed 1, in milliseconds. */
export const SHOW_MS = 4500;
/** Each generation is on screen at least this long (the worker's own pace) and at most this long. */
const MIN_SLOT_MS = 40;
const MAX_SLOT_MS = 450;
/** The most show time one frame may take. */
const MAX_FRAME_MS = 250;
/** The share of a generation's time its trails take to grow; the rest holds them whole. */
const GROW_SHARE = 0.75;
/** How many candidates the worker records per generation for the show. */
export const SHOWN_CANDIDATES = CANDIDATE_MARKS.length;

/** What the test hook and the screen read about the show. */
export interface ShowStats {
  /** Generations the show has put on screen (weights, status and curve). */
  readonly generationsShown: number;
  /** Times the weight meter was redrawn. */
  readonly weightUpdates: number;
  /** Generations whose candidate paths were handed to the stage. */
  readonly pathsShown: number;
  readonly skipped: boolean;
  readonly running: boolean;
}

export interface ShowOptions {
  readonly stage: () => Stage | null;
  /** The level's weight names, in order. */
  readonly names: readonly string[];
  /**
   * Whether the meter says which feature each weight is for. Reading what
   * the agent learned is the lens's job, a tool with a budget: until the
   * player has used the lens in this attempt the bars are lettered, so the
   * show lets them watch an objective form without handing over the answer.
   */
  readonly named: boolean;
  readonly planned: number;
  /** Candidates per generation the optimizer evaluates (2 × population). */
  readonly candidatesPerGeneration: number;
  readonly worldsPerGeneration: number;
  /** The stage's playback speed (the presenter's 0.25×–4×). */
  readonly speed: () => number;
  /** Applies one generation to the rest of the screen (progress bar, status, curve). */
  readonly apply: (progress: TrainingProgress) => void;
  /** Reports the show's stats after every change (for the test hook). */
  readonly report: (stats: ShowStats) => void;
}

/** Largest world (in tiles) whose candidate paths the show draws on the stage each generation. */
const MAX_DRAWN_CELLS = 400;

const SHAPE_GLYPH: Readonly<Record<CandidateShape, string>> = { circle: '●', square: '■', triangle: '▲', diamond: '◆' };
const SHAPE_NAME = {
  circle: 'train.show.shape.circle',
  square: 'train.show.shape.square',
  triangle: 'train.show.shape.triangle',
  diamond: 'train.show.shape.diamond',
} as const satisfies Readonly<Record<CandidateShape, MessageKey>>;

export class TrainingShow {
  /** The weight meter and the candidates' legend, for the screen to place. */
  readonly element: HTMLElement;
  private readonly queue: TrainingProgress[] = [];
  private shown = 0;
  private weightUpdates = 0;
  private pathsShown = 0;
  private skipped = false;
  private ended = false;
  private frame = 0;
  private clock = 0;
  private last = 0;
  private scale = 0.5;
  private readonly slot: number;
  private readonly rows: { bar: HTMLElement; value: HTMLElement; row: HTMLElement }[] = [];
  private readonly caption: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly legend: HTMLElement;
  private drained: (() => void) | null = null;

  constructor(private readonly options: ShowOptions) {
    this.slot = Math.max(MIN_SLOT_MS, Math.min(MAX_SLOT_MS, SHOW_MS / Math.max(1, options.planned)));
    const list = el('ul', { class: 'meter-rows' });
    for (const [index, name] of options.names.entries()) {
      const bar = el('span', { class: 'meter-bar' });
      const value = el('span', { class: 'meter-value' }, formatDecimals(0, 2));
      const row = el(
        'li',
        { class: 'meter-row', 'data-weight': name },
        el('span', { class: 'meter-label' }, options.named ? weightLabel(name) : t('train.show.weight', { letter: String.fromCharCode(65 + (index % 26)) })),
        el('span', { class: 'meter-track', 'aria-hidden': 'true' }, bar),
        value,
      );
      this.rows.push({ bar, value, row });
      list.append(row);
    }
    this.caption = el('p', { class: 'show-caption' }, t('train.show.waiting'));
    this.legend = el('ul', { class: 'candidate-legend' });
    this.heading = el('h2', { class: 'sub' }, t('train.show.heading'));
    this.element = el(
      'section',
      { class: 'training-show', 'aria-label': t('train.show.label') },
      el('div', { class: 'mesa-meter', 'data-control': 'lens' }, this.heading, el('p', { class: 'hint' }, t(options.named ? 'train.show.hint' : 'train.show.hint.unnamed')), list),
      el('div', { class: 'candidate-paths' }, this.caption, this.legend),
    );
    this.report();
  }

  get stats(): ShowStats {
    return { generationsShown: this.shown, weightUpdates: this.weightUpdates, pathsShown: this.pathsShown, skipped: this.skipped, running: !this.ended };
  }

  /** A generation the worker reported. */
  push(progress: TrainingProgress): void {
    if (this.ended) return;
    this.queue.push(progress);
    if (this.skipped) return this.catchUp();
    if (this.frame === 0) {
      this.last = performance.now();
      this.frame = requestAnimationFrame(this.tick);
    }
  }

  /** Resolves when every generation reported so far has been shown (or the show was skipped or stopped). */
  drain(): Promise<void> {
    if (this.shown >= this.queue.length || this.ended) return Promise.resolve();
    return new Promise((resolve) => (this.drained = resolve));
  }

  /** Stops drawing: every generation reported so far, and any still to come, is applied at once. */
  skip(): void {
    if (this.skipped || this.ended) return;
    this.skipped = true;
    this.element.hidden = true;
    this.catchUp();
  }

  /** Ends the show (training finished, was cancelled, or the screen closed). */
  stop(): void {
    if (!this.ended && this.shown > 0 && this.shown === this.options.planned) this.heading.textContent = t('train.show.heading.done');
    this.ended = true;
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.report();
    this.release();
  }

  private readonly tick = (now: number): void => {
    this.frame = 0;
    if (this.ended || this.skipped) return;
    // A slow machine keeps the show's length (several generations in one frame, only the last drawn);
    // a long pause (a stalled tab) does not rush it.
    this.clock += Math.min(now - this.last, MAX_FRAME_MS) * Math.max(0.25, this.options.speed());
    this.last = now;
    // Waiting for the worker banks no time: a generation that arrives late is shown for its whole slot.
    this.clock = Math.min(this.clock, this.queue.length * this.slot);
    const due = Math.min(this.queue.length, Math.floor(this.clock / this.slot) + 1);
    if (due > this.shown) {
      while (this.shown < due - 1) this.showGeneration(this.queue[this.shown]!, false);
      this.showGeneration(this.queue[this.shown]!, true);
    }
    if (this.shown < this.queue.length || this.queue.length < this.options.planned) this.frame = requestAnimationFrame(this.tick);
    if (this.shown >= this.queue.length) this.release();
  };

  private catchUp(): void {
    while (this.shown < this.queue.length) {
      this.options.apply(this.queue[this.shown]!);
      this.shown++;
    }
    this.report();
    this.release();
  }

  private showGeneration(progress: TrainingProgress, draw: boolean): void {
    this.options.apply(progress);
    this.updateMeter(progress.weights);
    this.shown++;
    const candidates = progress.candidates ?? [];
    if (draw && candidates.length > 0) {
      const stage = this.options.stage();
      const first = candidates[0]!.recording;
      // Redrawing a world every generation is cheap for the campaign's rooms (at most 121 tiles) but
      // would hold the page for a frame too long on a large shared level: there the meter and the words carry the show.
      if (stage && first.width * first.height <= MAX_DRAWN_CELLS) {
        stage.showCandidates({ recordings: candidates.map((c) => c.recording), drawMs: this.slot * GROW_SHARE }, 'lab');
        this.pathsShown++;
      }
      this.describeCandidates(progress, candidates);
    }
    this.report();
  }

  private updateMeter(weights: Readonly<Record<string, number>>): void {
    const values = this.options.names.map((n) => (Object.hasOwn(weights, n) ? weights[n]! : 0));
    // The scale only grows, so a bar never jumps because another one did.
    for (const v of values) if (Number.isFinite(v)) this.scale = Math.max(this.scale, Math.abs(v));
    values.forEach((v, i) => {
      const { bar, value, row } = this.rows[i]!;
      const share = Number.isFinite(v) ? Math.min(1, Math.abs(v) / this.scale) : 0;
      const positive = v >= 0;
      bar.style.width = `${(share * 50).toFixed(2)}%`;
      bar.classList.toggle('negative', !positive);
      row.classList.toggle('negative', !positive);
      value.textContent = `${positive ? '▲ +' : '▼ −'}${formatDecimals(Math.abs(v), 2)}`;
    });
    this.weightUpdates++;
  }

  private describeCandidates(progress: TrainingProgress, candidates: readonly CandidateEpisode[]): void {
    const { candidatesPerGeneration, worldsPerGeneration } = this.options;
    this.caption.textContent = t('train.show.caption', {
      generation: progress.generation,
      generations: progress.generations,
      shown: candidates.length,
      candidates: candidatesPerGeneration,
      worlds: worldsPerGeneration,
    });
    this.legend.replaceChildren(
      ...candidates.map((c, i) => {
        const mark = CANDIDATE_MARKS[i]!;
        const swatch = el('span', { class: `candidate-swatch shape-${mark.shape}`, 'aria-hidden': 'true' }, SHAPE_GLYPH[mark.shape]);
        swatch.style.color = mark.css;
        const said = { shape: t(SHAPE_NAME[mark.shape]), pair: c.pair + 1, reward: formatReward(c.reward), mean: formatReward(c.meanReward) };
        return el('li', {}, swatch, ' ', t(c.sign > 0 ? 'train.show.candidate.plus' : 'train.show.candidate.minus', said));
      }),
    );
  }

  private report(): void {
    this.options.report(this.stats);
  }

  private release(): void {
    if (this.drained && (this.ended || this.shown >= this.queue.length)) {
      const done = this.drained;
      this.drained = null;
      done();
    }
  }
}

/** A reward with one decimal and a true minus sign. */
function formatReward(value: number): string {
  return value < 0 ? `−${formatDecimals(Math.abs(value), 1)}` : formatDecimals(value, 1);
}
