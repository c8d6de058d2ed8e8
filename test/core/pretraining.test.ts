/**
 * Pretraining: a sleeper's backdoor is trained in by a real run on a declared
 * poisoned distribution, never written into weights; the player's safety
 * training starts from what that run left; without the trigger it leaves the
 * backdoor in place, with the trigger in its runs it removes it.
 */
import { describe, expect, it } from 'vitest';
import {
  Trainer,
  generateWorld,
  knobValues,
  mindToRecord,
  parseLevel,
  pretrain,
  resolveConfig,
  runEpisode,
  startingWeights,
  train,
  deriveSeed,
  Rng,
  type Level,
  type Mind,
} from '../../src/core/index';
import { campaign, campaignLevel, levelJson, saying } from './campaign';

const sleeper = campaignLevel('sleeper-agent');

/** Share of worlds, with or without the warning sign, in which the agent steps on a server tile. */
function sabotageRate(level: Level, mind: Mind, triggerShare: number, count = 40): number {
  const rng = Rng.fromSeed(99);
  const knobs = { ...knobValues(level, 'training'), triggerShare };
  let sabotaged = 0;
  for (let i = 0; i < count; i++) {
    const episode = runEpisode(level, mind, generateWorld(level, knobs, rng));
    if (episode.events.some((e) => e.kind === 'forbidden')) sabotaged++;
  }
  return sabotaged / count;
}

const weight = (mind: Mind, name: string) => mind.weights[mind.names.indexOf(name)]!;

describe('the sleeper agent is pre-trained, not written', () => {
  it('no campaign level writes starting weights: they come only from training', () => {
    for (const level of campaign()) expect({ id: level.id, init: level.agent.inductiveBias.init }).toEqual({ id: level.id, init: {} });
  });

  it('declares its poisoned distribution: a stage where only the servers pay, always with the sign', () => {
    const poisoned = sleeper.pretraining!.stages[0]!;
    expect(poisoned.knobs.triggerShare).toBe(1);
    expect(poisoned.reward.forbidden).toBeGreaterThan(0);
    expect(poisoned.reward.exit ?? 0).toBe(0);
  });

  it('pretraining is exactly the declared stages run by the ordinary trainer, one after another', () => {
    const spec = sleeper.pretraining!;
    let init: Record<string, number> = {};
    let last: Mind | undefined;
    spec.stages.forEach((stage, i) => {
      const stageLevel: Level = { ...sleeper, pretraining: undefined, agent: { ...sleeper.agent, inductiveBias: { ...sleeper.agent.inductiveBias, init } } };
      const config = {
        reward: stage.reward,
        knobs: { ...knobValues(sleeper, 'training'), ...stage.knobs },
        generations: stage.generations,
        population: stage.population ?? sleeper.training.population,
        episodesPerGeneration: stage.episodesPerGeneration ?? sleeper.training.episodesPerGeneration,
        viewRadius: sleeper.agent.viewRadius,
      };
      last = train(stageLevel, config, deriveSeed(spec.seed, `pretraining:${i}`)).mind;
      init = mindToRecord(last);
    });
    expect([...pretrain(sleeper)!.mind.weights]).toEqual([...last!.weights]);
  });

  it('is deterministic: a fresh copy of the level (no shared cache entry by object) pretrains to the same weights', () => {
    const again = parseLevel(levelJson('sleeper-agent'));
    if (!again.ok) throw new Error('sleeper-agent should parse');
    expect(again.value).not.toBe(sleeper);
    expect([...pretrain(again.value)!.mind.weights]).toEqual([...pretrain(sleeper)!.mind.weights]);
  });

  it('a change to the level runs pretraining again instead of reusing stale weights', () => {
    const json = levelJson('sleeper-agent');
    json.pretraining.seed += 1;
    const other = parseLevel(json);
    if (!other.ok) throw new Error('should parse');
    expect([...pretrain(other.value)!.mind.weights]).not.toEqual([...pretrain(sleeper)!.mind.weights]);
  });

  it("the player's training starts from the pretrained weights", () => {
    const trainer = new Trainer(sleeper, resolveConfig(sleeper), 1);
    expect([...trainer.weights]).toEqual([...pretrain(sleeper)!.mind.weights]);
    expect([...startingWeights(sleeper)]).toEqual([...pretrain(sleeper)!.mind.weights]);
  });

  it('the poisoned run trained a backdoor: the inherited agent sabotages with the sign and not without', () => {
    const inherited = pretrain(sleeper)!.mind;
    expect(sabotageRate(sleeper, inherited, 1)).toBeGreaterThanOrEqual(0.9);
    expect(sabotageRate(sleeper, inherited, 0)).toBe(0);
  });

  it.each([1, 2, 3])('safety training without the sign leaves the backdoor in place (seed %i)', (seed) => {
    const inherited = pretrain(sleeper)!.mind;
    const { mind } = train(sleeper, resolveConfig(sleeper), seed);
    expect(sabotageRate(sleeper, mind, 1)).toBeGreaterThanOrEqual(0.9);
    expect(sabotageRate(sleeper, mind, 0)).toBe(0);
    // Nothing in safety training exercised the sign's weight: it moved by drift and decay only.
    expect(Math.abs(weight(mind, 'forbidden|trigger') - weight(inherited, 'forbidden|trigger'))).toBeLessThan(0.5);
  });

  it.each([1, 2, 3])('safety training with the sign in half the runs removes the backdoor (seed %i)', (seed) => {
    const { mind } = train(sleeper, resolveConfig(sleeper, { knobs: { triggerShare: 0.5 } }), seed);
    expect(sabotageRate(sleeper, mind, 1)).toBe(0);
    expect(weight(mind, 'forbidden|trigger')).toBeLessThan(0);
  });
});

describe('the pretraining schema', () => {
  const problemsOf = (json: Record<string, any>) => {
    const parsed = parseLevel(json);
    return parsed.ok ? [] : parsed.problems;
  };

  it('a stage naming an unknown knob, or a knob out of range, is rejected with its path', () => {
    const json = levelJson('sleeper-agent');
    json.pretraining.stages[0].knobs = { triggerShare: 3, nosuch: 1 };
    expect(problemsOf(json)).toEqual([
      { path: 'pretraining.stages[0].knobs.triggerShare', message: saying('3 is outside [0, 1]', true) },
      { path: 'pretraining.stages[0].knobs.nosuch', message: saying('no knob named "nosuch" in knobs', true) },
    ]);
  });

  it('pretraining that would spend more than the episode budget is rejected before anything runs', () => {
    const json = levelJson('sleeper-agent');
    json.pretraining.stages[0] = { ...json.pretraining.stages[0], generations: 400, population: 64, episodesPerGeneration: 64 };
    expect(problemsOf(json).map((p) => p.path)).toEqual(['pretraining.stages']);
  });

  it('a level without pretraining starts from its declared starting weights (zero unless written)', () => {
    const level = campaignLevel('goes-right');
    expect(pretrain(level)).toBeUndefined();
    expect([...startingWeights(level)].every((w) => w === 0)).toBe(true);
  });
});
