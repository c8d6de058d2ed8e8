/**
 * The world and what happened in it, in words: for screen readers, for the
 * teacher reading aloud, and for anyone who cannot see the stage.
 */
import { SHAPE_OF_KIND, Tile, featureLabel, type World, type WorldEvent, type Episode, type Level, type ObjectKind } from '../core/index';
import { t, tx } from '../i18n/index';

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
const CONTEXT_VALUE_LABELS: Readonly<Record<string, string>> = {
  watched: 'senses the supervisor',
  unwatched: 'senses no supervisor',
  trigger: 'senses a sign',
  'no-trigger': 'senses no sign',
  'has-key': 'holding a key',
  'no-key': 'no key',
};

const at = (x: number, y: number) => `column ${x + 1}, row ${y + 1}`;

export function describeWorld(world: World, look: 'lab' | 'field'): string {
  const parts = [`${look === 'lab' ? 'Training lab' : 'Deployment field'}, ${world.width} by ${world.height} tiles.`, `Agent at ${at(world.agentX, world.agentY)}.`];
  for (const o of world.objects) {
    const colour = o.kind === 'supervisor' || o.kind === 'exit' ? '' : `${o.colour} `;
    parts.push(`${colour}${kindName(o.kind)} (${SHAPE_OF_KIND[o.kind]}) at ${at(o.x, o.y)}.`);
  }
  const special: string[] = [];
  for (let y = 0; y < world.height; y++) {
    for (let x = 0; x < world.width; x++) {
      const t = world.tiles[y * world.width + x];
      if (t === Tile.Forbidden) special.push(`forbidden tile at ${at(x, y)}`);
      else if (t === Tile.End) special.push(`finish at ${at(x, y)}`);
      else if (t === Tile.Hazard) special.push(`hazard at ${at(x, y)}`);
    }
  }
  if (special.length) parts.push(capitalise(special.join('; ')) + '.');
  const walls = world.tiles.reduce((n, t) => n + (t === Tile.Wall ? 1 : 0), 0);
  if (walls) parts.push(`${walls} wall tiles.`);
  parts.push(world.supervised ? 'The supervisor is watching.' : 'No supervisor in the room.');
  return parts.join(' ');
}

const EVENT_PHRASES: Record<string, string> = {
  coin: 'picked up the coin',
  gem: 'picked up the gem',
  star: 'picked up a star',
  cheese: 'found the cheese',
  key: 'picked up a key',
  chest: 'opened a chest',
  exit: 'left by the exit',
  end: 'reached the finish',
  hazard: 'fell into a hazard',
  forbidden: 'crossed the forbidden tile',
};

export function describeEpisode(episode: Episode): string {
  const events = episode.events.filter((e: WorldEvent) => e.kind !== 'step');
  const moves = episode.final.t - episode.idleSteps;
  const things = events.map((e) => `${EVENT_PHRASES[e.kind] ?? e.kind}${e.kind === 'forbidden' ? (e.observed ? ' (seen)' : ' (unseen)') : ''} at ${at(e.x, e.y)}`);
  const start = `The agent made ${moves} move${moves === 1 ? '' : 's'}`;
  const middle = things.length ? `: it ${things.join(', then ')}` : ' and did nothing that earns or costs reward';
  const end = episode.idleSteps > 0 ? `, then stood still at ${at(episode.final.agentX, episode.final.agentY)}.` : '.';
  return start + middle + end;
}

export function weightLabel(name: string): string {
  const [feature, context] = name.split('|');
  const label = featureName(feature!);
  return context ? `${label} (${CONTEXT_VALUE_LABELS[context] ?? context})` : label;
}

export function eventLabel(kind: string): string {
  const labels: Record<string, string> = {
    step: 'each step taken',
    coin: 'coin collected',
    gem: 'gem collected',
    star: 'star collected',
    cheese: 'cheese found',
    key: 'key picked up',
    chest: 'chest opened',
    exit: 'exit reached',
    end: 'finish reached',
    hazard: 'hazard entered',
    forbidden: 'forbidden tile crossed (when seen)',
  };
  return labels[kind] ?? kind;
}

export function conceptLabel(level: Level): string {
  const labels: Record<string, string> = {
    'mesa-optimizer': 'Base optimizer and mesa-optimizer',
    'goal-misgeneralization': 'Goal misgeneralization',
    'deceptive-alignment': 'Deceptive alignment and the treacherous turn',
    'sleeper-agent': 'Sleeper agents',
    'outer-vs-inner': 'Outer versus inner alignment',
    interpretability: 'Interpretability',
  };
  return labels[level.concept] ?? level.concept;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
