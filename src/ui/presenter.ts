/**
 * Presenter mode, for a teacher at a projector: large type and controls,
 * playback controls (pause, step, slow motion) beside the stage on every
 * screen that animates, the class's vote before deployment and the class's
 * prediction beside the revealed objective, and the high-contrast theme.
 *
 * It reads the URL flags once at boot, adds its header toggles, and never
 * scores or decides anything: the vote is shown, not judged.
 */
import './classroom.css';
import type { Level } from '../core/index';
import type { App, Screen } from './app';
import { el, svg, uid } from './dom';
import { showPaused, togglePause } from './playback';
import { parseFlags, setHiddenControls, type ClassroomFlags } from './flags';
import { openBoard } from './screens/board';
import { openGuide } from './screens/guide';

/** Screens that play films on the stage: their playback bar is always shown in presenter mode. */
const PLAYBACK_SCREENS: readonly Screen[] = ['briefing', 'train', 'inspect', 'verdict', 'deploy', 'score'];
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4];

export function isPresenter(app: App): boolean {
  return app.save.settings.presenter;
}

/** Applies the presenter and contrast settings to the page (classes on the root element). */
export function applyClassroomSettings(app: App): void {
  const root = document.documentElement;
  root.classList.toggle('presenter', app.save.settings.presenter);
  root.classList.toggle('high-contrast', app.save.settings.contrast === 'high');
}

/**
 * Reads the URL flags, applies them, and adds the presenter's header toggles
 * and the playback bar. Returns the flags so the boot can open a level.
 */
export function installClassroom(app: App, location: { search: string; hash: string } = window.location): ClassroomFlags {
  const flags = parseFlags(location.search, location.hash);
  setHiddenControls(flags.hide);
  let changed = false;
  if (flags.presenter !== null && flags.presenter !== app.save.settings.presenter) ((app.save.settings.presenter = flags.presenter), (changed = true));
  if (flags.contrast !== null && flags.contrast !== app.save.settings.contrast) ((app.save.settings.contrast = flags.contrast), (changed = true));
  if (changed) app.persist();
  if (flags.reducedMotion !== null && flags.reducedMotion !== app.save.settings.reducedMotion) app.setReducedMotion(flags.reducedMotion);
  if (flags.ignored.length) app.notice(`Some options in the link were not understood and were ignored: ${flags.ignored.join(', ')}.`, 'warning');
  if (flags.hide.has('glossary')) document.getElementById('glossary-button')?.setAttribute('hidden', '');

  const actions = document.querySelector('.topbar-actions');
  const presenterButton = el('button', { type: 'button', id: 'presenter-toggle', 'aria-pressed': 'false' }, 'Presenter mode');
  const contrastButton = el('button', { type: 'button', id: 'contrast-toggle', 'aria-pressed': 'false' }, 'High contrast');
  const sync = () => {
    presenterButton.setAttribute('aria-pressed', String(app.save.settings.presenter));
    contrastButton.setAttribute('aria-pressed', String(app.save.settings.contrast === 'high'));
    applyClassroomSettings(app);
  };
  presenterButton.addEventListener('click', () => {
    app.save.settings.presenter = !app.save.settings.presenter;
    app.persist();
    sync();
    app.announce(app.save.settings.presenter ? 'Presenter mode on: large type, playback controls and the class vote.' : 'Presenter mode off.');
    // Screens add presenter-only parts when they render: redraw the ones that hold no work in progress.
    if (['title', 'levels', 'briefing', 'verdict', 'board', 'guide'].includes(app.screen)) app.go(app.screen);
  });
  contrastButton.addEventListener('click', () => {
    app.save.settings.contrast = app.save.settings.contrast === 'high' ? 'normal' : 'high';
    app.persist();
    sync();
    app.announce(app.save.settings.contrast === 'high' ? 'High contrast on.' : 'High contrast off.');
  });
  actions?.prepend(presenterButton, contrastButton);
  sync();

  installPlaybackBar(app, flags.speed);
  return flags;
}

/** Opens what the link asks for: a level's briefing, the class board or the lesson guide. */
export function startFromFlags(app: App, flags: ClassroomFlags): void {
  if (flags.screen === 'board') return openBoard(app);
  if (flags.screen === 'guide') return openGuide(app, flags.level);
  if (flags.level === null) return;
  const entry = app.levels.find((l) => l.level.id === flags.level);
  if (!entry) return app.notice(`The link asks for a level called “${flags.level}”, which this version of Mesa does not have.`, 'warning');
  const index = app.levels.indexOf(entry);
  if (!app.isUnlocked(index)) return app.notice(`${entry.level.title} is locked. Turn on presenter mode to open any level.`, 'warning');
  app.startLevel(entry);
}

/**
 * Pause, step, slow motion and speed under the stage. Shown in presenter mode
 * on every screen with a stage, so a teacher can stop any animation to talk.
 */
function installPlaybackBar(app: App, initialSpeed: number | null): void {
  const wrap = document.querySelector('.stage-wrap');
  if (!wrap) return;
  const speedId = uid('presenter-speed');
  const pause = el('button', { type: 'button', id: 'presenter-pause', 'aria-pressed': 'false' }, 'Pause');
  const step = el('button', { type: 'button', id: 'presenter-step' }, 'Step');
  const slow = el('button', { type: 'button', id: 'presenter-slow', 'aria-pressed': 'false' }, 'Slow motion');
  const speed = el('select', { id: speedId }, ...SPEEDS.map((v) => el('option', { value: v, selected: v === (initialSpeed ?? 1) }, `${v}×`)));
  const bar = el('div', { class: 'presenter-playback', role: 'group', 'aria-label': 'Playback of the world' }, pause, step, slow, el('label', { for: speedId }, 'Speed'), speed);
  const refresh = () => {
    showPaused(pause, app.stage?.paused ?? false);
    slow.setAttribute('aria-pressed', String(Number(speed.value) < 1));
  };
  const setSpeed = (v: number) => {
    speed.value = String(v);
    app.stage?.setSpeed(v);
    refresh();
  };
  pause.addEventListener('click', () => {
    const paused = togglePause(app);
    if (paused === null) return;
    refresh();
    app.announce(paused ? 'Paused.' : 'Playing.');
  });
  step.addEventListener('click', () => {
    if (!app.stage) return;
    // Stepping only makes sense while paused: pause first, then advance one move.
    if (!app.stage.paused) app.stage.pause();
    app.stage.stepOnce();
    refresh();
  });
  slow.addEventListener('click', () => setSpeed(Number(speed.value) < 1 ? 1 : 0.25));
  speed.addEventListener('change', () => setSpeed(Number(speed.value)));
  wrap.append(bar);

  // Keep the bar honest when a screen's own pause button or a new film changes the state.
  const observer = new MutationObserver(() => {
    bar.hidden = !PLAYBACK_SCREENS.includes(app.screen);
    refresh();
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['data-screen'] });
  wrap.addEventListener('click', refresh);
  document.getElementById('panel')?.addEventListener('click', () => requestAnimationFrame(refresh));
  // The stage arrives after boot: give it the link's speed once it exists.
  if (initialSpeed !== null) {
    const wait = setInterval(() => {
      if (!app.stage) return;
      clearInterval(wait);
      app.stage.setSpeed(initialSpeed);
    }, 200);
  }
}

/** The buttons presenter mode adds to the briefing: the lesson guide and the class board. */
export function presenterButtons(app: App): HTMLElement[] {
  if (!isPresenter(app)) return [];
  return [
    el('button', { type: 'button', id: 'open-guide', onclick: () => openGuide(app, app.attempt?.entry.level.id ?? null) }, 'Lesson guide'),
    el('button', { type: 'button', id: 'open-board', onclick: () => openBoard(app) }, 'Class board'),
  ];
}

export interface ClassVoteForm {
  readonly element: HTMLElement;
  /** The counts per hypothesis id, or an error message to show. */
  read(): { ok: true; vote: Record<string, number> } | { ok: false; message: string };
}

/** "Class vote": a count of hands for each hypothesis, entered by the presenter before deployment. */
export function classVoteForm(level: Level, previous: Record<string, number> | null): ClassVoteForm {
  const inputs = level.hypotheses.map((h) => {
    const id = uid(`vote-${h.id}`);
    const input = el('input', { type: 'number', id, name: `vote-${h.id}`, min: 0, max: 999, step: 1, inputmode: 'numeric', value: previous?.[h.id] ?? 0, 'data-hypothesis': h.id });
    return { hypothesis: h, input, row: el('div', { class: 'vote-row' }, el('label', { for: id }, `Hands for “${h.label}”`), input) };
  });
  const element = el(
    'fieldset',
    { class: 'class-vote', id: 'class-vote' },
    el('legend', {}, 'Class vote'),
    el('p', { class: 'hint' }, 'Ask the class what the agent really pursues. Count the hands for each answer; deployment will show the class’s prediction beside the truth.'),
    ...inputs.map((i) => i.row),
  );
  return {
    element,
    read() {
      const vote: Record<string, number> = {};
      for (const { hypothesis, input } of inputs) {
        const text = input.value.trim();
        const n = text === '' ? 0 : Number(text);
        if (!Number.isInteger(n) || n < 0 || n > 999) return { ok: false, message: `The count of hands for “${hypothesis.label}” must be a whole number from 0 to 999.` };
        vote[hypothesis.id] = n;
      }
      return { ok: true, vote };
    },
  };
}

/**
 * The class's prediction beside the revealed objective: one bar per
 * hypothesis with its count and share in words, the revealed one marked with
 * a tick, the word "revealed" and a hatched bar (never colour alone).
 */
export function classPrediction(level: Level, vote: Readonly<Record<string, number>>, revealedId: string): HTMLElement {
  const total = level.hypotheses.reduce((sum, h) => sum + (vote[h.id] ?? 0), 0);
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 100));
  const top = Math.max(0, ...level.hypotheses.map((h) => vote[h.id] ?? 0));
  // A narrow viewBox: the chart fills the panel and its text scales up to read from the back of a room.
  const rowH = 62;
  const width = 400;
  const barX = 4;
  const barMax = 250;
  const patternId = uid('revealed-hatch');
  const chart = svg(
    'svg',
    { class: 'vote-chart', viewBox: `0 0 ${width} ${rowH * level.hypotheses.length + 8}`, role: 'img', 'aria-labelledby': `${patternId}-title` },
    svg('title', { id: `${patternId}-title` }, `Class prediction: ${level.hypotheses.map((h) => `${h.label} ${vote[h.id] ?? 0} (${share(vote[h.id] ?? 0)}%)${h.id === revealedId ? ', the revealed objective' : ''}`).join('; ')}.`),
    svg('defs', {}, svg('pattern', { id: patternId, width: 10, height: 10, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, svg('rect', { width: 10, height: 10, class: 'vote-hatch-bg' }), svg('rect', { width: 4, height: 10, class: 'vote-hatch-line' }))),
    ...level.hypotheses.flatMap((h, i) => {
      const n = vote[h.id] ?? 0;
      const y = 4 + i * rowH;
      const w = top === 0 ? 0 : Math.max(n > 0 ? 6 : 0, (n / top) * barMax);
      const isRevealed = h.id === revealedId;
      return [
        svg('text', { x: barX, y: y + 18, class: 'vote-label' }, `${isRevealed ? '✓ ' : ''}${h.label}${isRevealed ? ' — revealed' : ''}`),
        svg('rect', { x: barX, y: y + 26, width: barMax, height: 28, class: 'vote-track' }),
        svg('rect', { x: barX, y: y + 26, width: w, height: 28, class: isRevealed ? 'vote-bar revealed' : 'vote-bar', fill: isRevealed ? `url(#${patternId})` : null }),
        svg('text', { x: barX + barMax + 10, y: y + 48, class: 'vote-value' }, `${n} · ${share(n)}%`),
      ];
    }),
  );
  const favourite = level.hypotheses.filter((h) => total > 0 && (vote[h.id] ?? 0) === top);
  const revealed = level.hypotheses.find((h) => h.id === revealedId);
  const verdictLine =
    total === 0
      ? 'No hands were counted.'
      : favourite.some((h) => h.id === revealedId)
        ? `Most of the class (${share(top)}%) predicted “${revealed?.label}”, and that is what the agent learned.`
        : revealed
          ? `Most of the class predicted “${favourite.map((h) => h.label).join('” / “')}”; the agent had learned “${revealed.label}”. ${share(vote[revealedId] ?? 0)}% of hands were right.`
          : `Most of the class predicted “${favourite.map((h) => h.label).join('” / “')}”; none of the candidates explains what the agent learned.`;
  return el(
    'section',
    { class: 'class-prediction', id: 'class-prediction', 'aria-labelledby': `${patternId}-heading` },
    el('h2', { class: 'sub', id: `${patternId}-heading` }, `The class’s prediction (${total} ${total === 1 ? 'hand' : 'hands'})`),
    chart,
    el('p', { class: 'vote-summary' }, verdictLine),
  );
}
