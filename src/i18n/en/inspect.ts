/** Messages of inspect. */
export const inspect = {} as const;
