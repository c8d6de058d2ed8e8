/**
 * Campaign progress as pure functions: what a judged attempt adds to the
 * saved progress, and which levels are open. Storage is the page's business.
 */
import type { Attempt } from './attempt';

export interface LevelProgress {
  readonly completed: boolean;
  readonly stars: number;
  readonly bestPoints: number;
  /** The level's first run (its default agent deployed before any tool) was watched: it is offered from now on, not required. */
  readonly firstRunSeen?: boolean;
}

export type Progress = Readonly<Record<string, LevelProgress>>;

/** Progress after a judged attempt: best stars and points kept. A shared level records nothing. */
export function recordAttempt(progress: Progress, attempt: Attempt): Progress {
  if (attempt.shared || !attempt.score) return progress;
  const id = attempt.level.id;
  const before = progress[id];
  return {
    ...progress,
    [id]: {
      ...before,
      completed: true,
      stars: Math.max(before?.stars ?? 0, attempt.score.stars),
      bestPoints: Math.max(before?.bestPoints ?? 0, attempt.score.points.total),
    },
  };
}

/** Progress after a first run was watched: the level's first run is offered from now on, not required. A shared level records nothing. */
export function recordFirstRun(progress: Progress, attempt: Attempt): Progress {
  if (attempt.shared || !attempt.firstRun?.watched) return progress;
  const id = attempt.level.id;
  const before = progress[id];
  if (before?.firstRunSeen) return progress;
  return { ...progress, [id]: { completed: before?.completed ?? false, stars: before?.stars ?? 0, bestPoints: before?.bestPoints ?? 0, firstRunSeen: true } };
}

/**
 * Whether the level at `index` of the campaign is open: the first always, any
 * in presenter mode, one whose predecessor is completed, and one already
 * played (a level played once, with presenter mode on, stays open after it
 * is turned off).
 */
export function isUnlocked(levelIds: readonly string[], progress: Progress, index: number, presenter: boolean): boolean {
  if (index === 0 || presenter) return true;
  const id = levelIds[index];
  if (id !== undefined && progress[id]?.completed) return true;
  const previous = levelIds[index - 1];
  return previous !== undefined && progress[previous]?.completed === true;
}
