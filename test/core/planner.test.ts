/**
 * The mesa-optimizer's planner on small hand-drawn grids, and the agent's
 * limited view in whole episodes (agent.ts).
 *
 * Grids are drawn as text: `#` a wall, `!` a cell whose entry ends the
 * episode, anything else open floor. Utilities are listed per cell.
 */
import { describe, expect, it } from 'vitest';
import { AgentEpisode, Planner, neighbourTable, generateWorld, knobValues, mindFromRecord, runEpisode, step, Rng, type Action, type PlanGrid, type World } from '../../src/core/index';
import { mustParse, tinyLevelJson } from './campaign';

function grid(rows: readonly string[]): PlanGrid {
  const width = rows[0]!.length;
  const cells = rows.join('');
  const passable = Uint8Array.from(cells, (ch) => (ch === '#' ? 0 : 1));
  return {
    width,
    height: rows.length,
    passable,
    terminal: Uint8Array.from(cells, (ch) => (ch === '!' ? 1 : 0)),
    neighbours: neighbourTable(width, rows.length, passable),
  };
}

function utilities(g: PlanGrid, cells: readonly (readonly [x: number, y: number, u: number])[]): Float64Array {
  const u = new Float64Array(g.width * g.height);
  for (const [x, y, value] of cells) u[y * g.width + x] = value;
  return u;
}

/** The action the agent takes at (x, y) after planning. */
function actionAt(g: PlanGrid, u: Float64Array, x: number, y: number, discount = 0.9): Action {
  const planner = new Planner(g, discount);
  planner.plan(u);
  return planner.bestAction(u, x, y).action;
}

const DELTA: Readonly<Record<Action, readonly [number, number]>> = {
  up: [0, -1],
  right: [1, 0],
  down: [0, 1],
  left: [-1, 0],
  stay: [0, 0],
};

/** Follows the planner's best actions from (x, y) until it stays or reaches `goal`. */
function walk(g: PlanGrid, u: Float64Array, x: number, y: number, goal: readonly [number, number]): Action[] {
  const planner = new Planner(g, 0.9);
  planner.plan(u);
  const path: Action[] = [];
  while (path.length < g.width * g.height && !(x === goal[0] && y === goal[1])) {
    const action = planner.bestAction(u, x, y).action;
    path.push(action);
    if (action === 'stay') break;
    x += DELTA[action][0];
    y += DELTA[action][1];
  }
  return path;
}

describe('Planner.plan: discounted value', () => {
  it('the value of a positive cell falls by the discount with every step away, multiplied outward from the cell', () => {
    const g = grid(['.....']);
    const values = new Planner(g, 0.9).plan(utilities(g, [[4, 0, 5]]));
    // Repeated multiplication from the target outward, never Math.pow: note that
    // 0.9 * (0.9 * 5) is 4.05 exactly while (0.9 * 0.9) * 5 is 4.050000000000001.
    expect([...values]).toEqual([0.9 * (0.9 * (0.9 * (0.9 * 5))), 0.9 * (0.9 * (0.9 * 5)), 0.9 * (0.9 * 5), 0.9 * 5, 5]);
  });

  it('with a discount of one half the values halve exactly', () => {
    const g = grid(['....']);
    expect([...new Planner(g, 0.5).plan(utilities(g, [[0, 0, 8]]))]).toEqual([8, 4, 2, 1]);
  });

  it('bestAction reports the discounted value of the move it picks', () => {
    const g = grid(['...']);
    const u = utilities(g, [[2, 0, 5]]);
    const planner = new Planner(g, 0.9);
    planner.plan(u);
    expect(planner.bestAction(u, 0, 0)).toEqual({ action: 'right', value: 0.9 * (0.9 * 5) });
  });

  it('a cell takes the best of the values reachable from it', () => {
    const g = grid(['.....']);
    const values = new Planner(g, 0.9).plan(
      utilities(g, [
        [0, 0, 2],
        [4, 0, 10],
      ]),
    );
    // Cell 1 is next to the 2, but the 10 three steps away is worth more: 0.9^3 · 10 = 7.29.
    expect(values[1]).toBe(0.9 * (0.9 * (0.9 * 10)));
    // The 2 itself is worth more as a stepping stone toward the 10 than as a stop.
    expect(values[0]).toBe(0.9 * (0.9 * (0.9 * (0.9 * 10))));
  });

  it('planning twice with the same planner gives the same values as a fresh planner', () => {
    const g = grid(['....', '.#..', '....']);
    const first = utilities(g, [[3, 0, 4]]);
    const second = utilities(g, [
      [0, 2, 6],
      [1, 0, -3],
    ]);
    const reused = new Planner(g, 0.9);
    reused.plan(first);
    expect([...reused.plan(second)]).toEqual([...new Planner(g, 0.9).plan(second)]);
  });
});

describe('Planner.bestAction: choices', () => {
  // Agent at x = 2; a target one step left and another three steps right.
  const corridor = grid(['.......']);

  it.each([
    ['moves toward the farther target when its discounted value is higher (0.9³·4 = 2.916 > 0.9·3 = 2.7)', 4, 0.9, 'right'],
    ['moves toward the nearer target when the farther one is worth less once discounted (0.9³·3.5 < 0.9·3)', 3.5, 0.9, 'left'],
    ['a steeper discount makes the same farther target lose (0.5³·4 < 0.5·3)', 4, 0.5, 'left'],
  ] as const)('%s', (_name, farValue, discount, expected) => {
    const u = utilities(corridor, [
      [1, 0, 3],
      [5, 0, farValue],
    ]);
    expect(actionAt(corridor, u, 2, 0, discount)).toBe(expected);
  });

  // Agent at (0, 1), target at (2, 1), a costly cell (1, 1) on the short path.
  // Short: −p + 0.9·0.9·10 = 8.1 − p.  Around the top: 0.9⁴·10 = 6.561.
  const room = grid(['...', '...', '...']);

  it('takes the long way round when the penalty on the short path is large', () => {
    const u = utilities(room, [
      [2, 1, 10],
      [1, 1, -5],
    ]);
    expect(walk(room, u, 0, 1, [2, 1])).toEqual(['up', 'right', 'right', 'down']);
  });

  it('takes the short path through the costly cell when the penalty is small', () => {
    const u = utilities(room, [
      [2, 1, 10],
      [1, 1, -0.5],
    ]);
    expect(walk(room, u, 0, 1, [2, 1])).toEqual(['right', 'right']);
  });

  it.each([
    [-1.5, 'right'],
    [-1.6, 'up'],
  ] as const)('the switch happens where 8.1 − p falls below 6.561 (penalty %d goes %s)', (penalty, expected) => {
    const u = utilities(room, [
      [2, 1, 10],
      [1, 1, penalty],
    ]);
    expect(actionAt(room, u, 0, 1)).toBe(expected);
  });

  it('does not walk through a cell that ends the episode, even one it does not mind', () => {
    const open = grid(['...', '...', '...']);
    const gated = grid(['...', '.!.', '...']);
    const target: [number, number, number][] = [[2, 1, 10]];
    expect(walk(open, utilities(open, target), 0, 1, [2, 1])).toEqual(['right', 'right']);
    expect(walk(gated, utilities(gated, target), 0, 1, [2, 1])).toEqual(['up', 'right', 'right', 'down']);
    expect(new Planner(gated, 0.9).plan(utilities(gated, target))[4]).toBe(0);
  });

  it('still heads for a cell that ends the episode when that cell itself is wanted', () => {
    const g = grid(['..!']);
    const u = utilities(g, [[2, 0, 3]]);
    expect(new Planner(g, 0.9).plan(u)[2]).toBe(3);
    expect(walk(g, u, 0, 0, [2, 0])).toEqual(['right', 'right']);
  });

  it('a cell that ends the episode is a dead end: nothing behind it is reachable', () => {
    const g = grid(['.!.']);
    expect(actionAt(g, utilities(g, [[2, 0, 10]]), 0, 0)).toBe('stay');
  });

  it('stays when nothing anywhere has positive utility', () => {
    const g = grid(['...', '...']);
    const planner = new Planner(g, 0.9);
    const zero = utilities(g, []);
    planner.plan(zero);
    expect(planner.bestAction(zero, 1, 1)).toEqual({ action: 'stay', value: 0 });
    const negative = utilities(g, [
      [0, 0, -1],
      [2, 1, -4],
      [1, 0, -0.5],
    ]);
    expect([...planner.plan(negative)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(planner.bestAction(negative, 1, 1).action).toBe('stay');
  });

  it('stays on a wanted cell when nothing in reach is worth more', () => {
    const g = grid(['...']);
    const u = utilities(g, [
      [0, 0, 2],
      [1, 0, 2],
      [2, 0, 2],
    ]);
    expect(actionAt(g, u, 1, 0)).toBe('stay');
  });

  it('walls block: value does not pass through a wall, and a walled-off agent stays', () => {
    const g = grid(['.#.', '.#.', '.#.']);
    const u = utilities(g, [[2, 1, 10]]);
    const values = new Planner(g, 0.9).plan(u);
    expect([values[0], values[3], values[6], values[1], values[4], values[7]]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(actionAt(g, u, 0, 1)).toBe('stay');
  });

  it('walls are walked around when there is a way', () => {
    const g = grid(['...', '.#.', '...']);
    const u = utilities(g, [[2, 1, 10]]);
    expect(walk(g, u, 0, 1, [2, 1])).toEqual(['up', 'right', 'right', 'down']);
  });

  it('never moves into a wall even when the wall cell has utility', () => {
    const g = grid(['.#']);
    expect(actionAt(g, utilities(g, [[1, 0, 100]]), 0, 0)).toBe('stay');
  });
});

describe('AgentEpisode: a limited view radius', () => {
  // The tiny level: a 12×3 room, start (0, 1), a coin at (9, 2), view radius 2.
  const level = mustParse(tinyLevelJson());
  const coinCell = 2 * 12 + 9;
  const start = (): World => generateWorld(level, knobValues(level, 'training'), Rng.fromSeed(1));

  it('the tiny level puts the agent at (0, 1) and the coin at (9, 2)', () => {
    const world = start();
    expect([world.agentX, world.agentY]).toEqual([0, 1]);
    expect(world.objects).toEqual([{ kind: 'coin', colour: 'yellow', x: 9, y: 2 }]);
  });

  it('a coin beyond the view radius is unseen and worth nothing, so a coin-only agent stands still', () => {
    const mind = mindFromRecord(level, { coin: 5 });
    const agent = new AgentEpisode(level, mind, start());
    expect(agent.seen[coinCell]).toBe(0);
    expect(agent.valueMap(start())[coinCell]).toBe(0);
    const episode = runEpisode(level, mind, start());
    expect(episode.events).toEqual([]);
    expect(episode.idleSteps).toBe(30);
    expect([episode.final.agentX, episode.final.agentY]).toEqual([0, 1]);
  });

  it('the same agent goes for a coin that starts within its view radius', () => {
    const mind = mindFromRecord(level, { coin: 5 });
    const near: World = { ...start(), agentX: 7, agentY: 1 };
    const agent = new AgentEpisode(level, mind, near);
    expect(agent.seen[coinCell]).toBe(1);
    expect(agent.valueMap(near)[coinCell]).toBe(5);
    const episode = runEpisode(level, mind, near);
    expect(episode.events.map((e) => e.kind)).toEqual(['step', 'step', 'step', 'coin']);
  });

  it('the coin appears exactly when the agent comes within the radius, and the agent then turns to it', () => {
    const mind = mindFromRecord(level, { coin: 5, 'right-edge': 1 });
    let world = start();
    const agent = new AgentEpisode(level, mind, world);
    const trace: { x: number; seen: number; action: Action }[] = [];
    let objectsChanged = false;
    while (!world.done) {
      const action = agent.act(world, objectsChanged);
      trace.push({ x: world.agentX, seen: agent.seen[coinCell]!, action });
      const next = step(world, action);
      objectsChanged = next.world.objects !== world.objects;
      world = next.world;
    }
    // Unseen up to x = 6; seen from x = 7 on (|9 − 7| ≤ 2).
    expect(trace.filter((s) => s.seen === 0).map((s) => s.x)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(trace.find((s) => s.seen === 1)?.x).toBe(7);
    // While the coin is unseen it heads for the right edge along its row;
    // once seen, it detours down to the coin and the episode ends there.
    expect(trace.slice(0, 7).every((s) => s.action === 'right')).toBe(true);
    expect(trace.map((s) => s.action)).toContain('down');
    expect([world.agentX, world.agentY]).toEqual([9, 2]);
    expect(world.objects).toEqual([]);
  });

  it('with an unlimited view the coin-only agent sees the coin from the start and collects it', () => {
    const json = tinyLevelJson();
    json.agent.viewRadius = null;
    const wide = mustParse(json);
    const world = generateWorld(wide, knobValues(wide, 'training'), Rng.fromSeed(1));
    const episode = runEpisode(wide, mindFromRecord(wide, { coin: 5 }), world);
    expect(episode.events.at(-1)).toMatchObject({ kind: 'coin', x: 9, y: 2 });
    expect(episode.idleSteps).toBe(0);
  });
});
