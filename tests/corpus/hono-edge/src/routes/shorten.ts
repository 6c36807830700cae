import { Hono } from 'hono';
import { memoize } from 'es-toolkit';
import { kv } from '../kv';

export const shortener = new Hono();

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

const decodeId = memoize((code: string) => { // expect: no-unbounded-cache-in-handler
  let n = 0;
  for (const ch of code) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return -1;
    n = n * ALPHABET.length + digit;
  }
  return n;
});

shortener.get('/:code', async (c) => {
  const id = decodeId(c.req.param('code'));
  if (id < 0) return c.notFound();
  const target = await kv.get(`link:${id}`);
  if (!target) return c.notFound();
  return c.redirect(target, 301);
});

shortener.post('/', async (c) => {
  const { url } = await c.req.json<{ url: string }>();
  const id = await kv.incr('link:seq');
  await kv.set(`link:${id}`, url);
  return c.json({ id }, 201);
});
