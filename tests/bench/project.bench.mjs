#!/usr/bin/env node
/**
 * Project cost: a whole project linted with ESLint's `no-unused-vars` alone, then with it and every
 * memo-guard rule (project index included: other files parsed for cross-file reach and in-house
 * memoizers), in one process, without types; and the editor's case, one file linted with
 * `lintText` in a fresh ESLint (cold: the project index is empty) and again (warm).
 *
 *   npm run build && node scripts/real-tree.mjs --keep --with-example   # makes a ~2,300-file tree
 *   node tests/bench/project.bench.mjs <tree> [<file in the tree for lintText>]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../../dist/src/index.js';

const [tree, single = 'apps/shop/lib/catalog.js'] = process.argv.slice(2);
if (!tree) throw new Error('usage: node tests/bench/project.bench.mjs <tree> [<file>]');
const ours = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`memo-guard/${id}`, 'error']));

function eslintWith(rules) {
  return new ESLint({
    cwd: tree,
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: ['**/node_modules/**', '**/dist/**'] },
      { files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' }, plugins: { 'memo-guard': plugin }, rules },
      { files: ['**/*.cjs', '**/*.cts'], languageOptions: { sourceType: 'commonjs' } },
    ],
  });
}

async function timedLint(rules) {
  const start = process.hrtime.bigint();
  const results = await eslintWith(rules).lintFiles(['.']);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, files: results.length, findings: results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('memo-guard/')).length, 0) };
}

// The editor first, in a fresh process: one file, as typed. The first call finds the project index
// cold (nothing parsed yet); later calls reuse it (it checks each file's size and mtime).
const file = path.join(tree, single);
const text = readFileSync(file, 'utf8');
const editor = eslintWith(ours);
for (const label of ['cold', 'warm', 'warm']) {
  const start = process.hrtime.bigint();
  const [result] = await editor.lintText(text, { filePath: file });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`lintText ${single} (${label}): ${ms.toFixed(0)} ms, ${result?.messages.length ?? 0} findings`);
}

const baseline = await timedLint({ 'no-unused-vars': 'error' });
const withOurs = await timedLint({ 'no-unused-vars': 'error', ...ours });
console.log(`project: ${tree} (${baseline.files} files)`);
console.log(`no-unused-vars alone: ${(baseline.ms / 1000).toFixed(1)} s`);
console.log(`no-unused-vars + ${Object.keys(ours).length} memo-guard rules: ${(withOurs.ms / 1000).toFixed(1)} s, ${withOurs.findings} memo-guard findings`);
console.log(`memo-guard adds ${((withOurs.ms - baseline.ms) / baseline.ms).toFixed(2)}× of the no-unused-vars lint (target ≤ 0.5×)`);

