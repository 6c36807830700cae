import { Router } from 'express';
import { renderToString } from 'react-dom/server';
import memoizee from 'memoizee';
import pMemoize from 'p-memoize';
import QuickLRU from 'quick-lru';
import { LandingPage } from '../views/LandingPage';
import { cms } from '../lib/cms';

const router = Router();

const getLanding = memoizee( // expect: no-unsafe-async-memoize
  async (locale: string) => {
    const content = await cms.landing(locale);
    return renderToString(<LandingPage content={content} locale={locale} />);
  },
  { max: 20, maxAge: 60_000 },
);

const getFooterLinks = pMemoize(async (locale: string) => cms.footer(locale), {
  cacheKey: ([locale]) => locale.toLowerCase(),
  cache: new QuickLRU({ maxSize: 20 }),
});

router.get('/', async (req, res, next) => {
  try {
    const locale = req.acceptsLanguages('en', 'de', 'fr') || 'en';
    const [html, footer] = await Promise.all([getLanding(locale), getFooterLinks(locale)]);
    res.send(`<!doctype html><html lang="${locale}"><body><div id="root">${html}</div><script>window.__FOOTER__=${JSON.stringify(footer)}</script></body></html>`);
  } catch (err) {
    next(err);
  }
});

export default router;
