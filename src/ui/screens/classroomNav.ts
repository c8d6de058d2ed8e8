/**
 * How the teacher's pages are reached: the class board and the lesson guide
 * open each other, so where they were opened from (to go back to) and which
 * level the guide shows live here, the one interface both use. Neither page
 * imports the other.
 */
import type { App, Screen } from '../app';

export interface ClassroomNav {
  /** The screen the "Back" button of either page returns to. */
  readonly returnTo: Screen;
  /** The level the lesson guide shows (null: the first). */
  readonly guideLevel: string | null;
}

let nav: ClassroomNav = { returnTo: 'title', guideLevel: null };

/** Where the classroom pages stand now. */
export function classroomNav(): ClassroomNav {
  return nav;
}

/** Moving between the board and the guide keeps the screen both go back to. */
function backFrom(app: App): Screen {
  return app.screen === 'board' || app.screen === 'guide' ? nav.returnTo : app.screen;
}

/** Opens the class board, remembering where to go back to. */
export function openBoard(app: App): void {
  nav = { ...nav, returnTo: backFrom(app) };
  app.go('board');
}

/** Opens the lesson guide at a level (or the first), remembering where to go back to. */
export function openGuide(app: App, levelId: string | null): void {
  nav = { returnTo: backFrom(app), guideLevel: levelId };
  app.go('guide');
}
