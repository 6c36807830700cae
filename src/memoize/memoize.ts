import { DEFAULT_MAX, validateKey, validateMax, validateOptionsObject, validateTtl } from './options.js';
import { NIL, SieveStore } from './sieve-store.js';
import { structuralKey } from './structural-key.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the public types must accept every function */

export interface MemoizeOptions<A extends unknown[]> {
  /** Most entries kept (default 500); `Infinity` is the explicit unbounded mode. */
  max?: number;
  /** Milliseconds an entry lives after it is computed (default: forever). */
  ttl?: number;
  /** How arguments become a key (default 'identity'). */
  key?: 'identity' | 'structural' | ((...args: A) => unknown);
}

/** Like Python's `cache_info()`. `maxsize` is `Infinity` in unbounded mode. */
export interface CacheInfo {
  hits: number;
  misses: number;
  maxsize: number;
  currsize: number;
  /** Entries dropped to make room under `max` (not expiries, deletions or rejections). */
  evictions: number;
}

export type Memoized<F extends (...args: any[]) => any> = F & {
  /** Hits, misses, bound and current number of entries. */
  cacheInfo(): CacheInfo;
  /** Drop every entry and reset the counters. */
  cacheClear(): void;
  /** Drop the entry for these arguments; whether there was one. */
  cacheDelete(...args: Parameters<F>): boolean;
};

type AnyFn = (this: unknown, ...args: unknown[]) => unknown;

/** What a cache flavour builds: the memoized function and its three methods. */
interface Parts {
  memoized: AnyFn;
  info: () => CacheInfo;
  clear: () => void;
  remove: (args: unknown[]) => boolean;
}

/** Objects and functions: what a WeakMap can hold. */
function isRef(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/**
 * What a miss caches and returns for `value`: `value` itself, except for a thenable that is not a
 * native promise (a lazy query builder runs its work on every `then`), which is adopted once by
 * `Promise.resolve` so that the memoizer and every caller share one run.
 */
function adopt(value: unknown): unknown {
  if (!isRef(value) || value instanceof Promise) return value;
  let then: unknown;
  try {
    then = (value as { then?: unknown }).then;
  } catch {
    return value;
  }
  return typeof then === 'function' ? Promise.resolve(value) : value;
}

/**
 * If `value` is a thenable, call `drop` when it rejects. Runs on a miss only. The listener is
 * attached before `value` is returned to anyone, so by the time a caller sees the rejection the
 * entry is gone and a retry runs `fn` again.
 */
function onRejection(value: unknown, drop: () => void): void {
  if (!isRef(value)) return;
  try {
    const then = (value as { then?: unknown }).then;
    if (typeof then === 'function') then.call(value, undefined, drop);
  } catch {
    // A thenable whose `then` throws: nothing to listen to; it stays cached like any value.
  }
}

/** The store key of an entry of 0 or 2+ arguments (1-argument entries use the argument itself). */
class ArgList {
  readonly args: unknown[];
  /** The entry's slot in the store (bounded mode). */
  slot = NIL;
  constructor(args: unknown[]) {
    this.args = args;
  }
}
const NO_ARGS = new ArgList([]);

// ---------------------------------------------------------------------------------------------
// Unbounded identity mode: nested Map / WeakMap levels, one per argument position, ending in the
// value itself. Object arguments sit in WeakMaps, so the cache never keeps them alive.
// ---------------------------------------------------------------------------------------------

/** One argument position: primitives in a Map, objects and functions in a WeakMap. */
class Level {
  strong: Map<unknown, unknown> | undefined = undefined;
  weak: WeakMap<object, unknown> | undefined = undefined;

  get(key: unknown): unknown {
    return isRef(key) ? this.weak?.get(key) : this.strong?.get(key);
  }

  has(key: unknown): boolean {
    return isRef(key) ? this.weak?.has(key) === true : this.strong?.has(key) === true;
  }

  set(key: unknown, value: unknown): void {
    if (isRef(key)) (this.weak ??= new WeakMap()).set(key, value);
    else (this.strong ??= new Map()).set(key, value);
  }

  delete(key: unknown): boolean {
    return isRef(key) ? this.weak?.delete(key) === true : this.strong?.delete(key) === true;
  }

  /** Known empty (a level that ever held an object may hold collected entries: never "empty"). */
  isEmpty(): boolean {
    return this.weak === undefined && (this.strong === undefined || this.strong.size === 0);
  }
}

/** The leaf level for `args` (all but the last argument walked), created on demand. */
function levelPath(root: Level, args: ArrayLike<unknown>, create: boolean): Level | undefined {
  let level = root;
  for (let i = 0; i < args.length - 1; i++) {
    let next = level.get(args[i]) as Level | undefined;
    if (next === undefined) {
      if (!create) return undefined;
      level.set(args[i], (next = new Level()));
    }
    level = next;
  }
  return level;
}

/** Delete the entry for `args` below `level`, pruning levels left empty; whether it existed. */
function levelDelete(level: Level, args: ArrayLike<unknown>, i: number): boolean {
  if (i === args.length - 1) return level.delete(args[i]);
  const child = level.get(args[i]) as Level | undefined;
  if (child === undefined || !levelDelete(child, args, i + 1)) return false;
  if (child.isEmpty()) level.delete(args[i]);
  return true;
}

function unboundedIdentity(fn: AnyFn): Parts {
  let hits = 0;
  let misses = 0;
  let size = 0;
  // f(): one optional value.
  let hasZero = false;
  let zero: unknown = undefined;
  // f(a): the hot path, one level inlined as two maps (`strong1` is const: it is cleared, not replaced).
  const strong1 = new Map<unknown, unknown>();
  let weak1 = new WeakMap<object, unknown>();
  // f(a, b, ...): roots[n] is the first level for calls with n arguments.
  let roots: (Level | undefined)[] = [];
  let root2 = (roots[2] = new Level());

  // The entry point is kept tiny (one Map.get on a hit) so that it inlines into its callers;
  // everything else is out of line.
  function memoized(this: unknown, a: unknown, b: unknown): unknown {
    const n = arguments.length;
    if (n === 1) {
      // Primitives first, with no type test: objects are never in `strong1` and miss it quickly.
      const value = strong1.get(a);
      if (value !== undefined) {
        hits++;
        return value;
      }
      return other1(this, a);
    }
    if (n === 2) return call2(this, a, b);
    // eslint-disable-next-line prefer-rest-params -- `apply(this, arguments)` forwards without allocating
    return general.apply(this, arguments as unknown as unknown[]);
  }

  /** One argument, not a primitive cached with a defined value. */
  function other1(thisArg: unknown, a: unknown): unknown {
    if (strong1.has(a)) {
      hits++;
      return undefined;
    }
    if (isRef(a)) {
      const held = weak1.get(a);
      if (held !== undefined || weak1.has(a)) {
        hits++;
        return held;
      }
    }
    return miss1(thisArg, a);
  }

  function call2(thisArg: unknown, a: unknown, b: unknown): unknown {
    const level = root2.get(a) as Level | undefined;
    if (level !== undefined) {
      const value = level.get(b);
      if (value !== undefined || level.has(b)) {
        hits++;
        return value;
      }
    }
    return missN(thisArg, [a, b]);
  }

  function general(this: unknown, ...args: unknown[]): unknown {
    if (args.length === 0) {
      if (hasZero) {
        hits++;
        return zero;
      }
    } else {
      const leaf = roots[args.length] === undefined ? undefined : levelPath(roots[args.length] as Level, args, false);
      const last = args[args.length - 1];
      if (leaf !== undefined) {
        const value = leaf.get(last);
        if (value !== undefined || leaf.has(last)) {
          hits++;
          return value;
        }
      }
    }
    return missN(this, args);
  }

  function miss1(thisArg: unknown, a: unknown): unknown {
    misses++;
    const value = adopt(fn.call(thisArg, a));
    // Re-check: `fn` may have re-entered and stored `a` already.
    if (isRef(a)) {
      if (!weak1.has(a)) size++;
      weak1.set(a, value);
    } else {
      if (!strong1.has(a)) size++;
      strong1.set(a, value);
    }
    onRejection(value, () => {
      const removed = isRef(a)
        ? weak1.get(a) === value && weak1.delete(a)
        : strong1.get(a) === value && strong1.has(a) && strong1.delete(a);
      if (removed) size--;
    });
    return value;
  }

  function missN(thisArg: unknown, args: unknown[]): unknown {
    misses++;
    const value = adopt(fn.apply(thisArg, args));
    if (args.length === 0) {
      if (!hasZero) size++;
      hasZero = true;
      zero = value;
      onRejection(value, () => {
        if (hasZero && zero === value) {
          hasZero = false;
          zero = undefined;
          size--;
        }
      });
      return value;
    }
    const root = (roots[args.length] ??= new Level());
    const leaf = levelPath(root, args, true) as Level;
    const last = args[args.length - 1];
    if (!leaf.has(last)) size++;
    leaf.set(last, value);
    onRejection(value, () => {
      const current = roots[args.length] === undefined ? undefined : levelPath(roots[args.length] as Level, args, false);
      if (current !== undefined && current.get(last) === value && current.has(last)) {
        levelDelete(roots[args.length] as Level, args, 0);
        size--;
      }
    });
    return value;
  }

  return {
    memoized,
    info: () => ({ hits, misses, maxsize: Infinity, currsize: size, evictions: 0 }),
    clear: () => {
      hits = misses = size = 0;
      hasZero = false;
      zero = undefined;
      strong1.clear();
      weak1 = new WeakMap();
      roots = [];
      root2 = roots[2] = new Level();
    },
    remove: (args) => {
      let removed: boolean;
      if (args.length === 0) {
        removed = hasZero;
        hasZero = false;
        zero = undefined;
      } else if (args.length === 1) {
        const a = args[0];
        removed = isRef(a) ? weak1.delete(a) : strong1.delete(a);
      } else {
        const root = roots[args.length];
        removed = root !== undefined && levelDelete(root, args, 0);
      }
      if (removed) size--;
      return removed;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Bounded identity mode (and any mode with a ttl): entries in a SieveStore, whose index Map is
// also its queue. One argument: the argument is the store key. 0 or 2+ arguments: the store key
// is an ArgList, found through nested Maps per argument position (a trie) whose leaves hold it.
// ---------------------------------------------------------------------------------------------

type Trie = Map<unknown, unknown>;

function trieLeaf(root: Trie | undefined, args: ArrayLike<unknown>, create: boolean): Trie | undefined {
  let map = root;
  for (let i = 0; map !== undefined && i < args.length - 1; i++) {
    let next = map.get(args[i]) as Trie | undefined;
    if (next === undefined && create) map.set(args[i], (next = new Map()));
    map = next;
  }
  return map;
}

/** Delete `args` below `map`, pruning maps left empty; returns whether `map` is now empty. */
function trieDelete(map: Trie, args: ArrayLike<unknown>, i: number): boolean {
  if (i === args.length - 1) {
    map.delete(args[i]);
  } else {
    const child = map.get(args[i]) as Trie | undefined;
    if (child !== undefined && trieDelete(child, args, i + 1)) map.delete(args[i]);
  }
  return map.size === 0;
}

/**
 * If `value` is a thenable, drop its entry (`key` in `slot`) when it rejects, if the entry still
 * holds it. Called on a miss with an object value only; the closure exists only for thenables.
 */
function watchStore(store: SieveStore<unknown, unknown>, key: unknown, slot: number, value: object, dropped: (key: unknown) => void): void {
  try {
    const then = (value as { then?: unknown }).then;
    if (typeof then !== 'function') return;
    then.call(value, undefined, () => {
      if (store.index.get(key) === slot && store.values[slot] === value) {
        store.release(key, slot);
        dropped(key);
      }
    });
  } catch {
    // A thenable whose `then` throws: nothing to listen to; it stays cached like any value.
  }
}

function boundedIdentity(fn: AnyFn, max: number, ttl: number): Parts {
  let hits = 0;
  let misses = 0;
  let evictions = 0;
  // Counts calls of `fn` (never reset): unchanged across a call means `fn` did not re-enter.
  let entered = 0;
  const hasTtl = ttl > 0;
  const store = new SieveStore<unknown, unknown>(max, ttl);
  // Store key -> slot; also the index of 1-argument calls (the argument is the key).
  const index = store.index;
  // f(a, b, ...): roots[n] nests one Map per argument, the last one maps to the entry's ArgList.
  let roots: (Trie | undefined)[] = [];
  let root2: Trie = (roots[2] = new Map());
  // The store's arrays, hoisted for the hit path; refreshed whenever the store may replace them.
  let values = store.values;
  let visited = store.visited;

  /** Remove the trie path of a store key the store dropped (evicted, expired, rejected). */
  function unindex(key: unknown): void {
    if (key instanceof ArgList && key.args.length !== 0) {
      const root = roots[key.args.length];
      if (root !== undefined) trieDelete(root, key.args, 0);
    }
  }

  /** The store key of these arguments, if they have an entry. */
  function storeKey(args: ArrayLike<unknown>): unknown {
    const n = args.length;
    if (n === 0) return NO_ARGS;
    if (n === 1) return args[0];
    return trieLeaf(roots[n], args, false)?.get(args[n - 1]);
  }

  /** Drop the entry of store key `key` in `slot`. */
  function drop(key: unknown, slot: number): void {
    store.release(key, slot);
    unindex(key);
  }

  function memoized(this: unknown, a: unknown, b: unknown): unknown {
    const n = arguments.length;
    if (n === 1) {
      const slot = index.get(a);
      if (slot !== undefined) {
        hits++;
        visited[slot] = 1;
        return values[slot];
      }
      return miss(this, a, undefined);
    }
    if (n === 2) {
      const leaf = root2.get(a) as Trie | undefined;
      if (leaf !== undefined) {
        const key = leaf.get(b) as ArgList | undefined;
        if (key !== undefined) {
          hits++;
          visited[key.slot] = 1;
          return values[key.slot];
        }
      }
      return miss(this, undefined, [a, b]);
    }
    // eslint-disable-next-line prefer-rest-params -- `apply(this, arguments)` forwards without allocating
    return general.apply(this, arguments as unknown as unknown[]);
  }

  /** With a ttl: every hit checks the deadline. */
  function memoizedTtl(this: unknown): unknown {
    // eslint-disable-next-line prefer-rest-params -- no rest array on the hit path
    const args = arguments as unknown as unknown[];
    const key = storeKey(args);
    const slot = key === undefined && args.length !== 1 ? undefined : index.get(key);
    if (slot !== undefined) {
      if (!store.isExpired(slot)) {
        hits++;
        visited[slot] = 1;
        return values[slot];
      }
      drop(key, slot);
    }
    return args.length === 1 ? miss(this, args[0], undefined) : miss(this, undefined, Array.prototype.slice.call(args));
  }

  function general(this: unknown, ...args: unknown[]): unknown {
    const key = storeKey(args);
    const slot = key === undefined ? undefined : index.get(key);
    if (slot !== undefined) {
      hits++;
      visited[slot] = 1;
      return values[slot];
    }
    return miss(this, undefined, args);
  }

  /**
   * Every miss of every arity. `args` is undefined for a 1-argument call (whose store key is `a`),
   * else the argument list. Kept as one function on purpose: its bytecode is over V8's inlining
   * limit (460 bytes; it is about 510), so it is never inlined into the entry points, which stay
   * a few loads and inline into their callers (a 1-argument hit is one Map.get, a bit write and an
   * array load). Split it, or shrink it much, and V8 inlines the miss path (with the whole store)
   * into every caller that ever missed, which slows the hits of every bounded cache measurably.
   * (Reading `store.values` / `store.visited` on the hit path instead of the hoisted copies
   * measured 1.26–1.28× the unbounded hit in the full bench, vs 1.11×: keep the copies.)
   */
  function miss(thisArg: unknown, a: unknown, args: unknown[] | undefined): unknown {
    misses++;
    const mark = (entered = (entered + 1) | 0);
    let value: unknown;
    let key: unknown;
    let slot: number | undefined;
    if (args === undefined) {
      // A plain call when there is no `this` (the common case) keeps the call site cheap.
      value = adopt(thisArg === undefined ? fn(a) : fn.call(thisArg, a));
      key = a;
      // If `fn` re-entered, it may have stored `a` already: then overwrite in place.
      if (entered !== mark) slot = index.get(a);
    } else {
      value = adopt(fn.apply(thisArg, args));
      key = storeKey(args);
      slot = key === undefined ? undefined : index.get(key);
    }
    if (slot !== undefined) {
      store.values[slot] = value;
    } else {
      let list: ArgList | undefined;
      if (args !== undefined) key = args.length === 0 ? NO_ARGS : (list = new ArgList(args));
      if (hasTtl) {
        const now = performance.now();
        while (store.purgeOne(now)) unindex(store.dropped);
        store.dropped = undefined;
      }
      // Add first: an eviction may prune the maps the new entry's path goes through.
      slot = store.add(key, value);
      const dropped = store.dropped;
      if (dropped !== undefined) {
        store.dropped = undefined;
        evictions++;
        // Only entries of 0 or 2+ arguments have a trie path to remove.
        if (dropped instanceof ArgList) unindex(dropped);
      }
      values = store.values;
      visited = store.visited;
      if (list !== undefined) {
        list.slot = slot;
        const n = list.args.length;
        const leaf = trieLeaf((roots[n] ??= new Map()), list.args, true) as Trie;
        leaf.set(list.args[n - 1], list);
      }
    }
    if (isRef(value)) watchStore(store, key, slot, value, unindex);
    return value;
  }

  return {
    memoized: hasTtl ? memoizedTtl : memoized,
    info: () => ({ hits, misses, maxsize: max, currsize: index.size, evictions }),
    clear: () => {
      hits = misses = evictions = 0;
      roots = [];
      root2 = roots[2] = new Map();
      store.clear();
      values = store.values;
      visited = store.visited;
    },
    remove: (args) => {
      const key = storeKey(args);
      const slot = key === undefined && args.length !== 1 ? undefined : index.get(key);
      if (slot === undefined) return false;
      drop(key, slot);
      return true;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Keyed modes ('structural' and a resolver): one key per call, then one level, as above.
// ---------------------------------------------------------------------------------------------

function keyed(fn: AnyFn, resolver: AnyFn | undefined, max: number, ttl: number): Parts {
  let hits = 0;
  let misses = 0;
  let evictions = 0;
  const toKey = (thisArg: unknown, args: ArrayLike<unknown>): unknown =>
    resolver === undefined ? structuralKey(args) : resolver.apply(thisArg, args as unknown[]);

  if (max === Infinity && ttl === 0) {
    // Unbounded: object keys (from a resolver) are held weakly.
    let level = new Level();
    let size = 0;
    const memoized = function (this: unknown): unknown {
      // eslint-disable-next-line prefer-rest-params -- no rest array on the hit path
      const args = arguments as unknown as unknown[];
      const key = toKey(this, args);
      const value = level.get(key);
      if (value !== undefined || level.has(key)) {
        hits++;
        return value;
      }
      misses++;
      const result = adopt(fn.apply(this, args));
      if (!level.has(key)) size++;
      level.set(key, result);
      onRejection(result, () => {
        if (level.get(key) === result && level.delete(key)) size--;
      });
      return result;
    };
    return {
      memoized,
      info: () => ({ hits, misses, maxsize: Infinity, currsize: size, evictions: 0 }),
      clear: () => {
        hits = misses = size = 0;
        level = new Level();
      },
      remove: (args) => {
        const removed = level.delete(toKey(undefined, args));
        if (removed) size--;
        return removed;
      },
    };
  }

  const store = new SieveStore<unknown, unknown>(max, ttl);
  const index = store.index;
  const hasTtl = ttl > 0;
  let values = store.values;
  let visited = store.visited;
  const noUnindex = (): void => undefined;
  const memoized = function (this: unknown): unknown {
    // eslint-disable-next-line prefer-rest-params -- no rest array on the hit path
    const args = arguments as unknown as unknown[];
    const key = toKey(this, args);
    let slot = index.get(key);
    if (slot !== undefined) {
      if (!hasTtl || !store.isExpired(slot)) {
        hits++;
        visited[slot] = 1;
        return values[slot];
      }
      store.release(key, slot);
    }
    misses++;
    const value = adopt(fn.apply(this, args));
    slot = index.get(key);
    if (slot === undefined) {
      if (hasTtl) {
        const now = performance.now();
        while (store.purgeOne(now));
      }
      slot = store.add(key, value);
      if (store.dropped !== undefined) {
        store.dropped = undefined;
        evictions++;
      }
      values = store.values;
      visited = store.visited;
    } else {
      store.values[slot] = value;
    }
    if (isRef(value)) watchStore(store, key, slot, value, noUnindex);
    return value;
  };
  return {
    memoized,
    info: () => ({ hits, misses, maxsize: max, currsize: index.size, evictions }),
    clear: () => {
      hits = misses = evictions = 0;
      store.clear();
      values = store.values;
      visited = store.visited;
    },
    remove: (args) => {
      const key = toKey(undefined, args);
      const slot = index.get(key);
      if (slot === undefined) return false;
      store.release(key, slot);
      return true;
    },
  };
}

/**
 * Memoize `fn`: bounded (500 entries by default, SIEVE eviction), keyed on all arguments,
 * promise-aware (a rejection leaves the cache at once), with an optional ttl.
 * `this` is passed to `fn` on a miss but is not part of the key.
 */
export function memoize<F extends (this: any, ...args: any[]) => any>(
  fn: F,
  options?: MemoizeOptions<Parameters<F>>,
): Memoized<F> {
  const target: unknown = fn;
  if (typeof target !== 'function') {
    throw new TypeError(`memoize: \`fn\` must be a function, got ${target === null ? 'null' : typeof target}`);
  }
  validateOptionsObject(options);
  const max: unknown = options?.max === undefined ? DEFAULT_MAX : options.max;
  validateMax(max, 'memoize');
  const ttl: unknown = options?.ttl;
  validateTtl(ttl);
  const key: unknown = options?.key;
  validateKey(key);

  const ttlMs = ttl === undefined || ttl === Infinity ? 0 : ttl;
  const call = fn as AnyFn;
  let parts: Parts;
  if (key === undefined || key === 'identity') {
    parts = max === Infinity && ttlMs === 0 ? unboundedIdentity(call) : boundedIdentity(call, max, ttlMs);
  } else {
    parts = keyed(call, key === 'structural' ? undefined : (key as AnyFn), max, ttlMs);
  }

  const memoized = parts.memoized as Memoized<F>;
  Object.defineProperty(memoized, 'name', { value: fn.name, configurable: true });
  Object.defineProperty(memoized, 'length', { value: fn.length, configurable: true });
  memoized.cacheInfo = parts.info;
  memoized.cacheClear = parts.clear;
  memoized.cacheDelete = (...args: Parameters<F>) => parts.remove(args);
  return memoized;
}
