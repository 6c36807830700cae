/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): when GITHUB_ACTIONS is set,
 * each memo-guard finding becomes an annotation on the pull request's diff. A file that could not
 * be parsed is not a finding and gets no annotation.
 */
import path from 'node:path';
import type { ESLint } from 'eslint';
import { isParseError } from './scope.js';

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One line per finding; paths are relative to `root` (GITHUB_WORKSPACE, the repository's checkout). */
export function annotations(results: readonly ESLint.LintResult[], root: string): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = path.relative(root, result.filePath).split(path.sep).join('/');
    for (const m of result.messages) {
      if (isParseError(m)) continue;
      const command = m.severity === 1 ? 'warning' : 'error';
      const props: [string, string | number | undefined][] = [
        ['file', file],
        ['line', m.line],
        ['endLine', m.endLine],
        ['col', m.column],
        ['endColumn', m.endLine === m.line ? m.endColumn : undefined],
        ['title', m.ruleId ?? 'memo-guard'],
      ];
      const list = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      lines.push(`::${command} ${list}::${escapeData(m.message)}`);
    }
  }
  return lines.join('\n');
}
