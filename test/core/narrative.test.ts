/**
 * The run's story: facts measured from the worlds the agent actually trained
 * on, the lesson's sentences shown only when their conditions hold of the
 * run, and template problems reported by path.
 */
import { describe, expect, it } from 'vitest';
import {
  Trainer,
  changesSentence,
  failureSeen,
  mechanismSentences,
  mindToRecord,
  outcomeSentences,
  parseLevel,
  parseSay,
  resolveConfig,
  runFacts,
  measureDeployment,
  settingChanges,
  signed,
  tellLesson,
  train,
  trainingWorlds,
  trainingFacts,
  MEASURE_LIMITS,
  measuredShareSentence,
  weightsSentence,
  type Level,
  type DeploymentTruth,
  type TrainingConfigInput,
  type World,
} from '../../src/core/index';
import { campaign, campaignLevel, levelJson } from './campaign';
import { tx } from '../../src/i18n/index';
import { storyText } from '../../src/ui/levelText';

function trainAndScore(level: Level, config: TrainingConfigInput, seed: number) {
  const { mind } = train(level, resolveConfig(level, config), seed);
  const card = measureDeployment(level, mind);
  return { run: runFacts(level, { config, seed, weights: mindToRecord(mind) }, { card }), card, weights: mindToRecord(mind) };
}

describe('the training worlds the story measures', () => {
  it('are the very worlds the trainer trained on, generation by generation', () => {
    const level = campaignLevel('goes-right');
    const config = resolveConfig(level, { knobs: { coinRandomShare: 0.3 }, generations: 6 });
    const trainer = new Trainer(level, config, 17);
    const seen: World[] = [];
    while (!trainer.finished) {
      trainer.step();
      seen.push(...trainer.lastWorlds);
    }
    const replayed = trainingWorlds(level, config, 17);
    expect(replayed.length).toBe(6 * config.episodesPerGeneration);
    expect(replayed.map((w) => w.objects)).toEqual(seen.map((w) => w.objects));
  });

  it('a run too long to recount on the page is measured on its first worlds, and the story says so', () => {
    const level = campaignLevel('goes-right');
    const facts = trainingFacts(level, resolveConfig(level, { generations: 200 }), 1);
    expect(facts.total).toBe(1600);
    expect(facts.worlds).toBe(MEASURE_LIMITS.worlds);
    expect(facts.complete).toBe(false);
    expect(tx(measuredShareSentence(facts)!)).toContain(`the first ${MEASURE_LIMITS.worlds} of the 1,600 worlds`);
    expect(measuredShareSentence(trainingFacts(level, resolveConfig(level, {}), 1))).toBeNull();
  });

  it('goes-right with the defaults: the coin sat in the finish gate in every one of its 200 worlds', () => {
    const level = campaignLevel('goes-right');
    const { run } = trainAndScore(level, {}, 1);
    expect(run.training.worlds).toBe(200);
    expect(run.training.together('coin', 'end')).toBe(200);
    expect(run.training.apart('coin', 'end')).toBe(0);
  });

  it('goes-right with the coin random in 30% of runs: the coin left the gate in about that share of worlds', () => {
    const level = campaignLevel('goes-right');
    const { run } = trainAndScore(level, { knobs: { coinRandomShare: 0.3 } }, 1);
    const apart = run.training.apart('coin', 'end');
    expect(apart).toBeGreaterThan(40);
    expect(apart).toBeLessThan(80);
    expect(run.training.together('coin', 'end') + apart).toBe(200);
  });

  it('colour-proxy: every gem was yellow and nothing else was, unless the player broke the link', () => {
    const level = campaignLevel('colour-proxy');
    const plain = runFacts(level, { config: {}, seed: 2, weights: {} }, { card: measureDeployment(level, { names: [], weights: new Float64Array(0) }) });
    expect(plain.training.apart('gem', 'yellow')).toBe(0);
    expect(plain.training.apart('yellow', 'gem')).toBe(0);
    const broken = runFacts(level, { config: { knobs: { gemColourVariety: 0.4, yellowStarShare: 0.4 } }, seed: 2, weights: {} }, { card: plain.card });
    expect(broken.training.apart('gem', 'yellow')).toBeGreaterThan(0);
    expect(broken.training.apart('yellow', 'gem')).toBeGreaterThan(0);
  });

  it('treacherous-turn and sleeper-agent: watched, audited and trigger worlds are counted', () => {
    const turn = campaignLevel('treacherous-turn');
    const card = measureDeployment(turn, { names: [], weights: new Float64Array(0) });
    const none = runFacts(turn, { config: {}, seed: 1, weights: {} }, { card });
    expect(none.training.audited).toBe(0);
    expect(none.training.watched + none.training.unwatched).toBe(none.training.worlds);
    const audits = runFacts(turn, { config: { knobs: { supervisorShare: 0.5, covertAuditShare: 0.5 } }, seed: 1, weights: {} }, { card });
    expect(audits.training.audited).toBeGreaterThan(0);
    const sleeper = campaignLevel('sleeper-agent');
    const sleeperCard = measureDeployment(sleeper, { names: [], weights: new Float64Array(0) });
    expect(runFacts(sleeper, { config: {}, seed: 1, weights: {} }, { card: sleeperCard }).training.present('trigger')).toBe(0);
    expect(runFacts(sleeper, { config: { knobs: { triggerShare: 0.5 } }, seed: 1, weights: {} }, { card: sleeperCard }).training.present('trigger')).toBeGreaterThan(0);
  });
});

describe('the lesson told of the run', () => {
  it('goes-right, defaults: the failure is explained with this agent’s own numbers', () => {
    const level = campaignLevel('goes-right');
    const { run, card, weights } = trainAndScore(level, {}, 1);
    expect(failureSeen(level, card)).toBe(true);
    const lesson = tellLesson(run).map(storyText).join(' ');
    expect(lesson).toContain('in all 200 training worlds');
    expect(lesson).toContain(`its weight for the right edge is ${signed(weights['right-edge']!)}`);
    expect(lesson).toContain('goal misgeneralization');
    expect(tx(weightsSentence(weights))).toContain(signed(weights['coin']!));
    expect(tx(changesSentence(level, {}))).toMatch(/changed nothing/);
    expect(mechanismSentences(run).map(tx).join(' ')).toContain('only within 3 tiles');
  });

  it('goes-right, fixed: no sentence claims the failure happened', () => {
    const level = campaignLevel('goes-right');
    const { run, card } = trainAndScore(level, { knobs: { coinRandomShare: 0.3 } }, 1);
    expect(card.aligned).toBe(true);
    const all = [...tellLesson(run).map(storyText), ...mechanismSentences(run).map(tx), ...outcomeSentences(level, card).map(tx)].join(' ');
    expect(all).not.toMatch(/learned to reach the finish|That is goal misgeneralization|always sat in the finish gate/);
    expect(all).toContain('did not show goal misgeneralization');
    expect(tx(changesSentence(level, { knobs: { coinRandomShare: 0.3 } }))).toBe('You changed “Coin placed at random” from 0% to 30%.');
  });

  it('every campaign level: a default run and a fixed run each get at least one lesson sentence, and no placeholder is left', () => {
    for (const level of campaign()) {
      const fix = level.lesson.claims.find((c) => c.expect.aligned === true)?.config ?? {};
      for (const config of [{}, fix]) {
        const { run } = trainAndScore(level, config, 4);
        const told = tellLesson(run).map(storyText);
        expect(told.length, `${level.id} ${JSON.stringify(config)}`).toBeGreaterThan(0);
        for (const sentence of [...told, ...mechanismSentences(run).map(tx)]) expect(sentence).not.toMatch(/[{}]/);
        if (run.card.aligned) expect(told.join(' '), level.id).not.toMatch(/The agent learned|carried a backdoor|behaved whenever it was watched/);
      }
    }
  });

  it('names the mechanism from the agent’s anatomy and the training worlds: view, learning speed, who was watching', () => {
    const colour = campaignLevel('colour-proxy');
    const card = measureDeployment(colour, { names: [], weights: new Float64Array(0) });
    const colourStory = mechanismSentences(runFacts(colour, { config: {}, seed: 1, weights: {} }, { card }))
      .map(tx)
      .join(' ');
    expect(colourStory).toContain('the gem at 35% of the usual speed');
    expect(colourStory).toMatch(/In all \d+ of its training worlds, the gem was yellow/);
    const turn = campaignLevel('treacherous-turn');
    const run = runFacts(turn, { config: { knobs: { covertAuditShare: 0.5 } }, seed: 1, weights: {} }, { card: measureDeployment(turn, { names: [], weights: new Float64Array(0) }) });
    expect(mechanismSentences(run).map(tx).join(' ')).toContain(
      `Of its ${run.training.worlds} training worlds, ${run.training.watched} had a supervisor watching, ${run.training.audited} had a covert audit and ${run.training.unwatched} had no one seeing what it did`,
    );
  });

  it('a level written as a single text says it only when the run showed the failure', () => {
    const json = levelJson('goes-right');
    json.lesson.reveal = 'The agent learned to reach the finish.';
    const level = parseOk(json);
    const aligned: DeploymentTruth = {
      successRate: 1,
      aligned: true,
      revealed: 'get-coin',
      revealedBy: 'agreement',
      best: ['get-coin'],
      agreement: { 'get-coin': 1, 'reach-end': 0 },
      successes: [true],
    };
    const failed: DeploymentTruth = { ...aligned, successRate: 0, aligned: false, revealed: 'reach-end', best: ['reach-end'], successes: [false] };
    expect(tellLesson(runFacts(level, { config: {}, seed: 1, weights: {} }, { card: aligned }))).toEqual([]);
    expect(tellLesson(runFacts(level, { config: {}, seed: 1, weights: {} }, { card: failed })).map(storyText)).toEqual(['The agent learned to reach the finish.']);
  });

  it('explains in one sentence why succeeding and matching the intended objective differ', () => {
    const level = campaignLevel('colour-proxy');
    const card: DeploymentTruth = {
      successRate: 1,
      aligned: true,
      revealed: 'get-gem',
      revealedBy: 'agreement',
      best: ['get-gem'],
      agreement: { 'get-gem': 0.72, 'get-yellow': 0.1, 'avoid-blue': 0.2 },
      successes: Array.from({ length: 100 }, () => true),
    };
    const [outcome, why] = outcomeSentences(level, card).map(tx);
    expect(outcome).toContain('100 of 100');
    expect(why).toContain('100 of 100 succeeded while 72 of 100 matched it');
  });

  it('what the player changed is listed with both values, against a round’s preset where there is one', () => {
    const level = campaignLevel('outer-vs-inner');
    const round1 = level.rounds[0]!.config;
    expect(settingChanges(level, round1, round1)).toEqual([]);
    expect(settingChanges(level, { ...round1, reward: { ...round1.reward, coin: 5 } }, round1)).toEqual([{ kind: 'reward', name: 'coin', from: round1.reward!.coin, to: 5 }]);
  });
});

describe('lesson templates in the level schema', () => {
  const withReveal = (reveal: unknown) => {
    const json = levelJson('goes-right');
    json.lesson.reveal = reveal;
    return parseLevel(json);
  };

  it('names the path and reason of every bad placeholder or condition', () => {
    const result = withReveal([{ say: 'ok {worlds}' }, { say: 'bad {wieght:coin}' }, { say: 'weight {weight:cion}' }, { when: { revealed: 'nobody' }, say: 'x' }, { say: 'open {worlds' }]);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.path)).toEqual(['lesson.reveal[1].say', 'lesson.reveal[2].say', 'lesson.reveal[3].when.revealed', 'lesson.reveal[4].say']);
    expect(tx(problems[0]!.message)).toMatch(/unknown placeholder \{wieght:coin\}/);
    expect(tx(problems[1]!.message)).toMatch(/no weight "cion"/);
    expect(tx(problems[2]!.message)).toMatch(/no hypothesis named "nobody"/);
  });

  it('rejects conditions on names outside the vocabulary, by path', () => {
    const result = withReveal([{ when: { together: ['coin', 'purple-dragon'] }, say: 'x' }]);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems[0]!.path).toMatch(/^lesson\.reveal\[0\]\.when\.together/);
  });

  it('parses placeholders with their arguments', () => {
    const names = { weights: new Set(['coin']), knobs: new Set(['coinRandomShare']), hypotheses: new Set<string>() };
    const parsed = parseSay('In {together:coin:end} of {worlds}, weight {weight:coin}, {knob:coinRandomShare}.', names);
    expect(parsed.ok && parsed.parts.filter((p) => typeof p !== 'string')).toEqual([
      { name: 'together', args: ['coin', 'end'] },
      { name: 'worlds', args: [] },
      { name: 'weight', args: ['coin'] },
      { name: 'knob', args: ['coinRandomShare'] },
    ]);
    const refused = parseSay('{worlds:3}', names);
    expect(refused.ok ? '' : tx(refused.message)).toBe('{worlds} takes 0 arguments (none), found 1');
  });

  it('still reads a lesson written as a single text', () => {
    expect(withReveal('Plain prose.').ok).toBe(true);
  });
});

function parseOk(json: unknown): Level {
  const parsed = parseLevel(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}
