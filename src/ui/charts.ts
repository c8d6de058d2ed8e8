/**
 * Small charts drawn from numbers the core returns: the learning curve,
 * the lens's weight bars and value maps, and the objectives comparison (SVG,
 * except the value maps, which are canvases). Series
 * differ by marker shape and dash as well as colour, and every chart carries
 * a text summary for screen readers.
 */
import { formatHeat, heatColour, heatRange } from '../game/palette';
import { svg } from './dom';
import { formatDecimals, formatNumber, t } from '../i18n/index';

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond';
export const SERIES_STYLE: readonly { colour: string; marker: Marker; dash: string }[] = [
  { colour: '#0072B2', marker: 'circle', dash: '' },
  { colour: '#D55E00', marker: 'square', dash: '8 4' },
  { colour: '#009E73', marker: 'triangle', dash: '2 4' },
  { colour: '#CC79A7', marker: 'diamond', dash: '12 4 2 4' },
];

export interface Series {
  readonly label: string;
  readonly values: readonly number[];
}

function markerPath(marker: Marker, x: number, y: number, r: number): string {
  switch (marker) {
    case 'circle':
      return `M ${x - r} ${y} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0`;
    case 'square':
      return `M ${x - r} ${y - r} h ${2 * r} v ${2 * r} h ${-2 * r} Z`;
    case 'triangle':
      return `M ${x} ${y - r * 1.2} L ${x + r * 1.1} ${y + r} L ${x - r * 1.1} ${y + r} Z`;
    case 'diamond':
      return `M ${x} ${y - r * 1.3} L ${x + r * 1.3} ${y} L ${x} ${y + r * 1.3} L ${x - r * 1.3} ${y} Z`;
  }
}

/** A tick's number: fewer decimals the larger it is, in the reader's digits. */
const fmt = (v: number) => {
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return formatNumber(v, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
};

export interface LineChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Fixed x extent (e.g. the number of generations planned), so a growing curve doesn't rescale. */
  readonly xMax?: number;
  readonly yRange?: readonly [number, number];
  /** Labels for the x positions 0, 1, 2, …; without them only the axis label is drawn. */
  readonly xTicks?: readonly string[];
  readonly summary: string;
}

export function lineChart(series: readonly Series[], options: LineChartOptions): SVGSVGElement {
  const W = 560;
  const H = 260;
  const pad = { left: 64, right: 30, top: 16, bottom: 48 };
  const all = series.flatMap((s) => s.values);
  let [lo, hi] = options.yRange ?? [Math.min(0, ...all), Math.max(1, ...all)];
  if (hi - lo < 1e-9) hi = lo + 1;
  const n = Math.max(options.xMax ?? 0, ...series.map((s) => s.values.length), 2);
  const x = (i: number) => pad.left + (i / (n - 1)) * (W - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - (v - lo) / (hi - lo)) * (H - pad.top - pad.bottom);

  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('inspect.chart.label', { title: options.title, summary: options.summary }), class: 'chart' });
  root.append(svg('rect', { x: pad.left, y: pad.top, width: W - pad.left - pad.right, height: H - pad.top - pad.bottom, class: 'chart-bg' }));
  for (const v of [lo, (lo + hi) / 2, hi]) {
    root.append(svg('line', { x1: pad.left, x2: W - pad.right, y1: y(v), y2: y(v), class: 'chart-grid' }));
    root.append(svg('text', { x: pad.left - 8, y: y(v) + 6, 'text-anchor': 'end', class: 'chart-tick' }, fmt(v)));
  }
  options.xTicks?.forEach((tick, i) => root.append(svg('text', { x: x(i), y: H - pad.bottom + 18, 'text-anchor': 'middle', class: 'chart-tick' }, tick)));
  root.append(svg('text', { x: (W + pad.left) / 2, y: H - 6, 'text-anchor': 'middle', class: 'chart-label' }, options.xLabel));
  root.append(svg('text', { x: 16, y: (H - pad.bottom + pad.top) / 2, transform: `rotate(-90 16 ${(H - pad.bottom + pad.top) / 2})`, 'text-anchor': 'middle', class: 'chart-label' }, options.yLabel));

  series.forEach((s, k) => {
    const style = SERIES_STYLE[k % SERIES_STYLE.length]!;
    if (s.values.length === 0) return;
    const d = s.values.map((v, i) => `${i === 0 ? 'M' : 'L'} ${x(i).toFixed(1)} ${y(v).toFixed(1)}`).join(' ');
    root.append(svg('path', { d, fill: 'none', stroke: style.colour, 'stroke-width': 3, 'stroke-dasharray': style.dash || null }));
    const every = Math.max(1, Math.ceil(s.values.length / 12));
    s.values.forEach((v, i) => {
      if (i % every === 0 || i === s.values.length - 1) {
        root.append(svg('path', { d: markerPath(style.marker, x(i), y(v), 5), fill: style.colour, stroke: '#fff', 'stroke-width': 1.5 }));
      }
    });
  });
  return root;
}

/** A legend that names each series beside its marker and line style. */
export function legend(labels: readonly string[]): SVGSVGElement {
  const rowH = 28;
  const root = svg('svg', { viewBox: `0 0 560 ${rowH * labels.length + 4}`, class: 'legend', 'aria-hidden': 'true' });
  labels.forEach((label, k) => {
    const style = SERIES_STYLE[k % SERIES_STYLE.length]!;
    const cy = rowH * k + rowH / 2 + 2;
    root.append(svg('line', { x1: 4, x2: 44, y1: cy, y2: cy, stroke: style.colour, 'stroke-width': 3, 'stroke-dasharray': style.dash || null }));
    root.append(svg('path', { d: markerPath(style.marker, 24, cy, 6), fill: style.colour, stroke: '#fff', 'stroke-width': 1.5 }));
    root.append(svg('text', { x: 56, y: cy + 6, class: 'chart-label' }, label));
  });
  return root;
}

/**
 * Signed horizontal bars around a zero line: the agent's learned weights.
 * Three columns — label, bar, value — so long labels never meet the numbers.
 */
export function weightBars(weights: readonly { label: string; value: number }[], title: string): SVGSVGElement {
  const W = 640;
  const rowH = 40;
  const labelW = 290;
  const valueW = 70;
  const H = rowH * weights.length + 12;
  const max = Math.max(0.5, ...weights.map((w) => Math.abs(w.value)));
  const barLeft = labelW + 10;
  const barRight = W - valueW - 10;
  const mid = (barLeft + barRight) / 2;
  const scale = (barRight - barLeft) / 2 / max;
  const summary = weights.map((w) => t(w.value >= 0 ? 'inspect.chart.weight.plus' : 'inspect.chart.weight.minus', { label: w.label, value: formatDecimals(Math.abs(w.value), 2) }));
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('inspect.chart.weights', { title, weights: summary }), class: 'chart' });
  root.append(hatchDefs('hatch', 8, 2, { fill: '#fbe3d0' }, { fill: '#D55E00' }));
  root.append(svg('line', { x1: mid, x2: mid, y1: 0, y2: H, class: 'chart-axis' }));
  weights.forEach((w, i) => {
    const cy = i * rowH + rowH / 2 + 4;
    const len = Math.abs(w.value) * scale;
    const positive = w.value >= 0;
    root.append(svg('text', { x: labelW, y: cy + 6, 'text-anchor': 'end', class: 'chart-label' }, w.label));
    // Positive bars are solid, negative ones hatched: the sign reads without colour.
    root.append(
      svg('rect', {
        x: positive ? mid : mid - len,
        y: cy - 12,
        width: Math.max(1, len),
        height: 24,
        fill: positive ? '#0072B2' : 'url(#hatch)',
        stroke: positive ? '#0072B2' : '#D55E00',
        'stroke-width': 2,
      }),
    );
    root.append(svg('text', { x: W - 4, y: cy + 6, 'text-anchor': 'end', class: 'chart-value' }, `${positive ? '+' : '−'}${formatDecimals(Math.abs(w.value), 2)}`));
  });
  return root;
}

const hex = (rgb: number) => `#${rgb.toString(16).padStart(6, '0')}`;

/** The side of a value-map cell, in CSS pixels: a 32×32 map is still 15 px a tile. */
export function valueMapCell(width: number, height: number): number {
  return Math.max(15, Math.min(40, Math.floor(480 / Math.max(width, height))));
}

/**
 * A value map: each tile coloured on the ramp (brighter = valued more) with a
 * dot whose size grows with the value — a shape, so it reads without colour.
 * Walls are grey crosses. No numbers on the tiles; the panel lists them.
 * Drawn on a canvas (a 32×32 map with eight candidates is thousands of
 * shapes, too many for SVG nodes), at the screen's pixel density.
 */
export function valueMapChart(
  values: readonly number[],
  world: { readonly width: number; readonly height: number; readonly tiles: ArrayLike<number>; readonly agentX: number; readonly agentY: number },
  title: string,
): HTMLCanvasElement {
  const { width, height } = world;
  const cell = valueMapCell(width, height);
  const isWall = (i: number) => world.tiles[i] === 1;
  const range = heatRange(values, isWall);
  const W = width * cell;
  const H = height * cell;
  const density = Math.min(2, Math.max(1, globalThis.devicePixelRatio || 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(W * density);
  canvas.height = Math.round(H * density);
  canvas.style.width = `${W}px`;
  canvas.className = 'heatmap';
  canvas.dataset.cell = String(cell);
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', t('inspect.chart.valueMap', { title, min: formatHeat(range.min), max: formatHeat(range.max) }));
  const g = canvas.getContext('2d');
  if (!g) return canvas;
  g.scale(density, density);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const v = values[i] ?? 0;
      const left = x * cell;
      const top = y * cell;
      if (isWall(i) || !Number.isFinite(v)) {
        g.fillStyle = '#8a8f98';
        g.fillRect(left, top, cell - 1, cell - 1);
        g.strokeStyle = '#5a5f68';
        g.lineWidth = 1.5;
        g.beginPath();
        g.moveTo(left + 3, top + 3);
        g.lineTo(left + cell - 4, top + cell - 4);
        g.moveTo(left + cell - 4, top + 3);
        g.lineTo(left + 3, top + cell - 4);
        g.stroke();
        continue;
      }
      const t = range.normalise(v);
      g.fillStyle = hex(heatColour(t));
      g.fillRect(left, top, cell - 1, cell - 1);
      g.fillStyle = t > 0.6 ? '#1d2430' : '#ffffff';
      g.beginPath();
      g.arc(left + (cell - 1) / 2, top + (cell - 1) / 2, (cell - 1) * (0.08 + 0.3 * Math.sqrt(t)), 0, 2 * Math.PI);
      g.fill();
    }
  }
  const ax = world.agentX * cell + 1.5;
  const ay = world.agentY * cell + 1.5;
  g.lineWidth = 3;
  g.strokeStyle = '#ffffff';
  g.setLineDash([4, 2]);
  g.strokeRect(ax, ay, cell - 4, cell - 4);
  g.setLineDash([]);
  g.lineWidth = 1;
  g.strokeStyle = '#1d2430';
  g.strokeRect(ax, ay, cell - 4, cell - 4);
  return canvas;
}

/** The key to every value map: the ramp and the dot size, from "valued least" to "valued most", and the wall and agent marks. */
export function valueScale(): SVGSVGElement {
  const steps = 8;
  const box = 40;
  const left = 4;
  const root = svg('svg', {
    viewBox: '0 0 560 112',
    class: 'legend value-scale',
    role: 'img',
    'aria-label': t('inspect.chart.key'),
  });
  for (let k = 0; k < steps; k++) {
    const t = k / (steps - 1);
    const x = left + k * (box + 4);
    root.append(svg('rect', { x, y: 4, width: box, height: box, fill: hex(heatColour(t)) }));
    root.append(svg('circle', { cx: x + box / 2, cy: 4 + box / 2, r: box * (0.08 + 0.3 * Math.sqrt(t)), fill: t > 0.6 ? '#1d2430' : '#ffffff' }));
  }
  const rampEnd = left + steps * (box + 4) - 4;
  root.append(svg('text', { x: left, y: 68, class: 'chart-label' }, t('inspect.chart.least')));
  root.append(svg('text', { x: rampEnd, y: 68, 'text-anchor': 'end', class: 'chart-label' }, t('inspect.chart.most')));
  const wallX = rampEnd + 30;
  root.append(svg('rect', { x: wallX, y: 4, width: box, height: box, fill: '#8a8f98' }));
  root.append(svg('path', { d: `M ${wallX + 3} 7 l ${box - 6} ${box - 6} m 0 ${-(box - 6)} l ${-(box - 6)} ${box - 6}`, stroke: '#5a5f68', 'stroke-width': 1.5 }));
  root.append(svg('text', { x: wallX + box / 2, y: 68, 'text-anchor': 'middle', class: 'chart-label' }, t('inspect.chart.wall')));
  const agentX = wallX + box + 50;
  root.append(svg('rect', { x: agentX, y: 5.5, width: box - 3, height: box - 3, fill: '#5b6472', stroke: '#fff', 'stroke-width': 3, 'stroke-dasharray': '4 2' }));
  root.append(svg('text', { x: agentX + box / 2, y: 68, 'text-anchor': 'middle', class: 'chart-label' }, t('inspect.chart.agent')));
  root.append(svg('text', { x: left, y: 100, class: 'chart-tick' }, t('inspect.chart.ownRange')));
  return root;
}

/** One row of a per-world chart: a value per world, drawn as a bar (a number) or a mark (yes / no). */
export type WorldRow = { readonly kind: 'bars'; readonly label: string; readonly values: readonly number[] } | { readonly kind: 'marks'; readonly label: string; readonly values: readonly boolean[] };

/**
 * A chart with one column per world ("world 1…n"): a bar row for a measured
 * number, then one row of ✓ / ✗ marks per yes-or-no question. Marks differ
 * in shape (filled circle with a tick, hollow cross), not colour alone.
 */
export function perWorldChart(rows: readonly WorldRow[], options: { readonly title: string; readonly barLabel: string; readonly summary: string }): SVGSVGElement {
  const worlds = Math.max(1, ...rows.map((r) => r.values.length));
  const labelW = 170;
  const colW = Math.max(30, Math.min(64, Math.floor(380 / worlds)));
  const W = labelW + worlds * colW + 12;
  const barH = 100;
  const markH = 40;
  const barRows = rows.filter((r) => r.kind === 'bars');
  const markRows = rows.filter((r) => r.kind === 'marks');
  const top = 20;
  const H = top + barRows.length * (barH + 16) + markRows.length * markH + 56;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('inspect.chart.label', { title: options.title, summary: options.summary }), class: 'chart per-world-chart' });
  const cx = (i: number) => labelW + i * colW + colW / 2;
  let y0 = top;
  for (const row of barRows) {
    const values = row.values as readonly number[];
    const lo = Math.min(0, ...values);
    const hi = Math.max(lo + 1e-9, ...values);
    const y = (v: number) => y0 + (1 - (v - lo) / (hi - lo)) * barH;
    root.append(svg('text', { x: 4, y: y0 + barH / 2 - 4, class: 'chart-label' }, row.label));
    root.append(svg('text', { x: 4, y: y0 + barH / 2 + 18, class: 'chart-tick' }, t('inspect.chart.barLabel', { label: options.barLabel })));
    for (const v of hi > lo ? [lo, hi] : [lo]) {
      root.append(svg('line', { x1: labelW - 4, x2: W - 8, y1: y(v), y2: y(v), class: 'chart-grid' }));
      root.append(svg('text', { x: labelW - 8, y: y(v) + 5, 'text-anchor': 'end', class: 'chart-tick' }, fmt(v)));
    }
    values.forEach((v, i) => {
      const yTop = Math.min(y(v), y(0));
      const h = Math.max(1, Math.abs(y(v) - y(0)));
      root.append(
        svg('rect', { x: cx(i) - colW * 0.3, y: yTop, width: colW * 0.6, height: h, fill: v >= 0 ? '#0072B2' : 'url(#hatch-world)', stroke: v >= 0 ? '#0072B2' : '#D55E00', 'stroke-width': 2 }),
      );
    });
    y0 += barH + 16;
  }
  root.prepend(hatchDefs('hatch-world', 8, 2, { fill: '#fbe3d0' }, { fill: '#D55E00' }));
  for (const row of markRows) {
    const cy = y0 + markH / 2;
    root.append(svg('line', { x1: labelW - 4, x2: W - 8, y1: y0, y2: y0, class: 'chart-grid' }));
    const short = row.label.length > 19 ? `${row.label.slice(0, 18)}…` : row.label;
    root.append(svg('text', { x: labelW - 8, y: cy + 5, 'text-anchor': 'end', class: 'chart-tick' }, svg('title', {}, row.label), short));
    (row.values as readonly boolean[]).forEach((yes, i) => {
      const x = cx(i);
      const r = Math.min(12, colW / 3);
      if (yes) {
        root.append(svg('circle', { cx: x, cy, r, fill: '#009E73' }));
        root.append(svg('path', { d: `M ${x - r * 0.5} ${cy} l ${r * 0.35} ${r * 0.4} l ${r * 0.65} ${-r * 0.8}`, stroke: '#fff', 'stroke-width': 3, fill: 'none' }));
      } else {
        root.append(svg('path', { d: `M ${x - r * 0.7} ${cy - r * 0.7} l ${r * 1.4} ${r * 1.4} m 0 ${-r * 1.4} l ${-r * 1.4} ${r * 1.4}`, stroke: '#D55E00', 'stroke-width': 3.5, fill: 'none' }));
      }
    });
    y0 += markH;
  }
  root.append(svg('line', { x1: labelW - 4, x2: W - 8, y1: y0, y2: y0, class: 'chart-axis' }));
  const every = Math.max(1, Math.ceil((worlds * 44) / (W - labelW)));
  for (let i = 0; i < worlds; i++) {
    if (i % every === 0 || i === worlds - 1) root.append(svg('text', { x: cx(i), y: y0 + 20, 'text-anchor': 'middle', class: 'chart-tick' }, formatNumber(i + 1)));
  }
  root.append(svg('text', { x: labelW + (W - labelW) / 2, y: y0 + 44, 'text-anchor': 'middle', class: 'chart-label' }, t('inspect.chart.worlds', { count: worlds })));

  return root;
}

/**
 * A hatching pattern for bars that carry a second meaning (a negative weight,
 * a fine, a class held back), so the meaning is read from the shape, not the
 * colour alone: diagonal stripes `stripe` wide on a `size` tile.
 */
export function hatchDefs(id: string, size: number, stripe: number, background: Record<string, string>, line: Record<string, string>): SVGDefsElement {
  return svg(
    'defs',
    {},
    svg(
      'pattern',
      { id, width: size, height: size, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('rect', { width: size, height: size, ...background }),
      svg('rect', { width: stripe, height: size, ...line }),
    ),
  );
}
