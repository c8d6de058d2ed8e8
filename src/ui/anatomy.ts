/**
 * "What this agent can see and notice": the core's anatomy of a level's
 * agent (`agentAnatomy`) in the game's words, for the briefing and Train
 * screens, so the player knows the agent's inductive bias before training.
 * Every sentence is generated from the anatomy's codes and numbers; none is
 * a level's own prose.
 */
import { agentAnatomy, type AgentAnatomy, type ContextBit, type Level, type Sense, type StartingPoint } from '../core/index';
import { el } from './dom';
import { eventLabel, knobValueText, weightLabel } from './describe';
import { formatNumber, t, type MessageKey } from '../i18n/index';
import { displayLevel } from './levelText';

/** A number as the anatomy writes it: up to three decimals, a true minus sign. */
const number = (x: number) => formatNumber(x, { maximumFractionDigits: 3 }).replace('-', '−');
const signed = (x: number) => (x > 0 ? `+${number(x)}` : number(x));
const label = (sense: Sense) => weightLabel(sense.feature);
const tiles = (n: number) => t('train.anatomy.tiles', { count: n });

const CONTEXT_SENTENCES = {
  watched: 'train.anatomy.context.watched',
  trigger: 'train.anatomy.context.trigger',
  holding: 'train.anatomy.context.holding',
} as const satisfies Readonly<Record<ContextBit, MessageKey>>;

/** The anatomy as short sentences, in the order the panel shows them. */
export function anatomySentences(level: Level, anatomy: AgentAnatomy = agentAnatomy(level)): string[] {
  const lines: string[] = [];
  const inView = anatomy.senses.filter((s) => s.range === 'in-view');
  const everywhere = anatomy.senses.filter((s) => s.range === 'everywhere');
  if (anatomy.viewRadius === null) {
    lines.push(t('train.anatomy.wholeRoom', { senses: anatomy.senses.map(label) }));
  } else {
    if (inView.length > 0) lines.push(t('train.anatomy.inView', { senses: inView.map(label), count: anatomy.viewRadius }));
    if (everywhere.length > 0) lines.push(t('train.anatomy.everywhere', { senses: everywhere.map(label) }));
  }
  const range = anatomy.viewRadiusRange;
  if (range) lines.push(t('train.anatomy.viewRange', { min: tiles(range.min), max: tiles(range.max), start: tiles(level.agent.viewRadius ?? range.max) }));
  for (const context of anatomy.contexts) lines.push(t(CONTEXT_SENTENCES[context.bit], { features: context.features.map((f) => weightLabel(f)) }));
  lines.push(t('train.anatomy.discount', { discount: number(anatomy.discount) }));
  lines.push(...startSentences(level, anatomy.start));
  if (anatomy.learningSpeed.length > 0) {
    lines.push(t('train.anatomy.learningSpeed', { weights: anatomy.learningSpeed.map((s) => t('train.anatomy.learningSpeed.weight', { weight: weightLabel(s.weight), scale: number(s.scale) })) }));
  }
  lines.push(t('train.anatomy.decay', { decay: number(anatomy.weightDecay) }));
  return lines;
}

function startSentences(level: Level, start: StartingPoint): string[] {
  switch (start.kind) {
    case 'zero':
      return [t('train.anatomy.start.zero')];
    case 'declared':
      return [t('train.anatomy.start.declared', { weights: Object.entries(start.weights).map(([n, w]) => t('train.anatomy.start.weight', { weight: weightLabel(n), value: signed(w) })) })];
    case 'pretrained': {
      // The level's words (knob labels, stage names) in the reader's language.
      const shown = displayLevel(level);
      return [
        t('train.anatomy.start.pretrained', { count: start.stages.length, episodes: start.episodes }),
        ...start.stages.map((stage, i) => {
          const knobs = Object.entries(stage.knobs).map(([name, value]) => {
            const knob = level.knobs[name];
            return t('train.anatomy.stage.knob', { knob: shown.knobs[name]?.label ?? name, value: knob ? knobValueText(value, knob.max) : number(value) });
          });
          const reward = Object.entries(stage.reward).map(([event, value]) => t('train.anatomy.stage.reward', { event: eventLabel(event), value: signed(value!) }));
          const name = shown.pretraining?.stages[i]?.name ?? stage.name;
          const said = { index: i + 1, name, count: stage.generations, reward: reward.length ? reward : t('train.anatomy.stage.noReward') };
          return knobs.length ? t('train.anatomy.stage', { ...said, knobs }) : t('train.anatomy.stage.noKnobs', said);
        }),
      ];
    }
  }
}

/**
 * A disclosure panel with the sentences, keyboard-operable as any <details>.
 * `viewRadius` is the player's current choice where the level offers one;
 * `showAnatomy` redraws a panel for another choice.
 */
export function anatomyPanel(level: Level, open: boolean, viewRadius?: number | null): HTMLElement {
  const panel = el('details', { class: 'anatomy', open, 'data-anatomy': level.id }, el('summary', {}, t('train.anatomy.summary')), el('ul', {}));

  showAnatomy(panel, level, viewRadius);
  return panel;
}

/** Fills an anatomy panel's list with the sentences for a view radius (the level's when left out). */
export function showAnatomy(panel: HTMLElement, level: Level, viewRadius?: number | null): void {
  const anatomy = agentAnatomy(level, viewRadius === undefined ? {} : { viewRadius });
  panel.querySelector('ul')!.replaceChildren(...anatomySentences(level, anatomy).map((line) => el('li', {}, line)));
}
