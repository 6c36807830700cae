// CI formats of the built command: SARIF 2.1.0 (validated against the official schema, vendored in
// tests/fixtures/sarif from @microsoft/jest-sarif, MIT) and GitHub Actions workflow annotations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, assertRulesBuilt, repoRoot } from '../e2e/helpers.js';
import { memoGuard, project, removeProjects } from './helpers.js';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'tests/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
const draft04 = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/ajv/lib/refs/json-schema-draft-04.json'), 'utf8')) as object;

function sarifValidator(): (data: unknown) => string[] {
  const ajv = new Ajv({ schemaId: 'id', allErrors: true, meta: false });
  ajv.addMetaSchema(draft04);
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${String(e.message)}`));
}

const leaky = `import express from 'express';
import _ from 'lodash';

const sessions = new Map();
export const loadUser = _.memoize(async (id) => id);
// eslint-disable-next-line memo-guard/no-unsafe-async-memoize -- retried by the caller
export const loadTeam = _.memoize(async (id) => id);

const app = express();
app.get('/users/:id', (req, res) => {
  sessions.set(req.params.id, Date.now());
  res.json({ ok: true });
});
`;

describe('memo-guard CI formats', () => {
  let validate: (data: unknown) => string[];
  beforeAll(async () => {
    assertCliBuilt();
    await assertRulesBuilt();
    validate = sarifValidator();
  });
  afterAll(removeProjects);

  it('the validator rejects what is not SARIF (so that passing means something)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toContain(".runs[0].tool.driver should have required property 'name'");
    expect(validate({ version: '2.0.0', runs: [] })).not.toEqual([]);
  });

  it('--format sarif: valid SARIF 2.1.0 on stdout with findings, suppressions, parse errors and relative URIs', () => {
    const dir = project({ 'src/server with space.js': leaky, 'src/broken.js': 'export const = ;\n', 'src/ok.js': 'export const ok = 1;\n' });
    const run = memoGuard(dir, ['--format', 'sarif']);
    expect(run.status, run.stderr).toBe(1);
    const log = JSON.parse(run.stdout) as Log;
    expect(validate(log)).toEqual([]);
    expect(run.stderr).toMatch(/^3 files scanned, 2 findings \(2 errors, 0 warnings\), \d+\.\d\d s$/m);
    expect(run.stderr).toMatch(/^1 file could not be parsed \(see --verbose\)$/m);

    const [sarifRun] = log.runs;
    expect(sarifRun?.tool.driver.rules?.map((r) => r.id)).toEqual(
      expect.arrayContaining(['memo-guard/no-unsafe-async-memoize', 'memo-guard/no-unhashable-args', 'memo-guard/no-unbounded-cache-in-handler']),
    );
    expect(sarifRun?.originalUriBaseIds?.SRCROOT?.uri).toBe(`${pathToFileURL(dir).href}/`);
    const results = (sarifRun?.results ?? []).map((r) => {
      const loc = r.locations?.[0]?.physicalLocation;
      const rule = r.ruleIndex === undefined ? undefined : sarifRun?.tool.driver.rules?.[r.ruleIndex]?.id;
      return `${String(loc?.artifactLocation?.uri)}:${String(loc?.region?.startLine)}:${String(loc?.region?.startColumn)} ${String(r.ruleId)} ${String(rule)} ${String(r.level)}${r.suppressions ? ' suppressed' : ''}`;
    });
    expect(results).toEqual([
      'src/server%20with%20space.js:4:18 memo-guard/no-unbounded-cache-in-handler memo-guard/no-unbounded-cache-in-handler error',
      'src/server%20with%20space.js:5:25 memo-guard/no-unsafe-async-memoize memo-guard/no-unsafe-async-memoize error',
      'src/server%20with%20space.js:7:25 memo-guard/no-unsafe-async-memoize memo-guard/no-unsafe-async-memoize error suppressed',
    ]);
    const notes = sarifRun?.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notes.map((n) => `${String(n.locations?.[0]?.physicalLocation?.artifactLocation?.uri)} ${n.message.text ?? ''}`)).toEqual([
      'src/broken.js Parse error: Parsing error: Unexpected token =',
    ]);
  });

  it('--format sarif: the handler rule is a security rule (CWE-770/CWE-400, security-severity), the others quality rules; every rule has a helpUri', () => {
    const dir = project({ 'server.js': leaky });
    const log = JSON.parse(memoGuard(dir, ['--format', 'sarif']).stdout) as Log;
    expect(validate(log)).toEqual([]);
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.length).toBeGreaterThanOrEqual(3);
    for (const rule of rules) {
      expect(rule.helpUri, rule.id).toBe(`https://github.com/memo-guard/eslint-plugin-memo-guard/blob/main/docs/rules/${rule.id.replace('memo-guard/', '')}.md`);
    }
    const handler = rules.find((r) => r.id === 'memo-guard/no-unbounded-cache-in-handler');
    expect(handler?.properties?.tags).toEqual(['security', 'external/cwe/cwe-770', 'external/cwe/cwe-400']);
    const severity = Number(handler?.properties?.['security-severity']);
    expect(severity).toBeGreaterThanOrEqual(7); // GitHub: 7.0-8.9 is "high"
    expect(severity).toBeLessThan(9);
    const others = rules.filter((r) => r !== handler);
    expect(others.filter((r) => r.properties?.['security-severity'] !== undefined || r.properties?.tags?.includes('security') === true)).toEqual([]);
  });

  it('--format sarif on a clean project: valid, no results, exit 0', () => {
    const dir = project({ 'a.js': 'export const a = 1;\n' });
    const run = memoGuard(dir, ['--format', 'sarif']);
    expect(run.status, run.stderr).toBe(0);
    const log = JSON.parse(run.stdout) as Log;
    expect(validate(log)).toEqual([]);
    expect(log.runs[0]?.results).toEqual([]);
  });

  it('GITHUB_ACTIONS=true: one workflow annotation per finding, paths relative to the workspace', () => {
    const dir = project({ 'app/server.js': leaky });
    const run = memoGuard(path.join(dir, 'app'), [], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir });
    expect(run.status, run.stderr).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=app\/server\.js,line=4,endLine=4,col=18,endColumn=\d+,title=memo-guard\/no-unbounded-cache-in-handler::`sessions` is written on a request-handler path/);
    expect(lines[1]).toMatch(/^::error file=app\/server\.js,line=5,endLine=5,col=25,endColumn=\d+,title=memo-guard\/no-unsafe-async-memoize::lodash memoize caches the promise/);
    // Without GITHUB_ACTIONS, no annotation; with --format json, stdout stays pure JSON.
    expect(memoGuard(path.join(dir, 'app')).stdout).not.toMatch(/^::/m);
    expect(() => JSON.parse(memoGuard(path.join(dir, 'app'), ['--format', 'json'], { GITHUB_ACTIONS: 'true' }).stdout) as unknown).not.toThrow();
  });

  it('GITHUB_ACTIONS=true: a file that cannot be parsed gets no annotation and does not change the exit code', () => {
    const dir = project({ 'src/broken.js': 'export const = ;\n', 'src/ok.js': 'export const ok = 1;\n' });
    const run = memoGuard(dir, [], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/^::/m);
    expect(run.stdout).toMatch(/^1 file could not be parsed/m);
  });
});
