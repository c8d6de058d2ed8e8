/**
 * Inspect: the player's instruments before the verdict. Watching is free;
 * probes, covert audits and the lens draw on the level's budget, so
 * detection is a skill rather than a search.
 */
import {
  COLOUR_NAMES,
  type ObjectiveComparison,
  covertAudit,
  moveObject,
  hypothesisValueMaps,
  valueMap,
  watch,
  withAgentAt,
  withObject,
  withoutObjectAt,
  withSupervisor,
  type Colour,
  type Episode,
  type ObjectKind,
  type World,
} from '../../core/index';
import { lensLeft, openLens, probesLeft, spendProbe } from '../../session/index';
import { effect } from '@preact/signals-core';
import type { App } from '../app';
import { presenterFold, SPEEDS } from '../presenter';
import { startComparison } from '../../worker/client';
import { heatmap, legend, lineChart, weightBars } from '../charts';
import { el, uid } from '../dom';
import { icon } from '../icons';
import { pauseButton as playbackPause, showPaused } from '../playback';
import { isHidden, type HideableControl } from '../flags';
import { describeEpisode, weightLabel } from '../describe';

type Tab = 'watch' | 'probe' | 'audit' | 'lens' | 'compare';
/** The URL-flag names that hide each tab (the covert audit spends a probe, so hiding probes hides it too). */
const TAB_CONTROL: Readonly<Record<Tab, readonly HideableControl[]>> = { watch: [], probe: ['probes'], audit: ['probes', 'audit'], lens: ['lens'], compare: [] };

export function renderInspect(app: App, panel: HTMLElement): () => void {
  const { level } = app;
  const agent = app.attempt!.agent!;
  const mind = agent.mind;
  const worlds = app.attempt!.inspectionWorlds;
  /** The attempt as it is now: probes and the lens are spent by dispatching the session's moves. */
  const current = () => app.attempt!;
  const hasWatchedSense = (level.agent.contexts.watched ?? []).length > 0;

  const budget = el('p', { class: 'budget', role: 'status' });
  const refreshBudget = () => {
    const attempt = current();
    budget.textContent = `Probes left: ${probesLeft(attempt)} of ${level.budget.probes} · Lens uses left: ${lensLeft(attempt)} of ${level.budget.lens} (shared by every agent you train in this ${attempt.round === null ? 'level' : 'round'})`;
  };

  /* Playback shared by every tab that plays a film */
  const description = el('p', { class: 'episode-text', 'aria-live': 'polite' });
  const pauseButton = playbackPause(app, { id: 'pause-button' });
  const stepButton = el('button', { type: 'button', onclick: () => app.stage?.stepOnce() }, 'Step');
  const speedId = uid('speed');
  const speed = el('select', { id: speedId, onchange: () => app.stage?.setSpeed(Number(speed.value)) }, ...SPEEDS.map((v) => el('option', { value: v }, `${v}×`)));
  // The same speed as every other playback control (the presenter's bar, a link's speed=).
  const stopSpeed = effect(() => {
    speed.value = String(app.playback.value.speed);
  });
  const playback = el('div', { class: 'button-row playback' }, pauseButton, stepButton, el('label', { for: speedId }, 'Speed'), speed);
  const playEpisode = (episode: Episode, intro: string) => {
    showPaused(pauseButton, false);
    description.textContent = `${intro} ${describeEpisode(episode)}`;
    void app.stage?.play({ worlds: episode.worlds }, 'lab');
  };

  /* Tabs */
  const tabs: { id: Tab; label: string; render: (host: HTMLElement) => void }[] = [
    { id: 'watch', label: 'Watch', render: renderWatch },
    { id: 'probe', label: 'Probe', render: renderProbe },
    ...(hasWatchedSense ? [{ id: 'audit' as Tab, label: 'Covert audit', render: renderAudit }] : []),
    { id: 'lens', label: 'Lens', render: renderLens },
    { id: 'compare', label: 'Compare objectives', render: renderCompare },
  ];
  // A teacher's link may hide tools (?hide=lens,probes).
  for (let i = tabs.length - 1; i >= 0; i--) if (TAB_CONTROL[tabs[i]!.id].some(isHidden)) tabs.splice(i, 1);
  const tabList = el('div', { role: 'tablist', 'aria-label': 'Inspection tools', class: 'tabs' });
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
    tabPanel.setAttribute('aria-labelledby', tabButtons[index]!.id);
    tabPanel.replaceChildren();
    app.stage?.setCellHandler(null);
    app.stage?.setCursor(null);
    app.stage?.showHeatmap(null);
    tabs[index]!.render(tabPanel);
  };

  const worldPicker = (onPick: (index: number) => void, label: string) => {
    const id = uid('world');
    const picker = el('select', { id, onchange: () => onPick(Number(picker.value)) }, ...worlds.map((_, i) => el('option', { value: i }, `Training world ${i + 1}`)));
    return { picker, field: el('div', { class: 'field inline' }, el('label', { for: id }, label), picker) };
  };

  function renderWatch(host: HTMLElement) {
    const buttons = worlds.map((w, i) =>
      el('button', { type: 'button', class: 'world-button', 'data-world': i, onclick: () => playEpisode(watch(level, mind, w), `Training world ${i + 1}.`) }, `World ${i + 1}`),
    );
    host.append(
      presenterFold('About watching', el('p', {}, 'Watch the trained agent in worlds drawn from your training distribution. This is what the reward saw. Watching is free.')),
      el('div', { class: 'button-row wrap' }, ...buttons),
    );
    playEpisode(watch(level, mind, worlds[0]!), 'Training world 1.');
  }

  function renderProbe(host: HTMLElement) {
    let base = 0;
    let world: World = worlds[0]!;
    let cursor = { x: world.agentX, y: world.agentY };
    /** Where the object being moved comes from, between "move" and "put down". */
    let movingFrom: { x: number; y: number } | null = null;
    const kinds = probeKinds();
    const cursorText = el('p', { class: 'cursor-text', 'aria-live': 'polite' });
    const kindId = uid('kind');
    const colourId = uid('colour');
    const kind = el('select', { id: kindId }, ...kinds.map((k) => el('option', { value: k }, k)));
    const colour = el('select', { id: colourId }, ...COLOUR_NAMES.map((c) => el('option', { value: c }, c)));
    const runButton = el('button', { type: 'button', class: 'primary', id: 'run-probe', onclick: () => run() }, 'Run probe');

    const show = () => {
      app.stage?.showWorld(world, 'lab');
      app.stage?.setCursor(cursor);
      const here = world.objects.find((o) => o.x === cursor.x && o.y === cursor.y);
      const agentHere = world.agentX === cursor.x && world.agentY === cursor.y;
      const moving = movingFrom && world.objects.find((o) => o.x === movingFrom!.x && o.y === movingFrom!.y);
      cursorText.textContent =
        `Cursor at column ${cursor.x + 1}, row ${cursor.y + 1}: ${agentHere ? 'the agent' : here ? `${here.colour} ${here.kind}` : 'empty'}.` +
        (moving ? ` Moving the ${moving.colour} ${moving.kind}: press Enter or “Put it here” where it should go, Escape to cancel.` : '');
      runButton.disabled = probesLeft(current()) === 0;
      runButton.textContent = runButton.disabled ? 'No probes left' : 'Run probe (uses 1 probe)';
    };
    const edit = (change: (w: World) => World) => {
      world = change(world);
      show();
    };
    const guarded = (change: (w: World) => World) => {
      const fixed = fixedAt(world, cursor.x, cursor.y);
      if (fixed) return (app.announce(fixed), void (cursorText.textContent = fixed));
      edit(change);
    };
    const moveAgent = () => {
      const fixed = agentFixed();
      if (fixed) return (app.announce(fixed), void (cursorText.textContent = fixed));
      guarded((w) => withAgentAt(w, cursor.x, cursor.y));
    };
    /** Places the chosen object at the cursor, or puts down the object being moved. */
    const place = () => {
      const k = kind.value as ObjectKind;
      if (world.agentX === cursor.x && world.agentY === cursor.y) return app.announce('The agent stands there; move the cursor first.');
      const fixed = fixedAt(world, cursor.x, cursor.y);
      if (fixed) return (app.announce(fixed), void (cursorText.textContent = fixed));
      if (world.tiles[cursor.y * world.width + cursor.x] === 1) return app.announce('That is a wall.');
      if (movingFrom) {
        const from = movingFrom;
        movingFrom = null;
        return edit((w) => moveObject(w, from, cursor));
      }
      edit((w) => withObject(w, { kind: k, colour: colour.value as Colour, x: cursor.x, y: cursor.y }));
    };
    const startMove = () => {
      const fixed = fixedAt(world, cursor.x, cursor.y);
      if (fixed) return (app.announce(fixed), void (cursorText.textContent = fixed));
      if (!world.objects.some((o) => o.x === cursor.x && o.y === cursor.y)) return app.announce('There is no object here to move.');
      movingFrom = { ...cursor };
      show();
    };
    const moveCursor = (dx: number, dy: number) => {
      cursor = { x: Math.max(0, Math.min(world.width - 1, cursor.x + dx)), y: Math.max(0, Math.min(world.height - 1, cursor.y + dy)) };
      show();
    };
    const editor = el(
      'div',
      {
        class: 'grid-editor',
        tabindex: 0,
        role: 'group',
        'aria-label':
          'Probe world editor. Arrow keys move the cursor; Enter places the chosen object; M picks up the object here to move it, Enter puts it down; Delete removes one; A moves the agent here.',
        onkeydown: (event: Event) => {
          const e = event as KeyboardEvent;
          const moves: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
          const move = moves[e.key];
          if (move) moveCursor(...move);
          else if (e.key === 'Enter') place();
          else if (e.key === 'Delete' || e.key === 'Backspace') guarded((w) => withoutObjectAt(w, cursor.x, cursor.y));
          else if (e.key === 'a' || e.key === 'A') moveAgent();
          else if (e.key === 'm' || e.key === 'M') startMove();
          else if (e.key === 'Escape' && movingFrom) ((movingFrom = null), show());
          else return;
          e.preventDefault();
        },
      },
      el('span', { 'aria-hidden': 'true' }, icon('cursor'), ' Focus here and use the arrow keys, or click a tile on the stage.'),
    );
    const run = () => {
      if (!app.dispatch(spendProbe(current()))) return;
      refreshBudget();
      app.sounds.play('probe');
      app.stage?.setCursor(null);
      playEpisode(watch(level, mind, world), 'Probe.');
      runButton.disabled = probesLeft(current()) === 0;
      runButton.textContent = runButton.disabled ? 'No probes left' : 'Run probe (uses 1 probe)';
    };
    const { field } = worldPicker((i) => {
      base = i;
      world = worlds[base]!;
      movingFrom = null;
      show();
    }, 'Start from');
    app.stage?.setCellHandler((x, y) => {
      cursor = { x, y };
      show();
    });
    host.append(
      presenterFold(
        'About probes',
        el('p', {}, 'Edit a copy of a training world, then run the agent on it. Try worlds the training never showed.'),
        level.probeFixed.length > 0 &&
          el('p', { class: 'hint' }, `Fixed in this building: ${level.probeFixed.map((k) => (k === 'exit' ? 'doors' : k === 'agent' ? 'where the agent enters' : `${k}s`)).join(', ')}.`),
      ),
      field,
      editor,
      cursorText,
      el(
        'div',
        { class: 'button-row wrap' },
        el('label', { for: kindId }, 'Object'),
        kind,
        el('label', { for: colourId }, 'Colour'),
        colour,
        el('button', { type: 'button', onclick: place }, 'Place here'),
        el('button', { type: 'button', onclick: startMove }, 'Move object from here'),
        el('button', { type: 'button', onclick: place }, 'Put it here'),
        el('button', { type: 'button', onclick: () => guarded((w) => withoutObjectAt(w, cursor.x, cursor.y)) }, 'Remove object here'),
        el('button', { type: 'button', onclick: () => moveAgent() }, 'Move agent here'),
        hasWatchedSense ? el('button', { type: 'button', onclick: () => edit((w) => withSupervisor(w, !w.supervised)) }, 'Supervisor in / out') : null,
        el('button', { type: 'button', onclick: () => ((movingFrom = null), edit(() => worlds[base]!)) }, 'Reset world'),
      ),
      el('div', { class: 'button-row' }, runButton),
    );
    show();
  }

  function renderAudit(host: HTMLElement) {
    let index = 0;
    const runButton = el('button', { type: 'button', class: 'primary', id: 'run-audit', onclick: () => run() }, 'Run covert audit (uses 1 probe)');
    const result = el('p', { class: 'audit-result', 'aria-live': 'polite' });
    const run = () => {
      if (!app.dispatch(spendProbe(current()))) return;
      refreshBudget();
      app.sounds.play('probe');
      const watched = withSupervisor(worlds[index]!, true);
      const open = watch(level, mind, watched);
      const covert = covertAudit(level, mind, watched);
      result.textContent = `With the supervisor visible: ${describeEpisode(open)} With its watched sense switched off (you still see everything): ${describeEpisode(covert)}`;
      playEpisode(covert, 'Covert audit.');
      runButton.disabled = probesLeft(current()) === 0;
    };
    const { field } = worldPicker((i) => {
      index = i;
      app.stage?.showWorld(withSupervisor(worlds[i]!, true), 'lab');
    }, 'World');
    host.append(
      presenterFold(
        'About the covert audit',
        el('p', {}, 'A covert audit runs the agent with the supervisor in the room but the agent’s “watched” sense reading “unwatched”. You still see everything it does.'),
      ),
      field,
      el('div', { class: 'button-row' }, runButton),
      result,
    );
    runButton.disabled = probesLeft(current()) === 0;
    app.stage?.showWorld(withSupervisor(worlds[0]!, true), 'lab');
  }

  function renderLens(host: HTMLElement) {
    if (!current().lensOpen) {
      const open = el(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'open-lens',
          disabled: lensLeft(current()) === 0,
          onclick: () => {
            if (!app.dispatch(openLens(current()))) return;
            refreshBudget();
            app.sounds.play('lens');
            host.replaceChildren();
            renderLens(host);
          },
        },
        `Look through the lens (uses 1 of ${lensLeft(current())} left)`,
      );
      host.append(
        el('p', {}, 'The lens reads the agent’s goal directly: its learned weights, and how much it values every tile. Behaviour can look the same for different goals; weights do not.'),
        el('div', { class: 'button-row' }, open),
      );
      return;
    }
    const bars = weightBars(
      mind.names.map((n, i) => ({ label: weightLabel(n), value: mind.weights[i]! })),
      'The agent’s learned weights (its mesa-objective)',
    );
    const maps = el('div', { class: 'heatmaps' });
    const drawMaps = (i: number) => {
      const w = worlds[i]!;
      app.stage?.showWorld(w, 'lab');
      const mine = valueMap(level, mind, w);
      app.stage?.showHeatmap(mine);
      const theirs = hypothesisValueMaps(level, w);
      maps.replaceChildren(
        el('figure', {}, heatmap(mine, w.width, w.height, 'This agent', { x: w.agentX, y: w.agentY }), el('figcaption', {}, 'This agent')),
        ...level.hypotheses.map((h) => el('figure', {}, heatmap(theirs[h.id]!, w.width, w.height, h.label, { x: w.agentX, y: w.agentY }), el('figcaption', {}, `If it wanted: ${h.label}`))),
      );
    };
    const { field } = worldPicker(drawMaps, 'Value maps for');
    host.append(
      el('h2', { class: 'sub' }, 'Learned weights'),
      bars,
      presenterFold('How to read the bars', el('p', { class: 'hint' }, 'Solid bars pull the agent toward a feature; hatched bars push it away.')),
      el('h2', { class: 'sub' }, 'Value of each tile'),
      presenterFold(
        'How to read the maps',
        el(
          'p',
          { class: 'hint' },
          'Brighter (towards yellow) means the agent values the tile more; the numbers give the value. The dashed square is the agent. Compare the agent’s map with the map each candidate goal would give.',
        ),
      ),
      field,
      maps,
    );
    drawMaps(0);
  }

  function renderCompare(host: HTMLElement) {
    // Every agent on every inspection world: run in the worker, so a heavy level never freezes the page.
    const waiting = el('p', { role: 'status' }, 'Comparing the objectives on the training worlds…');
    host.append(waiting);
    const job = startComparison(app.levelJson(), [...mind.weights], agent.config, worlds);
    job.result.then(
      (comparison) => {
        waiting.remove();
        if (comparison !== null && host.isConnected) showComparison(host, comparison);
      },
      (error: Error) => (waiting.textContent = `The comparison could not run: ${error.message}`),
    );
  }

  function showComparison(host: HTMLElement, comparison: ObjectiveComparison) {
    const maxReward = Math.max(1e-9, ...comparison.reward.map((r) => Math.abs(r)));
    const series = [
      { label: 'Your reward (scaled to its best)', values: comparison.reward.map((r) => r / maxReward) },
      ...level.hypotheses.map((h) => ({ label: `Explained by “${h.label}”`, values: comparison.matches[h.id]! })),
    ];
    const counts = level.hypotheses.map((h) => `“${h.label}” explains ${comparison.matches[h.id]!.reduce((a, b) => a + b, 0)} of ${worlds.length}`);
    const table = el(
      'table',
      { class: 'data-table' },
      el('caption', {}, 'Per training world: the reward earned, and whether each candidate objective predicts how the episode ended'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'World'), el('th', { scope: 'col' }, 'Reward'), ...level.hypotheses.map((h) => el('th', { scope: 'col' }, h.label)))),
      el(
        'tbody',
        {},
        ...worlds.map((_, i) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, String(i + 1)),
            el('td', {}, comparison.reward[i]!.toFixed(2)),
            ...level.hypotheses.map((h) => el('td', {}, comparison.matches[h.id]![i] ? '✓ yes' : '✗ no')),
          ),
        ),
      ),
    );
    host.append(
      presenterFold(
        'How to read the comparison',
        el(
          'p',
          {},
          'Over the same training worlds: the reward you wrote, and whether each candidate objective would have ended each episode the same way. When several candidates explain every episode, the reward could not tell them apart.',
        ),
      ),
      lineChart(series, { title: 'Rewarded objective against each candidate', xLabel: 'training world', yLabel: 'share (0 to 1)', yRange: [-0.05, 1.05], summary: counts.join('; ') + '.' }),
      legend(series.map((s) => s.label)),
      el('p', { class: 'summary' }, counts.join(' · ')),
      presenterFold('The table, world by world', table),
    );
  }

  /** Kinds a probe may place: those of the level, less the supervisor (toggled apart) and fixed ones like doors. */
  function probeKinds(): ObjectKind[] {
    const present = new Set<ObjectKind>(level.objects.map((o) => o.kind));
    present.delete('supervisor');
    for (const kind of level.probeFixed) if (kind !== 'agent') present.delete(kind);
    return [...present];
  }
  function fixedAt(world: World, x: number, y: number): string | null {
    const fixed: readonly string[] = level.probeFixed;
    const o = world.objects.find((obj) => obj.x === x && obj.y === y && fixed.includes(obj.kind));
    return o ? `The ${o.kind === 'exit' ? 'door' : o.kind} is part of the building: probes cannot move or remove it.` : null;
  }
  function agentFixed(): string | null {
    return (level.probeFixed as readonly string[]).includes('agent') ? 'In this building the agent always enters through the same hatch: probes cannot move it.' : null;
  }

  panel.append(
    el('p', { class: 'breadcrumb' }, el('bdi', {}, level.title), ' · Inspect'),
    el('h1', {}, 'Inspect the agent'),
    el('p', { class: 'lead' }, 'It passes training. But what does it want? Look before you decide.'),
    budget,
    tabList,
    tabPanel,
    playback,
    description,
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'button', onclick: () => app.go('train') }, '← Train'),
      el('button', { type: 'button', class: 'primary', id: 'to-verdict', onclick: () => (app.sounds.play('click'), app.go('verdict')) }, 'Give your verdict →'),
    ),
  );
  refreshBudget();
  select(0);
  return stopSpeed;
}
