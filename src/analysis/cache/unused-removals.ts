/**
 * Removals that never run: a cache wrapper's `delete(key)` / `clear()` method (or a module's exported
 * `del(key)`) that no code calls. The wrapper has a removal in it, but nothing removes anything, so
 * it bounds nothing: `@Injectable() class CacheService { delete(k) { this.cache.delete(k); } }` with
 * only `get` and `set` called from the controllers.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { decoratorsOf, enclosingFunction, functionName, memberName, unwrap, type FunctionNode } from '../syntax/ast.js';
import type { Collection, FileModel } from '../model/file-model.js';
import { frameworkCalledMethods } from '../catalog/handler-catalog.js';
import { exportIndex } from '../syntax/export-index.js';
import { within } from '../syntax/references.js';

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
  return variable.references.some((ref) => !ref.init && ref.identifier.parent.type !== AST_NODE_TYPES.ExportSpecifier && !within(ref.identifier, fn));
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

/**
 * A collection that is written and whose every removal sits in an API nothing calls: as unbounded
 * as one with no removal at all.
 */
export function removalsNeverRun(collection: Collection, model: FileModel): boolean {
  if (collection.writes.length === 0 || collection.evictions.length === 0 || collection.sizeChecks.length > 0 || collection.escapes || collection.cacheClass?.bounded) return false;
  return collection.evictions.every((eviction) => {
    const fn = enclosingFunction(eviction);
    return fn !== undefined && neverCalled(fn, model);
  });
}
