/**
 * Routes in the address: formatting then parsing gives the route back (for
 * every screen, level source, round and hidden control), old links and
 * classroom flags still read as before, and no address makes parsing throw.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HIDEABLE_CONTROLS, LEVEL_SCREENS, formatHash, parseLocation, reachableScreen, type HideableControl, type LevelSource, type Route } from '../../src/session/index';

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,39}$/);
const code = fc.stringMatching(/^[A-Z][A-Za-z0-9_-]{0,300}$/);
const source: fc.Arbitrary<LevelSource> = fc.oneof(
  id.map((i) => ({ kind: 'campaign' as const, id: i })),
  code.map((c) => ({ kind: 'level-code' as const, code: c })),
  code.map((c) => ({ kind: 'challenge-code' as const, code: c })),
);
const route: fc.Arbitrary<Route> = fc.oneof(
  fc.constantFrom('title', 'levels', 'editor', 'board').map((screen) => ({ screen }) as Route),
  fc.option(id, { nil: null }).map((level) => ({ screen: 'guide' as const, level })),
  fc.record({ screen: fc.constantFrom(...LEVEL_SCREENS), source, round: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }) }),
);
const hide: fc.Arbitrary<HideableControl[]> = fc.subarray([...HIDEABLE_CONTROLS]);

describe('routes round-trip through the address', () => {
  it('parseLocation(formatHash(route)) gives the route and the hidden controls back', () => {
    fc.assert(
      fc.property(route, hide, (r, h) => {
        const parsed = parseLocation('', formatHash(r, h));
        expect(parsed.route ?? { screen: 'title' }).toEqual(r);
        expect(parsed.hide).toEqual(h);
        expect(parsed.ignored).toEqual([]);
      }),
    );
  });

  it('formatting is stable: format(parse(format(r))) = format(r)', () => {
    fc.assert(
      fc.property(route, hide, (r, h) => {
        const hash = formatHash(r, h);
        const parsed = parseLocation('', hash);
        expect(formatHash(parsed.route ?? { screen: 'title' }, parsed.hide)).toBe(hash);
      }),
    );
  });

  it('never throws, whatever the address', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (search, hash) => {
        const parsed = parseLocation(search, hash);
        expect(Array.isArray(parsed.ignored)).toBe(true);
      }),
    );
    expect(parseLocation('', '#%E0%A4%A').route).toBeNull();
  });
});

describe('addresses people already share', () => {
  it.each([
    ['', '', null],
    ['', '#level=tutorial', { screen: 'briefing', source: { kind: 'campaign', id: 'tutorial' }, round: null }],
    ['?level=goes-right&presenter=1', '', { screen: 'briefing', source: { kind: 'campaign', id: 'goes-right' }, round: null }],
    ['', '#/level=L1abc', { screen: 'briefing', source: { kind: 'level-code', code: 'L1abc' }, round: null }],
    ['', '#challenge=C1xyz', { screen: 'train', source: { kind: 'challenge-code', code: 'C1xyz' }, round: null }],
    ['', '#level=outer-vs-inner&round=2&screen=inspect', { screen: 'inspect', source: { kind: 'campaign', id: 'outer-vs-inner' }, round: 1 }],
    ['', '#screen=board', { screen: 'board' }],
    ['', '#screen=guide&level=goes-right', { screen: 'guide', level: 'goes-right' }],
    ['?screen=guide', '', { screen: 'guide', level: null }],
    ['', '#presenter=1&level=L1abc', { screen: 'briefing', source: { kind: 'level-code', code: 'L1abc' }, round: null }],
    ['', '#level=goes-right&presenter=1', { screen: 'briefing', source: { kind: 'campaign', id: 'goes-right' }, round: null }],
    ['', '#level=L1!!bad', null],
  ])('%s%s', (search, hash, expected) => {
    expect(parseLocation(search, hash).route).toEqual(expected);
  });

  it('reads a result code, and the classroom flags from the query string', () => {
    const parsed = parseLocation('?presenter=1&hide=lens,probe,seed&contrast=high&motion=reduced&speed=0.25', '#result=R1_-9');
    expect(parsed.result).toBe('R1_-9');
    expect(parsed.settings).toEqual({ presenter: true, contrast: 'high', reducedMotion: true, speed: 0.25, language: null });
    expect(parsed.hide).toEqual(['lens', 'probes', 'seed']);
    expect(parsed.ignored).toEqual([]);
  });

  it('reads flags from the hash too, and leaves unset flags null', () => {
    const parsed = parseLocation('', '#presenter&hide=experiment');
    expect(parsed.settings).toEqual({ presenter: true, contrast: null, reducedMotion: null, speed: null, language: null });
    expect(parsed.hide).toEqual(['experiment']);
    expect(parsed.route).toBeNull();
  });

  it('reads the language a link asks for, among the languages the game has', () => {
    expect(parseLocation('?lang=pseudo', '', ['en', 'pseudo']).settings.language).toBe('pseudo');
    const unknown = parseLocation('', '#lang=xx', ['en', 'pseudo']);
    expect(unknown.settings.language).toBeNull();
    expect(unknown.ignored).toContain('lang=xx');
  });

  it('lists what it does not understand, and opens what it does', () => {
    const parsed = parseLocation('?presenter=maybe&hide=lens,teleport&speed=99&level=../x&contrast=neon&colour=red', '#round=7');
    expect(parsed.settings.presenter).toBeNull();
    expect(parsed.hide).toEqual(['lens']);
    expect(parsed.route).toBeNull();
    expect(parsed.ignored).toEqual(expect.arrayContaining(['presenter=maybe', 'hide=teleport', 'speed=99', 'level=../x', 'contrast=neon', 'colour', 'round=7']));
  });

  it('reports an unknown flag, as the README promises, but not a code link', () => {
    expect(parseLocation('?teleport=1&presenter=1', '').ignored).toEqual(['teleport']);
    expect(parseLocation('', '#level=L1abc').ignored).toEqual([]);
    expect(parseLocation('', '#challenge=C1abc').ignored).toEqual([]);
  });

  it('reads a hide list of 50,000 names no further than a few, and the notice stays short', () => {
    const parsed = parseLocation(`?hide=${Array.from({ length: 50_000 }, (_, i) => `x${i}`).join(',')},lens`, '');
    const notice = `Some options in the link were not understood and were ignored: ${parsed.ignored.join(', ')}.`;
    expect(notice.length).toBeLessThan(600);
    expect(parsed.ignored.at(-1)).toMatch(/^and \d+ more$/);
  });

  it('a level screen without a level is no route', () => {
    expect(parseLocation('', '#screen=inspect')).toMatchObject({ route: null, ignored: ['screen=inspect (no level)'] });
  });
});

describe('screens a reloaded attempt can show', () => {
  const none = { agent: null, score: null };
  const trained = { agent: {}, score: null };
  const judged = { agent: {}, score: {} };
  it.each([
    ['briefing', none, 'briefing'],
    ['train', none, 'train'],
    ['experiment', none, 'experiment'],
    ['inspect', none, 'train'],
    ['verdict', none, 'train'],
    ['deploy', none, 'train'],
    ['score', none, 'train'],
    ['inspect', trained, 'inspect'],
    ['deploy', trained, 'verdict'],
    ['score', trained, 'verdict'],
    ['score', judged, 'score'],
  ] as const)('%s with %j → %s', (screen, attempt, expected) => {
    expect(reachableScreen(screen, attempt)).toBe(expected);
  });
});
