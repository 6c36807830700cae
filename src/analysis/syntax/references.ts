/**
 * Scope-resolved references: which variable an identifier names, whether a variable is declared
 * inside a function, which same-file function a call reaches, and a walk that can skip subtrees.
 * Built on the scope manager ESLint gives every file, never on names alone.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from './node-types.js';
import { isFunction, unwrap, walkNodes, type FunctionNode } from './ast.js';


/**
 * The variable `id` names at its position, or `undefined` for a global or an undeclared name
 * (ESLint declares built-in and configured globals such as `Date` without a definition).
 */
export function resolveIdentifier(sourceCode: Readonly<SourceCode>, id: TSESTree.Identifier): Scope.Variable | undefined {
  for (let scope: Scope.Scope | null = sourceCode.getScope(id); scope; scope = scope.upper) {
    const variable = scope.set.get(id.name);
    if (variable) return variable.defs.length > 0 ? variable : undefined;
  }
  return undefined;
}

/**
 * The definition a name has where it is used as a value: in TypeScript a value and a type may share
 * a name (`export type Body = Static<typeof Body>; export const Body = Type.Object(…)`), and the
 * scope manager lists both on one variable, the type first when it is declared first.
 */
export function valueDef(variable: Scope.Variable | null | undefined): Scope.Definition | undefined {
  return variable?.defs.find((def) => (def.type as string) !== 'Type') ?? variable?.defs[0];
}

/** The `const` declarator a name is bound by, when it has an initialiser (`const ISO = /^[A-Z]{3}$/`, `const { auth } = getAuth(req)`). */
export function constDeclarator(sourceCode: Readonly<SourceCode>, name: TSESTree.Identifier): TSESTree.VariableDeclarator & { init: TSESTree.Expression } | undefined {
  const node = valueDef(resolveIdentifier(sourceCode, name))?.node;
  return node?.type === AST_NODE_TYPES.VariableDeclarator && node.parent.kind === 'const' && node.init ? (node as TSESTree.VariableDeclarator & { init: TSESTree.Expression }) : undefined;
}

/** The variable's one value definition, or `undefined` when it has none or several (`var x = 1; var x = 2`). */
export function onlyValueDef(variable: Scope.Variable | null | undefined): Scope.Definition | undefined {
  const defs = variable?.defs.filter((def) => (def.type as string) !== 'Type') ?? [];
  return defs.length === 1 ? defs[0] : undefined;
}

/** Whether `inner` lies within `outer` (inclusive). */
export function within(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** A variable declared in `fn` (a parameter or a local, at any depth): writing it changes nothing outside. */
export function isDeclaredWithin(variable: Scope.Variable, fn: TSESTree.Node): boolean {
  const block = variable.scope.block as TSESTree.Node;
  return within(block, fn) && variable.defs.length > 0;
}

/** The object a plain member chain starts from: `users` in `users.a.find`, `this` in `this.users.find` (calls end the chain). */
export function memberRoot(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current;
}

/** The root of `a.b[c].d` / `a.b()`: an identifier, `this`, or whatever else starts the chain. */
export function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.ChainExpression) current = unwrap(current.expression);
    else if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.callee.object);
    else return current;
  }
}

/** The function a variable is bound to in this file: `function f() {}`, `const f = () => {}`, `const f = function () {}`. */
export function functionOfVariable(variable: Scope.Variable | undefined): FunctionNode | undefined {
  const def = valueDef(variable);
  if (!def) return undefined;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
    const init = unwrap(def.node.init);
    if (isFunction(init)) return init;
  }
  return undefined;
}

/** Whether a non-arrow function reads `this` (not counting nested functions and classes that bind their own). */
export function usesThis(fn: FunctionNode, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
  let found = false;
  walkNodes(fn.body, visitorKeys, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.ThisExpression) found = true;
    if (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) return false;
    return node.type !== AST_NODE_TYPES.ClassBody;
  });
  return found;
}

/** The outermost node around `node` that only adds TypeScript wrappers (`x as T`, `x!`, `x satisfies T`). */
export function outerExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (parent?.type !== AST_NODE_TYPES.TSAsExpression && parent?.type !== AST_NODE_TYPES.TSNonNullExpression && parent?.type !== AST_NODE_TYPES.TSSatisfiesExpression) return current;
    current = parent;
  }
}

/**
 * The `=` assignment a write of a name takes its value from, with the target the name sits in:
 * `x = v` gives `x`, `({ orgId } = await requireOrg(req))` and `[a, b] = pair` give the pattern.
 * `undefined` for any other write (`x += 1`, `for (x of xs)`, `x++`).
 */
export function assignmentOf(write: TSESTree.Identifier): { target: TSESTree.Node; value: TSESTree.Expression } | undefined {
  let node: TSESTree.Node = write;
  for (;;) {
    const parent: TSESTree.Node = node.parent;
    const inPattern =
      (parent.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectPattern) ||
      parent.type === AST_NODE_TYPES.ObjectPattern ||
      parent.type === AST_NODE_TYPES.ArrayPattern ||
      parent.type === AST_NODE_TYPES.RestElement ||
      (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node);
    if (inPattern) {
      node = parent;
      continue;
    }
    return parent.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.left === node ? { target: node, value: parent.right } : undefined;
  }
}
