/**
 * Verdict, Deploy and Score: the player commits, deployment reveals what the
 * agent learned, and the scoring engine checks the verdict against what the
 * engine measured.
 */
import { classifyFailure, deploymentSuite, judgeVerdict, mindFromRecord, resolveConfig, scoreReport, type FailureKind, runEpisode, score, type Decision, type Episode, type Level, type Scorecard, UNEXPLAINED } from '../../core/index';
import type { EpisodeFilm } from '../../game/stageApi';
import type { App } from '../app';
import { el, uid } from '../dom';
import { pauseButton as playbackPause } from '../playback';
import { conceptLabel, describeEpisode } from '../describe';
import { sharePanel } from '../share';
import { classPrediction, classVoteForm, isPresenter } from '../presenter';

export function renderVerdict(app: App, panel: HTMLElement): void {
  const { level } = app;
  const attempt = app.attempt!;
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
        const decision = data.get(decisionName) as Decision | null;
        const hypothesis = data.get(objectiveName) as string | null;
        const failure = data.get(failureName) as FailureKind | null;
        if (!decision || !hypothesis || (level.askFailureKind && !failure)) {
          error.textContent = !decision ? 'Choose whether to deploy or hold the agent.' : !hypothesis ? 'Choose what you think the agent really pursues.' : 'Choose where you think the failure lies.';
          return;
        }
        const counted = vote?.read();
        if (counted && !counted.ok) {
          error.textContent = counted.message;
          return;
        }
        attempt.classVote = counted?.ok ? counted.vote : null;
        attempt.verdict = level.askFailureKind ? { decision, hypothesis, failure: failure! } : { decision, hypothesis };
        // The ground truth is measured only now, after the player has committed.
        attempt.scorecard = score(level, attempt.agent!.mind);
        attempt.failure = level.askFailureKind ? classifyFailure(level, attempt.scorecard, resolveConfig(level, attempt.agent!.config).reward) : null;
        attempt.judged = judgeVerdict(level, attempt.scorecard, attempt.verdict, { episodes: attempt.agent!.episodes, probes: attempt.probesUsed, lens: attempt.lensUsed }, app.defaultEpisodes(), attempt.failure);
        app.recordResult(attempt.judged);
        app.sounds.play('verdict');
        app.go('deploy');
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
    el('div', { class: 'button-row' }, el('button', { type: 'button', onclick: () => app.go('inspect') }, '← Inspect'), el('button', { type: 'submit', class: 'primary', id: 'submit-verdict' }, 'Commit verdict')),
  );
  panel.append(
    el('p', { class: 'breadcrumb' }, `${level.title} · Verdict`),
    el('h1', {}, 'Your verdict'),
    el('p', { class: 'lead' }, `Intended objective: ${level.intendedObjective} Decide, then see deployment.`),
    form,
  );
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

/** The first move where the agent's path departs from the path an agent with the intended objective takes. */
export function divergence(trained: Episode, intended: Episode): number | null {
  const n = Math.min(trained.worlds.length, intended.worlds.length);
  for (let i = 1; i < n; i++) {
    const a = trained.worlds[i]!;
    const b = intended.worlds[i]!;
    if (a.agentX !== b.agentX || a.agentY !== b.agentY) return i;
  }
  return trained.worlds.length !== intended.worlds.length ? n - 1 : null;
}

export function renderDeploy(app: App, panel: HTMLElement): () => void {
  const { level } = app;
  const attempt = app.attempt!;
  const card = attempt.scorecard!;
  const mind = attempt.agent!.mind;
  const suite = deploymentSuite(level);
  const intended = level.hypotheses.find((h) => h.intended)!;
  const intendedMind = mindFromRecord(level, intended.weights);
  const revealedLabel = objectiveLabel(level, card.revealed);
  const successes = card.successes.filter(Boolean).length;
  let cancelled = false;

  // Each deployment world is played once, recorded; the mosaic and the close-up share the recordings.
  const episodes = suite.map((w) => runEpisode(level, mind, w, undefined, true));
  const films: EpisodeFilm[] = episodes.map((e, i) => ({ worlds: e.worlds, verdict: card.successes[i] ? 'success' : 'failure' }));
  const focusIndex = Math.max(0, card.successes.findIndex((s) => !s));
  const focusEpisode = episodes[focusIndex]!;
  const focusIntended = runEpisode(level, intendedMind, suite[focusIndex]!, undefined, true);
  const divergeAt = card.successes[focusIndex] ? null : divergence(focusEpisode, focusIntended);

  const heading = attempt.verdict!.decision === 'deploy' ? 'Deployment' : 'Deployment — what would have happened';
  const phase = el('p', { class: 'phase', 'aria-live': 'polite' }, `The agent runs in all ${suite.length} deployment worlds at once.`);
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
  const pauseButton = playbackPause(app);
  const stepButton = el('button', { type: 'button', onclick: () => app.stage?.stepOnce() }, 'Step');

  const runReveal = async () => {
    app.sounds.play('reveal');
    phase.textContent = `The agent runs in all ${suite.length} deployment worlds at once. Worlds with a tick achieved the objective; worlds with a cross did not.`;
    const stage = app.stage;
    const many = stage ? await stage.playMany(films, 'field') : 'ended';
    if (cancelled || many === 'stopped') return;
    findings.hidden = false;
    app.announce(`${successes} of ${suite.length} deployment worlds achieved the intended objective. Revealed objective: ${revealedLabel}.`);
    phase.textContent = card.successes[focusIndex] ? `A closer look at deployment world ${focusIndex + 1}.` : `A closer look at deployment world ${focusIndex + 1}, where it went wrong.`;
    divergenceText.textContent = divergeAt !== null ? `Watch move ${divergeAt}: here the agent turns away from what an agent that wants “${intended.label}” would do.` : '';
    if (divergeAt !== null) app.sounds.play('diverge');
    await stage?.play({ worlds: focusEpisode.worlds, divergeAt, verdict: card.successes[focusIndex] ? 'success' : 'failure' }, 'field');
    if (cancelled) return;
    phase.textContent = `Deployment world ${focusIndex + 1}: ${describeEpisode(focusEpisode)}`;
  };

  panel.append(
    el('p', { class: 'breadcrumb' }, `${level.title} · Deploy`),
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
  const card = attempt.scorecard!;
  const judged = attempt.judged!;
  const verdict = attempt.verdict!;
  const namedLabel = objectiveLabel(level, verdict.hypothesis);
  const revealedLabel = objectiveLabel(level, card.revealed);
  const index = app.levels.findIndex((l) => l.level.id === level.id);
  // A shared level has no place in the campaign, so no next level.
  const next = attempt.entry.shared ? undefined : app.levels[index + 1];
  const mark = (ok: boolean) => el('span', { class: ok ? 'mark ok' : 'mark bad', 'aria-hidden': 'true' }, ok ? '✓' : '✗');
  const outcomeText: Record<typeof judged.outcome, string> = {
    'aligned-deployed': `You deployed an aligned agent: it achieved the intended objective in ${judged.suiteSize - judged.failures} of ${judged.suiteSize} deployment worlds.`,
    'misaligned-deployed': `You deployed a misaligned agent: it failed the intended objective in ${judged.failures} of ${judged.suiteSize} deployment worlds.`,
    'misaligned-held': `Holding it back prevented ${judged.failures} failures in ${judged.suiteSize} deployment worlds.`,
    'aligned-held': `You held back an agent that was in fact aligned (it would have succeeded in ${judged.suiteSize - judged.failures} of ${judged.suiteSize} worlds).`,
  };
  app.sounds.play(judged.stars > 0 ? 'star' : 'score');
  const stars = el('p', { class: 'stars-big', id: 'stars' }, el('span', { 'aria-hidden': 'true' }, '★'.repeat(judged.stars) + '☆'.repeat(3 - judged.stars)), el('span', { class: 'sr-only' }, `${judged.stars} of 3 stars`));
  panel.append(
    el('p', { class: 'breadcrumb' }, `${level.title} · Score`),
    el('h1', {}, 'Score'),
    stars,
    el('p', { class: 'points' }, `${judged.points.total} points`),
    el('h2', { class: 'sub' }, 'Detection'),
    el(
      'ul',
      { class: 'checklist' },
      el('li', {}, mark(judged.decisionCorrect), ` You chose to ${verdict.decision === 'deploy' ? 'deploy' : 'hold'}; the agent was ${card.aligned ? 'aligned' : 'misaligned'} (${Math.round(card.successRate * 100)}% success, threshold ${Math.round(level.success.threshold * 100)}%). `, el('span', { class: 'sr-only' }, judged.decisionCorrect ? 'Correct.' : 'Incorrect.'), ` ${judged.points.detection >= 30 && judged.decisionCorrect ? '+30' : '+0'}`),
      el('li', {}, mark(verdict.hypothesis === card.revealed), ` You named “${namedLabel}”; its revealed objective was “${revealedLabel}”. `, el('span', { class: 'sr-only' }, verdict.hypothesis === card.revealed ? 'Correct.' : 'Incorrect.'), ` ${judged.objectiveCorrect ? '+30' : '+0'}`),
      ...(judged.failureCorrect !== null
        ? [el('li', {}, mark(judged.failureCorrect), ` You said the failure lies ${FAILURE_WORDS[verdict.failure!]}; measured, it lies ${FAILURE_WORDS[attempt.failure!]}. `, el('span', { class: 'sr-only' }, judged.failureCorrect ? 'Correct.' : 'Incorrect.'), judged.failureCorrect ? '' : ' (needed for the objective star)')]
        : []),
    ),
    el('h2', { class: 'sub' }, 'Outcome'),
    el('p', {}, `${outcomeText[judged.outcome]} +${judged.points.outcome}`),
    el('h2', { class: 'sub' }, 'Cost'),
    el('p', {}, `${attempt.agent!.episodes.toLocaleString('en')} training episodes (default ${app.defaultEpisodes().toLocaleString('en')}), ${attempt.probesUsed} of ${level.budget.probes} probes, ${attempt.lensUsed} of ${level.budget.lens} lens uses. +${judged.points.cost}`),
    el(
      'section',
      { class: 'why', 'aria-labelledby': 'why-heading' },
      el('h2', { class: 'sub', id: 'why-heading' }, `What you just saw: ${conceptLabel(level)}`),
      el('p', {}, level.lesson.reveal),
      el('h3', {}, 'Why the proxy won here — the inductive bias'),
      el('p', {}, level.agent.inductiveBias.explanation),
      el('p', { class: 'hint' }, `View radius: ${level.agent.viewRadius ?? 'whole world'}; discount ${level.agent.discount}; weight decay ${level.agent.inductiveBias.weightDecay}.`),
    ),
    ...(judged.stars < 3
      ? [el('p', { class: 'hint' }, judged.outcome === 'aligned-deployed' ? 'Full marks need the right call and the right objective as well.' : 'The third star is for deploying an aligned agent: go back to training and fix it.')]
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
      attempt.entry.shared ? el('button', { type: 'button', id: 'score-editor', onclick: () => app.go('editor') }, 'Level editor') : null,
    ),
    sharePanel({
      level,
      challenge: { level, config: attempt.agent!.config, seed: attempt.agent!.seed },
      result: scoreReport(level, verdict, judged, new Date().toISOString().slice(0, 10)),
    }),
  );
}
