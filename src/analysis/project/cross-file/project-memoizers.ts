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
import type { MemoizerSource, MemoizerSpec } from '../../catalog/memoizer-catalog.js';
import { memoizerShapeOf } from '../../memoizer/in-house-memoizers.js';
import type { FileModel, ImportedMemoized, MemoizerCall } from '../../model/file-model.js';
import { readSource } from '../files/sources.js';
import { resolveModule } from '../files/resolve.js';

/** How many modules a re-export chain may cross. */
const MAX_REEXPORT_DEPTH = 4;
/** Files that mention none of these cannot define a memoizer worth a parse. */
const MEMOIZER_HINT = /memo|cache|new Map\b|Object\.create\(null\)/i;

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

/** The initialiser of a module-level `const`, or a top-level function, by name. */
export function moduleLevelValue(model: FileModel, name: string): TSESTree.Node | undefined {
  for (const statement of model.program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === name) return declaration;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of declaration.declarations) if (d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name && d.init) return d.init;
  }
  return undefined;
}

const exportCache = new WeakMap<FileModel, Map<string, ExportedMemoizer | null>>();

/** Export `name` of `file` as a memoizer, following re-exports (`export { x } from`, `export * from`). */
function exportedMemoizer(file: string, name: string, from: FileModel, depth: number): ExportedMemoizer | undefined {
  if (depth > MAX_REEXPORT_DEPTH) return undefined;
  const text = readSource(file);
  if (text === undefined || !MEMOIZER_HINT.test(text)) return undefined;
  const model = from.project.fileModel(file, from.settings);
  if (!model) return undefined;
  let cache = exportCache.get(model);
  if (!cache) {
    cache = new Map();
    exportCache.set(model, cache);
  }
  const cached = cache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  cache.set(name, null); // a cycle of re-exports ends here
  const found = findExport(model, name, depth);
  cache.set(name, found ?? null);
  return found;
}

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
        const found = reexported(statement.source.value, imported, model, depth);
        if (found) return found;
      }
    }
    // `export * from './memo'`
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && statement.exported === null && name !== 'default') {
      const found = reexported(statement.source.value, name, model, depth);
      if (found) return found;
    }
  }
  return undefined;
}

function reexported(module: string, name: string, model: FileModel, depth: number): ExportedMemoizer | undefined {
  const catalog = model.settings.memoizers.find((m) => m.module === module && m.export === name && m.member === undefined);
  if (catalog) return { spec: catalog.spec };
  const target = resolveModule(module, model.filename);
  return target ? exportedMemoizer(target, name, model, depth + 1) : undefined;
}

/** Catalog entries for the memoizers `model` imports from its own project, in the file's own import terms. */
export function importedProjectMemoizers(model: FileModel): MemoizerSource[] {
  const sources: MemoizerSource[] = [];
  const known = new Set(model.settings.memoizers.map((m) => m.module));
  const seen = new Set<string>();
  for (const binding of model.imports.values()) {
    if (known.has(binding.module) || seen.has(`${binding.module}\0${binding.export}`)) continue;
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
  if (text === undefined || !MEMOIZER_HINT.test(text)) return [];
  const model = from.project.fileModel(file, from.settings);
  return model ? [...exportIndex(model).keys()] : [];
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
    const target = resolveModule(source.value, model.filename);
    const other = target ? model.project.fileModel(target, model.settings) : undefined;
    const found = other ? exportedValue(other, imported, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

const importedMemoized = new WeakMap<FileModel, Map<string, ImportedMemoized>>();

/** The memoizer call a project file exports under `name`, if that export is one. */
function exportedMemoizerCall(home: FileModel, name: string): { call: MemoizerCall; model: FileModel } | undefined {
  const value = exportedValue(home, name);
  const call = value?.model.memoizerCalls.find((c) => c.node === value.node);
  return value && call ? { call, model: value.model } : undefined;
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
  for (const [local, binding] of model.imports) {
    const target = resolveModule(binding.module, model.filename);
    const text = target === undefined ? undefined : readSource(target);
    if (target === undefined || text === undefined || !MEMOIZER_HINT.test(text)) continue;
    const home = model.project.fileModel(target, model.settings);
    if (!home) continue;
    if (binding.export !== '*') {
      const exported = exportedMemoizerCall(home, binding.export);
      if (exported) found.set(local, { ...exported, name: local, namespace: undefined });
      continue;
    }
    // Only the members this file calls (`money.formatMoney(`), and the module itself when it is called
    // (`module.exports = memoize(…)` required whole: `formatMoney({ … })`): a namespace of a large
    // module costs nothing for the exports the file never uses.
    const called = calledMembers(model.sourceCode.text, local);
    for (const name of exportIndex(home).keys()) {
      if (name === 'default' ? !called.self : !called.members.has(name)) continue;
      const exported = exportedMemoizerCall(home, name);
      if (!exported) continue;
      if (name === 'default') found.set(local, { ...exported, name: local, namespace: undefined });
      else found.set(`${local}.${name}`, { ...exported, name, namespace: local });
    }
  }
  return found;
}

