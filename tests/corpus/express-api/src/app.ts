import express from 'express';
import helmet from 'helmet';
import { usersRouter } from './routes/users';
import geoRouter from './routes/geo';
import { reportsRouter } from './routes/reports';
import { rateLimit } from './middleware/rate-limit';
import { installResponseCache } from './middleware/response-cache';
import { logger } from './lib/logger';

const app = express();
const startedAt = new Date();

// Distinct client addresses since boot; the analytics exporter reads them.
export const uniqueVisitors = new Set<string>(); // expect: no-unbounded-cache-in-handler

app.disable('x-powered-by');
app.use(helmet());
app.use(express.json({ limit: '1mb' }));
app.use(rateLimit);

app.use((req, _res, next) => {
  uniqueVisitors.add(req.ip ?? req.socket.remoteAddress ?? 'unknown');
  next();
});

installResponseCache(app);

app.use('/users', usersRouter);
app.use('/geo', geoRouter);
app.use('/reports', reportsRouter);

app.get('/stats', (_req, res) => {
  res.json({
    uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    rssBytes: process.memoryUsage().rss,
  });
});

app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  logger.error({ err }, 'unhandled error');
  res.status(500).json({ error: 'Internal Server Error' });
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => logger.info(`listening on :${port}`));

export default app;
