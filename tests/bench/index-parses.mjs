// How many other files the project index parses in one lint of APP (one process, no summary cache):
//   node tests/bench/index-parses.mjs APP
// prints {files, findings, syntaxParses, fullParses}. A count, not a timing: the same on any machine.
import { ESLint } from 'eslint';
import { lintOptions } from './lint-options.mjs';
import { parseCounts } from '../../dist/src/analysis/project/files/sources.js';

const [app] = process.argv.slice(2);
if (!app) {
  console.error('usage: node tests/bench/index-parses.mjs APP_DIR');
  process.exit(2);
}
process.env.MEMO_GUARD_CACHE_DIR = 'off';
const eslint = new ESLint(lintOptions({ app, mode: 'plugin' }));
const results = await eslint.lintFiles(['.']);
const findings = results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('memo-guard/')).length, 0);
const { syntax, full } = parseCounts();
console.log(JSON.stringify({ files: results.length, findings, syntaxParses: syntax, fullParses: full }));
