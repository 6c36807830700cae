#!/usr/bin/env node
// `npm run demo`: lints the bundled example app with the memo-guard command, applies --fix to a
// scratch copy and shows the diff, then shows the leak and the fix at run time. examples/ itself is
// never changed. Exits 0 even though the example has findings: it is a demo.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drive } from './lib/example-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/src/cli/main.js');
const examples = path.join(root, 'examples');
const scratchRoot = path.join(root, '.demo-tmp');
const scratch = path.join(scratchRoot, 'examples');

function heading(text) {
  const bold = process.stdout.isTTY ? (t) => `\x1b[1m${t}\x1b[0m` : (t) => t;
  console.log(`\n${bold(`== ${text}`)}\n`);
}

/** Runs the command; `quiet` keeps its report (already shown) off the screen: only what --fix changed and the summary. */
function runCli(args, cwd, { quiet = false } = {}) {
  console.log(`$ memo-guard ${args.join(' ')}   (in ${path.relative(root, cwd) || '.'}/)`);
  const fullArgs = quiet ? [...args, '--format', 'json'] : args;
  const { status } = spawnSync(process.execPath, [cli, ...fullArgs], { cwd, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
  console.log(`(exit code ${status})`);
  return status;
}

function showDiff() {
  const args = ['-ru', '--exclude=node_modules', 'examples', path.join('.demo-tmp', 'examples')];
  let result = spawnSync('diff', args, { cwd: root, encoding: 'utf8' });
  if (result.error) {
    result = spawnSync('git', ['diff', '--no-index', '--color=never', 'examples', '.demo-tmp/examples'], { cwd: root, encoding: 'utf8' });
  }
  // Without the `diff -ru` line and the file times: only what changed.
  const text = (result.stdout ?? '')
    .split('\n')
    .filter((line) => !line.startsWith('diff '))
    .map((line) => line.replace(/^((?:---|\+\+\+) \S+)\t.*$/, '$1'))
    .join('\n');
  process.stdout.write(text.trim() === '' ? '(no changes)\n' : text);
}

/** 4,000 distinct requests (new product ids and search terms, each from a new X-Forwarded-For address). */
async function load(label, dir) {
  const total = 4000;
  const [before, after] = await drive(dir, { total });
  const growth = ((after.heapUsed - before.heapUsed) / 1024 / 1024).toFixed(1);
  console.log(`${label.padEnd(8)} caches after ${total} requests: ${JSON.stringify(after.caches)}, heap growth ${growth} MB`);
}

if (!existsSync(cli)) {
  console.error('memo-guard demo: dist/ is missing; run `npm run build` (or `npm run demo`, which builds first)');
  process.exit(1);
}

try {
  heading('1. memo-guard on examples/ (nothing is changed)');
  runCli([], examples);

  heading('2. memo-guard --fix on a scratch copy (.demo-tmp/examples): what it changed, and what is left');
  rmSync(scratchRoot, { recursive: true, force: true });
  cpSync(examples, scratch, { recursive: true });
  runCli(['--fix'], scratch, { quiet: true });

  heading('3. What --fix changed');
  showDiff();

  heading('4. The leak at run time: the example server before and after --fix (4,000 distinct requests)');
  try {
    await load('before', path.join(examples, 'shop'));
    await load('after', path.join(scratch, 'shop'));
  } catch (error) {
    console.log(`(skipped: ${error instanceof Error ? error.message : String(error)})`);
  }
} finally {
  rmSync(scratchRoot, { recursive: true, force: true });
}

const memoizeDemo = path.join(root, 'scripts', 'demo-memoize.mjs');
if (existsSync(memoizeDemo)) {
  heading('5. The runtime memoizer');
  spawnSync(process.execPath, [memoizeDemo], { cwd: root, stdio: 'inherit' });
}

// The shared store needs a Redis: a redis-server on this machine (or REDIS_URL); without one the
// part is skipped with the command that installs it.
const redisDemo = path.join(root, 'scripts', 'demo-redis.mjs');
heading('6. Two server processes share one Redis: the second answers from the first\'s work');
const hasRedis = process.env.REDIS_URL !== undefined || spawnSync('/bin/sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status === 0;
if (hasRedis) spawnSync(process.execPath, [redisDemo], { cwd: root, stdio: 'inherit' });
else console.log('(skipped: redis-server is not installed; install it with `apt-get update && apt-get install -y redis-server`, or set REDIS_URL, then run `npm run demo:redis`)');
process.exitCode = 0;
