/**
 * `client.connect()` of a client the file makes with a library's retrying defaults
 * (catalog/promise-sources `retryingConnectClients`): it settles when the server answers, however
 * long that takes, and never rejects on a lost connection, so keeping it keeps no rejection.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { memberName, propertyName, unwrap, walk } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { valuesGiven } from './store-reads.js';
import { retryingConnectClients } from '../catalog/promise-sources.js';

/** The calls the client held by `holder` (a name, or `this.x`) is made by, in the file: its initialiser and every assignment. */
function makingCalls(holder: TSESTree.Node, model: FileModel): TSESTree.Node[] | undefined {
  const node = unwrap(holder);
  if (node.type === AST_NODE_TYPES.Identifier) return valuesGiven(node, model);
  // `this._client = createClient(…)` anywhere in the class of the call.
  if (node.type !== AST_NODE_TYPES.MemberExpression || unwrap(node.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const field = memberName(node);
  let body: TSESTree.Node | undefined = node.parent;
  while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
  if (!body || field === undefined) return undefined;
  const values: TSESTree.Node[] = [];
  walk(body, model.facts.visitorKeys, (inner) => {
    if (inner.type !== AST_NODE_TYPES.AssignmentExpression || inner.operator !== '=') return;
    const left = unwrap(inner.left);
    if (left.type === AST_NODE_TYPES.MemberExpression && unwrap(left.object).type === AST_NODE_TYPES.ThisExpression && memberName(left) === field) values.push(inner.right);
  });
  return values;
}

/** Whether `made` is `createClient(…)` of a retrying client's module, with no option that stops its retries. */
function madeRetrying(made: TSESTree.Node, method: string, model: FileModel): boolean {
  const call = unwrap(made);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.Identifier ? (unwrap(callee.object) as TSESTree.Identifier).name : undefined;
  const binding = name === undefined ? undefined : model.imports.get(name);
  if (!binding) return false;
  const factory = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : binding.export;
  const spec = retryingConnectClients.find((c) => c.method === method && c.modules.includes(binding.module) && c.factory === factory);
  if (!spec) return false;
  const [options] = call.arguments;
  if (options === undefined) return true;
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  // A strategy of its own (even nested under `socket`) may stop and reject.
  let stops = false;
  walk(options, model.facts.visitorKeys, (inner) => {
    if (inner.type === AST_NODE_TYPES.SpreadElement || (inner.type === AST_NODE_TYPES.Property && propertyName(inner.key) === spec.stopOption)) stops = true;
  });
  return !stops;
}

/** `client.connect()` (or `this._client.connect()`) where every value the file gives the client is made with retrying defaults. */
export function retryingConnect(call: TSESTree.CallExpression, model: FileModel): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  if (method === undefined || !retryingConnectClients.some((c) => c.method === method)) return false;
  const made = makingCalls(callee.object, model);
  return made !== undefined && made.length > 0 && made.every((value) => madeRetrying(value, method, model));
}
