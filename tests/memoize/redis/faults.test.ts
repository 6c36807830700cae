/**
 * The Redis store under the faults a real Redis has (issue 19), each against a real redis-server
 * and, where the fault is between processes, real Node processes: invalidation racing a
 * computation, locks orphaned by a paused, sleeping, stopped or restarted server, keys that look
 * like lock keys, Redis down when the store is made, NOSCRIPT after a restart, lone surrogates,
 * dropped memoized functions, a lost lease, and the smaller ones. Both clients.
 */
/* eslint-disable @typescript-eslint/require-await -- async functions without await stand for real fetchers: they return promises */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoize } from '../../../src/memoize/index.js';
import { redisStore } from '../../../src/memoize/redis.js';
import { finish, PRELUDE } from './children.js';
import { CLIENT_KINDS, connect, sleep, type TestClient, until } from './clients.js';
import { type RedisServer, removeRuntimeForChildren, spawnChild, startRedis } from './harness.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await server.stop();
  removeRuntimeForChildren();
});

let names = 0;
const fresh = (what: string): string => `${what}-${String(++names)}-${String(process.pid)}`;

/** A command through redis-cli without blocking this process (DEBUG SLEEP blocks its caller). */
const cliAsync = (...args: string[]): Promise<void> =>
  new Promise((resolve) => {
    execFile('redis-cli', ['-h', '127.0.0.1', '-p', String(server.port), ...args], () => {
      resolve();
    });
  });

function getGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe.each(CLIENT_KINDS)('faults with %s', (kind) => {
  const open: TestClient[] = [];
  const stores: ReturnType<typeof redisStore>[] = [];
  /** An instance in this process: its own connection, store and in-process tier. */
  async function instance(options: Parameters<typeof redisStore>[1] = {}, prefix = 't:') {
    const c = await connect(kind, server.url);
    open.push(c);
    const store = redisStore(c.client, { prefix, timeout: 2000, ...options });
    stores.push(store);
    await store.ready();
    return store;
  }
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const c of open.splice(0)) await c.close();
  });

  describe('1. invalidation against a computation in flight', () => {
    // A child computes f('doc') from version 1 for `work` ms; meanwhile this process changes the
    // version and invalidates. The child's own caller gets what it computed; after that, the
    // child, Redis and every other process have version 2.
    const CHILD = `${PRELUDE}
const f = memoize(async (id) => {
  const v = await command('GET', INPUT.name + ':version');
  report({ computing: v });
  await sleep(INPUT.work);
  return id + '@' + v;
}, { store, name: INPUT.name });
const first = await f('doc');
const second = await f('doc');
report({ first, second, info: f.cacheInfo() });
await store.close(); close();
`;
    it.each([
      { how: 'cacheDelete', lockLease: 10_000, work: 700 },
      { how: 'cacheDelete, the computation outliving the tombstone', lockLease: 150, work: 1000 },
      { how: 'cacheClear', lockLease: 10_000, work: 700 },
    ])('$how: the outdated value is neither kept in process nor written back', async ({ how, lockLease, work }) => {
      const name = fresh('inflight');
      server.cli('SET', `${name}:version`, '1');
      const child = spawnChild(CHILD, { kind, url: server.url, name, work, storeOptions: { lockLease } });
      await until(() => child.lines.some((l) => l.includes('computing')), 'the child computes', 15_000);
      server.cli('SET', `${name}:version`, '2');
      const other = memoize(async (id: string) => `${id}@${server.cli('GET', `${name}:version`)}`, {
        store: await instance({}, 'p:'),
        name,
      });
      if (how === 'cacheClear') await other.cacheClear();
      else expect(await other.cacheDelete('doc')).toBe(false);
      const [result] = await finish([child]);
      expect(result?.out).toMatchObject({ first: 'doc@1', second: 'doc@2' });
      expect(server.cli('GET', `p:{${name}}:v:[s3:doc]`)).not.toContain('doc@1');
      const third = memoize(async (id: string) => `${id}@recomputed`, { store: await instance({}, 'p:'), name });
      expect(await third('doc')).toBe('doc@2');
    });
  });

  describe('2. no caller waits for a lock nobody holds', () => {
    it('CLIENT PAUSE WRITE: a lock command that ran after its caller gave up does not hold up the next caller', async () => {
      const name = fresh('pause');
      const go = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'memo-guard-pause-')), 'go');
      const child = spawnChild(
        `${PRELUDE}
const fs = await import('node:fs');
const f = memoize(async (k) => k + ' by child', { store, name: INPUT.name });
await warmUp();
report({ ready: true });
while (!fs.existsSync(INPUT.go)) await sleep(5);
const t0 = Date.now();
const value = await f('k');
report({ value, ms: Date.now() - t0, info: f.cacheInfo() });
await sleep(2000); // a running service: its connection (and the paused lock command on it) stays
await store.close(); close();
`,
        { kind, url: server.url, name, timeout: 250, go },
      );
      const f = memoize(async (k: string) => `${k} by parent`, { store: await instance({ timeout: 250 }, 'p:'), name });
      await until(() => child.lines.some((l) => l.includes('ready')), 'the child is up', 15_000);
      server.cli('CLIENT', 'PAUSE', '1200', 'WRITE'); // what a failover does; reads go on
      fs.writeFileSync(go, '');
      await until(() => child.lines.some((l) => l.includes('value')), 'the child answered', 5000);
      const out = JSON.parse(child.lines.find((l) => l.includes('value')) ?? '{}') as { value: string; ms: number; info: { shared: { fallbacks: number } } };
      expect(out.value).toBe('k by child');
      expect(out.info.shared.fallbacks, JSON.stringify(out)).toBe(1); // its lock command timed out: computed in process
      expect(out.ms).toBeLessThan(700);
      await sleep(1300); // past the pause: the child's lock command has run by now
      const t0 = performance.now();
      expect(await f('k')).toBe('k by parent');
      const waited = performance.now() - t0;
      // Before: the orphaned lock lived its whole lease (10 s). Now: at most the claim (the timeout).
      expect(waited, `waited ${String(waited)} ms`).toBeLessThan(900);
      await finish([child]);
      fs.rmSync(path.dirname(go), { recursive: true, force: true });
    });

    it('DEBUG SLEEP and SIGSTOP: during and after them, no call waits much more than the timeout plus its function', async () => {
      const name = fresh('sleep');
      const script = `${PRELUDE}
// 100 keys in turn, each cold again when it comes back (ttl 5 ms): a steady stream of lock
// commands, some of them in flight when the server stops, which two processes ask for again after.
const f = memoize(async (n) => { await sleep(5); return n * 2; }, { store, name: INPUT.name, ttl: 5 });
const started = Date.now();
let calls = 0, wrong = 0, slowest = 0, over1s = 0;
const worker = async (w) => {
  while (Date.now() - started < INPUT.runFor) {
    const n = calls++ % 100;
    const t0 = Date.now();
    if ((await f(n)) !== n * 2) wrong++;
    const ms = Date.now() - t0;
    slowest = Math.max(slowest, ms);
    if (ms > 1000) over1s++;
    await sleep(1);
  }
};
await Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));
report({ calls, wrong, slowest, over1s, info: f.cacheInfo() });
await store.close(); close();
`;
      const input = { kind, url: server.url, name, runFor: 5000, timeout: 250 };
      const children = [spawnChild(script, input), spawnChild(script, input)];
      await until(() => server.cli('CLIENT', 'LIST').split('\n').length >= 5, 'the children are connected', 15_000);
      await sleep(600);
      await cliAsync('DEBUG', 'SLEEP', '1.2');
      await sleep(900);
      server.pause();
      await sleep(1200);
      server.resume();
      const results = await finish(children);
      for (const r of results) {
        const out = r.out as { calls: number; wrong: number; slowest: number; over1s: number; info: { shared: { fallbacks: number } } };
        const what = JSON.stringify(out);
        expect(out.wrong, what).toBe(0);
        expect(out.calls, what).toBeGreaterThan(100);
        expect(out.info.shared.fallbacks, what).toBeGreaterThan(0);
        // Before: orphaned locks made calls after the trouble wait out their lease (up to 10 s).
        expect(out.over1s, what).toBe(0);
      }
    });

    it('a synchronous function with overlapping calls on a healthy Redis: one run per key, no false timeouts', async () => {
      const name = fresh('sync');
      const script = `${PRELUDE}
const f = memoize((k) => { const end = Date.now() + 300; while (Date.now() < end); return k + '!'; }, { store, name: INPUT.name });
await warmUp();
while ((await command('GET', INPUT.name + ':go')) === null) await sleep(5);
// Three callers in this process, each going through the 12 keys from its own place: their
// Redis commands are in flight while another caller's computation holds the event loop.
let wrong = 0, slowest = 0;
const caller = async (offset) => {
  for (let i = 0; i < 12; i++) {
    const k = 'k' + ((i + offset) % 12);
    const t0 = Date.now();
    if ((await f(k)) !== k + '!') wrong++;
    slowest = Math.max(slowest, Date.now() - t0);
    await sleep(10);
  }
};
await Promise.all([0, 4, 8].map((o) => caller(o + INPUT.shift)));
report({ wrong, slowest, info: f.cacheInfo() });
await store.close(); close();
`;
      const children = [0, 2].map((shift) => spawnChild(script, { kind, url: server.url, name, shift, timeout: 250 }));
      await sleep(1200);
      server.cli('SET', `${name}:go`, '1');
      const results = await finish(children);
      const outs = results.map((r) => r.out as { wrong: number; slowest: number; info: { shared: { computed: number; errors: number; fallbacks: number } } });
      const what = JSON.stringify(outs);
      expect(outs.map((o) => o.wrong), what).toEqual([0, 0]);
      expect(outs.reduce((n, o) => n + o.info.shared.computed, 0), what).toBe(12);
      expect(outs.map((o) => o.info.shared.errors), what).toEqual([0, 0]);
      // 12 runs of 300 ms between two processes, each blocking its own loop: a caller may wait for
      // all of them (3.6 s), never for a lock's lease (10 s).
      for (const o of outs) expect(o.slowest, what).toBeLessThan(6000);
    });

    it("a lock command resent by a client's offline queue after a reconnection (default client options) does not hold up the next caller", async () => {
      const name = fresh('resend');
      const go = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'memo-guard-resend-')), 'go');
      const child = spawnChild(
        `${PRELUDE}
const fs = await import('node:fs');
const f = memoize(async (k) => k + ' by child', { store, name: INPUT.name });
await warmUp();
report({ ready: true });
while (!fs.existsSync(INPUT.go)) await sleep(5);
const value = await f('k');
report({ value, info: f.cacheInfo() });
await sleep(2500);
await store.close(); close();
`,
        { kind, url: server.url, name, timeout: 250, defaults: true, go },
      );
      const f = memoize(async (k: string) => `${k} by parent`, { store: await instance({ timeout: 250 }, 'p:'), name });
      await until(() => child.lines.some((l) => l.includes('ready')), 'the child is up', 15_000);
      server.cli('CLIENT', 'PAUSE', '1200', 'WRITE');
      fs.writeFileSync(go, '');
      await sleep(100); // the child's lock command waits in the pause
      server.cli('CLIENT', 'KILL', 'TYPE', 'normal'); // its connection drops; the client reconnects (and may resend)
      await until(() => child.lines.some((l) => l.includes('value')), 'the child answered', 5000);
      await sleep(1300); // past the pause: a resent lock command has run by now
      const t0 = performance.now();
      expect(await f('k')).toMatch(/^k by (parent|child)$/);
      const waited = performance.now() - t0;
      expect(waited, `waited ${String(waited)} ms`).toBeLessThan(900);
      await finish([child]);
      fs.rmSync(path.dirname(go), { recursive: true, force: true });
    });

    it('a restart in the middle of a stampede (default client options): no call hangs, every value is right', async () => {
      const name = fresh('restart');
      const script = `${PRELUDE}
const f = memoize(async (k) => { await sleep(50); return k + '!'; }, { store, name: INPUT.name, ttl: 40 });
const started = Date.now();
let calls = 0, wrong = 0, slowest = 0;
const worker = async (w) => {
  while (Date.now() - started < INPUT.runFor) {
    calls++;
    const k = 'k' + ((Math.floor(Date.now() / 50) + w) % 20);
    const t0 = Date.now();
    try { if ((await f(k)) !== k + '!') wrong++; } catch (e) { wrong++; }
    slowest = Math.max(slowest, Date.now() - t0);
  }
};
await Promise.all(Array.from({ length: 10 }, (_, w) => worker(w)));
report({ calls, wrong, slowest, info: f.cacheInfo() });
await store.close(); close();
`;
      const input = { kind, url: server.url, name, runFor: 3000, timeout: 250, defaults: true };
      const children = [spawnChild(script, input), spawnChild(script, input), spawnChild(script, input)];
      await until(() => server.cli('CLIENT', 'LIST').split('\n').length >= 7, 'the children are connected', 15_000);
      await sleep(500);
      await server.shutdown();
      await sleep(300);
      await server.restart();
      const results = await finish(children);
      for (const r of results) {
        const out = r.out as { calls: number; wrong: number; slowest: number };
        const what = JSON.stringify(out);
        expect(out.wrong, what).toBe(0);
        // The outage, a timeout, the function's 50 ms and a lock's claim, with room for a loaded machine
        // (before: a lock command resent after the restart held its key for the whole lease, 10 s).
        expect(out.slowest, what).toBeLessThan(2000);
      }
    });
  });

  it('3. a resolver key that looks like a lock key does not land on a lock', async () => {
    const name = fresh('namespaces');
    const fn = async (k: string) => `value of ${k}`;
    const a = memoize(fn, { store: await instance(), name, key: (k) => k });
    const b = memoize(fn, { store: await instance(), name, key: (k) => k });
    expect(await a('lock:abc')).toBe('value of lock:abc');
    expect(await a('l:abc')).toBe('value of l:abc');
    const got = await Promise.race([b('abc'), sleep(3000).then(() => 'still polling after 3 s')]);
    expect(got).toBe('value of abc');
    expect(await b('lock:abc')).toBe('value of lock:abc');
    expect(b.cacheInfo().shared.hits).toBe(1);
  });

  describe('4. Redis down when the store is made', () => {
    let down: RedisServer;
    beforeAll(async () => {
      down = await startRedis();
      await down.shutdown();
    });
    afterAll(async () => {
      await down.stop();
    });

    /** A child whose client and store are made while Redis is down (no wait for the connection). */
    const DOWN_PRELUDE = `
const fs = await import('node:fs');
const { memoize } = await import(RUNTIME + '/memoize/index.js');
const { redisStore } = await import(RUNTIME + '/memoize/redis.js');
let client, close, isReady;
if (INPUT.kind === 'node-redis') {
  const { createClient } = await import('redis');
  client = createClient({ url: INPUT.url, disableOfflineQueue: true, socket: { reconnectStrategy: (n) => Math.min(20 + n * 20, 200), connectTimeout: 1000 } });
  client.on('error', () => {});
  client.connect().catch(() => {});
  isReady = () => client.isReady;
  close = () => client.destroy();
} else {
  const { Redis } = await import('ioredis');
  client = new Redis(INPUT.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: (n) => Math.min(20 + n * 20, 200) });
  client.on('error', () => {});
  isReady = () => client.status === 'ready';
  close = () => client.disconnect();
}
const store = redisStore(client, { prefix: 'p:', timeout: 250 });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const report = (value) => console.log(JSON.stringify(value));
const f = memoize(async (id) => id + '@' + fs.readFileSync(INPUT.versionFile, 'utf8'), { store, name: INPUT.name });
`;

    it('the store hears invalidations once Redis is up, and close() then leaves no handle', async () => {
      const name = fresh('down');
      const versionFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'memo-guard-down-')), 'version');
      fs.writeFileSync(versionFile, '1');
      const child = spawnChild(
        `${DOWN_PRELUDE}
report({ offline: await f('doc'), info: f.cacheInfo() });
while (!isReady()) await sleep(20);
await store.ready();
await f.cacheDelete('doc');
report({ filled: await f('doc') });
const seen = [];
const end = Date.now() + 6000;
while (Date.now() < end) { const v = await f('doc'); if (seen.at(-1) !== v) seen.push(v); if (v.endsWith('@2')) break; await sleep(20); }
report({ seen, info: f.cacheInfo() });
await store.close(); close();
report({ closed: true });
`,
        { kind, url: down.url, name, versionFile },
      );
      await until(() => child.lines.some((l) => l.includes('offline')), 'the child computed with Redis down', 15_000);
      await sleep(300);
      await down.restart();
      await until(() => child.lines.some((l) => l.includes('filled')), 'the child stored a value through Redis', 10_000);
      fs.writeFileSync(versionFile, '2');
      const c = await connect(kind, down.url);
      try {
        const store = redisStore(c.client, { prefix: 'p:', timeout: 2000 });
        const other = memoize(async (id: string) => `${id}@other`, { store, name });
        expect(await other.cacheDelete('doc')).toBe(true);
        await store.close();
      } finally {
        await c.close();
      }
      const exited = await Promise.race([child.done.then(() => true), sleep(9000).then(() => false)]);
      if (!exited) child.child.kill('SIGKILL');
      const result = await child.done;
      const seen = JSON.parse(child.lines.find((l) => l.includes('seen')) ?? '{}') as { seen?: string[] };
      expect(seen.seen, child.lines.join('\n')).toEqual(['doc@1', 'doc@2']);
      expect(child.lines.some((l) => l.includes('closed'))).toBe(true);
      expect(exited, 'the child exits by itself after close()').toBe(true);
      expect(result.code).toBe(0);
      fs.rmSync(path.dirname(versionFile), { recursive: true, force: true });
      await down.shutdown();
    });

    it('close() resolves during the outage and the process exits by itself', async () => {
      const name = fresh('closed');
      const child = spawnChild(
        `${DOWN_PRELUDE}
report({ value: await f('x') });
const closed = await Promise.race([store.close().then(() => true), sleep(2000).then(() => false)]);
close();
report({ closed });
`,
        { kind, url: down.url, name, versionFile: '/dev/null' },
      );
      const exited = await Promise.race([child.done.then(() => true), sleep(10_000).then(() => false)]);
      if (!exited) child.child.kill('SIGKILL');
      await child.done;
      expect(child.lines.at(-1)).toBe('{"closed":true}');
      expect(exited, 'the child exits by itself after close()').toBe(true);
    });
  });

  it('5. NOSCRIPT after SCRIPT FLUSH (a fresh or restarted Redis) is not a failure: no breaker, one run per key', async () => {
    const name = fresh('noscript');
    const a = memoize(async (n: number) => n + 1, { store: await instance({ breakerThreshold: 3 }), name });
    const b = memoize(async (n: number) => n + 1, { store: await instance({ breakerThreshold: 3 }), name });
    server.cli('SCRIPT', 'FLUSH');
    const keys = Array.from({ length: 100 }, (_, i) => i);
    const values = await Promise.all([...keys.map((k) => a(k)), ...keys.map((k) => b(k))]);
    expect(values).toEqual([...keys, ...keys].map((k) => k + 1));
    const shared = [a.cacheInfo().shared, b.cacheInfo().shared];
    expect(shared.map((s) => s.fallbacks), JSON.stringify(shared)).toEqual([0, 0]);
    expect(shared.map((s) => s.errors), JSON.stringify(shared)).toEqual([0, 0]);
    expect(shared[0]!.computed + shared[1]!.computed, JSON.stringify(shared)).toBe(100);
  });

  it('6. lone surrogates and % are keys of their own', async () => {
    const name = fresh('surrogates');
    const codes = async (s: string) => Array.from(s, (c) => c.codePointAt(0));
    const a = memoize(codes, { store: await instance(), name });
    const b = memoize(codes, { store: await instance(), name });
    const keys = ['\ud800', '\udc00', '\ufffd', '%', '%25', '%D800', '\ud83d\ude00', '\ud83d', 'a\ude00'];
    for (const k of keys) expect(await a(k)).toEqual(await codes(k));
    for (const k of keys) expect(await b(k)).toEqual(await codes(k));
    expect(b.cacheInfo().shared).toMatchObject({ hits: keys.length, computed: 0 });
    const byResolver = memoize(codes, { store: await instance(), name: fresh('resolver'), key: (s) => s });
    expect(await byResolver('\ud800')).toEqual([0xd800]);
    expect(await byResolver('\udc00')).toEqual([0xdc00]);
  });

  it('7. memoized functions made with a store and dropped are collected', async () => {
    const gc = getGc();
    const store = await instance();
    const refs: WeakRef<object>[] = [];
    const make = (n: number): void => {
      for (let i = 0; i < n; i++) {
        const f = memoize(async (k: number) => k, { store, name: `dropped-${String(i)}` });
        if (i % 1000 === 0) refs.push(new WeakRef(f));
      }
    };
    for (let i = 0; i < 3; i++) {
      await sleep(0);
      gc();
    }
    const before = process.memoryUsage().heapUsed;
    make(20_000);
    for (let i = 0; i < 5; i++) {
      await sleep(10);
      gc();
    }
    const grown = process.memoryUsage().heapUsed - before;
    expect(refs.filter((r) => r.deref() !== undefined)).toHaveLength(0);
    expect(grown, `${String(grown)} bytes kept`).toBeLessThan(8 * 1024 * 1024);
  });

  it('8. a holder that lost its lease serves the newer value afterwards, not its own', async () => {
    const name = fresh('lease');
    let release: ((value: string) => void) | undefined;
    const old = memoize(() => new Promise<string>((resolve) => (release = resolve)), { store: await instance({ lockLease: 60_000 }), name });
    const newer = memoize(async () => 'new', { store: await instance(), name });
    const pending = old();
    await until(() => release !== undefined, 'the holder computes under its lock');
    for (const lock of server.cli('KEYS', `t:{${name}}:l*`).split('\n')) server.cli('DEL', lock); // the lease ends (say the holder was paused)
    expect(await newer()).toBe('new');
    release?.('old');
    expect(await pending).toBe('old'); // the callers that asked before get what was computed
    expect(await old()).toBe('new');
    expect(await old()).toBe('new');
  });

  describe('9. smaller ones', () => {
    it('max: Infinity does not allocate per slot of its bound', async () => {
      const store = await instance();
      const before = process.memoryUsage().arrayBuffers;
      const fs = Array.from({ length: 4 }, (_, i) => memoize(async (n: number) => n, { store, name: fresh(`inf${String(i)}`), max: Infinity }));
      const grown = process.memoryUsage().arrayBuffers - before;
      expect(grown, `${String(grown)} bytes`).toBeLessThan(1024 * 1024);
      for (const f of fs) expect(await f(1)).toBe(1);
      for (const f of fs) expect(await f(1)).toBe(1);
      expect(fs[0]!.cacheInfo()).toMatchObject({ hits: 1, misses: 1, currsize: 1, maxsize: Infinity });
    });

    it('an own __proto__ key, a null-prototype object and an array with named properties round-trip exactly', async () => {
      const name = fresh('shapes');
      const withProto = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
      const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, nested: { c: 3 } });
      const named = Object.assign([1, 2], { label: 'two', extra: new Date(0) });
      const value = { withProto, bare, named };
      const a = memoize(async () => value, { store: await instance(), name });
      const b = memoize(async () => value, { store: await instance(), name });
      await a();
      const copy = await b();
      expect(b.cacheInfo().shared.hits).toBe(1);
      expect(Object.hasOwn(copy.withProto, '__proto__')).toBe(true);
      expect(Object.getPrototypeOf(copy.withProto)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(copy.withProto, '__proto__')?.value).toEqual({ polluted: true });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(copy.bare)).toBe(null);
      expect({ ...copy.bare }).toEqual({ b: 2, nested: { c: 3 } });
      expect(Array.isArray(copy.named)).toBe(true);
      expect([...copy.named]).toEqual([1, 2]);
      expect(copy.named.label).toBe('two');
      expect(copy.named.extra).toEqual(new Date(0));
    });

    it('a value slower to read than the timeout does not keep the breaker open', async () => {
      const name = fresh('bulky');
      const big = 'x'.repeat(30 * 1024 * 1024);
      const writer = memoize(async () => big, { store: await instance({ timeout: 5000 }), name });
      expect((await writer()).length).toBe(big.length);
      const readerStore = await instance({ timeout: 5, breakerThreshold: 1, breakerCooldown: 60_000 });
      const reader = memoize(async () => 'computed in process', { store: readerStore, name });
      expect(await reader()).toBe('computed in process'); // the read took more than 5 ms
      expect(reader.cacheInfo().shared.errors).toBe(1);
      // The reply arrives whole after its timeout: Redis is fine, the breaker closes again.
      await until(() => readerStore.usable, 'the breaker closes when the late reply arrives', 5000);
    });
  });
});
