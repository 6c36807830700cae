// How the command picks a parser: the @flow pragma, the project's kind from its files, the chain of
// parsers a file is tried with, and the scope-manager bridge that lets a parser built on an older
// eslint-scope (@babel/eslint-parser 7 uses eslint-scope 5) run under ESLint 10.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { hasFlowPragma, parserChain, withAddGlobals } from '../../src/cli/parsers.js';
import { detectProjectKind } from '../../src/cli/project-kind.js';
import { repoRoot } from '../e2e/helpers.js';
import { project, removeProjects } from './helpers.js';

afterAll(removeProjects);

describe('hasFlowPragma', () => {
  it.each([
    ['// @flow\nconst a = 1;', true],
    ['/* @flow strict */\nimport x from "y";', true],
    ['/**\n * Copyright\n * @flow\n */\n', true],
    ['#!/usr/bin/env node\n// @flow\n', true],
    ["'use strict';\n// @flow\n", false], // after the first statement: not a pragma
    ['// @noflow\n', true],
    ['// @flowtype is a word, not the pragma\n', false],
    ['const flow = "@flow";\n', false],
    ['', false],
  ])('%j -> %s', (text, expected) => {
    expect(hasFlowPragma(text)).toBe(expected);
  });
});

describe('detectProjectKind', () => {
  it('a .flowconfig, flow-bin or a Flow preset make a Flow project; a Babel config is named', () => {
    expect(detectProjectKind(project({ '.git/HEAD': '', '.flowconfig': '' }))).toEqual({ flow: '.flowconfig', babelConfig: undefined });
    expect(detectProjectKind(project({ '.git/HEAD': '', 'package.json': JSON.stringify({ devDependencies: { 'flow-bin': '1' } }) }))).toEqual({
      flow: 'flow-bin in package.json',
      babelConfig: undefined,
    });
    expect(detectProjectKind(project({ '.git/HEAD': '', '.babelrc': '{"presets":["@babel/preset-flow"]}' }))).toEqual({
      flow: 'a Flow preset in .babelrc',
      babelConfig: '.babelrc',
    });
    expect(detectProjectKind(project({ '.git/HEAD': '', 'package.json': JSON.stringify({ babel: { plugins: ['@babel/plugin-proposal-decorators'] } }) }))).toEqual({
      flow: undefined,
      babelConfig: 'package.json ("babel")',
    });
    expect(detectProjectKind(project({ '.git/HEAD': '', 'package.json': '{}' }))).toEqual({ flow: undefined, babelConfig: undefined });
  });

  it('looks up to the repository root: a workspace package of a Flow monorepo is Flow', () => {
    const root = project({ '.git/HEAD': '', '.flowconfig': '', 'babel.config.js': 'module.exports = {};', 'packages/api/package.json': '{}' });
    expect(detectProjectKind(path.join(root, 'packages/api'))).toEqual({ flow: '../../.flowconfig', babelConfig: '../../babel.config.js' });
  });
});

describe('parserChain', () => {
  const plain = { flow: undefined, babelConfig: undefined };
  it('TypeScript: typed first when there is a tsconfig, then without types; never a JavaScript parser', () => {
    expect(parserChain('a.ts', { kind: plain, typed: true, flowPragma: false })).toEqual(['typescript', 'typescript-untyped']);
    expect(parserChain('a.tsx', { kind: plain, typed: false, flowPragma: false })).toEqual(['typescript-untyped']);
  });
  it('JavaScript: an @flow file starts with hermes-eslint; a Flow or Babel project tries its parser after espree', () => {
    expect(parserChain('a.js', { kind: plain, typed: false, flowPragma: true })).toEqual(['hermes', 'espree']);
    expect(parserChain('a.js', { kind: plain, typed: false, flowPragma: false })).toEqual(['espree', 'hermes']);
    expect(parserChain('a.js', { kind: { flow: '.flowconfig', babelConfig: '.babelrc' }, typed: false, flowPragma: false })).toEqual(['espree', 'hermes', 'babel']);
    expect(parserChain('a.js', { kind: { flow: undefined, babelConfig: 'babel.config.js' }, typed: false, flowPragma: false })).toEqual(['espree', 'babel', 'hermes']);
  });
  it("the project's own parser setup comes first", () => {
    expect(parserChain('a.js', { kind: plain, typed: false, projectParser: 'project:0', flowPragma: false })).toEqual(['project:0', 'espree', 'hermes']);
  });
});

describe('withAddGlobals', () => {
  // A parser whose scope manager comes from eslint-scope 8 (ESLint 9's copy): like eslint-scope 5
  // under @babel/eslint-parser 7, it has no addGlobals, which ESLint 10 calls on every file.
  const require = createRequire(path.join(repoRoot, 'node_modules/eslint9/package.json'));
  const espree = require('espree') as { parse: (text: string, options: object) => unknown; VisitorKeys: object };
  const eslintScope = require('eslint-scope') as { analyze: (ast: unknown, options: object) => unknown };
  const legacyParser = {
    meta: { name: 'legacy-scope-parser' },
    parseForESLint(text: string) {
      const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true, tokens: true, comment: true });
      return { ast, scopeManager: eslintScope.analyze(ast, { ecmaVersion: 2022, sourceType: 'module' }), visitorKeys: espree.VisitorKeys };
    },
  } as unknown as Linter.Parser;
  const code = 'const seen = new Map();\nexport const f = (k) => seen.set(k, window.name + undeclared);\n';
  const config = (parser: Linter.Parser): Linter.Config[] => [
    { files: ['**/*.js'], languageOptions: { parser, globals: { window: 'readonly', Map: 'readonly' } }, rules: { 'no-undef': 'error', 'no-unused-vars': 'error' } },
  ];

  it('without it ESLint 10 crashes on such a parser (so the test below means something)', () => {
    expect(Number(Linter.version.split('.')[0])).toBeGreaterThanOrEqual(10);
    expect(() => new Linter().verify(code, config(legacyParser), 'a.js')).toThrow(/addGlobals is not a function/);
  });

  it('with it the globals resolve as under ESLint 9: only the undeclared name is reported', () => {
    const messages = new Linter().verify(code, config(withAddGlobals(legacyParser)), 'a.js');
    expect(messages.map((m) => `${String(m.ruleId)} ${m.message}`)).toEqual(["no-undef 'undeclared' is not defined."]);
  });
});
