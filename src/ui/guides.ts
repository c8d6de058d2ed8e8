/**
 * Step-by-step guides for a level's first play (The Evolution of Trust's
 * chapters in spirit): one idea per step, each pointing at the control to
 * try, with definitions from the glossary. The steps are data
 * (`src/ui/guides/<level>.json`, their words in the catalog under
 * `coach.<level>.<step id>`), validated here with zod; a guide that does not
 * validate is left out with a notice, never half-shown.
 *
 * Owns the data and the pure question "is this step done?"; the coach
 * (coach.ts) draws it.
 */
import { z } from 'zod';
import { SCREEN_NAMES, rewardValue, type Attempt, type FirstRunStep, type Screen } from '../session/index';
import { EVENT_KINDS, OBJECT_KINDS, type EventKind } from '../core/index';
import { en } from '../i18n/en/index';
import { tx } from '../i18n/index';
import { GLOSSARY } from './glossary';

const screen = z.enum(SCREEN_NAMES as [Screen, ...Screen[]]);

/** When a step is done: the player reached a screen, moved the first run on, rewarded an event, trained, probed; or the guide ends. */
const until = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('screen'), screen }),
  z.object({ kind: z.literal('first-run'), step: z.enum(['train', 'predict', 'deploy', 'done']) }),
  z.object({ kind: z.literal('reward'), event: z.enum(EVENT_KINDS as unknown as [string, ...string[]]), above: z.number() }),
  z.object({ kind: z.literal('trained') }),
  // A probe; with `moved`, one that moved (or added or removed) that kind of object.
  z.object({ kind: z.literal('probe'), moved: z.enum(OBJECT_KINDS).optional() }),
  z.object({ kind: z.literal('end') }),
]);

const step = z.object({
  /** Names the step's words in the catalog: `coach.<level>.<id>`. */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  /** The screen the step is shown on. */
  screen,
  /** Glossary ids whose definitions open in place. */
  terms: z.array(z.enum(GLOSSARY.map((g) => g.id) as [string, ...string[]])).max(3),
  /** Selectors of the control to try; the last one on screen is highlighted. */
  target: z.array(z.string().min(1).max(120)).max(4),
  until,
});

const guideSchema = z
  .object({
    level: z.string().min(1).max(40),
    steps: z.array(step).min(1).max(20),
  })
  // Every step's words are in the catalog, so no step is ever shown without them.
  .superRefine((guide, context) => {
    guide.steps.forEach((s, i) => {
      const key = stepKey(guide.level, s.id);
      if (!Object.hasOwn(en, key)) context.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `the catalog has no text "${key}"` });
    });
  });

function stepKey(level: string, id: string): string {
  return `coach.${level}.${id}`;
}

export type Guide = z.infer<typeof guideSchema>;
export type GuideStep = Guide['steps'][number];

/** A step's words in the reader's language. */
export function stepText(guide: Guide, step: GuideStep): string {
  return tx({ key: stepKey(guide.level, step.id) });
}

const files = import.meta.glob<unknown>('./guides/*.json', { eager: true, import: 'default' });

/** Reads a guide file; the first problem, with its path, if it does not validate. */
export function parseGuide(data: unknown): { ok: true; guide: Guide } | { ok: false; problem: string } {
  const parsed = guideSchema.safeParse(data);
  if (parsed.success) return { ok: true, guide: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: `${issue.path.join('.') || 'the guide'}: ${issue.message}` };
}

const guides = new Map<string, Guide>();
export const guideProblems: string[] = [];
for (const [path, data] of Object.entries(files)) {
  const parsed = parseGuide(data);
  if (parsed.ok) guides.set(parsed.guide.level, parsed.guide);
  else guideProblems.push(`${path.replace('./', 'src/ui/')}: ${parsed.problem}`);
}

/** The guide for a campaign level, if it has one. */
export function guideFor(levelId: string): Guide | null {
  return guides.get(levelId) ?? null;
}

/** What the coach needs to know to tell whether a step is done. */
export interface GuideState {
  readonly screen: Screen;
  readonly attempt: Attempt | null;
  readonly firstRunStep: FirstRunStep | null;
}

const FIRST_RUN_ORDER: readonly FirstRunStep[] = ['train', 'predict', 'deploy', 'done'];

/** Whether a step's goal is met in this state. */
export function stepDone(step: GuideStep, state: GuideState): boolean {
  const { until } = step;
  const attempt = state.attempt;
  switch (until.kind) {
    case 'screen':
      return state.screen === until.screen;
    case 'first-run':
      return state.firstRunStep !== null && FIRST_RUN_ORDER.indexOf(state.firstRunStep) >= FIRST_RUN_ORDER.indexOf(until.step);
    case 'reward':
      return attempt !== null && rewardValue(attempt, until.event as EventKind) > until.above;
    case 'trained':
      return attempt !== null && attempt.agentsTrained > 0;
    case 'probe':
      return attempt !== null && attempt.probesUsed > 0 && (until.moved === undefined || (attempt.lastProbe?.objects.includes(until.moved) ?? false));
    case 'end':
      return false;
  }
}

/**
 * The step to show: the first one not yet done, starting from `from` (a guide
 * never goes back on its own). Steps whose goal is already met are passed; a
 * player who went ahead on their own (past the first run, say) is met by the
 * first later step of the screen they are on.
 */
export function currentStep(guide: Guide, from: number, state: GuideState): number {
  let index = from;
  while (index < guide.steps.length - 1 && stepDone(guide.steps[index]!, state)) index++;
  if (guide.steps[index]!.screen !== state.screen) {
    const ahead = guide.steps.findIndex((step, i) => i > index && step.screen === state.screen);
    if (ahead > index) return currentStep(guide, ahead, state);
  }
  return index;
}
