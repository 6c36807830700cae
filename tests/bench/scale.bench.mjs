#!/usr/bin/env node
/**
 * Scale: no analysis may be super-linear. A generated 5 MB module with 30,000 memoized functions,
 * a helper per memoizer that calls it, and one request handler, linted with every memo-guard rule
 * and then with ESLint's `no-unused-vars` alone (parse included in both), in one process. Prints
 * the ratio; the target is at most 3×.
 *
 *   npm run bench:scale [-- --count N]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import plugin from '../../dist/src/index.js';

const args = process.argv.slice(2);
const countIndex = args.indexOf('--count');
const count = countIndex === -1 ? 30_000 : Number(args[countIndex + 1]);

function generate(n) {
  const lines = ["import _ from 'lodash';", "import express from 'express';", 'const app = express();'];
  for (let i = 0; i < n; i++) {
    lines.push(`const memo${i} = _.memoize((id, scale) => ({ id, value: Number(id) * ${i} + scale, label: 'item-${i}-' + String(id).padStart(8, '0') }));`);
    lines.push(`export function use${i}(req) { const id = req.params.id; return memo${i}(id, ${i % 7}).value + memo${i}({ id }, 1).value; }`);
  }
  lines.push(`app.get('/items/:id', (req, res) => res.json({ a: use0(req), b: use${n - 1}(req) }));`);
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-scale-'));
const file = path.join(dir, 'generated.js');
const text = generate(count);
writeFileSync(file, text);
const linter = new Linter({ configType: 'flat', cwd: dir });
const base = { files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } };
const ours = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`memo-guard/${id}`, 'error']));

function timed(rules) {
  const start = process.hrtime.bigint();
  const messages = linter.verify(text, [{ ...base, plugins: { 'memo-guard': plugin }, rules }], { filename: file });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`generated file does not parse: ${fatal.message}`);
  return { ms, findings: messages.length };
}

console.log(`scale: ${count} memoized functions, ${(text.length / 1e6).toFixed(1)} MB`);
const warm = timed({ 'no-unused-vars': 'error' }); // warm the parser and the JIT
const baseline = timed({ 'no-unused-vars': 'error' });
const all = timed(ours);
const heap = process.memoryUsage().heapUsed / 1e6;
console.log(`no-unused-vars alone: ${baseline.ms.toFixed(0)} ms (warm-up run ${warm.ms.toFixed(0)} ms)`);
console.log(`all ${Object.keys(ours).length} memo-guard rules: ${all.ms.toFixed(0)} ms, ${all.findings} findings`);
console.log(`ratio: ${(all.ms / baseline.ms).toFixed(2)}× (target ≤ 3×), heap used after: ${heap.toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
