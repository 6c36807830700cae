import type { SuggestionReportDescriptor } from '@typescript-eslint/utils/ts-eslint';
import { createRule } from '../src/create-rule.js';
import { getFileModel, modelListeners } from '../src/analysis/model/linted-file.js';
import type { FileModel } from '../src/analysis/model/file-model.js';
import { hasTtl, isPromiseSafe, wrappedFunction } from '../src/analysis/memoizer/memoizer-call.js';
import { returnsRejectablePromise } from '../src/analysis/promise/returns-promise.js';
import { onRejectionPath, rejectablePromiseWrites, removesOwnEntryOnRejection, storesRejectablePromise } from '../src/analysis/promise/promise-flow.js';
import { setOption } from '../src/analysis/fix/fix-builders.js';
import { replaceWithRuntimeMemoize } from '../src/analysis/fix/memoizer-fix.js';
import { neverServes } from '../src/analysis/request/file-runtime.js';
import { servesNoRequest } from '../src/analysis/request/dead-exports.js';
import { serverLocalFunction } from '../src/analysis/promise/module-loads.js';
import { calledOnlyAtStartUp } from '../src/analysis/promise/start-up-only.js';
import { unsafePromiseSlots } from '../src/analysis/promise/promise-slots.js';
import { inPerOperationInstance } from '../src/analysis/promise/instance-holders.js';
import { decoratorName, memoizedMethods, type MemoizedMethod } from '../src/analysis/memoizer/memoized-methods.js';

type MessageIds = 'unsafeMemoizer' | 'unsafeDecorator' | 'unsafePromiseCache' | 'unsafePromiseSlot' | 'noTtl' | 'useRuntimeMemoize' | 'usePromiseOption';
type Options = [{ requireTtl?: boolean }];

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
      unsafeDecorator:
        '`@{{name}}` ({{library}}) caches the promise `{{method}}` returns, so one rejection (a timeout, a 5xx) is served from the cache on every later call; catch inside the method, or memoize it with a promise-aware memoizer that drops rejected promises.',
      unsafePromiseCache:
        '`{{name}}` stores a promise and nothing removes it when the promise rejects, so one failure is served forever; delete the entry in a `.catch` or store only resolved values.',
      unsafePromiseSlot:
        '`{{name}}` keeps this promise and hands it to every later call, so if it rejects once (a timeout, a failed load) every later call gets the same rejection and nothing is loaded again while `{{name}}` lives; empty `{{name}}` when the promise rejects (in a `.catch` that rethrows, or a `catch` block), or keep only the resolved value.',
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
    /** `@Memoize() async load(id)`: the decorator caches the method's promise, rejected or not. */
    function checkMemoizedMethod(memoized: MemoizedMethod, model: FileModel, report: (descriptor: Parameters<typeof context.report>[0]) => void): void {
      if (!returnsRejectablePromise(memoized.fn, memoized.fn, model.facts, model.types)) return;
      const data = { name: decoratorName(memoized.decorator, context.sourceCode), library: memoized.spec.label, method: context.sourceCode.getText(memoized.method.key) };
      report({ node: memoized.decorator, messageId: 'unsafeDecorator', data });
    }

    return {
      ...modelListeners(context),
      'Program:exit'() {
        const model = getFileModel(context);
        // Tests, fixtures, scripts, seeds and command-line programs run once and exit: a kept rejection reaches no later caller.
        if (neverServes(model)) return;
        // So does a module only they import, and none of a library module nothing loads runs at all;
        // asked at the first report, as both need the import graph.
        let neverServesHere: boolean | undefined;
        const report = (descriptor: Parameters<typeof context.report>[0]): void => {
          neverServesHere ??= servesNoRequest(model);
          if (!neverServesHere) context.report(descriptor);
        };
        for (const memoized of memoizedMethods(model)) checkMemoizedMethod(memoized, model, report);
        for (const call of model.memoizerCalls) {
          const wrapped = wrappedFunction(call, model);
          if (!wrapped || !returnsRejectablePromise(wrapped.node, wrapped.reference, model.facts, model.types)) continue;
          // Made in a method of an instance that lives for one operation (an ORM row, a per-call helper): so does its cache.
          if (inPerOperationInstance(call.node, model)) continue;
          // A server's function that only loads modules or works on its own files fails the same way every time.
          if (wrapped.node !== undefined && serverLocalFunction(wrapped.node, model)) continue;
          // Called only while the process starts (`await loadConfig()` in `bootstrap()`): a rejection reaches no later caller.
          if (calledOnlyAtStartUp(call.node, model)) continue;
          const library = call.spec.label;
          // Promise-safe by the library, or by the function itself (its rejection deletes its own entry).
          if (isPromiseSafe(call) || (wrapped.node !== undefined && removesOwnEntryOnRejection(call, wrapped.node, model))) {
            if (requireTtl && !hasTtl(call)) report({ node: call.node, messageId: 'noTtl', data: { library } });
            continue;
          }
          const suggest: SuggestionReportDescriptor<MessageIds>[] = [];
          const option = call.spec.promiseOption;
          if (option !== undefined) {
            suggest.push({ messageId: 'usePromiseOption', data: { option, library }, fix: (fixer) => setOption(fixer, model, call, option, 'true') ?? null });
          }
          const replace = replaceWithRuntimeMemoize(model, call, requireTtl ? ['ttl: 60_000'] : [], 'keep');
          if (replace) suggest.push({ messageId: 'useRuntimeMemoize', fix: replace });
          // Say `async function` only when it is one: a promise-returning plain function is just a function.
          const functionKind = wrapped.node?.async === true ? 'async function' : 'function';
          report({ node: call.node, messageId: 'unsafeMemoizer', data: { library, functionKind }, suggest });
        }
        // Promises kept in a slot filled once (`if (!this.p) this.p = load()`), or in a keyed store that is not module-level.
        for (const slot of unsafePromiseSlots(model)) {
          report({ node: slot.node, messageId: slot.keyed ? 'unsafePromiseCache' : 'unsafePromiseSlot', data: { name: slot.name } });
        }
        for (const collection of model.collections()) {
          for (const write of rejectablePromiseWrites(collection, model)) {
            report({ node: write, messageId: 'unsafePromiseCache', data: { name: collection.name } });
          }
          // With `requireTtl`: a promise cache whose only removals are on rejection keeps every success forever.
          const safeButEternal =
            requireTtl &&
            !collection.cacheClass &&
            collection.sizeChecks.length === 0 &&
            !collection.escapes &&
            collection.evictions.length > 0 &&
            collection.evictions.every((e) => onRejectionPath(e, model)) &&
            collection.writes.some((w) => w.value !== undefined && storesRejectablePromise(w.value, model));
          if (safeButEternal) report({ node: collection.init, messageId: 'noTtl', data: { library: `\`${collection.name}\`` } });
        }
      },
    };
  },
});
