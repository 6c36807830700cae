// The command reports memo-guard's findings and nothing else: other rules' directives and inline
// configs are neither errors nor fixed, parse errors are parse errors, and the project's own
// eslint.config.js gives its settings['memo-guard'] and its ignores. The built command, spawned.
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ESLint } from 'eslint';
import { assertCliBuilt, assertRulesBuilt, repoRoot } from '../e2e/helpers.js';
import { memoGuard, project, removeProjects } from './helpers.js';

/** A server full of other tools' directives: disable / enable / -line / -next-line, inline configs, descriptions. */
const directiveHeavy = `/* eslint-disable no-console, import/no-extraneous-dependencies */
/* global fetch */
import express from 'express';
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import lodash from 'lodash';
/* eslint prefer-const: "error" */
/* eslint react/no-danger: "off" */

// eslint-disable-next-line unicorn/prefer-module
const seen = new Map(); // eslint-disable-line no-restricted-syntax

let neverReassigned = 1; // prefer-const would fix this: not memo-guard's business

function remember(id) {
  // A cache (refilled from its key on a miss), so --fix may bound it.
  if (seen.has(id)) return seen.get(id);
  // eslint-disable-next-line no-param-reassign, security/detect-object-injection
  const page = render(id); /* eslint-disable-line sonarjs/no-ignored-return */
  seen.set(id, page);
  return page;
}
/* eslint-enable no-console */

const app = express();
app.get('/users/:id', (req, res) => {
  // eslint-disable-next-line no-console -- request logging
  console.log(req.params.id);
  remember(req.params.id);
  res.json({ ok: true, neverReassigned });
});
app.listen(3000); // eslint-disable-line n/no-process-exit
`;

/** Lines only in `a` and lines only in `b` (as multisets): what changed, wherever it moved. */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const count = new Map<string, number>();
  for (const line of a.split('\n')) count.set(line, (count.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of b.split('\n')) {
    const n = count.get(line) ?? 0;
    if (n > 0) count.set(line, n - 1);
    else added.push(line);
  }
  const removed = [...count].flatMap(([line, n]) => Array<string>(n).fill(line));
  return { removed, added };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const directiveComment = /\/[/*]\s*eslint(?:-disable(?:-next-line|-line)?|-enable)?\s[^\n]*/g;

describe('memo-guard among other tools', () => {
  beforeAll(async () => {
    assertCliBuilt();
    await assertRulesBuilt();
  });
  afterAll(removeProjects);

  it("other rules' directives are not findings, and the exit code is memo-guard's alone", () => {
    const dir = project({ 'server.js': directiveHeavy });
    const run = memoGuard(dir, ['--format', 'json']);
    expect(run.status, run.stderr).toBe(1);
    const [result] = JSON.parse(run.stdout) as ESLint.LintResult[];
    expect(result?.messages.map((m) => `${String(m.line)}:${String(m.column)} ${String(m.ruleId)}`)).toEqual([
      '10:14 memo-guard/no-unbounded-cache-in-handler',
    ]);
    expect(run.stderr).toMatch(/^1 file scanned, 1 finding \(1 error, 0 warnings\), \d+\.\d\d s$/m);
    expect(run.stderr).not.toMatch(/parse error|Definition for rule|Unused eslint-disable/);
  });

  it('--fix changes nothing but memo-guard fixes: every directive and inline config stays', () => {
    const dir = project({ 'server.js': directiveHeavy });
    const run = memoGuard(dir, ['--fix']);
    const after = readFileSync(path.join(dir, 'server.js'), 'utf8');
    expect(changedLines(directiveHeavy, after)).toEqual({
      removed: ['const seen = new Map(); // eslint-disable-line no-restricted-syntax'],
      added: ["import { LruMap } from 'eslint-plugin-memo-guard/memoize';", 'const seen = new LruMap(500); // eslint-disable-line no-restricted-syntax'],
    });
    expect(after.match(directiveComment)).toEqual(directiveHeavy.match(directiveComment));
    expect(run.stdout).toMatch(/^memo-guard --fix changed 1 file:\n {2}server\.js$/m);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    // Run again: nothing left to fix, nothing else touched.
    expect(memoGuard(dir, ['--fix']).stdout).toMatch(/^memo-guard --fix: no file changed$/m);
    expect(readFileSync(path.join(dir, 'server.js'), 'utf8')).toBe(after);
  });

  it("--fix over real code full of other plugins' directives (ESLint 9's own lib/) changes nothing but memo-guard's fixes", () => {
    // Every file of ESLint 9's lib/ that has an eslint directive or inline config (about 40 files).
    const dir = project({});
    const source = path.join(repoRoot, 'node_modules/eslint9/lib');
    for (const file of walk(source).filter((f) => /\.[cm]?[jt]s$/.test(f))) {
      if (/\/[/*]\s*eslint[\s-]/.test(readFileSync(file, 'utf8'))) cpSync(file, path.join(dir, 'lib', path.relative(source, file)));
    }
    const files = walk(path.join(dir, 'lib'));
    const before = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    const directives = [...before.values()].join('\n').match(directiveComment) ?? [];
    expect(directives.length).toBeGreaterThan(30); // the sample really is full of them

    // One run: ESLint's JSON report carries `output` for the files --fix rewrote.
    const run = memoGuard(dir, ['--fix', '--format', 'json']);
    const results = JSON.parse(run.stdout) as (ESLint.LintResult & { output?: string })[];
    expect(results).toHaveLength(files.length);
    const reported = results.flatMap((r) => r.messages);
    expect(reported.filter((m) => !String(m.ruleId).startsWith('memo-guard/'))).toEqual([]);
    expect(run.status).toBe(reported.some((m) => m.severity === 2) ? 1 : 0);
    const fixed = new Set(results.filter((r) => r.output !== undefined).map((r) => r.filePath));
    for (const [file, text] of before) {
      const after = readFileSync(file, 'utf8');
      if (!fixed.has(file)) expect(after, path.relative(dir, file)).toBe(text);
      expect(after.match(directiveComment), path.relative(dir, file)).toEqual(text.match(directiveComment));
    }
  });

  it('a file that cannot be parsed is one summary line, not a finding: no error line, exit 0; --verbose lists it', () => {
    const dir = project({ 'src/broken.js': 'export const = ;\n', 'src/ok.js': 'export const ok = 1;\n' });
    const run = memoGuard(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/Parsing error|broken\.js|\berror\b|problem/);
    expect(run.stdout).toMatch(/^2 files scanned, no findings, \d+\.\d\d s$/m);
    expect(run.stdout).toMatch(/^1 file could not be parsed \(see --verbose\)$/m);
    expect(run.stdout).not.toMatch(/memo-guard summary/);
    // JSON: the report holds findings only; the count goes to stderr.
    const json = memoGuard(dir, ['--format', 'json']);
    expect(json.status).toBe(0);
    expect((JSON.parse(json.stdout) as ESLint.LintResult[]).flatMap((r) => r.messages)).toEqual([]);
    expect(json.stderr).toMatch(/^1 file could not be parsed \(see --verbose\)$/m);
    // --verbose: where and why, with the parsers tried (hermes-eslint, installed next to memo-guard, is the last resort).
    const verbose = memoGuard(dir, ['--verbose']);
    expect(verbose.status).toBe(0);
    expect(verbose.stdout).toMatch(/^could not be parsed:\n {2}src\/broken\.js:1:14 {2}Unexpected token = {2}\(tried espree, hermes-eslint\)$/m);
    expect(verbose.stdout).toMatch(/^1 file could not be parsed \(listed above\)$/m);
  });

  describe("the project's eslint.config.js", () => {
    const customMemoizer = `import { memo } from '@acme/cache';\nexport const getUser = memo(async (id) => fetch('/u/' + id));\n`;
    const config = (settings: string, ignores = "'generated/**'"): string =>
      `export default [\n  { ignores: [${ignores}] },\n  { settings: { 'memo-guard': ${settings} } },\n];\n`;

    it("its settings['memo-guard'] teach the command a custom memoizer, and the summary says where they came from", () => {
      const files = { 'src/users.js': customMemoizer };
      const without = memoGuard(project(files));
      expect(without.status, without.stdout).toBe(0);
      expect(without.stdout).not.toMatch(/eslint\.config/);

      const dir = project({ ...files, 'eslint.config.js': config("{ memoizers: [{ module: '@acme/cache', export: 'memo', promiseSafe: false }] }") });
      const run = memoGuard(dir);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout).toMatch(/src\/users\.js\n\s+2:\d+\s+error\s+.*memo-guard\/no-unsafe-async-memoize/);
      expect(run.stdout).toMatch(/^settings\['memo-guard'\] and ignores from eslint\.config\.js$/m);
    });

    it('a config without memo-guard settings: the summary says only its ignores were used', () => {
      const dir = project({ 'eslint.config.js': "export default [{ ignores: ['generated/**'] }];\n", 'a.js': 'export const a = 1;\n' });
      const run = memoGuard(dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^ignores from eslint\.config\.js \(it has no settings\['memo-guard'\]\)$/m);
    });

    it('its ignores are respected', () => {
      const leaky = `import _ from 'lodash';\nexport const load = _.memoize(async (id) => id);\n`;
      const dir = project({ 'eslint.config.js': config('{}', "'generated/**', '**/*.fixture.js'"), 'generated/a.js': leaky, 'src/b.fixture.js': leaky, 'src/c.js': leaky });
      const run = memoGuard(dir, ['--format', 'json']);
      expect((JSON.parse(run.stdout) as ESLint.LintResult[]).map((r) => path.relative(dir, r.filePath))).toEqual(['eslint.config.js', 'src/c.js']);
    });

    it('malformed settings: exit 2, one line per problem naming the config file and the path', () => {
      const dir = project({ 'eslint.config.js': config("{ memoizers: 'lodash', handlers: [{ method: ['addRoute'] }] }"), 'a.js': 'export const a = 1;\n' });
      const run = memoGuard(dir);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        "memo-guard: eslint.config.js: settings['memo-guard'].memoizers must be an array of objects, got the string 'lodash'",
        `memo-guard: eslint.config.js: settings['memo-guard'].handlers[0] has an unknown key "method" (did you mean "methods"?)`,
        `memo-guard: eslint.config.js: settings['memo-guard'].handlers[0] must have "methods" or "exports"`,
      ]);
    });

    it('a config that cannot load (its plugins are not installed): one warning, then the defaults', () => {
      const dir = project({
        'eslint.config.js': `import react from 'eslint-plugin-not-installed';\nexport default [react.configs.recommended];\n`,
        'a.js': 'export const a = 1;\n',
      });
      const run = memoGuard(dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^memo-guard: warning: could not load eslint\.config\.js \(.*eslint-plugin-not-installed.*\); using memo-guard's defaults/),
      ]);
      expect(run.stdout).toMatch(/^2 files scanned, no findings, \d+\.\d\d s$/m); // a.js and eslint.config.js
    });
  });
});
