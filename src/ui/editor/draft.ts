/**
 * The level editor's draft: a level as plain, possibly half-built JSON, and
 * the pure edits the editor makes to it (paint a tile, place an object,
 * resize the grid, set a field by path), its undo history and its autosave.
 *
 * A draft is untrusted and may be invalid at any moment: nothing here
 * assumes it parses. `parseLevel` judges it; these helpers only tolerate it.
 * Every edit returns a new draft and leaves its input alone, so the history
 * can keep old drafts as they were. No DOM here (Storage is only a type);
 * what it says (why a draft is too large) comes from the catalog.
 */
import { addEnglish, type MessageKey, t } from '../../i18n/index';
import { loadStore, versioned, writeStore } from '../storage';
import {
  ID_PATTERN,
  MAX_GRID,
  canonicalLevel,
  contextFlags,
  type Level,
  type TileChar,
  TILE_BY_CHAR,
  TILE_NAMES,
  TILE_TABLE,
  type TileName,
  type World,
  type WorldObject,
  OBJECT_KINDS,
  COLOUR_NAMES,
  type ObjectKind,
  type Colour,
  decodeLevel,
  describeCodeError,
} from '../../core/index';
import { editor } from '../../i18n/en/editor';

// This screen's words load with it.
addEnglish(editor);

/** A level being edited: JSON, shaped like a level as far as the player got. */
export type Draft = Record<string, unknown>;
export type PathKey = string | number;

/** A tile's name in the catalog. */
export type TileKey = Extract<MessageKey, `editor.tile.${string}`>;

/** Every tile the palette paints, in the core's table order: its map character, its name, and its name in the catalog. */
export const PALETTE: readonly { readonly char: TileChar; readonly id: TileName; readonly key: TileKey }[] = TILE_NAMES.map((id) => ({ char: TILE_TABLE[id].char, id, key: `editor.tile.${id}` }));

/** A small valid level to start from: an open room with a coin on the way to the exit door, two hypotheses. */
export function blankDraft(): Draft {
  return {
    format: 1,
    id: 'my-level',
    title: 'My level',
    concept: 'goal-misgeneralization',
    order: 100,
    briefing: 'The agent must get the coin and then leave by the exit.',
    intendedObjective: 'Get the coin, then reach the exit.',
    world: {
      map: ['........', '........', '........', '........', '........', '........'],
      start: { cells: [[0, 2]] },
      maxSteps: 30,
      terminalEvents: ['exit', 'end', 'hazard'],
      auditChance: 0,
    },
    // What the briefing and the hypotheses speak of, on the stage from the start: a coin on the way to the door.
    objects: [
      { kind: 'exit', colour: 'blue', at: { cells: [[7, 2]] } },
      { kind: 'coin', colour: 'yellow', at: { cells: [[4, 2]] } },
    ],
    knobs: {},
    agent: {
      features: ['coin', 'exit'],
      contexts: {},
      viewRadius: null,
      discount: 0.9,
      inductiveBias: { init: {}, noiseScale: {}, weightDecay: 0.01, explanation: 'Every weight starts at zero and learns at the same speed.' },
    },
    reward: { default: { coin: 10, exit: 5, step: -0.1 }, editable: ['coin', 'exit', 'step'] },
    training: { generations: 20, population: 8, episodesPerGeneration: 8, learningRate: 0.5, noise: 0.5, maxGenerations: 100 },
    hypotheses: [
      { id: 'get-coin', label: 'Get the coin', description: 'Picks up the coin, then heads for the exit.', weights: { coin: 1, exit: 0.5 }, intended: true },
      { id: 'reach-exit', label: 'Reach the exit', description: 'Heads straight for the exit and ignores the coin.', weights: { exit: 1 }, intended: false },
    ],
    success: { all: ['coin'], none: [], atLeast: {}, threshold: 0.8 },
    deploymentSuite: { size: 50, seed: 1 },
    budget: { probes: 4, lens: 2 },
    rounds: [],
    probeFixed: [],
    askFailureKind: false,
    lesson: {
      reveal: 'Write here what the player should take away once deployment shows what the agent learned.',
      claims: [{ name: 'with default training the agent gets the coin', config: {}, expect: { aligned: true } }],
    },
  };
}

/** An editable copy of a level, every field written out. */
export function draftOfLevel(level: Level): Draft {
  return canonicalLevel(level, { omitDefaults: false });
}

// ---------------------------------------------------------------------------
// Reading and writing by path

export function getPath(draft: unknown, path: readonly PathKey[]): unknown {
  let at: unknown = draft;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PathKey, unknown>)[key];
  }
  return at;
}

/**
 * A copy of the draft with the value at `path` replaced (`undefined` removes
 * the field). Missing objects on the way are created, so a half-built draft
 * can always be filled in.
 */
export function setPath(draft: Draft, path: readonly PathKey[], value: unknown): Draft {
  const next = structuredClone(draft);
  let at: Record<PathKey, unknown> = next;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      if (value === undefined) {
        if (Array.isArray(at) && typeof key === 'number') at.splice(key, 1);
        else delete at[key];
      } else at[key] = structuredClone(value);
      return;
    }
    const child = at[key];
    if (child === null || typeof child !== 'object') at[key] = typeof path[i + 1] === 'number' ? [] : {};
    at = at[key] as Record<PathKey, unknown>;
  });
  return next;
}

// ---------------------------------------------------------------------------
// The grid

/**
 * The map's rows as strings, whatever the draft holds (bad rows become
 * empty), clamped to the schema's limits (32×32) so nothing drawn from a
 * draft can grow past what a level may hold.
 */
export function mapRows(draft: Draft): string[] {
  const map = getPath(draft, ['world', 'map']);
  return Array.isArray(map) ? map.slice(0, MAX_GRID).map((row) => (typeof row === 'string' ? row.slice(0, MAX_GRID) : '')) : [];
}

/** The largest draft the editor stores or imports, in characters of JSON: far above any real level. */
export const MAX_DRAFT_CHARS = 256 * 1024;
/** Longest list and longest text anywhere in a draft: the schema's own limits are far below. */
const MAX_DRAFT_LIST = MAX_GRID * MAX_GRID;
const MAX_DRAFT_TEXT = 10_000;

/**
 * Why untrusted data is too big to be edited, checked before anything is
 * parsed, stored or drawn: its JSON length, its map past 32×32, or any list
 * or text far beyond what the schema allows. Null when it is small enough.
 */
export function draftTooLarge(data: unknown, chars: number): string | null {
  if (chars > MAX_DRAFT_CHARS) return t('editor.tooLarge.chars', { size: Math.ceil(chars / 1024), max: MAX_DRAFT_CHARS / 1024 });
  const map = getPath(data, ['world', 'map']);
  if (Array.isArray(map)) {
    const width = map.reduce((w: number, row: unknown) => Math.max(w, typeof row === 'string' ? row.length : 0), 0);
    if (map.length > MAX_GRID || width > MAX_GRID) return t('editor.tooLarge.map', { width: String(width), height: String(map.length), max: String(MAX_GRID) });
  }
  const stack: { value: unknown; path: string }[] = [{ value: data, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string' && value.length > MAX_DRAFT_TEXT) return t('editor.tooLarge.text', { path: path || t('editor.tooLarge.root'), count: value.length });
    if (value === null || typeof value !== 'object') continue;
    const entries = Array.isArray(value) ? value.map((v, i) => [`${path}[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v] as const);
    if (entries.length > MAX_DRAFT_LIST) return t('editor.tooLarge.entries', { path: path || t('editor.tooLarge.root'), count: entries.length });
    for (const [at, v] of entries) stack.push({ value: v, path: at });
  }
  return null;
}

/** What pasted or loaded text holds: a draft (with its title when it came from a level code), or why it cannot be imported. */
export type ImportedDraft = { readonly ok: true; readonly draft: Draft; readonly codeTitle: string | null } | { readonly ok: false; readonly message: string };

/**
 * Reads a level pasted or loaded as JSON, or as a level code. Size comes
 * before anything else: text too large to edit is refused before it is
 * parsed, stored or drawn. JSON that is an object is taken as a draft
 * whatever it holds (its problems are the editor's to show); a code must
 * decode to a valid level.
 */
export function draftFromText(text: string): ImportedDraft {
  const trimmed = text.trim();
  const refuse = (message: string): ImportedDraft => ({ ok: false, message });
  if (trimmed === '') return refuse(t('editor.import.nothing'));
  if (trimmed.length > MAX_DRAFT_CHARS) return refuse(t('editor.import.refused', { reason: draftTooLarge(null, trimmed.length)! }));
  if (trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed) as unknown;
    } catch (error) {
      return refuse(t('editor.import.notJson', { error: (error as Error).message }));
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return refuse(t('editor.import.notObject'));
    const tooLarge = draftTooLarge(data, trimmed.length);
    return tooLarge === null ? { ok: true, draft: data as Draft, codeTitle: null } : refuse(t('editor.import.refused', { reason: tooLarge }));
  }
  const decoded = decodeLevel(trimmed);
  if (!decoded.ok) return refuse(t('editor.import.notCode', { error: describeCodeError(decoded.error) }));
  return { ok: true, draft: draftOfLevel(decoded.value), codeTitle: decoded.value.title };
}

export function mapSize(draft: Draft): { width: number; height: number } {
  const rows = mapRows(draft);
  return { width: rows.reduce((w, row) => Math.max(w, row.length), 0), height: rows.length };
}

/** Paints one tile; cells outside the map are ignored. */
export function setTile(draft: Draft, x: number, y: number, char: TileChar): Draft {
  const rows = mapRows(draft);
  const row = rows[y];
  if (row === undefined || x < 0 || x >= row.length) return draft;
  if (row[x] === char) return draft;
  rows[y] = row.slice(0, x) + char + row.slice(x + 1);
  return setPath(draft, ['world', 'map'], rows);
}

/** The smallest grid the editor makes: a map holds at least two rows. */
export const MIN_GRID = 2;

/** Resizes the grid (MIN_GRID to MAX_GRID each way): new cells are floor; rows cut or padded to the width. */
export function resizeMap(draft: Draft, width: number, height: number): Draft {
  const w = clampInt(width, MIN_GRID, MAX_GRID);
  const h = clampInt(height, MIN_GRID, MAX_GRID);
  const rows = mapRows(draft).slice(0, h);
  while (rows.length < h) rows.push('');
  return setPath(
    draft,
    ['world', 'map'],
    rows.map((row) => row.slice(0, w).padEnd(w, '.')),
  );
}

function clampInt(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}

// ---------------------------------------------------------------------------
// Objects and the start

function objectRules(draft: Draft): Record<string, unknown>[] {
  const objects = getPath(draft, ['objects']);
  return Array.isArray(objects) ? (objects as Record<string, unknown>[]) : [];
}

/** Whether a spawn rule stands on exactly this one cell (a fixed-position object). */
function fixedAt(rule: Record<string, unknown>, x: number, y: number): boolean {
  const cells = getPath(rule, ['at', 'cells']);
  return Array.isArray(cells) && cells.length === 1 && getPath(cells, [0, 0]) === x && getPath(cells, [0, 1]) === y;
}

/**
 * Places an object as a fixed-position spawn rule on one cell. The same kind
 * and colour on that cell again removes it (painting toggles); another object
 * there is replaced.
 */
export function toggleObject(draft: Draft, kind: ObjectKind, colour: Colour, x: number, y: number): Draft {
  const rules = objectRules(draft);
  const existing = rules.findIndex((rule) => fixedAt(rule, x, y));
  const next = rules.filter((_, i) => i !== existing);
  const same = existing >= 0 && rules[existing]!.kind === kind && rules[existing]!.colour === colour;
  if (!same) next.push({ kind, colour, at: { cells: [[x, y]] } });
  return setPath(draft, ['objects'], next);
}

/** The agent starts on this cell. */
export function setStart(draft: Draft, x: number, y: number): Draft {
  return setPath(draft, ['world', 'start'], { cells: [[x, y]] });
}

/**
 * The world the editor shows on the stage: the map as painted, the objects
 * that stand on fixed cells, the agent on its first start cell. Built even
 * when the draft is invalid; null only when there is no map to draw.
 */
export function previewWorld(draft: Draft): World | null {
  const rows = mapRows(draft);
  const { width, height } = mapSize(draft);
  if (width < 1 || height < 1) return null;
  const tiles = new Uint8Array(width * height);
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) tiles[y * width + x] = TILE_BY_CHAR[(row[x] ?? '.') as TileChar] ?? 0;
  });
  const inside = (x: unknown, y: unknown): x is number => Number.isInteger(x) && Number.isInteger(y) && (x as number) >= 0 && (y as number) >= 0 && (x as number) < width && (y as number) < height;
  const objects: WorldObject[] = [];
  for (const rule of objectRules(draft)) {
    const cells = getPath(rule, ['at', 'cells']);
    if (!Array.isArray(cells) || !OBJECT_KINDS.includes(rule.kind as ObjectKind)) continue;
    const colourChoice = Array.isArray(rule.colour) ? rule.colour[0] : rule.colour;
    const colour = COLOUR_NAMES.includes(colourChoice as Colour) ? (colourChoice as Colour) : 'grey';
    for (const cell of cells) {
      const [x, y] = Array.isArray(cell) ? cell : [];
      if (inside(x, y)) objects.push({ kind: rule.kind as ObjectKind, colour, x, y: y as number });
    }
  }
  const startCell = getPath(draft, ['world', 'start', 'cells', 0]);
  const rect = getPath(draft, ['world', 'start', 'rect']);
  const [sx, sy] = Array.isArray(startCell) ? startCell : Array.isArray(rect) ? rect : [0, 0];
  return {
    width,
    height,
    tiles,
    objects,
    agentX: inside(sx, sy) ? sx : 0,
    agentY: inside(sx, sy) ? (sy as number) : 0,
    keys: 0,
    t: 0,
    done: false,
    ...contextFlags(objects),
    audited: false,
    rules: { maxSteps: 1, terminalEvents: new Set() },
  };
}

// ---------------------------------------------------------------------------
// Undo history

/** Undo and redo over whole drafts (kept as JSON text, so no edit can reach into history). */
export class DraftHistory {
  private past: string[] = [];
  private future: string[] = [];
  private current: string;

  constructor(
    initial: Draft,
    private readonly limit = 200,
  ) {
    this.current = JSON.stringify(initial);
  }

  get draft(): Draft {
    return JSON.parse(this.current) as Draft;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Records a new draft; returns false (and records nothing) when nothing changed. */
  record(draft: Draft): boolean {
    const text = JSON.stringify(draft);
    if (text === this.current) return false;
    this.past.push(this.current);
    if (this.past.length > this.limit) this.past.shift();
    this.current = text;
    this.future = [];
    return true;
  }

  undo(): boolean {
    const previous = this.past.pop();
    if (previous === undefined) return false;
    this.future.push(this.current);
    this.current = previous;
    return true;
  }

  redo(): boolean {
    const next = this.future.pop();
    if (next === undefined) return false;
    this.past.push(this.current);
    this.current = next;
    return true;
  }
}

// ---------------------------------------------------------------------------
// Autosave

export const DRAFT_KEY = 'mesa.editor.draft';
export const DRAFT_VERSION = 1;

export interface LoadedDraft {
  readonly draft: Draft | null;
  /** Set when a stored draft could not be read; says where it was kept. */
  readonly problem: string | null;
  /** False when autosaving would overwrite a stored draft that could not be copied aside. */
  readonly writable?: boolean;
}

/**
 * The autosaved draft, through the one storage scheme of src/ui/storage.ts.
 * A draft may be an invalid level (it is a work in progress), but one that is
 * not even a versioned JSON object, or is too large to edit, is never
 * dropped: it is copied aside once under its own key and the player is told.
 */
export function loadDraft(storage: Storage | null, now: number): LoadedDraft {
  let size = 0;
  try {
    size = storage?.getItem(DRAFT_KEY)?.length ?? 0;
  } catch {
    /* loadStore reports unreadable storage */
  }
  const loaded = loadStore<Draft>(storage, DRAFT_KEY, now, 'The saved editor draft', (data) =>
    versioned(data, DRAFT_VERSION, (envelope) => {
      const level = envelope.level;
      if (level === null || typeof level !== 'object' || Array.isArray(level)) return { ok: false, reason: 'it holds no level' };
      const tooLarge = draftTooLarge(level, size);
      return tooLarge === null ? { ok: true, value: level as Draft } : { ok: false, reason: `it is too large to edit: ${tooLarge}` };
    }),
  );
  return loaded.writable || storage === null ? { draft: loaded.value, problem: loaded.problem } : { draft: loaded.value, problem: loaded.problem, writable: false };
}

/** Saves the draft; false when it is too large or the browser refuses (private mode, full storage). */
export function writeDraft(storage: Storage | null, draft: Draft): boolean {
  if (!storage) return false;
  try {
    const text = JSON.stringify({ version: DRAFT_VERSION, level: draft });
    // Size first: a draft too large to reopen is never written over the last good one.
    if (draftTooLarge(draft, text.length) !== null) return false;
    return writeStore(storage, DRAFT_KEY, text);
  } catch {
    return false;
  }
}

/** Forgets the stored draft (the player chose to discard it). */
export function discardDraft(storage: Storage | null): void {
  try {
    storage?.removeItem(DRAFT_KEY);
  } catch {
    /* nothing stored, or storage disabled: nothing to discard */
  }
}

/** A file name for an exported level: its id, or "level". */
export function exportFileName(draft: Draft): string {
  const id = typeof draft.id === 'string' && ID_PATTERN.test(draft.id) ? draft.id : 'level';
  return `${id}.json`;
}
