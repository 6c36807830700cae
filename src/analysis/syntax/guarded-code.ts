/**
 * Code a setting never runs, read from the tests around it: inside a branch whose test the setting
 * makes false (`if (t) { … }`, `t && …`, `t ? … : …`), or after a statement of its list that leaves
 * when a test the setting makes true holds (`if (t) return …;`). The setting is a function telling
 * what a test gives there: production (outside-production), a server's first render (first-render).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { unwrap } from './ast.js';

/** What a test gives in a setting: `true`, `false`, or `undefined` when the setting does not decide it. */
export type TestValue = (test: TSESTree.Node) => boolean | undefined;

/** What a test made with `!`, `&&` and `||` gives, from what `leaf` says of its other parts. */
export function combinedValue(test: TSESTree.Node, leaf: TestValue): boolean | undefined {
  const node = unwrap(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    const inner = combinedValue(node.argument, leaf);
    return inner === undefined ? undefined : !inner;
  }
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??') {
    const left = combinedValue(node.left, leaf);
    const right = combinedValue(node.right, leaf);
    if (node.operator === '&&') return left === false || right === false ? false : left === true && right === true ? true : undefined;
    return left === true || right === true ? true : left === false && right === false ? false : undefined;
  }
  return leaf(node);
}

/** Whether `statement` always leaves the code after it: `return`, `throw`, `continue`, `break`, or a block (or a block in a block) ending in one. */
function leaves(statement: TSESTree.Statement): boolean {
  let last: TSESTree.Statement | undefined = statement;
  while (last?.type === AST_NODE_TYPES.BlockStatement) last = last.body.at(-1);
  return (
    last?.type === AST_NODE_TYPES.ReturnStatement ||
    last?.type === AST_NODE_TYPES.ThrowStatement ||
    last?.type === AST_NODE_TYPES.ContinueStatement ||
    last?.type === AST_NODE_TYPES.BreakStatement
  );
}

/** The statements of a list that holds statements in order (a block, the program, a `case`). */
function statementList(node: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  if (node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.Program || node.type === AST_NODE_TYPES.StaticBlock) return node.body;
  if (node.type === AST_NODE_TYPES.SwitchCase) return node.consequent;
  return undefined;
}

/** Whether `child`, a part of `parent`, never runs in the setting: a branch its test closes, or a place after a guard that leaves. */
export function skippedWithin(child: TSESTree.Node, parent: TSESTree.Node, valueOf: TestValue): boolean {
  if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test !== child) {
    const test = valueOf(parent.test);
    if ((parent.consequent === child && test === false) || (parent.alternate === child && test === true)) return true;
  }
  if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child) {
    const left = valueOf(parent.left);
    if ((parent.operator === '&&' && left === false) || (parent.operator === '||' && left === true)) return true;
  }
  const list = statementList(parent);
  if (!list) return false;
  for (const statement of list) {
    if (statement === child) return false;
    if (statement.type === AST_NODE_TYPES.IfStatement && leaves(statement.consequent) && valueOf(statement.test) === true) return true;
  }
  return false;
}
