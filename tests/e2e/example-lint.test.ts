// The real eslint binary, the example's own eslint.config.js (which imports the built plugin),
// a scratch copy of examples/: the labelled findings appear, --fix bounds the caches, and the
// fixed server file lints clean.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actualFindings, assertRulesBuilt, copyExample, eslintJson, expectedFindings, toError } from './helpers.js';

describe('eslint + memo-guard on examples/', () => {
  let scratch: ReturnType<typeof copyExample> | undefined;
  let rulesError: Error | undefined;

  beforeAll(async () => {
    try {
      await assertRulesBuilt();
    } catch (error) {
      rulesError = toError(error);
    }
    scratch = copyExample('lint');
  });
  afterAll(() => {
    scratch?.cleanup();
  });

  function workdir(): string {
    if (rulesError !== undefined) throw rulesError;
    if (!scratch) throw new Error('no scratch copy');
    return scratch.examples;
  }

  it('the example labels every mistake kind', () => {
    const labels = expectedFindings(path.join(scratch!.examples)).map((f) => f.split(' ')[1]);
    expect(new Set(labels)).toEqual(new Set(['no-unsafe-async-memoize', 'no-unhashable-args', 'no-unbounded-cache-in-handler'].map((r) => `memo-guard/${r}`)));
  });

  it('reports exactly the findings labelled `// expect:` (rule id and line)', () => {
    const dir = workdir();
    const expected = expectedFindings(dir);
    const actual = actualFindings(dir, eslintJson(dir));
    console.log(`example findings (${actual.length}):\n  ${actual.join('\n  ')}`);
    expect(actual).toEqual(expected);
  });

  it('eslint --fix bounds the caches of server.js, which then lints clean', () => {
    const dir = workdir();
    const shop = path.join(dir, 'shop');
    eslintJson(dir, ['--fix', '.']);
    const fixed = readFileSync(path.join(shop, 'server.js'), 'utf8');
    console.log(`fixed server.js, changed lines:\n${fixed
      .split('\n')
      .filter((l) => /LruMap|memo-guard\/memoize|max:|memoize\(/.test(l))
      .map((l) => `  ${l}`)
      .join('\n')}`);

    expect(fixed).toMatch(/import\s*\{[^}]*\bLruMap\b[^}]*\}\s*from\s*['"]eslint-plugin-memo-guard\/memoize['"]/);
    expect(fixed).toMatch(/const productPages = new LruMap\(\d+\)/);
    // A counter is a store, not a cache: evicting would lose counts, so it only gets a suggestion.
    expect(fixed).toMatch(/const visitsByIp = new Map\(\)/);
    expect(fixed).toMatch(/max:\s*\d+, key: \(first\) => first/);
    // lodash's cache API is rewritten to the runtime's, and the lodash import, now unused, is gone.
    expect(fixed).toMatch(/searchSuggestions\.cacheInfo\(\)\.currsize/);
    expect(fixed).not.toMatch(/from 'lodash'/);

    // Re-lint: the server file is clean, every fixed file still parses, and the findings that
    // have no autofix (lib/catalog.js, the Next.js route) are still reported.
    const after = eslintJson(dir);
    const findings = actualFindings(dir, after);
    expect(findings.filter((f) => f.startsWith('shop/server.js:'))).toEqual([expect.stringMatching(/^shop\/server\.js:\d+ .*no-unbounded-cache-in-handler/)]);
    expect(findings.filter((f) => f.includes('parse-error'))).toEqual([]);
    // In lib/catalog.js only `unitPrice` (module-private, synchronous) is bounded automatically, with its
    // first-argument key kept; its fresh-object call is still reported, and everything else stays.
    const catalog = readFileSync(path.join(shop, 'lib/catalog.js'), 'utf8');
    expect(catalog).toMatch(/const unitPrice = memoize\(\(item\) => \{.*\n[\s\S]*?\}, \{ max: 500, key: \(first\) => first \}\);/);
    const unitPriceLine = catalog.split('\n').findIndex((l) => l.startsWith('const unitPrice = ')) + 1;
    expect(findings.filter((f) => f.startsWith('shop/lib/catalog.js:'))).toEqual(
      expectedFindings(dir, (rel) => rel === 'shop/lib/catalog.js').filter((f) => f !== `shop/lib/catalog.js:${String(unitPriceLine)} memo-guard/no-unbounded-cache-in-handler`),
    );
  });
});
