/**
 * Boots the game: the sound bank, the flow and its screens, the stage, the
 * header controls, and the read-only test hook `window.__MESA__`.
 */
import './style.css';
import { effect } from '@preact/signals-core';
import { SoundBank } from './audio/soundBank';
import { createStage } from './game/stage';
import { App, type Screen, type ScreenRenderer } from './ui/app';
import { browserStorage } from './ui/storage';
import { icon } from './ui/icons';
import { createGlossary } from './ui/glossary';
import { renderBriefing, renderLevels, renderTitle } from './ui/screens/menu';
import { renderTrain } from './ui/screens/train';
import { renderInspect } from './ui/screens/inspect';
import { renderVerdict } from './ui/screens/verdict';
import { renderDeploy } from './ui/screens/deploy';
import { renderFirstRun } from './ui/screens/firstRun';
import { createCoach, type Coach } from './ui/coach';
import { guideProblems } from './ui/guides';
import { renderScore } from './ui/screens/score';
import { renderExperiment } from './ui/screens/experiment';
import { showResultCode } from './ui/share';
import { applyLink, installClassroom } from './ui/presenter';
import { parseLocation } from './session/index';
import { installMenu, showLevelSteps } from './ui/header';
import { LOCALE_IDS, locale, t, tx } from './i18n/index';
// Last: the page layout overrides the stylesheets above (stage and panel sizes, header, presenter).
import './layout.css';

/**
 * A screen whose code loads when it is first opened (the editor and the class
 * board are most of the game's own code and few players open them): the panel
 * says so while its chunk loads, and a screen left meanwhile is never drawn.
 */
function lazyScreen(load: () => Promise<ScreenRenderer>): ScreenRenderer {
  return (app, panel) => {
    let left = false;
    let cleanup: void | (() => void);
    panel.replaceChildren(Object.assign(document.createElement('p'), { className: 'hint', textContent: t('app.loading') }));
    load().then(
      (render) => {
        if (left) return;
        panel.replaceChildren();
        cleanup = render(app, panel);
      },
      (error: unknown) => {
        if (!left) panel.replaceChildren(Object.assign(document.createElement('p'), { role: 'alert', textContent: t('app.loadFailed', { error: String(error) }) }));
      },
    );
    return () => {
      left = true;
      cleanup?.();
    };
  };
}

const screens: Record<Screen, ScreenRenderer> = {
  title: renderTitle,
  levels: renderLevels,
  briefing: renderBriefing,
  first: renderFirstRun,
  train: renderTrain,
  inspect: renderInspect,
  verdict: renderVerdict,
  deploy: renderDeploy,
  score: renderScore,
  experiment: renderExperiment,
  editor: lazyScreen(() => import('./ui/screens/editor').then((m) => m.renderEditor)),
  board: lazyScreen(() => import('./ui/screens/board').then((m) => m.renderBoard)),
  guide: lazyScreen(() => import('./ui/screens/guide').then((m) => m.renderGuide)),
};
// The header's level steps follow the screen being drawn.
const levelSteps = document.getElementById('level-steps')!;
// The guide's coach (when one runs) goes back on top of each newly drawn panel.
let coach: Coach | null = null;
const renderers = Object.fromEntries(
  Object.entries(screens).map(([screen, render]) => [
    screen,
    (app: App, panel: HTMLElement) => {
      showLevelSteps(levelSteps, screen as Screen);
      const cleanup = render(app, panel);
      coach?.afterRender(screen as Screen);
      return cleanup;
    },
  ]),
) as Record<Screen, ScreenRenderer>;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const sounds = new SoundBank();
const app = new App(byId('panel'), byId('stage'), byId('announcer'), sounds, renderers, browserStorage());
coach = createCoach(app);
for (const problem of guideProblems) app.notice(t('app.notice.guideProblem', { problem }), 'warning');

/* Header controls: sound, motion, text size, home. */
const muteButton = byId<HTMLButtonElement>('mute');
const motionButton = byId<HTMLButtonElement>('motion');
const textButton = byId<HTMLButtonElement>('text-size');
for (const slot of document.querySelectorAll<HTMLElement>('.icon-slot')) slot.replaceChildren(icon(slot.dataset.icon as 'motion'));
const syncHeader = () => {
  muteButton.setAttribute('aria-pressed', String(sounds.muted));
  muteButton.querySelector('.label')!.textContent = sounds.muted ? t('app.header.soundOff') : t('app.header.soundOn');
  muteButton.querySelector('.icon-slot')!.replaceChildren(icon(sounds.muted ? 'muted' : 'speaker'));
  motionButton.setAttribute('aria-pressed', String(app.save.settings.reducedMotion));
  textButton.setAttribute('aria-pressed', String(app.save.settings.textSize === 'large'));
};
muteButton.addEventListener('click', () => {
  sounds.toggleMuted();
  syncHeader();
  app.announce(sounds.muted ? t('app.header.announce.soundOff') : t('app.header.announce.soundOn'));
});
motionButton.addEventListener('click', () => {
  app.setReducedMotion(!app.save.settings.reducedMotion);
  syncHeader();
  app.announce(app.save.settings.reducedMotion ? t('app.header.announce.motionOn') : t('app.header.announce.motionOff'));
});
textButton.addEventListener('click', () => {
  app.setTextSize(app.save.settings.textSize === 'large' ? 'normal' : 'large');
  syncHeader();
});
byId<HTMLButtonElement>('home').addEventListener('click', () => app.go('title'));
/**
 * The page's own words (index.html: the skip link, the header, the regions'
 * names, the title and description), written from the catalog at start and
 * on every change of language: `data-i18n` names an element's text,
 * `data-i18n-label` its accessible name.
 */
const writeShellText = () => {
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = tx({ key: node.dataset.i18n! });
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) node.setAttribute('aria-label', tx({ key: node.dataset.i18nLabel! }));
  document.title = t('app.document.title');
  document.querySelector('meta[name="description"]')?.setAttribute('content', t('app.document.description'));
};
// The language menu: each language named in the current one; a choice is remembered like any setting.
const languageSelect = byId<HTMLSelectElement>('language');
const syncLanguageMenu = () => {
  byId('language-label').textContent = t('language.label');
  languageSelect.replaceChildren(...LOCALE_IDS.map((id) => Object.assign(document.createElement('option'), { value: id, textContent: tx({ key: `language.${id}` }) })));
  languageSelect.value = locale.value;
};
languageSelect.addEventListener('change', () => {
  app.updateSettings({ language: languageSelect.value });
  app.announce(t('language.changed', { name: languageSelect.selectedOptions[0]?.textContent ?? languageSelect.value }));
});
installMenu(byId<HTMLButtonElement>('settings-button'), byId('settings-menu'));
const glossary = createGlossary(document.body);
byId<HTMLButtonElement>('glossary-button').addEventListener('click', () => glossary.open());
syncHeader();
// Presenter mode and high contrast in the header; the presenter's playback bar.
installClassroom(app);

declare global {
  interface Window {
    __MESA__?: { snapshot(): Readonly<Record<string, unknown>>; ready: boolean };
  }
}
const hook = { snapshot: () => app.snapshot(), ready: false };
window.__MESA__ = hook;

/**
 * The address is the route: open what it asks for (a screen, a level, a code,
 * classroom flags). A bad code or a locked level leaves the title up. Back
 * and Forward (and an edited address) go where the address now points.
 */
const openAddress = (mode: 'replace' | 'none') => {
  const link = parseLocation(mode === 'replace' ? window.location.search : '', window.location.hash, LOCALE_IDS);
  applyLink(app, link);
  if (link.result) showResultCode(app, link.result);
  const opened = app.navigate(link.route ?? { screen: 'title' }, mode);
  if (!opened && mode === 'replace') app.go('title', 'replace');
  if (!opened && mode === 'none') app.redraw('replace');
};
openAddress('replace');
window.addEventListener('popstate', () => openAddress('none'));
effect(() => {
  // The header's toggles follow the saved settings, whoever changed them (a button, a link).
  void app.settings.value;
  syncHeader();
  void locale.value;
  writeShellText();
  syncLanguageMenu();
});
createStage(byId('stage'))
  .then((stage) => {
    app.stage = stage;
    stage.setMoveListener((move) => sounds.play(move));
    app.applySettings();
    // Redraw the current screen now that the stage can show it.
    if (app.screen !== 'title' && app.screen !== 'levels') app.redraw();
    hook.ready = true;
  })
  .catch((error: Error) => {
    app.notice(t('app.stageFailed', { error: error.message }), 'error');
    hook.ready = true;
  });
