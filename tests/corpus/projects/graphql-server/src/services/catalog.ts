import _ from 'lodash';
import memoizee from 'memoizee';
import { db, type Product } from '../db';

export interface Money {
  amountCents: number;
  currency: string;
}

export interface SearchArgs {
  query: string;
  first: number;
  after?: string;
}

export interface ReviewSummary {
  average: number | null;
  count: number;
}

const PRICING_API = process.env.PRICING_API ?? 'http://pricing.internal';
const FX_API = process.env.FX_API ?? 'http://fx.internal';

// Regional price of a SKU in a currency.
export const priceFor = memoizee( // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler, no-unbounded-memoize
  async (sku: string, currency: string): Promise<Money> => {
    const res = await fetch(`${PRICING_API}/prices/${encodeURIComponent(sku)}?currency=${encodeURIComponent(currency)}`);
    if (!res.ok) throw new Error(`pricing answered ${res.status}`);
    return (await res.json()) as Money;
  },
  { length: 2 },
);

export const taxRateFor = memoizee(
  async (country: string): Promise<number> => {
    const row = await db('tax_rates').where({ country }).first();
    if (!row) throw new Error(`no tax rate for ${country}`);
    return Number(row.rate);
  },
  { promise: true, max: 300, maxAge: 60 * 60_000 },
);

export const searchProducts = _.memoize(async ({ query, first, after }: SearchArgs): Promise<Product[]> => { // expect: no-unsafe-async-memoize, no-unhashable-args, no-unbounded-cache-in-handler, no-unbounded-memoize
  const q = db<Product>('products')
    .whereRaw("to_tsvector('simple', title) @@ plainto_tsquery('simple', ?)", [query])
    .orderBy('sku')
    .limit(Math.min(first, 100));
  if (after) q.where('sku', '>', after);
  return q;
});

export const reviewSummary = _.memoize(async (sku: string): Promise<ReviewSummary> => { // expect: no-unbounded-cache-in-handler, no-unbounded-memoize
  try {
    const row = await db('reviews').where({ sku }).avg('rating as average').count('* as count').first();
    return { average: row?.average == null ? null : Number(row.average), count: Number(row?.count ?? 0) };
  } catch (err) {
    console.warn('review summary unavailable', sku, err);
    return { average: null, count: 0 };
  }
});

async function fetchFxRate(currency: string): Promise<number> {
  const res = await fetch(`${FX_API}/rates/EUR/${encodeURIComponent(currency)}`);
  if (!res.ok) throw new Error(`fx answered ${res.status}`);
  return ((await res.json()) as { rate: number }).rate;
}

const pendingRates: Record<string, Promise<number>> = {};

export function fxRate(currency: string): Promise<number> {
  if (!(currency in pendingRates)) {
    pendingRates[currency] = fetchFxRate(currency).then((rate) => { // expect: no-unsafe-async-memoize
      delete pendingRates[currency];
      return rate;
    });
  }
  return pendingRates[currency];
}
