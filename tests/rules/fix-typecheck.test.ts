/**
 * The fixed TypeScript files type-check: each snippet compiles without errors before the fix, the
 * rule's autofix is applied by ESLint, and the fixed file compiles without errors too (strict, with
 * the real libraries' types and this package's runtime types). Type arguments survive the fix.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter, type ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import unboundedMemoize from '../../rules/no-unbounded-memoize.js';
import cacheInHandler from '../../rules/no-unbounded-cache-in-handler.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Case {
  name: string;
  rule: 'no-unbounded-memoize' | 'no-unbounded-cache-in-handler';
  code: string;
  /** Text the fixed file must contain. */
  fixed: string;
}

const cases: Case[] = [
  {
    // lodash's types declare `cache.clear` optional, so only `cache.delete` is used here (the behaviour test covers clear).
    name: 'lodash, first-argument key, map callback and cache.delete',
    rule: 'no-unbounded-memoize',
    code: `import _ from 'lodash';
const len = _.memoize((s: string) => s.length);
export const total = (xs: string[]): number => xs.map(len).reduce((a, b) => a + b, 0);
export function forget(s: string): void { len.cache.delete(s); }`,
    fixed: 'key: (first?: unknown) => first',
  },
  {
    // A function of no parameters holds one entry and is not reported; an optional one still keys.
    name: 'lodash on a function of one optional parameter, called with none',
    rule: 'no-unbounded-memoize',
    code: `import memoize from 'lodash/memoize';
const config = memoize((region?: string) => ({ region: region ?? 'eu' }));
export const region = (): string => config().region + config('us').region;`,
    fixed: 'key: (first?: unknown) => first',
  },
  {
    name: 'lodash with a typed resolver',
    rule: 'no-unbounded-memoize',
    code: `import { memoize } from 'lodash';
const add = memoize((a: number, b: number) => a + b, (a: number, b: number) => \`\${a}:\${b}\`);
export const sum = (): number => add(1, 2) + add(2, 1);`,
    fixed: 'key: (a: number, b: number) =>',
  },
  {
    name: 'memoize (mem): a Map cache with type arguments',
    rule: 'no-unbounded-memoize',
    code: `import mem from 'memoize';
const len = mem((s: string) => s.length, { cache: new Map<string, { data: number; maxAge: number }>() });
export const n = (): number => len('abc');`,
    fixed: 'new LruMap<string, { data: number; maxAge: number }>(500)',
  },
  {
    name: 'memoize (mem) without options',
    rule: 'no-unbounded-memoize',
    code: `import mem from 'memoize';
const len = mem((s: string) => s.length);
export const n = (): number => len('abc');`,
    fixed: 'cache: new LruMap(500)',
  },
  {
    name: 'p-memoize',
    rule: 'no-unbounded-memoize',
    code: `import pMemoize from 'p-memoize';
const load = pMemoize(async (id: string) => ({ id }));
export const get = async (): Promise<string> => (await load('a')).id;`,
    fixed: 'cache: new LruMap(500)',
  },
  {
    name: 'fast-memoize',
    rule: 'no-unbounded-memoize',
    code: `import memoize from 'fast-memoize';
const len = memoize((s: string) => s.length);
export const n = (): number => len('abc');`,
    fixed: 'cache: { create: () => new LruMap',
  },
  {
    name: 'moize.infinite',
    rule: 'no-unbounded-memoize',
    code: `import moize from 'moize';
const area = moize.infinite((w: number, h: number) => w * h);
export const a = (): number => area(2, 3);
export function reset(): void { area.clear(); }`,
    fixed: 'moize((w: number, h: number) => w * h, { maxSize: 500 })',
  },
  {
    name: 'memoizee',
    rule: 'no-unbounded-memoize',
    code: `import memoizee from 'memoizee';
const area = memoizee((w: number, h: number) => w * h);
export const a = (): number => area(2, 3);`,
    fixed: '{ max: 500 }',
  },
  {
    name: 'a typed Map cache on an Express route keeps its type arguments',
    rule: 'no-unbounded-cache-in-handler',
    code: `import express from 'express';
const app = express();
const pages = new Map<string, string>();
function page(id: string): string {
  const hit = pages.get(id);
  if (hit !== undefined) return hit;
  const html = \`<h1>\${id}</h1>\`;
  pages.set(id, html);
  return html;
}
app.get('/p/:id', (req, res) => { res.send(page(String(req.params.id))); });`,
    fixed: 'new LruMap<string, string>(500)',
  },
];

const rules = { 'no-unbounded-memoize': unboundedMemoize, 'no-unbounded-cache-in-handler': cacheInHandler };

function applyFix(c: Case): string {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config = {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { 'memo-guard': { rules: { [c.rule]: rules[c.rule] } } as unknown as ESLint.Plugin },
    rules: { [`memo-guard/${c.rule}`]: 'error' },
  };
  return linter.verifyAndFix(c.code, config, 'case.ts').output;
}

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  types: [],
  paths: { 'eslint-plugin-memo-guard/memoize': [path.join(root, 'src/memoize/index.ts')] },
};

/** Type errors of one in-memory file, compiled inside the project so node_modules types resolve. */
function typeErrors(code: string, index: number): string[] {
  const file = path.join(root, 'tests/fixtures/typed', `.fix-case-${index}.ts`);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) => (path.resolve(name) === file ? ts.createSourceFile(name, code, version, true) : getSourceFile(name, version, onError, create));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const source = program.getSourceFile(file);
  return ts.getPreEmitDiagnostics(program, source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('fixed TypeScript files type-check', () => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    expect(typeErrors(c.code, i)).toEqual([]);
    const fixed = applyFix(c);
    expect(fixed).toContain(c.fixed);
    expect(typeErrors(fixed, i)).toEqual([]);
  });
});
