/**
 * The class board's logic, without the DOM: reading many result codes
 * (pasted or from a file), dropping duplicates, tallying verdicts per level
 * and writing CSV. Every code is decoded by `decodeResult` from codes.ts,
 * which never throws; a bad code becomes a line saying why.
 *
 * Nothing here sends anything anywhere: the board lives in this browser's
 * storage under a versioned key.
 */
import { decodeResult, describeCodeError, levelFingerprint, type Level, type ScoreReport } from '../core/index';
import { addEnglish, msg, tx } from '../i18n/index';
import { loadStore, versioned, writeStore } from './storage';
import { displayLevel } from './levelText';
import { board } from '../i18n/en/board';

// This screen's words load with it.
addEnglish(board);

export const BOARD_KEY = 'mesa.board.v1';
export const BOARD_VERSION = 1;
/** A class is a few dozen codes; a few thousand is plenty and keeps storage small. */
export const MAX_BOARD_CODES = 2000;

export interface BoardEntry {
  readonly code: string;
  readonly report: ScoreReport;
  /** The level's title in this version of the game, or null if it does not know the level. */
  readonly levelTitle: string | null;
  /** The hypothesis label as the level words it, or the id if unknown. */
  readonly hypothesisLabel: string;
  /** False when the code was made on a different version of the level. */
  readonly sameVersion: boolean;
}

export interface BoardProblem {
  /** The code as pasted, shortened for display. */
  readonly code: string;
  readonly message: string;
}

export interface Board {
  readonly entries: readonly BoardEntry[];
  readonly problems: readonly BoardProblem[];
  readonly duplicates: number;
}

/** Codes in pasted text: one per line or separated by spaces, commas or semicolons. */
export function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

export function readBoard(codes: readonly string[], levels: readonly Level[]): Board {
  const seen = new Set<string>();
  const entries: BoardEntry[] = [];
  const problems: BoardProblem[] = [];
  let duplicates = 0;
  const byId = new Map(levels.map((l) => [l.id, l]));
  for (const code of codes) {
    if (seen.has(code)) {
      duplicates += 1;
      continue;
    }
    seen.add(code);
    const decoded = decodeResult(code);
    if (!decoded.ok) {
      problems.push({ code: code.length > 24 ? `${code.slice(0, 24)}…` : code, message: tx(describeCodeError(decoded.error)) });
      continue;
    }
    const report = decoded.value;
    const level = byId.get(report.level) ?? null;
    // Titles and labels in the reader's language; the version check reads the level itself.
    const shown = level && displayLevel(level);
    entries.push({
      code,
      report,
      levelTitle: shown?.title ?? null,
      hypothesisLabel: shown?.hypotheses.find((h) => h.id === report.hypothesis)?.label ?? report.hypothesis,
      sameVersion: level !== null && levelFingerprint(level) === report.levelFingerprint,
    });
  }
  return { entries, problems, duplicates };
}

export interface LevelTally {
  readonly levelId: string;
  readonly title: string;
  readonly deploy: number;
  readonly hold: number;
  /** Count of each named hypothesis, by label. */
  readonly named: Readonly<Record<string, number>>;
  readonly meanStars: number;
}

/** Verdicts per level, in campaign order, then levels the game does not know. */
export function tallyByLevel(entries: readonly BoardEntry[], levels: readonly Level[]): LevelTally[] {
  const order = new Map(levels.map((l, i) => [l.id, i]));
  const groups = new Map<string, BoardEntry[]>();
  for (const e of entries) groups.set(e.report.level, [...(groups.get(e.report.level) ?? []), e]);
  return [...groups.entries()]
    .sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b))
    .map(([levelId, group]) => {
      // A label is untrusted text: count in a Map so "constructor" is counted like any other name.
      const counts = new Map<string, number>();
      for (const e of group) counts.set(e.hypothesisLabel, (counts.get(e.hypothesisLabel) ?? 0) + 1);
      const named: Record<string, number> = Object.fromEntries(counts);
      return {
        levelId,
        title: group[0]!.levelTitle ?? levelId,
        deploy: group.filter((e) => e.report.decision === 'deploy').length,
        hold: group.filter((e) => e.report.decision === 'hold').length,
        named,
        meanStars: group.reduce((s, e) => s + e.report.stars, 0) / group.length,
      };
    });
}

const CSV_HEADER = ['level', 'level_title', 'decision', 'hypothesis', 'hypothesis_label', 'failure', 'stars', 'points', 'date', 'name', 'same_level_version', 'code'];

/** One cell: quoted when needed, and a leading =, +, - or @ (also after spaces) defused so a spreadsheet never runs it as a formula. */
function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (/^[\s]*[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The board as CSV (RFC 4180, CRLF line ends), one row per distinct code. */
export function boardCsv(entries: readonly BoardEntry[]): string {
  const rows = entries.map((e) => [
    e.report.level,
    e.levelTitle ?? '',
    e.report.decision,
    e.report.hypothesis,
    e.hypothesisLabel,
    e.report.failure ?? '',
    e.report.stars,
    e.report.points,
    e.report.date,
    e.report.name ?? '',
    e.sameVersion,
    e.code,
  ]);
  return [CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export interface StoredBoard {
  readonly codes: string[];
  /** Set when what was stored could not be read: it was copied aside (see src/ui/storage.ts). */
  readonly problem: string | null;
  readonly writable: boolean;
}

/** The codes kept in storage, through the one storage scheme: damage is copied aside with a notice, never reset silently. */
export function loadBoardCodes(storage: Storage | null, now = 0): StoredBoard {
  const loaded = loadStore<string[]>(storage, BOARD_KEY, now, msg('board.store.what'), (data) =>
    versioned(data, BOARD_VERSION, (envelope) => {
      const codes = envelope.codes;
      if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) return { ok: false, reason: msg('board.store.notCodes') };
      if (codes.length > MAX_BOARD_CODES) return { ok: false, reason: msg('board.store.tooMany', { count: codes.length, max: MAX_BOARD_CODES }) };
      return { ok: true, value: codes as string[] };
    }),
  );
  return { codes: loaded.value ?? [], problem: loaded.problem, writable: loaded.writable };
}

/** Returns false when the browser refuses to store (private mode, full storage) or there are more codes than a board keeps. */
export function saveBoardCodes(storage: Storage | null, codes: readonly string[]): boolean {
  if (codes.length > MAX_BOARD_CODES) return false;
  return writeStore(storage, BOARD_KEY, JSON.stringify({ version: BOARD_VERSION, codes }));
}

/** Most codes read from one paste or file: a class's worth many times over, and a bound on the work. */
export const MAX_PASTE_CODES = 2000;

export interface BoardAddition {
  /** The board's codes after the addition: the stored ones, then the new valid ones that fit. */
  readonly codes: readonly string[];
  /** Tokens read from the text (at most MAX_PASTE_CODES). */
  readonly read: number;
  /** New valid codes added. */
  readonly added: number;
  /** Codes already on the board or repeated in the text. */
  readonly duplicates: number;
  /** Codes that do not decode, with the reason: never stored. */
  readonly problems: readonly BoardProblem[];
  /** Valid new codes left out because the board is full. */
  readonly refused: number;
  /** Tokens past MAX_PASTE_CODES in the text, not read at all. */
  readonly cut: number;
}

/**
 * Adds the codes in a paste or a file to the board. Only codes that decode
 * are kept; a full board keeps what it has and refuses the newcomers (never
 * evicting a stored result); a paste is read up to MAX_PASTE_CODES tokens.
 * Everything left out is counted, so the page can say so.
 */
export function addToBoard(stored: readonly string[], text: string, levels: readonly Level[]): BoardAddition {
  const tokens = splitCodes(text);
  const cut = Math.max(0, tokens.length - MAX_PASTE_CODES);
  const incoming = tokens.slice(0, MAX_PASTE_CODES);
  const have = new Set(stored);
  const fresh = incoming.filter((c) => !have.has(c));
  const board = readBoard(fresh, levels);
  const valid = board.entries.map((e) => e.code);
  const room = Math.max(0, MAX_BOARD_CODES - stored.length);
  const accepted = valid.slice(0, room);
  return {
    codes: [...stored, ...accepted],
    read: incoming.length,
    added: accepted.length,
    duplicates: incoming.length - fresh.length + board.duplicates,
    problems: board.problems,
    refused: valid.length - accepted.length,
    cut,
  };
}
