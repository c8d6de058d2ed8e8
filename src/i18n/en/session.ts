/** Messages of session. */
export const session = {} as const;
