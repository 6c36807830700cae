import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoize, type MemoizeOptions } from '../../src/memoize/index.js';

/** Argument lists drawn from a small pool, so hits, collisions and evictions all happen. */
const objects = [{ a: 1 }, { b: 1 }, [], () => 0] as const;
const arg = fc.oneof(
  fc.constantFrom<unknown>(0, -0, 1, '1', 1n, NaN, '', undefined, null, true, '__proto__', 'constructor'),
  fc.constantFrom<unknown>(...objects),
);
const args = fc.array(arg, { maxLength: 4 });

/** fn's result: a fresh description of the arguments (so a wrong hit cannot go unnoticed). */
function describeArgs(...list: unknown[]): string {
  return list
    .map((a) => {
      const i = objects.indexOf(a as never);
      return i >= 0 ? `obj${i}` : `${typeof a}:${Object.is(a, -0) ? '0' : String(a)}`;
    })
    .join('|');
}

/** Same key as memoize's identity mode: SameValueZero per argument, and the count. */
function sameArgs(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i] || (Number.isNaN(x) && Number.isNaN(b[i])));
}

const modes: [string, MemoizeOptions<unknown[]>][] = [
  ['bounded max 1..6', {}],
  ['unbounded', { max: Infinity }],
  ['structural', { key: 'structural' }],
  ['resolver', { key: (...a: unknown[]) => describeArgs(...a) }],
];

describe.each(modes)('memoize against a reference (%s)', (name, base) => {
  it('returns fn results, calls fn only on a miss, stays within max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(args, { maxLength: 80 }), (max, calls) => {
        const options = name.startsWith('bounded') ? { ...base, max } : base;
        let fnCalls = 0;
        const f = memoize((...a: unknown[]) => {
          fnCalls++;
          return describeArgs(...a);
        }, options);
        // Reference for the unbounded modes: every distinct argument list is computed once.
        const seen: unknown[][] = [];
        for (const list of calls) {
          const before = fnCalls;
          const hitsBefore = f.cacheInfo().hits;
          expect(f(...list)).toBe(describeArgs(...list));
          const info = f.cacheInfo();
          // Exactly one of: a hit (no call), a miss (one call).
          expect(fnCalls - before + (info.hits - hitsBefore)).toBe(1);
          expect(info.hits + info.misses).toBeGreaterThan(0);
          expect(info.currsize).toBeLessThanOrEqual(info.maxsize);
          if (options.max === undefined || options.max === Infinity) {
            const known = seen.some((s) => sameArgs(s, list));
            expect(fnCalls - before).toBe(known ? 0 : 1);
            if (!known) seen.push(list);
          } else {
            // Just computed or just hit: the next call hits.
            const again = fnCalls;
            f(...list);
            expect(fnCalls).toBe(again);
          }
        }
        expect(f.cacheInfo().misses).toBe(fnCalls);
      }),
      { numRuns: 300 },
    );
  });
});
