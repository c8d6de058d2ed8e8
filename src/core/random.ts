/**
 * Seeded randomness for the whole core.
 *
 * Owns the one PRNG the simulation uses (xoroshiro128+ from pure-rand) and the
 * few distributions built on it. Everything here uses integer arithmetic or
 * IEEE +, −, ×, ÷ only, so a seed gives the same numbers in every JS engine.
 * Nothing in src/core may call Math.random or read a clock.
 */
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

const TWO_POW_32 = 0x100000000;

export class Rng {
  private constructor(private readonly generator: JumpableRandomGenerator) {}

  /**
   * A generator for a seed. The seed is hashed first: xoroshiro128+ seeded
   * with nearby small integers starts with nearly equal draws.
   */
  static fromSeed(seed: number): Rng {
    return new Rng(xoroshiro128plus(mixSeed(seed | 0)));
  }

  static fromState(state: readonly number[]): Rng {
    return new Rng(xoroshiro128plusFromState(state));
  }

  /** The generator's state, so it can travel with what it drives. */
  get state(): readonly number[] {
    return this.generator.getState();
  }

  /** A generator whose stream is independent of this one's (a jump of 2^64). */
  fork(): Rng {
    const child = this.generator.clone();
    child.jump();
    // Advance the parent too, so two forks in a row are also independent.
    this.generator.jump();
    this.generator.jump();
    return new Rng(child);
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return (this.generator.next() >>> 0) / TWO_POW_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return p >= 1 ? (this.uniform(), true) : this.uniform() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /**
   * Standard normal, approximated by the sum of twelve uniforms (Irwin–Hall).
   * Box–Muller would need log and cos, whose last bits differ between engines;
   * this needs only additions, and its tails (±6) are all evolution
   * strategies need.
   */
  normal(): number {
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += this.uniform();
    return sum - 6;
  }
}

/** An integer avalanche (murmur3's finaliser): nearby seeds give unrelated states. */
function mixSeed(seed: number): number {
  let h = seed ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Mixes a label into a seed, so named streams (training, suite, …) differ. */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed | 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return h | 0;
}
