export interface Token {
  accessToken: string;
  expiresAt: number;
}

export interface ClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

let options: ClientOptions | undefined;

export function configure(opts: ClientOptions) {
  options = opts;
}

async function requestToken(scope: string): Promise<Token> {
  if (!options) throw new Error('http-client: call configure() first');
  const res = await fetch(`${options.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope, client_id: options.clientId, client_secret: options.clientSecret }),
  });
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
  const body = (await res.json()) as { access_token: string; expires_in: number };
  return { accessToken: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
}

const tokens = new Map<string, Promise<Token>>();

export async function tokenFor(scope: string): Promise<string> {
  let pending = tokens.get(scope);
  if (!pending) {
    tokens.set( // expect: no-unsafe-async-memoize
      scope,
      requestToken(scope).then((token) => {
        setTimeout(() => tokens.delete(scope), token.expiresAt - Date.now() - 30_000).unref?.();
        return token;
      }),
    );
    pending = tokens.get(scope)!;
  }
  return (await pending).accessToken;
}

export async function apiFetch(path: string, init: RequestInit & { scope?: string } = {}) {
  const token = await tokenFor(init.scope ?? 'default');
  return fetch(`${options!.baseUrl}${path}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${token}` },
  });
}
