/**
 * The look at a module's text before it is parsed to follow `export *`: which texts may give an
 * export of a name (no parse when they cannot), and which give it only as a function or class they
 * declare (no parse needed to know it is no memoizer's value). A wrong "no" would hide a memoized
 * function behind a barrel, so every form that exports a name must answer yes.
 */
import { describe, expect, it } from 'vitest';
import { exportsOnlyDeclaration, mayExport } from '../../src/analysis/project/files/export-hints.js';

describe('mayExport: a text that exports the name, in any form', () => {
  it.each([
    ['a const', 'export const formatMoney = memoize(fmt);'],
    ['a let without semicolons, further down a list', 'export let a = 1, formatMoney = memoize(fmt)\n'],
    ['a destructured const', 'export const { formatMoney } = helpers;'],
    ['a declared function', 'export function formatMoney(m) {}'],
    ['an async generator function', 'export async function* formatMoney() {}'],
    ['an abstract class', 'export abstract class formatMoney {}'],
    ['an enum', 'export const enum formatMoney { A }'],
    ['a list', 'const f = memoize(fmt);\nexport {\n  other,\n  f as formatMoney,\n};'],
    ['a list passed on from another module', "export { default as formatMoney } from './fmt';"],
    ['a type list', 'export type { formatMoney } from "./types";'],
    ['a namespace re-export', "export * as formatMoney from './fmt';"],
    ['CommonJS', 'exports.formatMoney = memoize(fmt);'],
    ['CommonJS, an object', 'module.exports = { formatMoney };'],
    ["TypeScript's export =", 'const formatMoney = 1;\nexport = formatMoney;'],
    ['a name with a dollar sign', 'export const $formatMoney = 1;'],
  ])('%s', (_form, text) => {
    const name = text.includes('$formatMoney') ? '$formatMoney' : 'formatMoney';
    expect(mayExport(text, name, false)).toBe(true);
  });

  it.each([
    ['a module that imports and calls it', "import { formatMoney } from './fmt';\nexport function total(m) { return formatMoney(m); }"],
    ['a module that exports a longer name', 'export function formatMoneyShort() {}'],
    ['a module that does not name it', 'export const total = 1;'],
  ])('not %s', (_form, text) => {
    expect(mayExport(text, 'formatMoney', false)).toBe(false);
  });

  it('a module that passes on another whole may give any name when deeper modules may be read, not otherwise', () => {
    expect(mayExport("export * from './fmt';", 'formatMoney', true)).toBe(true);
    expect(mayExport("export  *  from './fmt';", 'formatMoney', true)).toBe(true);
    expect(mayExport("export * from './fmt';", 'formatMoney', false)).toBe(false);
    // `reexport *` is no export statement.
    expect(mayExport("reexport * from './fmt';", 'formatMoney', true)).toBe(false);
  });
});

describe('exportsOnlyDeclaration: the export is a function or class the module declares, nothing else', () => {
  it.each([
    ['a function', 'export function formatMoney(m) {}\nexport const other = 1;'],
    ['overloads', 'export function formatMoney(m: string): string;\nexport function formatMoney(m) { return m; }'],
    ['an async function', 'export async function formatMoney() {}'],
    ['a class', 'export class formatMoney {}'],
  ])('%s', (_form, text) => {
    expect(exportsOnlyDeclaration(text, 'formatMoney')).toBe(true);
  });

  it.each([
    ['a const, whose value may be a memoizer call', 'export const formatMoney = memoize(fmt);'],
    ['a function also exported by a list', 'export function formatMoney() {}\nexport { formatMoney as fmt };'],
    ["a namespace member (indented), beside the module's own const", 'namespace N {\n  export function formatMoney() {}\n}\nexport const formatMoney = memoize(fmt);'],
    ['CommonJS, which may replace it', 'export function formatMoney() {}\nexports.formatMoney = memoize(formatMoney);'],
    ['the default export', 'export default function formatMoney() {}'],
    ['a module that does not export it', "import { formatMoney } from './fmt';"],
  ])('not %s', (_form, text) => {
    expect(exportsOnlyDeclaration(text, 'formatMoney')).toBe(false);
  });
});
