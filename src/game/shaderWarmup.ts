/**
 * Compiles the stage's batch shaders ahead of need, one small step at a time
 * while the page is still quiet.
 *
 * Phaser builds a shader program per number of textures a batch holds (a
 * mosaic of many objects reaches ten or more), the first time a batch needs
 * it, and then asks WebGL whether it linked. That question waits for every
 * command queued before it: on a software renderer, right after a large world
 * was stamped, one such wait held the page for 150–280 ms. Compiled while
 * nothing else is queued, a program takes a few milliseconds. This module
 * owns only that: it draws nothing and changes no program Phaser would not
 * have built anyway.
 */
import type * as Phaser from 'phaser';

/** The batch handlers that draw the stage's images, stamps and floors. */
const TEXTURED_BATCHES = ['BatchHandlerQuad', 'BatchHandlerTileSprite'] as const;
/** Milliseconds between steps (one program each, its own task); longer after a slow step, when WebGL is busy. */
const STEP_MS = 16;
const BUSY_STEP_MS = 250;
const SLOW_STEP_MS = 50;
/** Texture counts compiled per handler: a quad batch reaches the renderer's maximum on a mosaic; a floor batch holds a look or two. */
const MOST_TEXTURES: Readonly<Record<(typeof TEXTURED_BATCHES)[number], number>> = { BatchHandlerQuad: Infinity, BatchHandlerTileSprite: 2 };
/** Milliseconds after boot before the first step: the sprites' first upload goes first. */
const START_AFTER_MS = 1000;

/** The parts of a Phaser 4 batch handler this module uses (not in Phaser's public typings). */
interface TexturedBatch {
  finalizeTextureCount?(count: number): void;
  readonly programManager?: { getCurrentProgramSuite(): unknown };
}

interface WebGLRendererParts {
  readonly maxTextures?: number;
  readonly renderNodes?: { getNode(name: string): unknown };
}

/**
 * Starts compiling, a second after boot and between frames, the texture
 * counts of each textured batch shader. Returns a function that stops what is left.
 */
export function warmShaders(game: Phaser.Game): () => void {
  const renderer = game.renderer as unknown as WebGLRendererParts | null;
  const max = renderer?.maxTextures ?? 0;
  if (!renderer?.renderNodes || !(max > 0)) return () => {};
  const steps: (() => void)[] = [];
  for (const name of TEXTURED_BATCHES) {
    const node = renderer.renderNodes.getNode(name) as TexturedBatch | undefined;
    if (typeof node?.finalizeTextureCount !== 'function' || !node.programManager) continue;
    for (let count = 1; count <= Math.min(max, MOST_TEXTURES[name]); count++) {
      steps.push(() => {
        // The count a batch of `count` textures sets before asking for its program (see BatchHandlerQuad.run).
        node.finalizeTextureCount!(count);
        node.programManager!.getCurrentProgramSuite();
      });
    }
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  const next = () => {
    timer = null;
    const started = performance.now();
    steps.shift()?.();
    if (steps.length > 0) timer = setTimeout(next, performance.now() - started > SLOW_STEP_MS ? BUSY_STEP_MS : STEP_MS);
  };
  timer = setTimeout(next, START_AFTER_MS);
  return () => {
    if (timer !== null) clearTimeout(timer);
    steps.length = 0;
  };
}
