import express, { type NextFunction, type Request, type Response } from 'express';
import { log } from '@acme/support';
import { config } from './env';
import { clientIp, countryForIp } from './lib/geo';
import { accountsRouter } from './routes/accounts';
import { reportsRouter } from './routes/reports';

const app = express();
app.set('trust proxy', true);
app.use(express.json({ limit: '100kb' }));

// Request counts per route pattern, scraped by /metrics.
const routeHits = new Map<string, number>();

app.use((req, res, next) => {
  res.locals.country = countryForIp(clientIp(req));
  res.on('finish', () => {
    const key = `${req.method} ${req.baseUrl}${req.route?.path ?? ' (unmatched)'}`;
    routeHits.set(key, (routeHits.get(key) ?? 0) + 1);
  });
  next();
});

app.use('/accounts', accountsRouter);
app.use('/reports', reportsRouter);

app.get('/metrics', (_req, res) => {
  const lines = [...routeHits].map(([route, n]) => `http_requests_total{route="${route}"} ${n}`);
  res.type('text/plain').send(lines.join('\n'));
});

app.use((err: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
  log.error({ err }, 'request failed');
  res.status(err.status ?? 500).json({ error: err.status ? err.message : 'internal error' });
});

app.listen(config.port, () => log.info({ port: config.port }, 'api listening'));
