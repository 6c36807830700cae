/**
 * What a memoized function is: its parameters (can they be keys?) and its result (a promise that
 * can reject?). Syntax first; the type checker, when present, answers what syntax leaves open.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { calleeName, isFunction, memberName, unwrap, walk, type FunctionNode } from './ast.js';
import { classifyType, returnsThenable, typeOf, type TypeKind, type TypeTools } from './types.js';

/** Calls known to return promises even without types. */
const promiseFunctions: ReadonlySet<string> = new Set(['fetch', 'axios', 'got', 'ky', 'ofetch', '$fetch', 'request']);
const promiseRoots: ReadonlySet<string> = new Set(['Promise', 'axios', 'got', 'ky', 'fsp', 'superagent']);

export interface FunctionFacts {
  /** Names of the file's async functions and of functions that return promises. */
  asyncNames: ReadonlySet<string>;
  /** Classes declared in the file: a parameter annotated with one holds class instances. */
  classNames: ReadonlySet<string>;
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  /** Whether a call's promise cannot reject (its callee catches everything), when the model can tell. */
  callCannotReject?: (call: TSESTree.CallExpression) => boolean;
}

function containsThrow(node: TSESTree.Node, facts: FunctionFacts): boolean {
  let found = false;
  walk(node, facts.visitorKeys, (child) => {
    if (child.type === AST_NODE_TYPES.ThrowStatement) found = true;
    // `Promise.reject(e)` rethrows as well.
    if (child.type === AST_NODE_TYPES.CallExpression && calleeName(child.callee) === 'reject') found = true;
  });
  return found;
}

/** `x.catch(() => fallback)` whose handler does not rethrow: the result cannot reject. */
export function isCaughtChain(node: TSESTree.Node, facts: FunctionFacts): boolean {
  const expr = unwrap(node);
  if (expr.type !== AST_NODE_TYPES.CallExpression || expr.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(expr.callee);
  const handler = method === 'catch' ? expr.arguments[0] : method === 'then' ? expr.arguments[1] : undefined;
  return handler !== undefined && isFunction(handler) && !containsThrow(handler.body, facts);
}

/** A promise-valued expression, by syntax: `fetch()`, `.then()`, `new Promise`, a call of an async function of the file. */
export function isPromiseExpression(node: TSESTree.Node, facts: FunctionFacts): boolean {
  const expr = unwrap(node);
  switch (expr.type) {
    case AST_NODE_TYPES.NewExpression:
      return expr.callee.type === AST_NODE_TYPES.Identifier && expr.callee.name === 'Promise';
    case AST_NODE_TYPES.ConditionalExpression:
      return isPromiseExpression(expr.consequent, facts) || isPromiseExpression(expr.alternate, facts);
    case AST_NODE_TYPES.LogicalExpression:
      return isPromiseExpression(expr.right, facts);
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(expr.callee);
      // `(async () => { … })()`
      if (isFunction(callee)) return callee.async;
      if (callee.type === AST_NODE_TYPES.Identifier) return promiseFunctions.has(callee.name) || facts.asyncNames.has(callee.name);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = memberName(callee);
      if (method === 'then' || method === 'catch' || method === 'finally') return true;
      let root: TSESTree.Node = callee.object;
      while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
      if (root.type === AST_NODE_TYPES.Identifier && promiseRoots.has(root.name)) return true;
      // `this.loadUser(id)`, `api.fetchUser(id)`: a method of the file declared async.
      return method !== undefined && facts.asyncNames.has(method);
    }
    default:
      return false;
  }
}

function returnedExpressions(fn: FunctionNode, facts: FunctionFacts): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const returned: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node !== fn.body && isFunction(node)) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) returned.push(node.argument);
      return;
    }
    const keys = facts.visitorKeys[node.type] ?? [];
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node);
      }
    }
  };
  visit(fn.body);
  return returned;
}

/**
 * An async body that throws nothing itself and awaits only calls that cannot reject (their callees
 * catch everything), and returns no promise that can: `const body = await safeGetJson(url); return body ?? []`.
 */
function awaitsOnlySafeCalls(fn: FunctionNode, facts: FunctionFacts): boolean {
  const cannotReject = facts.callCannotReject;
  if (!cannotReject) return false;
  const seen = { safe: true, awaits: 0 };
  const visit = (node: TSESTree.Node): void => {
    if (!seen.safe || (node !== fn.body && isFunction(node))) return;
    if (node.type === AST_NODE_TYPES.ThrowStatement) seen.safe = false;
    if (node.type === AST_NODE_TYPES.AwaitExpression) {
      seen.awaits++;
      const awaited = unwrap(node.argument);
      if (awaited.type !== AST_NODE_TYPES.CallExpression || !cannotReject(awaited)) seen.safe = false;
    }
    for (const key of facts.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node);
    }
  };
  visit(fn.body);
  if (!seen.safe || seen.awaits === 0) return false;
  // A returned call or `new` may be a promise or a lazy thenable (a query builder) that rejects.
  return returnedExpressions(fn, facts).every((expr) => {
    const value = unwrap(expr);
    if (value.type === AST_NODE_TYPES.CallExpression) return cannotReject(value);
    return value.type !== AST_NODE_TYPES.NewExpression && value.type !== AST_NODE_TYPES.Identifier;
  });
}

/** An async body that is one try/catch whose catch does not rethrow cannot reject. */
function asyncBodyCannotReject(fn: FunctionNode, facts: FunctionFacts): boolean {
  if (awaitsOnlySafeCalls(fn, facts)) return true;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isCaughtChain(fn.body, facts);
  const statements = fn.body.body.filter((s) => s.type !== AST_NODE_TYPES.EmptyStatement);
  const tryStatement = statements.find((s): s is TSESTree.TryStatement => s.type === AST_NODE_TYPES.TryStatement);
  if (!tryStatement?.handler) return false;
  // Everything else must be harmless declarations of constants before the try, or a return after it.
  const others = statements.filter((s) => s !== tryStatement);
  if (others.some((s) => s.type !== AST_NODE_TYPES.ReturnStatement && s.type !== AST_NODE_TYPES.VariableDeclaration)) return false;
  if (others.some((s) => s.type === AST_NODE_TYPES.VariableDeclaration && s.declarations.some((d) => d.init && d.init.type !== AST_NODE_TYPES.Literal && d.init.type !== AST_NODE_TYPES.Identifier))) return false;
  return !containsThrow(tryStatement.handler.body, facts) && !(tryStatement.finalizer && containsThrow(tryStatement.finalizer, facts));
}

function annotatedPromise(fn: FunctionNode): boolean {
  const annotation = fn.returnType?.typeAnnotation;
  return (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    (annotation.typeName.name === 'Promise' || annotation.typeName.name === 'PromiseLike')
  );
}

/**
 * Whether the function returns a promise that can reject. `fnNode` is the function itself when it
 * is in this file; `reference` is the expression passed to the memoizer (for the type checker).
 */
export function returnsRejectablePromise(
  fnNode: FunctionNode | undefined,
  reference: TSESTree.Node,
  facts: FunctionFacts,
  tools: TypeTools | undefined,
): boolean {
  if (fnNode) {
    // An async generator returns an async iterator, not a promise.
    if (fnNode.generator) return false;
    if (fnNode.async) return !asyncBodyCannotReject(fnNode, facts);
    if (annotatedPromise(fnNode)) return true;
    const returned = returnedExpressions(fnNode, facts);
    if (returned.some((expr) => isPromiseExpression(expr, facts) && !isCaughtChain(expr, facts))) return true;
    if (returned.length > 0 && returned.every((expr) => isCaughtChain(expr, facts))) return false;
  }
  if (!tools) return false;
  const type = typeOf(tools, reference);
  return type !== undefined && returnsThenable(tools, type);
}

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

/** `fn.bind(this)`, `this.method.bind(this)` → the function expression underneath. */
export function unwrapBind(node: TSESTree.Node): TSESTree.Node {
  const expr = unwrap(node);
  if (
    expr.type === AST_NODE_TYPES.CallExpression &&
    expr.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(expr.callee) === 'bind'
  ) {
    return unwrap(expr.callee.object);
  }
  return expr;
}
