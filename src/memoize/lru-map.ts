import { SieveStore } from './sieve-store.js';
import { validateMax } from './options.js';

/**
 * A `Map` with at most `max` entries, for hand-rolled caches. When full, `set` of a new key evicts
 * one entry by SIEVE (see `sieve-store.ts`): the same policy and the same order guarantee as
 * bounded `memoize`. `get` and `set` of an existing key count as a use; `has`, iteration and
 * `forEach` do not. Iteration is in insertion order, oldest first, like `Map`.
 * Keys compare by SameValueZero, like `Map`.
 */
export class LruMap<K, V> implements Map<K, V> {
  readonly #store: SieveStore<K, V>;
  /** The store's index (key -> slot), which is also its queue. */
  readonly #index: Map<K, number>;

  constructor(max: number) {
    validateMax(max, 'LruMap');
    this.#store = new SieveStore<K, V>(max, 0);
    this.#index = this.#store.index;
  }

  /** The bound given to the constructor. */
  get max(): number {
    return this.#store.max;
  }

  get size(): number {
    return this.#index.size;
  }

  get [Symbol.toStringTag](): string {
    return 'LruMap';
  }

  get(key: K): V | undefined {
    const slot = this.#index.get(key);
    if (slot === undefined) return undefined;
    const store = this.#store;
    store.visited[slot] = 1;
    return store.values[slot];
  }

  /** Like `get`, but does not count as a use. */
  peek(key: K): V | undefined {
    const slot = this.#index.get(key);
    return slot === undefined ? undefined : this.#store.values[slot];
  }

  set(key: K, value: V): this {
    const slot = this.#index.get(key);
    const store = this.#store;
    if (slot === undefined) {
      store.add(key, value);
      store.dropped = undefined;
    } else {
      store.values[slot] = value;
      store.visited[slot] = 1;
    }
    return this;
  }

  has(key: K): boolean {
    return this.#index.has(key);
  }

  delete(key: K): boolean {
    const slot = this.#index.get(key);
    if (slot === undefined) return false;
    this.#store.release(key, slot);
    return true;
  }

  clear(): void {
    this.#store.clear();
  }

  forEach(callbackfn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [key, slot] of this.#index) {
      callbackfn.call(thisArg, this.#store.values[slot] as V, key, this);
    }
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, slot] of this.#index) yield [key, this.#store.values[slot] as V];
  }

  keys(): MapIterator<K> {
    return this.#index.keys();
  }

  *values(): MapIterator<V> {
    for (const slot of this.#index.values()) yield this.#store.values[slot] as V;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
