import { memoize, safeGetJson } from '@acme/support';
import { config } from '../env';

export interface RateTable {
  base: string;
  date: string;
  rates: Record<string, number>;
}

export interface Holiday {
  date: string;
  name: string;
}

// One table per base currency.
export const getRates = memoize(async (base: string): Promise<RateTable> => { // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler, no-unbounded-memoize
  const res = await fetch(`${config.ratesUrl}/latest?base=${encodeURIComponent(base)}`, {
    headers: { authorization: `Bearer ${config.ratesToken}` },
  });
  if (!res.ok) throw new Error(`rates provider answered ${res.status}`);
  return (await res.json()) as RateTable;
});

export const getSupportedCurrencies = memoize(async (): Promise<string[]> => {
  const body = await safeGetJson<{ currencies: string[] }>(`${config.ratesUrl}/currencies`);
  return body?.currencies ?? config.fallbackCurrencies;
});

export const getHolidayCalendar = memoize(async (country: string): Promise<Holiday[]> => // expect: no-unbounded-memoize
  (await safeGetJson<Holiday[]>(`${config.calendarUrl}/${country}`)) ?? [],
);

export async function convert(amount: number, from: string, to: string): Promise<number> {
  if (from === to) return amount;
  // Tables are quoted in the target currency: 1 `to` = rates[from] `from`.
  const table = await getRates(to);
  const rate = table.rates[from];
  if (rate === undefined || rate === 0) throw new RangeError(`no rate from ${from} to ${to}`);
  return amount / rate;
}
