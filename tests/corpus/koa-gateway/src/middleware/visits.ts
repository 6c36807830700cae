import type Koa from 'koa';
import Router from '@koa/router';

// Visit counts for the current hour; the whole map is replaced when the hour rolls over.
let visitLog = new Map<string, number>();
let currentHour = new Date().getUTCHours();

// First time we saw each signed-in user in this process; forgotten on logout.
const firstSeen: Record<string, number> = {};

async function trackVisits(ctx: Koa.Context, next: Koa.Next) {
  const hour = new Date().getUTCHours();
  if (hour !== currentHour) {
    visitLog = new Map();
    currentHour = hour;
  }
  visitLog.set(ctx.path, (visitLog.get(ctx.path) ?? 0) + 1);
  const userId = ctx.state.user?.id as string | undefined;
  if (userId && firstSeen[userId] === undefined) firstSeen[userId] = Date.now();
  await next();
}

export function installVisitTracking(app: Koa) {
  const router = new Router();
  app.use(trackVisits);

  router.post('/logout', async (ctx) => {
    const userId = ctx.state.user?.id as string | undefined;
    if (userId) delete firstSeen[userId];
    ctx.cookies.set('sid', null);
    ctx.status = 204;
  });

  router.get('/_visits', (ctx) => {
    ctx.body = Object.fromEntries(visitLog);
  });

  app.use(router.routes());
}
