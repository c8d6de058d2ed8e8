/** Where a candidate's trail head is: on its recorded path, between tiles mid-move, and held at its end. */
import { describe, expect, it } from 'vitest';
import { headAt, longestPath } from '../../src/game/candidateTrails';
import { recordEpisode, runEpisode, generateWorld, knobValues, mindFromRecord, Rng, recordingFrames } from '../../src/core/index';
import { campaignLevel } from '../core/campaign';

describe('candidate trails', () => {
  const level = campaignLevel('tutorial');
  const world = generateWorld(level, knobValues(level, 'training'), Rng.fromSeed(4));
  const intended = level.hypotheses.find((h) => h.intended)!;
  const recording = recordEpisode(world, runEpisode(level, mindFromRecord(level, intended.weights), world));
  const frames = recordingFrames(recording);

  it('puts the head on the recorded tile at whole moves, and between tiles in between', () => {
    expect(frames).toBeGreaterThan(2);
    for (let f = 0; f < frames; f++) expect(headAt(recording, f)).toEqual({ x: recording.agentX[f], y: recording.agentY[f] });
    const mid = headAt(recording, 0.5);
    expect(mid.x).toBe((recording.agentX[0]! + recording.agentX[1]!) / 2);
    expect(mid.y).toBe((recording.agentY[0]! + recording.agentY[1]!) / 2);
  });

  it('holds the head at the end of a shorter path and at the start before it', () => {
    expect(headAt(recording, frames + 10)).toEqual({ x: recording.agentX[frames - 1], y: recording.agentY[frames - 1] });
    expect(headAt(recording, -3)).toEqual({ x: recording.agentX[0], y: recording.agentY[0] });
  });

  it('grows as far as the longest path', () => {
    const still = recordEpisode(world, { worlds: [], actions: [], events: [], final: world, idleSteps: 0 });
    expect(longestPath([still, recording])).toBe(frames - 1);
    expect(longestPath([])).toBe(0);
  });
});
