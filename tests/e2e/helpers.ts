/**
 * Shared by the end-to-end tests: real eslint binaries, real copies of examples/, real servers.
 * Nothing is mocked. Scratch copies live in tests/e2e/.tmp-* (inside the repo, so that
 * `eslint-plugin-memo-guard` and `eslint-plugin-memo-guard/memoize` resolve to dist/ through the
 * package's self-reference) and are removed by each test file's afterAll.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const eslintBin = path.join(repoRoot, 'node_modules/eslint/bin/eslint.js');
export const cliBin = path.join(repoRoot, 'dist/src/cli/main.js');
const distIndex = path.join(repoRoot, 'dist/src/index.js');

export const coreRules = ['no-unsafe-async-memoize', 'no-unhashable-args', 'no-unbounded-cache-in-handler'] as const;

interface PluginShape {
  rules?: Record<string, unknown>;
  configs?: Record<string, { rules?: Record<string, unknown> } | undefined>;
}

/**
 * Throws a clear error unless dist/ holds the built plugin with the three core rules and a
 * recommended config that turns them on. Tests that need the rules call this first.
 */
export async function assertRulesBuilt(): Promise<void> {
  if (!existsSync(distIndex)) throw new Error('dist/src/index.js is missing: run `npm run build` first');
  const plugin = ((await import(pathToFileURL(distIndex).href)) as { default: PluginShape }).default;
  const missing = coreRules.filter((id) => plugin.rules?.[id] === undefined);
  if (missing.length > 0) {
    throw new Error(`the built plugin does not register the rules ${missing.join(', ')} (src/rules.ts; then npm run build)`);
  }
  const recommended = Object.keys(plugin.configs?.recommended?.rules ?? {});
  const off = coreRules.filter((id) => !recommended.includes(`memo-guard/${id}`));
  if (off.length > 0) throw new Error(`configs.recommended does not turn on ${off.join(', ')}`);
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function assertCliBuilt(): void {
  if (!existsSync(cliBin)) throw new Error('dist/src/cli/main.js is missing: run `npm run build` first');
}

/** A fresh scratch folder under tests/e2e/ holding a copy of examples/ at `<dir>/examples`. */
export function copyExample(tag: string): { dir: string; examples: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(repoRoot, 'tests/e2e', `.tmp-${tag}-`));
  const examples = path.join(dir, 'examples');
  cpSync(path.join(repoRoot, 'examples'), examples, { recursive: true });
  return { dir, examples, cleanup: () => { rmSync(dir, { recursive: true, force: true }); } };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, out);
    } else if (/\.(?:[cm]?[jt]s|[jt]sx)$/.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

/** `file:line rule` strings, one per `// expect: <rule-id>[, <rule-id>]` label, sorted. */
export function expectedFindings(root: string, only?: (relativePath: string) => boolean): string[] {
  const found: string[] = [];
  for (const file of walk(root)) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (only && !only(rel)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const label = /\/\/\s*expect:\s*(.+?)\s*$/.exec(text);
        if (!label?.[1]) return;
        for (const id of label[1].split(',')) found.push(`${rel}:${index + 1} memo-guard/${id.trim()}`);
      });
  }
  return [...new Set(found)].sort();
}

export interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
  fatal?: boolean;
}
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
}

/** `file:line rule` strings for every message (a parse error shows as `parse-error: <message>`). */
export function actualFindings(root: string, results: readonly LintResult[]): string[] {
  const found: string[] = [];
  for (const result of results) {
    const rel = path.relative(root, result.filePath).split(path.sep).join('/');
    for (const m of result.messages) found.push(`${rel}:${m.line} ${m.ruleId ?? `parse-error: ${m.message}`}`);
  }
  return [...new Set(found)].sort();
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The real eslint binary with `--format json`; throws with eslint's stderr on a crash (exit 2). */
export function eslintJson(cwd: string, args: readonly string[] = ['.']): LintResult[] {
  const run = runNode([eslintBin, '--format', 'json', ...args], cwd);
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`eslint ${args.join(' ')} exited ${String(run.status)}: ${run.stderr.trim() || run.stdout.trim()}`);
  }
  return JSON.parse(run.stdout) as LintResult[];
}

// ---------------------------------------------------------------------------------------------
// Servers and load
// ---------------------------------------------------------------------------------------------

export interface Server {
  port: number;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** `node --expose-gc server.js` with PORT=0; resolves with the port from its first stdout line. */
export function startServer(dir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--expose-gc', 'server.js'], {
    cwd: dir,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => { resolve(); });
      child.kill('SIGKILL');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`server in ${dir} did not print its port within 15 s: ${stderr.trim()}`));
    }, 15_000);
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const first = out.slice(0, newline);
      const port = /^listening 127\.0\.0\.1:(\d+)$/.exec(first.trim())?.[1];
      if (port) resolve({ port: Number(port), child, stop });
      else {
        void stop();
        reject(new Error(`server printed '${first}' instead of 'listening 127.0.0.1:PORT'`));
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server in ${dir} exited with ${String(code)} before listening: ${stderr.trim()}`));
    });
  });
}

export function httpGet(port: number, urlPath: string, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, body }); });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error(`GET ${urlPath} timed out`)));
  });
}

export interface Metrics {
  caches: Record<string, number | null>;
  heapUsed: number;
  gcExposed: boolean;
}

export async function metrics(port: number, agent: http.Agent): Promise<Metrics> {
  const { status, body } = await httpGet(port, '/metrics', agent);
  if (status !== 200) throw new Error(`/metrics answered ${status}: ${body.slice(0, 200)}`);
  return JSON.parse(body) as Metrics;
}

/**
 * Sends `total` GET requests, `concurrency` at a time, `paths(i)` giving the i-th path; stops by
 * itself, and throws once `deadlineMs` has passed or any request fails.
 */
export async function hammer(
  port: number,
  agent: http.Agent,
  total: number,
  concurrency: number,
  paths: (i: number) => string,
  deadlineMs: number,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      if (Date.now() > deadline) throw new Error(`load did not finish within ${deadlineMs} ms (${next}/${total} sent)`);
      const i = next++;
      const { status } = await httpGet(port, paths(i), agent);
      if (status !== 200) throw new Error(`GET ${paths(i)} answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
