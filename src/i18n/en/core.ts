/** Messages of core. */
export const core = {} as const;
