/**
 * Whether a value an async function returns is plain (no promise that can reject): asked of every
 * kind of expression, an awaited one included.
 */
import { parse, simpleTraverse } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { plainResult } from '../../src/analysis/promise/returns-promise.js';
import type { FunctionFacts } from '../../src/analysis/model/file-model.js';

const facts: FunctionFacts = { asyncNames: new Set(), classNames: new Set(), visitorKeys };

/** The expression returned by the last statement of `code`, an async function. */
function returned(code: string): TSESTree.Node {
  const ast = parse(code, { range: true, loc: true });
  simpleTraverse(ast, { enter: () => undefined }, true);
  const fn = ast.body[0] as TSESTree.FunctionDeclaration;
  const last = fn.body.body.at(-1) as TSESTree.ReturnStatement;
  if (!last.argument) throw new Error('no returned value');
  return last.argument;
}

describe('plain results', () => {
  it('reads an awaited name as plain without taking the await for a call', () => {
    // `await browserPromise`: a name awaited, no call and no log line; this used to fail on reading the callee of an await.
    expect(plainResult(returned('async function f() { return await browserPromise; }'), facts)).toBe(true);
  });
  it('does not count a log line as a value', () => {
    expect(plainResult(returned('async function f() { return console.log("x"); }'), facts)).toBe(false);
  });
  it('does not count an awaited call that may reject as plain', () => {
    expect(plainResult(returned('async function f() { return await fetchUser(); }'), facts)).toBe(false);
  });
});
