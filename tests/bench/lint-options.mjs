/**
 * The ESLint options every app benchmark lints with (app-cost, editor-cost, concurrency-check), in
 * one place so they measure the same thing: no types, typescript-eslint's parser for every file,
 * `no-unused-vars` alone ("bare") or with every memo-guard rule as a warning ("plugin"), the built
 * plugin from dist/.
 *
 * Two ways in:
 *
 * - `lintOptions({ app, mode, concurrency })` for a `new ESLint(...)` in this thread;
 * - this file as an ESLint *options module*: `ESLint.fromOptionsModule(optionsModuleURL(...))`. With
 *   `concurrency` on, ESLint passes its options to worker threads, which needs structured-cloneable
 *   values; a plugin object is not one (ESLint 10 throws "options cannot be cloned ... use an
 *   options module"). An options module is loaded again by each worker from its URL, so the plugin
 *   object never crosses threads. The parameters travel in the URL's query string, which the
 *   workers import unchanged.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tseslint from 'typescript-eslint';
import plugin from '../../dist/src/index.js';

/** Files an app lint never looks at (dependencies, build output). */
export const IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.next/**'];

/** The rules of a mode: `bare` is no-unused-vars alone; `plugin` adds every memo-guard rule. */
export function rulesFor(mode) {
  const memoRules = mode === 'plugin' ? Object.fromEntries(Object.keys(plugin.rules).map((id) => [`memo-guard/${id}`, 'warn'])) : {};
  return { 'no-unused-vars': 'warn', ...memoRules };
}

/** ESLint constructor options for linting `app` in `mode` ('bare' | 'plugin') with `concurrency` ('off' | 'auto' | a number). */
export function lintOptions({ app, mode, concurrency = 'off' }) {
  return {
    cwd: app,
    overrideConfigFile: true,
    concurrency: concurrency === 'off' || concurrency === 'auto' ? concurrency : Number(concurrency),
    overrideConfig: [
      { ignores: IGNORES },
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'],
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { 'memo-guard': plugin },
        languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: rulesFor(mode),
      },
    ],
  };
}

/** The URL of this module as an options module for `app`, `mode` and `concurrency`. */
export function optionsModuleURL({ app, mode, concurrency = 'off' }) {
  const url = pathToFileURL(path.resolve(import.meta.dirname, 'lint-options.mjs'));
  url.search = new URLSearchParams({ app: path.resolve(app), mode, concurrency: String(concurrency) }).toString();
  return url;
}

// As an options module: the parameters from the query string. Imported without one (as a library),
// the default export is unused.
const query = new URL(import.meta.url).searchParams;
export default query.has('app') ? lintOptions({ app: query.get('app'), mode: query.get('mode') ?? 'plugin', concurrency: query.get('concurrency') ?? 'off' }) : {};
