import { NextResponse, type NextRequest } from 'next/server';

interface Quote {
  carrier: string;
  cents: number;
  days: number;
}

// Kept on globalThis so dev-server hot reloads do not drop it (the same idiom as the Prisma client).
const globalForShipping = globalThis as unknown as { quotes?: Map<string, Quote[]>; zones?: Map<string, string> };
const quotes = globalForShipping.quotes ?? new Map<string, Quote[]>(); // expect: no-unbounded-cache-in-handler
if (process.env.NODE_ENV !== 'production') globalForShipping.quotes = quotes;

// Two zones, loaded once.
const zones = globalForShipping.zones ?? new Map<string, string>([['domestic', 'DE'], ['eu', 'EU']]);

export async function GET(request: NextRequest) {
  const postcode = request.nextUrl.searchParams.get('postcode') ?? '';
  const weight = Number(request.nextUrl.searchParams.get('grams') ?? '0');
  const key = `${postcode}:${weight}`;
  let list = quotes.get(key);
  if (!list) {
    const res = await fetch(`https://rates.carrier.example/quote?postcode=${encodeURIComponent(postcode)}&grams=${weight}`);
    list = (await res.json()) as Quote[];
    quotes.set(key, list);
  }
  return NextResponse.json({ zone: zones.get('domestic'), quotes: list });
}
