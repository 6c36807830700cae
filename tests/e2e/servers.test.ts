// The example server before and after `eslint --fix`, as real HTTP servers on 127.0.0.1 under the
// same bounded stream of requests with distinct keys: the unfixed caches grow with the keys, the
// fixed ones stay at their bound, and so does the heap (measured after a forced GC).
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertRulesBuilt,
  copyExample,
  eslintJson,
  hammer,
  metrics,
  startServer,
  toError,
  type Metrics,
  type Server,
} from './helpers.js';

const requests = 20_000;
const concurrency = 32;
const bound = 500;
// Even requests hit /products/p<i>, odd ones /search?q=term<i>: every key is distinct.
const distinctPerCache = requests / 2;
const pathFor = (i: number): string => (i % 2 === 0 ? `/products/p${i}` : `/search?q=term${i}`);

interface Measured {
  before: Metrics;
  after: Metrics;
  heapGrowth: number;
}

async function measure(label: string, dir: string, servers: Server[]): Promise<Measured> {
  const server = await startServer(dir);
  servers.push(server);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const before = await metrics(server.port, agent);
    const started = Date.now();
    await hammer(server.port, agent, requests, concurrency, pathFor, 100_000);
    const seconds = (Date.now() - started) / 1000;
    const after = await metrics(server.port, agent);
    const heapGrowth = after.heapUsed - before.heapUsed;
    console.log(
      `${label}: ${requests} requests (concurrency ${concurrency}) in ${seconds.toFixed(1)} s; caches ${JSON.stringify(after.caches)}; ` +
        `heapUsed ${(before.heapUsed / 1e6).toFixed(1)} MB -> ${(after.heapUsed / 1e6).toFixed(1)} MB (growth ${(heapGrowth / 1e6).toFixed(2)} MB)`,
    );
    return { before, after, heapGrowth };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

describe('example server under load: unfixed vs fixed', () => {
  const servers: Server[] = [];
  let unfixedCopy: ReturnType<typeof copyExample> | undefined;
  let fixedCopy: ReturnType<typeof copyExample> | undefined;
  let fixError: Error | undefined;
  let unfixed: Measured | undefined;

  beforeAll(async () => {
    unfixedCopy = copyExample('unfixed');
    fixedCopy = copyExample('fixed');
    try {
      await assertRulesBuilt();
      eslintJson(fixedCopy.examples, ['--fix', 'shop/server.js']);
    } catch (error) {
      fixError = toError(error);
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    unfixedCopy?.cleanup();
    fixedCopy?.cleanup();
  });

  it('unfixed: every distinct key stays in the caches', async () => {
    unfixed = await measure('unfixed', path.join(unfixedCopy!.examples, 'shop'), servers);
    expect(unfixed.after.gcExposed).toBe(true);
    expect(unfixed.after.caches.productPages).toBe(distinctPerCache);
    expect(unfixed.after.caches.searchSuggestions).toBe(distinctPerCache);
    expect(unfixed.heapGrowth).toBeGreaterThan(distinctPerCache * 2 * 2048 * 0.8);
  });

  it('fixed (eslint --fix): the caches stay at their bound and the heap barely grows', async () => {
    if (fixError !== undefined) throw fixError;
    if (!unfixed) throw new Error('the unfixed server was not measured');
    const fixed = await measure('fixed', path.join(fixedCopy!.examples, 'shop'), servers);
    const ratio = fixed.heapGrowth / unfixed.heapGrowth;
    console.log(`heap growth fixed / unfixed = ${ratio.toFixed(3)}`);
    expect(fixed.after.caches.productPages).toBeGreaterThan(0);
    expect(fixed.after.caches.productPages).toBeLessThanOrEqual(bound);
    expect(fixed.after.caches.searchSuggestions).toBeGreaterThan(0);
    expect(fixed.after.caches.searchSuggestions).toBeLessThanOrEqual(bound);
    expect(ratio).toBeLessThan(0.25);
  });
});
