import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { memoize } from 'eslint-plugin-memo-guard/memoize';
import _ from 'lodash';
import { verifySession, type SessionClaims } from '../session';

export const auth = new Hono();

// Bounded and promise-aware: a failed verification is retried on the next request.
const verify = memoize(async (token: string): Promise<SessionClaims | null> => verifySession(token), { max: 10_000, ttl: 60_000 });

// Provider metadata is read once when the module loads.
const providers = ['github', 'google', 'gitlab'] as const;
const providerLabel = _.memoize((id: string) => id.charAt(0).toUpperCase() + id.slice(1));
const providerList = providers.map((id) => ({ id, label: providerLabel(id) }));

auth.get('/providers', (c) => c.json(providerList));

auth.get('/session', async (c) => {
  const token = getCookie(c, 'session');
  if (!token) return c.json({ authenticated: false });
  const claims = await verify(token);
  if (!claims) {
    setCookie(c, 'session', '', { maxAge: 0, path: '/' });
    return c.json({ authenticated: false });
  }
  return c.json({ authenticated: true, user: claims.sub, expiresAt: claims.exp });
});
