/**
 * Whether a request handler in another file reaches a cache of this one. From the functions that
 * write the cache (or call the memoized function), up through this file's own callers to what it
 * exports (functions, singleton or class methods, object members); then through the modules that
 * import those, a few modules up, until a handler path calls one of them.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../node-types.js';
import { calleeName, enclosingFunction, functionName, isFunction, memberName, propertyName, unwrap, type FunctionNode } from '../ast.js';
import { keyGrowsWithRequests } from '../key-flow.js';
import { exportIndex } from '../exports.js';
import { isRequestFile, receiverFacts } from '../handlers.js';
import { callTargets, type CallRef } from '../call-targets.js';
import { moduleFactoryCalls } from '../factories.js';
import type { FileModel } from '../file-model.js';
import { importersOf, projectRoot } from './graph.js';
import { resolveModule } from './resolve.js';
import { projectFileModel } from './index.js';

/** How many modules up from the cache's own file a handler is looked for. */
const MAX_HOPS = 3;
/** Importers looked at per cache, so a utility imported everywhere costs a bounded amount. */
const MAX_IMPORTERS = 200;

export interface CrossFileReach {
  /** The handler's file, relative to the project's root. */
  file: string;
  line: number;
}

/** One way into the module from outside: an export, called directly or through some of its members. */
/** Which argument of a call becomes the cache key: an index, or every argument. */
export type KeyArg = number | 'all';
/** Key arguments by the function that writes the cache, or by a memoized binding's name. */
export type KeyArgs = ReadonlyMap<FunctionNode | string, KeyArg>;

export interface Entry {
  exportName: string;
  /** Member names that lead to the cache (`service.find`); `undefined`: the export itself is called. */
  members: ReadonlySet<string> | undefined;
  /** An exported class: its instances are injected (`constructor(private users: UsersService)`). */
  isClass?: boolean;
  /** The argument of a call of the export that becomes the cache key (`'all'`: every argument), when known. */
  keyArg?: KeyArg;
}

/** What reaches the seeds inside one file: functions whose calls can run them, and functions that hold them. */
function upwardClosure(model: FileModel, seedFns: Iterable<FunctionNode>, seedNames: Iterable<string>): { fns: Set<FunctionNode>; names: Set<string> } {
  const fns = new Set(seedFns);
  const names = new Set(seedNames);
  const seedList = [...names];
  for (const fn of fns) {
    const name = functionName(fn);
    if (name !== undefined) names.add(name);
  }
  const aliases = new Map(moduleFactoryCalls(model).map((call) => [call.binding, call.returned] as const));
  const facts = receiverFacts(model, aliases);
  // A call reaches the closure when it runs one of its functions, or calls a memoized binding by its name
  // (`getUser(id)`, `this.planFor(id)` after `this.planFor = memoize(this.planFor)`).
  const bindings = new Set(seedList);
  const reaches = (ref: CallRef): boolean => (bindings.has(ref.name) && ref.receiver !== 'other' && typeof ref.receiver === 'string') || callTargets(ref, facts).some((target) => fns.has(target));
  for (let changed = true, round = 0; changed && round < 12; round++) {
    changed = false;
    for (const fn of model.functions) {
      if (fns.has(fn)) continue;
      const holds = (model.nestedFunctions.get(fn) ?? []).some((nested) => fns.has(nested));
      if (!holds && !(model.callsByFunction.get(fn) ?? []).some(reaches)) continue;
      fns.add(fn);
      const name = functionName(fn);
      if (name !== undefined) names.add(name);
      changed = true;
    }
  }
  return { fns, names };
}

/** Methods (and function or memoized fields) of a class that lead to the cache. */
function classMembers(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, closure: { fns: ReadonlySet<FunctionNode>; names: ReadonlySet<string> }): Set<string> {
  const members = new Set<string>();
  for (const member of cls.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    const name = member.computed ? undefined : propertyName(member.key);
    if (name === undefined || !member.value) continue;
    if ((isFunction(member.value) && closure.fns.has(member.value)) || (member.type === AST_NODE_TYPES.PropertyDefinition && closure.names.has(name))) members.add(name);
  }
  return members;
}

/** `export default auth` where `const auth = new AuthStrategy()`: the value behind a module-level name. */
function moduleValue(model: FileModel, node: TSESTree.Node): TSESTree.Node {
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  for (const statement of model.program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of declaration.declarations) {
      if (d.id.type === AST_NODE_TYPES.Identifier && d.id.name === node.name && d.init) {
        const init = unwrap(d.init);
        return init.type === AST_NODE_TYPES.NewExpression || init.type === AST_NODE_TYPES.ObjectExpression ? init : node;
      }
    }
  }
  return node;
}

/**
 * A long-lived collection other modules write themselves (`userLoader.load(id)`, `cache.set(k, v)`):
 * exported at module level, or a static field of an exported class.
 */
export function exportedCollectionEntry(model: FileModel, init: TSESTree.Node, writeMethods: readonly string[]): Entry | undefined {
  const members = new Set(['set', 'add', 'push', ...writeMethods]);
  const holder = init.parent;
  const cls = holder?.type === AST_NODE_TYPES.PropertyDefinition && holder.static ? holder.parent.parent : undefined;
  for (const [exportName, values] of exportIndex(model)) {
    for (const value of values) {
      const node = unwrap(value);
      if (node === init) return { exportName, members };
      if (node.type === AST_NODE_TYPES.Identifier && holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier && holder.id.name === node.name && holder.parent.parent.type === AST_NODE_TYPES.Program) {
        return { exportName, members };
      }
      if (cls && (node === cls || (node.type === AST_NODE_TYPES.Identifier && cls.id?.name === node.name))) return { exportName, members };
    }
  }
  return undefined;
}

/** The exports of `model` through which the closure is reached. */
function exportedEntries(model: FileModel, closure: { fns: Set<FunctionNode>; names: Set<string> }, keyArgs?: KeyArgs): Entry[] {
  const entries: Entry[] = [];
  const classByName = new Map(model.classes.flatMap((cls) => (cls.id ? [[cls.id.name, cls] as const] : [])));
  for (const [exportName, values] of exportIndex(model)) {
    for (const value of values) {
      const node = moduleValue(model, unwrap(value));
      const local = node.type === AST_NODE_TYPES.Identifier ? node.name : exportName;
      let members: Set<string> | undefined;
      if (isFunction(node) ? closure.fns.has(node) : closure.names.has(local) && node.type !== AST_NODE_TYPES.ClassDeclaration) {
        const fn = isFunction(node) ? node : model.functionsByName.get(local)?.[0];
        const keyArg = keyArgs?.get(fn ?? local);
        entries.push({ exportName, members: undefined, ...(keyArg !== undefined ? { keyArg } : {}) });
        break;
      }
      const cls = node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression ? node : classByName.get(node.type === AST_NODE_TYPES.NewExpression ? (calleeName(node.callee) ?? '') : local);
      const isClass = cls !== undefined && node.type !== AST_NODE_TYPES.NewExpression;
      if (cls) members = classMembers(cls, closure);
      else if (node.type === AST_NODE_TYPES.ObjectExpression) {
        members = new Set();
        for (const prop of node.properties) {
          if (prop.type !== AST_NODE_TYPES.Property || prop.computed || prop.key.type !== AST_NODE_TYPES.Identifier) continue;
          const v = unwrap(prop.value);
          if ((isFunction(v) && closure.fns.has(v)) || (v.type === AST_NODE_TYPES.Identifier && closure.names.has(v.name))) members.add(prop.key.name);
        }
      }
      if (members && members.size > 0) {
        entries.push({ exportName, members, isClass });
        break;
      }
    }
  }
  return entries;
}

/** What stands for the entries of a module in one of its importers. */
interface ImportedNames {
  /** Local names called directly (`find(id)`), with the entry each stands for. */
  locals: Map<string, Entry | undefined>;
  /** Members called on a local (`users.find(id)`, `ns.find(id)`, `Loaders.bySku.load(k)`), by the local. */
  members: Map<string, Set<string>>;
  /** Members of exported classes, called on an injected instance (`this.users.find(id)`). */
  injected: Set<string>;
}

function addMembers(names: ImportedNames, local: string, members: Iterable<string>): void {
  const set = names.members.get(local) ?? new Set<string>();
  for (const m of members) set.add(m);
  names.members.set(local, set);
}

/** The names of `importer` that stand for the entries of `file`. */
function matchImports(importer: FileModel, file: string, entries: readonly Entry[]): ImportedNames {
  const names: ImportedNames = { locals: new Map(), members: new Map(), injected: new Set() };
  for (const [local, binding] of importer.imports) {
    if (resolveModule(binding.module, importer.filename) !== file) continue;
    for (const entry of entries) {
      if (binding.export === '*') {
        // `import * as users from './users'`: `users.find()` calls the export itself.
        addMembers(names, local, [entry.exportName, ...(entry.members ?? [])]);
      } else if (binding.export === entry.exportName) {
        if (!entry.members) names.locals.set(local, entry);
        else {
          addMembers(names, local, entry.members);
          if (entry.isClass) for (const m of entry.members) names.injected.add(m);
        }
      }
    }
  }
  return names;
}

const isEmpty = (names: ImportedNames): boolean => names.locals.size === 0 && names.members.size === 0;

/** The identifier or `this` a member chain starts from: `users` in `users.find`, `this` in `this.users.find`. */
function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current;
}

/** A call in `model` that uses one of the names: `find(id)`, `users.find(id)`, `this.users.find(id)`. */
function callsOf(model: FileModel, names: ImportedNames): TSESTree.CallExpression[] {
  return model.calls.filter((call) => {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return names.locals.has(callee.name);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = memberName(callee);
    const root = chainRoot(callee.object);
    if (root.type === AST_NODE_TYPES.ThisExpression) return name !== undefined && callee.object.type === AST_NODE_TYPES.MemberExpression && names.injected.has(name);
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    // A method of an alias of what a factory made (`limiter.check(…)`), or a member of an imported value.
    return names.locals.has(root.name) || (name !== undefined && (names.members.get(root.name)?.has(name) ?? false));
  });
}

/** Whether a call can add an entry per request: its key argument (when the entry knows which) grows with requests. */
function callMayGrow(call: TSESTree.CallExpression, names: ImportedNames, model: FileModel): boolean {
  const callee = unwrap(call.callee);
  const entry = callee.type === AST_NODE_TYPES.Identifier ? names.locals.get(callee.name) : undefined;
  if (entry?.keyArg === undefined) return true;
  const keyed = entry.keyArg === 'all' ? call.arguments : call.arguments.slice(entry.keyArg, entry.keyArg + 1);
  return keyed.some((arg) => !isFunction(arg) && keyGrowsWithRequests(arg, call, model));
}

/** Re-exports of `file` by a barrel module: the same entries, under the barrel's names. */
function reexportedEntries(barrel: FileModel, file: string, entries: readonly Entry[]): Entry[] {
  const out: Entry[] = [];
  for (const statement of barrel.program.body) {
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && resolveModule(statement.source.value, barrel.filename) === file) {
      if (statement.exported === null) out.push(...entries);
      else out.push({ exportName: statement.exported.name, members: new Set(entries.map((e) => e.exportName)) });
    }
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source && resolveModule(statement.source.value, barrel.filename) === file) {
      for (const spec of statement.specifiers) {
        const imported = spec.local.type === AST_NODE_TYPES.Identifier ? spec.local.name : spec.local.value;
        const exported = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : spec.exported.value;
        const entry = entries.find((e) => e.exportName === imported);
        if (entry) out.push({ exportName: exported, members: entry.members });
      }
    }
  }
  return out;
}

/** Module-level names bound to the result of one of the calls. */
function moduleLevelAliases(calls: readonly TSESTree.CallExpression[]): string[] {
  const names: string[] = [];
  for (const call of calls) {
    const parent = call.parent;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier && enclosingFunction(call) === undefined) names.push(parent.id.name);
  }
  return names;
}

/** Whether a module importing `model` calls its export `exportName` at module level (a factory run once). */
export function calledAtModuleLevelElsewhere(model: FileModel, exportName: string): boolean {
  const entries: Entry[] = [{ exportName, members: undefined }];
  let looked = 0;
  for (const importerFile of importersOf(model.filename)) {
    if (looked++ >= MAX_IMPORTERS) break;
    const importer = projectFileModel(importerFile, model.settings);
    if (!importer) continue;
    const names = matchImports(importer, model.filename, entries);
    // `const limiter = createLimiter()`, `app.use(conditionalGet())`: made once, kept by the module.
    if (names.locals.size > 0 && callsOf(importer, names).some((call) => enclosingFunction(call) === undefined)) return true;
  }
  return false;
}

/** Registered by name (`app.get('/u/:id', getUser)`): the handler path lists it among its called names. */
function registeredByName(model: FileModel, locals: Iterable<string>): TSESTree.Node | undefined {
  const path = model.handlerPath();
  for (const local of locals) {
    if (!path.calledNames.has(local)) continue;
    const registration = model.calls.find((call) => call.arguments.some((a) => a.type === AST_NODE_TYPES.Identifier && a.name === local));
    if (registration) return registration;
  }
  return undefined;
}

/**
 * The first request handler of another file that reaches the cache, or `undefined`. `seedFns` are
 * this file's functions that write the cache or call the memoized function; `seedNames` are names
 * that lead there when called (the memoized binding's own name).
 */
export function crossFileHandler(
  model: FileModel,
  seedFns: Iterable<FunctionNode>,
  seedNames: Iterable<string>,
  seeds: { entries?: readonly Entry[]; keyArgs?: KeyArgs } = {},
): CrossFileReach | undefined {
  const own = exportedEntries(model, upwardClosure(model, seedFns, seedNames), seeds.keyArgs);
  let level: { file: string; entries: Entry[] }[] = [{ file: model.filename, entries: [...(seeds.entries ?? []), ...own] }];
  const visited = new Set<string>([model.filename]);
  for (let hop = 0; hop < MAX_HOPS && level.length > 0; hop++) {
    const next: typeof level = [];
    for (const { file, entries } of level) {
      if (entries.length === 0) continue;
      let looked = 0;
      for (const importerFile of importersOf(file)) {
        if (visited.has(importerFile) || looked++ >= MAX_IMPORTERS) continue;
        const importer = projectFileModel(importerFile, model.settings);
        if (!importer) continue;
        const barrel = reexportedEntries(importer, file, entries);
        if (barrel.length > 0) next.push({ file: importerFile, entries: barrel });
        const names = matchImports(importer, file, entries);
        if (isEmpty(names)) continue;
        visited.add(importerFile);
        // `const limiter = createLimiter()` at module level: `limiter` now stands for what the factory made.
        const aliases = moduleLevelAliases(callsOf(importer, names));
        for (const alias of aliases) names.locals.set(alias, undefined);
        // Calls whose key argument cannot grow (`serviceToken('forecast-api')`) add nothing per request.
        const calls = callsOf(importer, names).filter((call) => callMayGrow(call, names, importer));
        if (isRequestFile(importer.filename)) {
          const handlerPath = importer.handlerPath();
          const hit = calls.find((call) => handlerPath.isOnPath(call)) ?? registeredByName(importer, names.locals.keys());
          if (hit) return { file: relativeTo(model.filename, importerFile), line: hit.loc.start.line };
        }
        const holders = calls.map((call) => enclosingFunction(call)).filter((fn): fn is FunctionNode => fn !== undefined);
        const upward = exportedEntries(importer, upwardClosure(importer, holders, aliases));
        if (upward.length > 0) next.push({ file: importerFile, entries: upward });
      }
    }
    level = next;
  }
  return undefined;
}

function relativeTo(from: string, to: string): string {
  return path.relative(projectRoot(from), to).replace(/\\/g, '/');
}
