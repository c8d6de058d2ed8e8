/**
 * The core and the session say everything as catalog keys with parameters.
 * Every message they give for every campaign level — the run's story, the
 * level's lesson, problems of broken levels and settings, unreadable codes,
 * refused moves, work over budget — names a key of the English catalog and
 * fills every placeholder its English template has.
 */
import { describe, expect, it } from 'vitest';
import {
  CODE_ERROR_KINDS,
  MAX_STUDENT_NAME,
  RESULT_CODE_CAVEAT,
  schemaIssueMessage,
  studentNameProblem,
  EVENT_KINDS,
  FEATURES,
  OBJECT_KINDS,
  changesSentence,
  checkBudget,
  contextWords,
  describeCodeError,
  describeProblems,
  estimateWork,
  eventWords,
  featureLabel,
  formatDuration,
  lessonOutline,
  measuredShareSentence,
  mechanismSentences,
  mindFromRecord,
  objectsLabel,
  outcomeSentences,
  parseConfig,
  parseLevel,
  parseSay,
  resolveConfig,
  runFacts,
  measureDeployment,
  storyNames,
  successVersusMatch,
  tellLesson,
  train,
  mindToRecord,
  trainingFacts,
  weightsSentence,
  type CodeError,
  type CodeKind,
  type Level,
  type LevelProblem,
  type Message,
  type MessageParam,
  type StoryText,
} from '../../src/core/index';
import { describeMoveError, type MoveError } from '../../src/session/index';
import { en } from '../../src/i18n/en/index';
import type { Entry } from '../../src/i18n/index';
import { tx } from '../../src/i18n/index';
import { campaign, levelJson } from './campaign';

const CATALOG = en as Readonly<Record<string, Entry>>;

/** The placeholder names of an entry's English, in every plural form. */
function placeholders(entry: Entry): Set<string> {
  const forms = typeof entry === 'string' ? [entry] : Object.values(entry);
  const names = new Set<string>(typeof entry === 'string' ? [] : ['count']);
  for (const form of forms) for (const match of form.matchAll(/\{(\w+)\}/g)) names.add(match[1]!);
  return names;
}

/** Problems with one message and every message inside it: a missing key, or a placeholder with no parameter. */
function faults(m: Message, where: string): string[] {
  const entry = CATALOG[m.key];
  if (entry === undefined) return [`${where}: no catalog entry "${m.key}"`];
  const out: string[] = [];
  for (const name of placeholders(entry)) if (!m.params || !Object.hasOwn(m.params, name)) out.push(`${where}: "${m.key}" leaves {${name}} unfilled`);
  const inner = (value: MessageParam): string[] => (typeof value === 'object' ? (Array.isArray(value) ? value.flatMap((v) => inner(v as MessageParam)) : faults(value as Message, where)) : []);
  for (const value of Object.values(m.params ?? {})) out.push(...inner(value));
  if (out.length === 0 && tx(m).length === 0) out.push(`${where}: "${m.key}" writes nothing`);
  return out;
}

function storyFaults(parts: StoryText, where: string): string[] {
  return parts.flatMap((part) => (typeof part === 'object' ? faults(part, where) : []));
}

function problemFaults(problems: readonly LevelProblem[], where: string): string[] {
  return [...problems.flatMap((p) => faults(p.message, `${where} ${p.path}`)), ...faults(describeProblems(where, problems), where)];
}

const levels = campaign();

describe('the run’s story, for every campaign level', () => {
  it('every sentence of a trained run, and of each hypothesis played as an agent, is in the catalog with its placeholders filled', () => {
    const found: string[] = [];
    for (const level of levels) {
      const fix = level.lesson.claims.find((c) => c.expect.aligned === true)?.config ?? {};
      const runs = [{}, fix].map((config) => {
        const { mind } = train(level, resolveConfig(level, config), 1);
        return { config, weights: mindToRecord(mind), card: measureDeployment(level, mind) };
      });
      // Each hypothesis played as an agent: the revealed objective (and so the mechanism sentences) differs from run to run.
      for (const h of level.hypotheses) runs.push({ config: {}, weights: h.weights, card: measureDeployment(level, mindFromRecord(level, h.weights)) });
      for (const [i, { config, weights, card }] of runs.entries()) {
        const where = `${level.id} run ${i}`;
        const run = runFacts(level, { config, seed: 1, weights }, { card });
        found.push(...faults(weightsSentence(weights), where), ...faults(weightsSentence(weights, 'default'), where));
        found.push(...faults(changesSentence(level, config), where));
        for (const m of outcomeSentences(level, card)) found.push(...faults(m, where));
        const why = successVersusMatch(level, card);
        if (why) found.push(...faults(why, where));
        for (const m of mechanismSentences(run)) found.push(...faults(m, where));
        for (const sentence of tellLesson(run)) found.push(...storyFaults(sentence, where));
      }
      for (const claim of level.lesson.claims) found.push(...faults(changesSentence(level, claim.config), `${level.id} claim ${claim.name}`));
      for (const sentence of lessonOutline(level)) expect(sentence, level.id).not.toMatch(/\{/);
      const long = trainingFacts(level, resolveConfig(level, { generations: level.training.maxGenerations }), 1);
      const share = measuredShareSentence(long);
      if (share) found.push(...faults(share, `${level.id} long run`));
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('every lesson sentence’s placeholders fill with values the page can write', () => {
    for (const level of levels) {
      const reveal = level.lesson.reveal;
      if (typeof reveal === 'string') continue;
      for (const sentence of reveal) expect(parseSay(sentence.say, storyNames(level)).ok, `${level.id}: ${sentence.say}`).toBe(true);
    }
  });

  it('names every feature, object kind, context and event', () => {
    const found: string[] = [];
    const named = (param: string | MessageParam, where: string) => (typeof param === 'string' ? [`${where}: no catalog entry`] : faults(param as Message, where));
    for (const f of FEATURES) found.push(...named(featureLabel(f), f));
    for (const k of OBJECT_KINDS) found.push(...named(featureLabel(k), k), ...named(objectsLabel(k), k));
    for (const v of ['watched', 'unwatched', 'trigger', 'no-trigger', 'has-key', 'no-key']) found.push(...named(contextWords(v), v));
    for (const e of EVENT_KINDS) found.push(...named(eventWords(e), e));
    expect(found).toEqual([]);
  });
});

describe('problems, for every campaign level broken one way at a time', () => {
  /** Ways to break a level, each a different problem of the schema or of its cross-checks. */
  const BREAKS: Readonly<Record<string, (l: Record<string, any>) => void>> = {
    'missing title': (l) => delete l.title,
    'title of the wrong type': (l) => (l.title = 3),
    'empty title': (l) => (l.title = ''),
    'unknown key': (l) => (l.titel = 'x'),
    'two unknown keys': (l) => Object.assign(l, { a: 1, b: 2 }),
    'bad id': (l) => (l.id = 'Not An Id'),
    'unknown feature': (l) => (l.agent.features = [...l.agent.features, 'teleporter']),
    'feature twice': (l) => (l.agent.features = [l.agent.features[0], ...l.agent.features]),
    'map too wide': (l) => (l.world.map[0] = '.'.repeat(33)),
    'row too short': (l) => (l.world.map[1] = '.'),
    'bad map character': (l) => (l.world.map[0] = '?'.repeat(l.world.map[0].length)),
    'no start floor': (l) => (l.world.start = { cells: [[0, 0]] }),
    'start cell outside': (l) => (l.world.start = { cells: [[99, 99]] }),
    'rect out of order': (l) => (l.world.start = { rect: [3, 3, 0, 0] }),
    'hypotheses all intended': (l) => l.hypotheses.forEach((h: { intended: boolean }) => (h.intended = true)),
    'hypothesis id twice': (l) => (l.hypotheses[1].id = l.hypotheses[0].id),
    'hypothesis id reserved': (l) => (l.hypotheses[0].id = 'unexplained'),
    'hypothesis weight unknown': (l) => (l.hypotheses[0].weights = { nosuch: 1 }),
    'claim of nothing': (l) => l.lesson.claims.length && (l.lesson.claims[0].expect = {}),
    'claim of an unknown hypothesis': (l) => l.lesson.claims.length && (l.lesson.claims[0].expect = { revealed: 'nobody' }),
    'claim revealed and varies': (l) => l.lesson.claims.length && (l.lesson.claims[0].expect = { revealed: l.hypotheses[0].id, revealedVaries: true }),
    'claim config with an unknown knob': (l) => l.lesson.claims.length && (l.lesson.claims[0].config = { knobs: { nosuch: 1 } }),
    'default generations over the maximum': (l) => (l.training.generations = l.training.maxGenerations + 1),
    'lesson placeholders': (l) =>
      (l.lesson.reveal = [
        { say: 'bad {wieght:coin}' },
        { say: 'weight {weight:cion}' },
        { say: 'open {worlds' },
        { say: 'close worlds}' },
        { say: 'nest {a{b}}' },
        { say: '{worlds:3}' },
        { say: '{together:dragon:coin}' },
        { say: '{together:coin:dragon}' },
        { say: '{present:dragon}' },
        { say: '{reward:dragon}' },
        { say: '{knob:nosuch}' },
        { when: { revealed: 'nobody' }, say: 'x' },
      ]),
    'noise scale not positive': (l) => (l.agent.inductiveBias = { ...l.agent.inductiveBias, noiseScale: { [l.agent.features[0]]: -1 } }),
    'knob min over max': (l) => {
      const name = Object.keys(l.knobs)[0];
      if (name) l.knobs[name] = { ...l.knobs[name], min: 1, max: 0 };
    },
    'too many hypotheses': (l) => (l.hypotheses = Array.from({ length: 20 }, (_, i) => ({ ...l.hypotheses[0], id: `h${i}` }))),
    __proto__key: (l) => Object.defineProperty(l, '__proto__', { value: 1, enumerable: true }),
  };

  it('every problem is in the catalog with its placeholders filled', () => {
    const found: string[] = [];
    let problems = 0;
    for (const level of levels) {
      for (const [name, breakIt] of Object.entries(BREAKS)) {
        const json = levelJson(level.id);
        breakIt(json);
        const parsed = parseLevel(JSON.parse(JSON.stringify(json)));
        if (parsed.ok) continue;
        problems += parsed.problems.length;
        found.push(...problemFaults(parsed.problems, `${level.id} (${name})`));
      }
    }
    expect(found).toEqual([]);
    expect(problems).toBeGreaterThan(levels.length * 10);
  });

  it('a training configuration the level does not allow: every problem is in the catalog', () => {
    const found: string[] = [];
    for (const level of levels) {
      const knobs = Object.keys(level.knobs);
      const configs: unknown[] = [
        { reward: Object.fromEntries(EVENT_KINDS.map((e) => [e, 1])) },
        { knobs: { nosuch: 1, ...Object.fromEntries(knobs.map((k) => [k, 99])) } },
        { generations: 10_000 },
        { viewRadius: 99 },
        { seed: 'one' },
        { generations: -1 },
        JSON.parse('{"reward":{"__proto__":5}}'),
      ];
      for (const config of configs) {
        const parsed = parseConfig(level, config);
        if (!parsed.ok) found.push(...problemFaults(parsed.problems, `${level.id} ${JSON.stringify(config)}`));
      }
    }
    expect(found).toEqual([]);
  });

  it('describes no problems at all as invalid', () => {
    expect(faults(describeProblems('x.json', []), 'none')).toEqual([]);
  });
});

describe('codes, moves and work', () => {
  it('every kind of unreadable code is in the catalog with its placeholders filled', () => {
    const kinds: CodeKind[] = ['level', 'challenge', 'result'];
    const problems: LevelProblem[] = [{ path: 'title', message: { key: 'core.schema.invalid' } }];
    const errors: CodeError[] = [
      { kind: 'empty' },
      { kind: 'too-long', length: 20_000, max: 12_000 },
      { kind: 'too-short', length: 3, min: 12 },
      { kind: 'bad-characters', position: 4, codePoint: 0x20 },
      { kind: 'bad-prefix', letter: 'X' },
      ...kinds.map((codeKind): CodeError => ({ kind: 'unknown-version', codeKind, version: '9' })),
      { kind: 'bad-checksum' },
      ...kinds.flatMap((found) => kinds.filter((k) => k !== found).map((expected): CodeError => ({ kind: 'wrong-kind', found, expected }))),
      { kind: 'bad-base64' },
      { kind: 'inflate-failed', reason: 'corrupt data' },
      { kind: 'too-large', max: 65_536 },
      { kind: 'bad-json', reason: 'unexpected end' },
      { kind: 'invalid-level', problems },
      { kind: 'invalid-config', problems: [...problems, ...problems] },
      { kind: 'invalid-challenge', problems },
      { kind: 'invalid-result', problems: [] },
    ];
    expect(new Set(errors.map((e) => e.kind))).toEqual(new Set(CODE_ERROR_KINDS));
    expect(errors.flatMap((e) => faults(describeCodeError(e), e.kind))).toEqual([]);
  });

  it('a student name that cannot go in a result code, and what a result code proves, are in the catalog', () => {
    const said = [studentNameProblem('x'.repeat(MAX_STUDENT_NAME + 1))!, studentNameProblem('a\u2066b')!, RESULT_CODE_CAVEAT];
    expect(said.flatMap((m, i) => faults(m, `name ${i}`))).toEqual([]);
    const refined = schemaIssueMessage({ code: 'custom', message: 'core.problem.name-too-long', params: { max: MAX_STUDENT_NAME } });
    expect(tx(refined)).toBe(`a name is at most ${MAX_STUDENT_NAME} characters`);
  });

  it('every refused move, for every campaign level, is in the catalog with its placeholders filled', () => {
    const found: string[] = [];
    for (const level of levels) {
      const knob = Object.keys(level.knobs)[0] ?? 'none';
      const errors: MoveError[] = [
        { kind: 'no-agent' },
        { kind: 'no-probes-left', budget: level.budget.probes },
        { kind: 'no-lens-left', budget: level.budget.lens },
        { kind: 'missing-choice', choice: 'decision' },
        { kind: 'missing-choice', choice: 'hypothesis' },
        { kind: 'missing-choice', choice: 'failure' },
        { kind: 'unknown-hypothesis', hypothesis: 'nobody' },
        { kind: 'not-editable', setting: 'reward.coin' },
        ...['reward.coin', `knobs.${knob}`, 'seed', 'viewRadius', 'generations'].map((setting): MoveError => ({ kind: 'out-of-range', setting, min: -50, max: 50 })),
        { kind: 'no-such-round', round: 3 },
        { kind: 'bad-vote', hypothesis: level.hypotheses[0]!.id },
        { kind: 'first-run-pending' },
        ...(['agent', 'prediction', 'measurement', 'no-agent'] as const).map((needs): MoveError => ({ kind: 'first-run-order', needs })),
        { kind: 'not-default', seed: 1 },
      ];
      for (const error of errors) found.push(...faults(describeMoveError(level, error), `${level.id} ${error.kind}`));
    }
    expect(found).toEqual([]);
  });

  it('work over budget and every duration are in the catalog with their placeholders filled', () => {
    const found: string[] = [];
    const level: Level = levels[0]!;
    const estimate = estimateWork(level, resolveConfig(level));
    for (const over of [checkBudget({ ...estimate, training: 1e12 }), checkBudget({ ...estimate, scoring: 5e9 }), checkBudget({ ...estimate, training: 9e8 * 40 })]) {
      expect(over).not.toBeNull();
      found.push(...faults(over!.message, over!.part));
    }
    for (const seconds of [Number.NaN, 0.2, 42, 402, 7200, 86_400 * 3, 86_400]) found.push(...faults(formatDuration(seconds), String(seconds)));
    expect(found).toEqual([]);
  });
});
