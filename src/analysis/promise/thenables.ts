/**
 * Values that are themselves promises: a class whose instances are thenables, and a function that
 * returns a thenable it builds (an object literal with a `then`, or a `Proxy` whose `get` trap answers
 * `then`). A slot such a value keeps for its own result settles once; giving its later callers the
 * same outcome again is what a promise does, not a cache replaying a failure.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { isFunction, propertyName, unwrap, walkNodes, type FunctionNode } from '../syntax/ast.js';
import { resolveIdentifier, valueDef } from '../syntax/references.js';
import type { FileModel } from '../model/file-model.js';
import { returnedExpressions } from './returns-promise.js';

const THEN = 'then';

/** A class whose instances are promises: it extends `Promise`, or has its own `then` method. */
export function isThenableClass(body: TSESTree.ClassBody): boolean {
  const superClass = body.parent.superClass;
  if (superClass?.type === AST_NODE_TYPES.Identifier && superClass.name === 'Promise') return true;
  return body.body.some((member) => member.type === AST_NODE_TYPES.MethodDefinition && !member.static && !member.computed && propertyName(member.key) === THEN);
}

/** `{ then(resolve, reject) { … } }`: an object literal with its own `then`. */
function isThenableLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ObjectExpression && node.properties.some((p) => p.type === AST_NODE_TYPES.Property && !p.computed && propertyName(p.key) === THEN);
}

/** Whether `fn` compares something with the string `'then'` (`prop === 'then'`, `case 'then':`). */
function answersThen(fn: TSESTree.Node, model: FileModel): boolean {
  const isThen = (node: TSESTree.Node | null | undefined): boolean => node?.type === AST_NODE_TYPES.Literal && node.value === THEN;
  let found = false;
  walkNodes(fn, model.facts.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '===' || node.operator === '==') && (isThen(node.left) || isThen(node.right))) found = true;
    else if (node.type === AST_NODE_TYPES.SwitchCase && isThen(node.test)) found = true;
    return !found;
  });
  return found;
}

/** `new Proxy(target, { get(_, prop) { if (prop === 'then') … } })`: a proxy that can be awaited. */
function isThenableProxy(node: TSESTree.Node, model: FileModel): boolean {
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Proxy') return false;
  const handler = node.arguments[1] ? unwrap(node.arguments[1]) : undefined;
  if (handler?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const get = handler.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && propertyName(p.key) === 'get');
  return get !== undefined && isFunction(get.value) && answersThen(get.value, model);
}

/** Whether a value `fn` returns is a thenable it builds, written in the return or in a local it returns. */
export function returnsBuiltThenable(fn: FunctionNode, model: FileModel): boolean {
  return returnedExpressions(fn, model.facts).some((returned) => {
    let value = unwrap(returned);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const def = valueDef(resolveIdentifier(model.sourceCode, value))?.node;
      if (def?.type !== AST_NODE_TYPES.VariableDeclarator || !def.init || def.parent.kind !== 'const') return false;
      value = unwrap(def.init);
    }
    return isThenableLiteral(value) || isThenableProxy(value, model);
  });
}
