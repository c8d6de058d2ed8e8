/** One readable line for a list of problems with untrusted data. */
import type { LevelProblem } from './level';

export function describeProblems(source: string, problems: readonly LevelProblem[]): string {
  const first = problems[0];
  if (first === undefined) return `${source}: invalid`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${source}: ${first.path}: ${first.message}${more}`;
}
