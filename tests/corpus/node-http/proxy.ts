import http from 'node:http';
import { lookup } from 'node:dns/promises';
import { memoize } from 'eslint-plugin-memo-guard/memoize';

// Upstream resolution is promise-aware and bounded.
const resolveHost = memoize(async (hostname: string) => (await lookup(hostname)).address, { max: 256, ttl: 30_000 });

const routeTable = memoize( // expect: no-unbounded-cache-in-handler
  (host: string) => {
    const [service] = host.split('.');
    return { service, port: 8000 + (service.length % 100) };
  },
  { max: Infinity },
);

const server = http.createServer(async (req, res) => {
  const host = req.headers.host ?? '';
  const route = routeTable(host);
  try {
    const address = await resolveHost(`${route.service}.internal`);
    const upstream = http.request(
      { host: address, port: route.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    req.pipe(upstream);
    upstream.on('error', () => {
      res.writeHead(502).end();
    });
  } catch {
    res.writeHead(502).end('bad gateway');
  }
});

server.listen(Number(process.env.PORT ?? 8080));
