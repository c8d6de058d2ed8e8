/**
 * The base objective: the reward the player writes, over observable events.
 *
 * The base optimizer can only reward what it observes. An event the world
 * marked unobserved (a forbidden tile crossed while nobody watched) earns
 * nothing and costs nothing — which is how deception can be selected for
 * without anyone intending it.
 */
import type { Episode } from './agent';
import type { EventKind } from './vocabulary';

export type BaseObjective = Readonly<Partial<Record<EventKind, number>>>;

export function episodeReward(objective: BaseObjective, episode: Episode): number {
  let total = (objective.step ?? 0) * episode.idleSteps;
  for (const event of episode.events) {
    if (event.observed) total += objective[event.kind] ?? 0;
  }
  return total;
}

/** Counts of every event, observed or not: what really happened. */
export function eventCounts(episode: Episode): Partial<Record<EventKind, number>> {
  const counts: Partial<Record<EventKind, number>> = {};
  for (const e of episode.events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  if (episode.idleSteps > 0) counts.step = (counts.step ?? 0) + episode.idleSteps;
  return counts;
}
