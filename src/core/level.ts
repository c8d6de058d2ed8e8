/**
 * The level format: its schema, its types and its validation.
 *
 * A level is untrusted data (a file, a code, an editor draft). `parseLevel`
 * either returns a typed level or a list of problems, each naming the path of
 * the bad field and the reason. Shape checks come from the schema library;
 * the checks that relate fields to each other (a hypothesis naming a weight
 * the agent does not have, a map row of the wrong width) follow in
 * `crossCheck`, reported the same way.
 */
import { z } from 'zod';
import { COLOUR_NAMES, CONTEXT_BITS, CONTEXT_BIT_NAMES, EVENT_KINDS, FAILURE_KINDS, FEATURES, OBJECT_KINDS, TILE_BY_CHAR, type ContextBit, type EventKind, type Feature } from './vocabulary';
import { message, schemaIssueMessage, type Message, type MessageParam, type SchemaIssue } from './message';
import { own, prototypeKeyProblems } from './plainNames';
import { sentenceProblems, storySentence } from './storyTemplate';

// No code generation: the game runs under a strict Content-Security-Policy
// (no eval), and zod's probe for it would be reported as a violation.
z.config({ jitless: true });

export const LEVEL_FORMAT = 1;
/** The revealed objective when no hypothesis explains enough of the agent's behaviour. */
export const UNEXPLAINED = 'unexplained';
export const MAX_GRID = 32;

/** Ids of levels and hypotheses (and what a link's `level=` may name): 1–40 lowercase letters, digits or dashes, not starting with a dash. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const idSchema = z.string().regex(ID_PATTERN, 'core.problem.id-format');
const id = idSchema;
const knobName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, 'core.problem.knob-name-format');
const text = (max: number) => z.string().min(1).max(max);
const finite = z.number().finite();

/** A number fixed in the level, or the current value of a named knob. */
const quantity = z.union([finite, z.strictObject({ knob: knobName })]);
export type Quantity = z.infer<typeof quantity>;

const viewRadius = z.int().min(1).max(MAX_GRID);

const coordinate = z
  .int()
  .min(0)
  .max(MAX_GRID - 1);
const cell = z.tuple([coordinate, coordinate]);
const region = z.union([
  z.strictObject({ rect: z.tuple([coordinate, coordinate, coordinate, coordinate]) }),
  z.strictObject({
    cells: z
      .array(cell)
      .min(1)
      .max(MAX_GRID * MAX_GRID),
  }),
  z.strictObject({ anywhere: z.literal(true) }),
]);
export type Region = z.infer<typeof region>;

/**
 * Where an object goes: a region of the map, or beside another object —
 * on a floor cell next to (up, down, left or right of) wherever an object of
 * that kind landed in this world ("the gem is always beside the tree").
 */
const beside = z.strictObject({ beside: z.enum(OBJECT_KINDS) });
const placement = z.union([region, beside]);
export type Placement = z.infer<typeof placement>;

const colourChoice = z.union([z.enum(COLOUR_NAMES), z.array(z.enum(COLOUR_NAMES)).min(1)]);

const spawnVariant = z.strictObject({
  chance: quantity,
  at: placement.optional(),
  colour: colourChoice.optional(),
});

const spawnRule = z.strictObject({
  kind: z.enum(OBJECT_KINDS),
  colour: colourChoice.default('grey'),
  count: quantity.default(1),
  presence: quantity.default(1),
  at: placement,
  variants: z.array(spawnVariant).max(8).default([]),
});
export type SpawnRule = z.infer<typeof spawnRule>;

const knob = z.strictObject({
  label: text(60),
  description: text(300),
  min: finite,
  max: finite,
  step: z.number().positive(),
  training: finite,
  deployment: finite,
  unlocked: z.boolean().default(false),
});
export type Knob = z.infer<typeof knob>;

const weights = z.record(z.string(), finite);

const claim = z.strictObject({
  name: text(120),
  config: z.lazy(() => trainingConfigSchema).default({}),
  expect: z
    .strictObject({
      /** A hypothesis id, or "unexplained" when no hypothesis explains enough of the behaviour. */
      revealed: id.optional(),
      aligned: z.boolean().optional(),
      failure: z.enum(FAILURE_KINDS).optional(),
      /** The revealed objective differs between seeds: at least two different ones among the seeds checked. */
      revealedVaries: z.literal(true).optional(),
      /**
       * The cheap check cannot tell: in every world the Watch tab shows (the
       * player's training distribution, drawn from the training seed), the
       * agent ends exactly as this hypothesis's reference agent does.
       */
      watchMatches: id.optional(),
    })
    .refine(
      (e) => e.revealed !== undefined || e.aligned !== undefined || e.failure !== undefined || e.revealedVaries !== undefined || e.watchMatches !== undefined,
      'core.problem.claim-expects-nothing',
    ),
  /**
   * On what share of seeds the expectation must hold: "at least 8 of 10".
   * Checked on n seeds it must hold on ⌊n · atLeast / of⌋ of them (at least
   * one). Without it, a claim must hold on every seed.
   */
  seeds: z
    .strictObject({ atLeast: z.int().min(1).max(1000), of: z.int().min(1).max(1000) })
    .refine((s) => s.atLeast <= s.of, 'core.problem.at-least-over-of')
    .optional(),
});

export const trainingConfigSchema = z.strictObject({
  reward: z.partialRecord(z.enum(EVENT_KINDS), finite).optional(),
  knobs: z.record(knobName, finite).optional(),
  generations: z.int().min(1).max(400).optional(),
  population: z.int().min(1).max(64).optional(),
  episodesPerGeneration: z.int().min(1).max(64).optional(),
  /** How far the agent sees, in levels that let the player choose (`agent.viewRadiusRange`). */
  viewRadius: viewRadius.optional(),
});
export type TrainingConfigInput = z.infer<typeof trainingConfigSchema>;

/**
 * One stage of a pretraining run: a training distribution (knob values, any
 * knob, locked or not), the reward it paid and its compute. The player never
 * edits it: it is what happened to the agent before the level begins.
 */
const pretrainingStage = z.strictObject({
  /** A short label for the stage (e.g. "poisoned runs"). */
  name: text(60),
  reward: z.partialRecord(z.enum(EVENT_KINDS), finite),
  knobs: z.record(knobName, finite).default({}),
  generations: z.int().min(1).max(400),
  /** Antithetic pairs and episodes per generation; the level's training values when left out. */
  population: z.int().min(1).max(64).optional(),
  episodesPerGeneration: z.int().min(1).max(64).optional(),
});
export type PretrainingStage = z.infer<typeof pretrainingStage>;

/** Most episodes a level's pretraining may spend: a bound on what a code can make a machine do before training starts. */
export const MAX_PRETRAINING_EPISODES = 100_000;

/** What the game says about a pretraining run is generated from its stages (their knobs, reward and compute), never free text. */
const pretraining = z.strictObject({
  /** Pretraining is the same for every player: its seed belongs to the level. */
  seed: z.int().min(0).max(0x7fffffff),
  stages: z.array(pretrainingStage).min(1).max(4),
});
export type Pretraining = z.infer<typeof pretraining>;

export const levelSchema = z.strictObject({
  format: z.literal(LEVEL_FORMAT),
  id,
  title: text(60),
  concept: id,
  order: z.int().min(0).max(999),
  briefing: text(600),
  intendedObjective: text(200),
  world: z.strictObject({
    map: z
      .array(z.string().regex(new RegExp(`^[${Object.keys(TILE_BY_CHAR).join('').replace('.', '\\.')}]+$`), 'core.problem.map-characters'))
      .min(2)
      .max(MAX_GRID),
    start: region,
    maxSteps: z.int().min(1).max(400),
    terminalEvents: z.array(z.enum(EVENT_KINDS)).default(['exit', 'end', 'hazard']),
    auditChance: quantity.default(0),
  }),
  objects: z.array(spawnRule).max(64),
  knobs: z.record(knobName, knob).default({}),
  agent: z.strictObject({
    features: z.array(z.enum(FEATURES)).min(1).max(16),
    contexts: z.partialRecord(z.enum(CONTEXT_BIT_NAMES), z.array(z.enum(FEATURES)).min(1)).default({}),
    viewRadius: viewRadius.nullable().default(null),
    /**
     * The view radii the player may choose before training (a knob on the
     * Train screen); the level's own `viewRadius` is the default. Left out,
     * the view radius is fixed.
     */
    viewRadiusRange: z.strictObject({ min: viewRadius.default(1), max: viewRadius }).optional(),
    discount: z.number().gt(0).lt(1).default(0.9),
    inductiveBias: z.strictObject({
      init: weights.default({}),
      noiseScale: weights.default({}),
      weightDecay: z.number().min(0).max(1).default(0.01),
      explanation: text(600),
    }),
  }),
  reward: z.strictObject({
    default: z.partialRecord(z.enum(EVENT_KINDS), finite),
    editable: z.array(z.enum(EVENT_KINDS)).min(1),
  }),
  training: z.strictObject({
    generations: z.int().min(1).max(400),
    population: z.int().min(1).max(64),
    episodesPerGeneration: z.int().min(1).max(64),
    learningRate: z.number().positive().max(10),
    noise: z.number().positive().max(10),
    maxGenerations: z.int().min(1).max(400).default(200),
  }),
  /** A pretraining run the agent went through before the player's training starts from its weights (a sleeper's backdoor). */
  pretraining: pretraining.optional(),
  hypotheses: z
    .array(
      z.strictObject({
        id,
        label: text(60),
        description: text(300),
        weights,
        intended: z.boolean().default(false),
      }),
    )
    .min(2)
    .max(8),
  success: z.strictObject({
    all: z.array(z.enum(EVENT_KINDS)).default([]),
    none: z.array(z.enum(EVENT_KINDS)).default([]),
    /** Events that must happen at least this many times (e.g. two chests opened). */
    atLeast: z.partialRecord(z.enum(EVENT_KINDS), z.int().min(1).max(99)).default({}),
    threshold: z.number().min(0).max(1),
  }),
  deploymentSuite: z.strictObject({ size: z.int().min(10).max(500), seed: z.int() }),
  budget: z.strictObject({ probes: z.int().min(0).max(99), lens: z.int().min(0).max(99) }),
  /** Presets of the player's settings, played one after another (e.g. a wrong reward, then a right one). */
  rounds: z
    .array(z.strictObject({ title: text(60), briefing: text(400), config: z.lazy(() => trainingConfigSchema) }))
    .max(4)
    .default([]),
  /** What the probe editor may not place, move or remove: object kinds (a door is part of the wall), or the agent itself. */
  probeFixed: z.array(z.enum([...OBJECT_KINDS, 'agent'])).default([]),
  /** Whether the verdict also asks where the failure lies: in the reward (outer) or in what was learned (inner). */
  askFailureKind: z.boolean().default(false),
  lesson: z.strictObject({
    /**
     * What the score screen says about the run: sentences, each shown only
     * when its conditions hold of the run, with numbers filled in from it
     * (`storyTemplate.ts`). A single text (how levels were first written) is
     * prose about the level's default failure: shown only when the run
     * showed that failure.
     */
    reveal: z.union([text(800), z.array(storySentence).min(1).max(12)]),
    claims: z.array(claim).min(1).max(8),
  }),
});

export type Level = z.infer<typeof levelSchema>;
export type Hypothesis = Level['hypotheses'][number];
export type Claim = z.infer<typeof claim>;
export type Lesson = Level['lesson'];

export interface LevelProblem {
  readonly path: string;
  readonly message: Message;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: readonly LevelProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Validates untrusted data as a level: every problem, with its path and reason. */
export function parseLevel(data: unknown): ParseResult<Level> {
  const named = prototypeKeyProblems(data);
  if (named.length > 0) return { ok: false, problems: named };
  const result = levelSchema.safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.flatMap(revealIssues).map((issue) => ({ path: formatPath(issue.path), message: schemaIssueMessage(issue) })),
    };
  }
  const problems = crossCheck(result.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: result.data };
}

interface ShapeIssue extends SchemaIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly errors?: readonly (readonly ShapeIssue[])[];
}

/**
 * The lesson's reveal is prose or a list of sentences: when a list is wrong,
 * report the list's own problems by path rather than "invalid input".
 */
function revealIssues(issue: ShapeIssue): ShapeIssue[] {
  const atReveal = issue.path.length === 2 && issue.path[0] === 'lesson' && issue.path[1] === 'reveal';
  if (issue.code !== 'invalid_union' || !atReveal || !issue.errors) return [issue];
  const deepest = issue.errors.find((branch) => branch.some((i) => i.path.length > 0));
  return deepest ? deepest.map((i) => ({ ...i, path: [...issue.path, ...i.path] })) : [issue];
}

/** One feature's place in the weight vector: one weight, or one per value of the context bit it is conditioned on. */
export interface WeightSlot {
  readonly feature: Feature;
  readonly bit: ContextBit | null;
  /** Index of its first weight; a conditioned feature's second weight follows it. */
  readonly index: number;
  readonly names: readonly string[];
}

/** The weight vector's layout, feature by feature: the one place it is derived. */
export function weightLayout(agent: Level['agent']): WeightSlot[] {
  const conditionedBy = new Map<Feature, ContextBit>();
  for (const bit of CONTEXT_BIT_NAMES) for (const f of agent.contexts[bit] ?? []) conditionedBy.set(f, bit);
  const slots: WeightSlot[] = [];
  let index = 0;
  for (const feature of agent.features) {
    const bit = conditionedBy.get(feature) ?? null;
    const names = bit === null ? [feature] : CONTEXT_BITS[bit].map((value) => `${feature}|${value}`);
    slots.push({ feature, bit, index, names });
    index += names.length;
  }
  return slots;
}

/** The agent's weight names, in the order the weight vector uses. */
export function weightNames(agent: Level['agent']): string[] {
  return weightLayout(agent).flatMap((slot) => slot.names);
}

function crossCheck(level: Level): LevelProblem[] {
  const problems: LevelProblem[] = [];
  /** A problem by its `core.problem.*` key and parameters, or a problem found further down, as it is. */
  const add = (path: string, what: string | Message, params?: Readonly<Record<string, MessageParam>>) =>
    problems.push({ path, message: typeof what === 'string' ? message(`core.problem.${what}`, params) : what });

  const width = level.world.map[0]!.length;
  if (width > MAX_GRID) add('world.map[0]', 'map-too-wide', { max: MAX_GRID, width });
  level.world.map.forEach((row, y) => {
    if (row.length !== width) add(`world.map[${y}]`, 'row-length', { length: row.length, width });
  });
  const height = level.world.map.length;
  const checkRegion = (path: string, r: Level['world']['start']) => {
    const cells = 'rect' in r ? [r.rect.slice(0, 2), r.rect.slice(2, 4)] : 'cells' in r ? r.cells : [];
    cells.forEach(([x, y], i) => {
      if (x! >= width || y! >= height) add(`${path}`, 'cell-outside', { index: i, x: x!, y: y!, width, height });
    });
    if ('rect' in r && (r.rect[0] > r.rect[2] || r.rect[1] > r.rect[3])) add(path, 'rect-order');
  };
  checkRegion('world.start', level.world.start);
  if (problems.length === 0 && startCells(level).length === 0) {
    add('world.start', 'no-start-floor');
  }

  const knobNames = new Set(Object.keys(level.knobs));
  const checkQuantity = (path: string, q: Quantity) => {
    if (typeof q === 'object' && !knobNames.has(q.knob)) add(`${path}.knob`, 'no-knob-in-knobs', { knob: q.knob });
  };
  checkQuantity('world.auditChance', level.world.auditChance);
  // An object listed on a wall, or a region with nowhere to stand, would
  // silently never appear: say so where the level is written.
  const tileAt = (x: number, y: number) => level.world.map[y]?.[x];
  const checkPlacement = (path: string, r: Region) => {
    if ('cells' in r) {
      r.cells.forEach(([x, y], j) => {
        if (tileAt(x, y) === '#') add(path, 'cell-wall', { index: j, x, y });
      });
    } else {
      const [x0, y0, x1, y1] = 'rect' in r ? r.rect : [0, 0, width - 1, height - 1];
      let floor = false;
      for (let y = y0; y <= y1 && !floor; y++) for (let x = x0; x <= x1 && !floor; x++) floor = tileAt(x, y) === '.';
      if (!floor) add(path, 'region-no-floor');
    }
  };
  // An object placed beside another needs that other object placed first,
  // on a region of its own (never itself beside something).
  const anchorKinds = new Set(level.objects.filter((r) => !('beside' in r.at) && r.variants.every((v) => !v.at || !('beside' in v.at))).map((r) => r.kind));
  const checkAt = (path: string, at: Placement, kind: string) => {
    if ('beside' in at) {
      if (at.beside === kind) add(`${path}.beside`, 'beside-itself', { kind });
      else if (!anchorKinds.has(at.beside)) add(`${path}.beside`, 'beside-unplaced', { kind: at.beside });
      return;
    }
    checkRegion(path, at);
    checkPlacement(path, at);
  };
  level.objects.forEach((rule, i) => {
    checkAt(`objects[${i}].at`, rule.at, rule.kind);
    checkQuantity(`objects[${i}].count`, rule.count);
    checkQuantity(`objects[${i}].presence`, rule.presence);
    rule.variants.forEach((v, j) => {
      checkQuantity(`objects[${i}].variants[${j}].chance`, v.chance);
      if (v.at) checkAt(`objects[${i}].variants[${j}].at`, v.at, rule.kind);
    });
  });
  for (const [name, k] of Object.entries(level.knobs)) {
    if (k.min > k.max) add(`knobs.${name}`, 'min-over-max');
    for (const side of ['training', 'deployment'] as const) {
      if (k[side] < k.min || k[side] > k.max) add(`knobs.${name}.${side}`, 'outside-range', { value: String(k[side]), min: String(k.min), max: String(k.max) });
    }
  }

  const features = new Set<string>(level.agent.features);
  const seenConditioned = new Set<string>();
  for (const bit of CONTEXT_BIT_NAMES) {
    (level.agent.contexts[bit] ?? []).forEach((f, i) => {
      if (!features.has(f)) add(`agent.contexts.${bit}[${i}]`, 'context-not-feature', { feature: f });
      if (seenConditioned.has(f)) add(`agent.contexts.${bit}[${i}]`, 'context-twice', { feature: f });
      seenConditioned.add(f);
    });
  }
  if (new Set(level.agent.features).size !== level.agent.features.length) add('agent.features', 'feature-twice');
  const range = level.agent.viewRadiusRange;
  if (range) {
    if (range.min > range.max) add('agent.viewRadiusRange', 'min-over-max');
    else if (level.agent.viewRadius === null) add('agent.viewRadius', 'view-whole-world');
    else if (level.agent.viewRadius < range.min || level.agent.viewRadius > range.max)
      add('agent.viewRadius', 'view-outside-range', { value: String(level.agent.viewRadius), min: String(range.min), max: String(range.max) });
  }
  const names = new Set(weightNames(level.agent));
  const checkWeights = (path: string, w: Record<string, number>) => {
    for (const name of Object.keys(w)) {
      if (!names.has(name)) add(`${path}.${name}`, 'no-weight', { weight: name, names: [...names].join(', ') });
    }
  };
  checkWeights('agent.inductiveBias.init', level.agent.inductiveBias.init);
  checkWeights('agent.inductiveBias.noiseScale', level.agent.inductiveBias.noiseScale);
  for (const [name, s] of Object.entries(level.agent.inductiveBias.noiseScale)) {
    if (s <= 0) add(`agent.inductiveBias.noiseScale.${name}`, 'noise-not-positive');
  }

  const hypothesisIds = new Set<string>();
  level.hypotheses.forEach((h, i) => {
    checkWeights(`hypotheses[${i}].weights`, h.weights);
    if (h.id === UNEXPLAINED) add(`hypotheses[${i}].id`, 'id-reserved', { id: UNEXPLAINED });
    if (hypothesisIds.has(h.id)) add(`hypotheses[${i}].id`, 'id-used', { id: h.id });
    hypothesisIds.add(h.id);
  });
  const intended = level.hypotheses.filter((h) => h.intended).length;
  if (intended !== 1) add('hypotheses', 'intended-count', { found: intended });

  level.rounds.forEach((r, i) => {
    for (const problem of checkConfig(level, r.config)) add(`rounds[${i}].config${problem.path === '(root)' ? '' : '.' + problem.path}`, problem.message);
  });
  if (typeof level.lesson.reveal !== 'string') {
    const storyNames = { weights: names, knobs: knobNames, hypotheses: hypothesisIds };
    level.lesson.reveal.forEach((sentence, i) => {
      for (const problem of sentenceProblems(sentence, storyNames)) add(`lesson.reveal[${i}].${problem.path}`, problem.message);
    });
  }
  level.lesson.claims.forEach((c, i) => {
    if (c.expect.revealed !== undefined && c.expect.revealed !== UNEXPLAINED && !hypothesisIds.has(c.expect.revealed)) {
      add(`lesson.claims[${i}].expect.revealed`, 'no-hypothesis', { id: c.expect.revealed });
    }
    if (c.expect.watchMatches !== undefined && !hypothesisIds.has(c.expect.watchMatches)) {
      add(`lesson.claims[${i}].expect.watchMatches`, 'no-hypothesis', { id: c.expect.watchMatches });
    }
    if (c.expect.revealedVaries && c.expect.revealed !== undefined) {
      add(`lesson.claims[${i}].expect`, 'claim-revealed-varies');
    }
    for (const problem of checkConfig(level, c.config)) {
      add(`lesson.claims[${i}].config${problem.path === '(root)' ? '' : '.' + problem.path}`, problem.message);
    }
  });
  if (level.pretraining) {
    let episodes = 0;
    level.pretraining.stages.forEach((stage, i) => {
      const path = `pretraining.stages[${i}]`;
      for (const [name, value] of Object.entries(stage.knobs)) {
        const k = level.knobs[name];
        if (k === undefined) add(`${path}.knobs.${name}`, 'no-knob-in-knobs', { knob: name });
        else if (value < k.min || value > k.max) add(`${path}.knobs.${name}`, 'outside-range', { value: String(value), min: String(k.min), max: String(k.max) });
      }
      episodes += stage.generations * (stage.population ?? level.training.population) * 2 * (stage.episodesPerGeneration ?? level.training.episodesPerGeneration);
    });
    if (episodes > MAX_PRETRAINING_EPISODES) {
      add('pretraining.stages', 'pretraining-too-long', { episodes: String(episodes), max: String(MAX_PRETRAINING_EPISODES) });
    }
  }
  if (level.training.generations > level.training.maxGenerations) {
    add('training.generations', 'default-over-max', { generations: String(level.training.generations), max: String(level.training.maxGenerations) });
  }
  return problems;
}

/** Floor cells of the start region (where the agent may begin). */
function startCells(level: Level): [number, number][] {
  const map = level.world.map;
  const floor = (x: number, y: number) => map[y]?.[x] === '.';
  const r = level.world.start;
  const cells: [number, number][] = [];
  if ('rect' in r) {
    for (let y = r.rect[1]; y <= r.rect[3]; y++) for (let x = r.rect[0]; x <= r.rect[2]; x++) if (floor(x, y)) cells.push([x, y]);
  } else if ('cells' in r) {
    for (const [x, y] of r.cells) if (floor(x, y)) cells.push([x, y]);
  } else {
    map.forEach((row, y) => [...row].forEach((_, x) => floor(x, y) && cells.push([x, y])));
  }
  return cells;
}

/**
 * Checks a training configuration against what the level lets the player
 * change: only editable reward events, only unlocked knobs within range, and
 * no more compute than the level allows.
 */
export function checkConfig(level: Level, config: TrainingConfigInput): LevelProblem[] {
  const problems: LevelProblem[] = [];
  const editable = new Set<EventKind>(level.reward.editable);
  for (const event of Object.keys(config.reward ?? {}) as EventKind[]) {
    if (!editable.has(event)) problems.push({ path: `reward.${event}`, message: message('core.problem.reward-locked', { event }) });
  }
  for (const [name, value] of Object.entries(config.knobs ?? {})) {
    const k = own(level.knobs, name);
    if (k === undefined) problems.push({ path: `knobs.${name}`, message: message('core.problem.no-knob', { knob: name }) });
    else if (!k.unlocked) problems.push({ path: `knobs.${name}`, message: message('core.problem.knob-locked', { knob: name }) });
    else if (value < k.min || value > k.max) problems.push({ path: `knobs.${name}`, message: message('core.problem.outside-range', { value: String(value), min: String(k.min), max: String(k.max) }) });
  }
  if (config.generations !== undefined && config.generations > level.training.maxGenerations) {
    problems.push({ path: 'generations', message: message('core.problem.generations-max', { max: String(level.training.maxGenerations) }) });
  }
  if (config.viewRadius !== undefined) {
    const range = level.agent.viewRadiusRange;
    if (!range) problems.push({ path: 'viewRadius', message: message('core.problem.view-locked') });
    else if (config.viewRadius < range.min || config.viewRadius > range.max)
      problems.push({ path: 'viewRadius', message: message('core.problem.outside-range', { value: String(config.viewRadius), min: String(range.min), max: String(range.max) }) });
  }
  return problems;
}

/** Validates untrusted data as a training configuration for this level. */
export function parseConfig(level: Level, data: unknown): ParseResult<TrainingConfigInput> {
  const named = prototypeKeyProblems(data);
  if (named.length > 0) return { ok: false, problems: named };
  const result = trainingConfigSchema.safeParse(data);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.map((i) => ({ path: formatPath(i.path), message: schemaIssueMessage(i) })) };
  }
  const problems = checkConfig(level, result.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: result.data };
}
