/**
 * Other files of a project parsed with their scopes, as ESLint parses a linted file: typescript-eslint's
 * parser called directly into ESLint's `SourceCode` (no `Linter` run). What the analyses read of such a
 * file must be what a lint of it would give: the text without its byte-order mark, a shebang line read
 * as a comment, parent links, scopes that resolve a module's own names and ESLint's globals.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { parseSource } from '../../src/analysis/project/files/sources.js';

const dir = mkdtempSync(path.join(tmpdir(), 'memo-guard-parses-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('a full parse of another file', () => {
  it('reads a script with a byte-order mark and a shebang as ESLint does', () => {
    const file = write('cli.ts', '\uFEFF#!/usr/bin/env node\nconst limit = 3;\nexport function take(items: string[]): string[] {\n  return items.slice(0, limit);\n}\n');
    const sourceCode = parseSource(file);
    expect(sourceCode).toBeDefined();
    if (!sourceCode) return;
    expect(sourceCode.text.startsWith('#!/usr/bin/env node')).toBe(true);
    expect(sourceCode.ast.body.map((node) => node.type)).toEqual(['VariableDeclaration', 'ExportNamedDeclaration']);
    // `limit` inside `take` resolves to the module's own const, found through the parent links.
    const fn = (sourceCode.ast.body[1] as TSESTree.ExportNamedDeclaration).declaration as TSESTree.FunctionDeclaration;
    const ret = fn.body.body[0] as TSESTree.ReturnStatement;
    const call = ret.argument as TSESTree.CallExpression;
    const limit = call.arguments[1] as TSESTree.Identifier;
    expect(limit.parent).toBe(call);
    const scope = sourceCode.getScope(limit);
    const variable = scope.references.find((ref) => ref.identifier === limit)?.resolved;
    expect(variable?.defs[0]?.node.type).toBe('VariableDeclarator');
  });

  it('gives a CommonJS module the globals ESLint gives one (`require`, `module`), and the latest ECMAScript ones', () => {
    const file = write('loader.cjs', "const fs = require('fs');\nmodule.exports = new WeakRef(fs);\n");
    const sourceCode = parseSource(file);
    expect(sourceCode).toBeDefined();
    if (!sourceCode) return;
    const global = sourceCode.scopeManager?.globalScope;
    expect(['require', 'module', 'exports', 'WeakRef'].filter((name) => global?.set.has(name))).toEqual(['require', 'module', 'exports', 'WeakRef']);
  });

  it('gives nothing for a file with a syntax error', () => {
    expect(parseSource(write('broken.ts', 'export const = ;\n'))).toBeUndefined();
  });
});
