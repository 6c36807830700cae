import { createRule } from '../src/create-rule.js';
import { getFileModel, modelListeners } from '../src/analysis/file-model.js';
import { holdsOneEntry, isBounded } from '../src/analysis/memoizer-call.js';
import { boundMemoizerFix } from '../src/analysis/fixes.js';

type MessageIds = 'unboundedMemoizer';
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
    messages: {
      unboundedMemoizer:
        '{{library}} never evicts: every distinct argument list it sees stays in memory for the life of the process; bound it (max {{max}}).',
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
          if (call.spec.keying === 'identity-by-design' || isBounded(call, model) || holdsOneEntry(call, model)) continue;
          const fix = boundMemoizerFix(model, call, max);
          context.report({
            node: call.node,
            messageId: 'unboundedMemoizer',
            data: { library: call.spec.label, max: String(max) },
            ...(fix ? { fix } : {}),
          });
        }
      },
    };
  },
});
