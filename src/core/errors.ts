/** Readable text for a list of problems with untrusted data: one line, or one line per problem. */
import type { LevelProblem } from './level';

export function describeProblems(source: string, problems: readonly LevelProblem[]): string {
  const first = problems[0];
  if (first === undefined) return `${source}: invalid`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${source}: ${first.path}: ${first.message}${more}`;
}

/**
 * Every problem on its own line, `source: path: reason`, the way compilers
 * list errors. Paths and reasons can quote untrusted keys and values, so line
 * breaks and other control characters in them are escaped: one problem is
 * always exactly one line.
 */
export function listProblems(source: string, problems: readonly LevelProblem[]): string[] {
  if (problems.length === 0) return [`${source}: invalid`];
  return problems.map((p) => `${escapeControls(source)}: ${escapeControls(p.path)}: ${escapeControls(p.message)}`);
}

function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
