import { Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';

export interface GeoInfo {
  country: string;
  region: string | null;
  timezone: string | null;
}

const GEO_API = process.env.GEO_API ?? 'https://ipapi.internal/v1';

@Injectable()
export class GeoService {
  private readonly logger = new Logger(GeoService.name);
  private readonly byIp = new Map<string, GeoInfo>(); // expect: no-unbounded-cache-in-handler
  private readonly entries = new Gauge({ name: 'geo_cache_entries', help: 'IP lookups held in memory' });

  async locate(ip: string): Promise<GeoInfo> {
    const known = this.byIp.get(ip);
    if (known) return known;
    let info: GeoInfo = { country: 'ZZ', region: null, timezone: null };
    try {
      const res = await fetch(`${GEO_API}/${encodeURIComponent(ip)}`);
      if (res.ok) info = (await res.json()) as GeoInfo;
    } catch (err) {
      this.logger.warn(`geo lookup failed for ${ip}: ${String(err)}`);
    }
    this.byIp.set(ip, info);
    this.entries.set(this.byIp.size);
    if (this.byIp.size % 10_000 === 0) this.logger.log(`geo cache holds ${this.byIp.size} addresses`);
    return info;
  }
}
