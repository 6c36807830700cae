/**
 * Files far larger than hand-written code (unminified bundles that land in a repository): every rule
 * finishes on them. A request handler that makes 150,000 calls once overflowed the call stack when
 * the handler path spread its lists into a push. Minified files are not checked at all (below).
 */
import { Linter, type ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

describe('large files', () => {
  it('a handler with 150,000 calls: every rule finishes', () => {
    const calls = '\n  f();'.repeat(150_000);
    const code = [
      "import express from 'express';",
      'const app = express();',
      'const slots = {};',
      'function f() { return 1; }',
      `app.get('/', (req, res) => { ${calls} res.send('ok'); });`,
      'export function load(k) { if (!slots[k]) slots[k] = fetch(k); return slots[k]; }',
    ].join('\n');
    const linter = new Linter({ cwd: '/' });
    const rules = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`memo-guard/${id}`, 'error' as const]));
    const messages = linter.verify(code, [{ files: ['**/*.js'], plugins: { 'memo-guard': plugin as unknown as ESLint.Plugin }, rules, languageOptions: { sourceType: 'module' } }], { filename: '/app/server.js' });
    expect(messages.filter((m) => m.fatal === true)).toEqual([]);
    // The stored fetch promise is still found: the handler path was worked out, not skipped.
    expect(messages.map((m) => m.ruleId)).toContain('memo-guard/no-unsafe-async-memoize');
  }, 60_000);

  // A vendored minified library (pdf.js's worker, a chat widget) is a build product: nothing there is the project's to fix.
  const storedFetch = "const slots = {};\nexport function load(k) { if (!slots[k]) slots[k] = fetch(k); return slots[k]; }\n";
  const lint = (code: string, filename: string) => {
    const linter = new Linter({ cwd: '/' });
    const rules = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`memo-guard/${id}`, 'error' as const]));
    return linter.verify(code, [{ files: ['**/*.{js,mjs}'], plugins: { 'memo-guard': plugin as unknown as ESLint.Plugin }, rules, languageOptions: { sourceType: 'module' } }], { filename }).map((m) => m.ruleId);
  };
  it('minified files are not checked: by name, or by lines averaging hundreds of characters', () => {
    expect(lint(storedFetch, '/app/src/load.js')).toEqual(['memo-guard/no-unsafe-async-memoize']);
    expect(lint(storedFetch, '/app/public/workers/pdf.worker.min.mjs')).toEqual([]);
    const padding = `const table = [${'1,'.repeat(6_000)}];`;
    expect(lint(`${padding}\n${storedFetch}`, '/app/public/vendor.js')).toEqual([]);
    // The same text with its table written one entry per line reads as source.
    expect(lint(`${padding.replaceAll(',', ',\n')}\n${storedFetch}`, '/app/public/vendor.js')).toEqual(['memo-guard/no-unsafe-async-memoize']);
  });
});

