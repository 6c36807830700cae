import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { LruMap, memoize } from '../../src/memoize/index.js';

/** A real garbage collector: `globalThis.gc` when run with --expose-gc, else enabled at run time. */
function getGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
const gc = getGc();

/** Let the current job end (WeakRef targets are kept alive until then), then collect. */
async function collect(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
}

function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Call `f` with fresh objects that only the cache could keep alive; refs to watch them. */
function feed(f: (...args: object[]) => unknown, arity: 1 | 2, count: number): WeakRef<object>[] {
  const refs: WeakRef<object>[] = [];
  const keep = {};
  for (let i = 0; i < count; i++) {
    const key = { i, payload: new Array<number>(100).fill(i) };
    if (arity === 1) f(key);
    else f(keep, key);
    refs.push(new WeakRef(key));
  }
  return refs;
}

describe('unbounded identity mode holds object arguments weakly', () => {
  it.each([1, 2] as const)('lets %s-argument keys be collected', async (arity) => {
    const f = memoize((...args: object[]) => args.length, { max: Infinity });
    const refs = feed(f, arity, 50);
    await collect();
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    expect(alive).toBe(0);
    // The cache itself still works.
    const o = {};
    f(o);
    f(o);
    expect(f.cacheInfo().hits).toBe(1);
  });

  it('control: a cache that holds keys strongly keeps them (so the test above can fail)', async () => {
    const f = memoize((...args: object[]) => args.length, { max: 1000 });
    const refs = feed(f, 1, 50);
    await collect();
    expect(refs.filter((r) => r.deref() !== undefined).length).toBe(50);
    const strong = new Map<object, number>();
    const refs2 = feed((k) => strong.set(k, 1), 1, 50);
    await collect();
    expect(refs2.filter((r) => r.deref() !== undefined).length).toBe(50);
  });

  it('bounded mode releases evicted keys', async () => {
    const f = memoize((o: object) => o, { max: 10 });
    const refs = feed(f, 1, 50);
    await collect();
    expect(refs.filter((r) => r.deref() !== undefined).length).toBe(10);
    f.cacheClear();
    await collect();
    expect(refs.filter((r) => r.deref() !== undefined).length).toBe(0);
  });
});

describe('memory at the bound', () => {
  it('1,000,000 distinct keys through a default memoize keep 500 entries', async () => {
    await collect();
    const before = heapBytes();
    const f = memoize((x: number) => x * 2);
    for (let i = 0; i < 1_000_000; i++) f(i);
    expect(f.cacheInfo()).toEqual({ hits: 0, misses: 1_000_000, maxsize: 500, currsize: 500, evictions: 999_500 });
    await collect();
    const grown = heapBytes() - before;
    expect(grown).toBeLessThan(50 * 1024 * 1024);
    // The last keys are still there.
    expect(f(999_999)).toBe(1_999_998);
    expect(f.cacheInfo().hits).toBe(1);
  });

  it('a full bounded cache costs well under 100 bytes per entry (excluding keys and values)', async () => {
    const n = 100_000;
    await collect();
    const before = heapBytes();
    const f = memoize((x: number) => x, { max: n });
    const m = new LruMap<number, number>(n);
    for (let i = 0; i < n; i++) {
      f(i);
      m.set(i, i);
    }
    await collect();
    const perEntry = (heapBytes() - before) / (2 * n);
    expect(f.cacheInfo().currsize).toBe(n);
    expect(m.size).toBe(n);
    expect(perEntry).toBeLessThan(100);
  });
});
