/**
 * Train: the reward editor (the base objective), the training-distribution
 * knobs the level unlocks, the compute budget, and training itself in a Web
 * Worker with a progress bar, a live learning curve and Cancel — and, unless
 * the player skips it, the show of the mesa-objective forming (trainingShow.ts).
 */
import { isWide, presenterFold } from '../presenter';
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
import { describeWorld, eventLabel, knobValueText } from '../describe';
import { formatDecimals, t, tParts } from '../../i18n/index';
import { displayLevel } from '../levelText';
import { sensesControls } from '../senses';
import { SHOWN_CANDIDATES, TrainingShow } from '../trainingShow';
import { termQuestion } from '../glossary';

const GENERATION_CHOICES = [10, 20, 30, 60, 100];
/** The least time between two redraws of the progress bar, status line and learning curve while training. */
const FEEDBACK_MS = 100;

export function renderTrain(app: App, panel: HTMLElement): () => void {
  const { level } = app;
  /** The level's text in the reader's language (the engine always runs on `level`). */
  const shown = displayLevel(level);
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
      const marker = el('span', { class: 'changed-marker', 'aria-hidden': 'true' }, t('train.changed'));
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
      const row = el('div', { class: 'field', 'data-event': kind }, el('label', { for: id }, t('train.reward.label', { event: eventLabel(kind) })), input, marker);
      rewardRows.set(kind, row);
      rewardFields.append(row);
    } else {
      rewardFields.append(
        el(
          'div',
          { class: 'field fixed' },
          el('span', {}, t('train.reward.label', { event: eventLabel(kind) })),
          el('span', { class: 'fixed-value' }, t('train.reward.fixed', { value: defaultValue! })),
        ),
      );
    }
  }

  /* Training distribution knobs */
  const knobFields = el('div', { class: 'field-grid' });
  for (const [name, knob] of Object.entries(level.knobs)) {
    const id = uid(`knob-${name}`);
    const { label, description } = shown.knobs[name] ?? knob;
    if (!knob.unlocked) {
      knobFields.append(
        el(
          'div',
          { class: 'field fixed' },
          el('span', {}, label),
          el('span', { class: 'fixed-value' }, t('train.knob.locked', { value: knobValueText(knob.training, knob.max) })),
          el('small', {}, description),
        ),
      );
      continue;
    }
    const output = el('output', { for: id }, knobValueText(knobValue(name), knob.max));
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
      'aria-valuetext': knobValueText(knobValue(name), knob.max),
      oninput: () => {
        const v = Number(input.value);
        if (!change({ kind: 'knob', name, value: v })) return void (input.value = String(knobValue(name)));
        output.textContent = knobValueText(v, knob.max);
        input.setAttribute('aria-valuetext', knobValueText(v, knob.max));
      },
      onchange: () => showSampleWorld(),
    });
    const marker = el('span', { class: 'changed-marker', 'aria-hidden': 'true' }, t('train.changed'));
    const row = el('div', { class: 'field', 'data-knob': name }, el('label', { for: id }, label), input, output, marker, el('small', { id: descId }, description));
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
    ...choices.map((g) =>
      el('option', { value: g, selected: g === s.generations }, t(g === level.training.generations ? 'train.compute.generations.default' : 'train.compute.generations', { count: g })),
    ),
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
  const progress = el('progress', { max: s.generations, value: 0, 'aria-label': t('train.progress.label') });
  const status = el('p', { class: 'train-status', role: 'status' }, t('train.status.untrained'));
  const chartHost = el('div', { class: 'chart-host' });
  const trainButton = el('button', { type: 'button', class: 'primary', id: 'train-button', onclick: () => begin() }, t('train.button.train'));
  const cancelButton = el('button', { type: 'button', id: 'cancel-button', disabled: true, onclick: () => ((cancelled = true), show?.skip(), job?.cancel()) }, t('train.button.cancel'));
  const resetButton = el('button', { type: 'button', onclick: () => reset() }, attempt.round !== null ? t('train.button.resetRound', { number: attempt.round + 1 }) : t('train.button.resetLevel'));
  const nextButton = el(
    'button',
    { type: 'button', class: 'primary', id: 'to-inspect', hidden: !attempt.agent, onclick: () => (app.sounds.play('click'), app.go('inspect')) },
    t('train.button.inspect'),
  );
  const worldText = el('p', { class: 'sr-only' });
  let show: TrainingShow | null = null;
  const showHost = el('div', { class: 'show-host' });
  const feedback = el('div', { class: 'train-feedback' }, progress, status, showHost, chartHost);
  const skipButton = el('button', { type: 'button', id: 'skip-show', hidden: true, onclick: () => skipShow() }, t('train.button.skipShow'));
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
    app.announce(t('train.announce.showSkipped'));
    if (!cancelButton.disabled) cancelButton.focus();
  };

  const drawCurve = (curve: readonly number[], planned: number) => {
    chartHost.replaceChildren(
      lineChart([{ label: t('train.curve.series'), values: curve }], {
        title: t('train.curve.title'),
        xLabel: t('train.curve.x'),
        yLabel: t('train.curve.y'),
        xMax: planned,
        summary: curve.length ? t('train.curve.summary', { count: curve.length, last: formatDecimals(curve.at(-1)!, 2), first: formatDecimals(curve[0]!, 2) }) : t('train.curve.empty'),
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
    budgetText.textContent = t('train.compute.episodes', { count: plannedEpisodes(current) });
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
    status.textContent = t('train.status.training');
    app.sounds.play('train-start');
    app.announce(t('train.announce.started'));
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
      status.textContent = t('train.status.generation', { generation: p.generation, generations: p.generations, reward: formatDecimals(p.meanReward, 2), episodes: p.episodes });
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
    if (show && isWide()) {
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
          status.textContent = t('train.status.cancelled');
          app.announce(t('train.announce.cancelled'));
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
        status.textContent = t('train.status.trained', { episodes: agent.episodes, reward: formatDecimals(agent.curve.at(-1)!, 2) });
        app.sounds.play('train-done');
        app.announce(t('train.announce.finished'));
        nextButton.hidden = false;
        nextButton.focus();
      })
      .catch((error: Error) => {
        stopFeedback();
        running?.stop();
        skipButton.hidden = true;
        setBusy(false);
        job = null;
        status.textContent = t('train.status.failed');
        app.notice(t('train.notice.failed', { error: error.message }), 'error');
      });
  };

  // The seed is the teacher's to set before class: on a wall it opens on demand.
  const seedFold = presenterFold(t('train.seed.label'), el('div', { class: 'field' }, el('label', { for: seedId }, t('train.seed.label')), seed, el('small', {}, t('train.seed.hint'))));
  seedFold.dataset.control = 'seed';
  panel.append(
    el(
      'p',
      { class: 'breadcrumb' },
      ...(attempt.round !== null
        ? tParts<HTMLElement>('train.breadcrumb.round', { level: el('bdi', {}, shown.title), round: el('bdi', {}, shown.rounds[attempt.round]!.title) })
        : tParts<HTMLElement>('train.breadcrumb', { level: el('bdi', {}, shown.title) })),
    ),
    el('h1', {}, t('train.heading')),
    presenterFold(t('train.about.summary'), el('p', { class: 'lead' }, t('train.about.text'))),
    senses.panel,
    el('fieldset', { 'data-control': 'reward' }, el('legend', {}, t('train.reward.legend')), el('p', { class: 'hint' }, t('train.reward.hint')), termQuestion('base-objective'), rewardFields),
    ...(Object.keys(level.knobs).length ? [el('fieldset', { 'data-control': 'distribution' }, el('legend', {}, t('train.distribution.legend')), knobFields)] : []),
    ...(senses.fieldset ? [senses.fieldset] : []),
    el(
      'fieldset',
      { 'data-control': 'compute' },
      el('legend', {}, t('train.compute.legend')),
      el('div', { class: 'field-grid' }, el('div', { class: 'field' }, el('label', { for: genId }, t('train.compute.budget')), generations, budgetText), seedFold),
    ),
    el('div', { class: 'show-controls' }, el('label', { for: showToggle.id }, showToggle, t('train.show.toggle'))),
    el('div', { class: 'button-row' }, trainButton, cancelButton, resetButton),
    feedback,
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', onclick: () => app.go('briefing') }, t('train.button.briefing')),
      ...(Object.values(level.knobs).some((k) => k.unlocked)
        ? [el('button', { type: 'button', id: 'to-experiment', 'data-control': 'experiment', onclick: () => app.go('experiment') }, t('train.button.experiment'))]
        : []),
      nextButton,
    ),
    worldText,
  );
  drawCurve(attempt.agent?.curve ?? [], attempt.agent ? attempt.agent.curve.length : s.generations);
  if (attempt.agent) status.textContent = t('train.status.current', { episodes: attempt.agent.episodes, seed: String(attempt.agent.seed) });
  showSampleWorld();
  return () => {
    stopMarks();
    senses.dispose();
    job?.cancel();
    show?.stop();
  };
}
