import { createHash, createHmac } from 'node:crypto';
import memoize from 'fast-memoize';
import mem from 'mem';

type Digest = (input: string) => string;

const sha256: Digest = (input) => createHash('sha256').update(input).digest('hex');

// Canonical request hashes are recomputed for every retry of the same request.
export const canonicalHash = memoize((canonicalRequest: string, digest: (input: string) => string = sha256) => digest(canonicalRequest)); // expect: no-unhashable-args

export const fetchSigningKey = mem(async (keyId: string) => { // expect: no-unsafe-async-memoize
  const res = await fetch(`${process.env.KMS_URL}/keys/${keyId}`);
  if (!res.ok) throw new Error(`kms ${res.status}`);
  return Buffer.from(((await res.json()) as { material: string }).material, 'base64');
});

export const scopeString = mem((date: string, region: string, service: string) => `${date}/${region}/${service}/aws4_request`, {
  cacheKey: (args) => args.join('|'),
});

export async function sign(keyId: string, method: string, url: string, body: string, now = new Date()) {
  const key = await fetchSigningKey(keyId);
  const date = now.toISOString().slice(0, 10).replace(/-/g, '');
  const { host, pathname, search } = new URL(url);
  const canonical = [method, pathname, search.slice(1), `host:${host}`, canonicalHash(body)].join('\n');
  const scope = scopeString(date, 'eu-central-1', 'execute-api');
  const signature = createHmac('sha256', key).update(`${scope}\n${canonicalHash(canonical)}`).digest('hex');
  return `HMAC-SHA256 Credential=${keyId}/${scope}, Signature=${signature}`;
}
