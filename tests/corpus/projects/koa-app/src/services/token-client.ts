import https from 'node:https';
import type { IncomingMessage } from 'node:http';

export type Audience = 'forecast-api' | 'air-api';

interface CachedToken {
  value: string;
  expiresAt: number;
}

const TOKEN_HOST = process.env.TOKEN_HOST ?? 'auth.example.com';
const tokens = new Map<Audience, CachedToken>();

function handleResponse(res: IncomingMessage): Promise<{ access_token: string; expires_in: number }> {
  return new Promise((resolve, reject) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (body += chunk));
    res.on('end', () => {
      if ((res.statusCode ?? 500) >= 400) return reject(new Error(`token endpoint answered ${res.statusCode}`));
      try {
        resolve(JSON.parse(body));
      } catch (err) {
        reject(err);
      }
    });
    res.on('error', reject);
  });
}

/** A client-credentials token for one of our upstream APIs, reused until a minute before expiry. */
export async function serviceToken(audience: Audience): Promise<string> {
  const cached = tokens.get(audience);
  if (cached && cached.expiresAt - 60_000 > Date.now()) return cached.value;
  const payload = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: process.env.CLIENT_ID ?? '',
    client_secret: process.env.CLIENT_SECRET ?? '',
    audience,
  }).toString();
  const body = await new Promise<{ access_token: string; expires_in: number }>((resolve, reject) => {
    const req = https.request(
      { host: TOKEN_HOST, path: '/oauth/token', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      (res) => {
        handleResponse(res).then(resolve, reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
  tokens.set(audience, { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 });
  return body.access_token;
}
