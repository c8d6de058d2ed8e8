/**
 * What the codes hold — a level; a challenge (a level, a training
 * configuration and a seed); a result (a player's verdict and score) — and
 * how each is written and read: checked against its schema before encoding,
 * validated again after decoding. Decoding never throws; text decoded from a
 * code is untrusted plain text: views show it as text (textContent), never as
 * HTML.
 */
import { z } from 'zod';
import type { Decision, Verdict, PlayerScore } from './verdict';
import type { FailureKind } from './scoring';
import { FAILURE_KINDS } from './vocabulary';
import { message, schemaIssueMessage, type Message } from './message';
import { formatPath, idSchema, parseConfig, parseLevel, type Level, type LevelProblem, type TrainingConfigInput } from './level';
import { canonical, canonicalConfig, canonicalLevel, levelFingerprint } from './codeCanonical';
import { codeFail as fail, codeOk as ok, pack, unpack, type CodeResult } from './codeFormat';

/** A level plus a training configuration and a seed: opening it rebuilds the same trained agent. */
export interface Challenge {
  readonly level: Level;
  readonly config: TrainingConfigInput;
  readonly seed: number;
}

/**
 * A player's verdict and score on one level, for a teacher to collect. The
 * fingerprint tells which version of the level was played.
 */
export interface ScoreReport {
  readonly level: string;
  readonly levelFingerprint: string;
  readonly decision: Decision;
  readonly hypothesis: string;
  /** Where the player placed the failure, in levels that ask (`askFailureKind`). */
  readonly failure?: FailureKind;
  readonly stars: 0 | 1 | 2 | 3;
  readonly points: number;
  /** ISO day, `YYYY-MM-DD`, given by the caller (the core has no clock). */
  readonly date: string;
  /** The student's name, if they gave one (codes made before names existed have none). */
  readonly name?: string;
}

/** Longest student name a result code carries. */
export const MAX_STUDENT_NAME = 40;
/** Characters a name may not hold: controls, line and paragraph separators, and the bidirectional marks, embeddings, overrides and isolates that could reorder the text around it. */
const NAME_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;

/** Why a student name cannot go in a result code, or null when it can. The name is trimmed first; an empty name means "no name". */
export function studentNameProblem(name: string): Message | null {
  const trimmed = name.trim();
  if ([...trimmed].length > MAX_STUDENT_NAME) return message('core.problem.name-too-long', { max: MAX_STUDENT_NAME });
  if (NAME_FORBIDDEN.test(trimmed)) return message('core.problem.name-forbidden');
  return null;
}

/** What a result code proves and what it does not, in the words the game shows a teacher. */
export const RESULT_CODE_CAVEAT: Message = message('core.code.result-caveat');

/** Seeds as the command line takes them: whole numbers from 0 to 2^31 − 1. */
const seedSchema = z.int().min(0).max(0x7fffffff);
const identifier = idSchema;

const challengeSchema = z.strictObject({
  level: z.record(z.string(), z.unknown()),
  config: z.record(z.string(), z.unknown()),
  seed: seedSchema,
});

const reportSchema = z.strictObject({
  level: identifier,
  levelFingerprint: z.string().regex(/^[0-9a-f]{8}$/, 'must be 8 lowercase hex digits'),
  decision: z.enum(['deploy', 'hold']),
  hypothesis: identifier,
  failure: z.enum(FAILURE_KINDS).optional(),
  stars: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  points: z.int().min(0).max(999),
  date: z.string().refine(isIsoDay, 'core.problem.calendar-day'),
  name: z
    .string()
    .min(1)
    .refine((n) => n === n.trim(), 'core.problem.name-spaces')
    .refine((n) => [...n].length <= MAX_STUDENT_NAME, { message: 'core.problem.name-too-long', params: { max: MAX_STUDENT_NAME } })
    .refine((n) => !NAME_FORBIDDEN.test(n), 'core.problem.name-forbidden')
    .optional(),
});

function isIsoDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

// ---------------------------------------------------------------------------
// Encoding

/** The level code of a valid level (as `parseLevel` returns it). Fails only if the level is too big to share. */
export function encodeLevel(level: Level): CodeResult<string> {
  return pack('level', JSON.stringify(canonicalLevel(level)));
}

/** The challenge code of a level, a configuration for it and a seed. The configuration is checked against the level. */
export function encodeChallenge(challenge: Challenge): CodeResult<string> {
  const config = parseConfig(challenge.level, challenge.config);
  if (!config.ok) return fail({ kind: 'invalid-config', problems: config.problems });
  const seed = seedSchema.safeParse(challenge.seed);
  if (!seed.success) return fail({ kind: 'invalid-challenge', problems: zodProblems(seed.error, ['seed']) });
  const envelope = { level: canonicalLevel(challenge.level), config: canonicalConfig(config.value), seed: seed.data };
  return pack('challenge', JSON.stringify(envelope));
}

/** The result code of a score report. The report is checked first (a date must be a real `YYYY-MM-DD` day). */
export function encodeResult(report: ScoreReport): CodeResult<string> {
  const checked = reportSchema.safeParse(report);
  if (!checked.success) return fail({ kind: 'invalid-result', problems: zodProblems(checked.error) });
  return pack('result', JSON.stringify(canonical(reportSchema, checked.data, true)));
}

/** The report a result code carries, from what the verdict screen knows. `date` is the caller's ISO day. */
export function scoreReport(level: Level, verdict: Verdict, score: PlayerScore, date: string, name = ''): ScoreReport {
  const student = name.trim();
  return {
    level: level.id,
    levelFingerprint: levelFingerprint(level),
    decision: verdict.decision,
    hypothesis: verdict.hypothesis,
    ...(verdict.failure === undefined ? {} : { failure: verdict.failure }),
    stars: score.stars,
    points: score.points.total,
    date,
    ...(student === '' ? {} : { name: student }),
  };
}

// ---------------------------------------------------------------------------
// Decoding (never throws)

export type DecodedCode = { readonly kind: 'level'; readonly level: Level } | { readonly kind: 'challenge'; readonly challenge: Challenge } | { readonly kind: 'result'; readonly report: ScoreReport };

/** Reads a level code. */
export function decodeLevel(code: string): CodeResult<Level> {
  const unpacked = unpack(code, 'level');
  return unpacked.ok ? levelFromJson(unpacked.value.json) : unpacked;
}

/** Reads a challenge code: the level, a configuration valid for it, and the seed. */
export function decodeChallenge(code: string): CodeResult<Challenge> {
  const unpacked = unpack(code, 'challenge');
  return unpacked.ok ? challengeFromJson(unpacked.value.json) : unpacked;
}

/** Reads a result code. Its checksum catches typos, not forgeries. */
export function decodeResult(code: string): CodeResult<ScoreReport> {
  const unpacked = unpack(code, 'result');
  return unpacked.ok ? reportFromJson(unpacked.value.json) : unpacked;
}

/** Reads a code of any kind, as a pasted code or a `#level=…` link gives it. */
export function decodeAny(code: string): CodeResult<DecodedCode> {
  const unpacked = unpack(code, undefined);
  if (!unpacked.ok) return unpacked;
  const { kind, json } = unpacked.value;
  switch (kind) {
    case 'level': {
      const level = levelFromJson(json);
      return level.ok ? ok({ kind: 'level', level: level.value }) : level;
    }
    case 'challenge': {
      const challenge = challengeFromJson(json);
      return challenge.ok ? ok({ kind: 'challenge', challenge: challenge.value }) : challenge;
    }
    case 'result': {
      const report = reportFromJson(json);
      return report.ok ? ok({ kind: 'result', report: report.value }) : report;
    }
  }
}

function levelFromJson(data: unknown): CodeResult<Level> {
  const level = parseLevel(data);
  return level.ok ? ok(level.value) : fail({ kind: 'invalid-level', problems: level.problems });
}

function challengeFromJson(data: unknown): CodeResult<Challenge> {
  const envelope = challengeSchema.safeParse(data);
  if (!envelope.success) return fail({ kind: 'invalid-challenge', problems: zodProblems(envelope.error) });
  const level = parseLevel(envelope.data.level);
  if (!level.ok) return fail({ kind: 'invalid-level', problems: level.problems });
  const config = parseConfig(level.value, envelope.data.config);
  if (!config.ok) return fail({ kind: 'invalid-config', problems: config.problems });
  return ok({ level: level.value, config: config.value, seed: envelope.data.seed });
}

function reportFromJson(data: unknown): CodeResult<ScoreReport> {
  const report = reportSchema.safeParse(data);
  return report.success ? ok(report.data) : fail({ kind: 'invalid-result', problems: zodProblems(report.error) });
}

function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): LevelProblem[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: schemaIssueMessage(issue) }));
}
