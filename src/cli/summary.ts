import path from 'node:path';
import type { ESLint } from 'eslint';
import { isParseError } from './scope.js';

export interface Totals {
  files: number;
  /** memo-guard findings by severity (parse errors are not findings). */
  errors: number;
  warnings: number;
  fixable: number;
  /** Files ESLint could not parse: no rule ran on them. */
  parseErrors: number;
  /** memo-guard findings by rule id. */
  byRule: Map<string, number>;
}

/** Counts results already narrowed to memo-guard's own messages (see scope.ts). */
export function totals(results: readonly ESLint.LintResult[]): Totals {
  const byRule = new Map<string, number>();
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let parseErrors = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (isParseError(message)) {
        parseErrors += 1;
        continue;
      }
      if (message.severity === 2) errors += 1;
      else warnings += 1;
      if (message.fix) fixable += 1;
      const key = message.ruleId ?? 'memo-guard';
      byRule.set(key, (byRule.get(key) ?? 0) + 1);
    }
  }
  return { files: results.length, errors, warnings, fixable, parseErrors, byRule };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export interface SummaryInput {
  elapsedMs: number;
  fixHint: boolean;
  /** The project's eslint.config.* whose ignores (and memo-guard settings, if it has any) were used. */
  projectConfig: { file: string; hasSettings: boolean } | undefined;
}

export function formatSummary(t: Totals, { elapsedMs, fixHint, projectConfig }: SummaryInput): string {
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
  const parse = t.parseErrors > 0 ? `, ${plural(t.parseErrors, 'parse error')} (not linted)` : '';
  lines.push(`${plural(t.files, 'file')} scanned, ${counts}${parse}, ${seconds}`);
  if (projectConfig) {
    lines.push(
      projectConfig.hasSettings
        ? `settings['memo-guard'] and ignores from ${projectConfig.file}`
        : `ignores from ${projectConfig.file} (it has no settings['memo-guard'])`,
    );
  }
  if (fixHint && t.fixable > 0) lines.push(`${t.fixable} of them can be fixed with \`memo-guard --fix\``);
  return lines.join('\n');
}

export function formatFixed(cwd: string, files: readonly string[]): string {
  if (files.length === 0) return 'memo-guard --fix: no file changed';
  return [`memo-guard --fix changed ${plural(files.length, 'file')}:`, ...files.map((f) => `  ${path.relative(cwd, f) || f}`)].join('\n');
}
