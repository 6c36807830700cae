import type { ESLint, Linter } from 'eslint';
import { rules } from './rules.js';
import { name, version } from './package-info.js';

type RuleId = keyof typeof rules;

const plugin = {
  meta: { name, version, namespace: 'memo-guard' },
  rules,
  configs: {} as { recommended: Linter.Config; strict: Linter.Config },
};

function ruleEntries(filter: (docs: { recommended?: boolean; strict?: boolean }) => boolean): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [id, rule] of Object.entries(rules) as [RuleId, (typeof rules)[RuleId]][]) {
    if (filter(rule.meta.docs ?? {})) entries[`memo-guard/${id}`] = 'error';
  }
  return entries;
}

// The configs name the plugin object itself, so they are filled in after it exists.
plugin.configs.recommended = {
  name: 'memo-guard/recommended',
  plugins: { 'memo-guard': plugin as unknown as ESLint.Plugin },
  rules: ruleEntries((docs) => docs.recommended === true),
};
plugin.configs.strict = {
  name: 'memo-guard/strict',
  plugins: { 'memo-guard': plugin as unknown as ESLint.Plugin },
  // Every recommended rule, and the strict ones that have shown on real code that most of what they
  // report is true (none at present: see each rule's `strict` note). Kept so configs naming it work.
  rules: ruleEntries((docs) => docs.recommended === true || docs.strict === true),
};

export default plugin;
