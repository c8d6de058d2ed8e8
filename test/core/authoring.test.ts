/**
 * What level authors can say: a relational feature ("next to a tree"), an
 * object placed beside another wherever that one lands, and object rules
 * whose order never changes the draws of unrelated objects.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AgentEpisode, Rng, generateWorld, knobValues, mindFromRecord, objectStreamNames, parseLevel, runEpisode, toText, type Level, type World } from '../../src/core/index';
import { mustParse, tinyLevelJson } from './campaign';

/** A 9×7 field with a tree somewhere in its middle and a gem always beside it. */
function grove(extra: Record<string, any> = {}): Record<string, any> {
  const json = tinyLevelJson();
  json.world.map = ['.........', '.........', '.........', '.........', '.........', '.........', '.........'];
  json.world.start = { cells: [[0, 0]] };
  json.world.terminalEvents = ['gem'];
  json.objects = [
    { kind: 'gem', colour: 'sky', at: { beside: 'tree' } },
    { kind: 'tree', colour: 'green', at: { rect: [2, 2, 6, 4] } },
  ];
  json.agent = { features: ['gem', 'tree', 'next-to-tree', 'next-to-wall'], viewRadius: null, inductiveBias: { explanation: 'None.' } };
  json.hypotheses = [
    { id: 'gem', label: 'Gem', description: 'Gets the gem.', weights: { gem: 1 }, intended: true },
    { id: 'tree', label: 'Tree', description: 'Stands by the tree.', weights: { 'next-to-tree': 1 } },
  ];
  json.reward = { default: { gem: 10 }, editable: ['gem'] };
  json.success = { all: ['gem'], threshold: 0.8 };
  return { ...json, ...extra };
}

const adjacent = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y) === 1;

function worlds(level: Level, count: number, seed = 5): World[] {
  const rng = Rng.fromSeed(seed);
  const knobs = knobValues(level, 'training');
  return Array.from({ length: count }, () => generateWorld(level, knobs, rng));
}

describe('placement beside another object', () => {
  it('the gem is always next to the tree, wherever the tree is', () => {
    const level = mustParse(grove());
    const sample = worlds(level, 200);
    const treeCells = new Set<string>();
    for (const world of sample) {
      const tree = world.objects.find((o) => o.kind === 'tree')!;
      const gem = world.objects.find((o) => o.kind === 'gem')!;
      expect(adjacent(tree, gem)).toBe(true);
      treeCells.add(`${tree.x},${tree.y}`);
    }
    // The tree really moves (15 cells in its rectangle), and the gem with it.
    expect(treeCells.size).toBeGreaterThan(10);
  });

  it('every side of the tree is used, not one fixed offset', () => {
    const level = mustParse(grove());
    const sides = new Set(
      worlds(level, 200).map((w) => {
        const tree = w.objects.find((o) => o.kind === 'tree')!;
        const gem = w.objects.find((o) => o.kind === 'gem')!;
        return `${gem.x - tree.x},${gem.y - tree.y}`;
      }),
    );
    expect([...sides].sort()).toEqual(['-1,0', '0,-1', '0,1', '1,0']);
  });

  it('without its tree, the gem does not appear', () => {
    const json = grove();
    json.objects[1].presence = 0;
    const level = mustParse(json);
    for (const world of worlds(level, 20)) expect(world.objects).toEqual([]);
  });

  it('a level whose anchor is never placed on its own, or that puts a kind beside itself, is rejected with the path', () => {
    const noTree = grove();
    noTree.objects = [noTree.objects[0]];
    const selfBeside = grove();
    selfBeside.objects[1].variants = [{ chance: 0.5, at: { beside: 'tree' } }];
    const problems = (json: Record<string, any>) => {
      const parsed = parseLevel(json);
      return parsed.ok ? [] : parsed.problems.map((p) => p.path);
    };
    expect(problems(noTree)).toEqual(['objects[0].at.beside']);
    expect(problems(selfBeside)).toEqual(['objects[0].at.beside', 'objects[1].variants[0].at.beside']);
  });
});

describe('relational features', () => {
  it('an agent that values only "next to a tree" walks to the tree and stops beside it', () => {
    const level = mustParse(grove());
    const mind = mindFromRecord(level, { 'next-to-tree': 1 });
    for (const world of worlds(level, 30)) {
      const episode = runEpisode(level, mind, world);
      const tree = world.objects.find((o) => o.kind === 'tree')!;
      expect(adjacent({ x: episode.final.agentX, y: episode.final.agentY }, tree)).toBe(true);
    }
  });

  it('a cell next to two trees counts once: the feature says "next to a tree", not how many', () => {
    const json = grove();
    json.objects = [
      { kind: 'tree', colour: 'green', at: { cells: [[3, 3]] } },
      { kind: 'tree', colour: 'green', at: { cells: [[5, 3]] } },
    ];
    const level = mustParse(json);
    const [world] = worlds(level, 1);
    const agent = new AgentEpisode(level, mindFromRecord(level, { 'next-to-tree': 2 }), world!);
    agent.valueMap(world!);
    const u = (x: number, y: number) => agent.utility[y * world!.width + x];
    expect(u(4, 3)).toBe(2); // between the two trees
    expect(u(3, 2)).toBe(2);
    expect(u(3, 3)).toBe(0); // standing on a tree is not standing next to one
    expect(u(0, 0)).toBe(0);
  });

  it('a tree the agent has not seen yet makes nothing attractive (partial view)', () => {
    const json = grove({});
    json.agent.viewRadius = 1;
    json.objects = [{ kind: 'tree', colour: 'green', at: { cells: [[6, 5]] } }];
    const level = mustParse(json);
    const [world] = worlds(level, 1);
    const agent = new AgentEpisode(level, mindFromRecord(level, { 'next-to-tree': 1 }), world!);
    agent.valueMap(world!);
    expect([...agent.utility].every((v) => v === 0)).toBe(true);
  });

  it('"next to a wall" is a property of the map: 1 exactly on floor cells beside a wall tile', () => {
    const json = grove();
    json.world.map[3] = '....#....';
    json.objects = [];
    const level = mustParse(json);
    const [world] = worlds(level, 1);
    const agent = new AgentEpisode(level, mindFromRecord(level, { 'next-to-wall': 1 }), world!);
    agent.valueMap(world!);
    const marked: string[] = [];
    for (let c = 0; c < agent.utility.length; c++) if (agent.utility[c] === 1) marked.push(`${c % world!.width},${Math.floor(c / world!.width)}`);
    expect(marked.sort()).toEqual(['3,3', '4,2', '4,4', '5,3']);
  });
});

describe('object order and random draws', () => {
  const threeRooms = () => {
    const json = grove();
    json.objects = [
      { kind: 'coin', colour: 'yellow', at: { rect: [0, 0, 8, 1] } },
      { kind: 'gem', colour: ['sky', 'blue', 'purple'], at: { rect: [0, 5, 8, 6] } },
      { kind: 'star', colour: 'orange', count: 2, presence: 0.5, at: { rect: [2, 2, 6, 4] } },
    ];
    json.agent.features = ['coin', 'gem', 'star'];
    json.hypotheses = [
      { id: 'gem', label: 'Gem', description: 'Gets the gem.', weights: { gem: 1 }, intended: true },
      { id: 'coin', label: 'Coin', description: 'Gets the coin.', weights: { coin: 1 } },
    ];
    return json;
  };
  const byKind = (world: World) => [...world.objects].sort((a, b) => a.kind.localeCompare(b.kind) || a.y - b.y || a.x - b.x);

  it('reversing the object list leaves every world the same (as a set of objects)', () => {
    const forward = mustParse(threeRooms());
    const json = threeRooms();
    json.objects.reverse();
    const reversed = mustParse(json);
    const a = worlds(forward, 50);
    const b = worlds(reversed, 50);
    a.forEach((world, i) => {
      expect(byKind(b[i]!)).toEqual(byKind(world));
      expect(toText(b[i]!)).toBe(toText(world));
    });
  });

  it('adding an unrelated object rule moves no other object', () => {
    const before = mustParse(threeRooms());
    const json = threeRooms();
    json.objects.unshift({ kind: 'key', colour: 'green', count: 3, at: { rect: [0, 2, 1, 4] } });
    const after = mustParse(json);
    const a = worlds(before, 50);
    const b = worlds(after, 50);
    a.forEach((world, i) => expect(byKind(b[i]!).filter((o) => o.kind !== 'key')).toEqual(byKind(world)));
  });

  it('any order of rules in separate regions gives the same worlds (property)', () => {
    const rules = [
      { kind: 'coin', colour: 'yellow', at: { rect: [0, 0, 8, 0] } },
      { kind: 'gem', colour: ['sky', 'blue'], count: 2, at: { rect: [0, 1, 8, 1] } },
      { kind: 'star', colour: 'orange', presence: 0.5, at: { rect: [0, 2, 8, 2] } },
      { kind: 'key', colour: 'green', at: { rect: [0, 3, 8, 3] }, variants: [{ chance: 0.3, at: { rect: [0, 4, 8, 4] } }] },
      { kind: 'tree', colour: 'green', at: { rect: [0, 5, 8, 5] } },
      { kind: 'cheese', colour: 'yellow', at: { beside: 'tree' } },
    ];
    const levelWith = (order: readonly number[]) => {
      const json = threeRooms();
      json.world.start = { cells: [[0, 6]] };
      json.objects = order.map((i) => rules[i]);
      return mustParse(json);
    };
    const reference = worlds(levelWith([0, 1, 2, 3, 4, 5]), 10, 9).map((w) => toText(w));
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }), fc.integer({ min: 0, max: 1000 }), (order, seed) => {
        expect(worlds(levelWith(order), 10, 9).map((w) => toText(w))).toEqual(reference);
        const a = worlds(levelWith(order), 3, seed).map((w) => toText(w));
        const b = worlds(levelWith([...order].reverse()), 3, seed).map((w) => toText(w));
        expect(b).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });

  it('each rule draws from a stream named by its kind and its place among rules of that kind', () => {
    const json = threeRooms();
    json.objects.push({ kind: 'coin', colour: 'yellow', at: { rect: [0, 2, 1, 4] } });
    expect(objectStreamNames(mustParse(json))).toEqual(['object:coin:0', 'object:gem:0', 'object:star:0', 'object:coin:1']);
  });

  it('an object whose cell is already taken moves to a free cell of its own region, and nothing is stacked', () => {
    const json = threeRooms();
    json.objects = [
      { kind: 'coin', colour: 'yellow', count: 8, at: { rect: [0, 0, 2, 2] } },
      { kind: 'gem', colour: 'sky', count: 8, at: { rect: [0, 0, 2, 2] } },
    ];
    const level = mustParse(json);
    for (const world of worlds(level, 30)) {
      const cells = world.objects.map((o) => `${o.x},${o.y}`);
      expect(new Set(cells).size).toBe(cells.length);
      // Nine cells, one of them the start: eight objects fit, the rest are left out.
      expect(world.objects.length).toBe(8);
    }
  });
});
