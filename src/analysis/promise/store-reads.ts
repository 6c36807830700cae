/**
 * Reads of what a store already holds (`map.get(k)`, `cache[k]`), and what a value adds to a store
 * it may have come from: `let p = map.get(k); if (!p) { p = load(k); map.set(k, p); }` adds only `load(k)`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { memberName, unwrap } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { resolveIdentifier } from '../syntax/references.js';

/** `map.get(k)`, `cache[k]`, `map.get(k) ?? other`: a read of what a store holds. */
export function isStoreRead(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.LogicalExpression) return isStoreRead(value.left);
  if (value.type === AST_NODE_TYPES.MemberExpression) return value.computed;
  return value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && memberName(value.callee) === 'get';
}

/** What a value adds to a store it may come from: nothing for a read of it, the fallback of `map.get(k) ?? make()`. */
export function newValues(node: TSESTree.Node): TSESTree.Node[] {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator !== '&&' && isStoreRead(value.left)) return newValues(value.right);
  return isStoreRead(value) ? [] : [node];
}

/**
 * Every value a variable is given: its initialiser and what is assigned to it
 * (`let p = map.get(k); if (!p) { p = load(k); … }`). A destructured name holds a part of a value, not one of these.
 */
export function valuesGiven(name: TSESTree.Identifier, model: FileModel): TSESTree.Node[] {
  const variable = resolveIdentifier(model.sourceCode, name);
  const given: TSESTree.Node[] = [];
  for (const def of variable?.defs ?? []) if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && def.node.id.type === AST_NODE_TYPES.Identifier) given.push(def.node.init);
  for (const ref of variable?.references ?? []) {
    const parent = ref.identifier.parent;
    if (ref.isWrite() && parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.identifier) given.push(parent.right);
  }
  return given;
}
