/**
 * The lens's numbers, beside the maps rather than on them: for each map, the
 * tiles it values most — where they are, what stands there, and the value.
 */
import type { World } from '../../core/index';
import { formatHeat } from '../../game/palette';
import { el } from '../dom';
import { kindName, placeText } from '../describe';
import { t } from '../../i18n/index';

/** How many of its most valued tiles each map lists. */
const TOP = 3;

function whatIsAt(world: World, x: number, y: number): string {
  if (world.agentX === x && world.agentY === y) return t('inspect.table.agent');
  const here = world.objects.find((o) => o.x === x && o.y === y);
  return here ? t('inspect.table.object', { colour: here.colour, object: kindName(here.kind) }) : t('inspect.table.empty');
}

/** The `count` floor tiles with the highest values, highest first (ties in reading order). */
export function mostValued(world: World, values: readonly number[], count = TOP): { x: number; y: number; value: number }[] {
  const cells: { x: number; y: number; value: number }[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (world.tiles[i] === 1 || !Number.isFinite(value)) continue;
    cells.push({ x: i % world.width, y: Math.floor(i / world.width), value });
  }
  return cells.sort((a, b) => b.value - a.value || a.y - b.y || a.x - b.x).slice(0, count);
}

export function perWorldValueTable(world: World, maps: readonly { label: string; values: readonly number[] }[], caption: string): HTMLTableElement {
  return el(
    'table',
    { class: 'data-table', id: 'lens-table' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('inspect.table.map')), el('th', { scope: 'col' }, t('inspect.table.top', { count: TOP })))),
    el(
      'tbody',
      {},
      ...maps.map((map) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, el('bdi', {}, map.label)),
          el(
            'td',
            {},
            el(
              'ol',
              { class: 'most-valued' },
              ...mostValued(world, map.values).map((cell) =>
                el('li', {}, t('inspect.table.cell', { place: placeText(cell.x, cell.y), what: whatIsAt(world, cell.x, cell.y), value: formatHeat(cell.value) })),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
