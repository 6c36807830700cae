/** The two Redis clients the store supports, created the way the docs recommend. */
import { Redis } from 'ioredis';
import { createClient } from 'redis';

export interface TestClient {
  readonly client: Parameters<typeof import('../../../src/memoize/redis.js').redisStore>[0];
  close(): Promise<void>;
}

export type ClientKind = 'node-redis' | 'ioredis';
export const CLIENT_KINDS: ClientKind[] = ['node-redis', 'ioredis'];

export async function connect(kind: ClientKind, url: string): Promise<TestClient> {
  if (kind === 'node-redis') {
    const client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { reconnectStrategy: (retries: number) => Math.min(20 + retries * 20, 200), connectTimeout: 1000 },
    });
    client.on('error', () => undefined);
    await client.connect();
    return {
      client,
      async close() {
        client.destroy();
        await Promise.resolve();
      },
    };
  }
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (times: number) => Math.min(20 + times * 20, 200),
    lazyConnect: true,
  });
  client.on('error', () => undefined);
  await client.connect();
  return {
    client,
    async close() {
      client.disconnect();
      await Promise.resolve();
    },
  };
}

/** Wait until `check` holds (polling), or fail with `what` after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, what: string | (() => string), ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
