/**
 * The player's saved progress and settings, versioned, in localStorage.
 *
 * A save that cannot be read (bad JSON, wrong shape, unknown version) is
 * never silently dropped: it is copied aside once under its own key, the
 * player is told, and play continues from a fresh save; if it cannot be
 * copied, it is never overwritten (see src/ui/storage.ts).
 */
import { z } from 'zod';
import { LOCALE_IDS, msg, t } from '../i18n/index';
import { loadStore, writeStore } from './storage';

export const SAVE_KEY = 'mesa.save';
export const SAVE_VERSION = 1;

const levelProgress = z.object({
  completed: z.boolean(),
  stars: z.int().min(0).max(3),
  bestPoints: z.number().min(0).max(1000),
  // Added after version 1 shipped (optional, so older saves stay readable): the level's first run was watched.
  firstRunSeen: z.boolean().optional(),
});

const saveSchema = z.object({
  version: z.literal(SAVE_VERSION),
  progress: z.record(z.string().max(40), levelProgress),
  settings: z.object({
    reducedMotion: z.boolean(),
    textSize: z.enum(['normal', 'large']).default('normal'),
    // Added after version 1 shipped: defaults keep older version-1 saves readable.
    presenter: z.boolean().default(false),
    contrast: z.enum(['normal', 'high']).default('normal'),
    // The Train screen's show; unset: on, unless reduced motion is.
    trainingShow: z.boolean().optional(),
    // The language the game is written in; unset: English (a language this build does not have is read as unset).
    language: z
      .enum(LOCALE_IDS as [string, ...string[]])
      .optional()
      .catch(undefined),
  }),
});

export type SaveData = z.infer<typeof saveSchema>;
export type LevelProgress = z.infer<typeof levelProgress>;

export interface LoadedSave {
  readonly save: SaveData;
  /** Set when a stored save could not be read; says what and where it was kept. */
  readonly problem: string | null;
  /** False when writing would overwrite a damaged save that could not be copied aside. */
  readonly writable: boolean;
}

export function freshSave(prefersReducedMotion = false): SaveData {
  return { version: SAVE_VERSION, progress: {}, settings: { reducedMotion: prefersReducedMotion, textSize: 'normal', presenter: false, contrast: 'normal' } };
}

/** The save, through the one storage scheme of src/ui/storage.ts (a damaged save is copied aside once). */
export function loadSave(storage: Storage | null, now: number, prefersReducedMotion = false): LoadedSave {
  const loaded = loadStore(storage, SAVE_KEY, now, msg('app.save.what'), (data) => {
    const parsed = saveSchema.safeParse(data);
    if (parsed.success) return { ok: true, value: parsed.data };
    const issue = parsed.error.issues[0]!;
    // The schema's own words name what is wrong: a technical detail, shown as written.
    return { ok: false, reason: `${issue.path.join('.') || t('app.save.whole')}: ${issue.message}` };
  });
  return { save: loaded.value ?? freshSave(prefersReducedMotion), problem: loaded.problem, writable: loaded.writable || storage === null };
}

/** Writes the save; returns false when the browser refuses (private mode, full storage). */
export function writeSave(storage: Storage | null, save: SaveData): boolean {
  return writeStore(storage, SAVE_KEY, JSON.stringify(save));
}
