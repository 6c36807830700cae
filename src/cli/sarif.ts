/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers, written here rather than through
 * `@microsoft/eslint-formatter-sarif`, which depends on eslint 8, lodash and jschardet: a
 * runtime dependency of this package must not pull those into a service that installs it only for
 * the memoizer. memo-guard findings are results (suppressed ones carry an in-source suppression);
 * parse errors are tool notifications, not results.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint, Linter } from 'eslint';
import type { Location, Log, Notification, Region, Result } from 'sarif';
import { isParseError, pluginPrefix } from './scope.js';

export interface RuleInfo {
  id: string;
  description?: string;
  url?: string;
}

export interface SarifInput {
  cwd: string;
  version: string;
  rules: readonly RuleInfo[];
  results: readonly ESLint.LintResult[];
}

const schema = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * Rules whose findings are security alerts in GitHub code scanning, which shows a rule as one when
 * its properties carry the `security` tag and a `security-severity` (a CVSS score). An unbounded
 * cache that request data fills is a denial of service an attacker can drive: CWE-770 (allocation
 * of resources without limits) and CWE-400 (uncontrolled resource consumption), the tags of
 * CodeQL's js/resource-exhaustion; 7.5 is the CVSS 3.1 base score of a remote, unauthenticated,
 * availability-only flaw (AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H). The other rules are quality findings.
 */
const securityRules: Readonly<Record<string, { tags: readonly string[]; securitySeverity: string }>> = {
  'no-unbounded-cache-in-handler': { tags: ['security', 'external/cwe/cwe-770', 'external/cwe/cwe-400'], securitySeverity: '7.5' },
};
const srcRoot = 'SRCROOT';

function relativeUri(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).map(encodeURIComponent).join('/');
}

function region(m: Linter.LintMessage): Region {
  const startLine = Math.max(1, m.line);
  const r: Region = { startLine };
  if (m.column > 0) r.startColumn = m.column;
  if (m.endLine !== undefined && m.endLine >= startLine) r.endLine = m.endLine;
  if (m.endColumn !== undefined && m.endColumn > 0 && (m.endLine === undefined || m.endLine > m.line || m.endColumn > m.column)) r.endColumn = m.endColumn;
  return r;
}

function location(cwd: string, filePath: string, m: Linter.LintMessage): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(cwd, filePath), uriBaseId: srcRoot },
      region: region(m),
    },
  };
}

export function toSarif({ cwd, version, rules, results }: SarifInput): Log {
  const ruleIndex = new Map(rules.map((r, i) => [`${pluginPrefix}${r.id}`, i]));
  const sarifResults: Result[] = [];
  const notifications: Notification[] = [];
  for (const result of results) {
    const findings = [
      ...result.messages.map((m) => ({ m, suppressed: false })),
      ...result.suppressedMessages.map((m) => ({ m, suppressed: true })),
    ];
    for (const { m, suppressed } of findings) {
      if (isParseError(m)) {
        notifications.push({ level: 'error', message: { text: `Parse error: ${m.message}` }, locations: [location(cwd, result.filePath, m)] });
        continue;
      }
      if (m.ruleId === null) continue;
      const index = ruleIndex.get(m.ruleId);
      sarifResults.push({
        ruleId: m.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: m.severity === 2 ? 'error' : 'warning',
        message: { text: m.message },
        locations: [location(cwd, result.filePath, m)],
        ...(suppressed ? { suppressions: [{ kind: 'inSource' }] } : {}),
      });
    }
  }
  return {
    $schema: schema,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'memo-guard',
            informationUri: 'https://github.com/memo-guard/eslint-plugin-memo-guard',
            version,
            rules: rules.map((r) => {
              const security = securityRules[r.id];
              return {
                id: `${pluginPrefix}${r.id}`,
                ...(r.description ? { shortDescription: { text: r.description } } : {}),
                ...(r.url ? { helpUri: r.url } : {}),
                ...(security ? { properties: { tags: [...security.tags], 'security-severity': security.securitySeverity } } : {}),
              };
            }),
          },
        },
        originalUriBaseIds: { [srcRoot]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
}
