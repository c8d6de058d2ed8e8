/**
 * The sound bank: owns the game's sound effects (generated WAVs in
 * assets/sounds/, see scripts/make-sounds.ts), the remembered muted state,
 * and the rule that audio starts only after the player's first gesture.
 *
 * It must never throw and never make a sound on its own: callers say *what*
 * happened by name, and a missing audio device, blocked storage, or a
 * headless test simply means silence. It knows nothing of the game state.
 */
import type { Howl } from 'howler';

import trainStartUrl from '../../assets/sounds/train-start.wav?url';
import trainDoneUrl from '../../assets/sounds/train-done.wav?url';
import stepUrl from '../../assets/sounds/step.wav?url';
import pickupUrl from '../../assets/sounds/pickup.wav?url';
import probeUrl from '../../assets/sounds/probe.wav?url';
import lensUrl from '../../assets/sounds/lens.wav?url';
import verdictUrl from '../../assets/sounds/verdict.wav?url';
import revealUrl from '../../assets/sounds/reveal.wav?url';
import divergeUrl from '../../assets/sounds/diverge.wav?url';
import scoreUrl from '../../assets/sounds/score.wav?url';
import starUrl from '../../assets/sounds/star.wav?url';
import clickUrl from '../../assets/sounds/click.wav?url';
import errorUrl from '../../assets/sounds/error.wav?url';

const SOUND_URLS = {
  'train-start': trainStartUrl,
  'train-done': trainDoneUrl,
  step: stepUrl,
  pickup: pickupUrl,
  probe: probeUrl,
  lens: lensUrl,
  verdict: verdictUrl,
  reveal: revealUrl,
  diverge: divergeUrl,
  score: scoreUrl,
  star: starUrl,
  click: clickUrl,
  error: errorUrl,
} as const;

export type SoundName = keyof typeof SOUND_URLS;
export const SOUND_NAMES = Object.keys(SOUND_URLS) as readonly SoundName[];

/** localStorage key holding '1' (muted) or '0'. */
export const MUTED_STORAGE_KEY = 'mesa.muted';

/**
 * Shortest time between two plays of the same sound. `step` fires on every
 * agent move, and a fast replay moves many times a second: without a gap the
 * ticks would pile into a buzz. The small default gap stops one event that is
 * reported twice in a frame from doubling a sound's volume.
 */
const MIN_GAP_MS: Readonly<Partial<Record<SoundName, number>>> = { step: 70 };
const DEFAULT_MIN_GAP_MS = 30;

/**
 * Events that count as a user gesture for the browsers' autoplay rules
 * (HTML "activation-triggering" events; touch devices activate on the
 * pointerup/touchend, not the pointerdown).
 */
const GESTURE_EVENTS = ['pointerdown', 'pointerup', 'mousedown', 'keydown', 'touchend'] as const;

/** The part of Web Storage the bank needs, so tests can pass a fake or `null`. */
export type MutedStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface SoundBankOptions {
  /** Where the muted state is remembered; defaults to `window.localStorage`, `null` for nowhere. */
  readonly storage?: MutedStorage | null;
  /** Where first-gesture listeners go; defaults to `window`, `null` to unlock only by `unlock()`. */
  readonly gestureTarget?: EventTarget | null;
  /** Milliseconds clock for rate limiting; defaults to `performance.now`. */
  readonly now?: () => number;
}

export class SoundBank {
  private readonly storage: MutedStorage | null;
  private readonly gestureTarget: EventTarget | null;
  private readonly now: () => number;
  /**
   * Loaded only after the first gesture, so no AudioContext is created (and
   * warned about) before it — and Howler itself loads then too, so the page's
   * first download carries no audio library.
   */
  private howls: Map<SoundName, Howl> | null = null;
  private loading = false;
  private readonly lastPlayedAt = new Map<SoundName, number>();
  private isMuted: boolean;
  private isDisposed = false;
  /** Decided once at unlock: Howler's own `noAudio` flag is reset whenever any Howl unloads. */
  private audioAvailable = false;
  private readonly onGesture = (): void => {
    this.unlock();
  };

  constructor(options: SoundBankOptions = {}) {
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.gestureTarget = options.gestureTarget === undefined ? defaultGestureTarget() : options.gestureTarget;
    this.now = options.now ?? defaultClock;
    this.isMuted = readMuted(this.storage);
    if (pageHasHadGesture()) {
      // The bank was created after the player already clicked (e.g. after a title screen).
      this.unlock();
    } else {
      for (const type of GESTURE_EVENTS) {
        safely(() => this.gestureTarget?.addEventListener(type, this.onGesture, { capture: true, passive: true }));
      }
    }
  }

  /** True once a user gesture has allowed audio; until then `play` is silent. */
  get unlocked(): boolean {
    return this.howls !== null;
  }

  get muted(): boolean {
    return this.isMuted;
  }

  set muted(muted: boolean) {
    this.isMuted = muted;
    safely(() => this.storage?.setItem(MUTED_STORAGE_KEY, muted ? '1' : '0'));
    if (muted) this.stopAll();
  }

  /** Flips the muted state and returns the new one (for a mute button). */
  toggleMuted(): boolean {
    this.muted = !this.isMuted;
    return this.isMuted;
  }

  /**
   * Plays one effect. Returns whether a sound was started; false when muted,
   * before the first gesture, when rate-limited, or when audio is unavailable.
   */
  play(name: SoundName): boolean {
    if (this.isMuted || this.howls === null || !this.audioAvailable) return false;
    const howl = this.howls.get(name);
    if (howl === undefined) return false;
    const now = this.now();
    const last = this.lastPlayedAt.get(name);
    if (last !== undefined && now - last < (MIN_GAP_MS[name] ?? DEFAULT_MIN_GAP_MS)) return false;
    this.lastPlayedAt.set(name, now);
    return (
      safely(() => {
        howl.play();
        return true;
      }) ?? false
    );
  }

  /** Silences everything currently playing (e.g. when skipping a replay). */
  stopAll(): void {
    this.howls?.forEach((howl) => safely(() => howl.stop()));
  }

  /**
   * Allows audio from now on and starts loading the effects. Called by the
   * first gesture listener; call it yourself from a gesture handler if the
   * bank was built with `gestureTarget: null`. Safe to call repeatedly.
   */
  unlock(): void {
    if (this.howls !== null || this.loading || this.isDisposed) return;
    this.loading = true;
    this.removeGestureListeners();
    import('howler')
      .then(({ Howl, Howler }) => {
        if (this.isDisposed) return;
        const howls = new Map<SoundName, Howl>();
        for (const name of SOUND_NAMES) {
          safely(() => {
            howls.set(
              name,
              new Howl({
                src: [SOUND_URLS[name]],
                format: ['wav'], // small WAVs may be inlined as data: URLs, which carry no extension
                // A failed load or play leaves that effect silent; the game goes on.
                onloaderror: () => undefined,
                onplayerror: () => undefined,
              }),
            );
          });
        }
        this.howls = howls;
        this.audioAvailable = safely(() => !Howler.noAudio && (Howler.ctx != null || typeof Audio !== 'undefined')) ?? false;
      })
      // No audio library (offline before it was cached, a blocked chunk): the game stays silent.
      .catch(() => undefined);
  }

  /** Stops and unloads every effect and removes listeners; the bank stays silent afterwards. */
  dispose(): void {
    this.isDisposed = true;
    this.removeGestureListeners();
    this.howls?.forEach((howl) => safely(() => howl.unload()));
    this.howls = null;
  }

  private removeGestureListeners(): void {
    for (const type of GESTURE_EVENTS) {
      safely(() => this.gestureTarget?.removeEventListener(type, this.onGesture, { capture: true }));
    }
  }
}

/** Runs `action`, turning any exception into `undefined`: audio must never break the game. */
function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

/** Reads the remembered muted state; anything but a clear '1'/'true' means "not muted". */
function readMuted(storage: MutedStorage | null): boolean {
  const stored = safely(() => storage?.getItem(MUTED_STORAGE_KEY));
  return stored === '1' || stored === 'true';
}

/** `window.localStorage` can be missing (Node, workers) or throw when read (privacy modes, sandboxed iframes). */
function defaultStorage(): MutedStorage | null {
  return safely(() => (typeof window === 'undefined' ? null : window.localStorage)) ?? null;
}

function defaultGestureTarget(): EventTarget | null {
  return typeof window === 'undefined' ? null : window;
}

function pageHasHadGesture(): boolean {
  return safely(() => typeof navigator !== 'undefined' && navigator.userActivation?.hasBeenActive === true) ?? false;
}

function defaultClock(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}
