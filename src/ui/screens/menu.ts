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

export function renderTitle(app: App, panel: HTMLElement): void {
  const played = Object.values(app.save.progress).filter((p) => p.completed).length;
  // Continuing opens the first open level not yet played; with none left (or none played yet), the level list.
  const next = played > 0 ? app.levels.find((entry, index) => app.isUnlocked(index) && !app.save.progress[entry.level.id]?.completed) : undefined;
  panel.append(
    el(
      'div',
      { class: 'title-screen' },
      el('h1', { class: 'game-title' }, 'Mesa'),
      el('p', { class: 'tagline' }, 'Train an agent. Find out what it really wants — before you let it loose.'),
      el(
        'p',
        { class: 'lead' },
        'You are the base optimizer: you write the reward, and training shapes a small agent to earn it. The agent is a tiny planner with a goal of its own. It will pass training. Your job is to find out what that goal is before deployment.',
      ),
      el(
        'div',
        { class: 'button-row' },
        el(
          'button',
          { type: 'button', class: 'primary big', id: 'play', onclick: () => (app.sounds.play('click'), next ? app.startLevel(next) : app.go('levels')) },
          played > 0 ? 'Continue the campaign' : 'Play the campaign',
        ),
        el('button', { type: 'button', class: 'big', id: 'open-editor', onclick: () => (app.sounds.play('click'), app.go('editor')) }, 'Level editor'),
        // For teachers: collect result codes, and the printable lesson guide.
        el('button', { type: 'button', class: 'big', id: 'class-board', onclick: () => app.openBoard() }, 'Class board'),
        el('button', { type: 'button', class: 'big', id: 'lesson-guide', onclick: () => app.openGuide(null) }, 'Lesson guide'),
      ),
      el(
        'p',
        { class: 'honest-note' },
        'Honest about what is simplified: each agent here is a planner with a handful of weights, not a neural network — but the failures you will see are the same kind, and nothing in them is scripted.',
      ),
    ),
  );
}

export function renderLevels(app: App, panel: HTMLElement): void {
  const list = el('ol', { class: 'level-list' });
  app.levels.forEach((entry, index) => {
    const { level } = entry;
    const progress = app.save.progress[level.id];
    const unlocked = app.isUnlocked(index);
    const stars = progress?.stars ?? 0;
    const starText = `${stars} of 3 stars`;
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
            app.announce(`${level.title} is locked. Finish ${app.levels[index - 1]!.level.title} first.`);
            return;
          }
          app.sounds.play('click');
          app.startLevel(entry);
        },
      },
      el('span', { class: 'level-number', 'aria-hidden': 'true' }, String(index + 1)),
      el('span', { class: 'level-title' }, level.title),
      el(
        'span',
        { class: 'level-status', id: `level-${level.id}-status` },
        unlocked
          ? el(
              'span',
              {},
              el('span', { class: 'stars', 'aria-hidden': 'true' }, '★'.repeat(stars) + '☆'.repeat(3 - stars)),
              el('span', { class: 'sr-only' }, starText),
              progress?.completed ? ' · played' : ' · new',
            )
          : el('span', {}, icon('lock'), ` Locked — finish “${app.levels[index - 1]!.level.title}” first`),
      ),
    );
    list.append(el('li', {}, card));
  });
  arrowKeysThrough(list, '.level-card');
  panel.append(
    el('h1', {}, 'Campaign'),
    el('p', { class: 'lead' }, 'Each level trains a real agent. Earn a star for the right call, one for naming what the agent really pursues, and one for shipping an agent that is actually aligned.'),
    list,
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', onclick: () => app.go('title') }, '← Title'),
      el('button', { type: 'button', id: 'levels-editor', onclick: () => app.go('editor') }, 'Level editor'),
    ),
  );
}

export function renderBriefing(app: App, panel: HTMLElement): void {
  const { level } = app;
  const sample = generateWorld(level, knobValues(level, 'training'), Rng.fromSeed(1));
  app.stage?.showWorld(sample, 'lab');
  panel.append(
    el('p', { class: 'breadcrumb' }, app.attempt?.shared ? 'Shared level · Briefing' : `Level ${app.levels.findIndex((l) => l.level.id === level.id) + 1} · Briefing`),
    el('h1', {}, level.title),
    el('p', { class: 'lead' }, level.briefing),
    el('div', { class: 'objective' }, el('strong', {}, 'Your intended objective: '), level.intendedObjective),
    anatomyPanel(level, true),
    el('p', { class: 'world-caption' }, 'Shown: a training world. ', el('span', { class: 'sr-only' }, describeWorld(sample, 'lab'))),
    ...level.rounds.map((round, i) =>
      el(
        'div',
        { class: 'round' },
        el('h2', { class: 'sub' }, round.title),
        el('p', {}, round.briefing),
        el('button', { type: 'button', class: i === 0 ? 'primary' : '', 'data-round': i, onclick: () => (app.sounds.play('click'), app.startRound(i)) }, `Play ${round.title.toLowerCase()} →`),
      ),
    ),
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', onclick: () => app.go('levels') }, '← Levels'),
      guideButton(app),
      firstRunButton(app),
      ...(level.rounds.length === 0 && !firstRunPending(app.attempt!)
        ? [el('button', { type: 'button', class: 'primary', id: 'to-train', onclick: () => (app.sounds.play('click'), app.go('train')) }, 'Set up training →')]
        : []),
      ...presenterButtons(app),
    ),
  );
}
