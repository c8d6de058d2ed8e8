/**
 * The English catalog: the source every other language translates. Each
 * part of the game keeps its messages in a section file of its own; keys
 * start with the section's name.
 *
 * The screens that load on first use (the editor, the class board, the
 * lesson guide) bring their own sections with them (`addEnglish`), so the
 * page a player first loads carries only the words it shows.
 */
import { common } from './common';
import { core } from './core';
import { session } from './session';
import { train } from './train';
import { inspect } from './inspect';
import { verdict } from './verdict';
import { deploy } from './deploy';
import { score } from './score';
import { firstRun } from './firstRun';
import { app } from './app';
import { menu } from './menu';
import type { guide } from './guide';
import { glossary } from './glossary';
import type { board } from './board';
import { game } from './game';
import type { editor } from './editor';

export const en = {
  ...common,
  ...core,
  ...session,
  ...train,
  ...inspect,
  ...verdict,
  ...deploy,
  ...score,
  ...firstRun,
  ...app,
  ...menu,
  ...glossary,
  ...game,
} as const;

/** The sections that load with their screens. */
export type LaterSections = typeof guide & typeof board & typeof editor;
