/**
 * Whether a cache grows with requests: its key comes from a request (key-source), nothing checked
 * it before the write (key-guards), and the write runs in production.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { enclosingFunction, isFunction } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { callsInSight, fromRequest } from './key-source.js';
import { validatedBefore } from './key-guards.js';
import { keyParameters } from './key-parameters.js';
import { keyedIndexes } from '../model/key-args.js';
import { outsideProduction } from '../syntax/outside-production.js';

/**
 * Whether a key written or looked up at `at` can take a new value for each request. Code that never
 * runs in production (a development-only route, a debug helper behind a `NODE_ENV` guard) takes none.
 */
export function keyGrowsWithRequests(key: TSESTree.Node | undefined, at: TSESTree.Node, model: FileModel): boolean {
  if (outsideProduction(at, model.program, model.sourceCode.text)) return false;
  if (!key) return true;
  if (!fromRequest(key, model, 0)) return false;
  return !validatedBefore(key, at, model);
}

/**
 * Whether a write keyed by its function's own parameter grows with requests through this file's
 * calls alone: `increment(\`http.requests.${res.statusCode}\`)` from a middleware, with `increment`
 * exported too. `true` when the key is not such a parameter or the calls are not all in sight
 * (other files' calls are the cross-file reach's to judge). A call passing the caller's own parameter
 * is judged the same way, a few callers up.
 */
export function keyGrowsThroughCallsHere(key: TSESTree.Node | undefined, at: TSESTree.Node, model: FileModel, depth = 0): boolean {
  // The function whose parameter the key is: the one around the write, or one around the callback it is in.
  const keyArgs = key ? keyParameters([{ key, at }], model) : undefined;
  let fn = enclosingFunction(at);
  while (fn && !keyArgs?.has(fn)) fn = enclosingFunction(fn);
  const keyArg = fn ? keyArgs?.get(fn) : undefined;
  const indexes = keyArg === undefined ? undefined : keyedIndexes(keyArg);
  const last = indexes?.at(-1);
  if (!fn || !indexes || last === undefined || indexes.some((index) => fn.params[index]?.type === AST_NODE_TYPES.RestElement)) return true;
  const inSight = callsInSight(fn, model, true);
  if (!inSight || inSight.some((call) => call.arguments.slice(0, last + 1).some((arg) => arg.type === AST_NODE_TYPES.SpreadElement))) return true;
  // The calls a request runs decide; one made at start-up (`loadAuthPlugins` over a folder) adds no entry per request.
  const path = model.handlerPath();
  const onPath = inSight.filter((call) => path.isOnPath(call));
  const calls = onPath.length > 0 ? onPath : inSight;
  // An argument that is the caller's own parameter grows only through the caller's calls in turn
  // (`consumeCooldown(secret)` from a handler that checked `secret` first).
  return calls.some((call) =>
    indexes.some((index) => {
      const arg = call.arguments[index];
      return arg !== undefined && keyGrowsWithRequests(arg, call, model) && (depth >= MAX_CALLER_HOPS || keyGrowsThroughCallsHere(arg, call, model, depth + 1));
    }),
  );
}

/** How many callers up `keyGrowsThroughCallsHere` follows a key that is a parameter all the way. */
const MAX_CALLER_HOPS = 3;

/** The key of a write: `c.set(k, v)`, `c[k] = v`, `s.add(k)`, `loader.load(k)`. */
export function writeKey(write: TSESTree.Node): TSESTree.Node | undefined {
  if (write.type === AST_NODE_TYPES.CallExpression) return write.arguments[0];
  if (write.type === AST_NODE_TYPES.AssignmentExpression && write.left.type === AST_NODE_TYPES.MemberExpression) return write.left.property;
  return undefined;
}

/**
 * Whether calls of a memoized function can add an entry per request: a call whose keyed arguments
 * grow with requests, or no call in sight (exported, registered as a handler, handed elsewhere).
 */
export function memoizedCallsGrow(calls: readonly TSESTree.CallExpression[], firstArgOnly: boolean, model: FileModel): boolean {
  if (calls.length === 0) return true;
  return calls.some((call) => {
    const keyed = (firstArgOnly ? call.arguments.slice(0, 1) : call.arguments).filter((a) => !isFunction(a));
    return keyed.some((arg) => keyGrowsWithRequests(arg, call, model));
  });
}
