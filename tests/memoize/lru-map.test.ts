import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruMap } from '../../src/memoize/index.js';

/**
 * SIEVE written naively over an array (oldest first): the reference model for LruMap.
 * `hand` is the key of the next eviction candidate, undefined meaning "start at the oldest".
 */
class NaiveSieve<K, V> {
  readonly queue: K[] = [];
  readonly values = new Map<K, V>();
  readonly visited = new Set<K>();
  hand: K | undefined = undefined;
  constructor(readonly max: number) {}

  get(key: K): V | undefined {
    if (!this.values.has(key)) return undefined;
    this.visited.add(key);
    return this.values.get(key);
  }

  set(key: K, value: V): void {
    if (this.values.has(key)) {
      this.values.set(key, value);
      this.visited.add(key);
      return;
    }
    if (this.values.size >= this.max) this.evict();
    this.queue.push(key);
    this.values.set(key, value);
  }

  delete(key: K): boolean {
    const i = this.queue.indexOf(key);
    if (i < 0) return false;
    if (this.hand === key) this.hand = this.queue[i + 1];
    this.queue.splice(i, 1);
    this.values.delete(key);
    this.visited.delete(key);
    return true;
  }

  private evict(): void {
    let i = this.hand === undefined ? 0 : this.queue.indexOf(this.hand);
    while (this.visited.has(this.queue[i]!)) {
      this.visited.delete(this.queue[i]!);
      i = (i + 1) % this.queue.length;
    }
    const victim = this.queue[i]!;
    this.hand = this.queue[i + 1];
    this.queue.splice(i, 1);
    this.values.delete(victim);
  }
}

/** Strict LRU, the classic way: a Map re-inserted on every hit. */
class StrictLru<K, V> {
  readonly map = new Map<K, V>();
  constructor(readonly max: number) {}
  get(key: K): V | undefined {
    if (!this.map.has(key)) return undefined;
    const v = this.map.get(key) as V;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }
}

describe('LruMap', () => {
  it('is a Map', () => {
    const m = new LruMap<string, number>(10);
    expect(m.set('a', 1)).toBe(m);
    m.set('b', 2).set('c', 3);
    expect(m.size).toBe(3);
    expect(m.get('a')).toBe(1);
    expect(m.get('zz')).toBeUndefined();
    expect(m.has('b')).toBe(true);
    expect(m.has('zz')).toBe(false);
    expect([...m]).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    expect([...m.keys()]).toEqual(['a', 'b', 'c']);
    expect([...m.values()]).toEqual([1, 2, 3]);
    expect([...m.entries()]).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    expect(new Map(m)).toEqual(new Map([['a', 1], ['b', 2], ['c', 3]]));
    const seen: unknown[] = [];
    const ctx = {};
    m.forEach(function (this: unknown, v, k, map) {
      seen.push([k, v, map === m, this === ctx]);
    }, ctx);
    expect(seen).toEqual([['a', 1, true, true], ['b', 2, true, true], ['c', 3, true, true]]);
    expect(Object.prototype.toString.call(m)).toBe('[object LruMap]');
    expect(m.delete('b')).toBe(true);
    expect(m.delete('b')).toBe(false);
    expect(m.size).toBe(2);
    m.set('a', 10);
    expect([...m]).toEqual([['a', 10], ['c', 3]]);
    m.clear();
    expect(m.size).toBe(0);
    expect([...m]).toEqual([]);
    m.set('x', 1);
    expect(m.get('x')).toBe(1);
    const asMap: Map<string, number> = m;
    expect(asMap.size).toBe(1);
    expect(m.max).toBe(10);
  });

  it('compares keys by SameValueZero and accepts any key', () => {
    const m = new LruMap<unknown, string>(10);
    const o = {};
    m.set(NaN, 'nan').set(-0, 'zero').set(o, 'o').set('__proto__', 'p').set(undefined, 'u');
    expect(m.get(NaN)).toBe('nan');
    expect(m.get(0)).toBe('zero');
    expect(m.get(o)).toBe('o');
    expect(m.get({})).toBeUndefined();
    expect(m.get('__proto__')).toBe('p');
    expect(m.get(undefined)).toBe('u');
    expect(m.has(undefined)).toBe(true);
  });

  it('max 2: set a, set b, get a, set c evicts b; a stays', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    m.get('a');
    m.set('c', 3);
    expect(m.has('b')).toBe(false);
    expect(m.get('a')).toBe(1);
    expect(m.get('c')).toBe(3);
    expect(m.size).toBe(2);
  });

  it('has does not count as a use; set of an existing key does', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1).set('b', 2);
    m.has('a');
    m.set('c', 3);
    expect([...m.keys()]).toEqual(['b', 'c']);
    const n = new LruMap<string, number>(2);
    n.set('a', 1).set('b', 2).set('a', 11);
    n.set('c', 3);
    expect([...n]).toEqual([['a', 11], ['c', 3]]);
    expect(n.peek('a')).toBe(11);
  });

  it('evicts only when full, and keeps working after deletes', () => {
    const m = new LruMap<number, number>(3);
    m.set(1, 1).set(2, 2).set(3, 3);
    m.delete(2);
    m.set(4, 4);
    expect([...m.keys()]).toEqual([1, 3, 4]);
    m.set(5, 5);
    expect(m.size).toBe(3);
  });

  it.each([0, -1, NaN, 1.5, '10', undefined])('rejects max %s naming max', (max) => {
    expect(() => new LruMap(max as number)).toThrow(/`max`/);
  });

  it('max 1 and max Infinity', () => {
    const one = new LruMap<number, number>(1);
    one.set(1, 1).set(2, 2);
    expect([...one]).toEqual([[2, 2]]);
    const inf = new LruMap<number, number>(Infinity);
    for (let i = 0; i < 1000; i++) inf.set(i, i);
    expect(inf.size).toBe(1000);
  });

  it('behaves exactly like a naive SIEVE model (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 12 }), value: fc.integer() }),
      fc.record({ kind: fc.constant('get' as const), key: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ kind: fc.constant('has' as const), key: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 12 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(op, { maxLength: 200 }), (max, ops) => {
        const lru = new LruMap<number, number>(max);
        const model = new NaiveSieve<number, number>(max);
        const lastSet = new Map<number, number>();
        for (const o of ops) {
          const sizeBefore = lru.size;
          switch (o.kind) {
            case 'set': {
              const present = lru.has(o.key);
              lru.set(o.key, o.value);
              model.set(o.key, o.value);
              lastSet.set(o.key, o.value);
              // A key just set is present; an eviction happens only when full.
              expect(lru.get(o.key)).toBe(o.value);
              model.get(o.key);
              if (!present && sizeBefore < max) expect(lru.size).toBe(sizeBefore + 1);
              break;
            }
            case 'get': {
              const v = lru.get(o.key);
              expect(v).toBe(model.get(o.key));
              // get returns the last set value unless the key was evicted or deleted.
              if (v !== undefined) expect(v).toBe(lastSet.get(o.key));
              break;
            }
            case 'has':
              expect(lru.has(o.key)).toBe(model.values.has(o.key));
              break;
            case 'delete':
              expect(lru.delete(o.key)).toBe(model.delete(o.key));
              break;
          }
          expect(lru.size).toBeLessThanOrEqual(max);
          expect([...lru]).toEqual(model.queue.map((k) => [k, model.values.get(k)]));
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf(s) sampler over 0..n-1 by inverse CDF. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
  return () => {
    const u = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

describe('hit ratio on a Zipf-like stream (10,000 keys, bound 1,000)', () => {
  it.each([0.7, 0.9, 1.1])('is at least strict LRU for exponent %s', (s) => {
    const random = rng(Math.round(s * 1000));
    const next = zipf(10_000, s, random);
    const sieve = new LruMap<number, number>(1000);
    const lru = new StrictLru<number, number>(1000);
    let sieveHits = 0;
    let lruHits = 0;
    const length = 100_000;
    for (let i = 0; i < length; i++) {
      const k = next();
      if (sieve.get(k) === undefined) sieve.set(k, k);
      else sieveHits++;
      if (lru.get(k) === undefined) lru.set(k, k);
      else lruHits++;
    }
    expect(sieve.size).toBe(1000);
    expect(sieveHits).toBeGreaterThanOrEqual(lruHits);
  });

  it('bounded memoize makes the same choices as LruMap', async () => {
    const { memoize } = await import('../../src/memoize/index.js');
    const next = zipf(10_000, 0.9, rng(7));
    const f = memoize((k: number) => k, { max: 1000 });
    const m = new LruMap<number, number>(1000);
    let mapHits = 0;
    for (let i = 0; i < 50_000; i++) {
      const k = next();
      f(k);
      if (m.get(k) === undefined) m.set(k, k);
      else mapHits++;
    }
    expect(f.cacheInfo().hits).toBe(mapHits);
  });
});
