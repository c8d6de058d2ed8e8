/** Problems with untrusted data as messages: one line, or one line per problem. */
import type { LevelProblem } from './level';
import { message, type Message, type MessageParam } from './message';

/**
 * The first problem, and how many more there are (`core.problems.*`):
 * "level.json: title: missing (and 2 more problems)". The source is a file
 * name (text as it is) or words from the catalog.
 */
export function describeProblems(source: string | Message, problems: readonly LevelProblem[]): Message {
  const first = problems[0];
  if (first === undefined) return message('core.problems.invalid', { source });
  if (problems.length === 1) return message('core.problems.one', { source, path: first.path, problem: first.message });
  return message('core.problems.more', { source, path: first.path, problem: first.message, count: problems.length - 1 });
}

/**
 * Every problem on its own line, `source: path: reason`, the way compilers
 * list errors, each reason written by `write` (the catalog's English on the
 * command line). Paths and reasons can quote untrusted keys and values, so
 * line breaks and other control characters in them are escaped: one problem
 * is always exactly one line.
 */
export function listProblems(source: string, problems: readonly LevelProblem[], write: (m: Message) => string): string[] {
  if (problems.length === 0) return [write(message('core.problems.invalid', { source }))];
  return problems.map((p) => `${escapeControls(source)}: ${escapeControls(p.path)}: ${escapeControls(write(p.message))}`);
}

function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A message with every text parameter made safe to show on one line (`clean`), however deep. */
export function cleanMessage(m: Message, clean: (text: string) => string): Message {
  if (!m.params) return m;
  const param = (value: MessageParam): MessageParam =>
    typeof value === 'string'
      ? clean(value)
      : typeof value === 'number'
        ? value
        : Array.isArray(value)
          ? value.map((v) => param(v) as string | number | Message)
          : cleanMessage(value as Message, clean);
  return { key: m.key, params: Object.fromEntries(Object.entries(m.params).map(([name, value]) => [name, param(value)])) };
}

/** An error whose reason is a catalog message: the page or the command line writes `reason` (its `message` is only the key). */
export class MessageError extends Error {
  constructor(readonly reason: Message) {
    super(reason.key);
    this.name = 'MessageError';
  }
}
