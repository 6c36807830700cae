/**
 * RuleTester tests of `no-unbounded-cache-in-handler`: unbounded memoizers and hand-rolled caches on request-handler
 * paths, across frameworks, and the autofix that bounds them (library option, LruMap or memoize).
 * The contract is tests/corpus/SEMANTICS.md ("no-unbounded-cache-in-handler").
 * Cases without types run from syntax alone; the typed cases at the end run with the
 * tests/fixtures/typed project and check that types find the same or more.
 */
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { InferMessageIdsTypeFromRule, InferOptionsTypeFromRule } from '@typescript-eslint/utils/eslint-utils';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter, type ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/no-unbounded-cache-in-handler.js';
import { describeTypesFindMore, expressProject, lintInDir, lintInPackage, projectOnDisk, lintWithRule, memoizePromiseHelper, reached, twinModules, typedParserOptions } from './lint-helpers.js';

type MessageIds = InferMessageIdsTypeFromRule<typeof rule>;
type Options = InferOptionsTypeFromRule<typeof rule>;

/** The runtime's import the fix adds after the file's imports, and the bound it gives a Map (a `const` or a class field, with its type arguments). */
const bounded = (code: string, name: string): string =>
  code
    .replace(/^((?:import [^\n]*\n)+)/, `$1import { LruMap } from 'eslint-plugin-memo-guard/memoize';\n`)
    .replace(new RegExp(`\\b${name} = new Map(<[^>]*>)?\\(\\);`), (_, types: string | undefined) => `${name} = new LruMap${types ?? ''}(500);`);

/** A route caching per satellite group behind `guard` (the write in the guarded handler, or in an in-flight job it starts in place). */
const groupRoute = (guard: string, inJob = false): string => `import express from 'express';
const app = express();
const GROUPS = new Set(['starlink', 'weather', 'stations']);
const tles = new Map();
${inJob ? 'const inflight = new Map();\n' : ''}app.get('/tle', async (req, res) => {
  const group = String(req.query.group || '').toLowerCase();
${guard}
${
  inJob
    ? `  const job = (async () => {
    try {
      const data = await loadTle(group);
      tles.set(group, data);
      return data;
    } finally {
      inflight.delete(group);
    }
  })();
  inflight.set(group, job);
  res.json(await job);`
    : `  if (!tles.has(group)) tles.set(group, await loadTle(group));
  res.json(tles.get(group));`
}
});`;

/** A detail route that caches what `lookup` found, when it found something. */
const foundRoute = (lookup: string, key = 'id', route = "'/missions/:id'", keyFrom = 'const { id } = req.params;'): string => `import express from 'express';
const app = express();
const listing = { missions: [] };
const details = new Map();
app.get(${route}, async (req, res) => {
  ${keyFrom}
  const found = ${lookup};
  if (found) {
    details.set(${key}, { data: found, at: Date.now() });
    return res.json(found);
  }
  res.status(404).end();
});`;

/** A route caching grids per resolution, a field a zod refinement limits to a list, and per a field it lets be any positive number. */
const gridRoute = `import { Hono } from 'hono';
import { z } from 'zod';
const app = new Hono();
const RESOLUTIONS = [0.01, 0.02, 0.05];
const gridSchema = z.object({ res: z.coerce.number().refine((v) => RESOLUTIONS.includes(v)).default(0.02), q: z.coerce.number().refine((v) => v > 0) });
const grids = new Map();
const scaled = new Map();
app.get('/grid', async (c) => {
  const parsed = gridSchema.safeParse(c.req.query());
  if (!parsed.success) return c.json({ error: 'bad' }, 400);
  const { res, q } = parsed.data;
  if (!grids.has(res)) grids.set(res, await buildGrid(res));
  scaled.set(q, await buildGrid(q));
  return c.json(grids.get(res));
});`;

/** A storage service whose drivers are made by a switch over the disk name (`otherwise` is its default branch), stored through a local or directly. */
const diskRoute = (otherwise: string, direct = false): string => `import express from 'express';
class Storage {
  drivers = new Map();
  disk(name) {
    if (this.drivers.has(name)) return this.drivers.get(name);
${direct ? '    this.drivers.set(name, this.createDriver(name));\n    return this.drivers.get(name);' : '    const driver = this.createDriver(name);\n    this.drivers.set(name, driver);\n    return driver;'}
  }
  createDriver(name) {
    switch (name) {
      case 'local':
        return new LocalDriver('/var/files');
      case 's3':
      case 'r2':
        return new S3Driver(name);
      default:
        ${otherwise};
    }
  }
}
const storage = new Storage();
const app = express();
app.get('/files/:disk/:path', (req, res) => res.send(storage.disk(req.params.disk).read(req.params.path)));
app.listen(3000);`;

/** A lock table keyed by a pull-request number from the path, behind `guard`. */
const prLocks = (guard: string): string => `import express from 'express';
const app = express();
const locks = new Map();
app.put('/envs/:pr', async (req, res) => {
  const pr = Number(req.params.pr);
${guard}
  const next = (locks.get(pr) ?? Promise.resolve()).then(() => deploy(pr));
  locks.set(pr, next.catch(() => {}));
  res.json(await next);
});`;

/** Histograms kept in a plain object per name a request sends, behind a count of its keys that `onFull` acts on. */
const histogramRoute = (onFull: string): string => `import express from 'express';
const app = express();
const histograms = {};
app.post('/monitor/:name', (req, res) => {
  const { name } = req.params;
  if (!histograms[name]) {
    if (Object.keys(histograms).length > 99) ${onFull};
    histograms[name] = { name, buckets: [] };
  }
  res.json(histograms[name]);
});`;

/** A NestJS interceptor that hands the request URL to a private method keying a Map on it. */
const urlInterceptor = `import { Injectable, NestInterceptor, ExecutionContext, CallHandler } from '@nestjs/common';
@Injectable()
export class TimingInterceptor implements NestInterceptor {
  private readonly slow = new Map<string, number>();
  intercept(context: ExecutionContext, next: CallHandler) {
    const request = context.switchToHttp().getRequest();
    this.record(context.getClass().name, request.url);
    return next.handle();
  }
  private record(className: string, url: string) {
    this.slow.set(className + ' ' + url, Date.now());
  }
}`;

const ruleId = 'no-unbounded-cache-in-handler';
const ruleTester = new RuleTester();
/** The lines this rule reports in `text`, linted alone. */
const lines = (text: string): number[] => lintWithRule(ruleId, rule, text).map((m) => m.line);
const typedRuleTester = new RuleTester({ languageOptions: { parserOptions: typedParserOptions } });

// RuleTester sets `parserOptions.sourceType: 'module'` unless a case sets it, which would hide
// `languageOptions.sourceType` from the parser: CommonJS cases set both, as ESLint itself passes it.
const commonjs = { sourceType: 'commonjs', parserOptions: { sourceType: 'commonjs' } } as const;

/** Express middleware that keeps each client a lookup found under the id the request names; `guard` runs first in the lookup's `.then`. */
const clientCache = (guard: string): string => `import express from 'express';
${guard ? "import { isNil } from 'lodash';\n" : ''}import { Client } from './models';
const app = express();
const known = {};
app.use((req, res, next) => {
  const clientId = req.headers['x-client-key'];
  if (known[clientId]) return next();
  Client.findOne({ key: clientId }).then((client) => {
${guard}    known[clientId] = client;
    next();
  });
});`;

/**
 * An Express app with a module-private class whose static `forKey` keeps one instance per key in
 * `store`, called from a route with `arg`; `handedOn` also passes the class to another module, and
 * `lruImport` adds the import the LruMap fix writes.
 */
const dispatcher = ({ store, arg, handedOn = false, lruImport = false }: { store: string; arg: string; handedOn?: boolean; lruImport?: boolean }): string => `import express from 'express';
${handedOn ? "import { register } from './registry';\n" : ''}${lruImport ? "import { LruMap } from 'eslint-plugin-memo-guard/memoize';\n" : ''}const app = express();
class Dispatcher {
  static instances = ${store};
  static forKey(key) {
    if (!Dispatcher.instances.has(key)) Dispatcher.instances.set(key, new Dispatcher(key));
    return Dispatcher.instances.get(key);
  }
  constructor(key) { this.key = key; }
}
${handedOn ? 'register(Dispatcher);\n' : ''}app.all('/api/:kind', (req, res) => {
  res.json(Dispatcher.forKey(${arg}).key);
});`;

// Next.js, Lambda and other file-based handlers are told apart by the case's `filename`
// (`app/api/users/route.ts`, `pages/api/…`, `middleware.ts`); untyped cases need no file on disk.

ruleTester.run(ruleId, rule, {
  valid: [
    {
      // The same lookup as `hub.printerStates[printerId]`, read optionally: a printer the server does not hold stops it.
      name: 'a write after an optional table lookup that must find the key',
      code: `import express from 'express';
const app = express();
const hub = { printerStates: {} };
const modelCache = new Map();
async function getModel(printerId) {
  const state = hub?.printerStates?.[printerId];
  if (!state) return null;
  const model = await fetch(\`http://\${state.ip}/model\`).then((r) => r.json());
  modelCache.set(printerId, { job: state.job, model });
  return model;
}
app.get('/printers/:id/model', async (req, res) => res.json(await getModel(req.params.id)));`,
    },
    {
      // Playwright's and Puppeteer's pages emit `request` for each request the page makes, with one
      // argument; node's server hands its `request` listener the response as well.
      name: "a browser-automation page's request event, in a script",
      filename: 'scripts/check-checkout.mjs',
      code: `import { chromium } from 'playwright';
const browser = await chromium.launch();
const page = await browser.newPage();
const posts = [];
const seen = new Map();
page.on('request', (req) => {
  if (req.method() === 'POST') posts.push({ url: req.url(), body: req.postData() });
});
function track(request) {
  seen.set(request.url(), request.method());
}
page.on('request', track);
await page.goto(process.argv[2]);
console.log(posts, seen);`,
    },
    {
      // The status code the server answered with is one of a few hundred numbers, whatever the client asks.
      name: 'request counters keyed by the response status code',
      code: `import express from 'express';
const app = express();
const counters = new Map();
function count(key) {
  counters.set(key, (counters.get(key) || 0) + 1);
}
app.use((req, res, next) => {
  res.on('finish', () => {
    count('http.requests.total');
    count(\`http.requests.\${res.statusCode}\`);
  });
  next();
});`,
    },
    {
      // The static method's only callers pass the HTTP method: one entry per verb.
      name: 'a static method of a module-private class keyed by the HTTP method its only caller passes',
      code: `import express from 'express';
const app = express();
class Dispatcher {
  static instances = new Map<string, Dispatcher>();
  static forVerb(verb: string): Dispatcher {
    if (!Dispatcher.instances.has(verb)) Dispatcher.instances.set(verb, new Dispatcher(verb));
    return Dispatcher.instances.get(verb) as Dispatcher;
  }
  constructor(public verb: string) {}
}
app.all('/api/:action', (req, res) => {
  res.json(Dispatcher.forVerb(req.method).verb);
});`,
    },
    {
      // The write runs only in the lookup's fulfilment handler, past the stop for "no such client": one entry per stored client.
      name: 'a cache written in the then-handler of a lookup after a nil check',
      code: clientCache(`    if (isNil(client) === true) {
      res.status(401).end();
      return;
    }
`),
    },
    {
      // Each key is a field the schema limits to a listed set: a value outside it fails the parse first.
      name: 'caches keyed by request fields a zod schema limits to an enum',
      code: `import express from 'express';
import { z } from 'zod';
const app = express();
const PROVIDERS = ['openai', 'anthropic', 'mistral'];
const querySchema = z.object({ provider: z.enum(PROVIDERS).default('openai'), page: z.coerce.number() }).strict();
const catalogs = new Map();
const pages = new Map();
const locales = new Map();
app.get('/models', async (req, res) => {
  const parsed = querySchema.safeParse(req.query);
  if (!parsed.success) return res.status(400).end();
  if (!catalogs.has(parsed.data.provider)) catalogs.set(parsed.data.provider, await listModels(parsed.data.provider));
  res.json(catalogs.get(parsed.data.provider));
});
app.get('/pages', async (req, res) => {
  const { provider } = await querySchema.parseAsync(req.query);
  pages.set(provider, Date.now());
  const locale = z.enum(['en', 'fr']).parse(req.headers['accept-language']);
  locales.set(locale, Date.now());
  res.end();
});`,
    },
    {
      // valibot takes the schema first; Joi's validate returns { value, error }.
      name: 'caches keyed by request fields a valibot picklist or a Joi valid() limits',
      code: `import express from 'express';
import * as v from 'valibot';
import Joi from 'joi';
const app = express();
const Query = v.object({ locale: v.optional(v.picklist(['en', 'fr']), 'en') });
const Body = Joi.object({ network: Joi.string().valid('mainnet', 'testnet').required() });
const docs = new Map();
const fees = new Map();
app.get('/docs', async (req, res) => {
  const { locale } = v.parse(Query, req.query);
  if (!docs.has(locale)) docs.set(locale, await loadDocs(locale));
  res.json(docs.get(locale));
});
app.post('/fees', async (req, res) => {
  const { value, error } = Body.validate(req.body);
  if (error) return res.status(400).end();
  fees.set(value.network, await fetchFees(value.network));
  res.json(fees.get(value.network));
});`,
    },
    {
      // The key is looked up synchronously and the code throws when nothing is found: an existing user's id.
      name: 'a cache written after a synchronous lookup that throws on a miss',
      code: `import express from 'express';
const app = express();
const scores = new Map();
const users = loadUsers();
function findUser(id) {
  return users.find((u) => u.id === id);
}
app.get('/users/:id/score', (req, res) => {
  const id = req.params.id;
  const scoreKey = \`score-\${id}\`;
  const user = findUser(id);
  if (!user) throw new Error('no such user');
  if (!scores.has(scoreKey)) scores.set(scoreKey, user.points * 2);
  res.json({ score: scores.get(scoreKey) });
});`,
    },
    {
      // The project's own createServer, and a Node-style completion callback: start-up code, not a handler.
      name: "a start-up callback given to the project's own createServer",
      code: `import http from 'node:http';
const servers = new Map();
function createServer(app, done) {
  done(null, http.createServer(app));
}
export function start(app, name) {
  createServer(app, (err, server) => {
    if (!err) servers.set(name, server);
  });
  http.createServer(app).listen(0, (error) => servers.set(name + ':ready', !error));
}`,
    },
    {
      // A key that must be found in a fixed table first: `if (!table[k]) return`, or a lookup kept in a
      // local and checked (`const cfg = TABLE[k]; if (!cfg) throw …`), also when the key is built from it.
      name: 'caches keyed by a value looked up in a fixed table before the write',
      code: `import express from 'express';
const app = express();
const COOLDOWN_SECONDS = { upload: 30, chat: 1800 };
const OCR_MODELS = { latin: 'latin.onnx', greek: 'greek.onnx' };
const lastSent = new Map();
const engines = new Map();
app.post('/events/:kind', (req, res) => {
  const kind = req.params.kind;
  if (!COOLDOWN_SECONDS[kind]) return res.status(404).end();
  lastSent.set(kind, Date.now());
  res.end();
});
app.post('/ocr/:script', async (req, res) => {
  const script = req.params.script;
  const engineKey = \`\${script}:1280\`;
  const model = OCR_MODELS[script];
  if (!model) throw new Error('unknown script');
  if (!engines.has(engineKey)) engines.set(engineKey, await loadEngine(model));
  res.json(await engines.get(engineKey).read(req.body));
});`,
    },
    {
      // Keyed by the account the auth middleware verified (Passport's req.user, express-jwt's req.auth,
      // Koa's ctx.state.user): bounded by the accounts that exist, like a row just loaded.
      name: 'caches keyed by the authenticated user',
      code: `import express from 'express';
import Router from '@koa/router';
const app = express();
const router = new Router();
const profiles = new Map();
const scopes = new Map();
const carts = {};
app.get('/me', async (req, res) => {
  if (!profiles.has(req.user.id)) profiles.set(req.user.id, await loadProfile(req.user.id));
  res.json(profiles.get(req.user.id));
});
app.get('/scopes', (req, res) => {
  scopes.set(req.auth.sub, req.auth.scope);
  res.end();
});
router.get('/cart', (ctx) => {
  carts[ctx.state.user.id] ??= [];
  ctx.body = carts[ctx.state.user.id];
});
app.get('/org', (req, res) => {
  const { orgId } = req.user;
  scopes.set(orgId, 1);
  res.end();
});
app.post('/avatar', (req, res) => {
  if (!req.owner) return res.status(401).end();
  scopes.set(\`\${req.owner.publicKey}.media\`, Date.now());
  res.end();
});`,
    },
    {
      // The key record an API-key middleware found: one bucket per issued key, not per request.
      name: 'a per-key rate limit keyed by the id of the API key record the middleware put on the request',
      code: `import express from 'express';
const app = express();
const buckets = new Map();
function perKeyLimiter(req, res, next) {
  const keyId = req.apiKey?.id;
  if (!keyId) return next();
  const bucket = buckets.get(keyId) ?? { count: 0 };
  bucket.count += 1;
  buckets.set(keyId, bucket);
  next();
}
app.get('/v1/trips', apiKeyAuth, perKeyLimiter, (req, res) => res.json([]));`,
    },
    {
      // Past `if (!LOCALES.includes(lang)) return …` the key is one of three: an object or a Map keyed by it stays small.
      name: 'caches keyed by a route parameter checked against a fixed list first',
      code: `import express from 'express';
const app = express();
const LOCALES = ['en', 'de', 'fr'];
const messages = {};
const bundles = new Map();
app.get('/i18n/:lang', async (req, res) => {
  const { lang } = req.params;
  if (!LOCALES.includes(lang)) return res.status(404).end();
  messages[lang] ??= await loadMessages(lang);
  if (!bundles.has(lang)) bundles.set(lang, await loadBundle(lang));
  res.json({ messages: messages[lang], bundle: bundles.get(lang) });
});`,
    },
    {
      // The object refuses a new name past 100 keys: a size check, as \`cache.size\` is for a Map.
      name: 'an object whose key count caps new entries',
      code: histogramRoute("throw new Error('too many histograms')"),
    },
    {
      // The drivers are made by a switch that throws for any other name: at most three entries, whatever the route passes.
      name: 'drivers stored after a factory that throws for names it does not list',
      code: diskRoute('throw new Error(`unknown disk ${name}`)'),
    },
    {
      name: 'drivers stored directly from a factory that throws for names it does not list',
      code: diskRoute('throw new Error(`unknown disk ${name}`)', true),
    },
    {
      // The write runs only when the id matched an element of a list the server holds: the keys are bounded by the list.
      name: 'a cache written only when a find over a list held by the server matched the key',
      code: foundRoute('listing.missions.find((m) => m.id === id)'),
    },
    {
      // The write is in an async function called in place after the guard: it runs past the guard too.
      name: 'a cache written in an async IIFE after a guard against a set',
      code: groupRoute('  if (!GROUPS.has(group)) return res.status(400).end();', true),
    },
    {
      // Past \`if (!group || !GROUPS.has(group)) return …\` neither disjunct holds: the group is one of three.
      name: 'a cache keyed by a query value checked with a guard that joins an emptiness test and a set with ||',
      code: groupRoute("  if (!group || !GROUPS.has(group)) {\n    res.status(400).json({ error: 'unknown group' });\n    return;\n  }"),
    },
    {
      // Past \`if (ns !== ROOT_NAMESPACE) throw …\` the key can only be that one value.
      name: 'a cache keyed by a header that must equal a constant first',
      code: `import express from 'express';
const app = express();
const ROOT_NAMESPACE = 'captain';
const stores = {};
function storeFor(namespace) {
  if (!namespace) throw new Error('empty namespace');
  if (namespace !== ROOT_NAMESPACE) throw new Error('unknown namespace');
  if (!stores[namespace]) stores[namespace] = { namespace, items: [] };
  return stores[namespace];
}
app.get('/items', (req, res) => {
  res.json(storeFor(req.header('x-namespace')).items);
});`,
    },
    {
      // A constant key, a request-scoped controller (its cache dies with the request) and a method of no arguments.
      name: 'memoizing decorators that stay small on a request path',
      code: `import { Controller, Get, Param, Scope } from '@nestjs/common';
import { Memoize } from 'typescript-memoize';
@Controller('users')
export class UsersController {
  @Get(':id')
  show(@Param('id') id: string) { return [this.profile('me'), this.settings()]; }
  @Memoize()
  profile(id: string) { return { id }; }
  @Memoize()
  settings() { return {}; }
}
@Controller({ path: 'teams', scope: Scope.REQUEST })
export class TeamsController {
  @Get(':id')
  show(@Param('id') id: string) { return this.team(id); }
  @Memoize()
  team(id: string) { return { id }; }
}`,
    },
    {
      // The key is a parameter of a module-private helper that every call site passes a literal:
      // the cache holds at most one entry per literal, however many requests come.
      name: 'a helper keyed by its parameter, called only with literals',
      code: `import express from 'express';
const app = express();
const resolved = {};
function loadPlugin(name) {
  if (resolved[name]) return resolved[name];
  return (resolved[name] = require.resolve(name));
}
app.get('/css', (req, res) => res.json({ sass: loadPlugin('sass'), less: loadPlugin('less') }));`,
    },
    {
      // micro-memoize 5 takes a non-finite maxSize as invalid and keeps one entry: bounded, nothing to fix.
      name: 'micro-memoize with maxSize: Number.POSITIVE_INFINITY',
      code: `import memoize from 'micro-memoize';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { maxSize: Number.POSITIVE_INFINITY });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
    },
    // \`db.query(sql, cb)\` is not a tRPC procedure; a (req, res) pair is needed for the signature rule.
    `const seen = new Map();
export function run(db, sql) {
  db.query(sql, (rows) => rows.forEach((r) => seen.set(r.id, r)));
}`,
    `const seen = new Map();
export const parse = (request) => { seen.set(request.id, request); };`,
    // Keyv with a bounded store, a Redis URI or a store adapter keeps no unbounded Map in the process.
    `import express from 'express';
import Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';
import QuickLRU from 'quick-lru';
const app = express();
const lru = new Keyv({ store: new QuickLRU({ maxSize: 1000 }) });
const viaUri = new Keyv('redis://localhost:6379');
const viaAdapter = new Keyv(new KeyvRedis('redis://localhost:6379'));
app.get('/p/*', async (req, res) => {
  await lru.set(req.originalUrl, 1);
  await viaUri.set(req.originalUrl, 1);
  await viaAdapter.set(req.originalUrl, 1);
  res.end();
});`,
    // A DataLoader without its cache, or one made per request, is not a long-lived cache.
    `import express from 'express';
import DataLoader from 'dataloader';
const app = express();
const users = new DataLoader(async (ids) => ids, { cache: false });
app.get('/u/:id', async (req, res) => res.json(await users.load(req.params.id)));`,
    `import express from 'express';
import DataLoader from 'dataloader';
const app = express();
app.get('/u/:id', async (req, res) => {
  const users = new DataLoader(async (ids) => ids);
  res.json(await users.load(req.params.id));
});`,
    // A factory's Map that is trimmed, or a factory called per request.
    `import express from 'express';
const app = express();
function createLimiter() {
  const hits = new Map();
  setInterval(() => hits.clear(), 60_000);
  return (ip) => hits.set(ip, (hits.get(ip) ?? 0) + 1);
}
const limiter = createLimiter();
app.use((req, res, next) => { limiter(req.ip); next(); });`,
    {
      name: 'a cache no handler reaches (a CLI)',
      code: `import _ from 'lodash';
const cache = new Map<string, string>();
const slug = _.memoize((title: string) => title.toLowerCase());
for (const title of process.argv.slice(2)) {
  cache.set(title, slug(title));
}`,
    },
    {
      name: 'a build script without handlers (CommonJS)',
      filename: 'scripts/build.js',
      languageOptions: commonjs,
      code: `const memoize = require('fast-memoize');
const seen = {};
const parse = memoize((file) => require('fs').readFileSync(file, 'utf8'));
for (const file of process.argv.slice(2)) seen[file] = parse(file);`,
    },
    {
      name: 'a Map with delete',
      code: `import express from 'express';
const app = express();
const sessions = new Map();
app.post('/login', (req, res) => { sessions.set(req.body.user, Date.now()); res.end(); });
app.post('/logout', (req, res) => { sessions.delete(req.body.user); res.end(); });`,
    },
    {
      name: 'a Map cleared by a timer',
      code: `import express from 'express';
const app = express();
const hits = new Map();
setInterval(() => hits.clear(), 60_000);
app.use((req, res, next) => { hits.set(req.ip, (hits.get(req.ip) ?? 0) + 1); next(); });`,
    },
    {
      name: 'a Map trimmed under a size check',
      code: `import express from 'express';
const app = express();
const MAX = 1000;
const cache = new Map();
app.get('/p/:id', (req, res) => {
  if (cache.size > MAX) cache.delete(cache.keys().next().value);
  cache.set(req.params.id, req.query);
  res.end();
});`,
    },
    {
      name: 'a WeakMap',
      code: `import express from 'express';
const app = express();
const perRequest = new WeakMap();
app.use((req, res, next) => { perRequest.set(req, Date.now()); next(); });`,
    },
    {
      name: 'lru-cache',
      code: `import { LRUCache } from 'lru-cache';
import express from 'express';
const app = express();
const cache = new LRUCache({ max: 500 });
app.get('/u/:id', (req, res) => { cache.set(req.params.id, 1); res.end(); });`,
    },
    {
      name: 'quick-lru',
      code: `import QuickLRU from 'quick-lru';
import express from 'express';
const app = express();
const cache = new QuickLRU({ maxSize: 500 });
app.get('/u/:id', (req, res) => { cache.set(req.params.id, 1); res.end(); });`,
    },
    {
      name: 'this package\'s LruMap',
      code: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const cache = new LruMap(500);
app.get('/u/:id', (req, res) => { cache.set(req.params.id, 1); res.end(); });`,
    },
    {
      name: 'memoizee with max',
      code: `import memoize from 'memoizee';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { max: 100 });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
    },
    {
      name: 'memoizee with maxAge',
      code: `import memoize from 'memoizee';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { maxAge: 60_000 });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
    },
    {
      name: 'moize is bounded by default',
      code: `import moize from 'moize';
import express from 'express';
const app = express();
const cachedUser = moize((id) => db.find(id), { maxSize: 100 });
const cachedTeam = moize((id) => db.teams.find(id));
app.get('/u/:id', (req, res) => res.json([cachedUser(req.params.id), cachedTeam(req.params.id)]));`,
    },
    {
      name: 'micro-memoize is bounded by default',
      code: `import memoize from 'micro-memoize';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
    },
    {
      name: 'memoize-one and reselect',
      code: `import memoizeOne from 'memoize-one';
import { createSelector } from 'reselect';
import express from 'express';
const app = express();
const getUser = memoizeOne((id) => db.find(id));
const selectUser = createSelector([(s) => s.user], (user) => user);
app.get('/u/:id', (req, res) => res.json([getUser(req.params.id), selectUser(req.body)]));`,
    },
    {
      name: 'memoize with a bounded cache',
      code: `import memoize from 'memoize';
import QuickLRU from 'quick-lru';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { cache: new QuickLRU({ maxSize: 1000 }) });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
    },
    {
      name: 'mem with an LRUCache as cache',
      code: `import mem from 'mem';
import { LRUCache } from 'lru-cache';
import express from 'express';
const app = express();
const cachedUser = mem((id) => db.find(id), { cache: new LRUCache({ max: 1000 }) });
app.get('/u/:id', (req, res) => res.json(cachedUser(req.params.id)));`,
    },
    {
      name: 'this package\'s memoize is bounded by default',
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const getUser = memoize((id: string) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
    },
    {
      name: 'nano-memoize with maxAge',
      code: `import nanomemoize from 'nano-memoize';
import express from 'express';
const app = express();
const getUser = nanomemoize((id) => db.find(id), { maxAge: 1000 });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
    },
    {
      name: 'a memoizer created inside the handler dies with the request',
      code: `import _ from 'lodash';
import express from 'express';
const app = express();
app.get('/u/:id', (req, res) => {
  const getUser = _.memoize((id) => db.find(id));
  res.json([getUser(req.params.id), getUser(req.params.id)]);
});`,
    },
    {
      name: 'a Map created inside the handler',
      code: `import express from 'express';
const app = express();
app.get('/report', (req, res) => {
  const seen = new Map();
  for (const row of req.body.rows) seen.set(row.id, row);
  res.json([...seen.values()]);
});`,
    },
    {
      name: 'a Map written with literal keys only',
      code: `import express from 'express';
const app = express();
const cache = new Map();
app.get('/config', (req, res) => {
  cache.set('config', req.query);
  res.json(cache.get('config'));
});`,
    },
    {
      name: 'a Map handed to code the file cannot see',
      code: `import express from 'express';
import { register } from './registry';
const app = express();
const cache = new Map();
register(cache);
app.get('/u/:id', (req, res) => { cache.set(req.params.id, 1); res.end(); });`,
    },
    {
      name: 'an unbounded memoizer that the handler never calls',
      code: `import _ from 'lodash';
import express from 'express';
const app = express();
const slug = _.memoize((title: string) => title.toLowerCase());
export const titles = ['A', 'B'].map(slug);
app.get('/health', (req, res) => res.send('ok'));`,
    },
    {
      name: 'GET exported from a file that is not a Next.js route',
      filename: 'lib/users.ts',
      code: `const cache = new Map<string, string>();
export async function GET(req: Request) {
  cache.set(req.url, 'x');
  return new Response('ok');
}`,
    },
    {
      name: 'a default export outside pages/api',
      filename: 'pages/users.tsx',
      code: `const cache = {};
export default function Page({ id }) {
  cache[id] = true;
  return null;
}`,
    },
    {
      name: 'fields of a class that is not a singleton',
      code: `import express from 'express';
class Session {
  values = new Map();
  set(k, v) { this.values.set(k, v); }
}
const app = express();
app.get('/s/:id', (req, res) => { new Session().set(req.params.id, 1); res.end(); });`,
    },
    {
      name: 'a size check that evicts in a loop',
      code: `import Koa from 'koa';
const app = new Koa();
const recent = [];
app.use(async (ctx) => {
  recent.push(ctx.path);
  while (recent.length > 100) recent.shift();
});`,
    },
    {
      // A scheduled job: the platform passes an event it never reads; the keys come from its own data.
      name: 'a Lambda handler that declares no parameter, inside its wrapper',
      filename: 'functions/refresh-loop.js',
      code: `import { wrapLambdaHandler } from './sentry.js';
const decimals = new Map();
export async function decimalsOf(token) {
  if (!decimals.has(token)) decimals.set(token, await readDecimals(token));
  return decimals.get(token);
}
export const handler = wrapLambdaHandler(async () => {
  for (const sale of await loadSales()) await decimalsOf(sale.token);
});`,
    },
    {
      name: 'a Lambda handler with a bounded cache',
      filename: 'functions/config.js',
      code: `import memoize from 'memoizee';
const getConfig = memoize((name) => ssm.get(name), { max: 10 });
export const handler = async (event) => getConfig(event.name);`,
    },
    {
      name: 'a GraphQL resolver with an evicting cache',
      code: `const users = new Map();
export const resolvers = {
  Query: { user: (_, { id }) => { users.set(id, load(id)); return users.get(id); } },
  Mutation: { logout: (_, { id }) => users.delete(id) },
};`,
    },
    {
      name: 'memoize with opaque options is trusted',
      code: `import memoize from 'memoize';
import express from 'express';
import { cacheOptions } from './cache';
const app = express();
const getUser = memoize((id) => db.find(id), cacheOptions);
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
    },
    {
      name: 'a lookup table filled at startup and only read per request',
      code: `import express from 'express';
const app = express();
const countries = new Map();
for (const c of loadCountries()) countries.set(c.code, c);
app.get('/c/:code', (req, res) => res.json(countries.get(req.params.code)));`,
    },
    {
      name: 'a cache reassigned on a timer',
      code: `import express from 'express';
const app = express();
let cache = new Map();
setInterval(() => { cache = new Map(); }, 60_000);
app.get('/x/:id', (req, res) => { cache.set(req.params.id, 1); res.end(); });`,
    },
    {
      name: 'a Map exported by module.exports = { cache } escapes the file',
      filename: 'src/server.js',
      languageOptions: commonjs,
      code: `const express = require('express');
const app = express();
const cache = new Map();
app.get('/u/:id', (req, res) => {
  cache.set(req.params.id, 1);
  res.end();
});
module.exports = { cache };`,
    },
  ],
  invalid: [
    {
      // The twin's find does not involve the key: anything the client sends is written once some mission is featured.
      name: 'a cache written when a find that does not involve the key found something',
      code: foundRoute('listing.missions.find((m) => m.featured)'),
      // Reported at \`new Map()\` on line 4 (column 17); a suggestion, as the entries are what the handler serves.
      errors: [{ messageId: 'unboundedCollection', data: { name: 'details' }, line: 4, column: 17, suggestions: [{ messageId: 'storeToLruMap', data: { name: 'details', max: '500' }, output: bounded(foundRoute('listing.missions.find((m) => m.featured)'), 'details') }] }],
    },
    {
      // Awaited, the lookup may ask a service that knows every pull request there is: its success bounds nothing here.
      name: 'a cache written when an awaited lookup of the key found something',
      code: foundRoute('await fetchPrStatus(url)', 'url', "'/prs'", 'const url = String(req.query.url);'),
      errors: [{ messageId: 'unboundedCollection', data: { name: 'details' }, line: 4, column: 17, suggestions: [{ messageId: 'storeToLruMap', data: { name: 'details', max: '500' }, output: bounded(foundRoute('await fetchPrStatus(url)', 'url', "'/prs'", 'const url = String(req.query.url);'), 'details') }] }],
    },
    {
      // The twin checks only that the group is not empty.
      name: 'a cache written in an async IIFE after a guard that only checks the key is present',
      code: groupRoute('  if (!group) return res.status(400).end();', true),
      errors: [{ messageId: 'unboundedCollection', data: { name: 'tles' }, line: 4, column: 14, suggestions: [{ messageId: 'storeToLruMap', data: { name: 'tles', max: '500' }, output: bounded(groupRoute('  if (!group) return res.status(400).end();', true), 'tles') }] }],
    },
    {
      // The twin's factory makes a driver for any other name too: one entry per name a request sends.
      name: 'drivers stored after a factory that makes one for any name',
      code: diskRoute('return new LocalDriver(`/var/${name}`)'),
      // Line 3 is the field \`drivers = new Map();\`, its \`new Map()\` at column 13.
      errors: [{ messageId: 'unboundedCollection', data: { name: 'drivers' }, line: 3, column: 13 }],
      output: bounded(diskRoute('return new LocalDriver(`/var/${name}`)'), 'drivers'),
    },
    ...[
      "  if (!Number.isInteger(pr) || pr <= 0) return res.status(400).end();",
      '  if (!isUUID(req.params.pr)) return res.status(400).end();',
    ].map((guard) => ({
      // A check of a value's form (an integer, a UUID), named like a membership predicate: past it the key is still any such value.
      name: `a lock table keyed by a path value checked only for its form (${guard.trim()})`,
      code: prLocks(guard),
      // Reported at \`new Map()\` (line 3, column 15); a suggestion, as the table holds what the route serves.
      errors: [{ messageId: 'unboundedCollection' as const, data: { name: 'locks' }, line: 3, column: 15, suggestions: [{ messageId: 'storeToLruMap' as const, data: { name: 'locks', max: '500' }, output: bounded(prLocks(guard), 'locks') }] }],
    })),
    {
      // The twin only logs when the object is large: nothing stops it growing.
      name: 'an object whose key count is only logged',
      code: histogramRoute("console.warn('many histograms')"),
      // Reported at the object literal \`{}\` (line 3, column 20); a plain object gets no fix.
      errors: [{ messageId: 'unboundedCollection', data: { name: 'histograms' }, line: 3, column: 20 }],
    },
    {
      // With \`&&\` the guard leaves only when both hold: a non-empty group outside the set gets past it.
      name: 'a cache keyed by a query value whose guard joins the set test with &&',
      code: groupRoute("  if (!group && !GROUPS.has(group)) {\n    res.status(400).json({ error: 'unknown group' });\n    return;\n  }"),
      // Reported at the construction \`new Map()\` (column 14); the fix bounds it with the runtime's LruMap.
      errors: [{ messageId: 'unboundedCollection', line: 4, column: 14, data: { name: 'tles' } }],
      output: bounded(groupRoute("  if (!group && !GROUPS.has(group)) {\n    res.status(400).json({ error: 'unknown group' });\n    return;\n  }"), 'tles'),
    },
    {
      // Parsing what the client sent succeeds for any well-formed value: it is not a lookup of what exists.
      name: 'a cache written after a parse of the key succeeded',
      code: `import express from 'express';
const app = express();
const parsed = new Map();
app.get('/dates/:value', (req, res) => {
  const value = req.params.value;
  const date = parseDate(value);
  if (!date) return res.status(400).end();
  parsed.set(value, date);
  res.json({ date });
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          data: { name: 'parsed' },
          line: 3,
          column: 16,
          suggestions: [
            {
              messageId: 'storeToLruMap',
              output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const parsed = new LruMap(500);
app.get('/dates/:value', (req, res) => {
  const value = req.params.value;
  const date = parseDate(value);
  if (!date) return res.status(400).end();
  parsed.set(value, date);
  res.json({ date });
});`,
            },
          ],
        },
      ],
    },
    {
      // \`if (value !== undefined) return value\` leaves when the lookup FOUND the key: the write below runs
      // for names the table does not have.
      name: 'a write that runs only when a table lookup missed',
      code: `import express from 'express';
const app = express();
const warned = new Set();
app.get('/setting/:name', (req, res) => {
  const name = req.params.name;
  const value = process.env[name];
  if (value !== undefined) return res.json({ value });
  warned.add(name);
  res.status(404).end();
});`,
      errors: [{ messageId: 'unboundedCollection', data: { name: 'warned' }, line: 3, column: 16 }],
    },
    {
      // The same class keyed by a route parameter: any string the client sends.
      name: 'a static method of a module-private class keyed by a route parameter',
      code: dispatcher({ store: 'new Map()', arg: 'req.params.kind' }),
      output: dispatcher({ store: 'new LruMap(500)', arg: 'req.params.kind', lruImport: true }),
      errors: [{ messageId: 'unboundedCollection', data: { name: 'instances' }, line: 4, column: 22 }],
    },
    {
      // The class is handed to another module, which may call the method with anything.
      name: 'a static method of a class handed on, keyed by its parameter',
      code: dispatcher({ store: 'new Map()', arg: 'req.method', handedOn: true }),
      output: dispatcher({ store: 'new LruMap(500)', arg: 'req.method', handedOn: true, lruImport: true }),
      errors: [{ messageId: 'unboundedCollection', data: { name: 'instances' }, line: 5, column: 22 }],
    },
    {
      // The same handler without the stop: an unknown client id is stored too.
      name: 'a cache written in the then-handler of a lookup without a nil check',
      code: clientCache(''),
      errors: [
        {
          messageId: 'unboundedCollection',
          data: { name: 'known' },
          line: 4,
          column: 15,
          suggestions: [
            {
              messageId: 'useLruMap',
              data: { name: 'known', max: '500' },
              output: `import express from 'express';
import { Client } from './models';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const known = new LruMap(500);
app.use((req, res, next) => {
  const clientId = req.headers['x-client-key'];
  if (known.get(clientId)) return next();
  Client.findOne({ key: clientId }).then((client) => {
    known.set(clientId, client);
    next();
  });
});`,
            },
          ],
        },
      ],
    },
    {
      // The schema refines a number to the members of a constant list; the key is read from the parse's data by destructuring.
      name: 'a cache keyed by a request field a zod refinement limits to a list',
      code: gridRoute,
      // Only \`scaled\`, keyed by a field whose refinement accepts any positive number (line 7, \`new Map()\` at column 16).
      errors: [{ messageId: 'unboundedCollection', data: { name: 'scaled' }, line: 7, column: 16, suggestions: [{ messageId: 'storeToLruMap', data: { name: 'scaled', max: '500' }, output: bounded(gridRoute, 'scaled') }] }],
    },
    {
      // The same schema's free-text field: any string the client sends passes the parse.
      name: 'a cache keyed by a request field a zod schema lets be any string',
      code: `import express from 'express';
import { z } from 'zod';
const app = express();
const querySchema = z.object({ provider: z.enum(['openai', 'anthropic']), search: z.string().min(1).default('all') });
const results = new Map();
app.get('/models', async (req, res) => {
  const parsed = querySchema.safeParse(req.query);
  if (!parsed.success) return res.status(400).end();
  results.set(parsed.data.search, await find(parsed.data.provider, parsed.data.search));
  res.json(results.get(parsed.data.search));
});`,
      errors: [{ messageId: 'unboundedCollection', data: { name: 'results' }, line: 5, column: 17, suggestions: [{ messageId: 'storeToLruMap', data: { name: 'results', max: '500' }, output: `import express from 'express';
import { z } from 'zod';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const querySchema = z.object({ provider: z.enum(['openai', 'anthropic']), search: z.string().min(1).default('all') });
const results = new LruMap(500);
app.get('/models', async (req, res) => {
  const parsed = querySchema.safeParse(req.query);
  if (!parsed.success) return res.status(400).end();
  results.set(parsed.data.search, await find(parsed.data.provider, parsed.data.search));
  res.json(results.get(parsed.data.search));
});` }] }],
    },
    {
      // The same metrics hook keyed by the path: a request for a route that does not exist is counted under its own key.
      name: 'request timings keyed by the request path next to the status code',
      code: `import express from 'express';
const app = express();
const timings = new Map();
app.use((req, res, next) => {
  const start = Date.now();
  res.on('finish', () => {
    timings.set(\`\${res.statusCode} \${req.path}\`, Date.now() - start);
  });
  next();
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          data: { name: 'timings' },
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'storeToLruMap',
              output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const timings = new LruMap(500);
app.use((req, res, next) => {
  const start = Date.now();
  res.on('finish', () => {
    timings.set(\`\${res.statusCode} \${req.path}\`, Date.now() - start);
  });
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      // A lookup in what the client sent proves nothing: the key is still the client's.
      name: 'a key looked up in the request itself before the write',
      code: `import express from 'express';
const app = express();
const seen = new Map();
app.post('/track/:field', (req, res) => {
  const field = req.params.field;
  if (!req.body[field]) return res.status(400).end();
  seen.set(field, Date.now());
  res.end();
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          data: { name: 'seen' },
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: 'storeToLruMap',
              output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const seen = new LruMap(500);
app.post('/track/:field', (req, res) => {
  const field = req.params.field;
  if (!req.body[field]) return res.status(400).end();
  seen.set(field, Date.now());
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a memoizing decorator on a method a Nest handler calls with a route parameter',
      code: `import { Controller, Get, Param } from '@nestjs/common';
import { Memoize } from 'typescript-memoize';
@Controller('users')
export class UsersController {
  @Get(':id')
  show(@Param('id') id: string) { return this.profile(id); }
  @Memoize()
  profile(id: string) { return { id }; }
}`,
      errors: [{ messageId: 'unboundedDecorator', data: { name: 'Memoize', library: 'typescript-memoize', method: 'profile', reached: '' }, line: 7, column: 3, endLine: 7, endColumn: 13 }],
    },
    {
      name: 'decko on a method of a module-level instance an Express route calls with a path parameter',
      code: `import express from 'express';
import { memoize } from 'decko';
class Pricing {
  @memoize
  quote(sku: string) { return sku.length; }
}
const pricing = new Pricing();
const app = express();
app.get('/quote/:sku', (req, res) => res.json(pricing.quote(req.params.sku)));`,
      errors: [{ messageId: 'unboundedDecorator', data: { name: 'memoize', library: 'decko', method: 'quote', reached: '' }, line: 4, column: 3 }],
    },
    {
      // The same helper, but one call site passes request data: that key grows with requests.
      code: `import express from 'express';
const app = express();
const resolved = {};
function loadPlugin(name) {
  if (resolved[name]) return resolved[name];
  return (resolved[name] = require.resolve(name));
}
app.get('/css', (req, res) => res.json({ sass: loadPlugin('sass'), other: loadPlugin(req.query.lang) }));`,
      output: null,
      errors: [{ messageId: 'unboundedCollection', line: 3, column: 18, data: { name: 'resolved' } }],
    },
    {
      // `max: Infinity` is the runtime's explicit unbounded mode: the strict rule leaves it alone, but
      // keyed by request data on a handler path it still grows without limit.
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const getUser = memoize((id: string) => db.find(id), { max: Infinity });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const getUser = memoize((id: string) => db.find(id), { max: 500 });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [{ messageId: 'unboundedMemoizer', line: 4, column: 17, data: { library: 'memo-guard memoize', name: 'getUser', max: '500' } }],
    },
    {
      // `new LruMap(Infinity)` means the same as the runtime: unbounded, on purpose; no automatic bound.
      code: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const pages = new LruMap(Infinity);
app.get('/p/:id', (req, res) => { pages.set(req.params.id, render(req.params.id)); res.end(); });`,
      output: null,
      errors: [{ messageId: 'unboundedCollection', line: 4, column: 15, data: { name: 'pages' } }],
    },
    {
      // A controller file: no registration here, but `(req, res)` marks an Express-style handler.
      code: `const lastSeen = new Map();
export const getProfile = async (req, res) => {
  lastSeen.set(req.params.id, Date.now());
  res.json({ id: req.params.id });
};`,
      errors: [{ messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const lastSeen = new LruMap(500);
export const getProfile = async (req, res) => {
  lastSeen.set(req.params.id, Date.now());
  res.json({ id: req.params.id });
};` }], line: 1 }],
    },
    {
      // Koa middleware by its `(ctx, next)` signature.
      code: `const hitsByPath = {};
export async function countHits(ctx, next) {
  hitsByPath[ctx.path] = (hitsByPath[ctx.path] || 0) + 1;
  await next();
}`,
      output: null,
      errors: [{ messageId: 'unboundedCollection', line: 1, suggestions: [{ messageId: 'useLruMap', output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const hitsByPath = new LruMap(500);
export async function countHits(ctx, next) {
  hitsByPath.set(ctx.path, (hitsByPath.get(ctx.path) || 0) + 1);
  await next();
}` }] }],
    },
    {
      // tRPC procedures.
      code: `import { publicProcedure } from './trpc';
const searches = new Set();
export const search = publicProcedure.input(schema).query(({ input }) => {
  searches.add(input.q);
  return [];
});`,
      output: null,
      errors: [{ messageId: 'unboundedCollection', line: 2 }],
    },
    {
      // A Cloudflare Worker's default export.
      code: `const byCountry = new Map();
export default {
  async fetch(request) {
    byCountry.set(request.headers.get('cf-ipcountry'), Date.now());
    return new Response('ok');
  },
};`,
      errors: [{ messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const byCountry = new LruMap(500);
export default {
  async fetch(request) {
    byCountry.set(request.headers.get('cf-ipcountry'), Date.now());
    return new Response('ok');
  },
};` }], line: 1 }],
    },
    {
      // A socket.io connection handler: every client message runs on this path.
      code: `const rooms = new Map();
io.on('connection', (socket) => {
  socket.on('join', (room) => rooms.set(room, socket.id));
});`,
      errors: [{ messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const rooms = new LruMap(500);
io.on('connection', (socket) => {
  socket.on('join', (room) => rooms.set(room, socket.id));
});` }], line: 1 }],
    },
    {
      // A Next.js App Router page renders per request on the server.
      code: `import memoize from 'lodash/memoize';
const renderMarkdown = memoize((slug) => slug.toUpperCase());
export default async function Page({ params }) {
  return renderMarkdown(params.slug);
}`,
      filename: 'app/docs/[slug]/page.jsx',
      output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const renderMarkdown = memoize((slug) => slug.toUpperCase(), { max: 500, key: (first) => first });
export default async function Page({ params }) {
  return renderMarkdown(params.slug);
}`,
      errors: [{ messageId: 'unboundedMemoizer', line: 2 }],
    },
    {
      // A Map the Fastify instance holds for its whole life, reached as this.x, request.server.x and app.x;
      // the Set beside it is cleared on a timer.
      name: 'a collection hung on the Fastify instance with decorate',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.decorate('userCache', new Map());
app.decorate('seen', new Set());
setInterval(() => app.seen.clear(), 60_000).unref();
app.get('/users/:id', async function (request) {
  const { id } = request.params;
  this.seen.add(id);
  if (!request.server.userCache.has(id)) request.server.userCache.set(id, await loadUser(id));
  return app.userCache.get(id);
});`,
      output: `import Fastify from 'fastify';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = Fastify();
app.decorate('userCache', new LruMap(500));
app.decorate('seen', new Set());
setInterval(() => app.seen.clear(), 60_000).unref();
app.get('/users/:id', async function (request) {
  const { id } = request.params;
  this.seen.add(id);
  if (!request.server.userCache.has(id)) request.server.userCache.set(id, await loadUser(id));
  return app.userCache.get(id);
});`,
      errors: [{ messageId: 'unboundedCollection', line: 3, column: 27, data: { name: 'userCache' } }],
    },
    {
      // What the client sends stays request data, even when a field of it is called user.
      name: 'a cache keyed by a user id taken from the body or the query',
      code: `import express from 'express';
const app = express();
const invites = new Map();
app.post('/invite', (req, res) => {
  invites.set(req.body.user.id, Date.now());
  invites.set(req.query.user, Date.now());
  res.end();
});`,
      output: null,
      errors: [
        {
          messageId: 'unboundedCollection', line: 3, column: 17, data: { name: 'invites' },
          suggestions: [
            {
              messageId: 'storeToLruMap',
              data: { name: 'invites', max: '500' },
              output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const invites = new LruMap(500);
app.post('/invite', (req, res) => {
  invites.set(req.body.user.id, Date.now());
  invites.set(req.query.user, Date.now());
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      // Keyv's default store is a Map, and its ttl is checked on read: every URL ever rendered stays.
      name: 'a module-level Keyv with its default in-memory store',
      code: `import express from 'express';
import Keyv from 'keyv';
const app = express();
const pages = new Keyv({ namespace: 'pages', ttl: 60_000 });
app.get('/p/*', async (req, res) => {
  let html = await pages.get(req.originalUrl);
  if (!html) await pages.set(req.originalUrl, (html = render(req.originalUrl)));
  res.send(html);
});`,
      output: null,
      errors: [{ messageId: 'unboundedCollection', line: 4, column: 15, data: { name: 'pages' } }],
    },
    {
      // A module-level DataLoader caches every id ever loaded.
      code: `import express from 'express';
import DataLoader from 'dataloader';
const app = express();
const users = new DataLoader(async (ids) => ids);
app.get('/u/:id', async (req, res) => res.json(await users.load(req.params.id)));`,
      output: null,
      errors: [{ messageId: 'unboundedCollection', line: 4 }],
    },
    {
      // The closure of a factory called once at module level lives as long as the module.
      code: `import express from 'express';
const app = express();
function createLimiter(limit) {
  const hits = new Map();
  return (ip) => {
    hits.set(ip, (hits.get(ip) ?? 0) + 1);
    return hits.get(ip) > limit;
  };
}
const limiter = createLimiter(100);
app.use((req, res, next) => (limiter(req.ip) ? res.status(429).end() : next()));`,
      errors: [{ messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
function createLimiter(limit) {
  const hits = new LruMap(500);
  return (ip) => {
    hits.set(ip, (hits.get(ip) ?? 0) + 1);
    return hits.get(ip) > limit;
  };
}
const limiter = createLimiter(100);
app.use((req, res, next) => (limiter(req.ip) ? res.status(429).end() : next()));` }], line: 4 }],
    },
    {
      // Registered directly as middleware, through an object of functions.
      code: `import express from 'express';
const app = express();
const makeTracker = () => {
  const seen = new Set();
  return { track: (req, res, next) => { seen.add(req.ip); next(); } };
};
const tracker = makeTracker();
app.use((req, res, next) => tracker.track(req, res, next));`,
      output: null,
      errors: [{ messageId: 'unboundedCollection', line: 4 }],
    },
    {
      name: 'lodash default import on an Express route: replaced by memoize with max',
      code: `import _ from 'lodash';
import express from 'express';
const app = express();
const getUser = _.memoize((id) => db.find(id));
app.get('/u/:id', (req, res) => { res.json(getUser(req.params.id)); });`,
      output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { max: 500, key: (first?: unknown) => first });
app.get('/u/:id', (req, res) => { res.json(getUser(req.params.id)); });`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'lodash with a resolver: the resolver becomes key',
      code: `import _ from 'lodash';
import express from 'express';
const router = express.Router();
const getRate = _.memoize((from, to) => rates(from, to), (from, to) => from + to);
router.get('/rate', (req, res) => { res.json(getRate(req.query.from, req.query.to)); });`,
      output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const router = express.Router();
const getRate = memoize((from, to) => rates(from, to), { max: 500, key: (from, to) => from + to });
router.get('/rate', (req, res) => { res.json(getRate(req.query.from, req.query.to)); });`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'lodash named import: memoize is taken, so boundedMemoize',
      code: `import { memoize } from 'lodash';
import { Router } from 'express';
const router = Router();
const getUser = memoize((id) => db.find(id));
router.post('/u', (req, res) => res.json(getUser(req.body.id)));`,
      output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import { Router } from 'express';
const router = Router();
const getUser = memoize((id) => db.find(id), { max: 500, key: (first?: unknown) => first });
router.post('/u', (req, res) => res.json(getUser(req.body.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'lodash namespace import',
      code: `import * as _ from 'lodash';
import express from 'express';
const app = express();
const getUser = _.memoize((id: string) => db.find(id));
app.all('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const getUser = memoize((id: string) => db.find(id), { max: 500, key: (first?: unknown) => first });
app.all('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'lodash through require (CommonJS)',
      filename: 'src/server.js',
      languageOptions: commonjs,
      code: `const _ = require('lodash');
const express = require('express');
const app = express();
const getUser = _.memoize((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `const { memoize } = require('eslint-plugin-memo-guard/memoize');
const express = require('express');
const app = express();
const getUser = memoize((id) => db.find(id), { max: 500, key: (first) => first });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'lodash/memoize through require (CommonJS)',
      filename: 'src/server.js',
      languageOptions: commonjs,
      code: `const memoize = require('lodash/memoize');
const express = require('express');
const app = express();
const getUser = memoize((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `const { memoize } = require('eslint-plugin-memo-guard/memoize');
const express = require('express');
const app = express();
const getUser = memoize((id) => db.find(id), { max: 500, key: (first) => first });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'lodash.memoize',
      code: `import memoize from 'lodash.memoize';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { max: 500, key: (first?: unknown) => first });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'lodash-es',
      code: `import { memoize } from 'lodash-es';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { max: 500, key: (first?: unknown) => first });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'es-toolkit',
      code: `import { memoize } from 'es-toolkit';
import express from 'express';
const app = express();
const getUser = memoize((id: string) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: null,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          suggestions: [{ messageId: 'boundChangesBehaviour', data: { max: '500', change: "memo-guard's memoize passes every argument to the function (es-toolkit passes only the first) and has no `.cache` property" }, output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const getUser = memoize((id: string) => db.find(id), { max: 500, key: (first?: unknown) => first });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));` }],
          line: 4,
        },
      ],
    },
    {
      name: 'ramda memoizeWith',
      code: `import { memoizeWith } from 'ramda';
import express from 'express';
const app = express();
const getUser = memoizeWith(String, (id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: null,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          suggestions: [{ messageId: 'boundChangesBehaviour', data: { max: '500', change: "ramda turns the key into a property name (`1` and `'1'` share an entry); memo-guard's memoize compares keys by value and type" }, output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { max: 500, key: String });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));` }],
          line: 4,
        },
      ],
    },
    {
      name: 'fast-memoize: bounded through its own cache option, keys unchanged',
      code: `import memoize from 'fast-memoize';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import memoize from 'fast-memoize';
import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const getUser = memoize((id) => db.find(id), { cache: { create: () => new LruMap<string, any>(500) } });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'memoizee without options: max added',
      code: `import memoize from 'memoizee';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import memoize from 'memoizee';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { max: 500 });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'memoizee with options: max added to them',
      code: `import memoize from 'memoizee';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { promise: true });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import memoize from 'memoizee';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { max: 500, promise: true });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'memoizee with an empty options object',
      code: `import memoize from 'memoizee';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), {});
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import memoize from 'memoizee';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { max: 500 });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'moize with maxSize: Infinity: replaced',
      code: `import moize from 'moize';
import express from 'express';
const app = express();
const cachedUser = moize((id) => db.find(id), { maxSize: Infinity });
app.get('/u/:id', (req, res) => res.json(cachedUser(req.params.id)));`,
      output: `import moize from 'moize';
import express from 'express';
const app = express();
const cachedUser = moize((id) => db.find(id), { maxSize: 500 });
app.get('/u/:id', (req, res) => res.json(cachedUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'moize.infinite: becomes moize with maxSize',
      code: `import moize from 'moize';
import express from 'express';
const app = express();
const cachedUser = moize.infinite((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(cachedUser(req.params.id)));`,
      output: `import moize from 'moize';
import express from 'express';
const app = express();
const cachedUser = moize((id) => db.find(id), { maxSize: 500 });
app.get('/u/:id', (req, res) => res.json(cachedUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'memoize (sindresorhus): cache: new LruMap(500) and the import',
      code: `import memoize from 'memoize';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import memoize from 'memoize';
import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const getUser = memoize((id) => db.find(id), { cache: new LruMap(500) });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'mem with cache: new Map(): the cache is replaced',
      code: `import mem from 'mem';
import express from 'express';
const app = express();
const cachedUser = mem((id) => db.find(id), { cache: new Map() });
app.get('/u/:id', (req, res) => res.json(cachedUser(req.params.id)));`,
      output: `import mem from 'mem';
import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cachedUser = mem((id) => db.find(id), { cache: new LruMap(500) });
app.get('/u/:id', (req, res) => res.json(cachedUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'p-memoize without a cache',
      code: `import pMemoize from 'p-memoize';
import express from 'express';
const app = express();
const getUser = pMemoize(async (id) => db.find(id));
app.get('/u/:id', async (req, res) => res.json(await getUser(req.params.id)));`,
      output: `import pMemoize from 'p-memoize';
import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const getUser = pMemoize(async (id) => db.find(id), { cache: new LruMap(500) });
app.get('/u/:id', async (req, res) => res.json(await getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'nano-memoize',
      code: `import nanomemoize from 'nano-memoize';
import express from 'express';
const app = express();
const getUser = nanomemoize((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: null,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          suggestions: [{ messageId: 'boundChangesBehaviour', data: { max: '500', change: "nano-memoize passes only the first argument to a one-parameter function and recomputes falsy results; memo-guard's memoize passes every argument and caches every result" }, output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { max: 500 });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));` }],
          line: 4,
        },
      ],
    },
    {
      name: 'memize without maxSize',
      code: `import memize from 'memize';
import express from 'express';
const app = express();
const cachedUser = memize((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(cachedUser(req.params.id)));`,
      output: `import memize from 'memize';
import express from 'express';
const app = express();
const cachedUser = memize((id) => db.find(id), { maxSize: 500 });
app.get('/u/:id', (req, res) => res.json(cachedUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'the max option changes the bound',
      options: [{max: 100}],
      code: `import memoize from 'memoizee';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import memoize from 'memoizee';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { max: 100 });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'a memoized function registered as the handler itself',
      code: `import _ from 'lodash';
import express from 'express';
const app = express();
const render = _.memoize((req) => req.url);
app.get('/page', render);`,
      output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const render = memoize((req) => req.url, { max: 500, key: (first?: unknown) => first });
app.get('/page', render);`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'new Map() → new LruMap(500) with the import after the last import',
      code: `import express from 'express';
const app = express();
const cache = new Map();
app.get('/u/:id', (req, res) => {
  cache.set(req.params.id, req.query);
  res.end();
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cache = new LruMap(500);
app.get('/u/:id', (req, res) => {
  cache.set(req.params.id, req.query);
  res.end();
});` }],
          line: 3,
        },
      ],
    },
    {
      name: 'TypeScript type arguments are kept',
      code: `import express from 'express';
const app = express();
const cache = new Map<string, { at: number }>();
app.get('/u/:id', (req, res) => {
  cache.set(req.params.id, { at: Date.now() });
  res.end();
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cache = new LruMap<string, { at: number }>(500);
app.get('/u/:id', (req, res) => {
  cache.set(req.params.id, { at: Date.now() });
  res.end();
});` }],
          line: 3,
        },
      ],
    },
    {
      name: 'CommonJS: the import is a require',
      filename: 'src/server.js',
      languageOptions: commonjs,
      code: `'use strict';
const express = require('express');
const app = express();
const cache = new Map();
app.get('/u/:id', (req, res) => {
  cache.set(req.params.id, 1);
  res.end();
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `'use strict';
const express = require('express');
const { LruMap } = require('eslint-plugin-memo-guard/memoize');
const app = express();
const cache = new LruMap(500);
app.get('/u/:id', (req, res) => {
  cache.set(req.params.id, 1);
  res.end();
});` }],
          line: 4,
        },
      ],
    },
    {
      name: 'never above a shebang',
      filename: 'bin/server.mjs',
      code: `#!/usr/bin/env node
const cache = new Map();
http.createServer((req, res) => {
  cache.set(req.url, Date.now());
  res.end();
}).listen(3000);`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `#!/usr/bin/env node
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const cache = new LruMap(500);
http.createServer((req, res) => {
  cache.set(req.url, Date.now());
  res.end();
}).listen(3000);` }],
          line: 2,
        },
      ],
    },
    {
      name: 'a shebang in a CommonJS script',
      filename: 'bin/server.js',
      languageOptions: commonjs,
      code: `#!/usr/bin/env node
const http = require('node:http');
const hits = new Map();
http.createServer((req, res) => {
  hits.set(req.socket.remoteAddress, Date.now());
  res.end();
}).listen(3000);`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `#!/usr/bin/env node
const http = require('node:http');
const { LruMap } = require('eslint-plugin-memo-guard/memoize');
const hits = new LruMap(500);
http.createServer((req, res) => {
  hits.set(req.socket.remoteAddress, Date.now());
  res.end();
}).listen(3000);` }],
          line: 3,
        },
      ],
    },
    {
      name: 'an existing import of the package gets the specifier',
      code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const cache = new Map();
const getUser = memoize((id: string) => db.find(id));
app.get('/u/:id', (req, res) => { cache.set(req.params.id, getUser(req.params.id)); res.end(); });`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { memoize, LruMap } from 'eslint-plugin-memo-guard/memoize';
import express from 'express';
const app = express();
const cache = new LruMap(500);
const getUser = memoize((id: string) => db.find(id));
app.get('/u/:id', (req, res) => { cache.set(req.params.id, getUser(req.params.id)); res.end(); });` }],
          line: 4,
        },
      ],
    },
    {
      name: 'LruMap is taken: BoundedLruMap',
      code: `import { LruMap } from './lru';
import express from 'express';
const app = express();
const cache = new Map();
export const other = new LruMap();
app.get('/u/:id', (req, res) => { cache.set(req.params.id, 1); res.end(); });`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { LruMap } from './lru';
import express from 'express';
import { LruMap as BoundedLruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cache = new BoundedLruMap(500);
export const other = new LruMap();
app.get('/u/:id', (req, res) => { cache.set(req.params.id, 1); res.end(); });` }],
          line: 4,
        },
      ],
    },
    {
      name: 'the max option bounds new LruMap too',
      options: [{max: 50}],
      code: `import express from 'express';
const app = express();
const cache = new Map();
app.get('/u/:id', (req, res) => { cache.set(req.params.id, 1); res.end(); });`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cache = new LruMap(50);
app.get('/u/:id', (req, res) => { cache.set(req.params.id, 1); res.end(); });` }],
          line: 3,
        },
      ],
    },
    {
      name: 'an object-literal cache gets a suggestion and no fix',
      code: `import express from 'express';
const app = express();
const cache = {};
app.get('/u/:id', (req, res) => {
  if (!(req.params.id in cache)) cache[req.params.id] = load(req.params.id);
  res.json(cache[req.params.id]);
});`,
      output: null,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 3,
          suggestions: [
            {
              messageId: 'useLruMap',
              output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cache = new LruMap(500);
app.get('/u/:id', (req, res) => {
  if (!(cache.has(req.params.id))) cache.set(req.params.id, load(req.params.id));
  res.json(cache.get(req.params.id));
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Object.create(null) used beyond get and set: no suggestion',
      code: `import express from 'express';
const app = express();
const counts = Object.create(null);
app.get('/u/:id', (req, res) => {
  counts[req.params.id] = (counts[req.params.id] || 0) + 1;
  res.json(Object.keys(counts));
});`,
      output: null,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 3,
        },
      ],
    },
    {
      name: 'a Set of request data',
      code: `import express from 'express';
const app = express();
const seen = new Set();
app.use((req, res, next) => {
  seen.add(req.ip);
  next();
});`,
      output: null,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 3,
        },
      ],
    },
    {
      name: 'an array that only grows',
      code: `import express from 'express';
const app = express();
const log = [];
app.use((req, res, next) => {
  log.push({ url: req.originalUrl, at: Date.now() });
  next();
});`,
      output: null,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 3,
        },
      ],
    },
    {
      name: 'a Map built from entries has no fix',
      code: `import express from 'express';
const app = express();
const cache = new Map([['seed', 1]]);
app.get('/u/:id', (req, res) => { cache.set(req.params.id, 1); res.end(); });`,
      output: null,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 3,
        },
      ],
    },
    {
      name: 'an expiry checked only on read is not eviction',
      code: `import express from 'express';
const app = express();
const cache = new Map();
app.get('/u/:id', (req, res) => {
  const hit = cache.get(req.params.id);
  if (hit && hit.expires > Date.now()) return res.json(hit.value);
  const value = load(req.params.id);
  cache.set(req.params.id, { value, expires: Date.now() + 60_000 });
  res.json(value);
});`,
      output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cache = new LruMap(500);
app.get('/u/:id', (req, res) => {
  const hit = cache.get(req.params.id);
  if (hit && hit.expires > Date.now()) return res.json(hit.value);
  const value = load(req.params.id);
  cache.set(req.params.id, { value, expires: Date.now() + 60_000 });
  res.json(value);
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 3,
        },
      ],
    },
    {
      name: 'a size check that only logs is not eviction',
      code: `import express from 'express';
const app = express();
const cache = new Map();
app.get('/u/:id', (req, res) => {
  if (cache.size > 10_000) console.warn('cache is large');
  cache.set(req.params.id, 1);
  res.end();
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cache = new LruMap(500);
app.get('/u/:id', (req, res) => {
  if (cache.size > 10_000) console.warn('cache is large');
  cache.set(req.params.id, 1);
  res.end();
});` }],
          line: 3,
        },
      ],
    },
    {
      name: 'request data reaches the cache through a helper',
      code: `import express from 'express';
const app = express();
const byIp = new Map();
function remember(ip, at) {
  byIp.set(ip, at);
}
function track(req) {
  remember(req.ip, Date.now());
}
app.use((req, res, next) => {
  track(req);
  next();
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const byIp = new LruMap(500);
function remember(ip, at) {
  byIp.set(ip, at);
}
function track(req) {
  remember(req.ip, Date.now());
}
app.use((req, res, next) => {
  track(req);
  next();
});` }],
          line: 3,
        },
      ],
    },
    {
      name: 'two caches in one file: both fixed, one import',
      code: `import express from 'express';
const app = express();
const users = new Map();
const teams = new Map();
function user(id) { if (!users.has(id)) users.set(id, loadUser(id)); return users.get(id); }
function team(name) { let t = teams.get(name); if (t === undefined) { t = loadTeam(name); teams.set(name, t); } return t; }
app.get('/u/:id', (req, res) => { res.json([user(req.params.id), team(req.query.team)]); });`,
      output: [
        `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const users = new LruMap(500);
const teams = new Map();
function user(id) { if (!users.has(id)) users.set(id, loadUser(id)); return users.get(id); }
function team(name) { let t = teams.get(name); if (t === undefined) { t = loadTeam(name); teams.set(name, t); } return t; }
app.get('/u/:id', (req, res) => { res.json([user(req.params.id), team(req.query.team)]); });`,
        `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const users = new LruMap(500);
const teams = new LruMap(500);
function user(id) { if (!users.has(id)) users.set(id, loadUser(id)); return users.get(id); }
function team(name) { let t = teams.get(name); if (t === undefined) { t = loadTeam(name); teams.set(name, t); } return t; }
app.get('/u/:id', (req, res) => { res.json([user(req.params.id), team(req.query.team)]); });`,
      ],
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 3,
        },
        {
          messageId: 'unboundedCollection',
          line: 4,
        },
      ],
    },
    {
      name: 'memoizee with max: 0 is unbounded',
      code: `import memoize from 'memoizee';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { max: 0 });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import memoize from 'memoizee';
import express from 'express';
const app = express();
const getUser = memoize((id) => db.find(id), { max: 500 });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'Hono app chained from new Hono() with fast-memoize',
      code: `import { Hono } from 'hono';
import memoize from 'fast-memoize';
const render = memoize((path: string) => path.toUpperCase());
export default new Hono().get('/:p', (c) => c.text(render(c.req.param('p'))));`,
      output: `import { Hono } from 'hono';
import memoize from 'fast-memoize';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const render = memoize((path: string) => path.toUpperCase(), { cache: { create: () => new LruMap<string, any>(500) } });
export default new Hono().get('/:p', (c) => c.text(render(c.req.param('p'))));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 3,
        },
      ],
    },
    {
      name: 'Next.js app route as an exported const (JavaScript)',
      filename: 'app/api/items/route.js',
      code: `const cache = new Map();
export const POST = async (request) => {
  const body = await request.json();
  cache.set(body.id, body);
  return Response.json({ ok: true });
};`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const cache = new LruMap(500);
export const POST = async (request) => {
  const body = await request.json();
  cache.set(body.id, body);
  return Response.json({ ok: true });
};` }],
          line: 1,
        },
      ],
    },
    {
      name: 'a field of a module-level singleton instance',
      code: `import express from 'express';
class UserCache {
  constructor() {
    this.entries = new Map();
  }
  remember(id, user) {
    this.entries.set(id, user);
  }
}
const userCache = new UserCache();
const app = express();
app.get('/u/:id', (req, res) => { userCache.remember(req.params.id, req.body); res.end(); });`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
class UserCache {
  constructor() {
    this.entries = new LruMap(500);
  }
  remember(id, user) {
    this.entries.set(id, user);
  }
}
const userCache = new UserCache();
const app = express();
app.get('/u/:id', (req, res) => { userCache.remember(req.params.id, req.body); res.end(); });` }],
          line: 4,
        },
      ],
    },
    {
      name: 'module.exports.handler (CommonJS)',
      filename: 'functions/ingest.js',
      languageOptions: commonjs,
      code: `const cache = new Map();
module.exports.handler = async (event) => { cache.set(event.id, 1); };`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `const { LruMap } = require('eslint-plugin-memo-guard/memoize');
const cache = new LruMap(500);
module.exports.handler = async (event) => { cache.set(event.id, 1); };` }],
          line: 1,
        },
      ],
    },
    {
      name: 'a .cjs file is CommonJS by its extension',
      filename: 'functions/ingest.cjs',
      code: `const cache = new Map();
module.exports.handler = async (event) => { cache.set(event.id, 1); };`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `const { LruMap } = require('eslint-plugin-memo-guard/memoize');
const cache = new LruMap(500);
module.exports.handler = async (event) => { cache.set(event.id, 1); };` }],
          line: 1,
        },
      ],
    },
    {
      name: 'a handler declared before the cache',
      code: `import express from 'express';
const app = express();
const handler = (req, res) => { cache.set(req.params.id, 1); res.end(); };
const cache = new Map();
app.get('/x/:id', handler);`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const handler = (req, res) => { cache.set(req.params.id, 1); res.end(); };
const cache = new LruMap(500);
app.get('/x/:id', handler);` }],
          line: 4,
        },
      ],
    },
    {
      name: 'a timer that only reads is not eviction',
      code: `import express from 'express';
const app = express();
const cache = new Map();
setInterval(() => { for (const k of cache.keys()) stats.count++; }, 1000);
app.get('/x/:id', (req, res) => { cache.set(req.params.id, 1); res.end(); });`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cache = new LruMap(500);
setInterval(() => { for (const k of cache.keys()) stats.count++; }, 1000);
app.get('/x/:id', (req, res) => { cache.set(req.params.id, 1); res.end(); });` }],
          line: 3,
        },
      ],
    },
    {
      name: 'Express: a named handler function',
      code: `import express from 'express';
const app = express();
const cache = new Map();
function getUser(req, res) {
  cache.set(req.params.id, req.headers['user-agent']);
  res.end();
}
app.get('/u/:id', getUser);`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cache = new LruMap(500);
function getUser(req, res) {
  cache.set(req.params.id, req.headers['user-agent']);
  res.end();
}
app.get('/u/:id', getUser);` }],
          line: 3,
        },
      ],
    },
    {
      name: 'Fastify shorthand route',
      code: `import Fastify from 'fastify';
const fastify = Fastify();
const cache = new Map();
fastify.get('/u/:id', async (request) => {
  cache.set(request.params.id, Date.now());
  return 'ok';
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import Fastify from 'fastify';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const fastify = Fastify();
const cache = new LruMap(500);
fastify.get('/u/:id', async (request) => {
  cache.set(request.params.id, Date.now());
  return 'ok';
});` }],
          line: 3,
        },
      ],
    },
    {
      name: 'Fastify route({ handler })',
      code: `import Fastify from 'fastify';
const server = Fastify();
const cache = new Map();
server.route({
  method: 'GET',
  url: '/u/:id',
  handler: async (request) => {
    cache.set(request.params.id, 1);
    return 'ok';
  },
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import Fastify from 'fastify';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const server = Fastify();
const cache = new LruMap(500);
server.route({
  method: 'GET',
  url: '/u/:id',
  handler: async (request) => {
    cache.set(request.params.id, 1);
    return 'ok';
  },
});` }],
          line: 3,
        },
      ],
    },
    {
      name: 'Fastify plugin',
      code: `import memoize from 'fast-memoize';
const cache = new Map();
export default async function routes(fastify) {
  fastify.post('/users', async (request) => {
    cache.set(request.body.email, request.body);
    return { ok: true };
  });
}`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import memoize from 'fast-memoize';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const cache = new LruMap(500);
export default async function routes(fastify) {
  fastify.post('/users', async (request) => {
    cache.set(request.body.email, request.body);
    return { ok: true };
  });
}` }],
          line: 2,
        },
      ],
    },
    {
      name: 'Koa middleware',
      code: `import Koa from 'koa';
const app = new Koa();
const cache = new Map();
app.use(async (ctx, next) => {
  cache.set(ctx.path, Date.now());
  await next();
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import Koa from 'koa';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = new Koa();
const cache = new LruMap(500);
app.use(async (ctx, next) => {
  cache.set(ctx.path, Date.now());
  await next();
});` }],
          line: 3,
        },
      ],
    },
    {
      name: 'koa-router',
      code: `import Router from '@koa/router';
const router = new Router();
const cache = new Map();
router.get('/u/:id', async (ctx) => {
  cache.set(ctx.params.id, 1);
  ctx.body = 'ok';
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import Router from '@koa/router';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const router = new Router();
const cache = new LruMap(500);
router.get('/u/:id', async (ctx) => {
  cache.set(ctx.params.id, 1);
  ctx.body = 'ok';
});` }],
          line: 3,
        },
      ],
    },
    {
      name: 'Hono',
      code: `import { Hono } from 'hono';
const app = new Hono();
const cache = new Map<string, string>();
app.get('/u/:id', (c) => {
  cache.set(c.req.param('id'), c.req.header('x-id') ?? '');
  return c.text('ok');
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { Hono } from 'hono';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = new Hono();
const cache = new LruMap<string, string>(500);
app.get('/u/:id', (c) => {
  cache.set(c.req.param('id'), c.req.header('x-id') ?? '');
  return c.text('ok');
});` }],
          line: 3,
        },
      ],
    },
    {
      name: 'NestJS: controller → singleton service',
      code: `import { Controller, Get, Injectable, Param } from '@nestjs/common';
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}
  @Get(':id')
  find(@Param('id') id: string) {
    return this.users.lookup(id);
  }
}
@Injectable()
export class UsersService {
  private readonly cache = new Map<string, number>();
  lookup(id: string) {
    this.cache.set(id, Date.now());
    return this.cache.get(id);
  }
}`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { Controller, Get, Injectable, Param } from '@nestjs/common';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}
  @Get(':id')
  find(@Param('id') id: string) {
    return this.users.lookup(id);
  }
}
@Injectable()
export class UsersService {
  private readonly cache = new LruMap<string, number>(500);
  lookup(id: string) {
    this.cache.set(id, Date.now());
    return this.cache.get(id);
  }
}` }],
          line: 12,
        },
      ],
    },
    {
      name: 'Next.js app route',
      filename: 'app/api/users/route.ts',
      code: `const cache = new Map<string, string>();
export async function GET(request: Request) {
  const url = new URL(request.url);
  cache.set(url.searchParams.get('q') ?? '', 'x');
  return Response.json([...cache.keys()]);
}`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const cache = new LruMap<string, string>(500);
export async function GET(request: Request) {
  const url = new URL(request.url);
  cache.set(url.searchParams.get('q') ?? '', 'x');
  return Response.json([...cache.keys()]);
}` }],
          line: 1,
        },
      ],
    },
    {
      name: 'Next.js pages API route',
      filename: 'pages/api/users/[id].js',
      code: `const cache = {};
export default function handler(req, res) {
  cache[req.query.id] = Date.now();
  res.status(200).json({ ok: true });
}`,
      output: null,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 1,
          suggestions: [
            {
              messageId: 'useLruMap',
              output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const cache = new LruMap(500);
export default function handler(req, res) {
  cache.set(req.query.id, Date.now());
  res.status(200).json({ ok: true });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a \'use server\' file',
      filename: 'app/actions.ts',
      code: `'use server';
import _ from 'lodash';
const getProduct = _.memoize((id: string) => db.products.find(id));
export async function addToCart(id: string) {
  return getProduct(id);
}`,
      output: `'use server';
import { memoize } from 'eslint-plugin-memo-guard/memoize';
const getProduct = memoize((id: string) => db.products.find(id), { max: 500, key: (first?: unknown) => first });
export async function addToCart(id: string) {
  return getProduct(id);
}`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 3,
        },
      ],
    },
    {
      name: 'getServerSideProps',
      filename: 'pages/blog/[slug].js',
      code: `const cache = new Map();
export async function getServerSideProps({ params }) {
  cache.set(params.slug, Date.now());
  return { props: {} };
}`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const cache = new LruMap(500);
export async function getServerSideProps({ params }) {
  cache.set(params.slug, Date.now());
  return { props: {} };
}` }],
          line: 1,
        },
      ],
    },
    {
      name: 'Next.js middleware',
      filename: 'middleware.ts',
      code: `const seen = new Set<string>();
export function middleware(request: Request) {
  seen.add(request.headers.get('x-forwarded-for') ?? '');
}`,
      output: null,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 1,
        },
      ],
    },
    {
      name: 'node http.createServer',
      code: `import http from 'node:http';
import memoize from 'memoizee';
const render = memoize((url) => '<h1>' + url + '</h1>');
http.createServer((req, res) => res.end(render(req.url))).listen(8080);`,
      output: `import http from 'node:http';
import memoize from 'memoizee';
const render = memoize((url) => '<h1>' + url + '</h1>', { max: 500 });
http.createServer((req, res) => res.end(render(req.url))).listen(8080);`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 3,
        },
      ],
    },
    {
      // The same job reading its event: the event is the request.
      name: 'a Lambda handler that reads its event, inside its wrapper',
      filename: 'functions/refresh-loop.js',
      code: `import { wrapLambdaHandler } from './sentry.js';
const decimals = new Map();
async function decimalsOf(token) {
  if (!decimals.has(token)) decimals.set(token, await readDecimals(token));
  return decimals.get(token);
}
export const handler = wrapLambdaHandler(async (event) => {
  await decimalsOf(event.token);
});`,
      output: `import { wrapLambdaHandler } from './sentry.js';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const decimals = new LruMap(500);
async function decimalsOf(token) {
  if (!decimals.has(token)) decimals.set(token, await readDecimals(token));
  return decimals.get(token);
}
export const handler = wrapLambdaHandler(async (event) => {
  await decimalsOf(event.token);
});`,
      errors: [{ messageId: 'unboundedCollection', line: 2 }],
    },
    {
      name: 'Lambda export const handler',
      filename: 'functions/config.js',
      code: `import _ from 'lodash';
const getConfig = _.memoize((name) => ssm.get(name));
export const handler = async (event) => getConfig(event.queryStringParameters.name);`,
      output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
const getConfig = memoize((name) => ssm.get(name), { max: 500, key: (first) => first });
export const handler = async (event) => getConfig(event.queryStringParameters.name);`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 2,
        },
      ],
    },
    {
      name: 'Lambda exports.handler (CommonJS)',
      filename: 'functions/ingest.js',
      languageOptions: commonjs,
      code: `const cache = {};
exports.handler = async (event) => {
  cache[event.requestContext.requestId] = event.body;
  return { statusCode: 200 };
};`,
      output: null,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 1,
          suggestions: [
            {
              messageId: 'useLruMap',
              output: `const { LruMap } = require('eslint-plugin-memo-guard/memoize');
const cache = new LruMap(500);
exports.handler = async (event) => {
  cache.set(event.requestContext.requestId, event.body);
  return { statusCode: 200 };
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'GraphQL resolver map',
      code: `const users = new Map();
export const resolvers = {
  Query: {
    user: (_, { id }) => {
      if (!users.has(id)) users.set(id, load(id));
      return users.get(id);
    },
  },
};`,
      output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const users = new LruMap(500);
export const resolvers = {
  Query: {
    user: (_, { id }) => {
      if (!users.has(id)) users.set(id, load(id));
      return users.get(id);
    },
  },
};`,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 1,
        },
      ],
    },
    {
      name: 'a static class field of a handler helper',
      code: `class RateLimiter {
  static counts = new Map();
  static hit(ip) {
    RateLimiter.counts.set(ip, (RateLimiter.counts.get(ip) ?? 0) + 1);
  }
}
const app = express();
app.use((req, res, next) => { RateLimiter.hit(req.ip); next(); });`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
class RateLimiter {
  static counts = new LruMap(500);
  static hit(ip) {
    RateLimiter.counts.set(ip, (RateLimiter.counts.get(ip) ?? 0) + 1);
  }
}
const app = express();
app.use((req, res, next) => { RateLimiter.hit(req.ip); next(); });` }],
          line: 2,
        },
      ],
    },
    {
      name: 'Express app.use with a path',
      code: `import express from 'express';
const app = express();
const cache = new Map();
app.use('/api', (req, res, next) => { cache.set(req.originalUrl, 1); next(); });`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cache = new LruMap(500);
app.use('/api', (req, res, next) => { cache.set(req.originalUrl, 1); next(); });` }],
          line: 3,
        },
      ],
    },
    {
      name: 'Express app.route().get()',
      code: `import express from 'express';
const app = express();
const cache = new Map();
app.route('/x/:id').get((req, res) => { cache.set(req.params.id, 1); res.end(); });`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cache = new LruMap(500);
app.route('/x/:id').get((req, res) => { cache.set(req.params.id, 1); res.end(); });` }],
          line: 3,
        },
      ],
    },
    {
      name: 'Express handler wrapped by asyncHandler',
      code: `import express from 'express';
import asyncHandler from 'express-async-handler';
const app = express();
const cache = new Map();
app.get('/x/:id', asyncHandler(async (req, res) => { cache.set(req.params.id, 1); res.end(); }));`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import asyncHandler from 'express-async-handler';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const cache = new LruMap(500);
app.get('/x/:id', asyncHandler(async (req, res) => { cache.set(req.params.id, 1); res.end(); }));` }],
          line: 4,
        },
      ],
    },
    {
      name: 'Fastify routes inside an inline registered plugin',
      code: `import Fastify from 'fastify';
const app = Fastify();
const cache = new Map();
app.register(async (instance) => {
  instance.get('/x/:id', async (request) => { cache.set(request.params.id, 1); return 'ok'; });
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import Fastify from 'fastify';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = Fastify();
const cache = new LruMap(500);
app.register(async (instance) => {
  instance.get('/x/:id', async (request) => { cache.set(request.params.id, 1); return 'ok'; });
});` }],
          line: 3,
        },
      ],
    },
    {
      name: 'NestJS controller field',
      code: `import { Body, Controller, Post } from '@nestjs/common';
@Controller('events')
export class EventsController {
  private readonly seen = new Set<string>();
  @Post()
  track(@Body() body: { id: string }) {
    this.seen.add(body.id);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 4,
        },
      ],
    },
    {
      name: 'Next.js pages API route as a default arrow',
      filename: 'pages/api/hello.ts',
      code: `const cache = new Map();
export default async (req, res) => { cache.set(req.query.id, 1); res.end(); };`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const cache = new LruMap(500);
export default async (req, res) => { cache.set(req.query.id, 1); res.end(); };` }],
          line: 1,
        },
      ],
    },
    {
      name: 'a function with its own \'use server\' directive',
      filename: 'app/page.tsx',
      code: `const cache = new Map();
export default function Page() {
  async function save(form) {
    'use server';
    cache.set(form.get('id'), 1);
  }
  return save;
}`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const cache = new LruMap(500);
export default function Page() {
  async function save(form) {
    'use server';
    cache.set(form.get('id'), 1);
  }
  return save;
}` }],
          line: 1,
        },
      ],
    },
    {
      name: 'node server.on(request)',
      code: `import http from 'node:http';
const server = http.createServer();
const cache = new Map();
server.on('request', (req, res) => { cache.set(req.url, 1); res.end(); });`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import http from 'node:http';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const server = http.createServer();
const cache = new LruMap(500);
server.on('request', (req, res) => { cache.set(req.url, 1); res.end(); });` }],
          line: 3,
        },
      ],
    },
    {
      name: 'node server.on(request) with a listener declared by name',
      code: `import http from 'node:http';
const server = http.createServer();
const hits = new Map();
function onRequest(req, res) {
  hits.set(req.url, (hits.get(req.url) ?? 0) + 1);
  res.end();
}
server.on('request', onRequest);`,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 3,
          column: 14,
          data: { name: 'hits' },
          suggestions: [{ messageId: 'storeToLruMap', output: `import http from 'node:http';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const server = http.createServer();
const hits = new LruMap(500);
function onRequest(req, res) {
  hits.set(req.url, (hits.get(req.url) ?? 0) + 1);
  res.end();
}
server.on('request', onRequest);` }],
        },
      ],
    },
    {
      name: 'Lambda export function handler',
      filename: 'src/handler.ts',
      code: `const cache = new Map();
export async function handler(event: { id: string }) {
  cache.set(event.id, Date.now());
}`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const cache = new LruMap(500);
export async function handler(event: { id: string }) {
  cache.set(event.id, Date.now());
}` }],
          line: 1,
        },
      ],
    },
    {
      name: 'type-graphql @Resolver() class with a @Query() method',
      code: `import { Arg, Query, Resolver } from 'type-graphql';
const seen = new Map<string, number>();
@Resolver()
export class SearchResolver {
  @Query(() => [String])
  search(@Arg('q') q: string) {
    seen.set(q, Date.now());
    return [];
  }
}`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { Arg, Query, Resolver } from 'type-graphql';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const seen = new LruMap<string, number>(500);
@Resolver()
export class SearchResolver {
  @Query(() => [String])
  search(@Arg('q') q: string) {
    seen.set(q, Date.now());
    return [];
  }
}` }],
          line: 2,
        },
      ],
    },
    {
      name: 'GraphQL Mutation writing an object',
      code: `const votes = {};
const resolvers = {
  Mutation: {
    vote: (_, { pollId, userId }) => { votes[pollId + ':' + userId] = true; return true; },
  },
};
export default resolvers;`,
      output: null,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 1,
          suggestions: [
            {
              messageId: 'useLruMap',
              output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const votes = new LruMap(500);
const resolvers = {
  Mutation: {
    vote: (_, { pollId, userId }) => { votes.set(pollId + ':' + userId, true); return true; },
  },
};
export default resolvers;`,
            },
          ],
        },
      ],
    },
    {
      name: 'plain names: a file that imports only memize',
      code: `import memize from 'memize';
import express from 'express';
const app = express();
const getUser = memize((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import memize from 'memize';
import express from 'express';
const app = express();
const getUser = memize((id) => db.find(id), { maxSize: 500 });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'plain names: a file that imports only moize',
      code: `import moize from 'moize';
import express from 'express';
const app = express();
const getUser = moize.infinite((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import moize from 'moize';
import express from 'express';
const app = express();
const getUser = moize((id) => db.find(id), { maxSize: 500 });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'plain names: a file that imports only mem',
      code: `import mem from 'mem';
import express from 'express';
const app = express();
const getUser = mem((id) => db.find(id));
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      output: `import mem from 'mem';
import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const getUser = mem((id) => db.find(id), { cache: new LruMap(500) });
app.get('/u/:id', (req, res) => res.json(getUser(req.params.id)));`,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
        },
      ],
    },
    {
      name: 'a .js file that is CommonJS only by exports.handler gets a require',
      filename: 'functions/ingest.js',
      code: `const seen = new Map();
exports.handler = async (event) => { seen.set(event.id, 1); };`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `const { LruMap } = require('eslint-plugin-memo-guard/memoize');
const seen = new LruMap(500);
exports.handler = async (event) => { seen.set(event.id, 1); };` }],
          line: 1,
        },
      ],
    },
    {
      name: 'a .js file that is CommonJS only by module.exports = { handler } gets a require',
      filename: 'functions/ingest.js',
      code: `const seen = new Map();
const handler = async (event) => { seen.set(event.id, 1); };
module.exports = { handler };`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `const { LruMap } = require('eslint-plugin-memo-guard/memoize');
const seen = new LruMap(500);
const handler = async (event) => { seen.set(event.id, 1); };
module.exports = { handler };` }],
          line: 1,
        },
      ],
    },
    {
      name: 'a .js file with ESM exports gets an import',
      filename: 'functions/ingest.js',
      code: `const seen = new Map();
export const handler = async (event) => { seen.set(event.id, 1); };`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const seen = new LruMap(500);
export const handler = async (event) => { seen.set(event.id, 1); };` }],
          line: 1,
        },
      ],
    },
    {
      name: 'a Map passed inside an object literal to an unknown function still counts',
      code: `import express from 'express';
import { stats } from './stats';
const app = express();
const productPages = new Map();
stats({ productPages });
app.get('/p/:id', (req, res) => {
  productPages.set(req.params.id, req.body);
  res.end();
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { stats } from './stats';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const productPages = new LruMap(500);
stats({ productPages });
app.get('/p/:id', (req, res) => {
  productPages.set(req.params.id, req.body);
  res.end();
});` }],
          line: 4,
        },
      ],
    },
    {
      name: 'NestJS: a Map assigned in the constructor of an @Injectable() service',
      code: `import { Controller, Get, Injectable, Param } from '@nestjs/common';
@Injectable()
export class PricesService {
  private readonly seen: Map<string, number>;
  constructor() {
    this.seen = new Map();
  }
  quote(sku: string) {
    this.seen.set(sku, Date.now());
    return this.seen.get(sku);
  }
}
@Controller('prices')
export class PricesController {
  constructor(private readonly prices: PricesService) {}
  @Get(':sku')
  find(@Param('sku') sku: string) {
    return this.prices.quote(sku);
  }
}`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import { Controller, Get, Injectable, Param } from '@nestjs/common';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
@Injectable()
export class PricesService {
  private readonly seen: Map<string, number>;
  constructor() {
    this.seen = new LruMap(500);
  }
  quote(sku: string) {
    this.seen.set(sku, Date.now());
    return this.seen.get(sku);
  }
}
@Controller('prices')
export class PricesController {
  constructor(private readonly prices: PricesService) {}
  @Get(':sku')
  find(@Param('sku') sku: string) {
    return this.prices.quote(sku);
  }
}` }],
          line: 6,
        },
      ],
    },
  ],
});

/** Cases that need the type checker: most import from tests/fixtures/typed/types.ts. */
const typedCases: { valid: ValidTestCase<Options>[]; invalid: InvalidTestCase<MessageIds, Options>[] } = {
  valid: [
    {
      name: 'typed: a bounded cache class imported from a typed module',
      code: `import { LRUCache } from 'lru-cache';
const app = createApp();
const cache = new LRUCache<string, number>({ max: 100 });
app.get('/u/:id', (req: { params: { id: string } }) => cache.set(req.params.id, 1));`,
    },
  ],
  invalid: [
    {
      name: 'typed: Express route with a typed Map',
      code: `import express from 'express';
import type { User } from './types';
const app = express();
const users = new Map<string, User>();
app.get('/u/:id', (req, res) => {
  users.set(req.params.id, { id: req.params.id, name: String(req.query.name) });
  res.end();
});`,
      errors: [
        {
          messageId: 'unboundedCollection',
          suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import type { User } from './types';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const users = new LruMap<string, User>(500);
app.get('/u/:id', (req, res) => {
  users.set(req.params.id, { id: req.params.id, name: String(req.query.name) });
  res.end();
});` }],
          line: 4,
        },
      ],
    },
    {
      name: 'typed: an imported async function memoized on a route',
      code: `import _ from 'lodash';
import { loadUser } from './types';
const app = createApp();
const getUser = _.memoize(loadUser);
app.get('/u/:id', (req: { params: { id: string } }) => getUser(req.params.id));`,
      output: null,
      errors: [
        {
          messageId: 'unboundedMemoizer',
          line: 4,
          column: 17,
          suggestions: [
            {
              messageId: 'boundChangesBehaviour',
              data: { max: '500', change: "memo-guard's memoize drops a rejected promise so the next call runs again, where lodash memoize keeps serving it" },
              output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
import { loadUser } from './types';
const app = createApp();
const getUser = memoize(loadUser, { max: 500, key: (first?: unknown) => first });
app.get('/u/:id', (req: { params: { id: string } }) => getUser(req.params.id));`,
            },
          ],
        },
      ],
    },
  ],
};

describe('with type information', () => {
  typedRuleTester.run(ruleId, rule, typedCases);
});

describeTypesFindMore(ruleId, rule, typedCases, 'same');

/**
 * A memoizing decorator in a Nest service, reached from a controller in another file: the files are
 * written to a scratch project, because the project analysis reads the controller from disk.
 */
describe("a key checked against the tables a handler factory was set up with", () => {
  // `init({ genomes })` builds the route's handler; a request names a genome and a ranking, and the
  // code throws unless both are in the tables the server was configured with: one entry per
  // configured ranking, however many requests come.
  const code = (checks: string, table = 'genomes'): string => `import express from 'express';
const app = express();
const fileCache = new Map();
function init({ genomes }) {
  return async (req, res) => {
    const q = req.body;
    await handleData(q, res, ${table});
  };
}
async function handleData(q, res, genomes) {
  const genome = genomes[q.genome];
  ${checks}
  const relPath = genome.rankings[q.key];
  ${checks.replace('genome)', 'relPath)')}
  const cacheKey = \`\${q.genome}|\${q.key}\`;
  if (!fileCache.has(cacheKey)) fileCache.set(cacheKey, await readText(relPath));
  res.send(fileCache.get(cacheKey));
}
app.post('/ranking', init({ genomes: loadGenomes() }));`;
  it('is quiet when each part of the key must be found in those tables first', () => {
    expect(lines(code("if (!genome) throw new Error('invalid genome');"))).toEqual([]);
  });
  it('reports it when nothing stops a name the tables do not hold (the map, line 3)', () => {
    expect(lines(code(''))).toEqual([3]);
  });
  it('reports it when the tables come from the request itself', () => {
    expect(lines(code("if (!genome) throw new Error('invalid genome');", 'req.body.genomes'))).toEqual([3]);
  });
});

describe('node-cache entries given a lifetime by every write', () => {
  // node-cache deletes expired entries on its own check period (every 600 s unless `checkperiod: 0`), so a
  // token store whose every `set` passes a ttl empties itself whatever the keys; `checkperiod: 0`, or one
  // `set` without a ttl (or with 0, node-cache's "forever"), leaves entries that no check removes.
  const code = (options: string, lastWrite: string): string => `import express from 'express';
import NodeCache from 'node-cache';
const tokens = new NodeCache(${options});
const app = express();
app.get('/tenants/:tenant/token', async (req, res) => {
  const key = \`token:\${req.params.tenant}\`;
  let token = tokens.get(key);
  if (!token) {
    const answer = await fetch(\`https://auth.example.com/\${req.params.tenant}\`).then((r) => r.json());
    token = answer.access_token;
    tokens.set(key, token, Number(answer.expires_in) - 60);
    ${lastWrite}
  }
  res.json({ token });
});
app.listen(3000);`;
  it('is quiet when every write gives a lifetime and the check period is on (default or a number)', () => {
    expect(lines(code('', ''))).toEqual([]);
    expect(lines(code('{ checkperiod: 60 }', 'tokens.set(`seen:${key}`, true, 3600);'))).toEqual([]);
  });
  it('reports the store (line 3) when the check period is off', () => {
    expect(lines(code('{ checkperiod: 0 }', ''))).toEqual([3]);
  });
  it('reports the store (line 3) when one write keeps its entry for good', () => {
    expect(lines(code('{ checkperiod: 60 }', 'tokens.set(`seen:${key}`, true);'))).toEqual([3]);
    expect(lines(code('', 'tokens.set(`seen:${key}`, true, 0);'))).toEqual([3]);
  });
});

describe('an array set by index on a handler path', () => {
  // An element set by an index holds one value per index: a table of 32 masks filled by a loop counter
  // stays 32 long however many requests come; an index from the request, or the array's own length
  // (a push), makes it grow.
  const code = (write: string): string => `import express from 'express';
const masks = [];
function morph(id) {
  if (masks.length === 0) {
    let bit = 2;
    for (let i = 0; i < 32; i++) {
      ${write}
      bit += bit;
    }
  }
  return masks[id];
}
const app = express();
app.get('/morph/:id', (req, res) => {
  res.json(morph(req.params.id));
});
app.listen(3000);`;
  it('is quiet when the index is a loop counter over a fixed range', () => {
    expect(lines(code('masks[i] = bit - 1;'))).toEqual([]);
  });
  it('reports the array (line 2) when the index comes from the request', () => {
    expect(lines(code('masks[id] = bit - 1;'))).toEqual([2]);
  });
  it('reports the array (line 2) when the index is its own length and the value the request', () => {
    expect(lines(code('masks[masks.length] = id;'))).toEqual([2]);
  });
});

describe('a key that is a constant sharing its name with a type', () => {
  // `export type Body = Static<typeof Body>; export const Body = Type.Object(…)`: the scope manager lists
  // the type first; the key is the module-level constant, one schema, not the request's body.
  const code = (schemaArg: string): string => `import express from 'express';
import { Type, type Static } from '@sinclair/typebox';
const compiled = new Map<object, (v: unknown) => boolean>();
function checkWith(schema: object, value: unknown): boolean {
  let check = compiled.get(schema);
  if (!check) {
    check = (v) => v !== undefined;
    compiled.set(schema, check);
  }
  return check(value);
}
export type Body = Static<typeof Body>;
export const Body = Type.Object({ event: Type.Unknown() });
const app = express();
app.post('/check', express.json(), (req, res) => {
  res.json(checkWith(${schemaArg}, req.body));
});
app.listen(3000);`;
  it('is quiet when the key is that constant', () => {
    expect(lines(code('Body'))).toEqual([]);
  });
  it('reports the map (line 3) when the key is the request body', () => {
    expect(lines(code('req.body'))).toEqual([3]);
  });
});

describe('a memoizing decorator reached from a handler in another file', () => {
  const service = `import { Injectable } from '@nestjs/common';
import { Memoize } from 'typescript-memoize';
@Injectable()
export class UsersService {
  @Memoize()
  async findOne(id: string) { return { id }; }
  @Memoize()
  async settings() { return {}; }
  @Memoize()
  async byEmail(email: string) { return { email }; }
  private readonly names = new Map<string, string>();
  private readonly seen = new Map<string, number>();
  displayName(id: string) {
    let name = this.names.get(id);
    if (name === undefined) this.names.set(id, (name = id.toUpperCase()));
    return name;
  }
  touch(id: string) { this.seen.set(id, Date.now()); }
}
`;
  const controller = `import { Controller, Get, Param } from '@nestjs/common';
import { UsersService } from './users.service';
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}
  @Get(':id')
  show(@Param('id') id: string) { this.users.touch(id); return this.users.findOne(id); }
  @Get('me/settings')
  mine() { return [this.users.settings(), this.users.byEmail('admin@example.com'), this.users.displayName('system')]; }
}
`;
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-decorator-'));
    mkdirSync(path.join(dir, 'src/users'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "api", "dependencies": { "@nestjs/common": "^10.0.0", "typescript-memoize": "^1.1.1" } }\n');
    writeFileSync(path.join(dir, 'src/users/users.service.ts'), service);
    writeFileSync(path.join(dir, 'src/users/users.controller.ts'), controller);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  // Called with a constant from the handler (`byEmail('admin@…')`, `displayName('system')`), a method's
  // cache stays one entry; keyed by the route parameter (`findOne(id)`, `touch(id)`), it grows.
  it('reports the caches keyed by the route parameter, with the handler that reaches them; not those of no argument or of a constant', () => {
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const messages = linter.verify(
      service,
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
        rules: { [`memo-guard/${ruleId}`]: 'error' },
      },
      path.join(dir, 'src/users/users.service.ts'),
    );
    expect(messages.map((m) => ({ line: m.line, column: m.column, messageId: m.messageId }))).toEqual([
      { line: 5, column: 3, messageId: 'unboundedDecorator' },
      { line: 12, column: 27, messageId: 'unboundedCollectionAcross' },
    ]);
    expect(messages[0]?.message).toContain('`findOne` runs on a request-handler path (reached from src/users/users.controller.ts:7)');
  });
});

describe('a cache wrapper whose removal method nothing calls', () => {
  // The generic cache services real Nest and Express apps write: `get`/`set`/`delete` over a Map.
  const service = `import { Injectable } from '@nestjs/common';
@Injectable()
export class CacheService {
  private cache: Map<string, unknown>;
  private readonly flags = new Map<string, boolean>();
  private readonly swept = new Map<string, number>();
  constructor() {
    this.cache = new Map<string, unknown>();
  }
  set(key: string, value: unknown) { this.cache.set(key, value); }
  get(key: string) { return this.cache.get(key) ?? null; }
  delete(key: string) { this.cache.delete(key); }
  flag(key: string) { this.flags.set(key, true); }
  unflag(key: string) { this.flags.delete(key); }
  seen(key: string) { this.swept.set(key, Date.now()); }
  onModuleDestroy() { this.swept.clear(); }
  private readonly scratch = new Map<string, number>();
  note(key: string) { this.scratch.set(key, 1); this.#forget(key); }
  #forget(key: string) { if (key.startsWith('tmp:')) this.scratch.delete(key); }
}
`;
  const controller = `import { Controller, Get, Param } from '@nestjs/common';
import { CacheService } from './cache.service';
@Controller('users')
export class UsersController {
  constructor(private readonly cache: CacheService) {}
  @Get(':id')
  show(@Param('id') id: string) {
    this.cache.set(\`user:\${id}\`, { id });
    this.cache.flag(id);
    this.cache.seen(id);
    this.cache.note(id);
    return this.cache.get(\`user:\${id}\`);
  }
  @Get(':id/refresh')
  refresh(@Param('id') id: string) { this.cache.unflag(id); }
}
`;
  const store = `const store = new Map();
export function get(key) { return store.get(key); }
export function set(key, value) { store.set(key, value); }
export function del(key) { store.delete(key); }
`;
  const routes = `import express from 'express';
import * as cache from './store.js';
export const router = express.Router();
router.get('/items/:id', (req, res) => {
  cache.set(req.params.id, Date.now());
  res.json(cache.get(req.params.id));
});
`;
  // The same module, but an admin route calls its `del`.
  const sessions = store.replace('const store', 'const sessionStore').replaceAll('store.', 'sessionStore.');
  const admin = `import express from 'express';
import { del, set } from './sessions.js';
export const admin = express.Router();
admin.post('/sessions/:id', (req, res) => { set(req.params.id, req.body); res.end(); });
admin.delete('/sessions/:id', (req, res) => { del(req.params.id); res.end(); });
`;
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-removal-api-'));
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "api", "dependencies": { "@nestjs/common": "^10.0.0", "express": "^4.0.0" } }\n');
    writeFileSync(path.join(dir, 'src/cache.service.ts'), service);
    writeFileSync(path.join(dir, 'src/users.controller.ts'), controller);
    writeFileSync(path.join(dir, 'src/store.js'), store);
    writeFileSync(path.join(dir, 'src/routes.js'), routes);
    writeFileSync(path.join(dir, 'src/sessions.js'), sessions);
    writeFileSync(path.join(dir, 'src/admin.js'), admin);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const lint = (file: string, code: string) => lintInDir(ruleId, rule, dir, file, code);

  // `delete` is never called: `cache` grows. `unflag` is called by a handler, a framework calls
  // `onModuleDestroy`, and `note` calls the private `#forget`: those removals run, so `flags`, `swept`
  // and `scratch` are not reported (as before).
  it('reports the Map whose only removal is a method nothing calls', () => {
    const messages = lint('src/cache.service.ts', service);
    expect(messages.map((m) => ({ line: m.line, column: m.column, messageId: m.messageId }))).toEqual([{ line: 8, column: 18, messageId: 'unboundedCollectionAcross' }]);
    expect(messages[0]?.message).toContain('`cache` is written on a request-handler path (reached from src/users.controller.ts:8)');
  });

  it('reports a module whose exported del() no importer calls, and not one whose del() another module calls', () => {
    expect(lint('src/store.js', store).map((m) => [m.line, m.column, m.messageId])).toEqual([[1, 15, 'unboundedCollectionAcross']]);
    expect(lint('src/sessions.js', sessions)).toEqual([]);
  });
});

describe('options schema', () => {
  it('accepts its documented option', () => {
    expect(lintWithRule(ruleId, rule, 'export {};', { ruleOptions: [{ max: 1 }] })).toHaveLength(0);
  });
  it('rejects max: 0', () => {
    expect(() => lintWithRule(ruleId, rule, 'export {};', { ruleOptions: [{ max: 0 }] })).toThrow(/no-unbounded-cache-in-handler[\s\S]*Value 0 should be >= 1/);
  });
  it('rejects a max that is not an integer', () => {
    expect(() => lintWithRule(ruleId, rule, 'export {};', { ruleOptions: [{ max: 1.5 }] })).toThrow(/no-unbounded-cache-in-handler[\s\S]*Value 1\.5 should be integer/);
  });
  it('rejects an unknown option and names it and the known one', () => {
    expect(() => lintWithRule(ruleId, rule, 'export {};', { ruleOptions: [{ maxSize: 100 }] })).toThrow(/Unexpected property "maxSize"\. Expected properties: "max"/);
  });
});

describe('a cache kept on globalThis so hot reloads reuse it', () => {
  // The Next.js singleton idiom (as for a Prisma client), applied to a cache; `options` is not made here.
  const code = `import express from 'express';
const app = express();
const globalForCache = globalThis as unknown as { ogCache?: Map<string, ArrayBuffer> };
const ogCache = globalForCache.ogCache ?? new Map<string, ArrayBuffer>();
if (process.env.NODE_ENV !== 'production') globalForCache.ogCache = ogCache;
const titles = (globalThis as any).__titles || ((globalThis as any).__titles = new Map());
const options = globalForCache.ogCache ?? loadOptions();
app.get('/og', async (req, res) => {
  const title = String(req.query.title);
  let img = ogCache.get(title);
  if (!img) ogCache.set(title, (img = await render(title)));
  titles.set(title, Date.now());
  options.set(title, 1);
  res.send(img);
});`;
  it('is reported like a module-level Map, at its declaration', () => {
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line, m.column, m.endColumn])).toEqual([
      ['unboundedCollection', 4, 17, 73],
      ['unboundedCollection', 6, 16, 90],
    ]);
    expect(messages[0]?.message).toMatch(/^`ogCache` is written on a request-handler path/);
  });
});

describe('a removal method that a subclass in another module calls', () => {
  const store = `import { Injectable } from '@nestjs/common';
@Injectable()
export class TokenStore {
  private readonly tokens = new Map<string, number>();
  remember(id: string) { this.tokens.set(id, Date.now()); }
  revoke(id: string) { this.tokens.delete(id); }
}
`;
  const controller = `import { Controller, Param, Post } from '@nestjs/common';
import { TokenStore } from './token.store';
@Controller('tokens')
export class TokensController {
  constructor(private readonly store: TokenStore) {}
  @Post(':id')
  issue(@Param('id') id: string) { this.store.remember(id); }
}
`;
  const subclass = `import { TokenStore } from './token.store';
export class ExpiringTokenStore extends TokenStore {
  expire(id: string) { this.revoke(id); }
}
`;
  let dir = '';
  const write = (withSubclass: boolean): string => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-subclass-'));
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'package.json'), '{ "name": "api", "dependencies": { "@nestjs/common": "^10.0.0" } }\n');
    writeFileSync(path.join(root, 'src/token.store.ts'), store);
    writeFileSync(path.join(root, 'src/tokens.controller.ts'), controller);
    if (withSubclass) writeFileSync(path.join(root, 'src/expiring.store.ts'), subclass);
    return root;
  };
  let withSubclass = '';
  beforeAll(() => {
    dir = write(false);
    withSubclass = write(true);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(withSubclass, { recursive: true, force: true });
  });
  const lint = (root: string) =>
    new Linter({ configType: 'flat', cwd: root }).verify(
      store,
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
        rules: { [`memo-guard/${ruleId}`]: 'error' },
      },
      path.join(root, 'src/token.store.ts'),
    );

  it('reports the Map while nothing calls revoke, and not once a subclass calls this.revoke', () => {
    expect(lint(dir).map((m) => [m.messageId, m.line, m.column])).toEqual([['unboundedCollectionAcross', 4, 29]]);
    expect(lint(withSubclass)).toEqual([]);
  });
});

describe('the authenticated user object itself as a key', () => {
  // `req.user` is a new object per request (deserialized by the auth middleware): an identity key
  // that never hits and adds an entry each time, unlike `req.user.id`.
  const code = `import express from 'express';
import memoize from 'lodash/memoize';
const app = express();
const permissionsOf = memoize((user) => user.roles.flatMap((r) => r.permissions));
const teamOf = memoize((id) => lookupTeam(id));
app.get('/me/permissions', (req, res) => res.json(permissionsOf(req.user)));
app.get('/me/team', (req, res) => res.json(teamOf(req.user.teamId)));`;
  it('is reported when the object is the key, not when one of its fields is', () => {
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line, m.column])).toEqual([['unboundedMemoizer', 4, 23]]);
  });
});

describe('ids and records an auth middleware put on the request', () => {
  // `req.teamId`, `req.workspace.stripeCustomerId`: resolved for the verified caller, one per existing
  // team or workspace. `req.query.team` is whatever the client sends; `req.workspace` itself a new object per request.
  const code = `import express from 'express';
const app = express();
const currencyByTeam = new Map();
const creditByCustomer = new Map();
const byQuery = new Map();
const byWorkspaceObject = new Map();
app.get('/report', (req, res) => {
  currencyByTeam.set(req.teamId, 'EUR');
  creditByCustomer.set(req.workspace.stripeCustomerId, 10);
  byQuery.set(req.query.team, 1);
  byWorkspaceObject.set(req.workspace, 1);
  res.end();
});`;
  it('reports the keys the client controls or that are fresh objects, not the verified ids', () => {
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([
      ['unboundedCollection', 5],
      ['unboundedCollection', 6],
    ]);
  });
});

describe('the verified caller read by destructuring the request', () => {
  // `const { user: { id: userId } } = req` is `req.user.id`; `const { teamId } = req` is `req.teamId`.
  // `const { user } = req` is the fresh object itself, and `{ query: { team } }` what the client sends.
  const code = `import express from 'express';
const app = express();
const sessionsByUser = new Map();
const currencyByTeam = new Map();
const byUserObject = new Map();
const byQuery = new Map();
app.delete('/session', (req, res) => {
  const {
    user: { id: userId },
  } = req;
  const { teamId } = req;
  const { user } = req;
  const { query: { team } } = req;
  sessionsByUser.set(userId, 1);
  currencyByTeam.set(teamId, 'EUR');
  byUserObject.set(user, 1);
  byQuery.set(team, 1);
  res.end();
});`;
  it('reports the fresh object and the client\'s value, not the verified ids (lines 5 and 6)', () => {
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([
      ['unboundedCollection', 5],
      ['unboundedCollection', 6],
    ]);
  });
});

describe('the verified caller a NestJS handler is given by a parameter decorator', () => {
  // \`@CurrentUser('id') userId\` and \`user.id\` of \`@CurrentUser() user\` name the account the guard
  // verified; \`@Param('id') id\` is what the client sends.
  const code = `import { Controller, Param, Post } from '@nestjs/common';
import { CurrentUser } from './current-user.decorator';
const byUserId = new Map<string, number>();
const byUserField = new Map<string, number>();
const byParam = new Map<string, number>();
@Controller('notifications')
export class NotificationsController {
  @Post('read/:id')
  markAsRead(@Param('id') id: string, @CurrentUser('id') userId: string, @CurrentUser() user: { id: string }) {
    byUserId.set(userId, Date.now());
    byUserField.set(user.id, Date.now());
    byParam.set(id, Date.now());
  }
}`;
  it('reports only the key from the route parameter (line 5)', () => {
    expect(lines(code)).toEqual([5]);
  });
});

describe("the verified caller's record a NestJS controller hands its service (`this.chat.send(user, body)`)", () => {
  // Set 58 (a furniture maker's AI chat): the service limits by `user.id` of the `@CurrentUser() user`
  // the controller passes on, one bucket per account. The same service handed the body (`@Body() body`)
  // is keyed by what the client sends (the map on line 2).
  const service = `import { Injectable } from '@nestjs/common';
const rateBuckets = new Map();
@Injectable()
export class ChatService {
  private assertRateLimit(userId) {
    const recent = (rateBuckets.get(userId) ?? []).filter((t) => Date.now() - t < 60000);
    recent.push(Date.now());
    rateBuckets.set(userId, recent);
  }
  async send(user, body) {
    this.assertRateLimit(user.id);
    return { text: body.text };
  }
}
`;
  const controller = (first: string): string => `import { Body, Controller, Post } from '@nestjs/common';
import { CurrentUser } from './current-user.decorator';
import { ChatService } from './chat.service';
@Controller('chat')
export class ChatController {
  constructor(private readonly chat: ChatService) {}
  @Post('messages')
  send(@CurrentUser() user, @Body() body) {
    return this.chat.send(${first}, body);
  }
}
`;
  const app = (first: string) => (): Record<string, string> => ({
    'package.json': '{ "name": "api", "private": true, "dependencies": { "@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0" } }\n',
    'src/chat.service.ts': service,
    'src/chat.controller.ts': controller(first),
    'src/app.module.ts': "import { Module } from '@nestjs/common';\nimport { ChatController } from './chat.controller';\nimport { ChatService } from './chat.service';\n@Module({ controllers: [ChatController], providers: [ChatService] })\nexport class AppModule {}\n",
    'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nconst app = await NestFactory.create(AppModule);\nawait app.listen(3000);\n",
  });
  const verified = projectOnDisk('nest-caller', app('user'));
  it("keyed by the id of the verified caller's record: quiet", () => {
    expect(lintInDir(ruleId, rule, verified.dir(), 'src/chat.service.ts', service)).toEqual([]);
  });
  const sent = projectOnDisk('nest-body', app('body'));
  it('keyed by the id of what the client sent: reported', () => {
    expect(reached(lintInDir(ruleId, rule, sent.dir(), 'src/chat.service.ts', service))).toEqual([[2, 'unboundedCollectionAcross', 'src/chat.controller.ts:9']]);
  });
});

describe('the slug of the tenant a middleware resolved', () => {
  // \`req.tenantSlug\` is set by the tenant middleware from the tenant row it found, as \`req.tenantId\` is;
  // \`req.query.tenant\` is whatever the client sends.
  const code = `import express from 'express';
const app = express();
const cancelFlags = new Map();
const byQuery = new Map();
app.post('/import/cancel', (req, res) => {
  cancelFlags.set(req.tenantSlug || 'default', true);
  byQuery.set(req.query.tenant, true);
  res.end();
});`;
  it('reports only the key the client sends (line 4)', () => {
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([['unboundedCollection', 4]]);
  });
});

describe('a field of the verified caller read through a local that holds the account', () => {
  // `const { user } = req` and `const user = req.user` hold the account the auth middleware set: its
  // \`id\` is \`req.user.id\`. A local holding the body (\`const { body } = req\`) is what the client sent.
  const code = `import express from 'express';
const app = express();
const byDestructured = new Map();
const byCopied = new Map();
const byBody = new Map();
app.post('/prefs', (req, res) => {
  const { user } = req;
  const account = req.user;
  const { body } = req;
  byDestructured.set(user.id, 1);
  byCopied.set(account.id, 1);
  byBody.set(body.id, 1);
  res.end();
});`;
  it('reports only the key from the body (line 5)', () => {
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([['unboundedCollection', 5]]);
  });
});

describe("an exported helper whose parameter is the key, called by this file's handler with the verified id", () => {
  // `setupDemoMode(userId)` is exported and called by the file's own handler with `req.user.id`:
  // the helper's parameter grows only through the calls that pass it one, here or in an importer.
  const translator = `const USER_TO_TRANSLATOR = new Map();
export async function getTranslator(userId) {
  if (!USER_TO_TRANSLATOR.has(userId)) USER_TO_TRANSLATOR.set(userId, await lookupLocale(userId));
  return USER_TO_TRANSLATOR.get(userId);
}
`;
  const demo = (key: string): string => `import { getTranslator } from './translator.js';
export async function setupDemoMode(userId) {
  return getTranslator(userId);
}
export async function enable(req, res) {
  res.status(201).json(await setupDemoMode(${key}));
}
`;
  const app = `import express from 'express';
import { enable } from './demo.js';
const app = express();
app.post('/demo', enable);
`;
  const other = `import express from 'express';
import { setupDemoMode } from './demo.js';
export const router = express.Router();
router.post('/setup', async (req, res) => res.json(await setupDemoMode(req.body.userId)));
`;
  const verified = expressProject(ruleId, rule, { 'translator.js': translator, 'demo.js': demo('req.user.id'), 'app.js': app });
  const fromQuery = expressProject(ruleId, rule, { 'translator.js': translator, 'demo.js': demo('req.query.user'), 'app.js': app });
  const importer = expressProject(ruleId, rule, { 'translator.js': translator, 'demo.js': demo('req.user.id'), 'app.js': app, 'other.js': other });
  it('is quiet when every call that reaches it passes the verified id', () => {
    expect(reached(verified.lint('translator.js'))).toEqual([]);
  });
  it("reports it from this file's call when the handler passes the query (demo line 3)", () => {
    expect(reached(fromQuery.lint('translator.js'))).toEqual([[1, 'unboundedCollectionAcross', 'src/demo.js:3']]);
  });
  it("reports it from an importer's handler that passes the body (other line 4)", () => {
    expect(reached(importer.lint('translator.js'))).toEqual([[1, 'unboundedCollectionAcross', 'src/other.js:4']]);
  });
});

describe('a keyed export called through a namespace import', () => {
  // Set 41 (dermatology-ehr): `import * as sales from './sales'` and `sales.quote(tenantId, req.body)`,
  // where `quote(tenantId, request)` writes the cache keyed by its first parameter only: the body in
  // the second argument adds no entry. The first argument from the query does (line 4 of store-routes.js).
  const sales = `const ready = new Set();
export async function ensure(tenantId) {
  if (!ready.has(tenantId)) ready.add(tenantId);
}
export async function quote(tenantId, request) {
  await ensure(tenantId);
  return request.items.length;
}
`;
  const route = (first: string): string => `import express from 'express';
import * as sales from './sales.js';
export const router = express.Router();
router.post('/quote', async (req, res) => res.json(await sales.quote(${first}, req.body)));
`;
  const app = `import express from 'express';
import { router } from './store-routes.js';
const app = express();
app.use('/store', router);
`;
  const verified = expressProject(ruleId, rule, { 'sales.js': sales, 'store-routes.js': route('req.user.tenantId'), 'app.js': app });
  const fromQuery = expressProject(ruleId, rule, { 'sales.js': sales, 'store-routes.js': route('req.query.tenant'), 'app.js': app });
  it('is quiet when only an argument that is not the key carries the request', () => {
    expect(reached(verified.lint('sales.js'))).toEqual([]);
  });
  it('reports it when the key argument does (store-routes line 4)', () => {
    expect(reached(fromQuery.lint('sales.js'))).toEqual([[1, 'unboundedCollectionAcross', 'src/store-routes.js:4']]);
  });
});

describe('a collection filled behind a run-once flag', () => {
  // `loadMapping()` runs on every request but fills the table once: it returns while the flag is set,
  // and the file only ever sets the flag to true. A flag something sets back (a reload) and the table
  // grows each time it is filled again.
  const code = (guard: string, reset = ''): string => `import express from 'express';
const app = express();
class StatusMapper {
  static mapping = [];
  static isLoaded = false;
  static load(rows) {
    ${guard}
    rows.forEach((row) => this.mapping.push(row));
    this.isLoaded = true;
  }
}
const byName = {};
let namesLoaded = false;
function loadNames(list) {
  if (!namesLoaded) {
    for (const name of list) byName[name] = true;
    namesLoaded = true;
  }
}
app.get('/status', (req, res) => {
  StatusMapper.load(req.body.rows);
  loadNames(req.body.names);
  ${reset}
  res.json(StatusMapper.mapping);
});`;
  it('is quiet for a function that returns while the flag is set, and for a block run while it is not', () => {
    expect(lines(code('if (this.isLoaded) return;'))).toEqual([]);
  });
  it('reports the table whose function has no such guard (line 4)', () => {
    expect(lines(code(''))).toEqual([4]);
  });
  it('reports a write in a listener the guarded function registers: it runs on every event (line 3)', () => {
    const listener = `import express from 'express';
const app = express();
const seen = [];
let listening = false;
function listen(socket) {
  if (listening) return;
  socket.on('message', (m) => seen.push(m));
  listening = true;
}
app.get('/listen', (req, res) => { listen(req.socket); res.end(); });`;
    expect(lines(listener)).toEqual([3]);
  });
  it('reports both when the route sets the flags back (lines 4 and 12)', () => {
    expect(lines(code('if (this.isLoaded) return;', 'StatusMapper.isLoaded = false; namesLoaded = false;'))).toEqual([4, 12]);
  });
});

describe('a removal method of a module-level instance, called in the same file', () => {
  const base = `import express from 'express';
const app = express();
class Store {
  constructor() { this.items = new Map(); }
  put(k) { this.items.set(k, 1); }
  drop(k) { this.items.delete(k); }
}
const store = new Store();
app.get('/x/:id', (req, res) => { store.put(req.params.id); res.end(); });
`;
  it('is reported while nothing calls drop', () => {
    expect(lintWithRule(ruleId, rule, base).map((m) => [m.messageId, m.line, m.column])).toEqual([['unboundedCollection', 4, 32]]);
  });
  it('is not reported once super.drop, this.store.drop or store.drop is called', () => {
    expect(lintWithRule(ruleId, rule, `${base}class Expiring extends Store { expire(k) { super.drop(k); } }\n`)).toEqual([]);
    expect(lintWithRule(ruleId, rule, `${base}class Admin { constructor(s) { this.store = s; } purge(k) { this.store.drop(k); } }\n`)).toEqual([]);
    expect(lintWithRule(ruleId, rule, `${base}setInterval(() => store.drop('x'), 1000);\n`)).toEqual([]);
  });
});

describe('uses of a memoizePromise helper on a request path', () => {
  // The helper's lodash cache never evicts: each use keyed by a route parameter grows; the call inside the helper is not a finding.
  const code = `import express from 'express';
import memoize from 'lodash/memoize';
const app = express();
${memoizePromiseHelper({ exported: false })}
const getUser = memoizePromise(async (id) => loadUser(id));
app.get('/u/:id', async (req, res) => res.json(await getUser(req.params.id)));`;
  it('is reported at the use, with the library it goes through', () => {
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['unboundedMemoizer', 15, 17]]);
    expect(messages[0]?.message).toMatch(/^lodash memoize \(through `memoizePromise`\) never evicts, and `getUser` runs on a request-handler path/);
  });
});

describe('a curried in-house memoizer', () => {
  // `memoizeBy(keyOf)` returns a memoizer: `byId` is one, and what it memoizes is judged like any memoizer's.
  const code = `import express from 'express';
const app = express();
const memoizeBy = (keyOf) => (fn) => {
  const cache = new Map();
  return (...args) => {
    const key = keyOf(...args);
    if (!cache.has(key)) cache.set(key, fn(...args));
    return cache.get(key);
  };
};
const byId = memoizeBy((id) => id);
const loadUser = byId((id) => lookupUser(id));
const loadPlan = byId(() => lookupPlan());
app.get('/u/:id', (req, res) => res.json({ user: loadUser(req.params.id), plan: loadPlan() }));`;
  it('reports the memoized function a handler fills, not the factory or a zero-argument one', () => {
    const messages = lintWithRule(ruleId, rule, code);
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['unboundedMemoizer', 12, 18]]);
    expect(messages[0]?.message).toMatch(/^`memoizeBy\(…\)` \(an in-house memoizer\) never evicts, and `loadUser` runs on a request-handler path/);
  });
});

describe('methods memoized in place by a constructor loop', () => {
  // `for (const m of [...]) this[m] = memoize(this[m].bind(this))`: one lodash cache per method of the
  // instance, which lives as long as the module when the instance is made at module level.
  const code = (make: string) => `import express from 'express';
import memoize from 'lodash/memoize';
const app = express();
class Repo {
  constructor() {
    for (const m of ['find', 'count']) this[m] = memoize(this[m].bind(this));
  }
  find(id) { return lookup(id); }
  count(kind) { return tally(kind); }
}
class Users {
  constructor() {
    ['byEmail'].forEach((m) => { this[m] = memoize(this[m]); });
  }
  byEmail(email) { return lookupEmail(email); }
}
${make}`;
  it('reports the loop when a handler calls one of its methods on a module-level instance', () => {
    const messages = lintWithRule(ruleId, rule, code(`const repo = new Repo();
const users = new Users();
app.get('/r/:id', (req, res) => res.json(repo.find(req.params.id)));
app.get('/u', (req, res) => res.json(users.byEmail(req.query.email)));`));
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ['unboundedMemoizer', 6, 50],
      ['unboundedMemoizer', 13, 44],
    ]);
    expect(messages[0]?.message).toContain('lodash memoize never evicts, and `find`, `count` runs on a request-handler path');
  });
  it('does not report an instance made per request', () => {
    expect(lintWithRule(ruleId, rule, code(`app.get('/r/:id', (req, res) => res.json(new Repo().find(req.params.id)));`))).toEqual([]);
  });
});

describe('a memoizer assigned in the constructor of a class made per request', () => {
  const code = (make: string) => `import express from 'express';
import memoize from 'lodash/memoize';
const app = express();
class Pricing {
  constructor() { this.quote = memoize(this.quote.bind(this)); }
  quote(sku) { return lookup(sku); }
}
${make}`;
  it('is reported for an instance made at module level, not for one made in the handler', () => {
    const shared = lintWithRule(ruleId, rule, code(`const pricing = new Pricing();\napp.get('/q/:sku', (req, res) => res.json(pricing.quote(req.params.sku)));`));
    expect(shared.map((m) => [m.messageId, m.line, m.column])).toEqual([['unboundedMemoizer', 5, 32]]);
    expect(lintWithRule(ruleId, rule, code(`app.get('/q/:sku', (req, res) => res.json(new Pricing().quote(req.params.sku)));`))).toEqual([]);
  });
  // Not instantiated in this file: it may be made once elsewhere, so it is judged as before.
  it('is reported for a class this file never instantiates', () => {
    const elsewhere = lintWithRule(ruleId, rule, code(`import { services } from './services';\napp.get('/q/:sku', (req, res) => res.json(services.pricing.quote(req.params.sku)));`));
    expect(elsewhere.map((m) => [m.messageId, m.line, m.column])).toEqual([['unboundedMemoizer', 5, 32]]);
  });
});

describe('a module-level Map in a CommonJS file', () => {
  // ESLint gives CommonJS files a function scope under the global one (Node's module wrapper):
  // the module's variables live there, not in the global scope.
  const code = `const express = require('express');
const app = express();
const seen = new Map();
app.get('/x/:id', (req, res) => { seen.set(req.params.id, Date.now()); res.end(); });`;
  it('is reported as in an ES module', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      code,
      {
        files: ['**/*.cjs'],
        languageOptions: { sourceType: 'commonjs', ecmaVersion: 'latest' },
        plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
        rules: { [`memo-guard/${ruleId}`]: 'error' },
      },
      'server.cjs',
    );
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['unboundedCollection', 3, 14]]);
  });
});

// Issue 17, Part 2: expiry checked only on read, named-key invalidation, keys traced through
// helpers (defaults, clamps, existence checks), and servers whose own cache fills from requests.
/**
 * A module-level \`new Map()\` named \`store\` in an Express app's \`code\`, reported at that \`new Map()\`
 * (its line and columns found in the code), with the suggestion that imports LruMap after the express
 * import and bounds the Map.
 */
function mapStoreInExpress(name: string, store: string, code: string): InvalidTestCase<MessageIds, Options> {
  const lines = code.split('\n');
  const declaration = `const ${store} = `;
  const index = lines.findIndex((line) => line.startsWith(`${declaration}new Map()`));
  const column = declaration.length + 1;
  const output = code.replace("import express from 'express';\n", "import express from 'express';\nimport { LruMap } from 'eslint-plugin-memo-guard/memoize';\n").replace(`${declaration}new Map()`, `${declaration}new LruMap(500)`);
  return {
    name,
    code,
    errors: [{ messageId: 'unboundedCollection', line: index + 1, column, endColumn: column + 'new Map()'.length, suggestions: [{ messageId: 'storeToLruMap', data: { name: store, max: '500' }, output }] }],
  };
}

/**
 * A module-level \`{}\` written in a Lambda-shaped \`handler\` with \`params\`, keyed by \`key\`: reported at
 * the \`{}\` (line 1, just after \`const NAME = \`), with the suggestion that turns it into an LruMap.
 */
function storeInLambda(name: string, store: string, params: string, key: string): InvalidTestCase<MessageIds, Options> {
  const code = (made: string, write: string): string => `const ${store} = ${made};
export const handler = async ${params} => {
  ${write};
  return process(event);
};`;
  const column = `const ${store} = `.length + 1;
  return {
    name,
    filename: 'billing/functions/queue.js',
    code: code('{}', `${store}[${key}] = Date.now()`),
    errors: [
      {
        messageId: 'unboundedCollection',
        line: 1,
        column,
        endColumn: column + 2,
        suggestions: [{ messageId: 'useLruMap', data: { name: store, max: '500' }, output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';\n${code('new LruMap(500)', `${store}.set(${key}, Date.now())`)}` }],
      },
    ],
  };
}

ruleTester.run(`${ruleId} (real-code shapes)`, rule, {
  valid: [
    {
      // Hono's `c.env` holds the deployment's bindings: one JWKS URL per configured issuer.
      name: "a key built from Hono's `c.env`",
      code: `import { Hono } from 'hono';
const jwks = new Map();
const app = new Hono();
app.get('/me', async (c) => {
  const url = \`\${c.env.AUTH_ISSUER}/jwks\`;
  if (!jwks.has(url)) jwks.set(url, await fetch(url).then((r) => r.json()));
  return c.json(jwks.get(url));
});
export default app;`,
    },
    {
      // A Worker's second parameter is its environment, not the request.
      name: "a key from a Worker's `env` parameter",
      code: `const clients = new Map();
export default {
  async fetch(request, env) {
    if (!clients.has(env.DB_URL)) clients.set(env.DB_URL, connect(env.DB_URL));
    return new Response(await clients.get(env.DB_URL).query(await request.text()));
  },
};`,
    },
    {
      // set 49 (op3): the helper destructures its options; the key is the field the Worker's env filled,
      // not the request's field beside it in the same literal.
      name: "a key from a Worker's `env` handed to a helper in an options literal beside request fields",
      code: `const hmacKeys = new Map();
export default {
  async fetch(request, env) {
    return sign({ url: request.url, secret: env.SIGNING_SECRET });
  },
};
async function sign({ url, secret }) {
  const key = hmacKeys.get(secret) ?? (await importKey(secret));
  hmacKeys.set(secret, key);
  return new Response(await hmac(key, url));
}`,
    },
    {
      // The same through a local destructured from the options parameter (`const { env } = opts`).
      name: "a key from a Worker's `env` destructured from an options parameter beside its context",
      code: `const hmacKeys = new Map();
export default {
  async fetch(request, env, ctx) {
    return route(request, { env, ctx });
  },
};
async function route(request, opts) {
  const { env } = opts;
  const { SIGNING_SECRET: secret } = env;
  const key = hmacKeys.get(secret) ?? (await importKey(secret));
  hmacKeys.set(secret, key);
  return new Response(await hmac(key, request.url));
}`,
    },
    {
      // Express's `req.app` is the application: its settings are the server's, not the client's.
      name: 'a key from `req.app.get(setting)`',
      code: `import express from 'express';
const app = express();
const templates = {};
app.get('/page', (req, res) => {
  const theme = req.app.get('theme');
  templates[theme] ??= compileTheme(theme);
  res.send(templates[theme]());
});`,
    },
    {
      // The write runs only once the id is known to exist: bounded by the accounts, not the requests.
      name: 'a write inside `if (await exists(key))`',
      code: `import express from 'express';
const app = express();
const codes = {};
app.post('/reset', async (req, res) => {
  const { account } = req.body;
  if (await accountExists(account)) {
    codes[account] = Math.random();
    res.end();
  }
});`,
    },
    {
      // `Math.min(Math.max(parseInt(x), 1), 90)`: one of 90 integers, however many requests.
      name: 'a key clamped to a range of integers in a helper',
      code: `import express from 'express';
const app = express();
const reports = new Map();
const toRange = (raw, lo, hi) => {
  const n = Number.parseInt(raw, 10);
  if (Number.isNaN(n)) return lo;
  return Math.max(lo, Math.min(n, hi));
};
app.get('/report', async (req, res) => {
  const span = toRange(req.query.span, 1, 90);
  if (!reports.has(span)) reports.set(span, await buildReport(span));
  res.json(reports.get(span));
});`,
    },
    {
      // Apollo Server 4 bounds its cache by default; a 3.x server told which cache to use is the user's choice.
      name: 'Apollo servers that choose their cache, or whose default is bounded',
      code: `import { ApolloServer } from '@apollo/server';
import { ApolloServer as Legacy } from 'apollo-server-express';
export const modern = new ApolloServer({ typeDefs, resolvers });
export const bounded = new Legacy({ typeDefs, resolvers, cache: 'bounded' });
export const noPersisted = new Legacy({ typeDefs, resolvers, persistedQueries: false });
export const configured = new Legacy(options);
export const spread = new Legacy({ ...options });`,
    },
    {
      // `res.locals` holds what the app's own middleware chose (here a locale it checked elsewhere):
      // the response parameter is not what the client sent.
      name: "a key read from Express's `res.locals`",
      code: `import express from 'express';
const app = express();
const menus = {};
app.use((req, res, next) => {
  const { locale } = res.locals;
  menus[res.locals.site.locale] ??= buildMenu(res.locals.site.locale);
  menus[locale] ??= buildMenu(locale);
  next();
});`,
    },
    {
      // A locale middleware (i18n, i18next-http-middleware, the app's own best match of
      // Accept-Language) picks one of the app's languages: a few entries, however many requests.
      name: 'a key from the locale a middleware chose (`req.locale`, `req.language`)',
      code: `import express from 'express';
const app = express();
const pages = {};
const menus = new Map();
app.get('*', (req, res) => {
  pages[req.locale] ??= renderNotFound(req.locale);
  if (!menus.has(req.language)) menus.set(req.language, buildMenu(req.language));
  res.status(404).send(pages[req.locale]);
});`,
    },
    {
      // `NETWORKS[network].provider` throws for a network the table does not have, before the write:
      // only configured networks get a client.
      name: 'a key looked up in a constant table and dereferenced before the write',
      code: `import express from 'express';
const NETWORKS = { mainnet: { provider: 'https://a' }, testnet: { provider: 'https://b' } };
const clients = {};
const app = express();
app.get('/:network/fee', async (req, res) => {
  const { network } = req.params;
  const config = NETWORKS[network];
  const provider = config.provider;
  clients[network] ??= connect(provider);
  res.json(await clients[network].fee());
});`,
    },
    {
      // The backend answers null for a community it does not know: only known ids are written.
      name: 'a write under a check that a field of the looked-up answer is there',
      code: `import express from 'express';
const configs = new Map();
const app = express();
app.get('/c/:communityId', async (req, res) => {
  const { communityId } = req.params;
  if (configs.has(communityId)) return res.json(configs.get(communityId));
  const response = await fetch(API_URL, { method: 'POST', body: JSON.stringify({ query: CONFIG_QUERY, variables: { communityId } }) });
  if (!response.ok) return res.sendStatus(502);
  const data = await response.json();
  const config = data?.data?.portalConfig;
  if (config) {
    configs.set(communityId, config);
  }
  res.json(config ?? null);
});`,
    },
    {
      name: "a write in the else branch of a lookup's status check",
      code: `import express from 'express';
const metaCache = new Map();
const app = express();
app.get('/detail/:id', async (req, res) => {
  const { id } = req.params;
  if (!metaCache.has(id)) {
    const response = await got.get({ url: \`data/detail/\${id}/meta\` });
    if (response.statusCode !== 200) {
      return res.status(response.statusCode).render('error');
    } else {
      metaCache.set(id, response.body.data);
    }
  }
  res.render('detail', metaCache.get(id));
});`,
    },
    {
      // \`cache.set\` is the facade's own method, handing the entry to a cache engine that expires it.
      name: 'an object given its own set method, called from a handler',
      code: `import express from 'express';
import engine from './engines/node-cache.js';
export const cache = {};
cache.set = function (key, data, options) { engine.set(key, data, options); };
cache.get = function (key, cb) { engine.get(key, cb); };
const app = express();
app.get('/oembed', (req, res) => {
  cache.set('url:' + req.query.url, render(req.query.url), { ttl: 3600 });
  res.end();
});`,
    },
    {
      // The Lambda runtime's context: the invoker sets \`clientContext\`, not the event's sender.
      name: "a client per region read from a Lambda's context",
      filename: 'billing/functions/queue.js',
      code: `const clients = {};
function sqsFor(region) {
  if (!clients[region]) clients[region] = new SQSClient({ region });
  return clients[region];
}
export const handler = async (event, context) => {
  const region = context?.clientContext?.Custom?.region ?? process.env.AWS_REGION;
  await sqsFor(region).send(makeMessage(event));
};`,
    },
    {
      // The file's middleware looked the account up and put its id on the request: one entry per account.
      name: "a key the file's middleware set on the request from an account it looked up",
      code: `import express from 'express';
const app = express();
const lastSeen = new Map();
app.use(async (req, res, next) => {
  const account = await db.accounts.findOne({ token: req.headers.authorization });
  if (!account) return res.sendStatus(401);
  req.accountRef = account.id;
  next();
});
app.get('/me', (req, res) => {
  lastSeen.set(req.accountRef, Date.now());
  res.end();
});`,
    },
    {
      name: "a socket.io connection keyed by the owner id the file's auth middleware set",
      code: `import { Server } from 'socket.io';
const CLIENTS = {};
export function connect(server) {
  const io = new Server(server);
  io.use(async (client, next) => {
    const owner = await findOwnerByToken(client.handshake.headers['x-user-token']);
    if (!owner) return next(new Error('authentication error'));
    client.ownerID = owner.id;
    next();
  });
  io.on('connection', (client) => {
    CLIENTS[client.ownerID] = client;
  });
}`,
    },
    ...['examples/basic/server.js', 'apps/demo/src/server.js'].map((filename) => ({
      // An example or demo project beside the product: nothing deploys it, so nothing it keeps outlives a demonstration.
      name: `an Express route caching by a query parameter in ${filename}`,
      filename,
      code: `import express from 'express';
const app = express();
const users = new Map();
app.get('/user', async (req, res) => {
  const id = req.query.id;
  if (!users.has(id)) users.set(id, await loadUser(id));
  res.json(users.get(id));
});
app.listen(3000);`,
    })),
    {
      name: 'an Apollo Server 3 in a test file',
      filename: 'src/__tests__/server.test.ts',
      code: `import { ApolloServer } from 'apollo-server';
const server = new ApolloServer({ typeDefs, resolvers });`,
    },
    {
      // The controller and handler a route runs: one entry per route, read in place or handed to a private method.
      name: 'a NestJS interceptor counting by controller and handler name',
      code: `import { Injectable, NestInterceptor, ExecutionContext, CallHandler } from '@nestjs/common';
import { tap } from 'rxjs/operators';
@Injectable()
export class TimingInterceptor implements NestInterceptor {
  private readonly counters = new Map<string, number>();
  private readonly slow = new Map<string, number>();
  intercept(context: ExecutionContext, next: CallHandler) {
    const key = \`\${context.getClass().name}.\${context.getHandler().name}\`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);
    const className = context.getClass().name;
    const methodName = context.getHandler().name;
    const start = Date.now();
    return next.handle().pipe(tap({ next: () => this.record(className, methodName, Date.now() - start) }));
  }
  private record(className: string, methodName: string, ms: number) {
    if (ms > 1000) this.slow.set(className + '.' + methodName, ms);
  }
}`,
    },
  ],
  invalid: [
    {
      // A private method's callers are all in sight: here one hands it the request's URL.
      name: 'a NestJS interceptor handing the request URL to a private method that keys on it',
      code: urlInterceptor,
      errors: [
        {
          messageId: 'unboundedCollection',
          line: 4, // `new Map<string, number>()`
          column: 27,
          endColumn: 52,
          suggestions: [{ messageId: 'storeToLruMap', output: bounded(urlInterceptor, 'slow') }],
        },
      ],
    },
    {
      // Read with `?.`, a missing network gives `undefined`, and the write goes ahead with any key.
      name: 'a key looked up in a constant table and read with optional chaining',
      code: `import express from 'express';
const NETWORKS = { mainnet: { provider: 'https://a' }, testnet: { provider: 'https://b' } };
const clients = {};
const app = express();
app.get('/:network/fee', async (req, res) => {
  const { network } = req.params;
  const config = NETWORKS[network];
  const provider = config?.provider ?? DEFAULT_PROVIDER;
  clients[network] ??= connect(provider);
  res.json(await clients[network].fee());
});`,
      errors: [{ messageId: 'unboundedCollection', line: 3, column: 17, endColumn: 19 }], // `clients`' `{}`
    },
    {
      // A method given to the object under another name leaves \`set\` as a write into the object.
      name: 'an object given its own get method, written with a keyed set call',
      code: `import express from 'express';
export const cache = {};
cache.get = function (key) { return cache[key]; };
const app = express();
app.get('/p', (req, res) => {
  cache[req.query.url] = render(req.query.url);
  res.send(cache.get(req.query.url));
});`,
      errors: [{ messageId: 'unboundedCollection', line: 2, column: 22, endColumn: 24 }], // \`{}\`
    },
    // The invocation's own id differs on every call, context or not.
    storeInLambda("a store keyed by the Lambda context's request id", 'started', '(event, context)', 'context.awsRequestId'),
    // \`context\` as the first parameter is a request context (Koa, a GraphQL resolver's), not a Lambda's.
    storeInLambda('a store keyed by a field of a context that is not a Lambda one', 'seen', '(context, event)', 'context.clientContext'),
    // The middleware copies what the client sent: the field is request data, whoever set it.
    mapStoreInExpress('a key a middleware copied from the query onto the request', 'pages', `import express from 'express';
const app = express();
const pages = new Map();
app.use((req, res, next) => {
  req.pageLang = req.query.lang;
  next();
});
app.get('/home', (req, res) => {
  pages.set(req.pageLang, render(req.pageLang));
  res.send(pages.get(req.pageLang));
});`),
    // A search answers 200 for any question: its success does not bound the keys.
    mapStoreInExpress('a write after a search whose status is checked', 'results', `import express from 'express';
const results = new Map();
const app = express();
app.get('/find', async (req, res) => {
  const q = req.query.q;
  const response = await fetch(\`https://api.example/items?q=\${q}\`);
  if (!response.ok) return res.sendStatus(502);
  const body = await response.json();
  results.set(q, body.items);
  res.json(results.get(q));
});`),
    // The answer itself is there whatever was found (a response, a parsed body): only a field or a status says found.
    mapStoreInExpress('a write under a check of the parsed body itself', 'pages', `import express from 'express';
const pages = new Map();
const app = express();
app.get('/p/:slug', async (req, res) => {
  const { slug } = req.params;
  const response = await fetch(\`https://cms.example/pages/\${slug}\`);
  const page = await response.json();
  if (page) pages.set(slug, page);
  res.json(pages.get(slug));
});`),
    {
      // The locale the client sends in the query is not one a middleware chose.
      name: 'a key from the query named locale',
      code: `import express from 'express';
const app = express();
const pages = {};
app.get('*', (req, res) => {
  pages[req.query.locale] ??= renderNotFound(req.query.locale);
  res.status(404).send(pages[req.query.locale]);
});`,
      errors: [{ messageId: 'unboundedCollection', line: 3, column: 15, endColumn: 17 }], // `pages`' `{}`
    },
    {
      // The same middleware keyed by the query: the client picks the key; and by a `res.locals` field
      // looked up with a key from the request (`res.locals.sites[req.query.site]`): not a plain field.
      name: 'a key from the query beside `res.locals`, and a `res.locals` lookup by a query key',
      code: `import express from 'express';
const app = express();
const menus = {};
const sites = {};
app.use((req, res, next) => {
  menus[req.query.locale] ??= buildMenu(res.locals.site.locale);
  sites[res.locals.sites[req.query.site]] ??= buildSite(req.query.site);
  next();
});`,
      errors: [
        { messageId: 'unboundedCollection', line: 3, column: 15, endColumn: 17 }, // \`menus\`' \`{}\`
        { messageId: 'unboundedCollection', line: 4, column: 15, endColumn: 17 }, // \`sites\`' \`{}\`
      ],
    },
    {
      // The same Hono handler keyed by what the client sends: a new entry per distinct issuer.
      name: 'a key from the Hono request, beside `c.env`',
      code: `import { Hono } from 'hono';
const jwks = new Map();
const app = new Hono();
app.get('/me', async (c) => {
  const url = \`\${c.env.AUTH_BASE}/\${c.req.query('issuer')}/jwks\`;
  if (!jwks.has(url)) jwks.set(url, await fetch(url).then((r) => r.json()));
  return c.json(jwks.get(url));
});
export default app;`,
      output: `import { Hono } from 'hono';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const jwks = new LruMap(500);
const app = new Hono();
app.get('/me', async (c) => {
  const url = \`\${c.env.AUTH_BASE}/\${c.req.query('issuer')}/jwks\`;
  if (!jwks.has(url)) jwks.set(url, await fetch(url).then((r) => r.json()));
  return c.json(jwks.get(url));
});
export default app;`,
      errors: [{ messageId: 'unboundedCollection', line: 2, column: 14, endColumn: 23 }], // the `new Map()`
    },
    {
      // The Worker's request, not its env, picks the key.
      name: "a key from a Worker's request beside its `env`",
      code: `const clients = new Map();
export default {
  async fetch(request, env) {
    const url = new URL(request.url).searchParams.get('db') ?? env.DB_URL;
    if (!clients.has(url)) clients.set(url, connect(url));
    return new Response(await clients.get(url).query(await request.text()));
  },
};`,
      output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const clients = new LruMap(500);
export default {
  async fetch(request, env) {
    const url = new URL(request.url).searchParams.get('db') ?? env.DB_URL;
    if (!clients.has(url)) clients.set(url, connect(url));
    return new Response(await clients.get(url).query(await request.text()));
  },
};`,
      errors: [{ messageId: 'unboundedCollection', line: 1, column: 17, endColumn: 26 }], // the `new Map()`
    },
    {
      // The request's field of the same options literal picks the key.
      name: "a key from the request's field of an options literal beside a Worker's `env`",
      code: `const signatures = new Map();
export default {
  async fetch(request, env) {
    return sign({ url: request.url, secret: env.SIGNING_SECRET });
  },
};
async function sign({ url, secret }) {
  if (!signatures.has(url)) signatures.set(url, await hmac(secret, url));
  return new Response(signatures.get(url));
}`,
      output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const signatures = new LruMap(500);
export default {
  async fetch(request, env) {
    return sign({ url: request.url, secret: env.SIGNING_SECRET });
  },
};
async function sign({ url, secret }) {
  if (!signatures.has(url)) signatures.set(url, await hmac(secret, url));
  return new Response(signatures.get(url));
}`,
      errors: [{ messageId: 'unboundedCollection', line: 1, column: 20, endColumn: 29 }], // the `new Map()`
    },
    {
      // The request's field, destructured from the options parameter, picks the key.
      name: "a key from the request's field destructured from an options parameter beside a Worker's `env`",
      code: `const pages = new Map();
export default {
  async fetch(request, env) {
    return route({ env, url: request.url });
  },
};
async function route(opts) {
  const { url } = opts;
  if (!pages.has(url)) pages.set(url, await render(url));
  return new Response(pages.get(url));
}`,
      output: `import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const pages = new LruMap(500);
export default {
  async fetch(request, env) {
    return route({ env, url: request.url });
  },
};
async function route(opts) {
  const { url } = opts;
  if (!pages.has(url)) pages.set(url, await render(url));
  return new Response(pages.get(url));
}`,
      errors: [{ messageId: 'unboundedCollection', line: 1, column: 15, endColumn: 24 }], // the `new Map()`
    },
    {
      // A clock compared on read and the same key deleted there: a key never read again stays.
      name: 'an expiry checked only when the same key is read again',
      code: `import express from 'express';
const app = express();
const pages = new Map();
function cached(url) {
  const hit = pages.get(url);
  if (hit && hit.until < Date.now()) {
    pages.delete(url);
    return undefined;
  }
  return hit?.body;
}
app.get('*', async (req, res) => {
  const body = cached(req.originalUrl) ?? (await render(req.originalUrl));
  pages.set(req.originalUrl, { body, until: Date.now() + 60000 });
  res.send(body);
});`,
      errors: [{ messageId: 'unboundedCollection', line: 3, suggestions: [{ messageId: 'storeToLruMap', output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const pages = new LruMap(500);
function cached(url) {
  const hit = pages.get(url);
  if (hit && hit.until < Date.now()) {
    pages.delete(url);
    return undefined;
  }
  return hit?.body;
}
app.get('*', async (req, res) => {
  const body = cached(req.originalUrl) ?? (await render(req.originalUrl));
  pages.set(req.originalUrl, { body, until: Date.now() + 60000 });
  res.send(body);
});` }] }],
    },
    {
      // Invalidating one named key never removes the keys requests add.
      name: 'an invalidation of one named key',
      code: `import express from 'express';
const app = express();
const answers = {};
app.get('/answer', async (req, res) => {
  answers[req.query.q] = await ask(req.query.q);
  res.json(answers[req.query.q]);
});
app.post('/admin/flush-home', (req, res) => {
  delete answers['home'];
  res.end();
});`,
      errors: [{ messageId: 'unboundedCollection', line: 3 }],
    },
    {
      name: 'an Apollo Server 3 built with its default cache',
      code: `import { ApolloServer } from 'apollo-server-express';
import express from 'express';
const app = express();
const server = new ApolloServer({
  typeDefs,
  resolvers,
});
await server.start();
server.applyMiddleware({ app });`,
      errors: [
        {
          messageId: 'unboundedServerCache',
          line: 4,
          suggestions: [
            {
              messageId: 'boundServerCache',
              output: `import { ApolloServer } from 'apollo-server-express';
import express from 'express';
const app = express();
const server = new ApolloServer({
  typeDefs,
  resolvers, cache: 'bounded',
});
await server.start();
server.applyMiddleware({ app });`,
            },
          ],
        },
      ],
    },
    {
      // Each element of an array from the body is a new key: iterating it does not bound it.
      name: 'keys taken from the elements of an array in the request body',
      code: `import { NextResponse } from 'next/server';
const statuses = new Map<string, { at: number }>();
export async function POST(request: Request) {
  const { links } = (await request.json()) as { links: string[] };
  await Promise.all(links.map(async (link) => {
    if (!statuses.has(link)) statuses.set(link, { at: Date.now() });
  }));
  return NextResponse.json({ ok: true });
}`,
      filename: 'app/api/status/route.ts',
      errors: [{ messageId: 'unboundedCollection', line: 2, suggestions: [{ messageId: 'storeToLruMap', output: `import { NextResponse } from 'next/server';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const statuses = new LruMap<string, { at: number }>(500);
export async function POST(request: Request) {
  const { links } = (await request.json()) as { links: string[] };
  await Promise.all(links.map(async (link) => {
    if (!statuses.has(link)) statuses.set(link, { at: Date.now() });
  }));
  return NextResponse.json({ ok: true });
}` }] }],
    },
    {
      // Get-or-compute whose value is the key's own methods: a cache, bounded by the autofix.
      name: 'a Map filled with a value computed by methods of the key',
      code: `import express from 'express';
const app = express();
const slugs = new Map();
app.get('/slug', (req, res) => {
  const title = String(req.query.title);
  let slug = slugs.get(title);
  if (slug === undefined) {
    slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    slugs.set(title, slug);
  }
  res.send(slug);
});`,
      output: `import express from 'express';
import { LruMap } from 'eslint-plugin-memo-guard/memoize';
const app = express();
const slugs = new LruMap(500);
app.get('/slug', (req, res) => {
  const title = String(req.query.title);
  let slug = slugs.get(title);
  if (slug === undefined) {
    slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    slugs.set(title, slug);
  }
  res.send(slug);
});`,
      errors: [{ messageId: 'unboundedCollection', line: 3 }],
    },
    {
      name: 'an Apollo Server 2/3 required through a namespace',
      code: `const apollo = require('apollo-server-micro');
module.exports = new apollo.ApolloServer({ schema }).createHandler({ path: '/api/graphql' });`,
      languageOptions: commonjs,
      errors: [{ messageId: 'unboundedServerCache', line: 2, suggestions: [{ messageId: 'boundServerCache', output: `const apollo = require('apollo-server-micro');
module.exports = new apollo.ApolloServer({ schema, cache: 'bounded' }).createHandler({ path: '/api/graphql' });` }] }],
    },
  ],
});

describe('a facade object given its own set method, written from routes in other files', () => {
  // \`cache.set\` hands the entry to a cache engine that expires it; the object holds only its methods and the engine's client.
  const facade = (extra: string): string => `import engine from './node-cache.js';
export const cache = {};
cache.set = function (key, data, options) { engine.set(key, data, options); };
cache.get = function (key, cb) { engine.get(key, cb); };
${extra}`;
  const routes = (extra: string): string => `import express from 'express';
import { cache } from './cache.js';
export const app = express();
app.get('/oembed', (req, res) => {
  cache.set('url:' + req.query.url, render(req.query.url), { ttl: 3600 });${extra}
  res.end();
});
`;
  const own = expressProject(ruleId, rule, { 'cache.js': facade(''), 'routes.js': routes('') });
  // The object was not given an \`add\`: \`cache.add(k)\` from the route is a write into it.
  const added = expressProject(ruleId, rule, { 'cache.js': facade(''), 'routes.js': routes('\n  cache.add(req.query.url);') });
  it("is quiet: the route calls the object's own method", () => {
    expect(reached(own.lint('cache.js'))).toEqual([]);
  });
  it('still follows a write method the object was not given', () => {
    // Reported at the \`{}\` (line 2), reached from the \`cache.add\` call (line 6 of routes.js).
    expect(reached(added.lint('cache.js'))).toEqual([[2, 'unboundedCollectionAcross', 'src/routes.js:6']]);
  });
});

describe('helpers of a cache module, called from routes in other files', () => {
  // A get/set pair over a Map whose expiry is compared only on read (`store.delete(k)` when the same
  // key is read late), and a clear() that only a CLI start-up calls: nothing bounds the Map.
  const ttl = `const store = new Map();
export function getCache(key) {
  const entry = store.get(key);
  if (!entry) return null;
  if (Date.now() > entry.expires) {
    store.delete(key);
    return null;
  }
  return entry.value;
}
export function setCache(key, value, ttl) {
  store.set(key, { value, expires: Date.now() + ttl });
}
export function clearCache() { store.clear(); }
`;
  // The same module with a sweep: expired entries go whatever is read.
  const swept = `${ttl.replaceAll('store', 'sweptStore')}
setInterval(() => {
  for (const [key, entry] of sweptStore) if (Date.now() > entry.expires) sweptStore.delete(key);
}, 60000);
`;
  const start = `import { clearCache } from './ttl.js';
import { app } from './routes.js';
if (process.argv.includes('--fresh')) clearCache();
app.listen(3000);
`;
  const routes = `import express from 'express';
import { getCache, setCache } from './ttl.js';
import * as swept from './swept.js';
import { lookup } from './quotes.js';
export const app = express();
app.get('/search', async (req, res) => {
  const key = \`search:\${req.query.q}\`;
  const hit = getCache(key);
  if (hit) return res.json(hit);
  const found = await search(req.query.q);
  setCache(key, found, 30000);
  swept.setCache(key, found, 30000);
  res.json(found);
});
app.get('/quote', async (req, res) => res.json(await lookup(req.query.symbol)));
`;
  // Two hops: the route passes the symbol to a helper, which keys the cache by it.
  const quotes = `import { getCache, setCache } from './ttl2.js';
export async function lookup(symbol) {
  const hit = getCache(\`quote:\${symbol}\`);
  if (hit) return hit;
  const quote = await fetchQuote(symbol);
  setCache(\`quote:\${symbol}\`, quote, 5000);
  return quote;
}
`;
  // A limiter table keyed by the limit each caller passes as a literal, through a parameter with a
  // default; and a bucket map keyed through a guard that every caller gives a constant.
  const limits = `const limiters = new Map();
const buckets = new Map();
export function limiterFor(identifier, limit = 10) {
  let limiter = limiters.get(limit);
  if (!limiter) {
    limiter = makeLimiter(limit);
    limiters.set(limit, limiter);
  }
  return limiter.check(identifier);
}
function allow(key, max) {
  const bucket = buckets.get(key) ?? { tokens: max };
  bucket.tokens -= 1;
  buckets.set(key, bucket);
  return bucket.tokens >= 0;
}
export function guard(key, max = 60) {
  return allow(key, max);
}
`;
  const limited = `import express from 'express';
import { guard, limiterFor } from './limits.js';
export const api = express.Router();
api.post('/login', (req, res) => {
  if (!limiterFor(req.ip, 5) || !guard('api:login')) return res.status(429).end();
  res.end();
});
api.post('/signup', (req, res) => {
  if (!limiterFor(req.ip, 3) || !guard('api:signup', 10)) return res.status(429).end();
  res.end();
});
`;
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-ttl-helpers-'));
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "api", "type": "module", "dependencies": { "express": "^4.0.0" } }\n');
    writeFileSync(path.join(dir, 'src/ttl.js'), ttl);
    writeFileSync(path.join(dir, 'src/ttl2.js'), ttl);
    writeFileSync(path.join(dir, 'src/swept.js'), swept);
    writeFileSync(path.join(dir, 'src/start.js'), start);
    writeFileSync(path.join(dir, 'src/routes.js'), routes);
    writeFileSync(path.join(dir, 'src/quotes.js'), quotes);
    writeFileSync(path.join(dir, 'src/limits.js'), limits);
    writeFileSync(path.join(dir, 'src/limited.js'), limited);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const lint = (file: string, code: string) =>
    new Linter({ configType: 'flat', cwd: dir }).verify(
      code,
      {
        files: ['**/*.js'],
        languageOptions: { parser: tseslint.parser },
        plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
        rules: { [`memo-guard/${ruleId}`]: 'error' },
      },
      path.join(dir, file),
    );

  it('reports the Map whose expiry is checked only on read, with the route that writes it', () => {
    const messages = lint('src/ttl.js', ttl);
    expect(messages.map((m) => [m.line, m.column, m.messageId])).toEqual([[1, 15, 'unboundedCollectionAcross']]);
    expect(messages[0]?.message).toContain('(reached from src/routes.js:11)');
  });

  it('follows the key through a helper in a third file', () => {
    const messages = lint('src/ttl2.js', ttl);
    expect(messages.map((m) => [m.line, m.messageId])).toEqual([[1, 'unboundedCollectionAcross']]);
    expect(messages[0]?.message).toContain('(reached from src/routes.js:15)');
  });

  it('does not report the same module when a timer sweeps expired entries', () => {
    expect(lint('src/swept.js', swept)).toEqual([]);
  });

  it('does not report maps keyed by what every caller passes as a constant', () => {
    expect(lint('src/limits.js', limits)).toEqual([]);
  });
});

describe('a QueryClient made once per module in a server-rendered app', () => {
  const provider = `'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
const queryClient = new QueryClient();
export function Providers({ children }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
`;
  const shared = `import { QueryClient } from '@tanstack/react-query';
export const appQueryClient = makeClient();
function makeClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}
`;
  // The app renders both providers: a library module nothing imports renders nothing.
  const app = `import { QueryClientProvider } from '@tanstack/react-query';
import { appQueryClient } from '../lib/query';
import { Providers } from '../lib/providers';
export default function App({ Component, pageProps }) {
  return <Providers><QueryClientProvider client={appQueryClient}><Component {...pageProps} /></QueryClientProvider></Providers>;
}
`;
  // The per-render idiom: one client per component instance.
  const perRender = `'use client';
import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
export function Providers({ children }) {
  const [client] = useState(() => new QueryClient());
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
`;
  const dirs: string[] = [];
  // A page that loads its data on the server for each request.
  const serverPage = `export default function Item({ item }) { return <p>{item.name}</p>; }
export async function getServerSideProps({ params }) { return { props: { item: await load(params.id) } }; }
`;
  const staticPage = `export default function About() { return <p>About</p>; }\n`;
  // What fills the client while a page renders: a query hook in a component.
  const queryComponent = `import { useQuery } from '@tanstack/react-query';
export function Price({ id }) {
  const { data } = useQuery({ queryKey: ['price', id], queryFn: () => fetchPrice(id) });
  return <span>{data}</span>;
}
`;
  // Only mutations: they run when the browser calls \`mutate\`, never while a page renders.
  const mutationComponent = `import { useMutation } from '@tanstack/react-query';
export function Save({ id }) {
  const { mutate } = useMutation({ mutationFn: () => save(id) });
  return <button onClick={() => mutate()}>Save</button>;
}
`;
  const project = (deps: string, pages: Record<string, string> = { 'pages/item/[id].tsx': serverPage }, components: Record<string, string> = { 'lib/price.tsx': queryComponent }): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-query-client-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'lib'), { recursive: true });
    mkdirSync(path.join(dir, 'pages'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), `{ "name": "web", "dependencies": { ${deps} } }\n`);
    writeFileSync(path.join(dir, 'lib/providers.tsx'), provider);
    writeFileSync(path.join(dir, 'lib/query.ts'), shared);
    writeFileSync(path.join(dir, 'lib/per-render.tsx'), perRender);
    writeFileSync(path.join(dir, 'pages/_app.tsx'), app);
    for (const [file, code] of Object.entries({ ...pages, ...components })) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), code);
    }
    return dir;
  };
  let next = '';
  let mutationsOnly = '';
  let noQueries = '';
  let spa = '';
  let prerendered = '';
  let appRouter = '';
  let routesOnly = '';
  beforeAll(() => {
    const deps = '"next": "^14.0.0", "@tanstack/react-query": "^5.0.0"';
    next = project(deps);
    mutationsOnly = project(deps, undefined, { 'lib/save.tsx': mutationComponent });
    noQueries = project(deps, undefined, {});
    spa = project('"vite": "^5.0.0", "@tanstack/react-query": "^5.0.0"');
    // An error page loading its status code makes no other page render per request.
    prerendered = project(deps, { 'pages/about.tsx': staticPage, 'pages/_error.tsx': `${staticPage}About.getInitialProps = ({ res }) => ({ statusCode: res?.statusCode });\n` });
    appRouter = project(deps, { 'pages/about.tsx': staticPage, 'app/dashboard/page.tsx': staticPage });
    // Route handlers in app/ render no page: the pages are still rendered at build time.
    routesOnly = project(deps, { 'pages/about.tsx': staticPage, 'app/api/frames/route.ts': 'export async function GET() { return Response.json({ ok: true }); }\n' });
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const lint = (root: string, file: string, code: string) =>
    new Linter({ configType: 'flat', cwd: root }).verify(
      code,
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
        rules: { [`memo-guard/${ruleId}`]: 'error' },
      },
      path.join(root, file),
    );

  it('reports a module-level client handed to its provider here or in an importer', () => {
    expect(lint(next, 'lib/providers.tsx', provider).map((m) => [m.line, m.messageId])).toEqual([[3, 'sharedRenderCache']]);
    const across = lint(next, 'lib/query.ts', shared);
    expect(across.map((m) => [m.line, m.messageId])).toEqual([[2, 'sharedRenderCache']]);
    expect(across[0]?.message).toContain('(in pages/_app.tsx)');
  });

  it('does not report a client its app never fills while rendering: only mutations, or no query at all', () => {
    expect(lint(mutationsOnly, 'lib/providers.tsx', provider)).toEqual([]);
    expect(lint(mutationsOnly, 'lib/query.ts', shared)).toEqual([]);
    expect(lint(noQueries, 'lib/providers.tsx', provider)).toEqual([]);
  });

  it('does not report a provider in a library folder that no file imports; does once a page imports it', () => {
    const unused = project('"next": "^14.0.0", "@tanstack/react-query": "^5.0.0"', undefined, { 'lib/price.tsx': queryComponent, 'components/QueryProvider.tsx': provider });
    expect(lint(unused, 'components/QueryProvider.tsx', provider)).toEqual([]);
    const used = project('"next": "^14.0.0", "@tanstack/react-query": "^5.0.0"', { 'pages/item/[id].tsx': `import { Providers } from '../../components/QueryProvider';\n${serverPage}` }, { 'lib/price.tsx': queryComponent, 'components/QueryProvider.tsx': provider });
    expect(lint(used, 'components/QueryProvider.tsx', provider).map((m) => [m.line, m.messageId])).toEqual([[3, 'sharedRenderCache']]);
  });

  it('does not report a client made per render, nor one in an app that does not render on the server', () => {
    expect(lint(next, 'lib/per-render.tsx', perRender)).toEqual([]);
    expect(lint(spa, 'lib/providers.tsx', provider)).toEqual([]);
    expect(lint(spa, 'lib/query.ts', shared)).toEqual([]);
  });

  it('does not report a client in a package with no Next.js pages, routes or config (a browser app beside a Next.js one); does when a next.config says an app is there', () => {
    const monorepo = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-query-client-'));
    dirs.push(monorepo);
    writeFileSync(path.join(monorepo, 'package.json'), '{ "name": "mono", "dependencies": { "next": "^14.0.0", "@tanstack/react-query": "^5.0.0" } }\n');
    for (const app of ['console', 'web']) {
      mkdirSync(path.join(monorepo, 'apps', app, 'src'), { recursive: true });
      writeFileSync(path.join(monorepo, 'apps', app, 'src/providers.tsx'), provider);
      writeFileSync(path.join(monorepo, 'apps', app, 'src/price.tsx'), queryComponent);
    }
    writeFileSync(path.join(monorepo, 'apps/web/next.config.js'), 'module.exports = {};\n');
    expect(lint(monorepo, 'apps/console/src/providers.tsx', provider)).toEqual([]);
    expect(lint(monorepo, 'apps/web/src/providers.tsx', provider).map((m) => [m.line, m.messageId])).toEqual([[3, 'sharedRenderCache']]);
  });

  it('does not report a client whose queries are collected on the server after a finite time: given one, or react-query 3 by default', () => {
    const withGc = (gc: string): string => provider.replace('new QueryClient()', `new QueryClient({ defaultOptions: { queries: { gcTime: ${gc} } } })`);
    expect(lint(next, 'lib/providers.tsx', withGc('30 * 60 * 1000'))).toEqual([]);
    expect(lint(next, 'lib/providers.tsx', withGc('Infinity')).map((m) => [m.line, m.messageId])).toEqual([[3, 'sharedRenderCache']]);
    const v3 = project('"next": "^12.0.0", "react-query": "^3.39.0"');
    const legacy = provider.replace("'@tanstack/react-query'", "'react-query'");
    expect(lint(v3, 'lib/providers.tsx', legacy)).toEqual([]);
    // TanStack Query 4 and 5 keep queries forever on the server.
    const v4 = project('"next": "^13.0.0", "@tanstack/react-query": "^4.29.0"');
    expect(lint(v4, 'lib/providers.tsx', provider).map((m) => [m.line, m.messageId])).toEqual([[3, 'sharedRenderCache']]);
  });

  it('does not report a client in a Pages Router app whose pages are all rendered at build time; does once an App Router tree renders per request', () => {
    expect(lint(prerendered, 'lib/providers.tsx', provider)).toEqual([]);
    expect(lint(prerendered, 'lib/query.ts', shared)).toEqual([]);
    expect(lint(appRouter, 'lib/providers.tsx', provider).map((m) => [m.line, m.messageId])).toEqual([[3, 'sharedRenderCache']]);
  });

  it('does not report a client in a prerendered Pages Router app whose App Router tree holds only route handlers', () => {
    expect(lint(routesOnly, 'lib/providers.tsx', provider)).toEqual([]);
    expect(lint(routesOnly, 'lib/query.ts', shared)).toEqual([]);
  });

  // set 52 (antiwork/helper): the widget page renders `<div />` until a message from the parent window
  // sets its token and config in an effect; a server renders the page with both still null, so it never
  // reaches the provider. A provider after a guard on state the render itself may set, or on a prop, is
  // rendered on the server.
  const gated = (guard: string, setters = 'useEffect(() => { window.addEventListener(\'message\', (e) => { setToken(e.data.token); setConfig(e.data.config); }); }, []);'): string => `'use client';
import { useEffect, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
const queryClient = new QueryClient();
export default function Page({ ready }) {
  const [token, setToken] = useState(null);
  const [config, setConfig] = useState<{ title: string } | null>(null);
  const [mounted, setMounted] = useState(false);
  ${setters}
  ${guard}
  return <QueryClientProvider client={queryClient}><p>{config?.title}</p></QueryClientProvider>;
}
`;
  it('does not report a client whose provider a server render never reaches: state only effects and handlers set, or no window', () => {
    expect(lint(next, 'lib/providers.tsx', gated('if (!config || !token) return <div />;'))).toEqual([]);
    expect(lint(next, 'lib/providers.tsx', gated('if (!mounted) return null;', 'useEffect(() => setMounted(true), []);'))).toEqual([]);
    expect(lint(next, 'lib/providers.tsx', gated("if (typeof window === 'undefined') return null;"))).toEqual([]);
  });
  it('reports it (line 4) after a guard on a prop, on state the render sets, or one that does not return', () => {
    expect(lint(next, 'lib/providers.tsx', gated('if (!ready) return <div />;')).map((m) => [m.line, m.messageId])).toEqual([[4, 'sharedRenderCache']]);
    expect(lint(next, 'lib/providers.tsx', gated('if (!token) return <div />;', "if (!token) setToken('t');")).map((m) => [m.line, m.messageId])).toEqual([[4, 'sharedRenderCache']]);
    expect(lint(next, 'lib/providers.tsx', gated('if (!token) console.log(token);')).map((m) => [m.line, m.messageId])).toEqual([[4, 'sharedRenderCache']]);
  });
  it('does not report a shared client whose importer hands it to a provider only past such a guard', () => {
    const dir = project('"next": "^14.0.0", "@tanstack/react-query": "^5.0.0"');
    writeFileSync(
      path.join(dir, 'pages/_app.tsx'),
      `import { useEffect, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { appQueryClient } from '../lib/query';
export default function App({ Component, pageProps }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => { setMounted(true); }, []);
  if (!mounted) return null;
  return <QueryClientProvider client={appQueryClient}><Component {...pageProps} /></QueryClientProvider>;
}
`,
    );
    expect(lint(dir, 'lib/query.ts', shared)).toEqual([]);
  });

  // set 47 (docs.plus admin dashboard): everything inside the provider is a guard made by `dynamic(…,
  // { ssr: false })`, and beside it a package's `<Toaster />`; a server renders only the guard's
  // fallback, so no query runs there. With the page rendered outside the guard, or the guard loaded
  // on the server too, queries run on the server and stay.
  const guarded = (inside: string, ssr = 'false'): string => `import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { Toaster } from 'react-hot-toast';
const queryClient = new QueryClient();
const AuthGuard = dynamic(() => import('../components/AuthGuard'), { ssr: ${ssr}, loading: () => <span /> });
export default function App({ Component, pageProps }) {
  return (
    <QueryClientProvider client={queryClient}>
      ${inside}
    </QueryClientProvider>
  );
}
`;
  const inGuard = '<AuthGuard><Component {...pageProps} /></AuthGuard>\n      <Toaster position="bottom-right" />';
  it('does not report a client whose provider holds only components a server does not render', () => {
    expect(lint(next, 'pages/_app.tsx', guarded(inGuard))).toEqual([]);
  });
  it('reports it (line 4) when the page renders outside the guard, or the guard renders on the server', () => {
    expect(lint(next, 'pages/_app.tsx', guarded(`${inGuard}\n      <Component {...pageProps} />`)).map((m) => [m.line, m.messageId])).toEqual([[4, 'sharedRenderCache']]);
    expect(lint(next, 'pages/_app.tsx', guarded(inGuard, 'true')).map((m) => [m.line, m.messageId])).toEqual([[4, 'sharedRenderCache']]);
  });
});

describe(`${ruleId}: collections a factory fills while it runs`, () => {
  // An exported factory filling its sets from its argument, and one whose returned function writes.
  const labeller = `export function createPathLabeller(declaredPaths) {
  const exact = new Set();
  const prefixes = new Set();
  for (const path of declaredPaths) exact.add(path);
  declaredPaths.forEach((path) => prefixes.add(path.split('/')[1]));
  return (url) => (exact.has(url) ? url : prefixes.has(url.split('/')[1]) ? 'prefix' : 'unknown');
}
export function createRecorder() {
  const seen = new Set();
  return (url) => { seen.add(url); return seen.size; };
}
`;
  const routes = `import express from 'express';
import { createPathLabeller, createRecorder } from './labeller.js';
const label = createPathLabeller(['/sign-in', '/sign-up']);
const record = createRecorder();
export const router = express.Router();
router.get('/*', (req, res) => res.json({ label: label(req.path), seen: record(req.path) }));
`;
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'memo-guard-filled-once-'));
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "api", "dependencies": { "express": "^4.0.0" } }\n');
    writeFileSync(path.join(dir, 'src/labeller.js'), labeller);
    writeFileSync(path.join(dir, 'src/routes.js'), routes);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const lint = (file: string, code: string) =>
    new Linter({ configType: 'flat', cwd: dir }).verify(
      code,
      {
        files: ['**/*.js'],
        languageOptions: { parser: tseslint.parser },
        plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
        rules: { [`memo-guard/${ruleId}`]: 'error' },
      },
      path.join(dir, file),
    );

  it('reports the set the returned function fills per request, not the sets filled while the factory runs', () => {
    expect(lint('src/labeller.js', labeller).map((m) => [m.line, m.column, m.messageId])).toEqual([[9, 16, 'unboundedCollectionAcross']]);
  });
});

describe('keys that come from a fixed set, across files', () => {
  // A logger table keyed by the name each module passes once, at load time; the module keeps the
  // logger, whose methods do not write the table. Beside it, a factory whose product writes its table.
  const logging = `const loggers = new Map();
export function get(name) {
  let logger = loggers.get(name);
  if (!logger) {
    logger = { info: (msg) => console.log(name, msg) };
    loggers.set(name, logger);
  }
  return logger;
}
export const getLogger = get;
`;
  const limiter = `export function createLimiter() {
  const hits = new Map();
  return { check(key) { hits.set(key, (hits.get(key) ?? 0) + 1); return hits.get(key) < 100; } };
}
`;
  // A registry keyed through a method of a module-level instance; the route passes a literal name,
  // directly or through a barrel that renames it. The copy in registry2.js is keyed by the request.
  const registry = `class Registry {
  values = {};
  getSync(name, initial) {
    this.values[name] = this.values[name] ?? { initial };
    return this.values[name].initial;
  }
}
const registry = new Registry();
export function getValueSync(name, initial) {
  return registry.getSync(name, initial);
}
`;
  // An encoder table keyed by what a constant table maps the request's model to: at most its values.
  const encoders = `const MODEL_TO_ENCODING = { 'gpt-4o': 'o200k_base', 'gpt-4': 'cl100k_base' };
const encoders = new Map();
export function encoderFor(model) {
  const name = MODEL_TO_ENCODING[model] || 'cl100k_base';
  if (!encoders.has(name)) encoders.set(name, { name });
  return encoders.get(name);
}
`;
  // The same table, but a route adds to it: a lookup in it is whatever the clients wrote.
  const learned = encoders.replaceAll('encoders', 'learned').replace('export function', 'export function learn(model, encoding) { MODEL_TO_ENCODING[model] = encoding; }\nexport function');
  const routes = `import express from 'express';
import { getLogger } from './logging.js';
import { createLimiter } from './limiter.js';
import { getValueSync } from './registry.js';
import { getValueSync as byRequest } from './registry2.js';
import { readValue } from './values.js';
import { encoderFor } from './encoders.js';
import { encoderFor as learnedFor, learn } from './learned.js';
const log = getLogger('routes');
const limiter = createLimiter();
export const app = express();
app.post('/order', (req, res) => {
  log.info(req.body.id);
  if (!limiter.check(req.ip)) return res.status(429).end();
  const amount = getValueSync('finalAmount', req.body.amount) + readValue('tax', 0);
  res.json({ amount, other: byRequest(req.query.name, 1), enc: encoderFor(req.body.model), learned: learnedFor(req.body.model) });
});
app.post('/learn', (req, res) => res.json(learn(req.body.model, req.body.encoding)));
`;
  const project = expressProject(ruleId, rule, {
    'logging.js': logging,
    'limiter.js': limiter,
    'registry.js': registry,
    'registry2.js': registry,
    'registry3.js': registry,
    'values.js': `export { getValueSync as readValue } from './registry3.js';\n`,
    'encoders.js': encoders,
    'learned.js': learned,
    'routes.js': routes,
  });
  const lint = (file: string, code?: string): ReturnType<typeof reached> => reached(project.lint(file, code));

  it('does not report a table keyed by a name passed once at load time, whose result the route keeps', () => {
    expect(lint('logging.js', logging)).toEqual([]);
  });
  it('reports the table a factory\'s product fills per request (route line 14)', () => {
    expect(lint('limiter.js', limiter)).toEqual([[2, 'unboundedCollectionAcross', 'src/routes.js:14']]);
  });
  it('follows the key through a method of a module-level instance: quiet for a literal, reported for the request\'s (route line 16)', () => {
    expect(lint('registry.js', registry)).toEqual([]);
    expect(lint('registry2.js', registry)).toEqual([[2, 'unboundedCollectionAcross', 'src/routes.js:16']]);
  });
  it('keeps which argument is the key through a renaming re-export', () => {
    expect(lint('registry3.js', registry)).toEqual([]);
  });
  it('does not report a key looked up in a constant table, and reports it once a route writes the table (line 16)', () => {
    expect(lint('encoders.js', encoders)).toEqual([]);
    expect(lint('learned.js', learned)).toEqual([[2, 'unboundedCollectionAcross', 'src/routes.js:16']]);
  });
});

describe('a key built from several parameters, across files', () => {
  // The key is made of an options object's fields (through a local const) or of two parameters: the
  // callers' arguments decide, every one of them.
  const flags = `const flagStore = new Map();
export async function cachedFlag(opts, ttl = 30000) {
  const cacheKey = \`\${opts.key}:\${JSON.stringify(opts.defaultValue)}\`;
  const hit = flagStore.get(cacheKey);
  if (hit && hit.expiresAt > Date.now()) return hit.value;
  const value = await readFlag(opts.key);
  flagStore.set(cacheKey, { value, expiresAt: Date.now() + ttl });
  return value;
}
`;
  const pairs = `const pairStore = new Map();
export function pair(a, b) {
  const key = a + ':' + b.toLowerCase();
  if (!pairStore.has(key)) pairStore.set(key, [a, b]);
  return pairStore.get(key);
}
`;
  const routes = `import express from 'express';
import { cachedFlag } from './flags.js';
import { cachedFlag as flagByRequest } from './flags2.js';
import { pair } from './pairs.js';
export const app = express();
app.get('/', async (req, res) => {
  const theme = await cachedFlag({ key: 'hasThemeSwitcher', defaultValue: false });
  const other = await flagByRequest({ key: req.query.flag, defaultValue: false });
  res.json({ theme, other, p: pair('fixed', req.query.b) });
});
`;
  const { quiet, reported, lint } = twinModules(ruleId, rule, 'flags', flags, { 'pairs.js': pairs, 'routes.js': routes });

  it('does not report a store keyed by fields of an options object every caller writes out', () => {
    expect(quiet()).toEqual([]);
  });
  it('reports the same store when a caller takes a field from the request (route line 8)', () => {
    expect(reported()).toEqual([[1, 'unboundedCollectionAcross', 'src/routes.js:8']]);
  });
  it('reports a key of two parameters when one of them comes from the request (route line 9)', () => {
    expect(lint('pairs.js', pairs)).toEqual([[1, 'unboundedCollectionAcross', 'src/routes.js:9']]);
  });
});

describe('a key made by the path module from a parameter, across files', () => {
  // The store is keyed by `path.resolve(appPath)`; a helper in another module hands on its own first
  // parameter through `path.resolve` and a `join` imported by name, and its other parameter is the
  // request's. Which argument is the key survives both: a route passing a fixed folder adds nothing.
  const hooks = `import path from 'node:path';
import fs from 'node:fs';
const hookStore = new Map();
export function discover(appPath) {
  const resolved = path.resolve(appPath);
  if (!hookStore.has(resolved)) hookStore.set(resolved, fs.readdirSync(resolved));
  return hookStore.get(resolved);
}
`;
  const views = `import path, { join } from 'node:path';
import { discover } from './hooks.js';
import { discover as discoverAgain } from './hooks2.js';
export function viewFile(appPath, viewPath) {
  const roots = discover(path.resolve(appPath)).map((hook) => join(hook, 'views'));
  return roots.find((root) => root.endsWith(viewPath));
}
export function viewFileAgain(appPath, viewPath) {
  return discoverAgain(join(appPath, 'views')).find((hook) => hook === viewPath);
}
`;
  const routes = `import express from 'express';
import { viewFile, viewFileAgain } from './views.js';
export const app = express();
app.get('/view/:name', (req, res) => {
  res.send(viewFile(process.cwd(), req.params.name));
});
app.get('/theme/:name', (req, res) => {
  res.send(viewFileAgain(req.params.name, 'index'));
});
`;
  const { quiet, reported } = twinModules(ruleId, rule, 'hooks', hooks, { 'views.js': views, 'routes.js': routes });

  it('does not report a store keyed through path.resolve when every route passes a fixed folder', () => {
    expect(quiet()).toEqual([]);
  });
  it('reports the same store when a route passes a request parameter as the folder (route line 8)', () => {
    expect(reported()).toEqual([[3, 'unboundedCollectionAcross', 'src/routes.js:8']]);
  });
});

describe('callers that key the cache by a constant of their own, across files', () => {
  // createScheduledJob takes request data but keys the queue table by a literal; the analytics module
  // takes its queue once, at load time, through the default-exported object, and only uses the queue.
  const queues = `const queues = {};
function getQueue(name) {
  if (!queues[name]) queues[name] = { name, add: (job) => job };
  return queues[name];
}
export async function createScheduledJob(kind, data) {
  return getQueue('scheduled-jobs').add({ kind, data });
}
export default { getQueue, createScheduledJob };
`;
  const analytics = `import Queues from './queues.js';
const events = Queues.getQueue('analytics-events');
export function record(event) { events.add(event); }
`;
  const routes = `import express from 'express';
import { createScheduledJob } from './queues.js';
import { record } from './analytics.js';
import Queues2 from './queues2.js';
export const app = express();
app.post('/invite', (req, res) => {
  createScheduledJob(req.body.kind, req.body);
  record(req.body.event);
  res.end();
});
app.get('/queue', (req, res) => res.json(Queues2.getQueue(req.query.q).name));
`;
  const { quiet, reported } = twinModules(ruleId, rule, 'queues', queues, { 'analytics.js': analytics, 'routes.js': routes });

  it('does not report a table every request path reaches with a literal key', () => {
    expect(quiet()).toEqual([]);
  });
  it('reports the same table once a route passes a query parameter (line 11)', () => {
    expect(reported()).toEqual([[1, 'unboundedCollectionAcross', 'src/routes.js:11']]);
  });
});

describe('a key made of several parameters, each given a constant by the routes', () => {
  // One limiter per (window, limit) pair: checkLimit hands getLimiter its window in milliseconds and
  // its limit; the caller's identity goes to the limiter, never into the key.
  const limits = `const limiters = new Map();
function getLimiter(windowMs, limit) {
  const key = \`\${windowMs}:\${limit}\`;
  if (!limiters.has(key)) limiters.set(key, { windowMs, limit, hits: new Set() });
  return limiters.get(key);
}
export function checkLimit(identifier, category, limit, windowSeconds) {
  const limiter = getLimiter(windowSeconds * 1000, limit);
  return limiter.limit > 0 && Boolean(identifier) && Boolean(category);
}
`;
  const routes = `import express from 'express';
import { checkLimit } from './limits.js';
import { checkLimit as checkAgain } from './limits2.js';
export const app = express();
app.get('/general', (req, res) => res.json(checkLimit(req.ip, 'general', 120, 60)));
app.get('/ai', (req, res) => res.json(checkLimit(req.get('x-user'), req.query.kind, 20, 60)));
app.get('/custom', (req, res) => res.json(checkAgain(req.ip, 'custom', Number(req.query.max), 60)));
`;
  const { quiet, reported } = twinModules(ruleId, rule, 'limits', limits, { 'routes.js': routes });

  it('does not report a table whose key parameters every route passes as constants, whatever the other arguments', () => {
    expect(quiet()).toEqual([]);
  });
  it('judges the same key in one file by the routes of that file', () => {
    const inOneFile = (limit: string): number[] =>
      lines(`import express from 'express';
const limiters = new Map();
export function getLimiter(windowMs, limit) {
  const key = \`\${windowMs}:\${limit}\`;
  if (!limiters.has(key)) limiters.set(key, { windowMs, limit });
  return limiters.get(key);
}
export const app = express();
app.get('/a', (req, res) => res.json(getLimiter(60 * 1000, ${limit}).limit + req.ip));
`);
    expect(inOneFile('120')).toEqual([]);
    // The map is declared on line 2.
    expect(inOneFile('Number(req.query.max)')).toEqual([2]);
  });
  it('reports the same table once a route passes a query parameter as one of them (route line 7)', () => {
    expect(reported()).toEqual([[1, 'unboundedCollectionAcross', 'src/routes.js:7']]);
  });
});

describe("a key made of each rule a route's options give, or of a tier's rules from a constant table", () => {
  // withRateLimit walks the route's own rules (`overrides.ip`) or the tier's (`TIER_DEFAULTS[tier].ip`),
  // one limiter per route and rule; the caller's address goes to the limiter, never into the key.
  const limits = `const TIER_DEFAULTS = {
  read: { ip: [{ tokens: 100, window: '60 s' }] },
  paid: { ip: [{ tokens: 10, window: '60 s' }] },
};
const limiters = new Map();
function getLimiter(routeKey, rule) {
  const key = \`\${routeKey}:\${rule.tokens}:\${rule.window}\`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = { rule, hits: new Map() };
    limiters.set(key, limiter);
  }
  return limiter;
}
export function withRateLimit(req, tier, routeKey, overrides) {
  const ipRules = overrides?.ip ?? TIER_DEFAULTS[tier].ip;
  for (const rule of ipRules) {
    const limiter = getLimiter(routeKey, rule);
    if ((limiter.hits.get(req.ip) ?? 0) >= rule.tokens) return false;
  }
  return true;
}
`;
  const routes = `import express from 'express';
import { withRateLimit } from './limits.js';
import { withRateLimit as limitAgain } from './limits2.js';
export const app = express();
app.get('/shot', (req, res) => res.json(withRateLimit(req, 'paid', 'shot', { ip: [{ tokens: 30, window: '60 s' }] })));
app.get('/list', (req, res) => res.json(withRateLimit(req, req.query.tier, 'list')));
app.get('/custom', (req, res) => res.json(limitAgain(req, 'read', 'custom', { ip: [{ tokens: Number(req.query.max), window: '60 s' }] })));
`;
  const { quiet, reported } = twinModules(ruleId, rule, 'limits', limits, { 'routes.js': routes });

  it('does not report limiters keyed by literal route names and rules, whatever tier the request names', () => {
    expect(quiet()).toEqual([]);
  });
  it("reports the same table (declared on line 5) once a route's rule takes a query parameter (route line 7)", () => {
    expect(reported()).toEqual([[5, 'unboundedCollectionAcross', 'src/routes.js:7']]);
  });
});

describe("a key from an options field a route leaves out, else a module constant (`input.timeZone ?? REPORT_TIME_ZONE`)", () => {
  // One formatter per time zone: the zone is the options' field or the operator's, never the request's
  // time or settings the same options carry.
  const schedule = `import { REPORT_TIME_ZONE } from './contracts.js';
const formatters = new Map();
function parts(instant, timeZone) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone });
    formatters.set(timeZone, formatter);
  }
  return formatter.formatToParts(new Date(instant));
}
export function localDayKey(instant, timeZone = REPORT_TIME_ZONE) {
  return parts(instant, timeZone).map((p) => p.value).join('');
}
export function runDue(input) {
  const timeZone = input.timeZone ?? REPORT_TIME_ZONE;
  return input.settings.enabled && localDayKey(input.now, timeZone) !== input.lastDay;
}
`;
  const routes = `import express from 'express';
import { runDue } from './schedule.js';
import { runDue as runDueAgain } from './schedule2.js';
export const app = express();
app.post('/reports', (req, res) => res.json(runDue({ now: Date.now(), settings: req.body.settings, lastDay: req.body.lastDay })));
app.post('/reports/zoned', (req, res) => res.json(runDueAgain({ now: Date.now(), settings: req.body.settings, timeZone: req.body.zone })));
`;
  const { quiet, reported } = twinModules(ruleId, rule, 'schedule', schedule, { 'routes.js': routes, 'contracts.js': "export const REPORT_TIME_ZONE = 'Europe/Kyiv';\n" });

  it("does not report formatters keyed by the operator's zone, whatever else the options carry", () => {
    expect(quiet()).toEqual([]);
  });
  it('reports the same table (line 2) once a route passes the zone from the request (route line 6)', () => {
    expect(reported()).toEqual([[2, 'unboundedCollectionAcross', 'src/routes.js:6']]);
  });
});

describe('a key an access check was given before the write (`if (!(await requireTournamentAccess(req, res, orgId, id))) return`)', () => {
  // The check looks the tournament up in the organisation and answers false (after a 404) when it is not there:
  // past it, the id names a tournament that exists. The map is on line 3.
  const route = (guard: string): string => `import express from 'express';
import { requireTournamentAccess, logAccess } from './permissions';
const overlayStates = new Map();
const app = express();
app.get('/orgs/:orgId/tournaments/:id/overlay', async (req, res) => {
  const orgId = Number(req.params.orgId);
  const id = Number(req.params.id);
  ${guard}
  if (!overlayStates.has(id)) overlayStates.set(id, { active: false });
  res.json(overlayStates.get(id));
});
`;
  const cases: [string, number[]][] = [
    ['if (!(await requireTournamentAccess(req, res, orgId, id))) return;', []],
    ['if (!await requireTournamentAccess(req, res, orgId, id)) { { return; } }', []],
    // The check is given the organisation only: the tournament id is still the client's.
    ['if (!(await requireTournamentAccess(req, res, orgId))) return;', [3]],
    // A call by another name checks nothing; nor does one whose failure does not leave.
    ['if (!(await logAccess(req, res, orgId, id))) return;', [3]],
    ["if (!(await requireTournamentAccess(req, res, orgId, id))) console.warn('denied');", [3]],
  ];
  for (const [guard, expected] of cases) {
    it(`${guard}: ${expected.length > 0 ? 'reported' : 'quiet'}`, () => {
      expect(lintWithRule(ruleId, rule, route(guard)).map((m) => m.line)).toEqual(expected);
    });
  }
});

describe("a key of the verified caller's id and a server id found among the caller's stored rows (`servers.find((s) => s.id === serverId)`), checked present", () => {
  // The admin's servers come from the store; a serverId none of them has gets a 404 before the write.
  // The user id beside it is the verified caller's, and needs no check of its own. The map is on line 2.
  const route = (find: string, guard: string, key = '`${userId}-${serverId}`'): string => `import express from 'express';
const sessions = new Map();
const app = express();
app.post('/terminal', async (req, res) => {
  const userId = req.user.id;
  const { serverId } = req.body;
  const servers = await storage.getAllServers(userId);
  ${find}
  ${guard}
  const sessionKey = ${key};
  sessions.set(sessionKey, '~');
  res.json({});
});
`;
  const find = 'const server = servers.find((s) => s.id === serverId);';
  const cases: [string, string, string, string | undefined, number[]][] = [
    ['found, then checked', find, 'if (!server) { return res.status(404).end(); }', undefined, []],
    ['found, checked, and only the server id in the key', find, 'if (!server) return res.status(404).end();', 'String(serverId)', []],
    ['found but not checked', find, '// no check', undefined, [2]],
    // A match on another field leaves the key the client's.
    ['matched on another value', 'const server = servers.find((s) => s.ownerId === userId);', 'if (!server) return res.status(404).end();', undefined, [2]],
    // A part the request gives beside the checked one still grows.
    ["checked, with the client's path in the key", find, 'if (!server) return res.status(404).end();', '`${serverId}:${req.body.path}`', [2]],
  ];
  for (const [name, findLine, guard, key, expected] of cases) {
    it(`${name}: ${expected.length > 0 ? 'reported' : 'quiet'}`, () => {
      expect(lintWithRule(ruleId, rule, route(findLine, guard, key)).map((m) => m.line)).toEqual(expected);
    });
  }
});

describe("a predicate named for a guess at the key's form (`isLikelyPhone`), past which the key is any such string", () => {
  // `isSupportedRegion` names a check against a known set; `isLikelyPhone` only counts digits. The map is on line 2.
  const route = (guard: string): string => `import express from 'express';
const names = new Map();
const app = express();
app.get('/lookup', async (req, res) => {
  const phone = String(req.query.phone ?? '');
  ${guard}
  if (!names.has(phone)) names.set(phone, await findName(phone));
  res.json({ name: names.get(phone) });
});
`;
  const cases: [string, number[]][] = [
    ['if (!isSupportedRegion(phone)) return res.status(400).end();', []],
    ['if (!isLikelyPhone(phone)) return res.status(400).end();', [2]],
    ['if (!looksLikePhone(phone)) return res.status(400).end();', [2]],
  ];
  for (const [guard, expected] of cases) {
    it(`${guard}: ${expected.length > 0 ? 'reported' : 'quiet'}`, () => {
      expect(lintWithRule(ruleId, rule, route(guard)).map((m) => m.line)).toEqual(expected);
    });
  }
});

describe('a key written by a function nested in the one whose parameter it is', () => {
  // The write runs in an async arrow started by findModules: findModules's callers decide the key.
  const search = `const byKeyword = {};
export async function findModules(keyword) {
  if (byKeyword[keyword]) return byKeyword[keyword].packages;
  const search = (async () => {
    const packages = await searchRegistry(keyword);
    byKeyword[keyword] = { time: Date.now(), packages };
    return packages;
  })();
  return search;
}
`;
  const routes = `import express from 'express';
import { findModules } from './search.js';
import { findModules as findByQuery } from './search2.js';
export const app = express();
app.get('/store', async (req, res) => res.json(await Promise.all([findModules('plugin'), findModules('webapp')])));
app.get('/search', async (req, res) => res.json(await findByQuery(req.query.keyword)));
`;
  const { quiet, reported } = twinModules(ruleId, rule, 'search', search, { 'routes.js': routes });

  it('is quiet when every caller passes a literal, and reported when a route passes a query parameter (line 6)', () => {
    expect(quiet()).toEqual([]);
    expect(reported()).toEqual([[1, 'unboundedCollectionAcross', 'src/routes.js:6']]);
  });
});

describe('a key taken from fields of an options object, across files', () => {
  // The queue table is keyed by the `queueName` field; callers write the object out. The message
  // field comes from the request and does not matter; the queue name does.
  const sqs = `class Sqs {
  urls = new Map();
  async sendToQueueName({ queueName, message }) {
    const url = await this.urlOf(queueName);
    return { url, message };
  }
  async urlOf(queueName) {
    if (!this.urls.has(queueName)) this.urls.set(queueName, await lookupUrl(queueName));
    return this.urls.get(queueName);
  }
}
export const sqs = new Sqs();
`;
  const routes = `import express from 'express';
import { sqs } from './sqs.js';
import { sqs as byRequest } from './sqs2.js';
export const app = express();
app.post('/refresh', async (req, res) => {
  await sqs.sendToQueueName({ queueName: 'wave-refresh', message: req.body });
  await byRequest.sendToQueueName({ queueName: req.query.queue, message: 'x' });
  res.end();
});
`;
  const { quiet, reported } = twinModules(ruleId, rule, 'sqs', sqs, { 'routes.js': routes });

  it('is quiet when the keyed field is a literal, whatever the other fields carry', () => {
    expect(quiet()).toEqual([]);
  });
  it('is reported when the keyed field comes from the request (route line 7)', () => {
    expect(reported()).toEqual([[2, 'unboundedCollectionAcross', 'src/routes.js:7']]);
  });
});

describe('a removal exported in an export list, called from another module', () => {
  // `export { put, remove }`: the route fills the map, the socket's disconnect handler empties it.
  const registry = `const boards = new Map();
function put(name, board) {
  boards.set(name, board);
}
function remove(name) {
  boards.delete(name);
}
export { put, remove };
`;
  const routes = `import express from 'express';
import { put, remove } from './registry.js';
import { put as putOnly } from './registry2.js';
export const app = express();
app.post('/boards/:name', (req, res) => {
  put(req.params.name, {});
  putOnly(req.params.name, {});
  res.end();
});
export function onDisconnect(socket) {
  remove(socket.boardName);
}
`;
  const project = expressProject(ruleId, rule, { 'registry.js': registry, 'registry2.js': registry, 'routes.js': routes });
  const lint = (file: string) => project.lint(file).map((m) => [m.line, m.messageId]);

  it('is quiet when another module calls the removal, and reported when none does', () => {
    expect(lint('registry.js')).toEqual([]);
    expect(lint('registry2.js')).toEqual([[1, 'unboundedCollectionAcross']]);
  });
});

describe('a router module nothing mounts', () => {
  // analytics.js makes a router and exports it, but the server mounts only the other routers: its
  // handlers never run, nor do those of the router that reaches the stats module. A route loader that
  // requires files of their folder by a computed name could mount any of them, so with one nothing
  // there is known unmounted; a loader of another folder (`./plugins/` + name) mounts none of them.
  const router = (name: string): string => `import { Router } from 'express';
${name === 'reports' ? "import { track } from './stats.js';\n" : ''}const cache = new Map();
const router = Router();
router.get('/${name}/:id', (req, res) => {
  cache.set(req.params.id, Date.now());
  ${name === 'reports' ? 'track(req.query.event);' : ''}
  res.json(cache.size);
});
export default router;
`;
  const stats = `const counts = new Map();
export function track(event) {
  counts.set(event, (counts.get(event) ?? 0) + 1);
}
`;
  const server = (extra: string): string => `import express from 'express';
import mounted from './mounted.js';
const app = express();
app.use(mounted);
${extra}
app.listen(3000);
`;
  const files = { 'analytics.js': router('analytics'), 'mounted.js': router('mounted'), 'reports.js': router('reports'), 'stats.js': stats };
  const plain = expressProject(ruleId, rule, { ...files, 'server.js': server('') });
  const loader = expressProject(ruleId, rule, { ...files, 'server.js': server("import { readdirSync } from 'node:fs';\nfor (const f of readdirSync('.')) app.use((await import('./' + f)).default);") });
  // A loader of another folder's modules cannot mount these.
  const plugins = expressProject(ruleId, rule, { ...files, 'server.js': server("import { readdirSync } from 'node:fs';\nfor (const f of readdirSync('./plugins')) app.use((await import('./plugins/' + f)).default);") });
  const lint = (project: typeof plain, file: string) => project.lint(file).map((m) => [m.line, m.messageId]);

  it('is quiet for the cache of a router nothing mounts, and reports the mounted one (line 2, the map)', () => {
    expect(lint(plain, 'analytics.js')).toEqual([]);
    expect(lint(plain, 'mounted.js')).toEqual([[2, 'unboundedCollection']]);
  });
  it('is quiet for a module reached only from a router nothing mounts', () => {
    expect(lint(plain, 'stats.js')).toEqual([]);
  });
  it('reports both when the server loads modules of their folder by a computed name', () => {
    expect(lint(loader, 'analytics.js')).toEqual([[2, 'unboundedCollection']]);
    expect(lint(loader, 'stats.js')).toEqual([[1, 'unboundedCollectionAcross']]);
  });
  it('is quiet when the computed loads reach only another folder (plugins/)', () => {
    expect(lint(plugins, 'analytics.js')).toEqual([]);
    expect(lint(plugins, 'stats.js')).toEqual([]);
  });
});

describe('a removal exported again under another name by the module that fills the cache', () => {
  // The route module imports the store's clear and exports it as clearRouteCache; the task service,
  // which never imports the store, calls it on every edit.
  const store = `const memory = new Map();
export function cacheSet(key, value) {
  memory.set(key, value);
}
export function cacheClear() {
  memory.clear();
}
`;
  const routes = (again: string): string => `import express from 'express';
import { cacheSet, cacheClear } from './store.js';
import { cacheSet as setOther } from './store2.js';
export const app = express();
app.get('/route', (req, res) => {
  cacheSet(req.query.from, {});
  setOther(req.query.from, {});
  res.end();
});
${again}
`;
  const tasks = `import { clearRouteCache } from './routes.js';
export async function updateTask(task) {
  await clearRouteCache();
  return task;
}
`;
  const asConst = expressProject(ruleId, rule, { 'store.js': store, 'store2.js': store, 'routes.js': routes('export const clearRouteCache = cacheClear;'), 'tasks.js': tasks });
  const inList = expressProject(ruleId, rule, { 'store.js': store, 'store2.js': store, 'routes.js': routes('export { cacheClear as clearRouteCache };'), 'tasks.js': tasks });
  const lint = (project: typeof asConst, file: string) => project.lint(file).map((m) => [m.line, m.messageId]);

  it('is quiet when the alias is a const of the imported binding that another module calls; the other store is reported', () => {
    expect(lint(asConst, 'store.js')).toEqual([]);
    expect(lint(asConst, 'store2.js')).toEqual([[1, 'unboundedCollectionAcross']]);
  });
  it('is quiet when the alias is an export list entry', () => {
    expect(lint(inList, 'store.js')).toEqual([]);
    expect(lint(inList, 'store2.js')).toEqual([[1, 'unboundedCollectionAcross']]);
  });
});

describe('a cache whose key argument is not known, called from a handler in another file', () => {
  // `track` keys the map by what an imported helper makes of its argument: which argument the key
  // comes from is not known here, so the route's arguments decide, every one of them.
  const stats = `import { normalize } from './normalize.js';
const counts = new Map();
export function track(event) {
  const key = normalize(event);
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
`;
  const routes = `import express from 'express';
import { track } from './stats.js';
import { track as trackQuery } from './stats2.js';
export const app = express();
app.post('/login', (req, res) => {
  track('login');
  trackQuery(req.query.event);
  res.end();
});
`;
  const { quiet, reported } = twinModules(ruleId, rule, 'stats', stats, { 'normalize.js': 'export const normalize = (e) => String(e).trim();\n', 'routes.js': routes });

  it('is quiet when the route passes only constants, and reported when it passes request data (line 7)', () => {
    expect(quiet()).toEqual([]);
    expect(reported()).toEqual([[2, 'unboundedCollectionAcross', 'src/routes.js:7']]);
  });
});

describe('a key compared with a value before the write', () => {
  const app = (guard: string): string => `import express from 'express';
const app = express();
const ROOT_NAMESPACE = 'captain';
const stores = {};
function storeFor(namespace, owner) {
  ${guard}
  if (!stores[namespace]) stores[namespace] = { namespace, items: [] };
  return stores[namespace];
}
app.get('/items', (req, res) => {
  res.json(storeFor(req.header('x-namespace'), req.query.owner).items);
});`;
  it('is still reported when the check only turns one value away', () => {
    expect(lintWithRule(ruleId, rule, app(`if (namespace === ROOT_NAMESPACE) throw new Error('reserved');`)).map((m) => [m.line, m.messageId])).toEqual([[4, 'unboundedCollection']]);
  });
  it('is still reported when the other side is request input too', () => {
    expect(lintWithRule(ruleId, rule, app(`if (namespace !== owner) throw new Error('not yours');`)).map((m) => [m.line, m.messageId])).toEqual([[4, 'unboundedCollection']]);
  });
});

describe('a set of keys in progress whose call removes its own key in a finally', () => {
  // One generation per key at a time, with a circuit breaker that reads the clock: the key added
  // before the try is deleted in its finally, whatever the generation does.
  const app = (write: string, finalizer: string): string => `import express from 'express';
const app = express();
const generating = ${write.startsWith('generating.add') ? 'new Set()' : '{}'};
let openUntil = 0;
async function generate(key) {
  if (${write.startsWith('generating.add') ? 'generating.has(key)' : 'generating[key]'}) return;
  if (Date.now() < openUntil) return;
  ${write};
  try {
    await fetch('/ai/' + key);
  } catch (err) {
    openUntil = Date.now() + 60000;
  }${finalizer}
}
app.post('/hints/:key', async (req, res) => res.json(await generate(req.params.key)));`;
  it('is quiet for a Set whose key goes in the finally', () => {
    expect(lintWithRule(ruleId, rule, app('generating.add(key)', ' finally {\n    generating.delete(key);\n  }'))).toEqual([]);
  });
  it('is quiet for an object whose key goes in the finally', () => {
    expect(lintWithRule(ruleId, rule, app('generating[key] = true', ' finally {\n    delete generating[key];\n  }'))).toEqual([]);
  });
  it('is reported when the key goes only on success (line 3, the set)', () => {
    const messages = lintWithRule(ruleId, rule, app('generating.add(key)', '\n  if (Date.now() > openUntil) generating.delete(key);'));
    expect(messages.map((m) => [m.line, m.messageId])).toEqual([[3, 'unboundedCollection']]);
  });
});

describe('an in-flight map whose call removes its own entry in a finally', () => {
  const app = (body: string): string => `import express from 'express';
const app = express();
const inFlight = new Map();
const loadHead = async (key) => {
  const existing = inFlight.get(key);
  if (existing) return existing;
  const job = (async () => ({ at: Date.now(), head: await (await fetch('/heads/' + key)).json() }))();
${body}
};
app.get('/heads/:key', async (req, res) => res.json(await loadHead(req.params.key)));`;
  it('is quiet even though the function reads a clock: the entry goes when the call ends', () => {
    expect(lintWithRule(ruleId, rule, app(`  inFlight.set(key, job);
  try {
    return await job;
  } finally {
    inFlight.delete(key);
  }`))).toEqual([]);
  });
  it('is reported when the same key is deleted only on an expired read', () => {
    const messages = lintWithRule(ruleId, rule, app(`  inFlight.set(key, job);
  const done = await job;
  if (done.at < Date.now() - 1000) inFlight.delete(key);
  return done;`));
    expect(messages.map((m) => [m.line, m.messageId])).toEqual([[3, 'unboundedCollection']]);
  });
});

describe("a key built by a helper of the file from a caller's configuration value, across files", () => {
  // The key set is the JWKS URLs of the issuers the callers pass: the route passes `c.env.API_URL`
  // (one per deployment) to validate.js and the request's own header to validate2.js. The key is
  // made through `issuerOf(apiUrl)`, a function of the file, so it is still the caller's argument.
  const validate = `const keySets = new Map();
function issuerOf(apiUrl) {
  return apiUrl.replace(/\\/+$/, '') + '/api/auth';
}
function keySetFor(url) {
  let found = keySets.get(url);
  if (!found) {
    found = createKeySet(url);
    keySets.set(url, found);
  }
  return found;
}
export async function validateToken(token, apiUrl) {
  const issuer = issuerOf(apiUrl);
  return verify(token, keySetFor(\`\${issuer}/jwks\`), { issuer });
}
`;
  const routes = `import { Hono } from 'hono';
import { validateToken } from './validate.js';
import { validateToken as validateAgainst } from './validate2.js';
export const app = new Hono();
app.get('/mcp', async (c) => {
  const token = c.req.header('authorization');
  const apiUrl = c.env.API_URL || 'https://api.example.com';
  const user = await validateToken(token, apiUrl);
  const other = await validateAgainst(token, c.req.header('x-issuer'));
  return c.json({ user, other });
});
`;
  const { quiet, reported } = twinModules(ruleId, rule, 'validate', validate, { 'routes.js': routes });

  it("is quiet when the route passes its c.env value, and reported when it passes a request header (line 9)", () => {
    expect(quiet()).toEqual([]);
    expect(reported()).toEqual([[1, 'unboundedCollectionAcross', 'src/routes.js:9']]);
  });
});

/** A project folder for one describe block: an Express package.json and `files` (paths inside it), written before its tests and removed after. */
function projectFolder(prefix: string, files: Readonly<Record<string, string>>): () => string {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "api", "type": "module", "dependencies": { "express": "^4.0.0" } }\n');
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** The rule's messages (ids) on `code` written as `src/server.ts` of the project in `dir`, read from syntax alone. */
function lintServerIn(dir: string, code: string): string[] {
  const file = path.join(dir, 'src', 'server.ts');
  writeFileSync(file, code);
  const config: Linter.Config = {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
    rules: { [`memo-guard/${ruleId}`]: 'error' },
  };
  return new Linter({ configType: 'flat', cwd: dir }).verify(code, config, file).map((m) => m.messageId ?? m.message);
}

/** The rule's messages (ids) on `file` of the project in `dir` as it is on disk, read from syntax alone. */
function lintFileIn(dir: string, file: string): string[] {
  const full = path.join(dir, file);
  const config: Linter.Config = {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'memo-guard': { rules: { [ruleId]: rule } } as unknown as ESLint.Plugin },
    rules: { [`memo-guard/${ruleId}`]: 'error' },
  };
  return new Linter({ configType: 'flat', cwd: dir }).verify(readFileSync(full, 'utf8'), config, full).map((m) => m.messageId ?? m.message);
}

describe('collections declared with a key type of a fixed set', () => {
  // TypeScript holds every write to the declared key type: a literal union or an enum, here or
  // imported from another file of the project, allows one entry per value, however many requests.
  const dir = projectFolder('memo-guard-keytype-', { 'src/pools.ts': "export type PoolName = 'occurrence' | 'taxon' | 'default';\nexport enum Tier { Free = 'free', Paid = 'paid' }\n" });
  const lint = (declaration: string, write = 'queues.set(req.params.pool as PoolName, Date.now());'): string[] => {
    const code = `import express from 'express';
import type { PoolName } from './pools';
import { Tier } from './pools';
const app = express();
${declaration}
app.get('/pools/:pool', (req, res) => {
  ${write}
  res.end();
});`;
    return lintServerIn(dir(), code);
  };
  it('is quiet for a Map whose key type is an imported literal union, at the new or on the variable', () => {
    expect(lint('const queues = new Map<PoolName, number>();')).toEqual([]);
    expect(lint('const queues: Map<PoolName, number> = new Map();')).toEqual([]);
  });
  it('is quiet for an object typed by a Record or a mapped type over such keys, and for an enum', () => {
    expect(lint('const queues: Partial<Record<PoolName, number>> = {};', 'queues[req.params.pool as PoolName] = Date.now();')).toEqual([]);
    expect(lint('const queues: { [k in PoolName]?: number } = {};', 'queues[req.params.pool as PoolName] = Date.now();')).toEqual([]);
    expect(lint('const queues = new Map<Tier, number>();', 'queues.set(req.params.pool as Tier, Date.now());')).toEqual([]);
  });
  it('reports when the key type is open: string, a union with string, or none written', () => {
    expect(lint('const queues = new Map<string, number>();', 'queues.set(req.params.pool, Date.now());')).toEqual(['unboundedCollection']);
    expect(lint('const queues = new Map<PoolName | string, number>();', 'queues.set(req.params.pool, Date.now());')).toEqual(['unboundedCollection']);
    expect(lint('const queues: Record<string, number> = {};', 'queues[req.params.pool] = Date.now();')).toEqual(['unboundedCollection']);
    expect(lint('const queues = new Map();', 'queues.set(req.params.pool, Date.now());')).toEqual(['unboundedCollection']);
  });
});

describe('a key made of a parameter declared with a type of a fixed set', () => {
  // The same holds for a function's parameter: \`formatterFor(currency: PoolName)\` keeps one formatter
  // per value the type allows, whatever the route hands it (TypeScript holds the call to the type).
  const dir = projectFolder('memo-guard-paramtype-', { 'src/pools.ts': "export type PoolName = 'occurrence' | 'taxon' | 'default';\n" });
  const lint = (parameter: string): string[] =>
    lintServerIn(
      dir(),
      `import express from 'express';
import type { PoolName } from './pools';
const app = express();
const formatters = new Map<string, Intl.NumberFormat>();
function formatterFor(${parameter}) {
  const key = \`\${pool}:en-US\`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat('en-US');
    formatters.set(key, found);
  }
  return found;
}
app.get('/pools/:pool', (req, res) => {
  res.send(formatterFor(req.params.pool as PoolName).format(1));
});`,
    );
  it('is quiet for an imported literal union, with or without a default value', () => {
    expect(lint('pool: PoolName')).toEqual([]);
    expect(lint("pool: PoolName = 'default'")).toEqual([]);
  });
  it('reports the same map when the parameter is a string or has no type', () => {
    expect(lint('pool: string')).toEqual(['unboundedCollection']);
    expect(lint('pool')).toEqual(['unboundedCollection']);
  });
  it('reports a NestJS handler parameter the framework fills from the body, whatever its type says', () => {
    // \`@Body('entityType')\` is the client's value: the union is not checked at run time.
    const code = `import { Body, Controller, Post } from '@nestjs/common';
const status: Record<string, { running: boolean }> = {};
const others: Record<string, { running: boolean }> = {};
@Controller('indexing')
export class IndexingController {
  @Post('reindex')
  reindex(@Body('entityType') entityType: 'products' | 'merchants') {
    status[entityType] = { running: true };
  }
  @Post('reindex-all')
  reindexAll(@Body('entityType') entityType: 'all' | 'products' = 'all') {
    others[entityType] = { running: true };
  }
}`;
    // Both tables: the second parameter has a default value, its decorator sits on the assignment pattern.
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.line, m.messageId])).toEqual([
      [2, 'unboundedCollection'],
      [3, 'unboundedCollection'],
    ]);
  });
});

describe('a key handed to another module by a parameter declared with a type of a fixed set', () => {
  // The cache module is linted; the route file, read by the project index, passes its own parameter
  // \`tab: Tab\` (a literal union declared in a third file): one entry per value the type allows.
  const project = (parameter: string): (() => string) =>
    projectFolder('memo-guard-paramtype-far-', {
      'src/tabs.ts': "export type Tab = 'latest' | 'magazine';\n",
      'src/feed-cache.ts': `const fallback = new Map<string, unknown>();
export function cacheSet(section: string, items: unknown): void {
  fallback.set(\`feed-\${section}\`, items);
}
`,
      'src/server.ts': `import express from 'express';
import type { Tab } from './tabs';
import { cacheSet } from './feed-cache';
const app = express();
function refresh(${parameter}) {
  cacheSet(tab, [1]);
}
app.get('/feed/:tab', (req, res) => {
  refresh(req.params.tab as Tab);
  res.send('ok');
});
`,
    });
  const lintCache = (root: string): string[] => lintFileIn(root, 'src/feed-cache.ts');
  const typed = project('tab: Tab');
  const open = project('tab: string');
  it('is quiet when the route file passes a parameter of an imported literal union', () => {
    expect(lintCache(typed())).toEqual([]);
  });
  it('reports the same map when that parameter is a string', () => {
    expect(lintCache(open())).toEqual(['unboundedCollectionAcross']);
  });
});

describe('a key made of fields an options parameter declares with fixed types', () => {
  // \`options: { sanitize: boolean; mode: 'inline' | 'block' }\`: one renderer per combination the type
  // allows (four), whatever the route hands it; TypeScript holds the call to the declared type.
  const code = (declaration: string, type: string): string => `import express from 'express';
${declaration}
const app = express();
const renderers = new Map();
function rendererFor(options: ${type}) {
  const key = \`\${options.sanitize}:\${options.mode}\`;
  let found = renderers.get(key);
  if (!found) {
    found = makeRenderer(options);
    renderers.set(key, found);
  }
  return found;
}
app.get('/render', (req, res) => {
  res.send(rendererFor({ sanitize: req.query.safe === '1', mode: req.query.mode }).render(req.query.text));
});`;
  const lint = (declaration: string, type: string): (string | undefined)[] => lintWithRule(ruleId, rule, code(declaration, type)).map((m) => m.messageId);
  it('is quiet for fields of boolean and literal-union types, written out, in a type alias or in an interface', () => {
    expect(lint('', "{ sanitize: boolean; mode: 'inline' | 'block' }")).toEqual([]);
    expect(lint("type RenderOptions = { sanitize?: boolean; mode: 'inline' | 'block' };", 'RenderOptions')).toEqual([]);
    expect(lint("interface RenderOptions { sanitize: boolean; mode: 'inline' | 'block' }", 'RenderOptions')).toEqual([]);
  });
  const optionsDir = projectFolder('memo-guard-optionstype-', {
    'src/render-options.ts': "export interface RenderOptions { sanitize: boolean; mode: 'inline' | 'block' }\nexport type LooseOptions = { sanitize: boolean; mode: string };\n",
  });
  it('is quiet for an options type imported from another file of the project, and reports one whose field is a string', () => {
    const lintIn = (type: string): string[] => lintServerIn(optionsDir(), code(`import type { ${type} } from './render-options';`, type));
    expect(lintIn('RenderOptions')).toEqual([]);
    expect(lintIn('LooseOptions')).toEqual(['unboundedCollection']);
  });
  it('reports when a field of the key is a string, the type is not written out, or an interface extends one not in sight', () => {
    expect(lint('', '{ sanitize: boolean; mode: string }')).toEqual(['unboundedCollection']);
    expect(lint('', 'any')).toEqual(['unboundedCollection']);
    expect(lint("interface RenderOptions extends BaseOptions { sanitize: boolean; mode: 'inline' | 'block' }", 'RenderOptions')).toEqual(['unboundedCollection']);
  });
});

describe('a per-key rate limit keyed by what an API-key check put on the request', () => {
  // The twin of the valid case: \`req.apiKey\` itself may be the header's text, a new key per request.
  const code = (key: string): string => `import express from 'express';
const app = express();
const buckets = new Map();
app.get('/v1/trips', (req, res) => {
  const bucket = buckets.get(${key}) ?? { count: 0 };
  bucket.count += 1;
  buckets.set(${key}, bucket);
  res.json([]);
});`;
  const lint = (key: string): [string | undefined, number][] => lintWithRule(ruleId, rule, code(key)).map((m) => [m.messageId, m.line]);
  it('is quiet for the id of the key record, and reports the key itself or a header', () => {
    expect(lint('req.apiKey.id')).toEqual([]);
    expect(lint('req.apiKey')).toEqual([['unboundedCollection', 3]]);
    expect(lint("req.headers['x-api-key']")).toEqual([['unboundedCollection', 3]]);
  });
});

describe('a key read from an element a request picks out of a configured list', () => {
  // \`providers.find((p) => p.issuer === iss)\`: the issuer comes from the token, but what is found is one
  // of the configured providers, so the key space is the configuration's (one JWKS fetcher per provider).
  const code = (pick: string): string => `import express from 'express';
const PROVIDERS = [{ issuer: 'https://a.example', jwksUri: 'https://a.example/jwks' }, { issuer: 'https://b.example', jwksUri: 'https://b.example/jwks' }];
const app = express();
const fetchers = new Map();
app.get('/me', (req, res) => {
  const iss = decodeIssuer(req.headers.authorization);
  const provider = ${pick};
  if (!provider) return res.sendStatus(401);
  let jwks = fetchers.get(provider.jwksUri);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(provider.jwksUri));
    fetchers.set(provider.jwksUri, jwks);
  }
  res.json(verify(req.headers.authorization, jwks));
});`;
  const lint = (pick: string): (string | undefined)[] => lintWithRule(ruleId, rule, code(pick)).map((m) => m.messageId);
  it('is quiet for an element found, filtered or indexed out of the configured list', () => {
    expect(lint('PROVIDERS.find((p) => p.issuer === iss)')).toEqual([]);
    expect(lint('PROVIDERS.filter((p) => p.issuer === iss)[0]')).toEqual([]);
    expect(lint('PROVIDERS.at(Number(req.query.i))')).toEqual([]);
  });
  it('reports an element found in a list the request sent, or a provider built from the token', () => {
    expect(lint('req.body.providers.find((p) => p.issuer === iss)')).toEqual(['unboundedCollection']);
    expect(lint('{ jwksUri: iss + "/jwks" }')).toEqual(['unboundedCollection']);
  });
});

describe('an exported helper this file calls on its handler path with keys that cannot grow', () => {
  // `increment` is exported, so other files may call it with anything; this file's own middleware
  // calls it only with a constant and the response's status code. The middleware is judged by those
  // calls (here and where another file mounts it); another file's call is judged by its own argument.
  const metrics = (statusKey: string, exportsTarget = 'module.exports'): string => `const counters = new Map();
function increment(key, by = 1) {
  counters.set(key, (counters.get(key) || 0) + by);
}
function requestMetrics(req, res, next) {
  res.on('finish', () => {
    increment('http.requests.total');
    increment(${statusKey});
  });
  next();
}
${exportsTarget} = { requestMetrics, increment };
`;
  const project = expressProject(ruleId, rule, {
    'metrics.js': metrics('`http.requests.${res.statusCode}`'),
    'metrics-chained.js': metrics('`http.requests.${res.statusCode}`', 'exports = module.exports'),
    'metrics-by-path.js': metrics('`http.requests.${req.path}`'),
    'metrics-counted.js': metrics('`http.requests.${res.statusCode}`'),
    'app.js': `import express from 'express';
import { requestMetrics } from './metrics.js';
import { requestMetrics as byPath } from './metrics-by-path.js';
import { increment } from './metrics-counted.js';
const app = express();
app.use(requestMetrics);
app.use(byPath);
app.get('/search', (req, res) => {
  increment(\`search.\${req.query.q}\`);
  res.end();
});
app.listen(3000);
import { increment as count } from './metrics-chained.js';
app.get('/find', (req, res) => {
  count(\`find.\${req.query.q}\`);
  res.end();
});
`,
  });
  it('is quiet when the only calls, here and through the mounted middleware, pass a constant or the status code', () => {
    expect(reached(project.lint('metrics.js'))).toEqual([]);
  });
  it('reports the same module when the middleware keys by the request path', () => {
    // Line 1: the Map; reported as written here, on this file's own handler path (no other file named).
    expect(reached(project.lint('metrics-by-path.js'))).toEqual([[1, 'unboundedCollection', undefined]]);
  });
  it('reports it when another file calls the exported helper with a key from the query', () => {
    // app.js:9 is the call `increment(\`search.${req.query.q}\`)`.
    expect(reached(project.lint('metrics-counted.js'))).toEqual([[1, 'unboundedCollectionAcross', 'src/app.js:9']]);
  });
  it('reports it when the helper is exported through a chain (`exports = module.exports = { … }`)', () => {
    // app.js:15 is the call `count(\`find.${req.query.q}\`)`.
    expect(reached(project.lint('metrics-chained.js'))).toEqual([[1, 'unboundedCollectionAcross', 'src/app.js:15']]);
  });
});

describe('key types of a fixed set written as constants, behind barrels', () => {
  // `(typeof STUDIOS)[number]` over `[...] as const` tuples (and sorted spreads of them), and
  // `(typeof ROLES)[keyof typeof ROLES]` over an `as const` object, imported through `export *`
  // barrels of a workspace-style folder: one entry per value written out.
  const dir = projectFolder('memo-guard-keyconst-', {
    'src/core/studio.ts': `export const MASTER = ['north', 'south'] as const;
export const FRANCHISE = ['east'] as const;
export const STUDIOS = [...MASTER, ...FRANCHISE].sort();
export const NAMES = ['a', 'b'];
export const ROLES = { admin: 'ADMIN', user: 'USER' } as const;
export type Studio = (typeof STUDIOS)[number];
export type StudioOrMaster = Studio | 'master';
export type Role = (typeof ROLES)[keyof typeof ROLES];
export type Name = (typeof NAMES)[number];
`,
    'src/core/other.ts': 'export const unrelated = 1;\n',
    'src/core/index.ts': "export * from './other';\nexport * from './studio';\n",
    'src/barrel.ts': "export * from './core';\n",
  });
  const lint = (keyType: string, from = './core'): string[] => {
    const code = `import express from 'express';
import type { ${keyType} } from '${from}';
const app = express();
const clients: Partial<Record<${keyType}, number>> = {};
app.get('/c/:key', (req, res) => {
  clients[req.params.key as ${keyType}] = Date.now();
  res.end();
});`;
    return lintServerIn(dir(), code);
  };
  it('is quiet for an element type of a constant tuple and a union with it, through one and two barrels', () => {
    expect(lint('Studio')).toEqual([]);
    expect(lint('StudioOrMaster')).toEqual([]);
    expect(lint('StudioOrMaster', './barrel')).toEqual([]);
  });
  it('is quiet for the value type of a constant object', () => {
    expect(lint('Role')).toEqual([]);
  });
  it('reports the element type of an array not written `as const` (its elements are strings)', () => {
    expect(lint('Name')).toEqual(['unboundedCollection']);
  });
});

describe('lru-cache before 7, by the version the package declares', () => {
  // lru-cache 6 keeps every key unless given `max` (or `length`); a number given alone is `max`.
  // From 7 on every cache is bounded (a constructor without a bound throws).
  const lint = (version: string, made: string): string[] =>
    lintInPackage(
      ruleId,
      rule,
      { 'lru-cache': version, express: '^4.0.0' },
      'server.ts',
      `import LRU from 'lru-cache';
import express from 'express';
const SIZE = 50 * 4;
const app = express();
const byAgent = ${made};
app.get('/p', (req, res) => {
  byAgent.set(req.headers['user-agent'], Date.now());
  res.end();
});`,
    ).map((m) => m.messageId ?? m.message);
  it('is quiet for a number given as the size, written out or a module constant, and for `max`', () => {
    expect(lint('6.0.0', 'new LRU(200)')).toEqual([]);
    expect(lint('^5.1.1', 'new LRU(SIZE)')).toEqual([]);
    expect(lint('6.0.0', 'new LRU({ max: 200 })')).toEqual([]);
  });
  it('reports one made without a bound: no argument, or only an expiry', () => {
    expect(lint('6.0.0', 'new LRU()')).toEqual(['unboundedCollection']);
    expect(lint('6.0.0', 'new LRU({ maxAge: 60_000 })')).toEqual(['unboundedCollection']);
  });
});

describe('an exported collection the importing server both fills and empties', () => {
  // `state.js` only declares the Map; the server sets an entry per task and deletes it when the
  // task ends (state2.js: the same module, whose importer never deletes).
  const state = 'export const abortControllers = new Map();\n';
  const project = expressProject(ruleId, rule, {
    'state.js': state,
    'state2.js': state,
    'server.js': `import express from 'express';
import { abortControllers } from './state.js';
import { abortControllers as kept } from './state2.js';
const app = express();
app.post('/tasks/:id', async (req, res) => {
  const controller = new AbortController();
  abortControllers.set(req.params.id, controller);
  kept.set(req.params.id, controller);
  try {
    await run(req.params.id, controller.signal);
  } finally {
    abortControllers.delete(req.params.id);
  }
  res.end();
});
app.listen(3000);
`,
  });
  it('is quiet when the importer deletes what it sets', () => {
    expect(reached(project.lint('state.js'))).toEqual([]);
  });
  it('reports the twin whose importer only sets', () => {
    // server.js:8 is `kept.set(req.params.id, controller)`.
    expect(reached(project.lint('state2.js'))).toEqual([[1, 'unboundedCollectionAcross', 'src/server.js:8']]);
  });
});

describe('a lookup dereferenced before the write', () => {
  // A synchronous lookup that misses gives `undefined`, and reading its field throws before the write
  // (the constant-table case is in the real-code shapes above); an awaited request gives a response
  // whatever the URL, so reading its field checks nothing.
  it('reports a key from the URL whose fetched response is dereferenced before the write', () => {
    const code = `import express from 'express';
import axios from 'axios';
const pages = new Map();
const app = express();
app.use(async (req, res) => {
  const key = req.originalUrl;
  const response = await axios.get(ORIGIN + key);
  const data = response.data;
  pages.set(key, data);
  res.send(data);
});`;
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.line, m.messageId])).toEqual([[3, 'unboundedCollection']]);
  });
});

describe('functions shaped like handlers in a browser app', () => {
  // A package that declares a browser UI library and nothing that serves requests is a browser app:
  // a function taking `(req, res)` there is not a request handler, and its cache lives with the page.
  const code = `const progress = {};
export function onProgress(req, res) {
  progress[req.params.courseId] = res.completed;
}`;
  it('is quiet in a package that declares only a browser UI library', () => {
    expect(lintInPackage(ruleId, rule, { '@angular/core': '16.2.12' }, 'progress.ts', code).map((m) => m.messageId)).toEqual([]);
  });
  it('reports the same function in a package that also declares a server', () => {
    expect(lintInPackage(ruleId, rule, { '@angular/core': '16.2.12', express: '^4.0.0' }, 'progress.ts', code).map((m) => m.messageId)).toEqual(['unboundedCollection']);
  });
});

describe('an exported object method keyed by its parameter, called on the handler path with configuration', () => {
  // `getAuthPlugin` is a method of the exported object; the write is inside the callback of a
  // plugin lookup, keyed by the method's own `name`. The routes call it through the instance with
  // the configured plugin name; start-up code calls it for every plugin in a folder (an element of
  // a list the route never sees). The twins pass the request's body instead, or hand the method on.
  const auth = (routeKey: string, extra = ''): string => `const configuration = require('./configuration');
const _authPlugins = Object.create(null);
function routes(rest, instance) {
  rest.post('/login', function (req, res, next) {
    instance.getAuthPlugin(${routeKey}, function (error, plugin) {
      plugin.authenticate(req, res, next);
    });
  });
}
module.exports = {
  preload: function (rest) {
    routes(rest, this);
  },
  getAuthPlugin: function (name, cb) {
    if (_authPlugins[name]) return cb(null, _authPlugins[name]);
    pluginManager.getPlugin('auth', name, function (error, info) {
      _authPlugins[name] = require(info.fullPath);
      cb(null, _authPlugins[name]);
    });
  },
  loadAuthPlugins: function (names, next) {
    const self = this;
    each(names, function (pluginName, done) {
      self.getAuthPlugin(pluginName, done);
    }, next);
  },
};
${extra}`;
  const project = expressProject(ruleId, rule, {
    'auth.js': auth("configuration.getConfig('auth')"),
    'auth-body.js': auth('req.body.strategy'),
    'auth-handed.js': auth("configuration.getConfig('auth')", 'module.exports.hooks = [module.exports.getAuthPlugin];\n'),
  });
  it('is quiet when the route passes the configured name', () => {
    expect(reached(project.lint('auth.js'))).toEqual([]);
  });
  it('reports the twin whose route passes the request body (the table on line 2)', () => {
    expect(reached(project.lint('auth-body.js'))).toEqual([[2, 'unboundedCollection', undefined]]);
  });
  it('reports the twin that hands the method on as a value: its calls are not all in sight', () => {
    expect(reached(project.lint('auth-handed.js'))).toEqual([[2, 'unboundedCollection', undefined]]);
  });
});

/**
 * Fastify checks `request.body`, `request.query` and `request.params` against the schema given where
 * the route is registered before the handler runs: a field the schema lists with `enum` (JSON
 * Schema, or TypeBox's `Type.String({ enum })`, `Type.Union` of literals, in place or imported) is
 * one of those values whatever the client sends, so a cache keyed by it holds one entry per value.
 * A field the schema leaves open is still request data.
 */
/**
 * A memoizer on a handler path whose whole cache a sweep empties (a timer, inline or handed the
 * sweep by name) holds what arrives between two clears: evicted by the user's choice, not reported.
 * A clear in a function nothing schedules or calls is no sweep.
 */
describe('a memoizer on a handler path that a sweep clears', () => {
  const code = (sweep: string): string => `import express from 'express';
import memoize from 'lodash/memoize';
const app = express();
const findAbuse = memoize((address) => db.findAbuse(address));
app.get('/faucet/:address', async (req, res) => res.json(await findAbuse(req.params.address)));
const clearCaches = () => findAbuse.cache.clear();
${sweep}
`;
  it.each([
    ['a timer given the sweep by name', 'setInterval(clearCaches, 60 * 60 * 1000);'],
    ['a timer with the clear written in place', 'setInterval(() => findAbuse.cache.clear(), 60 * 60 * 1000);'],
  ])('is quiet when %s clears it', (_how, sweep) => {
    expect(lintWithRule(ruleId, rule, code(sweep))).toEqual([]);
  });
  it('is reported when nothing runs the clear', () => {
    expect(lintWithRule(ruleId, rule, code('export { clearCaches };')).map((m) => [m.messageId, m.line])).toEqual([['unboundedMemoizer', 4]]);
  });
});

describe("a key a Fastify route's schema limits to listed values", () => {
  const schemas = `import { Type } from '@sinclair/typebox';
export const QuoteBody = Type.Object({
  network: Type.Optional(Type.String({ enum: ['mainnet', 'polygon'] })),
  side: Type.Union([Type.Literal('BUY'), Type.Literal('SELL')]),
  token: Type.String(),
});
`;
  const clients = (name: string): string => `const ${name} = new Map();
export function clientFor(key) {
  let client = ${name}.get(key);
  if (!client) {
    client = { key, openedAt: Date.now() };
    ${name}.set(key, client);
  }
  return client;
}
`;
  const routes = (body: string, query: string): string => `import { QuoteBody } from './schemas.js';
import { clientFor as byBody } from './body-clients.js';
import { clientFor as byQuery } from './query-clients.js';
const PricesQuery = { type: 'object', properties: { region: { type: 'string', enum: ['eu', 'us'] }, pair: { type: 'string' } } };
export async function quoteRoutes(fastify) {
  fastify.post('/quote', { schema: { body: QuoteBody } }, async (request) => {
    const { network, side, token } = request.body;
    return byBody(${body});
  });
  fastify.route({ method: 'GET', url: '/prices', schema: { querystring: PricesQuery }, handler: async (request) => byQuery(${query}) });
}
`;
  const project = (body: string, query: string) => expressProject(ruleId, rule, { 'schemas.js': schemas, 'body-clients.js': clients('bodyClients'), 'query-clients.js': clients('queryClients'), 'routes.js': routes(body, query) });
  const listed = project('network', 'request.query.region');
  const unionListed = project('side', 'request.query.region');
  const open = project('token', 'request.query.pair');
  it('is quiet for fields the schema lists (an imported TypeBox enum and literal union, a JSON Schema enum in place)', () => {
    expect(reached(listed.lint('body-clients.js'))).toEqual([]);
    expect(reached(unionListed.lint('body-clients.js'))).toEqual([]);
    expect(reached(listed.lint('query-clients.js'))).toEqual([]);
  });
  it('reports the caches keyed by fields the schema leaves open (routes lines 8 and 10)', () => {
    expect(reached(open.lint('body-clients.js'))).toEqual([[1, 'unboundedCollectionAcross', 'src/routes.js:8']]);
    expect(reached(open.lint('query-clients.js'))).toEqual([[1, 'unboundedCollectionAcross', 'src/routes.js:10']]);
  });
});

describe('a NestJS app loads only the files its modules import', () => {
  // NestJS runs a middleware or controller only once a module imports and registers it.
  const middleware = `import { Injectable, NestMiddleware } from '@nestjs/common';
@Injectable()
export class WebhookSecurityMiddleware implements NestMiddleware {
  private readonly requestCounts = new Map<string, number>();
  use(req: any, res: any, next: () => void) {
    const ip = req.headers['x-forwarded-for'] ?? req.ip;
    this.requestCounts.set(ip, (this.requestCounts.get(ip) ?? 0) + 1);
    next();
  }
}`;
  // A plain Express server beside the Nest app is an entry point of its own.
  const worker = `import express from 'express';
const seen = new Map<string, number>();
const app = express();
app.get('/ping', (req, res) => { seen.set(req.ip, Date.now()); res.send('ok'); });
app.listen(3001);`;
  const project = projectOnDisk('nest-unimported', () => ({
    'package.json': '{ "name": "api", "dependencies": { "@nestjs/core": "^10.0.0", "@nestjs/common": "^10.0.0", "express": "^4.0.0" } }',
    'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
void NestFactory.create(AppModule).then((app) => app.listen(3000));`,
    'src/app.module.ts': `import { MiddlewareConsumer, Module } from '@nestjs/common';
import { AuditMiddleware } from './audit.middleware';
@Module({})
export class AppModule { configure(consumer: MiddlewareConsumer) { consumer.apply(AuditMiddleware).forRoutes('*'); } }`,
    'src/audit.middleware.ts': middleware.replace('WebhookSecurityMiddleware', 'AuditMiddleware'),
    'src/webhook-security.middleware.ts': middleware,
    'src/worker.ts': worker,
  }));
  const lint = (file: string, code: string) => lintInDir(ruleId, rule, project.dir(), file, code).map((m) => [m.line, m.messageId]);
  it('is quiet for a middleware no module imports', () => {
    expect(lint('src/webhook-security.middleware.ts', middleware)).toEqual([]);
  });
  it('reports the same middleware once the app module imports it', () => {
    // `new Map<string, number>()` of `requestCounts`, line 4.
    expect(lint('src/audit.middleware.ts', middleware.replace('WebhookSecurityMiddleware', 'AuditMiddleware'))).toEqual([[4, 'unboundedCollection']]);
  });
  it('reports a plain Express server nothing imports', () => {
    expect(lint('src/worker.ts', worker)).toEqual([[2, 'unboundedCollection']]);
  });
});

describe('the verified caller read through an auth accessor or a context getter', () => {
  // Clerk's `getAuth(req)`, an app's own `resolveAuth(c)`, Hono's `c.get('userId')` and `c.var.userId`
  // answer from a checked credential: their ids are one per account, as `req.userId` is. What the
  // client sends beside them (`req.query.q`, `c.req.query('q')`) is not, nor is an id given to a lookup.
  const express = `import express from 'express';
import { getAuth } from './auth';
const app = express();
const lastSync = new Map();
const plans = new Map();
const byQuery = new Map();
const byLookup = new Map();
app.post('/sync', (req, res) => {
  const auth = getAuth(req);
  lastSync.set(auth.userId, Date.now());
  const { userId } = getAuth(req);
  plans.set(userId, 1);
  byQuery.set(req.query.q, 1);
  byLookup.set(getAuth(req.query.token).userId, 1);
  res.end();
});`;
  it('reports the client\'s value and an accessor given request data (lines 6 and 7), not the accessor\'s ids', () => {
    expect(lintWithRule(ruleId, rule, express).map((m) => [m.messageId, m.line])).toEqual([
      ['unboundedCollection', 6],
      ['unboundedCollection', 7],
    ]);
  });

  const hono = `import { Hono } from 'hono';
import { resolveAuth } from './auth';
const app = new Hono();
const admins = new Map();
const buckets = new Map();
const settings = new Map();
const searches = new Map();
const accounts = new Map();
app.post('/chat', async (c) => {
  accounts.set(c.get('user').id, 1);
  const userId = c.get?.('userId');
  admins.set(userId, true);
  buckets.set(c.var.userId, 1);
  const result = await resolveAuth(c);
  if (result instanceof Response) return result;
  const { projectId } = result;
  settings.set(projectId, 1);
  searches.set(c.req.query('q'), 1);
  return c.text('ok');
});`;
  it('reports only the query (line 7)', () => {
    expect(lintWithRule(ruleId, rule, hono).map((m) => [m.messageId, m.line])).toEqual([['unboundedCollection', 7]]);
  });

  // Set 42 (HabitFlowAI): `getRequestIdentity(req)` answers with the session's household and user,
  // and a once-per-user flag set keyed by them holds one entry per account. An accessor named for
  // something else (`getRequestFilters(req)`) is not taken for one (line 4).
  const identityApp = `import express from 'express';
import { getRequestIdentity, getRequestFilters } from './identity';
const recovered = new Set();
const byFilter = new Set();
const app = express();
app.get('/habits', (req, res) => {
  const { householdId, userId } = getRequestIdentity(req);
  const key = \`\${householdId}:\${userId}\`;
  if (!recovered.has(key)) recovered.add(key);
  const identity = getRequestIdentity(req);
  recovered.add(identity.householdId);
  recovered.add(getRequestIdentity(req).userId);
  byFilter.add(getRequestFilters(req).category);
  res.end();
});`;
  it('takes an app\'s request-identity accessor for one (only line 4 is reported)', () => {
    expect(lintWithRule(ruleId, rule, identityApp).map((m) => [m.messageId, m.line])).toEqual([['unboundedCollection', 4]]);
  });

  // Set 58 (bike-dashboard): `requireStoreUser()`, a function of the route's file that reads the session
  // cookie, answers the signed-in store account or an error; its `userId` is one per account. The same
  // function under a name that demands no caller (`loadStoreUser`) answers what the cookie says (line 3).
  const guardApp = (name: string): string => `import express from 'express';
import { cookies } from 'next/headers';
const scheduledAt = new Map();
async function ${name}() {
  const token = cookies().get('session')?.value;
  if (!token) return { error: 'Unauthorised' };
  return { userId: token.split('.')[0] };
}
const app = express();
app.get('/nest', async (req, res) => {
  const auth = await ${name}();
  if ('error' in auth) return res.status(401).end();
  scheduledAt.set(auth.userId, Date.now());
  res.json({ ok: true });
});`;
  it('takes an auth guard named for the caller it demands for one; the same function named otherwise is request data (line 3)', () => {
    expect(lintWithRule(ruleId, rule, guardApp('requireStoreUser'))).toEqual([]);
    expect(lintWithRule(ruleId, rule, guardApp('loadStoreUser')).map((m) => [m.messageId, m.line])).toEqual([['unboundedCollection', 3]]);
  });
});

describe("the caller's record an app's own middleware put on the request", () => {
  // Sets 41 and 43 (TIBER-Fantasy, dermatology-ehr, pharma-care): an auth middleware verifies an API
  // key or a patient's token and puts what it found under a name of the app's own (`req.tiberAuth`,
  // `req.patient`); the tenant or key id read from it is one per account. What the client fills
  // (`req.body`, `req.params`, `req.session`) is not such a record (lines 4, 5 and 6), and neither
  // is an id the catalog does not name as an account's (`req.patient.visitId`, line 7). A bare `id`
  // or `_id` is the account's on a record named for one (`req.patientUser._id`), not on another
  // record (`req.post.id`, line 9).
  const code = `import express from 'express';
const buckets = new Map();
const byTenant = new Map();
const fromBody = new Map();
const fromParams = new Map();
const fromSession = new Map();
const byVisit = new Map();
const byPatient = new Map();
const byPost = new Map();
const app = express();
app.get('/v1/things/:tenantId', (req, res) => {
  const auth = req.tiberAuth;
  buckets.set(auth.apiKeyId, Date.now());
  byTenant.set(req.patient!.tenantId, 1);
  fromBody.set(req.body.tenantId, 1);
  fromParams.set(req.params.tenantId, 1);
  fromSession.set(req.session.tenantId, 1);
  byVisit.set(req.patient.visitId, 1);
  byPatient.set(req.patientUser?._id.toString(), 1);
  byPost.set(req.post.id, 1);
  res.end();
});`;
  it('reports the client-filled fields and the other ids (lines 4-7 and 9), not the verified ids', () => {
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([
      ['unboundedCollection', 4],
      ['unboundedCollection', 5],
      ['unboundedCollection', 6],
      ['unboundedCollection', 7],
      ['unboundedCollection', 9],
    ]);
  });
});

describe('a key that passed a pattern admitting few strings', () => {
  // Sets 42 and 43 (PIN codes, flag codes): `if (!/^[A-Z]{3}$/.test(code)) throw` leaves at most 17,576
  // keys, `/^[A-Z]{2,3}$/.test(s) ? s : null` 18,252. A six-digit code admits 10^6 (line 2), a pattern
  // that repeats without limit (line 4), is not anchored at both ends (line 5) or is multiline (line 6)
  // any number, and the branch taken when the test fails (`ISO.test(x) ? null : x`, line 7) holds
  // whatever failed it.
  const code = `import express from 'express';
const byPin = new Map();
const byCode = new Map();
const bySlug = new Map();
const byPart = new Map();
const byLine = new Map();
const byFailed = new Map();
const ISO = /^[A-Z]{2,3}$/;
const app = express();
app.get('/pin/:pin/:code/:slug', (req, res) => {
  const { pin, slug } = req.params;
  if (!/^\\d{6}$/.test(pin)) return res.status(400).end();
  byPin.set(pin, 1);
  if (!/^[A-Z]{3}$/.test(req.query.airport)) return res.status(400).end();
  byCode.set(req.query.airport, 1);
  const raw = String(req.params.code).toUpperCase();
  const code = ISO.test(raw) ? raw : null;
  if (code) byCode.set(code, 1);
  const other = !ISO.test(req.query.other) ? null : req.query.other;
  if (other) byCode.set(other, 1);
  const wrong = ISO.test(req.query.wrong) ? null : req.query.wrong;
  if (wrong) byFailed.set(wrong, 1);
  if (/^[\\w-]+$/.test(slug)) bySlug.set(slug, 1);
  if (/\\d{6}/.test(req.query.part)) byPart.set(req.query.part, 1);
  if (!/^\\d{2}$/m.test(req.query.line)) return res.end();
  byLine.set(req.query.line, 1);
  res.end();
});`;
  it('reports only the keys such patterns do not bound (lines 2 and 4-7)', () => {
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([
      ['unboundedCollection', 2],
      ['unboundedCollection', 4],
      ['unboundedCollection', 5],
      ['unboundedCollection', 6],
      ['unboundedCollection', 7],
    ]);
  });
});

describe('a key a query must find a row for before the write', () => {
  // Set 41 (RepairCoin's shop screening): `const res = await pool.query('… WHERE shop_id = $1', [shopId]);
  // if (res.rows.length === 0) return null;` leaves only ids of shops that exist. So do `!res.rowCount`
  // and `rows.length < 1`; a test of how many rows there are beyond none is no such check (line 5).
  const code = `import express from 'express';
const screenings = new Map();
const owners = new Map();
const listings = new Map();
const pages = new Map();
const app = express();
app.get('/shops/:id', async (req, res) => {
  const shopId = req.params.id;
  const found = await pool.query('SELECT * FROM shops WHERE shop_id = $1', [shopId]);
  if (found.rows.length === 0) return res.status(404).end();
  screenings.set(shopId, found.rows[0].name);
  const owner = await pool.query('SELECT owner FROM shops WHERE shop_id = $1', [req.query.owner]);
  if (!owner.rowCount) return res.status(404).end();
  owners.set(req.query.owner, owner.rows[0]);
  const rows = await db.all('SELECT * FROM listings WHERE slug = ?', [req.query.slug]);
  if (rows.length < 1) return res.status(404).end();
  listings.set(req.query.slug, rows);
  const page = await pool.query('SELECT * FROM items WHERE page = $1', [req.query.page]);
  if (page.rows.length > 100) return res.status(413).end();
  pages.set(req.query.page, page.rows);
  res.end();
});`;
  it('reports only the key no emptiness test checked (line 5)', () => {
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([['unboundedCollection', 5]]);
  });
});

describe('a lookup that must succeed, left with continue or break inside a loop', () => {
  // Set 42 (budget-app's expense actions): `for (const m of args.months) { const expense = await
  // prisma.expense.findFirst({ where: { budgetPlanId } }); if (!expense) continue; … resolvePayDate(budgetPlanId) }`:
  // past the guard the plan exists, as after \`return\`. A guard that only logs stops nothing (line 4).
  const code = `import express from 'express';
const payDates = new Map();
const plans = new Map();
const logged = new Map();
const app = express();
app.post('/plans/:id/pay', async (req, res) => {
  for (const month of req.body.months) {
    const row = await prisma.expense.findFirst({ where: { planId: req.params.id, month } });
    if (!row) continue;
    payDates.set(req.params.id, row.payDate);
  }
  while (true) {
    const plan = await prisma.plan.findFirst({ where: { slug: req.query.slug } });
    if (!plan) break;
    plans.set(req.query.slug, plan);
    break;
  }
  const other = await prisma.plan.findFirst({ where: { slug: req.query.other } });
  if (!other) console.warn('missing');
  logged.set(req.query.other, other);
  res.end();
});`;
  it('reports only the key whose guard does not stop the write (line 4)', () => {
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([['unboundedCollection', 4]]);
  });
});

describe('the account a Socket.IO middleware put on the socket', () => {
  // Set 42 (deligo): `socket.data.user` is what the server's `io.use` auth middleware verified, one
  // per account, read directly or through locals; `socket.handshake.auth` is what the client sends
  // (line 4), and so is the event's payload, its `data` included (line 5).
  const events = `import { Server } from 'socket.io';
const lastUpdate = new Map();
const byUser = new Map();
const byHandshake = new Map();
const byOrder = new Map();
export const io = new Server(3000);
io.on('connection', (socket) => {
  const user = socket.data.user;
  const userId = user?.userId;
  socket.on('location', (payload) => {
    lastUpdate.set(userId, Date.now());
    byUser.set(socket.data.user.id, payload);
    byHandshake.set(socket.handshake.auth.token, 1);
    byOrder.set(payload.data.userId, Date.now());
  });
});`;
  it('reports the handshake and the payload\'s own data (lines 4 and 5), not the verified account', () => {
    expect(lintWithRule(ruleId, rule, events).map((m) => [m.messageId, m.line])).toEqual([
      ['unboundedCollection', 4],
      ['unboundedCollection', 5],
    ]);
  });
});

describe('a middleware exported for an app that never mounts it', () => {
  // `responseTimes` is written only by the middleware `timing()` makes, `hits` by `countHits`; the app
  // imports the module for its router and `countHits` without using it, and never imports `timing`.
  // Mounted (`app.use(countHits)`, `app.use(timing())`), the same middleware runs on every request.
  const monitoring = `import express from 'express';
export const router = express.Router();
const responseTimes = new Map();
const hits = new Map();
router.get('/metrics', (req, res) => res.json([...responseTimes]));
export function timing() {
  return (req, res, next) => { responseTimes.set(req.path, Date.now()); next(); };
}
export function countHits(req, res, next) { hits.set(req.path, (hits.get(req.path) ?? 0) + 1); next(); }`;
  const server = (mounts: string): string => `import express from 'express';
import { router, countHits, timing } from './monitoring.js';
const app = express();
app.use('/monitoring', router);
${mounts}
app.listen(3000);`;
  const unmounted = expressProject(ruleId, rule, { 'monitoring.js': monitoring, 'server.js': server('// Timing and hit counting removed.') });
  const mounted = expressProject(ruleId, rule, { 'monitoring.js': monitoring, 'server.js': server('app.use(countHits);\napp.use(timing());') });
  it('is quiet when no importer uses the middleware', () => {
    expect(unmounted.lint('monitoring.js').map((m) => [m.line, m.messageId])).toEqual([]);
  });
  it('reports both maps once the app mounts them (lines 3 and 4)', () => {
    expect(mounted.lint('monitoring.js').map((m) => [m.line, m.messageId])).toEqual([
      [3, 'unboundedCollection'],
      [4, 'unboundedCollection'],
    ]);
  });
});

describe('a size check that admits writes only below the bound', () => {
  // `if (cache.size < MAX) cache.set(…)` and its `else` form stop the map at MAX entries; a check the
  // write does not sit under (`if (…) log(…); cache.set(…)`), or that admits writes above a size, does not.
  const route = (write: string): string => `import express from 'express';
const app = express();
const cache = new Map();
const MAX = 1000;
app.get('/t', (req, res) => {
  const key = req.path;
  ${write}
  res.end();
});`;
  const cases: [string, number[]][] = [
    ['if (cache.size < MAX) { cache.set(key, 1); }', []],
    ['if (MAX > cache.size && !cache.has(key)) cache.set(key, 1);', []],
    ["if (cache.size >= MAX) console.warn('full'); else cache.set(key, 1);", []],
    ["if (cache.size >= MAX) console.warn('full');\n  cache.set(key, 1);", [3]],
    ['if (cache.size > 0) cache.set(key, 1);', [3]],
    ['if (cache.size < MAX || key) cache.set(key, 1);', [3]],
    // Set 44 (fleet-management's request counters): a key already held adds no entry, so `has(k) ||` keeps the bound.
    ['if (cache.has(key) || cache.size < MAX) cache.set(key, (cache.get(key) ?? 0) + 1);', []],
    ['if (key in counts || cache.size < MAX) cache.set(key, 1);', [3]],
    ['if (other.has(key) || cache.size < MAX) cache.set(key, 1);', [3]],
  ];
  for (const [write, expected] of cases) {
    it(`${write.split('\n')[0] ?? ''}: ${expected.length > 0 ? 'reported' : 'bounded'}`, () => {
      expect(lintWithRule(ruleId, rule, route(write)).map((m) => m.line)).toEqual(expected);
    });
  }
});

describe('what a route set-up function was given', () => {
  // `registerRoutes(app, pub)` sets the routes up once: `pub` is fixed before any request, so a cache
  // keyed by a path built from it holds one entry; the request's own path is another matter.
  const code = (key: string): string => `import path from 'node:path';
const templates = new Map();
function loadTemplate(dir) {
  const file = path.join(dir, 'index.html');
  if (!templates.has(file)) templates.set(file, readTemplate(file));
  return templates.get(file);
}
export default function registerRoutes(app, pub) {
  app.get('*', (req, res) => res.send(loadTemplate(${key})));
}`;
  it('is quiet for the directory the routes were set up with', () => {
    expect(lintWithRule(ruleId, rule, code('pub'))).toEqual([]);
  });
  it('reports a directory from the request (line 2)', () => {
    expect(lintWithRule(ruleId, rule, code('req.path')).map((m) => m.line)).toEqual([2]);
  });
});

describe('a lookup in a JSON file the module imports', () => {
  // `constants.d3[chainId].forwarder` is one of the forwarders the JSON file lists, whatever chain the
  // client names (a missing one throws before the write); a field the client sends is not.
  const route = (load: string, key: string): string => `import express from 'express';
${load}
const app = express();
const stores = new Map();
app.post('/owner', (req, res) => {
  const { network } = req.body;
  const key = ${key};
  if (!stores.has(key)) stores.set(key, { at: Date.now() });
  res.json(stores.get(key));
});`;
  const cases: [string, string, number[]][] = [
    ["import constants from './constants.json';", 'constants.d3[network].forwarder', []],
    ["const constants = require('./constants.json');", 'constants.d3[network].forwarder', []],
    ["import constants from './constants.js';", 'constants.d3[network].forwarder', [4]],
    ["import constants from './constants.json';", 'network', [4]],
    ["import constants from './constants.json';\nconstants.d3[Date.now()] = { forwarder: 'x' };", 'constants.d3[network].forwarder', [5]],
  ];
  for (const [load, key, expected] of cases) {
    it(`${load.split('\n')[0] ?? ''} ${key}: ${expected.length > 0 ? 'reported' : 'quiet'}`, () => {
      expect(lintWithRule(ruleId, rule, route(load, key)).map((m) => m.line)).toEqual(expected);
    });
  }
});

/** A NestJS interceptor that counts request paths, itself and through a service: shared by the NestJS loading cases below. */
const metricsInterceptor = `import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { PathsService } from './paths.service';
@Injectable()
export class MetricsInterceptor implements NestInterceptor {
  private readonly counts = new Map<string, number>();
  constructor(private readonly paths: PathsService) {}
  intercept(context: ExecutionContext, next: CallHandler) {
    const req = context.switchToHttp().getRequest();
    this.paths.record(req.url);
    this.counts.set(req.url, (this.counts.get(req.url) ?? 0) + 1);
    return next.handle();
  }
}`;
const pathsService = `import { Injectable } from '@nestjs/common';
@Injectable()
export class PathsService {
  private readonly seen = new Map<string, number>();
  record(url: string) { this.seen.set(url, Date.now()); }
}`;
/** A NestJS app's manifest and bootstrap, which loads \`AppModule\`. */
const nestAppFiles = {
  'package.json': '{ "name": "api", "dependencies": { "@nestjs/core": "^10.0.0", "@nestjs/common": "^10.0.0" } }',
  'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
void NestFactory.create(AppModule).then((app) => app.listen(3000));`,
};

describe('a NestJS module no module of the app imports', () => {
  // The interceptor is registered by MetricsModule, which only its own barrel imports: Nest never loads
  // it. Once the app module imports MetricsModule, the interceptor runs on every request.
  const interceptor = metricsInterceptor;
  const service = pathsService;
  const metricsModule = `import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MetricsInterceptor } from './metrics.interceptor';
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: MetricsInterceptor }] })
export class MetricsModule {}`;
  const app = (imports: string): string => `import { Module } from '@nestjs/common';
${imports}
@Module({ imports: [${imports ? 'MetricsModule' : ''}] })
export class AppModule {}`;
  const files = (appImports: string) => () => ({
    ...nestAppFiles,
    'src/app.module.ts': app(appImports),
    'src/metrics/index.ts': "export * from './metrics.module';\nexport * from './metrics.interceptor';",
    'src/metrics/metrics.module.ts': metricsModule,
    'src/metrics/metrics.interceptor.ts': interceptor,
    'src/metrics/paths.service.ts': service,
  });
  const unloaded = projectOnDisk('nest-unloaded-module', files(''));
  const loaded = projectOnDisk('nest-loaded-module', files("import { MetricsModule } from './metrics';"));
  it('is quiet for an interceptor only an unloaded module registers', () => {
    expect(lintInDir(ruleId, rule, unloaded.dir(), 'src/metrics/metrics.interceptor.ts', interceptor)).toEqual([]);
  });
  it('reports it once the app module imports the module (line 5)', () => {
    expect(lintInDir(ruleId, rule, loaded.dir(), 'src/metrics/metrics.interceptor.ts', interceptor).map((m) => [m.line, m.messageId])).toEqual([[5, 'unboundedCollection']]);
  });
  // The same through a service the interceptor calls: the service's file is judged by whether its caller is loaded.
  it('is quiet for a service only an unloaded interceptor calls, and reports it from a loaded one', () => {
    expect(lintInDir(ruleId, rule, unloaded.dir(), 'src/metrics/paths.service.ts', service)).toEqual([]);
    expect(reached(lintInDir(ruleId, rule, loaded.dir(), 'src/metrics/paths.service.ts', service))).toEqual([[4, 'unboundedCollectionAcross', 'src/metrics/metrics.interceptor.ts:9']]);
  });
});

describe('a NestJS interceptor a loaded module lists but nothing binds', () => {
  // Listed in \`providers\` and \`exports\` only, Nest makes the interceptor and never calls \`intercept\`;
  // bound by \`APP_INTERCEPTOR\` or a controller's \`@UseInterceptors\`, it runs on every request.
  const interceptor = metricsInterceptor;
  const service = pathsService;
  const files = (providers: string, controller = '') => () => ({
    ...nestAppFiles,
    'src/app.module.ts': `import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MetricsInterceptor } from './metrics.interceptor';
import { PathsService } from './paths.service';
@Module({ providers: [PathsService, ${providers}], exports: [MetricsInterceptor] })
export class AppModule {}`,
    'src/metrics.interceptor.ts': interceptor,
    'src/paths.service.ts': service,
    ...(controller ? { 'src/items.controller.ts': controller } : {}),
  });
  const listed = projectOnDisk('nest-listed-interceptor', files('MetricsInterceptor'));
  const global = projectOnDisk('nest-global-interceptor', files('{ provide: APP_INTERCEPTOR, useClass: MetricsInterceptor }'));
  /** A controller that binds the interceptor, imported from `from`. */
  const bindingController = (from: string): string => `import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { MetricsInterceptor } from '${from}';
@Controller('items')
@UseInterceptors(MetricsInterceptor)
export class ItemsController {
  @Get()
  list() { return []; }
}`;
  const used = projectOnDisk('nest-used-interceptor', files('MetricsInterceptor', bindingController('./metrics.interceptor')));
  it('is quiet for an interceptor only listed as a provider, and for a service only it calls', () => {
    expect(lintInDir(ruleId, rule, listed.dir(), 'src/metrics.interceptor.ts', interceptor)).toEqual([]);
    expect(lintInDir(ruleId, rule, listed.dir(), 'src/paths.service.ts', service)).toEqual([]);
  });
  // The controller imports it through a barrel that re-exports the file whole: the barrel names nothing, its importers do.
  const throughBarrel = projectOnDisk('nest-barrel-interceptor', () => ({
    ...files('MetricsInterceptor', bindingController('./index'))(),
    'src/index.ts': "export * from './metrics.interceptor';\n",
  }));
  it('reports it when bound globally, by a controller, or by one that imports it through a barrel (line 5, the map)', () => {
    expect(lintInDir(ruleId, rule, global.dir(), 'src/metrics.interceptor.ts', interceptor).map((m) => [m.line, m.messageId])).toEqual([[5, 'unboundedCollection']]);
    expect(lintInDir(ruleId, rule, used.dir(), 'src/metrics.interceptor.ts', interceptor).map((m) => [m.line, m.messageId])).toEqual([[5, 'unboundedCollection']]);
    expect(lintInDir(ruleId, rule, throughBarrel.dir(), 'src/metrics.interceptor.ts', interceptor).map((m) => [m.line, m.messageId])).toEqual([[5, 'unboundedCollection']]);
  });
});

describe('a key converted by a call after a lookup of it must succeed', () => {
  // `Number(id)` and `id.trim()` are built from `id`, which the route has just found in the tickets it
  // fetched (404 otherwise): the function applied is not what the key is made of.
  const route = (key: string, guard = 'if (!ticket) {\n    res.status(404).end();\n    return;\n  }'): string => `import express from 'express';
const router = express.Router();
const statuses = new Map();
router.patch('/:id/status', async (req, res) => {
  const id = req.params.id;
  const result = await listTickets({ limit: 1000 });
  const ticket = result.data.find((t) => String(t.id) === id);
  ${guard}
  statuses.set(${key}, req.body.status);
  res.end();
});`;
  const cases: [string, string | undefined, number[]][] = [
    ['Number(id)', undefined, []],
    ['id.trim()', undefined, []],
    ['Number(id)', '// no check', [3]],
    ['Number(req.query.other)', undefined, [3]],
  ];
  for (const [key, guard, expected] of cases) {
    it(`${key}${guard === undefined ? ' after the check' : ' unchecked'}: ${expected.length > 0 ? 'reported' : 'quiet'}`, () => {
      expect(lintWithRule(ruleId, rule, route(key, guard)).map((m) => m.line)).toEqual(expected);
    });
  }
});

describe('a key the route must find a row for, checked with another condition', () => {
  // The membership row is looked up by the key; the route stops when it is missing, whatever the other side of `||` says.
  const route = (guard: string): string => `import express from 'express';
const router = express.Router();
const schedulers = new Map();
router.post('/scheduler', async (req, res) => {
  const { companyId } = req.body;
  const membership = await db.userCompany.findUnique({ where: { userId: req.user.id, companyId } });
  if (${guard}) {
    return res.status(403).end();
  }
  schedulers.set(companyId, { enabled: true });
  res.end();
});`;
  const cases: [string, number[]][] = [
    ["!membership || !['owner', 'admin'].includes(membership.role)", []],
    ["membership.role === 'viewer' || !membership", []],
    // `&&`: a missing row makes the test false, and the write runs.
    ["membership && membership.role === 'viewer'", [3]],
    // Neither side is true when nothing was found.
    ["req.body.dryRun || membership?.role === 'viewer'", [3]],
  ];
  for (const [guard, expected] of cases) {
    it(`if (${guard}) return: ${expected.length > 0 ? 'reported' : 'quiet'}`, () => {
      expect(lintWithRule(ruleId, rule, route(guard)).map((m) => m.line)).toEqual(expected);
    });
  }
});

describe('a key checked by the first row of a query, or read from that row', () => {
  // `const [coin] = await db.select()…limit(1); if (!coin) return null;`: the key names a row that exists.
  // The lookups use `base`, a const made from `currency` (as the key is).
  const pairs = (guard: string): string => `import express from 'express';
const pairCache = new Map();
async function resolvePair(currency, quote) {
  const key = \`\${currency}/\${quote}\`.toUpperCase();
  const hit = pairCache.get(key);
  if (hit) return hit;
  const base = String(currency).toUpperCase();
  const quoteSym = String(quote).toUpperCase();
  const [baseCoin] = await db.select().from(coins).where(eq(coins.symbol, base)).limit(1);
  const [quoteCoin] = await db.select().from(coins).where(eq(coins.symbol, quoteSym)).limit(1);
  ${guard}
  const pair = { base, quote: quoteSym };
  pairCache.set(key, pair);
  return pair;
}
const app = express();
app.get('/pair/:c/:q', async (req, res) => res.json(await resolvePair(req.params.c, req.params.q)));
`;
  const cases: [string, number[]][] = [
    ['if (!baseCoin || !quoteCoin) return null;', []],
    // The quote is never checked: any string adds a key.
    ['if (!baseCoin) return null;', [2]],
    ['// no check', [2]],
  ];
  for (const [guard, expected] of cases) {
    it(`${guard}: ${expected.length > 0 ? 'reported' : 'quiet'}`, () => {
      expect(lintWithRule(ruleId, rule, pairs(guard)).map((m) => m.line)).toEqual(expected);
    });
  }
  // The key is a field of the row found for the header's key id.
  const keys = (read: string, guard = 'if (!row) return res.status(401).end();'): string => `import express from 'express';
const lastUsed = new Map();
const app = express();
app.use(async (req, res, next) => {
  const keyId = String(req.headers['x-api-key'] ?? '');
  ${read}
  ${guard}
  const { key } = row;
  lastUsed.set(key.keyId, Date.now());
  next();
});
`;
  it('is quiet when the key is read from the row found (absent: 401)', () => {
    expect(lintWithRule(ruleId, rule, keys('const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyId, keyId)).limit(1);'))).toEqual([]);
    expect(lintWithRule(ruleId, rule, keys('const row = await apiKeys.findOne({ keyId });'))).toEqual([]);
  });
  // Generated code wraps the answer in a second block: `if (!row) { { res.status(401).end(); return; } }` leaves all the same.
  it('is quiet when the check leaves from a block inside its block; reports it when that block only answers', () => {
    const lookup = 'const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyId, keyId)).limit(1);';
    expect(lintWithRule(ruleId, rule, keys(lookup, 'if (!row) { { res.status(401).end(); return; } }'))).toEqual([]);
    expect(lintWithRule(ruleId, rule, keys(lookup, 'if (!row) { { res.status(401).end(); } }')).map((m) => m.line)).toEqual([2]);
  });
  it('reports the write (line 2) when nothing stops a missing row, or the row is what the client sent', () => {
    expect(lintWithRule(ruleId, rule, keys('const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyId, keyId)).limit(1);', '// no check')).map((m) => m.line)).toEqual([2]);
    expect(lintWithRule(ruleId, rule, keys('const row = await req.json();')).map((m) => m.line)).toEqual([2]);
  });
});

/**
 * A query built in steps and then awaited (set 45, an invoicing app's IMAP scan: `let q =
 * supabase.from('sedi').select(…); if (id) q = q.eq('id', id); const { data } = await q;`) answers
 * stored rows, as the same chain awaited in one expression does: a request id that only selects rows
 * does not make their fields grow (the cache is on line 4). A step that picks with the request in an
 * inner call, or a local that starts from the request itself, is request data still.
 */
/**
 * Supabase answers `{ data, error }`: `const { data: sede } = await supabase.from('sedi')…maybeSingle()`
 * names the row as `const sede = await repo.findOne(…)` does, and `if (!sede?.imapHost) return` stops
 * on a miss as `if (!sede) return` does (set 45, an invoicing app's supplier e-mail discovery). Without
 * such a check, or when the answer is what the client sent, the key still grows (the cache is on line 4).
 */
describe('a row in a client\'s answer, checked present', () => {
  const route = (read: string, guard: string): string => `import express from 'express';
import { supabase } from './db';
const app = express();
const decrypted = new Map();
app.get('/suppliers/:id', async (req, res) => {
  ${read}
  ${guard}
  decrypted.set(sede.imap_password, true);
  res.json({});
});
`;
  const lookup = "const { data: sede, error } = await supabase.from('sedi').select('id, imap_host, imap_password').eq('id', req.params.id).maybeSingle();";
  const cases: [string, string, string, number[]][] = [
    ['an optional read of each field', lookup, 'if (error || !sede?.imap_host || !sede.imap_password) return res.status(404).end();', []],
    ['a plain test of the row', lookup, 'if (!sede) return res.status(404).end();', []],
    ['no check', lookup, '// no check', [4]],
    ['an optional read that does not stop on a miss', lookup, "if (sede?.imap_host === 'legacy') return res.status(410).end();", [4]],
    ['the answer the client sent', 'const { data: sede } = await req.json();', 'if (!sede?.imap_host) return res.status(400).end();', [4]],
  ];
  for (const [name, read, guard, expected] of cases) {
    it(`${name}: ${expected.length > 0 ? 'reported' : 'quiet'}`, () => {
      expect(lintWithRule(ruleId, rule, route(read, guard)).map((m) => m.line)).toEqual(expected);
    });
  }
});

describe('a query built in steps before it is awaited', () => {
  const scan = (start: string, step: string): string => `import express from 'express';
import { supabase } from './db';
const app = express();
const decrypted = new Map();
app.get('/scan', async (req, res) => {
  const sedeId = String(req.query.sede ?? '');
  let query = ${start};
  if (sedeId) {
    query = ${step};
  }
  const { data: rows } = await query;
  for (const row of rows ?? []) decrypted.set(row.imap_password, true);
  res.json({ scanned: rows?.length ?? 0 });
});
`;
  const table = "supabase.from('sedi').select('id, imap_password').not('imap_password', 'is', null)";
  const cases: [string, string, string, number[]][] = [
    ['filtered by the request id in its last call', table, "query.eq('id', sedeId)", []],
    ['awaited in one expression', table, "supabase.from('sedi').select('id, imap_password').eq('id', sedeId)", []],
    ['filtered by the request id before another step', table, "query.eq('id', sedeId).order('id')", [4]],
    ['started from the request body', 'req.body.sedi.filter(Boolean)', 'query.slice(0, 10)', [4]],
  ];
  for (const [name, start, step, expected] of cases) {
    it(`${name}: ${expected.length > 0 ? 'reported' : 'quiet'}`, () => {
      expect(lintWithRule(ruleId, rule, scan(start, step)).map((m) => m.line)).toEqual(expected);
    });
  }
});

describe('a key found in a map the handler itself fills', () => {
  // `counts` is written only when `cacheKey` (made from `org`) is already in `seen`; but `seen` takes
  // every `org` a request sends, so the hit says nothing about what exists: both grow (lines 3 and 4).
  const route = `import express from 'express';
const app = express();
const seen = new Map();
const counts = new Map();
app.get('/o/:org', (req, res) => {
  const org = req.params.org.replace(/\\D/g, '');
  const cacheKey = \`t:\${org}\`;
  const cached = seen.get(cacheKey);
  if (cached) {
    counts.set(org, (counts.get(org) ?? 0) + 1);
    return res.json(cached);
  }
  seen.set(cacheKey, { at: Date.now() });
  res.end();
});
`;
  it('reports both maps', () => {
    expect(lintWithRule(ruleId, rule, route).map((m) => m.line)).toEqual([3, 4]);
  });
});

describe('a key iterated from the keys an object literal writes out', () => {
  // The values come from the request; the names are the ones written in the code.
  const route = (table: string, loop: string, extra = ''): string => `import express from 'express';
const previous = new Map();
function track(checks) {
  const serviceChecks = ${table};
  ${extra}
  ${loop} {
    previous.set(name, 1);
  }
}
const app = express();
app.post('/health', (req, res) => { track(req.body); res.end(); });
`;
  const literal = '{ database: checks.db, redis: checks.redis, "sms-gateway": checks.sms }';
  const cases: [string, string, string, number[]][] = [
    [literal, 'for (const [name, check] of Object.entries(serviceChecks))', '', []],
    [literal, 'for (const name of Object.keys(serviceChecks))', '', []],
    [literal, 'for (const name in serviceChecks)', '', []],
    ['checks', 'for (const name of Object.keys(checks))', '', [2]],
    ['{ ...checks, database: checks.db }', 'for (const name in serviceChecks)', '', [2]],
    ['{ [checks.kind]: checks.db }', 'for (const name in serviceChecks)', '', [2]],
    [literal, 'for (const name in serviceChecks)', 'serviceChecks[checks.extra] = 1;', [2]],
    [literal, 'for (const [, name] of Object.entries(serviceChecks))', '', [2]],
    [literal, 'for (const name of Object.values(serviceChecks))', '', [2]],
  ];
  for (const [table, loop, extra, expected] of cases) {
    it(`${loop} over ${table}${extra ? ` after ${extra}` : ''}: ${expected.length > 0 ? 'reported' : 'quiet'}`, () => {
      expect(lintWithRule(ruleId, rule, route(table, loop, extra)).map((m) => m.line)).toEqual(expected);
    });
  }
});

describe("a client module's cache, imported by a route handler", () => {
  // A server module importing a 'use client' module gets references the browser runs: its Map fills in the page.
  const helper = (directive: string): string => `${directive}const copied = new Map();
export function remember(url: string, text: string) {
  copied.set(url, text);
}
`;
  const files = (directive: string) => (): Record<string, string> => ({
    'package.json': '{ "name": "docs", "dependencies": { "next": "^15.0.0", "react": "^19.0.0" } }\n',
    'lib/copy.ts': helper(directive),
    'app/api/copy/route.ts': `import { remember } from '../../../lib/copy';
export async function POST(req: Request) {
  const { url, text } = await req.json();
  remember(url, text);
  return Response.json({ ok: true });
}
`,
  });
  const server = projectOnDisk('server-helper', files(''));
  const client = projectOnDisk('client-helper', files("'use client';\n"));
  it('reports the Map of a server module (line 1), not that of a client module', () => {
    expect(lintInDir(ruleId, rule, server.dir(), 'lib/copy.ts', helper('')).map((m) => [m.line, m.messageId])).toEqual([[1, 'unboundedCollectionAcross']]);
    expect(lintInDir(ruleId, rule, client.dir(), 'lib/copy.ts', helper("'use client';\n"))).toEqual([]);
  });
});

/**
 * A page a server renders runs its render body there, not what it hands React to run later: its
 * effects, its `useCallback` callbacks and its JSX event handlers run in the browser (set 42:
 * jami-flashcards' dashboard cache, written through a `useCallback` an effect runs). The store in
 * `lib/seen.ts` grows with the page's `params.id` only from the render body.
 */
describe('what a server render of a page runs', () => {
  const page = (body: string): string => `import { useCallback, useEffect } from 'react';
import { remember } from '../../../lib/seen';
export default function Page({ params }: { params: { id: string } }) {
${body}
}
`;
  const variants: Readonly<Record<string, string>> = {
    render: "  remember(params.id);\n  return <p>{params.id}</p>;",
    effect: "  useEffect(() => {\n    remember(params.id);\n  }, [params.id]);\n  return <p>{params.id}</p>;",
    callback: "  const load = useCallback(async () => {\n    remember(params.id);\n  }, [params.id]);\n  useEffect(() => {\n    void load();\n  }, [load]);\n  return <p>{params.id}</p>;",
    event: "  return <button onClick={() => remember(params.id)}>{params.id}</button>;",
  };
  const store = 'const seen = new Map<string, number>();\nexport function remember(id: string): void {\n  seen.set(id, Date.now());\n}\n';
  // One app per variant: the rule names only the first page that reaches the store.
  const projects = Object.entries(variants).map(([name, body]) => [name, projectOnDisk(`render-${name}`, () => ({
    'package.json': JSON.stringify({ name: 'web', private: true, dependencies: { next: '^14.0.0', react: '^18.0.0', 'react-dom': '^18.0.0' } }),
    'lib/seen.ts': store,
    'app/u/[id]/page.tsx': page(body),
  }))] as const);
  const lintStore = (name: string): string[] => {
    const project = projects.find(([n]) => n === name)?.[1];
    if (!project) throw new Error(`no variant ${name}`);
    return lintInDir(ruleId, rule, project.dir(), 'lib/seen.ts', store).map((m) => `${String(m.line)} ${m.message}`);
  };
  it('reports the store the render body writes with the page parameter', () => {
    const found = lintStore('render');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^1 .*app\/u\/\[id\]\/page\.tsx:4\)/);
  });
  it.each(['effect', 'callback', 'event'])('is quiet when only the page\'s %s writes it', (name) => {
    expect(lintStore(name)).toEqual([]);
  });
});

/**
 * A key a schema of another file limits to a fixed set (set 42: everlasting-hills-church's
 * site-settings cache, keyed through `SiteSection.safeParse(raw)` with `SiteSection =
 * z.enum(SITE_SECTIONS)` exported by a schemas file). The store is reported at its declaration, line 3.
 */
describe('a key checked by a schema another file exports', () => {
  const server = `import express from 'express';
import { Section } from './schemas';
const cache = new Map<string, number>();
export const app = express();
app.get('/sections/:section', (req, res) => {
  const parsed = Section.safeParse(req.params.section);
  if (!parsed.success) return res.status(404).end();
  cache.set(parsed.data, Date.now());
  res.json(cache.size);
});
app.listen(3000);
`;
  // The same check in a private helper method that throws on failure: the store is a field (line 4).
  const classServer = `import express from 'express';
import { Section } from './schemas';
class Settings {
  private cache = new Map<string, number>();
  findOne(raw: string): number {
    const section = this.parseSection(raw);
    this.cache.set(section, Date.now());
    return this.cache.size;
  }
  private parseSection(raw: string) {
    const parsed = Section.safeParse(raw.toUpperCase());
    if (!parsed.success) throw new Error('unknown section');
    return parsed.data;
  }
}
const settings = new Settings();
export const app = express();
app.get('/sections/:section', (req, res) => { res.json(settings.findOne(req.params.section)); });
app.listen(3000);
`;
  const files = (schema: string): Record<string, string> => ({
    'package.json': JSON.stringify({ name: 'site', private: true, dependencies: { express: '^4.0.0', zod: '^3.0.0' } }),
    'src/schemas.ts': schema,
    'src/server.ts': server,
    'src/class-server.ts': classServer,
  });
  const fixed = projectOnDisk('schema-enum', () => files("import { z } from 'zod';\nexport const SECTIONS = ['HERO', 'ABOUT', 'CONTACT'] as const;\nexport const Section = z.enum(SECTIONS).default('HERO');\n"));
  const open = projectOnDisk('schema-string', () => files("import { z } from 'zod';\nexport const Section = z.string().min(1);\n"));
  const lint = (dir: string): number[] => lintInDir(ruleId, rule, dir, 'src/server.ts', server).map((m) => m.line);
  it('is quiet when the exported schema is an enum, and reports the store when it admits any string', () => {
    expect(lint(fixed.dir())).toEqual([]);
    expect(lint(open.dir())).toEqual([3]);
  });
  it('follows the key through the class\'s own helper method', () => {
    const lintClass = (dir: string): number[] => lintInDir(ruleId, rule, dir, 'src/class-server.ts', classServer).map((m) => m.line);
    expect(lintClass(fixed.dir())).toEqual([]);
    expect(lintClass(open.dir())).toEqual([4]);
  });
});

describe('a library module nothing loads', () => {
  // Set 44 (triangle-trade's `lib/middleware/security.js`, lawfirm-pro's search middleware): a wrapper
  // `withSecurity = (handler) => async (req, res) => …` in a library folder that no file imports runs
  // no request, and neither does what it calls in another file (`track` in `src/services/track.js`).
  // The package has npm's default `main` but a `start` script: an application, not a published library.
  const security = `import { track } from '../../services/track';
const hits = new Map();
export const withSecurity = (handler) => async (req, res) => {
  hits.set(req.headers['x-client'], Date.now());
  track(req.query.q);
  return handler(req, res);
};
`;
  const track = `const seen = new Map();
export function track(term) {
  seen.set(term, Date.now());
}
`;
  const app = (extra: Readonly<Record<string, string>>): Record<string, string> => ({
    'package.json': JSON.stringify({ name: 'web', version: '1.0.0', main: 'index.js', scripts: { start: 'next start' }, dependencies: { next: '^14.0.0' } }),
    'src/lib/middleware/security.js': security,
    'src/services/track.js': track,
    'pages/api/ping.js': 'export default function handler(req, res) { res.end("ok"); }\n',
    ...extra,
  });
  const unloaded = projectOnDisk('handler-lib-unloaded', () => app({}));
  const loaded = projectOnDisk('handler-lib-loaded', () => app({ 'pages/api/search.js': "import { withSecurity } from '../../src/lib/middleware/security';\nexport default withSecurity((req, res) => res.end());\n" }));
  const lint = (dir: string, file: string, code: string): number[] => lintInDir(ruleId, rule, dir, file, code).map((m) => m.line);
  it('is quiet in the module and in the file it calls when no file imports it', () => {
    expect(lint(unloaded.dir(), 'src/lib/middleware/security.js', security)).toEqual([]);
    expect(lint(unloaded.dir(), 'src/services/track.js', track)).toEqual([]);
  });
  it('reports both, at their declarations (line 2 and line 1), once a route imports the module', () => {
    expect(lint(loaded.dir(), 'src/lib/middleware/security.js', security)).toEqual([2]);
    expect(lint(loaded.dir(), 'src/services/track.js', track)).toEqual([1]);
  });
});

describe('a key written only when a lookup found its row, or checked by an awaited assertion', () => {
  // Set 44: volunteer-manager writes an event's title only `if (shortName)` after a none-or-one query
  // (line 9); claims-manager writes a webhook's connection only `if (connection)` after one repository
  // lookup and, on a miss, another (line 10); dating writes after `await assertParticipant(…)` (line 11).
  // A fetch's answer, a synchronous type assertion and a `let` also given a value made on a miss check
  // nothing (lines 12 to 14).
  const code = `import express from 'express';
const titles = new Map();
const connections = new Map();
const sentAt = new Map();
const profiles = new Map();
const searched = new Map();
const rows = new Map();
const app = express();
app.get('/events/:slug', async (req, res) => {
  const shortName = await db.selectFrom(tEvents).selectOneColumn(tEvents.shortName).where(tEvents.slug.equals(req.params.slug)).executeSelectNoneOrOne();
  if (shortName) titles.set(req.params.slug, shortName);
  res.end();
});
app.post('/hooks', async (req, res) => {
  const key = \`webhook:\${req.body.tenant}\`;
  let connection = await identifiers.findConnectionByIdentifier({ value: req.body.tenant });
  if (!connection) connection = await connectionsRepo.findByTenant({ tenant: req.body.tenant });
  if (connection) {
    connections.set(key, connection);
  }
  res.end();
});
app.post('/conversations/:id/messages', async (req, res) => {
  await conversations.assertActiveParticipant(req.user.id, req.params.id);
  sentAt.set(req.params.id, Date.now());
  res.end();
});
app.get('/profiles', async (req, res) => {
  const profile = await fetchProfile(req.query.name);
  if (profile) profiles.set(req.query.name, profile);
  assertString(req.query.q);
  searched.set(req.query.q, 1);
  let row = await repo.findOne({ id: req.query.id });
  if (!row) row = await makeRow(req.query.id);
  if (row) rows.set(req.query.id, row);
  res.end();
});`;
  it('reports the fetch, the type assertion and the let given a made value (lines 5 to 7)', () => {
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([
      ['unboundedCollection', 5],
      ['unboundedCollection', 6],
      ['unboundedCollection', 7],
    ]);
  });
});

describe('a key a comparison function found equal to a configured value, checked two callers up', () => {
  // Set 44 (arl-airport's revalidation route): `if (!safeCompare(secret, configuredSecret)) return 401`
  // in the handler, then `consumeCooldown(secret)`, which hashes it and hands the hash to the function
  // that writes (line 2). Past the guard `secret` is the configured one. Without the guard, or compared
  // with another header, the same chain grows (lines 3 and 4).
  const chain = (store: string, n: number): string => `function remember${n}(hash) { ${store}.set(hash, Date.now() + 5000); }
function consume${n}(secret) { const hash = hashOf(secret); remember${n}(hash); }`;
  const code = `import express from 'express';
const cooldowns = new Map();
const unchecked = new Map();
const crossChecked = new Map();
const app = express();
function hashOf(value) { return createHash('sha256').update(value).digest('hex'); }
${chain('cooldowns', 1)}
${chain('unchecked', 2)}
${chain('crossChecked', 3)}
app.post('/revalidate', (req, res) => {
  const secret = req.headers['x-revalidate-secret'] ?? '';
  if (!process.env.REVALIDATE_SECRET || !safeCompare(secret, process.env.REVALIDATE_SECRET)) return res.status(401).end();
  consume1(secret);
  res.end();
});
app.post('/open', (req, res) => {
  consume2(req.headers['x-revalidate-secret']);
  if (!timingSafeEqual(req.headers['x-a'], req.headers['x-b'])) return res.status(401).end();
  consume3(req.headers['x-a']);
  res.end();
});`;
  it('reports the unchecked and the cross-checked keys only', () => {
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([
      ['unboundedCollection', 3],
      ['unboundedCollection', 4],
    ]);
  });
});

describe('a module only a router nothing mounts imports', () => {
  // Set 44 (printshop-os's SOP search): `sop.service.ts` keeps search terms from the query; its only
  // caller is `sop.controller.ts`, whose only serving importer is `sop.routes.ts`, a router the server
  // never mounts (a test imports the service too). Mounted, the same chain grows (line 1).
  const service = `const terms = new Map();
export const sopService = {
  search(q) {
    terms.set(q, Date.now());
    return [];
  },
};
`;
  const app = (mount: boolean): Record<string, string> => ({
    'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { express: '^4.0.0' } }),
    'src/server.ts': `import express from 'express';
${mount ? "import sopRoutes from './sop/sop.routes';\n" : ''}import health from './health.routes';
const app = express();
app.use(health);
${mount ? 'app.use(sopRoutes);\n' : ''}app.listen(3000);
`,
    'src/health.routes.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/health', (req, res) => res.end('ok'));\nexport default router;\n",
    'src/sop/sop.routes.ts': "import { Router } from 'express';\nimport { sopController } from './sop.controller';\nconst router = Router();\nrouter.get('/sops/search', (req, res) => sopController.search(req, res));\nexport default router;\n",
    'src/sop/sop.controller.ts': "import { sopService } from './sop.service';\nexport const sopController = {\n  search(req, res) {\n    res.json(sopService.search(req.query.q));\n  },\n};\n",
    'src/sop/sop.service.ts': service,
    'src/__tests__/sop.test.ts': "import { sopService } from '../sop/sop.service';\nsopService.search('x');\n",
  });
  const unmounted = projectOnDisk('handler-dead-importers', () => app(false));
  const mounted = projectOnDisk('handler-live-importers', () => app(true));
  const lint = (dir: string): number[] => lintInDir(ruleId, rule, dir, 'src/sop/sop.service.ts', service).map((m) => m.line);
  it('is quiet when the controller is used only by a router nothing mounts', () => {
    expect(lint(unmounted.dir())).toEqual([]);
  });
  it('reports the map (line 1) once the server mounts the router', () => {
    expect(lint(mounted.dir())).toEqual([1]);
  });
});

describe('an in-flight entry removed in a try and in its catch', () => {
  // set 50: a route's in-flight map, its entry deleted after the await and again in the catch; the
  // handler also reads the clock (for timing), which made the removal look like an expiry checked on read.
  const code = (onFailure: string): string => `const inFlight = new Map<string, Promise<unknown>>();
export async function GET(request: Request) {
  const started = Date.now();
  const key = new URL(request.url).searchParams.get('q') ?? '';
  if (inFlight.has(key)) {
    const data = await inFlight.get(key)!;
    return Response.json({ data });
  }
  const job = (async () => load(key))();
  inFlight.set(key, job);
  try {
    const data = await job;
    inFlight.delete(key);
    return Response.json({ data, took: Date.now() - started });
  } catch (error) {
    ${onFailure}
    return new Response('failed', { status: 500 });
  }
}`;
  const project = projectOnDisk('in-flight-route', () => ({ 'package.json': '{ "name": "school", "dependencies": { "next": "^15.0.0" } }\n' }));
  const lint = (onFailure: string): [string | undefined, number][] =>
    lintInDir('no-unbounded-cache-in-handler', rule, project.dir(), 'app/api/data/route.ts', code(onFailure)).map((m) => [m.messageId, m.line]);
  it('is quiet when both the success and the failure remove the entry', () => {
    expect(lint('inFlight.delete(key);')).toEqual([]);
  });
  it('reports the map (line 1) when a failed load leaves its entry', () => {
    expect(lint('console.error(error);')).toEqual([['unboundedCollection', 1]]);
  });
});

describe('a value made with an option only a fixed set passes', () => {
  // set 51 (and set 46): formatters cached by time zone; `new Intl.DateTimeFormat(…, { timeZone })`
  // throws a RangeError for a zone the runtime does not know, so at most its IANA zones are kept.
  const code = (key: string): string => `import express from 'express';
const app = express();
const formatters = new Map();
function formatterFor(locale, timeZone) {
  const cached = formatters.get(${key});
  if (cached) return cached;
  const formatter = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longOffset' });
  formatters.set(${key}, formatter);
  return formatter;
}
app.get('/slots', (req, res) => {
  res.json({ now: formatterFor('en-US', String(req.query.tz)).format(new Date()) });
});
app.get('/local', (req, res) => {
  res.json({ now: formatterFor(String(req.query.lang), 'UTC').format(new Date()) });
});
export default app;`;
  it('is quiet for a cache keyed by the time zone alone', () => {
    expect(lintWithRule('no-unbounded-cache-in-handler', rule, code('timeZone'))).toEqual([]);
  });
  it('reports the map (line 3) when the key also holds a locale, which any well-formed tag passes', () => {
    expect(lintWithRule('no-unbounded-cache-in-handler', rule, code('`${locale}|${timeZone}`')).map((m) => [m.messageId, m.line])).toEqual([['unboundedCollection', 3]]);
  });
});

describe('a write that never runs in production', () => {
  // set 52 (seemorg/ocr-platform) and set 51 (vettrack): a development-only route that answers 403
  // unless NODE_ENV is `development`, and a warning helper that returns at once outside development.
  // Production runs with NODE_ENV=production, so neither adds an entry per request there; a guard
  // that lets production through (`=== 'test'`, `!== 'production'`) does not make the write quiet.
  const route = (guard: string): string => `import express from 'express';
const app = express();
const loginUrls = new Map();
app.post('/dev-login-url', (req, res) => {
  ${guard}
  loginUrls.set(req.body.email, req.body.url);
  res.json({ ok: true });
});
export default app;`;
  const lint = (code: string): [string | undefined, number][] => lintWithRule('no-unbounded-cache-in-handler', rule, code).map((m) => [m.messageId, m.line]);
  it('is quiet behind a guard that leaves unless the mode is development', () => {
    expect(lint(route(`if (process.env.NODE_ENV !== 'development') { return res.status(403).end(); }`))).toEqual([]);
    expect(lint(route(`if (process.env.NODE_ENV === 'production') return res.status(403).end();`))).toEqual([]);
  });
  it('reports the map (line 3) when the guard leaves only outside production or does not leave', () => {
    expect(lint(route(`if (process.env.NODE_ENV === 'test') return res.end();`))).toEqual([['unboundedCollection', 3]]);
    expect(lint(route(`if (process.env.NODE_ENV !== 'production') return res.end();`))).toEqual([['unboundedCollection', 3]]);
    expect(lint(route(`if (process.env.NODE_ENV !== 'development') { console.warn('dev route'); }`))).toEqual([['unboundedCollection', 3]]);
  });
  it('is quiet for a write inside a development branch, through a module constant, and after `&&`', () => {
    const branch = `import express from 'express';
const app = express();
const isDev = process.env.NODE_ENV !== 'production';
const seen = new Set();
const warned = new Set();
function warnMissing(key) {
  if (!isDev) return;
  if (warned.has(key)) return;
  warned.add(key);
}
app.get('/t', (req, res) => {
  if (process.env.NODE_ENV === 'development') { seen.add(req.query.key); }
  isDev && seen.add(req.query.other);
  warnMissing(req.query.key);
  res.end();
});
export default app;`;
    expect(lint(branch)).toEqual([]);
  });
  it('reports a development branch whose mode test is a variable that can change (line 4)', () => {
    const code = `import express from 'express';
const app = express();
let isDev = process.env.NODE_ENV !== 'production';
const seen = new Set();
app.get('/t', (req, res) => {
  if (isDev) seen.add(req.query.key);
  res.end();
});
app.post('/mode', (req, res) => { isDev = Boolean(req.body.dev); res.end(); });
export default app;`;
    expect(lint(code)).toEqual([['unboundedCollection', 4]]);
  });
});

describe('a handler in another file that calls the writer only in development', () => {
  const store = `export const captured = new Map();
export function capture(email, url) {
  captured.set(email, url);
}
`;
  const route = (guard: string): string => `import express from 'express';
import { capture } from './store.js';
export const router = express.Router();
router.post('/capture', (req, res) => {
  ${guard}
  capture(req.body.email, req.body.url);
  res.end();
});
`;
  const app = `import express from 'express';
import { router } from './routes.js';
const app = express();
app.use(router);
`;
  const devOnly = expressProject(ruleId, rule, { 'store.js': store, 'routes.js': route(`if (process.env.NODE_ENV !== 'development') return res.status(404).end();`), 'app.js': app });
  const always = expressProject(ruleId, rule, { 'store.js': store, 'routes.js': route(''), 'app.js': app });
  it('is quiet when the call is behind the guard', () => {
    expect(reached(devOnly.lint('store.js'))).toEqual([]);
  });
  it('reports the map when the route calls it in every mode (routes line 6)', () => {
    expect(reached(always.lint('store.js'))).toEqual([[1, 'unboundedCollectionAcross', 'src/routes.js:6']]);
  });
});

describe('a debounce queue whose flush a timer runs', () => {
  // set 52 (print-shop-manager): each webhook message adds to a batch per sender and (re)starts a
  // timer; the timer's flush reads the batch, compares the clock with the last send, and deletes the
  // entry. The removal runs for every entry written, so the queue holds only the batches of the last
  // moments. The same flush run only when the sender asks again is an expiry checked on read.
  const code = (schedule: string, route = ''): string => `import express from 'express';
const app = express();
const queue = new Map();
async function flushBatch(phone) {
  const batch = queue.get(phone);
  if (!batch) return;
  if (Date.now() - batch.lastSent < 1500) {
    queue.delete(phone);
    return;
  }
  await send(batch.files);
  queue.delete(phone);
}
function enqueue(phone, file) {
  const existing = queue.get(phone);
  if (existing) {
    existing.files.push(file);
    return;
  }
  queue.set(phone, { files: [file], lastSent: 0 });
  ${schedule}
}
app.post('/hook', (req, res) => {
  enqueue(req.body.from, req.body.file);
  ${route}
  res.end();
});
export default app;`;
  const lint = (source: string): [string | undefined, number][] => lintWithRule('no-unbounded-cache-in-handler', rule, source).map((m) => [m.messageId, m.line]);
  it('is quiet when the writer starts a one-shot timer that runs the flush', () => {
    expect(lint(code('setTimeout(() => flushBatch(phone), 1800);'))).toEqual([]);
    expect(lint(code('setTimeout(flushBatch, 1800, phone);'))).toEqual([]);
  });
  it('reports the queue (line 3) when the flush runs only when the same sender writes again', () => {
    expect(lint(code('', 'void flushBatch(req.body.from);'))).toEqual([['unboundedCollection', 3]]);
  });
});

describe('a key given to a `let` through a destructuring assignment', () => {
  // set 53 (fleet-compliance-sentinel): `let orgId; try { ({ orgId } = await requireOrg(request)); }
  // catch { return … }` takes the organisation the project's own auth wrapper answers with. The value
  // the pattern gives the name is what decides, as for `orgId = …`; before, a name written only through
  // a pattern had no value in sight and was taken as request data.
  const code = (given: string): string => `import express from 'express';
import { requireOrg } from './auth';
const orgDeals = new Map();
const app = express();
app.get('/deals', async (req, res) => {
  let orgId;
  try {
    (${given});
  } catch {
    return res.status(401).end();
  }
  orgDeals.set(orgId, []);
  res.end();
});`;
  const lint = (source: string): [string | undefined, number][] => lintWithRule('no-unbounded-cache-in-handler', rule, source).map((m) => [m.messageId, m.line]);
  it('is quiet when the value comes from an awaited call of an imported function', () => {
    expect(lint(code('{ orgId } = await requireOrg(req)'))).toEqual([]);
  });
  it('reports the map (line 3) when the pattern takes the value from the request', () => {
    expect(lint(code('{ orgId } = req.body'))).toEqual([['unboundedCollection', 3]]);
    expect(lint(code('{ org: { id: orgId } } = req.query'))).toEqual([['unboundedCollection', 3]]);
    expect(lint(code('[orgId] = req.params.ids.split(",")'))).toEqual([['unboundedCollection', 3]]);
  });
});

describe("an id the app's middleware put on the request itself", () => {
  // set 50 (vettrack, smartaccounting `req.companyId`): `req.clinicId`, set by the auth middleware of another file, names the caller's
  // clinic, as `req.patient.tenantId` names the patient's tenant: a field no client can fill, one per
  // clinic. Ids new for every request or visitor (`req.traceId`, `req.sessionId`), `req.id` (pino-http's
  // request id), what the client sent (`req.body.clinicId`, `req.params.companyId`) and an id this
  // file's middleware copies from the query (`req.courseId`) still grow.
  const code = `import express from 'express';
import { requireAuth } from './auth';
const presence = new Map();
const plans = new Map();
const traces = new Map();
const sessions = new Map();
const ids = new Map();
const bodies = new Map();
const params = new Map();
const courses = new Map();
const app = express();
app.use((req, res, next) => {
  req.courseId = req.query.course;
  next();
});
app.get('/x/:companyId', requireAuth, (req, res) => {
  courses.set(req.courseId, 1);
  presence.set(req.clinicId, Date.now());
  const { companyId } = req;
  plans.set(\`ai:\${companyId}:\${req.user.id}\`, 1);
  traces.set(req.traceId, 1);
  sessions.set(req.sessionId, 1);
  ids.set(req.id, 1);
  bodies.set(req.body.clinicId, 1);
  params.set(req.params.companyId, 1);
  res.end();
});`;
  it('reports the per-request ids and the client\'s values (lines 5 to 10), not the clinic or the company', () => {
    expect(lintWithRule('no-unbounded-cache-in-handler', rule, code).map((m) => [m.messageId, m.line])).toEqual([
      ['unboundedCollection', 5],
      ['unboundedCollection', 6],
      ['unboundedCollection', 7],
      ['unboundedCollection', 8],
      ['unboundedCollection', 9],
      ['unboundedCollection', 10],
    ]);
  });
});

describe('the first row of an awaited query read by index and checked present', () => {
  // set 48 (mobtranslate): `const rows = await db.select()…where(eq(languages.code, language)).limit(1);
  // const lang = rows[0]; if (!lang) return null;` before `dictCache.set(language, …)`: the same check
  // as `const [lang] = await …`, so only languages the table holds are written.
  const code = (read: string, guard = 'if (!lang) return null;'): string => `import express from 'express';
const dictCache = new Map();
async function loadDictionary(language) {
  const rows = await db.select().from(languages).where(eq(languages.code, language)).limit(1);
  ${read}
  ${guard}
  dictCache.set(language, { at: Date.now(), lang });
  return lang;
}
const app = express();
app.get('/translate/:language', async (req, res) => {
  res.json(await loadDictionary(req.params.language));
});`;
  const lines = (source: string): number[] => lintWithRule(ruleId, rule, source).map((m) => m.line);
  it('is quiet when the row read by index must be there', () => {
    expect(lines(code('const lang = rows[0];'))).toEqual([]);
  });
  it('reports the map (line 2) when nothing checks the row, or the row read is not the first', () => {
    expect(lines(code('const lang = rows[0];', '// no check'))).toEqual([2]);
    expect(lines(code('const lang = rows[1];'))).toEqual([2]);
  });
});

describe('a value passed on only when a constant list holds it', () => {
  // set 48 (agent-first-simple-newsletter-cms, its i18n middleware): `loadLocale(SUPPORTED_LANGS.includes(lang) ? lang :
  // FALLBACK_LANG)` writes one entry per supported language whatever the cookie says, as a value that
  // passed a narrow pattern test does. A list the code adds to, or a branch that passes something else
  // (`lang.trim()`), is not such a check.
  const code = (arg: string, extra = ''): string => `import express from 'express';
const SUPPORTED_LANGS = ['it', 'en'];
const FALLBACK_LANG = 'en';
const cache = new Map();
function loadLocale(lang) {
  if (cache.has(lang)) return cache.get(lang);
  const strings = readStrings(lang);
  cache.set(lang, strings);
  return strings;
}
${extra}
const app = express();
app.use((req, res, next) => {
  const lang = req.cookies.lang;
  res.locals.t = loadLocale(${arg});
  next();
});`;
  const lines = (source: string): number[] => lintWithRule(ruleId, rule, source).map((m) => m.line);
  it('is quiet when only a listed value is passed on', () => {
    expect(lines(code('SUPPORTED_LANGS.includes(lang) ? lang : FALLBACK_LANG'))).toEqual([]);
    expect(lines(code('!SUPPORTED_LANGS.includes(lang) ? FALLBACK_LANG : lang'))).toEqual([]);
  });
  it('reports the cache (line 4) when the list grows, or another value is passed on', () => {
    expect(lines(code('SUPPORTED_LANGS.includes(lang) ? lang : FALLBACK_LANG', 'export function addLang(l) { SUPPORTED_LANGS.push(l); }'))).toEqual([4]);
    expect(lines(code('SUPPORTED_LANGS.includes(lang) ? lang.trim() : FALLBACK_LANG'))).toEqual([4]);
    expect(lines(code('lang'))).toEqual([4]);
  });
  // set 62 (personal-dictionary): \`isValidHbrTab(rawTab) ? rawTab : 'latest'\`, the function returning
  // \`HBR_TAB_ORDER.includes(value ?? '')\`. Its body is the evidence, not its name.
  it('is quiet when a function whose body is only such a test holds the value passed on', () => {
    expect(lines(code("isSupported(lang) ? lang : FALLBACK_LANG", "function isSupported(v) { return SUPPORTED_LANGS.includes(v ?? ''); }"))).toEqual([]);
    expect(lines(code("!isSupported(lang) ? FALLBACK_LANG : lang", "const LABELS = { it: 'Italiano', en: 'English' };\nconst isSupported = (v) => v in LABELS;"))).toEqual([]);
  });
  it('reports the cache when the function so named tests something else, does more, or tests another argument', () => {
    expect(lines(code('isSupported(lang) ? lang : FALLBACK_LANG', "function isSupported(v) { return typeof v === 'string'; }"))).toEqual([4]);
    expect(lines(code('isSupported(lang) ? lang : FALLBACK_LANG', 'function isSupported(v) { SUPPORTED_LANGS.push(v); return true; }'))).toEqual([4]);
    expect(lines(code("isSupported('it', lang) ? lang : FALLBACK_LANG", 'function isSupported(v, other) { return SUPPORTED_LANGS.includes(v); }'))).toEqual([4]);
  });
});

describe('a value passed on only when a function of another module finds it in a constant list', () => {
  const project = (body: string): (() => string) =>
    projectFolder('memo-guard-predicate-', {
      'src/tabs.ts': `export const TAB_ORDER: string[] = ['latest', 'magazine'];
export function isValidTab(value: string | null | undefined): boolean {
  ${body}
}
`,
    });
  const server = `import express from 'express';
import { isValidTab } from './tabs';
const app = express();
const feeds = new Map<string, string[]>();
app.get('/feed', (req, res) => {
  const raw = String(req.query.tab ?? 'latest');
  const tab = isValidTab(raw) ? raw : 'latest';
  feeds.set(tab, []);
  res.send('ok');
});`;
  const listed = project("return TAB_ORDER.includes(value ?? '');");
  const shaped = project("return typeof value === 'string' && value.length < 40;");
  it('is quiet when the imported function returns only a membership test of a constant list', () => {
    expect(lintServerIn(listed(), server)).toEqual([]);
  });
  it('reports the map when the imported function tests a shape', () => {
    expect(lintServerIn(shaped(), server)).toEqual(['unboundedCollection']);
  });
});

describe('an optional table lookup whose miss does not stop the write', () => {
  it('reported: the lookup is read, not checked', () => {
    const code = `import express from 'express';
const app = express();
const hub = { printerStates: {} };
const modelCache = new Map();
app.get('/printers/:id/model', (req, res) => {
  const state = hub?.printerStates?.[req.params.id];
  modelCache.set(req.params.id, { job: state?.job ?? null });
  res.json(modelCache.get(req.params.id));
});`;
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line, m.column])).toEqual([['unboundedCollection', 4, 20]]);
  });
});

/**
 * A table handed in by callers in another module (`getModel(id, hub)` looking up
 * `hub?.printerStates?.[printerId]`, leaving on a miss): the entries are the printers the server
 * holds. A table named as the request's payload (`body`), or read through one (`opts.query`), says
 * nothing about what exists.
 */
describe("a lookup in a table another module's caller hands in, that must find the key", () => {
  const service = (table: string, lookup: string): string => `const modelCache = new Map();
export async function getModel(printerId, ${table}) {
  const state = ${lookup};
  if (!state) return null;
  const model = await fetch(\`http://\${state.ip}/model\`).then((r) => r.json());
  modelCache.set(printerId, { job: state.job, model });
  return model;
}
`;
  const routes = (arg: string): string => `import express from 'express';
import { getModel } from './svc.js';
const app = express();
let hub = null;
export function attach(h) { hub = h; }
app.get('/api/model/:id', async (req, res) => {
  res.json(await getModel(req.params.id, ${arg}));
});
app.listen(3000);
`;
  const project = expressProject(ruleId, rule, {
    'svc.js': service('hub', 'hub?.printerStates?.[printerId]'),
    'routes.js': routes('hub'),
  });
  it('a server-held table: quiet', () => {
    expect(project.lint('svc.js')).toEqual([]);
  });
  it('a table named as the payload, or read through one: reported', () => {
    expect(reached(project.lint('svc.js', service('body', 'body[printerId]')))).toEqual([[1, 'unboundedCollectionAcross', 'src/routes.js:7']]);
    expect(reached(project.lint('svc.js', service('opts', 'opts.query[printerId]')))).toEqual([[1, 'unboundedCollectionAcross', 'src/routes.js:7']]);
  });
});

/**
 * What only administrators reach: a write after a check that leaves for anyone else. The key may be
 * what the request gives (an address, a header), but only the few accounts trusted with the route add
 * one. A check of a signed-in user, a check that does not leave, or a test joined by `&&` does not
 * keep the public out.
 */
describe('a write that only administrators reach', () => {
  const route = (gate: string): string => `const buckets = new Map();
function clientKey(request) {
  return request.headers.get('x-forwarded-for') ?? 'unknown';
}
export async function POST(request) {
  ${gate}
  const key = clientKey(request);
  buckets.set(key, (buckets.get(key) ?? 0) + 1);
  return Response.json({ ok: true });
}
`;
  const project = projectOnDisk('admin-gates', () => ({ 'package.json': '{ "name": "shop", "dependencies": { "next": "^15.0.0" } }\n', 'app/api/admin/lookup/route.ts': route('') }));
  const lint = (gate: string) => {
    const code = route(gate);
    writeFileSync(path.join(project.dir(), 'app/api/admin/lookup/route.ts'), code);
    return lintInDir(ruleId, rule, project.dir(), 'app/api/admin/lookup/route.ts', code).map((m) => [m.messageId, m.line]);
  };
  it.each([
    ['a throwing check in a try whose catch leaves', "try {\n    await requireAdminMobile(request);\n  } catch {\n    return new Response('Unauthorized', { status: 401 });\n  }"],
    ['a throwing check awaited alone', 'await requireAdmin(request);'],
    ['a throwing check whose answer is kept', 'const admin = await verifyAdminSession(request);'],
    ['a test of a check, leaving', "if (!(await isAdmin(request))) return new Response('Forbidden', { status: 403 });"],
    ['a role compared, joined by ||', "const session = await getSession(request);\n  if (!session || session.user.role !== 'ADMIN') return new Response('Forbidden', { status: 403 });"],
    ['a flag on the user, read optionally', "const session = await getSession(request);\n  if (!session?.user?.isSuperAdmin) return new Response('Forbidden', { status: 403 });"],
  ])('%s: quiet', (_how, gate) => {
    expect(lint(gate)).toEqual([]);
  });
  it.each([
    ['a check of any signed-in user', 'await requireUser(request);'],
    ['an admin test that does not leave', "if (!(await isAdmin(request))) console.warn('not an admin');"],
    ['an admin test joined by &&', "const session = await getSession(request);\n  if (!session && session?.user.role !== 'admin') return new Response('Forbidden', { status: 403 });"],
    ['an admin test called for nothing', 'await isAdmin(request);'],
  ])('%s: reported', (_how, gate) => {
    expect(lint(gate)).toEqual([['unboundedCollection', 1]]);
  });
});

/**
 * Routes registered behind a middleware that lets only administrators through, on the router
 * (`router.use(authenticate, adminOnly)`, for the routes after it) or on the route
 * (`router.post(path, requireRole('admin'), handler)`): only administrators run them.
 */
describe('routes behind a middleware for administrators alone', () => {
  const file = (routes: string): string => `import express from 'express';
import { authenticate, adminOnly, requireRole } from './auth.js';
const router = express.Router();
const attempts = new Map();
function limiter(max) {
  return (req, res, next) => {
    const count = (attempts.get(req.ip) ?? 0) + 1;
    attempts.set(req.ip, count);
    if (count > max) return res.sendStatus(429);
    next();
  };
}
${routes}
export default router;
`;
  const found = (routes: string) => lintWithRule(ruleId, rule, file(routes)).map((m) => [m.messageId, m.line]);
  it.each([
    ['the router gated before its routes', "router.use(authenticate, adminOnly);\nrouter.post('/backup', limiter(3), (req, res) => res.json({ ok: true }));"],
    ['the route gated by a role check for administrators', "router.post('/backup', authenticate, requireRole('admin'), limiter(3), (req, res) => res.json({ ok: true }));"],
  ])('%s: quiet', (_how, routes) => {
    expect(found(routes)).toEqual([]);
  });
  it.each([
    ['a route registered before the gate', "router.post('/login', limiter(5), (req, res) => res.json({ ok: true }));\nrouter.use(authenticate, adminOnly);"],
    ['a gate on another path only', "router.use('/admin', adminOnly);\nrouter.post('/login', limiter(5), (req, res) => res.json({ ok: true }));"],
    ['a role check that lets editors through too', "router.post('/backup', requireRole('admin', 'editor'), limiter(3), (req, res) => res.json({ ok: true }));"],
  ])('%s: reported', (_how, routes) => {
    expect(found(routes)).toEqual([['unboundedCollection', 4]]);
  });
});

describe('a middleware factory used on a public route and behind an administrators-only gate', () => {
  it('reported: the public route runs it too', () => {
    const code = `import express from 'express';
import { adminOnly } from './auth.js';
const router = express.Router();
const attempts = new Map();
function limiter(max) {
  return (request, response, next) => {
    attempts.set(request.ip, (attempts.get(request.ip) ?? 0) + 1);
    next();
  };
}
router.post('/login', limiter(5), (req, res) => res.json({ ok: true }));
router.use(adminOnly);
router.post('/backup', limiter(3), (req, res) => res.json({ ok: true }));
export default router;
`;
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([['unboundedCollection', 4]]);
  });
});

describe('the middleware registered with the gate', () => {
  it('reported: the middleware before the gate runs for everyone', () => {
    const code = `import express from 'express';
import { adminOnly } from './auth.js';
const router = express.Router();
const seen = new Map();
function track(req, res, next) {
  seen.set(req.ip, Date.now());
  next();
}
router.use(track, adminOnly);
router.post('/backup', (req, res) => res.json({ ok: true }));
export default router;
`;
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line])).toEqual([['unboundedCollection', 4]]);
  });
});

describe('a key written in the fulfilment handler of a lookup, only when it found a row', () => {
  // set 63 (YuGiOh-DuelHub's pack collation cache): `prisma.cardSet.findUnique({ where: { id: setId } })
  // .then((set) => { if (set) cache.set(setId, …) })`, with `prisma` handed down by exported functions that
  // other modules call: only ids of sets that exist add entries.
  const project = (loader: string): (() => string) =>
    projectFolder('memo-guard-then-lookup-', {
      'src/packs.ts': `const collations = new Map<string, { at: number; set: unknown }>();
function loadSet(prisma: Db, setId: string) {
  return ${loader};
}
export async function openPack(prisma: Db, setId: string) {
  return loadSet(prisma, setId);
}
`,
      'src/server.ts': `import express from 'express';
import { openPack } from './packs';
import { getDb } from './db';
const app = express();
app.post('/packs/open', async (req, res) => {
  res.json(await openPack(getDb(), req.body.setId));
});
`,
    });
  const lintPacks = (root: string): string[] => lintFileIn(root, 'src/packs.ts');
  const found = project('prisma.cardSet.findUnique({ where: { id: setId } }).then((set) => {\n    if (set) collations.set(setId, { at: Date.now(), set });\n    return set;\n  })');
  const always = project('prisma.cardSet.findUnique({ where: { id: setId } }).then((set) => {\n    collations.set(setId, { at: Date.now(), set });\n    return set;\n  })');
  const tested = project('prisma.cardSet.findUnique({ where: { id: setId } }).then((set) => {\n    if (setId) collations.set(setId, { at: Date.now(), set });\n    return set;\n  })');
  it('is quiet when the handler writes only when the lookup found a row', () => {
    expect(lintPacks(found())).toEqual([]);
  });
  it('reports the map when the handler writes whatever the lookup found, or tests the key instead', () => {
    expect(lintPacks(always())).toEqual(['unboundedCollectionAcross']);
    expect(lintPacks(tested())).toEqual(['unboundedCollectionAcross']);
  });
});

describe('a key written in a lookup\'s fulfilment handler in the same file as the route', () => {
  const code = (write: string): string => `import express from 'express';
import { prisma } from './db.js';
const app = express();
const cache = new Map();
function loadSet(setId) {
  return prisma.cardSet.findUnique({ where: { id: setId } }).then((set) => {
    ${write}
    return set;
  });
}
app.post('/open', async (req, res) => {
  res.json(await loadSet(req.body.setId));
});`;
  const lines = (source: string): number[] => lintWithRule(ruleId, rule, source).map((m) => m.line);
  it('is quiet when the write happens only for a row found', () => {
    expect(lines(code('if (set) { cache.set(setId, set); }'))).toEqual([]);
  });
  it('reports the map (line 4) when the write does not wait for a row', () => {
    expect(lines(code('cache.set(setId, set);'))).toEqual([4]);
  });
});

describe('a key written only when a helper that answers a row query found one', () => {
  // set 56 (ons-mierloos-theater): `const page = await getPageBySlug(slug); if (page) pageCache.set(slug, page)`,
  // `getPageBySlug` in a shared module returning `await db.query.pages.findFirst(…)`: only published pages add entries.
  const project = (helper: string): (() => string) =>
    projectFolder('memo-guard-row-helper-', {
      'src/pages.ts': `import { db } from './db';
export async function getPageBySlug(slug: string) {
  ${helper}
}
`,
    });
  const page = `import express from 'express';
import { getPageBySlug } from './pages';
const app = express();
const pageCache = new Map();
app.get('/:slug', async (req, res) => {
  const page = await getPageBySlug(req.params.slug);
  if (page) pageCache.set(req.params.slug, page);
  res.json(page ?? null);
});`;
  const found = project('const page = await db.query.pages.findFirst({ where: { slug } });\n  return page;');
  const direct = project('if (!slug) return null;\n  return db.query.pages.findFirst({ where: { slug } });');
  const made = project("return { slug, title: slug.replace(/-/g, ' ') };");
  const remote = project('return cms.getPage(slug);');
  it("is quiet when the helper returns only a row query's answer, awaited or not, or nothing", () => {
    expect(lintServerIn(found(), page)).toEqual([]);
    expect(lintServerIn(direct(), page)).toEqual([]);
  });
  it('reports the map when the helper makes its answer, or answers what a call it does not know gives', () => {
    expect(lintServerIn(made(), page)).toEqual(['unboundedCollection']);
    expect(lintServerIn(remote(), page)).toEqual(['unboundedCollection']);
  });
});

describe('the verified account handed whole to a module that keys on its id', () => {
  // set 64 (CampusConnect's assistant): `processMessage(message, req.user)` from a controller, and in the
  // service `rateLimitMap.set(requestUser._id.toString(), …)`: one entry per account, as `req.user.id` is.
  const service = `const rateLimitMap = new Map();
const checkRateLimit = (userId) => {
  const key = userId.toString();
  if (!rateLimitMap.has(key)) rateLimitMap.set(key, { count: 1, at: Date.now() });
};
export const processMessage = async (message, requestUser) => {
  checkRateLimit(requestUser._id);
  return message.trim();
};
`;
  const project = (passed: string): ReturnType<typeof expressProject> =>
    expressProject(ruleId, rule, {
      'nexus.js': service,
      'routes.js': `import express from 'express';
import { processMessage } from './nexus.js';
export const router = express.Router();
router.post('/chat', async (req, res) => {
  res.json(await processMessage(req.body.message, ${passed}));
});
`,
    });
  const verified = project('req.user');
  const posted = project('req.body.user');
  it('is quiet when the route hands on req.user', () => {
    expect(reached(verified.lint('nexus.js'))).toEqual([]);
  });
  it('reports the map (line 1) when the route hands on a record from the body', () => {
    expect(reached(posted.lint('nexus.js'))).toEqual([[1, 'unboundedCollectionAcross', 'src/routes.js:5']]);
  });
});

describe('a key from a rest parameter that every call fills', () => {
  // set 66 (scuba-goa's bill logos): `loadPublicPng(...filenames)` keyed by each name, called only with
  // literal file names: at most as many entries as the names written out.
  const server = (second: string): string => `import express from 'express';
import { readFile } from 'node:fs/promises';
const pngCache = {};
async function loadPublicPng(...filenames) {
  for (const name of filenames) {
    if (pngCache[name] !== undefined) return pngCache[name];
    pngCache[name] = await readFile('public/' + name);
    return pngCache[name];
  }
}
const app = express();
app.get('/bill', async (req, res) => {
  res.send(await loadPublicPng('logo.png', ${second}));
});
app.listen(3000);
`;
  const lint = (code: string): [number, string | null][] => lintWithRule(ruleId, rule, code).map((m) => [m.line, m.messageId ?? null]);
  it('is quiet when every call passes literal names', () => {
    expect(lint(server("'logo-light.png'"))).toEqual([]);
  });
  it('reports the object (line 3) when a call passes a name from the query, or spreads a list', () => {
    expect(lint(server('String(req.query.logo)'))).toEqual([[3, 'unboundedCollection']]);
    expect(lint(server('...String(req.query.logos).split(",")'))).toEqual([[3, 'unboundedCollection']]);
  });
});

describe('a copy of the project kept in a backup folder with a package.json of its own', () => {
  // set 67 (lottery-system's `backups/config-backup/`): the copy is a package of its own, so its
  // path in its project has no backup folder in it; from the repository's package it does.
  const routes = `import express from 'express';
const liveDataCache = new Map();
export const router = express.Router();
router.get('/live', (req, res) => {
  const key = String(req.query.date);
  if (!liveDataCache.has(key)) liveDataCache.set(key, { at: Date.now() });
  res.json(liveDataCache.get(key));
});
`;
  const manifest = '{ "name": "api-copy", "type": "module", "dependencies": { "express": "^4.0.0" } }\n';
  const dir = projectFolder('memo-guard-backup-copy-', {
    'routes/sales.ts': routes,
    'backups/config-backup/package.json': manifest,
    'backups/config-backup/routes/sales.ts': routes,
  });
  it('reports the live file', () => {
    expect(lintFileIn(dir(), 'routes/sales.ts')).toEqual(['unboundedCollection']);
  });
  it('is quiet in the copy', () => {
    expect(lintFileIn(dir(), 'backups/config-backup/routes/sales.ts')).toEqual([]);
  });
});
