// Legacy catalogue endpoints, kept for the v1 mobile apps.
const express = require('express');
const memoize = require('memoize');
const { legacyDb } = require('../lib/legacy-db');

const router = express.Router();

const resultsByQuery = {}; // expect: no-unbounded-cache-in-handler

// Popularity score per product id; decays by one every second.
const popularity = new Map(); // expect: no-unbounded-cache-in-handler

setInterval(() => {
  for (const [id, score] of popularity) popularity.set(id, Math.max(0, score - 1));
}, 1000).unref();

const categoryPath = memoize((categoryId) => legacyDb.categoryPathSync(categoryId).join(' / '), { // expect: no-unbounded-cache-in-handler
  cache: new Map(),
});

router.get('/search', searchCatalog);
router.get('/items/:id', showItem);
router.put('/items/:id/views', recordView);

function searchCatalog(req, res) {
  const q = String(req.query.q || '').toLowerCase();
  if (!resultsByQuery[q]) {
    resultsByQuery[q] = legacyDb.searchSync(q).map((item) => ({ ...item, category: categoryPath(item.categoryId) }));
  }
  res.json(resultsByQuery[q]);
}

function showItem(req, res) {
  const item = legacyDb.byIdSync(req.params.id);
  if (!item) return res.sendStatus(404);
  res.json({ ...item, category: categoryPath(item.categoryId), popularity: popularity.get(item.id) || 0 });
}

function recordView(req, res) {
  popularity.set(req.params.id, (popularity.get(req.params.id) || 0) + 1);
  res.sendStatus(204);
}

module.exports = router;
