/**
 * Labelled evaluation corpus for the three core rules and the three rules of issue 10
 * (no-recursive-cache-thrash, no-method-cache-leak, no-side-effect-memoize).
 *
 * Every file under tests/corpus/ is linted twice with these rules on: once from
 * syntax alone and once with type information (tests/corpus/tsconfig.json). The expected findings
 * are the trailing `// expect: <rule-id>[, <rule-id>]` comments (see tests/corpus/SEMANTICS.md).
 * A (file, line, rule) triple counts once, however many reports land on that line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const RULE_IDS = [
  'no-unsafe-async-memoize',
  'no-unhashable-args',
  'no-unbounded-cache-in-handler',
  'no-unbounded-memoize',
  'no-recursive-cache-thrash',
  'no-method-cache-leak',
  'no-side-effect-memoize',
] as const;
/**
 * Where each rule is labelled, when not everywhere: the strict `no-unbounded-memoize` in the
 * multi-file projects only; the rules beyond the card outside them (the projects were labelled before
 * those rules existed). Reports elsewhere are not scored.
 */
const PROJECTS = 'projects/';
const labelledIn: Partial<Record<string, (rel: string) => boolean>> = {
  'no-unbounded-memoize': (rel) => rel.startsWith(PROJECTS),
  'no-recursive-cache-thrash': (rel) => !rel.startsWith(PROJECTS),
  'no-method-cache-leak': (rel) => !rel.startsWith(PROJECTS),
  'no-side-effect-memoize': (rel) => !rel.startsWith(PROJECTS),
};
type RuleId = (typeof RULE_IDS)[number];
type Mode = 'syntax' | 'typed';
const MODES: readonly Mode[] = ['syntax', 'typed'];

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.9;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.join(repoRoot, 'tests', 'corpus');
const corpusTsconfig = path.join(corpusDir, 'tsconfig.json');
const SOURCE_EXT = /\.(?:js|mjs|cjs|ts|tsx)$/;
const LABEL = /\/\/\s*expect:\s*([\w-]+(?:\s*,\s*[\w-]+)*)\s*$/;

function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

function listCorpusFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listCorpusFiles(full));
    else if (SOURCE_EXT.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** `relative-file:line:rule`, the unit the scorer counts. */
const keyOf = (file: string, line: number, rule: RuleId): string => `${file}:${String(line)}:${rule}`;

interface Label {
  file: string;
  line: number;
  rule: RuleId;
}

interface CorpusFile {
  abs: string;
  rel: string;
  code: string;
  labels: Label[];
  unknownLabels: string[];
}

function readCorpus(): CorpusFile[] {
  return listCorpusFiles(corpusDir).map((abs) => {
    const rel = path.relative(corpusDir, abs).split(path.sep).join('/');
    const code = readFileSync(abs, 'utf8');
    const labels: Label[] = [];
    const unknownLabels: string[] = [];
    code.split(/\r?\n/).forEach((text, i) => {
      const match = LABEL.exec(text);
      if (!match?.[1]) return;
      for (const raw of match[1].split(',')) {
        const id = raw.trim().replace(/^memo-guard\//, '');
        if (isRuleId(id)) labels.push({ file: rel, line: i + 1, rule: id });
        else unknownLabels.push(`${rel}:${String(i + 1)} ${id}`);
      }
    });
    return { abs, rel, code, labels, unknownLabels };
  });
}

interface PluginShape {
  rules?: Record<string, unknown>;
}

interface ModeResult {
  /** (file:line:rule) keys the rules reported. */
  reported: Set<string>;
  /** Files that could not be parsed, or linted with types and fell back to syntax. */
  fatal: string[];
  fellBack: string[];
}

interface Score {
  tp: number;
  fp: string[];
  fn: string[];
  precision: number;
  recall: number;
}

/** The tsconfig a corpus file is typed with: the nearest one above it (a project's own, with its `paths`), else the corpus'. */
function tsconfigFor(abs: string): string {
  for (let dir = path.dirname(abs); dir.startsWith(corpusDir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
  }
  return corpusTsconfig;
}

function makeConfig(plugin: PluginShape, enabled: readonly RuleId[], tsconfig: string | undefined): Linter.Config[] {
  const rules: Linter.RulesRecord = {};
  for (const id of enabled) rules[`memo-guard/${id}`] = 'error';
  return [
    {
      files: ['**/*.{js,mjs,cjs,ts,tsx}'],
      languageOptions: {
        parser: tseslint.parser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: tsconfig ? { project: tsconfig, tsconfigRootDir: path.dirname(tsconfig) } : {},
      },
      plugins: { 'memo-guard': plugin as ESLint.Plugin },
      rules,
    },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    { files: ['**/*.tsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  ];
}

function collect(messages: Linter.LintMessage[], rel: string, into: Set<string>): void {
  for (const message of messages) {
    const id = message.ruleId?.replace(/^memo-guard\//, '');
    if (id !== undefined && labelledIn[id]?.(rel) === false) continue;
    if (id !== undefined && isRuleId(id)) into.add(keyOf(rel, message.line, id));
  }
}

function fatalText(messages: Linter.LintMessage[]): string | undefined {
  const fatal = messages.find((m) => m.fatal === true);
  return fatal ? `${String(fatal.line)}:${String(fatal.column)} ${fatal.message}` : undefined;
}

async function lintMode(files: CorpusFile[], plugin: PluginShape, enabled: readonly RuleId[], mode: Mode): Promise<ModeResult> {
  const typed = mode === 'typed';
  const linters = new Map<string | undefined, ESLint>();
  const linterFor = (tsconfig: string | undefined): ESLint => {
    let linter = linters.get(tsconfig);
    if (!linter) {
      linter = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: makeConfig(plugin, enabled, tsconfig) });
      linters.set(tsconfig, linter);
    }
    return linter;
  };
  const fallback = typed ? linterFor(undefined) : undefined;
  const result: ModeResult = { reported: new Set(), fatal: [], fellBack: [] };
  for (const file of files) {
    const eslint = linterFor(typed ? tsconfigFor(file.abs) : undefined);
    // lintText rather than lintFiles: Next.js folders like `[id]` would be read as glob classes.
    let messages: Linter.LintMessage[];
    try {
      [{ messages }] = (await eslint.lintText(file.code, { filePath: file.abs })) as [ESLint.LintResult];
    } catch (error) {
      if (!fallback) throw error;
      // A file the tsconfig does not cover: lint it from syntax alone and say so.
      result.fellBack.push(`${file.rel}: ${error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)}`);
      [{ messages }] = (await fallback.lintText(file.code, { filePath: file.abs })) as [ESLint.LintResult];
    }
    let fatal = fatalText(messages);
    if (fatal !== undefined && fallback && /parserOptions\.project|not included|TSConfig/i.test(fatal)) {
      result.fellBack.push(`${file.rel}: ${fatal}`);
      [{ messages }] = (await fallback.lintText(file.code, { filePath: file.abs })) as [ESLint.LintResult];
      fatal = fatalText(messages);
    }
    if (fatal !== undefined) result.fatal.push(`${file.rel}:${fatal}`);
    collect(messages, file.rel, result.reported);
  }
  return result;
}

function score(rule: RuleId, expected: Set<string>, reported: Set<string>): Score {
  const suffix = `:${rule}`;
  const exp = [...expected].filter((k) => k.endsWith(suffix));
  const rep = [...reported].filter((k) => k.endsWith(suffix));
  const tp = exp.filter((k) => reported.has(k)).length;
  const fp = rep.filter((k) => !expected.has(k)).sort();
  const fn = exp.filter((k) => !reported.has(k)).sort();
  const precision = rep.length === 0 ? (exp.length === 0 ? 1 : 0) : tp / rep.length;
  const recall = exp.length === 0 ? 1 : tp / exp.length;
  return { tp, fp, fn, precision, recall };
}

function formatTable(scores: Map<Mode, Map<RuleId, Score>>): string {
  const head = ['mode', 'rule', 'TP', 'FP', 'FN', 'precision', 'recall'];
  const rows: string[][] = [];
  for (const [mode, byRule] of scores) {
    for (const [rule, s] of byRule) {
      rows.push([mode, rule, String(s.tp), String(s.fp.length), String(s.fn.length), s.precision.toFixed(3), s.recall.toFixed(3)]);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function mismatchList(s: Score): string {
  const lines = [
    ...s.fp.map((k) => `  FP ${k.replace(/:([\w-]+)$/, ' $1')}`),
    ...s.fn.map((k) => `  FN ${k.replace(/:([\w-]+)$/, ' $1')}`),
  ];
  return lines.length === 0 ? '  (none)' : lines.join('\n');
}

describe('labelled corpus', () => {
  const files = readCorpus();
  const expected = new Set(files.flatMap((f) => f.labels.map((l) => keyOf(l.file, l.line, l.rule))));
  let registered: RuleId[] = [];
  let loadError: string | undefined;
  const results = new Map<Mode, ModeResult>();
  const scores = new Map<Mode, Map<RuleId, Score>>();

  beforeAll(async () => {
    let plugin: PluginShape | undefined;
    try {
      plugin = ((await import('../src/index.js')) as { default: PluginShape }).default;
    } catch (error) {
      loadError = error instanceof Error ? error.stack ?? error.message : String(error);
      return;
    }
    const available = plugin.rules ?? {};
    registered = RULE_IDS.filter((id) => id in available);
    for (const mode of MODES) {
      const result = await lintMode(files, plugin, registered, mode);
      results.set(mode, result);
      const byRule = new Map<RuleId, Score>();
      for (const rule of registered) byRule.set(rule, score(rule, expected, result.reported));
      scores.set(mode, byRule);
    }
    console.log(`\nmemo-guard corpus: ${String(files.length)} files, ${String(expected.size)} labelled findings\n${formatTable(scores)}\n`);
    for (const [mode, result] of results) {
      if (result.fellBack.length > 0) console.log(`[${mode}] linted without types:\n  ${result.fellBack.join('\n  ')}`);
      for (const [rule, s] of scores.get(mode) ?? []) {
        if (s.fp.length + s.fn.length > 0) console.log(`[${mode}] ${rule} mismatches:\n${mismatchList(s)}`);
      }
    }
  }, 600_000);

  it('has a corpus of at least 70 source files with well-formed labels', () => {
    expect(files.length).toBeGreaterThanOrEqual(70);
    expect(files.flatMap((f) => f.unknownLabels), 'labels naming an unknown rule id').toEqual([]);
  });

  it('loads the plugin', () => {
    expect(loadError, `src/index.ts could not be imported:\n${loadError ?? ''}`).toBeUndefined();
  });

  it('lints every corpus file with type information in the typed run (no fallback to syntax)', () => {
    const fellBack = results.get('typed')?.fellBack ?? ['typed run did not happen'];
    expect(fellBack, `files linted without types:\n${fellBack.join('\n')}`).toEqual([]);
  });

  it('parses every corpus file in both modes', () => {
    const fatal = MODES.flatMap((mode) => (results.get(mode)?.fatal ?? []).map((f) => `[${mode}] ${f}`));
    expect(fatal, `corpus files that do not parse:\n${fatal.join('\n')}`).toEqual([]);
  });

  for (const rule of RULE_IDS) {
    describe(rule, () => {
      it('is registered in src/rules.ts', () => {
        expect(
          registered.includes(rule),
          `rule "${rule}" is not registered: plugin.rules (src/rules.ts) has no "${rule}" entry, so the corpus cannot score it`,
        ).toBe(true);
      });

      for (const mode of MODES) {
        it(`${mode}: precision >= ${String(MIN_PRECISION)} and recall >= ${String(MIN_RECALL)}`, () => {
          expect(loadError, `src/index.ts could not be imported:\n${loadError ?? ''}`).toBeUndefined();
          const s = scores.get(mode)?.get(rule);
          expect(s, `rule "${rule}" is not registered in src/rules.ts; nothing to score in ${mode} mode`).toBeDefined();
          if (!s) return;
          const summary =
            `${mode} ${rule}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} ` +
            `(TP ${String(s.tp)}, FP ${String(s.fp.length)}, FN ${String(s.fn.length)})\n` +
            `mismatches (file:line rule; FP = reported but not labelled, FN = labelled but not reported):\n${mismatchList(s)}`;
          expect(s.precision >= MIN_PRECISION && s.recall >= MIN_RECALL, summary).toBe(true);
        });
      }
    });
  }
});
