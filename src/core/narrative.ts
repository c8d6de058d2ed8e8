/**
 * The run's story, from measured facts only: what the worlds this agent
 * trained on made indistinguishable, what it learned (its weights), what the
 * player changed from the level's defaults, how deployment went — and the
 * level's lesson sentences (`storyTemplate.ts`) filled in from those facts,
 * each shown only when its conditions hold of this run.
 *
 * Nothing here assumes a level's default failure happened: a sentence about
 * the proxy is said only when the measurement names it. Pure and cheap: it
 * regenerates the training worlds from the seed (no training) and reads the
 * scorecard the deployment measured.
 */
import { agentAnatomy, type Sense } from './anatomy';
import type { TrainingConfig } from './config';
import { resolveConfig } from './config';
import type { Level, Hypothesis, TrainingConfigInput } from './level';
import { UNEXPLAINED, weightLayout } from './level';
import { message, type Message, type MessageParam } from './message';
import { own } from './plainNames';
import type { FailureKind, DeploymentTruth } from './scoring';
import { parseSay, type Placeholder, type StoryCondition, type StoryNames, type StorySentence } from './storyTemplate';
import { trainingWorlds } from './trainer';
import { BESIDE_TILES, COLOUR_NAMES, CONTEXT_BITS, EVENT_KINDS, MOVES, OBJECT_KINDS, Tile, featureLabel, objectsLabel, type EventKind, type ObjectKind } from './vocabulary';
import type { World, WorldObject } from './world';

// ---------------------------------------------------------------------------
// Facts of the training distribution, as the agent met it

const KIND_SET: ReadonlySet<string> = new Set(OBJECT_KINDS);
const COLOUR_SET: ReadonlySet<string> = new Set(COLOUR_NAMES);
const CORNERS: Readonly<Record<string, readonly ['min' | 'max', 'min' | 'max']>> = {
  'top-left-corner': ['min', 'min'],
  'top-right-corner': ['max', 'min'],
  'bottom-left-corner': ['min', 'max'],
  'bottom-right-corner': ['max', 'max'],
};
const TILE_OF_FEATURE: Readonly<Record<string, Tile>> = { forbidden: Tile.Forbidden, hazard: Tile.Hazard, end: Tile.End };

/** Whether object `o` in `world` passes a test: it is of that kind or colour, or its cell has that feature. */
export function objectPasses(world: World, o: WorldObject, test: string): boolean {
  if (KIND_SET.has(test)) return o.kind === test;
  if (COLOUR_SET.has(test)) return o.colour === test;
  const { width, height } = world;
  switch (test) {
    case 'right-edge':
      return o.x === width - 1;
    case 'left-edge':
      return o.x === 0;
    case 'top-edge':
      return o.y === 0;
    case 'bottom-edge':
      return o.y === height - 1;
  }
  const corner = own(CORNERS, test);
  if (corner) return o.x === (corner[0] === 'min' ? 0 : width - 1) && o.y === (corner[1] === 'min' ? 0 : height - 1);
  const tile = own(TILE_OF_FEATURE, test);
  if (tile !== undefined) return world.tiles[o.y * width + o.x] === tile;
  if (test.startsWith('next-to-')) {
    const kind = test.slice('next-to-'.length);
    const tileKind = own(BESIDE_TILES as Readonly<Record<string, Tile>>, kind);
    return MOVES.some(([dx, dy]) => {
      const x = o.x + dx;
      const y = o.y + dy;
      if (x < 0 || y < 0 || x >= width || y >= height) return tileKind === Tile.Wall;
      if (tileKind !== undefined) return world.tiles[y * width + x] === tileKind;
      return world.objects.some((p) => p.kind === kind && p.x === x && p.y === y);
    });
  }
  return false;
}

/** What the worlds one agent trained on held: counts the lesson's sentences and the mechanism sentence are made of. */
export class TrainingFacts {
  private readonly pairs = new Map<string, { together: number; apart: number }>();

  /**
   * @param worldList the training worlds measured, in training order
   * @param total how many worlds the agent trained on; more than measured when a huge level's count was bounded
   */
  constructor(
    readonly worldList: readonly World[],
    readonly total: number = worldList.length,
  ) {}

  /** Whether every training world was measured (false only for a level too big to measure on the page). */
  get complete(): boolean {
    return this.worldList.length === this.total;
  }

  /** Training worlds the agent trained on (one per episode batch slot, every generation). */
  get worlds(): number {
    return this.worldList.length;
  }

  private pair(selector: string, test: string): { together: number; apart: number } {
    const key = `${selector}:${test}`;
    let counts = this.pairs.get(key);
    if (!counts) {
      counts = { together: 0, apart: 0 };
      const selects = KIND_SET.has(selector) ? (o: WorldObject) => o.kind === selector : (o: WorldObject) => o.colour === selector && o.kind !== 'supervisor';
      for (const world of this.worldList) {
        const selected = world.objects.filter(selects);
        if (selected.length === 0) continue;
        if (selected.every((o) => objectPasses(world, o, test))) counts.together++;
        else counts.apart++;
      }
      this.pairs.set(key, counts);
    }
    return counts;
  }

  /** Worlds in which every object selected (by kind or colour) passed the test. */
  together(selector: string, test: string): number {
    return this.pair(selector, test).together;
  }

  /** Worlds in which some selected object failed the test. */
  apart(selector: string, test: string): number {
    return this.pair(selector, test).apart;
  }

  /** Worlds with at least one object of this kind. */
  present(kind: string): number {
    return this.worldList.filter((w) => w.objects.some((o) => o.kind === kind)).length;
  }

  /** Worlds with a supervisor in the room. */
  get watched(): number {
    return this.worldList.filter((w) => w.supervised).length;
  }

  /** Worlds with a covert audit (no supervisor, but crossings were seen). */
  get audited(): number {
    return this.worldList.filter((w) => w.audited).length;
  }

  /** Worlds where no one saw what the agent did. */
  get unwatched(): number {
    return this.worlds - this.watched - this.audited;
  }

  /** Worlds with fewer objects of kind `a` than of kind `b`. */
  fewer(a: string, b: string): number {
    const count = (w: World, kind: string) => w.objects.filter((o) => o.kind === kind).length;
    return this.worldList.filter((w) => count(w, a) < count(w, b)).length;
  }
}

/** The facts of the worlds an agent trained with `config` from `seed` trained on. */
export function trainingFacts(level: Level, config: TrainingConfig, seed: number): TrainingFacts {
  return new TrainingFacts(trainingWorlds(level, config, seed, MEASURE_LIMITS), config.generations * config.episodesPerGeneration);
}

/**
 * Most training worlds (and objects in them) the story regenerates to measure
 * a run, so the score screen never blocks the page for long (about 0.1 ms a
 * world): every campaign level's default run is within it (200–320 worlds);
 * a long run or a huge level is measured on its first worlds, and the story
 * says so.
 */
export const MEASURE_LIMITS = { worlds: 800, objects: 8_000 } as const;

/** A sentence saying the counts cover only part of the training worlds, or null when they cover all. */
export function measuredShareSentence(facts: TrainingFacts): Message | null {
  return facts.complete ? null : message('core.story.measured-share', { measured: facts.worlds, total: facts.total });
}

// ---------------------------------------------------------------------------
// The run

/** Everything measured about one run that the story may use. */
export interface RunFacts {
  readonly level: Level;
  /** The player's settings as trained (before resolving against the level). */
  readonly config: TrainingConfigInput;
  /** The settings the player started from: the level's defaults, or a round's preset. */
  readonly baseline: TrainingConfigInput;
  readonly training: TrainingFacts;
  readonly weights: Readonly<Record<string, number>>;
  readonly card: DeploymentTruth;
  /** Where the engine placed the failure, in levels that ask; null otherwise. */
  readonly failure: FailureKind | null;
}

/** Builds the run's facts (regenerating its training worlds from the seed). */
export function runFacts(
  level: Level,
  agent: { readonly config: TrainingConfigInput; readonly seed: number; readonly weights: Readonly<Record<string, number>> },
  measured: { readonly card: DeploymentTruth; readonly failure?: FailureKind | null },
  baseline: TrainingConfigInput = {},
): RunFacts {
  const trained = resolveConfig(level, agent.config);
  return { level, config: agent.config, baseline, training: trainingFacts(level, trained, agent.seed), weights: agent.weights, card: measured.card, failure: measured.failure ?? null };
}

export function intendedHypothesis(level: Level): Hypothesis {
  return level.hypotheses.find((h) => h.intended)!;
}

/** The failure the level teaches happened in this run: misaligned, and after a named objective that is not the intended one. */
export function failureSeen(level: Level, card: DeploymentTruth): boolean {
  return !card.aligned && card.revealed !== UNEXPLAINED && card.revealed !== intendedHypothesis(level).id;
}

/** One setting the player changed from the baseline, with both values. */
export interface SettingChange {
  readonly kind: 'reward' | 'knob' | 'generations';
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

/** What the player changed from the baseline (reward sizes, knobs, compute), in the level's order. */
export function settingChanges(level: Level, config: TrainingConfigInput, baseline: TrainingConfigInput = {}): SettingChange[] {
  const base = resolveConfig(level, baseline);
  const mine = resolveConfig(level, { ...baseline, ...config, reward: { ...baseline.reward, ...config.reward }, knobs: { ...baseline.knobs, ...config.knobs } });
  const changes: SettingChange[] = [];
  for (const event of EVENT_KINDS) {
    const from = base.reward[event] ?? 0;
    const to = mine.reward[event] ?? 0;
    if (from !== to) changes.push({ kind: 'reward', name: event, from, to });
  }
  for (const name of Object.keys(level.knobs)) {
    const from = base.knobs[name]!;
    const to = mine.knobs[name]!;
    if (from !== to) changes.push({ kind: 'knob', name, from, to });
  }
  if (base.generations !== mine.generations) changes.push({ kind: 'generations', name: 'generations', from: base.generations, to: mine.generations });
  return changes;
}

// ---------------------------------------------------------------------------
// Numbers and names in words

/** A signed number with one decimal and a true minus sign: "+1.4", "−0.3". */
export function signed(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}

/** A plain number as the player typed it, with a true minus sign. */
export function plain(value: number): string {
  const text = String(Math.round(value * 1000) / 1000);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/** A knob's value as the Train screen shows it: a share as a percentage, a count as a number. */
export function knobText(level: Level, name: string, value: number): string | Message {
  const knob = own(level.knobs, name);
  return knob && knob.max <= 1 ? message('core.number.percent', { value: Math.round(value * 100) }) : plain(value);
}

/** The context values a weight can be split by, each with its words in the catalog (`core.context.*`). */
const CONTEXT_VALUES: ReadonlySet<string> = new Set(Object.values(CONTEXT_BITS).flat());

/** A context value in words: "while watched", "without a key". */
export function contextWords(value: string): MessageParam {
  return CONTEXT_VALUES.has(value) ? message(`core.context.${value}`) : value;
}

/** A feature as a thing the agent can value: "the coin", "yellow things", "the right edge". */
export function thingWords(feature: string): Message {
  const label = featureLabel(feature);
  if (COLOUR_SET.has(feature)) return message('core.thing.colour', { colour: label });
  if (feature === 'unexplored') return message('core.thing.unexplored');
  if (feature.startsWith('next-to-')) return message('core.thing.beside', { place: label });
  return message('core.thing.the', { thing: label });
}

/** A weight name in words: "the forbidden tile while unwatched". */
export function weightWords(name: string): Message {
  const [feature, context] = name.split('|');
  return context ? message('core.thing.in-context', { thing: thingWords(feature!), context: contextWords(context) }) : thingWords(feature!);
}

// ---------------------------------------------------------------------------
// The lesson's sentences

function label(level: Level, id: string): string | Message {
  return level.hypotheses.find((h) => h.id === id)?.label ?? message('core.hypothesis.unexplained');
}

function changed(run: RunFacts): boolean {
  return settingChanges(run.level, run.config, run.baseline).length > 0;
}

function rewardOf(run: RunFacts, event: string): number {
  const reward = resolveConfig(run.level, { ...run.baseline, ...run.config, reward: { ...run.baseline.reward, ...run.config.reward } }).reward;
  return reward[event as EventKind] ?? 0;
}

function knobOf(run: RunFacts, name: string): number {
  return resolveConfig(run.level, { ...run.baseline, ...run.config, knobs: { ...run.baseline.knobs, ...run.config.knobs } }).knobs[name] ?? 0;
}

/** Whether every condition of a sentence holds of the run. */
export function conditionHolds(run: RunFacts, when: StoryCondition | undefined): boolean {
  if (!when) return true;
  const { card, training, level } = run;
  if (when.revealed !== undefined && !(typeof when.revealed === 'string' ? [when.revealed] : when.revealed).includes(card.revealed)) return false;
  if (when.aligned !== undefined && when.aligned !== card.aligned) return false;
  if (when.failureSeen !== undefined && when.failureSeen !== failureSeen(level, card)) return false;
  if (when.failure !== undefined && when.failure !== run.failure) return false;
  if (when.together) {
    const pairs = (typeof when.together[0] === 'string' ? [when.together] : when.together) as readonly (readonly [string, string])[];
    if (!pairs.every(([a, b]) => training.apart(a, b) === 0 && training.together(a, b) > 0)) return false;
  }
  if (when.fewer && training.fewer(...when.fewer) !== training.worlds) return false;
  if (when.apart && training.apart(...when.apart) === 0) return false;
  if (when.present && training.present(when.present) === 0) return false;
  if (when.absent && training.present(when.absent) > 0) return false;
  if (when.paid && !(rewardOf(run, when.paid) > 0)) return false;
  if (when.unpaid && rewardOf(run, when.unpaid) > 0) return false;
  if (when.changed !== undefined && when.changed !== changed(run)) return false;
  return true;
}

/** The value of one placeholder in this run: a count, a signed weight, a label, or words from the catalog. */
export function placeholderValue(run: RunFacts, p: Placeholder): StoryPart {
  const { training, card, level } = run;
  const [a = '', b = ''] = p.args;
  switch (p.name) {
    case 'worlds':
      return training.worlds;
    case 'together':
      return training.together(a, b);
    case 'apart':
      return training.apart(a, b);
    case 'present':
      return training.present(a);
    case 'watched':
      return training.watched;
    case 'audited':
      return training.audited;
    case 'unwatched':
      return training.unwatched;
    case 'fewer':
      return training.fewer(a, b);
    case 'weight':
      return signed(run.weights[a] ?? 0);
    case 'knob':
      return knobText(level, a, knobOf(run, a));
    case 'reward':
      return plain(rewardOf(run, a));
    case 'success':
      return card.successes.filter(Boolean).length;
    case 'suite':
      return card.successes.length;
    case 'matched':
      return Math.round((card.agreement[card.revealed] ?? 0) * card.successes.length);
    case 'revealed':
      return label(level, card.revealed);
    case 'intended':
      return intendedHypothesis(level).label;
    case 'view':
      return level.agent.viewRadius === null ? message('core.story.whole-world') : level.agent.viewRadius;
  }
}

/**
 * A lesson sentence filled in: the level's own text (already in the reader's
 * language when the view passes its level so) and the values measured,
 * each a count, text written as it is (a signed weight, a label), or
 * words from the catalog (`the whole world`). The view writes each part and
 * joins them; in English the result is the sentence the level wrote.
 */
export type StoryPart = string | number | Message;
export type StoryText = readonly StoryPart[];

export function storyNames(level: Level): StoryNames {
  return {
    weights: new Set(weightLayout(level.agent).flatMap((s) => s.names)),
    knobs: new Set(Object.keys(level.knobs)),
    hypotheses: new Set(level.hypotheses.map((h) => h.id)),
  };
}

/** Fills one sentence from the run (the level was validated, so its placeholders parse). */
export function fillSentence(run: RunFacts, sentence: StorySentence): StoryText {
  const parsed = parseSay(sentence.say, storyNames(run.level));
  if (!parsed.ok) return [sentence.say];
  return parsed.parts.map((part) => (typeof part === 'string' ? part : placeholderValue(run, part)));
}

/**
 * The level's lesson, told of this run: every sentence whose conditions
 * hold, filled in. A level whose lesson is a single text (prose about its
 * default failure) says it only when this run showed that failure.
 */
export function tellLesson(run: RunFacts): StoryText[] {
  const reveal = run.level.lesson.reveal;
  if (typeof reveal === 'string') return failureSeen(run.level, run.card) ? [[reveal]] : [];
  return reveal.filter((s) => conditionHolds(run, s.when)).map((s) => fillSentence(run, s));
}

// ---------------------------------------------------------------------------
// What the agent learned, what changed, what happened, and why

/** The agent's weights in words, largest first: "It is drawn to the right edge (+1.4) and to the coin (+0.2); it avoids …". */
export function weightsSentence(weights: Readonly<Record<string, number>>, whose: 'yours' | 'default' = 'yours'): Message {
  const entries = Object.entries(weights)
    .filter(([, w]) => Math.round(w * 10) !== 0)
    .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  if (entries.length === 0) return message('core.weights.none');
  const item = ([n, w]: [string, number]) => message('core.weights.item', { thing: weightWords(n), weight: signed(w) });
  const drawn = entries.filter(([, w]) => w > 0).map(item);
  const avoids = entries.filter(([, w]) => w < 0).map(item);
  const wants =
    drawn.length && avoids.length ? message('core.weights.drawn-avoids', { drawn, avoids }) : drawn.length ? message('core.weights.drawn', { drawn }) : message('core.weights.avoids', { avoids });
  return message(`core.weights.${whose}`, { wants });
}

/** What the player changed from the level's settings, or that they kept them. */
export function changesSentence(level: Level, config: TrainingConfigInput, baseline: TrainingConfigInput = {}): Message {
  const changes = settingChanges(level, config, baseline);
  if (changes.length === 0) return message('core.changes.none');
  const words = changes.map((c) => {
    switch (c.kind) {
      case 'reward':
        return message('core.changes.reward', { event: eventWords(c.name), from: plain(c.from), to: plain(c.to) });
      case 'knob':
        return message('core.changes.knob', { knob: level.knobs[c.name]!.label, from: knobText(level, c.name, c.from), to: knobText(level, c.name, c.to) });
      case 'generations':
        return message('core.changes.generations', { from: c.from, to: c.to });
    }
  });
  return message('core.changes.some', { changes: words });
}

/** A reward event as the Train screen words it: "each step", "the coin" (`core.event.*`). */
export function eventWords(event: string): MessageParam {
  return (EVENT_KINDS as readonly string[]).includes(event) ? message(`core.event.${event}`) : event;
}

/** How deployment went, and — when they differ — why "succeeded" and "matched the hypothesis" are different counts. */
export function outcomeSentences(level: Level, card: DeploymentTruth): Message[] {
  const out = [
    message(card.aligned ? 'core.outcome.aligned' : 'core.outcome.misaligned', {
      success: card.successes.filter(Boolean).length,
      suite: card.successes.length,
      objective: level.intendedObjective.replace(/\.$/, '').toLowerCase(),
      threshold: Math.round(level.success.threshold * 100),
    }),
  ];
  const why = successVersusMatch(level, card);
  if (why) out.push(why);
  return out;
}

/**
 * Why "achieved the intended objective" and "matched the intended
 * hypothesis" give different counts in this run, in one sentence; null when
 * they agree.
 */
export function successVersusMatch(level: Level, card: DeploymentTruth): Message | null {
  const suite = card.successes.length;
  const successes = card.successes.filter(Boolean).length;
  const intended = intendedHypothesis(level);
  const matched = Math.round((card.agreement[intended.id] ?? 0) * suite);
  if (matched === successes) return null;
  const counts = { intended: intended.label, success: successes, suite, matched };
  return matched < successes ? message('core.match.fewer', { ...counts, gap: successes - matched }) : message('core.match.more', { ...counts, gap: matched - successes });
}

/** The sense of one feature in words: "always knows where the right edge is" or "sees the coin only within 3 tiles". */
function senseWords(sense: Sense | undefined, feature: string): Message {
  const thing = thingWords(feature);
  if (!sense) return message('core.sense.none', { thing });
  if (sense.range === 'everywhere')
    return sense.kind === 'position' || sense.kind === 'tile' || sense.kind === 'next-to-tile' ? message('core.sense.knows', { thing }) : message('core.sense.sees', { thing });
  return message('core.sense.near', { thing, count: sense.distance ?? 0 });
}

/** The non-intended hypothesis the mechanism sentence is about: the revealed one, or else the level's first proxy. */
export function proxyOf(level: Level, card: DeploymentTruth): Hypothesis | undefined {
  const intended = intendedHypothesis(level);
  return level.hypotheses.find((h) => h.id === card.revealed && h.id !== intended.id) ?? level.hypotheses.find((h) => !h.intended);
}

/** The weight the proxy hypothesis leans on most, relative to the intended one (each scaled by its largest weight). */
export function proxyWeight(level: Level, proxy: Hypothesis): string | undefined {
  const intended = intendedHypothesis(level);
  const scale = (w: Readonly<Record<string, number>>) => Math.max(1e-9, ...Object.values(w).map(Math.abs));
  const [ps, is] = [scale(proxy.weights), scale(intended.weights)];
  let best: string | undefined;
  let bestGap = 0;
  for (const name of weightLayout(level.agent).flatMap((s) => s.names)) {
    const gap = (proxy.weights[name] ?? 0) / ps - (intended.weights[name] ?? 0) / is;
    if (gap > bestGap + 1e-9) [best, bestGap] = [name, gap];
  }
  return best;
}

/** The object the success test is about: the first object kind it requires that the agent perceives. */
export function targetKind(level: Level): ObjectKind | undefined {
  const events = [...level.success.all, ...(Object.keys(level.success.atLeast) as EventKind[])];
  const features = new Set<string>(level.agent.features);
  return events.find((e): e is EventKind & ObjectKind => KIND_SET.has(e) && features.has(e)) as ObjectKind | undefined;
}

/**
 * Which mechanism could make the proxy pay in this run, from the level's
 * anatomy (what the agent senses, from how far, how fast each weight
 * learns) and the training worlds' co-occurrence facts. Sentences only of
 * what is measured or declared; none claims the proxy won.
 */
export function mechanismSentences(run: RunFacts): Message[] {
  const { level, card, training } = run;
  const proxy = proxyOf(level, card);
  if (!proxy) return [];
  const anatomy = agentAnatomy(level);
  const senseOf = (feature: string) => anatomy.senses.find((s) => s.feature === feature);
  const weight = proxyWeight(level, proxy);
  const target = targetKind(level);
  const out: Message[] = [];
  if (weight !== undefined) {
    const [feature, context] = weight.split('|') as [string, string | undefined];
    if (context !== undefined) {
      const bit = senseOf(feature)?.splitBy;
      const sides = bit ? CONTEXT_BITS[bit].map(contextWords) : [contextWords(context), message('core.context.otherwise')];
      out.push(message('core.mechanism.split', { thing: thingWords(feature), first: sides[0]!, second: sides[1]! }));
      if (bit === 'watched') {
        out.push(message('core.mechanism.watched', { worlds: training.worlds, watched: training.watched, audited: training.audited, unwatched: training.unwatched }));
      } else if (bit === 'trigger') {
        out.push(message('core.mechanism.trigger', { present: training.present('trigger'), worlds: training.worlds }));
      }
    } else if (target !== undefined && feature !== target) {
      out.push(message('core.mechanism.senses', { target: senseWords(senseOf(target), target), proxy: senseWords(senseOf(feature), feature) }));
      if (KIND_SET.has(feature)) {
        const scarce = training.fewer(feature, target);
        const reward = (event: string) => plain(rewardOf(run, event));
        out.push(
          scarce === training.worlds
            ? message('core.mechanism.scarce', { count: scarce, fewer: objectsLabel(feature), more: objectsLabel(target) })
            : message('core.mechanism.paid', { targetReward: reward(target), target: thingWords(target), proxyReward: reward(feature), proxy: thingWords(feature) }),
        );
      } else {
        const together = training.together(target, feature);
        const apart = training.apart(target, feature);
        const seen = together + apart;
        out.push(
          apart === 0 && together > 0
            ? message('core.mechanism.together', { together, target: thingWords(target), passes: passWords(feature) })
            : message('core.mechanism.apart', { together, seen, target: thingWords(target), passes: passWords(feature), apart }),
        );
        if (COLOUR_SET.has(feature) && apart === 0 && training.apart(feature, target) === 0)
          out.push(message('core.mechanism.colour-only', { colour: featureLabel(feature), target: thingWords(target) }));
      }
    }
  }
  const slow = anatomy.learningSpeed;
  if (slow.length > 0) {
    out.push(message('core.mechanism.speed', { weights: slow.map((s) => message('core.mechanism.speed-item', { weight: weightWords(s.weight), percent: Math.round(s.scale * 100) })) }));
  }
  return out;
}

function passWords(test: string): Message {
  if (COLOUR_SET.has(test)) return message('core.pass.colour', { colour: featureLabel(test) });
  if (KIND_SET.has(test)) return message('core.pass.kind', { kind: featureLabel(test) });
  if (test.startsWith('next-to-')) return message('core.pass.beside', { place: featureLabel(test) });
  return message('core.pass.on', { thing: thingWords(test) });
}

/**
 * The lesson as a teacher reads it before any run: each sentence with its
 * numbers left as "…" (a single text is returned as it is).
 */
export function lessonOutline(level: Level): string[] {
  const reveal = level.lesson.reveal;
  if (typeof reveal === 'string') return [reveal];
  return reveal.map((s) => s.say.replace(/\{[^}]*\}/g, '…'));
}
