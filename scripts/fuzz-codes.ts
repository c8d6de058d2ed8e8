/**
 * `npm run fuzz`: decodes 100,000 random and mutated codes and checks that
 * every one gives a level, a challenge, a report or a typed error with a
 * one-line message — no exception, no hang. Reproducible: one seeded Rng.
 *
 *   npm run fuzz -- [--runs N] [--seed N]
 *
 * The inputs: valid codes of every campaign level (level and challenge
 * codes), a result code and two codes of format version 1, mangled (flipped, swapped and re-cased
 * characters, truncation, duplication, insertion, deletion, splices of two
 * codes), some re-sealed with a fresh checksum so they reach the inflater,
 * the JSON parser and the schema; JSON of real levels mutated and packed;
 * random base64url and random Unicode strings (null bytes, lone surrogates);
 * decompression bombs; overlong strings. Every level that decodes must
 * encode and decode again to the same level. Prints the count of each
 * outcome and the time taken; exits 1 on any exception or any decode over 1 s.
 *
 * Then valid-but-extreme levels: every size the schema allows pushed to its
 * limit or its minimum at random (32×32 maps, 400 steps, 64 spawn rules of
 * 64 objects, suites of 500, 8 hypotheses, the failure question, the most
 * training). Each must parse, and the work budget must either refuse it or
 * bound it: the heaviest levels it lets through are scored for real and
 * must finish within SCORING_LIMIT_MS. Exits 1 otherwise.
 */
import { isDeepStrictEqual, parseArgs } from 'node:util';
import {
  CODE_ERROR_KINDS,
  FEATURES,
  OBJECT_KINDS,
  Rng,
  checkBudget,
  estimateWork,
  mindFromRecord,
  parseLevel,
  resolveConfig,
  runDeployment,
  canonicalLevel,
  decodeAny,
  decodeChallenge,
  decodeLevel,
  decodeResult,
  describeCodeError,
  encodeChallenge,
  encodeLevel,
  encodeResult,
  levelFingerprint,
  packJson,
  sealCode,
  type CodeKind,
  type CodeResult,
  type Level,
} from '../src/core/index';
import { campaignFiles, loadCampaign } from './cli/input';
import { tx } from '../src/i18n/index';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HANG_MS = 1000;

interface Sample {
  readonly code: string;
  readonly kind: CodeKind;
}

function mustEncode(code: CodeResult<string>): string {
  if (!code.ok) throw new Error(`fuzz setup: ${tx(describeCodeError(code.error))}`);
  return code.value;
}

function validSamples(levels: readonly Level[]): Sample[] {
  const samples: Sample[] = [];
  for (const level of levels) {
    samples.push({ code: mustEncode(encodeLevel(level)), kind: 'level' });
    samples.push({ code: mustEncode(encodeChallenge({ level, config: { generations: 5 }, seed: 42 })), kind: 'challenge' });
    const report = {
      level: level.id,
      levelFingerprint: levelFingerprint(level),
      decision: 'hold',
      hypothesis: level.hypotheses[0]!.id,
      stars: 2,
      points: 75,
      date: '2026-03-14',
    } as const;
    samples.push({ code: mustEncode(encodeResult(report)), kind: 'result' });
  }
  // Codes of format version 1, which decode with the older dictionary (as in test/core/format1.test.ts and codes.test.ts).
  for (const code of FORMAT_1_CODES) samples.push({ code, kind: code.startsWith('L') ? 'level' : 'result' });
  return samples;
}

/** Real codes of format version 1: a campaign level as it was shared then, and a result code. */
const FORMAT_1_CODES: readonly string[] = [
  'L17dxBDoAgDATAN6H__5uCCJWyLdGGaOyRg-Fi2jksy8Vg0oiU9_0-dv7ZjYSIcvCh5YR85vzQzoAn6xBPznmNKaKYotwYlnylvPjbQHABBMFJCEknVyC0HxIqvCNKPEchoiqYIp6YwbuxPtCNBTlXEVftBqyWoowzqWakMg-Pk_C4Pfyi7BT4dQzlhWJGhWK33TnSLdYlI_2NsVBtisc6YmcLPr5TRLwls4IzdwMB490dZ',
  'R1A5auoNMw0E9CAgsCl6YD21oFRcCUC5Q3SEpMSTZIgaxQB07pQZIiOPkgslQm0B0o62EgJ9aBm2WgDZZApgUwX6aAs6sSMC2Z6RoY6xqaKNUCAAAu_tjs',
];

/** Random and mangled inputs, all drawn from one seeded generator. */
class Mangler {
  private readonly bombs: string[];
  private readonly overlong: string[];

  constructor(
    private readonly rng: Rng,
    private readonly samples: readonly Sample[],
    private readonly levels: readonly Level[],
  ) {
    // Highly repetitive JSON inflating far past the limit from a code within the length limit.
    this.bombs = [
      packJson('level', `{"format":1,"id":"${'a'.repeat(4_000_000)}"}`),
      packJson('level', `[${'0,'.repeat(1_000_000)}0]`),
      packJson('challenge', `{"level":{"briefing":"${' '.repeat(3_000_000)}"},"config":{},"seed":1}`),
      packJson('result', '['.repeat(30_000) + ']'.repeat(30_000)),
      packJson('level', '['.repeat(500_000) + ']'.repeat(500_000)),
    ];
    this.overlong = [12_001, 24_001, 100_000, 1_000_000, 5_000_000].map((n) => 'L1' + 'A'.repeat(n - 2));
  }

  next(): string {
    const r = this.rng;
    switch (r.int(12)) {
      case 0:
        return this.randomBase64(r.int(3) === 0 ? r.int(20) : r.int(3000));
      case 1:
        return this.randomUnicode(r.int(200));
      case 2:
      case 3:
      case 4:
        return this.mutate(this.sample().code, 1 + r.int(3));
      case 5:
      case 6:
      case 7:
        return this.reseal(this.mutate(this.sample().code, 1 + r.int(2)));
      case 8:
      case 9:
        return this.mutatedJson();
      case 10:
        return r.int(2) === 0 ? r.pick(this.bombs) : r.pick(this.overlong);
      default:
        return this.splice();
    }
  }

  private sample(): Sample {
    return this.rng.pick(this.samples);
  }

  private randomBase64(length: number): string {
    const prefix = this.rng.pick(['L1', 'C1', 'R1', 'L2', 'Z1', '']);
    let out = prefix;
    for (let i = 0; i < length; i++) out += BASE64URL[this.rng.int(64)];
    return out;
  }

  private randomUnicode(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) {
      const roll = this.rng.int(6);
      if (roll === 0) out += '\u0000';
      else if (roll === 1)
        out += String.fromCharCode(0xd800 + this.rng.int(0x800)); // lone surrogate
      else if (roll === 2) out += String.fromCodePoint(this.rng.int(0x110000));
      else if (roll === 3) out += this.rng.pick([' ', '\n', '\t', '\u00a0', '\u2028', '\ufeff']);
      else out += BASE64URL[this.rng.int(64)];
    }
    return out;
  }

  private mutate(code: string, times: number): string {
    let s = code;
    for (let t = 0; t < times; t++) {
      const at = this.rng.int(s.length + 1);
      switch (this.rng.int(8)) {
        case 0: // flip a character
          s = s.slice(0, at) + BASE64URL[this.rng.int(64)] + s.slice(at + 1);
          break;
        case 1: // truncate
          s = s.slice(0, at);
          break;
        case 2: // duplicate a slice
          s = s.slice(0, at) + s.slice(at, at + 1 + this.rng.int(200)) + s.slice(at);
          break;
        case 3: // insert random characters
          s = s.slice(0, at) + this.randomUnicode(1 + this.rng.int(8)) + s.slice(at);
          break;
        case 4: // delete a slice
          s = s.slice(0, at) + s.slice(at + 1 + this.rng.int(20));
          break;
        case 5: // swap neighbours
          if (at + 1 < s.length) s = s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2);
          break;
        case 6: {
          // change case
          const c = s.charAt(at);
          s = s.slice(0, at) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + s.slice(at + 1);
          break;
        }
        default: // repeat the whole code
          s = s + s;
      }
    }
    return s;
  }

  /** A fresh prefix and checksum around a mangled payload, so it gets past the checksum. */
  private reseal(code: string): string {
    const clean = code.replace(/[^A-Za-z0-9_-]/g, '');
    return sealCode(this.rng.pick(['level', 'challenge', 'result'] as const), clean.slice(2, Math.max(2, clean.length - 6)));
  }

  private splice(): string {
    const a = this.sample().code;
    const b = this.sample().code;
    return a.slice(0, this.rng.int(a.length)) + b.slice(this.rng.int(b.length));
  }

  /** Real level JSON with one part replaced or its text damaged, packed into a valid-looking code. */
  private mutatedJson(): string {
    const level = this.rng.pick(this.levels);
    const data = canonicalLevel(level, { omitDefaults: this.rng.int(2) === 0 });
    const kind = this.rng.pick(['level', 'level', 'challenge'] as const);
    if (this.rng.int(3) === 0) {
      let text = JSON.stringify(kind === 'level' ? data : { level: data, config: {}, seed: 1 });
      const at = this.rng.int(text.length);
      text = text.slice(0, at) + String.fromCharCode(32 + this.rng.int(95)) + text.slice(at + 1 + this.rng.int(3));
      return packJson(kind, text);
    }
    setRandomPath(this.rng, data, this.randomValue());
    if (kind === 'level') return packJson(kind, JSON.stringify(data));
    const config = this.rng.int(2) === 0 ? {} : { generations: this.randomValue(), knobs: { x: this.randomValue() } };
    return packJson(kind, JSON.stringify({ level: data, config, seed: this.rng.int(3) === 0 ? this.randomValue() : this.rng.int(1000) }));
  }

  private randomValue(): unknown {
    return this.rng.pick([
      null,
      true,
      0,
      -1,
      1e308,
      -0.5,
      2 ** 53,
      '',
      'x'.repeat(this.rng.int(1000)),
      '<img src=x onerror=alert(1)>',
      [],
      {},
      [1, 2, 3],
      { knob: 'nope' },
      JSON.parse('{"__proto__":{"polluted":1}}') as unknown,
      'coin',
    ]);
  }
}

/** Replaces one randomly chosen value inside a JSON object tree. */
function setRandomPath(rng: Rng, root: Record<string, unknown>, value: unknown): void {
  let node: unknown = root;
  for (let depth = 0; depth < 8; depth++) {
    const keys = node !== null && typeof node === 'object' ? Object.keys(node) : [];
    if (keys.length === 0) return;
    const key = rng.pick(keys);
    const child = (node as Record<string, unknown>)[key];
    if (rng.int(3) === 0 || child === null || typeof child !== 'object') {
      if (rng.int(8) === 0) delete (node as Record<string, unknown>)[key];
      else (node as Record<string, unknown>)[key] = value;
      return;
    }
    node = child;
  }
}

interface Summary {
  runs: number;
  outcomes: Record<string, number>;
  exceptions: string[];
  slow: number;
  maxMs: number;
  slowest: string;
  decodeMs: number;
  totalMs: number;
}

function fuzzCodes(runs: number, seed: number, levels: readonly Level[]): Summary {
  const rng = Rng.fromSeed(seed);
  const mangler = new Mangler(rng, validSamples(levels), levels);
  const outcomes: Record<string, number> = {};
  for (const kind of ['ok level', 'ok challenge', 'ok result', ...CODE_ERROR_KINDS]) outcomes[kind] = 0;
  const exceptions: string[] = [];
  let slow = 0;
  let maxMs = 0;
  let slowest = '';
  let decodeMs = 0;
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const input = mangler.next();
    const decoder = rng.int(4);
    const t0 = performance.now();
    try {
      const result = [decodeAny, decodeLevel, decodeChallenge, decodeResult][decoder]!(input);
      if (result.ok) {
        const value = result.value as object;
        const kind = 'kind' in value && typeof value.kind === 'string' ? value.kind : ['any', 'level', 'challenge', 'result'][decoder]!;
        outcomes[`ok ${kind}`] = (outcomes[`ok ${kind}`] ?? 0) + 1;
        // Whatever decodes must encode again and decode to the same thing.
        const level = kind === 'level' ? ('level' in value ? value.level : value) : undefined;
        if (level !== undefined) {
          const again = encodeLevel(level as Level);
          if (!again.ok || !isDeepStrictEqual(decodeLevel(again.value), { ok: true, value: level })) throw new Error('a decoded level does not round-trip');
        }
      } else {
        const message = tx(describeCodeError(result.error));
        if (!(CODE_ERROR_KINDS as readonly string[]).includes(result.error.kind)) throw new Error(`unknown error kind ${result.error.kind}`);
        if (message.length === 0 || /[\n\r]/.test(message)) throw new Error(`message is not one line: ${JSON.stringify(message)}`);
        outcomes[result.error.kind]!++;
      }
    } catch (error) {
      exceptions.push(`run ${i}: ${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')} — input ${JSON.stringify(input.slice(0, 80))}`);
    }
    const ms = performance.now() - t0;
    decodeMs += ms;
    if (ms > maxMs) {
      maxMs = ms;
      slowest = `${input.length} characters starting ${JSON.stringify(input.slice(0, 12))}`;
    }
    if (ms > HANG_MS) slow++;
  }
  return { runs, outcomes, exceptions, slow, maxMs, slowest, decodeMs, totalMs: performance.now() - start };
}

const SCORING_LIMIT_MS = 10_000;

/** A valid level with every size at its schema limit or its minimum, chosen at random. */
function extremeLevel(rng: Rng, index: number): Record<string, unknown> {
  const pick = <T>(choices: readonly T[]): T => choices[rng.int(choices.length)]!;
  const width = pick([2, 32, 32, 2 + rng.int(31)]);
  const height = pick([2, 32, 32, 2 + rng.int(31)]);
  const objectFeatures = ['coin', 'gem', 'star', 'cheese', 'key', 'chest', 'exit'] as const;
  const otherFeatures = FEATURES.filter((f) => !(objectFeatures as readonly string[]).includes(f));
  const featureCount = pick([1, 8, 16]);
  const features = [...objectFeatures, ...otherFeatures].slice(0, featureCount);
  const hypotheses = pick([2, 8]);
  const rules = pick([0, 1, 64]);
  return {
    format: 1,
    id: `extreme-${index}`,
    title: 'x'.repeat(pick([1, 60])),
    concept: 'extreme',
    order: pick([0, 999]),
    briefing: 'b'.repeat(pick([1, 600])),
    intendedObjective: 'Reach the limits.',
    world: { map: Array.from({ length: height }, () => '.'.repeat(width)), start: { anywhere: true }, maxSteps: pick([1, 400, 400]), terminalEvents: pick([[], ['hazard']]) },
    objects: Array.from({ length: rules }, (_, i) => ({ kind: OBJECT_KINDS[i % OBJECT_KINDS.length], colour: 'yellow', count: pick([1, 64]), at: { anywhere: true } })),
    knobs: {},
    agent: {
      features,
      viewRadius: pick([null, 1, 32]),
      discount: pick([0.01, 0.99]),
      inductiveBias: { init: features.includes('unexplored') ? { unexplored: 1 } : {}, noiseScale: {}, weightDecay: pick([0, 1]), explanation: 'Extreme.' },
    },
    reward: { default: { coin: 1 }, editable: ['coin', 'step'] },
    training: {
      generations: pick([1, 400]),
      population: pick([1, 64]),
      episodesPerGeneration: pick([1, 64]),
      learningRate: pick([0.001, 10]),
      noise: pick([0.001, 10]),
      maxGenerations: 400,
    },
    hypotheses: Array.from({ length: hypotheses }, (_, i) => ({ id: `h${i}`, label: `H${i}`, description: 'd', weights: { [features[i % features.length]!]: i + 1 }, intended: i === 0 })),
    success: { all: ['coin'], threshold: pick([0, 1]) },
    deploymentSuite: { size: pick([10, 500]), seed: rng.int(1000) },
    budget: { probes: 99, lens: 99 },
    askFailureKind: rng.int(2) === 1,
    lesson: { reveal: 'r', claims: [{ name: 'c', config: { generations: pick([1, 400]), population: pick([1, 64]), episodesPerGeneration: pick([1, 64]) }, expect: { aligned: true } }] },
  };
}

interface ExtremeSummary {
  levels: number;
  refused: number;
  bounded: number;
  scored: { work: number; ms: number }[];
  failures: string[];
}

/** Generates extreme levels; the budget must refuse each, or let it through only if scoring it stays bounded. */
function fuzzExtremes(count: number, seed: number, scoreHeaviest: number): ExtremeSummary {
  const rng = Rng.fromSeed(seed + 1);
  const failures: string[] = [];
  const passed: { level: Level; work: number }[] = [];
  let refused = 0;
  for (let i = 0; i < count; i++) {
    const parsed = parseLevel(extremeLevel(rng, i));
    if (!parsed.ok) {
      failures.push(`extreme level ${i} does not parse: ${parsed.problems[0]!.path}: ${tx(parsed.problems[0]!.message)}`);
      continue;
    }
    const level = parsed.value;
    const configs = [{}, ...level.lesson.claims.map((c) => c.config)];
    const over = configs.map((config) => checkBudget(estimateWork(level, resolveConfig(level, config)))).find((o) => o !== null);
    if (over) {
      refused++;
      if (over.work <= over.limit || /[\n\r]/.test(tx(over.message))) failures.push(`extreme level ${i}: a refusal must name work over its limit, on one line`);
      continue;
    }
    passed.push({ level, work: estimateWork(level, resolveConfig(level)).scoring });
  }
  const scored: { work: number; ms: number }[] = [];
  for (const { level, work } of passed.sort((a, b) => b.work - a.work).slice(0, scoreHeaviest)) {
    const intended = level.hypotheses.find((h) => h.intended)!;
    const t0 = performance.now();
    runDeployment(level, mindFromRecord(level, intended.weights), level.reward.default);
    const ms = performance.now() - t0;
    scored.push({ work, ms });
    if (ms > SCORING_LIMIT_MS) failures.push(`${level.id}: within the budget (${work} units) but scoring took ${ms.toFixed(0)} ms`);
  }
  return { levels: count, refused, bounded: passed.length, scored, failures };
}

function main(): number {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { runs: { type: 'string' }, seed: { type: 'string' }, extreme: { type: 'string' } } });
  const extremeCount = Number(values.extreme ?? 300);
  const runs = Number(values.runs ?? 100_000);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    process.stderr.write('fuzz: --runs and --seed take whole numbers\n');
    return 2;
  }
  const levels = loadCampaign(campaignFiles());
  const summary = fuzzCodes(runs, seed, levels);
  const lines = [`decoded ${summary.runs} random and mutated codes (seed ${seed}) in ${(summary.totalMs / 1000).toFixed(2)} s`];
  lines.push(`  decoding took ${(summary.decodeMs / 1000).toFixed(2)} s of it (the rest makes the inputs): mean ${((summary.decodeMs / summary.runs) * 1000).toFixed(0)} µs per code`);
  lines.push(`  slowest decode ${summary.maxMs.toFixed(1)} ms (${summary.slowest})`);
  for (const [kind, count] of Object.entries(summary.outcomes)) lines.push(`  ${kind.padEnd(18)} ${String(count).padStart(7)}`);
  lines.push(`  exceptions         ${String(summary.exceptions.length).padStart(7)}`);
  lines.push(`  over ${HANG_MS} ms        ${String(summary.slow).padStart(7)}`);
  for (const e of summary.exceptions.slice(0, 10)) lines.push(`  ${e}`);
  const extremes = fuzzExtremes(Number.isInteger(extremeCount) && extremeCount > 0 ? extremeCount : 300, seed, 5);
  lines.push(`extreme valid levels: ${extremes.levels} generated, ${extremes.refused} refused by the work budget, ${extremes.bounded} within it`);
  for (const s of extremes.scored) lines.push(`  scored one within the budget: ${(s.work / 1e6).toFixed(1)} million units in ${(s.ms / 1000).toFixed(2)} s`);
  for (const f of extremes.failures.slice(0, 10)) lines.push(`  ${f}`);
  const ok = summary.exceptions.length === 0 && summary.slow === 0 && extremes.failures.length === 0;
  lines.push(ok ? 'no crash, no hang; the budget refused or bounded every extreme level' : 'FAILED');
  process.stdout.write(lines.join('\n') + '\n');
  return ok ? 0 : 1;
}

process.exitCode = main();
