/**
 * What the core says, as a catalog key and its parameters — never as
 * English. The views write a message in the reader's language
 * (`tx(message)` in src/i18n); the command line writes it in English through
 * the same catalog. The type lives here because the core cannot import
 * src/i18n; src/i18n uses this one.
 *
 * Keys of the core start with `core.` (src/i18n/en/core.ts), the session's
 * with `session.` (src/i18n/en/session.ts). Numbers are passed as numbers
 * (the catalog writes them in the reader's digits); names, codes and level
 * text as strings, untouched.
 */

/** A message to be written in the reader's language: a catalog key and its parameters. */
export interface Message {
  readonly key: string;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/** A parameter: a number, text written as it is, another message, or a list of them (joined as the language joins lists). */
export type MessageParam = string | number | Message | readonly (string | number | Message)[];

/** Builds a message. */
export function message(key: string, params?: Readonly<Record<string, MessageParam>>): Message {
  return params === undefined ? { key } : { key, params };
}

/** Whether a value is a message (not text, a number or a list). */
export function isCoreMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Message).key === 'string';
}

/** What the core reads of a schema issue (zod's shape), to name it by catalog key. */
export interface SchemaIssue {
  readonly code?: string;
  readonly message: string;
  readonly origin?: string;
  readonly expected?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly divisor?: number;
  readonly format?: string;
  readonly pattern?: string;
  /** A schema's own message's parameters (a refinement's `params`). */
  readonly params?: Readonly<Record<string, unknown>>;
}

const SIZED_ORIGINS: ReadonlySet<string> = new Set(['string', 'number', 'array', 'set', 'file', 'bigint', 'int', 'date']);

/**
 * A schema issue as a catalog message (`core.schema.*`), with its numbers
 * and names as parameters. A schema's own messages are catalog keys already
 * (`core.problem.id-format`); an issue of a kind not listed keeps the
 * schema's own text.
 */
export function schemaIssueMessage(issue: SchemaIssue): Message {
  if (issue.message.startsWith('core.')) {
    const params = Object.entries(issue.params ?? {}).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number');
    return params.length ? message(issue.message, Object.fromEntries(params)) : message(issue.message);
  }
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\S+)$/.exec(issue.message)?.[1];
      return received === undefined ? message('core.schema.expected', { expected: String(issue.expected) }) : message('core.schema.expected-received', { expected: String(issue.expected), received });
    }
    case 'too_small':
    case 'too_big': {
      const origin = issue.origin !== undefined && SIZED_ORIGINS.has(issue.origin) ? issue.origin : 'other';
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const relation = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      const size = ['string', 'array', 'set', 'file'].includes(origin) ? origin : 'value';
      return message(`core.schema.${issue.code === 'too_small' ? 'too-small' : 'too-big'}-${size}`, { origin: issue.origin ?? 'value', relation, limit: String(bound) });
    }
    case 'invalid_value': {
      const values = (issue.values ?? []).map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
      return values.length === 1 ? message('core.schema.expected-value', { value: values[0]! }) : message('core.schema.one-of', { values: values.join('|') });
    }
    case 'unrecognized_keys':
      return message('core.schema.unknown-keys', { count: issue.keys?.length ?? 0, keys: (issue.keys ?? []).map((k) => JSON.stringify(k)).join(', ') });
    case 'invalid_union':
    case 'custom':
      return message('core.schema.invalid');
    case 'not_multiple_of':
      return message('core.schema.multiple-of', { divisor: String(issue.divisor) });
    case 'invalid_format':
      return issue.pattern === undefined ? message('core.schema.other', { text: issue.message }) : message('core.schema.pattern', { pattern: issue.pattern });
    default:
      return message('core.schema.other', { text: issue.message });
  }
}
