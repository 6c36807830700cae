import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Resolved<T> {
  module: T;
  /** Where the module was found: the user's project, or next to memo-guard itself. */
  from: 'project' | 'memo-guard';
  file: string;
}

/**
 * Finds `specifier` the way the user's own code would (from `cwd`), else the copy installed next
 * to memo-guard. Returns `undefined` when neither exists.
 */
export function resolveFrom(specifier: string, cwd: string): { file: string; from: 'project' | 'memo-guard' } | undefined {
  const candidates: [NodeJS.Require, 'project' | 'memo-guard'][] = [
    [createRequire(path.join(cwd, 'package.json')), 'project'],
    [createRequire(import.meta.url), 'memo-guard'],
  ];
  for (const [req, from] of candidates) {
    try {
      return { file: req.resolve(specifier), from };
    } catch {
      // not installed there: try the next place
    }
  }
  return undefined;
}

export async function importFrom<T>(specifier: string, cwd: string): Promise<Resolved<T> | undefined> {
  const found = resolveFrom(specifier, cwd);
  if (!found) return undefined;
  const module = (await import(pathToFileURL(found.file).href)) as T;
  return { module, from: found.from, file: found.file };
}
