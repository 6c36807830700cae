#!/usr/bin/env node
/**
 * Rule cost: each memo-guard rule's time as a ratio to a well-known rule measured in the same run.
 * - without types: every .js/.mjs/.cjs/.ts/.tsx file under node_modules, against ESLint's `no-unused-vars`;
 * - with types: the labelled corpus (tests/corpus, its tsconfig), against `@typescript-eslint/no-floating-promises`.
 * Times come from ESLint's own per-rule stats (`stats: true`). The memo-guard rules share one
 * per-file model; whichever rule runs first pays for building it, so the table also gives their sum.
 *
 *   npm run bench:rules [-- --limit N]
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../../dist/src/index.js';

const args = process.argv.slice(2);
const limitIndex = args.indexOf('--limit');
const limit = limitIndex === -1 ? Infinity : Number(args[limitIndex + 1]);
const ours = Object.keys(plugin.rules).map((id) => `memo-guard/${id}`);

function* filesUnder(dir, pattern) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full, pattern);
    else if (entry.isFile() && pattern.test(entry.name)) yield full;
  }
}

function addTimes(totals, times) {
  for (const pass of times?.passes ?? []) {
    for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) {
      const id = ruleId === '@typescript-eslint/no-unused-vars' ? 'no-unused-vars' : ruleId;
      totals[id] = (totals[id] ?? 0) + total;
    }
  }
}

function table(title, totals, baseline, files) {
  const lines = [`### ${title}`, '', `${files} files; baseline \`${baseline}\` = ${totals[baseline].toFixed(0)} ms`, '', '| rule | time (ms) | ratio to baseline |', '| :-- | --: | --: |'];
  const sum = ours.reduce((s, id) => s + (totals[id] ?? 0), 0);
  for (const id of [...ours, baseline]) lines.push(`| ${id} | ${(totals[id] ?? 0).toFixed(1)} | ${((totals[id] ?? 0) / totals[baseline]).toFixed(3)}× |`);
  lines.push(`| all memo-guard rules together | ${sum.toFixed(1)} | ${(sum / totals[baseline]).toFixed(3)}× |`);
  return lines.join('\n');
}

/** Without types: the Linter directly (files under node_modules are otherwise ignored by flat config). */
function untyped() {
  const linter = new Linter({ configType: 'flat' });
  const totals = {};
  let files = 0;
  for (const file of filesUnder('node_modules', /\.(?:[cm]?js|tsx?)$/)) {
    if (files >= limit) break;
    const text = fs.readFileSync(file, 'utf8');
    const ts = /\.tsx?$/.test(file);
    const config = [
      {
        files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx'],
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { 'memo-guard': plugin, '@typescript-eslint': tseslint.plugin },
        languageOptions: { ecmaVersion: 'latest', sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module', ...(ts ? { parser: tseslint.parser } : {}) },
        // ESLint's no-unused-vars does not understand TypeScript; its typescript-eslint extension stands in for it there.
        rules: { [ts ? '@typescript-eslint/no-unused-vars' : 'no-unused-vars']: 'error', ...Object.fromEntries(ours.map((id) => [id, 'error'])) },
      },
    ];
    const filename = path.relative(process.cwd(), file).replace(/node_modules/g, '_nm');
    const { messages } = linter.verifyAndFix(text, config, { filename, stats: true, fix: false });
    if (messages.some((m) => m.fatal)) continue;
    addTimes(totals, linter.getTimes());
    files++;
  }
  return { totals, files };
}

async function typed() {
  const root = path.resolve('tests/corpus');
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    stats: true,
    overrideConfig: [
      {
        files: ['**/*.{js,mjs,cjs,ts,tsx}'],
        plugins: { 'memo-guard': plugin, '@typescript-eslint': tseslint.plugin },
        languageOptions: { parser: tseslint.parser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: root, ecmaFeatures: { jsx: true } } },
        rules: { '@typescript-eslint/no-floating-promises': 'error', ...Object.fromEntries(ours.map((id) => [id, 'error'])) },
      },
    ],
  });
  const results = await eslint.lintFiles(['.']);
  const totals = {};
  for (const result of results) addTimes(totals, result.stats?.times);
  return { totals, files: results.length };
}

const plain = untyped();
const withTypes = await typed();
const report = [
  '## Rule cost',
  '',
  `Command: \`npm run bench:rules\`; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; Node ${process.version}; ratios from one run (ESLint per-rule stats).`,
  '',
  table('Without type information (node_modules)', plain.totals, 'no-unused-vars', plain.files),
  '',
  table('With type information (tests/corpus)', withTypes.totals, '@typescript-eslint/no-floating-promises', withTypes.files),
].join('\n');
console.log(report);
if (!args.includes('--no-write')) fs.writeFileSync('docs/rule-benchmarks.md', `# Rule benchmarks\n\n<!-- Generated by tests/bench/rules.bench.mjs; rerun \`npm run bench:rules\`. -->\n\n${report}\n`);
