import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Converts one .gitignore line to a flat-config `ignores` glob (the same conversion as
 * `@eslint/compat`'s `convertIgnorePatternToMinimatch`, which is not a dependency here).
 */
export function gitignoreToGlob(line: string): string | undefined {
  const trimmed = line.replace(/(?<!\\)\s+$/, '');
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  const negated = trimmed.startsWith('!');
  const prefix = negated ? '!' : '';
  const pattern = negated ? trimmed.slice(1) : trimmed;
  if (['', '**', '/**', '**/'].includes(pattern)) return `${prefix}${pattern}`;
  const slash = pattern.indexOf('/');
  // No slash, or only a trailing one: the pattern matches at any depth.
  const anywhere = slash < 0 || slash === pattern.length - 1 ? '**/' : '';
  const withoutLeadingSlash = slash === 0 ? pattern.slice(1) : pattern;
  // `{` and `(` are literal in .gitignore but syntax in minimatch.
  const escaped = withoutLeadingSlash.replace(/[{(]/g, (c) => `\\${c}`);
  const inside = pattern.endsWith('/**') ? '/*' : '';
  return `${prefix}${anywhere}${escaped}${inside}`;
}

/** The globs of `cwd/<name>` (`.gitignore`, or the legacy `.eslintignore`: the same syntax), or none when there is no such file. */
export async function readIgnoreFile(cwd: string, name: '.gitignore' | '.eslintignore'): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path.join(cwd, name), 'utf8');
  } catch {
    return [];
  }
  return text.split(/\r?\n/).flatMap((line) => gitignoreToGlob(line) ?? []);
}

export function readGitignore(cwd: string): Promise<string[]> {
  return readIgnoreFile(cwd, '.gitignore');
}
