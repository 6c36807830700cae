import { Router } from 'express';
import nanomemoize from 'nano-memoize';
import _ from 'lodash';
import { readFileSync } from 'node:fs';

interface Country {
  code: string;
  name: string;
  callingCode: string;
  currency: string;
}

const router = Router();

// Loaded once at start-up from the bundled data file; request handlers only read it.
const countriesByCode = new Map<string, Country>();
const byCallingCode: Record<string, Country[]> = {};

const normalizeName = _.memoize((name: string) => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase());

function preload(file: string) {
  const list = JSON.parse(readFileSync(file, 'utf8')) as Country[];
  for (const country of list) {
    countriesByCode.set(country.code, country);
    (byCallingCode[country.callingCode] ??= []).push(country);
    normalizeName(country.name);
  }
}

preload(new URL('../../data/countries.json', import.meta.url).pathname);

const flagUrl = nanomemoize((code: string) => `https://flags.example.com/${code.toLowerCase()}.svg`, { maxAge: 86_400_000 });

router.get('/countries/:code', (req, res) => {
  const country = countriesByCode.get(req.params.code.toUpperCase());
  if (!country) return res.sendStatus(404);
  res.json({ ...country, flag: flagUrl(country.code) });
});

router.get('/calling-codes/:cc', (req, res) => {
  res.json(byCallingCode[req.params.cc.replace(/^\+/, '')] ?? []);
});

export default router;
