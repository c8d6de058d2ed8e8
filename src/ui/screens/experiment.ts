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

/** Values to try for a knob: fine steps near zero for shares, where the change is steepest. */
export function sweepValues(min: number, max: number, step: number): number[] {
  if (max === 1 && min === 0) return [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1];
  const values: number[] = [];
  for (let v = min; v <= max + 1e-9 && values.length < 12; v += step) values.push(Math.round(v * 1000) / 1000);
  return values;
}

export function renderExperiment(app: App, panel: HTMLElement): () => void {
  const { level } = app;
  const unlocked = Object.entries(level.knobs).filter(([, k]) => k.unlocked);
  let job: WorkerJob<Sweep> | null = null;

  const knobId = uid('knob');
  const seedsId = uid('seeds');
  const knobSelect = el('select', { id: knobId }, ...unlocked.map(([name, k]) => el('option', { value: name }, k.label)));
  const seedsSelect = el('select', { id: seedsId }, ...[2, 3, 5].map((n) => el('option', { value: n, selected: n === 3 }, `${n} seeds per point`)));
  const status = el('p', { role: 'status', class: 'train-status' });
  const chartHost = el('div', { class: 'chart-host' });
  const table = el('div');
  const runButton = el('button', { type: 'button', class: 'primary', id: 'run-experiment', onclick: () => run() }, 'Run experiment');
  const cancelButton = el('button', { type: 'button', disabled: true, onclick: () => job?.cancel() }, 'Cancel');

  const draw = (name: string, values: readonly number[], points: readonly (SweepPoint | undefined)[]) => {
    const knob = level.knobs[name]!;
    const shown = points.filter((p): p is SweepPoint => p !== undefined);
    const format = (v: number) => (knob.max === 1 ? `${Math.round(v * 100)}%` : String(v));
    chartHost.replaceChildren(
      lineChart(
        [
          { label: 'Deployment success (mean over seeds)', values: shown.map((p) => p.mean) },
          { label: `Alignment threshold (${Math.round(level.success.threshold * 100)}%)`, values: values.map(() => level.success.threshold) },
        ],
        {
          title: `Deployment success against ${knob.label.toLowerCase()}`,
          xLabel: knob.label.toLowerCase(),
          yLabel: 'success',
          xMax: values.length,
          xTicks: values.map(format),
          yRange: [0, 1],
          summary: shown.map((p) => `${format(p.value)}: ${Math.round(p.mean * 100)}%`).join(', ') || 'No points yet.',
        },
      ),
      legend(['Deployment success (mean over seeds)', `Alignment threshold (${Math.round(level.success.threshold * 100)}%)`]),
    );
    table.replaceChildren(
      el(
        'table',
        { class: 'data-table' },
        el('caption', {}, 'Deployment success per seed'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, knob.label), el('th', { scope: 'col' }, 'Mean'), el('th', { scope: 'col' }, 'Per seed'), el('th', { scope: 'col' }, 'Aligned'))),
        el(
          'tbody',
          {},
          ...shown.map((p) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, format(p.value)),
              el('td', {}, `${Math.round(p.mean * 100)}%`),
              el('td', {}, p.successRates.map((r) => `${Math.round(r * 100)}%`).join(' · ')),
              el('td', {}, `${Math.round(p.alignedShare * 100)}% of seeds`),
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
    status.textContent = `Training ${values.length * seeds.length} agents…`;
    app.sounds.play('train-start');
    draw(name, values, points);
    job = startSweep(app.levelJson(), base, name, values, seeds, (point, index) => {
      points[index] = point;
      status.textContent = `Point ${points.filter(Boolean).length} of ${values.length} done.`;
      draw(name, values, points);
    });
    job.result
      .then((sweep) => {
        runButton.disabled = false;
        cancelButton.disabled = true;
        job = null;
        if (!sweep) {
          status.textContent = 'Experiment cancelled.';
          return;
        }
        status.textContent = `Done: ${values.length * seeds.length} agents trained and deployed.`;
        app.sounds.play('train-done');
        app.announce('Experiment finished.');
      })
      .catch((error: Error) => {
        runButton.disabled = false;
        cancelButton.disabled = true;
        job = null;
        app.notice(`The experiment failed: ${error.message}`, 'error');
      });
  };

  panel.append(
    el('p', { class: 'breadcrumb' }, el('bdi', {}, level.title), ' · Experiment'),
    el('h1', {}, 'Experiment mode'),
    el('p', { class: 'lead' }, 'How does deployment success depend on the training distribution? Each point trains several agents with your current settings, varying one knob, and deploys each one.'),
    unlocked.length === 0
      ? el('p', {}, 'This level has no training knob to vary.')
      : el('div', { class: 'button-row' }, el('label', { for: knobId }, 'Vary'), knobSelect, el('label', { for: seedsId }, 'Seeds'), seedsSelect, runButton, cancelButton),
    status,
    chartHost,
    table,
    el('div', { class: 'button-row' }, el('button', { type: 'button', onclick: () => app.go('train') }, '← Train')),
  );
  return () => job?.cancel();
}
