import { createHash } from 'node:crypto';
import type { Context, Next } from 'koa';

/** Answer 304 when the client already has the body we are about to send. */
export function conditionalGet({ weak = true }: { weak?: boolean } = {}) {
  const etags = new Map<string, string>(); // expect: no-unbounded-cache-in-handler

  return async function etag(ctx: Context, next: Next) {
    const known = etags.get(ctx.url);
    if (ctx.method === 'GET' && known && ctx.get('If-None-Match') === known) {
      ctx.status = 304;
      return;
    }
    await next();
    if (ctx.status !== 200 || ctx.body == null) return;
    const text = typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body);
    const tag = `${weak ? 'W/' : ''}"${createHash('sha1').update(text).digest('base64url')}"`;
    etags.set(ctx.url, tag);
    ctx.set('ETag', tag);
  };
}
