/** Small syntactic helpers shared by the analysis modules. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { iterationMethods } from '../catalog/collection-methods.js';

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export function isFunction(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** Strips TypeScript-only wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`) and parentheses. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSInstantiationExpression
  ) {
    current = current.expression;
  }
  return current;
}

/** The name of a non-computed property key or member property, or of a string-literal one. */
export function propertyName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.PrivateIdentifier) return node.name;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  return undefined;
}

export function memberName(node: TSESTree.MemberExpression): string | undefined {
  return node.computed ? (node.property.type === AST_NODE_TYPES.Literal ? propertyName(node.property) : undefined) : propertyName(node.property);
}

/** The program `node` is written in. */
export function programOf(node: TSESTree.Node): TSESTree.Program {
  let program: TSESTree.Node = node;
  while (program.parent) program = program.parent;
  return program;
}

/** The innermost function that contains `node`, if any. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/**
 * The function a name used at `from` stands for, when a block around it (nearest first) declares it
 * as one: `function name(…)`, or `const name = (…) => …` that nothing reassigns.
 */
export function functionInSight(name: string, from: TSESTree.Node): FunctionNode | undefined {
  for (let scope = from.parent; scope; scope = scope.parent) {
    if (scope.type !== AST_NODE_TYPES.BlockStatement && scope.type !== AST_NODE_TYPES.Program) continue;
    for (const statement of scope.body) {
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === name) return declaration;
      if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') continue;
      for (const d of declaration.declarations) {
        if (d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name) return d.init && isFunction(unwrap(d.init)) ? (unwrap(d.init) as FunctionNode) : undefined;
      }
    }
  }
  return undefined;
}

/** The function at the top of the functions `fn` is written in (`fn` itself when none holds it). */
export function outermostFunction(fn: FunctionNode): FunctionNode {
  let outer = fn;
  for (let up = enclosingFunction(outer); up; up = enclosingFunction(outer)) outer = up;
  return outer;
}

/** The name a function is known by in its file: its own id, its variable, its property or method key. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.computed ? undefined : propertyName(parent.key);
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left.type === AST_NODE_TYPES.MemberExpression ? memberName(parent.left) : parent.left.type === AST_NODE_TYPES.Identifier ? parent.left.name : undefined;
    default:
      return undefined;
  }
}

/** The callee's name for `f()`, `obj.f()`, `this.a.f()`: the last identifier. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  const node = unwrap(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberName(node);
  return undefined;
}

/** `Date.now`, `path.resolve`, `String`: a callee's name with the name of what it is a member of, when it is one. */
export function ownedCalleeName(callee: TSESTree.Node): string | undefined {
  const node = unwrap(callee);
  if (node.type !== AST_NODE_TYPES.MemberExpression) return calleeName(node);
  return `${calleeName(node.object) ?? ''}.${memberName(node) ?? ''}`;
}

export function findProperty(object: TSESTree.ObjectExpression, names: readonly string[]): TSESTree.Property | undefined {
  for (const prop of object.properties) {
    if (prop.type !== AST_NODE_TYPES.Property || prop.computed) continue;
    const name = propertyName(prop.key);
    if (name !== undefined && names.includes(name)) return prop;
  }
  return undefined;
}

/** A literal `Infinity` or `Number.POSITIVE_INFINITY`. */
export function isInfinity(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'Infinity';
  return value.type === AST_NODE_TYPES.MemberExpression && memberName(value) === 'POSITIVE_INFINITY';
}

const EMPTY_VALUES: ReadonlySet<string> = new Set(['undefined', 'null']);

/** `null`, `undefined`, `false`, `void 0`: what a slot or an entry is emptied with. */
export function isEmptyValue(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return value.value === null || value.value === false;
  if (value.type === AST_NODE_TYPES.Identifier) return EMPTY_VALUES.has(value.name);
  return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void';
}

/** `false`, `0`, `null`, `undefined`: an option given but switched off. */
export function isFalsyLiteral(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return !value.value;
  return value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined';
}

/** A fresh value built at this spot: an object or array literal, or an inline function. */
export function isFreshValue(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return (
    value.type === AST_NODE_TYPES.ObjectExpression ||
    value.type === AST_NODE_TYPES.ArrayExpression ||
    value.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    value.type === AST_NODE_TYPES.FunctionExpression
  );
}

/**
 * Visits every node below `root` in source order, using the parser's visitor keys. `visit` returns
 * `false` to skip a node's children.
 */
export function walkNodes(
  root: TSESTree.Node,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  visit: (node: TSESTree.Node) => boolean,
): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (!visit(node)) continue;
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = (node as unknown as Record<string, unknown>)[keys[i] as string];
      if (Array.isArray(child)) {
        for (let j = child.length - 1; j >= 0; j--) {
          const item = child[j] as TSESTree.Node | null;
          if (item) stack.push(item);
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

/** Calls `visit` on every node below `root` (depth first), using the parser's visitor keys. */
export function walk(
  root: TSESTree.Node,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  visit: (node: TSESTree.Node) => void,
): void {
  walkNodes(root, visitorKeys, (node) => {
    visit(node);
    return true;
  });
}

/** Whether `root` calls `process.exit(…)` anywhere inside it (a catch that ends the process). */
export function callsProcessExit(root: TSESTree.Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  let exits = false;
  walk(root, visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(node.callee) !== 'exit') return;
    if (node.callee.object.type === AST_NODE_TYPES.Identifier && node.callee.object.name === 'process') exits = true;
  });
  return exits;
}

/** What a class `implements`; espree's AST (plain JavaScript) has no `implements` property at all. */
export function implementsOf(node: { implements?: TSESTree.TSClassImplements[] }): readonly TSESTree.TSClassImplements[] {
  return node.implements ?? [];
}

/** Decorators of a class or member; espree's AST (plain JavaScript) has no `decorators` property at all. */
export function decoratorsOf(node: { decorators?: TSESTree.Decorator[] }): readonly TSESTree.Decorator[] {
  return node.decorators ?? [];
}

/**
 * What runs `arg` when it is given to a promise method: `'rejection'` for `.catch(h)` and
 * `.then(_, h)`, `'settled'` for `.finally(h)` (both outcomes), `undefined` otherwise.
 */
export function promiseHandlerKind(arg: TSESTree.Node, call: TSESTree.CallExpression): 'rejection' | 'settled' | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(call.callee);
  const index = call.arguments.indexOf(arg as TSESTree.CallExpressionArgument);
  if (index === -1) return undefined;
  if (method === 'finally') return 'settled';
  return method === 'catch' || (method === 'then' && index === 1) ? 'rejection' : undefined;
}

/** `.then(h)`: `arg` is the first argument of `call`, a `.then` call, so it runs only when the promise fulfils. */
export function isFulfilmentArgument(arg: TSESTree.Node, call: TSESTree.Node | undefined): call is TSESTree.CallExpression {
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression && memberName(call.callee) === 'then' && call.arguments[0] === arg;
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

/** A key written as a literal: `'config'`, `42`, a template literal without expressions. */
export function isLiteralKey(node: TSESTree.Node): boolean {
  const key = unwrap(node);
  return key.type === AST_NODE_TYPES.Literal || (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0);
}

/** A function written as the callback of an array iteration (`rows.forEach((row) => …)`): it runs while the call runs. */
export function isIterationCallback(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === fn && call.callee.type === AST_NODE_TYPES.MemberExpression && iterationMethods.has(memberName(call.callee) ?? '');
}

/** Whether a branch is, or holds in its block (at any depth of plain blocks: `{ { …; return; } }`), a statement `leaving` accepts. */
export function branchHolds(branch: TSESTree.Statement, leaving: (statement: TSESTree.Statement) => boolean): boolean {
  if (branch.type === AST_NODE_TYPES.BlockStatement) return branch.body.some((s) => branchHolds(s, leaving));
  return leaving(branch);
}

/** A branch that leaves: `return`, `throw`, or a call that throws (`ctx.throw(404)`, `next(err)` is not one), also inside a plain block of it. */
export function branchLeaves(branch: TSESTree.Statement): boolean {
  return branchHolds(
    branch,
    (s) =>
      s.type === AST_NODE_TYPES.ReturnStatement ||
      s.type === AST_NODE_TYPES.ThrowStatement ||
      (s.type === AST_NODE_TYPES.ExpressionStatement && s.expression.type === AST_NODE_TYPES.CallExpression && s.expression.callee.type === AST_NODE_TYPES.MemberExpression && memberName(s.expression.callee) === 'throw'),
  );
}
