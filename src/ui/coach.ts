/**
 * The coach: a level's step-by-step guide (guides.ts) drawn at the top of
 * the panel, one idea per step. The step's text is in a live region; the
 * control to try gets a dashed ring and a "Try this" tag (shape and words,
 * never colour alone) and "Show me" moves focus to it; definitions open in
 * place from the glossary. "Skip the guide" or Escape leaves it.
 *
 * Owns only the coach's box and the ring; it reads the route and the
 * attempt and never changes the game's state. Steps advance when the
 * session's state says their goal is met (guides.ts `currentStep`).
 */
import { effect } from '@preact/signals-core';
import { firstRunStep, type Screen } from '../session/index';
import type { App } from './app';
import { el } from './dom';
import { GLOSSARY, glossaryQuestion, glossaryText } from './glossary';
import { currentStep, guideFor, stepText, type Guide, type GuideState } from './guides';
import { t } from '../i18n/index';
import './coach.css';

const RING = 'coach-target';

export interface Coach {
  /** Starts the guide of the level in play, from its first step. */
  start(): void;
  /** Leaves the guide (Skip, Escape). */
  stop(): void;
  readonly active: boolean;
  /** Draws the coach at the top of the panel for the screen just rendered (called after every screen render). */
  afterRender(screen: Screen): void;
  /** The guide's step index, for the test hook (null when no guide runs). */
  readonly step: number | null;
}

let installed: Coach | null = null;

export function createCoach(app: App): Coach {
  let guide: Guide | null = null;
  let levelId: string | null = null;
  let index = 0;
  let frame = 0;
  /** The step and screen last shown: a new one is scrolled into view (after the screen's own heading focus). */
  let shown = '';

  const state = (): GuideState => ({ screen: app.screen, attempt: app.attempt, firstRunStep: app.attempt?.firstRun ? firstRunStep(app.attempt.firstRun) : null });

  const unring = () => {
    for (const node of document.querySelectorAll(`.${RING}`)) node.classList.remove(RING);
  };

  /** The step's controls that are on screen now. */
  const targets = (): HTMLElement[] => {
    if (!guide) return [];
    const step = guide.steps[index]!;
    if (step.screen !== app.screen) return [];
    return step.target.flatMap((selector) => [...app.panel.querySelectorAll<HTMLElement>(selector)]).filter((node) => node.getClientRects().length > 0);
  };

  const ring = () => {
    frame = 0;
    unring();
    for (const node of targets()) node.classList.add(RING);
  };
  // The ring follows the screen's own updates (a button shown after training), one frame later.
  const ringSoon = () => {
    if (!frame) frame = requestAnimationFrame(ring);
  };

  // One box and one live region for the whole guide: moved to the top of each new panel, its text changes in place.
  const text = el('p', { class: 'coach-text', 'aria-live': 'polite', id: 'coach-text' });
  const count = el('span', {});
  const terms = el('div', { class: 'coach-terms' });
  const showMe = el('button', {
    type: 'button',
    class: 'coach-show',
    onclick: () => {
      const target = targets().at(-1);
      if (!target) return;
      target.scrollIntoView({ block: 'center' });
      target.focus();
    },
  });
  const skip = el('button', { type: 'button', class: 'coach-skip', onclick: () => stop(true) });
  const escHint = el('span', { class: 'coach-hint' });
  const box = el(
    'section',
    { class: 'coach' },
    el('p', { class: 'coach-count' }, el('span', { 'aria-hidden': 'true' }, '◆ '), count),
    text,
    terms,
    el('div', { class: 'coach-actions' }, showMe, skip, escHint),
  );

  const draw = () => {
    unring();
    if (!guide || levelId !== app.attempt?.level.id) return void box.remove();
    const step = guide.steps[index]!;
    const here = step.screen === app.screen;
    box.dataset.step = String(index);
    // Drawn on every screen, so a change of language reaches the coach with the screen it sits on.
    box.setAttribute('aria-label', t('coach.region'));
    count.textContent = t('coach.count', { step: index + 1, steps: guide.steps.length });
    showMe.textContent = t('coach.showMe');
    showMe.hidden = step.target.length === 0 || !here;
    skip.textContent = index === guide.steps.length - 1 ? t('coach.close') : t('coach.skip');
    escHint.textContent = t('coach.escHint');
    terms.replaceChildren(
      ...step.terms.map((id) => {
        const entry = GLOSSARY.find((g) => g.id === id)!;
        return el('details', { class: 'coach-term' }, el('summary', {}, glossaryQuestion(entry)), el('p', {}, glossaryText(entry)));
      }),
    );
    if (box.parentElement !== app.panel || app.panel.firstElementChild !== box) app.panel.prepend(box);
    // Off its screen, the step says where to go (the player may have wandered: Back, a link).
    const words = here ? stepText(guide, step) : t('coach.elsewhere', { screen: screenWords(step.screen) });
    // Set after the box is in place, so the live region reads the change.
    const key = `${index} ${app.screen}`;
    requestAnimationFrame(() => {
      if (text.textContent !== words) text.textContent = words;
      if (key !== shown) box.scrollIntoView({ block: 'nearest' });
      shown = key;
    });
    ringSoon();
  };

  const advance = () => {
    if (!guide) return;
    const next = currentStep(guide, index, state());
    if (next !== index) {
      index = next;
      draw();
    } else ringSoon();
  };

  const stop = (announce: boolean) => {
    if (!guide) return;
    guide = null;
    levelId = null;
    box.remove();
    text.textContent = '';
    shown = '';
    unring();
    if (announce) app.announce(t('coach.closed'));
  };

  // Steps advance with the session's state (a reward set, an agent trained, a probe run).
  effect(() => {
    void app.attemptState.value;
    if (guide && app.attempt?.level.id !== levelId) stop(false);
    else advance();
  });

  app.panel.addEventListener('click', () => ringSoon());
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !guide || event.defaultPrevented) return;
    const focus = document.activeElement;
    // Escape already means something in dialogs, the settings menu and the probe editor.
    if (document.querySelector('dialog[open]') || focus?.closest('.grid-editor, .settings, dialog')) return;
    stop(true);
  });

  installed = {
    start() {
      const attempt = app.attempt;
      if (!attempt) return;
      guide = guideFor(attempt.level.id);
      levelId = attempt.level.id;
      index = guide ? currentStep(guide, 0, state()) : 0;
      draw();
    },
    stop: () => stop(true),
    get active() {
      return guide !== null;
    },
    afterRender() {
      if (!guide) return;
      const next = currentStep(guide, index, state());
      index = next;
      draw();
    },
    get step() {
      return guide ? index : null;
    },
  };
  return installed;
}

/** A screen a guide's step can be on, as "The guide continues on the … screen" names it. */
function screenWords(screen: Screen): string {
  switch (screen) {
    case 'briefing':
      return t('coach.screen.briefing');
    case 'first':
      return t('coach.screen.first');
    case 'train':
      return t('coach.screen.train');
    case 'inspect':
      return t('coach.screen.inspect');
    case 'verdict':
      return t('coach.screen.verdict');
    case 'deploy':
      return t('coach.screen.deploy');
    case 'score':
      return t('coach.screen.score');
    default:
      return screen;
  }
}

/** The briefing's way into a level's guide (null when the level has none). */
export function guideButton(app: App): HTMLElement | null {
  const coach = installed;
  if (!coach || !app.attempt || !guideFor(app.attempt.level.id)) return null;
  return el('button', { type: 'button', id: 'start-guide', onclick: () => (app.sounds.play('click'), coach.start()) }, coach.active ? t('coach.restart') : t('coach.start'));
}
