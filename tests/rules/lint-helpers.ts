/**
 * Shared by the rule tests: one rule run through a plain ESLint `Linter`, from syntax alone or with
 * the type information of the tests/fixtures/typed project. RuleTester checks what a rule reports;
 * these helpers let a test compare the two modes and check how ESLint rejects bad options.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter, type ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

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
