/**
 * Promise caches kept by class instances that live for one operation: a field of such an instance,
 * or a memoizer made in one of its methods, replays a rejection only to that operation.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import type { FileModel } from '../model/file-model.js';

/** Whether every instance of the class around `body` lives for one operation (made per call, or an ORM row). */
export function perOperationInstance(body: TSESTree.ClassBody, model: FileModel): boolean {
  return model.project.instancesPerOperation(model, body.parent);
}

/** Whether `node` is in an instance member of a class (a method, constructor, accessor or field) whose every instance lives for one operation. */
export function inPerOperationInstance(node: TSESTree.Node, model: FileModel): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if ((current.type === AST_NODE_TYPES.MethodDefinition || current.type === AST_NODE_TYPES.PropertyDefinition) && !current.static) {
      return perOperationInstance(current.parent, model);
    }
  }
  return false;
}
