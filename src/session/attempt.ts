/**
 * The player's attempt at a level, as immutable data and pure moves
 * (boardgame.io-style): start, apply a challenge, change a setting, accept a
 * trained agent, spend a probe, open the lens, commit a verdict → the
 * player's score. No DOM, no clock, no randomness: a list of moves replays
 * the same attempt in Node and in the browser.
 *
 * A screen renders an attempt and dispatches moves; it never scores, spends
 * or edits a level itself. The level an attempt plays is never edited: what
 * a challenge carries (its configuration, seed and population) is attempt
 * data.
 *
 * Two results must not be confused: the agent's *measured truth* (what the
 * engine measures it to be — the core's scorecard and failure kind) and the
 * player's *score* (how well their verdict matched that truth).
 */
import {
  episodeBudget,
  judgeVerdict,
  own,
  resolveConfig,
  trainingLikeWorlds,
  WATCH_WORLDS,
  EVENT_KINDS,
  type Challenge,
  type EventKind,
  type FailureKind,
  type Level,
  type Mind,
  type DeploymentTruth,
  type TrainingConfigInput,
  type Verdict,
  type PlayerScore,
  type ObjectKind,
  type World,
  UNEXPLAINED,
  message,
  type Message,
} from '../core/index';

/** The agent's measured truth: what the scoring engine measured, never what the player said. */
export type MeasuredTruth = DeploymentTruth;
/** The player's score: their verdict judged against the measured truth. */

/** What the engine measured about an agent, given to `commitVerdict` (from the worker in the browser, from the core in Node). */
export interface Measurement {
  readonly truth: MeasuredTruth;
  /** Where the failure lies, measured; null in levels that do not ask. */
  readonly failure: FailureKind | null;
}

/** What the player has set up for training. */
export interface PlayerSettings {
  readonly reward: Readonly<Partial<Record<EventKind, number>>>;
  readonly knobs: Readonly<Record<string, number>>;
  readonly generations: number;
  readonly seed: number;
  /** How far the agent will see, in levels that let the player choose; left out: the level's view radius. */
  readonly viewRadius?: number;
  /** Set only by a challenge: compute the player has no control for (antithetic pairs, episodes per generation). */
  readonly population?: number;
  readonly episodesPerGeneration?: number;
}

export interface TrainedAgent {
  readonly mind: Mind;
  readonly curve: readonly number[];
  readonly episodes: number;
  /** The configuration and seed that produced it (what a challenge code carries). */
  readonly config: TrainingConfigInput;
  readonly seed: number;
}

export interface Attempt {
  readonly level: Level;
  /** From a code or the editor: played like any level, but no part of the campaign's progress. */
  readonly shared: boolean;
  /** The round being played, in levels with rounds. */
  readonly round: number | null;
  readonly settings: PlayerSettings;
  readonly agent: TrainedAgent | null;
  /** Agents trained in this attempt (the current one included). */
  readonly agentsTrained: number;
  /** Training-like worlds of the current agent, for watching, probing and the lens. */
  readonly inspectionWorlds: readonly World[];
  /** Probes and covert audits spent on every agent of the attempt: retraining does not refill them. */
  readonly probesUsed: number;
  /** Lens uses on every agent of the attempt. */
  readonly lensUsed: number;
  /** What the last probe changed from the world it was made from (a guide can ask for a probe that moved the coin). */
  readonly lastProbe: ProbeChange | null;
  /** Whether the lens is open on the current agent (opening it again on the same agent costs nothing). */
  readonly lensOpen: boolean;
  readonly verdict: Verdict | null;
  readonly measurement: Measurement | null;
  readonly score: PlayerScore | null;
  /** Presenter mode: the class's show of hands per hypothesis id, entered before deployment. */
  readonly classVote: Readonly<Record<string, number>> | null;
  /** The first run (the level's default agent, predicted then deployed before any tool), if this attempt has one; see firstRun.ts. */
  readonly firstRun: FirstRun | null;
}

/**
 * The first run of a level: its default agent (the level's own settings, the
 * attempt's seed), the player's prediction, and its measured deployment. While
 * a required first run is unwatched, the tools (settings, training, probes,
 * lens, verdict) refuse: the player meets the failure before the tools.
 */
export interface FirstRun {
  /** The first time a level is played: the tools wait until the run has been watched. */
  readonly required: boolean;
  readonly agent: TrainedAgent | null;
  /** A hypothesis id, or UNEXPLAINED ("none of these"). */
  readonly prediction: string | null;
  /** Presenter mode: the class's hands per hypothesis id, counted with the prediction. */
  readonly classVote: Readonly<Record<string, number>> | null;
  readonly measurement: Measurement | null;
  /** The reveal was shown and the player moved on. */
  readonly watched: boolean;
}

/** Whether a required first run still stands between the player and the tools. */
export function firstRunPending(attempt: Attempt): boolean {
  return attempt.firstRun !== null && attempt.firstRun.required && !attempt.firstRun.watched;
}

export type MoveError =
  | { readonly kind: 'no-agent' }
  | { readonly kind: 'no-probes-left'; readonly budget: number }
  | { readonly kind: 'no-lens-left'; readonly budget: number }
  | { readonly kind: 'missing-choice'; readonly choice: 'decision' | 'hypothesis' | 'failure' }
  | { readonly kind: 'unknown-hypothesis'; readonly hypothesis: string }
  | { readonly kind: 'not-editable'; readonly setting: string }
  | { readonly kind: 'out-of-range'; readonly setting: string; readonly min: number; readonly max: number }
  | { readonly kind: 'no-such-round'; readonly round: number }
  | { readonly kind: 'bad-vote'; readonly hypothesis: string }
  | { readonly kind: 'first-run-pending' }
  | { readonly kind: 'first-run-order'; readonly needs: 'agent' | 'prediction' | 'measurement' | 'no-agent' }
  | { readonly kind: 'not-default'; readonly seed: number };

export type MoveResult = { readonly ok: true; readonly attempt: Attempt } | { readonly ok: false; readonly error: MoveError };

const ok = (attempt: Attempt): MoveResult => ({ ok: true, attempt });
const fail = (error: MoveError): MoveResult => ({ ok: false, error });

/** A reward the player writes lies within ±REWARD_LIMIT. */
export const REWARD_LIMIT = 50;
/** Seeds as every code and the command line take them: whole numbers from 0 to 2^31 − 1. */
export const MAX_SEED = 0x7fffffff;
/** Training-like worlds shown on the Inspect screen. */
export const INSPECTION_WORLDS = WATCH_WORLDS;
/** The most hands a class vote counts for one hypothesis. */
export const MAX_VOTE = 999;

/** The settings a level (or one of its rounds) starts from: what "reset" returns to and what "changed" compares with. */
export function baselineSettings(level: Level, round: number | null, seed = 1): PlayerSettings {
  const preset = round === null ? undefined : level.rounds[round]?.config;
  return {
    reward: { ...preset?.reward },
    knobs: { ...preset?.knobs },
    generations: preset?.generations ?? level.training.generations,
    seed,
    ...(preset?.viewRadius === undefined ? {} : { viewRadius: preset.viewRadius }),
  };
}

function fresh(level: Level, shared: boolean, round: number | null, settings: PlayerSettings, firstRun = false): Attempt {
  return {
    level,
    shared,
    round,
    settings,
    agent: null,
    agentsTrained: 0,
    inspectionWorlds: [],
    probesUsed: 0,
    lastProbe: null,
    lensUsed: 0,
    lensOpen: false,
    verdict: null,
    measurement: null,
    score: null,
    classVote: null,
    firstRun: firstRun ? { required: true, agent: null, prediction: null, classVote: null, measurement: null, watched: false } : null,
  };
}

/**
 * A new attempt at a level, with the level's default training settings and
 * seed 1; `firstRun` (see `firstRunPolicy`) makes the player watch the
 * level's default agent in deployment before any tool.
 */
export function startAttempt(level: Level, options: { shared?: boolean; firstRun?: boolean } = {}): Attempt {
  return fresh(level, options.shared ?? false, null, baselineSettings(level, null), options.firstRun ?? false);
}

/**
 * Starts a round of a level with rounds: its preset becomes the player's
 * settings. A round is a puzzle of its own with its own verdict, so it starts
 * a fresh attempt (fresh budgets); the seed carries over.
 */
export function startRound(attempt: Attempt, round: number): MoveResult {
  if (!Number.isInteger(round) || round < 0 || round >= attempt.level.rounds.length) return fail({ kind: 'no-such-round', round });
  return ok(fresh(attempt.level, attempt.shared, round, baselineSettings(attempt.level, round, attempt.settings.seed)));
}

/**
 * Applies a challenge: its configuration and seed become the player's
 * settings, its population and episodes per generation travel with the
 * attempt. The level is not touched, so its fingerprint stays its own.
 */
export function applyChallenge(attempt: Attempt, challenge: Pick<Challenge, 'config' | 'seed'>): Attempt {
  const { config, seed } = challenge;
  return {
    ...attempt,
    settings: {
      reward: { ...config.reward },
      knobs: { ...config.knobs },
      generations: config.generations ?? attempt.level.training.generations,
      seed,
      ...(config.viewRadius === undefined ? {} : { viewRadius: config.viewRadius }),
      ...(config.population === undefined ? {} : { population: config.population }),
      ...(config.episodesPerGeneration === undefined ? {} : { episodesPerGeneration: config.episodesPerGeneration }),
    },
  };
}

/** One change to the training settings. */
export type SettingChange =
  | { readonly kind: 'reward'; readonly event: EventKind; readonly value: number }
  | { readonly kind: 'knob'; readonly name: string; readonly value: number }
  | { readonly kind: 'generations'; readonly value: number }
  | { readonly kind: 'seed'; readonly value: number }
  | { readonly kind: 'viewRadius'; readonly value: number };

/** Changes one training setting, within what the level lets the player change. */
export function changeSetting(attempt: Attempt, change: SettingChange): MoveResult {
  if (firstRunPending(attempt)) return fail({ kind: 'first-run-pending' });
  const { level, settings } = attempt;
  const inRange = (setting: string, value: number, min: number, max: number, whole = false): MoveError | null =>
    Number.isFinite(value) && value >= min && value <= max && (!whole || Number.isInteger(value)) ? null : { kind: 'out-of-range', setting, min, max };
  switch (change.kind) {
    case 'reward': {
      if (!level.reward.editable.includes(change.event)) return fail({ kind: 'not-editable', setting: `reward.${change.event}` });
      const bad = inRange(`reward.${change.event}`, change.value, -REWARD_LIMIT, REWARD_LIMIT);
      return bad ? fail(bad) : ok({ ...attempt, settings: { ...settings, reward: { ...settings.reward, [change.event]: change.value } } });
    }
    case 'knob': {
      const knob = own(level.knobs, change.name);
      if (!knob?.unlocked) return fail({ kind: 'not-editable', setting: `knobs.${change.name}` });
      const bad = inRange(`knobs.${change.name}`, change.value, knob.min, knob.max);
      return bad ? fail(bad) : ok({ ...attempt, settings: { ...settings, knobs: { ...settings.knobs, [change.name]: change.value } } });
    }
    case 'generations': {
      const bad = inRange('generations', change.value, 1, level.training.maxGenerations, true);
      return bad ? fail(bad) : ok({ ...attempt, settings: { ...settings, generations: change.value } });
    }
    case 'seed': {
      const bad = inRange('seed', change.value, 0, MAX_SEED, true);
      return bad ? fail(bad) : ok({ ...attempt, settings: { ...settings, seed: change.value } });
    }
    case 'viewRadius': {
      const range = level.agent.viewRadiusRange;
      if (!range) return fail({ kind: 'not-editable', setting: 'viewRadius' });
      const bad = inRange('viewRadius', change.value, range.min, range.max, true);
      return bad ? fail(bad) : ok({ ...attempt, settings: { ...settings, viewRadius: change.value } });
    }
  }
}

/** Back to the level's (or the round's) settings; the seed, the agent and the budgets spent stay. */
export function resetSettings(attempt: Attempt): Attempt {
  return { ...attempt, settings: baselineSettings(attempt.level, attempt.round, attempt.settings.seed) };
}

/** The player's current value of each setting, defaults filled in. */
export function rewardValue(attempt: Attempt, event: EventKind): number {
  return attempt.settings.reward[event] ?? attempt.level.reward.default[event] ?? 0;
}
export function knobValue(attempt: Attempt, name: string): number {
  return own(attempt.settings.knobs, name) ?? own(attempt.level.knobs, name)?.training ?? 0;
}
/** How far the agent will see with the current settings (null: the whole world). */
export function viewRadiusValue(attempt: Attempt): number | null {
  return attempt.settings.viewRadius ?? attempt.level.agent.viewRadius;
}

/** Which settings differ from where this level or round started (the "changed" marks). */
export interface SettingsChanged {
  readonly reward: ReadonlySet<EventKind>;
  readonly knobs: ReadonlySet<string>;
  readonly generations: boolean;
  readonly viewRadius: boolean;
}

export function changedSettings(attempt: Attempt): SettingsChanged {
  const base = { ...attempt, settings: baselineSettings(attempt.level, attempt.round, attempt.settings.seed) };
  return {
    reward: new Set(EVENT_KINDS.filter((k) => rewardValue(attempt, k) !== rewardValue(base, k))),
    knobs: new Set(Object.keys(attempt.level.knobs).filter((k) => knobValue(attempt, k) !== knobValue(base, k))),
    generations: attempt.settings.generations !== base.settings.generations,
    viewRadius: viewRadiusValue(attempt) !== viewRadiusValue(base),
  };
}

/** The player's settings as a training configuration: only what differs from the level. */
export function trainingConfig(attempt: Attempt): TrainingConfigInput {
  const { level, settings } = attempt;
  const config: { -readonly [K in keyof TrainingConfigInput]: TrainingConfigInput[K] } = {};
  const reward = Object.fromEntries(Object.entries(settings.reward).filter(([k, v]) => level.reward.default[k as EventKind] !== v && !(v === 0 && level.reward.default[k as EventKind] === undefined)));
  if (Object.keys(reward).length) config.reward = reward;
  const knobs = Object.fromEntries(Object.entries(settings.knobs).filter(([k, v]) => own(level.knobs, k)?.training !== v));
  if (Object.keys(knobs).length) config.knobs = knobs;
  if (settings.generations !== level.training.generations) config.generations = settings.generations;
  if (settings.viewRadius !== undefined && settings.viewRadius !== level.agent.viewRadius) config.viewRadius = settings.viewRadius;
  if (settings.population !== undefined && settings.population !== level.training.population) config.population = settings.population;
  if (settings.episodesPerGeneration !== undefined && settings.episodesPerGeneration !== level.training.episodesPerGeneration) config.episodesPerGeneration = settings.episodesPerGeneration;
  return config;
}

/** Training episodes the current settings will spend. */
export function plannedEpisodes(attempt: Attempt): number {
  return episodeBudget(resolveConfig(attempt.level, trainingConfig(attempt)));
}

/** Training episodes the level's own settings spend: the compute cost is measured against it. */
export function defaultEpisodes(level: Level): number {
  return episodeBudget(resolveConfig(level));
}

/**
 * A trained agent replaces the current one. The verdict, measurement, score
 * and class vote belonged to the old agent and go; the budgets do not refill.
 */
export function acceptAgent(attempt: Attempt, agent: TrainedAgent): Attempt {
  const knobs = resolveConfig(attempt.level, agent.config).knobs;
  return {
    ...attempt,
    agent,
    agentsTrained: attempt.agentsTrained + 1,
    inspectionWorlds: trainingLikeWorlds(attempt.level, knobs, agent.seed, INSPECTION_WORLDS),
    lensOpen: false,
    verdict: null,
    measurement: null,
    score: null,
    classVote: null,
  };
}

export function probesLeft(attempt: Attempt): number {
  return Math.max(0, attempt.level.budget.probes - attempt.probesUsed);
}
export function lensLeft(attempt: Attempt): number {
  return Math.max(0, attempt.level.budget.lens - attempt.lensUsed);
}

/** What a probe changed from the world it was made from. */
export interface ProbeChange {
  /** Object kinds that moved, appeared or vanished. */
  readonly objects: readonly ObjectKind[];
  /** Whether the agent starts somewhere else. */
  readonly agentMoved: boolean;
}

/** What differs between the world a probe was made from and the probe. */
export function probeChange(from: World, probe: World): ProbeChange {
  const places = (world: World, kind: ObjectKind) =>
    world.objects
      .filter((o) => o.kind === kind)
      .map((o) => `${o.x},${o.y},${o.colour}`)
      .sort()
      .join(' ');
  const kinds = [...new Set([...from.objects, ...probe.objects].map((o) => o.kind))];
  return { objects: kinds.filter((kind) => places(from, kind) !== places(probe, kind)), agentMoved: from.agentX !== probe.agentX || from.agentY !== probe.agentY };
}

/** Spends one probe (a probe run or a covert audit) of the attempt's budget; a probe run says what it changed. */
export function spendProbe(attempt: Attempt, change: ProbeChange | null = null): MoveResult {
  if (firstRunPending(attempt)) return fail({ kind: 'first-run-pending' });
  if (!attempt.agent) return fail({ kind: 'no-agent' });
  if (probesLeft(attempt) === 0) return fail({ kind: 'no-probes-left', budget: attempt.level.budget.probes });
  return ok({ ...attempt, probesUsed: attempt.probesUsed + 1, lastProbe: change });
}

/** Opens the lens on the current agent: one use of the attempt's budget, free while it stays open on that agent. */
export function openLens(attempt: Attempt): MoveResult {
  if (firstRunPending(attempt)) return fail({ kind: 'first-run-pending' });
  if (!attempt.agent) return fail({ kind: 'no-agent' });
  if (attempt.lensOpen) return ok(attempt);
  if (lensLeft(attempt) === 0) return fail({ kind: 'no-lens-left', budget: attempt.level.budget.lens });
  return ok({ ...attempt, lensUsed: attempt.lensUsed + 1, lensOpen: true });
}

/** What the player chose on the verdict form; any part may be missing. */
export interface VerdictChoice {
  readonly decision: Verdict['decision'] | null;
  readonly hypothesis: string | null;
  readonly failure?: FailureKind | null;
  /** Presenter mode: hands per hypothesis id. */
  readonly classVote?: Readonly<Record<string, number>> | null;
}

/** A class vote counts whole hands (0 to MAX_VOTE) for the level's hypotheses only; null when it does. */
export function voteProblem(level: Level, vote: Readonly<Record<string, number>> | null): Extract<MoveError, { kind: 'bad-vote' }> | null {
  for (const [hypothesis, n] of Object.entries(vote ?? {})) {
    if (!level.hypotheses.some((h) => h.id === hypothesis) || !Number.isInteger(n) || n < 0 || n > MAX_VOTE) return { kind: 'bad-vote', hypothesis };
  }
  return null;
}

/** Checks the verdict form: every choice the level asks for, a known hypothesis, a sensible vote. */
export function readVerdict(level: Level, choice: VerdictChoice): { ok: true; verdict: Verdict } | { ok: false; error: MoveError } {
  if (!choice.decision) return { ok: false, error: { kind: 'missing-choice', choice: 'decision' } };
  if (!choice.hypothesis) return { ok: false, error: { kind: 'missing-choice', choice: 'hypothesis' } };
  // "None of these" (unexplained) is a verdict too: the engine may find no candidate explains the agent.
  if (choice.hypothesis !== UNEXPLAINED && !level.hypotheses.some((h) => h.id === choice.hypothesis)) return { ok: false, error: { kind: 'unknown-hypothesis', hypothesis: choice.hypothesis } };
  if (level.askFailureKind && !choice.failure) return { ok: false, error: { kind: 'missing-choice', choice: 'failure' } };
  const badVote = voteProblem(level, choice.classVote ?? null);
  if (badVote) return { ok: false, error: badVote };
  const verdict: Verdict = level.askFailureKind ? { decision: choice.decision, hypothesis: choice.hypothesis, failure: choice.failure! } : { decision: choice.decision, hypothesis: choice.hypothesis };
  return { ok: true, verdict };
}

/**
 * The player commits: the verdict is judged against what the engine measured
 * of the current agent. The cost counts every probe and lens use of the
 * attempt, and the compute of the agent being judged.
 */
export function commitVerdict(attempt: Attempt, choice: VerdictChoice, measurement: Measurement): MoveResult {
  if (firstRunPending(attempt)) return fail({ kind: 'first-run-pending' });
  if (!attempt.agent) return fail({ kind: 'no-agent' });
  const read = readVerdict(attempt.level, choice);
  if (!read.ok) return fail(read.error);
  const { level, agent } = attempt;
  const score = judgeVerdict(
    level,
    measurement.truth,
    read.verdict,
    { episodes: agent.episodes, probes: attempt.probesUsed, lens: attempt.lensUsed },
    defaultEpisodes(level),
    level.askFailureKind ? measurement.failure : null,
  );
  return ok({ ...attempt, verdict: read.verdict, measurement, score, classVote: choice.classVote ?? null });
}

/** A bound as the game writes it: a real minus sign, no grouping (seeds run to 2147483647). */
function bound(n: number): string {
  return n < 0 ? `−${-n}` : String(n);
}

/**
 * A move's error as a catalog message (`session.move.*`). Pass the level
 * as the page shows it (its knobs' labels and title in the reader's language).
 */
export function describeMoveError(level: Level, error: MoveError): Message {
  switch (error.kind) {
    case 'no-agent':
      return message('session.move.no-agent');
    case 'no-probes-left':
      return message('session.move.no-probes-left', { budget: error.budget });
    case 'no-lens-left':
      return message('session.move.no-lens-left', { budget: error.budget });
    case 'missing-choice':
      return message(`session.move.missing-${error.choice}`);
    case 'unknown-hypothesis':
      return message('session.move.unknown-hypothesis', { hypothesis: error.hypothesis });
    case 'not-editable':
      return message('session.move.not-editable', { setting: error.setting });
    case 'out-of-range': {
      const [group, name] = error.setting.split('.');
      const range = { min: bound(error.min), max: bound(error.max) };
      if (group === 'reward') return message('session.move.range-reward', range);
      if (group === 'knobs') return message('session.move.range-knob', { ...range, knob: own(level.knobs, name!)?.label ?? name! });
      if (group === 'seed') return message('session.move.range-seed', range);
      if (group === 'viewRadius') return message('session.move.range-view', range);
      return message('session.move.range-generations', range);
    }
    case 'no-such-round':
      return message('session.move.no-such-round', { level: level.title, round: error.round + 1 });
    case 'bad-vote': {
      const label = level.hypotheses.find((h) => h.id === error.hypothesis)?.label ?? error.hypothesis;
      return message('session.move.bad-vote', { hypothesis: label, max: MAX_VOTE });
    }
    case 'first-run-pending':
      return message('session.move.first-run-pending');
    case 'first-run-order':
      return message(`session.move.first-run-${error.needs}`);
    case 'not-default':
      return message('session.move.not-default', { seed: String(error.seed) });
  }
}
