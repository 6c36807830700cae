/**
 * What a file's package declares: the nearest package.json above the file that declares a
 * dependency, its dependencies, devDependencies and peerDependencies, whether it is private and the
 * files it names as entries, read once per directory. A library whose defaults changed between
 * majors (lru-cache 7 made `max` required) is judged by the range declared.
 */
import path from 'node:path';
import type { PackageManifest } from '../../model/file-model.js';
import { readSource } from './sources.js';

const byDir = new Map<string, PackageManifest | null>();

/** The fields of a package.json that name files the package runs or hands out. */
const ENTRY_FIELDS = ['main', 'module', 'exports', 'bin', 'browser', 'scripts'];

function manifestIn(dir: string): PackageManifest | null {
  const cached = byDir.get(dir);
  if (cached !== undefined) return cached;
  let found: PackageManifest | null;
  const text = readSource(path.join(dir, 'package.json'));
  if (text !== undefined) {
    const declared = new Map<string, string>();
    const runtime = new Set<string>();
    let isPrivate = false;
    let publishes = false;
    let entryText = '';
    try {
      const json = JSON.parse(text) as Record<string, unknown>;
      for (const field of ['peerDependencies', 'devDependencies', 'dependencies']) {
        const deps = json[field];
        if (typeof deps !== 'object' || deps === null) continue;
        for (const [name, range] of Object.entries(deps)) {
          if (typeof range !== 'string') continue;
          declared.set(name, range);
          if (field === 'dependencies') runtime.add(name);
        }
      }
      isPrivate = json.private === true;
      const entries = ENTRY_FIELDS.filter((field) => json[field] !== undefined);
      // An application run by `npm start` is not handed out, whatever `main` npm's init left in it.
      const scripts = json.scripts;
      const started = typeof scripts === 'object' && scripts !== null && typeof (scripts as Record<string, unknown>).start === 'string';
      publishes = !isPrivate && !started && entries.some((field) => field !== 'scripts' && field !== 'browser');
      entryText = JSON.stringify(entries.map((field) => json[field]));
    } catch {
      // An unreadable package.json declares nothing.
    }
    found = { declared, runtime, private: isPrivate, publishes, entryText };
    // A package.json that declares no dependency (`{ "type": "module" }` in a folder, a manifest that
    // only publishes types) installs nothing: imports resolve as they would without it, from above.
    if (declared.size === 0) found = manifestAbove(dir) ?? found;
  } else {
    found = manifestAbove(dir);
  }
  byDir.set(dir, found);
  return found;
}

/** The manifest of the folders above `dir`, if any. */
function manifestAbove(dir: string): PackageManifest | null {
  const parent = path.dirname(dir);
  return parent === dir ? null : manifestIn(parent);
}

/** The nearest package.json above `filename`, or `undefined` (no real path, or none up to the root). */
export function packageManifest(filename: string): PackageManifest | undefined {
  return path.isAbsolute(filename) ? (manifestIn(path.dirname(filename)) ?? undefined) : undefined;
}

/** The lowest major version the file's package allows for `module` (`^6.0.0` → 6), or `undefined`. */
export function declaredMajor(filename: string, module: string): number | undefined {
  const range = packageManifest(filename)?.declared.get(module);
  const match = range === undefined ? null : /(\d+)/.exec(range);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
