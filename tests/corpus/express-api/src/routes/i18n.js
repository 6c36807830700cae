import { Router } from 'express';
import { readFile } from 'node:fs/promises';

const router = Router();
const LOCALES = ['en', 'de', 'fr', 'es'];

// One entry per supported locale: the route refuses anything else before it reads the cache.
const catalogs = {};
// Rendered snippets per page slug: whatever the client asks for.
const snippets = {}; // expect: no-unbounded-cache-in-handler

router.get('/i18n/:locale', async (req, res) => {
  const { locale } = req.params;
  if (!LOCALES.includes(locale)) return res.status(404).json({ error: `unsupported locale ${locale}` });
  catalogs[locale] ??= JSON.parse(await readFile(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8'));
  res.json(catalogs[locale]);
});

router.get('/snippets/:slug', async (req, res) => {
  const { slug } = req.params;
  snippets[slug] ??= await fetch(`https://cms.internal/snippets/${encodeURIComponent(slug)}`).then((r) => r.text());
  res.type('html').send(snippets[slug]);
});

export default router;
