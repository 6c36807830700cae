/**
 * Builds the per-file model: the tables one walk of a file fills (memoizer calls, functions, calls,
 * classes), for the file ESLint lints (its walk is ESLint's own, see linted-file.ts) and for the
 * project's other files (a walk of their own).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, functionName, isFunction, unwrap, type FunctionNode } from '../syntax/ast.js';
import { buildImportTable, lookupCacheClass, lookupMemoizer } from '../syntax/import-table.js';
import { cacheClassSources, type CacheClassSpec, type MemoizerSource, type MemoizerSpec } from '../catalog/memoizer-catalog.js';
import type { MemoGuardSettings } from '../catalog/settings.js';
import { typeTools } from '../syntax/type-tools.js';
import { isCopiedOrBuiltCode, mayHoldCache } from './bail-out.js';
import { unwrapBind } from '../syntax/ast.js';
import type { FileModel, MemoizerCall, ProjectIndex } from './file-model.js';
import { findClassCollections, findModuleCollections } from '../cache/collections.js';
import { findHandlerPath } from '../request/handlers.js';
import { isRequestFile } from '../request/file-runtime.js';
import { calledParameter, localMemoizers, ruleOn } from '../memoizer/in-house-memoizers.js';
import { callRefOf, type CallRef } from '../syntax/call-targets.js';
import { bindingOf, loopBindingNames } from '../memoizer/memoized-binding.js';
import { callCannotReject, callCannotThrow, holdsPlainValue } from '../promise/promise-flow.js';

/** Models of the project's other files, by their SourceCode (the project index's own parse). */
const models = new WeakMap<object, FileModel>();

function memoizerCallOf(node: TSESTree.CallExpression, source: MemoizerSource, model: FileModel): MemoizerCall {
  const spec = versionedMemoizer(source, model.filename, model.project);
  const fnIndex = spec.fnArg < 0 ? node.arguments.length - 1 : spec.fnArg;
  const fnArg = node.arguments[fnIndex];
  const optionsArg = spec.optionsArg === undefined ? undefined : node.arguments[spec.optionsArg];
  const binding = bindingOf(node);
  const options = optionsArg && unwrap(optionsArg).type === AST_NODE_TYPES.ObjectExpression ? (unwrap(optionsArg) as TSESTree.ObjectExpression) : undefined;
  // An option that switches the keying (memoizee `primitive: true`): the call keys that way.
  const switched = spec.keyingOptions?.find(({ option }) => ruleOn(options, option));
  return {
    node,
    source,
    spec: switched ? { ...spec, keying: switched.keying } : spec,
    fnArg: fnArg && fnArg.type !== AST_NODE_TYPES.SpreadElement ? fnArg : undefined,
    options,
    bindingName: binding.name,
    bindingIsVariable: binding.isVariable,
    bindingNames: binding.name !== undefined ? [binding.name] : loopBindingNames(node),
  };
}

/** A cache class as the version the file's package declares behaves. */
function versionedCacheClass(spec: CacheClassSpec | undefined, filename: string, project: ProjectIndex): CacheClassSpec | undefined {
  if (!spec?.before) return spec;
  const major = project.declaredMajor(filename, spec.module);
  return major !== undefined && major < spec.before.major ? { ...spec, bounded: spec.before.bounded, boundOptions: spec.before.boundOptions, sizeArg: spec.before.sizeArg, label: `${spec.label} ${String(major)}` } : spec;
}

/** A memoizer's spec as the major version the file's package declares behaves with promises and bounds. */
function versionedMemoizer(source: MemoizerSource, filename: string, project: ProjectIndex): MemoizerSpec {
  const { spec } = source;
  if (!spec.promiseSafeBefore && !spec.boundedBefore) return spec;
  const major = project.declaredMajor(filename, source.module);
  if (major === undefined) return spec;
  let versioned = spec;
  const older = spec.promiseSafeBefore?.find((entry) => major < entry.major);
  if (older) versioned = { ...versioned, promiseSafe: older.promiseSafe, promiseOption: undefined };
  const bounds = spec.boundedBefore && major < spec.boundedBefore.major ? spec.boundedBefore : undefined;
  if (bounds) versioned = { ...versioned, bounded: bounds.bounded, ttlOptions: bounds.ttlOptions };
  return versioned === spec ? spec : { ...versioned, label: `${spec.label} ${String(major)}` };
}

/**
 * The model of one file, before its walk. `inProject`: the file sits in a project on disk whose other
 * files `project` can read; `lintTarget`: the file is the one ESLint lints (not one the index reads).
 */
export function buildModel(sourceCode: Readonly<SourceCode>, filename: string, settings: MemoGuardSettings, project: ProjectIndex, inProject: boolean, lintTarget = true): FileModel {
  const program = sourceCode.ast;
  const imports = buildImportTable(program);
  const visitorKeys = sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const asyncNames = new Set<string>();
  const classNames = new Set<string>();
  const model: FileModel = {
    sourceCode,
    filename: filename.replace(/\\/g, '/'),
    program,
    imports,
    settings,
    memoizerSources: settings.memoizers,
    inProject,
    onDisk: inProject || !lintTarget,
    project,
    localMemoizers: new Map(),
    types: typeTools(sourceCode),
    facts: { asyncNames, classNames, visitorKeys },
    memoizerCalls: [],
    functions: [],
    functionsByName: new Map(),
    callsByFunction: new Map(),
    nestedFunctions: new Map(),
    calls: [],
    classes: [],
    initialisers: new Map(),
    cacheClass: (node) => versionedCacheClass(lookupCacheClass(node, imports, cacheClassSources), filename, project),
    active: false,
    functionStack: [],
    lastEntered: undefined,
    lastExited: undefined,
    collections: () => [],
    handlerPath: () => {
      const found = findHandlerPath(model);
      model.handlerPath = () => found;
      return found;
    },
  };

  model.facts.callCannotReject = (call) => callCannotReject(call, model);
  model.facts.callCannotThrow = (call) => callCannotThrow(call, model);
  model.facts.holdsPlainValue = (name) => holdsPlainValue(name, model);
  // Tests, mocks, benchmarks and stories never run in production: nothing there leaks or serves a
  // stale rejection to a user, so the file being linted is not checked (another file's model, built
  // for the project index, still is: its handlers are what it is read for). Nor is minified or vendored code.
  if (!lintTarget || (isRequestFile(model.filename, project) && !isCopiedOrBuiltCode(model.filename, [project.pathInProject(model.filename), project.pathInOutermostPackage(model.filename)], sourceCode.text))) {
    model.localMemoizers = localMemoizers(model);
    if (inProject) model.memoizerSources = [...settings.memoizers, ...project.importedProjectMemoizers(model)];
    const moduleCollections = findModuleCollections(model);
    model.collections = () => {
      const found = [...moduleCollections, ...findClassCollections(model)];
      model.collections = () => found;
      return found;
    };
    model.active = mayHoldCache(model, moduleCollections);
  } else {
    model.collections = () => [];
  }
  return model;
}

/** A memoizer call inside a function that memoizes the function's own parameter: a wrapper's body. */
function wrapsOwnParameter(node: TSESTree.CallExpression, source: MemoizerSource, owner: FunctionNode | undefined, model: FileModel): boolean {
  if (!owner) return false;
  const index = source.spec.fnArg < 0 ? node.arguments.length - 1 : source.spec.fnArg;
  const arg = node.arguments[index];
  const fn = arg ? unwrapBind(arg) : undefined;
  const params = owner.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p.name : undefined));
  if (fn?.type === AST_NODE_TYPES.Identifier) return params.includes(fn.name);
  // A shim around the parameter: `memoize(async (...args) => { try { return await f(...args); } catch … })`.
  return isFunction(fn) && calledParameter(fn, params, model.facts.visitorKeys) !== -1;
}

function addCall(model: FileModel, owner: FunctionNode | undefined, ref: CallRef): void {
  const list = model.callsByFunction.get(owner);
  if (list) list.push(ref);
  else model.callsByFunction.set(owner, [ref]);
}

/** Records what the rules need of one node; `owner` is the innermost function around it. */
export function recordNode(model: FileModel, node: TSESTree.Node, owner: FunctionNode | undefined): void {
  switch (node.type) {
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.FunctionDeclaration: {
      model.functions.push(node);
      const name = functionName(node);
      if (name !== undefined) {
        const list = model.functionsByName.get(name);
        if (list) list.push(node);
        else model.functionsByName.set(name, [node]);
        if (node.async || (node.returnType?.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference && calleeName(node.returnType.typeAnnotation.typeName) === 'Promise')) model.facts.asyncNames.add(name);
      }
      if (owner) {
        const list = model.nestedFunctions.get(owner);
        if (list) list.push(node);
        else model.nestedFunctions.set(owner, [node]);
      }
      break;
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        model.calls.push(node);
        const source = (node.callee.type === AST_NODE_TYPES.Identifier ? model.localMemoizers.get(node.callee.name) : undefined) ?? lookupMemoizer(node.callee, model.imports, model.memoizerSources);
        // `function memo(fn) { return _.memoize(fn) }` defines a memoizer: its callers are judged, not this call.
        if (source && !wrapsOwnParameter(node, source, owner, model)) model.memoizerCalls.push(memoizerCallOf(node, source, model));
      }
      const ref = callRefOf(node.callee);
      if (ref) addCall(model, owner, ref);
      // Functions passed as callbacks (`items.map(normalize)`, `app.get('/', handler)`, `app.use(this.check)`) are reached too.
      for (const arg of node.arguments) {
        const value = unwrap(arg);
        const passed = value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression ? callRefOf(value) : undefined;
        if (passed) addCall(model, owner, passed);
      }
      break;
    }
    case AST_NODE_TYPES.VariableDeclarator: {
      const init = node.init ? unwrap(node.init) : undefined;
      if (node.id.type === AST_NODE_TYPES.Identifier && init && (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.NewExpression)) {
        const name = calleeName(init.callee);
        if (name !== undefined) model.initialisers.set(node.id.name, name);
      }
      break;
    }
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      model.classes.push(node);
      if (node.id) model.facts.classNames.add(node.id.name);
      break;
    default:
      break;
  }
}

/**
 * The complete model of another file of the project (parsed by the project index): filled by a walk
 * of its own, since ESLint is not visiting it, and never bailed out, since its handlers matter too.
 * It sees the memoizers the file defines itself, not those it imports (one level of the project at a time).
 */
export function buildProjectFileModel(sourceCode: Readonly<SourceCode>, filename: string, settings: MemoGuardSettings, project: ProjectIndex): FileModel {
  let model = models.get(sourceCode);
  if (model) return model;
  model = buildModel(sourceCode, filename, settings, project, false, false);
  models.set(sourceCode, model);
  model.active = true;
  const visitorKeys = model.facts.visitorKeys;
  const stack: FunctionNode[] = [];
  const visit = (node: TSESTree.Node): void => {
    recordNode(model, node, stack[stack.length - 1]);
    const isFn = isFunction(node);
    if (isFn) stack.push(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child as (TSESTree.Node | null)[]) if (item) visit(item);
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        visit(child as TSESTree.Node);
      }
    }
    if (isFn) stack.pop();
  };
  visit(model.program);
  return model;
}

