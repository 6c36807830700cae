import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import memoize from 'lodash.memoize';
import { PRICE_LIST } from './price-list';

interface QuoteRequest {
  items: { sku: string; quantity: number }[];
  currency: string;
}

const priceItems = memoize((items: { sku: string; quantity: number }[]) => { // expect: no-unhashable-args, no-unbounded-cache-in-handler
  return items.reduce((sum, { sku, quantity }) => sum + (PRICE_LIST[sku] ?? 0) * quantity, 0);
});

const currencyFactor = memoize((currency: string) => { // expect: no-unbounded-cache-in-handler
  const table: Record<string, number> = { EUR: 1, USD: 1.08, GBP: 0.86, CHF: 0.95 };
  return table[currency.toUpperCase()] ?? 1;
});

@Controller('pricing')
export class PricingController {
  @Post('quote')
  quote(@Body() body: QuoteRequest) {
    const net = priceItems(body.items) * currencyFactor(body.currency);
    return { currency: body.currency, net: Math.round(net), gross: Math.round(net * 1.19) };
  }

  @Get('sku/:sku')
  single(@Param('sku') sku: string) {
    return { sku, price: PRICE_LIST[sku] ?? null };
  }
}
