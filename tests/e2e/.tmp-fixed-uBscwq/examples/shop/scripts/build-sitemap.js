// Build step: `node scripts/build-sitemap.js titles.txt > sitemap.xml`.
//
// NOT a mistake for the core rules: these caches are unbounded, but no request handler reaches
// them, and the process exits when the file is written. (The strict rule `no-unbounded-memoize`
// would still point at the memoizer.)
import { readFileSync } from 'node:fs';
import _ from 'lodash';

const slugify = _.memoize((title) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''));
const seen = new Map();

function uniqueSlug(title) {
  const base = slugify(title);
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return n === 0 ? base : `${base}-${n}`;
}

const titles = process.argv[2] ? readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean) : [];
const urls = titles.map((t) => `  <url><loc>https://shop.example/p/${uniqueSlug(t)}</loc></url>`);
process.stdout.write(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`);
