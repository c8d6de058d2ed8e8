/**
 * What every Inspect tab shares: the level, the agent and its inspection
 * worlds, the player's probe world, the budget line, the playback controls,
 * and the worker jobs that run the agent and read the lens — off the page,
 * one at a time, with a status line and Cancel when a job takes more than a
 * moment. A tab asks for films or value maps here; it never runs an episode.
 */
import { effect } from '@preact/signals-core';
import type { Attempt, TrainedAgent } from '../../session/index';
import { lensLeft, probesLeft } from '../../session/index';
import type { InspectedEpisode, InspectionSense, LensMaps, Level, World } from '../../core/index';
import { succeeded } from '../../core/index';
import { startEpisodes, startLensMaps, type WorkerJob } from '../../worker/client';
import type { App } from '../app';
import { SPEEDS } from '../presenter';
import { el, uid } from '../dom';
import { pauseButton as playbackPause, showPaused } from '../playback';
import { describeEpisode } from '../describe';
import { t } from '../../i18n/index';

/** A job's status appears only when it takes longer than this: a quick film just plays. */
const STATUS_AFTER_MS = 150;

export interface InspectRun {
  readonly world: World;
  readonly sense: InspectionSense;
}

export type InspectTab = 'watch' | 'probe' | 'audit' | 'lens' | 'compare';

export interface Inspection {
  readonly app: App;
  readonly level: Level;
  readonly agent: TrainedAgent;
  /** Training-like worlds of this agent, for watching, probing and the lens. */
  readonly worlds: readonly World[];
  /** Whether the level gives the agent a "watched" sense (then the covert audit and the supervisor toggle exist). */
  readonly hasWatchedSense: boolean;
  /** The player's probe world, kept between tabs so the lens can read it. */
  probe: { base: number; world: World; edited: boolean };
  /** The world the lens shows: a training world's index, or PROBE_WORLD. */
  lensWorld: number;
  /** Opens a tab (the screen sets this); for the lens, on the given world. */
  selectTab(tab: InspectTab, lensWorld?: number): void;
  current(): Attempt;
  refreshBudget(): void;
  /** Awaits a worker job as the one running job (cancelling any other), with its status line; null when cancelled or replaced. */
  run<T>(job: WorkerJob<T>, what: string): Promise<T | null>;
  /** Runs the agent in each world in the worker (cancelling any job still running); null when cancelled or replaced. */
  films(runs: readonly InspectRun[], what: string): Promise<readonly InspectedEpisode[] | null>;
  /** The lens's value maps of one world, from the worker; null when cancelled or replaced. */
  lensMaps(world: World, what: string): Promise<LensMaps | null>;
  /** Plays one film on the stage and says what happened in it. */
  play(film: InspectedEpisode, intro: string): void;
  /** Cancels the running job, if any (a tab change, leaving the screen). */
  cancel(): void;
  /** A labelled menu of the training worlds (and, when asked, the probe world: value -1). */
  worldPicker(onPick: (index: number) => void, label: string, options?: { readonly withProbe?: boolean; readonly id?: string }): { picker: HTMLSelectElement; field: HTMLElement };
}

export interface InspectShell {
  readonly inspection: Inspection;
  readonly budget: HTMLElement;
  readonly playback: HTMLElement;
  readonly description: HTMLElement;
  readonly jobStatus: HTMLElement;
  stop(): void;
}

/** The value a world picker gives the player's probe world. */
export const PROBE_WORLD = -1;

export function inspectionOf(app: App): InspectShell {
  const { level } = app;
  const agent = app.attempt!.agent!;
  const worlds = app.attempt!.inspectionWorlds;
  const current = () => app.attempt!;

  const budget = el('p', { class: 'budget', role: 'status' });
  const refreshBudget = () => {
    const attempt = current();
    const said = { probes: probesLeft(attempt), probeBudget: level.budget.probes, lens: lensLeft(attempt), lensBudget: level.budget.lens };
    budget.textContent = t(attempt.round === null ? 'inspect.budget.level' : 'inspect.budget.round', said);
  };

  /* Playback shared by every tab that plays a film */
  const description = el('p', { class: 'episode-text', 'aria-live': 'polite' });
  const pauseButton = playbackPause(app, { id: 'pause-button' });
  const stepButton = el('button', { type: 'button', onclick: () => app.stage?.stepOnce() }, t('inspect.playback.step'));
  const speedId = uid('speed');
  const speed = el(
    'select',
    { id: speedId, onchange: () => app.stage?.setSpeed(Number(speed.value)) },
    ...SPEEDS.map((v) => el('option', { value: v }, t('inspect.playback.speedValue', { speed: v }))),
  );
  // The same speed as every other playback control (the presenter's bar, a link's speed=).
  const stopSpeed = effect(() => {
    speed.value = String(app.playback.value.speed);
  });
  const playback = el('div', { class: 'button-row playback' }, pauseButton, stepButton, el('label', { for: speedId }, t('inspect.playback.speed')), speed);

  /* One worker job at a time: a new request replaces the running one. */
  const statusText = el('span', {});
  const cancelButton = el('button', { type: 'button', id: 'cancel-inspect-job', onclick: () => cancel() }, t('inspect.job.cancel'));
  const jobStatus = el('p', { class: 'job-status', id: 'inspect-job', role: 'status', hidden: true }, statusText, ' ', cancelButton);
  let running: { job: WorkerJob<unknown>; timer: ReturnType<typeof setTimeout> } | null = null;
  const cancel = () => {
    if (!running) return;
    clearTimeout(running.timer);
    running.job.cancel();
    running = null;
    jobStatus.hidden = true;
  };
  async function track<T>(job: WorkerJob<T>, what: string): Promise<T | null> {
    cancel();
    statusText.textContent = t('inspect.job.running', { what });
    const timer = setTimeout(() => (jobStatus.hidden = false), STATUS_AFTER_MS);
    const mine = { job: job as WorkerJob<unknown>, timer };
    running = mine;
    try {
      return await job.result;
    } catch (error) {
      app.notice(t('inspect.job.failed', { what, error: (error as Error).message }), 'error');
      return null;
    } finally {
      if (running === mine) {
        clearTimeout(timer);
        running = null;
        jobStatus.hidden = true;
      }
    }
  }

  const inspection: Inspection = {
    app,
    level,
    agent,
    worlds,
    hasWatchedSense: (level.agent.contexts.watched ?? []).length > 0,
    probe: { base: 0, world: worlds[0]!, edited: false },
    lensWorld: 0,
    selectTab: () => {},
    current,
    refreshBudget,
    run: track,
    films(runs, what) {
      const job = startEpisodes(app.levelJson(), [...agent.mind.weights], agent.config, runs, (played, planned) => {
        statusText.textContent = t('inspect.job.progress', { what, played, planned });
      });
      return track(job, what);
    },
    lensMaps(world, what) {
      return track(startLensMaps(app.levelJson(), [...agent.mind.weights], agent.config, world), what);
    },
    play(film, intro) {
      showPaused(pauseButton, false);
      description.textContent = t('inspect.play', { intro, episode: describeEpisode(film.episode) });
      // The outcome by the level's own success test, shown on the stage as ✓ or ✗.
      // The intended objective's path as a ghost, and the move where this agent leaves it.
      const verdict = succeeded(level, film.episode) ? 'success' : 'failure';
      void app.stage?.play({ recording: film.recording, verdict, ghost: film.ghost, divergeAt: verdict === 'failure' ? film.divergeAt : null }, 'lab');
    },
    cancel,
    worldPicker(onPick, label, { withProbe = false, id = uid('world') } = {}) {
      const picker = el(
        'select',
        { id, onchange: () => onPick(Number(picker.value)) },
        ...worlds.map((_, i) => el('option', { value: i }, t('inspect.world.training', { number: i + 1 }))),
        ...(withProbe ? [el('option', { value: PROBE_WORLD }, t('inspect.world.probe'))] : []),
      );
      return { picker, field: el('div', { class: 'field inline' }, el('label', { for: id }, label), picker) };
    },
  };
  return {
    inspection,
    budget,
    playback,
    description,
    jobStatus,
    stop() {
      cancel();
      stopSpeed();
    },
  };
}
