#!/usr/bin/env node
// Crawls the built docs site and reports broken links. Runs in CI after `npm run docs:build`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pMemoize from 'p-memoize';
import fg from 'fast-glob';

const ROOT = path.resolve(process.argv[2] ?? 'docs/dist');
const visited = new Set();
const broken = [];

const checkExternal = pMemoize(async (url) => {
  const res = await fetch(url, { method: 'HEAD', redirect: 'follow' });
  return res.ok;
});

async function checkPage(file) {
  const html = await readFile(file, 'utf8');
  for (const [, href] of html.matchAll(/href="([^"#]+)/g)) {
    if (visited.has(`${file}->${href}`)) continue;
    visited.add(`${file}->${href}`);
    if (/^https?:/.test(href)) {
      if (!(await checkExternal(href).catch(() => false))) broken.push({ file, href });
    } else {
      const target = path.join(href.startsWith('/') ? ROOT : path.dirname(file), href);
      const candidates = [target, path.join(target, 'index.html'), `${target}.html`];
      if (!(await Promise.all(candidates.map((c) => readFile(c).then(() => true, () => false)))).some(Boolean)) {
        broken.push({ file, href });
      }
    }
  }
}

for (const file of await fg('**/*.html', { cwd: ROOT, absolute: true })) {
  await checkPage(file);
}

for (const { file, href } of broken) console.error(`${path.relative(ROOT, file)}: ${href}`);
console.log(`${visited.size} links checked, ${broken.length} broken`);
process.exitCode = broken.length ? 1 : 0;
