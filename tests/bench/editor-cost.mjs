#!/usr/bin/env node
/**
 * The editor case (issue 18: "`lintText` on one file of that application ≤ 300 ms cold (empty
 * cache), ≤ 30 ms warm"). An editor integration keeps one ESLint instance per workspace and calls
 * `lintText(buffer, { filePath })` on each change. Here, in a fresh process per run:
 *
 *   1. `new ESLint(options)` (the options of every app benchmark, lint-options.mjs), timed apart;
 *   2. `lintText(text, { filePath: FILE })` three times: the first is cold (the process has linted
 *      nothing yet: parser, rules and the plugin's project index all start empty), the second and
 *      third warm (what each keystroke costs once the editor is running).
 *
 * Both with every memo-guard rule ("plugin") and with no-unused-vars alone ("bare", the baseline:
 * its cold time is ESLint's and the parser's own warm-up). Each plugin run points the plugin's
 * summary cache at a fresh empty directory (env MEMO_GUARD_CACHE_DIR, passed whether or not the
 * plugin honours it; the output says whether anything was written there).
 *
 *   npm run build && node tests/bench/editor-cost.mjs APP_DIR [FILE] [--runs 3]
 *
 * FILE is absolute or relative to APP_DIR. Its default, for documenso, is
 * packages/ui/primitives/use-toast.ts: a module-level `Map` (toastTimeouts) written with keys from
 * parameters, in a module about 200 other files import, so linting it asks the project index about
 * its importers (the cross-file analysis, not just the file's own model). Runs are interleaved
 * (bare, plugin, bare, plugin, ...); the summary is the median over runs of each
 * lintText (cold, 2nd, 3rd).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_FILE = 'packages/ui/primitives/use-toast.ts';
const LINTS_PER_PROCESS = 3;

// ---------------------------------------------------------------------------------------------
// Child: one fresh process, one mode, three lintText calls. Prints one JSON line.
// ---------------------------------------------------------------------------------------------

if (process.argv[2] === '--child') {
  const [, , , app, file, mode] = process.argv;
  const { ESLint } = await import('eslint');
  const { lintOptions } = await import('./lint-options.mjs');
  const text = readFileSync(file, 'utf8');
  let start = performance.now();
  const eslint = new ESLint(lintOptions({ app, mode }));
  const constructMs = performance.now() - start;
  const lintMs = [];
  let findings = 0;
  let fatal = null;
  for (let i = 0; i < LINTS_PER_PROCESS; i++) {
    start = performance.now();
    const [result] = await eslint.lintText(text, { filePath: file });
    lintMs.push(performance.now() - start);
    findings = result.messages.filter((m) => m.ruleId?.startsWith('memo-guard/')).length;
    fatal ??= result.messages.find((m) => m.fatal)?.message ?? null;
  }
  console.log(JSON.stringify({ constructMs, lintMs, findings, fatal, maxRss: process.resourceUsage().maxRSS }));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Parent: runs the children, prints per-run lines and the medians.
// ---------------------------------------------------------------------------------------------

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const [appArg, fileArg] = positional;
if (!appArg) {
  console.error('usage: node tests/bench/editor-cost.mjs APP_DIR [FILE] [--runs 3]');
  process.exit(2);
}
const app = path.resolve(appArg);
const file = path.resolve(app, fileArg ?? DEFAULT_FILE);
if (!existsSync(file)) {
  console.error(`no such file: ${file}${fileArg ? '' : ` (the default FILE is documenso's ${DEFAULT_FILE}; pass one for other apps)`}`);
  process.exit(2);
}
const runs = Number(opt('--runs', '3'));
const self = fileURLToPath(import.meta.url);

function run(mode) {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-cache-'));
  try {
    const env = { ...process.env, MEMO_GUARD_CACHE_DIR: cacheDir };
    const out = execFileSync(process.execPath, [self, '--child', app, file, mode], { encoding: 'utf8', env, maxBuffer: 1 << 24 });
    return { ...JSON.parse(out.trim().split('\n').pop()), cacheFiles: readdirSync(cacheDir, { recursive: true }).length };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;

console.log(`editor: ${path.relative(app, file)} in ${app}, ${runs} fresh process(es) per mode`);
const byMode = { bare: [], plugin: [] };
for (let i = 0; i < runs; i++) {
  for (const mode of ['bare', 'plugin']) {
    const r = run(mode);
    byMode[mode].push(r);
    if (r.fatal) console.error(`  ${mode}: parse error in FILE: ${r.fatal}`);
    console.error(`  ${mode} run ${i + 1}: new ESLint ${ms(r.constructMs)}, lintText ${r.lintMs.map(ms).join(' / ')}, ${r.findings} memo-guard findings, peak ${(r.maxRss / 1024).toFixed(0)} MB, ${r.cacheFiles} cache files`);
  }
}
/** The median over runs of the `i`-th lintText of a process (0: cold). */
const nth = (mode, i) => median(byMode[mode].map((r) => r.lintMs[i]));
for (const mode of ['bare', 'plugin']) {
  console.log(`${mode.padEnd(6)} cold ${ms(nth(mode, 0)).padStart(8)}   warm ${ms(nth(mode, 1)).padStart(7)} (2nd) ${ms(nth(mode, 2)).padStart(7)} (3rd)   peak ${(median(byMode[mode].map((r) => r.maxRss)) / 1024).toFixed(0)} MB   (medians)`);
}
console.log(`plugin over bare: cold +${ms(nth('plugin', 0) - nth('bare', 0))}, warm +${ms(nth('plugin', 1) - nth('bare', 1))} (2nd) +${ms(nth('plugin', 2) - nth('bare', 2))} (3rd); targets: plugin cold <= 300 ms with an empty cache, warm <= 30 ms`);
console.log(`summary cache: ${byMode.plugin.some((r) => r.cacheFiles > 0) ? 'MEMO_GUARD_CACHE_DIR honoured (files written)' : 'nothing written to MEMO_GUARD_CACHE_DIR (not honoured, or nothing cached)'}`);
