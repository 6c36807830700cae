/**
 * Fields a middleware of the file sets on the request it is handed: `client.ownerID = owner.id` in
 * `io.use(async (client, next) => { … })`, `req.tenant = tenant.id` in `app.use((req, res, next) => …)`.
 * A middleware is a function with a parameter named `next`; the request is its first parameter. What
 * a handler reads from such a field is what the middleware put there, not what the client sent.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { enclosingFunction, memberName, unwrap, walk } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';

const byProgram = new WeakMap<TSESTree.Program, ReadonlyMap<string, readonly TSESTree.Node[]>>();

/** Whether `fn` takes a `next` parameter, so it is a middleware. */
function takesNext(fn: { params: readonly TSESTree.Parameter[] }): boolean {
  return fn.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.name === 'next');
}

/** Every field a middleware of the file sets on its request parameter, with the values it sets. */
export function middlewareFields(model: FileModel): ReadonlyMap<string, readonly TSESTree.Node[]> {
  const cached = byProgram.get(model.program);
  if (cached) return cached;
  const found = new Map<string, TSESTree.Node[]>();
  // Only a file that writes `next` can hold one.
  if (model.sourceCode.text.includes('next')) {
    walk(model.program, model.facts.visitorKeys, (node) => {
      if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression || node.left.computed) return;
      const object = unwrap(node.left.object);
      const field = memberName(node.left);
      if (object.type !== AST_NODE_TYPES.Identifier || field === undefined) return;
      // The first parameter of the middleware the assignment is written in, through the arrows nested in it.
      for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
        const first = fn.params[0];
        if (first?.type === AST_NODE_TYPES.Identifier && first.name === object.name) {
          if (takesNext(fn)) found.set(field, [...(found.get(field) ?? []), node.right]);
          break;
        }
      }
    });
  }
  byProgram.set(model.program, found);
  return found;
}
