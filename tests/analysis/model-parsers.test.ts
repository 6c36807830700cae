/**
 * Other files' models are parsed by oxc when `oxc-parser` is installed (a third of the cost of
 * typescript-eslint's parser with its scope analysis), and must be what typescript-eslint's parser
 * gives ESLint: the same nodes with the same ranges, lines, columns and parents, the same scopes,
 * variables and references, the same comments. Compared file by file over this project's own
 * TypeScript, its JavaScript and JSX examples and fixtures, and on the shapes where the two parsers'
 * raw trees differ (a decorated parameter's range, line breaks other than `\n`). A file oxc refuses
 * takes typescript-eslint's parser.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { compareOverOwnSources, ownSourceFiles } from './own-sources.js';
import { parseCounts, parseSource } from '../../src/analysis/project/files/sources.js';
import { AST_NODE_TYPES } from '../../src/analysis/syntax/node-types.js';

const require = createRequire(import.meta.url);
const { parseForESLint } = require('@typescript-eslint/parser') as {
  parseForESLint: (text: string, options: object) => { ast: TSESTree.Program; scopeManager: Scope.ScopeManager; visitorKeys: Record<string, readonly string[] | undefined> };
};

const temp = mkdtempSync(path.join(tmpdir(), 'memo-guard-model-parsers-'));
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/**
 * Every node (type, range, line and column span, parent's type), every scope with its variables and
 * references, every comment: one line each. With `linked`, a node whose `parent` is not the node it
 * was reached from is marked (the model walks up through `parent`).
 */
function shape(ast: TSESTree.Program, scopeManager: Scope.ScopeManager, visitorKeys: Record<string, readonly string[] | undefined>, linked: boolean): string[] {
  const lines: string[] = [];
  const visit = (node: unknown, parent: TSESTree.Node | undefined): void => {
    if (typeof node !== 'object' || node === null || typeof (node as { type?: unknown }).type !== 'string') return;
    const n = node as TSESTree.Node;
    if (parent) lines.push(`${n.type} ${n.range.join('-')} ${String(n.loc.start.line)}:${String(n.loc.start.column)}-${String(n.loc.end.line)}:${String(n.loc.end.column)} in ${parent.type}${linked && n.parent !== parent ? ' (unlinked)' : ''}`);
    for (const key of visitorKeys[n.type] ?? []) {
      const child = (n as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) for (const c of child) visit(c, n);
      else visit(child, n);
    }
  };
  visit(ast, undefined);
  for (const scope of scopeManager.scopes) {
    lines.push(`scope ${scope.type} ${scope.block.range.join('-')}`);
    // Globals the language options add (ESLint's `finalize`, the same on either side) are left out: they have no definition.
    for (const v of scope.variables) if (v.defs.length > 0) lines.push(`  variable ${v.name} ${v.defs.map((d) => d.type).join(',')} ${String(v.references.length)}`);
    for (const r of scope.references) lines.push(`  reference ${r.identifier.name} ${r.identifier.range.join('-')} -> ${r.resolved && r.resolved.defs.length > 0 ? r.resolved.name : 'global'}`);
  }
  for (const c of ast.comments ?? []) lines.push(`comment ${c.type} ${c.range.join('-')} ${String(c.loc.start.line)}:${String(c.loc.start.column)}`);
  return lines;
}

/** What typescript-eslint's parser gives ESLint for the file, as `parseDirect` asks for it. */
function expectedShape(file: string): string[] {
  const original = readFileSync(file, 'utf8');
  const text = original.replace(/^#!([^\r\n]+)/, '//$1');
  const ts = /\.[cm]?tsx?$/.test(file);
  const result = parseForESLint(text, { sourceType: file.endsWith('.cjs') || file.endsWith('.cts') ? 'commonjs' : 'module', ecmaFeatures: { jsx: !ts || file.endsWith('x') }, preserveNodeMaps: false, loc: true, range: true, tokens: true, comment: true, filePath: file });
  // ESLint's `SourceCode` calls a first line `#!…` a `Shebang` comment.
  const first = result.ast.comments?.[0];
  if (original.startsWith('#!') && first) (first as { type: string }).type = 'Shebang';
  return shape(result.ast, result.scopeManager, result.visitorKeys, false);
}

function modelShape(file: string): string[] | undefined {
  const sourceCode = parseSource(file);
  return sourceCode?.scopeManager ? shape(sourceCode.ast, sourceCode.scopeManager, sourceCode.visitorKeys, true) : undefined;
}

describe('models from oxc’s parser', () => {
  it('have the nodes, lines, scopes and comments typescript-eslint’s parser gives, file for file', () => {
    expect(ownSourceFiles().length).toBeGreaterThan(150);
    const before = parseCounts();
    const { differ, compared } = compareOverOwnSources(
      (file) => expectedShape(file).join('\n'),
      (file) => modelShape(file)?.join('\n'),
    );
    expect(differ).toEqual([]);
    // oxc read (nearly) every one of them: the comparison is of its trees, not typescript-eslint's twice.
    expect(parseCounts().fast - before.fast).toBeGreaterThan(compared * 0.9);
  });

  it('a decorated parameter starts at its name, and every line break ESLint counts is a line', () => {
    const file = path.join(temp, 'users.controller.ts');
    // `\r\r\n` is two line breaks to ESLint; `\r` alone and U+2028 one each.
    const text = [
      "import { Controller, Get, Query } from '@nestjs/common';\r\r",
      '@Controller()\r',
      'export class UsersController {\u2028',
      '  @Get()',
      "  list(@Query('page') page?: string, @Query('size') size = '10') { return [page, size]; }",
      '}',
    ].join('\n');
    writeFileSync(file, text);
    const found = modelShape(file);
    expect(found).toEqual(expectedShape(file));
    const sourceCode = parseSource(file);
    const exported = sourceCode?.ast.body.find((s) => s.type === AST_NODE_TYPES.ExportNamedDeclaration);
    const cls = exported?.type === AST_NODE_TYPES.ExportNamedDeclaration ? exported.declaration : undefined;
    const member = cls?.type === AST_NODE_TYPES.ClassDeclaration ? cls.body.body[0] : undefined;
    const params = member?.type === AST_NODE_TYPES.MethodDefinition ? member.value.params : [];
    // The file's lines as ESLint counts them: the import (1), the empty line between `\r` and `\r\n` (2), `@Controller()` (3),
    // the class (4), the empty line between U+2028 and `\n` (5), `@Get()` (6), `list` (7).
    expect(params.map((p) => [sourceCode?.getText(p), p.loc.start.line])).toEqual([
      ['page?: string', 7],
      ["size = '10'", 7],
    ]);
  });

  it('a file oxc refuses is read by typescript-eslint’s parser: a CommonJS script that returns at its top', () => {
    const file = path.join(temp, 'early-exit.cjs');
    writeFileSync(file, "if (process.env.SKIP) return;\nconst cache = new Map();\nexports.get = (id) => cache.get(id);\n");
    const before = parseCounts();
    const found = modelShape(file);
    expect(parseCounts().full).toBe(before.full + 1);
    expect(parseCounts().fast).toBe(before.fast);
    expect(found).toBeDefined();
    expect(found).toEqual(expectedShape(file));
  });
});
