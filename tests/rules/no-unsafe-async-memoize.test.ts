/**
 * RuleTester tests of `no-unsafe-async-memoize`: promise-returning functions memoized by memoizers that keep
 * rejected promises, and hand-rolled caches that store promises and never drop a rejected one.
 * The contract is tests/corpus/SEMANTICS.md ("no-unsafe-async-memoize").
 * Cases without types run from syntax alone; the typed cases at the end run with the
 * tests/fixtures/typed project and check that types find the same or more.
 */
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { InferMessageIdsTypeFromRule, InferOptionsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-unsafe-async-memoize.js';
import { describeTypesFindMore, expressProject, lintInDir, lintInPackage, lintWithRule, memoizePromiseHelper, projectOnDisk, typedParserOptions } from './lint-helpers.js';

type MessageIds = InferMessageIdsTypeFromRule<typeof rule>;
type Options = InferOptionsTypeFromRule<typeof rule>;

const ruleId = 'no-unsafe-async-memoize';
const ruleTester = new RuleTester();
const typedRuleTester = new RuleTester({ languageOptions: { parserOptions: typedParserOptions } });

// RuleTester sets `parserOptions.sourceType: 'module'` unless a case sets it, which would hide
// `languageOptions.sourceType` from the parser: CommonJS cases set both, as ESLint itself passes it.
const commonjs = { sourceType: 'commonjs', parserOptions: { sourceType: 'commonjs' } } as const;

// Older moize, mem and memize cases bind names that mention a cache (`cachedUser`), from when the file model
// skipped a file whose text never said "memo" or "cache". It now also analyses a file that imports a catalogued
// memoizer or cache library: the "plain names" cases below never say either word and guard that.

/** A class whose slot is filled by its own async method `load`, whose body is `load`. */
const ladder = (load: string): string => `export class Ladder {
  constructor(id) { this.id = id; this.loading = null; }
  get() {
    if (!this.loading) this.loading = this.load();
    return this.loading;
  }
  async load() {
${load}
  }
}`;

/**
 * A store of a class whose cache (a `MemoryCache` with `remove`) holds each request's promise, the
 * request's callback removing the entry before its error check (`'remove first'`) or after it.
 */
const memoryCacheStore = (order: 'remove first' | 'check first'): string => {
  const [first, second] = order === 'remove first' ? ['this.fetches.remove(url);', 'if (err || !res.ok) return reject(err);'] : ['if (err || !res.ok) return reject(err);', 'this.fetches.remove(url);'];
  return `import request from 'superagent';
class MemoryCache {
  constructor() { this.items = new Map(); }
  get(key) { return this.items.get(key); }
  set(key, value) { this.items.set(key, value); }
  remove(key) { this.items.delete(key); }
}
export class Store {
  constructor() {
    this.fetches = new MemoryCache();
  }
  fetchItem(url) {
    if (this.fetches.get(url)) return this.fetches.get(url);
    const fetching = new Promise((resolve, reject) => {
      request.get(url).end((err, res) => {
        ${first}
        ${second}
        resolve(res.body);
      });
    });
    this.fetches.set(url, fetching);
    return fetching;
  }
}`;
};

/**
 * An in-flight map of route loads whose fulfilment handler deletes the entry `first` or `last`, after
 * a load that `catches` everything or not (blank lines stand in for the try, so lines match).
 */
const inFlightRoute = (catches: boolean, deleted: 'first' | 'last'): string => {
  const steps = ['    routes.set(key, result);', '    trim(routes, 100);'];
  const handler = (deleted === 'first' ? ['    inFlight.delete(key);', ...steps] : [...steps, '    inFlight.delete(key);']).join('\n');
  return `async function fetchRoute(url) {
  ${catches ? 'try {' : ''}
    const res = await fetch(url);
    return res.ok ? await res.json() : null;
  ${catches ? '} catch {' : ''}
  ${catches ? '  return null;' : ''}
  ${catches ? '}' : ''}
}
const inFlight = new Map();
const routes = new Map();
function trim(cache, max) {
  for (const key of cache.keys()) {
    if (cache.size <= max) break;
    cache.delete(key);
  }
}
export function route(key) {
  const existing = inFlight.get(key);
  if (existing) return existing;
  const promise = fetchRoute('/routes/' + key).then((result) => {
${handler}
    return result;
  });
  inFlight.set(key, promise);
  return promise;
}`;
};

/** A slot filled by a load that catches everything, whose handler keeps `kept` in a module variable and returns that variable. */
const keptDefault = (kept: string): string => `let cachedId = null;
let resolving = null;
const FALLBACK_ID = 'main';
export async function defaultId() {
  if (cachedId) return cachedId;
  if (!resolving) {
    const resolve = async () => {
      try {
        const res = await fetch('/restaurants/default');
        if (res.ok) return await res.text();
      } catch (cause) {
        console.error('failed to resolve the default id', cause);
      }
      return FALLBACK_ID;
    };
    resolving = resolve().then((value) => {
      cachedId = ${kept};
      return cachedId;
    });
  }
  return resolving;
}`;

/** A module-level slot filled once with a request's promise: reported wherever it is served from. */
const tokenSlot = `let tokenLoad;
export function adminToken() {
  if (!tokenLoad) tokenLoad = fetch('/token').then((r) => r.text());
  return tokenLoad;
}`;

// A worker script loaded once into a module slot: reported in the project's code, not in vendored or command-line folders.
const workerSlot = `let workerPromise = null;
export function getWorker() {
  if (!workerPromise) workerPromise = fetch('/worker.mjs').then((r) => r.text());
  return workerPromise;
}`;

/** A batch scheduler whose executor waits a microtask, takes the queued keys and then runs `run` (which settles the batch). */
const batcher = (run: string): string => `export function createBatcher(batchFn: (keys: string[]) => Promise<Map<string, number>>) {
  let queue: string[] = [];
  let scheduled: Promise<Map<string, number>> | null = null;
  return (key: string) => {
    queue.push(key);
    if (!scheduled) {
      scheduled = new Promise((resolve, reject) => {
        void Promise.resolve().then(() => {
          const keys = queue;
          queue = [];
          ${run}
        });
      });
    }
    return scheduled.then((values) => values.get(key));
  };
}
export const load = createBatcher(async (keys) => new Map(keys.map((k) => [k, k.length])));`;

/** A poller whose run takes one bookkeeping `step` before a try that catches what the work throws; `declarations` come first. */
const pollRun = (declarations: string, step: string): string => `${declarations}
export function poll(name, work) {
  async function run() {
    ${step}
    try {
      await work();
    } catch (e) {
      console.error(e);
    }
  }
  runs.set(name, run());
}`;

/** A module-level slot kept for every later call: judged by the file it is in (a script, or the server's own code). */
const assetIndexSlot = `let index;
export function assetIndex() {
  index ??= fetch('https://cdn.example.com/assets.json').then((r) => r.json());
  return index;
}`;

/** A slot declared in the callback of `hook`, filled by a nested function and read twice. */
const slotInHook = (hook: string) => `import { ${hook} } from 'react';
export function TreatmentForm({ id, onLoaded }) {
  ${hook}(() => {
    let existing = null;
    const fetchOnce = () => {
      if (!existing) existing = fetch(\`/api/treatments/\${id}\`).then((r) => r.json());
      return existing;
    };
    Promise.all([fetchOnce(), fetchOnce()]).then(onLoaded);
  }, [id]);
  return null;
}`;

/** A factory named `name` returning a function that keeps one drain's promise in its closure. */
const shutdownFactory = (name: string) => `export const ${name} = ({ server, exit }) => {
  let inFlight;
  return () =>
    (inFlight ??= (async () => {
      await fetch(server.drainUrl, { method: 'POST' });
      exit(0);
    })());
};`;

/** A WeakMap of session lookups keyed by `key`, in a function of parameter `param`. */
const headersKeyed = (key: string, param: string) => `const sessions = new WeakMap();
export function resolveSession(${param}) {
  const cached = sessions.get(${key});
  if (cached) return cached;
  const resolution = fetch('/api/session', { headers: ${key} }).then((r) => r.json());
  sessions.set(${key}, resolution);
  return resolution;
}`;

/**
 * A loader whose slot keeps an async function's promise: two fetches, each in a try of its own;
 * `second` is the second catch, `between` a statement between the tries.
 */
const caughtLoads = (second: string, between = '') => `let models = { a: null, b: null, loaded: false };
let pending = null;
export function loadModels() {
  if (models.loaded) return models;
  if (pending) return pending;
  pending = (async () => {
    let a = null;
    let b = null;
    try {
      a = await fetch('/models/a.json');
    } catch {
      // missing: the rules engine stands in
    }${between}
    try {
      b = await fetch('/models/b.json');
    } ${second}
    models = { a, b, loaded: true };
    return models;
  })();
  return pending;
}`;

ruleTester.run(ruleId, rule, {
  valid: [
    {
      // Each fetch is caught on its own; after them only a module variable set to an object of plain names, and a return.
      name: 'an async body of two try/catch statements in a row, each catching',
      code: caughtLoads('catch {\n      // missing\n    }'),
    },
    {
      // _poll's own steps cannot fail: bookkeeping on the file's Maps, a timer set again, a template
      // id, log lines; the work itself runs in a try whose catch does not rethrow.
      name: 'a poller whose run keeps its timers in Maps and catches what the work throws',
      code: `const timeouts = new Map();
const runs = new Map();
let stopping = false;
let count = 0;
export function poll(name, wait, work) {
  function again() { poll(name, wait, work); }
  async function run() {
    if (timeouts.has(name)) {
      timeouts.delete(name);
    }
    const id = \`run-\${name}-\${++count}\`;
    try {
      await work(id);
    } catch (e) {
      console.error('poll failed', e);
    }
    if (stopping) console.log('stopped');
    else timeouts.set(name, setTimeout(() => again(), wait));
  }
  runs.set(name, run());
}`,
    },
    {
      // fetchRoute cannot reject, so its handler always runs, and the entry is deleted first: whatever
      // fails later in the handler (\`trim\` takes a parameter, so it is not known not to throw) fails after.
      name: 'an in-flight entry deleted first in the handler of a promise that cannot reject',
      code: inFlightRoute(true, 'first'),
    },
    {
      // Deleted last, after \`trim\`: the handler awaits and throws nothing, so a failure of \`trim\` would
      // come from the routes it is given and happen the same way every time; the chain cannot fail for a while.
      name: 'an in-flight entry deleted after synchronous steps in the handler of a promise that cannot reject',
      code: inFlightRoute(true, 'last'),
    },
    {
      // The handler returns the module variable it has just given the value or a constant: a plain value, so the chain cannot reject.
      name: 'a slot whose handler returns the variable it has just given a plain value',
      code: keptDefault('value ?? FALLBACK_ID'),
    },
    {
      // getBase cannot reject (its probe catches everything), and the fulfilment handler only sets a
      // variable and gives back its own argument: the chain cannot reject either.
      name: 'a slot holding a safe promise followed by a handler that keeps and returns its value',
      code: `async function probe(url) {
  try {
    const res = await fetch(url);
    return res.ok;
  } catch {
    return false;
  }
}
async function getBase() {
  const up = await probe('/local');
  if (up) return '/local';
  return '/remote';
}
let cachedBase = null;
let basePromise = null;
export function apiBase() {
  if (cachedBase) return cachedBase;
  if (!basePromise) basePromise = getBase().then((base) => { cachedBase = base; return base; });
  return basePromise;
}`,
    },
    {
      // A per-key mutex: each entry chains a gate that only ever resolves after what was there, or
      // after Promise.resolve() when nothing was.
      name: 'a lock chain of gates that only resolve',
      code: `const locks = new Map();
export function acquire(id) {
  const previous = locks.get(id) ?? Promise.resolve();
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  locks.set(id, previous.then(() => gate));
  return { release, ready: previous };
}`,
    },
    {
      // \`axios.create()\` makes a client, synchronously: the slot holds the client, set only after the awaited read succeeded.
      name: 'a client made by axios.create kept in a slot after an awaited secret',
      code: `import axios from 'axios';
let client;
export async function api() {
  if (client) return client;
  const key = await readSecret('api-key');
  client = axios.create({ headers: { 'x-api-key': key } });
  return client;
}`,
    },
    {
      // Every init() call replaces the slot; readers only wait for the latest start. Not a fill-once slot.
      name: 'a start-up promise replaced by every init call, awaited by readers',
      code: `export class DiskStore {
  private ready: Promise<boolean> | null = null;
  private async prepare(dir: string) {
    await mkdir(dir, { recursive: true });
    return true;
  }
  init(dir: string) {
    this.ready = this.prepare(dir);
    return this.ready;
  }
  async read(name: string) {
    if (this.ready) await this.ready;
    return readFile(name, 'utf8');
  }
}`,
    },
    {
      // Every element catches its own failure, so Promise.all of them cannot reject; nor can allSettled,
      // nor a .then that only picks from the results.
      name: 'a slot holding Promise.all of loads that cannot reject',
      code: `async function probe(url) {
  try {
    await fetch(url, { method: 'HEAD' });
    return true;
  } catch {
    return false;
  }
}
const loadQuietly = (src) => fetch(src).catch(() => undefined);
let probesCache;
let scriptsCache;
let settledCache;
export function probeOnce() {
  if (!probesCache) probesCache = Promise.all([probe('/a'), probe('/b')]).then(([a, b]) => !a && b);
  return probesCache;
}
export function loadScriptsOnce() {
  if (!scriptsCache) scriptsCache = Promise.all([loadQuietly('/x.js'), loadQuietly('/y.js')]);
  return scriptsCache;
}
export function settleOnce() {
  if (!settledCache) settledCache = Promise.allSettled([fetch('/a'), fetch('/b')]);
  return settledCache;
}`,
    },
    {
      // `JSON.parse` is the built-in, not the class's own `async parse()`: the field holds an object.
      name: 'a field set from JSON.parse in a class with an async parse method',
      code: `export class FeedReader {
  private mapping: Record<string, string> = {};
  constructor(mapping: string | Record<string, string>) {
    if (mapping) this.mapping = typeof mapping === 'object' ? mapping : JSON.parse(mapping);
  }
  protected async parse(raw: string) {
    return Object.keys(this.mapping).map((k) => raw.slice(0, k.length));
  }
}`,
    },
    {
      // What is kept is the resolve function of a pending reply, not a shared promise.
      name: 'resolve functions of pending replies kept by id',
      code: `export class ReplyBus {
  private pendingCache: Record<number, (value: unknown) => void> = {};
  private next = 0;
  ask(send: (id: number) => void) {
    const id = ++this.next;
    const { promise, resolve } = Promise.withResolvers();
    this.pendingCache[id] = resolve;
    send(id);
    return promise;
  }
  answer(id: number, value: unknown) {
    this.pendingCache[id]?.(value);
    delete this.pendingCache[id];
  }
}`,
    },
    {
      // The request's headers are made with it (a fetch \`Request\`'s \`Headers\`, Node's header object): the entry dies with the request.
      name: 'a WeakMap of promises keyed by the headers handed on alone',
      code: headersKeyed('headers', 'headers'),
    },
    {
      name: "a WeakMap of promises keyed by the request's headers",
      code: headersKeyed('request.headers', 'request'),
    },
    {
      // A WeakMap keyed by the request's context: the entry dies with the request, so a rejection is
      // shared only by the other procedures of that same request.
      name: 'a WeakMap of promises keyed by the request context',
      code: `const accessCache = new WeakMap();
async function checkAccess(session, teamId) {
  const row = await session.db.findMember(session.userId, teamId);
  if (!row) throw new Error('forbidden');
  return row;
}
export async function withAccess({ ctx, next }) {
  let pending = accessCache.get(ctx);
  if (!pending) {
    pending = checkAccess(ctx.session, ctx.teamId);
    accessCache.set(ctx, pending);
  }
  await pending;
  return next();
}`,
    },
    {
      // On a server a module that fails to load or to evaluate is a broken deployment: importing it
      // again fails the same way, so the kept rejection replays nothing a retry would fix.
      name: 'server code keeping the promise of a dynamic import',
      filename: 'src/render/load-parser.ts',
      code: `let parserModule;
let pluginsLoad;
let toolsLoad;
export function loadParser() {
  return (parserModule ??= import('./parser.js'));
}
export function loadPlugins() {
  if (!pluginsLoad) pluginsLoad = Promise.all([import('./a.js'), import('./b.js')]).then((mods) => mods.map((m) => m.default));
  return pluginsLoad;
}
export function loadTools() {
  if (toolsLoad) return toolsLoad;
  toolsLoad = (async () => {
    const { parse } = await import('markup-parse');
    const { default: render } = await import('markup-render');
    return { parse, render };
  })();
  return toolsLoad;
}`,
    },
    {
      // The same, kept by name in a Map through a local variable that first reads the Map: what the
      // variable adds to it is only the import.
      name: 'server code keeping dynamic imports by specifier, through a variable that reads the store first',
      filename: 'tools/pack/shared.ts',
      code: `const moduleCache = new Map();
export async function importCached(specifier) {
  let pending = moduleCache.get(specifier);
  if (!pending) {
    pending = import(specifier);
    moduleCache.set(specifier, pending);
  }
  return pending;
}`,
    },
    {
      // A function that catches everything it could throw, whose name is also a type's (`export type
      // loadSettings = …` declared first): the call means the function, and its promise cannot reject.
      name: 'a slot filled by a catch-all function that shares its name with a type',
      filename: 'src/settings.ts',
      code: `export type loadSettings = () => Promise<Record<string, string> | null>;
export const loadSettings = async (): Promise<Record<string, string> | null> => {
  try {
    const res = await fetch('https://config.example.com/settings');
    return (await res.json()) as Record<string, string>;
  } catch {
    return null;
  }
};
let settings: Promise<Record<string, string> | null> | undefined;
export function getSettings() {
  settings ??= loadSettings();
  return settings;
}`,
    },
    {
      // A store made for one call of a function that walks a document: filled by nested helpers, read by
      // Promise.all, and garbage when the call returns; a rejection is never served to a later call.
      name: 'a promise store local to one call, filled by nested helpers that stay inside the call',
      filename: 'lib/parts.ts',
      code: `export function expandLinks(doc, base) {
  const partCache = {};
  function visit(node) {
    function want(ref) {
      if (!partCache[ref]) partCache[ref] = fetch(base + ref).then((r) => r.json());
    }
    if (node.ref) want(node.ref);
    (node.children || []).forEach((child) => visit(child));
  }
  visit(doc);
  return Promise.all(Object.keys(partCache).map((ref) => partCache[ref])).then(() => doc);
}
export function expandLinksWithLibrary(P, doc, base) {
  const partCache = {};
  function want(ref) {
    if (!partCache[ref]) partCache[ref] = fetch(base + ref).then((r) => r.json());
  }
  (doc.refs || []).forEach(want);
  return P.props(partCache).then(() => doc);
}`,
    },
    {
      // A memoizing decorator on a synchronous method, on a getter, and an unknown decorator on an async method.
      name: 'decorators that cache no promise',
      code: `import { Memoize } from 'typescript-memoize';
import { Cached } from './cached';
export class Catalog {
  @Memoize()
  slug(name: string) { return name.toLowerCase(); }
  @Memoize()
  get settings() { return loadSettingsSync(); }
  @Cached()
  async product(id: string) { return db.products.find(id); }
}`,
    },
    {
      // The executor empties the slot beside its reject: a failed load is tried again.
      name: 'a script-load slot emptied where the executor rejects',
      code: `let loading = null;
export function loadSdk() {
  if (loading) return loading;
  loading = new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/sdk.js';
    script.onload = () => resolve();
    script.onerror = () => {
      loading = null;
      reject(new Error('sdk'));
    };
    document.head.appendChild(script);
  });
  return loading;
}`,
    },
    {
      // A callback-style request inside the executor removes the entry (a cache class's `remove`),
      // then rejects on error: whatever the outcome, the entry is gone before the promise settles.
      name: 'a keyed store emptied with `remove` before `if (err) return reject(err)`',
      code: memoryCacheStore('remove first'),
    },
    {
      // The slot's loader is a method of the same class that catches everything it awaits.
      name: 'a slot filled by a method of the class that cannot reject',
      code: ladder(`    try {
      return await readRows(this.id);
    } catch {
      return [];
    }`),
    },
    {
      // A cancel token source is a plain object, whatever library makes it.
      name: 'a slot holding axios.CancelToken.source()',
      code: `import axios from 'axios';
let source = null;
export function cancellable() {
  if (!source) source = axios.CancelToken.source();
  return source;
}`,
    },
    {
      // Every handler's promise is caught where the list is made: Promise.all of them cannot reject.
      name: 'a slot holding Promise.all over a map whose callback catches',
      code: `let cleanup = null;
export function runCleanup(handlers) {
  if (!cleanup) cleanup = Promise.all(handlers.map((h) => h.run().catch((err) => console.warn(err))));
  return cleanup;
}`,
    },
    // A test runner's set-up and hooks files run only under the runner, wherever they sit.
    ...['apps/api/app/config/test-setup.ts', 'src/setupTests.js', 'jest.setup.ts', 'vitest-setup.mjs', 'e2e/global-setup.ts', 'config/test-hooks.ts'].map((filename) => ({
      name: `a promise slot in the harness file ${filename}`,
      filename,
      code: tokenSlot,
    })),
    // Helpers of an integration suite or a test kit run only under tests, whatever the file is called.
    ...['integration-tests/testkit/auth.ts', 'packages/api/testkit/session.ts', 'src/test-utils/login.ts', 'src/graphql/tests/util.ts', 'services/site/mocks/cloudflare.ts', 'app/utils/outbound-mock-r2.server.ts', 'tests/unit/request.tests.js', 'tests/api/fixtures/groups.ts', 'tests/functional/docs.js', 'playwright_tests_new/api/work-allocation.api.ts', 'e2e-tests/session.ts', 'src/api_tests/auth.ts'].map((filename) => ({
      name: `a promise slot in ${filename}`,
      filename,
      code: tokenSlot,
    })),
    {
      // Test files never run in production: decorators there are not checked, like everything else.
      name: 'a memoizing decorator on an async method in a test file',
      filename: 'src/rates.test.ts',
      code: `import { Memoize } from 'typescript-memoize';
export class FakeRates {
  @Memoize()
  async rate(currency: string) { return fetchRate(currency); }
}`,
    },
    {
      name: 'a memoizing decorator on an async method that catches every failure',
      code: `import { Memoize } from 'typescript-memoize';
export class Rates {
  @Memoize()
  async rate(currency: string) {
    try {
      return await fetchRate(currency);
    } catch {
      return undefined;
    }
  }
}`,
    },
    // A stored promise that cannot reject: an async IIFE, or a same-file async function, that catches everything.
    `const warmups = {};
export function warm(region) {
  warmups[region] = (async () => {
    try {
      return await fetch('/warm/' + region);
    } catch (error) {
      return null;
    }
  })();
}`,
    `const cache = new Map();
async function load(id) {
  try {
    return await fetch('/items/' + id);
  } catch {
    return undefined;
  }
}
export function get(id) {
  if (!cache.has(id)) cache.set(id, load(id));
  return cache.get(id);
}`,
    {
      name: 'p-memoize drops rejected promises',
      code: `import pMemoize from 'p-memoize';
export const getUser = pMemoize(async (id: string) => db.users.find(id));`,
    },
    {
      name: 'memoizee with promise: true',
      code: `import memoize from 'memoizee';
export const getUser = memoize(async (id: string) => db.users.find(id), { promise: true });`,
    },
    {
      name: 'memoizee with promise: \'then\'',
      code: `import memoize from 'memoizee';
export const getUser = memoize(async (id) => db.users.find(id), { promise: 'then', max: 100 });`,
    },
    {
      name: 'memoizee with promise: \'done\' (CommonJS)',
      filename: 'lib/users.js',
      languageOptions: commonjs,
      code: `const memoize = require('memoizee');
const getUser = memoize(async (id) => db.users.find(id), { promise: 'done' });
module.exports = { getUser };`,
    },
    {
      name: 'moize with isPromise: true',
      code: `import moize from 'moize';
export const cachedUser = moize(async (id: string) => db.users.find(id), { isPromise: true });`,
    },
    {
      name: 'moize.promise',
      code: `import moize from 'moize';
export const cachedUser = moize.promise(async (id: string) => db.users.find(id));`,
    },
    {
      name: 'micro-memoize with isPromise: true',
      code: `import memoize from 'micro-memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { isPromise: true, maxSize: 50 });`,
    },
    {
      name: 'this package\'s memoize',
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
    },
    {
      name: 'this package\'s memoize with a ttl',
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { ttl: 60_000 });`,
    },
    {
      name: 'lodash memoize of a synchronous function',
      code: `import _ from 'lodash';
export const slug = _.memoize((title: string) => title.toLowerCase().replace(/\\s+/g, '-'));`,
    },
    {
      name: 'lodash/memoize of a declared synchronous function (CommonJS)',
      filename: 'lib/users.js',
      languageOptions: commonjs,
      code: `const memoize = require('lodash/memoize');
function parse(text) {
  return JSON.parse(text);
}
module.exports = memoize(parse);`,
    },
    {
      name: 'fast-memoize of a synchronous function',
      code: `import memoize from 'fast-memoize';
const fib = memoize((n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2)));`,
    },
    {
      name: 'an async body that catches everything cannot reject',
      code: `import { memoize } from 'lodash';
export const getUser = memoize(async (id: string) => {
  try {
    return await db.users.find(id);
  } catch {
    return null;
  }
});`,
    },
    {
      name: 'an async function declaration whose try/catch logs and returns a fallback',
      code: `import memoize from 'memoize';
const fallback = null;
async function loadConfig(name) {
  const key = name;
  try {
    return await fetch('/config/' + key).then((r) => r.json());
  } catch (error) {
    console.warn(error);
    return fallback;
  }
}
export const config = memoize(loadConfig);`,
    },
    {
      name: 'a promise chain that ends in a non-rethrowing .catch',
      code: `import _ from 'lodash';
export const getPrice = _.memoize((sku: string) => fetch('/price/' + sku).then((r) => r.json()).catch(() => 0));`,
    },
    {
      name: 'a memoizer that is not in the catalog',
      code: `import memoize from './utils/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
    },
    {
      name: 'a local function that happens to be called memoize',
      code: `function memoize(fn) {
  return fn;
}
export const getUser = memoize(async (id) => db.users.find(id));`,
    },
    {
      name: 'React useMemo is not a memoizer',
      code: `import { useMemo } from 'react';
export function Profile({ id }: { id: string }) {
  const user = useMemo(async () => loadUser(id), [id]);
  return user;
}`,
    },
    {
      name: 'memoize-one of a synchronous function',
      code: `import memoizeOne from 'memoize-one';
export const total = memoizeOne((items: number[]) => items.reduce((a, b) => a + b, 0));`,
    },
    {
      name: 'nano-memoize of a synchronous function',
      code: `import nanomemoize from 'nano-memoize';
export const square = nanomemoize((n: number) => n * n);`,
    },
    {
      name: 'memoizee with options it cannot see into is trusted',
      code: `import memoize from 'memoizee';
import { cacheOptions } from './cache-options';
export const getUser = memoize(async (id: string) => db.users.find(id), cacheOptions);`,
    },
    {
      name: 'memoizee with spread options is trusted',
      code: `import memoize from 'memoizee';
const defaults = { promise: true };
export const getUser = memoize(async (id: string) => db.users.find(id), { ...defaults, max: 10 });`,
    },
    {
      name: 'an imported function without type information is not judged',
      code: `import _ from 'lodash';
import { loadUser } from './users';
export const getUser = _.memoize(loadUser);`,
    },
    {
      name: 'a hand-rolled cache that stores the awaited value',
      code: `const users = new Map();
export async function getUser(id) {
  if (!users.has(id)) users.set(id, await loadUser(id));
  return users.get(id);
}
async function loadUser(id) {
  return db.users.find(id);
}`,
    },
    {
      name: 'a promise cache that deletes the entry in .catch',
      code: `const inflight = new Map<string, Promise<unknown>>();
export function getJson(url: string) {
  let pending = inflight.get(url);
  if (!pending) {
    pending = fetch(url).then((r) => r.json());
    inflight.set(url, pending);
    pending.catch(() => inflight.delete(url));
  }
  return pending;
}`,
    },
    {
      name: 'a promise cache that deletes the entry in the rejection handler of .then',
      code: `const cache = {};
export function getJson(url) {
  if (!(url in cache)) {
    cache[url] = fetch(url).then(
      (r) => r.json(),
      (error) => {
        delete cache[url];
        throw error;
      },
    );
  }
  return cache[url];
}`,
    },
    {
      name: 'a promise cache that deletes the entry in a catch block',
      code: `const cache = new Map();
async function load(id) {
  return db.users.find(id);
}
export async function getUser(id) {
  const pending = load(id);
  cache.set(id, pending);
  try {
    return await pending;
  } catch (error) {
    cache.delete(id);
    throw error;
  }
}`,
    },
    {
      name: 'an in-flight map cleared in .finally',
      code: `const inflight = new Map();
export function dedupe(key, run) {
  if (!inflight.has(key)) inflight.set(key, run().finally(() => inflight.delete(key)));
  return inflight.get(key);
}`,
    },
    {
      name: 'a promise cache created per call does not outlive the call',
      code: `export async function loadAll(ids: string[]) {
  const cache = new Map<string, Promise<unknown>>();
  for (const id of ids) cache.set(id, fetch('/users/' + id));
  return Promise.all(cache.values());
}`,
    },
    {
      name: 'requireTtl: memoizee with promise and maxAge',
      options: [{requireTtl: true}],
      code: `import memoize from 'memoizee';
export const getUser = memoize(async (id: string) => db.users.find(id), { promise: true, maxAge: 60_000 });`,
    },
    {
      name: 'requireTtl: this package\'s memoize with a ttl',
      options: [{requireTtl: true}],
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { ttl: 30_000 });`,
    },
    {
      name: 'requireTtl: moize with isPromise and maxAge',
      options: [{requireTtl: true}],
      code: `import moize from 'moize';
export const cachedUser = moize(async (id: string) => db.users.find(id), { isPromise: true, maxAge: 5000 });`,
    },
    {
      name: 'requireTtl: a synchronous function is not a promise cache',
      options: [{requireTtl: true}],
      code: `import pMemoize from 'p-memoize';
import memoize from 'memoizee';
export const slug = memoize((title: string) => title.trim());`,
    },
    {
      name: 'reselect selectors are not promise memoizers',
      code: `import { createSelector } from 'reselect';
export const selectTotal = createSelector([(state) => state.items], (items) => items.length);`,
    },
    {
      name: 'memoizee with a default parameter and promise: true',
      code: `import memoize from 'memoizee';
export const getUser = memoize(async (id, opts = {}) => db.users.find(id, opts), { promise: true, length: 1 });`,
    },
    {
      name: 'p-memoize through require (CommonJS)',
      filename: 'lib/users.js',
      languageOptions: commonjs,
      code: `const pMemoize = require('p-memoize');
exports.getUser = pMemoize(async (id) => db.users.find(id));`,
    },
    {
      name: 'plain names: moize with isPromise: true in a file that never says memo or cache',
      code: `import moize from 'moize';
export const getUser = moize(async (id) => db.find(id), { isPromise: true });`,
    },
    {
      name: 'an async generator returns an async iterator, not a promise',
      code: `import _ from 'lodash';
export const crawl = _.memoize(async function* (url: string) {
  yield await fetch(url);
});`,
    },
    {
      name: 'a stored promise chain that ends in a non-rethrowing .catch cannot reject',
      code: `const cache = new Map();
export function getJson(url) {
  if (!cache.has(url)) cache.set(url, fetch(url).then((r) => r.json()).catch(() => null));
  return cache.get(url);
}`,
    },
    {
      name: 'a rejection handler given by name removes the entry',
      code: `const pending = new Map();
export function load(key) {
  if (!pending.has(key)) {
    const clear = () => pending.delete(key);
    const p = fetch(key);
    p.then(clear, clear);
    pending.set(key, p);
  }
  return pending.get(key);
}`,
    },
    {
      name: 'a rejection handler given by name: a function declaration',
      code: `const pending = new Map();
export function load(key) {
  if (!pending.has(key)) {
    function clear() {
      pending.delete(key);
    }
    const p = fetch(key);
    p.then(clear, clear);
    pending.set(key, p);
  }
  return pending.get(key);
}`,
    },
    {
      // The "memoizePromise" helper common in real code: the rejection deletes its own entry, then rethrows.
      name: 'a lodash-memoized async function whose catch deletes its own cache entry',
      code: `import { memoize } from 'lodash-es';
export function memoizePromise(f, resolver) {
  const memorized = memoize(async function (...args) {
    try {
      return await f(...args);
    } catch (error) {
      memorized.cache.delete(resolver(...args));
      throw error;
    }
  }, resolver);
  return memorized;
}`,
    },
    {
      name: 'a promise chain whose rejection handler deletes its own entry (CommonJS, assignment binding)',
      code: `const memoize = require('lodash/memoize');
let getRate;
getRate = memoize((currency) => fetch('/rates/' + currency).catch((err) => {
  getRate.cache.delete(currency);
  throw err;
}));
module.exports = { getRate };`,
      languageOptions: commonjs,
    },
    {
      name: 'memoizee delete, moize remove and memoizeClear on rejection',
      code: `import memoizee from 'memoizee';
import moize from 'moize';
import memoize, { memoizeClear } from 'memoize';
export const team = memoizee(async (id) => {
  try { return await api.team(id); } catch (e) { team.delete(id); throw e; }
});
export const org = moize(async (id) => {
  try { return await api.org(id); } catch (e) { org.remove([id]); throw e; }
});
export const plan = memoize(async (id) => {
  try { return await api.plan(id); } catch (e) { memoizeClear(plan); throw e; }
});`,
    },
    {
      name: 'memoized methods assigned in a constructor and as a class field delete their own entries',
      code: `import memoize from 'lodash/memoize';
export class Catalog {
  constructor() {
    this.product = memoize(async (id) => {
      try { return await this.api.product(id); } catch (e) { this.product.cache.delete(id); throw e; }
    });
  }
  price = memoize((id) => this.api.price(id).then(undefined, (e) => { this.price.cache.clear(); throw e; }));
}`,
    },
  ],
  invalid: [
    {
      // The second catch rethrows: the fetch's rejection is the body's.
      name: 'two try/catch statements in a row, the second rethrowing',
      code: caughtLoads('catch (e) {\n      throw new Error(`models: ${e}`);\n    }'),
      // Line 6 is `pending = (async () => {` (the reported slot write), column 3 its start.
      errors: [{ messageId: 'unsafePromiseSlot', line: 6, column: 3, data: { name: 'pending' } }],
    },
    {
      // An await between the tries is outside both: its rejection is the body's.
      name: 'two caught tries with an await between them',
      code: caughtLoads('catch {\n      // missing\n    }', '\n    await check(a);'),
      errors: [{ messageId: 'unsafePromiseSlot', line: 6, column: 3, data: { name: 'pending' } }],
    },
    {
      // The same handler after a promise that can reject: on a rejection the handler never runs.
      name: 'an in-flight entry deleted in the handler of a promise that can reject',
      code: inFlightRoute(false, 'first'),
      // Line 26 is \`inFlight.set(key, promise)\` (the same lines with or without the try: blank lines stand in for it).
      errors: [{ messageId: 'unsafePromiseCache', line: 26, column: 3, data: { name: 'inFlight' } }],
    },
    {
      // The twin gives the variable another call's result, which may be a promise that rejects: returned, it rejects the chain.
      name: 'a slot whose handler returns a variable it has given a call result',
      code: keptDefault('value ?? lookupAgain()'),
      // Line 16 is \`resolving = resolve().then(…)\`: the assignment, at column 5.
      errors: [{ messageId: 'unsafePromiseSlot', line: 16, column: 5, data: { name: 'resolving' } }],
    },
    {
      // The same handler after a promise that can reject (a fetch without a catch): the slot keeps the rejection.
      name: 'a slot holding a rejectable promise followed by a handler that keeps and returns its value',
      code: `async function getBase() {
  const res = await fetch('/config');
  return res.ok ? '/local' : '/remote';
}
let cachedBase = null;
let basePromise = null;
export function apiBase() {
  if (cachedBase) return cachedBase;
  if (!basePromise) basePromise = getBase().then((base) => { cachedBase = base; return base; });
  return basePromise;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 9, column: 21, data: { name: 'basePromise' } }],
    },
    {
      // Plain JavaScript, no annotation: the slot is tested against undefined (and null) rather than by truth.
      name: 'a slot in plain JavaScript filled when it is === undefined',
      code: `let settingsLoad;
export function settings() {
  if (settingsLoad === undefined) {
    settingsLoad = fetch('/settings').then((r) => r.json());
  }
  return settingsLoad;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, column: 5, data: { name: 'settingsLoad' } }],
    },
    {
      name: 'a slot of an instance filled when it is == null',
      code: `export class Catalog {
  load() {
    if (this.pending == null) this.pending = fetch('/catalog').then((r) => r.json());
    return this.pending;
  }
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 3, column: 31, data: { name: 'this.pending' } }],
    },
    {
      // JSON.parse throws on a text that is not JSON, so the handler can fail after a safe promise.
      name: 'a slot holding a safe promise followed by a handler that parses',
      code: `async function readText() {
  try {
    return await (await fetch('/config')).text();
  } catch {
    return '{}';
  }
}
let configLoad = null;
export function config() {
  if (!configLoad) configLoad = readText().then((text) => JSON.parse(text));
  return configLoad;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 10, column: 20, data: { name: 'configLoad' } }],
    },
    {
      // What is new in \`map.get(k) ?? load(k)\` is the load, which can reject.
      name: 'a store written with its own read or a load that can reject',
      code: `const users = new Map();
export function user(id) {
  const pending = users.get(id) ?? fetch('/users/' + id);
  users.set(id, pending);
  return pending;
}`,
      errors: [{ messageId: 'unsafePromiseCache', line: 4, column: 3, data: { name: 'users' } }],
    },
    ...['tests/examples/shop/src/worker.ts', 'app/examples/worker.ts', 'src/pages/demo/worker.ts', 'src/routes/examples/worker.ts', 'src/demo-data/worker.ts', 'src/api/tests-runner/worker.ts', 'src/client/cli-output.ts', 'src/vendors-api/loader.ts', 'src/backup/loader.ts', 'src/routes/old/loader.ts', 'src/archive/loader.ts', 'src/services/backups-api/loader.js', 'src/next/loader.ts', 'dist/assets/date-handlers.js', 'src/lib/cafebabe.js', 'src/api/v1.2/loader.ts', 'src/migrations-1.2.3.ts'].map((filename) => ({
      // Names that only look like a test suite, command-line, vendored, backup-copy, example or bundle output path (an example project in a top tests/ folder, an app's route folder named examples/ or demo/, a demo-data/ folder, an app's own backup feature, old/ and archive/ below the project's top, a word after the dash, a hex word without a digit, a version of two parts, a version in a file's name).
      name: `a promise slot in ${filename}`,
      filename,
      code: workerSlot,
      errors: [{ messageId: 'unsafePromiseSlot' as const, line: 3, column: 23, data: { name: 'workerPromise' } }],
    })),
    {
      // The bin/ twin's code in a module of the server: its rejection stays for every later caller.
      name: 'a memoized async function outside bin/, in a file without a #! line',
      filename: 'source/lib/outputs.ts',
      code: `import memoize from 'lodash/memoize';
export const outputs = memoize(async (stack) => (await fetch('/stacks/' + stack)).json());`,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          column: 24,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const outputs = memoize(async (stack) => (await fetch('/stacks/' + stack)).json(), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      // The same slot whose method lets the read's rejection through.
      name: 'a slot filled by a method of the class that can reject',
      code: ladder(`    return await readRows(this.id);`),
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, column: 24, data: { name: 'this.loading' } }],
    },
    {
      // The callback's requests are not caught.
      name: 'a slot holding Promise.all over a map whose callback may reject',
      code: `let cleanup = null;
export function runCleanup(handlers) {
  if (!cleanup) cleanup = Promise.all(handlers.map((h) => fetch(h.url)));
  return cleanup;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 3, column: 17, data: { name: 'cleanup' } }],
    },
    {
      // The removal comes after the early `return reject(err)`: it runs only on success.
      name: 'a keyed store emptied after `if (err) return reject(err)`',
      code: memoryCacheStore('check first'),
      errors: [{ messageId: 'unsafePromiseCache', line: 21, column: 5, data: { name: 'this.fetches' } }], // `this.fetches.set(url, fetching)`
    },
    {
      // Emptied only on load: a failed load stays.
      name: 'a script-load slot emptied beside resolve, not reject',
      code: `let loading = null;
export function loadSdk() {
  if (loading) return loading;
  loading = new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.onload = () => {
      loading = null;
      resolve();
    };
    script.onerror = () => reject(new Error('sdk'));
    document.head.appendChild(script);
  });
  return loading;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, column: 3, data: { name: 'loading' } }],
    },
    {
      // The same slot given an axios request: a promise that rejects when the request fails.
      name: 'a slot holding an axios request',
      code: `import axios from 'axios';
let settings;
export function loadSettings() {
  if (settings) return settings;
  settings = axios.get('/settings');
  return settings;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 5, column: 3, data: { name: 'settings' } }],
    },
    {
      // The test is in the caller: \`slot || fill()\` runs the writer only while the slot is empty.
      name: 'a slot filled by a helper that the reader runs only when the slot is empty',
      code: `let settingsLoad;
function fetchSettings() {
  settingsLoad = fetch('/settings.json').then((r) => r.json());
  settingsLoad.catch((e) => console.error(e));
  return settingsLoad;
}
export function getSettings() {
  return settingsLoad || fetchSettings();
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 3, column: 3, data: { name: 'settingsLoad' } }],
    },
    {
      // One element can reject, so Promise.all can.
      name: 'a slot holding Promise.all with one element that can reject',
      code: `const loadQuietly = (src) => fetch(src).catch(() => undefined);
let scriptsCache;
export function loadScriptsOnce() {
  if (!scriptsCache) scriptsCache = Promise.all([loadQuietly('/x.js'), fetch('/y.js')]);
  return scriptsCache;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, column: 22, data: { name: 'scriptsCache' } }],
    },
    {
      // \`headers\` of a long-lived object (a client's default headers), not of a request: the entry lives as long as the client.
      name: "a WeakMap of promises keyed by a client's headers",
      code: headersKeyed('client.headers', 'client'),
      errors: [{ messageId: 'unsafePromiseCache', line: 6, column: 3, data: { name: 'sessions' } }],
    },
    {
      // Keyed by a long-lived object (a client made once), the WeakMap entry lives as long as the client.
      name: 'a WeakMap of promises keyed by a client object',
      code: `const schemaCache = new WeakMap();
async function loadSchema(client) {
  return client.query('select * from schema');
}
export async function schemaOf(client) {
  let pending = schemaCache.get(client);
  if (!pending) {
    pending = loadSchema(client);
    schemaCache.set(client, pending);
  }
  return pending;
}`,
      output: null,
      errors: [{ messageId: 'unsafePromiseCache', line: 9, column: 5, data: { name: 'schemaCache' } }],
    },
    {
      // The same store, but the factory returns the function that fills it: it lives as long as the
      // returned loader, and replays a rejection for its key on every later call.
      name: 'a promise store in a factory whose returned closure fills it',
      filename: 'lib/parts.ts',
      code: `export function makePartLoader(base) {
  const partCache = {};
  function want(ref) {
    if (!partCache[ref]) partCache[ref] = fetch(base + ref).then((r) => r.json());
    return partCache[ref];
  }
  return (ref) => want(ref);
}`,
      output: null,
      errors: [{ messageId: 'unsafePromiseCache', line: 4, column: 26, data: { name: 'partCache' } }],
    },
    {
      name: 'a promise store whose filling function is handed out in the returned object',
      filename: 'lib/parts.ts',
      code: `export function createParts(base) {
  const partCache = {};
  return {
    want(ref) {
      if (!partCache[ref]) partCache[ref] = fetch(base + ref).then((r) => r.json());
      return partCache[ref];
    },
  };
}`,
      output: null,
      errors: [{ messageId: 'unsafePromiseCache', line: 5, column: 28, data: { name: 'partCache' } }],
    },
    {
      // Safe from rejections, but with requireTtl every success stays forever.
      name: 'requireTtl: a function that deletes its own entry on rejection still keeps every success',
      options: [{ requireTtl: true }],
      code: `import memoize from 'lodash/memoize';
export const getUser = memoize(async (id) => {
  try { return await api.user(id); } catch (e) { getUser.cache.delete(id); throw e; }
});`,
      errors: [{ messageId: 'noTtl', data: { library: 'lodash memoize' }, line: 2, column: 24 }],
    },
    {
      name: 'typescript-memoize on an async method of a Nest service',
      code: `import { Injectable } from '@nestjs/common';
import { Memoize } from 'typescript-memoize';
@Injectable()
export class UsersService {
  @Memoize()
  async findOne(id: string) {
    return this.repo.findOneByOrFail({ id });
  }
}`,
      errors: [
        {
          messageId: 'unsafeDecorator',
          data: { name: 'Memoize', library: 'typescript-memoize', method: 'findOne' },
          line: 5, column: 3, endLine: 5, endColumn: 13,
        },
      ],
    },
    {
      name: 'decorators on methods that return a promise without async',
      code: `import { Memoize } from 'lodash-decorators';
import * as decko from 'decko';
export class Api {
  @Memoize
  user(id: string) { return fetch('/users/' + id).then((r) => r.json()); }
  @decko.memoize
  team(id: string): Promise<Team> { return this.http.get(id); }
}`,
      errors: [
        { messageId: 'unsafeDecorator', data: { name: 'Memoize', library: 'lodash-decorators Memoize', method: 'user' }, line: 4, column: 3 },
        { messageId: 'unsafeDecorator', data: { name: 'decko.memoize', library: 'decko', method: 'team' }, line: 6, column: 3 },
      ],
    },
    {
      name: 'lodash default import',
      code: `import _ from 'lodash';
export const getUser = _.memoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          data: { library: 'lodash memoize', functionKind: 'async function' },
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash named import with a declared async function',
      code: `import { memoize } from 'lodash';
async function loadUser(id: string) {
  return db.users.find(id);
}
export const getUser = memoize(loadUser);`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          data: { library: 'lodash memoize', functionKind: 'async function' },
          line: 5,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
async function loadUser(id: string) {
  return db.users.find(id);
}
export const getUser = memoize(loadUser, { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash namespace import',
      code: `import * as _ from 'lodash';
export const getUser = _.memoize(async function (id: string) {
  return db.users.find(id);
});`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async function (id: string) {
  return db.users.find(id);
}, { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash through require (CommonJS)',
      filename: 'lib/users.js',
      languageOptions: commonjs,
      code: `const _ = require('lodash');
const getUser = _.memoize(async (id) => db.users.find(id));
module.exports = { getUser };`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `const { memoize } = require('eslint-plugin-memo-guard/memoize');
const getUser = memoize(async (id) => db.users.find(id), { key: (first) => first });
module.exports = { getUser };`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash/memoize through require (CommonJS)',
      filename: 'lib/users.js',
      languageOptions: commonjs,
      code: `const memoize = require('lodash/memoize');
exports.getUser = memoize(async (id) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `const { memoize } = require('eslint-plugin-memo-guard/memoize');
exports.getUser = memoize(async (id) => db.users.find(id), { key: (first) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash.memoize',
      code: `import memoize from 'lodash.memoize';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash-es',
      code: `import { memoize } from 'lodash-es';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash-es/memoize',
      code: `import memoize from 'lodash-es/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'es-toolkit',
      code: `import { memoize } from 'es-toolkit';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'ramda memoizeWith',
      code: `import { memoizeWith } from 'ramda';
export const getUser = memoizeWith(String, async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: String });`,
            },
          ],
        },
      ],
    },
    {
      name: 'ramda namespace memoizeWith',
      code: `import * as R from 'ramda';
export const getUser = R.memoizeWith((id: string) => id, async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: (id: string) => id });`,
            },
          ],
        },
      ],
    },
    {
      name: 'fast-memoize',
      code: `import memoize from 'fast-memoize';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'memoizee without promise: true',
      code: `import memoize from 'memoizee';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'usePromiseOption',
              output: `import memoize from 'memoizee';
export const getUser = memoize(async (id: string) => db.users.find(id), { promise: true });`,
            },
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
            },
          ],
        },
      ],
    },
    {
      name: 'memoizee with other options but no promise',
      code: `import memoize from 'memoizee';
export const getUser = memoize(async (id: string) => db.users.find(id), { max: 100 });`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'usePromiseOption',
              output: `import memoize from 'memoizee';
export const getUser = memoize(async (id: string) => db.users.find(id), { promise: true, max: 100 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'memoizee with promise: false',
      code: `import memoize from 'memoizee';
export const getUser = memoize(async (id: string) => db.users.find(id), { promise: false });`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'usePromiseOption',
              output: `import memoize from 'memoizee';
export const getUser = memoize(async (id: string) => db.users.find(id), { promise: true });`,
            },
          ],
        },
      ],
    },
    {
      name: 'moize without isPromise',
      code: `import moize from 'moize';
export const cachedUser = moize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'usePromiseOption',
              output: `import moize from 'moize';
export const cachedUser = moize(async (id: string) => db.users.find(id), { isPromise: true });`,
            },
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const cachedUser = memoize(async (id: string) => db.users.find(id));`,
            },
          ],
        },
      ],
    },
    {
      name: 'moize with isPromise: false',
      code: `import moize from 'moize';
export const cachedUser = moize(async (id: string) => db.users.find(id), { isPromise: false, maxSize: 10 });`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'usePromiseOption',
              output: `import moize from 'moize';
export const cachedUser = moize(async (id: string) => db.users.find(id), { isPromise: true, maxSize: 10 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'moize.infinite',
      code: `import moize from 'moize';
export const cachedUser = moize.infinite(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'usePromiseOption',
              output: `import moize from 'moize';
export const cachedUser = moize.infinite(async (id: string) => db.users.find(id), { isPromise: true });`,
            },
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const cachedUser = memoize(async (id: string) => db.users.find(id));`,
            },
          ],
        },
      ],
    },
    {
      name: 'micro-memoize',
      code: `import memoize from 'micro-memoize';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'usePromiseOption',
              output: `import memoize from 'micro-memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { isPromise: true });`,
            },
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
            },
          ],
        },
      ],
    },
    {
      name: 'micro-memoize named export (CommonJS)',
      filename: 'lib/users.js',
      languageOptions: commonjs,
      code: `const { memoize } = require('micro-memoize');
module.exports.getUser = memoize(async (id) => db.users.find(id), { maxSize: 20 });`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'usePromiseOption',
              output: `const { memoize } = require('micro-memoize');
module.exports.getUser = memoize(async (id) => db.users.find(id), { isPromise: true, maxSize: 20 });`,
            },
          ],
        },
      ],
    },
    {
      name: 'memoize (sindresorhus)',
      code: `import memoize from 'memoize';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'mem with maxAge is still unsafe: a rejection is served until it expires',
      code: `import mem from 'mem';
export const cachedUser = mem(async (id: string) => db.users.find(id), { maxAge: 1000 });`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
        },
      ],
    },
    {
      name: 'memoize-one',
      code: `import memoizeOne from 'memoize-one';
export const getUser = memoizeOne(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
            },
          ],
        },
      ],
    },
    {
      name: "memoize-one with an isEqual: it compares argument lists, it is not a key, so no replacement is suggested",
      code: `import memoizeOne from 'memoize-one';
export const getUser = memoizeOne(async (id: string) => db.users.find(id), (next, last) => next[0] === last[0]);`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          column: 24,
          suggestions: [],
        },
      ],
    },
    {
      name: 'nano-memoize',
      code: `import nanomemoize from 'nano-memoize';
export const getUser = nanomemoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
            },
          ],
        },
      ],
    },
    {
      name: 'memize',
      code: `import memize from 'memize';
export const cachedUser = memize(async (id: string) => db.users.find(id), { maxSize: 10 });`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
        },
      ],
    },
    {
      name: 'a .then() chain is a promise',
      code: `import _ from 'lodash';
export const getJson = _.memoize((url: string) => fetch(url).then((r) => r.json()));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          data: { library: 'lodash memoize', functionKind: 'function' },
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getJson = memoize((url: string) => fetch(url).then((r) => r.json()), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'fetch() is a promise',
      code: `import { memoize } from 'es-toolkit';
export const getPage = memoize((url: string) => fetch(url));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getPage = memoize((url: string) => fetch(url), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      // With a `reject` to call (a resolve-only executor cannot reject: see the block on executors below).
      name: 'new Promise is a promise',
      code: `import memoize from 'fast-memoize';
export const wait = memoize((ms: number) => {
  return new Promise((resolve, reject) => setTimeout(ms < 0 ? reject : resolve, Math.abs(ms)));
});`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const wait = memoize((ms: number) => {
  return new Promise((resolve, reject) => setTimeout(ms < 0 ? reject : resolve, Math.abs(ms)));
}, { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a call of an async function of the same file',
      code: `import _ from 'lodash';
async function loadUser(id) {
  return db.users.find(id);
}
export const getUser = _.memoize((id) => loadUser(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 5,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
async function loadUser(id) {
  return db.users.find(id);
}
export const getUser = memoize((id) => loadUser(id), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a Promise<...> return annotation',
      code: `import memoize from 'memoize';
function loadUser(id: string): Promise<User> {
  return db.users.find(id);
}
export const getUser = memoize(loadUser);`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          data: { library: 'memoize (mem)', functionKind: 'function' },
          line: 5,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
function loadUser(id: string): Promise<User> {
  return db.users.find(id);
}
export const getUser = memoize(loadUser, { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a catch that rethrows can still reject',
      code: `import _ from 'lodash';
export const getUser = _.memoize(async (id: string) => {
  try {
    return await db.users.find(id);
  } catch (error) {
    log(error);
    throw error;
  }
});`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => {
  try {
    return await db.users.find(id);
  } catch (error) {
    log(error);
    throw error;
  }
}, { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'statements outside the try can still reject',
      code: `import _ from 'lodash';
export const getUser = _.memoize(async (id: string) => {
  const db = await connect();
  try {
    return await db.users.find(id);
  } catch {
    return null;
  }
});`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => {
  const db = await connect();
  try {
    return await db.users.find(id);
  } catch {
    return null;
  }
}, { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'an async method memoized in the constructor',
      code: `import memoize from 'memoizee';
class UserService {
  load = memoize(this.fetchUser.bind(this));
  async fetchUser(id: string) {
    return db.users.find(id);
  }
}
export default new UserService();`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 3,
          suggestions: [
            {
              messageId: 'usePromiseOption',
              output: `import memoize from 'memoizee';
class UserService {
  load = memoize(this.fetchUser.bind(this), { promise: true });
  async fetchUser(id: string) {
    return db.users.find(id);
  }
}
export default new UserService();`,
            },
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
class UserService {
  load = memoize(this.fetchUser.bind(this));
  async fetchUser(id: string) {
    return db.users.find(id);
  }
}
export default new UserService();`,
            },
          ],
        },
      ],
    },
    {
      name: 'lodash with a resolver: the suggestion keeps it as key',
      code: `import _ from 'lodash';
export const getRate = _.memoize(async (from: string, to: string) => rates.get(from, to), (from, to) => from + ':' + to);`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getRate = memoize(async (from: string, to: string) => rates.get(from, to), { key: (from, to) => from + ':' + to });`,
            },
          ],
        },
      ],
    },
    {
      name: 'the runtime import gets an alias when memoize is taken',
      code: `import { memoize } from 'lodash';
export const getUser = memoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'an existing import of this package gets the specifier',
      code: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
import memoize from 'fast-memoize';
export const getUser = memoize(async (id: string) => db.users.find(id));
export const users = new LruMap(100);`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 3,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { LruMap, memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: 'structural' });
export const users = new LruMap(100);`,
            },
          ],
        },
      ],
    },
    {
      name: 'hand-rolled Map storing the promise of an async call',
      code: `const users = new Map();
async function loadUser(id) {
  return db.users.find(id);
}
export function getUser(id) {
  if (!users.has(id)) users.set(id, loadUser(id));
  return users.get(id);
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 6,
        },
      ],
    },
    {
      name: 'hand-rolled object storing a fetch chain',
      code: `const cache: Record<string, Promise<unknown>> = {};
export function getJson(url: string) {
  if (!cache[url]) {
    cache[url] = fetch(url).then((r) => r.json());
  }
  return cache[url];
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 4,
        },
      ],
    },
    {
      name: 'a promise held in a const, then stored',
      code: `const cache = new Map();
export function getJson(url) {
  const pending = fetch(url).then((r) => r.json());
  cache.set(url, pending);
  return pending;
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 4,
        },
      ],
    },
    {
      name: 'removing the entry only on success is still the bug',
      code: `const cache = new Map();
export function getJson(url) {
  const pending = fetch(url);
  cache.set(url, pending);
  pending.then(() => cache.delete(url));
  return pending;
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 4,
        },
      ],
    },
    {
      name: 'a static class field storing promises',
      code: `class Api {
  static cache = new Map();
  static get(url) {
    if (!Api.cache.has(url)) {
      Api.cache.set(url, fetch(url));
    }
    return Api.cache.get(url);
  }
}
export default Api;`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 5,
        },
      ],
    },
    {
      name: 'requireTtl: lodash gets a suggestion with a ttl',
      options: [{requireTtl: true}],
      code: `import _ from 'lodash';
export const getUser = _.memoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { ttl: 60_000, key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'requireTtl: p-memoize never expires resolved values',
      options: [{requireTtl: true}],
      code: `import pMemoize from 'p-memoize';
export const getUser = pMemoize(async (id: string) => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'noTtl',
          line: 2,
        },
      ],
    },
    {
      name: 'requireTtl: memoizee with promise but no maxAge',
      options: [{requireTtl: true}],
      code: `import memoize from 'memoizee';
export const getUser = memoize(async (id: string) => db.users.find(id), { promise: true });`,
      output: null,
      errors: [
        {
          messageId: 'noTtl',
          line: 2,
        },
      ],
    },
    {
      name: 'requireTtl: a promise cache cleared only on rejection keeps successes forever',
      options: [{requireTtl: true}],
      code: `const inflight = new Map();
export function getJson(url) {
  if (!inflight.has(url)) inflight.set(url, fetch(url).catch((error) => { inflight.delete(url); throw error; }));
  return inflight.get(url);
}`,
      output: null,
      errors: [
        {
          messageId: 'noTtl',
          line: 1,
        },
      ],
    },
    {
      name: 'a memoized async function wrapped in a type assertion',
      code: `import memoize from 'memoize';
export const getUser = memoize(async (id: string) => db.users.find(id)) as (id: string) => Promise<User>;`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: (first?: unknown) => first }) as (id: string) => Promise<User>;`,
            },
          ],
        },
      ],
    },
    {
      name: 'two memoizers in one file',
      code: `import _ from 'lodash';
export const getUser = _.memoize(async (id: string) => db.users.find(id));
export const getTeam = _.memoize(async (id: string) => db.teams.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import _ from 'lodash';
import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id: string) => db.users.find(id), { key: (first?: unknown) => first });
export const getTeam = _.memoize(async (id: string) => db.teams.find(id));`,
            },
          ],
        },
        {
          messageId: 'unsafeMemoizer',
          line: 3,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import _ from 'lodash';
import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = _.memoize(async (id: string) => db.users.find(id));
export const getTeam = memoize(async (id: string) => db.teams.find(id), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'an aliased lodash import and a PromiseLike annotation',
      code: `import { memoize as memo } from 'lodash';
export const getUser = memo((id: string): PromiseLike<User> => db.users.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize((id: string): PromiseLike<User> => db.users.find(id), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'TypeScript import-equals of lodash and Promise.all',
      filename: 'lib/users.cts',
      code: `import _ = require('lodash');
export const getAll = _.memoize((ids: string[]) => Promise.all(ids.map(load)));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `const { memoize } = require('eslint-plugin-memo-guard/memoize');
import _ = require('lodash');
export const getAll = memoize((ids: string[]) => Promise.all(ids.map(load)), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'require(lodash).memoize and an axios chain (CommonJS)',
      filename: 'lib/users.js',
      languageOptions: commonjs,
      code: `const memoize = require('lodash').memoize;
const getUser = memoize((id) => axios.get('/users/' + id).then((r) => r.data));
module.exports = getUser;`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `const { memoize } = require('eslint-plugin-memo-guard/memoize');
const getUser = memoize((id) => axios.get('/users/' + id).then((r) => r.data), { key: (first) => first });
module.exports = getUser;`,
            },
          ],
        },
      ],
    },
    {
      name: 'a class field memoized with lodash',
      code: `import { memoize } from 'lodash';
export class Users {
  get = memoize(async (id: string) => db.users.find(id));
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 3,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export class Users {
  get = memoize(async (id: string) => db.users.find(id), { key: (first?: unknown) => first });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a logical assignment into Object.create(null)',
      code: `const cache = Object.create(null);
export function getJson(url) {
  cache[url] ??= fetch(url);
  return cache[url];
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 3,
        },
      ],
    },
    {
      name: 'a timer that clears the cache does not remove a rejection when it happens',
      code: `const cache = new Map();
setInterval(() => cache.clear(), 60_000);
export function getJson(url) {
  if (!cache.has(url)) cache.set(url, fetch(url));
  return cache.get(url);
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 4,
        },
      ],
    },
    {
      name: 'a .catch that only logs does not remove the entry',
      code: `const cache = new Map();
export function getJson(url) {
  if (!cache.has(url)) {
    const pending = fetch(url);
    pending.catch((error) => console.error(error));
    cache.set(url, pending);
  }
  return cache.get(url);
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 6,
        },
      ],
    },
    {
      name: 'memize without options',
      code: `import memize from 'memize';
export const cachedPage = memize((url: string) => fetch(url));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const cachedPage = memoize((url: string) => fetch(url));`,
            },
          ],
        },
      ],
    },
    {
      name: 'nano-memoize named export with maxAge is still unsafe',
      code: `import { nanomemoize } from 'nano-memoize';
export const getUser = nanomemoize(async (id: string) => db.users.find(id), { maxAge: 1000 });`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
        },
      ],
    },
    {
      name: 'plain names: a file that imports only moize',
      code: `import moize from 'moize';
export const getUser = moize(async (id) => db.find(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'usePromiseOption',
              output: `import moize from 'moize';
export const getUser = moize(async (id) => db.find(id), { isPromise: true });`,
            },
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getUser = memoize(async (id) => db.find(id));`,
            },
          ],
        },
      ],
    },
    {
      name: 'plain names: a file that imports only mem',
      code: `import mem from 'mem';
const f = mem(async (id) => fetch(id));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const f = memoize(async (id) => fetch(id), { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'plain names: a file that imports only memize',
      code: `import memize from 'memize';
export const getPage = memize((url: string) => fetch(url));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 2,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
export const getPage = memoize((url: string) => fetch(url));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a stored promise chain whose .catch rethrows can still reject',
      code: `const cache = new Map();
export function getJson(url) {
  if (!cache.has(url)) cache.set(url, fetch(url).then((r) => r.json()).catch((error) => { console.error(error); throw error; }));
  return cache.get(url);
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 3,
        },
      ],
    },
    {
      name: 'a stored promise chain that continues after its .catch can still reject',
      code: `const cache = new Map();
export function getJson(url) {
  if (!cache.has(url)) cache.set(url, fetch(url).catch(() => null).then((r) => r.json()));
  return cache.get(url);
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 3,
        },
      ],
    },
    {
      name: 'a handler given by name only as the success handler removes the entry only on success',
      code: `const pending = new Map();
export function load(key) {
  if (!pending.has(key)) {
    const clear = () => pending.delete(key);
    const p = fetch(key);
    p.then(clear);
    pending.set(key, p);
  }
  return pending.get(key);
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 7,
        },
      ],
    },
    {
      name: 'an async IIFE stored in a module-level object',
      code: `const warmups = {};
export function warm(region) {
  warmups[region] = (async () => {
    await fetch('/warm/' + region);
  })();
  return warmups[region];
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 3,
        },
      ],
    },
  ],
});

/** Cases that need the type checker: most import from tests/fixtures/typed/types.ts. */
const typedCases: { valid: ValidTestCase<Options>[]; invalid: InvalidTestCase<MessageIds, Options>[] } = {
  valid: [
    {
      name: 'typed: a synchronous imported function',
      code: `import _ from 'lodash';
import { formatUser } from './types';
export const label = _.memoize(formatUser);`,
    },
    {
      name: 'typed: p-memoize of an imported async function',
      code: `import pMemoize from 'p-memoize';
import { loadUser } from './types';
export const getUser = pMemoize(loadUser);`,
    },
    {
      name: 'typed: memoizee with promise: true of an imported async function',
      code: `import memoize from 'memoizee';
import { loadUser } from './types';
export const getUser = memoize(loadUser, { promise: true });`,
    },
    {
      name: 'typed: a Map of resolved values',
      code: `import { loadUser, type User } from './types';
const users = new Map<string, User>();
export async function getUser(id: string) {
  const user = await loadUser(id);
  users.set(id, user);
  return user;
}`,
    },
  ],
  invalid: [
    {
      name: 'typed: a decorated method that returns an imported async function\'s promise',
      code: `import { Memoize } from 'typescript-memoize';
import { loadUser } from './types';
export class Users {
  @Memoize()
  user(id: string) { return loadUser(id); }
}`,
      errors: [{ messageId: 'unsafeDecorator', data: { name: 'Memoize', library: 'typescript-memoize', method: 'user' }, line: 4, column: 3 }],
    },
    {
      name: 'typed: an imported async function',
      code: `import _ from 'lodash';
import { loadUser } from './types';
export const getUser = _.memoize(loadUser);`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 3,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import { loadUser } from './types';
export const getUser = memoize(loadUser, { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: an imported function that returns a promise through a helper',
      code: `import memoize from 'memoize';
import { fetchUser } from './types';
export const getUser = memoize(fetchUser);`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 3,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import { fetchUser } from './types';
export const getUser = memoize(fetchUser, { key: (first?: unknown) => first });`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: a local function that returns what an imported async function returns',
      code: `import memoize from 'fast-memoize';
import { loadUser } from './types';
function findUser(id: string) {
  return loadUser(id);
}
export const getUser = memoize(findUser);`,
      output: null,
      errors: [
        {
          messageId: 'unsafeMemoizer',
          line: 6,
          suggestions: [
            {
              messageId: 'useRuntimeMemoize',
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import { loadUser } from './types';
function findUser(id: string) {
  return loadUser(id);
}
export const getUser = memoize(findUser, { key: 'structural' });`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: a hand-rolled cache storing the promise of an imported async function',
      code: `import { loadUser, type User } from './types';
const users = new Map<string, Promise<User>>();
export function getUser(id: string) {
  if (!users.has(id)) users.set(id, loadUser(id));
  return users.get(id);
}`,
      output: null,
      errors: [
        {
          messageId: 'unsafePromiseCache',
          line: 4,
        },
      ],
    },
  ],
};

describe('with type information', () => {
  typedRuleTester.run(ruleId, rule, typedCases);
});

describeTypesFindMore(ruleId, rule, typedCases, 'types-only');

describe('options schema', () => {
  it('accepts its documented option', () => {
    expect(lintWithRule(ruleId, rule, 'export {};', { ruleOptions: [{ requireTtl: true }] })).toHaveLength(0);
  });
  it('rejects a requireTtl that is not a boolean', () => {
    expect(() => lintWithRule(ruleId, rule, 'export {};', { ruleOptions: [{ requireTtl: 'yes' }] })).toThrow(/no-unsafe-async-memoize[\s\S]*"yes" should be boolean/);
  });
  it('rejects an unknown option and names it and the known one', () => {
    expect(() => lintWithRule(ruleId, rule, 'export {};', { ruleOptions: [{ ttl: 1000 }] })).toThrow(/Unexpected property "ttl"\. Expected properties: "requireTtl"/);
  });
});

describe('a memoized function that deletes an entry, but not its own on rejection', () => {
  // On success only, another memoized function's entry, or a local that shadows the binding's name.
  const code = `import memoize from 'lodash/memoize';
export const other = memoize(async (id) => api.other(id));
export const onSuccess = memoize(async (id) => {
  const user = await api.user(id);
  onSuccess.cache.delete(id);
  return user;
});
export const wrongCache = memoize(async (id) => {
  try { return await api.team(id); } catch (e) { other.cache.delete(id); throw e; }
});
export const shadowed = memoize(async (id) => {
  const shadowed = new Map();
  try { return await api.org(id); } catch (e) { shadowed.delete(id); throw e; }
});`;
  it('is still reported, at each memoizer call', () => {
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line, m.column, m.endColumn])).toEqual([
      ['unsafeMemoizer', 2, 22, 58],
      ['unsafeMemoizer', 3, 26, 3],
      ['unsafeMemoizer', 8, 27, 3],
      ['unsafeMemoizer', 11, 25, 3],
    ]);
    expect(messages[1]?.message).toMatch(/^lodash memoize caches the promise this async function returns/);
  });
});

describe('radash and radashi', () => {
  // radash `memo` and radashi's `memo` keep whatever the function returns; radashi's `promiseMemo` drops a rejection.
  const code = `import { memo } from 'radash';
import * as _ from 'radashi';
export const getUser = memo(async (id: string) => api.user(id));
export const getTeam = _.memo(async (id: string) => api.team(id), { ttl: 60_000 });
export const getPlan = _.promiseMemo(async (id: string) => api.plan(id), { ttl: 60_000 });`;
  it('reports memo of an async function, not promiseMemo', () => {
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ['unsafeMemoizer', 3, 24],
      ['unsafeMemoizer', 4, 24],
    ]);
    expect(messages.map((m) => m.message.split(' caches')[0])).toEqual(['radash memo', 'radashi memo']);
  });
});

describe('uses of a memoizePromise helper defined in the file', () => {
  // The helper's shim deletes its own entry on rejection: what it memoizes is safe. A shim that only
  // forwards (`memoAsync`) keeps lodash's behaviour: a rejection is cached.
  const code = `import memoize from 'lodash/memoize';
${memoizePromiseHelper({ exported: true })}
export function memoAsync(f) {
  return memoize(async (...args) => f(...args));
}
export const getUser = memoizePromise(async (id) => api.user(id));
export const getTeam = memoAsync(async (id) => api.team(id));`;
  it('reports the forwarding shim, not the one that drops rejections, and nothing inside either helper', () => {
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['unsafeMemoizer', 17, 24]]);
    expect(messages[0]?.message).toMatch(/^lodash memoize \(through `memoAsync`\) caches the promise/);
  });
});

describe('an in-house promise memoizer whose catch block deletes the entry', () => {
  const code = `export const memoizeAsync = (fn) => {
  const cache = new Map();
  return async (key) => {
    if (cache.has(key)) return cache.get(key);
    const pending = fn(key);
    cache.set(key, pending);
    try {
      return await pending;
    } catch (error) {
      cache.delete(key);
      throw error;
    }
  };
};
export const getUser = memoizeAsync(async (id) => api.user(id));`;
  it('drops rejections: its uses are not reported', () => {
    expect(lintWithRule(ruleId, rule, code)).toEqual([]);
  });
});

describe('a curried in-house memoizer of async functions', () => {
  const code = `const memoizeBy = (keyOf) => (fn) => {
  const cache = new Map();
  return (...args) => {
    const key = keyOf(...args);
    if (!cache.has(key)) cache.set(key, fn(...args));
    return cache.get(key);
  };
};
const byId = memoizeBy((id) => id);
export const getUser = byId(async (id) => api.user(id));
export const getName = byId((id) => String(id));`;
  it('keeps the promise, rejected or not: reported at the async use only', () => {
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['unsafeMemoizer', 10, 24]]);
    expect(messages[0]?.message).toMatch(/^`memoizeBy\(…\)` \(an in-house memoizer\) caches the promise this async function returns/);
  });
});

/**
 * An in-house memoizer whose caching closure awaits its function where it calls it keeps what it
 * builds from the value, never the promise: a rejection goes to that caller and nothing is stored
 * (blargbot's command lookups). Awaited inside a nested function whose own promise is stored, or
 * stored before it is awaited, the promise is kept.
 */
describe('an in-house memoizer that awaits its function before storing', () => {
  const factory = (body: string) => `function createLookup(kind, search) {
  const cache = new Map();
  return async (query) => {
    const key = query.toLowerCase();
    const current = cache.get(key);
    if (current !== undefined) return current;
${body}
  };
}
export const findUser = createLookup('user', async (q) => api.users(q));`;
  it('stores a value built after `await search(query)`: not reported', () => {
    const code = factory(`    const matches = await search(query);
    const result = matches.length === 1 ? { ok: true, value: matches[0] } : { ok: false, kind };
    cache.set(key, result);
    return result;`);
    expect(lintWithRule(ruleId, rule, code)).toEqual([]);
  });
  // The memoizer is reported where it wraps the async function (line 12).
  it('a promise stored before it is awaited: reported', () => {
    const messages = lintWithRule(ruleId, rule, factory(`    const pending = search(query);
    cache.set(key, pending);
    return await pending;`));
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['unsafeMemoizer', 12]]);
    expect(messages[0]?.message).toMatch(/^`createLookup` \(an in-house memoizer\) caches the promise this async function returns/);
  });
  it('a promise of a nested async function that awaits it, stored: reported (the store itself too)', () => {
    const messages = lintWithRule(ruleId, rule, factory(`    const pending = (async () => ({ ok: true, value: await search(query) }))();
    cache.set(key, pending);
    return pending;`));
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([
      ['unsafePromiseCache', 8],
      ['unsafeMemoizer', 12],
    ]);
  });
});

// Promises kept where a later call finds them again, whatever holds them (issue 17, Part 2: 1, 2, 3, 5, 11).
ruleTester.run(`${ruleId}: promise slots and stores in any holder`, rule, {
  valid: [
    {
      // kafkajs makes producers and admins synchronously; the wrapper's own async methods share their
      // names. The code calls \`connect()\` and \`disconnect()\` on what the slots hold: objects, not promises.
      name: "a slot holding a library's object made by a call named like one of the class's async methods",
      code: `import { Kafka } from 'kafkajs';
export class Bus {
  constructor(config) { this.kafka = new Kafka(config); }
  async connect() {
    const producer = this.kafka.producer();
    this._producer = producer;
    await producer.connect();
  }
  async producer() {
    if (!this._producer) await this.connect();
    return this._producer;
  }
  async admin() {
    if (!this._admin) {
      this._admin = this.kafka.admin();
      await this._admin.connect();
    }
    return this._admin;
  }
  async close() { if (this._producer) await this._producer.disconnect(); }
}`,
    },
    {
      name: 'a slot emptied in a .catch that rethrows',
      code: `export class Settings {
  loading = null;
  async fetchSettings() { return (await fetch('/settings')).json(); }
  get() {
    if (!this.loading) {
      this.loading = this.fetchSettings().catch((error) => { this.loading = null; throw error; });
    }
    return this.loading;
  }
}`,
    },
    {
      name: 'a property slot deleted in a .catch that rejects again',
      code: `export class Store {
  async open() { return (await fetch('/db')).json(); }
  connect() {
    if (this.connection) return this.connection;
    this.connection = this.open()
      .then((db) => { this.db = db; })
      .catch((err) => { delete this.connection; return Promise.reject(err); });
    return this.connection;
  }
}`,
    },
    {
      name: 'a property slot deleted in the rejection handler of .then, then chained on',
      code: `export class Schema {
  async classes() { return (await fetch('/classes')).json(); }
  reload() {
    if (this.reloading) return this.reloading;
    this.reloading = this.classes()
      .then((all) => { this.all = all; delete this.reloading; }, (err) => { delete this.reloading; throw err; })
      .then(() => {});
    return this.reloading;
  }
}`,
    },
    {
      name: 'a slot emptied in finally, on both outcomes',
      code: `export class Syncer {
  running = null;
  async pass() { await fetch('/sync', { method: 'POST' }); }
  async sync() {
    if (this.running) return this.running;
    this.running = this.pass();
    try { await this.running; } finally { this.running = null; }
  }
}`,
    },
    {
      name: 'a closure slot emptied by .finally',
      code: `export function singleFlight(task) {
  let current;
  return () => {
    current ??= import('./worker.js').then((m) => m.run(task)).finally(() => { current = undefined; });
    return current;
  };
}`,
    },
    {
      name: 'a slot holding a chain that cannot reject',
      code: `let themes;
export function loadThemes() {
  themes ??= fetch('/themes.json').then((r) => r.json()).catch(() => []);
  return themes;
}`,
    },
    {
      name: 'a slot holding the resolved value, not the promise',
      code: `export class Registry {
  entries = null;
  async fetchEntries() { return (await fetch('/entries')).json(); }
  async all() {
    if (!this.entries) this.entries = await this.fetchEntries();
    return this.entries;
  }
}`,
    },
    {
      name: 'a promise made once in the constructor, with no lazy test',
      code: `export class Connection {
  constructor(url) { this.ready = this.open(url); }
  async open(url) { return fetch(url); }
  async send(body) { await this.ready; return fetch('/send', { method: 'POST', body }); }
}`,
    },
    {
      name: 'a slot in a closure of an async function, which lives for one operation',
      code: `export async function createContext(req) {
  let account;
  const getAccount = () => (account ??= fetch('/accounts/' + req.headers.get('x-account')));
  return { getAccount };
}`,
    },
    {
      name: 'a local variable given a promise on each branch, in one call',
      code: `export async function pick(fast) {
  let source;
  if (fast) source = fetch('/fast');
  else source = fetch('/slow');
  const log = () => console.log(source);
  log();
  return source;
}`,
    },
    {
      name: 'a side listener that empties the slot when the same promise rejects',
      code: `let manifest;
function fetchManifest() {
  const next = fetch('/manifest.json').then((r) => r.json());
  manifest = next;
  next.catch(() => { if (manifest === next) manifest = undefined; });
  return next;
}
export function getManifest() { return manifest || fetchManifest(); }`,
    },
    {
      name: 'a keyed store whose entry a method resets from a rejection handler',
      code: `async function buildPolicy(userId) { return (await fetch('/policy/' + userId)).json(); }
export class PolicyCache {
  constructor() { this.byUser = {}; }
  resetFor(userId) { this.byUser[userId] = null; }
  get(userId) {
    if (!this.byUser[userId]) {
      const pending = buildPolicy(userId);
      this.byUser[userId] = pending;
      pending.catch(() => this.resetFor(userId));
    }
    return this.byUser[userId];
  }
}`,
    },
    {
      name: 'a keyed closure store cleaned up after a .catch that does not rethrow',
      code: `export function createDeduper(load) {
  const inflight = new Map();
  return (key) => {
    if (inflight.has(key)) return inflight.get(key);
    const p = fetch('/items/' + key);
    inflight.set(key, p);
    p.catch(() => undefined).then(() => inflight.delete(key));
    return p;
  };
}`,
    },
    {
      name: 'an in-house memoizer that stores only resolved values',
      code: `function remember(fn) {
  const store = new Map();
  return (...args) => {
    const key = JSON.stringify(args);
    if (store.has(key)) return store.get(key);
    const result = fn(...args);
    if (result instanceof Promise) {
      return result.then((value) => { store.set(key, value); return value; });
    }
    store.set(key, result);
    return result;
  };
}
export const render = remember(async (url) => (await fetch(url)).text());`,
    },
    {
      name: 'a start-up slot whose rejection ends the process',
      code: `let starting;
export async function start() {
  if (!starting) starting = import('./server.js').then((m) => m.listen());
  try {
    await starting;
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}`,
    },
    {
      // A script runs once and exits: the rejection it keeps reaches no later request.
      name: 'a promise slot in a script',
      filename: 'scripts/backfill-assets.ts',
      code: assetIndexSlot,
    },
    {
      name: 'a memoized fetch in a test helper',
      filename: 'tests/api/utils.ts',
      code: `import memoize from 'lodash/memoize';
export const getFixtureUser = memoize(async (id) => (await fetch(\`/api/users/\${id}\`)).json());`,
    },
    {
      // Each run of the effect declares its own slot: a rejection is shared by that run's two reads only.
      name: "a slot declared in a React effect's callback",
      code: slotInHook('useEffect'),
    },
    {
      // The factory's name says it makes a shutdown: the function it returns drains once on purpose.
      name: 'the nameless function a teardown factory returns, keeping its one run',
      code: shutdownFactory('createApiShutdown'),
    },
    {
      name: 'a teardown done once, whose outcome every later call shares on purpose',
      code: `export class Server {
  stopping;
  async terminate() { await fetch('/drain', { method: 'POST' }); }
  close() {
    return (this.stopping ??= this.terminate());
  }
}`,
    },
    {
      // The name of the function that fills the slot says teardown (\`cleanOnce\`), and so does the
      // optional callback it calls (\`params.cleanup?.()\`), through the fallback for a missing one.
      name: 'a stream wrapper whose cleanup runs once, through an optional callback with a fallback',
      code: `export function finalise(params) {
  const reader = params.stream.getReader();
  let cleanupPromise;
  const cleanOnce = () => (cleanupPromise ??= params.cleanup?.() ?? Promise.resolve());
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) { await cleanOnce(); controller.close(); return; }
      controller.enqueue(value);
    },
    async cancel(reason) {
      try { await reader.cancel(reason); } finally { await cleanOnce(); }
    },
  });
}`,
    },
    {
      name: 'a disposal started once by a method named for starting it',
      code: `export class LeasedEntry {
  disposing = null;
  constructor(value, onDispose) { this.value = value; this.onDispose = onDispose; }
  startDisposal() {
    this.disposing ??= (async () => { await this.onDispose(this.value); })();
    return this.disposing;
  }
}`,
    },
    {
      // A deploy script run by hand: its memoized lookups live for one run of the command.
      name: 'a memoized async function in a command-line program (#! line)',
      filename: 'source/tools/exports.js',
      code: `#!/usr/bin/env node
const _ = require('lodash');
module.exports = _.memoize(async (stack) => {
  const res = await fetch('https://cloudformation.example/' + stack);
  return res.json();
});`,
    },
    ...['targets/alert-cli/src/diff/documents.ts', 'packages/cli/src/sync.ts', 'packages/cli-config/src/util.ts'].map((filename) => ({
      // A command-line package's folder: the job runs once and exits.
      name: `a memoized async function in ${filename}`,
      filename,
      code: `import memoize from 'lodash/memoize';
export const documentsOf = memoize(async (source: string) => (await fetch('/documents/' + source)).json());`,
    })),
    ...['public/lib/pdf.mjs', 'src/vendor/loader.js', 'third_party/gltf/loader.js', 'static/cdnjs/vue/2.5.21/vue.common.js', 'public/js/jquery-3.6.0/jquery.js', 'assets/chart.js@4.4.1/chart.umd.js', 'client/node_modules 2/get-package-type/async.cjs', 'web/node_modules_old/loader/index.js'].map((filename) => ({
      // Third-party code copied into the project: nobody edits it here.
      name: `a promise slot in vendored code (${filename})`,
      filename,
      code: workerSlot,
    })),
    ...['.backup-env-2025-10-27T02-48-43/ui/src/utils/worker.ts', '.history/src/worker_20240101.ts', 'server.bak/worker.js', 'app-backup/src/worker.ts', 'old/backend-src/worker.ts', 'archive/server/worker.js', 'app/.archive/dead-lib/stripe-client.ts'].map((filename) => ({
      // A copy of the project's own source kept beside it: nothing builds it (set 53, tutor-space: a hidden `.archive/` under `app/`).
      name: `a promise slot in a backup copy (${filename})`,
      filename,
      code: workerSlot,
    })),
    ...['apps/examples/definitions/implementations/agents.ts', 'services/harmony/example/http-backend.ts', 'examples/chat/server.js', 'demo/src/worker.ts', 'packages/react-components/discontinued/widgets/Filter/worker.js'].map((filename) => ({
      // Example, demo and discontinued code beside the product: nothing deploys it.
      name: `a promise slot in example or discontinued code (${filename})`,
      filename,
      code: workerSlot,
    })),
    ...['docs/assets/react-CHLGWxLt.js', 'dist/assets/HelpPage-cJ7sZoBI.js', 'build/static/js/main.3f9a1c2e.js', 'build/static/js/412.3f9a1c2e.chunk.js', 'store/.next/server/chunks/[turbopack]_runtime.js', '.svelte-kit/output/server/chunks/worker.js', 'docs-site/.vitepress/cache/deps/vitepress___minisearch.js', 'web/.vite/deps/chunk-worker.js', 'frontend/dev-dist/workbox-29bfc98f.js'].map((filename) => ({
      // A bundler's output, named by its content hash, or a dev server's bundle of dependencies (set 54,
      // wmv-cycling-series: VitePress's cache committed), or Workbox's runtime beside a generated service
      // worker (set 56, dojosoftware): a fix would rewrite a generated file.
      name: `a promise slot in bundled output (${filename})`,
      filename,
      code: workerSlot,
    })),
    {
      name: 'a memoized async function under a bin/ folder',
      filename: 'source/bin/outputs.js',
      code: `import memoize from 'lodash/memoize';
export const outputs = memoize(async (stack) => (await fetch('/stacks/' + stack)).json());`,
    },
    {
      name: 'a slot in a one-shot command-line program',
      filename: 'bin/migrate.js',
      code: `let client;
export function getClient() {
  if (!client) client = import('./db-client.js');
  return client;
}`,
    },
    {
      name: 'a slot in a test file',
      filename: 'test/unit/loader_spec.js',
      code: `let stubbed;
export function load() {
  if (!stubbed) stubbed = import('./fixture.js');
  return stubbed;
}`,
    },
    {
      name: 'a queued task that catches everything',
      code: `import PQueue from 'p-queue';
const queue = new PQueue({ concurrency: 2 });
const exports = new Map();
export function exportReport(id) {
  if (!exports.has(id)) {
    exports.set(id, queue.add(async () => {
      try { return await fetch('/reports/' + id); } catch { return null; }
    }));
  }
  return exports.get(id);
}`,
    },
    {
      name: 'add() on a receiver of unknown origin is not a promise',
      code: `const seen = new Map();
const queue = makeQueue();
export function track(id) {
  if (!seen.has(id)) seen.set(id, queue.add(() => id));
  return seen.get(id);
}`,
    },
    {
      name: 'Promise.resolve of a plain value cannot reject',
      code: `let defaults;
export function getDefaults() {
  if (!defaults) defaults = Promise.resolve({ theme: 'light' });
  return defaults;
}`,
    },
    {
      // The batch empties its slot before it hands \`reject\` on: a later call starts a new batch whatever this one does.
      name: 'a batch scheduler that empties its slot before it runs the batch',
      code: batcher(`scheduled = null;
          batchFn(keys).then(resolve, reject);`),
    },
    {
      // The private factory's every call keeps the evaluator only while the calling method runs.
      name: 'a private factory method whose closure keeps a lookup, used in place by each call',
      code: `export class Access {
  async allowed(roomId: string, userId: string, ids: string[]) {
    const evaluate = this.buildEvaluator(roomId, userId);
    const out: string[] = [];
    for (const id of ids) if (await evaluate(id)) out.push(id);
    return out;
  }
  async can(roomId: string, userId: string, id: string) {
    return this.buildEvaluator(roomId, userId)(id);
  }
  private buildEvaluator(roomId: string, userId: string) {
    let adminLookup: Promise<boolean> | undefined;
    const isAdmin = () => (adminLookup ??= isRoomAdmin(roomId, userId));
    return async (id: string) => id.startsWith('open') || (await isAdmin());
  }
}
async function isRoomAdmin(roomId: string, userId: string) { return (await fetch('/admins/' + roomId)).ok && userId !== ''; }`,
    },
    {
      // The refreshed promise goes into the store from its own fulfilment handler: by then it has resolved.
      name: 'a promise stored from its own fulfilment handler',
      code: `export class UrlCache {
  cache = new Map();
  async fetch(url: string) { const r = await fetch(url); return r.json(); }
  get(url: string) { return this.cache.get(url); }
  reload(url: string) {
    const promise = this.fetch(url);
    promise
      .then(() => { this.cache.set(url, promise); })
      .catch(() => undefined);
  }
}`,
    },
  ],
  invalid: [
    {
      // Emptied only when the batch succeeds: a failed batch stays in the slot for every later key.
      name: 'a batch scheduler that empties its slot only when the batch succeeds',
      code: batcher(`batchFn(keys).then((values) => { scheduled = null; resolve(values); }, reject);`),
      errors: [{ messageId: 'unsafePromiseSlot', line: 7, column: 7, data: { name: 'scheduled' } }],
    },
    {
      // A field keeps the evaluator as long as the instance: its lookup outlives the call that made it.
      name: 'a private factory method whose closure keeps a lookup, kept in a field',
      code: `export class Access {
  evaluate = this.buildEvaluator('lobby', 'system');
  private buildEvaluator(roomId: string, userId: string) {
    let adminLookup: Promise<boolean> | undefined;
    const isAdmin = () => (adminLookup ??= isRoomAdmin(roomId, userId));
    return async (id: string) => id.startsWith('open') || (await isAdmin());
  }
}
async function isRoomAdmin(roomId: string, userId: string) { return (await fetch('/admins/' + roomId)).ok && userId !== ''; }`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 5, column: 28, data: { name: 'adminLookup' } }],
    },
    {
      // Only the promise whose handler it is has resolved there: another one may still reject.
      name: 'a different promise stored from a fulfilment handler',
      code: `export class UrlCache {
  cache = new Map();
  async fetch(url: string) { const r = await fetch(url); return r.json(); }
  get(url: string) { return this.cache.get(url); }
  reload(url: string) {
    const first = this.fetch(url);
    const second = this.fetch(url + '?v=2');
    first.then(() => { this.cache.set(url, second); }).catch(() => undefined);
  }
}`,
      errors: [{ messageId: 'unsafePromiseCache', line: 8, column: 24, data: { name: 'this.cache' } }],
    },
    {
      // The field's type says it keeps promises, so the result of a call it is given is one.
      name: 'a store declared to hold promises, given a call result through a const',
      code: `import TTLCache from './ttl-cache';
import Categories from './categories';
export class LookupTables {
  tables: TTLCache<string, Promise<object>>;
  constructor() { this.tables = new TTLCache<string, Promise<object>>(); }
  get(locale: string) {
    const stored = this.tables.get(locale);
    if (stored) return stored;
    const promise = Categories.fetchCategoryData(locale);
    this.tables.set(locale, promise);
    return promise;
  }
}`,
      errors: [{ messageId: 'unsafePromiseCache', line: 10, column: 5, data: { name: 'this.tables' } }],
    },
    {
      // The same wrapper keeping the promise of its own async method, only awaited and returned.
      name: 'a slot holding the promise of an async method, only awaited and returned',
      code: `import { Kafka } from 'kafkajs';
export class Bus {
  constructor(config) { this.kafka = new Kafka(config); }
  async openAdmin() {
    const admin = this.kafka.admin();
    await admin.connect();
    return admin;
  }
  admin() {
    if (!this._admin) this._admin = this.openAdmin();
    return this._admin;
  }
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 10, column: 23, data: { name: 'this._admin' } }],
    },
    {
      name: 'a property slot deleted only when the promise resolves',
      code: `export class Store {
  async open() { return (await fetch('/db')).json(); }
  connect() {
    if (this.connection) return this.connection;
    this.connection = this.open().then((db) => { delete this.connection; return db; });
    return this.connection;
  }
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 5, data: { name: 'this.connection' } }],
    },
    {
      name: 'a field filled once with the promise of an async method',
      code: `export class Settings {
  loading = null;
  async fetchSettings() { return (await fetch('/settings')).json(); }
  get() {
    if (!this.loading) this.loading = this.fetchSettings();
    return this.loading;
  }
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 5, data: { name: 'this.loading' } }],
    },
    {
      // In a browser a chunk that failed to download is fetched again by the next import(): keeping the
      // rejection breaks the feature until the page is reloaded.
      name: 'a module slot filled with a dynamic import by ??=, in front-end code',
      filename: 'frontend/editor/load-parser.ts',
      code: `let parserModule;
export function loadParser() {
  return (parserModule ??= import('./parser.js'));
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 3, column: 11, data: { name: 'parserModule' } }],
    },
    {
      name: 'a slot filled with an import in a client component',
      filename: 'app/settings/theme-picker.ts',
      code: `'use client';
let pickerLoad = null;
export function loadPicker() {
  if (!pickerLoad) pickerLoad = import('color-picker').then((m) => m.default);
  return pickerLoad;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, column: 20, data: { name: 'pickerLoad' } }],
    },
    {
      // On a server an import() that loads other things too can fail for a passing reason.
      name: 'a server slot whose async loader also awaits a connection',
      code: `let ready;
export function getSearch() {
  ready ??= (async () => {
    const { connect } = await import('./search-client.js');
    return await connect(process.env.SEARCH_URL);
  })();
  return ready;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 3, column: 3, data: { name: 'ready' } }],
    },
    {
      name: 'a closure slot of a factory, emptied only when the refresh succeeds',
      code: `export function createRefresher(requestToken) {
  let refreshing = null;
  return async (request) => {
    if (!refreshing) {
      refreshing = requestToken(request).then((token) => { refreshing = null; return token; });
    }
    return refreshing;
  };
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 5, data: { name: 'refreshing' } }],
    },
    {
      name: 'a field declared to hold a promise, filled from a loader callback',
      code: `interface Renderer { draw(source: string): string }
interface Options { loadRenderer?: () => Promise<Renderer> }
export class Charts {
  private renderer: Promise<Renderer> | null = null;
  constructor(private options: Options) {}
  private async getRenderer() {
    if (!this.options.loadRenderer) return null;
    if (!this.renderer) {
      this.renderer = this.options.loadRenderer();
    }
    return this.renderer;
  }
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 9, data: { name: 'this.renderer' } }],
    },
    {
      name: 'a slot replaced only when a condition holds, and returned on every call',
      code: `export class TokenSource {
  token = null;
  current;
  requestToken(): Promise<string> { return fetch('/token').then((r) => r.text()); }
  expired() { return !this.token; }
  get(force = false) {
    if (force || this.expired()) {
      this.current = this.requestToken();
    }
    return this.current;
  }
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 8, data: { name: 'this.current' } }],
    },
    {
      // The same slot in the server's own code keeps the rejection for every later request.
      name: 'a promise slot in a server module beside the scripts',
      filename: 'src/assets/index.ts',
      code: assetIndexSlot,
      // Line 3 is \`index ??= fetch(…)\`, column 3 its \`index\`.
      errors: [{ messageId: 'unsafePromiseSlot', line: 3, column: 3, data: { name: 'index' } }],
    },
    {
      // A callback React keeps between renders (useCallback's) is not run per operation: it is handed back as is.
      name: 'a slot declared in a function React keeps between renders',
      code: slotInHook('useCallback'),
      // Line 6 is the write \`if (!existing) existing = fetch(…)\`, column 22 its \`existing\` (after six spaces and \`if (!existing) \`).
      errors: [{ messageId: 'unsafePromiseSlot', line: 6, column: 22, data: { name: 'existing' } }],
    },
    {
      // A factory of a handler for shutdown (its last word is not a teardown's) makes something else.
      name: 'the nameless function a factory of shutdown handlers returns',
      code: shutdownFactory('createShutdownHandler'),
      // Line 4 is \`(inFlight ??= (async () => {\`, column 6 its \`inFlight\`.
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, column: 6, data: { name: 'inFlight' } }],
    },
    {
      // \`start\` leads a teardown's name only before a teardown word: starting a load is a load.
      name: 'a load started once by a method named for starting it',
      code: `export class Catalog {
  loading = null;
  startLoading() {
    this.loading ??= fetch('/catalog').then((r) => r.json());
    return this.loading;
  }
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, data: { name: 'this.loading' } }],
    },
    {
      // A name that starts with a teardown word only as part of another word is not a teardown.
      name: 'a slot filled by a call whose name merely begins with the letters of a teardown',
      code: `let pending;
export function stockLevels() {
  pending ??= closestWarehouse();
  return pending;
}
async function closestWarehouse() { return (await fetch('/warehouses/nearest')).json(); }`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 3, data: { name: 'pending' } }],
    },
    {
      // Reading a shipped file is local work; the fetch chained after it is not.
      name: 'a shipped file read, then a fetch chained after it, kept on a server',
      filename: 'src/server/config.ts',
      code: `import { readFile } from 'node:fs/promises';
let remote;
export function remoteConfig() {
  remote ??= readFile('./config/endpoint.txt', 'utf8').then((url) => fetch(url.trim()).then((r) => r.json()));
  return remote;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, data: { name: 'remote' } }],
    },
    {
      // The set-up fetches a font over the network: that can fail once and work the next time.
      name: 'a WebAssembly renderer set up with a font its callback fetches',
      filename: 'functions/render.ts',
      code: `import { newContext } from 'resvg-wasm';
let resvgContext;
export function getResvgContext() {
  resvgContext ??= newContext().then((context) => fetch('https://fonts.example/lato.ttf').then((r) => r.arrayBuffer()).then((font) => {
    context.registerFontData(new Uint8Array(font));
    return context;
  }));
  return resvgContext;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, data: { name: 'resvgContext' } }],
    },
    {
      name: 'a slot emptied only after the awaited promise fulfils',
      code: `export class Session {
  closing = null;
  async teardown() { await fetch('/session', { method: 'DELETE' }); }
  async close() {
    if (this.closing) return this.closing;
    this.closing = this.teardown();
    await this.closing;
    this.closing = null;
  }
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 6, data: { name: 'this.closing' } }],
    },
    {
      name: "a queue's add() stored per key",
      code: `import PQueue from 'p-queue';
const queue = new PQueue({ concurrency: 2 });
const exports = new Map();
export function exportReport(id) {
  if (!exports.has(id)) exports.set(id, queue.add(() => fetch('/reports/' + id)));
  return exports.get(id);
}`,
      errors: [{ messageId: 'unsafePromiseCache', line: 5, data: { name: 'exports' } }],
    },
    {
      name: 'a limiter call kept in a slot',
      code: `import pLimit from 'p-limit';
const limit = pLimit(1);
let warmup;
export function warm() {
  warmup ??= limit(() => fetch('/warm'));
  return warmup;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 5, data: { name: 'warmup' } }],
    },
    {
      name: 'a keyed store in a field of a class made elsewhere',
      code: `async function buildPolicy(userId) { return (await fetch('/policy/' + userId)).json(); }
export class PolicyCache {
  constructor() { this.byUser = {}; }
  clear() { this.byUser = {}; }
  get(userId) {
    if (!this.byUser[userId]) this.byUser[userId] = buildPolicy(userId);
    return this.byUser[userId];
  }
}`,
      errors: [{ messageId: 'unsafePromiseCache', line: 6, data: { name: 'this.byUser' } }],
    },
    {
      name: 'a keyed closure store declared to hold promises, deleted only on success',
      code: `interface Item { id: string }
export function defineLoader(load: (key: string) => Item | Promise<Item>) {
  const inflight: Record<string, Promise<Item>> = {};
  return async (key: string) => {
    const started = inflight[key];
    if (!started) inflight[key] = Promise.resolve(load(key));
    const item = await inflight[key];
    delete inflight[key];
    return item;
  };
}`,
      errors: [{ messageId: 'unsafePromiseCache', line: 6, data: { name: 'inflight' } }],
    },
  ],
});

/** A server's slot for the promise of a local async function whose body is `body`. */
/**
 * A module slot keeping the promise of \`pickBase()\`, whose body is \`body\`. \`probe()\` catches
 * everything it awaits; \`localUrl()\` is a plain function that builds a string.
 */
const apiBase = (body: string): string => `const REMOTE = process.env.REMOTE_API || 'https://api.example.com';
let basePromise = null;
function localUrl() {
  const url = \`http://\${process.env.HOST}:3000\`; return url;
}
async function probe(url) {
  try {
    const res = await fetch(url, { method: 'OPTIONS' });
    return res.status !== undefined;
  } catch (error) {
    console.log('local api not available', url);
    return false;
  }
}
async function pickBase() {
${body}
}
export function getApiBase() {
  if (!basePromise) basePromise = pickBase();
  return basePromise;
}`;

const compileOptions = (body: string): string => `const interopDefault = (mod) => mod.default ?? mod;
let optionsPromise;
export const compileOptions = () => (optionsPromise ??= buildOptions());
const buildOptions = async () => {
${body}
};`;

/** A store of promises resolved by hand (never rejected), each followed by a callback with `then` as its body. */
const handResolved = (then: string): string => `const loaders = new Map();
export function startLoading(el, id) {
  let loaded = () => {};
  loaders.set(id, new Promise((resolve) => { loaded = resolve; }).then(() => {
${then}
  }));
  return loaded;
}
export function whenLoaded(id) { return loaders.get(id); }`;

/** A serial queue per channel: each entry awaits the one it replaces, then runs `work`. */
const relay = (work: string): string => `async function deliver(msg) { return (await fetch('/deliver', { method: 'POST', body: msg.text })).json(); }
export class Relay {
  queues = {};
  onMessage(msg) {
    this.queues[msg.channel] = (async () => {
      await (this.queues[msg.channel] || Promise.resolve());
${work}
    })();
  }
}`;

ruleTester.run(`${ruleId}: promises that cannot reject, by how their body is written`, rule, {
  valid: [
    {
      // Each entry awaits the one it replaces and catches its own work: by induction none rejects.
      name: 'a serial queue per key whose entries await the previous entry and catch the rest',
      code: relay(`      try {
        await deliver(msg);
      } catch (err) {
        console.error(err);
      }`),
    },
    {
      // Bundling the server's own entry points: a failure is a broken build, the same every time.
      name: 'server code memoizing an async function that only bundles and reads local files',
      filename: 'src/html/bundle.ts',
      code: `import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { memoize } from 'es-toolkit';
async function doBundle(entryPoint: string): Promise<string> {
  const banner = await readFile('src/html/banner.txt', 'utf8');
  const result = await build({ entryPoints: [entryPoint], bundle: true, write: false, banner: { js: banner } });
  const [output] = result.outputFiles;
  if (!output) throw new Error('failed to bundle ' + entryPoint);
  return output.text;
}
export const bundle = memoize(doBundle);`,
    },
    {
      name: 'server code keeping the promise of a stylesheet read and processed by postcss',
      filename: 'src/html/embed.ts',
      code: `import fs from 'node:fs';
import postcss from 'postcss';
let styles;
async function loadStyles() {
  const css = await fs.promises.readFile('src/styles/main.css', 'utf8');
  return (await postcss([]).process(css, { from: undefined })).css;
}
export function getStyles() {
  styles ??= loadStyles();
  return styles;
}`,
    },
    {
      // Only fields are set outside the try; the database work inside it only logs its failures.
      name: 'a module slot whose async loader sets fields around a try/catch that only logs',
      code: `const state = { loaded: false, rows: [], syncedAt: 0 };
let initPromise = null;
async function hydrate() {
  state.loaded = false;
  try {
    state.rows = await (await fetch('/audit')).json();
  } catch (error) {
    console.error('hydrate failed', error);
  }
  state.loaded = true;
  state.syncedAt = Date.now();
}
export function init() {
  if (!initPromise) initPromise = hydrate();
  return initPromise;
}`,
    },
    {
      // The fallback object is made before the try; every failure inside returns it.
      name: 'a module store of an async helper that builds its fallback before a try/catch',
      code: `const assetBySource = new Map();
async function createAsset(source) {
  let fallback = { src: source, widths: [] };
  try {
    const res = await fetch('/assets/' + source);
    return { ...fallback, ...(await res.json()) };
  } catch {
    return fallback;
  }
}
export function getAsset(source) {
  let existing = assetBySource.get(source);
  if (existing) return existing;
  existing = createAsset(source);
  assetBySource.set(source, existing);
  return existing;
}`,
    },
    {
      // A queue per key storing a caught copy of each step: `.catch(noop)` returns undefined.
      name: 'a keyed store of chains caught by an imported noop',
      code: `import { noop } from 'es-toolkit';
export class LogSink {
  queues = new Map();
  enqueue(key, operation) {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const current = previous.then(operation);
    this.queues.set(key, current.catch(noop));
    return current;
  }
}`,
    },
    ...['console.error', 'this.logger.warn', '_.noop'].map((handler) => ({
      name: `a module slot holding a chain caught by ${handler}`,
      code: `import _ from 'lodash';
let warming;
export class Warmer {
  warm() {
    if (!warming) warming = fetch('/warm').then((r) => r.json()).catch(${handler});
    return warming;
  }
}`,
    })),
    {
      // A debouncer: the slot is emptied when its timer fires, whatever the call did.
      name: 'a slot emptied by a timer started beside the write',
      code: `export class Debouncer {
  pending = null;
  timeout = null;
  constructor(method, wait) { this.method = method; this.wait = wait; }
  call(...args) {
    if (!this.pending) this.pending = this.method(...args).then((r) => r.json());
    if (!this.timeout) {
      this.timeout = setTimeout(() => {
        this.timeout = null;
        this.pending = null;
      }, this.wait);
    }
    return this.pending;
  }
}`,
    },
    {
      // Calls in one tick share a promise; the map goes on the next microtask (or tick), whatever the promises do.
      name: 'a per-tick dedupe map dropped by queueMicrotask or process.nextTick',
      code: `export function dedupePerTick(load: (id: string) => Promise<unknown>) {
  let pending: Map<string, Promise<unknown>> | null = null;
  return (id: string) => {
    if (pending === null) {
      pending = new Map();
      queueMicrotask(() => { pending = null; });
    }
    const existing = pending.get(id);
    if (existing) return existing;
    const promise = load(id);
    pending.set(id, promise);
    return promise;
  };
}
export function dedupePerNextTick(load: (id: string) => Promise<unknown>) {
  let pending: Map<string, Promise<unknown>> | null = null;
  return (id: string) => {
    if (pending === null) {
      pending = new Map();
      process.nextTick(() => { pending = null; });
    }
    const existing = pending.get(id);
    if (existing) return existing;
    const promise = load(id);
    pending.set(id, promise);
    return promise;
  };
}`,
    },
    {
      // A batcher: the timer that sends the batch empties the slot before the request is even made.
      name: 'a slot emptied by a timer started in the executor of the promise it holds',
      code: `export class Batcher {
  batch = [];
  response = null;
  add(entry, send) {
    this.batch.push(entry);
    if (this.response) return this.response;
    const batch = this.batch;
    this.response = new Promise((resolve, reject) => {
      setTimeout(() => {
        this.response = null;
        send(batch.splice(0)).then(resolve, reject);
      }, 0);
    });
    return this.response;
  }
}`,
    },
    {
      // The rejection handler sets the entry back to null: the next call loads again.
      name: 'a module-level store whose entry is set to null in the rejection handler',
      code: `const Promises = {};
export function getSystemFile(file, callback) {
  if (!Promises[file]) Promises[file] = fetch('/system/' + file).then((r) => r.text());
  Promises[file].then((data) => callback(null, data), (error) => {
    Promises[file] = null;
    callback(error);
  });
}`,
    },
    {
      // Every config load commented out: Promise.all of nothing resolves to [].
      name: 'a slot holding Promise.all of an empty list',
      code: `let configs;
export function getConfigs() {
  if (!configs) {
    configs = Promise.all([
      // import('./twoslash.config.mjs').then((m) => m.default),
    ]);
  }
  return configs;
}`,
    },
    {
      // The early answers read only what the module holds; everything that can fail is in the try.
      name: 'a module slot whose async initialiser answers early from module state, then catches everything',
      code: `import admin from 'firebase-admin';
import { readFile } from 'node:fs/promises';
const AVAILABLE = process.env.FIREBASE === 'on';
let initPromise;
const init = async () => {
  if (!AVAILABLE) return null;
  if (admin.apps.length > 0) return admin;
  try {
    admin.initializeApp({ credential: JSON.parse(await readFile('.credentials/firebase.json', 'utf8')) });
    return admin;
  } catch (e) {
    console.error('firebase unavailable', e);
    return null;
  }
};
export const getAdmin = () => {
  if (!initPromise) initPromise = init();
  return initPromise;
};`,
    },
    {
      name: 'a slot filled by a method whose try/catch follows a clock read',
      code: `export class Updates {
  async check() {
    const now = Date.now();
    try {
      const res = await fetch('/latest');
      return { checked: now, version: (await res.json()).name };
    } catch (error) {
      return { checked: now, version: 'unknown' };
    }
  }
  get() {
    if (!this.pending) this.pending = this.check();
    return this.pending;
  }
}`,
    },
    {
      // Resolved by hand, never rejected; the callback after it returns nothing and throws nothing.
      name: 'a store of promises that are only ever resolved, followed by a callback that tidies up',
      code: handResolved(`    loaders.delete(id);
    el.removeAttribute('data-loading');`),
    },
    {
      // The callback builds a built-in collection from the module: that fails the same way every time.
      name: 'server code keeping a dynamic import turned into a Set',
      filename: 'src/signup/public-domains.ts',
      code: `let loading = null;
export function publicDomains() {
  loading ??= import('free-email-domains').then((mod) => new Set([...mod.default, 'example.org']));
  return loading;
}`,
    },
    {
      // The WebAssembly renderer and the fonts ship with the code: setting up what it loaded fails the same way every time.
      name: 'a WebAssembly renderer set up with the fonts it ships with, kept on a server',
      filename: 'functions/render.ts',
      code: `import { newContext } from 'resvg-wasm';
import LatoRegular from './fonts/LatoLatin-Regular.ttf.bin';
import LatoBold from './fonts/LatoLatin-Bold.ttf.bin';
let resvgContext;
export function getResvgContext() {
  resvgContext ??= newContext().then((context) => {
    for (const font of [LatoRegular, LatoBold]) context.registerFontData(new Uint8Array(font));
    return context;
  });
  return resvgContext;
}`,
    },
    {
      // Encoding the bytes of a file the server ships with fails as reading it does.
      name: 'a shipped file read and encoded in place, kept on a server',
      filename: 'graphql/og.ts',
      code: `import { readFile } from 'node:fs/promises';
import { encodeBase64 } from '@std/encoding/base64';
let logoPromise;
export async function logoDataUri() {
  logoPromise ??= readFile('./public/logo.svg').then((svg) => \`data:image/svg+xml;base64,\${encodeBase64(svg)}\`);
  return logoPromise;
}`,
    },
    {
      // The async function only awaits module loads, each picked by a helper of the file.
      name: 'server code keeping the promise of a local async function that only loads modules',
      filename: 'src/serverless/compile.ts',
      code: compileOptions(`  const [typescript, commonjs] = await Promise.all([import('@babel/plugin-transform-typescript').then(interopDefault), import('@babel/plugin-transform-modules-commonjs').then(interopDefault)]);
  return { plugins: [typescript, commonjs] };`),
    },
    {
      // Every step of the body is safe: branches on module values, log lines, a probe that catches everything, plain results.
      name: 'a module slot whose async function awaits only a probe that catches everything and returns plain values',
      code: apiBase(`  if (import.meta.env.VITE_API) return import.meta.env.VITE_API;
  if (process.env.API_URL) {
    console.log('using configured api', process.env.API_URL);
    return process.env.API_URL;
  }
  const url = localUrl();
  const up = await probe(url);
  if (up) return url;
  console.log('falling back to', REMOTE);
  return REMOTE;`),
    },
    {
      // Every awaited promise is caught in place (or settled): the loader resolves, with false on a failed import.
      name: 'a slot whose loader awaits Promise.all of caught imports, or Promise.allSettled',
      code: `let modulesPromise = null;
let statsPromise = null;
export const loadModules = () => {
  if (!modulesPromise) {
    modulesPromise = (async () => {
      const [chart, geo] = await Promise.all([import('chart.js/auto').catch(() => null), import('chartjs-chart-geo').catch(() => null)]);
      if (!chart || !geo) return false;
      chart.Chart.register(geo.ChoroplethController);
      return true;
    })();
  }
  return modulesPromise;
};
export const loadStats = () => {
  statsPromise ??= (async () => {
    const results = await Promise.allSettled([fetch('/a'), fetch('/b')]);
    return results.filter((r) => r.status === 'fulfilled').length;
  })();
  return statsPromise;
};`,
    },
  ],
  invalid: [
    {
      // One element of the Promise.all is not caught: its rejection rejects the loader.
      name: 'a slot whose loader awaits Promise.all with one uncaught import',
      code: `let modulesPromise = null;
export const loadModules = () => {
  if (!modulesPromise) {
    modulesPromise = (async () => {
      const [chart, geo] = await Promise.all([import('chart.js/auto').catch(() => null), import('chartjs-chart-geo')]);
      return Boolean(chart && geo);
    })();
  }
  return modulesPromise;
};`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, column: 5, data: { name: 'modulesPromise' } }],
    },
    {
      // The same body awaiting a request outside any try: a failed request stays cached.
      name: 'a module slot whose async function awaits a request outside any try',
      code: apiBase(`  const url = localUrl();
  const config = await (await fetch(url + '/config')).json();
  return config.base ?? REMOTE;`),
      // The write `basePromise = pickBase()`: 15 lines of the module, 3 of the body, the closing brace and the getter's first line.
      errors: [{ messageId: 'unsafePromiseSlot', line: 21, data: { name: 'basePromise' } }],
    },
    {
      // A name may hold a promise: the one returned here is a module slot filled elsewhere.
      name: 'a module slot whose async function returns a promise held in another slot',
      code: `let warmup = null;
export function startWarmup() {
  warmup = fetch('/warm').then((res) => res.json());
}
${apiBase(`  if (warmup) return warmup;
  return REMOTE;`)}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 24, data: { name: 'basePromise' } }],
    },
    {
      name: 'server code keeping the promise of a local async function that loads modules and fetches',
      filename: 'src/serverless/compile.ts',
      code: compileOptions(`  const typescript = await import('@babel/plugin-transform-typescript').then(interopDefault);
  const presets = await (await fetch('https://config.example.com/presets')).json();
  return { plugins: [typescript], presets };`),
      errors: [{ messageId: 'unsafePromiseSlot', line: 3, data: { name: 'optionsPromise' } }],
    },
    {
      name: 'a promise resolved by hand followed by a callback that returns a request',
      code: handResolved(`    return fetch('/elements/' + id);`),
      errors: [{ messageId: 'unsafePromiseCache', line: 4, data: { name: 'loaders' } }],
    },
    {
      name: 'a promise resolved by hand followed by a callback that throws',
      code: handResolved(`    if (!el.isConnected) throw new Error('gone');`),
      errors: [{ messageId: 'unsafePromiseCache', line: 4, data: { name: 'loaders' } }],
    },
    {
      // Its own constructor may fail for a passing reason (it opens the file it is given).
      name: 'server code keeping a dynamic import handed to a constructor of its own',
      filename: 'src/signup/public-domains.ts',
      code: `let loading = null;
export function publicDomains() {
  loading ??= import('free-email-domains').then((mod) => new DomainIndex(mod.default));
  return loading;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 3, data: { name: 'loading' } }],
    },
    {
      name: 'a serial queue per key whose work is not caught',
      code: relay(`      await deliver(msg);`),
      errors: [{ messageId: 'unsafePromiseCache', line: 5, data: { name: 'this.queues' } }],
    },
    {
      // What another store holds may be a rejection this code never made.
      name: 'a queue entry that awaits the entry of another store before its try',
      code: `async function deliver(msg) { return (await fetch('/deliver', { method: 'POST', body: msg.text })).json(); }
export class Relay {
  queues = {};
  uploads = {};
  onMessage(msg) {
    this.uploads[msg.id] = fetch('/upload/' + msg.id);
    this.queues[msg.channel] = (async () => {
      await this.uploads[msg.id];
      try {
        await deliver(msg);
      } catch (err) {
        console.error(err);
      }
    })();
    return this.queues[msg.channel];
  }
}`,
      errors: [
        { messageId: 'unsafePromiseCache', line: 6, data: { name: 'this.uploads' } },
        { messageId: 'unsafePromiseCache', line: 7, data: { name: 'this.queues' } },
      ],
    },
    // Paths that only look like tests or mocks: a mock service's own code (\`mock.js\` in its
    // controllers) serves real users, \`contests/\` is not a tests folder, and a set-up file that
    // does not name a test runner or tests is the application's own.
    ...['app/controllers/mock.js', 'src/contests/token.ts', 'src/server/setup-routes.ts', 'src/user-setup.ts'].map((filename) => ({
      name: `a promise slot in ${filename}`,
      filename,
      code: tokenSlot,
      errors: [{ messageId: 'unsafePromiseSlot' as const, line: 3, data: { name: 'tokenLoad' } }],
    })),
    {
      // Reads a local file, then asks the network: the request can fail for a passing reason.
      name: 'server code memoizing an async function that reads a local file and then fetches',
      filename: 'src/html/bundle.ts',
      code: `import { readFile } from 'node:fs/promises';
import { memoize } from 'es-toolkit';
async function doBundle(entryPoint: string): Promise<string> {
  const source = await readFile(entryPoint, 'utf8');
  const res = await fetch('https://bundler.example.com/build', { method: 'POST', body: source });
  return res.text();
}
export const bundle = memoize(doBundle);`,
      errors: [{ messageId: 'unsafeMemoizer', line: 8, column: 23, suggestions: [{ messageId: 'useRuntimeMemoize', output: `import { readFile } from 'node:fs/promises';
import { memoize } from 'eslint-plugin-memo-guard/memoize';
async function doBundle(entryPoint: string): Promise<string> {
  const source = await readFile(entryPoint, 'utf8');
  const res = await fetch('https://bundler.example.com/build', { method: 'POST', body: source });
  return res.text();
}
export const bundle = memoize(doBundle, { key: (first?: unknown) => first });` }] }],
    },
    {
      // A handler by name that is neither a logger nor a no-op may rethrow (here it does).
      name: 'a module slot holding a chain caught by a handler of unknown behaviour',
      code: `import { reportAndRethrow } from './errors.js';
let warming;
export function warm() {
  if (!warming) warming = fetch('/warm').then((r) => r.json()).catch(reportAndRethrow);
  return warming;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, column: 17, data: { name: 'warming' } }],
    },
    {
      // The timer that empties the slot is started only after a success.
      name: 'a slot emptied by a timer started from the fulfilment handler',
      code: `let pending = null;
export function latest() {
  if (!pending) {
    pending = fetch('/latest').then((r) => r.json());
    pending.then(() => setTimeout(() => { pending = null; }, 60_000));
  }
  return pending;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, column: 5, data: { name: 'pending' } }],
    },
    {
      // Set back to null only once the load succeeded: a failed load stays.
      name: 'a module-level store whose entry is set to null in the fulfilment handler only',
      code: `const Promises = {};
export function getSystemFile(file, callback) {
  if (!Promises[file]) Promises[file] = fetch('/system/' + file).then((r) => r.text());
  Promises[file].then((data) => {
    Promises[file] = null;
    callback(null, data);
  }, (error) => callback(error));
}`,
      errors: [{ messageId: 'unsafePromiseCache', line: 3, column: 24, data: { name: 'Promises' } }],
    },
    {
      // The early answer awaits a request outside the try: its rejection is kept.
      name: 'a module slot whose async initialiser awaits a check before its try/catch',
      code: `let initPromise;
const init = async () => {
  if (!(await fetch('/feature/firebase')).ok) return null;
  try {
    return await (await fetch('/credentials')).json();
  } catch (e) {
    return null;
  }
};
export const getAdmin = () => {
  if (!initPromise) initPromise = init();
  return initPromise;
};`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 11, column: 21, data: { name: 'initPromise' } }],
    },
  ],
});

// A promise kept by an instance replays a rejection for as long as the instance lives: for the one
// operation that made it, when every instance is made per call or is a row an ORM loaded.
const download = `class Download {
  constructor(url) { this.url = url; }
  body() {
    if (!this.pending) this.pending = fetch(this.url).then((r) => r.text());
    return this.pending;
  }
}`;

ruleTester.run(`${ruleId}: instances that live for one operation`, rule, {
  valid: [
    {
      name: 'a slot of a class every instance of which a function makes and keeps to itself',
      code: `${download}
export async function handle(req, res) {
  const d = new Download(req.query.url);
  res.send(await d.body());
}`,
    },
    {
      name: 'a slot of a class made inside a literal passed to a call',
      code: `${download}
export async function handle(req, res) {
  res.send(await render({ source: new Download(req.query.url) }));
}`,
    },
    {
      name: 'a slot of an ORM row (a class extending Model)',
      code: `import { Model } from 'objection';
export class Account extends Model {
  plan() {
    this.planLoad ??= fetch('/plans/' + this.id).then((r) => r.json());
    return this.planLoad;
  }
}`,
    },
    {
      name: 'a memoizer made in a method of an ORM row and kept on the row',
      code: `import { memoize } from 'lodash-es';
import { Model } from './model';
export class Account extends Model {
  manager() {
    if (this.cached) return this.cached;
    const activeSubscription = memoize(async () => (await fetch('/subscriptions/' + this.id)).json());
    this.cached = { activeSubscription };
    return this.cached;
  }
}`,
    },
    {
      name: 'a slot of a class held by the instances of another class made per call',
      code: `class Measure {
  constructor(file) { this.file = file; }
  size() {
    if (!this.sizing) this.sizing = fetch('/size/' + this.file.key).then((r) => r.json());
    return this.sizing;
  }
}
class Upload {
  constructor(key) { this.key = key; this.measure = new Measure(this); }
}
export async function handle(req, res) {
  const upload = new Upload(req.params.key);
  res.json(await upload.measure.size());
}`,
    },
  ],
  invalid: [
    {
      name: 'a slot of a class one instance of which the module keeps',
      code: `${download}
const feed = new Download('/feed.xml');
export async function handle(req, res) {
  res.send(await feed.body());
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, data: { name: 'this.pending' } }],
    },
    {
      // The library's users (or a subclass) make the holder: how long it lives is not known.
      name: 'a slot of a class held by an exported class nothing in the file makes',
      code: `class Connection {
  constructor(db) { this.db = db; }
  ready() {
    if (!this.opening) this.opening = fetch('/connect', { method: 'POST' });
    return this.opening;
  }
}
export class Database {
  constructor() { this.connection = new Connection(this); }
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, data: { name: 'this.opening' } }],
    },
    {
      // Returned, the instance is the caller's: how long it lives is not known here.
      name: 'a slot of a class a factory returns',
      code: `${download}
export function downloadFor(url) {
  return new Download(url);
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, data: { name: 'this.pending' } }],
    },
    {
      name: 'a slot of a class made per call and also kept by the module',
      code: `${download}
export const feed = new Download('/feed.xml');
export async function handle(req, res) {
  res.send(await new Download(req.query.url).body());
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, data: { name: 'this.pending' } }],
    },
  ],
});

describe('a memoized function thrown away for a fresh one when a call of it rejects', () => {
  const code = (onFailure: string, onSuccess: string): string => `import memoizeOne from 'memoize-one';
async function speak(text) { return (await fetch('/tts?text=' + encodeURIComponent(text))).arrayBuffer(); }
let cachedSpeak = memoizeOne(speak);
export async function announce(text) {
  try {
    const audio = await cachedSpeak(text);
    ${onSuccess}
    return audio;
  } catch (e) {
    console.error(e);
    ${onFailure}
  }
}`;
  it('is quiet when the catch replaces it, at the declaration and at the replacement', () => {
    expect(lintWithRule(ruleId, rule, code('cachedSpeak = memoizeOne(speak);', ''))).toEqual([]);
  });
  it('is reported, at both calls, when it is replaced only after a success', () => {
    expect(lintWithRule(ruleId, rule, code('', 'cachedSpeak = memoizeOne(speak);')).map((m) => [m.line, m.messageId])).toEqual([
      [3, 'unsafeMemoizer'],
      [7, 'unsafeMemoizer'],
    ]);
  });
});

describe('a memoizer made in a method of a class the module keeps one instance of', () => {
  it('is reported: the one instance keeps the memoized function, and its cache, for good', () => {
    const code = `import { memoize } from 'lodash-es';
export class Billing {
  manager() {
    if (this.cached) return this.cached;
    const activeSubscription = memoize(async () => (await fetch('/subscriptions')).json());
    this.cached = { activeSubscription };
    return this.cached;
  }
}
export const billing = new Billing();`;
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.line, m.messageId])).toEqual([[5, 'unsafeMemoizer']]);
  });
});

describe('instances made in other files', () => {
  const handle = `export class FileHandle {
  constructor(key) { this.key = key; }
  download() {
    if (!this.downloading) this.downloading = fetch('/files/' + this.key).then((r) => r.arrayBuffer());
    return this.downloading;
  }
}
`;
  // The class, a barrel re-exporting it, and a handler that makes one per request.
  const files = {
    'file-handle.js': handle,
    'storage.js': `export { FileHandle } from './file-handle.js';\n`,
    'diff.js': `import { FileHandle } from './storage.js';
export async function diff(req, res) {
  const before = new FileHandle(req.params.before);
  res.json(await before.download());
}
`,
  };
  const perCall = expressProject(ruleId, rule, {
    ...files,
    // A test's instances never serve.
    'file-handle.test.js': `import { FileHandle } from './file-handle.js';\nconst fixture = new FileHandle('fixture');\n`,
  });
  it('a class every importer (through a barrel) makes per call: quiet', () => {
    expect(perCall.lint('file-handle.js')).toEqual([]);
  });
  const kept = expressProject(ruleId, rule, {
    ...files,
    'logo.js': `import { FileHandle } from './storage.js';\nexport const logo = new FileHandle('logo.png');\n`,
  });
  it('a class one importer keeps an instance of at module level: reported', () => {
    expect(kept.lint('file-handle.js').map((m) => [m.line, m.messageId])).toEqual([[4, 'unsafePromiseSlot']]);
  });
});

describe('instances made by a static factory of their class', () => {
  // `static async create()` does the async set-up and returns `new StreamContext(…)`: the instances
  // live where the calls of `create` put them.
  const context = `export class StreamContext {
  constructor(id) { this.id = id; }
  static async create(id) {
    const entry = await fetch('/anime/' + id).then((r) => r.json());
    return new StreamContext(entry.id);
  }
  metadata() {
    if (!this.loading) this.loading = fetch('/meta/' + this.id).then((r) => r.json());
    return this.loading;
  }
}
`;
  const files = {
    'stream-context.js': context,
    'streams.js': `import { StreamContext } from './stream-context.js';
export async function streams(req, res) {
  const ctx = await StreamContext.create(req.params.id);
  res.json(await ctx.metadata());
}
`,
  };
  const perRequest = expressProject(ruleId, rule, files);
  it('a class made per request through its factory in another file: quiet', () => {
    expect(perRequest.lint('stream-context.js')).toEqual([]);
  });
  const kept = expressProject(ruleId, rule, {
    ...files,
    'featured.js': `import { StreamContext } from './stream-context.js';\nexport const featured = await StreamContext.create('featured');\n`,
  });
  it('a class one importer keeps an instance of, made by its factory at module level: reported', () => {
    expect(kept.lint('stream-context.js').map((m) => [m.line, m.messageId])).toEqual([[8, 'unsafePromiseSlot']]);
  });
  const inFile = expressProject(ruleId, rule, {
    'stream-context.js': `${context}export const shared = await StreamContext.create('shared');\n`,
  });
  it('the factory called at module level in the class file itself: reported', () => {
    expect(inFile.lint('stream-context.js').map((m) => [m.line, m.messageId])).toEqual([[8, 'unsafePromiseSlot']]);
  });
});

describe("a node-redis client's `connect()` on its default reconnect strategy", () => {
  // node-redis (4 and later) retries a failed connection for as long as its reconnect strategy allows,
  // and the default one never gives up: `connect()` waits for the server, it does not reject, so the
  // slot keeps no rejection. A strategy of the app's own may stop and reject (line 6).
  const module = (options: string): string => `import { createClient } from 'redis';
const client = createClient(${options});
client.on('error', (err) => console.error(err));
let ready = null;
export function getClient() {
  ready ??= client.connect().then(() => client);
  return ready;
}
`;
  it('a module client made with the defaults: quiet', () => {
    expect(lintWithRule(ruleId, rule, module('{ url: process.env.REDIS_URL }'))).toEqual([]);
    expect(lintWithRule(ruleId, rule, module(''))).toEqual([]);
  });
  it('a client given its own reconnect strategy: reported', () => {
    const strategy = "{ url: process.env.REDIS_URL, socket: { reconnectStrategy: (n) => (n > 3 ? new Error('gone') : 100) } }";
    expect(lintWithRule(ruleId, rule, module(strategy)).map((m) => [m.line, m.messageId])).toEqual([[6, 'unsafePromiseSlot']]);
  });
  it("a field of the class set to such a client, connected in the slot's async body: quiet", () => {
    const code = `import * as redis from 'redis';
export class Store {
  async init() {
    if (this.initPromise) return this.initPromise;
    this.initPromise = (async () => {
      this.client = redis.createClient({ url: process.env.REDIS_URL });
      this.client.on('error', (err) => console.error(err));
      await this.client.connect();
    })();
    return this.initPromise;
  }
}
export const store = new Store();
`;
    expect(lintWithRule(ruleId, rule, code)).toEqual([]);
    // Another library's client, whose `connect()` may reject: still reported.
    expect(lintWithRule(ruleId, rule, code.replace("import * as redis from 'redis';", "import * as redis from 'some-redis';")).map((m) => m.line)).toEqual([5]);
  });
});

describe('a slot every write replaces, awaited and emptied by a teardown', () => {
  // connect() replaces the pipe's promise whatever the slot holds, and disconnect() only awaits it
  // before emptying it: no call is handed a kept promise instead of making one. A read that returns
  // the slot to later callers hands them a kept rejection (reported at the write, line 9).
  const code = (extra: string): string => `export function useSerial() {
  let port: { writable: WritableStream<Uint8Array>; close: () => Promise<void> } | null = null;
  let outputDone: Promise<void> | null = null;
  let outputStream: WritableStream<string> | null = null;
  async function connect() {
    port = await navigator.serial.requestPort();
    const encoder = new TextEncoderStream();
    if (port?.writable) {
      outputDone = encoder.readable.pipeTo(port.writable);
      outputStream = encoder.writable;
    }
  }
  async function disconnect() {
    if (port && outputStream) {
      await outputStream.getWriter().close();
      await outputDone;
      outputStream = null;
      outputDone = null;
    }
  }
  ${extra}return { connect, disconnect };
}
`;
  it('no other read: quiet', () => {
    expect(lintWithRule(ruleId, rule, code(''))).toEqual([]);
  });
  it('a read that hands the slot to later callers: reported', () => {
    const handed = code('const flushed = () => outputDone;\n  ');
    expect(lintWithRule(ruleId, rule, handed).map((m) => [m.line, m.messageId])).toEqual([[9, 'unsafePromiseSlot']]);
  });
});

describe('a catch that passes on what a body of safe awaits threw', () => {
  // With every await safe, the catch is entered only by a synchronous failure of the try block (a bad
  // URL given to createClient): passing it on replays a failure that would happen again anyway.
  const code = (catchBody: string): string => `import { createClient } from 'redis';
export class Store {
  async init() {
    if (this.initPromise) return this.initPromise;
    this.initPromise = (async () => {
      try {
        this.client = createClient({ url: process.env.REDIS_URL });
        this.client.on('error', (err) => console.error(err));
        await this.client.connect();
      } catch (err) {
        ${catchBody}
      }
    })();
    return this.initPromise;
  }
}
export const store = new Store();
`;
  it('a log and a rethrow in the catch: quiet', () => {
    expect(lintWithRule(ruleId, rule, code("console.error('redis connection failed', err);\n        throw err;"))).toEqual([]);
  });
  it('a throw outside a catch, or an await in the catch that may reject: reported', () => {
    const thrown = code('console.error(err);').replace('      }\n    })();', "      }\n      if (!this.client?.isReady) throw new Error('not ready');\n    })();");
    expect(lintWithRule(ruleId, rule, thrown).map((m) => [m.line, m.messageId])).toEqual([[5, 'unsafePromiseSlot']]);
    const retried = code('await fetch(process.env.ALERT_URL);\n        throw err;');
    expect(lintWithRule(ruleId, rule, retried).map((m) => [m.line, m.messageId])).toEqual([[5, 'unsafePromiseSlot']]);
  });
});

describe("a factory whose results are parameters' defaults (`tick(entries, ports = defaultPorts())`)", () => {
  // Each tick makes its own ports: the snapshot promise they keep lives for that tick.
  const engine = (tick: string): string => `export function defaultPorts() {
  let snapshot = null;
  return {
    active: async (id) => {
      snapshot ??= fetch('/snapshot').then((r) => r.json());
      return (await snapshot).sessions.includes(id);
    },
  };
}
${tick}
`;
  it('made for one call of the function that takes it: quiet', () => {
    expect(lintWithRule(ruleId, rule, engine('export async function tick(entries, ports = defaultPorts()) {\n  for (const e of entries) await ports.active(e.id);\n}'))).toEqual([]);
  });
  it('kept by the module once the function stores it: reported', () => {
    expect(lintWithRule(ruleId, rule, engine('let current;\nexport async function tick(entries, ports = defaultPorts()) {\n  current = ports;\n  for (const e of entries) await ports.active(e.id);\n}')).map((m) => [m.line, m.messageId])).toEqual([[5, 'unsafePromiseSlot']]);
  });
});

describe("a server slot filled by another file's function that only loads a module (`createBackendFromDriver(config)`)", () => {
  // The factory awaits `import(config.driver)` alone, then builds the backend: a driver that is not
  // installed fails the same way on every try, so keeping the rejection replays nothing a retry would fix.
  const backend = `import { createBackendFromDriver } from './factory.js';
export class LazyBackend {
  constructor(config) { this.config = config; }
  async init() {
    this.backendPromise ??= createBackendFromDriver(this.config);
    this.backend = await this.backendPromise;
  }
}
`;
  const factory = (extra: string): string => `export async function createBackendFromDriver(config) {
  const mod = await import(config.driver);
  if (!mod.default) throw new Error('driver not found: ' + config.driver);
  ${extra}
  return new mod.default(config.config);
}
`;
  const loads = expressProject(ruleId, rule, { 'lazy-backend.js': backend, 'factory.js': factory(''), 'server.js': "import { LazyBackend } from './lazy-backend.js';\nexport const queue = new LazyBackend({ driver: 'pg-driver' });\n" });
  it('only a module load: quiet', () => {
    expect(loads.lint('lazy-backend.js')).toEqual([]);
  });
  const connects = expressProject(ruleId, rule, { 'lazy-backend.js': backend, 'factory.js': factory("await fetch(config.url + '/health');"), 'server.js': "import { LazyBackend } from './lazy-backend.js';\nexport const queue = new LazyBackend({ driver: 'pg-driver' });\n" });
  it('a load, then a request to the database: reported', () => {
    expect(connects.lint('lazy-backend.js').map((m) => [m.line, m.messageId])).toEqual([[5, 'unsafePromiseSlot']]);
  });
});

describe('a browser slot that loads modules another file imports statically', () => {
  // The bundler keeps a module a static import also loads in that importer's chunk: the import() fetches nothing.
  const highlight = `let shared = null;
export function highlighter() {
  shared ??= Promise.all([import('./languages'), import('./theme')]).then(([langs, theme]) => ({ langs: langs.list, style: theme.style }));
  return shared;
}
`;
  const app = (editor: string): Record<string, string> => ({
    'package.json': '{ "name": "web", "private": true, "dependencies": { "react": "^19.0.0", "react-dom": "^19.0.0" }, "devDependencies": { "vite": "^7.0.0" } }\n',
    'src/main.tsx': "import { createRoot } from 'react-dom/client';\nimport { Editor } from './editor';\ncreateRoot(document.body).render(<Editor />);\n",
    'src/editor.tsx': editor,
    'src/languages.ts': 'export const list = [];\n',
    'src/theme.ts': 'export const style = {};\n',
    'src/highlight.ts': highlight,
    'src/theme.test.ts': "import { style } from './theme';\ntest('style', () => expect(style).toEqual({}));\n",
  });
  const bundled = projectOnDisk('bundled-loads', () => app("import { list } from './languages';\nimport { style } from './theme';\nexport function Editor() { return <pre>{list.length}{String(style)}</pre>; }\n"));
  it('both modules imported statically by the editor: quiet', () => {
    expect(lintInDir(ruleId, rule, bundled.dir(), 'src/highlight.ts', highlight)).toEqual([]);
  });
  // `import type` loads nothing at run time, nor does a test's import serve the page.
  const typeOnly = projectOnDisk('type-only-loads', () => app("import { list } from './languages';\nimport type { style } from './theme';\nexport function Editor() { return <pre>{list.length}</pre>; }\n"));
  it('one of them imported only as a type (and by a test): reported', () => {
    expect(lintInDir(ruleId, rule, typeOnly.dir(), 'src/highlight.ts', highlight).map((m) => [m.line, m.messageId])).toEqual([[3, 'unsafePromiseSlot']]);
  });
});

describe("instances made by a helper method of the routes' class (`createContext(req)` returning `new Context(…)`)", () => {
  // The context caches a permission lookup for the request it was made for; the routes make one per request.
  const context = `export class PageContext {
  constructor(user) { this.user = user; }
  canEdit() {
    if (!this.editCheck) this.editCheck = fetch('/acl/' + this.user).then((r) => r.json());
    return this.editCheck;
  }
}
`;
  const routes = (keep: string) => `import { PageContext } from './page-context.js';
export class Routes {
  contextFor(req) { return new PageContext(req.user); }
  async edit(req, res) {
    const ctx = this.contextFor(req);
    res.json({ ok: await ctx.canEdit() });
  }
${keep}}
`;
  const perRequest = expressProject(ruleId, rule, { 'page-context.js': context, 'routes.js': routes('') });
  it('every call of the helper keeps the instance to one request: quiet', () => {
    expect(perRequest.lint('page-context.js')).toEqual([]);
  });
  const kept = expressProject(ruleId, rule, { 'page-context.js': context, 'routes.js': routes('  remember(req) { this.last = this.contextFor(req); }\n') });
  it('one call keeps it in a field of the routes, which live as long as the app: reported', () => {
    expect(kept.lint('page-context.js').map((m) => [m.line, m.messageId])).toEqual([[4, 'unsafePromiseSlot']]);
  });
});

describe("a command-line package that is its own project (`targets/alert-cli/` with its own package.json)", () => {
  const diff = `import memoize from 'lodash/memoize';
export const documentsOf = memoize(async (source) => (await fetch('/documents/' + source)).json());
`;
  const cli = expressProject(ruleId, rule, { 'diff.js': diff }, { folder: 'alert-cli' });
  it('is a one-shot program: quiet', () => {
    expect(cli.lint('diff.js')).toEqual([]);
  });
  const server = expressProject(ruleId, rule, { 'diff.js': diff }, { folder: 'alert-api' });
  it('the same code in a project folder named otherwise: reported at the memoizer (line 2)', () => {
    expect(server.lint('diff.js').map((m) => [m.line, m.messageId])).toEqual([[2, 'unsafeMemoizer']]);
  });
});

describe('a private package built on an argument parser, with nothing that keeps it running', () => {
  // A scraper run as `node build/index.js all` from cron: yargs parses its command, it runs and exits.
  const code = `import memoize from 'lodash/memoize';
export const zones = memoize(async () => (await fetch('https://maps.example/zones')).json());`;
  const lint = (deps: Record<string, string>, manifest: Record<string, unknown> = {}): (string | undefined)[] =>
    lintInPackage(ruleId, rule, deps, 'zones.ts', code, manifest).map((m) => m.messageId);
  it('is a one-shot program: quiet', () => {
    expect(lint({ yargs: '^17.0.0', axios: '^1.0.0' })).toEqual([]);
    expect(lint({ commander: '^12.0.0' })).toEqual([]);
  });
  it('reports it when the package also declares a server or a long-running worker', () => {
    expect(lint({ yargs: '^17.0.0', express: '^4.0.0' })).toEqual(['unsafeMemoizer']);
    expect(lint({ commander: '^12.0.0', bullmq: '^5.0.0' })).toEqual(['unsafeMemoizer']);
    expect(lint({ yargs: '^17.0.0' }, { devDependencies: { 'discord.js': '^14.0.0' } })).toEqual(['unsafeMemoizer']);
  });
  it('reports it when the parser is only a development tool, or the package is published', () => {
    expect(lint({ axios: '^1.0.0' }, { devDependencies: { yargs: '^17.0.0' } })).toEqual(['unsafeMemoizer']);
    // A library with a command of its own (svelte-i18n's extractor): its runtime serves whoever imports it.
    expect(lint({ yargs: '^17.0.0' }, { private: false })).toEqual(['unsafeMemoizer']);
  });
});

describe('mem by the major the package declares', () => {
  // mem 3 and 4 drop a rejected promise unless `cachePromiseRejection: true`; 5 keeps it unless
  // `cachePromiseRejection: false`; 6 and later have no option and keep it; 1 and 2 keep it.
  const lint = (deps: Record<string, string>, options = ''): string[] =>
    lintInPackage(ruleId, rule, deps, 'users.ts', `import mem from 'mem';\nexport const getUser = mem(async (id: string) => (await fetch('/users/' + id)).json()${options});`).map((m) => m.message);
  it('is quiet for mem 3 and 4, which drop rejected promises by default', () => {
    expect(lint({ mem: '^4.3.0' })).toEqual([]);
    expect(lint({ mem: '~3.0.1' })).toEqual([]);
  });
  it('reports mem 5 unless it is told not to keep rejections', () => {
    expect(lint({ mem: '^5.1.1' })).toHaveLength(1);
    expect(lint({ mem: '^5.1.1' }, ', { cachePromiseRejection: false }')).toEqual([]);
  });
  it('reports mem 2, mem 6 and later, and mem with no declared range', () => {
    expect(lint({ mem: '^2.1.0' })).toHaveLength(1);
    expect(lint({ mem: '^8.1.1' })).toHaveLength(1);
    expect(lint({ mem: '^6.0.0' }, ', { cachePromiseRejection: false }')).toHaveLength(1);
    expect(lint({})).toHaveLength(1);
  });
});

describe('a memoized function returning a promise its executor cannot reject', () => {
  // Drawn synchronously, handed back in `new Promise((r) => r(canvas))`: a throw while drawing is
  // thrown by the call (lodash does not cache it), and the promise itself always resolves.
  const code = (executor: string): string => `import memoize from 'lodash/memoize';
function drawIcon(type, radius) {
  const canvas = document.createElement('canvas');
  canvas.getContext('2d').arc(0, 0, radius, 0, 7);
  return new Promise(${executor});
}
export const iconFor = memoize(drawIcon, (type, radius) => type + radius);`;
  const ids = (executor: string): (string | null)[] => lintWithRule(ruleId, rule, code(executor)).map((m) => m.messageId ?? null);
  it('is quiet when the executor takes no reject and throws nothing', () => {
    expect(ids('(r) => { r(canvas); }')).toEqual([]);
    expect(ids('(resolve) => resolve(canvas)')).toEqual([]);
  });
  it('is quiet when the executor only sets a handler that resolves later', () => {
    expect(ids('(resolve) => { canvas.onload = () => resolve(canvas); }')).toEqual([]);
  });
  it('reports the executor that can reject: a reject parameter, a throw, or a call that may throw while it runs', () => {
    expect(ids('(resolve, reject) => { canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("empty")))); }')).toEqual(['unsafeMemoizer']);
    expect(ids('(resolve) => { if (!canvas.width) throw new Error("empty"); resolve(canvas); }')).toEqual(['unsafeMemoizer']);
    // `imageFromSprite` reads an element that may not be on the page yet: its TypeError rejects the promise.
    expect(ids('(resolve) => { const image = imageFromSprite(type); image.onload = () => resolve(image); }')).toEqual(['unsafeMemoizer']);
  });
  it('is quiet for an async executor without reject, whatever it calls or throws: that rejects its own promise', () => {
    // Node: `new Promise(async (resolve) => { throw new Error('x'); })` stays pending; it never rejects.
    expect(ids('async (resolve) => { const image = await imageFromSprite(type); if (!image) throw new Error("none"); resolve(image); }')).toEqual([]);
    expect(ids('async (resolve, reject) => { try { resolve(await imageFromSprite(type)); } catch (e) { reject(e); } }')).toEqual(['unsafeMemoizer']);
  });
});

describe('a promise made by a module\'s own name for Promise', () => {
  // set 48: a queue's \`let Promize = Promise\`, its done-promise resolved by hand and never rejected.
  const code = (later: string): string => `let Promize = Promise;
let donePromise: Promise<void> | undefined;
let resolveDone: () => void;
${later}
export function done() {
  if (donePromise) return donePromise;
  return (donePromise = new Promize((resolve) => (resolveDone = resolve)));
}`;
  it('is quiet when the name is Promise itself', () => {
    expect(lintWithRule(ruleId, rule, code(''))).toEqual([]);
  });
  it('reports the slot when the name may be pointed at another constructor (line 7)', () => {
    expect(lintWithRule(ruleId, rule, code('export function usePromise(P) { Promize = P; }')).map((m) => m.line)).toEqual([7]);
  });
});

describe('a promise slot in a class whose instances are promises', () => {
  // A generated SDK's response promise unwraps its inner promise once: the instance is one promise
  // and settles once, so its later callers getting the same rejection is what a promise does.
  const code = (heading: string, then: string): string => `${heading} {
  constructor(inner) {
    ${heading.includes('extends') ? 'super((resolve) => resolve(undefined));\n    ' : ''}this.inner = inner;
  }
  unwrap() {
    if (!this.unwrapped) {
      this.unwrapped = this.inner.then(({ data }) => data);
    }
    return this.unwrapped;
  }
${then}}
export const call = (fn) => new ResponsePromise(fn());`;
  const thenMethod = '  then(onFulfilled, onRejected) {\n    return this.unwrap().then(onFulfilled, onRejected);\n  }\n';
  const ids = (text: string): (string | null)[] => lintWithRule(ruleId, rule, text).map((m) => m.messageId ?? null);
  it('is quiet for a class that extends Promise, or has its own then', () => {
    expect(ids(code('export class ResponsePromise extends Promise', thenMethod))).toEqual([]);
    expect(ids(code('export class ResponsePromise', thenMethod))).toEqual([]);
  });
  it('reports the same slot in a class that is not a promise', () => {
    expect(ids(code('export class ResponsePromise', '  data() {\n    return this.unwrap();\n  }\n'))).toEqual(['unsafePromiseSlot']);
  });
});

describe('a closure slot of a function that returns a thenable around it', () => {
  // A lazy promise (an RPC result proxy, an ORM's deferred query) runs its request once, the first
  // time it is awaited: the slot is that one request's outcome, made afresh for every call.
  const lazy = (returned: string): string => `export function lazyCall(transport, request) {
  let result = null;
  const run = () => {
    if (!result) result = transport.send(request).then((r) => r.body);
    return result;
  };
  ${returned}
}`;
  const ids = (text: string): (string | null)[] => lintWithRule(ruleId, rule, text).map((m) => m.messageId ?? null);
  it('is quiet for an object literal with then, returned directly or through a const', () => {
    expect(ids(lazy('return { then: (ok, fail) => run().then(ok, fail), cancel() {} };'))).toEqual([]);
    expect(ids(lazy('const pending = { then(ok, fail) { return run().then(ok, fail); } };\n  return pending;'))).toEqual([]);
  });
  it('is quiet for a Proxy whose get trap answers then', () => {
    expect(ids(lazy("return new Proxy(function () {}, {\n    get(_t, prop) {\n      if (prop === 'then') return (ok, fail) => run().then(ok, fail);\n      return undefined;\n    },\n  });"))).toEqual([]);
    expect(ids(lazy("return new Proxy({}, { get: (_t, prop) => { switch (prop) { case 'then': return (ok) => run().then(ok); default: return undefined; } } });"))).toEqual([]);
  });
  it('reports the same slot when what is returned is not a thenable', () => {
    expect(ids(lazy('return { load: () => run(), cancel() {} };'))).toEqual(['unsafePromiseSlot']);
    expect(ids(lazy("return new Proxy({}, { get: (_t, prop) => (prop === 'load' ? run : undefined) });"))).toEqual(['unsafePromiseSlot']);
    // A `then` elsewhere in the factory, on an object it does not return, makes nothing a promise.
    expect(ids(lazy('const probe = { then: (ok) => ok(1) };\n  void probe;\n  return { load: () => run() };'))).toEqual(['unsafePromiseSlot']);
  });
});

describe('a promise kept only for start-up code', () => {
  // `initTokenizer` keeps its download in a module-level slot. Where every caller runs while the
  // process starts (a `bootstrap()` the entry module calls at its top level, or a top-level `await`),
  // a rejection fails the start-up and no later caller exists to be handed it.
  const tokenizer = `let encoder = null;
let initPromise = null;
export async function initTokenizer() {
  if (encoder) return;
  if (initPromise) return initPromise;
  initPromise = (async () => {
    const response = await fetch('https://cdn.example/model.txt');
    if (!response.ok) throw new Error('download failed');
    encoder = await response.text();
  })();
  return initPromise;
}
export function countTokens(text) {
  return encoder.length + text.length;
}
`;
  const bootstrap = `import express from 'express';
import { initTokenizer } from './tokenizer.js';
async function bootstrap() {
  await initTokenizer();
  const app = express();
  app.listen(3000);
}
bootstrap();
`;
  const project = expressProject(ruleId, rule, {
    'tokenizer.js': tokenizer,
    'main.js': bootstrap,
    'tokenizer2.js': tokenizer,
    'tokenizer3.js': tokenizer,
    'tokenizer4.js': tokenizer,
    'tokenizer5.js': tokenizer,
    'server.js': `import { initTokenizer } from './tokenizer2.js';\nawait Promise.all([initTokenizer()]);\n`,
    // A request handler calls the twin again: the kept rejection is handed to it (the start-up logs
    // a failure and goes on serving).
    'routes.js': `import express from 'express';
import { initTokenizer } from './tokenizer3.js';
async function bootstrap() {
  await initTokenizer();
}
bootstrap().catch((error) => console.error(error));
const app = express();
app.post('/count', async (req, res) => {
  await initTokenizer();
  res.end();
});
`,
    // Handed on as a value: when it runs is not known.
    'hooks.js': `import { initTokenizer } from './tokenizer4.js';\nexport const hooks = { beforeRequest: initTokenizer };\n`,
    // Only a test imports the fifth: it runs only inside the test's one run (SEMANTICS: a module only
    // files that never serve import).
    'tokenizer5.test.js': `import { initTokenizer } from './tokenizer5.js';\nawait initTokenizer();\n`,
  });
  it('is quiet when its only caller is a bootstrap function the entry module runs', () => {
    expect(project.lint('tokenizer.js')).toEqual([]);
  });
  it('is quiet when its only caller is a top-level await', () => {
    expect(project.lint('tokenizer2.js')).toEqual([]);
  });
  it('reports it when a request handler calls it too (the write on line 6)', () => {
    expect(project.lint('tokenizer3.js').map((m) => [m.line, m.messageId])).toEqual([[6, 'unsafePromiseSlot']]);
  });
  it('reports it when an importer hands it on as a value', () => {
    expect(project.lint('tokenizer4.js').map((m) => [m.line, m.messageId])).toEqual([[6, 'unsafePromiseSlot']]);
  });
  it('is quiet when only a test imports and calls it', () => {
    expect(project.lint('tokenizer5.js')).toEqual([]);
  });

  // The store calls its own init at module level; its other functions await it again per call.
  const store = (laterCall: string): string => `let initPromise = null;
async function hydrate() {
  const rows = await db.notifications.findMany();
  return rows;
}
export function initStore() {
  if (!initPromise) initPromise = hydrate();
  return initPromise;
}
initStore().catch((error) => console.error(error));
export async function listNotifications() {
  ${laterCall}
  return [];
}
`;
  const stores = expressProject(ruleId, rule, {
    'store.js': store('return [];'),
    'store2.js': store('await initStore();'),
  });
  it('is quiet for an init the module runs once as it loads and nothing calls again', () => {
    expect(stores.lint('store.js')).toEqual([]);
  });
  it('reports the init that the module runs at load and its functions await again (line 7)', () => {
    expect(stores.lint('store2.js').map((m) => [m.line, m.messageId])).toEqual([[7, 'unsafePromiseSlot']]);
  });

  const config = `import memoize from 'lodash/memoize';
export const loadConfig = memoize(async (name) => (await fetch('https://config.example/' + name)).json());
`;
  const memoized = expressProject(ruleId, rule, {
    'config.js': config,
    'config2.js': config,
    'start.js': `import { loadConfig } from './config.js';
const start = async () => {
  const settings = await loadConfig('app');
  return settings;
};
start().catch(() => process.exit(1));
`,
    'reload.js': `import { loadConfig } from './config2.js';
async function start() {
  await loadConfig('app');
}
start();
setInterval(() => loadConfig('app'), 60_000);
`,
  });
  it('is quiet for a memoized loader called only from start-up code', () => {
    expect(memoized.lint('config.js')).toEqual([]);
  });
  it('reports the memoized loader a timer calls again later (line 2)', () => {
    expect(memoized.lint('config2.js').map((m) => [m.line, m.messageId])).toEqual([[2, 'unsafeMemoizer']]);
  });
});

describe('a factory whose promise store lives as long as each call of it', () => {
  // `makeTagInjector` keeps the promises of its lookups in a Map its returned closure shares. Where
  // every caller keeps the closure only while the calling handler runs, the Map lives for one
  // request: a rejection is handed only to the rest of that request.
  const factory = `async function lookupTags(transport, projectId) {
  const response = await transport.fetch('/tags/' + projectId);
  return response.json();
}
export function makeTagInjector(transport) {
  const tagCache = new Map();
  return async function injectTags(projectId, input) {
    let pending = tagCache.get(projectId);
    if (!pending) {
      pending = lookupTags(transport, projectId);
      tagCache.set(projectId, pending);
    }
    return { ...input, tags: await pending };
  };
}
`;
  const project = expressProject(ruleId, rule, {
    'tags.js': factory,
    'tags2.js': factory,
    'tags3.js': factory,
    'tags4.js': `${factory}export const shared = makeTagInjector(defaultTransport);\n`,
    'routes.js': `import express from 'express';
import { makeTagInjector } from './tags.js';
import { makeTagInjector as kept } from './tags2.js';
import { makeTagInjector as handed } from './tags3.js';
export const keptInjector = kept(defaultTransport);
export const factories = [handed];
const app = express();
app.post('/prompts', async (req, res) => {
  const inject = makeTagInjector(req.app.locals.transport);
  const results = await Promise.all(req.body.items.map((item) => inject(req.body.projectId, item)));
  res.json(results);
});
`,
  });
  it('is quiet when every caller keeps the injector for one handler call', () => {
    expect(project.lint('tags.js')).toEqual([]);
  });
  it('reports it when an importer keeps an injector at module level (the write on line 11)', () => {
    expect(project.lint('tags2.js').map((m) => [m.line, m.messageId])).toEqual([[11, 'unsafePromiseCache']]);
  });
  it('reports it when an importer hands the factory on', () => {
    expect(project.lint('tags3.js').map((m) => [m.line, m.messageId])).toEqual([[11, 'unsafePromiseCache']]);
  });
  it('reports it when its own module keeps an injector', () => {
    expect(project.lint('tags4.js').map((m) => [m.line, m.messageId])).toEqual([[11, 'unsafePromiseCache']]);
  });
});

describe('memoized functions that cannot reject, written as real code writes them', () => {
  const ids = (code: string): (string | undefined)[] => lintWithRule(ruleId, rule, code).map((m) => m.messageId);
  // The claims object is built from table lookups by the auth method (a computed read fails only on
  // a missing table, as a plain one would); everything that can fail is in a try whose catch logs.
  const signToken = (onError: string): string => `import memoizee from 'memoizee';
import * as jose from 'jose';
import { TOKEN_ID_ATTRIBUTE, AUDIENCE } from './auth-config';
async function signToken_(authMethod, userID, sessionID) {
  const data = { [TOKEN_ID_ATTRIBUTE[authMethod]]: userID, aud: AUDIENCE[authMethod], sid: sessionID };
  const alg = 'RS256';
  try {
    return await new jose.SignJWT(data).setProtectedHeader({ alg }).sign(await getPrivateKey());
  } catch (err) {
    ${onError}
  }
}
export const signToken = memoizee(signToken_);
`;
  it('is quiet for a body whose failures are all caught and logged, after lookups in tables', () => {
    expect(ids(signToken('logger.error(err);'))).toEqual([]);
  });
  it('reports the same body when its catch rethrows', () => {
    expect(ids(signToken('logger.error(err);\n    throw err;'))).toEqual(['unsafeMemoizer']);
  });
  // A plain function choosing which of the server's own modules to load, logging once it settles.
  const db = (fallback: string): string => `import memoizee from 'memoizee';
import { IS_DB_ENABLED } from './config';
const db_ = () => {
  if (!IS_DB_ENABLED) {
    return ${fallback}.finally(() => {
      logger.info('Using the fake database');
    });
  }
  return import('./postgres.js').finally(() => {
    logger.info('Using Postgres');
  });
};
export const db = memoizee(db_);
`;
  it("is quiet for a plain function that only loads one of the server's modules", () => {
    expect(ids(db("import('./fake-db.js')"))).toEqual([]);
  });
  it('reports it when one branch fetches instead', () => {
    expect(ids(db("fetch('https://db.example/connect')"))).toEqual(['unsafeMemoizer']);
  });
});

describe('a slot filled once by an init the start-up awaits so that a rejection ends the process', () => {
  // `waitForDbInit` fills its slot once (`??=`, never emptied). The entry module awaits it at its top
  // level before serving: if that first fill rejects, the process ends with it, and every later call
  // (`dbFactory` per request) finds the settled success. The twins' start-ups do not end the process
  // on a rejection (caught and logged), or the slot is emptied later and filled again.
  const init = (extra = ''): string => `let initPromise;
async function connectAndMigrate() {
  const response = await fetch('http://db.internal/_up');
  if (!response.ok) throw new Error('database down');
}
export async function waitForDbInit() {
  initPromise ??= connectAndMigrate();
  return initPromise;
}
export async function dbFactory(name) {
  await waitForDbInit();
  return { name };
}
${extra}`;
  const project = expressProject(ruleId, rule, {
    'init.js': init(),
    'init2.js': init(),
    'init3.js': init('export function resetDb() { initPromise = undefined; }\n'),
    'init4.js': init(),
    'server.js': `import express from 'express';
import { waitForDbInit } from './init.js';
import { waitForDbInit as caughtInit } from './init2.js';
import { waitForDbInit as resetInit } from './init3.js';
import { waitForDbInit as bootInit } from './init4.js';
await Promise.all([waitForDbInit(), resetInit()]);
try {
  await caughtInit();
} catch (error) {
  console.error(error);
}
async function bootstrap() {
  await bootInit();
  express().listen(3000);
}
bootstrap();
`,
  });
  it('is quiet when the entry module awaits it at its top level', () => {
    expect(project.lint('init.js')).toEqual([]);
  });
  it('is quiet when a bootstrap function called bare awaits it', () => {
    expect(project.lint('init4.js')).toEqual([]);
  });
  it('reports it when the start-up catches the rejection and goes on (the write on line 7)', () => {
    expect(project.lint('init2.js').map((m) => [m.line, m.messageId])).toEqual([[7, 'unsafePromiseSlot']]);
  });
  it('reports it when the slot is emptied later, so a later fill can reject', () => {
    expect(project.lint('init3.js').map((m) => [m.line, m.messageId])).toEqual([[7, 'unsafePromiseSlot']]);
  });
});

describe('a CommonJS start-up slot whose first fill an async function called in place awaits', () => {
  // `getBoss` fills its slot once. A worker module, loaded by the server at start-up, awaits it in an
  // async function it calls in place with no catch: if that first fill rejects, Node ends the process
  // on the unhandled rejection, and the queue's later calls find the settled success. The twin's
  // worker catches the rejection and goes on, so a later call is handed the kept failure.
  const boss = `let startingPromise;
function getBoss() {
  if (startingPromise) return startingPromise;
  startingPromise = (async () => {
    const response = await fetch('http://queue.internal/start');
    if (!response.ok) throw new Error('queue down');
    return response.json();
  })();
  return startingPromise;
}
module.exports = getBoss;
`;
  const worker = (name: string, after: string): string => `const getBoss = require('./${name}');
(async () => {
  const boss = await getBoss();
  boss.work('jobs', () => undefined);
})()${after};
`;
  const project = expressProject(ruleId, rule, {
    'boss.js': boss,
    'boss2.js': boss,
    'worker.js': worker('boss', ''),
    'worker2.js': worker('boss2', '.catch(console.error)'),
    'queue.js': `const getBoss = require('./boss');
const getBoss2 = require('./boss2');
async function addJob(job) { const boss = await getBoss(); const other = await getBoss2(); return [boss.send(job), other.send(job)]; }
module.exports = { addJob };
`,
  });
  it('is quiet when the worker awaits it uncaught at its top level', () => {
    expect(project.lint('boss.js')).toEqual([]);
  });
  it('reports it when the worker catches the rejection and goes on (the write on line 4)', () => {
    expect(project.lint('boss2.js').map((m) => [m.line, m.messageId])).toEqual([[4, 'unsafePromiseSlot']]);
  });
});

describe('a promise slot only an export nothing imports uses', () => {
  // `getSettings` is exported beside `formatAmount`, which the routes import; nothing imports `getSettings`.
  const utils = `let settingsPromise;
export const getSettings = () => {
  if (!settingsPromise) settingsPromise = fetch('https://config.example/settings').then((r) => r.json());
  return settingsPromise;
};
export function formatAmount(amount) { return amount.toFixed(2); }
`;
  const routes = (names: string, use: string): string => `import express from 'express';
import { ${names} } from './utils.js';
export const app = express();
app.get('/price', async (req, res) => { ${use} res.send(formatAmount(1)); });
`;
  const dead = expressProject(ruleId, rule, { 'utils.js': utils, 'routes.js': routes('formatAmount', '') });
  const used = expressProject(ruleId, rule, { 'utils.js': utils, 'routes.js': routes('formatAmount, getSettings', 'await getSettings();') });
  // Nothing imports the module at all: an entry point its platform may load, not known to be dead.
  const alone = expressProject(ruleId, rule, { 'utils.js': utils });
  it('is quiet when the modules importing the file use only its other exports', () => {
    expect(dead.lint('utils.js')).toEqual([]);
  });
  it('reports the write when a route imports and calls the export', () => {
    expect(used.lint('utils.js').map((m) => [m.line, m.messageId])).toEqual([[3, 'unsafePromiseSlot']]);
  });
  it('reports the write when no module imports the file', () => {
    expect(alone.lint('utils.js').map((m) => [m.line, m.messageId])).toEqual([[3, 'unsafePromiseSlot']]);
  });
});

describe('a refresh whose body catches everything after a date made from constants', () => {
  // `refreshCache` cannot reject: before its one try it only makes a date (line 2 of its body) and its
  // catch returns a value, so the slot's `.then` always empties it. A \`new URL(input)\` there can throw.
  const refresh = (first: string): string => `const CONFIG = { DAYS: 30 };
let cache = null;
let refreshPromise = null;
async function refreshCache(input) {
  ${first}
  try {
    const rows = await db.select().from(events).where(gte(events.at, cutoff));
    cache = rows;
    return rows;
  } catch (err) {
    console.error('refresh failed', err);
    return [];
  }
}
export async function getCache(input) {
  if (!refreshPromise) {
    refreshPromise = refreshCache(input).then(() => {
      refreshPromise = null;
    });
  }
  await refreshPromise;
  return cache;
}
`;
  const lint = (code: string): number[] => lintWithRule(ruleId, rule, code).map((m) => m.line);
  it('is quiet after `new Date(Date.now() - CONFIG.DAYS * 86400000)`', () => {
    expect(lint(refresh('const cutoff = new Date(Date.now() - CONFIG.DAYS * 86400000);'))).toEqual([]);
  });
  // A step that awaits nothing fails, if at all, the same way for the same input: not a passing failure.
  it('is quiet after a step that can throw but awaits nothing', () => {
    expect(lint(refresh('const cutoff = new Date(new URL(input).searchParams.get("from"));'))).toEqual([]);
  });
  it('reports the write (line 17) after an await outside the try', () => {
    expect(lint(refresh('const cutoff = await cutoffFor(input);'))).toEqual([17]);
  });
  // set 62 (tarot's reading job): \`this.abortController = new AbortController();\` before the try.
  it('is quiet after an empty built-in made without arguments, set on a field or declared', () => {
    expect(lint(refresh('this.abortController = new AbortController(); const cutoff = 0;'))).toEqual([]);
    expect(lint(refresh('const seen = new Map(); const cutoff = 0;'))).toEqual([]);
  });
  it('is quiet when the built-in is given an argument it may refuse, or the class is not a built-in one: neither awaits', () => {
    expect(lint(refresh('const seen = new Map(input); const cutoff = 0;'))).toEqual([]);
    expect(lint(refresh('const cutoff = new Connection();'))).toEqual([]);
  });
  it('reports the write when the try returns the query without awaiting it: its rejection escapes the catch', () => {
    expect(lint(refresh('const cutoff = 0;').replace('return rows;', "return fetch('/events/latest');"))).toEqual([17]);
  });
});

describe('a promise settled by hand through the executor\'s functions kept in variables', () => {
  // The executor hands `resolve` and `reject` to module variables; `cancel` rejects through one.
  const deferred = (cancel: string): string => `let signInPromise = null;
let signInResolve = null;
let signInReject = null;
export function waitForSignIn() {
  if (!signInPromise) {
    signInPromise = new Promise((resolve, reject) => { signInResolve = resolve; signInReject = reject; });
  }
  return signInPromise;
}
export function onSignedIn(user) {
  if (signInResolve) { signInResolve(user); signInPromise = signInResolve = signInReject = null; }
}
export function cancel() {
  if (signInPromise && signInReject) {
    ${cancel}
  }
}
`;
  const lint = (code: string): [number, string | undefined][] => lintWithRule(ruleId, rule, code).map((m) => [m.line, m.messageId]);
  it('is quiet when the slot is emptied where the kept reject is called', () => {
    expect(lint(deferred("signInReject(new Error('closed'));\n    signInPromise = null; signInResolve = null; signInReject = null;"))).toEqual([]);
  });
  it('reports the write (line 6) when only success empties the slot', () => {
    expect(lint(deferred("signInReject(new Error('closed'));\n    signInReject = null;"))).toEqual([[6, 'unsafePromiseSlot']]);
  });
  it('reports the write when the variable may hold another function than the executor\'s reject', () => {
    const code = deferred("signInReject(new Error('closed'));\n    signInPromise = null;").replace('export function cancel() {', 'export function mute() { signInReject = () => undefined; }\nexport function cancel() {');
    expect(lint(code)).toEqual([[6, 'unsafePromiseSlot']]);
  });
});

describe('a promise rejected through a helper the executor hands its reject to', () => {
  // A script loader: the executor hands \`reject\` to \`failAndReset\`, which empties the slot and then rejects.
  const loader = (fail: string, extra = ''): string => `let scriptPromise = null;
${fail}
export function loadScript(src) {
  if (scriptPromise) return scriptPromise;
  scriptPromise = new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => failAndReset(reject));
    document.head.appendChild(script);
  });
  return scriptPromise;
}
${extra}`;
  const lint = (code: string): [number, string | undefined][] => lintWithRule(ruleId, rule, code).map((m) => [m.line, m.messageId]);
  it('is quiet when the helper empties the slot before it rejects', () => {
    expect(lint(loader("const failAndReset = (reject) => {\n  scriptPromise = null;\n  reject(new Error('script failed'));\n};"))).toEqual([]);
  });
  it('reports the write (line 8) when the helper only rejects', () => {
    expect(lint(loader("const failAndReset = (reject) => {\n  console.warn('script failed');\n  reject(new Error('script failed'));\n};"))).toEqual([[8, 'unsafePromiseSlot']]);
  });
  it('reports the write (line 8) when another call hands the helper something else than an executor\'s reject', () => {
    expect(lint(loader("const failAndReset = (reject) => {\n  scriptPromise = null;\n  reject(new Error('script failed'));\n};", 'export const warnOnly = () => failAndReset(console.warn);'))).toEqual([[8, 'unsafePromiseSlot']]);
  });
});

describe('a module only one-shot files import', () => {
  // `src/shared/names.ts` keeps the nicknames' loading promise in a slot (the write on line 4); two
  // import scripts use it, and each run ends at its first rejection.
  const names = `let nicknames: Promise<string> | undefined;
export function loadNicknames(): Promise<string> {
  if (!nicknames) {
    nicknames = fetch('https://names.example/nicknames.csv').then((r) => r.text());
  }
  return nicknames;
}
`;
  const script = "import { loadNicknames } from '../src/shared/names';\nawait loadNicknames();\n";
  const app = (extra: Readonly<Record<string, string>>, manifest: object = {}): Record<string, string> => ({
    'package.json': JSON.stringify({ name: 'league', private: true, type: 'module', dependencies: { express: '^4.0.0' }, ...manifest }),
    'src/shared/names.ts': names,
    'scripts/import-players.ts': script,
    'scripts/import-teams.ts': script,
    ...extra,
  });
  const scripts = projectOnDisk('one-shot-scripts', () => app({}));
  const tested = projectOnDisk('one-shot-tests', () => app({ 'src/shared/names.test.ts': "import { loadNicknames } from './names';\nawait loadNicknames();\n" }));
  const served = projectOnDisk('one-shot-served', () => app({ 'src/routes.ts': "import express from 'express';\nimport { loadNicknames } from './shared/names';\nexport const app = express();\napp.get('/n', async (req, res) => { res.send(await loadNicknames()); });\n" }));
  const run = projectOnDisk('one-shot-run', () => app({}, { scripts: { warm: 'tsx src/shared/names.ts' } }));
  const lint = (dir: string): [number, string | undefined][] => lintInDir(ruleId, rule, dir, 'src/shared/names.ts', names).map((m) => [m.line, m.messageId]);
  it('is quiet when only scripts or tests import the module', () => {
    expect(lint(scripts.dir())).toEqual([]);
    expect(lint(tested.dir())).toEqual([]);
  });
  it('reports the write when a serving file imports it too, or the package runs it', () => {
    expect(lint(served.dir())).toEqual([[4, 'unsafePromiseSlot']]);
    expect(lint(run.dir())).toEqual([[4, 'unsafePromiseSlot']]);
  });
});

describe('a promise slot in a library module nothing imports', () => {
  // `src/lib/stripe.ts` keeps the loading promise in a slot (the write on line 3); the routes import `src/lib/format.ts`.
  const stripe = `let stripePromise: Promise<string> | undefined;
export const getStripe = () => {
  if (!stripePromise) stripePromise = fetch('https://js.stripe.com/v3').then((r) => r.text());
  return stripePromise;
};
`;
  const routes = (line: string): string => `import express from 'express';
${line}
export const app = express();
app.get('/price', async (req, res) => { res.send(formatAmount(1)); });
`;
  const app = (extra: Readonly<Record<string, string>>, manifest: object = {}): Record<string, string> => ({
    'package.json': JSON.stringify({ name: 'web', private: true, dependencies: { express: '^4.0.0' }, ...manifest }),
    'src/lib/stripe.ts': stripe,
    'src/lib/format.ts': 'export const formatAmount = (n: number): string => n.toFixed(2);\n',
    'src/routes.ts': routes("import { formatAmount } from './lib/format';"),
    ...extra,
  });
  const unused = projectOnDisk('lib-unused', () => app({}));
  const imported = projectOnDisk('lib-imported', () => app({ 'src/pay.ts': "import { getStripe } from './lib/stripe';\nexport const pay = () => getStripe();\n" }));
  // `~/` is an alias nothing here configures: the import may load the file.
  const aliased = projectOnDisk('lib-aliased', () => app({ 'src/pay.ts': "import { getStripe } from '~/lib/stripe';\nexport const pay = () => getStripe();\n" }));
  // A package that imports the `stripe` SDK names a package, not the file.
  const sdk = projectOnDisk('lib-sdk', () => app({ 'src/server.ts': "import Stripe from 'stripe';\nexport const client = new Stripe('sk');\n" }, { dependencies: { express: '^4.0.0', stripe: '^14.0.0' } }));
  const published = projectOnDisk('lib-published', () => app({}, { private: false, main: 'src/lib/format.ts' }));
  const started = projectOnDisk('lib-script', () => app({}, { scripts: { warm: 'node src/lib/stripe.ts' } }));
  const computed = projectOnDisk('lib-computed', () => app({ 'src/load.ts': 'export const load = (name: string) => import(`./lib/${name}`);\n' }));
  // A computed load that can reach only its own folder (messages), not `lib/`.
  const messages = projectOnDisk('lib-messages', () => app({ 'src/i18n.ts': 'export const load = (locale: string) => import(`./messages/${locale}.json`);\n' }));
  const nuxt = projectOnDisk('lib-nuxt', () => app({}, { dependencies: { nuxt: '^3.0.0' } }));
  const outside = projectOnDisk('lib-outside', () => app({ 'src/stripe.ts': stripe }));
  // Set 44: an application with npm's default `main` and a `start` script is not a published library;
  // a `middleware/` folder is a library folder too.
  const startedApp = projectOnDisk('lib-started-app', () => app({}, { private: false, main: 'index.js', scripts: { start: 'node dist/server.js' } }));
  const middleware = projectOnDisk('lib-middleware', () => app({ 'src/middleware/stripe.ts': stripe }));
  const lint = (dir: string, file = 'src/lib/stripe.ts'): [number, string | undefined][] => lintInDir(ruleId, rule, dir, file, stripe).map((m) => [m.line, m.messageId]);
  it('is quiet when no file imports the library module', () => {
    expect(lint(unused.dir())).toEqual([]);
    expect(lint(sdk.dir())).toEqual([]);
    expect(lint(messages.dir())).toEqual([]);
  });
  it('is quiet in an application started by a script whatever its main, and in a middleware folder', () => {
    expect(lint(startedApp.dir())).toEqual([]);
    expect(lint(middleware.dir(), 'src/middleware/stripe.ts')).toEqual([]);
  });
  it('reports the write when a file imports it, by path or by an alias not resolved here', () => {
    expect(lint(imported.dir())).toEqual([[3, 'unsafePromiseSlot']]);
    expect(lint(aliased.dir())).toEqual([[3, 'unsafePromiseSlot']]);
  });
  it('reports the write when the package is published, runs the file from a script, loads modules by computed paths or auto-imports', () => {
    for (const project of [published, started, computed, nuxt]) expect(lint(project.dir())).toEqual([[3, 'unsafePromiseSlot']]);
  });
  it('reports the write in a module outside library folders that nothing imports (an entry point its platform may load)', () => {
    expect(lint(outside.dir(), 'src/stripe.ts')).toEqual([[3, 'unsafePromiseSlot']]);
  });

  // Set 47 (Performile's `apps/web/src/lib/stripe.ts`): the only importer is a component nothing
  // imports, itself a library module nothing loads, so the slot never runs either (as the handler rule
  // reads it). Once a page imports the component, it does.
  const checkout = "import { getStripe } from '../lib/stripe';\nexport const Checkout = () => getStripe();\n";
  const deadImporter = projectOnDisk('lib-dead-importer', () => app({ 'src/components/Checkout.tsx': checkout }));
  const liveImporter = projectOnDisk('lib-live-importer', () => app({ 'src/components/Checkout.tsx': checkout, 'src/page.tsx': "import { Checkout } from './components/Checkout';\nexport default Checkout;\n" }));
  it('is quiet when the only importer is itself a library module nothing loads, and reports the write once something imports that', () => {
    expect(lint(deadImporter.dir())).toEqual([]);
    expect(lint(liveImporter.dir())).toEqual([[3, 'unsafePromiseSlot']]);
  });

  // Set 52 (uspr-airtable-clone's `lib/pdf/PdfContext.tsx`): the only importer is the folder's `index`
  // barrel, which nothing imports. Once a page imports the barrel, or the package names it as its
  // entry, the slot may run.
  const barrel = "export { getStripe } from './stripe';\n";
  const deadBarrel = projectOnDisk('lib-dead-barrel', () => app({ 'src/lib/index.ts': barrel }));
  const liveBarrel = projectOnDisk('lib-live-barrel', () => app({ 'src/lib/index.ts': barrel, 'src/page.tsx': "import { getStripe } from './lib';\nexport default getStripe;\n" }));
  const entryBarrel = projectOnDisk('lib-entry-barrel', () => app({ 'src/lib/index.ts': barrel }, { main: 'src/lib/index.ts' }));
  it('is quiet when the only importer is an index barrel nothing imports, and reports the write once a file imports it or the package names it', () => {
    expect(lint(deadBarrel.dir())).toEqual([]);
    expect(lint(liveBarrel.dir())).toEqual([[3, 'unsafePromiseSlot']]);
    expect(lint(entryBarrel.dir())).toEqual([[3, 'unsafePromiseSlot']]);
  });

  // Set 42 (language-learning2's `src/lib/asr/whisper.ts`): a keyed promise cache and a memoizer in a
  // library module nothing imports run no more than a slot there does. The cache's write is on line 5,
  // the memoizer call on line 9.
  const models = `import memoizee from 'memoizee';
const pipes: Record<string, Promise<string>> = {};
export async function getPipe(model: string): Promise<string> {
  if (!pipes[model]) {
    pipes[model] = fetch('https://models.example/' + model).then((r) => r.text());
  }
  return pipes[model];
}
export const loadCard = memoizee((id: string) => fetch('https://models.example/cards/' + id).then((r) => r.text()));
`;
  const modelsUnused = projectOnDisk('lib-models-unused', () => app({ 'src/lib/models.ts': models }));
  const modelsImported = projectOnDisk('lib-models-imported', () => app({ 'src/lib/models.ts': models, 'src/ask.ts': "import { getPipe, loadCard } from './lib/models';\nexport const ask = (m: string) => getPipe(m).then(() => loadCard(m));\n" }));
  const lintModels = (dir: string): [number, string | undefined][] => lintInDir(ruleId, rule, dir, 'src/lib/models.ts', models).map((m) => [m.line, m.messageId]);
  it('is quiet for the promise caches and memoizers of a library module nothing imports, and reports them once a file imports it', () => {
    expect(lintModels(modelsUnused.dir())).toEqual([]);
    expect(lintModels(modelsImported.dir())).toEqual([
      [5, 'unsafePromiseCache'],
      [9, 'unsafeMemoizer'],
    ]);
  });
});

describe('a promise that rejects only on the error argument of a core server listen callback', () => {
  // Node calls `server.listen(…, callback)`'s callback with no argument: a `reject(err)` it guards never
  // runs, and a failure to listen is an 'error' event. Express 5's `app.listen` does pass an error, and a
  // `reject` handed to the 'error' event runs: both keep a rejection in the slot (line 7).
  const proxy = (server: string, onError: string): string => `import http from 'node:http';
import express from 'express';
let server;
let started;
export function start() {
  if (started) return started;
  started = new Promise((resolve, reject) => {
    server = ${server};
    ${onError}
    server.listen(0, 'localhost', (err) => {
      if (err) return reject(err);
      resolve(server.address().port);
    });
  });
  return started;
}`;
  const slots = (code: string): [number, string][] => lintWithRule('no-unsafe-async-memoize', rule, code).map((m) => [m.line, m.messageId ?? '']);
  it('is quiet for http.createServer', () => {
    expect(slots(proxy('http.createServer((req, res) => res.end())', ''))).toEqual([]);
  });
  it('reports the slot for an Express app, whose listen callback gets the error', () => {
    expect(slots(proxy('express()', ''))).toEqual([[7, 'unsafePromiseSlot']]);
  });
  it('reports the slot when reject also listens for the server error', () => {
    expect(slots(proxy('http.createServer((req, res) => res.end())', "server.once('error', reject);"))).toEqual([[7, 'unsafePromiseSlot']]);
  });
});

describe('a slot of a class whose instances only command-line programs make', () => {
  // The client signs in once and keeps the sign-in promise until it succeeds: a failure stays.
  const baseClient = `export class BaseClient {
  loginRequest: Promise<void> | undefined;
  constructor(readonly url: string) {}
  async loginImpl() { const r = await fetch(this.url + '/login'); if (!r.ok) throw new Error('login'); }
  async login() {
    if (this.loginRequest === undefined) {
      this.loginRequest = this.loginImpl();
      await this.loginRequest;
      this.loginRequest = undefined;
    } else {
      return this.loginRequest;
    }
  }
}`;
  const apiClient = `import { BaseClient } from './base-client';
export class ApiClient {
  base: BaseClient;
  constructor(url: string) { this.base = new BaseClient(url); }
  async get(path: string) { await this.base.login(); return fetch(this.base.url + path); }
}`;
  // A command run keeps its client (handed to an exporter) for one run; a server keeps its own for good.
  const cli = projectOnDisk('cli-client', () => ({
    'package.json': '{ "name": "tools", "private": true }',
    'packages/client/src/base-client.ts': baseClient,
    'packages/client/src/index.ts': apiClient,
    'cli/commands/export.ts': `import { ApiClient } from '../../packages/client/src/index';
import { Exporter } from './exporter';
export async function exportAll(url: string) { const client = new ApiClient(url); await new Exporter(client).run(); }`,
  }));
  const server = projectOnDisk('server-client', () => ({
    'package.json': '{ "name": "app", "private": true }',
    'packages/client/src/base-client.ts': baseClient,
    'packages/client/src/index.ts': apiClient,
    'src/routes.ts': `import express from 'express';
import { ApiClient } from '../packages/client/src/index';
const client = new ApiClient(process.env.API_URL);
export const router = express.Router();
router.get('/foods/:id', async (req, res) => res.json(await (await client.get('/foods/' + req.params.id)).json()));`,
  }));
  const slots = (dir: string) =>
    lintInDir(ruleId, rule, dir, 'packages/client/src/base-client.ts', baseClient).map((m) => [m.line, m.column, m.messageId]);
  it('is quiet when only a command file makes the client', () => {
    expect(slots(cli.dir())).toEqual([]);
  });
  it('reports the slot when a server module keeps the client', () => {
    // `this.loginRequest = this.loginImpl();` is line 7, its assignment at column 7.
    expect(slots(server.dir())).toEqual([[7, 7, 'unsafePromiseSlot']]);
  });
});

describe('a client made and listened to before the try that catches its connection', () => {
  // node-redis's `createClient` connects only in `connect()`: making it and adding a listener do no I/O,
  // so the try that catches `connect()` catches every passing failure. A call of the project's own
  // (`makeClient`) may do anything, and an await before the try is not caught.
  const slot = (setUp: string): string => `import { createClient } from 'redis';
import { makeClient } from './clients';
let clientPromise;
export function getClient() {
  if (!clientPromise) {
    clientPromise = (async () => {
      ${setUp}
      try {
        await client.connect();
        return client;
      } catch {
        return undefined;
      }
    })();
  }
  return clientPromise;
}`;
  const cases: [string, number[]][] = [
    ["const client = createClient({ url: process.env.REDIS_URL });\n      client.on('error', (e) => console.error(e));", []],
    ["const client = new Redis(process.env.REDIS_URL, { lazyConnect: true });", []],
    ["const client = makeClient(process.env.REDIS_URL);", [6]],
    ["const client = createClient({ url: process.env.REDIS_URL });\n      await client.ping();", [6]],
  ];
  for (const [setUp, expected] of cases) {
    it(`${setUp.split('\n').join(' ')}: ${expected.length > 0 ? 'reported' : 'quiet'}`, () => {
      expect(lintWithRule(ruleId, rule, setUp.includes('Redis(') ? slot(setUp).replace("import { createClient } from 'redis';", "import Redis from 'ioredis';") : slot(setUp)).map((m) => m.line)).toEqual(expected);
    });
  }
});

/**
 * A retry loop around the try (set 45, a warehouse app's audit-log repository): `while (attempt <
 * MAX) { try { …; return; } catch { attempt += 1; … } }` catches every failure of every attempt and
 * ends by resolving, so the slot never holds a rejection. A throw after the loop, a catch that
 * rethrows, an await outside the try or a loop test that does I/O can still reject (the write is on
 * line 4).
 */
describe('a retry loop around the try that catches every failure', () => {
  const slot = (body: string): string => `let ready;
export function ensureReady(db, logger) {
  if (!ready) {
    ready = (async () => {
      ${body}
    })();
  }
  return ready;
}`;
  const retry = (test: string, caught: string, after = '', before = ''): string =>
    `let attempt = 0;\n      while (${test}) {\n        ${before}\n        try {\n          await db.connect();\n          return;\n        } catch (err) {\n          ${caught}\n        }\n      }\n      ${after}`;
  const cases: [string, string, number[]][] = [
    ['counts, logs the last failure and waits between attempts', retry('attempt < 10', "attempt += 1;\n          if (attempt >= 10) {\n            logger.error('gave up', err);\n            return;\n          }\n          await new Promise((r) => setTimeout(r, 500));"), []],
    ['a for loop that goes on to the next attempt', 'for (let i = 0; i < 5; i++) {\n        try {\n          await db.connect();\n          return;\n        } catch {\n          continue;\n        }\n      }', []],
    ['throws once the loop gives up', retry('attempt < 10', 'attempt++;', "throw new Error('gave up');"), [4]],
    ['rethrows from the catch on the last attempt', retry('attempt < 10', 'if (++attempt >= 10) throw err;'), [4]],
    ['awaits outside the try in each attempt', retry('attempt < 10', 'attempt++;', '', 'await db.ping();'), [4]],
    ['asks the database in the loop test', retry('await db.pending()', 'attempt++;'), [4]],
  ];
  for (const [name, body, expected] of cases) {
    it(`${name}: ${expected.length > 0 ? 'reported' : 'quiet'}`, () => {
      expect(lintWithRule(ruleId, rule, slot(body)).map((m) => m.line)).toEqual(expected);
    });
  }
});

/**
 * A server loader that only awaits module loads, then hands what it loaded to a constructor along
 * with functions of its own (set 44, a fleet-management back end's `defaultEnergyRepository`): the
 * awaits inside those functions run when they are called later, not while the loader's promise
 * settles, so the promise only loads modules (quiet, as a bare `import()` is). Called inside the
 * loader, such a function's await does settle it (the write is on line 5).
 */
describe('a module loader that hands functions of its own to what it loaded', () => {
  const loader = (wiring: string): string => `class EnergyRepository { constructor(readonly deps: unknown) {} }
let defaultInstance: Promise<EnergyRepository> | undefined;
export function defaultEnergyRepository(): Promise<EnergyRepository> {
  if (!defaultInstance) {
    defaultInstance = (async () => {
      const pg = await import('./postgres.js');
      const groupDevices = async (groupId: string) => {
        const rows = await pg.listGroupDevices(groupId);
        return rows;
      };
      ${wiring}
      return new EnergyRepository({ groupDevices });
    })();
  }
  return defaultInstance;
}
`;
  it('is quiet when the loader only passes the function on', () => {
    expect(lintWithRule(ruleId, rule, loader('// wired, not called'))).toEqual([]);
  });
  it('reports the write when the loader calls it before it settles', () => {
    expect(lintWithRule(ruleId, rule, loader("await groupDevices('warm-up');")).map((m) => m.line)).toEqual([5]);
  });
});

describe('a slot awaited in the block that finds it filled', () => {
  // `if (slot) { const b = await slot; … }`: the slot is awaited, so it holds a promise even when what
  // fills it (an untyped `puppeteer.launch()`) is not known to return one; emptied only after the await
  // succeeds, a rejected launch stays for every later call. Emptied in the catch too, it does not.
  const code = (reconnect: string, onFailure: string): string => `import puppeteer from 'puppeteer-core';
let browserPromise = null;
export async function getBrowser() {
  if (browserPromise) {
    const b = await browserPromise;
    ${reconnect}
  }
  try {
    browserPromise = puppeteer.launch({});
    return await browserPromise;
  } catch (err) {
    ${onFailure}
    throw err;
  }
}
`;
  it('reports the fill when the block returns what it awaited (line 9)', () => {
    expect(lintWithRule(ruleId, rule, code('return b;', 'console.error(err);')).map((m) => [m.line, m.column])).toEqual([[9, 5]]);
  });
  it('reports it when the block empties the slot only after the await, a check later (line 10: the block is a line longer)', () => {
    expect(lintWithRule(ruleId, rule, code('if (b.connected) return b;\n    browserPromise = null;', 'console.error(err);')).map((m) => [m.line, m.column])).toEqual([[10, 5]]);
  });
  it('is quiet when the catch empties the slot', () => {
    expect(lintWithRule(ruleId, rule, code('if (b.connected) return b;\n    browserPromise = null;', 'browserPromise = null;'))).toEqual([]);
  });
});

/**
 * A factory's promise cache lives as long as what the factory returns. Set 42 (budget-tracker's
 * backup scope resolver): every importer keeps it for one call, and the module also names the
 * factory in a type (`ReturnType<typeof createResolver>`), which runs nothing. Kept at module level
 * by an importer, the cache lives as long as the process (the write is on line 5).
 */
describe('a factory named in a type beside its calls', () => {
  const resolver = `export function createResolver({ userId }: { userId: number }) {
  const cache = new Map<string, Promise<number[]>>();
  function getScope(scope: string): Promise<number[]> {
    let cached = cache.get(scope);
    if (!cached) { cached = fetch('/ids/' + scope + '/' + String(userId)).then((r) => r.json() as Promise<number[]>); cache.set(scope, cached); }
    return cached;
  }
  return { getScope };
}
export type Resolver = ReturnType<typeof createResolver>;
`;
  const project = (importer: string): { dir: () => string } =>
    projectOnDisk('typed-factory', () => ({
      'package.json': JSON.stringify({ name: 'backup', private: true, dependencies: { express: '^4.0.0' } }),
      'src/resolver.ts': resolver,
      'src/backup.ts': importer,
    }));
  const perCall = project("import { createResolver } from './resolver';\nexport async function dump(userId: number) {\n  const resolver = createResolver({ userId });\n  return [await resolver.getScope('accounts'), await resolver.getScope('budgets')];\n}\n");
  const kept = project("import { createResolver } from './resolver';\nconst resolver = createResolver({ userId: 1 });\nexport const dump = async () => resolver.getScope('accounts');\n");
  const lint = (dir: string): [number, string | undefined][] => lintInDir(ruleId, rule, dir, 'src/resolver.ts', resolver).map((m) => [m.line, m.messageId]);
  it('is quiet when every importer keeps the result for one call, and reports the write when one keeps it at module level', () => {
    expect(lint(perCall.dir())).toEqual([]);
    expect(lint(kept.dir())).toEqual([[5, 'unsafePromiseCache']]);
  });
});

/**
 * Set 43 (wildlife-auction's maps loader): with no API key configured the loader keeps
 * `Promise.reject(new Error('key missing'))` in its slot, a rejection the code makes itself and means
 * to hand every caller (a retry cannot find the key); the load it keeps otherwise can fail on the
 * network, and that rejection stays too (line 11). A keyed store given a made rejection on one branch
 * and a fetch on the other keeps the fetch's (the write on line 18).
 */
describe('a rejection the code makes itself', () => {
  const code = `import { importLibrary } from '@googlemaps/js-api-loader';
let loaderPromise = null;
export function getMaps() {
  if (loaderPromise) return loaderPromise;
  const key = process.env.MAPS_KEY;
  if (!key) {
    loaderPromise = Promise.reject(new Error('MAPS_KEY is required'));
    return loaderPromise;
  }
  setOptions({ key });
  loaderPromise = importLibrary('maps').then(() => window.google);
  return loaderPromise;
}
const byRegion = new Map();
export function tiles(region) {
  if (byRegion.has(region)) return byRegion.get(region);
  const p = region ? fetch('/tiles/' + region) : Promise.reject(new Error('no region'));
  byRegion.set(region, p);
  return p;
}
`;
  it('reports only the writes of promises that may fail for a while (lines 11 and 18)', () => {
    expect(lintWithRule(ruleId, rule, code).map((m) => m.line)).toEqual([11, 18]);
  });
});

describe('a chain caught by a handler declared by name', () => {
  // set 49: an image loader keeps `fetch(…).then(…).catch(failed)`, where `failed` logs and hands back a placeholder.
  const code = (failed: string): string => `const cache: Record<string, Promise<{ blob: string }>> = {};
export async function blobOf(url: string) {
  if (cache[url] != null) return cache[url];
  ${failed}
  const deferred = fetch(url).then((res) => res.text()).then((blob) => ({ blob })).catch(failed);
  cache[url] = deferred;
  return deferred;
}`;
  it('is quiet when the handler returns a value', () => {
    expect(lintWithRule(ruleId, rule, code("const failed = (reason: Error) => { console.error(reason); return { blob: '' }; };"))).toEqual([]);
    expect(lintWithRule(ruleId, rule, code("function failed(reason: Error) { return { blob: String(reason) }; }"))).toEqual([]);
  });
  it('reports the write (line 6) when the handler rethrows', () => {
    expect(lintWithRule(ruleId, rule, code('const failed = (reason: Error) => { console.error(reason); throw reason; };')).map((m) => m.line)).toEqual([6]);
  });
});

describe('a slot filled by a function whose promise an async executor makes', () => {
  // set 49: ensembl-client's loader keeps \`this.initialize()\`, a static arrow returning
  // \`new Promise(async (resolve) => { await load(); resolve(); })\`: a failed load leaves it pending, never rejected.
  const executor = (params: string): string => `new Promise(async (${params}) => {
      try { await initializeBrowser(); resolve(); } catch (error) { ${params.includes('reject') ? 'reject(error);' : 'console.error(error);'} }
    })`;
  const inClass = (params: string): string => `export class Loader {
  private static initializationPromise: Promise<void> | null = null;
  private static initialize = async (): Promise<void> => {
    return ${executor(params)};
  };
  static activate = async () => {
    if (!this.initializationPromise) {
      this.initializationPromise = this.initialize();
    }
    await this.initializationPromise;
  };
}`;
  const inModule = (params: string): string => `let initializationPromise: Promise<void> | null = null;
function initialize(): Promise<void> {
  return ${executor(params)};
}
export async function activate() {
  if (!initializationPromise) initializationPromise = initialize();
  await initializationPromise;
}`;
  it('is quiet when the executor takes no reject, in a static field or a module function annotated Promise', () => {
    expect(lintWithRule(ruleId, rule, inClass('resolve'))).toEqual([]);
    expect(lintWithRule(ruleId, rule, inModule('resolve'))).toEqual([]);
  });
  it('reports the write when the executor rejects (line 10 in the class, 8 in the module)', () => {
    expect(lintWithRule(ruleId, rule, inClass('resolve, reject')).map((m) => m.line)).toEqual([10]);
    expect(lintWithRule(ruleId, rule, inModule('resolve, reject')).map((m) => m.line)).toEqual([8]);
  });
});

describe("a framework's build folder with a package.json of its own", () => {
  // set 50: a committed `.next/` whose `package.json` (Next.js writes one) made it look like a project
  // of its own, so its runtime's chunk cache was checked as source.
  const runtime = `const chunkCache = new Map();
export function loadChunk(chunkPath) {
  let entry = chunkCache.get(chunkPath);
  if (!entry) {
    entry = import(chunkPath).catch((e) => Promise.reject(new Error('Failed to load chunk ' + chunkPath, { cause: e })));
    chunkCache.set(chunkPath, entry);
  }
  return entry;
}
`;
  const project = projectOnDisk('build-folder', () => ({
    'package.json': '{ "name": "portal", "dependencies": { "next": "^15.0.0" } }\n',
    'developer/package.json': '{ "name": "developer", "dependencies": { "next": "^15.0.0" } }\n',
    'developer/.next/package.json': '{ "type": "commonjs" }\n',
    'developer/.next/server/chunks/runtime.js': runtime,
    'developer/lib/runtime.js': runtime,
    // Set 54 (wmv-cycling-series): VitePress writes `{"type":"module"}` into its bundle of dependencies.
    'docs-site/package.json': '{ "name": "docs", "devDependencies": { "vitepress": "^1.0.0" } }\n',
    'docs-site/.vitepress/cache/deps/package.json': '{"type":"module"}\n',
    'docs-site/.vitepress/cache/deps/runtime.js': runtime,
    // A folder of the source that sets its own module format is still the project's source.
    'developer/lib/esm/package.json': '{ "type": "module", "sideEffects": false }\n',
    'developer/lib/esm/runtime.js': runtime,
  }));
  it('is quiet in the build folder and reports the same code in the source (line 6)', () => {
    expect(lintInDir(ruleId, rule, project.dir(), 'developer/.next/server/chunks/runtime.js', runtime)).toEqual([]);
    expect(lintInDir(ruleId, rule, project.dir(), 'docs-site/.vitepress/cache/deps/runtime.js', runtime)).toEqual([]);
    expect(lintInDir(ruleId, rule, project.dir(), 'developer/lib/runtime.js', runtime).map((m) => m.line)).toEqual([6]);
    expect(lintInDir(ruleId, rule, project.dir(), 'developer/lib/esm/runtime.js', runtime).map((m) => m.line)).toEqual([6]);
  });
});

describe('an async body that awaits safe helpers before its try', () => {
  // set 62 (tarot's fine-tune cache): `const fs = await getFsModule(); if (!fs) return null;` and
  // `await resolveAdapterPath()` (which awaits a module load caught with `.catch(() => null)` and returns
  // `path.resolve(…)`) before a try whose catch answers null: the kept promise cannot reject.
  const slot = (first: string, second: string): string => `import { fetchText } from './net.js';
let modulePromise = null;
function getFsModule() {
  if (!modulePromise) modulePromise = import('node:fs/promises').catch(() => null);
  return modulePromise;
}
async function adapterPath() {
  if (process.env.ADAPTER_PATH) return process.env.ADAPTER_PATH;
  const path = await import('node:path').catch(() => null);
  const cwd = process.cwd();
  if (path) ${second}
  return \`\${cwd}/data.json\`;
}
let payloadPromise = null;
export function loadPayload() {
  if (payloadPromise) return payloadPromise;
  payloadPromise = (async () => {
    ${first}
    if (!fs) return null;
    const file = await adapterPath();
    try {
      return JSON.parse(await fs.readFile(file, 'utf8'));
    } catch {
      return null;
    }
  })();
  return payloadPromise;
}
`;
  const lines = (code: string): number[] => lintWithRule(ruleId, rule, code).map((m) => m.line);
  it('is quiet when the awaits before the try are of helpers that cannot reject', () => {
    expect(lines(slot('const fs = await getFsModule();', "return path.resolve(cwd, 'data.json');"))).toEqual([]);
  });
  // Line 17 is \`payloadPromise = (async () => {\`.
  it('reports the slot (line 17) when an await before the try can reject, or the helper returns what may be a promise', () => {
    expect(lines(slot("const fs = await fetchText('/fs');", "return path.resolve(cwd, 'data.json');"))).toEqual([17]);
    expect(lines(slot('const fs = await getFsModule();', "return fetchText('/path');"))).toEqual([17]);
  });
});

describe('a kept promise whose executor takes reject and never uses it', () => {
  // set 62 (accessibility-insights-service's configuration): `new Promise((resolve, reject) => …)`
  // resolving in a file-exists callback and never calling `reject`, kept in a field for every later call.
  const service = (settle: string): string => `import fs from 'node:fs';
export class Settings {
  load() {
    if (!this.loading) {
      this.loading = new Promise((resolve, reject) => {
        fs.exists('/etc/app.json', (exists) => {
          ${settle}
        });
      });
    }
    return this.loading;
  }
}
`;
  const lines = (code: string): number[] => lintWithRule(ruleId, rule, code).map((m) => m.line);
  it('is quiet when the executor never mentions reject', () => {
    expect(lines(service('resolve({ exists, source: { reject: false } });'))).toEqual([]);
  });
  // Line 5 is `this.loading = new Promise(…)`.
  it('reports the field (line 5) when the executor calls reject, or hands it on', () => {
    expect(lines(service("if (!exists) reject(new Error('missing')); else resolve({ exists });"))).toEqual([5]);
    expect(lines(service('settleLater(exists, resolve, reject);'))).toEqual([5]);
  });
});

describe('a kept promise whose only await is a Supabase call', () => {
  // set 64 (boat-rental-platform's location list): `INFLIGHT = (async () => { const { data } = await
  // supabase.from('locations').select(…).order('city'); …; return list; })()`. supabase-js resolves with
  // `{ data, error }` on every failure, a network one included, so the kept promise cannot reject.
  const slot = (header: string, query: string, tail = 'return list;'): string => `${header}
let inflight = null;
export function loadLocations() {
  if (inflight) return inflight;
  inflight = (async () => {
    const { data } = await ${query};
    const list = [];
    for (const row of data ?? []) list.push(row.city);
    ${tail}
  })();
  return inflight;
}
`;
  const lines = (code: string): number[] => lintWithRule(ruleId, rule, code).map((m) => m.line);
  it('is quiet for a query, an rpc or an auth call of a client named or made as Supabase\'s', () => {
    expect(lines(slot("import { supabase } from './client';", "supabase.from('locations').select('city').order('city')"))).toEqual([]);
    expect(lines(slot("import { createClient } from '@supabase/supabase-js';\nconst db = createClient(process.env.URL, process.env.KEY);", "db.rpc('locations')"))).toEqual([]);
    expect(lines(slot("import { getClient } from './client';", "this.supabaseAdmin.auth.getSession()"))).toEqual([]);
  });
  // Line 5 is \`inflight = (async () => {\` when the header is one line.
  it('reports the slot when the chain asks to throw, the client is another, or what is returned may be a promise', () => {
    expect(lines(slot("import { supabase } from './client';", "supabase.from('locations').select('city').throwOnError()"))).toEqual([5]);
    expect(lines(slot("import { db } from './client';", "db.from('locations').select('city')"))).toEqual([5]);
    expect(lines(slot("import { supabase, refresh } from './client';", "supabase.from('locations').select('city')", 'const pending = refresh(list);\n    return pending;'))).toEqual([5]);
  });
});

// Steps that await nothing fail, if at all, the same way for the same input every time: keeping such a
// rejection withholds no answer a later call would get. Only what is awaited (or thrown) outside the
// tries that catch it can fail for a while.
const hydrateSlot = (before: string, after = '') => `const state = { rows: [] };
let initPromise = null;
async function hydrate(raw) {
  ${before}
  try {
    state.rows = await (await fetch('/audit')).json();
  } catch (error) {
    console.error('hydrate failed', error);
  }${after}
}
export function init(raw) {
  if (!initPromise) initPromise = hydrate(raw);
  return initPromise;
}`;

/** A method that parses what it is given, then asks the network inside a try whose catch is `catchBody`. */
const updatesSlot = (catchBody: string) => `export class Updates {
  async check(raw) {
    const saved = JSON.parse(raw);
    try {
      const res = await fetch('/latest?since=' + saved.version);
      return (await res.json()).name;
    } catch (error) {
      ${catchBody}
    }
  }
  get(raw) {
    if (!this.pending) this.pending = this.check(raw);
    return this.pending;
  }
}`;

ruleTester.run(`${ruleId}: steps that await nothing outside the tries`, rule, {
  valid: [
    {
      name: 'a run whose bookkeeping is on a WeakMap before its try',
      code: pollRun('const seen = new WeakMap();\nconst runs = new Map();', 'seen.set(name, Date.now());'),
    },
    {
      name: 'a run whose bookkeeping is on a let that is reassigned',
      code: pollRun('let timers = new Map();\nconst runs = new Map();\nexport function reset(next) { timers = next; }', 'timers.delete(name);'),
    },
    {
      name: 'a module slot whose async loader parses into a field before its try/catch',
      code: hydrateSlot('state.config = JSON.parse(raw);'),
    },
    {
      name: 'a slot filled by a method that parses before its try/catch',
      code: updatesSlot("return 'unknown';"),
    },
    {
      name: 'an early return for missing settings that builds an error and logs it before the try',
      code: `import { AppError, describeError } from './errors';
const email = process.env.LOGIN_EMAIL;
let session = null;
let ready = null;
async function login() {
  if (!email) {
    const error = new AppError('NOT_CONFIGURED', 'credentials are not configured');
    console.warn(describeError(error));
    return;
  }
  try {
    session = await (await fetch('/login', { method: 'POST', body: email })).json();
  } catch (error) {
    console.error('login failed', error);
    session = null;
  }
}
export async function client() {
  if (!ready) ready = login();
  await ready;
  return session;
}`,
    },
  ],
  invalid: [
    {
      // The parse reads what an await outside the try fetched: that await's rejection is the body's.
      name: 'a loader that parses an awaited download before its try/catch',
      code: hydrateSlot("state.config = JSON.parse(await (await fetch('/config')).text());"),
      // Line 12 is `if (!initPromise) initPromise = hydrate(raw);`, column 21 the assignment.
      errors: [{ messageId: 'unsafePromiseSlot', line: 12, column: 21, data: { name: 'initPromise' } }],
    },
    {
      // A throw after the try depends on what the network answered.
      name: 'a loader that throws after its try/catch when nothing came back',
      code: hydrateSlot('state.config = JSON.parse(raw);', "\n  if (state.rows.length === 0) throw new Error('no audit rows');"),
      errors: [{ messageId: 'unsafePromiseSlot', line: 13, column: 21, data: { name: 'initPromise' } }],
    },
    {
      // The catch passes the network's failure on.
      name: 'a method that parses before a try whose catch rethrows',
      code: updatesSlot('throw error;'),
      errors: [{ messageId: 'unsafePromiseSlot', line: 12, data: { name: 'this.pending' } }],
    },
  ],
});

/**
 * A class whose memoized slot is the answer of a method that catches every failure, passed through a
 * `.then` handler `handler`; the method's try answers with `answer`.
 */
const mentorsSlot = (handler: string, answer = 'return { success: true, data: await res.json() };') => `export default class ApiService {
  mentorsPromise = null;
  makeApiCall = async (path) => {
    const url = \`\${process.env.NEXT_PUBLIC_URL}\${path}\`;
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error('status ' + res.status);
      ${answer}
    } catch (error) {
      console.error(error);
      return { success: false, message: error };
    }
  };
  getMentors = async () => {
    if (!this.mentorsPromise) {
      this.mentorsPromise = this.makeApiCall('/mentors').then(${handler});
    }
    return this.mentorsPromise;
  };
}
export const api = new ApiService();`;

// After a call that cannot reject, a fulfilment handler that awaits nothing fails, if at all, the same
// way for the same answer; one that parses text, throws, or returns another promise can fail for a while.
ruleTester.run(`${ruleId}: fulfilment handlers that await nothing after a promise that cannot reject`, rule, {
  valid: [
    {
      name: 'a handler that shuffles the answer or falls back to an empty list',
      code: mentorsSlot(`(response) => {
        if (response.success) {
          const [open, closed] = partition(response.data || [], (m) => m.available);
          return [...shuffle(open), ...closed];
        }
        return [];
      }`),
    },
    {
      name: 'a handler that reads a field of the answer',
      code: mentorsSlot('(response) => response.data'),
    },
    {
      // \`body\` holds what an await answered: never a promise, so the try's return cannot reject.
      name: 'a method whose try returns a const given an awaited value',
      code: mentorsSlot('(response) => (response.success ? response.data : [])', 'const body = await res.json();\n      return body;'),
    },
  ],
  invalid: [
    {
      // A proxy's HTML error page is not JSON: the parse fails on a passing answer.
      name: 'a handler that parses the answer',
      code: mentorsSlot('(response) => JSON.parse(response.data)'),
      // Line 16 is \`this.mentorsPromise = this.makeApiCall(…).then(…)\`, column 7 the assignment.
      errors: [{ messageId: 'unsafePromiseSlot', line: 16, column: 7, data: { name: 'this.mentorsPromise' } }],
    },
    {
      name: 'a handler that throws when the call failed',
      code: mentorsSlot("(response) => { if (!response.success) throw new Error('no mentors'); return response.data; }"),
      errors: [{ messageId: 'unsafePromiseSlot', line: 16, column: 7, data: { name: 'this.mentorsPromise' } }],
    },
    {
      name: 'a handler that returns another request',
      code: mentorsSlot("(response) => fetch('/mentors/' + response.data[0].id)"),
      errors: [{ messageId: 'unsafePromiseSlot', line: 16, column: 7, data: { name: 'this.mentorsPromise' } }],
    },
    {
      // \`pending\` holds the request itself: returned from the try, its rejection escapes the catch.
      name: 'a method whose try returns a const given a request it did not await',
      code: mentorsSlot('(response) => (response.success ? response.data : [])', "const pending = fetch(url + '/all');\n      return pending;"),
      // The answer takes two lines here, so the slot's write is one line further down.
      errors: [{ messageId: 'unsafePromiseSlot', line: 17, column: 7, data: { name: 'this.mentorsPromise' } }],
    },
  ],
});

/** A slot filled by an async function that awaits nothing and returns stored rates or `fallback`, made by the function around it. */
const ratesSlot = (fallback: string): string => `let pending = null;
export async function rates() {
  if (pending) return pending;
  const fallback = ${fallback};
  pending = (async () => {
    const stored = localStorage.getItem('rates');
    if (stored) return JSON.parse(stored);
    return fallback;
  })();
  return pending;
}`;

// set 66: work done in the process (swellyo's document key, kvs-scuba's stored exchange rates) fails,
// if at all, the same way for the same input.
ruleTester.run(`${ruleId}: promises of work done in the process`, rule, {
  valid: [
    {
      // Declared to hold a promise, so the write is judged (an undeclared slot is not known to hold one).
      name: 'a slot holding a Web Crypto key import',
      code: `const ENC_KEY = process.env.DOCUMENT_KEY ?? '';
let keyPromise: Promise<CryptoKey> | null = null;
export function getKey() {
  if (!keyPromise) {
    const raw = Uint8Array.from(atob(ENC_KEY), (c) => c.charCodeAt(0));
    keyPromise = crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  }
  return keyPromise;
}`,
    },
    {
      name: 'a slot holding an async function that awaits nothing and returns parsed storage or a literal',
      code: `let pending = null;
export async function rates() {
  if (pending) return pending;
  const stored = localStorage.getItem('rates');
  const fallback = { USD: 1.08 };
  pending = (async () => {
    if (stored) {
      const parsed = JSON.parse(stored);
      return parsed;
    }
    localStorage.setItem('rates', JSON.stringify(fallback));
    return fallback;
  })();
  return pending;
}`,
    },
    {
      // \`fallback\` is an object literal the enclosing function made: never a promise.
      name: 'an async function that awaits nothing and returns a literal the function around it made',
      code: ratesSlot("{ USD: 1.08, date: new Date().toISOString() }"),
    },
  ],
  invalid: [
    {
      // The key comes from a server: the request can fail for a while.
      name: 'a slot holding a key fetched from a server',
      code: `let keyPromise: Promise<ArrayBuffer> | null = null;
export function getKey() {
  if (!keyPromise) keyPromise = fetch('/keys/document').then((r) => r.arrayBuffer());
  return keyPromise;
}`,
      // Line 3 is the write, column 20 the assignment.
      errors: [{ messageId: 'unsafePromiseSlot', line: 3, column: 20, data: { name: 'keyPromise' } }],
    },
    {
      // The fallback the function around it made is a request: returned, it rejects the slot's promise.
      name: 'an async function that awaits nothing and returns a request the function around it made',
      code: ratesSlot("fetch('/rates/fallback')"),
      errors: [{ messageId: 'unsafePromiseSlot', line: 5, column: 3, data: { name: 'pending' } }],
    },
    {
      // Awaiting nothing, it still returns a request's promise, which can reject.
      name: 'an async function that awaits nothing and returns a request',
      code: `let pending = null;
export async function rates() {
  if (pending) return pending;
  pending = (async () => {
    const stored = localStorage.getItem('rates');
    if (stored) return JSON.parse(stored);
    return fetch('/rates').then((r) => r.json());
  })();
  return pending;
}`,
      errors: [{ messageId: 'unsafePromiseSlot', line: 4, column: 3, data: { name: 'pending' } }],
    },
  ],
});
