/**
 * Boots Phaser inside a parent element and hands the game flow a `Stage`.
 *
 * Owns the Phaser game's configuration (WebGL, no audio, no keyboard capture,
 * no auto-focus, canvas sized to the parent) and the canvas's accessible
 * name. `createStage` resolves once the scene has loaded its textures and
 * run `create`, so every method of the returned stage is usable at once;
 * after `destroy()` every method is a harmless no-op.
 */
import * as Phaser from 'phaser';
import { StageScene } from './stageScene';
import { warmShaders } from './shaderWarmup';
import type { CandidatePaths, EpisodeFilm, Look, MosaicOptions, PlayResult, Stage, StageSnapshot } from './stageApi';
import type { World } from '../core/world';
import { t } from '../i18n/index';

/** The stage, plus what the flow may want beyond the shared interface. */
export interface PhaserStage extends Stage {
  /** The canvas (role="img"), e.g. for tests. */
  readonly canvas: HTMLCanvasElement;
  /**
   * Replaces the canvas's aria-label. The stage sets a short label itself on
   * every showWorld / play / playMany and when a film ends; call this after
   * those to say more (e.g. the DOM's own description of the world).
   */
  setLabel(text: string): void;
}

export function createStage(parent: HTMLElement): Promise<PhaserStage> {
  return new Promise((resolve, reject) => {
    let game: Phaser.Game | null = null;
    let label = t('game.stage.loading');
    const applyLabel = (text: string) => {
      label = text;
      game?.canvas?.setAttribute('aria-label', text);
    };
    const scene = new StageScene({
      ready: () => {
        if (game === null) return;
        const canvas = game.canvas;
        canvas.setAttribute('role', 'img');
        canvas.removeAttribute('tabindex');
        applyLabel(t('game.stage.empty'));
        // The stage is ready once its shaders are compiled: while loading, not in the middle of a reveal.
        const ready = game;
        void warmShaders(ready).then(() => resolve(facade(ready, scene, canvas, applyLabel)));
      },
      describe: applyLabel,
    });
    try {
      game = new Phaser.Game({
        type: Phaser.AUTO,
        parent,
        // Opaque: the backdrop is the clear colour, and the page need not blend the canvas.
        transparent: false,
        backgroundColor: '#dfe6ee',
        banner: false,
        // Phaser would call window.focus() on boot: the DOM panels own focus.
        autoFocus: false,
        audio: { noAudio: true },
        input: {
          // Keys belong to the DOM panels; the stage only takes pointer clicks.
          keyboard: false,
          gamepad: false,
          // Let the page scroll under the wheel and under a finger on the stage.
          mouse: { preventDefaultWheel: false },
          touch: { capture: false },
        },
        scale: {
          mode: Phaser.Scale.RESIZE,
          autoCenter: Phaser.Scale.CENTER_BOTH,
          // Never restyle the page: by default Phaser sets html, body and a
          // zero-height (e.g. still hidden) parent to 100% height.
          expandParent: false,
          width: Math.max(2, parent.clientWidth || 960),
          height: Math.max(2, parent.clientHeight || 540),
        },
        render: {
          // Smooth texture sampling, but no multisampling: every sprite edge is
          // already anti-aliased inside its texture, and MSAA multiplies fill cost.
          antialias: true,
          antialiasGL: false,
          // Sprites are drawn much smaller than their 128 px textures in a mosaic.
          mipmapFilter: 'LINEAR_MIPMAP_LINEAR',
          powerPreference: 'default',
        },
        scene,
      });
      game.canvas?.setAttribute('aria-label', label);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function facade(game: Phaser.Game, scene: StageScene, canvas: HTMLCanvasElement, setLabel: (text: string) => void): PhaserStage {
  let alive = true;
  // The loop sleeps while nothing changes; anything that may need a new frame wakes it.
  const wake = () => alive && scene.wake();
  for (const type of ['pointerdown', 'pointermove', 'pointerup'] as const) canvas.addEventListener(type, wake, { passive: true });
  window.addEventListener('resize', wake);
  // Phaser maps a click through the canvas's page position, cached at the last resize;
  // the stage is sticky, so scrolling moves it on the page: refresh the cache on scroll
  // (a click on a scrolled page otherwise lands on the wrong cell, or none).
  window.addEventListener('scroll', () => alive && game.scale.updateBounds(), { passive: true });
  // Phaser checks its parent's size only every 500 ms of running frames, and the loop
  // sleeps sooner than that: when the stage appears (hidden on the title screen, then
  // shown), mark the size dirty so the very next frame resizes the canvas from 0×0.
  if (typeof ResizeObserver === 'function' && canvas.parentElement) {
    new ResizeObserver(() => {
      game.scale.dirty = true;
      wake();
    }).observe(canvas.parentElement);
  }
  const reducedMotionQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
  if (reducedMotionQuery?.matches) scene.setReducedMotion(true);
  const stopped = (): Promise<PlayResult> => Promise.resolve('stopped');
  return {
    canvas,
    setLabel(text: string) {
      if (alive) setLabel(text);
    },
    snapshot(): StageSnapshot | null {
      return alive ? scene.snapshot() : null;
    },
    showWorld(world: World, look: Look) {
      if (alive) (scene.wake(), scene.showWorld(world, look));
    },
    play(film: EpisodeFilm, look: Look) {
      return alive ? (scene.wake(), scene.play(film, look)) : stopped();
    },
    playMany(films: readonly EpisodeFilm[], look: Look, options?: MosaicOptions) {
      return alive ? (scene.wake(), scene.playMany(films, look, options)) : stopped();
    },
    highlight(index: number | null) {
      if (alive) (scene.wake(), scene.highlight(index));
    },
    showCandidates(paths: CandidatePaths, look: Look) {
      if (alive) (scene.wake(), scene.showCandidates(paths, look));
    },
    get candidatePathsDrawn() {
      return alive ? scene.snapshot().candidates.drawnTotal : 0;
    },
    pause() {
      if (alive) (scene.wake(), scene.pause());
    },
    resume() {
      if (alive) (scene.wake(), scene.resume());
    },
    stepOnce() {
      if (alive) (scene.wake(), scene.stepOnce());
    },
    get paused() {
      return alive && scene.paused;
    },
    setSpeed(multiplier: number) {
      if (alive) (scene.wake(), scene.setSpeed(multiplier));
    },
    setReducedMotion(on: boolean) {
      if (alive) (scene.wake(), scene.setReducedMotion(on));
    },
    showHeatmap(values: readonly number[] | null) {
      if (alive) (scene.wake(), scene.showHeatmap(values));
    },
    setCellHandler(handler: ((x: number, y: number) => void) | null) {
      if (alive) scene.setCellHandler(handler);
    },
    setDragHandler(handler: ((from: { x: number; y: number }, to: { x: number; y: number }) => void) | null) {
      if (alive) scene.setDragHandler(handler);
    },
    setCursor(cell: { x: number; y: number } | null) {
      if (alive) (scene.wake(), scene.setCursor(cell));
    },
    setMoveListener(listener: ((move: 'step' | 'pickup') => void) | null) {
      if (alive) scene.setMoveListener(listener);
    },
    get fps() {
      return alive ? scene.fps : 0;
    },
    destroy() {
      if (!alive) return;
      alive = false;
      scene.setCellHandler(null);
      scene.setDragHandler(null);
      scene.stopAll();
      game.destroy(true);
    },
  };
}
