/**
 * The level editor's form, drawn with lit-html from the field specs of
 * ./sections.ts: the grid and its painter, and the sections that list things
 * (objects, knobs, hypotheses, lesson claims) with their Add and Remove
 * buttons. Each function returns a template; the screen renders them into
 * one container, and lit-html's diffing keeps every control that did not
 * change as it was (focus, selection, scroll).
 *
 * Nothing here judges the draft or keeps state: the draft, its problems and
 * the painter's tool come in the context; changes go out through it.
 */
import { html, nothing } from 'lit-html';
import { MAX_GRID, weightNames, type Colour, type Level, type ObjectKind, type TileChar } from '../../core/index';
import { t, tParts } from '../../i18n/index';
import { getPath, MIN_GRID, mapRows, mapSize, PALETTE, resizeMap, setPath, type Draft, type PathKey } from './draft';
import { fieldId, fieldView, problemText, type FieldContext, type ProblemIndex } from './fields';
import { claimSpecs, COLOUR_OPTIONS, hypothesisSpecs, hypothesisWeightSpecs, KIND_OPTIONS, knobSpecs, objectSpecs, revealSpec, worldSpecs, type SectionSpecs } from './sections';

/** What a click or Enter on the map does. */
export type Tool = { readonly kind: 'tile'; readonly char: TileChar } | { readonly kind: 'object' } | { readonly kind: 'start' };

/** The painter's state: the tool, the object it places, and the keyboard cursor. */
export interface Painter {
  tool: Tool;
  objectKind: ObjectKind;
  objectColour: Colour;
  cursor: { x: number; y: number };
}

export interface FormContext extends FieldContext {
  /** Presenter mode: each section is folded into a disclosure named by its legend (the editor is a long form). */
  readonly folded: boolean;
  readonly painter: Painter;
  /** The draft as it is now (a handler may run after another change and before the next render). */
  current(): Draft;
  /** Replaces the whole draft; false when refused (too large) or unchanged. */
  commit(next: Draft): boolean;
  /** A section was opened or closed. */
  onFoldToggle(event: Event): void;
  readonly painterEvents: { keydown(event: KeyboardEvent): void; focus(): void; blur(): void };
}

const sameTool = (a: Tool, b: Tool) => a.kind === b.kind && (a.kind !== 'tile' || (b.kind === 'tile' && a.char === b.char));

export const specsView = (specs: SectionSpecs, ctx: FieldContext) =>
  specs.map((spec) => ('kind' in spec ? fieldView(spec, ctx) : html`<div class="field-grid">${spec.map((f) => fieldView(f, ctx))}</div>`));

/** A section: a fieldset under its legend, folded into a disclosure in presenter mode. */
export const section = (ctx: FormContext, legend: string, content: unknown, options: { readonly class?: string; readonly id?: string } = {}) =>
  html`<details class="presenter-fold" id=${options.id ?? nothing} ?open=${!ctx.folded} @toggle=${ctx.onFoldToggle}>
    <summary>${legend}</summary>
    <fieldset class=${options.class ?? nothing}>
      <legend>${legend}</legend>
      ${content}
    </fieldset>
  </details>`;

export const problemList = (problems: ProblemIndex) => {
  const count = problems.all.length;
  return html`<section class=${count ? 'editor-problems has-problems' : 'editor-problems'} aria-labelledby="editor-problems-heading">
    <h2 class="sub" id="editor-problems-heading">${count ? t('editor.problems.heading', { count }) : t('editor.problems.none')}</h2>
    ${
      count
        ? html`<ul class="problem-list">
            ${problems.all
              .slice(0, 30)
              .map((p) => html`<li><span aria-hidden="true">⚠ </span>${tParts('editor.problem', { path: html`<code translate="no">${p.path}</code>`, message: p.message })}</li>`)}
          </ul>`
        : html`<p><span aria-hidden="true">✓ </span>${t('editor.problems.valid')}</p>`
    }
  </section>`;
};

export const gridSection = (ctx: FormContext, worldText: string) => {
  const { width, height } = mapSize(ctx.draft);
  const sizeField = (label: string, axis: 'width' | 'height', value: number) => {
    const id = fieldId(['grid', axis]);
    const onchange = (event: Event) => {
      const input = event.target as HTMLInputElement;
      const n = Number(input.value);
      if (!ctx.commit(axis === 'width' ? resizeMap(ctx.current(), n, height) : resizeMap(ctx.current(), width, n))) input.value = String(value);
    };
    return html`<div class="field"><label for=${id}>${label}</label><input id=${id} type="number" min=${MIN_GRID} max=${MAX_GRID} step="1" .value=${String(value)} @change=${onchange} /></div>`;
  };
  const toolRadio = (value: string, label: string, tool: Tool, hint?: string) => {
    const id = fieldId(['tool', value]);
    return html`<div class="choice tool-choice">
      <input type="radio" name="editor-tool" id=${id} value=${value} .checked=${sameTool(ctx.painter.tool, tool)} @change=${() => ((ctx.painter.tool = tool), ctx.refresh())} />
      <label for=${id}>${label}${hint ? html`<span class="choice-hint">${hint}</span>` : nothing}</label>
    </div>`;
  };
  const kindId = fieldId(['tool', 'kind']);
  const colourId = fieldId(['tool', 'colour']);
  const pickKind = (event: Event) => ((ctx.painter.objectKind = (event.target as HTMLSelectElement).value as ObjectKind), (ctx.painter.tool = { kind: 'object' }), ctx.refresh());
  const pickColour = (event: Event) => ((ctx.painter.objectColour = (event.target as HTMLSelectElement).value as Colour), (ctx.painter.tool = { kind: 'object' }), ctx.refresh());
  const row = mapRows(ctx.draft)[ctx.painter.cursor.y] ?? '';
  const under = PALETTE.find((p) => p.char === row[ctx.painter.cursor.x]);
  const cursorText = t('editor.cursor', { column: ctx.painter.cursor.x + 1, row: ctx.painter.cursor.y + 1, tile: under ? t(under.key) : t('editor.cursor.outside') });
  return section(
    ctx,
    t('editor.grid.legend'),
    html`<div class="field-grid">${sizeField(t('editor.grid.width'), 'width', width)}${sizeField(t('editor.grid.height'), 'height', height)}</div>
      <fieldset class="palette">
        <legend>${t('editor.tool.legend')}</legend>
        <div class="check-grid">
          ${PALETTE.map((p) => toolRadio(`tile-${p.id}`, t('editor.tool.paint', { tile: t(p.key) }), { kind: 'tile', char: p.char }, t('editor.tool.paintHint', { char: p.char })))}
          ${toolRadio('object', t('editor.tool.object'), { kind: 'object' }, t('editor.tool.objectHint'))} ${toolRadio('start', t('editor.tool.start'), { kind: 'start' })}
        </div>
        <div class="field-grid">
          <div class="field">
            <label for=${kindId}>${t('editor.tool.kind')}</label>
            <select id=${kindId} @change=${pickKind}>
              ${KIND_OPTIONS.map((o) => html`<option value=${o.value} .selected=${o.value === ctx.painter.objectKind}>${o.label}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for=${colourId}>${t('editor.tool.colour')}</label>
            <select id=${colourId} @change=${pickColour}>
              ${COLOUR_OPTIONS.map((o) => html`<option value=${o.value} .selected=${o.value === ctx.painter.objectColour}>${o.label}</option>`)}
            </select>
          </div>
        </div>
      </fieldset>
      <div
        id="editor-map-keys"
        class="map-keys"
        tabindex="0"
        role="application"
        aria-label=${t('editor.painter.label')}
        aria-describedby="editor-cursor-status"
        @focus=${ctx.painterEvents.focus}
        @blur=${ctx.painterEvents.blur}
        @keydown=${ctx.painterEvents.keydown}
      >
        <span aria-hidden="true">⌨ </span>${t('editor.painter.text')}
      </div>
      <p class="cursor-status" id="editor-cursor-status" aria-live="polite">${cursorText}</p>
      <p class="sr-only">${worldText}</p>
      ${mapTextField(ctx)} ${specsView(worldSpecs(), ctx)}`,
    { class: 'editor-grid' },
  );
};

/** The map as lines of text (one per row): the same grid, for typing or pasting. */
export const mapTextField = (ctx: FormContext) => {
  const path = ['world', 'map'];
  const id = fieldId(path);
  const rows = mapRows(ctx.draft);
  const found = ctx.problems.under(path);
  const problemId = `${id}-problem`;
  const text = rows.join('\n');
  const onchange = (event: Event) => {
    const area = event.target as HTMLTextAreaElement;
    const typed = area.value
      .split('\n')
      .map((r) => r.trim())
      .filter((r) => r.length > 0);
    if (!ctx.commit(setPath(ctx.current(), path, typed))) area.value = text;
  };
  return html`<div class="field wide">
    <label for=${id}>${t('editor.map.label')}</label>
    <textarea
      id=${id}
      class="map-text"
      rows=${Math.min(12, Math.max(3, rows.length))}
      spellcheck="false"
      aria-describedby=${found.length ? `${id}-hint ${problemId}` : `${id}-hint`}
      aria-invalid=${found.length ? 'true' : nothing}
      .value=${text}
      @change=${onchange}
    ></textarea>
    <small id=${`${id}-hint`}>${t('editor.map.hint')}</small>
    ${found.length ? html`<p class="field-error" id=${problemId}>${t('editor.problem.group', { problems: problemText(found) })}</p>` : nothing}
  </div>`;
};

export const removeButton = (ctx: FieldContext, label: string, path: readonly PathKey[]) => html`<button type="button" @click=${() => ctx.change(path, undefined)}>${label}</button>`;
export const addButton = (label: string, add: () => void) => html`<button type="button" @click=${add}>${label}</button>`;
export const groupProblems = (ctx: FieldContext, path: string) => ctx.problems.at(path).map((p) => html`<p class="field-error">${t('editor.problem.group', { problems: problemText([p]) })}</p>`);

export const objectsSection = (ctx: FormContext) => {
  const rules = getPath(ctx.draft, ['objects']);
  const list = Array.isArray(rules) ? rules : [];
  return section(
    ctx,
    t('editor.objects.legend', { count: list.length }),
    html`<p class="hint">${t('editor.objects.hint')}</p>
      ${list.map(
        (rule, i) =>
          html`<div class="editor-item">
            <h3>${t('editor.object.heading', { n: i + 1, kind: String(getPath(rule, ['kind']) ?? '?') })}</h3>
            ${specsView(objectSpecs(i, Array.isArray(getPath(rule, ['colour']))), ctx)} ${removeButton(ctx, t('editor.object.remove', { n: i + 1 }), ['objects', i])}
          </div>`,
      )}
      ${addButton(t('editor.object.add'), () => ctx.change(['objects', list.length], { kind: ctx.painter.objectKind, colour: ctx.painter.objectColour, at: { anywhere: true } }))}`,
  );
};

export const knobsSection = (ctx: FormContext) => {
  const knobs = getPath(ctx.draft, ['knobs']);
  const entries = knobs && typeof knobs === 'object' && !Array.isArray(knobs) ? Object.entries(knobs as Record<string, unknown>) : [];
  const rename = (event: Event, from: string) => {
    const input = event.target as HTMLInputElement;
    const to = input.value.trim();
    if (!to || to === from || !ctx.change(['knobs'], Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v])))) input.value = from;
  };
  const add = () => {
    let n = entries.length + 1;
    while (entries.some(([k]) => k === `knob${n}`)) n++;
    ctx.change(['knobs', `knob${n}`], {
      label: t('editor.knob.newLabel', { n }),
      description: t('editor.knob.newDescription'),
      min: 0,
      max: 1,
      step: 0.05,
      training: 0,
      deployment: 1,
      unlocked: true,
    });
  };
  return section(
    ctx,
    t('editor.knobs.legend'),
    html`<p class="hint">${t('editor.knobs.hint')}</p>
      ${entries.map(([name], i) => {
        const nameId = fieldId(['knobs', i, 'name']);
        return html`<div class="editor-item">
          <h3>${t('editor.knob.heading', { name })}</h3>
          <div class="field"><label for=${nameId}>${t('editor.knob.name')}</label><input id=${nameId} type="text" .value=${name} @change=${(event: Event) => rename(event, name)} /></div>
          ${specsView(knobSpecs(name), ctx)} ${removeButton(ctx, t('editor.knob.remove', { name }), ['knobs', name])}
        </div>`;
      })}
      ${addButton(t('editor.knob.add'), add)}`,
  );
};

export const agentWeightNames = (d: Draft): string[] => {
  const features = getPath(d, ['agent', 'features']);
  if (!Array.isArray(features)) return [];
  try {
    const contexts = getPath(d, ['agent', 'contexts']);
    return weightNames({ features, contexts: contexts && typeof contexts === 'object' ? contexts : {} } as Level['agent']);
  } catch {
    return features.filter((f): f is string => typeof f === 'string');
  }
};

export const hypothesesSection = (ctx: FormContext) => {
  const hypotheses = getPath(ctx.draft, ['hypotheses']);
  const list = Array.isArray(hypotheses) ? (hypotheses as Record<string, unknown>[]) : [];
  const names = agentWeightNames(ctx.draft);
  const add = () =>
    ctx.change(['hypotheses', list.length], {
      id: `hypothesis-${list.length + 1}`,
      label: t('editor.hypothesis.newLabel', { n: list.length + 1 }),
      description: t('editor.hypothesis.newDescription'),
      weights: {},
      intended: false,
    });
  return section(
    ctx,
    t('editor.hypotheses.legend'),
    html`<p class="hint">${t('editor.hypotheses.hint')}</p>
      ${groupProblems(ctx, 'hypotheses')}
      ${list.map((h, i) => {
        const weights = getPath(h, ['weights']);
        const extra = weights && typeof weights === 'object' ? Object.keys(weights).filter((k) => !names.includes(k)) : [];
        const intendedId = fieldId(['hypotheses', i, 'intended']);
        const choose = (event: Event) => {
          if (
            !ctx.change(
              ['hypotheses'],
              list.map((other, j) => ({ ...other, intended: j === i })),
            )
          )
            (event.target as HTMLInputElement).checked = h.intended === true;
        };
        return html`<div class="editor-item">
          <h3>${h.intended === true ? t('editor.hypothesis.headingIntended', { n: i + 1 }) : t('editor.hypothesis.heading', { n: i + 1 })}</h3>
          ${specsView(hypothesisSpecs(i), ctx)}
          <fieldset class="weights">
            <legend>${t('editor.hypothesis.weights')}</legend>
            ${specsView(hypothesisWeightSpecs(i, [...names, ...extra]), ctx)}
          </fieldset>
          <div class="choice">
            <input type="radio" name="editor-intended" id=${intendedId} .checked=${h.intended === true} @change=${choose} />
            <label for=${intendedId}>${t('editor.hypothesis.intended')}</label>
          </div>
          ${removeButton(ctx, t('editor.hypothesis.remove', { n: i + 1 }), ['hypotheses', i])}
        </div>`;
      })}
      ${addButton(t('editor.hypothesis.add'), add)}`,
  );
};

export const lessonSection = (ctx: FormContext) => {
  const claims = getPath(ctx.draft, ['lesson', 'claims']);
  const list = Array.isArray(claims) ? (claims as Record<string, unknown>[]) : [];
  const hypotheses = getPath(ctx.draft, ['hypotheses']);
  const ids = (Array.isArray(hypotheses) ? hypotheses : []).map((h) => getPath(h, ['id'])).filter((id): id is string => typeof id === 'string');
  /** "The agent is": aligned, not aligned, or not claimed (a boolean, so not a plain menu of strings). */
  const alignedSelect = (i: number) => {
    const path = ['lesson', 'claims', i, 'expect', 'aligned'];
    const id = fieldId(path);
    const value = getPath(ctx.draft, path);
    const pick = (event: Event) => {
      const select = event.target as HTMLSelectElement;
      if (!ctx.change(path, select.value === '' ? undefined : select.value === 'true')) select.value = value === undefined ? '' : String(value);
    };
    return html`<div class="field">
      <label for=${id}>${t('editor.claim.aligned')}</label>
      <select id=${id} @change=${pick}>
        <option value="" .selected=${value === undefined}>${t('editor.claim.notClaimed')}</option>
        <option value="true" .selected=${value === true}>${t('editor.claim.isAligned')}</option>
        <option value="false" .selected=${value === false}>${t('editor.claim.notAligned')}</option>
      </select>
    </div>`;
  };
  return section(
    ctx,
    t('editor.lesson.legend'),
    html`${fieldView(revealSpec(typeof getPath(ctx.draft, ['lesson', 'reveal']) === 'string'), ctx)} ${groupProblems(ctx, 'lesson.claims')}
    ${list.map((_, i) => {
      const specs = claimSpecs(i, ids);
      return html`<div class="editor-item">
        <h3>${t('editor.claim.heading', { n: i + 1 })}</h3>
        ${specsView(specs.head, ctx)}
        <div class="field-grid">${fieldView(specs.expect[0]!, ctx)}${alignedSelect(i)}${fieldView(specs.expect[1]!, ctx)}</div>
        ${removeButton(ctx, t('editor.claim.remove', { n: i + 1 }), ['lesson', 'claims', i])}
      </div>`;
    })}
    ${addButton(t('editor.claim.add'), () => ctx.change(['lesson', 'claims', list.length], { name: t('editor.claim.newName'), config: {}, expect: { aligned: true } }))}`,
  );
};
