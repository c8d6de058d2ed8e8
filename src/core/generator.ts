/**
 * Worlds from a level's generator: the training and deployment distributions.
 *
 * Both distributions run the same spawn rules; they differ only in knob
 * values (DESIGN §1: "two settings of those knobs"). Every random choice
 * comes from the Rng passed in, so a seed fixes the world.
 */
import type { Level, Quantity, Region, SpawnRule } from './level';
import type { Rng } from './random';
import { own } from './plainNames';
import type { World, WorldObject, WorldRules } from './world';
import { TILE_BY_CHAR, Tile, type Colour, type EventKind, type TileChar } from './vocabulary';

export type Side = 'training' | 'deployment';
export type KnobValues = Readonly<Record<string, number>>;

/** The knob values of one side, with a player's overrides (training only). */
export function knobValues(level: Level, side: Side, overrides: KnobValues = {}): KnobValues {
  const values: Record<string, number> = {};
  for (const [name, knob] of Object.entries(level.knobs)) {
    values[name] = side === 'training' && Object.hasOwn(overrides, name) ? overrides[name]! : knob[side];
  }
  return values;
}

export function resolve(quantity: Quantity, knobs: KnobValues): number {
  return typeof quantity === 'number' ? quantity : (own(knobs, quantity.knob) ?? 0);
}

/** The fixed part of every world of a level: tiles and rules. */
export interface Terrain {
  readonly width: number;
  readonly height: number;
  readonly tiles: Uint8Array;
  readonly rules: WorldRules;
}

const terrainCache = new WeakMap<Level, Terrain>();

export function terrainOf(level: Level): Terrain {
  let terrain = terrainCache.get(level);
  if (terrain === undefined) {
    const map = level.world.map;
    const width = map[0]!.length;
    const height = map.length;
    const tiles = new Uint8Array(width * height);
    map.forEach((row, y) => {
      for (let x = 0; x < width; x++) tiles[y * width + x] = TILE_BY_CHAR[row[x] as TileChar];
    });
    terrain = {
      width,
      height,
      tiles,
      rules: { maxSteps: level.world.maxSteps, terminalEvents: new Set<EventKind>(level.world.terminalEvents) },
    };
    terrainCache.set(level, terrain);
  }
  return terrain;
}

/**
 * The cells of a region an object may stand on. Rectangles and "anywhere"
 * take floor only; cells listed one by one may be any walkable tile, so a
 * level can put the coin in the finish gate on purpose.
 */
function regionCells(region: Region, terrain: Terrain): number[] {
  const cells: number[] = [];
  const tileAt = (x: number, y: number) => terrain.tiles[y * terrain.width + x];
  const addIfFloor = (x: number, y: number) => {
    if (x < terrain.width && y < terrain.height && tileAt(x, y) === Tile.Floor) cells.push(y * terrain.width + x);
  };
  if ('rect' in region) {
    const [x0, y0, x1, y1] = region.rect;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) addIfFloor(x, y);
  } else if ('cells' in region) {
    for (const [x, y] of region.cells) {
      if (x < terrain.width && y < terrain.height && tileAt(x, y) !== Tile.Wall) cells.push(y * terrain.width + x);
    }
  } else {
    for (let y = 0; y < terrain.height; y++) for (let x = 0; x < terrain.width; x++) addIfFloor(x, y);
  }
  return cells;
}

function pickColour(choice: Colour | readonly Colour[], rng: Rng): Colour {
  return typeof choice === 'string' ? choice : rng.pick(choice);
}

/**
 * Samples one world. Objects go on free floor cells of their region; if a
 * region is full the object is left out rather than stacked, so a crowded
 * editor level still generates.
 */
export function generateWorld(level: Level, knobs: KnobValues, rng: Rng): World {
  const terrain = terrainOf(level);
  const occupied = new Set<number>();
  // The agent starts on floor only; the schema guarantees the region has some.
  const startCells = regionCells(level.world.start, terrain).filter((c) => terrain.tiles[c] === Tile.Floor);
  const start = rng.pick(startCells);
  occupied.add(start);

  const objects: WorldObject[] = [];
  for (const rule of level.objects) placeRule(rule, knobs, terrain, rng, occupied, objects);

  const supervised = objects.some((o) => o.kind === 'supervisor');
  const audited = !supervised && rng.chance(resolve(level.world.auditChance, knobs));
  return {
    width: terrain.width,
    height: terrain.height,
    tiles: terrain.tiles,
    objects,
    agentX: start % terrain.width,
    agentY: Math.floor(start / terrain.width),
    keys: 0,
    t: 0,
    done: false,
    supervised,
    audited,
    triggered: objects.some((o) => o.kind === 'trigger'),
    rules: terrain.rules,
  };
}

function placeRule(
  rule: SpawnRule,
  knobs: KnobValues,
  terrain: Terrain,
  rng: Rng,
  occupied: Set<number>,
  out: WorldObject[],
): void {
  // Presence and variants are drawn before the early return, so a rule that
  // is absent still uses the same draws and later rules land where they would.
  const present = rng.chance(resolve(rule.presence, knobs));
  let region = rule.at;
  let colour: Colour | readonly Colour[] = rule.colour;
  for (const variant of rule.variants) {
    if (rng.chance(resolve(variant.chance, knobs))) {
      if (variant.at) region = variant.at;
      if (variant.colour) colour = variant.colour;
    }
  }
  if (!present) return;
  const count = Math.max(0, Math.min(64, Math.round(resolve(rule.count, knobs))));
  const free = regionCells(region, terrain).filter((c) => !occupied.has(c));
  for (let i = 0; i < count && free.length > 0; i++) {
    const cell = free.splice(rng.int(free.length), 1)[0]!;
    occupied.add(cell);
    out.push({ kind: rule.kind, colour: pickColour(colour, rng), x: cell % terrain.width, y: Math.floor(cell / terrain.width) });
  }
}
