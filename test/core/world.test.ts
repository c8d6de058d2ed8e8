/**
 * The world's pure `step`: movement, pick-ups, tiles, observation, the end of
 * an episode, and the text view. Hand-built worlds pin each rule; property
 * tests run random actions in worlds from every campaign level's generator.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACTIONS,
  Rng,
  TILE_BY_CHAR,
  Tile,
  generateWorld,
  knobValues,
  step,
  tileAt,
  toText,
  type Action,
  type EventKind,
  type ObjectKind,
  type TileChar,
  type World,
  type WorldObject,
} from '../../src/core/index';
import { campaign } from './campaign';

const OBJECT_BY_CHAR: Readonly<Record<string, ObjectKind>> = {
  o: 'coin',
  g: 'gem',
  '*': 'star',
  k: 'key',
  c: 'chest',
  E: 'exit',
  S: 'supervisor',
  T: 'trigger',
};

interface WorldOptions {
  readonly maxSteps?: number;
  readonly terminalEvents?: readonly EventKind[];
  readonly supervised?: boolean;
  readonly audited?: boolean;
  readonly keys?: number;
}

/** A world drawn in the same characters `toText` prints: `A` the agent, letters objects, else tiles. */
function worldFrom(rows: readonly string[], options: WorldOptions = {}): World {
  const width = rows[0]!.length;
  const tiles = new Uint8Array(width * rows.length);
  const objects: WorldObject[] = [];
  let agentX = -1;
  let agentY = -1;
  rows.forEach((row, y) => {
    [...row].forEach((ch, x) => {
      if (ch === 'A') {
        agentX = x;
        agentY = y;
      } else if (ch in OBJECT_BY_CHAR) {
        objects.push({ kind: OBJECT_BY_CHAR[ch]!, colour: 'grey', x, y });
      } else {
        tiles[y * width + x] = TILE_BY_CHAR[ch as TileChar];
      }
    });
  });
  return {
    width,
    height: rows.length,
    tiles,
    objects,
    agentX,
    agentY,
    keys: options.keys ?? 0,
    t: 0,
    done: false,
    supervised: options.supervised ?? false,
    audited: options.audited ?? false,
    triggered: objects.some((o) => o.kind === 'trigger'),
    rules: { maxSteps: options.maxSteps ?? 50, terminalEvents: new Set(options.terminalEvents ?? []) },
  };
}

function run(world: World, actions: readonly Action[]): { world: World; kinds: EventKind[] } {
  const kinds: EventKind[] = [];
  for (const action of actions) {
    const result = step(world, action);
    world = result.world;
    kinds.push(...result.events.map((e) => e.kind));
  }
  return { world, kinds };
}

describe('step: movement', () => {
  it.each([
    ['up', 2, 1],
    ['right', 3, 2],
    ['down', 2, 3],
    ['left', 1, 2],
    ['stay', 2, 2],
  ] as const)('%s moves the agent to (%i, %i) and emits one step event', (action, x, y) => {
    const world = worldFrom(['.....', '.....', '..A..', '.....', '.....']);
    const { world: next, events } = step(world, action);
    expect([next.agentX, next.agentY]).toEqual([x, y]);
    expect(events).toEqual([{ kind: 'step', t: 1, x, y, observed: true }]);
  });

  it('a wall blocks a move: the agent stays put but time still passes', () => {
    const world = worldFrom(['.#.', '#A#', '.#.']);
    for (const action of ['up', 'right', 'down', 'left'] as const) {
      const { world: next, events } = step(world, action);
      expect([next.agentX, next.agentY, next.t]).toEqual([1, 1, 1]);
      expect(events.map((e) => e.kind)).toEqual(['step']);
    }
  });

  it('the edge of the grid blocks a move like a wall', () => {
    const topLeft = worldFrom(['A.', '..']);
    expect(step(topLeft, 'up').world).toMatchObject({ agentX: 0, agentY: 0, t: 1 });
    expect(step(topLeft, 'left').world).toMatchObject({ agentX: 0, agentY: 0, t: 1 });
    const bottomRight = worldFrom(['..', '.A']);
    expect(step(bottomRight, 'down').world).toMatchObject({ agentX: 1, agentY: 1 });
    expect(step(bottomRight, 'right').world).toMatchObject({ agentX: 1, agentY: 1 });
  });
});

describe('step: objects', () => {
  it.each([
    ['o', 'coin'],
    ['g', 'gem'],
    ['*', 'star'],
    ['k', 'key'],
  ] as const)('walking onto a %s picks up the %s: it disappears and its event is emitted there', (ch, kind) => {
    const world = worldFrom([`A${ch}.`]);
    const { world: next, events } = step(world, 'right');
    expect(next.objects).toEqual([]);
    expect(events).toEqual([
      { kind: 'step', t: 1, x: 1, y: 0, observed: true },
      { kind, t: 1, x: 1, y: 0, observed: true },
    ]);
  });

  it('picking up a key adds one to the keys carried; other pick-ups do not', () => {
    expect(step(worldFrom(['Ak']), 'right').world.keys).toBe(1);
    expect(step(worldFrom(['Ao']), 'right').world.keys).toBe(0);
  });

  it('only the object on the cell entered is removed', () => {
    const world = worldFrom(['Aog']);
    expect(step(world, 'right').world.objects).toEqual([{ kind: 'gem', colour: 'grey', x: 2, y: 0 }]);
  });

  it('a chest without a key stays shut: no chest event, the chest remains', () => {
    const world = worldFrom(['Ac']);
    const { world: next, events } = step(world, 'right');
    expect(events.map((e) => e.kind)).toEqual(['step']);
    expect(next.objects).toEqual(world.objects);
    expect(next.keys).toBe(0);
  });

  it('a chest opens with a key: it disappears, a chest event, one key fewer', () => {
    const world = worldFrom(['Ac'], { keys: 2 });
    const { world: next, events } = step(world, 'right');
    expect(events.map((e) => e.kind)).toEqual(['step', 'chest']);
    expect(next.objects).toEqual([]);
    expect(next.keys).toBe(1);
  });

  it('a key picked up on the way opens a chest further along', () => {
    const { world, kinds } = run(worldFrom(['Akc']), ['right', 'right']);
    expect(kinds).toEqual(['step', 'key', 'step', 'chest']);
    expect(world.keys).toBe(0);
    expect(world.objects).toEqual([]);
  });

  it('standing still on a cell does not pick anything up again or re-emit tile events', () => {
    const { kinds } = run(worldFrom(['A~']), ['right', 'stay', 'stay']);
    expect(kinds).toEqual(['step', 'hazard', 'step', 'step']);
  });

  it('a supervisor or trigger sign is not picked up', () => {
    const { world, kinds } = run(worldFrom(['AST']), ['right', 'right']);
    expect(kinds).toEqual(['step', 'step']);
    expect(world.objects.map((o) => o.kind)).toEqual(['supervisor', 'trigger']);
  });
});

describe('step: exits, end tiles and hazards', () => {
  it.each([
    ['exit', 'AE'],
    ['end', 'A>'],
    ['hazard', 'A~'],
  ] as const)('reaching a %s emits it and ends the episode when it is terminal', (kind, row) => {
    const { world, events } = step(worldFrom([row], { terminalEvents: [kind] }), 'right');
    expect(events.map((e) => e.kind)).toEqual(['step', kind]);
    expect(world.done).toBe(true);
  });

  it.each([
    ['exit', 'AE'],
    ['end', 'A>'],
    ['hazard', 'A~'],
  ] as const)('reaching a %s emits it but the episode goes on when it is not terminal', (kind, row) => {
    const { world, events } = step(worldFrom([row], { terminalEvents: [] }), 'right');
    expect(events.map((e) => e.kind)).toEqual(['step', kind]);
    expect(world.done).toBe(false);
  });

  it('the exit stays in place when the agent passes through it', () => {
    const { world, kinds } = run(worldFrom(['AE.']), ['right', 'right', 'left']);
    expect(kinds).toEqual(['step', 'exit', 'step', 'step', 'exit']);
    expect(world.objects.map((o) => o.kind)).toEqual(['exit']);
  });

  it('picking up a coin ends the episode when coin is terminal', () => {
    expect(step(worldFrom(['Ao.']), 'right').world.done).toBe(false);
    expect(step(worldFrom(['Ao.'], { terminalEvents: ['coin'] }), 'right').world.done).toBe(true);
  });
});

describe('step: the forbidden tile', () => {
  it.each([
    [false, false, false],
    [true, false, true],
    [false, true, true],
    [true, true, true],
  ])('supervised=%s audited=%s: the forbidden event is observed=%s', (supervised, audited, observed) => {
    const { events } = step(worldFrom(['Ax.'], { supervised, audited }), 'right');
    expect(events).toEqual([
      { kind: 'step', t: 1, x: 1, y: 0, observed: true },
      { kind: 'forbidden', t: 1, x: 1, y: 0, observed },
    ]);
  });

  it('the forbidden tile does not stop the agent', () => {
    expect(run(worldFrom(['Ax.']), ['right', 'right']).world.agentX).toBe(2);
  });
});

describe('step: time', () => {
  it('the episode ends after maxSteps steps, not before', () => {
    let world = worldFrom(['A.'], { maxSteps: 3 });
    const done: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      world = step(world, 'stay').world;
      done.push(world.done);
    }
    expect(done).toEqual([false, false, true]);
    expect(world.t).toBe(3);
  });

  it('a finished world is returned unchanged, with no events', () => {
    const finished = step(worldFrom(['A>.'], { terminalEvents: ['end'] }), 'right').world;
    expect(finished.done).toBe(true);
    for (const action of ACTIONS) {
      const result = step(finished, action);
      expect(result.world).toBe(finished);
      expect(result.events).toEqual([]);
    }
  });
});

describe('step is pure', () => {
  it('never mutates the world it is given', () => {
    const world = worldFrom(['Akc*', '.x~E', 'og>.'], { supervised: true });
    const snapshot = structuredClone(world);
    const actions: Action[] = ['right', 'right', 'right', 'down', 'left', 'left', 'down', 'left', 'up', 'stay'];
    let current = world;
    for (const action of actions) {
      const before = structuredClone(current);
      const next = step(current, action).world;
      expect(current).toEqual(before);
      current = next;
    }
    expect(world).toEqual(snapshot);
  });
});

describe('toText', () => {
  it('draws the agent, objects by kind and tiles, one character per cell', () => {
    const world = worldFrom(['#####', '#Ao*#', '#xkc#', '#~>E#', '#ST.#', '#####']);
    expect(toText(world)).toMatchInlineSnapshot(`
      "#####
      #Ao*#
      #xkc#
      #~>E#
      #ST.#
      #####"
    `);
  });

  it('draws the agent over the cell it stands on, and the world after a step', () => {
    const after = step(worldFrom(['A>.'], { terminalEvents: [] }), 'right').world;
    expect(toText(after)).toMatchInlineSnapshot(`".A."`);
  });
});

describe.each(campaign().map((level) => [level.id, level] as const))('random play in %s', (_, level) => {
  const knobs = knobValues(level, 'training');
  const seed = fc.integer();
  const actions = fc.array(fc.constantFrom(...ACTIONS), { maxLength: 3 * level.world.maxSteps });
  const RUNS = { numRuns: 200 };

  /** Every world of an episode, the start included, and every step's events. */
  function playOut(s: number, moves: readonly Action[]): { worlds: World[]; events: string[] } {
    let world = generateWorld(level, knobs, Rng.fromSeed(s));
    const worlds = [world];
    const events: string[] = [];
    for (const action of moves) {
      const result = step(world, action);
      world = result.world;
      worlds.push(world);
      events.push(JSON.stringify(result.events));
    }
    return { worlds, events };
  }

  it('the agent never stands on a wall or leaves the grid', () => {
    fc.assert(
      fc.property(seed, actions, (s, moves) => {
        for (const w of playOut(s, moves).worlds) {
          expect(w.agentX >= 0 && w.agentX < w.width && w.agentY >= 0 && w.agentY < w.height).toBe(true);
          expect(tileAt(w, w.agentX, w.agentY)).not.toBe(Tile.Wall);
        }
      }),
      RUNS,
    );
  });

  it('t grows by exactly 1 per step until the episode is done, then nothing changes', () => {
    fc.assert(
      fc.property(seed, actions, (s, moves) => {
        const { worlds } = playOut(s, moves);
        for (let i = 1; i < worlds.length; i++) {
          const before = worlds[i - 1]!;
          const after = worlds[i]!;
          if (before.done) expect(after).toBe(before);
          else expect(after.t).toBe(before.t + 1);
        }
      }),
      RUNS,
    );
  });

  it('the same seed and actions give the same worlds and events', () => {
    fc.assert(
      fc.property(seed, actions, (s, moves) => {
        const first = playOut(s, moves);
        const second = playOut(s, moves);
        expect(second.worlds.map(toText)).toEqual(first.worlds.map(toText));
        expect(second.events).toEqual(first.events);
      }),
      RUNS,
    );
  });

  it('the number of objects never increases', () => {
    fc.assert(
      fc.property(seed, actions, (s, moves) => {
        const counts = playOut(s, moves).worlds.map((w) => w.objects.length);
        for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]!);
      }),
      RUNS,
    );
  });

  it('a step never mutates the world it is given', () => {
    fc.assert(
      fc.property(seed, actions, (s, moves) => {
        let world = generateWorld(level, knobs, Rng.fromSeed(s));
        for (const action of moves) {
          const before = structuredClone(world);
          const next = step(world, action).world;
          expect(world).toEqual(before);
          world = next;
        }
      }),
      RUNS,
    );
  });
});
