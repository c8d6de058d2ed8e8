/**
 * Replays a list of moves against a level, PuzzleScript-style: the same moves
 * always give the same attempt. Training and measuring run the core directly
 * (in the browser the worker does both), so a replay is a complete, real
 * play-through in Node — the shape of the replay tests and of any bot.
 */
import { resolveConfig, train, type Challenge, type Decision, type EventKind, type FailureKind, type Level } from '../core/index';
import {
  acceptAgent,
  applyChallenge,
  changeSetting,
  commitVerdict,
  openLens,
  resetSettings,
  spendProbe,
  firstRunPending,
  startAttempt,
  startRound,
  trainingConfig,
  type Attempt,
  type MoveError,
  type MoveResult,
} from './attempt';
import { acceptFirstRunAgent, beginFirstRun, finishFirstRun, measureFirstRun, predictFirstRun } from './firstRun';
import { measureAgent } from './measure';

export type Move =
  | { readonly move: 'round'; readonly index: number }
  | { readonly move: 'challenge'; readonly challenge: Pick<Challenge, 'config' | 'seed'> }
  | { readonly move: 'reward'; readonly event: EventKind; readonly value: number }
  | { readonly move: 'knob'; readonly name: string; readonly value: number }
  | { readonly move: 'generations'; readonly value: number }
  | { readonly move: 'seed'; readonly value: number }
  | { readonly move: 'viewRadius'; readonly value: number }
  | { readonly move: 'reset' }
  | { readonly move: 'train' }
  | { readonly move: 'probe' }
  | { readonly move: 'lens' }
  | { readonly move: 'verdict'; readonly decision: Decision; readonly hypothesis: string; readonly failure?: FailureKind }
  /** The first run (firstRun.ts): start one by choice, train the level's own agent, predict, deploy, move on. */
  | { readonly move: 'first-run' }
  | { readonly move: 'first-train' }
  | { readonly move: 'first-predict'; readonly hypothesis: string }
  | { readonly move: 'first-deploy' }
  | { readonly move: 'first-done' };

export interface Replay {
  readonly attempt: Attempt;
  /** The first move refused, if any (the replay stops there). */
  readonly refused: { readonly index: number; readonly move: Move; readonly error: MoveError } | null;
}

/** Trains an agent for real with the attempt's settings, as the worker does. */
export function trainAgent(attempt: Attempt): Attempt {
  const config = trainingConfig(attempt);
  const seed = attempt.settings.seed;
  const result = train(attempt.level, resolveConfig(attempt.level, config), seed);
  return acceptAgent(attempt, { mind: result.mind, curve: result.curve, episodes: result.episodes, config, seed });
}

export function applyMove(attempt: Attempt, move: Move): MoveResult {
  switch (move.move) {
    case 'round':
      return startRound(attempt, move.index);
    case 'challenge':
      return { ok: true, attempt: applyChallenge(attempt, move.challenge) };
    case 'reward':
      return changeSetting(attempt, { kind: 'reward', event: move.event, value: move.value });
    case 'knob':
      return changeSetting(attempt, { kind: 'knob', name: move.name, value: move.value });
    case 'generations':
      return changeSetting(attempt, { kind: 'generations', value: move.value });
    case 'seed':
      return changeSetting(attempt, { kind: 'seed', value: move.value });
    case 'viewRadius':
      return changeSetting(attempt, { kind: 'viewRadius', value: move.value });
    case 'reset':
      return { ok: true, attempt: resetSettings(attempt) };
    case 'train':
      if (firstRunPending(attempt)) return { ok: false, error: { kind: 'first-run-pending' } };
      return { ok: true, attempt: trainAgent(attempt) };
    case 'probe':
      return spendProbe(attempt);
    case 'lens':
      return openLens(attempt);
    case 'verdict':
      if (!attempt.agent) return { ok: false, error: { kind: 'no-agent' } };
      return commitVerdict(attempt, { decision: move.decision, hypothesis: move.hypothesis, failure: move.failure ?? null }, measureAgent(attempt.level, attempt.agent));
    case 'first-run':
      return { ok: true, attempt: beginFirstRun(attempt) };
    case 'first-train': {
      // The level's own settings and the attempt's seed, whatever the player has set.
      const seed = attempt.settings.seed;
      const result = train(attempt.level, resolveConfig(attempt.level, {}), seed);
      return acceptFirstRunAgent(attempt, { mind: result.mind, curve: result.curve, episodes: result.episodes, config: {}, seed });
    }
    case 'first-predict':
      return predictFirstRun(attempt, move.hypothesis);
    case 'first-deploy': {
      const agent = attempt.firstRun?.agent;
      if (!agent) return { ok: false, error: { kind: 'first-run-order', needs: 'agent' } };
      return measureFirstRun(attempt, measureAgent(attempt.level, agent));
    }
    case 'first-done':
      return finishFirstRun(attempt);
  }
}

export function replay(level: Level, moves: readonly Move[], options: { shared?: boolean; firstRun?: boolean } = {}): Replay {
  let attempt = startAttempt(level, options);
  for (let index = 0; index < moves.length; index++) {
    const result = applyMove(attempt, moves[index]!);
    if (!result.ok) return { attempt, refused: { index, move: moves[index]!, error: result.error } };
    attempt = result.attempt;
  }
  return { attempt, refused: null };
}
