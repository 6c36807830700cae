// The example app linted with eslint-plugin-memo-guard's recommended config, the way a user
// would set it up: `npx eslint .` in this folder (or `npx memo-guard`, which needs no config).
import memoGuard from 'eslint-plugin-memo-guard';
import tsParser from '@typescript-eslint/parser';

export default [
  { ignores: ['**/node_modules/', '**/dist/'] },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  },
  {
    files: ['**/*.{ts,mts,cts,tsx}'],
    languageOptions: { parser: tsParser, sourceType: 'module' },
  },
  memoGuard.configs.recommended,
];
