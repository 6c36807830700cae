/**
 * Summaries are read from oxc's parser when `oxc-parser` is installed (a tenth of typescript-estree's
 * time), and must be what typescript-estree's tree gives: the same summary, file for file, over real
 * code of every kind the index reads (this project's TypeScript, its JavaScript and JSX examples and
 * fixtures). A file oxc refuses and typescript-estree reads (a `return` at the top of a CommonJS
 * script) is summarized from typescript-estree's tree, not dropped.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { afterAll, describe, expect, it } from 'vitest';
import { compareOverOwnSources, ownSourceFiles } from './own-sources.js';
import { parseCounts, parseSyntax } from '../../src/analysis/project/files/sources.js';
import { summarize } from '../../src/analysis/project/summaries/summarize.js';
import { readSettings } from '../../src/analysis/catalog/settings.js';

const require = createRequire(import.meta.url);
const estree = require('@typescript-eslint/typescript-estree') as {
  parse(text: string, options: object): TSESTree.Program;
  simpleTraverse(root: unknown, options: { enter: () => void }, setParentPointers: boolean): void;
};
const { visitorKeys } = require('@typescript-eslint/visitor-keys') as { visitorKeys: Record<string, readonly string[] | undefined> };
const settings = readSettings({});

const temp = mkdtempSync(path.join(tmpdir(), 'memo-guard-parsers-'));
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** The summary of `file` from typescript-estree's tree, as the index made it before oxc. */
function estreeSummary(file: string): string {
  const text = readFileSync(file, 'utf8');
  const ts = /\.[cm]?tsx?$/.test(file);
  const ast = estree.parse(text, { jsx: !ts || file.endsWith('x'), loc: true, range: true, comment: false, tokens: false, errorOnUnknownASTType: false });
  estree.simpleTraverse(ast, { enter: () => undefined }, true);
  return JSON.stringify(summarize({ ast, text, visitorKeys }, file, settings));
}

describe('summaries from oxc’s parser', () => {
  it('are the summaries typescript-estree’s tree gives, file for file', () => {
    expect(ownSourceFiles().length).toBeGreaterThan(150);
    const before = parseCounts();
    const { differ, compared } = compareOverOwnSources(estreeSummary, (file) => {
      const syntax = parseSyntax(file);
      return syntax ? JSON.stringify(summarize(syntax, file, settings)) : undefined;
    });
    expect(differ).toEqual([]);
    // oxc read (nearly) every one of them: the comparison is of its trees, not typescript-estree's twice.
    expect(parseCounts().fast - before.fast).toBeGreaterThan(compared * 0.9);
  });

  it('a file oxc refuses is read by typescript-estree: a CommonJS script that returns at its top', () => {
    const file = path.join(temp, 'early-exit.cjs');
    writeFileSync(file, "if (process.env.SKIP) return;\nconst memoize = require('lodash/memoize');\nexports.byId = memoize((id) => id);\n");
    const before = parseCounts();
    const syntax = parseSyntax(file);
    expect(parseCounts().fast).toBe(before.fast);
    expect(parseCounts().syntax).toBe(before.syntax + 1);
    expect(syntax).toBeDefined();
    if (!syntax) return;
    const summary = summarize(syntax, file, settings);
    expect(summary.exports).toEqual(['byId']);
    expect(JSON.stringify(summary)).toBe(estreeSummary(file));
  });
});
