import Router from '@koa/router';
import { fragmentCache, pageCache } from './cache/render-cache';
import { sessionStore, type Cart } from './cache/sessions';
import { render } from './cache/templates';
import { airQuality, coordinatesFor, forecastFor, isSupportedCity } from './services/weather';

export const router = new Router();

router.get('/', async (ctx) => {
  const cached = pageCache.get(ctx.url);
  if (cached) {
    ctx.type = 'html';
    ctx.body = cached;
    return;
  }
  const cart = sessionStore.get(ctx.cookies.get('sid') ?? '');
  const html = render('home', { cartSize: cart?.items.length ?? 0, lang: ctx.get('Accept-Language') });
  pageCache.set(ctx.url, html);
  ctx.type = 'html';
  ctx.body = html;
});

router.get('/pages/:slug', async (ctx) => {
  try {
    ctx.type = 'html';
    ctx.body = render(`pages/${ctx.params.slug}`, { lang: ctx.get('Accept-Language') });
  } catch {
    ctx.throw(404, 'no such page');
  }
});

router.get('/forecast', async (ctx) => {
  const city = String(ctx.query.city ?? '').trim().toLowerCase();
  if (!city) ctx.throw(400, 'city is required');
  const page = String(ctx.query.page ?? '1');
  const key = `${city}:${page}`;
  let fragment = fragmentCache.get(key);
  if (!fragment) {
    const forecast = await forecastFor(city);
    fragment = render('forecast', { ...forecast, page });
    fragmentCache.set(key, fragment);
  }
  ctx.type = 'html';
  ctx.body = fragment;
});

router.get('/cities/:city/coordinates', async (ctx) => {
  const { city } = ctx.params;
  if (!isSupportedCity(city)) ctx.throw(404, `we do not cover ${city}`);
  ctx.body = (await coordinatesFor(city)) ?? { error: 'geocoder unavailable' };
});

router.get('/stations/:id/aqi', async (ctx) => {
  ctx.body = { station: ctx.params.id, aqi: await airQuality(ctx.params.id) };
});

router.post('/cart', async (ctx) => {
  const sid = ctx.cookies.get('sid') ?? crypto.randomUUID();
  const cart: Cart = sessionStore.get(sid) ?? { items: [], updatedAt: Date.now() };
  const { stationId, plan } = ctx.request.body as { stationId: string; plan: 'hourly' | 'daily' };
  cart.items.push({ stationId, plan });
  sessionStore.set(sid, cart);
  ctx.cookies.set('sid', sid, { httpOnly: true, sameSite: 'lax' });
  ctx.body = { items: cart.items.length };
});
