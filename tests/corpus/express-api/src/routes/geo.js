import express from 'express';
import memoize from 'lodash/memoize';
import maxmind from 'maxmind';

const router = express.Router();
const reader = await maxmind.open(process.env.GEOIP_DB ?? '/usr/share/GeoIP/GeoLite2-City.mmdb');

const lookupCity = memoize((ip) => { // expect: no-unbounded-cache-in-handler
  const hit = reader.get(ip);
  if (!hit) return null;
  return {
    city: hit.city?.names?.en ?? null,
    country: hit.country?.iso_code ?? null,
    timezone: hit.location?.time_zone ?? 'UTC',
  };
});

// Country display names: a few hundred at most, trimmed anyway.
const countryLabels = new Map();
const MAX_LABELS = 300;

function countryLabel(code, locale) {
  const key = `${locale}:${code}`;
  let label = countryLabels.get(key);
  if (label === undefined) {
    label = new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
    if (countryLabels.size >= MAX_LABELS) countryLabels.delete(countryLabels.keys().next().value);
    countryLabels.set(key, label);
  }
  return label;
}

router.get('/whereami', (req, res) => {
  const ip = req.headers['x-forwarded-for']?.split(',')[0]?.trim() || req.ip;
  const geo = lookupCity(ip);
  if (!geo) return res.status(204).end();
  const locale = req.acceptsLanguages()[0] ?? 'en';
  res.json({ ...geo, countryName: geo.country ? countryLabel(geo.country, locale) : null });
});

export default router;
