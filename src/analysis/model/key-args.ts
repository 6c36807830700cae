/**
 * Which arguments a key argument reads, and back: the one place that knows how `KeyArg`'s forms
 * (one index, several, fields of one, every argument, none) name argument positions.
 */
import type { ArgsKey, KeyArg } from './file-model.js';

/** Whether the key is made of several whole arguments. */
export function isArgsKey(keyArg: KeyArg): keyArg is ArgsKey {
  return typeof keyArg === 'object' && 'args' in keyArg;
}

/** The positions of the arguments the key is made of, ascending; `undefined` for every argument (`'all'`). */
export function keyedIndexes(keyArg: KeyArg): readonly number[] | undefined {
  if (keyArg === 'all') return undefined;
  if (keyArg === 'none') return [];
  if (typeof keyArg === 'number') return [keyArg];
  return isArgsKey(keyArg) ? keyArg.args : [keyArg.arg];
}

/** The key argument made of these whole arguments: none, one, or several. */
export function keyArgOfIndexes(indexes: Iterable<number>): KeyArg {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const [first] = sorted;
  if (first === undefined) return 'none';
  return sorted.length === 1 ? first : { args: sorted };
}
