/**
 * Guarantee 8: one function's entries and locks share a cluster hash slot, so the store's
 * two-key scripts run on a Redis Cluster. A real one-node cluster (every slot on one
 * redis-server with cluster mode on): a cross-slot script fails there exactly as on a big one.
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

let server: RedisServer;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memo-guard-cluster-'));
  server = await startRedis(['--cluster-enabled', 'yes', '--cluster-announce-ip', '127.0.0.1', '--cluster-config-file', path.join(dir, 'nodes.conf'), '--dir', dir]);
  server.cli('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
  await until(() => server.cli('CLUSTER', 'INFO').includes('cluster_state:ok'), 'the cluster is up', 10_000);
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('on a Redis Cluster', () => {
  it('an entry and its lock hash to the same slot', () => {
    const slot = (key: string) => server.cli('CLUSTER', 'KEYSLOT', key);
    expect(slot('c:{getUser}:[n42;]')).toBe(slot('c:{getUser}:lock:[n42;]'));
    expect(slot('c:{getUser}:[s5:alice]')).toBe(slot('c:{getUser}:lock:[n1;]'));
  });

  it.each(['ioredis Cluster', 'node-redis createCluster'])('memoize works through %s (no CROSSSLOT)', async (kind) => {
    let client: Cluster | ReturnType<typeof createCluster>;
    if (kind === 'ioredis Cluster') {
      client = new Cluster([{ host: '127.0.0.1', port: server.port }], { enableOfflineQueue: true });
      client.on('error', () => undefined);
      await until(() => (client as Cluster).status === 'ready', 'the cluster client is ready');
    } else {
      client = createCluster({ rootNodes: [{ url: server.url }] });
      client.on('error', () => undefined);
      await client.connect();
    }
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
      expect(server.cli('EXISTS', `c:{getUser-${kind}}:[n42;]`)).toBe('1');
      expect(await getUser.cacheDelete(42)).toBe(true);
      expect(await getUser(42)).toEqual({ id: 42 });
      expect(runs).toBe(2);
      expect(getUser.cacheInfo().shared.errors).toBe(0);
    } finally {
      await store.close();
      if (client instanceof Cluster) client.disconnect();
      else client.destroy();
    }
  });
});
