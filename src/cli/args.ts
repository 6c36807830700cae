import { parseArgs } from 'node:util';

export type Format = 'stylish' | 'json' | 'sarif';

export interface CliOptions {
  paths: string[];
  fix: boolean;
  format: Format;
  /** `undefined`: no limit (warnings alone never fail the run, as in ESLint). */
  maxWarnings: number | undefined;
  /** List the files that could not be parsed (otherwise one line counts them). */
  verbose: boolean;
  help: boolean;
  version: boolean;
}

/** A mistake on the command line: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const usage = `Usage: memo-guard [paths...] [options]

Lints JavaScript and TypeScript files with eslint-plugin-memo-guard's recommended rules
(no-unsafe-async-memoize, no-unhashable-args, no-unbounded-cache-in-handler,
no-recursive-cache-thrash, no-method-cache-leak).
With no path, lints the current directory. Respects .gitignore and .eslintignore; skips
node_modules and dist. Reads settings['memo-guard'], the ignores and the parsers of the project's
eslint.config.* when there is one; otherwise parses Flow with hermes-eslint and Babel proposals
with @babel/eslint-parser when the project has them installed (optional peer dependencies).
Reports memo-guard's findings only: other rules' eslint-disable comments are left alone.
Under GitHub Actions (GITHUB_ACTIONS=true) the stylish report adds workflow annotations.

Options:
  --fix                 apply autofixes (bound unbounded caches) and list the changed files
  --format <name>       stylish (default), json or sarif (SARIF 2.1.0 for code scanning);
                        json and sarif print only the report on stdout, the summary on stderr
  --max-warnings <n>    exit 1 when there are more than n warnings (errors always exit 1)
  --verbose             list the files that could not be parsed, with the parsers tried
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no memo-guard findings (files that cannot be parsed are counted in one line,
not as findings), 1 findings, 2 usage or setup error (a malformed settings['memo-guard'] among them).`;

const formats: readonly Format[] = ['stylish', 'json', 'sarif'];

function isFormat(value: string): value is Format {
  return (formats as readonly string[]).includes(value);
}

/** Turns node's parseArgs errors ("Unknown option '--x'. To specify a positional ...") into one short line. */
function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstSentence = /^[^\n]*?(?:\.(?=\s)|$)/m.exec(message)?.[0] ?? message;
  return firstSentence.replace(/\.$/, '');
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        fix: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        'max-warnings': { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${shortMessage(error)} (see memo-guard --help)`);
  }
  const { values, positionals } = parsed;

  const format = values.format ?? 'stylish';
  if (!isFormat(format)) {
    throw new UsageError(`unknown format '${format}': use stylish, json or sarif`);
  }

  let maxWarnings: number | undefined;
  const rawMax = values['max-warnings'];
  if (rawMax !== undefined) {
    if (!/^\d+$/.test(rawMax.trim())) {
      throw new UsageError(`--max-warnings expects a non-negative integer, got '${rawMax}'`);
    }
    maxWarnings = Number(rawMax.trim());
  }

  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    fix: values.fix ?? false,
    format,
    maxWarnings,
    verbose: values.verbose ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
