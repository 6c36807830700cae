/**
 * Whether a request handler in another file reaches a cache of this one. From the functions that
 * write the cache (or call the memoized function), up through this file's own callers to what it
 * exports (functions, singleton or class methods, object members); then through the modules that
 * import those, a few modules up, until a handler path calls one of them.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../syntax/node-types.js';
import { calleeName, enclosingFunction, functionName, isFunction, memberName, propertyName, unwrap, walk, type FunctionNode } from '../../syntax/ast.js';
import { keyGrowsWithRequests, keyParameters } from '../../request/key-flow.js';
import { exportIndex } from '../../syntax/export-index.js';
import { isRequestFile, receiverFacts } from '../../request/handlers.js';
import { callTargets } from '../../syntax/call-targets.js';
import { moduleFactoryCalls } from '../../cache/module-factories.js';
import type { CrossFileReach, Entry, FileModel, KeyArg, KeyArgs } from '../../model/file-model.js';
import { importersOf, projectRoot } from '../files/graph.js';
import { resolveModule } from '../files/resolve.js';
import { readSource } from '../files/sources.js';
import { moduleLevelValue } from '../../syntax/module-values.js';
import { handsToProvider } from '../../cache/render-caches.js';

/** How many modules up from the cache's own file a handler is looked for. */
const MAX_HOPS = 3;
/** Importers looked at per cache, so a utility imported everywhere costs a bounded amount. */
const MAX_IMPORTERS = 200;

/** A member's key argument from one more way in: known only while every way agrees (`null`: not known). */
function mergeKeyArg(seen: KeyArg | null | undefined, keyArg: KeyArg | undefined): KeyArg | null {
  return keyArg === undefined || (seen !== undefined && seen !== keyArg) ? null : keyArg;
}

/** Who calls what inside one file, built once per file: the reverse of its call graph. */
interface CallerIndex {
  /** Functions whose calls can run a function. */
  byTarget: Map<FunctionNode, FunctionNode[]>;
  /** Functions that call a name as `name()`, `this.name()`, `this.x.name()` (memoized bindings are names, not functions). */
  byName: Map<string, FunctionNode[]>;
}

const callerIndexes = new WeakMap<FileModel, CallerIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function callerIndex(model: FileModel): CallerIndex {
  let index = callerIndexes.get(model);
  if (index) return index;
  index = { byTarget: new Map(), byName: new Map() };
  const aliases = new Map(moduleFactoryCalls(model).map((call) => [call.binding, call.returned] as const));
  const facts = receiverFacts(model, aliases);
  for (const fn of model.functions) {
    for (const ref of model.callsByFunction.get(fn) ?? []) {
      for (const target of callTargets(ref, facts)) push(index.byTarget, target, fn);
      if (typeof ref.receiver === 'string' && ref.receiver !== 'other') push(index.byName, ref.name, fn);
    }
  }
  callerIndexes.set(model, index);
  return index;
}

/**
 * What reaches the seeds inside one file: functions whose calls can run them, functions that call a
 * seed binding by name (`getUser(id)`, `this.planFor(id)` after `this.planFor = memoize(this.planFor)`),
 * and functions that hold them. A walk up the reverse call graph: linear in what it finds.
 */
function upwardClosure(model: FileModel, seedFns: Iterable<FunctionNode>, seedNames: Iterable<string>): { fns: Set<FunctionNode>; names: Set<string> } {
  const index = callerIndex(model);
  const fns = new Set<FunctionNode>();
  const names = new Set(seedNames);
  const queue: FunctionNode[] = [...seedFns];
  for (const name of names) queue.push(...(index.byName.get(name) ?? []));
  while (queue.length > 0) {
    const fn = queue.pop();
    if (fn === undefined || fns.has(fn)) continue;
    fns.add(fn);
    const name = functionName(fn);
    if (name !== undefined) names.add(name);
    queue.push(...(index.byTarget.get(fn) ?? []));
    const holder = enclosingFunction(fn);
    if (holder) queue.push(holder);
  }
  return { fns, names };
}

/** `export default auth` where `const auth = new AuthStrategy()`: the instance or object behind a module-level name. */
function moduleValue(model: FileModel, node: TSESTree.Node): TSESTree.Node {
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  const init = moduleLevelValue(model, node.name);
  const value = init ? unwrap(init) : undefined;
  return value?.type === AST_NODE_TYPES.NewExpression || value?.type === AST_NODE_TYPES.ObjectExpression ? value : node;
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

/** One way an export leads to a function or a name of the file: itself, or one of its members. */
interface ExportHook {
  exportName: string;
  member?: string;
  isClass?: boolean;
}

interface ExportHooks {
  byFn: Map<FunctionNode, ExportHook[]>;
  byName: Map<string, ExportHook[]>;
}

const exportHookIndexes = new WeakMap<FileModel, ExportHooks>();

/** Every export of the file, indexed by the functions and names it leads to: built once per file. */
function exportHooks(model: FileModel): ExportHooks {
  let hooks = exportHookIndexes.get(model);
  if (hooks) return hooks;
  hooks = { byFn: new Map(), byName: new Map() };
  const classByName = new Map(model.classes.flatMap((cls) => (cls.id ? [[cls.id.name, cls] as const] : [])));
  for (const [exportName, values] of exportIndex(model)) {
    for (const value of values) {
      const node = moduleValue(model, unwrap(value));
      const local = node.type === AST_NODE_TYPES.Identifier ? node.name : exportName;
      if (isFunction(node)) {
        push(hooks.byFn, node, { exportName });
        continue;
      }
      const cls = node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression ? node : classByName.get(node.type === AST_NODE_TYPES.NewExpression ? (calleeName(node.callee) ?? '') : local);
      if (node.type !== AST_NODE_TYPES.ClassDeclaration) push(hooks.byName, local, { exportName });
      if (cls) {
        const isClass = node.type !== AST_NODE_TYPES.NewExpression;
        for (const member of cls.body.body) {
          if ((member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) || member.computed || !member.value) continue;
          const name = propertyName(member.key);
          if (name === undefined) continue;
          if (isFunction(member.value)) push(hooks.byFn, member.value, { exportName, member: name, isClass });
          // A memoized field (`getUser = memoize(…)`) is reached by its name.
          if (member.type === AST_NODE_TYPES.PropertyDefinition) push(hooks.byName, name, { exportName, member: name, isClass });
        }
      } else if (node.type === AST_NODE_TYPES.ObjectExpression) {
        for (const prop of node.properties) {
          if (prop.type !== AST_NODE_TYPES.Property || prop.computed || prop.key.type !== AST_NODE_TYPES.Identifier) continue;
          const v = unwrap(prop.value);
          if (isFunction(v)) push(hooks.byFn, v, { exportName, member: prop.key.name });
          else if (v.type === AST_NODE_TYPES.Identifier) push(hooks.byName, v.name, { exportName, member: prop.key.name });
        }
      }
    }
  }
  exportHookIndexes.set(model, hooks);
  return hooks;
}

/**
 * The key argument of the closure's other functions, where it is known: a function that calls a keyed
 * function of this file by name, passing one of its own parameters as the key (`guard(key) { return
 * allow(key, 60); }`), is keyed by that parameter. A few rounds, each linear in the file's calls.
 */
function derivedKeyArgs(model: FileModel, fns: ReadonlySet<FunctionNode>, keyArgs: KeyArgs): KeyArgs {
  const derived = new Map(keyArgs);
  for (let round = 0; round < 4; round++) {
    let added = false;
    for (const call of model.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier) continue;
      const caller = enclosingFunction(call);
      if (!caller || !fns.has(caller) || derived.has(caller)) continue;
      const target = model.functionsByName.get(callee.name)?.find((fn) => derived.has(fn));
      const keyArg = target ? derived.get(target) : undefined;
      if (keyArg === undefined || keyArg === 'all') continue;
      const found = keyParameters([{ key: call.arguments[keyArg], at: call }]).get(caller);
      if (found !== undefined) {
        derived.set(caller, found);
        added = true;
      }
    }
    if (!added) break;
  }
  return derived;
}

/** The exports of `model` through which the closure is reached: the export itself, or some of its members. */
function exportedEntries(model: FileModel, closure: { fns: Set<FunctionNode>; names: Set<string> }, given?: KeyArgs): Entry[] {
  const hooks = exportHooks(model);
  const keyArgs = given && given.size > 0 ? derivedKeyArgs(model, closure.fns, given) : given;
  const direct = new Map<string, Entry>();
  // A member's key argument is known when every way in through it is the keyed function itself (`null`: not known).
  const viaMembers = new Map<string, { members: Set<string>; isClass: boolean; keyArgs: Map<string, KeyArg | null> }>();
  const keyArgOf = (keyed: FunctionNode | string): KeyArg | undefined =>
    keyArgs?.get(keyed) ?? (typeof keyed === 'string' ? keyArgs?.get(model.functionsByName.get(keyed)?.[0] ?? keyed) : undefined);
  const take = (hook: ExportHook, keyed: FunctionNode | string): void => {
    if (hook.member === undefined) {
      if (direct.has(hook.exportName)) return;
      const keyArg = keyArgOf(keyed);
      direct.set(hook.exportName, { exportName: hook.exportName, members: undefined, ...(keyArg !== undefined ? { keyArg } : {}) });
      return;
    }
    const entry = viaMembers.get(hook.exportName) ?? { members: new Set<string>(), isClass: hook.isClass === true, keyArgs: new Map<string, KeyArg | null>() };
    entry.keyArgs.set(hook.member, mergeKeyArg(entry.keyArgs.get(hook.member), keyArgOf(keyed)));
    entry.members.add(hook.member);
    viaMembers.set(hook.exportName, entry);
  };
  for (const fn of closure.fns) for (const hook of hooks.byFn.get(fn) ?? []) take(hook, fn);
  for (const name of closure.names) for (const hook of hooks.byName.get(name) ?? []) take(hook, name);
  const entries = [...direct.values()];
  for (const [exportName, { members, isClass, keyArgs: byMember }] of viaMembers) {
    if (direct.has(exportName)) continue;
    const memberKeyArgs = new Map<string, KeyArg>();
    for (const [member, keyArg] of byMember) if (keyArg !== null) memberKeyArgs.set(member, keyArg);
    entries.push({ exportName, members, isClass, ...(memberKeyArgs.size > 0 ? { memberKeyArgs } : {}) });
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
  /** The key argument of a member's calls, when every entry that has that member knows it (`null`: not known). */
  memberKeyArgs: Map<string, KeyArg | null>;
}

function addMembers(names: ImportedNames, local: string, members: Iterable<string>): void {
  const set = names.members.get(local) ?? new Set<string>();
  for (const m of members) set.add(m);
  names.members.set(local, set);
}

/** The names of `importer` that stand for the entries of `file`. */
function matchImports(importer: FileModel, file: string, entries: readonly Entry[]): ImportedNames {
  const names: ImportedNames = { locals: new Map(), members: new Map(), injected: new Set(), memberKeyArgs: new Map() };
  for (const [local, binding] of importer.imports) {
    if (resolveModule(binding.module, importer.filename) !== file) continue;
    for (const entry of entries) {
      for (const member of entry.members ?? []) names.memberKeyArgs.set(member, mergeKeyArg(names.memberKeyArgs.get(member), entry.memberKeyArgs?.get(member)));
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

/** Which argument of a call of an imported name makes the key, when its entry knows (`null`: the ways in disagree). */
function keyArgOf(call: TSESTree.CallExpression, names: ImportedNames): KeyArg | null | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return names.locals.get(callee.name)?.keyArg;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const member = memberName(callee);
  return member === undefined ? undefined : names.memberKeyArgs.get(member);
}

/** The arguments of a call that make the key, when the entry knows which (none when it does not). */
function keyedArguments(call: TSESTree.CallExpression, names: ImportedNames): TSESTree.Node[] {
  const keyArg = keyArgOf(call, names);
  if (keyArg === undefined || keyArg === null || keyArg === 'all') return [];
  const arg = call.arguments[keyArg];
  return arg ? [arg] : [];
}

/** Whether a call can add an entry per request: its key argument (when the entry knows which) grows with requests. */
function callMayGrow(call: TSESTree.CallExpression, names: ImportedNames, model: FileModel): boolean {
  const keyArg = keyArgOf(call, names);
  if (keyArg === undefined || keyArg === null) return true;
  const keyed = keyArg === 'all' ? call.arguments : call.arguments.slice(keyArg, keyArg + 1);
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

/**
 * Whether an importer's text can use one of `entries`, before it is parsed: a module that names none
 * of them (`import { find }`, `users.find(`, `export { find } from`) and re-exports nothing whole
 * (`export * from`) can neither call nor re-export them. Default exports go by any local name.
 */
function mayUse(importerFile: string, entries: readonly Pick<Entry, 'exportName'>[]): boolean {
  const text = readSource(importerFile);
  if (text === undefined || /\bexport\s*\*/.test(text)) return true;
  return entries.some(({ exportName }) => exportName === 'default' || new RegExp(`(?<![\\w$])${exportName.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')}(?![\\w$])`).test(text));
}

/** Whether a module importing `model` calls its export `exportName` at module level (a factory run once), read from summaries. */
export function calledAtModuleLevelElsewhere(model: FileModel, exportName: string): boolean {
  const entries: Entry[] = [{ exportName, members: undefined }];
  let looked = 0;
  for (const importerFile of importersOf(model.filename)) {
    if (looked++ >= MAX_IMPORTERS) break;
    if (!mayUse(importerFile, entries)) continue;
    const importer = model.project.summaryOf(importerFile, model.settings);
    if (!importer) continue;
    // `const limiter = createLimiter()`, `app.use(conditionalGet())`: made once, kept by the module. Through
    // a name bound to the export, any call made on it counts; through a namespace, a call of the export.
    let bound = false;
    let called = false;
    for (const binding of importer.imports) {
      if (resolveModule(binding.module, importerFile) !== model.filename) continue;
      const use = binding.moduleLevel;
      if (binding.export === exportName) {
        bound = true;
        if (use && (use.direct || use.members.length > 0)) called = true;
      } else if (binding.export === '*' && use?.members.includes(exportName)) {
        called = true;
      }
    }
    if (bound && called) return true;
  }
  return false;
}

/** `class UserCache extends CacheService { evict(k) { this.delete(k); } }`: a subclass calls an inherited member on `this`. */
function subclassCalls(importer: FileModel, names: ImportedNames): boolean {
  const bases = new Set(names.members.keys());
  return importer.classes.some((cls) => {
    const base = cls.superClass ? unwrap(cls.superClass) : undefined;
    const members = base?.type === AST_NODE_TYPES.Identifier && bases.has(base.name) ? names.members.get(base.name) : undefined;
    if (!members) return false;
    let found = false;
    walk(cls.body, importer.facts.visitorKeys, (node) => {
      if (found || node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = unwrap(node.callee);
      found = callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.ThisExpression && members.has(memberName(callee) ?? '');
    });
    return found;
  });
}

/**
 * Whether code outside `model` may call `fn` through what `model` exports: a module that imports it
 * (or imports it through one barrel) calls `remove(k)` for an exported function, `cache.remove(k)` /
 * `this.cache.remove(k)` for a member of an exported object, instance or injected class; or nothing
 * imports `model`, so what it exports is an entry point its platform calls (a Lambda `handler`, a CLI).
 * Calls made while an importer loads (outside any function) run once, and do not count.
 */
export function calledFromImporters(model: FileModel, fn: FunctionNode): boolean {
  const entries = exportedEntries(model, { fns: new Set([fn]), names: new Set() });
  if (entries.length === 0) return false;
  if (importersOf(model.filename).size === 0) return true;
  let level: { file: string; entries: Entry[] }[] = [{ file: model.filename, entries }];
  const visited = new Set<string>([model.filename]);
  for (let hop = 0; hop < 2 && level.length > 0; hop++) {
    const next: typeof level = [];
    for (const { file, entries: these } of level) {
      let looked = 0;
      for (const importerFile of importersOf(file)) {
        if (visited.has(importerFile) || looked++ >= MAX_IMPORTERS) continue;
        visited.add(importerFile);
        if (!mayUse(importerFile, these)) continue;
        const importer = model.project.fileModel(importerFile, model.settings);
        if (!importer) continue;
        const names = matchImports(importer, file, these);
        // A call made while the importer loads (`if (flags.clear) clearCache()` in a CLI's start-up) runs once, before any request.
        if (!isEmpty(names) && (callsOf(importer, names).some((call) => enclosingFunction(call) !== undefined) || subclassCalls(importer, names))) return true;
        const barrel = reexportedEntries(importer, file, these);
        if (barrel.length > 0) next.push({ file: importerFile, entries: barrel });
      }
    }
    level = next;
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
  // Nothing imports this file: no handler elsewhere can reach it (and nothing needs computing).
  if (importersOf(model.filename).size === 0) return undefined;
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
        if (!mayUse(importerFile, entries)) continue;
        const importer = model.project.fileModel(importerFile, model.settings);
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
        if (isRequestFile(importer.filename, model.project)) {
          const handlerPath = importer.handlerPath();
          const hit = calls.find((call) => handlerPath.isOnPath(call)) ?? registeredByName(importer, names.locals.keys());
          if (hit) return { file: relativeTo(model.filename, importerFile), line: hit.loc.start.line };
        }
        const holders = calls.map((call) => enclosingFunction(call)).filter((fn): fn is FunctionNode => fn !== undefined);
        // A holder passing its own parameter as the key (`getQuote(symbol) { … setCache(`q:${symbol}`, …) }`) is keyed by it.
        const holderKeys = keyParameters(calls.flatMap((call) => keyedArguments(call, names).map((key) => ({ key, at: call }))));
        const upward = exportedEntries(importer, upwardClosure(importer, holders, aliases), holderKeys);
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

/** The first module importing `exportName` of `model` that hands it to a provider (`<QueryClientProvider client={qc}>`). */
export function providedElsewhere(model: FileModel, exportName: string, attribute: string): string | undefined {
  let looked = 0;
  for (const importerFile of importersOf(model.filename)) {
    if (looked++ >= MAX_IMPORTERS) break;
    if (!mayUse(importerFile, [{ exportName }])) continue;
    const importer = model.project.fileModel(importerFile, model.settings);
    if (!importer) continue;
    for (const [local, binding] of importer.imports) {
      if (binding.export !== exportName || resolveModule(binding.module, importer.filename) !== model.filename) continue;
      if (handsToProvider(importer.program, importer.facts.visitorKeys, local, attribute)) return relativeTo(model.filename, importerFile);
    }
  }
  return undefined;
}
