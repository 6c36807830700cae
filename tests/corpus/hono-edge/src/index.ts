import { Hono } from 'hono';
import { logger } from 'hono/logger';
import { memoize } from 'lodash';
import { createHmac } from 'node:crypto';
import { weather } from './routes/weather';
import { shortener } from './routes/shorten';

const app = new Hono();
const SIGNING_KEY = process.env.IMG_SIGNING_KEY ?? 'dev-key';

const signPath = memoize((path: string, expiresAt: number) => { // expect: no-unhashable-args, no-unbounded-cache-in-handler
  const mac = createHmac('sha256', SIGNING_KEY).update(`${path}:${expiresAt}`).digest('base64url');
  return `${path}?exp=${expiresAt}&sig=${mac}`;
});

const etags = Object.create(null); // expect: no-unbounded-cache-in-handler

app.use('*', logger());

app.get('/img/:id', async (c) => {
  const id = c.req.param('id');
  const width = Number(c.req.query('w') ?? 800);
  const key = `${id}@${width}`;
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch && etags[key] === ifNoneMatch) return c.body(null, 304);

  const expiresAt = Math.floor(Date.now() / 3_600_000 + 1) * 3600;
  const upstream = await fetch(`${process.env.ORIGIN}${signPath(`/images/${id}/${width}`, expiresAt)}`);
  const etag = upstream.headers.get('ETag');
  if (etag) etags[key] = etag;
  return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
});

app.route('/weather', weather);
app.route('/s', shortener);

export default app;
