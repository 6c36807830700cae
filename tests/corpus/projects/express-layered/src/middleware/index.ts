import type { NextFunction, Request, Response } from 'express';
import { createConcurrencyGate, createLimiter } from './limiter';

export const apiLimiter = createLimiter({ windowMs: 60_000, max: 300 });
export const loginLimiter = createLimiter({ windowMs: 15 * 60_000, max: 10, keyPrefix: 'login' });
export const concurrencyGate = createConcurrencyGate(8);

// Requests per mobile client version, to know when an old version can be retired.
const clientVersions = new Map<string, number>(); // expect: no-unbounded-cache-in-handler

export function countClientVersion(req: Request, _res: Response, next: NextFunction): void {
  const version = req.get('x-client-version') ?? 'web';
  clientVersions.set(version, (clientVersions.get(version) ?? 0) + 1);
  next();
}

export function clientVersionStats(): Record<string, number> {
  return Object.fromEntries(clientVersions);
}
