import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/memoize/index.js';

/**
 * A lazy thenable, as Knex's and several ORMs' query builders are: every `then` runs the query
 * again. `runs` counts the queries.
 */
class LazyQuery<T> {
  static runs = 0;
  readonly #result: () => T;
  constructor(result: () => T) {
    this.#result = result;
  }
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    LazyQuery.runs++;
    return new Promise<T>((resolve) => {
      resolve(this.#result());
    }).then(onFulfilled, onRejected);
  }
}

const MODES = [
  ['bounded', {}],
  ['unbounded', { max: Infinity }],
  ['ttl', { ttl: 60_000 }],
  ['structural', { key: 'structural' }],
  ['structural unbounded', { key: 'structural', max: Infinity }],
] as const;

describe.each(MODES)('a lazy thenable runs once (%s)', (_name, options) => {
  it('one argument: the memoizer and every caller share one run', async () => {
    LazyQuery.runs = 0;
    let calls = 0;
    const find = memoize((id: number) => {
      calls++;
      return new LazyQuery(() => ({ id }));
    }, options);
    const first = find(1);
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual({ id: 1 });
    expect(await find(1)).toEqual({ id: 1 });
    expect(find(1)).toBe(first);
    expect(calls).toBe(1);
    expect(LazyQuery.runs).toBe(1);
  });

  it('zero and two arguments: one run each', async () => {
    LazyQuery.runs = 0;
    const zero = memoize(() => new LazyQuery(() => 0), options);
    const two = memoize((a: number, b: number) => new LazyQuery(() => a + b), options);
    expect(await zero()).toBe(0);
    expect(await zero()).toBe(0);
    expect(await two(1, 2)).toBe(3);
    expect(await two(1, 2)).toBe(3);
    expect(LazyQuery.runs).toBe(2);
  });

  it('a rejecting lazy thenable still leaves the cache, so the next call retries', async () => {
    LazyQuery.runs = 0;
    let fail = true;
    const find = memoize(
      (id: number) =>
        new LazyQuery(() => {
          if (fail) throw new Error(`db down for ${String(id)}`);
          return id;
        }),
      options,
    );
    await expect(find(7)).rejects.toThrow('db down for 7');
    fail = false;
    await expect(find(7)).resolves.toBe(7);
    await expect(find(7)).resolves.toBe(7);
    expect(LazyQuery.runs).toBe(2);
  });
});

describe('native promises are tracked as they are', () => {
  it('returns the same promise object the function returned', () => {
    const p = Promise.resolve(1);
    const f = memoize(() => p);
    expect(f()).toBe(p);
  });

  it('an object whose `then` getter throws is cached as a plain value', () => {
    const weird = Object.defineProperty({}, 'then', {
      get() {
        throw new Error('no');
      },
    });
    let calls = 0;
    const f = memoize(() => {
      calls++;
      return weird;
    });
    expect(f()).toBe(weird);
    expect(f()).toBe(weird);
    expect(calls).toBe(1);
  });
});

describe('cacheInfo().evictions', () => {
  it('counts entries dropped for room, and tells a thrashing bound from a healthy one', () => {
    // fib(30) through a bound of 2: every call evicts the entry the next one needs.
    const thrash = memoize((n: number): number => (n < 2 ? n : thrash(n - 1) + thrash(n - 2)), { max: 2 });
    thrash(30);
    const bad = thrash.cacheInfo();
    // The same recursion with room for its frontier.
    const fine = memoize((n: number): number => (n < 2 ? n : fine(n - 1) + fine(n - 2)), { max: 64 });
    fine(30);
    const good = fine.cacheInfo();
    expect(good).toEqual({ hits: 28, misses: 31, maxsize: 64, currsize: 31, evictions: 0 });
    expect(bad.evictions).toBe(bad.misses - 2);
    expect(bad.hits / (bad.hits + bad.misses)).toBeLessThan(good.hits / (good.hits + good.misses));
  });

  it('does not count expiries, deletions or rejections', async () => {
    const f = memoize((x: number) => (x < 0 ? Promise.reject(new Error('neg')) : x), { max: 2 });
    f(1);
    f(2);
    f(3); // evicts one
    expect(f.cacheInfo().evictions).toBe(1);
    f.cacheDelete(3);
    await expect(f(-1)).rejects.toThrow('neg');
    expect(f.cacheInfo()).toMatchObject({ evictions: 1, currsize: 1 });
    f.cacheClear();
    expect(f.cacheInfo().evictions).toBe(0);
  });

  it('counts in keyed modes and is 0 in unbounded mode', () => {
    const s = memoize((o: { a: number }) => o.a, { key: 'structural', max: 1 });
    s({ a: 1 });
    s({ a: 2 });
    expect(s.cacheInfo().evictions).toBe(1);
    const u = memoize((x: number) => x, { max: Infinity });
    for (let i = 0; i < 100; i++) u(i);
    expect(u.cacheInfo().evictions).toBe(0);
  });
});
