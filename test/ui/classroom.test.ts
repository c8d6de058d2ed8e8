/**
 * The classroom modules without a browser (URL flags: test/session/route.test.ts): the class board's
 * reading, tallying and CSV, the lesson guide's coverage, and old saves
 * still loading after the presenter and contrast settings were added.
 */
import { describe, expect, it } from 'vitest';
import { encodeResult, scoreReport, type PlayerScore } from '../../src/core/index';
import { BOARD_KEY, MAX_BOARD_CODES, MAX_PASTE_CODES, addToBoard, boardCsv, loadBoardCodes, readBoard, saveBoardCodes, splitCodes, tallyByLevel } from '../../src/ui/classBoard';
import { LESSON_GUIDES, lessonGuide } from '../../src/ui/lessonGuide';
import { SAVE_KEY, loadSave } from '../../src/ui/save';
import { campaign, campaignLevel } from '../core/campaign';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}
const memory = () => new MemoryStorage() as MemoryStorage & Storage;

function resultCode(levelId: string, decision: 'deploy' | 'hold', hypothesis: string, stars: 0 | 1 | 2 | 3, date = '2026-11-20', name = ''): string {
  const level = campaignLevel(levelId);
  const judged = { stars, points: { total: stars * 30 + 10 } } as unknown as PlayerScore;
  const code = encodeResult(scoreReport(level, { decision, hypothesis }, judged, date, name));
  if (!code.ok) throw new Error('could not encode');
  return code.value;
}

describe('the class board', () => {
  const levels = campaign().sort((a, b) => a.order - b.order); // campaign order, as the game sorts them

  it('splits pasted codes on lines, spaces and commas', () => {
    expect(splitCodes(' a\nb  c,d;\r\ne ')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('decodes good codes, explains bad ones, and drops duplicates', () => {
    const a = resultCode('tutorial', 'deploy', 'coin-then-exit', 3);
    const b = resultCode('goes-right', 'hold', 'reach-end', 2);
    const c = resultCode('goes-right', 'deploy', 'get-coin', 1);
    const board = readBoard([a, b, a, c, 'R1-not-a-code', 'hello'], levels);
    expect(board.entries.map((e) => e.report.level)).toEqual(['tutorial', 'goes-right', 'goes-right']);
    expect(board.entries[0]).toMatchObject({ levelTitle: 'First Steps', hypothesisLabel: 'Coin, then exit', sameVersion: true });
    expect(board.duplicates).toBe(1);
    expect(board.problems).toHaveLength(2);
    for (const p of board.problems) expect(p.message.length).toBeGreaterThan(5);
  });

  it('tallies deploy and hold per level in campaign order', () => {
    const codes = [resultCode('goes-right', 'hold', 'reach-end', 2), resultCode('tutorial', 'deploy', 'coin-then-exit', 3), resultCode('goes-right', 'deploy', 'get-coin', 1, '2026-11-21')];
    const tallies = tallyByLevel(readBoard(codes, levels).entries, levels);
    expect(tallies.map((t) => [t.levelId, t.deploy, t.hold])).toEqual([
      ['tutorial', 1, 0],
      ['goes-right', 1, 1],
    ]);
    expect(tallies[1]!.named).toEqual({ 'Reach the finish': 1, 'Get the coin': 1 });
  });

  it('writes CSV with a header, quoting, and formulas defused', () => {
    const codes = [resultCode('tutorial', 'deploy', 'coin-then-exit', 3)];
    const csv = boardCsv(readBoard(codes, levels).entries);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('level,level_title,decision,hypothesis,hypothesis_label,failure,stars,points,date,name,same_level_version,code');
    expect(lines[1]).toBe(`tutorial,First Steps,deploy,coin-then-exit,"Coin, then exit",,3,100,2026-11-20,,true,${codes[0]}`);
  });

  it('shows each student’s name, and a name cannot smuggle a formula or a quote into the CSV', () => {
    const codes = [
      resultCode('tutorial', 'hold', 'straight-to-exit', 1, '2026-11-20', '=HYPERLINK("http://x","y")'),
      resultCode('tutorial', 'deploy', 'coin-then-exit', 3, '2026-11-20', 'Zoë, "the" Brave'),
    ];
    const board = readBoard(codes, levels);
    expect(board.entries.map((e) => e.report.name)).toEqual(['=HYPERLINK("http://x","y")', 'Zoë, "the" Brave']);
    const lines = boardCsv(board.entries).trimEnd().split('\r\n');
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(lines[2]).toContain(`,"Zoë, ""the"" Brave",`);
  });

  it('keeps its codes in storage under a versioned key; damage is copied aside with a notice, not reset silently', () => {
    const store = memory();
    expect(saveBoardCodes(store, ['x', 'y'])).toBe(true);
    expect(JSON.parse(store.getItem(BOARD_KEY)!)).toEqual({ version: 1, codes: ['x', 'y'] });
    expect(loadBoardCodes(store).codes).toEqual(['x', 'y']);
    store.setItem(BOARD_KEY, '{not json');
    const damaged = loadBoardCodes(store, 77);
    expect(damaged.codes).toEqual([]);
    expect(damaged.problem).toMatch(/The class board stored in this browser could not be read \(it is not valid JSON\)\. It was kept aside under "mesa\.board\.v1\.unreadable\.77"/);
    expect(store.getItem(`${BOARD_KEY}.unreadable.77`)).toBe('{not json');
    expect(loadBoardCodes(null).codes).toEqual([]);
  });

  it('stores only codes that decode: junk never takes a valid result’s place', () => {
    const valid = [resultCode('tutorial', 'deploy', 'coin-then-exit', 3), resultCode('goes-right', 'hold', 'go-right', 2, '2026-11-21')];
    const junk = Array.from({ length: 2000 }, (_, i) => `R1junk${i}`).join('\n');
    // 2,000 junk codes first, then the valid ones: the junk was never stored, so nothing is evicted.
    const first = addToBoard([], junk, campaign());
    expect(first.codes).toEqual([]);
    expect(first.problems).toHaveLength(2000);
    const addition = addToBoard(first.codes, valid.join('\n'), campaign());
    expect(addition.codes).toEqual(valid);
    expect(addition.added).toBe(2);
  });

  it('a full board keeps every stored result and says how many new ones it refused', () => {
    const stored = Array.from({ length: MAX_BOARD_CODES }, (_, i) => `stored${i}`);
    const fresh = resultCode('tutorial', 'deploy', 'coin-then-exit', 3);
    const addition = addToBoard(stored, fresh, campaign());
    expect(addition.codes).toEqual(stored);
    expect(addition.refused).toBe(1);
    expect(addition.added).toBe(0);
  });

  it('reads a paste only up to its cap, counting what it left out', () => {
    const started = performance.now();
    const addition = addToBoard([], Array.from({ length: 100_000 }, (_, i) => `t${i}`).join(' '), campaign());
    expect(addition.read).toBe(MAX_PASTE_CODES);
    expect(addition.cut).toBe(100_000 - MAX_PASTE_CODES);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('the lesson guide', () => {
  it('has a page for every campaign level, with questions, expectations and the tempting wrong answer', () => {
    for (const level of campaign()) {
      const guide = lessonGuide(level.id);
      expect(guide, level.id).not.toBeNull();
      expect(guide!.ask.length).toBeGreaterThanOrEqual(2);
      expect(guide!.expect.length).toBeGreaterThanOrEqual(2);
      expect(guide!.commonWrongAnswer.length).toBeGreaterThan(5);
      expect(guide!.whyTempting.length).toBeGreaterThan(40);
      // Every part comes from the catalog: a missing key would show as the key itself.
      for (const text of [guide!.bigIdea, ...guide!.ask, ...guide!.expect, guide!.commonWrongAnswer, guide!.whyTempting, guide!.afterReveal]) expect(text, level.id).not.toMatch(/^guide\./);
    }
    expect(Object.keys(LESSON_GUIDES).sort()).toEqual(
      campaign()
        .map((l) => l.id)
        .sort(),
    );
    expect(lessonGuide('constructor')).toBeNull();
  });
});

describe('saves from before the classroom settings', () => {
  it('still load, with presenter mode and high contrast off', () => {
    const store = memory();
    store.setItem(SAVE_KEY, JSON.stringify({ version: 1, progress: { tutorial: { completed: true, stars: 3, bestPoints: 100 } }, settings: { reducedMotion: true, textSize: 'large' } }));
    const loaded = loadSave(store, 0);
    expect(loaded.problem).toBeNull();
    expect(loaded.save.settings).toEqual({ reducedMotion: true, textSize: 'large', presenter: false, contrast: 'normal' });
    expect(loaded.save.progress.tutorial?.stars).toBe(3);
  });
});
