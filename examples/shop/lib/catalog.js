// Catalog helpers used by the /quote and /reviews routes (in server.js). Each memoizer here is wrong
// in a way that no bound fixes, and each is also unbounded on those routes' path: memo-guard reports
// both here, where the fix goes, naming the route in server.js that reaches it. Only `unitPrice` gets
// an autofix (a bound with the same keying); bounding the exported or async ones would change what
// their callers get, so those are suggestions: read the comments.
import _ from 'lodash';

const REVIEWS_URL = process.env.REVIEWS_URL ?? 'http://127.0.0.1:4001';

// MISTAKE (no-unsafe-async-memoize): lodash caches the PROMISE. One timeout or 503 from the
// reviews service and that rejected promise is served for this product until the process
// restarts. Use a promise-aware memoizer (eslint-plugin-memo-guard/memoize drops rejections).
export const fetchReviews = _.memoize(async (productId) => { // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler
  const res = await fetch(`${REVIEWS_URL}/products/${encodeURIComponent(productId)}/reviews`);
  if (!res.ok) throw new Error(`reviews service answered ${res.status}`);
  return res.json();
});

// MISTAKE (no-unhashable-args): lodash keys on the FIRST argument only, so after
// shippingCost('FR', 0.4) the call shippingCost('FR', 12) returns the 0.4 kg price.
// Give it a resolver: _.memoize(fn, (country, kg) => `${country}:${kg}`).
export const shippingCost = _.memoize((country, weightKg) => { // expect: no-unhashable-args, no-unbounded-cache-in-handler
  const base = country === 'FR' ? 490 : 1290;
  return base + Math.ceil(weightKg) * 150;
});

const unitPrice = _.memoize((item) => { // expect: no-unbounded-cache-in-handler
  const base = 1000 + (item.sku.length % 7) * 250;
  return item.qty >= 10 ? Math.round(base * 0.9) : base;
});

export function quote(sku, qty) {
  // MISTAKE (no-unhashable-args): a fresh object literal on every call. lodash keys by identity,
  // so this never hits and every call adds an entry. Pass primitives, or key structurally.
  return unitPrice({ sku, qty }) * qty; // expect: no-unhashable-args
}
