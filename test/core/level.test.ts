/**
 * The level schema: every campaign level parses, and each kind of bad level
 * gets its own problem naming the path of the bad field and the reason.
 * Bad levels are the tutorial with one thing broken, so each test shows
 * exactly which mistake it is about.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { describeProblems, parseConfig, parseLevel, weightLayout, weightNames, type LevelProblem } from '../../src/core/index';
import { campaign, levelJson, mustParse, saying } from './campaign';
import { tx } from '../../src/i18n/index';

/** The problems found in data that must not parse. */
function problemsOf(data: unknown): readonly LevelProblem[] {
  const parsed = parseLevel(data);
  if (parsed.ok) throw new Error('the broken level was accepted');
  return parsed.problems;
}

/** The problems found in the tutorial after `breakIt` changes it in place. */
function problemsAfter(breakIt: (level: Record<string, any>) => void): readonly LevelProblem[] {
  const level = levelJson('tutorial');
  breakIt(level);
  return problemsOf(level);
}

const problem = (path: string, fragment: string) => ({ path, message: saying(fragment) });

describe('campaign levels', () => {
  it('every level under levels/ parses', () => {
    const files = readdirSync('levels').filter((f) => f.endsWith('.json'));
    const ids = campaign().map((l) => l.id);
    // One level per file, named after its id.
    expect(ids.map((id) => `${id}.json`).sort()).toEqual(files.sort());
  });

  it('the tutorial parses unchanged, so every problem below comes from the one thing broken', () => {
    expect(parseLevel(levelJson('tutorial')).ok).toBe(true);
  });

  it('defaults are filled in: terminal events, audit chance, view radius, discount', () => {
    const json = levelJson('tutorial');
    delete json.world.terminalEvents;
    delete json.agent.viewRadius;
    delete json.agent.discount;
    const level = mustParse(json);
    expect(level.world.terminalEvents).toEqual(['exit', 'end', 'hazard']);
    expect(level.world.auditChance).toBe(0);
    expect(level.agent.viewRadius).toBeNull();
    expect(level.agent.discount).toBe(0.9);
  });

  it('a feature split by a context bit has one weight per value of the bit', () => {
    const level = campaign().find((l) => l.id === 'treacherous-turn')!;
    expect(weightNames(level.agent)).toEqual(['exit', 'forbidden|watched', 'forbidden|unwatched']);
  });

  it('lays the weight vector out feature by feature, a split feature taking two places', () => {
    const level = campaign().find((l) => l.id === 'treacherous-turn')!;
    expect(weightLayout({ ...level.agent, features: ['forbidden', 'exit'] })).toEqual([
      { feature: 'forbidden', bit: 'watched', index: 0, names: ['forbidden|watched', 'forbidden|unwatched'] },
      { feature: 'exit', bit: null, index: 2, names: ['exit'] },
    ]);
  });
});

describe('shape errors', () => {
  it.each([
    ['a number', 42, 'number'],
    ['an array', [], 'array'],
    ['null', null, 'null'],
  ])('a level that is %s, not an object, is rejected at the root', (_, data, received) => {
    expect(problemsOf(data)).toEqual([problem('(root)', `expected object, received ${received}`)]);
  });

  it('a missing required field is named by its path', () => {
    expect(problemsAfter((l) => delete l.title)).toEqual([problem('title', 'expected string, received undefined')]);
  });

  it('a misspelt key is reported as unrecognized on the object that holds it, and the real key as missing', () => {
    const problems = problemsAfter((l) => {
      l.titel = l.title;
      delete l.title;
    });
    expect(problems).toEqual([problem('title', 'expected string'), problem('(root)', 'Unrecognized key: "titel"')]);
  });

  it('an unknown key inside a nested object is reported on that object', () => {
    expect(problemsAfter((l) => (l.world.mapp = []))).toEqual([problem('world', 'Unrecognized key: "mapp"')]);
  });

  it('a field of the wrong type names its path and both types', () => {
    expect(problemsAfter((l) => (l.order = '1'))).toEqual([problem('order', 'expected number, received string')]);
  });

  it('a map row with a character that is not a tile is rejected', () => {
    expect(problemsAfter((l) => (l.world.map[2] = '...?....'))).toEqual([problem('world.map[2]', 'map rows use only . # > x ~')]);
  });

  it('a map row of the wrong width is rejected with both widths', () => {
    expect(problemsAfter((l) => (l.world.map[3] = '.....'))).toEqual([problem('world.map[3]', 'row has 5 tiles but row 0 has 8')]);
  });

  it('a grid wider than 32 tiles is rejected', () => {
    const problems = problemsAfter((l) => (l.world.map = l.world.map.map(() => '.'.repeat(33))));
    expect(problems).toEqual([problem('world.map[0]', 'at most 32 tiles wide, this one has 33')]);
  });

  it('a grid exactly 32 tiles wide is accepted', () => {
    const json = levelJson('tutorial');
    json.world.map = json.world.map.map(() => '.'.repeat(32));
    expect(parseLevel(json).ok).toBe(true);
  });

  it('a grid taller than 32 rows is rejected', () => {
    const problems = problemsAfter((l) => (l.world.map = Array.from({ length: 33 }, () => '........')));
    expect(problems).toEqual([problem('world.map', '32')]);
  });

  it('a format other than 1 is rejected', () => {
    expect(problemsAfter((l) => (l.format = 2))).toEqual([problem('format', 'expected 1')]);
  });

  it('an unknown feature name is rejected', () => {
    expect(problemsAfter((l) => (l.agent.features = ['coin', 'exit', 'teleporter']))).toEqual([problem('agent.features[2]', 'Invalid option')]);
  });
});

describe('cross-field errors', () => {
  it('a spawn rule referring to a knob the level does not have', () => {
    expect(problemsAfter((l) => (l.objects[1].presence = { knob: 'coinShare' }))).toEqual([problem('objects[1].presence.knob', 'no knob named "coinShare"')]);
  });

  it('a hypothesis weight the agent does not have', () => {
    expect(problemsAfter((l) => (l.hypotheses[0].weights.gem = 1))).toEqual([problem('hypotheses[0].weights.gem', 'the agent has no weight "gem" (it has: coin, exit)')]);
  });

  it('no intended hypothesis', () => {
    expect(problemsAfter((l) => (l.hypotheses[0].intended = false))).toEqual([problem('hypotheses', 'exactly one hypothesis must be intended, found 0')]);
  });

  it('two intended hypotheses', () => {
    expect(problemsAfter((l) => (l.hypotheses[1].intended = true))).toEqual([problem('hypotheses', 'exactly one hypothesis must be intended, found 2')]);
  });

  it('two hypotheses with the same id: the second is named', () => {
    expect(problemsAfter((l) => l.hypotheses.push({ ...l.hypotheses[1] }))).toEqual([problem('hypotheses[2].id', '"straight-to-exit" is used by another hypothesis')]);
  });

  it('a claim expecting a hypothesis the level does not list', () => {
    expect(problemsAfter((l) => (l.lesson.claims[0].expect.revealed = 'goes-left'))).toEqual([problem('lesson.claims[0].expect.revealed', 'no hypothesis named "goes-left"')]);
  });

  it('a claim whose configuration changes a reward the player may not edit', () => {
    expect(problemsAfter((l) => (l.lesson.claims[1].config.reward.hazard = -1))).toEqual([problem('lesson.claims[1].config.reward.hazard', 'does not let you change the reward for "hazard"')]);
  });

  it('a claim whose configuration changes a locked knob', () => {
    const json = levelJson('goes-right');
    json.knobs.coinRandomShare.unlocked = false;
    const parsed = parseLevel(json);
    expect(parsed.ok ? [] : parsed.problems).toEqual([problem('lesson.claims[2].config.knobs.coinRandomShare', 'the knob "coinRandomShare" is locked')]);
  });

  it("a knob's training value outside [min, max]", () => {
    const knob = { label: 'K', description: 'A knob.', min: 0, max: 1, step: 0.1, training: 2, deployment: 0 };
    expect(problemsAfter((l) => (l.knobs.share = knob))).toEqual([problem('knobs.share.training', '2 is outside [0, 1]')]);
  });

  it('a region cell outside the map', () => {
    expect(
      problemsAfter(
        (l) =>
          (l.objects[1].at = {
            cells: [
              [3, 3],
              [9, 2],
            ],
          }),
      ),
    ).toEqual([problem('objects[1].at', 'cell 1 (9, 2) lies outside the 8×7 map')]);
  });

  it('a start rectangle reaching past the bottom of the map', () => {
    expect(problemsAfter((l) => (l.world.start = { rect: [0, 0, 2, 7] }))).toEqual([problem('world.start', '(2, 7) lies outside the 8×7 map')]);
  });

  it('a start region with no floor tile (the agent would start in a wall)', () => {
    expect(
      problemsAfter((l) => {
        l.world.map[0] = '#' + l.world.map[0].slice(1);
        l.world.start = { cells: [[0, 0]] };
      }),
    ).toEqual([problem('world.start', 'no floor tile in the start region')]);
  });

  it('an object placed on a wall (it would never appear)', () => {
    expect(
      problemsAfter((l) => {
        l.world.map[3] = '###' + l.world.map[3].slice(3);
        l.objects[1].at = { cells: [[1, 3]] };
      }),
    ).toEqual([problem('objects[1].at', 'cell 0 (1, 3) is a wall')]);
  });

  it('an object region with no floor tile', () => {
    expect(
      problemsAfter((l) => {
        l.world.map[0] = '#'.repeat(l.world.map[0].length);
        l.objects[1].at = { rect: [0, 0, 3, 0] };
      }),
    ).toEqual([problem('objects[1].at', 'no floor tile in this region')]);
  });

  it('a feature conditioned on a context bit that is not one of agent.features', () => {
    expect(problemsAfter((l) => (l.agent.contexts = { watched: ['forbidden'] }))).toEqual([problem('agent.contexts.watched[0]', '"forbidden" is not one of agent.features')]);
  });

  it('every problem is reported, not just the first', () => {
    const problems = problemsAfter((l) => {
      l.hypotheses[0].weights.gem = 1;
      l.lesson.claims[0].expect.revealed = 'goes-left';
    });
    expect(problems.map((p) => p.path)).toEqual(['hypotheses[0].weights.gem', 'lesson.claims[0].expect.revealed']);
  });
});

describe('parseConfig', () => {
  // goes-right with its knob locked, and without the claim that turns it.
  const lockedJson = levelJson('goes-right');
  lockedJson.knobs.coinRandomShare.unlocked = false;
  lockedJson.lesson.claims = lockedJson.lesson.claims.filter((c: { config?: { knobs?: unknown } }) => c.config?.knobs === undefined);
  const locked = mustParse(lockedJson);
  const goesRight = mustParse(levelJson('goes-right'));

  it('accepts a configuration within what the level allows', () => {
    const config = { reward: { coin: 5 }, knobs: { coinRandomShare: 0.3 }, generations: 40 };
    expect(parseConfig(goesRight, config)).toEqual({ ok: true, value: config });
  });

  it.each([
    ['not an object', 5, '(root)', 'expected object'],
    ['an unknown key', { seed: 1 }, '(root)', 'Unrecognized key: "seed"'],
    ['a reward of the wrong type', { reward: { coin: 'x' } }, 'reward.coin', 'expected number'],
    ['a fractional population', { population: 2.5 }, 'population', 'expected int'],
    ['a reward the level does not let you edit', { reward: { hazard: 1 } }, 'reward.hazard', 'does not let you change the reward for "hazard"'],
    ['an unknown knob', { knobs: { nope: 1 } }, 'knobs.nope', 'no knob named "nope"'],
    ['a knob outside its range', { knobs: { coinRandomShare: 2 } }, 'knobs.coinRandomShare', '2 is outside [0, 1]'],
    ['more generations than the level allows', { generations: 300 }, 'generations', 'at most 200 generations'],
    ['more generations than any level allows', { generations: 500 }, 'generations', '400'],
  ])('rejects %s', (_, data, path, fragment) => {
    expect(parseConfig(goesRight, data)).toEqual({ ok: false, problems: [problem(path, fragment)] });
  });

  it('rejects a locked knob', () => {
    expect(parseConfig(locked, { knobs: { coinRandomShare: 0.3 } })).toEqual({
      ok: false,
      problems: [problem('knobs.coinRandomShare', 'the knob "coinRandomShare" is locked in this level')],
    });
  });
});

describe('describeProblems', () => {
  const p = (path: string, text: string): LevelProblem => ({ path, message: { key: 'core.schema.other', params: { text } } });

  it('one problem: source, path and reason on one line', () => {
    expect(tx(describeProblems('level.json', [p('title', 'missing')]))).toBe('level.json: title: missing');
  });

  it('says how many more problems there are', () => {
    expect(tx(describeProblems('a.json', [p('title', 'missing'), p('order', 'wrong')]))).toBe('a.json: title: missing (and 1 more problem)');
    const three = [p('title', 'missing'), p('order', 'wrong'), p('format', 'bad')];
    expect(tx(describeProblems('a.json', three))).toBe('a.json: title: missing (and 2 more problems)');
  });

  it('is a single line for a real level with many problems', () => {
    const problems = problemsAfter((l) => (l.world.map[0] = '.'.repeat(33)));
    expect(problems.length).toBeGreaterThan(2);
    const line = tx(describeProblems('levels/tutorial.json', problems));
    expect(line).not.toContain('\n');
    expect(line).toBe(`levels/tutorial.json: world.map[0]: rows are at most 32 tiles wide, this one has 33 (and ${problems.length - 1} more problems)`);
  });

  it('with no problems listed, still says the data is invalid', () => {
    expect(tx(describeProblems('x.json', []))).toBe('x.json: invalid');
  });
});
