/**
 * A recorded episode turned into a timeline the stage can draw at any moment.
 *
 * Time on the stage is a film position `pos`, measured in moves: at pos = i
 * the agent stands where worlds[i] puts it; between i and i + 1 it glides.
 * Everything drawn (agent, pick-ups, the divergence callout, the verdict
 * badge) is a pure function of pos, so pausing, stepping, changing speed and
 * reduced motion are all just different ways of moving pos.
 *
 * Pure TypeScript, no Phaser. The stage only reads what the core recorded:
 * it diffs consecutive worlds and never steps or plans.
 */
import type { World, WorldObject } from '../core/world';
import { recordingFrames, recordingObjects, recordingWorld, type Recording } from '../core/recording';
import type { Colour, ObjectKind } from '../core/vocabulary';
import type { EpisodeFilm } from './stageApi';

/** One object across the film: present on frames [from, until). */
export interface FilmThing {
  readonly kind: ObjectKind;
  readonly colour: Colour;
  readonly x: number;
  readonly y: number;
  readonly from: number;
  /** First frame without it (Infinity if it stays to the end). */
  readonly until: number;
}

export interface FilmTimeline {
  readonly frames: number;
  readonly width: number;
  readonly height: number;
  readonly first: World;
  readonly last: World;
  readonly agentX: Int16Array;
  readonly agentY: Int16Array;
  readonly things: readonly FilmThing[];
  /** Frame where behaviour departs from the intended objective, clamped to the film, or -1. */
  readonly divergeAt: number;
  readonly verdict: 'success' | 'failure' | null;
  /** The intended objective's path in the same world (the ghost), clipped to the grid, or null. */
  readonly ghost: { readonly x: Int16Array; readonly y: Int16Array } | null;
  /** Things present from the first frame to the last: drawn once with the tiles, not as moving sprites. */
  readonly still: readonly boolean[];
  /** pos at which the film is over, badge shown and settled. */
  readonly end: number;
}

/** How much slower the moves right after the divergence play. */
export const DIVERGENCE_PACE = 0.3;
/** How many moves play slowly after the divergence. */
export const DIVERGENCE_MOVES = 2;
/** After the last frame: time (in moves) for the badge to appear and settle. */
const CODA_WITH_VERDICT = 2;
/** Long enough for a pick-up on the last move to finish its pop. */
const CODA_WITHOUT_VERDICT = 0.5;

/** Timings, in moves, of the small motions drawn on the timeline. */
export const TIMING = {
  /** A picked-up object pops over [until - popLead, until + popTail]. */
  popLead: 0.1,
  popTail: 0.45,
  /** An object that appears fades in over [from - fadeIn, from]. */
  fadeIn: 0.3,
  /** The divergence marker pops in over this long. */
  markerIn: 0.35,
  /** Ring pulses per move while the divergence plays. */
  ringPulses: 1.5,
  /** The verdict badge pops in over this long. */
  badgeIn: 1.2,
} as const;

export function timelineOf(film: EpisodeFilm): FilmTimeline | null {
  if (film.recording !== undefined) return recordingTimeline(film.recording, film);
  const worlds = film.worlds ?? [];
  const first = worlds[0];
  if (first === undefined) return null;
  const frames = worlds.length;
  const agentX = new Int16Array(frames);
  const agentY = new Int16Array(frames);
  worlds.forEach((w, i) => {
    agentX[i] = w.agentX;
    agentY[i] = w.agentY;
  });

  interface Draft {
    kind: ObjectKind;
    colour: Colour;
    x: number;
    y: number;
    from: number;
    until: number;
    ref: WorldObject;
  }
  const drafts: Draft[] = first.objects.map((o) => ({ ...pick(o), from: 0, until: Infinity, ref: o }));
  let live: Draft[] = drafts.slice();
  for (let i = 1; i < frames; i++) {
    const objects = worlds[i]!.objects;
    if (objects === worlds[i - 1]!.objects) continue;
    const next: Draft[] = [];
    const unmatched = new Set(live);
    for (const o of objects) {
      // Surviving objects are usually the very same records (step filters
      // the array); fall back to equal fields for worlds built by hand.
      let match: Draft | undefined;
      for (const d of unmatched) {
        if (d.ref === o) {
          match = d;
          break;
        }
      }
      if (match === undefined) {
        for (const d of unmatched) {
          if (d.kind === o.kind && d.colour === o.colour && d.x === o.x && d.y === o.y) {
            match = d;
            break;
          }
        }
      }
      if (match !== undefined) {
        unmatched.delete(match);
        match.ref = o;
        next.push(match);
      } else {
        const born: Draft = { ...pick(o), from: i, until: Infinity, ref: o };
        drafts.push(born);
        next.push(born);
      }
    }
    for (const gone of unmatched) gone.until = i;
    live = next;
  }

  return finishTimeline(
    film,
    first,
    worlds[frames - 1]!,
    agentX,
    agentY,
    drafts.map(({ kind, colour, x, y, from, until }) => ({ kind, colour, x, y, from, until })),
  );
}

/** A compact recording read straight into a timeline: no world per move is built. */
function recordingTimeline(recording: Recording, film: EpisodeFilm): FilmTimeline | null {
  const frames = recordingFrames(recording);
  if (frames === 0) return null;
  const objects = recordingObjects(recording);
  const things = objects.map((o, i) => {
    const gone = recording.goneAt[i]!;
    return { ...pick(o), from: 0, until: gone < 0 ? Infinity : gone };
  });
  return finishTimeline(film, recordingWorld(recording, 0, objects), recordingWorld(recording, frames - 1, objects), Int16Array.from(recording.agentX), Int16Array.from(recording.agentY), things);
}

function finishTimeline(film: EpisodeFilm, first: World, last: World, agentX: Int16Array, agentY: Int16Array, things: readonly FilmThing[]): FilmTimeline {
  const frames = agentX.length;
  const rawDiverge = film.divergeAt;
  const divergeAt = rawDiverge === null || rawDiverge === undefined || !Number.isFinite(rawDiverge) ? -1 : Math.max(0, Math.min(frames - 1, Math.floor(rawDiverge)));
  const verdict = film.verdict ?? null;
  return {
    ghost: ghostOf(film, first.width, first.height),
    still: things.map((t) => t.from <= 0 && t.until === Infinity),
    frames,
    width: first.width,
    height: first.height,
    first,
    last,
    agentX,
    agentY,
    things,
    divergeAt,
    verdict,
    end: frames - 1 + (verdict === null ? CODA_WITHOUT_VERDICT : CODA_WITH_VERDICT),
  };
}

/** The ghost path, kept only while it stays on the grid (a path from elsewhere is not drawn). */
function ghostOf(film: EpisodeFilm, width: number, height: number): FilmTimeline['ghost'] {
  const path = film.ghost;
  if (path === null || path === undefined) return null;
  const n = Math.min(path.agentX.length, path.agentY.length);
  const x = new Int16Array(n);
  const y = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const px = path.agentX[i]!;
    const py = path.agentY[i]!;
    if (!(px >= 0 && px < width && py >= 0 && py < height)) return null;
    x[i] = px;
    y[i] = py;
  }
  return n > 0 ? { x, y } : null;
}

/** Where the agent stands at the end of the film, and whether something there would be hidden under it. */
export function endCovers(timeline: FilmTimeline): boolean {
  const last = timeline.frames - 1;
  const x = timeline.agentX[last]!;
  const y = timeline.agentY[last]!;
  if ((timeline.first.tiles[y * timeline.width + x] ?? 0) !== 0) return true;
  return timeline.things.some((t) => t.x === x && t.y === y && t.from <= last && t.until > last);
}

function pick(o: WorldObject): { kind: ObjectKind; colour: Colour; x: number; y: number } {
  return { kind: o.kind, colour: o.colour, x: o.x, y: o.y };
}

/** Speed factor of the film at pos: slow for the moves right after the divergence. */
export function paceAt(timeline: FilmTimeline, pos: number): number {
  const d = timeline.divergeAt;
  if (d < 0) return 1;
  return pos >= d && pos < Math.min(d + DIVERGENCE_MOVES, timeline.frames - 1) ? DIVERGENCE_PACE : 1;
}

/** The pos range over which the ring pulses around the agent (at least one move long). */
export function ringWindow(timeline: FilmTimeline): readonly [number, number] {
  const d = timeline.divergeAt;
  if (d < 0) return [Infinity, -Infinity];
  return [d, Math.max(Math.min(d + DIVERGENCE_MOVES, timeline.frames - 1), d + 1)];
}

/** Smooth start and stop for one move (cubic in-out). */
export function easeMove(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
}

/** Overshoot then settle, for pops (back-out). */
export function easeBackOut(t: number): number {
  const c1 = 1.70158;
  const c3 = c1 + 1;
  return 1 + c3 * Math.pow(t - 1, 3) + c1 * Math.pow(t - 1, 2);
}

/**
 * How many films a mosaic draws: as many as keep the stage under its image
 * budget (one image per object, plus the agent, its shadow and its marks),
 * at least one and at most the stage's limit. Every campaign suite fits (the
 * fullest, keys-chests, needs 1,200 images for its 100 worlds). A level full of objects shows
 * a few of its worlds rather than hundreds at under one frame a second.
 */
export const MOSAIC_IMAGE_BUDGET = 1200;
export const MOSAIC_MAX_FILMS = 128;
const IMAGES_PER_FILM = 5;

export function mosaicShare(objectsPerFilm: readonly number[], budget = MOSAIC_IMAGE_BUDGET): number {
  let images = 0;
  let count = 0;
  for (const objects of objectsPerFilm) {
    if (count >= MOSAIC_MAX_FILMS) break;
    images += objects + IMAGES_PER_FILM;
    if (images > budget && count > 0) break;
    count++;
  }
  return count;
}
