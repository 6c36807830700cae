/**
 * The method a `this.name` call stands for, in the class the call is written in.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { isFunction, memberName, propertyName, unwrap, type FunctionNode } from './ast.js';

/**
 * The method `this.name` stands for, in the class around the member expression (through arrows
 * only): a method, or a field holding a function (`initialize = async () => …`). In a static member
 * `this` is the class, so its static members; elsewhere the instance's.
 */
export function ownMethod(callee: TSESTree.MemberExpression): FunctionNode | undefined {
  const name = memberName(callee);
  if (unwrap(callee.object).type !== AST_NODE_TYPES.ThisExpression || name === undefined) return undefined;
  let body: TSESTree.ClassBody | undefined;
  let member: TSESTree.Node = callee;
  for (let node: TSESTree.Node | undefined = callee.parent; node && !body; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ClassBody) body = node;
    // A `function () {}` has a `this` of its own.
    else if (isFunction(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.parent.type !== AST_NODE_TYPES.MethodDefinition && node.parent.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
    else member = node;
  }
  const isStatic = (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && member.static;
  const found = (body?.body ?? []).flatMap((m): TSESTree.Node[] => {
    if (m.type === AST_NODE_TYPES.MethodDefinition && m.kind === 'method') return m.static === isStatic && !m.computed && propertyName(m.key) === name ? [m.value] : [];
    if (m.type !== AST_NODE_TYPES.PropertyDefinition || m.static !== isStatic || m.computed || propertyName(m.key) !== name || !m.value) return [];
    const value = unwrap(m.value);
    return isFunction(value) ? [value] : [];
  });
  const value = found.length === 1 ? found[0] : undefined;
  return value?.type === AST_NODE_TYPES.FunctionExpression || value?.type === AST_NODE_TYPES.ArrowFunctionExpression ? value : undefined;
}
