/**
 * The training worker: runs the base optimizer off the main thread and
 * streams one progress message per generation. Cancelling is done by the
 * page terminating the worker, so no training state outlives a cancel.
 */
import { checkLevel, describeProblems, parseConfig, parseLevel, resolveConfig, sweepKnob, Trainer } from '../core/index';
import type { CheckRequest, SweepRequest, TrainRequest, WorkerMessage, WorkerRequest } from './protocol';

const post = (message: WorkerMessage) => (self as unknown as Worker).postMessage(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.kind) {
    case 'train':
      return void runTraining(request);
    case 'sweep':
      return runSweep(request);
    case 'check':
      return runCheck(request);
  }
};

function runSweep(request: SweepRequest): void {
  const level = parseLevel(request.level);
  if (!level.ok) return post({ kind: 'error', message: describeProblems('level', level.problems) });
  const config = parseConfig(level.value, request.config);
  if (!config.ok) return post({ kind: 'error', message: describeProblems('training settings', config.problems) });
  try {
    const sweep = sweepKnob(level.value, request.knob, request.values, request.seeds, config.value, (point, index) => post({ kind: 'sweep-point', point, index }));
    post({ kind: 'sweep-done', sweep });
  } catch (error) {
    post({ kind: 'error', message: (error as Error).message });
  }
}

/** Checks every lesson claim of a level on the given seeds (the editor's "Check lesson"). */
function runCheck(request: CheckRequest): void {
  const level = parseLevel(request.level);
  if (!level.ok) return post({ kind: 'error', message: describeProblems('level', level.problems) });
  try {
    post({ kind: 'check-done', report: checkLevel(level.value, request.seeds) });
  } catch (error) {
    post({ kind: 'error', message: (error as Error).message });
  }
}

async function runTraining(request: TrainRequest): Promise<void> {
  const level = parseLevel(request.level);
  if (!level.ok) return post({ kind: 'error', message: describeProblems('level', level.problems) });
  const config = parseConfig(level.value, request.config);
  if (!config.ok) return post({ kind: 'error', message: describeProblems('training settings', config.problems) });

  const trainer = new Trainer(level.value, resolveConfig(level.value, config.value), request.seed);
  let next = performance.now();
  while (!trainer.finished) {
    post({ kind: 'progress', progress: trainer.step() });
    next += request.paceMs;
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
  }
  const result = trainer.result();
  post({
    kind: 'done',
    names: result.mind.names,
    weights: [...result.mind.weights],
    curve: result.curve,
    episodes: result.episodes,
  });
}
