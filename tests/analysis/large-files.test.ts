/**
 * Files far larger than hand-written code (bundles that land in a repository): every rule finishes
 * on them. A request handler that makes 150,000 calls once overflowed the call stack when the
 * handler path spread its lists into a push.
 */
import { Linter, type ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

describe('large files', () => {
  it('a handler with 150,000 calls: every rule finishes', () => {
    const calls = 'f();'.repeat(150_000);
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
});
