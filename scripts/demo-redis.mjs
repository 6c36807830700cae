#!/usr/bin/env node
// Two server processes share one Redis: the second answers from the first's work.
//
//   npm run demo:redis        (builds first; uses REDIS_URL if set, else starts a redis-server)
//
// Each server is a real Node process with an HTTP server on 127.0.0.1 and a memoized, slow
// `buildReport(id)` (300 ms) backed by `redisStore`. The demo asks server A, then server B, for
// the same report, then invalidates it through A and asks B again.

import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INSTALL = 'apt-get update && apt-get install -y redis-server';

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// ---- a server process (this file with --serve=<port>)
async function serve(port, redisUrl) {
  const { createServer } = await import('node:http');
  const { Redis } = await import('ioredis');
  const { memoize } = await import(pathToFileURL(path.join(ROOT, 'dist/src/memoize/index.js')).href);
  const { redisStore } = await import(pathToFileURL(path.join(ROOT, 'dist/src/memoize/redis.js')).href);
  const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true });
  client.on('error', () => {});
  await client.connect();
  const store = redisStore(client, { prefix: 'demo:' });
  await store.ready();
  const buildReport = memoize(
    async (id) => {
      await new Promise((r) => setTimeout(r, 300)); // the expensive part
      return { id, total: id * 1000, builtBy: `pid ${process.pid}`, builtAt: new Date() };
    },
    { store, name: 'buildReport', ttl: 60_000, staleWhileRevalidate: 300_000 },
  );
  createServer(async (req, res) => {
    const [, action, id] = req.url.split('/');
    const t0 = performance.now();
    let body;
    if (action === 'report') {
      const report = await buildReport(Number(id));
      body = { ...report, builtAt: report.builtAt.toISOString(), dateRoundTrips: report.builtAt instanceof Date };
    } else if (action === 'invalidate') body = { deleted: await buildReport.cacheDelete(Number(id)) };
    else body = buildReport.cacheInfo();
    body.servedBy = `pid ${process.pid}`;
    body.ms = Math.round(performance.now() - t0);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  }).listen(port, '127.0.0.1', () => console.log('listening'));
}

// ---- the demo
async function main() {
  let redisUrl = process.env.REDIS_URL;
  let redis;
  if (!redisUrl) {
    try {
      execFileSync('/bin/sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' });
    } catch {
      console.error(`redis-server is not installed. Install it with: ${INSTALL}\n(or set REDIS_URL to a Redis you can use)`);
      process.exit(1);
    }
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise((resolve) => redis.stdout.on('data', (d) => String(d).includes('Ready to accept') && resolve()));
    redisUrl = `redis://127.0.0.1:${port}`;
  }
  const servers = [];
  try {
    for (const label of ['A', 'B']) {
      const port = await freePort();
      const proc = spawn(process.execPath, [fileURLToPath(import.meta.url), `--serve=${port}`, `--redis=${redisUrl}`], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise((resolve) => proc.stdout.on('data', (d) => String(d).includes('listening') && resolve()));
      servers.push({ label, port, proc });
    }
    const [a, b] = servers;
    const get = async (server, route) => {
      const res = await fetch(`http://127.0.0.1:${server.port}${route}`);
      const body = await res.json();
      console.log(`  server ${server.label} ${route.padEnd(14)} → ${JSON.stringify(body)}`);
      return body;
    };
    console.log(`Two server processes (pids ${a.proc.pid}, ${b.proc.pid}) share ${redisUrl}:\n`);
    console.log('1. A builds report 42 (slow: it computes):');
    const first = await get(a, '/report/42');
    console.log('\n2. B is asked for the same report: it answers from A\'s work, through Redis:');
    const second = await get(b, '/report/42');
    console.log('\n3. B again: now from its own memory:');
    await get(b, '/report/42');
    console.log('\n4. A invalidates report 42 (Redis and every instance\'s memory):');
    await get(a, '/invalidate/42');
    await new Promise((r) => setTimeout(r, 50));
    console.log('\n5. B is asked again: it builds a fresh one:');
    const third = await get(b, '/report/42');
    console.log('\ncacheInfo of each server:');
    await get(a, '/info');
    await get(b, '/info');
    const ok = second.builtBy === first.builtBy && second.servedBy !== first.servedBy && third.builtBy === third.servedBy;
    console.log(`\n${ok ? 'OK' : 'UNEXPECTED'}: B answered from A's work (${second.builtBy}), and after the invalidation built its own.`);
    if (!ok) process.exitCode = 1;
  } finally {
    for (const s of servers) s.proc.kill();
    redis?.kill();
  }
}

const serveArg = process.argv.find((a) => a.startsWith('--serve='));
if (serveArg) {
  const redisArg = process.argv.find((a) => a.startsWith('--redis='));
  serve(Number(serveArg.slice(8)), redisArg.slice(8)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
