import type { Middleware } from 'koa';
import memoize from 'micro-memoize';
import { jwtVerify, createRemoteJWKSet, type JWTPayload } from 'jose';

const jwks = createRemoteJWKSet(new URL(process.env.JWKS_URL ?? 'https://auth.example.com/.well-known/jwks.json'));

// Verified tokens, trimmed to the newest MAX_TOKENS entries.
const MAX_TOKENS = 10_000;
const verifiedTokens = new Map<string, JWTPayload>();

async function verify(token: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtVerify(token, jwks, { issuer: process.env.JWT_ISSUER });
    return payload;
  } catch {
    return null;
  }
}

const introspect = memoize( // expect: no-side-effect-memoize
  async (token: string) => {
    const res = await fetch(`${process.env.AUTH_URL}/introspect`, { method: 'POST', body: new URLSearchParams({ token }) });
    if (!res.ok) throw new Error(`introspection failed: ${res.status}`);
    return res.json();
  },
  { isPromise: true, maxSize: 200 },
);

export function authMiddleware(): Middleware {
  return async (ctx, next) => {
    const token = ctx.get('Authorization').replace(/^Bearer\s+/i, '');
    if (!token) ctx.throw(401);
    let claims = verifiedTokens.get(token) ?? null;
    if (!claims) {
      claims = (await verify(token)) ?? (await introspect(token));
      if (!claims) ctx.throw(401);
      if (verifiedTokens.size >= MAX_TOKENS) {
        const oldest = verifiedTokens.keys().next().value;
        if (oldest !== undefined) verifiedTokens.delete(oldest);
      }
      verifiedTokens.set(token, claims);
    }
    ctx.state.user = { id: claims.sub, scopes: String(claims.scope ?? '').split(' ') };
    await next();
  };
}
