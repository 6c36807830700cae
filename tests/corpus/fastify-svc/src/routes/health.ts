import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import memoize from 'memoize';
import QuickLRU from 'quick-lru';
import { sessions, type Session } from '../repo/sessions';

const sessionCache = new LRUCache<string, Session>({ max: 5000, ttl: 5 * 60_000 });

const describeRegion = memoize(
  (code: string) => new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code,
  { cache: new QuickLRU({ maxSize: 300 }) },
);

// Registry of checks, filled once at start-up.
const checks = new Map<string, () => Promise<boolean>>();
for (const name of ['db', 'redis', 'queue']) {
  checks.set(name, async () => (await import(`../probes/${name}.js`)).probe());
}

export default async function healthRoutes(fastify: FastifyInstance) {
  fastify.get('/health/live', async () => ({ ok: true }));

  fastify.get('/health/ready', async (_request, reply) => {
    const results: Record<string, boolean> = {};
    for (const [name, check] of checks) {
      results[name] = await check().catch(() => false);
    }
    const ok = Object.values(results).every(Boolean);
    return reply.code(ok ? 200 : 503).send(results);
  });

  fastify.get<{ Headers: { authorization?: string } }>('/whoami', async (request, reply) => {
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    if (!token) return reply.code(401).send();
    let session = sessionCache.get(token);
    if (!session) {
      session = await sessions.byToken(token);
      if (!session) return reply.code(401).send();
      sessionCache.set(token, session);
    }
    return { user: session.userId, region: describeRegion(session.region) };
  });
}
