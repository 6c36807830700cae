import { Reader } from '@maxmind/geoip2-node';
import memoizee from 'memoizee';

const readerPromise = Reader.open(process.env.GEOIP_DB ?? '/usr/share/GeoIP/GeoLite2-City.mmdb');

export interface CityInfo {
  city: string | null;
  country: string | null;
}

export const cityFor = memoizee( // expect: no-unbounded-cache-in-handler, no-unbounded-memoize
  async (ip: string): Promise<CityInfo> => {
    try {
      const reader = await readerPromise;
      const hit = reader.city(ip);
      return { city: hit.city?.names.en ?? null, country: hit.country?.isoCode ?? null };
    } catch {
      return { city: null, country: null };
    }
  },
  { promise: true, primitive: true },
);

// Sliding-window request log per client address.
const windows = new Map<string, number[]>();

export function allow(ip: string, limit = 30, windowMs = 60_000): boolean {
  if (windows.size > 50_000) windows.clear();
  const now = Date.now();
  const recent = (windows.get(ip) ?? []).filter((t) => now - t < windowMs);
  if (recent.length >= limit) {
    windows.set(ip, recent);
    return false;
  }
  recent.push(now);
  windows.set(ip, recent);
  return true;
}
