/**
 * Presenter mode, for a teacher at a projector: large type and controls,
 * playback controls (pause, step, slow motion) beside the stage on every
 * screen that animates, the class's vote before deployment and the class's
 * prediction beside the revealed objective, and the high-contrast theme.
 *
 * It applies a link's flags, adds its header toggles, follows the shared
 * state through effects, and never scores or decides anything: the vote is
 * shown, not judged.
 */
import './classroom.css';
import { effect } from '@preact/signals-core';
import { own, type Level } from '../core/index';
import { MAX_VOTE, SCREENS, type Location } from '../session/index';
import type { App } from './app';
import { el, svg, uid } from './dom';
import { showPaused, togglePause } from './playback';
import { isHidden, setHiddenControls } from './flags';
import { isolate } from './bidi';
import { displayLevel } from './levelText';
import { formatList, locale, t } from '../i18n/index';
import type { SaveData } from './save';
import { hatchDefs } from './charts';

export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4];

export function isPresenter(app: App): boolean {
  return app.settings.value.presenter;
}

/**
 * Applies what a link asks for once: presenter mode, contrast and motion
 * (remembered, as the header toggles would), the language, the starting speed, the hidden
 * controls, and one notice for anything not understood.
 */
export function applyLink(app: App, link: Location): void {
  const { presenter, contrast, reducedMotion, speed, language } = link.settings;
  const change: Partial<SaveData['settings']> = {};
  if (presenter !== null && presenter !== app.save.settings.presenter) change.presenter = presenter;
  if (contrast !== null && contrast !== app.save.settings.contrast) change.contrast = contrast;
  if (reducedMotion !== null && reducedMotion !== app.save.settings.reducedMotion) change.reducedMotion = reducedMotion;
  if (language !== null && language !== app.save.settings.language) change.language = language;
  if (Object.keys(change).length) app.updateSettings(change);
  if (speed !== null) app.playback.value = { ...app.playback.value, speed };
  app.stage?.setSpeed(app.playback.value.speed);
  app.hidden = link.hide;
  setHiddenControls(link.hide);
  const glossary = document.getElementById('glossary-button');
  if (glossary) glossary.hidden = isHidden('glossary');
  if (link.ignored.length) app.notice(t('app.notice.linkIgnored', { options: link.ignored.map(isolate).join(', ') }), 'warning');
}

/** Wide screens put the stage beside the panel; a presenter's short, wide projector (800 × 600) does too. */
const WIDE = '(min-width: 900px)';
const PRESENTER_WIDE = '(min-width: 900px), (min-width: 640px) and (min-aspect-ratio: 1/1)';

let stopPlacing: (() => void) | null = null;

/**
 * Where the stage goes: the root's `wide` class puts it beside the panel
 * (layout.css), which then scrolls on its own; without it the stage sits
 * above the panel. The media queries live here alone, so the layout and
 * the screens' scripts agree (see `isWide`).
 */
function placeStage(presenter: boolean): void {
  if (typeof matchMedia !== 'function') return;
  const query = matchMedia(presenter ? PRESENTER_WIDE : WIDE);
  const apply = () => document.documentElement.classList.toggle('wide', query.matches);
  stopPlacing?.();
  query.addEventListener('change', apply);
  stopPlacing = () => query.removeEventListener('change', apply);
  apply();
}
/** Whether the stage stands beside the panel (the panel scrolls on its own) rather than above it. */
export function isWide(): boolean {
  return document.documentElement.classList.contains('wide');
}

/**
 * Adds the presenter's header toggles and the playback bar. Both follow the
 * shared state (settings, route, playback) through effects: no polling.
 */
export function installClassroom(app: App): void {
  const actions = document.getElementById('settings-menu');
  const presenterButton = el('button', { type: 'button', id: 'presenter-toggle', 'aria-pressed': 'false' });
  const contrastButton = el('button', { type: 'button', id: 'contrast-toggle', 'aria-pressed': 'false' });
  effect(() => {
    void locale.value;
    presenterButton.textContent = t('app.presenter.toggle');
    contrastButton.textContent = t('app.presenter.contrast');
  });
  let wasPresenter: boolean | null = null;
  effect(() => {
    const settings = app.settings.value;
    presenterButton.setAttribute('aria-pressed', String(settings.presenter));
    contrastButton.setAttribute('aria-pressed', String(settings.contrast === 'high'));
    const root = document.documentElement;
    root.classList.toggle('presenter', settings.presenter);
    root.classList.toggle('high-contrast', settings.contrast === 'high');
    placeStage(settings.presenter);
    // Switching presenter mode folds (or opens) the secondary text of the screen on show.
    if (wasPresenter !== settings.presenter) for (const fold of document.querySelectorAll<HTMLDetailsElement>('details.presenter-fold')) fold.open = !settings.presenter;
    wasPresenter = settings.presenter;
  });
  presenterButton.addEventListener('click', () => {
    app.updateSettings({ presenter: !app.save.settings.presenter });
    app.announce(app.save.settings.presenter ? t('app.presenter.announce.on') : t('app.presenter.announce.off'));
    // Screens add presenter-only parts when they render: redraw the ones that hold no work in progress.
    if (['title', 'levels', 'briefing', 'verdict', 'board', 'guide'].includes(app.screen)) app.redraw();
  });
  contrastButton.addEventListener('click', () => {
    app.updateSettings({ contrast: app.save.settings.contrast === 'high' ? 'normal' : 'high' });
    app.announce(app.save.settings.contrast === 'high' ? t('app.presenter.announce.contrastOn') : t('app.presenter.announce.contrastOff'));
  });
  actions?.prepend(presenterButton, contrastButton);
  // A printed page has no disclosures to open: every fold prints open, and closes again after.
  let closedForPrint: HTMLDetailsElement[] = [];
  addEventListener('beforeprint', () => {
    closedForPrint = [...document.querySelectorAll<HTMLDetailsElement>('details.presenter-fold:not([open])')];
    for (const fold of closedForPrint) fold.open = true;
  });
  addEventListener('afterprint', () => {
    for (const fold of closedForPrint) fold.open = false;
    closedForPrint = [];
  });
  installPlaybackBar(app);
}

/**
 * Pause, step, slow motion and speed under the stage. Shown in presenter mode
 * on every screen that plays films, so a teacher can stop any animation to talk.
 */
function installPlaybackBar(app: App): void {
  const wrap = document.querySelector('.stage-wrap');
  if (!wrap) return;
  const speedId = uid('presenter-speed');
  const pause = el('button', { type: 'button', id: 'presenter-pause', 'aria-pressed': 'false' });
  const step = el('button', { type: 'button', id: 'presenter-step' });
  const slow = el('button', { type: 'button', id: 'presenter-slow', 'aria-pressed': 'false' });
  const speed = el('select', { id: speedId }, ...SPEEDS.map((v) => el('option', { value: v })));
  const speedLabel = el('label', { for: speedId });
  const bar = el('div', { class: 'presenter-playback', role: 'group' }, pause, step, slow, speedLabel, speed);
  const setSpeed = (v: number) => {
    if (app.stage) app.stage.setSpeed(v);
    else app.playback.value = { ...app.playback.value, speed: v };
  };
  pause.addEventListener('click', () => {
    const paused = togglePause(app);
    if (paused !== null) app.announce(paused ? t('app.presenter.announce.paused') : t('app.presenter.announce.playing'));
  });
  step.addEventListener('click', () => {
    if (!app.stage) return;
    // Stepping only makes sense while paused: pause first, then advance one move.
    if (!app.stage.paused) app.stage.pause();
    app.stage.stepOnce();
  });
  slow.addEventListener('click', () => setSpeed(app.playback.value.speed < 1 ? 1 : 0.25));
  speed.addEventListener('change', () => setSpeed(Number(speed.value)));
  wrap.append(bar);
  effect(() => {
    bar.hidden = !SCREENS[app.route.value.screen].playback;
  });
  effect(() => {
    void locale.value;
    bar.setAttribute('aria-label', t('app.presenter.playback'));
    step.textContent = t('app.presenter.step');
    slow.textContent = t('app.presenter.slow');
    speedLabel.textContent = t('app.presenter.speed');
    speed.querySelectorAll('option').forEach((option, i) => (option.textContent = t('app.presenter.speedValue', { speed: SPEEDS[i]! })));
  });
  effect(() => {
    void locale.value;
    const { paused, speed: v } = app.playback.value;
    showPaused(pause, paused);
    slow.setAttribute('aria-pressed', String(v < 1));
    speed.value = String(v);
  });
}

/**
 * Secondary text that presenter mode folds into a disclosure, so the panel
 * beside the world stays within two screens on a wall; the teacher opens it
 * when the room needs it. Everywhere else it is open and its summary is not
 * shown (layout.css), so the screen reads as before. Printing opens them all.
 *
 * `summary` is the disclosure's label, or a section's own attributes and
 * heading: that heading reads as before everywhere else, and on a projector
 * the summary (its text alone: a glossary button inside would nest
 * controls) takes its place.
 */
export function presenterFold(summary: string | FoldedSection, ...children: (Node | string | null | false | undefined)[]): HTMLDetailsElement {
  const folded = document.documentElement.classList.contains('presenter');
  if (typeof summary === 'string') return el('details', { class: 'presenter-fold', open: !folded }, el('summary', {}, summary), ...children);
  const { heading, id, class: className } = summary;
  return el('details', { class: ['presenter-fold', className].filter(Boolean).join(' '), id, open: !folded }, el('summary', {}, heading.textContent ?? ''), heading, ...children);
}

/** A section presenter mode folds: its heading, and the id and class it keeps. */
export interface FoldedSection {
  readonly heading: HTMLElement;
  readonly id?: string;
  readonly class?: string;
}

/** The buttons presenter mode adds to the briefing: the lesson guide and the class board. */
export function presenterButtons(app: App): HTMLElement[] {
  if (!isPresenter(app)) return [];
  return [
    el('button', { type: 'button', id: 'open-guide', onclick: () => app.openGuide(app.attempt?.level.id ?? null) }, t('app.presenter.lessonGuide')),
    el('button', { type: 'button', id: 'open-board', onclick: () => app.openBoard() }, t('app.presenter.classBoard')),
  ];
}

export interface ClassVoteForm {
  readonly element: HTMLElement;
  /** The counts per hypothesis id as typed (an empty field is 0); the session checks them with the verdict. */
  read(): Record<string, number>;
}

/** "Class vote": a count of hands for each hypothesis, entered by the presenter before deployment. */
export function classVoteForm(level: Level, previous: Record<string, number> | null): ClassVoteForm {
  const labels = displayLevel(level).hypotheses.map((h) => h.label);
  const inputs = level.hypotheses.map((h, i) => {
    const id = uid(`vote-${h.id}`);
    const input = el('input', {
      type: 'number',
      id,
      name: `vote-${h.id}`,
      min: 0,
      max: MAX_VOTE,
      step: 1,
      inputmode: 'numeric',
      value: (previous ? own(previous, h.id) : undefined) ?? 0,
      'data-hypothesis': h.id,
    });
    return { hypothesis: h, input, row: el('div', { class: 'vote-row' }, el('label', { for: id }, t('app.presenter.vote.hands', { label: labels[i]! })), input) };
  });
  const element = el(
    'fieldset',
    { class: 'class-vote', id: 'class-vote' },
    el('legend', {}, t('app.presenter.vote.legend')),
    presenterFold(t('app.presenter.vote.fold'), el('p', { class: 'hint' }, t('app.presenter.vote.hint'))),
    ...inputs.map((i) => i.row),
  );
  return {
    element,
    read() {
      const vote: Record<string, number> = {};
      for (const { hypothesis, input } of inputs) vote[hypothesis.id] = input.value.trim() === '' ? 0 : Number(input.value);
      return vote;
    },
  };
}

/**
 * The class's prediction beside the revealed objective: one bar per
 * hypothesis with its count and share in words, the revealed one marked with
 * a tick, the word "revealed" and a hatched bar (never colour alone).
 */
export function classPrediction(level: Level, vote: Readonly<Record<string, number>>, revealedId: string): HTMLElement {
  const shown = displayLevel(level);
  const labelOf = (id: string) => shown.hypotheses.find((h) => h.id === id)?.label ?? id;
  const total = level.hypotheses.reduce((sum, h) => sum + (own(vote, h.id) ?? 0), 0);
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 100));
  const top = Math.max(0, ...level.hypotheses.map((h) => own(vote, h.id) ?? 0));
  // A narrow viewBox: the chart fills the panel and its text scales up to read from the back of a room.
  const rowH = 62;
  const width = 400;
  const barX = 4;
  const barMax = 250;
  const patternId = uid('revealed-hatch');
  const items = level.hypotheses.map((h) => {
    const count = own(vote, h.id) ?? 0;
    const params = { label: labelOf(h.id), count, share: share(count) };
    return h.id === revealedId ? t('app.presenter.prediction.itemRevealed', params) : t('app.presenter.prediction.item', params);
  });
  const chart = svg(
    'svg',
    { class: 'vote-chart', viewBox: `0 0 ${width} ${rowH * level.hypotheses.length + 8}`, role: 'img', 'aria-labelledby': `${patternId}-title` },
    svg('title', { id: `${patternId}-title` }, t('app.presenter.prediction.title', { items: items.join('; ') })),
    hatchDefs(patternId, 10, 4, { class: 'vote-hatch-bg' }, { class: 'vote-hatch-line' }),
    ...level.hypotheses.flatMap((h, i) => {
      const n = own(vote, h.id) ?? 0;
      const y = 4 + i * rowH;
      const w = top === 0 ? 0 : Math.max(n > 0 ? 6 : 0, (n / top) * barMax);
      const isRevealed = h.id === revealedId;
      return [
        svg('text', { x: barX, y: y + 18, class: 'vote-label' }, t(isRevealed ? 'app.presenter.prediction.labelRevealed' : 'app.presenter.prediction.label', { label: labelOf(h.id) })),
        svg('rect', { x: barX, y: y + 26, width: barMax, height: 28, class: 'vote-track' }),
        svg('rect', { x: barX, y: y + 26, width: w, height: 28, class: isRevealed ? 'vote-bar revealed' : 'vote-bar', fill: isRevealed ? `url(#${patternId})` : null }),
        svg('text', { x: barX + barMax + 10, y: y + 48, class: 'vote-value' }, t('app.presenter.prediction.value', { count: n, share: share(n) })),
      ];
    }),
  );
  const favourite = level.hypotheses.filter((h) => total > 0 && (own(vote, h.id) ?? 0) === top);
  const favourites = formatList(
    favourite.map((h) => t('app.presenter.prediction.quoted', { label: labelOf(h.id) })),
    'or',
  );
  const revealed = level.hypotheses.find((h) => h.id === revealedId);
  const verdictLine =
    total === 0
      ? t('app.presenter.prediction.none')
      : favourite.some((h) => h.id === revealedId)
        ? t('app.presenter.prediction.right', { share: share(top), label: labelOf(revealedId) })
        : revealed
          ? t('app.presenter.prediction.wrong', { favourites, label: labelOf(revealedId), share: share(vote[revealedId] ?? 0) })
          : t('app.presenter.prediction.unexplained', { favourites });
  return el(
    'section',
    { class: 'class-prediction', id: 'class-prediction', 'aria-labelledby': `${patternId}-heading` },
    el('h2', { class: 'sub', id: `${patternId}-heading` }, t('app.presenter.prediction.heading', { count: total })),
    chart,
    el('p', { class: 'vote-summary' }, verdictLine),
  );
}
