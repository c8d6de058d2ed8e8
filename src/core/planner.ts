/**
 * The mesa-optimizer's planner: given the utility the agent assigns to every
 * cell, find the value of each cell and the action that maximises it.
 *
 * Model (explained to the player as "it scores every tile it knows, then
 * walks the path with the best discounted score"): at a cell the agent may
 * stop and enjoy the cell's positive utility, or step to a neighbour, paying
 * that neighbour's negative utility (a forbidden tile, a hazard) and
 * discounting what follows by γ. Cells whose entry ends the episode cannot be
 * walked through.
 *
 *   V(c) = max( u⁺(c),  max over neighbours n of  u⁻(n) + γ·V(n) )
 *
 * Values only fall as they spread (u⁻ ≤ 0, γ < 1), so one Dijkstra-like pass
 * from the best cells outward computes V exactly. The discount comes from
 * repeated multiplication, never from Math.pow, so values are bit-identical
 * in every engine.
 */
import { MOVES, type Action } from './vocabulary';

export interface PlanGrid {
  readonly width: number;
  readonly height: number;
  /** 1 where the agent can stand. */
  readonly passable: Uint8Array;
  /** 1 where entering ends the episode. */
  readonly terminal: Uint8Array;
  /**
   * Walkable neighbours of every cell, four slots each in MOVES order (−1 for
   * none), so the hot loop does no bounds checks. Build it with `neighbourTable`.
   */
  readonly neighbours: Int32Array;
}

/** The neighbour table of a grid: computed once per level, shared by every plan. */
export function neighbourTable(width: number, height: number, passable: Uint8Array): Int32Array {
  const neighbours = new Int32Array(4 * width * height).fill(-1);
  for (let c = 0; c < width * height; c++) {
    const x = c % width;
    const y = (c - x) / width;
    for (let m = 0; m < 4; m++) {
      const nx = x + MOVES[m]![0];
      const ny = y + MOVES[m]![1];
      if (nx >= 0 && ny >= 0 && nx < width && ny < height && passable[ny * width + nx]) neighbours[4 * c + m] = ny * width + nx;
    }
  }
  return neighbours;
}

/** Reusable scratch space: training calls the planner millions of times. */
export class Planner {
  readonly values: Float64Array;
  private readonly heap: Int32Array;
  private readonly heapPos: Int32Array;
  private readonly needed: Uint8Array;
  private heapSize = 0;

  constructor(
    readonly grid: PlanGrid,
    readonly discount: number,
  ) {
    const n = grid.width * grid.height;
    this.values = new Float64Array(n);
    this.heap = new Int32Array(n);
    this.heapPos = new Int32Array(n).fill(-1);
    this.needed = new Uint8Array(n);
  }

  /**
   * Fills `values` from the per-cell utilities `u`. With `around` (a cell
   * index), stops as soon as that cell and its neighbours are final: enough
   * for `bestAction` there, and much cheaper when the agent replans every
   * step anyway. Other cells may then hold values that are too low.
   */
  plan(u: Float64Array, around = -1): Float64Array {
    const { width, height, passable, terminal } = this.grid;
    const V = this.values;
    const n = width * height;
    this.heapSize = 0;
    let waiting = 0;
    if (around >= 0) {
      const ax = around % width;
      const ay = (around - ax) / width;
      this.needed.fill(0);
      this.needed[around] = 1;
      waiting = 1;
      for (const [dx, dy] of MOVES) {
        const x = ax + dx;
        const y = ay + dy;
        if (x < 0 || y < 0 || x >= width || y >= height || !passable[y * width + x]) continue;
        this.needed[y * width + x] = 1;
        waiting++;
      }
    }
    for (let c = 0; c < n; c++) {
      const gain = passable[c] && u[c]! > 0 ? u[c]! : 0;
      V[c] = gain;
      this.heapPos[c] = -1;
      if (gain > 0) this.push(c);
    }
    const neighbours = this.grid.neighbours;
    while (this.heapSize > 0) {
      const c = this.pop();
      if (around >= 0 && this.needed[c] && --waiting === 0) break;
      const offer = (u[c]! < 0 ? u[c]! : 0) + this.discount * V[c]!;
      if (offer <= 0) continue;
      for (let m = 4 * c, end = m + 4; m < end; m++) {
        const p = neighbours[m]!;
        // No one walks out of a cell that ends the episode.
        if (p < 0 || terminal[p]) continue;
        if (offer > V[p]!) {
          V[p] = offer;
          if (this.heapPos[p]! >= 0) this.siftUp(this.heapPos[p]!);
          else this.push(p);
        }
      }
    }
    return V;
  }

  /**
   * The best action at (x, y) under the last plan. Ties go to the first of
   * up, right, down, left; staying wins a tie with moving, so an agent with
   * nothing it wants stands still.
   */
  bestAction(u: Float64Array, x: number, y: number): { action: Action; value: number } {
    const { width, height, passable } = this.grid;
    const here = y * width + x;
    let best: Action = 'stay';
    let bestValue = u[here]! > 0 ? u[here]! : 0;
    for (let m = 0; m < 4; m++) {
      const [dx, dy] = MOVES[m]!;
      const nx = x + dx;
      const ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const c = ny * width + nx;
      if (!passable[c]) continue;
      const value = (u[c]! < 0 ? u[c]! : 0) + this.discount * this.values[c]!;
      if (value > bestValue) {
        bestValue = value;
        best = MOVE_ACTIONS[m]!;
      }
    }
    return { action: best, value: bestValue };
  }

  private push(c: number): void {
    this.heap[this.heapSize] = c;
    this.heapPos[c] = this.heapSize;
    this.heapSize++;
    this.siftUp(this.heapSize - 1);
  }

  private pop(): number {
    const top = this.heap[0]!;
    this.heapPos[top] = -2;
    this.heapSize--;
    if (this.heapSize > 0) {
      const last = this.heap[this.heapSize]!;
      this.heap[0] = last;
      this.heapPos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  /* The heap is a max-heap on value, ties broken by cell index so the order is total. */

  private siftUp(i: number): void {
    const heap = this.heap;
    const values = this.values;
    const c = heap[i]!;
    const vc = values[c]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      const vp = values[p]!;
      if (!(vc > vp || (vc === vp && c < p))) break;
      heap[i] = p;
      this.heapPos[p] = i;
      i = parent;
    }
    heap[i] = c;
    this.heapPos[c] = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const values = this.values;
    const size = this.heapSize;
    const c = heap[i]!;
    const vc = values[c]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size) {
        const a = heap[child + 1]!;
        const b = heap[child]!;
        if (values[a]! > values[b]! || (values[a] === values[b] && a < b)) child++;
      }
      const ch = heap[child]!;
      const vch = values[ch]!;
      if (!(vch > vc || (vch === vc && ch < c))) break;
      heap[i] = ch;
      this.heapPos[ch] = i;
      i = child;
    }
    heap[i] = c;
    this.heapPos[c] = i;
  }
}

const MOVE_ACTIONS: readonly Action[] = ['up', 'right', 'down', 'left'];
