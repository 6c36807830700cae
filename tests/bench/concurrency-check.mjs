#!/usr/bin/env node
/**
 * ESLint's worker threads against one thread (issue 18: "`eslint --concurrency=auto` gives the
 * same findings as a single thread, and its peak memory grows by less than the plugin's
 * single-thread overhead per worker").
 *
 * Lints APP_DIR with every memo-guard rule (plus no-unused-vars, the options of lint-options.mjs)
 * with `concurrency: 'off'`, `'auto'` and each `--workers` count, each in a fresh process, and
 * compares every message (file, line, column, ruleId, message) with the single-thread run: prints
 * whether they are identical and lists the differences. Peak memory is the process's maxRSS: worker
 * threads live in the same process, so it covers them. The same lints with no-unused-vars alone
 * ("bare") give the baseline the plugin's overhead is measured against (skip with --no-bare).
 *
 * ESLint passes its options to workers by structured clone, which a plugin object does not survive,
 * so every run loads its options as an options module (`ESLint.fromOptionsModule`, lint-options.mjs)
 * that each worker imports again. Each run gets a fresh empty MEMO_GUARD_CACHE_DIR (shared by
 * that run's workers), so no run reads what another left.
 *
 * Peak RSS of one lint varies a lot between identical runs (on the generated 2,000-file monorepo,
 * 1.2 GB and 2.5 GB for the same single-thread lint): with `--runs N` every configuration runs N
 * times, interleaved, and the summary takes the lowest time and the lowest peak of each (every
 * run's findings are compared, not only the first's).
 *
 * Note `'auto'` starts no workers below 4 cores: ESLint caps it at availableParallelism() / 2 and
 * turns 1 into 0. The output says how many it started.
 *
 *   npm run build && node tests/bench/concurrency-check.mjs APP_DIR [--workers 2] [--no-bare] [--runs 1]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Child: one lint in a fresh process; messages to a JSON file, the numbers to stdout.
// ---------------------------------------------------------------------------------------------

if (process.argv[2] === '--child') {
  const [, , , app, mode, concurrency, outFile] = process.argv;
  const { ESLint } = await import('eslint');
  const { writeFileSync } = await import('node:fs');
  const { optionsModuleURL } = await import('./lint-options.mjs');
  const eslint = await ESLint.fromOptionsModule(optionsModuleURL({ app, mode, concurrency }));
  const start = performance.now();
  const results = await eslint.lintFiles(['.']);
  const ms = performance.now() - start;
  const messages = results.flatMap((r) => r.messages.map((m) => ({ file: path.relative(app, r.filePath), line: m.line, column: m.column, ruleId: m.ruleId, message: m.message })));
  writeFileSync(outFile, JSON.stringify(messages));
  console.log(JSON.stringify({ files: results.length, ms, maxRss: process.resourceUsage().maxRSS }));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Parent
// ---------------------------------------------------------------------------------------------

const args = process.argv.slice(2);
const app = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!app) {
  console.error('usage: node tests/bench/concurrency-check.mjs APP_DIR [--workers 2] [--no-bare] [--runs 1]');
  process.exit(2);
}
const workerCounts = args.flatMap((a, i) => (a === '--workers' ? args[i + 1].split(',').map(Number) : []));
if (workerCounts.length === 0) workerCounts.push(2);
const withBare = !args.includes('--no-bare');
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 1;
const self = fileURLToPath(import.meta.url);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-concurrency-'));

/** What ESLint starts for a setting (eslint/lib/eslint/eslint.js, calculateWorkerCount), for files > 50 per worker. */
function workersFor(concurrency) {
  if (concurrency === 'off') return 0;
  const n = concurrency === 'auto' ? os.availableParallelism() >> 1 : Number(concurrency);
  return n > 1 ? n : 0;
}

function run(mode, concurrency, round) {
  const outFile = path.join(tmp, `${mode}-${concurrency}-${round}.json`);
  const cacheDir = mkdtempSync(path.join(tmp, 'cache-'));
  const env = { ...process.env, MEMO_GUARD_CACHE_DIR: cacheDir };
  const out = execFileSync(process.execPath, [self, '--child', path.resolve(app), mode, String(concurrency), outFile], { encoding: 'utf8', env, maxBuffer: 1 << 24 });
  const r = JSON.parse(out.trim().split('\n').pop());
  r.cacheFiles = readdirSync(cacheDir, { recursive: true }).length;
  r.messages = JSON.parse(readFileSync(outFile, 'utf8'));
  const memo = r.messages.filter((m) => m.ruleId?.startsWith('memo-guard/')).length;
  console.error(`  ${mode} concurrency=${concurrency} (${workersFor(concurrency)} workers), run ${round + 1}: ${r.files} files, ${(r.ms / 1000).toFixed(1)} s, peak ${(r.maxRss / 1024).toFixed(0)} MB, ${r.messages.length} messages (${memo} memo-guard), ${r.cacheFiles} cache files`);
  return r;
}

const key = (m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`;
/** Messages in `a` and not in `b`, as a multiset (a message may repeat on one line). */
function minus(a, b) {
  const left = new Map();
  for (const m of b) left.set(key(m), (left.get(key(m)) ?? 0) + 1);
  const out = [];
  for (const m of a) {
    const n = left.get(key(m)) ?? 0;
    if (n > 0) left.set(key(m), n - 1);
    else out.push(key(m));
  }
  return out;
}

const settings = ['off', 'auto', ...workerCounts];
console.log(`concurrency: ${path.resolve(app)}; availableParallelism ${os.availableParallelism()}, 'auto' starts ${workersFor('auto')} workers`);
/** Per setting: every run's result (`all`) and the lowest time and peak over them. */
const plugin = {};
const bare = {};
function keep(into, setting, r) {
  const best = into[setting];
  into[setting] = best ? { ...best, ms: Math.min(best.ms, r.ms), maxRss: Math.min(best.maxRss, r.maxRss), all: [...best.all, r] } : { ...r, all: [r] };
}
try {
  for (let round = 0; round < runs; round++) {
    for (const setting of settings) {
      if (withBare) keep(bare, setting, run('bare', setting, round));
      keep(plugin, setting, run('plugin', setting, round));
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
// The first single-thread run is the reference; every other run (single-threaded ones included) is compared with it.
const single = plugin.off.all[0];
let allSame = true;
const compared = settings.flatMap((setting) => plugin[setting].all.map((r, i) => ({ setting, r, label: `concurrency=${setting}${runs > 1 ? ` run ${i + 1}` : ''}` }))).slice(1);
for (const { r, label } of compared) {
  const missing = minus(single.messages, r.messages);
  const extra = minus(r.messages, single.messages);
  const same = missing.length === 0 && extra.length === 0;
  allSame &&= same;
  console.log(`findings, ${label} vs single thread run 1: ${same ? 'identical' : `DIFFERENT (${missing.length} only single-threaded, ${extra.length} only concurrent)`} (${r.messages.length} vs ${single.messages.length} messages)`);
  for (const m of missing.slice(0, 50)) console.log(`  - only single-threaded: ${m}`);
  for (const m of extra.slice(0, 50)) console.log(`  + only concurrent:     ${m}`);
  if (missing.length + extra.length > 100) console.log(`  ... (${missing.length + extra.length - 100} more)`);
}
console.log(`peak RSS (time)${runs > 1 ? `, lowest of ${runs} runs` : ''}:`);
for (const setting of settings) {
  const p = plugin[setting];
  const b = bare[setting];
  const over = b ? `, bare ${mb(b.maxRss)} (${(b.ms / 1000).toFixed(1)} s), plugin overhead ${mb(p.maxRss - b.maxRss)}` : '';
  console.log(`  concurrency=${String(setting).padEnd(4)} ${String(workersFor(setting)).padStart(2)} workers: plugin ${mb(p.maxRss)} (${(p.ms / 1000).toFixed(1)} s)${over}`);
}
if (withBare) {
  // The single thread is every setting that starts no worker (`off`, and `auto` on a small machine),
  // at its lowest peak: one run can peak at twice another's, and the bound is judged against the usual one.
  const singles = settings.filter((setting) => workersFor(setting) === 0);
  const lowest = (runsBySetting) => Math.min(...singles.map((setting) => runsBySetting[setting].maxRss));
  const overheadSingle = lowest(plugin) - lowest(bare);
  for (const setting of settings.slice(1)) {
    const workers = workersFor(setting);
    if (workers === 0) continue;
    const growth = plugin[setting].maxRss - lowest(plugin);
    console.log(`  concurrency=${setting}: plugin peak grows ${mb(growth)} over single thread; ${mb(growth / workers)} per worker against a single-thread plugin overhead of ${mb(overheadSingle)} (${growth / workers < overheadSingle ? 'within' : 'OVER'} the issue's bound, read as the whole lint's growth)`);
    // The same bound read as the plugin's own share: the workers' growth minus what they cost with
    // no-unused-vars alone (ESLint's own threads: a parser, a TypeScript and a linter each).
    const bareGrowth = bare[setting].maxRss - lowest(bare);
    const overheadHere = plugin[setting].maxRss - bare[setting].maxRss;
    const pluginGrowth = overheadHere - overheadSingle;
    console.log(`  concurrency=${setting}: bare peak grows ${mb(bareGrowth)} (${mb(bareGrowth / workers)} per worker); the plugin's overhead is ${mb(overheadHere)} against ${mb(overheadSingle)} single-threaded, ${mb(pluginGrowth / workers)} per worker (${pluginGrowth / workers < overheadSingle ? 'within' : 'OVER'} the bound, read as the plugin's own growth)`);
  }
}
process.exitCode = allSame ? 0 : 1;
