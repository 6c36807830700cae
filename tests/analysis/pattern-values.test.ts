/**
 * How many whole strings a pattern test lets through: the product of each position's choices, summed
 * over repetitions and alternatives; without limit when anything repeats unboundedly or the pattern
 * is not anchored at both ends.
 */
import { describe, expect, it } from 'vitest';
import { patternValueCount } from '../../src/analysis/syntax/pattern-values.js';

describe('patternValueCount', () => {
  it('counts digits to a fixed length: ten choices in six places', () => {
    expect(patternValueCount('^\\d{6}$', '')).toBe(10 ** 6);
  });
  it('sums over a range of repetitions: 26^2 + 26^3 + 26^4', () => {
    expect(patternValueCount('^[A-Z]{2,4}$', '')).toBe(26 ** 2 + 26 ** 3 + 26 ** 4);
  });
  it('counts both cases of each letter under the i flag', () => {
    expect(patternValueCount('^[a-c]$', 'i')).toBe(6);
  });
  it('counts alternatives, inside a group and anchored at each end', () => {
    expect(patternValueCount('^(?:en|fr|de)$', '')).toBe(3);
    expect(patternValueCount('^en$|^fr-[A-Z]{2}$', '')).toBe(1 + 26 ** 2);
    expect(patternValueCount('^v?\\d$', '')).toBe(20);
  });
  it('is unbounded for unlimited repetition, a missing anchor, a multiline flag or a negated class', () => {
    expect(patternValueCount('^[\\w-]+$', '')).toBe(Infinity);
    expect(patternValueCount('\\d{6}', '')).toBe(Infinity);
    expect(patternValueCount('^en$|fr', '')).toBe(Infinity);
    expect(patternValueCount('^\\d{6}$', 'm')).toBe(Infinity);
    expect(patternValueCount('^[^/]{3}$', '')).toBe(Infinity);
    expect(patternValueCount('^.{2}$', '')).toBe(Infinity);
  });
  it('is unbounded for a pattern it cannot parse', () => {
    expect(patternValueCount('^(unclosed$', '')).toBe(Infinity);
  });
});
