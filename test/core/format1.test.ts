/**
 * Format 1 keeps working: level codes shared before the level format grew
 * (pretraining, relational features, placement beside another object) still
 * decode, keep every field they had, and train. The codes below are real:
 * `mesa encode levels/goes-right.json` and `levels/sleeper-agent.json` as
 * they were when format 1 was the only format. Never regenerate them.
 */
import { describe, expect, it } from 'vitest';
import { decodeLevel, describeCodeError, resolveConfig, measureDeployment, train, type Level } from '../../src/core/index';
import { tx } from '../../src/i18n/index';

const GOES_RIGHT_FORMAT_1 =
  'L17dxBDoAgDATAN6H__5uCCJWyLdGGaOyRg-Fi2jksy8Vg0oiU9_0-dv7ZjYSIcvCh5YR85vzQzoAn6xBPznmNKaKYotwYlnylvPjbQHABBMFJCEknVyC0HxIqvCNKPEchoiqYIp6YwbuxPtCNBTlXEVftBqyWoowzqWakMg-Pk_C4Pfyi7BT4dQzlhWJGhWK33TnSLdYlI_2NsVBtisc6YmcLPr5TRLwls4IzdwMB490dZ';
const SLEEPER_AGENT_FORMAT_1 =
  'L17dxbCoNADIXhDflSiqg7c_lOJAznmGTwhvqQN6GXobQdv5S_WjFciUj0ND9kTnI6J4lwo2CZZxGLPTbW4WMESxXqv_t1PYtFNt9ALPK1QY7KnnbUKbr0WLgxytLAjVYh41iDaplKDsB3WaM8P3qCHgKs-EJhc8or-j_9XWLRt4XGcBzVYSSH-6ynrYAh9SIFcV_Bt0G4YIEiLzQzozgz2oG0KjLMRTyRIcXoI_EMywKBZTKVydQzyZQVcfzbzpbJ061MboozM673My5L_ctFl2tzZ4-IJ4J7ci9nQmIhtWYJ3qztWLEAAW9DYz';

function open(code: string): Level {
  const decoded = decodeLevel(code);
  if (!decoded.ok) throw new Error(tx(describeCodeError(decoded.error)));
  return decoded.value;
}

describe('format-1 level codes', () => {
  it('goes-right as shared before: decodes with the fields it was made with', () => {
    const level = open(GOES_RIGHT_FORMAT_1);
    expect(level.format).toBe(1);
    expect(level.id).toBe('goes-right');
    expect(level.agent.features).toEqual(['coin', 'right-edge']);
    expect(level.agent.viewRadius).toBe(3);
    expect(level.objects.map((o) => o.kind)).toEqual(['coin']);
  });

  it('goes-right as shared before: trains, and the trained agent is scored', () => {
    const level = open(GOES_RIGHT_FORMAT_1);
    const result = train(level, resolveConfig(level, { generations: 5 }), 1);
    expect(result.episodes).toBe(5 * level.training.population * 2 * level.training.episodesPerGeneration);
    expect([...result.mind.weights].every(Number.isFinite)).toBe(true);
    expect([...result.mind.weights].some((w) => w !== 0)).toBe(true);
    const card = measureDeployment(level, result.mind);
    expect(card.successRate).toBeGreaterThanOrEqual(0);
    expect(card.successRate).toBeLessThanOrEqual(1);
  });

  it('sleeper-agent as shared before (starting weights written into the level): decodes and trains from them', () => {
    const level = open(SLEEPER_AGENT_FORMAT_1);
    expect(level.agent.inductiveBias.init).toEqual({ exit: 1.5, 'forbidden|no-trigger': -1.5, 'forbidden|trigger': 2 });
    const result = train(level, resolveConfig(level, { generations: 1 }), 1);
    // One generation moves the written starting weights only a little.
    expect(result.mind.weights[result.mind.names.indexOf('forbidden|trigger')]).toBeGreaterThan(1.5);
  });
});
