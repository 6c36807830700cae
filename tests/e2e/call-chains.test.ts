// A file whose helpers return each other's results through many branches: a recursive `run` that
// returns itself in eight ways before handing over to a 40-case `label` lookup, its result the key of
// a module-level Map written by a route. Reading where that key comes from follows every return of
// every helper; before the per-function memo in key-flow (returnsRequest) it followed each path
// separately, about 8^8 of them, and the lint did not end (a real Meteor application's user-action
// labels hung the whole run). The real `memo-guard` command must finish well inside runNode's 90 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoGuard, project, removeProjects } from '../cli/helpers.js';
import { assertCliBuilt } from './helpers.js';

const cases = Array.from({ length: 40 }, (_, i) => `    case ${String(i)}: return t('label ${String(i)}');`).join('\n');
const branches = Array.from({ length: 8 }, (_, i) => `  if (a > ${String(i + 1)}) return run(a - ${String(i + 1)}, t);`).join('\n');
const app = `import express from 'express';
const app = express();
const labels = new Map();
function label(a, t) {
  switch (a) {
${cases}
  }
  return t('none');
}
function run(a, t) {
${branches}
  return label(a, t);
}
app.get('/', async (req, res) => {
  const key = await run(3, (s) => s);
  labels.set(key, Date.now());
  res.send('ok');
});
app.listen(3000);
`;

describe('a key read through helpers that return each other in many ways', () => {
  beforeAll(() => {
    assertCliBuilt();
  });
  afterAll(removeProjects);

  it('is linted in bounded time, and the fixed key is not reported', () => {
    const dir = project({ 'package.json': '{ "name": "labels", "dependencies": { "express": "^4.0.0" } }\n', 'src/app.js': app });
    const run = memoGuard(dir);
    expect(run.stdout).toMatch(/^1 file scanned, no findings, /m);
    expect(run.status).toBe(0);
  }, 120_000);
});
