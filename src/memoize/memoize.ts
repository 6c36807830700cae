/**
 * `memoize`: options, and the choice of a flavour. The in-process memoizer lives in `local.ts`
 * (its tiers in `tiers.ts`, keying in `keys.ts`, promise tracking in `promises.ts`); the
 * two-tier memoizer over a shared store in `shared.ts`.
 */
import { keyFunction } from './keys.js';
import { type AnyFn, type CacheInfo, localMemoize } from './local.js';
import {
  DEFAULT_MAX,
  validateKey,
  validateMax,
  validateOptionsObject,
  validateSharedOptions,
  validateTtl,
} from './options.js';
import { isSharedStore, type SharedCacheInfo, sharedMemoize, type SharedStore, type WarmOptions } from './shared.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the public types must accept every function */

export type { CacheInfo } from './local.js';
export type { SharedCacheInfo, SharedStore, WarmOptions, WarmResult } from './shared.js';

export interface MemoizeOptions<A extends unknown[]> {
  /** Most entries kept in process (default 500); `Infinity` is the explicit unbounded mode. */
  max?: number;
  /** Milliseconds an entry lives after it is computed (default: forever). */
  ttl?: number;
  /** How arguments become a key (default 'identity'; 'structural' with a store). */
  key?: 'identity' | 'structural' | ((...args: A) => unknown);
  store?: undefined;
}

export interface SharedMemoizeOptions<A extends unknown[]> {
  /** The shared second tier: `redisStore(client, { prefix })` from 'eslint-plugin-memo-guard/memoize/redis'. */
  store: SharedStore;
  /** Unique per memoized function: part of every key in the store. */
  name: string;
  /** Most entries kept in process (default 500). */
  max?: number;
  /** Milliseconds an entry is fresh after it is computed (default: forever). */
  ttl?: number;
  /** How arguments become a key: 'structural' (the default) or a resolver returning a string. */
  key?: 'structural' | ((...args: A) => string);
  /** After `ttl`, for this many ms: serve the stale value at once while one refresh runs. */
  staleWhileRevalidate?: number;
  /** After `ttl`, for this many ms: when a refresh fails, serve the stale value instead of the error. */
  staleIfError?: number;
}

export type Memoized<F extends (...args: any[]) => any> = F & {
  /** Hits, misses, bound, current number of entries and evictions. */
  cacheInfo(): CacheInfo;
  /** Drop every entry and reset the counters. */
  cacheClear(): void;
  /** Drop the entry for these arguments; whether there was one. */
  cacheDelete(...args: Parameters<F>): boolean;
};

export type SharedMemoized<F extends (...args: any[]) => any> = ((
  this: ThisParameterType<F>,
  ...args: Parameters<F>
) => Promise<Awaited<ReturnType<F>>>) & {
  /** Per-tier counters: in process (`hits`, `misses`, ...) and in the store (`shared`). */
  cacheInfo(): SharedCacheInfo;
  /** Drop every entry of this function, in process, in the store and in every instance. */
  cacheClear(): Promise<void>;
  /** Drop the entry for these arguments in the store and in every instance's memory. */
  cacheDelete(...args: Parameters<F>): Promise<boolean>;
  /** Compute (or load) these argument lists ahead of traffic, `concurrency` at a time (default 8). */
  warm(argsList: Iterable<Parameters<F>>, options?: WarmOptions): Promise<import('./shared.js').WarmResult>;
};

/**
 * Memoize `fn`: bounded (500 entries by default, SIEVE eviction), keyed on all arguments,
 * promise-aware (a rejection leaves the cache at once), with an optional ttl. With a shared
 * `store`, a second tier that processes share (see docs/memoize.md).
 * `this` is passed to `fn` on a miss but is not part of the key.
 */
export function memoize<F extends (this: any, ...args: any[]) => any>(
  fn: F,
  options: SharedMemoizeOptions<Parameters<F>>,
): SharedMemoized<F>;
export function memoize<F extends (this: any, ...args: any[]) => any>(
  fn: F,
  options?: MemoizeOptions<Parameters<F>>,
): Memoized<F>;
export function memoize<F extends (this: any, ...args: any[]) => any>(
  fn: F,
  options?: MemoizeOptions<Parameters<F>> | SharedMemoizeOptions<Parameters<F>>,
): Memoized<F> | SharedMemoized<F> {
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
  validateSharedOptions(options as Record<string, unknown> | undefined, isSharedStore);
  const ttlMs = ttl === undefined || ttl === Infinity ? 0 : ttl;
  const call = fn as AnyFn;

  if (options?.store !== undefined) {
    const shared = options;
    const parts = sharedMemoize(call, {
      store: shared.store,
      name: shared.name,
      max,
      ttl: ttlMs,
      staleWhileRevalidate: shared.staleWhileRevalidate ?? 0,
      staleIfError: shared.staleIfError ?? 0,
      keyOf: keyFunction((key ?? 'structural') as 'structural' | AnyFn, true),
      singlePrimitiveFastPath: key === undefined || key === 'structural',
    });
    const memoized = parts.memoized as unknown as SharedMemoized<F>;
    name(memoized, fn);
    memoized.cacheInfo = parts.info;
    memoized.cacheClear = parts.clear;
    memoized.cacheDelete = (...args: Parameters<F>) => parts.remove(args);
    memoized.warm = (argsList, warmOptions) => parts.warm(argsList as Iterable<unknown[]>, warmOptions);
    return memoized;
  }

  const parts = localMemoize(
    call,
    max,
    ttlMs,
    key === undefined || key === 'identity' ? undefined : keyFunction(key as 'structural' | AnyFn, false),
  );
  const memoized = parts.memoized as Memoized<F>;
  name(memoized, fn);
  memoized.cacheInfo = parts.info;
  memoized.cacheClear = parts.clear;
  memoized.cacheDelete = (...args: Parameters<F>) => parts.remove(args);
  return memoized;
}

/** The memoized function keeps `fn`'s name and length. */
function name(memoized: object, fn: AnyFn): void {
  Object.defineProperty(memoized, 'name', { value: fn.name, configurable: true });
  Object.defineProperty(memoized, 'length', { value: fn.length, configurable: true });
}
