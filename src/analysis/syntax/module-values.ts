/** What a module-level name of a file stands for, read from the top-level statements. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';

/** The initialiser of a module-level `const`, or a top-level function, by name. */
export function moduleLevelValue(model: { program: TSESTree.Program }, name: string): TSESTree.Node | undefined {
  for (const statement of model.program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === name) return declaration;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of declaration.declarations) if (d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name && d.init) return d.init;
  }
  return undefined;
}
