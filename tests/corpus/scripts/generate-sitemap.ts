import { writeFileSync } from 'node:fs';
import _ from 'lodash';
import { cms } from '../lib/cms-client';

const SITE = process.env.SITE_URL ?? 'https://shop.example.com';

const slugify = _.memoize((title: string) =>
  title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, ''),
);

const seen = new Set<string>();
const entries: string[] = [];

function add(loc: string, lastmod?: string) {
  if (seen.has(loc)) return;
  seen.add(loc);
  entries.push(`  <url><loc>${SITE}${loc}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`);
}

async function main() {
  add('/');
  for (const category of await cms.categories()) {
    add(`/c/${slugify(category.name)}`);
  }
  for await (const product of cms.allProducts({ pageSize: 500 })) {
    add(`/products/${slugify(product.title)}`, product.updatedAt.slice(0, 10));
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
  writeFileSync('public/sitemap.xml', xml);
  console.log(`wrote ${entries.length} urls`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
