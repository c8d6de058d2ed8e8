/**
 * The English catalog: the source every other language translates. Each
 * part of the game keeps its messages in a section file of its own; keys
 * start with the section's name.
 */
import { common } from './common';

export const en = {
  ...common,
} as const;
