import { createRequire } from 'node:module';

// Self-reference through the package's own `exports` works from src/ (tests) and dist/ alike.
const pkg = createRequire(import.meta.url)('eslint-plugin-memo-guard/package.json') as {
  name: string;
  version: string;
};

export const { name, version } = pkg;
