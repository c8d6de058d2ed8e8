/**
 * Types for the parts of the `zzfx` package (plain JS, no typings) that
 * scripts/make-sounds.ts uses: the sample builder, not the Web Audio player.
 */
declare module 'zzfx' {
  export const ZZFX: {
    /** Master volume scale applied inside buildSamples. */
    volume: number;
    sampleRate: number;
    /** ZzFX's 21 positional parameters, in the order of the ZzFX designer. */
    buildSamples(...parameters: (number | undefined)[]): number[];
  };
}
