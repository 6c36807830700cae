/**
 * Promises kept only for code that runs while the process starts: a module-level function (or
 * memoized binding) that every caller, in its file and in the modules importing it, calls from
 * module-level code or from functions only that code runs (`bootstrap()`). It runs once per process;
 * if it rejects, the start-up fails with it, and no later caller is there to be handed the kept
 * rejection.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { enclosingFunction, isFunction, type FunctionNode } from '../syntax/ast.js';
import { awaitedFatallyAtStartUp, moduleLevelName, moduleVariable, startUpFunctions, startUpUse } from '../syntax/start-up-calls.js';
import type { FileModel } from '../model/file-model.js';

/**
 * Whether the module-level `node` (a function, or a memoized binding's initialiser) is only ever
 * called while modules load: in its file (exports aside) and in the files importing it. A name
 * nobody calls is not known to be start-up code.
 */
export function calledOnlyAtStartUp(node: TSESTree.Node, model: FileModel): boolean {
  const name = moduleLevelName(node);
  const variable = name === undefined ? undefined : moduleVariable(model.sourceCode, name);
  if (name === undefined || !variable) return false;
  const own = startUpUse(variable, startUpFunctions(model), true);
  if (own === 'later') return false;
  const fn = isFunction(node) ? node : undefined;
  const elsewhere = model.inProject ? model.project.startUpUseByImporters(model, fn, name) : 'unused';
  if (elsewhere === 'later') return false;
  return own === 'start-up' || elsewhere === 'start-up';
}

/** The function a use of a promise slot belongs to: the one around it, or the one around the async IIFE it is in. */
function owningFunction(ref: TSESTree.Node): FunctionNode | undefined {
  const fn = enclosingFunction(ref);
  const call = fn?.parent;
  if (fn && call?.type === AST_NODE_TYPES.CallExpression && call.callee === fn) return enclosingFunction(call) ?? fn;
  return fn;
}

/**
 * Whether every use of a module-level promise slot is in functions only called while modules load
 * (`initTokenizer()`, awaited once in `bootstrap()`): the promise it keeps is handed to no later caller.
 */
export function slotUsedOnlyAtStartUp(refs: readonly TSESTree.Node[], model: FileModel): boolean {
  const owners = new Set<FunctionNode>();
  for (const ref of refs) {
    const fn = owningFunction(ref);
    if (!fn) continue;
    owners.add(fn);
  }
  return owners.size > 0 && [...owners].every((fn) => calledOnlyAtStartUp(fn, model));
}

/**
 * Whether the writes of a slot filled once are all made by one module-level function that start-up
 * code awaits so that a rejection ends the process (`await Promise.all([waitForCouchInit(), …])` at the
 * entry module's top level): the first fill is the start-up's, and if it rejects the process ends
 * with it, so no later caller is handed the rejection. Any later call finds the settled success.
 */
export function filledByFatalStartUp(writes: readonly TSESTree.Node[], model: FileModel): boolean {
  const owners = new Set(writes.map(owningFunction));
  const [owner] = owners;
  if (owners.size !== 1 || !owner) return false;
  const name = moduleLevelName(owner);
  const variable = name === undefined ? undefined : moduleVariable(model.sourceCode, name);
  if (name === undefined || !variable) return false;
  if (awaitedFatallyAtStartUp(variable, model, model.facts.visitorKeys)) return true;
  return model.inProject && model.project.awaitedFatallyByImporters(model, owner, name);
}
