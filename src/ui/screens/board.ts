/**
 * The class board, for a teacher: paste or import the students' result
 * codes; see a table and a chart of verdicts per level; export CSV. Nothing
 * leaves the browser: codes are decoded here and kept in localStorage.
 */
import { RESULT_CODE_CAVEAT, type Level } from '../../core/index';
import type { App } from '../app';
import { addToBoard, boardCsv, loadBoardCodes, MAX_BOARD_CODES, MAX_PASTE_CODES, readBoard, saveBoardCodes, tallyByLevel, type BoardEntry, type BoardProblem, type LevelTally } from '../classBoard';
import { browserStorage } from '../storage';
import { isolate } from '../bidi';
import { el, svg, uid } from '../dom';
import { displayLevel } from '../levelText';
import { formatDecimals, formatNumber, type Message, type MessageKey, msg, t, tParts, tx } from '../../i18n/index';
import { hatchDefs } from '../charts';

const storage = browserStorage;

/** Where codes came from: the paste box or a file (its name is the player's, shown as written). */
type CodeSource = { readonly kind: 'paste' } | { readonly kind: 'file'; readonly name: string };

function sourceWords(source: CodeSource): Message {
  return source.kind === 'paste' ? msg('board.source.paste') : msg('board.source.file', { name: isolate(source.name) });
}

/** What the board shows of an entry: the level's title and the named objective in the reader's language (codes and CSV keep the level's own). */
function shownEntry(entry: BoardEntry, levels: ReadonlyMap<string, Level>): BoardEntry {
  const level = levels.get(entry.report.level);
  if (!level) return entry;
  const shown = displayLevel(level);
  return {
    ...entry,
    levelTitle: entry.levelTitle === null ? null : shown.title,
    hypothesisLabel: shown.hypotheses.find((h) => h.id === entry.report.hypothesis)?.label ?? entry.hypothesisLabel,
  };
}

export function renderBoard(app: App, panel: HTMLElement): void {
  const levels = app.levels.map((l) => l.level);
  const byId = new Map(levels.map((l) => [l.id, l]));
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

  const add = (text: string, from: CodeSource) => {
    const source = sourceWords(from);
    const addition = addToBoard(codes, text, levels);
    if (addition.read === 0) {
      status.textContent = t('board.status.none', { source });
      return;
    }
    codes = addition.codes;
    rejected = addition.problems;
    duplicates += addition.duplicates;
    // Only codes that decode are stored; nothing already on the board is ever dropped.
    if (addition.added > 0 && (!stored.writable || !saveBoardCodes(storage(), codes))) app.notice(t('board.notice.notStored'), 'warning');
    if (addition.refused > 0) app.notice(t('board.notice.full', { count: addition.refused, max: MAX_BOARD_CODES }), 'warning');
    if (addition.cut > 0) app.notice(t('board.notice.cut', { max: MAX_PASTE_CODES, source, count: addition.cut }), 'warning');
    draw();
    // Say what this paste added, readable or not: the count must never outlive the codes it describes.
    const parts = {
      codes: msg('board.status.codes', { count: addition.read }),
      source,
      added: msg('board.status.newResults', { count: addition.added }),
      unreadable: msg('board.status.unreadable', { count: addition.problems.length }),
      duplicates: msg('board.status.duplicates', { count: addition.duplicates }),
    };
    status.textContent =
      addition.problems.length && addition.duplicates
        ? t('board.status.foundBoth', parts)
        : addition.problems.length
          ? t('board.status.foundUnreadable', parts)
          : addition.duplicates
            ? t('board.status.foundDuplicates', parts)
            : t('board.status.found', parts);
    app.announce(status.textContent);
  };

  const draw = () => {
    const board = readBoard(codes, levels);
    const problems = [...board.problems, ...rejected];
    const ignored = board.duplicates + duplicates;
    problemsHost.replaceChildren(
      ...(problems.length
        ? [
            el('h2', { class: 'sub' }, t('board.problems.heading', { count: problems.length })),
            el(
              'ul',
              { class: 'code-problems', id: 'board-problems' },
              ...problems
                .slice(0, 200)
                .map((p) => el('li', {}, el('span', { class: 'mark-text' }, '✗ '), ...tParts('board.problems.item', { code: el('code', { translate: 'no' }, p.code), message: p.message }))),
            ),
          ]
        : []),
    );
    if (!board.entries.length) {
      results.replaceChildren(el('p', { class: 'hint' }, t('board.empty')));
      return;
    }
    const entries = board.entries.map((e) => shownEntry(e, byId));
    const tallies = tallyByLevel(entries, levels);
    const caption = ignored
      ? t('board.table.captionIgnored', { results: msg('board.table.results', { count: entries.length }), duplicates: msg('board.table.duplicates', { count: ignored }) })
      : t('board.table.results', { count: entries.length });
    const headers: readonly MessageKey[] = ['board.table.student', 'board.table.level', 'board.table.decision', 'board.table.named', 'board.table.stars', 'board.table.points', 'board.table.date'];
    const table = el(
      'table',
      { class: 'data-table board-table', id: 'board-table' },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, tx({ key: h }))))),
      el(
        'tbody',
        {},
        ...entries.map((e) =>
          el(
            'tr',
            { 'data-level': e.report.level },
            // A student's name is untrusted text: a <bdi> keeps its direction to itself, and the DOM builder sets it as text.
            el('td', { class: 'student-name' }, e.report.name === undefined ? el('span', { class: 'hint' }, t('board.table.noName')) : el('bdi', { translate: 'no' }, e.report.name)),
            // A level the game does not know is named by its id, a code.
            el(
              'td',
              {},
              e.levelTitle === null ? el('bdi', { translate: 'no' }, e.report.level) : el('bdi', {}, e.levelTitle),
              e.sameVersion ? '' : el('span', { class: 'hint' }, t('board.table.otherVersion')),
            ),
            el('td', {}, e.report.decision === 'deploy' ? t('board.decision.deploy') : t('board.decision.hold')),
            el('td', {}, el('bdi', {}, e.hypothesisLabel)),
            el(
              'td',
              {},
              el('span', { 'aria-hidden': 'true' }, '★'.repeat(e.report.stars) + '☆'.repeat(3 - e.report.stars)),
              el('span', { class: 'sr-only' }, t('board.table.starCount', { stars: e.report.stars })),
            ),
            el('td', {}, formatNumber(e.report.points)),
            el('td', {}, e.report.date),
          ),
        ),
      ),
    );
    results.replaceChildren(
      el('h2', { class: 'sub' }, t('board.summary.heading')),
      verdictChart(tallies),
      el(
        'ul',
        { class: 'named-summary' },
        ...tallies.map((tally) =>
          el(
            'li',
            {},
            ...tParts('board.summary.line', {
              level: el('strong', {}, el('bdi', {}, tally.title)),
              named: Object.entries(tally.named)
                .map(([label, n]) => t('board.summary.named', { label: isolate(label), count: n }))
                .join(' · '),
              stars: formatDecimals(tally.meanStars, 1),
            }),
          ),
        ),
      ),
      el('h2', { class: 'sub' }, t('board.results.heading')),
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
    app.announce(t('board.exported', { count: board.entries.length }));
  };

  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    chosen.text().then(
      (text) => add(text, { kind: 'file', name: chosen.name }),
      () => (status.textContent = t('board.fileUnreadable', { name: isolate(chosen.name) })),
    );
    file.value = '';
  });

  panel.append(
    el('p', { class: 'breadcrumb' }, t('board.breadcrumb')),
    el('h1', {}, t('board.heading')),
    el('p', { class: 'lead' }, t('board.lead')),
    el('p', { class: 'caveat', id: 'result-caveat' }, el('strong', {}, t('board.note')), tx(RESULT_CODE_CAVEAT)),
    el(
      'div',
      { class: 'board-input' },
      el('label', { for: pasteId }, t('board.input.label')),
      el('p', { class: 'hint', id: `${pasteId}-hint` }, t('board.input.hint')),
      paste,
      el(
        'div',
        { class: 'button-row' },
        el('button', { type: 'button', class: 'primary', id: 'add-codes', onclick: () => (add(paste.value, { kind: 'paste' }), (paste.value = '')) }, t('board.input.add')),
        el('label', { for: fileId, class: 'file-label' }, t('board.input.file')),
        file,
      ),
    ),
    status,
    problemsHost,
    results,
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', id: 'export-csv', onclick: exportCsv }, t('board.export')),
      el(
        'button',
        {
          type: 'button',
          id: 'clear-board',
          onclick: () => {
            if (typeof confirm === 'function' && !confirm(t('board.clear.confirm'))) return;
            codes = [];
            rejected = [];
            duplicates = 0;
            saveBoardCodes(storage(), codes);
            draw();
            status.textContent = t('board.cleared');
          },
        },
        t('board.clear'),
      ),
      el('button', { type: 'button', id: 'board-guide', onclick: () => app.openGuide(app.attempt?.level.id ?? null) }, t('board.lessonGuide')),
      el('button', { type: 'button', onclick: () => app.leaveClassroom() }, t('board.back')),
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
    svg('title', { id: title }, t('board.chart.title', { items: tallies.map((tally) => t('board.chart.item', { level: isolate(tally.title), deploy: tally.deploy, hold: tally.hold })).join('; ') })),
    hatchDefs(hatch, 8, 3, { class: 'hold-bg' }, { class: 'hold-line' }),
    svg('rect', { x: labelW, y: 4, width: 16, height: 16, class: 'deploy-bar' }),
    svg('text', { x: labelW + 22, y: 18, class: 'chart-tick' }, t('board.decision.deploy')),
    svg('rect', { x: labelW + 110, y: 4, width: 16, height: 16, fill: `url(#${hatch})`, class: 'hold-bar' }),
    svg('text', { x: labelW + 132, y: 18, class: 'chart-tick' }, t('board.decision.hold')),
    ...tallies.flatMap((tally, i) => {
      const y = 34 + i * rowH;
      const dw = (tally.deploy / max) * barW;
      const hw = (tally.hold / max) * barW;
      return [
        svg('text', { x: 4, y: y + 26, class: 'chart-label' }, tally.title.length > 24 ? `${tally.title.slice(0, 23)}…` : tally.title),
        svg('rect', { x: labelW, y: y + 6, width: dw, height: 30, class: 'deploy-bar' }),
        svg('rect', { x: labelW + dw, y: y + 6, width: hw, height: 30, fill: `url(#${hatch})`, class: 'hold-bar' }),
        svg('text', { x: labelW, y: y + 52, class: 'chart-value' }, t('board.chart.value', { deploy: tally.deploy, hold: tally.hold })),
      ];
    }),
  );
}
