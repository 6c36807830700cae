import _ from 'lodash';
import { log } from './runtime';

/** The memoizer every package of the platform uses (lodash semantics, re-exported so apps need no lodash). */
export const memoize = _.memoize;

/**
 * Memoize on every argument rather than the first one: the cache key is the JSON text of the
 * argument list.
 */
export function memoizeJson<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return _.memoize(fn, (...args: A) => JSON.stringify(args));
}

export interface WarnOptions {
  /** Shown in the log line. */
  name: string;
  /** Log once when the cache holds more entries than this. */
  warnAt?: number;
}

/**
 * lodash memoize with a log line when the cache grows past `warnAt`, so we notice caches that
 * grow with traffic.
 */
export function memoizeWithWarning<F extends (...args: any[]) => any>(fn: F, options: WarnOptions): F {
  const { name, warnAt = 5_000 } = options;
  const memoized = _.memoize(fn);
  let warned = false;
  return function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
    const result = memoized.apply(this, args) as ReturnType<F>;
    const size = (memoized.cache as unknown as { size: number }).size;
    if (!warned && size > warnAt) {
      warned = true;
      log.warn({ cache: name, size, warnAt }, 'memoized cache is larger than expected');
    }
    return result;
  } as F;
}

export const utils = {
  memoize,
  memoizeJson,
  memoizeWithWarning,
  identity: <T>(value: T): T => value,
};
