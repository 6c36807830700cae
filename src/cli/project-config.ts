/**
 * The project's own `eslint.config.*`, read by the project's ESLint exactly as `eslint` would
 * (any of its file names, TypeScript configs, a config in a parent folder): memo-guard takes from
 * it the `memo-guard` settings, the ignores and, for files it gives a parser (hermes-eslint,
 * @babel/eslint-parser, typescript-eslint with its options), that parser setup: memo-guard parses
 * what the project parses. Its rules and plugins are its own business.
 */
import path from 'node:path';
import type { ESLint as ESLintClass, Linter } from 'eslint';
import { allFiles } from './config.js';
import { isDefaultParser } from './parsers.js';

export interface ProjectConfig {
  /** The config file, relative to cwd. */
  file: string;
  /** Whether the project's config ignores the file (its `ignores`, not its `files` patterns). */
  isIgnored: (file: string) => Promise<boolean>;
  /** `settings['memo-guard']` for that file, or `undefined`. */
  settingsFor: (file: string) => Promise<unknown>;
  /**
   * The project's `languageOptions` for that file when they set a parser other than ESLint's
   * default (the same object for every file of one setup), else `undefined`.
   */
  languageOptionsFor: (file: string) => Promise<Linter.LanguageOptions | undefined>;
}

export interface ProjectConfigResult {
  config?: ProjectConfig;
  /** Why the project's config could not be used (it is then ignored). */
  warning?: string;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}

export async function loadProjectConfig(ESLint: typeof ESLintClass, cwd: string): Promise<ProjectConfigResult> {
  // Every file memo-guard lints counts as matched, so that `undefined` below means ignored, not
  // "the project's config has no `files` pattern for .ts" (that is for its own rules to decide).
  const eslint = new ESLint({ cwd, overrideConfig: [{ files: [allFiles] }] });
  let found: string | undefined;
  try {
    found = await eslint.findConfigFile();
  } catch {
    return {};
  }
  if (found === undefined) return {};
  const file = path.relative(cwd, found) || found;
  try {
    // Loads the config (and its plugins) once, now, so that a config that cannot load is one
    // warning instead of an error per file.
    await eslint.calculateConfigForFile(path.join(cwd, '__memo-guard-probe__.js'));
  } catch (error) {
    return { warning: `could not load ${file} (${firstLine(error)}); using memo-guard's defaults, without the project's settings and ignores` };
  }
  const configFor = async (f: string): Promise<{ settings?: Record<string, unknown>; languageOptions?: Linter.LanguageOptions } | undefined> =>
    (await eslint.calculateConfigForFile(f)) as { settings?: Record<string, unknown>; languageOptions?: Linter.LanguageOptions } | undefined;
  return {
    config: {
      file,
      isIgnored: async (f) => (await configFor(f)) === undefined,
      settingsFor: async (f) => (await configFor(f))?.settings?.['memo-guard'],
      languageOptionsFor: async (f) => {
        const languageOptions = (await configFor(f))?.languageOptions;
        return languageOptions && !isDefaultParser(languageOptions.parser) ? languageOptions : undefined;
      },
    },
  };
}
