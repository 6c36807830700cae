import { rules } from './rules.js';
import { name, version } from './package-info.js';
import type { Linter } from 'eslint';

const plugin = {
  meta: { name, version, namespace: 'memo-guard' },
  rules,
  configs: {} as Record<'recommended' | 'strict', Linter.Config>,
};

export default plugin;
