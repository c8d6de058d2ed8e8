/**
 * The limits of a level's fields, read off the level schema itself
 * (src/core/level.ts): the least and greatest number, whether it must be a
 * whole number, the longest text. The editor's inputs carry these as
 * min/max/step/maxlength, so the form and the validator never disagree and
 * no limit is written twice.
 *
 * Reads the schema's structure only (zod v4's `def`, `minValue`, `maxValue`,
 * `isInt`, `maxLength`); never validates anything.
 */
import { levelSchema } from '../../core/index';
import type { PathKey } from './draft';

export interface FieldLimits {
  readonly min?: number;
  readonly max?: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
  readonly maxLength?: number;
}

/** The slice of a zod v4 schema this module reads. */
interface SchemaNode {
  readonly def: {
    readonly type: string;
    readonly innerType?: SchemaNode;
    readonly getter?: () => SchemaNode;
    readonly shape?: Readonly<Record<string, SchemaNode>>;
    readonly element?: SchemaNode;
    readonly items?: readonly SchemaNode[];
    readonly valueType?: SchemaNode;
    readonly options?: readonly SchemaNode[];
    readonly in?: SchemaNode;
  };
  readonly minValue?: number | null;
  readonly maxValue?: number | null;
  readonly isInt?: boolean;
  readonly maxLength?: number | null;
}

/** Past the wrappers that do not change a field's limits: optional, default, nullable, lazy, pipe. */
function unwrap(node: SchemaNode): SchemaNode {
  for (let i = 0; i < 16; i++) {
    const { def } = node;
    if (def.innerType) node = def.innerType;
    else if (def.type === 'lazy' && def.getter) node = def.getter();
    else if (def.type === 'pipe' && def.in) node = def.in;
    else break;
  }
  return node;
}

/** The schema of one step down: an object's field, an array's element, a tuple's item, a record's value. */
function child(node: SchemaNode, key: PathKey): SchemaNode[] {
  const { def } = unwrap(node);
  switch (def.type) {
    case 'object': {
      const field = typeof key === 'string' && def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
      return field ? [field] : [];
    }
    case 'array':
      return def.element ? [def.element] : [];
    case 'tuple': {
      const item = typeof key === 'number' ? def.items?.[key] : undefined;
      return item ? [item] : [];
    }
    case 'record':
      return def.valueType ? [def.valueType] : [];
    case 'union':
      return (def.options ?? []).flatMap((option) => child(option, key));
    default:
      return [];
  }
}

/** Every schema a value at this path may match (a union gives several). */
function schemasAt(path: readonly PathKey[]): SchemaNode[] {
  let nodes: SchemaNode[] = [levelSchema as unknown as SchemaNode];
  for (const key of path) nodes = nodes.flatMap((node) => child(node, key));
  return nodes.flatMap((node) => {
    const inner = unwrap(node);
    return inner.def.type === 'union' ? (inner.def.options ?? []).map(unwrap) : [inner];
  });
}

/** Whether the level schema has a field at this path (list indices and record keys match any). */
export function inSchema(path: readonly PathKey[]): boolean {
  return schemasAt(path).length > 0;
}

const finiteOrUndefined = (value: number | null | undefined): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The limits the level schema sets on the number or text at `path` (none when it sets none, or the path is not in it). */
export function limitsAt(path: readonly PathKey[]): FieldLimits {
  for (const node of schemasAt(path)) {
    if (node.def.type === 'number') return { min: finiteOrUndefined(node.minValue), max: finiteOrUndefined(node.maxValue), integer: node.isInt === true };
    if (node.def.type === 'string') return { maxLength: finiteOrUndefined(node.maxLength) };
  }
  return {};
}
