// One lint of APP for app-cost.mjs, in its own process: prints {files, ms, maxRss, findings}.
// The options come from lint-options.mjs as an options module, so `--concurrency N` works (a
// plugin object in the options cannot be cloned into ESLint's worker threads).
import { ESLint } from 'eslint';
import { optionsModuleURL } from './lint-options.mjs';

const [app, mode, concurrency] = process.argv.slice(2);
const eslint = await ESLint.fromOptionsModule(optionsModuleURL({ app, mode, concurrency: concurrency || 'off' }));
const start = performance.now();
const results = await eslint.lintFiles(['.']);
const ms = performance.now() - start;
const findings = results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('memo-guard/')).length, 0);
console.log(JSON.stringify({ files: results.length, ms, maxRss: process.resourceUsage().maxRSS, findings }));
