/**
 * The glossary: the concepts the campaign teaches, in a few honest sentences
 * each, with the sources. Reachable from every screen through the header.
 */
import { effect } from '@preact/signals-core';
import { locale, t } from '../i18n/index';
import { el } from './dom';
import { isHidden } from './flags';

/** The glossary's entries, in the order it lists them; each one's words are `glossary.<key>.*` in the catalog. */
const KEYS = [
  'base-optimizer',
  'mesa-optimizer',
  'how-the-agent-learns',
  'inductive-bias',
  'view-radius',
  'base-objective',
  'mesa-objective',
  'proxy',
  'outer-alignment',
  'inner-alignment',
  'goal-misgeneralization',
  'deceptive-alignment',
  'treacherous-turn',
  'sleeper-agent',
  'interpretability',
] as const;

type GlossaryKey = (typeof KEYS)[number];

export interface GlossaryEntry {
  /** The id guides and links name the entry by. */
  readonly id: string;
  readonly key: GlossaryKey;
}

export const GLOSSARY: readonly GlossaryEntry[] = KEYS.map((key) => ({ id: key, key }));

/** The entry's name in the reader's language. */
export function glossaryTerm(entry: GlossaryEntry): string {
  return t(`glossary.${entry.key}.term`);
}

/** "What is a proxy?": how the coach asks for the entry. */
export function glossaryQuestion(entry: GlossaryEntry): string {
  return t(`glossary.${entry.key}.question`);
}

/** The entry's definition in the reader's language. */
export function glossaryText(entry: GlossaryEntry): string {
  return t(`glossary.${entry.key}.text`);
}

/** The papers the glossary draws on, cited as published (titles are not translated). */
export const SOURCES: readonly string[] = [
  'Hubinger, van Merwijk, Mikulik, Skalse and Garrabrant (2019). “Risks from Learned Optimization in Advanced Machine Learning Systems.” arXiv:1906.01820.',
  'Hubinger et al. (2024). “Sleeper Agents: Training Deceptive LLMs that Persist Through Safety Training.” arXiv:2401.05566.',
  'Langosco, Koch, Sharkey, Pfau and Krueger (2022). “Goal Misgeneralization in Deep Reinforcement Learning.” ICML.',
  'Leike et al. (2017). “AI Safety Gridworlds.” arXiv:1711.09883.',
];

/** The glossary the page built, for links to its terms. */
let opener: ((term?: string) => void) | null = null;

/**
 * A technical term in a sentence, as a button that opens the glossary at its
 * entry (a plain word when the page has no glossary, as in tests).
 */
export function termLink(termId: string, text: string): HTMLElement {
  // A teacher's link may hide the glossary: its terms are then plain words.
  if (!GLOSSARY.some((g) => g.id === termId) || isHidden('glossary')) return el('span', {}, text);
  return el('button', { type: 'button', class: 'term-link', 'data-term': termId, onclick: () => opener?.(termId), title: t('glossary.termLink') }, text);
}

/**
 * A term's question as a link beside the control it explains ("What is a
 * base objective?"), so a newcomer can look up the word where they meet it.
 */
export function termQuestion(termId: string): HTMLElement | null {
  const entry = GLOSSARY.find((g) => g.id === termId);
  if (!entry || isHidden('glossary')) return null;
  return el('p', { class: 'term-ask' }, termLink(termId, glossaryQuestion(entry)));
}

/** The glossary entry that explains a level's concept, where there is one. */
const CONCEPT_TERM: Readonly<Record<string, string>> = {
  'mesa-optimizer': 'mesa-optimizer',
  'goal-misgeneralization': 'goal-misgeneralization',
  'deceptive-alignment': 'deceptive-alignment',
  'sleeper-agent': 'sleeper-agent',
  'outer-vs-inner': 'outer-alignment',
  interpretability: 'interpretability',
};

/** A level's concept, as a link to its glossary entry when it has one. */
export function conceptLink(concept: string, label: string): HTMLElement {
  const term = Object.hasOwn(CONCEPT_TERM, concept) ? CONCEPT_TERM[concept]! : null;
  return term ? termLink(term, label) : el('span', {}, label);
}

/**
 * Builds the glossary dialog once; `open` shows it modally (Escape or the
 * button closes it), at a term if given. Its words follow the language.
 */
export function createGlossary(host: HTMLElement): { open(term?: string): void } {
  const close = el('button', { type: 'button', class: 'dialog-close', onclick: () => dialog.close() });
  const title = el('h2', { id: 'glossary-title', tabindex: -1 });
  const list = el('dl', {});
  const sourcesHeading = el('h3', {});
  const dialog = el(
    'dialog',
    { class: 'glossary', 'aria-labelledby': 'glossary-title' },
    title,
    list,
    sourcesHeading,
    el('ul', { class: 'sources', translate: 'no' }, ...SOURCES.map((s) => el('li', {}, s))),
    el('div', { class: 'button-row' }, close),
  );
  effect(() => {
    void locale.value;
    title.textContent = t('glossary.title');
    sourcesHeading.textContent = t('glossary.sources');
    close.textContent = t('glossary.close');
    list.replaceChildren(...GLOSSARY.flatMap((g) => [el('dt', { id: `term-${g.key}` }, glossaryTerm(g)), el('dd', {}, glossaryText(g))]));
  });
  host.append(dialog);
  const glossary = {
    open(term?: string) {
      if (!dialog.open) dialog.showModal();
      const entry = term ? dialog.querySelector<HTMLElement>(`#term-${term}`) : null;
      if (entry) {
        // At the term: focus its entry so a screen reader reads it first.
        entry.tabIndex = -1;
        entry.focus();
        entry.scrollIntoView({ block: 'start' });
        return;
      }
      // Start at the top, with focus inside the dialog; Tab reaches Close.
      dialog.querySelector<HTMLElement>('#glossary-title')?.focus();
      dialog.scrollTop = 0;
    },
  };
  opener = glossary.open;
  return glossary;
}
