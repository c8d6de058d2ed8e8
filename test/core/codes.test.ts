/**
 * Sharing codes: every campaign level survives a round trip, a challenge
 * code rebuilds the same trained agent, a result code carries the verdict,
 * each kind of damage gets its own typed error with a readable line, and no
 * input of any shape makes a decoder throw or hang. Then the same through
 * the command-line tool.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'fflate';
import {
  CODE_ERROR_KINDS,
  DICTIONARY_V1,
  DICTIONARY_V2,
  MAX_CODE_LENGTH,
  MAX_INFLATED_BYTES,
  canonicalLevel,
  decodeAny,
  decodeChallenge,
  decodeLevel,
  decodeResult,
  describeCodeError,
  encodeChallenge,
  encodeLevel,
  encodeResult,
  MAX_STUDENT_NAME,
  studentNameProblem,
  hashNumbers,
  levelFingerprint,
  levelSchema,
  packJson,
  resolveConfig,
  scoreReport,
  sealCode,
  train,
  type CodeError,
  type CodeErrorKind,
  type CodeResult,
  type Level,
  type ScoreReport,
} from '../../src/core/index';
import { campaign, campaignLevel, mustParse, tinyLevelJson } from './campaign';
import { tx } from '../../src/i18n/index';

function must<T>(result: CodeResult<T>): T {
  if (!result.ok) throw new Error(`expected success: ${tx(describeCodeError(result.error))}`);
  return result.value;
}

function errorOf<T>(result: CodeResult<T>): CodeError {
  if (result.ok) throw new Error('expected a CodeError, the code was accepted');
  return result.error;
}

const levels = campaign();
const goesRight = campaignLevel('goes-right');
const levelCode = (level: Level) => must(encodeLevel(level));

/**
 * Every campaign level's code fits in 450 characters: short enough to paste
 * in a chat, and a link to it fits in a QR code. The preset dictionary of
 * format version 2 carries a frozen copy of the campaign's text
 * (src/core/codeDictionaryV2.ts); with it the campaign's level codes take
 * 198–387 characters (version 1's dictionary, made before the lessons'
 * conditional sentences and the reworked advanced levels, gave 335–1,186).
 * Text edited after the dictionary was fixed only compresses less.
 */
const LEVEL_CODE_BUDGET = 450;

describe('level codes of the campaign', () => {
  it.each(levels.map((level) => [level.id, level] as const))('%s: decodes to the level it encodes', (_id, level) => {
    expect(decodeLevel(levelCode(level))).toEqual({ ok: true, value: level });
  });

  it.each(levels.map((level) => [level.id, level] as const))('%s: re-encoding the decoded level gives back the same code', (_id, level) => {
    const code = levelCode(level);
    expect(must(encodeLevel(must(decodeLevel(code))))).toBe(code);
  });

  it.each(levels.map((level) => [level.id, level] as const))(`%s: the code is URL-safe and within ${LEVEL_CODE_BUDGET} characters`, (_id, level) => {
    const code = levelCode(level);
    expect(code).toMatch(/^L2[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThanOrEqual(LEVEL_CODE_BUDGET);
  });

  it(`every campaign level encodes to at most ${LEVEL_CODE_BUDGET} characters`, () => {
    const lengths = Object.fromEntries(levels.map((level) => [level.id, levelCode(level).length]));
    for (const [id, length] of Object.entries(lengths)) expect(length, id).toBeLessThanOrEqual(LEVEL_CODE_BUDGET);
  });

  it('a campaign level whose text was edited after the dictionary was fixed still round-trips (it only compresses less)', () => {
    const edited = { ...goesRight, briefing: goesRight.briefing.replace(/\.$/, ', and then some more words nobody froze.') };
    const code = levelCode(edited);
    expect(decodeLevel(code)).toEqual({ ok: true, value: edited });
    expect(code.length).toBeGreaterThan(levelCode(goesRight).length);
  });

  it("the preset dictionaries stay within DEFLATE's 32 KB window", () => {
    expect(new TextEncoder().encode(DICTIONARY_V1).length).toBeLessThanOrEqual(21 * 1024);
    expect(new TextEncoder().encode(DICTIONARY_V2).length).toBeLessThanOrEqual(32 * 1024);
  });
});

describe('canonical form', () => {
  it('the code does not depend on key order or on defaults being written out', () => {
    const json = tinyLevelJson();
    const reordered = Object.fromEntries(Object.entries(json).reverse());
    const explicit = canonicalLevel(mustParse(json), { omitDefaults: false });
    const code = levelCode(mustParse(json));
    expect(levelCode(mustParse(reordered))).toBe(code);
    expect(levelCode(mustParse(explicit))).toBe(code);
  });

  it('the compact form leaves out fields equal to their schema default', () => {
    const compact = canonicalLevel(mustParse(tinyLevelJson()));
    expect(compact).not.toHaveProperty('knobs');
    expect(compact).not.toHaveProperty('rounds');
    expect(compact.world).not.toHaveProperty('auditChance');
    expect((compact.hypotheses as object[])[1]).not.toHaveProperty('intended');
  });

  it('the full form has every field, in the order the schema declares them', () => {
    const full = canonicalLevel(goesRight, { omitDefaults: false });
    // Every field but the optional ones this level leaves out (it has no pretraining).
    expect(Object.keys(full)).toEqual(Object.keys(levelSchema.shape).filter((key) => key !== 'pretraining'));
    expect(full).toEqual(goesRight);
    const sleeper = campaignLevel('sleeper-agent');
    expect(Object.keys(canonicalLevel(sleeper, { omitDefaults: false }))).toEqual(Object.keys(levelSchema.shape));
  });

  it('a code of either version still decodes to the same level; this version re-encodes to the same code', () => {
    // Pinned when format version 1 was made (re-pinned once, deliberately, when the campaign's
    // text joined the dictionary, before any code was shared), and when version 2 was made. If
    // this fails, a dictionary, the canonical form, the level schema or the compressor changed:
    // existing codes no longer round-trip, and the change needs a new CODE_VERSION (keeping a
    // reader for the older ones).
    const pinnedV1 =
      'L1rZzLEcAgCETrSh9pIf23EFb8oAvowSPjIU4Cb82OwCcGuZ1qJzu8Gg5th-84ibqkxtQxUv72S3KiSSVyLmx1ZaK-SLgXHqoxwMJqrMXga-5GPPuzHlVdJFaiFjH9hc5E-9VvwXSukNQmGQi9KWxxXDashUz4rJWVlLXnWIURwzj9qtvg-BhD7-IGhTbBqwO0xg60dcTW7ublHWo2aGLzTExZVmLiuznwqSYb9srIgWFhX9rEFq7zHwA72xCn';
    const level = mustParse({
      format: 1,
      id: 'tiny',
      title: 'Tiny',
      concept: 'testing',
      order: 0,
      briefing: 'A room for tests.',
      intendedObjective: 'Get the coin.',
      world: { map: ['............', '............', '............'], start: { cells: [[0, 1]] }, maxSteps: 30, terminalEvents: ['coin'] },
      objects: [{ kind: 'coin', colour: 'yellow', at: { cells: [[9, 2]] } }],
      agent: { features: ['coin', 'right-edge'], viewRadius: 2, inductiveBias: { explanation: 'None.' } },
      reward: { default: { coin: 10 }, editable: ['coin'] },
      training: { generations: 2, population: 2, episodesPerGeneration: 2, learningRate: 0.5, noise: 0.5 },
      hypotheses: [
        { id: 'get-coin', label: 'Coin', description: 'Gets the coin.', weights: { coin: 1 }, intended: true },
        { id: 'go-right', label: 'Right', description: 'Goes right.', weights: { 'right-edge': 1 } },
      ],
      success: { all: ['coin'], threshold: 0.8 },
      deploymentSuite: { size: 10, seed: 1 },
      budget: { probes: 0, lens: 0 },
      lesson: { reveal: 'Nothing.', claims: [{ name: 'it gets the coin', expect: { aligned: true } }] },
    });
    const pinnedV2 =
      'L2rZ1RDoAwCEPP5f0vJh0bMgpsH36SmWgie0UyKVcM8kM0KiPzxdXw03acMNpEXVJjs5A0HztcWbqk-d3ViXqQ8Cy8VGOAhdVYN0OuuQfxtHs9qrpIrEYtavoLnYn20WRiTJyoSO2SgdDbwhblsmMtZCJnray0rL3HKnohjFPfo8wnhbbjHZdPtQF0xgm01UX39EX-DzUXNPHwTExZVmLivSXwmZOiR2-JkIMpRKGxW55Xktx8AQBeV2aK';
    expect(decodeLevel(pinnedV1)).toEqual({ ok: true, value: level });
    expect(decodeLevel(pinnedV2)).toEqual({ ok: true, value: level });
    expect(levelCode(level)).toBe(pinnedV2);
    // Version 2 test vectors of the other kinds, made with the same level.
    const challengeV2 =
      'C2rZ1LDoAgDETv5M7DeXc7FGr_sHBJMNGE8qY20CG64hrwAJxLHehmNFIkMcjl4SfyOGpk1J1ixHhJiqEdnizt0vQ269TdaXk2PJRlECbKMu-KXHw3Kirvull-EWGNbNQyQJgO2PduE6P1RIVsFRWBwS11kTcr6EIvcujSTAvdc76iKBK5qouVecvQts_jMqwWks5xQm-20939mv-Dz0VPfHxEJ00zOrFuCYVmy-hRZArsQTsiV-EtDy4hwWtogsWzWjyrY0T363kBA7mKHE';
    const challenge = must(decodeChallenge(challengeV2));
    expect(challenge.level).toEqual(level);
    expect(challenge.seed).toBe(42);
    expect(challenge.config).toMatchObject({ generations: 3, reward: { coin: 5 } });
    expect(must(encodeChallenge({ level, config: { generations: 3, reward: { coin: 5 } }, seed: 42 }))).toBe(challengeV2);
    const resultV2 = 'R2A5auoG3AoKZVZh74_CkQF3ikH7CVVQAcyATV5gZJiSnJBimQA7iAc7aQRAhJLKDGDzQ7ZaIMDkEKREjRBr7REsi0BBW44JyqBExGZrqGRroGoKiD-tQxJVGpFgABmSDJH';
    const result = { level: 'tiny', levelFingerprint: '0badc0de', decision: 'deploy', hypothesis: 'get-coin', stars: 3, points: 90, date: '2026-12-02', name: 'Ada' } as const;
    expect(decodeResult(resultV2)).toEqual({ ok: true, value: result });
    expect(must(encodeResult(result))).toBe(resultV2);
  });

  it('whitespace around and inside a pasted code is ignored', () => {
    const code = levelCode(goesRight);
    const wrapped = `  ${code.slice(0, 60)}\n${code.slice(60, 200)}\r\n ${code.slice(200)}\t\n`;
    expect(decodeLevel(wrapped)).toEqual({ ok: true, value: goesRight });
  });
});

describe('challenge codes', () => {
  const config = { generations: 3, population: 4, episodesPerGeneration: 2, knobs: { coinRandomShare: 0.3 } };

  it('carry the level, the configuration and the seed', () => {
    const code = must(encodeChallenge({ level: goesRight, config, seed: 17 }));
    expect(code).toMatch(/^C2[A-Za-z0-9_-]+$/);
    expect(decodeChallenge(code)).toEqual({ ok: true, value: { level: goesRight, config, seed: 17 } });
    const again = must(decodeChallenge(code));
    expect(must(encodeChallenge(again))).toBe(code);
  });

  it('rebuild the same trained agent, bit for bit', () => {
    const original = train(goesRight, resolveConfig(goesRight, config), 17);
    const opened = must(decodeChallenge(must(encodeChallenge({ level: goesRight, config, seed: 17 }))));
    const rebuilt = train(opened.level, resolveConfig(opened.level, opened.config), opened.seed);
    expect(hashNumbers([...rebuilt.mind.weights])).toBe(hashNumbers([...original.mind.weights]));
    expect([...rebuilt.mind.weights]).toEqual([...original.mind.weights]);
    expect(rebuilt.episodes).toBe(original.episodes);
  });

  it('refuse a configuration the level does not allow', () => {
    const error = errorOf(encodeChallenge({ level: goesRight, config: { knobs: { noSuchKnob: 1 } }, seed: 1 }));
    expect(error).toMatchObject({ kind: 'invalid-config', problems: [{ path: 'knobs.noSuchKnob' }] });
  });

  it('refuse a seed that is not a whole number from 0 to 2^31 − 1', () => {
    for (const seed of [-1, 1.5, 2 ** 31, Number.NaN]) {
      expect(errorOf(encodeChallenge({ level: goesRight, config: {}, seed }))).toMatchObject({ kind: 'invalid-challenge', problems: [{ path: 'seed' }] });
    }
  });
});

describe('result codes', () => {
  const report: ScoreReport = {
    level: 'goes-right',
    levelFingerprint: levelFingerprint(goesRight),
    decision: 'hold',
    hypothesis: 'reach-end',
    stars: 2,
    points: 85,
    date: '2026-03-14',
  };

  it('carry the level id and fingerprint, the verdict, the score and the date', () => {
    const code = must(encodeResult(report));
    expect(code).toMatch(/^R2[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(150);
    expect(decodeResult(code)).toEqual({ ok: true, value: report });
    expect(must(encodeResult(must(decodeResult(code))))).toBe(code);
  });

  it('are built from what the verdict screen knows', () => {
    const score = { stars: 2, points: { detection: 60, outcome: 15, cost: 10, total: 85 } } as const;
    const built = scoreReport(goesRight, { decision: 'hold', hypothesis: 'reach-end' }, score as never, '2026-03-14');
    expect(built).toEqual(report);
    const withFailure = scoreReport(goesRight, { decision: 'hold', hypothesis: 'reach-end', failure: 'inner' }, score as never, '2026-03-14');
    expect(must(decodeResult(must(encodeResult(withFailure))))).toEqual({ ...report, failure: 'inner' });
  });

  it('the fingerprint tells versions of a level apart', () => {
    const edited = mustParse({ ...canonicalLevel(goesRight), title: 'Goes Right, edited' });
    expect(levelFingerprint(goesRight)).toMatch(/^[0-9a-f]{8}$/);
    expect(levelFingerprint(edited)).not.toBe(levelFingerprint(goesRight));
    expect(levelFingerprint(must(decodeLevel(levelCode(goesRight))))).toBe(levelFingerprint(goesRight));
  });

  it('refuse a date that is not a calendar day', () => {
    for (const date of ['2026-02-29', '2026-13-01', '14/03/2026', '2026-3-14', '']) {
      expect(errorOf(encodeResult({ ...report, date }))).toMatchObject({ kind: 'invalid-result', problems: [{ path: 'date' }] });
    }
    expect(encodeResult({ ...report, date: '2028-02-29' }).ok).toBe(true);
  });

  it('a code made before names existed still decodes, with no name', () => {
    // Made by the encoder as it stood before result codes could carry a name.
    const old = 'R1A5auoNMw0E9CAgsCl6YD21oFRcCUC5Q3SEpMSTZIgaxQB07pQZIiOPkgslQm0B0o62EgJ9aBm2WgDZZApgUwX6aAs6sSMC2Z6RoY6xqaKNUCAAAu_tjs';
    const decoded = must(decodeResult(old));
    expect(decoded).toEqual({ ...report, levelFingerprint: '0badc0de' });
    expect(decoded.name).toBeUndefined();
    // Written again, it is a version-2 code of the same report.
    const again = must(encodeResult(decoded));
    expect(again).toMatch(/^R2/);
    expect(decodeResult(again)).toEqual({ ok: true, value: decoded });
  });

  it('carry an optional student name, trimmed, and refuse names a teacher could be misled by', () => {
    const score = { stars: 2, points: { detection: 60, outcome: 15, cost: 10, total: 85 } } as const;
    const named = scoreReport(goesRight, { decision: 'hold', hypothesis: 'reach-end' }, score as never, '2026-03-14', '  Ada Lovelace ');
    expect(named.name).toBe('Ada Lovelace');
    expect(must(decodeResult(must(encodeResult(named))))).toEqual({ ...report, name: 'Ada Lovelace' });
    expect(scoreReport(goesRight, { decision: 'hold', hypothesis: 'reach-end' }, score as never, '2026-03-14', '   ').name).toBeUndefined();
    expect(must(decodeResult(must(encodeResult({ ...report, name: 'محمد 李' })))).name).toBe('محمد 李');
    for (const name of ['a\u202eevil', 'tab\there', 'line\nbreak', 'x'.repeat(MAX_STUDENT_NAME + 1), ' padded', '']) {
      expect(errorOf(encodeResult({ ...report, name }))).toMatchObject({ kind: 'invalid-result', problems: [{ path: 'name' }] });
    }
    expect(studentNameProblem('x'.repeat(MAX_STUDENT_NAME))).toBeNull();
    expect(tx(studentNameProblem('bad\u2066name')!)).toMatch(/text-direction/);
  });
});

/**
 * Raw DEFLATE with the dictionary of the version codes are written in, as base64url, optionally with its last
 * bytes cut off: for payloads packJson cannot make.
 */
function deflatedPayload(bytes: Uint8Array, cut = 0): string {
  const compressed = deflateSync(bytes, { level: 9, dictionary: new TextEncoder().encode(DICTIONARY_V2) });
  return Buffer.from(compressed.subarray(0, compressed.length - cut)).toString('base64url');
}

describe('each kind of bad code has its own typed error and a readable line', () => {
  const code = levelCode(goesRight);
  const challenge = must(encodeChallenge({ level: goesRight, config: {}, seed: 1 }));
  const flipped = (at: number) => code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
  const tiny = canonicalLevel(mustParse(tinyLevelJson()));

  const cases: Record<CodeErrorKind, { input: () => string; decode?: (code: string) => CodeResult<unknown>; says: string }> = {
    empty: { input: () => ' \n\t ', says: 'empty' },
    'too-long': { input: () => 'L1' + 'A'.repeat(MAX_CODE_LENGTH), says: 'too long' },
    'too-short': { input: () => code.slice(0, 8), says: 'too short' },
    'bad-characters': { input: () => code.slice(0, 40) + '<' + code.slice(40), says: 'position 41' },
    'bad-prefix': { input: () => 'X' + code.slice(1), says: 'start with L' },
    'unknown-version': { input: () => 'L9' + code.slice(2), says: 'version "9"' },
    'bad-checksum': { input: () => flipped(100), says: 'typo' },
    'wrong-kind': { input: () => challenge, decode: decodeLevel, says: 'challenge code, not a level code' },
    'bad-base64': { input: () => sealCode('level', 'AB'), says: 'base64url' },
    'inflate-failed': { input: () => sealCode('level', '____'), says: 'does not decompress' },
    'too-large': { input: () => packJson('level', `{"briefing":"${'a'.repeat(MAX_INFLATED_BYTES)}"}`), says: `more than ${MAX_INFLATED_BYTES} bytes` },
    'bad-json': { input: () => packJson('level', '{"format":1,'), says: 'not valid JSON' },
    'invalid-level': { input: () => packJson('level', JSON.stringify({ ...tiny, order: -1 })), says: 'order:' },
    'invalid-config': {
      input: () => packJson('challenge', JSON.stringify({ level: tiny, config: { reward: { step: 1 } }, seed: 1 })),
      says: 'reward.step',
    },
    'invalid-challenge': { input: () => packJson('challenge', JSON.stringify({ level: tiny, config: {}, seed: 'one' })), says: 'seed' },
    'invalid-result': { input: () => packJson('result', JSON.stringify({ level: 'tiny', stars: 4 })), says: 'the result in this code is invalid' },
  };

  it('the table below covers every kind', () => {
    expect(Object.keys(cases).sort()).toEqual([...CODE_ERROR_KINDS].sort());
  });

  it.each(Object.entries(cases))('%s', (kind, { input, decode, says }) => {
    const error = errorOf((decode ?? decodeAny)(input()));
    expect(error.kind).toBe(kind);
    const message = tx(describeCodeError(error));
    expect(message).toContain(says);
    expect(message).not.toMatch(/[\n\r]/);
    expect(message.length).toBeLessThan(320);
  });

  it('invalid-level carries every schema problem with its path', () => {
    const broken = { ...tiny, order: -1, world: { ...(tiny.world as object), maxSteps: 0 } };
    const error = errorOf(decodeLevel(packJson('level', JSON.stringify(broken))));
    expect(error.kind === 'invalid-level' && error.problems.map((p) => p.path)).toEqual(['order', 'world.maxSteps']);
    expect(tx(describeCodeError(error))).toMatch(/^the level in this code is invalid: order: .* \(and 1 more problem\)$/);
  });

  it('content that is not UTF-8 is bad-json', () => {
    const error = errorOf(decodeLevel(sealCode('level', deflatedPayload(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))));
    expect(error).toEqual({ kind: 'bad-json', reason: 'not UTF-8 text' });
  });

  it('untrusted text in a message is escaped and shortened, never passed through raw', () => {
    const hostileKey = '\u202e<img src=x onerror=alert(1)>\n' + 'k'.repeat(5000);
    const error = errorOf(decodeLevel(packJson('level', JSON.stringify({ ...tiny, [hostileKey]: 1 }))));
    const message = tx(describeCodeError(error));
    expect(error.kind).toBe('invalid-level');
    expect(message).not.toMatch(/[\n\u202e]/);
    expect(message.length).toBeLessThan(320);
    expect(tx(describeCodeError(errorOf(decodeLevel('L1\u0000' + code))))).toContain('U+0000');
  });

  it('a decompression bomb is refused with too-large, quickly, while inflating', () => {
    // 8 MB of JSON in a code of about 10,000 characters.
    const bomb = packJson('level', `{"format":1,"id":"${'a'.repeat(8_000_000)}"}`);
    expect(bomb.length).toBeLessThanOrEqual(MAX_CODE_LENGTH);
    const t0 = performance.now();
    const result = decodeLevel(bomb);
    const ms = performance.now() - t0;
    expect(result).toEqual({ ok: false, error: { kind: 'too-large', max: MAX_INFLATED_BYTES } });
    expect(ms).toBeLessThan(500);

    // Cut off the bomb's end: inflating it all would fail at the missing end, so getting
    // too-large instead shows the decoder stopped as soon as the output passed the limit.
    const json = new TextEncoder().encode(`{"format":1,"id":"${'a'.repeat(8_000_000)}"}`);
    const truncated = deflatedPayload(json, 30);
    expect(decodeLevel(sealCode('level', truncated))).toEqual({ ok: false, error: { kind: 'too-large', max: MAX_INFLATED_BYTES } });
    expect(errorOf(decodeLevel(sealCode('level', deflatedPayload(json.subarray(0, 1000), 6)))).kind).toBe('inflate-failed');
  });

  it('an overlong string is refused before anything is decoded', () => {
    const huge = 'L1' + 'A'.repeat(20_000_000);
    const t0 = performance.now();
    expect(errorOf(decodeAny(huge))).toEqual({ kind: 'too-long', length: huge.length, max: MAX_CODE_LENGTH });
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('encoding refuses a level too large to share', () => {
    const cells = Array.from({ length: 1024 }, (_, i) => [i % 32, i >> 5]);
    const json = tinyLevelJson();
    json.world.map = Array.from({ length: 32 }, () => '.'.repeat(32));
    json.objects = Array.from({ length: 12 }, () => ({ kind: 'coin', at: { cells } }));
    expect(errorOf(encodeLevel(mustParse(json)))).toEqual({ kind: 'too-large', max: MAX_INFLATED_BYTES });
  });
});

describe('decoding any string never throws and never hangs', () => {
  const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const samples = [
    ...levels.map(levelCode),
    must(encodeChallenge({ level: goesRight, config: { generations: 4 }, seed: 9 })),
    must(encodeResult({ level: 'tiny', levelFingerprint: '0badc0de', decision: 'deploy', hypothesis: 'get-coin', stars: 3, points: 100, date: '2026-01-31' })),
  ];
  const anyChar = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)); // nulls and lone surrogates included
  const b64Char = fc.constantFrom(...BASE64URL);
  const edit = fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), text: b64Char }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: anyChar, minLength: 1, maxLength: 8 }) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  );
  type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;
  const apply = (code: string, edits: readonly Edit[]) =>
    edits.reduce((s, e) => {
      const at = e.at % (s.length + 1);
      switch (e.op) {
        case 'flip':
          return s.slice(0, at) + e.text + s.slice(at + 1);
        case 'insert':
          return s.slice(0, at) + e.text + s.slice(at);
        case 'delete':
          return s.slice(0, at) + s.slice(at + e.length);
        case 'duplicate':
          return s.slice(0, at) + s.slice(at, at + e.length) + s.slice(at);
        case 'truncate':
          return s.slice(0, at);
        case 'swap':
          return at + 1 < s.length ? s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2) : s;
      }
    }, code);
  const mutated = fc.tuple(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([code, edits]) => apply(code, edits));
  // Re-sealed: a fresh checksum, so the damage reaches the inflater, the JSON parser and the schema.
  const resealed = fc.tuple(mutated, fc.constantFrom('level', 'challenge', 'result') as fc.Arbitrary<'level' | 'challenge' | 'result'>).map(([code, kind]) => {
    const payload = code.replace(/[^A-Za-z0-9_-]/g, '');
    return sealCode(kind, payload.slice(2, Math.max(2, payload.length - 6)));
  });
  const input = fc.oneof(
    fc.string({ unit: anyChar, maxLength: 300 }),
    fc.tuple(fc.constantFrom('L1', 'C1', 'R1', 'L2', 'C2', 'R2', 'L3', ''), fc.string({ unit: b64Char, maxLength: 1500 })).map(([p, s]) => p + s),
    mutated,
    resealed,
    resealed,
  );
  const decoders = [decodeAny, decodeLevel, decodeChallenge, decodeResult] as const;

  it('10,000 random and mutated codes each give a value or a typed error with a one-line message', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(input, fc.nat(3), (code, which) => {
        const result = decoders[which]!(code);
        if (result.ok) {
          seen.add('ok');
          return;
        }
        seen.add(result.error.kind);
        expect(CODE_ERROR_KINDS).toContain(result.error.kind);
        const message = tx(describeCodeError(result.error));
        expect(message.length).toBeGreaterThan(0);
        expect(message).not.toMatch(/[\n\r]/);
      }),
      { numRuns: 10_000, seed: 20260314 },
    );
    // The inputs reach past the checksum into every later stage.
    for (const kind of ['bad-checksum', 'wrong-kind', 'inflate-failed', 'bad-json', 'invalid-level'] as const) expect(seen).toContain(kind);
  });
});

describe('mesa encode / mesa decode', () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));
  const mesa = (...args: string[]) => {
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/mesa.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const expectUsageError = (run: ReturnType<typeof mesa>, fragment: string) => {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toContain('    at ');
    expect(run.stderr).toMatch(/^mesa: /);
    expect(run.stderr).toContain(fragment);
  };

  it('encode prints the level code; decode prints the level back as JSON in schema order', () => {
    const encoded = mesa('encode', 'levels/goes-right.json');
    expect(encoded.status).toBe(0);
    expect(encoded.stderr).toBe('');
    const code = encoded.stdout.trim();
    expect(code).toBe(levelCode(goesRight));

    const decoded = mesa('decode', code);
    expect(decoded.status).toBe(0);
    expect(decoded.stderr).toBe('');
    expect(JSON.parse(decoded.stdout)).toEqual(goesRight);
    expect(decoded.stdout).toBe(JSON.stringify(canonicalLevel(goesRight, { omitDefaults: false }), null, 2) + '\n');
  });

  it('encode --seed makes a challenge code; decode prints { level, config, seed }', () => {
    const code = mesa('encode', 'levels/goes-right.json', '--seed', '5').stdout.trim();
    expect(code).toMatch(/^C2/);
    const decoded = mesa('decode', code);
    expect(decoded.status).toBe(0);
    const out = JSON.parse(decoded.stdout);
    expect(Object.keys(out)).toEqual(['level', 'config', 'seed']);
    expect(out).toEqual({ level: goesRight, config: {}, seed: 5 });
  });

  it('a mangled code exits 2 with one line on stderr and no stack trace', () => {
    const code = levelCode(goesRight);
    const typo = code[300] === 'x' ? 'y' : 'x';
    expectUsageError(mesa('decode', code.slice(0, 300) + typo + code.slice(301)), 'checksum');
  });

  it('a code that is not a code at all', () => {
    expectUsageError(mesa('decode', '<script>alert(1)</script>'), 'decode: the code contains "<"');
  });
});
