// The shop's HTTP API (Express 5). Run: PORT=3000 node --expose-gc server.js
//
// Every cache in THIS file sits on a request-handler path and grows by one entry per distinct
// request: a client that walks product ids or search terms grows the process until it dies
// (CWE-770). `npx memo-guard --fix` (or `eslint --fix`) switches the page cache to `LruMap` and the
// memoizer to a bounded one; `visitsByIp` is a counter (the only copy of each count), so it gets a
// suggestion instead: evicting from it would lose counts.
import express from 'express';
import _ from 'lodash';
import { fetchReviews, quote, shippingCost } from './lib/catalog.js';
import { heapAfterGc } from './lib/metrics.js';

// MISTAKE: module-level Map keyed by `req.params.id`, written by `productPage()` (which the
// /products/:id handler calls) and never deleted from: one ~2 KB page per product id ever asked for.
const productPages = new Map(); // expect: no-unbounded-cache-in-handler

// MISTAKE: keyed by `req.ip` from a middleware: one entry per client address, forever. Behind the
// load balancer (`trust proxy`) `req.ip` comes from X-Forwarded-For, which any client can set.
const visitsByIp = new Map(); // expect: no-unbounded-cache-in-handler

// MISTAKE: lodash's memoize never evicts; `req.query.q` is attacker-controlled, so every distinct
// search term stays in `searchSuggestions.cache` until the process restarts.
const searchSuggestions = _.memoize((q) => buildSuggestions(q)); // expect: no-unbounded-cache-in-handler

function renderProductPage(id) {
  const name = `Product ${id}`;
  const body = `<p>${name}: hand-made, ships in 2 days.</p>`.padEnd(2048, ' ');
  return `<!doctype html><title>${name}</title>${body}`;
}

function productPage(id) {
  let page = productPages.get(id);
  if (page === undefined) {
    page = renderProductPage(id);
    productPages.set(id, page);
  }
  return page;
}

function buildSuggestions(q) {
  const term = q.trim().toLowerCase();
  return Array.from({ length: 16 }, (_unused, i) => `${term} ${['mug', 'lamp', 'rug', 'vase'][i % 4]} #${i}`.padEnd(128, ' '));
}

export const app = express();
app.set('trust proxy', true); // deployed behind a load balancer

app.use((req, res, next) => {
  visitsByIp.set(req.ip, (visitsByIp.get(req.ip) ?? 0) + 1);
  next();
});

app.get('/products/:id', (req, res) => {
  res.type('html').send(productPage(req.params.id));
});

app.get('/search', (req, res) => {
  const q = typeof req.query.q === 'string' ? req.query.q : '';
  res.json({ q, suggestions: searchSuggestions(q).map((s) => s.trimEnd()) });
});

app.get('/quote', (req, res) => {
  const qty = Number(req.query.qty ?? 1);
  const sku = String(req.query.sku ?? '');
  res.json({ sku, qty, cents: quote(sku, qty), shipping: shippingCost(String(req.query.country ?? 'FR'), qty * 0.4) });
});

app.get('/reviews/:id', async (req, res) => {
  res.json(await fetchReviews(req.params.id));
});

// Cache sizes and heap after a forced GC (start node with --expose-gc): the e2e test and the demo
// read this to show the leak and the fix.
app.get('/metrics', (req, res) => {
  res.json({
    caches: {
      productPages: productPages.size,
      visitsByIp: visitsByIp.size,
      // lodash keeps its entries in `fn.cache`; the fix rewrites this to the runtime's `fn.cacheInfo().currsize`.
      searchSuggestions: searchSuggestions.cache.size,
    },
    ...heapAfterGc(),
  });
});

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', (error) => {
  if (error) throw error;
  const { port } = server.address();
  console.log(`listening 127.0.0.1:${port}`);
});
