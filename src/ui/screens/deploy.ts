/**
 * Deploy: the agent meets the deployment suite and shows what it actually learned.
 *
 * The reveal has three parts, all drawn from what the worker measured:
 * first a handful of deployment worlds play large (the most telling ones,
 * chosen in the core from per-world facts), each with the agent's trail, the
 * intended objective's ghost path and a ✓/✗ on the stage, with a running
 * tally; then the whole suite as a summary — counts that agree with the
 * scorecard, and a grid of every world (on the stage and as buttons) where
 * any world opens to play on its own. Every number and sentence here is
 * computed from this run.
 */
import { mosaicShare } from '../../game/film';
import { MARKS } from '../../game/marks';
import type { EpisodeFilm, StageSnapshot } from '../../game/stageApi';
import {
  OBJECT_KINDS,
  mechanismSentences,
  type ObjectKind,
  mindToRecord,
  recordingFrames,
  runFacts,
  Tile,
  UNEXPLAINED,
  type DeploymentRun,
  type Recording,
  type DeploymentTruth,
} from '../../core/index';
import type { App } from '../app';
import { el } from '../dom';
import { pauseButton as playbackPause } from '../playback';
import { classPrediction, presenterFold } from '../presenter';
import { objectiveLabel, revealedSentence } from './objectives';
import { displayLevel } from '../levelText';
import { t, tParts, tx } from '../../i18n/index';

/** What the reveal reports to the test hook: the worlds shown first, as the stage drew them. */
export interface RevealReport {
  readonly phase: 'first' | 'summary' | 'world';
  readonly first: readonly {
    readonly world: number;
    readonly outcome: 'success' | 'failure';
    readonly ended: boolean;
    readonly mark: 'success' | 'failure' | null;
    readonly markPx: number;
    readonly markInside: boolean;
    readonly agentPx: number;
    readonly ghost: boolean;
  }[];
  readonly tally: { readonly shown: number; readonly successes: number; readonly failures: number };
  readonly summary: {
    readonly worlds: number;
    readonly onStage: number;
    readonly successes: number;
    readonly matchesIntended: number;
    readonly matchesRevealed: number | null;
    readonly grid: { readonly columns: number; readonly rows: number } | null;
  } | null;
}

/** How long the first worlds' marks stay up before the summary, in milliseconds. */
const HOLD_MS = 3500;

/** "took the coin at column 3, row 2", one message per kind so each language words it whole. */
const TOOK: Readonly<Record<ObjectKind, (place: string) => string>> = {
  coin: (place) => t('deploy.world.took.coin', { place }),
  gem: (place) => t('deploy.world.took.gem', { place }),
  star: (place) => t('deploy.world.took.star', { place }),
  cheese: (place) => t('deploy.world.took.cheese', { place }),
  key: (place) => t('deploy.world.took.key', { place }),
  chest: (place) => t('deploy.world.took.chest', { place }),
  exit: (place) => t('deploy.world.took.exit', { place }),
  supervisor: (place) => t('deploy.world.took.supervisor', { place }),
  trigger: (place) => t('deploy.world.took.trigger', { place }),
  tree: (place) => t('deploy.world.took.tree', { place }),
};

/** One of the stage's own marks, drawn the same in the legend. */
function markImage(name: 'success' | 'failure' | 'diverge'): HTMLImageElement {
  const svg = MARKS[name].svg;
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return el('img', { class: 'key-mark', src: `data:image/svg+xml;base64,${btoa(binary)}`, alt: '', width: 24, height: 24 });
}

/** What the agent did in one recorded world, in words: its moves, what it took, where it ended. */
function describeRecording(recording: Recording): string {
  const moves = recordingFrames(recording) - 1;
  const taken: { frame: number; text: string }[] = [];
  for (let i = 0; i < recording.goneAt.length; i++) {
    const frame = recording.goneAt[i]!;
    if (frame >= 0) taken.push({ frame, text: TOOK[OBJECT_KINDS[recording.objectKind[i]!]!](t('deploy.world.at', { x: recording.objectX[i]! + 1, y: recording.objectY[i]! + 1 })) });
  }
  taken.sort((a, b) => a.frame - b.frame);
  const x = recording.agentX[moves]!;
  const y = recording.agentY[moves]!;
  const tile = recording.tiles[y * recording.width + x];
  const cell = { x: x + 1, y: y + 1 };
  const place =
    tile === Tile.End
      ? t('deploy.world.at.finish', cell)
      : tile === Tile.Hazard
        ? t('deploy.world.at.hazard', cell)
        : tile === Tile.Forbidden
          ? t('deploy.world.at.forbidden', cell)
          : t('deploy.world.at', cell);
  if (taken.length === 0) return t('deploy.world.story.still', { count: moves, place });
  const steps = taken.map((step) => step.text).reduce((first, next) => t('deploy.world.then', { first, next }));
  return t('deploy.world.story.took', { count: moves, taken: steps, place });
}

/** What a reveal plays: the committed verdict's deployment, or (for the first run, before any verdict) another measured run. */
export interface RevealSource {
  readonly truth: DeploymentTruth;
  readonly run: DeploymentRun;
  readonly heading: string;
  readonly lead: string;
  readonly classVote: Readonly<Record<string, number>> | null;
  readonly next: { readonly id: string; readonly label: string; readonly go: () => void };
  /** Shown with the measured findings once the reveal has played (the first run's prediction and outcome). */
  readonly findings?: readonly HTMLElement[];
}

function committedReveal(app: App): RevealSource {
  const attempt = app.attempt!;
  const deployed = attempt.verdict!.decision === 'deploy';
  return {
    truth: attempt.measurement!.truth,
    run: app.deployment!,
    heading: deployed ? t('deploy.heading.deployed') : t('deploy.heading.held'),
    lead: deployed ? t('deploy.lead.deployed') : t('deploy.lead.held'),
    classVote: attempt.classVote,
    next: { id: 'to-score', label: t('deploy.next.score'), go: () => app.go('score') },
    findings: whyTheProxy(app),
  };
}

/**
 * Which mechanism let a proxy win, in sentences measured from this run (what
 * the agent senses and from how far, and which features its training worlds
 * never separated), or nothing when the agent learned no proxy.
 */
function whyTheProxy(app: App): HTMLElement[] {
  const attempt = app.attempt!;
  const agent = attempt.agent!;
  const measurement = attempt.measurement!;
  const run = runFacts(app.level, { config: agent.config, seed: agent.seed, weights: mindToRecord(agent.mind) }, { card: measurement.truth, failure: measurement.failure });
  const why = mechanismSentences({ ...run, level: displayLevel(app.level) }).map(tx);
  return why.length === 0 ? [] : [el('p', { class: 'mechanism', id: 'reveal-mechanism' }, el('strong', {}, t('deploy.why')), why.join(' '))];
}

export function renderDeploy(app: App, panel: HTMLElement, source: RevealSource = committedReveal(app)): () => void {
  const level = displayLevel(app.level);
  const card = source.truth;
  const run = source.run;
  const suite = run.recordings;
  const n = suite.length;
  const intended = level.hypotheses.find((h) => h.intended)!;
  const revealedLabel = objectiveLabel(level, card.revealed);
  const successes = card.successes.filter(Boolean).length;
  const matchesIntended = run.matchesIntended.filter(Boolean).length;
  const revealedIsOther = card.revealed !== UNEXPLAINED && card.revealed !== intended.id;
  const matchesRevealed = revealedIsOther ? run.matchesRevealed.filter(Boolean).length : null;
  let cancelled = false;

  // One film per world: the agent's recording, the intended agent's path as a ghost, where the agent leaves it, and the outcome.
  const filmOf = (i: number): EpisodeFilm => ({
    recording: suite[i]!,
    ghost: run.intendedPaths[i] ?? null,
    divergeAt: run.divergence[i]! >= 0 && !card.successes[i] ? run.divergence[i] : null,
    verdict: card.successes[i] ? 'success' : 'failure',
  });
  const films = suite.map((_, i) => filmOf(i));
  // The summary's small worlds show the trail, the agent and the mark only: dots and forks would be noise there.
  const summaryFilms = suite.map((recording, i): EpisodeFilm => ({ recording, verdict: card.successes[i] ? 'success' : 'failure' }));
  // The summary draws as many worlds as the stage can hold smoothly; the numbers always count all of them.
  const onStage = mosaicShare(suite.map((r) => r.objectKind.length));
  const first = run.firstWorlds.slice(0, Math.min(run.firstWorlds.length, onStage >= 4 ? 4 : Math.max(1, Math.min(3, onStage))));
  const partsWith = revealedIsOther ? first.filter((i) => run.objectivesPart[i] && run.matchesRevealed[i]).length : 0;
  /** Counts the reveals started (Replay starts another): a stale one stops at its next step. */
  let revealRun = 0;

  let phase: RevealReport['phase'] = 'first';
  const tally = { shown: 0, successes: 0, failures: 0 };
  let firstSeen: StageSnapshot | null = null;
  let summaryGrid: { columns: number; rows: number } | null = null;

  const heading = source.heading;
  const phaseText = el('p', { class: 'phase', 'aria-live': 'polite' });
  const tallyText = el('p', { class: 'tally', id: 'reveal-tally', 'aria-live': 'polite' });
  const legend = el(
    'ul',
    { class: 'reveal-legend', 'aria-label': t('deploy.legend.label') },
    el('li', {}, el('span', { class: 'key key-trail', 'aria-hidden': 'true' }), t('deploy.legend.trail')),
    el('li', {}, el('span', { class: 'key key-ghost', 'aria-hidden': 'true' }), t('deploy.legend.ghost', { label: intended.label })),
    el('li', {}, markImage('success'), t('deploy.legend.success'), markImage('failure'), t('deploy.legend.failure')),
    el('li', {}, markImage('diverge'), t('deploy.legend.diverge')),
  );
  const divergenceText = el('p', { class: 'divergence', 'aria-live': 'assertive' });

  const difference = differenceSentence();
  const findings = el(
    'div',
    { class: 'findings', hidden: true },
    el('p', { class: 'big-number' }, t('deploy.findings.big', { successes, count: n })),
    el('p', {}, t('deploy.findings.caption', { count: n, objective: level.intendedObjective.replace(/\.$/, '').toLowerCase() })),
    // The big number says it for the room; the counts behind it open on demand on a wall.
    presenterFold(
      t('deploy.counts.fold'),
      el(
        'ul',
        { class: 'counts', id: 'reveal-counts' },
        el('li', {}, t('deploy.counts.achieved', { successes, failures: n - successes })),
        el('li', {}, t('deploy.counts.endedAs', { label: intended.label, matched: matchesIntended, count: n })),
        matchesRevealed !== null ? el('li', {}, t('deploy.counts.endedAs', { label: revealedLabel, matched: matchesRevealed, count: n })) : null,
      ),
    ),
    difference ? el('p', { id: 'reveal-difference' }, difference) : null,
    el('p', { class: 'revealed' }, ...tParts('deploy.revealed', { objective: el('strong', { id: 'revealed-objective' }, revealedLabel) })),
    el('p', {}, revealedSentence(level, card, n)),
    source.classVote ? classPrediction(level, source.classVote, card.revealed) : null,
    ...(source.findings ?? []),
  );

  const worldLabel = (i: number): string => {
    const label = card.successes[i] ? t('deploy.grid.world.ok', { world: i + 1 }) : t('deploy.grid.world.fail', { world: i + 1 });
    return i < onStage ? label : t('deploy.grid.world.offStage', { label });
  };
  // Every world as a button: keyboard and screen readers open any world; the stage outlines the one in focus.
  const worldButtons = suite.map((_, i) =>
    el(
      'button',
      {
        type: 'button',
        class: `world-cell ${card.successes[i] ? 'ok' : 'fail'}`,
        'data-world': i + 1,
        'aria-label': worldLabel(i),
        onclick: () => void openWorld(i),
        onfocus: () => app.stage?.highlight(phase === 'summary' && i < onStage ? i : null),
        onblur: () => app.stage?.highlight(null),
      },
      el('span', { 'aria-hidden': 'true' }, `${card.successes[i] ? '✓' : '✗'} ${i + 1}`),
    ),
  );
  // Open by default; folded in presenter mode, where the class watches the stage and the page stays short.
  const worldGrid = el(
    'details',
    { class: 'world-grid-wrap', hidden: true, open: !app.save.settings.presenter },
    el('summary', {}, t('deploy.grid.summary', { count: n })),
    el('p', { class: 'hint' }, onStage < n ? t('deploy.grid.hint.partial', { onStage, count: n }) : t('deploy.grid.hint.all')),
    el('div', { class: 'world-grid', role: 'group', 'aria-label': t('deploy.grid.label') }, ...worldButtons),
  );
  // After the first worlds the marks stay up a moment before the summary; this skips the wait (or the films).
  let skipHold: (() => void) | null = null;
  const toSummaryButton = el('button', { type: 'button', id: 'to-summary', onclick: () => (skipHold ? skipHold() : void showSummary()) }, t('deploy.toSummary', { count: n }));
  const backButton = el('button', { type: 'button', id: 'back-to-summary', hidden: true, onclick: () => void showSummary() }, t('deploy.backToSummary'));
  const nextButton = el('button', { type: 'button', class: 'primary', id: source.next.id, onclick: () => (app.sounds.play('click'), source.next.go()) }, source.next.label);
  const replayButton = el('button', { type: 'button', onclick: () => void runReveal() }, t('deploy.replay'));
  // Presenter mode hides these two (class stage-playback): its bar under the stage has the same controls.
  const pauseButton = playbackPause(app, { class: 'stage-playback' });
  const stepButton = el('button', { type: 'button', class: 'stage-playback', onclick: () => app.stage?.stepOnce() }, t('deploy.step'));

  /** Why the first worlds are these, from the measured facts. */
  function firstWorldsSentence(): string {
    const which = first.map((i) => String(i + 1)).join(', ');
    const intro = t('deploy.first.intro', { count: first.length, total: n, which });
    if (partsWith >= first.length && revealedIsOther) {
      const apart = run.objectivesPart.filter(Boolean).length;
      const names = { intro, count: first.length, revealed: revealedLabel, intended: intended.label };
      return apart === n ? t('deploy.first.apart.every', names) : t('deploy.first.apart.some', { ...names, apart, total: n });
    }
    const failures = first.filter((i) => !card.successes[i]).length;
    if (failures > 0) return failures === first.length ? t('deploy.first.allFailed', { intro }) : t('deploy.first.someFailed', { intro, count: failures });
    return t('deploy.first.allPassed', { intro, count: first.length });
  }

  /** One sentence when "achieved the objective" and "ended as the intended agent does" count differently. */
  function differenceSentence(): string | null {
    if (successes === matchesIntended) return null;
    const passedOtherwise = card.successes.filter((s, i) => s && !run.matchesIntended[i]).length;
    const endedAlikeButFailed = card.successes.filter((s, i) => !s && run.matchesIntended[i]).length;
    const parts: string[] = [];
    if (passedOtherwise > 0) parts.push(t('deploy.difference.passedOtherwise', { count: passedOtherwise, label: intended.label }));
    if (endedAlikeButFailed > 0) parts.push(t('deploy.difference.endedAlike', { count: endedAlikeButFailed }));
    const reasons = parts.reduce((first, second) => t('deploy.difference.both', { first, second }));
    return t('deploy.difference', { reasons });
  }

  const updateTally = () => {
    tallyText.textContent = t('deploy.tally.first', { failures: tally.failures, successes: tally.successes, shown: tally.shown, count: first.length });
  };

  const showSummary = async () => {
    phase = 'summary';
    skipHold = null;
    backButton.hidden = true;
    toSummaryButton.hidden = true;
    divergenceText.textContent = '';
    findings.hidden = false;
    worldGrid.hidden = false;
    tallyText.textContent = t('deploy.tally.all', { count: n, successes, failures: n - successes });
    phaseText.textContent = onStage < n ? t('deploy.phase.partial', { onStage, count: n }) : t('deploy.phase.all', { count: n });
    const stage = app.stage;
    if (!stage) return;
    const drawn = await stage.playMany(summaryFilms.slice(0, onStage), 'field', { still: true, onPick: (i) => void openWorld(i) });
    if (drawn === 'ended') summaryGrid = stage.snapshot()?.grid ?? null;
  };

  const openWorld = async (i: number) => {
    if (cancelled) return;
    phase = 'world';
    skipHold = null;
    toSummaryButton.hidden = true;
    backButton.hidden = false;
    const film = films[i]!;
    const ok = card.successes[i]!;
    phaseText.textContent = ok ? t('deploy.world.ok', { world: i + 1 }) : t('deploy.world.fail', { world: i + 1 });
    const d = film.divergeAt;
    divergenceText.textContent = d !== null && d !== undefined ? t('deploy.world.diverge', { move: d, label: intended.label }) : '';
    if (d !== null && d !== undefined) app.sounds.play('diverge');
    app.stage?.highlight(null);
    backButton.focus();
    const result = (await app.stage?.play(film, 'field')) ?? 'ended';
    if (cancelled || result === 'stopped') return;
    phaseText.textContent = t('deploy.world.played', { world: i + 1, mark: ok ? '✓' : '✗', story: describeRecording(suite[i]!) });
  };

  const runReveal = async () => {
    const id = ++revealRun;
    phase = 'first';
    skipHold = null;
    firstSeen = null;
    tally.shown = tally.successes = tally.failures = 0;
    findings.hidden = true;
    worldGrid.hidden = true;
    backButton.hidden = true;
    toSummaryButton.hidden = false;
    divergenceText.textContent = '';
    app.sounds.play('reveal');
    phaseText.textContent = firstWorldsSentence();
    updateTally();
    const stage = app.stage;
    const result = stage
      ? await stage.playMany(
          first.map((i) => films[i]!),
          'field',
          {
            onFilmEnded: (k) => {
              const ok = card.successes[first[k]!]!;
              tally.shown++;
              if (ok) tally.successes++;
              else tally.failures++;
              updateTally();
              if (tally.shown === first.length) firstSeen = stage.snapshot();
            },
          },
        )
      : 'ended';
    if (cancelled || result === 'stopped' || id !== revealRun) return;
    // Let the marks and the tally be read before the whole suite replaces them.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, HOLD_MS);
      skipHold = () => (clearTimeout(timer), resolve());
    });
    if (cancelled || phase !== 'first' || id !== revealRun) return;
    app.announce(t('deploy.announce', { successes, count: n, label: revealedLabel }));
    await showSummary();
  };

  // The test hook reads the reveal as the stage drew it: each first world's mark and the agent's size.
  app.revealReport = (): RevealReport => {
    const live = phase === 'first' ? (app.stage?.snapshot() ?? null) : null;
    const seen = firstSeen ?? live;
    return {
      phase,
      first: first.map((world, k) => {
        const film = seen?.mode === 'mosaic' ? seen.films[k] : undefined;
        return {
          world: world + 1,
          outcome: card.successes[world] ? 'success' : 'failure',
          ended: film?.ended ?? false,
          mark: film?.badge ?? null,
          markPx: film?.badgePx ?? 0,
          markInside: film?.badgeInside ?? false,
          agentPx: film?.agentPx ?? 0,
          ghost: film?.ghost ?? false,
        };
      }),
      tally: { ...tally },
      summary: phase === 'first' ? null : { worlds: n, onStage, successes, matchesIntended, matchesRevealed, grid: summaryGrid },
    };
  };

  panel.append(
    el('p', { class: 'breadcrumb' }, el('bdi', {}, level.title), ' · ', t('deploy.breadcrumb')),
    el('h1', {}, heading),
    el('p', { class: 'lead' }, source.lead),
    phaseText,
    tallyText,
    divergenceText,
    presenterFold(t('deploy.legend.fold'), legend),
    el('div', { class: 'button-row' }, pauseButton, stepButton, backButton, toSummaryButton, replayButton, nextButton),
    findings,
    worldGrid,
  );
  void runReveal();
  return () => {
    cancelled = true;
    app.revealReport = null;
  };
}
