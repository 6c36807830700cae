/**
 * `eslint-plugin-memo-guard/memoize/redis`: a shared store for `memoize` on the Redis client the
 * caller gives (node-redis v5+ or ioredis v5+, a client or a cluster). No Redis client is a
 * dependency of this package.
 *
 * Keys (one function's entries and locks share a cluster hash slot through the `{...}` tag):
 *   entry  <prefix>{<name>}:<key>        an envelope (codec.ts), PX = ttl + stale windows
 *   lock   <prefix>{<name>}:lock:<key>   a random token, PX = lease
 *   pub/sub channel <prefix>memo-guard:invalidate   JSON [name, key | null]
 *
 * Every operation has a timeout and is refused at once while the client is not connected (no
 * offline queue); consecutive failures open a circuit breaker for a cooldown, during which the
 * memoizer computes in process. After the subscriber reconnects (pub/sub loses messages while
 * disconnected), every memoizer on this store drops its in-process tier.
 */
import { createHash, randomBytes } from 'node:crypto';
import { decodeValue, encodeValue, envelope, ENVELOPE_VERSION, NotShareableError, openEnvelope } from './codec.js';
import { describe, validateDuration } from './options.js';
import { STORE_BRAND, type SharedStore, type StoredEntry, type StoreLock } from './shared.js';

export { NotShareableError } from './codec.js';
export type { SharedStore } from './shared.js';

/** A node-redis (v5+) client or cluster, or an ioredis (v5+) client or cluster. */
export type RedisClientLike =
  | { sendCommand: (...args: never[]) => unknown; duplicate: (...args: never[]) => unknown }
  | { call: (...args: never[]) => unknown; duplicate: (...args: never[]) => unknown };

export interface RedisStoreOptions {
  /** Prepended to every key and to the pub/sub channel (default 'memo:'). */
  prefix?: string;
  /** Ms each Redis operation may take before it counts as failed (default 250). */
  timeout?: number;
  /** Ms a computation lock is held before another process may take over (default 10,000); renewed while the computation runs. */
  lockLease?: number;
  /** Ms between two looks of a caller waiting for another process's computation (default 25). */
  pollInterval?: number;
  /** Consecutive failures that open the circuit breaker (default 3). */
  breakerThreshold?: number;
  /** Ms the breaker stays open before Redis is tried again (default 1,000). */
  breakerCooldown?: number;
}

const KNOWN = ['prefix', 'timeout', 'lockLease', 'pollInterval', 'breakerThreshold', 'breakerCooldown'];

// --- Scripts (run atomically by Redis) ---------------------------------------------------------

const NOW = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)";

/** KEYS: lock; ARGV: token, lease. Returns the server ms now if taken, else 0. */
const LOCK = `${NOW} if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return now end return 0`;

/** KEYS: lock; ARGV: token, lease. */
const EXTEND = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

/** KEYS: lock; ARGV: token. */
const UNLOCK = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/**
 * KEYS: entry, lock; ARGV: token, born, envelope, px (0: none). Stores unless the entry there was
 * computed later (a larger `born`, tombstones included); releases the lock if still held.
 */
const WRITE = `local cur = redis.call('GET', KEYS[1])
local ok = 1
if cur then
  local b = tonumber(string.match(cur, '^${ENVELOPE_VERSION}|(%d+)|'))
  if b and b > tonumber(ARGV[2]) then ok = 0 end
end
if ok == 1 then
  if ARGV[4] == '0' then redis.call('SET', KEYS[1], ARGV[3]) else redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4]) end
end
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return ok`;

/**
 * KEYS: entry, lock; ARGV: tombstone px. Replaces the entry by a tombstone born now (so that a
 * computation started before cannot write back) and frees the lock. Returns 1 if a value was there.
 */
const DELETE = `${NOW}
local cur = redis.call('GET', KEYS[1])
local had = 0
if cur and string.match(cur, '^${ENVELOPE_VERSION}|%d+|%d+|') then had = 1 end
redis.call('SET', KEYS[1], '${ENVELOPE_VERSION}|' .. string.format('%d', now) .. '|T', 'PX', ARGV[1])
redis.call('DEL', KEYS[2])
return had`;

const shas = new Map<string, string>();
/** The SHA1 of a script, computed once. */
function sha1(text: string): string {
  let sha = shas.get(text);
  if (sha === undefined) shas.set(text, (sha = createHash('sha1').update(text).digest('hex')));
  return sha;
}

// --- Client adapters ------------------------------------------------------------------------

interface Adapter {
  /** Connected and accepting commands now. */
  ready(): boolean;
  /** Run a command (`key` routes it on a cluster). */
  command(key: string | undefined, args: string[]): Promise<unknown>;
  /**
   * Senders for a keyless command (SCAN) that must reach the node holding `key`'s slot: one, or
   * one per master where the client cannot route a keyless command by a key.
   */
  nodesOf(key: string): ((args: string[]) => Promise<unknown>)[];
  /** Subscribe on a new connection; `onReady` runs on every (re)connection of the subscriber. Returns its closer. */
  subscribe(channel: string, onMessage: (message: string) => void, onReady: () => void): Promise<() => void>;
}

type Fn = (...args: unknown[]) => unknown;
type Listener = (...args: unknown[]) => void;
interface Emitter {
  on(event: string, listener: Listener): unknown;
}

function nodeRedisAdapter(client: Record<string, unknown>): Adapter {
  const cluster = 'masters' in client;
  const send = client.sendCommand as Fn;
  const command = (key: string | undefined, args: string[]): Promise<unknown> =>
    (cluster ? send.call(client, key, false, args) : send.call(client, args)) as Promise<unknown>;
  return {
    ready: () => (cluster ? client.isOpen === true : client.isReady === true),
    command,
    // A cluster client sends to the node of the key it is given, keyless commands included.
    nodesOf: (key) => [(args) => command(key, args)],
    async subscribe(channel, onMessage, onReady) {
      const sub = (client.duplicate as Fn).call(client) as Record<string, unknown> & Emitter;
      sub.on('error', () => undefined);
      sub.on('ready', onReady);
      await ((sub.connect as Fn).call(sub) as Promise<unknown>);
      await ((sub.subscribe as Fn).call(sub, channel, (message: unknown) => {
        onMessage(String(message));
      }) as Promise<unknown>);
      return () => {
        if (sub.isOpen === true) (sub.destroy as Fn).call(sub);
      };
    },
  };
}

function ioredisAdapter(client: Record<string, unknown>): Adapter {
  /** `args` through this ioredis connection or cluster (which routes by the command's keys). */
  const commandOn = (target: Record<string, unknown>) => (args: string[]) => (target.call as Fn).apply(target, args) as Promise<unknown>;
  const command = commandOn(client);
  return {
    ready: () => client.status === 'ready',
    command: (_key, args) => command(args),
    // An ioredis Cluster sends a keyless command to a random node: ask every master.
    nodesOf: () =>
      client.isCluster === true ? ((client.nodes as Fn).call(client, 'master') as Record<string, unknown>[]).map(commandOn) : [command],
    async subscribe(channel, onMessage, onReady) {
      // Its own connection, connected now whatever the client's lazyConnect, and allowed to queue
      // its own SUBSCRIBE while it (re)connects.
      const overrides = { lazyConnect: true, enableOfflineQueue: true };
      const sub = (
        client.isCluster === true
          ? (client.duplicate as Fn).call(client, [], overrides)
          : (client.duplicate as Fn).call(client, overrides)
      ) as Record<string, unknown> & Emitter;
      sub.on('error', () => undefined);
      sub.on('ready', onReady);
      await ((sub.connect as Fn).call(sub) as Promise<unknown>);
      sub.on('message', (ch: unknown, message: unknown) => {
        if (ch === channel) onMessage(String(message));
      });
      await ((sub.subscribe as Fn).call(sub, channel) as Promise<unknown>);
      return () => {
        (sub.disconnect as Fn).call(sub);
      };
    },
  };
}

function adapterOf(client: unknown): Adapter {
  if (typeof client === 'object' && client !== null) {
    const c = client as Record<string, unknown>;
    if (typeof c.duplicate === 'function') {
      if (typeof c.call === 'function' && typeof c.status === 'string') return ioredisAdapter(c);
      if (typeof c.sendCommand === 'function') return nodeRedisAdapter(c);
    }
  }
  throw new TypeError(
    `redisStore: \`client\` must be a node-redis (v5+) or ioredis (v5+) client, got ${describe(client)}`,
  );
}

// --- The store ------------------------------------------------------------------------------

/** Ms after which the offset to the store's clock is measured again. */
const CLOCK_RESYNC_MS = 60_000;

/** When this process's `performance.now()` was 0, in ms since the epoch (read once: a getter). */
const TIME_ORIGIN = performance.timeOrigin;

/** This process's clock in ms since the epoch, monotonic (not moved by NTP steps). */
function localNow(): number {
  return TIME_ORIGIN + performance.now();
}

/**
 * The store's clock, read from this process's: the offset between the two is measured over a
 * round trip (off by at most half of it) by a TIME the first time, again in the background once a
 * minute old, and by every lock taken (its reply carries the store's time). A sample replaces the
 * current one unless its round trip was more than twice as long and the current one is recent.
 */
class ServerClock {
  private offset: number | undefined = undefined;
  private measuredAt = 0;
  private roundTrip = Infinity;
  private syncing: Promise<void> | undefined = undefined;
  private readonly measure: () => Promise<void>;

  constructor(measure: () => Promise<void>) {
    this.measure = measure;
  }

  /** The store's time now; measured first if it never was. */
  async now(): Promise<number> {
    if (this.offset === undefined) await this.sync();
    return localNow() + (this.offset as number);
  }

  /** The store's time now without waiting (undefined before the first measure). */
  cached(): number | undefined {
    const offset = this.offset;
    if (offset === undefined) return undefined;
    const now = localNow();
    if (now - this.measuredAt > CLOCK_RESYNC_MS) this.sync().catch(() => undefined);
    return now + offset;
  }

  sample(serverMs: number, sent: number, received: number): void {
    const roundTrip = received - sent;
    if (this.offset !== undefined && roundTrip > this.roundTrip * 2 && received - this.measuredAt < CLOCK_RESYNC_MS) return;
    this.offset = serverMs - (sent + received) / 2;
    this.roundTrip = roundTrip;
    this.measuredAt = received;
  }

  private sync(): Promise<void> {
    return (this.syncing ??= this.measure().finally(() => {
      this.syncing = undefined;
    }));
  }
}

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

function positive(options: RedisStoreOptions | undefined, option: keyof RedisStoreOptions, fallback: number): number {
  const value: unknown = options?.[option];
  validateDuration(value, option, 'redisStore');
  return value ?? fallback;
}

class RedisStore implements SharedStore {
  readonly [STORE_BRAND] = true as const;
  readonly lease: number;
  readonly pollInterval: number;
  private readonly adapter: Adapter;
  private readonly prefix: string;
  private readonly timeout: number;
  private readonly threshold: number;
  private readonly cooldown: number;
  private failures = 0;
  private openUntil = 0;
  private readonly listeners = new Map<string, Set<(key: string | undefined) => void>>();
  private subscribed: Promise<(() => void) | undefined> | undefined = undefined;
  private closed = false;
  private subscriberReadies = 0;
  private readonly clock = new ServerClock(() => this.syncClock());

  constructor(client: unknown, options: RedisStoreOptions | undefined) {
    const given: unknown = options;
    if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
      throw new TypeError(`redisStore: \`options\` must be an object, got ${describe(options)}`);
    }
    for (const name of Object.keys(options ?? {})) {
      if (!KNOWN.includes(name)) throw new TypeError(`redisStore: unknown option \`${name}\` (known options: ${KNOWN.join(', ')})`);
    }
    this.adapter = adapterOf(client);
    const prefix: unknown = options?.prefix ?? 'memo:';
    if (typeof prefix !== 'string') throw new TypeError(`redisStore: \`prefix\` must be a string, got ${describe(prefix)}`);
    this.prefix = prefix;
    this.timeout = positive(options, 'timeout', 250);
    this.lease = positive(options, 'lockLease', 10_000);
    this.pollInterval = positive(options, 'pollInterval', 25);
    this.cooldown = positive(options, 'breakerCooldown', 1000);
    const threshold: unknown = options?.breakerThreshold ?? 3;
    if (typeof threshold !== 'number') {
      throw new TypeError(`redisStore: \`breakerThreshold\` must be a positive integer, got ${describe(threshold)}`);
    }
    if (!Number.isSafeInteger(threshold) || threshold < 1) {
      throw new RangeError(`redisStore: \`breakerThreshold\` must be a positive integer, got ${describe(threshold)}`);
    }
    this.threshold = threshold;
  }

  get usable(): boolean {
    // The clock is read only while the breaker has been opened (its cooldown may still run).
    return this.adapter.ready() && (this.openUntil === 0 || performance.now() >= this.openUntil);
  }

  private entryKey(name: string, key: string): string {
    return `${this.prefix}{${name}}:${key}`;
  }

  private lockKey(name: string, key: string): string {
    return `${this.prefix}{${name}}:lock:${key}`;
  }

  private get channel(): string {
    return `${this.prefix}memo-guard:invalidate`;
  }

  /** One command, with the timeout, the no-offline-queue rule and the breaker. */
  private run(key: string | undefined, args: string[]): Promise<unknown> {
    return this.guard(args[0] ?? '', () => this.adapter.command(key, args));
  }

  /**
   * Send what `send` sends (refused at once while the client is not connected: no offline queue),
   * and wait for it at most `timeout` ms; a failure or a timeout counts towards the breaker.
   */
  private async guard<T>(what: string, send: () => Promise<T>): Promise<T> {
    if (!this.adapter.ready()) {
      this.failed();
      throw new Error('redisStore: the Redis client is not connected');
    }
    let timer: NodeJS.Timeout | undefined;
    const sent = send();
    try {
      const reply = await Promise.race([
        sent,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(new TimeoutError(`redisStore: ${what} took more than ${String(this.timeout)} ms`));
          }, this.timeout);
          timer.unref();
        }),
      ]);
      this.failures = 0;
      return reply;
    } catch (error) {
      sent.catch(() => undefined);
      this.failed();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Measure the offset to the store's clock with a TIME. */
  private async syncClock(): Promise<void> {
    const sent = localNow();
    const reply = (await this.run(undefined, ['TIME'])) as [unknown, unknown];
    this.clock.sample(Number(reply[0]) * 1000 + Math.floor(Number(reply[1]) / 1000), sent, localNow());
  }

  private failed(): void {
    this.failures++;
    if (this.failures >= this.threshold) {
      this.openUntil = performance.now() + this.cooldown;
      this.failures = this.threshold - 1; // half-open after the cooldown: one more failure re-opens
    }
  }

  /** A script by its SHA, loading it on the first NOSCRIPT. */
  private async script(source: string, keys: string[], args: string[]): Promise<unknown> {
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await this.run(keys[0], ['EVALSHA', sha1(source), ...tail]);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('NOSCRIPT')) throw error;
      this.failures = 0;
      return await this.run(keys[0], ['EVAL', source, ...tail]);
    }
  }

  async get(name: string, key: string): Promise<StoredEntry | undefined> {
    const entryKey = this.entryKey(name, key);
    const text = await this.run(entryKey, ['GET', entryKey]);
    if (typeof text !== 'string') return undefined;
    const opened = openEnvelope(text);
    if (opened === undefined) return undefined;
    let value: unknown;
    try {
      value = decodeValue(opened.payload);
    } catch {
      return undefined;
    }
    // Age since the write, on the store's clock (freshness counts from then; `born`, the lock's
    // time, orders writes). Redis drops the entry itself at `lifeMs`.
    const age = Math.max(0, (this.clock.cached() ?? (await this.clock.now())) - opened.written);
    return {
      value,
      freshFor: opened.freshMs === 0 ? Infinity : opened.freshMs - age,
      livesFor: opened.lifeMs === 0 ? Infinity : opened.lifeMs - age,
    };
  }

  async lock(name: string, key: string): Promise<StoreLock | undefined> {
    const token = randomBytes(12).toString('base64url');
    const sent = localNow();
    const born = Number(await this.script(LOCK, [this.lockKey(name, key)], [token, String(this.lease)]));
    if (born === 0) return undefined;
    this.clock.sample(born, sent, localNow());
    return { token, born };
  }

  async extend(name: string, key: string, lock: StoreLock): Promise<boolean> {
    return Number(await this.script(EXTEND, [this.lockKey(name, key)], [lock.token, String(this.lease)])) === 1;
  }

  async set(name: string, key: string, lock: StoreLock, value: unknown, freshMs: number, lifeMs: number): Promise<boolean> {
    let payload: string;
    try {
      payload = encodeValue(value);
    } catch (error) {
      if (error instanceof NotShareableError) throw error;
      throw new NotShareableError(String(error));
    }
    const reply = await this.script(
      WRITE,
      [this.entryKey(name, key), this.lockKey(name, key)],
      [lock.token, String(lock.born), envelope(lock.born, Math.round(await this.clock.now()), freshMs, lifeMs, payload), String(lifeMs)],
    );
    return Number(reply) === 1;
  }

  async unlock(name: string, key: string, lock: StoreLock): Promise<void> {
    await this.script(UNLOCK, [this.lockKey(name, key)], [lock.token]);
  }

  async delete(name: string, key: string): Promise<boolean> {
    const had = await this.script(DELETE, [this.entryKey(name, key), this.lockKey(name, key)], [String(2 * this.lease)]);
    await this.run(undefined, ['PUBLISH', this.channel, JSON.stringify([name, key])]);
    return Number(had) === 1;
  }

  async clear(name: string): Promise<void> {
    const tag = `${this.prefix}{${name}}:`;
    const pattern = `${tag}*`.replace(/[*?[\]\\]/g, (c, i: number, s: string) => (i === s.length - 1 ? c : `\\${c}`));
    // One function's keys share a slot, so one node holds them all; which one, only some clients know.
    for (const send of this.adapter.nodesOf(tag)) {
      let cursor = '0';
      do {
        const args = ['SCAN', cursor, 'MATCH', pattern, 'COUNT', '1000'];
        const [next, keys] = (await this.guard('SCAN', () => send(args))) as [unknown, string[]];
        cursor = String(next);
        if (keys.length !== 0) await this.run(keys[0], ['UNLINK', ...keys]);
      } while (cursor !== '0');
    }
    await this.run(undefined, ['PUBLISH', this.channel, JSON.stringify([name, null])]);
  }

  listen(name: string, listener: (key: string | undefined) => void): void {
    let set = this.listeners.get(name);
    if (set === undefined) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    this.subscribed ??= this.adapter
      .subscribe(
        this.channel,
        (message) => {
          this.dispatch(message);
        },
        () => {
          // Every connection after the first is a reconnection: messages may have been lost.
          if (this.subscriberReadies++ > 0) this.dropAll();
        },
      )
      .then((close) => {
        if (this.closed) close();
        return close;
      })
      .catch(() => {
        // No pub/sub: invalidations from other instances arrive only through expiry.
        this.subscribed = undefined;
        return undefined;
      });
  }

  /** Resolves once the subscriber listens (so that invalidations from now on are heard). */
  async ready(): Promise<void> {
    await this.subscribed;
  }

  /** Close the store's own subscriber connection (the client stays the caller's to close). */
  async close(): Promise<void> {
    this.closed = true;
    const close = await this.subscribed;
    close?.();
  }

  private dispatch(message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') return;
    const key: unknown = parsed[1];
    for (const listener of this.listeners.get(parsed[0]) ?? []) listener(typeof key === 'string' ? key : undefined);
  }

  private dropAll(): void {
    for (const set of this.listeners.values()) for (const listener of set) listener(undefined);
  }
}

/** A shared store for `memoize(fn, { store, name })` on a node-redis (v5+) or ioredis (v5+) client. */
export function redisStore(
  client: RedisClientLike,
  options?: RedisStoreOptions,
): SharedStore & { ready(): Promise<void>; close(): Promise<void> } {
  return new RedisStore(client, options);
}
