import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ESLint as ESLintClass, Linter } from 'eslint';
import { parseCliArgs, usage, UsageError, type CliOptions } from './args.js';
import { allFiles, buildConfig, jsFiles, recommendedConfig, type MemoGuardPlugin } from './config.js';
import { listFiles } from './files.js';
import { readIgnoreFile } from './gitignore.js';
import { lintFiles, type FilePlan } from './lint-files.js';
import {
  hasFlowPragma,
  isOptionalParser,
  loadOptionalParser,
  optionalParsers,
  parserChain,
  parserName,
  tsExtension,
  type Loaded,
  type OptionalParser,
  type ParserId,
} from './parsers.js';
import { ProgressBar } from './progress.js';
import { detectProjectKind } from './project-kind.js';
import { importFrom } from './resolve.js';
import { annotations } from './annotations.js';
import { loadProjectConfig } from './project-config.js';
import { toSarif, type RuleInfo } from './sarif.js';
import { isMemoGuardRule, isParseError, memoGuardFixesOnly, ownFindings, pluginPrefix, withoutParseErrors } from './scope.js';
import { formatFixed, formatParseFailures, formatSummary, totals, type ParseFailure } from './summary.js';
import { muteESLintIgnoreWarning } from './warnings.js';

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

/** Rejects malformed settings before linting, through the rules' own validation (one line per problem). */
async function checkSettings(settings: readonly unknown[], configFile: string): Promise<void> {
  const { settingsProblems } = (await import('../analysis/catalog/settings.js'));
  const problems = [...new Set(settings.flatMap((value) => settingsProblems(value)))];
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

  muteESLintIgnoreWarning();
  const ESLint = await loadESLint(cwd);
  const tsParser = await loadTsParser(cwd);
  const plugin = await loadPlugin();
  const recommended = recommendedConfig(plugin);
  const gitignore = await readIgnoreFile(cwd, '.gitignore');
  const eslintignore = await readIgnoreFile(cwd, '.eslintignore');
  const ignores = [...gitignore, ...eslintignore];
  const typed = tsParser !== undefined && existsSync(path.join(cwd, 'tsconfig.json'));
  const kind = detectProjectKind(cwd);

  const project = await loadProjectConfig(ESLint, cwd);
  if (project.warning) write(io.stderr, `memo-guard: warning: ${project.warning}`);

  // The parser setups of the project's own config, numbered in the order files meet them.
  const projectSetups = new Map<Linter.LanguageOptions, ParserId>();
  const projectLanguage: Linter.LanguageOptions[] = [];
  const projectParserId = (languageOptions: Linter.LanguageOptions): ParserId => {
    let id = projectSetups.get(languageOptions);
    if (id === undefined) {
      id = `project:${projectLanguage.length}`;
      projectLanguage.push(languageOptions);
      projectSetups.set(languageOptions, id);
    }
    return id;
  };
  const optional = new Map<OptionalParser, Promise<Loaded>>();
  const loadOptional = (id: OptionalParser): Promise<Loaded> => {
    let loaded = optional.get(id);
    if (!loaded) {
      loaded = loadOptionalParser(id, cwd);
      optional.set(id, loaded);
    }
    return loaded;
  };
  const available = async (id: ParserId): Promise<boolean> => (isOptionalParser(id) ? 'parser' in (await loadOptional(id)) : true);
  const parserOverride = async (id: ParserId): Promise<Linter.Config | undefined> => {
    if (isOptionalParser(id)) {
      const loaded = await loadOptional(id);
      if (!('parser' in loaded)) return undefined;
      const parserOptions =
        id === 'babel'
          ? // The project's Babel config (babel.config.* found from cwd upward, .babelrc beside the files).
            { requireConfigFile: false, babelOptions: { cwd, rootMode: 'upward-optional' } }
          : { sourceType: 'module' };
      return { files: [jsFiles], languageOptions: { parser: loaded.parser, parserOptions } };
    }
    if (id.startsWith('project:')) return { files: [allFiles], languageOptions: projectLanguage[Number(id.slice('project:'.length))] };
    return undefined;
  };

  const make = (parser: ParserId, settings: unknown, parserBlock: Linter.Config | undefined): ESLintClass =>
    newESLint(ESLint, {
      cwd,
      // Only memo-guard's fixes: never another rule's (enabled by an inline config), never a directive.
      fix: options.fix ? memoGuardFixesOnly : false,
      overrideConfigFile: true,
      overrideConfig: buildConfig({ cwd, recommended, tsParser, typed: parser === 'typescript', gitignore: ignores, settings, parserOverride: parserBlock }),
      errorOnUnmatchedPattern: false,
      warnIgnored: false,
    });
  const base = make('espree', undefined, undefined);
  const instances = new Map<string, ESLintClass>();
  const eslintFor = async (settings: unknown, settingsKey: string, parser: ParserId): Promise<ESLintClass> => {
    const key = `${settingsKey}\0${parser}`;
    let eslint = instances.get(key);
    if (!eslint) {
      eslint = settingsKey === '' && parser === 'espree' ? base : make(parser, settings, await parserOverride(parser));
      instances.set(key, eslint);
    }
    return eslint;
  };

  // Without typescript-eslint's parser TypeScript files are skipped: say so, but only if there are any.
  if (!tsParser && (await listFiles(cwd, options.paths, () => Promise.resolve(false))).some((f) => tsExtension.test(f))) {
    write(io.stderr, 'memo-guard: warning: @typescript-eslint/parser is not installed; linting JavaScript files only (run `npm install -D @typescript-eslint/parser`)');
  }

  const started = performance.now();
  const showProgress = io.stderr.isTTY || io.env.MEMO_GUARD_PROGRESS === '1';
  const config = project.config;
  const files = await listFiles(cwd, options.paths, async (f) => (await base.isPathIgnored(f)) || (config !== undefined && (await config.isIgnored(f))));
  const plans: FilePlan[] = [];
  const flowPragma = new Set<string>();
  for (const file of files) {
    const settings = config ? await config.settingsFor(file) : undefined;
    const languageOptions = config ? await config.languageOptionsFor(file) : undefined;
    if (!tsExtension.test(file) && hasFlowPragma(await readHead(file))) flowPragma.add(file);
    plans.push({
      file,
      settings,
      settingsKey: settings === undefined ? '' : JSON.stringify(settings),
      chain: parserChain(file, { kind, typed, projectParser: languageOptions && projectParserId(languageOptions), flowPragma: flowPragma.has(file) }),
    });
  }
  if (config) await checkSettings([...new Set(plans.map((p) => p.settings))], config.file);

  const bar = showProgress && files.length > progressThreshold ? new ProgressBar(io.stderr, files.length) : undefined;
  bar?.update(0);
  let linted;
  try {
    linted = await lintFiles({
      plans,
      available,
      eslintFor,
      chunkSize: Math.max(10, Math.ceil(files.length / 100)),
      ...(bar ? { progress: (done: number) => { bar.update(done); } } : {}),
    });
  } finally {
    bar?.done();
  }
  let results = [...linted.values()].map((l) => l.result).sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const elapsed = performance.now() - started;

  let fixed: string[] = [];
  if (options.fix) {
    await ESLint.outputFixes(results);
    fixed = results.filter((r) => r.output !== undefined).map((r) => r.filePath).sort();
  }
  results = results.map(ownFindings);
  const shownResults = results.map(withoutParseErrors);

  // Which parser read how many files; the files none could read, with what was tried.
  const label = (id: ParserId): string => {
    if (id.startsWith('project:')) {
      const parser = projectLanguage[Number(id.slice('project:'.length))]?.parser;
      return `${parserName(parser) ?? 'a custom parser'} from ${config?.file ?? 'the project config'}`;
    }
    return parserLabels[id as keyof typeof parserLabels];
  };
  const served = new Map<string, number>();
  const failures: ParseFailure[] = [];
  for (const [file, l] of [...linted].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const fatal = l.result.messages.find(isParseError);
    if (fatal) failures.push({ file, line: fatal.line, column: fatal.column, message: fatal.message, tried: l.tried.map(label) });
    else served.set(label(l.parser), (served.get(label(l.parser)) ?? 0) + 1);
  }
  const missingParsers: string[] = [];
  const failedJs = failures.filter((f) => !tsExtension.test(f.file));
  const failedFlow = failedJs.filter((f) => flowPragma.has(f.file) || kind.flow !== undefined);
  let parseHint: string | undefined;
  const missing = async (id: OptionalParser, why: string): Promise<void> => {
    const loaded = await loadOptional(id);
    if ('parser' in loaded) return;
    const { pkg, syntax } = optionalParsers[id];
    missingParsers.push(
      loaded.error === 'not installed'
        ? `memo-guard: ${why}: install ${pkg} to parse ${syntax} syntax (npm install -D ${pkg})`
        : `memo-guard: ${why}, but ${pkg} could not be loaded (${loaded.error})`,
    );
  };
  if (failedFlow.length > 0) {
    parseHint = 'Flow syntax?';
    await missing('hermes', kind.flow ? `this is a Flow project (${kind.flow})` : `${plural(failedFlow.length, 'file')} with an @flow pragma`);
  }
  if (kind.babelConfig !== undefined && failedJs.length > 0 && missingParsers.length === 0) {
    parseHint ??= 'Babel syntax?';
    await missing('babel', `the project has a Babel config (${kind.babelConfig})`);
  }
  if (options.verbose) write(options.format === 'stylish' ? io.stdout : io.stderr, formatParseFailures(cwd, failures));

  const t = totals(results);
  const maxWarningsExceeded = options.maxWarnings !== undefined && t.warnings > options.maxWarnings;
  let output: string;
  if (options.format === 'sarif') {
    output = JSON.stringify(toSarif({ cwd, version: await version(), rules: ruleInfos(plugin, recommended), results }), null, 2);
  } else {
    const formatter = await base.loadFormatter(options.format);
    // The stylish report names files relative to where the command runs (logs and READMEs stay
    // portable); json keeps ESLint's absolute paths.
    const shown = options.format === 'stylish' ? shownResults.map((r) => ({ ...r, filePath: path.relative(cwd, r.filePath) || r.filePath })) : shownResults;
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
    if (io.env.GITHUB_ACTIONS === 'true') write(io.stdout, annotations(shownResults, io.env.GITHUB_WORKSPACE ?? cwd));
  }
  if (options.fix) write(report, formatFixed(cwd, fixed));
  // stylish already says what --fix can fix; json and sarif readers get the hint on stderr.
  const projectConfig = config && { file: config.file, hasSettings: plans.some((p) => p.settings !== undefined) };
  write(
    report,
    formatSummary(t, {
      elapsedMs: elapsed,
      fixHint: !options.fix && machine,
      projectConfig,
      parsers: [...served],
      parseHint,
      listedParseFailures: options.verbose,
      missingParsers,
      ignoreFiles: [...(gitignore.length > 0 ? ['.gitignore'] : []), ...(eslintignore.length > 0 ? ['.eslintignore'] : [])],
    }),
  );
  if (maxWarningsExceeded) {
    write(report, `memo-guard: too many warnings (${t.warnings}, maximum allowed: ${String(options.maxWarnings)})`);
  }

  return t.errors > 0 || maxWarningsExceeded ? 1 : 0;
}

const parserLabels = {
  espree: 'espree',
  typescript: '@typescript-eslint/parser with types',
  'typescript-untyped': '@typescript-eslint/parser',
  hermes: 'hermes-eslint',
  babel: '@babel/eslint-parser',
} as const;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The first 4 KB of a file: enough for its leading comments (an `@flow` pragma). */
async function readHead(file: string): Promise<string> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.toString('utf8', 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return '';
  }
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
