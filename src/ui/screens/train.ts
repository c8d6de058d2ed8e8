/**
 * Train: the reward editor (the base objective), the training-distribution
 * knobs the level unlocks, the compute budget, and training itself in a Web
 * Worker with a progress bar, a live learning curve and Cancel — and, unless
 * the player skips it, the show of the mesa-objective forming (trainingShow.ts).
 */
import { presenterFold } from '../presenter';
import { effect } from '@preact/signals-core';
import { generateWorld, knobValues, resolveConfig, Rng, EVENT_KINDS, weightNames, type EventKind, type TrainingProgress } from '../../core/index';
import {
  MAX_SEED,
  REWARD_LIMIT,
  acceptAgent,
  changedSettings,
  changeSetting,
  knobValue as currentKnob,
  plannedEpisodes,
  resetSettings,
  rewardValue as currentReward,
  trainingConfig,
  type SettingChange,
} from '../../session/index';
import { startTraining, type TrainedAgent, type WorkerJob } from '../../worker/client';
import type { App } from '../app';
import { lineChart } from '../charts';
import { el, uid } from '../dom';
import { describeWorld, eventLabel } from '../describe';
import { sensesControls } from '../senses';
import { SHOWN_CANDIDATES, TrainingShow } from '../trainingShow';

const GENERATION_CHOICES = [10, 20, 30, 60, 100];
/** The least time between two redraws of the progress bar, status line and learning curve while training. */
const FEEDBACK_MS = 100;

export function renderTrain(app: App, panel: HTMLElement): () => void {
  const { level } = app;
  const attempt = app.attempt!;
  let job: WorkerJob<TrainedAgent> | null = null;
  const senses = sensesControls(app, level);
  /** Cancel pressed for the current run (also while the show finishes after the worker is done). */
  let cancelled = false;

  // The screen reads the attempt and dispatches setting changes; the session checks them.
  const rewardValue = (kind: EventKind) => currentReward(app.attempt!, kind);
  const knobValue = (name: string) => currentKnob(app.attempt!, name);
  const change = (setting: SettingChange) => app.dispatch(changeSetting(app.attempt!, setting));

  const showSampleWorld = () => {
    const s = app.attempt!.settings;
    const knobs = knobValues(level, 'training', s.knobs);
    const world = generateWorld(level, knobs, Rng.fromSeed(s.seed));
    app.stage?.showWorld(world, 'lab');
    worldText.textContent = describeWorld(world, 'lab');
  };

  /* Reward editor */
  const rewardFields = el('div', { class: 'field-grid' });
  const rewardRows = new Map<EventKind, HTMLElement>();
  const knobRows = new Map<string, HTMLElement>();
  const editable = new Set(level.reward.editable);
  for (const kind of EVENT_KINDS) {
    const isEditable = editable.has(kind);
    const defaultValue = level.reward.default[kind];
    if (!isEditable && defaultValue === undefined) continue;
    const id = uid(`reward-${kind}`);
    if (isEditable) {
      const marker = el('span', { class: 'changed-marker', 'aria-hidden': 'true' }, '● changed');
      const input = el('input', {
        id,
        type: 'number',
        step: 0.5,
        min: -REWARD_LIMIT,
        max: REWARD_LIMIT,
        value: rewardValue(kind),
        'data-event': kind,
        onchange: () => {
          const v = input.value.trim() === '' ? Number.NaN : Number(input.value);
          if (!change({ kind: 'reward', event: kind, value: v })) input.value = String(rewardValue(kind));
        },
      });
      const row = el('div', { class: 'field', 'data-event': kind }, el('label', { for: id }, `Reward for ${eventLabel(kind)}`), input, marker);
      rewardRows.set(kind, row);
      rewardFields.append(row);
    } else {
      rewardFields.append(el('div', { class: 'field fixed' }, el('span', {}, `Reward for ${eventLabel(kind)}`), el('span', { class: 'fixed-value' }, `${defaultValue} (fixed in this level)`)));
    }
  }

  /* Training distribution knobs */
  const knobFields = el('div', { class: 'field-grid' });
  for (const [name, knob] of Object.entries(level.knobs)) {
    const id = uid(`knob-${name}`);
    if (!knob.unlocked) {
      knobFields.append(
        el('div', { class: 'field fixed' }, el('span', {}, knob.label), el('span', { class: 'fixed-value' }, `${formatKnob(knob.training, knob.max)} (locked)`), el('small', {}, knob.description)),
      );
      continue;
    }
    const output = el('output', { for: id }, formatKnob(knobValue(name), knob.max));
    const descId = uid('knob-desc');
    const input = el('input', {
      id,
      type: 'range',
      min: knob.min,
      max: knob.max,
      step: knob.step,
      value: knobValue(name),
      'data-knob': name,
      'aria-describedby': descId,
      'aria-valuetext': formatKnob(knobValue(name), knob.max),
      oninput: () => {
        const v = Number(input.value);
        if (!change({ kind: 'knob', name, value: v })) return void (input.value = String(knobValue(name)));
        output.textContent = formatKnob(v, knob.max);
        input.setAttribute('aria-valuetext', formatKnob(v, knob.max));
      },
      onchange: () => showSampleWorld(),
    });
    const marker = el('span', { class: 'changed-marker', 'aria-hidden': 'true' }, '● changed');
    const row = el('div', { class: 'field', 'data-knob': name }, el('label', { for: id }, knob.label), input, output, marker, el('small', { id: descId }, knob.description));
    knobRows.set(name, row);
    knobFields.append(row);
  }

  /* Compute budget and seed */
  const genId = uid('generations');
  const s = attempt.settings;
  const choices = [...new Set([...GENERATION_CHOICES, level.training.generations, s.generations])].filter((g) => g <= level.training.maxGenerations).sort((a, b) => a - b);
  const budgetText = el('span', { class: 'budget-text' });
  const generations = el(
    'select',
    {
      id: genId,
      onchange: () => {
        if (!change({ kind: 'generations', value: Number(generations.value) })) generations.value = String(app.attempt!.settings.generations);
      },
    },
    ...choices.map((g) => el('option', { value: g, selected: g === s.generations }, `${g} generations${g === level.training.generations ? ' (default)' : ''}`)),
  );
  const seedId = uid('seed');
  const seed = el('input', {
    id: seedId,
    type: 'number',
    min: 0,
    max: MAX_SEED,
    step: 1,
    value: s.seed,
    onchange: () => {
      const v = seed.value.trim() === '' ? Number.NaN : Number(seed.value);
      if (!change({ kind: 'seed', value: v })) return void (seed.value = String(app.attempt!.settings.seed));
      showSampleWorld();
    },
  });

  /* Training controls and live feedback */
  const progress = el('progress', { max: s.generations, value: 0, 'aria-label': 'Training progress' });
  const status = el('p', { class: 'train-status', role: 'status' }, 'Not trained yet.');
  const chartHost = el('div', { class: 'chart-host' });
  const trainButton = el('button', { type: 'button', class: 'primary', id: 'train-button', onclick: () => begin() }, 'Train');
  const cancelButton = el('button', { type: 'button', id: 'cancel-button', disabled: true, onclick: () => ((cancelled = true), show?.skip(), job?.cancel()) }, 'Cancel');
  const resetButton = el('button', { type: 'button', onclick: () => reset() }, attempt.round !== null ? `Reset to ${level.rounds[attempt.round]!.title.toLowerCase()}` : 'Reset to level defaults');
  const nextButton = el('button', { type: 'button', class: 'primary', id: 'to-inspect', hidden: !attempt.agent, onclick: () => (app.sounds.play('click'), app.go('inspect')) }, 'Inspect the agent →');
  const worldText = el('p', { class: 'sr-only' });
  let show: TrainingShow | null = null;
  const showHost = el('div', { class: 'show-host' });
  const feedback = el('div', { class: 'train-feedback' }, progress, status, showHost, chartHost);
  const skipButton = el('button', { type: 'button', id: 'skip-show', hidden: true, onclick: () => skipShow() }, 'Skip the show');
  // The show is on unless the player turned it off; with reduced motion it starts off.
  const showWanted = () => app.save.settings.trainingShow ?? !app.save.settings.reducedMotion;
  const showToggle = el('input', {
    type: 'checkbox',
    id: uid('training-show'),
    checked: showWanted(),
    onchange: () => {
      app.updateSettings({ trainingShow: showToggle.checked });
      if (!showToggle.checked) skipShow();
    },
  });
  const skipShow = () => {
    if (!show) return;
    show.skip();
    skipButton.hidden = true;
    app.announce('Show skipped. Training goes on.');
    if (!cancelButton.disabled) cancelButton.focus();
  };

  const drawCurve = (curve: readonly number[], planned: number) => {
    chartHost.replaceChildren(
      lineChart([{ label: 'Mean training reward', values: curve }], {
        title: 'Learning curve',
        xLabel: 'generation',
        yLabel: 'mean reward',
        xMax: planned,
        summary: curve.length ? `After ${curve.length} generations the mean training reward is ${curve.at(-1)!.toFixed(2)}, starting from ${curve[0]!.toFixed(2)}.` : 'No data yet.',
      }),
    );
  };

  // The "changed" marks and the compute line follow the attempt: measured against where this level (or round) started.
  const stopMarks = effect(() => {
    const current = app.attemptState.value;
    if (!current || current.level !== level) return;
    const changed = changedSettings(current);
    for (const [kind, row] of rewardRows) row.classList.toggle('changed', changed.reward.has(kind));
    for (const [name, row] of knobRows) row.classList.toggle('changed', changed.knobs.has(name));
    generations.closest('.field')?.classList.toggle('changed', changed.generations);
    budgetText.textContent = `${plannedEpisodes(current).toLocaleString('en')} training episodes`;
  });

  /** Back to the level's or the round's settings; budgets spent stay spent. */
  const reset = () => {
    app.dispatch({ ok: true, attempt: resetSettings(app.attempt!) });
    app.go('train', 'replace');
  };

  const setBusy = (busy: boolean) => {
    trainButton.disabled = busy;
    cancelButton.disabled = !busy;
    resetButton.disabled = busy;
    for (const input of panel.querySelectorAll<HTMLInputElement | HTMLSelectElement>('fieldset input, fieldset select')) input.disabled = busy;
  };

  const begin = () => {
    const config = trainingConfig(app.attempt!);
    const seedUsed = app.attempt!.settings.seed;
    const planned = resolveConfig(level, config).generations;
    const curve: number[] = [];
    progress.max = planned;
    progress.value = 0;
    setBusy(true);
    nextButton.hidden = true;
    status.textContent = 'Training…';
    app.sounds.play('train-start');
    app.announce('Training started.');
    // Generations arrive up to 25 times a second: the bar, the status line and the curve are written
    // together, at most every FEEDBACK_MS and only in an animation frame, each from the latest generation.
    let frame = 0;
    let latest: TrainingProgress | null = null;
    let drawnAt = -Infinity;
    const drawFeedback = (now: number) => {
      frame = 0;
      if (now - drawnAt < FEEDBACK_MS) return void (frame = requestAnimationFrame(drawFeedback));
      drawnAt = now;
      const p = latest;
      if (p === null) return;
      progress.value = p.generation;
      status.textContent = `Generation ${p.generation} of ${p.generations} — mean reward ${p.meanReward.toFixed(2)} — ${p.episodes.toLocaleString('en')} episodes`;
      drawCurve(curve, planned);
    };
    const apply = (p: TrainingProgress) => {
      curve.push(p.meanReward);
      latest = p;
      if (!frame) frame = requestAnimationFrame(drawFeedback);
    };
    const stopFeedback = () => {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    };
    show?.stop();
    cancelled = false;
    const resolved = resolveConfig(level, config);
    show =
      showWanted() && app.stage
        ? new TrainingShow({
            stage: () => app.stage,
            names: weightNames(level.agent),
            // The tutorial teaches with the names on; elsewhere they wait for the lens (see ShowOptions.named).
            named: level.id === 'tutorial' || app.attempt!.lensUsed > 0,
            planned,
            candidatesPerGeneration: 2 * resolved.population,
            worldsPerGeneration: resolved.episodesPerGeneration,
            speed: () => app.playback.value.speed,
            apply,
            report: (stats) => (app.trainingShow = { ...stats }),
          })
        : null;
    // Skip sits with the show, in view while it plays (the button row may have scrolled away).
    showHost.replaceChildren(...(show ? [skipButton, show.element] : []));
    skipButton.hidden = show === null;
    // Beside the stage, the panel brings the moving weights into view; above the panel (a phone), the page brings the stage into view.
    // Only the panel scrolls on a wide screen: scrollIntoView would scroll the page under the fixed layout too.
    const behavior = app.save.settings.reducedMotion ? 'auto' : 'smooth';
    if (show && matchMedia('(min-width: 900px)').matches) {
      const top = feedback.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop - 8;
      panel.scrollTo({ top, behavior });
    } else if (show) {
      app.stageHost.scrollIntoView({ block: 'start', behavior });
    }
    const running = show;
    job = startTraining(app.levelJson(level), config, seedUsed, (p) => (running ? running.push(p) : apply(p)), undefined, running ? SHOWN_CANDIDATES : 0);
    job.result
      .then(async (trained) => {
        // The show finishes the generations it has not drawn yet (Skip ends it at once).
        if (trained && running) await running.drain();
        running?.stop();
        skipButton.hidden = true;
        stopFeedback();
        if (show !== running) return;
        if (latest !== null) progress.value = latest.generation;
        const agent = cancelled ? null : trained;
        setBusy(false);
        job = null;
        if (!agent) {
          status.textContent = 'Training cancelled. The previous agent, if any, is unchanged.';
          app.announce('Training cancelled.');
          nextButton.hidden = !app.attempt!.agent;
          return;
        }
        drawCurve(agent.curve, planned);
        app.dispatch({
          ok: true,
          attempt: acceptAgent(app.attempt!, {
            mind: { names: agent.names, weights: Float64Array.from(agent.weights), viewRadius: agent.viewRadius },
            curve: agent.curve,
            episodes: agent.episodes,
            config,
            seed: seedUsed,
          }),
        });
        status.textContent = `Trained on ${agent.episodes.toLocaleString('en')} episodes. Final mean training reward ${agent.curve.at(-1)!.toFixed(2)}. The agent passes training — now find out what it learned.`;
        app.sounds.play('train-done');
        app.announce('Training finished. The agent passes training.');
        nextButton.hidden = false;
        nextButton.focus();
      })
      .catch((error: Error) => {
        stopFeedback();
        running?.stop();
        skipButton.hidden = true;
        setBusy(false);
        job = null;
        status.textContent = 'Training failed.';
        app.notice(`Training failed: ${error.message}`, 'error');
      });
  };

  panel.append(
    el('p', { class: 'breadcrumb' }, el('bdi', {}, level.title), attempt.round !== null ? ' · ' : '', attempt.round !== null ? el('bdi', {}, level.rounds[attempt.round]!.title) : null, ' · Train'),
    el('h1', {}, 'Train the agent'),
    presenterFold(
      'What training does',
      el('p', { class: 'lead' }, 'Write the reward and choose the training conditions. Training searches for the weights that earn the most reward on worlds drawn from your training distribution.'),
    ),
    senses.panel,
    el('fieldset', { 'data-control': 'reward' }, el('legend', {}, 'Reward — the base objective'), el('p', { class: 'hint' }, 'Training can only reward what it can observe.'), rewardFields),
    ...(Object.keys(level.knobs).length ? [el('fieldset', { 'data-control': 'distribution' }, el('legend', {}, 'Training distribution'), knobFields)] : []),
    ...(senses.fieldset ? [senses.fieldset] : []),
    el(
      'fieldset',
      { 'data-control': 'compute' },
      el('legend', {}, 'Compute'),
      el(
        'div',
        { class: 'field-grid' },
        el('div', { class: 'field' }, el('label', { for: genId }, 'Budget'), generations, budgetText),
        el('div', { class: 'field', 'data-control': 'seed' }, el('label', { for: seedId }, 'Random seed'), seed, el('small', {}, 'The same settings and seed always train the same agent.')),
      ),
    ),
    el('div', { class: 'show-controls' }, el('label', { for: showToggle.id }, showToggle, 'Show training as it happens')),
    el('div', { class: 'button-row' }, trainButton, cancelButton, resetButton),
    feedback,
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', onclick: () => app.go('briefing') }, '← Briefing'),
      ...(Object.values(level.knobs).some((k) => k.unlocked)
        ? [el('button', { type: 'button', id: 'to-experiment', 'data-control': 'experiment', onclick: () => app.go('experiment') }, 'Experiment mode')]
        : []),
      nextButton,
    ),
    worldText,
  );
  drawCurve(attempt.agent?.curve ?? [], attempt.agent ? attempt.agent.curve.length : s.generations);
  if (attempt.agent) status.textContent = `Current agent: trained on ${attempt.agent.episodes.toLocaleString('en')} episodes (seed ${attempt.agent.seed}). Train again to replace it.`;
  showSampleWorld();
  return () => {
    stopMarks();
    senses.dispose();
    job?.cancel();
    show?.stop();
  };
}

function formatKnob(value: number, max: number): string {
  return max === 1 ? `${Math.round(value * 100)}%` : String(value);
}
