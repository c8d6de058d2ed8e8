/** Messages of deploy. */
export const deploy = {} as const;
