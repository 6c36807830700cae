// The built `memo-guard` command, spawned as a user would run it, on scratch folders under the OS
// temp dir (it loads the plugin from its own location and eslint from the project or, failing
// that, from next to itself).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, assertRulesBuilt, repoRoot, runNode, toError, type LintResult, type Run } from '../e2e/helpers.js';
import plugin from '../../src/index.js';
import { memoGuard, project, removeProjects, track } from './helpers.js';

const { version } = createRequire(import.meta.url)('eslint-plugin-memo-guard/package.json') as { version: string };

const leakyServer = `import express from 'express';
import _ from 'lodash';

const sessions = new Map();

function remember(id) {
  sessions.set(id, { id, seen: Date.now() });
}

export const loadUser = _.memoize(async (id) => {
  const res = await fetch('https://users.internal/' + id);
  return res.json();
});

const app = express();
app.get('/users/:id', (req, res) => {
  remember(req.params.id);
  res.json({ ok: true });
});
app.listen(3000);

const avatars = new Map();
function avatar(id) {
  let svg = avatars.get(id);
  if (svg === undefined) {
    svg = drawAvatar(id);
    avatars.set(id, svg);
  }
  return svg;
}
const drawAvatar = (id) => '<svg>' + id + '</svg>';
app.get('/avatars/:id', (req, res) => res.type('svg').send(avatar(req.params.id)));
`;

const cleanModule = `export function add(a, b) {
  return a + b;
}
`;

function expectOneLineUsageError(run: Run, pattern: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  const stderr = run.stderr.trimEnd();
  expect(stderr.split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^memo-guard: /);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\bat .*:\d+:\d+/); // no stack trace
}

describe('memo-guard command', () => {
  let rulesError: Error | undefined;
  beforeAll(async () => {
    assertCliBuilt();
    try {
      await assertRulesBuilt();
    } catch (error) {
      rulesError = toError(error);
    }
  });
  afterAll(removeProjects);
  function needRules(): void {
    if (rulesError) throw rulesError;
  }

  describe('usage', () => {
    it('--help prints the usage and exits 0', () => {
      const run = memoGuard(os.tmpdir(), ['--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage: memo-guard \[paths\.\.\.\]/);
      expect(run.stdout).toMatch(/--max-warnings/);
    });

    it('--help names every rule the recommended config turns on, and no other', () => {
      const { stdout } = memoGuard(os.tmpdir(), ['--help']);
      const listed = /recommended rules\n\(([^)]*)\)/.exec(stdout)?.[1]?.split(/,\s*/) ?? [];
      const recommended = Object.keys(plugin.configs.recommended.rules ?? {}).map((id) => id.replace(/^memo-guard\//, ''));
      expect(listed.sort()).toEqual(recommended.sort());
    });

    it('--version prints the package version', () => {
      const run = memoGuard(os.tmpdir(), ['--version']);
      expect(run.status).toBe(0);
      expect(run.stdout.trim()).toBe(version);
    });

    it('a bad flag: one line, exit 2', () => {
      expectOneLineUsageError(memoGuard(os.tmpdir(), ['--fxi']), /Unknown option '--fxi'/);
    });

    it('a path that does not exist: one line, exit 2', () => {
      const dir = project({ 'a.js': cleanModule });
      expectOneLineUsageError(memoGuard(dir, ['src/missing']), /no such file or directory: src\/missing/);
    });

    it('a bad --max-warnings or --format: one line, exit 2', () => {
      expectOneLineUsageError(memoGuard(os.tmpdir(), ['--max-warnings', 'lots']), /--max-warnings expects a non-negative integer/);
      expectOneLineUsageError(memoGuard(os.tmpdir(), ['--max-warnings']), /argument missing/);
      expectOneLineUsageError(memoGuard(os.tmpdir(), ['--format', 'xml']), /unknown format 'xml'/);
    });
  });

  describe('linting', () => {
    it('a clean folder exits 0 with a summary', () => {
      needRules();
      const dir = project({ 'src/add.js': cleanModule, 'src/util.ts': 'export const twice = (n: number): number => n * 2;\n' });
      const run = memoGuard(dir);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^2 files scanned, no findings, \d+\.\d\d s$/m);
    });

    it('findings exit 1, with the stylish report and a summary by rule', () => {
      needRules();
      const dir = project({ 'server.js': leakyServer, 'src/add.js': cleanModule });
      const run = memoGuard(dir);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout).toMatch(/server\.js\n\s+4:\d+\s+error\s+.*memo-guard\/no-unbounded-cache-in-handler/);
      expect(run.stdout).toMatch(/^ {2}memo-guard\/no-unbounded-cache-in-handler\s+\d+$/m);
      expect(run.stdout).toMatch(/^ {2}memo-guard\/no-unsafe-async-memoize\s+1$/m);
      expect(run.stdout).toMatch(/^2 files scanned, \d+ findings \(\d+ errors, 0 warnings\), \d+\.\d\d s$/m);
    });

    it('--format json: only JSON on stdout, the summary on stderr', () => {
      needRules();
      const dir = project({ 'server.js': leakyServer });
      const run = memoGuard(dir, ['--format', 'json']);
      expect(run.status, run.stderr).toBe(1);
      const results = JSON.parse(run.stdout) as LintResult[];
      expect(results).toHaveLength(1);
      const rules = results[0]!.messages.map((m) => `${String(m.line)} ${String(m.ruleId)}`);
      expect(rules).toContain('4 memo-guard/no-unbounded-cache-in-handler');
      expect(rules).toContain('10 memo-guard/no-unsafe-async-memoize');
      expect(run.stderr).toMatch(/1 file scanned/);
    });

    it('respects .gitignore, node_modules and dist, and lints only the given paths', () => {
      needRules();
      const dir = project({
        '.gitignore': '# build output\n/generated/\n*.tmp.js\n',
        'generated/server.js': leakyServer,
        'dist/server.js': leakyServer,
        'node_modules/pkg/server.js': leakyServer,
        'src/server.tmp.js': leakyServer,
        'src/add.js': cleanModule,
        'other/server.js': leakyServer,
      });
      const all = memoGuard(dir, ['--format', 'json']);
      const files = (JSON.parse(all.stdout) as LintResult[]).map((r) => path.relative(dir, r.filePath)).sort();
      expect(files).toEqual(['other/server.js', 'src/add.js']);
      const onlySrc = memoGuard(dir, ['src']);
      expect(onlySrc.status).toBe(0);
      expect(onlySrc.stdout).toMatch(/^1 file scanned, no findings/m);
    });

    it('lints TypeScript with type information when the project has a tsconfig.json', () => {
      needRules();
      const dir = project({
        'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', noEmit: true }, include: ['src'] }),
        'src/users.ts': `import _ from 'lodash';\nexport const loadUser = _.memoize(async (id: string): Promise<string> => id);\n`,
        'scripts/outside.ts': `import _ from 'lodash';\nexport const loadUser = _.memoize(async (id: string): Promise<string> => id);\n`,
      });
      const run = memoGuard(dir, ['--format', 'json']);
      expect(run.status, run.stderr).toBe(1);
      const results = JSON.parse(run.stdout) as LintResult[];
      const found = results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${String(m.line)} ${String(m.ruleId)}`)).sort();
      // scripts/outside.ts is not in the tsconfig: linted without types instead of a parse error.
      expect(found).toEqual(['scripts/outside.ts:2 memo-guard/no-unsafe-async-memoize', 'src/users.ts:2 memo-guard/no-unsafe-async-memoize']);
    });

    it('--max-warnings does not let errors pass', () => {
      needRules();
      const dir = project({ 'server.js': leakyServer });
      expect(memoGuard(dir, ['--max-warnings', '100']).status).toBe(1);
    });

    it('--fix bounds the cache, lists the changed file, and the file lints clean of that rule', () => {
      needRules();
      const dir = project({ 'server.js': leakyServer, 'src/add.js': cleanModule });
      const run = memoGuard(dir, ['--fix']);
      expect(run.stdout).toMatch(/^memo-guard --fix changed 1 file:\n {2}server\.js$/m);
      const fixed = readFileSync(path.join(dir, 'server.js'), 'utf8');
      // `avatars` is refilled on a miss (a cache): bounded. `sessions` holds the only copy of each
      // session (a store): evicting would log users out, so it only gets a suggestion and stays.
      expect(fixed).toMatch(/const avatars = new LruMap\(\d+\)/);
      expect(fixed).toMatch(/const sessions = new Map\(\)/);
      expect(fixed).toMatch(/import \{ LruMap \} from ['"]eslint-plugin-memo-guard\/memoize['"]/);
      expect(readFileSync(path.join(dir, 'src/add.js'), 'utf8')).toBe(cleanModule);
      // The async memoizer and the store have no autofix: still reported, so the exit code stays 1.
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/memo-guard\/no-unsafe-async-memoize/);
      expect(run.stdout).toMatch(/^\s+5:\d+\s+error.*no-unbounded-cache-in-handler/m); // line 4, after the added import
      expect(run.stdout).not.toMatch(/^\s+(?!5:)\d+:\d+\s+error.*no-unbounded-cache-in-handler/m);
    });

    it('shows a progress bar on stderr for more than 50 files when asked (MEMO_GUARD_PROGRESS=1 stands for a TTY)', () => {
      needRules();
      const files: Record<string, string> = {};
      for (let i = 0; i < 60; i++) files[`src/m${String(i)}.js`] = `export const v${String(i)} = ${String(i)};\n`;
      const dir = project(files);
      const withBar = memoGuard(dir, [], { MEMO_GUARD_PROGRESS: '1' });
      expect(withBar.status).toBe(0);
      expect(withBar.stderr).toMatch(/\] 60\/60 files/);
      expect(withBar.stdout).toMatch(/^60 files scanned, no findings/m);
      const piped = memoGuard(dir);
      expect(piped.stderr).toBe('');
    });
  });

  // memo-guard installed on its own (a copy of package.json and dist/ outside this repo, with only its
  // own `dependencies` beside it, as npm installs them): eslint and the TypeScript parser must come
  // from the project.
  describe('a project without eslint or @typescript-eslint/parser', () => {
    let installedCli = '';
    beforeAll(() => {
      const install = track(mkdtempSync(path.join(os.tmpdir(), 'memo-guard-install-')));
      cpSync(path.join(repoRoot, 'package.json'), path.join(install, 'package.json'));
      cpSync(path.join(repoRoot, 'dist'), path.join(install, 'dist'), { recursive: true });
      const { dependencies = {} } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      for (const name of Object.keys(dependencies)) {
        mkdirSync(path.dirname(path.join(install, 'node_modules', name)), { recursive: true });
        symlinkSync(path.join(repoRoot, 'node_modules', name), path.join(install, 'node_modules', name), 'dir');
      }
      installedCli = path.join(install, 'dist/src/cli/main.js');
    });

    it('no eslint anywhere: one line telling how to install it, exit 2', () => {
      const dir = project({ 'a.js': cleanModule });
      expectOneLineUsageError(runNode([installedCli], dir), /^memo-guard: eslint is not installed in this project; run `npm install -D eslint`$/);
    });

    it("eslint but no TypeScript parser: one warning line, JavaScript files only", () => {
      needRules();
      const dir = project({ 'server.js': leakyServer, 'src/util.ts': 'export const twice = (n: number): number => n * 2;\n' });
      mkdirSync(path.join(dir, 'node_modules'));
      symlinkSync(path.join(repoRoot, 'node_modules/eslint'), path.join(dir, 'node_modules/eslint'), 'dir');
      const run = runNode([installedCli, '--format', 'json'], dir);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr.split('\n')[0]).toMatch(/^memo-guard: warning: @typescript-eslint\/parser is not installed; linting JavaScript files only/);
      const files = (JSON.parse(run.stdout) as LintResult[]).map((r) => path.relative(dir, r.filePath));
      expect(files).toEqual(['server.js']);
    });

    it('a Flow project without hermes-eslint: the Flow files are one line, and one line says what to install', () => {
      needRules();
      const flow = '// @flow\nexport function twice(n: number): number {\n  return n * 2;\n}\n';
      const dir = project({ '.flowconfig': '[options]\n', 'src/a.js': flow, 'src/b.js': flow, 'server.js': leakyServer });
      mkdirSync(path.join(dir, 'node_modules'));
      symlinkSync(path.join(repoRoot, 'node_modules/eslint'), path.join(dir, 'node_modules/eslint'), 'dir');
      const run = runNode([installedCli], dir);
      expect(run.status, run.stderr).toBe(1); // the findings of server.js, not the unparsed files
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toMatch(/Parsing error|src\/a\.js/);
      expect(run.stdout).toMatch(/^parsed by espree \(1 file\)$/m);
      expect(run.stdout).toMatch(/^2 files could not be parsed \(Flow syntax\? see --verbose\)\nmemo-guard: this is a Flow project \(\.flowconfig\): install hermes-eslint to parse Flow syntax \(npm install -D hermes-eslint\)$/m);
    });

    it('eslint but no TypeScript parser, in a JavaScript-only project: no warning', () => {
      needRules();
      const dir = project({ 'server.js': leakyServer });
      mkdirSync(path.join(dir, 'node_modules'));
      symlinkSync(path.join(repoRoot, 'node_modules/eslint'), path.join(dir, 'node_modules/eslint'), 'dir');
      const run = runNode([installedCli, '--format', 'json'], dir);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).not.toMatch(/memo-guard: warning/);
    });
  });
});
