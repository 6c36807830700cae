import Router from '@koa/router';
import { db } from '../db.js';

export const catalogRouter = new Router({ prefix: '/catalog' });

/** `memoizeBy(keyOf)(fn)`: one result per key that `keyOf` computes from the arguments. */
const memoizeBy = (keyOf) => (fn) => {
  const results = new Map();
  return (...args) => {
    const key = keyOf(...args);
    if (!results.has(key)) results.set(key, fn(...args));
    return results.get(key);
  };
};

const bySku = memoizeBy((sku) => sku.toUpperCase());
const byLocale = memoizeBy((locale) => locale);

const productBySku = bySku(async (sku) => db.one('select * from products where sku = $1', [sku])); // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler
const collator = byLocale((locale) => new Intl.Collator(locale, { sensitivity: 'base' }));

catalogRouter.get('/products/:sku', async (ctx) => {
  ctx.body = await productBySku(ctx.params.sku);
});

catalogRouter.get('/sorted', async (ctx) => {
  const names = await db.many('select name from products order by id limit 100');
  ctx.body = names.map((r) => r.name).sort(collator('en').compare);
});
