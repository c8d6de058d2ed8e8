/**
 * `mesa bench`: how fast the core is, on this machine. Wall-clock timing lives
 * here and never in the core or in tests.
 */
import { parseArgs } from 'node:util';
import {
  clearPretrainingCache,
  generateWorld,
  knobValues,
  pretrain,
  resolveConfig,
  runEpisode,
  measureDeployment,
  step,
  train,
  Rng,
  mindFromRecord,
  ACTIONS,
  Trainer,
  type Level,
  type TrainingConfig,
} from '../../src/core/index';
import { campaignFiles, loadCampaign } from './input';

const RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Candidates the Train screen's show records per generation (see src/worker/training.worker.ts). */
const SHOWN_CANDIDATES = 4;

/** Trains as the worker does for the show: the same run, with a few candidates recorded each generation. */
function trainWatched(level: Level, config: TrainingConfig, seed: number): void {
  const trainer = new Trainer(level, config, seed);
  while (!trainer.finished) trainer.step(SHOWN_CANDIDATES);
}

export function runBench(args: string[]): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const levels = loadCampaign(campaignFiles());
  const trainMs: Record<string, number> = {};
  // CPU time of this process: on a shared machine it moves far less than wall-clock time.
  const trainCpuMs: Record<string, number> = {};
  const trainSpreadMs: Record<string, [number, number]> = {};
  /** The same runs with the show's candidates recorded, timed in alternation with the plain ones. */
  const trainWatchedMs: Record<string, number> = {};
  const trainWatchedCpuMs: Record<string, number> = {};
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
    const cpu: number[] = [];
    const watched: number[] = [];
    const watchedCpu: number[] = [];
    for (let seed = 1; seed <= RUNS; seed++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      train(level, config, seed);
      const c1 = process.cpuUsage(c0);
      times.push(performance.now() - t0);
      cpu.push((c1.user + c1.system) / 1000);
      const t1 = performance.now();
      const c2 = process.cpuUsage();
      trainWatched(level, config, seed);
      const c3 = process.cpuUsage(c2);
      watched.push(performance.now() - t1);
      watchedCpu.push((c3.user + c3.system) / 1000);
    }
    trainWatchedMs[level.id] = round(median(watched));
    trainWatchedCpuMs[level.id] = round(median(watchedCpu));
    trainMs[level.id] = round(median(times));
    trainCpuMs[level.id] = round(median(cpu));
    trainSpreadMs[level.id] = [round(Math.min(...times)), round(Math.max(...times))];

    const intended = level.hypotheses.find((h) => h.intended)!;
    const mind = mindFromRecord(level, intended.weights);
    const t1 = performance.now();
    measureDeployment(level, mind);
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
    trainCpuMs,
    trainSpreadMs,
    trainWatchedMs,
    trainWatchedCpuMs,
    scoreMs,
    pretrainMs,
    stepsPerSecond: Math.round((steps / stepMs) * 1000),
    agentStepsPerSecond: Math.round((agentSteps / agentMs) * 1000),
    runsPerLevel: RUNS,
    node: process.version,
  };
  if (values.json) process.stdout.write(JSON.stringify(report) + '\n');
  else {
    const lines = ['default training time per level (ms): median wall clock [min–max], median CPU time'];
    for (const [id, ms] of Object.entries(trainMs)) {
      lines.push(
        `  ${id.padEnd(20)} ${String(ms).padStart(7)} [${trainSpreadMs[id]![0]}–${trainSpreadMs[id]![1]}]  cpu ${trainCpuMs[id]}  with the show's ${SHOWN_CANDIDATES} candidates recorded ${trainWatchedMs[id]}`,
      );
    }
    lines.push('pretraining, once per level and then cached (median of 3, ms):');
    for (const [id, ms] of Object.entries(pretrainMs)) lines.push(`  ${id.padEnd(20)} ${ms}`);
    lines.push(`world steps per second:       ${report.stepsPerSecond}`);
    lines.push(`agent steps per second:       ${report.agentStepsPerSecond} (planning included)`);
    process.stdout.write(lines.join('\n') + '\n');
  }
  return 0;
}
