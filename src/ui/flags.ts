/**
 * Which controls a teacher's link hid for this session (`hide=lens,probes`),
 * TensorFlow Playground-style. The link is read by src/session/route.ts;
 * this module only holds the result for the screens and marks the page so
 * CSS hides the controls too. Hiding is never saved.
 */
import type { HideableControl } from '../session/index';

export { HIDEABLE_CONTROLS, type HideableControl } from '../session/index';

let hidden: ReadonlySet<HideableControl> = new Set();

/** Sets the controls hidden for this session (from the link) and marks the page so CSS hides them too. */
export function setHiddenControls(names: Iterable<HideableControl>): void {
  hidden = new Set(names);
  if (typeof document !== 'undefined') {
    if (hidden.size) document.documentElement.dataset.hide = [...hidden].join(' ');
    else delete document.documentElement.dataset.hide;
  }
}

/** Whether the teacher's link hid this control. Screens leave hidden controls out. */
export function isHidden(name: HideableControl): boolean {
  return hidden.has(name);
}
