/**
 * The name a memoized function is reached by after a memoizer call (`const getUser = memoize(…)`,
 * `this.load = memoize(…)`, a class field, the names of a constructor loop), what refers to it, and
 * the calls that remove entries from its own cache (`getUser.cache.delete(id)`, `memoizeClear(getUser)`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, isFunction, memberName, propertyName, unwrap, walkNodes, type FunctionNode } from '../syntax/ast.js';
import type { FileModel, MemoizerCall } from '../model/file-model.js';
import { ownCacheClearFunctions, ownCacheRemovalPaths } from '../catalog/memoizer-catalog.js';
import { outerExpression, resolveIdentifier } from '../syntax/references.js';

/** What the memoized function is called by: a variable, or a property called on `this` or a named object. */
export type Binding = { kind: 'variable'; variable: Scope.Variable } | { kind: 'member'; property: string; receivers: ReadonlySet<string> };

/** The name a memoizer call's result is bound to, and whether it is a variable (`name()`) or a property (`this.name()`). */
export function bindingOf(call: TSESTree.Node): { name: string | undefined; isVariable: boolean } {
  let node: TSESTree.Node = call;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression)) node = node.parent;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return { name: parent.id.name, isVariable: true };
  if ((parent?.type === AST_NODE_TYPES.PropertyDefinition || parent?.type === AST_NODE_TYPES.Property) && !parent.computed) return { name: propertyName(parent.key), isVariable: false };
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return { name: calleeName(parent.left), isVariable: parent.left.type === AST_NODE_TYPES.Identifier };
  return { name: undefined, isVariable: false };
}

/**
 * `for (const m of ['find', 'count']) this[m] = memoize(…)` or `['find', 'count'].forEach((m) => { this[m] = memoize(…); })`:
 * the method names a constructor loop memoizes in place.
 */
export function loopBindingNames(call: TSESTree.Node): string[] {
  const assignment = outerExpression(call).parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left.type !== AST_NODE_TYPES.MemberExpression || !assignment.left.computed) return [];
  const index = unwrap(assignment.left.property);
  if (index.type !== AST_NODE_TYPES.Identifier) return [];
  let list: TSESTree.Node | undefined;
  for (let node: TSESTree.Node | undefined = assignment.parent; node && !list; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ForOfStatement && node.left.type === AST_NODE_TYPES.VariableDeclaration) {
      const id = node.left.declarations[0].id;
      if (id.type === AST_NODE_TYPES.Identifier && id.name === index.name) list = node.right;
    }
    if (isFunction(node) && node.params[0]?.type === AST_NODE_TYPES.Identifier && node.params[0].name === index.name) {
      const each = node.parent;
      if (each.type === AST_NODE_TYPES.CallExpression && each.callee.type === AST_NODE_TYPES.MemberExpression && memberName(each.callee) === 'forEach') list = each.callee.object;
      else return [];
    }
  }
  const array = list ? unwrap(list) : undefined;
  if (array?.type !== AST_NODE_TYPES.ArrayExpression) return [];
  return array.elements.flatMap((e) => (e?.type === AST_NODE_TYPES.Literal && typeof e.value === 'string' ? [e.value] : []));
}

/** The binding the memoizer call's result is given to, if it is one the file can follow. */
export function memoizedBinding(call: MemoizerCall, model: FileModel): Binding | undefined {
  const node = outerExpression(call.node);
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    const name = parent.id.name;
    const variable = model.sourceCode.scopeManager?.getDeclaredVariables(parent).find((v) => v.name === name);
    return variable ? { kind: 'variable', variable } : undefined;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) {
    const left = parent.left;
    if (left.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveIdentifier(model.sourceCode, left);
      return variable ? { kind: 'variable', variable } : undefined;
    }
    if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const property = memberName(left);
    if (property === undefined) return undefined;
    const object = unwrap(left.object);
    // `this.fib = memoize(…)`, `Cls.prototype.fib = memoize(…)`: later calls are `this.fib(…)`.
    if (object.type === AST_NODE_TYPES.ThisExpression || (object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'prototype')) return { kind: 'member', property, receivers: new Set(['this']) };
    if (object.type === AST_NODE_TYPES.Identifier) return { kind: 'member', property, receivers: new Set([object.name]) };
    return undefined;
  }
  if (parent.type === AST_NODE_TYPES.PropertyDefinition && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier) {
    return { kind: 'member', property: parent.key.name, receivers: new Set(['this']) };
  }
  if (parent.type === AST_NODE_TYPES.Property && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier) {
    const holder = parent.parent.parent as TSESTree.Node | undefined;
    const receivers = new Set(['this']);
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) receivers.add(holder.id.name);
    return { kind: 'member', property: parent.key.name, receivers };
  }
  return undefined;
}

/** Whether `node` (a callee, an argument, the start of a member chain) names the memoized binding. */
export function namesBinding(node: TSESTree.Node, binding: Binding, model: FileModel): boolean {
  const target = unwrap(node);
  if (binding.kind === 'variable') return target.type === AST_NODE_TYPES.Identifier && resolveIdentifier(model.sourceCode, target) === binding.variable;
  if (target.type !== AST_NODE_TYPES.MemberExpression || memberName(target) !== binding.property) return false;
  const object = unwrap(target.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) return binding.receivers.has('this');
  return object.type === AST_NODE_TYPES.Identifier && binding.receivers.has(object.name);
}

/** `f.cache.delete(k)` → `[f, ['cache', 'delete']]`: each start of a callee's member chain with the names after it. */
function chainPaths(callee: TSESTree.Node): { start: TSESTree.Node; path: string[] }[] {
  const found: { start: TSESTree.Node; path: string[] }[] = [];
  const path: string[] = [];
  let node = unwrap(callee);
  while (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    if (name === undefined) return found;
    path.unshift(name);
    node = unwrap(node.object);
    found.push({ start: node, path: [...path] });
  }
  return found;
}

/** Whether `call` removes entries from the binding's own cache. */
function removesOwnEntries(call: TSESTree.CallExpression, binding: Binding, model: FileModel): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    // `memoizeClear(getUser)`: an imported clear function given the memoized function.
    const imported = model.imports.get(callee.name);
    const arg = call.arguments[0];
    return (
      imported !== undefined &&
      ownCacheClearFunctions.some((f) => f.module === imported.module && f.export === imported.export) &&
      arg !== undefined &&
      namesBinding(arg, binding, model)
    );
  }
  return removesThrough(call, (start) => namesBinding(start, binding, model));
}

/**
 * Whether `call` is one of the catalog's removals on a memoized function (`f.cache.delete(k)`,
 * `f.remove(k)`, `f.clear()`), `f` being whatever `isMemoized` accepts as the start of the chain.
 */
export function removesThrough(call: TSESTree.CallExpression, isMemoized: (start: TSESTree.Node) => boolean): boolean {
  return chainPaths(unwrap(call.callee)).some(
    ({ start, path }) => ownCacheRemovalPaths.some((p) => p.length === path.length && p.every((name, i) => name === path[i])) && isMemoized(start),
  );
}

/**
 * The calls in `fn` (the memoized function's own body) that remove entries from its memoizer's
 * cache, through the binding the memoizer call's result is given to:
 * `const get = memoize(async (k) => { try { … } catch (e) { get.cache.delete(k); throw e; } })`.
 */
export function ownCacheRemovals(call: MemoizerCall, fn: FunctionNode, model: FileModel): TSESTree.CallExpression[] {
  const binding = memoizedBinding(call, model);
  if (!binding) return [];
  const removals: TSESTree.CallExpression[] = [];
  walkNodes(fn.body, model.facts.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && removesOwnEntries(node, binding, model)) removals.push(node);
    return true;
  });
  return removals;
}
