/**
 * No hidden thumbs on the scale: no campaign lesson may hinge on a per-weight
 * noise scale or a starting weight the player cannot see before training.
 * A level that keeps a learning-rate asymmetry states it, with its numbers,
 * in the briefing, which the player reads before training.
 */
import { describe, expect, it } from 'vitest';
import { campaign } from './campaign';

// sleeper-agent's starting weights are being replaced by a real pretraining run (issue 10, part B).
const levels = campaign().filter((l) => l.id !== 'sleeper-agent');

describe.each(levels.map((level) => [level.id, level] as const))('%s', (_, level) => {
  it('starts every weight at zero', () => {
    expect(level.agent.inductiveBias.init).toEqual({});
  });

  it('declares every per-weight noise scale, with its number, in the briefing', () => {
    for (const [name, scale] of Object.entries(level.agent.inductiveBias.noiseScale)) {
      expect(level.briefing, `noise scale of ${name}`).toContain('noise scale');
      expect(level.briefing, `noise scale of ${name}`).toContain(String(scale));
    }
  });
});
