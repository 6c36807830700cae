/**
 * How a memoized function's parameters can be keyed: primitives, objects, arrays, values JSON
 * cannot represent; from annotations, defaults and destructuring, or the type checker.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, isFunction, programOf, unwrap, type FunctionNode } from '../syntax/ast.js';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { classifyType, typeOf, type TypeKind, type TypeTools } from '../syntax/type-tools.js';
import { callbackParameterName, dependencyParameterName } from '../catalog/dependency-parameters.js';

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

/** The file's own type declarations by name: `interface X {…}`, `type X = …` (top level, exported or not). */
type LocalTypes = ReadonlyMap<string, TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration>;
const localTypesByProgram = new WeakMap<TSESTree.Program, LocalTypes>();

function localTypesOf(node: TSESTree.Node): LocalTypes {
  const program = programOf(node);
  let found = localTypesByProgram.get(program);
  if (!found) {
    const types = new Map<string, TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration>();
    for (const statement of program.body) {
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
      if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration || declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) types.set(declaration.id.name, declaration);
    }
    found = types;
    localTypesByProgram.set(program, found);
  }
  return found;
}

/**
 * A type the file declares itself: an interface without a call signature is an object; an alias is
 * what its type says (`type Parts = { name: string }`, `type Opts = Base & { q: string }`).
 */
function kindOfLocalType(name: string, from: TSESTree.Node, classNames: ReadonlySet<string>, depth: number): TypeKind {
  const declaration = depth < 4 ? localTypesOf(from).get(name) : undefined;
  if (!declaration) return 'unknown';
  if (declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration) {
    const callable = declaration.body.body.some((m) => m.type === AST_NODE_TYPES.TSCallSignatureDeclaration || m.type === AST_NODE_TYPES.TSConstructSignatureDeclaration);
    return callable ? 'unknown' : 'object';
  }
  return kindOfAnnotation(declaration.typeAnnotation, classNames, depth + 1);
}

function kindOfAnnotation(type: TSESTree.TypeNode | undefined, classNames: ReadonlySet<string>, depth = 0): TypeKind {
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
      return kindOfAnnotation(type.typeAnnotation, classNames, depth);
    case AST_NODE_TYPES.TSIntersectionType: {
      // `Base & { q: string }`: an object when every part is one (or unknown) and one part says so.
      const kinds = type.types.map((t) => kindOfAnnotation(t, classNames, depth));
      return kinds.includes('object') && kinds.every((k) => k === 'object' || k === 'unknown') ? 'object' : 'unknown';
    }
    case AST_NODE_TYPES.TSTypeReference: {
      if (type.typeName.type !== AST_NODE_TYPES.Identifier) return 'unknown';
      const name = type.typeName.name;
      if (arrayTypeNames.has(name)) return 'array';
      if (objectTypeNames.has(name)) return 'object';
      if (nonJsonTypeNames.has(name)) return 'non-json';
      if (name === 'Function') return 'function';
      if (classNames.has(name)) return 'non-json';
      return type.typeArguments ? 'unknown' : kindOfLocalType(name, type, classNames, depth);
    }
    case AST_NODE_TYPES.TSUnionType: {
      const kinds = new Set(type.types.filter((t) => t.type !== AST_NODE_TYPES.TSUndefinedKeyword && t.type !== AST_NODE_TYPES.TSNullKeyword).map((t) => kindOfAnnotation(t, classNames, depth)));
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

/** Inside a `throw` or a `console.*` call, below `fn`: a value read there never reaches the result. */
function onlyForErrors(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current: TSESTree.Node | undefined = node; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression && calleeName(current.callee.object) === 'console') return true;
  }
  return false;
}

/**
 * A parameter that hands the function a dependency rather than data (see catalog/dependency-parameters):
 * typed as a function, or named as a client, service, logger, getter or callback. A destructured or
 * rest parameter is data.
 */
export function isDependencyParameter(param: { kind: TypeKind; rest: boolean; node: TSESTree.Parameter | undefined }): boolean {
  if (param.rest) return false;
  if (param.kind === 'function') return true;
  const node = param.node?.type === AST_NODE_TYPES.AssignmentPattern ? param.node.left : param.node;
  return node?.type === AST_NODE_TYPES.Identifier && (dependencyParameterName.test(node.name) || callbackParameterName.test(node.name));
}

/**
 * Whether a parameter of `fn` can change what `fn` returns: it is read somewhere other than in an error
 * it throws or a log line (`loadDocs(path, node)` reading `node` only for `throw new NotFound(path, node)`
 * is keyed fully by `path`). Unknown (no scope information, `arguments` read) counts as read.
 */
export function paramAffectsResult(param: TSESTree.Parameter, fn: FunctionNode, sourceCode: Readonly<SourceCode>): boolean {
  if (sourceCode.text.slice(fn.body.range[0], fn.body.range[1]).includes('arguments')) return true;
  const variables = sourceCode.scopeManager?.getDeclaredVariables(fn) ?? [];
  const own = variables.filter((v) => v.defs.some((d) => (d.type as string) === 'Parameter' && d.name.range[0] >= param.range[0] && d.name.range[1] <= param.range[1]));
  if (own.length === 0) return true;
  return own.some((v) => v.references.some((ref) => ref.isRead() && !onlyForErrors(ref.identifier, fn)));
}

/** The variables a function's parameter `index` declares (its own name, or the names it destructures). */
function paramVariables(fn: FunctionNode, index: number, sourceCode: Readonly<SourceCode>) {
  const param = fn.params[index];
  if (!param) return [];
  return (sourceCode.scopeManager?.getDeclaredVariables(fn) ?? []).filter((v) => v.defs.some((d) => (d.type as string) === 'Parameter' && d.name.range[0] >= param.range[0] && d.name.range[1] <= param.range[1]));
}

/** A read that only asks whether the value is set: `p ? … : …`, `!p`, `Boolean(p)`, `p == null`, `typeof p`. */
function presenceTest(ref: TSESTree.Identifier): boolean {
  const parent = ref.parent;
  if (parent.type === AST_NODE_TYPES.ConditionalExpression) return parent.test === ref;
  if (parent.type === AST_NODE_TYPES.UnaryExpression) return parent.operator === '!' || parent.operator === 'typeof';
  if (parent.type === AST_NODE_TYPES.CallExpression) return calleeName(parent.callee) === 'Boolean';
  if (parent.type === AST_NODE_TYPES.BinaryExpression && ['==', '!=', '===', '!=='].includes(parent.operator)) {
    const other = parent.left === ref ? parent.right : parent.left;
    return (other.type === AST_NODE_TYPES.Literal && other.value === null) || (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined');
  }
  return false;
}

/**
 * A key function that records only whether argument `index` is set (`(text, editor) => text + (editor ? '+' : '')`)
 * while the memoized function reads inside it (`editor.view`): the property it reads, else `undefined`.
 */
export function presenceOnlyKey(resolver: FunctionNode, fn: FunctionNode, index: number, sourceCode: Readonly<SourceCode>): string | undefined {
  if (index >= resolver.params.length || resolver.params.some((p) => p.type === AST_NODE_TYPES.RestElement)) return undefined;
  const keyRefs = paramVariables(resolver, index, sourceCode).flatMap((v) => v.references.filter((r) => r.isRead()));
  if (keyRefs.length === 0 || !keyRefs.every((r) => presenceTest(r.identifier as TSESTree.Identifier))) return undefined;
  for (const v of paramVariables(fn, index, sourceCode)) {
    for (const ref of v.references) {
      const parent = ref.identifier.parent;
      if (ref.isRead() && parent.type === AST_NODE_TYPES.MemberExpression && parent.object === ref.identifier && !parent.computed && parent.property.type === AST_NODE_TYPES.Identifier && !onlyForErrors(ref.identifier, fn)) return `${v.name}.${parent.property.name}`;
    }
  }
  return undefined;
}
