import memoizeOne from 'memoize-one';
import moize from 'moize';
import { memoize } from 'eslint-plugin-memo-guard/memoize';
import _ from 'lodash';

/** Fibonacci numbers for the pagination widget's "golden" page sizes. */
export const fib = memoizeOne((n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2))); // expect: no-recursive-cache-thrash

/** Tribonacci, bounded because the cache is shared across the process. */
export const trib = moize( // expect: no-recursive-cache-thrash
  (n: number): number => (n < 3 ? (n === 2 ? 1 : 0) : trib(n - 1) + trib(n - 2) + trib(n - 3)),
  { maxSize: 2 },
);

/** Catalan numbers with room: the bound is larger than any input the app uses. */
export const catalan = moize(
  (n: number): number => {
    if (n <= 1) return 1;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += catalan(i) * catalan(n - 1 - i);
    return sum;
  },
  { maxSize: 64 },
);

/** Lucas numbers: the process-wide memoizer without a bound. */
export const lucas = _.memoize((n: number): number => (n === 0 ? 2 : n === 1 ? 1 : lucas(n - 1) + lucas(n - 2)));

/** Binomial coefficients, unbounded on purpose (inputs stay under 60). */
export const choose = memoize((n: number, k: number): number => (k === 0 || k === n ? 1 : choose(n - 1, k - 1) + choose(n - 1, k)), { max: Infinity });

/** Partition counts, bounded too tightly for the table printed below. */
export const partitions = memoize( // expect: no-recursive-cache-thrash
  (n: number, max: number): number => {
    if (n === 0) return 1;
    if (n < 0 || max === 0) return 0;
    return partitions(n - max, max) + partitions(n, max - 1);
  },
  { max: 50 },
);

export function partitionTable(): number[] {
  const rows: number[] = [];
  for (let n = 0; n < 200; n++) rows.push(partitions(n, n));
  return rows;
}

/** A one-entry memoizer on a function that does not recurse: exactly what memoize-one is for. */
export const goldenRatio = memoizeOne((precision: number) => Number(((1 + Math.sqrt(5)) / 2).toFixed(precision)));
