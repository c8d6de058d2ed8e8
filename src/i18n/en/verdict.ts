/** Messages of verdict. */
export const verdict = {} as const;
