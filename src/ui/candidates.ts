/**
 * The candidate objectives as the player meets them before the verdict:
 * lettered (A, B, C…) in an order that does not follow the level file, so
 * neither a name nor a position gives the answer away. The Lens and Compare
 * tabs show only the letters; the verdict pairs each letter with the
 * candidate's name and description.
 */
import type { Hypothesis, Level } from '../core/index';
import { t } from '../i18n/index';

export interface Candidate {
  readonly letter: string;
  readonly hypothesis: Hypothesis;
}

/** A small string hash (FNV-1a): a fixed order per level, the same on every visit. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const cache = new WeakMap<Level, readonly Candidate[]>();

/** The level's hypotheses in candidate order, each with its letter. */
export function candidates(level: Level): readonly Candidate[] {
  let list = cache.get(level);
  if (!list) {
    list = [...level.hypotheses]
      .map((hypothesis) => ({ hypothesis, key: fnv(`${level.id}:${hypothesis.id}`) }))
      .sort((a, b) => a.key - b.key || a.hypothesis.id.localeCompare(b.hypothesis.id))
      .map(({ hypothesis }, i) => ({ letter: String.fromCharCode(65 + i), hypothesis }));
    cache.set(level, list);
  }
  return list;
}

/** "Candidate B": how the tabs before the verdict name a hypothesis. */
export function candidateName(candidate: Candidate): string {
  return t('inspect.candidate.name', { letter: candidate.letter });
}
