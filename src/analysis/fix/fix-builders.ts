/**
 * Fix building blocks shared by the rules: importing this package's `memoize` / `LruMap` once, in
 * the file's own module style, and rewriting a memoizer call's options.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { findProperty, unwrap } from '../syntax/ast.js';
import { memoGuardModule } from '../catalog/memoizer-catalog.js';
import { requiredModule } from '../syntax/import-table.js';
import type { FileModel, MemoizerCall } from '../model/file-model.js';
import { valueDef } from '../syntax/references.js';

type RuntimeExport = 'memoize' | 'LruMap';

function isRequireDeclaration(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return statement.declarations.some((d) => {
    const init = d.init ? unwrap(d.init) : undefined;
    return requiredModule(init?.type === AST_NODE_TYPES.MemberExpression ? init.object : init) !== undefined;
  });
}

/** ESM unless the file is CommonJS: a `.cjs` file, or a script that `require`s and imports nothing. */
function usesRequire(model: FileModel): boolean {
  if (/\.c[jt]s$/.test(model.filename)) return true;
  const body = model.program.body;
  if (body.some((s) => s.type === AST_NODE_TYPES.ImportDeclaration)) return false;
  return model.program.sourceType === 'script' || body.some((s) => isRequireDeclaration(s) || isCommonJsExport(s));
}

/** `exports.x = …`, `module.exports = …`, `module.exports.x = …` */
function isCommonJsExport(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  let target: TSESTree.Node = statement.expression.left;
  while (target.type === AST_NODE_TYPES.MemberExpression) target = target.object;
  return target.type === AST_NODE_TYPES.Identifier && (target.name === 'exports' || target.name === 'module');
}

/** Whether `name` is bound or used at module level; `freed` is a binding the same fix removes. */
function nameIsTaken(model: FileModel, name: string, freed?: string): boolean {
  if (name === freed) return false;
  if (model.imports.has(name)) return true;
  const global = model.sourceCode.scopeManager?.globalScope;
  if (!global) return false;
  const scopes = [global, ...global.childScopes.filter((s) => (s.type as string) === 'module')];
  return scopes.some((scope) => scope.set.has(name) || scope.through.some((ref) => ref.identifier.name === name));
}

/** Where a new import goes: after the last import or require, else before the first statement that is not a directive. */
function insertionPoint(model: FileModel, cjs: boolean): { after: TSESTree.Node } | { before: TSESTree.Node } | { end: number } {
  const body = model.program.body;
  let last: TSESTree.Node | undefined;
  for (const statement of body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration || (cjs && isRequireDeclaration(statement))) last = statement;
  }
  if (last) return { after: last };
  const first = body.find((s) => !(s.type === AST_NODE_TYPES.ExpressionStatement && s.directive !== undefined));
  if (first) return { before: first };
  return { end: model.sourceCode.text.length };
}

export interface RuntimeImport {
  /** The local name to call: `memoize`, or an alias when the file already uses that name. */
  local: string;
  /** The fix that adds the import, unless the file already has it. */
  fix: ((fixer: RuleFixer) => RuleFix) | undefined;
  /** The new import statement, when the fix adds one (not when it extends an existing import). */
  statement: string | undefined;
}

/**
 * The local name for this package's `memoize` or `LruMap`, and the fix that imports it if needed.
 * `freed`: a local name the same fix removes (the old memoizer's import), so the new import may take it.
 */
export function runtimeImport(model: FileModel, name: RuntimeExport, freed?: string): RuntimeImport {
  // The same for every report of the file: worked out once (a file with thousands of findings asks thousands of times).
  const key = `${name}\0${freed ?? ''}`;
  let cache = runtimeImports.get(model);
  const cached = cache?.get(key);
  if (cached) return cached;
  const found = computeRuntimeImport(model, name, freed);
  if (!cache) {
    cache = new Map();
    runtimeImports.set(model, cache);
  }
  cache.set(key, found);
  return found;
}

const runtimeImports = new WeakMap<FileModel, Map<string, RuntimeImport>>();

function computeRuntimeImport(model: FileModel, name: RuntimeExport, freed?: string): RuntimeImport {
  for (const [local, binding] of model.imports) {
    if (binding.module === memoGuardModule && binding.export === name) return { local, fix: undefined, statement: undefined };
  }
  const local = nameIsTaken(model, name, freed) ? (name === 'memoize' ? 'boundedMemoize' : 'BoundedLruMap') : name;
  const cjs = usesRequire(model);
  const specifier = local === name ? name : cjs ? `${name}: ${local}` : `${name} as ${local}`;
  const existing = model.program.body.find(
    (s): s is TSESTree.ImportDeclaration =>
      s.type === AST_NODE_TYPES.ImportDeclaration && s.source.value === memoGuardModule && s.importKind !== 'type' && s.specifiers.some((sp) => sp.type === AST_NODE_TYPES.ImportSpecifier),
  );
  if (existing) {
    const lastSpecifier = existing.specifiers[existing.specifiers.length - 1];
    if (lastSpecifier) return { local, fix: (fixer) => fixer.insertTextAfter(lastSpecifier, `, ${specifier}`), statement: undefined };
  }
  const statement = cjs
    ? `const { ${specifier} } = require('${memoGuardModule}');`
    : `import { ${specifier} } from '${memoGuardModule}';`;
  const point = insertionPoint(model, cjs);
  return {
    local,
    statement,
    fix: (fixer) => {
      if ('after' in point) return fixer.insertTextAfter(point.after, `\n${statement}`);
      if ('before' in point) return fixer.insertTextBefore(point.before, `${statement}\n`);
      return fixer.insertTextAfterRange([point.end, point.end], `${point.end > 0 ? '\n' : ''}${statement}\n`);
    },
  };
}

/** Sets `name: value` in the call's options object, adding the object if there is none. */
export function setOption(fixer: RuleFixer, model: FileModel, call: MemoizerCall, name: string, value: string): RuleFix | undefined {
  if (call.options) {
    const prop = findProperty(call.options, [name]);
    if (prop) return fixer.replaceText(prop.value, value);
    const first = call.options.properties[0];
    if (first) return fixer.insertTextBefore(first, `${name}: ${value}, `);
    return fixer.replaceText(call.options, `{ ${name}: ${value} }`);
  }
  const index = call.spec.optionsArg;
  if (index === undefined || call.node.arguments.length !== index) return undefined;
  const last = call.node.arguments[index - 1];
  if (!last) return undefined;
  return fixer.insertTextAfter(last, `, { ${name}: ${value} }`);
}

/** What removing an import binding takes away: its whole statement, or only its specifier. */
export interface ImportRemoval {
  /** The statement goes entirely: a new import may take its place. */
  statement: TSESTree.Node | undefined;
  fix: (fixer: RuleFixer) => RuleFix;
}

function statementRange(model: FileModel, statement: TSESTree.Node): [number, number] {
  const text = model.sourceCode.text;
  let end = statement.range[1];
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return [statement.range[0], end];
}

/** The range of one element of a comma-separated list, with the comma that separates it from a neighbour. */
function listItemRange(model: FileModel, item: TSESTree.Node): [number, number] | undefined {
  const after = model.sourceCode.getTokenAfter(item);
  if (after?.value === ',') {
    const next = model.sourceCode.getTokenAfter(after);
    return next ? [item.range[0], next.range[0]] : undefined;
  }
  const before = model.sourceCode.getTokenBefore(item);
  return before?.value === ',' ? [before.range[0], item.range[1]] : undefined;
}

function removalOf(model: FileModel, statement: TSESTree.Node, item: TSESTree.Node | undefined): ImportRemoval | undefined {
  if (!item) {
    const range = statementRange(model, statement);
    return { statement, fix: (fixer) => fixer.removeRange(range) };
  }
  const range = listItemRange(model, item);
  return range ? { statement: undefined, fix: (fixer) => fixer.removeRange(range) } : undefined;
}

/**
 * Removes the import (or top-level `require`) of `local` when every use of it lies inside `dropped`,
 * the code the fix replaces. `undefined` when it is still used, or imported in a shape we do not edit.
 */
export function unusedImportRemoval(model: FileModel, local: string, dropped: TSESTree.Node): ImportRemoval | undefined {
  const manager = model.sourceCode.scopeManager;
  const global = manager?.globalScope;
  if (!global) return undefined;
  const scope = global.childScopes.find((s) => (s.type as string) === 'module') ?? global;
  const variable = scope.set.get(local);
  const def = valueDef(variable);
  if (!variable || !def || variable.defs.length !== 1) return undefined;
  const inside = (node: TSESTree.Node): boolean => dropped.range[0] <= node.range[0] && node.range[1] <= dropped.range[1];
  if (variable.references.some((ref) => !ref.init && !inside(ref.identifier))) return undefined;
  const node = def.node as TSESTree.Node;
  if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier || node.type === AST_NODE_TYPES.ImportSpecifier || node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
    const declaration = node.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    if (declaration.specifiers.length === 1) return removalOf(model, declaration, undefined);
    // `import _, { x }`: drop `_, `; `import { a, b }`: drop one name with its comma.
    const named = declaration.specifiers.filter((sp) => sp.type === AST_NODE_TYPES.ImportSpecifier);
    if (node.type === AST_NODE_TYPES.ImportSpecifier && named.length === 1) return undefined;
    return removalOf(model, declaration, node);
  }
  if (node.type !== AST_NODE_TYPES.VariableDeclarator || !node.init) return undefined;
  const init = unwrap(node.init);
  if (requiredModule(init.type === AST_NODE_TYPES.MemberExpression ? init.object : init) === undefined) return undefined;
  const declaration = node.parent;
  if (declaration.parent.type !== AST_NODE_TYPES.Program || declaration.declarations.length !== 1) return undefined;
  if (node.id.type === AST_NODE_TYPES.Identifier) return removalOf(model, declaration, undefined);
  if (node.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  if (node.id.properties.length === 1) return removalOf(model, declaration, undefined);
  const property = node.id.properties.find((p) => p.type === AST_NODE_TYPES.Property && unwrap(p.value).type === AST_NODE_TYPES.Identifier && (unwrap(p.value) as TSESTree.Identifier).name === local);
  return property ? removalOf(model, declaration, property) : undefined;
}

/**
 * The fixes that import the runtime and drop the old import together. When the old statement goes
 * entirely, the new import takes its place (two edits at one spot would overlap).
 */
export function importEdits(fixer: RuleFixer, model: FileModel, runtime: RuntimeImport, removal: ImportRemoval | undefined): RuleFix[] {
  if (removal?.statement && runtime.statement !== undefined) {
    return [fixer.replaceTextRange(removal.statement.range, runtime.statement)];
  }
  const fixes: RuleFix[] = [];
  if (removal) fixes.push(removal.fix(fixer));
  if (runtime.fix) fixes.push(runtime.fix(fixer));
  return fixes;
}
