// Runs the example shop server (examples/shop/server.js, or a --fix'ed copy of it) and drives it
// with distinct requests, sampling its /metrics (cache sizes, heap after a forced GC). Shared by
// the demo (scripts/demo.mjs) and the plots (scripts/plots.mjs).
import { spawn } from 'node:child_process';
import http from 'node:http';

export function get(port, urlPath, agent, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout on ${urlPath}`)));
  });
}

export function startServer(dir) {
  const child = spawn(process.execPath, ['--expose-gc', 'server.js'], {
    cwd: dir,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 10 s')), 10_000);
    child.stdout.once('data', (d) => {
      clearTimeout(timer);
      const m = /listening 127\.0\.0\.1:(\d+)/.exec(String(d));
      if (m) resolve({ child, port: Number(m[1]) });
      else reject(new Error(`unexpected first line: ${String(d).trim()}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${stderr.trim().split('\n')[0] ?? ''}`));
    });
  });
}

/** The i-th request: a new product id or search term, from a new client address (X-Forwarded-For, which the server trusts). */
export function request(i) {
  const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  return { path: i % 2 === 0 ? `/products/p${i}` : `/search?q=term${i}`, headers: { 'X-Forwarded-For': ip } };
}

/**
 * `total` requests, 16 at a time, with /metrics read before and every `every` requests:
 * `[{ requests, heapUsed, caches }]` (heapUsed in bytes, after a forced GC).
 */
export async function drive(dir, { total = 4000, every = total } = {}) {
  const { child, port } = await startServer(dir);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const samples = [];
  const sample = async (requests) => {
    const metrics = JSON.parse(await get(port, '/metrics', agent));
    samples.push({ requests, heapUsed: metrics.heapUsed, caches: metrics.caches });
  };
  try {
    await sample(0);
    let next = 0;
    for (let stop = every; next < total; stop = Math.min(total, stop + every)) {
      const worker = async () => {
        while (next < stop) {
          const { path, headers } = request(next++);
          await get(port, path, agent, headers);
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
      await sample(stop);
    }
    return samples;
  } finally {
    agent.destroy();
    child.kill();
  }
}
