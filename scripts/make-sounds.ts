/**
 * make-sounds: renders every sound effect in assets/sounds/params.json to a
 * 16-bit mono WAV in assets/sounds/. Owns the offline render and the
 * loudness/safety post-processing (DC removal, fades, peak normalisation);
 * it must not hold sound designs itself — those live in params.json so a
 * sound is changed by editing data, as PuzzleScript does with its sfxr seeds.
 *
 * Run: npm run sounds   (or: npx tsx scripts/make-sounds.ts)
 *
 * Each effect is one or more ZzFX "layers" mixed together, each placed at a
 * start time. A layer is the standard 21-number ZzFX parameter list (the same
 * order as the ZzFX designer at https://killedbyapixel.github.io/ZzFX/, see
 * ZZFX_PARAMETERS below), so a sound can be pasted into the designer to audition.
 * The render is deterministic: ZzFX's pitch randomness is forced to zero.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const SOUNDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'sounds');

/** ZzFX's positional parameters, for reading params.json. */
export const ZZFX_PARAMETERS = [
  'volume',
  'randomness',
  'frequency',
  'attack',
  'sustain',
  'release',
  'shape', // 0 sin, 1 triangle, 2 saw, 3 tan, 4 noise, 5 square
  'shapeCurve',
  'slide',
  'deltaSlide',
  'pitchJump',
  'pitchJumpTime',
  'repeatTime',
  'noise',
  'modulation',
  'bitCrush',
  'delay',
  'sustainVolume',
  'decay',
  'tremolo',
  'filter', // Hz; negative = low-pass, positive = high-pass
] as const;

/** Every effect must fit this, however params.json is edited. */
const MAX_SECONDS = 0.8;
/** The loudest any effect may peak: headroom for the speaker and for overlaps. */
const MAX_PEAK_DB = -3;
/** Raised-cosine fades, so no effect starts or stops on a click. */
const FADE_IN_SECONDS = 0.003;
const FADE_OUT_SECONDS = 0.02;

const layerSchema = z.object({
  /** Start time of this layer in seconds. */
  at: z.number().min(0).default(0),
  zzfx: z.array(z.number()).min(1).max(ZZFX_PARAMETERS.length),
});

const effectSchema = z.object({
  description: z.string().min(1),
  /** Peak level after normalisation, in dBFS: sets how loud this effect sits among the others. */
  peakDb: z.number().max(MAX_PEAK_DB),
  /** A tighter length limit than MAX_SECONDS (e.g. the step tick). */
  maxSeconds: z.number().positive().max(MAX_SECONDS).default(MAX_SECONDS),
  layers: z.array(layerSchema).min(1),
});

const paramsSchema = z.object({
  sampleRate: z.number().int().min(8000).max(48000),
  effects: z.record(z.string().regex(/^[a-z][a-z-]*$/), effectSchema),
});

type Effect = z.infer<typeof effectSchema>;

/**
 * ZzFX builds an AudioContext when its module loads; Node has none. The
 * sample builder never touches it, so an empty stand-in is enough.
 */
async function loadZzfx(): Promise<(typeof import('zzfx'))['ZZFX']> {
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.AudioContext ??= class {};
  const { ZZFX } = await import('zzfx');
  return ZZFX;
}

function renderEffect(zzfx: Awaited<ReturnType<typeof loadZzfx>>, effect: Effect, sampleRate: number): Float64Array {
  zzfx.sampleRate = sampleRate;
  zzfx.volume = 1; // loudness is set by peakDb below, not by ZzFX's master volume
  const layers = effect.layers.map((layer) => {
    const parameters = [...layer.zzfx];
    parameters[1] = 0; // randomness: keep renders reproducible
    return { offset: Math.round(layer.at * sampleRate), samples: zzfx.buildSamples(...parameters) };
  });
  const length = Math.max(...layers.map((layer) => layer.offset + layer.samples.length));
  const mix = new Float64Array(length);
  for (const { offset, samples } of layers) {
    samples.forEach((sample, i) => {
      mix[offset + i]! += sample;
    });
  }
  return mix;
}

/** Removes DC offset, fades both ends, and scales the peak to `peakDb`. */
function finish(mix: Float64Array, peakDb: number, sampleRate: number): Float64Array {
  const mean = mix.reduce((sum, sample) => sum + sample, 0) / mix.length;
  const out = mix.map((sample) => sample - mean);
  const fadeIn = Math.min(Math.round(FADE_IN_SECONDS * sampleRate), out.length);
  const fadeOut = Math.min(Math.round(FADE_OUT_SECONDS * sampleRate), out.length);
  for (let i = 0; i < fadeIn; i++) out[i]! *= 0.5 - 0.5 * Math.cos((Math.PI * i) / fadeIn);
  for (let i = 0; i < fadeOut; i++) out[out.length - 1 - i]! *= 0.5 - 0.5 * Math.cos((Math.PI * i) / fadeOut);
  const peak = out.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
  if (peak === 0) throw new Error('effect rendered silence');
  const gain = 10 ** (peakDb / 20) / peak;
  return out.map((sample) => sample * gain);
}

function encodeWav(samples: Float64Array, sampleRate: number): Buffer {
  const dataBytes = samples.length * 2;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  samples.forEach((sample, i) => {
    const clamped = Math.max(-1, Math.min(1, sample));
    wav.writeInt16LE(Math.round(clamped * 32767), 44 + i * 2);
  });
  return wav;
}

async function main(): Promise<void> {
  const params = paramsSchema.parse(JSON.parse(readFileSync(join(SOUNDS_DIR, 'params.json'), 'utf8')));
  const zzfx = await loadZzfx();
  let totalBytes = 0;
  for (const [name, effect] of Object.entries(params.effects)) {
    const samples = finish(renderEffect(zzfx, effect, params.sampleRate), effect.peakDb, params.sampleRate);
    const seconds = samples.length / params.sampleRate;
    if (seconds > effect.maxSeconds) {
      throw new Error(`${name}: ${seconds.toFixed(3)} s is longer than its limit of ${effect.maxSeconds} s`);
    }
    const wav = encodeWav(samples, params.sampleRate);
    writeFileSync(join(SOUNDS_DIR, `${name}.wav`), wav);
    totalBytes += wav.length;
    console.log(`${name.padEnd(12)} ${seconds.toFixed(3)} s  ${String(wav.length).padStart(6)} B  ${effect.description}`);
  }
  console.log(`total ${(totalBytes / 1024).toFixed(1)} KiB`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
