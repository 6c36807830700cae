/**
 * The function an import stands for, when another file of the project exports one: read from that
 * file's model, so what it does can be judged as a local function's is.
 */
import { isFunction, type FunctionNode } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';

/** The exported function of another project file the import `name` of `model` stands for. */
export function importedFunction(model: FileModel, name: string): { fn: FunctionNode; model: FileModel } | undefined {
  const binding = model.imports.get(name);
  if (!binding || !model.inProject) return undefined;
  const found = model.project.importedValue(model, binding.module, binding.export === '*' ? 'default' : binding.export);
  return found && isFunction(found.node) ? { fn: found.node, model: found.model } : undefined;
}
