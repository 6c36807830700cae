/**
 * The function a call's callee names, read where it is written: declared in this file, or exported
 * by the project file it is imported from (also from a file the project index reads, which is on disk).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, type FunctionNode } from '../syntax/ast.js';
import { functionOfVariable, resolveIdentifier } from '../syntax/references.js';
import type { FileModel } from './file-model.js';

/** `isValidTab` of `isValidTab(raw)`, `getPageBySlug` of `getPageBySlug(slug)`: the function and the model of its file. */
export function calledFunction(callee: TSESTree.Identifier, model: FileModel): { fn: FunctionNode; model: FileModel } | undefined {
  const local = functionOfVariable(resolveIdentifier(model.sourceCode, callee));
  if (local) return { fn: local, model };
  const binding = model.imports.get(callee.name);
  if (!binding || binding.export === '*' || !model.onDisk) return undefined;
  const found = model.project.importedValue(model, binding.module, binding.export);
  return found && isFunction(found.node) ? { fn: found.node, model: found.model } : undefined;
}
