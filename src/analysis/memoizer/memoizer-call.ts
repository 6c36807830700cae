/**
 * Questions about one memoizer call, answered from the catalog entry and the call's own options:
 * what it wraps, whether it is bounded, promise-safe, given a resolver, how it keys each parameter.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, findProperty, isFalsyLiteral, isFunction, isInfinity, memberName, unwrap, type FunctionNode } from '../syntax/ast.js';
import type { FileModel, MemoizerCall } from '../model/file-model.js';
import type { OptionRule } from '../catalog/memoizer-catalog.js';
import { fnLength, paramFacts, typedParamKinds, type ParamFacts } from './parameter-keys.js';
import { unwrapBind } from '../syntax/ast.js';
import type { TypeKind } from '../syntax/type-tools.js';
import { functionOfVariable, resolveIdentifier, valueDef } from '../syntax/references.js';

/** The option's property when the call sets it to a value that switches it on. */
function optionSet(call: MemoizerCall, rule: OptionRule): TSESTree.Property | undefined {
  if (!call.options) return undefined;
  const prop = findProperty(call.options, rule.names);
  if (!prop) return undefined;
  const value = unwrap(prop.value);
  if (rule.values) {
    if (isFunction(value)) return prop;
    return value.type === AST_NODE_TYPES.Literal && rule.values.includes(value.value as string | boolean) ? prop : undefined;
  }
  return isFalsyLiteral(value) || isInfinity(value) ? undefined : prop;
}

/** Options we cannot see into (`memoize(fn, opts)`, `{ ...defaults }`): assume the user bounded it. */
function optionsOpaque(call: MemoizerCall): boolean {
  const index = call.spec.optionsArg;
  if (index === undefined) return false;
  const arg = call.node.arguments[index];
  if (!arg) return false;
  if (!call.options) return true;
  return call.options.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement);
}

/** `cache: new Map()` does not bound; `cache: new QuickLRU({ maxSize })` does. */
function isBoundedCacheValue(value: TSESTree.Node, model: FileModel): boolean {
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && (node.callee.name === 'Map' || node.callee.name === 'Object')) return false;
  if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) {
    const spec = model.cacheClass(node.callee);
    if (spec) return spec.bounded;
  }
  if (node.type === AST_NODE_TYPES.ObjectExpression && node.properties.length === 0) return false;
  // A cache made elsewhere (`cache: lru`) or a WeakMap: the user chose it; trust it.
  return true;
}

export function isBounded(call: MemoizerCall, model: FileModel): boolean {
  const { bounded, unboundOption } = call.spec;
  if (bounded === true) {
    if (unboundOption === undefined || !call.options) return true;
    const prop = findProperty(call.options, [unboundOption]);
    return !(prop && isInfinity(prop.value));
  }
  if (bounded === false) return false;
  if (optionsOpaque(call)) return true;
  const prop = optionSet(call, bounded);
  if (!prop) return false;
  return !(prop.key.type === AST_NODE_TYPES.Identifier && prop.key.name === 'cache') || isBoundedCacheValue(prop.value, model);
}

export function isPromiseSafe(call: MemoizerCall): boolean {
  const { promiseSafe } = call.spec;
  if (promiseSafe === true) return true;
  if (promiseSafe === false) return false;
  return optionsOpaque(call) || optionSet(call, promiseSafe) !== undefined;
}

export function hasTtl(call: MemoizerCall): boolean {
  return call.spec.ttlOptions !== undefined && (optionsOpaque(call) || optionSet(call, call.spec.ttlOptions) !== undefined);
}

/** The positional resolver, unless it is absent or written as `undefined` / `null` (lodash then keys on the first argument). */
export function resolverArgument(call: MemoizerCall): TSESTree.CallExpressionArgument | undefined {
  const index = call.spec.resolverArg;
  const arg = index === undefined ? undefined : call.node.arguments[index];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return arg;
  const value = unwrap(arg);
  const nullish = (value.type === AST_NODE_TYPES.Literal && value.value === null && !('regex' in value)) || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') || (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void');
  return nullish ? undefined : arg;
}

/** A resolver replaces the default keying: lodash's second argument, `cacheKey`, `normalizer`, `key`. */
export function hasResolver(call: MemoizerCall): boolean {
  const { resolverOptions } = call.spec;
  const argument = resolverArgument(call);
  if (argument !== undefined && call.spec.keying !== 'custom') return !isIdentityKey(argument);
  if (!resolverOptions) return false;
  if (optionsOpaque(call)) return true;
  const prop = optionSet(call, resolverOptions);
  return prop !== undefined && !isIdentityKey(prop.value);
}

/** `(first) => first`, `function (x) { return x; }`: a key function that keys on its first argument as it is, by identity. */
function isIdentityKey(node: TSESTree.Node): boolean {
  const fn = unwrap(node);
  if (!isFunction(fn)) return false;
  const [first] = fn.params;
  const name = first?.type === AST_NODE_TYPES.Identifier ? first.name : first?.type === AST_NODE_TYPES.AssignmentPattern && first.left.type === AST_NODE_TYPES.Identifier ? first.left.name : undefined;
  if (name === undefined) return false;
  const body = fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.length === 1 && fn.body.body[0]?.type === AST_NODE_TYPES.ReturnStatement ? fn.body.body[0].argument : fn.body;
  const value = body ? unwrap(body) : undefined;
  return value?.type === AST_NODE_TYPES.Identifier && value.name === name;
}

export interface WrappedFunction {
  /** The function's own node when it is written in this file. */
  node: FunctionNode | undefined;
  /** The expression passed to the memoizer (for the type checker). */
  reference: TSESTree.Node;
}

/** Finds the function a memoizer wraps: inline, a declaration or `const` of the file, a method, `fn.bind(this)`. */
export function wrappedFunction(call: MemoizerCall, model: FileModel): WrappedFunction | undefined {
  if (!call.fnArg) return undefined;
  const reference = unwrapBind(call.fnArg);
  if (isFunction(reference)) return { node: reference, reference };
  if (reference.type === AST_NODE_TYPES.Identifier) return { node: functionOfVariable(resolveIdentifier(model.sourceCode, reference)), reference };
  if (reference.type === AST_NODE_TYPES.MemberExpression) {
    // `this.load` / `service.load`: a method of the file with that name, when there is exactly one.
    const name = memberName(reference);
    const candidates = name === undefined ? [] : (model.functionsByName.get(name) ?? []);
    return { node: candidates.length === 1 ? candidates[0] : undefined, reference };
  }
  return { node: undefined, reference };
}

function isThisParameter(param: TSESTree.Parameter): boolean {
  return param.type === AST_NODE_TYPES.Identifier && param.name === 'this';
}

export interface KeyedParam {
  kind: TypeKind;
  optional: boolean;
  rest: boolean;
  hasDefault: boolean;
  /** The parameter's node, when the function is in this file. */
  node: TSESTree.Parameter | undefined;
}

/** The wrapped function's parameters, from its node or, for an imported function, its type. */
export function wrappedParams(wrapped: WrappedFunction, model: FileModel): KeyedParam[] | undefined {
  if (wrapped.node) {
    // A TypeScript `this` parameter is not an argument: `function f(this: X, amount: number)` takes one.
    return wrapped.node.params.filter((param) => !isThisParameter(param)).map((param): KeyedParam => {
      const facts: ParamFacts = paramFacts(param, model.types, model.facts.classNames);
      return { kind: facts.kind, optional: facts.optional, rest: facts.rest, hasDefault: facts.hasDefault, node: param };
    });
  }
  if (!model.types) return undefined;
  return typedParamKinds(model.types, wrapped.reference)?.map((p) => ({ ...p, hasDefault: false, node: undefined }));
}

/**
 * `createSelector([selectLines, (_state, options) => options], …)`: an input selector written in the
 * call returns one of the selector's arguments after the state whole, so that argument's identity
 * decides whether the result is recomputed. Input selectors given by name are not in sight.
 */
function inputSelectorPassesArgument(call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  const inputs = first?.type === AST_NODE_TYPES.ArrayExpression ? first.elements : call.arguments.slice(0, -1);
  return inputs.some((input) => {
    const fn = input ? unwrap(input) : undefined;
    if (!fn || !isFunction(fn)) return false;
    const returned = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body.flatMap((s) => (s.type === AST_NODE_TYPES.ReturnStatement && s.argument ? [s.argument] : [])) : [fn.body];
    return returned.some((value) => {
      const node = unwrap(value);
      return node.type === AST_NODE_TYPES.Identifier && fn.params.slice(1).some((p) => p.type === AST_NODE_TYPES.Identifier && p.name === node.name);
    });
  });
}

/**
 * How many leading arguments a memoizer keys on, given the wrapped function's parameters: one for a
 * first-argument memoizer, `fn.length` for memoizee-like ones (the parameters before the first default
 * or rest), every one otherwise (`Infinity` when unknown).
 */
export function keyedArgumentCount(call: MemoizerCall, params: readonly KeyedParam[] | undefined): number {
  // A selector's arguments reach its memo only through its input selectors: all of them read the
  // state (the first); a later one counts when an input selector returns it whole.
  if (call.spec.selectorInputs === true && !inputSelectorPassesArgument(call.node)) return 1;
  const limit = call.spec.keyedArgs ?? Infinity;
  switch (call.spec.keying) {
    case 'first-arg':
      return 1;
    case 'fn-length':
    case 'string':
      return Math.min(limit, params ? fnLength(params) : Infinity);
    default:
      return limit;
  }
}

/**
 * `memoize((a, b) => a.localeCompare(b))(a, b)`: the memoized function is called where it is made and
 * kept nowhere, so its cache lives for that one call and answers no later one.
 */
export function usedOnceInPlace(call: MemoizerCall): boolean {
  let node: TSESTree.Node = call.node;
  while (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression) node = node.parent;
  return node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node;
}

/**
 * A memoized function that holds one entry: it takes no arguments (and never reads `arguments`), a
 * memoizer that keys on `fn.length` arguments wraps a function whose `fn.length` is 0 (`(terms = []) =>`,
 * `(...args) =>`: memoizee then keeps one value whatever the arguments), or its binding is only ever
 * called with none. A lazy singleton, not a growing cache.
 */
export function holdsOneEntry(call: MemoizerCall, model: FileModel): boolean {
  const wrapped = wrappedFunction(call, model);
  if (wrapped?.node && wrapped.node.params.length === 0 && !model.sourceCode.getText(wrapped.node).includes('arguments')) return true;
  if (wrapped?.node && (call.spec.keying === 'fn-length' || call.spec.keying === 'string') && !hasResolver(call)) {
    const params = wrappedParams(wrapped, model);
    if (params && params.length > 0 && keyedArgumentCount(call, params) === 0) return true;
  }
  if (!call.bindingIsVariable) return false;
  const declarator = call.node.parent;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
  const variable = model.sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
  const uses = variable?.references.filter((ref) => !ref.init) ?? [];
  // Exported or handed elsewhere, it may be called with arguments we cannot see.
  return uses.length > 0 && uses.every((ref) => ref.identifier.parent.type === AST_NODE_TYPES.CallExpression && ref.identifier.parent.callee === ref.identifier && ref.identifier.parent.arguments.length === 0);
}

/**
 * A memoizer call whose cache grows with every distinct argument list: not tiny or weak by design
 * (memoize-one, reselect), not bounded, and not a one-entry singleton.
 */
export function growsUnbounded(call: MemoizerCall, model: FileModel): boolean {
  return call.spec.keying !== 'identity-by-design' && !isBounded(call, model) && !holdsOneEntry(call, model);
}

const callIndexes = new WeakMap<FileModel, Map<string, TSESTree.CallExpression[]>>();

/** The file's calls by callee name (`f()`, `x.f()`, `this.f()` under `f`), indexed once per file. */
export function callsNamed(model: FileModel, name: string): readonly TSESTree.CallExpression[] {
  let index = callIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const c of model.calls) {
      const callee = calleeName(c.callee);
      if (callee === undefined) continue;
      const list = index.get(callee);
      if (list) list.push(c);
      else index.set(callee, [c]);
    }
    callIndexes.set(model, index);
  }
  return index.get(name) ?? [];
}

/** The calls of the memoized binding in this file: `getUser(id)`, `this.getUser(id)` (each name of a constructor loop). */
export function memoizedCalls(model: FileModel, call: MemoizerCall): TSESTree.CallExpression[] {
  return call.bindingNames.flatMap((name) =>
    callsNamed(model, name).filter((c) => {
      const callee = unwrap(c.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return call.bindingIsVariable && callee.name === name;
      return !call.bindingIsVariable && callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === name;
    }),
  );
}

/** Whether `name` at this spot is the variable the memoizer call initialises (not a shadowing local). */
export function namesMemoizerCall(model: FileModel, name: TSESTree.Identifier, call: MemoizerCall): boolean {
  const def = valueDef(resolveIdentifier(model.sourceCode, name))?.node;
  return def?.type === AST_NODE_TYPES.VariableDeclarator && def.init !== null && unwrap(def.init) === call.node;
}

/** How many entries a memoizer call holds, when that is known: its size option's literal, else the library's default. */
export interface CacheSize {
  size: number;
  /** Set by the call's own option, not the library's default. */
  explicit: boolean;
}

export function cacheSize(call: MemoizerCall): CacheSize | undefined {
  const { defaultSize, sizeOption, optionsArg } = call.spec;
  if (optionsArg !== undefined && call.node.arguments[optionsArg] !== undefined) {
    if (!call.options || optionsOpaque(call)) return undefined;
  }
  const prop = sizeOption === undefined || !call.options ? undefined : findProperty(call.options, [sizeOption]);
  if (prop) {
    const value = unwrap(prop.value);
    return value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number' ? { size: value.value, explicit: true } : undefined;
  }
  return defaultSize !== undefined && Number.isFinite(defaultSize) ? { size: defaultSize, explicit: false } : undefined;
}
