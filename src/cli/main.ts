#!/usr/bin/env node
/**
 * `memo-guard [paths...] [--fix] [--format stylish|json] [--max-warnings N]`: lints a code base
 * with eslint-plugin-memo-guard's recommended rules, using the eslint of the project it runs in.
 * Every failure is one line on stderr and exit code 2; findings are exit code 1.
 */
import { UsageError } from './args.js';
import { run } from './run.js';

/** The first line of an unexpected error (no stack); every line of a usage error (one per problem). */
function lines(error: unknown): string[] {
  const text = error instanceof Error ? error.message : String(error);
  const all = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (all.length === 0) return ['unknown error'];
  return error instanceof UsageError ? all : all.slice(0, 1);
}

try {
  process.exitCode = await run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  for (const line of lines(error)) process.stderr.write(`memo-guard: ${line}\n`);
  process.exitCode = 2;
}
