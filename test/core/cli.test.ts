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
import { checkBudget, estimateWork, mindToRecord, resolveConfig, measureDeployment, train, WORK_LIMITS } from '../../src/core/index';
import { hostileLevel } from '../fixtures/hostile';
import { campaignLevel, levelJson, mustParse } from './campaign';

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

  it('its weights and scorecard are exactly what train() and measureDeployment() give in-process', () => {
    const level = campaignLevel('goes-right');
    const { mind, episodes } = train(level, resolveConfig(level), 3);
    const card = measureDeployment(level, mind);
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
    expectUsageError(mesa('check', file, '--seeds', '1'), file, 'hypotheses[0].weights', "below the level's threshold of 80%");
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
    // The claim that turns the knob would itself be rejected.
    json.lesson.claims = json.lesson.claims.filter((c: { config?: { knobs?: unknown } }) => c.config?.knobs === undefined);
    const level = scratchFile('locked.json', JSON.stringify(json));
    const config = scratchFile('config.json', JSON.stringify({ knobs: { coinRandomShare: 0.3 } }));
    expectUsageError(mesa('train', level, '--config', config), config, 'knobs.coinRandomShare', 'locked');
  });
});

describe('mesa train and the work budget', () => {
  it('refuses the hostile level of issue 11 (suite 500) at once: exit 2, one line naming the work', () => {
    const file = scratchFile('hostile.json', JSON.stringify(hostileLevel({ suite: 500 })));
    const started = performance.now();
    const run = mesa('train', file);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/over the work budget: scoring a verdict would take .* units of work \(9,000 deployment episodes × 400 steps × 1024 cells\)/);
  });

  it('a level just inside the budget, at its worst (32×32 full of objects, 400 steps, exploring), finishes scoring in under 10 s', () => {
    const data = hostileLevel({ suite: 10, hypotheses: 3 });
    const level = mustParse(data);
    const estimate = estimateWork(level, resolveConfig(level));
    expect(checkBudget(estimate)).toBeNull();
    expect(estimate.scoring / WORK_LIMITS.scoring).toBeGreaterThan(0.8);
    const file = scratchFile('hostile-inside.json', JSON.stringify(data));
    const started = performance.now();
    const run = mesa('train', file, '--json');
    const seconds = (performance.now() - started) / 1000;
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ level: 'hostile' });
    expect(seconds).toBeLessThan(10);
  });
});

describe('safe terminal output', () => {
  it.each(['constructor', 'toString', '__proto__'])('mesa %s is an unknown command: exit 2, one line', (command) => {
    const run = mesa(command);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual([`mesa: unknown command "${command}" (expected one of: train, check, bench, sweep, encode, decode)`]);
  });

  it('a level title with an ESC sequence and a right-to-left override is printed escaped', () => {
    const json = levelJson('tutorial');
    json.title = 'Evil\u001b[2J\u001b[1A holds\u202e';
    json.lesson.claims[0].name = 'claim\u001b[2K\rholds';
    const file = scratchFile('escape.json', JSON.stringify(json));
    const run = mesa('train', file);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/[\u001b\u202e\r]/);
    expect(run.stdout.split('\n')[0]).toBe('Evil\\e[2J\\e[1A holds\\u{202e} (tutorial), seed 1');
    const check = mesa('check', file, '--seeds', '1');
    expect(check.stdout).not.toMatch(/[\u001b\u202e\r]/);
    expect(check.stdout).toMatch(/claim\\e\[2K\\rholds/);
  });

  it('a newline in a weight key cannot forge extra "mesa:" lines: the error is one line', () => {
    const json = levelJson('tutorial');
    json.hypotheses[0].weights = { 'coin\nmesa: all claims hold': 1 };
    const run = mesa('train', scratchFile('forge.json', JSON.stringify(json)));
    expect(run.status).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/coin(\\n|\\u000a)mesa: all claims hold/);
  });

  it('--seed -1 is one line', () => {
    const run = mesa('train', 'levels/tutorial.json', '--seed', '-1');
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('decoded JSON escapes bidi controls and still parses to the same text', () => {
    const json = levelJson('tutorial');
    json.title = 'abc\u202edef';
    const encoded = mesa('encode', scratchFile('bidi.json', JSON.stringify(json)));
    expect(encoded.status).toBe(0);
    const decoded = mesa('decode', encoded.stdout.trim());
    expect(decoded.status).toBe(0);
    expect(decoded.stdout).not.toMatch(/\u202e/);
    expect(JSON.stringify(JSON.parse(decoded.stdout))).toContain('abc\u202edef');
  });
});

describe('a level file with several problems: every one listed, one line each, exit 2', () => {
  function problemLines(run: ReturnType<typeof mesa>): string[] {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toContain('    at ');
    return run.stderr.trimEnd().split('\n');
  }

  it('shape problems anywhere in the file: each with its path and reason', () => {
    const json = levelJson('tutorial');
    json.title = '';
    json.order = -1;
    json.agent.features.push('telepathy');
    json.budget.lens = 1.5;
    const file = scratchFile('four-problems.json', JSON.stringify(json, null, 2));
    const lines = problemLines(mesa('check', file));
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(new RegExp(`^mesa: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\S+: .+`));
    expect(lines.some((l) => l.includes(': title: '))).toBe(true);
    expect(lines.some((l) => l.includes(': order: '))).toBe(true);
    expect(lines.some((l) => l.includes(`: agent.features[${json.agent.features.length - 1}]: `))).toBe(true);
    expect(lines.some((l) => l.includes(': budget.lens: '))).toBe(true);
  });

  it('problems between fields (ragged rows, a knob out of range): each listed', () => {
    const json = levelJson('goes-right');
    json.world.map[1] = '.....';
    json.world.map[2] = '...';
    json.knobs.coinRandomShare.training = 7;
    const file = scratchFile('three-problems.json', JSON.stringify(json, null, 2));
    const lines = problemLines(mesa('train', file));
    expect(lines).toEqual([
      `mesa: ${file}: world.map[1]: row has 5 tiles but row 0 has ${json.world.map[0].length}`,
      `mesa: ${file}: world.map[2]: row has 3 tiles but row 0 has ${json.world.map[0].length}`,
      `mesa: ${file}: knobs.coinRandomShare.training: 7 is outside [${json.knobs.coinRandomShare.min}, ${json.knobs.coinRandomShare.max}]`,
    ]);
  });

  it('a line break inside a key stays inside its one line', () => {
    const json = levelJson('tutorial');
    json.agent.inductiveBias.init = { 'no\nsuch': 1 };
    const file = scratchFile('newline-key.json', JSON.stringify(json));
    const lines = problemLines(mesa('train', file));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('agent.inductiveBias.init.no\\u000asuch');
  });
});
