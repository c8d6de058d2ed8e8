/**
 * How a catalog entry becomes text: `{name}` placeholders filled from
 * parameters, plural forms chosen by `Intl.PluralRules`, numbers written by
 * `Intl.NumberFormat`, lists joined by `Intl.ListFormat`, and the
 * pseudo-locale's transformation (every letter accented, text lengthened by
 * about 40%, brackets around it) that shows at a glance which text on a
 * screen did not come from the catalog.
 *
 * Pure: no DOM, no state. The locale is an argument, so the same functions
 * serve the page, the worker and the command line.
 */

import type { MessageParam as Param } from '../core/message';

// A message is the core's own type (the core returns them and cannot import this layer); one definition serves both.
export type { Message, MessageParam as Param } from '../core/message';
export { isCoreMessage as isMessage } from '../core/message';

/** One plural category per form the language needs; `other` is always there. */
export type PluralForms = { readonly other: string } & Partial<Readonly<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>>;

/** A catalog entry: a template, or plural forms chosen by the `count` parameter. */
export type Entry = string | PluralForms;

const PLACEHOLDER = /\{(\w+)\}/g;
/** Any braced run: catalog placeholders, and the story templates' own (`{weight:coin}`), which the pseudo-locale must keep. */
const BRACED = /\{[^{}]+\}/g;

/** Picks the plural form for `count` (the `other` form when the language's category has no form of its own). */
export function pluralForm(forms: PluralForms, count: number, rules: Intl.PluralRules): string {
  const exact = (forms as Record<string, string | undefined>)[`=${count}`];
  if (exact !== undefined) return exact;
  return forms[rules.select(count)] ?? forms.other;
}

/** The template an entry gives for these parameters. */
export function templateOf(entry: Entry, params: Readonly<Record<string, Param>> | undefined, rules: Intl.PluralRules): string {
  if (typeof entry === 'string') return entry;
  const count = params?.count;
  return pluralForm(entry, typeof count === 'number' ? count : 0, rules);
}

/**
 * Splits a template into text and placeholders, each placeholder replaced by
 * `fill(name)`. A placeholder with no parameter stays as written, so a
 * missing parameter shows in the text rather than vanishing.
 */
export function fillTemplate<T>(template: string, fill: (name: string) => T | undefined): (string | T)[] {
  const parts: (string | T)[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const value = fill(match[1]!);
    if (value === undefined) continue;
    if (match.index > last) parts.push(template.slice(last, match.index));
    parts.push(value);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
);
const VOWELS = new Set([...'aeiouAEIOU']);

/**
 * The pseudo-locale's form of a template: letters accented, vowels doubled
 * (about 40% longer, as many languages are), wrapped in ⟦ ⟧ — and the
 * placeholders left as they are, so names and codes filled in later stay
 * exactly what they were.
 */
export function pseudoTemplate(template: string): string {
  if (template === '') return template;
  let out = '';
  let last = 0;
  const accent = (text: string): string => {
    let s = '';
    for (const c of text) {
      const a = ACCENTED[c];
      s += a === undefined ? c : VOWELS.has(c) ? a + a : a;
    }
    return s;
  };
  for (const match of template.matchAll(BRACED)) {
    out += accent(template.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  out += accent(template.slice(last));
  return `⟦${out}⟧`;
}

export function pseudoEntry(entry: Entry): Entry {
  if (typeof entry === 'string') return pseudoTemplate(entry);
  return Object.fromEntries(Object.entries(entry).map(([form, text]) => [form, pseudoTemplate(text as string)])) as PluralForms;
}

/** Whether text was written by the pseudo-locale (or holds no letters at all). */
export function looksPseudo(text: string): boolean {
  return !/[A-Za-z]{2,}/.test(text.replace(/⟦[^⟧]*⟧/g, ''));
}
