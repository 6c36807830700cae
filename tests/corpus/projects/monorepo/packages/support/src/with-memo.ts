/**
 * `withMemo(fn, { getKey, cache })`: one result per key. The key is the argument itself unless a
 * `getKey` is given; the store is a `Map` unless a `cache` is given.
 */
export interface WithMemoOptions<A, K, R> {
  getKey?: (arg: A) => K;
  cache?: { has(key: K): boolean; get(key: K): R | undefined; set(key: K, value: R): unknown };
}

export const withMemo = <A, R, K = A>(
  originFn: (arg: A) => R,
  { getKey = (arg: A) => arg as unknown as K, cache = new Map<K, R>() }: WithMemoOptions<A, K, R> = {},
) => {
  return (arg: A): R => {
    const cacheKey = getKey(arg);
    if (!cache.has(cacheKey)) {
      cache.set(cacheKey, originFn(arg));
    }
    return cache.get(cacheKey) as R;
  };
};
