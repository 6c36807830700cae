/**
 * Guarantee 8: one function's entries and locks share a cluster hash slot, so the store's
 * two-key scripts run on a Redis Cluster. A real two-node cluster (half the slots on each of two
 * redis-servers in cluster mode): a cross-slot script fails there exactly as on a big one, and a
 * command sent to the wrong node answers MOVED.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Cluster } from 'ioredis';
import { createCluster } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoize } from '../../../src/memoize/index.js';
import { redisStore } from '../../../src/memoize/redis.js';
import { until } from './clients.js';
import { type RedisServer, startRedis } from './harness.js';

/** Slots 0-8191 on the first node, 8192-16383 on the second. */
const SPLIT = 8192;
let nodes: [RedisServer, RedisServer];
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memo-guard-cluster-'));
  const start = (n: number) =>
    startRedis(['--cluster-enabled', 'yes', '--cluster-announce-ip', '127.0.0.1', '--cluster-config-file', path.join(dir, `nodes-${String(n)}.conf`), '--dir', dir]);
  nodes = [await start(0), await start(1)];
  nodes[0].cli('CLUSTER', 'ADDSLOTSRANGE', '0', String(SPLIT - 1));
  nodes[1].cli('CLUSTER', 'ADDSLOTSRANGE', String(SPLIT), '16383');
  nodes[0].cli('CLUSTER', 'MEET', '127.0.0.1', String(nodes[1].port));
  for (const node of nodes) await until(() => node.cli('CLUSTER', 'INFO').includes('cluster_state:ok'), 'the cluster is up', 15_000);
});
afterAll(async () => {
  for (const node of nodes) await node.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The node that holds `key`. */
function nodeOf(key: string): RedisServer {
  return Number(nodes[0].cli('CLUSTER', 'KEYSLOT', key)) < SPLIT ? nodes[0] : nodes[1];
}

type AnyCluster = Cluster | ReturnType<typeof createCluster>;

async function connectCluster(kind: string): Promise<AnyCluster> {
  if (kind === 'ioredis Cluster') {
    const client = new Cluster([{ host: '127.0.0.1', port: nodes[0].port }], { enableOfflineQueue: true });
    client.on('error', () => undefined);
    await until(() => client.status === 'ready', 'the cluster client is ready');
    return client;
  }
  const client = createCluster({ rootNodes: [{ url: nodes[0].url }] });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

function closeCluster(client: AnyCluster): void {
  if (client instanceof Cluster) client.disconnect();
  else client.destroy();
}

const KINDS = ['ioredis Cluster', 'node-redis createCluster'];

describe('on a Redis Cluster', () => {
  it('an entry and its lock hash to the same slot', () => {
    const slot = (key: string) => nodes[0].cli('CLUSTER', 'KEYSLOT', key);
    expect(slot('c:{getUser}:[n42;]')).toBe(slot('c:{getUser}:lock:[n42;]'));
    expect(slot('c:{getUser}:[s5:alice]')).toBe(slot('c:{getUser}:lock:[n1;]'));
  });

  it.each(KINDS)('memoize works through %s (no CROSSSLOT)', async (kind) => {
    const client = await connectCluster(kind);
    const store = redisStore(client, { prefix: 'c:', timeout: 2000 });
    try {
      await store.ready();
      let runs = 0;
      const getUser = memoize(
        async (id: number) => {
          runs++;
          await Promise.resolve();
          return { id };
        },
        { store, name: `getUser-${kind}`, ttl: 60_000 },
      );
      expect(await getUser(42)).toEqual({ id: 42 });
      expect(getUser.cacheInfo().shared).toMatchObject({ errors: 0, fallbacks: 0, computed: 1 });
      expect(nodeOf(`c:{getUser-${kind}}:v:[n42;]`).cli('EXISTS', `c:{getUser-${kind}}:v:[n42;]`)).toBe('1');
      expect(await getUser.cacheDelete(42)).toBe(true);
      expect(await getUser(42)).toEqual({ id: 42 });
      expect(runs).toBe(2);
      expect(getUser.cacheInfo().shared.errors).toBe(0);
    } finally {
      await store.close();
      closeCluster(client);
    }
  });

  it.each(KINDS)('cacheClear through %s removes the entries whichever node holds them', async (kind) => {
    const client = await connectCluster(kind);
    const store = redisStore(client, { prefix: 'c:', timeout: 2000 });
    try {
      await store.ready();
      // Functions whose keys live on each of the two nodes (three of each).
      const names: string[] = [];
      const onNode = new Map<RedisServer, number>(nodes.map((node) => [node, 0]));
      for (let i = 0; names.length < 6; i++) {
        const name = `clear-${kind}-${String(i)}`;
        const node = nodeOf(`c:{${name}}:`);
        const count = onNode.get(node) ?? 0;
        if (count >= 3) continue;
        onNode.set(node, count + 1);
        names.push(name);
      }
      for (const name of names) {
        const f = memoize((id: number) => Promise.resolve({ id }), { store, name, ttl: 60_000 });
        for (const id of [1, 2, 3]) await f(id);
        const node = nodeOf(`c:{${name}}:`);
        expect(node.cli('EXISTS', `c:{${name}}:v:[n1;]`, `c:{${name}}:v:[n2;]`, `c:{${name}}:v:[n3;]`)).toBe('3');
        await f.cacheClear();
        expect(node.cli('EXISTS', `c:{${name}}:v:[n1;]`, `c:{${name}}:v:[n2;]`, `c:{${name}}:v:[n3;]`)).toBe('0');
        expect(f.cacheInfo().shared.errors).toBe(0);
      }
    } finally {
      await store.close();
      closeCluster(client);
    }
  });
});
