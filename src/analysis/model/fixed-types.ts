/**
 * Types whose values are a fixed, small set (literals, `boolean`, enums, `keyof`, unions and aliases
 * of these, declared in the file or in the project file they are imported from): a parameter or a
 * collection key of such a type cannot grow with requests.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import type { FileModel } from './file-model.js';
import { moduleLevelValue } from '../syntax/module-values.js';

type TypeDeclaration = TSESTree.TSEnumDeclaration | TSESTree.TSTypeAliasDeclaration | TSESTree.TSInterfaceDeclaration;

/** An enum, type alias or interface declared at the top of `program` (exported or not) under `name`. */
function declarationIn(program: TSESTree.Program, name: string): TypeDeclaration | undefined {
  for (const statement of program.body) {
    const node = statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
    if ((node.type === AST_NODE_TYPES.TSEnumDeclaration || node.type === AST_NODE_TYPES.TSTypeAliasDeclaration || node.type === AST_NODE_TYPES.TSInterfaceDeclaration) && node.id.name === name) return node;
  }
  return undefined;
}

/** The enum, type alias or interface a type name stands for: in this file, or in the project file it is imported from. */
function typeDeclaration(name: string, model: FileModel): { node: TypeDeclaration; model: FileModel } | undefined {
  const local = declarationIn(model.program, name);
  if (local) return { node: local, model };
  return model.onDisk ? importedDeclaration(name, model, 0) : undefined;
}

const MAX_REEXPORTS = 3;

/** The declaration behind `name` as `model` imports it: in the file the import names, or behind that file's re-exports (`export * from './studio'`, `export type { Studio } from …`). */
function importedDeclaration(name: string, model: FileModel, hops: number): { node: TypeDeclaration; model: FileModel } | undefined {
  const binding = model.imports.get(name);
  if (!binding || binding.export === '*' || binding.export === 'default') return undefined;
  return exportedDeclaration(binding.module, binding.export, model, hops);
}

/** The enum or type alias the module `specifier` (from `model`) exports as `name`, following up to three re-exports. */
function exportedDeclaration(specifier: string, name: string, model: FileModel, hops: number): { node: TypeDeclaration; model: FileModel } | undefined {
  if (hops > MAX_REEXPORTS) return undefined;
  const file = model.project.resolve(specifier, model.filename);
  const other = file === undefined ? undefined : model.project.fileModel(file, model.settings);
  if (!other) return undefined;
  const found = declarationIn(other.program, name);
  if (found) return { node: found, model: other };
  for (const statement of other.program.body) {
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && !statement.exported) {
      const target = model.project.resolve(statement.source.value, other.filename);
      if (target === undefined || !model.project.mayExport(target, name, hops + 1 < MAX_REEXPORTS)) continue;
      const behind = exportedDeclaration(statement.source.value, name, other, hops + 1);
      if (behind) return behind;
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || statement.declaration) continue;
    for (const spec of statement.specifiers) {
      const exported = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : spec.exported.value;
      const local = spec.local.type === AST_NODE_TYPES.Identifier ? spec.local.name : spec.local.value;
      if (exported !== name) continue;
      // `export { Studio } from './studio'`, or `import type { Studio } from './studio'; export type { Studio }`.
      if (statement.source) return exportedDeclaration(statement.source.value, local, other, hops + 1);
      const declared = declarationIn(other.program, local);
      return declared ? { node: declared, model: other } : importedDeclaration(local, other, hops + 1);
    }
  }
  return undefined;
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
    case AST_NODE_TYPES.TSIndexedAccessType:
      return indexedConstant(type, model);
    case AST_NODE_TYPES.TSTypeReference: {
      // `Color.Red`: a member of an enum.
      if (type.typeName.type === AST_NODE_TYPES.TSQualifiedName) return declarationIn(model.program, rootName(type.typeName))?.type === AST_NODE_TYPES.TSEnumDeclaration;
      if (type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeArguments) return false;
      const found = typeDeclaration(type.typeName.name, model);
      if (!found || found.node.type === AST_NODE_TYPES.TSInterfaceDeclaration) return false;
      return found.node.type === AST_NODE_TYPES.TSEnumDeclaration || isFixedType(found.node.typeAnnotation, found.model, depth + 1);
    }
    default:
      return false;
  }
}

/**
 * The members of an object type written out, with the file that declares them: inline (`{ a: boolean }`),
 * or a type alias of an object literal or an interface that extends nothing, in the file or in the
 * project file it is imported from.
 */
function objectMembers(type: TSESTree.TypeNode, model: FileModel): { members: readonly TSESTree.TypeElement[]; model: FileModel } | undefined {
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return { members: type.members, model };
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeArguments) return undefined;
  const found = typeDeclaration(type.typeName.name, model);
  if (found?.node.type === AST_NODE_TYPES.TSInterfaceDeclaration) return found.node.extends.length === 0 ? { members: found.node.body.body, model: found.model } : undefined;
  return found?.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration && found.node.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral ? { members: found.node.typeAnnotation.members, model: found.model } : undefined;
}

/** Whether member `name` of an object type (`options: { sanitize: boolean; mode: 'a' | 'b' }`) is declared with a fixed type. */
export function hasFixedMemberType(type: TSESTree.TypeNode, name: string, model: FileModel): boolean {
  const declared = objectMembers(type, model);
  const member = declared?.members.find(
    (m): m is TSESTree.TSPropertySignature => m.type === AST_NODE_TYPES.TSPropertySignature && !m.computed && (m.key.type === AST_NODE_TYPES.Identifier ? m.key.name : String(m.key.value)) === name,
  );
  const annotation = member?.typeAnnotation?.typeAnnotation;
  return declared !== undefined && annotation !== undefined && isFixedType(annotation, declared.model);
}

/** Array methods whose result holds only elements of the array they are called on. */
const ELEMENT_KEEPING: ReadonlySet<string> = new Set(['sort', 'slice', 'filter', 'reverse', 'toSorted', 'toReversed']);

/** `['a', 'b'] as const`, an array of such spreads (`[...MASTER, ...FRANCHISE]`), or one sorted or filtered: every element is one of a few literals. */
function literalTuple(node: TSESTree.Node, model: FileModel, depth: number): boolean {
  if (depth > 3) return false;
  if (node.type === AST_NODE_TYPES.TSSatisfiesExpression) return literalTuple(node.expression, model, depth + 1);
  if (node.type === AST_NODE_TYPES.TSAsExpression) {
    const asConst = node.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference && node.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier && node.typeAnnotation.typeName.name === 'const';
    return asConst && node.expression.type === AST_NODE_TYPES.ArrayExpression && node.expression.elements.every((e) => e?.type === AST_NODE_TYPES.Literal);
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const init = moduleLevelValue(model, node.name);
    return init !== undefined && literalTuple(init, model, depth + 1);
  }
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    return node.elements.length > 0 && node.elements.every((e) => e?.type === AST_NODE_TYPES.SpreadElement && literalTuple(e.argument, model, depth + 1));
  }
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && !node.callee.computed && node.callee.property.type === AST_NODE_TYPES.Identifier) {
    return ELEMENT_KEEPING.has(node.callee.property.name) && literalTuple(node.callee.object, model, depth + 1);
  }
  return false;
}

/** `{ a: 'x', b: 'y' } as const`: every value is a literal. */
function literalRecord(node: TSESTree.Node): boolean {
  const inner = node.type === AST_NODE_TYPES.TSAsExpression ? node.expression : undefined;
  return inner?.type === AST_NODE_TYPES.ObjectExpression && inner.properties.every((p) => p.type === AST_NODE_TYPES.Property && p.value.type === AST_NODE_TYPES.Literal);
}

/**
 * `(typeof STUDIOS)[number]` over a constant tuple of literals, `(typeof ROLES)[keyof typeof ROLES]`
 * over a constant object of literal values: one of the values written out.
 */
function indexedConstant(type: TSESTree.TSIndexedAccessType, model: FileModel): boolean {
  const query = type.objectType;
  if (query.type !== AST_NODE_TYPES.TSTypeQuery || query.exprName.type !== AST_NODE_TYPES.Identifier) return false;
  const init = moduleLevelValue(model, query.exprName.name);
  if (!init) return false;
  if (type.indexType.type === AST_NODE_TYPES.TSNumberKeyword) return literalTuple(init, model, 0);
  const keys = type.indexType.type === AST_NODE_TYPES.TSTypeOperator && type.indexType.operator === 'keyof' ? type.indexType.typeAnnotation : undefined;
  return keys?.type === AST_NODE_TYPES.TSTypeQuery && keys.exprName.type === AST_NODE_TYPES.Identifier && keys.exprName.name === query.exprName.name && literalRecord(init);
}

function rootName(name: TSESTree.EntityName): string {
  let node: TSESTree.EntityName = name;
  while (node.type === AST_NODE_TYPES.TSQualifiedName) node = node.left;
  return node.type === AST_NODE_TYPES.Identifier ? node.name : '';
}
