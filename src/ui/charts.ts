/**
 * Small SVG charts drawn from numbers the core returns: the learning curve,
 * the lens's weight bars, heat-maps, and the objectives comparison. Series
 * differ by marker shape and dash as well as colour, and every chart carries
 * a text summary for screen readers.
 */
import { formatHeat, heatColour } from '../game/palette';
import { svg } from './dom';

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

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

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

  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${options.title}. ${options.summary}`, class: 'chart' });
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
  const summary = weights.map((w) => `${w.label} ${w.value >= 0 ? 'plus' : 'minus'} ${Math.abs(w.value).toFixed(2)}`).join(', ');
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${title}: ${summary}`, class: 'chart' });
  root.append(
    svg(
      'defs',
      {},
      svg(
        'pattern',
        { id: 'hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 8, height: 8, fill: '#fbe3d0' }),
        svg('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: '#D55E00', 'stroke-width': 4 }),
      ),
    ),
  );
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
    root.append(svg('text', { x: W - 4, y: cy + 6, 'text-anchor': 'end', class: 'chart-value' }, `${positive ? '+' : '−'}${Math.abs(w.value).toFixed(2)}`));
  });
  return root;
}

/** A small heat-map of cell values with the number in each cell, so it reads without colour. */
export function heatmap(values: readonly number[], width: number, height: number, title: string, agent: { x: number; y: number }): SVGSVGElement {
  const cell = Math.min(36, Math.floor(300 / Math.max(width, height)));
  const max = Math.max(1e-9, ...values.map((v) => Math.abs(v)));
  const root = svg('svg', { viewBox: `0 0 ${width * cell} ${height * cell + 4}`, role: 'img', 'aria-label': `${title}: highest value ${max.toFixed(2)}`, class: 'heatmap' });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = values[y * width + x] ?? 0;
      const t = Math.max(0, v) / max;
      // The same viridis ramp as the stage (brighter = valued more), ordered in lightness so it reads in greyscale.
      root.append(svg('rect', { x: x * cell, y: y * cell, width: cell - 1, height: cell - 1, fill: `#${heatColour(t).toString(16).padStart(6, '0')}` }));
      if (cell >= 22 && Math.abs(v) >= 0.005) {
        root.append(svg('text', { x: x * cell + cell / 2, y: y * cell + cell / 2 + 4, 'text-anchor': 'middle', class: t > 0.6 ? 'heat-text' : 'heat-text-light' }, formatHeat(v)));
      }
    }
  }
  root.append(svg('rect', { x: agent.x * cell + 2, y: agent.y * cell + 2, width: cell - 5, height: cell - 5, fill: 'none', stroke: '#fff', 'stroke-width': 3, 'stroke-dasharray': '4 2' }));
  return root;
}
