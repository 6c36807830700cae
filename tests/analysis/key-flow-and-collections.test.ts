/**
 * Direct tests of two analyses the rules stand on: which module-level collections a file keeps
 * (and whether anything bounds them), and whether a cache key can take a new value per request.
 * Each case builds the real per-file model through ESLint's Linter and asks the analysis itself.
 */
import { Linter } from 'eslint';
import type { Rule } from 'eslint';
import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';
import { describe, expect, it } from 'vitest';
import { getFileModel, modelListeners } from '../../src/analysis/model/linted-file.js';
import { findModuleCollections, isUnboundedCache } from '../../src/analysis/cache/collections.js';
import { keyGrowsWithRequests, writeKey } from '../../src/analysis/request/key-flow.js';

interface Seen {
  name: string;
  kind: string;
  unbounded: boolean;
  /** For each write, whether its key grows with requests. */
  keysGrow: boolean[];
}

/** The module-level collections of `code`, as the analyses see them. */
function collectionsOf(code: string): Seen[] {
  let seen: Seen[] = [];
  const probe: Rule.RuleModule = {
    create(context) {
      const ctx = context as unknown as RuleContext<string, readonly unknown[]>;
      return {
        ...(modelListeners(ctx) as Rule.RuleListener),
        'Program:exit'() {
          const model = getFileModel(ctx);
          seen = findModuleCollections(model).map((c) => ({
            name: c.name,
            kind: c.kind,
            unbounded: isUnboundedCache(c),
            keysGrow: c.writes.map((w) => keyGrowsWithRequests(writeKey(w.node), w.node, model)),
          }));
        },
      };
    },
  };
  const messages = new Linter().verify(code, [{ files: ['**/*.js'], plugins: { probe: { rules: { probe } } }, rules: { 'probe/probe': 'error' } }], { filename: 'src/server.js' });
  expect(messages.filter((m) => m.fatal === true)).toEqual([]);
  return seen;
}

describe('module-level collections', () => {
  it('finds a Map written with computed keys and never shrunk, and sees what bounds one', () => {
    const found = collectionsOf(`
      const users = new Map();
      const sessions = new Map();
      export function remember(id, user) { users.set(id, user); }
      export function open(id, s) {
        sessions.set(id, s);
        if (sessions.size > 1000) sessions.delete(sessions.keys().next().value);
      }`);
    expect(found.map(({ name, kind, unbounded }) => ({ name, kind, unbounded }))).toEqual([
      { name: 'users', kind: 'map', unbounded: true },
      { name: 'sessions', kind: 'map', unbounded: false },
    ]);
  });

  it('tells objects, arrays and sets apart, and counts a clear() from a timer as eviction', () => {
    const found = collectionsOf(`
      const byName = {};
      const seenIds = new Set();
      const log = [];
      export function note(name, id, line) { byName[name] = line; seenIds.add(id); log.push(line); }
      setInterval(() => seenIds.clear(), 60000);`);
    expect(found.map(({ name, kind, unbounded }) => ({ name, kind, unbounded }))).toEqual([
      { name: 'byName', kind: 'object', unbounded: true },
      { name: 'seenIds', kind: 'set', unbounded: false },
      { name: 'log', kind: 'array', unbounded: true },
    ]);
  });
});

describe('key flow', () => {
  it('a key read from the request grows; a constant or a value checked against a fixed list does not', () => {
    const [cache] = collectionsOf(`
      const cache = new Map();
      const LOCALES = ['en', 'fr'];
      export function handler(req, res) {
        cache.set(req.ip, Date.now());
        cache.set('config', 1);
        const locale = req.query.locale;
        if (!LOCALES.includes(locale)) return res.status(400).end();
        cache.set(locale, 2);
        const forwarded = req.headers['x-forwarded-for'];
        const key = 'ip:' + forwarded;
        cache.set(key, 3);
      }`);
    // A literal key (`'config'`) is not a computed write at all: three writes, in order.
    expect(cache?.keysGrow).toEqual([true, false, true]);
  });
});
