/**
 * The lesson guide: one printable page per level for the teacher — what to
 * ask, what to expect, the common wrong answer and why it is tempting. The
 * text is data (lessonGuide.ts); print CSS hides everything but the page.
 */
import type { App } from '../app';
import { el, uid } from '../dom';
import { lessonGuide } from '../lessonGuide';
import { lessonOutline } from '../../core/index';
import { displayLevel } from '../levelText';

export function renderGuide(app: App, panel: HTMLElement): void {
  const entries = app.levels;
  const route = app.route.value;
  const chosenLevel = route.screen === 'guide' ? route.level : null;
  const current = entries.find((e) => e.level.id === chosenLevel) ?? entries[0];
  if (!current) {
    panel.append(el('h1', {}, 'Lesson guide'), el('p', {}, 'No levels are loaded.'));
    return;
  }
  const { level } = current;
  const index = entries.indexOf(current);
  const guide = lessonGuide(level.id);
  const pickerId = uid('guide-level');
  const picker = el(
    'select',
    {
      id: pickerId,
      onchange: () => app.openGuide(picker.value),
    },
    ...entries.map((e, i) => el('option', { value: e.level.id, selected: e === current }, `${i + 1}. ${e.level.title}`)),
  );
  const section = (title: string, ...body: (Node | string | null)[]) => el('section', { class: 'guide-section' }, el('h2', { class: 'sub' }, title), ...body);

  panel.append(
    el(
      'div',
      { class: 'guide-controls no-print' },
      el('div', { class: 'field inline' }, el('label', { for: pickerId }, 'Level'), picker),
      el(
        'div',
        { class: 'button-row' },
        el('button', { type: 'button', class: 'primary', id: 'print-guide', onclick: () => window.print() }, 'Print this page'),
        el('button', { type: 'button', id: 'guide-board', onclick: () => app.openBoard() }, 'Class board'),
        el('button', { type: 'button', onclick: () => app.leaveClassroom() }, '← Back'),
      ),
    ),
    el(
      'article',
      { class: 'guide-page', id: 'guide-page' },
      el('p', { class: 'breadcrumb' }, `Lesson guide · Level ${index + 1}${guide ? ` · about ${guide.minutes} minutes` : ''}`),
      el('h1', {}, level.title),
      guide ? el('p', { class: 'big-idea' }, el('strong', {}, 'The idea: '), guide.bigIdea) : null,
      el('p', {}, el('strong', {}, 'Briefing the class sees: '), level.briefing),
      el('p', {}, el('strong', {}, 'Intended objective: '), level.intendedObjective),
      ...(guide
        ? [
            section('What to ask the class', el('ol', {}, ...guide.ask.map((q) => el('li', {}, q)))),
            section('What to expect', el('ul', {}, ...guide.expect.map((x) => el('li', {}, x)))),
            section('The common wrong answer', el('p', { class: 'wrong-answer' }, guide.commonWrongAnswer), el('h3', {}, 'Why it is tempting'), el('p', {}, guide.whyTempting)),
          ]
        : [el('p', { class: 'hint' }, 'This level has no written guide yet; the notes below come from the level itself.')]),
      section('The answers on the vote', el('ul', {}, ...level.hypotheses.map((h) => el('li', {}, el('strong', {}, h.label), h.intended ? ' (what you want)' : '', ` — ${h.description}`)))),
      section('After the reveal', ...lessonOutline(displayLevel(level)).map((sentence) => el('p', {}, sentence)), guide ? el('p', {}, el('strong', {}, 'Then: '), guide.afterReveal) : null),
    ),
  );
}
