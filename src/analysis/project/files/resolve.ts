/**
 * Module resolution inside a project, without types: relative paths, `index` files, the `.js` →
 * `.ts` mapping of TypeScript's ESM output, tsconfig `paths` / `baseUrl`, and workspace packages by
 * name through their `package.json` (`exports`, `module`, `main`, `source`, `types` → `src/`).
 * Everything read from disk is cached for the process; a specifier that does not resolve to a source
 * file of the project (a library, a missing file) resolves to `undefined`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** TypeScript's ESM emits `.js` specifiers for `.ts` sources. */
const EMITTED_TO_SOURCE: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};
const IGNORED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.turbo', '.cache']);

/**
 * What resolution has read from disk so far, by path: a folder's or file's size and time as they were
 * just before it was read (`null`: it was not there). Resolutions stay valid while all of these do.
 */
const inputs = new Map<string, string | null>();

/** A path's size and time as a string, `null` when it is not there: what the index compares to see a change. */
export function stampOf(file: string): string | null {
  try {
    const stat = statSync(file);
    return `${String(stat.size)}:${String(stat.mtimeMs)}`;
  } catch {
    return null;
  }
}

/** Notes a path resolution is about to read (before reading it: a change made after the read then shows). */
function reading(file: string): void {
  if (!inputs.has(file)) inputs.set(file, stampOf(file));
}

/** Everything resolution has read since it last forgot (folders listed, package.json and tsconfig files, symlinks), by path. */
export function resolutionInputs(): ReadonlyMap<string, string | null> {
  return inputs;
}

/** Whether everything resolution has read is still as it was. */
export function resolutionInputsUnchanged(): boolean {
  for (const [file, stamp] of inputs) if (stampOf(file) !== stamp) return false;
  return true;
}

interface Listing {
  files: Set<string>;
  links: Set<string>;
  /** The folders and the other entries, in the order the folder lists them (what `listSources` walks). */
  dirs: string[];
  others: string[];
  /** Every entry's name up to its first dot (`user.service.ts` → `user`): what a path under the folder can start with. */
  stems: Set<string>;
}

/** The files of each folder read so far (one listing per folder, not one `stat` per guess); symlinks are checked on their own. */
const listings = new Map<string, Listing | null>();
const linkIsFile = new Map<string, boolean>();

const stemOf = (name: string): string => name.split('.', 1)[0] ?? name;

function listingOf(dir: string): Listing | null {
  let listing = listings.get(dir);
  if (listing === undefined) {
    reading(dir);
    try {
      const entries = readdirSync(dir, { withFileTypes: true });
      listing = {
        files: new Set(entries.filter((e) => e.isFile()).map((e) => e.name)),
        links: new Set(entries.filter((e) => e.isSymbolicLink()).map((e) => e.name)),
        dirs: entries.filter((e) => e.isDirectory()).map((e) => e.name),
        others: entries.filter((e) => !e.isDirectory()).map((e) => e.name),
        stems: new Set(entries.map((e) => stemOf(e.name))),
      };
    } catch {
      listing = null;
    }
    listings.set(dir, listing);
  }
  return listing;
}

/**
 * Whether a path under `dir` whose first segment is `segment` can name a source file: an entry of the
 * folder has the segment's stem (`react` under a `baseUrl` with no `react*` entry cannot, so its
 * twenty guesses at extensions and index files are skipped).
 */
function mayHoldUnder(dir: string, segment: string): boolean {
  return listingOf(dir)?.stems.has(stemOf(segment)) === true;
}

function isFile(file: string): boolean {
  const listing = listingOf(path.dirname(file));
  if (!listing) return false;
  const name = path.basename(file);
  if (listing.files.has(name)) return true;
  if (!listing.links.has(name)) return false;
  let known = linkIsFile.get(file);
  if (known === undefined) {
    reading(file);
    try {
      known = statSync(file).isFile();
    } catch {
      known = false;
    }
    linkIsFile.set(file, known);
  }
  return known;
}

/** Resolutions by importing folder and specifier: the files of one folder import the same modules. */
const resolutions = new Map<string, string | null>();

let forgotten = 0;

/** A number that changes whenever resolution forgets what it knew: what was derived from resolutions may be stale. */
export function resolutionGeneration(): number {
  return forgotten;
}

/** Forgets what the disk said, for long-lived processes (the editor) that see files come and go. */
export function forgetResolutions(): void {
  forgotten++;
  listings.clear();
  linkIsFile.clear();
  resolutions.clear();
  bareResolutions.clear();
  bareKeys.clear();
  jsonCache.clear();
  tsconfigByDir.clear();
  workspaceByDir.clear();
  inputs.clear();
}

const jsonCache = new Map<string, unknown>();
/** Reads JSON or JSONC (tsconfig allows comments and trailing commas); `undefined` when unreadable. */
function readJson(file: string): unknown {
  if (jsonCache.has(file)) return jsonCache.get(file);
  let value: unknown;
  reading(file);
  try {
    const text = readFileSync(file, 'utf8');
    try {
      value = JSON.parse(text);
    } catch {
      // Strip comments outside strings, then trailing commas.
      const stripped = text.replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, str: string | undefined) => str ?? '').replace(/,(\s*[}\]])/g, '$1');
      value = JSON.parse(stripped);
    }
  } catch {
    value = undefined;
  }
  jsonCache.set(file, value);
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `base` as a source file: itself, with an extension added, its `.ts` twin, or its `index`. The only
 * way resolution turns a path into a file, which `keysOf` relies on: another way (a folder's
 * package.json `main`, not read here) must be added there too, or the graph misses importers.
 */
function asSourceFile(base: string): string | undefined {
  const ext = path.extname(base);
  if (SOURCE_EXTENSIONS.includes(ext) && isFile(base)) return base;
  for (const twin of EMITTED_TO_SOURCE[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + twin;
    if (isFile(candidate)) return candidate;
  }
  for (const extension of SOURCE_EXTENSIONS) if (isFile(base + extension)) return base + extension;
  for (const extension of SOURCE_EXTENSIONS) {
    const index = path.join(base, `index${extension}`);
    if (isFile(index)) return index;
  }
  return undefined;
}

interface TsPaths {
  baseUrl: string | undefined;
  paths: [prefix: string, suffix: string, targets: string[]][];
  pathsBase: string;
}

const tsconfigByDir = new Map<string, TsPaths | null>();

function loadTsconfig(file: string, depth = 0): TsPaths | null {
  const json = readJson(file);
  if (!isRecord(json)) return null;
  const dir = path.dirname(file);
  let inherited: TsPaths | null = null;
  if (typeof json.extends === 'string' && depth < 3 && json.extends.startsWith('.')) {
    const parent = path.resolve(dir, json.extends.endsWith('.json') ? json.extends : `${json.extends}.json`);
    inherited = loadTsconfig(parent, depth + 1);
  }
  const options = isRecord(json.compilerOptions) ? json.compilerOptions : {};
  const baseUrl = typeof options.baseUrl === 'string' ? path.resolve(dir, options.baseUrl) : inherited?.baseUrl;
  let paths = inherited?.paths ?? [];
  let pathsBase = inherited?.pathsBase ?? dir;
  if (isRecord(options.paths)) {
    paths = Object.entries(options.paths).flatMap(([pattern, targets]) => {
      if (!Array.isArray(targets)) return [];
      const star = pattern.indexOf('*');
      const prefix = star === -1 ? pattern : pattern.slice(0, star);
      const suffix = star === -1 ? '' : pattern.slice(star + 1);
      return [[prefix, star === -1 ? '\0exact' : suffix, targets.filter((t): t is string => typeof t === 'string')] as [string, string, string[]]];
    });
    pathsBase = baseUrl ?? dir;
  }
  return { baseUrl, paths, pathsBase };
}

/** The nearest tsconfig.json (or jsconfig.json) above `dir`. */
function tsconfigFor(dir: string): TsPaths | null {
  const cached = tsconfigByDir.get(dir);
  if (cached !== undefined) return cached;
  let found: TsPaths | null = null;
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const file = path.join(dir, name);
    if (isFile(file)) {
      found = loadTsconfig(file);
      break;
    }
  }
  if (!found) {
    const parent = path.dirname(dir);
    found = parent === dir ? null : tsconfigFor(parent);
  }
  tsconfigByDir.set(dir, found);
  return found;
}

/**
 * The paths `specifier` can mean under the tsconfig around `fromDir`, in the order resolution tries
 * them: each matching `paths` target, then under `baseUrl`. `probe`: leave out a `baseUrl` path whose
 * first segment the folder holds no entry for (it cannot name a file: a library name).
 */
function* tsPathBases(specifier: string, fromDir: string, probe: boolean): Generator<string> {
  const config = tsconfigFor(fromDir);
  if (!config) return;
  for (const [prefix, suffix, targets] of config.paths) {
    let star: string;
    if (suffix === '\0exact') {
      if (specifier !== prefix) continue;
      star = '';
    } else {
      if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < prefix.length + suffix.length) continue;
      star = specifier.slice(prefix.length, specifier.length - suffix.length);
    }
    for (const target of targets) yield path.resolve(config.pathsBase, target.replace('*', star));
  }
  if (config.baseUrl && (!probe || mayHoldUnder(config.baseUrl, specifier.split('/', 1)[0] ?? specifier))) yield path.resolve(config.baseUrl, specifier);
}

/** A workspace: the package directories of a monorepo root, by package name. */
interface Workspace {
  packages: Map<string, string>;
}

const workspaceByDir = new Map<string, Workspace | null>();

function workspacePatterns(root: string): string[] {
  const json = readJson(path.join(root, 'package.json'));
  const patterns: string[] = [];
  if (isRecord(json)) {
    const ws = json.workspaces;
    if (Array.isArray(ws)) patterns.push(...ws.filter((w): w is string => typeof w === 'string'));
    else if (isRecord(ws) && Array.isArray(ws.packages)) patterns.push(...ws.packages.filter((w): w is string => typeof w === 'string'));
  }
  const pnpm = path.join(root, 'pnpm-workspace.yaml');
  if (isFile(pnpm)) {
    reading(pnpm);
    for (const match of readFileSync(pnpm, 'utf8').matchAll(/^\s*-\s*['"]?([^'"\n#]+?)['"]?\s*$/gm)) if (match[1]) patterns.push(match[1]);
  }
  return patterns;
}

/** Expands `packages/*` and `apps/**` (one or two levels) into directories with a package.json. */
function expandPattern(root: string, pattern: string): string[] {
  if (pattern.startsWith('!')) return [];
  const parts = pattern.replace(/\/+$/, '').split('/');
  let dirs = [root];
  for (const part of parts) {
    const next: string[] = [];
    for (const dir of dirs) {
      if (part === '*' || part === '**') {
        let entries: string[];
        reading(dir);
        try {
          entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !IGNORED_DIRS.has(e.name) && !dependencyCopy(e.name)).map((e) => path.join(dir, e.name));
        } catch {
          entries = [];
        }
        next.push(...entries);
        if (part === '**') next.push(...entries.flatMap((e) => expandPattern(e, '*')));
      } else {
        next.push(path.join(dir, part));
      }
    }
    dirs = next;
  }
  return dirs.filter((dir) => isFile(path.join(dir, 'package.json')));
}

/** How far below a pnpm root, and through how many folders, its packages are looked for when its pnpm-workspace.yaml is not there. */
const LOOKED_FOR_PACKAGES = { depth: 3, folders: 5000 };

/**
 * Whether a package.json says pnpm manages its folder: `packageManager: "pnpm@…"`, a `pnpm` field,
 * or a `workspace:` range (which only a workspace can satisfy).
 */
export function managedByPnpm(json: unknown): boolean {
  if (!isRecord(json)) return false;
  if ((typeof json.packageManager === 'string' && json.packageManager.startsWith('pnpm')) || isRecord(json.pnpm)) return true;
  return ['dependencies', 'devDependencies'].some((field) => {
    const deps = json[field];
    return isRecord(deps) && Object.values(deps).some((range) => typeof range === 'string' && range.startsWith('workspace:'));
  });
}

/**
 * The package folders below a pnpm root whose pnpm-workspace.yaml is missing (a checkout of the
 * sources alone): every folder with a package.json, up to `LOOKED_FOR_PACKAGES.depth` levels down.
 */
function packagesBelow(root: string): string[] {
  const found: string[] = [];
  let level = [root];
  let seen = 0;
  for (let depth = 0; depth < LOOKED_FOR_PACKAGES.depth && level.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      for (const name of listingOf(dir)?.dirs ?? []) {
        if (isIgnoredDir(name) || seen++ >= LOOKED_FOR_PACKAGES.folders) continue;
        const sub = path.join(dir, name);
        if (isFile(path.join(sub, 'package.json'))) found.push(sub);
        next.push(sub);
      }
    }
    level = next;
  }
  return found;
}

/** The workspace whose root is at or above `dir`, if any. */
function workspaceFor(dir: string): Workspace | null {
  const cached = workspaceByDir.get(dir);
  if (cached !== undefined) return cached;
  let found: Workspace | null;
  const hasManifest = isFile(path.join(dir, 'package.json'));
  const patterns = hasManifest || isFile(path.join(dir, 'pnpm-workspace.yaml')) ? workspacePatterns(dir) : [];
  const named = (pkgDirs: readonly string[]): Workspace => {
    const packages = new Map<string, string>();
    for (const pkgDir of pkgDirs) {
      const json = readJson(path.join(pkgDir, 'package.json'));
      if (isRecord(json) && typeof json.name === 'string') packages.set(json.name, pkgDir);
    }
    return { packages };
  };
  if (patterns.length > 0) {
    found = named(patterns.flatMap((p) => expandPattern(dir, p)));
  } else {
    const parent = path.dirname(dir);
    found = parent === dir ? null : workspaceFor(parent);
    // The outermost pnpm project with no workspace file to read: its packages, found by looking.
    if (!found && hasManifest && managedByPnpm(readJson(path.join(dir, 'package.json')))) {
      const below = packagesBelow(dir);
      if (below.length > 0) found = named(below);
    }
  }
  workspaceByDir.set(dir, found);
  return found;
}

/** The target of a package's `exports` for a subpath, preferring source-ish conditions. */
function exportTarget(exportsField: unknown, subpath: string): string | undefined {
  if (typeof exportsField === 'string') return subpath === '.' ? exportsField : undefined;
  if (!isRecord(exportsField)) return undefined;
  const keys = Object.keys(exportsField);
  const isSubpathMap = keys.some((k) => k.startsWith('.'));
  if (!isSubpathMap) return subpath === '.' ? conditionTarget(exportsField) : undefined;
  if (subpath in exportsField) return conditionTarget(exportsField[subpath]);
  // `"./queries/*": "./lib/queries/*.ts"`: the pattern with the longest prefix before its `*` that the subpath matches.
  let best: { key: string; star: string } | undefined;
  for (const key of keys) {
    const at = key.indexOf('*');
    if (at < 0 || key.indexOf('*', at + 1) >= 0) continue;
    const [prefix, suffix] = [key.slice(0, at), key.slice(at + 1)];
    if (subpath.length < key.length - 1 || !subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue;
    if (!best || prefix.length > best.key.indexOf('*')) best = { key, star: subpath.slice(prefix.length, subpath.length - suffix.length) };
  }
  const target = best ? conditionTarget(exportsField[best.key]) : undefined;
  return best && target ? target.split('*').join(best.star) : undefined;
}

function conditionTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) return entry.map(conditionTarget).find((t) => t !== undefined);
  if (!isRecord(entry)) return undefined;
  for (const condition of ['source', 'development', 'import', 'module', 'require', 'node', 'default', 'types']) {
    const found = conditionTarget(entry[condition]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Where a package's built file may have its source: itself (`.d.ts` → `.ts`), then `dist/index.js` → `src/index.js`. */
function* sourceBases(pkgDir: string, target: string): Generator<string> {
  yield path.resolve(pkgDir, target.replace(/\.d\.ts$/, '.ts'));
  const mapped = target.replace(/^\.?\/?(?:dist|build|lib|out)(?:\/(?:esm|cjs|types))?\//, 'src/').replace(/\.d\.ts$/, '.ts');
  yield path.resolve(pkgDir, mapped);
}

/** The paths `specifier` can mean as a package of the workspace around `fromDir`, in the order resolution tries them. */
function* workspaceBases(specifier: string, fromDir: string): Generator<string> {
  const workspace = workspaceFor(fromDir);
  if (!workspace) return;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  const pkgDir = workspace.packages.get(name);
  if (pkgDir === undefined) return;
  const subpath = specifier === name ? '.' : `.${specifier.slice(name.length)}`;
  const json = readJson(path.join(pkgDir, 'package.json'));
  const pkg = isRecord(json) ? json : {};
  const targets = [exportTarget(pkg.exports, subpath)];
  if (subpath === '.') targets.push(...['source', 'module', 'main', 'types', 'typings'].map((field) => (typeof pkg[field] === 'string' ? pkg[field] : undefined)), 'src/index', 'index');
  else targets.push(subpath, `src/${subpath.slice(2)}`);
  for (const target of targets) if (target !== undefined) yield* sourceBases(pkgDir, target);
}

const isRelative = (specifier: string): boolean => specifier.startsWith('.') || specifier.startsWith('/');

/**
 * Every path resolution can hand `asSourceFile` for `specifier` from `fromDir`, in the order it tries
 * them: the module is the first of them that is (or has) a source file. `probe` as in `tsPathBases`.
 */
function* basesOf(specifier: string, fromDir: string, probe: boolean): Generator<string> {
  if (specifier.startsWith('node:')) return;
  if (isRelative(specifier)) {
    yield path.resolve(fromDir, specifier);
    return;
  }
  yield* tsPathBases(specifier, fromDir, probe);
  yield* workspaceBases(specifier, fromDir);
}

function firstSource(bases: Iterable<string>): string | undefined {
  for (const base of bases) {
    const found = asSourceFile(base);
    if (found) return found;
  }
  return undefined;
}

/** The project source file `specifier` means when imported from `fromFile`, or `undefined`. */
export function resolveModule(specifier: string, fromFile: string): string | undefined {
  if (specifier.startsWith('node:')) return undefined;
  const fromDir = path.dirname(fromFile);
  const key = `${fromDir}\0${specifier}`;
  const known = resolutions.get(key);
  if (known !== undefined) return known ?? undefined;
  const found = isRelative(specifier) ? asSourceFile(path.resolve(fromDir, specifier)) : resolveBare(specifier, fromDir);
  resolutions.set(key, found ?? null);
  return found;
}

/**
 * What depends on the tsconfig and the workspace around the importing folder (bare specifiers:
 * `react`, `@/lib/db`, `@acme/core`), kept by those, not by folder: a project's folders share a few
 * of each, and every folder imports the same libraries.
 */
function byContext<T>(cache: Map<TsPaths | null, Map<Workspace | null, Map<string, T>>>, fromDir: string): Map<string, T> {
  const config = tsconfigFor(fromDir);
  const workspace = workspaceFor(fromDir);
  let byWorkspace = cache.get(config);
  if (!byWorkspace) cache.set(config, (byWorkspace = new Map<Workspace | null, Map<string, T>>()));
  let bySpecifier = byWorkspace.get(workspace);
  if (!bySpecifier) byWorkspace.set(workspace, (bySpecifier = new Map<string, T>()));
  return bySpecifier;
}

/** Bare specifiers resolved, by tsconfig and workspace. */
const bareResolutions = new Map<TsPaths | null, Map<Workspace | null, Map<string, string | null>>>();

function resolveBare(specifier: string, fromDir: string): string | undefined {
  const bySpecifier = byContext(bareResolutions, fromDir);
  const known = bySpecifier.get(specifier);
  if (known !== undefined) return known ?? undefined;
  const found = firstSource(basesOf(specifier, fromDir, true));
  bySpecifier.set(specifier, found ?? null);
  return found;
}

/**
 * The last segment of the path a relative specifier names (`./lib/db.js` → `db.js`), which is the
 * name of the path resolution tries (`path.resolve` drops empty and `.` segments); `undefined` when
 * the specifier ends in `..` or names no segment, so could name any folder.
 */
function lastSegment(specifier: string): string | undefined {
  if (path.sep === '/') {
    // The common case, without splitting: `./x/name`.
    const last = specifier.slice(specifier.lastIndexOf('/') + 1);
    if (last !== '' && last !== '.' && last !== '..') return last;
  }
  const segments = specifier.split(path.sep === '\\' ? /[\\/]/ : '/');
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment === '' || segment === '.') continue;
    return segment === '..' ? undefined : segment;
  }
  return undefined;
}

/**
 * The key of relative specifiers whose path's name is not known from the text (`..`): looked at for
 * every file. Other keys are a name (relative specifiers) or an absolute path (bare ones): a name
 * holds no separator, a path does, so the two never meet.
 */
const ANY_NAME = '\0any';
const NO_KEYS: readonly string[] = [];
/** One array per key, so that specifiers of the same key share it (the graph groups by it). */
const keyArrays = new Map<string, readonly string[]>();
const keyArray = (key: string): readonly string[] => {
  let keys = keyArrays.get(key);
  if (!keys) keyArrays.set(key, (keys = [key]));
  return keys;
};

/** Bare specifiers' keys (the paths they may try), by tsconfig and workspace. */
const bareKeys = new Map<TsPaths | null, Map<Workspace | null, Map<string, readonly string[]>>>();

/**
 * What a specifier imported from `fromDir` is indexed by, for finding who imports a file without
 * resolving every specifier: a relative one by the name of the path it names (`lastSegment`), a bare
 * one by every path resolution may try for it (read from the tsconfig and workspace alone, no folder
 * listed). Specifiers alike get the same array. A specifier can resolve to a file only if it shares a
 * key with `keysOf(file)`.
 */
export function specifierKeys(fromDir: string): (specifier: string) => readonly string[] {
  let bySpecifier: Map<string, readonly string[]> | undefined;
  return (specifier) => {
    if (specifier.startsWith('node:')) return NO_KEYS;
    if (isRelative(specifier)) return keyArray(lastSegment(specifier) ?? ANY_NAME);
    bySpecifier ??= byContext(bareKeys, fromDir);
    let keys = bySpecifier.get(specifier);
    if (!keys) bySpecifier.set(specifier, (keys = [...new Set(basesOf(specifier, fromDir, false))]));
    return keys;
  };
}

/**
 * The keys (`specifierKeys`) of the specifiers that can resolve to `file`: resolution makes a file of
 * a path by `asSourceFile`, so only of the file itself, the file without its extension (`./a` →
 * `a.ts`), its emitted twin (`./a.js` → `a.ts`), or its folder when it is an index (`./lib` →
 * `lib/index.ts`); relative specifiers are keyed by those paths' names.
 */
export function keysOf(file: string): string[] {
  const paths = [file];
  const name = path.basename(file);
  for (const extension of SOURCE_EXTENSIONS) {
    if (!file.endsWith(extension)) continue;
    paths.push(file.slice(0, -extension.length));
    if (name === `index${extension}`) paths.push(path.dirname(file));
  }
  for (const [emitted, twins] of Object.entries(EMITTED_TO_SOURCE)) for (const twin of twins) if (file.endsWith(twin)) paths.push(file.slice(0, -twin.length) + emitted);
  return [...new Set([...paths, ...paths.map((p) => path.basename(p)), ANY_NAME])];
}

/** Whether `dir` holds nothing worth indexing (dependencies or a copy of them, build output, VCS data). */
export function isIgnoredDir(name: string): boolean {
  return IGNORED_DIRS.has(name) || name.startsWith('.') || dependencyCopy(name);
}

/** `node_modules 2`, `node_modules_old`: a copy of the dependencies folder, which Node never resolves into. */
function dependencyCopy(name: string): boolean {
  return name.startsWith('node_modules');
}

/**
 * The source files under `root` (declaration files left out), folder by folder, up to `limit` of them;
 * `complete` is false when the limit stopped the listing. `onFolder` sees each folder listed.
 * `shared`: read the folders as resolution does, once for both (each is then an input of resolution,
 * `resolutionInputs`), rather than afresh.
 */
export function listSources(root: string, limit: number, onFolder?: (dir: string) => void, shared = false): { files: string[]; complete: boolean } {
  const files: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    if (files.length >= limit) return { files, complete: false };
    const dir = stack.pop();
    if (dir === undefined) break;
    onFolder?.(dir);
    const entries = shared ? listingOf(dir) : freshListing(dir);
    if (!entries) continue;
    for (const name of entries.dirs) if (!isIgnoredDir(name)) stack.push(path.join(dir, name));
    for (const name of entries.others) if (SOURCE_EXTENSIONS.includes(path.extname(name)) && !name.endsWith('.d.ts')) files.push(path.join(dir, name));
  }
  return { files, complete: true };
}

/** A folder's folders and other entries, read now. */
function freshListing(dir: string): Pick<Listing, 'dirs' | 'others'> | undefined {
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    return { dirs: entries.filter((e) => e.isDirectory()).map((e) => e.name), others: entries.filter((e) => !e.isDirectory()).map((e) => e.name) };
  } catch {
    return undefined;
  }
}

export { SOURCE_EXTENSIONS };
