import { Router } from 'express';
import memoize from 'memoize';
import { memoize as memoizeFirst } from 'lodash';
import { inventory } from '../lib/inventory';

export const quotesRouter = Router();

interface SkuRecord {
  sku: string;
  basePrice: number;
  discounts: { minQty: number; pct: number }[];
}

async function loadSku(sku: string): Promise<SkuRecord> {
  const record = await inventory.get(sku);
  if (!record) throw Object.assign(new Error(`unknown sku ${sku}`), { status: 404 });
  return record;
}

const skuRecord = memoize((sku: string) => loadSku(sku)); // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler

const lineTotal = memoize( // expect: no-unbounded-cache-in-handler
  (basePrice: number, qty: number, pct: number) => Math.round(basePrice * qty * (1 - pct / 100) * 100) / 100,
  { cacheKey: (args) => args.join(':') },
);

const shippingBand = memoizeFirst( // expect: no-unbounded-cache-in-handler
  (weightGrams: number, express: boolean) => (express ? 2 : 1) * Math.ceil(weightGrams / 1000),
  (weightGrams, express) => `${weightGrams}:${express}`,
);

quotesRouter.get('/:sku', async (req, res, next) => {
  try {
    const qty = Math.max(1, Number(req.query.qty ?? 1));
    const record = await skuRecord(req.params.sku);
    const discount = record.discounts.filter((d) => qty >= d.minQty).at(-1)?.pct ?? 0;
    res.json({
      sku: record.sku,
      qty,
      total: lineTotal(record.basePrice, qty, discount),
      shippingBand: shippingBand(Number(req.query.weight ?? 500), req.query.express === '1'),
    });
  } catch (err) {
    next(err);
  }
});
