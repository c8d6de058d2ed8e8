/**
 * "What this agent can see and notice": the core's anatomy of a level's
 * agent (`agentAnatomy`) in the game's words, for the briefing and Train
 * screens, so the player knows the agent's inductive bias before training.
 * Every sentence is generated from the anatomy's codes and numbers; none is
 * a level's own prose.
 */
import { agentAnatomy, type AgentAnatomy, type ContextBit, type Level, type Sense, type StartingPoint } from '../core/index';
import { el } from './dom';
import { eventLabel, weightLabel } from './describe';

const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const number = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 1000) / 1000)).replace('-', '−');
const signed = (x: number) => (x > 0 ? `+${number(x)}` : number(x));
const label = (sense: Sense) => weightLabel(sense.feature);
const tiles = (n: number) => `${n} tile${n === 1 ? '' : 's'}`;

const CONTEXT_PHRASES: Readonly<Record<ContextBit, readonly [string, string]>> = {
  watched: ['when it senses the supervisor', 'when it does not'],
  trigger: ['when a sign (of any colour) is in the room', 'when none is'],
  holding: ['when it holds a key', 'when it does not'],
};

/** The anatomy as short sentences, in the order the panel shows them. */
export function anatomySentences(level: Level, anatomy: AgentAnatomy = agentAnatomy(level)): string[] {
  const lines: string[] = [];
  const inView = anatomy.senses.filter((s) => s.range === 'in-view');
  const everywhere = anatomy.senses.filter((s) => s.range === 'everywhere');
  if (anatomy.viewRadius === null) {
    lines.push(`It sees the whole room at once: ${list(anatomy.senses.map(label))}.`);
  } else {
    if (inView.length > 0) {
      const r = anatomy.viewRadius;
      lines.push(`It notices ${list(inView.map(label))} only within ${tiles(r)} of itself, and remembers every tile it has seen.`);
    }
    if (everywhere.length > 0) lines.push(`It always knows ${list(everywhere.map(label))}, everywhere, from the first step.`);
  }
  const range = anatomy.viewRadiusRange;
  if (range) lines.push(`You choose how far it sees before you train it: from ${tiles(range.min)} to ${tiles(range.max)} (this level starts at ${tiles(level.agent.viewRadius ?? range.max)}).`);
  for (const context of anatomy.contexts) {
    const [on, off] = CONTEXT_PHRASES[context.bit];
    lines.push(`It has two weights for ${list(context.features.map((f) => weightLabel(f)))}: one for ${on}, one for ${off}.`);
  }
  lines.push(`It plans ahead: a reward one step further away is worth ${number(anatomy.discount)} of itself to it.`);
  lines.push(...startSentences(level, anatomy.start));
  if (anatomy.learningSpeed.length > 0) {
    lines.push(`Some weights learn at another speed than the rest (×1 is normal): ${list(anatomy.learningSpeed.map((s) => `${weightLabel(s.weight)} ×${number(s.scale)}`))}.`);
  }
  lines.push(`Every weight fades slowly unless training keeps it up (weight decay ${number(anatomy.weightDecay)}).`);
  return lines;
}

function startSentences(level: Level, start: StartingPoint): string[] {
  switch (start.kind) {
    case 'zero':
      return ['Every weight starts at zero: it wants nothing before training.'];
    case 'declared':
      return [`Its weights do not start at zero: ${list(Object.entries(start.weights).map(([n, w]) => `${weightLabel(n)} ${signed(w)}`))}.`];
    case 'pretrained':
      return [
        `Before you got it, it was trained in ${start.stages.length} stage${start.stages.length === 1 ? '' : 's'} (${start.episodes.toLocaleString('en')} episodes):`,
        ...start.stages.map((stage, i) => {
          const knobs = Object.entries(stage.knobs).map(([name, value]) => {
            const knob = level.knobs[name];
            return `${knob?.label ?? name}: ${knob?.max === 1 ? `${Math.round(value * 100)}%` : number(value)}`;
          });
          const reward = Object.entries(stage.reward).map(([event, value]) => `${eventLabel(event)} ${signed(value!)}`);
          return `Stage ${i + 1}, ${stage.name}: ${stage.generations} generations; ${list(knobs)}; reward ${reward.length ? list(reward) : 'none'}.`;
        }),
      ];
  }
}

/**
 * A disclosure panel with the sentences, keyboard-operable as any <details>.
 * `viewRadius` is the player's current choice where the level offers one;
 * `showAnatomy` redraws a panel for another choice.
 */
export function anatomyPanel(level: Level, open: boolean, viewRadius?: number | null): HTMLElement {
  const panel = el('details', { class: 'anatomy', open, 'data-anatomy': level.id }, el('summary', {}, 'What this agent can see and notice'), el('ul', {}));
  showAnatomy(panel, level, viewRadius);
  return panel;
}

/** Fills an anatomy panel's list with the sentences for a view radius (the level's when left out). */
export function showAnatomy(panel: HTMLElement, level: Level, viewRadius?: number | null): void {
  const anatomy = agentAnatomy(level, viewRadius === undefined ? {} : { viewRadius });
  panel.querySelector('ul')!.replaceChildren(...anatomySentences(level, anatomy).map((line) => el('li', {}, line)));
}
