/**
 * The lesson guide: one printable page per level for the teacher — what to
 * ask, what to expect, the common wrong answer and why it is tempting. The
 * text is data (lessonGuide.ts); print CSS hides everything but the page.
 */
import type { App } from '../app';
import { el, uid } from '../dom';
import { lessonGuide } from '../lessonGuide';
import { presenterFold } from '../presenter';
import { lessonOutline } from '../../core/index';
import { displayLevel } from '../levelText';
import { t, tParts } from '../../i18n/index';

export function renderGuide(app: App, panel: HTMLElement): void {
  const entries = app.levels;
  const route = app.route.value;
  const chosenLevel = route.screen === 'guide' ? route.level : null;
  const current = entries.find((e) => e.level.id === chosenLevel) ?? entries[0];
  if (!current) {
    panel.append(el('h1', {}, t('guide.heading')), el('p', {}, t('guide.noLevels')));
    return;
  }
  // The level's words in the reader's language (the guide shows text only).
  const level = displayLevel(current.level);
  const index = entries.indexOf(current);
  const guide = lessonGuide(level.id);
  const pickerId = uid('guide-level');
  const picker = el(
    'select',
    {
      id: pickerId,
      onchange: () => app.openGuide(picker.value),
    },
    ...entries.map((e, i) => el('option', { value: e.level.id, selected: e === current }, t('guide.option', { number: i + 1, title: displayLevel(e.level).title }))),
  );
  const section = (title: string, ...body: (Node | string | null)[]) => el('section', { class: 'guide-section' }, el('h2', { class: 'sub' }, title), ...body);
  // Read after the lesson or shown on the vote itself: on a wall they open on demand (printing opens them: presenter.ts).
  const later = (title: string, ...body: (Node | string | null)[]) => presenterFold({ class: 'guide-section', heading: el('h2', { class: 'sub' }, title) }, ...body);

  panel.append(
    el(
      'div',
      { class: 'guide-controls no-print' },
      el('div', { class: 'field inline' }, el('label', { for: pickerId }, t('guide.level')), picker),
      el(
        'div',
        { class: 'button-row' },
        el('button', { type: 'button', class: 'primary', id: 'print-guide', onclick: () => window.print() }, t('guide.print')),
        el('button', { type: 'button', id: 'guide-board', onclick: () => app.openBoard() }, t('guide.board')),
        el('button', { type: 'button', onclick: () => app.leaveClassroom() }, t('guide.back')),
      ),
    ),
    el(
      'article',
      { class: 'guide-page', id: 'guide-page' },
      el('p', { class: 'breadcrumb' }, guide ? t('guide.breadcrumb.minutes', { number: index + 1, minutes: guide.minutes }) : t('guide.breadcrumb', { number: index + 1 })),
      el('h1', {}, level.title),
      guide ? el('p', { class: 'big-idea' }, el('strong', {}, t('guide.idea')), guide.bigIdea) : null,
      el('p', {}, el('strong', {}, t('guide.briefing')), level.briefing),
      el('p', {}, el('strong', {}, t('guide.objective')), level.intendedObjective),
      ...(guide
        ? [
            section(t('guide.ask'), el('ol', {}, ...guide.ask.map((q) => el('li', {}, q)))),
            section(t('guide.expect'), el('ul', {}, ...guide.expect.map((x) => el('li', {}, x)))),
            section(t('guide.wrongAnswer'), el('p', { class: 'wrong-answer' }, guide.commonWrongAnswer), el('h3', {}, t('guide.tempting')), el('p', {}, guide.whyTempting)),
          ]
        : [el('p', { class: 'hint' }, t('guide.unwritten'))]),
      later(
        t('guide.vote'),
        el(
          'ul',
          {},
          ...level.hypotheses.map((h) => el('li', {}, ...tParts(h.intended ? 'guide.vote.item.intended' : 'guide.vote.item', { label: el('strong', {}, h.label), description: h.description }))),
        ),
      ),
      later(t('guide.afterReveal'), ...lessonOutline(level).map((sentence) => el('p', {}, sentence)), guide ? el('p', {}, el('strong', {}, t('guide.then')), guide.afterReveal) : null),
    ),
  );
}
