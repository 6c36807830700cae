import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ESLint as ESLintClass, Linter } from 'eslint';
import { parseCliArgs, usage, UsageError, type CliOptions } from './args.js';
import { buildConfig, recommendedConfig, type MemoGuardPlugin } from './config.js';
import { listFiles } from './files.js';
import { readGitignore } from './gitignore.js';
import { ProgressBar } from './progress.js';
import { importFrom } from './resolve.js';
import { formatFixed, formatSummary, totals } from './summary.js';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

type ESLintModule = typeof import('eslint');
type ESLintConstructor = typeof ESLintClass;

/** Above this many files, a TTY gets a progress bar. */
const progressThreshold = 50;

function write(stream: NodeJS.WriteStream, text: string): void {
  if (text !== '') stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

async function loadESLint(cwd: string): Promise<ESLintConstructor> {
  const found = await importFrom<ESLintModule & { default?: ESLintModule }>('eslint', cwd);
  const ESLint = found?.module.ESLint ?? found?.module.default?.ESLint;
  if (!ESLint) throw new UsageError('eslint is not installed in this project; run `npm install -D eslint`');
  const major = Number(ESLint.version.split('.')[0]);
  if (major < 9) throw new UsageError(`memo-guard needs eslint 9 or later (found ${ESLint.version}); run \`npm install -D eslint@latest\``);
  return ESLint;
}

async function loadTsParser(cwd: string): Promise<Linter.Parser | undefined> {
  try {
    const found = await importFrom<Record<string, unknown> & { default?: Linter.Parser }>('@typescript-eslint/parser', cwd);
    if (!found) return undefined;
    const parser = found.module;
    return typeof parser.parseForESLint === 'function' ? (parser as unknown as Linter.Parser) : parser.default;
  } catch {
    return undefined; // present but unusable (for example, typescript itself is missing)
  }
}

async function loadPlugin(): Promise<MemoGuardPlugin> {
  const mod = (await import('../index.js')) as unknown as { default: MemoGuardPlugin };
  return mod.default;
}

const notInProject = /was not found by the project service|parserOptions\.project/;

/** Files that typed linting could not parse because no tsconfig includes them: lint them without types. */
async function relintOutsideProject(
  results: ESLintClass.LintResult[],
  makeUntyped: () => ESLintClass,
): Promise<ESLintClass.LintResult[]> {
  const outside = results.filter((r) => r.messages.some((m) => m.fatal === true && notInProject.test(m.message)));
  if (outside.length === 0) return results;
  const again = await makeUntyped().lintFiles(outside.map((r) => r.filePath));
  const byPath = new Map(again.map((r) => [r.filePath, r]));
  return results.map((r) => byPath.get(r.filePath) ?? r);
}

async function lint(options: CliOptions, io: Io): Promise<number> {
  const { cwd } = io;
  for (const p of options.paths) {
    const full = path.resolve(cwd, p);
    if (!existsSync(full)) throw new UsageError(`no such file or directory: ${p}`);
    const rel = path.relative(cwd, full);
    if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
      // ESLint only lints files under its cwd (the base path of the config).
      throw new UsageError(`${p} is outside the current directory; run memo-guard from a folder that contains it`);
    }
  }

  const ESLint = await loadESLint(cwd);
  const tsParser = await loadTsParser(cwd);
  const plugin = await loadPlugin();
  const recommended = recommendedConfig(plugin);
  const gitignore = await readGitignore(cwd);
  const typed = tsParser !== undefined && existsSync(path.join(cwd, 'tsconfig.json'));

  const make = (withTypes: boolean): ESLintClass =>
    new ESLint({
      cwd,
      fix: options.fix,
      overrideConfigFile: true,
      overrideConfig: buildConfig({ cwd, recommended, tsParser, typed: withTypes, gitignore }),
      errorOnUnmatchedPattern: false,
      warnIgnored: false,
    });
  const eslint = make(typed);
  // Without typescript-eslint's parser TypeScript files are skipped: say so, but only if there are any.
  if (!tsParser && (await listFiles(cwd, options.paths, () => Promise.resolve(false))).some((f) => /\.[cm]?tsx?$/.test(f))) {
    write(io.stderr, 'memo-guard: warning: @typescript-eslint/parser is not installed; linting JavaScript files only (run `npm install -D @typescript-eslint/parser`)');
  }

  const started = performance.now();
  let results: ESLintClass.LintResult[];
  const showProgress = io.stderr.isTTY || io.env.MEMO_GUARD_PROGRESS === '1';
  const files = showProgress ? await listFiles(cwd, options.paths, (f) => eslint.isPathIgnored(f)) : [];
  if (files.length > progressThreshold) {
    const bar = new ProgressBar(io.stderr, files.length);
    const chunkSize = Math.max(10, Math.ceil(files.length / 100));
    results = [];
    bar.update(0);
    try {
      for (let i = 0; i < files.length; i += chunkSize) {
        results.push(...(await eslint.lintFiles(files.slice(i, i + chunkSize))));
        bar.update(Math.min(files.length, i + chunkSize));
      }
    } finally {
      bar.done();
    }
  } else {
    results = await eslint.lintFiles(options.paths);
  }
  if (typed) results = await relintOutsideProject(results, () => make(false));
  const elapsed = performance.now() - started;

  let fixed: string[] = [];
  if (options.fix) {
    await ESLint.outputFixes(results);
    fixed = results.filter((r) => r.output !== undefined).map((r) => r.filePath).sort();
  }

  const t = totals(results);
  const maxWarningsExceeded = options.maxWarnings !== undefined && t.warnings > options.maxWarnings;
  const formatter = await eslint.loadFormatter(options.format);
  const output = await formatter.format(results, {
    ...(maxWarningsExceeded && options.maxWarnings !== undefined
      ? { maxWarningsExceeded: { maxWarnings: options.maxWarnings, foundWarnings: t.warnings } }
      : {}),
  });

  // JSON keeps stdout machine-readable: everything else goes to stderr.
  const report = options.format === 'json' ? io.stderr : io.stdout;
  if (options.format === 'json') write(io.stdout, output);
  else write(io.stdout, output.replace(/^\n+/, ''));
  if (options.fix) write(report, formatFixed(cwd, fixed));
  // stylish already says what --fix can fix; json readers get the hint on stderr.
  write(report, formatSummary(t, elapsed, !options.fix && options.format === 'json'));
  if (maxWarningsExceeded) {
    write(report, `memo-guard: too many warnings (${t.warnings}, maximum allowed: ${String(options.maxWarnings)})`);
  }

  return t.errors > 0 || maxWarningsExceeded ? 1 : 0;
}

async function version(): Promise<string> {
  const info = (await import('../package-info.js')) as { version: string };
  return info.version;
}

/** Runs the command; returns the exit code. Throws only on unexpected errors. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const options = parseCliArgs(argv);
  if (options.help) {
    write(io.stdout, usage);
    return 0;
  }
  if (options.version) {
    write(io.stdout, await version());
    return 0;
  }
  return lint(options, io);
}
