/**
 * The class board, for a teacher: paste or import the students' result
 * codes; see a table and a chart of verdicts per level; export CSV. Nothing
 * leaves the browser: codes are decoded here and kept in localStorage.
 */
import { RESULT_CODE_CAVEAT } from '../../core/index';
import type { App, Screen } from '../app';
import { boardCsv, loadBoardCodes, readBoard, saveBoardCodes, splitCodes, tallyByLevel, type LevelTally } from '../classBoard';
import { el, svg, uid } from '../dom';
import { openGuide } from './guide';

let returnTo: Screen = 'title';

/** Opens the board, remembering where to go back to. */
export function openBoard(app: App): void {
  if (app.screen !== 'board' && app.screen !== 'guide') returnTo = app.screen;
  app.go('board');
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function renderBoard(app: App, panel: HTMLElement): void {
  const levels = app.levels.map((l) => l.level);
  let codes = loadBoardCodes(storage());
  const pasteId = uid('paste');
  const fileId = uid('import');
  const paste = el('textarea', { id: pasteId, rows: 5, spellcheck: 'false', autocomplete: 'off', class: 'code-input', 'aria-describedby': `${pasteId}-hint` });
  const file = el('input', { type: 'file', id: fileId, accept: '.txt,.csv,text/plain,text/csv' });
  const status = el('p', { class: 'board-status', role: 'status' });
  const problemsHost = el('div', { class: 'board-problems' });
  const results = el('div', { class: 'board-results' });

  const add = (text: string, source: string) => {
    const incoming = splitCodes(text);
    if (!incoming.length) {
      status.textContent = `No codes found in ${source}.`;
      return;
    }
    const before = new Set(codes);
    const fresh = new Set(incoming.filter((c) => !before.has(c)));
    codes = [...codes, ...incoming];
    if (!saveBoardCodes(storage(), [...new Set(codes)])) app.notice('The board could not be stored in this browser; it will be lost on reload. Export CSV to keep it.', 'warning');
    draw();
    // Say what this paste added, readable or not: the count must never outlive the codes it describes.
    const added = readBoard([...fresh], levels);
    const unreadable = added.problems.length;
    status.textContent =
      `${incoming.length} ${incoming.length === 1 ? 'code' : 'codes'} found in ${source}: ` +
      `${added.entries.length} new ${added.entries.length === 1 ? 'result' : 'results'}` +
      `${unreadable ? `, ${unreadable} could not be read (listed below)` : ''}` +
      `${incoming.length - fresh.size ? `, ${incoming.length - fresh.size} already on the board or repeated` : ''}.`;
    app.announce(status.textContent);
  };

  const draw = () => {
    const board = readBoard(codes, levels);
    problemsHost.replaceChildren(
      ...(board.problems.length
        ? [
            el('h2', { class: 'sub' }, `Codes that could not be read (${board.problems.length})`),
            el('ul', { class: 'code-problems', id: 'board-problems' }, ...board.problems.map((p) => el('li', {}, el('span', { class: 'mark-text' }, '✗ '), el('code', {}, p.code), ` — ${p.message}`))),
          ]
        : []),
    );
    if (!board.entries.length) {
      results.replaceChildren(el('p', { class: 'hint' }, 'No results yet. Paste the codes your students copied from their score screens.'));
      return;
    }
    const tallies = tallyByLevel(board.entries, levels);
    const table = el(
      'table',
      { class: 'data-table board-table', id: 'board-table' },
      el('caption', {}, `${board.entries.length} distinct ${board.entries.length === 1 ? 'result' : 'results'}${board.duplicates ? ` (${board.duplicates} duplicate ${board.duplicates === 1 ? 'code' : 'codes'} ignored)` : ''}`),
      el('thead', {}, el('tr', {}, ...['Level', 'Decision', 'Named objective', 'Stars', 'Points', 'Date'].map((h) => el('th', { scope: 'col' }, h)))),
      el(
        'tbody',
        {},
        ...board.entries.map((e) =>
          el(
            'tr',
            { 'data-level': e.report.level },
            el('td', {}, e.levelTitle ?? e.report.level, e.sameVersion ? '' : el('span', { class: 'hint' }, ' (another version of the level)')),
            el('td', {}, e.report.decision === 'deploy' ? 'Deploy' : 'Hold'),
            el('td', {}, e.hypothesisLabel),
            el('td', {}, el('span', { 'aria-hidden': 'true' }, '★'.repeat(e.report.stars) + '☆'.repeat(3 - e.report.stars)), el('span', { class: 'sr-only' }, `${e.report.stars} of 3 stars`)),
            el('td', {}, e.report.points),
            el('td', {}, e.report.date),
          ),
        ),
      ),
    );
    results.replaceChildren(
      el('h2', { class: 'sub' }, 'Verdicts per level'),
      verdictChart(tallies),
      el(
        'ul',
        { class: 'named-summary' },
        ...tallies.map((t) => el('li', {}, el('strong', {}, `${t.title}: `), Object.entries(t.named).map(([label, n]) => `${label} ${n}`).join(' · '), ` · mean ${t.meanStars.toFixed(1)} stars`)),
      ),
      el('h2', { class: 'sub' }, 'Results'),
      table,
    );
  };

  const exportCsv = () => {
    const board = readBoard(codes, levels);
    const blob = new Blob([boardCsv(board.entries)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: `mesa-class-board-${new Date().toISOString().slice(0, 10)}.csv`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    app.announce(`Exported ${board.entries.length} results as CSV.`);
  };

  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    chosen.text().then(
      (text) => add(text, `the file “${chosen.name}”`),
      () => (status.textContent = `The file “${chosen.name}” could not be read.`),
    );
    file.value = '';
  });

  panel.append(
    el('p', { class: 'breadcrumb' }, 'Classroom'),
    el('h1', {}, 'Class board'),
    el('p', { class: 'lead' }, 'Collect your students’ result codes: see which verdict each class reached on each level. Everything stays in this browser: nothing is sent anywhere.'),
    el('p', { class: 'caveat', id: 'result-caveat' }, el('strong', {}, 'Note: '), RESULT_CODE_CAVEAT),
    el(
      'div',
      { class: 'board-input' },
      el('label', { for: pasteId }, 'Result codes'),
      el('p', { class: 'hint', id: `${pasteId}-hint` }, 'One per line, or separated by spaces.'),
      paste,
      el(
        'div',
        { class: 'button-row' },
        el('button', { type: 'button', class: 'primary', id: 'add-codes', onclick: () => (add(paste.value, 'the pasted text'), (paste.value = '')) }, 'Add codes'),
        el('label', { for: fileId, class: 'file-label' }, 'Import a file of codes: '),
        file,
      ),
    ),
    status,
    problemsHost,
    results,
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', id: 'export-csv', onclick: exportCsv }, 'Export CSV'),
      el(
        'button',
        {
          type: 'button',
          id: 'clear-board',
          onclick: () => {
            if (typeof confirm === 'function' && !confirm('Remove every code from the board? Export CSV first to keep them.')) return;
            codes = [];
            saveBoardCodes(storage(), codes);
            draw();
            status.textContent = 'The board is empty.';
          },
        },
        'Clear the board',
      ),
      el('button', { type: 'button', id: 'board-guide', onclick: () => openGuide(app, app.attempt?.entry.level.id ?? null) }, 'Lesson guide'),
      el('button', { type: 'button', onclick: () => app.go(returnTo) }, '← Back'),
    ),
  );
  draw();
}

/**
 * Deploy and hold counts per level as horizontal bars: deploy solid, hold
 * hatched, each segment labelled with its word and count (never colour alone).
 */
function verdictChart(tallies: readonly LevelTally[]): SVGSVGElement {
  const rowH = 58;
  const labelW = 240;
  const barW = 380;
  const width = labelW + barW + 30;
  const height = rowH * tallies.length + 40;
  const max = Math.max(1, ...tallies.map((t) => t.deploy + t.hold));
  const hatch = uid('hold-hatch');
  const title = uid('verdict-chart');
  return svg(
    'svg',
    { class: 'chart board-chart', id: 'board-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': title },
    svg('title', { id: title }, `Verdicts per level: ${tallies.map((t) => `${t.title}, deploy ${t.deploy}, hold ${t.hold}`).join('; ')}.`),
    svg('defs', {}, svg('pattern', { id: hatch, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, svg('rect', { width: 8, height: 8, class: 'hold-bg' }), svg('rect', { width: 3, height: 8, class: 'hold-line' }))),
    svg('rect', { x: labelW, y: 4, width: 16, height: 16, class: 'deploy-bar' }),
    svg('text', { x: labelW + 22, y: 18, class: 'chart-tick' }, 'Deploy'),
    svg('rect', { x: labelW + 110, y: 4, width: 16, height: 16, fill: `url(#${hatch})`, class: 'hold-bar' }),
    svg('text', { x: labelW + 132, y: 18, class: 'chart-tick' }, 'Hold'),
    ...tallies.flatMap((t, i) => {
      const y = 34 + i * rowH;
      const dw = (t.deploy / max) * barW;
      const hw = (t.hold / max) * barW;
      return [
        svg('text', { x: 4, y: y + 26, class: 'chart-label' }, t.title.length > 24 ? `${t.title.slice(0, 23)}…` : t.title),
        svg('rect', { x: labelW, y: y + 6, width: dw, height: 30, class: 'deploy-bar' }),
        svg('rect', { x: labelW + dw, y: y + 6, width: hw, height: 30, fill: `url(#${hatch})`, class: 'hold-bar' }),
        svg('text', { x: labelW, y: y + 52, class: 'chart-value' }, `Deploy ${t.deploy} · Hold ${t.hold}`),
      ];
    }),
  );
}
