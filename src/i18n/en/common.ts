/** Words shared across screens, and the language menu. */
export const common = {
  'language.label': 'Language',
  'language.en': 'English',
  'language.pseudo': 'Pseudo-locale (test)',
  'language.changed': 'Language: {name}',
} as const;
