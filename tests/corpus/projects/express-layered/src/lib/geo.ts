import type { Request } from 'express';
import maxmind, { type CityResponse, type Reader } from 'maxmind';

let reader: Reader<CityResponse> | undefined;

// Region of a client address; the lookup walks the mmdb tree on every call.
const regionByIp = new Map<string, string>(); // expect: no-unbounded-cache-in-handler

export async function openGeoDb(file: string): Promise<void> {
  reader = await maxmind.open<CityResponse>(file);
}

export function forwardedFor(req: Request): string {
  const header = req.get('x-forwarded-for');
  return header?.split(',')[0]?.trim() || req.socket.remoteAddress || '0.0.0.0';
}

export function regionFor(ip: string): string {
  let region = regionByIp.get(ip);
  if (region === undefined) {
    const record = reader?.get(ip);
    region = record?.subdivisions?.[0]?.iso_code ?? record?.country?.iso_code ?? 'unknown';
    regionByIp.set(ip, region);
  }
  return region;
}
