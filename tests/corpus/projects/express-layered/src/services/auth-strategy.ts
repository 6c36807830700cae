import jwt, { type JwtPayload } from 'jsonwebtoken';
import { config } from '../db';

export interface Session {
  userId: string;
  tenantId: string;
  scopes: string[];
  expiresAt: number;
}

export interface ProviderConfig {
  issuer: string;
  clientId: string;
  scopes: string[];
}

function toSession(payload: string | JwtPayload): Session {
  if (typeof payload === 'string' || !payload.sub) throw new Error('token has no subject');
  return {
    userId: payload.sub,
    tenantId: String(payload.tid),
    scopes: String(payload.scope ?? '').split(' ').filter(Boolean),
    expiresAt: (payload.exp ?? 0) * 1000,
  };
}

class AuthStrategy {
  /** Verdict per bearer token (a session, or null for a bad token) so a token is verified once. */
  private readonly verdicts: Record<string, Session | null> = Object.create(null); // expect: no-unbounded-cache-in-handler
  private readonly providers: Record<string, ProviderConfig> = Object.create(null);

  register(name: string, provider: ProviderConfig): this {
    this.providers[name] = provider;
    return this;
  }

  provider(name: string): ProviderConfig | undefined {
    return this.providers[name];
  }

  authenticate(authorization: string | undefined): Session | null {
    if (!authorization?.startsWith('Bearer ')) return null;
    const token = authorization.slice('Bearer '.length);
    if (token in this.verdicts) {
      const known = this.verdicts[token];
      return known && known.expiresAt > Date.now() ? known : null;
    }
    let session: Session | null;
    try {
      session = toSession(jwt.verify(token, config.jwtSecret));
    } catch {
      session = null;
    }
    this.verdicts[token] = session;
    return session;
  }

  issue(userId: string, tenantId: string, scopes: string[]): string {
    return jwt.sign({ tid: tenantId, scope: scopes.join(' ') }, config.jwtSecret, { subject: userId, expiresIn: '1h' });
  }
}

const auth = new AuthStrategy();
auth
  .register('google', { issuer: 'https://accounts.google.com', clientId: process.env.GOOGLE_CLIENT_ID ?? '', scopes: ['openid', 'email'] })
  .register('github', { issuer: 'https://github.com', clientId: process.env.GITHUB_CLIENT_ID ?? '', scopes: ['read:user'] });

export default auth;
