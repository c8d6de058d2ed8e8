/**
 * The page's side of training: starts a worker, forwards progress, and
 * cancels by terminating it.
 */
import type { TrainingConfigInput } from '../core/level';
import type { TrainingProgress } from '../core/trainer';
import type { WorkerMessage } from './protocol';

export interface TrainedAgent {
  readonly names: readonly string[];
  readonly weights: readonly number[];
  readonly curve: readonly number[];
  readonly episodes: number;
}

export interface TrainingJob {
  readonly result: Promise<TrainedAgent | null>;
  cancel(): void;
}

export function startTraining(
  levelJson: unknown,
  config: TrainingConfigInput,
  seed: number,
  onProgress: (progress: TrainingProgress) => void,
  paceMs = 40,
): TrainingJob {
  const worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
  let settle: (value: TrainedAgent | null) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const result = new Promise<TrainedAgent | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    switch (message.kind) {
      case 'progress':
        onProgress(message.progress);
        break;
      case 'done':
        worker.terminate();
        settle(message);
        break;
      case 'error':
        worker.terminate();
        fail(new Error(message.message));
        break;
    }
  };
  worker.onerror = (event) => {
    worker.terminate();
    fail(new Error(event.message || 'the training worker stopped'));
  };
  worker.postMessage({ kind: 'train', level: levelJson, config, seed, paceMs });
  return {
    result,
    cancel() {
      worker.terminate();
      settle(null);
    },
  };
}
