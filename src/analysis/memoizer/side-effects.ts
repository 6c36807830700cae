/**
 * Side effects and non-deterministic reads of a function, and of the same-file functions it calls:
 * what a cache hit would skip (a write) or freeze (a clock, a random source, a mutable module
 * variable). The knowledge is in the tables below; a debug log alone is not an effect.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { enclosingFunction, functionName, memberName, unwrap, walkNodes, type FunctionNode } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { chainRoot, functionOfVariable, isDeclaredWithin, resolveIdentifier, valueDef, within } from '../syntax/references.js';
import { responseMethods, responseNames, routeRegistrars } from '../catalog/handler-catalog.js';
import { clockClass, clockReads } from '../catalog/clock-reads.js';

/** `object.method()` calls whose result changes from call to call. */
const nonDeterministicCalls: ReadonlyMap<string, string> = new Map([
  ...[...clockReads].map((call) => [call, 'reads the clock'] as const),
  ['Math.random', 'reads a random number'],
  ['crypto.randomUUID', 'makes a random id'],
  ['crypto.randomBytes', 'reads random bytes'],
  ['crypto.randomInt', 'reads a random number'],
  ['crypto.getRandomValues', 'reads random bytes'],
]);

/** Named imports that are non-deterministic when called: module → export → what. */
const nonDeterministicImports: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ...['crypto', 'node:crypto'].map((m) => [m, new Map([['randomUUID', 'makes a random id'], ['randomBytes', 'reads random bytes'], ['randomInt', 'reads a random number']])] as const),
  ['uuid', new Map(['v1', 'v4', 'v6', 'v7'].map((e) => [e, 'makes a random id']))],
  ['nanoid', new Map([['nanoid', 'makes a random id']])],
]);

const fsModules: ReadonlySet<string> = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs']);
const fsWrites: ReadonlySet<string> = new Set([
  ...['writeFile', 'appendFile', 'mkdir', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'truncate', 'chmod', 'chown', 'symlink', 'utimes', 'cp'].flatMap((m) => [m, `${m}Sync`]),
  'createWriteStream', 'outputFile', 'outputFileSync', 'outputJson', 'writeJson', 'writeJsonSync', 'remove', 'removeSync', 'ensureDir', 'ensureDirSync', 'emptyDir',
]);
/** Receiver names that mean the file system without an import (`fs` from a require the table missed). */
const fsNames: ReadonlySet<string> = new Set(['fs', 'fsp', 'fse']);

/** Database and ORM writes (Prisma, Mongoose, TypeORM, Sequelize, Knex, MongoDB drivers). */
const dbWrites: ReadonlySet<string> = new Set([
  'insert', 'insertOne', 'insertMany', 'update', 'updateOne', 'updateMany', 'upsert', 'deleteOne', 'deleteMany', 'save', 'create', 'createMany',
  'destroy', 'bulkWrite', 'bulkCreate', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndReplace',
  'replaceOne', 'increment', 'decrement', 'remove', 'del', 'persist', 'flush',
]);
/** Receivers that never hold a database: `Object.create`, `Math`, `JSON`, …. */
const builtinReceivers: ReadonlySet<string> = new Set(['Object', 'Array', 'JSON', 'Math', 'Reflect', 'Promise', 'Number', 'String', 'Symbol', 'Date', 'Intl', 'URL', 'console', 'path', 'crypto', 'Buffer', 'React', 'document']);
/** Names of functions whose result starts a database chain (`knex('users').insert(…)`, `getClient().user.upsert(…)`). */
const dbClientName = /^(?:knex|trx|sql)$|db|database|client|prisma|repo|connection|pool|model/i;
const sqlWrite = /^\s*(?:insert|update|delete|replace|merge|upsert|create|drop|alter|truncate)\b/i;
const sqlRunners: ReadonlySet<string> = new Set(['query', 'execute', 'exec', 'run', 'raw', 'none', 'any', 'one', 'many', 'oneOrNone', 'manyOrNone', '$executeRaw', '$executeRawUnsafe']);

const emitMethods: ReadonlySet<string> = new Set(['emit', 'dispatchEvent', 'publish', 'dispatch', 'broadcast', 'postMessage', 'enqueue', 'inc', 'observe']);
const httpWrites: ReadonlySet<string> = new Set(['post', 'put', 'patch']);
const collectionWrites: ReadonlySet<string> = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'setItem', 'removeItem']);
/** Utility libraries whose methods are helpers called through the namespace (`_.set(obj, path, v)`): the namespace itself is never changed. */
const utilityLibraries: ReadonlySet<string> = new Set(['lodash', 'lodash-es', 'underscore', 'ramda']);
/** Their helpers that change the object given first (`_.set`, `_.merge`, `_.pull`); the others make new values. */
const utilityMutators: ReadonlySet<string> = new Set(['set', 'setWith', 'unset', 'update', 'updateWith', 'merge', 'mergeWith', 'assign', 'assignIn', 'assignWith', 'assignInWith', 'extend', 'defaults', 'defaultsDeep', 'pull', 'pullAll', 'pullAllBy', 'pullAllWith', 'pullAt', 'remove', 'fill', 'reverse']);
const globalObjects: ReadonlySet<string> = new Set(['window', 'globalThis', 'global', 'self', 'document', 'exports', 'module', 'process', 'localStorage', 'sessionStorage']);

/** How far calls into same-file helpers are followed. */
const HELPER_DEPTH = 3;

export interface Effect {
  kind: 'write' | 'non-deterministic';
  /** What happens, for the message: "writes a file (`fs.writeFileSync`)". */
  what: string;
  node: TSESTree.Node;
  /** The same-file helper it happens in, when not in the memoized function itself. */
  via: string | undefined;
}

function text(model: FileModel, node: TSESTree.Node): string {
  const raw = model.sourceCode.getText(node).replace(/\s+/g, ' ');
  return raw.length > 40 ? `${raw.slice(0, 37)}...` : raw;
}

/** `x ??= v`, `x ||= v`, `x = x || v`, `if (!x) x = v`, `x ?? (x = v)`, `if (x == null) x = v`: initialising once is not an effect a hit skips. */
function isLazyInit(assignment: TSESTree.AssignmentExpression, model: FileModel): boolean {
  if (assignment.operator === '??=' || assignment.operator === '||=') return true;
  const target = model.sourceCode.getText(assignment.left);
  // `emptyStyle = emptyStyle || document.createElement('div').style`: the older spelling of `||=`.
  const right = unwrap(assignment.right);
  if (assignment.operator === '=' && right.type === AST_NODE_TYPES.LogicalExpression && right.operator !== '&&' && model.sourceCode.getText(right.left) === target) return true;
  const tests = (test: TSESTree.Node): boolean => {
    const node = unwrap(test);
    if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return model.sourceCode.getText(node.argument) === target;
    if (node.type === AST_NODE_TYPES.BinaryExpression && ['==', '===', '!=', '!=='].includes(node.operator)) return model.sourceCode.getText(node.left) === target || model.sourceCode.getText(node.right) === target;
    if (node.type === AST_NODE_TYPES.LogicalExpression) return tests(node.left) || tests(node.right);
    return false;
  };
  for (let node: TSESTree.Node = assignment; node.parent; node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === node) return model.sourceCode.getText(parent.left) === target;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === node) return tests(parent.test);
    if (parent.type !== AST_NODE_TYPES.ExpressionStatement && parent.type !== AST_NODE_TYPES.BlockStatement) return false;
  }
  return false;
}

/** Callbacks of test hooks: they run around tests, not while the code under test serves. */
const testHooks: ReadonlySet<string> = new Set(['beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'before', 'after', 'setup', 'teardown', 'suiteSetup', 'suiteTeardown']);

/** A write inside a function that is not a test hook's callback nor invoked where it is written (`(() => { x = … })()`). */
function runsAfterLoad(node: TSESTree.Node): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const parent = fn.parent;
    if (parent.type !== AST_NODE_TYPES.CallExpression) return true;
    if (parent.callee === fn) continue;
    const callee = unwrap(parent.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    return name === undefined || !testHooks.has(name);
  }
  return false;
}

/** Module-level `let`/`var` variables reassigned somewhere other than by a lazy initialisation: name → the write. */
const mutableModuleVariables = new WeakMap<FileModel, Map<Scope.Variable, TSESTree.Node>>();

function mutableVariables(model: FileModel): Map<Scope.Variable, TSESTree.Node> {
  const cached = mutableModuleVariables.get(model);
  if (cached) return cached;
  const found = new Map<Scope.Variable, TSESTree.Node>();
  const global = model.sourceCode.scopeManager?.globalScope;
  const scopes = global ? [global, ...global.childScopes.filter((s) => (s.type as string) === 'module')] : [];
  for (const scope of scopes) {
    for (const variable of scope.variables) {
      const def = valueDef(variable);
      if ((def?.type as string | undefined) !== 'Variable' || def?.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind === 'const') continue;
      const write = variable.references.find((r) => {
        if (!r.isWrite() || r.init === true) return false;
        // While the module loads (`joi = joi.extend(…)` at top level) or in a test hook: never while the memoized function runs.
        if (!runsAfterLoad(r.identifier)) return false;
        const parent = r.identifier.parent;
        if (parent.type !== AST_NODE_TYPES.AssignmentExpression) return true;
        // `fib = memoize(fib)` decorates the function once; it does not change what it computes.
        const right = unwrap(parent.right);
        const decorates = right.type === AST_NODE_TYPES.CallExpression && right.arguments.some((a) => a.type === AST_NODE_TYPES.Identifier && a.name === variable.name);
        return !decorates && !isLazyInit(parent, model);
      });
      if (write) found.set(variable, write.identifier);
    }
  }
  mutableModuleVariables.set(model, found);
  return found;
}

/** `var res = {}`, `const out = []`: a variable whose one definition makes a fresh object or array literal, never given another value. */
function madeAsLiteral(variable: Scope.Variable): boolean {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrap(def.node.init) : undefined;
  const literal = init?.type === AST_NODE_TYPES.ObjectExpression || init?.type === AST_NODE_TYPES.ArrayExpression;
  return literal && variable.references.every((ref) => !ref.isWrite() || ref.init === true);
}

/** The variable a write's target starts from, and whether it is outside `base` (a parameter or local is not). */
function outerTarget(target: TSESTree.Node, base: FunctionNode, model: FileModel): { name: string } | undefined {
  const root = chainRoot(target);
  // Instance state outlives the call: a hit skips the write.
  if (root.type === AST_NODE_TYPES.ThisExpression) return { name: 'this' };
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveIdentifier(model.sourceCode, root);
  if (!variable) return { name: root.name };
  // A local named like a response (`res`) may hold the request's response; not when it is made here as a literal (`var res = {}`).
  if (isDeclaredWithin(variable, base)) return responseNames.has(root.name) && target !== root && !madeAsLiteral(variable) ? { name: root.name } : undefined;
  return { name: root.name };
}

const cacheName = /cache|memo/i;
const readMethods: ReadonlySet<string> = new Set(['get', 'has', 'peek']);
const fillMethods: ReadonlySet<string> = new Set(['set', 'add', 'push', 'setItem']);

/**
 * `cache.set(k, v)` / `cache[k] = v` where the function also reads that store (`cache.get(k)`,
 * `cache.has(k)`, `cache[k]`), or the store is named a cache: the function keeps a cache of its own,
 * which is not an effect on the world a hit would skip.
 */
function fillsOwnCache(store: TSESTree.Node, fills: boolean, base: FunctionNode, model: FileModel): boolean {
  const name = model.sourceCode.getText(store);
  // A store of its own named a cache (`cache`, `this.memo`), being filled; clearing another function's `other.cache` is an effect.
  const own = store.type === AST_NODE_TYPES.Identifier ? store.name : store.type === AST_NODE_TYPES.MemberExpression && store.object.type === AST_NODE_TYPES.ThisExpression ? memberName(store) : undefined;
  if (fills && own !== undefined && cacheName.test(own)) return true;
  let reads = false;
  walkNodes(base.body, model.facts.visitorKeys, (node) => {
    if (reads) return false;
    if (node.type !== AST_NODE_TYPES.MemberExpression || model.sourceCode.getText(node.object) !== name) return true;
    const parent = node.parent;
    if (!node.computed) reads = parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node && readMethods.has(memberName(node) ?? '');
    else reads = !(parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node);
    return !reads;
  });
  return reads;
}

function writeEffect(target: TSESTree.Node, node: TSESTree.Node, verb: string, base: FunctionNode, model: FileModel): string | undefined {
  const outer = outerTarget(target, base, model);
  if (!outer) return undefined;
  if (target.type === AST_NODE_TYPES.MemberExpression && target.computed && fillsOwnCache(unwrap(target.object), node.type === AST_NODE_TYPES.AssignmentExpression, base, model)) return undefined;
  if (node.type === AST_NODE_TYPES.AssignmentExpression && isLazyInit(node, model)) return undefined;
  const where = outer.name === 'this' ? '' : globalObjects.has(outer.name) ? 'global ' : 'outer ';
  return `${verb} ${where}\`${text(model, target)}\``;
}

function importOf(model: FileModel, id: TSESTree.Identifier): { module: string; export: string } | undefined {
  const binding = model.imports.get(id.name);
  if (!binding) return undefined;
  const variable = resolveIdentifier(model.sourceCode, id);
  // A local that shadows the import is not the import.
  const scopeType = variable?.scope.type as string | undefined;
  return scopeType !== undefined && scopeType !== 'module' && scopeType !== 'global' ? undefined : binding;
}

function isLocal(id: TSESTree.Identifier, base: FunctionNode, model: FileModel): boolean {
  const variable = resolveIdentifier(model.sourceCode, id);
  return variable !== undefined && isDeclaredWithin(variable, base);
}

/** Declared inside `base`, other than as `base`'s own parameter (`res` of a nested `.then((res) => …)` is local). */
function isLocalVariable(id: TSESTree.Identifier, base: FunctionNode, model: FileModel): boolean {
  const variable = resolveIdentifier(model.sourceCode, id);
  if (!variable || !isDeclaredWithin(variable, base)) return false;
  return !variable.defs.some((d) => (d.type as string) === 'Parameter' && (variable.scope.block as TSESTree.Node) === base);
}

function memberCallEffect(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, base: FunctionNode, model: FileModel): Effect['kind'] | [Effect['kind'], string] | undefined {
  const method = memberName(callee);
  if (method === undefined) return undefined;
  const object = unwrap(callee.object);
  const root = chainRoot(object);
  const rootName = root.type === AST_NODE_TYPES.Identifier ? root.name : root.type === AST_NODE_TYPES.ThisExpression ? 'this' : undefined;
  const local = root.type === AST_NODE_TYPES.Identifier && isLocal(root, base, model);
  const shown = `\`${text(model, callee)}\``;
  // `Date.now()` on the global (or an imported `crypto` / `perf_hooks` namespace), not on a local of that name.
  if (object.type === AST_NODE_TYPES.Identifier && (!resolveIdentifier(model.sourceCode, object) || importOf(model, object))) {
    const nd = nonDeterministicCalls.get(`${object.name}.${method}`);
    if (nd) return ['non-deterministic', `${nd} (${shown})`];
  }
  // `res.json()` on the request's response (a parameter or an outer variable), not on a local `fetch` result.
  if (root.type === AST_NODE_TYPES.Identifier && responseNames.has(root.name) && responseMethods.has(method) && !isLocalVariable(root, base, model)) return ['write', `sends a response (${shown})`];
  if (local) return undefined;
  if (rootName === undefined) {
    // A chain that starts with a call: only database clients (`knex('users').insert(…)`, `getClient().user.upsert(…)`).
    const start = root.type === AST_NODE_TYPES.CallExpression ? unwrap(root.callee) : undefined;
    if (!(start?.type === AST_NODE_TYPES.Identifier && dbClientName.test(start.name) && dbWrites.has(method))) return undefined;
    return ['write', `writes to the database (${shown})`];
  }
  const fromFs = root.type === AST_NODE_TYPES.Identifier && (fsNames.has(root.name) || fsModules.has(importOf(model, root)?.module ?? ''));
  if (fromFs && fsWrites.has(method)) return ['write', `writes to the file system (${shown})`];
  const first = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  if (sqlRunners.has(method) && first && sqlText(first, model) !== undefined) return ['write', `runs a SQL write (${shown})`];
  if (emitMethods.has(method)) return ['write', `emits an event or a metric (${shown})`];
  if (httpWrites.has(method) && !routeRegistrars.has(rootName) && !isGraphqlQuery(call, model)) return ['write', `sends an HTTP ${method.toUpperCase()} (${shown})`];
  if (builtinReceivers.has(rootName)) return undefined;
  // `_.set(model, path, v)`: a utility library's helper changes the object it is given first, if any, never the library.
  const library = object.type === AST_NODE_TYPES.Identifier ? importOf(model, object)?.module : undefined;
  if (library !== undefined && utilityLibraries.has(library)) {
    if (!utilityMutators.has(method) || !first) return undefined;
    const target = chainRoot(first);
    if (target.type === AST_NODE_TYPES.Identifier ? isLocal(target, base, model) : target.type !== AST_NODE_TYPES.ThisExpression) return undefined;
    return ['write', mutates(target.type === AST_NODE_TYPES.ThisExpression, text(model, first), shown)];
  }
  if (dbWrites.has(method) && !(object.type === AST_NODE_TYPES.Identifier && collectionWrites.has(method))) return ['write', `writes to the database (${shown})`];
  if (collectionWrites.has(method) && !fillsOwnCache(object, fillMethods.has(method), base, model)) return ['write', mutates(rootName === 'this', text(model, object), shown)];
  return undefined;
}

/** How a mutation reads: of `this.x`, or of an outer `x`. */
function mutates(ofThis: boolean, what: string, shown: string): string {
  return `mutates ${ofThis ? '' : 'outer '}\`${what}\` (${shown})`;
}

/** The SQL text of a string or template argument that writes, if it is one. */
function sqlText(node: TSESTree.Node, model: FileModel): string | undefined {
  const raw = node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : node.type === AST_NODE_TYPES.TemplateLiteral ? (node.quasis[0]?.value.cooked ?? '') : node.type === AST_NODE_TYPES.TaggedTemplateExpression ? (node.quasi.quasis[0]?.value.cooked ?? '') : undefined;
  return raw !== undefined && sqlWrite.test(raw) ? model.sourceCode.getText(node) : undefined;
}

/** The text `node` stands for: itself, and for an identifier the initialiser of its `const`. */
function valueText(node: TSESTree.Node, model: FileModel): string {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.Identifier) return model.sourceCode.getText(value);
  const def = valueDef(resolveIdentifier(model.sourceCode, value));
  const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : undefined;
  return init ? model.sourceCode.getText(init) : '';
}

/**
 * A POST that carries a GraphQL query (`{ query }` in the body, a `/graphql` endpoint) and no
 * `mutation`: GraphQL sends reads by POST, so the method says nothing about a write.
 */
function isGraphqlQuery(call: TSESTree.CallExpression, model: FileModel): boolean {
  const texts = call.arguments.map((arg) => valueText(arg, model));
  let graphql = texts.some((t) => /graphql|\bgql\b/i.test(t));
  walkNodes(call, model.facts.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.Property && !node.computed && node.key.type === AST_NODE_TYPES.Identifier && node.key.name === 'query') {
      graphql = true;
      texts.push(valueText(node.value, model));
    }
    return true;
  });
  return graphql && !texts.some((t) => /\bmutation\b/.test(t));
}

/** `fetch(url, { method: 'POST' })` */
function fetchWrite(call: TSESTree.CallExpression): string | undefined {
  const init = call.arguments[1] ? unwrap(call.arguments[1]) : undefined;
  if (init?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const prop of init.properties) {
    if (prop.type !== AST_NODE_TYPES.Property || prop.computed || prop.key.type !== AST_NODE_TYPES.Identifier || prop.key.name !== 'method') continue;
    const value = unwrap(prop.value);
    if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' && !/^(?:get|head|options)$/i.test(value.value)) return value.value.toUpperCase();
  }
  return undefined;
}

/** Checks one node of `base`'s body; pushes helpers to follow. */
function effectAt(node: TSESTree.Node, base: FunctionNode, model: FileModel, follow: (fn: FunctionNode) => void): Omit<Effect, 'via'> | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.AssignmentExpression: {
      const what = writeEffect(node.left, node, 'assigns', base, model);
      return what === undefined ? undefined : { kind: 'write', what, node };
    }
    case AST_NODE_TYPES.UpdateExpression: {
      const what = writeEffect(node.argument, node, node.operator === '++' ? 'increments' : 'decrements', base, model);
      return what === undefined ? undefined : { kind: 'write', what, node };
    }
    case AST_NODE_TYPES.UnaryExpression: {
      if (node.operator !== 'delete') return undefined;
      const what = writeEffect(node.argument, node, 'deletes', base, model);
      return what === undefined ? undefined : { kind: 'write', what, node };
    }
    case AST_NODE_TYPES.NewExpression:
      return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === clockClass && node.arguments.length === 0 && !resolveIdentifier(model.sourceCode, node.callee)
        ? { kind: 'non-deterministic', what: 'reads the clock (`new Date()`)', node }
        : undefined;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return sqlText(node, model) !== undefined ? { kind: 'write', what: `runs a SQL write (\`${text(model, node.tag)}\`)`, node } : undefined;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const found = memberCallEffect(node, callee, base, model);
        return Array.isArray(found) ? { kind: found[0], what: found[1], node } : undefined;
      }
      if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = resolveIdentifier(model.sourceCode, callee);
      const helper = functionOfVariable(variable);
      if (helper) follow(helper);
      if (!variable && callee.name === 'fetch') {
        const method = fetchWrite(node);
        return method === undefined || isGraphqlQuery(node, model) ? undefined : { kind: 'write', what: `sends an HTTP ${method} (\`fetch\`)`, node };
      }
      if (!variable && callee.name === clockClass) return { kind: 'non-deterministic', what: 'reads the clock (`Date()`)', node };
      const binding = importOf(model, callee);
      if (!binding) return undefined;
      const nd = nonDeterministicImports.get(binding.module)?.get(binding.export);
      if (nd) return { kind: 'non-deterministic', what: `${nd} (\`${callee.name}\`)`, node };
      if (fsModules.has(binding.module) && fsWrites.has(binding.export)) return { kind: 'write', what: `writes to the file system (\`${callee.name}\`)`, node };
      return undefined;
    }
    case AST_NODE_TYPES.Identifier: {
      const mutable = mutableVariables(model);
      if (mutable.size === 0) return undefined;
      const variable = resolveIdentifier(model.sourceCode, node);
      const write = variable && mutable.get(variable);
      if (!variable || !write || isDeclaredWithin(variable, base) || variable.defs.some((d) => d.name === node)) return undefined;
      return { kind: 'non-deterministic', what: `reads module-level \`${node.name}\` (reassigned at line ${write.loc.start.line})`, node };
    }
    default:
      return undefined;
  }
}

/** Calls that take a value for timing, waiting or logging: what they are given never reaches the result. */
const timingSinks = /^(?:sleep|delay|wait|setTimeout|setInterval|setImmediate|timeout|backoff|retry|jitter|log|debug|info|warn|error|trace|verbose|observe|histogram|timing|record|mark|measure|gauge|time|timeEnd)$/i;
const timingKeys = /delay|jitter|backoff|timeout|wait|interval|retry/i;

function isCallArgument(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.callee !== node;
}

function calleeLastName(callee: TSESTree.Node): string | undefined {
  const node = unwrap(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  return node.type === AST_NODE_TYPES.MemberExpression ? memberName(node) : undefined;
}

/** Follows a local variable's reads: does any of them reach the result? */
function variableReaches(id: TSESTree.Node, base: FunctionNode, model: FileModel, depth: number): boolean {
  if (id.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = resolveIdentifier(model.sourceCode, id);
  if (!variable || !isDeclaredWithin(variable, base)) return true;
  return variable.references.some((ref) => ref.identifier !== id && ref.isRead() && reachesResult(ref.identifier, base, model, depth + 1));
}

/**
 * Whether a value read at `node` can end up in what `base` returns: through a `return`, an expression
 * body, the locals it is stored in, the calls and objects it is passed to. Not when it only feeds a
 * sleep, a timer, a log or a metric (retry jitter, timing), a loop's condition, or a bare statement.
 * Unknown (too deep, stored outside) counts as reaching.
 */
function reachesResult(node: TSESTree.Node, base: FunctionNode, model: FileModel, depth = 0): boolean {
  if (depth > 3) return true;
  let current: TSESTree.Node = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.ReturnStatement: {
        const fn = enclosingFunction(parent);
        if (!fn || fn === base) return true;
        // A callback's return flows into the call that runs it.
        parent = fn;
        continue;
      }
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (parent === base) return true;
        if (parent.body === current) continue;
        return false;
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        return parent === base;
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === current ? variableReaches(parent.id, base, model, depth) : false;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right !== current) continue;
        return unwrap(parent.left).type === AST_NODE_TYPES.Identifier ? variableReaches(unwrap(parent.left), base, model, depth) : true;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (parent.callee === current) continue;
        const name = calleeLastName(parent.callee);
        if (name !== undefined && timingSinks.test(name)) return false;
        continue;
      }
      case AST_NODE_TYPES.Property:
        // `{ delay: Math.random() * 100 }` handed to a call as its options; a returned `{ ms: … }` is the result.
        if (parent.value === current && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier && timingKeys.test(parent.key.name) && isCallArgument(parent.parent)) return false;
        continue;
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
        return parent.type === AST_NODE_TYPES.ForStatement && parent.init === current;
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.ThrowStatement:
        return false;
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.SwitchStatement:
        // The test picks what is returned.
        return true;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
        return false;
      default:
        continue;
    }
  }
  return false;
}

/** Identifiers that are property names or keys, not variable reads. */
function isPropertyName(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  return (parent.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) || (parent.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed);
}

/**
 * The first side effect or non-deterministic read of `fn`, in source order, then in the same-file
 * functions it calls (followed by scope-resolved name, to a bounded depth; recursion cannot loop).
 * `ignored` calls are not effects: a memoized function removing its own cache entry manages the
 * cache a hit reads, it does not act on the world.
 */
export function findEffect(fn: FunctionNode, model: FileModel, ignored: ReadonlySet<TSESTree.Node> = new Set()): Effect | undefined {
  const visited = new Set<FunctionNode>([fn]);
  let frontier: FunctionNode[] = [fn];
  for (let depth = 0; depth <= HELPER_DEPTH && frontier.length > 0; depth++) {
    const next: FunctionNode[] = [];
    for (const base of frontier) {
      let found: Omit<Effect, 'via'> | undefined;
      const follow = (helper: FunctionNode): void => {
        if (visited.has(helper)) return;
        visited.add(helper);
        next.push(helper);
      };
      walkNodes(base.body, model.facts.visitorKeys, (node) => {
        if (found) return false;
        if (node.type === AST_NODE_TYPES.Identifier && isPropertyName(node)) return false;
        // Type annotations hold no effects.
        if (node.type.startsWith('TS') && node.type !== AST_NODE_TYPES.TSAsExpression && node.type !== AST_NODE_TYPES.TSNonNullExpression && node.type !== AST_NODE_TYPES.TSSatisfiesExpression) return false;
        if (ignored.has(node)) return true;
        // A function made here but not run by this call (returned, stored, a property of the result) acts when its caller runs it.
        if ((node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) && node.parent.type !== AST_NODE_TYPES.CallExpression) return false;
        // A helper written inside the memoized function (`const decode = (buf) => { fonts.push(…) }`) works on
        // that call's own locals: what is outside is judged against the memoized function, not the helper.
        const candidate = effectAt(node, base !== fn && within(base, fn) ? fn : base, model, follow);
        // A clock or random read that never reaches the result (retry jitter, timing a call) freezes nothing.
        if (candidate && (candidate.kind === 'write' || reachesResult(candidate.node, base, model))) found = candidate;
        return found === undefined;
      });
      if (found) return { ...found, via: base === fn ? undefined : (functionName(base) ?? 'a helper') };
    }
    frontier = next;
  }
  return undefined;
}
