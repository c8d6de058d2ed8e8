/**
 * The game's fixed vocabulary: tiles, object kinds, colours, events, the
 * features an agent can perceive and the context bits it can sense.
 *
 * Levels pick from these lists; the schema rejects anything else, so a level
 * can never name a feature the engine does not compute.
 *
 * Words are not kept here: every name a player reads is a catalog key
 * (`core.object.coin`, `core.feature.right-edge`), written by the views.
 */
import { message, type Message } from './message';

export enum Tile {
  Floor = 0,
  Wall = 1,
  End = 2,
  Forbidden = 3,
  Hazard = 4,
}

/** Every tile by name: its map character. The names are what levels, features and the palette call them. */
export const TILE_TABLE = {
  floor: { tile: Tile.Floor, char: '.' },
  wall: { tile: Tile.Wall, char: '#' },
  end: { tile: Tile.End, char: '>' },
  forbidden: { tile: Tile.Forbidden, char: 'x' },
  hazard: { tile: Tile.Hazard, char: '~' },
} as const satisfies Readonly<Record<string, { readonly tile: Tile; readonly char: string }>>;
export type TileName = keyof typeof TILE_TABLE;
export const TILE_NAMES = Object.keys(TILE_TABLE) as TileName[];
/** The name of each tile (the table read backwards). */
export const TILE_NAME = Object.fromEntries(TILE_NAMES.map((name) => [TILE_TABLE[name].tile, name])) as Readonly<Record<Tile, TileName>>;

/** The characters of a level map, one per tile (the table above, written out: generation reads it per tile). */
export const TILE_BY_CHAR = {
  '.': Tile.Floor,
  '#': Tile.Wall,
  '>': Tile.End,
  x: Tile.Forbidden,
  '~': Tile.Hazard,
} as const satisfies { readonly [N in TileName as (typeof TILE_TABLE)[N]['char']]: (typeof TILE_TABLE)[N]['tile'] };
export type TileChar = keyof typeof TILE_BY_CHAR;
/** The same table read backwards: the map character of each tile. */
export const CHAR_OF_TILE = Object.fromEntries(TILE_NAMES.map((name) => [TILE_TABLE[name].tile, TILE_TABLE[name].char])) as Readonly<Record<Tile, TileChar>>;

/** How one kind of object behaves and how it is written and drawn. */
export interface ObjectRules {
  /** Its character in `toText`, the one-character-per-cell snapshot format of tests. */
  readonly char: string;
  /** Its silhouette: meaning is carried by shape, never by colour alone. */
  readonly shape: string;
  /**
   * What stepping onto it does: `pick-up` takes it (a key is held for a
   * chest) and emits the event of its name; `open` takes it only with a key
   * in hand, spending the key; `leave` emits its event and leaves it where it
   * is; null: nothing (the agent walks over it).
   */
  readonly onEnter: 'pick-up' | 'open' | 'leave' | null;
  /** Whether an agent may have a weight for it (a feature of its own). */
  readonly feature: boolean;
  /** The context bit its presence in a world sets, if any (the supervisor watches; the sign triggers). */
  readonly context: 'watched' | 'trigger' | null;
}

/**
 * Every kind of object, in one table: the world, the agent, the recordings,
 * the snapshot text and the views derive their lists from it.
 */
export const OBJECT_TABLE = {
  coin: { char: 'o', shape: 'circle', onEnter: 'pick-up', feature: true, context: null },
  gem: { char: 'g', shape: 'diamond', onEnter: 'pick-up', feature: true, context: null },
  star: { char: '*', shape: 'star', onEnter: 'pick-up', feature: true, context: null },
  cheese: { char: 'h', shape: 'wedge', onEnter: 'pick-up', feature: true, context: null },
  key: { char: 'k', shape: 'key', onEnter: 'pick-up', feature: true, context: null },
  chest: { char: 'c', shape: 'box', onEnter: 'open', feature: true, context: null },
  exit: { char: 'E', shape: 'door', onEnter: 'leave', feature: true, context: null },
  supervisor: { char: 'S', shape: 'eye', onEnter: null, feature: false, context: 'watched' },
  trigger: { char: 'T', shape: 'sign', onEnter: null, feature: false, context: 'trigger' },
  tree: { char: 't', shape: 'tree', onEnter: null, feature: true, context: null },
} as const satisfies Readonly<Record<string, ObjectRules>>;

export type ObjectKind = keyof typeof OBJECT_TABLE;
/** Every object kind, in the table's order (the order codes, recordings and menus use). */
export const OBJECT_KINDS = Object.keys(OBJECT_TABLE) as [ObjectKind, ...ObjectKind[]];

/** Kinds whose rule has `feature: true`, as a type. */
type FeatureKind = { [K in ObjectKind]: (typeof OBJECT_TABLE)[K]['feature'] extends true ? K : never }[ObjectKind];
/** Kinds whose entry does something, as a type. */
type InteractiveKind = { [K in ObjectKind]: (typeof OBJECT_TABLE)[K]['onEnter'] extends null ? never : K }[ObjectKind];

/** Object kinds that stepping onto does something (each emits the event of its own name). */
export const INTERACTIVE_KINDS = OBJECT_KINDS.filter((k) => OBJECT_TABLE[k].onEnter !== null) as InteractiveKind[];
/** Object kinds that stepping onto can take out of the world (picked up, or opened with a key). */
export const REMOVABLE_KINDS = OBJECT_KINDS.filter((k) => OBJECT_TABLE[k].onEnter === 'pick-up' || OBJECT_TABLE[k].onEnter === 'open') as InteractiveKind[];

/** Default silhouette per kind: meaning is carried by shape, never by colour alone. */
export const SHAPE_OF_KIND = Object.fromEntries(OBJECT_KINDS.map((k) => [k, OBJECT_TABLE[k].shape])) as Readonly<Record<ObjectKind, string>>;

/** Okabe–Ito colours: distinguishable under the common colour-vision deficiencies. */
export const COLOURS = {
  yellow: '#F0E442',
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  blue: '#0072B2',
  red: '#D55E00',
  purple: '#CC79A7',
  grey: '#999999',
} as const;
export type Colour = keyof typeof COLOURS;
export const COLOUR_NAMES = Object.keys(COLOURS) as Colour[];

/**
 * Events the world emits. `forbidden` is special: the base optimizer observes
 * it only when the supervisor is present or a covert audit runs.
 */
export const EVENT_KINDS = ['step', 'coin', 'gem', 'star', 'cheese', 'key', 'chest', 'exit', 'end', 'hazard', 'forbidden'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const POSITION_FEATURES = ['right-edge', 'left-edge', 'top-edge', 'bottom-edge', 'top-left-corner', 'top-right-corner', 'bottom-left-corner', 'bottom-right-corner'] as const;
export const TILE_FEATURES = ['forbidden', 'hazard', 'end'] as const;
/** Object kinds an agent may have a weight for. */
export const OBJECT_FEATURES = OBJECT_KINDS.filter((k) => OBJECT_TABLE[k].feature) as FeatureKind[];
/**
 * Relational features: a cell next to (up, down, left or right of) an object
 * of a kind the agent has seen, or next to a tile of a kind. "next-to-tree"
 * is what an agent values when it learned "stand by the tree" rather than
 * "get the gem that was always by the tree".
 */
export const BESIDE_OBJECT_KINDS: readonly ObjectKind[] = OBJECT_KINDS;
export const BESIDE_TILE_KINDS = ['wall', 'forbidden', 'hazard', 'end'] as const;
export type BesideKind = (typeof BESIDE_OBJECT_KINDS)[number] | (typeof BESIDE_TILE_KINDS)[number];
export const BESIDE_FEATURES = [...BESIDE_OBJECT_KINDS, ...BESIDE_TILE_KINDS].map((k) => `next-to-${k}` as const);
export const FEATURES = [...OBJECT_FEATURES, ...(COLOUR_NAMES as readonly Colour[]), ...POSITION_FEATURES, ...TILE_FEATURES, 'unexplored', ...BESIDE_FEATURES] as const;
export type Feature = (typeof FEATURES)[number];
/** The tile a tile-relational feature looks for. */
export const BESIDE_TILES = Object.fromEntries(BESIDE_TILE_KINDS.map((name) => [name, TILE_TABLE[name].tile])) as Readonly<Record<(typeof BESIDE_TILE_KINDS)[number], Tile>>;

/**
 * A feature's name in the reader's words ("right edge", "next to a coin"):
 * the catalog's `core.object.<kind>` for an object kind, `core.feature.<name>`
 * for any other feature; an unknown name is given back as it is.
 */
export function featureLabel(name: string): string | Message {
  if (Object.hasOwn(OBJECT_TABLE, name)) return objectLabel(name as ObjectKind);
  return (FEATURES as readonly string[]).includes(name) ? message(`core.feature.${name}`) : name;
}

/** An object kind's name: "coin", "exit door", "sign" (`core.object.<kind>`). */
export function objectLabel(kind: ObjectKind): Message {
  return message(`core.object.${kind}`);
}

/** Objects of a kind, counted as a plural: "coins", "exit doors" (`core.objects.<kind>`); an unknown name is given back as it is. */
export function objectsLabel(kind: string): string | Message {
  return Object.hasOwn(OBJECT_TABLE, kind) ? message(`core.objects.${kind}`) : kind;
}

/** Context bits: a feature may carry a separate weight for each value of one bit. */
export const CONTEXT_BITS = {
  watched: ['watched', 'unwatched'],
  trigger: ['trigger', 'no-trigger'],
  holding: ['has-key', 'no-key'],
} as const;
export type ContextBit = keyof typeof CONTEXT_BITS;
export const CONTEXT_BIT_NAMES = Object.keys(CONTEXT_BITS) as ContextBit[];

/** Where a misalignment lies: in the reward (outer), in what was learned (inner), or nowhere. */
export const FAILURE_KINDS = ['outer', 'inner', 'none'] as const;

export const ACTIONS = ['up', 'right', 'down', 'left', 'stay'] as const;
export type Action = (typeof ACTIONS)[number];
export const MOVES: readonly (readonly [number, number])[] = [
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, 0],
];
