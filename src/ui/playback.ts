/**
 * Pause and play for the stage, shared by every playback control (inspect,
 * deploy, the presenter's bar): one place that flips the stage. Each button
 * follows the shared playback signal, so all of them stay true to the stage.
 */
import { effect } from '@preact/signals-core';
import { succeeded, type Episode, type Level } from '../core/index';
import type { EpisodeFilm } from '../game/stageApi';
import type { App } from './app';
import { el } from './dom';
import { t } from '../i18n/index';

/**
 * A fully recorded episode as a film: its worlds, and its outcome by the
 * level's own success test (a ✓ or ✗ on the stage when it ends). Pass
 * `ghost` (the intended objective's path in the same world, computed by the
 * engine) to draw it dotted under the agent's trail.
 */
export function episodeFilm(level: Level, episode: Episode, ghost: EpisodeFilm['ghost'] = null): EpisodeFilm {
  return { worlds: episode.worlds, verdict: succeeded(level, episode) ? 'success' : 'failure', ghost };
}

/** Flips the stage between paused and playing; returns the new state, or null without a stage. */
export function togglePause(app: App): boolean | null {
  const stage = app.stage;
  if (!stage) return null;
  if (stage.paused) stage.resume();
  else stage.pause();
  return stage.paused;
}

/** Shows a pause button's state in words and to assistive technology. */
export function showPaused(button: HTMLButtonElement, paused: boolean): void {
  button.textContent = t(paused ? 'inspect.playback.play' : 'inspect.playback.pause');
  button.setAttribute('aria-pressed', String(paused));
}

/** A Pause/Play button for the stage; it follows the playback state until the screen is left. */
export function pauseButton(app: App, attrs: Record<string, string> = {}): HTMLButtonElement {
  const button: HTMLButtonElement = el('button', { type: 'button', 'aria-pressed': 'false', ...attrs, onclick: () => togglePause(app) }, t('inspect.playback.pause'));

  const stop = effect(() => {
    const { paused } = app.playback.value;
    if (!button.isConnected && button.dataset.shown) return stop();
    if (button.isConnected) button.dataset.shown = 'true';
    showPaused(button, paused);
  });
  return button;
}
