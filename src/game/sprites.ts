/// <reference types="vite/client" />
/**
 * The sprite sheet of the stage: every SVG under assets/sprites, and the
 * stage's own marks (verdict badges, divergence marker, ring), loaded as
 * textures rasterised larger than they are drawn so they stay crisp.
 *
 * Sprites are white with a dark outline and are tinted on the stage with the
 * object's colour (multiply tint), so one texture serves every colour.
 */
import type * as Phaser from 'phaser';
import type { ObjectKind } from '../core/vocabulary';
import coinUrl from '../../assets/sprites/coin.svg?url';
import cheeseUrl from '../../assets/sprites/cheese.svg?url';
import gemUrl from '../../assets/sprites/gem.svg?url';
import starUrl from '../../assets/sprites/star.svg?url';
import keyUrl from '../../assets/sprites/key.svg?url';
import chestUrl from '../../assets/sprites/chest.svg?url';
import exitUrl from '../../assets/sprites/exit.svg?url';
import supervisorUrl from '../../assets/sprites/supervisor.svg?url';
import triggerUrl from '../../assets/sprites/trigger.svg?url';
import treeUrl from '../../assets/sprites/tree.svg?url';
import agentUrl from '../../assets/sprites/agent.svg?url';
import floorLabUrl from '../../assets/sprites/floor-lab.svg?url';
import floorFieldUrl from '../../assets/sprites/floor-field.svg?url';
import wallUrl from '../../assets/sprites/wall.svg?url';
import forbiddenUrl from '../../assets/sprites/forbidden.svg?url';
import hazardUrl from '../../assets/sprites/hazard.svg?url';
import endUrl from '../../assets/sprites/end.svg?url';
import { MARKS } from './marks';

export type SpriteName = ObjectKind | 'agent' | 'floor-lab' | 'floor-field' | 'wall' | 'forbidden' | 'hazard' | 'end';

const SPRITE_URLS: Readonly<Record<SpriteName, string>> = {
  coin: coinUrl,
  cheese: cheeseUrl,
  gem: gemUrl,
  star: starUrl,
  key: keyUrl,
  chest: chestUrl,
  exit: exitUrl,
  supervisor: supervisorUrl,
  trigger: triggerUrl,
  tree: treeUrl,
  agent: agentUrl,
  'floor-lab': floorLabUrl,
  'floor-field': floorFieldUrl,
  wall: wallUrl,
  forbidden: forbiddenUrl,
  hazard: hazardUrl,
  end: endUrl,
};

/** Pixel size sprite textures are rasterised at (a power of two, so they get mipmaps). */
export const SPRITE_TEXTURE_SIZE = 128;

/** The texture key of a sprite. */
export function spriteKey(name: SpriteName): string {
  return `mesa-${name}`;
}

export type MarkName = keyof typeof MARKS;

export function markKey(name: MarkName): string {
  return `mesa-mark-${name}`;
}

/**
 * Phaser's loader reads every data URI as base64, but Vite inlines small SVGs
 * as URL-encoded text (`data:image/svg+xml,%3csvg…`): re-encode those.
 */
export function loadableUrl(url: string): string {
  if (!url.startsWith('data:') || url.includes(';base64,')) return url;
  const comma = url.indexOf(',');
  return svgDataUrl(decodeURIComponent(url.slice(comma + 1)));
}

function svgDataUrl(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Queues every stage texture on a scene's loader. */
export function queueTextures(load: Phaser.Loader.LoaderPlugin): void {
  for (const [name, url] of Object.entries(SPRITE_URLS)) {
    load.svg(spriteKey(name as SpriteName), loadableUrl(url), { width: SPRITE_TEXTURE_SIZE, height: SPRITE_TEXTURE_SIZE });
  }
  for (const [name, mark] of Object.entries(MARKS)) {
    load.svg(markKey(name as MarkName), svgDataUrl(mark.svg), { width: mark.size, height: mark.size });
  }
}
