#!/usr/bin/env node
/**
 * Robustness run: lints every .js/.mjs/.cjs/.ts/.tsx file under node_modules (real code nobody here
 * wrote) with every memo-guard rule. No rule may throw. Then it applies each autofix and each
 * suggestion to a copy of the text and checks that the result still parses.
 * Prints the file count and the findings per rule; exits 1 on any crash or unparsable fix.
 *
 *   node scripts/robustness.mjs [root=node_modules] [--limit N] [--sample N] [--verbose]
 *
 * `--sample N` lints one file in N (every N-th file in sorted path order, so the same files on
 * every machine, spread over every package): `npm test` runs a 1-in-10 sample of node_modules,
 * `npm run test:robustness:full` (and .ci/run) every file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../dist/src/index.js';

const args = process.argv.slice(2);
const limitIndex = args.indexOf('--limit');
const limit = limitIndex === -1 ? Infinity : Number(args[limitIndex + 1]);
const sampleIndex = args.indexOf('--sample');
const sample = sampleIndex === -1 ? 1 : Number(args[sampleIndex + 1]);
if (!Number.isInteger(sample) || sample < 1) {
  console.error(`robustness: --sample expects a positive integer, got '${args[sampleIndex + 1] ?? ''}'`);
  process.exit(2);
}
const valueIndexes = new Set([limitIndex, sampleIndex].filter((i) => i !== -1).map((i) => i + 1));
const root = args.find((a, i) => !a.startsWith('--') && !valueIndexes.has(i)) ?? 'node_modules';
const verbose = args.includes('--verbose');
const extensions = /\.(?:[cm]?js|tsx?)$/;

function* filesUnder(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile() && extensions.test(entry.name)) yield full;
  }
}

const rules = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`memo-guard/${id}`, 'error']));
const linter = new Linter({ configType: 'flat' });

function configFor(file, sourceType) {
  const ts = /\.tsx?$/.test(file);
  return [
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx'],
      // Other people's eslint-disable comments must not be reported as stale.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { 'memo-guard': plugin },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType,
        ...(ts ? { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: file.endsWith('.tsx') } } } : { parserOptions: { ecmaFeatures: { jsx: false } } }),
      },
      rules,
    },
  ];
}

/** ESLint's flat config ignores anything under node_modules, so files are linted under a neutral name. */
const virtualName = (file) => path.relative(process.cwd(), file).replace(/node_modules/g, '_nm');

/** Lints with the first source type that parses; `undefined` when the file does not parse at all. */
function lint(file, text) {
  const types = file.endsWith('.cjs') ? ['commonjs'] : file.endsWith('.mjs') ? ['module'] : ['module', 'commonjs'];
  for (const sourceType of types) {
    const config = configFor(file, sourceType);
    const messages = linter.verify(text, config, { filename: virtualName(file) });
    const unmatched = messages.find((m) => m.ruleId === null && !m.fatal && m.message.startsWith('No matching configuration'));
    if (unmatched) throw new Error(unmatched.message);
    if (messages.some((m) => m.fatal)) continue;
    return { messages, config };
  }
  return undefined;
}

function parses(text, file, config) {
  const messages = linter.verify(text, config.map((c) => ({ ...c, rules: {} })), { filename: virtualName(file) });
  return !messages.some((m) => m.fatal);
}

function applyFix(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

const started = performance.now();
const findings = Object.fromEntries(Object.keys(rules).map((id) => [id, 0]));
const crashes = [];
const badFixes = [];
let scanned = 0;
let unparsable = 0;
let fixesChecked = 0;
let seen = 0;

for (const file of filesUnder(root)) {
  if (scanned >= limit) break;
  if (seen++ % sample !== 0) continue;
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  scanned++;
  let result;
  try {
    result = lint(file, text);
  } catch (error) {
    crashes.push(`${file}: ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' | ') : String(error)}`);
    continue;
  }
  if (!result) {
    unparsable++;
    continue;
  }
  for (const message of result.messages) {
    if (message.ruleId && message.ruleId in findings) {
      findings[message.ruleId]++;
      if (verbose) console.log(`${file}:${message.line} ${message.ruleId}: ${message.message}`);
    }
    for (const fix of [message.fix, ...(message.suggestions ?? []).map((s) => s.fix)]) {
      if (!fix) continue;
      fixesChecked++;
      if (!parses(applyFix(text, fix), file, result.config)) badFixes.push(`${file}:${message.line} ${message.ruleId}`);
    }
  }
  // The whole --fix loop as ESLint runs it, too.
  if (result.messages.some((m) => m.fix)) {
    const fixed = linter.verifyAndFix(text, result.config, { filename: virtualName(file) });
    if (fixed.messages.some((m) => m.fatal)) badFixes.push(`${file}: --fix output does not parse`);
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const sampled = sample > 1 ? ` (a 1-in-${sample} sample of ${seen})` : '';
console.log(`robustness: ${scanned} files under ${root}${sampled} (${unparsable} not parsable by espree/typescript-eslint, skipped), ${seconds} s`);
for (const [id, count] of Object.entries(findings)) console.log(`  ${id}: ${count} findings`);
console.log(`  fixes and suggestions applied and re-parsed: ${fixesChecked}`);
if (crashes.length > 0) console.log(`CRASHES (${crashes.length}):\n  ${crashes.slice(0, 30).join('\n  ')}`);
if (badFixes.length > 0) console.log(`FIXES THAT DO NOT PARSE (${badFixes.length}):\n  ${badFixes.slice(0, 30).join('\n  ')}`);
process.exitCode = crashes.length > 0 || badFixes.length > 0 ? 1 : 0;
