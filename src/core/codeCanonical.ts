/**
 * The canonical form of what codes hold: plain JSON with the schema's key
 * order, fields equal to their schema default left out (the form a code
 * compresses), record keys (knobs, weights, …) in the order the level gives
 * them, no whitespace. Decoding puts the defaults back through the schema, so
 * `decodeLevel(encodeLevel(l))` equals `l` and `encodeLevel(decodeLevel(c))`
 * gives back `c` for every code encode made. A level's fingerprint is the
 * CRC-32 of its canonical JSON.
 */
import { crc32, utf8Encode } from './codeFormat';
import { levelSchema, trainingConfigSchema, type Level, type TrainingConfigInput } from './level';

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

/** Any value as canonical JSON under its schema (a zod 4 schema). */
export function canonical(schema: unknown, value: unknown, omitDefaults: boolean): unknown {
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
