import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

function lint(code: string, settings: Record<string, unknown>, filename = 'src/app.js'): Linter.LintMessage[] {
  const linter = new Linter();
  return linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        plugins: { 'memo-guard': plugin as never },
        settings,
        rules: {
          'memo-guard/no-unbounded-cache-in-handler': 'error',
          'memo-guard/no-unsafe-async-memoize': 'error',
          'memo-guard/no-unhashable-args': 'error',
        },
      },
    ],
    { filename },
  );
}

describe("settings['memo-guard']", () => {
  const customMemoizer = `import { memo } from '@acme/cache';
export const getUser = memo(async (id) => fetch('/u/' + id));
export const add = memo((a, b) => a + b);`;

  it('teaches the rules a custom memoizer', () => {
    const none = lint(customMemoizer, {});
    expect(none).toEqual([]);
    const found = lint(customMemoizer, { 'memo-guard': { memoizers: [{ module: '@acme/cache', export: 'memo', keying: 'first-arg', promiseSafe: false }] } });
    expect(found.map((m) => [m.ruleId, m.line])).toEqual([
      ['memo-guard/no-unsafe-async-memoize', 2],
      ['memo-guard/no-unhashable-args', 3],
    ]);
  });

  it('a custom memoizer declared promise-safe and keyed on all arguments is not reported', () => {
    const found = lint(customMemoizer, { 'memo-guard': { memoizers: [{ module: '@acme/cache', export: 'memo', keying: 'all-identity', promiseSafe: true }] } });
    expect(found).toEqual([]);
  });

  it('teaches the handler rule a custom registration method and handler export', () => {
    const code = `const seen = new Map();
server.addRoute('GET', '/x', (r) => { seen.set(r.id, r); });`;
    expect(lint(code, {})).toEqual([]);
    const found = lint(code, { 'memo-guard': { handlers: [{ methods: ['addRoute'], receivers: ['server'] }] } });
    expect(found.map((m) => [m.ruleId, m.line])).toEqual([['memo-guard/no-unbounded-cache-in-handler', 1]]);

    const exported = `const seen = new Map();
export function main(event) { seen.set(event.id, event); }`;
    expect(lint(exported, {})).toEqual([]);
    expect(lint(exported, { 'memo-guard': { handlers: [{ exports: ['main'] }] } }).map((m) => m.line)).toEqual([1]);
  });

  it('rejects a malformed memoizer setting with an error that names it', () => {
    expect(() => lint(customMemoizer, { 'memo-guard': { memoizers: [{ module: '@acme/cache', keying: 'sometimes' }] } })).toThrow(
      /settings\['memo-guard'\]\.memoizers\[0\]\.keying must be one of/,
    );
    expect(() => lint(customMemoizer, { 'memo-guard': { memoizers: [{ module: '@acme/cache', maxSize: 3 }] } })).toThrow(/unknown property "maxSize"/);
  });
});
