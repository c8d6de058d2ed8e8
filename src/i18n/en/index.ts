/**
 * The English catalog: the source every other language translates. Each
 * part of the game keeps its messages in a section file of its own; keys
 * start with the section's name.
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
import { guide } from './guide';
import { glossary } from './glossary';
import { board } from './board';
import { game } from './game';
import { editor } from './editor';

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
  ...guide,
  ...glossary,
  ...board,
  ...game,
  ...editor,
} as const;
