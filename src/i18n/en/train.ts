/** Messages of train. */
export const train = {} as const;
