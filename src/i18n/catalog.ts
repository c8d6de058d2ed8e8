/**
 * The message catalog's types: keys are the English catalog's keys, and each
 * message's parameters are read off its template (`'{count} worlds'` takes
 * `count`), so a missing or misspelt parameter is a type error.
 *
 * A translation is one file: an object of `Translation` type holding any
 * subset of the keys (what it leaves out is shown in English), registered
 * in `LOCALES` (src/i18n/index.ts).
 */
import type { Entry, Param, PluralForms } from './format';
import type { en, LaterSections } from './en/index';

export type EnglishCatalog = typeof en & LaterSections;
export type MessageKey = keyof EnglishCatalog;

type NamesIn<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | NamesIn<R> : never;
type EntryNames<E> = E extends string ? NamesIn<E> : E extends PluralForms ? NamesIn<E[keyof E] & string> | 'count' : never;

/** The parameters a message takes. */
export type ParamsOf<K extends MessageKey> = { readonly [N in EntryNames<EnglishCatalog[K]>]: Param };

/** The arguments after a key: none when the message takes no parameters. */
export type ParamArgs<K extends MessageKey> = [EntryNames<EnglishCatalog[K]>] extends [never] ? [] : [params: ParamsOf<K>];

/** A translation: any subset of the English catalog's keys. */
export type Translation = { readonly [K in MessageKey]?: Entry };
