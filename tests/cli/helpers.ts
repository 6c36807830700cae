/** Scratch projects under the OS temp dir and the built command run in them (see cli.test.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliBin, runNode, type Run } from '../e2e/helpers.js';

const roots: string[] = [];

/** A fresh folder holding `files` (relative path → text). */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-cli-'));
  roots.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** Registers a folder made elsewhere for removal by `removeProjects`. */
export function track(dir: string): string {
  roots.push(dir);
  return dir;
}

export function removeProjects(): void {
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function memoGuard(cwd: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Run {
  // Annotations only where a test asks for them (a CI run on GitHub Actions sets GITHUB_ACTIONS).
  return runNode([cliBin, ...args], cwd, { GITHUB_ACTIONS: '', ...env });
}
