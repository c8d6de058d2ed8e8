/**
 * The level editor's field specs and the limits its inputs carry: read off
 * the level schema by path (one source of truth), and every spec names a
 * field the schema has.
 */
import { describe, expect, it } from 'vitest';
import { levelSchema, MAX_GRID } from '../../src/core/index';
import { inSchema, limitsAt } from '../../src/ui/editor/limits';
import type { FieldSpec } from '../../src/ui/editor/fields';
import {
  agentSpecs,
  claimSpecs,
  hypothesisSpecs,
  hypothesisWeightSpecs,
  knobSpecs,
  levelSpecs,
  objectSpecs,
  revealSpec,
  rewardSpecs,
  successSpecs,
  trainingSpecs,
  worldSpecs,
  type SectionSpecs,
} from '../../src/ui/editor/sections';

const flat = (specs: SectionSpecs): FieldSpec[] => specs.flatMap((s) => ('kind' in s ? [s] : [...s]));

describe('limits read off the level schema', () => {
  it('gives numbers their range and whether they are whole, and text its longest length', () => {
    expect(limitsAt(['order'])).toEqual({ min: 0, max: 999, integer: true });
    expect(limitsAt(['world', 'maxSteps'])).toEqual({ min: 1, max: 400, integer: true });
    expect(limitsAt(['agent', 'viewRadius'])).toEqual({ min: 1, max: MAX_GRID, integer: true });
    expect(limitsAt(['success', 'threshold'])).toEqual({ min: 0, max: 1, integer: false });
    expect(limitsAt(['title'])).toEqual({ maxLength: 60 });
    expect(limitsAt(['briefing'])).toEqual({ maxLength: 600 });
  });

  it('follows list items, record entries and unions', () => {
    expect(limitsAt(['hypotheses', 5, 'label'])).toEqual({ maxLength: 60 });
    expect(limitsAt(['knobs', 'anyName', 'description'])).toEqual({ maxLength: 300 });
    expect(limitsAt(['lesson', 'claims', 0, 'name'])).toEqual({ maxLength: 120 });
    // The reveal is prose or a list of sentences: the prose's limit.
    expect(limitsAt(['lesson', 'reveal'])).toEqual({ maxLength: 800 });
    expect(limitsAt(['reward', 'default', 'coin'])).toEqual({ integer: false });
  });

  it('changes with the schema: a limit is never copied', () => {
    const order = levelSchema.shape.order;
    expect(limitsAt(['order']).max).toBe(order.maxValue);
    expect(limitsAt(['training', 'population']).max).toBe(levelSchema.shape.training.shape.population.maxValue);
  });

  it('knows nothing of a path outside the schema', () => {
    expect(limitsAt(['nonsense'])).toEqual({});
    expect(inSchema(['agent', 'nonsense'])).toBe(false);
  });
});

describe('the form as field specs', () => {
  const sections: Record<string, SectionSpecs> = {
    world: worldSpecs(),
    object: objectSpecs(0, false),
    objectColours: objectSpecs(3, true),
    level: levelSpecs(),
    knob: knobSpecs('coinMoved'),
    agent: agentSpecs(),
    reward: rewardSpecs(),
    training: trainingSpecs(),
    hypothesis: hypothesisSpecs(1),
    weights: hypothesisWeightSpecs(0, ['coin', 'exit']),
    success: successSpecs(),
    revealProse: [revealSpec(true)],
    revealList: [revealSpec(false)],
    claim: claimSpecs(0, ['a', 'b']).head,
    claimExpect: claimSpecs(0, ['a', 'b']).expect,
  };

  it.each(Object.entries(sections))('every %s field names a field of the level schema', (_, specs) => {
    for (const spec of flat(specs)) expect(inSchema(spec.path), spec.path.join('.')).toBe(true);
  });

  it('every field but a hypothesis weight (named by the feature) carries a catalog label', () => {
    for (const specs of Object.values(sections))
      for (const spec of flat(specs)) if (spec.path[2] !== 'weights') expect(typeof spec.label === 'object' && spec.label.key.startsWith('editor.'), spec.path.join('.')).toBe(true);
  });
});
