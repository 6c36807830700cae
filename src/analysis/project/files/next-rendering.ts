/**
 * Whether a Next.js app renders pages on the server per request, read from its files: an App Router
 * tree of pages (`app/**\/page.*`, `layout.*`; route handlers alone render none) renders per request;
 * a Pages Router page does only when it (or `_app`) declares `getServerSideProps` or
 * `getInitialProps` (`_error` and `_document` doing so do not count),
 * else it is rendered once, at build time. A configured app (`next.config.*`) with neither folder is
 * taken to render per request (a custom server may); code in no Next.js app renders nothing. Also
 * what the app's files mention (`appMentions`): whether any of them calls what fills a client cache.
 */
import path from 'node:path';
import { readSource } from './sources.js';
import { listSources } from './resolve.js';

const PER_REQUEST_DATA = /\b(?:getServerSideProps|getInitialProps)\b/;
/** Files looked at per app: a pages tree larger than this is taken to render per request. */
const MAX_PAGES = 2000;

const byPackage = new Map<string, boolean>();

/** The source files under `dir` (none when it does not exist), up to `limit`; `undefined` past it. */
function sourcesUnder(dir: string, limit: number): string[] | undefined {
  const { files, complete } = listSources(dir, limit + 1);
  return complete && files.length <= limit ? files : undefined;
}

/** The nearest folder at or above `dir` holding a package.json. */
function packageDir(dir: string): string | undefined {
  for (let current = dir, i = 0; i < 12; i++) {
    if (readSource(path.join(current, 'package.json')) !== undefined) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

/**
 * An App Router tree of pages: `app/` holding a `page.*` or `layout.*` (a tree too large to list is
 * taken to be one). Route handlers alone (`app/api/frames/route.ts`) answer requests without rendering
 * a page: a Pages Router app that moved its API there still renders its pages at build time.
 */
function hasAppRouter(base: string): boolean {
  const files = sourcesUnder(path.join(base, 'app'), MAX_PAGES);
  return files === undefined || files.some((file) => /^(?:page|layout)\./.test(path.basename(file)));
}

/** A folder holding a Next.js config file. */
function hasNextConfig(dir: string): boolean {
  return ['next.config.js', 'next.config.mjs', 'next.config.cjs', 'next.config.ts', 'next.config.mts'].some((name) => readSource(path.join(dir, name)) !== undefined);
}

function decide(root: string, configured: boolean): boolean {
  const bases = [root, path.join(root, 'src')];
  if (bases.some(hasAppRouter)) return true;
  let sawPages = false;
  for (const base of bases) {
    const pages = sourcesUnder(path.join(base, 'pages'), MAX_PAGES);
    if (pages === undefined) return true;
    if (pages.length === 0) continue;
    sawPages = true;
    // `_error` and `_document` loading data make no other page render per request.
    if (pages.some((file) => !/^_(?:error|document)\./.test(path.basename(file)) && PER_REQUEST_DATA.test(readSource(file) ?? ''))) return true;
  }
  // Neither folder: a configured app renders somehow (a custom server); elsewhere the file is in no Next.js app at all.
  return !sawPages && configured;
}

/** The Next.js app holding `file`: the nearest folder up to its package with a `next.config.*`, else the package itself. */
function appOf(file: string): { root: string; configured: boolean } | undefined {
  if (!path.isAbsolute(file)) return undefined;
  const pkg = packageDir(path.dirname(file));
  if (pkg === undefined) return undefined;
  let app: string | undefined;
  for (let dir = path.dirname(file); !app; dir = path.dirname(dir)) {
    if (hasNextConfig(dir)) app = dir;
    if (dir === pkg || path.dirname(dir) === dir) break;
  }
  return { root: app ?? pkg, configured: app !== undefined };
}

/** Whether the Next.js app holding `file` renders on the server for each request. */
export function rendersPerRequest(file: string): boolean {
  const app = appOf(file);
  if (!app) return true;
  let found = byPackage.get(app.root);
  if (found === undefined) {
    found = decide(app.root, app.configured);
    byPackage.set(app.root, found);
  }
  return found;
}

/** Source files looked at for `appMentions`: an app larger than this is taken to mention anything. */
const MAX_APP_FILES = 5000;
const mentions = new Map<string, boolean>();

/**
 * Whether a source file of the app holding `file` (as `rendersPerRequest` finds it) matches `pattern`:
 * `true` when the app cannot be found or listed whole, as nothing then shows that it does not.
 */
export function appMentions(file: string, pattern: RegExp): boolean {
  const app = appOf(file);
  if (!app) return true;
  const key = `${app.root}\0${pattern.source}`;
  let found = mentions.get(key);
  if (found === undefined) {
    const files = sourcesUnder(app.root, MAX_APP_FILES);
    found = files === undefined || files.some((source) => pattern.test(readSource(source) ?? ''));
    mentions.set(key, found);
  }
  return found;
}
