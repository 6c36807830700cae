import type { NextFunction, Request, Response } from 'express';

interface Bucket {
  count: number;
  resetAt: number;
}

const WINDOW_MS = 60_000;
const LIMIT = Number(process.env.RATE_LIMIT ?? 120);

const buckets = new Map<string, Bucket>();

// Expired buckets are swept once a minute so idle clients do not pile up.
const sweeper = setInterval(() => {
  const now = Date.now();
  for (const [key, bucket] of buckets) {
    if (bucket.resetAt <= now) buckets.delete(key);
  }
}, WINDOW_MS);
sweeper.unref();

export function rateLimit(req: Request, res: Response, next: NextFunction) {
  const key = req.ip ?? 'unknown';
  const now = Date.now();
  let bucket = buckets.get(key);
  if (!bucket || bucket.resetAt <= now) {
    bucket = { count: 0, resetAt: now + WINDOW_MS };
    buckets.set(key, bucket);
  }
  bucket.count += 1;
  res.setHeader('X-RateLimit-Remaining', String(Math.max(0, LIMIT - bucket.count)));
  if (bucket.count > LIMIT) {
    res.status(429).json({ error: 'Too many requests' });
    return;
  }
  next();
}

export function resetRateLimits() {
  buckets.clear();
}
