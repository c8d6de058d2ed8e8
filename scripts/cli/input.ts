/**
 * Reading the command line's untrusted inputs: level files and config files.
 * Every failure becomes a UsageError with one line that says what and where.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkBudget, estimateWork, listProblems, parseConfig, parseLevel, resolveConfig, type Level, type TrainingConfigInput } from '../../src/core/index';
import { tx } from '../../src/i18n/index';

export class UsageError extends Error {}

/** Bad data in a file: every problem found, one line each (`file: path: reason`). */
export class ProblemsError extends UsageError {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot read ${what} file${code === 'ENOENT' ? ' (no such file)' : code === 'EISDIR' ? ' (it is a directory)' : ''}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // Node's message can quote several lines of the file; the first line names the position.
    throw new UsageError(`${file}: invalid JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

export function loadLevel(file: string): Level {
  const parsed = parseLevel(readJson(file, 'level'));
  if (!parsed.ok) throw new ProblemsError(listProblems(file, parsed.problems, tx));
  return parsed.value;
}

/**
 * Refuses a level (with a configuration) that asks for more work than the
 * budget allows, before anything runs: one line, exit 2.
 */
export function assertWithinBudget(file: string, level: Level, config: TrainingConfigInput = {}): void {
  const over = checkBudget(estimateWork(level, resolveConfig(level, config)));
  if (over) throw new UsageError(`${file}: over the work budget: ${tx(over.message)}`);
}

export function loadConfig(level: Level, file: string | undefined): TrainingConfigInput {
  if (file === undefined) return {};
  const parsed = parseConfig(level, readJson(file, 'config'));
  if (!parsed.ok) throw new ProblemsError(listProblems(file, parsed.problems, tx));
  return parsed.value;
}

/** Every campaign level, in campaign order. */
export function campaignFiles(dir = 'levels'): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f));
}

/** Levels to check: each within the work budget for its default training and every claim's. */
export function loadCampaign(files: readonly string[]): Level[] {
  return files
    .map((file) => {
      const level = loadLevel(file);
      assertWithinBudget(file, level);
      for (const claim of level.lesson.claims) assertWithinBudget(file, level, claim.config);
      return level;
    })
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function parseSeed(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,10}$/.test(text) || Number(text) > 0x7fffffff) throw new UsageError(`--seed: "${text}" is not a whole number from 0 to 2147483647`);
  return Number(text);
}

export function parseSeeds(text: string | undefined): number[] {
  if (text === undefined) return [1, 2, 3, 4, 5];
  const seeds = text.split(',').map((s) => parseSeed(s.trim(), 0));
  if (seeds.length === 0 || seeds.length > 100) throw new UsageError('--seeds: give 1 to 100 comma-separated integers');
  return seeds;
}
