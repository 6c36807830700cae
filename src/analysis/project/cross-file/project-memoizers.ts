/**
 * The memoizers and memoized functions other files of the project export, as the file being linted
 * imports them: re-exports of a library memoizer, wrappers, helpers that implement a caching closure
 * (`import { memoize } from '@acme/support'` is judged by what it does), and memoized functions a
 * file exports for others to call.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../syntax/node-types.js';
import { unwrap } from '../../syntax/ast.js';
import { lookupMemoizer } from '../../syntax/import-table.js';
import { exportIndex } from '../../syntax/export-index.js';
import { moduleLevelValue } from '../../syntax/module-values.js';
import type { MemoizerSource, MemoizerSpec } from '../../catalog/memoizer-catalog.js';
import { memoizerShapeOf } from '../../memoizer/in-house-memoizers.js';
import type { FileModel, ImportedMemoized, MemoizerCall } from '../../model/file-model.js';
import { cacheSize, hasResolver, keyedArgumentCount, wrappedFunction, wrappedParams } from '../../memoizer/memoizer-call.js';
import type { ExportedCallee, FileSummary, MemoizerValue } from '../../model/file-summary.js';
import { readSource } from '../files/sources.js';
import { exportsOnlyDeclaration, mayExport } from '../files/export-hints.js';
import { resolveModule } from '../files/resolve.js';
import { indexGeneration } from '../files/generation.js';
import { ownEntry } from '../summaries/own-entry.js';
import { LruMap } from '../../../memoize/lru-map.js';

/** How many modules a re-export chain may cross. */
const MAX_REEXPORT_DEPTH = 4;
/**
 * Files that mention none of these cannot define a memoizer worth a parse. React's hook `useMemo`
 * memoizes one value per component, not a function other modules call: it alone is no hint (a
 * component file of a React app names it, and is imported by its neighbours).
 */
const MEMOIZER_HINT = /(?<!use)memo|cache|new Map\b|Object\.create\(null\)/i;

/** `MEMOIZER_HINT` on each text once: every importer of a hub module asks about it. */
const hinted = new LruMap<string, { text: string; hint: boolean }>(20_000);

/** Whether `text` (the text of `file`) mentions a memoizer hint. */
function memoizerHinted(file: string, text: string): boolean {
  const seen = hinted.get(file);
  if (seen?.text === text) return seen.hint;
  const hint = MEMOIZER_HINT.test(text);
  hinted.set(file, { text, hint });
  return hint;
}

/** What one export of a module is, as a memoizer: itself, or the memoizers among its properties. */
interface ExportedMemoizer {
  spec?: MemoizerSpec;
  members?: Map<string, MemoizerSpec>;
}

/** The memoizer a value of `model` stands for: a catalog function, a local memoizer, an import of another module's. */
function memoizerValue(value: TSESTree.Node, model: FileModel, depth: number): ExportedMemoizer | undefined {
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const local = model.localMemoizers.get(node.name);
    if (local) return { spec: local.spec };
    // `export const utils = { memoize }` where `const memoize = _.memoize` in the same module.
    const init = moduleLevelValue(model, node.name);
    if (init && depth <= MAX_REEXPORT_DEPTH) return memoizerValue(init, model, depth + 1);
    const binding = model.imports.get(node.name);
    if (binding) {
      const catalog = lookupMemoizer(node, model.imports, model.settings.memoizers);
      if (catalog) return { spec: catalog.spec };
      const target = resolveModule(binding.module, model.filename);
      return target ? exportedMemoizer(target, binding.export === '*' ? 'default' : binding.export, model, depth + 1) : undefined;
    }
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const catalog = lookupMemoizer(node, model.imports, model.settings.memoizers);
    return catalog ? { spec: catalog.spec } : undefined;
  }
  if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) {
    const shape = (memoizers: readonly MemoizerSource[]): MemoizerSpec | undefined =>
      memoizerShapeOf(node, { text: model.sourceCode.text, imports: model.imports, memoizers, visitorKeys: model.facts.visitorKeys });
    const spec = shape(model.settings.memoizers);
    if (spec) return { spec };
    // A wrapper around a memoizer this module imports from another of the project (`import { memoize } from '../imports'`,
    // itself a re-export of a library): only the imports the body names, one level deeper each time.
    if (depth >= MAX_REEXPORT_DEPTH) return undefined;
    const body = model.sourceCode.text.slice(node.range[0], node.range[1]);
    const own: MemoizerSource[] = [];
    for (const [local, binding] of model.imports) {
      if (!binding.module.startsWith('.') || binding.export === '*' || !new RegExp(`(?<![\\w$.])${local.replace(/\$/g, '\\$')}\\s*\\(`).test(body)) continue;
      const target = resolveModule(binding.module, model.filename);
      const found = target ? exportedMemoizer(target, binding.export, model, depth + 1) : undefined;
      if (found?.spec) own.push({ module: binding.module, export: binding.export, spec: found.spec });
    }
    const wrapped = own.length > 0 ? shape([...model.settings.memoizers, ...own]) : undefined;
    return wrapped ? { spec: wrapped } : undefined;
  }
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    const members = new Map<string, MemoizerSpec>();
    for (const prop of node.properties) {
      if (prop.type !== AST_NODE_TYPES.Property || prop.computed || prop.key.type !== AST_NODE_TYPES.Identifier) continue;
      const found = memoizerValue(prop.value, model, depth);
      if (found?.spec) members.set(prop.key.name, found.spec);
    }
    return members.size > 0 ? { members } : undefined;
  }
  return undefined;
}

/** A memoizer value the summary cannot settle: a wrapper around a project memoizer, judged on its syntax tree. */
const NEEDS_TREE = Symbol('needs-tree');
type Resolved = ExportedMemoizer | undefined | typeof NEEDS_TREE;

/** A summary's memoizer value, with its imports followed into their own modules. */
function resolveValue(value: MemoizerValue, file: string, from: FileModel, depth: number): Resolved {
  if ('spec' in value) return { spec: value.spec };
  if ('step' in value) return depth <= MAX_REEXPORT_DEPTH ? resolveValue(value.step, file, from, depth + 1) : undefined;
  if ('import' in value) {
    const target = resolveModule(value.import.module, file);
    return target ? exportedMemoizer(target, value.import.export, from, depth + 1) : undefined;
  }
  if ('members' in value) {
    const members = new Map<string, MemoizerSpec>();
    for (const [name, member] of Object.entries(value.members)) {
      const found = resolveValue(member, file, from, depth);
      if (found === NEEDS_TREE) return NEEDS_TREE;
      if (found?.spec) members.set(name, found.spec);
    }
    return members.size > 0 ? { members } : undefined;
  }
  if (depth >= MAX_REEXPORT_DEPTH) return undefined;
  const wraps = value.wrapper.some(({ module, export: name }) => {
    const target = resolveModule(module, file);
    return target !== undefined && exportedMemoizer(target, name, from, depth + 1)?.spec !== undefined;
  });
  return wraps ? NEEDS_TREE : undefined;
}

/** Export `name` of a summarised file as a memoizer: its own values, then its re-exports in order. */
function summaryExport(file: string, summary: FileSummary, name: string, from: FileModel, depth: number): Resolved {
  for (const value of ownEntry(summary.memoizers, name) ?? []) {
    const found = resolveValue(value, file, from, depth);
    if (found) return found;
  }
  for (const reexport of summary.reexports) {
    let imported: string | undefined;
    if (reexport.kind === 'named' && reexport.exported === name && reexport.imported !== '*') imported = reexport.imported;
    if (reexport.kind === 'all' && name !== 'default') imported = name;
    const found = imported === undefined ? undefined : reexported(reexport.module, imported, file, from, depth);
    if (found) return found;
  }
  return undefined;
}

const exportCache = new WeakMap<FileSummary, Map<string, ExportedMemoizer | null>>();

/** Export `name` of `file` as a memoizer, following re-exports (`export { x } from`, `export * from`), read from summaries. */
function exportedMemoizer(file: string, name: string, from: FileModel, depth: number): ExportedMemoizer | undefined {
  if (depth > MAX_REEXPORT_DEPTH) return undefined;
  const text = readSource(file);
  // A module that names neither the export nor re-exports whole cannot give it (`default` needs no name: `module.exports =`).
  if (text === undefined || !memoizerHinted(file, text) || (name !== 'default' && !mayExport(text, name, true))) return undefined;
  const summary = from.project.summaryOf(file, from.settings);
  if (!summary) return undefined;
  let cache = exportCache.get(summary);
  if (!cache) {
    cache = new Map();
    exportCache.set(summary, cache);
  }
  const cached = cache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  cache.set(name, null); // a cycle of re-exports ends here
  let found = summaryExport(file, summary, name, from, depth);
  if (found === NEEDS_TREE) {
    const model = from.project.fileModel(file, from.settings);
    found = model ? findExport(model, name, depth) : undefined;
  }
  cache.set(name, found ?? null);
  return found;
}

function reexported(module: string, name: string, file: string, from: FileModel, depth: number): ExportedMemoizer | undefined {
  const catalog = from.settings.memoizers.find((m) => m.module === module && m.export === name && m.member === undefined);
  if (catalog) return { spec: catalog.spec };
  const target = resolveModule(module, file);
  return target ? exportedMemoizer(target, name, from, depth + 1) : undefined;
}

/** Export `name` of a parsed file as a memoizer (the syntax tree's reading, for what a summary cannot settle). */
function findExport(model: FileModel, name: string, depth: number): ExportedMemoizer | undefined {
  for (const value of exportIndex(model).get(name) ?? []) {
    const found = memoizerValue(value, model, depth);
    if (found) return found;
  }
  for (const statement of model.program.body) {
    // `export { memoize } from 'lodash'`, `export { default as memo } from './memo'`
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source) {
      for (const spec of statement.specifiers) {
        const exported = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : spec.exported.value;
        if (exported !== name) continue;
        const imported = spec.local.type === AST_NODE_TYPES.Identifier ? spec.local.name : spec.local.value;
        const found = reexported(statement.source.value, imported, model.filename, model, depth);
        if (found) return found;
      }
    }
    // `export * from './memo'`
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && statement.exported === null && name !== 'default') {
      const found = reexported(statement.source.value, name, model.filename, model, depth);
      if (found) return found;
    }
  }
  return undefined;
}

/** A character that cannot end a name: what may stand before a use of an imported binding. */
const NAME_BOUNDARY = /[^\w$.]/;

/**
 * Whether `text` may call the binding `local` with arguments: directly (`memo(fn)`, `memo<T>(fn)`,
 * `formatMoney({ … })`), as a decorator (`@Cached()`), or through a member (`utils.memo(fn)`). What
 * either question asks of another module (is this a memoizer? a memoized function called with fresh
 * objects?) needs such a call; a binding only called bare (`useEditor()`), rendered (`<Editor />`)
 * or passed on needs no read of its module.
 */
function mayCallWithArguments(text: string, local: string): boolean {
  for (let at = text.indexOf(local); at >= 0; at = text.indexOf(local, at + 1)) {
    const before = at === 0 ? ' ' : text.charAt(at - 1);
    if (before === '@') return true;
    if (!NAME_BOUNDARY.test(before)) continue;
    let i = skipSpaces(text, at + local.length);
    // Type arguments (`memo<T>(fn)`): past the matching `>`, or the statement's end when none matches.
    if (text.charAt(i) === '<') {
      for (let depth = 0; i < text.length; i++) {
        const c = text.charAt(i);
        if (c === '<') depth++;
        else if ((c === '>' && --depth === 0) || c === ';' || c === '{' || c === '}') break;
      }
      i = skipSpaces(text, i + 1);
    }
    const next = text.charAt(i);
    if (next === '.' || (next === '?' && text.charAt(i + 1) === '.')) return true;
    if (next === '(' && text.charAt(skipSpaces(text, i + 1)) !== ')') return true;
  }
  return false;
}

/** The index of the first character at or after `i` that is not white space. */
function skipSpaces(text: string, i: number): number {
  let at = i;
  while (/\s/.test(text.charAt(at))) at++;
  return at;
}

/** Catalog entries for the memoizers `model` imports from its own project, in the file's own import terms. */
export function importedProjectMemoizers(model: FileModel): MemoizerSource[] {
  const sources: MemoizerSource[] = [];
  const known = new Set(model.settings.memoizers.map((m) => m.module));
  const seen = new Set<string>();
  const { text } = model.sourceCode;
  for (const [local, binding] of model.imports) {
    if (known.has(binding.module) || seen.has(`${binding.module}\0${binding.export}`)) continue;
    if (!mayCallWithArguments(text, local)) continue;
    seen.add(`${binding.module}\0${binding.export}`);
    const target = resolveModule(binding.module, model.filename);
    if (target === undefined) continue;
    const names = binding.export === '*' ? namespaceNames(target, model) : [binding.export];
    for (const name of names) {
      const found = exportedMemoizer(target, name, model, 0);
      const label = (spec: MemoizerSpec): MemoizerSpec => ({ ...spec, label: spec.label.includes('`') ? spec.label : `${spec.label} (as \`${name}\` from ${path.basename(target)})` });
      if (found?.spec) sources.push({ module: binding.module, export: name, spec: label(found.spec) });
      for (const [member, spec] of found?.members ?? []) sources.push({ module: binding.module, export: name, member, spec: label(spec) });
    }
  }
  return sources;
}

/** The export names of a module imported as a namespace (`import * as utils from './utils'`). */
function namespaceNames(file: string, from: FileModel): string[] {
  const text = readSource(file);
  if (text === undefined || !memoizerHinted(file, text)) return [];
  return from.project.summaryOf(file, from.settings)?.exports ?? [];
}

/**
 * The value export `name` of `model` stands for, following re-exports (`export { x } from './y'`,
 * `export * from './y'`) and local names (`export { x }` for a function declared in the module).
 */
export function exportedValue(model: FileModel, name: string, depth = 0): { model: FileModel; node: TSESTree.Node } | undefined {
  for (const value of exportIndex(model).get(name) ?? []) {
    const node = unwrap(value);
    if (node.type !== AST_NODE_TYPES.Identifier) return { model, node };
    const local = moduleLevelValue(model, node.name);
    if (local) return { model, node: unwrap(local) };
  }
  if (depth >= MAX_REEXPORT_DEPTH) return undefined;
  for (const statement of model.program.body) {
    let imported: string | undefined;
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source) {
      const spec = statement.specifiers.find((sp) => (sp.exported.type === AST_NODE_TYPES.Identifier ? sp.exported.name : sp.exported.value) === name);
      if (spec) imported = spec.local.type === AST_NODE_TYPES.Identifier ? spec.local.name : spec.local.value;
    }
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && statement.exported === null && name !== 'default') imported = name;
    const source = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportAllDeclaration ? statement.source : null;
    if (imported === undefined || !source) continue;
    const found = importedValue(model, source.value, imported, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The value export `name` of the project module `specifier`, as `model` imports it, stands for (`undefined` outside the project). */
export function importedValue(model: FileModel, specifier: string, name: string, depth = 0): { model: FileModel; node: TSESTree.Node } | undefined {
  const target = resolveModule(specifier, model.filename);
  const other = target ? model.project.fileModel(target, model.settings) : undefined;
  return other ? exportedValue(other, name, depth) : undefined;
}

const importedMemoized = new WeakMap<FileModel, Map<string, ImportedMemoized>>();

type MemoizedInfo = Omit<ImportedMemoized, 'name' | 'namespace'>;

/** What call sites need of a memoizer call, read in its own file. */
function memoizedInfo(call: MemoizerCall, home: FileModel): MemoizedInfo {
  const keying = call.spec.keying;
  const keysByIdentity = keying !== 'json' && keying !== 'string' && keying !== 'custom' && keying !== 'value' && !hasResolver(call) && call.spec.requestScoped !== true;
  const wrapped = keysByIdentity ? wrappedFunction(call, home) : undefined;
  return {
    label: call.spec.label,
    keysByIdentity,
    keyedArguments: keysByIdentity ? keyedArgumentCount(call, wrapped ? wrappedParams(wrapped, home) : undefined) : 0,
    holdsOneEntry: cacheSize(call)?.size === 1,
  };
}

/** Memoized exports by home file and export name, for the text they were read from: each home is parsed once. */
const homes = new Map<string, { text: string; byName: Map<string, MemoizedInfo | null> }>();

/** Export `name` of `file` (whose own value it is) as a memoized function, or `undefined`. */
function memoizedExport(file: string, name: string, from: FileModel): MemoizedInfo | undefined {
  const text = readSource(file);
  if (text === undefined) return undefined;
  let home = homes.get(file);
  if (home?.text !== text) {
    home = { text, byName: new Map() };
    homes.set(file, home);
  }
  const known = home.byName.get(name);
  if (known !== undefined) return known ?? undefined;
  const model = from.project.fileModel(file, from.settings);
  const value = model ? exportedValue(model, name) : undefined;
  const call = value?.model.memoizerCalls.find((c) => c.node === value.node);
  const info = call && value ? memoizedInfo(call, value.model) : undefined;
  home.byName.set(name, info ?? null);
  return info;
}

/** What the text calls through a local name: `local(…)` itself, and `local.member(…)`. */
function calledMembers(text: string, local: string): { self: boolean; members: Set<string> } {
  const name = local.replace(/\$/g, '\\$');
  const members = new Set<string>();
  for (const match of text.matchAll(new RegExp(`(?<![\\w$.])${name}\\s*\\.\\s*([\\w$]+)\\s*\\(`, 'g'))) if (match[1] !== undefined) members.add(match[1]);
  return { self: new RegExp(`(?<![\\w$.])${name}\\s*\\(`).test(text), members };
}

/**
 * The memoized functions this file imports from its project, by how they are called:
 * `formatMoney` for `import { formatMoney } from './money'` or `const { formatMoney } = require('./money')`,
 * `money.formatMoney` for `import * as money from './money'` or `const money = require('./money')`, and
 * `formatMoney` for `const formatMoney = require('./format-money')` whose module is `module.exports = memoize(…)`. Once per file.
 */
export function importedMemoizedBindings(model: FileModel): Map<string, ImportedMemoized> {
  let found = importedMemoized.get(model);
  if (found) return found;
  found = new Map<string, ImportedMemoized>();
  importedMemoized.set(model, found);
  const { text: ownText } = model.sourceCode;
  for (const [local, binding] of model.imports) {
    if (!mayCallWithArguments(ownText, local)) continue;
    const target = resolveModule(binding.module, model.filename);
    const text = target === undefined ? undefined : readSource(target);
    if (target === undefined || text === undefined || !memoizerHinted(target, text)) continue;
    const summary = model.project.summaryOf(target, model.settings);
    if (!summary) continue;
    // Only the members this file calls (`money.formatMoney(`), and the module itself when it is called
    // (`module.exports = memoize(…)` required whole: `formatMoney({ … })`): a namespace of a large
    // module costs nothing for the exports the file never uses.
    const called = binding.export === '*' ? calledMembers(model.sourceCode.text, local) : undefined;
    const names = called ? summary.exports.filter((name) => (name === 'default' ? called.self : called.members.has(name))) : [binding.export];
    // The summaries first: the home file is parsed only when one of the names may be a memoized function.
    for (const name of names) {
      const home = exportedCall(target, summary, name, model, 0);
      if (!home || !mayBeMemoizerCall(home.value, home.file, model)) continue;
      const exported = memoizedExport(home.file, home.name, model);
      if (!exported) continue;
      if (!called || name === 'default') found.set(local, { ...exported, name: local, namespace: undefined });
      else found.set(`${local}.${name}`, { ...exported, name, namespace: local });
    }
  }
  return found;
}

/**
 * The value export `name` of a summarised file has, as `exportedValue` finds it (a call with its
 * callee, or `other`), with the file and name it is the own value of; `undefined` for none. Its own
 * value first, then its re-exports in order, each re-exported module read one level deeper, up to
 * MAX_REEXPORT_DEPTH.
 */
function exportedCall(file: string, summary: FileSummary, name: string, from: FileModel, depth: number): ExportedCall | undefined {
  const decided = ownEntry(summary.values, name);
  if (decided !== undefined) return { file, name, value: decided };
  if (depth >= MAX_REEXPORT_DEPTH || summary.reexports.length === 0) return undefined;
  return reexportedCall(file, summary, name, from, depth);
}

type ExportedCall = { file: string; name: string; value: ExportedCallee | 'other' };


/**
 * What a summarised file's re-exports give `exportedCall` for `name` at `depth`: the first re-export
 * that has the name gives it; `export *` never gives `default`. A module re-exported whole is read
 * only when its text names `name` or itself re-exports whole: a package's barrels re-export every
 * file of the package (`export * from './models'`), and each file of it would otherwise be read
 * for every name imported from the package.
 *
 * Kept by summary, depth and name: each importing file asks again. Kept while the project's texts
 * and resolutions are as they were (a summary is a new object when its own file's text changes; a
 * re-exported file's change shows in `sourceChanges` once read, a file added or removed in the
 * resolutions once the import graph is rebuilt) and, in a project with no import graph to check the
 * disk, at most a second.
 */
function reexportedCall(file: string, summary: FileSummary, name: string, from: FileModel, depth: number): ExportedCall | undefined {
  const generation = indexGeneration(file);
  let memo = reexportMemo.get(summary);
  if (memo?.file !== file || memo.generation !== generation) {
    memo = { file, generation, byDepth: [] };
    reexportMemo.set(summary, memo);
  }
  const known = (memo.byDepth[depth] ??= new Map());
  const seen = known.get(name);
  if (seen !== undefined) return seen ?? undefined;
  // Each level deeper is its own entry, so a cycle of re-exports ends at MAX_REEXPORT_DEPTH as a search would.
  known.set(name, null);
  let found: ExportedCall | undefined;
  for (const reexport of summary.reexports) {
    if (reexport.kind === 'named' ? reexport.imported === '*' || reexport.exported !== name : name === 'default') continue;
    const target = resolveModule(reexport.module, file);
    if (target === undefined) continue;
    const deeper = depth + 1 < MAX_REEXPORT_DEPTH;
    if (reexport.kind === 'all') {
      const text = readSource(target);
      if (text === undefined || !mayExport(text, name, deeper)) continue;
      // `export function name(…)`: what its summary would say, without the parse (a package's helpers, called from everywhere).
      if (exportsOnlyDeclaration(text, name)) {
        found = { file: target, name, value: 'other' };
        break;
      }
    }
    const other = from.project.summaryOf(target, from.settings);
    if (!other) continue;
    if (reexport.kind === 'named') {
      found = exportedCall(target, other, reexport.imported, from, depth + 1);
    } else {
      // `export * from`: the target's own export, else what its own re-exports give one level deeper.
      const own = ownEntry(other.values, name);
      if (own !== undefined) found = { file: target, name, value: own };
      else if (deeper && other.reexports.length > 0) found = reexportedCall(target, other, name, from, depth + 1);
    }
    if (found) break;
  }
  known.set(name, found ?? null);
  return found;
}

const reexportMemo = new WeakMap<FileSummary, { file: string; generation: string; byDepth: Map<string, ExportedCall | null>[] }>();

/**
 * Whether an exported call may be a memoizer's: its callee is one the file knows (the catalog, its
 * own), or an import of a module of the project that exports a memoizer under that name.
 */
function mayBeMemoizerCall(value: ExportedCallee | 'other', file: string, from: FileModel): boolean {
  if (value === 'other') return false;
  if (value.known) return true;
  if (!value.import) return false;
  const target = resolveModule(value.import.module, file);
  if (target === undefined) return false;
  const name = value.import.export === '*' ? (value.import.member ?? 'default') : value.import.export;
  return exportedMemoizer(target, name, from, 0) !== undefined;
}
