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
}

export type PlayResult = 'ended' | 'stopped';

export interface Stage {
  /** Shows one world, still. Stops any animation. */
  showWorld(world: World, look: Look): void;
  /** Animates one agent tile to tile with easing. Resolves when the film ends or is replaced. */
  play(film: EpisodeFilm, look: Look): Promise<PlayResult>;
  /** Animates many films at once as a mosaic of small worlds (up to 128). */
  playMany(films: readonly EpisodeFilm[], look: Look): Promise<PlayResult>;
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
