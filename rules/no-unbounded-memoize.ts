import { createRule } from '../src/create-rule.js';
import { getFileModel, modelListeners } from '../src/analysis/model/linted-file.js';
import { decoratorName, memoizedMethods, methodCacheOutlivesRequests } from '../src/analysis/memoizer/memoized-methods.js';
import { growsUnbounded } from '../src/analysis/memoizer/memoizer-call.js';
import { boundMemoizerFix } from '../src/analysis/fix/memoizer-fix.js';
import { clearedSomewhere } from '../src/analysis/memoizer/scheduled-clears.js';
import { diesWithCall, diesWithFactoryCall, diesWithInstance, diesWithResult, insideMemoizer, keysFromFixedSet } from '../src/analysis/memoizer/strict-scope.js';
import { isBuildOutput, neverServes, runsInBrowser } from '../src/analysis/request/file-runtime.js';

type MessageIds = 'unboundedMemoizer' | 'unboundedDecorator' | 'boundChangesBehaviour';
type Options = [{ max?: number }];

export default createRule<MessageIds, Options>({
  name: 'no-unbounded-memoize',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow memoizers that never evict, wherever they are used',
      // Not in `strict` until at least 80% of its findings on real code are judged true (issue 17):
      // 16 of 121 were true or minor over every judged set (`node scripts/wild-tally.mjs`).
      strict: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      unboundedMemoizer:
        '{{library}} never evicts: every distinct argument list it sees stays in memory for the life of the process; bound it (max {{max}}).',
      unboundedDecorator:
        '`@{{name}}` ({{library}}) never evicts: every distinct argument `{{method}}` is called with stays in memory for the life of {{owner}}; memoize it with a bounded memoizer.',
      boundChangesBehaviour: "Switch to memo-guard's bounded `memoize` (max {{max}}); not automatic because it changes behaviour: {{change}}.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          max: { type: 'integer', minimum: 1, description: 'The bound the autofix gives a memoizer.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 500 }],
  },
  create(context, [{ max = 500 }]) {
    return {
      ...modelListeners(context),
      'Program:exit'() {
        const model = getFileModel(context);
        // Tests, fixtures, benchmarks, stories and one-shot scripts end before a cache can grow.
        if (neverServes(model)) return;
        // A browser app's caches live as long as a page: the leak this rule is about is a process's.
        // Minified or bundled build output is someone else's code, shipped as is.
        if (runsInBrowser(model) || isBuildOutput(model)) return;
        // `@Memoize() find(id)`: no catalogued memoizing decorator evicts. A method of no argument holds
        // one entry; a cache per instance of a class made per use dies with the instance.
        for (const memoized of memoizedMethods(model)) {
          if (memoized.fn.params.length === 0 || !methodCacheOutlivesRequests(memoized, model)) continue;
          const owner = memoized.perInstance ? 'the instance (a singleton)' : 'the process';
          const data = { name: decoratorName(memoized.decorator, context.sourceCode), library: memoized.spec.label, method: context.sourceCode.getText(memoized.method.key), owner };
          context.report({ node: memoized.decorator, messageId: 'unboundedDecorator', data });
        }
        // memoize-one and reselect are tiny or weak by design; a zero-argument function holds one value;
        // `memoize(fn, { max: Infinity })` says unbounded on purpose.
        const unbounded = model.memoizerCalls.filter((call) => growsUnbounded(call, model) && !call.spec.explicitUnbound);
        const unboundedNodes = new Set(unbounded.map((call) => call.node));
        for (const call of unbounded) {
          // A nest of memoizers (`memoize((a) => memoize((b) => f(a, b)))`) is one cache to bound: report the outermost.
          if (insideMemoizer(call, unboundedNodes)) continue;
          // A memoizer kept in a local of one call dies with it, one in a field of an instance we cannot see
          // live long dies with the instance, one in an object a function returns dies with that object,
          // one a factory returns to callers that keep it only while they run dies with each of them;
          // keys from a literal union or an enum are a fixed set.
          if (diesWithCall(call, model) || diesWithInstance(call, model) || diesWithResult(call, model) || diesWithFactoryCall(call, model) || keysFromFixedSet(call, model)) continue;
          // A cache cleared whole by a sweep or an invalidation is evicted, by the user's choice.
          if (clearedSomewhere(call, model)) continue;
          const data = { library: call.spec.label, max: String(max) };
          const plan = boundMemoizerFix(model, call, max);
          if (plan?.change === undefined) {
            context.report({ node: call.node, messageId: 'unboundedMemoizer', data, ...(plan ? { fix: plan.fix } : {}) });
          } else {
            const suggest = [{ messageId: 'boundChangesBehaviour' as const, data: { max: String(max), change: plan.change }, fix: plan.fix }];
            context.report({ node: call.node, messageId: 'unboundedMemoizer', data, suggest });
          }
        }
      },
    };
  },
});
