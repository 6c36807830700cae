import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Linter, type ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { it } from 'vitest';
import { typedFixtureDir, typedParserOptions } from './lint-helpers.js';
import a from '../../rules/no-unsafe-async-memoize.js';
import h from '../../rules/no-unhashable-args.js';
import u from '../../rules/no-unbounded-cache-in-handler.js';
const rules: Record<string, object> = { a, h, u };
interface C { r: string; code: string; filename?: string; cjs?: boolean; typed?: boolean; name: string }
const cases: C[] = JSON.parse(readFileSync('/tmp/scratch/cases.json', 'utf8'));
it('scratch', () => {
  for (const c of cases) {
    const linter = new Linter({ configType: 'flat', cwd: c.typed ? typedFixtureDir : process.cwd() });
    const filename = c.typed ? path.join(typedFixtureDir, 'file.ts') : (c.filename ?? 'file.ts');
    const config: Linter.Config = {
      files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: c.cjs ? 'commonjs' : 'module',
        parserOptions: c.typed ? { ...typedParserOptions, disallowAutomaticSingleRunInference: true } : (c.cjs ? { sourceType: 'commonjs' } : {}) },
      plugins: { m: { rules: { x: rules[c.r] } } as unknown as ESLint.Plugin },
      rules: { 'm/x': 'error' },
    };
    const res = linter.verifyAndFix(c.code, config, filename);
    const msgs = linter.verify(c.code, config, filename);
    console.log(`### ${c.name}\n` + JSON.stringify(msgs.map((m) => ({ id: m.messageId, line: m.line, msg: m.fatal ? m.message : undefined, sugg: m.suggestions?.map((s) => s.messageId + '\n' + c.code.slice(0, s.fix.range[0]) + s.fix.text + c.code.slice(s.fix.range[1])) })), null, 1) + (res.fixed ? '\n--- fixed output:\n' + res.output : ''));
  }
});
