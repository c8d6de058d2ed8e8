/**
 * Where worlds go on the canvas: one big grid, or a mosaic of small ones.
 *
 * Pure arithmetic, no Phaser, so it can be tested and reasoned about alone.
 */

/** A grid placed on the canvas: top-left corner and tile size, in canvas pixels. */
export interface GridPlacement {
  readonly x: number;
  readonly y: number;
  readonly tile: number;
  readonly columns: number;
  readonly rows: number;
  /** In a mosaic: the world's whole cell (grid and the gap around it), which its marks stay inside. */
  readonly cell?: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/** Largest tile of a single world, so tiny worlds do not turn into posters. */
const MAX_TILE = 132;

/**
 * One world centred on the canvas with big tiles. The margin is about half a
 * tile on each side, room for the verdict badge on the grid's corner.
 */
export function fitSingle(width: number, height: number, columns: number, rows: number): GridPlacement {
  const tile = Math.max(4, Math.min(MAX_TILE, Math.floor(Math.min(width / (columns + 1.1), height / (rows + 1.1)))));
  return {
    x: Math.round((width - columns * tile) / 2),
    y: Math.round((height - rows * tile) / 2),
    tile,
    columns,
    rows,
  };
}

export interface MosaicPlacement {
  readonly columns: number;
  readonly rows: number;
  readonly cells: readonly GridPlacement[];
  /** The cell size the mosaic chose (each world is centred in its cell). */
  readonly cellWidth: number;
  readonly cellHeight: number;
}

/** Gap around each small world, in tiles (split on both sides). */
const MOSAIC_GAP = 1.2;
/** A mosaic shape may give up this much of the biggest tile for a fuller last row. */
const NEAR_BIGGEST = 0.88;

/**
 * A mosaic of `count` worlds, each at most `worldColumns` × `worldRows`:
 * tries every number of mosaic columns and keeps the one with the biggest
 * tiles (64 wide worlds on a 16:9 canvas give 8 × 8).
 */
export function fitMosaic(width: number, height: number, count: number, sizes: readonly { readonly columns: number; readonly rows: number }[]): MosaicPlacement {
  const worldColumns = Math.max(1, ...sizes.map((s) => s.columns));
  const worldRows = Math.max(1, ...sizes.map((s) => s.rows));
  const tileFor = (columns: number, rows: number) => Math.min(width / columns / (worldColumns + MOSAIC_GAP), height / rows / (worldRows + MOSAIC_GAP));
  let best = { columns: 1, rows: Math.max(1, count), tile: 0 };
  for (let columns = 1; columns <= Math.max(1, count); columns++) {
    const rows = Math.ceil(count / columns);
    const tile = tileFor(columns, rows);
    if (tile > best.tile + 1e-9) best = { columns, rows, tile };
  }
  // A little smaller tiles are worth it to leave no lone world on a row of its own: among
  // shapes close to the biggest tiles, the biggest whose last row is at least half full,
  // or failing that holds at least two worlds.
  const lastRow = (columns: number, rows: number) => count - (rows - 1) * columns;
  const halfFull = (columns: number, rows: number) => rows === 1 || lastRow(columns, rows) >= columns / 2;
  const notAlone = (columns: number, rows: number) => rows === 1 || lastRow(columns, rows) >= 2;
  for (const acceptable of [halfFull, notAlone]) {
    if (acceptable(best.columns, best.rows)) break;
    let fuller: typeof best | null = null;
    for (let columns = 1; columns <= Math.max(1, count); columns++) {
      const rows = Math.ceil(count / columns);
      const tile = tileFor(columns, rows);
      if (tile >= best.tile * NEAR_BIGGEST && acceptable(columns, rows) && (fuller === null || tile > fuller.tile + 1e-9)) fuller = { columns, rows, tile };
    }
    if (fuller !== null) {
      best = fuller;
      break;
    }
  }
  const tile = best.tile >= 8 ? Math.floor(best.tile) : Math.max(1, best.tile);
  const cellWidth = width / best.columns;
  const cellHeight = height / best.rows;
  // Centre the whole block of cells, with the cell pitch given by the tile.
  const pitchX = Math.min(cellWidth, tile * (worldColumns + MOSAIC_GAP));
  const pitchY = Math.min(cellHeight, tile * (worldRows + MOSAIC_GAP));
  const blockX = (width - pitchX * best.columns) / 2;
  const blockY = (height - pitchY * best.rows) / 2;
  const cells: GridPlacement[] = [];
  for (let i = 0; i < count; i++) {
    const column = i % best.columns;
    const row = Math.floor(i / best.columns);
    const size = sizes[i] ?? { columns: worldColumns, rows: worldRows };
    // A short last row is centred under the others.
    const inRow = row === best.rows - 1 ? count - row * best.columns : best.columns;
    const left = blockX + column * pitchX + ((best.columns - inRow) * pitchX) / 2;
    const top = blockY + row * pitchY;
    cells.push({
      x: Math.round(left + (pitchX - size.columns * tile) / 2),
      y: Math.round(top + (pitchY - size.rows * tile) / 2),
      tile,
      columns: size.columns,
      rows: size.rows,
      cell: { x: left, y: top, width: pitchX, height: pitchY },
    });
  }
  return { columns: best.columns, rows: best.rows, cells, cellWidth: pitchX, cellHeight: pitchY };
}

/** The grid cell under a canvas point, or null outside the grid. */
export function cellAt(placement: GridPlacement, px: number, py: number): { x: number; y: number } | null {
  const x = Math.floor((px - placement.x) / placement.tile);
  const y = Math.floor((py - placement.y) / placement.tile);
  if (x < 0 || y < 0 || x >= placement.columns || y >= placement.rows) return null;
  return { x, y };
}
