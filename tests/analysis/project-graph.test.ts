/**
 * The project's import graph over time: built once while the tree is unchanged (a long lint asks
 * for importers for minutes), and rebuilt, once it is a few seconds old, when a file or folder it
 * was read from changed (an editor session sees new, edited and removed imports, and a package
 * added to the workspace).
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { importersOf } from '../../src/analysis/project/files/graph.js';
import { graphFixture } from './graph-fixture.js';

const { temp, later } = graphFixture('memo-guard-graph-');

const write = (file: string, text: string): void => {
  mkdirSync(path.dirname(path.join(temp, file)), { recursive: true });
  writeFileSync(path.join(temp, file), text);
};
const names = (set: ReadonlySet<string>): string[] => [...set].map((f) => path.relative(temp, f)).sort();

describe('import graph freshness', () => {
  it('is kept while nothing changes and rebuilt when a file or folder it read changes', () => {
    write('package.json', JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }));
    write('src/a.ts', 'export const a = 1;\n');
    write('src/b.ts', "import { a } from './a';\nexport const b = a;\n");
    const a = path.join(temp, 'src/a.ts');
    const first = importersOf(a);
    expect(names(first)).toEqual(['src/b.ts']);

    // Nothing changed: the same graph, checked and kept.
    later();
    expect(importersOf(a)).toBe(first);

    // A new importer.
    write('src/c.ts', "import { a } from './a.js';\nexport const c = a;\n");
    expect(names(importersOf(a))).toEqual(['src/b.ts']); // not yet: the graph is younger than its age limit
    later();
    expect(names(importersOf(a))).toEqual(['src/b.ts', 'src/c.ts']);

    // An importer edited to drop the import, another removed.
    write('src/b.ts', 'export const b = 2; // no import any more\n');
    unlinkSync(path.join(temp, 'src/c.ts'));
    later();
    expect(names(importersOf(a))).toEqual([]);

    // A workspace package added: a specifier that did not resolve now does.
    write('src/d.ts', "import { u } from '@acme/util';\nexport const d = u;\n");
    const util = path.join(temp, 'packages/util/src/index.ts');
    later();
    expect(names(importersOf(util))).toEqual([]);
    write('packages/util/package.json', JSON.stringify({ name: '@acme/util', main: 'src/index.ts' }));
    write('packages/util/src/index.ts', 'export const u = 1;\n');
    later();
    expect(names(importersOf(util))).toEqual(['src/d.ts']);
  });
});

describe('memoized exports read through barrels', () => {
  it('sees an export added behind a barrel once the text is checked again', async () => {
    const { projectIndex } = await import('../../src/analysis/project/project-index.js');
    const { readSettings } = await import('../../src/analysis/catalog/settings.js');
    const settings = readSettings({ 'memo-guard': { summaryCache: false } });
    write('barrel/package.json', JSON.stringify({ name: 'barrel' }));
    write('barrel/memo.ts', "import memoize from 'lodash/memoize';\nexport const price = memoize((id: string) => id);\n");
    write('barrel/index.ts', "export * from './memo';\n");
    write('barrel/app.ts', "import { price, total } from './index';\nprice('a');\ntotal({ id: 1 });\n");
    const app = path.join(temp, 'barrel/app.ts');
    const bindings = (): string[] => {
      const model = projectIndex.fileModel(app, settings);
      return model ? [...projectIndex.importedMemoizedBindings(model).keys()].sort() : [];
    };
    expect(bindings()).toEqual(['price']);
    write('barrel/memo.ts', "import memoize from 'lodash/memoize';\nexport const price = memoize((id: string) => id);\nexport const total = memoize((order: { id: number }) => order.id);\n");
    write('barrel/app.ts', "import { price, total } from './index';\nprice('b');\ntotal({ id: 2 });\n");
    later();
    expect(bindings()).toEqual(['price', 'total']);
  });
});

describe('a name looked up through `export *` barrels', () => {
  it('reads only the re-exported modules that name it or re-export whole, and the first that has it wins', async () => {
    const { projectIndex } = await import('../../src/analysis/project/project-index.js');
    const { readSettings } = await import('../../src/analysis/catalog/settings.js');
    const settings = readSettings({ 'memo-guard': { summaryCache: false } });
    write('stars/package.json', JSON.stringify({ name: 'stars' }));
    write('stars/unrelated.ts', 'export const clamp = (n: number) => Math.max(0, n);\n');
    write('stars/plain.ts', 'export function label(id: string) { return id; }\n');
    write('stars/deep/rate.ts', "import memoize from 'lodash/memoize';\nexport const rate = memoize((order: { id: number }) => order.id);\n");
    write('stars/deep/index.ts', "export * from './rate';\n");
    write('stars/memo-label.ts', "import memoize from 'lodash/memoize';\nexport const label = memoize((row: { id: number }) => row.id);\n");
    // `label` is in two modules: the first `export *` that has it gives it (a plain function here).
    write('stars/index.ts', "export * from './unrelated';\nexport * from './plain';\nexport * from './memo-label';\nexport * from './deep';\n");
    write('stars/app.ts', "import { rate, label } from './index';\nrate({ id: 1 });\nlabel({ id: 2 });\n");
    const asked: string[] = [];
    const { summaryOf } = await import('../../src/analysis/project/summaries/summary-store.js');
    vi.spyOn(projectIndex, 'summaryOf').mockImplementation((file, s) => {
      asked.push(path.relative(path.join(temp, 'stars'), file));
      return summaryOf(file, s);
    });
    const model = projectIndex.fileModel(path.join(temp, 'stars/app.ts'), settings);
    expect(model).toBeDefined();
    const bindings = model ? projectIndex.importedMemoizedBindings(model) : undefined;
    expect([...(bindings?.keys() ?? [])]).toEqual(['rate']);
    expect(bindings?.get('rate')?.keysByIdentity).toBe(true);
    // Three levels down through a barrel that re-exports whole; `unrelated.ts` names neither export.
    expect(asked).toContain('deep/rate.ts');
    expect(asked).not.toContain('unrelated.ts');
  });
});

describe('specifiers under a tsconfig baseUrl', () => {
  it('resolves what the baseUrl folder holds, a .js specifier to its .ts source, and nothing for a library name', async () => {
    const { resolveModule } = await import('../../src/analysis/project/files/resolve.js');
    write('based/package.json', JSON.stringify({ name: 'based' }));
    write('based/tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: 'src' } }));
    write('based/src/lib/db.ts', 'export const db = 1;\n');
    write('based/src/format.ts', 'export const format = 1;\n');
    write('based/src/pages/home.tsx', "import { db } from 'lib/db';\n");
    const from = path.join(temp, 'based/src/pages/home.tsx');
    expect(resolveModule('lib/db', from)).toBe(path.join(temp, 'based/src/lib/db.ts'));
    expect(resolveModule('format.js', from)).toBe(path.join(temp, 'based/src/format.ts'));
    expect(resolveModule('format', from)).toBe(path.join(temp, 'based/src/format.ts'));
    expect(resolveModule('react', from)).toBeUndefined();
    expect(resolveModule('lib/missing', from)).toBeUndefined();
  });
});

describe('a pnpm monorepo checked out without its pnpm-workspace.yaml', () => {
  // Only the sources, package.json and tsconfig files were laid out. The root's package.json says pnpm
  // manages it (`packageManager`), so its packages are found by looking for package.json files below.
  // A folder of its own: the shared one is a workspace root (its package.json names `workspaces`).
  const own = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-pnpm-'));
  afterAll(() => {
    rmSync(own, { recursive: true, force: true });
  });
  const put = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(own, file)), { recursive: true });
    writeFileSync(path.join(own, file), text);
  };
  it('resolves a package by name, subpath exports included, from another package', async () => {
    const { resolveModule } = await import('../../src/analysis/project/files/resolve.js');
    put('pnpm-mono/package.json', JSON.stringify({ name: 'mono', private: true, packageManager: 'pnpm@9.0.0' }));
    put('pnpm-mono/packages/utils/package.json', JSON.stringify({ name: '@mono/utils', exports: { '.': './src/index.ts', './token': './src/token.ts' } }));
    put('pnpm-mono/packages/utils/src/index.ts', 'export const x = 1;\n');
    put('pnpm-mono/packages/utils/src/token.ts', 'export async function initTokenizer() {}\n');
    put('pnpm-mono/apps/api/package.json', JSON.stringify({ name: 'api', dependencies: { '@mono/utils': 'workspace:*' } }));
    put('pnpm-mono/apps/api/src/main.ts', "import { initTokenizer } from '@mono/utils/token';\nawait initTokenizer();\n");
    const main = path.join(own, 'pnpm-mono/apps/api/src/main.ts');
    const token = path.join(own, 'pnpm-mono/packages/utils/src/token.ts');
    expect(resolveModule('@mono/utils/token', main)).toBe(token);
    expect(resolveModule('@mono/utils', main)).toBe(path.join(own, 'pnpm-mono/packages/utils/src/index.ts'));
    expect([...importersOf(token)]).toEqual([main]);
  });
  it('resolves a subpath through an exports pattern with a star, the longest prefix first', async () => {
    // theater's shared package: \`"./queries/*": "./lib/queries/*.ts"\`.
    const { resolveModule } = await import('../../src/analysis/project/files/resolve.js');
    put('star-mono/package.json', JSON.stringify({ name: 'star', private: true, workspaces: ['shared', 'web'] }));
    put('star-mono/shared/package.json', JSON.stringify({ name: '@star/shared', exports: { './db': './lib/db/index.ts', './queries/*': './lib/queries/*.ts', './queries/admin/*': './lib/admin/*.ts', './*': './other/*.ts' } }));
    put('star-mono/shared/lib/queries/pages.ts', 'export async function getPageBySlug() {}\n');
    put('star-mono/shared/lib/admin/users.ts', 'export const users = [];\n');
    put('star-mono/shared/lib/db/index.ts', 'export const db = {};\n');
    put('star-mono/web/package.json', JSON.stringify({ name: 'web', dependencies: { '@star/shared': '*' } }));
    put('star-mono/web/app/page.ts', "import { getPageBySlug } from '@star/shared/queries/pages';\n");
    const page = path.join(own, 'star-mono/web/app/page.ts');
    expect(resolveModule('@star/shared/queries/pages', page)).toBe(path.join(own, 'star-mono/shared/lib/queries/pages.ts'));
    expect(resolveModule('@star/shared/queries/admin/users', page)).toBe(path.join(own, 'star-mono/shared/lib/admin/users.ts'));
    expect(resolveModule('@star/shared/db', page)).toBe(path.join(own, 'star-mono/shared/lib/db/index.ts'));
    // No file behind the pattern's target: nothing.
    expect(resolveModule('@star/shared/queries/missing', page)).toBeUndefined();
  });
  it('does not look below a root pnpm does not manage', async () => {
    const { resolveModule } = await import('../../src/analysis/project/files/resolve.js');
    put('plain-repo/package.json', JSON.stringify({ name: 'plain', private: true }));
    put('plain-repo/packages/utils/package.json', JSON.stringify({ name: '@plain/utils', main: 'src/index.ts' }));
    put('plain-repo/packages/utils/src/index.ts', 'export const x = 1;\n');
    put('plain-repo/apps/api/package.json', JSON.stringify({ name: 'api' }));
    put('plain-repo/apps/api/src/main.ts', "import { x } from '@plain/utils';\n");
    expect(resolveModule('@plain/utils', path.join(own, 'plain-repo/apps/api/src/main.ts'))).toBeUndefined();
  });
});
