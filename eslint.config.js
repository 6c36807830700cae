// The project lints its own code: typescript-eslint strict type-checked, eslint-plugin-eslint-plugin
// on the rules, and no-deprecated to catch APIs that ESLint 10 removed.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import globals from 'globals';

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'tests/corpus/', 'tests/fixtures/', 'examples/', '.demo-tmp/', '.plots-tmp/', '.scratch/', 'tests/e2e/.tmp-*/', '**/*.cjs'],
  },
  js.configs.recommended,
  {
    // TypeScript's rules for TypeScript; the scripts, benchmarks and test helpers in plain .mjs get
    // ESLint's recommended set (they have no types to check).
    files: ['**/*.ts', '**/*.js'],
    extends: [tseslint.configs.strictTypeChecked],
  },
  {
    files: ['**/*.ts', '**/*.js'],
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
    files: ['**/*.mjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // RuleTester's `describe`/`it` are async-returning hooks called at module level.
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
