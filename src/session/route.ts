/**
 * Where the player is, as a typed route, and the page address that holds it
 * (TensorFlow Playground-style: the address *is* the state that matters).
 * One table of screens; one pure `parseLocation` / `formatHash` pair that
 * also reads the classroom flags and the links that carry codes. Pure and
 * total: any address parses (what is not understood is listed, never
 * thrown), and formatting then parsing gives the route back.
 *
 * Address forms: `#level=tutorial` (a campaign level's briefing),
 * `#level=tutorial&screen=train&round=2`, `#level=<level code>`,
 * `#challenge=<code>` (its Train screen), `#result=<code>`,
 * `#screen=board`, `#screen=guide&level=goes-right`, and the flags
 * `presenter=1`, `contrast=high`, `motion=reduced`, `speed=0.5`,
 * `hide=lens,probes`, `lang=en` — in the hash, or in the query string.
 */
import { ID_PATTERN, MAX_CODE_LENGTH } from '../core/index';
import type { FirstRun } from './attempt';

/** What each screen needs, and what it shows. */
export interface ScreenInfo {
  /** Played inside a level (the test hook's `levelScreen`). */
  readonly inLevel: boolean;
  /** Shows the world beside the panel. */
  readonly stage: boolean;
  /** Plays films on the stage (the presenter's playback bar is shown). */
  readonly playback: boolean;
  /** What must exist for the screen to make sense; without it, a route falls back to the level's Train screen. */
  readonly needs: 'agent' | 'verdict' | null;
}

export const SCREENS = {
  title: { inLevel: false, stage: false, playback: false, needs: null },
  levels: { inLevel: false, stage: false, playback: false, needs: null },
  briefing: { inLevel: true, stage: true, playback: true, needs: null },
  first: { inLevel: true, stage: true, playback: true, needs: null },
  train: { inLevel: true, stage: true, playback: true, needs: null },
  inspect: { inLevel: true, stage: true, playback: true, needs: 'agent' },
  verdict: { inLevel: true, stage: true, playback: true, needs: 'agent' },
  deploy: { inLevel: true, stage: true, playback: true, needs: 'verdict' },
  score: { inLevel: true, stage: true, playback: true, needs: 'verdict' },
  experiment: { inLevel: true, stage: false, playback: false, needs: null },
  board: { inLevel: false, stage: false, playback: false, needs: null },
  guide: { inLevel: false, stage: false, playback: false, needs: null },
  editor: { inLevel: false, stage: true, playback: false, needs: null },
} as const satisfies Record<string, ScreenInfo>;

export type Screen = keyof typeof SCREENS;
export type LevelScreen = { [S in Screen]: (typeof SCREENS)[S]['inLevel'] extends true ? S : never }[Screen];
export const SCREEN_NAMES = Object.keys(SCREENS) as Screen[];
export const LEVEL_SCREENS = SCREEN_NAMES.filter((s): s is LevelScreen => SCREENS[s].inLevel);

/** Where the level of a route comes from: the campaign, a level code, or a challenge code. */
export type LevelSource = { readonly kind: 'campaign'; readonly id: string } | { readonly kind: 'level-code'; readonly code: string } | { readonly kind: 'challenge-code'; readonly code: string };

export type Route =
  | { readonly screen: 'title' | 'levels' | 'editor' | 'board' }
  | { readonly screen: 'guide'; readonly level: string | null }
  | { readonly screen: LevelScreen; readonly source: LevelSource; readonly round: number | null };

/** Controls a teacher may hide, in the words the link uses. */
export const HIDEABLE_CONTROLS = ['lens', 'probes', 'audit', 'experiment', 'reward', 'distribution', 'seed', 'compute', 'glossary'] as const;
export type HideableControl = (typeof HIDEABLE_CONTROLS)[number];

/** Settings a link may set once (they are then remembered as the player's own). */
export interface LinkSettings {
  /** `presenter=1` / `0`; null: leave as saved. */
  readonly presenter: boolean | null;
  /** `contrast=high` / `normal`; null: leave as saved. */
  readonly contrast: 'high' | 'normal' | null;
  /** `motion=reduced` / `full`; null: leave as saved. */
  readonly reducedMotion: boolean | null;
  /** `speed=0.25` … `4`: the stage's starting playback speed. */
  readonly speed: number | null;
  /** `lang=en`: the language the game is written in; null: leave as saved. */
  readonly language: string | null;
}

export interface Location {
  /** The route the address asks for; null when it asks for none (the title screen). */
  readonly route: Route | null;
  /** Controls hidden for this session: kept in every address the game writes. */
  readonly hide: readonly HideableControl[];
  /** A result code to show the teacher. */
  readonly result: string | null;
  readonly settings: LinkSettings;
  /** Flags or values that were not understood, for one notice. */
  readonly ignored: readonly string[];
}

/** Codes are URL-safe and at most MAX_CODE_LENGTH long; the decoder checks the rest. */
const CODE = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_CODE_LENGTH}}$`);
const MAX_ROUNDS = 4;

const TRUE = new Set(['1', 'true', 'on', 'yes', '']);
const FALSE = new Set(['0', 'false', 'off', 'no']);

function params(text: string, strip: RegExp): URLSearchParams {
  try {
    return new URLSearchParams(text.replace(strip, ''));
  } catch {
    return new URLSearchParams();
  }
}

/** Reads an address's query string and hash (either may be empty). The hash wins where both say something. */
export function parseLocation(search: string, hash: string, languages: readonly string[] = []): Location {
  const all = params(search, /^\?/);
  for (const [key, value] of params(hash, /^#\/?/)) all.set(key, value);
  const ignored: string[] = [];
  const seen = new Set<string>();
  const get = (key: string): string | null => {
    seen.add(key);
    return all.get(key);
  };
  const bool = (key: string): boolean | null => {
    const value = get(key);
    if (value === null) return null;
    const v = value.toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    ignored.push(`${key}=${value}`);
    return null;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T | null => {
    const value = get(key);
    if (value === null) return null;
    if ((allowed as readonly string[]).includes(value.toLowerCase())) return value.toLowerCase() as T;
    ignored.push(`${key}=${value}`);
    return null;
  };

  const hide: HideableControl[] = [];
  // A link may name each control once; a list of 50,000 names is read no further than that.
  const hideNames = (get('hide') ?? '')
    .slice(0, MAX_HIDE_TEXT)
    .split(/[,\s]+/)
    .filter(Boolean)
    .slice(0, MAX_HIDE_NAMES);
  for (const name of hideNames) {
    const n = name.toLowerCase() === 'probe' ? 'probes' : name.toLowerCase();
    if (!(HIDEABLE_CONTROLS as readonly string[]).includes(n)) ignored.push(`hide=${name}`);
    else if (!hide.includes(n as HideableControl)) hide.push(n as HideableControl);
  }
  hide.sort((a, b) => HIDEABLE_CONTROLS.indexOf(a) - HIDEABLE_CONTROLS.indexOf(b));

  const motion = oneOf('motion', ['reduced', 'full'] as const);
  const speedText = get('speed');
  let speed: number | null = null;
  if (speedText !== null) {
    const v = Number(speedText.replace(/x$/i, ''));
    if (speedText.trim() !== '' && Number.isFinite(v) && v >= 0.25 && v <= 4) speed = v;
    else ignored.push(`speed=${speedText}`);
  }
  const language = oneOf('lang', languages);
  const settings: LinkSettings = {
    presenter: bool('presenter'),
    contrast: oneOf('contrast', ['high', 'normal'] as const),
    reducedMotion: motion === null ? null : motion === 'reduced',
    speed,
    language,
  };

  const resultText = get('result');
  const result = resultText !== null && CODE.test(resultText) ? resultText : null;
  if (resultText !== null && result === null) ignored.push('result=…');

  // The level: a campaign id or a level code under `level`, or a challenge code.
  const levelText = get('level');
  const challengeText = get('challenge');
  let source: LevelSource | null = null;
  if (challengeText !== null) {
    if (CODE.test(challengeText)) source = { kind: 'challenge-code', code: challengeText };
    else ignored.push('challenge=…');
  }
  if (source === null && levelText !== null) {
    // A campaign id is lower-case; a code starts with a capital letter, so the two never clash.
    if (ID_PATTERN.test(levelText)) source = { kind: 'campaign', id: levelText };
    else if (CODE.test(levelText)) source = { kind: 'level-code', code: levelText };
    else ignored.push(`level=${levelText.slice(0, 40)}`);
  }

  const roundText = get('round');
  let round: number | null = null;
  if (roundText !== null) {
    const n = Number(roundText);
    if (/^[1-9]$/.test(roundText) && n <= MAX_ROUNDS) round = n - 1;
    else ignored.push(`round=${roundText}`);
  }

  const screenText = get('screen');
  let screen: Screen | null = null;
  if (screenText !== null) {
    if ((SCREEN_NAMES as readonly string[]).includes(screenText.toLowerCase())) screen = screenText.toLowerCase() as Screen;
    else ignored.push(`screen=${screenText}`);
  }

  let route: Route | null = null;
  if (screen === 'guide') route = { screen, level: source?.kind === 'campaign' ? source.id : null };
  else if (screen !== null && !SCREENS[screen].inLevel) route = { screen: screen as 'title' | 'levels' | 'editor' | 'board' };
  else if (source !== null) {
    const levelScreen = (screen ?? (source.kind === 'challenge-code' ? 'train' : 'briefing')) as LevelScreen;
    route = { screen: levelScreen, source, round };
  } else if (screen !== null) ignored.push(`screen=${screen} (no level)`);

  for (const key of new Set(all.keys())) if (!seen.has(key)) ignored.push(key);
  return { route, hide, result, settings, ignored: summariseIgnored(ignored) };
}

const MAX_HIDE_NAMES = 2 * HIDEABLE_CONTROLS.length + 2;
const MAX_HIDE_TEXT = 400;
const MAX_IGNORED_SHOWN = 8;
const MAX_IGNORED_CHARS = 40;

/** At most a few ignored flags, each shortened, then how many more: a notice stays one short line. */
function summariseIgnored(ignored: readonly string[]): string[] {
  const shown = ignored.slice(0, MAX_IGNORED_SHOWN).map((flag) => (flag.length > MAX_IGNORED_CHARS ? `${flag.slice(0, MAX_IGNORED_CHARS)}…` : flag));
  if (ignored.length > MAX_IGNORED_SHOWN) shown.push(`and ${ignored.length - MAX_IGNORED_SHOWN} more`);
  return shown;
}

/** The hash that holds a route (and the hidden controls): parsing it gives them back. Empty for the title screen. */
export function formatHash(route: Route, hide: readonly HideableControl[] = []): string {
  const parts: string[] = [];
  switch (route.screen) {
    case 'title':
      break;
    case 'levels':
    case 'editor':
    case 'board':
      parts.push(`screen=${route.screen}`);
      break;
    case 'guide':
      parts.push('screen=guide');
      if (route.level !== null) parts.push(`level=${route.level}`);
      break;
    default: {
      const { source, round, screen } = route;
      parts.push(source.kind === 'challenge-code' ? `challenge=${source.code}` : `level=${source.kind === 'campaign' ? source.id : source.code}`);
      if (round !== null) parts.push(`round=${round + 1}`);
      if (screen !== (source.kind === 'challenge-code' ? 'train' : 'briefing')) parts.push(`screen=${screen}`);
    }
  }
  if (hide.length) parts.push(`hide=${hide.join(',')}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

/**
 * The screen a level route can show for an attempt: one that needs a trained
 * agent falls back to Train (after a reload the agent is gone); one that
 * needs a verdict falls back to the Verdict screen when there is an agent;
 * while a required first run is unwatched, every screen but the briefing
 * falls back to the first run.
 */
export function reachableScreen(screen: LevelScreen, attempt: { readonly agent: unknown; readonly score: unknown; readonly firstRun?: FirstRun | null }): LevelScreen {
  // A required first run stands before every tool: the player meets the failure first.
  if (attempt.firstRun?.required && !attempt.firstRun.watched && screen !== 'briefing' && screen !== 'first') return 'first';
  const needs = SCREENS[screen].needs;
  if (needs === 'agent' && !attempt.agent) return 'train';
  if (needs === 'verdict' && !attempt.score) return attempt.agent ? 'verdict' : 'train';
  return screen;
}

/** Whether two routes name the same place. */
export function sameRoute(a: Route, b: Route): boolean {
  return formatHash(a) === formatHash(b);
}
