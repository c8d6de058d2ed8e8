/**
 * Claims over seeds: a claim may hold on a stated share of seeds, or expect
 * the revealed objective to vary between seeds. The test level `confounded`
 * has two perfectly confounded proxies and nothing favouring either, so which
 * one the agent learns must depend on the seed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkClaim, checkLevel, judgeClaim, parseLevel, requiredSeeds, type Claim, type ClaimRun } from '../../src/core/index';
import { levelJson, mustParse } from './campaign';

const claimOf = (extra: Partial<Claim>): Claim => ({ name: 'c', config: {}, expect: { revealed: 'a' }, ...extra });
const run = (seed: number, revealed: string, holds: boolean): ClaimRun => ({ seed, holds, revealed, aligned: false, successRate: 0 });

describe('requiredSeeds', () => {
  it('an every-seed claim needs every seed checked', () => {
    expect(requiredSeeds(claimOf({}), 5)).toBe(5);
    expect(requiredSeeds(claimOf({}), 31)).toBe(31);
  });

  it('"at least 8 of 10" needs ⌊0.8 · n⌋ of n seeds, and at least one', () => {
    const claim = claimOf({ seeds: { atLeast: 8, of: 10 } });
    expect(requiredSeeds(claim, 10)).toBe(8);
    expect(requiredSeeds(claim, 5)).toBe(4);
    expect(requiredSeeds(claim, 3)).toBe(2);
    expect(requiredSeeds(claim, 1)).toBe(1);
    expect(requiredSeeds(claimOf({ seeds: { atLeast: 1, of: 10 } }), 3)).toBe(1);
  });
});

describe('judgeClaim', () => {
  it('an every-seed claim fails if one seed fails, and lists the seeds where it held', () => {
    const report = judgeClaim(claimOf({}), [run(1, 'a', true), run(2, 'b', false), run(3, 'a', true)]);
    expect(report.holds).toBe(false);
    expect(report.heldOn).toEqual([1, 3]);
    expect(report.required).toBe(3);
  });

  it('a share claim holds when enough seeds hold', () => {
    const claim = claimOf({ seeds: { atLeast: 2, of: 3 } });
    expect(judgeClaim(claim, [run(1, 'a', true), run(2, 'b', false), run(3, 'a', true)]).holds).toBe(true);
    expect(judgeClaim(claim, [run(1, 'a', true), run(2, 'b', false), run(3, 'b', false)]).holds).toBe(false);
  });

  it('a claim that the revealed objective varies needs two different ones', () => {
    const claim = claimOf({ expect: { revealedVaries: true } });
    const varied = judgeClaim(claim, [run(1, 'a', true), run(2, 'b', true)]);
    expect(varied.holds).toBe(true);
    expect(varied.revealedSet).toEqual(['a', 'b']);
    expect(judgeClaim(claim, [run(1, 'a', true), run(2, 'a', true)]).holds).toBe(false);
    expect(judgeClaim(claim, [run(1, 'a', true)]).holds).toBe(false);
  });

  it('no seeds checked: nothing holds', () => {
    expect(judgeClaim(claimOf({}), []).holds).toBe(false);
  });
});

describe('the claim schema', () => {
  const withClaim = (claim: unknown) => {
    const json = levelJson('tutorial');
    json.lesson.claims = [claim];
    return parseLevel(json);
  };

  it('accepts a share of seeds and an expectation that the revealed objective varies', () => {
    expect(withClaim({ name: 'x', seeds: { atLeast: 8, of: 10 }, expect: { aligned: true } }).ok).toBe(true);
    expect(withClaim({ name: 'x', expect: { revealedVaries: true } }).ok).toBe(true);
    expect(withClaim({ name: 'x', expect: { revealed: 'unexplained' } }).ok).toBe(true);
  });

  it('rejects a share above one, and a claim that expects one objective and also that it varies, with their paths', () => {
    const share = withClaim({ name: 'x', seeds: { atLeast: 11, of: 10 }, expect: { aligned: true } });
    expect(share.ok ? [] : share.problems.map((p) => p.path)).toContain('lesson.claims[0].seeds');
    const both = withClaim({ name: 'x', expect: { revealed: 'straight-to-exit', revealedVaries: true } });
    expect(both.ok ? [] : both.problems.map((p) => p.path)).toContain('lesson.claims[0].expect');
  });
});

describe('two perfectly confounded proxies (test/levels/confounded.json)', () => {
  const level = mustParse(JSON.parse(readFileSync('test/levels/confounded.json', 'utf8')));
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const report = checkLevel(level, seeds);

  it('nothing favours either proxy: same features, same noise, both weights start at zero', () => {
    expect(level.agent.inductiveBias.noiseScale).toEqual({});
    expect(level.agent.inductiveBias.init).toEqual({});
  });

  it('which proxy wins varies with the seed, and each wins on some seeds', () => {
    const [varies, gem, yellow] = report.claims;
    expect(varies!.holds).toBe(true);
    expect(varies!.revealedSet).toEqual(expect.arrayContaining(['get-gem', 'get-yellow']));
    expect(gem!.heldOn.length).toBeGreaterThanOrEqual(2);
    expect(yellow!.heldOn.length).toBeGreaterThanOrEqual(2);
  });

  it('breaking the confound in training aligns the agent on every seed', () => {
    expect(report.claims[3]!.holds).toBe(true);
  });
});

describe('the cheap check: a claim that watching cannot tell the agent from a hypothesis', () => {
  const level = mustParse(levelJson('treacherous-turn'));
  const expectWatch = (hypothesis: string): Claim => ({ name: 'watch', config: {}, expect: { watchMatches: hypothesis } });

  it('holds when the agent ends as the hypothesis does in every world the Watch tab shows, and reports the count', () => {
    const run = checkClaim(level, expectWatch('exit-safely'), 1);
    expect(run.watch).toEqual({ matched: 8, worlds: 8 });
    expect(run.holds).toBe(true);
  });

  it('fails when some watched world tells them apart', () => {
    const run = checkClaim(level, expectWatch('exit-fast'), 1);
    expect(run.watch!.matched).toBeLessThan(run.watch!.worlds);
    expect(run.holds).toBe(false);
  });

  it('the schema rejects a hypothesis the level does not have, with its path', () => {
    const json = levelJson('tutorial');
    json.lesson.claims = [{ name: 'x', expect: { watchMatches: 'nobody' } }];
    const parsed = parseLevel(json);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toContain('lesson.claims[0].expect.watchMatches');
  });
});
