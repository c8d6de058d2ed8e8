import { describe, expect, it } from 'vitest';
import { LEVEL_STEPS, stepStates } from '../../src/ui/header';

describe("the header's level steps", () => {
  it('are train, inspect, verdict, deploy and score, in that order', () => {
    expect(LEVEL_STEPS.map((s) => s.id)).toEqual(['train', 'inspect', 'verdict', 'deploy', 'score']);
  });

  it('mark the steps before the current screen done and the ones after it upcoming', () => {
    expect(stepStates('verdict')).toEqual(['done', 'done', 'current', 'upcoming', 'upcoming']);
    expect(stepStates('score')).toEqual(['done', 'done', 'done', 'done', 'current']);
    expect(stepStates('experiment')).toEqual(['current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('show every step upcoming on the briefing, and none outside a level', () => {
    expect(stepStates('briefing')).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    for (const screen of ['title', 'levels', 'editor', 'board', 'guide'] as const) expect(stepStates(screen)).toBeNull();
  });
});
