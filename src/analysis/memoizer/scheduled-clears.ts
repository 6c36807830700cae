/**
 * Memoizers whose whole cache a sweep empties: `getX.cache.clear()` in a timer, a cron job, an event
 * handler or a decorated scheduled method. The user chose that as eviction: the cache holds what
 * arrives between two clears, however many keys the requests bring.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { decoratorsOf, enclosingFunction, functionName, memberName, unwrap } from '../syntax/ast.js';
import type { FileModel, MemoizerCall } from '../model/file-model.js';
import { wholeClearMethods } from '../catalog/collection-methods.js';

/** Whether the memoized binding's whole cache is cleared (`getX.cache.clear()`, `this.getX.cache.clear()`, `getX.clear()`) by code that runs on its own. */
export function clearedSomewhere(call: MemoizerCall, model: FileModel): boolean {
  if (call.bindingNames.length === 0) return false;
  const cleared = scheduledClears(model);
  return call.bindingNames.some((name) => cleared.has(name));
}

const clearsByModel = new WeakMap<FileModel, Set<string>>();

/** The names whose cache a sweep clears, read from the file's calls once (not once per memoizer). */
function scheduledClears(model: FileModel): Set<string> {
  let names = clearsByModel.get(model);
  if (names) return names;
  names = new Set();
  const handedOn = namesHandedToCalls(model);
  for (const c of model.calls) {
    const callee = unwrap(c.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !wholeClearMethods.has(memberName(callee) ?? '')) continue;
    let target = unwrap(callee.object);
    if (target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === 'cache') target = unwrap(target.object);
    const name = target.type === AST_NODE_TYPES.Identifier ? target.name : target.type === AST_NODE_TYPES.MemberExpression ? memberName(target) : undefined;
    if (name !== undefined && !names.has(name) && runsOnSchedule(c, handedOn)) names.add(name);
  }
  clearsByModel.set(model, names);
  return names;
}

/** Names the file hands to a call as an argument (`setInterval(clearCaches, HOUR)`, `bus.on('reload', clearCaches)`). */
function namesHandedToCalls(model: FileModel): Set<string> {
  const names = new Set<string>();
  for (const c of model.calls) {
    for (const arg of c.arguments) {
      const value = unwrap(arg);
      if (value.type === AST_NODE_TYPES.Identifier) names.add(value.name);
    }
  }
  return names;
}

/**
 * Code that runs by itself, again and again: a callback handed to a call (`setInterval(…)`,
 * `cron.schedule(…)`, `bus.on('x', …)`), written there or named there (`setInterval(clearCaches, HOUR)`),
 * or a method a decorator registers (`@Cron(…)`, `@OnEvent(…)`). A clear in an exported `reset()`
 * nobody is seen calling is not a sweep.
 */
function runsOnSchedule(node: TSESTree.Node, handedOn: ReadonlySet<string>): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const parent = fn.parent;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== fn) return true;
    if (parent.type === AST_NODE_TYPES.MethodDefinition && decoratorsOf(parent).length > 0) return true;
    const name = parent.type === AST_NODE_TYPES.MethodDefinition ? undefined : functionName(fn);
    if (name !== undefined && handedOn.has(name)) return true;
  }
  return false;
}
