/**
 * The class board and the lesson guide open each other; both go back to the
 * screen the teacher came from, however often they switch between the two.
 */
import { describe, expect, it } from 'vitest';
import type { App, Screen } from '../../src/ui/app';
import { classroomNav, openBoard, openGuide } from '../../src/ui/screens/classroomNav';

/** Only what navigation reads: the screen showing and a way to change it. */
function fakeApp(screen: Screen): App & { visited: Screen[] } {
  const app = {
    screen,
    visited: [] as Screen[],
    go(next: Screen) {
      app.screen = next;
      app.visited.push(next);
    },
  };
  return app as unknown as App & { visited: Screen[] };
}

describe('classroom navigation', () => {
  it('opens the board and remembers the screen to go back to', () => {
    const app = fakeApp('inspect');
    openBoard(app);
    expect(app.screen).toBe('board');
    expect(classroomNav().returnTo).toBe('inspect');
  });

  it('keeps the way back while switching between the board and the guide', () => {
    const app = fakeApp('score');
    openBoard(app);
    openGuide(app, 'goes-right');
    expect(app.visited).toEqual(['board', 'guide']);
    expect(classroomNav()).toEqual({ returnTo: 'score', guideLevel: 'goes-right' });
    openGuide(app, 'colour-proxy');
    openBoard(app);
    expect(classroomNav()).toEqual({ returnTo: 'score', guideLevel: 'colour-proxy' });
  });

  it('opening the guide from elsewhere forgets an older way back', () => {
    const app = fakeApp('inspect');
    openGuide(app, 'tutorial');
    app.screen = 'title';
    openBoard(app);
    openGuide(app, null);
    expect(classroomNav()).toEqual({ returnTo: 'title', guideLevel: null });
  });
});
