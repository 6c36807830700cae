import { LruMap } from 'eslint-plugin-memo-guard/memoize';
import { withMemo } from '@acme/support';

interface Money {
  amount: number;
  currency: string;
}

export const formatMoney = withMemo(({ amount, currency }: Money) => new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount)); // expect: no-unhashable-args, no-unbounded-memoize

export const formatMoneyByValue = withMemo( // expect: no-unbounded-memoize
  ({ amount, currency }: Money) => new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount),
  { getKey: ({ amount, currency }) => `${currency}:${amount}` },
);

export const currencyName = withMemo((code: string) => new Intl.DisplayNames(['en'], { type: 'currency' }).of(code) ?? code, {
  cache: new LruMap<string, string>(200),
});

export function invoiceLine(description: string, cents: number, currency: string): string {
  const price = formatMoney({ amount: cents / 100, currency }); // expect: no-unhashable-args
  return `${description}: ${price} (${currencyName(currency)}, ${formatMoneyByValue({ amount: cents / 100, currency })})`;
}
