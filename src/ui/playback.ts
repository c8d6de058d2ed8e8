/**
 * Pause and play for the stage, shared by every playback control (inspect,
 * deploy, the presenter's bar): one place that flips the stage and keeps a
 * button's words and pressed state true to it.
 */
import type { App } from './app';
import { el } from './dom';

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
  button.textContent = paused ? 'Play' : 'Pause';
  button.setAttribute('aria-pressed', String(paused));
}

/** A Pause/Play button for the stage. */
export function pauseButton(app: App, attrs: Record<string, string> = {}): HTMLButtonElement {
  const button: HTMLButtonElement = el(
    'button',
    {
      type: 'button',
      'aria-pressed': 'false',
      ...attrs,
      onclick: () => {
        const paused = togglePause(app);
        if (paused !== null) showPaused(button, paused);
      },
    },
    'Pause',
  );
  return button;
}
