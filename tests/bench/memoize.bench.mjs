#!/usr/bin/env node
// Side-by-side benchmark of the runtime memoizer (`eslint-plugin-memo-guard/memoize`)
// against the memoization / LRU libraries installed as devDependencies.
//
//   npm run bench                       full run (~1–2 min), writes docs/benchmarks.md
//   node tests/bench/memoize.bench.mjs --quick          smoke run, does not write docs
//   ... --only=hit-1arg-unbounded,churn-zipf            run a subset (does not write docs)
//   ... --no-docs / --docs                              force not writing / writing docs
//   MEMO_GUARD_BENCH_IMPL=/path/to/index.js ...         benchmark another build of the memoizer
//
// Harness notes
// - One process; every library of a workload is measured in the same rounds, in a
//   freshly shuffled order each round, so they share the machine's noise. The
//   reported figure is the median of the rounds.
// - Every round gives each case ≈roundMs of timed calls, cut into slices that are
//   interleaved with the other cases, so bursts of noise hit all cases alike; the
//   "vs ours" ratio is the median of the per-round ratios.
// - Every case gets its own loop function and its own trivial function compiled
//   from a unique source string (`new Function` with a tag), so V8 feedback of one
//   case's call sites never pollutes another's. Library code — ours, the memoizers,
//   and the get/set glue around each LRU cache class — is shared by all cases of that
//   library, as it would be in an application.
// - Before any timing, every case is calibrated and warmed up, in all workloads,
//   so each library's own code reaches its steady (multi-use) JIT state before the
//   first measured round and the order of workloads does not favour anyone.
// - Loop results are summed into a sink that is printed at the end, so calls
//   cannot be dropped as dead code.
// - `memory` runs each library in its own `node --expose-gc` child process.

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHURN_KINDS, CROWD_LRU, crowdReference, mulberry32, runCrowdedProcess, runMixedProcess, runSharedStore, zipfDraws } from './memoize-processes.mjs';

const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(THIS_FILE), '../..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? undefined : hit.slice(name.length + 3);
};

const QUICK = flag('quick');
const ONLY = opt('only')?.split(',').filter(Boolean);
const IMPL_PATH = process.env.MEMO_GUARD_BENCH_IMPL
  ? path.resolve(process.env.MEMO_GUARD_BENCH_IMPL)
  : path.join(ROOT, 'dist/src/memoize/index.js');
const IMPL_IS_DEFAULT = !process.env.MEMO_GUARD_BENCH_IMPL;
const WRITE_DOCS = flag('docs') || !!opt('docs-out') || (!QUICK && !ONLY && !flag('no-docs') && IMPL_IS_DEFAULT);
const DOCS_PATH = opt('docs-out') ? path.resolve(opt('docs-out')) : path.join(ROOT, 'docs/benchmarks.md');

const CFG = QUICK
  ? { rounds: 3, roundMs: 15, slices: 3, warmMs: 20, memRepeats: 1, calibrateMs: 3 }
  : { rounds: 7, roundMs: 100, slices: 10, warmMs: 150, memRepeats: 3, calibrateMs: 5 };
if (opt('rounds')) CFG.rounds = Math.max(1, Number(opt('rounds')));
if (opt('round-ms')) CFG.roundMs = Math.max(1, Number(opt('round-ms')));

const WORKLOADS = [
  'hit-1arg-unbounded',
  'hit-1arg-bounded',
  'hit-2args',
  'churn-zipf',
  'fib-100',
  'memory',
  'async-hit',
  'async-stampede',
  'async-rejection-retry',
  'mixed-process',
  'crowded-process',
  'shared-store',
];
const enabled = (w) => !ONLY || ONLY.includes(w);
if (ONLY) {
  for (const w of ONLY) if (!WORKLOADS.includes(w)) throw new Error(`unknown workload ${w}; known: ${WORKLOADS.join(', ')}`);
}

// ---------------------------------------------------------------------------
// Loading: ours and the competitors. A library that fails to load becomes an
// "n/a" row instead of aborting the run.
// ---------------------------------------------------------------------------

const loadErrors = {};
async function load(name, fn) {
  try {
    return await fn();
  } catch (e) {
    loadErrors[name] = String(e?.message ?? e).split('\n')[0];
    return null;
  }
}

async function loadOurs() {
  if (!fs.existsSync(IMPL_PATH)) {
    throw new Error(`memoizer build not found at ${path.relative(ROOT, IMPL_PATH)} — run \`npm run build\` (or use \`npm run bench\`).`);
  }
  const mod = await import(pathToFileURL(IMPL_PATH).href);
  if (typeof mod.memoize !== 'function') {
    throw new Error(`${path.relative(ROOT, IMPL_PATH)} does not export \`memoize\` yet (exports: ${Object.keys(mod).join(', ') || 'none'}).`);
  }
  return mod;
}

async function loadLibs() {
  const def = (m) => m.default ?? m;
  return {
    lodash: await load('lodash/memoize.js', async () => def(await import('lodash/memoize.js'))),
    lodashStandalone: await load('lodash.memoize', async () => def(await import('lodash.memoize'))),
    fastMemoize: await load('fast-memoize', async () => def(await import('fast-memoize'))),
    memoizee: await load('memoizee', async () => def(await import('memoizee'))),
    moize: await load('moize', async () => def(await import('moize'))),
    micro: await load('micro-memoize', async () => (await import('micro-memoize')).memoize),
    memoize10: await load('memoize', async () => (await import('memoize')).default),
    memoize10Clear: await load('memoize', async () => (await import('memoize')).memoizeClear),
    pMemoize: await load('p-memoize', async () => (await import('p-memoize')).default),
    LRUCache: await load('lru-cache', async () => (await import('lru-cache')).LRUCache),
    QuickLRU: await load('quick-lru', async () => (await import('quick-lru')).default),
    tinyLru: await load('tiny-lru', async () => (await import('tiny-lru')).lru),
    MnLRUCache: await load('mnemonist/lru-cache', async () => require('mnemonist/lru-cache.js')),
    MnLRUMap: await load('mnemonist/lru-map', async () => require('mnemonist/lru-map.js')),
    nano: await load('nano-memoize', async () => {
      const m = await import('nano-memoize');
      const d = m.default;
      return typeof d === 'function' ? d : d.nanomemoize ?? d.default;
    }),
    reselect: await load('reselect', async () => await import('reselect')),
    memoizeOne: await load('memoize-one', async () => def(await import('memoize-one'))),
  };
}

// ---------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------


function shuffle(arr, rnd) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
}

function distinctInts(count, limit, rnd) {
  const set = new Set();
  while (set.size < count) set.add(Math.floor(rnd() * limit));
  return [...set];
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
// Ratio of two cases measured in the same rounds: the median of the per-round ratios
// (each round's pair shares that round's machine state), else the ratio of medians.
const ratio = (a, b) => {
  if (!a || !b || a.err || b.err || a.ns === undefined || b.ns === undefined) return NaN;
  if (a.samples?.length && a.samples.length === b.samples?.length) return median(a.samples.map((x, i) => x / b.samples[i]));
  return a.ns / b.ns;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};
// "1.04× (rounds 1.01–1.09)": the paired ratio and the interquartile range of the
// per-round ratios, so a PASS/MISS that sits inside the noise is visible as such.
const ratioWithRange = (a, b) => {
  const r = ratio(a, b);
  if (Number.isNaN(r) || !(a.samples?.length > 2) || a.samples.length !== b.samples?.length) return fmtRatio(r);
  const per = a.samples.map((x, i) => x / b.samples[i]);
  return `${fmtRatio(r)} (rounds IQR ${quantile(per, 0.25).toFixed(2)}–${quantile(per, 0.75).toFixed(2)})`;
};
const madPct = (xs) => {
  const m = median(xs);
  return (median(xs.map((x) => Math.abs(x - m))) / m) * 100;
};

let SINK = 0;
function sink(r) {
  SINK += typeof r === 'number' && Number.isFinite(r) ? r % 1024 : 1;
}

let TAG = 0;
const tag = (what) => `/* bench-case ${++TAG}: ${what} */`;
// Each call compiles a distinct function (the tag defeats V8's eval cache),
// so no two cases share call-site feedback.
const compile = (what, params, body) => new Function(...params, `${tag(what)}\n${body}`);
const AsyncFunction = (async () => {}).constructor;

const freshDouble = () => compile('double', [], 'return function double(x) { return x * 2; };')();
const freshCountedDouble = (counter) =>
  compile('counted double', ['c'], 'return function double(x) { c.n++; return x * 2; };')(counter);
const freshPair = () => compile('pair', [], 'return function pair(a, b) { return a * 2 + b.length; };')();
const freshAsyncDouble = () => compile('async double', [], 'return async function double(x) { return x * 2; };')();

// The floor: a hand-written closure over one Map (2 args: nested Maps).
const makeFloor1 = (f) =>
  compile(
    'floor1',
    ['f'],
    `const m = new Map();
     const floor = function (x) { let v = m.get(x); if (v === undefined && !m.has(x)) { v = f(x); m.set(x, v); } return v; };
     floor.clear = () => m.clear();
     return floor;`,
  )(f);
const makeFloor2 = (f) =>
  compile(
    'floor2',
    ['f'],
    `const m = new Map();
     return function floor2(a, b) {
       let inner = m.get(a);
       if (inner === undefined) { inner = new Map(); m.set(a, inner); }
       let v = inner.get(b);
       if (v === undefined && !inner.has(b)) { v = f(a, b); inner.set(b, v); }
       return v;
     };`,
  )(f);
// Memoizer over a get/set LRU cache: get, on undefined compute + set. The glue is
// compiled once per cache class and shared by all that library's cases, like the one
// helper an application would write around the library; ours and the memoizer libraries
// likewise run one shared copy of their code for every memoized function.
const wrapperFactories = new Map();
const makeCacheWrapper = (cache, f) => {
  let factory = wrapperFactories.get(cache.constructor);
  if (factory === undefined) {
    factory = compile(
      `cache wrapper for ${cache.constructor.name}`,
      ['c', 'f'],
      'return function cached(x) { let v = c.get(x); if (v === undefined) { v = f(x); c.set(x, v); } return v; };',
    );
    wrapperFactories.set(cache.constructor, factory);
  }
  const w = factory(cache, f);
  w.clear = () => cache.clear();
  return w;
};

const fmtNum = (x, digits = 2) => {
  if (x === undefined || x === null || Number.isNaN(x)) return 'n/a';
  const a = Math.abs(x);
  if (a >= 1e9) return `${(x / 1e9).toFixed(digits)} G`;
  if (a >= 1e6) return `${(x / 1e6).toFixed(digits)} M`;
  if (a >= 1e3) return `${(x / 1e3).toFixed(digits)} k`;
  return x.toFixed(digits);
};
const fmtRatio = (x) => (x === undefined || Number.isNaN(x) ? '' : `${x.toFixed(2)}×`);
const fmtNs = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)} ms` : x >= 1000 ? `${(x / 1000).toFixed(2)} µs` : `${x.toFixed(x < 10 ? 2 : 1)} ns`);
const fmtPct = (x) => `${(x * 100).toFixed(2)}%`;

// ---------------------------------------------------------------------------
// Workload data
// ---------------------------------------------------------------------------

const SEQ_LEN = 4096; // power of two, so the loops wrap with a mask
const HOT_KEYS = distinctInts(100, 1_000_000, mulberry32(1));
const hotSeq = (() => {
  const rnd = mulberry32(2);
  const seq = new Array(SEQ_LEN);
  for (let i = 0; i < SEQ_LEN; i++) seq[i] = HOT_KEYS[Math.floor(rnd() * HOT_KEYS.length)];
  return seq;
})();
// 100 hot pairs: 25 integer ids × 4 short strings.
const PAIR_A = distinctInts(25, 1_000_000, mulberry32(3));
const PAIR_B = ['en', 'de', 'fr', 'ja'];
const [pairSeqA, pairSeqB] = (() => {
  const rnd = mulberry32(4);
  const a = new Array(SEQ_LEN);
  const b = new Array(SEQ_LEN);
  for (let i = 0; i < SEQ_LEN; i++) {
    a[i] = PAIR_A[Math.floor(rnd() * PAIR_A.length)];
    b[i] = PAIR_B[Math.floor(rnd() * PAIR_B.length)];
  }
  return [a, b];
})();

const ZIPF_DISTINCT = 10_000;
const ZIPF_S = 1.0;
const ZIPF_LEN = 1 << 20; // 1,048,576 draws
const CHURN_BOUND = 1000;
const HIT_PASS_LEN = QUICK ? 1 << 17 : ZIPF_LEN; // quick: ratio over a prefix of the stream
const zipfStream = (() => {
  const keyOfRank = distinctInts(ZIPF_DISTINCT, 1 << 30, mulberry32(43));
  return zipfDraws(ZIPF_LEN, ZIPF_DISTINCT, ZIPF_S, mulberry32(42), (rank) => keyOfRank[rank]);
})();

function strictLruHitRatio(stream, bound) {
  const m = new Map();
  let hits = 0;
  for (let i = 0; i < stream.length; i++) {
    const k = stream[i];
    if (m.has(k)) {
      hits++;
      m.delete(k);
      m.set(k, true);
    } else {
      m.set(k, true);
      if (m.size > bound) m.delete(m.keys().next().value);
    }
  }
  return hits / stream.length;
}

// ---------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------
// A case: { wl, id, label, kind: 'ours' | 'floor' | 'lib' | 'ref', note, run(n), async, err }
// run(n) performs n operations and returns a number for the sink.

const loop1 = () =>
  compile(
    'loop1',
    ['fn', 'keys', 'mask', 'n', 'st'],
    'let s = 0, j = st.j; for (let i = 0; i < n; i++) { s += fn(keys[j]); j = (j + 1) & mask; } st.j = j; return s;',
  );
const loop2 = () =>
  compile(
    'loop2',
    ['fn', 'as', 'bs', 'mask', 'n', 'st'],
    'let s = 0, j = st.j; for (let i = 0; i < n; i++) { s += fn(as[j], bs[j]); j = (j + 1) & mask; } st.j = j; return s;',
  );
const loopAsync1 = () =>
  new AsyncFunction(
    'fn',
    'keys',
    'mask',
    'n',
    'st',
    `${tag('async loop')}\nlet s = 0, j = st.j; for (let i = 0; i < n; i++) { s += await fn(keys[j]); j = (j + 1) & mask; } st.j = j; return s;`,
  );
const loopFib = () =>
  compile('fib loop', ['fib', 'clear', 'n'], 'let s = 0; for (let i = 0; i < n; i++) { clear(); s += fib(100); } return s;');

function safeCase(base, build) {
  try {
    return { ...base, ...build() };
  } catch (e) {
    return { ...base, err: String(e?.message ?? e).split('\n')[0] };
  }
}
const need = (x, name) => {
  if (x === null || x === undefined) throw new Error(`${name} not loaded${loadErrors[name] ? `: ${loadErrors[name]}` : ''}`);
  return x;
};

function hitCase1(wl, base, make) {
  return safeCase({ wl, ...base }, () => {
    const fn = make(freshDouble());
    const loop = loop1();
    const st = { j: 0 };
    for (const k of HOT_KEYS) fn(k); // fill
    return { run: (n) => loop(fn, hotSeq, SEQ_LEN - 1, n, st) };
  });
}

function buildCases(O, L) {
  const cases = [];
  const ours = O.memoize;

  // ---- hit-1arg-unbounded
  if (enabled('hit-1arg-unbounded')) {
    const wl = 'hit-1arg-unbounded';
    const add = (base, make) => cases.push(hitCase1(wl, base, make));
    add({ id: 'ours', label: 'ours (max: Infinity)', kind: 'ours' }, (f) => ours(f, { max: Infinity }));
    add({ id: 'floor', label: 'floor (closure over one Map)', kind: 'floor' }, makeFloor1);
    add({ id: 'lodash', label: 'lodash/memoize' }, (f) => need(L.lodash, 'lodash/memoize.js')(f));
    add({ id: 'lodash.memoize', label: 'lodash.memoize' }, (f) => need(L.lodashStandalone, 'lodash.memoize')(f));
    add({ id: 'fast-memoize', label: 'fast-memoize' }, (f) => need(L.fastMemoize, 'fast-memoize')(f));
    add({ id: 'nano-memoize', label: 'nano-memoize' }, (f) => need(L.nano, 'nano-memoize')(f));
    add({ id: 'memoize', label: 'memoize (sindresorhus)' }, (f) => need(L.memoize10, 'memoize')(f));
    add({ id: 'memoizee', label: 'memoizee {primitive}' }, (f) => need(L.memoizee, 'memoizee')(f, { primitive: true }));
    add({ id: 'moize', label: 'moize {maxSize: Infinity}' }, (f) => need(L.moize, 'moize')(f, { maxSize: Infinity }));
    add({ id: 'micro-memoize', label: 'micro-memoize {maxSize: Infinity}' }, (f) =>
      need(L.micro, 'micro-memoize')(f, { maxSize: Infinity }),
    );
    add({ id: 'weakMapMemoize', label: 'reselect weakMapMemoize' }, (f) => need(L.reselect, 'reselect').weakMapMemoize(f));
    add(
      { id: 'memoize-one', label: 'memoize-one', note: 'size-1 cache: misses on a rotating key set' },
      (f) => need(L.memoizeOne, 'memoize-one')(f),
    );
  }

  // ---- hit-1arg-bounded (bound 500)
  if (enabled('hit-1arg-bounded')) {
    const wl = 'hit-1arg-bounded';
    const B = 500;
    const add = (base, make) => cases.push(hitCase1(wl, base, make));
    add({ id: 'ours', label: 'ours (default, max 500)', kind: 'ours' }, (f) => ours(f));
    add({ id: 'ours-unbounded', label: 'ours (max: Infinity)', kind: 'ours', note: 'for the bounded/unbounded ratio' }, (f) =>
      ours(f, { max: Infinity }),
    );
    add({ id: 'floor', label: 'floor (unbounded Map)', kind: 'floor' }, makeFloor1);
    add({ id: 'lru-cache', label: 'lru-cache get/set' }, (f) => makeCacheWrapper(new (need(L.LRUCache, 'lru-cache'))({ max: B }), f));
    add({ id: 'lru-cache-memo', label: 'lru-cache memo()' }, (f) => {
      const c = new (need(L.LRUCache, 'lru-cache'))({ max: B, memoMethod: (k) => f(k) });
      return compile('lru memo', ['c'], 'return function (x) { return c.memo(x); };')(c);
    });
    add({ id: 'quick-lru', label: 'quick-lru get/set', note: 'holds up to 2× maxSize' }, (f) =>
      makeCacheWrapper(new (need(L.QuickLRU, 'quick-lru'))({ maxSize: B }), f),
    );
    add({ id: 'tiny-lru', label: 'tiny-lru get/set' }, (f) => makeCacheWrapper(need(L.tinyLru, 'tiny-lru')(B), f));
    add({ id: 'mnemonist-lrucache', label: 'mnemonist LRUCache' }, (f) =>
      makeCacheWrapper(new (need(L.MnLRUCache, 'mnemonist/lru-cache'))(B), f),
    );
    add({ id: 'mnemonist-lrumap', label: 'mnemonist LRUMap' }, (f) => makeCacheWrapper(new (need(L.MnLRUMap, 'mnemonist/lru-map'))(B), f));
    add({ id: 'memoizee', label: 'memoizee {max, primitive}' }, (f) => need(L.memoizee, 'memoizee')(f, { max: B, primitive: true }));
    add({ id: 'moize', label: 'moize {maxSize}' }, (f) => need(L.moize, 'moize')(f, { maxSize: B }));
    add({ id: 'micro-memoize', label: 'micro-memoize {maxSize}' }, (f) => need(L.micro, 'micro-memoize')(f, { maxSize: B }));
    add({ id: 'lruMemoize', label: 'reselect lruMemoize {maxSize}' }, (f) => need(L.reselect, 'reselect').lruMemoize(f, { maxSize: B }));
  }

  // ---- hit-2args
  if (enabled('hit-2args')) {
    const wl = 'hit-2args';
    const add = (base, make) =>
      cases.push(
        safeCase({ wl, ...base }, () => {
          const fn = make(freshPair());
          const loop = loop2();
          const st = { j: 0 };
          for (const a of PAIR_A) for (const b of PAIR_B) fn(a, b);
          return { run: (n) => loop(fn, pairSeqA, pairSeqB, SEQ_LEN - 1, n, st) };
        }),
      );
    add({ id: 'ours', label: 'ours (default, max 500)', kind: 'ours' }, (f) => ours(f));
    add({ id: 'ours-unbounded', label: 'ours (max: Infinity)', kind: 'ours' }, (f) => ours(f, { max: Infinity }));
    add({ id: 'floor', label: 'floor (nested Map)', kind: 'floor' }, makeFloor2);
    add({ id: 'weakMapMemoize', label: 'reselect weakMapMemoize' }, (f) => need(L.reselect, 'reselect').weakMapMemoize(f));
    add({ id: 'memoizee', label: 'memoizee {length: 2, primitive, max 500}' }, (f) =>
      need(L.memoizee, 'memoizee')(f, { length: 2, primitive: true, max: 500 }),
    );
    add({ id: 'moize', label: 'moize {maxSize: 500}' }, (f) => need(L.moize, 'moize')(f, { maxSize: 500 }));
    add({ id: 'micro-memoize', label: 'micro-memoize {maxSize: 500}' }, (f) => need(L.micro, 'micro-memoize')(f, { maxSize: 500 }));
    add({ id: 'fast-memoize', label: 'fast-memoize (JSON key)' }, (f) => need(L.fastMemoize, 'fast-memoize')(f));
    add({ id: 'nano-memoize', label: 'nano-memoize' }, (f) => need(L.nano, 'nano-memoize')(f));
  }

  // ---- churn-zipf (bound 1000)
  if (enabled('churn-zipf')) {
    const wl = 'churn-zipf';
    const B = CHURN_BOUND;
    const add = (base, make) =>
      cases.push(
        safeCase({ wl, ...base }, () => {
          const fn = make(freshDouble());
          make(freshDouble()); // fail early if unbuildable
          const loop = loop1();
          const st = { j: 0 };
          return {
            run: (n) => loop(fn, zipfStream, ZIPF_LEN - 1, n, st),
            // hit ratio: a fresh instance, one pass over the whole stream, counting underlying calls
            hitRatio: () => {
              const c = { n: 0 };
              const g = make(freshCountedDouble(c));
              const l = loop1();
              sink(l(g, zipfStream, ZIPF_LEN - 1, HIT_PASS_LEN, { j: 0 }));
              return 1 - c.n / HIT_PASS_LEN;
            },
          };
        }),
      );
    add({ id: 'ours', label: 'ours (max 1000)', kind: 'ours' }, (f) => ours(f, { max: B }));
    add({ id: 'floor', label: 'unbounded Map (no eviction, reference)', kind: 'floor' }, makeFloor1);
    add({ id: 'lru-cache', label: 'lru-cache get/set (strict LRU)' }, (f) => makeCacheWrapper(new (need(L.LRUCache, 'lru-cache'))({ max: B }), f));
    add({ id: 'quick-lru', label: 'quick-lru get/set', note: 'holds up to 2× maxSize' }, (f) =>
      makeCacheWrapper(new (need(L.QuickLRU, 'quick-lru'))({ maxSize: B }), f),
    );
    add({ id: 'tiny-lru', label: 'tiny-lru get/set' }, (f) => makeCacheWrapper(need(L.tinyLru, 'tiny-lru')(B), f));
    add({ id: 'mnemonist-lrucache', label: 'mnemonist LRUCache' }, (f) =>
      makeCacheWrapper(new (need(L.MnLRUCache, 'mnemonist/lru-cache'))(B), f),
    );
    add({ id: 'mnemonist-lrumap', label: 'mnemonist LRUMap' }, (f) => makeCacheWrapper(new (need(L.MnLRUMap, 'mnemonist/lru-map'))(B), f));
    add({ id: 'memoizee', label: 'memoizee {max, primitive}' }, (f) => need(L.memoizee, 'memoizee')(f, { max: B, primitive: true }));
    add({ id: 'moize', label: 'moize {maxSize}' }, (f) => need(L.moize, 'moize')(f, { maxSize: B }));
  }

  // ---- fib-100 (bound 32 vs unbounded), fresh cache per fib(100)
  if (enabled('fib-100')) {
    const wl = 'fib-100';
    const add = (base, make, clear) =>
      cases.push(
        safeCase({ wl, ...base }, () => {
          const build = (counter) =>
            compile(
              'fib',
              ['wrap', 'c'],
              'let m; const body = function fib(n) { c.n++; return n < 2 ? n : m(n - 1) + m(n - 2); }; m = wrap(body); return m;',
            )(make, counter);
          const counter = { n: 0 };
          const fib = build(counter);
          const clr = () => clear(fib);
          const loop = loopFib();
          return {
            run: (n) => loop(fib, clr, n),
            calls: () => {
              const c = { n: 0 };
              const g = build(c);
              const v = g(100);
              if (v !== 354224848179262000000) throw new Error(`fib(100) wrong: ${v}`);
              const info = typeof g.cacheInfo === 'function' ? g.cacheInfo() : undefined;
              return { calls: c.n, info };
            },
          };
        }),
      );
    add({ id: 'ours-32', label: 'ours (max 32)', kind: 'ours', group: 'bounded' }, (f) => ours(f, { max: 32 }), (m) => m.cacheClear());
    add({ id: 'ours-inf', label: 'ours (max: Infinity)', kind: 'ours', group: 'unbounded' }, (f) => ours(f, { max: Infinity }), (m) =>
      m.cacheClear(),
    );
    add({ id: 'floor', label: 'floor (unbounded Map)', kind: 'floor', group: 'unbounded' }, makeFloor1, (m) => m.clear());
    add(
      { id: 'lru-cache-32', label: 'lru-cache wrapper (max 32)', group: 'bounded' },
      (f) => makeCacheWrapper(new (need(L.LRUCache, 'lru-cache'))({ max: 32 }), f),
      (m) => m.clear(),
    );
    add({ id: 'moize-32', label: 'moize {maxSize: 32}', group: 'bounded' }, (f) => need(L.moize, 'moize')(f, { maxSize: 32 }), (m) => m.clear());
    add(
      { id: 'moize-inf', label: 'moize {maxSize: Infinity}', group: 'unbounded' },
      (f) => need(L.moize, 'moize')(f, { maxSize: Infinity }),
      (m) => m.clear(),
    );
    add(
      { id: 'memoizee-32', label: 'memoizee {max: 32, primitive}', group: 'bounded' },
      (f) => need(L.memoizee, 'memoizee')(f, { max: 32, primitive: true }),
      (m) => m.clear(),
    );
    add(
      { id: 'memoizee-inf', label: 'memoizee {primitive}', group: 'unbounded' },
      (f) => need(L.memoizee, 'memoizee')(f, { primitive: true }),
      (m) => m.clear(),
    );
  }

  // ---- async-hit
  if (enabled('async-hit')) {
    const wl = 'async-hit';
    const add = (base, make) =>
      cases.push(
        safeCase({ wl, async: true, ...base }, () => {
          const fn = make(freshAsyncDouble());
          const loop = loopAsync1();
          const st = { j: 0 };
          return {
            run: (n) => loop(fn, hotSeq, SEQ_LEN - 1, n, st),
            fill: async () => {
              for (const k of HOT_KEYS) await fn(k);
            },
          };
        }),
      );
    add({ id: 'ours', label: 'ours (default, max 500)', kind: 'ours' }, (f) => ours(f));
    add({ id: 'floor', label: 'floor (Map of promises)', kind: 'floor' }, makeFloor1);
    add({ id: 'lru-cache-fetch', label: 'lru-cache fetch() {max 500}' }, (f) => {
      const c = new (need(L.LRUCache, 'lru-cache'))({ max: 500, fetchMethod: (k) => f(k) });
      return compile('lru fetch', ['c'], 'return function (x) { return c.fetch(x); };')(c);
    });
    add({ id: 'p-memoize', label: 'p-memoize' }, (f) => need(L.pMemoize, 'p-memoize')(f));
    add({ id: 'memoizee', label: 'memoizee {promise, primitive}' }, (f) => need(L.memoizee, 'memoizee')(f, { promise: true, primitive: true }));
    add({ id: 'moize', label: 'moize {isPromise, maxSize 500}' }, (f) => need(L.moize, 'moize')(f, { isPromise: true, maxSize: 500 }));
  }

  return cases;
}

// ---------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------

// Timer: by default the CPU time of this process (user + system, all threads), so
// time spent descheduled while other jobs use the cores is not counted; on an idle
// machine it matches wall time. --wall switches to wall-clock time.
const WALL = flag('wall');
const TIMER = WALL ? 'wall-clock time' : 'process CPU time (user + system)';
const wallNs = () => Number(process.hrtime.bigint());
const cpuNs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};
const share = { wall: 0, cpu: 0 }; // CPU share of the timed work, to flag a busy machine
async function timeRun(c, n) {
  const w0 = wallNs();
  const c0 = cpuNs();
  const t0 = WALL ? w0 : c0;
  const r = c.async ? await c.run(n) : c.run(n);
  const c1 = cpuNs();
  const w1 = wallNs();
  sink(r);
  share.wall += w1 - w0;
  share.cpu += c1 - c0;
  return WALL ? w1 - w0 : Math.max(c1 - t0, 1);
}

async function calibrate(c) {
  if (c.err) return;
  try {
    if (c.fill) await c.fill();
    let n = 8;
    let t = await timeRun(c, n);
    while (t < CFG.calibrateMs * 1e6 && n < 2 ** 30) {
      n *= t < CFG.calibrateMs * 1e5 ? 8 : 2;
      t = await timeRun(c, n);
    }
    let spent = 0;
    while (spent < CFG.warmMs * 1e6) spent += t = await timeRun(c, n);
    c.n = Math.max(1, Math.round((n * CFG.roundMs * 1e6) / t));
    c.samples = [];
  } catch (e) {
    c.err = `threw while running: ${String(e?.message ?? e).split('\n')[0]}`;
  }
}

// One round gives every case ≈ roundMs of timed work, cut into CFG.slices slices that are
// interleaved across the cases (shuffled order, alternating direction), so a burst of
// machine noise lasting a fraction of a round lands on all cases of the round alike.
async function measureRounds(cases, rnd) {
  const live = cases.filter((c) => !c.err);
  for (const c of live) c.nSlice = Math.max(1, Math.round(c.n / CFG.slices));
  for (let r = 0; r < CFG.rounds; r++) {
    const order = shuffle([...live], rnd);
    const spent = new Map(order.map((c) => [c, 0]));
    for (let k = 0; k < CFG.slices; k++) {
      const seq = k % 2 === 0 ? order : [...order].reverse();
      for (const c of seq) {
        if (c.err) continue;
        try {
          spent.set(c, spent.get(c) + (await timeRun(c, c.nSlice)));
        } catch (e) {
          c.err = `threw while running: ${String(e?.message ?? e).split('\n')[0]}`;
        }
      }
    }
    for (const c of order) if (!c.err) c.samples.push(spent.get(c) / (c.nSlice * CFG.slices));
  }
  for (const c of live) {
    if (c.err) continue;
    if (flag('verbose')) console.log(`  ${c.wl} ${c.id}: ${c.samples.map((x) => x.toFixed(1)).join(' ')}`);
    c.ns = median(c.samples);
    c.ops = 1e9 / c.ns;
    c.spread = madPct(c.samples);
  }
}

// ---------------------------------------------------------------------------
// async-stampede / async-rejection-retry (correctness-style, counts only)
// ---------------------------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function asyncAdapters(O, L) {
  return [
    { id: 'ours', label: 'ours (default)', kind: 'ours', make: (f) => O.memoize(f) },
    { id: 'lodash', label: 'lodash/memoize', make: (f) => need(L.lodash, 'lodash/memoize.js')(f) },
    { id: 'memoize', label: 'memoize (sindresorhus)', make: (f) => need(L.memoize10, 'memoize')(f) },
    { id: 'p-memoize', label: 'p-memoize', make: (f) => need(L.pMemoize, 'p-memoize')(f) },
    { id: 'memoizee', label: 'memoizee {promise}', make: (f) => need(L.memoizee, 'memoizee')(f, { promise: true }) },
    { id: 'moize', label: 'moize {isPromise}', make: (f) => need(L.moize, 'moize')(f, { isPromise: true }) },
    { id: 'micro-memoize', label: 'micro-memoize {async}', make: (f) => need(L.micro, 'micro-memoize')(f, { async: true }) },
    {
      id: 'lru-cache-fetch',
      label: 'lru-cache fetch()',
      make: (f) => {
        const c = new (need(L.LRUCache, 'lru-cache'))({ max: 500, fetchMethod: (k) => f(k) });
        return (x) => c.fetch(x);
      },
    },
    {
      id: 'naive',
      label: 'naive await-then-set (reference)',
      kind: 'ref',
      make: (f) => {
        const m = new Map();
        return async (x) => {
          if (m.has(x)) return m.get(x);
          const v = await f(x);
          m.set(x, v);
          return v;
        };
      },
    },
  ];
}

async function runStampede(O, L) {
  const rows = [];
  for (const a of asyncAdapters(O, L)) {
    const row = { id: a.id, label: a.label, kind: a.kind };
    try {
      let calls = 0;
      const m = a.make(async (k) => {
        calls++;
        await sleep(5);
        return k * 2;
      });
      const results = await Promise.all(Array.from({ length: 1000 }, () => m(21)));
      row.calls = calls;
      row.allSame = results.every((v) => v === 42);
    } catch (e) {
      row.err = String(e?.message ?? e).split('\n')[0];
    }
    rows.push(row);
  }
  return rows;
}

async function runRejection(O, L) {
  const rows = [];
  for (const a of asyncAdapters(O, L)) {
    const row = { id: a.id, label: a.label, kind: a.kind };
    try {
      for (const variant of ['immediate', 'afterTick']) {
        let calls = 0;
        const m = a.make(async (k) => {
          calls++;
          await sleep(1);
          if (calls === 1) throw new Error('boom');
          return k * 2;
        });
        const first = await m(7).then(
          () => 'resolved',
          () => 'rejected',
        );
        if (variant === 'afterTick') await sleep(0);
        const second = await m(7).then(
          (v) => (v === 14 ? 'resolved' : `resolved(${v})`),
          () => 'rejected',
        );
        row[variant] = { first, second, reran: calls === 2 };
      }
    } catch (e) {
      row.err = String(e?.message ?? e).split('\n')[0];
    }
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------
// memory (child processes)
// ---------------------------------------------------------------------------

const MEM_N = 100_000;
const MEM_CASES = [
  { id: 'floor', label: 'raw Map (floor)', kind: 'floor' },
  { id: 'ours', label: 'ours memoize {max: 100000}', kind: 'ours' },
  { id: 'ours-lrumap', label: 'ours LruMap(100000)', kind: 'ours' },
  { id: 'lru-cache', label: 'lru-cache' },
  { id: 'quick-lru', label: 'quick-lru', note: 'holds up to 2× maxSize' },
  { id: 'tiny-lru', label: 'tiny-lru' },
  { id: 'mnemonist-lrucache', label: 'mnemonist LRUCache' },
  { id: 'mnemonist-lrumap', label: 'mnemonist LRUMap' },
];

async function memoryChild(id) {
  const gc = globalThis.gc;
  if (typeof gc !== 'function') throw new Error('memory child needs --expose-gc');
  const O = await loadOurs();
  const L = await loadLibs();
  const N = MEM_N;
  const key = (i) => 1_000_000 + i * 13; // distinct, Smi, sparse (no dense-array shortcut)
  const mem = () => {
    const m = process.memoryUsage();
    return { heap: m.heapUsed, ext: m.external };
  };
  const collect = () => {
    for (let i = 0; i < 3; i++) gc();
  };
  // Baseline after loading everything; construction is measured too
  // (lru-cache and mnemonist preallocate their arrays at construction).
  collect();
  const before = mem();
  const rebuilt = await buildMemTarget(id, O, L, N);
  const fill = (from, to) => {
    for (let i = from; i < to; i++) rebuilt.put(key(i));
  };
  fill(0, N);
  collect();
  const atBound = mem();
  const sizeAtBound = rebuilt.size();
  fill(N, 2 * N);
  collect();
  const steady = mem();
  const sizeSteady = rebuilt.size();
  const per = (m) => ({ heap: (m.heap - before.heap) / N, ext: (m.ext - before.ext) / N });
  process.stdout.write(
    JSON.stringify({ id, atBound: per(atBound), steady: per(steady), sizeAtBound, sizeSteady, alive: typeof rebuilt.keep }),
  );
}

async function buildMemTarget(id, O, L, N) {
  const t = {};
  const cacheOf = (c) => {
    t.keep = c;
    t.put = (k) => c.set(k, k & 1023);
    t.size = () => c.size;
  };
  switch (id) {
    case 'floor': {
      // A bare Map at the bound. Past the bound it evicts FIFO; the oldest key is
      // recomputed from the insertion counter (keys are key(i)), so no bookkeeping
      // structure is added to the floor.
      const m = new Map();
      let inserted = 0;
      t.keep = m;
      t.put = (k) => {
        if (m.size >= N) m.delete(1_000_000 + (inserted - N) * 13);
        m.set(k, k & 1023);
        inserted++;
      };
      t.size = () => m.size;
      break;
    }
    case 'ours': {
      const f = O.memoize((k) => k & 1023, { max: N });
      t.keep = f;
      t.put = (k) => f(k);
      t.size = () => f.cacheInfo().currsize;
      break;
    }
    case 'ours-lrumap':
      cacheOf(new O.LruMap(N));
      break;
    case 'lru-cache':
      cacheOf(new (need(L.LRUCache, 'lru-cache'))({ max: N }));
      break;
    case 'quick-lru':
      cacheOf(new (need(L.QuickLRU, 'quick-lru'))({ maxSize: N }));
      break;
    case 'tiny-lru':
      cacheOf(need(L.tinyLru, 'tiny-lru')(N));
      break;
    case 'mnemonist-lrucache':
      cacheOf(new (need(L.MnLRUCache, 'mnemonist/lru-cache'))(N));
      break;
    case 'mnemonist-lrumap':
      cacheOf(new (need(L.MnLRUMap, 'mnemonist/lru-map'))(N));
      break;
    default:
      throw new Error(`unknown memory case ${id}`);
  }
  return t;
}

function runMemory() {
  const rows = [];
  for (const c of MEM_CASES) {
    const row = { ...c };
    try {
      const samples = [];
      for (let i = 0; i < CFG.memRepeats; i++) {
        const out = execFileSync(process.execPath, ['--expose-gc', THIS_FILE, `--memory-child=${c.id}`], {
          env: process.env,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: 60_000,
        });
        samples.push(JSON.parse(out));
      }
      const pick = (f) => median(samples.map(f));
      row.atBound = pick((s) => s.atBound.heap + s.atBound.ext);
      row.atBoundExt = pick((s) => s.atBound.ext);
      row.steady = pick((s) => s.steady.heap + s.steady.ext);
      row.sizeAtBound = samples[0].sizeAtBound;
      row.sizeSteady = samples[0].sizeSteady;
    } catch (e) {
      const stderr = e?.stderr ? String(e.stderr).trim().split('\n').filter(Boolean).slice(-1)[0] : '';
      row.err = (stderr || String(e?.message ?? e)).split('\n')[0];
    }
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------

const sections = []; // { title, intro, headers, rows: string[][], notes: string[] }
const BETTER_NOTE = '"vs ours" = library time / our time per op, median of the per-round ratios (> 1 means ours is faster)';

const LEFT = new Set(['library', 'target', 'measured', 'note', 'verdict', 'status']);
const isLeft = (s, i) => i === 0 || LEFT.has(s.headers[i]);
function renderConsole(s) {
  const widths = s.headers.map((h, i) => Math.max(h.length, ...s.rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (isLeft(s, i) ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd();
  const out = [`\n## ${s.title}`, s.intro ? `   ${s.intro}` : '', line(s.headers), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of s.rows) out.push(line(r));
  for (const n of s.notes ?? []) out.push(`   ${n}`);
  return out.filter((l) => l !== '').join('\n');
}
function renderMarkdown(s) {
  const esc = (c) => String(c).replaceAll('|', '\\|');
  const out = [`### ${s.title}`, ''];
  if (s.intro) out.push(s.intro, '');
  out.push(`| ${s.headers.map(esc).join(' | ')} |`);
  out.push(`| ${s.headers.map((_, i) => (isLeft(s, i) ? ':--' : '--:')).join(' | ')} |`);
  for (const r of s.rows) out.push(`| ${r.map(esc).join(' | ')} |`);
  if (s.notes?.length) out.push('', ...s.notes.map((n) => `- ${n}`));
  out.push('');
  return out.join('\n');
}
function emit(s) {
  sections.push(s);
  console.log(renderConsole(s));
}

const plainLabel = (c) => c.label;

function speedSection(wl, title, cases, { baselineOf, extraHeaders = [], extra = () => [], notes = [], unit = 'ops/s' }) {
  const floor = cases.find((c) => c.kind === 'floor' && !c.err);
  const rows = cases.map((c) => {
    if (c.err) return [plainLabel(c), 'n/a', '', '', '', ...extraHeaders.map(() => ''), c.err];
    const base = baselineOf(c);
    const r = ratio(c, base);
    const note = [c.note];
    if (c.kind === 'ours' && floor) note.unshift(`ours/floor ${fmtRatio(ratio(c, floor))}`);
    return [
      plainLabel(c),
      fmtNum(c.ops),
      fmtNs(c.ns),
      `±${c.spread.toFixed(1)}%`,
      c === base ? '1.00× (base)' : fmtRatio(r),
      ...extra(c),
      note.filter(Boolean).join('; '),
    ];
  });
  emit({
    title: `${wl}`,
    intro: `${title} — ${BETTER_NOTE}; ± = median absolute deviation over ${CFG.rounds} rounds.`,
    headers: ['library', unit, 'time/op', '±', 'vs ours', ...extraHeaders, 'note'],
    rows,
    notes,
  });
}

const targets = [];
function target(name, ok, measured, detail = '') {
  targets.push({ name, status: ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS', measured, detail });
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const O = await loadOurs();
  const L = await loadLibs();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const meta = {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    node: process.version,
    cpu: `${cpu.trim()} × ${os.cpus().length} cores`,
    platform: `${os.platform()} ${os.arch()}`,
    mode: QUICK ? 'quick' : 'full',
    loadStart: os.loadavg()[0],
  };
  console.log(`memoize bench (${meta.mode}) — node ${meta.node}, ${meta.cpu}, ${meta.platform}`);
  console.log(`ours: ${path.relative(ROOT, IMPL_PATH)}`);
  for (const [k, v] of Object.entries(loadErrors)) console.log(`  ! could not load ${k}: ${v}`);

  const rnd = mulberry32(7);
  const cases = buildCases(O, L);
  const by = (wl) => cases.filter((c) => c.wl === wl);
  const find = (wl, id) => cases.find((c) => c.wl === wl && c.id === id);
  const ok = (c) => c && !c.err && c.ns !== undefined;

  // Calibrate + warm every case of every workload before timing anything.
  process.stdout.write(`calibrating and warming ${cases.length} cases `);
  for (const c of cases) {
    await calibrate(c);
    process.stdout.write('.');
  }
  process.stdout.write('\n');

  // ---- hit-1arg-unbounded
  if (enabled('hit-1arg-unbounded')) {
    const cs = by('hit-1arg-unbounded');
    await measureRounds(cs, rnd);
    const ours = find('hit-1arg-unbounded', 'ours');
    speedSection('hit-1arg-unbounded', 'one primitive argument, 100 hot integer keys, all hits, unbounded caches', cs, {
      baselineOf: () => ours,
    });
    const fl = find('hit-1arg-unbounded', 'floor');
    if (ok(ours) && ok(fl)) target('unbounded hit ≤ 1.05× floor', ratio(ours, fl) <= 1.05, `ours time / floor ${ratioWithRange(ours, fl)}`);
    else target('unbounded hit ≤ 1.05× floor', undefined, 'not measured');
  }

  // ---- hit-1arg-bounded
  if (enabled('hit-1arg-bounded')) {
    const wl = 'hit-1arg-bounded';
    const cs = by(wl);
    await measureRounds(cs, rnd);
    const ours = find(wl, 'ours');
    const unb = find(wl, 'ours-unbounded');
    const r = ratio(ours, unb);
    speedSection(wl, 'same 100 hot keys, all hits, bound 500', cs, {
      baselineOf: () => ours,
      notes: [`ours bounded / ours unbounded (time per hit): ${fmtRatio(r)}`],
    });
    target('bounded hit ≤ 1.10× our unbounded', Number.isNaN(r) ? undefined : r <= 1.1, `bounded time / unbounded ${ratioWithRange(ours, unb)}`);
  }

  // ---- hit-2args
  if (enabled('hit-2args')) {
    const wl = 'hit-2args';
    const cs = by(wl);
    await measureRounds(cs, rnd);
    const ours = find(wl, 'ours');
    speedSection(wl, `two primitive args (integer id × short string), ${PAIR_A.length * PAIR_B.length} hot pairs, all hits`, cs, {
      baselineOf: () => ours,
    });
    const w = find(wl, 'weakMapMemoize');
    if (ok(ours) && ok(w)) target('2-arg hit ≥ reselect weakMapMemoize', ratio(w, ours) >= 1, `weakMapMemoize time / ours ${ratioWithRange(w, ours)}`);
    else target('2-arg hit ≥ reselect weakMapMemoize', undefined, 'not measured');
  }

  // ---- churn-zipf
  if (enabled('churn-zipf')) {
    const wl = 'churn-zipf';
    const cs = by(wl);
    await measureRounds(cs, rnd);
    process.stdout.write('churn-zipf: hit ratios ');
    for (const c of cs) {
      if (c.err) continue;
      try {
        c.hit = c.hitRatio();
      } catch (e) {
        c.err = String(e?.message ?? e);
      }
      process.stdout.write('.');
    }
    process.stdout.write('\n');
    const ref = strictLruHitRatio(zipfStream.slice(0, HIT_PASS_LEN), CHURN_BOUND);
    const ours = find(wl, 'ours');
    speedSection(
      wl,
      `bound ${CHURN_BOUND}, Zipf(s=${ZIPF_S}) over ${ZIPF_DISTINCT.toLocaleString('en')} keys, ${ZIPF_LEN.toLocaleString('en')} pre-generated draws (seeded)`,
      cs,
      {
        baselineOf: () => ours,
        extraHeaders: ['hit ratio', 'Δ vs strict LRU'],
        extra: (c) => [c.hit === undefined ? 'n/a' : fmtPct(c.hit), c.hit === undefined ? '' : `${((c.hit - ref) * 100).toFixed(2)} pp`],
        notes: [
          `strict LRU reference hit ratio (simulated): ${fmtPct(ref)}; hit ratio = 1 − underlying calls / draws, one cold pass over the stream.`,
          'time/op is per call (hits and misses mixed, misses include the trivial fn and an eviction).',
        ],
      },
    );
    const lc = find(wl, 'lru-cache');
    const mn = [find(wl, 'mnemonist-lrucache'), find(wl, 'mnemonist-lrumap')].filter(ok);
    if (ok(ours) && ok(lc) && mn.length) {
      const bestMn = mn.reduce((a, b) => (a.ns < b.ns ? a : b));
      const rMn = ratio(bestMn, ours);
      const rLc = ratio(lc, ours);
      target(
        'churn ≥ mnemonist (faster of LRUCache/LRUMap) and lru-cache',
        rMn >= 1 && rLc >= 1,
        `${bestMn.label} time / ours ${ratioWithRange(bestMn, ours)}; lru-cache time / ours ${ratioWithRange(lc, ours)}`,
      );
    } else target('churn ≥ mnemonist and lru-cache', undefined, 'not measured');
    if (ok(ours) && ours.hit !== undefined) {
      target('churn hit ratio ≥ strict LRU', ours.hit >= ref - 1e-9, `${fmtPct(ours.hit)} vs ${fmtPct(ref)}`);
    } else target('churn hit ratio ≥ strict LRU', undefined, 'not measured');
  }

  // ---- fib-100
  if (enabled('fib-100')) {
    const wl = 'fib-100';
    const cs = by(wl);
    await measureRounds(cs, rnd);
    for (const c of cs) {
      if (c.err) continue;
      try {
        const r = c.calls();
        c.underlying = r.calls;
        c.info = r.info;
      } catch (e) {
        c.err = String(e?.message ?? e);
      }
    }
    const base = { bounded: find(wl, 'ours-32'), unbounded: find(wl, 'ours-inf') };
    speedSection(wl, 'fib(100) through the memoizer on a cleared cache (bounded rows vs ours max 32, unbounded rows vs ours max ∞)', cs, {
      unit: 'fib(100)/s',
      baselineOf: (c) => base[c.group],
      extraHeaders: ['fn calls'],
      extra: (c) => [
        c.underlying === undefined
          ? 'n/a'
          : `${c.underlying}${c.info ? ` (cacheInfo: ${c.info.hits}h/${c.info.misses}m)` : ''}`,
      ],
      notes: ['fn calls = underlying fib bodies run for one fib(100) on an empty cache; 101 is optimal, more means the bound thrashes.'],
    });
  }

  // ---- memory
  if (enabled('memory')) {
    process.stdout.write('memory: child processes ');
    const rows = runMemory();
    process.stdout.write('\n');
    const ours = rows.find((r) => r.id === 'ours');
    const floor = rows.find((r) => r.id === 'floor');
    emit({
      title: 'memory',
      intro: `bytes per entry with ${MEM_N.toLocaleString('en')} integer keys → small-integer values (heapUsed + external, after full GC, node --expose-gc child per library, median of ${CFG.memRepeats}); ratio = library bytes / our bytes (> 1 means ours is smaller).`,
      headers: ['library', 'B/entry at bound', 'vs ours', 'B/entry after 2× bound inserts', 'size at bound / after', 'note'],
      rows: rows.map((r) =>
        r.err
          ? [r.label, 'n/a', '', '', '', r.err]
          : [
              r.label,
              r.atBound.toFixed(1),
              r === ours ? '1.00× (base)' : ours && !ours.err ? fmtRatio(r.atBound / ours.atBound) : '',
              r.steady.toFixed(1),
              `${r.sizeAtBound} / ${r.sizeSteady}`,
              [r.kind === 'ours' && floor && !floor.err ? `ours/floor ${fmtRatio(r.atBound / floor.atBound)}` : '', r.atBoundExt > 1 ? `${r.atBoundExt.toFixed(1)} B external` : '', r.note]
                .filter(Boolean)
                .join('; '),
            ],
      ),
      notes: ['"after 2× bound inserts": another 100,000 new keys evicting the old ones (tombstones, generations, free lists show up here).'],
    });
    const ourRows = rows.filter((r) => r.kind === 'ours' && !r.err);
    if (ourRows.length) {
      const worst = Math.max(...ourRows.map((r) => r.atBound));
      target('memory ≤ 50 B/entry', worst <= 50, ourRows.map((r) => `${r.label}: ${r.atBound.toFixed(1)} B`).join(', '));
    } else target('memory ≤ 50 B/entry', undefined, 'not measured');
  }

  // ---- async-hit
  if (enabled('async-hit')) {
    const wl = 'async-hit';
    const cs = by(wl);
    await measureRounds(cs, rnd);
    const ours = find(wl, 'ours');
    speedSection(wl, 'awaited hit of an async memoized function, 100 hot keys (includes one await per op)', cs, {
      unit: 'awaits/s',
      baselineOf: () => ours,
    });
    const lf = find(wl, 'lru-cache-fetch');
    if (ok(ours) && ok(lf)) target('async hit ≥ lru-cache fetch', ratio(lf, ours) >= 1, `lru-cache fetch time / ours ${ratioWithRange(lf, ours)}`);
    else target('async hit ≥ lru-cache fetch', undefined, 'not measured');
  }

  // ---- async-stampede
  if (enabled('async-stampede')) {
    const rows = await runStampede(O, L);
    emit({
      title: 'async-stampede',
      intro: '1,000 concurrent callers of one key; the fn awaits a 5 ms timer. Real calls = times the fn ran (1 is correct).',
      headers: ['library', 'real calls', 'all callers got the value', 'verdict'],
      rows: rows.map((r) =>
        r.err
          ? [r.label, 'n/a', '', r.err]
          : [r.label, String(r.calls), r.allSame ? 'yes' : 'NO', r.calls === 1 && r.allSame ? 'deduplicated' : 'stampede'],
      ),
    });
  }

  // ---- async-rejection-retry
  if (enabled('async-rejection-retry')) {
    const rows = await runRejection(O, L);
    const cell = (v) => (v ? `${v.reran ? 'yes' : 'NO'} (${v.first} → ${v.second})` : '');
    emit({
      title: 'async-rejection-retry',
      intro:
        'the first call rejects, then the same key is called again — immediately after the rejection is observed, and (fresh instance) after one macrotask. "yes" = the retry ran fn again (correct); "NO" = the cached rejection was returned.',
      headers: ['library', 'immediate retry re-runs fn', 'retry after a macrotask re-runs fn', 'verdict'],
      rows: rows.map((r) =>
        r.err
          ? [r.label, 'n/a', '', r.err]
          : [
              r.label,
              cell(r.immediate),
              cell(r.afterTick),
              r.immediate?.reran && r.afterTick?.reran ? 'drops rejections' : r.afterTick?.reran ? 'drops rejections late' : 'caches rejections',
            ],
      ),
    });
  }

  // ---- mixed-process (child processes: isolated kinds vs all kinds hot in one process)
  if (enabled('mixed-process')) {
    process.stdout.write('mixed-process: child processes ...\n');
    try {
      const m = await runMixedProcess({ quick: QUICK });
      const r = (a, b) => (a && b ? a / b : NaN);
      const row = (label, where) => {
        const x = m[where];
        return [
          label,
          fmtNs(x.floor),
          fmtNs(x.unbounded),
          fmtNs(x.bounded),
          fmtRatio(r(x.unbounded, x.floor)),
          fmtRatio(r(x.bounded, x.unbounded)),
          fmtNs(x['churn-ours']),
          fmtNs(x['churn-mnemonist']),
          fmtRatio(r(x['churn-mnemonist'], x['churn-ours'])),
        ];
      };
      emit({
        title: 'mixed-process',
        intro:
          'the 1-argument hit path (100 hot integer keys) and churn (Zipf over 10,000 keys, bound 1000), measured in fresh child processes: "isolated" = a process with only that one case hot; "mixed" = one process where the Map closure, ours unbounded, ours bounded, ours churning and mnemonist churning are all hot, after 2-argument, structural, ttl and small bounded memoizers of ours (and mnemonist caches with string and object keys) have run, as in a service. CPU time per op, median of the rounds of three runs of each isolated process and six of the mixed one. The targets for the mixed process use the ratios taken inside each run (median over the runs).',
        headers: ['process', 'Map closure', 'ours unbounded', 'ours bounded (500)', 'unbounded / closure', 'bounded / unbounded', 'churn ours', 'churn mnemonist LRUMap', 'mnemonist / ours'],
        rows: [row('isolated (one case per process)', 'isolated'), row('mixed (all hot in one process)', 'mixed')],
        notes: ['ratios < 1 in the "/" columns mean ours is faster than the reference; "mnemonist / ours" > 1 means ours churns faster.'],
      });
      {
        const x = m.isolated;
        target('unbounded hit ≤ 1.05× Map closure (isolated processes)', r(x.unbounded, x.floor) <= 1.05, `${fmtRatio(r(x.unbounded, x.floor))} (${fmtNs(x.unbounded)} vs ${fmtNs(x.floor)}; across processes)`);
        target('bounded hit ≤ 1.10× unbounded (isolated processes)', r(x.bounded, x.unbounded) <= 1.1, `${fmtRatio(r(x.bounded, x.unbounded))} (${fmtNs(x.bounded)} vs ${fmtNs(x.unbounded)}; across processes)`);
        target('churn ≥ mnemonist (isolated processes)', r(x['churn-mnemonist'], x['churn-ours']) >= 1, `mnemonist time / ours ${fmtRatio(r(x['churn-mnemonist'], x['churn-ours']))}`);
      }
      {
        const { unboundedFloor, boundedUnbounded, mnemonistOurs } = m.mixedRatios;
        const spread = (xs) => `median of ${xs.length} runs; runs ${fmtRatio(Math.min(...xs))}–${fmtRatio(Math.max(...xs))}`;
        target('unbounded hit ≤ 1.05× Map closure (mixed process)', median(unboundedFloor) <= 1.05, `${fmtRatio(median(unboundedFloor))} (${spread(unboundedFloor)})`);
        target('bounded hit ≤ 1.12× unbounded (mixed process)', median(boundedUnbounded) <= 1.12, `${fmtRatio(median(boundedUnbounded))} (${spread(boundedUnbounded)})`);
        target('churn ≥ mnemonist (mixed process)', median(mnemonistOurs) >= 1, `mnemonist time / ours ${fmtRatio(median(mnemonistOurs))} (${spread(mnemonistOurs)})`);
      }
    } catch (e) {
      console.log(`  ! mixed-process failed: ${e.message}`);
      target('mixed-process targets', undefined, `not measured: ${e.message}`);
    }
  }

  // ---- crowded-process (child processes: every library hot, one shared call site)
  if (enabled('crowded-process')) {
    process.stdout.write('crowded-process: child processes ...\n');
    try {
      const m = await runCrowdedProcess({ quick: QUICK });
      const ids = Object.keys(m.runs[0].ns);
      const range = (xs, f) => (xs.length > 1 ? `${f(Math.min(...xs))}–${f(Math.max(...xs))}` : f(xs[0]));
      const perRun = (id) => m.runs.map((r) => r.ns[id]);
      emit({
        title: 'crowded-process',
        intro: `a process where a Map closure, ours (unbounded and bounded 500, with integer and with string keys) and the catalog's libraries run from ONE shared loop, so its call site sees every kind of cache (megamorphic: nothing is inlined into it, as when a service's code and its dependencies call many memoizers); hit cases: 100 hot keys, all hits; churn: bound 1000, Zipf(s=1) over 10,000 keys: small integer ids (0–9,999, popularity in a seeded random order), the same ids as strings (\`user:<id>\`), and large integers (1,000,003 + 31 × rank); our 2-argument, structural, ttl and small bounded memoizers have run with number, string and object keys first. ${m.runs.length} fresh processes; per process, each case's median over ${m.rounds} interleaved rounds; "ratio" is the median of the per-round ratios inside each process, shown as the range over processes. CPU time per call.`,
        headers: ['case', 'time/call (median of runs)', 'runs', 'ratio', 'ratio over runs', 'vs'],
        rows: ids.map((id) => {
          const ref = crowdReference(id);
          const ratios = ref === undefined ? [] : m.runs.map((r) => r.pairs[`${id} / ${ref}`]).filter((x) => x !== undefined);
          return [
            id,
            fmtNs(median(perRun(id))),
            range(perRun(id), fmtNs),
            ratios.length ? fmtRatio(median(ratios)) : '',
            ratios.length ? range(ratios, fmtRatio) : '',
            ref ?? '',
          ];
        }),
        notes: [
          'ratio = this row\'s time / the "vs" row\'s time: for our hit rows < 1 means ours is faster; for the libraries\' rows (hit: vs ours unbounded; churn: vs ours) > 1 means ours is faster.',
          `churn targets are against the fastest of ${CROWD_LRU.join(', ')} in each process; quick-lru holds up to 2 × maxSize entries (more hits, not the same bound) and is reported on its own.`,
          `memory (\`node --expose-gc\` child, the crowd and our memoizers exercised with number, string and object keys first; 100,000 entries, keys made before the baseline, median of ${m.memory.length}): ${Object.keys(m.memory[0]).map((id) => `${id} ${median(m.memory.map((x) => x[id])).toFixed(1)} B`).join(', ')}.`,
        ],
      });
      // PASS: every process meets it; EDGE: the median of the processes does, not every one; MISS: the median does not.
      const verdict = (xs, ok) => (xs.every(ok) ? true : ok(median(xs)) ? 'edge' : false);
      const crowdTarget = (name, xs, ok, what) =>
        targets.push({ name, status: { true: 'PASS', false: 'MISS', edge: 'EDGE' }[String(verdict(xs, ok))], measured: `${what} ${fmtRatio(median(xs))} (median of ${xs.length} processes; range ${range(xs, fmtRatio)})` });
      const rr = (key) => m.runs.map((r) => r.ratios[key]);
      crowdTarget('unbounded hit ≤ 1.2× Map closure (crowded process)', rr('unboundedClosure'), (x) => x <= 1.2, 'ours time / Map closure');
      crowdTarget('bounded hit ≤ 1.15× unbounded (crowded process)', rr('boundedUnbounded'), (x) => x <= 1.15, 'bounded time / unbounded');
      crowdTarget('bounded hit ≤ 1.15× unbounded, string keys (crowded process)', rr('boundedUnboundedStrings'), (x) => x <= 1.15, 'bounded time / unbounded');
      const keyKind = { numbers: 'small integer', strings: 'string', 'large numbers': 'large integer' };
      for (const kind of CHURN_KINDS) {
        const best = [...new Set(rr(`churn ${kind} best`))].join(' / ');
        crowdTarget(`churn ≥ fastest LRU library, ${keyKind[kind]} keys (crowded process)`, rr(`churn ${kind}`), (x) => x >= 1, `fastest (${best}) time / ours`);
        crowdTarget(`churn ≥ quick-lru (2 × bound), ${keyKind[kind]} keys (crowded process)`, rr(`churn ${kind} quick-lru`), (x) => x >= 1, 'quick-lru time / ours');
      }
      const mem = (id) => m.memory.map((x) => x[id]);
      for (const kind of ['numbers', 'strings']) {
        const xs = [...mem(`ours memoize ${kind}`), ...mem(`ours LruMap ${kind}`)];
        targets.push({
          name: `memory ≤ 50 B/entry, ${kind === 'numbers' ? 'integer' : 'string'} keys (crowded process)`,
          status: Math.max(median(mem(`ours memoize ${kind}`)), median(mem(`ours LruMap ${kind}`))) <= 50 ? 'PASS' : 'MISS',
          measured: `memoize ${median(mem(`ours memoize ${kind}`)).toFixed(1)} B, LruMap ${median(mem(`ours LruMap ${kind}`)).toFixed(1)} B (median of ${m.memory.length}; all ${range(xs, (x) => x.toFixed(1))} B)`,
        });
      }
    } catch (e) {
      console.log(`  ! crowded-process failed: ${e.message}`);
      target('crowded-process targets', undefined, `not measured: ${e.message}`);
    }
  }

  // ---- shared-store (a real redis-server started here; bentocache and cacheable beside ours)
  if (enabled('shared-store')) {
    process.stdout.write('shared-store: redis-server, child processes ...\n');
    // The competitors' clients can reject promises of their own while Redis is paused; count them.
    let stray = 0;
    const onStray = () => stray++;
    process.on('unhandledRejection', onStray);
    try {
      const s = await runSharedStore({ quick: QUICK });
      const vs = s.inProcessVsOurs;
      const tier = s.redisTier;
      emit({
        title: 'shared-store',
        intro: `ours with \`redisStore\` (ioredis client) vs bentocache 1.6 (memory L1 + redis L2 + redis bus) and cacheable 2.5 (@keyv/redis secondary), against one redis-server ${s.redisVersion} on 127.0.0.1 started by the bench. In-process hit: awaited calls over 100 hot keys (CPU time). Redis-tier hit: no in-process tier (ours with max 1 over 100 keys, bentocache with L2 only), awaited, wall time and this process's CPU time per call, beside one plain ioredis GET of the same entry (the round trip itself). Ratios are medians of the per-round ratios (rounds interleaved). Stampede: 3 processes × 50 concurrent calls on one cold key, the function counted in Redis (1 is correct). Redis down: the server paused (SIGSTOP) with connections open, one cold call, capped at ${s.down.ours?.cap ?? '?'} ms.`,
        headers: ['library', 'in-process hit', 'vs ours', 'Redis-tier hit (wall)', 'vs ours', 'CPU per Redis-tier hit', 'vs ours', 'stampede: runs', 'cold call, Redis paused'],
        rows: [
          ['memoize without a store, same ttl (reference)', fmtNs(s.inProcess['ours-plain']), fmtRatio(vs['ours-plain']), '', '', '', '', '', ''],
          ['one ioredis GET (reference: the round trip)', '', '', fmtNs(tier.GET.ns), fmtRatio(tier.GET.vsOurs), fmtNs(tier.GET.cpu), fmtRatio(tier.GET.cpuVsOurs), '', ''],
          ...['ours', 'bentocache', 'cacheable'].map((lib) => {
            const d = s.down[lib];
            const down = d === undefined ? 'n/a' : d.outcome === 'pending' ? `still pending after ${(d.cap / 1000).toFixed(0)} s` : `${fmtNs(d.ms * 1e6)} (${d.outcome})`;
            const t = tier[lib];
            const own = lib === 'ours';
            return [
              own ? 'ours (memoize + redisStore)' : lib,
              fmtNs(s.inProcess[lib]),
              own ? '1.00× (base)' : fmtRatio(vs[lib]),
              t === undefined ? 'n/a' : fmtNs(t.ns),
              t === undefined ? '' : own ? '1.00× (base)' : fmtRatio(t.vsOurs),
              t === undefined ? 'n/a' : fmtNs(t.cpu),
              t === undefined ? '' : own ? '1.00× (base)' : fmtRatio(t.cpuVsOurs),
              s.stampede[lib] === undefined ? 'n/a' : String(s.stampede[lib].runs),
              down,
            ];
          }),
        ],
        notes: [
          '"vs ours" = library time / our time (> 1 means ours is faster).',
          'cacheable has no Redis-tier-only mode comparable to the others here (n/a).',
          ...(stray ? [`${stray} unhandled rejection(s) from a competitor's client while Redis was paused were counted and ignored.`] : []),
        ],
      });
      const ratioStore = 1 / vs['ours-plain'];
      target('store: in-process hit ≤ 1.10× plain memoize', ratioStore <= 1.1, `${fmtRatio(ratioStore)}`);
      target('store: in-process hit faster than bentocache and cacheable', vs.bentocache > 1 && vs.cacheable > 1, `bentocache / ours ${fmtRatio(vs.bentocache)}, cacheable / ours ${fmtRatio(vs.cacheable)}`);
      target('store: Redis-tier hit faster than bentocache', tier.bentocache.vsOurs > 1, `bentocache / ours ${fmtRatio(tier.bentocache.vsOurs)} wall time, ${fmtRatio(tier.bentocache.cpuVsOurs)} CPU per call; ours ${fmtRatio(1 / tier.GET.vsOurs)} of one plain GET`);
      target('store: stampede runs the function once', s.stampede.ours?.runs === 1, `ours ${s.stampede.ours?.runs}, bentocache ${s.stampede.bentocache?.runs}, cacheable ${s.stampede.cacheable?.runs}`);
      target('store: cold call with Redis down within timeout + fn time', s.down.ours?.outcome === 'value' && s.down.ours.ms < 250 + 100, `ours ${fmtNs((s.down.ours?.ms ?? NaN) * 1e6)} (timeout 250 ms)`);
    } catch (e) {
      console.log(`  ! shared-store failed: ${e.message}`);
      target('shared-store targets', undefined, `not measured: ${e.message}${String(e.message).includes('not installed') ? '' : ''}`);
    } finally {
      setTimeout(() => process.off('unhandledRejection', onStray), 3000).unref();
    }
  }

  // ---- targets
  const tSection = {
    title: 'targets',
    intro: 'PASS/MISS against the design targets (from this single run).',
    headers: ['target', 'status', 'measured'],
    rows: targets.map((t) => [t.name, t.status, t.measured]),
  };
  emit(tSection);

  meta.loadEnd = os.loadavg()[0];
  meta.cpuShare = share.wall > 0 ? share.cpu / share.wall : NaN;
  const busy = `load average ${meta.loadStart.toFixed(1)} at start, ${meta.loadEnd.toFixed(1)} at end; this process got ${(meta.cpuShare * 100).toFixed(0)}% of a core during timed work`;
  console.log(`\ntimer: ${TIMER}; ${busy}`);
  if (meta.cpuShare < 0.8) console.log('  ! the machine was busy: wall-clock numbers would be unreliable; CPU-time ratios are still comparable');
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\n(done in ${secs} s; sink ${SINK.toFixed(0)})`);

  if (WRITE_DOCS) {
    const md = [
      '# Benchmarks: `eslint-plugin-memo-guard/memoize`',
      '',
      '<!-- Generated by tests/bench/memoize.bench.mjs — do not edit by hand; rerun `npm run bench`. -->',
      '',
      `- Command: \`npm run bench\` (\`npm run build && node tests/bench/memoize.bench.mjs\`)`,
      `- Date: ${meta.date}`,
      `- Node: ${meta.node} (${meta.platform})`,
      `- CPU: ${meta.cpu}`,
      `- Timer: ${TIMER}; ${busy}`,
      `- Harness: one process; ${CFG.rounds} rounds, each giving every case ≈${CFG.roundMs} ms of timed calls in ${CFG.slices} slices interleaved with the other libraries of the workload (shuffled order), median of the rounds reported; "vs ours" is the median of the per-round time ratios. Every case is calibrated and warmed up before any timing. The memoized function is trivial (\`x => x * 2\`) so the cache is what is measured; each case's loop and function are compiled separately so call-site feedback is not shared, while each library's own code (ours included) is shared across its cases, as in an application. Memory is measured in a separate \`node --expose-gc\` child per library.`,
      '',
      '> Ratios are from one process run on a shared, noisy machine; absolute numbers are for orientation only. Compare ratios, not ops/s across machines.',
      '',
      '"vs ours" = library time / our time per operation: **> 1 means ours is faster** (memory: library bytes / our bytes, > 1 means ours is smaller). For our own rows the note gives our time relative to the hand-written floor.',
      '',
      '## Targets',
      '',
      renderMarkdown({ ...tSection, title: 'Summary' }).split('\n').slice(2).join('\n'),
      '## Results',
      '',
      'Reading notes:',
      '',
      '- ours evicts by SIEVE (a hit sets a bit, nothing moves), not LRU; the strict-LRU hit ratio in churn-zipf is a reference, not our policy.',
      '- memoizee runs with `primitive: true` (its fast mode for primitive arguments); quick-lru keeps between maxSize and 2 × maxSize entries, so its hit ratio and memory are not one-to-one comparable; memoize-one has a single entry.',
      '- LRU caches (lru-cache, quick-lru, tiny-lru, mnemonist) are used through a get → compute → set wrapper; "lru-cache memo()" and "lru-cache fetch()" use its built-in `memoMethod` / `fetchMethod`.',
      '',
      ...sections.filter((s) => s !== tSection).map(renderMarkdown),
    ].join('\n');
    fs.mkdirSync(path.dirname(DOCS_PATH), { recursive: true });
    fs.writeFileSync(DOCS_PATH, md.replace(/\n{3,}/g, '\n\n'));
    console.log(`wrote ${path.relative(ROOT, DOCS_PATH)}`);
  }
}

const memChildId = opt('memory-child');
if (memChildId) {
  memoryChild(memChildId).catch((e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  });
} else {
  // Exit when done: the competitors' Redis clients may keep handles open.
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(`bench failed: ${e?.message ?? e}`);
      process.exit(1);
    },
  );
}
