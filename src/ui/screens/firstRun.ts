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
import { displayLevel } from '../levelText';
import type { App } from '../app';
import { el, uid } from '../dom';
import { describeEpisode, knobValueText } from '../describe';
import { guideFor } from '../guides';
import { classVoteForm, isPresenter, presenterFold } from '../presenter';
import { renderDeploy } from './deploy';
import { noneOfThese, objectiveLabel } from './objectives';
import { formatDecimals, t, tx } from '../../i18n/index';

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
    required ? t('firstRun.start.required') : t('firstRun.start.offered'),
  );
}

export function renderFirstRun(app: App, panel: HTMLElement): () => void {
  const { level } = app;
  // The level's words in the reader's language; the engine and the worker always get the level itself.
  const shown = displayLevel(level);
  if (!app.attempt!.firstRun && levelFirstRunPolicy(app) === 'none') {
    // A shared level or a level with rounds (an address may still ask): nothing to run, and it says why.
    panel.append(
      el('p', { class: 'breadcrumb' }, el('bdi', {}, shown.title), ' · ', t('firstRun.breadcrumb')),
      el('h1', {}, t('firstRun.none.heading')),
      el('p', { class: 'lead' }, level.rounds.length ? t('firstRun.none.rounds') : t('firstRun.none.shared')),
      el('div', { class: 'button-row' }, el('button', { type: 'button', class: 'primary', onclick: () => app.go('briefing') }, t('firstRun.toBriefing'))),
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

  const breadcrumb = el('p', { class: 'breadcrumb' }, el('bdi', {}, shown.title), ' · ', t('firstRun.breadcrumb'));
  const status = el('p', { class: 'train-status', role: 'status' });
  const progress = el('progress', { max: 1, value: 0, hidden: true, 'aria-label': t('firstRun.progress.label') });
  const error = el('p', { class: 'form-error', role: 'alert' });
  const shifts = Object.values(shown.knobs)
    .filter((k) => k.training !== k.deployment)
    .map((k) => t('firstRun.shift', { knob: k.label, training: knobValueText(k.training, k.max), deployment: knobValueText(k.deployment, k.max) }));

  if (step === 'train') {
    const world = trainingLikeWorlds(level, knobValues(level, 'training'), seed, 1)[0]!;
    app.stage?.showWorld(world, 'lab');
    const trainButton = el('button', { type: 'button', class: 'primary', id: 'first-run-train' }, t('firstRun.train.button'));
    trainButton.onclick = () => {
      trainButton.disabled = true;
      progress.hidden = false;
      progress.max = level.training.generations;
      status.textContent = t('firstRun.train.running');
      app.sounds.play('train-start');
      const training = startTraining(app.levelJson(level), {}, seed, (p) => {
        progress.value = p.generation;
        status.textContent = t('firstRun.train.progress', { generation: p.generation, generations: p.generations, reward: formatDecimals(p.meanReward, 2) });
      });
      job = training;
      training.result.then(
        (agent) => {
          job = null;
          if (!agent) return;
          const result = acceptFirstRunAgent(app.attempt!, { mind: { names: agent.names, weights: Float64Array.from(agent.weights) }, curve: agent.curve, episodes: agent.episodes, config: {}, seed });
          if (!app.dispatch(result)) return;
          app.sounds.play('train-done');
          app.announce(t('firstRun.train.done'));
          app.redraw();
        },
        (failed: Error) => {
          job = null;
          trainButton.disabled = false;
          status.textContent = t('firstRun.train.failed');
          error.textContent = t('firstRun.train.failedBecause', { reason: failed.message });
        },
      );
    };
    panel.append(
      breadcrumb,
      el('h1', {}, t('firstRun.train.heading')),
      el('p', { class: 'lead' }, t('firstRun.train.lead', { seed: String(seed) })),
      el('p', {}, t('firstRun.train.plan', { count: level.training.generations })),
      el('div', { class: 'button-row' }, trainButton),
      el('div', { class: 'train-feedback' }, progress, status),
      error,
      el('div', { class: 'button-row' }, el('button', { type: 'button', onclick: () => app.go('briefing') }, t('firstRun.toBriefing'))),
    );
  } else if (step === 'predict') {
    const agent = run.agent!;
    const world = trainingLikeWorlds(level, knobValues(level, 'training'), seed, 1)[0]!;
    const episode = runEpisode(level, agent.mind, world, undefined, true);
    void app.stage?.play({ worlds: episode.worlds }, 'lab');
    const name = uid('prediction');
    const choices = [...shown.hypotheses.map((h) => ({ id: h.id, label: h.label, description: h.description })), { id: UNEXPLAINED, label: noneOfThese(), description: t('firstRun.predict.none') }];
    const deployButton = el('button', { type: 'submit', class: 'primary', id: 'first-run-deploy' }, t('firstRun.deploy.button'));
    // Presenter mode: the class votes before deployment, as before a verdict; the reveal shows its prediction beside the truth.
    const vote = isPresenter(app) ? classVoteForm(shown, run.classVote ?? null) : null;
    const form = el(
      'form',
      {
        id: 'first-run-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          if (job) return;
          const prediction = new FormData(form).get(name) as string | null;
          if (!prediction) {
            error.textContent = t('firstRun.predict.pick');
            return;
          }
          const predicted = predictFirstRun(app.attempt!, prediction, vote?.read() ?? null);
          if (!predicted.ok) return void (error.textContent = tx(describeMoveError(shown, predicted.error)));
          app.dispatch(predicted);
          error.textContent = '';
          deployButton.disabled = true;
          progress.hidden = false;
          status.textContent = t('firstRun.deploy.running');
          const deployment = startDeployment(app.levelJson(level), [...agent.mind.weights], {}, (played, planned) => {
            progress.max = planned;
            progress.value = played;
            status.textContent = t('firstRun.deploy.progress', { played, planned });
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
              status.textContent = t('firstRun.deploy.failed');
              error.textContent = t('firstRun.deploy.failedBecause', { reason: failed.message });
            },
          );
        },
      },
      el(
        'fieldset',
        {},
        el('legend', {}, t('firstRun.predict.legend')),
        ...choices.map((c) => {
          const id = uid('choice');
          return el('div', { class: 'choice' }, el('input', { type: 'radio', name, id, value: c.id }), el('label', { for: id }, el('strong', {}, c.label), ' — ', c.description));
        }),
      ),
      vote?.element,
      error,
      el('div', { class: 'button-row' }, deployButton),
      el('div', { class: 'train-feedback' }, progress, status),
    );
    const curve = agent.curve;
    panel.append(
      breadcrumb,
      el('h1', {}, t('firstRun.predict.heading')),
      el(
        'p',
        { class: 'lead' },
        t('firstRun.predict.lead', {
          episodes: agent.episodes,
          from: curve[0] === undefined ? '—' : formatDecimals(curve[0], 2),
          to: curve.at(-1) === undefined ? '—' : formatDecimals(curve.at(-1)!, 2),
        }),
      ),
      // The room watches it on the stage; the words open on demand on a wall.
      presenterFold(t('firstRun.predict.episodeFold'), el('p', { class: 'episode-text', 'aria-live': 'polite' }, t('firstRun.predict.episode', { story: describeEpisode(episode) }))),
      el('div', { class: 'objective' }, el('strong', {}, t('firstRun.predict.objective')), shown.intendedObjective),
      shifts.length ? el('p', {}, t('firstRun.predict.shifts'), ...shifts.map((s) => el('span', {}, s, ' '))) : el('p', {}, t('firstRun.predict.suite', { count: level.deploymentSuite.size })),
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
    const predicted = run.prediction === UNEXPLAINED ? noneOfThese() : objectiveLabel(shown, run.prediction!);
    const bar = { successes, count: suiteSize, threshold };
    const verdictLine = outcome.failed ? t('firstRun.reveal.failed', bar) : t('firstRun.reveal.held', bar);
    const predictionLine = outcome.predictedRight
      ? t('firstRun.reveal.predictedRight', { predicted })
      : t('firstRun.reveal.predictedWrong', { predicted, revealed: objectiveLabel(shown, outcome.revealed) });
    const extra = el('div', { class: 'first-run-outcome' }, el('p', {}, el('strong', {}, verdictLine)), el('p', {}, predictionLine));
    const next = {
      id: 'first-run-next',
      label: outcome.failed ? t('firstRun.next.catch') : t('firstRun.next.train'),
      go: finish,
    };
    if (recorded) {
      stopReveal = renderDeploy(app, panel, {
        truth: measurement.truth,
        run: recorded,
        heading: t('firstRun.reveal.heading'),
        lead: t('firstRun.reveal.lead', { predicted }),
        classVote: run.classVote ?? null,
        next,
        findings: [extra],
      });
      const crumb = panel.querySelector('.breadcrumb');
      if (crumb) crumb.replaceWith(breadcrumb);
    } else {
      panel.append(
        breadcrumb,
        el('h1', {}, t('firstRun.reveal.heading')),
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
