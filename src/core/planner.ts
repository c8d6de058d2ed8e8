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
}

/** Reusable scratch space: training calls the planner millions of times. */
export class Planner {
  readonly values: Float64Array;
  private readonly heap: Int32Array;
  private readonly heapPos: Int32Array;
  private heapSize = 0;

  constructor(
    readonly grid: PlanGrid,
    readonly discount: number,
  ) {
    const n = grid.width * grid.height;
    this.values = new Float64Array(n);
    this.heap = new Int32Array(n);
    this.heapPos = new Int32Array(n).fill(-1);
  }

  /** Fills `values` from the per-cell utilities `u`. */
  plan(u: Float64Array): Float64Array {
    const { width, height, passable, terminal } = this.grid;
    const V = this.values;
    const n = width * height;
    this.heapSize = 0;
    for (let c = 0; c < n; c++) {
      const gain = passable[c] && u[c]! > 0 ? u[c]! : 0;
      V[c] = gain;
      this.heapPos[c] = -1;
      if (gain > 0) this.push(c);
    }
    while (this.heapSize > 0) {
      const c = this.pop();
      const offer = (u[c]! < 0 ? u[c]! : 0) + this.discount * V[c]!;
      if (offer <= 0) continue;
      const cx = c % width;
      const cy = (c - cx) / width;
      for (const [dx, dy] of MOVES) {
        const px = cx + dx;
        const py = cy + dy;
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        const p = py * width + px;
        // No one walks out of a cell that ends the episode.
        if (!passable[p] || terminal[p]) continue;
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

  /** Max-heap on value, ties broken by cell index so the order is total. */
  private above(a: number, b: number): boolean {
    const va = this.values[a]!;
    const vb = this.values[b]!;
    return va > vb || (va === vb && a < b);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const c = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!this.above(c, p)) break;
      heap[i] = p;
      this.heapPos[p] = i;
      i = parent;
    }
    heap[i] = c;
    this.heapPos[c] = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const size = this.heapSize;
    const c = heap[i]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && this.above(heap[child + 1]!, heap[child]!)) child++;
      const ch = heap[child]!;
      if (!this.above(ch, c)) break;
      heap[i] = ch;
      this.heapPos[ch] = i;
      i = child;
    }
    heap[i] = c;
    this.heapPos[c] = i;
  }
}

const MOVE_ACTIONS: readonly Action[] = ['up', 'right', 'down', 'left'];
