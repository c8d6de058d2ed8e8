/**
 * The Train screen's show on the stage: the paths of a few candidate agents
 * of one training generation, all evaluated in the same world (common random
 * numbers), drawn as trails that grow from the start together, one move at
 * a time for every candidate.
 *
 * Each candidate has its own shape at the head of its trail (circle, square,
 * triangle, diamond) as well as its own colour, and its trail runs slightly
 * off the tile's centre, so paths that share tiles stay apart. It draws only
 * the recordings it is given (made by the worker as the optimizer ran them)
 * and never runs an agent itself. The scene owns the world under the trails
 * (see stageScene.showCandidates) and calls `advance` from its clock.
 */
import type * as Phaser from 'phaser';
import { recordingFrames, type Recording } from '../core/recording';
import type { GridPlacement } from './layout';
import { INK } from './palette';
import type { TrailsSnapshot } from './stageApi';

export type CandidateShape = 'circle' | 'square' | 'triangle' | 'diamond';

/** The look of each shown candidate, in the order of the recordings: Okabe–Ito colours, and a shape each. */
export const CANDIDATE_MARKS: readonly { readonly shape: CandidateShape; readonly colour: number; readonly css: string }[] = [
  { shape: 'circle', colour: 0xe69f00, css: '#E69F00' },
  { shape: 'square', colour: 0x0072b2, css: '#0072B2' },
  { shape: 'triangle', colour: 0x009e73, css: '#009E73' },
  { shape: 'diamond', colour: 0xcc79a7, css: '#CC79A7' },
];

/** Offsets (in tiles) of each candidate's trail from the tile centre, along the diagonal: side by side when paths share tiles. */
const LANE = [-0.15, 0.15, -0.05, 0.05];

/** Where a candidate's head is after `moves` moves (fractional: between two tiles), in tile coordinates. */
export function headAt(recording: Recording, moves: number): { x: number; y: number } {
  const last = recordingFrames(recording) - 1;
  const m = Math.max(0, Math.min(last, moves));
  const i = Math.floor(m);
  const f = m - i;
  const x0 = recording.agentX[i]!;
  const y0 = recording.agentY[i]!;
  if (f === 0 || i >= last) return { x: x0, y: y0 };
  return { x: x0 + (recording.agentX[i + 1]! - x0) * f, y: y0 + (recording.agentY[i + 1]! - y0) * f };
}

/** Moves in the longest of the recordings: how far the trails grow. */
export function longestPath(recordings: readonly Recording[]): number {
  let moves = 0;
  for (const r of recordings) moves = Math.max(moves, recordingFrames(r) - 1);
  return moves;
}

export class CandidateTrails {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private recordings: readonly Recording[] = [];
  private placement: GridPlacement | null = null;
  /** Moves grown so far, and how many moves to grow. */
  private grown = 0;
  private length = 0;
  private movesPerMs = 0;
  private counted = false;
  private drawnTotal = 0;

  constructor(scene: Phaser.Scene, depth: number) {
    this.graphics = scene.add.graphics().setDepth(depth).setVisible(false);
  }

  /** True while the trails are still growing (the scene's clock must keep running). */
  get busy(): boolean {
    return this.recordings.length > 0 && this.grown < this.length;
  }

  /**
   * Shows these trails on a grid placed at `placement`, growing over `drawMs`
   * milliseconds at speed 1 (0, or reduced motion: drawn whole at once).
   */
  show(recordings: readonly Recording[], placement: GridPlacement, drawMs: number, reduced: boolean): void {
    this.recordings = recordings.slice(0, CANDIDATE_MARKS.length);
    this.placement = placement;
    this.length = longestPath(this.recordings);
    this.counted = false;
    const instant = reduced || !(drawMs > 0) || this.length === 0;
    this.grown = instant ? this.length : 0;
    this.movesPerMs = instant ? 0 : this.length / drawMs;
    this.draw();
  }

  clear(): void {
    this.recordings = [];
    this.placement = null;
    this.graphics.clear().setVisible(false);
  }

  /** The grid moved (a resize): redraw where it now is. */
  place(placement: GridPlacement | null): void {
    if (this.recordings.length === 0) return;
    this.placement = placement;
    this.draw();
  }

  /** Reduced motion switched on: the trails are drawn whole at once. */
  finishNow(): void {
    if (!this.busy) return;
    this.grown = this.length;
    this.draw();
  }

  /** Grows the trails by `ms` milliseconds of show time (already scaled by the stage's speed). */
  advance(ms: number): void {
    if (!this.busy || !(ms > 0)) return;
    this.grown = Math.min(this.length, this.grown + ms * this.movesPerMs);
    this.draw();
  }

  snapshot(): TrailsSnapshot {
    return { shown: this.recordings.length, progress: this.length > 0 ? this.grown / this.length : this.recordings.length > 0 ? 1 : 0, drawnTotal: this.drawnTotal };
  }

  destroy(): void {
    this.graphics.destroy();
  }

  private draw(): void {
    const g = this.graphics;
    g.clear();
    const p = this.placement;
    if (p === null || this.recordings.length === 0) {
      g.setVisible(false);
      return;
    }
    g.setVisible(true);
    const tile = p.tile;
    const width = Math.max(3, tile * 0.1);
    const at = (x: number, y: number, lane: number) => ({ px: p.x + (x + 0.5 + lane) * tile, py: p.y + (y + 0.5 + lane) * tile });
    // Outlines first, under every trail, so a trail crossing another stays whole.
    for (const pass of ['outline', 'colour'] as const) {
      this.recordings.forEach((recording, i) => {
        const lane = LANE[i]!;
        const head = Math.min(this.grown, recordingFrames(recording) - 1);
        const whole = Math.floor(head);
        if (pass === 'outline') g.lineStyle(width + Math.max(2, tile * 0.05), INK, 0.85);
        else g.lineStyle(width, CANDIDATE_MARKS[i]!.colour, 1);
        g.beginPath();
        const start = at(recording.agentX[0]!, recording.agentY[0]!, lane);
        g.moveTo(start.px, start.py);
        for (let f = 1; f <= whole; f++) {
          const pt = at(recording.agentX[f]!, recording.agentY[f]!, lane);
          g.lineTo(pt.px, pt.py);
        }
        const tip = headAt(recording, head);
        const end = at(tip.x, tip.y, lane);
        g.lineTo(end.px, end.py);
        g.strokePath();
      });
    }
    this.recordings.forEach((recording, i) => {
      const tip = headAt(recording, Math.min(this.grown, recordingFrames(recording) - 1));
      const { px, py } = at(tip.x, tip.y, LANE[i]!);
      drawShape(g, CANDIDATE_MARKS[i]!.shape, px, py, Math.max(8, tile * 0.3), CANDIDATE_MARKS[i]!.colour);
    });
    if (!this.busy && !this.counted) {
      this.counted = true;
      this.drawnTotal += this.recordings.length;
    }
  }
}

/** A filled shape with an ink outline, `size` pixels across, centred on (x, y). */
function drawShape(g: Phaser.GameObjects.Graphics, shape: CandidateShape, x: number, y: number, size: number, colour: number): void {
  const r = size / 2;
  const outline = Math.max(2, size * 0.14);
  g.lineStyle(outline, INK, 1);
  g.fillStyle(colour, 1);
  switch (shape) {
    case 'circle':
      g.fillCircle(x, y, r);
      g.strokeCircle(x, y, r);
      return;
    case 'square':
      g.fillRect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      g.strokeRect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      return;
    case 'triangle':
      g.fillTriangle(x, y - r * 1.05, x + r, y + r * 0.75, x - r, y + r * 0.75);
      g.strokeTriangle(x, y - r * 1.05, x + r, y + r * 0.75, x - r, y + r * 0.75);
      return;
    case 'diamond':
      g.beginPath();
      g.moveTo(x, y - r * 1.1);
      g.lineTo(x + r * 0.9, y);
      g.lineTo(x, y + r * 1.1);
      g.lineTo(x - r * 0.9, y);
      g.closePath();
      g.fillPath();
      g.strokePath();
      return;
  }
}
