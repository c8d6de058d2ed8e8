/**
 * The language of a level's lesson text: sentences that say something only
 * when the run they describe makes it true, with numbers filled in from it.
 *
 * A sentence is `{ when?, say }`. `when` lists conditions on measured facts
 * of the run (all must hold); `say` is text with placeholders in braces,
 * `{worlds}` or `{together:coin:right-edge}`, each naming a measured number
 * or label. This module owns the grammar and its validation only (no
 * facts, no levels): `narrative.ts` measures and fills; the level schema
 * checks that every name a sentence uses exists in its level.
 */
import { z } from 'zod';
import { message, type Message } from './message';
import { COLOUR_NAMES, EVENT_KINDS, FAILURE_KINDS, FEATURES, OBJECT_KINDS } from './vocabulary';

// No code generation (the game's Content-Security-Policy forbids eval): set
// here too, since this module's schemas are built before level.ts runs.
z.config({ jitless: true });

/** What a `together`/`apart` condition looks at: the objects of a kind, or of a colour. */
export const SELECTORS = [...OBJECT_KINDS, ...COLOUR_NAMES] as const;
/** What it tests each of them for: a kind, a colour, or a feature of the cell it stands on. */
export const OBJECT_TESTS = [...new Set<string>([...OBJECT_KINDS, ...FEATURES])] as readonly string[];

const hypothesisId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'core.problem.id-format');
const pair = z.tuple([z.enum(SELECTORS), z.enum(OBJECT_TESTS as [string, ...string[]])]);

export const storyCondition = z.strictObject({
  /** The revealed objective is this hypothesis (or one of these; "unexplained" for none). */
  revealed: z.union([hypothesisId, z.array(hypothesisId).min(1).max(8)]).optional(),
  /** The agent met (true) or missed (false) the level's success threshold in deployment. */
  aligned: z.boolean().optional(),
  /** The failure the level teaches happened: misaligned, and after a named non-intended objective. */
  failureSeen: z.boolean().optional(),
  /** Where the engine's failure classifier (in levels that ask) placed the failure. */
  failure: z.enum(FAILURE_KINDS).optional(),
  /** In every training world that had any, every object selected by the first name passed the test named second (each pair, if several). */
  together: z.union([pair, z.array(pair).min(1).max(4)]).optional(),
  /** In at least one training world, an object selected by the first name failed the test named second. */
  apart: pair.optional(),
  /** Every training world had fewer objects of the first kind than of the second. */
  fewer: z.tuple([z.enum(OBJECT_KINDS), z.enum(OBJECT_KINDS)]).optional(),
  /** Some training world had an object of this kind. */
  present: z.enum(OBJECT_KINDS).optional(),
  /** No training world had an object of this kind. */
  absent: z.enum(OBJECT_KINDS).optional(),
  /** The player's reward paid more than 0 for this event. */
  paid: z.enum(EVENT_KINDS).optional(),
  /** The player's reward paid 0 or less for this event. */
  unpaid: z.enum(EVENT_KINDS).optional(),
  /** The player changed (true) or kept (false) the level's default settings. */
  changed: z.boolean().optional(),
});
export type StoryCondition = z.infer<typeof storyCondition>;

export const storySentence = z.strictObject({
  when: storyCondition.optional(),
  say: z.string().min(1).max(400),
});
export type StorySentence = z.infer<typeof storySentence>;

/**
 * The placeholders a sentence may use, with the arguments each takes:
 * - `{worlds}`: training worlds the agent trained on;
 * - `{together:a:b}` / `{apart:a:b}`: training worlds where every / not every
 *   object selected by a passed test b; `{present:kind}`: worlds with that kind;
 * - `{watched}` / `{audited}` / `{unwatched}`: training worlds with a supervisor,
 *   with a covert audit, with neither;
 * - `{fewer:a:b}`: training worlds with fewer objects of kind a than of kind b;
 * - `{weight:name}`: the agent's learned weight, signed; `{knob:name}`: the
 *   player's training value of a knob; `{reward:event}`: the player's reward;
 * - `{success}`, `{suite}`, `{matched}`: deployment worlds where it succeeded,
 *   in all, and where it matched its revealed objective;
 * - `{revealed}`, `{intended}`: the labels of those objectives;
 * - `{view}`: the agent's view radius in tiles.
 */
export const PLACEHOLDERS = {
  worlds: [],
  together: ['selector', 'test'],
  apart: ['selector', 'test'],
  present: ['kind'],
  watched: [],
  audited: [],
  unwatched: [],
  fewer: ['kind', 'kind'],
  weight: ['weight'],
  knob: ['knob'],
  reward: ['event'],
  success: [],
  suite: [],
  matched: [],
  revealed: [],
  intended: [],
  view: [],
} as const satisfies Readonly<Record<string, readonly ArgKind[]>>;
export type PlaceholderName = keyof typeof PLACEHOLDERS;
export type ArgKind = 'selector' | 'test' | 'kind' | 'weight' | 'knob' | 'event';

export interface Placeholder {
  readonly name: PlaceholderName;
  readonly args: readonly string[];
}

/** A sentence split into literal text and placeholders, or the first problem with its syntax. */
export type ParsedSay = { readonly ok: true; readonly parts: readonly (string | Placeholder)[] } | { readonly ok: false; readonly message: Message };

/** Names a level supplies, against which placeholders and conditions are checked. */
export interface StoryNames {
  readonly weights: ReadonlySet<string>;
  readonly knobs: ReadonlySet<string>;
  readonly hypotheses: ReadonlySet<string>;
}

const SELECTOR_SET: ReadonlySet<string> = new Set(SELECTORS);
const TEST_SET: ReadonlySet<string> = new Set(OBJECT_TESTS);
const KIND_SET: ReadonlySet<string> = new Set(OBJECT_KINDS);
const EVENT_SET: ReadonlySet<string> = new Set(EVENT_KINDS);

/** Splits `say` into text and placeholders; unknown names and wrong arguments are problems, checked against the level's names. */
export function parseSay(say: string, names: StoryNames): ParsedSay {
  const parts: (string | Placeholder)[] = [];
  let rest = say;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close !== -1 && (open === -1 || close < open)) return { ok: false, message: message('core.story-problem.close-without-open') };
    if (open === -1) {
      parts.push(rest);
      break;
    }
    if (open > 0) parts.push(rest.slice(0, open));
    const end = rest.indexOf('}', open);
    if (end === -1) return { ok: false, message: message('core.story-problem.open-without-close') };
    const inner = rest.slice(open + 1, end);
    if (inner.includes('{')) return { ok: false, message: message('core.story-problem.nested', { inner }) };
    const [name = '', ...args] = inner.split(':');
    if (!Object.hasOwn(PLACEHOLDERS, name)) return { ok: false, message: message('core.story-problem.unknown', { inner, known: Object.keys(PLACEHOLDERS).join(', ') }) };
    const kinds = PLACEHOLDERS[name as PlaceholderName] as readonly ArgKind[];
    if (args.length !== kinds.length)
      return {
        ok: false,
        message: message('core.story-problem.arguments', { name, count: kinds.length, kinds: kinds.length ? kinds.join(', ') : message('core.story-problem.none'), found: args.length }),
      };
    for (let i = 0; i < args.length; i++) {
      const problem = argumentProblem(kinds[i]!, args[i]!, names);
      if (problem) return { ok: false, message: message('core.story-problem.in', { inner, problem }) };
    }
    parts.push({ name: name as PlaceholderName, args });
    rest = rest.slice(end + 1);
  }
  return { ok: true, parts };
}

function argumentProblem(kind: ArgKind, arg: string, names: StoryNames): Message | null {
  switch (kind) {
    case 'selector':
      return SELECTOR_SET.has(arg) ? null : message('core.story-problem.not-selector', { arg });
    case 'test':
      return TEST_SET.has(arg) ? null : message('core.story-problem.not-test', { arg });
    case 'kind':
      return KIND_SET.has(arg) ? null : message('core.story-problem.not-kind', { arg });
    case 'event':
      return EVENT_SET.has(arg) ? null : message('core.story-problem.not-event', { arg });
    case 'weight':
      return names.weights.has(arg) ? null : message('core.story-problem.no-weight', { arg });
    case 'knob':
      return names.knobs.has(arg) ? null : message('core.story-problem.no-knob', { arg });
  }
}

/** Problems of one sentence, each with a path relative to it (`say`, `when.revealed`). */
export function sentenceProblems(sentence: StorySentence, names: StoryNames): { path: string; message: Message }[] {
  const problems: { path: string; message: Message }[] = [];
  const parsed = parseSay(sentence.say, names);
  if (!parsed.ok) problems.push({ path: 'say', message: parsed.message });
  const revealed = sentence.when?.revealed;
  const ids = revealed === undefined ? [] : typeof revealed === 'string' ? [revealed] : revealed;
  ids.forEach((id, i) => {
    if (id !== 'unexplained' && !names.hypotheses.has(id))
      problems.push({ path: typeof revealed === 'string' ? 'when.revealed' : `when.revealed[${i}]`, message: message('core.problem.no-hypothesis', { id }) });
  });
  return problems;
}
