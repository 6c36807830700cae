// `npx memo-guard` at the root of four kinds of project (project-kinds.fixtures.ts): the built
// command, spawned in a scratch copy whose node_modules is this repository's (eslint 10,
// typescript-eslint, hermes-eslint, @babel/eslint-parser 8 and the decorators plugin are real
// installs). Each reports exactly its labelled memo-guard findings, says which parser read how many
// files, prints no ESLint warning, and shows a file no parser reads as one summary line.
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoGuard, project, removeProjects } from '../cli/helpers.js';
import { actualFindings, assertCliBuilt, assertRulesBuilt, eslintBin, expectedFindings, repoRoot, runNode, type LintResult } from './helpers.js';
import { babelProposals, flowExpress, jsExpress, tsMonorepo, type FixtureProject } from './project-kinds.fixtures.js';

function materialize(fixture: FixtureProject): string {
  const dir = project(fixture.files);
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The same, with ESLint 9 as the project's eslint (every other package still this repository's). */
function materializeWithESLint9(fixture: FixtureProject): string {
  const dir = project(fixture.files);
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(path.join(repoRoot, 'node_modules'))) {
    if (name === 'eslint' || name.startsWith('.')) continue;
    symlinkSync(path.join(repoRoot, 'node_modules', name), path.join(modules, name), 'dir');
  }
  symlinkSync(path.join(repoRoot, 'node_modules/eslint9'), path.join(modules, 'eslint'), 'dir');
  return dir;
}

function relativeFiles(dir: string, results: readonly LintResult[]): string[] {
  return results.map((r) => path.relative(dir, r.filePath).split(path.sep).join('/')).sort();
}

/** The summary line that counts the files each parser read. */
function parserLine(stdout: string): string | undefined {
  return /^parsed by .*$/m.exec(stdout)?.[0];
}

describe('memo-guard on every kind of JavaScript project', () => {
  beforeAll(async () => {
    assertCliBuilt();
    await assertRulesBuilt();
  });
  afterAll(removeProjects);

  describe('a Flow-typed Express server with a legacy .eslintignore', () => {
    let dir = '';
    beforeAll(() => {
      dir = materialize(flowExpress);
    });

    it('reports exactly its memo-guard findings; every Flow file is read by hermes-eslint; the one broken file is one line', () => {
      const run = memoGuard(dir);
      expect(run.stderr).toBe(''); // no ESLint warning (.eslintignore), nothing else
      expect(run.status).toBe(1);
      expect(run.stdout).not.toMatch(/Parsing error|rates\.js|Unexpected token/);
      // 4 files with an @flow pragma, and format.js (Flow types, no pragma) once espree gave up on it.
      expect(parserLine(run.stdout)).toBe('parsed by hermes-eslint (5 files), espree (1 file)');
      expect(run.stdout).toMatch(/^7 files scanned, 1 finding \(1 error, 0 warnings\), \d+\.\d\d s$/m);
      const failures = run.stdout.split('\n').filter((line) => /could not be parsed/.test(line));
      expect(failures).toEqual(['1 file could not be parsed (Flow syntax? see --verbose)']);
      expect(run.stdout).toMatch(/^ignores from \.gitignore and \.eslintignore /m);

      const json = memoGuard(dir, ['--format', 'json']);
      const results = JSON.parse(json.stdout) as LintResult[];
      expect(actualFindings(dir, results)).toEqual(expectedFindings(dir));
      expect(expectedFindings(dir)).toHaveLength(1);
      // .eslintignore keeps build/ (a leak of its own) and flow-typed/ out; node_modules is never read.
      expect(relativeFiles(dir, results)).toEqual([
        'src/components/Avatar.js',
        'src/legacy/rates.js',
        'src/lib/db.js',
        'src/lib/format.js',
        'src/lib/health.js',
        'src/routes/users.js',
        'src/server.js',
      ]);
      expect(json.stderr).not.toMatch(/\(node:\d+\)|Warning:|no longer supported/);
    });

    it('--verbose names the broken file and every parser tried; the exit code is the findings\' alone', () => {
      const run = memoGuard(dir, ['--verbose']);
      expect(run.status).toBe(1);
      const listed = run.stdout.split('\n').filter((line) => line.startsWith('  src/'));
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatch(/^ {2}src\/legacy\/rates\.js:2:1 {2}.+ {2}\(tried espree, hermes-eslint, @babel\/eslint-parser\)$/);
      // Without the broken file: the same exit code, no parse line.
      const clean = memoGuard(dir, ['src/routes', 'src/lib']);
      expect(clean.status).toBe(1);
      expect(clean.stdout).not.toMatch(/could not be parsed/);
    });

    it('SARIF: the broken file is a tool notification, not a result; GitHub annotations: findings only', () => {
      const log = JSON.parse(memoGuard(dir, ['--format', 'sarif']).stdout) as Log;
      const sarifRun = log.runs[0];
      expect((sarifRun?.results ?? []).map((r) => `${String(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri)} ${String(r.ruleId)}`)).toEqual([
        'src/routes/users.js memo-guard/no-unbounded-cache-in-handler',
      ]);
      const notes = sarifRun?.invocations?.[0]?.toolExecutionNotifications ?? [];
      expect(notes.map((n) => n.locations?.[0]?.physicalLocation?.artifactLocation?.uri)).toEqual(['src/legacy/rates.js']);

      const annotated = memoGuard(dir, [], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir });
      const lines = annotated.stdout.split('\n').filter((l) => l.startsWith('::'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^::error file=src\/routes\/users\.js,line=7,.*title=memo-guard\/no-unbounded-cache-in-handler::/);
    });

    it('the same under ESLint 9: the same parsers, findings and single line, and no warning', () => {
      const dir9 = materializeWithESLint9(flowExpress);
      expect(runNode([path.join(dir9, 'node_modules/eslint/bin/eslint.js'), '--version'], dir9).stdout).toMatch(/^v9\./);
      const run = memoGuard(dir9);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      expect(parserLine(run.stdout)).toBe('parsed by hermes-eslint (5 files), espree (1 file)');
      expect(run.stdout).toMatch(/^1 file could not be parsed \(Flow syntax\? see --verbose\)$/m);
      const results = JSON.parse(memoGuard(dir9, ['--format', 'json']).stdout) as LintResult[];
      expect(actualFindings(dir9, results)).toEqual(expectedFindings(dir9));
    });

    it('ESLint itself warns about the .eslintignore here (so the silence above means something)', () => {
      const run = runNode([eslintBin, '--no-config-lookup', 'src/lib/health.js'], dir);
      expect(run.stderr).toMatch(/\.eslintignore" file is no longer supported/);
    });
  });

  it('a Babel project with decorators: @babel/eslint-parser reads what espree cannot, with the project\'s Babel config', () => {
    const dir = materialize(babelProposals);
    const run = memoGuard(dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(parserLine(run.stdout)).toBe('parsed by @babel/eslint-parser (2 files), espree (1 file)');
    expect(run.stdout).not.toMatch(/could not be parsed|Parsing error/);
    const results = JSON.parse(memoGuard(dir, ['--format', 'json']).stdout) as LintResult[];
    expect(relativeFiles(dir, results)).toEqual(['src/controller.js', 'src/order.js', 'src/util.js']);
    expect(actualFindings(dir, results)).toEqual(expectedFindings(dir));
    expect(expectedFindings(dir)).toHaveLength(2);
  });

  it("a TypeScript monorepo (workspaces) with its own eslint.config.js: its typescript-eslint setup reads every file, its rules stay out", () => {
    const dir = materialize(tsMonorepo);
    const run = memoGuard(dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(parserLine(run.stdout)).toBe('parsed by typescript-eslint/parser from eslint.config.js (5 files)');
    expect(run.stdout).not.toMatch(/could not be parsed|Parsing error|no-explicit-any|react-hooks|Definition for rule/);
    const results = JSON.parse(memoGuard(dir, ['--format', 'json']).stdout) as LintResult[];
    expect(actualFindings(dir, results)).toEqual(expectedFindings(dir));
    expect(expectedFindings(dir)).toHaveLength(2);
    // The same files the project's own `eslint .` lints, and it parses them all too.
    const own = JSON.parse(runNode([eslintBin, '--format', 'json', '.'], dir).stdout) as LintResult[];
    expect(relativeFiles(dir, results)).toEqual(relativeFiles(dir, own));
    expect(own.flatMap((r) => r.messages.filter((m) => m.fatal === true))).toEqual([]);
  });

  it('a plain CommonJS Express app with .gitignore and .eslintignore: espree reads every file; both ignore files apply', () => {
    const dir = materialize(jsExpress);
    const run = memoGuard(dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(parserLine(run.stdout)).toBe('parsed by espree (4 files)');
    expect(run.stdout).not.toMatch(/could not be parsed/);
    expect(run.stdout).toMatch(/^ignores from \.gitignore and \.eslintignore /m);
    const results = JSON.parse(memoGuard(dir, ['--format', 'json']).stdout) as LintResult[];
    expect(relativeFiles(dir, results)).toEqual(['app.js', 'lib/config.cjs', 'routes/quotes.js', 'test/quotes.test.js']);
    // priceOf is both: an async function lodash keeps rejections of, and an unbounded memoizer the handler fills.
    expect(actualFindings(dir, results)).toEqual(expectedFindings(dir));
    expect(expectedFindings(dir)).toHaveLength(3);
  });
});
