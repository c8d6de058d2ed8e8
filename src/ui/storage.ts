/**
 * Every store the game keeps in the browser (progress, the editor draft, the
 * class board) goes through here, with one versioning scheme: a store is a
 * JSON object with a numeric `version` beside its own fields, read by a
 * function that accepts it or says why not.
 *
 * Nothing is ever lost silently. A stored value that cannot be read (not
 * JSON, an unknown version, a wrong shape) is copied aside once, under
 * `<key>.unreadable.<time>`, and only after that copy succeeded is the
 * original removed, so the store starts fresh. If the copy fails (storage
 * full), the original stays where it is and the store is marked unwritable:
 * nothing the player does afterwards overwrites it, and the notice says so.
 */
import { msg, t, type Message } from '../i18n/index';

/** The browser's localStorage, or null where it is disabled (some private modes throw on access). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Why a stored value cannot be read: a catalog message, or a technical detail shown as written (a schema's own words). */
export type StoreReason = Message | string;

export type StoreRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: StoreReason };

export interface LoadedStore<T> {
  /** The stored value, or null when there is none (or it could not be read). */
  readonly value: T | null;
  /** Set when something stored could not be read: what happened and where it was kept. */
  readonly problem: string | null;
  /** False when writing would overwrite data that could not be copied aside (or storage is unusable). */
  readonly writable: boolean;
}

/** Reads the store's version and hands the object on, or says why it is not this store's format. */
export function versioned<T>(data: unknown, version: number, read: (envelope: Record<string, unknown>) => StoreRead<T>): StoreRead<T> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: msg('app.storage.reason.notObject') };
  const found = (data as Record<string, unknown>).version;
  if (found !== version) {
    const written = JSON.stringify(found);
    // Versions are codes: written as stored, never grouped like numbers.
    return {
      ok: false,
      reason: written === undefined ? msg('app.storage.reason.versionMissing', { version: String(version) }) : msg('app.storage.reason.version', { found: written, version: String(version) }),
    };
  }
  return read(data as Record<string, unknown>);
}

/**
 * Loads one store. `what` names it for the player ("Your saved progress"),
 * as a catalog message (or, from a caller not yet converted, as text);
 * `read` accepts the parsed JSON or gives the reason it cannot. The problem
 * is written in the reader's language when the store is loaded.
 */
export function loadStore<T>(storage: Storage | null, key: string, now: number, what: Message | string, read: (data: unknown) => StoreRead<T>): LoadedStore<T> {
  if (!storage) return { value: null, problem: null, writable: false };
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return { value: null, problem: t('app.storage.unreachable', { what }), writable: false };
  }
  if (raw === null) return { value: null, problem: null, writable: true };
  let reason: StoreReason;
  try {
    const result = read(JSON.parse(raw) as unknown);
    if (result.ok) return { value: result.value, problem: null, writable: true };
    reason = result.reason;
  } catch {
    reason = msg('app.storage.reason.notJson');
  }
  const asideKey = `${key}.unreadable.${now}`;
  try {
    storage.setItem(asideKey, raw);
  } catch {
    return {
      value: null,
      problem: t('app.storage.stuck', { what, reason, key }),
      writable: false,
    };
  }
  // The copy is safe: now, and only now, the damaged original goes, so it is copied aside once.
  try {
    storage.removeItem(key);
  } catch {
    /* the copy exists; a later write replaces the original */
  }
  return { value: null, problem: t('app.storage.keptAside', { what, reason, key: asideKey }), writable: true };
}

/** Writes one store; false when the browser refuses (private mode, full storage). */
export function writeStore(storage: Storage | null, key: string, text: string): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}
