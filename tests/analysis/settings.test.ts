import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { settingsProblems } from '../../src/analysis/catalog/settings.js';
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

  // Each malformed shape: the one message it must produce (all problems of one settings object are
  // reported together, one line each).
  const malformed: [string, unknown, string[]][] = [
    ['not an object', 'lodash', ["settings['memo-guard'] must be an object, got the string 'lodash'"]],
    ['memoizers as a string', { memoizers: 'lodash' }, ["settings['memo-guard'].memoizers must be an array of objects, got the string 'lodash'"]],
    ['handlers as a string', { handlers: 'addRoute' }, ["settings['memo-guard'].handlers must be an array of objects, got the string 'addRoute'"]],
    ['a mistyped handler key', { handlers: [{ method: ['addRoute'] }] }, [
      `settings['memo-guard'].handlers[0] has an unknown key "method" (did you mean "methods"?)`,
      `settings['memo-guard'].handlers[0] must have "methods" or "exports"`,
    ]],
    ['handler methods as a string', { handlers: [{ methods: 'addRoute' }] }, ["settings['memo-guard'].handlers[0].methods must be an array of strings, got the string 'addRoute'"]],
    ['handler receivers with a number', { handlers: [{ methods: ['get'], receivers: ['app', 3] }] }, ["settings['memo-guard'].handlers[0].receivers must be an array of strings, got an array"]],
    ['a handler that is a string', { handlers: ['addRoute'] }, ["settings['memo-guard'].handlers[0] must be an object, got the string 'addRoute'"]],
    ['an unknown top-level key', { handler: [{ methods: ['addRoute'] }] }, [`settings['memo-guard'] has an unknown key "handler" (did you mean "handlers"?)`]],
    ['an unrelated top-level key', { cacheSize: 3 }, [`settings['memo-guard'] has an unknown key "cacheSize" (known: memoizers, handlers, summaryCache)`]],
    ['a summary cache that is neither a folder nor false', { summaryCache: true }, ["settings['memo-guard'].summaryCache must be a folder (a non-empty string) or false, got boolean true"]],
    ['an empty summary cache folder', { summaryCache: '' }, ["settings['memo-guard'].summaryCache must be a folder (a non-empty string) or false, got the string ''"]],
    ['a bad keying value', { memoizers: [{ module: '@acme/cache', keying: 'sometimes' }] }, [
      "settings['memo-guard'].memoizers[0].keying must be one of 'first-arg', 'all-identity', 'fn-length', 'json', 'custom', 'identity-by-design', 'value', 'string', got the string 'sometimes'",
    ]],
    ['a memoizer without module', { memoizers: [{ export: 'memo' }] }, ["settings['memo-guard'].memoizers[0].module is required"]],
    ['an unknown memoizer key', { memoizers: [{ module: '@acme/cache', maxSize: 3 }] }, [`settings['memo-guard'].memoizers[0] has an unknown key "maxSize" (known: module, export, keying, bounded, promiseSafe, resolverOptions)`]],
    ['bounded as a string', { memoizers: [{ module: 'm', bounded: 'yes' }] }, ["settings['memo-guard'].memoizers[0].bounded must be true or false, got the string 'yes'"]],
    ['two problems in two entries', { memoizers: [{ module: 'm' }, { module: 7 }], handlers: [{ exports: 'main' }] }, [
      "settings['memo-guard'].memoizers[1].module must be a non-empty string, got number 7",
      "settings['memo-guard'].handlers[0].exports must be an array of strings, got the string 'main'",
    ]],
  ];

  it.each(malformed)('%s: one error per problem, naming its path', (_name, value, problems) => {
    expect(settingsProblems(value)).toEqual(problems);
    // The rules throw it as one error, whatever the file holds (even nothing the settings would change).
    expect(() => lint('export const x = 1;', { 'memo-guard': value })).toThrow(problems.join('\n'));
  });

  it('well-formed settings have no problems, and an absent key means the defaults', () => {
    expect(settingsProblems(undefined)).toEqual([]);
    expect(settingsProblems({})).toEqual([]);
    expect(
      settingsProblems({
        memoizers: [{ module: '@acme/cache', export: 'memo', keying: 'json', bounded: true, promiseSafe: false, resolverOptions: ['key'] }],
        handlers: [{ methods: ['addRoute'], receivers: ['server'] }, { exports: ['main'] }],
      }),
    ).toEqual([]);
    expect(lint('export const x = 1;', { 'memo-guard': {} })).toEqual([]);
  });
});
