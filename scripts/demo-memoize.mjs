#!/usr/bin/env node
// A tour of the runtime memoizer. Build first: `npm run build`, then `node scripts/demo-memoize.mjs`.
import { memoize, LruMap } from '../dist/src/memoize/index.js';

const show = (info) => `hits ${info.hits}, misses ${info.misses}, maxsize ${info.maxsize}, currsize ${info.currsize}`;

// 1. Recursive fib(100): a bound of 32 is plenty, because SIEVE keeps the recently hit entries.
console.log('1. fib(100), recursive, memoized');
for (const options of [{ max: 32 }, { max: Infinity }]) {
  const fib = memoize((n) => (n < 2 ? BigInt(n) : fib(n - 1) + fib(n - 2)), options);
  console.log(`   max ${String(options.max).padEnd(8)} fib(100) = ${fib(100)}`);
  console.log(`   ${' '.repeat(12)} ${show(fib.cacheInfo())}`);
}

// 2. A rejected promise leaves the cache at once: the next call runs again.
console.log('\n2. async: a rejection is not cached');
let runs = 0;
const fetchUser = memoize(async (id) => {
  runs++;
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (runs === 1) throw new Error('upstream 503');
  return { id, name: `user ${id}` };
});
const [a, b] = await Promise.allSettled([fetchUser(7), fetchUser(7)]);
console.log(`   two concurrent calls: ${a.status} / ${b.status} (${a.reason.message}), fn ran ${runs}×`);
const user = await fetchUser(7);
console.log(`   retry:       ${JSON.stringify(user)}, fn ran ${runs}× (ran again)`);
await fetchUser(7);
console.log(`   third call:  served from the cache, fn ran ${runs}×`);
console.log(`   cacheInfo(): ${show(fetchUser.cacheInfo())}`);

// 3. Keys on every argument, with no collisions between types; structural keys for plain data.
console.log('\n3. keys');
const tag = memoize((...args) => args.map((x) => typeof x).join(','));
console.log(`   f(1), f('1'), f(1, '2'), f('1', 2): ${[tag(1), tag('1'), tag(1, '2'), tag('1', 2)].join(' | ')}`);
const price = memoize(({ sku, qty }) => `${sku}: ${qty * 10}`, { key: 'structural' });
price({ sku: 'a', qty: 2 });
price({ qty: 2, sku: 'a' });
console.log(`   structural: a fresh literal with keys reordered is a hit: ${show(price.cacheInfo())}`);

// 4. LruMap: a Map with a bound, for hand-rolled caches.
const m = new LruMap(2);
m.set('a', 1).set('b', 2);
m.get('a');
m.set('c', 3);
console.log(`\n4. LruMap(2): set a, set b, get a, set c -> keys ${[...m.keys()].join(', ')} (b evicted)`);
