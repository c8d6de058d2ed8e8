/**
 * The levels call the forbidden tile red: its sprite must be drawn in the
 * palette's red (Okabe–Ito vermillion) at full strength, not a pale tint of
 * it that reads as orange beside the palette's orange.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const sprite = readFileSync(new URL('../../assets/sprites/forbidden.svg', import.meta.url), 'utf8');

/** Hue in degrees of a #rrggbb colour. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === min) return 0;
  const h = max === r ? ((g - b) / (max - min)) % 6 : max === g ? (b - r) / (max - min) + 2 : (r - g) / (max - min) + 4;
  return (h * 60 + 360) % 360;
}

describe('the forbidden tile', () => {
  it('is striped in full-strength vermillion, the palette red, never a translucent tint', () => {
    const fills = [...sprite.matchAll(/<g fill="(#[0-9A-Fa-f]{6})"([^>]*)>/g)];
    expect(fills.map((m) => m[1]!.toUpperCase())).toEqual(['#D55E00']);
    expect(fills[0]![2]).not.toMatch(/opacity/);
  });

  it('has a red-tinted ground, further from orange (41°) than from red (0°)', () => {
    const ground = sprite.match(/<rect width="64" height="64" fill="(#[0-9a-fA-F]{6})"/)![1]!;
    const h = hue(ground);
    expect(Math.min(h, 360 - h)).toBeLessThan(Math.abs(41 - h));
    expect(hue('#D55E00')).toBeLessThan(hue('#E69F00'));
  });
});
