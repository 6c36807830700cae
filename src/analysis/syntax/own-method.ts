/**
 * The method a `this.name` call stands for, in the class the call is written in.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { isFunction, memberName, propertyName, unwrap, type FunctionNode } from './ast.js';

/** The method `this.name` stands for, in the class around the member expression (through arrows only). */
export function ownMethod(callee: TSESTree.MemberExpression): FunctionNode | undefined {
  const name = memberName(callee);
  if (unwrap(callee.object).type !== AST_NODE_TYPES.ThisExpression || name === undefined) return undefined;
  let body: TSESTree.ClassBody | undefined;
  for (let node: TSESTree.Node | undefined = callee.parent; node && !body; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ClassBody) body = node;
    // A `function () {}` has a `this` of its own.
    else if (isFunction(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.parent.type !== AST_NODE_TYPES.MethodDefinition && node.parent.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
  }
  const found = (body?.body ?? []).filter((m): m is TSESTree.MethodDefinition => m.type === AST_NODE_TYPES.MethodDefinition && !m.static && m.kind === 'method' && !m.computed && propertyName(m.key) === name);
  const value = found.length === 1 ? found[0]?.value : undefined;
  return value?.type === AST_NODE_TYPES.FunctionExpression ? value : undefined;
}
