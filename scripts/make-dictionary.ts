/**
 * `npx tsx scripts/make-dictionary.ts > /tmp/dictionary.ts`: prints
 * the module holding a preset DEFLATE dictionary built from the campaign as
 * it stands in levels/ (then move it to src/core/codeDictionaryV<n>.ts and run
 * prettier on it; write to another file first, as the game imports that one). Run by hand when a new code format version is made,
 * never at build time: the printed literal is frozen once codes are shared
 * (see codeDictionary.ts). For the next version, change the constant names
 * and the version below, print a new module and keep the old one.
 *
 * What goes in, in the style of format version 1 — each entry a piece of a
 * level's canonical JSON, so a back reference covers the keys too:
 * - every run of `"key":"text",` pairs of one object (title, briefing,
 *   labels, descriptions, explanations), in the canonical key order;
 * - every element of an array of objects whole (hypotheses, the lesson's
 *   sentences with their conditions, claims, rounds, objects), and each
 *   hypothesis list whole;
 * - every knob whole, with its name.
 * Entries shared by several levels go last, nearest the end of the window
 * where back references are shortest, followed by the level format's
 * skeleton from version 1 (the most shared text of all).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { canonicalLevel, parseLevel } from '../src/core/index';
import { CAMPAIGN_TEXT_V1, DICTIONARY_V1 } from '../src/core/codeDictionary';

const VERSION = 2;
/** DEFLATE's window: a back reference reaches at most this far. */
const MAX_DICTIONARY_BYTES = 32 * 1024;
/** Shorter pieces cost as much to reference as to spell out. */
const MIN_ENTRY = 12;

const levels = readdirSync('levels')
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => {
    const parsed = parseLevel(JSON.parse(readFileSync(`levels/${file}`, 'utf8')));
    if (!parsed.ok) throw new Error(`levels/${file} does not parse: ${JSON.stringify(parsed.problems)}`);
    return parsed.value;
  });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (value: Json): value is { [key: string]: Json } => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An entry and how far into a level's canonical JSON its text comes (the index of its top-level key). */
interface Entry {
  readonly text: string;
  readonly depth: number;
}

/** The entries of one level, in the order its canonical JSON gives them. */
function entriesOf(level: { [key: string]: Json }): Entry[] {
  const out: Entry[] = [];
  const visit = (value: Json, depth: number): void => {
    if (Array.isArray(value)) {
      // An element of an array of objects goes in whole, its text with it.
      if (value.length > 0 && value.every(isObject)) for (const element of value) out.push({ text: JSON.stringify(element) + ',', depth });
      else value.forEach((element) => visit(element, depth));
      return;
    }
    if (!isObject(value)) return;
    let run = '';
    const members = Object.entries(value);
    members.forEach(([key, member], index) => {
      const pair = `${JSON.stringify(key)}:${JSON.stringify(member)}`;
      if (typeof member === 'string') {
        run += pair + (index === members.length - 1 ? '}' : ',');
        return;
      }
      if (run.length > 0) out.push({ text: run, depth });
      run = '';
      // World objects are short and mostly numbers: the skeleton covers them.
      if (key === 'objects') return;
      if (key === 'hypotheses') out.push({ text: pair + ',', depth });
      else if (key === 'knobs' && isObject(member)) {
        for (const [name, knob] of Object.entries(member)) out.push({ text: `${JSON.stringify(name)}:${JSON.stringify(knob)},`, depth });
      } else visit(member, depth);
    });
    if (run.length > 0) out.push({ text: run, depth });
  };
  Object.entries(level).forEach(([key, member], depth) => {
    if (typeof member === 'string') out.push({ text: `${JSON.stringify(key)}:${JSON.stringify(member)},`, depth });
    else visit({ [key]: member }, depth);
  });
  return out.filter((entry) => entry.text.length >= MIN_ENTRY);
}

/*
 * A back reference reaches at most 32 KB back, counted from where it is in
 * the level: text near the end of a level (its lesson) must sit near the end
 * of the dictionary, text near its start (its briefing) may sit farther back.
 * So entries are ordered by how far into a level they come, then by level;
 * the entries several levels share come after those, and the skeleton last.
 */
const perLevel = levels.map((level) => entriesOf(canonicalLevel(level) as { [key: string]: Json }));
const sharedBy = new Map<string, number>();
for (const entries of perLevel) for (const text of new Set(entries.map((e) => e.text))) sharedBy.set(text, (sharedBy.get(text) ?? 0) + 1);
const own = perLevel
  .flatMap((entries, levelIndex) => entries.filter((e) => sharedBy.get(e.text) === 1).map((e) => ({ ...e, levelIndex })))
  .sort((a, b) => a.depth - b.depth || a.levelIndex - b.levelIndex)
  .map((e) => e.text)
  .filter((text, index, all) => all.indexOf(text) === index);
const shared = [...sharedBy.entries()]
  .filter(([, count]) => count > 1)
  .sort((a, b) => a[1] - b[1])
  .map(([text]) => text);
const skeleton = DICTIONARY_V1.slice(CAMPAIGN_TEXT_V1.join('').length);

const bytes = (text: string) => new TextEncoder().encode(text).length;
const total = bytes([...own, ...shared, skeleton].join(''));
if (total > MAX_DICTIONARY_BYTES) throw new Error(`the dictionary would take ${total} bytes, more than ${MAX_DICTIONARY_BYTES}`);

/** A string as a TypeScript literal, cut into lines of about 120 characters. */
function literalLines(text: string, indent: string): string[] {
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += 110) lines.push(`${indent}${JSON.stringify(text.slice(at, at + 110))},`);
  return lines;
}

const out: string[] = [
  '/**',
  ` * The preset DEFLATE dictionary of code format version ${VERSION}: the campaign's`,
  " * text as it stood when that format was fixed, then the level format's",
  ' * skeleton of version 1. Printed by scripts/make-dictionary.ts from levels/',
  ' * and frozen: changing one character breaks every code of this version, so',
  ' * edits to campaign text must not be copied here (an edited level still',
  ' * encodes and decodes, it merely compresses less). A new dictionary needs a',
  ' * new CODE_VERSION, with this one kept to read old codes. See',
  ' * codeDictionary.ts for the layout of an entry.',
  ` * ${total} bytes: within DEFLATE's 32 KB window, ordered so a level's later text sits nearer the end.`,
  ' */',
  `export const CAMPAIGN_TEXT_V${VERSION}: readonly string[] = Object.freeze([`,
];
out.push("  // each level's own text, from the start of a level's JSON to its end");
{
  for (const entry of own) out.push(...literalLines(entry, '  ').map((line, i, all) => (all.length > 1 && i < all.length - 1 ? line.replace(/,$/, ' +') : line)));
}
out.push('  // shared by several levels, most shared last');
for (const entry of shared) out.push(...literalLines(entry, '  ').map((line, i, all) => (all.length > 1 && i < all.length - 1 ? line.replace(/,$/, ' +') : line)));
out.push(']);', '');
out.push(
  "/** The level format's skeleton, as in version 1: the most frequent fragments, nearest the end of DEFLATE's 32 KB history. */",
  `const SKELETON_V${VERSION}: string = [`,
  ...literalLines(skeleton, '  '),
  "].join('');",
  '',
  `/** DEFLATE starts every version-${VERSION} code with this text already in its 32 KB history (DEFLATE's look-back). */`,
  `export const DICTIONARY_V${VERSION}: string = CAMPAIGN_TEXT_V${VERSION}.join('') + SKELETON_V${VERSION};`,
  '',
  '/** The dictionary as DEFLATE reads it: its UTF-8 bytes. */',
  `export const DICTIONARY_V${VERSION}_BYTES: Uint8Array = new TextEncoder().encode(DICTIONARY_V${VERSION});`,
);
console.log(out.join('\n'));
