import bcrypt from 'bcryptjs';
import express from 'express';
import { prisma } from './db';
import { openGeoDb } from './lib/geo';
import { pingUpstreams, upstreamStatus } from './lib/http-client';
import { apiLimiter, clientVersionStats, concurrencyGate, countClientVersion, loginLimiter } from './middleware';
import linksRouter from './routes/links';
import tenantsRouter from './routes/tenants';
import auth from './services/auth-strategy';

/** Server-Timing marks of one request. */
class RequestTimings {
  private readonly started = performance.now();
  private readonly marks: Record<string, number> = Object.create(null);

  mark(name: string): void {
    this.marks[name] = performance.now() - this.started;
  }

  header(): string {
    return Object.entries(this.marks)
      .map(([name, ms]) => `${name.replace(/[^\w-]/g, '_')};dur=${ms.toFixed(1)}`)
      .join(', ');
  }
}

const app = express();
app.set('trust proxy', 1);
app.use(express.json({ limit: '32kb' }));
app.use(countClientVersion);
app.use((req, res, next) => {
  const timings = new RequestTimings();
  res.locals.timings = timings;
  timings.mark(`start ${req.path}`);
  const writeHead = res.writeHead.bind(res);
  res.writeHead = ((...args: Parameters<typeof res.writeHead>) => {
    timings.mark('total');
    res.setHeader('Server-Timing', timings.header());
    return writeHead(...args);
  }) as typeof res.writeHead;
  next();
});
app.use('/api', apiLimiter, concurrencyGate);

app.post('/auth/login', loginLimiter, async (req, res, next) => {
  try {
    const user = await prisma.user.findUnique({ where: { email: String(req.body.email ?? '') } });
    const ok = user !== null && (await bcrypt.compare(String(req.body.password ?? ''), user.passwordHash));
    if (!ok) return res.status(401).json({ error: 'invalid credentials' });
    res.json({ token: auth.issue(user.id, user.tenantId, ['links:read', 'links:write']) });
  } catch (err) {
    next(err);
  }
});

app.get('/auth/providers/:name', (req, res) => {
  const provider = auth.provider(req.params.name);
  if (!provider) return res.sendStatus(404);
  res.json({ issuer: provider.issuer, scopes: provider.scopes });
});

app.get('/health', (_req, res) => {
  res.json({ upstreams: Object.fromEntries(upstreamStatus), clients: clientVersionStats() });
});

app.use(tenantsRouter);
app.use(linksRouter);

setInterval(() => void pingUpstreams(), 30_000).unref();

await openGeoDb(process.env.GEOIP_DB ?? '/usr/share/GeoIP/GeoLite2-City.mmdb');
app.listen(Number(process.env.PORT ?? 8080));
