/**
 * Worlds from a level's generator: the training and deployment distributions.
 *
 * Both distributions run the same spawn rules; they differ only in knob
 * values (DESIGN §1: "two settings of those knobs"). A world takes one
 * number from the Rng passed in and derives every choice inside it from
 * that, so a seed fixes the world.
 */
import type { Level, Placement, Quantity, Region, SpawnRule } from './level';
import { Rng, deriveSeed } from './random';
import { own } from './plainNames';
import { contextFlags, type World, type WorldObject, type WorldRules } from './world';
import { MOVES, TILE_BY_CHAR, Tile, type Colour, type EventKind, type ObjectKind, type TileChar } from './vocabulary';

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
 * Samples one world. It takes one number from `rng` (the world's seed); every
 * random choice inside the world comes from a stream of its own derived from
 * that seed: one for the start, one per object rule (named by its kind and
 * its place among the rules of that kind), one for the covert audit. So
 * adding, removing or reordering object rules never changes where unrelated
 * objects land — only an object that would land on a cell another object
 * already holds moves, to the next free cell of its region.
 *
 * Objects go on free floor cells of their region; if a region is full the
 * object is left out rather than stacked, so a crowded editor level still
 * generates. Objects placed beside another kind are placed after every
 * object with a region of its own, so they know where their anchor landed.
 */
export function generateWorld(level: Level, knobs: KnobValues, rng: Rng): World {
  const terrain = terrainOf(level);
  const worldSeed = Math.floor(rng.uniform() * TWO_POW_32) | 0;
  const occupied = new Set<number>();
  // The agent starts on floor only; the schema guarantees the region has some.
  const startCells = regionCells(level.world.start, terrain).filter((c) => terrain.tiles[c] === Tile.Floor);
  const start = Rng.fromSeed(deriveSeed(worldSeed, 'start')).pick(startCells);
  occupied.add(start);

  const draws = drawRules(level, knobs, worldSeed);
  const objects: WorldObject[] = [];
  for (const draw of draws) if (draw.present && !('beside' in draw.at)) placeRule(draw, regionCells(draw.at, terrain), terrain, occupied, objects);
  for (const draw of draws) if (draw.present && 'beside' in draw.at) placeRule(draw, besideCells(draw.at.beside, objects, terrain), terrain, occupied, objects);

  const { supervised, triggered } = contextFlags(objects);
  const audited = !supervised && Rng.fromSeed(deriveSeed(worldSeed, 'audit')).chance(resolve(level.world.auditChance, knobs));
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
    triggered,
    rules: terrain.rules,
  };
}

const TWO_POW_32 = 0x100000000;

/** One object rule in one world: its own stream, and what its presence and variants drew from it. */
interface RuleDraw {
  readonly rule: SpawnRule;
  readonly rng: Rng;
  readonly present: boolean;
  readonly at: Placement;
  readonly colour: Colour | readonly Colour[];
  readonly count: number;
}

/** The name of each rule's stream: its kind and its place among the rules of that kind ("coin:0", "coin:1", "gem:0"). */
export function objectStreamNames(level: Level): string[] {
  const seen = new Map<string, number>();
  return level.objects.map((rule) => {
    const n = seen.get(rule.kind) ?? 0;
    seen.set(rule.kind, n + 1);
    return `object:${rule.kind}:${n}`;
  });
}

function drawRules(level: Level, knobs: KnobValues, worldSeed: number): RuleDraw[] {
  const names = objectStreamNames(level);
  return level.objects.map((rule, i) => {
    const rng = Rng.fromSeed(deriveSeed(worldSeed, names[i]!));
    const present = rng.chance(resolve(rule.presence, knobs));
    let at: Placement = rule.at;
    let colour: Colour | readonly Colour[] = rule.colour;
    for (const variant of rule.variants) {
      if (rng.chance(resolve(variant.chance, knobs))) {
        if (variant.at) at = variant.at;
        if (variant.colour) colour = variant.colour;
      }
    }
    const count = Math.max(0, Math.min(64, Math.round(resolve(rule.count, knobs))));
    return { rule, rng, present, at, colour, count };
  });
}

/** Floor cells up, down, left or right of every object of a kind, in cell order. */
function besideCells(kind: ObjectKind, objects: readonly WorldObject[], terrain: Terrain): number[] {
  const cells = new Set<number>();
  for (const o of objects) {
    if (o.kind !== kind) continue;
    for (const [dx, dy] of MOVES) {
      const x = o.x + dx;
      const y = o.y + dy;
      if (x >= 0 && y >= 0 && x < terrain.width && y < terrain.height && terrain.tiles[y * terrain.width + x] === Tile.Floor) cells.add(y * terrain.width + x);
    }
  }
  return [...cells].sort((a, b) => a - b);
}

/**
 * Places a rule's objects on its candidate cells, drawing only from the
 * rule's own stream: each object draws a cell among those this rule has not
 * used yet; if another object already holds it, the object takes the next
 * free candidate instead, so the number of draws never depends on the others.
 */
function placeRule(draw: RuleDraw, candidates: number[], terrain: Terrain, occupied: Set<number>, out: WorldObject[]): void {
  const { rule, rng } = draw;
  for (let i = 0; i < draw.count && candidates.length > 0; i++) {
    let j = rng.int(candidates.length);
    const colour = pickColour(draw.colour, rng);
    let tries = 0;
    while (occupied.has(candidates[j]!) && tries < candidates.length) {
      j = (j + 1) % candidates.length;
      tries++;
    }
    if (tries === candidates.length) return;
    const cell = candidates.splice(j, 1)[0]!;
    occupied.add(cell);
    out.push({ kind: rule.kind, colour, x: cell % terrain.width, y: Math.floor(cell / terrain.width) });
  }
}
