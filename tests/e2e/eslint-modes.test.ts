// The same findings, however eslint runs: plain, with --cache (cold and warm), with
// --concurrency 2, through the Node API with concurrency (an options module), through ESLint 9,
// and through the memo-guard command.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actualFindings,
  assertCliBuilt,
  assertRulesBuilt,
  cliBin,
  copyExample,
  eslintJson,
  expectedFindings,
  runNode,
  toError,
  type LintResult,
} from './helpers.js';

interface ESLintLike {
  lintFiles: (patterns: string[]) => Promise<LintResult[]>;
}
interface ESLintModule {
  ESLint: (new (options: { cwd: string }) => ESLintLike) & {
    version: string;
    fromOptionsModule?: (url: URL) => Promise<ESLintLike>;
  };
}

/** Runs `fn` with warnings of one type captured instead of printed (ESLint reads process.emitWarning when it is constructed). */
async function capturingWarnings<T>(type: string, fn: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const saved = Object.getOwnPropertyDescriptor(process, 'emitWarning');
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  const warnings: string[] = [];
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const warningType = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (warningType === type) warnings.push(String(warning));
    else emit(warning, ...rest);
  });
  try {
    return { value: await fn(), warnings };
  } finally {
    if (saved) Object.defineProperty(process, 'emitWarning', saved);
  }
}

describe('the same findings in every eslint mode', () => {
  let scratch: ReturnType<typeof copyExample> | undefined;
  let rulesError: Error | undefined;
  let plain: string[] = [];

  beforeAll(async () => {
    try {
      await assertRulesBuilt();
    } catch (error) {
      rulesError = toError(error);
    }
    scratch = copyExample('modes');
    if (rulesError === undefined) plain = actualFindings(scratch.examples, eslintJson(scratch.examples));
  });
  afterAll(() => {
    scratch?.cleanup();
  });

  function workdir(): string {
    if (rulesError !== undefined) throw rulesError;
    if (!scratch) throw new Error('no scratch copy');
    return scratch.examples;
  }

  it('a plain run finds the labelled findings', () => {
    const dir = workdir();
    expect(plain).toEqual(expectedFindings(dir));
  });

  it('--cache: the cold and the warm run match the plain run', () => {
    const dir = workdir();
    const cacheLocation = path.join(scratch!.dir, 'eslintcache');
    const cold = eslintJson(dir, ['--cache', '--cache-location', cacheLocation, '.']);
    const warm = eslintJson(dir, ['--cache', '--cache-location', cacheLocation, '.']);
    expect(actualFindings(dir, cold)).toEqual(plain);
    expect(actualFindings(dir, warm)).toEqual(plain);
  });

  it('--concurrency 2 matches the plain run', () => {
    const dir = workdir();
    expect(actualFindings(dir, eslintJson(dir, ['--concurrency', '2', '.']))).toEqual(plain);
  });

  async function apiFindings(specifier: 'eslint' | 'eslint9', concurrency: boolean): Promise<string[]> {
    const dir = workdir();
    const { ESLint } = (await import(specifier)) as unknown as ESLintModule;
    let eslint: ESLintLike;
    if (concurrency) {
      const fromOptionsModule = ESLint.fromOptionsModule?.bind(ESLint);
      if (fromOptionsModule === undefined) {
        throw new Error(`${specifier} ${ESLint.version} has no ESLint.fromOptionsModule`);
      }
      const optionsModule = path.join(scratch!.dir, `${specifier}-options.mjs`);
      writeFileSync(optionsModule, `export default ${JSON.stringify({ cwd: dir, concurrency: 2 })};\n`);
      // Two workers is what ESLint calls poor concurrency: it says so once per run through
      // process.emitWarning. That warning is the expected behaviour here, so it is asserted and
      // kept out of the test output; any other warning passes through.
      const { value, warnings } = await capturingWarnings('ESLintPoorConcurrencyWarning', async () => {
        const api = await fromOptionsModule(pathToFileURL(optionsModule));
        return api.lintFiles(['.']);
      });
      expect(warnings).toHaveLength(1);
      return actualFindings(dir, value);
    } else {
      eslint = new ESLint({ cwd: dir });
    }
    return actualFindings(dir, await eslint.lintFiles(['.']));
  }

  it('the ESLint 10 Node API with concurrency 2 (fromOptionsModule) matches', async () => {
    expect(await apiFindings('eslint', true)).toEqual(plain);
  });

  it('ESLint 9 (Node API) matches, plain and with concurrency 2', async () => {
    const { ESLint } = (await import('eslint9')) as unknown as ESLintModule;
    expect(ESLint.version).toMatch(/^9\./);
    expect(await apiFindings('eslint9', false)).toEqual(plain);
    expect(await apiFindings('eslint9', true)).toEqual(plain);
  });

  it('the memo-guard command (no config file) matches', () => {
    assertCliBuilt();
    const dir = workdir();
    const run = runNode([cliBin, '--format', 'json'], dir);
    expect(run.status, run.stderr).toBe(1);
    const results = JSON.parse(run.stdout) as LintResult[];
    // memo-guard also lints eslint.config.js (no findings there), so compare findings only.
    expect(actualFindings(dir, results)).toEqual(plain);
    expect(run.stderr).toMatch(/files scanned/);
  });
});
