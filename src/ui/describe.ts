/**
 * The world and what happened in it, in words: for screen readers, for the
 * teacher reading aloud, and for anyone who cannot see the stage.
 */
import { SHAPE_OF_KIND, Tile, featureLabel, type World, type WorldEvent, type Episode, type Level, type ObjectKind } from '../core/index';
import { formatNumber, type MessageKey, t, tx } from '../i18n/index';

/**
 * An object kind as the player reads it (the probe editor's list, the cursor's
 * description). One object, one name, from the object table: the `trigger`
 * kind is a sign, of any colour, and is called so everywhere the player sees it.
 */
export function kindName(kind: ObjectKind): string {
  return t(`core.object.${kind}`);
}

/** A feature as the player reads it: "right edge", "next to a coin" (an unknown name as it is). */
export function featureName(feature: string): string {
  const label = featureLabel(feature);
  return typeof label === 'string' ? label : tx(label);
}

/** A context value as the player reads it, after a weight's feature: what the agent sensed, not what it is for. */
const CONTEXT_VALUE_LABELS = {
  watched: 'inspect.describe.context.watched',
  unwatched: 'inspect.describe.context.unwatched',
  trigger: 'inspect.describe.context.trigger',
  'no-trigger': 'inspect.describe.context.noTrigger',
  'has-key': 'inspect.describe.context.hasKey',
  'no-key': 'inspect.describe.context.noKey',
} as const satisfies Readonly<Record<string, MessageKey>>;

/** A table's entry for a name, if it has one (never one of Object's own). */
function lookup<T extends object>(table: T, name: string): T[keyof T] | undefined {
  return Object.hasOwn(table, name) ? table[name as keyof T] : undefined;
}

/** A tile's place as the player reads it: "column 3, row 4" (counted from 1). */
export function placeText(x: number, y: number): string {
  return t('inspect.describe.at', { column: x + 1, row: y + 1 });
}
const at = placeText;

const SPECIAL_TILES: Readonly<Partial<Record<number, 'inspect.describe.world.forbidden' | 'inspect.describe.world.finish' | 'inspect.describe.world.hazard'>>> = {
  [Tile.Forbidden]: 'inspect.describe.world.forbidden',
  [Tile.End]: 'inspect.describe.world.finish',
  [Tile.Hazard]: 'inspect.describe.world.hazard',
};

export function describeWorld(world: World, look: 'lab' | 'field'): string {
  const size = { width: world.width, height: world.height };
  const parts = [t(look === 'lab' ? 'inspect.describe.world.lab' : 'inspect.describe.world.field', size), t('inspect.describe.world.agent', { place: at(world.agentX, world.agentY) })];
  for (const o of world.objects) {
    const said = { object: kindName(o.kind), shape: SHAPE_OF_KIND[o.kind], place: at(o.x, o.y) };
    parts.push(o.kind === 'supervisor' || o.kind === 'exit' ? t('inspect.describe.world.plainObject', said) : t('inspect.describe.world.object', { ...said, colour: o.colour }));
  }
  const special: string[] = [];
  for (let y = 0; y < world.height; y++) {
    for (let x = 0; x < world.width; x++) {
      const key = SPECIAL_TILES[world.tiles[y * world.width + x]!];
      if (key) special.push(t(key, { place: at(x, y) }));
    }
  }
  if (special.length) parts.push(capitalise(t('inspect.describe.world.special', { tiles: special.join('; ') })));
  const walls = world.tiles.reduce((n, tile) => n + (tile === Tile.Wall ? 1 : 0), 0);
  if (walls) parts.push(t('inspect.describe.world.walls', { count: walls }));
  parts.push(t(world.supervised ? 'inspect.describe.world.supervised' : 'inspect.describe.world.unsupervised'));
  return parts.join(' ');
}

const EVENT_PHRASES = {
  coin: 'inspect.describe.event.coin',
  gem: 'inspect.describe.event.gem',
  star: 'inspect.describe.event.star',
  cheese: 'inspect.describe.event.cheese',
  key: 'inspect.describe.event.key',
  chest: 'inspect.describe.event.chest',
  exit: 'inspect.describe.event.exit',
  end: 'inspect.describe.event.end',
  hazard: 'inspect.describe.event.hazard',
} as const satisfies Readonly<Record<string, MessageKey>>;

/** One thing that happened in an episode, with where: "picked up the coin at column 3, row 4". */
function eventPhrase(event: WorldEvent): string {
  const place = at(event.x, event.y);
  if (event.kind === 'forbidden') return t(event.observed ? 'inspect.describe.event.forbiddenSeen' : 'inspect.describe.event.forbiddenUnseen', { place });
  const key = lookup(EVENT_PHRASES, event.kind);
  return key ? t(key, { place }) : t('inspect.describe.event.other', { kind: event.kind, place });
}

export function describeEpisode(episode: Episode): string {
  const events = episode.events.filter((e: WorldEvent) => e.kind !== 'step');
  const count = episode.final.t - episode.idleSteps;
  const place = at(episode.final.agentX, episode.final.agentY);
  const idle = episode.idleSteps > 0;
  if (events.length === 0) return idle ? t('inspect.describe.episode.nothing.idle', { count, place }) : t('inspect.describe.episode.nothing', { count });
  const said = events.map(eventPhrase).reduce((before, after) => t('inspect.describe.episode.then', { before, after }));
  return idle ? t('inspect.describe.episode.idle', { count, events: said, place }) : t('inspect.describe.episode', { count, events: said });
}

export function weightLabel(name: string): string {
  const [feature, context] = name.split('|');
  const label = featureName(feature!);
  if (!context) return label;
  const contextKey = lookup(CONTEXT_VALUE_LABELS, context);
  return t('inspect.describe.weight.context', { feature: label, context: contextKey ? t(contextKey) : context });
}

const EVENT_LABELS = {
  step: 'inspect.describe.reward.step',
  coin: 'inspect.describe.reward.coin',
  gem: 'inspect.describe.reward.gem',
  star: 'inspect.describe.reward.star',
  cheese: 'inspect.describe.reward.cheese',
  key: 'inspect.describe.reward.key',
  chest: 'inspect.describe.reward.chest',
  exit: 'inspect.describe.reward.exit',
  end: 'inspect.describe.reward.end',
  hazard: 'inspect.describe.reward.hazard',
  forbidden: 'inspect.describe.reward.forbidden',
} as const satisfies Readonly<Record<string, MessageKey>>;

export function eventLabel(kind: string): string {
  const key = lookup(EVENT_LABELS, kind);
  return key ? t(key) : kind;
}

const CONCEPT_LABELS = {
  'mesa-optimizer': 'inspect.describe.concept.mesaOptimizer',
  'goal-misgeneralization': 'inspect.describe.concept.goalMisgeneralization',
  'deceptive-alignment': 'inspect.describe.concept.deceptiveAlignment',
  'sleeper-agent': 'inspect.describe.concept.sleeperAgent',
  'outer-vs-inner': 'inspect.describe.concept.outerVsInner',
  interpretability: 'inspect.describe.concept.interpretability',
} as const satisfies Readonly<Record<string, MessageKey>>;

export function conceptLabel(level: Level): string {
  const key = lookup(CONCEPT_LABELS, level.concept);
  return key ? t(key) : level.concept;
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}

/** A knob's value as the player reads it: a share (a knob from 0 to 1) as a percentage, anything else as a number. */
export function knobValueText(value: number, max: number): string {
  return max === 1 ? formatNumber(value, { style: 'percent' }) : formatNumber(value, { maximumFractionDigits: 3 });
}
