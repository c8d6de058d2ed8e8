/** Messages of firstRun. */
export const firstRun = {} as const;
