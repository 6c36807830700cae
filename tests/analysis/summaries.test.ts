/**
 * The project index's summaries of other files: what one holds (read from real files on disk), and
 * the summary cache across processes: a later process reads an entry instead of parsing, and an
 * entry that is corrupt, written for another key or of the wrong shape is ignored and rebuilt.
 * The processes are real `node` processes running the built plugin (`npm test` builds first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { reachSummaryOf, summaryOf } from '../../src/analysis/project/summaries/summary-store.js';
import { isReachSummary } from '../../src/analysis/project/summaries/summary-shape.js';
import { projectIndex } from '../../src/analysis/project/project-index.js';
import { readSettings } from '../../src/analysis/catalog/settings.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const store = pathToFileURL(path.join(repo, 'dist/src/analysis/project/summaries/summary-store.js')).href;
const settingsModule = pathToFileURL(path.join(repo, 'dist/src/analysis/catalog/settings.js')).href;

const temp = mkdtempSync(path.join(tmpdir(), 'memo-guard-summaries-'));
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

const SOURCE = `
import { makeLimiter } from './limiter';
import * as tools from './tools';
import memoize from 'lodash/memoize';
import { wrap } from './wrap';
export const limiter = makeLimiter();
tools.setup.run();
export function handler() { return makeLimiter(); }
export const byId = memoize((id) => id);
export { a as b } from './a';
export * from './all';
export * as ns from './ns';
const local = 3;
export { local };
export const wrapped = (fn) => wrap(fn);
`;

function project(name: string): string {
  const dir = path.join(temp, name);
  execFileSync('mkdir', ['-p', path.join(dir, 'src')]);
  writeFileSync(path.join(dir, 'package.json'), '{"name":"p"}');
  writeFileSync(path.join(dir, 'src/service.js'), SOURCE);
  return path.join(dir, 'src/service.js');
}

/** The summary as a fresh process sees it, with the cache in `cacheDir` (or `false`). */
function summaryInProcess(file: string, cacheDir: string | false, cwd = repo): { exports: string[] } | null {
  const script = `
    const { summaryOf } = await import(${JSON.stringify(store)});
    const { readSettings } = await import(${JSON.stringify(settingsModule)});
    const settings = readSettings({ 'memo-guard': { summaryCache: ${JSON.stringify(cacheDir)} } });
    console.log(JSON.stringify(summaryOf(${JSON.stringify(file)}, settings) ?? null));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8' })) as { exports: string[] } | null;
}

function entries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
}

describe('file summaries', () => {
  const file = project('content');
  const summary = summaryOf(file, readSettings({ 'memo-guard': { summaryCache: false } }));

  it('records what each imported name is called for while the module loads', () => {
    const byLocal = new Map(summary?.imports.map((i) => [i.local, i]));
    // `makeLimiter()` at the top, and again inside `handler` (which does not count).
    expect(byLocal.get('makeLimiter')).toEqual({ local: 'makeLimiter', module: './limiter', export: 'makeLimiter', moduleLevel: { direct: true, members: [] } });
    // `tools.setup.run()`: a call through the namespace, of its member `run`.
    expect(byLocal.get('tools')?.moduleLevel).toEqual({ direct: false, members: ['run'] });
    // `wrap` is called only inside a function; `memoize` only as the callee of an exported call.
    expect(byLocal.get('wrap')?.moduleLevel).toBeUndefined();
    expect(byLocal.get('memoize')?.moduleLevel).toEqual({ direct: true, members: [] });
  });

  it('keeps exported calls with their callee, and other values as "other"', () => {
    expect(summary?.values.byId).toEqual({ known: true, import: { module: 'lodash/memoize', export: 'default' } });
    expect(summary?.values.limiter).toEqual({ known: false, import: { module: './limiter', export: 'makeLimiter' } });
    expect(summary?.values.local).toBe('other');
    expect(summary?.values.handler).toBe('other');
    // A re-exported name has no value of the file's own.
    expect(summary?.values).not.toHaveProperty('b');
  });

  it('keeps re-exports in order, and a wrapper around a project import as one to look up', () => {
    expect(summary?.reexports).toEqual([
      { kind: 'named', module: './a', imported: 'a', exported: 'b' },
      { kind: 'all', module: './all' },
      { kind: 'named', module: './ns', imported: '*', exported: 'ns' },
    ]);
    expect(summary?.memoizers.wrapped).toEqual([{ wrapper: [{ module: './wrap', export: 'wrap' }] }]);
    expect(summary?.exports).toEqual(expect.arrayContaining(['limiter', 'handler', 'byId', 'local', 'wrapped']));
  });

  it('is plain data: it survives JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('is undefined for a file that does not parse or does not exist', () => {
    const broken = path.join(path.dirname(file), 'broken.js');
    writeFileSync(broken, 'export const = ;');
    const settings = readSettings({ 'memo-guard': { summaryCache: false } });
    expect(summaryOf(broken, settings)).toBeUndefined();
    expect(summaryOf(path.join(path.dirname(file), 'missing.js'), settings)).toBeUndefined();
  });
});

describe('the summary cache', () => {
  it('a later process reads the entry another wrote instead of parsing', () => {
    const file = project('reuse');
    const cache = path.join(temp, 'cache-reuse');
    const first = summaryInProcess(file, cache);
    const written = entries(cache);
    expect(written).toHaveLength(1);
    expect(first?.exports).toContain('limiter');
    // Mark the entry: a process that parses would not see the mark, one that reads the entry does.
    const entry = JSON.parse(readFileSync(written[0] ?? '', 'utf8')) as { key: string; summary: { exports: string[] } };
    entry.summary.exports = ['marked'];
    writeFileSync(written[0] ?? '', JSON.stringify(entry));
    expect(summaryInProcess(file, cache)?.exports).toEqual(['marked']);
  });

  it.each([
    ['unreadable JSON', (): string => '{"key": "trunc'],
    ['an entry for another key', (text: string): string => JSON.stringify({ ...(JSON.parse(text) as object), key: 'f'.repeat(64) })],
    ['the wrong shape', (text: string): string => JSON.stringify({ ...(JSON.parse(text) as object), summary: { exports: 5 } })],
  ])('an entry with %s is ignored and rebuilt', (_name, tamper) => {
    const file = project(`tamper-${String(_name.length)}`);
    const cache = path.join(temp, `cache-${String(_name.length)}`);
    const good = summaryInProcess(file, cache);
    const [written] = entries(cache);
    writeFileSync(written ?? '', tamper(readFileSync(written ?? '', 'utf8')));
    expect(summaryInProcess(file, cache)).toEqual(good);
    // Rebuilt in place: the entry is whole again.
    expect((JSON.parse(readFileSync(written ?? '', 'utf8')) as { summary: unknown }).summary).toEqual(good);
  });

  it('summaryCache: false writes nothing', () => {
    const file = project('off');
    // Run where the default folder would be used: a working directory with a node_modules folder.
    const cwd = path.dirname(path.dirname(file));
    execFileSync('mkdir', ['-p', path.join(cwd, 'node_modules')]);
    expect(summaryInProcess(file, false, cwd)?.exports).toContain('limiter');
    expect(existsSync(path.join(cwd, 'node_modules/.cache'))).toBe(false);
    // The same process without the setting writes to the default folder.
    summaryInProcess(file, undefined as unknown as false, cwd);
    expect(entries(path.join(cwd, 'node_modules/.cache/memo-guard'))).toHaveLength(1);
  });

  it('a cache folder that cannot be written leaves the summary in memory and says nothing', () => {
    const file = project('readonly');
    // A file where the folder should be: every write fails.
    const blocked = path.join(temp, 'blocked');
    writeFileSync(blocked, '');
    expect(summaryInProcess(file, path.join(blocked, 'cache'))?.exports).toContain('limiter');
  });
});

describe('reach summaries', () => {
  const dir = path.join(temp, 'reach');
  execFileSync('mkdir', ['-p', path.join(dir, 'src')]);
  writeFileSync(path.join(dir, 'package.json'), '{"name":"r","dependencies":{"express":"^4.0.0"}}');
  writeFileSync(path.join(dir, 'src/users.js'), 'const cache = new Map();\nexport function getUser(id) { if (!cache.has(id)) cache.set(id, { id }); return cache.get(id); }\n');
  const routes = path.join(dir, 'src/routes.js');
  writeFileSync(
    routes,
    [
      "import express from 'express';",
      "import { getUser } from './users';",
      'const app = express();',
      "app.get('/users/:id', (req, res) => res.json(getUser(req.params.id)));",
      'export function warm() { return getUser(7); }',
      'app.listen(3000);',
    ].join('\n'),
  );
  const settings = readSettings({ 'memo-guard': { summaryCache: false } });
  const reach = reachSummaryOf(routes, settings, (f) => projectIndex.fileModel(f, settings));
  const callsOfGetUser = reach?.calls.filter((c) => c.callee.kind === 'name' && c.callee.name === 'getUser') ?? [];

  it('keeps each call of an imported name with its line, its function and where its arguments come from', () => {
    expect(callsOfGetUser.map((c) => c.line)).toEqual([4, 5]);
    // Line 4: inside the route handler, keyed by a route parameter; `req.params.id` starts from the handler's parameter 0.
    expect(callsOfGetUser[0]).toMatchObject({ onPath: true, grows: [true], params: [0] });
    // Line 5: in `warm`, off every handler, keyed by a constant.
    expect(callsOfGetUser[1]).toMatchObject({ onPath: false, grows: [false] });
    const warm = reach?.functions[callsOfGetUser[1]?.fn ?? -1];
    expect(warm).toMatchObject({ name: 'warm', holder: -1, hooks: [{ exportName: 'warm' }] });
  });

  it('is checked like a file summary: numbers that point outside its functions are refused', () => {
    expect(isReachSummary(JSON.parse(JSON.stringify(reach)))).toBe(true);
    const broken = JSON.parse(JSON.stringify(reach)) as { calls: { fn: number }[] };
    const first = broken.calls[0];
    if (first) first.fn = 999;
    expect(isReachSummary(broken)).toBe(false);
  });
});
