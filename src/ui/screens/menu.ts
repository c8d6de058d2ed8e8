/** Title, level select and briefing: getting the player into a level. */
import { generateWorld, knobValues, Rng } from '../../core/index';
import { anatomyPanel } from '../anatomy';
import type { App } from '../app';
import { el } from '../dom';
import { describeWorld } from '../describe';
import { icon } from '../icons';
import { arrowKeysThrough } from '../gridKeys';
import { presenterButtons } from '../presenter';
import { firstRunPending } from '../../session/index';
import { firstRunButton } from './firstRun';
import { guideButton } from '../coach';
import { displayLevel } from '../levelText';
import { documentLanguage, t } from '../../i18n/index';

export function renderTitle(app: App, panel: HTMLElement): void {
  const played = Object.values(app.save.progress).filter((p) => p.completed).length;
  // Continuing opens the first open level not yet played; with none left (or none played yet), the level list.
  const next = played > 0 ? app.levels.find((entry, index) => app.isUnlocked(index) && !app.save.progress[entry.level.id]?.completed) : undefined;
  panel.append(
    el(
      'div',
      { class: 'title-screen' },
      el('h1', { class: 'game-title', translate: 'no' }, 'Mesa'),
      el('p', { class: 'tagline' }, t('menu.title.tagline')),
      el('p', { class: 'lead' }, t('menu.title.lead')),
      el(
        'div',
        { class: 'button-row' },
        el(
          'button',
          { type: 'button', class: 'primary big', id: 'play', onclick: () => (app.sounds.play('click'), next ? app.startLevel(next) : app.go('levels')) },
          played > 0 ? t('menu.title.continue') : t('menu.title.play'),
        ),
        el('button', { type: 'button', class: 'big', id: 'open-editor', onclick: () => (app.sounds.play('click'), app.go('editor')) }, t('menu.title.editor')),
        // For teachers: collect result codes, and the printable lesson guide.
        el('button', { type: 'button', class: 'big', id: 'class-board', onclick: () => app.openBoard() }, t('menu.title.board')),
        el('button', { type: 'button', class: 'big', id: 'lesson-guide', onclick: () => app.openGuide(null) }, t('menu.title.lessonGuide')),
      ),
      el('p', { class: 'honest-note' }, t('menu.title.honest')),
    ),
  );
}

export function renderLevels(app: App, panel: HTMLElement): void {
  const list = el('ol', { class: 'level-list' });
  app.levels.forEach((entry, index) => {
    const { level } = entry;
    const title = displayLevel(level).title;
    const previous = index > 0 ? displayLevel(app.levels[index - 1]!.level).title : '';
    const progress = app.save.progress[level.id];
    const unlocked = app.isUnlocked(index);
    const stars = progress?.stars ?? 0;
    const starText = t('menu.levels.stars', { stars });
    const card = el(
      'button',
      {
        type: 'button',
        class: `level-card${unlocked ? '' : ' locked'}`,
        'data-level': level.id,
        'aria-disabled': unlocked ? null : 'true',
        'aria-describedby': `level-${level.id}-status`,
        onclick: () => {
          if (!unlocked) {
            app.announce(t('menu.levels.lockedAnnounce', { title, previous }));
            return;
          }
          app.sounds.play('click');
          app.startLevel(entry);
        },
      },
      el('span', { class: 'level-number', 'aria-hidden': 'true' }, String(index + 1)),
      el('span', { class: 'level-title' }, title),
      el(
        'span',
        { class: 'level-status', id: `level-${level.id}-status` },
        unlocked
          ? el(
              'span',
              {},
              el('span', { class: 'stars', 'aria-hidden': 'true' }, '★'.repeat(stars) + '☆'.repeat(3 - stars)),
              el('span', { class: 'sr-only' }, starText),
              progress?.completed ? t('menu.levels.played') : t('menu.levels.new'),
            )
          : el('span', {}, icon('lock'), t('menu.levels.locked', { previous })),
      ),
    );
    list.append(el('li', {}, card));
  });
  arrowKeysThrough(list, '.level-card');
  panel.append(
    el('h1', {}, t('menu.levels.heading')),
    el('p', { class: 'lead' }, t('menu.levels.lead')),
    list,
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', onclick: () => app.go('title') }, t('menu.levels.back')),
      el('button', { type: 'button', id: 'levels-editor', onclick: () => app.go('editor') }, t('menu.levels.editor')),
    ),
  );
}

export function renderBriefing(app: App, panel: HTMLElement): void {
  const { level } = app;
  // The level's words in the reader's language; the engine draws its world from the level itself.
  const shown = displayLevel(level);
  const sample = generateWorld(level, knobValues(level, 'training'), Rng.fromSeed(1));
  app.stage?.showWorld(sample, 'lab');
  const { lang } = documentLanguage();
  panel.append(
    el('p', { class: 'breadcrumb' }, app.attempt?.shared ? t('menu.briefing.breadcrumbShared') : t('menu.briefing.breadcrumb', { number: app.levels.findIndex((l) => l.level.id === level.id) + 1 })),
    el('h1', {}, shown.title),
    el('p', { class: 'lead' }, shown.briefing),
    el('div', { class: 'objective' }, el('strong', {}, t('menu.briefing.intended')), shown.intendedObjective),
    anatomyPanel(level, true),
    el('p', { class: 'world-caption' }, t('menu.briefing.worldCaption'), el('span', { class: 'sr-only' }, describeWorld(sample, 'lab'))),
    ...shown.rounds.map((round, i) =>
      el(
        'div',
        { class: 'round' },
        el('h2', { class: 'sub' }, round.title),
        el('p', {}, round.briefing),
        el(
          'button',
          { type: 'button', class: i === 0 ? 'primary' : '', 'data-round': i, onclick: () => (app.sounds.play('click'), app.startRound(i)) },
          t('menu.briefing.playRound', { round: round.title.toLocaleLowerCase(lang) }),
        ),
      ),
    ),
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', onclick: () => app.go('levels') }, t('menu.briefing.back')),
      guideButton(app),
      firstRunButton(app),
      ...(level.rounds.length === 0 && !firstRunPending(app.attempt!)
        ? [el('button', { type: 'button', class: 'primary', id: 'to-train', onclick: () => (app.sounds.play('click'), app.go('train')) }, t('menu.briefing.toTrain'))]
        : []),
      ...presenterButtons(app),
    ),
  );
}
