import { memoize } from 'es-toolkit';
import microMemoize from 'micro-memoize';

export interface Credentials {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
}

interface Discovery {
  issuer: string;
  token_endpoint: string;
  jwks_uri: string;
}

export const discover = memoize(async (issuer: string): Promise<Discovery> => { // expect: no-unsafe-async-memoize
  const res = await fetch(new URL('/.well-known/openid-configuration', issuer));
  if (!res.ok) throw new Error(`discovery failed for ${issuer}: ${res.status}`);
  return (await res.json()) as Discovery;
});

export const fetchJwks = microMemoize( // expect: no-unsafe-async-memoize
  async (jwksUri: string) => {
    const res = await fetch(jwksUri);
    if (!res.ok) throw new Error(`jwks ${res.status}`);
    return (await res.json()) as { keys: JsonWebKey[] };
  },
  { maxSize: 10 },
);

export async function verifierFor(issuer: string) {
  const { jwks_uri: jwksUri, issuer: canonicalIssuer } = await discover(issuer);
  const { keys } = await fetchJwks(jwksUri);
  return { issuer: canonicalIssuer, keys };
}
