/**
 * The key type a collection is declared with, when the code writes one: `new Map<PoolName, Queue>()`,
 * `const seen: Set<Locale> = new Set()`, `private byTenant: Record<Tenant, Cache> = {}`,
 * `{ [k in Tier]?: number }`. TypeScript holds every write to it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { unwrap } from '../syntax/ast.js';
import type { Collection } from '../model/file-model.js';

/** Generic types whose first argument is the key: collections, and the object types keyed by it. */
const KEYED_BY_FIRST: ReadonlySet<string> = new Set(['Map', 'ReadonlyMap', 'Set', 'ReadonlySet', 'Record']);
/** Wrappers that keep their argument's keys. */
const SAME_KEYS: ReadonlySet<string> = new Set(['Partial', 'Readonly', 'Required']);

/** The key type of a type annotation: `Map<K, V>`, `Set<K>`, `Record<K, V>`, `Partial<Record<K, V>>`, `{ [k in K]: V }`. */
function keyOfType(type: TSESTree.TypeNode, depth = 0): TSESTree.TypeNode | undefined {
  if (depth > 3) return undefined;
  if (type.type === AST_NODE_TYPES.TSMappedType) return type.constraint;
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const first = type.typeArguments?.params[0];
  if (!first) return undefined;
  if (KEYED_BY_FIRST.has(type.typeName.name)) return first;
  return SAME_KEYS.has(type.typeName.name) ? keyOfType(first, depth + 1) : undefined;
}

/** The key type written for `collection`, at its `new` or on the variable or field it initialises; `undefined` when none is written. */
export function declaredKeyType(collection: Collection): TSESTree.TypeNode | undefined {
  const init = unwrap(collection.init);
  if (init.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier && KEYED_BY_FIRST.has(init.callee.name)) {
    const first = init.typeArguments?.params[0];
    if (first) return first;
  }
  const holder = collection.init.parent;
  const annotation =
    holder.type === AST_NODE_TYPES.VariableDeclarator && holder.init === collection.init
      ? holder.id.typeAnnotation?.typeAnnotation
      : holder.type === AST_NODE_TYPES.PropertyDefinition && holder.value === collection.init
        ? holder.typeAnnotation?.typeAnnotation
        : undefined;
  return annotation ? keyOfType(annotation) : undefined;
}
