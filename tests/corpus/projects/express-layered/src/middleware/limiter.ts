import type { NextFunction, Request, Response } from 'express';

export interface LimiterOptions {
  windowMs: number;
  max: number;
  keyPrefix?: string;
}

/** Fixed-window rate limit per client address. */
export function createLimiter({ windowMs, max, keyPrefix = 'rl' }: LimiterOptions) {
  const windows = new Map<string, { count: number; startedAt: number }>(); // expect: no-unbounded-cache-in-handler

  return function limiter(req: Request, res: Response, next: NextFunction) {
    const key = `${keyPrefix}:${req.ip}`;
    const now = Date.now();
    const current = windows.get(key);
    if (!current || now - current.startedAt >= windowMs) {
      windows.set(key, { count: 1, startedAt: now });
      next();
      return;
    }
    current.count += 1;
    if (current.count > max) {
      res.setHeader('Retry-After', String(Math.ceil((current.startedAt + windowMs - now) / 1000)));
      res.status(429).json({ error: 'rate limited' });
      return;
    }
    next();
  };
}

/** At most `limit` requests in flight per client address. */
export function createConcurrencyGate(limit: number) {
  const inFlight = new Map<string, number>();

  return (req: Request, res: Response, next: NextFunction) => {
    const key = req.ip ?? 'unknown';
    const current = inFlight.get(key) ?? 0;
    if (current >= limit) {
      res.status(429).json({ error: 'too many concurrent requests' });
      return;
    }
    inFlight.set(key, current + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (inFlight.get(key) ?? 1) - 1;
      if (left <= 0) inFlight.delete(key);
      else inFlight.set(key, left);
    };
    res.on('finish', release);
    res.on('close', release);
    next();
  };
}
