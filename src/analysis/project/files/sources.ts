/**
 * The other files of a project, read and parsed once per process: text by path (checked against
 * size and mtime on each use, so an editor session sees edits), ASTs with scope analysis as ESLint
 * has them (oxc's parser with typescript-eslint's scope analysis when `oxc-parser` is installed, else
 * typescript-eslint's parser, into ESLint's `SourceCode`; a private `Linter` that runs no rule
 * without typescript-eslint). Both caches are bounded.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { LruMap } from '../../../memoize/lru-map.js';

interface Stamp {
  size: number;
  mtimeMs: number;
}

interface CachedText extends Stamp {
  text: string;
  /** When the file was last checked against the disk. */
  checkedAt: number;
}

/** A file read in the last second is taken as unchanged: one lint asks about the same files many times. */
const RECHECK_MS = 1000;

/**
 * As many as the import graph lists (graph.ts): a tree larger than this cache is read again and
 * again (the 12,000-file generated monorepo: 2.5 reads a file at 5,000 kept). Costs little memory
 * over a smaller cache: the summaries kept (summary-store.ts) hold the text they were made from.
 */
const MAX_FILES = 20_000;
/**
 * Parsed files kept: a syntax tree with its scopes costs about 1.4 MB of heap for a typical
 * application module. Too few and a project with hub modules re-parses without end (vendure's core,
 * 400 files: 2,307 parses of 378 files at 64 kept, 472 at 256); too many and the heap holds
 * hundreds of trees (documenso, 2,093 files: heap after the lint 609 MB at 1,500 kept, 276 MB at 150).
 */
const MAX_PARSED = 16;
/** Files larger than this are generated bundles: not read for the index. */
const MAX_BYTES = 1_000_000;

const texts = new LruMap<string, CachedText>(MAX_FILES);
/** How many times a kept text was found changed or gone. */
let changesSeen = 0;

/** A number that changes whenever `readSource` finds a file it holds changed or gone: what is derived from texts may be stale. */
export function sourceChanges(): number {
  return changesSeen;
}
const parsed = new LruMap<string, { stamp: Stamp; sourceCode: Readonly<SourceCode> | null }>(MAX_PARSED);

/** Parses of other files this process has run, by kind: what tests/bench/index-parses.mjs reports. */
const parses = { syntax: 0, full: 0, fast: 0 };

/** How many times this process has parsed another file: syntax only (for summaries) and in full (for models); `fast` of either by oxc's parser. */
export function parseCounts(): Readonly<{ syntax: number; full: number; fast: number }> {
  return { ...parses };
}

function stampOf(file: string): Stamp | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

const same = (a: Stamp, b: Stamp): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs;

/** The file's text, or `undefined` when it cannot be read or is too large to be hand-written. */
export function readSource(file: string): string | undefined {
  const cached = texts.get(file);
  const now = Date.now();
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.text;
  const stamp = stampOf(file);
  if (cached && !(stamp && same(cached, stamp))) changesSeen++;
  if (!stamp || stamp.size > MAX_BYTES) return undefined;
  if (cached && same(cached, stamp)) {
    cached.checkedAt = now;
    return cached.text;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  texts.set(file, { ...stamp, text, checkedAt: now });
  return text;
}

/**
 * The file's text as `readSource` would give it, and the size and time (`size:mtimeMs`) it was read
 * at (`undefined`: not a readable file), without keeping the text when it is not kept already: for
 * reading every file of a project once (the import graph), whose texts kept would fill the heap
 * (documenso: 8.9 MB of text, costing more in garbage collection than the reads).
 */
export function readSourceUnkept(file: string): { text: string | undefined; stamp: string | undefined } {
  // One open for the stamp and the text (fstat on the open file): a path stat before reading cost
  // as much again over a whole tree.
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { text: undefined, stamp: undefined };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { text: undefined, stamp: undefined };
    const key = `${String(stat.size)}:${String(stat.mtimeMs)}`;
    const cached = texts.peek(file);
    if (cached && same(cached, stat)) return { text: cached.text, stamp: key };
    if (stat.size > MAX_BYTES) return { text: undefined, stamp: key };
    const buffer = Buffer.allocUnsafe(stat.size);
    let length = 0;
    while (length < stat.size) {
      const read = readSync(fd, buffer, length, stat.size - length, length);
      if (read === 0) break;
      length += read;
    }
    return { text: buffer.toString('utf8', 0, length), stamp: key };
  } catch {
    return { text: undefined, stamp: undefined };
  } finally {
    closeSync(fd);
  }
}

interface LinterLike {
  verify(text: string, config: unknown, options: { filename: string }): unknown[];
  getSourceCode(): unknown;
}

/** What a parser's `parseForESLint` gives ESLint. */
interface ParseResult {
  ast: { tokens?: unknown[]; comments?: unknown[] };
  services?: unknown;
  scopeManager?: unknown;
  visitorKeys?: unknown;
}

/** ESLint's `SourceCode` for JavaScript, as ESLint's own JavaScript language builds and prepares it. */
interface JsSourceCode {
  applyLanguageOptions?(languageOptions: object): void;
  finalize?(): void;
}
type SourceCodeClass = new (config: { text: string; ast: unknown; hasBOM: boolean; parserServices: unknown; scopeManager: unknown; visitorKeys: unknown }) => JsSourceCode;

/** typescript-estree's own parser: a syntax tree without scopes, tokens or comments. */
interface SyntaxParser {
  parse(text: string, options: Record<string, unknown>): unknown;
  simpleTraverse(root: unknown, options: { enter: (node: TSESTree.Node) => void }, setParentPointers: boolean): void;
}

/** oxc's parser (the `oxc-parser` package, optional): the same ESTree a few times faster, for summaries and models. */
interface FastParser {
  parseSync(filename: string, text: string, options: Record<string, unknown>): { program: unknown; comments: readonly OxcComment[]; errors: readonly unknown[] };
}

interface OxcComment {
  type: string;
  value: string;
  start: number;
  end: number;
}

/** typescript-eslint's scope analysis, as its parser runs it on the tree it made. */
type ScopeAnalysis = (ast: unknown, options: { sourceType: string }) => unknown;

interface Toolkit {
  linter: LinterLike;
  tsParser: unknown;
  /**
   * typescript-eslint's parser and ESLint's `SourceCode` with the ECMAScript version ESLint reads
   * `'latest'` as: a parse with scopes without a `Linter` run, which would also analyse every code
   * path of the file for rules that are not there (a quarter of the time).
   */
  direct: { parseForESLint: (text: string, options: object) => ParseResult; SourceCode: SourceCodeClass; ecmaVersion: unknown; setParents: (ast: unknown) => void } | undefined;
  estree: SyntaxParser | undefined;
  fast: FastParser | undefined;
  analyze: ScopeAnalysis | undefined;
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>> | undefined;
}

let toolkit: Toolkit | null | undefined;

/** ESLint's Linter and, when installed, typescript-eslint's parser: loaded on first use, from the project first. */
function loadToolkit(): Toolkit | null {
  if (toolkit !== undefined) return toolkit;
  const requirers = [createRequire(path.join(process.cwd(), 'noop.js')), createRequire(import.meta.url)];
  const load = (id: string): unknown => {
    for (const req of requirers) {
      try {
        return req(id) as unknown;
      } catch {
        // try the next place
      }
    }
    return undefined;
  };
  const eslint = load('eslint') as { Linter?: new (options: { cwd: string }) => LinterLike; SourceCode?: SourceCodeClass } | undefined;
  if (!eslint?.Linter) return (toolkit = null);
  const tsParser = load('@typescript-eslint/parser');
  // typescript-estree and its visitor keys sit beside the parser (a strict layout hides them from the project).
  if (tsParser) {
    const beside = requirers.find((req) => {
      try {
        req.resolve('@typescript-eslint/parser');
        return true;
      } catch {
        return false;
      }
    });
    if (beside) requirers.push(createRequire(beside.resolve('@typescript-eslint/parser')));
  }
  const estree = load('@typescript-eslint/typescript-estree') as Partial<SyntaxParser> | undefined;
  const keys = load('@typescript-eslint/visitor-keys') as { visitorKeys?: Toolkit['visitorKeys'] } | undefined;
  const oxc = load('oxc-parser') as Partial<FastParser> | undefined;
  const scopes = load('@typescript-eslint/scope-manager') as { analyze?: unknown } | undefined;
  const linter = new eslint.Linter({ cwd: '/' });
  const syntaxParser = typeof estree?.parse === 'function' && typeof estree.simpleTraverse === 'function' ? (estree as SyntaxParser) : undefined;
  const parseForESLint = (tsParser as { parseForESLint?: unknown } | undefined)?.parseForESLint;
  toolkit = {
    linter,
    tsParser,
    estree: syntaxParser,
    fast: typeof oxc?.parseSync === 'function' ? (oxc as FastParser) : undefined,
    analyze: typeof scopes?.analyze === 'function' ? (scopes.analyze as ScopeAnalysis) : undefined,
    direct:
      typeof parseForESLint === 'function' && eslint.SourceCode && syntaxParser
        ? { parseForESLint: parseForESLint as (text: string, options: object) => ParseResult, SourceCode: eslint.SourceCode, ecmaVersion: latestEcmaVersion(linter), setParents: (ast: unknown) => { syntaxParser.simpleTraverse(ast, { enter: () => undefined }, true); } }
        : undefined,
    visitorKeys: keys?.visitorKeys,
  };
  return toolkit;
}

const TS_FILE = /\.[cm]?tsx?$/;

/** The number ESLint reads `ecmaVersion: 'latest'` as, asked of ESLint once (its table of versions is not exported). */
function latestEcmaVersion(linter: LinterLike): unknown {
  let version: unknown = 'latest';
  const probe = {
    create(context: { languageOptions: { ecmaVersion?: unknown } }) {
      version = context.languageOptions.ecmaVersion;
      return {};
    },
  };
  try {
    linter.verify('', [{ plugins: { 'memo-guard-probe': { rules: { version: probe } } }, rules: { 'memo-guard-probe/version': 'error' }, languageOptions: { ecmaVersion: 'latest' } }], { filename: 'probe.js' });
  } catch {
    // an ESLint without flat config: the version stays 'latest'
  }
  return version;
}

/** The language options a file is read with, one object per source type (ESLint keeps the globals it derives from each). */
const languageOptions = new Map<string, object>();
function languageOptionsFor(sourceType: string, ecmaVersion: unknown): object {
  let found = languageOptions.get(sourceType);
  if (!found) {
    found = { ecmaVersion, sourceType };
    languageOptions.set(sourceType, found);
  }
  return found;
}

/** A shebang line, which ESLint hands the parser as a comment. */
const SHEBANG = /^#!([^\r\n]+)/;

/**
 * The file parsed as ESLint parses it for a lint with typescript-eslint's parser: the same parser
 * options, a `SourceCode` given the language options and finalized, parent links set. `null` on a
 * syntax error.
 */
function parseDirect(direct: NonNullable<Toolkit['direct']>, file: string, text: string): Readonly<SourceCode> | null {
  const { hasBOM, body, parsed: parsedText, ts, sourceType } = sourceOf(file, text);
  let result: ParseResult;
  try {
    result = direct.parseForESLint(parsedText, {
      ecmaVersion: direct.ecmaVersion,
      sourceType,
      ecmaFeatures: { jsx: !ts || file.endsWith('x') },
      // No TypeScript node maps: the index never asks for types, and the maps keep TypeScript's own tree alive.
      preserveNodeMaps: false,
      loc: true,
      range: true,
      tokens: true,
      comment: true,
      eslintVisitorKeys: true,
      eslintScopeManager: true,
      filePath: file,
    });
  } catch {
    return null;
  }
  const sourceCode = eslintSourceCode(direct, { text: body, ast: result.ast, hasBOM, parserServices: result.services ?? {}, scopeManager: result.scopeManager, visitorKeys: result.visitorKeys }, sourceType);
  // Parent links, as ESLint's traversal sets them before any rule runs.
  direct.setParents(result.ast);
  return sourceCode;
}

/** A file's text as both full parses read it: without its byte-order mark, a first line `#!…` as a comment, its kind by extension. */
function sourceOf(file: string, text: string): { hasBOM: boolean; body: string; parsed: string; ts: boolean; sourceType: 'commonjs' | 'module' } {
  const hasBOM = text.charCodeAt(0) === 0xfeff;
  const body = hasBOM ? text.slice(1) : text;
  return { hasBOM, body, parsed: body.replace(SHEBANG, '//$1'), ts: TS_FILE.test(file), sourceType: file.endsWith('.cjs') || file.endsWith('.cts') ? 'commonjs' : 'module' };
}

/** ESLint's `SourceCode` for a parsed file, given the language options and finalized as ESLint's JavaScript language prepares it. */
function eslintSourceCode(direct: NonNullable<Toolkit['direct']>, config: ConstructorParameters<SourceCodeClass>[0], sourceType: string): Readonly<SourceCode> {
  const sourceCode = new direct.SourceCode(config);
  sourceCode.applyLanguageOptions?.(languageOptionsFor(sourceType, direct.ecmaVersion));
  sourceCode.finalize?.();
  return sourceCode as unknown as Readonly<SourceCode>;
}

/** oxc's language for a file: a .js file may hold JSX, as typescript-estree reads it here. */
function oxcLang(file: string): string {
  return TS_FILE.test(file) ? (file.endsWith('x') ? 'tsx' : 'ts') : 'jsx';
}

/** Node types a function parameter may be: a decorated one's range differs between oxc and typescript-estree. */
const PARAMETER_NODES = new Set<string>(['Identifier', 'AssignmentPattern', 'ObjectPattern', 'ArrayPattern', 'RestElement']);

/** A function giving the line and column of an offset of `text`, as ESLint's `loc` gives them (lines from 1, columns from 0). */
function positionsOf(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  // ESLint's line breaks: `\r\n`, `\r`, `\n`, U+2028, U+2029.
  for (const lineBreak of text.matchAll(/\r\n|[\r\n\u2028\u2029]/g)) starts.push(lineBreak.index + lineBreak[0].length);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) };
  };
}

/**
 * The file parsed by oxc into the `SourceCode` `parseDirect` makes, at a third of its cost: oxc's
 * tree (typescript-estree's shape), lines and columns added, the scopes typescript-eslint's parser
 * would add, the comments. No tokens: the index reads other files' trees, never their tokens.
 * `undefined` when oxc reports any error (that file takes `parseDirect`).
 */
function parseModelFast(kit: { direct: NonNullable<Toolkit['direct']>; fast: FastParser; estree: SyntaxParser; analyze: ScopeAnalysis; visitorKeys: NonNullable<Toolkit['visitorKeys']> }, file: string, text: string): Readonly<SourceCode> | undefined {
  const { hasBOM, body, parsed: parsedText, sourceType } = sourceOf(file, text);
  let result: ReturnType<FastParser['parseSync']>;
  try {
    // typescript-estree's shape for JavaScript too (`decorators: []` on parameters), which the scope analysis reads.
    result = kit.fast.parseSync(file, parsedText, { lang: oxcLang(file), astType: 'ts', range: true, preserveParens: false, showSemanticErrors: false });
  } catch {
    return undefined;
  }
  if (result.errors.length > 0) return undefined;
  const position = positionsOf(body);
  const ast = result.program as TSESTree.Program & { comments: TSESTree.Comment[]; tokens: TSESTree.Token[] };
  // Lines and columns on every node, and parent links, as ESLint's traversal sets them before any rule runs.
  kit.estree.simpleTraverse(
    ast,
    {
      enter: (node) => {
        // A decorated parameter (`@Query('page') page?: string`) starts after its decorators in typescript-estree's tree.
        const decorators = PARAMETER_NODES.has(node.type) ? (node as { decorators?: TSESTree.Decorator[] }).decorators : undefined;
        const last = decorators?.[decorators.length - 1];
        if (last) {
          let start = last.range[1];
          while (/\s/.test(body.charAt(start))) start++;
          node.range = [start, node.range[1]];
        }
        node.loc = { start: position(node.range[0]), end: position(node.range[1]) };
      },
    },
    true,
  );
  // oxc's comments carry typescript-estree's types (`Line`, `Block`) with offsets: ranges and lines added.
  const comments: unknown[] = result.comments.map((c) => ({ type: c.type, value: c.value, range: [c.start, c.end], loc: { start: position(c.start), end: position(c.end) } }));
  ast.comments = comments as TSESTree.Comment[];
  ast.tokens = [];
  // As typescript-eslint's parser: a CommonJS file is a script to the scope analysis.
  const scriptOrModule = sourceType === 'commonjs' ? 'script' : 'module';
  (ast as { sourceType: string }).sourceType = scriptOrModule;
  // The parser's other options are unset here, which the scope analysis reads as its defaults.
  const scopeManager = kit.analyze(ast, { sourceType: scriptOrModule });
  return eslintSourceCode(kit.direct, { text: body, ast, hasBOM, parserServices: { program: null }, scopeManager, visitorKeys: kit.visitorKeys }, sourceType);
}

/** The file parsed by a run of the private `Linter` with no rule (no typescript-eslint parser to call directly). `null` on a syntax error. */
function parseWithLinter(kit: Toolkit, file: string, text: string): Readonly<SourceCode> | null {
  const messages = kit.linter.verify(text, configFor(file, kit.tsParser), { filename: file });
  const fatal = messages.some((m) => (m as { fatal?: boolean }).fatal === true);
  return fatal ? null : ((kit.linter.getSourceCode() as Readonly<SourceCode> | null) ?? null);
}

function configFor(file: string, tsParser: unknown): unknown {
  const ts = TS_FILE.test(file);
  const parser = ts || tsParser ? tsParser : undefined;
  return [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: file.endsWith('.cjs') || file.endsWith('.cts') ? 'commonjs' : 'module',
        ...(parser ? { parser } : {}),
        // No TypeScript node maps: the index never asks for types, and the maps keep TypeScript's own tree alive.
        parserOptions: { ecmaFeatures: { jsx: !ts || file.endsWith('x') }, preserveNodeMaps: false },
      },
    },
  ];
}

/**
 * The parsed file, with its scope manager, or `undefined` when it cannot be parsed here (a syntax
 * error, TypeScript without typescript-eslint's parser installed, no ESLint at all).
 */
export function parseSource(file: string): Readonly<SourceCode> | undefined {
  const stamp = stampOf(file);
  if (!stamp) return undefined;
  const cached = parsed.get(file);
  if (cached && same(cached.stamp, stamp)) return cached.sourceCode ?? undefined;
  const text = readSource(file);
  const kit = loadToolkit();
  let sourceCode: Readonly<SourceCode> | null = null;
  if (text !== undefined && kit && (kit.tsParser || !TS_FILE.test(file))) {
    parses.full++;
    try {
      const { direct, fast, estree, analyze, visitorKeys } = kit;
      const quick = direct && fast && estree && analyze && visitorKeys ? parseModelFast({ direct, fast, estree, analyze, visitorKeys }, file, text) : undefined;
      if (quick) parses.fast++;
      sourceCode = quick ?? (direct ? parseDirect(direct, file, text) : parseWithLinter(kit, file, text));
    } catch {
      sourceCode = null;
    }
  }
  parsed.set(file, { stamp, sourceCode });
  return sourceCode ?? undefined;
}

/** A file's syntax alone: what a summary is read from. */
export interface Syntax {
  ast: TSESTree.Program;
  text: string;
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
}

/**
 * The tree of `text` from oxc's parser, in typescript-estree's shape (no parentheses nodes, ranges
 * as offsets), with parent links; `undefined` when oxc reports any error: it rejects some files
 * typescript-estree reads (a `return` at the top of a CommonJS script), which take that path.
 */
function parseFast(fast: FastParser, estree: SyntaxParser, file: string, text: string): TSESTree.Program | undefined {
  try {
    const result = fast.parseSync(file, text, { lang: oxcLang(file), astType: TS_FILE.test(file) ? 'ts' : 'js', range: true, preserveParens: false, showSemanticErrors: false });
    if (result.errors.length > 0) return undefined;
    estree.simpleTraverse(result.program, { enter: () => undefined }, true);
    return result.program as TSESTree.Program;
  } catch {
    return undefined;
  }
}

/**
 * The file's syntax tree, parsed afresh and not kept: without scopes, tokens or comments (about half
 * the cost of a full parse) when typescript-estree is at hand, by oxc's parser when it is installed
 * too (a tenth of typescript-estree's time), else the full parse above.
 */
export function parseSyntax(file: string): Syntax | undefined {
  const text = readSource(file);
  const kit = loadToolkit();
  if (text === undefined || !kit) return undefined;
  const ts = TS_FILE.test(file);
  if (kit.estree && kit.visitorKeys && kit.tsParser) {
    parses.syntax++;
    const fast = kit.fast ? parseFast(kit.fast, kit.estree, file, text) : undefined;
    if (fast) {
      parses.fast++;
      return { ast: fast, text, visitorKeys: kit.visitorKeys };
    }
    try {
      const ast = kit.estree.parse(text, { jsx: !ts || file.endsWith('x'), loc: true, range: true, comment: false, tokens: false, errorOnUnknownASTType: false }) as TSESTree.Program;
      // Parent links, as ESLint gives them: the analyses walk up from a node.
      kit.estree.simpleTraverse(ast, { enter: () => undefined }, true);
      return { ast, text, visitorKeys: kit.visitorKeys };
    } catch {
      return undefined;
    }
  }
  const sourceCode = parseSource(file);
  return sourceCode ? { ast: sourceCode.ast, text: sourceCode.text, visitorKeys: sourceCode.visitorKeys } : undefined;
}
