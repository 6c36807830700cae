import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoize } from '../../src/memoize/index.js';

/** A spy that returns a tag of its arguments, so a wrong cache hit shows. */
function tagger() {
  return vi.fn((...args: unknown[]) => args.map((a) => `${typeof a}:${String(a)}`).join('|'));
}

const MODES = [
  ['bounded', {}],
  ['unbounded', { max: Infinity }],
  ['ttl', { ttl: 60_000 }],
  ['unbounded ttl', { max: Infinity, ttl: 60_000 }],
] as const;

describe.each(MODES)('identity keys (%s)', (_name, options) => {
  it('keys on all arguments and on how many there are', () => {
    const spy = tagger();
    const f = memoize(spy, options);
    f(1);
    f(1, undefined);
    f(1, undefined, undefined);
    f();
    f(undefined);
    expect(spy).toHaveBeenCalledTimes(5);
    f(1);
    f(1, undefined);
    f(1, undefined, undefined);
    f();
    f(undefined);
    expect(spy).toHaveBeenCalledTimes(5);
    expect(f.cacheInfo()).toMatchObject({ hits: 5, misses: 5, currsize: 5 });
  });

  // The bounded hit path has as many formals as `fn` declares (1 or 2): every count of arguments
  // must still reach the same entries whichever one serves the call.
  it.each([0, 1, 2, 3])('keys the same whatever parameter count fn declares (length %i)', (length) => {
    const tag = (...args: unknown[]) => args.map((a) => `${typeof a}:${String(a)}`).join('|');
    const spy = vi.fn(tag);
    const wrapped = Object.defineProperty((...args: unknown[]) => spy(...args), 'length', { value: length });
    expect(wrapped.length).toBe(length);
    const f = memoize(wrapped, options);
    const calls: unknown[][] = [[], [1], [2], [1, 'a'], [1, 'b'], ['1', 'a'], [1, 'a', 3], [1, 'a', 4], [{}], [undefined, undefined]];
    for (let pass = 0; pass < 3; pass++) {
      for (const args of calls) expect(f(...args)).toBe(tag(...args));
    }
    expect(spy).toHaveBeenCalledTimes(calls.length);
    expect(f.cacheInfo()).toMatchObject({ hits: 2 * calls.length, misses: calls.length });
    expect(f.cacheDelete(1, 'a')).toBe(true);
    expect(f(1, 'a')).toBe(tag(1, 'a'));
    expect(spy).toHaveBeenCalledTimes(calls.length + 1);
  });

  it('never confuses primitives of different types', () => {
    const spy = tagger();
    const f = memoize(spy, options);
    const calls: unknown[][] = [[1], ['1'], [1n], [true], ['true'], [null], ['null'], [undefined], ['undefined'], [1, '2'], ['1', 2], ['1,2'], ['1', '2'], [1, 2]];
    for (const args of calls) f(...args);
    expect(spy).toHaveBeenCalledTimes(calls.length);
    for (const args of calls) expect(f(...args)).toBe(spy(...args));
    expect(f.cacheInfo().hits).toBe(calls.length);
  });

  it("treats '__proto__' and 'constructor' as ordinary keys", () => {
    const spy = tagger();
    const f = memoize(spy, options);
    expect(f('__proto__')).toBe('string:__proto__');
    expect(f('constructor')).toBe('string:constructor');
    expect(f('__proto__', 'constructor')).toBe('string:__proto__|string:constructor');
    expect(f('hasOwnProperty')).toBe('string:hasOwnProperty');
    f('__proto__');
    f('constructor');
    f('__proto__', 'constructor');
    expect(spy).toHaveBeenCalledTimes(4);
  });

  it('uses SameValueZero: NaN equals NaN, -0 equals 0', () => {
    const spy = vi.fn((x: number, y?: number) => Object.is(x, -0) ? 'minus zero' : `${x}${y ?? ''}`);
    const f = memoize(spy, options);
    expect(f(NaN)).toBe('NaN');
    expect(f(NaN)).toBe('NaN');
    expect(f(NaN, NaN)).toBe('NaNNaN');
    expect(f(NaN, NaN)).toBe('NaNNaN');
    expect(f(-0)).toBe('minus zero');
    expect(f(0)).toBe('minus zero');
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('keys objects by identity', () => {
    const spy = vi.fn((o: { n: number }, p?: object) => ({ n: o.n, p }));
    const f = memoize(spy, options);
    const a = { n: 1 };
    const b = { n: 1 };
    expect(f(a)).toBe(f(a));
    expect(f(b)).not.toBe(f(a));
    expect(f(a, b)).toBe(f(a, b));
    expect(f(a, a)).not.toBe(f(a, b));
    const g = (): void => undefined;
    expect(f(a, g)).toBe(f(a, g));
    expect(spy).toHaveBeenCalledTimes(5);
  });

  it('caches undefined results', () => {
    const spy = vi.fn((...args: unknown[]): undefined => {
      expect(args.length).toBeLessThan(3);
    });
    const f = memoize(spy, options);
    f(1);
    f(1);
    f({});
    f(1, 2);
    f(1, 2);
    f();
    f();
    expect(spy).toHaveBeenCalledTimes(4);
  });

  it('never caches a synchronous throw', () => {
    let fail = true;
    const spy = vi.fn((x: number) => {
      if (fail) throw new Error(`boom ${x}`);
      return x;
    });
    const f = memoize(spy, options);
    expect(() => f(1)).toThrow('boom 1');
    expect(() => f(1)).toThrow('boom 1');
    fail = false;
    expect(f(1)).toBe(1);
    expect(f(1)).toBe(1);
    expect(spy).toHaveBeenCalledTimes(3);
    expect(f.cacheInfo()).toMatchObject({ hits: 1, misses: 3, currsize: 1 });
  });

  it('cacheDelete removes one entry and says whether it did', () => {
    const spy = tagger();
    const f = memoize(spy, options);
    const o = {};
    f();
    f(1);
    f(o);
    f(1, 2);
    f(1, 2, 3);
    expect(f.cacheInfo().currsize).toBe(5);
    expect(f.cacheDelete(1)).toBe(true);
    expect(f.cacheDelete(1)).toBe(false);
    expect(f.cacheDelete(o)).toBe(true);
    expect(f.cacheDelete(1, 2)).toBe(true);
    expect(f.cacheDelete(1, 2)).toBe(false);
    expect(f.cacheDelete(1, 2, 3)).toBe(true);
    expect(f.cacheDelete()).toBe(true);
    expect(f.cacheDelete()).toBe(false);
    expect(f.cacheDelete(7)).toBe(false);
    expect(f.cacheInfo().currsize).toBe(0);
    f(1);
    f(1, 2);
    expect(spy).toHaveBeenCalledTimes(7);
    expect(f.cacheInfo().currsize).toBe(2);
  });

  it('cacheClear drops every entry and resets the counters', () => {
    const spy = tagger();
    const f = memoize(spy, options);
    f(1);
    f(1);
    f(1, 2);
    f();
    f.cacheClear();
    expect(f.cacheInfo()).toEqual({ hits: 0, misses: 0, maxsize: 'max' in options ? options.max : 500, currsize: 0, evictions: 0 });
    f(1);
    f(1, 2);
    f();
    expect(spy).toHaveBeenCalledTimes(6);
    expect(f.cacheInfo()).toMatchObject({ hits: 0, misses: 3, currsize: 3 });
  });

  it('survives re-entrant calls for the same key', () => {
    let depth = 0;
    const f = memoize((n: number, m?: number): number => (depth++ < 3 ? (m === undefined ? f(n) : f(n, m)) + 1 : 0), options);
    expect(f(1)).toBe(3);
    expect(f(1)).toBe(3);
    depth = 0;
    expect(f(1, 2)).toBe(3);
    expect(f(1, 2)).toBe(3);
    expect(f.cacheInfo().currsize).toBe(2);
    expect(f.cacheDelete(1, 2)).toBe(true);
    expect(f.cacheInfo().currsize).toBe(1);
  });
});

describe('the wrapper', () => {
  it('forwards `this` (which is not part of the key)', () => {
    const obj = {
      x: 42,
      m: memoize(function (this: { x: number }, y: number) {
        return this.x + y;
      }),
    };
    expect(obj.m(1)).toBe(43);
    const two = { x: 1, m: memoize(function (this: { x: number }, a: number, b: number) {
      return this.x + a + b;
    }, { max: Infinity }) };
    expect(two.m(1, 2)).toBe(4);
    const zero = { x: 7, m: memoize(function (this: { x: number }) {
      return this.x;
    }, { key: 'structural' }) };
    expect(zero.m()).toBe(7);
  });

  it('passes `this` to a key resolver', () => {
    class Service {
      constructor(readonly id: string) {}
      lookup = memoize(
        function (this: Service, q: string) {
          return `${this.id}:${q}`;
        },
        {
          key: function (this: Service, q: string) {
            return `${this.id}/${q}`;
          },
        },
      );
    }
    const a = new Service('a');
    expect(a.lookup('x')).toBe('a:x');
    expect(a.lookup('x')).toBe('a:x');
    expect(a.lookup.cacheInfo().hits).toBe(1);
  });

  it('keeps name and length', () => {
    function addThree(a: number, b: number, c: number): number {
      return a + b + c;
    }
    const m = memoize(addThree);
    expect(m.name).toBe('addThree');
    expect(m.length).toBe(3);
    expect(memoize((x: number) => x, { max: Infinity }).length).toBe(1);
    expect(memoize(() => 1, { key: 'structural' }).length).toBe(0);
  });

  it('keeps the TypeScript signature', () => {
    const m = memoize((a: number, b: string): `${number}${string}` => `${a}${b}`);
    const r: `${number}${string}` = m(1, 'x');
    expect(r).toBe('1x');
    // @ts-expect-error wrong argument type
    m('1', 'x');
    // @ts-expect-error wrong argument type for cacheDelete
    m.cacheDelete(1, 2);
    expect(m.cacheDelete(1, 'x')).toBe(true);
  });

  it('reports cacheInfo like Python', () => {
    const f = memoize((x: number) => x * 2, { max: 3 });
    expect(f.cacheInfo()).toEqual({ hits: 0, misses: 0, maxsize: 3, currsize: 0, evictions: 0 });
    f(1);
    f(1);
    f(2);
    expect(f.cacheInfo()).toEqual({ hits: 1, misses: 2, maxsize: 3, currsize: 2, evictions: 0 });
    expect(memoize((x: number) => x, { max: Infinity }).cacheInfo().maxsize).toBe(Infinity);
    expect(memoize((x: number) => x).cacheInfo().maxsize).toBe(500);
  });
});

describe('bounded eviction', () => {
  it("max 2: a, b, a, c evicts b, and a is still a hit", () => {
    const spy = vi.fn((k: string) => k.toUpperCase());
    const f = memoize(spy, { max: 2 });
    f('a');
    f('b');
    f('a');
    f('c');
    expect(f.cacheInfo()).toMatchObject({ hits: 1, misses: 3, currsize: 2 });
    f('a');
    expect(f.cacheInfo()).toMatchObject({ hits: 2, misses: 3 });
    f('b');
    expect(spy).toHaveBeenCalledTimes(4);
  });

  it('max 2 with two arguments: the same order guarantee', () => {
    const spy = vi.fn((k: string, j: number) => k + String(j));
    const f = memoize(spy, { max: 2 });
    f('a', 1);
    f('b', 1);
    f('a', 1);
    f('c', 1);
    f('a', 1);
    expect(f.cacheInfo()).toMatchObject({ hits: 2, misses: 3, currsize: 2 });
    f('b', 1);
    expect(spy).toHaveBeenCalledTimes(4);
  });

  it('bounds every arity together and prunes nested maps on eviction', () => {
    const spy = tagger();
    const f = memoize(spy, { max: 3 });
    for (let i = 0; i < 100; i++) {
      f(i);
      f(i, i);
      f(i, 'x', i);
      f();
      expect(f.cacheInfo().currsize).toBeLessThanOrEqual(3);
    }
    expect(f(99, 'x', 99)).toBe('number:99|string:x|number:99');
  });

  it('an entry hit since it was stored outlives every entry on probation that was not', () => {
    const spy = vi.fn((x: number) => x);
    const f = memoize(spy, { max: 10 });
    for (let i = 0; i < 10; i++) f(i);
    for (let i = 0; i < 9; i++) f(i); // every entry but 9 is hit
    f(10); // evicts 9, the one entry never hit
    expect(f.cacheInfo()).toMatchObject({ hits: 9, misses: 11, currsize: 10, evictions: 1 });
    for (let i = 0; i < 9; i++) f(i);
    expect(spy).toHaveBeenCalledTimes(11);
    f(9);
    expect(spy).toHaveBeenCalledTimes(12);
  });

  // A policy that only demotes hot entries when new ones prove themselves fails this: the new set's
  // reuse distance (80 calls) is longer than a new entry's stay, and the old set never leaves.
  it('entries that are no longer hit give way to a new working set that fits', () => {
    const spy = vi.fn((x: number) => x);
    const f = memoize(spy, { max: 100 });
    for (let round = 0; round < 3; round++) for (let i = 0; i < 100; i++) f(i); // 0..99, all hit
    for (let round = 0; round < 20; round++) for (let i = 1000; i < 1080; i++) f(i); // a new set of 80
    spy.mockClear();
    for (let i = 1000; i < 1080; i++) f(i);
    expect(spy).not.toHaveBeenCalled();
    expect(f.cacheInfo().currsize).toBe(100);
  });

  it('a stored undefined is a hit, and is evicted and deleted like any value', () => {
    const spy = vi.fn<(x: number) => undefined>(() => undefined);
    const f = memoize(spy, { max: 3 });
    f(1);
    f(1);
    f(1);
    f(2);
    f(3);
    expect(spy).toHaveBeenCalledTimes(3);
    expect(f.cacheInfo()).toMatchObject({ hits: 2, misses: 3, currsize: 3 });
    f(4); // evicts 2, the oldest entry not hit
    f(1);
    f(3);
    expect(spy).toHaveBeenCalledTimes(4);
    expect(f.cacheDelete(1)).toBe(true);
    f(1);
    expect(spy).toHaveBeenCalledTimes(5);
    expect(f.cacheInfo().currsize).toBe(3);
  });

  // A function that re-enters and stores its own key must end with one entry holding the outer value
  // (a miss path that assumed its key still absent after the call would count or store it twice).
  it.each([
    ['bounded', { max: 2 }],
    ['unbounded', { max: Infinity }],
    ['with a ttl', { max: 2, ttl: 60_000 }],
  ] as const)('%s: a function that re-enters and stores its own key is stored once', (_mode, options) => {
    let depth = 0;
    const spy = vi.fn((x: number, y?: number): string => {
      // The inner call stores the key first.
      if (depth++ === 0) {
        if (y === undefined) f(x);
        else f(x, y);
      }
      return depth > 1 ? `outer ${x}` : `inner ${x}`;
    });
    const f = memoize(spy, options);
    expect(f(1)).toBe('outer 1');
    expect(f.cacheInfo()).toMatchObject({ misses: 2, currsize: 1 });
    expect(f(1)).toBe('outer 1');
    depth = 0;
    expect(f(1, 2)).toBe('outer 1');
    expect(f.cacheInfo()).toMatchObject({ misses: 4, currsize: 2 });
    depth = 1;
    f(2);
    f(3);
    expect(f.cacheInfo().currsize).toBe(options.max === 2 ? 2 : 4);
  });

  it('max 1 keeps the last key', () => {
    const spy = vi.fn((x: number) => x);
    const f = memoize(spy, { max: 1 });
    f(1);
    f(1);
    f(2);
    f(2);
    f(1);
    expect(spy).toHaveBeenCalledTimes(3);
    expect(f.cacheInfo().currsize).toBe(1);
  });
});

describe('promises', () => {
  it('shares one in-flight call between concurrent callers', async () => {
    let calls = 0;
    const f = memoize(async (id: number) => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return { id };
    });
    const [a, b, c] = await Promise.all([f(1), f(1), f(1)]);
    expect(calls).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(await f(1)).toBe(a);
    expect(calls).toBe(1);
  });

  it.each(MODES)('drops a rejected promise at once, so every waiter sees it and the next call retries (%s)', async (_name, options) => {
    let calls = 0;
    const f = memoize(async (id: number, extra?: string) => {
      calls++;
      await Promise.resolve();
      if (calls === 1 || calls === 3) throw new Error(`fail ${id}`);
      return `ok ${id}${extra ?? ''}`;
    }, options);
    const waiters = [f(1), f(1), f(1)];
    const results = await Promise.allSettled(waiters);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(calls).toBe(1);
    expect(f.cacheInfo().currsize).toBe(0);
    await expect(f(1)).resolves.toBe('ok 1');
    await expect(f(1)).resolves.toBe('ok 1');
    expect(calls).toBe(2);
    // Two arguments.
    await expect(f(1, '!')).rejects.toThrow('fail 1');
    await expect(f(1, '!')).resolves.toBe('ok 1!');
    expect(calls).toBe(4);
  });

  it('retries in the catch handler of the first waiter', async () => {
    let calls = 0;
    const f = memoize((x: number) => {
      calls++;
      return calls === 1 ? Promise.reject(new Error('first')) : Promise.resolve(x);
    });
    const retried = await f(5).catch(() => f(5));
    expect(retried).toBe(5);
    expect(calls).toBe(2);
  });

  it('does not drop a newer entry when an old promise rejects', async () => {
    let reject!: (e: Error) => void;
    const first = new Promise<string>((_res, rej) => {
      reject = rej;
    });
    const f = memoize(vi.fn().mockReturnValueOnce(first).mockReturnValue(Promise.resolve('second')), { max: 10 });
    expect(f('k')).toBe(first);
    f.cacheDelete('k');
    const second = f('k') as Promise<string>;
    reject(new Error('late'));
    await expect(first).rejects.toThrow('late');
    expect(f('k')).toBe(second);
    expect(f.cacheInfo().currsize).toBe(1);
  });

  it('keeps a resolved promise', async () => {
    const spy = vi.fn((x: number) => Promise.resolve(x));
    const f = memoize(spy, { key: 'structural' });
    await f(1);
    await f(1);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('handles custom thenables and key resolvers', async () => {
    let calls = 0;
    const f = memoize(
      (o: { id: number }) => {
        calls++;
        return calls === 1 ? Promise.reject(new Error('x')) : Promise.resolve(o.id);
      },
      { key: (o) => o.id, max: Infinity },
    );
    await expect(f({ id: 1 })).rejects.toThrow('x');
    await expect(f({ id: 1 })).resolves.toBe(1);
    await expect(f({ id: 1 })).resolves.toBe(1);
    expect(calls).toBe(2);
  });
});

describe('ttl', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['bounded', {}],
    ['unbounded', { max: Infinity }],
    ['structural', { key: 'structural' as const }],
  ])('expires entries on read, and an expired entry is a miss (%s)', (_name, options) => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const spy = vi.fn((x: number, y?: number) => x + (y ?? 0));
    const f = memoize(spy, { ...options, ttl: 100 });
    f(1);
    f(1, 2);
    vi.advanceTimersByTime(99);
    f(1);
    f(1, 2);
    expect(spy).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    f(1);
    f(1, 2);
    expect(spy).toHaveBeenCalledTimes(4);
    expect(f.cacheInfo()).toMatchObject({ hits: 2, misses: 4, currsize: 2 });
  });

  it('purges expired entries when new ones are added', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const f = memoize((x: number) => x, { ttl: 10, max: Infinity });
    for (let i = 0; i < 100; i++) f(i);
    expect(f.cacheInfo().currsize).toBe(100);
    vi.advanceTimersByTime(10);
    f(1000);
    expect(f.cacheInfo().currsize).toBe(1);
  });

  it('purges expired entries and evicts in one queue (bounded ttl)', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const spy = vi.fn((x: number) => x);
    const f = memoize(spy, { ttl: 10, max: 3 });
    f(1);
    f(2);
    f(3);
    f(1); // hit: 1 is visited
    f(4); // the hand clears 1 and evicts 2; it stops at 3
    vi.advanceTimersByTime(5);
    f(5); // evicts 3; the hand stops at 4
    vi.advanceTimersByTime(5);
    f(6); // 1 and 4 have expired and are purged (the hand moves past 4)
    expect(f.cacheInfo().currsize).toBe(2);
    expect(spy).toHaveBeenCalledTimes(6);
    f(5); // hit
    f(7);
    f(8); // the hand clears 5 and evicts 6
    f(6);
    f(5); // still a hit
    expect(spy).toHaveBeenCalledTimes(9);
    expect(f.cacheInfo()).toMatchObject({ hits: 3, misses: 9, currsize: 3 });
  });

  it('works with a small real ttl', async () => {
    const spy = vi.fn((x: string) => x);
    const f = memoize(spy, { ttl: 20 });
    f('a');
    f('a');
    await new Promise((r) => setTimeout(r, 40));
    f('a');
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('ttl: Infinity means never', () => {
    const f = memoize((x: number) => x, { ttl: Infinity });
    f(1);
    f(1);
    expect(f.cacheInfo().hits).toBe(1);
  });
});

describe('options validation', () => {
  const fn = (x: number) => x;

  it.each([0, -1, NaN, 1.5, -Infinity])('max: %s is a RangeError naming max', (max) => {
    expect(() => memoize(fn, { max })).toThrow(RangeError);
    expect(() => memoize(fn, { max })).toThrow(/`max`/);
  });

  it.each(['10', null, {}, 10n])('max: %s is a TypeError naming max', (max) => {
    expect(() => memoize(fn, { max: max as number })).toThrow(TypeError);
    expect(() => memoize(fn, { max: max as number })).toThrow(/`max`/);
  });

  it.each([0, -5, NaN, -Infinity])('ttl: %s is a RangeError naming ttl', (ttl) => {
    expect(() => memoize(fn, { ttl })).toThrow(RangeError);
    expect(() => memoize(fn, { ttl })).toThrow(/`ttl`/);
  });

  it('ttl of the wrong type is a TypeError naming ttl', () => {
    expect(() => memoize(fn, { ttl: '100' as unknown as number })).toThrow(TypeError);
    expect(() => memoize(fn, { ttl: '100' as unknown as number })).toThrow(/`ttl`/);
  });

  it('an unknown key mode names key', () => {
    expect(() => memoize(fn, { key: 'foo' as 'identity' })).toThrow(/`key`/);
    expect(() => memoize(fn, { key: 'foo' as 'identity' })).toThrow(RangeError);
    expect(() => memoize(fn, { key: 42 as unknown as 'identity' })).toThrow(TypeError);
  });

  it('rejects unknown options and a non-object options argument', () => {
    expect(() => memoize(fn, { maxSize: 10 } as never)).toThrow(/unknown option `maxSize`/);
    expect(() => memoize(fn, 5 as never)).toThrow(TypeError);
  });

  it('fn must be a function', () => {
    expect(() => memoize(null as never)).toThrow(TypeError);
    expect(() => memoize('f' as never)).toThrow(/`fn`/);
  });

  it('accepts explicit undefined options', () => {
    expect(memoize(fn, { max: undefined, ttl: undefined, key: undefined }).cacheInfo().maxsize).toBe(500);
  });
});
