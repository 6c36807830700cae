/**
 * Factories whose every result lives for one call: a module-level function (`makePromptTagInjector`)
 * or a private method (`this.buildEvaluator(…)`) that returns closures over its own locals, where
 * each call, in its file and in the modules importing it, keeps what it returns only while the
 * calling function runs (`const inject = makeInjector(…)`, used in place). What the closures hold
 * then lives as long as that call, however the closures are written.
 */
import type { FunctionNode } from '../syntax/ast.js';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { callResultSite } from '../syntax/instantiations.js';
import { privateMethodCalls } from '../syntax/private-method-calls.js';
import { moduleLevelName, moduleVariable, onlyCalled } from '../syntax/start-up-calls.js';
import type { FileModel } from '../model/file-model.js';

/** Whether every call of `fn` (a module-level function or a private method) keeps its result only while the calling function runs (none called: not known). */
export function resultsLiveOneCall(fn: FunctionNode, model: FileModel): boolean {
  // `private buildEvaluator(…)` called as `this.buildEvaluator(…)(id)`: its calls are all in its class.
  if (fn.parent.type === AST_NODE_TYPES.MethodDefinition) {
    const calls = privateMethodCalls(fn.parent, model.facts.visitorKeys);
    return calls !== undefined && calls.every((call) => callResultSite(call, model.facts.visitorKeys) === 'call');
  }
  const name = moduleLevelName(fn);
  const variable = name === undefined ? undefined : moduleVariable(model.sourceCode, name);
  if (name === undefined || !variable || !onlyCalled(variable, true)) return false;
  let called = false;
  for (const ref of variable.references) {
    const call = ref.identifier.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== ref.identifier) continue;
    if (callResultSite(call, model.facts.visitorKeys) !== 'call') return false;
    called = true;
  }
  const elsewhere = model.inProject ? model.project.resultsKeptByImporters(model, fn, name) : 'unused';
  return elsewhere !== 'other' && (called || elsewhere === 'call');
}
