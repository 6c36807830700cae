/**
 * Whether a function returns a promise that can reject, and whether an expression is a promise or a
 * caught chain: syntax first, the type checker (when present) for what syntax leaves open.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, enclosingFunction, functionInSight, isFunction, memberName, ownedCalleeName, programOf, propertyName, unwrap, walk, walkNodes, type FunctionNode } from '../syntax/ast.js';
import { schedulingFunctions } from '../catalog/timers.js';
import { returnsThenable, typeOf, type TypeTools } from '../syntax/type-tools.js';
import type { FunctionFacts } from '../model/file-model.js';
import { clockClass, clockReads } from '../catalog/clock-reads.js';
import { plainConstructors, synchronousCalls } from '../catalog/synchronous-builtins.js';
import { loggerName, loggingMethods, quietFunctionNames } from '../catalog/quiet-handlers.js';

/** Calls known to return promises even without types. */
const promiseFunctions: ReadonlySet<string> = new Set(['fetch', 'axios', 'got', 'ky', 'ofetch', '$fetch', 'request']);
const promiseRoots: ReadonlySet<string> = new Set(['Promise', 'axios', 'got', 'ky', 'fsp', 'superagent']);
/** Methods of those roots that return plain values: a configured client (`axios.create()`, `got.extend()`), a check, a deferred. */
const synchronousRootMethods: ReadonlySet<string> = new Set(['create', 'extend', 'isCancel', 'isAxiosError', 'getUri', 'mergeConfig', 'mergeOptions', 'withResolvers']);
/** Built-in globals whose methods return plain values: `JSON.parse(raw)` is not the file's own `async parse()`. */
const synchronousRoots: ReadonlySet<string> = new Set(['JSON', 'Math', 'Object', 'Array', 'Number', 'String', 'Boolean', 'Symbol', 'Reflect', 'Date', 'RegExp', 'Intl', 'console', 'Buffer', 'BigInt']);

function containsThrow(node: TSESTree.Node, facts: FunctionFacts): boolean {
  let found = false;
  walk(node, facts.visitorKeys, (child) => {
    if (child.type === AST_NODE_TYPES.ThrowStatement) found = true;
    // `Promise.reject(e)` rethrows as well.
    if (child.type === AST_NODE_TYPES.CallExpression && calleeName(child.callee) === 'reject') found = true;
  });
  return found;
}

/** `x.catch(() => fallback)` whose handler does not rethrow: the result cannot reject. */
export function isCaughtChain(node: TSESTree.Node, facts: FunctionFacts): boolean {
  const expr = unwrap(node);
  if (expr.type !== AST_NODE_TYPES.CallExpression || expr.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(expr.callee);
  const handler = method === 'catch' ? expr.arguments[0] : method === 'then' ? expr.arguments[1] : undefined;
  if (handler === undefined) return false;
  if (isFunction(handler)) return !containsThrow(handler.body, facts);
  // A handler declared nearby by name (`const failed = (reason) => placeholder; … .catch(failed)`).
  const named = handler.type === AST_NODE_TYPES.Identifier ? functionInSight(handler.name, expr) : undefined;
  if (named) return !containsThrow(named.body, facts);
  return quietHandler(handler);
}

/** `noop`, `_.noop`, `console.error`, `this.logger.warn`: a handler by name that returns what it is given or nothing. */
function quietHandler(handler: TSESTree.Node): boolean {
  const node = unwrap(handler);
  if (node.type === AST_NODE_TYPES.Identifier) return quietFunctionNames.has(node.name);
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return false;
  return quietFunctionNames.has(memberName(node) ?? '') || isLoggingMethod(node);
}

/** `console.error`, `logger.warn`, `this.log.info`: a method of an object that logs. */
function isLoggingMethod(node: TSESTree.MemberExpression): boolean {
  if (node.computed || !loggingMethods.has(memberName(node) ?? '')) return false;
  const owner = unwrap(node.object);
  const ownerName = owner.type === AST_NODE_TYPES.Identifier ? owner.name : owner.type === AST_NODE_TYPES.MemberExpression ? memberName(owner) : undefined;
  return ownerName !== undefined && loggerName.test(ownerName);
}

/**
 * `new Promise((resolve) => …)` with no way to reject: its executor takes no `reject` (or never mentions it) and throws
 * nothing (`new Promise((r) => r(canvas))`), or is async, so what it throws rejects the executor's
 * own promise, never this one (`new Promise(async (resolve) => { await load(); resolve(); })`).
 */
export function neverRejectingPromise(node: TSESTree.Node, facts: FunctionFacts): boolean {
  const made = unwrap(node);
  if (made.type !== AST_NODE_TYPES.NewExpression || !isPromiseConstructor(made.callee, facts)) return false;
  const executor = made.arguments[0];
  return isFunction(executor) && (executor.params.length <= 1 || unusedReject(executor, facts)) && (executor.async || !writesThrow(executor, facts));
}

/** `(resolve, reject) => …` whose body never mentions `reject` (nor `arguments`): it has no way to reject either. */
function unusedReject(executor: FunctionNode, facts: Pick<FunctionFacts, 'visitorKeys'>): boolean {
  const [, reject, ...rest] = executor.params;
  if (reject?.type !== AST_NODE_TYPES.Identifier || rest.length > 0) return false;
  let mentioned = false;
  walk(executor.body, facts.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier || (node.name !== reject.name && node.name !== 'arguments')) return;
    // `x.reject`, `{ reject: 1 }`: a field's name, not the parameter.
    const parent = node.parent;
    const fieldName = (parent.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) || (parent.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand);
    if (!fieldName) mentioned = true;
  });
  return !mentioned;
}

/** `Promise`, or a module's own name for it that nothing reassigns (`let Promize = Promise`). */
function isPromiseConstructor(callee: TSESTree.Node, facts: Pick<FunctionFacts, 'visitorKeys'>): boolean {
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  if (callee.name === 'Promise') return true;
  const program = programOf(callee);
  const { name } = callee;
  const aliases = program.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.declarations.some((d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name && d.init?.type === AST_NODE_TYPES.Identifier && d.init.name === 'Promise'),
  );
  if (!aliases) return false;
  // A `let` a later line points elsewhere (`Promize = options.Promise`) is some other constructor.
  let reassigned = false;
  walk(program, facts.visitorKeys, (node) => {
    reassigned ||= node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier && node.left.name === name;
  });
  return !reassigned;
}

/** A caught chain, or a promise whose executor can neither reject nor throw: it settles with a value. */
function settlesWithValue(expr: TSESTree.Node, facts: FunctionFacts): boolean {
  return isCaughtChain(expr, facts) || executorCannotFail(expr, facts);
}

/** Whether a `throw` is written anywhere in the function, nested functions included. */
export function writesThrow(fn: FunctionNode, facts: Pick<FunctionFacts, 'visitorKeys'>): boolean {
  let throws = false;
  walk(fn.body, facts.visitorKeys, (inner) => {
    if (inner.type === AST_NODE_TYPES.ThrowStatement) throws = true;
  });
  return throws;
}

/**
 * A never-rejecting `new Promise` whose executor also runs nothing that could throw while it runs:
 * it only calls its `resolve` and schedules callbacks (`new Promise((r) => r(canvas))`,
 * `(resolve) => { image.onload = () => resolve(image); }`). An executor that calls anything else
 * (`getImageFromSprite(icon)` reading a missing element) rejects when that throws.
 */
export function executorCannotFail(node: TSESTree.Node, facts: FunctionFacts): boolean {
  if (!neverRejectingPromise(node, facts)) return false;
  const executor = (unwrap(node) as TSESTree.NewExpression).arguments[0] as FunctionNode;
  // An async executor's throws reject its own promise, not this one.
  if (executor.async) return true;
  const [resolve] = executor.params;
  let quiet = true;
  walkNodes(executor.body, facts.visitorKeys, (inner) => {
    // A function written in the executor runs later (or not at all): its throws do not reject this promise.
    if (inner !== executor.body && isFunction(inner)) return false;
    if (inner.type === AST_NODE_TYPES.NewExpression) quiet = false;
    if (inner.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(inner.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
      if (!(name !== undefined && ((resolve?.type === AST_NODE_TYPES.Identifier && resolve.name === name) || schedulingFunctions.has(name)))) quiet = false;
    }
    return quiet;
  });
  return quiet;
}

/** A promise-valued expression, by syntax: `fetch()`, `.then()`, `new Promise`, a call of an async function of the file. */
export function isPromiseExpression(node: TSESTree.Node, facts: FunctionFacts): boolean {
  const expr = unwrap(node);
  switch (expr.type) {
    // `import('./heavy.js')`: a dynamic import rejects when the module fails to load.
    case AST_NODE_TYPES.ImportExpression:
      return true;
    case AST_NODE_TYPES.NewExpression:
      return expr.callee.type === AST_NODE_TYPES.Identifier && expr.callee.name === 'Promise';
    case AST_NODE_TYPES.ConditionalExpression:
      return isPromiseExpression(expr.consequent, facts) || isPromiseExpression(expr.alternate, facts);
    case AST_NODE_TYPES.LogicalExpression:
      return isPromiseExpression(expr.right, facts);
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(expr.callee);
      // `(async () => { … })()`
      if (isFunction(callee)) return callee.async;
      if (callee.type === AST_NODE_TYPES.Identifier) return promiseFunctions.has(callee.name) || facts.asyncNames.has(callee.name);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = memberName(callee);
      if (method === 'then' || method === 'catch' || method === 'finally') return true;
      let root: TSESTree.Node = callee.object;
      while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
      // `axios.get(url)`, `axios.default.get(url)`; not `axios.CancelToken.source()` nor `axios.interceptors.request.use(f)`.
      if (root.type === AST_NODE_TYPES.Identifier && promiseRoots.has(root.name)) {
        const direct = root === callee.object || (callee.object.type === AST_NODE_TYPES.MemberExpression && callee.object.object === root && memberName(callee.object) === 'default');
        return direct && !synchronousRootMethods.has(method ?? '');
      }
      if (root.type === AST_NODE_TYPES.Identifier && synchronousRoots.has(root.name)) return false;
      // `this.loadUser(id)`, `api.fetchUser(id)`: a method of the file declared async.
      return method !== undefined && facts.asyncNames.has(method);
    }
    default:
      return false;
  }
}

export function returnedExpressions(fn: FunctionNode, facts: FunctionFacts): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const returned: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node !== fn.body && isFunction(node)) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) returned.push(node.argument);
      return;
    }
    const keys = facts.visitorKeys[node.type] ?? [];
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node);
      }
    }
  };
  visit(fn.body);
  return returned;
}

/**
 * A function whose every await is of a call that cannot reject (its callee catches everything), of a
 * `new Promise` that cannot, or inside a try that catches it; which throws nothing outside such tries;
 * and which returns no promise that can reject. Its other steps await nothing, so what they throw
 * (`JSON.parse(raw)`, a bad URL given to `createClient`, a field read of what it was given) is thrown
 * the same way for the same input every time; a `throw` in a `catch` clause passes on such a failure.
 * So for a fulfilment handler (`(response) => response.ok ? response.data : []`): it fails, if at all,
 * the same way for the same answer.
 */
export function failsOnlyOnItsInput(fn: FunctionNode, facts: FunctionFacts): boolean {
  const cannotReject = (call: TSESTree.CallExpression): boolean => facts.callCannotReject?.(call) === true;
  const seen = { safe: true };
  const visit = (node: TSESTree.Node): void => {
    if (!seen.safe || (node !== fn.body && isFunction(node))) return;
    if (node.type === AST_NODE_TYPES.ThrowStatement && !insideCatch(node, fn) && !caughtInside(node, fn, facts)) seen.safe = false;
    if (node.type === AST_NODE_TYPES.AwaitExpression) {
      const awaited = unwrap(node.argument);
      const safe = awaited.type === AST_NODE_TYPES.CallExpression ? cannotReject(awaited) : neverRejectingPromise(awaited, facts);
      if (!safe && !caughtInside(node, fn, facts)) seen.safe = false;
    }
    for (const key of facts.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node);
    }
  };
  visit(fn.body);
  return seen.safe && returnedExpressions(fn, facts).every((expr) => returnsNoRejectable(fn, expr, facts));
}

/**
 * Whether what `fn` returns with `expr` is no promise that can reject. A returned call or `new` may be a
 * promise or a lazy thenable (a query builder) that rejects; a name may hold one, unless the model
 * vouches for what it holds (`const list = []`) or the function gave it a value that is never a promise
 * (`const res = await data.json(); return res;`, `const rates = JSON.parse(stored)`).
 */
function returnsNoRejectable(fn: FunctionNode, expr: TSESTree.Node, facts: FunctionFacts): boolean {
  const value = unwrap(expr);
  if (value.type === AST_NODE_TYPES.CallExpression) return facts.callCannotReject?.(value) === true || synchronousCalls.has(ownedCalleeName(value.callee) ?? '');
  return value.type !== AST_NODE_TYPES.NewExpression && (value.type !== AST_NODE_TYPES.Identifier || facts.holdsPlainValue?.(value) === true || holdsSettledValue(fn, value.name, facts));
}

/**
 * Whether `name` is declared once in `fn` itself (or, when `fn` neither declares nor takes it, once in
 * the function around `fn`), as a `const` given a value that is never a promise: what an await
 * answered, a synchronous built-in's result (`JSON.parse(stored)`), or a literal without its own `then`.
 */
function holdsSettledValue(fn: FunctionNode, name: string, facts: FunctionFacts): boolean {
  const declaredIn = (owner: FunctionNode): TSESTree.VariableDeclarator[] => {
    const declarators: TSESTree.VariableDeclarator[] = [];
    walkNodes(owner.body, facts.visitorKeys, (node) => {
      if (node !== owner.body && isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.id.name === name) declarators.push(node);
      return true;
    });
    return declarators;
  };
  // Declared in the function itself, or else in the one around it (`const fallback = {…}; slot = (async () => … fallback)()`).
  let declarators = declaredIn(fn);
  const outer = enclosingFunction(fn);
  const ownParameter = fn.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.name === name);
  if (declarators.length === 0 && outer && !ownParameter) declarators = declaredIn(outer);
  const [only] = declarators;
  if (declarators.length !== 1 || only?.parent.kind !== 'const' || !only.init) return false;
  const init = unwrap(only.init);
  switch (init.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    // An object literal, unless it writes its own `then` (a thenable).
    case AST_NODE_TYPES.ObjectExpression:
      return init.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed && propertyName(p.key) !== 'then');
    case AST_NODE_TYPES.CallExpression:
      return synchronousCalls.has(ownedCalleeName(init.callee) ?? '');
    default:
      return false;
  }
}

/**
 * Whether `node` is inside the block of a try of `fn` itself whose catch passes nothing on (no
 * `throw`, no `reject`) and whose `finally`, if any, throws nothing: what fails there is caught.
 */
function caughtInside(node: TSESTree.Node, fn: FunctionNode, facts: FunctionFacts): boolean {
  for (let child = node, at = node.parent; at && at !== fn; child = at, at = at.parent) {
    if (isFunction(at)) return false;
    if (at.type === AST_NODE_TYPES.TryStatement && at.block === child && catchesAll(at, facts)) return true;
  }
  return false;
}

/** Whether a statement is inside a `catch` clause of `fn` itself (not of a function within it). */
function insideCatch(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let at = node.parent; at && at !== fn; at = at.parent) {
    if (at.type === AST_NODE_TYPES.CatchClause) return true;
    if (isFunction(at)) return false;
  }
  return false;
}

/** Comparisons, arithmetic and string joins: they fail, if at all, the same way every time. */
const safeOperators: ReadonlySet<string> = new Set(['===', '!==', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%']);

/**
 * A value that cannot fail for a passing reason while it is computed: a literal, a name, a field read
 * (`this.x`, `admin.apps.length`: a read of what the module holds, which fails the same way every
 * time if at all), a test or comparison of such values, an object or array literal of them, a closure, a clock
 * read, `new Date()` or a date made from such values.
 */
function cannotThrow(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  switch (value.type) {
    // `import.meta` is one of these (`import.meta.env.VITE_API`).
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.MetaProperty:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      // Making a closure (`setTimeout(() => retry(), wait)`) runs nothing.
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.every(cannotThrow);
    // `config.url`, `TOKEN_FIELD[authMethod]`: a read that fails only on a missing object, as a plain one does.
    case AST_NODE_TYPES.MemberExpression:
      return cannotThrow(value.object) && (!value.computed || cannotThrow(value.property));
    case AST_NODE_TYPES.UnaryExpression:
      return (value.operator === '!' || value.operator === 'typeof') && cannotThrow(value.argument);
    case AST_NODE_TYPES.LogicalExpression:
      return cannotThrow(value.left) && cannotThrow(value.right);
    case AST_NODE_TYPES.BinaryExpression:
      return safeOperators.has(value.operator) && value.left.type !== AST_NODE_TYPES.PrivateIdentifier && cannotThrow(value.left) && cannotThrow(value.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return cannotThrow(value.test) && cannotThrow(value.consequent) && cannotThrow(value.alternate);
    // `++attempt`: a counter the function keeps.
    case AST_NODE_TYPES.UpdateExpression:
      return value.argument.type === AST_NODE_TYPES.Identifier;
    // `{ src: source }`, `[]`: a literal of such values.
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.every((p) => (p.type === AST_NODE_TYPES.Property ? (!p.computed || cannotThrow(p.key)) && cannotThrow(p.value) : cannotThrow(p.argument)));
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.every((e) => e === null || cannotThrow(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e));
    // `new Date()`, `new Date(Date.now() - DAYS * MS)`: a date never fails to be made (an invalid one is a value).
    // `new AbortController()`, `new Map()`: an empty built-in made without arguments.
    case AST_NODE_TYPES.NewExpression:
      if (value.callee.type !== AST_NODE_TYPES.Identifier) return false;
      if (value.arguments.length === 0 && plainConstructors.has(value.callee.name)) return true;
      return value.callee.name === clockClass && value.arguments.every((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && cannotThrow(arg));
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(value.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || value.arguments.length > 0) return false;
      return clockReads.has(ownedCalleeName(callee) ?? '');
    }
    default:
      return false;
  }
}

/** `x = v` or `a.b = v` (not a computed key) with a value that cannot throw. */
function settingOnly(assignment: TSESTree.AssignmentExpression): boolean {
  return plainSetting(assignment) && cannotThrow(assignment.right);
}

/** `x = …` or `a.b = …` (not a computed key, not `+=`): setting a variable or a field, which cannot fail itself. */
function plainSetting(assignment: TSESTree.AssignmentExpression): boolean {
  const target = unwrap(assignment.left);
  const plainTarget = target.type === AST_NODE_TYPES.Identifier || (target.type === AST_NODE_TYPES.MemberExpression && !target.computed && cannotThrow(target.object));
  return assignment.operator === '=' && plainTarget;
}

/** `return x;` or `{ return x; }` with a value that cannot throw (or none). */
function earlyReturn(statement: TSESTree.Statement): boolean {
  const only = statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length === 1 ? statement.body[0] : statement;
  return only?.type === AST_NODE_TYPES.ReturnStatement && (only.argument === null || cannotThrow(only.argument));
}

/** `logger.warn(…)`, `console.log(…)` with arguments that cannot throw: writing a line down. */
function logCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && isLoggingMethod(callee) && argumentsCannotThrow(call);
}

/** A call's arguments, each one `cannotThrow` vouches for (spread or not). */
function argumentsCannotThrow(call: TSESTree.CallExpression): boolean {
  return call.arguments.every((arg) => cannotThrow(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg));
}

/**
 * An expression that cannot fail for a passing reason: one `cannotThrow` vouches for, an awaited call
 * whose promise cannot reject, a call of a function of the file that cannot throw, a log line.
 */
function safeExpression(node: TSESTree.Node, facts: FunctionFacts): boolean {
  const value = unwrap(node);
  if (cannotThrow(value)) return true;
  if (value.type === AST_NODE_TYPES.AwaitExpression) {
    const awaited = unwrap(value.argument);
    if (awaited.type === AST_NODE_TYPES.CallExpression) return facts.callCannotReject?.(awaited) === true;
    // `await this.uploads[msg.id]`: an entry of a keyed store may be a kept promise, rejected or not.
    return cannotThrow(awaited) && !(awaited.type === AST_NODE_TYPES.MemberExpression && awaited.computed);
  }
  if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.NewExpression) return false;
  return (value.type === AST_NODE_TYPES.CallExpression && logCall(value)) || (facts.callCannotThrow?.(value) === true && value.arguments.every((arg) => safeExpression(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg, facts)));
}

/** `process.env.API_URL`, `import.meta.env.VITE_API`: a string of the deployment. */
function environmentRead(node: TSESTree.MemberExpression): boolean {
  const owner = unwrap(node.object);
  if (owner.type !== AST_NODE_TYPES.MemberExpression || owner.computed || memberName(owner) !== 'env') return false;
  const root = unwrap(owner.object);
  return (root.type === AST_NODE_TYPES.Identifier && root.name === 'process') || root.type === AST_NODE_TYPES.MetaProperty;
}

/**
 * A returned value that cannot fail and is no promise (a name may hold one, so a name counts only
 * when the model vouches for what it holds): a literal, a template, an awaited safe call, an
 * environment read, a call of a function of the file that cannot fail, a choice between such values.
 */
export function plainResult(node: TSESTree.Node, facts: FunctionFacts): boolean {
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier:
      return value.name === 'undefined' || facts.holdsPlainValue?.(value) === true;
    case AST_NODE_TYPES.MemberExpression:
      return environmentRead(value);
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.CallExpression:
      // A log line's result is no value (`return await x` is judged by what is awaited).
      return safeExpression(value, facts) && !(value.type === AST_NODE_TYPES.CallExpression && logCall(value));
    case AST_NODE_TYPES.LogicalExpression:
      return plainResult(value.left, facts) && plainResult(value.right, facts);
    case AST_NODE_TYPES.ConditionalExpression:
      return cannotThrow(value.test) && plainResult(value.consequent, facts) && plainResult(value.alternate, facts);
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return cannotThrow(value);
    default:
      return false;
  }
}

/**
 * A statement that cannot fail for a passing reason: declarations and assignments of safe values, log
 * lines, awaits of calls that cannot reject, branches on safe tests whose arms are such statements,
 * returns of plain values (`plainResult`), and a try whose catch does not rethrow.
 */
function safeStatement(statement: TSESTree.Statement, facts: FunctionFacts): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every((s) => safeStatement(s, facts));
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.every((d) => d.id.type === AST_NODE_TYPES.Identifier && (!d.init || safeExpression(d.init, facts)));
    case AST_NODE_TYPES.ExpressionStatement: {
      const expression = unwrap(statement.expression);
      if (expression.type !== AST_NODE_TYPES.AssignmentExpression) return safeExpression(expression, facts);
      return plainSetting(expression) && safeExpression(expression.right, facts);
    }
    case AST_NODE_TYPES.IfStatement:
      return safeExpression(statement.test, facts) && safeStatement(statement.consequent, facts) && (!statement.alternate || safeStatement(statement.alternate, facts));
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument === null || plainResult(statement.argument, facts);
    case AST_NODE_TYPES.TryStatement:
      return catchesAll(statement, facts);
    default:
      return false;
  }
}

/**
 * A body made only of statements that cannot fail (see `safeStatement`): `if (dev) return LOCAL;
 * const up = await probe(); return up ? LOCAL : REMOTE;` where `probe` catches everything. For an async
 * function, it cannot reject; for a plain one, it cannot throw.
 */
export function bodyCannotFail(fn: FunctionNode, facts: FunctionFacts): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return plainResult(fn.body, facts);
  return fn.body.body.every((s) => safeStatement(s, facts));
}

/**
 * An async body that cannot reject: one that fails only on its input (`failsOnlyOnItsInput`), one
 * whose every step cannot fail (`bodyCannotFail`), or, for what those leave (a return of a name they
 * do not vouch for after the tries, an await `awaitsSafely` vouches for), one that is one try/catch
 * whose catch does not rethrow, or several in a row each catching
 * (`try { a = await import('./a.json'); } catch {} try { b = … } catch {}`). Before the
 * first try it may declare values that cannot throw, set fields to them (`state.loading = true`), answer
 * early from them (`if (!ready) return null;`), make what cannot fail and add listeners (`const client =
 * createClient({ url }); client.on('error', log);`), and await what `awaitsSafely` vouches for (a
 * serial queue awaiting the entry it replaces, which was made by the same code); between and after the
 * tries, only declarations and field writes of values that cannot throw, and a return.
 */
export function asyncBodyCannotReject(fn: FunctionNode, facts: FunctionFacts, awaitsSafely?: (awaited: TSESTree.Node) => boolean): boolean {
  if (failsOnlyOnItsInput(fn, facts) || bodyCannotFail(fn, facts)) return true;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return settlesWithValue(fn.body, facts);
  const statements = fn.body.body.filter((s) => s.type !== AST_NODE_TYPES.EmptyStatement);
  // `return new Promise(async (resolve) => …)` alone: the function's promise follows one that cannot reject.
  const [only] = statements;
  if (statements.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement && only.argument && settlesWithValue(only.argument, facts)) return true;
  const tries = statements.flatMap((s) => (s.type === AST_NODE_TYPES.TryStatement ? [s] : (retryLoopBody(s)?.filter((inner): inner is TSESTree.TryStatement => inner.type === AST_NODE_TYPES.TryStatement) ?? [])));
  const first = tries[0];
  if (!first || tries.some((t) => !t.handler)) return false;
  // Everything else must be harmless declarations before the first try, vouched-for awaits, or a return after it.
  const before = statements.findIndex((s) => s.range[0] <= first.range[0] && first.range[1] <= s.range[1]);
  const harmless = (s: TSESTree.Statement, i: number): boolean => {
    if (s.type === AST_NODE_TYPES.TryStatement) return true;
    const loopBody = retryLoopBody(s);
    if (loopBody) return loopBody.every(loopStepHarmless);
    if (s.type === AST_NODE_TYPES.ReturnStatement) return true;
    // `const fs = await getFsModule();` before the first try: an awaited call whose promise cannot reject.
    if (s.type === AST_NODE_TYPES.VariableDeclaration) return s.declarations.every((d) => !d.init || cannotThrow(d.init) || (i < before && safeExpression(d.init, facts)));
    // `client.on('error', log);`: a call that cannot fail, made before the try.
    if (i < before && s.type === AST_NODE_TYPES.ExpressionStatement && unwrap(s.expression).type === AST_NODE_TYPES.CallExpression && safeExpression(s.expression, facts)) return true;
    // `if (!IS_AVAILABLE) return null;`, `if (admin.apps.length > 0) return admin;`: an early answer from what is held.
    if (s.type === AST_NODE_TYPES.IfStatement) return i < before && !s.alternate && cannotThrow(s.test) && earlyReturn(s.consequent);
    // `state.loading = true;`, `lastSyncAt = Date.now();`: setting a field or a variable to such a value.
    if (s.type === AST_NODE_TYPES.ExpressionStatement && s.expression.type === AST_NODE_TYPES.AssignmentExpression) return settingOnly(s.expression);
    return i < before && awaitsSafely !== undefined && s.type === AST_NODE_TYPES.ExpressionStatement && s.expression.type === AST_NODE_TYPES.AwaitExpression && awaitsSafely(s.expression.argument);
  };
  if (!statements.every(harmless)) return false;
  return tries.every((t) => catchesAll(t, facts));
}

/**
 * A try whose catch passes nothing on (no `throw`, no `reject`), whose `finally`, if any, throws
 * nothing, and whose block returns no promise unawaited: `try { return fetch(url); } catch { … }`
 * hands back a promise that settles after the try, so its rejection escapes the catch.
 */
function catchesAll(statement: TSESTree.TryStatement, facts: FunctionFacts): boolean {
  return statement.handler !== null && !containsThrow(statement.handler.body, facts) && !(statement.finalizer && containsThrow(statement.finalizer, facts)) && !returnsPromiseUnawaited(statement.block, facts);
}

/** Whether a block returns, unawaited, a promise that can reject: a promise-valued call, or a `const` given one (`const pending = fetch(url); return pending;`). */
function returnsPromiseUnawaited(block: TSESTree.BlockStatement, facts: FunctionFacts): boolean {
  const promises = new Set<string>();
  const returned: TSESTree.Node[] = [];
  walkNodes(block, facts.visitorKeys, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init && isPromiseExpression(node.init, facts)) promises.add(node.id.name);
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(unwrap(node.argument));
    return true;
  });
  return returned.some((value) =>
    value.type === AST_NODE_TYPES.Identifier ? promises.has(value.name) : isPromiseExpression(value, facts) && !(value.type === AST_NODE_TYPES.CallExpression && facts.callCannotReject?.(value) === true) && !isCaughtChain(value, facts),
  );
}

/**
 * The statements of a retry loop whose own steps cannot throw (`while (attempt < MAX)`,
 * `for (let i = 0; i < n; i++)`): its tries are judged as the function's own. `undefined` for any
 * other statement.
 */
function retryLoopBody(statement: TSESTree.Statement): TSESTree.Statement[] | undefined {
  const body = (loop: TSESTree.Statement): TSESTree.Statement[] => (loop.type === AST_NODE_TYPES.BlockStatement ? loop.body : [loop]);
  if ((statement.type === AST_NODE_TYPES.WhileStatement || statement.type === AST_NODE_TYPES.DoWhileStatement) && cannotThrow(statement.test)) return body(statement.body);
  if (statement.type !== AST_NODE_TYPES.ForStatement) return undefined;
  const { init, test, update } = statement;
  const initCannotThrow = !init || (init.type === AST_NODE_TYPES.VariableDeclaration ? init.declarations.every((d) => !d.init || cannotThrow(d.init)) : cannotThrow(init));
  return initCannotThrow && (!test || cannotThrow(test)) && (!update || cannotThrow(update)) ? body(statement.body) : undefined;
}

/** Assignments that count on a variable (`attempt += 1`, `delay *= 2`): arithmetic on a number, which cannot throw. */
const COUNTING = new Set(['+=', '-=', '*=']);

/**
 * A step of a retry loop that cannot throw: a try (its handler is judged with the function's), a
 * `break`, `continue` or a return of a value that cannot throw, a declaration or setting of such a
 * value, counting (`attempt += 1`), or an `if` on such a value around such steps.
 */
function loopStepHarmless(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.TryStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument === null || cannotThrow(statement.argument);
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.every((d) => !d.init || cannotThrow(d.init));
    case AST_NODE_TYPES.ExpressionStatement: {
      const expression = unwrap(statement.expression);
      if (expression.type !== AST_NODE_TYPES.AssignmentExpression) return cannotThrow(expression);
      return settingOnly(expression) || (COUNTING.has(expression.operator) && expression.left.type === AST_NODE_TYPES.Identifier && cannotThrow(expression.right));
    }
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every(loopStepHarmless);
    case AST_NODE_TYPES.IfStatement:
      return cannotThrow(statement.test) && loopStepHarmless(statement.consequent) && (!statement.alternate || loopStepHarmless(statement.alternate));
    default:
      return false;
  }
}

function annotatedPromise(fn: FunctionNode): boolean {
  const annotation = fn.returnType?.typeAnnotation;
  return (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    (annotation.typeName.name === 'Promise' || annotation.typeName.name === 'PromiseLike')
  );
}

/**
 * Whether the function returns a promise that can reject. `fnNode` is the function itself when it
 * is in this file; `reference` is the expression passed to the memoizer (for the type checker).
 */
export function returnsRejectablePromise(
  fnNode: FunctionNode | undefined,
  reference: TSESTree.Node,
  facts: FunctionFacts,
  tools: TypeTools | undefined,
): boolean {
  if (fnNode) {
    // An async generator returns an async iterator, not a promise.
    if (fnNode.generator) return false;
    if (fnNode.async) return !asyncBodyCannotReject(fnNode, facts);
    const returned = returnedExpressions(fnNode, facts);
    // Whatever the annotation says (`(): Promise<void> => new Promise(async (resolve) => …)`).
    if (returned.length > 0 && returned.every((expr) => settlesWithValue(expr, facts))) return false;
    if (annotatedPromise(fnNode)) return true;
    if (returned.some((expr) => isPromiseExpression(expr, facts) && !settlesWithValue(expr, facts))) return true;
  }
  if (!tools) return false;
  const type = typeOf(tools, reference);
  return type !== undefined && returnsThenable(tools, type);
}
