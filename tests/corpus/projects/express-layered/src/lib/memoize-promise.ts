import memoize from 'lodash/memoize';

/**
 * The promise version of lodash's `memoize`: a call that rejects is not cached. Keys on the first
 * argument unless a resolver is given.
 */
export function memoizePromise<A extends unknown[], R>(f: (...args: A) => Promise<R>, resolver: (...args: A) => unknown = (first) => first) {
  const memorized = memoize(async (...args: A): Promise<R> => {
    try {
      // Keep the `await`: the catch has to see the rejection.
      return await f(...args);
    } catch (error) {
      memorized.cache.delete(resolver(...args));
      throw error;
    }
  }, resolver);
  return memorized;
}
