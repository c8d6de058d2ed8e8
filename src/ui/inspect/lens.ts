/**
 * The Lens tab: the agent's learned weights, and how much it values every
 * tile of a world — a training world or the player's own probe world — next
 * to the map each candidate goal would give. The maps are computed in the
 * worker; the numbers sit in a table beside them, never on the tiles.
 */
import { candidateName, candidates } from '../candidates';
import type { LensMaps, World } from '../../core/index';
import { lensLeft, openLens } from '../../session/index';
import { perWorldValueTable } from './valueTable';
import { valueMapChart, valueScale, weightBars } from '../charts';
import { el } from '../dom';
import { weightLabel } from '../describe';
import { PROBE_WORLD, type Inspection } from './context';
import { presenterFold } from '../presenter';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
      `Look through the lens (uses 1 of ${lensLeft(inspection.current())} left)`,
    );
    host.append(
      el('p', {}, 'The lens reads the agent’s goal directly: its learned weights, and how much it values every tile. Behaviour can look the same for different goals; weights do not.'),
      el('div', { class: 'button-row' }, open),
    );
    return;
  }
  const bars = weightBars(
    mind.names.map((n, i) => ({ label: weightLabel(n), value: mind.weights[i]! })),
    'The agent’s learned weights (its mesa-objective)',
  );
  const maps = el('div', { class: 'heatmaps', id: 'lens-maps', 'aria-live': 'polite' });
  const table = el('div', { class: 'lens-table' });
  const worldOf = (index: number): { world: World; name: string } =>
    index === PROBE_WORLD
      ? { world: inspection.probe.world, name: inspection.probe.edited ? 'your probe world' : `your probe world (still a copy of training world ${inspection.probe.base + 1})` }
      : { world: worlds[index]!, name: `training world ${index + 1}` };
  /** Counts draws, so a slower earlier one never finishes over a later one. */
  let drawn = 0;
  const draw = async (index: number) => {
    const mine = ++drawn;
    inspection.lensWorld = index;
    const { world, name } = worldOf(index);
    app.stage?.showWorld(world, 'lab');
    maps.dataset.world = String(index);
    maps.dataset.ready = 'false';
    const read = await inspection.lensMaps(world, `Reading ${name} through the lens`);
    if (!read || !host.isConnected || drawn !== mine) return;
    if (await show(read, world, name, () => host.isConnected && drawn === mine)) maps.dataset.ready = 'true';
  };
  /** Draws this agent's map, then one candidate's map per task, so a large level never blocks the page; false if replaced meanwhile. */
  const show = async (read: LensMaps, world: World, name: string, current: () => boolean): Promise<boolean> => {
    app.stage?.showHeatmap(read.agent);
    const figure = (values: readonly number[], caption: string, big = false) =>
      el('figure', { class: big ? 'value-map mine' : 'value-map' }, valueMapChart(values, world, caption), el('figcaption', {}, caption));
    maps.replaceChildren(figure(read.agent, 'This agent', true));
    for (const c of candidates(level)) {
      await nextTask();
      if (!current()) return false;
      maps.append(figure(read.hypotheses[level.hypotheses.indexOf(c.hypothesis)]!, `If it wanted what ${candidateName(c).toLowerCase()} wants`));
    }
    table.replaceChildren(
      perWorldValueTable(
        world,
        [
          { label: 'This agent', values: read.agent },
          ...candidates(level).map((c) => ({ label: `If it wanted what ${candidateName(c).toLowerCase()} wants`, values: read.hypotheses[level.hypotheses.indexOf(c.hypothesis)]! })),
        ],
        `The tiles each map values most in ${name}`,
      ),
    );
    return true;
  };
  const { picker, field } = inspection.worldPicker((i) => void draw(i), 'Value maps for', { withProbe: true, id: 'lens-world' });
  picker.value = String(inspection.lensWorld);
  host.append(
    el('h2', { class: 'sub' }, 'Learned weights'),
    bars,
    el('p', { class: 'hint weights-hint' }, 'Solid bars pull the agent toward a feature; hatched bars push it away.'),
    el('h2', { class: 'sub' }, 'Value of each tile'),
    presenterFold(
      'How to read the maps',
      el(
        'p',
        { class: 'hint' },
        'How much the agent values each tile (brighter, bigger dot: valued more), on the stage and below, beside the map each candidate goal would give. The table lists the numbers.',
      ),
    ),
    field,
    valueScale(),
    maps,
    // The maps show the room the same; the numbers open on demand.
    presenterFold('The most valued tiles, in numbers', table),
  );
  void draw(inspection.lensWorld);
}
