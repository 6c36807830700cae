/**
 * Whether a request handler in another file reaches a cache of this one. From the functions that
 * write the cache (or call the memoized function), up through this file's own callers to what it
 * exports (functions, singleton or class methods, object members); then through the modules that
 * import those, a few modules up, until a handler path calls one of them. Other files are read
 * through their reach summaries (data, see model/file-summary.ts); this file through its model.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../syntax/node-types.js';
import { unwrap, type FunctionNode } from '../../syntax/ast.js';
import { exportIndex } from '../../syntax/export-index.js';
import { isClientModule, isRequestFile, neverLoaded, unboundNestEnhancer, unmountedRouter } from '../../request/file-runtime.js';
import { importedOnlyByDeadModules, unloadedLibraryFile } from '../../request/dead-exports.js';
import type { CrossFileReach, Entry, FileModel, KeyArg, KeyArgs } from '../../model/file-model.js';
import type { ReachCall, ReachSummary, SummaryReexport } from '../../model/file-summary.js';
import { importersOf, projectRoot } from '../files/graph.js';
import { resolveModule } from '../files/resolve.js';
import { ownEntry } from '../summaries/own-entry.js';
import { evictingMethods } from '../../catalog/collection-methods.js';
import { readSource } from '../files/sources.js';
import { oneShotFilePattern } from '../../catalog/file-roles.js';
import type { StartUpUse } from '../../syntax/start-up-calls.js';
import { reachSummaryOf } from '../summaries/summary-store.js';
import { authenticatedIdFields, recordIdFields } from '../../catalog/handler-catalog.js';
import { isArgsKey, keyArgOfIndexes } from '../../model/key-args.js';
import { summarizeReach } from '../summaries/summarize-reach.js';

/** How many modules up from the cache's own file a handler is looked for. */
const MAX_HOPS = 3;
/** The fields of the verified caller's record that name the account (`user.id`, `user.tenantId`). */
const callerIdFields: ReadonlySet<string> = new Set([...authenticatedIdFields, ...recordIdFields]);

/** Importers looked at per cache, so a utility imported everywhere costs a bounded amount. */
const MAX_IMPORTERS = 200;

/** Key arguments by function number or memoized binding name. */
type KeyArgsById = ReadonlyMap<number | string, KeyArg>;

/** Whether two key arguments are the same. */
function sameKeyArg(a: KeyArg, b: KeyArg): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  // Both forms list their fields and indexes sorted.
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A member's key argument from one more way in: known only while every way agrees (`null`: not known). */
function mergeKeyArg(seen: KeyArg | null | undefined, keyArg: KeyArg | undefined): KeyArg | null {
  return keyArg === undefined || seen === null || (seen !== undefined && !sameKeyArg(seen, keyArg)) ? null : keyArg;
}

const ownSummaries = new WeakMap<FileModel, { summary: ReachSummary; idOf: ReadonlyMap<FunctionNode, number> }>();

/** The linted file's own reach summary: its functions numbered, callers and export hooks (no outward calls). */
function ownReach(model: FileModel): { summary: ReachSummary; idOf: ReadonlyMap<FunctionNode, number> } {
  let found = ownSummaries.get(model);
  if (!found) {
    found = summarizeReach(model, false);
    ownSummaries.set(model, found);
  }
  return found;
}

/** An importer's reach summary (its model is built only when no summary is kept). */
function importerReach(file: string, from: FileModel): ReachSummary | undefined {
  return reachSummaryOf(file, from.settings, (f) => from.project.fileModel(f, from.settings));
}

/** Function numbers and binding names for the model's key arguments. */
function byId(keyArgs: KeyArgs | undefined, idOf: ReadonlyMap<FunctionNode, number>): KeyArgsById | undefined {
  if (!keyArgs) return undefined;
  const found = new Map<number | string, KeyArg>();
  for (const [keyed, keyArg] of keyArgs) {
    const id = typeof keyed === 'string' ? keyed : idOf.get(keyed);
    if (id !== undefined) found.set(id, keyArg);
  }
  return found;
}

/** The functions and names through which a file's cache is reached, and which of them reach it only through what they make. */
interface Closure {
  fns: Set<number>;
  names: Set<string>;
  /** Functions that hold a reaching function (`createLimiter` around its `check`): calling them makes what reaches the cache; so do their callers. */
  made: Set<number>;
  madeNames: Set<string>;
}

/**
 * What reaches the seeds inside one file: functions whose calls can run them, functions that call a
 * seed binding by name (`getUser(id)`, `this.planFor(id)` after `this.planFor = memoize(this.planFor)`),
 * and functions that hold them. A walk up the reverse call graph: linear in what it finds (a function
 * is visited at most twice: once as running the seeds, once as making what runs them).
 */
function upwardClosure(reach: ReachSummary, seedFns: Iterable<number>, seedNames: Iterable<string>): Closure {
  const closure: Closure = { fns: new Set(), names: new Set(seedNames), made: new Set(), madeNames: new Set() };
  const queue: [number, boolean][] = [...seedFns].map((fn) => [fn, false]);
  // Loops, not spreads: a bundled file's lists outgrow the call stack's argument limit.
  for (const name of closure.names) for (const caller of ownEntry(reach.callersByName, name) ?? []) queue.push([caller, false]);
  while (queue.length > 0) {
    const next = queue.pop();
    if (next === undefined) continue;
    const [fn, made] = next;
    if (closure.fns.has(fn) && (!made || closure.made.has(fn))) continue;
    closure.fns.add(fn);
    const record = reach.functions[fn];
    if (made) {
      closure.made.add(fn);
      if (record?.name !== undefined) closure.madeNames.add(record.name);
    }
    if (!record) continue;
    if (record.name !== undefined) closure.names.add(record.name);
    for (const caller of record.callers) queue.push([caller, made]);
    if (record.holder !== -1) queue.push([record.holder, true]);
  }
  return closure;
}

/** The key argument of a caller from one more of its calls: indexes that differ make every argument; a constant adds nothing. */
function mergeCallerKey(seen: KeyArg | undefined, keyArg: KeyArg): KeyArg {
  if (seen === undefined || seen === 'none' || sameKeyArg(seen, keyArg)) return keyArg;
  return keyArg === 'none' ? seen : 'all';
}

/**
 * The key argument of a function from one call it makes of a keyed function, by what each argument
 * of the call is (one of its parameters, a constant, or else): `undefined` when an argument the key
 * is made of is neither, or the callee is keyed by every argument.
 */
function callerKeyArg(keyArg: KeyArg, call: { params: readonly number[]; fields?: readonly (string | null)[] }): KeyArg | undefined {
  if (keyArg === 'all') return undefined;
  // A missing argument is `undefined`: a constant too.
  if (isArgsKey(keyArg)) {
    const roles = keyArg.args.map((index) => call.params[index] ?? -2);
    return roles.includes(-1) ? undefined : keyArgOfIndexes(roles.filter((role) => role >= 0));
  }
  // An options object handed on whole keeps its fields.
  const index = typeof keyArg === 'object' ? keyArg.arg : keyArg;
  const role = keyArg === 'none' ? -2 : (call.params[index as number] ?? -2);
  if (role === -1) return undefined;
  const field = typeof keyArg === 'number' ? call.fields?.[keyArg] : undefined;
  return role === -2 ? 'none' : typeof keyArg === 'object' ? { arg: role, fields: keyArg.fields } : field ? { arg: role, fields: [field] } : role;
}

/**
 * The key argument of the closure's other functions, where it is known: a function that calls a keyed
 * function of this file by name, passing one of its own parameters as the key (`guard(key) { return
 * allow(key, 60); }`), is keyed by that parameter; one that passes a constant (`getQueue('jobs')`) adds
 * no entry per request (`'none'`). A few rounds, each linear in the file's calls.
 */
function derivedKeyArgs(reach: ReachSummary, fns: ReadonlySet<number>, keyArgs: KeyArgsById): KeyArgsById {
  const derived = new Map(keyArgs);
  // The closure's functions by the closure function that holds them, and the holders that also call into the closure by name.
  const heldBy = new Map<number, number[]>();
  for (const fn of fns) {
    const holder = reach.functions[fn]?.holder;
    if (holder === undefined || holder === -1 || !fns.has(holder)) continue;
    const held = heldBy.get(holder);
    if (held) held.push(fn);
    else heldBy.set(holder, [fn]);
  }
  const callsIntoClosure = new Set<number>();
  for (const call of reach.namedCalls) if ((call.targets ?? ownEntry(reach.functionsByName, call.name))?.some((fn) => fns.has(fn))) callsIntoClosure.add(call.fn);
  for (let round = 0; round < 4; round++) {
    const found = new Map<number, KeyArg>();
    for (const call of reach.namedCalls) {
      if (!fns.has(call.fn) || derived.has(call.fn)) continue;
      const target = (call.targets ?? ownEntry(reach.functionsByName, call.name))?.find((fn) => derived.has(fn));
      const keyArg = target === undefined ? undefined : derived.get(target);
      const callerKey = keyArg === undefined ? undefined : callerKeyArg(keyArg, call);
      if (callerKey !== undefined) found.set(call.fn, mergeCallerKey(found.get(call.fn), callerKey));
    }
    // A function that reaches the seeds only through closures it holds, each adding no entry per
    // request (a middleware whose `res.on('finish', …)` counts `http.requests.${res.statusCode}`), adds none either.
    for (const [holder, closures] of heldBy) {
      if (derived.has(holder) || found.has(holder) || callsIntoClosure.has(holder)) continue;
      if (closures.every((fn) => derived.get(fn) === 'none' || found.get(fn) === 'none')) found.set(holder, 'none');
    }
    if (found.size === 0) break;
    for (const [fn, keyArg] of found) derived.set(fn, keyArg);
  }
  return derived;
}

/** The exports of a file through which the closure is reached: the export itself, or some of its members. */
function exportedEntries(reach: ReachSummary, closure: Closure, given?: KeyArgsById): Entry[] {
  const keyArgs = given && given.size > 0 ? derivedKeyArgs(reach, closure.fns, given) : given;
  const direct = new Map<string, Entry & { factory: boolean }>();
  // A member's key argument is known when every way in through it is the keyed function itself (`null`: not known).
  const viaMembers = new Map<string, { members: Set<string>; isClass: boolean; keyArgs: Map<string, KeyArg | null>; made: Set<string> }>();
  const keyArgOf = (keyed: number | string): KeyArg | undefined =>
    keyArgs?.get(keyed) ?? (typeof keyed === 'string' ? keyArgs?.get(ownEntry(reach.functionsByName, keyed)?.[0] ?? keyed) : undefined);
  const take = (hook: { exportName: string; member?: string; isClass?: boolean }, keyed: number | string): void => {
    if (hook.member === undefined) {
      const factory = typeof keyed === 'number' ? closure.made.has(keyed) : closure.madeNames.has(keyed);
      const seen = direct.get(hook.exportName);
      if (seen) {
        if (factory) seen.factory = true;
        return;
      }
      const keyArg = keyArgOf(keyed);
      direct.set(hook.exportName, { exportName: hook.exportName, members: undefined, factory, ...(keyArg !== undefined ? { keyArg } : {}) });
      return;
    }
    const entry = viaMembers.get(hook.exportName) ?? { members: new Set<string>(), isClass: hook.isClass === true, keyArgs: new Map<string, KeyArg | null>(), made: new Set<string>() };
    if (typeof keyed === 'number' ? closure.made.has(keyed) : closure.madeNames.has(keyed)) entry.made.add(hook.member);
    entry.keyArgs.set(hook.member, mergeKeyArg(entry.keyArgs.get(hook.member), keyArgOf(keyed)));
    entry.members.add(hook.member);
    viaMembers.set(hook.exportName, entry);
  };
  for (const fn of closure.fns) for (const hook of reach.functions[fn]?.hooks ?? []) take(hook, fn);
  for (const name of closure.names) for (const hook of ownEntry(reach.hooksByName, name) ?? []) take(hook, name);
  const entries: Entry[] = [...direct.values()];
  for (const [exportName, { members, isClass, keyArgs: byMember, made }] of viaMembers) {
    if (direct.has(exportName)) continue;
    const memberKeyArgs = new Map<string, KeyArg>();
    for (const [member, keyArg] of byMember) if (keyArg !== null) memberKeyArgs.set(member, keyArg);
    const memberFactory = new Map([...members].map((member) => [member, made.has(member)] as const));
    entries.push({ exportName, members, isClass, memberFactory, ...(memberKeyArgs.size > 0 ? { memberKeyArgs } : {}) });
  }
  return entries;
}

/**
 * A long-lived collection other modules write themselves (`userLoader.load(id)`, `cache.set(k, v)`):
 * exported at module level, or a static field of an exported class. A method the code gives the
 * object itself (`cache.set = function …`) is the object's own, not a write.
 */
export function exportedCollectionEntry(model: FileModel, init: TSESTree.Node, writeMethods: readonly string[], ownMethods: ReadonlySet<string> = new Set()): Entry | undefined {
  const members = new Set(['set', 'add', 'push', ...writeMethods].filter((member) => !ownMethods.has(member)));
  if (members.size === 0) return undefined;
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
  /** Whether a member's call makes what reaches the cache (`false`: known not to; a factory when not known). */
  memberFactory: Map<string, boolean>;
}

function addMembers(names: ImportedNames, local: string, members: Iterable<string>): void {
  const set = names.members.get(local) ?? new Set<string>();
  for (const m of members) set.add(m);
  names.members.set(local, set);
}

/** The names of the importer that stand for the entries of `file`. */
function matchImports(importer: ReachSummary, importerFile: string, file: string, entries: readonly Entry[]): ImportedNames {
  const names: ImportedNames = { locals: new Map(), members: new Map(), injected: new Set(), memberKeyArgs: new Map(), memberFactory: new Map() };
  for (const binding of importer.imports) {
    // An import the importer never uses runs nothing of the file.
    if (importer.unusedImports.includes(binding.local) || resolveModule(binding.module, importerFile) !== file) continue;
    const local = binding.local;
    for (const entry of entries) {
      for (const member of entry.members ?? []) {
        names.memberKeyArgs.set(member, mergeKeyArg(names.memberKeyArgs.get(member), entry.memberKeyArgs?.get(member)));
        names.memberFactory.set(member, names.memberFactory.get(member) === true || entry.memberFactory?.get(member) !== false);
      }
      if (binding.export === '*' && entry.exportName === 'default' && !entry.members) {
        // `const getBoss = require('./pgboss')` of a `module.exports = getBoss`: the local is the function itself.
        names.locals.set(local, entry);
      } else if (binding.export === '*') {
        // `import * as users from './users'`: `users.find()` calls the export itself.
        addMembers(names, local, [entry.exportName, ...(entry.members ?? [])]);
        if (!entry.members) {
          names.memberFactory.set(entry.exportName, names.memberFactory.get(entry.exportName) === true || entry.factory !== false);
          // `users.find(id, options)` keys on what `find(id, options)` keys on.
          names.memberKeyArgs.set(entry.exportName, mergeKeyArg(names.memberKeyArgs.get(entry.exportName), entry.keyArg));
        }
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

/** The importer's calls that use one of the names: `find(id)`, `users.find(id)`, `this.users.find(id)`. */
function callsOf(importer: ReachSummary, names: ImportedNames): ReachCall[] {
  return importer.calls.filter(({ callee }) => {
    if (callee.kind === 'name') return names.locals.has(callee.name);
    if (callee.kind === 'this') return callee.member !== undefined && callee.deep && names.injected.has(callee.member);
    // A method of an alias of what a factory made (`limiter.check(…)`), or a member of an imported value.
    return names.locals.has(callee.root) || (callee.member !== undefined && (names.members.get(callee.root)?.has(callee.member) ?? false));
  });
}

/** Which argument of a call of an imported name makes the key, when its entry knows (`null`: the ways in disagree). */
function keyArgOf(call: ReachCall, names: ImportedNames): KeyArg | null | undefined {
  const { callee } = call;
  if (callee.kind === 'name') return names.locals.get(callee.name)?.keyArg;
  return callee.member === undefined ? undefined : names.memberKeyArgs.get(callee.member);
}

/**
 * Whether a call can add an entry per request: its key argument (when the entry knows which) grows
 * with requests. `here`: judged by this file's own calls of the function the call is in, for an
 * argument that is one of its parameters (its callers in other files are followed upward).
 */
function callMayGrow(call: ReachCall, names: ImportedNames, here = false): boolean {
  const grows = (here ? call.growsHere : undefined) ?? call.grows;
  const keyArg = keyArgOf(call, names);
  if (keyArg === 'none') return false;
  // Which argument makes the key is not known: it grows when one of them may carry the request's data.
  if (keyArg === undefined || keyArg === null || keyArg === 'all') return grows.some(Boolean);
  if (typeof keyArg === 'number') return grows[keyArg] === true;
  if (isArgsKey(keyArg)) return keyArg.args.some((index) => grows[index] === true);
  // `sendMessage(user, …)` keyed by `user.id`, with `@CurrentUser() user`: the verified caller's ids, one per account.
  if (call.callers?.[keyArg.arg] === true && keyArg.fields.every((field) => callerIdFields.has(field))) return false;
  // `send({ queue: QUEUE, message })` keyed by `queue`: the fields written out decide (a missing one is `undefined`).
  const fields = call.fields?.[keyArg.arg];
  if (!fields) return grows[keyArg.arg] === true;
  // An object literal is never the calling function's parameter: its fields decide, here as anywhere.
  return keyArg.fields.some((field) => fields[field] === true);
}

/** Whether what a call returns may reach the cache: the call of a factory, or of something not known not to be one. */
function makesReach(call: ReachCall, names: ImportedNames): boolean {
  const { callee } = call;
  if (callee.kind === 'name') return names.locals.get(callee.name)?.factory !== false;
  return callee.member === undefined || names.memberFactory.get(callee.member) !== false;
}

/** Re-exports of `file` by a barrel module: the same entries, under the barrel's names. */
function reexportedEntries(reexports: readonly SummaryReexport[], barrelFile: string, file: string, entries: readonly Entry[]): Entry[] {
  const out: Entry[] = [];
  for (const reexport of reexports) {
    if (resolveModule(reexport.module, barrelFile) !== file) continue;
    if (reexport.kind === 'all') out.push(...entries);
    else if (reexport.imported === '*') {
      // `export * as users from './users'`: the module's exports become members, each keyed as it was.
      const memberKeyArgs = new Map<string, KeyArg>();
      for (const e of entries) if (e.members === undefined && e.keyArg !== undefined) memberKeyArgs.set(e.exportName, e.keyArg);
      const memberFactory = new Map(entries.map((e) => [e.exportName, e.members !== undefined || e.factory !== false] as const));
      out.push({ exportName: reexport.exported, members: new Set(entries.map((e) => e.exportName)), memberFactory, ...(memberKeyArgs.size > 0 ? { memberKeyArgs } : {}) });
    } else {
      const entry = entries.find((e) => e.exportName === reexport.imported);
      if (entry) out.push({ ...entry, exportName: reexport.exported });
    }
  }
  return out;
}

/**
 * Whether an importer's text can use one of `entries`, before it is parsed: a module that names none
 * of them (`import { find }`, `users.find(`, `export { find } from`) and re-exports nothing whole
 * (`export * from`) can neither call nor re-export them. Default exports go by any local name.
 */
function mayUse(importerFile: string, entries: readonly Pick<Entry, 'exportName'>[]): boolean {
  const text = readSource(importerFile);
  if (text === undefined || /\bexport\s*\*/.test(text)) return true;
  return entries.some(({ exportName }) => exportName === 'default' || (text.includes(exportName) && wholeWord(exportName).test(text)));
}

const wholeWords = new Map<string, RegExp>();
function wholeWord(name: string): RegExp {
  let found = wholeWords.get(name);
  if (!found) {
    found = new RegExp(`(?<![\\w$])${name.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')}(?![\\w$])`);
    wholeWords.set(name, found);
  }
  return found;
}

/**
 * The modules importing `file` whose text may use one of `entries` (see `mayUse`), one at a time, among
 * the first `MAX_IMPORTERS` importers; those `skip` names are passed over unread. `walk.capped` is set
 * when there were more, left unread.
 */
function* importersThatMayUse(file: string, entries: readonly Pick<Entry, 'exportName'>[], walk: { capped: boolean; skip?: (importerFile: string) => boolean } = { capped: false }): Generator<string> {
  let looked = 0;
  for (const importerFile of importersOf(file)) {
    if (looked++ >= MAX_IMPORTERS) {
      walk.capped = true;
      return;
    }
    if (walk.skip?.(importerFile) !== true && mayUse(importerFile, entries)) yield importerFile;
  }
}

/** Whether a module importing `model` calls its export `exportName` at module level (a factory run once), read from summaries. */
export function calledAtModuleLevelElsewhere(model: FileModel, exportName: string): boolean {
  const entries: Entry[] = [{ exportName, members: undefined }];
  for (const importerFile of importersThatMayUse(model.filename, entries)) {
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

/**
 * Whether a module importing `model`'s export `exportName` (a collection) removes entries from it
 * (`abortControllers.delete(taskId)` in the server that sets them): as a removal in the collection's
 * own file does, that keeps it from only growing.
 */
export function removedByImporters(model: FileModel, exportName: string): boolean {
  const entries: Entry[] = [{ exportName, members: undefined }];
  for (const importerFile of importersThatMayUse(model.filename, entries)) {
    const importer = importerReach(importerFile, model);
    if (!importer) continue;
    const locals = new Set(importer.imports.filter((b) => b.export === exportName && resolveModule(b.module, importerFile) === model.filename).map((b) => b.local));
    if (importer.calls.some(({ callee }) => callee.kind === 'member' && locals.has(callee.root) && evictingMethods.has(callee.member ?? ''))) return true;
  }
  return false;
}

/**
 * The names by which the non-test modules importing `model` can use its export of `fn` (or of the
 * module-level name `name`), with each importer's reach summary; `undefined` when one reaches it
 * otherwise (a namespace, an object, a barrel), cannot be read, or there are too many to read.
 * Tests, scripts and other files that never serve are not read.
 */
function importingLocals(model: FileModel, fn: FunctionNode | undefined, name: string): { importer: ReachSummary; local: string }[] | undefined {
  const { summary, idOf } = ownReach(model);
  const id = fn ? idOf.get(fn) : undefined;
  const entries = exportedEntries(summary, { fns: new Set(id === undefined ? [] : [id]), names: new Set([name]), made: new Set(), madeNames: new Set() });
  if (entries.length === 0) return [];
  const found: { importer: ReachSummary; local: string }[] = [];
  // Tests, scripts and other files that never serve are passed over unread.
  const walk = { capped: false, skip: (importerFile: string) => oneShotFilePattern.test(model.project.pathInProject(importerFile)) };
  for (const importerFile of importersThatMayUse(model.filename, entries, walk)) {
    const importer = importerReach(importerFile, model);
    if (!importer) return undefined;
    const names = matchImports(importer, importerFile, model.filename, entries);
    if (names.members.size > 0 || names.injected.size > 0 || reexportedEntries(importer.reexports, importerFile, model.filename, entries).length > 0) return undefined;
    for (const local of names.locals.keys()) found.push({ importer, local });
  }
  return walk.capped ? undefined : found;
}

/**
 * How the modules importing `model` use its export of `fn` (or of the module-level name `name`):
 * `'start-up'` when every one that imports it only calls it while it loads (`await initTokenizer()` in
 * a `bootstrap()` run at its top level), `'later'` when one calls it from elsewhere, hands it on, or
 * reaches it in a way not followed (see `importingLocals`), `'unused'` when none imports it.
 */
export function startUpUseByImporters(model: FileModel, fn: FunctionNode | undefined, name: string): StartUpUse {
  const locals = importingLocals(model, fn, name);
  if (!locals) return 'later';
  if (locals.length === 0) return 'unused';
  return locals.every(({ importer, local }) => importer.startUpImports.includes(local)) ? 'start-up' : 'later';
}

/**
 * Whether `model`'s export of `fn` (or `name`) is dead: modules that serve import `model` for other
 * names, and none of them can use this one. A module nothing imports is an entry point its platform
 * may call, and is not known to be dead.
 */
export function exportUnusedByImporters(model: FileModel, fn: FunctionNode | undefined, name: string): boolean {
  if (!model.project.importedByServingFile(model.filename)) return false;
  const locals = importingLocals(model, fn, name);
  return locals !== undefined && locals.length === 0;
}

/** Whether a module importing `model`'s export of `fn` (or `name`) awaits it while it loads so that a rejection ends the process. */
export function awaitedFatallyByImporters(model: FileModel, fn: FunctionNode | undefined, name: string): boolean {
  return (importingLocals(model, fn, name) ?? []).some(({ importer, local }) => importer.fatalStartUpImports.includes(local));
}

/**
 * Whether every call of the factory `fn` (exported as `name`) in the modules importing it keeps what
 * it returns only while the calling function runs (`const inject = makeInjector(…)` used in place):
 * `'call'`; `'other'` when one keeps it longer, hands the factory on, or reaches it in a way not
 * followed; `'unused'` when none calls it.
 */
export function resultsKeptByImporters(model: FileModel, fn: FunctionNode, name: string): 'call' | 'other' | 'unused' {
  const locals = importingLocals(model, fn, name);
  if (!locals) return 'other';
  let kept: 'call' | 'unused' = 'unused';
  for (const { importer, local } of locals) {
    if (!importer.calledImports.includes(local)) return 'other';
    for (const call of importer.calls) {
      if (call.callee.kind !== 'name' || call.callee.name !== local) continue;
      if (call.kept !== 'call') return 'other';
      kept = 'call';
    }
  }
  return kept;
}

/**
 * The calls, in the modules importing `model`, of its export of the module-level name `name` that
 * pass an object literal (`getCourse({ slug, lang })`): by importer, calling function (`-1`: module
 * level) and line, with the field names of each argument written as an object literal (`null`: any
 * other argument, or a literal with a spread or a computed key). Tests and scripts are passed over;
 * names reached through a namespace, an object or a barrel are not followed (nothing is found there).
 */
export function objectLiteralCallsByImporters(model: FileModel, name: string): { file: string; fn: number; line: number; fields: (string[] | null)[] }[] {
  const { summary } = ownReach(model);
  const entries = exportedEntries(summary, { fns: new Set(), names: new Set([name]), made: new Set(), madeNames: new Set() });
  const found: { file: string; fn: number; line: number; fields: (string[] | null)[] }[] = [];
  if (entries.length === 0) return found;
  const walk = { capped: false, skip: (importerFile: string) => oneShotFilePattern.test(model.project.pathInProject(importerFile)) };
  for (const importerFile of importersThatMayUse(model.filename, entries, walk)) {
    const importer = importerReach(importerFile, model);
    if (!importer) continue;
    const names = matchImports(importer, importerFile, model.filename, entries);
    for (const call of callsOf(importer, names)) {
      if (call.callee.kind !== 'name' || !call.fields?.some((fields) => fields !== null)) continue;
      found.push({ file: importerFile, fn: call.fn, line: call.line, fields: call.fields.map((fields) => (fields ? Object.keys(fields) : null)) });
    }
  }
  return found;
}

/** `class UserCache extends CacheService { evict(k) { this.delete(k); } }`: a subclass calls an inherited member on `this`. */
function subclassCalls(importer: ReachSummary, names: ImportedNames): boolean {
  return importer.subclasses.some(({ base, thisCalls }) => {
    const members = names.members.get(base);
    return members !== undefined && thisCalls.some((m) => members.has(m));
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
  const { summary, idOf } = ownReach(model);
  const id = idOf.get(fn);
  // `export { remove }` leads to the function by its name.
  const name = id === undefined ? undefined : summary.functions[id]?.name;
  const entries = id === undefined ? [] : exportedEntries(summary, { fns: new Set([id]), names: new Set(name === undefined ? [] : [name]), made: new Set(), madeNames: new Set() });
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
        const importer = importerReach(importerFile, model);
        if (!importer) continue;
        const names = matchImports(importer, importerFile, file, these);
        // A call made while the importer loads (`if (flags.clear) clearCache()` in a CLI's start-up) runs once, before any request.
        if (!isEmpty(names) && (callsOf(importer, names).some((call) => call.fn !== -1) || subclassCalls(importer, names))) return true;
        const barrel = reexportedEntries(importer.reexports, importerFile, file, these);
        if (barrel.length > 0) next.push({ file: importerFile, entries: barrel });
      }
    }
    level = next;
  }
  return false;
}

/** Registered by name (`app.get('/u/:id', getUser)`): the line of the registration, when the handler path calls one of the names. */
function registeredByName(importer: ReachSummary, locals: ReadonlyMap<string, Entry | undefined>): number | undefined {
  for (const [local, entry] of locals) {
    // Known to add no entry per request, whatever request runs it.
    if (entry?.keyArg === 'none') continue;
    const line = ownEntry(importer.registrations, local);
    if (line !== undefined) return line;
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
  // A client module's functions run in the page, whoever imports it; and nothing imports this file: no handler elsewhere can reach it.
  if (isClientModule(model) || importersOf(model.filename).size === 0) return undefined;
  const { summary, idOf } = ownReach(model);
  const seedIds = [...seedFns].map((fn) => idOf.get(fn)).filter((id): id is number => id !== undefined);
  const ownEntries = exportedEntries(summary, upwardClosure(summary, seedIds, seedNames), byId(seeds.keyArgs, idOf));
  let level: { file: string; entries: Entry[] }[] = [{ file: model.filename, entries: [...(seeds.entries ?? []), ...ownEntries] }];
  const visited = new Set<string>([model.filename]);
  for (let hop = 0; hop < MAX_HOPS && level.length > 0; hop++) {
    const next: typeof level = [];
    for (const { file, entries } of level) {
      if (entries.length === 0) continue;
      let looked = 0;
      for (const importerFile of importersOf(file)) {
        if (visited.has(importerFile) || looked++ >= MAX_IMPORTERS) continue;
        if (!mayUse(importerFile, entries)) continue;
        const importer = importerReach(importerFile, model);
        // A module of a NestJS app the app never loads runs nothing, nor a library module nothing imports (asked here: a summary is of its own text only).
        const importerText = readSource(importerFile) ?? '';
        if (!importer || neverLoaded(importerFile, importer.imports.map((binding) => binding.module), importerText, model) || unmountedRouter(importerFile, importerText, model) || unboundNestEnhancer(importerFile, importerText, model) || unloadedLibraryFile(importerFile, model.project)) continue;
        const barrel = reexportedEntries(importer.reexports, importerFile, file, entries);
        if (barrel.length > 0) next.push({ file: importerFile, entries: barrel });
        const names = matchImports(importer, importerFile, file, entries);
        // Nor a module only dead modules import (asked once it uses what it imports: it reads importers' importers).
        if (isEmpty(names) || importedOnlyByDeadModules(importerFile, model)) continue;
        visited.add(importerFile);
        // `const limiter = createLimiter()` at module level: `limiter` now stands for what the factory made.
        // Not so when the export itself writes the cache (`const log = getLogger('api')`): that call ran once, and the logger's methods do not write it.
        const aliases = callsOf(importer, names).flatMap((call) => (call.alias !== undefined && makesReach(call, names) ? [call.alias] : []));
        for (const alias of aliases) names.locals.set(alias, undefined);
        // Calls whose key argument cannot grow (`serviceToken('forecast-api')`) add nothing per request.
        const calls = callsOf(importer, names).filter((call) => callMayGrow(call, names));
        if (isRequestFile(importerFile, model.project)) {
          // A key that is the calling function's own parameter grows here only through this file's calls of it.
          const line = calls.find((call) => call.onPath && callMayGrow(call, names, true))?.line ?? registeredByName(importer, names.locals);
          if (line !== undefined) return { file: relativeTo(model.filename, importerFile), line };
        }
        const holders = calls.flatMap((call) => (call.fn !== -1 ? [call.fn] : []));
        // A holder passing its own parameter as the key (`getQuote(symbol) { … setCache(`q:${symbol}`, …) }`) is keyed by it.
        const holderKeys = new Map<number | string, KeyArg>();
        for (const call of calls) {
          const keyArg = keyArgOf(call, names);
          // Keyed by one argument or several, whole (fields of an options object are not followed upward).
          if (call.fn === -1 || holderKeys.has(call.fn) || keyArg === undefined || keyArg === null || (typeof keyArg !== 'number' && !isArgsKey(keyArg))) continue;
          const holderKey = callerKeyArg(keyArg, { params: call.params });
          if (holderKey !== undefined && holderKey !== 'none') holderKeys.set(call.fn, holderKey);
        }
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
  for (const importerFile of importersThatMayUse(model.filename, [{ exportName }])) {
    const importer = importerReach(importerFile, model);
    if (!importer) continue;
    for (const binding of importer.imports) {
      if (binding.export !== exportName || resolveModule(binding.module, importerFile) !== model.filename) continue;
      if (importer.providers.some((p) => p.name === binding.local && p.attribute === attribute)) return relativeTo(model.filename, importerFile);
    }
  }
  return undefined;
}
