import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

type Labels = Record<string, string>;

// Counters since the last scrape; the scrape resets them.
const counters = new Map<string, number>();

function key(name: string, labels: Labels): string {
  const parts = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v.replace(/"/g, '\\"')}"`);
  return `${name}{${parts.join(',')}}`;
}

export function inc(name: string, labels: Labels = {}, by = 1) {
  const k = key(name, labels);
  counters.set(k, (counters.get(k) ?? 0) + by);
}

function scrape(_req: IncomingMessage, res: ServerResponse) {
  const lines: string[] = [];
  for (const [k, v] of counters) lines.push(`${k} ${v}`);
  counters.clear();
  res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
  res.end(lines.join('\n') + '\n');
}

export function startMetricsServer(port = 9464) {
  const server = createServer((req, res) => {
    inc('metrics_scrapes_total', { path: req.url ?? '/' });
    if (req.url === '/metrics') return scrape(req, res);
    res.writeHead(404).end();
  });
  server.listen(port);
  return server;
}
