/** Calls of Node's path module: `path.resolve(dir)`, `path.posix.join(a, b)`, `join(a, b)` imported by name. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { memberName, unwrap } from './ast.js';
import type { ImportTable } from './import-table.js';
import { pathFunctions, pathModules } from '../catalog/key-transforms.js';

/** Whether `name` is bound to the path module itself (`import path from 'path'`, `const path = require('node:path')`). */
function isPathModule(name: string, imports: ImportTable): boolean {
  const binding = imports.get(name);
  return binding !== undefined && pathModules.has(binding.module) && (binding.export === 'default' || binding.export === '*');
}

/** Whether `callee` is a function of the path module that computes a path from its arguments alone. */
export function isPathFunction(callee: TSESTree.Node, imports: ImportTable): boolean {
  const node = unwrap(callee);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const binding = imports.get(node.name);
    return binding !== undefined && pathModules.has(binding.module) && pathFunctions.has(binding.export);
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(node);
  if (name === undefined || !pathFunctions.has(name)) return false;
  const object = unwrap(node.object);
  if (object.type === AST_NODE_TYPES.Identifier) return isPathModule(object.name, imports);
  // `path.posix.join(…)`, `path.win32.resolve(…)`
  const flavour = object.type === AST_NODE_TYPES.MemberExpression ? memberName(object) : undefined;
  const root = object.type === AST_NODE_TYPES.MemberExpression ? unwrap(object.object) : undefined;
  return (flavour === 'posix' || flavour === 'win32') && root?.type === AST_NODE_TYPES.Identifier && isPathModule(root.name, imports);
}
