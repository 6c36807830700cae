/**
 * Code that only administrators reach: after a statement that leaves for anyone else. A key written
 * there, even one the request gives (an address, a header), is added only by the few accounts the
 * app trusts with it; the requests of the public add none.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { branchLeaves, calleeName, memberName, unwrap } from '../syntax/ast.js';
import { adminCheckName, adminFlagName, adminMiddlewareName, adminRoleValue, adminTestName, roleFields } from '../catalog/handler-catalog.js';

/** The name of the administrator check `node` calls, awaited or not (`requireAdmin` of `await requireAdmin(req)`). */
function adminCheck(node: TSESTree.Node): string | undefined {
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  const name = value.type === AST_NODE_TYPES.CallExpression ? calleeName(value.callee) : undefined;
  return name !== undefined && adminCheckName.test(name) ? name : undefined;
}

/** An administrator check called for its throw: `requireAdmin(req)`, not a test such as `isAdmin(user)`. */
function throwingAdminCheck(node: TSESTree.Node): boolean {
  const name = adminCheck(node);
  return name !== undefined && !adminTestName.test(name);
}

/**
 * A test that is true for anyone but an administrator: `!isAdmin(user)`, `!(await hasAdminRole(s))`,
 * `!user.isAdmin`, `!session?.user?.isSuperAdmin`, `user.role !== 'admin'`, or any of them joined by
 * `||` (`!session || session.user.role !== 'ADMIN'`).
 */
function deniesNonAdmins(test: TSESTree.Node): boolean {
  const node = unwrap(test);
  if (node.type === AST_NODE_TYPES.LogicalExpression) return node.operator === '||' && (deniesNonAdmins(node.left) || deniesNonAdmins(node.right));
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    let inner = unwrap(node.argument);
    if (inner.type === AST_NODE_TYPES.ChainExpression) inner = inner.expression;
    if (adminCheck(inner) !== undefined) return true;
    return inner.type === AST_NODE_TYPES.MemberExpression && adminFlagName.test(memberName(inner) ?? '');
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '!==' || node.operator === '!=')) {
    const sides = [unwrap(node.left), unwrap(node.right)];
    const role = sides.some((side) => {
      const read = side.type === AST_NODE_TYPES.ChainExpression ? side.expression : side;
      return read.type === AST_NODE_TYPES.MemberExpression && roleFields.has(memberName(read) ?? '');
    });
    return role && sides.some((side) => side.type === AST_NODE_TYPES.Literal && typeof side.value === 'string' && adminRoleValue.test(side.value));
  }
  return false;
}

/**
 * Whether a statement lets only administrators past it: an administrator check called for its throw
 * (`await requireAdmin(req);`, `const admin = await requireAdmin(req)`), such a call in a `try` whose
 * `catch` leaves, or an `if` whose test is true for anyone else and whose branch leaves.
 */
export function leavesUnlessAdmin(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) return throwingAdminCheck(statement.expression);
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) return statement.declarations.some((d) => d.init != null && throwingAdminCheck(d.init));
  if (statement.type === AST_NODE_TYPES.TryStatement) {
    const handler = statement.handler;
    return handler !== null && branchLeaves(handler.body) && statement.block.body.some((inner) => inner.type === AST_NODE_TYPES.ExpressionStatement && throwingAdminCheck(inner.expression));
  }
  if (statement.type === AST_NODE_TYPES.IfStatement) return deniesNonAdmins(statement.test) && branchLeaves(statement.consequent);
  return false;
}

/**
 * A middleware that lets only administrators through, as a route registration passes it: by name
 * (`adminOnly`, `requireAdmin`, `auth.isAdmin`), or a role check made for administrators alone
 * (`requireRole('admin')`, `authorize(['ADMIN'])`; not `requireRole('admin', 'editor')`).
 */
export function isAdminMiddleware(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) return adminMiddlewareName.test(calleeName(value) ?? '');
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  if (adminMiddlewareName.test(calleeName(value.callee) ?? '')) return true;
  const roles = value.arguments.flatMap((arg) => (arg.type === AST_NODE_TYPES.ArrayExpression ? arg.elements : [arg]));
  return roles.length > 0 && roles.every((role) => role?.type === AST_NODE_TYPES.Literal && typeof role.value === 'string' && adminRoleValue.test(role.value));
}
