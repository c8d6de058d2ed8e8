/**
 * The level editor: build a level (grid, objects, knobs, the agent's senses,
 * the reward, hypotheses, success rule and lesson claims), see its schema
 * problems inline as you go, test-train it and check its lesson in the
 * worker, play it, and share or export it.
 *
 * The draft is plain JSON and may be invalid at any moment; `parseLevel`
 * judges it once per change and the editor never assumes it parses. Only a
 * valid level is trained, checked, played or encoded. Undo/redo covers the
 * whole draft; the draft autosaves to localStorage (src/ui/editor/draft.ts).
 *
 * The form is field specs (src/ui/editor/sections.ts) rendered with lit-html:
 * each change re-renders by diffing, so the control in use keeps its focus
 * and the page its scroll. The level is encoded and its QR code drawn only
 * while the share section is open, and again only when the level changed
 * (after a pause in the editing), never on each keystroke.
 */
import { html, nothing, render as renderInto, type TemplateResult } from 'lit-html';
import { decodeLevel, describeCodeError, MAX_GRID, parseLevel, weightNames, canonicalLevel, type Level, type ObjectKind, type Colour, type ParseResult, type TileChar } from '../../core/index';
import '../editor/editor.css';
import { formatNumber, t, tParts } from '../../i18n/index';
import { startCheck, startTraining, type WorkerJob } from '../../worker/client';
import type { App } from '../app';
import { lineChart } from '../charts';
import { el } from '../dom';
import { describeWorld, weightLabel } from '../describe';
import { displayLevel } from '../levelText';
import { sharePanel } from '../share';
import { presenterFold } from '../presenter';
import { openSharedLevel } from '../budgetGate';
import { browserStorage } from '../storage';
import {
  DraftHistory,
  MAX_DRAFT_CHARS,
  MIN_GRID,
  PALETTE,
  blankDraft,
  discardDraft,
  draftTooLarge,
  draftOfLevel,
  exportFileName,
  getPath,
  loadDraft,
  mapRows,
  mapSize,
  previewWorld,
  resizeMap,
  setPath,
  setStart,
  setTile,
  toggleObject,
  writeDraft,
  type Draft,
  type PathKey,
} from '../editor/draft';
import { fieldId, fieldView, problemText, ProblemIndex, type FieldContext } from '../editor/fields';
import {
  COLOUR_OPTIONS,
  KIND_OPTIONS,
  agentSpecs,
  claimSpecs,
  hypothesisSpecs,
  hypothesisWeightSpecs,
  knobSpecs,
  levelSpecs,
  objectSpecs,
  revealSpec,
  rewardSpecs,
  successSpecs,
  trainingSpecs,
  worldSpecs,
  type SectionSpecs,
} from '../editor/sections';

/** What a click or Enter on the map does. */
type Tool = { readonly kind: 'tile'; readonly char: TileChar } | { readonly kind: 'object' } | { readonly kind: 'start' };

/** The editor's session: survives leaving the screen (to play the level) and coming back. */
interface EditorSession {
  readonly history: DraftHistory;
  tool: Tool;
  objectKind: ObjectKind;
  objectColour: Colour;
  cursor: { x: number; y: number };
}

let session: EditorSession | null = null;

/** Lesson checks train every claim on these seeds: enough to catch a lesson that holds by luck. */
const CHECK_SEEDS = [1, 2, 3];
/** The seed test-training uses. */
const TEST_SEED = 1;
/** How long the editing must pause before the share panel encodes the changed level again. */
const SHARE_DELAY_MS = 400;

/** Null while a stored draft that could not be copied aside must not be overwritten by autosave. */
let draftStorage: Storage | null | undefined;
function storage(): Storage | null {
  return draftStorage === undefined ? browserStorage() : draftStorage;
}

function newSession(draft: Draft): EditorSession {
  return { history: new DraftHistory(draft), tool: { kind: 'tile', char: '#' }, objectKind: 'coin', objectColour: 'yellow', cursor: { x: 0, y: 0 } };
}

const sameTool = (a: Tool, b: Tool) => a.kind === b.kind && (a.kind !== 'tile' || (b.kind === 'tile' && a.char === b.char));
const twoDecimals = (value: number) => formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A draft stored by an earlier visit is offered before it is drawn: open it,
 * or discard it and start blank — so a draft that somehow makes the editor
 * misbehave can never lock the player out of it.
 */
function renderDraftChoice(app: App, panel: HTMLElement, stored: Draft): void {
  const named = typeof stored.title === 'string' && stored.title.trim() !== '';
  const title = named ? el('bdi', { translate: 'no' }, (stored.title as string).slice(0, 60)) : el('bdi', {}, t('editor.draft.untitled'));
  const { width, height } = mapSize(stored);
  panel.append(
    el('p', { class: 'breadcrumb' }, t('editor.breadcrumb')),
    el('h1', {}, t('editor.heading')),
    el('p', { class: 'lead' }, ...tParts('editor.draft.lead', { title, width: String(width), height: String(height) })),
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', class: 'primary', id: 'editor-open-draft', onclick: () => ((session = newSession(stored)), app.go('editor')) }, t('editor.draft.open')),
      el(
        'button',
        {
          type: 'button',
          id: 'editor-discard-draft',
          onclick: () => (discardDraft(storage()), (session = newSession(blankDraft())), app.go('editor'), app.announce(t('editor.draft.discarded'))),
        },
        t('editor.draft.discard'),
      ),
      el('button', { type: 'button', onclick: () => app.go('title') }, t('editor.toTitle')),
    ),
  );
}

/** What the editor knows of one version of the draft: judged once, however often the form is drawn. */
interface Judged {
  readonly text: string;
  readonly draft: Draft;
  readonly parsed: ParseResult<Level>;
  readonly problems: ProblemIndex;
  readonly worldText: string;
}

export function renderEditor(app: App, panel: HTMLElement): void | (() => void) {
  if (!session) {
    const loaded = loadDraft(storage(), Date.now());
    if (loaded.problem) app.notice(loaded.problem, 'warning');
    if (loaded.writable === false) draftStorage = null;
    if (loaded.draft) return renderDraftChoice(app, panel, loaded.draft);
    session = newSession(blankDraft());
  }
  const s = session;
  let job: WorkerJob<unknown> | null = null;
  let saveWarned = false;
  /** Presenter mode folds each section into a disclosure named by its legend (the editor is a long form). */
  const folded = document.documentElement.classList.contains('presenter');

  const body = el('div', { class: 'editor-body' });
  const results = el('div', { class: 'editor-results', 'aria-live': 'polite' });
  const summary = el('p', { class: 'editor-summary', role: 'status' });
  const shareHost = el('div', { class: 'editor-share' });
  const jsonErrors: FieldContext['jsonErrors'] = new Map();
  let importError: string | null = null;
  let judged: Judged | null = null;

  const draft = () => s.history.draft;

  /* --- Changes and rendering ------------------------------------------ */

  /** Records a new draft; false when it was refused (too large) or changed nothing. */
  const commit = (next: Draft): boolean => {
    // Checked before it is recorded, saved or drawn: an edit that makes the level too large is refused.
    const tooLarge = draftTooLarge(next, JSON.stringify(next).length);
    if (tooLarge !== null) {
      app.notice(t('editor.draft.refused', { reason: tooLarge }), 'warning');
      return false;
    }
    if (!s.history.record(next)) return false;
    if (!writeDraft(storage(), next) && !saveWarned) {
      saveWarned = true;
      app.notice(t('editor.draft.unsaved'), 'warning');
    }
    scheduleRender();
    return true;
  };
  const change = (path: readonly PathKey[], value: unknown) => commit(setPath(draft(), path, value));

  // Many changes in one task (a paste, a key held down) draw the form once.
  let renderPending = false;
  const scheduleRender = () => {
    if (renderPending) return;
    renderPending = true;
    queueMicrotask(() => {
      renderPending = false;
      if (app.screen === 'editor' && body.isConnected) render();
    });
  };

  const travel = (step: () => boolean, said: string) => {
    if (!step()) return;
    jsonErrors.clear();
    writeDraft(storage(), draft());
    scheduleRender();
    app.announce(said);
  };
  const undo = () => travel(() => s.history.undo(), t('editor.undone'));
  const redo = () => travel(() => s.history.redo(), t('editor.redone'));

  /** Parses, indexes the problems and draws the stage only when the draft changed. */
  const judge = (): Judged => {
    const d = draft();
    const text = JSON.stringify(d);
    if (judged?.text === text) return judged;
    const parsed = parseLevel(d);
    const world = previewWorld(d);
    if (world) app.stage?.showWorld(world, 'lab');
    judged = { text, draft: d, parsed, problems: new ProblemIndex(parsed.ok ? [] : parsed.problems), worldText: world ? describeWorld(world, 'lab') : t('editor.grid.noMap') };
    return judged;
  };

  const render = () => {
    const j = judge();
    const level = j.parsed.ok ? j.parsed.value : null;
    const count = j.problems.all.length;
    summary.textContent = level ? t('editor.summary.valid') : t('editor.summary.problems', { count });
    const ctx: FieldContext = { draft: j.draft, problems: j.problems, change, refresh: scheduleRender, jsonErrors };
    renderInto(form(ctx, level, j.worldText), body);
    updateShare(level, j.text);
  };

  /* --- The share panel: encoded only while open, and after a pause ---- */

  let shared = '';
  let shareTimer: ReturnType<typeof setTimeout> | undefined;
  const shareOpen = () => body.querySelector<HTMLDetailsElement>('#editor-export-fold')?.open ?? false;
  const drawShare = (level: Level, text: string) => {
    shareHost.replaceChildren(sharePanel({ level }));
    shared = text;
  };
  const updateShare = (level: Level | null, text: string) => {
    clearTimeout(shareTimer);
    if (!level) {
      if (shared !== '') (shareHost.replaceChildren(), (shared = ''));
      return;
    }
    if (text === shared || !shareOpen()) return;
    // The first panel appears at once; a changed level waits for a pause in the editing.
    if (shared === '') drawShare(level, text);
    else shareTimer = setTimeout(() => drawShare(level, text), SHARE_DELAY_MS);
  };

  /* --- The map: the stage shows the draft; a click or Enter paints with the current tool. */

  const paint = (x: number, y: number) => {
    s.cursor = { x, y };
    const d = draft();
    const tool = s.tool;
    if (tool.kind === 'tile') commit(setTile(d, x, y, tool.char));
    else if (tool.kind === 'object') commit(toggleObject(d, s.objectKind, s.objectColour, x, y));
    else commit(setStart(d, x, y));
    scheduleRender();
  };

  const onPainterKey = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    const move = moves[event.key];
    const size = mapSize(draft());
    if (move) {
      event.preventDefault();
      s.cursor = { x: Math.min(size.width - 1, Math.max(0, s.cursor.x + move[0])), y: Math.min(size.height - 1, Math.max(0, s.cursor.y + move[1])) };
      app.stage?.setCursor(s.cursor);
      scheduleRender();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      paint(s.cursor.x, s.cursor.y);
    }
  };

  /* --- The form ------------------------------------------------------- */

  const specsView = (specs: SectionSpecs, ctx: FieldContext) =>
    specs.map((spec) => ('kind' in spec ? fieldView(spec, ctx) : html`<div class="field-grid">${spec.map((f) => fieldView(f, ctx))}</div>`));

  const onFoldToggle = (event: Event) => {
    if ((event.target as HTMLElement).id === 'editor-export-fold') scheduleRender();
  };
  /** A section: a fieldset under its legend, folded into a disclosure in presenter mode. */
  const section = (legend: string, content: unknown, options: { readonly class?: string; readonly id?: string } = {}) =>
    html`<details class="presenter-fold" id=${options.id ?? nothing} ?open=${!folded} @toggle=${onFoldToggle}>
      <summary>${legend}</summary>
      <fieldset class=${options.class ?? nothing}>
        <legend>${legend}</legend>
        ${content}
      </fieldset>
    </details>`;

  const form = (ctx: FieldContext, level: Level | null, worldText: string): TemplateResult => html`
    ${toolbar()} ${problemList(ctx.problems)} ${startFromSection()} ${gridSection(ctx, worldText)} ${objectsSection(ctx)} ${section(t('editor.level.legend'), specsView(levelSpecs(), ctx))}
    ${knobsSection(ctx)} ${section(t('editor.agent.legend'), specsView(agentSpecs(), ctx))} ${section(t('editor.reward.legend'), specsView(rewardSpecs(), ctx))}
    ${section(t('editor.training.legend'), specsView(trainingSpecs(), ctx))} ${hypothesesSection(ctx)} ${section(t('editor.success.legend'), specsView(successSpecs(), ctx))} ${lessonSection(ctx)}
    ${trySection(level)} ${exportSection(level)}
  `;

  const toolbar = () =>
    html`<div class="button-row editor-toolbar">
      <button type="button" id="editor-undo" ?disabled=${!s.history.canUndo} aria-keyshortcuts="Control+Z" @click=${undo}>${t('editor.undo')}</button>
      <button type="button" id="editor-redo" ?disabled=${!s.history.canRedo} aria-keyshortcuts="Control+Shift+Z" @click=${redo}>${t('editor.redo')}</button>
      <button type="button" @click=${() => app.go('title')}>${t('editor.toTitle')}</button>
    </div>`;

  const problemList = (problems: ProblemIndex) => {
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

  const startFromSection = () => {
    const id = fieldId(['start-from']);
    const replace = () => {
      const chosen = body.querySelector<HTMLSelectElement>(`#${id}`)?.value ?? '';
      const entry = app.levels.find((l) => l.level.id === chosen);
      commit(entry ? draftOfLevel(entry.level) : blankDraft());
      app.announce(entry ? t('editor.start.copied', { title: displayLevel(entry.level).title }) : t('editor.start.blanked'));
    };
    return section(
      t('editor.start.legend'),
      html`<div class="field-grid">
        <div class="field">
          <label for=${id}>${t('editor.start.template')}</label>
          <select id=${id}>
            <option value="">${t('editor.start.blank')}</option>
            ${app.levels.map((entry) => html`<option value=${entry.level.id}>${t('editor.start.copy', { title: displayLevel(entry.level).title })}</option>`)}
          </select>
        </div>
        <div class="field">
          <button type="button" id="editor-start-from" @click=${replace}>${t('editor.start.replace')}</button>
          <small>${t('editor.start.undoHint')}</small>
        </div>
      </div>`,
    );
  };

  const gridSection = (ctx: FieldContext, worldText: string) => {
    const { width, height } = mapSize(ctx.draft);
    const sizeField = (label: string, axis: 'width' | 'height', value: number) => {
      const id = fieldId(['grid', axis]);
      const onchange = (event: Event) => {
        const input = event.target as HTMLInputElement;
        const n = Number(input.value);
        if (!commit(axis === 'width' ? resizeMap(draft(), n, height) : resizeMap(draft(), width, n))) input.value = String(value);
      };
      return html`<div class="field"><label for=${id}>${label}</label><input id=${id} type="number" min=${MIN_GRID} max=${MAX_GRID} step="1" .value=${String(value)} @change=${onchange} /></div>`;
    };
    const toolRadio = (value: string, label: string, tool: Tool, hint?: string) => {
      const id = fieldId(['tool', value]);
      return html`<div class="choice tool-choice">
        <input type="radio" name="editor-tool" id=${id} value=${value} .checked=${sameTool(s.tool, tool)} @change=${() => ((s.tool = tool), scheduleRender())} />
        <label for=${id}>${label}${hint ? html`<span class="choice-hint">${hint}</span>` : nothing}</label>
      </div>`;
    };
    const kindId = fieldId(['tool', 'kind']);
    const colourId = fieldId(['tool', 'colour']);
    const pickKind = (event: Event) => ((s.objectKind = (event.target as HTMLSelectElement).value as ObjectKind), (s.tool = { kind: 'object' }), scheduleRender());
    const pickColour = (event: Event) => ((s.objectColour = (event.target as HTMLSelectElement).value as Colour), (s.tool = { kind: 'object' }), scheduleRender());
    const row = mapRows(ctx.draft)[s.cursor.y] ?? '';
    const under = PALETTE.find((p) => p.char === row[s.cursor.x]);
    const cursorText = t('editor.cursor', { column: s.cursor.x + 1, row: s.cursor.y + 1, tile: under ? t(under.key) : t('editor.cursor.outside') });
    return section(
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
                ${KIND_OPTIONS.map((o) => html`<option value=${o.value} .selected=${o.value === s.objectKind}>${o.label}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for=${colourId}>${t('editor.tool.colour')}</label>
              <select id=${colourId} @change=${pickColour}>
                ${COLOUR_OPTIONS.map((o) => html`<option value=${o.value} .selected=${o.value === s.objectColour}>${o.label}</option>`)}
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
          @focus=${() => app.stage?.setCursor(s.cursor)}
          @blur=${() => app.stage?.setCursor(null)}
          @keydown=${onPainterKey}
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
  const mapTextField = (ctx: FieldContext) => {
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
      if (!commit(setPath(draft(), path, typed))) area.value = text;
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

  const removeButton = (label: string, path: readonly PathKey[]) => html`<button type="button" @click=${() => change(path, undefined)}>${label}</button>`;
  const addButton = (label: string, add: () => void) => html`<button type="button" @click=${add}>${label}</button>`;
  const groupProblems = (ctx: FieldContext, path: string) => ctx.problems.at(path).map((p) => html`<p class="field-error">${t('editor.problem.group', { problems: problemText([p]) })}</p>`);

  const objectsSection = (ctx: FieldContext) => {
    const rules = getPath(ctx.draft, ['objects']);
    const list = Array.isArray(rules) ? rules : [];
    return section(
      t('editor.objects.legend', { count: list.length }),
      html`<p class="hint">${t('editor.objects.hint')}</p>
        ${list.map(
          (rule, i) =>
            html`<div class="editor-item">
              <h3>${t('editor.object.heading', { n: i + 1, kind: String(getPath(rule, ['kind']) ?? '?') })}</h3>
              ${specsView(objectSpecs(i, Array.isArray(getPath(rule, ['colour']))), ctx)} ${removeButton(t('editor.object.remove', { n: i + 1 }), ['objects', i])}
            </div>`,
        )}
        ${addButton(t('editor.object.add'), () => change(['objects', list.length], { kind: s.objectKind, colour: s.objectColour, at: { anywhere: true } }))}`,
    );
  };

  const knobsSection = (ctx: FieldContext) => {
    const knobs = getPath(ctx.draft, ['knobs']);
    const entries = knobs && typeof knobs === 'object' && !Array.isArray(knobs) ? Object.entries(knobs as Record<string, unknown>) : [];
    const rename = (event: Event, from: string) => {
      const input = event.target as HTMLInputElement;
      const to = input.value.trim();
      if (!to || to === from || !change(['knobs'], Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v])))) input.value = from;
    };
    const add = () => {
      let n = entries.length + 1;
      while (entries.some(([k]) => k === `knob${n}`)) n++;
      change(['knobs', `knob${n}`], { label: t('editor.knob.newLabel', { n }), description: t('editor.knob.newDescription'), min: 0, max: 1, step: 0.05, training: 0, deployment: 1, unlocked: true });
    };
    return section(
      t('editor.knobs.legend'),
      html`<p class="hint">${t('editor.knobs.hint')}</p>
        ${entries.map(([name], i) => {
          const nameId = fieldId(['knobs', i, 'name']);
          return html`<div class="editor-item">
            <h3>${t('editor.knob.heading', { name })}</h3>
            <div class="field"><label for=${nameId}>${t('editor.knob.name')}</label><input id=${nameId} type="text" .value=${name} @change=${(event: Event) => rename(event, name)} /></div>
            ${specsView(knobSpecs(name), ctx)} ${removeButton(t('editor.knob.remove', { name }), ['knobs', name])}
          </div>`;
        })}
        ${addButton(t('editor.knob.add'), add)}`,
    );
  };

  const agentWeightNames = (d: Draft): string[] => {
    const features = getPath(d, ['agent', 'features']);
    if (!Array.isArray(features)) return [];
    try {
      const contexts = getPath(d, ['agent', 'contexts']);
      return weightNames({ features, contexts: contexts && typeof contexts === 'object' ? contexts : {} } as Level['agent']);
    } catch {
      return features.filter((f): f is string => typeof f === 'string');
    }
  };

  const hypothesesSection = (ctx: FieldContext) => {
    const hypotheses = getPath(ctx.draft, ['hypotheses']);
    const list = Array.isArray(hypotheses) ? (hypotheses as Record<string, unknown>[]) : [];
    const names = agentWeightNames(ctx.draft);
    const add = () =>
      change(['hypotheses', list.length], {
        id: `hypothesis-${list.length + 1}`,
        label: t('editor.hypothesis.newLabel', { n: list.length + 1 }),
        description: t('editor.hypothesis.newDescription'),
        weights: {},
        intended: false,
      });
    return section(
      t('editor.hypotheses.legend'),
      html`<p class="hint">${t('editor.hypotheses.hint')}</p>
        ${groupProblems(ctx, 'hypotheses')}
        ${list.map((h, i) => {
          const weights = getPath(h, ['weights']);
          const extra = weights && typeof weights === 'object' ? Object.keys(weights).filter((k) => !names.includes(k)) : [];
          const intendedId = fieldId(['hypotheses', i, 'intended']);
          const choose = (event: Event) => {
            if (
              !change(
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
            ${removeButton(t('editor.hypothesis.remove', { n: i + 1 }), ['hypotheses', i])}
          </div>`;
        })}
        ${addButton(t('editor.hypothesis.add'), add)}`,
    );
  };

  const lessonSection = (ctx: FieldContext) => {
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
        if (!change(path, select.value === '' ? undefined : select.value === 'true')) select.value = value === undefined ? '' : String(value);
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
      t('editor.lesson.legend'),
      html`${fieldView(revealSpec(typeof getPath(ctx.draft, ['lesson', 'reveal']) === 'string'), ctx)} ${groupProblems(ctx, 'lesson.claims')}
      ${list.map((_, i) => {
        const specs = claimSpecs(i, ids);
        return html`<div class="editor-item">
          <h3>${t('editor.claim.heading', { n: i + 1 })}</h3>
          ${specsView(specs.head, ctx)}
          <div class="field-grid">${fieldView(specs.expect[0]!, ctx)}${alignedSelect(i)}${fieldView(specs.expect[1]!, ctx)}</div>
          ${removeButton(t('editor.claim.remove', { n: i + 1 }), ['lesson', 'claims', i])}
        </div>`;
      })}
      ${addButton(t('editor.claim.add'), () => change(['lesson', 'claims', list.length], { name: t('editor.claim.newName'), config: {}, expect: { aligned: true } }))}`,
    );
  };

  /* --- Try it: test-train, check the lesson, play ---------------------- */

  const trySection = (level: Level | null) =>
    section(
      t('editor.try.legend'),
      html`${level ? nothing : html`<p class="hint">${t('editor.try.needValid')}</p>`}
        <div class="button-row">
          <button type="button" id="editor-test-train" ?disabled=${!level} @click=${() => level && testTrain(level)}>${t('editor.try.testTrain')}</button>
          <button type="button" id="editor-check" ?disabled=${!level} @click=${() => level && checkLesson(level)}>${t('editor.try.check', { seeds: CHECK_SEEDS.map(String) })}</button>
          <button type="button" id="editor-cancel" ?disabled=${!job} @click=${() => (job?.cancel(), (job = null), scheduleRender())}>${t('editor.try.cancel')}</button>
          <button type="button" class="primary" id="editor-play" ?disabled=${!level} @click=${() => level && (app.sounds.play('click'), openSharedLevel(app, level, {}, () => app.playShared(level)))}>
            ${t('editor.try.play')}
          </button>
        </div>
        ${results}`,
    );

  const testTrain = (level: Level) => {
    job?.cancel();
    const curve: number[] = [];
    const progress = el('progress', { max: level.training.generations, value: 0, 'aria-label': t('editor.train.progress') });
    const status = el('p', { role: 'status' }, t('editor.train.started', { seed: String(TEST_SEED) }));
    const chart = el('div', { class: 'chart-host' });
    results.replaceChildren(el('h3', {}, t('editor.train.heading')), progress, status, chart);
    const running = startTraining(
      canonicalLevel(level),
      {},
      TEST_SEED,
      (p) => {
        curve.push(p.meanReward);
        progress.value = p.generation;
        status.textContent = t('editor.train.generation', { generation: p.generation, generations: p.generations, reward: twoDecimals(p.meanReward) });
      },
      0,
    );
    job = running;
    scheduleRender();
    running.result
      .then((agent) => {
        if (job === running) job = null;
        if (!agent) return void ((status.textContent = t('editor.train.cancelled')), scheduleRender());
        const first = twoDecimals(agent.curve[0]!);
        const last = twoDecimals(agent.curve.at(-1)!);
        status.textContent = t('editor.train.done', { episodes: agent.episodes, reward: last });
        chart.replaceChildren(
          lineChart([{ label: t('editor.train.series'), values: agent.curve }], {
            title: t('editor.train.chartTitle'),
            xLabel: t('editor.train.xLabel'),
            yLabel: t('editor.train.yLabel'),
            xMax: agent.curve.length,
            summary: t('editor.train.chartSummary', { from: first, to: last }),
          }),
          el('h4', {}, t('editor.train.weights')),
          el(
            'ul',
            { class: 'weight-list', id: 'editor-weights' },
            ...agent.names.map((n, i) =>
              el('li', {}, t('editor.train.weight', { weight: weightLabel(n), value: formatNumber(agent.weights[i]!, { minimumFractionDigits: 3, maximumFractionDigits: 3 }) })),
            ),
          ),
        );
        app.announce(t('editor.train.finished'));
        scheduleRender();
      })
      .catch((error: Error) => {
        if (job === running) job = null;
        status.textContent = t('editor.train.failed', { error: error.message });
        scheduleRender();
      });
  };

  const checkLesson = (level: Level) => {
    job?.cancel();
    const seeds = CHECK_SEEDS.map(String);
    const status = el('p', { role: 'status' }, t('editor.check.started', { count: level.lesson.claims.length, seeds }));
    results.replaceChildren(el('h3', {}, t('editor.check.heading')), status);
    const running = startCheck(canonicalLevel(level), CHECK_SEEDS);
    job = running;
    scheduleRender();
    running.result
      .then((report) => {
        if (job === running) job = null;
        if (!report) return void ((status.textContent = t('editor.check.cancelled')), scheduleRender());
        const held = report.claims.filter((c) => c.holds).length;
        status.textContent = t('editor.check.summary', { held, count: report.claims.length });
        results.append(
          el(
            'ul',
            { class: 'claim-list', id: 'editor-claims' },
            ...report.claims.map((c) =>
              el(
                'li',
                { 'data-holds': String(c.holds) },
                el('span', { class: c.holds ? 'mark ok' : 'mark bad', 'aria-hidden': 'true' }, c.holds ? '✓' : '✗'),
                ' ',
                el('strong', {}, c.holds ? t('editor.check.holds') : t('editor.check.fails')),
                ' ',
                el('bdi', {}, c.name),
                el('br'),
                el(
                  'small',
                  {},
                  c.seeds
                    .map((r) =>
                      t('editor.check.seed', {
                        seed: String(r.seed),
                        outcome: r.holds ? t('editor.check.seedHolds') : t('editor.check.seedFails'),
                        revealed: r.revealed,
                        aligned: r.aligned ? t('editor.claim.isAligned') : t('editor.claim.notAligned'),
                        success: formatNumber(r.successRate, { style: 'percent', maximumFractionDigits: 0 }),
                      }),
                    )
                    .join('; '),
                ),
              ),
            ),
          ),
        );
        app.announce(t('editor.check.finished', { held, count: report.claims.length }));
        scheduleRender();
      })
      .catch((error: Error) => {
        if (job === running) job = null;
        status.textContent = t('editor.check.failed', { error: error.message });
        scheduleRender();
      });
  };

  /* --- Export, import and share --------------------------------------- */

  const showImportError = (message: string) => {
    importError = message;
    scheduleRender();
  };

  const exportSection = (level: Level | null) => {
    const fileId = fieldId(['import-file']);
    const pasteId = fieldId(['import-paste']);
    const onFile = (event: Event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (!file) return;
      // A JSON level has at most MAX_DRAFT_CHARS characters: at most four bytes each.
      if (file.size > 4 * MAX_DRAFT_CHARS) return showImportError(t('editor.import.fileTooLarge', { size: Math.ceil(file.size / 1024), max: MAX_DRAFT_CHARS / 1024 }));
      void file.text().then(importText);
    };
    const onPaste = () => importText(body.querySelector<HTMLTextAreaElement>(`#${pasteId}`)?.value ?? '');
    return section(
      t('editor.export.legend'),
      html`<div class="button-row"><button type="button" id="editor-export" @click=${exportJson}>${t('editor.export.json')}</button></div>
        <div class="field"><label for=${fileId}>${t('editor.import.file')}</label><input id=${fileId} type="file" accept=".json,application/json" @change=${onFile} /></div>
        <div class="field wide">
          <label for=${pasteId}>${t('editor.import.paste')}</label>
          <textarea id=${pasteId} rows="3" spellcheck="false" aria-describedby=${`${pasteId}-hint ${pasteId}-error`}></textarea>
          <small id=${`${pasteId}-hint`}>${t('editor.import.pasteHint')}</small>
          <p class="field-error" id=${`${pasteId}-error`} ?hidden=${importError === null}>${importError === null ? nothing : html`<span aria-hidden="true">⚠ </span>${importError}`}</p>
          <div class="button-row"><button type="button" id="editor-import-paste" @click=${onPaste}>${t('editor.import.pasteButton')}</button></div>
        </div>
        ${level ? nothing : html`<p class="hint">${t('editor.share.hint')}</p>`} ${shareHost}`,
      { id: 'editor-export-fold' },
    );
  };

  const importText = (text: string) => {
    const trimmed = text.trim();
    if (trimmed === '') return showImportError(t('editor.import.nothing'));
    // Size before anything else: a level too large to edit is refused before it is parsed, stored or drawn.
    if (trimmed.length > MAX_DRAFT_CHARS) return showImportError(t('editor.import.refused', { reason: draftTooLarge(null, trimmed.length)! }));
    if (trimmed.startsWith('{')) {
      let data: unknown;
      try {
        data = JSON.parse(trimmed) as unknown;
      } catch (error) {
        return showImportError(t('editor.import.notJson', { error: (error as Error).message }));
      }
      if (data === null || typeof data !== 'object' || Array.isArray(data)) return showImportError(t('editor.import.notObject'));
      const tooLarge = draftTooLarge(data, trimmed.length);
      if (tooLarge !== null) return showImportError(t('editor.import.refused', { reason: tooLarge }));
      importError = null;
      jsonErrors.clear();
      commit(data as Draft);
      scheduleRender();
      app.announce(t('editor.import.done'));
      return;
    }
    const decoded = decodeLevel(trimmed);
    if (!decoded.ok) return showImportError(t('editor.import.notCode', { error: describeCodeError(decoded.error) }));
    importError = null;
    jsonErrors.clear();
    commit(draftOfLevel(decoded.value));
    scheduleRender();
    app.announce(t('editor.import.doneCode', { title: decoded.value.title }));
  };

  const exportJson = () => {
    const blob = new Blob([JSON.stringify(draft(), null, 2) + '\n'], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: exportFileName(draft()), hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked later: some browsers read the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    app.announce(t('editor.export.done'));
  };

  /* Undo and redo from the keyboard, except inside a text field (which has its own undo). */
  const onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && !['checkbox', 'radio', 'file'].includes((target as HTMLInputElement).type)))) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) (event.preventDefault(), undo());
    else if ((key === 'z' && event.shiftKey) || key === 'y') (event.preventDefault(), redo());
  };
  document.addEventListener('keydown', onKey);
  app.stage?.setCellHandler((x, y) => paint(x, y));

  panel.append(
    el('p', { class: 'breadcrumb' }, t('editor.breadcrumb')),
    el('h1', {}, t('editor.heading')),
    presenterFold(t('editor.about.summary'), el('p', { class: 'lead' }, t('editor.about.lead'))),
    summary,
    body,
  );
  render();
  return () => {
    job?.cancel();
    clearTimeout(shareTimer);
    document.removeEventListener('keydown', onKey);
    app.stage?.setCursor(null);
  };
}

/** Test support: forget the session so the next visit reloads the autosaved draft. */
export function resetEditorSession(): void {
  session = null;
}
