/**
 * Promises kept where a later call finds them again, whatever holds them: a single slot filled once
 * and reused (`if (!this.p) this.p = load(); return this.p`, `x ??= load()`, a closure `let p`), and
 * keyed stores outside module scope (a class field of any class, a closure's `{}` or `Map`). Such a
 * holder replays a rejection for as long as it lives, unless something empties the slot or removes
 * the entry when the promise rejects. Module-level and singleton collections are the cache
 * analysis's; they are left to it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, callsProcessExit, enclosingFunction, functionName, isEmptyValue, isFunction, isLiteralKey, memberName, propertyName, unwrap, walk, type FunctionNode } from '../syntax/ast.js';
import { outerExpression, resolveIdentifier, valueDef } from '../syntax/references.js';
import { filledByFatalStartUp, slotUsedOnlyAtStartUp } from './start-up-only.js';
import { slotUsedOnlyByDeadCode } from './dead-slots.js';
import { resultsLiveOneCall } from './per-call-factories.js';
import type { FileModel } from '../model/file-model.js';
import { keyedByRequest, onRejectionPath, removedByTimer, settles } from './promise-flow.js';
import { loadRetryWouldNotFix } from './module-loads.js';
import { newValues, valuesGiven } from './store-reads.js';
import { asyncBodyCannotReject } from './returns-promise.js';
import { perOperationInstance } from './instance-holders.js';
import { isThenableClass, returnsBuiltThenable } from './thenables.js';
import { evictingMethods } from '../catalog/collection-methods.js';
import { makerVerbs, teardownLeadVerbs, teardownWords } from '../catalog/teardown-names.js';
import { effectHooks } from '../catalog/react-hooks.js';
import { settlingMethods } from '../catalog/promise-sources.js';

export interface UnsafeSlotWrite {
  /** The write that stores the promise. */
  node: TSESTree.Node;
  /** How the code names the holder: `loading`, `this.pending`. */
  name: string;
  /** `true` for a keyed store (`this.byId[id] = load(id)`), `false` for a single slot. */
  keyed: boolean;
}

type Holder = { kind: 'variable'; variable: Scope.Variable } | { kind: 'field'; cls: TSESTree.ClassBody; name: string };

interface Uses {
  name: string;
  holder: Holder;
  /** Every expression that names the holder: identifiers, or `this.x` member expressions. */
  refs: TSESTree.Node[];
}


/** `Promise<T>`, `PromiseLike<T>`, `Promise<T> | null`. */
function isPromiseType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type) return false;
  if (type.type === AST_NODE_TYPES.TSUnionType) return type.types.some(isPromiseType);
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  return type.typeName.name === 'Promise' || type.typeName.name === 'PromiseLike';
}

/** `Map<K, Promise<V>>`, `Record<K, Promise<V>>`, `{ [key: string]: Promise<V> }`: a store of promises. */
function isPromiseStoreType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type) return false;
  if (type.type === AST_NODE_TYPES.TSUnionType) return type.types.some(isPromiseStoreType);
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) {
    return type.members.some((m) => m.type === AST_NODE_TYPES.TSIndexSignature && isPromiseType(m.typeAnnotation?.typeAnnotation));
  }
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const args = type.typeArguments?.params ?? [];
  return args.length === 2 && isPromiseType(args[1]);
}

/** The type a holder is declared with, and the initialiser it is given (for `new Map<K, Promise<V>>()`). */
function declaration(holder: Holder): { type: TSESTree.TypeNode | undefined; init: TSESTree.Node | undefined } {
  if (holder.kind === 'variable') {
    const def = valueDef(holder.variable)?.node;
    if (def?.type !== AST_NODE_TYPES.VariableDeclarator) return { type: undefined, init: undefined };
    return { type: def.id.typeAnnotation?.typeAnnotation, init: def.init ?? undefined };
  }
  for (const member of holder.cls.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && propertyName(member.key) === holder.name) {
      return { type: member.typeAnnotation?.typeAnnotation, init: member.value ?? undefined };
    }
  }
  return { type: undefined, init: undefined };
}

function declaredPromise(holder: Holder, keyed: boolean): boolean {
  const { type, init } = declaration(holder);
  if (!keyed) return isPromiseType(type);
  if (isPromiseStoreType(type)) return true;
  const made = init ? unwrap(init) : undefined;
  const args = made?.type === AST_NODE_TYPES.NewExpression ? made.typeArguments?.params : undefined;
  return args !== undefined && args.length === 2 && isPromiseType(args[1]);
}

/**
 * What a stored value settles as; a holder declared to hold promises turns an unknown call's result
 * into a promise (`this.adapter = this.options.loadAdapter()` into a `Promise<Adapter> | null` field).
 */
function storesPromise(value: TSESTree.Node, model: FileModel, declared: boolean, holderName: string): boolean {
  // A server's module load fails the same way every time: keeping its rejection loses nothing; and a
  // rejection the code makes itself (`p = Promise.reject(new Error('key missing'))`) is kept on purpose.
  if (loadRetryWouldNotFix(value, model) || madeRejection(value) || chainsAfterOwnEntry(value, holderName, model)) return false;
  const kind = settles(value, model);
  if (kind !== 'value' || !declared) return kind === 'promise';
  const node = unwrap(value);
  // `const promise = Categories.fetchCategoryData(options); cache.set(lang, promise)`: what the name was given.
  if (node.type === AST_NODE_TYPES.Identifier) return valuesGiven(node, model).flatMap((given) => newValues(given)).some(unknownResult);
  return unknownResult(node);
}

/** `Promise.reject(error)`: a rejection the code decides on, not a failure it may recover from. */
function madeRejection(value: TSESTree.Node): boolean {
  const node = unwrap(value);
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || memberName(callee) !== 'reject') return false;
  const object = unwrap(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise';
}

/** A call, or a `new` of anything but `Promise`: what it makes is not known here (a holder of promises says it is one). */
function unknownResult(value: TSESTree.Node): boolean {
  const node = unwrap(value);
  return node.type === AST_NODE_TYPES.CallExpression || (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name !== 'Promise');
}

/**
 * Whether `node` reads what the holder named `holderName` keeps (`q[k]`, `q.get(k)`, the slot itself),
 * or else a promise that cannot reject (`q[k] || Promise.resolve()`).
 */
function readsOwnEntry(node: TSESTree.Node, holderName: string, model: FileModel): boolean {
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.LogicalExpression && (value.operator === '||' || value.operator === '??')) {
    if (settles(value.right, model) === 'promise') return false;
    value = unwrap(value.left);
  }
  let holder: TSESTree.Node = value;
  if (value.type === AST_NODE_TYPES.MemberExpression && value.computed) holder = value.object;
  else if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && memberName(value.callee) === 'get') holder = value.callee.object;
  return model.sourceCode.getText(unwrap(holder)) === holderName;
}

/**
 * A serial queue: `q[k] = (async () => { await q[k]; try { … } catch (e) { log(e); } })()` waits
 * for the entry it replaces and catches the rest. Each entry is made by this same code, so none can
 * reject: the first cannot, and each later one awaits only an earlier one.
 */
function chainsAfterOwnEntry(value: TSESTree.Node, holderName: string, model: FileModel): boolean {
  const call = unwrap(value);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length > 0) return false;
  const fn = unwrap(call.callee);
  return isFunction(fn) && fn.async && asyncBodyCannotReject(fn, model.facts, (awaited) => readsOwnEntry(awaited, holderName, model));
}

/** The class whose instance `this` stands for at `node`: the nearest class body, through arrows only. */
function thisClass(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  let fnSeen: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) {
      // A method's own function, or an arrow in a field initialiser, binds `this` to the instance.
      if (!fnSeen || fnSeen.parent.type === AST_NODE_TYPES.MethodDefinition || fnSeen.type === AST_NODE_TYPES.ArrowFunctionExpression) return current;
      return undefined;
    }
    if (isFunction(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      if (fnSeen && fnSeen.type !== AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
      fnSeen = current;
    }
  }
  return undefined;
}

/** The holder an expression names: a declared variable, or `this.x` inside a class. */
function holderOf(node: TSESTree.Node, model: FileModel): { holder: Holder; name: string } | undefined {
  const expr = unwrap(node);
  if (expr.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveIdentifier(model.sourceCode, expr);
    return variable ? { holder: { kind: 'variable', variable }, name: expr.name } : undefined;
  }
  if (expr.type === AST_NODE_TYPES.MemberExpression && !expr.computed && expr.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = memberName(expr);
    const cls = thisClass(expr);
    return name !== undefined && cls ? { holder: { kind: 'field', cls, name }, name: `this.${name}` } : undefined;
  }
  return undefined;
}

/** `useEffect(() => { let pending = null; … })`: the callback of a React effect, run once per run of the effect. */
function isEffectCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  return call.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === fn && effectHooks.has(calleeName(call.callee) ?? '');
}

/** Whether the holder lives beyond one call of the function that declares it. */
function outlivesOneCall(uses: Uses, writes: readonly TSESTree.Node[], model: FileModel): boolean {
  // A field lives as long as its instance: one operation, for a class made per call or an ORM row.
  // An instance that is itself a promise (`class HttpResponsePromise extends Promise`, or one with a
  // `then` method) settles once: giving its callers that one outcome again is what a promise does.
  if (uses.holder.kind === 'field') return !isThenableClass(uses.holder.cls) && !perOperationInstance(uses.holder.cls, model);
  const { variable } = uses.holder;
  const kind: string | undefined = valueDef(variable)?.type;
  if (kind === undefined || kind === 'Parameter' || kind === 'FunctionName' || kind === 'ClassName') return false;
  if (kind === 'ImportBinding') return true;
  const block = variable.scope.variableScope.block as TSESTree.Node;
  if (!isFunction(block)) return true;
  // A function that returns a thenable it builds around the slot (a lazy promise: an object with
  // `then`, a `Proxy` answering `then`): the slot is that one promise's outcome, as for the class above.
  if (returnsBuiltThenable(block, model)) return false;
  // A closure's variable, written by a function nested in the one that declares it, in a function
  // that runs once to set something up: an async function, a request handler or a React effect's
  // callback runs per operation, and its closures with it.
  if (block.async || model.handlerPath().isOnPath(block) || isEffectCallback(block)) return false;
  if (!writes.some((write) => enclosingFunction(write) !== block)) return false;
  // `function hydrate(doc) { const pending = {}; walk(doc); return Promise.all(…); }`: the store and
  // the functions that fill it are only used while the call runs, and are garbage when it returns.
  if (!escapesItsCall(variable, block, model)) return false;
  // A factory whose every caller keeps what it returns for one call (`const inject = makeInjector(…)`
  // in a handler): the closures, and the store they share, live that long.
  return !resultsLiveOneCall(block, model);
}

/** Callbacks that run while (or right after) the call that creates them: iteration, promise settling. */
const CALL_SCOPED_CALLBACKS: ReadonlySet<string> = new Set(['map', 'forEach', 'filter', 'flatMap', 'reduce', 'some', 'every', 'find', 'findIndex', 'sort', 'then', 'catch', 'finally']);
/** Receivers whose methods read what they are given without keeping it: `Promise.all(store)`, `Object.keys(store)`. */
const READ_ONLY_RECEIVERS: ReadonlySet<string> = new Set(['Promise', 'Object', 'Array', 'JSON']);
/** Promise combinators (of `Promise` or a promise library): they wait for what they are given and keep nothing. */
const PROMISE_COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled', 'race', 'any', 'props']);
const MAX_ESCAPE_HOPS = 6;

/**
 * Whether a value used at `ref` can be reached once the function `block` returns: it is returned,
 * stored outside, handed to a call that may keep it, or put into something that does. A direct call,
 * an iteration or promise callback, or a local that stays inside is not.
 */
function valueEscapes(ref: TSESTree.Node, block: FunctionNode, model: FileModel, hops: number): boolean {
  if (hops > MAX_ESCAPE_HOPS) return true;
  const use = outerExpression(ref);
  const parent = use.parent;
  if (!parent) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression: {
      if (parent.callee === use) return false;
      const callee = unwrap(parent.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return true;
      const object = unwrap(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier && READ_ONLY_RECEIVERS.has(object.name)) return false;
      // `P.props(store)`, `Bluebird.all(list)`: a promise library's combinator waits for what it is given.
      if (object.type === AST_NODE_TYPES.Identifier && PROMISE_COMBINATORS.has(memberName(callee) ?? '')) return false;
      return !CALL_SCOPED_CALLBACKS.has(memberName(callee) ?? '');
    }
    case AST_NODE_TYPES.NewExpression:
      // `new Promise((resolve) => …)`: the executor runs at once.
      return !(parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Promise' && parent.arguments[0] === use);
    case AST_NODE_TYPES.MemberExpression:
      // `store[k]`, `store.get(k)`, `store.size`: a use of the value, not a copy of it.
      return parent.object !== use;
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.ExpressionStatement:
      return false;
    case AST_NODE_TYPES.VariableDeclarator: {
      if (parent.init !== use || parent.id.type !== AST_NODE_TYPES.Identifier) return true;
      const local = model.sourceCode.scopeManager?.getDeclaredVariables(parent)[0];
      if (!local || local.scope.variableScope.block !== block) return true;
      return local.references.some((r) => !r.init && usedAfterReturn(r.identifier, block, model, hops + 1));
    }
    default:
      return true;
  }
}

/**
 * Whether what is used at `node` can be reached once `block` returns: the value itself escapes, or a
 * function between the use and `block` does (`return (k) => get(k)` keeps `get`, and what it uses).
 */
function usedAfterReturn(node: TSESTree.Node, block: FunctionNode, model: FileModel, hops: number): boolean {
  if (hops > MAX_ESCAPE_HOPS || valueEscapes(node, block, model, hops)) return true;
  for (let fn = enclosingFunction(node); fn && fn !== block; fn = enclosingFunction(fn)) {
    if (functionEscapes(fn, block, model, hops + 1)) return true;
  }
  return false;
}

/** A function nested in `block` that can be called after `block` returns. */
function functionEscapes(fn: FunctionNode, block: FunctionNode, model: FileModel, hops: number): boolean {
  if (hops > MAX_ESCAPE_HOPS) return true;
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration) return valueEscapes(fn, block, model, hops);
  const variable = fn.id ? model.sourceCode.scopeManager?.getDeclaredVariables(fn)[0] : undefined;
  if (!variable) return true;
  // Its own recursive calls do not hand it out.
  const inside = (ref: TSESTree.Node): boolean => fn.range[0] <= ref.range[0] && ref.range[1] <= fn.range[1];
  return variable.references.some((r) => !inside(r.identifier) && usedAfterReturn(r.identifier, block, model, hops + 1));
}

/**
 * Whether a variable declared in `block` lives on after one call of it: the variable itself, or a
 * function nested in `block` that uses it, is returned, stored or handed to a call that may keep it
 * (a factory's returned closure, `this.load = …`, `emitter.on('x', …)`).
 */
function escapesItsCall(variable: Scope.Variable, block: FunctionNode, model: FileModel): boolean {
  return variable.references.some((ref) => !ref.init && usedAfterReturn(ref.identifier, block, model, 0));
}

/** `x` as a test: `if (!x)`, `x ? … : …`, `x == null`, `x || load()`, `x && !force`. */
function isTested(ref: TSESTree.Node): boolean {
  let node: TSESTree.Node = ref;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') node = parent;
    else if (parent.type === AST_NODE_TYPES.BinaryExpression && ['==', '!=', '===', '!=='].includes(parent.operator) && isEmptyValue(parent.left === node ? parent.right : parent.left)) node = parent;
    else if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&') node = parent;
    else if (parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression) node = parent;
    else break;
  }
  const parent = node.parent;
  if (!parent) return false;
  if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test === node) return true;
  return parent.type === AST_NODE_TYPES.LogicalExpression && (parent.operator === '||' || parent.operator === '??') && parent.left === node;
}

/**
 * Whether the test at `ref` decides whether `write` runs: the write is inside the tested statement or
 * expression (`if (!p) p = load()`, `p || (p = load())`), or the test returns before it
 * (\`if (p) return p; p = load();\`). A reader's own check (\`if (p) await p\`) does not make a write
 * that runs on every call (\`init() { this.p = start(); }\`) a fill-once slot.
 */
/** Whether `node` contains a call of the function named `name`. */
function callsNamed(node: TSESTree.Node, name: string, model: FileModel): boolean {
  const found: TSESTree.Node[] = [];
  walk(node, model.facts.visitorKeys, (inner) => {
    if (inner.type === AST_NODE_TYPES.CallExpression && calleeName(inner.callee) === name) found.push(inner);
  });
  return found.length > 0;
}

function testGuardsWrite(ref: TSESTree.Node, write: TSESTree.Node, model: FileModel): boolean {
  let node: TSESTree.Node = ref;
  while (node.parent && node.parent.type !== AST_NODE_TYPES.IfStatement && node.parent.type !== AST_NODE_TYPES.ConditionalExpression && node.parent.type !== AST_NODE_TYPES.LogicalExpression) node = node.parent;
  const test = node.parent;
  if (!test) return false;
  if (test.range[0] <= write.range[0] && write.range[1] <= test.range[1]) return true;
  // \`return p || fill();\` where \`fill\` writes the slot: the test decides whether the writer runs.
  const writer = enclosingFunction(write);
  const writerName = writer ? functionName(writer) : undefined;
  if (writerName !== undefined && callsNamed(test, writerName, model)) return true;
  if (test.type !== AST_NODE_TYPES.IfStatement || test.range[1] > write.range[0] || enclosingFunction(test) !== writer) return false;
  const body = test.consequent.type === AST_NODE_TYPES.BlockStatement ? test.consequent.body : [test.consequent];
  return body.some((st) => st.type === AST_NODE_TYPES.ReturnStatement || st.type === AST_NODE_TYPES.ThrowStatement);
}

/** A reference with the TypeScript casts around it (`slot!`, `slot as P`): what its parent sees. */
function withoutCasts(ref: TSESTree.Node): TSESTree.Node {
  let node = ref;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSNonNullExpression || node.parent.type === AST_NODE_TYPES.TSAsExpression)) node = node.parent;
  return node;
}

/** A use that hands the slot's promise on: returned, awaited, chained, passed, or the value of `x || load()`. */
function isValueRead(ref: TSESTree.Node): boolean {
  const node = withoutCasts(ref);
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) return parent.operator !== '=' && parent.parent.type !== AST_NODE_TYPES.ExpressionStatement;
  if (parent.type === AST_NODE_TYPES.UnaryExpression || parent.type === AST_NODE_TYPES.BinaryExpression) return false;
  if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.WhileStatement) && parent.test === node) return false;
  if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === node) return false;
  if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.left === node) return false;
  return true;
}

/**
 * `if (refresh) { this.p = load(); } return this.p;`: the write is conditional and the function
 * returns the slot after it, so the calls that skip the write get the kept promise.
 */
function returnedAfterConditionalWrite(write: TSESTree.AssignmentExpression, refs: ReadonlySet<TSESTree.Node>): boolean {
  const fn = enclosingFunction(write);
  for (let node: TSESTree.Node = write; node.parent && node !== fn; node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type !== AST_NODE_TYPES.IfStatement || parent.consequent !== node) continue;
    if (parent.alternate) return false;
    const block = parent.parent;
    if (block.type !== AST_NODE_TYPES.BlockStatement) return false;
    const after = block.body.slice(block.body.indexOf(parent) + 1);
    return after.some((st) => st.type === AST_NODE_TYPES.ReturnStatement && st.argument !== null && refs.has(unwrap(st.argument)));
  }
  return false;
}

/**
 * `await this.p; this.p = null;`: the slot is emptied once its promise settles, but only when it
 * fulfils; a rejection leaves it in place for every later reader. The await may come any number of
 * statements before in the same block (`const b = await p; if (b.connected) return b; p = null;`).
 * Gives the read of the slot awaited before the removal, if any.
 */
function awaitedBeforeEmptying(removal: TSESTree.Node, refs: ReadonlySet<TSESTree.Node>): TSESTree.Node | undefined {
  if (removal.type !== AST_NODE_TYPES.AssignmentExpression || !isEmptyValue(removal.right)) return undefined;
  const statement = removal.parent;
  const block = statement.parent;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || block?.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  for (const previous of block.body.slice(0, block.body.indexOf(statement))) {
    let awaited: TSESTree.Node | undefined;
    if (previous.type === AST_NODE_TYPES.ExpressionStatement && previous.expression.type === AST_NODE_TYPES.AwaitExpression) awaited = previous.expression.argument;
    if (previous.type === AST_NODE_TYPES.VariableDeclaration) {
      const init = previous.declarations[previous.declarations.length - 1]?.init;
      if (init?.type === AST_NODE_TYPES.AwaitExpression) awaited = init.argument;
    }
    if (awaited !== undefined && refs.has(unwrap(awaited))) return unwrap(awaited);
  }
  return undefined;
}

/** `try { await p; } catch (e) { process.exit(1); }`: a rejection read here ends the process, so it is never served again. */
function endsProcessOnRejection(ref: TSESTree.Node, model: FileModel): boolean {
  for (let node: TSESTree.Node = ref; node.parent && !isFunction(node); node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type !== AST_NODE_TYPES.TryStatement || parent.block !== node || !parent.handler) continue;
    return callsProcessExit(parent.handler.body, model.facts.visitorKeys);
  }
  return false;
}

function nameWords(name: string): string[] {
  return name.split(/_+|(?<=[a-z0-9])(?=[A-Z])/).filter((word) => word !== '').map((word) => word.toLowerCase());
}

/** A name whose first word is a teardown's, perhaps after a verb that starts it: `close`, `cleanOnce`, `startDisposal`; not `closestWarehouse`. */
function namesTeardown(name: string): boolean {
  const [first, second] = nameWords(name);
  if (first === undefined) return false;
  return teardownWords.has(first) || (teardownLeadVerbs.has(first) && second !== undefined && teardownWords.has(second));
}

/** A factory of a teardown: `createApiShutdown`, `makeCleanup` (its last word a teardown's); not `createShutdownHandler` or `createReleaseNotes`. */
function namesTeardownMaker(name: string): boolean {
  const words = nameWords(name);
  return words.length > 1 && makerVerbs.has(words[0] ?? '') && teardownWords.has(words.at(-1) ?? '');
}

/**
 * The call a stored value makes, looking through a fallback for a missing callee (`params.cleanup?.()
 * ?? Promise.resolve()`, `this.close() || done`).
 */
function storedCall(value: TSESTree.Node): TSESTree.CallExpression | undefined {
  let node = unwrap(value);
  if (node.type === AST_NODE_TYPES.LogicalExpression && (node.operator === '??' || node.operator === '||')) node = unwrap(node.left);
  if (node.type === AST_NODE_TYPES.ChainExpression) node = unwrap(node.expression);
  return node.type === AST_NODE_TYPES.CallExpression ? node : undefined;
}

/**
 * A write in a teardown function, or in the nameless one a teardown's factory makes (`createApiShutdown`
 * returning `() => (inFlight ??= …)`), or of a teardown call's promise (`this.closing = this.server.close()`).
 */
function isTeardown(write: TSESTree.AssignmentExpression): boolean {
  const fn = enclosingFunction(write);
  const name = fn ? functionName(fn) : undefined;
  if (name !== undefined && namesTeardown(name)) return true;
  const maker = fn && name === undefined ? enclosingFunction(fn) : undefined;
  const makerName = maker ? functionName(maker) : undefined;
  if (makerName !== undefined && namesTeardownMaker(makerName)) return true;
  const call = storedCall(write.right);
  const called = call ? calleeName(call.callee) : undefined;
  return called !== undefined && namesTeardown(called);
}

/** A write into a single slot and the value it stores. */
interface SlotWrite {
  node: TSESTree.AssignmentExpression;
  value: TSESTree.Node;
}


/**
 * `x.send()`, `x.connect()`, `x.items`: the code uses what `x` holds as an object with members of its
 * own, which a promise does not have. A slot or value used so holds something else (a client the
 * library makes synchronously), whatever a name in this file suggests.
 */
function usedAsObject(ref: TSESTree.Node): boolean {
  let outer: TSESTree.Node = ref;
  while (outer.parent?.type === AST_NODE_TYPES.TSNonNullExpression || outer.parent?.type === AST_NODE_TYPES.ChainExpression) outer = outer.parent;
  const parent = outer.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== outer || parent.computed) return false;
  const name = memberName(parent);
  return name !== undefined && !settlingMethods.has(name);
}

/** A written value that is a local variable the code also uses as an object (`const producer = kafka.producer(); producer.connect()`). */
function valueUsedAsObject(value: TSESTree.Node, model: FileModel): boolean {
  const node = unwrap(value);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(model.sourceCode, node);
  return variable !== undefined && variable.references.some((ref) => !ref.init && usedAsObject(ref.identifier));
}

/** Single slots: the writes of a rejectable promise into a slot filled once and reused. */
/** `await slot`: the slot itself awaited, so what it holds is a promise. */
function isAwaitedItself(ref: TSESTree.Node): boolean {
  const outer = withoutCasts(ref);
  return outer.parent?.type === AST_NODE_TYPES.AwaitExpression && outer.parent.argument === outer;
}

function unsafeSingleSlot(uses: Uses, model: FileModel): TSESTree.Node[] {
  const writes: SlotWrite[] = [];
  const removals: TSESTree.Node[] = [];
  for (const ref of uses.refs) {
    const parent = ref.parent;
    // `delete this.p` empties a slot held by a property as `this.p = undefined` does.
    if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete' && parent.argument === ref) removals.push(parent);
    if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.left !== ref) continue;
    if (['=', '??=', '||='].includes(parent.operator)) writes.push({ node: parent, value: parent.right });
    if (parent.operator === '=' && isEmptyValue(parent.right)) removals.push(parent);
  }
  // Declared to hold promises, or awaited itself (`const b = await browserPromise`): what an unknown call stores in it is one.
  const declared = declaredPromise(uses.holder, false) || uses.refs.some(isAwaitedItself);
  // A slot whose value the code calls methods on holds an object, not a promise.
  if (!declared && uses.refs.some(usedAsObject)) return [];
  const promiseWrites = writes.filter((w) => storesPromise(w.value, model, declared, uses.name) && (declared || !valueUsedAsObject(w.value, model)));
  if (promiseWrites.length === 0) return [];
  // Any write on a rejection path (`.catch(() => { p = undefined; })`, a `catch` block, `finally`) empties the slot;
  // so does a timer that empties it whatever the outcome.
  const written = promiseWrites.map((w) => w.node);
  if (removals.some((r) => onRejectionPath(r, model) || removedByTimer(r, written))) return [];
  const refSet = new Set(uses.refs);
  const reusedByWrite =
    promiseWrites.some((w) => w.node.operator !== '=') ||
    uses.refs.some((ref) => isTested(ref) && promiseWrites.some((w) => testGuardsWrite(ref, w.node, model))) ||
    promiseWrites.some((w) => returnedAfterConditionalWrite(w.node, refSet));
  // `await this.p; this.p = null`: emptied only when it fulfils. When every write replaces the slot
  // whatever it holds, only a read besides that await can hand a kept rejection to a later call.
  const awaitsBeforeEmptying = new Set(removals.map((r) => awaitedBeforeEmptying(r, refSet)).filter((ref) => ref !== undefined));
  if (!reusedByWrite && awaitsBeforeEmptying.size === 0) return [];
  // `close() { return (this.closing ??= this.server.terminate()); }`: a teardown done once answers
  // every later call with its one outcome, on purpose; unless the slot is emptied after a
  // success, which shows it is meant to run again.
  const emptiedOnSuccess = awaitsBeforeEmptying.size > 0;
  if (!emptiedOnSuccess && promiseWrites.every((w) => isTeardown(w.node))) return [];
  // Filled once (every write guarded by the slot being empty, nothing empties it) by a function the
  // start-up awaits so that a rejection ends the process: the only fill that can reject is that one.
  const filledOnce = removals.length === 0 && promiseWrites.every((w) => w.node.operator !== '=' || uses.refs.some((ref) => isTested(ref) && testGuardsWrite(ref, w.node, model)));
  if (filledOnce && uses.holder.kind === 'variable' && filledByFatalStartUp(written, model)) return [];
  const reused = uses.refs.some(
    (ref) =>
      !(ref.parent?.type === AST_NODE_TYPES.AssignmentExpression && ref.parent.left === ref && ref.parent.operator === '=') &&
      !(!reusedByWrite && awaitsBeforeEmptying.has(ref)) &&
      isValueRead(ref) &&
      !endsProcessOnRejection(ref, model),
  );
  return reused ? promiseWrites.map((w) => w.node) : [];
}

/** Keyed stores: `h[k] = load(k)` or `h.set(k, load(k))`, read back, with no removal on rejection. */
function unsafeKeyedStore(uses: Uses, model: FileModel, known: ReadonlySet<TSESTree.Node>): TSESTree.Node[] {
  const writes: { node: TSESTree.Node; value: TSESTree.Node }[] = [];
  const removals: TSESTree.Node[] = [];
  let reads = false;
  for (const ref of uses.refs) {
    const parent = ref.parent;
    if (!parent) continue;
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref) {
      removals.push(parent);
      continue;
    }
    if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'in' && parent.right === ref) reads = true;
    if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== ref) continue;
    const grand = parent.parent;
    if (parent.computed) {
      if (grand.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) {
        if (isEmptyValue(grand.right)) removals.push(grand);
        else if (!isLiteralKey(parent.property)) writes.push({ node: grand, value: grand.right });
      } else if (grand.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete') removals.push(grand);
      else reads = true;
      continue;
    }
    if (grand.type !== AST_NODE_TYPES.CallExpression || grand.callee !== parent) continue;
    const method = memberName(parent);
    const [key, value] = grand.arguments;
    if (method === 'set' && key && value && !isLiteralKey(key)) writes.push({ node: grand, value });
    else if (method !== undefined && evictingMethods.has(method)) removals.push(grand);
    else if (method === 'get' || method === 'has') reads = true;
  }
  if (!reads || writes.some((w) => known.has(w.node))) return [];
  const declared = declaredPromise(uses.holder, true);
  const { init } = declaration(uses.holder);
  const promiseWrites = writes.filter((w) => storesPromise(w.value, model, declared, uses.name) && !(init && keyedByRequest({ init: init as TSESTree.Expression }, w.node)));
  const written = promiseWrites.map((w) => w.node);
  if (written.length === 0 || removals.some((r) => onRejectionPath(r, model) || removedByTimer(r, written))) return [];
  return written;
}

function holderKey(holder: Holder): object {
  return holder.kind === 'variable' ? holder.variable : holder.cls;
}

/** Every promise slot and keyed promise store of the file whose writes keep a rejection. */
export function unsafePromiseSlots(model: FileModel): UnsafeSlotWrite[] {
  // Files the model does not analyse (tests, mocks, files with nothing to report) are not walked.
  if (!model.active) return [];
  // Holders seen as write targets, grouped; then every use of each.
  const single = new Map<object, Map<string, Uses>>();
  const keyed = new Map<object, Map<string, Uses>>();
  const note = (table: Map<object, Map<string, Uses>>, target: TSESTree.Node): void => {
    const found = holderOf(target, model);
    if (!found) return;
    const key = holderKey(found.holder);
    const byName = table.get(key) ?? new Map<string, Uses>();
    table.set(key, byName);
    if (!byName.has(found.name)) byName.set(found.name, { name: found.name, holder: found.holder, refs: [] });
  };
  walk(model.program, model.facts.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const left = unwrap(node.left);
      if (left.type === AST_NODE_TYPES.MemberExpression && left.computed) note(keyed, left.object);
      else note(single, left);
    } else if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === 'set' && node.arguments.length === 2) {
      note(keyed, node.callee.object);
    }
  });
  if (single.size === 0 && keyed.size === 0) return [];
  // The uses of each field, found in its class body; of each variable, from scope analysis.
  // One walk of each class body finds the uses of all its fields.
  const fieldsByClass = new Map<TSESTree.ClassBody, Map<string, TSESTree.Node[]>>();
  const fieldRefs = (cls: TSESTree.ClassBody, name: string): TSESTree.Node[] => {
    let byName = fieldsByClass.get(cls);
    if (!byName) {
      const found = new Map<string, TSESTree.Node[]>();
      walk(cls, model.facts.visitorKeys, (node) => {
        if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.object.type !== AST_NODE_TYPES.ThisExpression) return;
        const field = memberName(node);
        if (field === undefined || thisClass(node) !== cls) return;
        const list = found.get(field);
        if (list) list.push(node);
        else found.set(field, [node]);
      });
      byName = found;
      fieldsByClass.set(cls, byName);
    }
    return byName.get(name) ?? [];
  };
  const fill = (uses: Uses): Uses => {
    uses.refs = uses.holder.kind === 'field' ? fieldRefs(uses.holder.cls, uses.holder.name) : uses.holder.variable.references.filter((r) => !r.init).map((r) => r.identifier);
    return uses;
  };
  const known = new Set<TSESTree.Node>();
  for (const collection of model.collections()) for (const write of collection.writes) known.add(write.node);
  const found: UnsafeSlotWrite[] = [];
  for (const byName of single.values()) {
    for (const uses of byName.values()) {
      fill(uses);
      // A one-shot command ends with its run: a slot there replays nothing to a later caller.
      const writes = unsafeSingleSlot(uses, model);
      if (writes.length === 0 || !outlivesOneCall(uses, writes, model)) continue;
      // Used only by start-up code (`await initTokenizer()` in `bootstrap()`): no later caller is handed the rejection.
      if (uses.holder.kind === 'variable' && slotUsedOnlyAtStartUp(uses.refs, model)) continue;
      // Used only by exports nothing imports, in a module imported for its other names: dead code.
      if (uses.holder.kind === 'variable' && slotUsedOnlyByDeadCode(uses.refs, model)) continue;
      for (const node of writes) found.push({ node, name: uses.name, keyed: false });
    }
  }
  for (const byName of keyed.values()) {
    for (const uses of byName.values()) {
      fill(uses);
      const writes = unsafeKeyedStore(uses, model, known);
      if (writes.length === 0 || !outlivesOneCall(uses, writes, model)) continue;
      for (const node of writes) found.push({ node, name: uses.name, keyed: true });
    }
  }
  return found;
}
