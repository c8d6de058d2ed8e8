/**
 * The agent's anatomy: what this level's agent can see and notice, how far,
 * what it remembers, how it plans and where its training starts — as data
 * (codes and numbers, no English), so the briefing and Train screens can
 * show the player the inductive bias before training, in the game's words.
 *
 * Everything here is read off the level and mirrors what `agent.ts` and the
 * trainer actually do; it runs nothing (pretraining is described by its
 * declared stages, not run).
 */
import type { Level } from './level';
import { weightNames } from './level';
import {
  BESIDE_OBJECT_KINDS,
  BESIDE_TILE_KINDS,
  COLOUR_NAMES,
  CONTEXT_BITS,
  CONTEXT_BIT_NAMES,
  OBJECT_FEATURES,
  POSITION_FEATURES,
  TILE_FEATURES,
  type ContextBit,
  type EventKind,
  type Feature,
} from './vocabulary';

/** What kind of thing a feature is, which decides how the agent perceives it. */
export type SenseKind = 'object' | 'colour' | 'position' | 'tile' | 'next-to-object' | 'next-to-tile' | 'unexplored';

export interface Sense {
  readonly feature: Feature;
  readonly kind: SenseKind;
  /**
   * `everywhere`: known on every cell from the first step (the map and the
   * agent's position need no looking). `in-view`: noticed only on cells the
   * agent has seen, that is within `distance` tiles (a square around it).
   */
  readonly range: 'everywhere' | 'in-view';
  /** Tiles at which it is noticed; null when the agent sees the whole world. */
  readonly distance: number | null;
  /** The context bit that gives this feature two weights, if any. */
  readonly splitBy: ContextBit | null;
  /** The weights this feature has, in the order of the weight vector. */
  readonly weights: readonly string[];
}

export interface ContextSense {
  readonly bit: ContextBit;
  readonly values: readonly [string, string];
  readonly features: readonly Feature[];
}

export type StartingPoint =
  | { readonly kind: 'zero' }
  | { readonly kind: 'declared'; readonly weights: Readonly<Record<string, number>> }
  | { readonly kind: 'pretrained'; readonly stages: readonly PretrainingStageFacts[]; readonly episodes: number };

export interface PretrainingStageFacts {
  readonly name: string;
  readonly generations: number;
  readonly population: number;
  readonly episodesPerGeneration: number;
  readonly episodes: number;
  /** Every knob value of the stage's distribution (the level's training values, then the stage's own). */
  readonly knobs: Readonly<Record<string, number>>;
  readonly reward: Readonly<Partial<Record<EventKind, number>>>;
}

export interface AgentAnatomy {
  /** Null: the agent sees the whole world at once. */
  readonly viewRadius: number | null;
  /** The view radii the player may choose before training; null when the level fixes it. */
  readonly viewRadiusRange: { readonly min: number; readonly max: number } | null;
  /** `whole-world`: nothing to remember. `remembers-seen-cells`: a cell once seen stays known for the rest of the run. */
  readonly memory: 'whole-world' | 'remembers-seen-cells';
  readonly senses: readonly Sense[];
  readonly contexts: readonly ContextSense[];
  /** How much less a reward one step further away is worth to its planner. */
  readonly discount: number;
  readonly start: StartingPoint;
  /** Weights that learn faster or slower than the rest (noise scale ≠ 1), with their scale. */
  readonly learningSpeed: readonly { readonly weight: string; readonly scale: number }[];
  readonly weightDecay: number;
  readonly weightCount: number;
}

const OBJECT_SET: ReadonlySet<string> = new Set(OBJECT_FEATURES);
const COLOUR_SET: ReadonlySet<string> = new Set(COLOUR_NAMES);
const POSITION_SET: ReadonlySet<string> = new Set(POSITION_FEATURES);
const TILE_SET: ReadonlySet<string> = new Set(TILE_FEATURES);
const NEXT_TO_OBJECT: ReadonlySet<string> = new Set(BESIDE_OBJECT_KINDS.map((k) => `next-to-${k}`));
const NEXT_TO_TILE: ReadonlySet<string> = new Set(BESIDE_TILE_KINDS.map((k) => `next-to-${k}`));

export function senseKind(feature: Feature): SenseKind {
  if (OBJECT_SET.has(feature)) return 'object';
  if (COLOUR_SET.has(feature)) return 'colour';
  if (POSITION_SET.has(feature)) return 'position';
  if (TILE_SET.has(feature)) return 'tile';
  if (NEXT_TO_OBJECT.has(feature)) return 'next-to-object';
  if (NEXT_TO_TILE.has(feature)) return 'next-to-tile';
  return 'unexplored';
}

/** Kinds the agent perceives only where it has looked: things on cells, not the map. */
const IN_VIEW: ReadonlySet<SenseKind> = new Set(['object', 'colour', 'next-to-object']);

/**
 * The anatomy of a level's agent. Pure and cheap: no training, no worlds.
 * `viewRadius` is the player's choice where the level offers one (see
 * `TrainingConfig.viewRadius`); left out, the level's own.
 */
export function agentAnatomy(level: Level, choice: { readonly viewRadius?: number | null } = {}): AgentAnatomy {
  const agent = choice.viewRadius === undefined ? level.agent : { ...level.agent, viewRadius: choice.viewRadius };
  const names = weightNames(agent);
  const splitBy = new Map<Feature, ContextBit>();
  for (const bit of CONTEXT_BIT_NAMES) for (const f of agent.contexts[bit] ?? []) splitBy.set(f, bit);

  const senses: Sense[] = agent.features.map((feature) => {
    const kind = senseKind(feature);
    const bit = splitBy.get(feature) ?? null;
    const inView = IN_VIEW.has(kind) && agent.viewRadius !== null;
    return {
      feature,
      kind,
      range: inView ? 'in-view' : 'everywhere',
      distance: inView ? agent.viewRadius : null,
      splitBy: bit,
      weights: bit === null ? [feature] : CONTEXT_BITS[bit].map((value) => `${feature}|${value}`),
    };
  });
  const contexts: ContextSense[] = CONTEXT_BIT_NAMES.filter((bit) => (agent.contexts[bit] ?? []).length > 0).map((bit) => ({
    bit,
    values: [CONTEXT_BITS[bit][0], CONTEXT_BITS[bit][1]],
    features: [...(agent.contexts[bit] ?? [])],
  }));

  const bias = agent.inductiveBias;
  return {
    viewRadius: agent.viewRadius,
    viewRadiusRange: agent.viewRadiusRange ? { min: agent.viewRadiusRange.min, max: agent.viewRadiusRange.max } : null,
    memory: agent.viewRadius === null ? 'whole-world' : 'remembers-seen-cells',
    senses,
    contexts,
    discount: agent.discount,
    start: startingPoint(level),
    learningSpeed: names.filter((n) => (bias.noiseScale[n] ?? 1) !== 1).map((n) => ({ weight: n, scale: bias.noiseScale[n]! })),
    weightDecay: bias.weightDecay,
    weightCount: names.length,
  };
}

function startingPoint(level: Level): StartingPoint {
  const spec = level.pretraining;
  if (spec) {
    const levelKnobs = Object.fromEntries(Object.entries(level.knobs).map(([name, knob]) => [name, knob.training]));
    const stages = spec.stages.map((stage): PretrainingStageFacts => {
      const population = stage.population ?? level.training.population;
      const episodesPerGeneration = stage.episodesPerGeneration ?? level.training.episodesPerGeneration;
      return {
        name: stage.name,
        generations: stage.generations,
        population,
        episodesPerGeneration,
        episodes: stage.generations * population * 2 * episodesPerGeneration,
        knobs: { ...levelKnobs, ...stage.knobs },
        reward: { ...stage.reward },
      };
    });
    return { kind: 'pretrained', stages, episodes: stages.reduce((sum, s) => sum + s.episodes, 0) };
  }
  const declared = Object.entries(level.agent.inductiveBias.init).filter(([, w]) => w !== 0);
  return declared.length === 0 ? { kind: 'zero' } : { kind: 'declared', weights: Object.fromEntries(declared) };
}
