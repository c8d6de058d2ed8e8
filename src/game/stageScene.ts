/**
 * The one Phaser scene of the stage: it lays worlds out on the canvas, stamps
 * their static tiles once into a render texture, runs the film clock and
 * draws the heat-map and the keyboard cursor.
 *
 * It draws only what it is given (worlds and recorded films from the core)
 * and never steps, plans or scores. The clock is the only thing that moves:
 * each film's position advances by (elapsed time × speed × pace) and every
 * image is drawn from that position (see film.ts and filmView.ts).
 */
import * as Phaser from 'phaser';
import { Tile } from '../core/vocabulary';
import type { World } from '../core/world';
import { paceAt, timelineOf, type FilmTimeline } from './film';
import { CANDIDATE_MARKS, CandidateTrails } from './candidateTrails';
import { recordingWorld } from '../core/recording';
import { DEPTH, FilmView, ImagePool } from './filmView';
import { cellAt, fitMosaic, fitSingle, type GridPlacement, type MosaicPlacement } from './layout';
import { COLOUR_NUMBERS, heatColour, heatRange, INK, LOOKS, TILE_SPRITE } from './palette';
import { markKey, queueTextures, spriteKey, SPRITE_TEXTURE_SIZE, type SpriteName } from './sprites';
import { t } from '../i18n/index';
import type { CandidatePaths, EpisodeFilm, FilmSnapshot, Look, MosaicOptions, PlayResult, StageSnapshot } from './stageApi';

export type { StageSnapshot } from './stageApi';

type Mode = StageSnapshot['mode'];

/** Moves per millisecond at speed 1 (four moves a second). */
const MOVES_PER_MS = 4 / 1000;
/** A long frame (tab in background, debugger) is not allowed to skip the film ahead. */
const MAX_FRAME_MS = 100;
const FPS_WINDOW = 60;
const HEAT_TEXTURE = 'mesa-heat';
/** The heat-map texture's largest side, in pixels. */
const HEAT_TEXTURE_PX = 480;

export interface StageEvents {
  /** The scene finished `create`: textures are loaded and every method may be called. */
  ready(): void;
  /** What the canvas shows changed; the text is a short description for its aria-label. */
  describe(text: string): void;
}

/**
 * Frames drawn after the last change before the loop sleeps: the frame that
 * drew the change is the last (an unchanged frame costs a software renderer
 * as much as a changed one).
 */
const IDLE_FRAMES_BEFORE_SLEEP = 1;
/** Frames the stage must have drawn before it judges whether it keeps up with the display, and the rate that does. */
const MIN_FRAMES_MEASURED = 6;
const KEEPS_UP_FPS = 45;
/** Milliseconds of a frame a mosaic may spend building its films' sprites: the rest of the films wait for the next frame. */
const BUILD_SLICE_MS = 6;
/** Stamps into the terrain per step of building a mosaic. */
const STAMPS_PER_JOB = 48;
/** The agent's trail: a solid band (Okabe–Ito blue), where the ghost of the intended path is dotted. */
const TRAIL_COLOUR = 0x0072b2;

/** A mosaic being shown: every film's timeline and place; its views are built a slice at a time. */
interface MosaicPlan {
  readonly timelines: readonly FilmTimeline[];
  placement: MosaicPlacement;
  readonly options: MosaicOptions;
  /** Films whose end was reported to `onFilmEnded`. */
  readonly reported: Set<number>;
}

export class StageScene extends Phaser.Scene {
  private isPaused = false;
  private pool!: ImagePool;
  private trails!: CandidateTrails;
  private terrain!: Phaser.GameObjects.RenderTexture;
  /** The agents' trails, drawn a move at a time as they walk. */
  private trail!: Phaser.GameObjects.RenderTexture;
  private cursorOuter!: Phaser.GameObjects.Rectangle;
  private cursorInner!: Phaser.GameObjects.Rectangle;
  private highlightOuter!: Phaser.GameObjects.Rectangle;
  private highlightInner!: Phaser.GameObjects.Rectangle;
  private plan: MosaicPlan | null = null;
  /** What is left of building the mosaic's terrain: small steps, run a few per frame. */
  private jobs: (() => void)[] = [];
  private highlighted: number | null = null;
  private views: FilmView[] = [];
  private mode: Mode = 'empty';
  private look: Look = 'lab';
  private single: GridPlacement | null = null;
  private heat: readonly number[] | null = null;
  /** What the terrain texture was stamped from, for a single world (null: not known, stamp again). */
  private terrainKey: string | null = null;
  private heatTexture!: Phaser.Textures.CanvasTexture;
  private cursor: { x: number; y: number } | null = null;
  private cellHandler: ((x: number, y: number) => void) | null = null;
  private dragHandler: ((from: { x: number; y: number }, to: { x: number; y: number }) => void) | null = null;
  /** The cell a press started on, while a drag handler listens. */
  private pressedAt: { x: number; y: number } | null = null;
  private settle: ((result: PlayResult) => void) | null = null;
  private animating = false;
  private stepping = false;
  private speed = 1;
  private reducedMotion = false;
  private readonly frameTimes = new Float64Array(FPS_WINDOW);
  private frameIndex = 0;
  private frameCount = 0;
  private frameSum = 0;

  private idleFrames = 0;
  /** The loop has just woken from sleep (see update's frame measure). */
  private woke = false;
  private moveListener: ((move: 'step' | 'pickup') => void) | null = null;
  /** The last whole frame of the single film a move was reported for. */
  private reportedFrame = 0;

  constructor(private readonly host: StageEvents) {
    super({ key: 'mesa-stage' });
  }

  preload(): void {
    queueTextures(this.load);
  }

  create(): void {
    this.pool = new ImagePool(this);
    this.trails = new CandidateTrails(this, DEPTH.trails);
    this.terrain = this.add.renderTexture(0, 0, 2, 2).setOrigin(0, 0).setVisible(false);
    this.terrain.setDepth(DEPTH.terrain);
    this.trail = this.add.renderTexture(0, 0, 2, 2).setOrigin(0, 0).setVisible(false);
    this.trail.setDepth(DEPTH.trail);
    this.highlightOuter = this.add.rectangle(0, 0, 10, 10).setStrokeStyle(6, INK).setDepth(DEPTH.cursor).setVisible(false);
    this.highlightInner = this.add.rectangle(0, 0, 10, 10).setStrokeStyle(3, 0xf0e442).setDepth(DEPTH.cursor).setVisible(false);
    // The heat-map: one canvas texture, stamped once into the terrain (one upload and one draw, where
    // a fill and a stamp per tile cost a software renderer most of a second on a 32×32 world).
    this.heatTexture = this.textures.createCanvas(HEAT_TEXTURE, 2, 2)!;
    this.cursorOuter = this.add.rectangle(0, 0, 10, 10).setStrokeStyle(6, INK).setDepth(DEPTH.cursor).setVisible(false);
    this.cursorInner = this.add.rectangle(0, 0, 10, 10).setStrokeStyle(3, 0xffffff).setDepth(DEPTH.cursor).setVisible(false);
    this.setBackdrop(LOOKS[this.look].backdrop);

    this.scale.on(Phaser.Scale.Events.RESIZE, this.relayout, this);
    this.input.on(Phaser.Input.Events.POINTER_DOWN, this.onPointerDown, this);
    this.input.on(Phaser.Input.Events.POINTER_MOVE, this.onPointerMove, this);
    this.input.on(Phaser.Input.Events.POINTER_UP, this.onPointerUp, this);
    this.input.on(Phaser.Input.Events.GAME_OUT, () => (this.pressedAt = null));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.finish('stopped'));
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.finish('stopped'));
    this.host.ready();
  }

  // ---- What to show -------------------------------------------------------

  showWorld(world: World, look: Look): void {
    this.showStill(world, look, true);
  }

  /** A still world; its objects stamped with the tiles, or drawn as images (see FilmView's stampsStill). */
  private showStill(world: World, look: Look, stampsStill: boolean): void {
    this.finish('stopped');
    this.clearViews();
    const timeline = timelineOf({ worlds: [world] });
    if (timeline === null) return;
    this.mode = 'single';
    this.look = look;
    this.heat = null;
    this.views = [this.makeSingleView(timeline, stampsStill)];
    this.redraw();
    this.host.describe(describeStill(world, look));
  }

  play(film: EpisodeFilm, look: Look): Promise<PlayResult> {
    this.finish('stopped');
    this.clearViews();
    this.look = look;
    this.heat = null;
    const timeline = timelineOf(film);
    if (timeline === null) {
      this.mode = 'empty';
      this.redraw();
      return Promise.resolve('ended');
    }
    this.mode = 'single';
    this.views = [this.makeSingleView(timeline)];
    this.host.describe(t('game.playing', { still: describeStill(timeline.first, look), count: timeline.frames - 1 }));
    return this.start();
  }

  playMany(films: readonly EpisodeFilm[], look: Look, options: MosaicOptions = {}): Promise<PlayResult> {
    this.finish('stopped');
    this.clearViews();
    this.look = look;
    this.heat = null;
    const timelines = films.map(timelineOf).filter((t): t is FilmTimeline => t !== null);
    if (timelines.length === 0) {
      this.mode = 'empty';
      this.redraw();
      return Promise.resolve('ended');
    }
    this.mode = 'mosaic';
    this.terrainKey = null;
    const placement = fitMosaic(this.scale.width, this.scale.height, timelines.length, timelines.map(sizeOf));
    // The films' sprites are built over the next frames (see buildSlice), never in one long task.
    this.plan = { timelines, placement, options, reported: new Set() };
    const first = timelines[0]!;
    const key = look === 'lab' ? (options.still ? 'game.mosaic.lab.still' : 'game.mosaic.lab.playing') : options.still ? 'game.mosaic.field.still' : 'game.mosaic.field.playing';
    this.host.describe(t(key, { count: timelines.length, width: first.width, height: first.height, columns: placement.columns, rows: placement.rows }));
    return this.start();
  }

  /** Outlines one film of the mosaic, or none. */
  highlight(index: number | null): void {
    this.highlighted = index === null || !Number.isInteger(index) ? null : index;
    this.drawHighlight();
  }

  /**
   * The training show: the still start world of a few candidates of one
   * generation, and their paths growing over it as trails. Generations come
   * several times a second and their worlds share their tiles, so the objects
   * are images and the tiles stay stamped (see drawTerrain). Where the stage
   * cannot draw a frame within a display frame (a software renderer), the
   * paths are drawn whole: growing, every frame of the show would hold up
   * the page; whole, the stage draws once per generation.
   */
  showCandidates(paths: CandidatePaths, look: Look): void {
    const first = paths.recordings[0];
    if (first === undefined) return;
    const world = recordingWorld(first, 0);
    this.showStill(world, look, false);
    if (this.single === null) return;
    this.trails.show(paths.recordings, this.single, paths.drawMs, this.reducedMotion || !this.keepsUp);
    const n = Math.min(paths.recordings.length, CANDIDATE_MARKS.length);
    this.host.describe(t('game.candidates', { still: describeStill(world, look), count: n }));
  }

  /** Stops any film; its promise settles with 'stopped'. */
  stopAll(): void {
    this.finish('stopped');
  }

  // ---- Playback controls --------------------------------------------------

  /** Paused by the player. A new play / playMany starts unpaused. */
  get paused(): boolean {
    return this.isPaused;
  }

  pause(): void {
    this.isPaused = true;
  }

  resume(): void {
    this.isPaused = false;
    this.stepping = false;
  }

  stepOnce(): void {
    if (!this.paused || !this.animating) return;
    for (const view of this.views) {
      const last = view.timeline.frames - 1;
      // A second press while a step is still gliding adds a move rather than being lost.
      const from = this.stepping ? Math.max(view.pos, view.stepTarget) : view.pos;
      view.stepTarget = from >= last ? view.timeline.end : Math.min(last, Math.floor(from + 1e-6) + 1);
    }
    this.stepping = true;
  }

  setSpeed(multiplier: number): void {
    if (Number.isFinite(multiplier)) this.speed = Math.min(4, Math.max(0.25, multiplier));
  }

  setReducedMotion(on: boolean): void {
    this.reducedMotion = on;
    if (on) this.trails.finishNow();
    for (const view of this.views) view.render(on);
  }

  showHeatmap(values: readonly number[] | null): void {
    const view = this.views[0];
    const fits = values !== null && this.mode === 'single' && view !== undefined && values.length === view.timeline.width * view.timeline.height;
    this.heat = fits ? values : null;
    // The heat-map has its own two images: the tiles under it need no redrawing.
    this.drawTerrain();
    this.wake();
  }

  setCellHandler(handler: ((x: number, y: number) => void) | null): void {
    this.cellHandler = handler;
    if (handler === null) this.game.canvas.style.cursor = '';
  }

  setDragHandler(handler: ((from: { x: number; y: number }, to: { x: number; y: number }) => void) | null): void {
    this.dragHandler = handler;
    this.pressedAt = null;
  }

  setCursor(cell: { x: number; y: number } | null): void {
    this.cursor = cell === null ? null : { x: Math.floor(cell.x), y: Math.floor(cell.y) };
    this.drawCursor();
  }

  /** What the stage is doing, for tests: read-only numbers, no pixels. */
  snapshot(): StageSnapshot {
    const { width, height } = this.scale;
    const films: FilmSnapshot[] = this.views.map((v) => {
      const badge = v.badgeShown(width, height);
      return {
        pos: v.pos,
        frames: v.timeline.frames,
        end: v.timeline.end,
        ended: v.ended,
        built: true,
        agentPx: v.agentPx,
        badge: badge.mark,
        badgePx: badge.px,
        badgeInside: badge.inside,
        ghost: v.timeline.ghost !== null,
      };
    });
    for (const t of this.plan?.timelines.slice(this.views.length) ?? []) {
      films.push({ pos: 0, frames: t.frames, end: t.end, ended: false, built: false, agentPx: 0, badge: null, badgePx: 0, badgeInside: false, ghost: t.ghost !== null });
    }
    return {
      mode: this.mode,
      look: this.look,
      animating: this.animating,
      paused: this.paused,
      speed: this.speed,
      reducedMotion: this.reducedMotion,
      heatmap: this.heat !== null,
      cursor: this.cursor,
      highlighted: this.highlighted,
      grid: this.plan === null ? null : { columns: this.plan.placement.columns, rows: this.plan.placement.rows },
      films,
      candidates: this.trails.snapshot(),
    };
  }

  /** Rolling mean over the last 60 frames drawn one after another. */
  get fps(): number {
    return this.frameSum > 0 ? (1000 * this.frameCount) / this.frameSum : 0;
  }

  /**
   * Whether the stage draws its frames about as fast as the display shows
   * them, judged once it has drawn a few (until then, assumed).
   */
  private get keepsUp(): boolean {
    return this.frameCount < MIN_FRAMES_MEASURED || this.fps >= KEEPS_UP_FPS;
  }

  // ---- The clock ----------------------------------------------------------

  /**
   * Starts rendering again after a change. A still stage puts Phaser's loop
   * to sleep (see update): redrawing an unchanged world sixty times a second
   * costs a software-rendered machine most of its frame budget for nothing.
   */
  setMoveListener(listener: ((move: 'step' | 'pickup') => void) | null): void {
    this.moveListener = listener;
  }

  /** Reports each new whole frame of a single film to the move listener. */
  private reportMoves(view: FilmView): void {
    const frame = Math.min(view.timeline.frames - 1, Math.floor(view.pos));
    while (this.reportedFrame < frame) {
      this.reportedFrame++;
      const at = this.reportedFrame;
      const picked = view.timeline.things.some((t) => t.until === at);
      this.moveListener?.(picked ? 'pickup' : 'step');
    }
  }

  wake(): void {
    this.idleFrames = 0;
    if (this.game.loop.running) return;
    this.woke = true;
    // Phaser steps the game the moment its loop wakes, before the caller has made the change it woke
    // the stage for: that step would draw the old frame (as costly as any on a software renderer) and,
    // counted idle, put the loop back to sleep before the change is drawn. Paused, the step does nothing.
    const game = this.game;
    game.pause();
    try {
      game.loop.wake(true);
    } finally {
      game.resume();
    }
  }

  override update(): void {
    // Phaser's own delta is smoothed and clamped to its target frame time,
    // which would slow films down on a slow machine: use the raw frame time.
    const delta = this.game.loop.rawDelta;
    // The first frame after waking follows an idle stretch, not a drawn frame: its interval says nothing of drawing.
    if (this.woke) this.woke = false;
    else this.measure(delta);
    if (this.trails.busy) {
      this.idleFrames = 0;
      this.trails.advance(Math.min(delta, MAX_FRAME_MS) * this.speed);
    } else if (!this.animating && this.tweens.getTweens().length === 0) {
      // A few frames after the last change everything is drawn: sleep until woken.
      if (++this.idleFrames >= IDLE_FRAMES_BEFORE_SLEEP) this.game.loop.sleep();
    } else {
      this.idleFrames = 0;
    }
    if (!this.animating) return;
    // A mosaic builds its films a slice per frame; they start together once all are built.
    if (this.plan !== null && !this.built(this.plan)) {
      this.buildSlice(this.plan);
      if (!this.built(this.plan)) return;
      if (this.plan.options.still) {
        this.finish('ended');
        return;
      }
    }
    if (this.paused && !this.stepping) return;
    const advance = Math.min(delta, MAX_FRAME_MS) * MOVES_PER_MS * this.speed;
    const reduced = this.reducedMotion;
    let allEnded = true;
    let allAtTarget = true;
    let trailed = false;
    for (let i = 0; i < this.views.length; i++) {
      const view = this.views[i]!;
      if (view.ended) continue;
      const limit = this.stepping ? view.stepTarget : view.timeline.end;
      if (view.pos < limit) {
        view.pos = this.stepping && reduced ? limit : Math.min(limit, view.pos + advance * paceAt(view.timeline, view.pos));
      }
      if (view.pos < limit) allAtTarget = false;
      view.render(reduced);
      trailed = this.extendTrail(view) || trailed;
      if (this.mode === 'single') this.reportMoves(view);
      if (!view.ended) allEnded = false;
      else if (this.plan !== null && !this.plan.reported.has(i)) {
        this.plan.reported.add(i);
        this.plan.options.onFilmEnded?.(i);
      }
    }
    if (trailed) this.trail.render();
    if (this.stepping && allAtTarget) this.stepping = false;
    if (allEnded) this.finish('ended');
  }

  /**
   * Builds the next films of a mosaic for at most BUILD_SLICE_MS (and at
   * least one step): a film's sprites, then its tiles, still objects and
   * ghost stamped into the terrain a chunk at a time — each chunk rendered
   * at once, so the time measured is the time spent.
   */
  private buildSlice(plan: MosaicPlan): void {
    const started = performance.now();
    const palette = LOOKS[this.look];
    const first = this.views.length;
    do {
      const job = this.jobs.shift();
      if (job !== undefined) {
        job();
        continue;
      }
      if (this.views.length >= plan.timelines.length) break;
      const i = this.views.length;
      const view = new FilmView(this.pool, plan.timelines[i]!, plan.placement.cells[i]!, true, palette);
      if (plan.options.still) view.pos = view.timeline.end;
      this.views.push(view);
      view.render(this.reducedMotion);
      const stamps = [...this.worldStamps(view), ...this.stillStamps(view)];
      for (let k = 0; k < stamps.length; k += STAMPS_PER_JOB) {
        const chunk = stamps.slice(k, k + STAMPS_PER_JOB);
        this.jobs.push(() => {
          for (const stamp of chunk) stamp();
          this.terrain.render();
        });
      }
      this.jobs.push(() => {
        if (this.extendTrail(view)) this.trail.render();
      });
    } while (performance.now() - started < BUILD_SLICE_MS);
    if (first === 0 || this.highlighted !== null) this.drawHighlight();
  }

  /** Every film of the mosaic has its sprites and its stamps. */
  private built(plan: MosaicPlan): boolean {
    return this.views.length >= plan.timelines.length && this.jobs.length === 0;
  }

  private start(): Promise<PlayResult> {
    this.reportedFrame = 0;
    this.redraw();
    this.animating = true;
    this.stepping = false;
    this.isPaused = false;
    return new Promise((resolve) => (this.settle = resolve));
  }

  /** Ends the current film(s), if any, and settles the promise of the call that started them. */
  private finish(result: PlayResult): void {
    this.animating = false;
    this.stepping = false;
    const settle = this.settle;
    this.settle = null;
    if (settle !== null) {
      if (result === 'ended' && this.mode === 'single') {
        const view = this.views[0];
        if (view !== undefined) {
          const verdict = view.timeline.verdict;
          const still = describeStill(view.timeline.last, this.look);
          this.host.describe(t(verdict === null ? 'game.over' : verdict === 'success' ? 'game.over.success' : 'game.over.failure', { still }));
        }
      } else if (result === 'ended' && this.mode === 'mosaic') {
        const successes = this.views.filter((v) => v.timeline.verdict === 'success').length;
        const failures = this.views.filter((v) => v.timeline.verdict === 'failure').length;
        this.host.describe(t('game.mosaicOver', { count: this.views.length, successes, failures }));
      }
      settle(result);
    }
  }

  private measure(delta: number): void {
    if (!(delta > 0) || delta > 1000) return;
    this.frameSum += delta - this.frameTimes[this.frameIndex]!;
    this.frameTimes[this.frameIndex] = delta;
    this.frameIndex = (this.frameIndex + 1) % FPS_WINDOW;
    this.frameCount = Math.min(FPS_WINDOW, this.frameCount + 1);
  }

  // ---- Layout and static drawing -----------------------------------------

  private makeSingleView(timeline: FilmTimeline, stampsStill = true): FilmView {
    this.single = fitSingle(this.scale.width, this.scale.height, timeline.width, timeline.height);
    return new FilmView(this.pool, timeline, this.single, false, LOOKS[this.look], stampsStill);
  }

  private clearViews(): void {
    this.trails.clear();
    this.views = [];
    this.single = null;
    this.plan = null;
    this.jobs = [];
    this.highlighted = null;
    this.pool.releaseAll();
  }

  private relayout(): void {
    const { width, height } = this.scale;
    if (width < 2 || height < 2) return;
    if (this.mode === 'single' && this.views[0] !== undefined) {
      const t = this.views[0].timeline;
      this.single = fitSingle(width, height, t.width, t.height);
      this.views[0].place(this.single);
      this.trails.place(this.single);
    } else if (this.mode === 'mosaic' && this.plan !== null) {
      const timelines = this.plan.timelines;
      const placement = fitMosaic(width, height, timelines.length, timelines.map(sizeOf));
      this.plan.placement = placement;
      this.views.forEach((v, i) => v.place(placement.cells[i]!));
    }
    this.redraw();
  }

  /** Redraws everything static (tiles, heat-map, cursor) and every film at its position. */
  private redraw(): void {
    this.setBackdrop(LOOKS[this.look].backdrop);
    this.drawTerrain();
    this.drawTrails();
    this.drawCursor();
    this.drawHighlight();
    for (const view of this.views) view.render(this.reducedMotion);
  }

  /**
   * Stamps every static tile of every shown world, once, into one render
   * texture just big enough to hold them (less to fill each frame). A single
   * world whose stamps are those already in the texture is not stamped again:
   * restamping fills the whole grid twice over, which on a software renderer
   * costs several frames, and the training show asks for it every generation.
   */
  private drawTerrain(): void {
    const rt = this.terrain;
    const bounds = this.contentBounds();
    if (bounds === null) {
      this.terrainKey = null;
      rt.setVisible(false);
      return;
    }
    const key = this.mode === 'single' ? this.singleTerrainKey() : null;
    if (key !== null && key === this.terrainKey && rt.visible) return;
    this.terrainKey = key;
    fitTexture(rt, bounds, this.scale);
    // A relayout mid-build restamps what is built; the steps still queued would stamp in the old places.
    this.jobs = [];
    for (const view of this.views) for (const stamp of this.worldStamps(view)) stamp();
    rt.render();
    // In a pass of its own: a batch of one texture, whose shader every stage already has (a batch with
    // one more texture than ever before makes WebGL compile a new shader, for seconds on a software renderer).
    // Heat sits on the floor, under objects and agent, so the world stays readable.
    if (this.drawHeat()) {
      const p = this.single!;
      const texture = this.heatTexture;
      rt.stamp(HEAT_TEXTURE, undefined, p.x - rt.x, p.y - rt.y, { originX: 0, originY: 0, scaleX: (p.columns * p.tile) / texture.width, scaleY: (p.rows * p.tile) / texture.height });
      rt.render();
    }
    // What never moves (the ghost path, objects no one takes) goes over the floor and the heat.
    for (const view of this.views) for (const stamp of this.stillStamps(view)) stamp();
    rt.render();
  }

  /**
   * Everything the single world's terrain texture is stamped from: the
   * canvas, the grid's place, the look, the tiles, the heat-map, and the
   * ghost path and objects stamped over them.
   */
  private singleTerrainKey(): string | null {
    const view = this.views[0];
    const p = this.single;
    if (view === undefined || p === null) return null;
    const tl = view.timeline;
    const stamped = view.stampsStill ? tl.things.filter((_, i) => tl.still[i]).map((t) => `${t.kind}:${t.colour}:${t.x},${t.y}`) : [];
    const ghost = tl.ghost === null ? '' : `${Array.from(tl.ghost.x).join(',')}/${Array.from(tl.ghost.y).join(',')}`;
    return [this.look, this.scale.width, this.scale.height, p.x, p.y, p.tile, p.columns, p.rows, Array.from(tl.first.tiles).join(''), this.heat?.join(',') ?? '', ghost, stamped.join(';')].join('|');
  }

  /**
   * One world's frame, floor and special tiles, as stamps into the terrain
   * texture (the caller renders). The floor is one repeated texture over the
   * whole grid, not a stamp per tile.
   */
  private worldStamps(view: FilmView): (() => void)[] {
    const rt = this.terrain;
    const ox = rt.x;
    const oy = rt.y;
    const palette = LOOKS[this.look];
    const floorKey = spriteKey(this.look === 'lab' ? 'floor-lab' : 'floor-field');
    const p = view.placement;
    const { tile } = p;
    const border = frameBorder(tile);
    const scale = tile / SPRITE_TEXTURE_SIZE;
    const stamps: (() => void)[] = [
      () => rt.fill(palette.frame, 1, p.x - border - ox, p.y - border - oy, p.columns * tile + 2 * border, p.rows * tile + 2 * border),
      // Phaser 4.2 reads tileScaleX/Y from this config (DynamicTexture.repeat), though its typings do not list them.
      () => rt.repeat(floorKey, undefined, p.x - ox, p.y - oy, p.columns * tile, p.rows * tile, { tileScaleX: scale, tileScaleY: scale } as Phaser.Types.GameObjects.TileSprite.TileSpriteConfig),
    ];
    const tiles = view.timeline.first.tiles;
    for (let y = 0; y < p.rows; y++) {
      for (let x = 0; x < p.columns; x++) {
        const kind = (tiles[y * p.columns + x] ?? Tile.Floor) as Tile;
        if (kind === Tile.Floor) continue;
        const cx = p.x + (x + 0.5) * tile - ox;
        const cy = p.y + (y + 0.5) * tile - oy;
        // Walls replace the floor; special tiles are whole tiles drawn over it (hazard water, hatched forbidden ground, the finish gate).
        const key = kind === Tile.Wall ? spriteKey('wall') : spriteKey(TILE_SPRITE[kind]);
        stamps.push(() => rt.stamp(key, undefined, cx, cy, { scale }));
      }
    }
    return stamps;
  }

  /**
   * Stamps what never moves in a film into the terrain texture: the
   * intended objective's ghost path (dots, and a dashed ring where it ends)
   * and the objects no one picks up — drawn once, not every frame.
   */
  private stillStamps(view: FilmView): (() => void)[] {
    const rt = this.terrain;
    const ox = rt.x;
    const oy = rt.y;
    const p = view.placement;
    const { tile } = p;
    const tl = view.timeline;
    const stamps: (() => void)[] = [];
    const ghost = tl.ghost;
    if (ghost !== null) {
      const dot = Math.max(4, tile * 0.26) / SPRITE_TEXTURE_SIZE;
      // A path that comes back over itself gets one dot per place.
      const placed = new Set<number>();
      const at = (gx: number, gy: number) => {
        const key = gx * 2 * 1024 + gy * 2;
        if (placed.has(key)) return;
        placed.add(key);
        const x = p.x + (gx + 0.5) * tile - ox;
        const y = p.y + (gy + 0.5) * tile - oy;
        stamps.push(() => rt.stamp(markKey('dot'), undefined, x, y, { scale: dot }));
      };
      const n = ghost.x.length;
      for (let i = 0; i + 1 < n; i++) {
        const x0 = ghost.x[i]!;
        const y0 = ghost.y[i]!;
        const x1 = ghost.x[i + 1]!;
        const y1 = ghost.y[i + 1]!;
        if (x0 === x1 && y0 === y1) continue;
        for (const f of [0, 0.5]) at(x0 + (x1 - x0) * f, y0 + (y1 - y0) * f);
      }
      // Around whatever stands there (the intended goal), not hidden under it.
      const ring = (tile * 1.2) / SPRITE_TEXTURE_SIZE;
      const ex = p.x + (ghost.x[n - 1]! + 0.5) * tile - ox;
      const ey = p.y + (ghost.y[n - 1]! + 0.5) * tile - oy;
      stamps.push(() => rt.stamp(markKey('ghostEnd'), undefined, ex, ey, { scale: ring }));
    }
    const thingScale = view.thingScale;
    tl.things.forEach((t, i) => {
      if (!view.stampsStill || !tl.still[i]) return;
      const key = spriteKey(t.kind as SpriteName);
      const x = p.x + (t.x + 0.5) * tile - ox;
      const y = p.y + (t.y + 0.5) * tile - oy;
      const tint = COLOUR_NUMBERS[t.colour];
      stamps.push(() => rt.stamp(key, undefined, x, y, { scale: thingScale, tint }));
    });
    return stamps;
  }

  /** Redraws every trail from scratch (after a layout change). */
  private drawTrails(): void {
    const rt = this.trail;
    const bounds = this.contentBounds();
    if (bounds === null) {
      rt.setVisible(false);
      return;
    }
    fitTexture(rt, bounds, this.scale);
    // Shown only once a trail is drawn in it: an empty layer the size of the worlds would still cost
    // a full pass over their pixels every frame (on a software renderer, about as much as the worlds).
    rt.setVisible(false);
    for (const view of this.views) {
      view.trailDrawn = 0;
      this.extendTrail(view);
    }
    rt.render();
  }

  /**
   * Draws the trail of the moves the agent has finished since the last call
   * (queued: the caller renders). Returns whether anything was drawn.
   */
  private extendTrail(view: FilmView): boolean {
    const tl = view.timeline;
    const target = Math.min(tl.frames - 1, Math.floor(view.pos + 1e-6));
    if (target <= view.trailDrawn) return false;
    const rt = this.trail;
    const p = view.placement;
    const { tile } = p;
    const thick = Math.max(2, tile * 0.18);
    const ox = p.x - rt.x;
    const oy = p.y - rt.y;
    let drawn = false;
    for (let k = view.trailDrawn; k < target; k++) {
      const x0 = (tl.agentX[k]! + 0.5) * tile;
      const y0 = (tl.agentY[k]! + 0.5) * tile;
      const x1 = (tl.agentX[k + 1]! + 0.5) * tile;
      const y1 = (tl.agentY[k + 1]! + 0.5) * tile;
      if (x0 === x1 && y0 === y1) continue;
      drawn = true;
      rt.fill(TRAIL_COLOUR, 1, ox + Math.min(x0, x1) - thick / 2, oy + Math.min(y0, y1) - thick / 2, Math.abs(x1 - x0) + thick, Math.abs(y1 - y0) + thick);
    }
    view.trailDrawn = target;
    if (drawn) rt.setVisible(true);
    return true;
  }

  /**
   * Paints the heat-map into its canvas texture (false when none is shown),
   * for the terrain: on the floor under objects and agent so the world stays
   * readable — each tile tinted on the ramp, with a dot in its corner that
   * grows with the value (a shape cue beside the colour). No numbers on the
   * sprites — the panel lists them beside the maps.
   */
  private drawHeat(): boolean {
    const heat = this.heat;
    const p = this.single;
    if (heat === null || p === null) return false;
    const texture = this.heatTexture;
    // At most HEAT_TEXTURE_PX across: the whole canvas is uploaded again each time (on a software renderer a
    // 32×32 world at tile size took a long frame); it is drawn scaled to the grid, so it stays legible.
    const px = Math.max(8, Math.min(48, Math.round(p.tile), Math.floor(HEAT_TEXTURE_PX / Math.max(p.columns, p.rows))));
    texture.setSize(p.columns * px, p.rows * px);
    const g = texture.context;
    g.clearRect(0, 0, p.columns * px, p.rows * px);
    const range = heatRange(heat, (i) => this.isWall(i));
    g.strokeStyle = cssColour(INK);
    g.lineWidth = Math.max(1, px * 0.04);
    for (let i = 0; i < heat.length && i < p.columns * p.rows; i++) {
      const value = heat[i]!;
      if (!Number.isFinite(value) || this.isWall(i)) continue;
      const x = (i % p.columns) * px;
      const y = Math.floor(i / p.columns) * px;
      const t = range.normalise(value);
      g.globalAlpha = 0.72;
      g.fillStyle = cssColour(heatColour(t));
      g.fillRect(x, y, px, px);
      g.globalAlpha = 1;
      g.fillStyle = '#ffffff';
      g.beginPath();
      g.arc(x + 0.78 * px, y + 0.78 * px, (px * (0.12 + 0.26 * Math.sqrt(t))) / 2, 0, 2 * Math.PI);
      g.fill();
      g.stroke();
    }
    texture.refresh();
    return true;
  }

  /**
   * The backdrop is the renderer's clear colour (a plain clear, where a
   * camera background would be one more full-screen fill every frame), with
   * the same colour as the canvas's CSS background for the moment before the
   * first frame.
   */
  private setBackdrop(rgb: number): void {
    this.game.canvas.style.backgroundColor = cssColour(rgb);
    const config = (this.game.renderer as unknown as { config?: { backgroundColor?: Phaser.Display.Color } }).config;
    config?.backgroundColor?.setTo((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, 255);
  }

  /** Walls hold no agent, so a heat-map value there means nothing: they are left as walls. */
  private isWall(cell: number): boolean {
    return this.views[0]?.timeline.first.tiles[cell] === Tile.Wall;
  }

  /** The canvas rectangle holding every shown grid and its frame, in whole pixels. */
  private contentBounds(): Bounds | null {
    const placements = this.plan !== null ? this.plan.placement.cells : this.views.map((v) => v.placement);
    if (placements.length === 0) return null;
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    for (const p of placements) {
      const border = frameBorder(p.tile);
      left = Math.min(left, p.x - border);
      top = Math.min(top, p.y - border);
      right = Math.max(right, p.x + p.columns * p.tile + border);
      bottom = Math.max(bottom, p.y + p.rows * p.tile + border);
    }
    const x = Math.floor(left);
    const y = Math.floor(top);
    return { x, y, width: Math.ceil(right) - x, height: Math.ceil(bottom) - y };
  }

  private drawCursor(): void {
    const cell = this.cursor;
    const p = this.single;
    const show = cell !== null && p !== null && this.mode === 'single' && cell.x >= 0 && cell.y >= 0 && cell.x < p.columns && cell.y < p.rows;
    this.cursorOuter.setVisible(show);
    this.cursorInner.setVisible(show);
    if (!show) return;
    const outer = Math.max(6, Math.round(p.tile * 0.12));
    const inner = Math.max(3, Math.round(outer * 0.45));
    const cx = p.x + (cell.x + 0.5) * p.tile;
    const cy = p.y + (cell.y + 0.5) * p.tile;
    this.cursorOuter
      .setPosition(cx, cy)
      .setSize(p.tile - outer, p.tile - outer)
      .setStrokeStyle(outer, INK);
    this.cursorInner
      .setPosition(cx, cy)
      .setSize(p.tile - outer, p.tile - outer)
      .setStrokeStyle(inner, 0xffffff);
  }

  /** The outline around the highlighted film of a mosaic. */
  private drawHighlight(): void {
    const index = this.highlighted;
    const view = index === null || this.mode !== 'mosaic' ? undefined : this.views[index];
    this.highlightOuter.setVisible(view !== undefined);
    this.highlightInner.setVisible(view !== undefined);
    if (view === undefined) return;
    const p = view.placement;
    const pad = frameBorder(p.tile) + 4;
    const cx = p.x + (p.columns * p.tile) / 2;
    const cy = p.y + (p.rows * p.tile) / 2;
    const w = p.columns * p.tile + 2 * pad;
    const h = p.rows * p.tile + 2 * pad;
    this.highlightOuter.setPosition(cx, cy).setSize(w, h).setStrokeStyle(7, INK);
    this.highlightInner.setPosition(cx, cy).setSize(w, h).setStrokeStyle(3, 0xf0e442);
    this.wake();
  }

  // ---- Pointer ------------------------------------------------------------

  private onPointerDown(pointer: Phaser.Input.Pointer): void {
    const pick = this.mosaicFilmAt(pointer);
    if (pick !== null) {
      this.plan!.options.onPick!(pick);
      return;
    }
    if (this.cellHandler === null || this.single === null || this.mode !== 'single') return;
    const cell = cellAt(this.single, pointer.x, pointer.y);
    if (cell === null) return;
    // With a drag handler, what a press means is known only when it is let go.
    if (this.dragHandler !== null) this.pressedAt = cell;
    else this.cellHandler(cell.x, cell.y);
  }

  /** The film of a pickable mosaic under the pointer, or null. */
  private mosaicFilmAt(pointer: Phaser.Input.Pointer): number | null {
    if (this.mode !== 'mosaic' || this.plan?.options.onPick === undefined) return null;
    for (let i = 0; i < this.views.length; i++) {
      const box = this.views[i]!.placement.cell;
      if (box !== undefined && pointer.x >= box.x && pointer.x < box.x + box.width && pointer.y >= box.y && pointer.y < box.y + box.height) return i;
    }
    return null;
  }

  private onPointerMove(pointer: Phaser.Input.Pointer): void {
    if (this.mode === 'mosaic' && this.plan?.options.onPick !== undefined) {
      this.game.canvas.style.cursor = this.mosaicFilmAt(pointer) === null ? '' : 'pointer';
      return;
    }
    if (this.cellHandler === null || this.single === null || this.mode !== 'single') return;
    const cell = cellAt(this.single, pointer.x, pointer.y);
    this.game.canvas.style.cursor = cell === null ? '' : this.pressedAt !== null ? 'grabbing' : this.dragHandler !== null ? 'grab' : 'pointer';
    if (this.pressedAt !== null && cell !== null) this.setCursor(cell);
  }

  private onPointerUp(pointer: Phaser.Input.Pointer): void {
    const from = this.pressedAt;
    this.pressedAt = null;
    if (from === null || this.single === null || this.mode !== 'single') return;
    const to = cellAt(this.single, pointer.x, pointer.y);
    if (to === null) return;
    if (to.x === from.x && to.y === from.y) this.cellHandler?.(to.x, to.y);
    else this.dragHandler?.(from, to);
  }
}

interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Moves a render texture to cover `bounds`, shows only that much of it, and
 * clears it. The texture only grows, and at once to the whole canvas: resizing
 * makes a new framebuffer, whose check waits for everything WebGL has queued
 * (on a software renderer, half a second after a large mosaic was stamped).
 * Cropped to the content, it costs no more to draw than a texture of that size.
 */
function fitTexture(rt: Phaser.GameObjects.RenderTexture, bounds: Bounds, canvas: { readonly width: number; readonly height: number }): void {
  // Even sizes: the texture rounds odd ones up anyway.
  const even = (n: number) => Math.max(2, Math.ceil(n / 2) * 2);
  const width = even(Math.max(bounds.width, canvas.width, rt.width));
  const height = even(Math.max(bounds.height, canvas.height, rt.height));
  if (rt.width !== width || rt.height !== height) rt.resize(width, height);
  rt.setCrop(0, 0, Math.ceil(bounds.width), Math.ceil(bounds.height));
  rt.setPosition(bounds.x, bounds.y).setVisible(true);
  rt.clear();
}

function frameBorder(tile: number): number {
  return Math.max(2, Math.round(tile * 0.14));
}

function cssColour(rgb: number): string {
  return `#${rgb.toString(16).padStart(6, '0')}`;
}

function sizeOf(t: FilmTimeline): { columns: number; rows: number } {
  return { columns: t.width, rows: t.height };
}

/** A short description of a still world for the canvas's aria-label. */
export function describeStill(world: World, look: Look): string {
  return t(look === 'lab' ? 'game.still.lab' : 'game.still.field', { width: world.width, height: world.height, column: world.agentX + 1, row: world.agentY + 1 });
}
