// The project lints its own code: typescript-eslint strict type-checked, eslint-plugin-eslint-plugin
// on the rules, and no-deprecated to catch APIs that ESLint 10 removed.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import eslintPlugin from 'eslint-plugin-eslint-plugin';

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'tests/corpus/', 'tests/fixtures/', 'examples/', '.demo-tmp/', '.plots-tmp/', '.scratch/', 'tests/e2e/.tmp-*/', '**/*.mjs', '**/*.cjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', '.eslint-doc-generatorrc.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-deprecated': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  { files: ['rules/**/*.ts'], ...eslintPlugin.configs.recommended },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // RuleTester's `describe`/`it` are async-returning hooks called at module level.
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
