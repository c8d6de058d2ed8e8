/**
 * Deploy: the agent meets the deployment suite and shows what it actually learned.
 */
import type { DeploymentRun, Scorecard } from '../../core/index';
import { mosaicShare } from '../../game/film';
import type { EpisodeFilm } from '../../game/stageApi';
import type { App } from '../app';
import { el } from '../dom';
import { pauseButton as playbackPause } from '../playback';
import { describeEpisode } from '../describe';
import { classPrediction } from '../presenter';
import { objectiveLabel, revealedSentence } from './objectives';

/** What a reveal plays: the committed verdict's deployment, or (for the first run, before any verdict) another measured run. */
export interface RevealSource {
  readonly truth: Scorecard;
  readonly run: DeploymentRun;
  readonly heading: string;
  readonly lead: string;
  readonly classVote: Readonly<Record<string, number>> | null;
  readonly next: { readonly id: string; readonly label: string; readonly go: () => void };
  /** Shown with the measured findings once the reveal has played (the first run's prediction and outcome). */
  readonly findings?: readonly HTMLElement[];
}

function committedReveal(app: App): RevealSource {
  const attempt = app.attempt!;
  const deployed = attempt.verdict!.decision === 'deploy';
  return {
    truth: attempt.measurement!.truth,
    run: app.deployment!,
    heading: deployed ? 'Deployment' : 'Deployment — what would have happened',
    lead: deployed ? 'You deployed the agent. Conditions have shifted from training.' : 'You held the agent back. Here is what it would have done.',
    classVote: attempt.classVote,
    next: { id: 'to-score', label: 'See your score →', go: () => app.go('score') },
  };
}

export function renderDeploy(app: App, panel: HTMLElement, source: RevealSource = committedReveal(app)): () => void {
  const { level } = app;
  const card = source.truth;
  const run = source.run;
  const suite = run.recordings;
  const intended = level.hypotheses.find((h) => h.intended)!;
  const revealedLabel = objectiveLabel(level, card.revealed);
  const successes = card.successes.filter(Boolean).length;
  let cancelled = false;

  // The worker recorded each deployment world once, compactly; the mosaic and the close-up share the recordings.
  // The mosaic draws as many worlds as the stage can animate smoothly; the numbers always count all of them.
  const films: EpisodeFilm[] = suite.map((recording, i) => ({ recording, verdict: card.successes[i] ? 'success' : 'failure' }));
  const shown = mosaicShare(suite.map((r) => r.objectKind.length));
  const { focusIndex, focusEpisode, divergeAt } = run;
  const allOrSome = shown < suite.length ? `The stage shows the first ${shown} of the ${suite.length} deployment worlds.` : '';

  const heading = source.heading;
  const phase = el('p', { class: 'phase', 'aria-live': 'polite' }, `The agent runs in all ${suite.length} deployment worlds at once. ${allOrSome}`.trim());
  const findings = el(
    'div',
    { class: 'findings', hidden: true },
    el('p', { class: 'big-number' }, `${successes} of ${suite.length}`),
    el('p', {}, `deployment worlds where the agent achieved the intended objective (${level.intendedObjective.replace(/\.$/, '').toLowerCase()}).`),
    el('p', { class: 'revealed' }, 'Revealed objective: ', el('strong', { id: 'revealed-objective' }, revealedLabel)),
    el('p', {}, revealedSentence(level, card, suite.length)),
    source.classVote ? classPrediction(level, source.classVote, card.revealed) : null,
    ...(source.findings ?? []),
  );
  const divergenceText = el('p', { class: 'divergence', 'aria-live': 'assertive' });
  const nextButton = el('button', { type: 'button', class: 'primary', id: source.next.id, onclick: () => (app.sounds.play('click'), source.next.go()) }, source.next.label);
  const replayButton = el('button', { type: 'button', onclick: () => void runReveal() }, 'Replay');
  // Presenter mode hides these two (class stage-playback): its bar under the stage has the same controls.
  const pauseButton = playbackPause(app, { class: 'stage-playback' });
  const stepButton = el('button', { type: 'button', class: 'stage-playback', onclick: () => app.stage?.stepOnce() }, 'Step');

  const runReveal = async () => {
    app.sounds.play('reveal');
    phase.textContent = `The agent runs in all ${suite.length} deployment worlds at once. ${allOrSome} Worlds with a tick achieved the objective; worlds with a cross did not.`.replace('  ', ' ');
    const stage = app.stage;
    const many = stage ? await stage.playMany(films.slice(0, shown), 'field') : 'ended';
    if (cancelled || many === 'stopped') return;
    findings.hidden = false;
    app.announce(`${successes} of ${suite.length} deployment worlds achieved the intended objective. Revealed objective: ${revealedLabel}.`);
    phase.textContent = card.successes[focusIndex] ? `A closer look at deployment world ${focusIndex + 1}.` : `A closer look at deployment world ${focusIndex + 1}, where it went wrong.`;
    divergenceText.textContent = divergeAt !== null ? `Watch move ${divergeAt}: here the agent turns away from what an agent that wants “${intended.label}” would do.` : '';
    if (divergeAt !== null) app.sounds.play('diverge');
    await stage?.play({ recording: suite[focusIndex]!, divergeAt, verdict: card.successes[focusIndex] ? 'success' : 'failure' }, 'field');
    if (cancelled) return;
    phase.textContent = `Deployment world ${focusIndex + 1}: ${describeEpisode(focusEpisode)}`;
  };

  panel.append(
    el('p', { class: 'breadcrumb' }, el('bdi', {}, level.title), ' · Deploy'),
    el('h1', {}, heading),
    el('p', { class: 'lead' }, source.lead),
    phase,
    divergenceText,
    findings,
    el('div', { class: 'button-row' }, pauseButton, stepButton, replayButton, nextButton),
  );
  void runReveal();
  return () => {
    cancelled = true;
  };
}
