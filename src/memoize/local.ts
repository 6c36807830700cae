/**
 * The in-process memoizer: entry points (hit paths) per tier and key mode, and the one miss path
 * they all share.
 *
 * The entry points are kept to a few loads each so that they inline into their callers: a
 * 1-argument hit is one `Map.get` (unbounded) or a `Map.get`, a bit write and an array load
 * (bounded). Everything else (other arities, ttl checks, computed keys) goes through the tier's
 * `lookup`, and every miss through `miss`.
 */
import { ArgList, ArgTrie, type KeyFunction, type Level } from './keys.js';
import { adopt, isRef, onRejection } from './promises.js';
import { MapTier, MISS, SieveTier, type Tier } from './tiers.js';

export type AnyFn = (this: unknown, ...args: unknown[]) => unknown;

/** Like Python's `cache_info()`. `maxsize` is `Infinity` in unbounded mode. */
export interface CacheInfo {
  hits: number;
  misses: number;
  maxsize: number;
  currsize: number;
  /** Entries dropped to make room under `max` (not expiries, deletions or rejections). */
  evictions: number;
}

/** What a memoizer flavour builds: the memoized function and what its methods need. */
export interface Parts {
  memoized: AnyFn;
  info: () => CacheInfo;
  clear: () => void;
  remove: (args: unknown[]) => boolean;
}

/** The `key` of an identity call of 0 or 2+ arguments: its `ArgList` is found after the call. */
const BY_ARGS: unique symbol = Symbol('memoize.byArgs');

/**
 * Hits and misses. A field of an object, not a `let` of the closure: V8 increments a captured
 * `let` with a hole check and a boxed load and store, which measured 10-25% of a hit.
 */
class Counters {
  hits = 0;
  misses = 0;
}

/**
 * The miss path of every tier and key mode: run `fn`, adopt a lazy thenable, store the result,
 * and take it out again if it is a promise that rejects. `key` is the entry's key when the caller
 * knows it (1-argument identity calls, computed keys); for identity calls of 0 or 2+ arguments it
 * is found after the call (`fn` may have re-entered and stored the same arguments already).
 * `args` is undefined for a 1-argument identity call (its argument is `key`).
 */
function missPath(fn: AnyFn, tier: Tier, trie: ArgTrie, counters: Counters) {
  return function miss(thisArg: unknown, key: unknown, args: unknown[] | undefined): unknown {
    counters.misses++;
    let value: unknown;
    if (args === undefined) value = thisArg === undefined ? fn(key) : fn.call(thisArg, key);
    else value = fn.apply(thisArg, args);
    value = adopt(value);
    if (key === BY_ARGS) key = trie.insert(args as unknown[]);
    tier.put(key, value);
    if (isRef(value)) {
      const stored = key;
      onRejection(value, () => {
        tier.dropIf(stored, value);
      });
    }
    return value;
  };
}

/** `arguments` as an array, for the miss path (the hit paths never build one). */
function toArray(args: ArrayLike<unknown>): unknown[] {
  return Array.prototype.slice.call(args) as unknown[];
}

/**
 * Memoize in process. `keyOf` is undefined for identity keys. `max: Infinity` without a ttl is
 * the unbounded tier; anything else the bounded one.
 */
export function localMemoize(fn: AnyFn, max: number, ttl: number, keyOf: KeyFunction | undefined): Parts {
  const counters = new Counters();
  const trie = new ArgTrie();
  const forget = keyOf === undefined ? (key: unknown) => {
    if (key instanceof ArgList) trie.forget(key);
  } : () => undefined;
  const unbounded = max === Infinity && ttl === 0;
  const mapTier = unbounded ? new MapTier(forget) : undefined;
  const sieveTier = unbounded ? undefined : new SieveTier(max, ttl, forget);
  const tier: Tier = mapTier ?? (sieveTier as SieveTier);
  const miss = missPath(fn, tier, trie, counters);

  /** Any call through the tier's lookup (computed keys, ttl, 0 or 3+ arguments). */
  function general(this: unknown): unknown {
    // eslint-disable-next-line prefer-rest-params -- no rest array on the hit path
    const args = arguments as unknown as unknown[];
    let key: unknown;
    if (keyOf !== undefined) key = keyOf(this, args);
    else if (args.length === 1) key = args[0];
    else key = trie.find(args);
    if (key !== undefined || args.length === 1 || keyOf !== undefined) {
      const value = tier.lookup(key);
      if (value !== MISS) {
        counters.hits++;
        return value;
      }
    }
    if (keyOf !== undefined) return miss(this, key, toArray(args));
    return args.length === 1 ? miss(this, key, undefined) : miss(this, BY_ARGS, toArray(args));
  }

  let memoized: AnyFn;
  if (keyOf !== undefined || ttl > 0) {
    memoized = general;
  } else if (mapTier !== undefined) {
    const strong = mapTier.strong;
    /** Every call but a 1-argument one: the 2-argument hit path, then `general`. */
    const other = function other(this: unknown, a: unknown, b: unknown): unknown {
      if (arguments.length === 2) {
        const list = (trie.root2.get(a) as Level | undefined)?.get(b) as ArgList | undefined;
        if (list?.filled === true) {
          counters.hits++;
          return list.value;
        }
      }
      // eslint-disable-next-line prefer-rest-params -- `apply(this, arguments)` forwards without allocating
      return general.apply(this, arguments as unknown as []);
    };
    /**
     * A 1-argument call that `strong` did not answer: an object, a stored `undefined`, or a miss.
     * `general` does the same for every tier; this copy looks up the map tier only, so the hit
     * path's callers inline a monomorphic lookup (through `general`, measured 1.04x -> 1.11x).
     */
    const one = function one(thisArg: unknown, a: unknown): unknown {
      const value = mapTier.lookup(a);
      if (value !== MISS) {
        counters.hits++;
        return value;
      }
      return miss(thisArg, a, undefined);
    };
    // One formal, and no `arguments` object on any path of a 1-argument call: a caller that
    // inlines this body (a hot loop) then holds no arguments object and no map constant for one.
    // With the 1-argument miss going through `other.apply(this, arguments)` instead, the hit
    // measured 6% slower in the mixed-process benchmark (1.11x a bare Map closure, now 1.05x).
    memoized = function memoized(this: unknown, a: unknown): unknown {
      // Primitives first, with no type test: objects are never in `strong` and miss it quickly.
      const value = strong.get(a);
      if (arguments.length === 1) {
        if (value !== undefined) {
          counters.hits++;
          return value;
        }
        return one(this, a);
      }
      // eslint-disable-next-line prefer-rest-params -- `apply(this, arguments)` forwards without allocating
      return other.apply(this, arguments as unknown as [unknown, unknown]);
    };
  } else {
    const { index, values, visited } = (sieveTier as SieveTier).store;
    /** Every call of a 1-formal `memoized` but a 1-argument one: the 2-argument hit path, then `general`. */
    const other = function other(this: unknown, a: unknown, b: unknown): unknown {
      if (arguments.length === 2) {
        const list = (trie.root2.get(a) as Level | undefined)?.get(b) as ArgList | undefined;
        if (list !== undefined) {
          counters.hits++;
          visited[list.slot] = 1;
          return values[list.slot];
        }
        return miss(this, BY_ARGS, [a, b]);
      }
      // eslint-disable-next-line prefer-rest-params -- `apply(this, arguments)` forwards without allocating
      return general.apply(this, arguments as unknown as []);
    };
    // As many formals as the calls pass. A call with fewer arguments than formals pads them on every
    // call: in the crowded-process benchmark (a shared call site, so nothing is inlined) a 1-argument
    // hit cost 1.28-1.36x an unbounded one with formals (a, b), 1.07-1.10x with (a) alone. `fn.length`
    // says which count the callers pass; a function that takes rest parameters (length 0) gets (a).
    memoized =
      fn.length >= 2
        ? function memoized(this: unknown, a: unknown, b: unknown): unknown {
            if (arguments.length === 2) {
              const list = (trie.root2.get(a) as Level | undefined)?.get(b) as ArgList | undefined;
              if (list !== undefined) {
                counters.hits++;
                visited[list.slot] = 1;
                return values[list.slot];
              }
              return miss(this, BY_ARGS, [a, b]);
            }
            if (arguments.length === 1) {
              const slot = index.get(a);
              if (slot !== undefined) {
                counters.hits++;
                visited[slot] = 1;
                return values[slot];
              }
              return miss(this, a, undefined);
            }
            // eslint-disable-next-line prefer-rest-params -- `apply(this, arguments)` forwards without allocating
            return general.apply(this, arguments as unknown as []);
          }
        : function memoized(this: unknown, a: unknown): unknown {
            if (arguments.length === 1) {
              const slot = index.get(a);
              if (slot !== undefined) {
                counters.hits++;
                visited[slot] = 1;
                return values[slot];
              }
              return miss(this, a, undefined);
            }
            // eslint-disable-next-line prefer-rest-params -- `apply(this, arguments)` forwards without allocating
            return other.apply(this, arguments as unknown as [unknown, unknown]);
          };
  }

  return {
    memoized,
    info: () => ({
      hits: counters.hits,
      misses: counters.misses,
      maxsize: max,
      currsize: tier.size,
      evictions: tier.evictions,
    }),
    clear: () => {
      counters.hits = counters.misses = tier.evictions = 0;
      tier.clear();
      trie.clear();
    },
    remove: (args) => {
      let key: unknown;
      if (keyOf !== undefined) key = keyOf(undefined, args);
      else if (args.length === 1) key = args[0];
      else {
        key = trie.find(args);
        if (key === undefined) return false;
      }
      return tier.delete(key);
    },
  };
}
