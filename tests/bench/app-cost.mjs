#!/usr/bin/env node
/**
 * What memo-guard adds to a real application's lint: every memo-guard rule plus `no-unused-vars`
 * against `no-unused-vars` alone, each in a fresh process (no types, typescript-eslint's parser for
 * every file), wall time and peak resident memory, best of N runs each, interleaved.
 *
 * Each run points the plugin's summary cache at a fresh empty directory (env MEMO_GUARD_CACHE_DIR),
 * so no run reads what an earlier one left; the line per run says how many files it wrote there
 * (0 while the plugin does not honour the variable).
 *
 * For trees where a run may not finish or may run out of heap (the generated 20,000-file monorepo
 * of make-monorepo.mjs), `--progress` has each lint print its elapsed time, RSS and V8 heap (against
 * the heap limit) every 30 s, and `--timeout S` stops a run after S seconds and says so.
 *
 * With `--warm`, the plugin's runs share one cache directory that an unmeasured plugin run filled
 * first: the second lint of an unchanged tree (CI with a kept cache, an editor's restart).
 *
 *   npm run build && node tests/bench/app-cost.mjs APP_DIR [--runs 2] [--warm] [--concurrency N] [--progress] [--timeout S]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const app = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!app) {
  console.error('usage: node tests/bench/app-cost.mjs APP_DIR [--runs 2] [--concurrency N]');
  process.exit(2);
}
const runs = Number(opt('--runs', '2'));
const concurrency = opt('--concurrency', 'off');
const timeoutS = Number(opt('--timeout', '0'));
const progress = args.includes('--progress');
const warm = args.includes('--warm');
const sharedCache = warm ? mkdtempSync(path.join(os.tmpdir(), 'memo-guard-cache-')) : undefined;

function run(mode) {
  const cacheDir = mode === 'plugin' && sharedCache ? sharedCache : mkdtempSync(path.join(os.tmpdir(), 'memo-guard-cache-'));
  try {
    const env = { ...process.env, MEMO_GUARD_CACHE_DIR: cacheDir, ...(progress ? { APP_COST_PROGRESS: mode } : {}) };
    const out = execFileSync(process.execPath, [path.join(here, 'app-cost-child.mjs'), path.resolve(app), mode, concurrency], {
      maxBuffer: 1 << 26,
      encoding: 'utf8',
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
      ...(timeoutS > 0 ? { timeout: timeoutS * 1000, killSignal: 'SIGKILL' } : {}),
    });
    return { ...JSON.parse(out.trim().split('\n').pop()), cacheFiles: readdirSync(cacheDir, { recursive: true }).length };
  } catch (error) {
    // A lint that ran out of time or died (e.g. out of heap: its message is above, on stderr).
    const why = error.code === 'ETIMEDOUT' ? `timed out after ${timeoutS} s` : `failed (${error.signal ?? `exit ${error.status}`})`;
    console.error(`${mode}: ${why}`);
    return { failed: why };
  } finally {
    if (cacheDir !== sharedCache) rmSync(cacheDir, { recursive: true, force: true });
  }
}

if (sharedCache) {
  const fill = run('plugin');
  console.error(`warm-up plugin run (not counted): ${fill.failed ?? `${fill.cacheFiles} cache files`}`);
}

const best = { bare: null, plugin: null };
for (let i = 0; i < runs; i++) {
  for (const mode of ['bare', 'plugin']) {
    const r = run(mode);
    if (r.failed) continue;
    console.error(`${mode} run ${i + 1}: ${r.files} files, ${(r.ms / 1000).toFixed(1)} s, peak ${(r.maxRss / 1024).toFixed(0)} MB, ${r.findings} memo-guard findings, ${r.cacheFiles} cache files`);
    const b = best[mode];
    best[mode] = b ? { ...r, ms: Math.min(b.ms, r.ms), maxRss: Math.min(b.maxRss, r.maxRss) } : r;
  }
}
const { bare, plugin } = best;
if (!bare || !plugin) {
  console.log(`${path.basename(path.resolve(app))}: no ratio, ${bare ? 'the plugin' : 'the bare'} lint never finished`);
  process.exit(1);
}
if (sharedCache) rmSync(sharedCache, { recursive: true, force: true });
console.log(`${path.basename(path.resolve(app))}: ${bare.files} files; best of ${runs}${warm ? '; the plugin with a warm summary cache' : ''}`);
console.log(`time   ${(bare.ms / 1000).toFixed(1)} s -> ${(plugin.ms / 1000).toFixed(1)} s  (${(plugin.ms / bare.ms).toFixed(2)}x)`);
console.log(`memory ${(bare.maxRss / 1024).toFixed(0)} MB -> ${(plugin.maxRss / 1024).toFixed(0)} MB  (${(plugin.maxRss / bare.maxRss).toFixed(2)}x)`);
