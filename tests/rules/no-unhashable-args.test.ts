/**
 * RuleTester tests of `no-unhashable-args`: first-argument-only keys on several parameters, JSON keys on values
 * JSON cannot tell apart, identity keys on object / array parameters, and fresh values at call sites.
 * The contract is tests/corpus/SEMANTICS.md ("no-unhashable-args").
 * Cases without types run from syntax alone; the typed cases at the end run with the
 * tests/fixtures/typed project and check that types find the same or more.
 */
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { InferMessageIdsTypeFromRule, InferOptionsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter, type ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/no-unhashable-args.js';
import unboundedRule from '../../rules/no-unbounded-memoize.js';
import { parseCounts } from '../../src/analysis/project/files/sources.js';
import { describeTypesFindMore, lintInDir, lintWithRule, memoizePromiseHelper, projectOnDisk, typedParserOptions } from './lint-helpers.js';

type MessageIds = InferMessageIdsTypeFromRule<typeof rule>;
type Options = InferOptionsTypeFromRule<typeof rule>;

const ruleId = 'no-unhashable-args';
const ruleTester = new RuleTester();
const typedRuleTester = new RuleTester({ languageOptions: { parserOptions: typedParserOptions } });

// RuleTester sets `parserOptions.sourceType: 'module'` unless a case sets it, which would hide
// `languageOptions.sourceType` from the parser: CommonJS cases set both, as ESLint itself passes it.
const commonjs = { sourceType: 'commonjs', parserOptions: { sourceType: 'commonjs' } } as const;

// Older moize, mem and memize cases bind names that mention a cache (`cachedPrice`), from when the file model
// skipped a file whose text never said "memo" or "cache". It now also analyses a file that imports a catalogued
// memoizer or cache library: the "plain names" cases below never say either word and guard that.

ruleTester.run(ruleId, rule, {
  valid: [
    {
      // micro-memoize and moize hold one entry unless told otherwise: an equal but new array replaces
      // it (memoize-one's behaviour, the usual selector chain over a store's arrays), nothing grows.
      name: 'a one-entry identity memoizer on a named array parameter',
      code: `import { memoize } from 'micro-memoize';
import moize from 'moize';
export const total = memoize((accounts: Account[]) => accounts.reduce((a, b) => a + b.balance, 0));
export const names = moize((accounts: Account[]) => accounts.map((a) => a.name));
export const first = moize((accounts: Account[]) => accounts[0], { maxSize: 1 });`,
    },
    {
      // One argument, a key function (typescript-memoize's hash function or `true`, lodash-decorators'
      // resolver) or a method of no arguments: nothing is left out of the key.
      name: 'memoizing decorators whose key covers every argument',
      code: `import { Memoize, MemoizeExpiring } from 'typescript-memoize';
import { Memoize as LodashMemoize } from 'lodash-decorators';
export class Rates {
  @Memoize()
  symbol(code: string) { return code; }
  @Memoize(true)
  format(amount: number, code: string) { return amount + code; }
  @Memoize((base: string, quote: string) => base + '/' + quote)
  pair(base: string, quote: string) { return base + quote; }
  @Memoize({ expiring: 1000, hashFunction: (a: string, b: string) => a + b })
  spread(a: string, b: string) { return a + b; }
  @MemoizeExpiring(5000, true)
  cross(a: string, b: string) { return a + b; }
  @LodashMemoize((a: string, b: string) => a + b)
  join(a: string, b: string) { return a + b; }
  @Memoize()
  all() { return []; }
}`,
    },
    {
      // The Slack client and the token getter are the same for every call: the result is what the email and the flag name.
      name: 'a first-argument memoizer whose left-out parameters are dependencies the callers hand in',
      code: `import { memoize } from 'lodash';
export const slackUserByEmail = memoize(async (email, slackClient) => {
  const found = await slackClient.users.lookupByEmail({ email });
  return found.user;
});
export const batcherFor = memoize((isSignedIn: boolean | undefined, getToken: GetToken) => createBatcher(async (ids: string[]) => {
  const token = await getToken();
  return isSignedIn && token ? post('/fces', { token, ids }) : [];
}));
export const withLogger = memoize((name: string, logger) => { logger.info(name); return name.toUpperCase(); });`,
    },
    {
      // Tests, mocks and benchmarks never run in production: memo-guard does not check them.
      name: 'a first-argument memoizer in a test file',
      filename: 'src/__tests__/sum.test.ts',
      code: `import memoize from 'lodash/memoize';
export const sum = memoize((a: number, b: number) => a + b);`,
    },
    {
      name: 'a TypeScript `this` parameter is not an argument the memoizer keys on',
      code: `import moize from 'moize';
export const registry = {
  prefix: 'r',
  key: moize(function (this: { prefix: string }, id: string) {
    return this.prefix + id;
  }),
};`,
    },
    {
      name: 'lodash on one primitive parameter',
      code: `import _ from 'lodash';
export const slug = _.memoize((title: string) => title.toLowerCase());`,
    },
    {
      name: 'lodash with a resolver over every argument',
      code: `import _ from 'lodash';
export const add = _.memoize((a: number, b: number) => a + b, (a, b) => a + ':' + b);`,
    },
    {
      name: 'lodash/memoize with a resolver (CommonJS)',
      filename: 'lib/pricing.js',
      languageOptions: commonjs,
      code: `const memoize = require('lodash/memoize');
exports.area = memoize((w, h) => w * h, (w, h) => \`\${w}x\${h}\`);`,
    },
    {
      name: 'memoize (sindresorhus) with cacheKey',
      code: `import memoize from 'memoize';
export const price = memoize((sku: string, qty: number) => lookup(sku) * qty, { cacheKey: (args) => args.join(':') });`,
    },
    {
      name: 'es-toolkit with getCacheKey',
      code: `import { memoize } from 'es-toolkit';
export const total = memoize((items: number[]) => items.reduce((a, b) => a + b, 0), { getCacheKey: (items) => items.join(',') });`,
    },
    {
      name: 'memoizee with a normalizer',
      code: `import memoize from 'memoizee';
export const search = memoize((query: { q: string }) => run(query), { normalizer: ([query]) => query.q });`,
    },
    {
      name: 'memoizee with length',
      code: `import memoize from 'memoizee';
export const render = memoize((schema, config = {}) => compile(schema, config), { length: 2 });`,
    },
    {
      name: 'memoizee on primitive parameters keys them all',
      code: `import memoize from 'memoizee';
export const area = memoize((w: number, h: number) => w * h);`,
    },
    {
      name: 'moize with isDeepEqual',
      code: `import moize from 'moize';
export const cachedTotal = moize((order: { lines: number[] }) => sum(order.lines), { isDeepEqual: true });`,
    },
    {
      name: 'moize with isSerialized',
      code: `import moize from 'moize';
export const cachedSearch = moize(({ q, page }) => run(q, page), { isSerialized: true });`,
    },
    {
      name: 'moize with transformArgs',
      code: `import moize from 'moize';
export const cachedPrice = moize((item: { sku: string }) => lookup(item.sku), { transformArgs: ([item]) => [item.sku] });`,
    },
    {
      name: 'moize on two primitives keys both',
      code: `import moize from 'moize';
export const cachedArea = moize((w: number, h: number) => w * h);`,
    },
    {
      name: 'micro-memoize with isEqual',
      code: `import memoize from 'micro-memoize';
export const total = memoize((items: number[]) => items.length, { isEqual: deepEqual });`,
    },
    {
      name: 'micro-memoize with transformKey',
      code: `import memoize from 'micro-memoize';
export const total = memoize((items: number[]) => items.length, { transformKey: JSON.stringify });`,
    },
    {
      name: 'this package\'s memoize with structural keys',
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const price = memoize(({ sku, qty }: { sku: string; qty: number }) => lookup(sku) * qty, { key: 'structural' });`,
    },
    {
      name: 'this package\'s memoize with a key function',
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const price = memoize((item: { sku: string }) => lookup(item.sku), { key: (item) => item.sku });`,
    },
    {
      name: 'this package\'s memoize on several primitives',
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const price = memoize((sku: string, qty: number) => lookup(sku) * qty);`,
    },
    {
      name: 'fast-memoize on primitives',
      code: `import memoize from 'fast-memoize';
export const area = memoize((w: number, h: number) => w * h);`,
    },
    {
      name: 'fast-memoize keys plain objects by JSON',
      code: `import memoize from 'fast-memoize';
export const search = memoize((query: { q: string; page: number }) => run(query));`,
    },
    {
      name: 'fast-memoize with a serializer',
      code: `import memoize from 'fast-memoize';
export const format = memoize((day: Date) => day.toISOString(), { serializer: (args) => String(args[0]) });`,
    },
    {
      name: 'memoize-one is identity by design',
      code: `import memoizeOne from 'memoize-one';
export const visible = memoizeOne((items: Item[], filter: { q: string }) => items.filter((i) => i.name.includes(filter.q)));`,
    },
    {
      name: 'reselect createSelector',
      code: `import { createSelector } from 'reselect';
export const selectVisible = createSelector([(state) => state.items, (state) => state.filter], (items, filter) => items.filter(filter));`,
    },
    {
      name: 'reselect weakMapMemoize',
      code: `import { weakMapMemoize } from 'reselect';
export const byIds = weakMapMemoize((ids: string[]) => ids.map(load));`,
    },
    {
      name: 'ramda memoizeWith always has a key function',
      code: `import { memoizeWith } from 'ramda';
export const price = memoizeWith((item) => item.sku, (item: { sku: string }, qty: number) => lookup(item.sku) * qty);`,
    },
    {
      name: 'a function parameter alone is not a signal',
      code: `import moize from 'moize';
export const cachedWrap = moize((handler: () => void) => () => handler());`,
    },
    {
      name: 'a Date under identity keys is not an object or array signal',
      code: `import moize from 'moize';
export const cachedDay = moize((day: Date) => day.getDay());`,
    },
    {
      name: 'an unannotated single parameter',
      code: `import { memoize } from 'lodash';
export const getUser = memoize((user) => user.id);`,
    },
    {
      name: 'options the rule cannot see into',
      code: `import memoize from 'memoize';
import { options } from './options';
export const price = memoize((sku: string, qty: number) => lookup(sku) * qty, options);`,
    },
    {
      name: 'React useMemo and useCallback',
      code: `import { useCallback, useMemo } from 'react';
export function Cart({ items }: { items: Item[] }) {
  const total = useMemo(() => items.reduce((a, b) => a + b.price, 0), [items]);
  const add = useCallback((item: Item) => items.push(item), [items]);
  return [total, add];
}`,
    },
    {
      name: 'a stable value at the call site',
      code: `import moize from 'moize';
const cachedPrice = moize((item: Item) => lookup(item.sku));
export function checkout(item: Item) {
  return cachedPrice(item);
}`,
    },
    {
      name: 'a fresh object passed to a JSON-keyed memoizer',
      code: `import memoize from 'fast-memoize';
const search = memoize((query: { q: string }) => run(query));
export const results = search({ q: 'shoes' });`,
    },
    {
      name: 'a fresh object passed to a memoizer with a resolver',
      code: `import _ from 'lodash';
const price = _.memoize((item) => lookup(item.sku), (item) => item.sku);
export const p = price({ sku: 'a1' });`,
    },
    {
      name: 'a fresh value beyond the first argument of a first-argument memoizer',
      code: `import memoize from 'memoize';
const getUser = memoize((id: string) => load(id));
export const user = getUser('42', { fresh: true });`,
    },
    {
      name: 'checkCallSites: false',
      options: [{checkCallSites: false}],
      code: `import moize from 'moize';
const cachedPrice = moize((sku: string) => lookup(sku));
export const p = cachedPrice({ sku: 'a1' });`,
    },
    {
      name: 'a memoizer that is not in the catalog',
      code: `import memoize from './memoize';
export const add = memoize((a: number, b: number) => a + b);`,
    },
    {
      name: 'a function parameter alone under lodash',
      code: `import _ from 'lodash';
export const once = _.memoize((fn: () => void) => () => fn());`,
    },
    {
      name: 'memoizee length: 1 keeps the second argument out of the key on purpose',
      code: `import memoize from 'memoizee';
const render = memoize((schema: string, config = {}) => compile(schema, config), { length: 1 });
export const html = render('page', { minify: true });`,
    },
    {
      // moize.deep and moize.serialize cases are named `cached…`, so the file is analysed even without the import
      // check: they guard the by-value keying alone.
      name: 'moize.deep keys by value: no JSON-key report on a Date',
      code: `import moize from 'moize';
export const cachedDay = moize.deep((day: Date) => day.toISOString().slice(0, 10));`,
    },
    {
      name: 'moize.serialize keys by value: no JSON-key report on a callback or a Map',
      code: `import moize from 'moize';
export const cachedRun = moize.serialize((task: string, done: () => void, seen: Map<string, number>) => schedule(task, done, seen));`,
    },
    {
      name: 'moize.deep keys by value',
      code: `import moize from 'moize';
export const cachedTotal = moize.deep((order: { lines: number[] }) => sum(order.lines));`,
    },
    {
      name: 'moize.deep: a fresh object at the call site is found by value',
      code: `import moize from 'moize';
const cachedTotal = moize.deep((order: { lines: number[] }) => sum(order.lines));
export const t = cachedTotal({ lines: [1, 2] });`,
    },
    {
      name: 'moize.serialize keys by value',
      code: `import moize from 'moize';
export const cachedSearch = moize.serialize(({ q, page }) => run(q, page));`,
    },
    {
      name: 'moize.serialize: a fresh object at the call site is found by value',
      code: `import moize from 'moize';
const cachedSearch = moize.serialize((query: { q: string; page: number }) => run(query));
export const r = cachedSearch({ q: 'shoes', page: 1 });`,
    },
    {
      name: 'a call of a shadowing local function of the same name is not a call site',
      code: `import memoize from 'memoize';
const price = memoize((sku) => sku);
function f() {
  const price = (x) => x;
  return price({ a: 1 });
}`,
    },
    {
      name: 'a call of a shadowing parameter of the same name is not a call site',
      code: `import memoize from 'memoize';
const price = memoize((sku) => sku);
export function f(price) {
  return price({ a: 1 });
}`,
    },
    {
      name: 'fast-memoize on a local interface of plain data',
      code: `import memoize from 'fast-memoize';
interface Endpoint {
  url: string;
}
export const ping = memoize((e: Endpoint) => fetch(e.url));`,
    },
  ],
  invalid: [
    {
      name: 'memoizing decorators that key a two-argument method on its first argument',
      code: `import { Memoize, MemoizeExpiring } from 'typescript-memoize';
import { Memoize as LodashMemoize } from 'lodash-decorators';
import { memoize } from 'decko';
export class Rates {
  @MemoizeExpiring(60_000)
  rate(base: string, quote: string) { return base + quote; }
  @Memoize({ expiring: 1000 })
  spread(a: string, b: string) { return a + b; }
  @LodashMemoize()
  join(this: Rates, a: string, ...rest: string[]) { return a + rest.join(); }
  @memoize
  label(...parts: string[]) { return parts.join(' '); }
}`,
      errors: [
        { messageId: 'firstArgOnly', data: { library: 'typescript-memoize', param: 'quote' }, line: 5, column: 3, endLine: 5, endColumn: 27 },
        { messageId: 'firstArgOnly', data: { library: 'typescript-memoize', param: 'b' }, line: 7, column: 3 },
        { messageId: 'firstArgOnly', data: { library: 'lodash-decorators Memoize', param: 'rest' }, line: 9, column: 3 },
        { messageId: 'firstArgOnly', data: { library: 'decko', param: 'parts' }, line: 11, column: 3 },
      ],
    },
    {
      name: 'lodash default import, two parameters',
      code: `import _ from 'lodash';
export const add = _.memoize((a: number, b: number) => a + b);`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          line: 2,
          suggestions: [
            {
              messageId: 'useAllArguments',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const add = memoize((a: number, b: number) => a + b);`,
            },
            {
              messageId: 'addResolver',
              output: `import _ from 'lodash';
export const add = _.memoize((a: number, b: number) => a + b, (a, b) => JSON.stringify([a, b]));`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash named import, untyped parameters',
      code: `import { memoize } from 'lodash';
export const add = memoize((a, b) => a + b);`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          line: 2,
          suggestions: [
            {
              messageId: 'useAllArguments',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const add = memoize((a, b) => a + b);`,
            },
          ],
        },
      ],
    },
    {
      // \`clientId\` ends in \`Id\`: an id is data, whatever word comes before it.
      name: 'a left-out parameter whose name only begins like a dependency',
      code: `import { memoize } from 'lodash';
export const quota = memoize((plan, clientId) => fetch('/quota/' + plan + '/' + clientId));`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          data: { library: 'lodash memoize', param: 'clientId' },
          line: 2,
          suggestions: [
            {
              messageId: 'useAllArguments',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const quota = memoize((plan, clientId) => fetch('/quota/' + plan + '/' + clientId));`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash namespace import, a rest parameter',
      code: `import * as _ from 'lodash';
export const join = _.memoize((...parts: string[]) => parts.join('/'));`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          line: 2,
          suggestions: [
            {
              messageId: 'useAllArguments',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const join = memoize((...parts: string[]) => parts.join('/'));`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash through require (CommonJS)',
      filename: 'lib/pricing.js',
      languageOptions: commonjs,
      code: `const _ = require('lodash');
function area(w, h) { return w * h; }
module.exports = _.memoize(area);`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          line: 3,
          suggestions: [
            {
              messageId: 'useAllArguments',
              output: `const { memoize } = require('eslint-plugin-memo-guard/memoize');
function area(w, h) { return w * h; }
module.exports = memoize(area);`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash.memoize',
      code: `import memoize from 'lodash.memoize';
export const price = memoize(function price(sku: string, qty: number) { return lookup(sku) * qty; });`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          line: 2,
          suggestions: [
            {
              messageId: 'useAllArguments',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const price = memoize(function price(sku: string, qty: number) { return lookup(sku) * qty; });`,
            },
            {
              messageId: 'addResolver',
              output: `import memoize from 'lodash.memoize';
export const price = memoize(function price(sku: string, qty: number) { return lookup(sku) * qty; }, (sku, qty) => JSON.stringify([sku, qty]));`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash-es',
      code: `import { memoize } from 'lodash-es';
export const area = memoize((w: number, h: number) => w * h);`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          line: 2,
          suggestions: [
            {
              messageId: 'useAllArguments',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const area = memoize((w: number, h: number) => w * h);`,
            },
            {
              messageId: 'addResolver',
              output: `import { memoize } from 'lodash-es';
export const area = memoize((w: number, h: number) => w * h, (w, h) => JSON.stringify([w, h]));`,
            },
          ],
        },
      ],
    },
    {
      name: 'es-toolkit',
      code: `import { memoize } from 'es-toolkit';
export const area = memoize((w: number, h: number) => w * h);`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          line: 2,
          suggestions: [
            {
              messageId: 'useAllArguments',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const area = memoize((w: number, h: number) => w * h);`,
            },
          ],
        },
      ],
    },
    {
      name: 'memoize (sindresorhus): the suggestion adds cacheKey',
      code: `import memoize from 'memoize';
export const price = memoize((sku: string, qty: number) => lookup(sku) * qty);`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          line: 2,
          suggestions: [
            {
              messageId: 'useAllArguments',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const price = memoize((sku: string, qty: number) => lookup(sku) * qty);`,
            },
            {
              messageId: 'addResolver',
              output: `import memoize from 'memoize';
export const price = memoize((sku: string, qty: number) => lookup(sku) * qty, { cacheKey: (args) => JSON.stringify(args) });`,
            },
          ],
        },
      ],
    },
    {
      name: 'mem, untyped parameters',
      code: `import mem from 'mem';
export const cachedPrice = mem((sku, qty) => lookup(sku) * qty);`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          line: 2,
          suggestions: [
            {
              messageId: 'useAllArguments',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const cachedPrice = memoize((sku, qty) => lookup(sku) * qty);`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash on an object parameter: identity keys',
      code: `import _ from 'lodash';
export const search = _.memoize((query: { q: string; page: number }) => run(query));`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const search = memoize((query: { q: string; page: number }) => run(query), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash on an object and a second parameter: both problems',
      code: `import _ from 'lodash';
export const search = _.memoize((query: { q: string }, page: number) => run(query, page));`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const search = memoize((query: { q: string }, page: number) => run(query, page), { key: 'structural' });`,
            },
          ],
        },
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const search = memoize((query: { q: string }, page: number) => run(query, page), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a local interface under identity keys (read without types)',
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
interface Point {
  x: number;
}
export const norm = memoize((p: Point) => Math.abs(p.x));`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 5,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `interface Point {
  x: number;
}
export const norm = memoize((p: Point) => Math.abs(p.x), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a local intersection of an interface and an object type (read without types)',
      code: `import _ from 'lodash';
interface Paging {
  page: number;
}
type Search = Paging & { q: string };
export const search = _.memoize((query: Search) => run(query));`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 6,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
interface Paging {
  page: number;
}
type Search = Paging & { q: string };
export const search = memoize((query: Search) => run(query), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'memoizee: a default parameter is left out of the key',
      code: `import memoize from 'memoizee';
export const render = memoize((schema, config = {}) => compile(schema, config));`,
      output: null,
      errors: [
        {
          messageId: 'fnLengthKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const render = memoize((schema, config = {}) => compile(schema, config), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'memoizee with options: a rest parameter is left out of the key',
      code: `import memoize from 'memoizee';
export const join = memoize((sep: string, ...parts: string[]) => parts.join(sep), { max: 100 });`,
      output: null,
      errors: [
        {
          messageId: 'fnLengthKey',
          line: 2,
        },
      ],
    },
    {
      name: 'memoizee on an array parameter',
      code: `import memoize from 'memoizee';
export const total = memoize((items: number[]) => items.reduce((a, b) => a + b, 0));`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const total = memoize((items: number[]) => items.reduce((a, b) => a + b, 0), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'moize on a destructured object',
      code: `import moize from 'moize';
export const cachedPrice = moize(({ sku, qty }) => lookup(sku) * qty);`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const cachedPrice = memoize(({ sku, qty }) => lookup(sku) * qty, { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'moize.infinite on a tuple',
      code: `import moize from 'moize';
export const cachedDistance = moize.infinite((point: [number, number]) => Math.hypot(point[0], point[1]));`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const cachedDistance = memoize((point: [number, number]) => Math.hypot(point[0], point[1]), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'micro-memoize on Array<T>',
      code: `import memoize from 'micro-memoize';
export const names = memoize((users: Array<User>) => users.map((u) => u.name), { maxSize: Infinity });`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
        },
      ],
    },
    {
      name: 'micro-memoize on an array destructuring',
      code: `import { memoize } from 'micro-memoize';
export const sum = memoize(([a, b]) => a + b);`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const sum = memoize(([a, b]) => a + b, { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'nano-memoize on a Record',
      code: `import nanomemoize from 'nano-memoize';
export const count = nanomemoize((counts: Record<string, number>) => Object.keys(counts).length);`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const count = memoize((counts: Record<string, number>) => Object.keys(counts).length, { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'memize on an object default value',
      code: `import memize from 'memize';
export const cachedFormat = memize((options = { locale: 'en' }) => format(options));`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const cachedFormat = memoize((options = { locale: 'en' }) => format(options), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'this package\'s memoize with the default identity key',
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const search = memoize((filter: { q: string }) => run(filter));`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `export const search = memoize((filter: { q: string }) => run(filter), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'fast-memoize on a callback parameter',
      code: `import memoize from 'fast-memoize';
export const run = memoize((task: string, done: () => void) => schedule(task, done));`,
      output: null,
      errors: [
        {
          messageId: 'jsonKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const run = memoize((task: string, done: () => void) => schedule(task, done), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'fast-memoize on a Date',
      code: `import memoize from 'fast-memoize';
export const format = memoize((day: Date) => day.toISOString().slice(0, 10));`,
      output: null,
      errors: [
        {
          messageId: 'jsonKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const format = memoize((day: Date) => day.toISOString().slice(0, 10), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'fast-memoize on an optional parameter',
      code: `import memoize from 'fast-memoize';
export const greet = memoize((name: string, title?: string) => (title ? title + ' ' : '') + name);`,
      output: null,
      errors: [
        {
          messageId: 'jsonKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const greet = memoize((name: string, title?: string) => (title ? title + ' ' : '') + name, { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'fast-memoize on a default of undefined',
      code: `import memoize from 'fast-memoize';
export const greet = memoize((name, title = undefined) => (title ? title + ' ' : '') + name);`,
      output: null,
      errors: [
        {
          messageId: 'jsonKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const greet = memoize((name, title = undefined) => (title ? title + ' ' : '') + name, { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'fast-memoize on a Map (CommonJS)',
      filename: 'lib/pricing.js',
      languageOptions: commonjs,
      code: `const memoize = require('fast-memoize');
exports.size = memoize((index) => index.size);
exports.keys = memoize((index = new Map()) => [...index.keys()]);`,
      output: null,
      errors: [
        {
          messageId: 'jsonKey',
          line: 3,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `const memoize = require('fast-memoize');
const { memoize: boundedMemoize } = require('eslint-plugin-memo-guard/memoize');
exports.size = memoize((index) => index.size);
exports.keys = boundedMemoize((index = new Map()) => [...index.keys()], { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a fresh object literal at the call site',
      code: `import moize from 'moize';
const cachedPrice = moize((sku: string, qty: number) => lookup(sku) * qty);
export const p = cachedPrice({ sku: 'a1' }, 2);`,
      output: null,
      errors: [
        {
          messageId: 'freshArgumentOneEntry', // moize keeps one entry by default: the fresh value replaces it
          line: 3,
        },
      ],
    },
    {
      name: 'a fresh array literal at the call site',
      code: `import memoizeOne from 'memoize-one';
const total = memoizeOne((items) => items.length);
export const n = total([1, 2, 3]);`,
      output: null,
      errors: [
        {
          // memoize-one keeps one entry: the fresh array replaces it rather than adding one.
          messageId: 'freshArgumentOneEntry',
          data: { kind: 'array literal', name: 'total', library: 'memoize-one' },
          line: 3,
          column: 24,
        },
      ],
    },
    {
      name: 'an inline function at the call site',
      code: `import { weakMapMemoize } from 'reselect';
const wrap = weakMapMemoize((fn) => () => fn());
export const handler = wrap(() => 42);`,
      output: null,
      errors: [
        {
          messageId: 'freshArgument',
          line: 3,
        },
      ],
    },
    {
      name: 'a fresh object as the keyed first argument of a first-argument memoizer',
      code: `import memoize from 'memoize';
const getUser = memoize((id: string) => load(id));
export const user = getUser({ id: '42' });`,
      output: null,
      errors: [
        {
          messageId: 'freshArgument',
          line: 3,
        },
      ],
    },
    {
      name: 'a memoized class field called through this',
      code: `import moize from 'moize';
export class Prices {
  cachedLookup = moize((sku: string) => lookup(sku));
  total() { return this.cachedLookup({ sku: 'a1' }); }
}`,
      output: null,
      errors: [
        {
          messageId: 'freshArgumentOneEntry', // moize keeps one entry by default: the fresh value replaces it
          line: 4,
        },
      ],
    },
    {
      name: 'a resolver-less lodash call whose first argument is a fresh object',
      code: `import _ from 'lodash';
const price = _.memoize((item: { sku: string }) => lookup(item.sku));
export function checkout() {
  return price({ sku: 'a1' });
}`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const price = memoize((item: { sku: string }) => lookup(item.sku), { key: 'structural' });
export function checkout() {
  return price({ sku: 'a1' });
}`,
            },
          ],
        },
        {
          messageId: 'freshArgument',
          line: 4,
        },
      ],
    },
    {
      name: 'a memoized function declared in a nested scope',
      code: `import moize from 'moize';
export function render(rows: string[]) {
  const cachedRow = moize((row: string) => row.trim());
  return rows.map((row) => cachedRow({ row }));
}`,
      output: null,
      errors: [
        {
          messageId: 'freshArgumentOneEntry', // moize keeps one entry by default: the fresh value replaces it
          line: 4,
        },
      ],
    },
    {
      name: 'memoizee keys fn.length arguments: only the first fresh argument is reported',
      code: `import memoize from 'memoizee';
const render = memoize((schema, config = {}) => compile(schema, config), { max: 10 });
export const html = render({ type: 'page' }, { minify: true });`,
      output: null,
      errors: [
        {
          messageId: 'fnLengthKey',
          line: 2,
        },
        {
          messageId: 'freshArgument',
          line: 3,
        },
      ],
    },
    {
      name: 'moize with isDeepEqual: false still keys by identity',
      code: `import moize from 'moize';
export const cachedTotal = moize((order: { lines: number[] }) => order.lines.length, { isDeepEqual: false, maxSize: Infinity });`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
        },
      ],
    },
    {
      name: 'a method memoized in the constructor',
      code: `import memoize from 'lodash/memoize';
export class Pricing {
  constructor() {
    this.quote = memoize(this.quote);
  }
  quote(sku, qty) {
    return lookup(sku) * qty;
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          line: 4,
          suggestions: [
            {
              messageId: 'useAllArguments',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export class Pricing {
  constructor() {
    this.quote = memoize(this.quote);
  }
  quote(sku, qty) {
    return lookup(sku) * qty;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a readonly array under the default identity key',
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const total = memoize((items: readonly number[]) => items.length);`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `export const total = memoize((items: readonly number[]) => items.length, { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a fresh object passed to a reselect selector',
      code: `import { createSelector } from 'reselect';
const selectTotal = createSelector([(state) => state.items], (items) => items.length);
export const total = selectTotal({ items: [] });`,
      output: null,
      errors: [
        {
          messageId: 'freshArgument',
          line: 3,
        },
      ],
    },
    {
      name: 'plain names: a file that imports only mem',
      code: `import mem from 'mem';
export const price = mem((sku, qty) => lookup(sku) * qty);`,
      output: null,
      errors: [
        {
          messageId: 'firstArgOnly',
          line: 2,
          suggestions: [
            {
              messageId: 'useAllArguments',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const price = memoize((sku, qty) => lookup(sku) * qty);`,
            },
          ],
        },
      ],
    },
    {
      name: 'plain names: a file that imports only moize',
      code: `import moize from 'moize';
export const price = moize(({ sku, qty }) => lookup(sku) * qty);`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const price = memoize(({ sku, qty }) => lookup(sku) * qty, { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'plain names: a file that imports only memize',
      code: `import memize from 'memize';
export const format = memize((options = { locale: 'en' }) => render(options));`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const format = memoize((options = { locale: 'en' }) => render(options), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'plain names: a fresh object at a moize call site',
      code: `import moize from 'moize';
const price = moize((sku: string, qty: number) => lookup(sku) * qty);
export const p = price({ sku: 'a1' }, 2);`,
      output: null,
      errors: [
        {
          messageId: 'freshArgumentOneEntry', // moize keeps one entry by default: the fresh value replaces it
          line: 3,
        },
      ],
    },
    {
      name: 'the memoized function is still called at module level next to a shadowing local',
      code: `import memoize from 'memoize';
const price = memoize((sku) => sku);
function f() {
  const price = (x) => x;
  return price({ a: 1 });
}
export const p = price({ a: 1 });`,
      output: null,
      errors: [
        {
          messageId: 'freshArgument',
          line: 7,
        },
      ],
    },
    {
      name: 'fast-memoize on a class declared in the file',
      code: `import memoize from 'fast-memoize';
class Endpoint {
  constructor(readonly url: string) {}
}
export const ping = memoize((e: Endpoint) => fetch(e.url));`,
      output: null,
      errors: [
        {
          messageId: 'jsonKey',
          line: 5,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
class Endpoint {
  constructor(readonly url: string) {}
}
export const ping = memoize((e: Endpoint) => fetch(e.url), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
  ],
});

/** Cases that need the type checker: most import from tests/fixtures/typed/types.ts. */
const typedCases: { valid: ValidTestCase<Options>[]; invalid: InvalidTestCase<MessageIds, Options>[] } = {
  valid: [
    {
      name: 'typed: an imported function of one primitive',
      code: `import _ from 'lodash';
import { formatUser } from './types';
export const label = _.memoize(formatUser);`,
    },
    {
      name: 'typed: a type alias of a primitive',
      code: `import moize from 'moize';
type UserId = string;
export const cachedUser = moize((id: UserId) => load(id));`,
    },
    {
      name: 'typed: fast-memoize on an interface of plain data',
      code: `import memoize from 'fast-memoize';
import type { Filter } from './types';
export const search = memoize((filter: Filter) => run(filter));`,
    },
  ],
  invalid: [
    {
      name: 'typed: an interface parameter under identity keys',
      code: `import _ from 'lodash';
import type { Filter } from './types';
export const search = _.memoize((filter: Filter) => run(filter));`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 3,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import type { Filter } from './types';
export const search = memoize((filter: Filter) => run(filter), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: an array type alias under identity keys',
      code: `import moize from 'moize';
import type { Ids } from './types';
export const cachedUsers = moize.infinite((ids: Ids) => ids.map(load));`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 3,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import type { Ids } from './types';
export const cachedUsers = memoize((ids: Ids) => ids.map(load), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: an imported function taking an interface',
      code: `import nanomemoize from 'nano-memoize';
import { countTags } from './types';
export const cachedCount = nanomemoize(countTags);`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 3,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import { countTags } from './types';
export const cachedCount = memoize(countTags, { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: a class instance under JSON keys',
      code: `import memoize from 'fast-memoize';
import { Money } from './types';
export const format = memoize((money: Money) => money.amount.toFixed(2) + ' ' + money.currency);`,
      output: null,
      errors: [
        {
          messageId: 'jsonKey',
          line: 3,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import { Money } from './types';
export const format = memoize((money: Money) => money.amount.toFixed(2) + ' ' + money.currency, { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: an imported function taking a Date under JSON keys',
      code: `import memoize from 'fast-memoize';
import { formatDay } from './types';
export const day = memoize(formatDay);`,
      output: null,
      errors: [
        {
          messageId: 'jsonKey',
          line: 3,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import { formatDay } from './types';
export const day = memoize(formatDay, { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: an intersection type alias under micro-memoize',
      code: `import memoize from 'micro-memoize';
import type { Query } from './types';
export const search = memoize((query: Query) => run(query), { maxSize: Infinity });`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 3,
        },
      ],
    },
    {
      name: 'typed: an intersection type alias under this package\'s default identity key',
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import type { Query } from './types';
export const search = memoize((query: Query) => run(query));`,
      output: null,
      errors: [
        {
          messageId: 'identityKey',
          line: 3,
          suggestions: [
            {
              messageId: 'useStructuralKey',
              output: `import type { Query } from './types';
export const search = memoize((query: Query) => run(query), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
  ],
};

describe('with type information', () => {
  typedRuleTester.run(ruleId, rule, typedCases);
});

describeTypesFindMore(ruleId, rule, typedCases, 'types-only');

/**
 * A memoized function another file of the project exports, called here with a fresh object: found
 * through an `import` and through a top-level `require` alike (CommonJS projects bind it that way).
 * The files are written to a scratch folder, because the project analysis reads the other file from disk.
 */
describe('calls of a memoized function another file exports', () => {
  const money = "const memoize = require('lodash/memoize');\nexports.formatMoney = memoize((money) => `${money.amount} ${money.currency}`);\nexports.amountOf = (money) => money.amount;\n";
  const call = "function show(amount) { return formatMoney({ amount, currency: 'EUR' }); }\nmodule.exports = show;\n";
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-imported-'));
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "shop" }\n');
    writeFileSync(path.join(dir, 'money.js'), money);
    writeFileSync(path.join(dir, 'format-money.js'), "const memoize = require('lodash/memoize');\nmodule.exports = memoize((money) => `${money.amount} ${money.currency}`);\n");
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function lintFile(name: string, code: string): Linter.LintMessage[] {
    writeFileSync(path.join(dir, name), code);
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const sourceType = name.endsWith('.mjs') ? 'module' : 'commonjs';
    return linter.verify(
      code,
      {
        files: ['**/*.js', '**/*.mjs'],
        languageOptions: { sourceType },
        plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
        rules: { [`memo-guard/${ruleId}`]: 'error' },
      },
      path.join(dir, name),
    );
  }
  const found = (messages: Linter.LintMessage[]) => messages.map((m) => ({ line: m.line, column: m.column, messageId: m.messageId }));
  const fresh = [{ line: 2, column: 44, messageId: 'freshArgument' }];

  it.each([
    ['an import', 'show.mjs', "import { formatMoney } from './money.js';"],
    ['a destructuring require', 'show.js', "const { formatMoney } = require('./money');"],
    ['a require of one export', 'show-one.js', "const formatMoney = require('./money').formatMoney;"],
    ['a require of a module that is the memoized function', 'show-whole.js', "const formatMoney = require('./format-money');"],
  ])('through %s', (_how, name, head) => {
    const messages = lintFile(name, `${head}\n${call}`);
    expect(found(messages)).toEqual(fresh);
    expect(messages[0]?.message).toContain('memoized `formatMoney`');
  });

  it.each([
    ['a namespace import', 'ns.mjs', "import * as money from './money.js';"],
    ['a require of the whole module', 'ns.js', "const money = require('./money');"],
  ])('through %s: money.formatMoney({ … })', (_how, name, head) => {
    const code = `${head}\nfunction show(amount) { return money.formatMoney({ amount, currency: 'EUR' }) + money.amountOf({ amount }); }\nmodule.exports = show;\n`;
    const messages = lintFile(name, code);
    expect(found(messages)).toEqual([{ line: 2, column: 50, messageId: 'freshArgument' }]);
    expect(messages[0]?.message).toContain('memoized `money.formatMoney`');
  });

  it('not a member call on another object that happens to have the same method name', () => {
    const code = `const money = require('./money');\nfunction show(fmt, amount) { return fmt.formatMoney({ amount, currency: 'EUR' }); }\nmodule.exports = show;\n`;
    expect(lintFile('other.js', code)).toEqual([]);
  });

  it('not a local function of the same name that shadows the required one', () => {
    const code = `const { formatMoney } = require('./money');\nfunction show(formatMoney) { return formatMoney({ amount: 1, currency: 'EUR' }); }\nmodule.exports = show;\n`;
    expect(lintFile('shadow.js', code)).toEqual([]);
  });
});

describe('options schema', () => {
  it('accepts its documented option', () => {
    expect(lintWithRule(ruleId, rule, 'export {};', { ruleOptions: [{ checkCallSites: false }] })).toHaveLength(0);
  });
  it('rejects a checkCallSites that is not a boolean', () => {
    expect(() => lintWithRule(ruleId, rule, 'export {};', { ruleOptions: [{ checkCallSites: 'no' }] })).toThrow(/no-unhashable-args[\s\S]*"no" should be boolean/);
  });
  it('rejects an unknown option and names it and the known one', () => {
    expect(() => lintWithRule(ruleId, rule, 'export {};', { ruleOptions: [{ callSites: false }] })).toThrow(/Unexpected property "callSites"\. Expected properties: "checkCallSites"/);
  });
});

/**
 * The shapes of SonarJS's `memoize-cache-key` (S8932) suite, written afresh: a first-argument
 * memoizer on a function of several arguments is flagged; one with a resolver, or of one argument,
 * is not. A TypeScript `this` parameter is not an argument, and `undefined` / `null` in the
 * resolver's place is no resolver.
 */
describe('peer suite shapes (SonarJS memoize-cache-key)', () => {
  const noncompliant: readonly (readonly [string, string, number, string])[] = [
    ['two parameters, no resolver', `import _ from 'lodash';\nexport const fmt = _.memoize((amount: number, currency: string) => \`\${amount} \${currency}\`);`, 20, 'currency'],
    ['a declared function of two parameters', `import memoize from 'lodash/memoize';\nfunction area(w: number, h: number) { return w * h; }\nexport const cachedArea = memoize(area);`, 27, 'h'],
    ['`this` and two real parameters', `import _ from 'lodash';\nfunction price(this: Intl.NumberFormat, amount: number, currency: string) { return this.format(amount) + currency; }\nexport const cached = _.memoize(price);`, 23, 'currency'],
    ['an explicit undefined resolver', `import _ from 'lodash';\nexport const add = _.memoize((a: number, b: number) => a + b, undefined);`, 20, 'b'],
    ['an explicit null resolver', `import { memoize } from 'lodash-es';\nexport const add = memoize((a: number, b: number) => a + b, null);`, 20, 'b'],
    ['void 0 as resolver', `import memoize from 'lodash.memoize';\nexport const join = memoize((a: string, b: string) => a + b, void 0);`, 21, 'b'],
  ];
  const compliant: readonly (readonly [string, string])[] = [
    ['a `this` parameter and one argument', `import _ from 'lodash';\nfunction price(this: Intl.NumberFormat, amount: number) { return this.format(amount); }\nexport const cached = _.memoize(price);`],
    ['a `this` parameter on an inline function', `import _ from 'lodash';\nexport const cached = _.memoize(function (this: Intl.NumberFormat, amount: number) { return this.format(amount); });`],
    ['a resolver over both arguments', `import _ from 'lodash';\nexport const add = _.memoize((a: number, b: number) => a + b, (a: number, b: number) => \`\${a}|\${b}\`);`],
    ['one parameter', `import _ from 'lodash';\nexport const len = _.memoize((s: string) => s.length);`],
    ['one parameter and an undefined resolver', `import _ from 'lodash';\nexport const len = _.memoize((s: string) => s.length, undefined);`],
    ['no parameters', `import memoize from 'lodash/memoize';\nexport const now = memoize(() => Date.now());`],
  ];

  it.each(noncompliant)('flags: %s', (_name, code, column, param) => {
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => ({ messageId: m.messageId, column: m.column }))).toEqual([{ messageId: 'firstArgOnly', column }]);
    expect(messages[0]?.message).toContain(`\`${param}\``);
  });

  it.each(compliant)('does not flag: %s', (_name, code) => {
    expect(lintWithRule(ruleId, rule, code)).toEqual([]);
  });
});

describe('an in-house memoizer whose key function and store are options with defaults', () => {
  // The `withMemo(fn, { getKey = (arg) => arg, cache = new Map() } = {})` helper real code writes.
  const code = `export const withMemo = (originFn, { getKey = (arg) => arg, cache = new Map() } = {}) => {
  return (arg) => {
    const cacheKey = getKey(arg);
    if (!cache.has(cacheKey)) cache.set(cacheKey, originFn(arg));
    return cache.get(cacheKey);
  };
};
export const price = withMemo(({ sku, qty }) => sku.length * qty);
export const total = withMemo(({ sku, qty }) => sku.length * qty, { getKey: ({ sku, qty }) => sku + ':' + qty });
export const label = withMemo((id) => '#' + id);
export function cart(items) {
  return items.map((i) => price({ sku: i.sku, qty: i.qty }) + total({ sku: i.sku, qty: i.qty }) + label(i.id));
}`;
  it('keys on the first argument by identity unless the caller passes getKey', () => {
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ['identityKey', 8, 22],
      ['freshArgument', 12, 33],
    ]);
    expect(messages[0]?.message).toBe(
      '`withMemo` (an in-house memoizer) keys `{ sku, qty }` by identity, so each call with an equal but new object or array misses and adds an entry; key by value with a resolver or structural keys.',
    );
  });
});

describe('memoizee in primitive mode', () => {
  // `primitive: true` keys on String() of each argument: f({ a: 1 }) and f({ a: 2 }) share one entry.
  const code = `import memoize from 'memoizee';
export const priceOf = memoize(({ sku, qty }: { sku: string; qty: number }) => sku.length * qty, { primitive: true });
export const total = memoize((ids: string[]) => ids.length, { primitive: true });
export const label = memoize((id: string, locale: string) => id + locale, { primitive: true });
export const byValue = memoize(({ sku }: { sku: string }) => sku, { primitive: true, normalizer: (args) => JSON.stringify(args[0]) });
export const byIdentity = memoize(({ sku }: { sku: string }) => sku, { primitive: false });
export function cart() {
  return priceOf({ sku: 'a', qty: 1 }) + label('a', 'en');
}
// Primitive mode still keys on fn.length arguments: \`opts\` is left out (this case was once listed as valid).
export const price = memoize((sku, opts = {}) => lookup(sku, opts), { primitive: true });`;
  // An array of strings keys by its joined elements: by value, as intended (\`total\`).
  it('reports object parameters, not arrays, strings, a normalizer, or primitive: false', () => {
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ['stringKey', 2, 24],
      ['identityKey', 6, 27],
      ['fnLengthKey', 11, 22],
    ]);
    expect(messages[0]?.message).toBe(
      'memoizee keys on String() of each argument, and `{ sku, qty }` is an object (String() makes every plain object `[object Object]`), so different calls share one result; use a `normalizer` that keys by value, or structural keys.',
    );
  });
});

describe('uses of a memoizePromise helper that takes the resolver from its caller', () => {
  const code = `import memoize from 'lodash/memoize';
${memoizePromiseHelper({ exported: true })}
export const getPair = memoizePromise(async (a: string, b: string) => api.pair(a, b), (a, b) => a + ':' + b);
export const getOrg = memoizePromise(async (a: string, b: string) => api.org(a, b));`;
  it('keys on the first argument unless the caller passes a resolver', () => {
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['firstArgOnly', 14, 23]]);
    expect(messages[0]?.message).toBe(
      'lodash memoize (through `memoizePromise`) keys on the first argument only, so calls that differ only in `b` return the result of the first call; key on every argument.',
    );
  });
});

describe('memoizee keys on fn.length arguments, checked against memoizee itself', () => {
  // Each parameter list is run under the real memoizee with calls whose arguments all differ: memoizee keeps one
  // entry exactly when fn.length is 0, and leaves out of the key every parameter from the first default or rest.
  const lists = ['(terms = [])', '(...parts)', '(a, b = 1)', '(a, b = 1, c)', '(a, ...rest)', '(a, b)', '({ a } = {})', '(a = 0, b)'];
  const runtimeRuns = async (params: string): Promise<{ runs: number; length: number }> => {
    const { default: memoizee } = await import('memoizee');
    let runs = 0;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the parameter list under test, as real JS
    const make = new Function('count', `return ${params} => count();`) as (count: () => number) => (...args: unknown[]) => unknown;
    const fn = make(() => (runs += 1));
    const memoized = memoizee(fn);
    for (let i = 0; i < 20; i += 1) memoized({ i }, { i }, { i });
    return { runs, length: fn.length };
  };
  for (const params of lists) {
    it(`${params}: the rule's message matches what memoizee does`, async () => {
      const { runs, length } = await runtimeRuns(params);
      const code = `import memoizee from 'memoizee';
export const f = memoizee(${params} => run(${params.replace(/[()]/g, '').replace(/\s*=\s*[^,]+/g, '').replace(/\.\.\./g, '').replace(/[{}]/g, '')}));`;
      const ids = lintWithRule(ruleId, rule, code).map((m) => m.messageId);
      const unbounded = lintWithRule('no-unbounded-memoize', unboundedRule, code).length;
      if (length === 0) {
        expect(runs).toBe(1);
        expect(ids).toContain('fnLengthOneEntry');
        expect(unbounded).toBe(0);
      } else {
        expect(runs).toBe(20);
        expect(ids).not.toContain('fnLengthOneEntry');
        expect(ids.includes('fnLengthKey')).toBe(length < params.split(',').length);
        expect(unbounded).toBe(1);
      }
    });
  }
  it('names the first parameter and says every call returns the first result', () => {
    const messages = lintWithRule(ruleId, rule, `import memoizee from 'memoizee';
export const highlight = memoizee((terms = []) => new RegExp(terms.join('|')));`);
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['fnLengthOneEntry', 2]]);
    expect(messages[0]?.message).toBe(
      'memoizee keys on `fn.length` arguments, and the first parameter `terms` has a default or is a rest parameter, so `fn.length` is 0: it keeps one entry and every call returns the result of the first call, whatever its arguments; set `length` or a `normalizer`.',
    );
  });
  it('a `length` or `normalizer` option keys as the option says: neither one entry nor reported', () => {
    const code = `import memoizee from 'memoizee';
export const a = memoizee((terms = []) => terms.join(), { length: 1 });
export const b = memoizee((...parts) => parts.join(), { normalizer: (args) => args.join() });`;
    expect(lintWithRule(ruleId, rule, code)).toEqual([]);
    expect(lintWithRule('no-unbounded-memoize', unboundedRule, code).map((m) => m.line)).toEqual([2, 3]);
  });
});

describe("React's cache(): per request, every argument compared by identity, and not reported", () => {
  const code = `import { cache } from 'react';
import * as React from 'react';
type Slug = { org: string; slug: string };
export const getPage = cache(async (params: { org: string; slug: string }) => db.page.find(params));
export const getTeam = React.cache(async ({ org }: Slug) => db.team.find(org));
export const getUser = cache(async (id: string, locale: string) => db.user.find(id, locale));
export async function Page() {
  return [await getUser('u1', 'en'), await getPage({ org: 'a', slug: 'b' })];
}`;
  // A per-request cache is usually called once per request for a given value: an identity miss costs
  // at most one repeated call within the request. Judged on real code, every such report (12 of 12 over
  // 42 repositories) was a false alarm; the same shapes under a process-wide memoizer are reported.
  it('reports neither object parameters nor fresh literals at calls', () => {
    expect(lintWithRule(ruleId, rule, code)).toEqual([]);
    expect(lintWithRule(ruleId, rule, code.replace("import { cache } from 'react';", "import cache from 'lodash/memoize';").replace('React.cache(', 'cache(')).map((m) => [m.messageId, m.line])).toEqual([
      ['identityKey', 4],
      ['identityKey', 5],
      ['firstArgOnly', 6],
      ['freshArgument', 8],
    ]);
  });
  it('a file importing only hooks from react is not a memoizer file', () => {
    expect(lintWithRule(ruleId, rule, `import { useMemo } from 'react';\nexport const f = (a: { x: number }) => useMemo(() => a.x, [a]);`)).toEqual([]);
  });
});

/**
 * React's cache() is there to share one call among the components of one render. Called with a new
 * object literal from two or more components or pages (functions of .tsx/.jsx files), every call of
 * that render misses: reported at the cached function, with where the calls are. One such call, or
 * calls from route handlers and actions (.ts files, each its own request), cost nothing and stay quiet.
 */
describe("React's cache() called with new object literals from several components", () => {
  const data = `import { cache } from 'react';
import { db } from './db';
export const getCourse = cache(async (params: { slug: string; lang: string }) => db.find(params));
export const getOrg = cache(async (params: { slug: string }) => db.org(params.slug));
export const getLesson = cache(async (slug: string, lang: string) => db.lesson(slug, lang));
export const getChapter = cache(async (params: { slug: string }) => db.chapter(params.slug));
export const getSession = cache(async (opts?: { redirect: boolean }) => db.session(opts));
export const getPub = cache(async (params: { id: string; userId?: string }) => db.pub(params));
export const canEdit = cache(async (params: { org: string; action: string }) => db.allowed(params));
`;
  const page = `import { getCourse, getOrg, getLesson } from '../data/courses';
export async function generateMetadata({ params }: { params: { slug: string; lang: string } }) {
  const course = await getCourse({ slug: params.slug, lang: params.lang });
  return { title: course.title };
}
export default async function Page({ params }: { params: { slug: string; lang: string } }) {
  const [course, org] = await Promise.all([getCourse({ slug: params.slug, lang: params.lang }), getOrg({ slug: params.slug })]);
  const lesson = await getLesson(params.slug, params.lang);
  return <main>{course.title}{org.name}{lesson.title}</main>;
}
`;
  // Two functions of one page pass literals of different fields: they would miss whatever the keying.
  const pubPage = `import { getPub, getSession } from '../../data/courses';
export async function generateMetadata({ params }: { params: { id: string } }) {
  return { title: (await getPub({ id: params.id })).title };
}
export default async function Page({ params }: { params: { id: string } }) {
  const { user } = await getSession({ redirect: true });
  return <article>{(await getPub({ id: params.id, userId: user.id })).title}</article>;
}
`;
  const signUpPage = `import { getSession } from '../../data/courses';
export default async function SignUp() {
  const { user } = await getSession({ redirect: false });
  return <form>{user?.name}</form>;
}
`;
  const action = (verb: string, from = 'courses') => `import { canEdit } from '../data/${from}';
export async function ${verb}Button({ org }: { org: string }) {
  return (await canEdit({ org, action: '${verb}' })) ? <button>${verb}</button> : null;
}
`;
  const header = `import { getLesson } from '../data/courses';
export async function Header({ slug, lang }: { slug: string; lang: string }) {
  const lesson = await getLesson(slug, lang);
  return <h1>{lesson.title}</h1>;
}
`;
  const routeA = `import { getChapter } from '../../data/courses';
export async function GET(req: Request) {
  const slug = new URL(req.url).searchParams.get('slug') ?? '';
  return Response.json(await getChapter({ slug }));
}
`;
  const project = projectOnDisk('react-cache', () => ({
    'package.json': '{ "name": "site", "dependencies": { "next": "^15.0.0", "react": "^19.0.0" } }\n',
    'data/db.ts': 'export const db = {} as any;\n',
    'data/courses.ts': data,
    'app/page.tsx': page,
    'app/header.tsx': header,
    'api/a/route.ts': routeA,
    'api/b/route.ts': routeA,
    // The same data module, imported by a page that passes the route's params object itself.
    'data/lessons.ts': data,
    'app/other.tsx': page.replace('../data/courses', '../data/lessons').replaceAll('getCourse({ slug: params.slug, lang: params.lang })', 'getCourse(params)'),
    'app/pub/page.tsx': pubPage,
    'app/signup/page.tsx': signUpPage,
    'components/edit-button.tsx': action('Edit'),
    'components/delete-button.tsx': action('Delete'),
    // The same module again, whose canEdit three component files call.
    'data/actions.ts': data,
    'components/edit-action.tsx': action('Edit', 'actions'),
    'components/delete-action.tsx': action('Delete', 'actions'),
    'components/publish-action.tsx': action('Publish', 'actions'),
  }));
  const lintData = (file = 'data/courses.ts'): Linter.LintMessage[] => lintInDir(ruleId, rule, project.dir(), file, data);

  // getCourse: a new literal in generateMetadata and in the page body (two functions of one page, one
  // render). getOrg: one component only. getLesson: primitives. getChapter: two API routes, each its own request.
  it('reports a cached function two component functions call with new object literals; not one call, primitives, or route handlers', () => {
    const messages = lintData();
    expect(messages.map((m) => ({ line: m.line, column: m.column, messageId: m.messageId }))).toEqual([{ line: 3, column: 26, messageId: 'renderRepeatedMiss' }]);
    expect(messages[0]?.message).toBe(
      'React cache() compares arguments by identity, and 2 components or pages call `getCourse` with a new object literal (app/page.tsx:3, app/page.tsx:7): when they render for the same request, each call misses and runs it again; pass primitives and build the object inside.',
    );
  });

  // getSession: one call per page, in two pages (two routes, never one render). getPub: the two
  // functions of one page pass different fields. canEdit: two component files, not yet three.
  it('is quiet for literals in different pages, literals of different fields, and two component files', () => {
    expect(lintData().map((m) => m.message)).toEqual([expect.stringContaining('call `getCourse`')]);
  });

  it('reports a cached function three component files call with literals of the same fields', () => {
    const messages = lintData('data/actions.ts');
    expect(messages.map((m) => ({ line: m.line, column: m.column, messageId: m.messageId }))).toEqual([{ line: 9, column: 24, messageId: 'renderRepeatedMiss' }]);
    expect(messages[0]?.message).toMatch(/^React cache\(\) compares arguments by identity, and 3 components or pages call `canEdit` with a new object literal \(components\/\w+-action\.tsx:3, components\/\w+-action\.tsx:3, …\)/);
  });

  it('is quiet when the components pass the one object they were given instead', () => {
    expect(lintData('data/lessons.ts')).toEqual([]);
  });
});

describe('in-house memoizers keyed by a WeakMap, nested stores or a JSON text of some arguments', () => {
  it('a WeakMap closure keyed on its first argument, wrapping a two-parameter function', () => {
    const code = `function once(fn) {
  const seen = new WeakMap();
  return function (first, ...others) {
    if (seen.has(first)) return seen.get(first);
    const value = fn.apply(null, arguments);
    seen.set(first, value);
    return value;
  };
}
export const describeRow = once(function (row, view) {
  return { label: row.title, wide: view.width > 800 };
});
export const labelOf = once((row) => ({ label: row.title }));
export const first = labelOf({ title: 'a' });`;
    const messages = lintWithRule(ruleId, rule, code);
    // The object parameter is the intended key of a WeakMap (no identityKey); a fresh literal at a call still misses.
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([
      ['firstArgOnly', 10],
      ['freshArgument', 14],
    ]);
    expect(messages[0]?.message).toContain('calls that differ only in `view` return the result of the first call');
  });
  it('nested stores key on every argument they index; a closure naming a third parameter it does not key leaves it out on purpose', () => {
    const code = `function memoTwo(fn) {
  const outer = new WeakMap();
  return function (a, b) {
    let inner = outer.get(a);
    if (!inner) {
      inner = new WeakMap();
      outer.set(a, inner);
    }
    if (!inner.has(b)) inner.set(b, fn(a, b));
    return inner.get(b);
  };
}
function memoThree(fn) {
  const top = new WeakMap();
  return function (a, b, c) {
    let middle = top.get(a);
    if (!middle) {
      middle = new WeakMap();
      top.set(a, middle);
      const leaf = new WeakMap();
      middle.set(b, leaf);
      const value = fn(a, b, c);
      leaf.set(c, value);
      return value;
    }
    return middle.get(b)?.get(c);
  };
}
function memoTwoOfThree(fn) {
  const top = new WeakMap();
  return function (a, b, c) {
    let middle = top.get(a);
    if (!middle) {
      middle = new WeakMap();
      top.set(a, middle);
    }
    if (!middle.has(b)) middle.set(b, fn(a, b, c));
    return middle.get(b);
  };
}
export const pair = memoTwo((schema, ctx) => build(schema, ctx));
export const triple = memoThree((schema, ctx, info) => build(schema, ctx, info));
export const partial = memoTwoOfThree((schema, ctx, info) => build(schema, ctx, info));`;
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages).toEqual([]);
  });
  it('a two-level store behind a two-parameter closure drops a third argument the wrapped function takes', () => {
    const code = `function memoTwo(fn) {
  const outer = new Map();
  return function (a, b) {
    let inner = outer.get(a);
    if (!inner) {
      inner = new Map();
      outer.set(a, inner);
    }
    if (!inner.has(b)) inner.set(b, fn(a, b));
    return inner.get(b);
  };
}
export const triple = memoTwo((schema: string, locale: string, info: string) => build(schema, locale, info));`;
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['leadingArgsOnly', 13]]);
    expect(messages[0]?.message).toBe(
      '`memoTwo` (an in-house memoizer) keys on the first 2 arguments only, so calls that differ only in `info` return the result of the first call; key on every argument.',
    );
  });
  it('a JSON key of the first argument wrapping a two-parameter function keys on the first argument only', () => {
    const code = `const byText = (fn) => {
  const store = Object.create(null);
  return (arg) => {
    const key = JSON.stringify(arg);
    if (key in store) return store[key];
    return (store[key] = fn(arg));
  };
};
const byAll = (fn) => {
  const store = {};
  return (...args) => {
    const key = JSON.stringify(args);
    if (key in store) return store[key];
    return (store[key] = fn(...args));
  };
};
export const formatter = byText((message, lang = currentLang()) => compile(message, lang));
export const single = byText((options) => compile(options));
export const both = byAll((message, lang) => compile(message, lang));`;
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([['firstArgOnly', 17]]);
  });
  it('curried nested memoizers key on every argument (not a finding)', () => {
    const code = `import memoize from 'lodash/memoize';
export const memoize2 = (fn) => memoize((a) => memoize((b) => fn(a, b)));
export const area = memoize2((w, h) => w * h);`;
    expect(lintWithRule(ruleId, rule, code)).toEqual([]);
  });
});

describe('a parameter left out of the key that only an error reads', () => {
  it('is not a finding; one the result reads is', () => {
    const code = `import memoize from 'lodash/memoize';
export const loadDocs = memoize(function loadDocs(name: string, node?: object) {
  if (!known.includes(name)) throw new NotFound(name, node);
  return read(name);
});
export const logged = memoize((name: string, why: string) => {
  console.warn('loading', name, why);
  return read(name);
});
export const unused = memoize((name: string, _ctx: object) => read(name));
export const read2 = memoize((name: string, lang: string) => read(name + lang));`;
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([['firstArgOnly', 11]]);
  });
});

describe('a memoizer factory whose closures share one module-level WeakMap', () => {
  it('is reported at the store when exported or used twice; a store per call of the factory, or one keyed by the function, is not', () => {
    const code = `const shared = new WeakMap();
export function memoPair(fn) {
  return function (a, b) {
    let inner = shared.get(a);
    if (!inner) {
      inner = new WeakMap();
      shared.set(a, inner);
    }
    if (!inner.has(b)) inner.set(b, fn(a, b));
    return inner.get(b);
  };
}
const byFn = new WeakMap();
export function memoByFn(fn) {
  return function (a) {
    let own = byFn.get(fn);
    if (!own) {
      own = new WeakMap();
      byFn.set(fn, own);
    }
    if (!own.has(a)) own.set(a, fn(a));
    return own.get(a);
  };
}
export function memoOwn(fn) {
  const own = new WeakMap();
  return (a) => {
    if (!own.has(a)) own.set(a, fn(a));
    return own.get(a);
  };
}`;
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['sharedStore', 1]]);
    expect(messages[0]?.message).toBe(
      "`shared` is one module-level store for every function `memoPair` memoizes, and its key does not name the function: two functions memoized by it and called with the same arguments return each other's results; create the store inside `memoPair`.",
    );
  });
});

describe('a project wrapper around a memoizer re-exported by another module of the project', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-wrapper-'));
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "checker", "type": "module" }\n');
    writeFileSync(path.join(dir, 'vendor.js'), "import memoizee from 'memoizee';\nexport { memoizee as memoize };\n");
    writeFileSync(path.join(dir, 'memo.js'), "import { memoize } from './vendor.js';\nexport const registry = [];\nexport default function remember(fn) {\n  const memoized = memoize(fn);\n  registry.push(memoized);\n  return memoized;\n}\n");
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  it('keys as the library does (memoizee: fn.length), two modules away', () => {
    const code = "import remember from './memo.js';\nfunction overflow(el, slack = 0) { return el.scrollWidth > el.clientWidth + slack; }\nexport default remember(overflow);\n";
    writeFileSync(path.join(dir, 'overflow.js'), code);
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const messages = linter.verify(
      code,
      { files: ['**/*.js'], languageOptions: { sourceType: 'module' }, plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin }, rules: { [`memo-guard/${ruleId}`]: 'error' } },
      path.join(dir, 'overflow.js'),
    );
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['fnLengthKey', 3]]);
    expect(messages[0]?.message).toContain('memoizee (through `remember`)');
  });
});

/**
 * Which imports make the project index read their module: a memoizer or a memoized function is
 * only judged at a call with arguments, so an import the file calls bare (`remember()`), or only
 * passes on, costs no parse; one called with arguments, through a namespace member or with type
 * arguments, is still read and judged.
 */
describe('the imports whose modules the index reads', () => {
  const project = projectOnDisk('import-calls', () => ({
    'package.json': '{ "name": "calls", "type": "module" }\n',
    // Text no other run writes (a fresh tag each run), so no summary of it exists in this process or in the summary cache on disk.
    'memo.js': `import memoizee from 'memoizee';\nexport const tag = '${randomUUID()}';\nexport default function remember(fn) { return memoizee(fn); }\n`,
    'tools.js': "export { default as remember } from './memo.js';\n",
  }));
  const lint = (file: string, code: string): Linter.LintMessage[] => {
    writeFileSync(path.join(project.dir(), file), code);
    return lintInDir(ruleId, rule, project.dir(), file, code);
  };
  const overflow = 'function overflow(el, slack = 0) { return el.scrollWidth > el.clientWidth + slack; }\n';

  it('reads no module for an import called only without arguments or passed on; reads it once one is called with arguments', () => {
    const before = parseCounts();
    expect(lint('bare.ts', `import remember from './memo.js';\nexport const none = remember();\nexport const passed = [remember];\n`)).toEqual([]);
    const afterBare = parseCounts();
    expect(afterBare.syntax + afterBare.full).toBe(before.syntax + before.full);
    const messages = lint('called.ts', `import remember from './memo.js';\n${overflow}export default remember(overflow);\n`);
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['fnLengthKey', 3]]);
    const afterCall = parseCounts();
    expect(afterCall.syntax + afterCall.full).toBeGreaterThan(afterBare.syntax + afterBare.full);
  });

  it.each([
    ['type arguments', `import remember from './memo.js';\n${overflow}export default remember<typeof overflow>(overflow);\n`],
    ['a namespace member', `import * as tools from './tools.js';\n${overflow}export default tools.remember(overflow);\n`],
    ['an optional member on a line of its own', `import * as tools from './tools.js';\n${overflow}export default tools\n  ?.remember(overflow);\n`],
  ])('a call with %s is still judged', (_how, code) => {
    const messages = lint(`form-${String(code.length)}.ts`, code);
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['fnLengthKey', 3]]);
  });
});

/**
 * A package whose barrels pass on every file (`export * from './helpers'`): a name imported from it is
 * looked for only in the files that export it, and a file that exports it as a function it declares
 * (`export function formatMoney`) gives no memoizer without a parse. A file that only imports and
 * calls the name (`totals.ts`) cannot give it.
 */
describe("a package's barrels, for a name imported from the package", () => {
  // Text no other run writes, so no summary of it exists in this process or in the summary cache on disk.
  const tag = `export const tag = '${randomUUID()}';\n`;
  const project = projectOnDisk('barrels', () => ({
    'package.json': '{ "name": "shop", "type": "module" }\n',
    'src/index.ts': `export * from './helpers/index.js';\nexport * from './caches/index.js';\n${tag}`,
    'src/helpers/index.ts': `export * from './totals.js';\nexport * from './format.js';\n${tag}`,
    'src/helpers/format.ts': `export function formatMoney(money: { amount: number }): string {\n  return String(money.amount);\n}\n${tag}`,
    'src/helpers/totals.ts': `import { formatMoney } from './format.js';\nexport function total(money: { amount: number }): string {\n  return formatMoney(money);\n}\n${tag}`,
    'src/caches/index.ts': `export * from './price.js';\n${tag}`,
    'src/caches/price.ts': `import memoize from 'lodash/memoize';\nexport const priceOf = memoize((item: { sku: string }) => item.sku.length);\n${tag}`,
  }));
  const lint = (file: string, code: string): Linter.LintMessage[] => {
    writeFileSync(path.join(project.dir(), file), code);
    return lintInDir(ruleId, rule, project.dir(), file, code);
  };

  it('parses the two barrels on the way and neither the file that only calls the name nor the declaring file', () => {
    const before = parseCounts();
    expect(lint('show.ts', "import { formatMoney } from './src/index.js';\nexport const shown = formatMoney({ amount: 1 });\n")).toEqual([]);
    const after = parseCounts();
    // src/index.ts and src/helpers/index.ts; the search ends at format.ts, before src/caches.
    expect(after.syntax + after.full - (before.syntax + before.full)).toBe(2);
  });

  it('still finds a memoized function two barrels away', () => {
    const messages = lint('price.ts', "import { priceOf } from './src/index.js';\nexport const price = priceOf({ sku: 'a' });\n");
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['freshArgument', 2, 30]]);
  });
});

describe('a keyed parameter that falls back to module state the key cannot see', () => {
  const code = `import memoize from 'fast-memoize';
let currentLang = 'en';
export function setLang(lang: string) { currentLang = lang; }
function getLang() { return currentLang; }
const DEFAULT_ZONE = 'UTC';
function defaultZone() { return DEFAULT_ZONE; }
export const numberFormat = memoize(({ locale, ...options }: { locale?: string; style?: string } = {}) => {
  locale = locale || getLang();
  return new Intl.NumberFormat(locale, options);
});
export const dateFormat = memoize((zone: string = getLang()) => new Intl.DateTimeFormat('en', { timeZone: zone }));
export const zoned = memoize((zone: string = defaultZone()) => new Intl.DateTimeFormat('en', { timeZone: zone }));
export const direct = memoize((locale?: string) => new Intl.Collator(locale ?? currentLang));`;
  it('is reported when the fallback reads a reassigned module variable (directly or through a getter); a constant default is not', () => {
    const messages = lintWithRule(ruleId, rule, code).filter((m) => m.messageId === 'ambientFallback');
    expect(messages.map((m) => m.line)).toEqual([7, 11]);
    expect(messages[0]?.message).toBe(
      '`locale` falls back to `getLang()` when a call leaves it out, which reads `currentLang`, a module variable that is reassigned; the key only records that it was left out, so after `currentLang` changes such calls return the result computed for its old value; pass `locale` explicitly or put the value in the key.',
    );
  });
});

describe('a key function that records only whether an argument is set', () => {
  it('is reported when the function reads inside that argument; a key on the value it reads is not', () => {
    const code = `import memoize from 'lodash/memoize';
export const render = memoize(
  (text: string, view?: { highlighter?: { run(t: string): string } }) => (view?.highlighter ? view.highlighter.run(text) : text),
  (text, view) => \`\${text}:\${view ? 'view' : ''}\`,
);
export const renderFixed = memoize(
  (text: string, view?: { highlighter?: { run(t: string): string } }) => (view?.highlighter ? view.highlighter.run(text) : text),
  (text, view) => \`\${text}:\${view?.highlighter ? 'hl' : ''}\`,
);
export const pad = memoize((text: string, width?: number) => text.padStart(width ?? 0), (text, width) => text + (width == null ? '' : String(width)));`;
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['presenceOnlyKey', 4]]);
    expect(messages[0]?.message).toContain('records only whether `view` is set, but the function reads `view.highlighter`');
  });
});

describe('a key function that names the key in so many words', () => {
  // `memoize(fn, (queueName) => queueName)`: the author chose the first argument as the key (the
  // options after it follow from the queue); without the key function the same call is reported.
  const code = (key: string): string => `import memoize from 'lodash/memoize';
export const queueClient = memoize(async (queueName, { visibilityTimeout } = {}) => {
  await createQueue(queueName, { lockDuration: visibilityTimeout });
  return connect(queueName);
}${key});`;
  const ids = (key: string): (string | null)[] => lintWithRule('no-unhashable-args', rule, code(key)).map((m) => m.messageId ?? null);
  it('is quiet with an explicit key function of the first argument', () => {
    expect(ids(', (queueName) => queueName')).toEqual([]);
  });
  it('reports the argument left out when the key is lodash\'s default', () => {
    expect(ids('')).toEqual(['firstArgOnly']);
  });
});

describe('a reselect selector called with a fresh options object', () => {
  // createSelector memoizes the result on what its input selectors return. Here they read the state
  // and a field of the options (`options.pagination`, the same object from the store on every call):
  // the fresh `{ pagination }` literal does not defeat the memo. The twin's input selector returns the
  // options object itself, so every call's literal is a new input and the result is recomputed.
  const lint = (optionsInput: string): [number, string | undefined][] =>
    lintWithRule(
      'no-unhashable-args',
      rule,
      `import { createSelector } from 'reselect';
const selectRequests = createSelector(
  [(state) => state.requests, ${optionsInput}],
  (requests, pagination) => requests.filter((r) => pagination.ids.includes(r.id)),
);
export function useRequests(state, pagination) {
  return selectRequests(state, { pagination });
}
`,
    ).map((m) => [m.line, m.messageId]);
  it('is quiet when the input selectors read fields of the options', () => {
    expect(lint('(_state, options) => options.pagination')).toEqual([]);
  });
  it('reports the literal (line 7) when an input selector returns the options whole', () => {
    expect(lint('(_state, options) => options')).toEqual([[7, 'freshArgument']]);
  });
});

describe('identity-keyed memoizers with a bound, on named parameters', () => {
  // A few entries over a store's objects is reselect's and memoize-one's pattern: a miss replaces an
  // entry, nothing stays for good. No bound, `Infinity`, or a size the code does not spell out is reported,
  // and so is a destructured parameter, whose callers build the object at each call.
  const code = `import memoize from 'micro-memoize';
const LIMIT = readLimit();
export const byDate = memoize((history: Record[]) => index(history), { maxSize: 10 });
export const records = memoize((history: Record[], all: boolean) => best(history, all), { maxSize: 3 });
export const unbounded = memoize((history: Record[]) => index(history), { maxSize: Infinity });
export const sized = memoize((history: Record[]) => index(history), { maxSize: LIMIT });
export const built = memoize(({ sku, qty }: Line) => sku.length * qty, { maxSize: 10 });`;
  it('reports only the unbounded, the unknown size and the destructured parameter', () => {
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ['identityKey', 5, 26],
      ['identityKey', 6, 22],
      ['identityKey', 7, 22],
    ]);
  });
});

/**
 * A project's own wrapper around a memoizer (set 50: gitbook's `cache`, which swaps each object
 * argument for one stored reference per value before React's `cache()`): the wrapper, not the
 * library, decides what a key is when it hands the memoized function other arguments than its own.
 * One that passes its arguments on unchanged keys as the library does. A wrapper around a store
 * that lives for one request (React's) or is a WeakMap keeps that store's nature.
 */
describe('a wrapper around a memoizer', () => {
  const code = (library: string, body: string): string => `${library}
export function remember<Args extends unknown[], R>(fn: (...args: Args) => R) {
  const cached = memo(fn);
  return (...args: Args) => ${body};
}
export const getSite = remember(async (input: { org: string; site: string }) => db.site.find(input));
export async function load(org: string, site: string) {
  return getSite({ org, site });
}`;
  const lodash = "import memo from 'lodash/memoize';\nimport { stableRef } from './stable-ref';";
  const lint = (library: string, body: string): [string | undefined, number][] => lintWithRule(ruleId, rule, code(library, body)).map((m) => [m.messageId, m.line]);
  it('is quiet when the wrapper hands the function its own stand-ins for the arguments', () => {
    expect(lint(lodash, 'cached(...(args.map((a) => stableRef(a)) as Args))')).toEqual([]);
  });
  it('reports the object parameter (line 7) and the fresh literal (line 9) when the wrapper passes its arguments on unchanged', () => {
    expect(lint(lodash, 'cached(...args)')).toEqual([
      ['identityKey', 7],
      ['freshArgument', 9],
    ]);
  });
  it("is quiet for a wrapper around React's per-request cache()", () => {
    expect(lint("import { cache as memo } from 'react';", 'cached(...args)')).toEqual([]);
  });
});

describe('memoizee/weak', () => {
  // Its first argument is a WeakMap key: an entry lives as long as its object, identity on purpose.
  const code = (module: string): string => `import memoize from '${module}';
export const heights = memoize((blocks: { id: string }[]) => blocks.map((b) => b.id.length));`;
  it('does not report an object parameter keyed by identity', () => {
    expect(lintWithRule(ruleId, rule, code('memoizee/weak'))).toEqual([]);
    expect(lintWithRule(ruleId, rule, code('memoizee')).map((m) => m.messageId)).toEqual(['identityKey']);
  });
});

describe('a memoized function called where it is made', () => {
  // set 64 (JunctionApp's table sort functions): `return memoize((a, b) => a.localeCompare(b))(a, b)` makes a
  // cache per comparison and calls it once: no later call is answered from it, whatever it keys on.
  const code = (expression: string): string => `import { memoize } from 'lodash-es';
export const Alphabetic = (rowA, rowB) => {
  const [a, b] = [rowA.name, rowB.name];
  return ${expression};
};`;
  const lint = (expression: string): [string | undefined, number][] => lintWithRule(ruleId, rule, code(expression)).map((m) => [m.messageId, m.line]);
  it('is quiet when the memoized function is called in place and kept nowhere', () => {
    expect(lint('memoize((x, y) => x.localeCompare(y))(a, b)')).toEqual([]);
  });
  it('reports the first-argument key (line 4) when the memoized function is kept and called again', () => {
    expect(lint('(Alphabetic.cmp ??= memoize((x, y) => x.localeCompare(y)))(a, b)')).toEqual([['firstArgOnly', 4]]);
  });
});
