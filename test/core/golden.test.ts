/**
 * Golden determinism: each campaign level, trained with its default
 * configuration, must give exactly these weights (as a bit-exact hash).
 *
 * A change to any of these hashes means that agents trained before the change
 * no longer reproduce: every challenge code shared so far stops giving the
 * agent its author saw. Change a hash only deliberately, together with the
 * change that caused it, and say so in the commit message.
 */
import { describe, expect, it } from 'vitest';
import { hashNumbers, resolveConfig, train } from '../../src/core/index';
import { campaign } from './campaign';

const GOLDEN: Readonly<Record<string, readonly [seed1: string, seed2: string]>> = {
  'colour-proxy': ['5742b08f', '75ec05f1'],
  'goes-right': ['8befe18c', 'be3ccbdf'],
  interpretability: ['96d03d88', 'f63bcfe5'],
  'keys-chests': ['549a3544', '2814beff'],
  'maze-corner': ['d7fe2332', '169ee437'],
  'outer-vs-inner': ['544a4280', '2fed6a13'],
  'sleeper-agent': ['ea33954c', 'f707f1ac'],
  'treacherous-turn': ['d12b268e', '5d20066e'],
  tutorial: ['ba695eea', 'b1b1d5f9'],
};

describe('golden weights', () => {
  const levels = campaign();

  it('every campaign level has pinned hashes, and every pinned level exists', () => {
    expect(levels.map((l) => l.id).sort()).toEqual(Object.keys(GOLDEN).sort());
  });

  describe.each(levels.map((level) => [level.id, level] as const))('%s', (id, level) => {
    it.each([1, 2] as const)('default training with seed %i gives the pinned weights', (seed) => {
      const { mind } = train(level, resolveConfig(level), seed);
      expect(hashNumbers([...mind.weights])).toBe(GOLDEN[id]?.[seed - 1]);
    });
  });
});

describe('hashNumbers', () => {
  it('is the FNV-1a of the little-endian IEEE-754 bytes, as 8 hex digits', () => {
    // Reference values computed independently (Python: struct.pack('<d', x), FNV-1a 32-bit).
    expect(hashNumbers([])).toBe('811c9dc5');
    expect(hashNumbers([0])).toBe('9be17165');
    expect(hashNumbers([1.5])).toBe('0c564740');
    expect(hashNumbers([1, 2])).toBe('45ca9438');
  });

  it('tells apart numbers that differ in the last bit, and 0 from −0', () => {
    expect(hashNumbers([0.1 + 0.2])).not.toBe(hashNumbers([0.3]));
    expect(hashNumbers([0])).not.toBe(hashNumbers([-0]));
  });

  it('depends on order', () => {
    expect(hashNumbers([1, 2])).not.toBe(hashNumbers([2, 1]));
  });
});
