import { Router } from 'express';
import memoize from 'fast-memoize';
import { searchIndex } from '../lib/search-index';

const router = Router();

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in']);

const normalizeQuery = memoize((raw: string, locale?: string) => { // expect: no-unhashable-args, no-unbounded-cache-in-handler
  return raw
    .toLocaleLowerCase(locale)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/\s+/)
    .filter((word) => word && !STOP_WORDS.has(word))
    .join(' ');
});

router.get('/', async (req, res) => {
  const q = String(req.query.q ?? '');
  if (q.length < 2) {
    res.json({ hits: [] });
    return;
  }
  const normalized = normalizeQuery(q, req.get('Content-Language') ?? undefined);
  const hits = await searchIndex.query(normalized, { limit: 20 });
  res.json({ query: normalized, hits });
});

router.get('/suggest', async (req, res) => {
  const prefix = normalizeQuery(String(req.query.prefix ?? ''));
  res.json(await searchIndex.suggest(prefix));
});

export default router;
