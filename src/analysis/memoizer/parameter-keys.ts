/**
 * How a memoized function's parameters can be keyed: primitives, objects, arrays, values JSON
 * cannot represent; from annotations, defaults and destructuring, or the type checker.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { isFunction, unwrap } from '../syntax/ast.js';
import { classifyType, typeOf, type TypeKind, type TypeTools } from '../syntax/type-tools.js';

/** How a parameter can be keyed. `non-json`: Dates, Maps, Sets, class instances: JSON flattens them. */
export interface ParamFacts {
  kind: TypeKind;
  optional: boolean;
  rest: boolean;
  /** Has a default value (so it is left out of `fn.length`). */
  hasDefault: boolean;
  node: TSESTree.Parameter;
}

const objectTypeNames: ReadonlySet<string> = new Set(['Record', 'Partial', 'Readonly', 'Required', 'Pick', 'Omit', 'object', 'Object']);
const arrayTypeNames: ReadonlySet<string> = new Set(['Array', 'ReadonlyArray']);
const nonJsonTypeNames: ReadonlySet<string> = new Set(['Date', 'Map', 'Set', 'WeakMap', 'WeakSet', 'RegExp', 'URL', 'Buffer', 'ReadonlyMap', 'ReadonlySet']);

function kindOfAnnotation(type: TSESTree.TypeNode | undefined, classNames: ReadonlySet<string>): TypeKind {
  if (!type) return 'unknown';
  switch (type.type) {
    case AST_NODE_TYPES.TSTypeLiteral:
    case AST_NODE_TYPES.TSMappedType:
    case AST_NODE_TYPES.TSObjectKeyword:
      return 'object';
    case AST_NODE_TYPES.TSArrayType:
    case AST_NODE_TYPES.TSTupleType:
      return 'array';
    case AST_NODE_TYPES.TSFunctionType:
    case AST_NODE_TYPES.TSConstructorType:
      return 'function';
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSSymbolKeyword:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSTemplateLiteralType:
      return 'primitive';
    case AST_NODE_TYPES.TSTypeOperator:
      return kindOfAnnotation(type.typeAnnotation, classNames);
    case AST_NODE_TYPES.TSTypeReference: {
      if (type.typeName.type !== AST_NODE_TYPES.Identifier) return 'unknown';
      const name = type.typeName.name;
      if (arrayTypeNames.has(name)) return 'array';
      if (objectTypeNames.has(name)) return 'object';
      if (nonJsonTypeNames.has(name)) return 'non-json';
      if (name === 'Function') return 'function';
      return classNames.has(name) ? 'non-json' : 'unknown';
    }
    case AST_NODE_TYPES.TSUnionType: {
      const kinds = new Set(type.types.filter((t) => t.type !== AST_NODE_TYPES.TSUndefinedKeyword && t.type !== AST_NODE_TYPES.TSNullKeyword).map((t) => kindOfAnnotation(t, classNames)));
      return kinds.size === 1 ? ([...kinds][0] ?? 'unknown') : 'unknown';
    }
    default:
      return 'unknown';
  }
}

function unionHasUndefined(type: TSESTree.TypeNode | undefined): boolean {
  return type?.type === AST_NODE_TYPES.TSUnionType && type.types.some((t) => t.type === AST_NODE_TYPES.TSUndefinedKeyword);
}

function kindOfDefault(value: TSESTree.Node): TypeKind {
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return 'object';
  if (node.type === AST_NODE_TYPES.ArrayExpression) return 'array';
  if (isFunction(node)) return 'function';
  if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && nonJsonTypeNames.has(node.callee.name)) return 'non-json';
  if (node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.TemplateLiteral) return 'primitive';
  return 'unknown';
}

/**
 * `fn.length` of a parameter list: the parameters before the first one with a default or a rest.
 * memoizee keys on that many arguments; with 0 it keeps one entry whatever the arguments.
 */
export function fnLength(params: readonly { hasDefault: boolean; rest: boolean }[]): number {
  const stop = params.findIndex((p) => p.hasDefault || p.rest);
  return stop === -1 ? params.length : stop;
}

export function paramFacts(param: TSESTree.Parameter, tools: TypeTools | undefined, classNames: ReadonlySet<string>): ParamFacts {
  const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  const facts: ParamFacts = { kind: 'unknown', optional: false, rest: false, hasDefault: false, node: param };
  let binding: TSESTree.Node = target;
  if (binding.type === AST_NODE_TYPES.RestElement) {
    facts.rest = true;
    facts.kind = 'array';
    return facts;
  }
  if (binding.type === AST_NODE_TYPES.AssignmentPattern) {
    facts.hasDefault = true;
    const right = unwrap(binding.right);
    if (right.type === AST_NODE_TYPES.Identifier && right.name === 'undefined') facts.optional = true;
    facts.kind = kindOfDefault(right);
    binding = binding.left;
  }
  if (binding.type === AST_NODE_TYPES.ObjectPattern) facts.kind = 'object';
  else if (binding.type === AST_NODE_TYPES.ArrayPattern) facts.kind = 'array';
  if ('typeAnnotation' in binding) {
    const annotation = binding.typeAnnotation?.typeAnnotation;
    if (binding.type === AST_NODE_TYPES.Identifier && binding.optional) facts.optional = true;
    if (unionHasUndefined(annotation)) facts.optional = true;
    const annotated = kindOfAnnotation(annotation, classNames);
    if (annotated !== 'unknown') facts.kind = annotated;
  }
  if (facts.kind === 'unknown' && tools && binding.type === AST_NODE_TYPES.Identifier) {
    const type = typeOf(tools, binding);
    if (type) {
      const classified = classifyType(tools, type);
      facts.kind = classified.kind;
      facts.optional ||= classified.optional;
    }
  }
  return facts;
}

/** Parameters of a function value known only through its type (an imported function). */
export function typedParamKinds(tools: TypeTools, reference: TSESTree.Node): { kind: TypeKind; optional: boolean; rest: boolean }[] | undefined {
  const type = typeOf(tools, reference);
  const signature = type?.getCallSignatures()[0];
  if (!signature) return undefined;
  return signature.getParameters().map((symbol) => {
    const declaration = symbol.valueDeclaration;
    const rest = declaration !== undefined && tools.ts.isParameter(declaration) && declaration.dotDotDotToken !== undefined;
    const paramType = tools.checker.getTypeOfSymbol(symbol);
    const classified = classifyType(tools, paramType);
    const optional = classified.optional || (declaration !== undefined && tools.ts.isParameter(declaration) && (declaration.questionToken !== undefined || declaration.initializer !== undefined));
    return { kind: rest ? 'array' : classified.kind, optional, rest };
  });
}
