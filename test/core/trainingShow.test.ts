/**
 * Watching training: recording a few candidates of each generation (for the
 * Train screen's show) reads the episodes the optimizer ran and changes
 * nothing — the agent, its curve and its episode count are the same bit for
 * bit — and each recording is the candidate's real episode in that
 * generation's first training world.
 */
import { describe, expect, it } from 'vitest';
import { episodeReward, generateWorld, hashNumbers, recordEpisode, recordingFrames, resolveConfig, runEpisode, train, Trainer, Rng, deriveSeed, type TrainingProgress } from '../../src/core/index';
import { campaign, campaignLevel } from './campaign';

function trainWatching(id: string, seed: number, watch: number): { hash: string; curve: number[]; episodes: number; reports: TrainingProgress[] } {
  const level = campaignLevel(id);
  const trainer = new Trainer(level, resolveConfig(level), seed);
  const reports: TrainingProgress[] = [];
  while (!trainer.finished) reports.push(trainer.step(watch));
  const result = trainer.result();
  return { hash: hashNumbers([...result.mind.weights]), curve: result.curve as number[], episodes: result.episodes, reports };
}

describe('training with the show on and off', () => {
  it('trains identical agents on every campaign level (weights, curve and episodes)', () => {
    for (const level of campaign()) {
      const plain = train(level, resolveConfig(level), 3);
      const watched = trainWatching(level.id, 3, 4);
      expect(watched.hash, level.id).toBe(hashNumbers([...plain.mind.weights]));
      expect(watched.curve, level.id).toEqual(plain.curve);
      expect(watched.episodes, level.id).toBe(plain.episodes);
    }
  });

  it('reports each generation the same weights with or without candidates, and candidates only when asked', () => {
    const off = trainWatching('goes-right', 5, 0);
    const on = trainWatching('goes-right', 5, 4);
    expect(on.reports.map((r) => r.weights)).toEqual(off.reports.map((r) => r.weights));
    expect(off.reports.every((r) => r.candidates === undefined)).toBe(true);
    for (const r of on.reports) {
      expect(r.candidates).toHaveLength(4);
      expect(r.candidates!.map((c) => [c.pair, c.sign])).toEqual([
        [0, 1],
        [0, -1],
        [1, 1],
        [1, -1],
      ]);
    }
  });

  it('records the candidates in the generation’s first training world, with the reward that counted', () => {
    const level = campaignLevel('tutorial');
    const config = resolveConfig(level);
    const trainer = new Trainer(level, config, 8);
    const before = Float64Array.from(trainer.weights);
    const report = trainer.step(2);
    // The same draws the trainer made: its generator forks the world stream first, then draws the noise.
    const rng = Rng.fromSeed(deriveSeed(8, 'training'));
    const worldRng = rng.fork();
    const first = generateWorld(level, config.knobs, worldRng);
    const k = before.length;
    const noise = Array.from({ length: k }, () => rng.normal());
    const scale = Float64Array.from(trainer.names, (n) => level.agent.inductiveBias.noiseScale[n] ?? 1);
    for (const c of report.candidates!) {
      const weights = Float64Array.from(before, (w, i) => w + c.sign * level.training.noise * scale[i]! * noise[i]!);
      const episode = runEpisode(level, { names: trainer.names, weights }, first);
      expect(c.reward).toBe(episodeReward(config.reward, episode));
      const expected = recordEpisode(first, episode);
      expect(recordingFrames(c.recording)).toBe(recordingFrames(expected));
      expect([...c.recording.agentX]).toEqual([...expected.agentX]);
      expect([...c.recording.agentY]).toEqual([...expected.agentY]);
      expect(Number.isFinite(c.meanReward)).toBe(true);
    }
    expect(report.candidates!.map((c) => c.sign)).toEqual([1, -1]);
  });
});
