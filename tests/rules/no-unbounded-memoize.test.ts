import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter, type ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-unbounded-memoize.js';
import { lintInPackage, lintWithRule } from './lint-helpers.js';

const ruleTester = new RuleTester();

ruleTester.run('no-unbounded-memoize', rule, {
  valid: [
    {
      // No argument (one entry), and a cache per instance of a class that is not a singleton.
      name: 'memoizing decorators that stay small',
      code: `import { Injectable } from '@nestjs/common';
import { Memoize } from 'typescript-memoize';
@Injectable()
export class Config {
  @Memoize()
  load() { return {}; }
}
export class Report {
  @Memoize()
  total(currency: string) { return currency.length; }
}`,
    },
    // Bounded by the library's own option, or by default.
    `import memoizee from 'memoizee'; export const f = memoizee((x) => x, { max: 100 });`,
    `import memoizee from 'memoizee'; export const f = memoizee((x) => x, { maxAge: 60000 });`,
    `import moize from 'moize'; export const f = moize((x) => x);`,
    `import moize from 'moize'; export const f = moize((x) => x, { maxSize: 50 });`,
    `import { memoize } from 'micro-memoize'; export const f = memoize((x) => x);`,
    `import { memoize } from 'eslint-plugin-memo-guard/memoize'; export const f = memoize((x) => x);`,
    // Explicit unbounded mode of this package's runtime: a choice, not an oversight.
    `import { memoize } from 'eslint-plugin-memo-guard/memoize'; export const f = memoize((x) => x, { max: Infinity });`,
    `import { memoize } from 'eslint-plugin-memo-guard/memoize'; export const f = memoize((x) => x, { max: Number.POSITIVE_INFINITY });`,
    `import mem from 'memoize'; import { LruMap } from 'eslint-plugin-memo-guard/memoize'; export const f = mem((x) => x, { cache: new LruMap(Infinity) });`,
    `import mem from 'memoize'; import QuickLRU from 'quick-lru'; export const f = mem((x) => x, { cache: new QuickLRU({ maxSize: 100 }) });`,
    `import memoizeOne from 'memoize-one'; export const f = memoizeOne((a, b) => a + b);`,
    `import { weakMapMemoize } from 'reselect'; export const f = weakMapMemoize((s) => s.items);`,
    // Options we cannot see into: trust the caller.
    `import memoizee from 'memoizee'; import { options } from './options'; export const f = memoizee((x) => x, options);`,
    // Not a memoizer.
    `const memoize = (fn) => fn; export const f = memoize((x) => x);`,
    // An in-house memoizer that only shares in-flight calls: the entry goes when the call settles.
    `const dedupe = (fn) => { const pending = new Map(); return (k) => { if (!pending.has(k)) pending.set(k, fn(k).finally(() => pending.delete(k))); return pending.get(k); }; };\nexport const f = dedupe(async (x) => x);`,
    // An in-house memoizer whose store is an option: given a bounded one.
    `import { LRUCache } from 'lru-cache';\nconst withMemo = (fn, { cache = new Map() } = {}) => (arg) => { if (!cache.has(arg)) cache.set(arg, fn(arg)); return cache.get(arg); };\nexport const f = withMemo((x) => x, { cache: new LRUCache({ max: 100 }) });`,
    // Files that never serve: a command-line entry point, tests, fixtures, benchmarks, stories, scripts.
    `#!/usr/bin/env node\nimport memoize from 'lodash/memoize';\nconst width = memoize((n) => n * 2);\nconsole.log(width(Number(process.argv[2])));`,
    ...['src/__tests__/sizes.ts', '__test__/unit/sizes.ts', 'src/__mock__/sizes.ts', 'libs/test-support/src/routes/sizes.ts', 'src/sizes.test.ts', 'src/sizes.spec.tsx', 'test/fixtures/sizes.ts', 'bench/sizes.ts', 'src/components/Card.stories.tsx', 'scripts/build-sizes.ts', 'packages/cli/bin/run.ts', 'server/src/infra/database/seeds/demo/owners.ts', 'db/migrations/20240101_sizes.ts'].map((filename) => ({
      name: `never ships: ${filename}`,
      filename,
      code: `import memoize from 'lodash/memoize';\nexport const width = memoize((n: number) => n * 2);`,
    })),
    // Code that runs in a page, not a process: a front-end tree, static assets, a client component.
    ...['www/lib/charts/layout.js', 'frontend/js/features/outline.ts', 'public/vendor/parser.js', 'src/hooks/use-width.ts'].map((filename) => ({
      name: `runs in a browser: ${filename}`,
      filename,
      code: `import memoize from 'lodash/memoize';\nexport const width = memoize((n: number) => n * 2);`,
    })),
    {
      name: "a client component ('use client')",
      code: `'use client';\nimport memoize from 'lodash/memoize';\nexport const width = memoize((n: number) => n * 2);`,
    },
    {
      // A minified bundle checked in as is: nobody maintains it by hand.
      name: 'minified build output',
      code: `import memoize from 'lodash/memoize';\nexport const width = memoize((n) => n * 2);${';var a=1'.repeat(150)}`,
    },
    {
      // Cleared whole by a periodic job or an invalidation event.
      name: 'a memoizer whose cache a sweep clears',
      code: `import memoize from 'lodash/memoize';
export const isSupported = memoize((chainId: string) => repo.isSupported(chainId));
setInterval(() => isSupported.cache.clear(), 30_000);
export class Events {
  constructor() { this.lookup = memoize((id) => repo.find(id)); }
  @Cron('*/30 * * * * *')
  sweep() { this.lookup.cache.clear?.(); }
}
export const events = new Events();`,
    },
    {
      // The sweep named and handed to the timer: `setInterval(clearCaches, HOUR)`.
      name: 'a memoizer whose cache a named sweep handed to a timer clears',
      code: `import memoize from 'lodash/memoize';
export const findAbuse = memoize((address: string) => repo.findAbuse(address));
const clearCaches = async () => {
  if (findAbuse.cache.clear) findAbuse.cache.clear();
};
setInterval(clearCaches, 60 * 60 * 1000);`,
    },
    {
      // One cache per call: made inside the function, kept in a local that is only called.
      name: 'a memoizer local to one call',
      code: `import memoize from 'lodash/memoize';
export async function totals(rows, toCurrency) {
  const rate = memoize((from) => lookupRate(from, toCurrency));
  const out = [];
  for (const row of rows) out.push(row.amount * (await rate(row.currency)));
  return rows.map(rate).length + out.length;
}
export const first = (xs) => memoize((x) => x * 2)(xs[0]);`,
    },
    {
      // One cache per instance of a class nothing shows to be long-lived.
      name: 'a memoizer field of a class made per use',
      code: `import memoize from 'lodash/memoize';
export class Resolver {
  constructor(doc) {
    this.doc = doc;
    this.byId = memoize((id) => this.doc.defs[id]);
  }
  resolve = memoize((ref: string) => this.byId(ref.split('#')[1]));
}`,
    },
    {
      // Caches in the object a function returns at each call (a command's lookups): they live as long
      // as the caller keeps the object, which nothing shows to be long.
      name: 'memoizers in an object a function makes and returns at each call',
      code: `import memoize from 'lodash/memoize';
export function getLookups(context) {
  return {
    findUser: memoize((q) => context.users.find(q)),
    findRole: memoize((q) => context.roles.find(q)),
  };
}
export const channelLookups = (context) => ({ findChannel: memoize((q) => context.channels.find(q)) });`,
    },
    {
      // Keys from a literal union, a boolean, or an enum (declared here or imported): a fixed, small key space.
      name: 'keys from a fixed set of values',
      code: `import memoize from 'lodash/memoize';
import moize from 'fast-memoize';
enum Region { Eu = 'eu', Us = 'us' }
type Tier = 'free' | 'pro' | 'team';
export const regionClient = memoize((region: Region) => connect(region));
export const tierLimits = memoize((tier: Tier | 'OTHER') => loadLimits(tier));
export const flags = moize((beta: boolean, tier: 'free' | 'pro') => loadFlags(beta, tier));
export const euOnly = memoize((r: Region.Eu) => connect(r));`,
    },
  ],
  invalid: [
    {
      // Server code in a project folder named like neither: still a process-lifetime cache.
      name: 'a memoizer in server code next to a components folder',
      filename: 'src/server/render-sizes.ts',
      code: `const memo = (fn) => { const cache = new Map(); return (k) => { if (!cache.has(k)) cache.set(k, fn(k)); return cache.get(k); }; };\nexport const width = memo((n: string) => n.length);`,
      errors: [{ messageId: 'unboundedMemoizer', data: { library: '`memo` (an in-house memoizer)', max: '500' }, line: 2, column: 22 }],
    },
    {
      // A nest of memoizers on one line is one report, at the outermost.
      name: 'nested memoizers reported once',
      code: `const memo = (fn) => { const cache = new Map(); return (k) => { if (!cache.has(k)) cache.set(k, fn(k)); return cache.get(k); }; };\nexport const pair = memo((a) => memo((b) => memo((c) => a + b + c)));`,
      errors: [{ messageId: 'unboundedMemoizer', data: { library: '`memo` (an in-house memoizer)', max: '500' }, line: 2, column: 21 }],
    },
    {
      // A memoizer made in a function but returned, or kept by a module-level instance, outlives the call.
      name: 'memoizers that outlive the function that makes them',
      code: `const memo = (fn) => { const cache = new Map(); return (k) => { if (!cache.has(k)) cache.set(k, fn(k)); return cache.get(k); }; };
export function makeLookup(table) {
  const lookup = memo((k) => table[k]);
  return lookup;
}
class Rates {
  byPair = memo((pair: string) => fetchRate(pair));
}
export const rates = new Rates();`,
      errors: [{ messageId: 'unboundedMemoizer', data: { library: '`memo` (an in-house memoizer)', max: '500' }, line: 3, column: 18 }, { messageId: 'unboundedMemoizer', data: { library: '`memo` (an in-house memoizer)', max: '500' }, line: 7, column: 12 }],
    },
    {
      // \`string\` (or no annotation) in the union is an open key space.
      name: 'a union that admits any string',
      code: `const memo = (fn) => { const cache = new Map(); return (k) => { if (!cache.has(k)) cache.set(k, fn(k)); return cache.get(k); }; };\ntype Tier = 'free' | 'pro';\nexport const limits = memo((tier: Tier | string) => loadLimits(tier));`,
      errors: [{ messageId: 'unboundedMemoizer', data: { library: '`memo` (an in-house memoizer)', max: '500' }, line: 3, column: 23 }],
    },
    {
      // Deleting an entry only when its promise rejects bounds nothing: every success stays.
      name: 'an in-house promise memoizer that removes only rejected entries',
      code: `const memoizeAsync = (fn) => { const cache = new Map(); return async (k) => { if (cache.has(k)) return cache.get(k); const p = fn(k); cache.set(k, p); try { return await p; } catch (e) { cache.delete(k); throw e; } }; };\nexport const f = memoizeAsync(async (x) => x);`,
      errors: [{ messageId: 'unboundedMemoizer', data: { library: '`memoizeAsync` (an in-house memoizer)', max: '500' }, line: 2, column: 18 }],
    },
    {
      // Its default store (or a Map the caller passes) never evicts.
      name: 'an in-house memoizer whose store is an option defaulting to a Map',
      code: `const withMemo = (fn, { cache = new Map() } = {}) => (arg) => { if (!cache.has(arg)) cache.set(arg, fn(arg)); return cache.get(arg); };\nexport const f = withMemo((x) => x);\nexport const g = withMemo((x) => x, { cache: new Map() });`,
      errors: [
        { messageId: 'unboundedMemoizer', data: { library: '`withMemo` (an in-house memoizer)', max: '500' }, line: 2, column: 18 },
        { messageId: 'unboundedMemoizer', data: { library: '`withMemo` (an in-house memoizer)', max: '500' }, line: 3, column: 18 },
      ],
    },
    {
      name: 'memoizing decorators on a singleton service and on a prototype',
      code: `import { Injectable } from '@nestjs/common';
import { Memoize } from 'typescript-memoize';
import { memoize } from 'decko';
@Injectable()
export class Users {
  @Memoize()
  find(id: string) { return { id }; }
}
export class Slugs {
  @memoize
  slug(name: string) { return name.toLowerCase(); }
}`,
      errors: [
        { messageId: 'unboundedDecorator', data: { name: 'Memoize', library: 'typescript-memoize', method: 'find', owner: 'the instance (a singleton)' }, line: 6, column: 3, endLine: 6, endColumn: 13 },
        { messageId: 'unboundedDecorator', data: { name: 'memoize', library: 'decko', method: 'slug', owner: 'the process' }, line: 10, column: 3 },
      ],
    },
    {
      // Exported: other modules may call `parse.cache.clear()`, which the runtime does not have.
      code: `import memoize from 'lodash/memoize';\nexport const parse = memoize((s) => s.trim());`,
      output: null,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 2,
          column: 22,
          data: { library: 'lodash memoize', max: '500' },
          suggestions: [
            {
              messageId: 'boundChangesBehaviour',
              data: { max: '500', change: "`parse` is exported, and code this file cannot see may use `parse.cache`, which memo-guard's memoize does not have" },
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nexport const parse = memoize((s) => s.trim(), { max: 500, key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      // Not exported: first-argument keys stay first-argument keys, and the old cache API is rewritten.
      code: `import memoize from 'lodash/memoize';\nconst parse = memoize((s) => s.trim());\nexport const all = (xs) => xs.map(parse);\nexport function reset(s) { if (s) parse.cache.delete(s); else parse.cache.clear(); }`,
      output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nconst parse = memoize((s) => s.trim(), { max: 500, key: (first?: unknown) => first });\nexport const all = (xs) => xs.map(parse);\nexport function reset(s) { if (s) parse.cacheDelete(s); else parse.cacheClear(); }`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2, column: 15, data: { library: 'lodash memoize', max: '500' } }],
    },
    {
      // With a resolver, `.cache.delete(k)` deletes the resolved key `k`, `cacheDelete(k)` the entry of the call `f(k)`: no exact rewrite.
      code: `import _ from 'lodash';\nimport { format } from './format';\nconst price = _.memoize(format, (a, c) => a + c);\nexport const show = (a, c) => price(a, c);\nexport const forget = (k) => price.cache.delete(k);`,
      output: null,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 3,
          column: 15,
          suggestions: [
            {
              messageId: 'boundChangesBehaviour',
              data: {
                max: '500',
                change:
                  "`format` is defined elsewhere: if it returns a promise, memo-guard's memoize drops a rejection so the next call runs again, where lodash memoize keeps serving it; `price.cache` has no exact equivalent in memo-guard's memoize (it has `cacheClear()` and `cacheDelete(...args)`)",
              },
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nimport { format } from './format';\nconst price = memoize(format, { max: 500, key: (a, c) => a + c });\nexport const show = (a, c) => price(a, c);\nexport const forget = (k) => price.cache.delete(k);`,
            },
          ],
        },
      ],
    },
    {
      // An async function: the runtime drops rejected promises where lodash keeps them, a change of behaviour.
      code: `import _ from 'lodash';\nconst load = _.memoize(async (id) => fetch(id));\nexport const get = (id) => load(id);`,
      output: null,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 2,
          column: 14,
          suggestions: [
            {
              messageId: 'boundChangesBehaviour',
              data: { max: '500', change: "memo-guard's memoize drops a rejected promise so the next call runs again, where lodash memoize keeps serving it" },
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nconst load = memoize(async (id) => fetch(id), { max: 500, key: (first?: unknown) => first });\nexport const get = (id) => load(id);`,
            },
          ],
        },
      ],
    },
    {
      // \`_\` has another use: the import stays; \`memoize(fn, undefined)\` has no resolver.
      code: `import _ from 'lodash';\nconst slug = _.memoize((s) => _.kebabCase(s), undefined);\nexport const slugs = (xs) => xs.map(slug);`,
      output: `import _ from 'lodash';\nimport { memoize } from 'eslint-plugin-memo-guard/memoize';\nconst slug = memoize((s) => _.kebabCase(s), { max: 500, key: (first?: unknown) => first });\nexport const slugs = (xs) => xs.map(slug);`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2, column: 14 }],
    },
    {
      // One of two named imports goes, with its comma; type arguments of a Map cache are kept.
      code: `import { memoize, debounce } from 'lodash';\nimport mem from 'memoize';\nconst a = memoize((s: string) => s.length);\nconst b = mem((s: string) => s.length, { cache: new Map<string, { data: number }>() });\nexport const run = debounce(() => a('x') + b('x'), 10);`,
      output: [
        `import { debounce } from 'lodash';\nimport mem from 'memoize';\nimport { memoize } from 'eslint-plugin-memo-guard/memoize';\nconst a = memoize((s: string) => s.length, { max: 500, key: (first?: unknown) => first });\nconst b = mem((s: string) => s.length, { cache: new Map<string, { data: number }>() });\nexport const run = debounce(() => a('x') + b('x'), 10);`,
        `import { debounce } from 'lodash';\nimport mem from 'memoize';\nimport { memoize, LruMap } from 'eslint-plugin-memo-guard/memoize';\nconst a = memoize((s: string) => s.length, { max: 500, key: (first?: unknown) => first });\nconst b = mem((s: string) => s.length, { cache: new LruMap<string, { data: number }>(500) });\nexport const run = debounce(() => a('x') + b('x'), 10);`,
      ],
      errors: [
        { messageId: 'unboundedMemoizer', line: 3, column: 11 },
        { messageId: 'unboundedMemoizer', line: 4, column: 11 },
      ],
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
      code: `import moize from 'moize';\nexport const f = moize.infinite((x) => x, { isPromise: true });`,
      output: `import moize from 'moize';\nexport const f = moize((x) => x, { maxSize: 500, isPromise: true });`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2, column: 18, data: { library: 'moize.infinite', max: '500' } }],
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
      code: `const _ = require('lodash');\nconst slug = _.memoize((s) => s.toLowerCase());\nexports.slugs = (xs) => xs.map(slug);`,
      output: `const { memoize } = require('eslint-plugin-memo-guard/memoize');\nconst slug = memoize((s) => s.toLowerCase(), { max: 500, key: (first) => first });\nexports.slugs = (xs) => xs.map(slug);`,
      filename: 'file.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'unboundedMemoizer', line: 2, column: 14 }],
    },
    {
      code: `import fastMemoize from 'fast-memoize';\nexport const f = fastMemoize((q) => q.id);`,
      output: `import fastMemoize from 'fast-memoize';\nimport { LruMap } from 'eslint-plugin-memo-guard/memoize';\nexport const f = fastMemoize((q) => q.id, { cache: { create: () => new LruMap<string, any>(500) } });`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2 }],
    },
    {
      // Not on any request path: the handler rule stays quiet, this one does not.
      code: `import { memoizeWith } from 'ramda';\nconst width = memoizeWith(String, (n) => n * 2);\nexport const label = (n) => width(n);`,
      output: null,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'boundChangesBehaviour',
              data: { max: '500', change: "ramda turns the key into a property name (`1` and `'1'` share an entry); memo-guard's memoize compares keys by value and type" },
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nconst width = memoize((n) => n * 2, { max: 500, key: String });\nexport const label = (n) => width(n);`,
            },
          ],
        },
      ],
    },
    {
      code: `import nanomemoize from 'nano-memoize';\nexport const f = nanomemoize((x) => x);`,
      output: null,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'boundChangesBehaviour',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nexport const f = memoize((x) => x, { max: 500 });`,
            },
          ],
        },
      ],
    },
  ],
});

describe('memoizers in an object a function returns', () => {
  const factory = `import memoize from 'lodash/memoize';
function createApi(db) {
  return { getUser: memoize((id) => db.users.find(id)) };
}
`;
  // Made per call, the object lives as long as its caller keeps it (the valid cases above); made while
  // the module loads, it is one object for the process.
  it('reports the memoizer when the function is called at module level', () => {
    const messages = lintWithRule('no-unbounded-memoize', rule, `${factory}export const api = createApi(globalThis.db);`);
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['unboundedMemoizer', 3, 21]]);
  });
  it('not when it is called only inside another function', () => {
    expect(lintWithRule('no-unbounded-memoize', rule, `${factory}export function handle(db, id) { return createApi(db).getUser(id); }`)).toEqual([]);
  });
});

describe('a memoizer a factory hands back', () => {
  // \`makeDedupedInserter()\` returns a fresh memoizer per call: kept in a local of the job that made it,
  // its cache is garbage when the job ends; kept at module level, it is one cache for the process.
  const factory = `import memoize from 'p-memoize';
function makeDedupedInserter() {
  return memoize(async (key, insert) => insert(), { cacheKey: ([key]) => key.join(':') });
}
`;
  const lint = (use: string): [string | undefined, number, number][] => lintWithRule('no-unbounded-memoize', rule, factory + use).map((m) => [m.messageId, m.line, m.column]);
  it('is quiet when every call keeps the memoizer in a local of the calling function', () => {
    expect(lint('export async function upload(rows) {\n  const getOrInsert = makeDedupedInserter();\n  for (const row of rows) await getOrInsert([row.user, row.group], () => db.insert(row));\n}')).toEqual([]);
  });
  it('reports the memoizer when a call keeps it at module level, or one hands it on to its own caller', () => {
    expect(lint('export const getOrInsert = makeDedupedInserter();')).toEqual([['unboundedMemoizer', 3, 10]]);
    expect(lint('export function inserter() {\n  return makeDedupedInserter();\n}')).toEqual([['unboundedMemoizer', 3, 10]]);
  });
});

describe('browser apps', () => {
  // A package that declares a browser UI library and nothing that renders on a server: its caches live as long as a page.
  const lint = (deps: Record<string, string>): number =>
    lintInPackage('no-unbounded-memoize', rule, deps, 'useItems.ts', `import memoize from 'lodash/memoize';\nexport const getItems = memoize((url: string) => fetch(url).then((r) => r.json()));`).length;
  it('is quiet in a single-page app', () => {
    expect(lint({ react: '^18.0.0', 'react-dom': '^18.0.0' })).toBe(0);
  });
  it('reports when the same code is rendered on a server or served', () => {
    expect(lint({ react: '^18.0.0', 'react-dom': '^18.0.0', next: '^14.0.0' })).toBe(1);
    expect(lint({ 'react-dom': '^18.0.0', express: '^4.0.0' })).toBe(1);
    expect(lint({ lodash: '^4.0.0' })).toBe(1);
  });
  it('reads react-router as a server only from 7, its framework mode', () => {
    expect(lint({ react: '^17.0.0', 'react-dom': '^17.0.0', 'react-router': '^5.2.0' })).toBe(0);
    expect(lint({ react: '^19.0.0', 'react-dom': '^19.0.0', 'react-router': '^7.1.0' })).toBe(1);
  });
  it('reports in a package that deploys a Cloudflare Worker, which renders React on the edge', () => {
    expect(lint({ react: '^18.0.0', 'react-dom': '^18.0.0', wrangler: '^3.0.0' })).toBe(1);
    expect(lint({ 'react-dom': '^18.0.0', 'itty-router': '^5.0.0' })).toBe(1);
  });
});

describe('p-memoize by the major the package declares', () => {
  // p-memoize before 6 passed its options to mem, whose \`maxAge\` timer removes expired entries;
  // 6 dropped \`maxAge\` and reads it no more, so there it bounds nothing.
  const code = `import pMemoize from 'p-memoize';\nexport const operators = pMemoize(async (q: string) => (await fetch('/ops?q=' + q)).json(), { maxAge: 600000 });`;
  const lint = (range: string): number[] => lintInPackage('no-unbounded-memoize', rule, { 'p-memoize': range, express: '^4.0.0' }, 'ops.ts', code).map((m) => m.line);
  it('is quiet for p-memoize 4 with maxAge', () => {
    expect(lint('^4.0.4')).toEqual([]);
  });
  it("reads the range from the package when the file's folder has a package.json that declares no dependency", () => {
    const inFolder = (folder: Record<string, unknown>): number[] =>
      lintInPackage('no-unbounded-memoize', rule, { 'p-memoize': '^4.0.4', express: '^4.0.0' }, 'ops.ts', code, {}, folder).map((m) => m.line);
    expect(inFolder({ type: 'module' })).toEqual([]);
    // A folder package that declares its own dependencies is its own package: p-memoize 7 there.
    expect(inFolder({ name: 'ops', dependencies: { 'p-memoize': '^7.0.0' } })).toEqual([2]);
  });
  it('reports p-memoize 6 and 7 with maxAge, which they ignore', () => {
    expect(lint('^6.0.0')).toEqual([2]);
    expect(lint('^7.1.1')).toEqual([2]);
  });
});

describe('plain JavaScript through ESLint\'s default parser', () => {
  // espree leaves `decorators` off a class method; a clear inside a method is not a sweep.
  it('a clear inside an undecorated class method: reports, no crash', () => {
    const code = `const _ = require('lodash');\nconst slug = _.memoize((s) => s.toLowerCase());\nclass Sweeper { run() { slug.cache.clear(); } }\nexports.slugs = (xs) => xs.map(slug);\nexports.Sweeper = Sweeper;`;
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(code, {
      files: ['**/*.js'],
      languageOptions: { sourceType: 'commonjs' },
      plugins: { 'memo-guard': { rules: { 'no-unbounded-memoize': rule } } as unknown as ESLint.Plugin },
      rules: { 'memo-guard/no-unbounded-memoize': 'error' },
    }, 'lib.js');
    expect(messages.map((m) => [m.ruleId, m.line, m.fatal ?? false])).toEqual([['memo-guard/no-unbounded-memoize', 2, false]]);
  });
});
