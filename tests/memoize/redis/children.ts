/**
 * What the multi-process tests share: the prelude of a child process (a client, a store, a way to
 * count runs in Redis) and the check of how children ended.
 */
import { expect } from 'vitest';
import type { ChildResult } from './harness.js';

/**
 * The child's prelude: a client of INPUT.kind on INPUT.url (the recommended settings, or each
 * client's defaults with INPUT.defaults), a store, `counted(fn)`, which counts runs in Redis under
 * INPUT.counter, and `report(value)`, a JSON line on stdout (the last one is the result).
 */
export const PRELUDE = `
const { memoize } = await import(RUNTIME + '/memoize/index.js');
const { redisStore } = await import(RUNTIME + '/memoize/redis.js');
let client, close, command;
if (INPUT.kind === 'node-redis') {
  const { createClient } = await import('redis');
  client = INPUT.defaults
    ? createClient({ url: INPUT.url })
    : createClient({ url: INPUT.url, disableOfflineQueue: true, socket: { reconnectStrategy: (n) => Math.min(20 + n * 20, 200), connectTimeout: 1000 } });
  client.on('error', () => {});
  await client.connect();
  command = (...args) => client.sendCommand(args);
  close = () => client.destroy();
} else {
  const { Redis } = await import('ioredis');
  client = INPUT.defaults
    ? new Redis(INPUT.url)
    : new Redis(INPUT.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: (n) => Math.min(20 + n * 20, 200) });
  client.on('error', () => {});
  await new Promise((resolve) => client.once('ready', resolve));
  command = (...args) => client.call(...args);
  close = () => client.disconnect();
}
const store = redisStore(client, { prefix: 'p:', timeout: INPUT.timeout ?? 2000, ...(INPUT.storeOptions ?? {}) });
await store.ready();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const counted = (fn) => async (...args) => { await command('INCR', INPUT.counter); return fn(...args); };
const report = (value) => console.log(JSON.stringify(value));
/** One cold call of a memoized function of its own: the store's scripts are loaded, as in a running service. */
const warmUp = () => memoize(async () => 0, { store, name: INPUT.name + ':warm-up' })();
`;

/** Wait for every child; each must exit with 0 and write nothing to stderr but the store's own warnings. */
export async function finish(children: { done: Promise<ChildResult> }[]): Promise<ChildResult[]> {
  const results = await Promise.all(children.map((c) => c.done));
  for (const r of results) expect(r.stderr.replace(/\(node:\d+\) \[MemoGuardWarning\].*\n?/g, '')).toBe('');
  for (const r of results) expect(r.code).toBe(0);
  return results;
}
