/**
 * Shared by the rule tests: one rule run through a plain ESLint `Linter`, from syntax alone or with
 * the type information of the tests/fixtures/typed project. RuleTester checks what a rule reports;
 * these helpers let a test compare the two modes and check how ESLint rejects bad options.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter, type ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The typed fixture project: a strict tsconfig, `file.ts` (what typed cases are linted as) and `types.ts`. */
export const typedFixtureDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/typed');

/** Parser options of the typed RuleTester and of `lintWithRule(…, { typed: true })`. */
export const typedParserOptions = { project: './tsconfig.json', tsconfigRootDir: typedFixtureDir };

export interface LintOptions {
  /** Lint as tests/fixtures/typed/file.ts with the fixture's tsconfig. */
  typed?: boolean;
  /** The rule's options, after the severity. */
  ruleOptions?: readonly unknown[];
}

/**
 * The messages of one rule on `src/<file>` (written out with `code`) of a private package on disk
 * whose package.json declares `deps` (and the fields of `manifest`, which replace any of its own):
 * for rules that read the versions or libraries a package declares. The package is removed afterwards.
 */
export function lintInPackage(
  ruleId: string,
  rule: object,
  deps: Readonly<Record<string, string>>,
  file: string,
  code: string,
  manifest: Readonly<Record<string, unknown>> = {},
  folderManifest?: Readonly<Record<string, unknown>>,
): Linter.LintMessage[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-package-'));
  try {
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, dependencies: deps, ...manifest }));
    mkdirSync(path.join(dir, 'src'));
    // A package.json of the file's own folder (`{ "type": "module" }`), under the package's.
    if (folderManifest) writeFileSync(path.join(dir, 'src', 'package.json'), JSON.stringify(folderManifest));
    const filename = path.join(dir, 'src', file);
    writeFileSync(filename, code);
    const config: Linter.Config = {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
      rules: { [`memo-guard/${ruleId}`]: 'error' },
    };
    return new Linter({ configType: 'flat', cwd: dir }).verify(code, config, filename).filter((m) => m.ruleId === `memo-guard/${ruleId}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A project on disk for the tests of one `describe`: `files` (paths relative to its folder, which is
 * made, with any folders they need, before the tests and removed after them). `dir()` is its folder.
 */
export function projectOnDisk(prefix: string, files: () => Readonly<Record<string, string>>): { dir: () => string } {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), `memo-guard-${prefix}-`));
    for (const [name, text] of Object.entries(files())) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir: () => dir };
}

/** The messages of one rule on `file` (relative to `dir`, a project on disk the test wrote) with `code` as its text, parsed by typescript-eslint. */
export function lintInDir(ruleId: string, rule: object, dir: string, file: string, code: string): Linter.LintMessage[] {
  const config: Linter.Config = {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
    rules: { [`memo-guard/${ruleId}`]: 'error' },
  };
  return new Linter({ configType: 'flat', cwd: dir }).verify(code, config, path.join(dir, file));
}

/** The messages of one rule on one snippet. Throws on a configuration error or a parse error. */
export function lintWithRule(ruleId: string, rule: object, code: string, { typed = false, ruleOptions = [] }: LintOptions = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: typed ? typedFixtureDir : process.cwd() });
  const config: Linter.Config = {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 'latest',
      sourceType: 'module',
      parserOptions: typed ? { ...typedParserOptions, disallowAutomaticSingleRunInference: true } : {},
    },
    plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
    rules: { [`memo-guard/${ruleId}`]: ['error', ...ruleOptions] },
  };
  const filename = typed ? path.join(typedFixtureDir, 'file.ts') : 'file.ts';
  const messages = linter.verify(code, config, filename);
  const fatal = messages.find((m) => m.fatal === true);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  return messages;
}

interface TypedCases {
  valid: readonly { code: string; name?: string }[];
  invalid: readonly { code: string; name?: string; errors: readonly unknown[] }[];
}

/**
 * Every rule works from syntax and finds more with types, never less: each typed case reports at
 * least as much with types. `invalidCases` says what the typed invalid cases show besides:
 * `'types-only'`, syntax alone finds nothing there; `'same'`, both modes find every error.
 */
export function describeTypesFindMore(ruleId: string, rule: object, cases: TypedCases, invalidCases: 'types-only' | 'same'): void {
  describe('types find the same or more than syntax alone', () => {
    const all = [...cases.valid, ...cases.invalid].map((c) => [c.name ?? c.code, c.code] as const);
    it.each(all)('%s', (_name, code) => {
      const untyped = lintWithRule(ruleId, rule, code).length;
      const typed = lintWithRule(ruleId, rule, code, { typed: true }).length;
      expect(typed).toBeGreaterThanOrEqual(untyped);
    });

    const invalid = cases.invalid.map((c) => [c.name ?? c.code, c.code, c.errors.length] as const);
    it.each(invalid)(invalidCases === 'types-only' ? 'only types find: %s' : 'same findings: %s', (_name, code, errors) => {
      expect(lintWithRule(ruleId, rule, code)).toHaveLength(invalidCases === 'types-only' ? 0 : errors);
      expect(lintWithRule(ruleId, rule, code, { typed: true })).toHaveLength(errors);
    });
  });
}

/**
 * The `memoizePromise` helper public code writes around lodash's `memoize` (12 lines, the same in
 * every rule's tests): a shim whose `catch` deletes its own entry, keyed by the caller's resolver or
 * the first argument. `exported` puts `export` before it.
 */
export function memoizePromiseHelper({ exported }: { exported: boolean }): string {
  return `${exported ? 'export ' : ''}function memoizePromise(f, resolver = (k) => k) {
  const memorized = memoize(async (...args) => {
    try {
      return await f(...args);
    } catch (error) {
      memorized.cache.delete(resolver(...args));
      throw error;
    }
  }, resolver);
  return memorized;
}`;
}

/**
 * An Express project on disk for cases that span files: its package.json and `files` under `src/`,
 * written before the block's tests and removed after. `lint(file)` runs one rule over `src/<file>`
 * (its text as written, unless `code` is given) with the project around it.
 */
export function expressProject(ruleId: string, rule: object, files: Readonly<Record<string, string>>, { folder }: { folder?: string } = {}): { lint: (file: string, code?: string) => Linter.LintMessage[] } {
  let top = '';
  let dir = '';
  beforeAll(() => {
    top = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-project-'));
    // `folder`: the project's own folder inside the temporary one (`alert-cli`), when its name matters.
    dir = folder === undefined ? top : path.join(top, folder);
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "api", "type": "module", "dependencies": { "express": "^4.0.0" } }\n');
    for (const [name, code] of Object.entries(files)) writeFileSync(path.join(dir, 'src', name), code);
  });
  afterAll(() => {
    rmSync(top, { recursive: true, force: true });
  });
  const config: Linter.Config = {
    files: ['**/*.js'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
    rules: { [`memo-guard/${ruleId}`]: 'error' },
  };
  return { lint: (file, code = files[file] ?? '') => new Linter({ configType: 'flat', cwd: dir }).verify(code, config, path.join(dir, 'src', file)) };
}

/** Line, message id and the handler a cross-file message names (`reached from src/routes.js:7`). */
export function reached(messages: readonly Linter.LintMessage[]): [number, string | undefined, string | undefined][] {
  return messages.map((m) => [m.line, m.messageId, /reached from (\S+)\)/.exec(m.message)?.[1]]);
}

/**
 * One module written twice into an Express project beside `files`: `name.js`, which the routes call
 * in a way that must stay quiet, and `name2.js`, which they call in a way that must be reported.
 * `quiet()` and `reported()` lint each (as `reached` gives the messages); `lint(file)` any other file.
 */
export function twinModules(
  ruleId: string,
  rule: object,
  name: string,
  code: string,
  files: Readonly<Record<string, string>>,
): { quiet: () => ReturnType<typeof reached>; reported: () => ReturnType<typeof reached>; lint: (file: string, code?: string) => ReturnType<typeof reached> } {
  const project = expressProject(ruleId, rule, { [`${name}.js`]: code, [`${name}2.js`]: code, ...files });
  const lint = (file: string, text?: string): ReturnType<typeof reached> => reached(project.lint(file, text));
  return { quiet: () => lint(`${name}.js`), reported: () => lint(`${name}2.js`), lint };
}
