/**
 * Test support: the campaign levels, parsed once, and a small valid level
 * that tests can bend into whatever shape they need. Not a test file itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseLevel, type Level, type Message } from '../../src/core/index';
import { tx } from '../../src/i18n/index';

/** The raw JSON of a campaign level, freshly read (safe to mutate). */
export function levelJson(id: string): Record<string, any> {
  return JSON.parse(readFileSync(`levels/${id}.json`, 'utf8')) as Record<string, any>;
}

/** Parses level data that must be valid; a test fails loudly if it is not. */
export function mustParse(data: unknown): Level {
  const parsed = parseLevel(data);
  if (!parsed.ok) throw new Error(`level should parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** Every campaign level under levels/, in file-name order. */
export function campaign(): Level[] {
  return readdirSync('levels')
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => mustParse(JSON.parse(readFileSync(`levels/${f}`, 'utf8'))));
}

export function campaignLevel(id: string): Level {
  return mustParse(levelJson(id));
}

/**
 * A minimal valid level: a 12×3 room, the agent starting at (0, 1), one coin
 * at (9, 2), and an agent that perceives coins and the right edge.
 */
export function tinyLevelJson(): Record<string, any> {
  return {
    format: 1,
    id: 'tiny',
    title: 'Tiny',
    concept: 'testing',
    order: 0,
    briefing: 'A room for tests.',
    intendedObjective: 'Get the coin.',
    world: {
      map: ['............', '............', '............'],
      start: { cells: [[0, 1]] },
      maxSteps: 30,
      terminalEvents: ['coin'],
    },
    objects: [{ kind: 'coin', colour: 'yellow', at: { cells: [[9, 2]] } }],
    agent: {
      features: ['coin', 'right-edge'],
      viewRadius: 2,
      inductiveBias: { explanation: 'None.' },
    },
    reward: { default: { coin: 10 }, editable: ['coin'] },
    training: { generations: 2, population: 2, episodesPerGeneration: 2, learningRate: 0.5, noise: 0.5 },
    hypotheses: [
      { id: 'get-coin', label: 'Coin', description: 'Gets the coin.', weights: { coin: 1 }, intended: true },
      { id: 'go-right', label: 'Right', description: 'Goes right.', weights: { 'right-edge': 1 } },
    ],
    success: { all: ['coin'], threshold: 0.8 },
    deploymentSuite: { size: 10, seed: 1 },
    budget: { probes: 0, lens: 0 },
    lesson: { reveal: 'Nothing.', claims: [{ name: 'it gets the coin', expect: { aligned: true } }] },
  };
}

/**
 * Matches a message the core returned (a catalog key and parameters) whose
 * English, written through the catalog, contains `fragment` (or is it, when `exact`).
 */
export function saying(fragment: string, exact = false) {
  return {
    asymmetricMatch: (actual: unknown) => {
      if (typeof actual !== 'object' || actual === null) return false;
      const text = tx(actual as Message);
      return exact ? text === fragment : text.includes(fragment);
    },
    toString: () => `a message saying ${JSON.stringify(fragment)}`,
    toAsymmetricMatcher: () => `a message saying ${JSON.stringify(fragment)}`,
  };
}
