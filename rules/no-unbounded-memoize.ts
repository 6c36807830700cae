import { createRule } from '../src/create-rule.js';
import { getFileModel, modelListeners } from '../src/analysis/file-model.js';
import { growsUnbounded } from '../src/analysis/memoizer-call.js';
import { boundMemoizerFix } from '../src/analysis/memoizer-fix.js';

type MessageIds = 'unboundedMemoizer' | 'boundChangesBehaviour';
type Options = [{ max?: number }];

export default createRule<MessageIds, Options>({
  name: 'no-unbounded-memoize',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow memoizers that never evict, wherever they are used',
      strict: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      unboundedMemoizer:
        '{{library}} never evicts: every distinct argument list it sees stays in memory for the life of the process; bound it (max {{max}}).',
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
        for (const call of model.memoizerCalls) {
          // memoize-one and reselect are tiny or weak by design; a zero-argument function holds one value.
          if (!growsUnbounded(call, model)) continue;
          // `memoize(fn, { max: Infinity })` says unbounded on purpose.
          if (call.spec.explicitUnbound) continue;
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
