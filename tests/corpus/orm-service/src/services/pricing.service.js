import moize from 'moize';
import axios from 'axios';

let currentCurrency = 'EUR';
const RATES = Object.freeze({ EUR: 1, USD: 1.08, GBP: 0.86 });

export function setCurrency(next) {
  currentCurrency = next;
}

/** Reads the currency through a module variable that other code reassigns: the cache freezes it. */
export const priceLabel = moize((cents) => `${(cents / 100) * RATES[currentCurrency]} ${currentCurrency}`, { maxSize: 100 }); // expect: no-side-effect-memoize

/** Reads only frozen constants and its arguments. */
export const convert = moize((cents, currency) => Math.round(cents * RATES[currency]), { maxSize: 100 });

/** A discount that expires: the first answer is served after the expiry. */
export const discountFor = moize((code) => (code === 'SPRING' && Date.now() < Date.parse('2026-06-01') ? 0.1 : 0), { maxSize: 50 }); // expect: no-side-effect-memoize

/** Sends a quote request upstream with POST: a cache hit never sends it. */
export const requestQuote = moize.promise((sku) => axios.post('/quotes', { sku }), { maxSize: 20 }); // expect: no-side-effect-memoize

/** GET against the rates service: a read. */
export const fetchRates = moize.promise((base) => axios.get(`/rates/${base}`), { maxSize: 20 });

/** A random A/B bucket per user, frozen forever by the cache. */
export const bucketOf = moize((userId) => (Math.random() < 0.5 ? `${userId}:A` : `${userId}:B`), { maxSize: 1000 }); // expect: no-side-effect-memoize

/** Hashing uses update() on a fresh hash object: not a database write. */
import { createHash } from 'node:crypto';
export const etagOf = moize((body) => createHash('sha1').update(body).digest('hex'), { maxSize: 500 });
