#!/usr/bin/env node
// Builds the SVG sprite and the icon name union type from assets/icons/**.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import memoize from 'lodash/memoize.js';
import { optimize } from 'svgo';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'src/generated');

const toSymbolId = memoize((file) =>
  path
    .relative(path.join(ROOT, 'assets/icons'), file)
    .replace(/\.svg$/, '')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .toLowerCase(),
);

const optimized = new Map();

async function optimizeFile(file) {
  const source = await readFile(file, 'utf8');
  const { data } = optimize(source, { path: file, multipass: true });
  optimized.set(toSymbolId(file), data.replace('<svg', `<symbol id="${toSymbolId(file)}"`).replace('</svg>', '</symbol>'));
}

const files = await fg('assets/icons/**/*.svg', { cwd: ROOT, absolute: true });
await Promise.all(files.map(optimizeFile));

await mkdir(OUT, { recursive: true });
const ids = [...optimized.keys()].sort();
await writeFile(path.join(OUT, 'sprite.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${ids.map((id) => optimized.get(id)).join('')}</svg>`);
await writeFile(path.join(OUT, 'icon-names.ts'), `export type IconName =\n${ids.map((id) => `  | '${id}'`).join('\n')};\n`);
console.log(`sprite: ${ids.length} icons`);
