/**
 * Real parts for the Redis tests: a `redis-server` started on a free port on 127.0.0.1 with
 * persistence off, and the runtime transpiled to plain JavaScript so that spawned Node
 * processes (not workers) can load it.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y redis-server';

/** The redis-server on `searchPath`; a missing one is an error that gives the install command. */
export function redisServerBinary(searchPath = process.env.PATH ?? ''): string {
  try {
    return execFileSync('/bin/sh', ['-c', 'command -v redis-server'], { encoding: 'utf8', env: { PATH: searchPath } }).trim();
  } catch {
    throw new Error(`redis-server is not installed; the Redis store tests need a real one. Install it with: ${INSTALL_COMMAND}`);
  }
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** SIGSTOP: the server hangs, connections stay open. */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
  /** `SHUTDOWN NOSAVE`, as an operator would; resolves when the process has exited. */
  shutdown(): Promise<void>;
  /** Start again on the same port (empty: persistence is off). */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** A command through redis-cli. */
  cli(...args: string[]): string;
}

export async function startRedis(extraArgs: string[] = []): Promise<RedisServer> {
  const binary = redisServerBinary();
  const port = await freePort();
  let child: ChildProcess | undefined;

  const launch = async (): Promise<void> => {
    const proc = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no', '--enable-debug-command', 'local', ...extraArgs],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => {
        reject(new Error(`redis-server did not start on port ${String(port)}:\n${out}`));
      }, 10_000);
      proc.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${String(code)}:\n${out}`));
      });
    });
  };
  await launch();

  const exited = async (proc: ChildProcess | undefined): Promise<void> => {
    if (proc === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise((resolve) => proc.once('exit', resolve));
  };
  const cli = (...args: string[]): string =>
    execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { encoding: 'utf8' }).trim();

  return {
    port,
    url: `redis://127.0.0.1:${String(port)}`,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    async shutdown() {
      const proc = child;
      try {
        cli('SHUTDOWN', 'NOSAVE');
      } catch {
        // redis-cli reports the dropped connection of a successful shutdown as an error.
      }
      await exited(proc);
    },
    restart: launch,
    async stop() {
      const proc = child;
      if (proc !== undefined && proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGCONT');
        proc.kill('SIGKILL');
      }
      await exited(proc);
    },
    cli,
  };
}

let runtimeDir: string | undefined;

/**
 * The runtime (src/memoize) as plain ES modules in a temporary directory, for child processes;
 * transpiled per file (no type check: tsc does that), so no build step is needed first.
 * Returns the directory; `memoize/index.js` and `memoize/redis.js` are in it.
 */
export function runtimeForChildren(): string {
  if (runtimeDir !== undefined) return runtimeDir;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memo-guard-runtime-'));
  const out = path.join(dir, 'memoize');
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  const src = path.join(ROOT, 'src/memoize');
  for (const file of fs.readdirSync(src)) {
    if (!file.endsWith('.ts')) continue;
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(src, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
      fileName: file,
    });
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), outputText);
  }
  // The children resolve `redis` and `ioredis` from the project's node_modules.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  runtimeDir = dir;
  return dir;
}

export function removeRuntimeForChildren(): void {
  if (runtimeDir !== undefined) fs.rmSync(runtimeDir, { recursive: true, force: true });
  runtimeDir = undefined;
}

export interface ChildResult {
  code: number | null;
  out: unknown;
  stderr: string;
}

/**
 * Run `script` (an ES module body, with the runtime's directory as RUNTIME and `input` as INPUT)
 * in a new Node process. Its last stdout line is parsed as JSON.
 */
export function spawnChild(script: string, input: unknown): { done: Promise<ChildResult>; child: ChildProcess; lines: string[] } {
  const dir = runtimeForChildren();
  const file = path.join(dir, `child-${String(process.pid)}-${String(Math.random()).slice(2)}.mjs`);
  fs.writeFileSync(file, `const RUNTIME = ${JSON.stringify(dir)};\nconst INPUT = ${JSON.stringify(input)};\n${script}`);
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  const lines: string[] = [];
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const parts = stdout.split('\n');
    stdout = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<ChildResult>((resolve) => {
    child.once('exit', (code) => {
      if (stdout !== '') lines.push(stdout);
      let out: unknown;
      try {
        out = JSON.parse(lines[lines.length - 1] ?? 'null');
      } catch {
        out = lines[lines.length - 1];
      }
      fs.rmSync(file, { force: true });
      resolve({ code, out, stderr });
    });
  });
  return { done, child, lines };
}
