/**
 * How a stored promise settles, and so whether a cache keeps a rejection: a promise that ends in a
 * non-rethrowing `.catch`, a `new Promise` that never rejects, or a call whose callee catches
 * everything it awaits cannot reject; a store whose entry is removed when the promise rejects (in a
 * `.catch`, `.finally`, `.then(_, onRejected)`, a catch block, or a release closure called from one)
 * does not keep it, nor does a memoizer whose function removes its own entry when it rejects.
 * Callees are followed through this file and, one level, into the project.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, enclosingFunction, functionName, isEmptyValue, isFulfilmentArgument, isFunction, memberName, ownedCalleeName, promiseHandlerKind, unwrap, walk, type FunctionNode } from '../syntax/ast.js';
import { bodyCannotFail, failsOnlyOnItsInput, isCaughtChain, isPromiseExpression, neverRejectingPromise, plainResult, returnedExpressions, returnsRejectablePromise } from './returns-promise.js';
import { isThenable, typeOf } from '../syntax/type-tools.js';
import type { FileModel, MemoizerCall } from '../model/file-model.js';
import { localPromiseCalls, promiseSources } from '../catalog/promise-sources.js';
import { oneShotTimers, schedulingFunctions } from '../catalog/timers.js';
import { answerParsers } from '../catalog/synchronous-builtins.js';
import { quietCollectionMethods } from '../catalog/collection-methods.js';
import { lazyClientFactories, listenerMethods } from '../catalog/client-factories.js';
import type { Collection } from '../model/file-model.js';
import { functionOfVariable, onlyValueDef, resolveIdentifier, valueDef } from '../syntax/references.js';
import { ownMethod } from '../syntax/own-method.js';
import { memoizedBinding, ownCacheRemovals } from '../memoizer/memoized-binding.js';
import { importedFunction } from './imported-functions.js';
import { picksOnly, loadRetryWouldNotFix } from './module-loads.js';
import { newValues, valuesGiven } from './store-reads.js';
import { rejectsOnlyOnListenErrors } from './listen-callbacks.js';
import { retryingConnect } from './retrying-connects.js';
import { resultErrorClientCall } from './result-error-clients.js';
import { readInOwnFulfilment } from './resolved-stores.js';
import { perRequestParts, requestObjectName } from '../catalog/handler-catalog.js';

/**
 * A call whose promise cannot reject: a caught chain, or a call of a function (of this file, or
 * exported by another file of the project) that catches everything it could throw.
 */
export function callCannotReject(call: TSESTree.CallExpression, model: FileModel): boolean {
  if (isCaughtChain(call, model.facts)) return true;
  // `client.connect()` of a node-redis client on its default strategy: it waits for the server instead of rejecting.
  if (retryingConnect(call, model)) return true;
  // `supabase.from('t').select()`: every failure comes back as `{ error }`.
  if (resultErrorClientCall(call, model)) return true;
  // `crypto.subtle.importKey(…)`: work in the process, which fails the same way for the same arguments.
  if (localPromiseCalls.has(ownedCalleeName(call.callee) ?? '')) return true;
  // `await Promise.all([import('a').catch(() => null), …])`, `await Promise.allSettled(…)`.
  if (!combining.has(call)) {
    combining.add(call);
    try {
      if (combinesSafePromises(call, model, 0)) return true;
    } finally {
      combining.delete(call);
    }
  }
  const callee = unwrap(call.callee);
  if (isFunction(callee)) return cannotReject(callee, model);
  // `this.load()`: a method of the class the call is written in.
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? ownMethod(callee) : undefined;
  if (method) return cannotReject(method, model);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(model.sourceCode, callee);
  // A parameter is whatever the caller passes (its definition node is the function that takes it).
  const kind: string | undefined = valueDef(variable)?.type;
  if (kind === 'Parameter') return false;
  const local = functionOfVariable(variable);
  if (local) return cannotReject(local, model);
  // One level into the project: the imported function's own callees are not followed further.
  if (evaluating.size > 0) return false;
  const imported = importedFunction(model, callee.name);
  return imported !== undefined && cannotReject(imported.fn, imported.model);
}

/**
 * A call that cannot throw (its arguments aside): a plain (not async) function of this file whose
 * body cannot fail (`localUrl()` returning a template of constants), a timer being set or cleared
 * (`setTimeout(again, wait)`), bookkeeping on a `Map` or `Set` the file makes (`timeouts.delete(name)`),
 * a listener being added (`client.on('error', log)`), or a client made without I/O (`createClient({ url })`).
 */
export function callCannotThrow(call: TSESTree.CallExpression | TSESTree.NewExpression, model: FileModel): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && madeWithoutIO(callee, model)) return true;
  if (call.type === AST_NODE_TYPES.NewExpression) return false;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return ownCollectionCall(callee, model) || addsListener(call, callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(model.sourceCode, callee);
  // A global timer function, not a name of the file's own.
  if (schedulingFunctions.has(callee.name) && (variable?.defs.length ?? 0) === 0) return true;
  const fn = functionOfVariable(variable);
  if (!fn || fn.async || fn.generator || evaluating.has(fn)) return false;
  evaluating.add(fn);
  try {
    return bodyCannotFail(fn, model.facts);
  } finally {
    evaluating.delete(fn);
  }
}

/** `createClient`, `new Redis(…)`, `new MongoClient(…)` imported from the library that makes the client without connecting. */
function madeWithoutIO(callee: TSESTree.Identifier, model: FileModel): boolean {
  const binding = model.imports.get(callee.name);
  return binding !== undefined && lazyClientFactories.get(binding.module)?.has(binding.export) === true;
}

/** `client.on('error', (e) => …)`: an event name and a listener written in place. */
function addsListener(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): boolean {
  const [event, listener] = call.arguments;
  return listenerMethods.has(memberName(callee) ?? '') && event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && listener !== undefined && isFunction(listener) && call.arguments.length === 2;
}

/** `pending.delete(name)` on a `const pending = new Map()` (or a `let` never given anything else): a method that cannot throw. */
function ownCollectionCall(callee: TSESTree.MemberExpression, model: FileModel): boolean {
  const holder = unwrap(callee.object);
  if (callee.computed || holder.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(model.sourceCode, holder);
  const def = onlyValueDef(variable);
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return false;
  const init = unwrap(def.node.init);
  const methods = init.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier ? quietCollectionMethods.get(init.callee.name) : undefined;
  if (!methods?.has(memberName(callee) ?? '')) return false;
  return def.node.parent.kind === 'const' || variable.references.every((ref) => !ref.isWrite() || ref.init === true);
}

/** Names whose values are being worked out: a name that leads back to itself holds nothing known. */
const naming = new Set<Scope.Variable>();

/**
 * A name that holds no promise: a `const` given a plain value (see `plainResult`: a literal, a
 * template, an environment read, an awaited value, a choice between such values, or the result of a
 * plain function of the file that cannot fail: `const localUrl = lambdaUrl();`).
 */
export function holdsPlainValue(name: TSESTree.Identifier, model: FileModel): boolean {
  const variable = resolveIdentifier(model.sourceCode, name);
  const def = onlyValueDef(variable);
  if (!variable || naming.has(variable) || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.parent.kind !== 'const' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return false;
  naming.add(variable);
  try {
    return plainResult(def.node.init, model.facts);
  } finally {
    naming.delete(variable);
  }
}

/** `Promise.all(…)` calls being worked out from `callCannotReject`: a name that leads back to one answers "can reject". */
const combining = new Set<TSESTree.CallExpression>();

/** Functions whose rejections are being worked out: a recursion through them answers "can reject". */
const evaluating = new Set<FunctionNode>();

function cannotReject(fn: FunctionNode, model: FileModel): boolean {
  if (evaluating.has(fn)) return false;
  evaluating.add(fn);
  try {
    return !returnsRejectablePromise(fn, fn, model.facts, undefined);
  } finally {
    evaluating.delete(fn);
  }
}

/** `Promise.resolve(x)`: its argument (`null` when it has none), or `undefined` for any other expression. */
function promiseResolveArgument(node: TSESTree.Node): TSESTree.Node | null | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (calleeName(node.callee.object) !== 'Promise' || memberName(node.callee) !== 'resolve') return undefined;
  const arg = node.arguments[0];
  return arg === undefined || arg.type === AST_NODE_TYPES.SpreadElement ? null : arg;
}

/** A call of a function another file of the project exports, which returns a promise that can reject. */
function importedRejects(call: TSESTree.CallExpression, model: FileModel): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || evaluating.size > 0) return false;
  const kind: string | undefined = valueDef(resolveIdentifier(model.sourceCode, callee))?.type;
  if (kind !== 'ImportBinding') return false;
  const imported = importedFunction(model, callee.name);
  if (!imported) return false;
  evaluating.add(imported.fn);
  try {
    return returnsRejectablePromise(imported.fn, imported.fn, imported.model.facts, undefined);
  } finally {
    evaluating.delete(imported.fn);
  }
}

/**
 * `queue.add(() => load(k))` on a `new PQueue()`, `limit(() => load(k))` on a `pLimit(2)`: the
 * call returns the task's promise, which rejects when the task does.
 */
function queuedTask(call: TSESTree.CallExpression, model: FileModel): boolean {
  const callee = unwrap(call.callee);
  const holder = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : callee;
  if (holder.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(model.sourceCode, holder);
  const def = valueDef(variable)?.node;
  const init = def?.type === AST_NODE_TYPES.VariableDeclarator && def.init ? unwrap(def.init) : undefined;
  if (init?.type !== AST_NODE_TYPES.NewExpression && init?.type !== AST_NODE_TYPES.CallExpression) return false;
  const maker = unwrap(init.callee);
  const binding = maker.type === AST_NODE_TYPES.Identifier ? model.imports.get(maker.name) : undefined;
  const source = binding ? promiseSources.find((s) => s.module === binding.module && (s.export === binding.export || binding.export === '*')) : undefined;
  if (!source) return false;
  // A task that catches everything cannot make the queue's promise reject.
  const task = call.arguments[0];
  if (isFunction(task) && task.async && cannotReject(task, model)) return false;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return source.methods.length === 0;
  return source.methods.includes(memberName(callee) ?? '');
}

/** What an expression can settle as, when stored: `'safe'` (cannot reject), `'promise'` (can), `'value'` (not a promise). */
export function settles(value: TSESTree.Node, model: FileModel, depth = 0): 'safe' | 'promise' | 'value' {
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.AwaitExpression) return 'value';
  // `promise.then(() => cache.set(url, promise))`: stored once it has resolved.
  if (node.type === AST_NODE_TYPES.Identifier && readInOwnFulfilment(node, model.sourceCode)) return 'safe';
  if (isCaughtChain(node, model.facts) || neverRejectingPromise(node, model.facts) || rejectsOnlyOnListenErrors(node, model)) return 'safe';
  if (node.type === AST_NODE_TYPES.CallExpression && callCannotReject(node, model)) return 'safe';
  if (node.type === AST_NODE_TYPES.CallExpression && depth < 3 && combinesSafePromises(node, model, depth)) return 'safe';
  if (node.type === AST_NODE_TYPES.ConditionalExpression && depth < 3) {
    const kinds = [settles(node.consequent, model, depth + 1), settles(node.alternate, model, depth + 1)];
    if (kinds.includes('promise')) return 'promise';
    if (kinds.includes('safe')) return 'safe';
  }
  // `Promise.resolve(x)` settles as `x` does; a plain value makes a promise that cannot reject.
  const resolved = promiseResolveArgument(node);
  if (resolved !== undefined) {
    if (resolved === null) return 'safe';
    const inner = unwrap(resolved);
    if (inner.type === AST_NODE_TYPES.CallExpression) return callCannotReject(inner, model) ? 'safe' : 'promise';
    return depth < 3 && settles(inner, model, depth + 1) === 'promise' ? 'promise' : 'safe';
  }
  if (isPromiseExpression(node, model.facts)) return 'promise';
  if (node.type === AST_NODE_TYPES.CallExpression && (importedRejects(node, model) || queuedTask(node, model))) return 'promise';
  if (node.type === AST_NODE_TYPES.Identifier && depth < 3) {
    // Every value the variable is given: `let p = map.get(k); if (!p) { p = load(k); … }`
    // (`const { resolve } = Promise.withResolvers()`: a destructured name holds a part of the value, not the value).
    const given = valuesGiven(node, model);
    // Reading back what the store already holds (`let p = map.get(k)`) adds nothing new to it; with a
    // fallback (`map.get(k) ?? Promise.resolve()`), the fallback is what is new.
    const kinds = given.flatMap((g) => newValues(g)).map((g) => settles(g, model, depth + 1));
    if (kinds.includes('promise')) return 'promise';
    if (kinds.includes('safe')) return 'safe';
  }
  if (!model.types) return 'value';
  const type = typeOf(model.types, node);
  return type !== undefined && isThenable(model.types, type) ? 'promise' : 'value';
}

/**
 * `Promise.allSettled(…)`, `Promise.all([a, b])` whose every element cannot reject, or such a promise
 * followed by `.then(([x, y]) => x && y)` (a callback that only picks): none of them can reject.
 */
function combinesSafePromises(call: TSESTree.CallExpression, model: FileModel, depth: number): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  const object = unwrap(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise') {
    if (method === 'allSettled') return true;
    const list = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    // `Promise.all(handlers.map((h) => run(h).catch(log)))`: every element made by a callback whose results cannot reject.
    const mapper = list?.type === AST_NODE_TYPES.CallExpression && list.callee.type === AST_NODE_TYPES.MemberExpression && memberName(list.callee) === 'map' ? list.arguments[0] : undefined;
    if (method === 'all' && mapper && isFunction(mapper)) {
      const results = returnedExpressions(mapper, model.facts);
      return results.length > 0 && results.every((r) => settles(r, model, depth + 1) === 'safe');
    }
    if (method !== 'all' || list?.type !== AST_NODE_TYPES.ArrayExpression) return false;
    // `Promise.all([])` (every element commented out) resolves to `[]`.
    return list.elements.every((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && settles(e, model, depth + 1) === 'safe');
  }
  const [onFulfilled] = call.arguments;
  if (method !== 'then' || call.arguments.length !== 1 || onFulfilled === undefined) return false;
  return fulfilmentCannotFail(onFulfilled, model, depth) && settles(object, model, depth + 1) === 'safe';
}

/**
 * A fulfilment callback that cannot fail, so that after a promise that cannot reject the chain cannot
 * either: one that only picks (`([x, y]) => x && y`), does its work and returns nothing, gives back a
 * promise that cannot reject (`() => gate`), or whose body is made of steps that cannot fail and
 * returns plain values or its own argument (`(base) => { cached = base; return base; }`: what a
 * promise fulfils with is never itself a promise).
 */
function fulfilmentCannotFail(fn: TSESTree.Node, model: FileModel, depth: number): boolean {
  const node = unwrap(fn);
  if (!isFunction(node)) return false;
  if (node.async) return cannotReject(node, model);
  if (picksOnly(node, model) || finishesInPlace(node, model)) return true;
  if (node.body.type !== AST_NODE_TYPES.BlockStatement && depth < 3 && settles(node.body, model, depth + 1) === 'safe') return true;
  const own = new Set(node.params.flatMap((p) => (p.type === AST_NODE_TYPES.Identifier ? [p] : [])));
  const body = node.body;
  const holdsPlainValue = (name: TSESTree.Identifier, depth = 0): boolean => {
    const def = valueDef(resolveIdentifier(model.sourceCode, name));
    if ((def !== undefined && (def.type as string) === 'Parameter' && def.name.type === AST_NODE_TYPES.Identifier && own.has(def.name)) || model.facts.holdsPlainValue?.(name) === true) return true;
    // `(value) => { cached = value ?? FALLBACK; return cached; }`: a name the handler has just given a plain value.
    const given = depth < 2 ? lastAssignedBefore(body, name) : undefined;
    return given !== undefined && plainFrom(given, (inner) => holdsPlainValue(inner, depth + 1));
  };
  // `(response) => { if (response?.success) return [...shuffle(response.data)]; return []; }`: a handler
  // that awaits nothing fails, if at all, the same way for the same answer, unless it parses it.
  const facts = { ...model.facts, holdsPlainValue };
  return bodyCannotFail(node, facts) || (failsOnlyOnItsInput(node, facts) && !parsesText(node, model));
}

/** Whether a function calls a parser of text (`JSON.parse(text)`) itself. */
function parsesText(fn: FunctionNode, model: FileModel): boolean {
  let found = false;
  walk(fn.body, model.facts.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && answerParsers.has(ownedCalleeName(node.callee) ?? '')) found = true;
  });
  return found;
}

/** The value the last top-level statement of `body` before `name`'s position gives `name` (`cached = value ?? FALLBACK;`). */
function lastAssignedBefore(body: TSESTree.Node, name: TSESTree.Identifier): TSESTree.Expression | undefined {
  if (body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  let given: TSESTree.Expression | undefined;
  for (const statement of body.body) {
    if (statement.range[1] > name.range[0]) break;
    const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? unwrap(statement.expression) : undefined;
    if (expression?.type !== AST_NODE_TYPES.AssignmentExpression || expression.left.type !== AST_NODE_TYPES.Identifier || expression.left.name !== name.name) continue;
    given = expression.operator === '=' ? expression.right : undefined;
  }
  return given;
}

/** A literal, a name that holds a plain value, or `a ?? b` / `a || b` of those: never a promise. */
function plainFrom(value: TSESTree.Node, plainName: (name: TSESTree.Identifier) => boolean): boolean {
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return true;
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'undefined' || plainName(node);
  if (node.type === AST_NODE_TYPES.LogicalExpression) return plainFrom(node.left, plainName) && plainFrom(node.right, plainName);
  return false;
}

/**
 * A fulfilment callback that does its work and returns nothing (`() => { pending.delete(id); el.removeAttribute('x'); }`):
 * no `throw`, no `await`, no `return` of a value. After a promise that cannot reject, the chain cannot either.
 */
function finishesInPlace(fn: TSESTree.Node, model: FileModel): boolean {
  const node = unwrap(fn);
  if (!isFunction(node) || node.async || node.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  let quiet = true;
  walk(node.body, model.facts.visitorKeys, (inner) => {
    if (inner.type === AST_NODE_TYPES.ThrowStatement || inner.type === AST_NODE_TYPES.AwaitExpression) quiet = false;
    if (inner.type === AST_NODE_TYPES.ReturnStatement && inner.argument !== null && enclosingFunction(inner) === node) quiet = false;
  });
  return quiet;
}

/** Whether a stored value is a promise that can reject. */
export function storesRejectablePromise(value: TSESTree.Node, model: FileModel): boolean {
  return settles(value, model, 0) === 'promise';
}

/**
 * Whether `fn` runs when the promise rejects: `.catch(fn)`, `.finally(fn)`, `.then(_, fn)`, or any
 * handler chained after a `.catch` that does not rethrow (`p.catch(log).then(cleanup)` cleans up
 * on every outcome).
 */
function isRejectionHandler(fn: TSESTree.Node, call: TSESTree.CallExpression, model: FileModel): boolean {
  if (promiseHandlerKind(fn, call) !== undefined) return true;
  return isFulfilmentArgument(fn, call) && call.callee.type === AST_NODE_TYPES.MemberExpression && isCaughtChain(call.callee.object, model.facts);
}

/**
 * Whether `node` runs when the promise rejects: in a catch / finally block, or in a rejection
 * handler, inline or named (`const clear = () => map.delete(k); p.then(clear, clear)`), or in a
 * release closure called from one of those (`(err) => { release(); throw err; }`).
 */
/**
 * `reject` of a `new Promise((resolve, reject) => …)` executor around `id`'s position, or a variable
 * the executor hands it to and that holds nothing else but emptiness (`signInReject = reject` in the
 * executor, `signInReject = null` elsewhere), or a parameter of a function of the file that every call
 * hands such a `reject` (`const failAndReset = (reject) => { slot = null; reject(err); }` called as
 * `failAndReset(reject)` in the executor): calling it rejects that promise.
 */
function isExecutorReject(id: TSESTree.Identifier, model: FileModel, aliased = false): boolean {
  const variable = resolveIdentifier(model.sourceCode, id);
  const def = valueDef(variable);
  const owner = (def?.type as string | undefined) === 'Parameter' ? def?.node : undefined;
  if (owner) {
    if (!isFunction(owner)) return false;
    const made = owner.parent;
    if (made.type === AST_NODE_TYPES.NewExpression && made.arguments[0] === owner) {
      return owner.params[1]?.type === AST_NODE_TYPES.Identifier && owner.params[1].name === id.name && made.callee.type === AST_NODE_TYPES.Identifier && made.callee.name === 'Promise';
    }
    const at = owner.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === id.name);
    const name = functionName(owner);
    if (aliased || at < 0 || name === undefined) return false;
    const calls = model.calls.filter((call) => call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === name);
    return calls.length > 0 && calls.every((call) => {
      const handed = call.arguments[at];
      return handed?.type === AST_NODE_TYPES.Identifier && isExecutorReject(handed, model, true);
    });
  }
  if (aliased || !variable) return false;
  const values = variable.references.flatMap((ref) => (ref.writeExpr ? [unwrap(ref.writeExpr)] : []));
  const handed = values.filter((value) => !isEmptyValue(value));
  return handed.length > 0 && handed.every((value) => value.type === AST_NODE_TYPES.Identifier && isExecutorReject(value, model, true));
}

/**
 * A statement beside `node`'s own in its block that rejects the executor's promise: `slot = null;
 * reject(err);`, or after it `if (err) return reject(err);` or a statement that hands `reject` on
 * (`scheduled = null; batchFn(keys).then(resolve, reject);`): the removal ran first, whatever the
 * outcome. A `return reject(…)` or an `if` that rejects before the removal leaves it to success only.
 */
function besideExecutorReject(node: TSESTree.Node, model: FileModel): boolean {
  let statement: TSESTree.Node = node;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.BlockStatement && !isFunction(statement.parent)) statement = statement.parent;
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const at = block.body.indexOf(statement as TSESTree.Statement);
  const rejectCall = (s: TSESTree.Statement): boolean => {
    const call = s.type === AST_NODE_TYPES.ExpressionStatement ? unwrap(s.expression) : s.type === AST_NODE_TYPES.ReturnStatement && s.argument ? unwrap(s.argument) : undefined;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier && isExecutorReject(call.callee, model);
  };
  const rejectsIn = (s: TSESTree.Statement | null | undefined): boolean =>
    !!s && (rejectCall(s) || (s.type === AST_NODE_TYPES.BlockStatement && s.body.some(rejectCall)) || (s.type === AST_NODE_TYPES.IfStatement && (rejectsIn(s.consequent) || rejectsIn(s.alternate))));
  // `batchFn(keys).then(resolve, reject)`, `stream.on('error', reject)`: `reject` handed on to be called later.
  const handsOnReject = (s: TSESTree.Statement): boolean => {
    if (s.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    let found = false;
    walk(s, model.facts.visitorKeys, (inner) => {
      if (found || inner.type !== AST_NODE_TYPES.Identifier) return;
      const parent = inner.parent;
      found = (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(inner) && isExecutorReject(inner, model);
    });
    return found;
  };
  return block.body.some((s, i) => (i < at ? s.type === AST_NODE_TYPES.ExpressionStatement && rejectCall(s) : i > at && (rejectsIn(s) || handsOnReject(s))));
}

/**
 * `fetchRoute(url).then((r) => { inFlight.delete(key); cache.set(key, r); trim(cache); return r; })`
 * after a promise that cannot reject: the handler always runs, and `node` is one of its top-level
 * statements with only steps that cannot fail before it, so whatever fails later in the handler
 * (the only way the chain can reject) fails after `node` ran.
 */
function firstStepAfterSafePromise(node: TSESTree.Node, handler: FunctionNode, call: TSESTree.CallExpression, model: FileModel): boolean {
  if (handler.body.type !== AST_NODE_TYPES.BlockStatement || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const statement = handler.body.body.find((s) => s.range[0] <= node.range[0] && node.range[1] <= s.range[1]);
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || unwrap(statement.expression) !== node) return false;
  const before = handler.body.body.slice(0, handler.body.body.indexOf(statement));
  const cannotFail = (s: TSESTree.Statement): boolean => {
    const expression = s.type === AST_NODE_TYPES.ExpressionStatement ? unwrap(s.expression) : undefined;
    return expression?.type === AST_NODE_TYPES.CallExpression && callCannotThrow(expression, model);
  };
  return before.every(cannotFail) && settles(call.callee.object, model, 1) === 'safe';
}

export function onRejectionPath(node: TSESTree.Node, model: FileModel, depth = 0): boolean {
  // `script.onerror = () => { loadPromise = null; reject(new Error('…')); }` inside the promise's executor.
  if (besideExecutorReject(node, model)) return true;
  for (let current: TSESTree.Node = node; current.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.CatchClause) return true;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === current) return true;
    if (!isFunction(current)) continue;
    if (parent.type === AST_NODE_TYPES.CallExpression && isRejectionHandler(current, parent, model)) return true;
    // A fulfilment handler runs only on success, wherever it is written (even inside a `catch` block),
    // unless it is the first thing to run after a promise that cannot reject.
    if (isFulfilmentArgument(current, parent)) return firstStepAfterSafePromise(node, current, parent, model);
    const name = functionName(current);
    if (name === undefined) continue;
    const uses = model.calls.filter((call) => call.arguments.some((arg) => arg.type === AST_NODE_TYPES.Identifier && arg.name === name && isRejectionHandler(arg, call, model)));
    if (uses.length > 0) return true;
    // A named closure called from a rejection path removes the entry there too.
    // So does a method called as `this.name()` (`.catch(() => this.resetCacheFor(id))`), when the
    // removal does not wait for anything first.
    const method = parent.type === AST_NODE_TYPES.MethodDefinition && !awaitsBefore(current, node, model);
    const calls = (call: TSESTree.CallExpression): boolean => {
      const callee = call.callee;
      if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === name;
      return method && callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression && memberName(callee) === name;
    };
    if (depth < 2 && model.calls.some((call) => calls(call) && onRejectionPath(call, model, depth + 1))) return true;
  }
  return false;
}

/**
 * A removal in a one-shot timer's callback started inside the function that writes the promise
 * (`setTimeout(() => { this.pending = null; }, wait)` beside `this.pending = load()`), and not from a
 * fulfilment handler: the entry goes when the timer fires whatever the promise does, so a rejection is
 * replayed for that long at most, as with a per-entry expiry.
 */
export function removedByTimer(removal: TSESTree.Node, writes: readonly TSESTree.Node[]): boolean {
  const fn = enclosingFunction(removal);
  const call = fn?.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return false;
  const name = calleeName(call.callee);
  if (name === undefined || !oneShotTimers.has(name)) return false;
  // Started by the code that writes (directly, or in the executor of the promise it stores).
  const within = (w: TSESTree.Node): boolean => {
    const writer = enclosingFunction(w);
    return writer !== undefined && writer.range[0] <= call.range[0] && call.range[1] <= writer.range[1];
  };
  if (!writes.some(within)) return false;
  // Scheduled from a fulfilment handler, the timer runs only after a success.
  for (let current: TSESTree.Node = call; current.parent; current = current.parent) if (isFunction(current) && isFulfilmentArgument(current, current.parent)) return false;
  return true;
}

/** Whether `fn` awaits something before `node`. */
function awaitsBefore(fn: FunctionNode, node: TSESTree.Node, model: FileModel): boolean {
  let found = false;
  walk(fn.body, model.facts.visitorKeys, (inner) => {
    if (inner.type === AST_NODE_TYPES.AwaitExpression && inner.range[1] <= node.range[0]) found = true;
  });
  return found;
}

/**
 * `perRequest.set(ctx, resolve(ctx))` into a `WeakMap`: the entry lives as long as the request object
 * it is keyed by, so a rejection is shared only by the rest of that request. So too for a part of the
 * request made with it (`byHeaders.set(headers, …)`, `byHeaders.set(req.headers, …)`).
 */
export function keyedByRequest(collection: Pick<Collection, 'init'>, write: TSESTree.Node): boolean {
  const init = unwrap(collection.init);
  if (init.type !== AST_NODE_TYPES.NewExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'WeakMap') return false;
  const key = write.type === AST_NODE_TYPES.CallExpression ? write.arguments[0] : undefined;
  const root = key ? unwrap(key) : undefined;
  if (root?.type === AST_NODE_TYPES.Identifier) return requestObjectName.test(root.name) || perRequestParts.has(root.name);
  if (root?.type !== AST_NODE_TYPES.MemberExpression || !perRequestParts.has(memberName(root) ?? '')) return false;
  const object = unwrap(root.object);
  return object.type === AST_NODE_TYPES.Identifier && requestObjectName.test(object.name);
}

/** Writes that store a promise which can reject, in a collection nothing clears on rejection. */
export function rejectablePromiseWrites(collection: Collection, model: FileModel): TSESTree.Node[] {
  if (collection.kind === 'set' || collection.kind === 'array') return [];
  // A server's module load fails the same way every time: keeping its rejection loses nothing.
  const writes = collection.writes.filter((w) => w.value !== undefined && storesRejectablePromise(w.value, model) && !loadRetryWouldNotFix(w.value, model) && !keyedByRequest(collection, w.node));
  // `Promises[file] = null` in the rejection handler empties the entry as a `delete` does.
  const emptied = collection.writes.filter((w) => w.value !== undefined && isEmptyValue(w.value)).map((w) => w.node);
  const written = writes.map((w) => w.node);
  if (writes.length === 0 || [...collection.evictions, ...emptied].some((e) => onRejectionPath(e, model) || removedByTimer(e, written))) return [];
  return written;
}

/**
 * A memoized function that takes its own entry out of its memoizer's cache when it rejects:
 * `const get = memoize(async (k) => { try { return await load(k); } catch (e) { get.cache.delete(k); throw e; } })`.
 * The memoizer keeps the promise, but the entry is gone before any caller sees the rejection.
 */
export function removesOwnEntryOnRejection(call: MemoizerCall, fn: FunctionNode, model: FileModel): boolean {
  return ownCacheRemovals(call, fn, model).some((removal) => onRejectionPath(removal, model)) || replacedOnRejection(call, model);
}

/**
 * `let fetchAudio = memoizeOne(load)` with `catch (e) { fetchAudio = memoizeOne(load); }` around a call
 * of it: a rejection throws the whole memoized function away, cache and all, for a fresh one.
 */
function replacedOnRejection(call: MemoizerCall, model: FileModel): boolean {
  const binding = memoizedBinding(call, model);
  if (binding?.kind !== 'variable') return false;
  return binding.variable.references.some((ref) => {
    const assignment = ref.identifier.parent;
    if (!ref.isWrite() || assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== ref.identifier || assignment.operator !== '=') return false;
    return unwrap(assignment.right).type === AST_NODE_TYPES.CallExpression && onRejectionPath(assignment, model);
  });
}
