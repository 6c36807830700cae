/**
 * The in-process tiers, in one place: entries by key, with the same interface for the two
 * kinds, so the miss path (`local.ts`) is written once.
 *
 * - `MapTier` (unbounded, no ttl): primitive keys in a `Map`, object keys in a `WeakMap` (the
 *   tier never keeps an object argument alive); an `ArgList` key holds its value itself.
 * - `SieveTier` (bounded, or with a ttl): a `SieveStore`, purged of expired entries before each
 *   insert and counting its evictions.
 *
 * `forget` is called with every key a tier drops by itself (evicted, expired, rejected, deleted),
 * so the owner can drop it from other indexes (the argument trie).
 */
import { ArgList } from './keys.js';
import { isRef } from './promises.js';
import { SieveStore } from './sieve-store.js';

/** `lookup`'s answer when there is no live entry. */
export const MISS: unique symbol = Symbol('memoize.miss');

export interface Tier {
  /** The live entry's value (counted as a use), or `MISS`; an expired entry is dropped. */
  lookup(key: unknown): unknown;
  /** Store `value` under `key`, in place if the key has an entry. */
  put(key: unknown, value: unknown): void;
  /** Drop the entry of `key` if it still holds `value` (a promise that rejected). */
  dropIf(key: unknown, value: unknown): void;
  /** Drop the entry of `key`; whether there was one. */
  delete(key: unknown): boolean;
  clear(): void;
  readonly size: number;
  readonly max: number;
  evictions: number;
}

type Forget = (key: unknown) => void;

/** Unbounded, no ttl. */
export class MapTier implements Tier {
  /** Primitive keys. Never replaced (cleared in place): the hit path holds it. */
  readonly strong = new Map<unknown, unknown>();
  /** Object keys (not `ArgList`s). */
  weak = new WeakMap<object, unknown>();
  readonly max = Infinity;
  evictions = 0;
  private count = 0;
  private readonly forget: Forget;

  constructor(forget: Forget) {
    this.forget = forget;
  }

  get size(): number {
    return this.count;
  }

  lookup(key: unknown): unknown {
    if (key instanceof ArgList) return key.filled ? key.value : MISS;
    if (isRef(key)) {
      const value = this.weak.get(key);
      return value !== undefined || this.weak.has(key) ? value : MISS;
    }
    const value = this.strong.get(key);
    return value !== undefined || this.strong.has(key) ? value : MISS;
  }

  put(key: unknown, value: unknown): void {
    if (key instanceof ArgList) {
      if (!key.filled) this.count++;
      key.filled = true;
      key.value = value;
    } else if (isRef(key)) {
      if (!this.weak.has(key)) this.count++;
      this.weak.set(key, value);
    } else {
      if (!this.strong.has(key)) this.count++;
      this.strong.set(key, value);
    }
  }

  dropIf(key: unknown, value: unknown): void {
    if (this.lookup(key) === value) this.delete(key);
  }

  delete(key: unknown): boolean {
    let removed: boolean;
    if (key instanceof ArgList) {
      removed = key.filled;
      key.filled = false;
      key.value = undefined;
    } else {
      removed = isRef(key) ? this.weak.delete(key) : this.strong.delete(key);
    }
    if (removed) this.count--;
    this.forget(key);
    return removed;
  }

  clear(): void {
    this.strong.clear();
    this.weak = new WeakMap();
    this.count = 0;
  }
}

/** Bounded (SIEVE), or with a ttl. */
export class SieveTier implements Tier {
  /** The store; its `index`, `values` and `visited` are never replaced: the hit path holds them. */
  readonly store: SieveStore<unknown, unknown>;
  readonly max: number;
  evictions = 0;
  private readonly forget: Forget;

  constructor(max: number, ttl: number, forget: Forget) {
    this.store = new SieveStore<unknown, unknown>(max, ttl);
    this.max = max;
    this.forget = forget;
  }

  get size(): number {
    return this.store.index.size;
  }

  lookup(key: unknown): unknown {
    const store = this.store;
    const slot = store.index.get(key);
    if (slot === undefined) return MISS;
    if (store.isExpired(slot)) {
      this.release(key, slot);
      return MISS;
    }
    store.visited[slot] = 1;
    return store.values[slot];
  }

  put(key: unknown, value: unknown): void {
    const store = this.store;
    let slot = store.index.get(key);
    if (slot !== undefined) {
      store.values[slot] = value;
      return;
    }
    if (store.ttl > 0) {
      const now = performance.now();
      while (store.purgeOne(now)) this.forget(store.dropped);
      store.dropped = undefined;
    }
    // Add first: forgetting an evicted key may prune trie levels the new key's path shares.
    slot = store.add(key, value);
    if (key instanceof ArgList) key.slot = slot;
    const dropped = store.dropped;
    if (dropped !== undefined) {
      store.dropped = undefined;
      this.evictions++;
      this.forget(dropped);
    }
  }

  dropIf(key: unknown, value: unknown): void {
    const slot = this.store.index.get(key);
    if (slot !== undefined && this.store.values[slot] === value) this.release(key, slot);
  }

  delete(key: unknown): boolean {
    const slot = this.store.index.get(key);
    if (slot === undefined) return false;
    this.release(key, slot);
    return true;
  }

  clear(): void {
    this.store.clear();
  }

  private release(key: unknown, slot: number): void {
    this.store.release(key, slot);
    this.forget(key);
  }
}
