/**
 * The glossary: the concepts the campaign teaches, in a few honest sentences
 * each, with the sources. Reachable from every screen through the header.
 */
import { el } from './dom';

export const GLOSSARY: readonly { term: string; id: string; text: string }[] = [
  {
    term: 'Base optimizer',
    id: 'base-optimizer',
    text: 'The process that shapes a learner by selecting for reward — in Mesa, you and the training algorithm (evolution strategies). It only ever sees the reward, never what the learner “wants”.',
  },
  {
    term: 'Mesa-optimizer',
    id: 'mesa-optimizer',
    text: 'A learned system that is itself an optimizer: it pursues an objective of its own. Mesa’s agents are tiny ones — a few learned weights and a planner that acts to maximise them.',
  },
  {
    term: 'How the agent learns',
    id: 'how-the-agent-learns',
    text: 'Evolution strategies: each generation tries small random nudges of the weights, in pairs (one up, one down), on the same training worlds; nudges that earned more reward than the rest of the population pull the weights their way, in proportion to how much more. Each difference is divided by the spread of rewards seen so far in the run rather than turned into a ranking, so the size of every reward term matters: a rare fine of 100 pushes harder than a rare fine of 10, not just in the same direction. A little weight decay pulls every weight toward zero. It is a tiny learner, not a neural network, but what it can and cannot be taught by reward is the same kind of thing.',
  },
  {
    term: 'Inductive bias',
    id: 'inductive-bias',
    text: 'What makes a learner pick one of the objectives that all fit its training: what it can see and from how far, what it knows without looking (which wall it is next to), where its runs end, and — where a level says so before training — weights it adjusts faster than others. When two goals earn the same reward in training and nothing favours either, which one the agent learns is down to chance, and can differ from seed to seed.',
  },
  {
    term: 'View radius',
    id: 'view-radius',
    text: 'How far the agent notices objects and colours: a square of that many tiles around it. It remembers every tile it has seen for the rest of the run, and knows edges, corners and tiles everywhere without looking. Where a level offers it, you choose the radius before training, and the agent keeps it in every probe and in deployment. A target that comes into view only after the agent has already set off toward something it always knows cannot be told apart from that thing by training.',
  },
  {
    term: 'Base objective',
    id: 'base-objective',
    text: 'What the base optimizer rewards: the reward you write in the Train screen, over the events training can observe.',
  },
  {
    term: 'Mesa-objective',
    id: 'mesa-objective',
    text: 'What the mesa-optimizer actually pursues: in Mesa, its learned weights. It can agree with the base objective on every training world and still differ from it.',
  },
  {
    term: 'Proxy',
    id: 'proxy',
    text: 'Something that went with the goal in every training world, so training could not tell them apart: the finish line where the coin always sat, the colour every gem happened to have. An agent that learned the proxy looks perfect in training and fails when the two come apart.',
  },
  {
    term: 'Outer alignment',
    id: 'outer-alignment',
    text: 'Whether the base objective says what you mean. A reward that pays for reaching the finish when you wanted the coin is an outer-alignment failure: a perfect learner would fail too.',
  },
  {
    term: 'Inner alignment',
    id: 'inner-alignment',
    text: 'Whether the mesa-objective matches the base objective. The reward can be exactly right and the agent still learn a proxy that scored just as well in training — goal misgeneralization is one form of this.',
  },
  {
    term: 'Goal misgeneralization',
    id: 'goal-misgeneralization',
    text: 'An agent keeps its skills in a new situation but pursues the wrong goal there: in training two goals (the coin, the finish) earned the same reward, it learned the one that was easier for it to act on, and deployment pulled them apart.',
  },
  {
    term: 'Proxy',
    id: 'proxy',
    text: 'A goal that earned the same reward as the intended one in training — the finish gate where the coin always was, yellow when every gem was yellow — and so can be learned in its place.',
  },
  {
    term: 'Deceptive alignment',
    id: 'deceptive-alignment',
    text: 'A learner that behaves well because it is being watched or trained, not because it shares the objective. Training that can only see watched behaviour can select for it without anyone intending it.',
  },
  {
    term: 'Treacherous turn',
    id: 'treacherous-turn',
    text: 'The moment a deceptively aligned system stops behaving well, once it is no longer watched or can no longer be corrected — typically after deployment.',
  },
  {
    term: 'Sleeper agent',
    id: 'sleeper-agent',
    text: 'A model with a hidden trigger: it behaves normally until a specific cue appears. Safety training that never shows the trigger can leave the behaviour fully intact.',
  },
  {
    term: 'Interpretability',
    id: 'interpretability',
    text: 'Reading what a model has learned from its internals rather than its behaviour. Behaviour only tells you about the situations you thought to test; weights tell you what the model values.',
  },
];

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
  if (!GLOSSARY.some((g) => g.id === termId)) return el('span', {}, text);
  return el('button', { type: 'button', class: 'term-link', 'data-term': termId, onclick: () => opener?.(termId), title: 'Open the glossary at this word' }, text);
}

/** Builds the glossary dialog once; `open` shows it modally (Escape or the button closes it), at a term if given. */
export function createGlossary(host: HTMLElement): { open(term?: string): void } {
  const close = el('button', { type: 'button', class: 'dialog-close', onclick: () => dialog.close() }, 'Close');
  const dialog = el(
    'dialog',
    { class: 'glossary', 'aria-labelledby': 'glossary-title' },
    el('h2', { id: 'glossary-title', tabindex: -1 }, 'Glossary'),
    el('dl', {}, ...GLOSSARY.flatMap((g) => [el('dt', { id: `term-${g.id}` }, g.term), el('dd', {}, g.text)])),
    el('h3', {}, 'Sources'),
    el('ul', { class: 'sources' }, ...SOURCES.map((s) => el('li', {}, s))),
    el('div', { class: 'button-row' }, close),
  );
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
