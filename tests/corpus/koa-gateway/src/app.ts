import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import memoize from 'memoize';
import { promises as dns } from 'node:dns';
import { ordersRouter } from './routes/orders';
import { authMiddleware } from './middleware/auth';
import { proxyRouter } from './routes/proxy';

const app = new Koa();

// Requests per path, exposed on /_stats.
const hitsByPath: Record<string, number> = {}; // expect: no-unbounded-cache-in-handler

const resolveUpstream = memoize(async (host: string) => { // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler
  const [address] = await dns.resolve4(host);
  return address;
});

app.use(async (ctx, next) => {
  const started = process.hrtime.bigint();
  hitsByPath[ctx.path] = (hitsByPath[ctx.path] ?? 0) + 1;
  await next();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  ctx.set('Server-Timing', `app;dur=${ms.toFixed(1)}`);
});

app.use(async (ctx, next) => {
  const upstreamHost = ctx.get('X-Upstream-Host');
  if (upstreamHost) {
    ctx.state.upstream = await resolveUpstream(upstreamHost);
  }
  await next();
});

app.use(bodyParser());
app.use(authMiddleware());
app.use(ordersRouter.routes()).use(ordersRouter.allowedMethods());
app.use(proxyRouter.routes());

app.use(async (ctx) => {
  if (ctx.path === '/_stats') ctx.body = hitsByPath;
});

app.listen(Number(process.env.PORT ?? 4000));
