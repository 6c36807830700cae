/**
 * Whether a store keeps only settled values, never a promise: every write stores an awaited value,
 * or the value a fulfilment handler receives (`p.then((v) => { cache.set(k, v); return v; })`), or
 * is reached only after a branch that handles the promise case and returns
 * (`if (isPromise(value)) return value.then(…); cache.set(k, value);`). And whether a promise is
 * read inside its own fulfilment handler (`p.then(() => cache.set(k, p))`), where it has resolved.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { enclosingFunction, isFulfilmentArgument, isFunction, memberName, unwrap } from '../syntax/ast.js';
import { resolveIdentifier } from '../syntax/references.js';

/**
 * `promise.then(() => { cache.set(url, promise); })`: the name read inside the fulfilment handler of
 * the very promise it holds (a `const`, or a variable given no other value), which has resolved by
 * then and can no longer reject.
 */
export function readInOwnFulfilment(name: TSESTree.Identifier, sourceCode: Readonly<SourceCode>): boolean {
  const handler = enclosingFunction(name);
  const call = handler?.parent;
  if (!handler || !isFulfilmentArgument(handler, call) || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const promise = unwrap(call.callee.object);
  if (promise.type !== AST_NODE_TYPES.Identifier || promise.name !== name.name) return false;
  const variable = resolveIdentifier(sourceCode, name);
  return variable !== undefined && variable === resolveIdentifier(sourceCode, promise) && variable.references.every((ref) => !ref.isWrite() || ref.init === true);
}

/** The value a fulfilment handler around `node` receives, when `value` is exactly that. */
function isFulfilledValue(value: TSESTree.Node, node: TSESTree.Node): boolean {
  const stored = unwrap(value);
  if (stored.type !== AST_NODE_TYPES.Identifier) return false;
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const call = current.parent;
    const first = current.params[0];
    return (
      call.type === AST_NODE_TYPES.CallExpression &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(call.callee) === 'then' &&
      call.arguments[0] === current &&
      first?.type === AST_NODE_TYPES.Identifier &&
      first.name === stored.name
    );
  }
  return false;
}

/** Whether a statement always ends in `return` (or `throw`). */
function alwaysLeaves(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body[statement.body.length - 1];
    return last !== undefined && alwaysLeaves(last);
  }
  return false;
}

/** The write's statement follows, in its block, an `if` whose branch stores a fulfilled value and leaves. */
function afterPromiseBranch(write: TSESTree.Node, resolvedWrites: readonly TSESTree.Node[]): boolean {
  let statement: TSESTree.Node = write;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.BlockStatement && !isFunction(statement.parent)) statement = statement.parent;
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const index = block.body.indexOf(statement as TSESTree.Statement);
  return block.body.slice(0, index).some(
    (earlier) =>
      earlier.type === AST_NODE_TYPES.IfStatement &&
      !earlier.alternate &&
      alwaysLeaves(earlier.consequent) &&
      resolvedWrites.some((w) => w.range[0] >= earlier.consequent.range[0] && w.range[1] <= earlier.consequent.range[1]),
  );
}

/** `writes`: each store write and the value it stores. */
export function storesOnlySettledValues(writes: readonly { node: TSESTree.Node; value: TSESTree.Node }[]): boolean {
  if (writes.length === 0) return false;
  const resolved = writes.filter((w) => isFulfilledValue(w.value, w.node)).map((w) => w.node);
  if (resolved.length === 0) return false;
  return writes.every((w) => unwrap(w.value).type === AST_NODE_TYPES.AwaitExpression || resolved.includes(w.node) || afterPromiseBranch(w.node, resolved));
}
