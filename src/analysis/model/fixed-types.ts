/**
 * Types whose values are a fixed, small set (literals, `boolean`, enums, `keyof`, unions and aliases
 * of these, declared in the file or in the project file they are imported from): a parameter or a
 * collection key of such a type cannot grow with requests.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import type { FileModel } from './file-model.js';

type TypeDeclaration = TSESTree.TSEnumDeclaration | TSESTree.TSTypeAliasDeclaration;

/** An enum or type alias declared at the top of `program` (exported or not) under `name`. */
function declarationIn(program: TSESTree.Program, name: string): TypeDeclaration | undefined {
  for (const statement of program.body) {
    const node = statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
    if ((node.type === AST_NODE_TYPES.TSEnumDeclaration || node.type === AST_NODE_TYPES.TSTypeAliasDeclaration) && node.id.name === name) return node;
  }
  return undefined;
}

/** The enum or type alias a type name stands for: in this file, or in the project file it is imported from. */
function typeDeclaration(name: string, model: FileModel): { node: TypeDeclaration; model: FileModel } | undefined {
  const local = declarationIn(model.program, name);
  if (local) return { node: local, model };
  const binding = model.imports.get(name);
  if (!binding || binding.export === '*' || binding.export === 'default' || !model.inProject) return undefined;
  const file = model.project.resolve(binding.module, model.filename);
  const other = file === undefined ? undefined : model.project.fileModel(file, model.settings);
  const found = other ? declarationIn(other.program, binding.export) : undefined;
  return found && other ? { node: found, model: other } : undefined;
}

/** A type whose values are a fixed, small set: literals, `boolean`, enums, `keyof`, unions and aliases of these. */
export function isFixedType(type: TSESTree.TypeNode, model: FileModel, depth = 0): boolean {
  if (depth > 3) return false;
  switch (type.type) {
    case AST_NODE_TYPES.TSLiteralType:
      return type.literal.type !== AST_NODE_TYPES.TemplateLiteral || type.literal.expressions.length === 0;
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
      return true;
    case AST_NODE_TYPES.TSTypeOperator:
      return type.operator === 'keyof';
    case AST_NODE_TYPES.TSUnionType:
      return type.types.every((t) => isFixedType(t, model, depth + 1));
    case AST_NODE_TYPES.TSTypeReference: {
      // `Color.Red`: a member of an enum.
      if (type.typeName.type === AST_NODE_TYPES.TSQualifiedName) return declarationIn(model.program, rootName(type.typeName))?.type === AST_NODE_TYPES.TSEnumDeclaration;
      if (type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeArguments) return false;
      const found = typeDeclaration(type.typeName.name, model);
      if (!found) return false;
      return found.node.type === AST_NODE_TYPES.TSEnumDeclaration || isFixedType(found.node.typeAnnotation, found.model, depth + 1);
    }
    default:
      return false;
  }
}

function rootName(name: TSESTree.EntityName): string {
  let node: TSESTree.EntityName = name;
  while (node.type === AST_NODE_TYPES.TSQualifiedName) node = node.left;
  return node.type === AST_NODE_TYPES.Identifier ? node.name : '';
}
