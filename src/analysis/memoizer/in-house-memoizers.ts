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
import { calleeName, findProperty, isFunction, isInfinity, memberName, promiseHandlerKind, unwrap, walk, type FunctionNode } from '../syntax/ast.js';
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
const collectionCtors: ReadonlySet<string> = new Set(['Map', 'Object']);
const STORE_HINT = /new Map\b|Object\.create\(null\)|=\s*\{\s*\}/;

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
    // The wrapper takes the function alone: the library's options, resolver and fixes do not carry over.
    return {
      ...(spec.ttlOptions ? { ttlOptions: spec.ttlOptions } : {}),
      label: `${spec.label} (through \`${nameOf(fn) ?? 'a wrapper'}\`)`,
      fnArg: index,
      ...(passedResolver !== -1 && passedResolver !== index ? { resolverArg: passedResolver } : {}),
      // A resolver the wrapper itself passes keys every call its way: a JSON text of the arguments, or its own.
      keying: passedResolver !== -1 ? spec.keying : resolver ? resolverKeying(resolver) : ruleOn(options, spec.resolverOptions ?? false) ? 'value' : spec.keying,
      bounded: ruleOn(options, spec.bounded),
      // A shim whose rejection path takes its own entry out of the library's cache drops rejections itself.
      promiseSafe: ruleOn(options, spec.promiseSafe) || (shim !== undefined && binding !== undefined && shimDropsOwnEntry(shim, binding, context)),
    };
  }
  return undefined;
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

/** The store a closure keys into: `new Map()`, `{}`, `Object.create(null)` declared in the factory. */
function storeNames(fn: FunctionNode): Set<string> {
  const names = new Set<string>();
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return names;
  for (const statement of fn.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of statement.declarations) {
      const init = d.init ? unwrap(d.init) : undefined;
      if (d.id.type === AST_NODE_TYPES.Identifier && init && isStoreInit(init)) names.add(d.id.name);
    }
  }
  return names;
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

/** A factory that returns a caching closure around its function parameter. */
function closureSpec(fn: FunctionNode, params: (string | undefined)[], context: ShapeContext): MemoizerSpec | undefined {
  const closure = returnedClosure(fn);
  if (!closure) return undefined;
  const stores = storeNames(fn);
  const options = optionDefaults(fn);
  // `{ cache = new Map() } = {}`: the store is the default of an option the caller may replace.
  const storeOption = [...options].find(([, o]) => isStoreInit(o.value));
  if (storeOption) stores.add(storeOption[0]);
  if (stores.size === 0) return undefined;
  // What one walk of the factory finds: the call of its function parameter, the store's key, reads and removals.
  const seen: { fnIndex: number; key?: TSESTree.Node; storedValue?: TSESTree.Node; reads: boolean; bounded: boolean; dropsRejections: boolean } = {
    fnIndex: -1,
    reads: false,
    bounded: false,
    dropsRejections: false,
  };
  const locals = new Map<string, TSESTree.Node>();
  const storeWrites: { node: TSESTree.Node; value: TSESTree.Node }[] = [];
  const storeOf = (node: TSESTree.Node): boolean => stores.has(calleeName(node) ?? '');
  const noteRemoval = (removal: TSESTree.Node): void => {
    const path = rejectionPathOf(removal, fn);
    if (path !== 'success') seen.dropsRejections = true;
    if (path !== 'rejection') seen.bounded = true;
  };
  walk(fn.body, context.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init) locals.set(node.id.name, node.init);
    if (node.type === AST_NODE_TYPES.CallExpression) {
      if (seen.fnIndex === -1) seen.fnIndex = params.findIndex((name) => name !== undefined && callsName(node, name));
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = memberName(callee) ?? '';
      if (node.arguments.some((arg) => promiseHandlerKind(arg, node) !== undefined)) seen.dropsRejections = true;
      if (!storeOf(callee.object)) return;
      if (method === 'set' && node.arguments[0]) {
        seen.key = node.arguments[0];
        seen.storedValue = node.arguments[1];
        if (node.arguments[1]) storeWrites.push({ node, value: node.arguments[1] });
      } else if (method === 'get' || method === 'has') seen.reads = true;
      // Removals, including trimming under a size check (`if (cache.size > max) cache.delete(…)`); one
      // that runs only when the call rejects drops rejections and bounds nothing.
      else if (evictingMethods.has(method)) noteRemoval(node);
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && node.computed && storeOf(node.object)) {
      const parent = node.parent;
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) {
        seen.key = node.property;
        seen.storedValue = parent.right;
        storeWrites.push({ node: parent, value: parent.right });
      } else if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') noteRemoval(parent);
      else seen.reads = true;
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === 'in' && storeOf(node.right)) seen.reads = true;
  });
  const { fnIndex, key, storedValue, bounded, dropsRejections } = seen;
  if (fnIndex === -1 || !key || !seen.reads) return undefined;
  const { keying, resolverArg, resolverOption } = keyingOf(key, closure, params, locals, options);
  const stored = storedValue ? unwrap(storedValue) : undefined;
  const storesAwaited = stored?.type === AST_NODE_TYPES.AwaitExpression;
  // Options the caller may pass: its own key function, its own (bounded) store.
  const optionsParam = resolverOption?.param ?? storeOption?.[1].param;
  return {
    label: `\`${nameOf(fn) ?? 'memoize'}\` (an in-house memoizer)`,
    keying,
    fnArg: fnIndex,
    ...(resolverArg !== undefined && resolverArg !== fnIndex ? { resolverArg } : {}),
    ...(optionsParam !== undefined ? { optionsArg: optionsParam } : {}),
    ...(resolverOption ? { resolverOptions: { names: [resolverOption.option] } } : {}),
    bounded: bounded || (storeOption && storeOption[1].param === optionsParam ? { names: [storeOption[1].option] } : false),
    // A store that only ever receives settled values (awaited, or given to `.then`) keeps no rejection.
    promiseSafe: storesAwaited || dropsRejections || storesOnlySettledValues(storeWrites),
  };
}

/** Local names bound to a memoizer module (`_`, `memoize`, `moize`): a wrapper must call one of them. */
function memoizerLocals(context: ShapeContext): string[] {
  const locals: string[] = [];
  for (const [local, binding] of context.imports) if (context.memoizers.some((m) => m.module === binding.module)) locals.push(local);
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

