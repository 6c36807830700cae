#!/usr/bin/env node
// `npm run demo`: lints the bundled example app with the memo-guard command, applies --fix to a
// scratch copy and shows the diff, then shows the leak and the fix at run time. examples/ itself is
// never changed. Exits 0 even though the example has findings: it is a demo.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/src/cli/main.js');
const examples = path.join(root, 'examples');
const scratchRoot = path.join(root, '.demo-tmp');
const scratch = path.join(scratchRoot, 'examples');

function heading(text) {
  const bold = process.stdout.isTTY ? (t) => `\x1b[1m${t}\x1b[0m` : (t) => t;
  console.log(`\n${bold(`== ${text}`)}\n`);
}

function runCli(args, cwd) {
  console.log(`$ memo-guard ${args.join(' ')}   (in ${path.relative(root, cwd) || '.'}/)`);
  const { status } = spawnSync(process.execPath, [cli, ...args], { cwd, stdio: 'inherit' });
  console.log(`(exit code ${status})`);
  return status;
}

function showDiff() {
  const args = ['-ru', '--exclude=node_modules', 'examples', path.join('.demo-tmp', 'examples')];
  let result = spawnSync('diff', args, { cwd: root, encoding: 'utf8' });
  if (result.error) {
    result = spawnSync('git', ['diff', '--no-index', '--color=never', 'examples', '.demo-tmp/examples'], { cwd: root, encoding: 'utf8' });
  }
  process.stdout.write(result.stdout || '(no changes)\n');
}

function get(port, urlPath, agent) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout on ${urlPath}`)));
  });
}

function startServer(dir) {
  const child = spawn(process.execPath, ['--expose-gc', 'server.js'], {
    cwd: dir,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 10 s')), 10_000);
    child.stdout.once('data', (d) => {
      clearTimeout(timer);
      const m = /listening 127\.0\.0\.1:(\d+)/.exec(String(d));
      if (m) resolve({ child, port: Number(m[1]) });
      else reject(new Error(`unexpected first line: ${String(d).trim()}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${stderr.trim().split('\n')[0] ?? ''}`));
    });
  });
}

/** 4,000 requests with distinct product ids and search terms, 16 at a time. */
async function load(label, dir) {
  const { child, port } = await startServer(dir);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  try {
    const before = JSON.parse(await get(port, '/metrics', agent));
    let next = 0;
    const total = 4000;
    const worker = async () => {
      while (next < total) {
        const i = next++;
        await get(port, i % 2 === 0 ? `/products/p${i}` : `/search?q=term${i}`, agent);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const after = JSON.parse(await get(port, '/metrics', agent));
    const growth = ((after.heapUsed - before.heapUsed) / 1024 / 1024).toFixed(1);
    console.log(`${label.padEnd(8)} caches after ${total} requests: ${JSON.stringify(after.caches)}, heap growth ${growth} MB`);
  } finally {
    agent.destroy();
    child.kill();
  }
}

if (!existsSync(cli)) {
  console.error('memo-guard demo: dist/ is missing; run `npm run build` (or `npm run demo`, which builds first)');
  process.exit(1);
}

try {
  heading('1. memo-guard on examples/ (nothing is changed)');
  runCli([], examples);

  heading('2. memo-guard --fix on a scratch copy (.demo-tmp/examples)');
  rmSync(scratchRoot, { recursive: true, force: true });
  cpSync(examples, scratch, { recursive: true });
  runCli(['--fix'], scratch);

  heading('3. What --fix changed');
  showDiff();

  heading('4. The leak at run time: the example server before and after --fix');
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
process.exitCode = 0;
