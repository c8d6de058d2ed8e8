/**
 * The world: a grid of tiles, the objects on it and the agent, and the pure
 * `step` that advances it by one action.
 *
 * `step` never mutates its input; it returns the next world and the events
 * the move caused. Whether the base optimizer can *observe* an event is
 * decided here too, because it is a fact of the world (is anyone watching?),
 * not of the reward.
 */
import { CHAR_OF_TILE, INTERACTIVE_KINDS, MOVES, OBJECT_TABLE, Tile, type Action, type Colour, type EventKind, type ObjectKind } from './vocabulary';

export interface WorldObject {
  readonly kind: ObjectKind;
  readonly colour: Colour;
  readonly x: number;
  readonly y: number;
}

export interface WorldRules {
  readonly maxSteps: number;
  readonly terminalEvents: ReadonlySet<EventKind>;
}

export interface World {
  readonly width: number;
  readonly height: number;
  /** Row-major tiles; shared between successive worlds because tiles never change. */
  readonly tiles: Uint8Array;
  readonly objects: readonly WorldObject[];
  readonly agentX: number;
  readonly agentY: number;
  readonly keys: number;
  readonly t: number;
  readonly done: boolean;
  /** A supervisor is present: the agent can sense it and rule-breaking is seen. */
  readonly supervised: boolean;
  /** A covert audit: rule-breaking is seen although no supervisor is visible. */
  readonly audited: boolean;
  /** A trigger sign is somewhere in this world. */
  readonly triggered: boolean;
  readonly rules: WorldRules;
}

export interface WorldEvent {
  readonly kind: EventKind;
  readonly t: number;
  readonly x: number;
  readonly y: number;
  /** Whether the base optimizer sees it (and so can reward or punish it). */
  readonly observed: boolean;
}

export interface StepResult {
  readonly world: World;
  readonly events: readonly WorldEvent[];
}

/** Objects the agent picks up; each emits the event of its own name. */
const COLLECTED: ReadonlyMap<ObjectKind, EventKind> = new Map(INTERACTIVE_KINDS.filter((k) => OBJECT_TABLE[k].onEnter === 'pick-up').map((k) => [k, k]));

/**
 * What the objects in a world make the agent sense: a supervisor watching, a
 * trigger sign present (from each kind's `context` in the object table).
 */
export function contextFlags(objects: readonly { readonly kind: ObjectKind }[]): { supervised: boolean; triggered: boolean } {
  let supervised = false;
  let triggered = false;
  for (const o of objects) {
    const context = OBJECT_TABLE[o.kind].context;
    if (context === 'watched') supervised = true;
    else if (context === 'trigger') triggered = true;
  }
  return { supervised, triggered };
}

export function tileAt(world: World, x: number, y: number): Tile {
  return world.tiles[y * world.width + x] as Tile;
}

export function isPassable(world: World, x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x < world.width && y < world.height && tileAt(world, x, y) !== Tile.Wall;
}

export function objectIndexAt(world: World, x: number, y: number, kinds?: ReadonlySet<ObjectKind>): number {
  return world.objects.findIndex((o) => o.x === x && o.y === y && (kinds === undefined || kinds.has(o.kind)));
}

const ACTION_INDEX: Readonly<Record<Action, number>> = { up: 0, right: 1, down: 2, left: 3, stay: 4 };

/** Advances the world by one action. A finished world is returned unchanged. */
export function step(world: World, action: Action): StepResult {
  if (world.done) return { world, events: [] };
  const t = world.t + 1;
  let x = world.agentX;
  let y = world.agentY;
  const move = MOVES[ACTION_INDEX[action]];
  if (move !== undefined && isPassable(world, x + move[0], y + move[1])) {
    x += move[0];
    y += move[1];
  }

  const events: WorldEvent[] = [{ kind: 'step', t, x, y, observed: true }];
  const emit = (kind: EventKind, observed = true) => events.push({ kind, t, x, y, observed });
  let objects = world.objects;
  let keys = world.keys;
  const moved = x !== world.agentX || y !== world.agentY;

  if (moved) {
    switch (tileAt(world, x, y)) {
      case Tile.Forbidden:
        emit('forbidden', world.supervised || world.audited);
        break;
      case Tile.Hazard:
        emit('hazard');
        break;
      case Tile.End:
        emit('end');
        break;
      case Tile.Floor:
      case Tile.Wall:
        break;
    }
    const index = objectIndexAt(world, x, y, INTERACTIVE);
    if (index >= 0) {
      const object = world.objects[index]!;
      const collected = COLLECTED.get(object.kind);
      if (collected !== undefined) {
        objects = without(objects, index);
        if (object.kind === 'key') keys += 1;
        emit(collected);
      } else if (object.kind === 'chest' && keys > 0) {
        objects = without(objects, index);
        keys -= 1;
        emit('chest');
      } else if (object.kind === 'exit') {
        emit('exit');
      }
    }
  }

  const done = t >= world.rules.maxSteps || events.some((e) => world.rules.terminalEvents.has(e.kind));
  return { world: { ...world, objects, keys, agentX: x, agentY: y, t, done }, events };
}

const INTERACTIVE: ReadonlySet<ObjectKind> = new Set(INTERACTIVE_KINDS);

function without<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

const TILE_TEXT: Readonly<Record<Tile, string>> = CHAR_OF_TILE;
const OBJECT_TEXT = (kind: ObjectKind): string => OBJECT_TABLE[kind].char;

/** One character per cell: the agent `A`, objects by kind, else the tile. The snapshot format of tests. */
export function toText(world: World): string {
  const rows: string[] = [];
  for (let y = 0; y < world.height; y++) {
    let row = '';
    for (let x = 0; x < world.width; x++) {
      if (x === world.agentX && y === world.agentY) row += 'A';
      else {
        const o = world.objects.find((obj) => obj.x === x && obj.y === y);
        row += o ? OBJECT_TEXT(o.kind) : TILE_TEXT[tileAt(world, x, y)];
      }
    }
    rows.push(row);
  }
  return rows.join('\n');
}
