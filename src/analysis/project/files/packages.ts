/**
 * The dependency versions a file's package declares: the nearest package.json above the file, its
 * dependencies, devDependencies and peerDependencies, read once per directory. A library whose
 * defaults changed between majors (lru-cache 7 made `max` required) is judged by the range declared.
 */
import path from 'node:path';
import { readSource } from './sources.js';

const byDir = new Map<string, Map<string, string> | null>();

function declared(dir: string): Map<string, string> | null {
  const cached = byDir.get(dir);
  if (cached !== undefined) return cached;
  let found: Map<string, string> | null;
  const text = readSource(path.join(dir, 'package.json'));
  if (text !== undefined) {
    found = new Map();
    try {
      const json = JSON.parse(text) as Record<string, unknown>;
      for (const field of ['peerDependencies', 'devDependencies', 'dependencies']) {
        const deps = json[field];
        if (typeof deps === 'object' && deps !== null) for (const [name, range] of Object.entries(deps)) if (typeof range === 'string') found.set(name, range);
      }
    } catch {
      // An unreadable package.json declares nothing.
    }
  } else {
    const parent = path.dirname(dir);
    found = parent === dir ? null : declared(parent);
  }
  byDir.set(dir, found);
  return found;
}

/** The lowest major version the file's package allows for `module` (`^6.0.0` → 6), or `undefined`. */
export function declaredMajor(filename: string, module: string): number | undefined {
  if (!path.isAbsolute(filename)) return undefined;
  const range = declared(path.dirname(filename))?.get(module);
  const match = range === undefined ? null : /(\d+)/.exec(range);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
