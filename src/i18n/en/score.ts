/** Messages of score. */
export const score = {} as const;
