import { describe, expect, it } from 'vitest';
import { gridTarget } from '../../src/ui/gridKeys';

describe('arrow keys through the level grid', () => {
  // Nine levels, three per row: 0 1 2 / 3 4 5 / 6 7 8.
  it('moves along the reading order with left and right, stopping at the ends', () => {
    expect(gridTarget('ArrowRight', 2, 9, 3)).toBe(3);
    expect(gridTarget('ArrowLeft', 3, 9, 3)).toBe(2);
    expect(gridTarget('ArrowLeft', 0, 9, 3)).toBe(0);
    expect(gridTarget('ArrowRight', 8, 9, 3)).toBe(8);
  });

  it('moves by a row with up and down, and stays put where no row is', () => {
    expect(gridTarget('ArrowDown', 1, 9, 3)).toBe(4);
    expect(gridTarget('ArrowUp', 4, 9, 3)).toBe(1);
    expect(gridTarget('ArrowUp', 1, 9, 3)).toBe(1);
    expect(gridTarget('ArrowDown', 7, 9, 3)).toBe(7);
    // A short last row: 0 1 2 3 / 4 5 6 7 / 8.
    expect(gridTarget('ArrowDown', 5, 9, 4)).toBe(5);
    expect(gridTarget('ArrowDown', 4, 9, 4)).toBe(8);
  });

  it('goes to the first and last with Home and End, and ignores other keys', () => {
    expect(gridTarget('Home', 5, 9, 3)).toBe(0);
    expect(gridTarget('End', 5, 9, 3)).toBe(8);
    expect(gridTarget('Enter', 5, 9, 3)).toBeNull();
    expect(gridTarget('a', 5, 9, 3)).toBeNull();
  });
});
