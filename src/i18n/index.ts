/**
 * The game's words in the reader's language. `t(key, params)` writes a
 * catalog message; `tx(message)` writes a message the core returned as a key
 * and parameters; `contentText(key, source)` writes level text, which a level
 * file carries in English and a translation may replace by key.
 *
 * The language is one observable value (`locale`), set from the player's
 * settings or a `lang=` link; screens re-render when it changes. Numbers are
 * written by `Intl.NumberFormat`, plurals chosen by `Intl.PluralRules`, lists
 * joined by `Intl.ListFormat`. Text parameters (names, codes) are never
 * transformed.
 *
 * Adding a language: one file `src/i18n/<id>.ts` exporting a `Translation`,
 * and its line in `LOCALES`.
 */
import { signal } from '@preact/signals-core';
import type { MessageKey, ParamArgs, Translation } from './catalog';
import { en } from './en/index';
import { fillTemplate, isMessage, pseudoEntry, pseudoTemplate, templateOf, type Entry, type Message, type Param } from './format';

export type { MessageKey, ParamArgs, ParamsOf, Translation } from './catalog';
export { isMessage, looksPseudo, type Entry, type Message, type Param, type PluralForms } from './format';

interface LocaleInfo {
  /** The language tag `Intl` formats numbers, plurals and lists with. */
  readonly intl: string;
  /** Writing direction, for the page's `dir`. */
  readonly dir: 'ltr' | 'rtl';
  /** The catalog's entries in this language (what is missing falls back to English). */
  readonly catalog: () => Translation;
  /** Level text (`contentText`) in this language when the catalog has no entry for it. */
  readonly content: (source: string) => string;
}

let pseudoCatalog: Translation | null = null;

/** The English catalog as loaded so far: the page's sections, and those a screen brought when it loaded. */
const english: Record<string, Entry> = { ...en };

/** Adds a section a screen brings when it loads (idempotent). */
export function addEnglish(section: Readonly<Record<string, Entry>>): void {
  if (Object.keys(section).every((key) => english[key] === section[key])) return;
  Object.assign(english, section);
  pseudoCatalog = null;
}

export const LOCALES = {
  en: { intl: 'en', dir: 'ltr', catalog: () => english, content: (source) => source },
  // Every string visibly transformed and 40% longer: a test switches it on to find text that escaped the catalog.
  pseudo: {
    intl: 'en',
    dir: 'ltr',
    catalog: () => (pseudoCatalog ??= Object.fromEntries(Object.entries(english).map(([key, entry]) => [key, pseudoEntry(entry)])) as Translation),
    content: pseudoTemplate,
  },
} as const satisfies Record<string, LocaleInfo>;

export type LocaleId = keyof typeof LOCALES;
export const LOCALE_IDS = Object.keys(LOCALES) as LocaleId[];

export function isLocaleId(value: string): value is LocaleId {
  return Object.hasOwn(LOCALES, value);
}

/** The language the game is written in now. */
export const locale = signal<LocaleId>('en');

interface Formatters {
  readonly id: LocaleId;
  readonly plural: Intl.PluralRules;
  readonly number: Intl.NumberFormat;
  readonly list: Intl.ListFormat;
  readonly listOr: Intl.ListFormat;
}
let formatters: Formatters | null = null;

function current(): Formatters {
  const id = locale.value;
  if (formatters?.id !== id) {
    const tag = LOCALES[id].intl;
    formatters = {
      id,
      plural: new Intl.PluralRules(tag),
      number: new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }),
      list: new Intl.ListFormat(tag, { type: 'conjunction' }),
      listOr: new Intl.ListFormat(tag, { type: 'disjunction' }),
    };
  }
  return formatters;
}

function entryOf(key: string): Entry | undefined {
  const own = (LOCALES[locale.value].catalog() as Readonly<Record<string, Entry>>)[key];
  return own ?? english[key];
}

/** A number in the reader's digits: grouped, at most two decimals. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  if (!options) return current().number.format(value);
  // Formatters are built once per language and options: tables and charts write hundreds of numbers.
  const key = `${locale.value} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(LOCALES[locale.value].intl, options)));
  return format.format(value);
}
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with exactly `digits` decimals (a mean reward: "4.20"), in the reader's digits. */
export function formatDecimals(value: number, digits: number): string {
  return formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Items joined as the language joins a list: "a, b and c" (or "a, b or c"). */
export function formatList(items: readonly string[], kind: 'and' | 'or' = 'and'): string {
  const format = kind === 'and' ? current().list : current().listOr;
  // The pseudo-locale's lists are joined in English by Intl: its words ("and", "or") are transformed like any catalog text.
  if (locale.value !== 'pseudo') return format.format(items);
  return format
    .formatToParts(items)
    .map((part) => (part.type === 'literal' && /[A-Za-z]/.test(part.value) ? pseudoTemplate(part.value) : part.value))
    .join('');
}

function paramText(value: Param): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (isMessage(value)) return tx(value);
  return formatList(value.map(paramText));
}

/**
 * A message's parts: text, and the rich parameters (elements, say) placed
 * where the template puts them. `t` joins them into text.
 */
export function tParts<R extends object>(key: string, params?: Readonly<Record<string, Param | R>>): (string | R)[] {
  const entry = entryOf(key);
  if (entry === undefined) return [key];
  const template = templateOf(entry, params as Readonly<Record<string, Param>> | undefined, current().plural);
  return fillTemplate<string | R>(template, (name) => {
    if (!params || !Object.hasOwn(params, name)) return undefined;
    const value = params[name]!;
    if (typeof value === 'object' && !Array.isArray(value) && !isMessage(value)) return value as R;
    return paramText(value as Param);
  });
}

/** A catalog message in the reader's language. */
export function t<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string {
  return tParts<never>(key, params[0] as Readonly<Record<string, Param>> | undefined).join('');
}

/** A message the core (or any layer) returned as a key and parameters. */
export function tx(message: Message): string {
  return tParts<never>(message.key, message.params).join('');
}

/** Builds a message to write later (the core's form, for callers above it). */
export function msg<K extends MessageKey>(key: K, ...params: ParamArgs<K>): Message {
  return params[0] === undefined ? { key } : { key, params: params[0] as Readonly<Record<string, Param>> };
}

/**
 * Level text: a campaign level file's English, which a translation may
 * replace under `key` (e.g. `level.tutorial.briefing`). Text from a player's
 * own level (no key) is theirs, shown as written.
 */
export function contentText(key: string | null, source: string): string {
  if (key === null) return source;
  const own = (LOCALES[locale.value].catalog() as Readonly<Record<string, Entry>>)[key];
  if (typeof own === 'string') return own;
  return LOCALES[locale.value].content(source);
}

/** The page's language attributes for the current locale. */
export function documentLanguage(): { lang: string; dir: 'ltr' | 'rtl' } {
  const id = locale.value;
  return { lang: id === 'pseudo' ? 'en-XA' : LOCALES[id].intl, dir: LOCALES[id].dir };
}
