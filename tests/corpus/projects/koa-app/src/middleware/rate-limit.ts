import type { Context, Next } from 'koa';

/** Fixed-window limit per client address; every window starts from zero. */
export function rateLimit({ max = 120, windowMs = 60_000 }: { max?: number; windowMs?: number } = {}) {
  const counts = new Map<string, number>();
  const reset = setInterval(() => counts.clear(), windowMs);
  reset.unref();

  return async (ctx: Context, next: Next) => {
    const key = ctx.ip;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    ctx.set('X-RateLimit-Remaining', String(Math.max(0, max - count)));
    if (count > max) ctx.throw(429, 'Too many requests');
    await next();
  };
}
