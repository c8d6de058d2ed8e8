/**
 * First run: the level as it comes, before any tool. The level's default
 * agent is trained in the worker (default settings, the attempt's seed), the
 * player predicts what it will do once conditions shift, it is deployed
 * (the worker's deployment job) and the deploy screen's reveal plays it.
 * Every sentence about the run comes from its measurement: if on this seed
 * the default agent does not fail, the screen says so.
 *
 * Owns only this screen and the briefing's buttons into it; the moves are
 * the session's (firstRun.ts), the reveal is the deploy screen's.
 */
import { knobValues, runEpisode, trainingLikeWorlds, type DeploymentRun, UNEXPLAINED } from '../../core/index';
import {
  acceptFirstRunAgent,
  beginFirstRun,
  describeMoveError,
  finishFirstRun,
  firstRunOutcome,
  firstRunPending,
  firstRunPolicy,
  firstRunStep,
  measureFirstRun,
  predictFirstRun,
  recordFirstRun,
  type Measurement,
} from '../../session/index';
import { startDeployment, startTraining, type WorkerJob } from '../../worker/client';
import { tx } from '../../i18n/index';
import { displayLevel } from '../levelText';
import type { App } from '../app';
import { el, uid } from '../dom';
import { describeEpisode } from '../describe';
import { guideFor } from '../guides';
import { isPresenter } from '../presenter';
import { renderDeploy } from './deploy';
import { NONE_OF_THESE, objectiveLabel } from './objectives';

/** The deployment recordings of each measured first run, for the reveal (they live only in the page, like the verdict's). */
const recordedRuns = new WeakMap<Measurement, DeploymentRun>();

/** The first-run policy of the level in play, from the saved progress. */
export function levelFirstRunPolicy(app: App): ReturnType<typeof firstRunPolicy> {
  const attempt = app.attempt!;
  return firstRunPolicy(attempt.level, app.save.progress, { shared: attempt.shared, presenter: isPresenter(app), guided: guideFor(attempt.level.id) !== null });
}

/** The briefing's way in: the only way on while the first run is required; offered beside "Set up training" otherwise. */
export function firstRunButton(app: App): HTMLElement | null {
  const required = firstRunPending(app.attempt!);
  if (!required && levelFirstRunPolicy(app) === 'none') return null;
  return el(
    'button',
    { type: 'button', class: required ? 'primary' : '', id: 'first-run-start', onclick: () => (app.sounds.play('click'), app.go('first')) },
    required ? 'Start: train the level’s own agent →' : 'Watch the level’s own agent first',
  );
}

export function renderFirstRun(app: App, panel: HTMLElement): () => void {
  const { level } = app;
  if (!app.attempt!.firstRun && levelFirstRunPolicy(app) === 'none') {
    // A shared level or a level with rounds (an address may still ask): nothing to run, and it says why.
    panel.append(
      el('p', { class: 'breadcrumb' }, el('bdi', {}, level.title), ' · First run'),
      el('h1', {}, 'No first run here'),
      el(
        'p',
        { class: 'lead' },
        level.rounds.length ? 'This level is played in rounds, each with its own settings: start one from the briefing.' : 'A shared level has no first run: set up training from the briefing.',
      ),
      el('div', { class: 'button-row' }, el('button', { type: 'button', class: 'primary', onclick: () => app.go('briefing') }, '← Briefing')),
    );
    return () => {};
  }
  if (!app.attempt!.firstRun) app.dispatch({ ok: true, attempt: beginFirstRun(app.attempt!) });
  const attempt = app.attempt!;
  const run = attempt.firstRun!;
  const seed = attempt.settings.seed;
  const step = firstRunStep(run);
  let job: WorkerJob<unknown> | null = null;
  let stopReveal: (() => void) | null = null;

  const breadcrumb = el('p', { class: 'breadcrumb' }, el('bdi', {}, level.title), ' · First run');
  const status = el('p', { class: 'train-status', role: 'status' });
  const progress = el('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Progress' });
  const error = el('p', { class: 'form-error', role: 'alert' });
  const shifts = Object.values(level.knobs)
    .filter((k) => k.training !== k.deployment)
    .map((k) => `${k.label}: ${formatKnob(k.training, k.max)} in training, ${formatKnob(k.deployment, k.max)} in deployment.`);

  if (step === 'train') {
    const world = trainingLikeWorlds(level, knobValues(level, 'training'), seed, 1)[0]!;
    app.stage?.showWorld(world, 'lab');
    const trainButton = el('button', { type: 'button', class: 'primary', id: 'first-run-train' }, 'Train it');
    trainButton.onclick = () => {
      trainButton.disabled = true;
      progress.hidden = false;
      progress.max = level.training.generations;
      status.textContent = 'Training…';
      app.sounds.play('train-start');
      const training = startTraining(app.levelJson(level), {}, seed, (p) => {
        progress.value = p.generation;
        status.textContent = `Generation ${p.generation} of ${p.generations} — mean reward ${p.meanReward.toFixed(2)}`;
      });
      job = training;
      training.result.then(
        (agent) => {
          job = null;
          if (!agent) return;
          const result = acceptFirstRunAgent(app.attempt!, { mind: { names: agent.names, weights: Float64Array.from(agent.weights) }, curve: agent.curve, episodes: agent.episodes, config: {}, seed });
          if (!app.dispatch(result)) return;
          app.sounds.play('train-done');
          app.announce('Training finished. The agent passes training.');
          app.redraw();
        },
        (failed: Error) => {
          job = null;
          trainButton.disabled = false;
          status.textContent = 'Training failed.';
          error.textContent = `Training failed: ${failed.message}`;
        },
      );
    };
    panel.append(
      breadcrumb,
      el('h1', {}, 'First, the level as it comes'),
      el(
        'p',
        { class: 'lead' },
        `Before you get any tools, see what training makes of this level with its own settings: its default reward, its training worlds, seed ${seed}. You change nothing yet.`,
      ),
      el('p', {}, `Training will run ${level.training.generations} generations. Shown: a training world.`),
      el('div', { class: 'button-row' }, trainButton),
      el('div', { class: 'train-feedback' }, progress, status),
      error,
      el('div', { class: 'button-row' }, el('button', { type: 'button', onclick: () => app.go('briefing') }, '← Briefing')),
    );
  } else if (step === 'predict') {
    const agent = run.agent!;
    const world = trainingLikeWorlds(level, knobValues(level, 'training'), seed, 1)[0]!;
    const episode = runEpisode(level, agent.mind, world, undefined, true);
    void app.stage?.play({ worlds: episode.worlds }, 'lab');
    const name = uid('prediction');
    const choices = [
      ...level.hypotheses.map((h) => ({ id: h.id, label: h.label, description: h.description })),
      { id: UNEXPLAINED, label: NONE_OF_THESE, description: 'Something none of these describe.' },
    ];
    const deployButton = el('button', { type: 'submit', class: 'primary', id: 'first-run-deploy' }, 'Deploy it →');
    const form = el(
      'form',
      {
        onsubmit: (event: Event) => {
          event.preventDefault();
          if (job) return;
          const prediction = new FormData(form).get(name) as string | null;
          if (!prediction) {
            error.textContent = 'Pick what you think it will do first.';
            return;
          }
          const predicted = predictFirstRun(app.attempt!, prediction);
          if (!predicted.ok) return void (error.textContent = tx(describeMoveError(displayLevel(level), predicted.error)));
          app.dispatch(predicted);
          error.textContent = '';
          deployButton.disabled = true;
          progress.hidden = false;
          status.textContent = 'Deploying the agent…';
          const deployment = startDeployment(app.levelJson(level), [...agent.mind.weights], {}, (played, planned) => {
            progress.max = planned;
            progress.value = played;
            status.textContent = `Deployment: ${played.toLocaleString('en')} of ${planned.toLocaleString('en')} episodes played`;
          });
          job = deployment;
          deployment.result.then(
            (measured) => {
              job = null;
              if (!measured) return;
              const measurement: Measurement = { truth: measured.scorecard, failure: measured.failure };
              recordedRuns.set(measurement, measured);
              if (app.dispatch(measureFirstRun(app.attempt!, measurement))) app.redraw();
            },
            (failed: Error) => {
              job = null;
              deployButton.disabled = false;
              status.textContent = 'Deployment failed.';
              error.textContent = `Deployment failed: ${failed.message}`;
            },
          );
        },
      },
      el(
        'fieldset',
        {},
        el('legend', {}, 'What will it do once deployed?'),
        ...choices.map((c) => {
          const id = uid('choice');
          return el('div', { class: 'choice' }, el('input', { type: 'radio', name, id, value: c.id }), el('label', { for: id }, el('strong', {}, c.label), ' — ', c.description));
        }),
      ),
      error,
      el('div', { class: 'button-row' }, deployButton),
      el('div', { class: 'train-feedback' }, progress, status),
    );
    const curve = agent.curve;
    panel.append(
      breadcrumb,
      el('h1', {}, 'It passes training'),
      el(
        'p',
        { class: 'lead' },
        `Trained on ${agent.episodes.toLocaleString('en')} episodes: the mean training reward went from ${curve[0]?.toFixed(2) ?? '—'} to ${curve.at(-1)?.toFixed(2) ?? '—'}. On the stage: the agent in a training world.`,
      ),
      el('p', { class: 'episode-text', 'aria-live': 'polite' }, `In this training world: ${describeEpisode(episode)}`),
      el('div', { class: 'objective' }, el('strong', {}, 'Your intended objective: '), level.intendedObjective),
      shifts.length
        ? el('p', {}, 'In deployment, conditions shift. ', ...shifts.map((s) => el('span', {}, s, ' ')))
        : el('p', {}, `Deployment plays a fixed suite of ${level.deploymentSuite.size} new worlds.`),
      form,
    );
  } else {
    const measurement = run.measurement!;
    const outcome = firstRunOutcome(run)!;
    const recorded = recordedRuns.get(measurement) ?? null;
    const suiteSize = measurement.truth.successes.length;
    const successes = measurement.truth.successes.filter(Boolean).length;
    const threshold = Math.round(level.success.threshold * 100);
    const finish = () => {
      const finished = finishFirstRun(app.attempt!);
      if (!app.dispatch(finished)) return;
      const progressAfter = recordFirstRun(app.save.progress, app.attempt!);
      if (progressAfter !== app.save.progress) {
        app.save.progress = { ...progressAfter };
        app.persist();
      }
      app.go('train');
    };
    const predicted = run.prediction === UNEXPLAINED ? NONE_OF_THESE : objectiveLabel(level, run.prediction!);
    const verdictLine = outcome.failed
      ? `It failed: the intended objective was achieved in ${successes} of ${suiteSize} deployment worlds, under this level’s bar of ${threshold}%.`
      : `On this seed it did not fail: the intended objective was achieved in ${successes} of ${suiteSize} deployment worlds, at or above this level’s bar of ${threshold}%. That happens on some seeds; other seeds can learn differently.`;
    const predictionLine = outcome.predictedRight
      ? `You predicted “${predicted}”, and that is what its behaviour matched.`
      : `You predicted “${predicted}”; its behaviour matched “${objectiveLabel(level, outcome.revealed)}”.`;
    const extra = el('div', { class: 'first-run-outcome' }, el('p', {}, el('strong', {}, verdictLine)), el('p', {}, predictionLine));
    const next = {
      id: 'first-run-done',
      label: outcome.failed ? 'Now catch it before deployment →' : 'Now set up training →',
      go: finish,
    };
    if (recorded) {
      stopReveal = renderDeploy(app, panel, {
        truth: measurement.truth,
        run: recorded,
        heading: 'First run: deployment',
        lead: `You predicted “${predicted}”. Conditions have shifted from training.`,
        classVote: null,
        next,
        findings: [extra],
      });
      const crumb = panel.querySelector('.breadcrumb');
      if (crumb) crumb.replaceWith(breadcrumb);
    } else {
      panel.append(
        breadcrumb,
        el('h1', {}, 'First run: deployment'),
        extra,
        el('div', { class: 'button-row' }, el('button', { type: 'button', class: 'primary', id: next.id, onclick: () => (app.sounds.play('click'), next.go()) }, next.label)),
      );
    }
  }

  return () => {
    job?.cancel();
    stopReveal?.();
  };
}

function formatKnob(value: number, max: number): string {
  return max === 1 ? `${Math.round(value * 100)}%` : String(value);
}
