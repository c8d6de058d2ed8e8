/**
 * The agent's senses as a training setting, where the level lets the player
 * choose how far the agent sees (`agent.viewRadiusRange`): a slider on the
 * Train screen, and the anatomy panel that follows it. The screen holds the
 * elements; the session checks every change.
 */
import { effect } from '@preact/signals-core';
import { agentAnatomy, type Level } from '../core/index';
import { changedSettings, changeSetting, viewRadiusValue } from '../session/index';
import type { App } from './app';
import { anatomyPanel, anatomySentences, showAnatomy } from './anatomy';
import { el, uid } from './dom';
import { t } from '../i18n/index';
import { termQuestion } from './glossary';

export interface SensesControls {
  /** "What this agent can see and notice", for the current choice. */
  readonly panel: HTMLElement;
  /** The view-radius fieldset, or null in a level that fixes the view radius. */
  readonly fieldset: HTMLElement | null;
  /** Stops following the attempt (when the screen goes). */
  dispose(): void;
}

const tiles = (n: number | null) => (n === null ? t('train.senses.wholeWorld') : t('train.anatomy.tiles', { count: n }));

/** The sentence about what the agent notices only within its view, for the radius chosen. */
function inViewSentence(level: Level, viewRadius: number | null): string {
  const anatomy = agentAnatomy(level, { viewRadius });
  return anatomySentences(level, anatomy)[0]!;
}

export function sensesControls(app: App, level: Level): SensesControls {
  const current = () => viewRadiusValue(app.attempt!);
  const panel = anatomyPanel(level, false, current());
  const range = level.agent.viewRadiusRange;
  if (!range) return { panel, fieldset: null, dispose: () => {} };

  const id = uid('view-radius');
  const descId = uid('view-radius-desc');
  const output = el('output', { for: id }, tiles(current()));
  const description = el('small', { id: descId }, inViewSentence(level, current()));
  const input = el('input', {
    id,
    type: 'range',
    min: range.min,
    max: range.max,
    step: 1,
    value: current() ?? range.max,
    'data-setting': 'viewRadius',
    'aria-describedby': descId,
    'aria-valuetext': tiles(current()),
    oninput: () => {
      if (!app.dispatch(changeSetting(app.attempt!, { kind: 'viewRadius', value: Number(input.value) }))) input.value = String(current() ?? range.max);
    },
  });
  const marker = el('span', { class: 'changed-marker', 'aria-hidden': 'true' }, t('train.changed'));
  const row = el('div', { class: 'field', 'data-setting': 'viewRadius' }, el('label', { for: id }, t('train.senses.viewRadius')), input, output, marker, description);
  const fieldset = el('fieldset', { 'data-control': 'senses' }, el('legend', {}, t('train.senses.legend')), termQuestion('view-radius'), el('div', { class: 'field-grid' }, row));

  // Everything about the view follows the attempt: a reset or a challenge moves the slider too.
  let shown: number | null | undefined;
  const stop = effect(() => {
    const attempt = app.attemptState.value;
    if (!attempt || attempt.level !== level) return;
    const radius = viewRadiusValue(attempt);
    row.classList.toggle('changed', changedSettings(attempt).viewRadius);
    if (radius === shown) return;
    shown = radius;
    input.value = String(radius ?? range.max);
    input.setAttribute('aria-valuetext', tiles(radius));
    output.textContent = tiles(radius);
    description.textContent = inViewSentence(level, radius);
    showAnatomy(panel, level, radius);
  });
  return { panel, fieldset, dispose: stop };
}
