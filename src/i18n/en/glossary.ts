/** Messages of glossary. */
export const glossary = {} as const;
