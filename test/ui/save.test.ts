/**
 * The player's save: versioned, validated, and never silently dropped. A
 * damaged save is reported and copied aside under its own key.
 */
import { describe, expect, it } from 'vitest';
import { SAVE_KEY, SAVE_VERSION, freshSave, loadSave, writeSave } from '../../src/ui/save';

/** The part of Web Storage the save uses, in memory; `failWrites` simulates a full or private-mode store. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  failReads = false;
  get length() {
    return this.items.size;
  }
  getItem(key: string) {
    if (this.failReads) throw new Error('SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
}
const storage = () => new MemoryStorage() as MemoryStorage & Storage;

describe('the save', () => {
  it('starts fresh, at the current version, when nothing is stored', () => {
    const loaded = loadSave(storage(), 0);
    expect(loaded.problem).toBeNull();
    expect(loaded.save.version).toBe(SAVE_VERSION);
    expect(loaded.save.progress).toEqual({});
  });

  it('round-trips progress and settings', () => {
    const store = storage();
    const save = freshSave();
    save.progress['goes-right'] = { completed: true, stars: 2, bestPoints: 85 };
    save.settings.reducedMotion = true;
    expect(writeSave(store, save)).toBe(true);
    const loaded = loadSave(store, 0);
    expect(loaded.problem).toBeNull();
    expect(loaded.save.progress['goes-right']).toEqual({ completed: true, stars: 2, bestPoints: 85 });
    expect(loaded.save.settings.reducedMotion).toBe(true);
  });

  it('keeps a watched first run, and reads saves written before it existed', () => {
    const store = storage();
    const save = freshSave();
    save.progress['goes-right'] = { completed: false, stars: 0, bestPoints: 0, firstRunSeen: true };
    save.progress.tutorial = { completed: true, stars: 3, bestPoints: 100 };
    writeSave(store, save);
    const loaded = loadSave(store, 0);
    expect(loaded.problem).toBeNull();
    expect(loaded.save.progress['goes-right']).toEqual({ completed: false, stars: 0, bestPoints: 0, firstRunSeen: true });
    expect(loaded.save.progress.tutorial).toEqual({ completed: true, stars: 3, bestPoints: 100 });
  });

  it.each([
    ['not JSON', '{"version": 1, "progress": '],
    ['an unknown version', JSON.stringify({ version: 99, progress: {}, settings: { reducedMotion: false } })],
    ['a wrong shape', JSON.stringify({ version: 1, progress: { tutorial: { completed: 'yes', stars: 9, bestPoints: 1 } }, settings: { reducedMotion: false } })],
  ])('a save that is %s is reported and copied aside once under its own key; only then is the original replaced', (_, raw) => {
    const store = storage();
    store.setItem(SAVE_KEY, raw);
    const loaded = loadSave(store, 1234);
    expect(loaded.problem).toMatch(/Your saved progress could not be read/);
    expect(loaded.problem).toContain(`${SAVE_KEY}.unreadable.1234`);
    expect(store.getItem(`${SAVE_KEY}.unreadable.1234`)).toBe(raw);
    expect(loaded.save.progress).toEqual({});
    expect(loaded.writable).toBe(true);
    // Copied once: the next visit finds no damaged save and makes no second copy.
    expect(store.getItem(SAVE_KEY)).toBeNull();
    expect(loadSave(store, 5678).problem).toBeNull();
    expect(store.getItem(`${SAVE_KEY}.unreadable.5678`)).toBeNull();
  });

  it('when the damaged save cannot be copied aside, says so and leaves it where it is', () => {
    const store = storage();
    store.setItem(SAVE_KEY, 'garbage');
    store.failWrites = true;
    const loaded = loadSave(store, 1);
    expect(loaded.problem).toMatch(/could not be copied aside .*will not be overwritten/);
    expect(store.getItem(SAVE_KEY)).toBe('garbage');
    // The game is told not to write: the damaged save stays until it can be copied.
    expect(loaded.writable).toBe(false);
  });

  it('reports storage that cannot be read, and plays on', () => {
    const store = storage();
    store.failReads = true;
    const loaded = loadSave(store, 1);
    expect(loaded.problem).toMatch(/could not be read/);
    expect(loaded.save.version).toBe(SAVE_VERSION);
  });

  it('reports a refused write instead of throwing', () => {
    const store = storage();
    store.failWrites = true;
    expect(writeSave(store, freshSave())).toBe(false);
    expect(writeSave(null, freshSave())).toBe(false);
  });

  it('remembers the training show turned off, and reads saves from before the setting existed', () => {
    const store = storage();
    const save = freshSave();
    expect(save.settings.trainingShow).toBeUndefined();
    writeSave(store, { ...save, settings: { ...save.settings, trainingShow: false } });
    expect(loadSave(store, 0).save.settings.trainingShow).toBe(false);
    store.setItem(SAVE_KEY, JSON.stringify({ version: SAVE_VERSION, progress: {}, settings: { reducedMotion: true } }));
    const older = loadSave(store, 0);
    expect(older.problem).toBeNull();
    expect(older.save.settings.trainingShow).toBeUndefined();
  });
});
