/**
 * Memoizers recognised by what they do, not by their name: a function that takes a function and
 * returns a closure reading and writing a keyed store (`Map`, `{}`), or a wrapper that hands its
 * function parameter to a catalog memoizer (adding a log or a size warning). The catalog entry is
 * inferred: how the closure builds its key, whether anything removes entries, whether a rejected
 * promise is dropped. In-house memoizers then join the catalog without settings.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { storesOnlySettledValues } from '../promise/resolved-stores.js';
import { calleeName, enclosingFunction, findProperty, isFunction, isInfinity, memberName, programOf, promiseHandlerKind, unwrap, walk, type FunctionNode } from '../syntax/ast.js';
import { lookupMemoizer, type ImportTable } from '../syntax/import-table.js';
import { evictingMethods } from '../catalog/collection-methods.js';
import type { Keying, MemoizerSource, MemoizerSpec, OptionRule } from '../catalog/memoizer-catalog.js';
import { bindingOf, removesThrough } from './memoized-binding.js';

interface ShapeContext {
  text: string;
  imports: ImportTable;
  memoizers: readonly MemoizerSource[];
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
}

/** Bodies longer than this are not helpers but whole modules: not worth a look. */
const MAX_BODY = 6000;
const collectionCtors: ReadonlySet<string> = new Set(['Map', 'WeakMap', 'Object']);
const STORE_HINT = /new (?:Weak)?Map\b|Object\.create\(null\)|=\s*\{\s*\}/;

function identifierParams(fn: FunctionNode): (string | undefined)[] {
  return fn.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p.name : p.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier ? p.left.name : undefined));
}

/** `p(…)`, `p.apply(…)`, `p.call(…)`, `Reflect.apply(p, …)`: the call runs `p`. */
function callsName(call: TSESTree.CallExpression, name: string): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier && object.name === name && ['apply', 'call'].includes(memberName(callee) ?? '')) return true;
    if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Reflect' && memberName(callee) === 'apply') {
      const first = call.arguments[0];
      return first?.type === AST_NODE_TYPES.Identifier && first.name === name;
    }
  }
  return false;
}

/** Whether an options object switches an option rule on (a size, `promise: true`, …). */
export function ruleOn(options: TSESTree.Node | undefined, rule: true | false | OptionRule): boolean {
  if (rule === true || rule === false) return rule;
  const object = options ? unwrap(options) : undefined;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const prop = findProperty(object, rule.names);
  if (!prop) return false;
  const value = unwrap(prop.value);
  if (rule.values) return value.type === AST_NODE_TYPES.Literal && rule.values.includes(value.value as string | boolean);
  return !(value.type === AST_NODE_TYPES.Literal && (value.value === false || value.value === null)) && !isInfinity(value) && !(value.type === AST_NODE_TYPES.NewExpression && calleeName(value.callee) === 'Map');
}

/** A wrapper: the function hands its function parameter to a catalog memoizer and returns what it made. */
function wrapperSpec(fn: FunctionNode, params: (string | undefined)[], calls: TSESTree.CallExpression[], context: ShapeContext): MemoizerSpec | undefined {
  for (const call of calls) {
    const source = lookupMemoizer(call.callee, context.imports, context.memoizers);
    if (!source) continue;
    const { spec } = source;
    const fnIndex = spec.fnArg < 0 ? call.arguments.length - 1 : spec.fnArg;
    const arg = call.arguments[fnIndex];
    let wrapped = arg ? unwrap(arg) : undefined;
    if (wrapped?.type === AST_NODE_TYPES.CallExpression && wrapped.callee.type === AST_NODE_TYPES.MemberExpression && memberName(wrapped.callee) === 'bind') wrapped = unwrap(wrapped.callee.object);
    // The function itself, or a shim around it: `memoize(async (...args) => { try { return await f(...args); } catch … })`.
    const shim = isFunction(wrapped) ? wrapped : undefined;
    const index = shim ? calledParameter(shim, params, context.visitorKeys) : wrapped?.type === AST_NODE_TYPES.Identifier ? params.indexOf(wrapped.name) : -1;
    if (index === -1) continue;
    const options = spec.optionsArg === undefined ? undefined : call.arguments[spec.optionsArg];
    const resolver = spec.resolverArg === undefined ? undefined : call.arguments[spec.resolverArg];
    // A resolver the wrapper takes from its caller (`memoizePromise(f, resolver)`): the caller's keys, else the library's.
    const passedResolver = resolver && unwrap(resolver).type === AST_NODE_TYPES.Identifier ? params.indexOf((unwrap(resolver) as TSESTree.Identifier).name) : -1;
    const bound = bindingOf(call);
    const binding = bound.isVariable ? bound.name : undefined;
    // Curried memoizers (`memoize((a) => memoize((b) => fn(a, b)))`): one memoizer per argument, so every argument is keyed.
    const curried = shim !== undefined && calls.some((inner) => inner !== call && inner.range[0] > shim.range[0] && inner.range[1] <= shim.range[1] && lookupMemoizer(inner.callee, context.imports, context.memoizers) !== undefined);
    // A closure the wrapper returns that hands the memoized function other arguments than its own
    // (`cached(...args.map(toStableRef))`): the wrapper keys them its own way, not the library's.
    const closure = returnedClosure(fn);
    const ownKeys = binding !== undefined && closure !== undefined && !(call.range[0] >= closure.range[0] && call.range[1] <= closure.range[1]) && !passesArgumentsThrough(closure, binding, context.visitorKeys);
    // The wrapper takes the function alone: the library's options, resolver and fixes do not carry over.
    return {
      ...(spec.ttlOptions ? { ttlOptions: spec.ttlOptions } : {}),
      // What the store is stays what it was: one request's (React's `cache()`), or a WeakMap's.
      ...(spec.requestScoped ? { requestScoped: true as const } : {}),
      ...(spec.weakKeys ? { weakKeys: true as const } : {}),
      label: `${spec.label} (through \`${nameOf(fn) ?? 'a wrapper'}\`)`,
      fnArg: index,
      ...(passedResolver !== -1 && passedResolver !== index ? { resolverArg: passedResolver } : {}),
      // A resolver the wrapper itself passes keys every call its way: a JSON text of the arguments, or its own.
      keying: ownKeys ? 'value' : curried && spec.keying === 'first-arg' ? 'all-identity' : passedResolver !== -1 ? spec.keying : resolver ? resolverKeying(resolver) : ruleOn(options, spec.resolverOptions ?? false) ? 'value' : spec.keying,
      bounded: ruleOn(options, spec.bounded),
      // A shim whose rejection path takes its own entry out of the library's cache drops rejections itself.
      promiseSafe: ruleOn(options, spec.promiseSafe) || (shim !== undefined && binding !== undefined && shimDropsOwnEntry(shim, binding, context)),
    };
  }
  return undefined;
}

/**
 * Whether every call of `binding` in the closure passes the closure's own parameters on unchanged
 * (`(a, b) => cached(a, b)`, `(...args) => cached(...args)`); true when it makes no such call.
 */
function passesArgumentsThrough(closure: FunctionNode, binding: string, visitorKeys: ShapeContext['visitorKeys']): boolean {
  const params = new Set(closure.params.flatMap((p) => (p.type === AST_NODE_TYPES.Identifier ? [p.name] : p.type === AST_NODE_TYPES.RestElement && p.argument.type === AST_NODE_TYPES.Identifier ? [p.argument.name] : [])));
  const own = (arg: TSESTree.Node): boolean => {
    const value = arg.type === AST_NODE_TYPES.SpreadElement ? unwrap(arg.argument) : unwrap(arg);
    return value.type === AST_NODE_TYPES.Identifier && params.has(value.name);
  };
  let through = true;
  walk(closure.body, visitorKeys, (node) => {
    if (through && node.type === AST_NODE_TYPES.CallExpression && callsName(node, binding)) through = node.arguments.every(own);
  });
  return through;
}

/** Which of `params` (an enclosing function's) a shim calls (`f(...args)`, `f.apply(this, args)`); -1 if none. */
export function calledParameter(shim: FunctionNode, params: readonly (string | undefined)[], visitorKeys: ShapeContext['visitorKeys']): number {
  let index = -1;
  walk(shim.body, visitorKeys, (node) => {
    if (index === -1 && node.type === AST_NODE_TYPES.CallExpression) index = params.findIndex((name) => name !== undefined && callsName(node, name));
  });
  return index;
}

/** Whether the shim, when the call rejects (a `catch` block, a `.catch` / `.then(_, h)` handler), removes from `binding`'s own cache. */
function shimDropsOwnEntry(shim: FunctionNode, binding: string, context: ShapeContext): boolean {
  const removes = (root: TSESTree.Node): boolean => {
    let found = false;
    walk(root, context.visitorKeys, (node) => {
      if (!found && node.type === AST_NODE_TYPES.CallExpression) found = removesThrough(node, (start) => start.type === AST_NODE_TYPES.Identifier && start.name === binding);
    });
    return found;
  };
  let drops = false;
  walk(shim.body, context.visitorKeys, (node) => {
    if (drops) return;
    if (node.type === AST_NODE_TYPES.CatchClause) drops = removes(node.body);
    else if (node.type === AST_NODE_TYPES.CallExpression) {
      const handler = node.arguments.find((arg) => isFunction(arg) && promiseHandlerKind(arg, node) !== undefined);
      if (handler && isFunction(handler)) drops = removes(handler.body);
    }
  });
  return drops;
}

/** `(...args) => JSON.stringify(args)` keys like fast-memoize; any other resolver keys its own way. */
function resolverKeying(resolver: TSESTree.Node): Keying {
  const fn = unwrap(resolver);
  if (!isFunction(fn)) return 'value';
  const body = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body.find((st): st is TSESTree.ReturnStatement => st.type === AST_NODE_TYPES.ReturnStatement)?.argument : fn.body;
  const value = body ? unwrap(body) : undefined;
  const isJson = value?.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && calleeName(value.callee.object) === 'JSON' && memberName(value.callee) === 'stringify';
  return isJson ? 'json' : 'value';
}

function nameOf(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
}

/** The closure `fn` returns: `return (…) => …`, `return function …`, `return memoized` for a local function. */
function returnedClosure(fn: FunctionNode): FunctionNode | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = unwrap(fn.body);
    return isFunction(body) ? body : undefined;
  }
  const locals = new Map<string, FunctionNode>();
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.FunctionDeclaration) locals.set(statement.id.name, statement);
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of statement.declarations) {
        const init = d.init ? unwrap(d.init) : undefined;
        if (d.id.type === AST_NODE_TYPES.Identifier && isFunction(init)) locals.set(d.id.name, init);
      }
    }
    if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) {
      const value = unwrap(statement.argument);
      if (isFunction(value)) return value;
      if (value.type === AST_NODE_TYPES.Identifier) return locals.get(value.name);
    }
  }
  return undefined;
}

/** The store a closure keys into: `new Map()`, `new WeakMap()`, `{}`, `Object.create(null)` declared in the factory. */
function storeNames(fn: FunctionNode, weak?: Set<string>): Set<string> {
  const names = new Set<string>();
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return names;
  for (const statement of fn.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of statement.declarations) {
      const init = d.init ? unwrap(d.init) : undefined;
      if (d.id.type === AST_NODE_TYPES.Identifier && init && isStoreInit(init)) {
        names.add(d.id.name);
        if (isWeakStore(init)) weak?.add(d.id.name);
      }
    }
  }
  return names;
}

function isWeakStore(init: TSESTree.Node): boolean {
  return init.type === AST_NODE_TYPES.NewExpression && calleeName(init.callee) === 'WeakMap';
}

/**
 * A `WeakMap` declared at module level that the factory's closure keys into: one store for every
 * function the factory memoizes (`const shared = new WeakMap(); export function memo(fn) { return (a) => … shared.get(a) … }`).
 */
export function moduleWeakStores(fn: FunctionNode): Map<string, TSESTree.VariableDeclarator> {
  const found = new Map<string, TSESTree.VariableDeclarator>();
  const program = programOf(fn);
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of declaration.declarations) {
      const init = d.init ? unwrap(d.init) : undefined;
      if (d.id.type === AST_NODE_TYPES.Identifier && init && isWeakStore(init)) found.set(d.id.name, d);
    }
  }
  return found;
}

/**
 * The module-level `WeakMap` a memoizer factory's closure keys into, when the factory makes no store
 * of its own and no key names the memoized function: one store for every function it memoizes, so
 * two of them called with the same arguments read each other's entries.
 */
export function sharedModuleStore(fn: FunctionNode, text: string): TSESTree.VariableDeclarator | undefined {
  const closure = returnedClosure(fn);
  if (!closure || storeNames(fn).size > 0) return undefined;
  const fnParams = identifierParams(fn).filter((p): p is string => p !== undefined);
  const closureText = text.slice(closure.range[0], closure.range[1]);
  for (const [name, declarator] of moduleWeakStores(fn)) {
    const uses = [...closureText.matchAll(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\.\\s*(?:get|set|has)\\s*\\(\\s*([\\w$]+)`, 'g'))];
    if (uses.length > 0 && !uses.some((m) => fnParams.includes(m[1] ?? ''))) return declarator;
  }
  return undefined;
}

/**
 * Which of the closure's arguments a key expression covers: a parameter itself (`a`, by identity), the
 * parameters a JSON text, template or join reads (`JSON.stringify(arg)`: the first only;
 * `JSON.stringify(args)` of a rest: all of them), `arguments` or the rest array itself: all.
 */
function keyCoverage(key: TSESTree.Node, closure: FunctionNode, locals: ReadonlyMap<string, TSESTree.Node>, context: ShapeContext, depth = 0): { args: Set<number>; all: boolean; identity: boolean } {
  const names = closure.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p.name : p.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier ? p.left.name : p.type === AST_NODE_TYPES.RestElement && p.argument.type === AST_NODE_TYPES.Identifier ? p.argument.name : undefined));
  const restIndex = closure.params.findIndex((p) => p.type === AST_NODE_TYPES.RestElement);
  const result = { args: new Set<number>(), all: false, identity: false };
  const node = unwrap(key);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const index = names.indexOf(node.name);
    if (index !== -1 && index !== restIndex) return { args: new Set([index]), all: false, identity: true };
  }
  walk(node, context.visitorKeys, (inner) => {
    if (inner.type !== AST_NODE_TYPES.Identifier) return;
    const parent = inner.parent;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.property === inner && !parent.computed) return;
    if (inner.name === 'arguments') {
      result.all = true;
      return;
    }
    const index = names.indexOf(inner.name);
    if (index === -1) {
      const local = locals.get(inner.name);
      if (local && depth < 3) {
        const nested = keyCoverage(local, closure, locals, context, depth + 1);
        nested.args.forEach((i) => result.args.add(i));
        result.all ||= nested.all;
      }
      return;
    }
    if (index !== restIndex) {
      result.args.add(index);
      return;
    }
    // `args[0]`: one element of the rest array; `args` itself: all of them.
    const element = parent.type === AST_NODE_TYPES.MemberExpression && parent.object === inner && parent.computed && parent.property.type === AST_NODE_TYPES.Literal && typeof parent.property.value === 'number' ? parent.property.value : undefined;
    if (element === undefined) result.all = true;
    else result.args.add(restIndex + element);
  });
  return result;
}

/** A store ctor: `new Map()`, `{}`, `Object.create(null)`. */
function isStoreInit(init: TSESTree.Node): boolean {
  return (
    (init.type === AST_NODE_TYPES.NewExpression && collectionCtors.has(calleeName(init.callee) ?? '')) ||
    (init.type === AST_NODE_TYPES.ObjectExpression && init.properties.length === 0) ||
    (init.type === AST_NODE_TYPES.CallExpression && calleeName(init.callee) === 'create' && init.arguments[0]?.type === AST_NODE_TYPES.Literal)
  );
}

/** An option the factory destructures with a default: `{ getKey = (a) => a, cache = new Map() } = {}`. */
interface OptionDefault {
  /** Index of the options parameter. */
  param: number;
  /** The option's name in the options object. */
  option: string;
  value: TSESTree.Node;
}

/** The factory's destructured options with defaults, by local name. */
function optionDefaults(fn: FunctionNode): Map<string, OptionDefault> {
  const found = new Map<string, OptionDefault>();
  fn.params.forEach((param, index) => {
    const pattern = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return;
    for (const prop of pattern.properties) {
      if (prop.type !== AST_NODE_TYPES.Property || prop.computed || prop.value.type !== AST_NODE_TYPES.AssignmentPattern || prop.value.left.type !== AST_NODE_TYPES.Identifier) continue;
      const option = prop.key.type === AST_NODE_TYPES.Identifier ? prop.key.name : undefined;
      if (option !== undefined) found.set(prop.value.left.name, { param: index, option, value: unwrap(prop.value.right) });
    }
  });
  return found;
}

/** How a key expression uses the closure's arguments. */
function keyingOf(
  key: TSESTree.Node,
  closure: FunctionNode,
  factoryParams: (string | undefined)[],
  locals: ReadonlyMap<string, TSESTree.Node>,
  options: ReadonlyMap<string, OptionDefault>,
  depth = 0,
): { keying: Keying; resolverArg?: number; resolverOption?: OptionDefault } {
  const node = unwrap(key);
  const [first] = closure.params;
  const rest = first?.type === AST_NODE_TYPES.RestElement && first.argument.type === AST_NODE_TYPES.Identifier ? first.argument.name : undefined;
  if (node.type === AST_NODE_TYPES.Identifier) {
    if (first?.type === AST_NODE_TYPES.Identifier && node.name === first.name) return { keying: 'first-arg' };
    const local = locals.get(node.name);
    if (local && depth < 3) return keyingOf(local, closure, factoryParams, locals, options, depth + 1);
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && rest !== undefined && unwrap(node.object).type === AST_NODE_TYPES.Identifier && (unwrap(node.object) as TSESTree.Identifier).name === rest) {
    if (node.computed && node.property.type === AST_NODE_TYPES.Literal && node.property.value === 0) return { keying: 'first-arg' };
  }
  if (node.type === AST_NODE_TYPES.ConditionalExpression || node.type === AST_NODE_TYPES.LogicalExpression) {
    // `resolver ? resolver(...args) : args[0]`: the default keying, with a resolver argument.
    const branches = node.type === AST_NODE_TYPES.ConditionalExpression ? [node.consequent, node.alternate] : [node.left, node.right];
    const parts = branches.map((b) => keyingOf(b, closure, factoryParams, locals, options, depth + 1));
    const resolver = parts.find((p) => p.resolverArg !== undefined);
    const plain = parts.find((p) => p.resolverArg === undefined);
    if (resolver && plain) return { keying: plain.keying, resolverArg: resolver.resolverArg };
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && calleeName(callee.object) === 'JSON' && memberName(callee) === 'stringify') return { keying: 'json' };
    if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'join') return { keying: 'json' };
    const index = callee.type === AST_NODE_TYPES.Identifier ? factoryParams.indexOf(callee.name) : -1;
    if (index !== -1) return { keying: 'custom', resolverArg: index };
    // `getKey(arg)` with `{ getKey = (arg) => arg } = {}`: the default's keying, unless the caller passes its own.
    const option = callee.type === AST_NODE_TYPES.Identifier ? options.get(callee.name) : undefined;
    if (option && isFunction(option.value)) return { keying: defaultKeyKeying(option.value), resolverOption: option };
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral || (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')) return { keying: 'json' };
  // Anything else (a hash, a serializer of its own): by value as far as we can tell.
  return { keying: 'value' };
}

/** The keying of a key function given as an option's default: `(arg) => arg` keys on the first argument itself. */
function defaultKeyKeying(fn: FunctionNode): Keying {
  const [first] = fn.params;
  const body = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body.find((st): st is TSESTree.ReturnStatement => st.type === AST_NODE_TYPES.ReturnStatement)?.argument : fn.body;
  const value = body ? unwrap(body) : undefined;
  if (first?.type === AST_NODE_TYPES.Identifier && value?.type === AST_NODE_TYPES.Identifier && value.name === first.name) return 'first-arg';
  return resolverKeying(fn);
}

/**
 * When a removal inside the factory runs: only when the call rejects (a `catch` block, a `.catch` or
 * `.then(_, onRejected)` handler), on both paths (`finally`, `.finally`), or on success (anything else).
 */
function rejectionPathOf(removal: TSESTree.Node, factory: FunctionNode): 'rejection' | 'both' | 'success' {
  for (let node: TSESTree.Node = removal; node.parent && node !== factory; node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.CatchClause) return 'rejection';
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === node) return 'both';
    if (isFunction(node) && parent.type === AST_NODE_TYPES.CallExpression) {
      const kind = promiseHandlerKind(node, parent);
      if (kind !== undefined) return kind === 'settled' ? 'both' : 'rejection';
    }
  }
  return 'success';
}

/**
 * Whether a removal runs once a call settles: on both paths itself (`.finally(() => cache.delete(k))`),
 * or in a helper of the factory (`const expire = (k) => setTimeout(() => cache.delete(k), ttl)`) that
 * is called on both paths.
 */
function removedOnSettle(removal: TSESTree.Node, factory: FunctionNode, visitorKeys: ShapeContext['visitorKeys']): boolean {
  if (rejectionPathOf(removal, factory) === 'both') return true;
  // The outermost function between the removal and the factory, when it is a named helper of the factory.
  let helper: FunctionNode | undefined;
  for (let node: TSESTree.Node | undefined = removal.parent; node && node !== factory; node = node.parent) if (isFunction(node)) helper = node;
  const binding = helper?.parent;
  const name =
    helper?.type === AST_NODE_TYPES.FunctionDeclaration ? helper.id?.name : binding?.type === AST_NODE_TYPES.VariableDeclarator && binding.id.type === AST_NODE_TYPES.Identifier ? binding.id.name : undefined;
  if (name === undefined) return false;
  let settled = false;
  walk(factory.body, visitorKeys, (node) => {
    if (!settled && node.type === AST_NODE_TYPES.CallExpression && callsName(node, name) && rejectionPathOf(node, factory) === 'both') settled = true;
  });
  return settled;
}

/**
 * A call whose promise the caching closure itself awaits where it is made (`await f(x)`,
 * `await (f(x) as Promise<T>)`): not one in a nested function, whose own promise may be what is kept.
 */
function awaitedInPlace(call: TSESTree.CallExpression, closure: FunctionNode): boolean {
  let node: TSESTree.Node = call;
  while (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression || node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression) node = node.parent;
  return node.parent.type === AST_NODE_TYPES.AwaitExpression && enclosingFunction(node.parent) === closure;
}

/**
 * Whether some write keeps what a call of the function gave: the call itself (`cache.set(k, fn(x))`),
 * or a name it reached through declarations and assignments (`const p = fn(x).finally(…)`,
 * `entry.value = await fn(x)`, `const record = { value: result }`).
 */
function keepsResultOf(body: TSESTree.Node, fnCalls: readonly TSESTree.CallExpression[], writes: readonly { value: TSESTree.Node }[], visitorKeys: ShapeContext['visitorKeys']): boolean {
  const calls: ReadonlySet<TSESTree.Node> = new Set(fnCalls);
  const results = new Set<string>();
  const carries = (node: TSESTree.Node): boolean => {
    let found = false;
    walk(node, visitorKeys, (inner) => {
      found ||= calls.has(inner) || (inner.type === AST_NODE_TYPES.Identifier && results.has(inner.name));
    });
    return found;
  };
  const rootName = (node: TSESTree.Node): string | undefined => {
    let target = unwrap(node);
    while (target.type === AST_NODE_TYPES.MemberExpression) target = unwrap(target.object);
    return target.type === AST_NODE_TYPES.Identifier ? target.name : undefined;
  };
  // Names that hold a result, to a fixed point: `const r = fn(x); const entry = { r };` reaches `entry`.
  for (let size = -1; size !== results.size; ) {
    size = results.size;
    walk(body, visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init && carries(node.init)) {
        walk(node.id, visitorKeys, (name) => {
          if (name.type === AST_NODE_TYPES.Identifier) results.add(name.name);
        });
      } else if (node.type === AST_NODE_TYPES.AssignmentExpression && carries(node.right)) {
        const name = rootName(node.left);
        if (name !== undefined) results.add(name);
      }
    });
  }
  return writes.some((write) => carries(write.value));
}

/** A factory that returns a caching closure around its function parameter. */
function closureSpec(fn: FunctionNode, params: (string | undefined)[], context: ShapeContext): MemoizerSpec | undefined {
  const closure = returnedClosure(fn);
  if (!closure) return undefined;
  const weak = new Set<string>();
  const stores = storeNames(fn, weak);
  const options = optionDefaults(fn);
  // `{ cache = new Map() } = {}`: the store is the default of an option the caller may replace.
  const storeOption = [...options].find(([, o]) => isStoreInit(o.value));
  if (storeOption) stores.add(storeOption[0]);
  // A module-level WeakMap the closure keys into (bounded by its keys' lives; shared by every memoized function).
  if (stores.size === 0) {
    const closureText = context.text.slice(closure.range[0], closure.range[1]);
    for (const name of moduleWeakStores(fn).keys()) {
      if (!new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\.\\s*(?:get|set|has)\\b`).test(closureText)) continue;
      stores.add(name);
      weak.add(name);
    }
  }
  if (stores.size === 0) return undefined;
  // What one walk of the factory finds: the call of its function parameter, the store's keys, reads and removals.
  const seen: { fnIndex: number; fnCalls: TSESTree.CallExpression[]; key?: TSESTree.Node; keys: TSESTree.Node[]; storedValue?: TSESTree.Node; reads: boolean; bounded: boolean; dropsRejections: boolean } = {
    fnIndex: -1,
    fnCalls: [],
    keys: [],
    reads: false,
    bounded: false,
    dropsRejections: false,
  };
  const locals = new Map<string, TSESTree.Node>();
  const storeWrites: { node: TSESTree.Node; value: TSESTree.Node }[] = [];
  const storeOf = (node: TSESTree.Node): boolean => stores.has(calleeName(node) ?? '');
  // A store of stores: `let inner = outer.get(a); if (!inner) { inner = new WeakMap(); outer.set(a, inner); } inner.set(b, value)`.
  const takenFromStore = (value: TSESTree.Node): boolean => {
    const node = unwrap(value);
    return node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === 'get' && storeOf(node.callee.object);
  };
  const addInnerStore = (name: string): void => {
    stores.add(name);
    if (weak.size > 0) weak.add(name);
  };
  const removals: TSESTree.Node[] = [];
  const noteRemoval = (removal: TSESTree.Node): void => {
    removals.push(removal);
    const path = rejectionPathOf(removal, fn);
    if (path !== 'success') seen.dropsRejections = true;
    if (path !== 'rejection') seen.bounded = true;
  };
  walk(fn.body, context.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init) {
      locals.set(node.id.name, node.init);
      if (takenFromStore(node.init)) addInnerStore(node.id.name);
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      if (seen.fnIndex === -1) seen.fnIndex = params.findIndex((name) => name !== undefined && callsName(node, name));
      const fnName = params[seen.fnIndex];
      if (fnName !== undefined && callsName(node, fnName)) seen.fnCalls.push(node);
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = memberName(callee) ?? '';
      if (node.arguments.some((arg) => promiseHandlerKind(arg, node) !== undefined)) seen.dropsRejections = true;
      if (!storeOf(callee.object)) return;
      if (method === 'set' && node.arguments[0]) {
        seen.key ??= node.arguments[0];
        seen.keys.push(node.arguments[0]);
        const value = node.arguments[1] ? unwrap(node.arguments[1]) : undefined;
        // `outer.set(a, inner)` with `const inner = new WeakMap()`: a store of stores.
        const local = value?.type === AST_NODE_TYPES.Identifier ? locals.get(value.name) : undefined;
        if (value?.type === AST_NODE_TYPES.Identifier && (stores.has(value.name) || (local && isStoreInit(unwrap(local))))) addInnerStore(value.name);
        else {
          seen.storedValue = value;
          if (node.arguments[1]) storeWrites.push({ node, value: node.arguments[1] });
        }
      } else if (method === 'get' || method === 'has') seen.reads = true;
      // Removals, including trimming under a size check (`if (cache.size > max) cache.delete(…)`); one
      // that runs only when the call rejects drops rejections and bounds nothing.
      else if (evictingMethods.has(method)) noteRemoval(node);
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && node.computed && storeOf(node.object)) {
      const parent = node.parent;
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) {
        seen.key ??= node.property;
        seen.keys.push(node.property);
        seen.storedValue = parent.right;
        storeWrites.push({ node: parent, value: parent.right });
      } else if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') noteRemoval(parent);
      else seen.reads = true;
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === 'in' && storeOf(node.right)) seen.reads = true;
  });
  const { fnIndex, key, storedValue, bounded, dropsRejections } = seen;
  const inFlightOnly = removals.some((removal) => removedOnSettle(removal, fn, context.visitorKeys));
  if (fnIndex === -1 || !key || !seen.reads) return undefined;
  // A hit hands back what a call of the function gave: a store that keeps something else (a rate
  // limiter's timestamps, a counter) while every call runs the function is no memoizer.
  if (storeWrites.length > 0 && !keepsResultOf(fn.body, seen.fnCalls, storeWrites, context.visitorKeys)) return undefined;
  const found = keyingOf(key, closure, params, locals, options);
  const { resolverArg, resolverOption } = found;
  let { keying } = found;
  // How many of the closure's arguments the keys cover, all keys of nested stores together.
  let keyedArgs: number | undefined;
  if (keying === 'first-arg' || keying === 'json') {
    const covered = seen.keys.map((k) => keyCoverage(k, closure, locals, context));
    const args = new Set(covered.flatMap((c) => [...c.args]));
    if (!covered.some((c) => c.all)) {
      let leading = 0;
      while (args.has(leading)) leading += 1;
      if (leading > 1 && keying === 'first-arg' && covered.every((c) => c.identity)) keying = 'all-identity';
      // A closure that names more parameters than it keys (\`(a1, a2, a3, a4)\` keyed on two) leaves the others out on
      // purpose (its author wrote both); one that takes only what it keys (\`(arg) => fn(arg)\`) drops what callers pass.
      const named = closure.params.filter((p) => p.type !== AST_NODE_TYPES.RestElement).length;
      if (leading > 0 && named <= leading && (keying !== 'first-arg' || leading > 1)) keyedArgs = leading;
    }
  }
  const weakOnly = weak.size > 0 && [...stores].every((name) => weak.has(name));
  const stored = storedValue ? unwrap(storedValue) : undefined;
  // Every call of the function awaited in place (`const matches = await search(query)`): its promise
  // never reaches the store, whatever is built from the value and kept.
  const storesAwaited = stored?.type === AST_NODE_TYPES.AwaitExpression || (seen.fnCalls.length > 0 && seen.fnCalls.every((call) => awaitedInPlace(call, closure)));
  // Options the caller may pass: its own key function, its own (bounded) store.
  const optionsParam = resolverOption?.param ?? storeOption?.[1].param;
  return {
    label: `\`${nameOf(fn) ?? 'memoize'}\` (an in-house memoizer)`,
    keying,
    fnArg: fnIndex,
    ...(resolverArg !== undefined && resolverArg !== fnIndex ? { resolverArg } : {}),
    ...(optionsParam !== undefined ? { optionsArg: optionsParam } : {}),
    ...(resolverOption ? { resolverOptions: { names: [resolverOption.option] } } : {}),
    ...(keyedArgs !== undefined ? { keyedArgs } : {}),
    ...(weakOnly ? { weakKeys: true as const } : {}),
    // A WeakMap holds an entry only while its key object lives.
    bounded: weakOnly || bounded || (storeOption && storeOption[1].param === optionsParam ? { names: [storeOption[1].option] } : false),
    // A store that only ever receives settled values (awaited, or given to `.then`) keeps no rejection.
    promiseSafe: storesAwaited || dropsRejections || storesOnlySettledValues(storeWrites),
    ...(inFlightOnly ? { inFlightOnly: true as const } : {}),
  };
}

/** Local names bound to a memoizer module (`_`, `memoize`, `moize`): a wrapper must call one of them. */
function memoizerLocals(context: ShapeContext): string[] {
  const locals: string[] = [];
  for (const [local, binding] of context.imports) {
    // `useState` from `react` is no memoizer: a mostly-other module counts through its memoizer export.
    if (context.memoizers.some((m) => m.module === binding.module && (!m.spec.requestScoped || binding.export === m.export || binding.export === 'default' || binding.export === '*'))) locals.push(local);
  }
  return locals;
}

/** The catalog entry a function earns by its shape, if it is a memoizer. */
export function memoizerShapeOf(fn: FunctionNode, context: ShapeContext): MemoizerSpec | undefined {
  if (fn.params.length === 0 || fn.body.range[1] - fn.body.range[0] > MAX_BODY) return undefined;
  const params = identifierParams(fn);
  if (params.every((p) => p === undefined)) return undefined;
  // A cheap look at the text first: most functions of a file neither make a store nor call a memoizer.
  // Parameters too: a store may be an option's default (`{ cache = new Map() } = {}`).
  const body = context.text.slice(fn.params[0]?.range[0] ?? fn.body.range[0], fn.body.range[1]);
  if (!STORE_HINT.test(body) && !memoizerLocals(context).some((local) => body.includes(local))) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  walk(fn.body, context.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
  });
  return wrapperSpec(fn, params, calls, context) ?? closureSpec(fn, params, context);
}

/** Top-level functions of a file by name: `function f`, `const f = (…) => …`, exported or not. */
export function topLevelFunctions(program: TSESTree.Program): Map<string, FunctionNode> {
  const found = new Map<string, FunctionNode>();
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) found.set(declaration.id.name, declaration);
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of declaration.declarations) {
      const init = d.init ? unwrap(d.init) : undefined;
      if (d.id.type === AST_NODE_TYPES.Identifier && isFunction(init)) found.set(d.id.name, init);
    }
  }
  return found;
}

/** Memoizers a file defines for itself, by local name. */
export function localMemoizers(model: {
  program: TSESTree.Program;
  sourceCode: { text: string };
  imports: ImportTable;
  settings: { memoizers: readonly MemoizerSource[] };
  facts: { visitorKeys: ShapeContext['visitorKeys'] };
  filename: string;
}): Map<string, MemoizerSource> {
  const found = new Map<string, MemoizerSource>();
  const context: ShapeContext = { text: model.sourceCode.text, imports: model.imports, memoizers: model.settings.memoizers, visitorKeys: model.facts.visitorKeys };
  /** Curried memoizers: `memoizeBy(keyOf)` returns a memoizer; what it returns is judged by shape. */
  const curried = new Map<string, MemoizerSpec>();
  for (const [name, fn] of topLevelFunctions(model.program)) {
    const spec = memoizerShapeOf(fn, context);
    if (spec) {
      found.set(name, { module: model.filename, export: name, spec });
      continue;
    }
    const inner = returnedClosure(fn);
    const innerSpec = inner ? memoizerShapeOf(inner, context) : undefined;
    if (innerSpec) curried.set(name, { ...innerSpec, label: `\`${name}(…)\` (an in-house memoizer)` });
  }
  // `const byId = memoizeBy((id) => id)` at top level: `byId` is that memoizer.
  if (curried.size > 0) {
    for (const statement of model.program.body) {
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const d of declaration.declarations) {
        const init = d.init ? unwrap(d.init) : undefined;
        const spec = init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier ? curried.get(init.callee.name) : undefined;
        if (spec && d.id.type === AST_NODE_TYPES.Identifier && !found.has(d.id.name)) found.set(d.id.name, { module: model.filename, export: d.id.name, spec });
      }
    }
  }
  return found;
}

