import type { SuggestionReportDescriptor } from '@typescript-eslint/utils/ts-eslint';
import { createRule } from '../src/create-rule.js';
import { getFileModel, modelListeners } from '../src/analysis/model/linted-file.js';
import { findThrash } from '../src/analysis/memoizer/recursion.js';
import { unboundedMemoizerFix } from '../src/analysis/fix/memoizer-fix.js';
import { setOption } from '../src/analysis/fix/fix-builders.js';

type MessageIds = 'tooSmall' | 'rangeTooLarge' | 'gridTooLarge' | 'useUnbounded' | 'raiseBound';
type Options = [{ max?: number }];

export default createRule<MessageIds, Options>({
  name: 'no-recursive-cache-thrash',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow memoizing a recursive function with a cache too small for its recursion',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      tooSmall:
        '{{library}} holds {{size}} {{entries}}, and this function calls itself through the cache {{count}} {{times}} (first at line {{line}}): each recursive call evicts the entry the next one needs, so the memoized version does all the work of the plain one; use an unbounded cache for a small input space, or a bound with room.',
      rangeTooLarge:
        '{{library}} holds {{size}} {{entries}}, but this branching recursion is called with inputs up to {{range}} (its recursive calls start at line {{line}}): the working set does not fit and entries are evicted before they are reused; use an unbounded cache or a bound with room.',
      gridTooLarge:
        '{{library}} holds {{size}} {{entries}}, but this recursion moves through {{params}} parameters at once ({{count}} recursive calls, first at line {{line}}){{cells}}: each path down the recursion needs more entries than that, so entries are evicted before they are reused; use an unbounded cache for a small input space, or a bound with room.',
      useUnbounded: "Switch to memo-guard's `memoize` with `max: Infinity` (the input space must be small).",
      raiseBound: 'Give the cache room: `{{option}}: {{max}}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          max: { type: 'integer', minimum: 2, description: 'The bound the "bound with room" suggestion gives (at least the visible input range plus one).' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 1000 }],
  },
  create(context, [{ max = 1000 }]) {
    return {
      ...modelListeners(context),
      'Program:exit'() {
        const model = getFileModel(context);
        for (const call of model.memoizerCalls) {
          const thrash = findThrash(call, model);
          if (!thrash) continue;
          const first = thrash.sites[0];
          if (!first) continue;
          const suggest: SuggestionReportDescriptor<MessageIds>[] = [];
          const unbounded = unboundedMemoizerFix(model, call);
          if (unbounded) suggest.push({ messageId: 'useUnbounded', fix: unbounded });
          const option = call.spec.sizeOption;
          if (option !== undefined) {
            const room = String(Math.max(max, (thrash.range ?? 0) + 1, thrash.grid?.cells ?? 0, thrash.sites.length));
            suggest.push({ messageId: 'raiseBound', data: { option, max: room }, fix: (fixer) => setOption(fixer, model, call, option, room) ?? null });
          }
          const count = thrash.sites.length;
          context.report({
            node: call.node,
            messageId: thrash.grid ? 'gridTooLarge' : thrash.range === undefined ? 'tooSmall' : 'rangeTooLarge',
            data: {
              library: call.spec.label,
              size: String(thrash.size),
              entries: thrash.size === 1 ? 'entry' : 'entries',
              count: String(count),
              times: count === 1 ? 'time' : 'times',
              line: String(first.loc.start.line),
              range: String(thrash.range ?? ''),
              params: String(thrash.grid?.params ?? ''),
              cells: thrash.grid?.cells === undefined ? '' : `, and the inputs this file calls it with make ${thrash.grid.cells} distinct subproblems`,
            },
            suggest,
          });
        }
      },
    };
  },
});
