/**
 * The Redis store across real Node processes (spawned, not workers), against a real redis-server
 * that the tests pause (SIGSTOP) and shut down (SHUTDOWN NOSAVE) mid-run. Runs of the memoized
 * function are counted in Redis itself (INCR), so the count covers every process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_KINDS, sleep, until } from './clients.js';
import { finish, PRELUDE } from './children.js';
import { type RedisServer, removeRuntimeForChildren, spawnChild, startRedis } from './harness.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await server.stop();
  removeRuntimeForChildren();
});

let tests = 0;
const fresh = (what: string): string => `${what}-${String(++tests)}-${String(process.pid)}`;

describe.each(CLIENT_KINDS)('processes sharing one Redis through %s', (kind) => {
  it('3 processes × 50 concurrent calls on one cold key: the function runs once', async () => {
    const name = fresh('stampede');
    const counter = `${name}:runs`;
    const script = `${PRELUDE}
const price = memoize(counted(async (q) => { await sleep(300); return q.sku + ' x' + q.qty; }), { store, name: INPUT.name, ttl: 60000 });
// A start line shared by the processes: wait for the parent's go (a key in Redis).
while ((await command('GET', INPUT.name + ':go')) === null) await sleep(5);
const query = INPUT.flip ? { qty: 3, sku: 'tea' } : { sku: 'tea', qty: 3 };
const values = await Promise.all(Array.from({ length: 50 }, () => price(query)));
report({ values: [...new Set(values)], info: price.cacheInfo() });
await store.close(); close();
`;
    const children = [0, 1, 2].map((i) => spawnChild(script, { kind, url: server.url, name, counter, flip: i === 1 }));
    await sleep(300);
    server.cli('SET', `${name}:go`, '1');
    const results = await finish(children);
    for (const r of results) expect((r.out as { values: string[] }).values).toEqual(['tea x3']);
    expect(server.cli('GET', counter)).toBe('1');
    const infos = results.map((r) => (r.out as { info: { shared: { computed: number; waited: number; hits: number } } }).info.shared);
    expect(infos.reduce((n, s) => n + s.computed, 0)).toBe(1);
    // The two others got the holder's value from Redis (after waiting for it, or, started late, at once).
    expect(infos.filter((s) => s.computed === 0 && s.hits === 1)).toHaveLength(2);
  });

  it('a holder that dies (SIGKILL) is replaced after its lease', async () => {
    const name = fresh('holder');
    const counter = `${name}:runs`;
    const script = `${PRELUDE}
const f = memoize(counted(async (k) => { report({ computing: process.pid }); await sleep(INPUT.work); return k + ' by ' + INPUT.who; }), { store, name: INPUT.name });
report({ value: await f('key'), info: f.cacheInfo() });
await store.close(); close();
`;
    const storeOptions = { lockLease: 500, pollInterval: 20 };
    const holder = spawnChild(script, { kind, url: server.url, name, counter, who: 'holder', work: 60_000, storeOptions });
    await until(() => holder.lines.some((l) => l.includes('computing')), 'the holder computes');
    const waiter = spawnChild(script, { kind, url: server.url, name, counter, who: 'waiter', work: 10, storeOptions });
    await sleep(200);
    holder.child.kill('SIGKILL');
    const [result] = await finish([waiter]);
    expect((result?.out as { value: string }).value).toBe('key by waiter');
    expect(server.cli('GET', counter)).toBe('2');
    expect(server.cli('EXISTS', `p:{${name}}:l:[s3:key]`)).toBe('0');
  });

  it('Redis paused (SIGSTOP) and then shut down mid-run: no call hangs, and the processes use Redis again after', async () => {
    const name = fresh('trouble');
    const counter = `${name}:runs`;
    const script = `${PRELUDE}
const f = memoize(async (n) => n * 2, { store, name: INPUT.name, ttl: 60000 });
report({ ready: true });
while ((await command('GET', INPUT.name + ':go')) === null) await sleep(5);
const started = Date.now();
let calls = 0, wrong = 0, slowest = 0;
while (Date.now() - started < INPUT.runFor) {
  const t0 = Date.now();
  const n = calls % 200;
  if ((await f(n)) !== n * 2) wrong++;
  slowest = Math.max(slowest, Date.now() - t0);
  calls++;
  if (calls % 20 === 0) { await sleep(5); f.cacheDelete(n).catch(() => {}); }
}
report({ calls, wrong, slowest, info: f.cacheInfo() });
await store.close(); close();
`;
    const input = { kind, url: server.url, name, counter, runFor: 4500, timeout: 100, storeOptions: { breakerCooldown: 200 } };
    const children = [spawnChild(script, input), spawnChild(script, input)];
    await until(() => children.every((c) => c.lines.some((l) => l.includes('ready'))), 'both children are up', 20_000);
    server.cli('SET', `${name}:go`, '1');
    await sleep(400);
    server.pause();
    await sleep(700);
    server.resume();
    await sleep(300);
    await server.shutdown();
    await sleep(500);
    await server.restart();
    const results = await finish(children);
    for (const r of results) {
      const out = r.out as { calls: number; wrong: number; slowest: number; info: { shared: { errors: number; fallbacks: number; misses: number } } };
      const what = JSON.stringify(out);
      expect(out.wrong, what).toBe(0);
      expect(out.calls, what).toBeGreaterThan(50);
      expect(out.info.shared.fallbacks, what).toBeGreaterThan(0);
      // A liveness bound (a hung call would take the whole pause, or for ever), not a benchmark.
      expect(out.slowest, what).toBeLessThan(3000);
    }
    // Back up: entries were written again after the restart (the server started empty).
    expect(Number(server.cli('DBSIZE'))).toBeGreaterThan(0);
  });

  it('stale-while-revalidate: 3 processes get the stale value at once, one refresh runs in all', async () => {
    const name = fresh('swr');
    const counter = `${name}:runs`;
    server.cli('SET', `${name}:version`, '1');
    const script = `${PRELUDE}
const f = memoize(counted(async () => { await sleep(200); return 'v' + (await command('GET', INPUT.name + ':version')); }), { store, name: INPUT.name, ttl: 1000, staleWhileRevalidate: 60000 });
const go = async (step) => { while ((await command('GET', INPUT.name + ':go' + step)) === null) await sleep(5); };
report({ ready: 1 });
await go(1);
const first = await f();
report({ ready: 2 });
await go(2);
const stale = await Promise.all([f(), f(), f()]);
let latest = stale[0];
const end = Date.now() + 5000;
while (latest !== 'v2' && Date.now() < end) { await sleep(20); latest = await f(); }
report({ first, stale, latest });
await store.close(); close();
`;
    const all = [0, 1, 2].map(() => spawnChild(script, { kind, url: server.url, name, counter }));
    const reached = (step: number) => () => all.every((c) => c.lines.some((l) => l.includes(`"ready":${String(step)}`)));
    await until(reached(1), 'every process is up', 15_000);
    server.cli('SET', `${name}:go1`, '1');
    await until(reached(2), 'every process has the first value');
    await sleep(1100); // past the ttl, inside the stale window
    server.cli('SET', `${name}:version`, '2');
    server.cli('SET', `${name}:go2`, '1');
    const results = await finish(all);
    for (const r of results) {
      expect(r.out).toEqual({ first: 'v1', stale: ['v1', 'v1', 'v1'], latest: 'v2' });
    }
    expect(server.cli('GET', counter)).toBe('2');
  });

  it('cacheDelete in one process reaches the in-process copies of the others', async () => {
    const name = fresh('invalidate');
    server.cli('SET', `${name}:version`, '1');
    const script = `${PRELUDE}
const f = memoize(async (id) => id + '@' + (await command('GET', INPUT.name + ':version')), { store, name: INPUT.name, ttl: 600000 });
const seen = [await f('doc')];
report({ ready: true });
const end = Date.now() + 8000;
while (seen.at(-1) !== 'doc@2' && Date.now() < end) { await sleep(10); const v = await f('doc'); if (v !== seen.at(-1)) seen.push(v); }
report({ seen, info: f.cacheInfo() });
await store.close(); close();
`;
    const readers = [0, 1].map(() => spawnChild(script, { kind, url: server.url, name }));
    await until(() => readers.every((r) => r.lines.some((l) => l.includes('ready'))), 'both readers cached the value');
    server.cli('SET', `${name}:version`, '2');
    await sleep(100); // the readers keep serving doc@1 from memory: it is fresh for 10 minutes
    const deleter = spawnChild(`${PRELUDE}
const f = memoize(async (id) => 'unused', { store, name: INPUT.name, ttl: 600000 });
report({ deleted: await f.cacheDelete('doc') });
await store.close(); close();
`, { kind, url: server.url, name });
    const [deleted, ...results] = await finish([deleter, ...readers]);
    expect(deleted?.out).toEqual({ deleted: true });
    for (const r of results) {
      const out = r.out as { seen: string[]; info: { shared: { computed: number; hits: number } } };
      expect(out.seen).toEqual(['doc@1', 'doc@2']);
    }
  });
});
