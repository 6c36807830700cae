/**
 * Who imports a file, found without resolving every specifier of the project (graph.ts resolves
 * only those that share a key with the file): the answer must be the one resolving every specifier
 * gives, through each way a specifier can name a file (an index folder, `.` and `..`, a `.js`
 * specifier for a `.ts` file, an extension left out of a dotted name, tsconfig `paths` and `baseUrl`,
 * a workspace package's `exports` renaming a subpath, its `main`), in the same order; and what is
 * resolved after the graph was built must still be checked against the disk.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importersOf, loadsComputedModules, namedByUnresolvedSpecifier } from '../../src/analysis/project/files/graph.js';
import { graphFixture } from './graph-fixture.js';
import { listSources, resolveModule } from '../../src/analysis/project/files/resolve.js';

const { temp, later } = graphFixture('memo-guard-importers-');

const write = (root: string, file: string, text: string): void => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
const names = (root: string, files: Iterable<string>): string[] => [...files].map((f) => path.relative(root, f));

/** Every file's importers as the whole graph has them: each specifier of each listed file resolved, in listing order. */
function fullGraph(root: string): Map<string, string[]> {
  const importers = new Map<string, string[]>();
  for (const file of listSources(root, 20_000).files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\b(?:from|import|require)\s*\(?\s*['"]([^'"\n]+)['"]/g)) {
      const target = match[1] === undefined ? undefined : resolveModule(match[1], file);
      if (target === undefined || target === file) continue;
      const list = importers.get(target) ?? [];
      if (!list.includes(file)) list.push(file);
      importers.set(target, list);
    }
  }
  return importers;
}

describe('importers found by key', () => {
  const root = path.join(temp, 'mono');
  write(root, 'package.json', JSON.stringify({ name: 'mono', private: true, workspaces: ['apps/*', 'packages/*'] }));
  // A package whose `exports` renames its subpaths, and whose `main` names its entry.
  write(root, 'packages/ui/package.json', JSON.stringify({ name: '@acme/ui', main: './src/entry.ts', exports: { '.': './src/entry.ts', './button': './src/widgets/push-control.tsx' } }));
  write(root, 'packages/ui/src/entry.ts', "export * from './widgets/push-control';\n");
  write(root, 'packages/ui/src/widgets/push-control.tsx', 'export const Button = 1;\n');
  // A package imported by a name no file has.
  write(root, 'packages/db/package.json', JSON.stringify({ name: '@acme/db', main: 'dist/index.js' }));
  write(root, 'packages/db/src/index.ts', 'export const db = 1;\n');
  write(root, 'apps/web/package.json', JSON.stringify({ name: 'web' }));
  write(root, 'apps/web/tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: 'src', paths: { '@/*': ['./*'], '#store': ['./server/persistence.ts'] } } }));
  write(root, 'apps/web/src/server/persistence.ts', 'export const store = 1;\n');
  write(root, 'apps/web/src/lib/index.ts', 'export const lib = 1;\n');
  write(root, 'apps/web/src/lib/format.ts', "import { lib } from '.';\nexport const format = lib;\n");
  write(root, 'apps/web/src/lib/deep/parse.ts', "import { lib } from '..';\nimport { format } from '../format.js';\nexport const parse = lib + format;\n");
  write(root, 'apps/web/src/user.service.ts', "import { lib } from './lib/';\nexport const user = lib;\n");
  // `./thing` names thing.ts, not thing.tsx; `./pkgdir` is a folder with a package.json (no index: not resolved).
  write(root, 'apps/web/src/thing.ts', 'export const thing = 1;\n');
  write(root, 'apps/web/src/thing.tsx', 'export const thing = 2;\n');
  write(root, 'apps/web/src/pkgdir/package.json', JSON.stringify({ main: 'entry.ts' }));
  write(root, 'apps/web/src/pkgdir/entry.ts', 'export const entry = 1;\n');
  write(
    root,
    'apps/web/src/page.tsx',
    [
      "import { user } from './user.service';",
      "import { thing } from './thing';",
      "import { entry } from './pkgdir';",
      "import { Button } from '@acme/ui/button';",
      "import * as ui from '@acme/ui';",
      "import { db } from '@acme/db';",
      "import { store } from '#store';",
      "const format = require('@/lib/format');",
      "const parse = () => import('lib/deep/parse');",
      "import { page } from './page';",
      'export const page = [user, thing, entry, Button, ui, db, store, format, parse];',
    ].join('\n'),
  );
  write(root, 'apps/web/src/other.ts', "import { store } from '@/server/persistence.js';\nimport { Button } from '../../../packages/ui/src/widgets/push-control';\n");

  it('gives every file the importers, in the order, that resolving every specifier gives', () => {
    const full = fullGraph(root);
    const at = (file: string): string => path.join(root, file);
    const files = listSources(root, 20_000).files;
    expect(files.length).toBe(13);
    for (const file of files) expect(names(root, importersOf(file)), file).toEqual(names(root, full.get(file) ?? []));
    // What the fixture is there for: each way of naming a file is seen.
    expect(new Set(names(root, importersOf(at('apps/web/src/lib/index.ts'))))).toEqual(new Set(['apps/web/src/lib/format.ts', 'apps/web/src/lib/deep/parse.ts', 'apps/web/src/user.service.ts']));
    expect(names(root, importersOf(at('apps/web/src/lib/format.ts'))).sort()).toEqual(['apps/web/src/lib/deep/parse.ts', 'apps/web/src/page.tsx']);
    expect(names(root, importersOf(at('apps/web/src/lib/deep/parse.ts')))).toEqual(['apps/web/src/page.tsx']);
    expect(names(root, importersOf(at('apps/web/src/user.service.ts')))).toEqual(['apps/web/src/page.tsx']);
    expect(names(root, importersOf(at('apps/web/src/thing.ts')))).toEqual(['apps/web/src/page.tsx']);
    expect(names(root, importersOf(at('apps/web/src/thing.tsx')))).toEqual([]);
    expect(names(root, importersOf(at('apps/web/src/pkgdir/entry.ts')))).toEqual([]);
    expect(names(root, importersOf(at('apps/web/src/server/persistence.ts'))).sort()).toEqual(['apps/web/src/other.ts', 'apps/web/src/page.tsx']);
    expect(names(root, importersOf(at('packages/ui/src/widgets/push-control.tsx'))).sort()).toEqual(['apps/web/src/other.ts', 'apps/web/src/page.tsx', 'packages/ui/src/entry.ts']);
    expect(names(root, importersOf(at('packages/ui/src/entry.ts')))).toEqual(['apps/web/src/page.tsx']);
    expect(names(root, importersOf(at('packages/db/src/index.ts')))).toEqual(['apps/web/src/page.tsx']);
    // A file importing itself is not its own importer.
    expect(names(root, importersOf(at('apps/web/src/page.tsx')))).toEqual([]);
  });
});

describe('importers resolved after the graph was built', () => {
  it('sees a new import once the check is due', () => {
    const root = path.join(temp, 'fresh');
    write(root, 'package.json', JSON.stringify({ name: 'fresh' }));
    write(root, 'src/a.ts', "import { b } from './b';\nexport const a = b;\n");
    write(root, 'src/b.ts', 'export const b = 1;\n');
    write(root, 'src/c.ts', 'export const c = 1;\n');
    const b = path.join(root, 'src/b.ts');
    const c = path.join(root, 'src/c.ts');
    expect(names(root, importersOf(b))).toEqual(['src/a.ts']);
    // Asked after the build: resolved then.
    expect(names(root, importersOf(c))).toEqual([]);
    write(root, 'src/a.ts', "import { b } from './b';\nimport { c } from './c.js';\nexport const a = b + c;\n");
    later();
    expect(names(root, importersOf(c))).toEqual(['src/a.ts']);
  });

  it('checks what resolving for it read after the build, though resolution has since forgotten it', () => {
    const root = path.join(temp, 'late');
    write(root, 'package.json', JSON.stringify({ name: 'late' }));
    // `build` is not listed: only resolving `./build/gen` reads it, and only when asked about its files.
    write(root, 'src/main.ts', "import { gen } from './build/gen';\nexport const main = gen;\n");
    write(root, 'src/build/gen.tsx', 'export const gen = 1;\n');
    const main = path.join(root, 'src/main.ts');
    const genTsx = path.join(root, 'src/build/gen.tsx');
    const genTs = path.join(root, 'src/build/gen.ts');
    expect(names(root, importersOf(main))).toEqual([]);
    expect(names(root, importersOf(genTsx))).toEqual(['src/main.ts']);
    expect(names(root, importersOf(genTs))).toEqual([]);
    // Another project's graph: resolution forgets what it read.
    write(temp, 'other/package.json', JSON.stringify({ name: 'other' }));
    write(temp, 'other/x.ts', 'export const x = 1;\n');
    importersOf(path.join(temp, 'other/x.ts'));
    // `./build/gen` now means gen.ts, which comes first.
    write(root, 'src/build/gen.ts', 'export const gen = 2;\n');
    later();
    expect(names(root, importersOf(genTs))).toEqual(['src/main.ts']);
    expect(names(root, importersOf(genTsx))).toEqual([]);
  });
});

describe('specifiers that may name a file the graph cannot resolve', () => {
  const root = path.join(temp, 'aliases');
  const lib = path.join(root, 'src/lib/stripe.ts');
  it('counts an alias nothing configures that ends in the file name, not a package the importer declares or one that resolves elsewhere', () => {
    write(root, 'package.json', JSON.stringify({ name: 'web', private: true, dependencies: { stripe: '^14.0.0', '@acme/stripe': '^1.0.0' } }));
    write(root, 'src/lib/stripe.ts', 'export const s = 1;\n');
    write(root, 'src/other/stripe.ts', 'export const o = 1;\n');
    // A package by its bare name, a declared scoped package's subpath, and a relative path to the other `stripe`.
    write(root, 'src/server.ts', "import Stripe from 'stripe';\nimport { x } from '@acme/stripe/stripe';\nimport { o } from './other/stripe';\n");
    expect(namedByUnresolvedSpecifier(lib)).toBe(false);
    // `~/lib/stripe`: no tsconfig `paths` says what `~` is.
    write(root, 'src/pay.ts', "import { s } from '~/lib/stripe';\n");
    later();
    expect(namedByUnresolvedSpecifier(lib)).toBe(true);
    expect(importersOf(lib).size).toBe(0);
  });
});

describe('where computed loads may reach', () => {
  const root = path.join(temp, 'computed');
  it('reaches only the folder a written start names, and anywhere when the start is not written out', () => {
    write(root, 'package.json', JSON.stringify({ name: 'web', private: true }));
    write(root, 'src/lib/stripe.ts', 'export const s = 1;\n');
    write(root, 'src/routes/users.ts', 'export const u = 1;\n');
    write(root, 'src/i18n.ts', 'export const messages = (l: string) => import(`./messages/${l}.json`);\nexport const page = import(`./static-page`);\n');
    write(root, 'src/router.ts', "export const route = (name: string) => import('./routes/' + name);\n");
    expect(loadsComputedModules(path.join(root, 'src/lib/stripe.ts'))).toBe(false);
    expect(loadsComputedModules(path.join(root, 'src/routes/users.ts'))).toBe(true);
    write(root, 'src/plugins.ts', 'export const plugin = (name: string) => require(name);\n');
    later();
    expect(loadsComputedModules(path.join(root, 'src/lib/stripe.ts'))).toBe(true);
  });
  it('is no load: the word in prose or a template (`for import (${today})`), or a method named import', () => {
    // Set 44 (triangle-trade's research agent): a prompt saying "tariff rates for import (${today})" made every file loadable.
    const prose = path.join(temp, 'computed-prose');
    write(prose, 'package.json', JSON.stringify({ name: 'web', private: true }));
    write(prose, 'src/lib/stripe.ts', 'export const s = 1;\n');
    write(prose, 'src/agent.ts', 'export const prompt = (today: string) => `Research current tariff rates for import (${today}).`;\n');
    write(prose, 'src/importer.ts', 'export class Importer { async import(rows: unknown[]) { return rows; } }\nexport const run = (i: Importer, rows: unknown[]) => i.import(rows);\n');
    expect(loadsComputedModules(path.join(prose, 'src/lib/stripe.ts'))).toBe(false);
  });
  it("leaves out a test's or a script's computed loads, which run only there", () => {
    // Set 54 (bike-app-astro): `require(name)` in a test made every module loadable, so a helper only
    // tests import (`tests/pipeline/ottawa-pipeline.ts`) was taken as one a request may load.
    const tests = path.join(temp, 'computed-tests');
    write(tests, 'package.json', JSON.stringify({ name: 'web', private: true }));
    write(tests, 'src/lib/stripe.ts', 'export const s = 1;\n');
    write(tests, 'tests/loads.test.ts', 'export const load = (name: string) => require(name);\n');
    write(tests, 'scripts/seed.ts', 'export const run = (file: string) => import(file);\n');
    expect(loadsComputedModules(path.join(tests, 'src/lib/stripe.ts'))).toBe(false);
    write(tests, 'src/plugins.ts', 'export const plugin = (name: string) => require(name);\n');
    later();
    expect(loadsComputedModules(path.join(tests, 'src/lib/stripe.ts'))).toBe(true);
  });
});

describe('computed loads in a workspace', () => {
  it("reach only the files of the loading file's own package; a package-less file's reach anywhere", () => {
    // Set 57 (cronium): `require(croniumPath)` in a container image's health check made the web app's unimported provider loadable.
    const workspace = path.join(temp, 'computed-workspace');
    write(workspace, 'package.json', JSON.stringify({ name: 'mono', private: true, workspaces: ['apps/*'] }));
    write(workspace, 'apps/web/package.json', JSON.stringify({ name: 'web', private: true }));
    write(workspace, 'apps/web/src/components/QueryProvider.tsx', 'export const p = 1;\n');
    write(workspace, 'apps/runtime/package.json', JSON.stringify({ name: 'runtime', private: true }));
    write(workspace, 'apps/runtime/healthcheck.js', 'const sdk = process.env.SDK;\nrequire(sdk);\n');
    write(workspace, 'apps/runtime/lib/sdk.js', 'module.exports = {};\n');
    expect(loadsComputedModules(path.join(workspace, 'apps/web/src/components/QueryProvider.tsx'))).toBe(false);
    expect(loadsComputedModules(path.join(workspace, 'apps/runtime/lib/sdk.js'))).toBe(true);
    write(workspace, 'tools/load.js', 'module.exports = (name) => require(name);\n');
    later();
    expect(loadsComputedModules(path.join(workspace, 'apps/web/src/components/QueryProvider.tsx'))).toBe(true);
  });
});

describe('imports on commented-out lines', () => {
  // Set 55 (citation-network-explorer): `//app.post('/ms', require('./routes/ms/search'));` in server.js
  // made the route module look mounted. A line of a comment imports nothing; code after a `//` inside
  // a string on the same line (`const u = 'http://x'; require('./live')`) still does.
  const root = path.join(temp, 'commented');
  it('leaves out imports on lines that start a comment or continue a block comment', () => {
    write(root, 'package.json', JSON.stringify({ name: 'web', private: true }));
    for (const name of ['line', 'block', 'body', 'live']) write(root, `src/${name}.js`, `module.exports = '${name}';\n`);
    write(
      root,
      'src/server.js',
      [
        "//app.post('/ms', require('./line'));",
        "/* const b = require('./block'); */",
        '/**',
        " * import('./body') once the feature ships",
        ' */',
        "const url = 'http://localhost'; const live = require('./live');",
      ].join('\n'),
    );
    const importers = (name: string): string[] => names(root, importersOf(path.join(root, `src/${name}.js`)));
    expect([importers('line'), importers('block'), importers('body'), importers('live')]).toEqual([[], [], [], ['src/server.js']]);
  });
});

describe('folders the listing leaves out', () => {
  const root = path.join(temp, 'copied-deps');
  it('does not list a copy of the dependencies folder (node_modules 2, node_modules_old) nor node_modules itself', () => {
    write(root, 'package.json', JSON.stringify({ name: 'web', private: true }));
    write(root, 'src/app.js', "module.exports = 'app';\n");
    write(root, 'client/node_modules 2/pkg/async.cjs', "module.exports = 'copy';\n");
    write(root, 'client/node_modules_old/pkg/index.js', "module.exports = 'old';\n");
    write(root, 'client/node_modules/pkg/index.js', "module.exports = 'dep';\n");
    write(root, 'client/src/node_modules_helper.js', "module.exports = 'mine';\n");
    expect(names(root, listSources(root, 100).files).sort()).toEqual(['client/src/node_modules_helper.js', 'src/app.js']);
  });
});
