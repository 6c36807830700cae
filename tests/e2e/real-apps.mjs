#!/usr/bin/env node
// Runs the built `memo-guard` (dist/) at the root of real applications and prints one Markdown
// table row per application: what it printed (files, parsers, unparsed files, findings) and how
// long it took (wall clock and CPU). The README's "On real applications" table comes from here.
//
//   node tests/e2e/real-apps.mjs [owner/name ...]
//
// Each application is read from a bare mirror at /work/.mirror/<owner>+<name>/repo (or
// $MIRRORS/<owner>+<name>/repo), laid out at its HEAD under $TMPDIR/memo-guard-apps/<name> without
// `npm install`: memo-guard then takes eslint and the parsers from next to itself. Blobs the
// mirror lacks (large binaries) are skipped. No finding is judged here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/src/cli/main.js');
const mirrors = process.env.MIRRORS ?? '/work/.mirror';
const work = path.join(os.tmpdir(), 'memo-guard-apps');

const defaults = [
  ['parse-community/parse-server', 'Express, Flow + Babel'],
  ['withspectrum/spectrum', 'Express + GraphQL, Flow'],
  ['hackmdio/codimd', 'Express, JavaScript + Babel config'],
  ['hagopj13/node-express-boilerplate', 'Express, JavaScript'],
  ['gothinkster/node-express-realworld-example-app', 'Express, TypeScript (Nx)'],
  ['gothinkster/koa-knex-realworld-example', 'Koa, JavaScript'],
  ['outline/outline', 'Koa, TypeScript'],
  ['fastify/demo', 'Fastify, TypeScript'],
  ['lujakob/nestjs-realworld-example-app', 'NestJS, TypeScript'],
  ['shadcn-ui/taxonomy', 'Next.js, TypeScript'],
  ['documenso/documenso', 'monorepo (npm workspaces), TypeScript'],
];

function git(gitDir, args, options = {}) {
  return spawnSync('git', [`--git-dir=${gitDir}`, ...args], { maxBuffer: 1 << 30, ...options });
}

/** Writes every blob of HEAD the mirror holds under `dir`; returns the short commit and its date. */
function layOut(gitDir, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tree = git(gitDir, ['ls-tree', '-r', '-z', 'HEAD']).stdout.toString('utf8').split('\0').filter(Boolean);
  for (const entry of tree) {
    const [meta, file] = entry.split('\t');
    const [mode, type, sha] = meta.split(' ');
    if (type !== 'blob' || mode === '120000') continue;
    const blob = git(gitDir, ['cat-file', 'blob', sha]);
    if (blob.status !== 0) continue; // not in the mirror (a large binary)
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), blob.stdout);
  }
  return git(gitDir, ['log', '-1', '--format=%h %cs', 'HEAD']).stdout.toString().trim();
}

function run(dir) {
  const script = `cd ${JSON.stringify(dir)} && TIMEFORMAT='%R %U %S' && { time node ${JSON.stringify(cli)} > ../${path.basename(dir)}.out 2> ../${path.basename(dir)}.err; echo "status $?" >&2; } 2> ../${path.basename(dir)}.time`;
  spawnSync('bash', ['-c', script], { env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', GITHUB_ACTIONS: '' } });
  const read = (ext) => spawnSync('cat', [`${dir}.${ext}`]).stdout.toString();
  const timeText = read('time');
  const [wall, user, sys] = (/^([\d.]+) ([\d.]+) ([\d.]+)$/m.exec(timeText) ?? []).slice(1).map(Number);
  const status = Number(/status (\d+)/.exec(timeText)?.[1]);
  return { out: read('out'), err: read('err'), wall, cpu: user + sys, status };
}

const wanted = process.argv.slice(2);
const apps = wanted.length > 0 ? wanted.map((repo) => [repo, defaults.find(([r]) => r === repo)?.[1] ?? '']) : defaults;
console.log(`memo-guard ${spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD']).stdout.toString().trim()}, node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`);
console.log('| application | stack | commit | files | parsed by | not parsed | findings | exit | wall s | CPU s |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [repo, stack] of apps) {
  const gitDir = path.join(mirrors, repo.replace('/', '+'), 'repo');
  if (!existsSync(gitDir)) {
    console.log(`| ${repo} | ${stack} | (no mirror) | | | | | | | |`);
    continue;
  }
  const dir = path.join(work, repo.split('/')[1]);
  const commit = layOut(gitDir, dir);
  const { out, err, wall, cpu, status } = run(dir);
  const files = /^(\d+) files? scanned/m.exec(out)?.[1] ?? '?';
  const parsers = /^parsed by (.*)$/m.exec(out)?.[1] ?? '';
  const unparsed = /^(\d+) files? could not be parsed/m.exec(out)?.[1] ?? '0';
  const findings = [...out.matchAll(/^ {2}(memo-guard\/[\w-]+) +(\d+)$/gm)].map((m) => `${m[2]} ${m[1].replace('memo-guard/', '')}`).join(', ') || 'none';
  const warning = err.trim() === '' ? '' : ` (stderr: ${err.trim().split('\n')[0].slice(0, 120)})`;
  console.log(`| ${repo} | ${stack} | ${commit} | ${files} | ${parsers} | ${unparsed} | ${findings}${warning} | ${status} | ${wall.toFixed(1)} | ${cpu.toFixed(1)} |`);
}
