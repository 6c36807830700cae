import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-unbounded-memoize.js';

const ruleTester = new RuleTester();

ruleTester.run('no-unbounded-memoize', rule, {
  valid: [
    // Bounded by the library's own option, or by default.
    `import memoizee from 'memoizee'; export const f = memoizee((x) => x, { max: 100 });`,
    `import memoizee from 'memoizee'; export const f = memoizee((x) => x, { maxAge: 60000 });`,
    `import moize from 'moize'; export const f = moize((x) => x);`,
    `import moize from 'moize'; export const f = moize((x) => x, { maxSize: 50 });`,
    `import { memoize } from 'micro-memoize'; export const f = memoize((x) => x);`,
    `import { memoize } from 'eslint-plugin-memo-guard/memoize'; export const f = memoize((x) => x);`,
    `import mem from 'memoize'; import QuickLRU from 'quick-lru'; export const f = mem((x) => x, { cache: new QuickLRU({ maxSize: 100 }) });`,
    `import memoizeOne from 'memoize-one'; export const f = memoizeOne((a, b) => a + b);`,
    `import { weakMapMemoize } from 'reselect'; export const f = weakMapMemoize((s) => s.items);`,
    // Options we cannot see into: trust the caller.
    `import memoizee from 'memoizee'; import { options } from './options'; export const f = memoizee((x) => x, options);`,
    // Not a memoizer.
    `const memoize = (fn) => fn; export const f = memoize((x) => x);`,
  ],
  invalid: [
    {
      code: `import memoize from 'lodash/memoize';\nexport const parse = memoize((s) => s.trim());`,
      output: `import memoize from 'lodash/memoize';\nimport { memoize as boundedMemoize } from 'eslint-plugin-memo-guard/memoize';\nexport const parse = boundedMemoize((s) => s.trim(), { max: 500 });`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2 }],
    },
    {
      code: `import memoizee from 'memoizee';\nexport const f = memoizee((x) => x);`,
      output: `import memoizee from 'memoizee';\nexport const f = memoizee((x) => x, { max: 500 });`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2 }],
    },
    {
      code: `import memoizee from 'memoizee';\nexport const f = memoizee((x) => x, { primitive: true });`,
      output: `import memoizee from 'memoizee';\nexport const f = memoizee((x) => x, { max: 500, primitive: true });`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2 }],
    },
    {
      code: `import moize from 'moize';\nexport const f = moize((x) => x, { maxSize: Infinity });`,
      output: `import moize from 'moize';\nexport const f = moize((x) => x, { maxSize: 100 });`,
      options: [{ max: 100 }],
      errors: [{ messageId: 'unboundedMemoizer', line: 2 }],
    },
    {
      code: `import mem from 'memoize';\nexport const f = mem((x) => x);`,
      output: `import mem from 'memoize';\nimport { LruMap } from 'eslint-plugin-memo-guard/memoize';\nexport const f = mem((x) => x, { cache: new LruMap(500) });`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2 }],
    },
    {
      code: `import mem from 'memoize';\nexport const f = mem((x) => x, { cache: new Map() });`,
      output: `import mem from 'memoize';\nimport { LruMap } from 'eslint-plugin-memo-guard/memoize';\nexport const f = mem((x) => x, { cache: new LruMap(500) });`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2 }],
    },
    {
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nexport const f = memoize((x) => x, { max: Infinity });`,
      output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nexport const f = memoize((x) => x, { max: 500 });`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2 }],
    },
    {
      code: `const _ = require('lodash');\nexports.slug = _.memoize((s) => s.toLowerCase());`,
      output: `const _ = require('lodash');\nconst { memoize } = require('eslint-plugin-memo-guard/memoize');\nexports.slug = memoize((s) => s.toLowerCase(), { max: 500 });`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'unboundedMemoizer', line: 2 }],
    },
    {
      code: `import fastMemoize from 'fast-memoize';\nexport const f = fastMemoize((q) => q.id);`,
      output: `import fastMemoize from 'fast-memoize';\nimport { memoize } from 'eslint-plugin-memo-guard/memoize';\nexport const f = memoize((q) => q.id, { max: 500, key: 'structural' });`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2 }],
    },
    {
      // Not on any request path: the handler rule stays quiet, this one does not.
      code: `#!/usr/bin/env node\nimport { memoizeWith } from 'ramda';\nconst width = memoizeWith(String, (n) => n * 2);\nconsole.log(width(2));`,
      output: `#!/usr/bin/env node\nimport { memoizeWith } from 'ramda';\nimport { memoize } from 'eslint-plugin-memo-guard/memoize';\nconst width = memoize((n) => n * 2, { max: 500, key: String });\nconsole.log(width(2));`,
      errors: [{ messageId: 'unboundedMemoizer', line: 3 }],
    },
    {
      code: `import nanomemoize from 'nano-memoize';\nexport const f = nanomemoize((x) => x);`,
      output: `import nanomemoize from 'nano-memoize';\nimport { memoize } from 'eslint-plugin-memo-guard/memoize';\nexport const f = memoize((x) => x, { max: 500 });`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2 }],
    },
  ],
});
