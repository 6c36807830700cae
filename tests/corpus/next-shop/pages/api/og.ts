import type { NextApiRequest, NextApiResponse } from 'next';
import { lru } from 'tiny-lru';
import { renderOgImage } from '../../lib/og';

// 200 rendered cards, each kept for at most an hour.
const rendered = lru<Buffer>(200, 3_600_000);

export default async function ogImage(req: NextApiRequest, res: NextApiResponse) {
  const title = String(req.query.title ?? 'Shop').slice(0, 80);
  const theme = req.query.theme === 'dark' ? 'dark' : 'light';
  const key = `${theme}:${title}`;
  let png = rendered.get(key);
  if (!png) {
    png = await renderOgImage({ title, theme });
    rendered.set(key, png);
  }
  res.setHeader('Content-Type', 'image/png');
  res.setHeader('Cache-Control', 'public, immutable, no-transform, max-age=31536000');
  res.end(png);
}
