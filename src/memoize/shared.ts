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

/** What `acquire` found: the entry read (if any), and the lock if this caller now holds it. */
export interface Acquired {
  entry: StoredEntry | undefined;
  lock: StoreLock | undefined;
  /** The lock was taken but its claim ended before this caller could confirm it (a busy event loop). */
  lostClaim: boolean;
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
  /**
   * In one atomic step, read the entry and, unless it is fresh or stale by less than `staleFor`
   * ms, take the key's lock (no lock when another holder has it). `lostClaims`: how many claims
   * this caller lost before (each doubles the next claim, up to the lease).
   */
  acquire(name: string, key: string, staleFor: number, lostClaims?: number): Promise<Acquired>;
  /** Renew the lease; false if the lock was lost. */
  extend(name: string, key: string, lock: StoreLock): Promise<boolean>;
  /**
   * Store `value` computed under `lock` (only while the lock still holds, and unless a value
   * computed later is there) and release the lock; whether it was stored. Rejects with
   * `NotShareableError` for values it cannot carry.
   */
  set(name: string, key: string, lock: StoreLock, value: unknown, freshMs: number, lifeMs: number): Promise<boolean>;
  unlock(name: string, key: string, lock: StoreLock): Promise<void>;
  /** Delete the entry in the store and in every instance's memory. */
  delete(name: string, key: string): Promise<boolean>;
  /** Delete every entry of `name`, in the store and in every instance's memory. */
  clear(name: string): Promise<void>;
  /** Hear invalidations of `name`: a key, or undefined for "drop everything". Returns the unsubscriber. */
  listen(name: string, listener: (key: string | undefined) => void): () => void;
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

/** What the two-tier memoizer needs of its in-process tier (a `SieveStore`, or `UnboundedTier`). */
interface TierLike {
  readonly index: Map<unknown, number>;
  readonly values: (Local | undefined)[];
  readonly visited: Uint8Array;
  dropped: unknown;
  add(key: unknown, value: Local): number;
  release(key: unknown, slot: number): void;
  clear(): void;
}

/**
 * The in-process tier of `max: Infinity`: never evicts, so it needs no visited bits (a
 * `SieveStore` would allocate one per slot of its bound, 16 MiB for `Infinity`). Its `visited`
 * is empty: the hit path's write to it is out of bounds, which a typed array ignores.
 */
class UnboundedTier implements TierLike {
  readonly index = new Map<unknown, number>();
  readonly values: (Local | undefined)[] = [];
  readonly visited = new Uint8Array(0);
  dropped: unknown = undefined;
  private readonly free: number[] = [];

  add(key: unknown, value: Local): number {
    const slot = this.free.pop() ?? this.values.length;
    this.values[slot] = value;
    this.index.set(key, slot);
    return slot;
  }

  release(key: unknown, slot: number): void {
    this.index.delete(key);
    this.values[slot] = undefined;
    this.free.push(slot);
  }

  clear(): void {
    this.index.clear();
    this.values.length = 0;
    this.free.length = 0;
  }
}

/** A load, refresh or computation of one key in this process: an invalidation of its key outdates it. */
class Flight {
  outdated = false;
}

/**
 * What an invalidation touches. It is kept apart from the memoized function's closure: the store
 * holds the listener (and so this), and must not keep a memoized function that its program dropped.
 */
class TierState {
  /** Store key -> in-process key, for invalidations (they name store keys). */
  readonly localKeyOf = new Map<string, unknown>();
  /** Loads in flight, by store key: concurrent callers in this process share one. */
  readonly inflight = new Map<string, Promise<unknown>>();
  /** Everything running per store key (loads, refreshes), to be marked outdated by an invalidation. */
  private readonly flights = new Map<string, Set<Flight>>();

  constructor(readonly tier: TierLike) {}

  begin(key: string): Flight {
    const flight = new Flight();
    let set = this.flights.get(key);
    if (set === undefined) this.flights.set(key, (set = new Set()));
    set.add(flight);
    return flight;
  }

  end(key: string, flight: Flight): void {
    const set = this.flights.get(key);
    if (set?.delete(flight) === true && set.size === 0) this.flights.delete(key);
  }

  dropAll(): void {
    this.tier.clear();
    this.localKeyOf.clear();
    this.inflight.clear();
    for (const set of this.flights.values()) for (const flight of set) flight.outdated = true;
    this.flights.clear();
  }

  /** Drop `key` here and outdate what runs for it; whether an entry was dropped. */
  dropLocal(key: string): boolean {
    const set = this.flights.get(key);
    if (set !== undefined) {
      for (const flight of set) flight.outdated = true;
      this.flights.delete(key);
    }
    const local = this.localKeyOf.get(key) ?? key;
    this.inflight.delete(key);
    this.localKeyOf.delete(key);
    const slot = this.tier.index.get(local);
    if (slot === undefined) return false;
    this.tier.release(local, slot);
    return true;
  }
}

/** The store's listener for one memoized function: it reaches the tier, not the function. */
function listenerOf(state: TierState): (key: string | undefined) => void {
  return (key) => {
    if (key === undefined) state.dropAll();
    else state.dropLocal(key);
  };
}

/** Unsubscribes a memoized function from its store once the program has dropped it. */
const unlistenWhenCollected = new FinalizationRegistry<() => void>((unlisten) => {
  unlisten();
});

export function sharedMemoize(fn: AnyFn, settings: SharedSettings): SharedParts {
  const { store, name, max, ttl, staleWhileRevalidate: swr, staleIfError: sie, keyOf } = settings;
  const fast = settings.singlePrimitiveFastPath;
  const state = new TierState(max === Infinity ? new UnboundedTier() : new SieveStore<unknown, Local>(max, 0));
  const { tier, localKeyOf, inflight } = state;
  const { index, values, visited } = tier;
  /** In-process counters: fields of one object (a captured `let` costs more per increment). */
  const counters = { hits: 0, misses: 0, evictions: 0 };
  const shared = { hits: 0, misses: 0, computed: 0, waited: 0, stale: 0, errors: 0, fallbacks: 0, notShareable: 0 };
  let warnedNotShareable = false;
  const lifeOf = ttl === 0 ? Infinity : ttl + Math.max(swr, sie);

  /** Whether `a` (a single argument) is its own in-process key. */
  function isFastKey(a: unknown): boolean {
    return (
      fast &&
      (a === null || (typeof a !== 'object' && typeof a !== 'function' && typeof a !== 'symbol')) &&
      (typeof a !== 'string' || a[0] !== '[')
    );
  }

  /**
   * Put a value in the in-process tier for `freshFor` more ms (and the stale windows after),
   * unless an invalidation outdated the flight that got it.
   */
  function fill(key: string, local: unknown, value: unknown, freshFor: number, livesFor: number, flight: Flight): void {
    if (flight.outdated) return;
    const now = performance.now();
    const freshUntil = now + freshFor;
    const entry = new Local(
      key,
      Promise.resolve(value),
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
    const flight = state.begin(key);
    const promise = load(key, local, this, Array.prototype.slice.call(args) as unknown[], stale, flight);
    inflight.set(key, promise);
    const done = (): void => {
      if (inflight.get(key) === promise) inflight.delete(key);
      state.end(key, flight);
    };
    promise.then(done, done);
    return promise;
  }

  /** Run `fn` here; a synchronous throw becomes a rejection. */
  async function compute(thisArg: unknown, args: unknown[]): Promise<unknown> {
    shared.computed++;
    return await fn.apply(thisArg, args);
  }

  /** Whether the store is worth trying now (read afresh: it changes while a call waits). */
  function usable(): boolean {
    return store.usable;
  }

  function storeFailed(): void {
    shared.errors++;
  }

  /** Compute in process only (the store is unusable or failed). */
  async function computeLocally(
    key: string,
    local: unknown,
    thisArg: unknown,
    args: unknown[],
    stale: Local | undefined,
    flight: Flight,
  ): Promise<unknown> {
    shared.fallbacks++;
    let value: unknown;
    try {
      value = await compute(thisArg, args);
    } catch (error) {
      return serveStaleOr(stale, error);
    }
    fill(key, local, value, ttl === 0 ? Infinity : ttl, lifeOf, flight);
    return value;
  }

  function serveStaleOr(stale: Local | undefined, error: unknown): unknown {
    if (stale !== undefined && performance.now() < stale.errorUntil) {
      shared.stale++;
      return stale.value;
    }
    throw error;
  }

  /** Whether an entry read from the store answers a call: fresh, or inside the stale-while-revalidate window. */
  function answers(entry: StoredEntry): boolean {
    return entry.freshFor > 0 || (swr > 0 && entry.freshFor > -swr);
  }

  /** A call answered from the store (and one refresh started if the entry is stale). */
  function served(key: string, local: unknown, thisArg: unknown, args: unknown[], entry: StoredEntry, flight: Flight): unknown {
    shared.hits++;
    if (entry.freshFor <= 0) shared.stale++;
    fill(key, local, entry.value, entry.freshFor, entry.livesFor, flight);
    if (entry.freshFor <= 0) {
      const filled = index.get(local);
      if (filled !== undefined) void refresh(values[filled] as Local, local, thisArg, args);
    }
    return entry.value;
  }

  /**
   * A miss in process: read the store; a fresh entry is the answer; else take the key's lock and
   * compute, or, if another process holds it, wait for the value it stores (or for its lock to
   * end, and take it). Waiting polls with one atomic read-or-lock per `pollInterval`.
   */
  async function load(key: string, local: unknown, thisArg: unknown, args: unknown[], stale: Local | undefined, flight: Flight): Promise<unknown> {
    if (!store.usable) return computeLocally(key, local, thisArg, args, stale, flight);
    let entry: StoredEntry | undefined;
    try {
      entry = await store.get(name, key);
    } catch {
      storeFailed();
      return computeLocally(key, local, thisArg, args, stale, flight);
    }
    for (let waited = false, lostClaims = 0; ; ) {
      if (entry !== undefined) {
        if (answers(entry)) return served(key, local, thisArg, args, entry, flight);
        // Past the stale-while-revalidate window but still kept for stale-if-error.
        const now = performance.now();
        if (entry.livesFor > 0) stale = new Local(key, Promise.resolve(entry.value), entry.value, now, now, now + entry.livesFor);
      }
      let acquired: Acquired;
      try {
        acquired = await store.acquire(name, key, swr, lostClaims);
      } catch {
        storeFailed();
        return computeLocally(key, local, thisArg, args, stale, flight);
      }
      if (acquired.lock !== undefined) {
        if (!waited) shared.misses++;
        return computeUnderLock(key, local, thisArg, args, acquired.lock, stale, flight);
      }
      if (acquired.lostClaim) lostClaims++;
      entry = acquired.entry;
      if (entry !== undefined && answers(entry)) continue; // stored meanwhile
      // Another process computes: wait for the value it stores, or for its lock to end.
      if (!waited) {
        shared.waited++;
        waited = true;
      }
      await sleep(store.pollInterval);
      if (!usable()) return computeLocally(key, local, thisArg, args, stale, flight);
      entry = undefined;
    }
  }

  async function computeUnderLock(
    key: string,
    local: unknown,
    thisArg: unknown,
    args: unknown[],
    lock: StoreLock,
    stale: Local | undefined,
    flight: Flight,
  ): Promise<unknown> {
    const renew = setInterval(
      () => {
        store.extend(name, key, lock).then((held) => {
          if (!held) clearInterval(renew); // lost (invalidated, or the lease ended): its write will be refused
        }, storeFailed);
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
      if (!(await store.set(name, key, lock, value, freshMs, lifeOf === Infinity ? 0 : lifeOf))) {
        // Refused: an invalidation or the end of the lease overtook this computation, and what the
        // store has (or will have) is newer. The callers that asked before get what was computed;
        // the tier is not filled with it (the next call reads the store).
        return value;
      }
    } catch (error) {
      if (error instanceof TypeError && error.name === 'NotShareableError') {
        shared.notShareable++;
        if (!warnedNotShareable) {
          warnedNotShareable = true;
          process.emitWarning(`memoize(${name}): a result was not stored in the shared store: ${error.message}`, 'MemoGuardWarning');
        }
        await store.unlock(name, key, lock).catch(storeFailed);
      } else {
        storeFailed(); // kept in process, as a computation during an outage would be
      }
    }
    fill(key, local, value, ttl === 0 ? Infinity : ttl, lifeOf, flight);
    return value;
  }

  /** One refresh of a stale entry (in this process; the store's lock makes it one across processes). */
  async function refresh(entry: Local, local: unknown, thisArg: unknown, args: unknown[]): Promise<void> {
    entry.refreshing = true;
    const flight = state.begin(entry.key);
    try {
      if (!store.usable) {
        await computeLocally(entry.key, local, thisArg, args, entry, flight);
        return;
      }
      const acquired = await store.acquire(name, entry.key, 0);
      if (acquired.lock === undefined) {
        const stored = acquired.entry;
        if (stored !== undefined && stored.freshFor > 0) {
          shared.hits++;
          fill(entry.key, local, stored.value, stored.freshFor, stored.livesFor, flight);
        }
        return; // else another process refreshes: its value arrives on a later call
      }
      await computeUnderLock(entry.key, local, thisArg, args, acquired.lock, entry, flight);
    } catch {
      // A failed refresh leaves the stale entry to serve until its window ends.
      shared.errors++;
    } finally {
      entry.refreshing = false;
      state.end(entry.key, flight);
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

  // The store keeps the listener (which reaches the tier) until this function is collected.
  unlistenWhenCollected.register(memoized, store.listen(name, listenerOf(state)));

  return {
    memoized,
    info: () => ({ hits: counters.hits, misses: counters.misses, maxsize: max, currsize: index.size, evictions: counters.evictions, shared: { ...shared } }),
    clear: async () => {
      counters.hits = counters.misses = counters.evictions = 0;
      for (const k of Object.keys(shared) as (keyof typeof shared)[]) shared[k] = 0;
      state.dropAll();
      await store.clear(name);
    },
    remove: async (args) => {
      const key = keyOf(undefined, args) as string;
      const here = state.dropLocal(key);
      return (await store.delete(name, key)) || here;
    },
    warm,
  };
}
