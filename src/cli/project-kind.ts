/**
 * What kind of JavaScript project memo-guard runs in, from the files at its root (and the folders
 * above, up to the repository's root): a Flow project, a project with a Babel config (which may
 * enable syntax no standard parser reads: decorators, pipelines, Flow).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ProjectKind {
  /** Why the project looks like Flow (`.flowconfig`, flow-bin, a Flow preset in the Babel config), if it does. */
  flow: string | undefined;
  /** The Babel config file, relative to cwd, if there is one. */
  babelConfig: string | undefined;
}

const babelConfigs = [
  'babel.config.js',
  'babel.config.cjs',
  'babel.config.mjs',
  'babel.config.json',
  'babel.config.cts',
  'babel.config.ts',
  '.babelrc',
  '.babelrc.js',
  '.babelrc.cjs',
  '.babelrc.mjs',
  '.babelrc.json',
  '.babelrc.cts',
];

/** A Flow preset or plugin (react-native's presets strip Flow too). */
const flowInBabel = /preset-flow|(?:transform|syntax)-flow|flow-strip-types|["']flow["']|react-native\/babel-preset|metro-react-native-babel-preset/;

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** `cwd` and its parents, up to and including the first folder that holds `.git` (or the root). */
function foldersUp(cwd: string): string[] {
  const folders: string[] = [];
  let dir = path.resolve(cwd);
  for (;;) {
    folders.push(dir);
    const parent = path.dirname(dir);
    if (existsSync(path.join(dir, '.git')) || parent === dir) return folders;
    dir = parent;
  }
}

export function detectProjectKind(cwd: string): ProjectKind {
  let flow: string | undefined;
  let babelConfig: string | undefined;
  for (const dir of foldersUp(cwd)) {
    const rel = (name: string): string => path.relative(cwd, path.join(dir, name)) || name;
    if (!flow && existsSync(path.join(dir, '.flowconfig'))) flow = rel('.flowconfig');
    const pkgText = readText(path.join(dir, 'package.json'));
    let pkg: { babel?: unknown; dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | undefined;
    try {
      pkg = pkgText === undefined ? undefined : (JSON.parse(pkgText) as typeof pkg);
    } catch {
      pkg = undefined;
    }
    if (!flow && (pkg?.devDependencies?.['flow-bin'] ?? pkg?.dependencies?.['flow-bin'])) flow = `flow-bin in ${rel('package.json')}`;
    if (!babelConfig) {
      const file = babelConfigs.find((name) => existsSync(path.join(dir, name)));
      if (file) babelConfig = rel(file);
      else if (pkg?.babel !== undefined) babelConfig = `${rel('package.json')} ("babel")`;
      const text = file ? readText(path.join(dir, file)) : pkg?.babel !== undefined ? JSON.stringify(pkg.babel) : undefined;
      if (!flow && text !== undefined && flowInBabel.test(text)) flow = `a Flow preset in ${babelConfig ?? rel('package.json')}`;
    }
  }
  return { flow, babelConfig };
}
