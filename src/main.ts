/**
 * Boots the game: the sound bank, the flow and its screens, the stage, the
 * header controls, and the read-only test hook `window.__MESA__`.
 */
import './style.css';
import { SoundBank } from './audio/soundBank';
import { createStage } from './game/stage';
import { App, type Screen, type ScreenRenderer } from './ui/app';
import { icon } from './ui/icons';
import { createGlossary } from './ui/glossary';
import { renderBriefing, renderLevels, renderTitle } from './ui/screens/menu';
import { renderTrain } from './ui/screens/train';
import { renderInspect } from './ui/screens/inspect';
import { renderDeploy, renderScore, renderVerdict } from './ui/screens/reveal';
import { renderExperiment } from './ui/screens/experiment';
import { renderEditor } from './ui/screens/editor';
import { installCodeLinks } from './ui/share';
import { renderBoard } from './ui/screens/board';
import { renderGuide } from './ui/screens/guide';
import { installClassroom, startFromFlags } from './ui/presenter';
import { installSettingsMenu, showLevelSteps } from './ui/header';
// Last: the page layout overrides the stylesheets above (stage and panel sizes, header, presenter).
import './layout.css';

const screens: Record<Screen, ScreenRenderer> = {
  title: renderTitle,
  levels: renderLevels,
  briefing: renderBriefing,
  train: renderTrain,
  inspect: renderInspect,
  verdict: renderVerdict,
  deploy: renderDeploy,
  score: renderScore,
  experiment: renderExperiment,
  editor: renderEditor,
  board: renderBoard,
  guide: renderGuide,
};
// The header's level steps follow the screen being drawn.
const levelSteps = document.getElementById('level-steps')!;
const renderers = Object.fromEntries(
  Object.entries(screens).map(([screen, render]) => [screen, (app: App, panel: HTMLElement) => (showLevelSteps(levelSteps, screen as Screen), render(app, panel))]),
) as Record<Screen, ScreenRenderer>;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const sounds = new SoundBank();
const app = new App(byId('panel'), byId('stage'), byId('announcer'), sounds, renderers, storage());

/* Header controls: sound, motion, text size, home. */
const muteButton = byId<HTMLButtonElement>('mute');
const motionButton = byId<HTMLButtonElement>('motion');
const textButton = byId<HTMLButtonElement>('text-size');
for (const slot of document.querySelectorAll<HTMLElement>('.icon-slot')) slot.replaceChildren(icon(slot.dataset.icon as 'motion'));
const syncHeader = () => {
  muteButton.setAttribute('aria-pressed', String(sounds.muted));
  muteButton.querySelector('.label')!.textContent = sounds.muted ? 'Sound off' : 'Sound on';
  muteButton.querySelector('.icon-slot')!.replaceChildren(icon(sounds.muted ? 'muted' : 'speaker'));
  motionButton.setAttribute('aria-pressed', String(app.save.settings.reducedMotion));
  textButton.setAttribute('aria-pressed', String(app.save.settings.textSize === 'large'));
};
muteButton.addEventListener('click', () => {
  sounds.toggleMuted();
  syncHeader();
  app.announce(sounds.muted ? 'Sound off.' : 'Sound on.');
});
motionButton.addEventListener('click', () => {
  app.setReducedMotion(!app.save.settings.reducedMotion);
  syncHeader();
  app.announce(app.save.settings.reducedMotion ? 'Reduced motion on.' : 'Reduced motion off.');
});
textButton.addEventListener('click', () => {
  app.setTextSize(app.save.settings.textSize === 'large' ? 'normal' : 'large');
  syncHeader();
});
byId<HTMLButtonElement>('home').addEventListener('click', () => app.go('title'));
installSettingsMenu(byId<HTMLButtonElement>('settings-button'), byId('settings-menu'));
const glossary = createGlossary(document.body);
byId<HTMLButtonElement>('glossary-button').addEventListener('click', () => glossary.open());
syncHeader();
// Presenter mode, high contrast and the classroom URL flags (?presenter=1&hide=lens,…).
const classroomFlags = installClassroom(app);
syncHeader(); // a link may have set reduced motion

declare global {
  interface Window {
    __MESA__?: { snapshot(): Readonly<Record<string, unknown>>; ready: boolean };
  }
}
const hook = { snapshot: () => app.snapshot(), ready: false };
window.__MESA__ = hook;

app.go('title');
// A link that carries a code (#level=…, #challenge=…, #result=…) opens it; a bad code leaves the title up.
installCodeLinks(app);
startFromFlags(app, classroomFlags);
createStage(byId('stage'))
  .then((stage) => {
    app.stage = stage;
    stage.setMoveListener((move) => sounds.play(move));
    app.applySettings();
    // Redraw the current screen now that the stage can show it.
    if (app.screen !== 'title' && app.screen !== 'levels') app.go(app.screen);
    hook.ready = true;
  })
  .catch((error: Error) => {
    app.notice(`The game view could not start (${error.message}). The panels still work; the world is described in text.`, 'error');
    hook.ready = true;
  });
