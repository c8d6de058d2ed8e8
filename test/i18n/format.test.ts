import { afterEach, describe, expect, it } from 'vitest';
import { fillTemplate, looksPseudo, pluralForm, pseudoTemplate } from '../../src/i18n/format';
import { contentText, formatList, LOCALES, locale, msg, t, tParts, tx } from '../../src/i18n/index';
import { en } from '../../src/i18n/en/index';

afterEach(() => {
  locale.value = 'en';
});

describe('message formatting', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(fillTemplate('a {x} b {y}', (n) => (n === 'x' ? 'X' : undefined)).join('')).toBe('a X b {y}');
  });

  it('chooses plural forms by the language rules, with exact forms first', () => {
    const rules = new Intl.PluralRules('en');
    const forms = { '=0': 'none', one: '{count} world', other: '{count} worlds' } as const;
    expect(pluralForm(forms, 0, rules)).toBe('none');
    expect(pluralForm(forms, 1, rules)).toBe('{count} world');
    expect(pluralForm(forms, 7, rules)).toBe('{count} worlds');
  });

  it('writes numbers and lists the language’s way', () => {
    expect(t('language.changed', { name: 1234.567 })).toBe('Language: 1,234.57');
    expect(formatList(['the coin', 'the gem', 'the star'])).toBe('the coin, the gem, and the star');
    expect(tx(msg('language.changed', { name: ['a', 'b'] }))).toBe('Language: a and b');
  });

  it('places rich parameters where the template puts them', () => {
    const node = { element: true };
    expect(tParts('language.changed', { name: node })).toEqual(['Language: ', node]);
  });

  it('shows an unknown key as itself rather than throwing', () => {
    expect(tx({ key: 'no.such.key' })).toBe('no.such.key');
  });
});

describe('the pseudo-locale', () => {
  it('transforms every letter, lengthens the text and keeps placeholders', () => {
    const out = pseudoTemplate('Train {count} agents');
    expect(out).toContain('{count}');
    expect(out.replace('{count}', '')).not.toMatch(/[A-Za-z]/);
    expect(out.length).toBeGreaterThanOrEqual(Math.round('Train {count} agents'.length * 1.25));
    expect(looksPseudo(out.replace('{count}', '3'))).toBe(true);
    expect(looksPseudo('Train 3 agents')).toBe(false);
  });

  it('transforms every catalog entry but not the parameters filled in', () => {
    locale.value = 'pseudo';
    expect(t('language.changed', { name: 'Mesa' })).toMatch(/^⟦Ļåå.*Mesa⟧$/);
    for (const key of Object.keys(en)) expect(looksPseudo(tx({ key }).replace(/\{\w+\}/g, ''))).toBe(true);
  });

  it('transforms campaign level text, never a player’s own', () => {
    locale.value = 'pseudo';
    expect(looksPseudo(contentText('level.tutorial.title', 'Get the coin'))).toBe(true);
    expect(contentText(null, 'My level')).toBe('My level');
  });

  it('has a catalog for every locale', () => {
    for (const info of Object.values(LOCALES)) expect(typeof info.catalog()).toBe('object');
  });
});
