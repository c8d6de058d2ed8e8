/**
 * Verdict: the player commits to deploy or hold, names the objective the agent learned and, where asked, where the failure lies.
 */
import { type FailureKind, type Decision, UNEXPLAINED } from '../../core/index';
import { describeMoveError } from '../../session/index';
import { startDeployment, type WorkerJob } from '../../worker/client';
import type { DeploymentRun } from '../../core/deployment';
import { tx } from '../../i18n/index';
import { displayLevel } from '../levelText';
import type { App } from '../app';
import { el, uid } from '../dom';
import { classVoteForm, isPresenter } from '../presenter';
import { NONE_OF_THESE } from './objectives';
import { candidates } from '../candidates';

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
          error.textContent = tx(describeMoveError(displayLevel(level), problem));
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
              error.textContent = tx(describeMoveError(displayLevel(level), result.error));
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
      ...candidates(level).map(({ letter, hypothesis: h }) => radio(objectiveName, h.id, `${letter}. ${h.label}`, h.description)),
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
