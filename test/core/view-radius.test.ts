/**
 * The view radius as a training setting: a level may let the player choose
 * how far the agent sees (`agent.viewRadiusRange`). The choice is checked
 * like any setting, travels in challenge codes, belongs to the trained agent
 * (it plays training, probes and deployment with it), and the reference
 * agents it is compared with see as far as it does.
 */
import { describe, expect, it } from 'vitest';
import {
  AgentEpisode,
  agentAnatomy,
  decodeChallenge,
  encodeChallenge,
  generateWorld,
  hashNumbers,
  knobValues,
  mindFromRecord,
  parseConfig,
  parseLevel,
  resolveConfig,
  Rng,
  measureDeployment,
  train,
  viewRadiusOf,
  type LevelProblem,
} from '../../src/core/index';
import { campaignLevel, levelJson, saying, tinyLevelJson } from './campaign';

const problem = (path: string, fragment: string) => ({ path, message: saying(fragment) });

/** The problems of level data (none when it parses). */
function problemsOf(data: unknown): readonly LevelProblem[] {
  const parsed = parseLevel(data);
  return parsed.ok ? [] : parsed.problems;
}

describe('the schema', () => {
  it('a range without min starts at 1; the campaign offers it on goes-right and maze-corner only', () => {
    expect(campaignLevel('goes-right').agent.viewRadiusRange).toEqual({ min: 1, max: 12 });
    expect(campaignLevel('maze-corner').agent.viewRadiusRange).toEqual({ min: 1, max: 10 });
    expect(campaignLevel('tutorial').agent.viewRadiusRange).toBeUndefined();
  });

  it('refuses a range upside down, a default outside it, and a range for an agent that sees everything', () => {
    const upside = tinyLevelJson();
    upside.agent.viewRadiusRange = { min: 4, max: 3 };
    expect(problemsOf(upside)).toEqual([problem('agent.viewRadiusRange', 'min is greater than max')]);
    const outside = tinyLevelJson();
    outside.agent.viewRadiusRange = { min: 3, max: 5 };
    expect(problemsOf(outside)).toEqual([problem('agent.viewRadius', '2 is outside viewRadiusRange [3, 5]')]);
    const whole = tinyLevelJson();
    whole.agent.viewRadius = null;
    whole.agent.viewRadiusRange = { max: 5 };
    expect(problemsOf(whole)).toEqual([problem('agent.viewRadius', 'sees the whole world')]);
  });

  it('a configuration may set it only where the level offers it, within the range', () => {
    const goesRight = campaignLevel('goes-right');
    expect(parseConfig(goesRight, { viewRadius: 12 })).toEqual({ ok: true, value: { viewRadius: 12 } });
    expect(parseConfig(goesRight, { viewRadius: 13 })).toEqual({ ok: false, problems: [problem('viewRadius', '13 is outside [1, 12]')] });
    expect(parseConfig(goesRight, { viewRadius: 2.5 })).toMatchObject({ ok: false, problems: [{ path: 'viewRadius' }] });
    expect(parseConfig(campaignLevel('tutorial'), { viewRadius: 3 })).toEqual({ ok: false, problems: [problem('viewRadius', 'does not let you change the view radius')] });
  });

  it('a claim or a round may set it, and is checked like the player', () => {
    const json = levelJson('goes-right');
    json.lesson.claims[0].config = { viewRadius: 20 };
    expect(problemsOf(json)).toEqual([problem('lesson.claims[0].config.viewRadius', '20 is outside [1, 12]')]);
  });
});

describe('the trained agent', () => {
  const level = campaignLevel('goes-right');

  it('resolves to the level’s radius unless the player chose one, and the trained mind carries it', () => {
    expect(resolveConfig(level).viewRadius).toBe(3);
    const wide = resolveConfig(level, { viewRadius: 12 });
    expect(wide.viewRadius).toBe(12);
    const { mind } = train(level, { ...wide, generations: 1 }, 1);
    expect(mind.viewRadius).toBe(12);
    expect(viewRadiusOf(level, mind)).toBe(12);
    expect(viewRadiusOf(level, mindFromRecord(level, {}))).toBe(3);
  });

  it('plays with its own radius: at 12 it sees the coin from the start, at 3 it does not', () => {
    const world = generateWorld(level, knobValues(level, 'training'), Rng.fromSeed(1));
    const coin = world.objects.find((o) => o.kind === 'coin')!;
    const cell = coin.y * world.width + coin.x;
    expect(new AgentEpisode(level, mindFromRecord(level, { coin: 1 }, 12), world).seen[cell]).toBe(1);
    expect(new AgentEpisode(level, mindFromRecord(level, { coin: 1 }), world).seen[cell]).toBe(0);
  });

  it('goes-right: a radius that does not show the coin from the start trains the very weights of the default', () => {
    // The coin sits 12 tiles from the start in every training run: below 12, the
    // coin weight never decides the first step, so training cannot tell the radii apart.
    const base = resolveConfig(level);
    const weights = (viewRadius: number) => hashNumbers([...train(level, { ...base, viewRadius }, 1).mind.weights]);
    const reference = weights(3);
    expect([1, 6, 11].map(weights)).toEqual([reference, reference, reference]);
    expect(weights(12)).not.toBe(reference);
  });

  it('reference agents see as far as the agent: the intended objective at radius 12 is revealed and aligned', () => {
    const intended = level.hypotheses.find((h) => h.intended)!;
    const card = measureDeployment(level, mindFromRecord(level, intended.weights, 12));
    expect(card).toMatchObject({ revealed: intended.id, aligned: true, viewRadius: 12 });
    expect(card.agreement[intended.id]).toBe(1);
  });

  it('the anatomy follows the choice', () => {
    expect(agentAnatomy(level).senses[0]).toMatchObject({ feature: 'coin', distance: 3 });
    expect(agentAnatomy(level, { viewRadius: 5 }).senses[0]).toMatchObject({ feature: 'coin', distance: 5 });
    expect(agentAnatomy(level).viewRadiusRange).toEqual({ min: 1, max: 12 });
  });
});

describe('challenge codes', () => {
  const level = campaignLevel('goes-right');

  it('carry the chosen radius, and rebuild the same agent', () => {
    const code = encodeChallenge({ level, config: { viewRadius: 12 }, seed: 4 });
    if (!code.ok) throw new Error('should encode');
    const back = decodeChallenge(code.value);
    expect(back.ok && back.value.config).toEqual({ viewRadius: 12 });
  });

  it('refuse a radius the level does not offer', () => {
    expect(encodeChallenge({ level: campaignLevel('tutorial'), config: { viewRadius: 2 }, seed: 1 })).toMatchObject({ ok: false, error: { kind: 'invalid-config' } });
  });
});
