/**
 * memo-guard reports its own findings and nothing else: other rules' inline directives and
 * inline configs (`// eslint-disable-next-line react-hooks/exhaustive-deps`,
 * `/* eslint no-console: 2 *\/`) are neither reported nor fixed.
 */
import type { ESLint, Linter } from 'eslint';

export const pluginPrefix = 'memo-guard/';

export function isMemoGuardRule(ruleId: string | null | undefined): boolean {
  return ruleId?.startsWith(pluginPrefix) === true;
}

/** The `fix` predicate: only memo-guard's own fixes, never a directive removal (rule id `null`). */
export function memoGuardFixesOnly(message: Linter.LintMessage): boolean {
  return isMemoGuardRule(message.ruleId);
}

/**
 * A parse error: ESLint could not read the file, so no rule ran on it. Not every fatal message is
 * one: ESLint 10 makes a legacy `/* eslint-env *\/` comment fatal, yet parses the file and runs
 * every rule (such a message is another tool's business and is dropped like other directives').
 */
export function isParseError(message: Linter.LintMessage): boolean {
  return message.fatal === true && message.ruleId === null && message.message.startsWith('Parsing error');
}

function keep(message: Linter.LintMessage): boolean {
  return isMemoGuardRule(message.ruleId) || isParseError(message);
}

/** The result with only memo-guard's findings and parse errors, its counts recomputed to match. */
export function ownFindings(result: ESLint.LintResult): ESLint.LintResult {
  const messages = result.messages.filter(keep);
  const count = (severity: number, predicate: (m: Linter.LintMessage) => boolean = () => true): number =>
    messages.filter((m) => m.severity === severity && predicate(m)).length;
  // ESLint keeps the source text only for files with problems; so do we, once narrowed.
  const { source, ...rest } = result;
  return {
    ...rest,
    ...(source !== undefined && messages.length > 0 ? { source } : {}),
    messages,
    suppressedMessages: result.suppressedMessages.filter(keep),
    errorCount: count(2),
    warningCount: count(1),
    fatalErrorCount: messages.filter(isParseError).length,
    fixableErrorCount: count(2, (m) => m.fix !== undefined),
    fixableWarningCount: count(1, (m) => m.fix !== undefined),
  };
}

/**
 * The result as reports show it: parse errors are not findings, so they leave the stylish and JSON
 * reports and the annotations (the summary counts them; SARIF makes them tool notifications).
 */
export function withoutParseErrors(result: ESLint.LintResult): ESLint.LintResult {
  if (!result.messages.some(isParseError)) return result;
  const messages = result.messages.filter((m) => !isParseError(m));
  const { source, ...rest } = result;
  return {
    ...rest,
    ...(source !== undefined && messages.length > 0 ? { source } : {}),
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fatalErrorCount: 0,
  };
}

/** Whether ESLint could not parse the file (with the parser it was given). */
export function failedToParse(result: ESLint.LintResult): boolean {
  return result.messages.some(isParseError);
}
