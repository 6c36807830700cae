/**
 * The eviction core shared by bounded `memoize` and `LruMap`: SIEVE (Zhang et al., NSDI '24)
 * whose queue is the insertion order of the index `Map` itself.
 *
 * An entry is one `Map` entry `key -> slot` plus `values[slot]` and `visited[slot]` (and
 * `expires[slot]` when a ttl is set). No object is allocated per entry, and there is no key array
 * and no link array: V8's `Map` already keeps its entries in insertion order.
 *
 * `values` (a plain array grown by `push`) and `visited` (a byte per slot, allocated at once for
 * `max` slots, at most 2^24: a `Map` cannot hold more entries) are never replaced (clearing empties
 * them in place), so an owner may hold them in locals for its hit path without refreshing them.
 *
 * SIEVE in four lines:
 * - new entries go to the newest end of the queue (`Map.set` appends); a hit only sets
 *   `visited[slot] = 1`, nothing moves, so a bounded hit costs about what an unbounded one does;
 * - to evict, a hand walks from where it stopped towards the newest entry (oldest first), clearing
 *   visited bits, and removes the first entry whose bit is clear; past the newest it wraps to the
 *   oldest;
 * - the hand stays where it stopped, so survivors keep their place (unlike CLOCK, new entries are
 *   not put behind the hand, and unlike LRU, hits do not reorder);
 * - on skewed (Zipf-like) streams its hit ratio is at least LRU's.
 *
 * The hand is a live `Map` iterator (they survive deletes and rehashes) plus the entry it will
 * visit next, fetched ahead so that "the evicted entry was the newest" is known at once (the hand
 * then restarts at the oldest entry, not at entries added later). Removing that next entry moves
 * the hand past it.
 *
 * With one ttl for every entry the queue is also in expiry order, so expired entries are purged
 * from the oldest end by a second cursor of the same kind.
 *
 * Keys the store drops by itself are returned to the owner (`evict`, `purgeOne`): no callback, so
 * the store's code stays monomorphic whoever owns it.
 */

/** "No slot". */
export const NIL = -1;

/** Initial length of the deadlines array (it grows by doubling up to `max`). */
const INITIAL_CAPACITY = 16;
/** Most entries a V8 `Map` holds: no slot is ever beyond it. */
const MAX_SLOTS = 1 << 24;

/**
 * An empty array whose elements kind is already generic, so storing numbers, objects or
 * `undefined` never transitions it and keeps loads from it monomorphic in every cache.
 */
function genericArray(): unknown[] {
  const array: unknown[] = [null];
  array.pop();
  return array;
}


/** A position in the queue: a live iterator and the entry it yielded last (the next to visit). */
class Cursor<K> {
  iterator: MapIterator<[K, number]> | undefined = undefined;
  key: K | undefined = undefined;
  /** Slot of the next entry to visit; NIL: none (start again at the oldest entry). */
  slot = NIL;

  /** Move to the entry after the current one (NIL past the newest). */
  advance(): void {
    const iterator = this.iterator;
    if (iterator !== undefined) {
      const step = iterator.next();
      if (step.done !== true) {
        this.key = step.value[0];
        this.slot = step.value[1];
        return;
      }
    }
    this.reset();
  }

  /** Start at the oldest entry of `index` (NIL if it is empty). */
  start(index: Map<K, number>): void {
    this.iterator = index.entries();
    this.advance();
  }

  reset(): void {
    this.iterator = undefined;
    this.key = undefined;
    this.slot = NIL;
  }
}

export class SieveStore<K, V> {
  /** Key -> slot, in insertion order: the SIEVE queue. The owner reads it directly on hits. */
  readonly index = new Map<K, number>();
  /** `values[slot]`: the cached value. Never replaced. */
  readonly values: (V | undefined)[] = genericArray() as (V | undefined)[];
  /** `visited[slot]`: 1 if hit since the hand last passed it. The only write a hit makes. Never replaced. */
  readonly visited: Uint8Array;
  /** `expires[slot]`: `performance.now()` deadline; only when a ttl is set. */
  expires: Float64Array | undefined;

  /**
   * The key `add` evicted or `purgeOne` dropped. The owner reads it if it keeps other indexes,
   * and must reset it to `undefined` so the store does not keep a dropped key alive.
   */
  dropped: K | undefined = undefined;

  readonly max: number;
  /** Time to live in ms; 0 means entries never expire. */
  readonly ttl: number;

  /** Next eviction candidate. */
  private readonly hand = new Cursor<K>();
  /** Oldest entry, for the ttl purge. */
  private readonly oldest = new Cursor<K>();
  /** Slots released by `release`. */
  private readonly free: number[] = [];

  constructor(max: number, ttl: number) {
    this.max = max;
    this.ttl = ttl;
    this.visited = new Uint8Array(Math.min(max, MAX_SLOTS));
    this.expires = ttl > 0 ? new Float64Array(Math.min(max, INITIAL_CAPACITY)) : undefined;
  }

  get size(): number {
    return this.index.size;
  }

  /** Whether the entry in `slot` has outlived the ttl (always false without a ttl). */
  isExpired(slot: number): boolean {
    return this.expires !== undefined && (this.expires[slot] as number) <= performance.now();
  }

  /**
   * Store an entry for a key that is not in the index and return its slot. The owner makes room
   * first with a ttl (`purgeOne`); when full, this evicts one entry (its key is then in `dropped`).
   */
  add(key: K, value: V): number {
    let slot: number;
    if (this.index.size >= this.max) {
      slot = this.evict();
      this.values[slot] = value;
    } else if (this.free.length !== 0) {
      slot = this.free.pop() as number;
      this.values[slot] = value;
    } else {
      slot = this.values.length;
      this.values.push(value);
      if (this.expires !== undefined && slot === this.expires.length) this.growExpires();
    }
    this.visited[slot] = 0;
    if (this.expires !== undefined) this.expires[slot] = performance.now() + this.ttl;
    this.index.set(key, slot);
    return slot;
  }

  /**
   * SIEVE: from the hand towards the newest, clear visited bits; evict the first unvisited entry.
   * Returns its slot (for the caller to reuse) and leaves its key in `dropped`.
   */
  private evict(): number {
    const visited = this.visited;
    const hand = this.hand;
    if (hand.slot === NIL) hand.start(this.index);
    let slot = hand.slot;
    while (visited[slot] !== 0) {
      visited[slot] = 0;
      hand.advance();
      if (hand.slot === NIL) hand.start(this.index);
      slot = hand.slot;
    }
    const key = hand.key as K;
    hand.advance();
    if (this.oldest.slot === slot) this.oldest.advance();
    this.index.delete(key);
    this.dropped = key;
    return slot;
  }

  /** Drop the oldest entry if it has expired (its key is then in `dropped`); whether it did. */
  purgeOne(now: number): boolean {
    const oldest = this.oldest;
    if (oldest.slot === NIL) oldest.start(this.index);
    const slot = oldest.slot;
    if (slot === NIL || ((this.expires as Float64Array)[slot] as number) > now) return false;
    const key = oldest.key as K;
    this.dropped = key;
    this.release(key, slot);
    return true;
  }

  /** Drop the entry of `key` (in `slot`) from the index and the store. */
  release(key: K, slot: number): void {
    if (this.hand.slot === slot) this.hand.advance();
    if (this.oldest.slot === slot) this.oldest.advance();
    this.index.delete(key);
    this.values[slot] = undefined;
    this.visited[slot] = 0;
    this.free.push(slot);
  }

  /** Drop every entry and give the memory back (the arrays are emptied in place). */
  clear(): void {
    this.index.clear();
    this.hand.reset();
    this.oldest.reset();
    this.values.length = 0;
    this.visited.fill(0);
    this.free.length = 0;
    if (this.expires !== undefined) this.expires = new Float64Array(Math.min(this.max, INITIAL_CAPACITY));
  }

  /** Double the deadlines array (up to `max`). */
  private growExpires(): void {
    const old = this.expires as Float64Array;
    const expires = new Float64Array(Math.min(this.max, old.length * 2));
    expires.set(old);
    this.expires = expires;
  }
}
