/**
 * Promise slots only dead code reads: every function using the slot is a module-level function
 * nothing can call, or the module is a library module nothing loads (request/dead-exports), so
 * nothing is ever handed a kept rejection.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, outermostFunction, type FunctionNode } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { neverRuns } from '../request/dead-exports.js';

/** Whether every use of a module-level slot is inside module-level functions that never run (see the module comment). */
export function slotUsedOnlyByDeadCode(refs: readonly TSESTree.Node[], model: FileModel): boolean {
  const owners = new Set<FunctionNode>();
  for (const ref of refs) {
    // The module-level function around the use, through the functions nested in it.
    const inner = enclosingFunction(ref);
    if (!inner) return false;
    owners.add(outermostFunction(inner));
  }
  return owners.size > 0 && [...owners].every((fn) => neverRuns(fn, model));
}
