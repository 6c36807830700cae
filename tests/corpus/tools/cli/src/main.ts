#!/usr/bin/env node
import { Command } from 'commander';
import { auditCommand } from './commands/audit';
import { graphCommand } from './commands/graph';
import { version } from '../package.json';

// Command handlers run once per invocation, so plain maps are fine here.
const timings = new Map<string, number>();

function timed<T extends unknown[]>(name: string, fn: (...args: T) => Promise<void>) {
  return async (...args: T) => {
    const start = performance.now();
    await fn(...args);
    timings.set(name, performance.now() - start);
  };
}

const program = new Command('depkit').version(version).option('--timings', 'print how long each step took');

program.addCommand(auditCommand);
program.addCommand(graphCommand);

program
  .command('clean')
  .description('remove build outputs')
  .action(
    timed('clean', async () => {
      const { rm } = await import('node:fs/promises');
      await Promise.all(['dist', '.turbo', 'coverage'].map((dir) => rm(dir, { recursive: true, force: true })));
    }),
  );

program.hook('postAction', () => {
  if (program.opts().timings) {
    for (const [name, ms] of timings) console.error(`${name}: ${ms.toFixed(0)} ms`);
  }
});

await program.parseAsync(process.argv);
