/**
 * Factories called once at module level (`const limiter = createLimiter()`): the collections their
 * body declares live as long as the module, and the functions they return run under the binding's name.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { isFunction, unwrap, type FunctionNode } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { exportIndex } from '../syntax/export-index.js';

export interface FactoryCall {
  /** The module-level name the factory's result is bound to. */
  binding: string;
  factory: FunctionNode;
  /** Functions the factory returns (directly, or as values of a returned object literal). */
  returned: FunctionNode[];
}

/** The functions a factory returns: directly, or as values of a returned object literal. */
export function returnedFunctions(factory: FunctionNode): FunctionNode[] {
  const values: TSESTree.Node[] = [];
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) values.push(factory.body);
  else for (const statement of factory.body.body) if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) values.push(statement.argument);
  const found: FunctionNode[] = [];
  for (const value of values.map(unwrap)) {
    if (isFunction(value)) found.push(value);
    else if (value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const prop of value.properties) if (prop.type === AST_NODE_TYPES.Property && isFunction(unwrap(prop.value))) found.push(unwrap(prop.value) as FunctionNode);
    }
  }
  return found;
}

/** `const x = factory(…)` at module level, where `factory` is a function of this file. */
export function moduleFactoryCalls(model: FileModel): FactoryCall[] {
  const calls: FactoryCall[] = [];
  for (const statement of model.program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      const init = declarator.init ? unwrap(declarator.init) : undefined;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier) continue;
      const factories = model.functionsByName.get(init.callee.name) ?? [];
      const factory = factories.length === 1 ? factories[0] : undefined;
      if (factory) calls.push({ binding: declarator.id.name, factory, returned: returnedFunctions(factory) });
    }
  }
  return calls;
}

/**
 * Exported factories of this file that another module of the project calls at module level
 * (`export const apiLimiter = createLimiter()` in `middleware/index.ts`): their collections live as
 * long as that module. Only factories `worthAsking` accepts (those that declare a collection) are
 * looked up in the importers, which costs a summary of each the first time.
 */
export function projectFactories(model: FileModel, worthAsking: (factory: FunctionNode) => boolean): FunctionNode[] {
  if (!model.inProject) return [];
  const found: FunctionNode[] = [];
  for (const [name, values] of exportIndex(model)) {
    for (const value of values) {
      const node = unwrap(value);
      const fn = isFunction(node) ? node : node.type === AST_NODE_TYPES.Identifier ? model.functionsByName.get(node.name)?.[0] : undefined;
      if (fn && fn.body.type === AST_NODE_TYPES.BlockStatement && returnedFunctions(fn).length > 0 && worthAsking(fn) && model.project.calledAtModuleLevelElsewhere(model, name)) found.push(fn);
    }
  }
  return found;
}
