/**
 * The Compare objectives tab: over the same training worlds, the reward the
 * player wrote and whether each candidate objective explains how each
 * episode ended — run in the worker, drawn as one column per world.
 */
import { candidateName, candidates } from '../candidates';
import type { ObjectiveComparison } from '../../core/index';
import { startComparison } from '../../worker/client';
import { perWorldChart } from '../charts';
import { el } from '../dom';
import type { Inspection } from './context';
import { formatDecimals, formatNumber, t } from '../../i18n/index';
import { presenterFold } from '../presenter';

export function renderCompare(inspection: Inspection, host: HTMLElement): void {
  const { app, agent, worlds } = inspection;
  // Every agent on every inspection world: run in the worker, so a heavy level never freezes the page.
  const job = startComparison(app.levelJson(), [...agent.mind.weights], agent.config, worlds);
  void inspection.run(job, t('inspect.compare.running')).then((comparison) => {
    if (comparison !== null && host.isConnected) showComparison(inspection, host, comparison);
  });
}

function showComparison(inspection: Inspection, host: HTMLElement, comparison: ObjectiveComparison): void {
  const { level, worlds } = inspection;
  const explained = (id: string) => comparison.matches[id]!.reduce((a, b) => a + b, 0);
  const counts = candidates(level).map((c) => t('inspect.compare.explains', { candidate: candidateName(c), explained: explained(c.hypothesis.id), worlds: worlds.length }));
  const table = el(
    'table',
    { class: 'data-table' },
    el('caption', {}, t('inspect.compare.caption')),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, t('inspect.compare.world')),
        el('th', { scope: 'col' }, t('inspect.compare.reward')),
        ...candidates(level).map((c) => el('th', { scope: 'col' }, candidateName(c))),
      ),
    ),
    el(
      'tbody',
      {},
      ...worlds.map((_, i) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, formatNumber(i + 1)),
          el('td', {}, formatDecimals(comparison.reward[i]!, 2)),
          ...candidates(level).map((c) => el('td', {}, t(comparison.matches[c.hypothesis.id]![i] ? 'inspect.compare.yes' : 'inspect.compare.no'))),
        ),
      ),
    ),
  );
  const chart = perWorldChart(
    [
      { kind: 'bars', label: t('inspect.compare.yourReward'), values: comparison.reward },
      ...candidates(level).map((c) => ({ kind: 'marks' as const, label: candidateName(c), values: comparison.matches[c.hypothesis.id]!.map((m) => m === 1) })),
    ],
    { title: t('inspect.compare.chartTitle'), barLabel: t('inspect.compare.barLabel'), summary: t('inspect.compare.summary', { counts: counts.join('; ') }) },
  );
  chart.id = 'compare-chart';
  host.append(
    presenterFold(t('inspect.compare.fold'), el('p', {}, t('inspect.compare.text')), el('p', { class: 'hint' }, t('inspect.compare.hint'))),
    chart,
    el('p', { class: 'summary' }, counts.join(' · ')),
    // The chart says the same for the room; the numbers open on demand.
    presenterFold(t('inspect.compare.tableFold'), table),
  );
}
