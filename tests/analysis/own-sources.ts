/** This repository's own code of every kind the project index reads: its TypeScript, its JavaScript and JSX examples and fixtures. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Source files under `dir` (relative to the repository), recursively. */
function sources(dir: string): string[] {
  return readdirSync(path.join(repo, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.[cm]?[jt]sx?$/.test(f) && !f.includes('node_modules'))
    .map((f) => path.join(repo, dir, f));
}

/** Every source file of src, rules, examples and tests/fixtures. */
export function ownSourceFiles(): string[] {
  return [...sources('src'), ...sources('rules'), ...sources('examples'), ...sources('tests/fixtures')];
}

/**
 * Each own source file read both ways: `reference` as typescript-eslint reads it (a file it cannot
 * read is skipped), `candidate` as the index reads it (`undefined`: not read). The files where they
 * differ or the candidate read nothing, and how many were compared.
 */
export function compareOverOwnSources(reference: (file: string) => string, candidate: (file: string) => string | undefined): { differ: string[]; compared: number } {
  const differ: string[] = [];
  let compared = 0;
  for (const file of ownSourceFiles()) {
    let expected: string;
    try {
      expected = reference(file);
    } catch {
      continue; // a fixture that does not parse: nothing to compare either way
    }
    compared++;
    if (candidate(file) !== expected) differ.push(file);
  }
  return { differ, compared };
}
