/** Messages of the stage: the canvas's accessible descriptions of what it shows. */
export const game = {
  'game.stage.loading': 'Mesa stage, loading.',
  'game.stage.empty': 'Mesa stage: nothing shown yet.',
  'game.still.lab': 'Lab world, {width} by {height} tiles, agent at column {column} row {row}.',
  'game.still.field': 'Field world, {width} by {height} tiles, agent at column {column} row {row}.',
  'game.playing': { one: '{still} An episode of {count} move is playing.', other: '{still} An episode of {count} moves is playing.' },
  'game.mosaic.lab.still': {
    one: '{count} lab world of {width} by {height} tiles, in a grid of {columns} by {rows}; each shows where its agent ended, its trail and its outcome mark.',
    other: '{count} lab worlds of {width} by {height} tiles, in a grid of {columns} by {rows}; each shows where its agent ended, its trail and its outcome mark.',
  },
  'game.mosaic.lab.playing': {
    one: '{count} lab world of {width} by {height} tiles, in a grid of {columns} by {rows}; every agent is playing its episode.',
    other: '{count} lab worlds of {width} by {height} tiles, in a grid of {columns} by {rows}; every agent is playing its episode.',
  },
  'game.mosaic.field.still': {
    one: '{count} field world of {width} by {height} tiles, in a grid of {columns} by {rows}; each shows where its agent ended, its trail and its outcome mark.',
    other: '{count} field worlds of {width} by {height} tiles, in a grid of {columns} by {rows}; each shows where its agent ended, its trail and its outcome mark.',
  },
  'game.mosaic.field.playing': {
    one: '{count} field world of {width} by {height} tiles, in a grid of {columns} by {rows}; every agent is playing its episode.',
    other: '{count} field worlds of {width} by {height} tiles, in a grid of {columns} by {rows}; every agent is playing its episode.',
  },
  'game.candidates': {
    one: '{still} The path of {count} candidate agent of this training generation is drawn from the start.',
    other: '{still} The paths of {count} candidate agents of this training generation are drawn from the start.',
  },
  'game.over': '{still} The episode is over.',
  'game.over.success': '{still} The episode is over: success.',
  'game.over.failure': '{still} The episode is over: failure.',
  'game.mosaicOver': {
    one: '{count} episode is over: {successes} marked success, {failures} marked failure.',
    other: '{count} episodes are over: {successes} marked success, {failures} marked failure.',
  },
} as const;
