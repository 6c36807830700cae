/**
 * Keying, in one place: how an argument list becomes the key of an entry.
 *
 * - Identity keys (the default): a 1-argument call's key is the argument itself; a call of 0 or
 *   2+ arguments is keyed by an `ArgList`, found through a trie of one level per argument
 *   position (primitives in a `Map`, objects in a `WeakMap`, so the trie never keeps an argument
 *   alive) whose leaves hold the `ArgList`.
 * - Computed keys ('structural' and resolvers): one key per call, from `keyFunction`.
 */
import { isRef } from './promises.js';
import { NIL } from './sieve-store.js';
import { structuralKey } from './structural-key.js';

/** The key of an entry of 0 or 2+ arguments (1-argument entries use the argument itself). */
export class ArgList {
  readonly args: readonly unknown[];
  /** The entry's slot in a bounded tier (read on its 2-argument hit path). */
  slot = NIL;
  /** In the unbounded tier, the entry itself: whether there is one, and its value. */
  filled = false;
  value: unknown = undefined;
  constructor(args: readonly unknown[]) {
    this.args = args;
  }
}

/** One argument position: primitives in a Map, objects and functions in a WeakMap. */
export class Level {
  strong: Map<unknown, unknown> | undefined = undefined;
  weak: WeakMap<object, unknown> | undefined = undefined;

  get(key: unknown): unknown {
    return isRef(key) ? this.weak?.get(key) : this.strong?.get(key);
  }

  set(key: unknown, value: unknown): void {
    if (isRef(key)) (this.weak ??= new WeakMap()).set(key, value);
    else (this.strong ??= new Map()).set(key, value);
  }

  delete(key: unknown): boolean {
    return isRef(key) ? this.weak?.delete(key) === true : this.strong?.delete(key) === true;
  }

  /** Known empty (a level that ever held an object may hold collected entries: never "empty"). */
  isEmpty(): boolean {
    return this.weak === undefined && (this.strong === undefined || this.strong.size === 0);
  }
}

/** Argument lists of 0 or 2+ arguments -> their `ArgList`. */
export class ArgTrie {
  /** roots[n]: the first level of calls with n arguments. */
  private roots: (Level | undefined)[] = [];
  /** roots[2], for the 2-argument hit path. */
  root2 = new Level();
  private zero: ArgList | undefined = undefined;

  constructor() {
    this.roots[2] = this.root2;
  }

  /** The `ArgList` of `args` if it has an entry. */
  find(args: ArrayLike<unknown>): ArgList | undefined {
    const n = args.length;
    if (n === 0) return this.zero;
    let level = this.roots[n];
    for (let i = 0; level !== undefined && i < n - 1; i++) level = level.get(args[i]) as Level | undefined;
    return level?.get(args[n - 1]) as ArgList | undefined;
  }

  /** The `ArgList` of `args`, created (with its path) if it has none. */
  insert(args: readonly unknown[]): ArgList {
    const n = args.length;
    if (n === 0) return (this.zero ??= new ArgList(args));
    let level = (this.roots[n] ??= new Level());
    for (let i = 0; i < n - 1; i++) {
      let next = level.get(args[i]) as Level | undefined;
      if (next === undefined) level.set(args[i], (next = new Level()));
      level = next;
    }
    let list = level.get(args[n - 1]) as ArgList | undefined;
    if (list === undefined) level.set(args[n - 1], (list = new ArgList(args)));
    return list;
  }

  /** Remove the path of `list` (if it is still the one indexed), pruning levels left empty. */
  forget(list: ArgList): void {
    const args = list.args;
    if (args.length === 0) {
      if (this.zero === list) this.zero = undefined;
      return;
    }
    const root = this.roots[args.length];
    if (root !== undefined) prune(root, list, 0);
  }

  clear(): void {
    this.roots = [];
    this.root2 = this.roots[2] = new Level();
    this.zero = undefined;
  }
}

/** Delete `list` below `level`; returns whether `level` is now empty. */
function prune(level: Level, list: ArgList, i: number): boolean {
  const args = list.args;
  if (i === args.length - 1) {
    if (level.get(args[i]) === list) level.delete(args[i]);
  } else {
    const child = level.get(args[i]) as Level | undefined;
    if (child !== undefined && prune(child, list, i + 1)) level.delete(args[i]);
  }
  return level.isEmpty();
}

/** A computed key: from the call's `this` and arguments. */
export type KeyFunction = (thisArg: unknown, args: ArrayLike<unknown>) => unknown;

/**
 * The key function of a `key` option that is not identity. `portable` (with a shared store):
 * keys must mean the same in every process, so they are strings built from plain data only.
 */
export function keyFunction(key: 'structural' | ((...args: unknown[]) => unknown), portable: boolean): KeyFunction {
  if (key === 'structural') {
    return portable ? (_thisArg, args) => structuralKey(args, true) : (_thisArg, args) => structuralKey(args);
  }
  if (!portable) return (thisArg, args) => key.apply(thisArg, args as unknown[]);
  return (thisArg, args) => {
    const k = key.apply(thisArg, args as unknown[]);
    return typeof k === 'string' ? k : structuralKey([k], true);
  };
}
