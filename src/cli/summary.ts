import path from 'node:path';
import type { ESLint } from 'eslint';

export interface Totals {
  files: number;
  errors: number;
  warnings: number;
  fixable: number;
  /** Findings by rule id; messages with no rule (parse errors) are counted under `parse errors`. */
  byRule: Map<string, number>;
}

export function totals(results: readonly ESLint.LintResult[]): Totals {
  const byRule = new Map<string, number>();
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
    for (const message of result.messages) {
      const key = message.ruleId ?? 'parse errors';
      byRule.set(key, (byRule.get(key) ?? 0) + 1);
    }
  }
  return { files: results.length, errors, warnings, fixable, byRule };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatSummary(t: Totals, elapsedMs: number, fixHint: boolean): string {
  const seconds = `${(elapsedMs / 1000).toFixed(2)} s`;
  const findings = t.errors + t.warnings;
  const lines: string[] = [];
  if (findings > 0) {
    lines.push('memo-guard summary:');
    const rows = [...t.byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const width = Math.max(...rows.map(([id]) => id.length));
    for (const [id, count] of rows) lines.push(`  ${id.padEnd(width)}  ${count}`);
  }
  const counts =
    findings === 0
      ? 'no findings'
      : `${plural(findings, 'finding')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')})`;
  lines.push(`${plural(t.files, 'file')} scanned, ${counts}, ${seconds}`);
  if (fixHint && t.fixable > 0) lines.push(`${t.fixable} of them can be fixed with \`memo-guard --fix\``);
  return lines.join('\n');
}

export function formatFixed(cwd: string, files: readonly string[]): string {
  if (files.length === 0) return 'memo-guard --fix: no file changed';
  return [`memo-guard --fix changed ${plural(files.length, 'file')}:`, ...files.map((f) => `  ${path.relative(cwd, f) || f}`)].join('\n');
}
