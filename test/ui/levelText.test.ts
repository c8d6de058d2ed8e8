import { afterEach, describe, expect, it } from 'vitest';
import { levelFingerprint } from '../../src/core/index';
import { locale, looksPseudo } from '../../src/i18n/index';
import { loadCampaign } from '../../src/ui/campaign';
import { displayLevel } from '../../src/ui/levelText';

afterEach(() => {
  locale.value = 'en';
});

describe('a level’s words in the reader’s language', () => {
  const tutorial = loadCampaign().levels.find((l) => l.level.id === 'tutorial')!.level;

  it('is the level itself in English', () => {
    expect(displayLevel(tutorial)).toBe(tutorial);
  });

  it('translates every text of a campaign level and nothing the engine reads', () => {
    locale.value = 'pseudo';
    const shown = displayLevel(tutorial);
    expect(looksPseudo(shown.title)).toBe(true);
    expect(looksPseudo(shown.briefing)).toBe(true);
    for (const h of shown.hypotheses) expect(looksPseudo(h.label)).toBe(true);
    expect(shown.hypotheses.map((h) => h.id)).toEqual(tutorial.hypotheses.map((h) => h.id));
    expect(shown.world).toEqual(tutorial.world);
    expect(shown.reward).toEqual(tutorial.reward);
    // Placeholders in the story survive, so the run's numbers still fill them.
    const says = Array.isArray(shown.lesson.reveal) ? shown.lesson.reveal.map((s) => s.say).join(' ') : shown.lesson.reveal;
    const original = Array.isArray(tutorial.lesson.reveal) ? tutorial.lesson.reveal.map((s) => s.say).join(' ') : tutorial.lesson.reveal;
    expect(says.match(/\{[^}]+\}/g)).toEqual(original.match(/\{[^}]+\}/g));
  });

  it('leaves a changed copy (a player’s own level) as its author wrote it', () => {
    locale.value = 'pseudo';
    const own = { ...tutorial, title: 'My own tutorial' };
    expect(levelFingerprint(own)).not.toBe(levelFingerprint(tutorial));
    expect(displayLevel(own).title).toBe('My own tutorial');
  });
});
