/**
 * Colour-vision check of the stage's palette. Every pair of object colours
 * that a level uses together as distinct cues must stay apart under the
 * three common dichromacies, simulated with the Machado, Oliveira & Fernandes
 * (2009) matrices at severity 1.0 (applied to linear sRGB), measured as
 * CIEDE2000 colour difference in CIELAB (D65). The heat-map ramp must stay
 * monotonic in lightness for everyone, so "brighter means more" holds.
 *
 * Shapes carry meaning on the stage anyway (vocabulary.ts SHAPE_OF_KIND);
 * this pins down that colour, where it is a cue (the colour-proxy level), is
 * a fair one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLOURS, type Colour } from '../../src/core/vocabulary';
import { heatColour } from '../../src/game/palette';

type Rgb = readonly [number, number, number];
type Matrix = readonly [Rgb, Rgb, Rgb];

/** Machado et al. (2009), severity 1.0. */
export const DICHROMACY: Readonly<Record<'protanopia' | 'deuteranopia' | 'tritanopia', Matrix>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function hexToLinear(hex: string | number): Rgb {
  const n = typeof hex === 'number' ? hex : Number.parseInt(hex.replace('#', ''), 16);
  return [toLinear(((n >> 16) & 255) / 255), toLinear(((n >> 8) & 255) / 255), toLinear((n & 255) / 255)];
}

function simulate(rgb: Rgb, m: Matrix | null): Rgb {
  if (!m) return rgb;
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return [0, 1, 2].map((i) => clamp(m[i]![0] * rgb[0] + m[i]![1] * rgb[1] + m[i]![2] * rgb[2])) as unknown as Rgb;
}

/** Linear sRGB to CIELAB, D65 white. */
function toLab([r, g, b]: Rgb): Rgb {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIEDE2000 (Sharma, Wu & Dalal 2005). */
export function deltaE2000([l1, a1, b1]: Rgb, [l2, a2, b2]: Rgb): number {
  const rad = Math.PI / 180;
  const c1 = Math.hypot(a1, b1);
  const c2 = Math.hypot(a2, b2);
  const cBar = (c1 + c2) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1p = Math.hypot(a1p, b1);
  const c2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => (b === 0 && a === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const dLp = l2 - l1;
  const dCp = c2p - c1p;
  let dhp = 0;
  if (c1p * c2p !== 0) dhp = Math.abs(h2p - h1p) <= 180 ? h2p - h1p : h2p - h1p > 180 ? h2p - h1p - 360 : h2p - h1p + 360;
  const dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin((dhp / 2) * rad);
  const lBarp = (l1 + l2) / 2;
  const cBarp = (c1p + c2p) / 2;
  let hBarp = h1p + h2p;
  if (c1p * c2p !== 0) hBarp = Math.abs(h1p - h2p) <= 180 ? (h1p + h2p) / 2 : h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  const t = 1 - 0.17 * Math.cos((hBarp - 30) * rad) + 0.24 * Math.cos(2 * hBarp * rad) + 0.32 * Math.cos((3 * hBarp + 6) * rad) - 0.2 * Math.cos((4 * hBarp - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hBarp - 275) / 25) ** 2));
  const rc = 2 * Math.sqrt(cBarp ** 7 / (cBarp ** 7 + 25 ** 7));
  const sl = 1 + (0.015 * (lBarp - 50) ** 2) / Math.sqrt(20 + (lBarp - 50) ** 2);
  const sc = 1 + 0.045 * cBarp;
  const sh = 1 + 0.015 * cBarp * t;
  const rt = -Math.sin(2 * dTheta * rad) * rc;
  return Math.sqrt((dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh));
}

/** Every colour a level names anywhere (objects and their variants), per level. */
function coloursPerLevel(): Map<string, Set<Colour>> {
  const found = new Map<string, Set<Colour>>();
  for (const file of readdirSync('levels').filter((f) => f.endsWith('.json'))) {
    const colours = new Set<Colour>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'colour') for (const c of [value].flat()) if (typeof c === 'string' && c in COLOURS) colours.add(c as Colour);
        walk(value);
      }
    };
    walk(JSON.parse(readFileSync(`levels/${file}`, 'utf8')));
    found.set(file.replace('.json', ''), colours);
  }
  return found;
}

const VISIONS = { normal: null, ...DICHROMACY } as const;
/**
 * CIEDE2000 ≈ 2 is just noticeable side by side; ≥ 10 is a clear difference;
 * ≥ 20 reads as a different colour at a glance. Every cue pair must be clearly
 * different for everyone, and a different colour at a glance for everyone
 * except the one known weak pair below.
 */
const MIN_CUE_DISTANCE = 10;
const MIN_AT_A_GLANCE = 20;
/**
 * Blue and reddish purple (Okabe–Ito) come to ΔE2000 ≈ 12 under protanopia.
 * Colour-proxy uses them as the gem's deployment colours, and one wrong answer
 * there is "anything not blue"; the panel's world description names each
 * object's colour in words, which is what a protanope can rely on there.
 */
const WEAK_PAIRS: Readonly<Record<string, readonly string[]>> = { 'blue/purple': ['protanopia'] };

describe('the palette under colour-vision deficiencies', () => {
  const levels = coloursPerLevel();
  const pairs = new Map<string, [Colour, Colour]>();
  for (const colours of levels.values()) {
    const list = [...colours].sort();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.set(`${list[i]}/${list[j]}`, [list[i]!, list[j]!]);
  }

  it('keeps every pair of colours a level uses together clearly apart (ΔE2000 ≥ 10; ≥ 20 but for one named pair) for normal vision and the three dichromacies', () => {
    expect(pairs.size).toBeGreaterThan(0);
    const table: Record<string, Record<string, number>> = {};
    for (const [name, [a, b]] of pairs) {
      table[name] = {};
      for (const [vision, matrix] of Object.entries(VISIONS)) {
        const d = deltaE2000(toLab(simulate(hexToLinear(COLOURS[a]), matrix)), toLab(simulate(hexToLinear(COLOURS[b]), matrix)));
        table[name]![vision] = Math.round(d * 10) / 10;
      }
    }
    console.table(table);
    for (const [name, row] of Object.entries(table))
      for (const [vision, d] of Object.entries(row)) {
        expect(d, `${name} under ${vision}`).toBeGreaterThanOrEqual(MIN_CUE_DISTANCE);
        if (!WEAK_PAIRS[name]?.includes(vision)) expect(d, `${name} under ${vision}`).toBeGreaterThanOrEqual(MIN_AT_A_GLANCE);
      }
  });

  it('keeps the heat-map ramp rising in lightness for everyone (brighter means more)', () => {
    for (const [vision, matrix] of Object.entries(VISIONS)) {
      const lightness = Array.from({ length: 41 }, (_, i) => toLab(simulate(hexToLinear(heatColour(i / 40)), matrix))[0]);
      for (let i = 1; i < lightness.length; i++) expect(lightness[i]!, `${vision} at ${i / 40}`).toBeGreaterThan(lightness[i - 1]!);
      const span = lightness.at(-1)! - lightness[0]!;
      expect(span, vision).toBeGreaterThan(60);
    }
  });

  it('computes CIEDE2000 as the published test data do', () => {
    // Sharma, Wu & Dalal (2005), pairs 1 and 7.
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 3);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 3);
  });
});
