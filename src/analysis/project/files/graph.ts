/**
 * The project's import graph, read from text: every source file under the project root, the
 * modules each one imports (ESM, `require`, dynamic `import()`, re-exports), resolved to files, and
 * the reverse edges (who imports a file). Rebuilt when it is older than a few seconds, so a long
 * editor session sees new imports; a lint run builds it once.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readSource } from './sources.js';
import { SOURCE_EXTENSIONS, forgetResolutions, isIgnoredDir, resolveModule } from './resolve.js';

/** More files than this is not one application: the index stops listing (and says less, never more). */
const MAX_FILES = 20_000;
const MAX_AGE_MS = 5000;
const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*['"]([^'"\n]+)['"]/g;

interface Graph {
  builtAt: number;
  importers: Map<string, Set<string>>;
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

function listSources(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0 && out.length < MAX_FILES) {
    const dir = stack.pop();
    if (dir === undefined) break;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!isIgnoredDir(entry.name)) stack.push(path.join(dir, entry.name));
      } else if (SOURCE_EXTENSIONS.includes(path.extname(entry.name)) && !entry.name.endsWith('.d.ts')) {
        out.push(path.join(dir, entry.name));
      }
    }
  }
  return out;
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
  for (const file of listSources(root)) {
    for (const target of importsOf(file)) {
      const set = importers.get(target);
      if (set) set.add(file);
      else importers.set(target, new Set([file]));
    }
  }
  return { builtAt: Date.now(), importers };
}

/** The files of the project that import `file` (directly). */
export function importersOf(file: string): ReadonlySet<string> {
  const root = projectRoot(file);
  let graph = graphs.get(root);
  if (!graph || Date.now() - graph.builtAt > MAX_AGE_MS) {
    graph = buildGraph(root);
    graphs.set(root, graph);
  }
  return graph.importers.get(file) ?? new Set();
}
