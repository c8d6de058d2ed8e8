/**
 * Plain names: a knob, hypothesis or label named like a property every object
 * inherits (`constructor`, `toString`) behaves like any other name, and
 * `__proto__` — which the schema library would silently drop — is refused
 * with its path.
 */
import { describe, expect, it } from 'vitest';
import { knobValues, parseConfig, parseLevel, resolveConfig, train } from '../../src/core/index';
import { tallyByLevel, type BoardEntry } from '../../src/ui/classBoard';
import { campaignLevel, levelJson, mustParse, saying } from './campaign';

/** Goes Right with its knob renamed. */
function goesRightWithKnob(name: string) {
  const json = JSON.stringify(levelJson('goes-right')).replaceAll('"coinRandomShare"', JSON.stringify(name));
  return mustParse(JSON.parse(json));
}

describe('a knob named like an inherited property', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('"%s" trains the very agent the same knob trains under its own name', (name) => {
    const original = campaignLevel('goes-right');
    const renamed = goesRightWithKnob(name);
    expect(knobValues(renamed, 'training')).toEqual({ [name]: 0 });
    expect(knobValues(renamed, 'training', { [name]: 0.3 })[name]).toBe(0.3);
    for (const knobs of [undefined, 0.3]) {
      const a = train(original, { ...resolveConfig(original, knobs === undefined ? {} : { knobs: { coinRandomShare: knobs } }), generations: 4 }, 5);
      const b = train(renamed, { ...resolveConfig(renamed, knobs === undefined ? {} : { knobs: { [name]: knobs } }), generations: 4 }, 5);
      expect([...b.mind.weights]).toEqual([...a.mind.weights]);
    }
  });

  it('an override for a knob the level lacks is refused, even when its name is inherited by every object', () => {
    const level = campaignLevel('goes-right');
    const parsed = parseConfig(level, { knobs: { constructor: 0.5 } });
    expect(parsed).toEqual({ ok: false, problems: [{ path: 'knobs.constructor', message: saying('no knob named "constructor"', true) }] });
  });
});

describe('__proto__ in untrusted data', () => {
  it('a reward key "__proto__" is refused with a clear error, not dropped', () => {
    const parsed = parseConfig(campaignLevel('tutorial'), JSON.parse('{"reward":{"__proto__":5}}'));
    expect(parsed).toEqual({ ok: false, problems: [{ path: 'reward.__proto__', message: saying('"__proto__" is not a name a level may use', true) }] });
  });

  it('a weight, knob or reward named "__proto__" anywhere in a level is refused with its path', () => {
    const json = levelJson('tutorial');
    json.hypotheses[1].weights = JSON.parse('{"__proto__": 5, "exit": 1}');
    const parsed = parseLevel(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.path).toBe('hypotheses[1].weights.__proto__');
  });
});

describe('the class board', () => {
  it('tallies a hypothesis labelled "constructor" as a count like any other', () => {
    const entry = (label: string) =>
      ({ code: label, report: { level: 'tutorial', decision: 'hold', hypothesis: label, stars: 1 }, levelTitle: 'First Steps', hypothesisLabel: label, sameVersion: true }) as unknown as BoardEntry;
    const [tally] = tallyByLevel([entry('constructor'), entry('constructor'), entry('toString')], [campaignLevel('tutorial')]);
    expect(tally!.named).toEqual({ constructor: 2, toString: 1 });
  });
});
