#!/usr/bin/env node
// `npm run plots`: draws the README's pictures from measured data, as plain SVG written here
// (no plotting dependency).
//
//   docs/img/heap-growth.svg       heap (after a forced GC) against requests, for the example
//                                  server as written and after `memo-guard --fix`; measured now by
//                                  driving both servers (data kept in docs/img/heap-growth.json)
//   docs/img/benchmark-ratios.svg  the runtime benchmark's "vs ours" ratios, read from
//                                  docs/benchmarks.md (the last `npm run bench`)
//
//   node scripts/plots.mjs [--requests N] [--every N] [--bench-only] [--replot]
//   (--replot redraws heap-growth.svg from the saved heap-growth.json instead of measuring again)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drive } from './lib/example-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/img');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const requests = option('--requests', 8000);
const every = option('--every', 500);

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const font = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"';
const colors = { unfixed: '#d1495b', fixed: '#2e86ab', axis: '#555', grid: '#ddd', faster: '#2e86ab', slower: '#edae49' };

function svg(width, height, body, title) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${font} font-size="12">
<title>${escape(title)}</title>
<rect width="100%" height="100%" fill="#fff"/>
${body}
</svg>
`;
}

/** Round steps for an axis from 0 to max: about `count` ticks at 1, 2 or 5 × 10^k. */
function ticks(max, count = 5) {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const list = [];
  for (let v = 0; v <= max + step / 2; v += step) list.push(Number(v.toPrecision(12)));
  return list;
}

// ---------------------------------------------------------------------------------------------
// Heap against requests
// ---------------------------------------------------------------------------------------------

async function measureHeap() {
  const cli = path.join(root, 'dist/src/cli/main.js');
  if (!existsSync(cli)) throw new Error('dist/ is missing: run `npm run build` (or `npm run plots`, which builds first)');
  // The fixed copy lives inside the repo so that eslint-plugin-memo-guard/memoize resolves to dist/.
  const scratch = path.join(root, '.plots-tmp');
  rmSync(scratch, { recursive: true, force: true });
  try {
    cpSync(path.join(root, 'examples'), path.join(scratch, 'examples'), { recursive: true });
    const fix = spawnSync(process.execPath, [cli, '--fix', '--format', 'json'], { cwd: path.join(scratch, 'examples'), encoding: 'utf8' });
    if (!/--fix changed/.test(fix.stderr)) throw new Error(`memo-guard --fix changed nothing: ${fix.stderr}`);
    const unfixed = await drive(path.join(root, 'examples/shop'), { total: requests, every });
    const fixed = await drive(path.join(scratch, 'examples/shop'), { total: requests, every });
    return { measured: new Date().toISOString(), node: process.version, requests, every, unfixed, fixed };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function heapSvg(data) {
  const width = 700;
  const height = 360;
  const m = { left: 56, right: 190, top: 40, bottom: 48 };
  const growth = (series) => series.map((s) => ({ x: s.requests, y: (s.heapUsed - series[0].heapUsed) / 1024 / 1024, caches: s.caches }));
  const series = [
    { name: 'as written', color: colors.unfixed, points: growth(data.unfixed) },
    { name: 'after memo-guard --fix', color: colors.fixed, points: growth(data.fixed) },
  ];
  const maxX = data.requests;
  const maxY = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.y)));
  const yTicks = ticks(maxY);
  const top = yTicks.at(-1);
  const px = (x) => m.left + (x / maxX) * (width - m.left - m.right);
  const py = (y) => height - m.bottom - (Math.max(y, Math.min(0, y)) / top) * (height - m.top - m.bottom);
  const parts = [];
  parts.push(`<text x="${m.left}" y="22" font-size="14" font-weight="600">Heap growth of the example server (MB, after a forced GC)</text>`);
  for (const t of yTicks) {
    parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${py(t)}" y2="${py(t)}" stroke="${colors.grid}"/>`);
    parts.push(`<text x="${m.left - 8}" y="${py(t) + 4}" text-anchor="end" fill="${colors.axis}">${t}</text>`);
  }
  for (const t of ticks(maxX, 4)) {
    parts.push(`<text x="${px(t)}" y="${height - m.bottom + 18}" text-anchor="middle" fill="${colors.axis}">${t.toLocaleString('en-US')}</text>`);
  }
  parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${py(0)}" y2="${py(0)}" stroke="${colors.axis}"/>`);
  parts.push(`<text x="${(m.left + width - m.right) / 2}" y="${height - 10}" text-anchor="middle" fill="${colors.axis}">distinct requests (new product id or search term, new client address)</text>`);
  series.forEach((s, i) => {
    const d = s.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.5"/>`);
    for (const p of s.points) parts.push(`<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="2.5" fill="${s.color}"/>`);
    const last = s.points.at(-1);
    const entries = Object.values(last.caches).reduce((a, b) => a + b, 0);
    const y = m.top + 20 + i * 56;
    parts.push(`<rect x="${width - m.right + 14}" y="${y - 9}" width="12" height="12" fill="${s.color}"/>`);
    parts.push(`<text x="${width - m.right + 32}" y="${y + 1}">${escape(s.name)}</text>`);
    parts.push(`<text x="${width - m.right + 32}" y="${y + 17}" fill="${colors.axis}">+${last.y.toFixed(1)} MB,</text>`);
    parts.push(`<text x="${width - m.right + 32}" y="${y + 32}" fill="${colors.axis}">${entries.toLocaleString('en-US')} cache entries</text>`);
  });
  return svg(width, height, parts.join('\n'), 'Heap growth of the example server, as written and after memo-guard --fix');
}

// ---------------------------------------------------------------------------------------------
// Benchmark ratios
// ---------------------------------------------------------------------------------------------

/** `{ workload, rows: [{ library, ratio }] }` from the "vs ours" column of each workload table. */
function readBenchmarks(markdown) {
  const workloads = [];
  let current;
  let column = -1;
  for (const line of markdown.split('\n')) {
    const heading = /^### (\S+)/.exec(line);
    if (heading) {
      current = { workload: heading[1], rows: [] };
      workloads.push(current);
      column = -1;
      continue;
    }
    if (!current || !line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells[0] === 'library') {
      column = cells.indexOf('vs ours');
      continue;
    }
    if (column < 0 || /^:?-+/.test(cells[0])) continue;
    const ratio = /^([\d.]+)×/.exec(cells[column] ?? '');
    if (ratio && !/\(base\)/.test(cells[column])) current.rows.push({ library: cells[0], ratio: Number(ratio[1]) });
  }
  return workloads.filter((w) => w.rows.length > 0 && w.workload !== 'fib-100');
}

function benchSvg(workloads, date) {
  const width = 800;
  const barH = 14;
  const gap = 4;
  const labelW = 310;
  const plotW = width - labelW - 80;
  const lo = 0.25;
  const hi = 100;
  const px = (r) => labelW + ((Math.log10(Math.min(hi, Math.max(lo, r))) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plotW;
  const parts = [];
  let y = 30;
  parts.push(`<text x="10" y="20" font-size="14" font-weight="600">Runtime memoizer: other library's time / ours (log scale; right of 1× = ours is faster)</text>`);
  y += 14;
  for (const { workload, rows } of workloads) {
    parts.push(`<text x="10" y="${y + 12}" font-weight="600">${escape(workload)}</text>`);
    y += 20;
    for (const { library, ratio } of rows) {
      const x1 = px(1);
      const x2 = px(ratio);
      const color = ratio >= 1 ? colors.faster : colors.slower;
      parts.push(`<text x="${labelW - 8}" y="${y + barH - 3}" text-anchor="end">${escape(library)}</text>`);
      parts.push(`<rect x="${Math.min(x1, x2).toFixed(1)}" y="${y}" width="${Math.max(1, Math.abs(x2 - x1)).toFixed(1)}" height="${barH}" fill="${color}"/>`);
      parts.push(`<text x="${(Math.max(x1, x2) + 4).toFixed(1)}" y="${y + barH - 3}" fill="${colors.axis}">${ratio.toFixed(2)}×</text>`);
      y += barH + gap;
    }
    y += 8;
  }
  const axisTop = 44;
  for (const t of [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100]) {
    parts.push(`<line x1="${px(t)}" x2="${px(t)}" y1="${axisTop}" y2="${y}" stroke="${t === 1 ? colors.axis : colors.grid}" stroke-width="${t === 1 ? 1.5 : 1}"/>`);
    parts.push(`<text x="${px(t)}" y="${y + 14}" text-anchor="middle" fill="${colors.axis}">${t}×</text>`);
  }
  y += 30;
  parts.push(`<text x="10" y="${y}" fill="${colors.axis}">From docs/benchmarks.md (${escape(date)}); memory rows are bytes per entry, library / ours.</text>`);
  // Grid lines first, so that bars are drawn over them.
  const grid = parts.filter((p) => p.startsWith('<line'));
  const rest = parts.filter((p) => !p.startsWith('<line'));
  return svg(width, y + 12, [...grid, ...rest].join('\n'), 'Runtime memoizer benchmark ratios');
}

mkdirSync(out, { recursive: true });
const markdown = readFileSync(path.join(root, 'docs/benchmarks.md'), 'utf8');
const date = /^- Date: (.+)$/m.exec(markdown)?.[1] ?? 'unknown date';
writeFileSync(path.join(out, 'benchmark-ratios.svg'), benchSvg(readBenchmarks(markdown), date));
console.log('wrote docs/img/benchmark-ratios.svg');

if (!args.includes('--bench-only')) {
  const saved = path.join(out, 'heap-growth.json');
  const data = args.includes('--replot') ? JSON.parse(readFileSync(saved, 'utf8')) : await measureHeap();
  writeFileSync(saved, `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(path.join(out, 'heap-growth.svg'), heapSvg(data));
  const last = (s) => s.at(-1);
  const mb = (s) => ((last(s).heapUsed - s[0].heapUsed) / 1024 / 1024).toFixed(1);
  console.log(`wrote docs/img/heap-growth.svg: ${data.requests} requests, heap growth ${mb(data.unfixed)} MB as written, ${mb(data.fixed)} MB after --fix`);
}
