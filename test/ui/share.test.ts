/**
 * Links that carry codes (which hash opens what: test/session/route.test.ts): how a link is built, and
 * the one-line summary a teacher sees for a result code.
 */
import { describe, expect, it } from 'vitest';
import { codeLink, describeReport } from '../../src/ui/share';

describe('building links', () => {
  it('keeps the page address, drops query and hash, and adds the code', () => {
    expect(codeLink('level', 'L1abc', { origin: 'https://mesa.example', pathname: '/play/' })).toBe('https://mesa.example/play/#level=L1abc');
    expect(codeLink('challenge', 'C1x', { origin: 'http://localhost:5173', pathname: '/' })).toBe('http://localhost:5173/#challenge=C1x');
  });
});

describe('a result code for the teacher', () => {
  it('summarises the report in one line', () => {
    const line = describeReport({ level: 'tutorial', levelFingerprint: '0a1b2c3d', decision: 'hold', hypothesis: 'reach-exit', failure: 'inner', stars: 2, points: 75, date: '2026-11-22' });
    expect(line).toBe('Result code: level “tutorial” (version 0a1b2c3d), played 2026-11-22. Decision: hold. Named objective: reach-exit. Failure placed: inner. 2 of 3 stars, 75 points.');
  });
});
