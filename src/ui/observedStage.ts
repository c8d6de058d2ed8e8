/**
 * The stage as the page's shared state sees it: every call is passed on to
 * the real stage, and its playback (paused, speed) is reported to a signal,
 * so every pause button and the presenter's bar follow it without polling.
 * A new film starts unpaused, as the stage does.
 */
import type { Signal } from '@preact/signals-core';
import type { EpisodeFilm, Look, PlayResult, Stage } from '../game/stageApi';

/** Playback of the stage, as every pause button and the presenter's bar show it. */
export interface Playback {
  readonly paused: boolean;
  readonly speed: number;
}

/** The stage, reporting its playback state to a signal (a new film starts unpaused). */
export function observedStage(stage: Stage, playback: Signal<Playback>): Stage {
  const sync = () => (playback.value = { paused: stage.paused, speed: playback.value.speed });
  return {
    showWorld: (world, look) => (stage.showWorld(world, look), sync()),
    play: (film: EpisodeFilm, look: Look): Promise<PlayResult> => {
      const result = stage.play(film, look);
      sync();
      return result;
    },
    playMany: (films, look, options) => {
      const result = stage.playMany(films, look, options);
      sync();
      return result;
    },
    showCandidates: (paths, look) => (stage.showCandidates(paths, look), sync()),
    get candidatePathsDrawn() {
      return stage.candidatePathsDrawn;
    },
    pause: () => (stage.pause(), sync()),
    resume: () => (stage.resume(), sync()),
    stepOnce: () => stage.stepOnce(),
    get paused() {
      return stage.paused;
    },
    setSpeed: (multiplier) => {
      stage.setSpeed(multiplier);
      playback.value = { paused: stage.paused, speed: multiplier };
    },
    highlight: (index) => stage.highlight(index),
    snapshot: () => stage.snapshot(),
    setReducedMotion: (on) => stage.setReducedMotion(on),
    showHeatmap: (values) => stage.showHeatmap(values),
    setCellHandler: (handler) => stage.setCellHandler(handler),
    setDragHandler: (handler) => stage.setDragHandler(handler),
    setCursor: (cell) => stage.setCursor(cell),
    setMoveListener: (listener) => stage.setMoveListener(listener),
    get fps() {
      return stage.fps;
    },
    destroy: () => stage.destroy(),
  };
}
