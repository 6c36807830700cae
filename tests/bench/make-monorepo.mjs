#!/usr/bin/env node
/**
 * Generates a TypeScript monorepo to measure what the project index costs at scale (issue 18: "a
 * generated monorepo of 20,000 files lints with the plugin under the default Node heap").
 *
 *   node tests/bench/make-monorepo.mjs OUT_DIR [--files 20000]
 *
 * The output is deterministic: the same arguments give byte-identical trees (a seeded PRNG, no
 * clock, no environment). OUT_DIR is replaced when it holds an earlier output of this script
 * (marker file `.generated-monorepo`) and refused when it holds anything else.
 *
 * Shape (npm workspaces, 40 packages under packages/, each with package.json, tsconfig.json, src/):
 *
 * - `@acme/core`: the hubs. `logger`, `config`, `db` are imported by most files of the tree
 *   (thousands of importers each), which is what makes a cross-file index expensive in real apps.
 * - `@acme/shared-utils`: plain utilities, imported by name from everywhere.
 * - 26 domain packages (`@acme/svc-orders`, ...): models, utils, service modules (async functions
 *   and classes that call the db and other services, relatively and by package name), module-level
 *   caches (unbounded `new Map()` written with parameter keys, bounded ones, constant-keyed ones,
 *   object caches, lru-cache), memoizer modules (`lodash`, `lodash/memoize`, `lodash-es`,
 *   `p-memoize`, `memoize-one`) and a few in-package Express routers.
 * - 8 API packages (`@acme/api-public`, ...): Express route files (`router.get('/x/:id', handler)`)
 *   whose handlers call services, caches and memoized functions of domain packages with request
 *   data, per-directory mount files and a `server.ts` that mounts them.
 * - 4 UI packages: React-ish `.tsx` components and hooks.
 *
 * Every directory has an `index.ts` barrel (`export * from` or `export { a, b } from`), every package
 * a `src/index.ts`; a file only imports from files generated before it (no import cycles between
 * leaves), and every file is 20-120 lines.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const outArg = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!outArg) {
  console.error('usage: node tests/bench/make-monorepo.mjs OUT_DIR [--files 20000]');
  process.exit(2);
}
const OUT = path.resolve(outArg);
const TOTAL = Number(opt('--files', '20000'));
if (!Number.isInteger(TOTAL) || TOTAL < 500) {
  console.error('--files must be an integer >= 500');
  process.exit(2);
}
const MARKER = '.generated-monorepo';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: mulberry32 seeded from the file count.
// ---------------------------------------------------------------------------------------------

let seed = (0x9e3779b9 ^ TOTAL) >>> 0;
function rand() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;
/** Picks a key of `weights` ({ key: weight }) in proportion to its weight. */
function weighted(weights) {
  const entries = Object.entries(weights);
  let r = rand() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries[entries.length - 1][0];
}
/** Up to `n` distinct elements of `list`. */
function sample(list, n) {
  const copy = [...list];
  const out = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Packages
// ---------------------------------------------------------------------------------------------

const DOMAINS = [
  ['users', 'User'], ['accounts', 'Account'], ['auth', 'Session'], ['billing', 'Plan'], ['invoices', 'Invoice'],
  ['payments', 'Payment'], ['orders', 'Order'], ['carts', 'Cart'], ['catalog', 'Category'], ['products', 'Product'],
  ['pricing', 'Price'], ['inventory', 'Stock'], ['shipping', 'Shipment'], ['notifications', 'Notice'], ['emails', 'Email'],
  ['search', 'Query'], ['analytics', 'Metric'], ['reports', 'Report'], ['documents', 'Document'], ['files', 'Upload'],
  ['teams', 'Team'], ['projects', 'Project'], ['tasks', 'Task'], ['comments', 'Comment'], ['audit', 'AuditEntry'],
  ['webhooks', 'Webhook'],
];
const APIS = ['public', 'admin', 'internal', 'mobile', 'partners', 'hooks', 'billing', 'graph'];
const UIS = ['kit', 'dashboard', 'admin', 'forms'];

/**
 * The 40 packages in dependency order (a package only imports packages before it). `share` is its
 * part of the leaf files; `kinds` the weights of the file kinds it holds.
 */
const packages = [
  { name: '@acme/core', dir: 'core', type: 'core', share: 0, kinds: {} },
  { name: '@acme/shared-utils', dir: 'shared-utils', type: 'shared', share: 0.02, kinds: { util: 1 } },
  ...DOMAINS.map(([domain, entity]) => ({
    name: `@acme/svc-${domain}`, dir: `svc-${domain}`, type: 'domain', domain, entity, share: 0.03,
    kinds: { model: 12, util: 10, service: 50, cache: 8, memo: 7, localRoute: 3 },
  })),
  ...APIS.map((api) => ({ name: `@acme/api-${api}`, dir: `api-${api}`, type: 'api', share: 0.018, kinds: { route: 75, middleware: 10, util: 15 } })),
  ...UIS.map((ui) => ({ name: `@acme/ui-${ui}`, dir: `ui-${ui}`, type: 'ui', share: 0.014, kinds: { component: 70, hook: 20, util: 10 } })),
];
const shares = packages.reduce((sum, p) => sum + p.share, 0);

/** Where a file of a kind lives inside src/ (the area folder). */
const AREA = { model: 'models', util: 'utils', service: 'services', cache: 'caches', memo: 'memo', localRoute: 'routes', route: 'routes', middleware: 'middleware', component: 'components', hook: 'hooks' };
/** Files per leaf directory; each directory also gets a barrel. */
const PER_DIR = 25;
/** Sub-folders an area is split into (for domain packages the domain's sub-topics). */
const TOPICS = ['core', 'admin', 'sync', 'export', 'import', 'rules', 'events', 'jobs', 'views', 'legacy', 'v2', 'internal'];

// ---------------------------------------------------------------------------------------------
// Plan: every file's path, kind and exports, decided before any text is written.
// ---------------------------------------------------------------------------------------------

/** The core package's files: the hubs and a few helpers, written by hand below. */
const CORE_FILES = ['logger', 'config', 'db', 'errors', 'http', 'env', 'ids', 'time', 'metrics', 'tracing', 'queue', 'flags'];

/** Leaf files per package for `leaves` leaves in all (core excluded). */
function leafCounts(leaves) {
  const counts = packages.map((p) => Math.floor((leaves * p.share) / shares));
  counts[2] += leaves - counts.reduce((a, b) => a + b, 0); // the rounding rest to the first domain package
  return counts;
}

/** How many files (leaves + barrels + core) a package of `count` leaves gives, kinds split as planned. */
function kindCounts(pkg, count) {
  const kinds = Object.entries(pkg.kinds);
  const total = kinds.reduce((sum, [, w]) => sum + w, 0);
  const counts = Object.fromEntries(kinds.map(([kind, w]) => [kind, Math.floor((count * w) / total)]));
  if (kinds.length > 0) counts[kinds[0][0]] += count - Object.values(counts).reduce((a, b) => a + b, 0);
  return counts;
}

/** Directories (and so barrels) the leaves of one area take: `n` leaves in dirs of PER_DIR, plus the area barrel. */
function areaDirs(n) {
  return n === 0 ? 0 : Math.ceil(n / PER_DIR) + 1;
}

function totalFiles(counts) {
  let total = CORE_FILES.length + 1;
  counts.forEach((count, i) => {
    if (i === 0) return;
    const pkg = packages[i];
    total += count + 1; // leaves + src/index.ts
    for (const n of Object.values(kindCounts(pkg, count))) total += areaDirs(n);
    if (pkg.type === 'api') total += 1; // server.ts
  });
  return total;
}

// The number of leaves that makes the tree exactly TOTAL files (barrels included): the most leaves
// that fit, then the gap (a barrel boundary may leave one) filled a leaf at a time where a leaf adds
// no directory.
let leaves = TOTAL;
while (totalFiles(leafCounts(leaves)) > TOTAL) leaves--;
const counts = leafCounts(leaves);
for (let j = 2; j < packages.length && totalFiles(counts) < TOTAL; j++) {
  while (totalFiles(counts) < TOTAL) {
    counts[j]++;
    if (totalFiles(counts) > TOTAL) {
      counts[j]--;
      break;
    }
  }
}

/** Lower-case first letter. */
const lower = (s) => s[0].toLowerCase() + s.slice(1);
const kebab = (s) => s.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

let nextId = 0;
/** Every planned leaf, in generation order: { pkg, kind, rel (path under the package), exports, id }. */
const plan = [];
/** Per package: the leaf files grouped by area and directory, for the barrels. */
const dirsByPkg = new Map();

for (const [i, pkg] of packages.entries()) {
  if (pkg.type === 'core') continue;
  const dirs = new Map(); // "area/topic" -> files
  dirsByPkg.set(pkg, dirs);
  const perKind = kindCounts(pkg, counts[i]);
  // Lower layers first inside a package: models, utils, caches, memo, services, routes, ...
  for (const kind of ['model', 'util', 'cache', 'memo', 'service', 'middleware', 'hook', 'component', 'localRoute', 'route']) {
    const n = perKind[kind] ?? 0;
    for (let k = 0; k < n; k++) {
      const id = nextId++;
      const topic = pkg.type === 'domain' ? `${pkg.domain}-${TOPICS[Math.floor(k / PER_DIR) % TOPICS.length]}${Math.floor(k / (PER_DIR * TOPICS.length)) || ''}` : `${TOPICS[Math.floor(k / PER_DIR) % TOPICS.length]}${Math.floor(k / (PER_DIR * TOPICS.length)) || ''}`;
      const entity = pkg.entity ?? pick(DOMAINS)[1];
      const file = { pkg, kind, id, entity, exports: [], variant: 0 };
      planExports(file);
      const ext = kind === 'component' ? '.tsx' : '.ts';
      const base = kind === 'component' ? `${file.exports[0].name}` : `${kebab(entity)}-${kind === 'localRoute' ? 'route' : kind}-${id}`;
      const dir = `${AREA[kind]}/${topic}`;
      file.rel = `src/${dir}/${base}${ext}`;
      if (!dirs.has(dir)) dirs.set(dir, []);
      dirs.get(dir).push(file);
      plan.push(file);
    }
  }
}

/** Decides the names a leaf exports: { name, type: 'fn' | 'async' | 'class' | 'type' | 'const' | 'router', arity, key }. */
function planExports(file) {
  const { kind, id, entity } = file;
  const E = `${entity}${id}`;
  const add = (name, type, extra = {}) => file.exports.push({ name, type, ...extra });
  switch (kind) {
    case 'model':
      add(`${E}`, 'type');
      add(`${E}Status`, 'type');
      add(`make${E}`, 'fn', { arity: 1 });
      break;
    case 'util':
      add(`format${E}`, 'fn', { arity: 1 });
      add(`clamp${id}`, 'fn', { arity: 3 });
      if (chance(0.5)) add(`slug${id}`, 'fn', { arity: 1 });
      break;
    case 'cache':
      // 0: unbounded Map, param key; 1: size-checked Map; 2: object cache, param key; 3: constant keys; 4: lru-cache
      file.variant = weighted({ 0: 40, 1: 20, 2: 15, 3: 15, 4: 10 });
      add(`get${E}Cached`, 'async', { arity: 1 });
      add(`forget${E}`, 'fn', { arity: 1 });
      break;
    case 'memo':
      // 0: lodash/memoize async; 1: _.memoize two params; 2: p-memoize; 3: memoize-one; 4: lodash-es with resolver
      file.variant = weighted({ 0: 25, 1: 20, 2: 25, 3: 15, 4: 15 });
      add(`load${E}`, file.variant === '1' || file.variant === '3' ? 'fn' : 'async', { arity: file.variant === '1' || file.variant === '4' ? 2 : 1 });
      break;
    case 'service':
      add(`get${E}`, 'async', { arity: 1 });
      add(`list${E}s`, 'async', { arity: 1 });
      if (chance(0.6)) add(`update${E}`, 'async', { arity: 2 });
      if (chance(0.5)) add(`${E}Repository`, 'class');
      break;
    case 'middleware':
      add(`require${E}`, 'fn', { arity: 3 });
      break;
    case 'hook':
      add(`use${E}`, 'fn', { arity: 1 });
      break;
    case 'component':
      add(`${E}Card`, 'fn', { arity: 1 });
      add(`${E}CardProps`, 'type');
      break;
    case 'localRoute':
    case 'route':
      add(`${lower(entity)}Router${id}`, 'router');
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

/** What other files may import from: value exports planned so far, per package (and per kind). */
const available = new Map(); // pkg -> { all: file[], byKind: { kind: file[] } }
function remember(file) {
  let entry = available.get(file.pkg);
  if (!entry) available.set(file.pkg, (entry = { all: [], byKind: {} }));
  entry.all.push(file);
  (entry.byKind[file.kind] ??= []).push(file);
}
const domainPkgs = packages.filter((p) => p.type === 'domain');

/** The import specifier of `to` (a planned leaf) from `from`: relative in a package, else the package name. */
function specifier(from, to) {
  if (from.pkg === to.pkg) {
    let rel = path.posix.relative(path.posix.dirname(from.rel), to.rel).replace(/\.tsx?$/, '');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return rel;
  }
  return to.pkg.name;
}

/** An import block: `uses` is a list of [file, exportEntry]; groups by specifier, types as `import type`. */
function importLines(from, uses) {
  const bySpec = new Map();
  for (const [file, ex] of uses) {
    const spec = specifier(from, file);
    if (!bySpec.has(spec)) bySpec.set(spec, { values: new Set(), types: new Set() });
    bySpec.get(spec)[ex.type === 'type' ? 'types' : 'values'].add(ex.name);
  }
  const lines = [];
  for (const [spec, { values, types }] of bySpec) {
    if (values.size > 0) lines.push(`import { ${[...values].join(', ')} } from '${spec}';`);
    if (types.size > 0) lines.push(`import type { ${[...types].join(', ')} } from '${spec}';`);
  }
  return lines;
}

/** The hubs a file imports from @acme/core, by package name or subpath (both resolve to core's src). */
function hubImports(wantDb, wantConfig) {
  const lines = [];
  const names = ['logger'];
  if (wantDb) names.push('db');
  if (wantConfig) names.push('config');
  if (chance(0.7)) {
    lines.push(`import { ${names.join(', ')} } from '@acme/core';`);
  } else {
    for (const name of names) lines.push(`import { ${name} } from '@acme/core/${name}';`);
  }
  return lines;
}

function header(file, what) {
  return ['/**', ` * ${file.pkg.name}: ${what}.`, ` * Generated by make-monorepo.mjs (file ${file.id}).`, ' */'];
}

/** Value exports of earlier files that `file` may call: same package (relative) and lower packages. */
function callables(file, kinds, n, fromPkgs) {
  const pool = [];
  for (const pkg of fromPkgs) {
    const entry = available.get(pkg);
    if (!entry) continue;
    for (const kind of kinds) for (const f of (entry.byKind[kind] ?? []).slice(-60)) pool.push(f);
  }
  return sample(pool, n).map((f) => [f, f.exports.find((ex) => ex.type === 'fn' || ex.type === 'async')]).filter(([, ex]) => ex);
}

/** A call expression for an export, with arguments taken from `argExprs`. */
function callOf(ex, argExprs) {
  const call = `${ex.name}(${Array.from({ length: ex.arity ?? 1 }, (_, i) => argExprs[i % argExprs.length]).join(', ')})`;
  return ex.type === 'async' ? `await ${call}` : call;
}

/** Lower packages a file of `pkg` imports by name (its "dependencies"). */
function depsOf(pkg) {
  if (!pkg.deps) {
    const index = packages.indexOf(pkg);
    const lowerDomains = domainPkgs.filter((p) => packages.indexOf(p) < index);
    if (pkg.type === 'domain') pkg.deps = sample(lowerDomains, 3);
    else if (pkg.type === 'api') pkg.deps = sample(lowerDomains, 6);
    else if (pkg.type === 'ui') pkg.deps = sample(lowerDomains, 2);
    else pkg.deps = [];
  }
  return pkg.deps;
}

/**
 * Body chunks (each a list of lines) that pad a file towards its target length with ordinary,
 * self-contained code: exported (as real modules' helpers mostly are, and so no-unused-vars stays
 * quiet), named after the file so barrels never re-export two things of one name.
 */
function fillerFunction(file, n) {
  const E = `${file.entity}${file.id}`;
  const variants = [
    () => [`export function normalize${E}Field${n}(value: string | undefined): string {`, "  if (!value) return '';", '  const trimmed = value.trim();', `  return trimmed.length > ${int(16, 256)} ? trimmed.slice(0, ${int(8, 16)}) : trimmed;`, '}'],
    () => [`export const ${E.toUpperCase()}_LIMITS_${n} = { page: ${int(10, 100)}, burst: ${int(2, 20)}, retries: ${int(1, 5)} } as const;`],
    () => [`export function pick${E}Keys${n}<T extends object>(row: T, keys: (keyof T)[]): Partial<T> {`, '  const out: Partial<T> = {};', '  for (const key of keys) {', '    if (key in row) out[key] = row[key];', '  }', '  return out;', '}'],
    () => [`export async function retry${E}${n}<T>(work: () => Promise<T>, attempts = ${int(2, 5)}): Promise<T> {`, '  let last: unknown;', '  for (let i = 0; i < attempts; i++) {', '    try {', '      return await work();', '    } catch (error) {', '      last = error;', '    }', '  }', '  throw last;', '}'],
    () => [`export function summarize${E}${n}(items: { amount: number; tags?: string[] }[]) {`, '  let total = 0;', '  const tags = new Set<string>();', '  for (const item of items) {', '    total += item.amount;', '    for (const tag of item.tags ?? []) tags.add(tag);', '  }', '  return { total, tags: [...tags].sort() };', '}'],
    () => [`export const ${E}Mode${n} = {`, "  Draft: 'draft',", "  Live: 'live',", "  Archived: 'archived',", '} as const;'],
    () => [`export function label${E}${n}(status: string): string {`, '  switch (status) {', "    case 'new':", "      return 'New';", "    case 'active':", "      return 'Active';", "    case 'suspended':", "      return 'On hold';", '    default:', '      return status;', '  }', '}'],
    () => [`export class ${E}Batch${n} {`, '  private readonly items: string[] = [];', '', '  add(item: string): this {', '    this.items.push(item);', '    return this;', '  }', '', `  flush(size = ${int(10, 200)}): string[][] {`, '    const out: string[][] = [];', '    for (let i = 0; i < this.items.length; i += size) out.push(this.items.slice(i, i + size));', '    this.items.length = 0;', '    return out;', '  }', '}'],
    () => [`export function group${E}${n}<T extends { kind: string }>(rows: T[]): Map<string, T[]> {`, '  const groups = new Map<string, T[]>();', '  for (const row of rows) {', '    const list = groups.get(row.kind);', '    if (list) list.push(row);', '    else groups.set(row.kind, [row]);', '  }', '  return groups;', '}'],
    () => [`export const is${E}Email${n} = (value: string): boolean => /^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$/i.test(value);`],
  ];
  return pick(variants)();
}

/** Pads `lines` with filler until `target` (never beyond 120 with `tail` lines still to come). */
function pad(file, lines, target, tail = 0) {
  let n = 0;
  while (lines.length + tail < target) {
    const chunk = fillerFunction(file, n++);
    if (lines.length + tail + chunk.length + 1 > 118) break;
    lines.push('', ...chunk);
  }
}

const REQ_KEYS = ['req.params.id', 'req.query.q as string', 'req.body.email', "String(req.headers['x-tenant'])", 'req.params.slug', 'req.user?.id ?? \'anonymous\''];

function renderLeaf(file) {
  const { pkg, kind, id, entity, exports: ex } = file;
  const E = `${entity}${id}`;
  const table = `${kebab(entity).replace(/-/g, '_')}s`;
  const target = int(24, 110);
  const lines = [];
  switch (kind) {
    case 'model': {
      lines.push(...header(file, `the ${entity} model`), '');
      if (chance(0.3)) lines.push("import { newId } from '@acme/core';", '');
      lines.push(`export type ${E}Status = 'new' | 'active' | 'suspended' | 'deleted';`, '');
      lines.push(`export interface ${E} {`, '  id: string;', '  tenantId: string;', `  status: ${E}Status;`, '  createdAt: Date;', '  updatedAt: Date;', '  tags: string[];', '  meta?: Record<string, unknown>;', '}', '');
      lines.push(`export function make${E}(input: Partial<${E}> = {}): ${E} {`, '  const now = new Date();', `  return { id: ${lines.some((l) => l.includes('newId')) ? "newId('" + table + "')" : "input.id ?? ''"}, tenantId: input.tenantId ?? 'default', status: input.status ?? 'new', createdAt: now, updatedAt: now, tags: input.tags ?? [], ...input };`, '}');
      pad(file, lines, target);
      break;
    }
    case 'util': {
      lines.push(...header(file, 'helpers'), '');
      if (pkg.type !== 'shared' && chance(0.5)) {
        const shared = available.get(packages[1]);
        if (shared) {
          const f = pick(shared.all.slice(-200));
          lines.push(...importLines(file, [[f, f.exports[0]]]), '');
          lines.push(`export const format${E} = (value: string): string => format${f.entity}${f.id}(value).toUpperCase();`, '');
        }
      }
      if (!lines.some((l) => l.startsWith(`export const format${E}`))) lines.push(`export function format${E}(value: string): string {`, "  return value.normalize('NFKC').replace(/\\s+/g, ' ').trim();", '}', '');
      lines.push(`export function clamp${id}(value: number, lo: number, hi: number): number {`, '  return Math.min(hi, Math.max(lo, value));', '}');
      if (ex.some((e) => e.name === `slug${id}`)) lines.push('', `export const slug${id} = (text: string) =>`, '  text', '    .toLowerCase()', "    .replace(/[^a-z0-9]+/g, '-')", "    .replace(/^-|-$/g, '');");
      pad(file, lines, target);
      break;
    }
    case 'cache': {
      lines.push(...header(file, `a cache of ${entity} rows`), '');
      const v = file.variant;
      if (v === '4') lines.push("import { LRUCache } from 'lru-cache';");
      lines.push(...hubImports(true, v === '3'), '');
      lines.push(`interface ${E}Row {`, '  id: string;', '  payload: string;', '  fetchedAt: number;', '}', '');
      const load = [`  const rows = await db.query<${E}Row>('select * from ${table} where id = $1', [key]);`, `  logger.debug('cache miss', { table: '${table}', key });`];
      if (v === '0' || v === '1' || v === '3') {
        lines.push(`const ${lower(entity)}Cache${id} = new Map<string, ${E}Row | undefined>();`, '');
        const param = v === '3' ? 'region: \'eu\' | \'us\'' : 'key: string';
        lines.push(`export async function get${E}Cached(${param}): Promise<${E}Row | undefined> {`);
        if (v === '3') lines.push('  const key = config.regions[region];');
        lines.push(`  if (${lower(entity)}Cache${id}.has(key)) return ${lower(entity)}Cache${id}.get(key);`, ...load);
        if (v === '1') lines.push(`  if (${lower(entity)}Cache${id}.size > ${int(100, 5000)}) ${lower(entity)}Cache${id}.clear();`);
        lines.push(`  ${lower(entity)}Cache${id}.set(key, rows[0]);`, '  return rows[0];', '}', '');
        lines.push(`export function forget${E}(key: string): void {`, `  logger.info('forget', { key });`, '}');
      } else if (v === '2') {
        lines.push(`const by${E}Id: Record<string, ${E}Row> = {};`, '');
        lines.push(`export async function get${E}Cached(key: string): Promise<${E}Row | undefined> {`, `  const hit = by${E}Id[key];`, '  if (hit) return hit;', ...load, `  if (rows[0]) by${E}Id[key] = rows[0];`, '  return rows[0];', '}', '');
        lines.push(`export function forget${E}(key: string): void {`, `  delete by${E}Id[key];`, '}');
      } else {
        lines.push(`const lru${id} = new LRUCache<string, ${E}Row>({ max: ${int(100, 1000)}, ttl: ${int(1, 60) * 1000} });`, '');
        lines.push(`export async function get${E}Cached(key: string): Promise<${E}Row | undefined> {`, `  const hit = lru${id}.get(key);`, '  if (hit) return hit;', ...load, `  if (rows[0]) lru${id}.set(key, rows[0]);`, '  return rows[0];', '}', '');
        lines.push(`export function forget${E}(key: string): void {`, `  lru${id}.delete(key);`, '}');
      }
      pad(file, lines, target);
      break;
    }
    case 'memo': {
      lines.push(...header(file, `memoized ${entity} loaders`), '');
      const v = file.variant;
      const imp = { 0: "import memoize from 'lodash/memoize';", 1: "import _ from 'lodash';", 2: "import pMemoize from 'p-memoize';", 3: "import memoizeOne from 'memoize-one';", 4: "import { memoize } from 'lodash-es';" }[v];
      lines.push(imp, ...hubImports(v !== '1' && v !== '3', false), '');
      if (v === '0') lines.push(`export const load${E} = memoize(async (id: string) => {`, `  logger.debug('load', { id });`, `  const rows = await db.query('select * from ${table} where id = $1', [id]);`, '  return rows[0];', '});');
      if (v === '1') lines.push(`export const load${E} = _.memoize((sku: string, quantity: number) => {`, `  logger.debug('price', { sku, quantity });`, `  return sku.length * quantity * ${int(2, 99)};`, '});');
      if (v === '2') lines.push(`export const load${E} = pMemoize(async (id: string) => {`, `  logger.debug('count', { id });`, `  const rows = await db.query('select * from ${table} where owner = $1', [id]);`, '  return rows.length;', '});');
      if (v === '3') lines.push(`export const load${E} = memoizeOne((text: string) => {`, `  logger.debug('parse', { size: text.length });`, "  return text.split('\\n').map((line) => line.trim());", '});');
      if (v === '4') lines.push(`export const load${E} = memoize(`, '  async (id: string, locale: string) => {', `    logger.debug('load', { id, locale });`, `    const rows = await db.query('select * from ${table} where id = $1 and locale = $2', [id, locale]);`, '    return rows[0];', '  },', '  (id: string, locale: string) => `${id}:${locale}`,', ');');
      pad(file, lines, target);
      break;
    }
    case 'service': {
      lines.push(...header(file, `${entity} service`), '');
      const modelFile = pick(available.get(pkg)?.byKind.model?.slice(-60) ?? [null]);
      const models = modelFile ? [[modelFile, modelFile.exports[0]]] : [];
      const calls = [...callables(file, ['service', 'cache', 'memo'], int(0, 2), [pkg]), ...callables(file, ['service', 'util'], int(0, 2), depsOf(pkg))];
      const withConfig = chance(0.3);
      lines.push(...hubImports(true, withConfig));
      lines.push(...importLines(file, [...models, ...calls]), '');
      const rowType = modelFile ? modelFile.exports[0].name : 'Record<string, unknown>';
      const results = calls.map(([, c]) => `${lower(c.name)}Result`);
      const callLines = calls.map(([, c], n) => `  const ${results[n]} = ${callOf(c, ['id', 'String(id)'])};`);
      if (results.length > 0) callLines.push(`  logger.debug('get${E} inputs', { ${results.join(', ')} });`);
      lines.push(`export async function get${E}(id: string): Promise<${rowType} | undefined> {`, `  logger.debug('get${E}', { id });`, ...callLines, `  const rows = await db.query<${rowType}>('select * from ${table} where id = $1', [id]);`, '  return rows[0];', '}', '');
      lines.push(`export async function list${E}s(limit = ${withConfig ? 'config.pageSize' : '50'}): Promise<${rowType}[]> {`, `  const rows = await db.query<${rowType}>('select * from ${table} order by created_at desc limit $1', [limit]);`, '  return rows.filter((row) => row !== null);', '}');
      if (ex.some((e) => e.name === `update${E}`)) lines.push('', `export async function update${E}(id: string, patch: Partial<${rowType}>): Promise<void> {`, '  if (Object.keys(patch).length === 0) return;', `  await db.query('update ${table} set data = $2 where id = $1', [id, JSON.stringify(patch)]);`, `  logger.info('updated ${table}', { id });`, '}');
      if (ex.some((e) => e.name === `${E}Repository`)) lines.push('', `export class ${E}Repository {`, `  private readonly table = '${table}';`, '', '  async find(id: string) {', '    return db.one(`select * from ${this.table} where id = $1`, [id]);', '  }', '', '  async count(): Promise<number> {', '    const rows = await db.query<{ n: number }>(`select count(*) as n from ${this.table}`);', '    return rows[0]?.n ?? 0;', '  }', '}');
      pad(file, lines, target);
      break;
    }
    case 'middleware': {
      lines.push(...header(file, 'Express middleware'), '');
      lines.push("import type { NextFunction, Request, Response } from 'express';", ...hubImports(false, true), '');
      lines.push(`export function require${E}(req: Request, res: Response, next: NextFunction): void {`, "  const token = req.headers.authorization?.replace(/^Bearer /, '');", '  if (!token || token.length < config.minTokenLength) {', "    res.status(401).json({ error: 'unauthorized' });", '    return;', '  }', `  logger.debug('authorized', { path: req.path });`, '  next();', '}');
      pad(file, lines, target);
      break;
    }
    case 'hook': {
      lines.push(...header(file, `the use${E} hook`), '');
      lines.push("import { useEffect, useMemo, useState } from 'react';", '');
      lines.push(`export function use${E}(id: string) {`, `  const [data, setData] = useState<unknown>(null);`, '  const [error, setError] = useState<Error | null>(null);', '  useEffect(() => {', '    let alive = true;', "    fetch(`/api/" + table + "/${id}`)", '      .then((r) => r.json())', '      .then((json) => alive && setData(json))', '      .catch((e: Error) => alive && setError(e));', '    return () => {', '      alive = false;', '    };', '  }, [id]);', '  const ready = useMemo(() => data !== null && error === null, [data, error]);', '  return { data, error, ready };', '}');
      pad(file, lines, target);
      break;
    }
    case 'component': {
      lines.push(...header(file, `the ${E}Card component`), '');
      const hooks = callables(file, ['hook'], 1, [pkg]);
      const utils = callables(file, ['util'], 1, [packages[1]]);
      lines.push("import React, { useCallback, useMemo, useState } from 'react';", ...importLines(file, [...hooks, ...utils]), '');
      lines.push(`export interface ${E}CardProps {`, '  id: string;', '  title: string;', '  items: { label: string; value: number }[];', '  onSelect?: (id: string) => void;', '}', '');
      lines.push(`export function ${E}Card({ id, title, items, onSelect }: ${E}CardProps) {`, '  const [open, setOpen] = useState(false);');
      if (hooks[0]) lines.push(`  const { data } = ${hooks[0][1].name}(id);`);
      lines.push(`  const total = useMemo(() => items.reduce((sum, item) => sum + item.value, 0), [items]);`, '  const toggle = useCallback(() => setOpen((o) => !o), []);');
      const label = utils[0] ? `${utils[0][1].name}(title)` : 'title';
      lines.push('  return (', `    <section className="card card-${id % 7}" onClick={() => onSelect?.(id)}>`, `      <h3 onClick={toggle}>{${label}}</h3>`, '      {open && (', '        <ul>', '          {items.map((item) => (', '            <li key={item.label}>', '              {item.label}: {item.value}', '            </li>', '          ))}', '        </ul>', '      )}', `      <footer>{total}${hooks[0] ? '{data ? \' *\' : \'\'}' : ''}</footer>`, '    </section>', '  );', '}');
      pad(file, lines, target);
      break;
    }
    case 'localRoute':
    case 'route': {
      // Handlers call what the packages below export (by package name) or what this package has
      // (caches and services, relatively), with request data as keys.
      lines.push(...header(file, `${entity} routes`), '');
      const from = kind === 'localRoute' ? [pkg] : sample(depsOf(pkg), 2);
      const targets = callables(file, ['service', 'cache', 'memo'], int(2, 5), from);
      lines.push("import { Router, type Request, type Response } from 'express';", ...hubImports(false, false), ...importLines(file, targets), '');
      const router = `${lower(entity)}Router${id}`;
      lines.push(`export const ${router} = Router();`, '');
      const verbs = ['get', 'get', 'post', 'put', 'delete'];
      targets.forEach(([, t], n) => {
        const verb = pick(verbs);
        const key = pick(REQ_KEYS);
        lines.push(`${router}.${verb}('/${table}/${n === 0 ? ':id' : `${kebab(t.name)}/:slug`}', async (req: Request, res: Response) => {`, '  try {', `    const result = ${callOf(t, [key, '1'])};`, '    res.json({ result });', '  } catch (error) {', `    logger.error('${t.name} failed', { error });`, "    res.status(500).json({ error: 'internal' });", '  }', '});', '');
      });
      lines.push(`${router}.get('/${table}/health', (_req: Request, res: Response) => {`, "  res.json({ ok: true });", '});');
      pad(file, lines, target, 2);
      lines.push('', `export default ${router};`);
      break;
    }
  }
  remember(file);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// The hubs: @acme/core, hand-written, imported by most of the tree.
// ---------------------------------------------------------------------------------------------

const coreText = {
  logger: ["type Level = 'debug' | 'info' | 'warn' | 'error';", '', 'export interface Logger {', '  debug(message: string, fields?: Record<string, unknown>): void;', '  info(message: string, fields?: Record<string, unknown>): void;', '  warn(message: string, fields?: Record<string, unknown>): void;', '  error(message: string, fields?: Record<string, unknown>): void;', '}', '', "const order: Level[] = ['debug', 'info', 'warn', 'error'];", '', "export function createLogger(name: string, min: Level = 'info'): Logger {", '  const write = (level: Level) => (message: string, fields: Record<string, unknown> = {}) => {', '    if (order.indexOf(level) < order.indexOf(min)) return;', '    process.stdout.write(JSON.stringify({ level, name, message, ...fields, at: new Date().toISOString() }) + "\\n");', '  };', "  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };", '}', '', "export const logger = createLogger('app', (process.env.LOG_LEVEL as Level | undefined) ?? 'info');"],
  config: ["import { env } from './env';", '', 'export const config = {', "  port: Number(env('PORT', '3000')),", "  databaseUrl: env('DATABASE_URL', 'postgres://localhost/app'),", '  minTokenLength: 24,', '  pageSize: 50,', "  regions: { eu: 'eu-west-1', us: 'us-east-1' } as const,", '} as const;', '', 'export type Config = typeof config;', '', 'export function isProduction(): boolean {', "  return env('NODE_ENV', 'development') === 'production';", '}', '', 'export function featureEnabled(name: string): boolean {', "  return env(`FEATURE_${name.toUpperCase()}`, 'off') === 'on';", '}', '', 'export function describeConfig(): string {', '  return `port=${config.port} pageSize=${config.pageSize}`;', '}'],
  db: ["import { config } from './config';", "import { logger } from './logger';", '', 'export interface Pool {', '  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;', '}', '', 'let pool: Pool | undefined;', '', 'export function setPool(next: Pool): void {', '  pool = next;', "  logger.info('db pool set', { url: config.databaseUrl.replace(/:[^@]*@/, ':***@') });", '}', '', 'export const db = {', '  async query<T = unknown>(sql: string, params: unknown[] = []): Promise<T[]> {', "    if (!pool) throw new Error('db: no pool');", '    const result = await pool.query(sql, params);', '    return result.rows as T[];', '  },', '  async one<T = unknown>(sql: string, params: unknown[] = []): Promise<T | undefined> {', '    const rows = await db.query<T>(sql, params);', '    return rows[0];', '  },', '};'],
  errors: ['export class HttpError extends Error {', '  constructor(', '    readonly status: number,', '    message: string,', '  ) {', '    super(message);', '  }', '}', '', 'export class NotFoundError extends HttpError {', '  constructor(what: string) {', '    super(404, `${what} not found`);', '  }', '}', '', 'export function isHttpError(error: unknown): error is HttpError {', '  return error instanceof HttpError;', '}', '', 'export function statusOf(error: unknown): number {', '  return isHttpError(error) ? error.status : 500;', '}'],
  http: ["import type { Response } from 'express';", "import { statusOf } from './errors';", "import { logger } from './logger';", '', 'export function sendError(res: Response, error: unknown): void {', '  const status = statusOf(error);', "  if (status >= 500) logger.error('request failed', { error: String(error) });", "  res.status(status).json({ error: status >= 500 ? 'internal' : String(error) });", '}', '', 'export function sendOk<T>(res: Response, body: T): void {', '  res.status(200).json(body);', '}', '', 'export function parseLimit(value: unknown, fallback = 50): number {', '  const n = Number(value);', '  return Number.isInteger(n) && n > 0 && n <= 500 ? n : fallback;', '}', '', 'export function parseOffset(value: unknown): number {', '  const n = Number(value);', '  return Number.isInteger(n) && n >= 0 ? n : 0;', '}'],
  env: ['export function env(name: string, fallback: string): string {', '  const value = process.env[name];', "  return value === undefined || value === '' ? fallback : value;", '}', '', 'export function envNumber(name: string, fallback: number): number {', '  const value = Number(process.env[name]);', '  return Number.isFinite(value) ? value : fallback;', '}', '', 'export function envFlag(name: string): boolean {', "  return ['1', 'true', 'on', 'yes'].includes((process.env[name] ?? '').toLowerCase());", '}', '', 'export function requireEnv(name: string): string {', '  const value = process.env[name];', '  if (!value) throw new Error(`missing env ${name}`);', '  return value;', '}'],
  ids: ["import { randomUUID } from 'node:crypto';", '', 'export function newId(prefix: string): string {', "  return `${prefix}_${randomUUID().replace(/-/g, '')}`;", '}', '', 'export function isId(value: unknown, prefix?: string): value is string {', "  if (typeof value !== 'string') return false;", '  return prefix === undefined ? /^[a-z_]+_[0-9a-f]{32}$/.test(value) : value.startsWith(`${prefix}_`);', '}', '', 'export function shortId(id: string): string {', '  return id.slice(-8);', '}', '', 'export function compareIds(a: string, b: string): number {', '  return a < b ? -1 : a > b ? 1 : 0;', '}', '', 'export const ID_LENGTH = 32;'],
  time: ['export const SECOND = 1000;', 'export const MINUTE = 60 * SECOND;', 'export const HOUR = 60 * MINUTE;', '', 'export function since(start: number): number {', '  return Date.now() - start;', '}', '', 'export function isoDay(date: Date): string {', '  return date.toISOString().slice(0, 10);', '}', '', 'export function addDays(date: Date, days: number): Date {', '  const next = new Date(date);', '  next.setUTCDate(next.getUTCDate() + days);', '  return next;', '}', '', 'export async function sleep(ms: number): Promise<void> {', '  await new Promise((resolve) => setTimeout(resolve, ms));', '}'],
  metrics: ["import { logger } from './logger';", '', 'const counters = new Map<string, number>();', '', "export function count(name: 'requests' | 'errors' | 'jobs' | 'cache_hits' | 'cache_misses', by = 1): void {", '  counters.set(name, (counters.get(name) ?? 0) + by);', '}', '', 'export function snapshot(): Record<string, number> {', '  return Object.fromEntries(counters);', '}', '', 'export function flush(): void {', "  logger.info('metrics', snapshot());", '  counters.clear();', '}', '', 'export function timed<T>(work: () => T): T {', '  const start = Date.now();', '  try {', '    return work();', '  } finally {', "    logger.debug('timed', { ms: Date.now() - start });", '  }', '}'],
  tracing: ["import { logger } from './logger';", '', 'export interface Span {', '  name: string;', '  start: number;', '  end(): void;', '}', '', 'export function startSpan(name: string): Span {', '  const start = Date.now();', "  return { name, start, end: () => logger.debug('span', { name, ms: Date.now() - start }) };", '}', '', 'export async function traced<T>(name: string, work: () => Promise<T>): Promise<T> {', '  const span = startSpan(name);', '  try {', '    return await work();', '  } finally {', '    span.end();', '  }', '}'],
  queue: ["import { logger } from './logger';", '', 'export interface Job {', '  name: string;', '  payload: unknown;', '}', '', 'const pending: Job[] = [];', '', 'export function enqueue(job: Job): void {', '  pending.push(job);', "  logger.debug('enqueued', { name: job.name });", '  if (pending.length > 1000) pending.shift();', '}', '', 'export function drain(): Job[] {', '  return pending.splice(0, pending.length);', '}', '', 'export function depth(): number {', '  return pending.length;', '}'],
  flags: ["import { envFlag } from './env';", '', 'export const FLAGS = {', "  newCheckout: envFlag('FLAG_NEW_CHECKOUT'),", "  betaSearch: envFlag('FLAG_BETA_SEARCH'),", "  darkMode: envFlag('FLAG_DARK_MODE'),", '} as const;', '', 'export type FlagName = keyof typeof FLAGS;', '', 'export function flag(name: FlagName): boolean {', '  return FLAGS[name];', '}', '', 'export function flagsOn(): FlagName[] {', '  return (Object.keys(FLAGS) as FlagName[]).filter((name) => FLAGS[name]);', '}', '', 'export function describeFlags(): string {', "  return flagsOn().join(',') || 'none';", '}'],
};

// ---------------------------------------------------------------------------------------------
// Write
// ---------------------------------------------------------------------------------------------

if (existsSync(OUT) && readdirSync(OUT).length > 0) {
  if (!existsSync(path.join(OUT, MARKER))) {
    console.error(`${OUT} is not empty and was not made by this script; refusing to overwrite it`);
    process.exit(1);
  }
  rmSync(OUT, { recursive: true, force: true });
}

const start = performance.now();
let written = 0;
let lineTotal = 0;
function write(rel, text) {
  const file = path.join(OUT, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  if (/\.tsx?$/.test(rel)) {
    written++;
    lineTotal += text.split('\n').length - 1;
  }
}
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * A barrel's text: a doc comment that lists the modules it gathers (as generated barrels often do;
 * it also keeps every file at 20 lines or more), then the re-exports.
 */
function barrel(title, body, contents) {
  const head = ['/**', ` * ${title}`, ' *', ' * Contents:'];
  for (const item of contents) {
    if (head.length + body.length + 2 >= 20 && head.length > 4) break;
    head.push(` *   - ${item}`);
  }
  while (head.length + body.length + 2 < 20) head.push(' *');
  return `${[...head, ' */', '', ...body].join('\n')}\n`;
}

write(MARKER, `make-monorepo.mjs --files ${TOTAL}\n`);
write('package.json', json({ name: 'acme-monorepo', private: true, version: '0.0.0', workspaces: ['packages/*'], devDependencies: { typescript: '^5.6.0' } }));
write('tsconfig.base.json', json({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, jsx: 'react-jsx', skipLibCheck: true, declaration: true } }));
write('tsconfig.json', json({ extends: './tsconfig.base.json', files: [], references: packages.map((p) => ({ path: `packages/${p.dir}` })) }));

// Core: the hubs, and their barrel.
const coreDir = 'packages/core';
write(`${coreDir}/package.json`, json({ name: '@acme/core', version: '1.0.0', type: 'module', main: './src/index.ts', exports: { '.': './src/index.ts', './*': './src/*.ts' }, dependencies: { express: '^4.21.0' } }));
write(`${coreDir}/tsconfig.json`, json({ extends: '../../tsconfig.base.json', include: ['src'] }));
for (const name of CORE_FILES) {
  const lines = ['/**', ` * @acme/core: ${name}. Imported across the whole monorepo.`, ' */', '', ...coreText[name]];
  write(`${coreDir}/src/${name}.ts`, `${lines.join('\n')}\n`);
}
write(`${coreDir}/src/index.ts`, `${['/**', ' * @acme/core: everything the packages share.', ' */', '', ...CORE_FILES.map((name) => `export * from './${name}';`), '', "export { logger as default } from './logger';", "export type { Config } from './config';", "export type { Logger } from './logger';", "export type { Span } from './tracing';", "export type { Job } from './queue';", "export type { FlagName } from './flags';", "export type { Pool } from './db';"].join('\n')}\n`);

// Leaves in plan order (so every import points at a file already rendered), then the barrels.
for (const file of plan) write(`packages/${file.pkg.dir}/${file.rel}`, renderLeaf(file));

for (const pkg of packages) {
  if (pkg.type === 'core') continue;
  const base = `packages/${pkg.dir}`;
  const deps = Object.fromEntries([['@acme/core', '1.0.0'], ...depsOf(pkg).map((d) => [d.name, '1.0.0'])]);
  if (pkg.type !== 'shared') deps['@acme/shared-utils'] = '1.0.0';
  if (pkg.type === 'domain') Object.assign(deps, { lodash: '^4.17.21', 'lodash-es': '^4.17.21', 'p-memoize': '^7.1.1', 'memoize-one': '^6.0.0', 'lru-cache': '^10.4.0', express: '^4.21.0' });
  if (pkg.type === 'api') deps.express = '^4.21.0';
  if (pkg.type === 'ui') deps.react = '^18.3.0';
  write(`${base}/package.json`, json({ name: pkg.name, version: '1.0.0', type: 'module', main: './dist/index.js', types: './dist/index.d.ts', exports: { '.': { types: './dist/index.d.ts', source: './src/index.ts', default: './dist/index.js' } }, dependencies: deps }));
  write(`${base}/tsconfig.json`, json({ extends: '../../tsconfig.base.json', compilerOptions: { outDir: 'dist', rootDir: 'src' }, include: ['src'] }));

  // Directory barrels: mostly `export *`, some `export { a, b } from`.
  const dirs = dirsByPkg.get(pkg);
  const areas = new Map();
  for (const [dir, files] of dirs) {
    const lines = [];
    for (const f of files) {
      const spec = `./${path.posix.basename(f.rel).replace(/\.tsx?$/, '')}`;
      const values = f.exports.filter((e) => e.type !== 'type').map((e) => e.name);
      const types = f.exports.filter((e) => e.type === 'type').map((e) => e.name);
      if (chance(0.75)) {
        lines.push(`export * from '${spec}';`);
      } else {
        if (values.length > 0) lines.push(`export { ${values.join(', ')} } from '${spec}';`);
        if (types.length > 0) lines.push(`export type { ${types.join(', ')} } from '${spec}';`);
      }
    }
    write(`${base}/src/${dir}/index.ts`, barrel(`${pkg.name}: ${dir}.`, lines, files.flatMap((f) => f.exports.map((e) => e.name))));
    const [area, topic] = dir.split('/');
    if (!areas.has(area)) areas.set(area, []);
    areas.get(area).push(topic);
  }
  for (const [area, topics] of areas) {
    const lines = topics.map((t) => `export * from './${t}';`);
    write(`${base}/src/${area}/index.ts`, barrel(`${pkg.name}: everything under ${area}/.`, lines, topics.map((t) => `${area}/${t}`)));
  }
  const indexLines = [...areas.keys()].map((a) => `export * from './${a}';`);
  write(`${base}/src/index.ts`, barrel(`${pkg.name}: the package's public surface.`, indexLines, [...dirs.keys()]));

  // API packages: a server that mounts every route directory's routers.
  if (pkg.type === 'api') {
    const routeDirs = [...dirs].filter(([dir]) => dir.startsWith('routes/'));
    const mounted = routeDirs.flatMap(([, files]) => files.slice(0, Math.max(1, Math.floor(45 / routeDirs.length))));
    const lines = ['/**', ` * ${pkg.name}: the HTTP server.`, ' */', '', "import express from 'express';", "import { logger, config } from '@acme/core';"];
    for (const f of mounted) lines.push(`import { ${f.exports[0].name} } from './${f.rel.slice(4).replace(/\.ts$/, '')}';`);
    lines.push('', 'export const app = express();', 'app.use(express.json());');
    for (const f of mounted) lines.push(`app.use('/v1', ${f.exports[0].name});`);
    lines.push('', 'export function start(): void {', "  app.listen(config.port, () => logger.info('listening', { port: config.port }));", '}');
    write(`${base}/src/server.ts`, `${lines.join('\n')}\n`);
  }
}

const ms = performance.now() - start;
console.log(`${OUT}: ${written} source files (${lineTotal} lines) in ${packages.length} packages, ${(ms / 1000).toFixed(1)} s`);
