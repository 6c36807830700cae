// One lint of APP for app-cost.mjs, in its own process: prints {files, ms, maxRss, findings}.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../../dist/src/index.js';

const [app, mode, concurrency] = process.argv.slice(2);
const memoRules = mode === 'plugin' ? Object.fromEntries(Object.keys(plugin.rules).map((id) => [`memo-guard/${id}`, 'warn'])) : {};
const eslint = new ESLint({
  cwd: app,
  overrideConfigFile: true,
  ...(concurrency && concurrency !== 'off' ? { concurrency: concurrency === 'auto' ? 'auto' : Number(concurrency) } : {}),
  overrideConfig: [
    { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.next/**'] },
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'],
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { 'memo-guard': plugin },
      languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
      rules: { 'no-unused-vars': 'warn', ...memoRules },
    },
  ],
});
const start = performance.now();
const results = await eslint.lintFiles(['.']);
const ms = performance.now() - start;
const findings = results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('memo-guard/')).length, 0);
console.log(JSON.stringify({ files: results.length, ms, maxRss: process.resourceUsage().maxRSS, findings }));
