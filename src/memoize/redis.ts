/**
 * `eslint-plugin-memo-guard/memoize/redis`: a shared store for `memoize` on the Redis client the
 * caller gives (node-redis v5+ or ioredis v5+, a client or a cluster). No Redis client is a
 * dependency of this package.
 *
 * Keys (one function's entries and locks share a cluster hash slot through the `{...}` tag;
 * values and locks live in separate namespaces, so no key of one can be a key of the other):
 *   entry  <prefix>{<name>}:v:<key>   an envelope (codec.ts), PX = ttl + stale windows
 *   lock   <prefix>{<name>}:l:<key>   a random token, PX = a short claim, then the lease
 *   pub/sub channel <prefix>memo-guard:invalidate   JSON [name, key | null]
 * `<name>` and `<key>` are escaped losslessly (`escapeKey`): '%' and lone surrogates (which
 * UTF-8 would turn into U+FFFD) become %XX / %XXXX, and '{' '}' in a name too.
 *
 * Locks are fenced: a value is written only while its computation's lock token still holds, and
 * an invalidation deletes the lock, so a computation that an invalidation (or a lost lease)
 * overtook never writes back. A lock is first taken for a short claim (the operation timeout)
 * and extended to the full lease only once its taker has heard the reply: a lock command that
 * timed out on the client but ran on Redis later (a paused or failed-over server, a client
 * that resends commands after reconnecting) leaves a lock that dies within the claim; its
 * taker also sends an unlock behind it on the same connection.
 *
 * Every operation has a timeout and is refused at once while the client is not connected (no
 * offline queue); consecutive failures open a circuit breaker for a cooldown, during which the
 * memoizer computes in process. After the subscriber reconnects (pub/sub loses messages while
 * disconnected), every memoizer on this store drops its in-process tier.
 */
import { createHash, randomBytes } from 'node:crypto';
import { decodeValue, encodeValue, envelope, ENVELOPE_VERSION, NotShareableError, openEnvelope } from './codec.js';
import { describe, validateDuration } from './options.js';
import { type Acquired, STORE_BRAND, type SharedStore, type StoredEntry, type StoreLock } from './shared.js';

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

/**
 * KEYS: entry, lock; ARGV: token, claim ms, usable ms past fresh. Reads the entry; unless it is
 * usable (fresh, or stale by less than ARGV[3]), takes the lock for the claim. Returns
 * { server ms now, 1 if taken else 0, the entry or '' } in one atomic step, so a value stored
 * between a reader's GET and its lock is seen (no second run) and no re-read is needed.
 */
const ACQUIRE = `${NOW}
local cur = redis.call('GET', KEYS[1]) or ''
local w, f = string.match(cur, '^${ENVELOPE_VERSION}|%d+|(%d+)|(%d+)|%d+|')
if w and (f == '0' or tonumber(w) + tonumber(f) + tonumber(ARGV[3]) > now) then return { now, 0, cur } end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return { now, 1, cur } end
return { now, 0, cur }`;

/** KEYS: lock; ARGV: token, lease. */
const EXTEND = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

/** KEYS: lock; ARGV: token. */
const UNLOCK = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/**
 * KEYS: entry, lock; ARGV: token, born, envelope, px (0: none). Fenced: stores only while the lock
 * still holds this token (an invalidation deletes the lock; a lost lease lets it expire or pass
 * to another holder), and unless the entry there was computed later (a larger `born`,
 * tombstones included); then releases the lock. Returns 1 if stored.
 */
const WRITE = `if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[2])
local cur = redis.call('GET', KEYS[1])
if cur then
  local b = tonumber(string.match(cur, '^${ENVELOPE_VERSION}|(%d+)|'))
  if b and b > tonumber(ARGV[2]) then return 0 end
end
if ARGV[4] == '0' then redis.call('SET', KEYS[1], ARGV[3]) else redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4]) end
return 1`;

/**
 * KEYS: entry, lock; ARGV: tombstone px. Replaces the entry by a tombstone born now and deletes
 * the lock (so a computation in flight cannot write its value back). Returns 1 if a value was there.
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
  /**
   * Subscribe on a new connection of its own, made now and retried by the client's own
   * reconnection (also when Redis is down at the start). Returns at once: its closer (which
   * works in every state, connected or not) and a promise of the first subscription.
   */
  subscribe(channel: string, onMessage: (message: string) => void, events: SubscriberEvents): Subscriber;
}

interface SubscriberEvents {
  /** The subscriber's connection is (again) ready. */
  ready: () => void;
  /** The subscriber's connection failed or closed: messages may be lost until it is ready again. */
  trouble: () => void;
}

interface Subscriber {
  close(): void;
  subscribed: Promise<void>;
}

type Fn = (...args: unknown[]) => unknown;
type Listener = (...args: unknown[]) => void;
interface Emitter {
  on(event: string, listener: Listener): unknown;
}

const ignore = (): void => undefined;

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
    subscribe(channel, onMessage, events) {
      const sub = (client.duplicate as Fn).call(client) as Record<string, unknown> & Emitter;
      sub.on('error', events.trouble);
      sub.on('end', events.trouble);
      sub.on('ready', events.ready);
      let closed = false;
      // node-redis retries a first connection that fails (its reconnectStrategy) and resolves then.
      const subscribed = ((sub.connect as Fn).call(sub) as Promise<unknown>).then(async () => {
        if (closed) return;
        await ((sub.subscribe as Fn).call(sub, channel, (message: unknown) => {
          onMessage(String(message));
        }) as Promise<unknown>);
      });
      subscribed.catch(ignore);
      return {
        subscribed,
        close() {
          if (closed) return;
          closed = true;
          try {
            (sub.destroy as Fn).call(sub);
          } catch {
            // Already closed.
          }
        },
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
    subscribe(channel, onMessage, events) {
      // Its own connection, connected now whatever the client's lazyConnect, allowed to queue its
      // own SUBSCRIBE while it (re)connects, for as many attempts as it takes (a client made with
      // maxRetriesPerRequest: 0 would drop it at the first failed attempt, and never subscribe).
      const overrides = { lazyConnect: true, enableOfflineQueue: true };
      const sub = (
        client.isCluster === true
          ? (client.duplicate as Fn).call(client, [], {
              ...overrides,
              redisOptions: { ...(client.options as { redisOptions?: object } | undefined)?.redisOptions, maxRetriesPerRequest: null },
            })
          : (client.duplicate as Fn).call(client, { ...overrides, maxRetriesPerRequest: null })
      ) as Record<string, unknown> & Emitter;
      sub.on('error', events.trouble);
      sub.on('close', events.trouble);
      sub.on('ready', events.ready);
      sub.on('message', (ch: unknown, message: unknown) => {
        if (ch === channel) onMessage(String(message));
      });
      // A failed first connection is retried by the client's retryStrategy; the SUBSCRIBE waits in
      // the subscriber's offline queue (and is resent after every reconnection: autoResubscribe).
      ((sub.connect as Fn).call(sub) as Promise<unknown>).catch(ignore);
      const subscribed = ((sub.subscribe as Fn).call(sub, channel) as Promise<unknown>).then(ignore);
      subscribed.catch(ignore);
      let closed = false;
      return {
        subscribed,
        close() {
          if (closed) return;
          closed = true;
          (sub.disconnect as Fn).call(sub);
        },
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

/** A reply error saying the script cache does not have a script (first use, or after a restart or SCRIPT FLUSH). */
function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

/** '%', lone surrogates and (in names) '{' and '}': what `escapeKey` rewrites. */
const KEY_UNSAFE = /%|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NAME_UNSAFE = /[%{}]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const hex = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * A key as Redis will hold it, losslessly: the clients send keys as UTF-8, which turns every
 * lone surrogate into U+FFFD (so '\ud800' and '\udc00' would share an entry). '%' becomes %25
 * and a lone surrogate %D800-%DFFF (4 digits, never 25, 7B or 7D: the escape is reversible, so
 * two different keys never meet). Keys with neither are unchanged.
 */
function escapeKey(key: string, unsafe: RegExp = KEY_UNSAFE): string {
  unsafe.lastIndex = 0;
  return unsafe.test(key) ? key.replace(unsafe, hex) : key;
}

/** A reply this long (a value being transferred) may be slow without Redis being in trouble. */
const BULKY_REPLY = 64 * 1024;
/** Extra ms a write of a large value may take: one per this many bytes (100 MB/s). */
const BYTES_PER_MS = 100_000;

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
  private subscriber: Subscriber | undefined = undefined;
  private closed = false;
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

  private tag(name: string): string {
    return `${this.prefix}{${escapeKey(name, NAME_UNSAFE)}}:`;
  }

  private entryKey(name: string, key: string): string {
    return `${this.tag(name)}v:${escapeKey(key)}`;
  }

  private lockKey(name: string, key: string): string {
    return `${this.tag(name)}l:${escapeKey(key)}`;
  }

  private get channel(): string {
    return `${this.prefix}memo-guard:invalidate`;
  }

  /** One command, with the timeout, the no-offline-queue rule and the breaker. */
  private run(key: string | undefined, args: string[], extraMs = 0): Promise<unknown> {
    return this.guard(args[0] ?? '', () => this.adapter.command(key, args), extraMs);
  }

  /**
   * Send what `send` sends (refused at once while the client is not connected: no offline queue),
   * and wait for it at most `timeout` (+ `extraMs`) ms; a failure or a timeout counts towards the
   * breaker, a NOSCRIPT reply does not (Redis answered). The timeout is declared only after the
   * event loop has read the sockets once more, so a reply that arrived while the loop was busy
   * (a synchronous function computing) is not mistaken for a timeout. A bulky reply that comes
   * after its timeout (a large value in transfer, not a sick Redis) cancels the failures.
   */
  private async guard<T>(what: string, send: () => Promise<T>, extraMs = 0): Promise<T> {
    if (!this.adapter.ready()) {
      this.failed();
      throw new Error('redisStore: the Redis client is not connected');
    }
    let timer: NodeJS.Timeout | undefined;
    const state = { timedOut: false };
    const sent = send();
    try {
      const reply = await Promise.race([
        sent,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            // Timers run before the poll phase that reads sockets; setImmediate runs after it. (Not
            // unref'd: an unref'd immediate does not stop the poll phase from blocking on I/O.)
            setImmediate(() => {
              state.timedOut = true;
              reject(new TimeoutError(`redisStore: ${what} took more than ${String(this.timeout + extraMs)} ms`));
            });
          }, this.timeout + extraMs);
          timer.unref();
        }),
      ]);
      this.failures = 0;
      return reply;
    } catch (error) {
      if (state.timedOut) {
        sent.then((late) => {
          if (typeof late === 'string' && late.length >= BULKY_REPLY) this.recovered();
        }, ignore);
      } else {
        sent.catch(ignore);
      }
      if (!isNoScript(error)) this.failed();
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

  private recovered(): void {
    this.failures = 0;
    this.openUntil = 0;
  }

  /** A script by its SHA; on NOSCRIPT (first use, a restart, SCRIPT FLUSH) by its text, which loads it again. */
  private async script(source: string, keys: string[], args: string[], extraMs = 0): Promise<unknown> {
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await this.run(keys[0], ['EVALSHA', sha1(source), ...tail], extraMs);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return await this.run(keys[0], ['EVAL', source, ...tail], extraMs);
    }
  }

  /**
   * A script sent without waiting, without the breaker and whatever the client's state (a client
   * with an offline queue sends it after the commands it resends): cleanup behind a command that
   * failed on the client but may still run on Redis.
   */
  private quietly(source: string, keys: string[], args: string[]): void {
    const tail = [String(keys.length), ...keys, ...args];
    const key = keys[0];
    let sent: Promise<unknown>;
    try {
      sent = this.adapter.command(key, ['EVALSHA', sha1(source), ...tail]);
    } catch {
      return;
    }
    sent.catch((error: unknown) => {
      if (isNoScript(error)) this.adapter.command(key, ['EVAL', source, ...tail]).catch(ignore);
    });
  }

  /** An entry's text read at `serverNow` on the store's clock; undefined for a tombstone, another version or garbage. */
  private entryOf(text: unknown, serverNow: number): StoredEntry | undefined {
    if (typeof text !== 'string' || text === '') return undefined;
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
    const age = Math.max(0, serverNow - opened.written);
    return {
      value,
      freshFor: opened.freshMs === 0 ? Infinity : opened.freshMs - age,
      livesFor: opened.lifeMs === 0 ? Infinity : opened.lifeMs - age,
    };
  }

  async get(name: string, key: string): Promise<StoredEntry | undefined> {
    const entryKey = this.entryKey(name, key);
    const text = await this.run(entryKey, ['GET', entryKey]);
    if (typeof text !== 'string') return undefined;
    return this.entryOf(text, this.clock.cached() ?? (await this.clock.now()));
  }

  async acquire(name: string, key: string, staleFor: number, lostClaims = 0): Promise<Acquired> {
    const token = randomBytes(12).toString('base64url');
    const lockKey = this.lockKey(name, key);
    // The claim is the timeout; a caller that lost claims (its event loop too busy to confirm in
    // time) gets twice as long each time, up to the lease, so it cannot lose them for ever.
    const claim = Math.min(this.lease, this.timeout * 2 ** Math.min(lostClaims, 30));
    const sent = localNow();
    let reply: [unknown, unknown, unknown];
    try {
      reply = (await this.script(ACQUIRE, [this.entryKey(name, key), lockKey], [token, String(Math.ceil(claim)), String(Math.max(0, Math.floor(staleFor)))])) as [
        unknown,
        unknown,
        unknown,
      ];
    } catch (error) {
      // It may still run on Redis (a paused server, a resent command): free what it would take.
      this.quietly(UNLOCK, [lockKey], [token]);
      throw error;
    }
    const now = Number(reply[0]);
    this.clock.sample(now, sent, localNow());
    const entry = this.entryOf(reply[2], now);
    if (Number(reply[1]) !== 1) return { entry, lock: undefined, lostClaim: false };
    const lock = { token, born: now };
    // Confirm the claim: extend it to the lease. Past the claim (this reply came late), the lock
    // may be someone else's already: then this caller waits like any other.
    let held: boolean;
    try {
      held = await this.extend(name, key, lock);
    } catch (error) {
      this.quietly(UNLOCK, [lockKey], [token]);
      throw error;
    }
    return { entry, lock: held ? lock : undefined, lostClaim: !held };
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
    const lockKey = this.lockKey(name, key);
    const text = envelope(lock.born, Math.round(await this.clock.now()), freshMs, lifeMs, payload);
    try {
      const reply = await this.script(
        WRITE,
        [this.entryKey(name, key), lockKey],
        [lock.token, String(lock.born), text, String(lifeMs)],
        Math.floor(text.length / BYTES_PER_MS),
      );
      return Number(reply) === 1;
    } catch (error) {
      // It may still run: then it releases the lock itself; if it never does, free the lock now.
      this.quietly(UNLOCK, [lockKey], [lock.token]);
      throw error;
    }
  }

  async unlock(name: string, key: string, lock: StoreLock): Promise<void> {
    try {
      await this.script(UNLOCK, [this.lockKey(name, key)], [lock.token]);
    } catch (error) {
      this.quietly(UNLOCK, [this.lockKey(name, key)], [lock.token]);
      throw error;
    }
  }

  async delete(name: string, key: string): Promise<boolean> {
    const had = await this.script(DELETE, [this.entryKey(name, key), this.lockKey(name, key)], [String(2 * this.lease)]);
    await this.run(undefined, ['PUBLISH', this.channel, JSON.stringify([name, key])]);
    return Number(had) === 1;
  }

  async clear(name: string): Promise<void> {
    const tag = this.tag(name);
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

  listen(name: string, listener: (key: string | undefined) => void): () => void {
    let set = this.listeners.get(name);
    if (set === undefined) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    if (this.subscriber === undefined && !this.closed) this.subscribe();
    return () => {
      const current = this.listeners.get(name);
      if (current?.delete(listener) === true && current.size === 0) this.listeners.delete(name);
    };
  }

  private subscribe(): void {
    let readies = 0;
    let trouble = false;
    try {
      this.subscriber = this.adapter.subscribe(
        this.channel,
        (message) => {
          this.dispatch(message);
        },
        {
          ready: () => {
            // A reconnection, or a first connection after a failed start: messages may have been
            // lost (or never heard), so every in-process copy is dropped.
            if (readies++ > 0 || trouble) this.dropAll();
            trouble = false;
          },
          trouble: () => {
            trouble = true;
          },
        },
      );
    } catch {
      // No pub/sub: invalidations from other instances arrive only through expiry.
      this.subscriber = undefined;
    }
  }

  /** Resolves once the subscriber listens (so that invalidations from now on are heard). */
  async ready(): Promise<void> {
    await this.subscriber?.subscribed;
  }

  /**
   * Close the store's own subscriber connection (the client stays the caller's to close). Resolves
   * at once, whatever the state of the connection (Redis down included), and leaves no handle open.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.subscriber?.close();
    await Promise.resolve();
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
