import { createRule } from '../src/create-rule.js';
import { getFileModel, modelListeners } from '../src/analysis/model/linted-file.js';
import { hasTtl, holdsOneEntry, wrappedFunction } from '../src/analysis/memoizer/memoizer-call.js';
import type { MemoizerCall } from '../src/analysis/model/file-model.js';
import { findEffect } from '../src/analysis/memoizer/side-effects.js';
import { ownCacheRemovals } from '../src/analysis/memoizer/memoized-binding.js';
import { insideMemoizer } from '../src/analysis/memoizer/strict-scope.js';
import { neverServes } from '../src/analysis/request/file-runtime.js';

type MessageIds = 'sideEffect' | 'nonDeterministic';
type Options = [];

export default createRule<MessageIds, Options>({
  name: 'no-side-effect-memoize',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow memoizing functions that have side effects or read non-deterministic values',
      // Not in `strict` until at least 80% of its findings on real code are judged true (issue 17).
      strict: false,
    },
    messages: {
      sideEffect:
        'The memoized function {{effect}} at line {{line}}{{via}}: every cache hit skips it, so the effect happens once per key instead of once per call; memoize only the pure part, or do not memoize.',
      nonDeterministic:
        'The memoized function {{effect}} at line {{line}}{{via}}: the cache freezes the first result and returns it stale on every hit; pass the value in as an argument, or do not memoize.',
    },
    schema: [],
  },
  create(context) {
    return {
      ...modelListeners(context),
      'Program:exit'() {
        const model = getFileModel(context);
        // Tests, fixtures, benchmarks, stories and one-shot scripts: a skipped effect there reaches no user.
        if (neverServes(model)) return;
        const reported = new Set<MemoizerCall['node']>();
        for (const call of model.memoizerCalls) {
          // A memoized function of no argument runs once: its effects are a one-time initialisation, by design.
          if (holdsOneEntry(call, model)) continue;
          // A memoizer that removes each entry once the call settles shares only overlapping calls: a later call runs the effects again.
          if (call.spec.inFlightOnly === true) continue;
          // A nest of memoizers is one report, at the outermost.
          if (insideMemoizer(call, reported)) continue;
          const fn = wrappedFunction(call, model)?.node;
          // `get.cache.delete(k)` inside `get`'s own function manages its cache; it is not an effect a hit skips.
          const effect = fn && findEffect(fn, model, new Set(ownCacheRemovals(call, fn, model)));
          if (!effect) continue;
          // A cache that lives for one request (React's `cache()`) is there to run a function once per
          // request: it freezes a clock or a random value only for the rest of that request, and an
          // effect it skips on a hit (a page view recorded, a row updated) has run for that request.
          if (call.spec.requestScoped) continue;
          // A cache whose entries expire freezes a clock or a random value for at most the time its
          // author chose, as it does the rest of what it keeps.
          if (effect.kind !== 'write' && hasTtl(call)) continue;
          reported.add(call.node);
          context.report({
            node: call.node,
            messageId: effect.kind === 'write' ? 'sideEffect' : 'nonDeterministic',
            data: { effect: effect.what, line: String(effect.node.loc.start.line), via: effect.via === undefined ? '' : ` (in \`${effect.via}\`)` },
          });
        }
      },
    };
  },
});
