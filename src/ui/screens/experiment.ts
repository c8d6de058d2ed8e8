/**
 * Experiment mode: deployment success against one training knob, trained
 * for real in a worker with several seeds per point — the game's version of
 * `mesa sweep`, and of the plots in the goal-misgeneralization papers.
 */
import type { SweepPoint } from '../../core/index';
import { startSweep, type WorkerJob } from '../../worker/client';
import type { Sweep } from '../../core/sweep';
import type { App } from '../app';
import { trainingConfig } from '../../session/index';
import { legend, lineChart } from '../charts';
import { el, uid } from '../dom';
import { formatList, formatNumber, t, tParts } from '../../i18n/index';
import { knobValueText } from '../describe';
import { displayLevel } from '../levelText';

/** A share as the reader writes a percentage. */
const percent = (share: number) => formatNumber(share, { style: 'percent' });

/** Values to try for a knob: fine steps near zero for shares, where the change is steepest. */
export function sweepValues(min: number, max: number, step: number): number[] {
  if (max === 1 && min === 0) return [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1];
  const values: number[] = [];
  for (let v = min; v <= max + 1e-9 && values.length < 12; v += step) values.push(Math.round(v * 1000) / 1000);
  return values;
}

export function renderExperiment(app: App, panel: HTMLElement): () => void {
  const { level } = app;
  /** The level's text in the reader's language (the engine always runs on `level`). */
  const shown = displayLevel(level);
  const labelOf = (name: string) => (shown.knobs[name] ?? level.knobs[name]!).label;
  const unlocked = Object.entries(level.knobs).filter(([, k]) => k.unlocked);
  let job: WorkerJob<Sweep> | null = null;

  const knobId = uid('knob');
  const seedsId = uid('seeds');
  const knobSelect = el('select', { id: knobId }, ...unlocked.map(([name]) => el('option', { value: name }, labelOf(name))));
  const seedsSelect = el('select', { id: seedsId }, ...[2, 3, 5].map((n) => el('option', { value: n, selected: n === 3 }, t('train.experiment.seedsPerPoint', { count: n }))));
  const status = el('p', { role: 'status', class: 'train-status' });
  const chartHost = el('div', { class: 'chart-host' });
  const table = el('div');
  const runButton = el('button', { type: 'button', class: 'primary', id: 'run-experiment', onclick: () => run() }, t('train.experiment.run'));
  const cancelButton = el('button', { type: 'button', disabled: true, onclick: () => job?.cancel() }, t('train.experiment.cancel'));

  const draw = (name: string, values: readonly number[], points: readonly (SweepPoint | undefined)[]) => {
    const knob = level.knobs[name]!;
    const label = labelOf(name);
    const done = points.filter((p): p is SweepPoint => p !== undefined);
    const format = (v: number) => knobValueText(v, knob.max);
    const seriesLabels = [t('train.experiment.series.success'), t('train.experiment.series.threshold', { threshold: percent(level.success.threshold) })];
    chartHost.replaceChildren(
      lineChart(
        [
          { label: seriesLabels[0]!, values: done.map((p) => p.mean) },
          { label: seriesLabels[1]!, values: values.map(() => level.success.threshold) },
        ],
        {
          title: t('train.experiment.chart.title', { knob: label.toLocaleLowerCase() }),
          xLabel: label.toLocaleLowerCase(),
          yLabel: t('train.experiment.chart.y'),
          xMax: values.length,
          xTicks: values.map(format),
          yRange: [0, 1],
          summary: formatList(done.map((p) => t('train.experiment.chart.point', { value: format(p.value), success: percent(p.mean) }))) || t('train.experiment.chart.empty'),
        },
      ),
      legend(seriesLabels),
    );
    table.replaceChildren(
      el(
        'table',
        { class: 'data-table' },
        el('caption', {}, t('train.experiment.table.caption')),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, label),
            el('th', { scope: 'col' }, t('train.experiment.table.mean')),
            el('th', { scope: 'col' }, t('train.experiment.table.perSeed')),
            el('th', { scope: 'col' }, t('train.experiment.table.aligned')),
          ),
        ),
        el(
          'tbody',
          {},
          ...done.map((p) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, format(p.value)),
              el('td', {}, percent(p.mean)),
              el('td', {}, p.successRates.map(percent).join(' · ')),
              el('td', {}, t('train.experiment.table.alignedShare', { share: percent(p.alignedShare) })),
            ),
          ),
        ),
      ),
    );
  };

  const run = () => {
    const name = knobSelect.value;
    const knob = level.knobs[name]!;
    const values = sweepValues(knob.min, knob.max, knob.step);
    const seeds = Array.from({ length: Number(seedsSelect.value) }, (_, i) => i + 1);
    // The player's other settings stay as they are; only the swept knob varies.
    const config = trainingConfig(app.attempt!);
    const base = { ...config, knobs: Object.fromEntries(Object.entries(config.knobs ?? {}).filter(([k]) => k !== name)) };
    const points: (SweepPoint | undefined)[] = values.map(() => undefined);
    runButton.disabled = true;
    cancelButton.disabled = false;
    status.textContent = t('train.experiment.status.training', { count: values.length * seeds.length });
    app.sounds.play('train-start');
    draw(name, values, points);
    job = startSweep(app.levelJson(), base, name, values, seeds, (point, index) => {
      points[index] = point;
      status.textContent = t('train.experiment.status.point', { done: points.filter(Boolean).length, total: values.length });
      draw(name, values, points);
    });
    job.result
      .then((sweep) => {
        runButton.disabled = false;
        cancelButton.disabled = true;
        job = null;
        if (!sweep) {
          status.textContent = t('train.experiment.status.cancelled');
          return;
        }
        status.textContent = t('train.experiment.status.done', { count: values.length * seeds.length });
        app.sounds.play('train-done');
        app.announce(t('train.experiment.announce.finished'));
      })
      .catch((error: Error) => {
        runButton.disabled = false;
        cancelButton.disabled = true;
        job = null;
        app.notice(t('train.experiment.notice.failed', { error: error.message }), 'error');
      });
  };

  panel.append(
    el('p', { class: 'breadcrumb' }, ...tParts<HTMLElement>('train.experiment.breadcrumb', { level: el('bdi', {}, shown.title) })),
    el('h1', {}, t('train.experiment.heading')),
    el('p', { class: 'lead' }, t('train.experiment.lead')),
    unlocked.length === 0
      ? el('p', {}, t('train.experiment.noKnob'))
      : el(
          'div',
          { class: 'button-row' },
          el('label', { for: knobId }, t('train.experiment.vary')),
          knobSelect,
          el('label', { for: seedsId }, t('train.experiment.seeds')),
          seedsSelect,
          runButton,
          cancelButton,
        ),
    status,
    chartHost,
    table,
    el('div', { class: 'button-row' }, el('button', { type: 'button', onclick: () => app.go('train') }, t('train.experiment.back'))),
  );
  return () => job?.cancel();
}
