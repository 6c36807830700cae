import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { memoize, structuralKey } from '../../src/memoize/index.js';

const key = (...args: unknown[]): string => structuralKey(args);

describe('structuralKey', () => {
  it('is independent of property order', () => {
    expect(key({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(key({ b: { d: [1, 2], c: 2 }, a: 1 }));
  });

  it('tells undefined, null and a missing property apart', () => {
    const keys = [key({ a: undefined }), key({ a: null }), key({}), key({ b: undefined })];
    expect(new Set(keys).size).toBe(4);
  });

  it('tells arrays from objects with the same indices', () => {
    expect(key([1, 2])).not.toBe(key({ 0: 1, 1: 2 }));
    expect(key([])).not.toBe(key({}));
  });

  it('keeps primitives typed and argument lists delimited', () => {
    const lists: unknown[][] = [[1], ['1'], [1n], [true], ['true'], [null], [undefined], [], [undefined, undefined], [1, '2'], ['1', 2], ['1,2'], [[1, '2']], [['1', 2]], ['s1:1'], ['1', ''], ['', '1'], [{ '1': '' }], [{ '': '1' }]];
    const keys = lists.map((l) => structuralKey(l));
    expect(new Set(keys).size).toBe(lists.length);
  });

  it('treats NaN as NaN and -0 as 0 (SameValueZero)', () => {
    expect(key(NaN)).toBe(key(Number.NaN));
    expect(key(-0)).toBe(key(0));
    expect(key(Infinity)).not.toBe(key(-Infinity));
  });

  it("treats '__proto__' and 'constructor' as ordinary keys and strings", () => {
    const withProto = JSON.parse('{"__proto__": 1}') as object;
    expect(key(withProto)).not.toBe(key({}));
    expect(key({ constructor: 1 })).not.toBe(key({}));
    expect(key('__proto__')).not.toBe(key('constructor'));
  });

  it('accepts null-prototype objects as plain data', () => {
    const o = Object.create(null) as Record<string, number>;
    o.a = 1;
    expect(key(o)).toBe(key({ a: 1 }));
  });

  it('encodes holes differently from undefined', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    expect(key(sparse)).not.toBe(key([1, undefined, 3]));
    expect(key(new Array(2))).toBe(key(new Array(2)));
    expect(key(new Array(2))).not.toBe(key(new Array(3)));
  });

  it('keys Dates by time value', () => {
    expect(key(new Date(5))).toBe(key(new Date(5)));
    expect(key(new Date(5))).not.toBe(key(new Date(6)));
    expect(key(new Date(5))).not.toBe(key(5));
    expect(key(new Date(NaN))).toBe(key(new Date(NaN)));
  });

  it('keys Maps and Sets by contents, in any order', () => {
    expect(key(new Set([1, 2]))).toBe(key(new Set([2, 1])));
    expect(key(new Set([1, 2]))).not.toBe(key(new Set([1, '2'])));
    expect(key(new Set([1]))).not.toBe(key([1]));
    expect(key(new Map<string, unknown>([['a', 1], ['b', { x: 1 }]]))).toBe(key(new Map<string, unknown>([['b', { x: 1 }], ['a', 1]])));
    expect(key(new Map([['a', 1]]))).not.toBe(key(new Map([['a', 2]])));
    expect(key(new Map([['a', 1]]))).not.toBe(key({ a: 1 }));
    expect(key(new Map())).not.toBe(key(new Set()));
  });

  it('keys functions, class instances and unique symbols by identity', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const p = new Point(1);
    expect(key(p)).toBe(key(p));
    expect(key(p)).not.toBe(key(new Point(1)));
    const f = (): number => 1;
    expect(key(f)).toBe(key(f));
    expect(key(f)).not.toBe(key(() => 1));
    const s = Symbol('s');
    expect(key(s)).toBe(key(s));
    expect(key(s)).not.toBe(key(Symbol('s')));
    expect(key(Symbol.for('s'))).toBe(key(Symbol.for('s')));
    expect(key(Symbol.for('s'))).not.toBe(key('s'));
    expect(key(/a/)).not.toBe(key(/a/));
  });

  it('rejects cycles with a TypeError that says "circular"', () => {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    expect(() => key(o)).toThrow(TypeError);
    expect(() => key(o)).toThrow(/circular/);
    const arr: unknown[] = [];
    arr.push([arr]);
    expect(() => key(arr)).toThrow(/circular/);
    const m = new Map<string, unknown>();
    m.set('m', m);
    expect(() => key(m)).toThrow(/circular/);
  });

  it('accepts shared (non-circular) references', () => {
    const shared = { x: 1 };
    expect(key({ a: shared, b: shared })).toBe(key({ a: { x: 1 }, b: { x: 1 } }));
  });

  it('is collision-free on random plain data (property)', () => {
    const plain = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.oneof(fc.integer(), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt()),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 3 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 3 }), fc.array(plain, { maxLength: 3 }), (a, b) => {
        const same = structuralKey(a) === structuralKey(b);
        expect(same).toBe(deepEqualSameValueZero(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Reference equality for the generated plain data: SameValueZero at the leaves. */
function deepEqualSameValueZero(a: unknown, b: unknown): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqualSameValueZero(x, b[i]));
  if (Array.isArray(a) || Array.isArray(b)) return false;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return (
      ka.length === kb.length &&
      ka.every((k, i) => k === kb[i] && deepEqualSameValueZero((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return false;
}

describe("memoize(fn, { key: 'structural' })", () => {
  it.each([[{}], [{ max: Infinity }], [{ ttl: 60_000 }]])('hits for equal plain data (%o)', (options) => {
    const spy = vi.fn((q: { sku: string; qty: number }, tags?: string[]) => q.qty * (tags?.length ?? 1));
    const price = memoize(spy, { ...options, key: 'structural' });
    expect(price({ sku: 'a', qty: 2 })).toBe(2);
    expect(price({ qty: 2, sku: 'a' })).toBe(2);
    expect(price({ sku: 'a', qty: 2 }, ['x', 'y'])).toBe(4);
    expect(price({ sku: 'a', qty: 2 }, ['x', 'y'])).toBe(4);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(price.cacheDelete({ qty: 2, sku: 'a' })).toBe(true);
    expect(price.cacheDelete({ qty: 2, sku: 'a' })).toBe(false);
    expect(price.cacheInfo()).toMatchObject({ hits: 2, misses: 2, currsize: 1 });
  });

  it('throws the circular TypeError from the call', () => {
    const f = memoize((o: object) => o, { key: 'structural' });
    const o: Record<string, unknown> = {};
    o.o = o;
    expect(() => f(o)).toThrow(/circular/);
    expect(f.cacheInfo().currsize).toBe(0);
  });

  it('keeps the order guarantee with max 2', () => {
    const spy = vi.fn((o: { k: string }) => o.k);
    const f = memoize(spy, { key: 'structural', max: 2 });
    f({ k: 'a' });
    f({ k: 'b' });
    f({ k: 'a' });
    f({ k: 'c' });
    f({ k: 'a' });
    expect(spy).toHaveBeenCalledTimes(3);
    f({ k: 'b' });
    expect(spy).toHaveBeenCalledTimes(4);
  });
});

describe('memoize(fn, { key: resolver })', () => {
  it('keys on the resolver result by SameValueZero', () => {
    const spy = vi.fn((user: { id: number; name: string }) => user.name);
    const f = memoize(spy, { key: (user) => user.id });
    expect(f({ id: 1, name: 'a' })).toBe('a');
    expect(f({ id: 1, name: 'b' })).toBe('a');
    expect(f({ id: 2, name: 'b' })).toBe('b');
    expect(spy).toHaveBeenCalledTimes(2);
    const g = memoize((x: number) => x, { key: () => NaN });
    g(1);
    expect(g(2)).toBe(1);
    expect(f.cacheDelete({ id: 1, name: 'zzz' })).toBe(true);
  });

  it('in unbounded mode holds object keys weakly and still hits', () => {
    const k = {};
    const spy = vi.fn((x: number) => x);
    const f = memoize(spy, { key: () => k, max: Infinity });
    f(1);
    expect(f(2)).toBe(1);
    expect(f.cacheInfo()).toMatchObject({ hits: 1, misses: 1, currsize: 1, maxsize: Infinity });
    f.cacheClear();
    expect(f(2)).toBe(2);
  });
});
