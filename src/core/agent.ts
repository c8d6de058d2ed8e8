/**
 * The agent: a mesa-optimizer. Its mesa-objective is a weight per perceived
 * feature (some split by a context bit such as watched/unwatched); its
 * utility for a cell is U = w · φ(cell); the planner chooses the actions that
 * maximise it.
 *
 * This module owns perception (what the agent can see, remember and sense)
 * and runs whole episodes. An agent never reads the reward or the level's
 * hypotheses: it only knows its weights and what it perceives.
 */
import { weightLayout, weightNames, type Level } from './level';
import { terrainOf } from './generator';
import { Planner, neighbourTable, type PlanGrid } from './planner';
import { step, type World, type WorldEvent } from './world';
import { BESIDE_OBJECT_KINDS, BESIDE_TILES, COLOUR_NAMES, INTERACTIVE_KINDS, MOVES, OBJECT_FEATURES, Tile, type Action, type ContextBit, type Feature, type ObjectKind } from './vocabulary';

/** A trained (or reference) mind: named weights in the level's order. */
export interface Mind {
  readonly names: readonly string[];
  readonly weights: Float64Array;
  /**
   * How far this agent sees, when its training chose a view radius other
   * than the level's (`TrainingConfig.viewRadius`); left out, the level's.
   * It belongs to the agent: it plays every world, probe and deployment with it.
   */
  readonly viewRadius?: number | null;
}

/**
 * A mind from named weights. `viewRadius` gives it another view radius than
 * the level's: a reference agent compared with a trained one sees as far as
 * that agent does, so the two differ only in what they want.
 */
export function mindFromRecord(level: Level, record: Readonly<Record<string, number>>, viewRadius?: number | null): Mind {
  const names = weightNames(level.agent);
  const weights = Float64Array.from(names, (n) => record[n] ?? 0);
  return viewRadius === undefined ? { names, weights } : { names, weights, viewRadius };
}

/** The view radius a mind plays with in a level (null: the whole world). */
export function viewRadiusOf(level: Level, mind: Pick<Mind, 'viewRadius'>): number | null {
  return mind.viewRadius === undefined ? level.agent.viewRadius : mind.viewRadius;
}

export function mindToRecord(mind: Mind): Record<string, number> {
  const out: Record<string, number> = {};
  mind.names.forEach((n, i) => (out[n] = mind.weights[i]!));
  return out;
}

/** Per-level facts the agent's perception needs, computed once. */
interface Anatomy {
  readonly grid: PlanGrid;
  /** For each feature the agent has: which weight index to use in each context. */
  readonly slots: readonly { feature: Feature; index: readonly [number, number]; bit: ContextBit | null }[];
  /** Per cell, the value of each static (position or tile) feature. */
  readonly staticMasks: ReadonlyMap<Feature, Float64Array>;
}

const anatomyCache = new WeakMap<Level, Anatomy>();
const CORNER = 3;

function anatomyOf(level: Level): Anatomy {
  const cached = anatomyCache.get(level);
  if (cached) return cached;
  const terrain = terrainOf(level);
  const { width, height, tiles } = terrain;
  const n = width * height;
  const passable = new Uint8Array(n);
  const terminal = new Uint8Array(n);
  const terminalTiles = new Set<Tile>();
  if (terrain.rules.terminalEvents.has('end')) terminalTiles.add(Tile.End);
  if (terrain.rules.terminalEvents.has('hazard')) terminalTiles.add(Tile.Hazard);
  for (let c = 0; c < n; c++) {
    passable[c] = tiles[c] === Tile.Wall ? 0 : 1;
    terminal[c] = terminalTiles.has(tiles[c] as Tile) ? 1 : 0;
  }

  const slots = weightLayout(level.agent).map(({ feature, bit, index }) => ({ feature, bit, index: bit ? ([index, index + 1] as const) : ([index, index] as const) }));

  const staticMasks = new Map<Feature, Float64Array>();
  const maskOf = (value: (x: number, y: number, tile: Tile) => number) => {
    const mask = new Float64Array(n);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) mask[y * width + x] = value(x, y, tiles[y * width + x] as Tile);
    return mask;
  };
  // A corner feature is 1 in the corner tile and fades to 0 over CORNER tiles,
  // so an agent that values it walks into the very corner.
  const corner = (x: number, y: number, cx: number, cy: number) => Math.max(0, CORNER - Math.max(Math.abs(x - cx), Math.abs(y - cy))) / CORNER;
  const values: Partial<Record<Feature, (x: number, y: number, tile: Tile) => number>> = {
    'right-edge': (x) => (x === width - 1 ? 1 : 0),
    'left-edge': (x) => (x === 0 ? 1 : 0),
    'top-edge': (_, y) => (y === 0 ? 1 : 0),
    'bottom-edge': (_, y) => (y === height - 1 ? 1 : 0),
    'top-left-corner': (x, y) => corner(x, y, 0, 0),
    'top-right-corner': (x, y) => corner(x, y, width - 1, 0),
    'bottom-left-corner': (x, y) => corner(x, y, 0, height - 1),
    'bottom-right-corner': (x, y) => corner(x, y, width - 1, height - 1),
    forbidden: (_, __, t) => (t === Tile.Forbidden ? 1 : 0),
    hazard: (_, __, t) => (t === Tile.Hazard ? 1 : 0),
    end: (_, __, t) => (t === Tile.End ? 1 : 0),
  };
  // Next to a kind of tile: 1 where a neighbour (up, down, left, right) is one.
  for (const [kind, tile] of Object.entries(BESIDE_TILES)) {
    values[`next-to-${kind}` as Feature] = (x, y) => (MOVES.some(([dx, dy]) => x + dx >= 0 && y + dy >= 0 && x + dx < width && y + dy < height && tiles[(y + dy) * width + x + dx] === tile) ? 1 : 0);
  }
  for (const slot of slots) {
    const value = values[slot.feature];
    if (value) staticMasks.set(slot.feature, maskOf(value));
  }
  const anatomy: Anatomy = { grid: { width, height, passable, terminal, neighbours: neighbourTable(width, height, passable) }, slots, staticMasks };
  anatomyCache.set(level, anatomy);
  return anatomy;
}

/** The context bits the agent senses in a world. */
export interface Senses {
  /** False in a covert audit: the agent's watched sense reads "unwatched". */
  readonly watchedSense: boolean;
}

export function contextOf(world: World, senses: Senses): Record<ContextBit, boolean> {
  return { watched: world.supervised && senses.watchedSense, trigger: world.triggered, holding: world.keys > 0 };
}

/** Object kinds whose pickup (or opening, or leaving by) ends the episode in this level. */
function endingKindsOf(level: Level): ReadonlySet<ObjectKind> {
  const events = new Set<string>(level.world.terminalEvents);
  return new Set(INTERACTIVE_KINDS.filter((kind) => events.has(kind)));
}

const OBJECT_FEATURE_KINDS: ReadonlySet<ObjectKind> = new Set(OBJECT_FEATURES);
const BESIDE_FEATURE_KIND: ReadonlyMap<string, ObjectKind> = new Map(BESIDE_OBJECT_KINDS.map((k) => [`next-to-${k}`, k]));
const COLOUR_SET: ReadonlySet<string> = new Set(COLOUR_NAMES);

/**
 * One agent living through one episode: what it has seen, what it wants, and
 * its current plan. Kept in typed arrays and replanned only when what it
 * perceives changes, because training runs thousands of episodes.
 */
export class AgentEpisode {
  private readonly anatomy: Anatomy;
  private readonly planner: Planner;
  /** 1 for cells the agent has seen (objects there are known). */
  readonly seen: Uint8Array;
  readonly utility: Float64Array;
  private readonly staticUtility: Float64Array;
  private readonly objectWeight = new Map<string, number>();
  /** Weights of "next to an object of this kind" features. */
  private readonly besideWeight = new Map<ObjectKind, number>();
  /** Scratch marks for the cells next to one kind of object, so a cell next to two trees counts once. */
  private readonly besideMark: Uint32Array;
  private besideStamp = 0;
  /** Cells whose entry ends the episode: terminal tiles, and seen objects whose pickup ends it. */
  private readonly terminal: Uint8Array;
  private readonly endingKinds: ReadonlySet<ObjectKind>;
  private unexploredWeight = 0;
  private readonly viewRadius: number | null;
  private planFresh = false;
  /** The context bits the current weights were resolved for, as a small bit pattern. */
  private contextKey = -1;

  constructor(
    level: Level,
    private readonly mind: Mind,
    world: World,
    private readonly senses: Senses = { watchedSense: true },
  ) {
    this.anatomy = anatomyOf(level);
    const { width, height } = this.anatomy.grid;
    const n = width * height;
    this.terminal = Uint8Array.from(this.anatomy.grid.terminal);
    this.endingKinds = endingKindsOf(level);
    this.planner = new Planner({ ...this.anatomy.grid, terminal: this.terminal }, level.agent.discount);
    this.seen = new Uint8Array(n);
    this.utility = new Float64Array(n);
    this.staticUtility = new Float64Array(n);
    this.besideMark = new Uint32Array(n);
    this.viewRadius = viewRadiusOf(level, mind);

    this.applyContext(world);
    if (this.viewRadius === null) this.seen.fill(1);
    this.observe(world);
  }

  /**
   * Resolves which weight each feature uses in the current context (watched,
   * trigger, holding a key). Holding changes during an episode, so this runs
   * again whenever the world changes.
   */
  private applyContext(world: World): void {
    const context = contextOf(world, this.senses);
    const key = (context.watched ? 1 : 0) | (context.trigger ? 2 : 0) | (context.holding ? 4 : 0);
    if (key === this.contextKey) return;
    this.contextKey = key;
    const n = this.staticUtility.length;
    this.staticUtility.fill(0);
    this.objectWeight.clear();
    this.besideWeight.clear();
    this.unexploredWeight = 0;
    for (const slot of this.anatomy.slots) {
      const w = this.mind.weights[slot.bit && !context[slot.bit] ? slot.index[1] : slot.index[0]]!;
      const mask = this.anatomy.staticMasks.get(slot.feature);
      if (mask) {
        for (let c = 0; c < n; c++) if (mask[c]) this.staticUtility[c]! += w * mask[c]!;
      } else if (slot.feature === 'unexplored') {
        this.unexploredWeight = w;
      } else if (BESIDE_FEATURE_KIND.has(slot.feature)) {
        this.besideWeight.set(BESIDE_FEATURE_KIND.get(slot.feature)!, w);
      } else {
        this.objectWeight.set(slot.feature, w);
      }
    }
  }

  /** Marks newly visible cells as seen; returns whether the agent's view of what matters changed. */
  private observe(world: World): boolean {
    if (this.viewRadius === null) return false;
    const { width, height } = this.anatomy.grid;
    const r = this.viewRadius;
    let changed = false;
    const x0 = Math.max(0, world.agentX - r);
    const x1 = Math.min(width - 1, world.agentX + r);
    const y0 = Math.max(0, world.agentY - r);
    const y1 = Math.min(height - 1, world.agentY + r);
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const c = y * width + x;
        if (this.seen[c]) continue;
        this.seen[c] = 1;
        if (this.unexploredWeight !== 0) changed = true;
        else if (!changed) changed = world.objects.some((o) => o.x === x && o.y === y);
      }
    }
    return changed;
  }

  private computeUtility(world: World): void {
    this.applyContext(world);
    const u = this.utility;
    u.set(this.staticUtility);
    if (this.unexploredWeight !== 0) {
      const { passable } = this.anatomy.grid;
      for (let c = 0; c < u.length; c++) if (!this.seen[c] && passable[c]) u[c]! += this.unexploredWeight;
    }
    // The agent knows that picking up some things ends the run (a star, the
    // gem, the exit): it will not plan a path through them to reach another.
    if (this.endingKinds.size > 0) {
      this.terminal.set(this.anatomy.grid.terminal);
      for (const o of world.objects) {
        if (!this.endingKinds.has(o.kind) || (o.kind === 'chest' && world.keys === 0)) continue;
        const c = o.y * world.width + o.x;
        if (this.seen[c]) this.terminal[c] = 1;
      }
    }
    if (this.objectWeight.size > 0) {
      for (const o of world.objects) {
        if (!OBJECT_FEATURE_KINDS.has(o.kind)) continue;
        const c = o.y * world.width + o.x;
        if (!this.seen[c]) continue;
        u[c]! += (this.objectWeight.get(o.kind) ?? 0) + (COLOUR_SET.has(o.colour) ? (this.objectWeight.get(o.colour) ?? 0) : 0);
      }
    }
    for (const [kind, w] of this.besideWeight) {
      if (w === 0) continue;
      const stamp = ++this.besideStamp;
      const { width, height, passable } = this.anatomy.grid;
      for (const o of world.objects) {
        if (o.kind !== kind || !this.seen[o.y * width + o.x]) continue;
        for (const [dx, dy] of MOVES) {
          const x = o.x + dx;
          const y = o.y + dy;
          if (x < 0 || y < 0 || x >= width || y >= height) continue;
          const c = y * width + x;
          if (!passable[c] || this.besideMark[c] === stamp) continue;
          this.besideMark[c] = stamp;
          u[c]! += w;
        }
      }
    }
  }

  /** The action the agent takes in `world`, replanning only when needed. */
  act(world: World, objectsChanged: boolean): Action {
    const viewChanged = this.observe(world);
    if (!this.planFresh || viewChanged || objectsChanged) {
      this.computeUtility(world);
      // An exploring agent sees new cells (and replans) at almost every step,
      // so plan only as far as this step's choice needs, and replan next time.
      const exploring = this.unexploredWeight !== 0;
      this.planner.plan(this.utility, exploring ? world.agentY * world.width + world.agentX : -1);
      this.planFresh = !exploring;
    }
    return this.planner.bestAction(this.utility, world.agentX, world.agentY).action;
  }

  /** The current value of every cell under the agent's objective (the lens's heat-map). */
  valueMap(world: World): Float64Array {
    this.computeUtility(world);
    return Float64Array.from(this.planner.plan(this.utility));
  }
}

export interface Episode {
  readonly worlds: readonly World[];
  readonly actions: readonly Action[];
  readonly events: readonly WorldEvent[];
  readonly final: World;
  /** Steps the agent spent standing still after it stopped wanting anything reachable. */
  readonly idleSteps: number;
}

/**
 * Runs one episode of an agent in a world. When the agent chooses to stand
 * still in a world it cannot change, nothing will ever change again, so the
 * remaining steps are skipped (their step events are counted in idleSteps).
 */
export function runEpisode(level: Level, mind: Mind, start: World, senses?: Senses, record = false): Episode {
  const agent = new AgentEpisode(level, mind, start, senses);
  let world = start;
  const events: WorldEvent[] = [];
  const worlds: World[] = record ? [start] : [];
  const actions: Action[] = [];
  let objectsChanged = false;
  let idleSteps = 0;
  while (!world.done) {
    const action = agent.act(world, objectsChanged);
    if (action === 'stay') {
      idleSteps = world.rules.maxSteps - world.t;
      world = { ...world, t: world.rules.maxSteps, done: true };
      if (record) {
        worlds.push(world);
        actions.push('stay');
      }
      break;
    }
    const result = step(world, action);
    objectsChanged = result.world.objects !== world.objects;
    world = result.world;
    for (const e of result.events) events.push(e);
    if (record) {
      worlds.push(world);
      actions.push(action);
    }
  }
  return { worlds, actions, events, final: world, idleSteps };
}
