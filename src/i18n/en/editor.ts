/** Messages of editor. */
export const editor = {} as const;
