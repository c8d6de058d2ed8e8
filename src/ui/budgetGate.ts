/**
 * The work budget at the door: a shared level (from a link, a challenge code
 * or the editor) that asks for more work than the budget allows is not
 * opened until the player has seen how long it would take on this machine
 * and chosen to open it anyway. The time is measured, not guessed: a worker
 * plays a few of the level's episodes and the estimate scales that up.
 *
 * The heavy jobs themselves always run in the worker with progress and
 * Cancel, so even an accepted level never freezes the page; this dialog is
 * about the player's time, not the page's safety.
 */
import { checkBudget, estimatedSeconds, estimateWork, formatDuration, resolveConfig, type Level, type TrainingConfigInput } from '../core/index';
import { canonicalLevel } from '../core/codes';
import { measureLevel } from '../worker/client';
import { el } from './dom';
import './safety.css';
import { isolate } from './bidi';
import { formatDecimals, t, tParts } from '../i18n/index';

/** Opens a shared level at once when it fits the budget; otherwise asks first, showing the measured estimate. */
/** Where the gate says that a level was not opened (the game's notice area). */
export interface Notices {
  notice(text: string, kind: 'info' | 'warning' | 'error'): void;
}

export function openSharedLevel(app: Notices, level: Level, config: TrainingConfigInput, open: () => void): void {
  const estimate = estimateWork(level, resolveConfig(level, config));
  const over = checkBudget(estimate);
  if (over === null) return open();

  const timing = el('p', { id: 'budget-estimate', 'aria-live': 'polite' }, t('train.budget.measuring'));
  let summary = '';
  const measuring = measureLevel(canonicalLevel(level));
  const close = (opened: boolean) => {
    measuring.cancel();
    dialog.close();
    dialog.remove();
    if (opened) open();
    else {
      const said = { level: isolate(level.title), reason: over.message };
      app.notice(summary ? t('train.budget.notOpened.timed', { ...said, timing: summary }) : t('train.budget.notOpened', said), 'info');
    }
  };
  const dialog = el(
    'dialog',
    { class: 'budget-dialog', id: 'budget-dialog', 'aria-labelledby': 'budget-heading' },
    el('h2', { id: 'budget-heading' }, t('train.budget.heading')),
    el('p', {}, ...tParts<HTMLElement>('train.budget.over', { level: el('bdi', { translate: 'no' }, level.title), reason: over.message })),
    timing,
    el('p', {}, t('train.budget.background')),
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', class: 'primary', id: 'budget-refuse', onclick: () => close(false) }, t('train.budget.refuse')),
      el('button', { type: 'button', id: 'budget-accept', onclick: () => close(true) }, t('train.budget.accept')),
    ),
  );
  // Escape means "don't open".
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close(false);
  });
  document.body.append(dialog);
  dialog.showModal();
  dialog.querySelector<HTMLButtonElement>('#budget-refuse')?.focus();
  measuring.result.then(
    (msPerEpisode) => {
      if (msPerEpisode === null) return;
      const training = formatDuration((msPerEpisode * estimate.episodes) / 1000);
      const scoring = formatDuration((msPerEpisode * estimate.scoringEpisodes) / 1000);
      summary = t('train.budget.measured', { ms: formatDecimals(msPerEpisode, 1), training, scoring });
      timing.textContent = summary;
    },
    () => {
      // No measurement: fall back to the slowest speed seen in development (about 160 ns a unit in a page).
      summary = t('train.budget.estimated', { training: formatDuration(estimatedSeconds(estimate.training, 160)), scoring: formatDuration(estimatedSeconds(estimate.scoring, 160)) });

      timing.textContent = summary;
    },
  );
}
