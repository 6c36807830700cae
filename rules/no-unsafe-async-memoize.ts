import type { TSESTree } from '@typescript-eslint/utils';
import type { SuggestionReportDescriptor } from '@typescript-eslint/utils/ts-eslint';
import { createRule } from '../src/create-rule.js';
import { getFileModel, modelListeners, type FileModel } from '../src/analysis/file-model.js';
import { hasTtl, isPromiseSafe, wrappedFunction } from '../src/analysis/memoizer-call.js';
import { isCaughtChain, isPromiseExpression, returnsRejectablePromise } from '../src/analysis/functions.js';
import { replaceWithRuntimeMemoize, setOption } from '../src/analysis/fixes.js';
import { isThenable, typeOf } from '../src/analysis/types.js';
import { calleeName, functionName, isFunction, memberName, unwrap } from '../src/analysis/ast.js';
import { AST_NODE_TYPES } from '../src/analysis/node-types.js';
import type { Collection } from '../src/analysis/collections.js';

type MessageIds = 'unsafeMemoizer' | 'unsafePromiseCache' | 'noTtl' | 'useRuntimeMemoize' | 'usePromiseOption';
type Options = [{ requireTtl?: boolean }];

/** A value that is a promise: by syntax, through a `const p = load()` in scope, or by its type. */
function storesPromise(value: TSESTree.Node, model: FileModel): boolean {
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.AwaitExpression || isCaughtChain(node, model.facts)) return false;
  if (node.type === AST_NODE_TYPES.CallExpression && !callCanReject(node, model)) return false;
  if (isPromiseExpression(node, model.facts)) return true;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = model.sourceCode.getScope(node).references.find((r) => r.identifier === node)?.resolved;
    const def = variable?.defs[0];
    if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && isPromiseExpression(def.node.init, model.facts)) return true;
  }
  if (!model.types) return false;
  const type = typeOf(model.types, node);
  return type !== undefined && isThenable(model.types, type);
}

/** A call of a function of this file (or an async IIFE) whose every definition catches all it could throw. */
function callCanReject(call: TSESTree.CallExpression, model: FileModel): boolean {
  const callee = unwrap(call.callee);
  const name = calleeName(callee);
  const targets = isFunction(callee) ? [callee] : name === undefined ? [] : (model.functionsByName.get(name) ?? []);
  if (targets.length === 0) return true;
  return targets.some((fn) => returnsRejectablePromise(fn, fn, model.facts, undefined));
}

/** Whether `fn` is given as a rejection handler: `.catch(fn)`, `.finally(fn)`, `.then(_, fn)`. */
function isRejectionHandler(fn: TSESTree.Node, call: TSESTree.CallExpression): boolean {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(call.callee);
  const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  return index !== -1 && (method === 'catch' || method === 'finally' || (method === 'then' && index === 1));
}

/**
 * An eviction that runs when the promise rejects: in a catch / finally block, or in a rejection
 * handler, inline or named (`const clear = () => map.delete(k); p.then(clear, clear)`).
 */
function onRejectionPath(eviction: TSESTree.Node, model: FileModel): boolean {
  for (let node: TSESTree.Node = eviction; node.parent; node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.CatchClause) return true;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === node) return true;
    if (!isFunction(node)) continue;
    if (parent.type === AST_NODE_TYPES.CallExpression && isRejectionHandler(node, parent)) return true;
    const name = functionName(node);
    if (name !== undefined) {
      const passed = model.calls.some((call) => call.arguments.some((arg) => arg.type === AST_NODE_TYPES.Identifier && arg.name === name && isRejectionHandler(arg, call)));
      if (passed) return true;
    }
  }
  return false;
}

function promiseWrites(collection: Collection, model: FileModel): TSESTree.Node[] {
  if (collection.kind === 'set' || collection.kind === 'array') return [];
  const writes = collection.writes.filter((w) => w.value !== undefined && storesPromise(w.value, model));
  if (writes.length === 0 || collection.evictions.some((e) => onRejectionPath(e, model))) return [];
  return writes.map((w) => w.node);
}

export default createRule<MessageIds, Options>({
  name: 'no-unsafe-async-memoize',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow memoizing promise-returning functions with memoizers that keep rejected promises',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      unsafeMemoizer:
        '{{library}} caches the promise this {{functionKind}} returns, so one rejection (a timeout, a 5xx) is served from the cache on every later call; use a promise-aware memoizer that drops rejected promises.',
      unsafePromiseCache:
        '`{{name}}` stores a promise and nothing removes it when the promise rejects, so one failure is served forever; delete the entry in a `.catch` or store only resolved values.',
      noTtl: '{{library}} keeps each resolved promise forever, so results never refresh; give the cache a ttl.',
      useRuntimeMemoize: "Switch to memo-guard's `memoize`, which shares in-flight calls and drops rejected promises.",
      usePromiseOption: 'Set `{{option}}: true` so {{library}} drops rejected promises.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          requireTtl: { type: 'boolean', description: 'Also report promise caches that never expire what they hold.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireTtl: false }],
  },
  create(context, [{ requireTtl }]) {
    return {
      ...modelListeners(context),
      'Program:exit'() {
        const model = getFileModel(context);
        for (const call of model.memoizerCalls) {
          const wrapped = wrappedFunction(call, model);
          if (!wrapped || !returnsRejectablePromise(wrapped.node, wrapped.reference, model.facts, model.types)) continue;
          const library = call.spec.label;
          if (isPromiseSafe(call)) {
            if (requireTtl && !hasTtl(call)) context.report({ node: call.node, messageId: 'noTtl', data: { library } });
            continue;
          }
          const suggest: SuggestionReportDescriptor<MessageIds>[] = [];
          const option = call.spec.promiseOption;
          if (option !== undefined) {
            suggest.push({ messageId: 'usePromiseOption', data: { option, library }, fix: (fixer) => setOption(fixer, model, call, option, 'true') ?? null });
          }
          const replace = replaceWithRuntimeMemoize(model, call, requireTtl ? ['ttl: 60_000'] : []);
          if (replace) suggest.push({ messageId: 'useRuntimeMemoize', fix: replace });
          // Say `async function` only when it is one: a promise-returning plain function is just a function.
          const functionKind = wrapped.node?.async === true ? 'async function' : 'function';
          context.report({ node: call.node, messageId: 'unsafeMemoizer', data: { library, functionKind }, suggest });
        }
        for (const collection of model.collections()) {
          for (const write of promiseWrites(collection, model)) {
            context.report({ node: write, messageId: 'unsafePromiseCache', data: { name: collection.name } });
          }
          // With `requireTtl`: a promise cache whose only removals are on rejection keeps every success forever.
          const safeButEternal =
            requireTtl &&
            !collection.cacheClass &&
            collection.sizeChecks.length === 0 &&
            !collection.escapes &&
            collection.evictions.length > 0 &&
            collection.evictions.every((e) => onRejectionPath(e, model)) &&
            collection.writes.some((w) => w.value !== undefined && storesPromise(w.value, model));
          if (safeButEternal) context.report({ node: collection.init, messageId: 'noTtl', data: { library: `\`${collection.name}\`` } });
        }
      },
    };
  },
});
