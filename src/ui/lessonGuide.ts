/**
 * The teacher's lesson guide: for each campaign level, what to ask the class,
 * what to expect, the common wrong answer and why it is tempting. The words
 * live in the catalog (`guide.<level>.<part>`, src/i18n/en/guide.ts), written
 * from each level's briefing, hypotheses and lesson (levels/*.json); this
 * module knows which levels have a guide and how long each takes, and the
 * guide screen only lays it out for print.
 *
 * It must not state anything the engine does not do: where it says what the
 * default agent learns, that is the level's own lesson claim, checked by
 * `npm run mesa -- check`.
 */

import { addEnglish, tParts } from '../i18n/index';
import { guide } from '../i18n/en/guide';

// This screen's words load with it.
addEnglish(guide);

export interface LessonGuide {
  /** The idea in one line, for the top of the page. */
  readonly bigIdea: string;
  /** Minutes this level takes in class, roughly. */
  readonly minutes: number;
  /** Questions to put to the class, in order: before training, while inspecting, before the vote. */
  readonly ask: readonly string[];
  /** What the class will see, so the teacher is not surprised. */
  readonly expect: readonly string[];
  /** The answer most of the class gives, and is wrong about. */
  readonly commonWrongAnswer: string;
  /** Why that answer is tempting: the evidence that points to it. */
  readonly whyTempting: string;
  /** How to make the point land after the reveal. */
  readonly afterReveal: string;
}

/** A guide's shape: its minutes and how many questions and expectations the catalog holds for it. */
interface GuidePlan {
  readonly minutes: number;
  readonly questions: number;
  readonly expectations: number;
}

/** Every campaign level's guide, by level id. */
export const LESSON_GUIDES: Readonly<Record<string, GuidePlan>> = {
  tutorial: { minutes: 10, questions: 3, expectations: 3 },
  'goes-right': { minutes: 15, questions: 3, expectations: 3 },
  'colour-proxy': { minutes: 15, questions: 3, expectations: 3 },
  'maze-corner': { minutes: 12, questions: 3, expectations: 3 },
  'keys-chests': { minutes: 15, questions: 3, expectations: 3 },
  'treacherous-turn': { minutes: 15, questions: 3, expectations: 3 },
  'sleeper-agent': { minutes: 15, questions: 3, expectations: 3 },
  'outer-vs-inner': { minutes: 20, questions: 3, expectations: 3 },
  interpretability: { minutes: 15, questions: 3, expectations: 3 },
};

/** The guide for a level id in the reader's language, or null for a level without one (a level from a code, say). */
export function lessonGuide(levelId: string): LessonGuide | null {
  if (!Object.hasOwn(LESSON_GUIDES, levelId)) return null;
  const plan = LESSON_GUIDES[levelId]!;
  // Keys are built from the level id; test/ui/classroom.test.ts checks every one is in the catalog.
  const text = (part: string) => tParts<never>(`guide.${levelId}.${part}`).join('');
  const numbered = (part: string, count: number) => Array.from({ length: count }, (_, i) => text(`${part}.${i + 1}`));
  return {
    bigIdea: text('bigIdea'),
    minutes: plan.minutes,
    ask: numbered('ask', plan.questions),
    expect: numbered('expect', plan.expectations),
    commonWrongAnswer: text('commonWrongAnswer'),
    whyTempting: text('whyTempting'),
    afterReveal: text('afterReveal'),
  };
}
