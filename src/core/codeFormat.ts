/**
 * The format of every code the game shares: how a code is laid out,
 * compressed, checksummed and limited, and the typed errors of reading one.
 * What a code holds is codePayloads.ts; the JSON it compresses is the
 * canonical form of codeCanonical.ts; the preset dictionaries are
 * codeDictionary.ts and codeDictionaryV2.ts. `codes.ts` gathers the public API.
 *
 * Must stay pure: no DOM, no Node APIs, no clock, no Math.random. It runs in
 * the browser, the training worker and Node alike. Unpacking takes untrusted
 * input and never throws, whatever the string; every failure is a `CodeError`
 * with a one-line message (`describeCodeError`).
 *
 * Layout of a code (all characters from the base64url alphabet):
 *
 *   L 1 <payload> <checksum>
 *   │ │    │          └ 6 chars: CRC-32 of every character before it (as ASCII)
 *   │ │    └ base64url, no padding, of raw DEFLATE (RFC 1951) with the preset
 *   │ │      dictionary of its version, of the canonical JSON of what the code holds
 *   │ └ format version, one character: the preset dictionary ('1': codeDictionary.ts,
 *   │   '2': codeDictionaryV2.ts); codes are written as the newest, every one is read
 *   └ kind: L level, C challenge (level + training configuration + seed), R result
 *
 * Limits, checked in this order: the code's length before anything else; the
 * inflated size while inflating (the input is fed in small chunks, so a
 * decompression bomb stops at the limit instead of filling memory); then, by
 * the payloads, the schema. The checksum catches typos; it is no protection
 * against someone forging a code, and result codes say so to the teacher.
 */
import { Inflate, deflateSync } from 'fflate';
import { cleanMessage, describeProblems } from './errors';
import { message, type Message } from './message';
import { DICTIONARY_V1_BYTES } from './codeDictionary';
import { DICTIONARY_V2_BYTES } from './codeDictionaryV2';
import type { LevelProblem } from './level';

/** The format version this module writes: one character after the kind letter. */
export const CODE_VERSION = '2';
/** The preset dictionary of every format version this module reads. */
const DICTIONARY_OF_VERSION: Readonly<Record<string, Uint8Array>> = { '1': DICTIONARY_V1_BYTES, '2': DICTIONARY_V2_BYTES };
const WRITE_DICTIONARY = DICTIONARY_OF_VERSION[CODE_VERSION]!;
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

/** A failed read of a code. */
export const codeFail = <T>(error: CodeError): CodeResult<T> => ({ ok: false, error });
/** A successful read (or write) of a code. */
export const codeOk = <T>(value: T): CodeResult<T> => ({ ok: true, value });

/**
 * What went wrong, as a catalog message (`core.code.*`), safe to show as
 * text on one line: untrusted parts (a version, a reason, a problem's path
 * and quoted names) are escaped and shortened here.
 */
export function describeCodeError(error: CodeError): Message {
  switch (error.kind) {
    case 'empty':
      return message('core.code.empty');
    case 'too-long':
      return message('core.code.too-long', { length: String(error.length), max: String(error.max) });
    case 'too-short':
      return message('core.code.too-short', { length: String(error.length), min: String(error.min) });
    case 'bad-characters':
      return message('core.code.bad-characters', { character: describeCharacter(error.codePoint), position: String(error.position + 1) });
    case 'bad-prefix':
      return message('core.code.bad-prefix', { character: describeCharacter(error.letter.codePointAt(0) ?? 0) });
    case 'unknown-version':
      return message(`core.code.unknown-version-${error.codeKind}`, { version: oneLine(error.version, 4), newest: String(CODE_VERSION) });
    case 'bad-checksum':
      return message('core.code.bad-checksum');
    case 'wrong-kind':
      return message(`core.code.wrong-kind-${error.found}-${error.expected}`);
    case 'bad-base64':
      return message('core.code.bad-base64');
    case 'inflate-failed':
      return message('core.code.inflate-failed', { reason: oneLine(error.reason, 80) });
    case 'too-large':
      return message('core.code.too-large', { max: String(error.max) });
    case 'bad-json':
      return message('core.code.bad-json', { reason: oneLine(error.reason, 80) });
    case 'invalid-level':
      return invalid('core.code.invalid-level', error.problems);
    case 'invalid-config':
      return invalid('core.code.invalid-config', error.problems);
    case 'invalid-challenge':
      return invalid('core.code.invalid-challenge', error.problems);
    case 'invalid-result':
      return invalid('core.code.invalid-result', error.problems);
  }
}

/** The first problem of an invalid payload, its untrusted path and names cut short and escaped. */
function invalid(key: string, problems: readonly LevelProblem[]): Message {
  const first = problems.slice(0, 1).map((p) => ({ path: oneLine(p.path, 80), message: cleanMessage(p.message, (text) => oneLine(text, 60)) }));
  const rest = problems.slice(1);
  return describeProblems(message(key), [...first, ...rest]);
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
// Packing: JSON text ⇄ code

/** JSON text into a code of the given kind: compressed, sealed and checked against the limits. */
export function pack(kind: CodeKind, json: string): CodeResult<string> {
  const bytes = utf8Encode(json);
  if (bytes.length > MAX_INFLATED_BYTES) return codeFail({ kind: 'too-large', max: MAX_INFLATED_BYTES });
  const code = sealCode(kind, base64url(deflateSync(bytes, { level: 9, mem: 8, dictionary: WRITE_DICTIONARY })));
  if (code.length > MAX_CODE_LENGTH) return codeFail({ kind: 'too-long', length: code.length, max: MAX_CODE_LENGTH });
  return codeOk(code);
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
  return sealCode(kind, base64url(deflateSync(utf8Encode(json), { level: 9, mem: 8, dictionary: WRITE_DICTIONARY })));
}

/** An unpacked code: its kind and its JSON value, not yet validated. */
export interface Unpacked {
  readonly kind: CodeKind;
  readonly json: unknown;
}

/** From a code to its kind and JSON value: every check up to and including JSON parsing. */
export function unpack(input: string, expected: CodeKind | undefined): CodeResult<Unpacked> {
  if (typeof input !== 'string' || input.length === 0) return codeFail({ kind: 'empty' });
  // A first cut before scanning at all: a code plus generous whitespace.
  if (input.length > 2 * MAX_CODE_LENGTH) return codeFail({ kind: 'too-long', length: input.length, max: MAX_CODE_LENGTH });
  // Codes pasted from mail or chat may be wrapped or padded: whitespace is not part of a code.
  const code = input.replace(/\s+/g, '');
  if (code.length === 0) return codeFail({ kind: 'empty' });
  if (code.length > MAX_CODE_LENGTH) return codeFail({ kind: 'too-long', length: code.length, max: MAX_CODE_LENGTH });
  for (let i = 0; i < code.length; i++) {
    if (BASE64URL_VALUE[code.charCodeAt(i)] === undefined) {
      return codeFail({ kind: 'bad-characters', position: i, codePoint: code.codePointAt(i)! });
    }
  }
  if (code.length < MIN_CODE_LENGTH) return codeFail({ kind: 'too-short', length: code.length, min: MIN_CODE_LENGTH });
  const kind = KIND_OF_LETTER[code[0]!];
  if (kind === undefined) return codeFail({ kind: 'bad-prefix', letter: code[0]! });
  const dictionary = Object.hasOwn(DICTIONARY_OF_VERSION, code[1]!) ? DICTIONARY_OF_VERSION[code[1]!] : undefined;
  if (dictionary === undefined) return codeFail({ kind: 'unknown-version', codeKind: kind, version: code[1]! });
  const body = code.slice(0, -CHECKSUM_CHARS);
  if (checksumChars(crc32(asciiBytes(body))) !== code.slice(-CHECKSUM_CHARS)) return codeFail({ kind: 'bad-checksum' });
  if (expected !== undefined && kind !== expected) return codeFail({ kind: 'wrong-kind', expected, found: kind });

  const compressed = unbase64url(body.slice(PREFIX_CHARS));
  if (compressed === undefined) return codeFail({ kind: 'bad-base64' });
  const inflated = inflateLimited(compressed, dictionary);
  if (!inflated.ok) return inflated;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.value);
  } catch {
    return codeFail({ kind: 'bad-json', reason: 'not UTF-8 text' });
  }
  try {
    return codeOk({ kind, json: JSON.parse(text) as unknown });
  } catch (error) {
    return codeFail({ kind: 'bad-json', reason: error instanceof Error ? error.message : 'unreadable' });
  }
}

/** Inflates with a preset dictionary, stopping as soon as the output passes the limit. */
function inflateLimited(compressed: Uint8Array, dictionary: Uint8Array): CodeResult<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate({ dictionary }, (chunk) => {
    total += chunk.length;
    if (total <= MAX_INFLATED_BYTES) parts.push(chunk);
  });
  try {
    for (let i = 0; i < compressed.length && total <= MAX_INFLATED_BYTES; i += INFLATE_CHUNK) {
      inflater.push(compressed.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= compressed.length);
    }
  } catch (error) {
    return codeFail({ kind: 'inflate-failed', reason: error instanceof Error ? error.message : 'corrupt data' });
  }
  if (total > MAX_INFLATED_BYTES) return codeFail({ kind: 'too-large', max: MAX_INFLATED_BYTES });
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return codeOk(out);
}

// ---------------------------------------------------------------------------
// Bytes, base64url, CRC-32

export function utf8Encode(text: string): Uint8Array {
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
export function crc32(bytes: Uint8Array): number {
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
