#!/usr/bin/env node
/**
 * `memo-guard [paths...] [--fix] [--format stylish|json] [--max-warnings N]`: lints a code base
 * with eslint-plugin-memo-guard's recommended rules, using the eslint of the project it runs in.
 * Every failure is one line on stderr and exit code 2; findings are exit code 1.
 */
import { run } from './run.js';

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}

try {
  process.exitCode = await run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  process.stderr.write(`memo-guard: ${oneLine(error)}\n`);
  process.exitCode = 2;
}
