/**
 * Lints the listed files, each with the first parser of its chain (parsers.ts) that is available,
 * and lints a file again with the next parser while the one before could not read it. What comes
 * back says which parser read each file and, for the files none could read, which were tried.
 */
import type { ESLint as ESLintClass } from 'eslint';
import { failedToParse } from './scope.js';
import type { ParserId } from './parsers.js';

export interface FilePlan {
  file: string;
  /** `settings['memo-guard']` for the file (undefined: none), and its key for grouping. */
  settings: unknown;
  settingsKey: string;
  /** Parsers still to try, best first. */
  chain: ParserId[];
}

export interface Linted {
  result: ESLintClass.LintResult;
  /** The parser that read the file, or, when none could, the parsers tried (in order). */
  parser: ParserId;
  tried: ParserId[];
}

export interface LintFilesInput {
  plans: readonly FilePlan[];
  /** Whether a parser can be used (an optional one is installed and loads). */
  available: (id: ParserId) => Promise<boolean>;
  /** The ESLint instance for one settings group and one parser. */
  eslintFor: (settings: unknown, settingsKey: string, parser: ParserId) => Promise<ESLintClass>;
  /** Called after each chunk of the first pass with the number of files done. */
  progress?: (done: number) => void;
  chunkSize: number;
}

/** A typed parse that failed only because no tsconfig includes the file: a parse without types will do. */
const notInProject = /was not found by the project service|parserOptions\.project/;

function keepsFirstFailure(first: ESLintClass.LintResult): boolean {
  return !first.messages.some((m) => m.fatal === true && notInProject.test(m.message));
}

export async function lintFiles({ plans, available, eslintFor, progress, chunkSize }: LintFilesInput): Promise<Map<string, Linted>> {
  const linted = new Map<string, Linted>();
  const tried = new Map<string, ParserId[]>();
  let pending = plans.map((p) => ({ ...p, chain: [...p.chain] }));
  let done = 0;
  let firstPass = true;
  while (pending.length > 0) {
    // Each pending file's next available parser, grouped by settings and parser.
    const batches = new Map<string, { settings: unknown; settingsKey: string; parser: ParserId; files: string[] }>();
    for (const plan of pending) {
      let next: ParserId | undefined;
      while ((next = plan.chain.shift()) !== undefined && !(await available(next)));
      if (next === undefined) continue;
      tried.set(plan.file, [...(tried.get(plan.file) ?? []), next]);
      const key = `${plan.settingsKey}\0${next}`;
      const batch = batches.get(key);
      if (batch) batch.files.push(plan.file);
      else batches.set(key, { settings: plan.settings, settingsKey: plan.settingsKey, parser: next, files: [plan.file] });
    }
    if (batches.size === 0) break;
    for (const { settings, settingsKey, parser, files } of batches.values()) {
      const eslint = await eslintFor(settings, settingsKey, parser);
      for (let i = 0; i < files.length; i += chunkSize) {
        const chunk = files.slice(i, i + chunkSize);
        for (const result of await eslint.lintFiles(chunk)) {
          const before = linted.get(result.filePath);
          const path = tried.get(result.filePath) ?? [parser];
          // A file none of the parsers can read keeps its first parser's error (usually the most
          // telling: the one the project is set up for), unless that was only a typed setup miss.
          const keepBefore = before !== undefined && failedToParse(before.result) && failedToParse(result) && keepsFirstFailure(before.result);
          linted.set(result.filePath, keepBefore ? { ...before, tried: path } : { result, parser, tried: path });
        }
        if (firstPass) {
          done += chunk.length;
          progress?.(done);
        }
      }
    }
    firstPass = false;
    pending = pending.filter((p) => {
      const last = linted.get(p.file);
      return p.chain.length > 0 && last !== undefined && failedToParse(last.result);
    });
  }
  return linted;
}
