/**
 * The project's import graph, read from text: every source file under the project root and the
 * module specifiers each one holds (ESM, `require`, dynamic `import()`, re-exports). Asked who
 * imports a file, it resolves only the specifiers that can mean that file: each is indexed by keys
 * read from its text and the configuration (resolve.ts `specifierKeys`: a relative one by the name
 * it ends in, a bare one by every path it may try), and resolves to a file only when it shares a key
 * with it (`keysOf`). What is found is kept per file. The graph is checked against the disk when it
 * is older than a few seconds (the size and time of every file and folder it, or resolution for it,
 * read) and rebuilt when anything changed, so a long editor session sees new imports; a lint run of
 * an unchanged tree builds it once.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readSource, readSourceUnkept } from './sources.js';
import { packageManifest } from './packages.js';
import { buildFolderPattern, oneShotFilePattern } from '../../catalog/file-roles.js';
import { forgetResolutions, keysOf, managedByPnpm, listSources, resolutionGeneration, resolutionInputs, resolutionInputsUnchanged, resolveModule, specifierKeys, stampOf } from './resolve.js';

/** More files than this is not one application: the index stops listing (and says less, never more). */
const MAX_FILES = 20_000;
const MAX_AGE_MS = 5000;
/**
 * Checking a graph against the disk costs one `stat` per file: in a very large project, check less
 * often, so the checks take at most about 1/CHECK_SHARE of the time.
 */
const CHECK_SHARE = 50;
const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*['"]([^'"\n]+)['"]/g;
/**
 * A load whose module is computed (`require(path.join(dir, name))`, `` import(`./routes/${name}`) ``,
 * `import('./plugins/' + name)`): what it loads is not in the graph. Not a method (`importer.import(rows)`),
 * nor prose in a string or template (`` `rates for import (${today})` ``: a space before the parenthesis,
 * a placeholder right after it).
 */
const COMPUTED_LOAD = /(?<![.\w$])(?:import|require)\(\s*(?:[^'"\s)$]|(['"])[^'"\n]*\1\s*\+)/g;
/** The written start of a computed specifier: `` `./messages/${ `` or `'./routes/' +` (what follows is computed). */
const WRITTEN_START = /^(?:`([^`$\\]*)\$\{|(['"])([^'"\n]*)\2\s*\+)/;

/**
 * Where the computed loads of `text` (a file at `file`) may reach: the folders their written starts
 * name (`` import(`../messages/${locale}.json`) `` reaches only `../messages/`), or `'any'` for a
 * load whose start is not a relative path written out (`require(path.join(dir, name))`, `require(name)`,
 * `` import(`@/locales/${l}`) ``). A template without a placeholder is no computed load.
 */
function computedLoadFolders(text: string, file: string): string[] | 'any' {
  const folders: string[] = [];
  for (const match of text.matchAll(COMPUTED_LOAD)) {
    const open = match.index + match[0].indexOf('(');
    if (definesMethod(text, open)) continue;
    const argument = text.slice(open + 1).trimStart();
    if (/^`[^`$]*`/.test(argument)) continue;
    const written = WRITTEN_START.exec(argument);
    const start = written ? (written[1] ?? written[3] ?? '') : undefined;
    if (start === undefined || !start.startsWith('.')) return 'any';
    folders.push(path.resolve(path.dirname(file), start.endsWith('/') ? start : path.dirname(start)));
  }
  return folders;
}

/** Whether the parenthesis at `open` starts a method's parameters (`async import(rows) {`, `import(rows): Promise<void> {`), not a load's argument. */
function definesMethod(text: string, open: number): boolean {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 2000; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return /^\s*(?::[^=;{}()]*)?\{/.test(text.slice(i + 1, i + 200));
  }
  return false;
}

/** Specifiers as written in files: the `i`th is `specifiers[i]`, in the listed file numbered `from[i]`. */
interface Imports {
  from: number[];
  specifiers: string[];
}

interface Graph {
  /** When the graph was last known to match the disk. */
  checkedAt: number;
  /** How long the last check took (ms). */
  checkCost: number;
  /** Which build this is. */
  generation: number;
  /** The files listed, in the order listed: importers are given in that order. */
  files: string[];
  /** The specifiers of every file by their keys (`specifierKeys`), in groups that share keys. */
  byKey: Map<string, Imports[]>;
  /** Every group, those without keys too (a bare specifier nothing here resolves). */
  groups: Imports[];
  /** The importers found so far, by imported file. */
  importers: Map<string, ReadonlySet<string>>;
  /** What the graph was read from: each listed folder, each source file and what resolution read, by size and time (`null`: unreadable). */
  inputs: Map<string, string | null>;
  /** The resolution generation and how many of its reads `inputs` has taken in. */
  noted: { generation: number; reads: number };
  /** The folders the listed files' computed loads may reach (`'any'`: anywhere). */
  computedLoads: string[] | 'any';
}

const graphs = new Map<string, Graph>();
const rootByDir = new Map<string, string>();

/** What makes a folder a project: a package, a workspace root, an ESLint config of its own. */
interface FolderRole {
  config: boolean;
  manifest: boolean;
  workspace: boolean;
}

/** Each folder's role, read once: the files of a folder and of its subfolders all walk up through it. */
const roleByDir = new Map<string, FolderRole>();

function folderRole(dir: string): FolderRole {
  let role = roleByDir.get(dir);
  if (role) return role;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  // A framework's build folder writes a package.json of its own (`.next/package.json`), and so does a
  // dev server's bundle of dependencies (`.vitepress/cache/deps/package.json`, `{"type":"module"}`): it is
  // part of the project that built it, not a project (and its files stay under that project's build folder).
  const listed = names.includes('package.json') && !buildFolderPattern.test(`/${path.basename(dir)}/`);
  const text = listed ? (readSource(path.join(dir, 'package.json')) ?? '') : '';
  const manifest = listed && !onlyModuleFormat(text);
  role = {
    config: ESLINT_CONFIGS.some((name) => names.includes(name)),
    manifest,
    workspace: manifest && (text.includes('"workspaces"') || names.includes('pnpm-workspace.yaml') || ((text.includes('pnpm') || text.includes('workspace:')) && managedByPnpm(parsedJson(text)))),
  };
  roleByDir.set(dir, role);
  return role;
}

/** The folder of the package below `root` that holds `file` (the nearest with a manifest), or `undefined` when that is `root` itself. */
function packageFolder(file: string, root: string): string | undefined {
  for (let dir = path.dirname(file); dir !== root && dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
    if (folderRole(dir).manifest) return dir;
  }
  return undefined;
}

const ESLINT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

/**
 * A package.json that only says how the files below it load (`{"type":"module"}`, also with
 * `sideEffects`): a tool writes it into its output folder, and a package sets it on a folder of its
 * own; it names no package.
 */
function onlyModuleFormat(text: string): boolean {
  if (text.length > 200) return false;
  const parsed = parsedJson(text);
  return typeof parsed === 'object' && parsed !== null && Object.keys(parsed).every((key) => key === 'type' || key === 'sideEffects');
}

/** A package.json's content, or `undefined` when it is not JSON. */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The project a file belongs to: the highest workspace root above it (a monorepo's apps import its
 * packages), else the nearest directory with a package.json or an ESLint config, else the file's own directory.
 */
export function projectRoot(file: string): string {
  const start = path.dirname(file);
  const cached = rootByDir.get(start);
  if (cached !== undefined) return cached;
  let nearest: string | undefined;
  let workspace: string | undefined;
  for (let dir = start, i = 0; i < 12; i++) {
    const role = folderRole(dir);
    // A package, or a folder with its own ESLint config (an app linted on its own), is a project.
    if (role.config || role.manifest) nearest ??= dir;
    if (role.workspace) workspace = dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const root = workspace ?? nearest ?? start;
  rootByDir.set(start, root);
  return root;
}

/**
 * The highest folder above a file (up to the same twelve levels as `projectRoot`) holding a package
 * manifest: a copy of a project kept inside another (`backups/config-backup/` with a package.json of
 * its own) is a folder of the outer one there. The file's own directory when none has one.
 */
export function outermostPackageRoot(file: string): string {
  const start = path.dirname(file);
  let outermost: string | undefined;
  for (let dir = start, i = 0; i < 12; i++) {
    if (folderRole(dir).manifest) outermost = dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return outermost ?? start;
}

/**
 * Whether the import at `at` sits on a line of a comment: one starting with `//`, `/*` or the `*` of a
 * block comment's body (`// app.use('/ms', require('./lib/data/microsoft'))`, a route switched off).
 */
function commentedOut(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  let i = lineStart;
  while (i < at && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === '*' || (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*'));
}

/**
 * The module specifiers a file's text imports or re-exports, each once, leaving out those on
 * commented-out lines. Each is a copy, one per string (`copies`): a match is a slice of the text, and
 * keeping it would keep the whole text (V8 slices strings by reference), which costs more in garbage
 * collection than reading it did.
 */
function specifiersOf(text: string | undefined, copies: Map<string, string>): Set<string> {
  const found = new Set<string>();
  if (text === undefined) return found;
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1];
    if (specifier === undefined || commentedOut(text, match.index)) continue;
    let copy = copies.get(specifier);
    // Slicing a fresh concatenation copies the characters out of the text first.
    if (copy === undefined) copies.set((copy = ` ${specifier}`.slice(1)), copy);
    found.add(copy);
  }
  return found;
}

/** Takes what resolution has read since last noted into the graph's inputs (resolving for the graph may read more later). */
function noteResolutionInputs(graph: Graph): void {
  const reads = resolutionInputs();
  const generation = resolutionGeneration();
  if (graph.noted.generation === generation && graph.noted.reads === reads.size) return;
  for (const [file, stamp] of reads) if (!graph.inputs.has(file)) graph.inputs.set(file, stamp);
  graph.noted = { generation, reads: reads.size };
}

function buildGraph(root: string): Graph {
  // A long-lived process (the editor) sees files come and go: resolve afresh with each new graph.
  forgetResolutions();
  // The specifiers by their keys: specifiers alike share one array of keys, so are indexed once.
  const byKeys = new Map<readonly string[], Imports>();
  const inputs = new Map<string, string | null>();
  const copies = new Map<string, string>();
  // A folder's files are listed together: their specifiers are keyed alike.
  let dir: string | undefined;
  let keysOfSpecifier: ReturnType<typeof specifierKeys> | undefined;
  // Folders are listed as resolution lists them, once for both: their stamps come with resolution's.
  const { files } = listSources(root, MAX_FILES, undefined, true);
  let computedLoads: string[] | 'any' = [];
  for (const [index, file] of files.entries()) {
    if (!keysOfSpecifier || path.dirname(file) !== dir) keysOfSpecifier = specifierKeys((dir = path.dirname(file)));
    // Read once for its specifiers, not kept: the few files an analysis reads again are read then.
    const { text, stamp } = readSourceUnkept(file);
    // A test's or a script's computed load (`require(file)` in a test) runs in that test or script, never for a request.
    if (computedLoads !== 'any' && text !== undefined && !oneShotFilePattern.test(path.relative(root, file).replace(/\\/g, '/'))) {
      const folders = computedLoadFolders(text, file);
      // In a workspace, a load the text does not spell out still stays in the loading file's package
      // (`require(croniumPath)` in a container image's health check reaches no app's components).
      if (folders !== 'any') computedLoads.push(...folders);
      else {
        const within = packageFolder(file, root);
        if (within === undefined) computedLoads = 'any';
        else computedLoads.push(within);
      }
    }
    for (const specifier of specifiersOf(text, copies)) {
      const keys = keysOfSpecifier(specifier);
      const imports = byKeys.get(keys);
      if (imports) {
        imports.from.push(index);
        imports.specifiers.push(specifier);
      } else {
        byKeys.set(keys, { from: [index], specifiers: [specifier] });
      }
    }
    // The stamp of the text just read (taken before reading it): a file changed since shows as changed.
    inputs.set(file, stamp ?? stampOf(file));
  }
  const byKey = new Map<string, Imports[]>();
  for (const [keys, imports] of byKeys) {
    for (const key of keys) {
      const groups = byKey.get(key);
      if (groups) groups.push(imports);
      else byKey.set(key, [imports]);
    }
  }
  const graph: Graph = { checkedAt: Date.now(), checkCost: 0, generation: ++builds, files, byKey, groups: [...byKeys.values()], importers: new Map(), inputs, noted: { generation: -1, reads: 0 }, computedLoads };
  // The folders listed, and what reading the configuration read (tsconfig and package.json files).
  noteResolutionInputs(graph);
  return graph;
}

/** The listed files whose specifiers resolve to `file`, in listing order. */
function findImporters(graph: Graph, file: string): ReadonlySet<string> {
  const found = new Set<number>();
  for (const key of keysOf(file)) {
    for (const { from, specifiers } of graph.byKey.get(key) ?? []) {
      for (const [i, specifier] of specifiers.entries()) {
        const index = from[i] ?? -1;
        const importer = graph.files[index];
        if (importer !== undefined && importer !== file && !found.has(index) && resolveModule(specifier, importer) === file) found.add(index);
      }
    }
  }
  noteResolutionInputs(graph);
  return new Set([...found].sort((a, b) => a - b).map((index) => graph.files[index] ?? ''));
}

/** Whether the files and folders the graph was read from, and what resolution has read since, are as they were. */
function unchanged(graph: Graph): boolean {
  for (const [file, stamp] of graph.inputs) if (stampOf(file) !== stamp) return false;
  return resolutionInputsUnchanged();
}

/** The graph of `root` as it is kept, checked against the disk first when that is due; `undefined` when it is out of date or not built. */
function keptGraph(root: string): Graph | undefined {
  const graph = graphs.get(root);
  const now = Date.now();
  if (graph && now - graph.checkedAt > Math.max(MAX_AGE_MS, CHECK_SHARE * graph.checkCost)) {
    if (!unchanged(graph)) {
      graphs.delete(root);
      return undefined;
    }
    graph.checkedAt = Date.now();
    graph.checkCost = graph.checkedAt - now;
  }
  return graph;
}

/** The graph of `file`'s project, built when it is not kept. */
function graphOf(file: string): Graph {
  const root = projectRoot(file);
  let graph = keptGraph(root);
  if (!graph) {
    graph = buildGraph(root);
    graphs.set(root, graph);
  }
  return graph;
}

/** The files of the project that import `file` (directly). */
export function importersOf(file: string): ReadonlySet<string> {
  const graph = graphOf(file);
  let found = graph.importers.get(file);
  if (!found) graph.importers.set(file, (found = findImporters(graph, file)));
  return found;
}

/**
 * Whether a file of `file`'s project that may serve (not a test or a script) may load `file` by a
 * computed specifier, so not every import of it is in the graph: a computed load whose start is not
 * written out, or one whose written folder holds `file` (`` import(`./routes/${name}`) `` for `routes/users.ts`).
 */
export function loadsComputedModules(file: string): boolean {
  const folders = graphOf(file).computedLoads;
  return folders === 'any' || folders.some((folder) => file.startsWith(folder + path.sep));
}

/** A source file's extension, as a specifier may end in it (`./a.js`). */
const SOURCE_EXTENSION = /\.[cm]?[jt]sx?$/;

/** The package a bare specifier names (`@stripe/stripe-js/pure` → `@stripe/stripe-js`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/**
 * Whether a file of the project names `file` by a specifier that resolves to nothing here: an alias
 * this resolver does not know (`~/lib/stripe` for `src/lib/stripe.ts`), whose last segment is the
 * file's name (an index file's: its folder's). Such an import may load the file though the graph
 * does not show it. A package the importer declares (`stripe`, `@stripe/stripe-js`) is not an alias,
 * nor is a bare name of one segment.
 */
export function namedByUnresolvedSpecifier(file: string): boolean {
  const graph = graphOf(file);
  const base = path.basename(file).replace(SOURCE_EXTENSION, '');
  const name = base === 'index' ? path.basename(path.dirname(file)) : base;
  for (const imports of graph.groups) {
    for (const [i, specifier] of imports.specifiers.entries()) {
      if (specifier.slice(specifier.lastIndexOf('/') + 1).replace(SOURCE_EXTENSION, '') !== name) continue;
      const importer = graph.files[imports.from[i] ?? -1];
      if (importer === undefined || importer === file || resolveModule(specifier, importer) !== undefined) continue;
      const relative = specifier.startsWith('.') || specifier.startsWith('/');
      if (!relative && (!specifier.includes('/') || packageManifest(importer)?.declared.has(packageOf(specifier)) === true)) continue;
      return true;
    }
  }
  return false;
}

let builds = 0;

/**
 * A number that changes whenever the graph of `file`'s project is rebuilt because a file or folder
 * changed (checked as `importersOf` checks it); `undefined` while the project has no graph, which is
 * not built for this.
 */
export function graphGeneration(file: string): number | undefined {
  return keptGraph(projectRoot(file))?.generation;
}
