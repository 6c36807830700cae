import pMemoize from 'p-memoize';
import QuickLRU from 'quick-lru';
import { createHmac, timingSafeEqual } from 'node:crypto';

const getSigningSecret = pMemoize(
  async (integrationId) => {
    const res = await fetch(`${process.env.SECRETS_API}/integrations/${integrationId}/secret`, {
      headers: { Authorization: `Bearer ${process.env.SECRETS_TOKEN}` },
    });
    if (!res.ok) throw new Error(`secret lookup failed (${res.status})`);
    return (await res.json()).secret;
  },
  { cache: new QuickLRU({ maxSize: 100, maxAge: 5 * 60_000 }) },
);

function verify(body, signature, secret) {
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(signature ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const handler = async (event) => {
  const integrationId = event.pathParameters?.integration;
  if (!integrationId) return { statusCode: 400, body: 'missing integration' };
  const secret = await getSigningSecret(integrationId);
  if (!verify(event.body ?? '', event.headers['x-signature'], secret)) {
    return { statusCode: 401, body: 'bad signature' };
  }
  const payload = JSON.parse(event.body);
  console.log(JSON.stringify({ integrationId, type: payload.type, id: payload.id }));
  return { statusCode: 202, body: '' };
};
