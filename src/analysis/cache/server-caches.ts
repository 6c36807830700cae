/**
 * Server libraries that hold a cache filled by requests with no write in the user's code: Apollo
 * Server 2/3 keeps every persisted query a client sends in an unbounded cache unless told otherwise.
 * Found by what the server is constructed with: the catalog's class, imported from its package, and an
 * options object literal naming none of the options that choose the cache. Options that are not a
 * literal (a variable, a spread) may set it: not known, so not reported.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { propertyName, unwrap, walk } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { unboundedServerCaches, type ServerCacheSpec } from '../catalog/handler-catalog.js';

export interface ServerCache {
  node: TSESTree.NewExpression;
  options: TSESTree.ObjectExpression;
  spec: ServerCacheSpec;
}

function specOf(callee: TSESTree.Node, model: FileModel): ServerCacheSpec | undefined {
  const node = unwrap(callee);
  let local: string | undefined;
  let exported: string | undefined;
  if (node.type === AST_NODE_TYPES.Identifier) {
    local = node.name;
    exported = model.imports.get(local)?.export;
  } else if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    // `new apollo.ApolloServer(…)` with `import * as apollo from 'apollo-server'`.
    const object = unwrap(node.object);
    if (object.type !== AST_NODE_TYPES.Identifier || model.imports.get(object.name)?.export !== '*') return undefined;
    local = object.name;
    exported = node.property.name;
  }
  const binding = local === undefined ? undefined : model.imports.get(local);
  if (!binding || exported === undefined) return undefined;
  return unboundedServerCaches.find((spec) => spec.className === exported && spec.modules.test(binding.module));
}

/** `new ApolloServer({ schema })` from `apollo-server-express`: constructed with the unbounded default cache. */
export function unboundedServerCachesIn(model: FileModel): ServerCache[] {
  const found: ServerCache[] = [];
  // Only files importing one of the packages are walked.
  const imported = [...model.imports.values()].some((b) => unboundedServerCaches.some((spec) => spec.modules.test(b.module)));
  if (!imported) return found;
  const news: TSESTree.NewExpression[] = [];
  walk(model.program, model.facts.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.NewExpression) news.push(node);
  });
  for (const node of news) {
    const spec = specOf(node.callee, model);
    if (!spec) continue;
    const first = node.arguments[0];
    const options = first ? unwrap(first) : undefined;
    if (options?.type !== AST_NODE_TYPES.ObjectExpression || node.arguments.length !== 1) continue;
    const chooses = options.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement || p.computed || spec.options.includes(propertyName(p.key) ?? ''));
    if (!chooses) found.push({ node, options, spec });
  }
  return found;
}
