/**
 * What the core says, as a catalog key and its parameters — never as
 * English. The views write a message in the reader's language
 * (`tx(message)` in src/i18n); the command line writes it in English through
 * the same catalog. The core cannot import src/i18n, so the type is declared
 * here again, structurally the same as src/i18n/format.ts's `Message`.
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
