import { Router } from 'express';
import memoize from 'lodash/memoize';
import { db } from '../lib/db.js';

class InventoryRepo {
  constructor(pool) {
    this.pool = pool;
    // Hot lookups, memoized in place once per repository.
    for (const method of ['stockFor', 'warehouseOf']) {
      this[method] = memoize(this[method].bind(this)); // expect: no-unbounded-cache-in-handler
    }
  }

  stockFor(sku) {
    return this.pool.one('select qty from stock where sku = $1', [sku]);
  }

  warehouseOf(sku) {
    return this.pool.one('select warehouse from stock where sku = $1', [sku]);
  }
}

class QuoteSession {
  constructor(pool) {
    // One per request: the memoized lookup dies with it.
    this.priceOf = memoize((sku) => pool.one('select price from prices where sku = $1', [sku]));
  }
}

const inventory = new InventoryRepo(db);
const router = Router();

router.get('/inventory/:sku', async (req, res) => {
  res.json({ qty: await inventory.stockFor(req.params.sku) });
});

router.post('/quotes', async (req, res) => {
  const session = new QuoteSession(db);
  const prices = await Promise.all(req.body.skus.map((sku) => session.priceOf(sku)));
  res.json({ prices });
});

export default router;
