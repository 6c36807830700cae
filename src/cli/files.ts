import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { lintedFile } from './config.js';

const skippedDirectories = new Set(['node_modules', '.git', 'dist']);

/**
 * Lists the files under `paths` that memo-guard would lint, so that it can lint them in chunks and
 * show progress. `isIgnored` is ESLint's own `isPathIgnored` (ignores, .gitignore, file patterns).
 */
export async function listFiles(
  cwd: string,
  paths: readonly string[],
  isIgnored: (file: string) => Promise<boolean>,
): Promise<string[]> {
  const found = new Set<string>();

  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirectories.has(entry.name)) await walk(full);
      } else if (entry.isFile() && lintedFile.test(entry.name) && !(await isIgnored(full))) {
        found.add(full);
      }
    }
  }

  for (const p of paths) {
    const full = path.resolve(cwd, p);
    if ((await stat(full)).isDirectory()) await walk(full);
    else if (!(await isIgnored(full))) found.add(full);
  }
  return [...found].sort();
}
