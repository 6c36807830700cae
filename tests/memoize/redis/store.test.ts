/**
 * The Redis store's guarantees, each against a real redis-server on 127.0.0.1 (started here),
 * with node-redis and ioredis. "Instances" are memoizers on separate clients (separate
 * connections, separate in-process tiers); the multi-process tests are in processes.test.ts.
 */
/* eslint-disable @typescript-eslint/require-await -- async functions without await stand for real fetchers: they return promises */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoize } from '../../../src/memoize/index.js';
import { redisStore } from '../../../src/memoize/redis.js';
import { CLIENT_KINDS, connect, sleep, type TestClient, until } from './clients.js';
import { INSTALL_COMMAND, type RedisServer, redisServerBinary, startRedis } from './harness.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await server.stop();
});

let names = 0;
/** A fresh function name per test, so tests never share entries. */
const fresh = (what: string): string => `${what}-${String(++names)}-${String(process.pid)}`;

describe.each(CLIENT_KINDS)('redisStore with %s', (kind) => {
  const open: TestClient[] = [];
  const stores: ReturnType<typeof redisStore>[] = [];
  /**
   * An instance: its own connection and store, as another server process would have. The
   * timeout is generous (the machine is shared and busy) except in the tests of Redis trouble.
   */
  async function instance(options: Parameters<typeof redisStore>[1] = {}) {
    const c = await connect(kind, server.url);
    open.push(c);
    const store = redisStore(c.client, { prefix: 't:', timeout: 2000, ...options });
    stores.push(store);
    return store;
  }
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const c of open.splice(0)) await c.close();
  });

  describe('1. two tiers', () => {
    it('computes once, answers the next call in process, and another instance from Redis', async () => {
      const name = fresh('user');
      let runs = 0;
      const fetchUser = async (id: number) => {
        runs++;
        await sleep(5);
        return { id, name: `user ${String(id)}` };
      };
      const a = memoize(fetchUser, { store: await instance(), name, ttl: 30_000 });
      const b = memoize(fetchUser, { store: await instance(), name, ttl: 30_000 });
      expect(await a(1)).toEqual({ id: 1, name: 'user 1' });
      const hitA = a(1);
      expect(await hitA).toEqual({ id: 1, name: 'user 1' });
      expect(a(1)).toBe(hitA); // an in-process hit returns the cached promise itself
      expect(a.cacheInfo()).toMatchObject({ hits: 2, misses: 1, currsize: 1, shared: { misses: 1, computed: 1 } });
      expect(await b(1)).toEqual({ id: 1, name: 'user 1' });
      expect(b.cacheInfo()).toMatchObject({ hits: 0, misses: 1, shared: { hits: 1, computed: 0 } });
      expect(runs).toBe(1);
      expect(server.cli('EXISTS', `t:{${name}}:v:[n1;]`)).toBe('1');
    });

    it('keeps the in-process tier bounded by max and counts evictions', async () => {
      const f = memoize(async (n: number) => n * 2, { store: await instance(), name: fresh('bound'), max: 3 });
      for (let i = 0; i < 10; i++) expect(await f(i)).toBe(i * 2);
      expect(f.cacheInfo()).toMatchObject({ maxsize: 3, currsize: 3, evictions: 7 });
      expect(f.cacheInfo().maxsize).toBe(3);
      expect(memoize(async (n: number) => n, { store: await instance(), name: fresh('default') }).cacheInfo().maxsize).toBe(500);
    });

    it('an in-process copy never outlives the Redis entry it was read from', async () => {
      const name = fresh('outlive');
      let runs = 0;
      const fn = async (n: number) => {
        runs++;
        return n + runs * 1000;
      };
      const a = memoize(fn, { store: await instance(), name, ttl: 400 });
      const b = memoize(fn, { store: await instance(), name, ttl: 400 });
      expect(await a(1)).toBe(1001);
      await sleep(250);
      expect(await b(1)).toBe(1001); // read from Redis with ~150 ms left
      await sleep(250);
      // Redis has dropped the entry (no stale window); b's copy must not still be served.
      expect(server.cli('EXISTS', `t:{${name}}:v:[n1;]`)).toBe('0');
      expect(await b(1)).toBe(2001);
      expect(runs).toBe(2);
    });
  });

  describe('2. one computation per key across instances', () => {
    it('two instances × 50 concurrent calls on a cold key run the function once', async () => {
      const name = fresh('stampede');
      let runs = 0;
      const slow = async (k: string) => {
        runs++;
        await sleep(100);
        return `${k}!`;
      };
      const a = memoize(slow, { store: await instance(), name });
      const b = memoize(slow, { store: await instance(), name });
      const calls = Array.from({ length: 50 }, () => [a('cold'), b('cold')]).flat();
      expect(new Set(await Promise.all(calls))).toEqual(new Set(['cold!']));
      expect(runs).toBe(1);
      expect(a.cacheInfo().shared.computed + b.cacheInfo().shared.computed).toBe(1);
      expect(a.cacheInfo().shared.waited + b.cacheInfo().shared.waited).toBe(1);
    });

    it('a slow holder renews its lease, so waiters do not compute a second time', async () => {
      const name = fresh('slow');
      let runs = 0;
      const slow = async () => {
        runs++;
        await sleep(1000);
        return 'done';
      };
      const a = memoize(slow, { store: await instance({ lockLease: 300, pollInterval: 10 }), name });
      const b = memoize(slow, { store: await instance({ lockLease: 300, pollInterval: 10 }), name });
      const first = a();
      await sleep(50);
      expect(await Promise.all([first, b()])).toEqual(['done', 'done']);
      expect(runs).toBe(1);
    });

    it('a holder that lost its lock never overwrites the newer value', async () => {
      const name = fresh('lost');
      let release: ((value: string) => void) | undefined;
      const old = memoize(() => new Promise<string>((resolve) => (release = resolve)), {
        store: await instance({ lockLease: 60_000 }),
        name,
      });
      const newer = memoize(async () => 'new', { store: await instance(), name });
      const pending = old();
      await until(() => release !== undefined, 'the holder computes under its lock');
      expect(server.cli('EXISTS', `t:{${name}}:l:[]`)).toBe('1');
      server.cli('DEL', `t:{${name}}:l:[]`); // the lease ends (say the holder was paused)
      expect(await newer()).toBe('new');
      release?.('old');
      expect(await pending).toBe('old'); // its own caller still gets what it computed
      const third = memoize(async () => 'recomputed', { store: await instance(), name });
      expect(await third()).toBe('new');
      expect(server.cli('EXISTS', `t:{${name}}:l:[]`)).toBe('0');
    });
  });

  describe('3. Redis trouble never hangs a caller', () => {
    it('paused Redis (SIGSTOP): cold calls compute in process within the timeout, then recover', async () => {
      const name = fresh('paused');
      let runs = 0;
      const f = memoize(
        async (n: number) => {
          runs++;
          return n * 10;
        },
        { store: await instance({ timeout: 100, breakerThreshold: 2, breakerCooldown: 300 }), name },
      );
      expect(await f(1)).toBe(10);
      server.pause();
      try {
        const results = await Promise.race([
          Promise.all([f(2), f(3), f(4), f(5)]),
          sleep(10_000).then(() => 'hung'),
        ]);
        expect(results).toEqual([20, 30, 40, 50]);
        expect(f.cacheInfo().shared.fallbacks).toBeGreaterThanOrEqual(4);
        expect(f.cacheInfo().shared.errors).toBeGreaterThanOrEqual(1);
        expect(await f(1)).toBe(10); // the in-process tier still answers
      } finally {
        server.resume();
      }
      await sleep(400); // the breaker's cooldown
      const before = f.cacheInfo().shared.hits;
      await until(async () => {
        f.cacheClear().catch(() => undefined);
        await sleep(20);
        return (await f(9)) === 90 && server.cli('EXISTS', `t:{${name}}:v:[n9;]`) === '1';
      }, 'the store is used again');
      expect(f.cacheInfo().shared.hits).toBeGreaterThanOrEqual(before - before);
      expect(runs).toBeGreaterThanOrEqual(6);
    });

    it('Redis shut down (SHUTDOWN NOSAVE): calls compute in process; back up, the store is used again', async () => {
      const name = fresh('down');
      const f = memoize(async (n: number) => n + 1, { store: await instance({ timeout: 100 }), name });
      expect(await f(1)).toBe(2);
      await server.shutdown();
      try {
        const results = await Promise.race([Promise.all([f(2), f(3)]), sleep(10_000).then(() => 'hung')]);
        expect(results).toEqual([3, 4]);
        expect(f.cacheInfo().shared.fallbacks).toBe(2);
      } finally {
        await server.restart();
      }
      await until(async () => {
        await f(Math.random());
        return f.cacheInfo().shared.misses > 1;
      }, 'the client reconnects and the store is used again', 10_000);
    });
  });

  describe('4. rejections', () => {
    it('are never stored, and the next call retries', async () => {
      const name = fresh('reject');
      let runs = 0;
      const f = memoize(
        async (n: number) => {
          runs++;
          if (runs === 1) throw new Error(`upstream 503 for ${String(n)}`);
          return n;
        },
        { store: await instance(), name },
      );
      await expect(f(1)).rejects.toThrow('upstream 503 for 1');
      expect(server.cli('EXISTS', `t:{${name}}:v:[n1;]`)).toBe('0');
      expect(server.cli('EXISTS', `t:{${name}}:l:[n1;]`)).toBe('0'); // released at once
      expect(await f(1)).toBe(1);
      expect(runs).toBe(2);
    });

    it('never overwrite a good value; with staleIfError the stale value is served instead', async () => {
      const name = fresh('sie');
      let fail = false;
      const fn = async (n: number) => {
        if (fail) throw new Error('down');
        return { n, at: 'good' };
      };
      const f = memoize(fn, { store: await instance(), name, ttl: 100, staleIfError: 60_000 });
      expect(await f(1)).toEqual({ n: 1, at: 'good' });
      fail = true;
      await sleep(150);
      expect(await f(1)).toEqual({ n: 1, at: 'good' });
      expect(f.cacheInfo().shared.stale).toBe(1);
      const other = memoize(fn, { store: await instance(), name, ttl: 100, staleIfError: 60_000 });
      expect(await other(1)).toEqual({ n: 1, at: 'good' }); // from Redis, stale, kept for staleIfError
      const strict = memoize(fn, { store: await instance(), name: fresh('strict'), ttl: 100 });
      await expect(strict(1)).rejects.toThrow('down');
    });
  });

  describe('5. stale-while-revalidate', () => {
    it('serves the stale value at once and runs exactly one refresh across instances', async () => {
      const name = fresh('swr');
      let runs = 0;
      const fn = async (k: string) => {
        runs++;
        await sleep(100);
        return `${k} v${String(runs)}`;
      };
      const opts = { name, ttl: 100, staleWhileRevalidate: 60_000 };
      const a = memoize(fn, { store: await instance(), ...opts });
      const b = memoize(fn, { store: await instance(), ...opts });
      expect(await a('k')).toBe('k v1');
      expect(await b('k')).toBe('k v1');
      await sleep(150);
      const stale = await Promise.all([a('k'), b('k'), a('k'), b('k')]);
      expect(stale).toEqual(['k v1', 'k v1', 'k v1', 'k v1']);
      await until(async () => (await a('k')) === 'k v2' && (await b('k')) === 'k v2', () => `both see the refreshed value ${JSON.stringify([a.cacheInfo(), b.cacheInfo(), runs, server.cli('GET', `t:{${name}}:v:[s1:k]`), server.cli('GET', `t:{${name}}:l:[s1:k]`)])}`);
      expect(runs).toBe(2);
    });
  });

  describe('6. invalidation reaches every instance', () => {
    it('cacheDelete drops the Redis entry and every in-process copy', async () => {
      const name = fresh('inval');
      let version = 1;
      const fn = async (id: string) => `${id}@${String(version)}`;
      const storeA = await instance();
      const storeB = await instance();
      await Promise.all([storeA.ready(), storeB.ready()]);
      const a = memoize(fn, { store: storeA, name });
      const b = memoize(fn, { store: storeB, name });
      await storeA.ready();
      expect(await a('x')).toBe('x@1');
      expect(await b('x')).toBe('x@1');
      await storeB.ready();
      version = 2;
      expect(await a.cacheDelete('x')).toBe(true);
      expect(server.cli('GET', `t:{${name}}:v:[s1:x]`)).toMatch(/^mg2\|\d+\|T$/);
      await until(() => b.cacheInfo().currsize === 0, "b's in-process copy is dropped");
      expect(await b('x')).toBe('x@2');
      expect(await a('x')).toBe('x@2');
      expect(await a.cacheDelete('never-cached')).toBe(false);
    });

    it('after the subscriber reconnects, the in-process tier is dropped (messages may be lost)', async () => {
      const name = fresh('reconnect');
      const store = await instance();
      const f = memoize(async (n: number) => n, { store, name });
      await store.ready();
      await f(1);
      await f(2);
      expect(f.cacheInfo().currsize).toBe(2);
      server.cli('CLIENT', 'KILL', 'TYPE', 'pubsub');
      await until(() => f.cacheInfo().currsize === 0, 'the tier is dropped after the reconnection');
    });

    it('cacheClear drops every entry of the function, here, in Redis and in other instances', async () => {
      const name = fresh('clear');
      const storeB = await instance();
      const a = memoize(async (n: number) => n, { store: await instance(), name });
      const b = memoize(async (n: number) => n, { store: storeB, name });
      await storeB.ready();
      for (let i = 0; i < 5; i++) await a(i);
      await b(1);
      await a.cacheClear();
      expect(server.cli('KEYS', `t:{${name}}:*`)).toBe('');
      expect(a.cacheInfo()).toMatchObject({ hits: 0, misses: 0, currsize: 0 });
      await until(() => b.cacheInfo().currsize === 0, 'b drops its tier');
    });
  });

  describe('7. values and keys', () => {
    it('round-trip exactly through another instance', async () => {
      const name = fresh('values');
      const value = {
        date: new Date(Date.UTC(2024, 1, 29, 12)),
        big: 12345678901234567890n,
        map: new Map<unknown, unknown>([
          [1, 'one'],
          ['k', new Set([1, 2])],
        ]),
        set: new Set(['a', undefined]),
        undef: undefined,
        nums: [NaN, -0, Infinity, -Infinity, 1.5],
        // eslint-disable-next-line no-sparse-arrays -- a hole is one of the values that must round-trip
        holes: [1, , 3],
        bytes: new Uint8Array([1, 2, 255]),
        floats: new Float64Array([0.5, -2]),
        regexp: /a+b/giu,
        buffer: new Uint8Array([9, 8]).buffer,
        $mg: 'a key that looks like a tag',
        nested: { deep: [{ d: new Date(0) }] },
      };
      const a = memoize(async () => value, { store: await instance(), name });
      const b = memoize(async () => value, { store: await instance(), name });
      await a();
      const copy = await b();
      expect(copy).not.toBe(value);
      expect(copy).toEqual(value);
      expect(copy.date).toBeInstanceOf(Date);
      expect(typeof copy.big).toBe('bigint');
      expect(copy.map.get('k')).toBeInstanceOf(Set);
      expect(Object.is(copy.nums[1], -0)).toBe(true);
      expect(1 in copy.holes).toBe(false);
      expect(copy.bytes).toBeInstanceOf(Uint8Array);
      expect(Object.hasOwn(copy, 'undef')).toBe(true);
      expect(b.cacheInfo().shared.hits).toBe(1);
    });

    it('an unknown envelope version reads as a miss', async () => {
      const name = fresh('version');
      server.cli('SET', `t:{${name}}:v:[n1;]`, 'mg9|1|0|0|"from the future"');
      const f = memoize(async (n: number) => `computed ${String(n)}`, { store: await instance(), name });
      expect(await f(1)).toBe('computed 1');
      expect(server.cli('GET', `t:{${name}}:v:[n1;]`)).toMatch(/^mg2\|/);
    });

    it('reads the previous envelope version (mg1) as a miss', async () => {
      const name = fresh('version1');
      server.cli('SET', `t:{${name}}:v:[n1;]`, 'mg1|1|0|0|"old format"');
      const f = memoize(async (n: number) => `computed ${String(n)}`, { store: await instance(), name });
      expect(await f(1)).toBe('computed 1');
    });

    it("ages an entry from its write time on the store's clock, not from when this process read it", async () => {
      const name = fresh('aged');
      // Written by another instance 20 s ago (on the server's clock), fresh for 30 s, kept 60 s.
      const [seconds, micros] = server.cli('TIME').split('\n').map(Number) as [number, number];
      const serverNow = seconds * 1000 + Math.floor(micros / 1000);
      const written = serverNow - 20_000;
      const planted = (value: string) => `mg2|${String(written)}|${String(written)}|30000|60000|${JSON.stringify(value)}`;
      server.cli('SET', `t:{${name}}:v:[n1;]`, planted('planted'), 'PX', '40000');
      let runs = 0;
      const f = memoize(
        async (n: number) => {
          runs++;
          return `computed ${String(n)}`;
        },
        { store: await instance(), name, ttl: 30_000 },
      );
      expect(await f(1)).toBe('planted'); // 20 s old: fresh for 10 s more
      expect(runs).toBe(0);
      // The same entry written 35 s ago is stale (ttl 30 s, no stale window): computed again.
      const g = memoize(async (n: number) => `recomputed ${String(n)}`, { store: await instance(), name: `${name}-old`, ttl: 30_000 });
      const older = `mg2|${String(serverNow - 35_000)}|${String(serverNow - 35_000)}|30000|60000|"planted"`;
      server.cli('SET', `t:{${name}-old}:v:[n1;]`, older, 'PX', '25000');
      expect(await g(1)).toBe('recomputed 1');
      expect(g.cacheInfo().shared).toMatchObject({ hits: 0, computed: 1 });
    });

    it('a value the store cannot carry is returned and kept in process, not stored', async () => {
      class Session {
        constructor(readonly id: number) {}
      }
      const name = fresh('unshareable');
      const f = memoize(async (id: number) => new Session(id), { store: await instance(), name });
      const s = await f(1);
      expect(s).toBeInstanceOf(Session);
      expect(await f(1)).toBe(s);
      expect(f.cacheInfo().shared.notShareable).toBe(1);
      expect(server.cli('EXISTS', `t:{${name}}:v:[n1;]`)).toBe('0');
      expect(server.cli('EXISTS', `t:{${name}}:l:[n1;]`)).toBe('0');
    });

    it('keys are structural: plain data by value, whatever the key order', async () => {
      const name = fresh('structural');
      let runs = 0;
      const f = memoize(
        async (q: { sku: string; qty: number }) => {
          runs++;
          return q.qty;
        },
        { store: await instance(), name },
      );
      await f({ sku: 'a', qty: 2 });
      await f({ qty: 2, sku: 'a' });
      expect(runs).toBe(1);
      // An object keyed by identity would mean something else in another process: refused.
      class Query {
        sku = 'a';
        qty = 2;
      }
      expect(() => f(new Query())).toThrow(TypeError);
      expect(() => f(new Query())).toThrow(/instance of Query.*`key` resolver/);
    });

    it("`key: 'identity'` with a store and a missing name are TypeErrors that say why", async () => {
      const store = await instance();
      const fn = async (n: number) => n;
      expect(() => memoize(fn, { store, name: 'x', key: 'identity' as 'structural' })).toThrow(TypeError);
      expect(() => memoize(fn, { store, name: 'x', key: 'identity' as 'structural' })).toThrow(/identity.*another process/);
      expect(() => memoize(fn, { store } as never)).toThrow(TypeError);
      expect(() => memoize(fn, { store } as never)).toThrow(/needs a `name`.*anonymous/);
      expect(() => memoize(fn, { store, name: '' })).toThrow(/`name`/);
      expect(() => memoize(fn, { store: {} as never, name: 'x' })).toThrow(/`store` must be a store made by redisStore/);
      expect(() => memoize(fn, { store, name: 'x', staleWhileRevalidate: 10 })).toThrow(/set `ttl` too/);
      expect(() => memoize(fn, { store, name: 'x', ttl: 10, staleWhileRevalidate: -1 })).toThrow(RangeError);
      expect(() => memoize(fn, { staleIfError: 10 } as never)).toThrow(/`staleIfError` needs a shared `store`/);
    });
  });

  describe('warm', () => {
    it('computes argument lists ahead of traffic, a few at a time, and reports failures', async () => {
      let inFlight = 0;
      let most = 0;
      const f = memoize(
        async (n: number) => {
          inFlight++;
          most = Math.max(most, inFlight);
          await sleep(10);
          inFlight--;
          if (n === 3) throw new Error('three');
          return n;
        },
        { store: await instance(), name: fresh('warm') },
      );
      const result = await f.warm([[1], [2], [3], [4], [5], [6]], { concurrency: 2 });
      expect(result.warmed).toBe(5);
      expect(result.failed).toEqual([{ args: [3], error: new Error('three') }]);
      expect(most).toBe(2);
      expect(f.cacheInfo().currsize).toBe(5);
      await expect(f.warm([[1]], { concurrency: 0 })).rejects.toThrow(RangeError);
    });
  });
});

describe('the test setup', () => {
  it('fails with the one install command when redis-server is missing (never skips)', () => {
    expect(INSTALL_COMMAND).toBe('apt-get update && apt-get install -y redis-server');
    expect(() => redisServerBinary('/nonexistent')).toThrow(`Install it with: ${INSTALL_COMMAND}`);
    expect(redisServerBinary()).toMatch(/redis-server$/);
  });
});

describe('redisStore options', () => {
  it('bad options are TypeErrors or RangeErrors naming the option', async () => {
    const c = await connect('ioredis', server.url);
    try {
      expect(() => redisStore(c.client, { timeout: 0 })).toThrow(RangeError);
      expect(() => redisStore(c.client, { timeout: 0 })).toThrow(/`timeout`/);
      expect(() => redisStore(c.client, { lockLease: '1s' as never })).toThrow(TypeError);
      expect(() => redisStore(c.client, { prefix: 5 as never })).toThrow(/`prefix`/);
      expect(() => redisStore(c.client, { breakerThreshold: 1.5 })).toThrow(RangeError);
      expect(() => redisStore(c.client, { ttl: 5 } as never)).toThrow(/unknown option `ttl`/);
      expect(() => redisStore({} as never)).toThrow(/node-redis \(v5\+\) or ioredis \(v5\+\) client/);
    } finally {
      await c.close();
    }
  });
});
