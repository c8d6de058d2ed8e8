/**
 * Verdict, Deploy and Score: the player commits, deployment reveals what the
 * agent learned, and the scoring engine checks the verdict against what the
 * engine measured.
 */
import { scoreReport, type FailureKind, type Decision, type Level, type Scorecard, UNEXPLAINED } from '../../core/index';
import { defaultEpisodes, describeMoveError } from '../../session/index';
import { mosaicShare } from '../../game/film';
import type { EpisodeFilm } from '../../game/stageApi';
import { startDeployment, type WorkerJob } from '../../worker/client';
import type { DeploymentRun } from '../../core/deployment';
import type { App } from '../app';
import { el, uid } from '../dom';
import { pauseButton as playbackPause } from '../playback';
import { conceptLabel, describeEpisode } from '../describe';
import { sharePanel } from '../share';
import { classPrediction, classVoteForm, isPresenter } from '../presenter';

export function renderVerdict(app: App, panel: HTMLElement): () => void {
  const { level } = app;
  const attempt = app.attempt!;
  // Committing runs the deployment in the worker (scoring, failure question, recordings): progress and Cancel here.
  let job: WorkerJob<DeploymentRun> | null = null;
  const progressBar = el('progress', { max: 1, value: 0, 'aria-label': 'Deployment progress' });
  const progressText = el('span', { 'aria-live': 'polite' });
  const cancelButton = el('button', { type: 'button', id: 'cancel-deploy', onclick: () => job?.cancel() }, 'Cancel');
  const progress = el('div', { class: 'deploy-progress', id: 'deploy-progress', hidden: true }, progressBar, ' ', progressText, ' ', cancelButton);
  const decisionName = uid('decision');
  const objectiveName = uid('objective');
  const failureName = uid('failure');
  const error = el('p', { class: 'form-error', role: 'alert' });
  // Presenter mode: the class votes (a count of hands per hypothesis) before deployment.
  const vote = isPresenter(app) ? classVoteForm(level, attempt.classVote) : null;
  const form = el(
    'form',
    {
      onsubmit: (event: Event) => {
        event.preventDefault();
        const data = new FormData(form);
        if (job) return;
        // The session checks the choices first; the truth is measured only after the player has committed — in the worker, never on the page.
        const choice = {
          decision: data.get(decisionName) as Decision | null,
          hypothesis: data.get(objectiveName) as string | null,
          failure: data.get(failureName) as FailureKind | null,
          classVote: vote?.read() ?? null,
        };
        const problem = app.checkVerdict(choice);
        if (problem) {
          error.textContent = describeMoveError(level, problem);
          return;
        }
        const submit = form.querySelector<HTMLButtonElement>('#submit-verdict')!;
        submit.disabled = true;
        error.textContent = '';
        progress.hidden = false;
        progressText.textContent = 'Deploying the agent…';
        const agent = attempt.agent!;
        job = startDeployment(app.levelJson(), [...agent.mind.weights], agent.config, (played, planned) => {
          progressBar.max = planned;
          progressBar.value = played;
          progressText.textContent = `Deployment: ${played.toLocaleString('en')} of ${planned.toLocaleString('en')} episodes played`;
        });
        cancelButton.focus();
        const finish = () => {
          job = null;
          submit.disabled = false;
          progress.hidden = true;
        };
        job.result.then(
          (run) => {
            finish();
            if (run === null) {
              error.textContent = 'Deployment cancelled: nothing was scored. Your verdict is not committed.';
              submit.focus();
              return;
            }
            const result = app.commitVerdict(choice, run);
            if (!result.ok) {
              error.textContent = describeMoveError(level, result.error);
              return;
            }
            app.sounds.play('verdict');
            app.go('deploy');
          },
          (failed: Error) => {
            finish();
            error.textContent = `Deployment could not run: ${failed.message}`;
          },
        );
      },
    },
    el(
      'fieldset',
      {},
      el('legend', {}, 'Your decision'),
      radio(decisionName, 'deploy', 'Deploy it', 'It is aligned: let it loose on the deployment worlds.'),
      radio(decisionName, 'hold', 'Hold it back', 'It is not aligned: keep it out of deployment.'),
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, 'What does this agent really pursue?'),
      ...level.hypotheses.map((h) => radio(objectiveName, h.id, h.label, h.description)),
      radio(objectiveName, UNEXPLAINED, NONE_OF_THESE, 'Its behaviour matches none of these candidates well.'),
    ),
    ...(level.askFailureKind
      ? [
          el(
            'fieldset',
            {},
            el('legend', {}, 'Where does the failure lie?'),
            radio(failureName, 'outer', 'In the reward (outer misalignment)', 'The reward itself pays for the wrong thing: a perfect learner would fail too.'),
            radio(failureName, 'inner', 'In what the agent learned (inner misalignment)', 'The reward pays for the right thing, but the agent learned a different goal.'),
            radio(failureName, 'none', 'Nowhere: it is aligned', 'The reward is right and so is what the agent learned.'),
          ),
        ]
      : []),
    vote?.element,
    error,
    progress,
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', onclick: () => app.go('inspect') }, '← Inspect'),
      el('button', { type: 'submit', class: 'primary', id: 'submit-verdict' }, 'Commit verdict'),
    ),
  );
  panel.append(
    el('p', { class: 'breadcrumb' }, el('bdi', {}, level.title), ' · Verdict'),
    el('h1', {}, 'Your verdict'),
    el('p', { class: 'lead' }, `Intended objective: ${level.intendedObjective} Decide, then see deployment.`),
    form,
  );
  return () => job?.cancel();
}

const NONE_OF_THESE = 'None of these';

/** The label of a hypothesis id, or "None of these" for behaviour no hypothesis explains. */
function objectiveLabel(level: Level, id: string): string {
  return level.hypotheses.find((h) => h.id === id)?.label ?? NONE_OF_THESE;
}

/** What the measurement says about the revealed objective, in words true of this run. */
function revealedSentence(level: Level, card: Scorecard, suiteSize: number): string {
  const matched = (id: string) => Math.round(card.agreement[id]! * suiteSize);
  if (card.revealedBy === 'agreement') return `Its behaviour matched “${objectiveLabel(level, card.revealed)}” in ${matched(card.revealed)} of ${suiteSize} worlds.`;
  const best = card.best.map((id) => `“${objectiveLabel(level, id)}”`).join(' and ');
  return card.revealedBy === 'tie'
    ? `No single candidate explains its behaviour: ${best} each matched it in ${matched(card.best[0]!)} of ${suiteSize} worlds.`
    : `No candidate explains its behaviour: the closest, ${best}, matched it in only ${matched(card.best[0]!)} of ${suiteSize} worlds.`;
}

function radio(name: string, value: string, label: string, hint: string): HTMLElement {
  const id = uid(`${name}-${value}`);
  const hintId = `${id}-hint`;
  return el(
    'div',
    { class: 'choice' },
    el('input', { type: 'radio', name, value, id, 'aria-describedby': hintId }),
    el('label', { for: id }, el('strong', {}, label), el('span', { id: hintId, class: 'choice-hint' }, hint)),
  );
}

export function renderDeploy(app: App, panel: HTMLElement): () => void {
  const { level } = app;
  const attempt = app.attempt!;
  const card = attempt.measurement!.truth;
  const run = app.deployment!;
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

  const heading = attempt.verdict!.decision === 'deploy' ? 'Deployment' : 'Deployment — what would have happened';
  const phase = el('p', { class: 'phase', 'aria-live': 'polite' }, `The agent runs in all ${suite.length} deployment worlds at once. ${allOrSome}`.trim());
  const findings = el(
    'div',
    { class: 'findings', hidden: true },
    el('p', { class: 'big-number' }, `${successes} of ${suite.length}`),
    el('p', {}, `deployment worlds where the agent achieved the intended objective (${level.intendedObjective.replace(/\.$/, '').toLowerCase()}).`),
    el('p', { class: 'revealed' }, 'Revealed objective: ', el('strong', { id: 'revealed-objective' }, revealedLabel)),
    el('p', {}, revealedSentence(level, card, suite.length)),
    attempt.classVote ? classPrediction(level, attempt.classVote, card.revealed) : null,
  );
  const divergenceText = el('p', { class: 'divergence', 'aria-live': 'assertive' });
  const nextButton = el('button', { type: 'button', class: 'primary', id: 'to-score', onclick: () => (app.sounds.play('click'), app.go('score')) }, 'See your score →');
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
    el('p', { class: 'lead' }, attempt.verdict!.decision === 'deploy' ? 'You deployed the agent. Conditions have shifted from training.' : 'You held the agent back. Here is what it would have done.'),
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

const FAILURE_WORDS: Record<FailureKind, string> = {
  outer: 'in the reward (outer)',
  inner: 'in what was learned (inner)',
  none: 'nowhere (aligned)',
};

export function renderScore(app: App, panel: HTMLElement): void {
  const { level } = app;
  const attempt = app.attempt!;
  const card = attempt.measurement!.truth;
  const judged = attempt.score!;
  const verdict = attempt.verdict!;
  const namedLabel = objectiveLabel(level, verdict.hypothesis);
  const revealedLabel = objectiveLabel(level, card.revealed);
  // The failure the level teaches happened in this run: misaligned, and after a named proxy.
  const failureSeen = !card.aligned && card.revealed !== UNEXPLAINED && !level.hypotheses.some((h) => h.intended && h.id === card.revealed);
  const index = app.levels.findIndex((l) => l.level.id === level.id);
  // A shared level has no place in the campaign, so no next level.
  const next = attempt.shared ? undefined : app.levels[index + 1];
  const mark = (ok: boolean) => el('span', { class: ok ? 'mark ok' : 'mark bad', 'aria-hidden': 'true' }, ok ? '✓' : '✗');
  const outcomeText: Record<typeof judged.outcome, string> = {
    'aligned-deployed': `You deployed an aligned agent: it achieved the intended objective in ${judged.suiteSize - judged.failures} of ${judged.suiteSize} deployment worlds.`,
    'misaligned-deployed': `You deployed a misaligned agent: it failed the intended objective in ${judged.failures} of ${judged.suiteSize} deployment worlds.`,
    'misaligned-held': `Holding it back prevented ${judged.failures} failures in ${judged.suiteSize} deployment worlds.`,
    'aligned-held': `You held back an agent that was in fact aligned (it would have succeeded in ${judged.suiteSize - judged.failures} of ${judged.suiteSize} worlds).`,
  };
  app.sounds.play(judged.stars > 0 ? 'star' : 'score');
  const stars = el(
    'p',
    { class: 'stars-big', id: 'stars' },
    el('span', { 'aria-hidden': 'true' }, '★'.repeat(judged.stars) + '☆'.repeat(3 - judged.stars)),
    el('span', { class: 'sr-only' }, `${judged.stars} of 3 stars`),
  );
  panel.append(
    el('p', { class: 'breadcrumb' }, el('bdi', {}, level.title), ' · Score'),
    el('h1', {}, 'Score'),
    stars,
    el('p', { class: 'points' }, `${judged.points.total} points`),
    el('h2', { class: 'sub' }, 'Detection'),
    el(
      'ul',
      { class: 'checklist' },
      el(
        'li',
        {},
        mark(judged.decisionCorrect),
        ` You chose to ${verdict.decision === 'deploy' ? 'deploy' : 'hold'}; the agent was ${card.aligned ? 'aligned' : 'misaligned'} (${Math.round(card.successRate * 100)}% success, threshold ${Math.round(level.success.threshold * 100)}%). `,
        el('span', { class: 'sr-only' }, judged.decisionCorrect ? 'Correct.' : 'Incorrect.'),
        ` +${judged.points.decision}`,
      ),
      el(
        'li',
        {},
        mark(verdict.hypothesis === card.revealed),
        ` You named “${namedLabel}”; its revealed objective was “${revealedLabel}”. `,
        el('span', { class: 'sr-only' }, verdict.hypothesis === card.revealed ? 'Correct.' : 'Incorrect.'),
        ` +${judged.points.objective}`,
      ),
      ...(judged.failureCorrect !== null
        ? [
            el(
              'li',
              {},
              mark(judged.failureCorrect),
              ` You said the failure lies ${FAILURE_WORDS[verdict.failure!]}; measured, it lies ${FAILURE_WORDS[attempt.measurement!.failure!]}. `,
              el('span', { class: 'sr-only' }, judged.failureCorrect ? 'Correct.' : 'Incorrect.'),
              judged.failureCorrect ? '' : ' (needed for the objective star)',
            ),
          ]
        : []),
    ),
    el('h2', { class: 'sub' }, 'Outcome'),
    el('p', {}, `${outcomeText[judged.outcome]} +${judged.points.outcome}`),
    el('h2', { class: 'sub' }, 'Cost'),
    el(
      'p',
      {},
      `${attempt.agent!.episodes.toLocaleString('en')} training episodes (default ${defaultEpisodes(level).toLocaleString('en')}), ${attempt.probesUsed} of ${level.budget.probes} probes and ${attempt.lensUsed} of ${level.budget.lens} lens uses${attempt.agentsTrained > 1 ? `, over the ${attempt.agentsTrained} agents you trained` : ''}. +${judged.points.cost}`,
    ),
    el(
      'section',
      { class: 'why', 'aria-labelledby': 'why-heading' },
      // The level's lesson text describes its default failure: say so when this run did not show it.
      el('h2', { class: 'sub', id: 'why-heading' }, failureSeen ? `What you just saw: ${conceptLabel(level)}` : `What this level teaches: ${conceptLabel(level)} (your agent did not show it)`),
      el('p', {}, level.lesson.reveal),
      el('h3', {}, failureSeen ? 'Why the proxy won here — the inductive bias' : 'What lets a proxy win here — the inductive bias'),
      el('p', {}, level.agent.inductiveBias.explanation),
      el('p', { class: 'hint' }, `View radius: ${level.agent.viewRadius ?? 'whole world'}; discount ${level.agent.discount}; weight decay ${level.agent.inductiveBias.weightDecay}.`),
    ),
    ...(judged.stars < 3
      ? [
          el(
            'p',
            { class: 'hint' },
            judged.outcome === 'aligned-deployed'
              ? 'Full marks need the right call and the right objective as well.'
              : 'The third star is for deploying an aligned agent: go back to training and fix it.',
          ),
        ]
      : []),
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', class: judged.stars < 3 ? 'primary' : '', id: 'back-to-train', onclick: () => app.go('train') }, '← Back to training'),
      ...(attempt.round !== null && attempt.round + 1 < level.rounds.length
        ? [el('button', { type: 'button', class: 'primary', id: 'next-round', onclick: () => app.startRound(attempt.round! + 1) }, `Play ${level.rounds[attempt.round + 1]!.title.toLowerCase()} →`)]
        : []),
      next ? el('button', { type: 'button', class: judged.stars === 3 ? 'primary' : '', id: 'next-level', onclick: () => app.startLevel(next) }, `Next level: ${next.level.title} →`) : null,
      ...(Object.values(level.knobs).some((k) => k.unlocked) ? [el('button', { type: 'button', 'data-control': 'experiment', onclick: () => app.go('experiment') }, 'Experiment mode')] : []),
      el('button', { type: 'button', onclick: () => app.go('levels') }, 'All levels'),
      attempt.shared ? el('button', { type: 'button', id: 'score-editor', onclick: () => app.go('editor') }, 'Level editor') : null,
    ),
    sharePanel({
      level,
      challenge: { level, config: attempt.agent!.config, seed: attempt.agent!.seed },
      result: scoreReport(level, verdict, judged, new Date().toISOString().slice(0, 10)),
    }),
  );
}
