/**
 * Inspect: the player's instruments before the verdict. Watching is free;
 * probes, covert audits and the lens draw on the level's budget, so
 * detection is a skill rather than a search. Every episode and value map is
 * computed in the worker (see ../inspect/context.ts); this screen holds the
 * tabs, Watch and the covert audit; the Probe, Lens and Compare tabs live in
 * ../inspect/.
 */
import { presenterFold } from '../presenter';
import { withSupervisor } from '../../core/index';
import { probesLeft, spendProbe } from '../../session/index';
import type { App } from '../app';
import { el } from '../dom';
import { isHidden, type HideableControl } from '../flags';
import { describeEpisode } from '../describe';
import { inspectionOf, type InspectTab, type Inspection } from '../inspect/context';
import { renderProbe } from '../inspect/probe';
import { renderLens } from '../inspect/lens';
import { renderCompare } from '../inspect/compare';
import { t, tParts } from '../../i18n/index';
import { displayLevel } from '../levelText';

/** The URL-flag names that hide each tab (the covert audit spends a probe, so hiding probes hides it too). */
const TAB_CONTROL: Readonly<Record<InspectTab, readonly HideableControl[]>> = { watch: [], probe: ['probes'], audit: ['probes', 'audit'], lens: ['lens'], compare: [] };

export function renderInspect(app: App, panel: HTMLElement): () => void {
  const shell = inspectionOf(app);
  const inspection = shell.inspection;
  const { level } = inspection;

  /* Tabs */
  const tabs: { id: InspectTab; label: string; render: (inspection: Inspection, host: HTMLElement) => void }[] = [
    { id: 'watch', label: t('inspect.tab.watch'), render: renderWatch },
    { id: 'probe', label: t('inspect.tab.probe'), render: renderProbe },
    ...(inspection.hasWatchedSense ? [{ id: 'audit' as InspectTab, label: t('inspect.tab.audit'), render: renderAudit }] : []),
    { id: 'lens', label: t('inspect.tab.lens'), render: renderLens },
    { id: 'compare', label: t('inspect.tab.compare'), render: renderCompare },
  ];
  // A teacher's link may hide tools (?hide=lens,probes).
  for (let i = tabs.length - 1; i >= 0; i--) if (TAB_CONTROL[tabs[i]!.id].some(isHidden)) tabs.splice(i, 1);
  const tabList = el('div', { role: 'tablist', 'aria-label': t('inspect.tabs.label'), class: 'tabs' });
  const tabPanel = el('div', { role: 'tabpanel', class: 'tab-panel', tabindex: 0 });
  const tabButtons = tabs.map((tab, i) =>
    el(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${tab.id}`,
        'aria-selected': 'false',
        tabindex: -1,
        onclick: () => select(i),
        onkeydown: (event: Event) => {
          const key = (event as KeyboardEvent).key;
          if (key === 'ArrowRight' || key === 'ArrowLeft') {
            event.preventDefault();
            const next = (i + (key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length;
            select(next);
            tabButtons[next]!.focus();
          }
        },
      },
      tab.label,
    ),
  );
  tabList.append(...tabButtons);
  const select = (index: number) => {
    tabButtons.forEach((b, i) => {
      b.setAttribute('aria-selected', String(i === index));
      b.tabIndex = i === index ? 0 : -1;
    });
    inspection.cancel();
    tabPanel.setAttribute('aria-labelledby', tabButtons[index]!.id);
    tabPanel.replaceChildren();
    app.stage?.setCellHandler(null);
    app.stage?.setDragHandler(null);
    app.stage?.setCursor(null);
    app.stage?.showHeatmap(null);
    tabs[index]!.render(inspection, tabPanel);
  };
  inspection.selectTab = (tab, lensWorld) => {
    const index = tabs.findIndex((t) => t.id === tab);
    if (index < 0) return;
    if (lensWorld !== undefined) inspection.lensWorld = lensWorld;
    select(index);
    tabButtons[index]!.focus();
  };

  panel.append(
    el('p', { class: 'breadcrumb' }, ...tParts<HTMLElement>('inspect.breadcrumb', { level: el('bdi', {}, displayLevel(level).title) })),
    el('h1', {}, t('inspect.heading')),
    el('p', { class: 'lead' }, t('inspect.lead')),
    shell.budget,
    tabList,
    tabPanel,
    shell.jobStatus,
    shell.playback,
    shell.description,
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', onclick: () => app.go('train') }, t('inspect.button.train')),
      el('button', { type: 'button', class: 'primary', id: 'to-verdict', onclick: () => (app.sounds.play('click'), app.go('verdict')) }, t('inspect.button.verdict')),
    ),
  );
  inspection.refreshBudget();
  select(0);
  return () => shell.stop();
}

/** Watch: the agent in worlds from the training distribution, free. */
function renderWatch(inspection: Inspection, host: HTMLElement): void {
  const { worlds } = inspection;
  const watchWorld = async (i: number) => {
    const films = await inspection.films([{ world: worlds[i]!, sense: 'open' }], t('inspect.watch.running', { number: i + 1 }));
    if (films && host.isConnected) inspection.play(films[0]!, t('inspect.watch.intro', { number: i + 1 }));
  };
  const buttons = worlds.map((_, i) => el('button', { type: 'button', class: 'world-button', 'data-world': i, onclick: () => void watchWorld(i) }, t('inspect.watch.world', { number: i + 1 })));
  host.append(presenterFold(t('inspect.watch.about'), el('p', {}, t('inspect.watch.text'))), el('div', { class: 'button-row wrap' }, ...buttons));
  void watchWorld(0);
}

/** The covert audit: the same world with the agent's watched sense on, then off. */
function renderAudit(inspection: Inspection, host: HTMLElement): void {
  const { app, worlds } = inspection;
  let index = 0;
  const runButton = el('button', { type: 'button', class: 'primary', id: 'run-audit', onclick: () => void run() }, t('inspect.audit.run'));
  const result = el('p', { class: 'audit-result', 'aria-live': 'polite' });
  const run = async () => {
    if (probesLeft(inspection.current()) === 0) return;
    const watched = withSupervisor(worlds[index]!, true);
    const films = await inspection.films(
      [
        { world: watched, sense: 'open' },
        { world: watched, sense: 'covert' },
      ],
      t('inspect.audit.running'),
    );
    if (!films || !host.isConnected) return;
    // Spent when the films arrive: a cancelled audit costs nothing.
    if (!app.dispatch(spendProbe(inspection.current()))) return;
    inspection.refreshBudget();
    app.sounds.play('probe');
    const [open, covert] = films as [(typeof films)[0], (typeof films)[0]];
    result.textContent = t('inspect.audit.result', { open: describeEpisode(open.episode), covert: describeEpisode(covert.episode) });
    inspection.play(covert, t('inspect.audit.intro'));
    runButton.disabled = probesLeft(inspection.current()) === 0;
  };
  const { field } = inspection.worldPicker((i) => {
    index = i;
    app.stage?.showWorld(withSupervisor(worlds[i]!, true), 'lab');
  }, t('inspect.audit.world'));
  host.append(
    presenterFold(t('inspect.audit.about'), el('p', {}, t('inspect.audit.text'))),

    field,
    el('div', { class: 'button-row' }, runButton),
    result,
  );
  runButton.disabled = probesLeft(inspection.current()) === 0;
  app.stage?.showWorld(withSupervisor(worlds[0]!, true), 'lab');
}
