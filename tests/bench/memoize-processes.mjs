// Workloads of tests/bench/memoize.bench.mjs that need processes of their own:
//
// - mixed-process: the hit path measured as a service runs it. "isolated": a process that has
//   only one memoizer kind hot (the floor, ours unbounded, ours bounded); "mixed": one process
//   where a Map closure, ours unbounded and ours bounded are all hot, after 2-argument,
//   structural, ttl and churning memoizers have run too. Churn (Zipf, bound 1000) likewise,
//   ours vs mnemonist, isolated and mixed.
// - shared-store: ours with a Redis store against bentocache (L1 memory + L2 redis + bus) and
//   cacheable (@keyv/redis secondary), all against the same redis-server started here:
//   in-process hit, Redis-tier hit, a stampede of 3 processes × 50 calls on one cold key, and a
//   cold call with Redis paused.
//
// Children are this file run with --child=<json>; they print one JSON line.

import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(THIS_FILE), '../..');
const DIST = path.join(ROOT, 'dist/src/memoize');
/** Our build (another one with MEMO_GUARD_BENCH_IMPL, as in memoize.bench.mjs; children inherit it). */
const IMPL = process.env.MEMO_GUARD_BENCH_IMPL ? path.resolve(process.env.MEMO_GUARD_BENCH_IMPL) : path.join(DIST, 'index.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const cpuNs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let TAG = 0;
const compile = (params, body) => new Function(...params, `/* case ${++TAG} */\n${body}`);

/** A small seeded PRNG, so every run draws the same keys (shared with memoize.bench.mjs). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// mixed-process (child side)
// ---------------------------------------------------------------------------------------------

const HOT = Array.from({ length: 100 }, (_, i) => 1000 + i * 7919);
const SEQ = (() => {
  const rnd = mulberry32(2);
  return Array.from({ length: 4096 }, () => HOT[Math.floor(rnd() * HOT.length)]);
})();
/**
 * `count` draws of a Zipf(s) distribution over `distinct` ranks (inverse CDF by binary search),
 * each mapped to a key by `keyOfRank` (shared with memoize.bench.mjs).
 */
export function zipfDraws(count, distinct, s, rnd, keyOfRank) {
  const cdf = new Float64Array(distinct);
  let acc = 0;
  for (let k = 0; k < distinct; k++) cdf[k] = acc += 1 / Math.pow(k + 1, s);
  for (let k = 0; k < distinct; k++) cdf[k] /= acc;
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    const u = rnd();
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    out[i] = keyOfRank(lo);
  }
  return out;
}
const ZIPF = zipfDraws(1 << 18, 10_000, 1, mulberry32(42), (rank) => 1_000_003 + rank * 31);

async function mixedChild({ mode, rounds, opsPerRound, impl }) {
  const { memoize } = await import(pathToFileURL(impl ?? IMPL).href);
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const double = () => compile([], 'return function double(x) { return x * 2; };')();
  const floor = (f) =>
    compile(['f'], 'const m = new Map(); return function (x) { let v = m.get(x); if (v === undefined && !m.has(x)) { v = f(x); m.set(x, v); } return v; };')(f);
  const wrapper = (cache, f) =>
    compile(['c', 'f'], 'return function (x) { let v = c.get(x); if (v === undefined) { v = f(x); c.set(x, v); } return v; };')(cache, f);
  const hitLoop = () => compile(['fn', 'keys', 'n'], 'let s = 0; for (let i = 0; i < n; i++) s += fn(keys[i & 4095]); return s;');
  const churnLoop = () => compile(['fn', 'keys', 'n', 'st'], 'let s = 0, j = st.j; for (let i = 0; i < n; i++) { s += fn(keys[j]); j = (j + 1) & 262143; } st.j = j; return s;');
  const makers = {
    floor: () => ({ fn: floor(double()), loop: hitLoop(), keys: SEQ }),
    unbounded: () => ({ fn: memoize(double(), { max: Infinity }), loop: hitLoop(), keys: SEQ }),
    bounded: () => ({ fn: memoize(double()), loop: hitLoop(), keys: SEQ }),
    'churn-ours': () => ({ fn: memoize(double(), { max: 1000 }), loop: churnLoop(), keys: ZIPF, st: { j: 0 } }),
    'churn-mnemonist': () => ({ fn: wrapper(new (require('mnemonist/lru-map.js'))(1000), double()), loop: churnLoop(), keys: ZIPF, st: { j: 0 } }),
  };
  const ids = {
    'isolated-floor': ['floor'],
    'isolated-unbounded': ['unbounded'],
    'isolated-bounded': ['bounded'],
    'isolated-churn-ours': ['churn-ours'],
    'isolated-churn-mnemonist': ['churn-mnemonist'],
    mixed: ['floor', 'unbounded', 'bounded', 'churn-ours', 'churn-mnemonist'],
  }[mode];
  if (mode === 'mixed') {
    // What else a service has hot: 2-argument, structural, ttl and small churning memoizers.
    const two = memoize((a, b) => a + b);
    const two2 = memoize((a, b) => a * b, { max: Infinity });
    const st = memoize((o) => o.a, { key: 'structural' });
    const t = memoize((x) => x, { ttl: 60_000 });
    const small = memoize((x) => x, { max: 64 });
    // mnemonist used the way a service would for other caches too (string and object keys).
    const MnLRUMap = require('mnemonist/lru-map.js');
    const mnStrings = wrapper(new MnLRUMap(64), (x) => x.length);
    const mnObjects = wrapper(new MnLRUMap(64), () => 1);
    const objects = Array.from({ length: 128 }, (_, i) => ({ i }));
    for (let i = 0; i < 200_000; i++) {
      mnStrings(`k${(i * 2654435761) % 5000}`);
      mnObjects(objects[i & 127]);
      two(i & 63, i & 7);
      two2(i & 63, i & 7);
      st({ a: i & 15 });
      t(i & 31);
      small((i * 2654435761) % 5000);
    }
  }
  const cases = ids.map((id) => ({ id, ...makers[id](), samples: [] }));
  let sink = 0;
  const run = (c, n) => (c.st ? c.loop(c.fn, c.keys, n, c.st) : c.loop(c.fn, c.keys, n));
  for (const c of cases) for (let w = 0; w < 8; w++) sink += run(c, opsPerRound);
  for (let r = 0; r < rounds; r++) {
    for (const c of r % 2 ? [...cases].reverse() : cases) {
      const t0 = cpuNs();
      sink += run(c, opsPerRound);
      c.samples.push((cpuNs() - t0) / opsPerRound);
    }
  }
  const out = {};
  for (const c of cases) out[c.id] = c.samples;
  out.sink = sink % 7;
  return out;
}

// ---------------------------------------------------------------------------------------------
// crowded-process (child side)
// ---------------------------------------------------------------------------------------------

/** The libraries of the catalog that a crowded process has hot beside ours (CommonJS or ESM). */
async function loadCrowd() {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const def = (m) => m.default ?? m;
  const nano = await import('nano-memoize');
  return {
    lodash: def(await import('lodash/memoize.js')),
    fastMemoize: def(await import('fast-memoize')),
    nano: typeof nano.default === 'function' ? nano.default : nano.default.nanomemoize ?? nano.default.default,
    memoize: (await import('memoize')).default,
    memoizee: def(await import('memoizee')),
    micro: (await import('micro-memoize')).memoize,
    moize: def(await import('moize')),
    reselect: await import('reselect'),
    LRUCache: (await import('lru-cache')).LRUCache,
    QuickLRU: (await import('quick-lru')).default,
    tinyLru: (await import('tiny-lru')).lru,
    MnLRUCache: require('mnemonist/lru-cache.js'),
    MnLRUMap: require('mnemonist/lru-map.js'),
  };
}

/** Churn keys as strings: one string per rank, as a service's ids arrive (`user:<id>`). */
/**
 * The crowded churn stream: the same Zipf draws over small integer keys (0-9,999, in a seeded
 * random order of popularity), as ids are; as strings, `user:<id>`.
 */
const smallZipf = () => {
  const rnd = mulberry32(44);
  const ids = Array.from({ length: 10_000 }, (_, i) => i);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return zipfDraws(1 << 18, 10_000, 1, mulberry32(42), (rank) => ids[rank]);
};
/** Hot keys as strings, for the string-keyed hit cases that keep our code seeing strings. */
const seqStrings = () => SEQ.map((k) => `sku-${k}`);
/** The caches whose bytes per entry the crowded process measures, each in a child of its own. */
const CROWD_MEMORY = ['raw Map', 'ours memoize', 'ours LruMap', 'lru-cache', 'mnemonist LRUMap'];
/** Churn streams: small integer ids (0-9,999), the same as strings, and large integers (1,000,003 + 31 × rank). */
export const CHURN_KINDS = ['numbers', 'strings', 'large numbers'];
/** The LRU libraries the churn target is against (quick-lru holds up to 2 × maxSize: reported, not a target). */
export const CROWD_LRU = ['lru-cache', 'tiny-lru', 'mnemonist LRUCache', 'mnemonist LRUMap'];

async function crowdedChild({ rounds, opsPerRound, impl, only }) {
  const { memoize } = await import(pathToFileURL(impl ?? IMPL).href);
  const L = await loadCrowd();
  // ONE loop for every case: a service reaches its memoizers (and its dependencies' ones) through
  // shared code, so this call site sees every kind of cache and goes megamorphic.
  const loop = compile(['fn', 'keys', 'n', 'st'], 'let s = 0, j = st.j; const mask = keys.length - 1; for (let i = 0; i < n; i++) { s += fn(keys[j]); j = (j + 1) & mask; } st.j = j; return s;');
  const double = () => compile([], 'return function double(x) { return x * 2; };')();
  const len = () => compile([], 'return function len(x) { return x.length; };')();
  const floor = (f) =>
    compile(['f'], 'const m = new Map(); return function (x) { let v = m.get(x); if (v === undefined && !m.has(x)) { v = f(x); m.set(x, v); } return v; };')(f);
  // The get → compute → set glue an application writes around an LRU cache, one per library.
  const glue = new Map();
  const wrapper = (cache, f) => {
    let make = glue.get(cache.constructor);
    if (make === undefined) {
      make = compile(['c', 'f'], 'return function cached(x) { let v = c.get(x); if (v === undefined) { v = f(x); c.set(x, v); } return v; };');
      glue.set(cache.constructor, make);
    }
    return make(cache, f);
  };
  const lru = {
    'lru-cache': (max, f) => wrapper(new L.LRUCache({ max }), f),
    'quick-lru': (max, f) => wrapper(new L.QuickLRU({ maxSize: max }), f),
    'tiny-lru': (max, f) => wrapper(L.tinyLru(max), f),
    'mnemonist LRUCache': (max, f) => wrapper(new L.MnLRUCache(max), f),
    'mnemonist LRUMap': (max, f) => wrapper(new L.MnLRUMap(max), f),
  };
  const SEQ_STRINGS = seqStrings();
  const ZIPF_IDS = smallZipf();
  const ZIPF_STRINGS = ZIPF_IDS.map((k) => `user:${k}`);
  const hit = (id, fn, keys = SEQ) => ({ id, group: 'hit', fn, keys, st: { j: 0 } });
  const cases = [
    hit('Map closure', floor(double())),
    hit('ours unbounded', memoize(double(), { max: Infinity })),
    hit('ours bounded', memoize(double())),
    hit('ours unbounded, string keys', memoize(len(), { max: Infinity }), SEQ_STRINGS),
    hit('ours bounded, string keys', memoize(len()), SEQ_STRINGS),
    hit('lodash/memoize', L.lodash(double())),
    hit('fast-memoize', L.fastMemoize(double())),
    hit('nano-memoize', L.nano(double())),
    hit('memoize', L.memoize(double())),
    hit('memoizee', L.memoizee(double(), { primitive: true })),
    hit('micro-memoize', L.micro(double(), { maxSize: 500 })),
    hit('moize', L.moize(double(), { maxSize: 500 })),
    hit('reselect weakMapMemoize', L.reselect.weakMapMemoize(double())),
    ...Object.entries(lru).map(([id, make]) => hit(id, make(500, double()))),
  ];
  for (const [suffix, keys, f] of [['numbers', ZIPF_IDS, double], ['strings', ZIPF_STRINGS, len], ['large numbers', ZIPF, double]]) {
    const churn = (id, fn) => ({ id: `churn ${suffix}: ${id}`, group: 'churn', fn, keys, st: { j: 0 } });
    cases.push(churn('ours', memoize(f(), { max: 1000 })));
    for (const [id, make] of Object.entries(lru)) cases.push(churn(id, make(1000, f())));
  }
  // What else a service has hot, as in the mixed process: 2-argument, structural, ttl and small
  // bounded memoizers of ours, with number, string and object keys.
  const others = [memoize((a, b) => a + b), memoize((a, b) => a * b, { max: Infinity }), memoize((o) => o.a, { key: 'structural' })];
  const ones = [memoize((x) => x, { ttl: 60_000 }), memoize((x) => x, { max: 64 }), memoize((x) => x, { max: Infinity })];
  const objects = Array.from({ length: 128 }, (_, i) => ({ i }));
  for (let i = 0; i < 200_000; i++) {
    others[0](i & 63, i & 7);
    others[1](i & 63, `${i & 7}`);
    others[2]({ a: i & 15 });
    for (const f of ones) f(i % 3 === 0 ? (i * 2654435761) % 5000 : i % 3 === 1 ? `k${i & 255}` : objects[i & 127]);
  }
  for (const c of cases) c.samples = [];
  let sink = 0;
  const run = (c, n) => loop(c.fn, c.keys, n, c.st);
  for (const c of cases) for (let w = 0; w < 6; w++) sink += run(c, opsPerRound);
  // `only` (experiments): every case is built and warmed, so the call site is as crowded, but only these are timed.
  const timed = only === undefined ? cases : cases.filter((c) => only.some((id) => c.id.includes(id)));
  for (let r = 0; r < rounds; r++) {
    for (const c of r % 2 ? [...timed].reverse() : timed) {
      const t0 = cpuNs();
      sink += run(c, opsPerRound);
      c.samples.push((cpuNs() - t0) / opsPerRound);
    }
  }
  const out = {};
  for (const c of timed) out[c.id] = c.samples;
  out.sink = sink % 7;
  return out;
}

/**
 * Bytes per entry in a crowded process (run with --expose-gc): the crowd and our memoizers are
 * exercised with numbers, strings and objects first, then one cache (`id`) is filled with 100,000
 * entries. Keys are made before the baseline (they are the caller's), values are small integers.
 */
async function crowdedMemoryChild({ impl, id, keyKind }) {
  const gc = globalThis.gc;
  if (typeof gc !== 'function') throw new Error('crowded memory child needs --expose-gc');
  const O = await import(pathToFileURL(impl ?? IMPL).href);
  const L = await loadCrowd();
  const warm = [O.memoize((x) => x, { max: 64 }), O.memoize((x) => x, { max: Infinity }), L.lodash((x) => x), L.moize((x) => x), L.memoizee((x) => x, { primitive: true })];
  const objects = Array.from({ length: 64 }, (_, i) => ({ i }));
  for (let i = 0; i < 100_000; i++) for (const f of warm) f(i % 3 === 0 ? i & 1023 : i % 3 === 1 ? `k${i & 1023}` : objects[i & 63]);
  const N = 100_000;
  const out = {};
  const builders = {
    'raw Map': () => { const m = new Map(); return { keep: m, put: (k, v) => m.set(k, v) }; },
    'ours memoize': () => { let v = 0; const f = O.memoize(() => v, { max: N }); return { keep: f, put: (k, value) => { v = value; f(k); } }; },
    'ours LruMap': () => { const m = new O.LruMap(N); return { keep: m, put: (k, v) => m.set(k, v) }; },
    'lru-cache': () => { const m = new L.LRUCache({ max: N }); return { keep: m, put: (k, v) => m.set(k, v) }; },
    'mnemonist LRUMap': () => { const m = new L.MnLRUMap(N); return { keep: m, put: (k, v) => m.set(k, v) }; },
  };
  /** One cache's bytes per entry (one cache per process: nothing else is built or dropped meanwhile). */
  const measure = (build, keys) => {
    for (let i = 0; i < 3; i++) gc();
    const before = process.memoryUsage();
    const t = build();
    for (let i = 0; i < N; i++) t.put(keys[i], i & 1023);
    for (let i = 0; i < 3; i++) gc();
    const after = process.memoryUsage();
    if (typeof t.keep !== 'object' && typeof t.keep !== 'function') throw new Error('cache lost');
    return (after.heapUsed + after.external - before.heapUsed - before.external) / N;
  };
  const keys = Array.from({ length: N }, (_, i) => (keyKind === 'numbers' ? 1_000_000 + i * 13 : `user:${1_000_000 + i * 13}`));
  out[`${id} ${keyKind}`] = measure(builders[id], keys);
  return out;
}

/** The case a crowded-process row is compared with (undefined: none). */
export function crowdReference(id) {
  if (id.startsWith('churn ')) return id.endsWith(': ours') ? undefined : `${id.slice(0, id.indexOf(':'))}: ours`;
  if (id.startsWith('ours bounded')) return id.replace('bounded', 'unbounded');
  if (id === 'ours unbounded') return 'Map closure';
  if (id === 'Map closure' || id.startsWith('ours ')) return undefined;
  return 'ours unbounded';
}

/**
 * The crowded-process workload: `runs` fresh processes of `crowdedChild`; per run, each case's
 * median ns and the ratios the targets use, each the median of its per-round ratios in that run.
 */
export async function runCrowdedProcess({ quick, runs: runsOverride, impl }) {
  const runs = runsOverride ?? (quick ? 2 : 5);
  const spec = { kind: 'crowded', rounds: quick ? 5 : 11, opsPerRound: quick ? 100_000 : 500_000, impl };
  const result = { runs: [], memory: [], rounds: spec.rounds };
  const perRound = (out, a, b) => median(out[a].map((x, i) => x / out[b][i]));
  for (let run = 0; run < runs; run++) {
    const out = await child(spec);
    delete out.sink;
    const ns = Object.fromEntries(Object.entries(out).map(([id, samples]) => [id, median(samples)]));
    const ratios = {
      unboundedClosure: perRound(out, 'ours unbounded', 'Map closure'),
      boundedUnbounded: perRound(out, 'ours bounded', 'ours unbounded'),
      boundedUnboundedStrings: perRound(out, 'ours bounded, string keys', 'ours unbounded, string keys'),
    };
    for (const kind of CHURN_KINDS) {
      // Fastest LRU library of this run (by median), and its time over ours (> 1: ours is faster).
      const best = CROWD_LRU.map((id) => `churn ${kind}: ${id}`).reduce((a, b) => (ns[a] < ns[b] ? a : b));
      ratios[`churn ${kind}`] = perRound(out, best, `churn ${kind}: ours`);
      ratios[`churn ${kind} best`] = best.slice(`churn ${kind}: `.length);
      ratios[`churn ${kind} quick-lru`] = perRound(out, `churn ${kind}: quick-lru`, `churn ${kind}: ours`);
    }
    const pairs = {};
    for (const id of Object.keys(out)) {
      const ref = crowdReference(id);
      if (ref === undefined) continue;
      // Churn and library rows: their time over ours (> 1: ours is faster); our hit rows: ours over the reference.
      pairs[`${id} / ${ref}`] = perRound(out, id, ref);
    }
    result.runs.push({ ns, ratios, pairs });
  }
  for (let run = 0; run < (quick ? 1 : 3); run++) {
    const sample = {};
    for (const keyKind of ['numbers', 'strings']) {
      for (const id of CROWD_MEMORY) Object.assign(sample, await child({ kind: 'crowded-memory', impl, id, keyKind }, { flags: ['--expose-gc'] }));
    }
    result.memory.push(sample);
  }
  return result;
}

/** Run a child process of this file; its last stdout line is JSON. */
function child(spec, { timeout = 180_000, flags = [] } = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...flags, THIS_FILE, `--child=${JSON.stringify(spec)}`], { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
    let out = '';
    let err = '';
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeout);
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('exit', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').at(-1);
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(last));
      } catch (e) {
        reject(new Error(`child ${spec.kind}/${spec.mode ?? spec.lib ?? ''} failed (${e.message}): ${err.trim().split('\n').slice(-3).join(' | ')}`));
      }
    });
  });
}

/**
 * The mixed-process workload: per-op ns for each case, isolated and mixed (median of all rounds
 * of every run), and for the mixed process the ratios taken inside each run (`mixedRatios`), whose
 * median is the figure the targets use: a ratio of two cases in one process does not carry the
 * few-percent offsets (code placement, JIT timing) that one whole process has against another.
 */
export async function runMixedProcess({ quick }) {
  const spec = { kind: 'mixed', rounds: quick ? 5 : 15, opsPerRound: quick ? 200_000 : 1_000_000 };
  const result = { isolated: {}, mixed: {}, mixedRatios: { unboundedFloor: [], boundedUnbounded: [], mnemonistOurs: [] } };
  const modes = ['isolated-floor', 'isolated-unbounded', 'isolated-bounded', 'isolated-churn-ours', 'isolated-churn-mnemonist', 'mixed'];
  // Several passes, so each kind of process runs at different moments of the machine's noise;
  // the mixed process runs twice per pass.
  const all = {};
  for (let pass = 0; pass < (quick ? 1 : 3); pass++) {
    for (const mode of [...modes, ...(quick ? [] : ['mixed'])]) {
      const out = await child({ ...spec, mode });
      const where = mode === 'mixed' ? 'mixed' : 'isolated';
      for (const [id, samples] of Object.entries(out)) {
        if (id === 'sink') continue;
        ((all[where] ??= {})[id] ??= []).push(...samples);
      }
      if (mode === 'mixed') {
        const m = Object.fromEntries(Object.entries(out).filter(([id]) => id !== 'sink').map(([id, samples]) => [id, median(samples)]));
        result.mixedRatios.unboundedFloor.push(m.unbounded / m.floor);
        result.mixedRatios.boundedUnbounded.push(m.bounded / m.unbounded);
        result.mixedRatios.mnemonistOurs.push(m['churn-mnemonist'] / m['churn-ours']);
      }
    }
  }
  for (const where of ['isolated', 'mixed']) for (const [id, samples] of Object.entries(all[where])) result[where][id] = median(samples);
  return result;
}

// ---------------------------------------------------------------------------------------------
// shared-store
// ---------------------------------------------------------------------------------------------

async function freePort() {
  return await new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export const REDIS_INSTALL = 'apt-get update && apt-get install -y redis-server';

async function startRedis() {
  try {
    execFileSync('/bin/sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' });
  } catch {
    throw new Error(`redis-server is not installed (install it with: ${REDIS_INSTALL})`);
  }
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Ready to accept connections')) resolve();
    });
    proc.once('exit', () => reject(new Error(`redis-server exited: ${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    version: execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).match(/v=(\S+)/)?.[1] ?? '?',
    pause: () => proc.kill('SIGSTOP'),
    resume: () => proc.kill('SIGCONT'),
    cli: (...args) => execFileSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).trim(),
    stop: () => {
      proc.kill('SIGCONT');
      proc.kill('SIGKILL');
    },
  };
}

/** A memoized/cached `fn(key)` per library, on connections to `url`. Returns { call, close }. */
async function makeShared(lib, url, fn, { name, l1 = true, ttlMs = 60_000 } = {}) {
  if (lib === 'ours' || lib === 'ours-plain') {
    const { memoize } = await import(pathToFileURL(path.join(DIST, 'index.js')).href);
    if (lib === 'ours-plain') return { call: memoize(fn, { ttl: ttlMs }), close: async () => {} };
    const { redisStore } = await import(pathToFileURL(path.join(DIST, 'redis.js')).href);
    const { Redis } = await import('ioredis');
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true });
    client.on('error', () => {});
    await client.connect();
    const store = redisStore(client, { prefix: 'bench:' });
    await store.ready();
    const call = memoize(fn, { store, name, ttl: ttlMs, max: l1 ? 500 : 1 });
    return { call, close: async () => { await store.close(); client.disconnect(); } };
  }
  if (lib === 'bentocache') {
    const { BentoCache, bentostore } = await import('bentocache');
    const { memoryDriver } = await import('bentocache/drivers/memory');
    const { redisDriver, redisBusDriver } = await import('bentocache/drivers/redis');
    const { Redis } = await import('ioredis');
    const connection = new Redis(url);
    connection.on('error', () => {});
    let store = bentostore();
    if (l1) store = store.useL1Layer(memoryDriver({ maxItems: 500 }));
    store = store.useL2Layer(redisDriver({ connection, prefix: `bench-bento-${name}` }));
    if (l1) store = store.useBus(redisBusDriver({ connection: { host: '127.0.0.1', port: Number(new URL(url).port) } }));
    const bento = new BentoCache({ default: 's', stores: { s: store } });
    return {
      call: (k) => bento.getOrSet({ key: String(k), factory: () => fn(k), ttl: ttlMs }),
      close: async () => { await bento.disconnectAll().catch(() => {}); connection.disconnect(); },
    };
  }
  if (lib === 'cacheable') {
    const { Cacheable } = await import('cacheable');
    const { default: KeyvRedis } = await import('@keyv/redis');
    const { Keyv } = await import('keyv');
    const secondary = new Keyv({ store: new KeyvRedis(url), namespace: `bench-cacheable-${name}` });
    secondary.on('error', () => {});
    const cache = new Cacheable({ secondary, ttl: ttlMs });
    return {
      call: (k) => cache.getOrSet(String(k), () => fn(k)),
      close: async () => { await cache.disconnect().catch(() => {}); },
    };
  }
  throw new Error(`unknown lib ${lib}`);
}

/** A child of the shared-store workload. */
async function sharedChild(spec) {
  const { lib, url, mode, name } = spec;
  if (mode === 'stampede') {
    const { Redis } = await import('ioredis');
    const counter = new Redis(url);
    const fn = async (k) => {
      await counter.incr(`${name}:runs`);
      await sleep(100);
      return `v${k}`;
    };
    const c = await makeShared(lib, url, fn, { name });
    while ((await counter.get(`${name}:go`)) === null) await sleep(5);
    const values = await Promise.all(Array.from({ length: 50 }, () => c.call(7)));
    await c.close();
    counter.disconnect();
    return { ok: values.every((v) => v === 'v7') };
  }
  throw new Error(`unknown shared mode ${mode}`);
}

/**
 * Awaited calls of each case's `call` over its `keys`, in rounds interleaved with the other cases.
 * Per case: `samples` (ns per call, wall or CPU time per `wall`) and `cpu` (CPU ns per call), one
 * per round; `ns` is the median of `samples`.
 */
async function timeAwaited(cases, { rounds, ops, wall = false }) {
  for (const c of cases) {
    c.samples = [];
    c.cpu = [];
  }
  for (let r = 0; r < rounds; r++) {
    for (const c of r % 2 ? [...cases].reverse() : cases) {
      const w0 = Number(process.hrtime.bigint());
      const c0 = cpuNs();
      for (let i = 0; i < ops; i++) await c.call(c.keys[i % c.keys.length]);
      const cpu = (cpuNs() - c0) / ops;
      c.cpu.push(cpu);
      c.samples.push(wall ? (Number(process.hrtime.bigint()) - w0) / ops : cpu);
    }
  }
  for (const c of cases) c.ns = median(c.samples);
}

/** The median over rounds of `a`'s time / `b`'s time (both timed by `timeAwaited` together). */
const roundRatio = (a, b, field = 'samples') => median(a[field].map((x, i) => x / b[field][i]));

export async function runSharedStore({ quick }) {
  const redis = await startRedis();
  const result = { redisVersion: redis.version, inProcess: {}, redisTier: {}, stampede: {}, down: {} };
  const libs = ['ours', 'bentocache', 'cacheable'];
  const value = async (k) => ({ id: k, at: new Date(0) });
  try {
    // In-process hit: 100 hot keys, filled first; awaited calls.
    const hot = Array.from({ length: 100 }, (_, i) => i);
    const inCases = [];
    for (const lib of ['ours-plain', ...libs]) {
      const c = await makeShared(lib, redis.url, value, { name: `hit-${lib}` });
      for (const k of hot) await c.call(k);
      inCases.push({ lib, call: c.call, close: c.close, keys: hot });
    }
    await timeAwaited(inCases, { rounds: quick ? 3 : 11, ops: quick ? 20_000 : 100_000 });
    for (const c of inCases) result.inProcess[c.lib] = c.ns;
    const oursIn = inCases.find((c) => c.lib === 'ours');
    result.inProcessVsOurs = Object.fromEntries(inCases.map((c) => [c.lib, roundRatio(c, oursIn)]));
    for (const c of inCases) await c.close();

    // Redis-tier hit: no in-process tier (ours: max 1 over 100 keys; bentocache: L2 only), wall and
    // CPU time; beside them one plain GET of the same value (the round trip itself, for reference).
    const tierCases = [];
    for (const lib of ['ours', 'bentocache']) {
      const c = await makeShared(lib, redis.url, value, { name: `tier-${lib}`, l1: false });
      for (const k of hot) await c.call(k);
      tierCases.push({ lib, call: c.call, close: c.close, keys: hot });
    }
    {
      const { Redis } = await import('ioredis');
      const raw = new Redis(redis.url);
      tierCases.push({ lib: 'GET', call: (k) => raw.get(`bench:{tier-ours}:[n${k};]`), close: async () => raw.disconnect(), keys: hot });
    }
    await timeAwaited(tierCases, { rounds: quick ? 3 : 11, ops: quick ? 500 : 1000, wall: true });
    const oursTier = tierCases.find((c) => c.lib === 'ours');
    for (const c of tierCases) {
      result.redisTier[c.lib] = { ns: c.ns, cpu: median(c.cpu), vsOurs: roundRatio(c, oursTier), cpuVsOurs: roundRatio(c, oursTier, 'cpu') };
    }
    for (const c of tierCases) await c.close();

    // Stampede: 3 processes × 50 concurrent calls on one cold key.
    for (const lib of libs) {
      const name = `stampede-${lib}-${Date.now()}`;
      const kids = [0, 1, 2].map(() => child({ kind: 'shared', mode: 'stampede', lib, url: redis.url, name }));
      await sleep(quick ? 1500 : 2500); // every process connected
      redis.cli('SET', `${name}:go`, '1');
      const outs = await Promise.all(kids);
      result.stampede[lib] = { runs: Number(redis.cli('GET', `${name}:runs`)), ok: outs.every((o) => o.ok) };
    }

    // Redis down (paused, connections open): one cold call, capped.
    const cap = quick ? 5_000 : 15_000;
    for (const lib of libs) {
      const c = await makeShared(lib, redis.url, async (k) => `v${k}`, { name: `down-${lib}` });
      redis.pause();
      const t0 = performance.now();
      const outcome = await Promise.race([
        c.call(12345).then(
          (v) => (v === 'v12345' ? 'value' : `wrong value ${v}`),
          (e) => `error: ${String(e?.message ?? e).split('\n')[0]}`,
        ),
        sleep(cap).then(() => 'pending'),
      ]);
      const ms = performance.now() - t0;
      redis.resume();
      result.down[lib] = { ms, outcome, cap };
      await Promise.race([c.close(), sleep(2000)]);
    }
  } finally {
    redis.stop();
  }
  return result;
}

const childSpec = process.argv.find((a) => a.startsWith('--child='));
if (childSpec) {
  const spec = JSON.parse(childSpec.slice('--child='.length));
  ({ mixed: mixedChild, crowded: crowdedChild, 'crowded-memory': crowdedMemoryChild }[spec.kind] ?? sharedChild)(spec).then(
    (out) => {
      console.log(JSON.stringify(out));
      process.exit(0);
    },
    (e) => {
      console.error(e?.stack ?? e);
      process.exit(1);
    },
  );
}
