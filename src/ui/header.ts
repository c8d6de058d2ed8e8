/**
 * The header's two compact parts: the settings menu (a disclosure button that
 * shows the toggles, so the header stays one row) and the level's progress
 * as steps (train → inspect → verdict → deploy → score).
 *
 * Owns only the header's markup and keyboard behaviour; it reads which
 * screen is showing and never changes the game's state.
 */
import type { Screen } from './app';
import { el } from './dom';
import { tx, type MessageKey } from '../i18n/index';

/** The steps of a level, in order, with the screens that count as each. */
export const LEVEL_STEPS: readonly { readonly id: string; readonly label: MessageKey; readonly screens: readonly Screen[] }[] = [
  { id: 'train', label: 'app.step.train', screens: ['train', 'experiment'] },
  { id: 'inspect', label: 'app.step.inspect', screens: ['inspect'] },
  { id: 'verdict', label: 'app.step.verdict', screens: ['verdict'] },
  { id: 'deploy', label: 'app.step.deploy', screens: ['deploy'] },
  { id: 'score', label: 'app.step.score', screens: ['score'] },
];

export type StepState = 'done' | 'current' | 'upcoming';

/**
 * Where each step stands on a screen: steps before the current one are done.
 * The briefing comes before every step; screens outside a level have none (null).
 */
export function stepStates(screen: Screen): readonly StepState[] | null {
  if (screen === 'briefing') return LEVEL_STEPS.map(() => 'upcoming');
  const index = LEVEL_STEPS.findIndex((step) => step.screens.includes(screen));
  if (index < 0) return null;
  return LEVEL_STEPS.map((_, i) => (i < index ? 'done' : i === index ? 'current' : 'upcoming'));
}

/** A shape for each state, so colour never carries it alone; the words say it to screen readers. */
const SHAPES: Record<StepState, string> = { done: '✓', current: '▶', upcoming: '○' };
const SPOKEN: Record<StepState, MessageKey | null> = { done: 'app.step.spoken.done', current: 'app.step.spoken.current', upcoming: null };

/** Draws the steps for a screen into the header's nav (hidden outside a level). */
export function showLevelSteps(host: HTMLElement, screen: Screen): void {
  const states = stepStates(screen);
  host.hidden = states === null;
  if (states === null) return host.replaceChildren();
  host.replaceChildren(
    el(
      'ol',
      {},
      ...LEVEL_STEPS.map((step, i) => {
        const state = states[i]!;
        return el(
          'li',
          { class: `step step-${state}`, 'data-step': step.id, 'aria-current': state === 'current' ? 'step' : null },
          el('span', { class: 'step-shape', 'aria-hidden': 'true' }, SHAPES[state]),
          el('span', { class: 'step-label' }, tx({ key: step.label })),
          SPOKEN[state] ? el('span', { class: 'sr-only' }, tx({ key: SPOKEN[state] })) : null,
        );
      }),
    ),
  );
}

/**
 * A disclosure menu (the header's settings, the score's further actions): the
 * button toggles the menu (aria-expanded); Escape closes it and returns focus
 * to the button; a click or focus outside closes it. Returns what removes its
 * page-wide listener.
 */
export function installMenu(button: HTMLButtonElement, menu: HTMLElement): () => void {
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    menu.hidden = !open;
  };
  const isOpen = () => button.getAttribute('aria-expanded') === 'true';
  setOpen(false);
  button.addEventListener('click', () => setOpen(!isOpen()));
  const container = button.parentElement ?? menu;
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !isOpen()) return;
    event.preventDefault();
    setOpen(false);
    button.focus();
  });
  container.addEventListener('focusout', (event) => {
    const next = (event as FocusEvent).relatedTarget;
    if (isOpen() && next instanceof Node && !container.contains(next)) setOpen(false);
  });
  const outside = (event: PointerEvent) => {
    if (isOpen() && event.target instanceof Node && !container.contains(event.target)) setOpen(false);
  };
  document.addEventListener('pointerdown', outside);
  return () => document.removeEventListener('pointerdown', outside);
}
