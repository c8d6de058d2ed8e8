/**
 * The editor's form controls as field specs rendered with lit-html: a spec
 * names a path in the draft, the kind of control, its label (a catalog
 * message) and an optional hint; its limits (min, max, whole numbers,
 * longest text) are read off the level schema by path (./limits.ts), never
 * written here. Every control has a label, the schema's problems for its path
 * shown inline beside it (and announced through aria-describedby), and
 * reports a change as (path, value).
 *
 * The templates are diffed on each render, so a control the player is using
 * stays the same element: focus, selection and scroll stay where they were.
 * Controls never validate beyond what the browser can read (a number field
 * that holds no number reports `undefined`); `parseLevel` judges the draft and
 * its problems come back here by path.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { formatPath, type LevelProblem } from '../../core/index';
import { t, tx, type Message } from '../../i18n/index';
import { getPath, type Draft, type PathKey } from './draft';
import { limitsAt, type FieldLimits } from './limits';

/** Text for a label: a catalog message, or text already in the reader's language (a feature's name from describe.ts). */
export type Label = Message | string;

export interface Option {
  readonly value: string;
  readonly label: string;
}

interface SpecBase {
  readonly path: readonly PathKey[];
  readonly label: Label;
  readonly hint?: Message;
}

/** One control of the form, as data. */
export type FieldSpec =
  | (SpecBase & { readonly kind: 'number'; readonly step?: number; /** An empty field stores this instead of removing the field (null: "the whole world"). */ readonly empty?: null })
  | (SpecBase & { readonly kind: 'text' | 'textarea' })
  | (SpecBase & { readonly kind: 'select'; readonly options: readonly Option[]; readonly empty?: Message })
  | (SpecBase & { readonly kind: 'checkbox' })
  | (SpecBase & { readonly kind: 'list'; readonly options: readonly Option[] })
  | (SpecBase & { readonly kind: 'json' });

export interface FieldContext {
  readonly draft: Draft;
  readonly problems: ProblemIndex;
  /** Records a change; false when it was refused (the control then shows the draft's value again). */
  change(path: readonly PathKey[], value: unknown): boolean;
  /** Draws the form again without a change to the draft (a JSON field's syntax error to show). */
  refresh(): void;
  /** Text typed into a JSON field that does not parse, by field id: kept in the field and reported beside it. */
  readonly jsonErrors: Map<string, { readonly text: string; readonly message: string }>;
}

/**
 * The schema's problems, looked up by path in a Map built once per render —
 * not a scan of every problem for every field, which a draft with thousands
 * of problems would turn into millions of comparisons.
 */
export class ProblemIndex {
  private readonly byPath = new Map<string, LevelProblem[]>();
  private readonly byPrefix = new Map<string, LevelProblem[]>();

  constructor(readonly all: readonly LevelProblem[]) {
    for (const problem of all) {
      push(this.byPath, problem.path, problem);
      // Every enclosing path: "a.b[2].c" is under "a", "a.b", "a.b[2]" and itself.
      for (let i = 0; i <= problem.path.length; i++) {
        const c = problem.path[i];
        if (i === problem.path.length || c === '.' || c === '[') push(this.byPrefix, problem.path.slice(0, i), problem);
      }
    }
  }

  /** Problems at exactly this path. */
  at(path: readonly PathKey[] | string): readonly LevelProblem[] {
    return this.byPath.get(typeof path === 'string' ? path : formatPath(path)) ?? [];
  }

  /** Problems at this path or inside it. */
  under(path: readonly PathKey[]): readonly LevelProblem[] {
    return this.byPrefix.get(formatPath(path)) ?? [];
  }
}

function push(map: Map<string, LevelProblem[]>, key: string, problem: LevelProblem): void {
  const list = map.get(key);
  if (list) {
    if (list.at(-1) !== problem) list.push(problem);
  } else map.set(key, [problem]);
}

/** A stable id for a path, so a control keeps its id (and its label) from one render to the next. */
export function fieldId(path: readonly PathKey[], suffix = ''): string {
  return `ed-${path.join('-').replace(/[^a-zA-Z0-9-]/g, '_')}${suffix}`;
}

export function labelText(label: Label): string {
  return typeof label === 'string' ? label : tx(label);
}

/** Limits by path, with list indices and record keys generalised: the schema is walked once per shape of path. */
const limitsCache = new Map<string, FieldLimits>();
function limits(path: readonly PathKey[]): FieldLimits {
  const key = path.map((k) => (typeof k === 'number' ? '[]' : k)).join('\u0000');
  let found = limitsCache.get(key);
  if (!found) limitsCache.set(key, (found = limitsAt(path)));
  return found;
}

/** "path: message" for each problem, joined: the text a problem shows beside its control. */
export function problemText(problems: readonly LevelProblem[]): string {
  return problems.map((p) => t('editor.problem', { path: p.path, message: p.message })).join('; ');
}

/** Inline problems for a control, and the id to point aria-describedby at. */
function inlineProblems(ctx: FieldContext, path: readonly PathKey[], exact = true): { view: TemplateResult | typeof nothing; id: string | undefined } {
  const found = exact ? ctx.problems.at(path) : ctx.problems.under(path);
  if (found.length === 0) return { view: nothing, id: undefined };
  const id = fieldId(path, '-problem');
  return { id, view: html`<p class="field-error" id=${id}><span aria-hidden="true">⚠ </span>${problemText(found)}</p>` };
}

const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** Called when a change was refused: the control shows the draft's value again. */
function restore(event: Event, accepted: boolean, value: () => void): void {
  if (!accepted && event.target) value();
}

/** One control from its spec. */
export function fieldView(spec: FieldSpec, ctx: FieldContext): TemplateResult {
  const { path } = spec;
  const id = fieldId(path);
  const label = labelText(spec.label);
  const value = getPath(ctx.draft, path);
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const hint = spec.hint ? html`<small id=${hintId}>${tx(spec.hint)}</small>` : nothing;
  switch (spec.kind) {
    case 'text':
    case 'textarea': {
      const problem = inlineProblems(ctx, path);
      const text = typeof value === 'string' ? value : '';
      const onchange = (event: Event) => {
        const target = event.target as HTMLInputElement | HTMLTextAreaElement;
        const typed = target.value;
        restore(event, ctx.change(path, typed === '' ? undefined : typed), () => (target.value = text));
      };
      const { maxLength } = limits(path);
      const control =
        spec.kind === 'textarea'
          ? html`<textarea
              id=${id}
              rows="3"
              .value=${text}
              maxlength=${ifDefined(maxLength)}
              aria-describedby=${ifDefined(describedBy(hintId, problem.id))}
              aria-invalid=${ifDefined(problem.id ? 'true' : undefined)}
              @change=${onchange}
            ></textarea>`
          : html`<input
              id=${id}
              type="text"
              .value=${text}
              maxlength=${ifDefined(maxLength)}
              aria-describedby=${ifDefined(describedBy(hintId, problem.id))}
              aria-invalid=${ifDefined(problem.id ? 'true' : undefined)}
              @change=${onchange}
            />`;
      return html`<div class=${spec.kind === 'textarea' ? 'field wide' : 'field'}><label for=${id}>${label}</label>${control}${hint}${problem.view}</div>`;
    }
    case 'number': {
      const problem = inlineProblems(ctx, path);
      const { min, max, integer } = limits(path);
      const text = typeof value === 'number' ? String(value) : '';
      const onchange = (event: Event) => {
        const target = event.target as HTMLInputElement;
        const typed = target.value.trim();
        const number = Number(typed);
        restore(event, ctx.change(path, typed === '' || !Number.isFinite(number) ? (spec.empty ?? undefined) : number), () => (target.value = text));
      };
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <input
          id=${id}
          type="number"
          min=${ifDefined(min)}
          max=${ifDefined(max)}
          step=${spec.step ?? (integer ? 1 : 'any')}
          .value=${text}
          aria-describedby=${ifDefined(describedBy(hintId, problem.id))}
          aria-invalid=${ifDefined(problem.id ? 'true' : undefined)}
          @change=${onchange}
        />${hint}${problem.view}
      </div>`;
    }
    case 'checkbox': {
      const problem = inlineProblems(ctx, path);
      const checked = value === true;
      const onchange = (event: Event) => {
        const target = event.target as HTMLInputElement;
        restore(event, ctx.change(path, target.checked), () => (target.checked = checked));
      };
      return html`<div class="field check">
        <input id=${id} type="checkbox" .checked=${checked} aria-describedby=${ifDefined(describedBy(hintId, problem.id))} @change=${onchange} /><label for=${id}>${label}</label>${hint}${problem.view}
      </div>`;
    }
    case 'select': {
      const problem = inlineProblems(ctx, path);
      const onchange = (event: Event) => {
        const target = event.target as HTMLSelectElement;
        restore(event, ctx.change(path, target.value === '' ? undefined : target.value), () => (target.value = typeof value === 'string' ? value : ''));
      };
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} aria-describedby=${ifDefined(describedBy(hintId, problem.id))} aria-invalid=${ifDefined(problem.id ? 'true' : undefined)} @change=${onchange}>
          ${spec.empty ? html`<option value="" .selected=${value === undefined}>${tx(spec.empty)}</option>` : nothing}
          ${spec.options.map((o) => html`<option value=${o.value} .selected=${o.value === value}>${o.label}</option>`)}
        </select>
        ${hint}${problem.view}
      </div>`;
    }
    case 'list': {
      const list = Array.isArray(value) ? (value as unknown[]) : [];
      const problem = inlineProblems(ctx, path, false);
      return html`<fieldset class="checklist-field" aria-describedby=${ifDefined(problem.id)}>
        <legend>${label}</legend>
        <div class="check-grid">
          ${spec.options.map(({ value: name, label: optionLabel }) => {
            const optionId = fieldId([...path, name]);
            const checked = list.includes(name);
            const onchange = (event: Event) => {
              const target = event.target as HTMLInputElement;
              const others = list.filter((v) => v !== name);
              restore(event, ctx.change(path, target.checked ? [...others, name] : others), () => (target.checked = checked));
            };
            return html`<div class="field check"><input id=${optionId} type="checkbox" .checked=${checked} @change=${onchange} /><label for=${optionId}>${optionLabel}</label></div>`;
          })}
        </div>
        ${problem.view}
      </fieldset>`;
    }
    case 'json':
      return jsonView(spec, ctx, id, label, value);
  }
}

/**
 * A JSON value in a text area, for the parts of a level that are structures
 * (regions, context bits, claim configurations). Text that is not JSON is
 * kept in the field, reported beside it, and leaves the draft unchanged.
 */
function jsonView(spec: FieldSpec, ctx: FieldContext, id: string, label: string, value: unknown): TemplateResult {
  const { path } = spec;
  const problem = inlineProblems(ctx, path, false);
  const hintId = `${id}-hint`;
  const syntaxId = `${id}-syntax`;
  const syntax = ctx.jsonErrors.get(id);
  const text = syntax ? syntax.text : value === undefined ? '' : JSON.stringify(value);
  /** Applies a value; when nothing changed (or it was refused), the field shows the draft's value again, without an error. */
  const apply = (target: HTMLTextAreaElement, next: unknown) => {
    const hadError = ctx.jsonErrors.delete(id);
    if (ctx.change(path, next)) return;
    target.value = value === undefined ? '' : JSON.stringify(value);
    if (hadError) ctx.refresh();
  };
  const onchange = (event: Event) => {
    const target = event.target as HTMLTextAreaElement;
    const typed = target.value.trim();
    if (typed === '') return apply(target, undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(typed) as unknown;
    } catch (error) {
      ctx.jsonErrors.set(id, { text: target.value, message: t('editor.json.invalid', { error: (error as Error).message }) });
      ctx.refresh();
      return;
    }
    apply(target, parsed);
  };
  return html`<div class="field wide">
    <label for=${id}>${label}</label>
    <textarea
      id=${id}
      class="json-field"
      rows="2"
      spellcheck="false"
      .value=${text}
      aria-describedby=${describedBy(hintId, problem.id, syntaxId)!}
      aria-invalid=${ifDefined(problem.id || syntax ? 'true' : undefined)}
      @change=${onchange}
    ></textarea>
    <small id=${hintId}>${spec.hint ? tx(spec.hint) : t('editor.json.hint')}</small>
    <p class="field-error" id=${syntaxId} ?hidden=${!syntax}>${syntax ? html`<span aria-hidden="true">⚠ </span>${syntax.message}` : nothing}</p>
    ${problem.view}
  </div>`;
}
