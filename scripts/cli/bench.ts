/**
 * `mesa bench`: how fast the core is, on this machine. Wall-clock timing lives
 * here and never in the core or in tests.
 */
import { parseArgs } from 'node:util';
import { clearPretrainingCache, generateWorld, knobValues, pretrain, resolveConfig, runEpisode, score, step, train, Rng, mindFromRecord, ACTIONS } from '../../src/core/index';
import { campaignFiles, loadCampaign } from './input';

const RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (x: number) => Math.round(x * 10) / 10;

export function runBench(args: string[]): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const levels = loadCampaign(campaignFiles());
  const trainMs: Record<string, number> = {};
  const scoreMs: Record<string, number> = {};
  /** Levels with a pretraining run: its time, once per level (then cached), apart from the player's training. */
  const pretrainMs: Record<string, number> = {};
  let agentSteps = 0;
  let agentMs = 0;
  for (const level of levels) {
    const config = resolveConfig(level);
    if (level.pretraining) {
      const times: number[] = [];
      for (let run = 0; run < 3; run++) {
        clearPretrainingCache();
        const t0 = performance.now();
        pretrain(level);
        times.push(performance.now() - t0);
      }
      pretrainMs[level.id] = round(median(times));
    }
    train(level, config, 0); // warm-up: JIT and caches (and the pretraining cache)
    const times: number[] = [];
    for (let seed = 1; seed <= RUNS; seed++) {
      const t0 = performance.now();
      train(level, config, seed);
      times.push(performance.now() - t0);
    }
    trainMs[level.id] = round(median(times));

    const intended = level.hypotheses.find((h) => h.intended)!;
    const mind = mindFromRecord(level, intended.weights);
    const t1 = performance.now();
    score(level, mind);
    scoreMs[level.id] = round(performance.now() - t1);

    const rng = Rng.fromSeed(7);
    const knobs = knobValues(level, 'training');
    const t2 = performance.now();
    for (let i = 0; i < 500; i++) agentSteps += runEpisode(level, mind, generateWorld(level, knobs, rng)).final.t;
    agentMs += performance.now() - t2;
  }

  // Raw world steps: the pure step function under random actions.
  const level = levels[0]!;
  const rng = Rng.fromSeed(11);
  const knobs = knobValues(level, 'training');
  let steps = 0;
  const t3 = performance.now();
  while (performance.now() - t3 < 300) {
    let world = generateWorld(level, knobs, rng);
    while (!world.done) {
      world = step(world, ACTIONS[rng.int(4)]!).world;
      steps++;
    }
  }
  const stepMs = performance.now() - t3;

  const report = {
    trainMs,
    trainMsMax: Math.max(...Object.values(trainMs)),
    scoreMs,
    pretrainMs,
    stepsPerSecond: Math.round((steps / stepMs) * 1000),
    agentStepsPerSecond: Math.round((agentSteps / agentMs) * 1000),
    runsPerLevel: RUNS,
    node: process.version,
  };
  if (values.json) process.stdout.write(JSON.stringify(report) + '\n');
  else {
    const lines = ['median default training time per level (ms):'];
    for (const [id, ms] of Object.entries(trainMs)) lines.push(`  ${id.padEnd(20)} ${ms}`);
    lines.push('pretraining, once per level and then cached (median of 3, ms):');
    for (const [id, ms] of Object.entries(pretrainMs)) lines.push(`  ${id.padEnd(20)} ${ms}`);
    lines.push(`world steps per second:       ${report.stepsPerSecond}`);
    lines.push(`agent steps per second:       ${report.agentStepsPerSecond} (planning included)`);
    process.stdout.write(lines.join('\n') + '\n');
  }
  return 0;
}
