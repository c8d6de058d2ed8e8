/**
 * Score: the scoring engine checks the player's verdict against what the engine measured.
 */
import { scoreReport, type FailureKind, UNEXPLAINED } from '../../core/index';
import { defaultEpisodes } from '../../session/index';
import type { App } from '../app';
import { el } from '../dom';
import { conceptLabel } from '../describe';
import { sharePanel } from '../share';
import { presenterFold } from '../presenter';
import { objectiveLabel } from './objectives';

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
      presenterFold(
        'Read the explanation',
        el('p', {}, level.agent.inductiveBias.explanation),
        el('p', { class: 'hint' }, `View radius: ${level.agent.viewRadius ?? 'whole world'}; discount ${level.agent.discount}; weight decay ${level.agent.inductiveBias.weightDecay}.`),
      ),
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
