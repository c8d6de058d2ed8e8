/**
 * Colours of the stage: the two looks (training lab, deployment field), the
 * object colours as numbers for tinting, and the heat-map ramp.
 *
 * Pure data and arithmetic, no Phaser. Colour never carries meaning alone on
 * the stage: every object has its own silhouette, badges differ in shape, and
 * heat-map cells also carry their value as a number or a dot size.
 */
import { COLOURS, TILE_NAME, type Tile, type Colour, type TileName } from '../core/vocabulary';
import type { Look } from './stageApi';

export interface LookPalette {
  /** Behind everything (the camera's background). */
  readonly backdrop: number;
  /** The border drawn around the grid. */
  readonly frame: number;
  /** Tint of the agent sprite: the same in both looks, so the agent is recognised. */
  readonly agent: number;
}

export const LOOKS: Readonly<Record<Look, LookPalette>> = {
  // Tile sprites carry their own colours (floor-lab is a cool tiled floor,
  // floor-field grass); the look adds the backdrop and the grid's frame.
  // A clean, cool, tiled lab.
  lab: {
    backdrop: 0xdfe6ee,
    frame: 0x3d4a57,
    agent: 0xffffff,
  },
  // Open ground outdoors: warmer, greener, no tile grid.
  field: {
    backdrop: 0xd7e2bf,
    frame: 0x5b5a3c,
    agent: 0xffffff,
  },
};

/** The sprite of each tile that is drawn over the floor (walls replace it). */
export const TILE_SPRITE = TILE_NAME as Readonly<Record<Exclude<Tile, Tile.Floor>, Exclude<TileName, 'floor'>>>;

export function hexToNumber(hex: string): number {
  return Number.parseInt(hex.replace('#', ''), 16);
}

export const COLOUR_NUMBERS: Readonly<Record<Colour, number>> = Object.fromEntries(Object.entries(COLOURS).map(([name, hex]) => [name, hexToNumber(hex)])) as Record<Colour, number>;

/** Ink for outlines and marks: near-black, softer than pure black on a projector. */
export const INK = 0x1d2430;

/**
 * Viridis at nine stops: perceptually ordered, readable in greyscale and
 * under the common colour-vision deficiencies.
 */
const VIRIDIS: readonly number[] = [0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725];

/** The ramp colour for t in [0, 1] (0 dark purple, 1 yellow). */
export function heatColour(t: number): number {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const scaled = clamped * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(scaled));
  const f = scaled - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  const channel = (shift: number) => {
    const ca = (a >> shift) & 0xff;
    const cb = (b >> shift) & 0xff;
    return Math.round(ca + (cb - ca) * f) << shift;
  };
  return channel(16) | channel(8) | channel(0);
}

/** A heat-map value as at most four characters, with a true minus sign. */
export function formatHeat(value: number): string {
  const abs = Math.abs(value);
  let text: string;
  if (abs >= 999.5) text = `${Math.round(abs / 1000)}k`;
  else if (abs >= 9.95) text = String(Math.round(abs));
  else if (abs >= 0.995) text = abs.toFixed(1);
  else if (abs >= 0.005) text = abs.toFixed(2).slice(1);
  else return '0';
  return value < 0 ? `\u2212${text}` : text;
}

/** Maps values to [0, 1] between their lowest and highest finite value (cells `skip` names, such as walls, left out). */
export function heatRange(values: readonly number[], skip: (cell: number) => boolean = () => false): { readonly min: number; readonly max: number; normalise(v: number): number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v) || skip(i)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) min = max = 0;
  const span = max - min;
  return { min, max, normalise: (v) => (span > 0 ? (v - min) / span : 0.5) };
}
