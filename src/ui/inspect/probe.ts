/**
 * The Probe tab: the player edits a copy of a training world and runs the
 * agent on it. One verb for building it — Place: choose what (an object, the
 * agent, or nothing) and click a tile, or press Enter at the cursor. Moving
 * is one step too: drag a thing on the stage, or Shift + an arrow key.
 * Running the probe happens in the worker and spends one probe when its film
 * arrives.
 */
import { COLOUR_NAMES, moveObject, withAgentAt, withObject, withoutObjectAt, withSupervisor, type Colour, type ObjectKind, type World } from '../../core/index';
import { probeChange, probesLeft, spendProbe } from '../../session/index';
import { el, uid } from '../dom';
import { kindName } from '../describe';
import { icon } from '../icons';
import { presenterFold } from '../presenter';
import { PROBE_WORLD, type Inspection } from './context';
import { formatList, t } from '../../i18n/index';
import { placeText } from '../describe';

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
    ...(agentMovable ? [{ id: 'place-agent', label: t('inspect.probe.place.agent'), placeable: { kind: 'agent' } as Placeable }] : []),
    { id: 'place-nothing', label: t('inspect.probe.place.nothing'), placeable: { kind: 'nothing' } },
  ];
  let chosen = 0;
  const cursorText = el('p', { class: 'cursor-text', id: 'probe-cursor', 'aria-live': 'polite' });
  const colourId = uid('colour');
  const colour = el('select', { id: colourId }, ...COLOUR_NAMES.map((c) => el('option', { value: c }, c)));
  const runButton = el('button', { type: 'button', class: 'primary', id: 'run-probe', onclick: () => void run() }, t('inspect.probe.run'));
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
      ' ',
      choice.label,
    ),
  );
  const place = el(
    'fieldset',
    { class: 'place-choices' },
    el('legend', {}, t('inspect.probe.placeLegend')),
    el('div', { class: 'button-row wrap' }, ...radios, el('label', { for: colourId }, t('inspect.probe.colour')), colour),
  );

  const objectAt = (world: World, x: number, y: number) => world.objects.find((o) => o.x === x && o.y === y);
  const describe = (said?: string) => {
    const world = probe.world;
    const here = objectAt(world, cursor.x, cursor.y);
    const agentHere = world.agentX === cursor.x && world.agentY === cursor.y;
    const choice = choices[chosen]!;
    const what = choice.placeable.kind === 'object' ? t('inspect.probe.what.object', { colour: colour.value, object: kindName(choice.placeable.object) }) : choice.label;
    const place = placeText(cursor.x, cursor.y);
    cursorText.textContent =
      said ??
      (agentHere
        ? t('inspect.probe.cursor.agent', { place, what })
        : here
          ? t('inspect.probe.cursor.object', { place, what, colour: here.colour, object: kindName(here.kind) })
          : t('inspect.probe.cursor.empty', { place, what }));
    runButton.disabled = probesLeft(inspection.current()) === 0;
    runButton.textContent = t(runButton.disabled ? 'inspect.probe.none' : 'inspect.probe.run');
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
        if (wall) return refuse(t('inspect.probe.wall'));
        if (agentHere) return refuse(t('inspect.probe.agentThere'));
        return edit(
          withObject(world, { kind: choice.object, colour: colour.value as Colour, x, y }),
          t('inspect.probe.placed', { colour: colour.value, object: kindName(choice.object), place: placeText(x, y) }),
        );
      case 'agent':
        if (wall) return refuse(t('inspect.probe.wall'));
        if (objectAt(world, x, y)) return refuse(t('inspect.probe.occupied'));
        return edit(withAgentAt(world, x, y), t('inspect.probe.placedAgent', { place: placeText(x, y) }));
      case 'nothing':
        if (!objectAt(world, x, y)) return show();
        return edit(withoutObjectAt(world, x, y), t('inspect.probe.cleared', { place: placeText(x, y) }));
    }
  };

  /** Moves the object or the agent on one tile to another (a drag, or Shift + an arrow key). */
  const moveThing = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const world = probe.world;
    const fixed = fixedAt(world, from.x, from.y);
    if (fixed) return refuse(fixed);
    if (world.tiles[to.y * world.width + to.x] === 1) return refuse(t('inspect.probe.wall'));
    const busy = objectAt(world, to.x, to.y) || (world.agentX === to.x && world.agentY === to.y);
    cursor = { ...to };
    if (world.agentX === from.x && world.agentY === from.y) {
      if (!agentMovable) return refuse(t('inspect.probe.agentFixed'));
      if (busy) return refuse(t('inspect.probe.busy'));
      return edit(withAgentAt(world, to.x, to.y), t('inspect.probe.movedAgent', { place: placeText(to.x, to.y) }));
    }
    const moving = objectAt(world, from.x, from.y);
    if (!moving) return show();
    if (busy) return refuse(t('inspect.probe.busy'));
    edit(moveObject(world, from, to), t('inspect.probe.moved', { colour: moving.colour, object: kindName(moving.kind), place: placeText(to.x, to.y) }));
  };

  const editor = el(
    'div',
    {
      class: 'grid-editor',
      id: 'probe-editor',
      tabindex: 0,
      role: 'group',
      'aria-label': t('inspect.probe.editor'),
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
          else if (objectAt(world, cursor.x, cursor.y)) edit(withoutObjectAt(world, cursor.x, cursor.y), t('inspect.probe.cleared', { place: placeText(cursor.x, cursor.y) }));
        } else return;
        e.preventDefault();
      },
    },
    el('span', { 'aria-hidden': 'true' }, icon('cursor'), ' ', t('inspect.probe.focusHint')),
  );

  const run = async () => {
    if (probesLeft(inspection.current()) === 0) return describe();
    app.stage?.setCursor(null);
    const films = await inspection.films([{ world: probe.world, sense: 'open' }], t('inspect.probe.running'));
    if (!films || !host.isConnected) return;
    // The probe is spent when its film arrives: a cancelled run costs nothing.
    if (!app.dispatch(spendProbe(inspection.current(), probeChange(worlds[probe.base]!, probe.world)))) return;
    inspection.refreshBudget();
    app.sounds.play('probe');
    inspection.play(films[0]!, t('inspect.probe.intro'));
    describe();
  };
  const { picker, field } = inspection.worldPicker((i) => {
    probe.base = i;
    probe.world = worlds[i]!;
    probe.edited = false;
    show();
  }, t('inspect.probe.startFrom'));
  picker.value = String(probe.base);

  app.stage?.setCellHandler((x, y) => placeAt(x, y));
  app.stage?.setDragHandler((from, to) => moveThing(from, to));
  host.append(
    presenterFold(t('inspect.probe.fold'), el('p', {}, t('inspect.probe.text')), el('p', { class: 'hint' }, t('inspect.probe.hint'))),
    ...(level.probeFixed.length ? [el('p', { class: 'hint' }, t('inspect.probe.fixedList', { things: formatList(level.probeFixed.map(fixedThing)) }))] : []),
    field,
    place,
    // On a wall the room edits on the stage; the keyboard's cursor opens on demand.
    presenterFold(
      t('inspect.probe.keyboardFold'),
      editor,
      cursorText,
      el('div', { class: 'button-row' }, el('button', { type: 'button', id: 'place-here', onclick: () => placeAt(cursor.x, cursor.y) }, t('inspect.probe.placeHere'))),
    ),
    el(
      'div',
      { class: 'button-row wrap' },
      inspection.hasWatchedSense ? el('button', { type: 'button', onclick: () => edit(withSupervisor(probe.world, !probe.world.supervised)) }, t('inspect.probe.supervisor')) : null,
      el('button', { type: 'button', onclick: () => ((probe.world = worlds[probe.base]!), (probe.edited = false), show()) }, t('inspect.probe.reset')),
      el('button', { type: 'button', id: 'probe-lens', onclick: () => inspection.selectTab('lens', PROBE_WORLD) }, t('inspect.probe.lens')),
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
    return o ? t('inspect.probe.fixed', { object: o.kind === 'exit' ? t('inspect.probe.door') : kindName(o.kind) }) : null;
  }
}

/** What a level fixes in its building, as the probe's hint lists it. */
function fixedThing(kind: ObjectKind | 'agent'): string {
  if (kind === 'exit') return t('inspect.probe.fixed.doors');
  if (kind === 'agent') return t('inspect.probe.fixed.agent');
  return t('inspect.probe.fixed.kind', { kind: kindName(kind) });
}

/**
 * "a sign", "an exit door": an object's name as the player reads it, with its
 * article. The catalog gives both forms (the same one in a language with no
 * such change); which one is chosen by the name's first letter.
 */
function withArticle(name: string): string {
  return t(/^[aeiou]/i.test(name) ? 'inspect.probe.place.objectVowel' : 'inspect.probe.place.object', { object: name });
}
