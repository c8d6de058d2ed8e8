/** Messages of board. */
export const board = {} as const;
