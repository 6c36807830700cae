import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The corpus holds other projects' test files as labelled fixtures, not as tests of this one.
    exclude: ['tests/corpus/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    // Type-aware RuleTester cases and the e2e servers need more than the 5 s default.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
