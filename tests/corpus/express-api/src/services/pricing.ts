import { memoize } from 'lodash-es';
import { catalog } from './catalog';

export interface LineItem {
  sku: string;
  qty: number;
}

const TAX_RATES: Record<string, number> = { DE: 0.19, FR: 0.2, NL: 0.21, US: 0 };

export const taxRate = memoize((country: string) => TAX_RATES[country.toUpperCase()] ?? 0);

export const unitPrice = memoize(({ sku, qty }: LineItem) => { // expect: no-unhashable-args
  const product = catalog.bySku(sku);
  const tier = product.tiers.find((t) => qty >= t.minQty) ?? product.tiers[0];
  return Math.round(tier.price * 100) / 100;
});

export function priceCart(items: LineItem[], country: string) {
  let net = 0;
  for (const item of items) {
    net += unitPrice(item) * item.qty;
  }
  const tax = net * taxRate(country);
  return { net, tax, gross: net + tax };
}

export function quoteSingle(sku: string, qty = 1) {
  return unitPrice({ sku, qty }) * qty; // expect: no-unhashable-args
}
