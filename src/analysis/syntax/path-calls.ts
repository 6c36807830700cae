/** Calls of Node's path module: `path.resolve(dir)`, `path.posix.join(a, b)`, `join(a, b)` imported by name. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { memberName, unwrap } from './ast.js';
import { isModuleFunction, isWholeModule, type ImportTable } from './import-table.js';
import { pathFunctions, pathModules } from '../catalog/key-transforms.js';

/** Whether `callee` is a function of the path module that computes a path from its arguments alone. */
export function isPathFunction(callee: TSESTree.Node, imports: ImportTable): boolean {
  if (isModuleFunction(callee, imports, pathModules, pathFunctions)) return true;
  // `path.posix.join(…)`, `path.win32.resolve(…)`
  const node = unwrap(callee);
  if (node.type !== AST_NODE_TYPES.MemberExpression || !pathFunctions.has(memberName(node) ?? '')) return false;
  const object = unwrap(node.object);
  if (object.type !== AST_NODE_TYPES.MemberExpression) return false;
  const flavour = memberName(object);
  const root = unwrap(object.object);
  return (flavour === 'posix' || flavour === 'win32') && root.type === AST_NODE_TYPES.Identifier && isWholeModule(root.name, imports, pathModules);
}
