// A Next.js App Router route handler (app/api/prices/route.ts): `GET /api/prices?sku=...`.
// Not served by server.js; it shows the same leak in a Next.js code base.

interface Quote {
  sku: string;
  cents: number;
  at: number;
}

// MISTAKE: a module-level object keyed by the `sku` query parameter. The age check below only
// decides whether to RE-FETCH; nothing ever removes an entry, so the object grows with every
// distinct sku a client sends. Use a bounded map (LruMap) or delete expired entries.
const quotes: Record<string, Quote> = {}; // expect: no-unbounded-cache-in-handler

async function lookupCents(sku: string): Promise<number> {
  const res = await fetch(`https://prices.internal/v1/${encodeURIComponent(sku)}`);
  const body = (await res.json()) as { cents: number };
  return body.cents;
}

export async function GET(request: Request): Promise<Response> {
  const sku = new URL(request.url).searchParams.get('sku') ?? '';
  const hit = quotes[sku];
  if (hit && Date.now() - hit.at < 60_000) return Response.json(hit);
  const fresh: Quote = { sku, cents: await lookupCents(sku), at: Date.now() };
  quotes[sku] = fresh;
  return Response.json(fresh);
}
