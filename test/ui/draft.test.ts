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
  MAX_DRAFT_CHARS,
  blankDraft,
  draftFromText,
  draftTooLarge,
  mapSize,
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
import { ProblemIndex } from '../../src/ui/editor/fields';

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

/** The blank draft with nothing placed yet (it starts with a coin and a door). */
const emptyRoom = () => ({ ...blankDraft(), objects: [] });

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
    const one = toggleObject(emptyRoom(), 'coin', 'yellow', 5, 2);
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
    const world = previewWorld(setStart(toggleObject(emptyRoom(), 'gem', 'sky', 2, 3), 1, 4))!;
    expect([world.width, world.height, world.agentX, world.agentY]).toEqual([8, 6, 1, 4]);
    expect(world.objects).toEqual([{ kind: 'gem', colour: 'sky', x: 2, y: 3 }]);
    const broken = {
      world: { map: ['..#', '.', 7], start: 'nowhere' },
      objects: [
        { kind: 'dragon', at: { cells: [[0, 0]] } },
        {
          kind: 'coin',
          colour: 'mauve',
          at: {
            cells: [
              [40, 40],
              [1, 1],
            ],
          },
        },
      ],
    };
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

describe('an editor that cannot be bricked', () => {
  const huge = () =>
    setPath(
      blankDraft(),
      ['world', 'map'],
      Array.from({ length: 2000 }, () => '.'.repeat(2000)),
    );

  it('clamps the map it draws to 32×32 whatever the draft holds', () => {
    expect(mapRows(huge())).toHaveLength(32);
    expect(mapRows(huge()).every((row) => row.length === 32)).toBe(true);
    expect(mapSize(huge())).toEqual({ width: 32, height: 32 });
  });

  it('names why a draft is too large: its text, its map, a list or a text far past the schema', () => {
    expect(draftTooLarge(blankDraft(), JSON.stringify(blankDraft()).length)).toBeNull();
    for (const level of campaign()) expect(draftTooLarge(draftOfLevel(level), JSON.stringify(draftOfLevel(level)).length)).toBeNull();
    expect(draftTooLarge(huge(), 1000)).toBe('its map is 2000×2000 tiles; a level is at most 32×32');
    expect(draftTooLarge(setPath(blankDraft(), ['world', 'map'], Array(2000).fill('..')), 1000)).toBe('its map is 2×2000 tiles; a level is at most 32×32');
    expect(draftTooLarge(blankDraft(), MAX_DRAFT_CHARS + 1)).toMatch(/^it is 257 KB; a level is at most 256 KB$/);
    expect(draftTooLarge(setPath(blankDraft(), ['objects'], Array(5000).fill(1)), 1000)).toBe('objects holds 5,000 entries');
    expect(draftTooLarge(setPath(blankDraft(), ['title'], 'x'.repeat(20_000)), 1000)).toBe('the text at title has 20,000 characters');
  });

  it('never autosaves a draft too large to reopen: the last good draft stays', () => {
    const storage = new MemoryStorage();
    expect(writeDraft(storage, blankDraft())).toBe(true);
    const before = storage.getItem(DRAFT_KEY);
    expect(writeDraft(storage, huge())).toBe(false);
    expect(storage.getItem(DRAFT_KEY)).toBe(before);
  });

  it('a stored draft too large to edit is copied aside with a notice, not opened', () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ version: 1, level: setPath(blankDraft(), ['world', 'map'], Array(2000).fill('..')) });
    storage.setItem(DRAFT_KEY, raw);
    const loaded = loadDraft(storage, 42);
    expect(loaded.draft).toBeNull();
    expect(loaded.problem).toMatch(/too large to edit: its map is 2×2000 tiles/);
    expect(storage.getItem(`${DRAFT_KEY}.unreadable.42`)).toBe(raw);
    expect(storage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('looks problems up by path: at a path, and under it', () => {
    const problems = [
      { path: 'hypotheses', message: { key: 'a' } },
      { path: 'hypotheses[0].weights.coin', message: { key: 'b' } },
      { path: 'hypotheses[1].id', message: { key: 'c' } },
      { path: 'world.map[3]', message: { key: 'd' } },
    ];
    const index = new ProblemIndex(problems);
    expect(index.at('hypotheses').map((p) => p.message.key)).toEqual(['a']);
    expect(index.at(['hypotheses', 1, 'id']).map((p) => p.message.key)).toEqual(['c']);
    expect(index.under(['hypotheses']).map((p) => p.message.key)).toEqual(['a', 'b', 'c']);
    expect(index.under(['hypotheses', 0]).map((p) => p.message.key)).toEqual(['b']);
    expect(index.under(['world']).map((p) => p.message.key)).toEqual(['d']);
    expect(index.under(['hypo'])).toEqual([]);
  });

  it('indexes 100,000 problems once, then answers 10,000 look-ups without scanning them (a scan per look-up would be a billion comparisons)', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ path: `world.map[${i}]`, message: { key: 'bad row' } }));
    const started = performance.now();
    const index = new ProblemIndex(many);
    for (let i = 0; i < 10_000; i++) expect(index.under(['world', 'map', i])).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(index.under(['world']).length).toBe(100_000);
  });
});

describe('reading an imported level', () => {
  it('takes any JSON object as a draft, problems and all, and a level code as the level it holds', () => {
    const half = draftFromText(' {"title":"Half","world":{"map":["..",3]}} ');
    expect(half).toEqual({ ok: true, draft: { title: 'Half', world: { map: ['..', 3] } }, codeTitle: null });
    const level = parseLevel(blankDraft());
    if (!level.ok) throw new Error('the blank draft is a level');
    const code = (encodeLevel(level.value) as { value: string }).value;
    const fromCode = draftFromText(code);
    expect(fromCode.ok && fromCode.codeTitle).toBe('My level');
    expect(fromCode.ok && parseLevel(fromCode.draft).ok).toBe(true);
  });

  it('says why text cannot be imported, checking its size before parsing it', () => {
    const message = (text: string) => {
      const read = draftFromText(text);
      return read.ok ? null : read.message;
    };
    expect(message('   ')).toBe('Nothing to import.');
    expect(message('{"title":')).toMatch(/^Not valid JSON: /);
    expect(message('[1,2]')).toMatch(/^Not a level code: /);
    expect(message('{' + ' '.repeat(MAX_DRAFT_CHARS) + '}')).toBe('Not imported: it is 257 KB; a level is at most 256 KB.');
    expect(message(JSON.stringify({ world: { map: Array.from({ length: 40 }, () => '..') } }))).toBe('Not imported: its map is 2×40 tiles; a level is at most 32×32.');
  });
});
