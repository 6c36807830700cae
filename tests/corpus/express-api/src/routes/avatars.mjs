import { createHash } from 'node:crypto';
import express from 'express';
import pMemoize from 'p-memoize';
import QuickLRU from 'quick-lru';
import memoizee from 'memoizee';

const router = express.Router();

function gravatarHash(email) {
  return createHash('md5').update(email.trim().toLowerCase()).digest('hex');
}

// Bounded, and p-memoize drops rejected promises by itself.
const fetchAvatar = pMemoize(
  async (email) => {
    const res = await fetch(`https://www.gravatar.com/avatar/${gravatarHash(email)}?d=404&s=256`);
    if (!res.ok) throw new Error(`gravatar ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  },
  { cache: new QuickLRU({ maxSize: 2000, maxAge: 10 * 60_000 }) },
);

const fetchInitialsSvg = memoizee(
  async (name) => {
    const initials = name.split(/\s+/).map((part) => part[0]?.toUpperCase() ?? '').join('').slice(0, 2);
    return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><text x="50%" y="50%">${initials}</text></svg>`;
  },
  { promise: true, max: 1000, maxAge: 3_600_000 },
);

router.get('/:email', async (req, res) => {
  try {
    const png = await fetchAvatar(req.params.email);
    res.type('image/png').send(png);
  } catch {
    const svg = await fetchInitialsSvg(String(req.query.name ?? '?'));
    res.type('image/svg+xml').send(svg);
  }
});

export default router;
