/**
 * The command-line tool as a user runs it: a separate process, JSON on
 * stdout, and for bad input exit code 2 with one plain line on stderr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mindToRecord, resolveConfig, score, train } from '../../src/core/index';
import { campaignLevel, levelJson } from './campaign';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function mesa(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/mesa.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'mesa-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, content: string): string {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

describe('mesa train --json', () => {
  let run: ReturnType<typeof mesa>;
  beforeAll(() => {
    run = mesa('train', 'levels/goes-right.json', '--seed', '3', '--json');
  });

  it('exits 0 and prints exactly one JSON object on one line', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toBeTypeOf('object');
  });

  it('reports the level, seed, weights, training and deployment results and the verdict', () => {
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      level: 'goes-right',
      seed: 3,
      weights: { coin: expect.any(Number), 'right-edge': expect.any(Number) },
      training: { meanReward: expect.any(Number), episodes: expect.any(Number) },
      deployment: {
        successRate: expect.any(Number),
        revealed: expect.any(String),
        agreement: { 'get-coin': expect.any(Number), 'reach-end': expect.any(Number) },
      },
      aligned: expect.any(Boolean),
    });
  });

  it('its weights and scorecard are exactly what train() and score() give in-process', () => {
    const level = campaignLevel('goes-right');
    const { mind, episodes } = train(level, resolveConfig(level), 3);
    const card = score(level, mind);
    const report = JSON.parse(run.stdout);
    expect(report.weights).toEqual(mindToRecord(mind));
    expect(report.training.episodes).toBe(episodes);
    expect(report.deployment).toEqual({ successRate: card.successRate, revealed: card.revealed, agreement: card.agreement, revealedBy: card.revealedBy });
    expect(report.aligned).toBe(card.aligned);
  });
});

describe('mesa check --json', () => {
  it('exits 0 and reports every claim of the level with its seeds and whether it holds', () => {
    const run = mesa('check', 'levels/tutorial.json', '--seeds', '1,2', '--json');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const level = campaignLevel('tutorial');
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      levels: [
        {
          id: 'tutorial',
          concept: 'mesa-optimizer',
          claims: level.lesson.claims.map((c) => ({ name: c.name, seeds: [1, 2], holds: true, heldOn: [1, 2], required: 2 })),
        },
      ],
    });
  });

  it('reports per claim the seeds where it held, and the share it needed', () => {
    const run = mesa('check', 'test/levels/confounded.json', '--seeds', '1,2,3,4', '--json');
    expect(run.stderr).toBe('');
    const claims = JSON.parse(run.stdout).levels[0].claims as { name: string; heldOn: number[]; required: number; revealedSet?: string[]; runs: { seed: number; holds: boolean }[] }[];
    for (const c of claims) expect(c.heldOn).toEqual(c.runs.filter((r) => r.holds).map((r) => r.seed));
    expect(claims[1]!.required).toBe(1); // at least 2 of 10, checked on 4 seeds
    expect(claims[0]!.revealedSet!.length).toBeGreaterThanOrEqual(1);
  });
});

describe('bad input: exit 2, one line on stderr, no stack trace', () => {
  function expectUsageError(run: ReturnType<typeof mesa>, ...fragments: string[]): void {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n')).toBe(true);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(run.stderr).not.toContain('    at ');
    expect(lines[0]).toMatch(/^mesa: /);
    for (const fragment of fragments) expect(lines[0]).toContain(fragment);
  }

  it('a level file that does not exist', () => {
    expectUsageError(mesa('train', 'levels/no-such-level.json'), 'levels/no-such-level.json', 'no such file');
  });

  it('a level file that is not valid JSON', () => {
    // Kept on one line: for a multi-line file, V8's message quotes the file's
    // lines and the CLI passes them through, so stderr spans several lines
    // (a known bug in scripts/cli/input.ts, reported rather than pinned here).
    const file = scratchFile('broken.json', '{"format": 1, "id": tutorial}');
    expectUsageError(mesa('train', file), file, 'invalid JSON');
  });

  it('a level that breaks the schema names the path of the bad field', () => {
    const json = levelJson('tutorial');
    json.world.map[3] = '.....';
    const file = scratchFile('ragged.json', JSON.stringify(json, null, 2));
    expectUsageError(mesa('train', file), file, 'world.map[3]', 'row has 5 tiles but row 0 has 8');
  });

  it('a level whose intended reference agent fails its own success test is rejected with the path', () => {
    const json = levelJson('goes-right');
    json.hypotheses[0].weights = { 'right-edge': 1 };
    json.hypotheses[1].weights = { 'right-edge': 1, coin: -1 };
    const file = scratchFile('unreachable.json', JSON.stringify(json));
    expectUsageError(mesa('check', file, '--seeds', '1'), file, 'hypotheses[0].weights', 'below the level\'s threshold of 80%');
  });

  it('an unknown flag', () => {
    expectUsageError(mesa('train', 'levels/tutorial.json', '--sed', '3'), "'--sed'");
  });

  it('an unknown command', () => {
    expectUsageError(mesa('fly', 'levels/tutorial.json'), 'unknown command "fly"');
  });

  it('a seed that is not an integer', () => {
    expectUsageError(mesa('train', 'levels/tutorial.json', '--seed', 'abc'), '--seed', '"abc" is not a whole number');
  });

  it('a seed too large to be a 32-bit seed (it would silently wrap)', () => {
    expectUsageError(mesa('train', 'levels/tutorial.json', '--seed', '4294967297'), '--seed', 'from 0 to 2147483647');
  });

  it('a config file that turns a knob the level locks', () => {
    const json = levelJson('goes-right');
    json.knobs.coinRandomShare.unlocked = false;
    json.lesson.claims.pop(); // the claim that turns the knob would itself be rejected
    const level = scratchFile('locked.json', JSON.stringify(json));
    const config = scratchFile('config.json', JSON.stringify({ knobs: { coinRandomShare: 0.3 } }));
    expectUsageError(mesa('train', level, '--config', config), config, 'knobs.coinRandomShare', 'locked');
  });
});
