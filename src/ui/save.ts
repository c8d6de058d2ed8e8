/**
 * The player's saved progress and settings, versioned, in localStorage.
 *
 * A save that cannot be read (bad JSON, wrong shape, unknown version) is
 * never silently dropped: it is copied aside under its own key, the player is
 * told, and play continues from a fresh save.
 */
import { z } from 'zod';

export const SAVE_KEY = 'mesa.save';
export const SAVE_VERSION = 1;

const levelProgress = z.object({
  completed: z.boolean(),
  stars: z.int().min(0).max(3),
  bestPoints: z.number().min(0).max(1000),
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
  }),
});

export type SaveData = z.infer<typeof saveSchema>;
export type LevelProgress = z.infer<typeof levelProgress>;

export interface LoadedSave {
  readonly save: SaveData;
  /** Set when a stored save could not be read; says what and where it was kept. */
  readonly problem: string | null;
}

export function freshSave(prefersReducedMotion = false): SaveData {
  return { version: SAVE_VERSION, progress: {}, settings: { reducedMotion: prefersReducedMotion, textSize: 'normal', presenter: false, contrast: 'normal' } };
}

export function loadSave(storage: Storage | null, now: number, prefersReducedMotion = false): LoadedSave {
  if (!storage) return { save: freshSave(prefersReducedMotion), problem: null };
  let raw: string | null;
  try {
    raw = storage.getItem(SAVE_KEY);
  } catch {
    return { save: freshSave(prefersReducedMotion), problem: 'Saved progress could not be read from this browser, so progress will not be kept.' };
  }
  if (raw === null) return { save: freshSave(prefersReducedMotion), problem: null };

  let reason: string;
  try {
    const parsed = saveSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return { save: parsed.data, problem: null };
    const issue = parsed.error.issues[0]!;
    reason = `${issue.path.join('.') || 'the save'}: ${issue.message}`;
  } catch {
    reason = 'it is not valid JSON';
  }
  const asideKey = `${SAVE_KEY}.unreadable.${now}`;
  try {
    storage.setItem(asideKey, raw);
  } catch {
    return { save: freshSave(prefersReducedMotion), problem: `Your saved progress was damaged (${reason}) and could not be copied aside; it is still stored under "${SAVE_KEY}" and has not been overwritten.` };
  }
  return {
    save: freshSave(prefersReducedMotion),
    problem: `Your saved progress was damaged (${reason}). It was kept aside under "${asideKey}" and a fresh save was started.`,
  };
}

/** Writes the save; returns false when the browser refuses (private mode, full storage). */
export function writeSave(storage: Storage | null, save: SaveData): boolean {
  if (!storage) return false;
  try {
    storage.setItem(SAVE_KEY, JSON.stringify(save));
    return true;
  } catch {
    return false;
  }
}
