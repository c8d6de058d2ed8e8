/**
 * Draws one film (or one still world) at a film position: the agent, its
 * shadow, one image per object, the divergence marker and ring, the verdict
 * badge. Static tiles are not drawn here (the scene stamps them once into a
 * render texture).
 *
 * `render(pos)` sets a handful of properties on images it already owns: no
 * allocation, no tweens, no Graphics, so a mosaic of a hundred films is a
 * few hundred property writes a frame.
 */
import type * as Phaser from 'phaser';
import { COLOUR_NUMBERS, type LookPalette } from './palette';
import { easeBackOut, easeMove, endCovers, ringWindow, TIMING, type FilmTimeline } from './film';
import type { GridPlacement } from './layout';
import { markKey, spriteKey, SPRITE_TEXTURE_SIZE, type MarkName, type SpriteName } from './sprites';

/** Draw order. The verdict badge sits under the agent, so an agent that ends under a badge is still seen. */
export const DEPTH = {
  terrain: 0,
  trail: 4,
  shadow: 8,
  thing: 10,
  /** The training show's candidate trails: over objects, under the agent at the start. */
  trails: 12,
  badge: 15,
  agent: 20,
  ring: 25,
  marker: 30,
  cursor: 50,
} as const;

/** Reuses images across films so a new mosaic does not churn game objects. */
export class ImagePool {
  private readonly images: Phaser.GameObjects.Image[] = [];
  private used = 0;

  constructor(private readonly scene: Phaser.Scene) {}

  take(key: string, depth: number): Phaser.GameObjects.Image {
    let image = this.images[this.used];
    if (image === undefined) {
      image = this.scene.add.image(0, 0, key);
      this.images.push(image);
    } else {
      image.setTexture(key);
    }
    this.used++;
    return image.setVisible(true).setAlpha(1).setScale(1).setAngle(0).setFlip(false, false).setOrigin(0.5, 0.5).setTint(0xffffff).setDepth(depth);
  }

  releaseAll(): void {
    for (let i = 0; i < this.used; i++) this.images[i]!.setVisible(false);
    this.used = 0;
  }

  destroy(): void {
    for (const image of this.images) image.destroy();
    this.images.length = 0;
    this.used = 0;
  }
}

/** Sizes of the marks relative to a tile, with floors in pixels so a small mosaic still shows them. */
interface MarkSizes {
  readonly badge: number;
  readonly marker: number;
  readonly ring: number;
}

/** The smallest the agent is drawn in a mosaic, in pixels: a dot is not an agent. */
export const MIN_MOSAIC_AGENT_PX = 18;
/** At the end, an agent standing on something steps aside and shrinks so the goal stays visible. */
const ASIDE = { dx: -0.22, dy: 0.2, scale: 0.76, moves: 0.6 } as const;

export class FilmView {
  /** Current film position, in moves (see film.ts). */
  pos = 0;
  /** Where a single step (while paused) stops. */
  stepTarget = 0;
  /** Moves of the agent's trail already drawn. */
  trailDrawn = 0;
  private drawnPos = Number.NaN;
  private drawnReduced = false;
  private readonly agent: Phaser.GameObjects.Image;
  private readonly shadow: Phaser.GameObjects.Image;
  /** One image per thing that moves or leaves (or every thing, see stampsStill); null for things drawn once with the tiles. */
  private readonly things: (Phaser.GameObjects.Image | null)[];
  private readonly covers: boolean;
  private readonly marker: Phaser.GameObjects.Image | null;
  private readonly ring: Phaser.GameObjects.Image | null;
  private readonly badge: Phaser.GameObjects.Image | null;
  private readonly ringFrom: number;
  private readonly ringTo: number;
  private where: GridPlacement;
  private sizes: MarkSizes;
  /** Scale of object sprites (textures are SPRITE_TEXTURE_SIZE wide). */
  thingScale = 1;
  private agentScale = 1;

  /**
   * @param stampsStill whether objects that never move are left to the scene
   *   to stamp with the tiles (true), or drawn as images here like the rest —
   *   for a world that changes under tiles that do not (the training show),
   *   where restamping the tiles would cost more than a few images.
   */
  constructor(
    pool: ImagePool,
    readonly timeline: FilmTimeline,
    placement: GridPlacement,
    private readonly mosaic: boolean,
    palette: LookPalette,
    readonly stampsStill = true,
  ) {
    this.where = placement;
    this.sizes = this.markSizes(placement);
    this.shadow = pool.take(markKey('shadow'), DEPTH.shadow);
    this.things = timeline.things.map((t, i) => (stampsStill && timeline.still[i] ? null : pool.take(spriteKey(t.kind as SpriteName), DEPTH.thing).setTint(COLOUR_NUMBERS[t.colour])));
    this.covers = endCovers(timeline);
    this.agent = pool.take(spriteKey('agent'), DEPTH.agent).setTint(palette.agent);
    const diverges = timeline.divergeAt >= 0;
    this.ring = diverges ? pool.take(markKey('ring'), DEPTH.ring) : null;
    this.marker = diverges ? pool.take(markKey('diverge'), DEPTH.marker) : null;
    const badgeMark: MarkName | null = timeline.verdict === null ? null : timeline.verdict;
    this.badge = badgeMark === null ? null : pool.take(markKey(badgeMark), DEPTH.badge);
    [this.ringFrom, this.ringTo] = ringWindow(timeline);
    this.place(placement);
  }

  /** Where the film's grid is on the canvas. */
  get placement(): GridPlacement {
    return this.where;
  }

  get ended(): boolean {
    return this.pos >= this.timeline.end;
  }

  /** Moves the film to a new place on the canvas (after a resize). */
  place(placement: GridPlacement): void {
    this.where = placement;
    this.sizes = this.markSizes(placement);
    const tile = placement.tile;
    // Small worlds get slightly oversized sprites so they still read.
    this.thingScale = (tile * (this.mosaic ? 0.95 : 0.8)) / SPRITE_TEXTURE_SIZE;
    this.agentScale = (this.mosaic ? Math.max(tile * 1.25, MIN_MOSAIC_AGENT_PX) : tile * 0.9) / this.agent.width;
    this.shadow.setScale((tile * 0.62) / this.shadow.width, (tile * 0.2) / this.shadow.height);
    this.agent.setScale(this.agentScale);
    const tl = this.timeline;
    for (let i = 0; i < this.things.length; i++) {
      const t = tl.things[i]!;
      this.things[i]?.setPosition(placement.x + (t.x + 0.5) * tile, placement.y + (t.y + 0.5) * tile);
    }
    if (this.marker !== null) {
      const d = tl.divergeAt;
      const size = this.sizes.marker;
      // Above and to the right of where the agent stood, clear of its head.
      const offset = Math.max(tile * 0.58, size * 0.55);
      this.marker.setPosition(placement.x + (tl.agentX[d]! + 0.5) * tile + offset, placement.y + (tl.agentY[d]! + 0.5) * tile - offset);
    }
    if (this.badge !== null) {
      // On the grid's top-right corner, mostly outside the grid so it hides little — but
      // wholly inside the world's cell of a mosaic and inside the canvas, never clipped.
      const inset = this.sizes.badge * (this.mosaic ? 0.12 : 0.22);
      const half = this.sizes.badge / 2;
      const box = placement.cell ?? { x: -Infinity, y: -Infinity, width: Infinity, height: Infinity };
      const bx = Math.min(placement.x + placement.columns * tile - inset, box.x + box.width - half);
      const by = Math.max(placement.y + inset, box.y + half);
      this.badge.setPosition(Math.max(half, bx), Math.max(half, by));
    }
    this.drawnPos = Number.NaN;
  }

  private markSizes(placement: GridPlacement): MarkSizes {
    const tile = placement.tile;
    if (this.mosaic) {
      const worldHeight = placement.rows * tile;
      return {
        // Big enough to read in a small world, never so big that it hides a large one's corner.
        badge: Math.max(18, Math.min(worldHeight * 0.5, placement.columns * tile * 0.4, 24 + tile * 0.9)),
        marker: Math.max(14, tile * 1.1),
        ring: Math.max(18, tile * 1.6),
      };
    }
    return { badge: Math.min(150, tile * 1.5), marker: Math.max(22, tile * 0.62), ring: tile * 1.25 };
  }

  /** The agent's drawn width in pixels, as it is drawn now. */
  get agentPx(): number {
    return this.agent.visible ? this.agent.displayWidth : 0;
  }

  /** The outcome mark as drawn now: which one, its size, and whether it lies wholly on the canvas. */
  badgeShown(canvasWidth: number, canvasHeight: number): { mark: 'success' | 'failure' | null; px: number; inside: boolean } {
    const badge = this.badge;
    const verdict = this.timeline.verdict;
    if (badge === null || verdict === null || !badge.visible || badge.scale <= 0) return { mark: null, px: 0, inside: false };
    const px = badge.displayWidth;
    const half = px / 2;
    const inside = badge.x - half >= -0.5 && badge.y - half >= -0.5 && badge.x + half <= canvasWidth + 0.5 && badge.y + half <= canvasHeight + 0.5;
    return { mark: verdict, px, inside };
  }

  /** Draws the film at `this.pos`; does nothing if nothing changed since the last call. */
  render(reduced: boolean): void {
    const pos = this.pos;
    if (pos === this.drawnPos && reduced === this.drawnReduced) return;
    this.drawnPos = pos;
    this.drawnReduced = reduced;
    const tl = this.timeline;
    const { x: ox, y: oy, tile } = this.where;
    const last = tl.frames - 1;

    // The agent glides from frame m to m + 1 (or jumps, with reduced motion).
    const m = pos >= last ? last : Math.max(0, Math.floor(pos));
    let gx = tl.agentX[m]!;
    let gy = tl.agentY[m]!;
    let hop = 0;
    if (m < last && !reduced) {
      const p = pos - m;
      const e = easeMove(p);
      const nx = tl.agentX[m + 1]!;
      const ny = tl.agentY[m + 1]!;
      if (nx !== gx || ny !== gy) hop = Math.sin(Math.PI * p) * 0.1;
      gx += (nx - gx) * e;
      gy += (ny - gy) * e;
      if (nx < tl.agentX[m]!) this.agent.setFlipX(true);
      else if (nx > tl.agentX[m]!) this.agent.setFlipX(false);
    }
    // At the end, an agent on the goal (or any object or special tile) steps aside so it stays visible.
    const aside = this.covers && pos > last ? (reduced ? 1 : easeMove(Math.min(1, (pos - last) / ASIDE.moves))) : 0;
    const ax = ox + (gx + 0.5 + ASIDE.dx * aside) * tile;
    const ay = oy + (gy + 0.5 + ASIDE.dy * aside) * tile;
    const shrink = 1 - (1 - ASIDE.scale) * aside;
    this.agent.setPosition(ax, ay - hop * tile);
    this.agent.setScale(this.agentScale * shrink * (1 + hop * 0.4), this.agentScale * shrink * (1 - hop * 0.2));
    this.shadow.setPosition(ax, ay + tile * 0.36 * shrink);
    this.shadow.setAlpha(1 - hop * 3);

    // Objects: present, popping after a pick-up, fading in, or gone.
    for (let i = 0; i < this.things.length; i++) {
      const t = tl.things[i]!;
      const image = this.things[i];
      if (image === null || image === undefined) continue;
      if (pos < t.from) {
        if (reduced || pos < t.from - TIMING.fadeIn) {
          image.setVisible(false);
        } else {
          image
            .setVisible(true)
            .setAlpha((pos - (t.from - TIMING.fadeIn)) / TIMING.fadeIn)
            .setScale(this.thingScale);
        }
      } else if (pos < t.until - TIMING.popLead || (reduced && pos < t.until)) {
        image
          .setVisible(true)
          .setPosition(ox + (t.x + 0.5) * tile, oy + (t.y + 0.5) * tile)
          .setAlpha(1)
          .setScale(this.thingScale);
      } else if (!reduced && pos < t.until + TIMING.popTail && pos < tl.end) {
        // Picked up: it swells, rises from behind the agent's head and fades.
        const q = (pos - (t.until - TIMING.popLead)) / (TIMING.popLead + TIMING.popTail);
        const grow = q < 0.35 ? 1 + 0.3 * (q / 0.35) : 1.3 * (1 - 0.5 * ((q - 0.35) / 0.65));
        image
          .setVisible(true)
          .setPosition(ox + (t.x + 0.5) * tile, oy + (t.y + 0.5 - 0.75 * (1 - (1 - q) * (1 - q))) * tile)
          .setAlpha(q < 0.35 ? 1 : 1 - (q - 0.35) / 0.65)
          .setScale(this.thingScale * Math.max(0, grow));
      } else {
        image.setVisible(false);
      }
    }

    // The divergence: a marker where it happened, a ring around the agent while it plays slowly.
    if (this.marker !== null) {
      const d = tl.divergeAt;
      const size = this.sizes.marker / this.marker.width;
      if (pos < d) this.marker.setVisible(false);
      else {
        const q = reduced ? 1 : Math.min(1, (pos - d) / TIMING.markerIn);
        this.marker.setVisible(true).setScale(size * easeBackOut(q));
      }
    }
    if (this.ring !== null) {
      if (pos < this.ringFrom || pos >= this.ringTo) this.ring.setVisible(false);
      else {
        const base = this.sizes.ring / this.ring.width;
        this.ring.setVisible(true).setPosition(ax, ay - hop * tile);
        if (reduced) this.ring.setAlpha(1).setScale(base);
        else {
          const phase = ((pos - this.ringFrom) * TIMING.ringPulses) % 1;
          this.ring.setAlpha(1 - phase * phase).setScale(base * (0.75 + 0.6 * phase));
        }
      }
    }

    // The verdict badge, once the film has ended.
    if (this.badge !== null) {
      if (pos < last) this.badge.setVisible(false);
      else {
        const q = reduced ? 1 : Math.min(1, (pos - last) / TIMING.badgeIn);
        this.badge.setVisible(true).setScale((this.sizes.badge / this.badge.width) * Math.max(0, easeBackOut(q)));
      }
    }
  }
}
