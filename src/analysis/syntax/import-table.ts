/**
 * What a file imports: local name → (module, export), from ESM imports and top-level `require`s, and
 * lookups of a call's callee in the memoizer catalog through that table.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { memberName, propertyName, unwrap } from './ast.js';
import type { CacheClassSpec, MemoizerSource } from '../catalog/memoizer-catalog.js';

/** `export` is an export name, `default`, or `*` for a namespace / a whole CommonJS module. */
export interface ImportBinding {
  module: string;
  export: string;
}

export type ImportTable = ReadonlyMap<string, ImportBinding>;

/** The module of `require('m')`, if `node` is one. */
export function requiredModule(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const call = unwrap(node);
  if (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'require' &&
    call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof call.arguments[0].value === 'string'
  ) {
    return call.arguments[0].value;
  }
  return undefined;
}

function addRequire(table: Map<string, ImportBinding>, declarator: TSESTree.VariableDeclarator): void {
  const init = declarator.init ? unwrap(declarator.init) : undefined;
  if (!init) return;
  // const x = require('m').name / require('m').default
  if (init.type === AST_NODE_TYPES.MemberExpression && declarator.id.type === AST_NODE_TYPES.Identifier) {
    const module = requiredModule(init.object);
    const name = memberName(init);
    if (module !== undefined && name !== undefined) table.set(declarator.id.name, { module, export: name });
    return;
  }
  const module = requiredModule(init);
  if (module === undefined) return;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) {
    table.set(declarator.id.name, { module, export: '*' });
  } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
    for (const prop of declarator.id.properties) {
      if (prop.type !== AST_NODE_TYPES.Property) continue;
      const exported = propertyName(prop.key);
      const local = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
      if (exported !== undefined && local.type === AST_NODE_TYPES.Identifier) table.set(local.name, { module, export: exported });
    }
  }
}

/** Reads the import table from the top-level statements only: that is where real code imports. */
export function buildImportTable(program: TSESTree.Program): ImportTable {
  const table = new Map<string, ImportBinding>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const module = statement.source.value;
      for (const spec of statement.specifiers) {
        if (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) table.set(spec.local.name, { module, export: 'default' });
        else if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) table.set(spec.local.name, { module, export: '*' });
        else {
          const exported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value;
          table.set(spec.local.name, { module, export: exported });
        }
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) addRequire(table, declarator);
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const ref = statement.moduleReference;
      if (ref.type === AST_NODE_TYPES.TSExternalModuleReference) {
        table.set(statement.id.name, { module: ref.expression.value, export: '*' });
      }
    }
  }
  return table;
}

/** `*` (a namespace or a CommonJS module) also stands for the default export when called directly. */
function exportMatches(binding: ImportBinding, exportName: string): boolean {
  return binding.export === exportName || (binding.export === '*' && exportName === 'default');
}

interface Sourced {
  module: string;
  export: string;
}

/**
 * Finds the catalog entry a callee or constructor refers to: `memoize`, `_.memoize`,
 * `moize.infinite`, `lodash.memoize`, `require('lodash').memoize` bound to a name, ….
 */
function lookupCallee<S extends Sourced & { member?: string }>(
  callee: TSESTree.Node,
  imports: ImportTable,
  catalog: readonly S[],
): S | undefined {
  const node = unwrap(callee);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const binding = imports.get(node.name);
    if (!binding) return undefined;
    return catalog.find((entry) => entry.member === undefined && entry.module === binding.module && exportMatches(binding, entry.export));
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier) {
    const binding = imports.get(node.object.name);
    const property = memberName(node);
    if (!binding || property === undefined) return undefined;
    return catalog.find(
      (entry) =>
        entry.module === binding.module &&
        // `_.memoize` on a namespace or default import of lodash
        ((entry.member === undefined && (binding.export === '*' || binding.export === 'default') && entry.export === property) ||
          // `moize.infinite` on moize's default export
          (entry.member === property && exportMatches(binding, entry.export))),
    );
  }
  return undefined;
}

export function lookupMemoizer(callee: TSESTree.Node, imports: ImportTable, catalog: readonly MemoizerSource[]): MemoizerSource | undefined {
  return lookupCallee(callee, imports, catalog);
}

export function lookupCacheClass(callee: TSESTree.Node, imports: ImportTable, catalog: readonly CacheClassSpec[]): CacheClassSpec | undefined {
  return lookupCallee(callee, imports, catalog as readonly (CacheClassSpec & { member?: string })[]);
}

/** Whether `name` is bound to one of `modules` whole: `import http from 'node:http'`, `import * as path from 'path'`, `const path = require('path')`. */
export function isWholeModule(name: string, imports: ImportTable, modules: ReadonlySet<string>): boolean {
  const binding = imports.get(name);
  return binding !== undefined && modules.has(binding.module) && (binding.export === 'default' || binding.export === '*');
}

/**
 * Whether `callee` is one of `functions` of one of `modules`: imported by name (`createServer(…)`,
 * `join(…)`) or called on the module imported whole (`http.createServer(…)`, `path.resolve(…)`).
 */
export function isModuleFunction(callee: TSESTree.Node, imports: ImportTable, modules: ReadonlySet<string>, functions: ReadonlySet<string>): boolean {
  const node = unwrap(callee);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const binding = imports.get(node.name);
    return binding !== undefined && modules.has(binding.module) && functions.has(binding.export);
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression || !functions.has(memberName(node) ?? '')) return false;
  const object = unwrap(node.object);
  return object.type === AST_NODE_TYPES.Identifier && isWholeModule(object.name, imports, modules);
}
