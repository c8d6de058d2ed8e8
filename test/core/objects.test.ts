/**
 * The object table: one row per kind owns its character, shape, label and
 * rules, and what the world, the agent and the recordings do follows it.
 */
import { describe, expect, it } from 'vitest';
import {
  EVENT_KINDS,
  INTERACTIVE_KINDS,
  OBJECT_FEATURES,
  OBJECT_KINDS,
  OBJECT_TABLE,
  REMOVABLE_KINDS,
  TILE_BY_CHAR,
  contextFlags,
  step,
  toText,
  type ObjectKind,
  type World,
} from '../../src/core/index';

/** A 3×1 corridor: the agent at the left, one object of a kind in the middle. */
function corridor(kind: ObjectKind, keys = 0): World {
  const objects = [{ kind, colour: 'grey' as const, x: 1, y: 0 }];
  return {
    width: 3,
    height: 1,
    tiles: new Uint8Array(3),
    objects,
    agentX: 0,
    agentY: 0,
    keys,
    t: 0,
    done: false,
    ...contextFlags(objects),
    audited: false,
    rules: { maxSteps: 10, terminalEvents: new Set() },
  };
}

describe('the object table', () => {
  it('gives every kind its own character, distinct from the map characters and the agent', () => {
    const chars = OBJECT_KINDS.map((k) => OBJECT_TABLE[k].char);
    expect(new Set(chars).size).toBe(chars.length);
    for (const c of chars) expect([...Object.keys(TILE_BY_CHAR), 'A']).not.toContain(c);
    expect(toText(corridor('gem'))).toBe('Ag.');
  });

  it('every kind that does something on entry emits an event of its own name', () => {
    for (const kind of INTERACTIVE_KINDS) expect(EVENT_KINDS).toContain(kind);
  });

  it.each(OBJECT_KINDS.map((k) => [k] as const))('%s: stepping onto it does what its row says', (kind) => {
    const rules = OBJECT_TABLE[kind];
    const { world, events } = step(corridor(kind, 1), 'right');
    const emitted = events.filter((e) => e.kind !== 'step').map((e) => e.kind);
    expect(emitted).toEqual(rules.onEnter === null ? [] : [kind]);
    expect(world.objects.length === 0).toBe(REMOVABLE_KINDS.includes(kind as (typeof REMOVABLE_KINDS)[number]));
    expect(OBJECT_FEATURES.includes(kind as (typeof OBJECT_FEATURES)[number])).toBe(rules.feature);
  });

  it('a chest opens only with a key in hand', () => {
    expect(step(corridor('chest', 0), 'right').world.objects).toHaveLength(1);
    expect(step(corridor('chest', 1), 'right').world).toMatchObject({ keys: 0, objects: [] });
  });

  it('the supervisor watches and the sign triggers, from their rows', () => {
    expect(contextFlags(corridor('supervisor').objects)).toEqual({ supervised: true, triggered: false });
    expect(contextFlags(corridor('trigger').objects)).toEqual({ supervised: false, triggered: true });
    expect(contextFlags(corridor('coin').objects)).toEqual({ supervised: false, triggered: false });
  });
});
