import Router from '@koa/router';
import { redis } from '../redis';

export const sessionsRouter = new Router({ prefix: '/sessions' });

export interface Session {
  id: string;
  userId: string;
  createdAt: number;
  scopes: string[];
}

async function fetchSession(sid: string): Promise<Session | null> {
  const raw = await redis.get(`sess:${sid}`);
  return raw ? (JSON.parse(raw) as Session) : null;
}

// One lookup per session id for the lifetime of the gateway process.
const sessionLoads = new Map<string, Promise<Session | null>>(); // expect: no-unbounded-cache-in-handler

function sessionById(sid: string) {
  let load = sessionLoads.get(sid);
  if (!load) {
    sessionLoads.set(sid, fetchSession(sid)); // expect: no-unsafe-async-memoize
    load = sessionLoads.get(sid)!;
  }
  return load;
}

sessionsRouter.get('/current', async (ctx) => {
  const sid = ctx.cookies.get('sid');
  if (!sid) ctx.throw(401);
  const session = await sessionById(sid);
  if (!session) ctx.throw(401, 'session expired');
  ctx.body = { userId: session.userId, scopes: session.scopes };
});

sessionsRouter.get('/:sid/scopes', async (ctx) => {
  const session = await sessionById(ctx.params.sid);
  ctx.body = session?.scopes ?? [];
});
