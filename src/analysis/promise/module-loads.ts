/**
 * Promises that only load code or do local work: `import('./parser.js')`, `import('pkg').then((m) => m.default)`,
 * `Promise.all([import('a'), import('b')])`, or an async function run at once whose every `await`
 * is such a load (`(async () => { const { a } = await import('a'); return a(); })()`); and local work
 * through the modules of catalog/local-work.ts (`await readFile(template)`, `await build({ … })`).
 * On a server a module that fails to load or to evaluate, or a file of its own that is missing or
 * broken, is a broken deployment, and trying again fails the same way, so keeping the rejection
 * replays nothing a retry would fix. In a browser a chunk that failed to download is fetched again
 * on the next `import()`, so there it stays a (minor) finding.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { isFunction, memberName, unwrap, walk, walkNodes } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { functionOfVariable, resolveIdentifier } from '../syntax/references.js';
import { runsInBrowser } from '../request/file-runtime.js';
import { builtInCollections, builtInDataConstructors, localWorkModules } from '../catalog/local-work.js';
import { settlingMethods } from '../catalog/promise-sources.js';
import { bodyCannotFail, isPromiseExpression, returnedExpressions } from './returns-promise.js';
import { importedFunction } from './imported-functions.js';
import { newValues, valuesGiven } from './store-reads.js';

const MAX_DEPTH = 4;

/** Array methods a picking callback may use on what was loaded (`mods.map((m) => m.default)`). */
const ARRAY_PICKS: ReadonlySet<string> = new Set(['map', 'filter', 'find', 'flatMap', 'slice', 'concat']);

/**
 * A callback that only picks from the loaded module (`(m) => m.default`, `({ parse }) => parse`,
 * `(mods) => mods.map((m) => m.default)`, `(m) => new Set([...m.default, ...extra])`): no await, no
 * constructor but a built-in collection's, no call but array picking.
 */
export function picksOnly(fn: TSESTree.Node, model: FileModel): boolean {
  const written = unwrap(fn);
  // `.then(interopDefault)`: a picking function of the file, by its name.
  const node = written.type === AST_NODE_TYPES.Identifier ? (functionOfVariable(resolveIdentifier(model.sourceCode, written)) ?? written) : written;
  if (!isFunction(node) || node.body.type === AST_NODE_TYPES.BlockStatement) return false;
  let pure = true;
  walk(node.body, model.facts.visitorKeys, (inner) => {
    if (inner.type === AST_NODE_TYPES.NewExpression && !(inner.callee.type === AST_NODE_TYPES.Identifier && builtInCollections.has(inner.callee.name))) pure = false;
    if (inner.type === AST_NODE_TYPES.AwaitExpression || inner.type === AST_NODE_TYPES.ImportExpression) pure = false;
    if (inner.type === AST_NODE_TYPES.CallExpression && !(inner.callee.type === AST_NODE_TYPES.MemberExpression && ARRAY_PICKS.has(memberName(inner.callee) ?? ''))) pure = false;
  });
  return pure;
}

/**
 * A callback that works in place on what was loaded and hands back no new promise (`(svg) =>
 * \`data:image/svg+xml;base64,${encodeBase64(svg)}\``, `(context) => { context.registerFontData(font);
 * return context; }`): not async, no `await` or `import()`, no constructor but a built-in one of plain
 * data, and nothing it returns is a promise (`fetch(…)`, a `.then` chain). Work on what the load gave
 * fails as the load does; a callback that goes on to fetch is judged by what it fetches.
 */
function worksInPlace(fn: TSESTree.Node, model: FileModel): boolean {
  const node = unwrap(fn);
  if (!isFunction(node) || node.async || node.generator) return false;
  const unsafe: TSESTree.Node[] = [];
  walk(node.body, model.facts.visitorKeys, (inner) => {
    if (inner.type === AST_NODE_TYPES.AwaitExpression || inner.type === AST_NODE_TYPES.ImportExpression) unsafe.push(inner);
    if (inner.type === AST_NODE_TYPES.NewExpression && !(inner.callee.type === AST_NODE_TYPES.Identifier && builtInDataConstructors.has(inner.callee.name))) unsafe.push(inner);
  });
  return unsafe.length === 0 && returnedExpressions(node, model.facts).every((value) => !isPromiseExpression(value, model.facts));
}

/** An async function whose every `await` waits for a module load or local work. */
function loadingBody(fn: TSESTree.Node, model: FileModel, depth: number): boolean {
  const node = unwrap(fn);
  if (!isFunction(node) || !node.async) return false;
  let awaits = 0;
  let onlyLoads = true;
  walkNodes(node.body, model.facts.visitorKeys, (inner) => {
    // A function written in the body (`groupDevices: async (id) => { await pg.list(id) }` handed to what
    // was loaded) awaits when it is called later, not while this promise settles.
    if (inner !== node.body && isFunction(inner)) return false;
    if (inner.type !== AST_NODE_TYPES.AwaitExpression && !(inner.type === AST_NODE_TYPES.ForOfStatement && inner.await)) return true;
    awaits++;
    if (inner.type !== AST_NODE_TYPES.AwaitExpression || !onlyLoadsModules(inner.argument, model, depth + 1)) onlyLoads = false;
    return true;
  });
  return awaits > 0 && onlyLoads;
}

/**
 * `readFile(path)`, `fs.promises.readdir(dir)`, `build({ … })`, `postcss(plugins).process(css)`,
 * `sharp(file).metadata()`: a call whose chain starts at an import from a module that does local work.
 */
function localWorkCall(call: TSESTree.CallExpression, model: FileModel): boolean {
  let root: TSESTree.Node = unwrap(call.callee);
  for (;;) {
    // `readFile(f).then(cb)`: what follows the work is the callback's, judged on its own (see `onlyLoadsModules`).
    if (root.type === AST_NODE_TYPES.MemberExpression && settlingMethods.has(memberName(root) ?? '')) return false;
    if (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    else if (root.type === AST_NODE_TYPES.CallExpression) root = unwrap(root.callee);
    else break;
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = model.imports.get(root.name);
  return binding !== undefined && localWorkModules.has(binding.module);
}

/**
 * Whether a promise only loads modules or does local work (reads the server's own files, bundles or
 * processes them), and so rejects only when the code or its files are broken.
 */
export function onlyLoadsModules(value: TSESTree.Node, model: FileModel, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.ImportExpression) return true;
  // `let pending = moduleCache.get(name); if (!pending) { pending = import(name); … }`: what the variable is given, reads of the store aside.
  if (node.type === AST_NODE_TYPES.Identifier) {
    const given = valuesGiven(node, model).flatMap((g) => newValues(g));
    return given.length > 0 && given.every((g) => onlyLoadsModules(g, model, depth + 1));
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  if (localWorkCall(node, model)) return true;
  const callee = unwrap(node.callee);
  // `(async () => { … await import('x') … })()`.
  if (isFunction(callee)) return node.arguments.length === 0 && loadingBody(callee, model, depth);
  // `buildOptions()`, an async function of the file that only loads modules, or one another file of the
  // project exports (`createBackendFromDriver(config)`, which awaits `import(config.driver)` alone).
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const local = functionOfVariable(resolveIdentifier(model.sourceCode, callee));
    if (local) return loadingBody(local, model, depth);
    const imported = importedFunction(model, callee.name);
    return imported !== undefined && loadingBody(imported.fn, imported.model, depth);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  const object = unwrap(callee.object);
  // `Promise.all([import('a'), import('b')])`.
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise' && (method === 'all' || method === 'allSettled')) {
    const list = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
    return list?.type === AST_NODE_TYPES.ArrayExpression && list.elements.length > 0 && list.elements.every((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && onlyLoadsModules(e, model, depth + 1));
  }
  // `import('x').then((m) => m.default)`.
  // `newContext().then((context) => { context.registerFontData(font); return context; })`: work in place on what was loaded.
  if (method === 'then' && node.arguments.length === 1 && node.arguments[0]) return (picksOnly(node.arguments[0], model) || worksInPlace(node.arguments[0], model)) && onlyLoadsModules(object, model, depth + 1);
  // `import('./postgres.ts').finally(() => { logger.info('Using Postgres'); })`: settles as the load does.
  const onSettled = method === 'finally' && node.arguments.length === 1 ? node.arguments[0] : undefined;
  if (onSettled && isFunction(onSettled) && bodyCannotFail(onSettled, model.facts)) return onlyLoadsModules(object, model, depth + 1);
  return false;
}

/**
 * `import x from './m'`, `import { a } from "./m"`, `import './m'`, `export { a } from './m'`: a static load
 * of a value (not `import type`), with its specifier. The text between `import` and `from` holds no quote.
 */
const STATIC_VALUE_IMPORT = /^[ \t]*(?:import(?![ \t]+type[\s{])[^'"`;]*?\bfrom|import|export[^'"`;]*?\bfrom)\s*['"]([^'"\n]+)['"]/gm;

/**
 * Whether a project file another serving file loads statically: a bundler puts it in that file's chunk
 * instead of one of its own (Vite warns that the dynamic import "will not move module into another
 * chunk"), so `import()` of it fetches nothing that could fail and succeed later.
 */
function loadedStaticallyElsewhere(file: string, model: FileModel): boolean {
  return model.project.servingImporterFiles(file).some(({ file: importer, text }) => {
    if (importer === model.filename) return false;
    for (const match of text.matchAll(STATIC_VALUE_IMPORT)) if (match[1] !== undefined && model.project.resolve(match[1], importer) === file) return true;
    return false;
  });
}

/**
 * A promise that only loads modules of the project, in a browser, each of which another serving file
 * imports statically (`Promise.all([import('../markdown-config'), import('../highlight')])` beside the
 * editor's `import { codeLanguages } from './markdown-config'`): nothing is fetched, so nothing a retry
 * would fix can fail.
 */
function loadsOnlyBundledModules(value: TSESTree.Node, model: FileModel): boolean {
  const loads: TSESTree.ImportExpression[] = [];
  walk(value, model.facts.visitorKeys, (inner) => {
    if (inner.type === AST_NODE_TYPES.ImportExpression) loads.push(inner);
  });
  return (
    loads.length > 0 &&
    loads.every((load) => {
      const source = load.source;
      if (source.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') return false;
      const file = model.project.resolve(source.value, model.filename);
      return file !== undefined && loadedStaticallyElsewhere(file, model);
    }) &&
    onlyLoadsModules(value, model)
  );
}

/**
 * A promise that only loads modules or does local work, kept on a server: its rejection is permanent
 * anyway; or one that loads, in a browser, only modules already bundled with a static importer.
 */
export function loadRetryWouldNotFix(value: TSESTree.Node, model: FileModel): boolean {
  if (!runsInBrowser(model)) return onlyLoadsModules(value, model);
  return loadsOnlyBundledModules(value, model);
}

/**
 * A memoized function of the file that only loads modules or does local work, on a server: an async
 * one whose every `await` is such work (`memoize(doBundle)`), or a plain one whose every returned
 * promise is (`() => IS_DB_ENABLED ? import('./postgres.ts') : import('./fake-db.ts')`).
 */
export function serverLocalFunction(fn: TSESTree.Node, model: FileModel): boolean {
  if (runsInBrowser(model)) return false;
  if (loadingBody(fn, model, 0)) return true;
  const node = unwrap(fn);
  if (!isFunction(node) || node.async || node.generator) return false;
  const returned = returnedExpressions(node, model.facts);
  return returned.length > 0 && returned.every((value) => onlyLoadsModules(value, model));
}
