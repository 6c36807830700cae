/**
 * The early bail-out: whether a file can hold anything a rule reports. Most files of a project
 * import no memoizer and keep no long-lived collection; they skip the walk and get no listeners.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { isFunction, unwrap } from '../syntax/ast.js';
import type { ImportTable } from '../syntax/import-table.js';
import { cacheClassSources, memoDecorators, type MemoizerSource } from '../catalog/memoizer-catalog.js';
import { collectionKind } from '../cache/collections.js';
import type { Collection, FileModel } from './file-model.js';
import { mayHoldPromiseSlot } from '../promise/slot-hint.js';
import { buildFolderPattern, bundleFilePattern, copyFolderPattern, minifiedFilePattern, minifiedLineLength, minifiedTextLength, vendoredFolderPattern } from '../catalog/file-roles.js';

/** Whether the file imports a memoizer or cache library (`moize`, `mem`, … whose names the text test misses). */
function importsCatalogModule(imports: ImportTable, memoizers: readonly MemoizerSource[], text: string): boolean {
  // A module that is mostly something else (`react`, for its `cache`) counts only through that export.
  const memoizerImport = (m: MemoizerSource, binding: { module: string; export: string }): boolean =>
    m.module === binding.module && (!m.spec.requestScoped || binding.export === m.export || ((binding.export === 'default' || binding.export === '*') && text.includes(`.${m.export}(`)));
  for (const binding of imports.values()) {
    if (memoizers.some((m) => memoizerImport(m, binding)) || cacheClassSources.some((c) => c.module === binding.module)) return true;
    if (memoDecorators.some((d) => d.module === binding.module)) return true;
  }
  return false;
}

/** Whether an initialiser makes a collection, by the same test the cache analysis uses. */
function makesCollection(init: TSESTree.Expression | null | undefined, model: FileModel): boolean {
  return init != null && collectionKind(init, model) !== undefined;
}

function classHoldsCollection(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, model: FileModel): boolean {
  return cls.body.body.some((member) => {
    if (member.type === AST_NODE_TYPES.PropertyDefinition) return makesCollection(member.value, model);
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') return false;
    return (member.value.body?.body ?? []).some(
      (st) => st.type === AST_NODE_TYPES.ExpressionStatement && st.expression.type === AST_NODE_TYPES.AssignmentExpression && makesCollection(st.expression.right, model),
    );
  });
}

/** A top-level function whose body declares a collection, called at module level (`const limiter = createLimiter()`). */
function factoryHoldsCollection(program: TSESTree.Program, model: FileModel): boolean {
  const called = new Set<string>();
  const bodies = new Map<string, TSESTree.Node>();
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) bodies.set(declaration.id.name, declaration.body);
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of declaration.declarations) {
      const init = d.init ? unwrap(d.init) : undefined;
      if (init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier) called.add(init.callee.name);
      if (d.id.type === AST_NODE_TYPES.Identifier && init && isFunction(init)) bodies.set(d.id.name, init.body);
    }
  }
  // Exported factories may be called at module level by another module of the project.
  const exported = program.body.flatMap((st) => (st.type === AST_NODE_TYPES.ExportNamedDeclaration && st.declaration?.type === AST_NODE_TYPES.FunctionDeclaration && st.declaration.id ? [st.declaration.id.name] : []));
  for (const name of model.inProject ? [...called, ...exported] : called) {
    const body = bodies.get(name);
    if (body?.type !== AST_NODE_TYPES.BlockStatement) continue;
    const declares = body.body.some((st) => st.type === AST_NODE_TYPES.VariableDeclaration && st.declarations.some((d) => makesCollection(d.init, model)));
    if (declares) return true;
  }
  return false;
}

/** A server decoration with a collection literal or a constructed value: `app.decorate('cache', new Map())`. */
const DECORATES_STORE = /\.decorate\(\s*['"`][\w$]+['"`]\s*,\s*(?:new\s|\{\s*\}|\[\s*\]|Object\.create\()/;

/**
 * The early bail-out: a file that imports no memoizer, memoizing decorator or cache library, writes no module-level
 * collection and declares no top-level class holding one has nothing any rule reports, and skips the walk.
 */
export function mayHoldCache(model: FileModel, moduleCollections: readonly Collection[]): boolean {
  const { program } = model;
  if (model.localMemoizers.size > 0 || importsCatalogModule(model.imports, model.memoizerSources, model.sourceCode.text)) return true;
  if (moduleCollections.some((c) => c.writes.length > 0)) return true;
  if (factoryHoldsCollection(program, model)) return true;
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of declaration.declarations) {
        const init = d.init ? unwrap(d.init) : undefined;
        if (init?.type === AST_NODE_TYPES.ClassExpression && classHoldsCollection(init, model)) return true;
      }
    } else if ((declaration.type === AST_NODE_TYPES.ClassDeclaration || declaration.type === AST_NODE_TYPES.ClassExpression) && classHoldsCollection(declaration, model)) {
      return true;
    }
  }
  // A promise kept in a slot filled once and reused (`x ??= load()`, `if (!this.p) this.p = load()`).
  if (mayHoldPromiseSlot(model.sourceCode.text)) return true;
  // `fastify.decorate('cache', new Map())` anywhere (often inside a plugin function): the server holds it.
  if (DECORATES_STORE.test(model.sourceCode.text)) return true;
  // Last, as it reads the files this one imports: calls of memoized functions that another file of
  // the project exports (`formatMoney({ … })`).
  return model.inProject && model.project.importedMemoizedBindings(model).size > 0;
}

/**
 * A build product or a copy rather than the project's source: a minified file (by name, or by lines
 * averaging hundreds of characters), a bundler's hashed output or a framework's build folder, a file in a vendored folder, or an
 * unbuilt backup of the project's own files (by its path in its project, and from the outermost package
 * above it: a backup folder that holds a package.json of its own). Its findings would point into code nobody edits here or
 * nothing runs, and a fix would rewrite a generated file.
 */
export function isCopiedOrBuiltCode(filename: string, paths: readonly string[], text: string): boolean {
  if (minifiedFilePattern.test(filename) || paths.some((inFolder) => [bundleFilePattern, buildFolderPattern, vendoredFolderPattern, copyFolderPattern].some((pattern) => pattern.test(inFolder)))) return true;
  if (text.length < minifiedTextLength) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length / lines >= minifiedLineLength;
}
