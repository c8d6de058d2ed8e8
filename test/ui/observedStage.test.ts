/** The stage's playback reported to a signal: pause, resume, speed, and a new film starting unpaused. */
import { describe, expect, it } from 'vitest';
import { effect, signal } from '@preact/signals-core';
import type { Stage } from '../../src/game/stageApi';
import { observedStage, type Playback } from '../../src/ui/observedStage';

/** A stand-in stage with the real one's pause rules: a new film starts unpaused. */
function fakeStage(): Stage & { calls: string[] } {
  let paused = false;
  const calls: string[] = [];
  const film = async () => ((paused = false), 'ended' as const);
  return {
    calls,
    showWorld: () => void calls.push('showWorld'),
    play: (...args) => (calls.push('play'), void args, film()),
    playMany: () => (calls.push('playMany'), film()),
    showCandidates: () => void calls.push('showCandidates'),
    candidatePathsDrawn: 0,
    pause: () => void ((paused = true), calls.push('pause')),
    resume: () => void ((paused = false), calls.push('resume')),
    stepOnce: () => void calls.push('stepOnce'),
    get paused() {
      return paused;
    },
    setSpeed: (v) => void calls.push(`setSpeed ${v}`),
    setReducedMotion: () => void calls.push('setReducedMotion'),
    showHeatmap: () => void calls.push('showHeatmap'),
    setCellHandler: () => void calls.push('setCellHandler'),
    setDragHandler: () => void calls.push('setDragHandler'),
    setCursor: () => void calls.push('setCursor'),
    setMoveListener: () => void calls.push('setMoveListener'),
    highlight: () => void calls.push('highlight'),
    snapshot: () => (calls.push('snapshot'), null),
    fps: 60,
    destroy: () => void calls.push('destroy'),
  };
}

describe('the observed stage', () => {
  it('reports pause, resume, speed and a new film to the playback signal, and passes every call on', async () => {
    const real = fakeStage();
    const playback = signal<Playback>({ paused: false, speed: 1 });
    const seen: Playback[] = [];
    effect(() => void seen.push(playback.value));
    const stage = observedStage(real, playback);
    stage.pause();
    expect(playback.value).toEqual({ paused: true, speed: 1 });
    stage.setSpeed(0.25);
    expect(playback.value).toEqual({ paused: true, speed: 0.25 });
    await stage.play({ worlds: [] }, 'lab');
    expect(playback.value).toEqual({ paused: false, speed: 0.25 });
    stage.pause();
    stage.resume();
    expect(playback.value.paused).toBe(false);
    expect(real.calls).toEqual(['pause', 'setSpeed 0.25', 'play', 'pause', 'resume']);
    expect(seen.map((p) => p.paused)).toContain(true);
    expect(stage.fps).toBe(60);
  });
});
