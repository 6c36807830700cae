/**
 * RuleTester tests of `no-recursive-cache-thrash`: memoized functions that recurse through the
 * memoized binding under a cache too small for the recursion. The contract is tests/corpus/SEMANTICS.md.
 * The rule works from syntax; typed cases at the end check that types change nothing.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-recursive-cache-thrash.js';
import { describeTypesFindMore, lintWithRule, typedParserOptions } from './lint-helpers.js';

const ruleId = 'no-recursive-cache-thrash';
const ruleTester = new RuleTester();
const typedRuleTester = new RuleTester({ languageOptions: { parserOptions: typedParserOptions } });

ruleTester.run(ruleId, rule, {
  valid: [
    { name: 'memoize-one on a function that does not recurse', code: `import memoizeOne from 'memoize-one';\nexport const total = memoizeOne((items: number[]) => items.reduce((a, b) => a + b, 0));` },
    { name: 'moize with room for the call sites', code: `import moize from 'moize';\nexport const fib = moize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)), { maxSize: 64 });` },
    { name: 'micro-memoize with room', code: `import microMemoize from 'micro-memoize';\nexport const depth = microMemoize((node) => 1 + Math.max(0, ...node.children.map(depth)), { maxSize: 256 });` },
    { name: 'lodash memoize is unbounded', code: `import _ from 'lodash';\nexport const fib = _.memoize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)));` },
    { name: 'fast-memoize is unbounded', code: `import memoize from 'fast-memoize';\nexport const fib = memoize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)));` },
    { name: 'moize.infinite is unbounded', code: `import moize from 'moize';\nexport const fib = moize.infinite((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)));` },
    { name: 'moize maxSize Infinity', code: `import moize from 'moize';\nexport const fib = moize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)), { maxSize: Infinity });` },
    { name: 'runtime memoize max Infinity', code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nexport const fib = memoize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)), { max: Infinity });` },
    { name: 'runtime default bound above the literal range', code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nconst fib = memoize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)));\nexport const f90 = fib(90);` },
    { name: 'a linear recursion under a bound of 2 is not judged by range', code: `import moize from 'moize';\nconst fact = moize((n) => (n <= 1 ? 1 : n * fact(n - 1)), { maxSize: 2 });\nexport const f = fact(100);` },
    { name: 'options it cannot see into', code: `import moize from 'moize';\nimport { options } from './options';\nexport const fib = moize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)), options);` },
    { name: 'spread options', code: `import moize from 'moize';\nconst defaults = { maxSize: 1 };\nexport const fib = moize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)), { ...defaults });` },
    { name: 'a non-literal bound', code: `import moize from 'moize';\nconst SIZE = 1;\nexport const fib = moize((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)), { maxSize: SIZE });` },
    { name: 'recursion on the raw function declaration bypasses the cache', code: `import moize from 'moize';\nfunction walk(node) {\n  return node.children.map((c) => walk(c));\n}\nexport const cachedWalk = moize(walk);` },
    { name: 'a named function expression recurses on its own name', code: `import memoizeOne from 'memoize-one';\nexport const fact = memoizeOne(function fact(n) {\n  return n <= 1 ? 1 : n * fact(n - 1);\n});` },
    { name: 'recursion through a different, unmemoized function that never comes back', code: `import moize from 'moize';\nfunction label(node) {\n  return node.children.length ? node.id + '/' + label(node.children[0]) : node.id;\n}\nexport const rootLabel = moize((node) => label(node));` },
    { name: 'a shadowing local with the binding name', code: `import memoizeOne from 'memoize-one';\nexport const fib = memoizeOne((n) => {\n  const fib = (k) => k;\n  return fib(n - 1) + fib(n - 2);\n});` },
    { name: 'a memoizer that is not in the catalog', code: `import memoizeOne from './memoize-one';\nexport const fib = memoizeOne((n) => (n < 2 ? n : fib(n - 1) + fib(n - 2)));` },
    { name: 'a member binding on another object is a different function', code: `import moize from 'moize';\nexport const a = { walk: moize((node) => node.children.map((c) => b.walk(c))) };\nconst b = { walk: (node) => node };` },
    { name: 'memoize-one in a selector with the same arguments many times', code: `import memoizeOne from 'memoize-one';\nexport const visible = memoizeOne((rows, filter) => rows.filter((r) => r.name.includes(filter)));\nvisible([], 'a');\nvisible([], 'a');` },
    { name: 'memoizee with a bound above the call sites', code: `import memoizee from 'memoizee';\nexport const weave = memoizee((a, b) => (a === '' || b === '' ? 1 : weave(a.slice(1), b) + weave(a, b.slice(1))), { max: 5000 });` },
    { name: 'a grid recursion with room and no visible inputs', code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nexport const paths = memoize((i, j) => (i === 0 || j === 0 ? 1 : paths(i - 1, j) + paths(i, j - 1)), { max: 500 });` },
    { name: 'a second parameter passed through unchanged is not a second dimension', code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nexport const fib = memoize((n, table) => (n < 2 ? table[n] : fib(n - 1, table) + fib(n - 2, table)), { max: 2 });` },
    { name: 'reselect selectors are not judged', code: `import { createSelector } from 'reselect';\nexport const select = createSelector([(s) => s.items], (items) => items.length);` },
  ],
  invalid: [
  {
    name: "memoize-one on a two-way recursion through its const binding",
    code: `import memoizeOne from 'memoize-one';
export const fib = memoizeOne((n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2)));`,
    errors: [
      {
        messageId: 'tooSmall', line: 2, column: 20,
        data: {library: "memoize-one",size: "1",entries: "entry",count: "2",times: "times",line: "2"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const fib = memoize((n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2)), { max: Infinity });` },
        ],
      },
    ],
  },
  {
    name: "moize default size, one recursive call",
    code: `import moize from 'moize';
export const fact = moize((n: number): number => (n <= 1 ? 1 : n * fact(n - 1)));`,
    errors: [
      {
        messageId: 'tooSmall', line: 2, column: 21,
        data: {library: "moize",size: "1",entries: "entry",count: "1",times: "time",line: "2"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const fact = memoize((n: number): number => (n <= 1 ? 1 : n * fact(n - 1)), { max: Infinity });` },
          { messageId: 'raiseBound', data: {option: "maxSize",max: "1000"}, output: `import moize from 'moize';
export const fact = moize((n: number): number => (n <= 1 ? 1 : n * fact(n - 1)), { maxSize: 1000 });` },
        ],
      },
    ],
  },
  {
    name: "micro-memoize default export, recursion through a map callback",
    code: `import microMemoize from 'micro-memoize';
export const depth = microMemoize((node) => 1 + Math.max(0, ...node.children.map(depth)));`,
    errors: [
      {
        messageId: 'tooSmall', line: 2, column: 22,
        data: {library: "micro-memoize",size: "1",entries: "entry",count: "1",times: "time",line: "2"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const depth = memoize((node) => 1 + Math.max(0, ...node.children.map(depth)), { max: Infinity });` },
          { messageId: 'raiseBound', data: {option: "maxSize",max: "1000"}, output: `import microMemoize from 'micro-memoize';
export const depth = microMemoize((node) => 1 + Math.max(0, ...node.children.map(depth)), { maxSize: 1000 });` },
        ],
      },
    ],
  },
  {
    name: "micro-memoize named export",
    code: `import { memoize } from 'micro-memoize';
export const size = memoize((node) => node.children.reduce((n, c) => n + size(c), 1));`,
    errors: [
      {
        messageId: 'tooSmall', line: 2, column: 21,
        data: {library: "micro-memoize",size: "1",entries: "entry",count: "1",times: "time",line: "2"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const size = memoize((node) => node.children.reduce((n, c) => n + size(c), 1), { max: Infinity });` },
          { messageId: 'raiseBound', data: {option: "maxSize",max: "1000"}, output: `import { memoize } from 'micro-memoize';
export const size = memoize((node) => node.children.reduce((n, c) => n + size(c), 1), { maxSize: 1000 });` },
        ],
      },
    ],
  },
  {
    name: "explicit maxSize 1 on moize",
    code: `import moize from 'moize';
const paths = moize((r, c) => (r === 0 || c === 0 ? 1 : paths(r - 1, c) + paths(r, c - 1)), { maxSize: 1 });`,
    errors: [
      {
        messageId: 'tooSmall', line: 2, column: 15,
        data: {library: "moize",size: "1",entries: "entry",count: "2",times: "times",line: "2"},
        suggestions: [
          { messageId: 'raiseBound', data: {option: "maxSize",max: "1000"}, output: `import moize from 'moize';
const paths = moize((r, c) => (r === 0 || c === 0 ? 1 : paths(r - 1, c) + paths(r, c - 1)), { maxSize: 1000 });` },
        ],
      },
    ],
  },
  {
    name: "maxSize smaller than the call sites",
    code: `import moize from 'moize';
export const trib = moize((n) => (n < 3 ? n : trib(n - 1) + trib(n - 2) + trib(n - 3)), { maxSize: 2 });`,
    errors: [
      {
        messageId: 'tooSmall', line: 2, column: 21,
        data: {library: "moize",size: "2",entries: "entries",count: "3",times: "times",line: "2"},
        suggestions: [
          { messageId: 'raiseBound', data: {option: "maxSize",max: "1000"}, output: `import moize from 'moize';
export const trib = moize((n) => (n < 3 ? n : trib(n - 1) + trib(n - 2) + trib(n - 3)), { maxSize: 1000 });` },
        ],
      },
    ],
  },
  {
    name: "memoizee max smaller than the call sites",
    code: `import memoizee from 'memoizee';
export const weave = memoizee((a, b) => (a === '' || b === '' ? 1 : weave(a.slice(1), b) + weave(a, b.slice(1))), { max: 1 });`,
    errors: [
      {
        messageId: 'tooSmall', line: 2, column: 22,
        data: {library: "memoizee",size: "1",entries: "entry",count: "2",times: "times",line: "2"},
        suggestions: [
          { messageId: 'raiseBound', data: {option: "max",max: "1000"}, output: `import memoizee from 'memoizee';
export const weave = memoizee((a, b) => (a === '' || b === '' ? 1 : weave(a.slice(1), b) + weave(a, b.slice(1))), { max: 1000 });` },
        ],
      },
    ],
  },
  {
    name: "memo-guard memoize with a bound below a literal argument",
    code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const steps = memoize((n) => (n <= 1 ? 1 : steps(n - 1) + steps(n - 2)), { max: 10 });
export const answer = steps(40);`,
    errors: [
      {
        messageId: 'rangeTooLarge', line: 2, column: 15,
        data: {library: "memo-guard memoize",size: "10",entries: "entries",range: "40",line: "2"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const steps = memoize((n) => (n <= 1 ? 1 : steps(n - 1) + steps(n - 2)), { max: Infinity });
export const answer = steps(40);` },
          { messageId: 'raiseBound', data: {option: "max",max: "1000"}, output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const steps = memoize((n) => (n <= 1 ? 1 : steps(n - 1) + steps(n - 2)), { max: 1000 });
export const answer = steps(40);` },
        ],
      },
    ],
  },
  {
    name: "a two-way recursion over two parameters under a bound of 2",
    code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const paths = memoize((i, j) => (i === 0 || j === 0 ? 1 : paths(i - 1, j) + paths(i, j - 1)), { max: 2 });`,
    errors: [
      {
        messageId: 'gridTooLarge', line: 2, column: 22,
        data: {library: "memo-guard memoize",size: "2",entries: "entries",params: "2",count: "2",line: "2",cells: ""},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const paths = memoize((i, j) => (i === 0 || j === 0 ? 1 : paths(i - 1, j) + paths(i, j - 1)), { max: Infinity });` },
          { messageId: 'raiseBound', data: {option: "max",max: "1000"}, output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const paths = memoize((i, j) => (i === 0 || j === 0 ? 1 : paths(i - 1, j) + paths(i, j - 1)), { max: 1000 });` },
        ],
      },
    ],
  },
  {
    name: "a grid recursion called with literal inputs larger than the bound",
    code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const edits = memoize((a, b) => (a === 0 || b === 0 ? a + b : Math.min(edits(a - 1, b), edits(a, b - 1), edits(a - 1, b - 1)) + 1), { max: 100 });
export const answer = edits(40, 30);`,
    errors: [
      {
        messageId: 'gridTooLarge', line: 2, column: 15,
        data: {library: "memo-guard memoize",size: "100",entries: "entries",params: "2",count: "3",line: "2",cells: ", and the inputs this file calls it with make 1271 distinct subproblems"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const edits = memoize((a, b) => (a === 0 || b === 0 ? a + b : Math.min(edits(a - 1, b), edits(a, b - 1), edits(a - 1, b - 1)) + 1), { max: Infinity });
export const answer = edits(40, 30);` },
          { messageId: 'raiseBound', data: {option: "max",max: "1271"}, output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const edits = memoize((a, b) => (a === 0 || b === 0 ? a + b : Math.min(edits(a - 1, b), edits(a, b - 1), edits(a - 1, b - 1)) + 1), { max: 1271 });
export const answer = edits(40, 30);` },
        ],
      },
    ],
  },
  {
    name: "memo-guard default bound below a literal loop range",
    code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const hops = memoize((n) => (n <= 2 ? n : hops(n - 1) + hops(n - 3)));
for (let i = 0; i <= 600; i++) hops(i);`,
    errors: [
      {
        messageId: 'rangeTooLarge', line: 2, column: 14,
        data: {library: "memo-guard memoize",size: "500",entries: "entries",range: "600",line: "2"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const hops = memoize((n) => (n <= 2 ? n : hops(n - 1) + hops(n - 3)), { max: Infinity });
for (let i = 0; i <= 600; i++) hops(i);` },
          { messageId: 'raiseBound', data: {option: "max",max: "1000"}, output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const hops = memoize((n) => (n <= 2 ? n : hops(n - 1) + hops(n - 3)), { max: 1000 });
for (let i = 0; i <= 600; i++) hops(i);` },
        ],
      },
    ],
  },
  {
    name: "function declaration memoized later into the same binding",
    code: `import memoizeOne from 'memoize-one';
function walk(node) {
  return node.children.map((c) => walk(c));
}
walk = memoizeOne(walk);`,
    errors: [
      {
        messageId: 'tooSmall', line: 5, column: 8,
        data: {library: "memoize-one",size: "1",entries: "entry",count: "1",times: "time",line: "3"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
function walk(node) {
  return node.children.map((c) => walk(c));
}
walk = memoize(walk, { max: Infinity });` },
        ],
      },
    ],
  },
  {
    name: "let binding reassigned with moize",
    code: `import moize from 'moize';
let total = (node) => node.size + node.children.map(total).reduce((a, b) => a + b, 0);
total = moize(total);`,
    errors: [
      {
        messageId: 'tooSmall', line: 3, column: 9,
        data: {library: "moize",size: "1",entries: "entry",count: "1",times: "time",line: "2"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
let total = (node) => node.size + node.children.map(total).reduce((a, b) => a + b, 0);
total = memoize(total, { max: Infinity });` },
          { messageId: 'raiseBound', data: {option: "maxSize",max: "1000"}, output: `import moize from 'moize';
let total = (node) => node.size + node.children.map(total).reduce((a, b) => a + b, 0);
total = moize(total, { maxSize: 1000 });` },
        ],
      },
    ],
  },
  {
    name: "recursion through a same-file helper",
    code: `import microMemoize from 'micro-memoize';
function childIds(node) {
  return node.children.flatMap((c) => ids(c));
}
export const ids = microMemoize((node) => [node.id, ...childIds(node)]);`,
    errors: [
      {
        messageId: 'tooSmall', line: 5, column: 20,
        data: {library: "micro-memoize",size: "1",entries: "entry",count: "1",times: "time",line: "3"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
function childIds(node) {
  return node.children.flatMap((c) => ids(c));
}
export const ids = memoize((node) => [node.id, ...childIds(node)], { max: Infinity });` },
          { messageId: 'raiseBound', data: {option: "maxSize",max: "1000"}, output: `import microMemoize from 'micro-memoize';
function childIds(node) {
  return node.children.flatMap((c) => ids(c));
}
export const ids = microMemoize((node) => [node.id, ...childIds(node)], { maxSize: 1000 });` },
        ],
      },
    ],
  },
  {
    name: "class field recursing through this",
    code: `import moize from 'moize';
export class Evaluator {
  evaluate = moize((i) => (this.nodes[i].leaf ? this.nodes[i].value : this.evaluate(this.nodes[i].left) + this.evaluate(this.nodes[i].right)));
}`,
    errors: [
      {
        messageId: 'tooSmall', line: 3, column: 14,
        data: {library: "moize",size: "1",entries: "entry",count: "2",times: "times",line: "3"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export class Evaluator {
  evaluate = memoize((i) => (this.nodes[i].leaf ? this.nodes[i].value : this.evaluate(this.nodes[i].left) + this.evaluate(this.nodes[i].right)), { max: Infinity });
}` },
          { messageId: 'raiseBound', data: {option: "maxSize",max: "1000"}, output: `import moize from 'moize';
export class Evaluator {
  evaluate = moize((i) => (this.nodes[i].leaf ? this.nodes[i].value : this.evaluate(this.nodes[i].left) + this.evaluate(this.nodes[i].right)), { maxSize: 1000 });
}` },
        ],
      },
    ],
  },
  {
    name: "constructor-bound memoizer recursing through this",
    code: `import memoizeOne from 'memoize-one';
export class Tree {
  constructor() {
    this.height = memoizeOne(this.height.bind(this));
  }
  height(node) {
    return 1 + Math.max(0, ...node.children.map((c) => this.height(c)));
  }
}`,
    errors: [
      {
        messageId: 'tooSmall', line: 4, column: 19,
        data: {library: "memoize-one",size: "1",entries: "entry",count: "1",times: "time",line: "7"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export class Tree {
  constructor() {
    this.height = memoize(this.height.bind(this), { max: Infinity });
  }
  height(node) {
    return 1 + Math.max(0, ...node.children.map((c) => this.height(c)));
  }
}` },
        ],
      },
    ],
  },
  {
    name: "object property recursing through the object",
    code: `import microMemoize from 'micro-memoize';
export const geometry = {
  area: microMemoize((poly) => poly.own - poly.holes.reduce((s, h) => s + geometry.area(h), 0)),
};`,
    errors: [
      {
        messageId: 'tooSmall', line: 3, column: 9,
        data: {library: "micro-memoize",size: "1",entries: "entry",count: "1",times: "time",line: "3"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const geometry = {
  area: memoize((poly) => poly.own - poly.holes.reduce((s, h) => s + geometry.area(h), 0), { max: Infinity }),
};` },
          { messageId: 'raiseBound', data: {option: "maxSize",max: "1000"}, output: `import microMemoize from 'micro-memoize';
export const geometry = {
  area: microMemoize((poly) => poly.own - poly.holes.reduce((s, h) => s + geometry.area(h), 0), { maxSize: 1000 }),
};` },
        ],
      },
    ],
  },
  {
    name: "moize.promise keeps the default size",
    code: `import moize from 'moize';
export const loadTree = moize.promise(async (id) => ({ id, children: await Promise.all((await kids(id)).map(loadTree)) }));`,
    errors: [
      {
        messageId: 'tooSmall', line: 2, column: 25,
        data: {library: "moize.promise",size: "1",entries: "entry",count: "1",times: "time",line: "2"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const loadTree = memoize(async (id) => ({ id, children: await Promise.all((await kids(id)).map(loadTree)) }), { max: Infinity });` },
          { messageId: 'raiseBound', data: {option: "maxSize",max: "1000"}, output: `import moize from 'moize';
export const loadTree = moize.promise(async (id) => ({ id, children: await Promise.all((await kids(id)).map(loadTree)) }), { maxSize: 1000 });` },
        ],
      },
    ],
  },
  {
    name: "moize.deep keeps the default size",
    code: `import moize from 'moize';
export const count = moize.deep((tree) => 1 + tree.children.map((c) => count(c)).reduce((a, b) => a + b, 0));`,
    errors: [
      {
        messageId: 'tooSmall', line: 2, column: 22,
        data: {library: "moize.deep",size: "1",entries: "entry",count: "1",times: "time",line: "2"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const count = memoize((tree) => 1 + tree.children.map((c) => count(c)).reduce((a, b) => a + b, 0), { max: Infinity, key: 'structural' });` },
          { messageId: 'raiseBound', data: {option: "maxSize",max: "1000"}, output: `import moize from 'moize';
export const count = moize.deep((tree) => 1 + tree.children.map((c) => count(c)).reduce((a, b) => a + b, 0), { maxSize: 1000 });` },
        ],
      },
    ],
  },
  {
    name: "memoize-one via require",
    code: `const memoizeOne = require('memoize-one');
const lcs = memoizeOne((a, b) => (!a || !b ? 0 : a[0] === b[0] ? 1 + lcs(a.slice(1), b.slice(1)) : Math.max(lcs(a.slice(1), b), lcs(a, b.slice(1)))));
module.exports = { lcs };`,
    errors: [
      {
        messageId: 'tooSmall', line: 2, column: 13,
        data: {library: "memoize-one",size: "1",entries: "entry",count: "3",times: "times",line: "2"},
        suggestions: [
          { messageId: 'useUnbounded', output: `const { memoize } = require('eslint-plugin-memo-guard/memoize');
const lcs = memoize((a, b) => (!a || !b ? 0 : a[0] === b[0] ? 1 + lcs(a.slice(1), b.slice(1)) : Math.max(lcs(a.slice(1), b), lcs(a, b.slice(1)))), { max: Infinity });
module.exports = { lcs };` },
        ],
      },
    ],
  },
  {
    name: "TypeScript wrappers around the call",
    code: `import memoizeOne from 'memoize-one';
type Fn = (n: number) => number;
export const pell = memoizeOne(((n: number): number => (n < 2 ? n : 2 * pell(n - 1) + pell(n - 2))) as Fn) as Fn;`,
    errors: [
      {
        messageId: 'tooSmall', line: 3, column: 21,
        data: {library: "memoize-one",size: "1",entries: "entry",count: "2",times: "times",line: "3"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
type Fn = (n: number) => number;
export const pell = memoize(((n: number): number => (n < 2 ? n : 2 * pell(n - 1) + pell(n - 2))) as Fn, { max: Infinity }) as Fn;` },
        ],
      },
    ],
  },
  {
    name: "memoize-one with a custom equality gets no runtime suggestion",
    code: `import memoizeOne from 'memoize-one';
export const fibEq = memoizeOne((n) => (n < 2 ? n : fibEq(n - 1) + fibEq(n - 2)), (a, b) => a[0] === b[0]);`,
    errors: [
      {
        messageId: 'tooSmall', line: 2, column: 22,
        data: {library: "memoize-one",size: "1",entries: "entry",count: "2",times: "times",line: "2"},
      },
    ],
  },
  {
    name: "existing runtime import is reused",
    code: `import memoizeOne from 'memoize-one';
import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const square = memoize((n: number) => n * n);
export const fib = memoizeOne((n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2)));`,
    errors: [
      {
        messageId: 'tooSmall', line: 4, column: 20,
        data: {library: "memoize-one",size: "1",entries: "entry",count: "2",times: "times",line: "4"},
        suggestions: [
          { messageId: 'useUnbounded', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const square = memoize((n: number) => n * n);
export const fib = memoize((n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2)), { max: Infinity });` },
        ],
      },
    ],
  },
  ],
});

const typedCases = {
  valid: [
    {
      name: 'typed: an imported function memoized with memoize-one is not judged',
      code: `import memoizeOne from 'memoize-one';\nimport { formatUser } from './types';\nexport const format = memoizeOne(formatUser);`,
    },
    {
      name: 'typed: a bound with room',
      code: `import moize from 'moize';\nexport const fib = moize((n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2)), { maxSize: 100 });`,
    },
  ],
  invalid: [
    {
      name: 'typed: memoize-one on a typed recursion',
      code: `import memoizeOne from 'memoize-one';\nimport type { User } from './types';\nexport const chain = memoizeOne((users: User[], i: number): number => (i >= users.length ? 0 : 1 + chain(users, i + 1)));`,
      errors: [
        {
          messageId: 'tooSmall' as const,
          line: 3,
          column: 22,
          suggestions: [
            {
              messageId: 'useUnbounded' as const,
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';\nimport type { User } from './types';\nexport const chain = memoize((users: User[], i: number): number => (i >= users.length ? 0 : 1 + chain(users, i + 1)), { max: Infinity });`,
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

describeTypesFindMore(ruleId, rule, typedCases, 'same');

describe('options schema', () => {
  it('uses the max option for the bound with room', () => {
    const [message] = lintWithRule(ruleId, rule, `import moize from 'moize';\nexport const f = moize((n) => (n < 1 ? 0 : f(n - 1)));`, { ruleOptions: [{ max: 64 }] });
    expect(message?.suggestions?.map((s) => s.desc)).toContain('Give the cache room: `maxSize: 64`.');
  });
  it('rejects a max below 2', () => {
    expect(() => lintWithRule(ruleId, rule, 'export {};', { ruleOptions: [{ max: 1 }] })).toThrow(/no-recursive-cache-thrash/);
  });
});
