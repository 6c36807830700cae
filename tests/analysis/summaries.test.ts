/**
 * The project index's summaries of other files: what one holds (read from a real file on disk), and
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
import { summaryOf } from '../../src/analysis/project/summaries/summary-store.js';
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
function summaryInProcess(file: string, cacheDir: string | false): { exports: string[] } | null {
  const script = `
    const { summaryOf } = await import(${JSON.stringify(store)});
    const { readSettings } = await import(${JSON.stringify(settingsModule)});
    const settings = readSettings({ 'memo-guard': { summaryCache: ${JSON.stringify(cacheDir)} } });
    console.log(JSON.stringify(summaryOf(${JSON.stringify(file)}, settings) ?? null));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8' })) as { exports: string[] } | null;
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
    const cache = path.join(temp, 'cache-off');
    expect(summaryInProcess(file, false)?.exports).toContain('limiter');
    expect(existsSync(cache)).toBe(false);
    expect(entries(path.join(repo, 'node_modules/.cache/memo-guard')).some((f) => readFileSync(f, 'utf8').includes('"limiter"'))).toBe(false);
  });

  it('a cache folder that cannot be written leaves the summary in memory and says nothing', () => {
    const file = project('readonly');
    // A file where the folder should be: every write fails.
    const blocked = path.join(temp, 'blocked');
    writeFileSync(blocked, '');
    expect(summaryInProcess(file, path.join(blocked, 'cache'))?.exports).toContain('limiter');
  });
});
