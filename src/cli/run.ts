import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ESLint as ESLintClass, Linter } from 'eslint';
import { parseCliArgs, usage, UsageError, type CliOptions } from './args.js';
import { buildConfig, recommendedConfig, type MemoGuardPlugin } from './config.js';
import { listFiles } from './files.js';
import { readGitignore } from './gitignore.js';
import { ProgressBar } from './progress.js';
import { importFrom } from './resolve.js';
import { annotations } from './annotations.js';
import { loadProjectConfig } from './project-config.js';
import { toSarif, type RuleInfo } from './sarif.js';
import { isMemoGuardRule, memoGuardFixesOnly, ownFindings, pluginPrefix } from './scope.js';
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

/** Settings of one group of files, as `settings` of the memo-guard config block. */
type SettingsValue = unknown;

interface FileGroup {
  settings: SettingsValue;
  files: string[];
}

/** Files grouped by their `settings['memo-guard']` (usually one group: settings are project-wide). */
async function groupBySettings(files: readonly string[], settingsFor: (file: string) => Promise<SettingsValue>): Promise<FileGroup[]> {
  const groups = new Map<string, FileGroup>();
  for (const file of files) {
    const settings = await settingsFor(file);
    const key = settings === undefined ? '' : JSON.stringify(settings);
    const group = groups.get(key);
    if (group) group.files.push(file);
    else groups.set(key, { settings, files: [file] });
  }
  return [...groups.values()];
}

/** Rejects malformed settings before linting, through the rules' own validation (one line per problem). */
async function checkSettings(groups: readonly FileGroup[], configFile: string): Promise<void> {
  const { settingsProblems } = (await import('../analysis/catalog/settings.js'));
  const problems = [...new Set(groups.flatMap((g) => settingsProblems(g.settings)))];
  if (problems.length > 0) throw new UsageError(problems.map((p) => `${configFile}: ${p}`).join('\n'));
}

function ruleInfos(plugin: MemoGuardPlugin, recommended: Linter.Config): RuleInfo[] {
  return Object.keys(recommended.rules ?? {})
    .filter((id) => id.startsWith(pluginPrefix))
    .map((id) => {
      const name = id.slice(pluginPrefix.length);
      const meta = (plugin.rules?.[name] as { meta?: { docs?: { description?: string; url?: string } } } | undefined)?.meta;
      return { id: name, description: meta?.docs?.description, url: meta?.docs?.url };
    });
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

  const project = await loadProjectConfig(ESLint, cwd);
  if (project.warning) write(io.stderr, `memo-guard: warning: ${project.warning}`);

  const make = (withTypes: boolean, settings: SettingsValue): ESLintClass =>
    newESLint(ESLint, {
      cwd,
      // Only memo-guard's fixes: never another rule's (enabled by an inline config), never a directive.
      fix: options.fix ? memoGuardFixesOnly : false,
      overrideConfigFile: true,
      overrideConfig: buildConfig({ cwd, recommended, tsParser, typed: withTypes, gitignore, settings }),
      errorOnUnmatchedPattern: false,
      warnIgnored: false,
    });
  const base = make(typed, undefined);
  // Without typescript-eslint's parser TypeScript files are skipped: say so, but only if there are any.
  if (!tsParser && (await listFiles(cwd, options.paths, () => Promise.resolve(false))).some((f) => /\.[cm]?tsx?$/.test(f))) {
    write(io.stderr, 'memo-guard: warning: @typescript-eslint/parser is not installed; linting JavaScript files only (run `npm install -D @typescript-eslint/parser`)');
  }

  const started = performance.now();
  const showProgress = io.stderr.isTTY || io.env.MEMO_GUARD_PROGRESS === '1';
  let groups: FileGroup[] | undefined;
  if (project.config) {
    const { isIgnored, settingsFor } = project.config;
    const files = await listFiles(cwd, options.paths, async (f) => (await base.isPathIgnored(f)) || (await isIgnored(f)));
    groups = await groupBySettings(files, settingsFor);
    await checkSettings(groups, project.config.file);
  } else if (showProgress) {
    groups = [{ settings: undefined, files: await listFiles(cwd, options.paths, (f) => base.isPathIgnored(f)) }];
  }

  let results: ESLintClass.LintResult[] = [];
  if (groups === undefined) {
    // No project config and no progress bar: ESLint walks the paths itself.
    results = await base.lintFiles(options.paths);
    if (typed) results = await relintOutsideProject(results, () => make(false, undefined));
  } else {
    const total = groups.reduce((n, g) => n + g.files.length, 0);
    const bar = showProgress && total > progressThreshold ? new ProgressBar(io.stderr, total) : undefined;
    const chunkSize = Math.max(10, Math.ceil(total / 100));
    bar?.update(0);
    try {
      for (const group of groups) {
        const eslint = group.settings === undefined ? base : make(typed, group.settings);
        let groupResults: ESLintClass.LintResult[] = [];
        for (let i = 0; i < group.files.length; i += chunkSize) {
          groupResults.push(...(await eslint.lintFiles(group.files.slice(i, i + chunkSize))));
          bar?.update(results.length + groupResults.length);
        }
        if (typed) groupResults = await relintOutsideProject(groupResults, () => make(false, group.settings));
        results.push(...groupResults);
      }
    } finally {
      bar?.done();
    }
    results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  }
  const elapsed = performance.now() - started;

  let fixed: string[] = [];
  if (options.fix) {
    await ESLint.outputFixes(results);
    fixed = results.filter((r) => r.output !== undefined).map((r) => r.filePath).sort();
  }
  results = results.map(ownFindings);

  const t = totals(results);
  const maxWarningsExceeded = options.maxWarnings !== undefined && t.warnings > options.maxWarnings;
  let output: string;
  if (options.format === 'sarif') {
    output = JSON.stringify(toSarif({ cwd, version: await version(), rules: ruleInfos(plugin, recommended), results }), null, 2);
  } else {
    const formatter = await base.loadFormatter(options.format);
    // The stylish report names files relative to where the command runs (logs and READMEs stay
    // portable); json keeps ESLint's absolute paths.
    const shown = options.format === 'stylish' ? results.map((r) => ({ ...r, filePath: path.relative(cwd, r.filePath) || r.filePath })) : results;
    output = await formatter.format(shown, {
      ...(maxWarningsExceeded && options.maxWarnings !== undefined
        ? { maxWarningsExceeded: { maxWarnings: options.maxWarnings, foundWarnings: t.warnings } }
        : {}),
    });
  }

  // JSON and SARIF keep stdout machine-readable: everything else goes to stderr.
  const machine = options.format !== 'stylish';
  const report = machine ? io.stderr : io.stdout;
  if (machine) write(io.stdout, output);
  else {
    write(io.stdout, output.replace(/^\n+/, ''));
    if (io.env.GITHUB_ACTIONS === 'true') write(io.stdout, annotations(results, io.env.GITHUB_WORKSPACE ?? cwd));
  }
  if (options.fix) write(report, formatFixed(cwd, fixed));
  // stylish already says what --fix can fix; json and sarif readers get the hint on stderr.
  const projectConfig = project.config && { file: project.config.file, hasSettings: (groups ?? []).some((g) => g.settings !== undefined) };
  write(report, formatSummary(t, { elapsedMs: elapsed, fixHint: !options.fix && machine, projectConfig }));
  if (maxWarningsExceeded) {
    write(report, `memo-guard: too many warnings (${t.warnings}, maximum allowed: ${String(options.maxWarnings)})`);
  }

  return t.errors > 0 || maxWarningsExceeded ? 1 : 0;
}

/**
 * `new ESLint(options)` with `ruleFilter` (ESLint 9.x releases that have it; 10 always does), so
 * that rules an inline `/* eslint rule: 2 *\/` turns on do not even run. Results are narrowed to
 * memo-guard's own messages afterwards either way.
 */
function newESLint(ESLint: ESLintConstructor, options: ESLintClass.Options): ESLintClass {
  const ruleFilter = ({ ruleId }: { ruleId: string }): boolean => isMemoGuardRule(ruleId);
  try {
    return new ESLint({ ...options, ruleFilter });
  } catch (error) {
    if (error instanceof Error && /Unknown options:.*ruleFilter/.test(error.message)) return new ESLint(options);
    throw error;
  }
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
