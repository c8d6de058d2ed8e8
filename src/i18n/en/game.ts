/** Messages of game. */
export const game = {} as const;
