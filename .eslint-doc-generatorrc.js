/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [['recommended', '✅'], ['strict', '🔒']],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options'],
  urlRuleDoc: 'https://github.com/memo-guard/eslint-plugin-memo-guard/blob/main/docs/rules/{name}.md',
};
