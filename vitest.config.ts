import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // Type-aware RuleTester cases and the e2e servers need more than the 5 s default.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
