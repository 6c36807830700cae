/**
 * How a fix bounds an unbounded memoizer without changing what the program does: the library's own
 * bound option where it has one, else this package's `memoize` keyed exactly as before, with the
 * memoized function's old cache API rewritten to the runtime's. Whatever cannot be kept exactly is
 * named in `change`, and the rules then offer the edit as a suggestion instead of an autofix.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { memoGuardModule } from '../catalog/memoizer-catalog.js';
import { findProperty, memberName, unwrap } from '../syntax/ast.js';
import { importEdits, runtimeImport, setOption, unusedImportRemoval } from './fix-builders.js';
import { resolverArgument, wrappedFunction } from '../memoizer/memoizer-call.js';
import { returnsRejectablePromise } from '../promise/returns-promise.js';
import type { FileModel, MemoizerCall } from '../model/file-model.js';
import { outerExpression } from '../syntax/references.js';

export interface FixPlan {
  fix: (fixer: RuleFixer) => RuleFix[];
  /** `undefined`: the edit keeps behaviour (an autofix). Otherwise what it changes (a suggestion only). */
  change: string | undefined;
}

/** How the replacement keys: `keep` mirrors the old memoizer exactly; `all` keys on every argument. */
export type ReplacementKeying = 'keep' | 'all';

interface Edit {
  node: TSESTree.Node;
  text: string;
}

interface CacheApi {
  edits: Edit[];
  /** Set when a use cannot be rewritten exactly. */
  change: string | undefined;
}

/** The `const name = memoize(…)` declarator, through `as` / `satisfies` wrappers. */
function declaratorOf(call: TSESTree.Node): TSESTree.VariableDeclarator | undefined {
  const node = outerExpression(call);
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier ? parent : undefined;
}

const cannotSee = (name: string): string => `code this file cannot see may use \`${name}.cache\`, which memo-guard's memoize does not have`;

/**
 * Every use of the memoized function must be a call, a callback argument, `.cache.clear()` (→
 * `cacheClear()`) or, when the key is the first argument itself, `.cache.delete(k)` (→ `cacheDelete(k)`).
 */
function cacheApiEdits(model: FileModel, call: MemoizerCall, deleteIsExact: boolean): CacheApi {
  const declarator = declaratorOf(call.node);
  if (!declarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return { edits: [], change: cannotSee('the memoized function') };
  const name = declarator.id.name;
  const declaration = declarator.parent;
  if (declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return { edits: [], change: `\`${name}\` is exported, and ${cannotSee(name)}` };
  const variable = model.sourceCode.scopeManager?.getDeclaredVariables(declarator).find((v) => v.name === name);
  if (!variable) return { edits: [], change: cannotSee(name) };
  const edits: Edit[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) return { edits, change: `\`${name}\` is reassigned` };
    const id = reference.identifier as TSESTree.Node;
    const parent = id.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && (parent.callee === id || parent.arguments.includes(id as TSESTree.CallExpressionArgument))) continue;
    // `fn.call(thisArg, …)` / `fn.apply(thisArg, args)`: still a call of the memoized function.
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id && !parent.computed && (memberName(parent) === 'call' || memberName(parent) === 'apply') && parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) continue;
    const method = cacheMethodCall(id);
    if (method?.name === 'clear' && method.call.arguments.length === 0) {
      edits.push({ node: method.call, text: `${name}.cacheClear()` });
      continue;
    }
    const arg = method?.call.arguments[0];
    if (method?.name === 'delete' && deleteIsExact && method.call.arguments.length === 1 && arg && arg.type !== AST_NODE_TYPES.SpreadElement) {
      edits.push({ node: method.call, text: `${name}.cacheDelete(${model.sourceCode.getText(arg)})` });
      continue;
    }
    // `fn.cache.size` (lodash's MapCache counts its entries) → `fn.cacheInfo().currsize`.
    const size = cacheSize(id);
    if (size) {
      edits.push({ node: size, text: `${name}.cacheInfo().currsize` });
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id) {
      return { edits, change: `\`${model.sourceCode.getText(parent)}\` has no exact equivalent in memo-guard's memoize (it has \`cacheClear()\` and \`cacheDelete(...args)\`)` };
    }
    return { edits, change: `\`${name}\` is handed on as a value, and ${cannotSee(name)}` };
  }
  return { edits, change: undefined };
}

/** `id.cache.size`, read (not assigned). */
function cacheSize(id: TSESTree.Node): TSESTree.MemberExpression | undefined {
  const cache = id.parent;
  if (cache?.type !== AST_NODE_TYPES.MemberExpression || cache.object !== id || cache.computed || memberName(cache) !== 'cache') return undefined;
  const size = cache.parent;
  if (size.type !== AST_NODE_TYPES.MemberExpression || size.object !== cache || size.computed || memberName(size) !== 'size') return undefined;
  return size.parent.type === AST_NODE_TYPES.AssignmentExpression && size.parent.left === size ? undefined : size;
}

/** `id.cache.clear()` / `id.cache.delete(k)`: the method name and its call. */
function cacheMethodCall(id: TSESTree.Node): { name: string; call: TSESTree.CallExpression } | undefined {
  const cache = id.parent;
  if (cache?.type !== AST_NODE_TYPES.MemberExpression || cache.object !== id || cache.computed || memberName(cache) !== 'cache') return undefined;
  const method = cache.parent;
  if (method.type !== AST_NODE_TYPES.MemberExpression || method.object !== cache || method.computed) return undefined;
  const name = memberName(method);
  const call = method.parent;
  if (name === undefined || call.type !== AST_NODE_TYPES.CallExpression || call.callee !== method) return undefined;
  return { name, call };
}

/** The identifier the callee starts from: `memoize` in `memoize(…)`, `_` in `_.memoize(…)`. */
function calleeRoot(callee: TSESTree.Node): string | undefined {
  let node = unwrap(callee);
  while (node.type === AST_NODE_TYPES.MemberExpression) node = unwrap(node.object);
  return node.type === AST_NODE_TYPES.Identifier ? node.name : undefined;
}

/** The key function that keeps "the first argument, as is" as the key. Typed so it fits any parameter list. */
function firstArgumentKey(model: FileModel): string {
  return isTypeScript(model) ? '(first?: unknown) => first' : '(first) => first';
}

function isTypeScript(model: FileModel): boolean {
  return /\.[cm]?tsx?$/.test(model.filename);
}

/** What the runtime does differently with promises, when the wrapped function may return one. */
function promiseChange(model: FileModel, call: MemoizerCall): string | undefined {
  const wrapped = wrappedFunction(call, model);
  const label = call.spec.label;
  if (!wrapped) return undefined;
  if (!wrapped.node && !model.types) {
    return `\`${model.sourceCode.getText(wrapped.reference)}\` is defined elsewhere: if it returns a promise, memo-guard's memoize drops a rejection so the next call runs again, where ${label} keeps serving it`;
  }
  if (returnsRejectablePromise(wrapped.node, wrapped.reference, model.facts, model.types)) {
    return `memo-guard's memoize drops a rejected promise so the next call runs again, where ${label} keeps serving it`;
  }
  return undefined;
}

/**
 * Rewrites the call as this package's `memoize(fn, { …options })`. With `keep`, the key is the old
 * one exactly (a resolver stays the key; a first-argument memoizer gets `key: (first) => first`).
 * `undefined` when the call has options or arguments we cannot carry over.
 */
function runtimeReplacement(model: FileModel, call: MemoizerCall, options: readonly string[], keying: ReplacementKeying): FixPlan | undefined {
  const { spec } = call;
  const fnArg = call.fnArg;
  if (!fnArg || call.options) return undefined;
  const args = call.node.arguments;
  if (args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const resolver = resolverArgument(call);
  // Only the function and a resolver (or an explicit `undefined` / `null` in its place) are carried over.
  if (args.some((a, i) => i !== spec.fnArg && i !== spec.resolverArg)) return undefined;
  const text = (node: TSESTree.Node): string => model.sourceCode.getText(node);
  const keyGiven = options.some((option) => option.startsWith('key:'));
  const firstArg = keying === 'keep' && spec.keying === 'first-arg' && !resolver;
  let key: string[] = [];
  if (!keyGiven) {
    if (resolver) key = [`key: ${text(resolver)}`];
    else if (firstArg) key = [`key: ${firstArgumentKey(model)}`];
    else if (spec.keying === 'json') key = [`key: 'structural'`];
  }
  const parts = [...options, ...key];
  const changes: string[] = [];
  if (spec.fix?.kind === 'suggest-replace') changes.push(spec.fix.change);
  const promise = promiseChange(model, call);
  if (promise !== undefined) changes.push(promise);
  // `.cache.delete(k)` deletes key `k`; `cacheDelete(k)` deletes the entry of the call `f(k)`: the same only when the first argument is the key.
  const api = cacheApiEdits(model, call, firstArg);
  if (api.change !== undefined) changes.push(api.change);
  const root = calleeRoot(call.node.callee);
  const removal = root === undefined ? undefined : unusedImportRemoval(model, root, call.node.callee);
  const runtime = runtimeImport(model, 'memoize', removal ? root : undefined);
  const replacement = `${runtime.local}(${text(fnArg)}${parts.length > 0 ? `, { ${parts.join(', ')} }` : ''})`;
  return {
    change: changes.length > 0 ? changes.join('; ') : undefined,
    fix: (fixer) => [fixer.replaceText(call.node, replacement), ...api.edits.map((e) => fixer.replaceText(e.node, e.text)), ...importEdits(fixer, model, runtime, removal)],
  };
}

/** The suggestion form of `runtimeReplacement`, for rules that only ever suggest it. */
export function replaceWithRuntimeMemoize(model: FileModel, call: MemoizerCall, options: readonly string[], keying: ReplacementKeying): ((fixer: RuleFixer) => RuleFix[]) | undefined {
  return runtimeReplacement(model, call, options, keying)?.fix;
}

/** `new Map<K, V>()` as an option value keeps its type arguments on the `LruMap` that replaces it. */
function typeArgumentsOf(model: FileModel, call: MemoizerCall, option: string): string {
  const prop = call.options ? findProperty(call.options, [option]) : undefined;
  const value = prop ? unwrap(prop.value) : undefined;
  return value?.type === AST_NODE_TYPES.NewExpression && value.typeArguments ? model.sourceCode.getText(value.typeArguments) : '';
}

/** The fix that bounds a memoizer call, per the catalog's `fix` entry; `change` says when it is a suggestion only. */
export function boundMemoizerFix(model: FileModel, call: MemoizerCall, max: number): FixPlan | undefined {
  const fix = call.spec.fix;
  if (!fix) return undefined;
  const only = (edit: (fixer: RuleFixer) => RuleFix | undefined): FixPlan => ({
    change: undefined,
    fix: (fixer) => {
      const result = edit(fixer);
      return result ? [result] : [];
    },
  });
  switch (fix.kind) {
    case 'size-option':
      if (!canSetOption(call)) return undefined;
      return only((fixer) => setOption(fixer, model, call, fix.option, String(max)));
    case 'cache-option':
    case 'cache-factory': {
      if (!canSetOption(call)) return undefined;
      const runtime = runtimeImport(model, 'LruMap');
      // fast-memoize's types want `get` to return the value type without `undefined` (its own cache returns
      // `undefined` on a miss too): in TypeScript the factory's LruMap holds `any` values so the file still compiles.
      const typeArguments = fix.kind === 'cache-factory' && isTypeScript(model) ? '<string, any>' : typeArgumentsOf(model, call, fix.option);
      const lru = `new ${runtime.local}${typeArguments}(${max})`;
      const value = fix.kind === 'cache-option' ? lru : `{ create: () => ${lru} }`;
      return {
        change: undefined,
        fix: (fixer) => {
          const option = setOption(fixer, model, call, fix.option, value);
          if (!option) return [];
          return runtime.fix ? [option, runtime.fix(fixer)] : [option];
        },
      };
    }
    case 'base-size-option': {
      const callee = unwrap(call.node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || !canSetOption(call)) return undefined;
      const base = model.sourceCode.getText(callee.object);
      return {
        change: undefined,
        fix: (fixer) => {
          const option = setOption(fixer, model, call, fix.option, String(max));
          return option ? [fixer.replaceText(callee, base), option] : [];
        },
      };
    }
    case 'replace':
    case 'suggest-replace':
      return runtimeReplacement(model, call, [`max: ${max}`], 'keep');
  }
}

/** An options object we can edit, or none yet where one can be appended. */
function canSetOption(call: MemoizerCall): boolean {
  if (call.options) return true;
  const index = call.spec.optionsArg;
  return index !== undefined && call.node.arguments.length === index;
}

/**
 * `max: Infinity`: set in place on this package's memoize, else the call rewritten to it (keying
 * kept; deep or serialized keys stay by value). `undefined` when the call cannot be carried over
 * (for example memoize-one's equality argument).
 */
export function unboundedMemoizerFix(model: FileModel, call: MemoizerCall): ((fixer: RuleFixer) => RuleFix | RuleFix[] | null) | undefined {
  if (call.source.module === memoGuardModule) return (fixer) => setOption(fixer, model, call, 'max', 'Infinity') ?? null;
  return replaceWithRuntimeMemoize(model, call, call.spec.keying === 'value' ? ['max: Infinity', "key: 'structural'"] : ['max: Infinity'], 'keep');
}
