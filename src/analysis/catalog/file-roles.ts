/** Folders and name suffixes of tests, mocks, benchmarks, end-to-end suites and stories. */
const testFolders = [
  '__tests?__', '__mocks?__', 'mocks', 'test', 'spec', 'e2e', 'bench', 'benchmarks?', 'cypress', 'playwright', 'integration-tests?', 'testkit', 'test-utils?', 'test-helpers?', 'test-support',
  // A suite's folder named with a separator: `playwright_tests_new/`, `e2e-tests/`, `api_tests/`, `tests-e2e/` (not `tests-runner/`, an app's feature).
  '(?:playwright|cypress|e2e)[-_][\\w-]+', '[\\w-]+[-_](?:tests?|e2e)',
];
/**
 * Code beside the product that nothing deploys: example and demo projects (`examples/`,
 * `apps/examples/`, `services/api/example/http-backend.ts`, `demo/`) and code marked as stopped
 * (`discontinued/`). Not an app's route folder (`app/examples/page.tsx`, `pages/demo/`), which serves,
 * nor an example project in a `tests/` folder, which stands for shipped code.
 */
const unshippedFolders = ['(?<!(?:^|\\/)(?:app|pages|routes|tests)\\/(?:[^/]+\\/)*)(?:examples?|demos?)', 'discontinued'];
/** `*.test.ts`, and the suites named by their kind: `*.unit.ts`, `*.integration.ts`, NestJS's `*.e2e-spec.ts`. */
const testSuffixes = ['tests?', 'spec', 'bench', 'e2e', 'e2e-spec', 'unit', 'integration', 'stories'];

/**
 * A `tests/` folder below the top of a project (`src/graphql/tests/util.ts`). One at the top is not
 * matched: its test files match by name, and it often holds whole example projects (this package's
 * own corpus) that stand for shipped code.
 */
const nestedTestFolder = '[^/]\\/tests\\/';

/**
 * A test suite's own folder inside a `tests/` at the top of a project (`tests/unit/`, `tests/api/fixtures/`,
 * `tests/functional/`): the suites and the helpers they share. Other folders there may be example
 * projects and are still read.
 */
const topTestSuiteFolder = '^tests\\/(?:unit|integration|functional|api|e2e|acceptance|system|smoke|fixtures?|helpers?|utils?|support|mocks?|setup)\\/';

/** A stand-in named as one (`outbound-mock-r2.server.ts`, `payments.mock.ts`); not `mock.js` or `mock-server.js`, which may be a mock service's own code. */
const mockFileName = '[.-]mock[.-][^/]*$';

/**
 * A test runner's own set-up or hooks file, by its name (`test-setup.ts`, `setupTests.js`,
 * `jest.setup.ts`, `vitest-setup.mjs`, `global-setup.ts`, `test-hooks.ts`): it runs only under the
 * runner, wherever it sits.
 */
const harnessFileName = '(?:^|\\/)(?:[tT]ests?[-_.]?(?:[sS]etup|[hH]ooks|[tT]eardown)|setup[-_.]?[tT]ests?|(?:jest|vitest|mocha|karma|ava|playwright)[-_.](?:setup|teardown|global[-_]?[sS]etup)|global[-_.]?(?:[sS]etup|[tT]eardown))\\.[cm]?[jt]sx?$';

/** A path (inside its project) in one of `folders`, a nested `tests/` or a suite folder of a top one, named `*.<suffix>.js` (and .ts, .jsx, …), a mock or a test runner's set-up file by name. */
function pathPattern(folders: readonly string[], suffixes: readonly string[]): RegExp {
  return new RegExp(`(?:^|\\/)(?:${folders.join('|')})\\/|${nestedTestFolder}|${topTestSuiteFolder}|${mockFileName}|${harnessFileName}|\\.(?:${suffixes.join('|')})\\.[cm]?[jt]sx?$`);
}

/**
 * Files that never serve requests, by their path inside the project: tests, mocks, benchmarks,
 * end-to-end suites, stories, and example, demo and discontinued code. A handler-shaped function
 * there is a test double or a demonstration.
 */
export const nonRequestFilePattern = pathPattern([...testFolders, ...unshippedFolders], testSuffixes);

/**
 * Files that never serve at all: the above, and fixtures, stories, one-shot scripts, database seeds and
 * migrations (run once by `knex seed:run`, `sequelize db:migrate`) and command-line entry points. A
 * cache there lives for one run of a test or a command; the strict rules leave them alone.
 * A `tests/` folder at the top of a project is not in the list (see `nestedTestFolder`).
 */
export const oneShotFilePattern = pathPattern(
  [...testFolders, ...unshippedFolders, '__fixtures__', 'fixtures?', 'mocks?', 'stories', 'storybook', '\\.storybook', 'scripts?', 'bin', 'seeds?', 'seeders?', 'migrations?'],
  [...testSuffixes, 'benchmark', 'story', 'fixture'],
);

/** A command-line program's folder inside its project (`bin/cli.js`, `source/bin/exports.js`, `cli/`, `targets/alert-cli/`, `packages/cli-config/`). */
export const commandFolderPattern = /(?:^|\/)(?:bin|cli|[\w.]+-cli|cli-[\w.-]+)\//;

/** Argument parsers a command-line program is built on: a private package that needs one at run time is a command. */
export const commandLineParsers: readonly string[] = ['yargs', 'commander', 'cac', 'meow', '@oclif/core', 'oclif', 'sade', 'clipanion', 'citty', 'cmd-ts'];

/**
 * Packages of programs that keep running after they start, besides servers (`serverPackages`):
 * sockets, GraphQL and RPC servers, queue workers, schedulers and chat bots. A package declaring one
 * is not a one-shot command, whatever parses its arguments.
 */
export const longRunningPackages: readonly string[] = [
  'ws', 'socket.io', '@apollo/server', 'apollo-server', 'apollo-server-express', 'graphql-yoga', '@trpc/server', 'micro', 'polka', 'h3', '@grpc/grpc-js',
  'bullmq', 'bull', 'bee-queue', 'kafkajs', 'amqplib', 'amqp-connection-manager', 'node-cron', 'cron', 'agenda', 'node-schedule', 'pg-boss',
  'discord.js', 'telegraf', 'grammy', '@slack/bolt', 'probot', 'mqtt', 'nats',
];

/**
 * Third-party code copied into the project (`vendor/`, `third_party/`, `public/lib/pdf.mjs`, a CDN's
 * layout `static/cdnjs/vue/2.5.21/`, a release's folder `jquery-3.6.0/`, a copy of the dependencies
 * folder committed by mistake, `node_modules 2/`, `node_modules_old/`): nobody edits it here.
 */
export const vendoredFolderPattern = /(?:^|\/)(?:vendors?|third[_-]party|cdnjs|node_modules[^/]*|bower_components|(?:public|static|assets)\/(?:js\/)?lib|(?:[\w.]+[-@])?v?\d+\.\d+\.\d+(?:-[\w.]+)?)\//;

/**
 * Copies of the project's own source kept beside it and never built: a backup folder
 * (`.backup-env-2025-10-27/`, `src.bak/`, `app-backup/`), an editor's local history (`.history/`), a
 * hidden archive at any depth (`app/.archive/dead-lib/`), or
 * the previous version kept at the project's top (`old/backend-src/`, `archive/`). A plain `backup/`
 * folder is left alone: it is as often the project's own backup feature; so is an `old/` or
 * `archive/` folder deeper down (`src/routes/old/` may still be mounted).
 */
export const copyFolderPattern = /(?:^|\/)(?:\.history|\.archived?|\.backups?(?:[-_.][^/]*)?|[^/]+[-_.](?:backup|bak))\/|^(?:old|archived?)\//i;

/**
 * A framework's build folder (`.next/server/chunks/…`, `.nuxt/`, `.svelte-kit/output/`) or a dev
 * server's bundle of dependencies (Vite's `.vite/deps/`, VitePress's `.vitepress/cache/deps/`): what a
 * tool wrote, committed or left behind.
 */
export const buildFolderPattern = /(?:^|\/)\.(?:next|nuxt|output|svelte-kit|vercel|netlify|docusaurus|expo|turbo|cache|vite|vitepress\/cache|angular\/cache|parcel-cache|wrangler)\//;

/**
 * A bundler's output by its file name: Vite's `assets/Page-B7czHfdL.js` (a base-64 hash of eight
 * characters, with a digit or two capitals), webpack's `main.3f9a1c2e.js` and `412.3f9a1c2e.chunk.js`
 * (a hex content hash with a digit), and Workbox's runtime copied beside a generated service worker
 * (`dev-dist/workbox-29bfc98f.js`, as vite-plugin-pwa and workbox-build write it).
 */
export const bundleFilePattern = /(?:^|\/)assets\/[^/]+-(?=(?:[\w-]{0,7}[A-Z]){2}|[\w-]{0,7}\d)[\w-]{8}\.m?js$|\.(?=[a-f]{0,31}\d)[\da-f]{8,32}(?:\.chunk)?\.m?js$|(?:^|\/)workbox-(?=[a-f]{0,7}\d)[\da-f]{8}\.m?js$/;

/** Packages that make a front-end package a browser app when nothing renders it on a server. */
export const browserUiPackages: readonly string[] = ['react-dom', 'vue', 'svelte', 'preact', '@angular/core', 'solid-js'];

/** Packages that render front-end code on a server, or serve requests: a package declaring one runs in a long-lived process. */
export const serverPackages: readonly string[] = [
  'next', 'nuxt', 'gatsby', '@remix-run/node', '@remix-run/react', '@remix-run/server-runtime', '@sveltejs/kit', 'astro', '@builder.io/qwik-city',
  '@tanstack/react-start', '@tanstack/start', 'react-router', 'vite-plugin-ssr', 'vike', '@angular/ssr', '@nguniversal/express-engine', 'solid-start', '@solidjs/start',
  'express', 'koa', 'fastify', 'hapi', '@hapi/hapi', '@nestjs/core', 'restify', 'hono', 'electron',
  // Cloudflare Workers: the package deploys a Worker that serves requests.
  'wrangler', '@cloudflare/workers-types', 'itty-router',
];

/** Server packages that render on a server only from a major on: react-router is a client-side router before its framework mode (7). */
export const serverFromMajor: ReadonlyMap<string, number> = new Map([['react-router', 7]]);

/** The directive that marks a React client component: code that runs in the browser. */
export const clientDirective = 'use client';

/**
 * Folders and file names of code that runs in a browser, by its path inside the project: front-end
 * source trees, client bundles, components, hooks, static assets served to a page.
 */
export const browserPathPattern = /(?:^|\/)(?:frontend|client|browser|public|www|static|components|hooks)\/|\.client\.[cm]?[jt]sx?$/;

/**
 * Folders of modules that other modules import, by their path in the project (`src/lib/stripe.ts`,
 * `utils/`, `components/`): no platform loads a file there by its path, so one that nothing imports
 * never runs. A folder's `index` file there is a barrel for that folder (`src/lib/pdf/index.ts`); one
 * that is its package's entry is named by the package, or imported by the package's name, which the
 * index resolves.
 */
export const libraryFolderPattern = /(?:^|\/)(?:lib|libs|utils?|helpers|components|hooks|middlewares?)\/(?:[^/]+\/)*[^/]+$/;

/** Packages that import a project's modules without an import statement (Nuxt's and unplugin's auto-imports). */
export const autoImportPackages: readonly string[] = ['nuxt', 'nuxt3', 'unplugin-auto-import', 'unplugin-vue-components'];

/** Files that hold JSX: components, pages and layouts, several of which one render composes (so run for one request). */
export const componentFilePattern = /\.[cm]?[jt]sx$/;

/**
 * A route's own entry file, by its path in the project: Next.js app-router `page`, `route` and
 * `default` files, and pages-router pages (`pages/…`, not `_app` or `_document`, which wrap every
 * page). Two of them are two routes: one request renders at most one.
 */
export const routeEntryFilePattern = /(?:^|\/)(?:page|route|default)\.[cm]?[jt]sx?$|(?:^|\/)pages\/(?!_app\.|_document\.)/;

/** A module specifier of a JSON file (`./constants.json`): data written out before the process starts. */
export const jsonModulePattern = /\.json$/;

/** Minified output by its file name (`pdf.worker.min.mjs`): a build product copied into the project, not its source. */
export const minifiedFilePattern = /\.min\.[cm]?js$/;

/** Minified text: at least this many characters, averaging at least `minifiedLineLength` per line. */
export const minifiedTextLength = 10_000;
export const minifiedLineLength = 300;
