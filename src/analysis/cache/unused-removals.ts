/**
 * Removals that never run: a cache wrapper's `delete(key)` / `clear()` method (or a module's exported
 * `del(key)`) that no code calls. The wrapper has a removal in it, but nothing removes anything, so
 * it bounds nothing: `@Injectable() class CacheService { delete(k) { this.cache.delete(k); } }` with
 * only `get` and `set` called from the controllers.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { clockClass, clockReads } from '../catalog/clock-reads.js';
import { calleeName, decoratorsOf, enclosingFunction, functionName, isFunction, memberName, ownedCalleeName, unwrap, walk, type FunctionNode } from '../syntax/ast.js';
import { oneShotTimers } from '../catalog/timers.js';
import type { Collection, FileModel } from '../model/file-model.js';
import { frameworkCalledMethods } from '../catalog/handler-catalog.js';
import { exportIndex } from '../syntax/export-index.js';
import { within } from '../syntax/references.js';
import { writingMethods } from '../catalog/collection-methods.js';

/** Where a removal API is declared: a class method or arrow field, or a module-level function. */
function apiHolder(fn: FunctionNode): TSESTree.Node | undefined {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) return parent.kind === 'method' ? parent : undefined;
  if (parent.type === AST_NODE_TYPES.PropertyDefinition) return parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    return parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.ExportNamedDeclaration ? fn : undefined;
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator) {
    const statement = parent.parent.parent;
    return statement.type === AST_NODE_TYPES.Program || statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? parent : undefined;
  }
  return undefined;
}

/**
 * Whether the file may call the API itself: a method through `this.name`, `super.name`,
 * `instance.name` or `this.service.name` (not `this.cache.name` or `cache.name` on a collection of the
 * file, that collection's own method), a module function through any reference to it but `export { name }`.
 */
function calledInFile(fn: FunctionNode, holder: TSESTree.Node, name: string, model: FileModel): boolean {
  if (holder.type === AST_NODE_TYPES.MethodDefinition || holder.type === AST_NODE_TYPES.PropertyDefinition) {
    const collections = new Set(model.collections().map((c) => c.name));
    return model.sourceCode.ast.tokens.some((token) => {
      // Property names are identifier tokens, keywords too (`this.delete(k)`); `this.#drop(k)` a private one.
      const kind = token.type as string;
      if ((kind !== 'Identifier' && kind !== 'PrivateIdentifier') || token.value !== name || token.range[0] === holder.key.range[0] || (token.range[0] >= fn.range[0] && token.range[1] <= fn.range[1])) return false;
      const node = model.sourceCode.getNodeByRangeIndex(token.range[0]);
      const member = node?.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.property !== node) return true;
      // `this.cache.delete(k)`, `cache.delete(k)`: a collection's own method of that name, not the API.
      const object = unwrap(member.object);
      const owner = object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression && !object.computed ? memberName(object) : undefined;
      return owner === undefined || !collections.has(owner);
    });
  }
  const declarator = holder.type === AST_NODE_TYPES.VariableDeclarator ? holder : fn;
  const variable = model.sourceCode.scopeManager?.getDeclaredVariables(declarator).find((v) => v.name === name);
  if (!variable) return true;
  return variable.references.some((ref) => !ref.init && ref.identifier.parent.type !== AST_NODE_TYPES.ExportSpecifier && !isCommonJsExport(ref.identifier) && !within(ref.identifier, fn));
}

/** `module.exports = { clearCache }`, `exports.clearCache = clearCache`: an export, not a call. */
function isCommonJsExport(id: TSESTree.Node): boolean {
  const parent = id.parent;
  let assignment: TSESTree.Node | undefined;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === id && parent.parent.type === AST_NODE_TYPES.ObjectExpression) assignment = parent.parent.parent;
  else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === id) assignment = parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left.type !== AST_NODE_TYPES.MemberExpression) return false;
  const target = assignment.left;
  const root = unwrap(target.object);
  return (root.type === AST_NODE_TYPES.Identifier && (root.name === 'exports' || (root.name === 'module' && memberName(target) === 'exports'))) || (root.type === AST_NODE_TYPES.MemberExpression && calleeName(root.object) === 'module' && memberName(root) === 'exports');
}

const verdicts = new WeakMap<FunctionNode, boolean>();

/** Whether nothing ever calls `fn`: not this file, not a framework hook or decorator, not a module importing it. */
function neverCalled(fn: FunctionNode, model: FileModel): boolean {
  const known = verdicts.get(fn);
  if (known !== undefined) return known;
  const holder = apiHolder(fn);
  const name = functionName(fn);
  let verdict = false;
  if (holder && name !== undefined && decoratorsOf(holder as { decorators?: TSESTree.Decorator[] }).length === 0 && !frameworkCalledMethods.has(name) && !calledInFile(fn, holder, name, model)) {
    // A handler runs per request; without the project, what a file exports may be called from anywhere.
    verdict = !model.handlerPath().isOnPath(fn) && (model.inProject ? !model.project.calledFromImporters(model, fn) : !exportsAnything(model));
  }
  verdicts.set(fn, verdict);
  return verdict;
}

/** Whether the file exports anything (ESM exports, `module.exports`, `exports.x`). */
function exportsAnything(model: FileModel): boolean {
  return exportIndex(model).size > 0;
}

/** A clock read: `new Date()`, or a call in the clock table (`Date.now()`, `performance.now()`, …). */
function readsClock(node: TSESTree.Node, model: FileModel): boolean {
  let found = false;
  walk(node, model.facts.visitorKeys, (inner) => {
    if (found) return;
    if (inner.type === AST_NODE_TYPES.NewExpression && calleeName(inner.callee) === clockClass) found = true;
    if (inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.MemberExpression) {
      if (clockReads.has(ownedCalleeName(inner.callee) ?? '')) found = true;
    }
  });
  return found;
}

/** The collection and key an eviction removes: `c.delete(k)` / `delete c[k]` (`undefined` for `clear()`, `splice`, …). */
function removedKey(eviction: TSESTree.Node): { holder: TSESTree.Node; key: TSESTree.Node } | undefined {
  if (eviction.type === AST_NODE_TYPES.CallExpression && eviction.callee.type === AST_NODE_TYPES.MemberExpression && memberName(eviction.callee) === 'delete' && eviction.arguments.length === 1) {
    const key = eviction.arguments[0];
    return key && key.type !== AST_NODE_TYPES.SpreadElement ? { holder: eviction.callee.object, key } : undefined;
  }
  if (eviction.type === AST_NODE_TYPES.UnaryExpression && eviction.operator === 'delete') {
    const target = unwrap(eviction.argument);
    if (target.type === AST_NODE_TYPES.MemberExpression && target.computed) return { holder: target.object, key: target.property };
  }
  return undefined;
}

/** Inside a loop, or a callback handed to a call (`m.forEach((v, k) => …)`): a sweep over entries, not one key's read. */
function inSweep(node: TSESTree.Node, fn: FunctionNode): boolean {
  if (fn.parent.type === AST_NODE_TYPES.CallExpression && fn.parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return true;
  for (let current: TSESTree.Node | undefined = node.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ForOfStatement || current.type === AST_NODE_TYPES.ForInStatement || current.type === AST_NODE_TYPES.ForStatement || current.type === AST_NODE_TYPES.WhileStatement || current.type === AST_NODE_TYPES.DoWhileStatement) return true;
  }
  return false;
}

/**
 * An expiry checked only on read: the function reads one key (`c.get(k)`, `c.has(k)`, `c[k]`), compares
 * a clock, and deletes that same key. The entry goes only when the same key is asked for again; a key
 * nobody asks for twice stays for good, so this bounds nothing. A removal of the key the same call
 * wrote (an in-flight entry dropped in a `finally`) is not that: it runs on every call that adds one.
 */
function expiresOnReadOnly(eviction: TSESTree.Node, model: FileModel): boolean {
  const removed = removedKey(eviction);
  const fn = enclosingFunction(eviction);
  if (!removed || !fn || inSweep(eviction, fn)) return false;
  const text = model.sourceCode.getText.bind(model.sourceCode);
  const holder = text(unwrap(removed.holder));
  const key = text(unwrap(removed.key));
  let readsKey = false as boolean;
  let writesKey = false as boolean;
  walk(fn.body, model.facts.visitorKeys, (node) => {
    if (node.range[0] >= eviction.range[0]) return;
    // `c.set(k, job); try { return await job; } finally { c.delete(k); }`: the removal undoes this call's own
    // write (`s.add(k)` for a set of keys in progress, `o[k] = …` for an object).
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && writingMethods.has(memberName(node.callee) ?? '')) {
      const arg = node.arguments[0];
      if (arg && text(unwrap(node.callee.object)) === holder && text(unwrap(arg)) === key) writesKey = true;
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression && node.left.computed && text(unwrap(node.left.object)) === holder && text(unwrap(node.left.property)) === key) writesKey = true;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && ['get', 'has', 'peek'].includes(memberName(node.callee) ?? '')) {
      const arg = node.arguments[0];
      if (arg && text(unwrap(node.callee.object)) === holder && text(unwrap(arg)) === key) readsKey = true;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && node.computed && text(unwrap(node.object)) === holder && text(unwrap(node.property)) === key && node.parent !== eviction && node.parent.type !== AST_NODE_TYPES.AssignmentExpression) readsKey = true;
  });
  return readsKey && !(writesKey && (inFinally(eviction, fn) || removedOnEveryOutcome(eviction, fn, model))) && readsClock(fn.body, model);
}

/**
 * The same key removed in a `try` block and in its `catch` (`try { await job; c.delete(k); … } catch
 * { c.delete(k); }`): whether the call succeeds or fails, its entry goes, as with a `finally`.
 */
function removedOnEveryOutcome(eviction: TSESTree.Node, fn: FunctionNode, model: FileModel): boolean {
  const removed = removedKey(eviction);
  if (!removed) return false;
  const text = (node: TSESTree.Node): string => model.sourceCode.getText(unwrap(node));
  const same = `${text(removed.holder)}\0${text(removed.key)}`;
  for (let current: TSESTree.Node = eviction; current.parent && current !== fn; current = current.parent) {
    const statement = current.parent;
    if (statement.type !== AST_NODE_TYPES.TryStatement || !statement.handler) continue;
    const other = current === statement.block ? statement.handler.body : current === statement.handler ? statement.block : undefined;
    if (!other) continue;
    let found = false as boolean;
    walk(other, model.facts.visitorKeys, (node) => {
      if (found || !(node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.UnaryExpression)) return;
      const elsewhere = removedKey(node);
      found = elsewhere !== undefined && `${text(elsewhere.holder)}\0${text(elsewhere.key)}` === same;
    });
    if (found) return true;
  }
  return false;
}

/** Inside the `finally` block of a `try` of `fn`. */
function inFinally(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current: TSESTree.Node = node; current.parent && current !== fn; current = current.parent) {
    if (current.parent.type === AST_NODE_TYPES.TryStatement && current.parent.finalizer === current) return true;
  }
  return false;
}

/** `c.delete('config')`, `delete c.CONFIG`-like removals of one named key: they never remove a key a request made. */
function removesNamedKey(eviction: TSESTree.Node): boolean {
  const removed = removedKey(eviction);
  if (!removed) return false;
  const key = unwrap(removed.key);
  return key.type === AST_NODE_TYPES.Literal || (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0);
}

/**
 * Whether `fn` runs from a one-shot timer that code writing the collection starts: passed to it
 * (`setTimeout(flush, wait)`) or called by name in its callback (`setTimeout(() => flushBatch(phone),
 * wait)` beside `queue.set(phone, batch)`). Every entry written then has its read-and-remove scheduled,
 * whatever later requests ask: a debounce queue, not an expiry checked on read.
 */
function runByTimerOfWriter(fn: FunctionNode, writes: readonly TSESTree.Node[], model: FileModel): boolean {
  const name = functionName(fn);
  if (name === undefined) return false;
  const callsFn = (node: TSESTree.Node): boolean => {
    const target = unwrap(node);
    if (target.type === AST_NODE_TYPES.Identifier) return target.name === name;
    if (!isFunction(target)) return false;
    let found = false;
    walk(target.body, model.facts.visitorKeys, (inner) => {
      if (inner.type === AST_NODE_TYPES.CallExpression && calleeName(inner.callee) === name) found = true;
    });
    return found;
  };
  const writers = writes.map((w) => enclosingFunction(w)).filter((w): w is FunctionNode => w !== undefined);
  let found = false;
  walk(model.program, model.facts.visitorKeys, (node) => {
    if (found || node.type !== AST_NODE_TYPES.CallExpression || !oneShotTimers.has(calleeName(node.callee) ?? '')) return;
    const callback = node.arguments[0];
    if (callback && callback.type !== AST_NODE_TYPES.SpreadElement && callsFn(callback) && writers.some((writer) => within(node, writer))) found = true;
  });
  return found;
}

/** A removal that bounds nothing: in an API nothing calls, an expiry checked only on read (not one a timer the writer starts runs), or one named key. */
function removesNothingGrowing(eviction: TSESTree.Node, writes: readonly TSESTree.Node[], model: FileModel): boolean {
  if (removesNamedKey(eviction)) return true;
  const fn = enclosingFunction(eviction);
  if (expiresOnReadOnly(eviction, model) && !(fn && runByTimerOfWriter(fn, writes, model))) return true;
  return fn !== undefined && neverCalled(fn, model);
}

/**
 * A collection that is written and whose every removal bounds nothing (sits in an API nothing calls,
 * checks an expiry only when the same key is read again, or drops one named key): as unbounded as one
 * with no removal at all.
 */
export function removalsNeverRun(collection: Collection, model: FileModel): boolean {
  if (collection.writes.length === 0 || collection.evictions.length === 0 || collection.sizeChecks.length > 0 || collection.escapes || collection.cacheClass?.bounded) return false;
  const writes = collection.writes.map((w) => w.node);
  return collection.evictions.every((eviction) => removesNothingGrowing(eviction, writes, model));
}
