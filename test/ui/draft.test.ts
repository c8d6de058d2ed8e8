/**
 * The editor's draft: the blank template is a valid level, edits are pure
 * and tolerate half-built drafts, undo/redo walks whole drafts, and the
 * autosave keeps an unreadable draft aside instead of dropping it.
 */
import { describe, expect, it } from 'vitest';
import { encodeLevel, parseLevel } from '../../src/core/index';
import {
  DRAFT_KEY,
  DraftHistory,
  blankDraft,
  draftOfLevel,
  exportFileName,
  getPath,
  loadDraft,
  mapRows,
  previewWorld,
  resizeMap,
  setPath,
  setStart,
  setTile,
  toggleObject,
  writeDraft,
} from '../../src/ui/editor/draft';
import { campaign } from '../core/campaign';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('the blank template and copies', () => {
  it('the blank level is valid and shares as a short code', () => {
    const parsed = parseLevel(blankDraft());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect((encodeLevel(parsed.value) as { value: string }).value.length).toBeLessThan(400);
  });

  it.each(campaign().map((l) => [l.id, l] as const))('a copy of %s parses back to the same level', (_id, level) => {
    expect(parseLevel(draftOfLevel(level))).toEqual({ ok: true, value: level });
  });
});

describe('edits', () => {
  it('paints a tile without touching the draft it was given', () => {
    const before = blankDraft();
    const after = setTile(before, 3, 1, '#');
    expect(mapRows(after)[1]).toBe('...#....');
    expect(mapRows(before)[1]).toBe('........');
    expect(setTile(before, 99, 99, '#')).toBe(before);
  });

  it('resizes the grid within 2..32, padding with floor', () => {
    const grown = resizeMap(setTile(blankDraft(), 7, 0, '#'), 10, 3);
    expect(mapRows(grown)).toEqual(['.......#..', '..........', '..........']);
    expect(mapRows(resizeMap(blankDraft(), 100, 1)).length).toBe(2);
    expect(mapRows(resizeMap(blankDraft(), 100, 1))[0]!.length).toBe(32);
  });

  it('places an object as a fixed-position rule; the same object again removes it, another replaces it', () => {
    const one = toggleObject(blankDraft(), 'coin', 'yellow', 5, 2);
    expect(getPath(one, ['objects'])).toEqual([{ kind: 'coin', colour: 'yellow', at: { cells: [[5, 2]] } }]);
    expect(getPath(toggleObject(one, 'coin', 'yellow', 5, 2), ['objects'])).toEqual([]);
    expect(getPath(toggleObject(one, 'exit', 'blue', 5, 2), ['objects'])).toEqual([{ kind: 'exit', colour: 'blue', at: { cells: [[5, 2]] } }]);
    const level = parseLevel(setStart(toggleObject(one, 'exit', 'blue', 7, 2), 0, 0));
    expect(level.ok).toBe(true);
  });

  it('sets and removes values by path, creating what is missing', () => {
    expect(setPath({}, ['agent', 'inductiveBias', 'weightDecay'], 0.1)).toEqual({ agent: { inductiveBias: { weightDecay: 0.1 } } });
    expect(setPath({ list: [1, 2, 3] }, ['list', 1], undefined)).toEqual({ list: [1, 3] });
    expect(setPath({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
  });

  it('draws a preview of any draft, however broken, and none without a map', () => {
    const world = previewWorld(setStart(toggleObject(blankDraft(), 'gem', 'sky', 2, 3), 1, 4))!;
    expect([world.width, world.height, world.agentX, world.agentY]).toEqual([8, 6, 1, 4]);
    expect(world.objects).toEqual([{ kind: 'gem', colour: 'sky', x: 2, y: 3 }]);
    const broken = { world: { map: ['..#', '.', 7], start: 'nowhere' }, objects: [{ kind: 'dragon', at: { cells: [[0, 0]] } }, { kind: 'coin', colour: 'mauve', at: { cells: [[40, 40], [1, 1]] } }] };
    const drawn = previewWorld(broken)!;
    expect([drawn.width, drawn.height]).toEqual([3, 3]);
    expect(drawn.objects).toEqual([{ kind: 'coin', colour: 'grey', x: 1, y: 1 }]);
    expect(previewWorld({})).toBeNull();
  });

  it('names an export after the level id, or "level" when the id is unusable', () => {
    expect(exportFileName(blankDraft())).toBe('my-level.json');
    expect(exportFileName({ id: '../etc/passwd' })).toBe('level.json');
    // The schema's id rule: no leading dash.
    expect(exportFileName({ id: '-x' })).toBe('level.json');
  });
});

describe('undo history', () => {
  it('undoes and redoes whole drafts; a new edit clears redo; no-op edits are not recorded', () => {
    const history = new DraftHistory(blankDraft());
    const walled = setTile(blankDraft(), 0, 0, '#');
    expect(history.record(blankDraft())).toBe(false);
    expect(history.record(walled)).toBe(true);
    expect(history.undo()).toBe(true);
    expect(history.draft).toEqual(blankDraft());
    expect(history.redo()).toBe(true);
    expect(history.draft).toEqual(walled);
    history.undo();
    history.record(setTile(blankDraft(), 1, 1, '~'));
    expect(history.canRedo).toBe(false);
    expect(history.redo()).toBe(false);
  });

  it('keeps drafts as they were even if the caller mutates what it recorded', () => {
    const history = new DraftHistory(blankDraft());
    const draft = blankDraft();
    history.record({ ...draft, title: 'Changed' });
    history.draft.title = 'mutated';
    expect(history.draft.title).toBe('Changed');
  });
});

describe('autosave', () => {
  it('round-trips a draft, even an invalid one', () => {
    const storage = new MemoryStorage();
    const halfBuilt = { title: 'Half built', hypotheses: [] };
    expect(writeDraft(storage, halfBuilt)).toBe(true);
    expect(loadDraft(storage, 1)).toEqual({ draft: halfBuilt, problem: null });
  });

  it('starts empty when nothing is stored or storage is unavailable', () => {
    expect(loadDraft(new MemoryStorage(), 1)).toEqual({ draft: null, problem: null });
    expect(loadDraft(null, 1)).toEqual({ draft: null, problem: null });
  });

  it.each([
    ['not JSON', '{oops', 'not valid JSON'],
    ['another version', JSON.stringify({ version: 99, level: {} }), 'version'],
    ['no level', JSON.stringify({ version: 1, level: [1] }), 'no level'],
  ])('keeps a draft that is %s aside under its own key and says where', (_what, raw, reason) => {
    const storage = new MemoryStorage();
    storage.setItem(DRAFT_KEY, raw);
    const loaded = loadDraft(storage, 1234);
    expect(loaded.draft).toBeNull();
    expect(loaded.problem).toContain(reason);
    expect(loaded.problem).toContain(`${DRAFT_KEY}.unreadable.1234`);
    expect(storage.getItem(`${DRAFT_KEY}.unreadable.1234`)).toBe(raw);
  });
});
