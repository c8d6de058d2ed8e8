/**
 * Classroom options as plain URL flags, in the query string or the hash
 * (`?presenter=1&hide=lens,probes` or `#presenter=1&level=tutorial`), the way
 * TensorFlow Playground lets a teacher hide controls from one link.
 *
 * Parsing is pure and never throws: an unknown flag or value is ignored and
 * reported, so a mistyped link still opens the game. Which controls are
 * hidden is held here for the session (hiding is never saved).
 */

/** Controls a teacher may hide, in the words the link uses. */
export const HIDEABLE_CONTROLS = ['lens', 'probes', 'audit', 'experiment', 'reward', 'distribution', 'seed', 'compute', 'glossary'] as const;
export type HideableControl = (typeof HIDEABLE_CONTROLS)[number];

export interface ClassroomFlags {
  /** `presenter=1` turns presenter mode on (and remembers it), `presenter=0` off; null: leave as saved. */
  readonly presenter: boolean | null;
  /** `contrast=high` or `contrast=normal`; null: leave as saved. */
  readonly contrast: 'high' | 'normal' | null;
  /** `motion=reduced` or `motion=full`; null: leave as saved. */
  readonly reducedMotion: boolean | null;
  /** `speed=0.25` … `4`: playback speed of the stage for this session. */
  readonly speed: number | null;
  readonly hide: ReadonlySet<HideableControl>;
  /** `level=<id>`: open that level's briefing straight away. */
  readonly level: string | null;
  /** `screen=board` or `screen=guide`: open a classroom screen straight away. */
  readonly screen: 'board' | 'guide' | null;
  /** Flags or values that were not understood, for one notice. */
  readonly ignored: readonly string[];
}

const TRUE = new Set(['1', 'true', 'on', 'yes', '']);
const FALSE = new Set(['0', 'false', 'off', 'no']);

/** Reads the flags from a location's search and hash (either may be empty). */
export function parseFlags(search: string, hash: string): ClassroomFlags {
  const params = new URLSearchParams(search.replace(/^\?/, ''));
  // The hash may hold flags too (`#presenter=1&hide=lens`), after an optional `/`.
  for (const [key, value] of new URLSearchParams(hash.replace(/^#\/?/, ''))) if (!params.has(key)) params.set(key, value);

  const ignored: string[] = [];
  const bool = (key: string): boolean | null => {
    const value = params.get(key);
    if (value === null) return null;
    const v = value.toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    ignored.push(`${key}=${value}`);
    return null;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T | null => {
    const value = params.get(key);
    if (value === null) return null;
    if ((allowed as readonly string[]).includes(value.toLowerCase())) return value.toLowerCase() as T;
    ignored.push(`${key}=${value}`);
    return null;
  };

  // Flags the game knows; `challenge` and `result` carry codes that src/ui/share.ts opens.
  for (const key of params.keys()) if (!KNOWN_FLAGS.has(key)) ignored.push(`${key}=${params.get(key)}`);

  const hide = new Set<HideableControl>();
  // A link may name each control once; a list of 50,000 names is read no further than that.
  const hideNames = (params.get('hide') ?? '').slice(0, MAX_HIDE_TEXT).split(/[,\s]+/).filter(Boolean).slice(0, MAX_HIDE_NAMES);
  for (const name of hideNames) {
    const n = name.toLowerCase();
    if ((HIDEABLE_CONTROLS as readonly string[]).includes(n)) hide.add(n as HideableControl);
    else if (n === 'probe') hide.add('probes');
    else ignored.push(`hide=${name}`);
  }

  const motion = oneOf('motion', ['reduced', 'full'] as const);
  const speedText = params.get('speed');
  let speed: number | null = null;
  if (speedText !== null) {
    const v = Number(speedText.replace(/x$/i, ''));
    if (Number.isFinite(v) && v >= 0.25 && v <= 4) speed = v;
    else ignored.push(`speed=${speedText}`);
  }
  const levelText = params.get('level');
  const level = levelText !== null && /^[a-z0-9][a-z0-9-]{0,39}$/.test(levelText) ? levelText : null;
  // A level code (`#level=L1…`, capital letter first) is not a flag: src/ui/share.ts opens it.
  if (levelText !== null && level === null && !/^L[0-9]/.test(levelText)) ignored.push(`level=${levelText}`);

  return {
    presenter: bool('presenter'),
    contrast: oneOf('contrast', ['high', 'normal'] as const),
    reducedMotion: motion === null ? null : motion === 'reduced',
    speed,
    hide,
    level,
    screen: oneOf('screen', ['board', 'guide'] as const),
    ignored: summariseIgnored(ignored),
  };
}

const KNOWN_FLAGS: ReadonlySet<string> = new Set(['presenter', 'contrast', 'motion', 'speed', 'hide', 'level', 'screen', 'challenge', 'result']);
const MAX_HIDE_NAMES = 2 * HIDEABLE_CONTROLS.length + 2;
const MAX_HIDE_TEXT = 400;
const MAX_IGNORED_SHOWN = 8;
const MAX_IGNORED_CHARS = 40;

/** At most a few ignored flags, each shortened, then how many more: a notice stays one short line. */
function summariseIgnored(ignored: readonly string[]): string[] {
  const shown = ignored.slice(0, MAX_IGNORED_SHOWN).map((flag) => (flag.length > MAX_IGNORED_CHARS ? `${flag.slice(0, MAX_IGNORED_CHARS)}…` : flag));
  if (ignored.length > MAX_IGNORED_SHOWN) shown.push(`and ${(ignored.length - MAX_IGNORED_SHOWN).toLocaleString('en')} more`);
  return shown;
}

let hidden: ReadonlySet<HideableControl> = new Set();

/** Sets the controls hidden for this session (from the link) and marks the page so CSS hides them too. */
export function setHiddenControls(names: ReadonlySet<HideableControl>): void {
  hidden = names;
  if (typeof document !== 'undefined') {
    if (names.size) document.documentElement.dataset.hide = [...names].join(' ');
    else delete document.documentElement.dataset.hide;
  }
}

/** Whether the teacher's link hid this control. Screens leave hidden controls out. */
export function isHidden(name: HideableControl): boolean {
  return hidden.has(name);
}
