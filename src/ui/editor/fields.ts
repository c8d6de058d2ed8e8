/**
 * Form controls bound to a path in the editor's draft: a label on every
 * control, the schema's problems for that path shown inline beside it (and
 * announced through aria-describedby), and a change reported as (path, value).
 *
 * Controls never validate beyond what the browser can read (a number field
 * that holds no number reports `undefined`); `parseLevel` judges the draft
 * and its problems come back here by path.
 */
import { formatPath, type LevelProblem } from '../../core/index';
import { el } from '../dom';
import { getPath, type Draft, type PathKey } from './draft';
import { tx } from '../../i18n/index';

export interface FieldContext {
  readonly draft: Draft;
  readonly problems: ProblemIndex;
  change(path: readonly PathKey[], value: unknown): void;
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

/** A stable id for a path, so focus survives a re-render. */
export function fieldId(path: readonly PathKey[], suffix = ''): string {
  return `ed-${path.join('-').replace(/[^a-zA-Z0-9-]/g, '_')}${suffix}`;
}

/** Inline problems for a control; returns the element (or null) and the id to point aria-describedby at. */
function inlineProblems(ctx: FieldContext, path: readonly PathKey[], exact = true): { node: HTMLElement | null; id: string | null } {
  const found = exact ? ctx.problems.at(path) : ctx.problems.under(path);
  if (found.length === 0) return { node: null, id: null };
  const id = fieldId(path, '-problem');
  return {
    id,
    node: el('p', { class: 'field-error', id }, el('span', { 'aria-hidden': 'true' }, '⚠ '), found.map((p) => `${p.path}: ${tx(p.message)}`).join('; ')),
  };
}

export interface TextOptions {
  readonly multiline?: boolean;
  readonly hint?: string;
  readonly maxLength?: number;
}

export function textField(ctx: FieldContext, label: string, path: readonly PathKey[], options: TextOptions = {}): HTMLElement {
  const id = fieldId(path);
  const value = getPath(ctx.draft, path);
  const problem = inlineProblems(ctx, path);
  const hintId = options.hint ? `${id}-hint` : null;
  const describedBy = [hintId, problem.id].filter(Boolean).join(' ') || null;
  const attrs = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': problem.node ? 'true' : null,
    maxlength: options.maxLength ?? null,
    onchange: (event: Event) => {
      const text = (event.target as HTMLInputElement).value;
      ctx.change(path, text === '' ? undefined : text);
    },
  };
  const input = options.multiline ? el('textarea', { ...attrs, rows: 3 }) : el('input', { ...attrs, type: 'text' });
  input.value = typeof value === 'string' ? value : '';
  return el('div', { class: `field${options.multiline ? ' wide' : ''}` }, el('label', { for: id }, label), input, hintId ? el('small', { id: hintId }, options.hint) : null, problem.node);
}

export interface NumberOptions {
  readonly min?: number;
  readonly max?: number;
  readonly step?: number | 'any';
  readonly hint?: string;
  /** An empty field stores this instead of removing the field (e.g. null: "the whole world"). */
  readonly empty?: unknown;
}

export function numberField(ctx: FieldContext, label: string, path: readonly PathKey[], options: NumberOptions = {}): HTMLElement {
  const id = fieldId(path);
  const value = getPath(ctx.draft, path);
  const problem = inlineProblems(ctx, path);
  const hintId = options.hint ? `${id}-hint` : null;
  const input = el('input', {
    id,
    type: 'number',
    min: options.min ?? null,
    max: options.max ?? null,
    step: options.step ?? 'any',
    'aria-describedby': [hintId, problem.id].filter(Boolean).join(' ') || null,
    'aria-invalid': problem.node ? 'true' : null,
    onchange: () => {
      const text = input.value.trim();
      const number = Number(text);
      ctx.change(path, text === '' || !Number.isFinite(number) ? options.empty : number);
    },
  });
  input.value = typeof value === 'number' ? String(value) : '';
  return el('div', { class: 'field' }, el('label', { for: id }, label), input, hintId ? el('small', { id: hintId }, options.hint) : null, problem.node);
}

export function checkboxField(ctx: FieldContext, label: string, path: readonly PathKey[], hint?: string): HTMLElement {
  const id = fieldId(path);
  const problem = inlineProblems(ctx, path);
  const input = el('input', {
    id,
    type: 'checkbox',
    checked: getPath(ctx.draft, path) === true,
    'aria-describedby': problem.id,
    onchange: () => ctx.change(path, input.checked),
  });
  return el('div', { class: 'field check' }, input, el('label', { for: id }, label), hint ? el('small', {}, hint) : null, problem.node);
}

export function selectField(ctx: FieldContext, label: string, path: readonly PathKey[], options: readonly { value: string; label: string }[], empty?: string): HTMLElement {
  const id = fieldId(path);
  const value = getPath(ctx.draft, path);
  const problem = inlineProblems(ctx, path);
  const select = el(
    'select',
    {
      id,
      'aria-describedby': problem.id,
      'aria-invalid': problem.node ? 'true' : null,
      onchange: () => ctx.change(path, select.value === '' ? undefined : select.value),
    },
    ...(empty !== undefined ? [el('option', { value: '' }, empty)] : []),
    ...options.map((o) => el('option', { value: o.value, selected: o.value === value }, o.label)),
  );
  if (value === undefined && empty !== undefined) select.value = '';
  return el('div', { class: 'field' }, el('label', { for: id }, label), select, problem.node);
}

/** A set of checkboxes for a list of names (features, events): ticking one adds it to the list. */
export function checklistField(ctx: FieldContext, legend: string, path: readonly PathKey[], names: readonly { value: string; label: string }[]): HTMLElement {
  const current = getPath(ctx.draft, path);
  const list = Array.isArray(current) ? (current as unknown[]) : [];
  const problem = inlineProblems(ctx, path, false);
  return el(
    'fieldset',
    { class: 'checklist-field', 'aria-describedby': problem.id },
    el('legend', {}, legend),
    el(
      'div',
      { class: 'check-grid' },
      ...names.map(({ value, label }) => {
        const id = fieldId([...path, value]);
        const input = el('input', {
          id,
          type: 'checkbox',
          checked: list.includes(value),
          onchange: () => ctx.change(path, input.checked ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value)),
        });
        return el('div', { class: 'field check' }, input, el('label', { for: id }, label));
      }),
    ),
    problem.node,
  );
}

/**
 * A JSON value in a text area, for the parts of a level that are structures
 * (regions, context bits, claim configurations). Text that is not JSON is
 * reported beside the field and leaves the draft unchanged.
 */
export function jsonField(ctx: FieldContext, label: string, path: readonly PathKey[], hint?: string): HTMLElement {
  const id = fieldId(path);
  const value = getPath(ctx.draft, path);
  const problem = inlineProblems(ctx, path, false);
  const hintId = `${id}-hint`;
  const syntax = el('p', { class: 'field-error', id: `${id}-syntax`, hidden: true });
  const input = el('textarea', {
    id,
    class: 'json-field',
    rows: 2,
    spellcheck: 'false',
    'aria-describedby': [hintId, problem.id, `${id}-syntax`].filter(Boolean).join(' '),
    'aria-invalid': problem.node ? 'true' : null,
    onchange: () => {
      const text = input.value.trim();
      if (text === '') return ctx.change(path, undefined);
      try {
        const parsed = JSON.parse(text) as unknown;
        syntax.hidden = true;
        ctx.change(path, parsed);
      } catch (error) {
        syntax.hidden = false;
        syntax.textContent = `⚠ Not valid JSON, so not applied: ${(error as Error).message}`;
        input.setAttribute('aria-invalid', 'true');
      }
    },
  });
  input.value = value === undefined ? '' : JSON.stringify(value);
  return el('div', { class: 'field wide' }, el('label', { for: id }, label), input, el('small', { id: hintId }, hint ?? 'JSON.'), syntax, problem.node);
}
