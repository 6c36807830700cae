/**
 * RuleTester tests of `no-side-effect-memoize`: memoized functions that write (a hit skips the write)
 * or read a non-deterministic source (a hit returns a frozen value), directly or through same-file
 * helpers. The contract is tests/corpus/SEMANTICS.md. The rule has no fix.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-side-effect-memoize.js';
import { describeTypesFindMore, lintWithRule, typedParserOptions } from './lint-helpers.js';

const ruleId = 'no-side-effect-memoize';
const ruleTester = new RuleTester();
const typedRuleTester = new RuleTester({ languageOptions: { parserOptions: typedParserOptions } });

ruleTester.run(ruleId, rule, {
  valid: [
    {
      // React's cache() lives for one server request: a clock read is frozen for the rest of that request only.
      name: "React's request-scoped cache() reading the clock",
      code: `import { cache } from 'react';\nexport const isInviteValid = cache(async (token: string) => {\n  const invite = await db.invite.findUnique({ where: { token } });\n  return !!invite && invite.expiresAt > new Date();\n});`,
    },
    { name: 'a pure function', code: `import memoize from 'lodash/memoize';\nexport const slug = memoize((s: string) => s.toLowerCase().replace(/\\s+/g, '-'));` },
    { name: 'logging alone', code: `import memoize from 'lodash/memoize';\nexport const f = memoize((x) => {\n  console.debug('computing', x);\n  logger.info({ x }, 'computing');\n  return x * 2;\n});` },
    { name: 'writes to its own locals', code: `import memoize from 'lodash/memoize';\nexport const f = memoize((ids) => {\n  let total = 0;\n  const out = [];\n  const byId = new Map();\n  for (const id of ids) {\n    total += id;\n    out.push(id);\n    byId.set(id, id);\n  }\n  return { total, out, byId };\n});` },
    { name: 'a nested callback writes a local of the memoized function', code: `import memoize from 'lodash/memoize';\nexport const f = memoize((items) => {\n  let sum = 0;\n  items.forEach((i) => { sum += i; });\n  return sum;\n});` },
    { name: 'writes to its parameter are not reported', code: `import memoize from 'lodash/memoize';\nexport const f = memoize((node) => {\n  node.visited = true;\n  return node.id;\n});` },
    { name: 'a lazy initialisation in a helper', code: `import memoizee from 'memoizee';\nlet client;\nfunction getClient() {\n  if (!client) client = createClient();\n  return client;\n}\nexport const find = memoizee((id) => getClient().users.findUnique({ where: { id } }), { promise: true });` },
    { name: 'an x = x || v initialisation', code: `import memoize from 'lodash/memoize';\nlet scratch;\nexport const f = memoize((prop) => {\n  scratch = scratch || document.createElement('div').style;\n  return prop in scratch;\n});` },
    {
      name: 'a nested callback writes a field of a local object in a && expression',
      code: `import memoize from 'lodash/memoize';\nexport const parseStyle = memoize(function (cssText) {\n  var res = {};\n  cssText.split(';').forEach(function (item) {\n    if (item) {\n      var tmp = item.split(':');\n      tmp.length > 1 && (res[tmp[0].trim()] = tmp[1].trim());\n    }\n  });\n  return res;\n});`,
    },
    { name: 'a ??= initialisation', code: `import memoize from 'lodash/memoize';\nlet table;\nexport const f = memoize((k) => {\n  table ??= buildTable();\n  return table[k];\n});` },
    { name: 'reads of a const and of process.env', code: `import memoize from 'lodash/memoize';\nconst RATES = { EUR: 1 };\nexport const f = memoize((c) => RATES[c] ?? Number(process.env.DEFAULT_RATE));` },
    { name: 'new Date with an argument', code: `import memoize from 'lodash/memoize';\nexport const day = memoize((ms: number) => new Date(ms).toISOString().slice(0, 10));` },
    { name: 'a database read', code: `import memoizee from 'memoizee';\nexport const find = memoizee((id) => prisma.user.findUnique({ where: { id } }), { promise: true });` },
    { name: 'SQL that reads', code: `import memoizee from 'memoizee';\nexport const count = memoizee((id) => pool.query('SELECT count(*) FROM orders WHERE user_id = $1', [id]));` },
    { name: 'fetch with GET', code: `import memoize from 'lodash/memoize';\nexport const load = memoize((id) => fetch('/items/' + id, { method: 'GET' }));` },
    { name: 'axios.get', code: `import moize from 'moize';\nimport axios from 'axios';\nexport const rates = moize.promise((base) => axios.get('/rates/' + base));` },
    { name: 'hashing with update()', code: `import memoize from 'lodash/memoize';\nimport { createHash } from 'node:crypto';\nexport const etag = memoize((body) => createHash('sha1').update(body).digest('hex'));` },
    { name: 'a local fetch response named res', code: `import memoize from 'lodash/memoize';\nexport const load = memoize(async (id) => {\n  const res = await fetch('/items/' + id);\n  return res.json();\n});` },
    { name: 'res in a nested then callback', code: `import memoize from 'lodash/memoize';\nexport const load = memoize((id) => fetch('/items/' + id).then((res) => res.json()));` },
    { name: 'a local that shadows Date', code: `import memoize from 'lodash/memoize';\nconst Date = { now: () => 0 };\nexport const f = memoize((x) => x + Date.now());` },
    { name: 'a module let that is never reassigned', code: `import memoize from 'lodash/memoize';\nlet prefix = 'v1';\nexport const f = memoize((x) => prefix + x);` },
    { name: 'a module let decorated in place', code: `import moize from 'moize';\nlet fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));\nfib = moize(fib, { maxSize: 100 });` },
    { name: 'an imported function is not judged', code: `import memoize from 'lodash/memoize';\nimport { save } from './db';\nexport const f = memoize(save);` },
    { name: 'a function that is not memoized', code: `let hits = 0;\nexport function f(x) {\n  hits++;\n  return x;\n}` },
    { name: 'recursion between helpers does not hang', code: `import memoize from 'lodash/memoize';\nfunction even(n) { return n === 0 ? true : odd(n - 1); }\nfunction odd(n) { return n === 0 ? false : even(n - 1); }\nexport const isEven = memoize((n) => even(n));` },
    { name: 'deleting its own cache entry on rejection', code: `import memoize from 'lodash/memoize';\nexport const load = memoize(async (id) => {\n  try { return await api.load(id); } catch (e) { load.cache.delete(id); throw e; }\n});` },
    { name: 'an effect inside a function the memoized function returns but does not run', code: `import memoizee from 'memoizee';\nconst bus = makeBus();\nexport const reporter = memoizee((namespace) => ({ write: (text) => { bus.emit('write', { namespace, text }); } }));` },
    { name: 'a memoized function of no argument runs once: its writes initialise', code: `import memoizee from 'memoizee';\nlet ready = false;\nexport const guest = memoizee(async () => {\n  const perms = await loadGuest();\n  ready = true;\n  return perms;\n}, { promise: true });\nexport const isReady = () => ready;` },
    { name: 'Object.create is not a database write', code: `import memoize from 'lodash/memoize';\nexport const f = memoize((proto) => Object.create(proto));` },
    { name: 'a module variable reassigned only while the module loads', code: `import memoize from 'lodash/memoize';\nlet schema = makeSchema();\nschema = schema.extend(dates);\nschema = schema.extend(money);\n(() => { schema = schema.strict(); })();\nexport const validator = memoize((name) => schema.get(name));` },
    { name: 'a module variable reassigned only in test hooks', code: `import memoize from 'lodash/memoize';\nlet clock = realClock;\nbeforeEach(() => { clock = fakeClock(); });\nafterEach(() => { clock = realClock; });\nexport const label = memoize((ms) => clock.format(ms));` },
    { name: 'a function that fills its own cache', code: `import memoize from 'lodash/memoize';\nconst seen = new Map();\nconst cache = {};\nexport const f = memoize((k) => {\n  if (seen.has(k)) return seen.get(k);\n  const v = compute(k);\n  seen.set(k, v);\n  cache[k] = v;\n  return v;\n});` },
    {
      // React's cache() is there to run a function once per request: a write it skips on a hit has run for that request.
      name: "React's request-scoped cache() that writes",
      code: `import { cache } from 'react';\nexport const touchKey = cache(async (id: string) => {\n  await db.apiKey.update({ where: { id }, data: { lastUsedAt: new Date() } });\n  return id;\n});`,
    },
    {
      // Entries expire after ten seconds: the clock is frozen no longer than everything else the cache keeps.
      name: 'the clock read under a memoizer whose entries expire',
      code: `import memoize from 'memoize';\nexport const eventData = memoize(async (testId: string) => {\n  const rows = await db.event.findMany({ where: { testId } });\n  return { rows, since: rows[0]?.createdAt ?? new Date() };\n}, { maxAge: 10_000 });`,
    },
    { name: 'Math.random for retry jitter and Date.now for timing, never in the result', code: `import memoize from 'lodash/memoize';\nexport const load = memoize(async (id) => {\n  const started = Date.now();\n  for (let attempt = 0; attempt < 3; attempt++) {\n    try {\n      const row = await db.find(id);\n      logger.info({ ms: Date.now() - started }, 'loaded');\n      return row;\n    } catch (e) {\n      await sleep(2 ** attempt * 100 + Math.random() * 50);\n    }\n  }\n  return withRetry(() => db.find(id), { delay: Math.random() * 100 });\n});` },
    // A suite named by its kind is a test file: its counter checks that the memoized call ran once (set 42, a Jest `*.unit.ts`).
    ...['src/services/with-deduplication.unit.ts', 'src/orders/orders.integration.ts', 'apps/api/orders.e2e-spec.ts'].map((filename) => ({
      name: `a test suite named by its kind: ${filename}`,
      filename,
      code: `import memoize from 'lodash/memoize';\nlet calls = 0;\nexport const load = memoize((id: string) => {\n  calls++;\n  return id.length + calls;\n});`,
    })),
    { name: 'a GraphQL query sent by POST', code: `import memoize from 'lodash/memoize';\nimport axios from 'axios';\nconst ORG = 'query Org($id: ID!) { org(id: $id) { name } }';\nexport const org = memoize((id) => axios.post(API + '/graphql', { query: ORG, variables: { id } }));\nexport const viewer = memoize((token) => fetch(endpoint, { method: 'POST', body: JSON.stringify({ query: '{ viewer { id } }' }), headers: { authorization: token } }));` },
  ],
  invalid: [
    {
      // A local named like a response that holds the context's response: a write there is sent, and a hit skips it.
      name: 'a write to a field of a local res that holds the response',
      code: `import memoize from 'lodash/memoize';\nexport const render = memoize((ctx, body) => {\n  const res = ctx.res;\n  res.headers['x-cache'] = 'miss';\n  return body.toUpperCase();\n});`,
      // Reported at the memoizer call (`memoize(` on line 2, column 23); the message names the write on line 4.
      errors: [{ messageId: 'sideEffect', line: 2, column: 23 }],
    },
  {
    // The twin of the test suites named by their kind: the same module in a file that serves.
    name: 'a module counter in a serving file whose name has a kind-like word',
    filename: 'src/services/unit-pricing.ts',
    code: `import memoize from 'lodash/memoize';\nlet calls = 0;\nexport const load = memoize((id: string) => {\n  calls++;\n  return id.length + calls;\n});`,
    errors: [{ messageId: 'sideEffect', line: 3, column: 21, data: { effect: 'increments outer `calls`', line: '4', via: '' } }],
  },
  {
    name: "increments a module counter",
    code: `import memoize from 'lodash/memoize';
let hits = 0;
export const f = memoize((x: string) => {
  hits++;
  return x;
});`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 18,
        data: {effect: "increments outer `hits`",line: "4",via: ""},
      },
    ],
  },
  {
    name: "assigns a module variable",
    code: `import memoize from 'lodash/memoize';
let last;
export const f = memoize((x) => {
  last = x;
  return x;
});`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 18,
        data: {effect: "assigns outer `last`",line: "4",via: ""},
      },
    ],
  },
  {
    name: "bumps a field of a module object",
    code: `import memoize from 'lodash/memoize';
const stats = { builds: 0 };
export const f = memoize((id) => {
  stats.builds += 1;
  return id;
});`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 18,
        data: {effect: "assigns outer `stats.builds`",line: "4",via: ""},
      },
    ],
  },
  {
    name: "writes instance state",
    code: `import moize from 'moize';
export class Svc {
  load = moize((id) => {
    this.lastId = id;
    return id;
  });
}`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 10,
        data: {effect: "assigns `this.lastId`",line: "4",via: ""},
      },
    ],
  },
  {
    name: "adds to a module-level set",
    code: `import memoize from 'memoize';
const seen = new Set();
export const f = memoize((id) => {
  seen.add(id);
  return id;
});`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 18,
        data: {effect: "mutates outer `seen` (`seen.add`)",line: "4",via: ""},
      },
    ],
  },
  {
    name: "clears another memoized function's cache",
    code: `import memoize from 'lodash/memoize';
export const other = memoize((id) => id);
export const load = memoize(async (id) => {
  try { return await api.load(id); } catch (e) { other.cache.clear(); throw e; }
});`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 21,
        data: {effect: "mutates outer `other.cache` (`other.cache.clear`)",line: "4",via: ""},
      },
    ],
  },
  {
    name: "writes a file through a named fs import",
    code: `import memoize from 'lodash/memoize';
import { appendFileSync } from 'node:fs';
export const audit = memoize((event) => {
  appendFileSync('/var/log/audit.log', event);
  return true;
});`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 22,
        data: {effect: "writes to the file system (`appendFileSync`)",line: "4",via: ""},
      },
    ],
  },
  {
    name: "writes a file through the fs namespace, in a helper",
    code: `import memoize from 'lodash/memoize';
import fs from 'fs';
function save(name, body) {
  fs.writeFileSync('/tmp/' + name, body);
}
export const exportReport = memoize((name) => save(name, 'x'));`,
    errors: [
      {
        messageId: 'sideEffect', line: 6, column: 29,
        data: {effect: "writes to the file system (`fs.writeFileSync`)",line: "4",via: " (in `save`)"},
      },
    ],
  },
  {
    name: "a database write through an ORM client",
    code: `import memoizee from 'memoizee';
export const ensureUser = memoizee(async (email) => prisma.user.upsert({ where: { email }, create: { email }, update: {} }), { promise: true });`,
    errors: [
      {
        messageId: 'sideEffect', line: 2, column: 27,
        data: {effect: "writes to the database (`prisma.user.upsert`)",line: "2",via: ""},
      },
    ],
  },
  {
    name: "a database write on a call-rooted chain",
    code: `import memoizee from 'memoizee';
import { getClient } from './db';
export const ensureUser = memoizee(async (email) => getClient().user.create({ data: { email } }), { promise: true });`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 27,
        data: {effect: "writes to the database (`getClient().user.create`)",line: "3",via: ""},
      },
    ],
  },
  {
    name: "a knex insert",
    code: `import memoize from 'lodash/memoize';
export const track = memoize((id) => knex('visits').insert({ id }));`,
    errors: [
      {
        messageId: 'sideEffect', line: 2, column: 22,
        data: {effect: "writes to the database (`knex('visits').insert`)",line: "2",via: ""},
      },
    ],
  },
  {
    name: "SQL text that writes",
    code: `import memoizee from 'memoizee';
export const recordVisit = memoizee((id) => pool.query('INSERT INTO visits (id) VALUES ($1)', [id]));`,
    errors: [
      {
        messageId: 'sideEffect', line: 2, column: 28,
        data: {effect: "runs a SQL write (`pool.query`)",line: "2",via: ""},
      },
    ],
  },
  {
    name: "a tagged SQL template that writes",
    code: `import memoizee from 'memoizee';
export const touch = memoizee((id) => sql\`UPDATE users SET seen = now() WHERE id = \${id}\`);`,
    errors: [
      {
        messageId: 'sideEffect', line: 2, column: 22,
        data: {effect: "runs a SQL write (`sql`)",line: "2",via: ""},
      },
    ],
  },
  {
    name: "fetch with POST",
    code: `import memoize from 'lodash/memoize';
export const notify = memoize((id) => fetch('/hooks', { method: 'POST', body: id }));`,
    errors: [
      {
        messageId: 'sideEffect', line: 2, column: 23,
        data: {effect: "sends an HTTP POST (`fetch`)",line: "2",via: ""},
      },
    ],
  },
  {
    name: "axios.post",
    code: `import moize from 'moize';
import axios from 'axios';
export const quote = moize.promise((sku) => axios.post('/quotes', { sku }));`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 22,
        data: {effect: "sends an HTTP POST (`axios.post`)",line: "3",via: ""},
      },
    ],
  },
  {
    name: "a response method on the handler's response",
    code: `import memoize from 'lodash/memoize';
export function handler(req, res) {
  const send = memoize((body) => res.json(body));
  send(req.body);
}`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 16,
        data: {effect: "sends a response (`res.json`)",line: "3",via: ""},
      },
    ],
  },
  {
    name: "emits an event",
    code: `import memoize from 'lodash/memoize';
import { bus } from './bus';
export const render = memoize((id) => {
  bus.emit('rendered', id);
  return id;
});`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 23,
        data: {effect: "emits an event or a metric (`bus.emit`)",line: "4",via: ""},
      },
    ],
  },
  {
    name: "increments a metric",
    code: `import memoize from 'memoize';
import { Counter } from 'prom-client';
const builds = new Counter({ name: 'builds', help: 'builds' });
export const build = memoize((id) => {
  builds.inc();
  return id;
});`,
    errors: [
      {
        messageId: 'sideEffect', line: 4, column: 22,
        data: {effect: "emits an event or a metric (`builds.inc`)",line: "5",via: ""},
      },
    ],
  },
  {
    name: "a GraphQL mutation sent by POST",
    code: `import memoize from 'lodash/memoize';
import axios from 'axios';
const FOLLOW = 'mutation Follow($id: ID!) { follow(id: $id) { ok } }';
export const follow = memoize((id) => axios.post('/graphql', { query: FOLLOW, variables: { id } }));`,
    errors: [
      {
        messageId: 'sideEffect', line: 4, column: 23,
        data: {effect: "sends an HTTP POST (`axios.post`)",line: "4",via: ""},
      },
    ],
  },
  {
    name: "the clock read reaches the result through a local",
    code: `import memoize from 'lodash/memoize';
export const stamp = memoize((id) => {
  const at = Date.now();
  const row = { id, at };
  return row;
});`,
    errors: [
      {
        messageId: 'nonDeterministic', line: 2, column: 22,
        data: {effect: "reads the clock (`Date.now`)",line: "3",via: ""},
      },
    ],
  },
  {
    name: "a module variable reassigned by a function after load",
    code: `import memoize from 'lodash/memoize';
let locale = 'en';
schemaLoaded();
export function setLocale(l) { locale = l; }
export const label = memoize((key) => translate(locale, key));`,
    errors: [
      {
        messageId: 'nonDeterministic', line: 5, column: 22,
        data: {effect: "reads module-level `locale` (reassigned at line 4)",line: "5",via: ""},
      },
    ],
  },
  {
    name: "filling another store it never reads",
    code: `import memoize from 'lodash/memoize';
const audit = new Map();
export const price = memoize((sku) => {
  audit.set(sku, true);
  return lookup(sku);
});`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 22,
        data: {effect: "mutates outer `audit` (`audit.set`)",line: "4",via: ""},
      },
    ],
  },
  {
    name: "a nest of memoizers with an effect is one report, at the outermost",
    code: `import memoize from 'lodash/memoize';
let calls = 0;
export const pair = memoize((a) => memoize((b) => { calls++; return a + b; }));`,
    errors: [
      {
        messageId: 'sideEffect', line: 3, column: 21,
        data: {effect: "increments outer `calls`",line: "3",via: ""},
      },
    ],
  },
  {
    // The twin of the expiring memoizer: without maxAge the first date is kept for the life of the process.
    name: 'the clock read under a memoizer whose entries never expire',
    code: `import memoize from 'memoize';\nexport const eventData = memoize(async (testId: string) => {\n  const rows = await db.event.findMany({ where: { testId } });\n  return { rows, since: rows[0]?.createdAt ?? new Date() };\n});`,
    errors: [{ messageId: 'nonDeterministic', line: 2, column: 26, data: { effect: 'reads the clock (`new Date()`)', line: '4', via: '' } }],
  },
  {
    // Expiry bounds how stale a value is, not how many writes a hit skips.
    name: 'a write under a memoizer whose entries expire',
    code: `import memoize from 'memoize';\nexport const touch = memoize(async (id: string) => {\n  await db.apiKey.update({ where: { id }, data: { seen: true } });\n  return id;\n}, { maxAge: 10_000 });`,
    errors: [{ messageId: 'sideEffect', line: 2, column: 22 }],
  },
  {
    name: "reads the clock",
    code: `import memoize from 'lodash/memoize';
export const isOpen = memoize((shop) => shop.closesAt > Date.now());`,
    errors: [
      {
        messageId: 'nonDeterministic', line: 2, column: 23,
        data: {effect: "reads the clock (`Date.now`)",line: "2",via: ""},
      },
    ],
  },
  {
    name: "new Date() without arguments",
    code: `import memoize from 'lodash/memoize';
export const stamp = memoize((id) => id + new Date().toISOString());`,
    errors: [
      {
        messageId: 'nonDeterministic', line: 2, column: 22,
        data: {effect: "reads the clock (`new Date()`)",line: "2",via: ""},
      },
    ],
  },
  {
    name: "Math.random",
    code: `import moize from 'moize';
export const bucket = moize((user) => (Math.random() < 0.5 ? 'A' : 'B'));`,
    errors: [
      {
        messageId: 'nonDeterministic', line: 2, column: 23,
        data: {effect: "reads a random number (`Math.random`)",line: "2",via: ""},
      },
    ],
  },
  {
    name: "crypto.randomUUID",
    code: `import memoize from 'lodash/memoize';
export const requestId = memoize((key) => key + crypto.randomUUID());`,
    errors: [
      {
        messageId: 'nonDeterministic', line: 2, column: 26,
        data: {effect: "makes a random id (`crypto.randomUUID`)",line: "2",via: ""},
      },
    ],
  },
  {
    name: "a named randomUUID import",
    code: `import memoize from 'lodash/memoize';
import { randomUUID } from 'node:crypto';
export const requestId = memoize((key) => key + randomUUID());`,
    errors: [
      {
        messageId: 'nonDeterministic', line: 3, column: 26,
        data: {effect: "makes a random id (`randomUUID`)",line: "3",via: ""},
      },
    ],
  },
  {
    name: "uuid v4",
    code: `import memoize from 'lodash/memoize';
import { v4 } from 'uuid';
export const requestId = memoize((key) => key + v4());`,
    errors: [
      {
        messageId: 'nonDeterministic', line: 3, column: 26,
        data: {effect: "makes a random id (`v4`)",line: "3",via: ""},
      },
    ],
  },
  {
    name: "performance.now",
    code: `import memoize from 'lodash/memoize';
export const timed = memoize((text) => ({ value: JSON.parse(text), at: performance.now() }));`,
    errors: [
      {
        messageId: 'nonDeterministic', line: 2, column: 22,
        data: {effect: "reads the clock (`performance.now`)",line: "2",via: ""},
      },
    ],
  },
  {
    name: "a module let reassigned elsewhere",
    code: `import moize from 'moize';
let currency = 'EUR';
export function setCurrency(next) {
  currency = next;
}
export const label = moize((cents) => cents / 100 + ' ' + currency);`,
    errors: [
      {
        messageId: 'nonDeterministic', line: 6, column: 22,
        data: {effect: "reads module-level `currency` (reassigned at line 4)",line: "6",via: ""},
      },
    ],
  },
  {
    name: "an effect two helpers deep",
    code: `import memoize from 'lodash/memoize';
let writes = 0;
function inner(x) {
  writes += 1;
  return x;
}
function outer(x) {
  return inner(x);
}
export const f = memoize((x) => outer(x));`,
    errors: [
      {
        messageId: 'sideEffect', line: 10, column: 18,
        data: {effect: "assigns outer `writes`",line: "4",via: " (in `inner`)"},
      },
    ],
  },
  {
    name: "a function declaration memoized by name",
    code: `import memoize from 'lodash/memoize';
function buildAndLog(id) {
  globalThis.lastBuilt = id;
  return id;
}
export const cached = memoize(buildAndLog);`,
    errors: [
      {
        messageId: 'sideEffect', line: 6, column: 23,
        data: {effect: "assigns global `globalThis.lastBuilt`",line: "3",via: ""},
      },
    ],
  },
  ],
});

const typedCases = {
  valid: [
    {
      name: 'typed: a memoized imported pure function',
      code: `import memoize from 'lodash/memoize';\nimport { formatUser } from './types';\nexport const format = memoize(formatUser);`,
    },
  ],
  invalid: [
    {
      name: 'typed: a typed function that reads the clock',
      code: `import memoize from 'lodash/memoize';\nimport type { User } from './types';\nexport const age = memoize((user: User): number => Date.now() - Number(user.id));`,
      errors: [{ messageId: 'nonDeterministic' as const, line: 3, column: 20, data: { effect: 'reads the clock (`Date.now`)', line: '3', via: '' } }],
    },
  ],
};

describe('with type information', () => {
  typedRuleTester.run(ruleId, rule, typedCases);
});

describeTypesFindMore(ruleId, rule, typedCases, 'same');

describe('helpers', () => {
  // Set 46's card renderer: a helper written inside the memoized function fills the array the call returns.
  const nested = (target: string): string =>
    `import memoize from 'lodash/memoize';\nconst seen = [];\nexport const decodeFonts = memoize(async (url) => {\n  const fonts = [];\n  const decode = (buffer) => {\n    ${target}.push({ name: url, data: buffer });\n  };\n  decode(await (await fetch(url)).arrayBuffer());\n  return fonts;\n});`;

  it('a helper written inside the memoized function works on that call\'s locals; an outer array it fills is still reported', () => {
    expect(lintWithRule(ruleId, rule, nested('fonts'))).toEqual([]);
    const outer = lintWithRule(ruleId, rule, nested('seen'));
    // The memoizer call on line 3; the write is the helper's, on line 6.
    expect(outer.map((m) => [m.line, m.column])).toEqual([[3, 28]]);
    expect(outer[0]?.message).toContain('`seen.push`');
    expect(outer[0]?.message).toContain('line 6');
  });

  it('follows helpers three calls deep and no further', () => {
    const chain = (depth: number): string => {
      const helpers = Array.from({ length: depth }, (_, i) => `function h${i}(x) { return ${i === depth - 1 ? 'Date.now() + x' : `h${i + 1}(x)`}; }`);
      return `import memoize from 'lodash/memoize';\n${helpers.join('\n')}\nexport const f = memoize((x) => h0(x));`;
    };
    expect(lintWithRule(ruleId, rule, chain(3))).toHaveLength(1);
    expect(lintWithRule(ruleId, rule, chain(4))).toHaveLength(0);
  });
});

/**
 * An in-house memoizer that only shares calls in flight (set 42: budget-tracker's withDeduplication,
 * whose helper starts a timer in `.finally` that deletes the entry): a later call runs the function
 * and its effects again. One that removes entries only on success keeps them, and is reported (the
 * memoizer call on line 13).
 */
describe('utility library helpers', () => {
  // \`_.set(model, path, v)\` changes \`model\`, not \`_\`: what counts is whose object it is.
  const code = (body: string, imported = "import _ from 'lodash';"): string => `${imported}
import memoize from 'lodash/memoize';
const BASE = { app: { title: 'Shop' } };
export const modelFor = memoize((deviceType: string) => {
  ${body}
});`;
  const lint = (body: string, imported?: string): [string | undefined, string | undefined][] =>
    lintWithRule('no-side-effect-memoize', rule, code(body, imported)).map((m) => [m.messageId, m.message.match(/mutates [^(]*/)?.[0]]);
  it('is quiet for a helper that changes a local copy, or one that changes nothing', () => {
    expect(lint("const model = _.cloneDeep(BASE);\n  _.set(model, 'app.deviceType', deviceType);\n  return model;")).toEqual([]);
    expect(lint("return _.get(BASE, 'app.title') + deviceType;")).toEqual([]);
    expect(lint("const model = R.clone(BASE);\n  return R.assoc('deviceType', deviceType, model);", "import * as R from 'ramda';")).toEqual([]);
  });
  it('reports a helper that changes an outer object, under the name of that object', () => {
    expect(lint("_.set(BASE, 'app.deviceType', deviceType);\n  return BASE;")).toEqual([['sideEffect', 'mutates outer `BASE` ']]);
  });
});

describe('a memoizer that shares only calls in flight', () => {
  const module = (cleanup: string): string => `const dedupe = (fn, { ttl = 1000 } = {}) => {
  const cache = new Map();
  const expire = (key) => { setTimeout(() => { cache.delete(key); }, ttl); };
  return async (...args) => {
    const key = JSON.stringify(args);
    if (cache.has(key)) return cache.get(key);
    const promise = fn(...args);
    cache.set(key, promise);
    return ${cleanup};
  };
};
let stored = 0;
export const store = dedupe(async (date) => { stored += 1; return db.rates.bulkCreate([{ date }]); });
`;
  it('is quiet when the entry is removed once the call settles, directly or by a helper\'s timer', () => {
    expect(lintWithRule(ruleId, rule, module('promise.finally(() => { expire(key); })'))).toEqual([]);
    expect(lintWithRule(ruleId, rule, module('promise.finally(() => cache.delete(key))'))).toEqual([]);
  });
  it('reports the memoizer call when the entry is removed only on success', () => {
    expect(lintWithRule(ruleId, rule, module('promise.then((v) => { expire(key); return v; })')).map((m) => [m.messageId, m.line])).toEqual([['sideEffect', 13]]);
  });
});

/**
 * A wrapper whose store keeps something other than what the function gave (set 49: a rate limiter
 * keeping each caller's request times, then calling the handler on every request) runs the function
 * every time: nothing it reads is frozen. The same wrapper keeping the handler's response is a
 * memoizer: both calls of it are reported, the clock read of `list` at line 16 and the random id at
 * line 17 (the kept lines add two).
 */
describe('a wrapper that keeps its own records', () => {
  const module = (kept: string): string => `export function withLimit(handler: any, max = 100) {
  const requests = new Map<string, any>();
  return async (req: Request) => {
    const ip = req.headers.get('x-forwarded-for') ?? 'anonymous';
    const seen = requests.get(ip);
    if (seen && seen.length >= max) return new Response('slow down', { status: 429 });
    const times = (seen ?? []).concat(Date.now());
    ${kept}
  };
}
async function list(req: Request) {
  return Response.json({ at: new Date().toISOString() });
}
export const GET = withLimit(list);
export const POST = withLimit(async (req: Request) => Response.json({ id: Math.random() }));
`;
  it('is quiet for request times kept while the handler runs on every call', () => {
    expect(lintWithRule(ruleId, rule, module('requests.set(ip, times);\n    return handler(req);'))).toEqual([]);
  });
  it('reports the wrapper that keeps the handler\'s response', () => {
    expect(lintWithRule(ruleId, rule, module('const response = await handler(req);\n    requests.set(ip, response);\n    return response;')).map((m) => [m.messageId, m.line])).toEqual([
      ['nonDeterministic', 16],
      ['nonDeterministic', 17],
    ]);
  });
});
