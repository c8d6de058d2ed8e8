/**
 * The architecture's boundaries are lint rules (eslint.config.js): these
 * tests lint small pieces of code as if they sat in each layer, so a rule
 * that is weakened or stops matching its files fails here, not in review.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The rules a piece of code breaks if it were the file at `filePath`. */
async function broken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('src/core stays pure', () => {
  it.each([
    ["import { el } from '../ui/dom';", 'no-restricted-imports'],
    ["import type { Stage } from '../game/stageApi';", 'no-restricted-imports'],
    ["import { startTraining } from '../worker/client';", 'no-restricted-imports'],
    ["import { start } from '../session/attempt';", 'no-restricted-imports'],
    ["import * as Phaser from 'phaser';", 'no-restricted-imports'],
    ["import { Howl } from 'howler';", 'no-restricted-imports'],
    ["import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
    ['export const r = Math.random();', 'no-restricted-properties'],
    ['export const e = Math.exp(1);', 'no-restricted-properties'],
    ['export const t = Date.now();', 'no-restricted-globals'],
    ['export const t = performance.now();', 'no-restricted-globals'],
    ['export const w = window.innerWidth;', 'no-restricted-globals'],
    ['export const d = document.title;', 'no-restricted-globals'],
    ['export const s = (1.5).toLocaleString();', 'no-restricted-syntax'],
  ])('rejects %s', async (code, rule) => {
    const messages = await broken('src/core/example.ts', code);
    expect(
      messages.some((m) => m.startsWith(`${rule}:`)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('accepts what the core does: its own modules, zod, arithmetic Math', async () => {
    expect(await broken('src/core/example.ts', "import { z } from 'zod';\nimport { Rng } from './random';\nexport const x = [z, Rng, Math.floor(Math.sqrt(2) * Math.imul(3, 5))];\n")).toEqual([]);
  });
});

describe('src/session is moves, not views', () => {
  it.each([
    ["import { el } from '../ui/dom';", 'no-restricted-imports'],
    ["import type { Stage } from '../game/stageApi';", 'no-restricted-imports'],
    ["import * as Phaser from 'phaser';", 'no-restricted-imports'],
    ['export const x = document.body;', 'no-restricted-globals'],
    ['export const x = localStorage;', 'no-restricted-globals'],
  ])('rejects %s', async (code, rule) => {
    const messages = await broken('src/session/example.ts', code);
    expect(
      messages.some((m) => m.startsWith(`${rule}:`)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('may use the core', async () => {
    expect(await broken('src/session/example.ts', "import { measureDeployment } from '../core/index';\nexport const x = measureDeployment;\n")).toEqual([]);
  });
});

describe('src/worker draws nothing', () => {
  it('rejects an import from the views', async () => {
    const messages = await broken('src/worker/example.ts', "import { el } from '../ui/dom';");
    expect(
      messages.some((m) => m.startsWith('no-restricted-imports:')),
      messages.join('\n'),
    ).toBe(true);
  });
});

describe('the views are not held to the core’s rules', () => {
  it('lets src/ui use the DOM and the clock', async () => {
    expect(await broken('src/ui/example.ts', 'export const x = [document.title, Date.now(), window.innerWidth];\n')).toEqual([]);
  });
});
