/** The class board: a teacher's table and chart of the students' result codes. */
export const board = {
  'board.breadcrumb': 'Classroom',
  'board.heading': 'Class board',
  'board.lead': 'Collect your students’ result codes: see which verdict each class reached on each level. Everything stays in this browser: nothing is sent anywhere.',
  'board.note': 'Note: ',
  'board.input.label': 'Result codes',
  'board.input.hint': 'One per line, or separated by spaces.',
  'board.input.add': 'Add codes',
  'board.input.file': 'Import a file of codes: ',
  'board.export': 'Export CSV',
  'board.clear': 'Clear the board',
  'board.clear.confirm': 'Remove every code from the board? Export CSV first to keep them.',
  'board.cleared': 'The board is empty.',
  'board.lessonGuide': 'Lesson guide',
  'board.back': '← Back',

  // Where codes came from, as the status and notices name it.
  'board.source.paste': 'the pasted text',
  'board.source.file': 'the file “{name}”',
  'board.fileUnreadable': 'The file “{name}” could not be read.',

  // What a paste or a file added.
  'board.status.none': 'No codes found in {source}.',
  'board.status.codes': { one: '{count} code', other: '{count} codes' },
  'board.status.newResults': { one: '{count} new result', other: '{count} new results' },
  'board.status.unreadable': { one: '{count} could not be read (listed below) and was not kept', other: '{count} could not be read (listed below) and were not kept' },
  'board.status.duplicates': '{count} already on the board or repeated',
  'board.status.found': '{codes} found in {source}: {added}.',
  'board.status.foundUnreadable': '{codes} found in {source}: {added}, {unreadable}.',
  'board.status.foundDuplicates': '{codes} found in {source}: {added}, {duplicates}.',
  'board.status.foundBoth': '{codes} found in {source}: {added}, {unreadable}, {duplicates}.',
  'board.notice.notStored': 'The board could not be stored in this browser; it will be lost on reload. Export CSV to keep it.',
  'board.notice.full': {
    one: 'The board is full: it keeps at most {max} results, so {count} new result was not added. Export CSV and clear the board to make room.',
    other: 'The board is full: it keeps at most {max} results, so {count} new results were not added. Export CSV and clear the board to make room.',
  },
  'board.notice.cut': 'Only the first {max} codes of {source} were read; {count} more were left out. Add them in smaller parts.',
  'board.exported': { one: 'Exported {count} result as CSV.', other: 'Exported {count} results as CSV.' },

  // Codes that did not decode.
  'board.problems.heading': 'Codes that could not be read ({count})',
  'board.problems.item': '{code} — {message}',

  // The results.
  'board.empty': 'No results yet. Paste the codes your students copied from their score screens.',
  'board.results.heading': 'Results',
  'board.table.results': { one: '{count} distinct result', other: '{count} distinct results' },
  'board.table.duplicates': { one: '{count} duplicate code ignored', other: '{count} duplicate codes ignored' },
  'board.table.captionIgnored': '{results} ({duplicates})',
  'board.table.student': 'Student',
  'board.table.level': 'Level',
  'board.table.decision': 'Decision',
  'board.table.named': 'Named objective',
  'board.table.stars': 'Stars',
  'board.table.points': 'Points',
  'board.table.date': 'Date',
  'board.table.noName': '(no name)',
  'board.table.otherVersion': ' (another version of the level)',
  'board.table.starCount': '{stars} of 3 stars',
  'board.decision.deploy': 'Deploy',
  'board.decision.hold': 'Hold',

  // Verdicts per level.
  'board.summary.heading': 'Verdicts per level',
  'board.summary.named': '{label} {count}',
  'board.summary.line': '{level}: {named} · mean {stars} stars',
  'board.chart.title': 'Verdicts per level: {items}.',
  'board.chart.item': '{level}, deploy {deploy}, hold {hold}',
  'board.chart.value': 'Deploy {deploy} · Hold {hold}',

  // The board as stored in the browser.
  'board.store.what': 'The class board stored in this browser',
  'board.store.notCodes': 'its codes are not a list of codes',
  'board.store.tooMany': 'it holds {count} codes, more than the {max} a board keeps',
} as const;
