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

export interface ParseFailure {
  file: string;
  line: number;
  column: number;
  message: string;
  /** The parsers tried, in order (labels). */
  tried: readonly string[];
}

export interface SummaryInput {
  elapsedMs: number;
  fixHint: boolean;
  /** The project's eslint.config.* whose ignores (and memo-guard settings, if it has any) were used. */
  projectConfig: { file: string; hasSettings: boolean } | undefined;
  /** How many files each parser read (parser label, files), for the files that parsed. */
  parsers?: readonly (readonly [string, number])[];
  /** What the files that could not be parsed may hold (`Flow syntax?`), when there is a guess. */
  parseHint?: string | undefined;
  /** Whether the unparsed files were listed above the summary (--verbose). */
  listedParseFailures?: boolean;
  /** One line each: an optional parser that would read files that could not be parsed, and how to install it. */
  missingParsers?: readonly string[];
  /** The ignore files read (`.gitignore`, `.eslintignore`) that held patterns. */
  ignoreFiles?: readonly string[];
}

export function formatSummary(
  t: Totals,
  { elapsedMs, fixHint, projectConfig, parsers = [], parseHint, listedParseFailures = false, missingParsers = [], ignoreFiles = [] }: SummaryInput,
): string {
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
  const served = parsers.filter(([, n]) => n > 0);
  if (served.length > 0) {
    const sorted = [...served].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    lines.push(`parsed by ${sorted.map(([label, n]) => `${label} (${plural(n, 'file')})`).join(', ')}`);
  }
  if (t.parseErrors > 0) {
    const where = listedParseFailures ? 'listed above' : 'see --verbose';
    const could = t.parseErrors === 1 ? 'file could not be parsed' : 'files could not be parsed';
    lines.push(`${t.parseErrors} ${could} (${parseHint ? `${parseHint} ` : ''}${where})`);
    lines.push(...missingParsers);
  }
  if (ignoreFiles.includes('.eslintignore')) {
    lines.push(`ignores from ${ignoreFiles.join(' and ')} (memo-guard reads .eslintignore itself; ESLint no longer does)`);
  }
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

/** The --verbose list of files that could not be parsed: one line each, paths relative to cwd. */
export function formatParseFailures(cwd: string, failures: readonly ParseFailure[]): string {
  if (failures.length === 0) return '';
  return [
    'could not be parsed:',
    ...failures.map((f) => `  ${path.relative(cwd, f.file) || f.file}:${f.line}:${f.column}  ${f.message.replace(/^Parsing error: /, '')}  (tried ${f.tried.join(', ')})`),
  ].join('\n');
}

export function formatFixed(cwd: string, files: readonly string[]): string {
  if (files.length === 0) return 'memo-guard --fix: no file changed';
  return [`memo-guard --fix changed ${plural(files.length, 'file')}:`, ...files.map((f) => `  ${path.relative(cwd, f) || f}`)].join('\n');
}
