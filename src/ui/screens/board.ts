/**
 * The class board, for a teacher: paste or import the students' result
 * codes; see a table and a chart of verdicts per level; export CSV. Nothing
 * leaves the browser: codes are decoded here and kept in localStorage.
 */
import { RESULT_CODE_CAVEAT } from '../../core/index';
import { tx } from '../../i18n/index';
import type { App } from '../app';
import { addToBoard, boardCsv, loadBoardCodes, MAX_BOARD_CODES, MAX_PASTE_CODES, readBoard, saveBoardCodes, tallyByLevel, type BoardProblem, type LevelTally } from '../classBoard';
import { browserStorage } from '../storage';
import { isolate } from '../bidi';
import { el, svg, uid } from '../dom';

const storage = browserStorage;

export function renderBoard(app: App, panel: HTMLElement): void {
  const levels = app.levels.map((l) => l.level);
  const stored = loadBoardCodes(storage(), Date.now());
  if (stored.problem) app.notice(stored.problem, 'warning');
  let codes: readonly string[] = stored.codes;
  /** Codes from the last paste or file that did not decode: shown, never stored. */
  let rejected: readonly BoardProblem[] = [];
  /** Duplicate codes seen in what was added this visit (never stored twice). */
  let duplicates = 0;
  const pasteId = uid('paste');
  const fileId = uid('import');
  const paste = el('textarea', { id: pasteId, rows: 5, spellcheck: 'false', autocomplete: 'off', class: 'code-input', 'aria-describedby': `${pasteId}-hint` });
  const file = el('input', { type: 'file', id: fileId, accept: '.txt,.csv,text/plain,text/csv' });
  const status = el('p', { class: 'board-status', role: 'status' });
  const problemsHost = el('div', { class: 'board-problems' });
  const results = el('div', { class: 'board-results' });

  const add = (text: string, source: string) => {
    const addition = addToBoard(codes, text, levels);
    if (addition.read === 0) {
      status.textContent = `No codes found in ${source}.`;
      return;
    }
    codes = addition.codes;
    rejected = addition.problems;
    duplicates += addition.duplicates;
    // Only codes that decode are stored; nothing already on the board is ever dropped.
    if (addition.added > 0 && (!stored.writable || !saveBoardCodes(storage(), codes)))
      app.notice('The board could not be stored in this browser; it will be lost on reload. Export CSV to keep it.', 'warning');
    if (addition.refused > 0)
      app.notice(
        `The board is full: it keeps at most ${MAX_BOARD_CODES.toLocaleString('en')} results, so ${addition.refused.toLocaleString('en')} new ${addition.refused === 1 ? 'result was' : 'results were'} not added. Export CSV and clear the board to make room.`,
        'warning',
      );
    if (addition.cut > 0)
      app.notice(`Only the first ${MAX_PASTE_CODES.toLocaleString('en')} codes of ${source} were read; ${addition.cut.toLocaleString('en')} more were left out. Add them in smaller parts.`, 'warning');
    draw();
    // Say what this paste added, readable or not: the count must never outlive the codes it describes.
    const unreadable = addition.problems.length;
    const n = (count: number) => count.toLocaleString('en');
    status.textContent =
      `${n(addition.read)} ${addition.read === 1 ? 'code' : 'codes'} found in ${source}: ` +
      `${n(addition.added)} new ${addition.added === 1 ? 'result' : 'results'}` +
      `${unreadable ? `, ${n(unreadable)} could not be read (listed below) and ${unreadable === 1 ? 'was' : 'were'} not kept` : ''}` +
      `${addition.duplicates ? `, ${n(addition.duplicates)} already on the board or repeated` : ''}.`;
    app.announce(status.textContent);
  };

  const draw = () => {
    const board = readBoard(codes, levels);
    const problems = [...board.problems, ...rejected];
    const ignored = board.duplicates + duplicates;
    problemsHost.replaceChildren(
      ...(problems.length
        ? [
            el('h2', { class: 'sub' }, `Codes that could not be read (${problems.length})`),
            el(
              'ul',
              { class: 'code-problems', id: 'board-problems' },
              ...problems.slice(0, 200).map((p) => el('li', {}, el('span', { class: 'mark-text' }, '✗ '), el('code', {}, p.code), ` — ${p.message}`)),
            ),
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
      el('caption', {}, `${board.entries.length} distinct ${board.entries.length === 1 ? 'result' : 'results'}${ignored ? ` (${ignored} duplicate ${ignored === 1 ? 'code' : 'codes'} ignored)` : ''}`),
      el('thead', {}, el('tr', {}, ...['Student', 'Level', 'Decision', 'Named objective', 'Stars', 'Points', 'Date'].map((h) => el('th', { scope: 'col' }, h)))),
      el(
        'tbody',
        {},
        ...board.entries.map((e) =>
          el(
            'tr',
            { 'data-level': e.report.level },
            // A student's name is untrusted text: a <bdi> keeps its direction to itself, and the DOM builder sets it as text.
            el('td', { class: 'student-name' }, e.report.name === undefined ? el('span', { class: 'hint' }, '(no name)') : el('bdi', {}, e.report.name)),
            el('td', {}, el('bdi', {}, e.levelTitle ?? e.report.level), e.sameVersion ? '' : el('span', { class: 'hint' }, ' (another version of the level)')),
            el('td', {}, e.report.decision === 'deploy' ? 'Deploy' : 'Hold'),
            el('td', {}, el('bdi', {}, e.hypothesisLabel)),
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
        ...tallies.map((t) =>
          el(
            'li',
            {},
            el('strong', {}, el('bdi', {}, t.title), ': '),
            Object.entries(t.named)
              .map(([label, n]) => `${isolate(label)} ${n}`)
              .join(' · '),
            ` · mean ${t.meanStars.toFixed(1)} stars`,
          ),
        ),
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
    el('p', { class: 'caveat', id: 'result-caveat' }, el('strong', {}, 'Note: '), tx(RESULT_CODE_CAVEAT)),
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
            rejected = [];
            duplicates = 0;
            saveBoardCodes(storage(), codes);
            draw();
            status.textContent = 'The board is empty.';
          },
        },
        'Clear the board',
      ),
      el('button', { type: 'button', id: 'board-guide', onclick: () => app.openGuide(app.attempt?.level.id ?? null) }, 'Lesson guide'),
      el('button', { type: 'button', onclick: () => app.leaveClassroom() }, '← Back'),
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
    svg(
      'defs',
      {},
      svg(
        'pattern',
        { id: hatch, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 8, height: 8, class: 'hold-bg' }),
        svg('rect', { width: 3, height: 8, class: 'hold-line' }),
      ),
    ),
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
