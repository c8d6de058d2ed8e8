/**
 * The level editor: build a level (grid, objects, knobs, the agent's senses,
 * the reward, hypotheses, success rule and lesson claims), see its schema
 * problems inline as you go, test-train it and check its lesson in the
 * worker, play it, and share or export it.
 *
 * The draft is plain JSON and may be invalid at any moment; `parseLevel`
 * judges it after every change and the editor never assumes it parses. Only
 * a valid level is trained, checked, played or encoded. Undo/redo covers the
 * whole draft; the draft autosaves to localStorage (src/ui/editor/draft.ts).
 */
import {
  COLOUR_NAMES,
  EVENT_KINDS,
  FEATURES,
  MAX_GRID,
  OBJECT_KINDS,
  decodeLevel,
  describeCodeError,
  parseLevel,
  weightNames,
  canonicalLevel,
  type Level,
  type LevelProblem,
  type ObjectKind,
  type Colour,
  type TileChar,
} from '../../core/index';
import '../editor/editor.css';
import { startCheck, startTraining, type WorkerJob } from '../../worker/client';
import type { App } from '../app';
import { lineChart } from '../charts';
import { el } from '../dom';
import { describeWorld, eventLabel, featureName, weightLabel } from '../describe';
import { sharePanel } from '../share';
import { presenterFold } from '../presenter';
import { openSharedLevel } from '../budgetGate';
import { browserStorage } from '../storage';
import {
  DraftHistory,
  MAX_DRAFT_CHARS,
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
import { checkboxField, checklistField, fieldId, jsonField, numberField, ProblemIndex, selectField, textField, type FieldContext } from '../editor/fields';
import { tx } from '../../i18n/index';

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

const EVENT_OPTIONS = EVENT_KINDS.map((k) => ({ value: k, label: eventLabel(k) }));
/** The features, named in the reader's language when the editor is drawn. */
const featureOptions = () => FEATURES.map((f) => ({ value: f, label: featureName(f) }));
const KIND_OPTIONS = OBJECT_KINDS.map((k) => ({ value: k, label: k }));
const COLOUR_OPTIONS = COLOUR_NAMES.map((c) => ({ value: c, label: c }));

/** Null while a stored draft that could not be copied aside must not be overwritten by autosave. */
let draftStorage: Storage | null | undefined;
function storage(): Storage | null {
  return draftStorage === undefined ? browserStorage() : draftStorage;
}

function newSession(draft: Draft): EditorSession {
  return { history: new DraftHistory(draft), tool: { kind: 'tile', char: '#' }, objectKind: 'coin', objectColour: 'yellow', cursor: { x: 0, y: 0 } };
}

/**
 * A draft stored by an earlier visit is offered before it is drawn: open it,
 * or discard it and start blank — so a draft that somehow makes the editor
 * misbehave can never lock the player out of it.
 */
function renderDraftChoice(app: App, panel: HTMLElement, stored: Draft): void {
  const title = typeof stored.title === 'string' && stored.title.trim() !== '' ? stored.title.slice(0, 60) : 'untitled';
  const { width, height } = mapSize(stored);
  panel.append(
    el('p', { class: 'breadcrumb' }, 'Level editor'),
    el('h1', {}, 'Level editor'),
    el('p', { class: 'lead' }, 'A draft from your last visit is saved in this browser: “', el('bdi', {}, title), `” (a ${width}×${height} map).`),
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', class: 'primary', id: 'editor-open-draft', onclick: () => ((session = newSession(stored)), app.go('editor')) }, 'Open the draft'),
      el(
        'button',
        {
          type: 'button',
          id: 'editor-discard-draft',
          onclick: () => (discardDraft(storage()), (session = newSession(blankDraft())), app.go('editor'), app.announce('The saved draft was discarded; the editor starts from a blank level.')),
        },
        'Discard it and start blank',
      ),
      el('button', { type: 'button', onclick: () => app.go('title') }, '← Title'),
    ),
  );
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

  const body = el('div', { class: 'editor-body' });
  /**
   * Presenter mode folds each section into a disclosure named by its legend (the editor is a
   * long form); the sections the teacher opened stay open when an edit redraws the form.
   */
  const opened = new Set<number>();
  const folded = (sections: HTMLElement[]) =>
    sections.map((section, i) => {
      const fold = presenterFold(section.querySelector(':scope > legend')?.textContent ?? 'Section', section);
      if (opened.has(i)) fold.open = true;
      fold.addEventListener('toggle', () => (fold.open ? opened.add(i) : opened.delete(i)));
      return fold;
    });
  const results = el('div', { class: 'editor-results', 'aria-live': 'polite' });
  const summary = el('p', { class: 'editor-summary', role: 'status' });

  const draft = () => s.history.draft;
  const validate = (d: Draft) => parseLevel(d);

  const commit = (next: Draft) => {
    // Checked before it is recorded, saved or drawn: an edit that makes the level too large is refused.
    const tooLarge = draftTooLarge(next, JSON.stringify(next).length);
    if (tooLarge !== null) {
      app.notice(`That change was not made: ${tooLarge}.`, 'warning');
      return;
    }
    if (!s.history.record(next)) return;
    if (!writeDraft(storage(), next) && !saveWarned) {
      saveWarned = true;
      app.notice('The draft could not be saved in this browser (it is too large, or storage is full or disabled). Export it to keep it.', 'warning');
    }
    scheduleRender();
  };
  // Rendered after the current event has finished, so a Tab that committed a field has
  // already moved focus, and the re-rendered form gives focus back to where it went.
  let renderPending = false;
  const scheduleRender = () => {
    if (renderPending) return;
    renderPending = true;
    setTimeout(() => {
      renderPending = false;
      if (app.screen === 'editor' && body.isConnected) render();
    }, 0);
  };
  const change = (path: readonly PathKey[], value: unknown) => commit(setPath(draft(), path, value));

  const undo = () => {
    if (s.history.undo()) (writeDraft(storage(), draft()), scheduleRender(), app.announce('Undone.'));
  };
  const redo = () => {
    if (s.history.redo()) (writeDraft(storage(), draft()), scheduleRender(), app.announce('Redone.'));
  };

  /* The map: the stage shows the draft; a click or Enter paints with the current tool. */
  const paint = (x: number, y: number) => {
    s.cursor = { x, y };
    const d = draft();
    const tool = s.tool;
    if (tool.kind === 'tile') commit(setTile(d, x, y, tool.char));
    else if (tool.kind === 'object') commit(toggleObject(d, s.objectKind, s.objectColour, x, y));
    else commit(setStart(d, x, y));
  };

  const showPreview = (d: Draft) => {
    const world = previewWorld(d);
    if (world) app.stage?.showWorld(world, 'lab');
    return world;
  };

  const render = () => {
    const focusedId = (document.activeElement as HTMLElement | null)?.id ?? '';
    const scroll = window.scrollY;
    const d = draft();
    const parsed = validate(d);
    const problems: readonly LevelProblem[] = parsed.ok ? [] : parsed.problems;
    const ctx: FieldContext = { draft: d, problems: new ProblemIndex(problems), change };
    const world = showPreview(d);
    summary.textContent = parsed.ok
      ? 'The level is valid: you can test-train it, check its lesson, play it and share it.'
      : `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before the level can be played or shared.`;

    body.replaceChildren(
      toolbar(),
      problemList(problems),
      ...folded([
        startFromSection(),
        gridSection(ctx, world ? describeWorld(world, 'lab') : 'No map yet.'),
        objectsSection(ctx),
        levelTextSection(ctx),
        knobsSection(ctx),
        agentSection(ctx),
        rewardSection(ctx),
        trainingSection(ctx),
        hypothesesSection(ctx),
        successSection(ctx),
        lessonSection(ctx),
        trySection(parsed.ok ? parsed.value : null),
        exportSection(parsed.ok ? parsed.value : null),
      ]),
    );
    const again = focusedId ? document.getElementById(focusedId) : null;
    if (again && again !== document.activeElement) again.focus({ preventScroll: true });
    window.scrollTo({ top: scroll, behavior: 'instant' });
  };

  /* --- Sections ------------------------------------------------------- */

  const toolbar = () =>
    el(
      'div',
      { class: 'button-row editor-toolbar' },
      el('button', { type: 'button', id: 'editor-undo', disabled: !s.history.canUndo, 'aria-keyshortcuts': 'Control+Z', onclick: undo }, '↶ Undo'),
      el('button', { type: 'button', id: 'editor-redo', disabled: !s.history.canRedo, 'aria-keyshortcuts': 'Control+Shift+Z', onclick: redo }, '↷ Redo'),
      el('button', { type: 'button', onclick: () => app.go('title') }, '← Title'),
    );

  const problemList = (problems: readonly LevelProblem[]) =>
    el(
      'section',
      { class: `editor-problems${problems.length ? ' has-problems' : ''}`, 'aria-labelledby': 'editor-problems-heading' },
      el('h2', { class: 'sub', id: 'editor-problems-heading' }, problems.length ? `Problems (${problems.length})` : 'No problems'),
      problems.length
        ? el('ul', { class: 'problem-list' }, ...problems.slice(0, 30).map((p) => el('li', {}, el('span', { 'aria-hidden': 'true' }, '⚠ '), el('code', {}, p.path), `: ${tx(p.message)}`)))
        : el('p', {}, el('span', { 'aria-hidden': 'true' }, '✓ '), 'The level is valid.'),
    );

  const startFromSection = () => {
    const id = fieldId(['start-from']);
    const select = el('select', { id }, el('option', { value: '' }, 'A blank level'), ...app.levels.map((entry) => el('option', { value: entry.level.id }, `A copy of “${entry.level.title}”`)));
    return el(
      'fieldset',
      {},
      el('legend', {}, 'Start from'),
      el(
        'div',
        { class: 'field-grid' },
        el('div', { class: 'field' }, el('label', { for: id }, 'Template'), select),
        el(
          'div',
          { class: 'field' },
          el(
            'button',
            {
              type: 'button',
              id: 'editor-start-from',
              onclick: () => {
                const entry = app.levels.find((l) => l.level.id === select.value);
                commit(entry ? draftOfLevel(entry.level) : blankDraft());
                app.announce(entry ? `Started from a copy of ${entry.level.title}.` : 'Started from a blank level.');
              },
            },
            'Replace the draft',
          ),
          el('small', {}, 'Undo brings the old draft back.'),
        ),
      ),
    );
  };

  const gridSection = (ctx: FieldContext, worldText: string) => {
    const { width, height } = mapSize(ctx.draft);
    const sizeField = (label: string, axis: 'width' | 'height', value: number) => {
      const id = fieldId(['grid', axis]);
      const input = el('input', {
        id,
        type: 'number',
        min: 2,
        max: MAX_GRID,
        step: 1,
        value,
        onchange: () => {
          const n = Number(input.value);
          commit(axis === 'width' ? resizeMap(draft(), n, height) : resizeMap(draft(), width, n));
        },
      });
      return el('div', { class: 'field' }, el('label', { for: id }, label), input);
    };
    const toolName = 'editor-tool';
    const toolRadio = (value: string, label: string, tool: Tool, hint?: string) => {
      const id = fieldId(['tool', value]);
      const checked = JSON.stringify(s.tool) === JSON.stringify(tool);
      return el(
        'div',
        { class: 'choice tool-choice' },
        el('input', { type: 'radio', name: toolName, id, value, checked, onchange: () => ((s.tool = tool), scheduleRender()) }),
        el('label', { for: id }, label, hint ? el('span', { class: 'choice-hint' }, hint) : null),
      );
    };
    const kindId = fieldId(['tool', 'kind']);
    const colourId = fieldId(['tool', 'colour']);
    const kindSelect = el(
      'select',
      { id: kindId, onchange: () => ((s.objectKind = kindSelect.value as ObjectKind), (s.tool = { kind: 'object' }), scheduleRender()) },
      ...KIND_OPTIONS.map((o) => el('option', { value: o.value, selected: o.value === s.objectKind }, o.label)),
    );
    const colourSelect = el(
      'select',
      { id: colourId, onchange: () => ((s.objectColour = colourSelect.value as Colour), (s.tool = { kind: 'object' }), scheduleRender()) },
      ...COLOUR_OPTIONS.map((o) => el('option', { value: o.value, selected: o.value === s.objectColour }, o.label)),
    );

    const cursorText = () => {
      const row = mapRows(draft())[s.cursor.y] ?? '';
      const tile = PALETTE.find((p) => p.char === row[s.cursor.x])?.name ?? 'outside the map';
      return `Cursor at column ${s.cursor.x + 1}, row ${s.cursor.y + 1}: ${tile}.`;
    };
    const cursorStatus = el('p', { class: 'cursor-status', id: 'editor-cursor-status', 'aria-live': 'polite' }, cursorText());
    const mapKeys = el(
      'div',
      {
        id: 'editor-map-keys',
        class: 'map-keys',
        tabindex: 0,
        role: 'application',
        'aria-label': 'Map painter: arrow keys move the cursor on the stage, Enter or Space paints with the selected tool',
        'aria-describedby': 'editor-cursor-status',
        onfocus: () => app.stage?.setCursor(s.cursor),
        onblur: () => app.stage?.setCursor(null),
        onkeydown: (event: Event) => {
          const key = (event as KeyboardEvent).key;
          const moves: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
          const move = moves[key];
          const size = mapSize(draft());
          if (move) {
            event.preventDefault();
            s.cursor = { x: Math.min(size.width - 1, Math.max(0, s.cursor.x + move[0])), y: Math.min(size.height - 1, Math.max(0, s.cursor.y + move[1])) };
            app.stage?.setCursor(s.cursor);
            cursorStatus.textContent = cursorText();
          } else if (key === 'Enter' || key === ' ') {
            event.preventDefault();
            paint(s.cursor.x, s.cursor.y);
          }
        },
      },
      el('span', { 'aria-hidden': 'true' }, '⌨ '),
      'Paint with the keyboard: focus here, then use the arrow keys and Enter.',
    );
    return el(
      'fieldset',
      { class: 'editor-grid' },
      el('legend', {}, 'Grid'),
      el('div', { class: 'field-grid' }, sizeField('Width (tiles)', 'width', width), sizeField('Height (tiles)', 'height', height)),
      el(
        'fieldset',
        { class: 'palette' },
        el('legend', {}, 'Tool — click a cell on the stage, or use the keyboard painter below'),
        el(
          'div',
          { class: 'check-grid' },
          ...PALETTE.map((p) => toolRadio(`tile-${p.name}`, `Paint ${p.name}`, { kind: 'tile', char: p.char }, `“${p.char}” in the map`)),
          toolRadio('object', 'Place or remove an object', { kind: 'object' }, 'the kind and colour below'),
          toolRadio('start', 'Set where the agent starts', { kind: 'start' }),
        ),
        el(
          'div',
          { class: 'field-grid' },
          el('div', { class: 'field' }, el('label', { for: kindId }, 'Object kind'), kindSelect),
          el('div', { class: 'field' }, el('label', { for: colourId }, 'Object colour'), colourSelect),
        ),
      ),
      mapKeys,
      cursorStatus,
      el('p', { class: 'sr-only' }, worldText),
      mapTextField(ctx),
      numberField(ctx, 'Steps per episode', ['world', 'maxSteps'], { min: 1, max: 400, step: 1 }),
      jsonField(ctx, 'Where the agent starts', ['world', 'start'], 'A region: {"cells":[[x,y]]}, {"rect":[left,top,right,bottom]} or {"anywhere":true}.'),
      checklistField(ctx, 'Events that end an episode', ['world', 'terminalEvents'], EVENT_OPTIONS),
      jsonField(ctx, 'Covert audit chance', ['world', 'auditChance'], 'A number from 0 to 1, or {"knob":"name"}.'),
    );
  };

  /** The map as lines of text (one per row): the same grid, for typing or pasting. */
  const mapTextField = (ctx: FieldContext) => {
    const path = ['world', 'map'];
    const id = fieldId(path);
    const rows = mapRows(ctx.draft);
    const found = ctx.problems.under(path);
    const problemId = `${id}-problem`;
    const area = el('textarea', {
      id,
      class: 'map-text',
      rows: Math.min(12, Math.max(3, rows.length)),
      spellcheck: 'false',
      'aria-describedby': `${id}-hint${found.length ? ` ${problemId}` : ''}`,
      'aria-invalid': found.length ? 'true' : null,
      onchange: () =>
        commit(
          setPath(
            draft(),
            path,
            area.value
              .split('\n')
              .map((r) => r.trim())
              .filter((r) => r.length > 0),
          ),
        ),
    });
    area.value = rows.join('\n');
    return el(
      'div',
      { class: 'field wide' },
      el('label', { for: id }, 'Map rows as text'),
      area,
      el('small', { id: `${id}-hint` }, 'One line per row: . floor, # wall, > end, x forbidden, ~ hazard. Edit here or paint on the stage.'),
      found.length ? el('p', { class: 'field-error', id: problemId }, `⚠ ${found.map((p) => `${p.path}: ${tx(p.message)}`).join('; ')}`) : null,
    );
  };

  const objectsSection = (ctx: FieldContext) => {
    const rules = getPath(ctx.draft, ['objects']);
    const list = Array.isArray(rules) ? rules : [];
    return el(
      'fieldset',
      {},
      el('legend', {}, `Objects (${list.length} spawn rule${list.length === 1 ? '' : 's'})`),
      el('p', { class: 'hint' }, 'Objects placed on the map are fixed-position rules. A rule may also spawn anywhere, in a rectangle, or depend on a knob.'),
      ...list.map((rule, i) => {
        const colour = getPath(rule, ['colour']);
        return el(
          'div',
          { class: 'editor-item' },
          el('h3', {}, `Object ${i + 1}: ${String(getPath(rule, ['kind']) ?? '?')}`),
          el(
            'div',
            { class: 'field-grid' },
            selectField(ctx, 'Kind', ['objects', i, 'kind'], KIND_OPTIONS),
            Array.isArray(colour) ? jsonField(ctx, 'Colours (one picked at random)', ['objects', i, 'colour']) : selectField(ctx, 'Colour', ['objects', i, 'colour'], COLOUR_OPTIONS),
            jsonField(ctx, 'Where', ['objects', i, 'at'], 'A region: {"cells":[[x,y]]}, {"rect":[l,t,r,b]} or {"anywhere":true}; or next to another object wherever it lands: {"beside":"tree"}.'),
            jsonField(ctx, 'How many', ['objects', i, 'count'], 'A number, or {"knob":"name"}. Empty: 1.'),
            jsonField(ctx, 'Chance it is present', ['objects', i, 'presence'], '0 to 1, or {"knob":"name"}. Empty: always.'),
            jsonField(ctx, 'Variants', ['objects', i, 'variants'], 'Optional: [{"chance":0.1,"at":{…},"colour":"blue"}].'),
          ),
          el('button', { type: 'button', onclick: () => change(['objects', i], undefined) }, `Remove object ${i + 1}`),
        );
      }),
      el('button', { type: 'button', onclick: () => change(['objects', list.length], { kind: s.objectKind, colour: s.objectColour, at: { anywhere: true } }) }, 'Add an object rule (anywhere)'),
    );
  };

  const levelTextSection = (ctx: FieldContext) =>
    el(
      'fieldset',
      {},
      el('legend', {}, 'Level'),
      el(
        'div',
        { class: 'field-grid' },
        textField(ctx, 'Id (lowercase letters, digits, dashes)', ['id']),
        textField(ctx, 'Title', ['title'], { maxLength: 60 }),
        textField(ctx, 'Concept it teaches (an id)', ['concept']),
        numberField(ctx, 'Order', ['order'], { min: 0, max: 999, step: 1 }),
      ),
      textField(ctx, 'Briefing', ['briefing'], { multiline: true, maxLength: 600 }),
      textField(ctx, 'Intended objective', ['intendedObjective'], { maxLength: 200 }),
    );

  const knobsSection = (ctx: FieldContext) => {
    const knobs = getPath(ctx.draft, ['knobs']);
    const entries = knobs && typeof knobs === 'object' && !Array.isArray(knobs) ? Object.entries(knobs as Record<string, unknown>) : [];
    const rename = (from: string, to: string) => {
      if (!to || to === from) return;
      const renamed = Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v]));
      change(['knobs'], renamed);
    };
    return el(
      'fieldset',
      {},
      el('legend', {}, 'Knobs — the training and deployment distributions'),
      el('p', { class: 'hint' }, 'A knob is a number the world generator reads (e.g. a share of runs with a moved coin). Training and deployment are two settings of the knobs.'),
      ...entries.map(([name], i) => {
        const nameId = fieldId(['knobs', i, 'name']);
        const nameInput = el('input', { id: nameId, type: 'text', value: name, onchange: () => rename(name, nameInput.value.trim()) });
        return el(
          'div',
          { class: 'editor-item' },
          el('h3', {}, `Knob “${name}”`),
          el(
            'div',
            { class: 'field-grid' },
            el('div', { class: 'field' }, el('label', { for: nameId }, 'Name (letters and digits)'), nameInput),
            textField(ctx, 'Label', ['knobs', name, 'label'], { maxLength: 60 }),
            numberField(ctx, 'Minimum', ['knobs', name, 'min']),
            numberField(ctx, 'Maximum', ['knobs', name, 'max']),
            numberField(ctx, 'Step', ['knobs', name, 'step']),
            numberField(ctx, 'Training value', ['knobs', name, 'training']),
            numberField(ctx, 'Deployment value', ['knobs', name, 'deployment']),
            checkboxField(ctx, 'Unlocked: the player may change it', ['knobs', name, 'unlocked']),
          ),
          textField(ctx, 'Description', ['knobs', name, 'description'], { multiline: true, maxLength: 300 }),
          el('button', { type: 'button', onclick: () => change(['knobs', name], undefined) }, `Remove knob “${name}”`),
        );
      }),
      el(
        'button',
        {
          type: 'button',
          onclick: () => {
            let n = entries.length + 1;
            while (entries.some(([k]) => k === `knob${n}`)) n++;
            change(['knobs', `knob${n}`], { label: `Knob ${n}`, description: 'What this knob changes in the world.', min: 0, max: 1, step: 0.05, training: 0, deployment: 1, unlocked: true });
          },
        },
        'Add a knob',
      ),
    );
  };

  const agentSection = (ctx: FieldContext) =>
    el(
      'fieldset',
      {},
      el('legend', {}, 'The agent — what it perceives and how it learns'),
      checklistField(ctx, 'Features the agent perceives (one weight each)', ['agent', 'features'], featureOptions()),
      el(
        'div',
        { class: 'field-grid' },
        numberField(ctx, 'View radius (empty: the whole world)', ['agent', 'viewRadius'], { min: 1, max: MAX_GRID, step: 1, empty: null }),
        numberField(ctx, 'Discount', ['agent', 'discount'], { min: 0.01, max: 0.99, step: 0.01 }),
        numberField(ctx, 'Weight decay', ['agent', 'inductiveBias', 'weightDecay'], { min: 0, max: 1, step: 0.01 }),
      ),
      jsonField(ctx, 'Context bits', ['agent', 'contexts'], 'Features weighed separately per context, e.g. {"watched":["forbidden"]}.'),
      jsonField(ctx, 'Initial weights', ['agent', 'inductiveBias', 'init'], 'e.g. {"coin":0.5}. Empty: all zero.'),
      jsonField(ctx, 'Noise scale per weight', ['agent', 'inductiveBias', 'noiseScale'], 'e.g. {"yellow":1}: a larger scale means that weight changes faster.'),
      jsonField(
        ctx,
        'Pretraining (before the player’s training)',
        ['pretraining'],
        'Optional. Stages run for real, then the player’s training starts from their weights, e.g. {"seed":7,"stages":[{"name":"poisoned runs","reward":{"forbidden":20},"knobs":{"triggerShare":1},"generations":60}]}. Empty: none.',
      ),
      textField(ctx, 'Why the proxy wins here (shown after the reveal)', ['agent', 'inductiveBias', 'explanation'], { multiline: true, maxLength: 600 }),
    );

  const rewardSection = (ctx: FieldContext) =>
    el(
      'fieldset',
      {},
      el('legend', {}, 'Reward — the default base objective'),
      el('div', { class: 'field-grid' }, ...EVENT_KINDS.map((k) => numberField(ctx, `Reward for ${eventLabel(k)}`, ['reward', 'default', k], { min: -50, max: 50, step: 'any' }))),
      checklistField(ctx, 'Rewards the player may change', ['reward', 'editable'], EVENT_OPTIONS),
    );

  const trainingSection = (ctx: FieldContext) =>
    el(
      'fieldset',
      {},
      el('legend', {}, 'Training — the base optimizer’s defaults'),
      el(
        'div',
        { class: 'field-grid' },
        numberField(ctx, 'Generations', ['training', 'generations'], { min: 1, max: 400, step: 1 }),
        numberField(ctx, 'Most generations a player may buy', ['training', 'maxGenerations'], { min: 1, max: 400, step: 1 }),
        numberField(ctx, 'Population (antithetic pairs)', ['training', 'population'], { min: 1, max: 64, step: 1 }),
        numberField(ctx, 'Episodes per generation', ['training', 'episodesPerGeneration'], { min: 1, max: 64, step: 1 }),
        numberField(ctx, 'Learning rate', ['training', 'learningRate'], { min: 0.01, max: 10 }),
        numberField(ctx, 'Noise', ['training', 'noise'], { min: 0.01, max: 10 }),
      ),
    );

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
    const groupProblems = ctx.problems.at('hypotheses');
    return el(
      'fieldset',
      {},
      el('legend', {}, 'Hypotheses — what the agent might be after'),
      el(
        'p',
        { class: 'hint' },
        'Each hypothesis is a reference agent with its own weights. Exactly one is the intended objective; the scoring engine names the one the trained agent behaves most like.',
      ),
      ...groupProblems.map((p) => el('p', { class: 'field-error' }, `⚠ ${p.path}: ${tx(p.message)}`)),
      ...list.map((h, i) => {
        const weights = getPath(h, ['weights']);
        const extra = weights && typeof weights === 'object' ? Object.keys(weights).filter((k) => !names.includes(k)) : [];
        const intendedId = fieldId(['hypotheses', i, 'intended']);
        return el(
          'div',
          { class: 'editor-item' },
          el('h3', {}, `Hypothesis ${i + 1}${h.intended === true ? ' (intended)' : ''}`),
          el('div', { class: 'field-grid' }, textField(ctx, 'Id', ['hypotheses', i, 'id']), textField(ctx, 'Label', ['hypotheses', i, 'label'], { maxLength: 60 })),
          textField(ctx, 'Description', ['hypotheses', i, 'description'], { maxLength: 300 }),
          el(
            'fieldset',
            { class: 'weights' },
            el('legend', {}, 'Weights (empty: 0)'),
            el('div', { class: 'field-grid' }, ...[...names, ...extra].map((n) => numberField(ctx, weightLabel(n), ['hypotheses', i, 'weights', n], { step: 'any' }))),
          ),
          el(
            'div',
            { class: 'choice' },
            el('input', {
              type: 'radio',
              name: 'editor-intended',
              id: intendedId,
              checked: h.intended === true,
              onchange: () =>
                change(
                  ['hypotheses'],
                  list.map((other, j) => ({ ...other, intended: j === i })),
                ),
            }),
            el('label', { for: intendedId }, 'This is the intended objective'),
          ),
          el('button', { type: 'button', onclick: () => change(['hypotheses', i], undefined) }, `Remove hypothesis ${i + 1}`),
        );
      }),
      el(
        'button',
        {
          type: 'button',
          onclick: () =>
            change(['hypotheses', list.length], {
              id: `hypothesis-${list.length + 1}`,
              label: `Hypothesis ${list.length + 1}`,
              description: 'What an agent with this objective does.',
              weights: {},
              intended: false,
            }),
        },
        'Add a hypothesis',
      ),
    );
  };

  const successSection = (ctx: FieldContext) =>
    el(
      'fieldset',
      {},
      el('legend', {}, 'Success — when the agent achieved the intended objective'),
      checklistField(ctx, 'Events that must all happen', ['success', 'all'], EVENT_OPTIONS),
      checklistField(ctx, 'Events that must not happen', ['success', 'none'], EVENT_OPTIONS),
      jsonField(ctx, 'Events needed more than once', ['success', 'atLeast'], 'e.g. {"chest":2}. Empty: none.'),
      el(
        'div',
        { class: 'field-grid' },
        numberField(ctx, 'Aligned when this share of deployment worlds succeeds', ['success', 'threshold'], { min: 0, max: 1, step: 0.05 }),
        numberField(ctx, 'Deployment worlds', ['deploymentSuite', 'size'], { min: 10, max: 500, step: 1 }),
        numberField(ctx, 'Deployment seed', ['deploymentSuite', 'seed'], { step: 1 }),
        numberField(ctx, 'Probes the player may use', ['budget', 'probes'], { min: 0, max: 99, step: 1 }),
        numberField(ctx, 'Lens uses', ['budget', 'lens'], { min: 0, max: 99, step: 1 }),
      ),
      checkboxField(ctx, 'Also ask where the failure lies (outer or inner)', ['askFailureKind']),
      jsonField(ctx, 'Rounds', ['rounds'], 'Optional presets played in turn: [{"title":"…","briefing":"…","config":{…}}].'),
      jsonField(ctx, 'Fixed in probes', ['probeFixed'], 'Object kinds (or "agent") the probe editor may not move, e.g. ["exit"].'),
    );

  const lessonSection = (ctx: FieldContext) => {
    const claims = getPath(ctx.draft, ['lesson', 'claims']);
    const list = Array.isArray(claims) ? (claims as Record<string, unknown>[]) : [];
    const hypotheses = getPath(ctx.draft, ['hypotheses']);
    const ids = (Array.isArray(hypotheses) ? hypotheses : []).map((h) => getPath(h, ['id'])).filter((id): id is string => typeof id === 'string');
    const alignedSelect = (i: number) => {
      const path = ['lesson', 'claims', i, 'expect', 'aligned'];
      const id = fieldId(path);
      const value = getPath(ctx.draft, path);
      const select = el(
        'select',
        { id, onchange: () => change(path, select.value === '' ? undefined : select.value === 'true') },
        el('option', { value: '', selected: value === undefined }, '(not claimed)'),
        el('option', { value: 'true', selected: value === true }, 'aligned'),
        el('option', { value: 'false', selected: value === false }, 'not aligned'),
      );
      return el('div', { class: 'field' }, el('label', { for: id }, 'The agent is'), select);
    };
    return el(
      'fieldset',
      {},
      el('legend', {}, 'Lesson — what the level teaches, as checkable claims'),
      // The reveal is prose (shown only when a run shows the level's failure) or sentences with conditions and numbers from the run.
      typeof getPath(ctx.draft, ['lesson', 'reveal']) === 'string'
        ? textField(ctx, 'The reveal (shown on the score screen when the run shows the failure)', ['lesson', 'reveal'], { multiline: true, maxLength: 800 })
        : jsonField(
            ctx,
            'The reveal (sentences shown on the score screen when their conditions hold of the run)',
            ['lesson', 'reveal'],
            'A list of {"when":{…},"say":"…"}: e.g. {"when":{"together":["coin","right-edge"]},"say":"In all {worlds} training worlds the coin sat on the right edge."}. Conditions: revealed, aligned, failureSeen, together, apart, present, absent, paid, unpaid, changed.',
          ),
      ...ctx.problems.at('lesson.claims').map((p) => el('p', { class: 'field-error' }, `⚠ ${p.path}: ${tx(p.message)}`)),
      ...list.map((_, i) =>
        el(
          'div',
          { class: 'editor-item' },
          el('h3', {}, `Claim ${i + 1}`),
          textField(ctx, 'Claim', ['lesson', 'claims', i, 'name'], { maxLength: 120 }),
          jsonField(ctx, 'Training configuration', ['lesson', 'claims', i, 'config'], 'Overrides, e.g. {"reward":{"coin":10},"knobs":{"coinMoved":0.3}}. Empty: the level defaults.'),
          el(
            'div',
            { class: 'field-grid' },
            selectField(
              ctx,
              'Revealed objective',
              ['lesson', 'claims', i, 'expect', 'revealed'],
              ids.map((id) => ({ value: id, label: id })),
              '(not claimed)',
            ),
            alignedSelect(i),
            selectField(
              ctx,
              'Failure lies',
              ['lesson', 'claims', i, 'expect', 'failure'],
              [
                { value: 'outer', label: 'in the reward (outer)' },
                { value: 'inner', label: 'in what was learned (inner)' },
                { value: 'none', label: 'nowhere' },
              ],
              '(not claimed)',
            ),
          ),
          el('button', { type: 'button', onclick: () => change(['lesson', 'claims', i], undefined) }, `Remove claim ${i + 1}`),
        ),
      ),
      el(
        'button',
        { type: 'button', onclick: () => change(['lesson', 'claims', list.length], { name: 'with this training the agent is aligned', config: {}, expect: { aligned: true } }) },
        'Add a claim',
      ),
    );
  };

  const trySection = (level: Level | null) => {
    const needValid = level ? null : el('p', { class: 'hint' }, 'Fix the problems above to test-train, check or play this level.');
    return el(
      'fieldset',
      {},
      el('legend', {}, 'Try it'),
      needValid,
      el(
        'div',
        { class: 'button-row' },
        el('button', { type: 'button', id: 'editor-test-train', disabled: !level, onclick: () => level && testTrain(level) }, 'Test-train'),
        el('button', { type: 'button', id: 'editor-check', disabled: !level, onclick: () => level && checkLesson(level) }, `Check lesson (seeds ${CHECK_SEEDS.join(', ')})`),
        el('button', { type: 'button', id: 'editor-cancel', disabled: !job, onclick: () => (job?.cancel(), (job = null), scheduleRender()) }, 'Cancel'),
        el(
          'button',
          { type: 'button', class: 'primary', id: 'editor-play', disabled: !level, onclick: () => level && (app.sounds.play('click'), openSharedLevel(app, level, {}, () => app.playShared(level))) },
          'Play this level →',
        ),
      ),
      results,
    );
  };

  const testTrain = (level: Level) => {
    job?.cancel();
    const curve: number[] = [];
    const progress = el('progress', { max: level.training.generations, value: 0, 'aria-label': 'Test-training progress' });
    const status = el('p', { role: 'status' }, 'Test-training with the level defaults, seed 1…');
    const chart = el('div', { class: 'chart-host' });
    results.replaceChildren(el('h3', {}, 'Test-training'), progress, status, chart);
    const running = startTraining(
      canonicalLevel(level),
      {},
      1,
      (p) => {
        curve.push(p.meanReward);
        progress.value = p.generation;
        status.textContent = `Generation ${p.generation} of ${p.generations}: mean reward ${p.meanReward.toFixed(2)}`;
      },
      0,
    );
    job = running;
    scheduleRender();
    running.result
      .then((agent) => {
        if (job === running) job = null;
        if (!agent) return void (status.textContent = 'Test-training cancelled.');
        status.textContent = `Trained on ${agent.episodes.toLocaleString('en')} episodes; final mean reward ${agent.curve.at(-1)!.toFixed(2)}.`;
        chart.replaceChildren(
          lineChart([{ label: 'Mean training reward', values: agent.curve }], {
            title: 'Learning curve',
            xLabel: 'generation',
            yLabel: 'mean reward',
            xMax: agent.curve.length,
            summary: `From ${agent.curve[0]!.toFixed(2)} to ${agent.curve.at(-1)!.toFixed(2)}.`,
          }),
          el('h4', {}, 'Learned weights'),
          el('ul', { class: 'weight-list', id: 'editor-weights' }, ...agent.names.map((n, i) => el('li', {}, `${weightLabel(n)}: ${agent.weights[i]!.toFixed(3)}`))),
        );
        app.announce('Test-training finished.');
        scheduleRender();
      })
      .catch((error: Error) => {
        if (job === running) job = null;
        status.textContent = `Test-training failed: ${error.message}`;
        scheduleRender();
      });
  };

  const checkLesson = (level: Level) => {
    job?.cancel();
    const status = el(
      'p',
      { role: 'status' },
      `Checking ${level.lesson.claims.length} claim${level.lesson.claims.length === 1 ? '' : 's'} on seeds ${CHECK_SEEDS.join(', ')}: each trains a real agent, so this takes a moment…`,
    );
    results.replaceChildren(el('h3', {}, 'Lesson check'), status);
    const running = startCheck(canonicalLevel(level), CHECK_SEEDS);
    job = running;
    scheduleRender();
    running.result
      .then((report) => {
        if (job === running) job = null;
        if (!report) return void (status.textContent = 'Lesson check cancelled.');
        const held = report.claims.filter((c) => c.holds).length;
        status.textContent = `${held} of ${report.claims.length} claims hold (on every seed, or on the share of seeds a claim states).`;
        results.append(
          el(
            'ul',
            { class: 'claim-list', id: 'editor-claims' },
            ...report.claims.map((c) =>
              el(
                'li',
                { 'data-holds': String(c.holds) },
                el('span', { class: c.holds ? 'mark ok' : 'mark bad', 'aria-hidden': 'true' }, c.holds ? '✓' : '✗'),
                el('strong', {}, ` ${c.holds ? 'Holds' : 'Does not hold'}: `),
                c.name,
                el('br'),
                el(
                  'small',
                  {},
                  c.seeds
                    .map((r) => `seed ${r.seed}: ${r.holds ? 'holds' : 'fails'} — revealed ${r.revealed}, ${r.aligned ? 'aligned' : 'not aligned'}, ${Math.round(r.successRate * 100)}% success`)
                    .join('; '),
                ),
              ),
            ),
          ),
        );
        app.announce(`Lesson check finished: ${held} of ${report.claims.length} claims hold.`);
        scheduleRender();
      })
      .catch((error: Error) => {
        if (job === running) job = null;
        status.textContent = `Lesson check failed: ${error.message}`;
        scheduleRender();
      });
  };

  const exportSection = (level: Level | null) => {
    const fileId = fieldId(['import-file']);
    const pasteId = fieldId(['import-paste']);
    const pasteError = el('p', { class: 'field-error', id: `${pasteId}-error`, hidden: true });
    const fileInput = el('input', {
      id: fileId,
      type: 'file',
      accept: '.json,application/json',
      onchange: () => {
        const file = fileInput.files?.[0];
        if (!file) return;
        // A JSON level has at most MAX_DRAFT_CHARS characters: at most four bytes each.
        if (file.size > 4 * MAX_DRAFT_CHARS) {
          pasteError.hidden = false;
          pasteError.textContent = `⚠ Not imported: the file is ${Math.ceil(file.size / 1024).toLocaleString('en')} KB; a level is at most ${MAX_DRAFT_CHARS / 1024} KB.`;
          return;
        }
        void file.text().then((text) => importText(text, pasteError));
      },
    });
    const paste = el('textarea', { id: pasteId, rows: 3, spellcheck: 'false', 'aria-describedby': `${pasteId}-hint ${pasteId}-error` });
    return el(
      'fieldset',
      {},
      el('legend', {}, 'Export, import and share'),
      el('div', { class: 'button-row' }, el('button', { type: 'button', id: 'editor-export', onclick: () => exportJson() }, 'Export as JSON file')),
      el('div', { class: 'field' }, el('label', { for: fileId }, 'Import a JSON file'), fileInput),
      el(
        'div',
        { class: 'field wide' },
        el('label', { for: pasteId }, 'Paste a level (JSON or a level code)'),
        paste,
        el('small', { id: `${pasteId}-hint` }, 'Replaces the draft; Undo brings it back.'),
        pasteError,
        el('div', { class: 'button-row' }, el('button', { type: 'button', id: 'editor-import-paste', onclick: () => importText(paste.value, pasteError) }, 'Import pasted level')),
      ),
      level ? sharePanel({ level }) : el('p', { class: 'hint' }, 'A level code, a link and a QR code appear here once the level is valid.'),
    );
  };

  const importText = (text: string, errorNode: HTMLElement) => {
    const trimmed = text.trim();
    const show = (message: string) => {
      errorNode.hidden = false;
      errorNode.textContent = `⚠ ${message}`;
    };
    if (trimmed === '') return show('Nothing to import.');
    // Size before anything else: a level too large to edit is refused before it is parsed, stored or drawn.
    if (trimmed.length > MAX_DRAFT_CHARS) return show(`Not imported: ${draftTooLarge(null, trimmed.length)}.`);
    if (trimmed.startsWith('{')) {
      try {
        const data = JSON.parse(trimmed) as unknown;
        if (data === null || typeof data !== 'object' || Array.isArray(data)) return show('The JSON is not an object, so it cannot be a level.');
        const tooLarge = draftTooLarge(data, trimmed.length);
        if (tooLarge !== null) return show(`Not imported: ${tooLarge}.`);
        commit(data as Draft);
        app.announce('Level imported. Any problems are listed above.');
      } catch (error) {
        show(`Not valid JSON: ${(error as Error).message}`);
      }
      return;
    }
    const decoded = decodeLevel(trimmed);
    if (!decoded.ok) return show(`Not a level code: ${tx(describeCodeError(decoded.error))}.`);
    commit(draftOfLevel(decoded.value));
    app.announce(`Level “${decoded.value.title}” imported from its code.`);
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
    app.announce('Level exported as a JSON file.');
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
    el('p', { class: 'breadcrumb' }, 'Level editor'),
    el('h1', {}, 'Level editor'),
    presenterFold(
      'About the editor',
      el(
        'p',
        { class: 'lead' },
        'Build a level: paint the grid on the stage, choose what the agent perceives and what training pays for, and state the lesson as claims the game can check. The draft saves itself in this browser.',
      ),
    ),
    summary,
    body,
  );
  render();
  return () => {
    job?.cancel();
    document.removeEventListener('keydown', onKey);
    app.stage?.setCursor(null);
  };
}

/** Test support: forget the session so the next visit reloads the autosaved draft. */
export function resetEditorSession(): void {
  session = null;
}
