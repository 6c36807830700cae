import type { NextApiRequest, NextApiResponse } from 'next';
import { allow, cityFor } from '../../lib/geo';

const addresses = new WeakMap<NextApiRequest, string>();

function clientAddress(req: NextApiRequest): string {
  const known = addresses.get(req);
  if (known !== undefined) return known;
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const address = first || req.socket.remoteAddress || '';
  addresses.set(req, address);
  return address;
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'GET') return res.status(405).end();
  const ip = clientAddress(req);
  if (!allow(ip)) return res.status(429).json({ error: 'slow down' });
  res.setHeader('Cache-Control', 'private, no-store');
  res.status(200).json(await cityFor(ip));
}
