/**
 * The summary of one file (see model/file-summary.ts): what the project index asks of a file it
 * reads for another, computed in one pass over the file's syntax tree, which can then be dropped.
 * Only what the file alone shows: imports are recorded as written, not followed.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../syntax/node-types.js';
import { isFunction, memberName, unwrap, walkNodes } from '../../syntax/ast.js';
import { buildImportTable, lookupMemoizer, type ImportTable } from '../../syntax/import-table.js';
import { exportIndex } from '../../syntax/export-index.js';
import { moduleLevelValue } from '../../syntax/module-values.js';
import { declaredLifetime, instanceSites, mayMakeInstances, topLevelClasses } from '../../syntax/instantiations.js';
import { memberRoot } from '../../syntax/references.js';
import type { MemoizerSource } from '../../catalog/memoizer-catalog.js';
import type { MemoGuardSettings } from '../../catalog/settings.js';
import { localMemoizers, memoizerShapeOf } from '../../memoizer/in-house-memoizers.js';
import type { ExportedCallee, FileSummary, MemoizerValue, ModuleLevelUse, SummaryReexport } from '../../model/file-summary.js';


/** How many module-level names one value may go through; the reader applies its own depth limit on top. */
const MAX_STEPS = 5;

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** The parts of a file the summary is read from. */
interface SummarySource {
  program: TSESTree.Program;
  text: string;
  filename: string;
  imports: ImportTable;
  settings: MemoGuardSettings;
  visitorKeys: VisitorKeys;
  localMemoizers: ReadonlyMap<string, MemoizerSource>;
}

const escape = (name: string): string => name.replace(/\$/g, '\\$');

/** A value of the file as a memoizer, as far as the file alone shows (mirrors the project index's reading of it). */
function memoizerValue(value: TSESTree.Node, source: SummarySource, steps: number): MemoizerValue | undefined {
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const local = source.localMemoizers.get(node.name);
    if (local) return { spec: local.spec };
    const init = moduleLevelValue(source, node.name);
    if (init) {
      const inner = steps < MAX_STEPS ? memoizerValue(init, source, steps + 1) : undefined;
      return inner ? { step: inner } : undefined;
    }
    const binding = source.imports.get(node.name);
    if (!binding) return undefined;
    const catalog = lookupMemoizer(node, source.imports, source.settings.memoizers);
    return catalog ? { spec: catalog.spec } : { import: { module: binding.module, export: binding.export === '*' ? 'default' : binding.export } };
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const catalog = lookupMemoizer(node, source.imports, source.settings.memoizers);
    return catalog ? { spec: catalog.spec } : undefined;
  }
  if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) {
    const spec = memoizerShapeOf(node, { text: source.text, imports: source.imports, memoizers: source.settings.memoizers, visitorKeys: source.visitorKeys });
    if (spec) return { spec };
    // A wrapper around a memoizer of the project: which imports the body calls, for the reader to look up.
    const body = source.text.slice(node.range[0], node.range[1]);
    const candidates: { module: string; export: string }[] = [];
    for (const [local, binding] of source.imports) {
      if (!binding.module.startsWith('.') || binding.export === '*' || !new RegExp(`(?<![\\w$.])${escape(local)}\\s*\\(`).test(body)) continue;
      candidates.push({ module: binding.module, export: binding.export });
    }
    return candidates.length > 0 ? { wrapper: candidates } : undefined;
  }
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    const members: Record<string, MemoizerValue> = {};
    let any = false;
    for (const prop of node.properties) {
      if (prop.type !== AST_NODE_TYPES.Property || prop.computed || prop.key.type !== AST_NODE_TYPES.Identifier) continue;
      const found = memoizerValue(prop.value, source, steps);
      if (found) {
        members[prop.key.name] = found;
        any = true;
      }
    }
    return any ? { members } : undefined;
  }
  return undefined;
}

/** The callee of an exported call: a memoizer the file knows, and the import it goes through. */
function calleeOf(call: TSESTree.CallExpression, source: SummarySource): ExportedCallee {
  const callee = unwrap(call.callee);
  const known =
    (callee.type === AST_NODE_TYPES.Identifier && source.localMemoizers.has(callee.name)) || lookupMemoizer(call.callee, source.imports, source.settings.memoizers) !== undefined;
  const root = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : callee;
  const binding = root.type === AST_NODE_TYPES.Identifier ? source.imports.get(root.name) : undefined;
  const member = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (!binding || (callee.type === AST_NODE_TYPES.MemberExpression && member === undefined)) return { known };
  return { known, import: { module: binding.module, export: binding.export, ...(member !== undefined ? { member } : {}) } };
}

/** The value the file gives an export, as `exportedValue` decides it: the first value that is not a bare name, or a name's initialiser. */
function exportedValueOf(values: readonly TSESTree.Node[], source: SummarySource): ExportedCallee | 'other' | undefined {
  for (const value of values) {
    let node = unwrap(value);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const local = moduleLevelValue(source, node.name);
      if (!local) continue;
      node = unwrap(local);
    }
    return node.type === AST_NODE_TYPES.CallExpression ? calleeOf(node, source) : 'other';
  }
  return undefined;
}

/** Calls made while the module loads, through each imported name. */
function moduleLevelUses(source: SummarySource): Map<string, ModuleLevelUse> {
  const uses = new Map<string, ModuleLevelUse>();
  const useOf = (local: string): ModuleLevelUse => {
    let use = uses.get(local);
    if (!use) {
      use = { direct: false, members: [] };
      uses.set(local, use);
    }
    return use;
  };
  // Calls outside every function: the walk does not enter functions.
  walkNodes(source.program, source.visitorKeys, (node) => {
    if (isFunction(node)) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return true;
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && source.imports.has(callee.name)) useOf(callee.name).direct = true;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const root = memberRoot(callee.object);
      if (root.type === AST_NODE_TYPES.Identifier && source.imports.has(root.name)) {
        const use = useOf(root.name);
        // A computed member still calls through the name.
        const member = memberName(callee) ?? '';
        if (!use.members.includes(member)) use.members.push(member);
      }
    }
    return true;
  });
  return uses;
}

/** The file's re-exports, in statement order. */
export function reexportsOf(program: TSESTree.Program, imports: ImportTable): SummaryReexport[] {
  const found: SummaryReexport[] = [];
  // An imported binding exported again (`export const clearRouteCache = cacheClear`, `export { cacheClear as clear }`): a re-export under that name.
  const again = (local: string, exported: string): void => {
    const binding = imports.get(local);
    if (binding) found.push({ kind: 'named', module: binding.module, imported: binding.export, exported });
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      // Without a source, a specifier's local is always a name of this module.
      for (const spec of statement.specifiers) again(spec.local.name, spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : spec.exported.value);
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const') {
        for (const d of declaration.declarations) {
          const init = d.init ? unwrap(d.init) : undefined;
          if (d.id.type === AST_NODE_TYPES.Identifier && init?.type === AST_NODE_TYPES.Identifier) again(init.name, d.id.name);
        }
      }
    }
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
      // `export * as ns from` re-exports one name, the namespace.
      if (statement.exported === null) found.push({ kind: 'all', module: statement.source.value });
      else found.push({ kind: 'named', module: statement.source.value, imported: '*', exported: statement.exported.name });
    }
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source) {
      for (const spec of statement.specifiers) {
        const imported = spec.local.type === AST_NODE_TYPES.Identifier ? spec.local.name : spec.local.value;
        const exported = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : spec.exported.value;
        found.push({ kind: 'named', module: statement.source.value, imported, exported });
      }
    }
  }
  return found;
}

/** The summary of a parsed file. */
export function summarize(syntax: { ast: TSESTree.Program; text: string; visitorKeys: VisitorKeys }, filename: string, settings: MemoGuardSettings): FileSummary {
  const program = syntax.ast;
  const imports = buildImportTable(program);
  const { text, visitorKeys } = syntax;
  const found = localMemoizers({ program, sourceCode: { text }, imports, settings, facts: { visitorKeys }, filename });
  const source: SummarySource = { program, text, filename, imports, settings, visitorKeys, localMemoizers: found };
  const uses = moduleLevelUses(source);
  const summary: FileSummary = {
    imports: [...imports].map(([local, binding]) => {
      const use = uses.get(local);
      return { local, module: binding.module, export: binding.export, ...(use ? { moduleLevel: use } : {}) };
    }),
    exports: [],
    memoizers: {},
    reexports: reexportsOf(program, imports),
    values: {},
    instances: {},
    lifetimes: {},
  };
  const classes = topLevelClasses(program);
  for (const [name, cls] of classes) {
    const lifetime = declaredLifetime(cls);
    if (lifetime) summary.lifetimes[name] = lifetime;
  }
  if (mayMakeInstances(text)) {
    for (const [name, sites] of instanceSites(program, visitorKeys, new Set([...imports.keys(), ...classes.keys()]))) summary.instances[name] = sites;
  }
  for (const [name, values] of exportIndex({ program })) {
    summary.exports.push(name);
    const memoizers = values.map((value) => memoizerValue(value, source, 0)).filter((v): v is MemoizerValue => v !== undefined);
    if (memoizers.length > 0) summary.memoizers[name] = memoizers;
    const decided = exportedValueOf(values, source);
    if (decided !== undefined) summary.values[name] = decided;
  }
  return summary;
}
