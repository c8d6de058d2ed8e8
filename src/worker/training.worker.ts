/**
 * The worker: every heavy job off the main thread — training (one progress
 * message per generation, with a few of its candidates' recorded episodes
 * when the page shows them), experiments, lesson checks, committing a
 * verdict (scoring, failure classification and recording, with progress),
 * and Inspect's films and lens maps. Cancelling is done by the
 * page terminating the worker, so no training state outlives a cancel.
 */
import {
  checkLevel,
  compareObjectives,
  deriveSeed,
  describeProblems,
  generateWorld,
  inspectEpisode,
  knobValues,
  lensMaps,
  mindFromRecord,
  parseConfig,
  parseLevel,
  recordingBuffers,
  resolveConfig,
  Rng,
  runDeployment,
  runEpisode,
  sweepKnob,
  Trainer,
  type BaseObjective,
  type Level,
  type Mind,
  message,
  MessageError,
  type Message,
} from '../core/index';
import {
  MAX_SHOWN_CANDIDATES,
  type CheckRequest,
  type CompareRequest,
  type DeployRequest,
  type EpisodesRequest,
  type LensRequest,
  type MeasureRequest,
  type SweepRequest,
  type TrainRequest,
  type WorkerMessage,
  type WorkerRequest,
} from './protocol';

/** Why a job failed: a catalog message when the core gave one (the page writes it), else the error's own text. */
function reasonOf(error: unknown): string | Message {
  return error instanceof MessageError ? error.reason : (error as Error).message;
}

const post = (message: WorkerMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);
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
    case 'deploy':
      return runDeploy(request);
    case 'measure':
      return runMeasure(request);
    case 'compare':
      return runCompare(request);
    case 'episodes':
      return runEpisodes(request);
    case 'lens':
      return runLens(request);
  }
};

/** Progress at most every 50 ms: enough to move a bar, never a flood of messages. */
const PROGRESS_EVERY_MS = 50;

/**
 * The level, agent and reward a job names, each validated again here (the
 * page is not trusted with them); null after posting the error.
 */
function readAgent(request: DeployRequest | CompareRequest | EpisodesRequest | LensRequest): { level: Level; mind: Mind; reward: BaseObjective } | null {
  const level = parseLevel(request.level);
  if (!level.ok) return (post({ kind: 'error', message: describeProblems(message('core.source.level'), level.problems) }), null);
  const config = parseConfig(level.value, request.config);
  if (!config.ok) return (post({ kind: 'error', message: describeProblems(message('core.source.training-settings'), config.problems) }), null);
  const mind = mindFromRecord(level.value, {}, resolveConfig(level.value, config.value).viewRadius);
  if (request.weights.length !== mind.weights.length || !request.weights.every(Number.isFinite)) {
    return (post({ kind: 'error', message: `agent: expected ${mind.weights.length} finite weights, got ${request.weights.length}` }), null);
  }
  mind.weights.set(request.weights);
  return { level: level.value, mind, reward: resolveConfig(level.value, config.value).reward };
}

function runDeploy(request: DeployRequest): void {
  const agent = readAgent(request);
  if (!agent) return;
  try {
    let last = -Infinity;
    const run = runDeployment(agent.level, agent.mind, agent.reward, (played, planned) => {
      const now = performance.now();
      if (now - last < PROGRESS_EVERY_MS && played < planned) return;
      last = now;
      post({ kind: 'deploy-progress', played, planned });
    });
    // The recordings' typed arrays move to the page without a copy (the tiles are shared: list each buffer once).
    const transfer = new Set<ArrayBuffer>();
    for (const r of run.recordings) for (const b of [...recordingBuffers(r), r.tiles.buffer as ArrayBuffer]) transfer.add(b);
    post({ kind: 'deploy-done', run }, [...transfer]);
  } catch (error) {
    post({ kind: 'error', message: reasonOf(error) });
  }
}

function runCompare(request: CompareRequest): void {
  const agent = readAgent(request);
  if (!agent) return;
  try {
    post({ kind: 'compared', comparison: compareObjectives(agent.level, agent.mind, agent.reward, request.worlds) });
  } catch (error) {
    post({ kind: 'error', message: reasonOf(error) });
  }
}

/** Inspect's films: each run recorded compactly, its buffers moved to the page without a copy. */
function runEpisodes(request: EpisodesRequest): void {
  const agent = readAgent(request);
  if (!agent) return;
  try {
    const planned = request.runs.length;
    const episodes = request.runs.map(({ world, sense }, i) => {
      const inspected = inspectEpisode(agent.level, agent.mind, world, sense);
      if (i + 1 < planned) post({ kind: 'episodes-progress', played: i + 1, planned });
      return inspected;
    });
    const transfer = new Set<ArrayBuffer>();
    for (const { recording, ghost } of episodes) for (const b of [...recordingBuffers(recording), ghost.agentX.buffer as ArrayBuffer, ghost.agentY.buffer as ArrayBuffer]) transfer.add(b);
    post({ kind: 'episodes-done', episodes }, [...transfer]);
  } catch (error) {
    post({ kind: 'error', message: reasonOf(error) });
  }
}

function runLens(request: LensRequest): void {
  const agent = readAgent(request);
  if (!agent) return;
  try {
    post({ kind: 'lens-done', maps: lensMaps(agent.level, agent.mind, request.world) });
  } catch (error) {
    post({ kind: 'error', message: reasonOf(error) });
  }
}

/** Times a few deployment-like episodes of the intended objective's agent: the speed of this level here. */
function runMeasure(request: MeasureRequest): void {
  const level = parseLevel(request.level);
  if (!level.ok) return post({ kind: 'error', message: describeProblems(message('core.source.level'), level.problems) });
  const intended = level.value.hypotheses.find((h) => h.intended) ?? level.value.hypotheses[0]!;
  const mind = mindFromRecord(level.value, intended.weights);
  const rng = Rng.fromSeed(deriveSeed(level.value.deploymentSuite.seed, 'deployment-suite'));
  const knobs = knobValues(level.value, 'deployment');
  const started = performance.now();
  let episodes = 0;
  while (episodes < 5 && (episodes === 0 || performance.now() - started < 300)) {
    runEpisode(level.value, mind, generateWorld(level.value, knobs, rng));
    episodes++;
  }
  post({ kind: 'measured', msPerEpisode: (performance.now() - started) / episodes, episodes });
}

function runSweep(request: SweepRequest): void {
  const level = parseLevel(request.level);
  if (!level.ok) return post({ kind: 'error', message: describeProblems(message('core.source.level'), level.problems) });
  const config = parseConfig(level.value, request.config);
  if (!config.ok) return post({ kind: 'error', message: describeProblems(message('core.source.training-settings'), config.problems) });
  try {
    const sweep = sweepKnob(level.value, request.knob, request.values, request.seeds, config.value, (point, index) => post({ kind: 'sweep-point', point, index }));
    post({ kind: 'sweep-done', sweep });
  } catch (error) {
    post({ kind: 'error', message: reasonOf(error) });
  }
}

/** Checks every lesson claim of a level on the given seeds (the editor's "Check lesson"). */
function runCheck(request: CheckRequest): void {
  const level = parseLevel(request.level);
  if (!level.ok) return post({ kind: 'error', message: describeProblems(message('core.source.level'), level.problems) });
  try {
    post({ kind: 'check-done', report: checkLevel(level.value, request.seeds) });
  } catch (error) {
    post({ kind: 'error', message: reasonOf(error) });
  }
}

async function runTraining(request: TrainRequest): Promise<void> {
  const level = parseLevel(request.level);
  if (!level.ok) return post({ kind: 'error', message: describeProblems(message('core.source.level'), level.problems) });
  const config = parseConfig(level.value, request.config);
  if (!config.ok) return post({ kind: 'error', message: describeProblems(message('core.source.training-settings'), config.problems) });

  const trainer = new Trainer(level.value, resolveConfig(level.value, config.value), request.seed);
  // A few candidates per generation for the show, recorded as they are evaluated (a bad count records none).
  const watch = Number.isInteger(request.candidates) ? Math.max(0, Math.min(MAX_SHOWN_CANDIDATES, request.candidates)) : 0;
  let next = performance.now();
  while (!trainer.finished) {
    const progress = trainer.step(watch);
    // The candidates' recordings move to the page without a copy (their tiles stay: the training world keeps them).
    const transfer = new Set<ArrayBuffer>();
    for (const { recording } of progress.candidates ?? []) for (const b of recordingBuffers(recording)) transfer.add(b);
    post({ kind: 'progress', progress }, [...transfer]);
    next += request.paceMs;
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
  }
  const result = trainer.result();
  post({
    kind: 'done',
    names: result.mind.names,
    weights: [...result.mind.weights],
    viewRadius: trainer.config.viewRadius,
    curve: result.curve,
    episodes: result.episodes,
  });
}
