/**
 * Verdict: the player commits to deploy or hold, names the objective the agent learned and, where asked, where the failure lies.
 */
import { type FailureKind, type Decision, UNEXPLAINED } from '../../core/index';
import { describeMoveError } from '../../session/index';
import { startDeployment, type WorkerJob } from '../../worker/client';
import type { DeploymentRun } from '../../core/deployment';
import { displayLevel } from '../levelText';
import type { App } from '../app';
import { el, uid } from '../dom';
import { classVoteForm, isPresenter } from '../presenter';
import { noneOfThese } from './objectives';
import { candidates } from '../candidates';
import { formatNumber, t, tx } from '../../i18n/index';
import { termQuestion } from '../glossary';

export function renderVerdict(app: App, panel: HTMLElement): () => void {
  const { level } = app;
  const shown = displayLevel(level);
  const attempt = app.attempt!;
  // Committing runs the deployment in the worker (scoring, failure question, recordings): progress and Cancel here.
  let job: WorkerJob<DeploymentRun> | null = null;
  const progressBar = el('progress', { max: 1, value: 0, 'aria-label': t('verdict.progress.label') });
  const progressText = el('span', { 'aria-live': 'polite' });
  const cancelButton = el('button', { type: 'button', id: 'cancel-deploy', onclick: () => job?.cancel() }, t('verdict.progress.cancel'));
  const progress = el('div', { class: 'deploy-progress', id: 'deploy-progress', hidden: true }, progressBar, ' ', progressText, ' ', cancelButton);
  const decisionName = uid('decision');
  const objectiveName = uid('objective');
  const failureName = uid('failure');
  const error = el('p', { class: 'form-error', role: 'alert' });
  // Presenter mode: the class votes (a count of hands per hypothesis) before deployment.
  const vote = isPresenter(app) ? classVoteForm(shown, attempt.classVote) : null;
  const form = el(
    'form',
    {
      id: 'verdict-form',
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
          error.textContent = tx(describeMoveError(shown, problem));
          return;
        }
        const submit = form.querySelector<HTMLButtonElement>('#submit-verdict')!;
        submit.disabled = true;
        error.textContent = '';
        progress.hidden = false;
        progressText.textContent = t('verdict.progress.start');
        const agent = attempt.agent!;
        job = startDeployment(app.levelJson(), [...agent.mind.weights], agent.config, (played, planned) => {
          progressBar.max = planned;
          progressBar.value = played;
          progressText.textContent = t('verdict.progress.played', { played: formatNumber(played), planned: formatNumber(planned) });
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
              error.textContent = t('verdict.cancelled');
              submit.focus();
              return;
            }
            const result = app.commitVerdict(choice, run);
            if (!result.ok) {
              error.textContent = tx(describeMoveError(shown, result.error));
              return;
            }
            app.sounds.play('verdict');
            app.go('deploy');
          },
          (failed: Error) => {
            finish();
            error.textContent = t('verdict.failed', { reason: failed.message });
          },
        );
      },
    },
    el(
      'fieldset',
      {},
      el('legend', {}, t('verdict.decision.legend')),
      radio(decisionName, 'deploy', t('verdict.decision.deploy'), t('verdict.decision.deploy.hint')),
      radio(decisionName, 'hold', t('verdict.decision.hold'), t('verdict.decision.hold.hint')),
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, t('verdict.objective.legend')),
      termQuestion('mesa-objective'),
      ...candidates(shown).map(({ letter, hypothesis: h }) => radio(objectiveName, h.id, t('verdict.objective.choice', { letter, label: h.label }), h.description)),
      radio(objectiveName, UNEXPLAINED, noneOfThese(), t('verdict.objective.none.hint')),
    ),
    ...(level.askFailureKind
      ? [
          el(
            'fieldset',
            {},
            el('legend', {}, t('verdict.failure.legend')),
            el('div', { class: 'term-asks' }, termQuestion('outer-alignment'), termQuestion('inner-alignment')),
            radio(failureName, 'outer', t('verdict.failure.outer'), t('verdict.failure.outer.hint')),
            radio(failureName, 'inner', t('verdict.failure.inner'), t('verdict.failure.inner.hint')),
            radio(failureName, 'none', t('verdict.failure.none'), t('verdict.failure.none.hint')),
          ),
        ]
      : []),
    vote?.element,
    error,
    progress,
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', onclick: () => app.go('inspect') }, t('verdict.back')),
      el('button', { type: 'submit', class: 'primary', id: 'submit-verdict' }, t('verdict.submit')),
    ),
  );
  panel.append(
    el('p', { class: 'breadcrumb' }, el('bdi', {}, shown.title), ' · ', t('verdict.breadcrumb')),
    el('h1', {}, t('verdict.heading')),
    el('p', { class: 'lead' }, t('verdict.lead', { objective: shown.intendedObjective })),
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
