/**
 * Compiles the stage's batch shaders ahead of need, a few per task, while
 * the stage boots.
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
/** Programs compiled per step; each step is its own task. */
const PROGRAMS_PER_STEP = 3;
/** Texture counts compiled per handler: a quad batch reaches the renderer's maximum on a mosaic; a floor batch holds a look or two. */
const MOST_TEXTURES: Readonly<Record<(typeof TEXTURED_BATCHES)[number], number>> = { BatchHandlerQuad: Infinity, BatchHandlerTileSprite: 2 };

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
 * Compiles, a few programs per task, the texture counts of each textured
 * batch shader; resolves when all are compiled. Called while the stage
 * boots, before anything is drawn: WebGL has nothing else queued then.
 */
export function warmShaders(game: Phaser.Game): Promise<void> {
  const renderer = game.renderer as unknown as WebGLRendererParts | null;
  const max = renderer?.maxTextures ?? 0;
  if (!renderer?.renderNodes || !(max > 0)) return Promise.resolve();
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
  return new Promise((resolve) => {
    const next = () => {
      try {
        for (let i = 0; i < PROGRAMS_PER_STEP && steps.length > 0; i++) steps.shift()!();
      } catch {
        // A program that fails here fails again where it is needed, with Phaser's own message.
        steps.length = 0;
      }
      if (steps.length > 0) setTimeout(next, 0);
      else resolve();
    };
    setTimeout(next, 0);
  });
}
