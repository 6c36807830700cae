/**
 * The two-tier memoizer: a bounded in-process tier (SIEVE) in front of a shared store (Redis,
 * through `redis.ts`). This file knows nothing about Redis: it speaks to a `SharedStore`.
 *
 * A call:
 * 1. in-process hit (fresh, or stale inside `staleWhileRevalidate`, which also starts one
 *    refresh): the cached promise, no I/O;
 * 2. else one load per key per process (concurrent callers share it): read the store; a fresh
 *    entry is the answer; else take the key's lock and compute, or, if another process holds
 *    it, wait for the value it stores (or for the lock to expire, and take it);
 * 3. any store failure (timeout, error, breaker open, not connected) falls back to computing in
 *    process, as the in-process memoizer would.
 * A rejection is never stored anywhere; with `staleIfError`, a stale value is served instead.
 */
import { isRef } from './promises.js';
import { SieveStore } from './sieve-store.js';
import type { KeyFunction } from './keys.js';
import type { AnyFn, CacheInfo } from './local.js';

/** The brand of a shared store. */
export const STORE_BRAND: unique symbol = Symbol.for('eslint-plugin-memo-guard.shared-store');

/** An entry read from the store. */
export interface StoredEntry {
  value: unknown;
  /** Ms it stays fresh (≤ 0: stale already; Infinity: never stale). */
  freshFor: number;
  /** Ms until the store drops it (Infinity: never). */
  livesFor: number;
}

/** A held computation lock. */
export interface StoreLock {
  readonly token: string;
  /** The store's clock when the lock was taken: the age of the value computed under it. */
  readonly born: number;
}

/** What the memoizer needs from a shared store. Every method rejects on failure or timeout. */
export interface SharedStore {
  readonly [STORE_BRAND]: true;
  /** Whether trying is worth it (connected, breaker closed). */
  readonly usable: boolean;
  /** The lock's lease in ms. */
  readonly lease: number;
  /** Poll interval in ms of a caller waiting for another process's computation. */
  readonly pollInterval: number;
  get(name: string, key: string): Promise<StoredEntry | undefined>;
  /** Take the key's lock; undefined if another holder has it. */
  lock(name: string, key: string): Promise<StoreLock | undefined>;
  /** Renew the lease; false if the lock was lost. */
  extend(name: string, key: string, lock: StoreLock): Promise<boolean>;
  /**
   * Store `value` computed under `lock` (unless a value computed later is there) and release the
   * lock; whether it was stored. Rejects with `NotShareableError` for values it cannot carry.
   */
  set(name: string, key: string, lock: StoreLock, value: unknown, freshMs: number, lifeMs: number): Promise<boolean>;
  unlock(name: string, key: string, lock: StoreLock): Promise<void>;
  /** Delete the entry in the store and in every instance's memory. */
  delete(name: string, key: string): Promise<boolean>;
  /** Delete every entry of `name`, in the store and in every instance's memory. */
  clear(name: string): Promise<void>;
  /** Hear invalidations of `name`: a key, or undefined for "drop everything". */
  listen(name: string, listener: (key: string | undefined) => void): void;
}

export function isSharedStore(value: unknown): value is SharedStore {
  return isRef(value) && (value as Partial<SharedStore>)[STORE_BRAND] === true;
}

export interface SharedCacheInfo extends CacheInfo {
  /** The shared tier, as seen from this process. */
  shared: {
    /** Loads answered by the store (a value another process, or this one, stored). */
    hits: number;
    /** Loads the store could not answer (this process computed, or waited and then computed). */
    misses: number;
    /** Runs of the function in this process. */
    computed: number;
    /** Loads that waited for another process's computation. */
    waited: number;
    /** Stale values served (stale-while-revalidate, or stale-if-error). */
    stale: number;
    /** Store operations that failed or timed out. */
    errors: number;
    /** Computations done in process only because the store was unusable. */
    fallbacks: number;
    /** Values computed but not stored because the store cannot carry them. */
    notShareable: number;
  };
}

export interface WarmOptions {
  /** Calls in flight at once (default 8). */
  concurrency?: number;
}

export interface WarmResult {
  warmed: number;
  failed: { args: unknown[]; error: unknown }[];
}

/** An in-process entry. Deadlines are on `performance.now()`. */
class Local {
  constructor(
    readonly key: string,
    readonly promise: Promise<unknown>,
    readonly value: unknown,
    /** Until then, fresh. */
    readonly freshUntil: number,
    /** Until then, may be served stale while one refresh runs. */
    readonly staleUntil: number,
    /** Until then, may be served when a refresh fails. */
    readonly errorUntil: number,
  ) {}
  refreshing = false;
}

export interface SharedSettings {
  store: SharedStore;
  name: string;
  max: number;
  /** 0: never stale. */
  ttl: number;
  staleWhileRevalidate: number;
  staleIfError: number;
  keyOf: KeyFunction;
  /**
   * With structural keys, a single primitive argument is its own in-process key (a primitive is
   * equal to itself by value), which spares building the string on a hit. Strings that start
   * with '[' (the first character of every structural key) go through the string key instead.
   */
  singlePrimitiveFastPath: boolean;
}

export interface SharedParts {
  memoized: AnyFn;
  info: () => SharedCacheInfo;
  clear: () => Promise<void>;
  remove: (args: unknown[]) => Promise<boolean>;
  warm: (argsList: Iterable<unknown[]>, options?: WarmOptions) => Promise<WarmResult>;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });

export function sharedMemoize(fn: AnyFn, settings: SharedSettings): SharedParts {
  const { store, name, max, ttl, staleWhileRevalidate: swr, staleIfError: sie, keyOf } = settings;
  const fast = settings.singlePrimitiveFastPath;
  const tier = new SieveStore<unknown, Local>(max, 0);
  const { index, values, visited } = tier;
  /** Store key -> in-process key, for invalidations (they name store keys). */
  const localKeyOf = new Map<string, unknown>();
  /** Loads in flight, by store key: concurrent callers in this process share one. */
  const inflight = new Map<string, Promise<unknown>>();
  /** In-process counters: fields of one object (a captured `let` costs more per increment). */
  const counters = { hits: 0, misses: 0, evictions: 0 };
  const shared = { hits: 0, misses: 0, computed: 0, waited: 0, stale: 0, errors: 0, fallbacks: 0, notShareable: 0 };
  let warnedNotShareable = false;
  /** Bumped by clears and reconnects: a load started before one does not fill the tier after. */
  let epoch = 0;
  const lifeOf = ttl === 0 ? Infinity : ttl + Math.max(swr, sie);

  store.listen(name, (key) => {
    if (key === undefined) dropAll();
    else dropLocal(key);
  });

  function dropAll(): void {
    epoch++;
    tier.clear();
    localKeyOf.clear();
    inflight.clear();
  }

  function dropLocal(key: string): boolean {
    const local = localKeyOf.get(key) ?? key;
    inflight.delete(key);
    localKeyOf.delete(key);
    const slot = index.get(local);
    if (slot === undefined) return false;
    tier.release(local, slot);
    return true;
  }

  /** Whether `a` (a single argument) is its own in-process key. */
  function isFastKey(a: unknown): boolean {
    return (
      fast &&
      (a === null || (typeof a !== 'object' && typeof a !== 'function' && typeof a !== 'symbol')) &&
      (typeof a !== 'string' || a[0] !== '[')
    );
  }

  /** Put a value in the in-process tier for `freshFor` more ms (and the stale windows after). */
  function fill(key: string, local: unknown, value: unknown, promise: Promise<unknown>, freshFor: number, livesFor: number): void {
    const now = performance.now();
    const freshUntil = now + freshFor;
    const entry = new Local(
      key,
      promise,
      value,
      freshUntil,
      Math.min(now + livesFor, freshFor === Infinity ? Infinity : freshUntil + swr),
      Math.min(now + livesFor, freshFor === Infinity ? Infinity : freshUntil + sie),
    );
    const slot = index.get(local);
    if (slot !== undefined) {
      values[slot] = entry;
      return;
    }
    tier.add(local, entry);
    if (local !== key) localKeyOf.set(key, local);
    const dropped = tier.dropped;
    if (dropped !== undefined) {
      tier.dropped = undefined;
      counters.evictions++;
      if (isFastKey(dropped)) localKeyOf.delete(keyOf(undefined, [dropped]) as string);
    }
  }

  /**
   * The in-process hit of a single primitive argument with a fresh entry, with one formal and no
   * `arguments` object built; everything else goes to `call`.
   */
  function memoized(this: unknown, a: unknown): Promise<unknown> {
    if (arguments.length === 1 && isFastKey(a)) {
      const slot = index.get(a);
      if (slot !== undefined) {
        const entry = values[slot] as Local;
        if (ttl === 0 || performance.now() < entry.freshUntil) {
          counters.hits++;
          visited[slot] = 1;
          return entry.promise;
        }
      }
    }
    // eslint-disable-next-line prefer-rest-params -- `apply(this, arguments)` forwards without allocating
    return call.apply(this, arguments as unknown as []);
  }

  function call(this: unknown): Promise<unknown> {
    // eslint-disable-next-line prefer-rest-params -- the rest array is built only on a miss
    const args = arguments as unknown as unknown[];
    const fastKey = args.length === 1 && isFastKey(args[0]);
    const local = fastKey ? args[0] : keyOf(this, args);
    const slot = index.get(local);
    if (slot !== undefined) {
      const entry = values[slot] as Local;
      const now = ttl === 0 ? 0 : performance.now();
      const fresh = ttl === 0 || now < entry.freshUntil;
      if (fresh || now < entry.staleUntil) {
        counters.hits++;
        visited[slot] = 1;
        if (!fresh) {
          shared.stale++;
          if (!entry.refreshing) {
            entry.refreshing = true;
            void refresh(entry, local, this, Array.prototype.slice.call(args) as unknown[]);
          }
        }
        return entry.promise;
      }
    }
    counters.misses++;
    const key = fastKey ? (keyOf(this, args) as string) : (local as string);
    const pending = inflight.get(key);
    if (pending !== undefined) return pending;
    const stale = slot === undefined ? undefined : (values[slot] as Local);
    const promise = load(key, local, this, Array.prototype.slice.call(args) as unknown[], stale);
    inflight.set(key, promise);
    const done = (): void => {
      if (inflight.get(key) === promise) inflight.delete(key);
    };
    promise.then(done, done);
    return promise;
  }

  /** Run `fn` here; a synchronous throw becomes a rejection. */
  async function compute(thisArg: unknown, args: unknown[]): Promise<unknown> {
    shared.computed++;
    return await fn.apply(thisArg, args);
  }

  function storeFailed(): void {
    shared.errors++;
  }

  /** Compute in process only (the store is unusable or failed). */
  async function computeLocally(key: string, local: unknown, thisArg: unknown, args: unknown[], stale: Local | undefined): Promise<unknown> {
    shared.fallbacks++;
    const started = epoch;
    let value: unknown;
    try {
      value = await compute(thisArg, args);
    } catch (error) {
      return serveStaleOr(stale, error);
    }
    if (epoch === started) fill(key, local, value, Promise.resolve(value), ttl === 0 ? Infinity : ttl, lifeOf);
    return value;
  }

  function serveStaleOr(stale: Local | undefined, error: unknown): unknown {
    if (stale !== undefined && performance.now() < stale.errorUntil) {
      shared.stale++;
      return stale.value;
    }
    throw error;
  }

  /**
   * Take the key's lock, unless a fresh value is there by then: a holder may have stored its value
   * and released the lock between our read and our lock, and computing again would make two runs.
   * Returns the lock, the fresh entry (lock released again), or undefined (another holder).
   */
  async function lockUnlessFresh(key: string): Promise<StoreLock | StoredEntry | undefined> {
    const lock = await store.lock(name, key);
    if (lock === undefined) return undefined;
    const again = await store.get(name, key);
    if (again === undefined || again.freshFor <= 0) return lock;
    await store.unlock(name, key, lock);
    return again;
  }

  /** A miss in process: the store, the lock, or a computation here. */
  async function load(key: string, local: unknown, thisArg: unknown, args: unknown[], stale: Local | undefined): Promise<unknown> {
    const started = epoch;
    for (let waited = false; ; ) {
      if (!store.usable) return computeLocally(key, local, thisArg, args, stale);
      let entry: StoredEntry | undefined;
      let lock: StoreLock | StoredEntry | undefined;
      try {
        entry = await store.get(name, key);
        if (entry !== undefined && (entry.freshFor > 0 || (swr > 0 && entry.freshFor > -swr))) {
          shared.hits++;
          if (entry.freshFor <= 0) shared.stale++;
          const promise = Promise.resolve(entry.value);
          if (epoch === started) fill(key, local, entry.value, promise, entry.freshFor, entry.livesFor);
          if (entry.freshFor <= 0) {
            const filled = index.get(local);
            if (filled !== undefined) void refresh(values[filled] as Local, local, thisArg, args);
          }
          return entry.value;
        }
        if (entry !== undefined) {
          // Past the stale-while-revalidate window but still kept for stale-if-error.
          const now = performance.now();
          stale = new Local(key, Promise.resolve(entry.value), entry.value, now, now, now + entry.livesFor);
        }
        lock = await lockUnlessFresh(key);
      } catch {
        storeFailed();
        return computeLocally(key, local, thisArg, args, stale);
      }
      if (lock !== undefined && !('token' in lock)) continue; // stored meanwhile: read it
      if (lock !== undefined) {
        if (!waited) shared.misses++;
        return computeUnderLock(key, local, thisArg, args, lock, stale, started);
      }
      // Another process computes: wait for the value it stores, or for its lease to end.
      if (!waited) {
        shared.waited++;
        waited = true;
      }
      await sleep(store.pollInterval);
    }
  }

  async function computeUnderLock(
    key: string,
    local: unknown,
    thisArg: unknown,
    args: unknown[],
    lock: StoreLock,
    stale: Local | undefined,
    started: number,
  ): Promise<unknown> {
    const renew = setInterval(
      () => {
        store.extend(name, key, lock).catch(storeFailed);
      },
      Math.max(10, Math.floor(store.lease / 3)),
    );
    renew.unref();
    let value: unknown;
    try {
      value = await compute(thisArg, args);
    } catch (error) {
      clearInterval(renew);
      await store.unlock(name, key, lock).catch(storeFailed);
      return serveStaleOr(stale, error);
    }
    clearInterval(renew);
    const freshMs = ttl === 0 ? 0 : ttl;
    try {
      await store.set(name, key, lock, value, freshMs, lifeOf === Infinity ? 0 : lifeOf);
    } catch (error) {
      if (error instanceof TypeError && error.name === 'NotShareableError') {
        shared.notShareable++;
        if (!warnedNotShareable) {
          warnedNotShareable = true;
          process.emitWarning(`memoize(${name}): a result was not stored in the shared store: ${error.message}`, 'MemoGuardWarning');
        }
        await store.unlock(name, key, lock).catch(storeFailed);
      } else {
        storeFailed();
        // Best effort: free the lock now rather than at the end of its lease.
        store.unlock(name, key, lock).catch(storeFailed);
      }
    }
    if (epoch === started) fill(key, local, value, Promise.resolve(value), ttl === 0 ? Infinity : ttl, lifeOf);
    return value;
  }

  /** One refresh of a stale entry (in this process; the store's lock makes it one across processes). */
  async function refresh(entry: Local, local: unknown, thisArg: unknown, args: unknown[]): Promise<void> {
    entry.refreshing = true;
    const started = epoch;
    try {
      if (!store.usable) {
        await computeLocally(entry.key, local, thisArg, args, entry);
        return;
      }
      const stored = await store.get(name, entry.key);
      if (stored !== undefined && stored.freshFor > 0) {
        shared.hits++;
        if (epoch === started) fill(entry.key, local, stored.value, Promise.resolve(stored.value), stored.freshFor, stored.livesFor);
        return;
      }
      const lock = await lockUnlessFresh(entry.key);
      if (lock === undefined) return; // another process refreshes: its value arrives on a later call
      if (!('token' in lock)) {
        shared.hits++;
        if (epoch === started) fill(entry.key, local, lock.value, Promise.resolve(lock.value), lock.freshFor, lock.livesFor);
        return;
      }
      await computeUnderLock(entry.key, local, thisArg, args, lock, entry, started);
    } catch {
      // A failed refresh leaves the stale entry to serve until its window ends.
      shared.errors++;
    } finally {
      entry.refreshing = false;
    }
  }

  async function warm(argsList: Iterable<unknown[]>, options?: WarmOptions): Promise<WarmResult> {
    const concurrency = options?.concurrency ?? 8;
    if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`memoize(${name}).warm: \`concurrency\` must be a positive integer, got ${String(concurrency)}`);
    }
    const queue = [...argsList];
    const result: WarmResult = { warmed: 0, failed: [] };
    const worker = async (): Promise<void> => {
      for (let args = queue.shift(); args !== undefined; args = queue.shift()) {
        try {
          await Reflect.apply(memoized, undefined, args);
          result.warmed++;
        } catch (error) {
          result.failed.push({ args, error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(queue.length, 1)) }, worker));
    return result;
  }

  return {
    memoized,
    info: () => ({ hits: counters.hits, misses: counters.misses, maxsize: max, currsize: index.size, evictions: counters.evictions, shared: { ...shared } }),
    clear: async () => {
      counters.hits = counters.misses = counters.evictions = 0;
      for (const k of Object.keys(shared) as (keyof typeof shared)[]) shared[k] = 0;
      dropAll();
      await store.clear(name);
    },
    remove: async (args) => {
      const key = keyOf(undefined, args) as string;
      const here = dropLocal(key);
      epoch++;
      return (await store.delete(name, key)) || here;
    },
    warm,
  };
}
