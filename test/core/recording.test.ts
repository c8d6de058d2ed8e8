/**
 * Compact recordings: positions and pick-ups rebuild the very worlds a fully
 * recorded run produces, and one deployment job measures what scoring and
 * failure classification measure on their own.
 */
import { describe, expect, it } from 'vitest';
import {
  classifyFailure,
  deploymentSuite,
  mindFromRecord,
  recordEpisode,
  recordingWorlds,
  resolveConfig,
  runDeployment,
  runEpisode,
  measureDeployment,
  scoringAgents,
  train,
  type Level,
  type World,
} from '../../src/core/index';
import { hostileLevel } from '../fixtures/hostile';
import { campaign, mustParse } from './campaign';

const view = (w: World) => ({ x: w.agentX, y: w.agentY, keys: w.keys, done: w.done, objects: w.objects.map((o) => `${o.kind}:${o.colour}@${o.x},${o.y}`) });

describe.each([...campaign(), mustParse(hostileLevel({ suite: 10, hypotheses: 3 }))].map((l) => [l.id, l] as const))('recordings in %s', (_, level: Level) => {
  it('rebuild every world of every hypothesis agent on the first suite worlds', () => {
    for (const h of level.hypotheses) {
      const mind = mindFromRecord(level, h.weights);
      for (const world of deploymentSuite(level).slice(0, level.id === 'hostile' ? 3 : 10)) {
        const full = runEpisode(level, mind, world, undefined, true);
        const rebuilt = recordingWorlds(recordEpisode(world, runEpisode(level, mind, world)));
        expect(rebuilt.map(view)).toEqual(full.worlds.map(view));
      }
    }
  });
});

describe('the deployment job', () => {
  it.each(campaign().map((l) => [l.id, l] as const))('measures what score and classifyFailure measure in %s', (_, level) => {
    const config = resolveConfig(level);
    const { mind } = train(level, { ...config, generations: 3 }, 7);
    const reports: number[] = [];
    const run = runDeployment(level, mind, config.reward, (played) => reports.push(played));
    const card = measureDeployment(level, mind);
    expect(run.scorecard).toEqual(card);
    expect(run.failure).toBe(level.askFailureKind ? classifyFailure(level, card, config.reward) : null);
    expect(run.recordings).toHaveLength(level.deploymentSuite.size);
    expect(reports.at(-1)).toBe(level.deploymentSuite.size * scoringAgents(level));
    for (let i = 1; i < reports.length; i++) expect(reports[i]!).toBeGreaterThanOrEqual(reports[i - 1]!);
  });

  it('keeps a film to a few bytes a move: the hostile level records 10 worlds in well under a megabyte', () => {
    const level = mustParse(hostileLevel({ suite: 10 }));
    const run = runDeployment(level, mindFromRecord(level, { unexplored: 1 }), { coin: 1 });
    const bytes = run.recordings.reduce((sum, r) => sum + r.agentX.byteLength + r.agentY.byteLength + r.keys.byteLength + r.goneAt.byteLength + 4 * r.objectKind.byteLength, 0);
    expect(bytes).toBeLessThan(100_000);
    for (const r of run.recordings) expect(r.agentX.length).toBeLessThanOrEqual(level.world.maxSteps + 1);
  });
});
