import { Hono } from 'hono';
import { LRUCache } from 'mnemonist';
import memoizee from 'memoizee';

export const geo = new Hono();

interface IpInfo {
  country: string;
  asn: number;
}

// The 50k most recently seen addresses.
const ipInfo = new LRUCache<string, IpInfo>(50_000);

const countryFlag = memoizee(
  (country: string) => String.fromCodePoint(...[...country.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65)),
  { primitive: true, max: 300 },
);

async function lookup(ip: string): Promise<IpInfo> {
  const known = ipInfo.get(ip);
  if (known) return known;
  const res = await fetch(`${process.env.IPINFO_URL}/${ip}/json`);
  const info = (await res.json()) as IpInfo;
  ipInfo.set(ip, info);
  return info;
}

geo.get('/ip/:ip', async (c) => {
  try {
    const info = await lookup(c.req.param('ip'));
    return c.json({ ...info, flag: countryFlag(info.country) });
  } catch {
    return c.json({ error: 'lookup failed' }, 502);
  }
});
