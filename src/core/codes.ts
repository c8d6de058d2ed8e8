/**
 * Every code the game shares, in one place: level codes, challenge codes and
 * result codes — how they are laid out, compressed, checksummed, limited and
 * validated, and the typed errors of reading them.
 *
 * Must stay pure: no DOM, no Node APIs, no clock, no Math.random. It runs in
 * the browser, the training worker and Node alike. Decoding takes untrusted
 * input and never throws, whatever the string; every failure is a `CodeError`
 * with a one-line message (`describeCodeError`). Text decoded from a code is
 * untrusted plain text: views show it as text (textContent), never as HTML.
 *
 * Layout of a code (all characters from the base64url alphabet):
 *
 *   L 1 <payload> <checksum>
 *   │ │    │          └ 6 chars: CRC-32 of every character before it (as ASCII)
 *   │ │    └ base64url, no padding, of raw DEFLATE (RFC 1951) with the preset
 *   │ │      dictionary below, of the canonical JSON of what the code holds
 *   │ └ format version, one character ('1': this file's dictionary and level format 1)
 *   └ kind: L level, C challenge (level + training configuration + seed), R result
 *
 * Canonical JSON: object keys in the order the schema declares them, fields
 * equal to their schema default left out, record keys (knobs, weights, …) in
 * the order the level gives them, no whitespace. Decoding puts the defaults
 * back through the schema, so `decodeLevel(encodeLevel(l))` equals `l` and
 * `encodeLevel(decodeLevel(c))` gives back `c` for every code encode made.
 *
 * Limits, checked in this order: the code's length before anything else; the
 * inflated size while inflating (the input is fed in small chunks, so a
 * decompression bomb stops at the limit instead of filling memory); then the
 * schema. The checksum catches typos; it is no protection against someone
 * forging a code, and result codes say so to the teacher.
 */
import { Inflate, deflateSync } from 'fflate';
import { z } from 'zod';
import type { Decision, Verdict, VerdictScore } from './verdict';
import type { FailureKind } from './scoring';
import { describeProblems } from './errors';
import { CAMPAIGN_TEXT_V1 } from './codeDictionary';
import { FAILURE_KINDS } from './vocabulary';
import { formatPath, idSchema, levelSchema, parseConfig, parseLevel, trainingConfigSchema, type Level, type LevelProblem, type TrainingConfigInput } from './level';

// ---------------------------------------------------------------------------
// Format constants

/** The format version this module writes and reads: one character after the kind letter. */
export const CODE_VERSION = '1';
/** Longest code accepted, in characters (after removing whitespace). Checked before any decoding. */
export const MAX_CODE_LENGTH = 12_000;
/** Largest canonical JSON a code may inflate to, in bytes. Checked while inflating. */
export const MAX_INFLATED_BYTES = 64 * 1024;
const CHECKSUM_CHARS = 6;
const PREFIX_CHARS = 2;
/** A prefix, at least one payload byte (two characters) and the checksum. */
export const MIN_CODE_LENGTH = PREFIX_CHARS + 2 + CHECKSUM_CHARS;
/**
 * Compressed bytes fed to the inflater at a time. DEFLATE expands a byte to at
 * most ~1 KB, so a bomb is stopped within ~0.5 MB of output; a typical level
 * code needs two steps.
 */
const INFLATE_CHUNK = 512;

export type CodeKind = 'level' | 'challenge' | 'result';
const KIND_LETTER: Readonly<Record<CodeKind, string>> = { level: 'L', challenge: 'C', result: 'R' };
const KIND_OF_LETTER: Readonly<Record<string, CodeKind>> = { L: 'level', C: 'challenge', R: 'result' };

// ---------------------------------------------------------------------------
// Errors

export type CodeError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly length: number; readonly max: number }
  | { readonly kind: 'too-short'; readonly length: number; readonly min: number }
  | { readonly kind: 'bad-characters'; readonly position: number; readonly codePoint: number }
  | { readonly kind: 'bad-prefix'; readonly letter: string }
  | { readonly kind: 'unknown-version'; readonly codeKind: CodeKind; readonly version: string }
  | { readonly kind: 'bad-checksum' }
  | { readonly kind: 'wrong-kind'; readonly expected: CodeKind; readonly found: CodeKind }
  | { readonly kind: 'bad-base64' }
  | { readonly kind: 'inflate-failed'; readonly reason: string }
  | { readonly kind: 'too-large'; readonly max: number }
  | { readonly kind: 'bad-json'; readonly reason: string }
  | { readonly kind: 'invalid-level'; readonly problems: readonly LevelProblem[] }
  | { readonly kind: 'invalid-config'; readonly problems: readonly LevelProblem[] }
  | { readonly kind: 'invalid-challenge'; readonly problems: readonly LevelProblem[] }
  | { readonly kind: 'invalid-result'; readonly problems: readonly LevelProblem[] };

export type CodeErrorKind = CodeError['kind'];

/** Every kind of `CodeError`, for summaries and exhaustive tests. */
export const CODE_ERROR_KINDS = [
  'empty',
  'too-long',
  'too-short',
  'bad-characters',
  'bad-prefix',
  'unknown-version',
  'bad-checksum',
  'wrong-kind',
  'bad-base64',
  'inflate-failed',
  'too-large',
  'bad-json',
  'invalid-level',
  'invalid-config',
  'invalid-challenge',
  'invalid-result',
] as const satisfies readonly CodeErrorKind[];
// Fails to compile if a kind is added to CodeError but not to the list.
const everyKindListed: Exclude<CodeErrorKind, (typeof CODE_ERROR_KINDS)[number]> extends never ? true : never = true;
void everyKindListed;

export type CodeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CodeError };

const fail = <T>(error: CodeError): CodeResult<T> => ({ ok: false, error });
const ok = <T>(value: T): CodeResult<T> => ({ ok: true, value });

const ARTICLE: Readonly<Record<CodeKind, string>> = { level: 'a level', challenge: 'a challenge', result: 'a result' };

/** One readable line, safe to show as text: untrusted parts are escaped and shortened. */
export function describeCodeError(error: CodeError): string {
  switch (error.kind) {
    case 'empty':
      return 'the code is empty';
    case 'too-long':
      return `the code is too long (${error.length} characters; at most ${error.max})`;
    case 'too-short':
      return `the code is too short to be complete (${error.length} characters; at least ${error.min}) — was it cut off?`;
    case 'bad-characters':
      return `the code contains ${describeCharacter(error.codePoint)} at position ${error.position + 1}; codes use only letters, digits, - and _`;
    case 'bad-prefix':
      return `this is not a Mesa code: codes start with L (level), C (challenge) or R (result), not ${describeCharacter(error.letter.codePointAt(0) ?? 0)}`;
    case 'unknown-version':
      return `this ${error.codeKind} code has format version "${oneLine(error.version, 4)}", but this game reads version ${CODE_VERSION} — it may come from a newer version of Mesa`;
    case 'bad-checksum':
      return 'the code has a typo or is incomplete (its checksum does not match); copy it again';
    case 'wrong-kind':
      return `this is ${ARTICLE[error.found]} code, not ${ARTICLE[error.expected]} code`;
    case 'bad-base64':
      return 'the code is damaged: its payload is not valid base64url';
    case 'inflate-failed':
      return `the code is damaged: it does not decompress (${oneLine(error.reason, 80)})`;
    case 'too-large':
      return `the code unpacks to more than ${error.max} bytes, more than any level needs; refused`;
    case 'bad-json':
      return `the code is damaged: its content is not valid JSON (${oneLine(error.reason, 80)})`;
    case 'invalid-level':
      return oneLine(describeProblems('the level in this code is invalid', error.problems), 300);
    case 'invalid-config':
      return oneLine(describeProblems('the training configuration in this code is invalid', error.problems), 300);
    case 'invalid-challenge':
      return oneLine(describeProblems('the challenge in this code is invalid', error.problems), 300);
    case 'invalid-result':
      return oneLine(describeProblems('the result in this code is invalid', error.problems), 300);
  }
}

function describeCharacter(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = codePoint > 0x20 && codePoint < 0x7f;
  return printable ? `"${String.fromCodePoint(codePoint)}" (${hex})` : hex;
}

/**
 * Untrusted text made safe for a one-line message: control, separator and
 * bidirectional-override characters become \u escapes; long text is cut.
 */
function oneLine(text: string, max: number): string {
  const cut = text.length > max ? text.slice(0, max) + '…' : text;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// ---------------------------------------------------------------------------
// What the codes hold

/** A level plus a training configuration and a seed: opening it rebuilds the same trained agent. */
export interface Challenge {
  readonly level: Level;
  readonly config: TrainingConfigInput;
  readonly seed: number;
}

/**
 * A player's verdict and score on one level, for a teacher to collect. The
 * fingerprint tells which version of the level was played.
 */
export interface ScoreReport {
  readonly level: string;
  readonly levelFingerprint: string;
  readonly decision: Decision;
  readonly hypothesis: string;
  /** Where the player placed the failure, in levels that ask (`askFailureKind`). */
  readonly failure?: FailureKind;
  readonly stars: 0 | 1 | 2 | 3;
  readonly points: number;
  /** ISO day, `YYYY-MM-DD`, given by the caller (the core has no clock). */
  readonly date: string;
  /** The student's name, if they gave one (codes made before names existed have none). */
  readonly name?: string;
}

/** Longest student name a result code carries. */
export const MAX_STUDENT_NAME = 40;
/** Characters a name may not hold: controls, line and paragraph separators, and the bidirectional marks, embeddings, overrides and isolates that could reorder the text around it. */
const NAME_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;

/** Why a student name cannot go in a result code, or null when it can. The name is trimmed first; an empty name means "no name". */
export function studentNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if ([...trimmed].length > MAX_STUDENT_NAME) return `a name is at most ${MAX_STUDENT_NAME} characters`;
  if (NAME_FORBIDDEN.test(trimmed)) return 'a name cannot hold control characters or text-direction marks';
  return null;
}

/** What a result code proves and what it does not, in the words the game shows a teacher. */
export const RESULT_CODE_CAVEAT = 'A result code has a checksum that catches typing mistakes. It is not proof against cheating: anyone can make a code with any score.';

/** Seeds as the command line takes them: whole numbers from 0 to 2^31 − 1. */
const seedSchema = z.int().min(0).max(0x7fffffff);
const identifier = idSchema;

const challengeSchema = z.strictObject({
  level: z.record(z.string(), z.unknown()),
  config: z.record(z.string(), z.unknown()),
  seed: seedSchema,
});

const reportSchema = z.strictObject({
  level: identifier,
  levelFingerprint: z.string().regex(/^[0-9a-f]{8}$/, 'must be 8 lowercase hex digits'),
  decision: z.enum(['deploy', 'hold']),
  hypothesis: identifier,
  failure: z.enum(FAILURE_KINDS).optional(),
  stars: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  points: z.int().min(0).max(999),
  date: z.string().refine(isIsoDay, 'must be a calendar day written YYYY-MM-DD'),
  name: z
    .string()
    .min(1)
    .refine((n) => n === n.trim(), 'must not start or end with spaces')
    .refine((n) => [...n].length <= MAX_STUDENT_NAME, `a name is at most ${MAX_STUDENT_NAME} characters`)
    .refine((n) => !NAME_FORBIDDEN.test(n), 'a name cannot hold control characters or text-direction marks')
    .optional(),
});

function isIsoDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

// ---------------------------------------------------------------------------
// Public API: encoding

/** The level code of a valid level (as `parseLevel` returns it). Fails only if the level is too big to share. */
export function encodeLevel(level: Level): CodeResult<string> {
  return pack('level', JSON.stringify(canonicalLevel(level)));
}

/** The challenge code of a level, a configuration for it and a seed. The configuration is checked against the level. */
export function encodeChallenge(challenge: Challenge): CodeResult<string> {
  const config = parseConfig(challenge.level, challenge.config);
  if (!config.ok) return fail({ kind: 'invalid-config', problems: config.problems });
  const seed = seedSchema.safeParse(challenge.seed);
  if (!seed.success) return fail({ kind: 'invalid-challenge', problems: zodProblems(seed.error, ['seed']) });
  const envelope = { level: canonicalLevel(challenge.level), config: canonicalConfig(config.value), seed: seed.data };
  return pack('challenge', JSON.stringify(envelope));
}

/** The result code of a score report. The report is checked first (a date must be a real `YYYY-MM-DD` day). */
export function encodeResult(report: ScoreReport): CodeResult<string> {
  const checked = reportSchema.safeParse(report);
  if (!checked.success) return fail({ kind: 'invalid-result', problems: zodProblems(checked.error) });
  return pack('result', JSON.stringify(canonical(reportSchema, checked.data, true)));
}

/** The report a result code carries, from what the verdict screen knows. `date` is the caller's ISO day. */
export function scoreReport(level: Level, verdict: Verdict, score: VerdictScore, date: string, name = ''): ScoreReport {
  const student = name.trim();
  return {
    level: level.id,
    levelFingerprint: levelFingerprint(level),
    decision: verdict.decision,
    hypothesis: verdict.hypothesis,
    ...(verdict.failure === undefined ? {} : { failure: verdict.failure }),
    stars: score.stars,
    points: score.points.total,
    date,
    ...(student === '' ? {} : { name: student }),
  };
}

/**
 * Eight hex digits that identify a level's content: the CRC-32 of its
 * canonical JSON. Independent of compression, so it survives a change of
 * compressor; two levels differing in any field have different fingerprints
 * (barring a 1-in-4-billion collision).
 */
export function levelFingerprint(level: Level): string {
  return crc32(utf8Encode(JSON.stringify(canonicalLevel(level))))
    .toString(16)
    .padStart(8, '0');
}

// ---------------------------------------------------------------------------
// Public API: decoding (never throws)

export type DecodedCode = { readonly kind: 'level'; readonly level: Level } | { readonly kind: 'challenge'; readonly challenge: Challenge } | { readonly kind: 'result'; readonly report: ScoreReport };

/** Reads a level code. */
export function decodeLevel(code: string): CodeResult<Level> {
  const json = unpack(code, 'level');
  return json.ok ? levelFromJson(json.value) : json;
}

/** Reads a challenge code: the level, a configuration valid for it, and the seed. */
export function decodeChallenge(code: string): CodeResult<Challenge> {
  const json = unpack(code, 'challenge');
  return json.ok ? challengeFromJson(json.value) : json;
}

/** Reads a result code. Its checksum catches typos, not forgeries. */
export function decodeResult(code: string): CodeResult<ScoreReport> {
  const json = unpack(code, 'result');
  return json.ok ? reportFromJson(json.value) : json;
}

/** Reads a code of any kind, as a pasted code or a `#level=…` link gives it. */
export function decodeAny(code: string): CodeResult<DecodedCode> {
  const json = unpack(code, undefined);
  if (!json.ok) return json;
  switch (kindOf(code)) {
    case 'level': {
      const level = levelFromJson(json.value);
      return level.ok ? ok({ kind: 'level', level: level.value }) : level;
    }
    case 'challenge': {
      const challenge = challengeFromJson(json.value);
      return challenge.ok ? ok({ kind: 'challenge', challenge: challenge.value }) : challenge;
    }
    case 'result': {
      const report = reportFromJson(json.value);
      return report.ok ? ok({ kind: 'result', report: report.value }) : report;
    }
  }
}

function kindOf(code: string): CodeKind {
  // Only called once unpack succeeded, so the first non-space character is a kind letter.
  return KIND_OF_LETTER[code.replace(/\s+/g, '').charAt(0)]!;
}

function levelFromJson(data: unknown): CodeResult<Level> {
  const level = parseLevel(data);
  return level.ok ? ok(level.value) : fail({ kind: 'invalid-level', problems: level.problems });
}

function challengeFromJson(data: unknown): CodeResult<Challenge> {
  const envelope = challengeSchema.safeParse(data);
  if (!envelope.success) return fail({ kind: 'invalid-challenge', problems: zodProblems(envelope.error) });
  const level = parseLevel(envelope.data.level);
  if (!level.ok) return fail({ kind: 'invalid-level', problems: level.problems });
  const config = parseConfig(level.value, envelope.data.config);
  if (!config.ok) return fail({ kind: 'invalid-config', problems: config.problems });
  return ok({ level: level.value, config: config.value, seed: envelope.data.seed });
}

function reportFromJson(data: unknown): CodeResult<ScoreReport> {
  const report = reportSchema.safeParse(data);
  return report.success ? ok(report.data) : fail({ kind: 'invalid-result', problems: zodProblems(report.error) });
}

function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): LevelProblem[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

// ---------------------------------------------------------------------------
// Canonical form

/**
 * A level as plain JSON with the schema's key order. With `omitDefaults`
 * (the default) fields equal to their schema default are left out: the form
 * a code compresses. Without it every field is present: the form to print.
 */
export function canonicalLevel(level: Level, options: { omitDefaults?: boolean } = {}): Record<string, unknown> {
  return canonical(levelSchema, level, options.omitDefaults ?? true) as Record<string, unknown>;
}

/** A training configuration as plain JSON with the schema's key order. */
export function canonicalConfig(config: TrainingConfigInput): Record<string, unknown> {
  return canonical(trainingConfigSchema, config, true) as Record<string, unknown>;
}

/** The parts of a zod 4 schema definition the canonical walk reads. */
interface SchemaNode {
  readonly def: {
    readonly type: string;
    readonly shape?: Readonly<Record<string, SchemaNode>>;
    readonly innerType?: SchemaNode;
    readonly defaultValue?: unknown;
    readonly element?: SchemaNode;
    readonly items?: readonly SchemaNode[];
    readonly valueType?: SchemaNode;
    readonly options?: readonly SchemaNode[];
    readonly getter?: () => SchemaNode;
  };
  safeParse(data: unknown): { success: boolean };
}

const OMIT = Symbol('omit');

function canonical(schema: unknown, value: unknown, omitDefaults: boolean): unknown {
  const result = walk(schema as SchemaNode, value, omitDefaults);
  return result === OMIT ? {} : result;
}

function walk(schema: SchemaNode, value: unknown, omitDefaults: boolean): unknown {
  const def = schema.def;
  switch (def.type) {
    case 'default':
      if (omitDefaults && deepEqual(value, def.defaultValue)) return OMIT;
      return walk(def.innerType!, value, omitDefaults);
    case 'optional':
      return value === undefined ? OMIT : walk(def.innerType!, value, omitDefaults);
    case 'nullable':
      return value === null ? null : walk(def.innerType!, value, omitDefaults);
    case 'lazy':
      return walk(def.getter!(), value, omitDefaults);
    case 'object': {
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape!)) {
        const v = walk(field, source[key], omitDefaults);
        if (v !== OMIT && v !== undefined) out[key] = v;
      }
      return out;
    }
    case 'record': {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) out[key] = walk(def.valueType!, v, omitDefaults);
      return out;
    }
    case 'array':
      return (value as unknown[]).map((v) => keep(walk(def.element!, v, omitDefaults), v));
    case 'tuple':
      return (value as unknown[]).map((v, i) => keep(walk(def.items![i]!, v, omitDefaults), v));
    case 'union': {
      const option = def.options!.find((o) => o.safeParse(value).success);
      return option ? walk(option, value, omitDefaults) : clone(value);
    }
    default:
      return clone(value);
  }
}

const keep = (walked: unknown, original: unknown) => (walked === OMIT ? clone(original) : walked);

function clone(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ---------------------------------------------------------------------------
// Packing: JSON text ⇄ code

function pack(kind: CodeKind, json: string): CodeResult<string> {
  const bytes = utf8Encode(json);
  if (bytes.length > MAX_INFLATED_BYTES) return fail({ kind: 'too-large', max: MAX_INFLATED_BYTES });
  const code = sealCode(kind, base64url(deflateSync(bytes, { level: 9, mem: 8, dictionary: DICTIONARY_BYTES })));
  if (code.length > MAX_CODE_LENGTH) return fail({ kind: 'too-long', length: code.length, max: MAX_CODE_LENGTH });
  return ok(code);
}

/**
 * A code of the given kind around any payload characters: prefix and
 * checksum, nothing checked. For tests and the fuzzer, which need codes that
 * pass the checksum but carry damaged content; the game never calls it.
 */
export function sealCode(kind: CodeKind, payload: string): string {
  const body = KIND_LETTER[kind] + CODE_VERSION + payload;
  return body + checksumChars(crc32(asciiBytes(body)));
}

/** Compresses any JSON text into a code, unvalidated. For tests and the fuzzer, like `sealCode`. */
export function packJson(kind: CodeKind, json: string): string {
  return sealCode(kind, base64url(deflateSync(utf8Encode(json), { level: 9, mem: 8, dictionary: DICTIONARY_BYTES })));
}

/** From a code to its JSON value: every check up to and including JSON parsing. */
function unpack(input: string, expected: CodeKind | undefined): CodeResult<unknown> {
  if (typeof input !== 'string' || input.length === 0) return fail({ kind: 'empty' });
  // A first cut before scanning at all: a code plus generous whitespace.
  if (input.length > 2 * MAX_CODE_LENGTH) return fail({ kind: 'too-long', length: input.length, max: MAX_CODE_LENGTH });
  // Codes pasted from mail or chat may be wrapped or padded: whitespace is not part of a code.
  const code = input.replace(/\s+/g, '');
  if (code.length === 0) return fail({ kind: 'empty' });
  if (code.length > MAX_CODE_LENGTH) return fail({ kind: 'too-long', length: code.length, max: MAX_CODE_LENGTH });
  for (let i = 0; i < code.length; i++) {
    if (BASE64URL_VALUE[code.charCodeAt(i)] === undefined) {
      return fail({ kind: 'bad-characters', position: i, codePoint: code.codePointAt(i)! });
    }
  }
  if (code.length < MIN_CODE_LENGTH) return fail({ kind: 'too-short', length: code.length, min: MIN_CODE_LENGTH });
  const kind = KIND_OF_LETTER[code[0]!];
  if (kind === undefined) return fail({ kind: 'bad-prefix', letter: code[0]! });
  if (code[1] !== CODE_VERSION) return fail({ kind: 'unknown-version', codeKind: kind, version: code[1]! });
  const body = code.slice(0, -CHECKSUM_CHARS);
  if (checksumChars(crc32(asciiBytes(body))) !== code.slice(-CHECKSUM_CHARS)) return fail({ kind: 'bad-checksum' });
  if (expected !== undefined && kind !== expected) return fail({ kind: 'wrong-kind', expected, found: kind });

  const compressed = unbase64url(body.slice(PREFIX_CHARS));
  if (compressed === undefined) return fail({ kind: 'bad-base64' });
  const inflated = inflateLimited(compressed);
  if (!inflated.ok) return inflated;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.value);
  } catch {
    return fail({ kind: 'bad-json', reason: 'not UTF-8 text' });
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail({ kind: 'bad-json', reason: error instanceof Error ? error.message : 'unreadable' });
  }
}

/** Inflates with the preset dictionary, stopping as soon as the output passes the limit. */
function inflateLimited(compressed: Uint8Array): CodeResult<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate({ dictionary: DICTIONARY_BYTES }, (chunk) => {
    total += chunk.length;
    if (total <= MAX_INFLATED_BYTES) parts.push(chunk);
  });
  try {
    for (let i = 0; i < compressed.length && total <= MAX_INFLATED_BYTES; i += INFLATE_CHUNK) {
      inflater.push(compressed.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= compressed.length);
    }
  } catch (error) {
    return fail({ kind: 'inflate-failed', reason: error instanceof Error ? error.message : 'corrupt data' });
  }
  if (total > MAX_INFLATED_BYTES) return fail({ kind: 'too-large', max: MAX_INFLATED_BYTES });
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return ok(out);
}

// ---------------------------------------------------------------------------
// Bytes, base64url, CRC-32

function utf8Encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_VALUE: readonly (number | undefined)[] = (() => {
  const table: (number | undefined)[] = new Array(128).fill(undefined);
  for (let i = 0; i < BASE64URL.length; i++) table[BASE64URL.charCodeAt(i)] = i;
  return table;
})();

function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += BASE64URL[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** Strict: characters already checked; rejects impossible lengths and stray low bits (so one code ↔ one byte string). */
function unbase64url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    buffer = ((buffer << 6) | BASE64URL_VALUE[text.charCodeAt(i)]!) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return undefined;
  return bytes;
}

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as in zip and PNG). Catches every single-character typo and every swap of neighbours. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 32 bits as six base64url characters (the first carries only two bits). */
function checksumChars(value: number): string {
  let out = '';
  for (let c = 0; c < CHECKSUM_CHARS; c++) out += BASE64URL[Math.floor(value / 2 ** (6 * (CHECKSUM_CHARS - 1 - c))) & 63];
  return out;
}

// ---------------------------------------------------------------------------
// The preset dictionary of format version 1

/**
 * DEFLATE starts every code with this text already in its window, so the
 * campaign's teaching text, the level format's keys, its vocabulary and
 * common fragments cost a back reference instead of their letters. Part of
 * format version 1: changing one character breaks every existing code, so a
 * new dictionary needs a new CODE_VERSION (and this one kept to read old
 * codes). The campaign text (a frozen copy, see codeDictionary.ts) comes
 * first; the most frequent fragments come last, where back references are
 * shortest. About 20 KB: within DEFLATE's 32 KB window with room for a
 * level's own bytes.
 */
export const DICTIONARY_V1: string = [
  ...CAMPAIGN_TEXT_V1,
  '"unexplored","forbidden","hazard","end""right-edge","left-edge","top-edge","bottom-edge","top-left-corner",',
  '"top-right-corner","bottom-left-corner","bottom-right-corner""contexts":{"watched":["forbidden"],',
  '"trigger":["","holding":["key"]},|watched":-1,"forbidden|unwatched":-1,"|trigger":1,"|no-trigger":0,',
  '"|has-key":1,"|no-key":0,{"kind":"coin","colour":"yellow","count":2,"presence":{"knob":"{"kind":"gem",',
  '"colour":"orange","count":2,"presence":{"knob":"{"kind":"star","colour":"sky","count":2,"presence":{"knob":"{"kind":"key",',
  '"colour":"green","count":2,"presence":{"knob":"{"kind":"chest","colour":"blue","count":2,"presence":{"knob":"{"kind":"exit",',
  '"colour":"red","count":2,"presence":{"knob":"{"kind":"supervisor","colour":"purple","count":2,',
  '"presence":{"knob":"{"kind":"trigger","colour":"grey","count":2,"presence":{"knob":""yellow",',
  '"orange","sky","green","blue","red","purple","grey""all":["exit"],"none":["forbidden","hazard"],',
  '{"rect":[0,0,{"anywhere":true}"variants":[{"chance":{"knob":"{"cells":[[0,0],["auditChance":{"knob":""colour":["blue",',
  '"purple"]{"format":1,"id":"","title":"","concept":"goal-misgeneralization","concept":"mesa-optimizer",',
  '"concept":"deceptive-alignment","concept":"reward-hacking","order":1,"briefing":"The agent must ",',
  '"intendedObjective":"Reach the exit.","world":{"map":["........","........","........","........",',
  '".#######.","....x....","~~~~~~~~~~~~#","............>","............#"],"start":{"cells":[[0,',
  '1]]},"maxSteps":40,"terminalEvents":["exit","coin","gem","star","end"]},"objects":[{"kind":"exit",',
  '"colour":"blue","at":{"cells":[[8,2]]}},{"kind":"coin","colour":"yellow","at":{"rect":[1,0,',
  '6,6]}},{"kind":"supervisor","colour":"orange","presence":{"knob":"Share"},"at":{"anywhere":true},',
  '"variants":[{"chance":{"knob":""}}]}],"knobs":{"Share":{"label":"","description":"Share of runs in which ",',
  '"min":0,"max":1,"step":0.05,"training":0,"deployment":1,"unlocked":true}},"agent":{"features":["coin",',
  '"exit","gem","star","yellow","blue","forbidden","right-edge"],"viewRadius":3,"discount":0.95,',
  '"inductiveBias":{"init":{"coin":1},"noiseScale":{"coin":0.5},"weightDecay":0.02,"explanation":"The agent "}},',
  '"reward":{"default":{"exit":10,"coin":10,"gem":10,"step":-0.1,"forbidden":-10},"editable":["coin",',
  '"exit","step"]},"training":{"generations":30,"population":8,"episodesPerGeneration":8,"learningRate":0.5,',
  '"noise":0.5,"maxGenerations":100},"hypotheses":[{"id":"get-coin","label":"Get the coin","description":"Goes for the coin",',
  '"weights":{"coin":1,"exit":1},"intended":true},{"id":"reach-exit","label":"Reach the exit",',
  '"description":"Heads for the exit.","weights":{"exit":1}}],"success":{"all":["coin"],"threshold":0.8},',
  '"deploymentSuite":{"size":100,"seed":2024},"budget":{"probes":4,"lens":2},"rounds":[{"title":"Round 1",',
  '"briefing":"The reward pays for ","config":{"reward":{"coin":10}}},{"title":"Round 2","briefing":"",',
  '"config":{"knobs":{"":0.5}}}],"askFailureKind":true,"lesson":{"reveal":"The agent learned ",',
  '"claims":[{"name":"with default training the agent learns ","expect":{"revealed":"","aligned":false}},',
  '{"name":"","config":{"reward":{"coin":10},"knobs":{"":0.5}},"expect":{"revealed":"","aligned":true}}]}}',
].join('');

const DICTIONARY_BYTES = utf8Encode(DICTIONARY_V1);
