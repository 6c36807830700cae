#!/usr/bin/env node
// The issue's acceptance run on a large tree of real code nobody here wrote: about 2,200 files
// copied from real sources under node_modules (ESLint 9 and 10, typescript-eslint, lodash-es,
// es5-ext, moize, reselect, …), full of their own eslint-disable directives for other plugins, plus
// an eslint.config.js with memo-guard settings and ignores and a tsconfig.json. Then:
//   1. `memo-guard`                 exit code, findings, parse errors, time
//   2. `memo-guard --fix`           `git diff` must hold nothing but memo-guard's fixes: every
//                                   changed file had a fixable memo-guard finding, every directive stays
//   3. `memo-guard --format sarif`  validated against the SARIF 2.1.0 schema
//
//   npm run build && node scripts/real-tree.mjs [--keep] [--with-example] [--cli PATH]
//   (--with-example adds examples/shop as apps/shop, so that there are findings and fixes to check)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliIndex = process.argv.indexOf('--cli');
// --cli PATH: run another build of the command (for a before/after comparison).
const cli = cliIndex === -1 ? path.join(root, 'dist/src/cli/main.js') : path.resolve(process.argv[cliIndex + 1]);
const nm = path.join(root, 'node_modules');
if (!existsSync(cli)) throw new Error('dist/ is missing: run `npm run build` first');

const sources = [
  ['eslint/lib', 'packages/linter/src'],
  ['eslint9/lib', 'packages/linter-legacy/src'],
  ['@typescript-eslint/eslint-plugin/dist', 'packages/ts-rules/src'],
  ['@typescript-eslint/typescript-estree/dist', 'packages/ts-estree/src'],
  ['@eslint/eslintrc/lib', 'packages/eslintrc/src'],
  ['lodash-es', 'packages/lodash/src'],
  ['es5-ext', 'packages/es5-ext/src'],
  ['table/dist', 'packages/table/src'],
  ['eslint-doc-generator/dist', 'packages/doc-generator/src'],
  ['express/lib', 'apps/api/src'],
  ['moize/src', 'packages/moize/src'],
  ['moize/__tests__', 'packages/moize/tests'],
  ['reselect/src', 'packages/reselect/src'],
  ['memoize-one/src', 'packages/memoize-one/src'],
];
const code = /\.(?:[cm]?js|tsx?)$/;
const directive = /\/[/*]\s*eslint(?:-disable(?:-next-line|-line)?|-enable)?\s[^\n]*/g;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (code.test(name) && !/\.d\.[cm]?ts$/.test(name)) out.push(full);
  }
  return out;
}

function sh(cmd, args, cwd, env = {}) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, GITHUB_ACTIONS: '', ...env } });
  return { ...r, seconds: (performance.now() - started) / 1000 };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-real-tree-'));
try {
  for (const [from, to] of sources) {
    for (const file of walk(path.join(nm, from))) cpSync(file, path.join(dir, to, path.relative(path.join(nm, from), file)));
  }
  if (process.argv.includes('--with-example')) cpSync(path.join(root, 'examples/shop'), path.join(dir, 'apps/shop'), { recursive: true });
  writeFileSync(
    path.join(dir, 'eslint.config.js'),
    `// The project's own config (its plugins are not needed by memo-guard, which reads only its
// settings['memo-guard'] and its ignores).
export default [
  { ignores: ['**/vendor/**', 'packages/lodash/src/_*.js'] },
  {
    settings: {
      'memo-guard': {
        memoizers: [{ module: '@acme/cache', export: 'memo', keying: 'first-arg', promiseSafe: false }],
        handlers: [{ methods: ['addRoute'], receivers: ['server'] }],
      },
    },
  },
];
`,
  );
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, allowJs: false, module: 'nodenext', noEmit: true, skipLibCheck: true }, include: ['packages/**/*.ts'] }));
  const files = walk(dir);
  const ts = files.filter((f) => /\.tsx?$/.test(f)).length;
  const directives = files.reduce((n, f) => n + (readFileSync(f, 'utf8').match(directive)?.length ?? 0), 0);
  sh('git', ['init', '-q'], dir);
  sh('git', ['add', '-A'], dir);
  sh('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'tree'], dir);
  console.log(`tree: ${files.length} files (${ts} TypeScript), ${directives} eslint directive comments, in ${dir}`);

  const plain = sh(process.execPath, [cli, '--format', 'json'], dir);
  const results = JSON.parse(plain.stdout || '[]');
  const messages = results.flatMap((r) => r.messages.map((m) => ({ ...m, file: r.filePath })));
  const parseErrors = messages.filter((m) => m.fatal).length;
  const other = messages.filter((m) => !m.fatal && !String(m.ruleId).startsWith('memo-guard/'));
  console.log(`1. memo-guard: exit ${plain.status}, ${results.length} files linted, ${messages.length - parseErrors} memo-guard findings, ${parseErrors} parse errors, ${other.length} messages of other rules, ${plain.seconds.toFixed(1)} s`);
  console.log(`   ${plain.stderr.trim().split('\n').join('\n   ')}`);
  for (const m of messages.filter((x) => !x.fatal)) console.log(`   ${path.relative(dir, m.file)}:${m.line}:${m.column} ${m.ruleId}${m.fix ? ' (fixable)' : ''}`);
  const fixable = new Set(messages.filter((m) => m.fix).map((m) => path.relative(dir, m.file)));

  const fix = sh(process.execPath, [cli, '--fix'], dir);
  const changed = sh('git', ['diff', '--name-only'], dir).stdout.split('\n').filter(Boolean);
  const stray = changed.filter((f) => !fixable.has(f));
  let lost = 0;
  for (const f of changed) {
    const before = sh('git', ['show', `HEAD:${f}`], dir).stdout.match(directive) ?? [];
    const after = readFileSync(path.join(dir, f), 'utf8').match(directive) ?? [];
    if (before.join('\n') !== after.join('\n')) lost++;
  }
  const stat = sh('git', ['diff', '--shortstat'], dir).stdout.trim();
  console.log(`2. memo-guard --fix: exit ${fix.status}, ${changed.length} files changed (${stat || 'no change'}), ${stray.length} without a fixable memo-guard finding, ${lost} with a directive comment changed, ${fix.seconds.toFixed(1)} s`);
  if (changed.length > 0) console.log(sh('git', ['diff', '--unified=0'], dir).stdout.split('\n').map((l) => `   ${l}`).join('\n'));
  sh('git', ['checkout', '-q', '.'], dir);

  const sarif = sh(process.execPath, [cli, '--format', 'sarif'], dir);
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv');
  const ajv = new Ajv({ schemaId: 'id', allErrors: true, meta: false });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(root, 'tests/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')));
  const log = JSON.parse(sarif.stdout);
  const valid = validate(log);
  console.log(`3. memo-guard --format sarif: exit ${sarif.status}, ${log.runs[0].results.length} results, ${log.runs[0].invocations[0].toolExecutionNotifications.length} parse-error notifications, ${(sarif.stdout.length / 1024).toFixed(0)} KB, schema ${valid ? 'VALID' : `INVALID: ${ajv.errorsText(validate.errors)}`}, ${sarif.seconds.toFixed(1)} s`);
  process.exitCode = valid && stray.length === 0 && lost === 0 && other.length === 0 ? 0 : 1;
} finally {
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
