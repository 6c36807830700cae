/**
 * Calls of clients that report every failure in what they resolve with (`const { data, error } =
 * await supabase.from('t').select()`): such a call's promise cannot reject.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, memberName, unwrap } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { resolveIdentifier, valueDef } from '../syntax/references.js';
import { resultErrorClientFactories, resultErrorClientName, resultErrorThrowingMethods } from '../catalog/client-factories.js';

/**
 * `supabase.from('t').select('*').eq('id', id)`, `this.supabase.auth.getSession()`, `db.rpc('f')` with
 * `const db = createClient(url, key)` from `@supabase/supabase-js`: a call down a chain from such a
 * client, with no `throwOnError()` along it.
 */
export function resultErrorClientCall(call: TSESTree.CallExpression, model: FileModel): boolean {
  let current: TSESTree.Node = call;
  for (;;) {
    current = unwrap(current);
    if (current.type === AST_NODE_TYPES.ChainExpression) current = unwrap(current.expression);
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(current.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      if (resultErrorThrowingMethods.has(memberName(callee) ?? '')) return false;
      current = callee.object;
      continue;
    }
    if (current.type !== AST_NODE_TYPES.MemberExpression) break;
    // `this.supabase.from(…)`, `ctx.supabase.auth…`: a field named for the client.
    if (!current.computed && resultErrorClientName.test(memberName(current) ?? '')) return true;
    current = current.object;
  }
  return current.type === AST_NODE_TYPES.Identifier && clientName(current, model);
}

/** A name called `supabase…`, or bound to what one of the client factories made. */
function clientName(name: TSESTree.Identifier, model: FileModel): boolean {
  if (resultErrorClientName.test(name.name)) return true;
  const def = valueDef(resolveIdentifier(model.sourceCode, name))?.node;
  if (def?.type !== AST_NODE_TYPES.VariableDeclarator || !def.init) return false;
  let init = unwrap(def.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = unwrap(init.argument);
  if (init.type !== AST_NODE_TYPES.CallExpression) return false;
  const maker = calleeName(init.callee);
  const binding = maker === undefined ? undefined : model.imports.get(maker);
  return binding !== undefined && resultErrorClientFactories.get(binding.module)?.has(binding.export) === true;
}
