/**
 * Every autofix keeps what the program does. Each case is a small module that memoizes (or caches)
 * with a real library; the rule's own fix is applied by ESLint's `Linter#verifyAndFix`, then the
 * module before and the module after the fix run in a real Node process (the real libraries from
 * node_modules, this package's built runtime through its `eslint-plugin-memo-guard/memoize` export)
 * on the same inputs: repeated keys, `1` and `'1'`, multi-argument calls, `[x].map(fn)` callbacks,
 * clearing and deleting through the old cache API, then calling again. Both runs must give the same
 * results and the same calls of the wrapped function (which arguments reached it, in which order):
 * the same hits and misses. Inputs stay below the bound, which is the one thing a fix may change.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter, type ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import unboundedMemoize from '../../rules/no-unbounded-memoize.js';
import cacheInHandler from '../../rules/no-unbounded-cache-in-handler.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workDir = path.join(root, 'tests/e2e/.tmp-fix-behaviour');

interface Case {
  name: string;
  rule: 'no-unbounded-memoize' | 'no-unbounded-cache-in-handler';
  /** A module exporting `calls` (what reached the wrapped function) and `scenario()` (the results). */
  code: string;
  /** Text the fixed module must contain: the fix under test really happened. */
  fixed: string;
}

const record = `export const calls = [];\nconst seen = (...args) => { calls.push(JSON.stringify(args.map((a) => (typeof a === 'object' && a !== null && !Array.isArray(a) ? 'obj' : a)))); };`;

const cases: Case[] = [
  {
    name: 'lodash memoize: first-argument keys, .map callbacks, cache.clear and cache.delete',
    rule: 'no-unbounded-memoize',
    code: `import _ from 'lodash';
${record}
const render = _.memoize((id, extra) => { seen(id, extra); return \`<p>\${id}\${extra ?? ''}</p>\`; });
export function scenario() {
  const out = [render(1), render(1), render('1'), render(1, 'ignored'), ...[1, 2, 1].map(render), render(2, 'x')];
  render.cache.delete(2);
  out.push(render(2), render(1));
  render.cache.clear();
  out.push(render(1), render('1'), [NaN, NaN].map((n) => render(n)).join(), render(-0), render(0));
  return out;
}`,
    fixed: 'key: (first) => first',
  },
  {
    name: 'lodash memoize with a resolver: the resolver stays the key',
    rule: 'no-unbounded-memoize',
    code: `import memoize from 'lodash/memoize.js';
${record}
const price = memoize((amount, currency) => { seen(amount, currency); return \`\${amount} \${currency}\`; }, (amount, currency) => \`\${amount}|\${currency}\`);
export function scenario() {
  const out = [price(1, 'USD'), price(1, 'EUR'), price(1, 'USD'), price('1', 'USD')];
  price.cache.clear();
  out.push(price(1, 'USD'), price(1, 'EUR'));
  return out;
}`,
    fixed: 'key: (amount, currency) =>',
  },
  {
    name: 'lodash memoize on a method: `this` reaches the function, the key ignores it',
    rule: 'no-unbounded-memoize',
    code: `import { memoize } from 'lodash-es';
${record}
const scaled = memoize(function (x) { seen(x, this.factor); return x * this.factor; });
export function scenario() {
  const a = { factor: 2 };
  const b = { factor: 3 };
  return [scaled.call(a, 1), scaled.call(a, 1), scaled.call(b, 1), scaled.apply(b, [2]), scaled.call(a, 2)];
}`,
    fixed: 'key: (first) => first',
  },
  {
    name: 'memoizee: its own max keeps fn.length keys, clear() and delete()',
    rule: 'no-unbounded-memoize',
    code: `import memoizee from 'memoizee';
${record}
const add = memoizee((a, b, c = 0) => { seen(a, b, c); return a + b + c; });
export function scenario() {
  const out = [add(1, 2), add(1, 2), add(1, 2, 5), add('1', 2), add(2, 1)];
  add.delete(1, 2);
  out.push(add(1, 2), add(2, 1));
  add.clear();
  out.push(add(2, 1));
  return out;
}`,
    fixed: '{ max: 500 }',
  },
  {
    name: 'memoizee with primitive keys',
    rule: 'no-unbounded-memoize',
    code: `import memoizee from 'memoizee';
${record}
const label = memoizee((id) => { seen(id); return 'L' + id; }, { primitive: true });
export function scenario() {
  return [label(1), label('1'), label(1), ...[3, 3, 4].map((x) => label(x))];
}`,
    fixed: 'max: 500, primitive: true',
  },
  {
    name: 'moize.infinite becomes moize with maxSize: keys, clear() and remove()',
    rule: 'no-unbounded-memoize',
    code: `import moize from 'moize';
${record}
const area = moize.infinite((w, h) => { seen(w, h); return w * h; });
export function scenario() {
  const out = [area(2, 3), area(2, 3), area(3, 2), area(2, 3, 9), ...[2, 2].map(area)];
  area.remove([2, 3]);
  out.push(area(2, 3));
  area.clear();
  out.push(area(3, 2), area(3, 2));
  return out;
}`,
    fixed: 'moize((w, h)',
  },
  {
    name: 'moize with maxSize: Infinity',
    rule: 'no-unbounded-memoize',
    code: `import moize from 'moize';
${record}
const twice = moize((x) => { seen(x); return [x, x]; }, { maxSize: Infinity });
export function scenario() {
  const o = { k: 1 };
  return [twice(1), twice(1), twice(o), twice(o), twice({ k: 1 }), twice('1')].map((r) => JSON.stringify(r));
}`,
    fixed: 'maxSize: 500',
  },
  {
    name: 'memize without maxSize',
    rule: 'no-unbounded-memoize',
    code: `import memize from 'memize';
${record}
const upper = memize((s, t) => { seen(s, t); return s.toUpperCase() + (t ?? ''); });
export function scenario() {
  const out = [upper('a'), upper('a'), upper('a', 'b'), upper('b'), upper('a', 'b')];
  upper.clear();
  out.push(upper('a'));
  return out;
}`,
    fixed: 'maxSize: 500',
  },
  {
    name: 'memoize (mem): a bounded cache of the same keys, memoizeClear',
    rule: 'no-unbounded-memoize',
    code: `import memoize, { memoizeClear } from 'memoize';
${record}
const slug = memoize((s, sep) => { seen(s, sep); return s.toLowerCase().split(' ').join(sep ?? '-'); });
export function scenario() {
  const out = [slug('A B'), slug('A B', '_'), slug('a b'), ...['X Y', 'X Y'].map(slug)];
  memoizeClear(slug);
  out.push(slug('A B', '_'));
  return out;
}`,
    fixed: 'cache: new LruMap(500)',
  },
  {
    name: 'memoize (mem) with an explicit cache: new Map()',
    rule: 'no-unbounded-memoize',
    code: `import memoize from 'memoize';
${record}
const len = memoize((s) => { seen(s); return s.length; }, { cache: new Map() });
export function scenario() {
  return [len('abc'), len('abc'), len('ab'), len('abc')];
}`,
    fixed: 'cache: new LruMap(500)',
  },
  {
    name: 'p-memoize: a bounded cache, the same hits across awaits',
    rule: 'no-unbounded-memoize',
    code: `import pMemoize from 'p-memoize';
${record}
const load = pMemoize(async (id) => { seen(id); return { id }; });
export async function scenario() {
  const first = await Promise.all([load(1), load(1), load(2)]);
  const again = [await load(1), await load('1'), await load(2)];
  return [...first, ...again].map((r) => JSON.stringify(r));
}`,
    fixed: 'cache: new LruMap(500)',
  },
  {
    name: 'fast-memoize: its own cache option keeps JSON keys, one-argument calls and recomputed undefined',
    rule: 'no-unbounded-memoize',
    code: `import memoize from 'fast-memoize';
${record}
const one = memoize((q) => { seen(q); return typeof q === 'object' ? JSON.stringify(q) : q === 'none' ? undefined : String(q); });
const two = memoize((a, b) => { seen(a, b); return JSON.stringify([a, b]); });
export function scenario() {
  return [one(1), one(1), one('1'), one({ a: 1 }), one({ a: 1 }), one(null), one('none'), one('none'), ...[5, 5].map(one), two(1, 2), two(1, 2), two(2, 1), two({ a: 1 }, [1]), two({ a: 1 }, [1])].map(String);
}`,
    fixed: 'cache: { create: () => new LruMap(500) }',
  },
  {
    name: 'a Map cache on a handler path: refilled on a miss, so bounding it keeps results',
    rule: 'no-unbounded-cache-in-handler',
    code: `import express from 'express';
${record}
const app = express();
const pages = new Map();
function page(id) {
  const hit = pages.get(id);
  if (hit !== undefined) return hit;
  seen(id);
  const html = \`<h1>\${id}</h1>\`;
  pages.set(id, html);
  return html;
}
app.get('/p/:id', (req, res) => res.send(page(req.params.id)));
export function scenario() {
  return [page('a'), page('a'), page('b'), ...['a', 'c', 'c'].map((x) => page(x)), page(1), page('1')];
}`,
    fixed: 'new LruMap(500)',
  },
  {
    name: 'a get-or-compute Map whose value comes from the key itself (slugs): the LruMap answers the same',
    rule: 'no-unbounded-cache-in-handler',
    code: `import express from 'express';
${record}
const app = express();
const slugs = new Map();
function slugOf(title) {
  let slug = slugs.get(title);
  if (slug === undefined) {
    seen(title);
    slug = String(title).toLowerCase().replace(/[^a-z0-9]+/g, '-');
    slugs.set(title, slug);
  }
  return slug;
}
app.get('/slug', (req, res) => res.send(slugOf(String(req.query.title))));
export function scenario() {
  const out = [slugOf('Hello World'), slugOf('Hello World'), slugOf('hello world'), ...['A b', 'A b', 'c'].map((t) => slugOf(t)), slugOf(1), slugOf('1')];
  out.push(slugOf('c'), slugOf('Hello World'));
  return out;
}`,
    fixed: 'new LruMap(500)',
  },
  {
    name: 'a Map cache kept on globalThis for hot reloads: the LruMap goes where the Map was made',
    rule: 'no-unbounded-cache-in-handler',
    code: `import express from 'express';
${record}
const app = express();
// Each run starts from an empty global (the runs share one process); a dev server keeps it across reloads.
delete globalThis.fixBehaviourPages;
const pages = (globalThis.fixBehaviourPages ??= new Map());
function page(id) {
  if (!pages.has(id)) { seen(id); pages.set(id, \`<h1>\${id}</h1>\`); }
  return pages.get(id);
}
app.get('/p/:id', (req, res) => res.send(page(req.params.id)));
export function scenario() {
  return [page('a'), page('a'), page(1), page('1'), ...['a', 'b', 'b'].map((x) => page(x)), globalThis.fixBehaviourPages.get('b')];
}`,
    fixed: 'globalThis.fixBehaviourPages ??= new LruMap(500)',
  },
  {
    name: 'a Map hung on the server with decorate: the LruMap is what the server holds',
    rule: 'no-unbounded-cache-in-handler',
    code: `import express from 'express';
${record}
const app = express();
app.decorate = (name, value) => { app[name] = value; };
app.decorate('userCache', new Map());
function user(id) {
  if (!app.userCache.has(id)) { seen(id); app.userCache.set(id, \`user \${id}\`); }
  return app.userCache.get(id);
}
app.get('/u/:id', (req, res) => res.json(user(req.params.id)));
export function scenario() {
  return [user('a'), user('a'), user(1), user('1'), ...['b', 'a'].map((x) => user(x))];
}`,
    fixed: "app.decorate('userCache', new LruMap(500))",
  },
  {
    name: "this package's memoize with max: Infinity on a handler path: the bound keeps keys and results",
    rule: 'no-unbounded-cache-in-handler',
    code: `import express from 'express';
import { memoize } from 'eslint-plugin-memo-guard/memoize';
${record}
const app = express();
const label = memoize((id, lang) => { seen(id, lang); return \`\${id}:\${lang ?? 'en'}\`; }, { max: Infinity });
app.get('/l/:id', (req, res) => res.send(label(req.params.id)));
export function scenario() {
  const out = [label(1), label(1), label('1'), label(1, 'de'), label(1, 'de'), ...[2, 2, 3].map((x) => label(x))];
  label.cacheDelete(1, 'de');
  out.push(label(1, 'de'), label(1));
  label.cacheClear();
  out.push(label(1), label('1'));
  return out;
}`,
    fixed: '{ max: 500 }',
  },
  {
    name: 'a has-then-set cache in a singleton class field',
    rule: 'no-unbounded-cache-in-handler',
    code: `import express from 'express';
${record}
const app = express();
class Rates {
  table = new Map();
  rate(pair) {
    if (!this.table.has(pair)) { seen(pair); this.table.set(pair, compute(pair)); }
    return this.table.get(pair);
  }
}
function compute(pair) { return pair.length * 1.5; }
const rates = new Rates();
app.get('/r/:pair', (req, res) => res.json(rates.rate(req.params.pair)));
export function scenario() {
  return [rates.rate('EURUSD'), rates.rate('EURUSD'), rates.rate('GBP'), rates.rate('GBP')];
}`,
    fixed: 'table = new LruMap(500)',
  },
];

const rules = { 'no-unbounded-memoize': unboundedMemoize, 'no-unbounded-cache-in-handler': cacheInHandler };

function applyFix(c: Case): string {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config = {
    files: ['**/*.mjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { 'memo-guard': { rules: { [c.rule]: rules[c.rule] } } as unknown as ESLint.Plugin },
    rules: { [`memo-guard/${c.rule}`]: 'error' },
  };
  const result = linter.verifyAndFix(c.code, config, 'case.mjs');
  const fatal = result.messages.find((m) => m.fatal === true);
  if (fatal) throw new Error(`parse error in ${c.name}: ${fatal.message}`);
  return result.output;
}

interface Run {
  results: unknown[];
  calls: string[];
  invocations?: number;
}

/** Runs every module in one Node process: `{ file: { results, calls } }`. */
function runModules(files: readonly string[]): Record<string, Run> {
  const runner = path.join(workDir, 'runner.mjs');
  fs.writeFileSync(
    runner,
    `const out = {};
for (const file of ${JSON.stringify(files)}) {
  const mod = await import(new URL(file, import.meta.url));
  const results = await mod.scenario();
  out[file] = { results: results.map((r) => (r === undefined ? '<undefined>' : r)), calls: mod.calls };
}
process.stdout.write(JSON.stringify(out));
`,
  );
  return JSON.parse(execFileSync(process.execPath, [runner], { cwd: root, encoding: 'utf8' })) as Record<string, Run>;
}

const fixedCode = new Map<string, string>();
let runs: Record<string, Run> = {};

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'dist/src/memoize/index.js'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
  }
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const files: string[] = [];
  cases.forEach((c, i) => {
    const after = applyFix(c);
    fixedCode.set(c.name, after);
    fs.writeFileSync(path.join(workDir, `case${i}-before.mjs`), c.code);
    fs.writeFileSync(path.join(workDir, `case${i}-after.mjs`), after);
    files.push(`./case${i}-before.mjs`, `./case${i}-after.mjs`);
  });
  // The control: lodash replaced the way the old fix did, keyed on every argument.
  const control = (fixedCode.get(cases[0]?.name ?? '') ?? '').replace(', key: (first) => first', '');
  fs.writeFileSync(path.join(workDir, 'control.mjs'), control);
  files.push('./control.mjs');
  runs = runModules(files);
}, 120_000);

describe('autofixes keep behaviour', () => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const after = fixedCode.get(c.name) ?? '';
    expect(after).not.toBe(c.code);
    expect(after).toContain(c.fixed);
    const before = runs[`./case${i}-before.mjs`];
    const fixed = runs[`./case${i}-after.mjs`];
    expect(before).toBeDefined();
    // The scenario has hits: fewer calls reached the function than the scenario made.
    expect(before?.calls.length).toBeGreaterThan(0);
    expect(before?.calls.length).toBeLessThan(before?.results.length ?? 0);
    expect(fixed?.results).toEqual(before?.results);
    expect(fixed?.calls).toEqual(before?.calls);
  });

  it('the control: keying on every argument (the old lodash fix) changes the hit pattern, and the comparison sees it', () => {
    expect(runs['./control.mjs']?.calls).not.toEqual(runs['./case0-before.mjs']?.calls);
  });

  it('the fixed files import only what they use: no lodash import is left behind', () => {
    const lodashCases = cases.filter((c) => /from 'lodash/.test(c.code));
    for (const c of lodashCases) expect(fixedCode.get(c.name)).not.toMatch(/from 'lodash/);
  });
});
