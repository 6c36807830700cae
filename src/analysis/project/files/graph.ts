/**
 * The project's import graph, read from text: every source file under the project root, the
 * modules each one imports (ESM, `require`, dynamic `import()`, re-exports), resolved to files, and
 * the reverse edges (who imports a file). Checked against the disk when it is older than a few
 * seconds (the size and time of every file and folder it was read from) and rebuilt when anything
 * changed, so a long editor session sees new imports; a lint run of an unchanged tree builds it once.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readSource, sourceStamp } from './sources.js';
import { forgetResolutions, listSources, resolutionInputs, resolutionInputsUnchanged, resolveModule, stampOf } from './resolve.js';

/** More files than this is not one application: the index stops listing (and says less, never more). */
const MAX_FILES = 20_000;
const MAX_AGE_MS = 5000;
/**
 * Checking a graph against the disk costs one `stat` per file: in a very large project, check less
 * often, so the checks take at most about 1/CHECK_SHARE of the time.
 */
const CHECK_SHARE = 50;
const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*['"]([^'"\n]+)['"]/g;

interface Graph {
  /** When the graph was last known to match the disk. */
  checkedAt: number;
  /** How long the last check took (ms). */
  checkCost: number;
  /** Which build this is. */
  generation: number;
  importers: Map<string, Set<string>>;
  /** What the graph was read from: each listed folder, each source file and what resolution read, by size and time (`null`: unreadable). */
  inputs: Map<string, string | null>;
}

const graphs = new Map<string, Graph>();
const rootByDir = new Map<string, string>();

function hasFile(dir: string, name: string): boolean {
  try {
    return readdirSync(dir).includes(name);
  } catch {
    return false;
  }
}

const ESLINT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

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
    // A package, or a folder with its own ESLint config (an app linted on its own), is a project.
    if (nearest === undefined && ESLINT_CONFIGS.some((name) => hasFile(dir, name))) nearest = dir;
    if (hasFile(dir, 'package.json')) {
      nearest ??= dir;
      const text = readSource(path.join(dir, 'package.json')) ?? '';
      if (text.includes('"workspaces"') || hasFile(dir, 'pnpm-workspace.yaml')) workspace = dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const root = workspace ?? nearest ?? start;
  rootByDir.set(start, root);
  return root;
}

/** The modules a file's text imports or re-exports, resolved to project files. */
function importsOf(file: string): string[] {
  const text = readSource(file);
  if (text === undefined) return [];
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1];
    if (specifier === undefined) continue;
    const target = resolveModule(specifier, file);
    if (target !== undefined && target !== file) found.add(target);
  }
  return [...found];
}

function buildGraph(root: string): Graph {
  // A long-lived process (the editor) sees files come and go: resolve afresh with each new graph.
  forgetResolutions();
  const importers = new Map<string, Set<string>>();
  const inputs = new Map<string, string | null>();
  for (const file of listSources(root, MAX_FILES, (dir) => inputs.set(dir, stampOf(dir))).files) {
    for (const target of importsOf(file)) {
      const set = importers.get(target);
      if (set) set.add(file);
      else importers.set(target, new Set([file]));
    }
    // The stamp of the text just read (taken before reading it): a file changed since shows as changed.
    inputs.set(file, sourceStamp(file) ?? stampOf(file));
  }
  // What resolving the imports read (another project's graph may make resolution forget it later).
  for (const [file, stamp] of resolutionInputs()) if (!inputs.has(file)) inputs.set(file, stamp);
  return { checkedAt: Date.now(), checkCost: 0, generation: ++builds, importers, inputs };
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

/** The files of the project that import `file` (directly). */
export function importersOf(file: string): ReadonlySet<string> {
  const root = projectRoot(file);
  let graph = keptGraph(root);
  if (!graph) {
    graph = buildGraph(root);
    graphs.set(root, graph);
  }
  return graph.importers.get(file) ?? new Set();
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
