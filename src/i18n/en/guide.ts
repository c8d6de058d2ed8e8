/** Messages of guide. */
export const guide = {} as const;
