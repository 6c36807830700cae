/**
 * A client-side cache object made once per module in a server-rendered app: `const queryClient = new
 * QueryClient()` at module level, handed to `<QueryClientProvider client={queryClient}>` here or in a
 * file that imports it. On the server every render of the process shares it, and the queries each
 * render adds (keyed by route params, the session's user) stay. Made per render (`useState(() => new
 * QueryClient())`, a `getQueryClient()` that makes one per server call) it is not found here.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { providerIdleOnServer } from '../syntax/first-render.js';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { enclosingFunction, findProperty, isFunction, isInfinity, unwrap, walk } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { sharedRenderCaches, ssrFrameworks, type RenderCacheSpec } from '../catalog/handler-catalog.js';
import { exportIndex } from '../syntax/export-index.js';

export interface RenderCache {
  /** The module-level declarator's initialiser. */
  node: TSESTree.Node;
  name: string;
  spec: RenderCacheSpec;
  /** `'here'`, or the file (relative to the project root) that hands it to its provider. */
  where: string;
}

/** What made the client: its catalog entry, the package it came from and the `new` expression. */
interface Made {
  spec: RenderCacheSpec;
  module: string;
  node: TSESTree.NewExpression;
}

/** The catalog entry `new X(…)` makes, when `X` is imported from its package. */
function madeClass(node: TSESTree.Node, model: FileModel): Made | undefined {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.NewExpression || value.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const binding = model.imports.get(value.callee.name);
  const spec = binding ? sharedRenderCaches.find((s) => s.className === binding.export && s.modules.test(binding.module)) : undefined;
  return spec && binding ? { spec, module: binding.module, node: value } : undefined;
}

/** `new QueryClient(…)`, or a call of a function of this file that returns one (`createQueryClient()`). */
function madeBy(init: TSESTree.Node, model: FileModel): Made | undefined {
  const direct = madeClass(init, model);
  if (direct) return direct;
  const value = unwrap(init);
  if (value.type !== AST_NODE_TYPES.CallExpression || value.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const fn = model.functionsByName.get(value.callee.name)?.[0];
  if (!fn) return undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return madeClass(fn.body, model);
  let found: Made | undefined;
  walk(fn.body, model.facts.visitorKeys, (node) => {
    if (!found && node.type === AST_NODE_TYPES.ReturnStatement && node.argument && enclosingFunction(node) === fn) found = madeClass(node.argument, model);
  });
  return found;
}

/**
 * Whether the client's queries are collected after a finite time on the server too: given one
 * (`new QueryClient({ defaultOptions: { queries: { gcTime: 30 * 60_000 } } })`), or by a version whose
 * default is finite there (react-query 3). Entries a render adds then go; none stays for good.
 */
function collectsOnServer(made: Made, model: FileModel): boolean {
  const major = model.project.declaredMajor(model.filename, made.module);
  if (major !== undefined && made.spec.finiteDefaultGc.some((d) => d.module === made.module && major < d.belowMajor)) return true;
  const options = made.node.arguments[0] ? unwrap(made.node.arguments[0]) : undefined;
  const defaults = options?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(options, ['defaultOptions']) : undefined;
  const defaultsValue = defaults ? unwrap(defaults.value) : undefined;
  const queries = defaultsValue?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(defaultsValue, ['queries']) : undefined;
  const queriesValue = queries ? unwrap(queries.value) : undefined;
  const gc = queriesValue?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(queriesValue, made.spec.gcOptions) : undefined;
  return gc !== undefined && !isInfinity(gc.value);
}

/**
 * Whether the program hands `name` to a provider a server renders: `<Provider client={name}>`, not
 * behind a guard that returns on the first render's state (`if (!token) return <div />` with `token`
 * a `useState(null)` only an effect sets), which a server never gets past.
 */
export function handsToProvider(program: TSESTree.Node, visitorKeys: FileModel['facts']['visitorKeys'], name: string, attribute: string): boolean {
  let found = false;
  walk(program, visitorKeys, (node) => {
    if (found || node.type !== AST_NODE_TYPES.JSXAttribute || node.name.type !== AST_NODE_TYPES.JSXIdentifier || node.name.name !== attribute) return;
    const value = node.value?.type === AST_NODE_TYPES.JSXExpressionContainer ? node.value.expression : undefined;
    found = value?.type === AST_NODE_TYPES.Identifier && value.name === name && !providerIdleOnServer(node, visitorKeys);
  });
  return found;
}

/** Module-level clients of a server-rendered project that a provider gets, in this file or an importer. */
export function sharedRenderCachesIn(model: FileModel): RenderCache[] {
  const found: RenderCache[] = [];
  const imported = [...model.imports.values()].some((b) => sharedRenderCaches.some((spec) => spec.modules.test(b.module)));
  if (!imported || !model.inProject || !ssrFrameworks.some((framework) => model.project.declaredMajor(model.filename, framework) !== undefined)) return found;
  // Pages rendered once, at build time, share nothing between requests.
  if (!model.project.rendersPerRequest(model.filename)) return found;
  const exports = exportIndex(model);
  for (const statement of model.program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init || isFunction(declarator.init)) continue;
      const made = madeBy(declarator.init, model);
      if (!made || collectsOnServer(made, model)) continue;
      const { spec } = made;
      const name = declarator.id.name;
      let where: string | undefined = 'here';
      if (!handsToProvider(model.program, model.facts.visitorKeys, name, spec.attribute)) {
        const exportName = [...exports].find(([, values]) => values.some((v) => (v.type === AST_NODE_TYPES.Identifier && v.name === name) || v === declarator.init))?.[0];
        where = exportName === undefined ? undefined : model.project.providedElsewhere(model, exportName, spec.attribute);
      }
      // Last, as it reads the app's files: an app none of whose files runs a query, prefetches or writes
      // one (only mutations, or nothing) adds nothing while it renders.
      if (where !== undefined && model.project.appMentions(model.filename, spec.fills)) found.push({ node: declarator.init, name, spec, where });
    }
  }
  return found;
}
