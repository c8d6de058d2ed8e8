/**
 * The Lens tab: the agent's learned weights, and how much it values every
 * tile of a world — a training world or the player's own probe world — next
 * to the map each candidate goal would give. The maps are computed in the
 * worker; the numbers sit in a table beside them, never on the tiles.
 */
import { candidates, type Candidate } from '../candidates';

import type { LensMaps, World } from '../../core/index';
import { lensLeft, openLens } from '../../session/index';
import { perWorldValueTable } from './valueTable';
import { valueMapChart, valueScale, weightBars } from '../charts';
import { el } from '../dom';
import { weightLabel } from '../describe';
import { PROBE_WORLD, type Inspection } from './context';
import { t } from '../../i18n/index';
import { termQuestion } from '../glossary';
import { presenterFold } from '../presenter';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** "If it wanted what candidate B wants": a candidate's map, named by its letter. */
const ifWanted = (candidate: Candidate) => t('inspect.lens.ifWanted', { letter: candidate.letter });

export function renderLens(inspection: Inspection, host: HTMLElement): void {
  const { app, level, agent, worlds } = inspection;
  const mind = agent.mind;
  if (!inspection.current().lensOpen) {
    const open = el(
      'button',
      {
        type: 'button',
        class: 'primary',
        id: 'open-lens',
        disabled: lensLeft(inspection.current()) === 0,
        onclick: () => {
          if (!app.dispatch(openLens(inspection.current()))) return;
          inspection.refreshBudget();
          app.sounds.play('lens');
          host.replaceChildren();
          renderLens(inspection, host);
        },
      },
      t('inspect.lens.open', { count: lensLeft(inspection.current()) }),
    );
    host.append(el('p', {}, t('inspect.lens.text')), el('div', { class: 'button-row' }, open));
    return;
  }
  const bars = weightBars(
    mind.names.map((n, i) => ({ label: weightLabel(n), value: mind.weights[i]! })),
    t('inspect.lens.weights'),
  );
  const maps = el('div', { class: 'heatmaps', id: 'lens-maps', 'aria-live': 'polite' });
  const table = el('div', { class: 'lens-table' });
  const worldOf = (index: number): { world: World; name: string } =>
    index === PROBE_WORLD
      ? { world: inspection.probe.world, name: inspection.probe.edited ? t('inspect.lens.probeWorld') : t('inspect.lens.probeCopy', { number: inspection.probe.base + 1 }) }
      : { world: worlds[index]!, name: t('inspect.lens.trainingWorld', { number: index + 1 }) };
  /** Counts draws, so a slower earlier one never finishes over a later one. */
  let drawn = 0;
  const draw = async (index: number) => {
    const mine = ++drawn;
    inspection.lensWorld = index;
    const { world, name } = worldOf(index);
    app.stage?.showWorld(world, 'lab');
    maps.dataset.world = String(index);
    maps.dataset.ready = 'false';
    const read = await inspection.lensMaps(world, t('inspect.lens.reading', { world: name }));
    if (!read || !host.isConnected || drawn !== mine) return;
    if (await show(read, world, name, () => host.isConnected && drawn === mine)) maps.dataset.ready = 'true';
  };
  /** Draws this agent's map, then one candidate's map per task, so a large level never blocks the page; false if replaced meanwhile. */
  const show = async (read: LensMaps, world: World, name: string, current: () => boolean): Promise<boolean> => {
    app.stage?.showHeatmap(read.agent);
    const figure = (values: readonly number[], caption: string, big = false) =>
      el('figure', { class: big ? 'value-map mine' : 'value-map' }, valueMapChart(values, world, caption), el('figcaption', {}, caption));
    maps.replaceChildren(figure(read.agent, t('inspect.lens.thisAgent'), true));
    for (const c of candidates(level)) {
      await nextTask();
      if (!current()) return false;
      maps.append(figure(read.hypotheses[level.hypotheses.indexOf(c.hypothesis)]!, ifWanted(c)));
    }
    table.replaceChildren(
      perWorldValueTable(
        world,
        [{ label: t('inspect.lens.thisAgent'), values: read.agent }, ...candidates(level).map((c) => ({ label: ifWanted(c), values: read.hypotheses[level.hypotheses.indexOf(c.hypothesis)]! }))],
        t('inspect.lens.tableCaption', { world: name }),
      ),
    );
    return true;
  };
  const { picker, field } = inspection.worldPicker((i) => void draw(i), t('inspect.lens.mapsFor'), { withProbe: true, id: 'lens-world' });
  picker.value = String(inspection.lensWorld);
  host.append(
    el('h2', { class: 'sub' }, t('inspect.lens.weightsHeading')),
    bars,
    el('p', { class: 'hint weights-hint' }, t('inspect.lens.weightsHint')),
    termQuestion('interpretability') ?? '',
    el('h2', { class: 'sub' }, t('inspect.lens.valueHeading')),
    presenterFold(t('inspect.lens.fold'), el('p', { class: 'hint' }, t('inspect.lens.valueHint'))),
    field,
    valueScale(),
    maps,
    // The maps show the room the same; the numbers open on demand.
    presenterFold(t('inspect.lens.tableFold'), table),
  );
  void draw(inspection.lensWorld);
}
