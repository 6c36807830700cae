/**
 * The calls of a private method (`private count(…)`, `#count(…)`), which only its own class can
 * make, through `this`: every `this.count(…)` in the class body. A read that is not a call
 * (`this.count.bind(this)`, `handlers.push(this.count)`) hands it on: its calls are then not all in
 * sight, and the answer is `undefined`, as it is for a method that is not private or never called.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { memberName, propertyName, walk } from './ast.js';

export function privateMethodCalls(method: TSESTree.MethodDefinition, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): TSESTree.CallExpression[] | undefined {
  const name = method.computed ? undefined : propertyName(method.key);
  if (name === undefined || (method.accessibility !== 'private' && method.key.type !== AST_NODE_TYPES.PrivateIdentifier)) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  const handedOn = { found: false };
  walk(method.parent, visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.object.type !== AST_NODE_TYPES.ThisExpression || memberName(node) !== name) return;
    if (node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) calls.push(node.parent);
    else handedOn.found = true;
  });
  return handedOn.found || calls.length === 0 ? undefined : calls;
}
