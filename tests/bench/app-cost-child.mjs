// One lint of APP for app-cost.mjs, in its own process: prints {files, ms, maxRss, findings}.
// The options come from lint-options.mjs as an options module, so `--concurrency N` works (a
// plugin object in the options cannot be cloned into ESLint's worker threads).
import { ESLint } from 'eslint';
import { optionsModuleURL } from './lint-options.mjs';

const [app, mode, concurrency] = process.argv.slice(2);
const eslint = await ESLint.fromOptionsModule(optionsModuleURL({ app, mode, concurrency: concurrency || 'off' }));
const start = performance.now();
// With app-cost's --progress: elapsed time, RSS and heap every 30 s (between files: linting one file blocks the loop).
if (process.env.APP_COST_PROGRESS) {
  const { getHeapStatistics } = await import('node:v8');
  const limit = getHeapStatistics().heap_size_limit;
  const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    console.error(`  ${mode} ${((performance.now() - start) / 1000).toFixed(0)} s: rss ${mb(rss)}, heap ${mb(heapUsed)} of ${mb(limit)}`);
  }, 30_000).unref();
}
const results = await eslint.lintFiles(['.']);
const ms = performance.now() - start;
const findings = results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('memo-guard/')).length, 0);
console.log(JSON.stringify({ files: results.length, ms, maxRss: process.resourceUsage().maxRSS, findings }));
