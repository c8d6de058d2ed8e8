/**
 * Plain-name lookups. Names in a level (knobs, hypotheses, weights, reward
 * events) are untrusted strings; a name like `constructor` or `toString` must
 * behave like any other, so look-ups go through `own` (never `name in obj` or
 * a bare `obj[name]`, which find what every object inherits).
 *
 * `__proto__` is the one name JSON can carry that an object cannot hold as
 * its own data: the schema library silently drops it, so a level or config
 * that uses it is refused with its path before it is parsed.
 */
import { message, type Message } from './message';

/** The value stored under `key` in `record` itself, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Problems for every `__proto__` key in untrusted JSON-like data, with its path. */
/** Problems in the shape of the level schema's (`LevelProblem`), declared here so the schema can import this module. */
export function prototypeKeyProblems(data: unknown, limit = 10_000): { path: string; message: Message }[] {
  const problems: { path: string; message: Message }[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: data, path: '' }];
  let visited = 0;
  while (stack.length > 0 && visited < limit) {
    const { value, path } = stack.pop()!;
    visited++;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]` }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (key === '__proto__') problems.push({ path: at, message: message('core.problem.proto-key') });
      else stack.push({ value: (value as Record<string, unknown>)[key], path: at });
    }
  }
  return problems;
}
