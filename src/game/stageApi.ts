/**
 * What the game flow asks of the stage (the Phaser view of the world).
 *
 * The stage only draws what it is given: worlds and recorded episodes from
 * the core. It never trains, plans or scores. Everything the stage shows is
 * also described in text by the DOM panels, for screen readers.
 */
import type { World } from '../core/world';
import type { Recording } from '../core/recording';

/** Training worlds look like a lab, deployment worlds like an open field, so the shift is felt. */
export type Look = 'lab' | 'field';

/**
 * A recorded episode: worlds[0] is the start, worlds[i + 1] follows the i-th
 * action — or the same film as a compact recording (positions and pick-ups),
 * which a mosaic of hundreds of deployment worlds draws without rebuilding them.
 */
export interface EpisodeFilm {
  readonly worlds?: readonly World[];
  readonly recording?: Recording;
  /** Index into worlds where behaviour departs from the intended objective: slow down and call it out. */
  readonly divergeAt?: number | null;
  /** Shown as a badge when the film ends; shape as well as colour (✓ / ✗). */
  readonly verdict?: 'success' | 'failure' | null;
  /**
   * The intended objective's path in the same world (computed by the engine),
   * drawn as a dotted ghost under the agent's solid trail: where the trail
   * leaves the dots, the agent left what was intended.
   */
  readonly ghost?: AgentPath | null;
}

/** Where an agent stood at each move (frame 0 is the start). */
export interface AgentPath {
  readonly agentX: ArrayLike<number>;
  readonly agentY: ArrayLike<number>;
}

/** How a mosaic plays. */
export interface MosaicOptions {
  /** Draw every film at its end at once, without animation: a summary of the whole suite. */
  readonly still?: boolean;
  /** Called once when film `index` has ended (its badge is up). */
  readonly onFilmEnded?: (index: number) => void;
  /** Called with the film a player clicks. */
  readonly onPick?: (index: number) => void;
}

/** One film as the stage draws it now, for tests (read through the page's test hook). */
export interface FilmSnapshot {
  readonly pos: number;
  readonly frames: number;
  readonly end: number;
  readonly ended: boolean;
  /** Its sprites are built and drawn (a mosaic builds them over several frames). */
  readonly built: boolean;
  /** The agent's drawn size on the canvas, in CSS pixels. */
  readonly agentPx: number;
  /** The outcome mark drawn on the stage now, or null while none is shown. */
  readonly badge: 'success' | 'failure' | null;
  /** The outcome mark's drawn size, in CSS pixels (0 while hidden). */
  readonly badgePx: number;
  /** Its badge lies wholly inside the canvas. */
  readonly badgeInside: boolean;
  readonly ghost: boolean;
}

/** What the stage is doing, as plain data: for browser tests, no pixels. */
/** The training show's candidate trails, as plain data (for tests). */
export interface TrailsSnapshot {
  /** Trails on the stage now. */
  readonly shown: number;
  /** How far they have grown, 0 to 1 (1: every path drawn to its end). */
  readonly progress: number;
  /** Trails drawn to their end since the stage started (a measurement for tests and the page). */
  readonly drawnTotal: number;
}

export interface StageSnapshot {
  readonly mode: 'empty' | 'single' | 'mosaic';
  readonly look: Look;
  readonly animating: boolean;
  readonly paused: boolean;
  readonly speed: number;
  readonly reducedMotion: boolean;
  readonly heatmap: boolean;
  readonly cursor: { readonly x: number; readonly y: number } | null;
  /** The film a mosaic outlines (keyboard focus in a summary), or null. */
  readonly highlighted: number | null;
  /** Mosaic grid: columns and rows of worlds. */
  readonly grid: { readonly columns: number; readonly rows: number } | null;
  readonly films: readonly FilmSnapshot[];
  /** The training show's candidate trails (see candidateTrails.ts). */
  readonly candidates: TrailsSnapshot;
}

export type PlayResult = 'ended' | 'stopped';

/**
 * The training show: a few candidates of one generation, recorded in the
 * same world as the optimizer evaluated them. The stage shows that world and
 * grows each candidate's path over it as a trail with its own shape.
 */
export interface CandidatePaths {
  /** At most four, all from the same start world. */
  readonly recordings: readonly Recording[];
  /** Milliseconds over which the trails grow at speed 1; 0 (or reduced motion) draws them whole. */
  readonly drawMs: number;
}

export interface Stage {
  /** Shows one world, still. Stops any animation. */
  showWorld(world: World, look: Look): void;
  /** Animates one agent tile to tile with easing. Resolves when the film ends or is replaced. */
  play(film: EpisodeFilm, look: Look): Promise<PlayResult>;
  /**
   * Animates many films at once as a mosaic of small worlds (up to 128), or
   * with `still` draws them all at their end. Sprites are built a few films a
   * frame, so a big mosaic never blocks the page.
   */
  playMany(films: readonly EpisodeFilm[], look: Look, options?: MosaicOptions): Promise<PlayResult>;
  /** Outlines one film of the mosaic (e.g. the one with keyboard focus), or null for none. */
  highlight(index: number | null): void;
  /** What the stage draws now, as plain data (for tests), or null once destroyed. */
  snapshot(): StageSnapshot | null;
  /** The training show: a generation's candidate paths as growing trails over their world (replaces what was shown). */
  showCandidates(paths: CandidatePaths, look: Look): void;
  /** Candidate trails drawn to their end since the stage started: a measurement, like fps. */
  readonly candidatePathsDrawn: number;
  pause(): void;
  resume(): void;
  /** While paused: advance the current film(s) by one move. */
  stepOnce(): void;
  readonly paused: boolean;
  /** 0.25 to 4; 1 is about four moves a second. */
  setSpeed(multiplier: number): void;
  /** Moves jump instead of gliding; callouts appear without motion. */
  setReducedMotion(on: boolean): void;
  /** A value per cell (row-major) drawn over the current still world, or null to hide. */
  showHeatmap(values: readonly number[] | null): void;
  /** Called with the cell a player clicks, or null to stop listening. */
  setCellHandler(handler: ((x: number, y: number) => void) | null): void;
  /**
   * Called when the player drags from one cell to another (press, move, let
   * go), or null. While one is set, a click is reported when the pointer is
   * let go on the cell where it was pressed, and the cursor follows a drag.
   */
  setDragHandler(handler: ((from: { x: number; y: number }, to: { x: number; y: number }) => void) | null): void;
  /** A visible cursor on one cell (keyboard editing), or null. */
  setCursor(cell: { x: number; y: number } | null): void;
  /**
   * Called on each move of a single film as it is drawn ('pickup' when an
   * object disappears on that move), so the page can play a sound in time.
   * Mosaics stay silent: a hundred agents clicking at once is noise.
   */
  setMoveListener(listener: ((move: 'step' | 'pickup') => void) | null): void;
  /** Rolling measured frames per second of the render loop. */
  readonly fps: number;
  destroy(): void;
}
