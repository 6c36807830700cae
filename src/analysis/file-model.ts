/**
 * The per-file model every rule reads: one walk of the file collects the memoizer calls, the
 * long-lived collections, the functions and what they call. It is kept in a WeakMap keyed by the
 * file's SourceCode, so the rules of one lint share it and nothing outlives the file.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, RuleListener, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from './node-types.js';
import { calleeName, functionName, isFunction, unwrap, type FunctionNode } from './ast.js';
import { buildImportTable, lookupCacheClass, lookupMemoizer, type ImportTable } from './imports.js';
import { cacheClassSources, memoDecorators, type CacheClassSpec, type MemoizerSource, type MemoizerSpec } from './memoizer-catalog.js';
import { readSettings, type MemoGuardSettings } from './settings.js';
import { typeTools, type TypeTools } from './types.js';
import { unwrapBind, type FunctionFacts } from './functions.js';
import { collectionKind, findClassCollections, findModuleCollections, type Collection } from './collections.js';
import { findHandlerPath, isRequestFile, type HandlerPath } from './handlers.js';
import { calledParameter, localMemoizers, ruleOn } from './memoizer-shape.js';
import { callRefOf, type CallRef } from './call-targets.js';
import { bindingOf, loopBindingNames } from './memoized-binding.js';
import { importedMemoizedBindings, importedProjectMemoizers } from './project/index.js';
import { declaredMajor } from './project/packages.js';
import { callCannotReject } from './promise-flow.js';

export interface MemoizerCall {
  node: TSESTree.CallExpression;
  source: MemoizerSource;
  spec: MemoizerSpec;
  /** The wrapped function as written in the call (inline, an identifier, `this.m.bind(this)`). */
  fnArg: TSESTree.Node | undefined;
  options: TSESTree.ObjectExpression | undefined;
  /** The name the memoized function is bound to (`const getUser = memoize(…)`, `getUser = memoize(…)` field). */
  bindingName: string | undefined;
  /** `true` for `const name = memoize(…)` (called as `name()`), `false` for fields and properties (`this.name()`). */
  bindingIsVariable: boolean;
  /**
   * Every name the memoized function is called by: the binding's, or each name of a constructor loop
   * (`for (const m of ['find', 'count']) this[m] = memoize(this[m].bind(this))`); empty when unknown.
   */
  bindingNames: readonly string[];
}

export interface FileModel {
  sourceCode: Readonly<SourceCode>;
  filename: string;
  program: TSESTree.Program;
  imports: ImportTable;
  settings: MemoGuardSettings;
  /** The catalog this file is checked against: settings and built-ins, then the project's own memoizers it imports or defines. */
  memoizerSources: readonly MemoizerSource[];
  /** Whether the file sits in a project on disk, whose other files the project index can read. */
  inProject: boolean;
  /** Memoizers defined in this file by shape (a function that returns a caching closure), by local name. */
  localMemoizers: ReadonlyMap<string, MemoizerSource>;
  types: TypeTools | undefined;
  /** Filled while the file is visited. */
  facts: FunctionFacts & { asyncNames: Set<string>; classNames: Set<string> };
  memoizerCalls: MemoizerCall[];
  /** Every function of the file, and the functions known by each name. */
  functions: FunctionNode[];
  functionsByName: Map<string, FunctionNode[]>;
  /** What each function calls or passes as a callback, by name and receiver (`undefined`: module level). */
  callsByFunction: Map<FunctionNode | undefined, CallRef[]>;
  /** Functions declared directly inside each function. */
  nestedFunctions: Map<FunctionNode, FunctionNode[]>;
  /** Every call and `new` expression, for the handler and cache analyses. */
  calls: TSESTree.CallExpression[];
  classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[];
  /** Variables initialised at any level by `new X()` / `X()`: name → callee name. */
  initialisers: Map<string, string>;
  cacheClass(node: TSESTree.Node): CacheClassSpec | undefined;
  /** `false` when the early bail-out found nothing to analyse: the listeners then record nothing. */
  active: boolean;
  /** The functions around the node being visited, innermost last. */
  functionStack: FunctionNode[];
  /** The last node recorded on enter and on exit: the rules share one set of listeners' work. */
  lastEntered: TSESTree.Node | undefined;
  lastExited: TSESTree.Node | undefined;
  /** Computed on first use. */
  collections(): Collection[];
  handlerPath(): HandlerPath;
}

const models = new WeakMap<object, FileModel>();

/** Whether the file imports a memoizer or cache library (`moize`, `mem`, … whose names the text test misses). */
function importsCatalogModule(imports: ImportTable, memoizers: readonly MemoizerSource[]): boolean {
  for (const binding of imports.values()) {
    if (memoizers.some((m) => m.module === binding.module) || cacheClassSources.some((c) => c.module === binding.module)) return true;
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
function mayHoldCache(model: FileModel, moduleCollections: readonly Collection[]): boolean {
  const { program } = model;
  if (model.localMemoizers.size > 0 || importsCatalogModule(model.imports, model.memoizerSources)) return true;
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
  // `fastify.decorate('cache', new Map())` anywhere (often inside a plugin function): the server holds it.
  if (DECORATES_STORE.test(model.sourceCode.text)) return true;
  // Last, as it reads the files this one imports: calls of memoized functions that another file of
  // the project exports (`formatMoney({ … })`).
  return model.inProject && importedMemoizedBindings(model).size > 0;
}

function memoizerCallOf(node: TSESTree.CallExpression, source: MemoizerSource): MemoizerCall {
  const { spec } = source;
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
function versioned(spec: CacheClassSpec | undefined, filename: string): CacheClassSpec | undefined {
  if (!spec?.before) return spec;
  const major = declaredMajor(filename, spec.module);
  return major !== undefined && major < spec.before.major ? { ...spec, bounded: spec.before.bounded, boundOptions: spec.before.boundOptions, label: `${spec.label} ${String(major)}` } : spec;
}

function buildModel(sourceCode: Readonly<SourceCode>, filename: string, settings: MemoGuardSettings, project: boolean, lintTarget = true): FileModel {
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
    inProject: project,
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
    cacheClass: (node) => versioned(lookupCacheClass(node, imports, cacheClassSources), filename),
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
  // Tests, mocks, benchmarks and stories never run in production: nothing there leaks or serves a
  // stale rejection to a user, so the file being linted is not checked (another file's model, built
  // for the project index, still is: its handlers are what it is read for).
  if (!lintTarget || isRequestFile(model.filename)) {
    model.localMemoizers = localMemoizers(model);
    if (project) model.memoizerSources = [...settings.memoizers, ...importedProjectMemoizers(model)];
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
function recordNode(model: FileModel, node: TSESTree.Node, owner: FunctionNode | undefined): void {
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
        if (source && !wrapsOwnParameter(node, source, owner, model)) model.memoizerCalls.push(memoizerCallOf(node, source));
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
 * The listeners that fill the model during ESLint's own traversal, so the file is walked once. Every
 * rule spreads them into its listener object; whichever rule sees a node first records it, the others
 * see that it is done. The model is complete at `Program:exit`, where the rules read it.
 */
export function modelListeners(context: Readonly<RuleContext<string, readonly unknown[]>>): RuleListener {
  const model = getFileModel(context);
  // Files the early bail-out rules out get no listeners at all: nothing to record, nothing to pay.
  if (!model.active) return {};
  const enter = (node: TSESTree.Node): void => {
    if (model.lastEntered === node) return;
    model.lastEntered = node;
    const stack = model.functionStack;
    recordNode(model, node, stack[stack.length - 1]);
    if (isFunction(node)) stack.push(node);
  };
  const exit = (node: TSESTree.Node): void => {
    if (model.lastExited === node) return;
    model.lastExited = node;
    model.functionStack.pop();
  };
  return {
    ArrowFunctionExpression: enter,
    FunctionExpression: enter,
    FunctionDeclaration: enter,
    'ArrowFunctionExpression:exit': exit,
    'FunctionExpression:exit': exit,
    'FunctionDeclaration:exit': exit,
    CallExpression: enter,
    NewExpression: enter,
    VariableDeclarator: enter,
    ClassDeclaration: enter,
    ClassExpression: enter,
  };
}

/** The model of the file being linted, built on first use by any rule. */
export function getFileModel(context: Readonly<RuleContext<string, readonly unknown[]>>): FileModel {
  const sourceCode = context.sourceCode;
  let model = models.get(sourceCode);
  if (!model) {
    model = buildModel(sourceCode, context.filename, readSettings(context.settings), isOnDisk(context.filename));
    models.set(sourceCode, model);
  }
  return model;
}

/** A file with a real path has a project around it; `<input>` and `<text>` (stdin, RuleTester without a filename) do not. */
function isOnDisk(filename: string): boolean {
  return path.isAbsolute(filename);
}

/**
 * The complete model of another file of the project (parsed by the project index): filled by a walk
 * of its own, since ESLint is not visiting it, and never bailed out, since its handlers matter too.
 * It sees the memoizers the file defines itself, not those it imports (one level of the project at a time).
 */
export function buildProjectFileModel(sourceCode: Readonly<SourceCode>, filename: string, settings: MemoGuardSettings): FileModel {
  let model = models.get(sourceCode);
  if (model) return model;
  model = buildModel(sourceCode, filename, settings, false, false);
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

