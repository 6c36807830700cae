import _ from 'lodash';

export interface MoneyParts {
  amount: number;
  currency: string;
}

/** "€1,234.00" from minor units; Intl.NumberFormat is slow to construct, so results are kept. */
export const formatMoney = _.memoize(({ amount, currency }: MoneyParts): string => // expect: no-unhashable-args, no-unbounded-cache-in-handler, no-unbounded-memoize
  new Intl.NumberFormat('en-IE', { style: 'currency', currency }).format(amount / 100),
);
