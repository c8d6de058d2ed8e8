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
import { conceptLink, termLink } from '../glossary';
import { isPresenter, presenterFold } from '../presenter';
import { copyText, sharePanel } from '../share';
import { installMenu } from '../header';
import { objectiveLabel } from './objectives';
import { displayLevel, storyText } from '../levelText';
import { formatNumber, t, tParts, tx } from '../../i18n/index';

/** Where a failure lies, in the reader's language. */
function failureWords(kind: FailureKind): string {
  switch (kind) {
    case 'outer':
      return t('score.failure.outer');
    case 'inner':
      return t('score.failure.inner');
    case 'none':
      return t('score.failure.none');
  }
}

/** The settings the attempt started from: the level's defaults, or its round's preset. */
function baselineConfig(level: Level, attempt: Attempt): TrainingConfigInput {
  return attempt.round === null ? {} : (level.rounds[attempt.round]?.config ?? {});
}

export function renderScore(app: App, panel: HTMLElement): () => void {
  const level = displayLevel(app.level);
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
  const counted = { successes: judged.suiteSize - judged.failures, failures: judged.failures, count: judged.suiteSize };
  const outcomeText: Record<typeof judged.outcome, string> = {
    'aligned-deployed': t('score.outcome.aligned-deployed', counted),
    'misaligned-deployed': t('score.outcome.misaligned-deployed', counted),
    'misaligned-held': t('score.outcome.misaligned-held', counted),
    'aligned-held': t('score.outcome.aligned-held', counted),
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
    el('span', { class: 'sr-only' }, t('score.stars', { stars: judged.stars })),
  );
  const concept = conceptLink(level.concept, conceptLabel(level));
  // Offered when this run did not show the failure and the player's settings differ from the level's: the default agent differs from theirs.
  const changedSettings = settingChanges(level, agent.config, baseline).length > 0;
  const presenter = isPresenter(app);
  const defaultAgent = failureSeen ? null : changedSettings ? watchDefaultAgent(app, level, attempt, baseline) : null;

  // The ways on lead the bar; the others wait in a menu, so the bar stays within two rows.
  const more = moreActions([
    ...(Object.values(level.knobs).some((k) => k.unlocked) ? [el('button', { type: 'button', 'data-control': 'experiment', onclick: () => app.go('experiment') }, t('score.experiment'))] : []),
    el('button', { type: 'button', onclick: () => app.go('levels') }, t('score.allLevels')),
    ...(attempt.shared ? [el('button', { type: 'button', id: 'score-editor', onclick: () => app.go('editor') }, t('score.editor'))] : []),
  ]);
  // The codes are written when the player first opens this: on a large level, compressing it for the
  // level and challenge codes is the costliest part of the screen, and most players never open it.
  const shareDetails = el('details', { class: 'share-details', id: 'share-details' }, el('summary', {}, t('score.shareSummary')));
  shareDetails.addEventListener('toggle', () => {
    if (shareDetails.open && shareDetails.querySelector('.share-panel') === null)
      shareDetails.append(sharePanel({ level: app.level, challenge: { level: app.level, config: agent.config, seed: agent.seed } }));
  });
  panel.append(
    el('p', { class: 'breadcrumb' }, el('bdi', {}, level.title), ' · ', t('score.breadcrumb')),
    el('h1', {}, t('score.heading')),
    stars,
    el('p', { class: 'points' }, t('score.points', { count: judged.points.total })),
    el('p', { class: 'lead', id: 'score-outcome' }, outcomeText[judged.outcome]),
    // A projector shows the class's result: the code a student sends is for their own screen.
    ...(presenter ? [] : [teacherCode(app, app.level, attempt)]),
    el('h2', { class: 'sub' }, t('score.verdict.heading')),
    el(
      'ul',
      { class: 'checklist' },
      el(
        'li',
        {},
        mark(judged.decisionCorrect),
        ' ',
        decisionSentence(verdict.decision, card.aligned, { successes, count: card.successes.length, threshold: Math.round(level.success.threshold * 100) }),
        ' ',
        el('span', { class: 'sr-only' }, judged.decisionCorrect ? t('score.correct') : t('score.incorrect')),
        ` +${judged.points.decision}`,
      ),
      el(
        'li',
        {},
        mark(verdict.hypothesis === card.revealed),
        ' ',
        t('score.verdict.objective', { named: namedLabel, revealed: revealedLabel }),
        ' ',
        el('span', { class: 'sr-only' }, verdict.hypothesis === card.revealed ? t('score.correct') : t('score.incorrect')),
        ` +${judged.points.objective}`,
      ),
      ...(judged.failureCorrect !== null
        ? [
            el(
              'li',
              {},
              mark(judged.failureCorrect),
              ' ',
              t('score.verdict.failure', { said: failureWords(verdict.failure!), measured: failureWords(measurement.failure!) }),
              ' ',
              el('span', { class: 'sr-only' }, judged.failureCorrect ? t('score.correct') : t('score.incorrect')),
              judged.failureCorrect ? '' : ` ${t('score.verdict.failure.needed')}`,
            ),
          ]
        : []),
    ),
    // On a projector the result and the lesson lead; the run's details and the mechanism open on demand (a page stays within two screens).
    presenterFold(
      { class: 'why story', id: 'run-story', heading: el('h2', { class: 'sub' }, t('score.story.heading')) },
      el('p', { 'data-story': 'weights' }, story.weights),
      el('p', { 'data-story': 'changes' }, story.changes),
      ...story.outcome.map((sentence) => el('p', { 'data-story': 'outcome' }, sentence)),
    ),
    el(
      'section',
      { class: 'why', 'aria-labelledby': 'why-heading' },
      el('h2', { class: 'sub', id: 'why-heading' }, ...tParts(failureSeen ? 'score.why.seen' : 'score.why.notSeen', { concept })),
      // On a projector the lesson's first sentence leads and the rest opens on demand, so the page stays within two screens.
      ...story.lesson.slice(0, 1).map((sentence) => el('p', { 'data-story': 'lesson' }, sentence)),
      story.lesson.length > 1 ? presenterFold(t('score.lesson.more'), ...story.lesson.slice(1).map((sentence) => el('p', { 'data-story': 'lesson' }, sentence))) : null,
      defaultAgent?.element,
      !failureSeen && !changedSettings ? el('p', { 'data-story': 'same-settings' }, t('score.sameSettings', { seed: String(agent.seed) })) : null,
      story.mechanism.length > 0
        ? presenterFold(
            {
              class: 'mechanism',
              id: 'mechanism',
              heading: el('h3', {}, ...tParts(failureSeen ? 'score.mechanism.seen' : 'score.mechanism.notSeen', { term: termLink('inductive-bias', t('score.mechanism.term')) })),
            },
            ...story.mechanism.map((sentence) => el('p', { 'data-story': 'mechanism' }, sentence)),
          )
        : null,
      forTeachers(level, viewRadiusOf(level, attempt.agent!.mind)),
    ),
    presenterFold(t('score.cost.fold', { points: judged.points.cost }), el('p', { class: 'cost' }, el('strong', {}, t('score.cost.label')), costSentence(level, attempt), ` +${judged.points.cost}`)),
    ...(judged.stars < 3 && !presenter ? [el('p', { class: 'hint' }, judged.outcome === 'aligned-deployed' ? t('score.hint.rightObjective') : t('score.hint.thirdStar'))] : []),
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', class: judged.stars < 3 ? 'primary' : '', id: 'back-to-train', onclick: () => app.go('train') }, t('score.backToTraining')),
      ...(attempt.round !== null && attempt.round + 1 < level.rounds.length
        ? [
            el(
              'button',
              { type: 'button', class: 'primary', id: 'next-round', onclick: () => app.startRound(attempt.round! + 1) },
              t('score.nextRound', { round: level.rounds[attempt.round + 1]!.title.toLowerCase() }),
            ),
          ]
        : []),
      next
        ? el(
            'button',
            { type: 'button', class: judged.stars === 3 ? 'primary' : '', id: 'next-level', onclick: () => app.startLevel(next) },
            t('score.nextLevel', { title: displayLevel(next.level).title }),
          )
        : null,
      more.element,
    ),
    shareDetails,
  );
  return () => {
    defaultAgent?.cancel();
    more.dispose();
    app.story = null;
  };
}

/** What the player decided and what the agent was, in one sentence per case. */
function decisionSentence(decision: 'deploy' | 'hold', aligned: boolean, counts: { successes: number; count: number; threshold: number }): string {
  if (decision === 'deploy') return aligned ? t('score.verdict.deploy.aligned', counts) : t('score.verdict.deploy.misaligned', counts);
  return aligned ? t('score.verdict.hold.aligned', counts) : t('score.verdict.hold.misaligned', counts);
}

/** What the verdict cost: episodes, probes, lens uses, and how many agents were trained. */
function costSentence(level: Level, attempt: Attempt): string {
  const agent = attempt.agent!;
  const spent = {
    episodes: agent.episodes,
    defaultEpisodes: defaultEpisodes(level),
    probes: attempt.probesUsed,
    probeBudget: level.budget.probes,
    lens: attempt.lensUsed,
    lensBudget: level.budget.lens,
  };
  return attempt.agentsTrained > 1 ? t('score.cost.agents', { ...spent, agents: attempt.agentsTrained }) : t('score.cost', spent);
}

/** "More ▾": the score's further actions in a menu the keyboard reaches (Escape closes it). */
function moreActions(actions: HTMLElement[]): { element: HTMLElement; dispose(): void } {
  const menuId = uid('score-more');
  const button = el('button', { type: 'button', id: 'score-more', class: 'more-button', 'aria-controls': menuId }, t('score.more'));
  const menu = el('div', { class: 'more-menu', id: menuId }, ...actions);
  const element = el('div', { class: 'more' }, button, menu);
  return { element, dispose: installMenu(button, menu) };
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
  const field = el('textarea', { id: codeId, class: 'code-field share-result-code', readonly: true, rows: 2, spellcheck: 'false', translate: 'no', 'aria-describedby': hintId });
  const copy = el('button', { type: 'button', 'data-copy': 'share-result-code', onclick: () => void copyText(field.value, field, status) }, t('score.send.copy'));
  const date = new Date().toISOString().slice(0, 10);
  const stored = app.studentName;
  const nameField = el('input', {
    id: nameId,
    type: 'text',
    autocomplete: 'name',
    maxlength: MAX_STUDENT_NAME * 2,
    value: stored,
    translate: 'no',
    'aria-describedby': `${nameId}-problem`,
    oninput: () => update(),
  });
  const update = () => {
    const name = nameField.value;
    const bad = studentNameProblem(name);
    problem.textContent = bad ? t('score.send.nameProblem', { problem: bad }) : '';
    nameField.setAttribute('aria-invalid', bad ? 'true' : 'false');
    const result = encodeResult(scoreReport(level, attempt.verdict!, attempt.score!, date, bad ? '' : name));
    if (!result.ok) {
      field.value = '';
      problem.textContent = t('score.send.noCode', { reason: describeCodeError(result.error) });
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
    el('h2', { class: 'sub', id: 'teacher-code-heading' }, t('score.send.heading')),
    el('div', { class: 'field' }, el('label', { for: nameId }, t('score.send.name')), nameField),
    problem,
    el('label', { for: codeId }, t('score.send.code')),
    field,
    el('small', { id: hintId, class: 'hint' }, t('score.send.hint', { caveat: RESULT_CODE_CAVEAT })),
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
  // The level file's own numbers, every digit kept.
  const exact = (value: number) => formatNumber(value, { maximumFractionDigits: 20 });
  // Weight names are the level file's identifiers, shown as written.
  const listed = speeds.length ? el('span', { translate: 'no' }, speeds.map(([n, s]) => `${n} ${exact(s)}`).join(', ')) : t('score.teachers.noiseScale.all');
  const rows: [string, string | HTMLElement][] = [
    [t('score.teachers.viewRadius'), viewRadiusText(viewRadius, level.agent.viewRadius)],
    [t('score.teachers.discount'), exact(level.agent.discount)],
    [t('score.teachers.weightDecay'), exact(bias.weightDecay)],
    [t('score.teachers.noiseScale'), listed],
    [
      t('score.teachers.training'),
      t('score.teachers.training.value', {
        generations: level.training.generations,
        population: level.training.population,
        episodes: level.training.episodesPerGeneration,
        rate: exact(level.training.learningRate),
        noise: exact(level.training.noise),
      }),
    ],
  ];
  return el(
    'details',
    { class: 'for-teachers', id: 'for-teachers' },
    el('summary', {}, t('score.teachers.summary')),
    el('dl', {}, ...rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    typeof level.lesson.reveal === 'string' ? el('p', {}, el('strong', {}, t('score.teachers.authorNote')), bias.explanation) : null,
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
  const button = el('button', { type: 'button', id: 'watch-default', onclick: () => void watch() }, t('score.default.button'));
  const watch = async () => {
    button.disabled = true;
    results.replaceChildren();
    status.textContent = t('score.default.training', { seed: String(seed) });
    try {
      const training = startTraining(app.levelJson(), baseline, seed, () => {}, 0);
      job = training;
      const trained = await training.result;
      if (!trained || cancelled) return;
      status.textContent = t('score.default.deploying');
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
        el('h3', {}, t('score.default.heading')),
        el(
          'p',
          { 'data-story': 'default-outcome' },
          t('score.default.outcome', { seed: String(seed), successes: succeeded, count: suite, label: objectiveLabel(level, deployed.scorecard.revealed) }),
          ' ',
          shown ? t('score.default.shows') : t('score.default.notShown'),
        ),
        el('p', {}, tx(weightsSentence(weights, 'default'))),
        ...tellLesson({ ...defaultRun, level: displayLevel(level) }).map((sentence) => el('p', { 'data-story': 'default-lesson' }, storyText(sentence))),
      );
      app.story = { ...app.story, defaultAgent: { successes: succeeded, suite, revealed: deployed.scorecard.revealed, failureSeen: shown, weights } };
      status.textContent = t('score.default.playing', { world: deployed.focusIndex + 1 });
      const recording = deployed.recordings[deployed.focusIndex]!;
      await app.stage?.play({ recording, divergeAt: deployed.divergeAt, verdict: deployed.scorecard.successes[deployed.focusIndex] ? 'success' : 'failure' }, 'field');
      if (!cancelled) status.textContent = t('score.default.played', { world: deployed.focusIndex + 1 });
    } catch (error) {
      status.textContent = t('score.default.failed', { reason: (error as Error).message });
    } finally {
      button.disabled = false;
    }
  };
  const element = el('div', { class: 'default-agent' }, el('p', {}, t('score.default.intro')), el('div', { class: 'button-row' }, button), status, results);
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
  const text = (r: number | null) => (r === null ? t('score.teachers.radius.whole') : t('score.teachers.radius.tiles', { count: r }));
  return agent === level ? text(agent) : t('score.teachers.radius.chosen', { agent: text(agent), level: text(level) });
}
