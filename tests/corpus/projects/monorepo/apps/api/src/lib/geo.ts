import type { IncomingMessage } from 'node:http';
import geoip from 'geoip-lite';
import { remember } from '@acme/support';

// geoip-lite lookups walk a big in-memory table; visitors come back, so keep the answer.
export const countryForIp = remember((ip: string): string => geoip.lookup(ip)?.country ?? 'ZZ'); // expect: no-unbounded-cache-in-handler, no-unbounded-memoize

/** The client address as the load balancer saw it. */
export function clientIp(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || '0.0.0.0';
}
