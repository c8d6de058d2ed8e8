/**
 * The stage's pure parts: a recorded episode becomes a timeline (who is
 * where, what disappears when, where behaviour diverges), and worlds fit the
 * canvas. No Phaser here: the stage only draws what these compute.
 */
import { describe, expect, it } from 'vitest';
import { mindFromRecord, runEpisode } from '../../src/core/index';
import { DIVERGENCE_PACE, endCovers, MOSAIC_IMAGE_BUDGET, MOSAIC_MAX_FILMS, mosaicShare, paceAt, timelineOf } from '../../src/game/film';
import { cellAt, fitMosaic, fitSingle } from '../../src/game/layout';
import { heatColour } from '../../src/game/palette';
import { campaignLevel } from '../core/campaign';
import { deploymentSuite } from '../../src/core/scoring';

describe('film timelines', () => {
  const level = campaignLevel('goes-right');
  // The first deployment world where this agent walks a while and picks up the coin.
  const mind = mindFromRecord(level, { coin: 2, 'right-edge': 1 });
  const getCoin = deploymentSuite(level)
    .map((world) => runEpisode(level, mind, world, undefined, true))
    .find((e) => e.worlds.length > 5 && e.events.some((ev) => ev.kind === 'coin') && e.final.objects.length < e.worlds[0]!.objects.length)!;

  it('follow the agent frame by frame, as the core recorded it', () => {
    const timeline = timelineOf({ worlds: getCoin.worlds })!;
    expect(timeline.frames).toBe(getCoin.worlds.length);
    getCoin.worlds.forEach((w, i) => {
      expect([timeline.agentX[i], timeline.agentY[i]]).toEqual([w.agentX, w.agentY]);
    });
  });

  it('make a picked-up object disappear on the frame it was collected', () => {
    const timeline = timelineOf({ worlds: getCoin.worlds })!;
    const coin = timeline.things.find((t) => t.kind === 'coin')!;
    const collectedAt = getCoin.worlds.findIndex((w) => !w.objects.some((o) => o.kind === 'coin'));
    expect(collectedAt).toBeGreaterThan(0);
    expect(coin.until).toBe(collectedAt);
  });

  it('slow down right after the divergence and only there', () => {
    const timeline = timelineOf({ worlds: getCoin.worlds, divergeAt: 3 })!;
    expect(paceAt(timeline, 3.5)).toBe(DIVERGENCE_PACE);
    expect(paceAt(timeline, 1)).toBe(1);
    expect(timelineOf({ worlds: getCoin.worlds })!.divergeAt).toBe(-1);
  });

  it('has nothing to show for an empty film', () => {
    expect(timelineOf({ worlds: [] })).toBeNull();
  });

  it('carries the intended path as a ghost only while it stays on the grid', () => {
    const path = { agentX: getCoin.worlds.map((w) => w.agentX), agentY: getCoin.worlds.map((w) => w.agentY) };
    const timeline = timelineOf({ worlds: getCoin.worlds, ghost: path })!;
    expect([...timeline.ghost!.x]).toEqual(path.agentX);
    expect(timelineOf({ worlds: getCoin.worlds, ghost: { agentX: [0, 99], agentY: [0, 0] } })!.ghost).toBeNull();
    expect(timelineOf({ worlds: getCoin.worlds })!.ghost).toBeNull();
  });

  it('knows when the agent ends on something it would hide (the finish, an object) and which objects never move', () => {
    const timeline = timelineOf({ worlds: getCoin.worlds })!;
    const last = getCoin.worlds.at(-1)!;
    const onSomething = last.tiles[last.agentY * last.width + last.agentX] !== 0 || last.objects.some((o) => o.x === last.agentX && o.y === last.agentY);
    expect(endCovers(timeline)).toBe(onSomething);
    // The coin it picks up moves (it pops); the rest stay put and are drawn once with the tiles.
    timeline.things.forEach((t, i) => expect(timeline.still[i]).toBe(t.from === 0 && t.until === Infinity));
    expect(timeline.still.some((s) => !s)).toBe(true);
  });
});

describe('layout', () => {
  it('fits one world inside the canvas and maps clicks back to cells', () => {
    const placement = fitSingle(960, 540, 13, 7);
    expect(placement.x).toBeGreaterThanOrEqual(0);
    expect(placement.y).toBeGreaterThanOrEqual(0);
    expect(placement.x + 13 * placement.tile).toBeLessThanOrEqual(960);
    expect(placement.y + 7 * placement.tile).toBeLessThanOrEqual(540);
    expect(cellAt(placement, placement.x + placement.tile * 2.5, placement.y + placement.tile * 4.5)).toEqual({ x: 2, y: 4 });
    expect(cellAt(placement, 0, 0)).toBeNull();
  });

  it('lays out a hundred small worlds without overlap', () => {
    const mosaic = fitMosaic(
      960,
      720,
      100,
      Array.from({ length: 100 }, () => ({ columns: 13, rows: 7 })),
    );
    expect(mosaic.cells).toHaveLength(100);
    const boxes = mosaic.cells.map((c) => [c.x, c.y, c.x + c.columns * c.tile, c.y + c.rows * c.tile] as const);
    for (const [x0, y0, x1, y1] of boxes) {
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(y0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(960);
      expect(y1).toBeLessThanOrEqual(720);
    }
    for (let i = 1; i < boxes.length; i++) {
      const [ax0, ay0, ax1, ay1] = boxes[i - 1]!;
      const [bx0, by0, bx1, by1] = boxes[i]!;
      expect(ax1 <= bx0 || bx1 <= ax0 || ay1 <= by0 || by1 <= ay0).toBe(true);
    }
  });

  it.each([
    [790, 670, 100],
    [960, 720, 100],
    [1840, 900, 100],
    [330, 300, 100],
    [790, 670, 4],
    [790, 670, 37],
  ])('leaves no lone world on a last row (a half-full one for a suite of 100), and each world inside its own cell (%i×%i, %i worlds)', (width, height, count) => {
    const mosaic = fitMosaic(
      width,
      height,
      count,
      Array.from({ length: count }, () => ({ columns: 13, rows: 7 })),
    );
    const lastRow = count - (mosaic.rows - 1) * mosaic.columns;
    if (mosaic.rows > 1) expect(lastRow).toBeGreaterThanOrEqual(count === 100 ? mosaic.columns / 2 : 2);
    for (const c of mosaic.cells) {
      const box = c.cell!;
      expect(c.x).toBeGreaterThanOrEqual(Math.floor(box.x));
      expect(c.y).toBeGreaterThanOrEqual(Math.floor(box.y));
      expect(c.x + c.columns * c.tile).toBeLessThanOrEqual(Math.ceil(box.x + box.width));
      expect(c.y + c.rows * c.tile).toBeLessThanOrEqual(Math.ceil(box.y + box.height));
      expect(box.x).toBeGreaterThanOrEqual(-1e-9);
      expect(box.y + box.height).toBeLessThanOrEqual(height + 1e-9);
    }
  });
});

describe('heat-map ramp', () => {
  it('gets lighter as value rises, so it reads in greyscale', () => {
    const luma = (rgb: number) => 0.2126 * ((rgb >> 16) & 255) + 0.7152 * ((rgb >> 8) & 255) + 0.0722 * (rgb & 255);
    let previous = -1;
    for (let t = 0; t <= 1.0001; t += 0.05) {
      const l = luma(heatColour(t));
      expect(l).toBeGreaterThan(previous);
      previous = l;
    }
  });
});

describe('films from compact recordings', () => {
  it('a recording gives the same timeline as the worlds it rebuilds', async () => {
    const { mindFromRecord, deploymentSuite, recordEpisode, recordingWorlds, runEpisode } = await import('../../src/core/index');
    const { campaignLevel } = await import('../core/campaign');
    const level = campaignLevel('keys-chests');
    const mind = mindFromRecord(level, level.hypotheses[0]!.weights);
    for (const world of deploymentSuite(level).slice(0, 20)) {
      const recording = recordEpisode(world, runEpisode(level, mind, world));
      const fromRecording = timelineOf({ recording, verdict: 'success', divergeAt: 2 })!;
      const fromWorlds = timelineOf({ worlds: recordingWorlds(recording), verdict: 'success', divergeAt: 2 })!;
      expect([...fromRecording.agentX]).toEqual([...fromWorlds.agentX]);
      expect([...fromRecording.agentY]).toEqual([...fromWorlds.agentY]);
      expect(fromRecording.things).toEqual(fromWorlds.things);
      expect({ frames: fromRecording.frames, end: fromRecording.end, divergeAt: fromRecording.divergeAt }).toEqual({ frames: fromWorlds.frames, end: fromWorlds.end, divergeAt: fromWorlds.divergeAt });
    }
  });

  it('a mosaic draws as many films as fit its image budget: all of a campaign suite, a few of a world full of objects', () => {
    expect(mosaicShare(Array(100).fill(3))).toBe(100);
    expect(mosaicShare(Array(500).fill(1))).toBe(MOSAIC_MAX_FILMS);
    expect(mosaicShare(Array(100).fill(7))).toBe(100);
    expect(mosaicShare(Array(500).fill(448))).toBe(Math.max(1, Math.floor(MOSAIC_IMAGE_BUDGET / 453)));
    expect(mosaicShare([5000])).toBe(1);
    expect(mosaicShare([])).toBe(0);
  });
});
