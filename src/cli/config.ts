import type { Linter } from 'eslint';

export const jsExtensions = ['js', 'mjs', 'cjs', 'jsx'] as const;
export const tsExtensions = ['ts', 'mts', 'cts', 'tsx'] as const;
export const allFiles = `**/*.{${[...jsExtensions, ...tsExtensions].join(',')}}`;
export const jsFiles = `**/*.{${jsExtensions.join(',')}}`;
const tsFiles = `**/*.{${tsExtensions.join(',')}}`;

/** File names memo-guard lints (used when it lists files itself, for the progress bar). */
export const lintedFile = new RegExp(`\\.(?:${[...jsExtensions, ...tsExtensions].join('|')})$`);

/** The parts of the plugin object the CLI uses (typed loosely: it is whatever dist/ holds). */
export interface MemoGuardPlugin {
  rules?: Record<string, unknown>;
  configs?: Record<string, Linter.Config | undefined>;
}

/** Thrown when the plugin has no usable recommended config (a broken or partial build). */
export class PluginError extends Error {
  override name = 'PluginError';
}

/** The plugin's `configs.recommended`, checked: every rule it turns on must exist in the plugin. */
export function recommendedConfig(plugin: MemoGuardPlugin): Linter.Config {
  const recommended = plugin.configs?.recommended;
  const rules = recommended?.rules ? Object.keys(recommended.rules) : [];
  if (!recommended || rules.length === 0) {
    throw new PluginError("the plugin's recommended config has no rules (is eslint-plugin-memo-guard built completely?)");
  }
  const missing = rules.filter((id) => id.startsWith('memo-guard/') && !plugin.rules?.[id.slice('memo-guard/'.length)]);
  if (missing.length > 0) {
    throw new PluginError(`the recommended config turns on rules the plugin does not define: ${missing.join(', ')}`);
  }
  return recommended;
}

export interface ConfigInput {
  cwd: string;
  recommended: Linter.Config;
  /** typescript-eslint's parser, or `undefined` to skip TypeScript files. */
  tsParser: Linter.Parser | undefined;
  /** Lint TypeScript with type information (`projectService`); only when cwd has a tsconfig.json. */
  typed: boolean;
  /** Ignore globs from .gitignore and .eslintignore. */
  gitignore: readonly string[];
  /** The project's `settings['memo-guard']` for these files, if it has any. */
  settings?: unknown;
  /** A parser setup that replaces the defaults above for the files it names (see parsers.ts). */
  parserOverride?: Linter.Config;
}

export function buildConfig({ cwd, recommended, tsParser, typed, gitignore, settings, parserOverride }: ConfigInput): Linter.Config[] {
  const configs: Linter.Config[] = [
    {
      name: 'memo-guard/cli/linter-options',
      // Other rules' `eslint-disable` comments are not memo-guard's business: never report (or
      // --fix away) a directive that looks unused only because its rule is not run here.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    {
      name: 'memo-guard/cli/ignores',
      ignores: ['**/node_modules/', '**/dist/', ...gitignore, ...(tsParser ? [] : [tsFiles])],
    },
    {
      name: 'memo-guard/cli/javascript',
      files: [jsFiles],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
    { name: 'memo-guard/cli/commonjs', files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ];
  if (tsParser) {
    configs.push({
      name: 'memo-guard/cli/typescript',
      files: [tsFiles],
      languageOptions: {
        parser: tsParser,
        sourceType: 'module',
        parserOptions: typed ? { projectService: true, tsconfigRootDir: cwd } : {},
      },
    });
  }
  if (parserOverride) configs.push({ ...parserOverride, name: 'memo-guard/cli/parser' });
  configs.push({ ...recommended, name: 'memo-guard/recommended', files: [allFiles] });
  if (settings !== undefined) configs.push({ name: 'memo-guard/project-settings', files: [allFiles], settings: { 'memo-guard': settings } });
  return configs;
}
