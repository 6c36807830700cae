import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import { createRule } from '../src/create-rule.js';
import { getFileModel, modelListeners } from '../src/analysis/model/linted-file.js';
import type { FileModel } from '../src/analysis/model/file-model.js';
import { growsUnbounded } from '../src/analysis/memoizer/memoizer-call.js';
import { clearedSomewhere } from '../src/analysis/memoizer/scheduled-clears.js';
import { collectionReach, decoratedMethodReach, memoizerReach } from '../src/analysis/request/cache-reach.js';
import { constructedValue, isUnboundedCache, isWrittenElsewhere } from '../src/analysis/cache/collections.js';
import type { Collection } from '../src/analysis/model/file-model.js';
import { removalsNeverRun } from '../src/analysis/cache/unused-removals.js';
import { decoratorHasKeyFunction, decoratorName, memoizedMethods, methodCacheOutlivesRequests, type MemoizedMethod } from '../src/analysis/memoizer/memoized-methods.js';
import { runtimeImport } from '../src/analysis/fix/fix-builders.js';
import { boundMemoizerFix } from '../src/analysis/fix/memoizer-fix.js';
import { unwrap } from '../src/analysis/syntax/ast.js';
import { AST_NODE_TYPES } from '../src/analysis/syntax/node-types.js';
import { cacheUse } from '../src/analysis/cache/cache-or-store.js';
import type { HandlerPath } from '../src/analysis/model/file-model.js';
import { unboundedServerCachesIn } from '../src/analysis/cache/server-caches.js';
import { isRequestFile } from '../src/analysis/request/file-runtime.js';
import { sharedRenderCachesIn } from '../src/analysis/cache/render-caches.js';
import { isUnloadedLibraryModule } from '../src/analysis/request/dead-exports.js';

type MessageIds =
  | 'unboundedDecorator'
  | 'unboundedMemoizer'
  | 'unboundedMemoizerAcross'
  | 'unboundedCollection'
  | 'unboundedCollectionAcross'
  | 'useLruMap'
  | 'storeToLruMap'
  | 'boundChangesBehaviour'
  | 'unboundedServerCache'
  | 'boundServerCache'
  | 'sharedRenderCache';
type Options = [{ max?: number }];

/** `new Map()` / `new Map<K, V>()` → `new LruMap<K, V>(max)`; a Map built from entries keeps no fix. */
function mapFix(model: FileModel, collection: Collection, max: number): ((fixer: RuleFixer) => RuleFix[]) | undefined {
  const init = unwrap(constructedValue(collection.init, model));
  if (collection.kind !== 'map' || init.type !== AST_NODE_TYPES.NewExpression || init.arguments.length > 0) return undefined;
  const runtime = runtimeImport(model, 'LruMap');
  const typeArguments = init.typeArguments ? model.sourceCode.getText(init.typeArguments) : '';
  return (fixer) => {
    const fixes = [fixer.replaceText(init, `new ${runtime.local}${typeArguments}(${max})`)];
    if (runtime.fix) fixes.push(runtime.fix(fixer));
    return fixes;
  };
}

/** One use of an object cache rewritten as a Map call; `parts` are the sub-expressions it keeps. */
interface ObjectEdit {
  node: TSESTree.Node;
  build: (parts: string[]) => string;
  parts: TSESTree.Node[];
}

const contains = (outer: TSESTree.Node, inner: TSESTree.Node): boolean => outer !== inner && outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];

/** The source of `node` with every edit inside it applied (edits can nest: `c[k] = (c[k] || 0) + 1`). */
function rewrite(node: TSESTree.Node, edits: readonly ObjectEdit[], text: string): string {
  const inside = edits.filter((e) => contains(node, e.node));
  const outermost = inside.filter((e) => !inside.some((o) => contains(o.node, e.node))).sort((x, y) => x.node.range[0] - y.node.range[0]);
  let out = '';
  let at = node.range[0];
  for (const edit of outermost) {
    out += text.slice(at, edit.node.range[0]) + render(edit, edits, text);
    at = edit.node.range[1];
  }
  return out + text.slice(at, node.range[1]);
}

function render(edit: ObjectEdit, edits: readonly ObjectEdit[], text: string): string {
  return edit.build(edit.parts.map((part) => rewrite(part, edits, text)));
}

/**
 * `{}` used as `cache[k] = v`, `cache[k]` and `k in cache` only → a suggestion to make it an LruMap and
 * rewrite each use. Any other use (iteration, spreading, `Object.keys`) leaves it to the user.
 */
function objectSuggestion(model: FileModel, collection: Collection, max: number): ((fixer: RuleFixer) => RuleFix[]) | undefined {
  if (collection.kind !== 'object') return undefined;
  const text = model.sourceCode.text;
  const edits: ObjectEdit[] = [];
  for (const ref of collection.refs) {
    const name = model.sourceCode.getText(ref);
    const parent = ref.parent;
    if (parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'in' && parent.right === ref) {
      edits.push({ node: parent, parts: [parent.left], build: ([key = '']) => `${name}.has(${key})` });
      continue;
    }
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || !parent.computed || parent.object !== ref) return undefined;
    const grand = parent.parent;
    if (grand.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) {
      if (grand.operator !== '=' || grand.parent.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
      edits.push({ node: grand, parts: [parent.property, grand.right], build: ([key = '', value = '']) => `${name}.set(${key}, ${value})` });
    } else if (grand.type === AST_NODE_TYPES.UnaryExpression || grand.type === AST_NODE_TYPES.UpdateExpression) {
      return undefined;
    } else {
      edits.push({ node: parent, parts: [parent.property], build: ([key = '']) => `${name}.get(${key})` });
    }
  }
  const outermost = edits.filter((e) => !edits.some((o) => contains(o.node, e.node)));
  const runtime = runtimeImport(model, 'LruMap');
  return (fixer) => {
    const fixes = [fixer.replaceText(collection.init, `new ${runtime.local}(${max})`), ...outermost.map((e) => fixer.replaceText(e.node, render(e, edits, text)))];
    if (runtime.fix) fixes.push(runtime.fix(fixer));
    return fixes;
  };
}

export default createRule<MessageIds, Options>({
  name: 'no-unbounded-cache-in-handler',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow unbounded caches and memoizers on request-handler paths',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      unboundedMemoizer:
        '{{library}} never evicts, and `{{name}}` runs on a request-handler path, so every distinct request adds an entry until the process runs out of memory; bound it (max {{max}}).',
      unboundedMemoizerAcross:
        '{{library}} never evicts, and `{{name}}` runs on a request-handler path (reached from {{where}}), so every distinct request adds an entry until the process runs out of memory; bound it (max {{max}}).',
      unboundedDecorator:
        '`@{{name}}` ({{library}}) never evicts, and `{{method}}` runs on a request-handler path{{reached}}, so every distinct request adds an entry until the process runs out of memory; memoize it with a bounded memoizer.',
      unboundedCollection:
        '`{{name}}` is written on a request-handler path and nothing ever removes its entries, so it grows with every distinct request until the process runs out of memory; use a bounded cache (LruMap) or evict entries.',
      unboundedCollectionAcross:
        '`{{name}}` is written on a request-handler path (reached from {{where}}) and nothing ever removes its entries, so it grows with every distinct request until the process runs out of memory; use a bounded cache (LruMap) or evict entries.',
      useLruMap:
        "Replace `{{name}}` with memo-guard's bounded `LruMap` ({{max}} entries) and rewrite its uses as Map calls; keys are no longer turned into strings (`c[1]` and `c['1']` become two entries).",
      storeToLruMap:
        "Replace `{{name}}` with memo-guard's bounded `LruMap` ({{max}} entries); evicting entries drops data this Map is the only copy of (it is not refilled on a miss), so check that losing the oldest entries is acceptable.",
      unboundedServerCache:
        "{{library}} keeps automatic persisted queries in an unbounded in-memory cache by default, under the hash each request sends, so every distinct query a client sends stays until the process runs out of memory; choose the cache (`{{bound}}` on 3.9+, or `persistedQueries: false`).",
      sharedRenderCache:
        '`{{name}}` is made once per module and handed to its provider{{where}}, so on the server every render of the process shares it and keeps the queries each request adds (keyed by route params and users) until the process runs out of memory, leaking data across users; make one per request (`useState(() => new {{className}}())`, or a new one per server render).',
      boundServerCache: 'Add `{{bound}}` (Apollo Server 3.9 or later).',
      boundChangesBehaviour: "Switch to memo-guard's bounded `memoize` (max {{max}}); not automatic because it changes behaviour: {{change}}.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          max: { type: 'integer', minimum: 1, description: 'The bound the autofix gives a cache.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 500 }],
  },
  create(context, [{ max = 500 }]) {
    /** `@Memoize() findOne(id)` in a singleton service, called with request input: a cache per key, forever. */
    function checkMemoizedMethod(model: FileModel, memoized: MemoizedMethod, path: HandlerPath): void {
      const { decorator, method, spec } = memoized;
      const reach = decoratedMethodReach(model, memoized, decoratorHasKeyFunction(decorator, spec) ? 'all' : 0, path);
      if (!reach) return;
      const reached = reach === 'here' ? '' : ` (reached from ${reach.file}:${String(reach.line)})`;
      const data = { name: decoratorName(decorator, context.sourceCode), library: spec.label, method: context.sourceCode.getText(method.key), reached };
      context.report({ node: decorator, messageId: 'unboundedDecorator', data });
    }

    return {
      ...modelListeners(context),
      'Program:exit'() {
        const model = getFileModel(context);
        // A server whose own cache fills from requests: the server is the handler.
        if (isRequestFile(model.filename, model.project)) {
          for (const server of unboundedServerCachesIn(model)) {
            const data = { library: server.spec.label, bound: server.spec.boundOption };
            const last = server.options.properties[server.options.properties.length - 1];
            const suggest = [
              {
                messageId: 'boundServerCache' as const,
                data,
                fix: (fixer: RuleFixer) =>
                  last ? fixer.insertTextAfter(last, `, ${server.spec.boundOption}`) : fixer.replaceText(server.options, `{ ${server.spec.boundOption} }`),
              },
            ];
            context.report({ node: server.node, messageId: 'unboundedServerCache', data, suggest });
          }
          // A provider's module nothing loads (`components/QueryProvider.tsx` beside the one the app renders) renders nothing.
          for (const shared of isUnloadedLibraryModule(model) ? [] : sharedRenderCachesIn(model)) {
            const where = shared.where === 'here' ? '' : ` (in ${shared.where})`;
            context.report({ node: shared.node, messageId: 'sharedRenderCache', data: { name: shared.name, where, className: shared.spec.className } });
          }
        }
        // Unbounded caches first: the handler paths are only worth computing when there is one.
        // A memoizer a sweep clears whole (`setInterval(() => getX.cache.clear(), HOUR)`) is evicted, by the user's choice.
        const memoizers = model.memoizerCalls.filter((call) => growsUnbounded(call, model) && !clearedSomewhere(call, model));
        // A wrapper's `delete(key)` method that nothing calls removes nothing: as unbounded as no removal.
        const caches = model.collections().filter((c) => isUnboundedCache(c) || (model.inProject && isWrittenElsewhere(c)) || removalsNeverRun(c, model));
        // None of the catalogued memoizing decorators evicts; a cache per instance lives as long as the
        // instance, so only a singleton's outlives a request.
        const methods = memoizedMethods(model).filter((m) => methodCacheOutlivesRequests(m, model));
        if (memoizers.length === 0 && caches.length === 0 && methods.length === 0) return;
        const path = model.handlerPath();
        for (const memoized of methods) checkMemoizedMethod(model, memoized, path);
        for (const call of memoizers) {
          const reach = memoizerReach(model, call, path);
          if (!reach) continue;
          const plan = boundMemoizerFix(model, call, max);
          const base = { library: call.spec.label, name: call.bindingNames.length > 0 ? call.bindingNames.join('`, `') : 'it', max: String(max) };
          const message =
            reach === 'here'
              ? { messageId: 'unboundedMemoizer' as const, data: base }
              : { messageId: 'unboundedMemoizerAcross' as const, data: { ...base, where: `${reach.file}:${String(reach.line)}` } };
          if (plan?.change === undefined) {
            context.report({ node: call.node, ...message, ...(plan ? { fix: plan.fix } : {}) });
          } else {
            const suggest = [{ messageId: 'boundChangesBehaviour' as const, data: { max: String(max), change: plan.change }, fix: plan.fix }];
            context.report({ node: call.node, ...message, suggest });
          }
        }
        for (const collection of caches) {
          const reach = collectionReach(model, collection, path);
          if (!reach) continue;
          // Only a cache (refilled from its key on a miss) is bounded automatically; bounding a store loses data.
          const toLruMap = mapFix(model, collection, max);
          const data = { name: collection.name, max: String(max) };
          const base =
            reach === 'here'
              ? { node: collection.init, messageId: 'unboundedCollection' as const, data: { name: collection.name } }
              : { node: collection.init, messageId: 'unboundedCollectionAcross' as const, data: { name: collection.name, where: `${reach.file}:${String(reach.line)}` } };
          if (toLruMap && cacheUse(collection, model) === 'cache') {
            context.report({ ...base, fix: toLruMap });
          } else if (toLruMap) {
            context.report({ ...base, suggest: [{ messageId: 'storeToLruMap', data, fix: toLruMap }] });
          } else {
            const suggestion = objectSuggestion(model, collection, max);
            context.report({ ...base, ...(suggestion ? { suggest: [{ messageId: 'useLruMap' as const, data, fix: suggestion }] } : {}) });
          }
        }
      },
    };
  },
});
