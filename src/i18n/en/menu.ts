/** Messages of menu. */
export const menu = {} as const;
