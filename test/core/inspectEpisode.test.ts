/**
 * The inspection tools' jobs (run in the worker): an inspected episode's
 * compact recording is the very film `watch` and `covertAudit` record world
 * by world, and the lens maps are the agent's and each hypothesis's value
 * maps in the level's hypothesis order.
 */
import { describe, expect, it } from 'vitest';
import {
  covertAudit,
  inspectEpisode,
  intendedPath,
  pathDivergence,
  lensMaps,
  mindFromRecord,
  recordingWorlds,
  trainingLikeWorlds,
  valueMap,
  watch,
  withSupervisor,
  knobValues,
  type Level,
  type World,
} from '../../src/core/index';
import { campaign } from './campaign';

const positions = (worlds: readonly World[]) => worlds.map((w) => `${w.agentX},${w.agentY},${w.objects.length},${w.keys}`);

describe.each(campaign().map((l) => [l.id, l] as const))('inspection jobs in %s', (_, level: Level) => {
  const worlds = trainingLikeWorlds(level, knobValues(level, 'training'), 7, 3);
  const mind = mindFromRecord(level, level.hypotheses[level.hypotheses.length - 1]!.weights);

  it('record the same film as watching and the covert audit, with the same events', () => {
    for (const world of worlds) {
      const watched = withSupervisor(world, true);
      for (const [sense, full] of [
        ['open', watch(level, mind, watched)],
        ['covert', covertAudit(level, mind, watched)],
      ] as const) {
        const inspected = inspectEpisode(level, mind, watched, sense);
        expect(positions(recordingWorlds(inspected.recording))).toEqual(positions(full.worlds));
        expect(inspected.episode.events).toEqual(full.events);
        expect(inspected.episode.idleSteps).toBe(full.idleSteps);
      }
    }
  });

  it('carry the intended objective’s path in the same world, and where the agent leaves it', () => {
    const intended = mindFromRecord(level, level.hypotheses.find((h) => h.intended)!.weights);
    for (const world of worlds) {
      const inspected = inspectEpisode(level, mind, world, 'open');
      expect([...inspected.ghost.agentX]).toEqual([...intendedPath(level, world).agentX]);
      expect(inspected.divergeAt).toBe(pathDivergence(inspected.recording, inspected.ghost));
      // The intended objective's own agent never leaves its ghost.
      expect(inspectEpisode(level, intended, world, 'open').divergeAt).toBeNull();
    }
  });

  it('read the agent and every hypothesis through the lens, in hypothesis order', () => {
    const maps = lensMaps(level, mind, worlds[0]!);
    expect(maps.agent).toEqual(valueMap(level, mind, worlds[0]!));
    expect(maps.hypotheses).toHaveLength(level.hypotheses.length);
    level.hypotheses.forEach((h, i) => expect(maps.hypotheses[i]).toEqual(valueMap(level, mindFromRecord(level, h.weights), worlds[0]!)));
  });
});
