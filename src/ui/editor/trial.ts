/**
 * Trying a level from the editor: test-train it with its defaults, or check
 * its lesson's claims on a few seeds. Both run in the worker; what they
 * report is drawn into the results element as it arrives. The level must be
 * valid; nothing here edits it.
 */
import { canonicalLevel, type Level } from '../../core/index';
import { addEnglish, formatDecimals, formatNumber, t } from '../../i18n/index';
import { startCheck, startTraining, type WorkerJob } from '../../worker/client';
import { lineChart } from '../charts';
import { weightLabel } from '../describe';
import { el } from '../dom';
import { editor } from '../../i18n/en/editor';

// This screen's words load with it.
addEnglish(editor);

/** Lesson checks train every claim on these seeds: enough to catch a lesson that holds by luck. */
export const CHECK_SEEDS: readonly number[] = [1, 2, 3];
/** The seed test-training uses. */
const TEST_SEED = 1;

export interface TrialHooks {
  /** Says something to screen readers. */
  announce(text: string): void;
  /** The job ended (finished, cancelled or failed). */
  ended(job: WorkerJob<unknown>): void;
}

/** Trains the level with its defaults on one seed: progress, then the learning curve and the learned weights. */
export function testTrain(level: Level, results: HTMLElement, hooks: TrialHooks): WorkerJob<unknown> {
  const progress = el('progress', { max: level.training.generations, value: 0, 'aria-label': t('editor.train.progress') });
  const status = el('p', { role: 'status' }, t('editor.train.started', { seed: String(TEST_SEED) }));
  const chart = el('div', { class: 'chart-host' });
  results.replaceChildren(el('h3', {}, t('editor.train.heading')), progress, status, chart);
  const running = startTraining(
    canonicalLevel(level),
    {},
    TEST_SEED,
    (p) => {
      progress.value = p.generation;
      status.textContent = t('editor.train.generation', { generation: p.generation, generations: p.generations, reward: formatDecimals(p.meanReward, 2) });
    },
    0,
  );
  running.result
    .then((agent) => {
      if (!agent) return void (status.textContent = t('editor.train.cancelled'));
      const first = formatDecimals(agent.curve[0]!, 2);
      const last = formatDecimals(agent.curve.at(-1)!, 2);
      status.textContent = t('editor.train.done', { episodes: agent.episodes, reward: last });
      chart.replaceChildren(
        lineChart([{ label: t('editor.train.series'), values: agent.curve }], {
          title: t('editor.train.chartTitle'),
          xLabel: t('editor.train.xLabel'),
          yLabel: t('editor.train.yLabel'),
          xMax: agent.curve.length,
          summary: t('editor.train.chartSummary', { from: first, to: last }),
        }),
        el('h4', {}, t('editor.train.weights')),
        el(
          'ul',
          { class: 'weight-list', id: 'editor-weights' },
          ...agent.names.map((n, i) => el('li', {}, t('editor.train.weight', { weight: weightLabel(n), value: formatDecimals(agent.weights[i]!, 3) }))),
        ),
      );
      hooks.announce(t('editor.train.finished'));
    })
    .catch((error: Error) => void (status.textContent = t('editor.train.failed', { error: error.message })))
    .finally(() => hooks.ended(running));
  return running;
}

/** Trains a real agent for every claim on every check seed, then lists which claims hold. */
export function checkLesson(level: Level, results: HTMLElement, hooks: TrialHooks): WorkerJob<unknown> {
  const seeds = CHECK_SEEDS.map(String);
  const status = el('p', { role: 'status' }, t('editor.check.started', { count: level.lesson.claims.length, seeds }));
  results.replaceChildren(el('h3', {}, t('editor.check.heading')), status);
  const running = startCheck(canonicalLevel(level), [...CHECK_SEEDS]);
  running.result
    .then((report) => {
      if (!report) return void (status.textContent = t('editor.check.cancelled'));
      const held = report.claims.filter((c) => c.holds).length;
      status.textContent = t('editor.check.summary', { held, count: report.claims.length });
      results.append(
        el(
          'ul',
          { class: 'claim-list', id: 'editor-claims' },
          ...report.claims.map((c) =>
            el(
              'li',
              { 'data-holds': String(c.holds) },
              el('span', { class: c.holds ? 'mark ok' : 'mark bad', 'aria-hidden': 'true' }, c.holds ? '✓' : '✗'),
              ' ',
              el('strong', {}, c.holds ? t('editor.check.holds') : t('editor.check.fails')),
              ' ',
              el('bdi', {}, c.name),
              el('br'),
              el(
                'small',
                {},
                c.seeds
                  .map((r) =>
                    t('editor.check.seed', {
                      seed: String(r.seed),
                      outcome: r.holds ? t('editor.check.seedHolds') : t('editor.check.seedFails'),
                      revealed: r.revealed,
                      aligned: r.aligned ? t('editor.claim.isAligned') : t('editor.claim.notAligned'),
                      success: formatNumber(r.successRate, { style: 'percent', maximumFractionDigits: 0 }),
                    }),
                  )
                  .join('; '),
              ),
            ),
          ),
        ),
      );
      hooks.announce(t('editor.check.finished', { held, count: report.claims.length }));
    })
    .catch((error: Error) => void (status.textContent = t('editor.check.failed', { error: error.message })))
    .finally(() => hooks.ended(running));
  return running;
}
