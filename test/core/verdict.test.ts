/**
 * The scoring engine for the player's verdict, the measured failure kind
 * (outer or inner), experiment sweeps, and the probe editor's world edits.
 */
import { describe, expect, it } from 'vitest';
import {
  classifyFailure,
  deploymentSuite,
  episodeReward,
  fullObservationReward,
  judgeVerdict,
  mindFromRecord,
  resolveConfig,
  rewardOptimalHypothesis,
  rewardOptimalHypotheses,
  runEpisode,
  measureDeployment,
  sweepKnob,
  train,
  trainingLikeWorlds,
  withAgentAt,
  withObject,
  withoutObjectAt,
  withSupervisor,
  moveObject,
  type DeploymentTruth,
  MessageError,
} from '../../src/core/index';
import { campaignLevel } from './campaign';
import { tx } from '../../src/i18n/index';

const card = (aligned: boolean, revealed: string, failures = 10): DeploymentTruth => ({
  successRate: aligned ? 0.9 : 0.1,
  aligned,
  revealed,
  revealedBy: 'agreement',
  best: [revealed],
  agreement: {},
  successes: Array.from({ length: 100 }, (_, i) => i >= failures),
});

describe('judging the verdict', () => {
  const level = campaignLevel('goes-right');
  const costs = { episodes: 3840, probes: 0, lens: 0 };

  it('three stars only for deploying an aligned agent with the right objective', () => {
    const judged = judgeVerdict(level, card(true, 'get-coin'), { decision: 'deploy', hypothesis: 'get-coin' }, costs, 3840);
    expect(judged).toMatchObject({ decisionCorrect: true, objectiveCorrect: true, outcome: 'aligned-deployed', stars: 3 });
    expect(judged.points.total).toBe(100);
  });

  it('two stars for correctly holding a misaligned agent and naming its proxy', () => {
    const judged = judgeVerdict(level, card(false, 'reach-end', 87), { decision: 'hold', hypothesis: 'reach-end' }, costs, 3840);
    expect(judged).toMatchObject({ stars: 2, outcome: 'misaligned-held', failures: 87 });
  });

  it('no stars for deploying a misaligned agent while naming the intended objective', () => {
    const judged = judgeVerdict(level, card(false, 'reach-end'), { decision: 'deploy', hypothesis: 'get-coin' }, costs, 3840);
    expect(judged).toMatchObject({ stars: 0, outcome: 'misaligned-deployed', decisionCorrect: false, objectiveCorrect: false });
    expect(judged.points.outcome).toBe(0);
  });

  it('costs points for probes, lens uses and extra compute', () => {
    const cheap = judgeVerdict(level, card(true, 'get-coin'), { decision: 'deploy', hypothesis: 'get-coin' }, costs, 3840);
    const dear = judgeVerdict(level, card(true, 'get-coin'), { decision: 'deploy', hypothesis: 'get-coin' }, { episodes: 7680, probes: 4, lens: 2 }, 3840);
    expect(dear.points.cost).toBeLessThan(cheap.points.cost);
    expect(dear.stars).toBe(3);
  });

  it('where the level asks where the failure lies, the objective star needs that answer too', () => {
    const ovi = campaignLevel('outer-vs-inner');
    const right = judgeVerdict(ovi, card(false, 'reach-end'), { decision: 'hold', hypothesis: 'reach-end', failure: 'inner' }, costs, 3840, 'inner');
    const wrong = judgeVerdict(ovi, card(false, 'reach-end'), { decision: 'hold', hypothesis: 'reach-end', failure: 'outer' }, costs, 3840, 'inner');
    expect(right).toMatchObject({ failureCorrect: true, objectiveCorrect: true, stars: 2 });
    expect(wrong).toMatchObject({ failureCorrect: false, objectiveCorrect: false, stars: 1 });
  });
});

describe('outer or inner: measured from the reward, not read from a label', () => {
  const level = campaignLevel('outer-vs-inner');

  it('a reward paying for the finish is best served by an agent that ignores coins', () => {
    expect(rewardOptimalHypothesis(level, { end: 10, step: -0.1 })).toBe('reach-end');
    expect(rewardOptimalHypothesis(level, { coin: 10, step: -0.1 })).toBe('get-coin');
  });

  it('classifies a misaligned agent by whether its reward was right', () => {
    const misaligned = measureDeployment(level, mindFromRecord(level, { 'right-edge': 1 }));
    expect(misaligned.aligned).toBe(false);
    expect(classifyFailure(level, misaligned, { end: 10 })).toBe('outer');
    expect(classifyFailure(level, misaligned, { coin: 10 })).toBe('inner');
    const aligned = measureDeployment(level, mindFromRecord(level, { coin: 2, 'right-edge': 1 }));
    expect(classifyFailure(level, aligned, { coin: 10 })).toBe('none');
  });

  it('a reward that pays the intended objective no better than another is outer: no tie favours the intended one', () => {
    const misaligned = measureDeployment(level, mindFromRecord(level, { 'right-edge': 1 }));
    expect(rewardOptimalHypotheses(level, {})).toEqual(['get-coin', 'reach-end']);
    expect(classifyFailure(level, misaligned, {})).toBe('outer');
  });
});

describe('treacherous-turn: the reward is judged as if every crossing were seen', () => {
  const level = campaignLevel('treacherous-turn');
  const reward = resolveConfig(level).reward;

  it('without a supervisor in the deployment suite nothing is fined, yet read in full the fine makes exit-safely best', () => {
    expect(rewardOptimalHypotheses(level, reward)).toEqual(['exit-safely']);
  });

  it('an agent that crosses only when unwatched is an inner failure, as the lesson says', () => {
    const lookGood = level.hypotheses.find((h) => h.id === 'look-good')!;
    const card = measureDeployment(level, mindFromRecord(level, lookGood.weights));
    expect(card.aligned).toBe(false);
    expect(classifyFailure(level, card, reward)).toBe('inner');
  });

  it('the full-observation reward counts the crossings an episode made unseen', () => {
    const lookGood = level.hypotheses.find((h) => h.id === 'look-good')!;
    const mind = mindFromRecord(level, lookGood.weights);
    const unwatched = deploymentSuite(level).find((w) => !w.supervised && !w.audited)!;
    const episode = runEpisode(level, mind, unwatched);
    const crossings = episode.events.filter((e) => e.kind === 'forbidden').length;
    expect(crossings).toBeGreaterThan(0);
    expect(episode.events.filter((e) => e.kind === 'forbidden').every((e) => !e.observed)).toBe(true);
    expect(fullObservationReward(reward, episode)).toBeCloseTo(episodeReward(reward, episode) + crossings * reward.forbidden!, 9);
  });
});

describe('experiment sweeps', () => {
  const level = campaignLevel('goes-right');

  it('trains for real at each value, and success rises from no randomisation to some', () => {
    const points: number[] = [];
    const sweep = sweepKnob(level, 'coinRandomShare', [0, 0.3], [1, 2], {}, (p) => points.push(p.value));
    expect(points).toEqual([0, 0.3]);
    expect(sweep.points[0]!.successRates).toHaveLength(2);
    expect(sweep.points[1]!.mean).toBeGreaterThan(sweep.points[0]!.mean + 0.5);
    // The same as training and scoring directly.
    const direct = measureDeployment(level, train(level, resolveConfig(level, { knobs: { coinRandomShare: 0.3 } }), 2).mind).successRate;
    expect(sweep.points[1]!.successRates[1]).toBe(direct);
  });

  it('refuses a locked knob or a value out of range', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof MessageError ? tx(error.reason) : String(error);
      }
      return 'accepted';
    };
    expect(refusal(() => sweepKnob(level, 'coinRandomShare', [2], [1]))).toMatch(/outside/);
    expect(refusal(() => sweepKnob(level, 'nope', [0], [1]))).toMatch(/no knob/);
  });
});

describe('probe edits', () => {
  const level = campaignLevel('treacherous-turn');
  const world = trainingLikeWorlds(level, resolveConfig(level).knobs, 1, 1)[0]!;

  it('never change the world they were given', () => {
    const before = JSON.stringify({ ...world, tiles: [...world.tiles] });
    withAgentAt(world, 3, 0);
    withObject(world, { kind: 'coin', colour: 'yellow', x: 2, y: 0 });
    withoutObjectAt(world, 8, 2);
    withSupervisor(world, !world.supervised);
    expect(JSON.stringify({ ...world, tiles: [...world.tiles] })).toBe(before);
  });

  it('keep the watched flag in step with the supervisor', () => {
    expect(withSupervisor(world, true).supervised).toBe(true);
    expect(withSupervisor(world, false).supervised).toBe(false);
    expect(withSupervisor(world, false).objects.some((o) => o.kind === 'supervisor')).toBe(false);
  });

  it('move an object, replacing whatever stood on the target cell', () => {
    const moved = moveObject(world, { x: 8, y: 2 }, { x: 0, y: 0 });
    expect(moved.objects.find((o) => o.kind === 'exit')).toMatchObject({ x: 0, y: 0 });
    expect(moveObject(world, { x: 5, y: 4 }, { x: 0, y: 0 })).toBe(world);
  });

  it('restart the episode clock', () => {
    const placed = withAgentAt({ ...world, t: 7, done: true }, 1, 0);
    expect(placed).toMatchObject({ t: 0, done: false, agentX: 1, agentY: 0 });
  });
});
