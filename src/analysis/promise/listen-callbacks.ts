/**
 * `new Promise((resolve, reject) => { server.listen(port, (err) => { if (err) return reject(err); resolve(); }); })`
 * with `server` a Node core server (`http.createServer(…)`): `listen` calls its callback with no
 * argument, so the `reject` it guards never runs, and a failure to listen is an 'error' event, not
 * this promise's rejection. Such a promise cannot reject.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { enclosingFunction, isFunction, memberName, unwrap, type FunctionNode } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { resolveIdentifier } from '../syntax/references.js';
import { isModuleFunction } from '../syntax/import-table.js';
import { coreServerFactories, coreServerModules } from '../catalog/promise-sources.js';
import { valuesGiven } from './store-reads.js';
import { writesThrow } from './returns-promise.js';

/** `http.createServer(…)`, `createServer(…)` imported from a core module. */
function makesCoreServer(value: TSESTree.Node, model: FileModel): boolean {
  const call = unwrap(value);
  return call.type === AST_NODE_TYPES.CallExpression && isModuleFunction(call.callee, model.imports, coreServerModules, coreServerFactories);
}

/** The `listen` callback `fn` is, when it is the last argument of `server.listen(…)` on a core server. */
function isCoreListenCallback(fn: FunctionNode, model: FileModel): boolean {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[call.arguments.length - 1] !== fn) return false;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'listen') return false;
  const server = unwrap(callee.object);
  if (makesCoreServer(server, model)) return true;
  if (server.type !== AST_NODE_TYPES.Identifier) return false;
  const given = valuesGiven(server, model);
  return given.length > 0 && given.every((value) => makesCoreServer(value, model));
}

/** Whether `node` runs only when `param` is truthy: in the consequent of `if (param)` or `param ? … : …`, or after `param &&`. */
function guardedBy(node: TSESTree.Node, param: TSESTree.Identifier, fn: FunctionNode): boolean {
  const isParam = (test: TSESTree.Node): boolean => {
    const value = unwrap(test);
    return value.type === AST_NODE_TYPES.Identifier && value.name === param.name;
  };
  for (let child: TSESTree.Node = node, parent = node.parent; parent && child !== fn; child = parent, parent = parent.parent) {
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.consequent === child && isParam(parent.test)) return true;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.right === child && isParam(parent.left)) return true;
  }
  return false;
}

/** A `new Promise` whose executor throws nothing and calls `reject` only on the error argument of a core server's `listen` callback. */
export function rejectsOnlyOnListenErrors(node: TSESTree.Node, model: FileModel): boolean {
  const made = unwrap(node);
  if (made.type !== AST_NODE_TYPES.NewExpression || made.callee.type !== AST_NODE_TYPES.Identifier || made.callee.name !== 'Promise') return false;
  const executor = made.arguments[0];
  const reject = isFunction(executor) && executor.params.length === 2 ? executor.params[1] : undefined;
  if (!executor || !isFunction(executor) || reject?.type !== AST_NODE_TYPES.Identifier) return false;
  if (writesThrow(executor, model.facts)) return false;
  const uses = resolveIdentifier(model.sourceCode, reject)?.references.map((ref) => ref.identifier) ?? [];
  return uses.length > 0 && uses.every((use) => {
    const call = use.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== use) return false;
    const callback = enclosingFunction(call);
    const errorParam = callback?.params[0];
    return callback !== undefined && callback !== executor && errorParam?.type === AST_NODE_TYPES.Identifier && isCoreListenCallback(callback, model) && guardedBy(call, errorParam, callback);
  });
}
