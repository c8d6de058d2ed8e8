/**
 * A level's words in the reader's language. A campaign level's text is
 * addressed by key — `level.<id>.<path>`, e.g. `level.tutorial.briefing` or
 * `level.goes-right.hypotheses.1.label` — so a translation can replace it; a
 * level a player made or shared is shown as its author wrote it.
 *
 * `displayLevel` gives the level with its text in the reader's language and
 * everything else untouched, so the screens (and the story sentences the
 * core builds from a level's labels) read it like any level. The engine
 * always runs on the level itself: text never changes what is measured.
 */
import { levelFingerprint, type Level, type StoryText } from '../core/index';
import { contentText, formatNumber, locale, tx } from '../i18n/index';
import { loadCampaign } from './campaign';

/** Where a level keeps its text (`*` is any key or index). */
const TEXT_PATHS = [
  'title',
  'briefing',
  'intendedObjective',
  'knobs.*.label',
  'knobs.*.description',
  'agent.inductiveBias.explanation',
  'pretraining.stages.*.name',
  'hypotheses.*.label',
  'hypotheses.*.description',
  'rounds.*.title',
  'rounds.*.briefing',
  'lesson.reveal',
  'lesson.reveal.*.say',
  'lesson.claims.*.name',
].map((path) => path.split('.'));

let campaignPrints: Map<string, string> | null = null;

/** Whether this is a campaign level as the game ships it (not a copy someone changed). */
export function isCampaignLevel(level: Level): boolean {
  campaignPrints ??= new Map(loadCampaign().levels.map(({ level: l }) => [l.id, levelFingerprint(l)]));
  const print = campaignPrints.get(level.id);
  return print !== undefined && print === fingerprintOf(level);
}

const prints = new WeakMap<Level, string>();
function fingerprintOf(level: Level): string {
  let print = prints.get(level);
  if (print === undefined) prints.set(level, (print = levelFingerprint(level)));
  return print;
}

const shown = new WeakMap<Level, { readonly locale: string; readonly level: Level }>();

/** The level with its text in the reader's language (the same object when nothing changes). */
export function displayLevel(level: Level): Level {
  if (locale.value === 'en' || !isCampaignLevel(level)) return level;
  const cached = shown.get(level);
  if (cached?.locale === locale.value) return cached.level;
  const copy = structuredClone(level) as Level;
  for (const path of TEXT_PATHS) translateAt(copy, path, 0, `level.${level.id}`);
  shown.set(level, { locale: locale.value, level: copy });
  return copy;
}

function translateAt(node: unknown, path: readonly string[], depth: number, key: string): void {
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const step = path[depth]!;
  const names = step === '*' ? Object.keys(record) : Object.hasOwn(record, step) ? [step] : [];
  for (const name of names) {
    const value = record[name];
    if (depth === path.length - 1) {
      if (typeof value === 'string') record[name] = contentText(`${key}.${name}`, value);
    } else translateAt(value, path, depth + 1, `${key}.${name}`);
  }
}

/**
 * A lesson sentence the core filled in (`tellLesson`, `fillSentence`), as
 * text: the level's own words as they are, counts in the reader's digits,
 * the values' words from the catalog. Pass the core a run whose level is
 * `displayLevel(level)`, so the level's words are the reader's too.
 */
export function storyText(parts: StoryText): string {
  return parts.map((part) => (typeof part === 'string' ? part : typeof part === 'number' ? formatNumber(part) : tx(part))).join('');
}
