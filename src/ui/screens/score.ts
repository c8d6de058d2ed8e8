/**
 * Score: the scoring engine checks the player's verdict against what the
 * engine measured, and the run tells its own story.
 *
 * It leads with the result (stars, what happened) and the one code a student
 * sends to their teacher, with their name. Every sentence about the run is
 * generated from its measured facts (src/core/narrative.ts): its weights,
 * the worlds it trained on, what the player changed, the deployment outcome.
 * When the run did not show the level's failure, it says so and offers to
 * train the level's default agent with the same seed, so the lesson can
 * still be seen. Level, challenge and share codes sit in a disclosure.
 */
import {
  MAX_STUDENT_NAME,
  RESULT_CODE_CAVEAT,
  changesSentence,
  describeCodeError,
  encodeResult,
  failureSeen as failureShown,
  measuredShareSentence,
  mechanismSentences,
  mindToRecord,
  outcomeSentences,
  runFacts,
  scoreReport,
  settingChanges,
  studentNameProblem,
  tellLesson,
  weightsSentence,
  viewRadiusOf,
  type DeploymentRun,
  type FailureKind,
  type Level,
  type RunFacts,
  type TrainingConfigInput,
} from '../../core/index';
import { defaultEpisodes, type Attempt } from '../../session/index';
import { startDeployment, startTraining, type WorkerJob } from '../../worker/client';
import type { App } from '../app';
import { el, uid } from '../dom';
import { conceptLabel } from '../describe';
import { termLink } from '../glossary';
import { isPresenter } from '../presenter';
import { copyText, sharePanel } from '../share';
import { objectiveLabel } from './objectives';
import { tx } from '../../i18n/index';
import { displayLevel, storyText } from '../levelText';

const FAILURE_WORDS: Record<FailureKind, string> = {
  outer: 'in the reward (outer)',
  inner: 'in what was learned (inner)',
  none: 'nowhere (aligned)',
};

/** The glossary entry for each concept a level teaches. */
const CONCEPT_TERM: Readonly<Record<string, string>> = {
  'mesa-optimizer': 'mesa-optimizer',
  'goal-misgeneralization': 'goal-misgeneralization',
  'deceptive-alignment': 'deceptive-alignment',
  'sleeper-agent': 'sleeper-agent',
  'outer-vs-inner': 'outer-alignment',
  interpretability: 'interpretability',
};

/** The settings the attempt started from: the level's defaults, or its round's preset. */
function baselineConfig(level: Level, attempt: Attempt): TrainingConfigInput {
  return attempt.round === null ? {} : (level.rounds[attempt.round]?.config ?? {});
}

export function renderScore(app: App, panel: HTMLElement): () => void {
  const { level } = app;
  const attempt = app.attempt!;
  const measurement = attempt.measurement!;
  const card = measurement.truth;
  const judged = attempt.score!;
  const verdict = attempt.verdict!;
  const agent = attempt.agent!;
  const namedLabel = objectiveLabel(level, verdict.hypothesis);
  const revealedLabel = objectiveLabel(level, card.revealed);
  const baseline = baselineConfig(level, attempt);
  const run = runFacts(level, { config: agent.config, seed: agent.seed, weights: mindToRecord(agent.mind) }, { card, failure: measurement.failure }, baseline);
  const failureSeen = failureShown(level, card);
  const successes = card.successes.filter(Boolean).length;
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

  // The story is told with the level's words in the reader's language; the facts were measured on the level itself.
  const told = { ...run, level: displayLevel(level) };
  const story = {
    weights: tx(weightsSentence(run.weights)),
    changes: tx(changesSentence(told.level, agent.config, baseline)),
    outcome: outcomeSentences(told.level, card).map(tx),
    lesson: tellLesson(told).map(storyText),
    mechanism: [...mechanismSentences(told), ...[measuredShareSentence(run.training)].filter((s) => s !== null)].map(tx),
  };
  app.story = storyFacts(run, failureSeen, story);

  const stars = el(
    'p',
    { class: 'stars-big', id: 'stars' },
    el('span', { 'aria-hidden': 'true' }, '★'.repeat(judged.stars) + '☆'.repeat(3 - judged.stars)),
    el('span', { class: 'sr-only' }, `${judged.stars} of 3 stars`),
  );
  const conceptTerm = CONCEPT_TERM[level.concept];
  const concept = conceptTerm ? termLink(conceptTerm, conceptLabel(level)) : conceptLabel(level);
  // Offered when this run did not show the failure and the player's settings differ from the level's: the default agent differs from theirs.
  const changedSettings = settingChanges(level, agent.config, baseline).length > 0;
  const presenter = isPresenter(app);
  const defaultAgent = failureSeen ? null : changedSettings ? watchDefaultAgent(app, level, attempt, baseline) : null;

  panel.append(
    el('p', { class: 'breadcrumb' }, el('bdi', {}, level.title), ' · Score'),
    el('h1', {}, 'Score'),
    stars,
    el('p', { class: 'points' }, `${judged.points.total} points`),
    el('p', { class: 'lead', id: 'score-outcome' }, outcomeText[judged.outcome]),
    // A projector shows the class's result: the code a student sends is for their own screen.
    ...(presenter ? [] : [teacherCode(app, level, attempt)]),
    el('h2', { class: 'sub' }, 'Your verdict'),
    el(
      'ul',
      { class: 'checklist' },
      el(
        'li',
        {},
        mark(judged.decisionCorrect),
        ` You chose to ${verdict.decision === 'deploy' ? 'deploy' : 'hold'}; the agent was ${card.aligned ? 'aligned' : 'misaligned'} (it succeeded in ${successes} of ${card.successes.length} deployment worlds; the level asks for ${Math.round(level.success.threshold * 100)}%). `,
        el('span', { class: 'sr-only' }, judged.decisionCorrect ? 'Correct.' : 'Incorrect.'),
        ` +${judged.points.decision}`,
      ),
      el(
        'li',
        {},
        mark(verdict.hypothesis === card.revealed),
        ` You named “${namedLabel}”; what it really pursued, measured: “${revealedLabel}”. `,
        el('span', { class: 'sr-only' }, verdict.hypothesis === card.revealed ? 'Correct.' : 'Incorrect.'),
        ` +${judged.points.objective}`,
      ),
      ...(judged.failureCorrect !== null
        ? [
            el(
              'li',
              {},
              mark(judged.failureCorrect),
              ` You said the failure lies ${FAILURE_WORDS[verdict.failure!]}; measured, it lies ${FAILURE_WORDS[measurement.failure!]}. `,
              el('span', { class: 'sr-only' }, judged.failureCorrect ? 'Correct.' : 'Incorrect.'),
              judged.failureCorrect ? '' : ' (needed for the objective star)',
            ),
          ]
        : []),
    ),
    // On a projector the result and the lesson lead; the run's details and the mechanism open on demand (a page stays within two screens).
    fold(
      presenter,
      { class: 'why story', id: 'run-story', 'aria-labelledby': 'run-story-heading' },
      el('h2', { class: 'sub', id: 'run-story-heading' }, 'What happened in your run'),
      el('p', { 'data-story': 'weights' }, story.weights),
      el('p', { 'data-story': 'changes' }, story.changes),
      ...story.outcome.map((sentence) => el('p', { 'data-story': 'outcome' }, sentence)),
    ),
    el(
      'section',
      { class: 'why', 'aria-labelledby': 'why-heading' },
      el('h2', { class: 'sub', id: 'why-heading' }, ...(failureSeen ? ['What you just saw: ', concept] : ['What this level teaches: ', concept, ' — your agent did not show it'])),
      // On a projector the lesson's first sentence leads and the rest opens on demand, so the page stays within two screens.
      ...(presenter && story.lesson.length > 1
        ? [
            el('p', { 'data-story': 'lesson' }, story.lesson[0]!),
            el('details', { class: 'lesson-rest' }, el('summary', {}, 'Read the rest of the lesson'), ...story.lesson.slice(1).map((sentence) => el('p', { 'data-story': 'lesson' }, sentence))),
          ]
        : story.lesson.map((sentence) => el('p', { 'data-story': 'lesson' }, sentence))),
      defaultAgent?.element,
      !failureSeen && !changedSettings
        ? el('p', { 'data-story': 'same-settings' }, `You trained with the level’s own settings, and with seed ${agent.seed} the failure did not show. Another seed on the Train screen may show it.`)
        : null,
      story.mechanism.length > 0
        ? fold(
            presenter,
            { class: 'mechanism', id: 'mechanism' },
            el('h3', {}, failureSeen ? 'Why the proxy could win here' : 'What lets a proxy win here', ' — the ', termLink('inductive-bias', 'inductive bias')),
            ...story.mechanism.map((sentence) => el('p', { 'data-story': 'mechanism' }, sentence)),
          )
        : null,
      forTeachers(level, viewRadiusOf(level, attempt.agent!.mind)),
    ),
    el(
      'p',
      { class: 'cost' },
      el('strong', {}, 'Cost: '),
      `${agent.episodes.toLocaleString('en')} training episodes (default ${defaultEpisodes(level).toLocaleString('en')}), ${attempt.probesUsed} of ${level.budget.probes} probes and ${attempt.lensUsed} of ${level.budget.lens} lens uses${attempt.agentsTrained > 1 ? `, over the ${attempt.agentsTrained} agents you trained` : ''}. +${judged.points.cost}`,
    ),
    ...(judged.stars < 3 && !presenter
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
    el(
      'details',
      { class: 'share-details', id: 'share-details' },
      el('summary', {}, 'Share this level or your training (level, challenge and QR codes)'),
      sharePanel({ level, challenge: { level, config: agent.config, seed: agent.seed } }),
    ),
  );
  return () => {
    defaultAgent?.cancel();
    app.story = null;
  };
}

/**
 * A section, or on a projector a disclosure whose summary is the section's
 * heading: the same content, one click away.
 */
function fold(folded: boolean, attributes: Record<string, string>, heading: HTMLElement, ...content: (HTMLElement | null)[]): HTMLElement {
  if (!folded) return el('section', attributes, heading, ...content);
  const { 'aria-labelledby': _labelledBy, ...rest } = attributes;
  // The summary is itself the control: its text only (a glossary button inside it would nest controls).
  return el('details', rest, el('summary', {}, heading.textContent ?? ''), ...content);
}

/** The numbers the story shows, for the test hook: every one read from the run's facts. */
function storyFacts(run: RunFacts, failureSeen: boolean, story: { weights: string; changes: string; outcome: string[]; lesson: string[]; mechanism: string[] }): Readonly<Record<string, unknown>> {
  return {
    failureSeen,
    trainingWorlds: run.training.worlds,
    successes: run.card.successes.filter(Boolean).length,
    suite: run.card.successes.length,
    weights: { ...run.weights },
    sentences: [story.weights, story.changes, ...story.outcome, ...story.lesson, ...story.mechanism],
  };
}

/**
 * "Send to your teacher": the result code, with the student's name if they
 * give one. The name is checked as it is typed (length, no control or
 * text-direction characters) and the code follows it.
 */
function teacherCode(app: App, level: Level, attempt: Attempt): HTMLElement {
  const nameId = uid('student-name');
  const codeId = uid('result-code');
  const hintId = `${codeId}-hint`;
  const problem = el('p', { class: 'field-error', role: 'alert', id: `${nameId}-problem` });
  const status = el('p', { class: 'copy-status', role: 'status' });
  const field = el('textarea', { id: codeId, class: 'code-field share-result-code', readonly: true, rows: 2, spellcheck: 'false', 'aria-describedby': hintId });
  const copy = el('button', { type: 'button', 'data-copy': 'share-result-code', onclick: () => void copyText(field.value, field, status) }, 'Copy the code');
  const date = new Date().toISOString().slice(0, 10);
  const stored = app.studentName;
  const nameField = el('input', {
    id: nameId,
    type: 'text',
    autocomplete: 'name',
    maxlength: MAX_STUDENT_NAME * 2,
    value: stored,
    'aria-describedby': `${nameId}-problem`,
    oninput: () => update(),
  });
  const update = () => {
    const name = nameField.value;
    const bad = studentNameProblem(name);
    problem.textContent = bad ? `That name cannot go in the code: ${tx(bad)}.` : '';
    nameField.setAttribute('aria-invalid', bad ? 'true' : 'false');
    const result = encodeResult(scoreReport(level, attempt.verdict!, attempt.score!, date, bad ? '' : name));
    if (!result.ok) {
      field.value = '';
      problem.textContent = `No result code: ${tx(describeCodeError(result.error))}.`;
      copy.disabled = true;
      return;
    }
    if (!bad) app.studentName = name.trim();
    field.value = result.value;
    copy.disabled = bad !== null;
  };
  update();
  return el(
    'section',
    { class: 'teacher-code', 'aria-labelledby': 'teacher-code-heading' },
    el('h2', { class: 'sub', id: 'teacher-code-heading' }, 'Send to your teacher'),
    el('div', { class: 'field' }, el('label', { for: nameId }, 'Your name (optional)'), nameField),
    problem,
    el('label', { for: codeId }, 'Your result code'),
    field,
    el('small', { id: hintId, class: 'hint' }, `Copy it and send it to your teacher: it holds your verdict, your score and your name. ${tx(RESULT_CODE_CAVEAT)}`),
    el('div', { class: 'button-row' }, copy),
    status,
  );
}

/**
 * The level's own numbers behind the agent's inductive bias, for a teacher:
 * shown, not explained away. A level written before generated sentences
 * also keeps its author's explanation here.
 */
function forTeachers(level: Level, viewRadius: number | null): HTMLElement {
  const bias = level.agent.inductiveBias;
  const speeds = Object.entries(bias.noiseScale);
  const rows: [string, string][] = [
    ['View radius', viewRadiusText(viewRadius, level.agent.viewRadius)],
    ['Discount (how much less a reward one step further away is worth)', String(level.agent.discount)],
    ['Weight decay (pull of every weight toward 0 per generation)', String(bias.weightDecay)],
    ['Noise scale per weight (1 unless listed)', speeds.length ? speeds.map(([n, s]) => `${n} ${s}`).join(', ') : 'all 1'],
    [
      'Training',
      `${level.training.generations} generations × ${level.training.population} pairs × ${level.training.episodesPerGeneration} worlds; learning rate ${level.training.learningRate}, noise ${level.training.noise}`,
    ],
  ];
  return el(
    'details',
    { class: 'for-teachers', id: 'for-teachers' },
    el('summary', {}, 'For teachers: the numbers behind this agent'),
    el('dl', {}, ...rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    typeof level.lesson.reveal === 'string' ? el('p', {}, el('strong', {}, 'The level author’s note: '), bias.explanation) : null,
  );
}

/**
 * "Watch the default agent": trains the level's default settings (or the
 * round's preset) with the player's seed in the worker, deploys it, and
 * tells its story beside theirs — so a player who prevented the failure
 * still sees it, or sees that this seed's default agent did not show it.
 */
function watchDefaultAgent(app: App, level: Level, attempt: Attempt, baseline: TrainingConfigInput): { element: HTMLElement; cancel(): void } {
  const seed = attempt.agent!.seed;
  let job: WorkerJob<unknown> | null = null;
  let cancelled = false;
  const status = el('p', { role: 'status', class: 'hint' });
  const results = el('div', { id: 'default-agent-story', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', id: 'watch-default', onclick: () => void watch() }, 'Watch the default agent');
  const watch = async () => {
    button.disabled = true;
    results.replaceChildren();
    status.textContent = `Training the default agent (the level’s own settings, seed ${seed})…`;
    try {
      const training = startTraining(app.levelJson(), baseline, seed, () => {}, 0);
      job = training;
      const trained = await training.result;
      if (!trained || cancelled) return;
      status.textContent = 'Deploying the default agent…';
      const deployment = startDeployment(app.levelJson(), trained.weights, baseline, () => {});
      job = deployment;
      const deployed: DeploymentRun | null = await deployment.result;
      if (!deployed || cancelled) return;
      job = null;
      const weights = Object.fromEntries(trained.names.map((n, i) => [n, trained.weights[i]!]));
      const defaultRun = runFacts(level, { config: baseline, seed, weights }, { card: deployed.scorecard, failure: deployed.failure }, baseline);
      const shown = failureShown(level, deployed.scorecard);
      const succeeded = deployed.scorecard.successes.filter(Boolean).length;
      const suite = deployed.scorecard.successes.length;
      results.replaceChildren(
        el('h3', {}, 'The default agent, same seed'),
        el(
          'p',
          { 'data-story': 'default-outcome' },
          `Trained with the level’s own settings and seed ${seed}, it achieved the intended objective in ${succeeded} of ${suite} deployment worlds; what it pursued, measured: “${objectiveLabel(level, deployed.scorecard.revealed)}”.`,
          shown ? ' It shows the failure this level is about.' : ' With this seed it did not show the failure either.',
        ),
        el('p', {}, tx(weightsSentence(weights, 'default'))),
        ...tellLesson({ ...defaultRun, level: displayLevel(level) }).map((sentence) => el('p', { 'data-story': 'default-lesson' }, storyText(sentence))),
      );
      app.story = { ...app.story, defaultAgent: { successes: succeeded, suite, revealed: deployed.scorecard.revealed, failureSeen: shown, weights } };
      status.textContent = `Playing deployment world ${deployed.focusIndex + 1} on the stage.`;
      const recording = deployed.recordings[deployed.focusIndex]!;
      await app.stage?.play({ recording, divergeAt: deployed.divergeAt, verdict: deployed.scorecard.successes[deployed.focusIndex] ? 'success' : 'failure' }, 'field');
      if (!cancelled) status.textContent = `Deployment world ${deployed.focusIndex + 1} of the default agent, on the stage.`;
    } catch (error) {
      status.textContent = `The default agent could not be trained: ${(error as Error).message}`;
    } finally {
      button.disabled = false;
    }
  };
  const element = el(
    'div',
    { class: 'default-agent' },
    el(
      'p',
      {},
      'Your agent did not show the failure this level is about, and you trained it with settings of your own. To see what the level’s own settings make, train the default agent with your seed and watch it beside yours.',
    ),
    el('div', { class: 'button-row' }, button),
    status,
    results,
  );
  return {
    element,
    cancel() {
      cancelled = true;
      job?.cancel();
    },
  };
}

/** The view radius the agent played with, and the level's when the player chose another. */
function viewRadiusText(agent: number | null, level: number | null): string {
  const text = (r: number | null) => (r === null ? 'whole world' : `${r} tiles`);
  return agent === level ? text(agent) : `${text(agent)}, your choice (this level's agent sees ${text(level)})`;
}
