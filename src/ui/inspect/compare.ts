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
import { presenterFold } from '../presenter';

export function renderCompare(inspection: Inspection, host: HTMLElement): void {
  const { app, agent, worlds } = inspection;
  // Every agent on every inspection world: run in the worker, so a heavy level never freezes the page.
  const job = startComparison(app.levelJson(), [...agent.mind.weights], agent.config, worlds);
  void inspection.run(job, 'Comparing the objectives on the training worlds').then((comparison) => {
    if (comparison !== null && host.isConnected) showComparison(inspection, host, comparison);
  });
}

function showComparison(inspection: Inspection, host: HTMLElement, comparison: ObjectiveComparison): void {
  const { level, worlds } = inspection;
  const explained = (id: string) => comparison.matches[id]!.reduce((a, b) => a + b, 0);
  const counts = candidates(level).map((c) => `${candidateName(c)} explains ${explained(c.hypothesis.id)} of ${worlds.length}`);
  const table = el(
    'table',
    { class: 'data-table' },
    el('caption', {}, 'Per training world: the reward earned, and whether each candidate objective predicts how the episode ended'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'World'), el('th', { scope: 'col' }, 'Reward'), ...candidates(level).map((c) => el('th', { scope: 'col' }, candidateName(c))))),
    el(
      'tbody',
      {},
      ...worlds.map((_, i) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, String(i + 1)),
          el('td', {}, comparison.reward[i]!.toFixed(2)),
          ...candidates(level).map((c) => el('td', {}, comparison.matches[c.hypothesis.id]![i] ? '✓ yes' : '✗ no')),
        ),
      ),
    ),
  );
  const chart = perWorldChart(
    [
      { kind: 'bars', label: 'Your reward', values: comparison.reward },
      ...candidates(level).map((c) => ({ kind: 'marks' as const, label: candidateName(c), values: comparison.matches[c.hypothesis.id]!.map((m) => m === 1) })),
    ],
    { title: 'Per training world: the reward earned, and which candidate objectives explain how the episode ended', barLabel: 'reward earned', summary: counts.join('; ') + '.' },
  );
  chart.id = 'compare-chart';
  host.append(
    presenterFold(
      'How to read this comparison',
      el(
        'p',
        {},
        'Over the same training worlds: the reward you wrote, and whether each candidate objective would have ended each episode the same way. When several candidates explain every episode, the reward could not tell them apart. The verdict names the candidates.',
      ),
      el('p', { class: 'hint' }, 'Bars: the reward each world paid (hatched below zero). ✓ in a filled circle: that candidate ends the episode the same way; ✗: it does not.'),
    ),
    chart,
    el('p', { class: 'summary' }, counts.join(' · ')),
    // The chart says the same for the room; the numbers open on demand.
    presenterFold('The numbers, world by world', table),
  );
}
