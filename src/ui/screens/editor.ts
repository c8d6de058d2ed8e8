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
import { parseLevel, type Level, type ParseResult } from '../../core/index';
import '../editor/editor.css';
import { t, tParts } from '../../i18n/index';
import type { WorkerJob } from '../../worker/client';
import type { App } from '../app';
import { el } from '../dom';
import { describeWorld } from '../describe';
import { displayLevel } from '../levelText';
import { sharePanel } from '../share';
import { presenterFold } from '../presenter';
import { openSharedLevel } from '../budgetGate';
import { browserStorage } from '../storage';
import {
  DraftHistory,
  MAX_DRAFT_CHARS,
  blankDraft,
  discardDraft,
  draftFromText,
  draftTooLarge,
  draftOfLevel,
  exportFileName,
  loadDraft,
  mapSize,
  previewWorld,
  setPath,
  setStart,
  setTile,
  toggleObject,
  writeDraft,
  type Draft,
  type PathKey,
} from '../editor/draft';
import { fieldId, ProblemIndex, type FieldContext } from '../editor/fields';
import { agentSpecs, levelSpecs, rewardSpecs, successSpecs, trainingSpecs } from '../editor/sections';
import { gridSection, hypothesesSection, knobsSection, lessonSection, objectsSection, problemList, section, specsView, type FormContext, type Painter } from '../editor/form';
import { CHECK_SEEDS, checkLesson, testTrain, type TrialHooks } from '../editor/trial';

/** The editor's session: the draft's history and the painter; survives leaving the screen (to play the level) and coming back. */
interface EditorSession extends Painter {
  readonly history: DraftHistory;
}

let session: EditorSession | null = null;

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
    const ctx: FormContext = {
      draft: j.draft,
      problems: j.problems,
      change,
      refresh: scheduleRender,
      jsonErrors,
      folded,
      painter: s,
      current: draft,
      commit,
      onFoldToggle,
      painterEvents,
    };
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

  // Opening the share section draws its panel.
  const onFoldToggle = (event: Event) => {
    if ((event.target as HTMLElement).id === 'editor-export-fold') scheduleRender();
  };
  const painterEvents: FormContext['painterEvents'] = {
    focus: () => app.stage?.setCursor(s.cursor),
    blur: () => app.stage?.setCursor(null),
    keydown: (event) => onPainterKey(event),
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

  const form = (ctx: FormContext, level: Level | null, worldText: string): TemplateResult => html`
    ${toolbar()} ${problemList(ctx.problems)} ${startFromSection(ctx)} ${gridSection(ctx, worldText)} ${objectsSection(ctx)} ${section(ctx, t('editor.level.legend'), specsView(levelSpecs(), ctx))}
    ${knobsSection(ctx)} ${section(ctx, t('editor.agent.legend'), specsView(agentSpecs(), ctx))} ${section(ctx, t('editor.reward.legend'), specsView(rewardSpecs(), ctx))}
    ${section(ctx, t('editor.training.legend'), specsView(trainingSpecs(), ctx))} ${hypothesesSection(ctx)} ${section(ctx, t('editor.success.legend'), specsView(successSpecs(), ctx))}
    ${lessonSection(ctx)} ${trySection(ctx, level)} ${exportSection(ctx, level)}
  `;

  const toolbar = () =>
    html`<div class="button-row editor-toolbar">
      <button type="button" id="editor-undo" ?disabled=${!s.history.canUndo} aria-keyshortcuts="Control+Z" @click=${undo}>${t('editor.undo')}</button>
      <button type="button" id="editor-redo" ?disabled=${!s.history.canRedo} aria-keyshortcuts="Control+Shift+Z" @click=${redo}>${t('editor.redo')}</button>
      <button type="button" @click=${() => app.go('title')}>${t('editor.toTitle')}</button>
    </div>`;

  const startFromSection = (ctx: FormContext) => {
    const id = fieldId(['start-from']);
    const replace = () => {
      const chosen = body.querySelector<HTMLSelectElement>(`#${id}`)?.value ?? '';
      const entry = app.levels.find((l) => l.level.id === chosen);
      commit(entry ? draftOfLevel(entry.level) : blankDraft());
      app.announce(entry ? t('editor.start.copied', { title: displayLevel(entry.level).title }) : t('editor.start.blanked'));
    };
    return section(
      ctx,
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

  /* --- Try it: test-train, check the lesson, play ---------------------- */

  const trySection = (ctx: FormContext, level: Level | null) =>
    section(
      ctx,
      t('editor.try.legend'),
      html`${level ? nothing : html`<p class="hint">${t('editor.try.needValid')}</p>`}
        <div class="button-row">
          <button type="button" id="editor-test-train" ?disabled=${!level} @click=${() => level && startTrial(testTrain, level)}>${t('editor.try.testTrain')}</button>
          <button type="button" id="editor-check" ?disabled=${!level} @click=${() => level && startTrial(checkLesson, level)}>${t('editor.try.check', { seeds: CHECK_SEEDS.map(String) })}</button>
          <button type="button" id="editor-cancel" ?disabled=${!job} @click=${() => (job?.cancel(), (job = null), scheduleRender())}>${t('editor.try.cancel')}</button>
          <button type="button" class="primary" id="editor-play" ?disabled=${!level} @click=${() => level && (app.sounds.play('click'), openSharedLevel(app, level, {}, () => app.playShared(level)))}>
            ${t('editor.try.play')}
          </button>
        </div>
        ${results}`,
    );

  const trialHooks: TrialHooks = {
    announce: (text) => app.announce(text),
    ended: (running) => {
      if (job === running) job = null;
      scheduleRender();
    },
  };
  const startTrial = (run: typeof testTrain, level: Level) => {
    job?.cancel();
    job = run(level, results, trialHooks);
    scheduleRender();
  };

  /* --- Export, import and share --------------------------------------- */

  const showImportError = (message: string) => {
    importError = message;
    scheduleRender();
  };

  const exportSection = (ctx: FormContext, level: Level | null) => {
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
      ctx,
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
    const imported = draftFromText(text);
    if (!imported.ok) return showImportError(imported.message);
    importError = null;
    jsonErrors.clear();
    commit(imported.draft);
    scheduleRender();
    app.announce(imported.codeTitle === null ? t('editor.import.done') : t('editor.import.doneCode', { title: imported.codeTitle }));
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
