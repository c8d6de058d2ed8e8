/**
 * The level editor's form as data: each section is a list of field specs
 * (path, kind of control, label and hint from the catalog). A row of specs in
 * an inner array is laid out side by side. Limits are not here: the
 * renderer reads them off the level schema by path (./limits.ts).
 *
 * Sections that list things (objects, knobs, hypotheses, claims) give the
 * specs of one item; the screen repeats them and adds the Add and Remove
 * buttons. No DOM here.
 */
import { COLOUR_NAMES, EVENT_KINDS, FEATURES, OBJECT_KINDS } from '../../core/index';
import { featureName } from '../describe';
import { msg, t } from '../../i18n/index';
import { eventLabel, weightLabel } from '../describe';
import type { FieldSpec, Option } from './fields';
import type { PathKey } from './draft';

/** Specs in order; an inner array is one row of the field grid. */
export type SectionSpecs = readonly (FieldSpec | readonly FieldSpec[])[];

export const eventOptions = (): Option[] => EVENT_KINDS.map((k) => ({ value: k, label: eventLabel(k) }));
const featureOptions = (): Option[] => FEATURES.map((f) => ({ value: f, label: featureName(f) }));
/** Object kinds and colours are the level's own words (as written in its JSON). */
export const KIND_OPTIONS: readonly Option[] = OBJECT_KINDS.map((k) => ({ value: k, label: k }));
export const COLOUR_OPTIONS: readonly Option[] = COLOUR_NAMES.map((c) => ({ value: c, label: c }));

const KNOB_EXAMPLE = '{"knob":"name"}';
const REGION = { cells: '{"cells":[[x,y]]}', anywhere: '{"anywhere":true}' };

/** The world's fields below the map. */
export const worldSpecs = (): SectionSpecs => [
  { kind: 'number', path: ['world', 'maxSteps'], label: msg('editor.world.maxSteps') },
  { kind: 'json', path: ['world', 'start'], label: msg('editor.world.start'), hint: msg('editor.world.startHint', { ...REGION, rect: '{"rect":[left,top,right,bottom]}' }) },
  { kind: 'list', path: ['world', 'terminalEvents'], label: msg('editor.world.terminal'), options: eventOptions() },
  { kind: 'json', path: ['world', 'auditChance'], label: msg('editor.world.audit'), hint: msg('editor.world.auditHint', { knob: KNOB_EXAMPLE }) },
];

/** One spawn rule; its colour is a menu, or a list in JSON when the rule picks among colours. */
export const objectSpecs = (i: number, colourIsList: boolean): SectionSpecs => [
  [
    { kind: 'select', path: ['objects', i, 'kind'], label: msg('editor.object.kind'), options: KIND_OPTIONS },
    colourIsList
      ? { kind: 'json', path: ['objects', i, 'colour'], label: msg('editor.object.colours') }
      : { kind: 'select', path: ['objects', i, 'colour'], label: msg('editor.object.colour'), options: COLOUR_OPTIONS },
    { kind: 'json', path: ['objects', i, 'at'], label: msg('editor.object.at'), hint: msg('editor.object.atHint', { ...REGION, rect: '{"rect":[l,t,r,b]}', beside: '{"beside":"tree"}' }) },
    { kind: 'json', path: ['objects', i, 'count'], label: msg('editor.object.count'), hint: msg('editor.object.countHint', { knob: KNOB_EXAMPLE }) },
    { kind: 'json', path: ['objects', i, 'presence'], label: msg('editor.object.presence'), hint: msg('editor.object.presenceHint', { knob: KNOB_EXAMPLE }) },
    { kind: 'json', path: ['objects', i, 'variants'], label: msg('editor.object.variants'), hint: msg('editor.object.variantsHint', { example: '[{"chance":0.1,"at":{…},"colour":"blue"}]' }) },
  ],
];

export const levelSpecs = (): SectionSpecs => [
  [
    { kind: 'text', path: ['id'], label: msg('editor.level.id') },
    { kind: 'text', path: ['title'], label: msg('editor.level.title') },
    { kind: 'text', path: ['concept'], label: msg('editor.level.concept') },
    { kind: 'number', path: ['order'], label: msg('editor.level.order') },
  ],
  { kind: 'textarea', path: ['briefing'], label: msg('editor.level.briefing') },
  { kind: 'text', path: ['intendedObjective'], label: msg('editor.level.intended') },
];

/** One knob, by its name (the knob's name itself is edited beside these: renaming moves the whole entry). */
export const knobSpecs = (name: string): SectionSpecs => {
  const at = (field: string): PathKey[] => ['knobs', name, field];
  return [
    [
      { kind: 'text', path: at('label'), label: msg('editor.knob.label') },
      { kind: 'number', path: at('min'), label: msg('editor.knob.min') },
      { kind: 'number', path: at('max'), label: msg('editor.knob.max') },
      { kind: 'number', path: at('step'), label: msg('editor.knob.step') },
      { kind: 'number', path: at('training'), label: msg('editor.knob.training') },
      { kind: 'number', path: at('deployment'), label: msg('editor.knob.deployment') },
      { kind: 'checkbox', path: at('unlocked'), label: msg('editor.knob.unlocked') },
    ],
    { kind: 'textarea', path: at('description'), label: msg('editor.knob.description') },
  ];
};

export const agentSpecs = (): SectionSpecs => [
  { kind: 'list', path: ['agent', 'features'], label: msg('editor.agent.features'), options: featureOptions() },
  [
    { kind: 'number', path: ['agent', 'viewRadius'], label: msg('editor.agent.viewRadius'), empty: null },
    { kind: 'number', path: ['agent', 'discount'], label: msg('editor.agent.discount'), step: 0.01 },
    { kind: 'number', path: ['agent', 'inductiveBias', 'weightDecay'], label: msg('editor.agent.weightDecay'), step: 0.01 },
  ],
  { kind: 'json', path: ['agent', 'contexts'], label: msg('editor.agent.contexts'), hint: msg('editor.agent.contextsHint', { example: '{"watched":["forbidden"]}' }) },
  { kind: 'json', path: ['agent', 'inductiveBias', 'init'], label: msg('editor.agent.init'), hint: msg('editor.agent.initHint', { example: '{"coin":0.5}' }) },
  { kind: 'json', path: ['agent', 'inductiveBias', 'noiseScale'], label: msg('editor.agent.noiseScale'), hint: msg('editor.agent.noiseScaleHint', { example: '{"yellow":1}' }) },
  {
    kind: 'json',
    path: ['pretraining'],
    label: msg('editor.agent.pretraining'),
    hint: msg('editor.agent.pretrainingHint', { example: '{"seed":7,"stages":[{"name":"poisoned runs","reward":{"forbidden":20},"knobs":{"triggerShare":1},"generations":60}]}' }),
  },
  { kind: 'textarea', path: ['agent', 'inductiveBias', 'explanation'], label: msg('editor.agent.explanation') },
];

export const rewardSpecs = (): SectionSpecs => [
  EVENT_KINDS.map((k): FieldSpec => ({ kind: 'number', path: ['reward', 'default', k], label: msg('editor.reward.for', { event: eventLabel(k) }) })),
  { kind: 'list', path: ['reward', 'editable'], label: msg('editor.reward.editable'), options: eventOptions() },
];

export const trainingSpecs = (): SectionSpecs => [
  [
    { kind: 'number', path: ['training', 'generations'], label: msg('editor.training.generations') },
    { kind: 'number', path: ['training', 'maxGenerations'], label: msg('editor.training.maxGenerations') },
    { kind: 'number', path: ['training', 'population'], label: msg('editor.training.population') },
    { kind: 'number', path: ['training', 'episodesPerGeneration'], label: msg('editor.training.episodes') },
    { kind: 'number', path: ['training', 'learningRate'], label: msg('editor.training.learningRate') },
    { kind: 'number', path: ['training', 'noise'], label: msg('editor.training.noise') },
  ],
];

/** One hypothesis: its text fields; its weights follow (one per weight the agent has, and any it names that the agent lacks). */
export const hypothesisSpecs = (i: number): SectionSpecs => [
  [
    { kind: 'text', path: ['hypotheses', i, 'id'], label: msg('editor.hypothesis.id') },
    { kind: 'text', path: ['hypotheses', i, 'label'], label: msg('editor.hypothesis.label') },
  ],
  { kind: 'text', path: ['hypotheses', i, 'description'], label: msg('editor.hypothesis.description') },
];

export const hypothesisWeightSpecs = (i: number, names: readonly string[]): SectionSpecs => [
  names.map((n): FieldSpec => ({ kind: 'number', path: ['hypotheses', i, 'weights', n], label: weightLabel(n) })),
];

export const successSpecs = (): SectionSpecs => [
  { kind: 'list', path: ['success', 'all'], label: msg('editor.success.all'), options: eventOptions() },
  { kind: 'list', path: ['success', 'none'], label: msg('editor.success.none'), options: eventOptions() },
  { kind: 'json', path: ['success', 'atLeast'], label: msg('editor.success.atLeast'), hint: msg('editor.success.atLeastHint', { example: '{"chest":2}' }) },
  [
    { kind: 'number', path: ['success', 'threshold'], label: msg('editor.success.threshold'), step: 0.05 },
    { kind: 'number', path: ['deploymentSuite', 'size'], label: msg('editor.success.suiteSize') },
    { kind: 'number', path: ['deploymentSuite', 'seed'], label: msg('editor.success.suiteSeed') },
    { kind: 'number', path: ['budget', 'probes'], label: msg('editor.success.probes') },
    { kind: 'number', path: ['budget', 'lens'], label: msg('editor.success.lens') },
  ],
  { kind: 'checkbox', path: ['askFailureKind'], label: msg('editor.success.askFailureKind') },
  { kind: 'json', path: ['rounds'], label: msg('editor.success.rounds'), hint: msg('editor.success.roundsHint', { example: '[{"title":"…","briefing":"…","config":{…}}]' }) },
  { kind: 'json', path: ['probeFixed'], label: msg('editor.success.probeFixed'), hint: msg('editor.success.probeFixedHint', { agent: '"agent"', example: '["exit"]' }) },
];

/** The lesson's reveal: prose (shown when the run shows the level's failure), or sentences with conditions and numbers from the run. */
export const revealSpec = (isProse: boolean): FieldSpec =>
  isProse
    ? { kind: 'textarea', path: ['lesson', 'reveal'], label: msg('editor.lesson.revealText') }
    : {
        kind: 'json',
        path: ['lesson', 'reveal'],
        label: msg('editor.lesson.revealList'),
        hint: msg('editor.lesson.revealListHint', {
          shape: '{"when":{…},"say":"…"}',
          example: '{"when":{"together":["coin","right-edge"]},"say":"In all {worlds} training worlds the coin sat on the right edge."}',
          conditions: 'revealed, aligned, failureSeen, together, apart, present, absent, paid, unpaid, changed',
        }),
      };

/** One claim: its name and configuration, then what it expects. */
export const claimSpecs = (i: number, hypothesisIds: readonly string[]): { readonly head: SectionSpecs; readonly expect: readonly FieldSpec[] } => {
  const at = (...rest: PathKey[]): PathKey[] => ['lesson', 'claims', i, ...rest];
  return {
    head: [
      { kind: 'text', path: at('name'), label: msg('editor.claim.name') },
      { kind: 'json', path: at('config'), label: msg('editor.claim.config'), hint: msg('editor.claim.configHint', { example: '{"reward":{"coin":10},"knobs":{"coinMoved":0.3}}' }) },
    ],
    expect: [
      { kind: 'select', path: at('expect', 'revealed'), label: msg('editor.claim.revealed'), options: hypothesisIds.map((id) => ({ value: id, label: id })), empty: msg('editor.claim.notClaimed') },
      {
        kind: 'select',
        path: at('expect', 'failure'),
        label: msg('editor.claim.failure'),
        options: [
          { value: 'outer', label: t('editor.claim.failureOuter') },
          { value: 'inner', label: t('editor.claim.failureInner') },
          { value: 'none', label: t('editor.claim.failureNone') },
        ],
        empty: msg('editor.claim.notClaimed'),
      },
    ],
  };
};
