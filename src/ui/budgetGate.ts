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
import { tx } from '../i18n/index';
import { canonicalLevel } from '../core/codes';
import { measureLevel } from '../worker/client';
import { el } from './dom';
import './safety.css';
import { isolate } from './bidi';

/** Opens a shared level at once when it fits the budget; otherwise asks first, showing the measured estimate. */
/** Where the gate says that a level was not opened (the game's notice area). */
export interface Notices {
  notice(text: string, kind: 'info' | 'warning' | 'error'): void;
}

export function openSharedLevel(app: Notices, level: Level, config: TrainingConfigInput, open: () => void): void {
  const estimate = estimateWork(level, resolveConfig(level, config));
  const over = checkBudget(estimate);
  if (over === null) return open();

  const timing = el('p', { id: 'budget-estimate', 'aria-live': 'polite' }, 'Measuring how long that takes on this machine…');
  let summary = '';
  const measuring = measureLevel(canonicalLevel(level));
  const close = (opened: boolean) => {
    measuring.cancel();
    dialog.close();
    dialog.remove();
    if (opened) open();
    else app.notice(`Shared level “${isolate(level.title)}” was not opened: ${tx(over.message)}.${summary ? ` ${summary}` : ''}`, 'info');
  };
  const dialog = el(
    'dialog',
    { class: 'budget-dialog', id: 'budget-dialog', 'aria-labelledby': 'budget-heading' },
    el('h2', { id: 'budget-heading' }, 'This shared level asks for a lot of work'),
    el('p', {}, el('bdi', {}, level.title), `: ${tx(over.message)}.`),
    timing,
    el('p', {}, 'If you open it, training and deployment run in the background with a Cancel button, but they may take that long.'),
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', class: 'primary', id: 'budget-refuse', onclick: () => close(false) }, 'Don’t open it'),
      el('button', { type: 'button', id: 'budget-accept', onclick: () => close(true) }, 'Open it anyway'),
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
      const training = tx(formatDuration((msPerEpisode * estimate.episodes) / 1000));
      const scoring = tx(formatDuration((msPerEpisode * estimate.scoringEpisodes) / 1000));
      summary = `On this machine (one episode took ${msPerEpisode.toFixed(1)} ms here): training ${training}, committing a verdict ${scoring}.`;
      timing.textContent = summary;
    },
    () => {
      // No measurement: fall back to the slowest speed seen in development (about 160 ns a unit in a page).
      summary = `Estimated from a typical machine: training ${tx(formatDuration(estimatedSeconds(estimate.training, 160)))}, committing a verdict ${tx(formatDuration(estimatedSeconds(estimate.scoring, 160)))}.`;
      timing.textContent = summary;
    },
  );
}
