/**
 * The Probe tab: the player edits a copy of a training world and runs the
 * agent on it. One verb for building it — Place: choose what (an object, the
 * agent, or nothing) and click a tile, or press Enter at the cursor. Moving
 * is one step too: drag a thing on the stage, or Shift + an arrow key.
 * Running the probe happens in the worker and spends one probe when its film
 * arrives.
 */
import { COLOUR_NAMES, moveObject, withAgentAt, withObject, withoutObjectAt, withSupervisor, type Colour, type ObjectKind, type World } from '../../core/index';
import { probesLeft, spendProbe } from '../../session/index';
import { el, uid } from '../dom';
import { kindName } from '../describe';
import { icon } from '../icons';
import { presenterFold } from '../presenter';
import { PROBE_WORLD, type Inspection } from './context';

/** What a Place puts down: a new object of the chosen kind, the agent, or nothing (clears the tile). */
type Placeable = { readonly kind: 'object'; readonly object: ObjectKind } | { readonly kind: 'agent' } | { readonly kind: 'nothing' };

const ARROWS: Readonly<Record<string, readonly [number, number]>> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

export function renderProbe(inspection: Inspection, host: HTMLElement): void {
  const { app, level, worlds } = inspection;
  const probe = inspection.probe;
  let cursor = { x: probe.world.agentX, y: probe.world.agentY };
  const kinds = probeKinds();
  const agentMovable = !(level.probeFixed as readonly string[]).includes('agent');
  const choices: { id: string; label: string; placeable: Placeable }[] = [
    ...kinds.map((k) => ({ id: `place-${k}`, label: withArticle(kindName(k)), placeable: { kind: 'object', object: k } as Placeable })),
    ...(agentMovable ? [{ id: 'place-agent', label: 'the agent', placeable: { kind: 'agent' } as Placeable }] : []),
    { id: 'place-nothing', label: 'nothing (clear the tile)', placeable: { kind: 'nothing' } },
  ];
  let chosen = 0;
  const cursorText = el('p', { class: 'cursor-text', id: 'probe-cursor', 'aria-live': 'polite' });
  const colourId = uid('colour');
  const colour = el('select', { id: colourId }, ...COLOUR_NAMES.map((c) => el('option', { value: c }, c)));
  const runButton = el('button', { type: 'button', class: 'primary', id: 'run-probe', onclick: () => void run() }, 'Run probe');
  const radioName = uid('place');
  const radios = choices.map((choice, i) =>
    el(
      'label',
      { class: 'place-choice' },
      el('input', {
        type: 'radio',
        name: radioName,
        id: choice.id,
        value: i,
        checked: i === 0,
        onchange: () => {
          chosen = i;
          colour.disabled = choice.placeable.kind !== 'object';
          describe();
        },
      }),
      ` ${choice.label}`,
    ),
  );
  const place = el('fieldset', { class: 'place-choices' }, el('legend', {}, 'Place'), el('div', { class: 'button-row wrap' }, ...radios, el('label', { for: colourId }, 'Colour'), colour));

  const objectAt = (world: World, x: number, y: number) => world.objects.find((o) => o.x === x && o.y === y);
  const describe = (said?: string) => {
    const world = probe.world;
    const here = objectAt(world, cursor.x, cursor.y);
    const agentHere = world.agentX === cursor.x && world.agentY === cursor.y;
    const choice = choices[chosen]!;
    cursorText.textContent =
      said ??
      `Cursor at column ${cursor.x + 1}, row ${cursor.y + 1}: ${agentHere ? 'the agent' : here ? `${here.colour} ${kindName(here.kind)}` : 'empty'}. ` +
        `Enter places ${choice.placeable.kind === 'object' ? `a ${colour.value} ${kindName(choice.placeable.object)}` : choice.label} here.`;
    runButton.disabled = probesLeft(inspection.current()) === 0;
    runButton.textContent = runButton.disabled ? 'No probes left' : 'Run probe (uses 1 probe)';
  };
  const show = (said?: string) => {
    app.stage?.showWorld(probe.world, 'lab');
    app.stage?.setCursor(cursor);
    describe(said);
  };
  const refuse = (reason: string) => {
    app.announce(reason);
    describe(reason);
  };
  const edit = (world: World, said?: string) => {
    probe.world = world;
    probe.edited = true;
    show(said);
  };

  /** Place: what is chosen goes on the cursor's tile. */
  const placeAt = (x: number, y: number) => {
    cursor = { x, y };
    const world = probe.world;
    const choice = choices[chosen]!.placeable;
    const fixed = fixedAt(world, x, y);
    if (fixed) return refuse(fixed);
    const wall = world.tiles[y * world.width + x] === 1;
    const agentHere = world.agentX === x && world.agentY === y;
    switch (choice.kind) {
      case 'object':
        if (wall) return refuse('That is a wall.');
        if (agentHere) return refuse('The agent stands there; place the object on another tile.');
        return edit(withObject(world, { kind: choice.object, colour: colour.value as Colour, x, y }), `Placed a ${colour.value} ${kindName(choice.object)} at column ${x + 1}, row ${y + 1}.`);
      case 'agent':
        if (wall) return refuse('That is a wall.');
        if (objectAt(world, x, y)) return refuse('Something stands there; clear the tile first, or place the agent elsewhere.');
        return edit(withAgentAt(world, x, y), `Placed the agent at column ${x + 1}, row ${y + 1}.`);
      case 'nothing':
        if (!objectAt(world, x, y)) return show();
        return edit(withoutObjectAt(world, x, y), `Cleared column ${x + 1}, row ${y + 1}.`);
    }
  };

  /** Moves the object or the agent on one tile to another (a drag, or Shift + an arrow key). */
  const moveThing = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const world = probe.world;
    const fixed = fixedAt(world, from.x, from.y);
    if (fixed) return refuse(fixed);
    if (world.tiles[to.y * world.width + to.x] === 1) return refuse('That is a wall.');
    const busy = objectAt(world, to.x, to.y) || (world.agentX === to.x && world.agentY === to.y);
    cursor = { ...to };
    if (world.agentX === from.x && world.agentY === from.y) {
      if (!agentMovable) return refuse('In this building the agent always comes in at the same place: probes cannot move it.');
      if (busy) return refuse('Something stands there already.');
      return edit(withAgentAt(world, to.x, to.y), `Moved the agent to column ${to.x + 1}, row ${to.y + 1}.`);
    }
    const moving = objectAt(world, from.x, from.y);
    if (!moving) return show();
    if (busy) return refuse('Something stands there already.');
    edit(moveObject(world, from, to), `Moved the ${moving.colour} ${kindName(moving.kind)} to column ${to.x + 1}, row ${to.y + 1}.`);
  };

  const editor = el(
    'div',
    {
      class: 'grid-editor',
      id: 'probe-editor',
      tabindex: 0,
      role: 'group',
      'aria-label': 'Probe world. Arrow keys move the cursor; Enter places what you chose here; Shift with an arrow key moves the thing under the cursor; Delete clears the tile.',
      onfocus: () => app.stage?.setCursor(cursor),
      onkeydown: (event: Event) => {
        const e = event as KeyboardEvent;
        const arrow = ARROWS[e.key];
        const world = probe.world;
        if (arrow) {
          const to = { x: Math.max(0, Math.min(world.width - 1, cursor.x + arrow[0])), y: Math.max(0, Math.min(world.height - 1, cursor.y + arrow[1])) };
          if (e.shiftKey && (to.x !== cursor.x || to.y !== cursor.y)) moveThing(cursor, to);
          else ((cursor = to), show());
        } else if (e.key === 'Enter' || e.key === ' ') placeAt(cursor.x, cursor.y);
        else if (e.key === 'Delete' || e.key === 'Backspace') {
          const fixed = fixedAt(world, cursor.x, cursor.y);
          if (fixed) refuse(fixed);
          else if (objectAt(world, cursor.x, cursor.y)) edit(withoutObjectAt(world, cursor.x, cursor.y), `Cleared column ${cursor.x + 1}, row ${cursor.y + 1}.`);
        } else return;
        e.preventDefault();
      },
    },
    el('span', { 'aria-hidden': 'true' }, icon('cursor'), ' Focus here to edit with the keyboard.'),
  );

  const run = async () => {
    if (probesLeft(inspection.current()) === 0) return describe();
    app.stage?.setCursor(null);
    const films = await inspection.films([{ world: probe.world, sense: 'open' }], 'Running your probe');
    if (!films || !host.isConnected) return;
    // The probe is spent when its film arrives: a cancelled run costs nothing.
    if (!app.dispatch(spendProbe(inspection.current()))) return;
    inspection.refreshBudget();
    app.sounds.play('probe');
    inspection.play(films[0]!, 'Probe.');
    describe();
  };
  const { picker, field } = inspection.worldPicker((i) => {
    probe.base = i;
    probe.world = worlds[i]!;
    probe.edited = false;
    show();
  }, 'Start from');
  picker.value = String(probe.base);

  app.stage?.setCellHandler((x, y) => placeAt(x, y));
  app.stage?.setDragHandler((from, to) => moveThing(from, to));
  host.append(
    presenterFold(
      'About probes',
      el('p', {}, 'Edit a copy of a training world, then run the agent on it. Try worlds the training never showed.'),
      el('p', { class: 'hint' }, 'Place: choose what, then click a tile on the stage (or press Enter at the cursor). To move something, drag it on the stage, or press Shift with an arrow key.'),
    ),
    ...(level.probeFixed.length
      ? [el('p', { class: 'hint' }, `Fixed in this building: ${level.probeFixed.map((k) => (k === 'exit' ? 'doors' : k === 'agent' ? 'where the agent enters' : `${k}s`)).join(', ')}.`)]
      : []),
    field,
    place,
    // On a wall the room edits on the stage; the keyboard's cursor opens on demand.
    presenterFold(
      'Edit with the keyboard',
      editor,
      cursorText,
      el('div', { class: 'button-row' }, el('button', { type: 'button', id: 'place-here', onclick: () => placeAt(cursor.x, cursor.y) }, 'Place at the cursor')),
    ),
    el(
      'div',
      { class: 'button-row wrap' },
      inspection.hasWatchedSense ? el('button', { type: 'button', onclick: () => edit(withSupervisor(probe.world, !probe.world.supervised)) }, 'Supervisor in / out') : null,
      el('button', { type: 'button', onclick: () => ((probe.world = worlds[probe.base]!), (probe.edited = false), show()) }, 'Reset world'),
      el('button', { type: 'button', id: 'probe-lens', onclick: () => inspection.selectTab('lens', PROBE_WORLD) }, 'Read this world with the lens'),
    ),
    el('div', { class: 'button-row' }, runButton),
  );
  show();

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
    return o ? `The ${o.kind === 'exit' ? 'door' : kindName(o.kind)} is part of the building: probes cannot move or remove it.` : null;
  }
}

/** "a sign", "an exit door": an object's name as the player reads it, with its article. */
function withArticle(name: string): string {
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}
