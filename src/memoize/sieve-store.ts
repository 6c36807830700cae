/**
 * The eviction core shared by bounded `memoize` and `LruMap`: SIEVE (Zhang et al., NSDI '24)
 * over parallel slot arrays.
 *
 * An entry lives in a *slot*: `keys[slot]`, `values[slot]`, `visited[slot]` (and `expires[slot]`
 * when a ttl is set). The owner keeps its own index from key to slot (a `Map`, or nested `Map`s
 * for several arguments); the store only knows slots. No object is allocated per entry.
 *
 * SIEVE in four lines:
 * - new entries go to the head of a queue (newest first); a hit only sets `visited[slot] = 1`,
 *   nothing moves, so a bounded hit costs about what an unbounded one does;
 * - to evict, a hand walks from where it stopped towards the head (tail = oldest first), clearing
 *   visited bits, and removes the first entry whose bit is clear; at the head it wraps to the tail;
 * - the hand stays where it stopped, so survivors keep their place (unlike CLOCK, new entries are
 *   not put behind the hand, and unlike LRU, hits do not reorder);
 * - on skewed (Zipf-like) streams its hit ratio is at least LRU's.
 *
 * The queue is a doubly linked list threaded through two `Int32Array`s (`newer`, `older`); the
 * free list of slots released by `remove` is threaded through `newer`. Slots are handed out from
 * a high-water mark and the arrays grow by doubling up to `max`, so a cache that is never filled
 * never pays for `max` slots.
 *
 * Because entries never move, the queue is in insertion order; with one ttl for every entry it is
 * also in expiry order, so expired entries are purged from the tail on each insertion.
 */

/** "No slot": end of a list. */
export const NIL = -1;

const INITIAL_CAPACITY = 16;

/** Called with the key of an entry the store drops by itself (eviction, ttl purge). */
export type Unindex = (key: unknown) => void;

/**
 * An empty array whose elements kind is already generic, so storing numbers, objects or
 * `undefined` never transitions it and keeps loads from it monomorphic in every cache.
 */
function genericArray(): unknown[] {
  const array: unknown[] = [null];
  array.pop();
  return array;
}

export class SieveStore<V> {
  /** `keys[slot]`: the owner's key of the entry, handed back to `unindex` on eviction. */
  keys: unknown[] = genericArray();
  /** `values[slot]`: the cached value. */
  values: (V | undefined)[] = genericArray() as (V | undefined)[];
  /** `visited[slot]`: 1 if hit since the hand last passed it. The only write a hit makes. */
  visited: Uint8Array;
  /** `expires[slot]`: `performance.now()` deadline; only when a ttl is set. */
  expires: Float64Array | undefined;
  /** Number of live entries. */
  size = 0;

  readonly max: number;
  /** Time to live in ms; 0 means entries never expire. */
  readonly ttl: number;

  private newer: Int32Array;
  private older: Int32Array;
  /** Newest entry. */
  private head = NIL;
  /** Oldest entry. */
  private tail = NIL;
  /** Next eviction candidate; NIL means "start at the tail". */
  private hand = NIL;
  /** Slots released by `remove`, linked through `newer`. */
  private freeHead = NIL;
  /** Length of the typed arrays. */
  private capacity: number;
  private readonly unindex: Unindex;

  constructor(max: number, ttl: number, unindex: Unindex) {
    this.max = max;
    this.ttl = ttl;
    this.unindex = unindex;
    this.capacity = Math.min(max, INITIAL_CAPACITY);
    this.visited = new Uint8Array(this.capacity);
    this.newer = new Int32Array(this.capacity);
    this.older = new Int32Array(this.capacity);
    this.expires = ttl > 0 ? new Float64Array(this.capacity) : undefined;
  }

  /** Whether the entry in `slot` has outlived the ttl (always false without a ttl). */
  isExpired(slot: number): boolean {
    return this.expires !== undefined && (this.expires[slot] as number) <= performance.now();
  }

  /**
   * Store an entry whose key the owner does not index yet and return its slot; the owner then
   * indexes `key -> slot`. Purges expired entries first, and evicts one entry if full.
   */
  add(key: unknown, value: V): number {
    if (this.expires !== undefined) this.purgeExpired();
    let slot: number;
    if (this.size >= this.max) {
      slot = this.evict();
    } else if (this.freeHead !== NIL) {
      slot = this.freeHead;
      this.freeHead = this.newer[slot] as number;
    } else {
      slot = this.keys.length;
      if (slot === this.capacity) this.grow();
      this.keys.push(key);
      this.values.push(value);
      if (slot + 1 === this.max) {
        // Full for the first time: drop the slack that `push` left in the backing stores.
        this.keys = this.keys.slice();
        this.values = this.values.slice();
      }
    }
    this.keys[slot] = key;
    this.values[slot] = value;
    this.visited[slot] = 0;
    if (this.expires !== undefined) this.expires[slot] = performance.now() + this.ttl;
    // Link at the head (newest end).
    this.older[slot] = this.head;
    this.newer[slot] = NIL;
    if (this.head === NIL) this.tail = slot;
    else this.newer[this.head] = slot;
    this.head = slot;
    this.size++;
    return slot;
  }

  /** Drop the entry in `slot`; the owner has already removed (or will remove) it from its index. */
  remove(slot: number): void {
    if (this.hand === slot) this.hand = this.newer[slot] as number;
    this.unlink(slot);
    this.keys[slot] = undefined;
    this.values[slot] = undefined;
    this.visited[slot] = 0;
    this.newer[slot] = this.freeHead;
    this.freeHead = slot;
    this.size--;
  }

  /** Drop every entry and give the memory back. The owner clears its index. */
  clear(): void {
    this.keys = genericArray();
    this.values = genericArray() as (V | undefined)[];
    this.capacity = Math.min(this.max, INITIAL_CAPACITY);
    this.visited = new Uint8Array(this.capacity);
    this.newer = new Int32Array(this.capacity);
    this.older = new Int32Array(this.capacity);
    if (this.expires !== undefined) this.expires = new Float64Array(this.capacity);
    this.head = this.tail = this.hand = this.freeHead = NIL;
    this.size = 0;
  }

  /** SIEVE: from the hand towards the head, clear visited bits; evict the first unvisited entry. */
  private evict(): number {
    const visited = this.visited;
    const newer = this.newer;
    let slot = this.hand === NIL ? this.tail : this.hand;
    while (visited[slot] !== 0) {
      visited[slot] = 0;
      slot = newer[slot] as number;
      if (slot === NIL) slot = this.tail;
    }
    this.hand = newer[slot] as number;
    const key = this.keys[slot];
    this.unlink(slot);
    this.size--;
    this.unindex(key);
    return slot;
  }

  /** Entries are in expiry order (oldest first), so the expired ones are a prefix from the tail. */
  private purgeExpired(): void {
    const expires = this.expires as Float64Array;
    const now = performance.now();
    while (this.tail !== NIL && (expires[this.tail] as number) <= now) {
      const slot = this.tail;
      const key = this.keys[slot];
      this.remove(slot);
      this.unindex(key);
    }
  }

  private unlink(slot: number): void {
    const older = this.older[slot] as number;
    const newer = this.newer[slot] as number;
    if (older === NIL) this.tail = newer;
    else this.newer[older] = newer;
    if (newer === NIL) this.head = older;
    else this.older[newer] = older;
  }

  /** Double the typed arrays (up to `max`); keys and values grow by `push`. */
  private grow(): void {
    const capacity = Math.min(this.max, this.capacity * 2);
    const visited = new Uint8Array(capacity);
    visited.set(this.visited);
    this.visited = visited;
    const newer = new Int32Array(capacity);
    newer.set(this.newer);
    this.newer = newer;
    const older = new Int32Array(capacity);
    older.set(this.older);
    this.older = older;
    if (this.expires !== undefined) {
      const expires = new Float64Array(capacity);
      expires.set(this.expires);
      this.expires = expires;
    }
    this.capacity = capacity;
  }
}
