/**
 * Compact recordings of episodes: where the agent stood at each move and
 * when each object left the world — not a world snapshot per move.
 *
 * A recording is typed arrays only, so a worker can hand hundreds of them to
 * the page without the page rebuilding hundreds of thousands of objects. The
 * world only ever loses objects during an episode (pick-ups, opened chests),
 * so the start world's objects plus the frame each one left, plus the
 * agent's path, are the whole film. `recordingWorlds` rebuilds the worlds of
 * one recording when a view needs them (the close-up).
 *
 * Pure and deterministic: built from what `runEpisode` reports.
 */
import type { Episode } from './agent';
import { COLOUR_NAMES, EVENT_KINDS, OBJECT_KINDS, REMOVABLE_KINDS, type Colour, type EventKind, type ObjectKind } from './vocabulary';
import type { World, WorldObject, WorldRules } from './world';

export interface Recording {
  readonly width: number;
  readonly height: number;
  /** Row-major tiles (shared by every frame). */
  readonly tiles: Uint8Array;
  readonly maxSteps: number;
  /** Indices into EVENT_KINDS of the events that end an episode. */
  readonly terminalEvents: Uint8Array;
  readonly supervised: boolean;
  readonly audited: boolean;
  readonly triggered: boolean;
  /** Agent position per frame (frame 0 is the start). */
  readonly agentX: Uint8Array;
  readonly agentY: Uint8Array;
  /** Start objects: index into OBJECT_KINDS / COLOUR_NAMES, and position. */
  readonly objectKind: Uint8Array;
  readonly objectColour: Uint8Array;
  readonly objectX: Uint8Array;
  readonly objectY: Uint8Array;
  /** Per start object: the frame at which it left the world, or -1 if it stayed. */
  readonly goneAt: Int16Array;
  /** Keys held per frame. */
  readonly keys: Uint16Array;
}

const KIND_INDEX = new Map<ObjectKind, number>(OBJECT_KINDS.map((k, i) => [k, i]));
const COLOUR_INDEX = new Map<Colour, number>(COLOUR_NAMES.map((c, i) => [c, i]));
const EVENT_INDEX = new Map<EventKind, number>(EVENT_KINDS.map((e, i) => [e, i]));
/** Events that take the object under the agent out of the world. */
const REMOVING: ReadonlySet<EventKind> = new Set(REMOVABLE_KINDS);
const REMOVABLE: Readonly<Record<string, ObjectKind>> = Object.freeze(Object.assign(Object.create(null) as Record<string, ObjectKind>, Object.fromEntries(REMOVABLE_KINDS.map((k) => [k, k]))));

/**
 * Records an episode that was run from `start` (with or without its worlds
 * recorded): the agent's path from the step events, and which object each
 * pick-up took. An episode that ended by standing still gets one last frame
 * in place, as a recorded run has.
 */
export function recordEpisode(start: World, episode: Episode): Recording {
  const steps: { x: number; y: number }[] = [];
  const n = start.objects.length;
  const goneAt = new Int16Array(n).fill(-1);
  const keysAt: number[] = [start.keys];
  let keys = start.keys;
  for (const e of episode.events) {
    if (e.kind === 'step') {
      steps.push({ x: e.x, y: e.y });
      keysAt.push(keys);
      continue;
    }
    if (!REMOVING.has(e.kind)) continue;
    const kind = REMOVABLE[e.kind];
    for (let i = 0; i < n; i++) {
      const o = start.objects[i]!;
      if (goneAt[i] === -1 && o.kind === kind && o.x === e.x && o.y === e.y) {
        goneAt[i] = e.t;
        break;
      }
    }
    keys += e.kind === 'key' ? 1 : e.kind === 'chest' ? -1 : 0;
    keysAt[keysAt.length - 1] = keys;
  }
  // Standing still ends the episode early (runEpisode skips the idle steps): one frame in place.
  if (episode.idleSteps > 0 || (episode.final.done && episode.final.t > steps.length)) {
    const last = steps.at(-1) ?? { x: start.agentX, y: start.agentY };
    steps.push(last);
    keysAt.push(keys);
  }
  const frames = steps.length + 1;
  const agentX = new Uint8Array(frames);
  const agentY = new Uint8Array(frames);
  agentX[0] = start.agentX;
  agentY[0] = start.agentY;
  steps.forEach((s, i) => {
    agentX[i + 1] = s.x;
    agentY[i + 1] = s.y;
  });
  return {
    width: start.width,
    height: start.height,
    tiles: start.tiles,
    maxSteps: start.rules.maxSteps,
    terminalEvents: Uint8Array.from([...start.rules.terminalEvents].map((e) => EVENT_INDEX.get(e)!)),
    supervised: start.supervised,
    audited: start.audited,
    triggered: start.triggered,
    agentX,
    agentY,
    objectKind: Uint8Array.from(start.objects, (o) => KIND_INDEX.get(o.kind)!),
    objectColour: Uint8Array.from(start.objects, (o) => COLOUR_INDEX.get(o.colour)!),
    objectX: Uint8Array.from(start.objects, (o) => o.x),
    objectY: Uint8Array.from(start.objects, (o) => o.y),
    goneAt,
    keys: Uint16Array.from(keysAt),
  };
}

export function recordingFrames(recording: Recording): number {
  return recording.agentX.length;
}

/** The objects of a recording's start world, in order. */
export function recordingObjects(recording: Recording): WorldObject[] {
  const objects: WorldObject[] = [];
  for (let i = 0; i < recording.objectKind.length; i++) {
    objects.push({
      kind: OBJECT_KINDS[recording.objectKind[i]!]!,
      colour: COLOUR_NAMES[recording.objectColour[i]!]!,
      x: recording.objectX[i]!,
      y: recording.objectY[i]!,
    });
  }
  return objects;
}

/** The world at one frame of a recording. */
export function recordingWorld(recording: Recording, frame: number, objects: readonly WorldObject[] = recordingObjects(recording)): World {
  const last = recordingFrames(recording) - 1;
  const f = Math.max(0, Math.min(last, Math.floor(frame)));
  const rules: WorldRules = { maxSteps: recording.maxSteps, terminalEvents: new Set([...recording.terminalEvents].map((i) => EVENT_KINDS[i]!)) };
  return {
    width: recording.width,
    height: recording.height,
    tiles: recording.tiles,
    objects: objects.filter((_, i) => recording.goneAt[i]! === -1 || recording.goneAt[i]! > f),
    agentX: recording.agentX[f]!,
    agentY: recording.agentY[f]!,
    keys: recording.keys[f] ?? 0,
    t: f,
    done: f === last && f > 0,
    supervised: recording.supervised,
    audited: recording.audited,
    triggered: recording.triggered,
    rules,
  };
}

/**
 * Every world of a recording, for a view that plays one film. Successive
 * worlds share their objects array until an object leaves, as `step` does.
 */
export function recordingWorlds(recording: Recording): World[] {
  const all = recordingObjects(recording);
  const frames = recordingFrames(recording);
  const first = recordingWorld(recording, 0, all);
  const worlds: World[] = [first];
  let objects = first.objects;
  for (let f = 1; f < frames; f++) {
    let changed = false;
    for (let i = 0; i < all.length && !changed; i++) changed = recording.goneAt[i] === f;
    if (changed) objects = all.filter((_, i) => recording.goneAt[i]! === -1 || recording.goneAt[i]! > f);
    worlds.push({ ...worlds[f - 1]!, objects, agentX: recording.agentX[f]!, agentY: recording.agentY[f]!, keys: recording.keys[f] ?? 0, t: f, done: f === frames - 1 });
  }
  return worlds;
}

/** The first frame where two recordings of the same start put the agent in different places (null if never). */
export function recordingDivergence(trained: Recording, intended: Recording): number | null {
  return pathDivergence(trained, intended);
}

/**
 * The first frame where two paths from the same start put the agent in
 * different places; if one path is a prefix of the other, the last frame of
 * the shorter one (where one agent stops and the other goes on); null if the
 * two are the same.
 */
export function pathDivergence(
  a: { readonly agentX: ArrayLike<number>; readonly agentY: ArrayLike<number> },
  b: { readonly agentX: ArrayLike<number>; readonly agentY: ArrayLike<number> },
): number | null {
  const n = Math.min(a.agentX.length, b.agentX.length);
  for (let i = 1; i < n; i++) {
    if (a.agentX[i] !== b.agentX[i] || a.agentY[i] !== b.agentY[i]) return i;
  }
  return a.agentX.length !== b.agentX.length ? n - 1 : null;
}

/** The typed arrays a recording owns, to transfer it between threads without copying. */
export function recordingBuffers(recording: Recording): ArrayBuffer[] {
  return [recording.agentX, recording.agentY, recording.objectKind, recording.objectColour, recording.objectX, recording.objectY, recording.goneAt, recording.keys, recording.terminalEvents].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
