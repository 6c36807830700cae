/**
 * The per-file model every rule reads: one walk of the file collects the memoizer calls, the
 * long-lived collections, the functions and what they call. It is kept in a WeakMap keyed by the
 * file's SourceCode, so the rules of one lint share it and nothing outlives the file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from './node-types.js';
import { calleeName, enclosingFunction, functionName, propertyName, unwrap, walk, type FunctionNode } from './ast.js';
import { buildImportTable, lookupCacheClass, lookupMemoizer, type ImportTable } from './imports.js';
import { cacheClassSources, type CacheClassSpec, type MemoizerSource, type MemoizerSpec } from './memoizer-catalog.js';
import { readSettings, type MemoGuardSettings } from './settings.js';
import { typeTools, type TypeTools } from './types.js';
import type { FunctionFacts } from './functions.js';
import { findCollections, type Collection } from './collections.js';
import { findHandlerPath, type HandlerPath } from './handlers.js';

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
}

export interface FileModel {
  sourceCode: Readonly<SourceCode>;
  filename: string;
  program: TSESTree.Program;
  imports: ImportTable;
  settings: MemoGuardSettings;
  types: TypeTools | undefined;
  facts: FunctionFacts;
  memoizerCalls: MemoizerCall[];
  /** Every function of the file, and the functions known by each name. */
  functions: FunctionNode[];
  functionsByName: Map<string, FunctionNode[]>;
  /** Names each function calls or passes as a callback (`undefined`: module level). */
  callsByFunction: Map<FunctionNode | undefined, string[]>;
  /** Functions declared directly inside each function. */
  nestedFunctions: Map<FunctionNode, FunctionNode[]>;
  /** Every call and `new` expression, for the handler and cache analyses. */
  calls: TSESTree.CallExpression[];
  classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[];
  /** `this.x` and `Name.x` member expressions, by property name. */
  membersByName: Map<string, TSESTree.MemberExpression[]>;
  /** Variables initialised at any level by `new X()` / `X()`: name → callee name. */
  initialisers: Map<string, string>;
  cacheClass(node: TSESTree.Node): CacheClassSpec | undefined;
  /** Computed on first use. */
  collections(): Collection[];
  handlerPath(): HandlerPath;
}

const models = new WeakMap<object, FileModel>();

/** Whether the file imports a memoizer or cache library (`moize`, `mem`, … whose names the text test misses). */
function importsCatalogModule(imports: ImportTable, settings: MemoGuardSettings): boolean {
  for (const binding of imports.values()) {
    if (settings.memoizers.some((m) => m.module === binding.module) || cacheClassSources.some((c) => c.module === binding.module)) return true;
  }
  return false;
}

/** Files that mention none of these cannot hold a cache or a memoizer; they skip the walk. */
const relevantText = /memo|Memo|cache|Cache|new\s+(?:Map|Set)\b|Object\.create\(null\)|=\s*\{\s*\}|=\s*\[\s*\]|Selector|lru|LRU/;

function bindingOf(call: TSESTree.Node): { name: string | undefined; isVariable: boolean } {
  let node: TSESTree.Node = call;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression)) node = node.parent;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return { name: parent.id.name, isVariable: true };
  if ((parent?.type === AST_NODE_TYPES.PropertyDefinition || parent?.type === AST_NODE_TYPES.Property) && !parent.computed) return { name: propertyName(parent.key), isVariable: false };
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return { name: calleeName(parent.left), isVariable: parent.left.type === AST_NODE_TYPES.Identifier };
  return { name: undefined, isVariable: false };
}

function memoizerCallOf(node: TSESTree.CallExpression, source: MemoizerSource): MemoizerCall {
  const { spec } = source;
  const fnIndex = spec.fnArg < 0 ? node.arguments.length - 1 : spec.fnArg;
  const fnArg = node.arguments[fnIndex];
  const optionsArg = spec.optionsArg === undefined ? undefined : node.arguments[spec.optionsArg];
  const binding = bindingOf(node);
  const options = optionsArg && unwrap(optionsArg).type === AST_NODE_TYPES.ObjectExpression ? (unwrap(optionsArg) as TSESTree.ObjectExpression) : undefined;
  return {
    node,
    source,
    spec,
    fnArg: fnArg && fnArg.type !== AST_NODE_TYPES.SpreadElement ? fnArg : undefined,
    options,
    bindingName: binding.name,
    bindingIsVariable: binding.isVariable,
  };
}

function buildModel(sourceCode: Readonly<SourceCode>, filename: string, settings: MemoGuardSettings): FileModel {
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
    types: typeTools(sourceCode),
    facts: { asyncNames, classNames, visitorKeys },
    memoizerCalls: [],
    functions: [],
    functionsByName: new Map(),
    callsByFunction: new Map(),
    nestedFunctions: new Map(),
    calls: [],
    classes: [],
    membersByName: new Map(),
    initialisers: new Map(),
    cacheClass: (node) => lookupCacheClass(node, imports, cacheClassSources),
    collections: () => {
      const found = findCollections(model);
      model.collections = () => found;
      return found;
    },
    handlerPath: () => {
      const found = findHandlerPath(model);
      model.handlerPath = () => found;
      return found;
    },
  };
  if (!relevantText.test(sourceCode.text) && !importsCatalogModule(imports, settings)) return model;

  const addCall = (owner: FunctionNode | undefined, name: string): void => {
    const list = model.callsByFunction.get(owner);
    if (list) list.push(name);
    else model.callsByFunction.set(owner, [name]);
  };

  walk(program, visitorKeys, (node) => {
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
          if (node.async || (node.returnType?.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference && calleeName(node.returnType.typeAnnotation.typeName) === 'Promise')) asyncNames.add(name);
        }
        const outer = enclosingFunction(node);
        if (outer) {
          const list = model.nestedFunctions.get(outer);
          if (list) list.push(node);
          else model.nestedFunctions.set(outer, [node]);
        }
        break;
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (node.type === AST_NODE_TYPES.CallExpression) {
          model.calls.push(node);
          const source = lookupMemoizer(node.callee, imports, settings.memoizers);
          if (source) model.memoizerCalls.push(memoizerCallOf(node, source));
        }
        const owner = enclosingFunction(node);
        const name = calleeName(node.callee);
        if (name !== undefined) addCall(owner, name);
        // Functions passed by name as callbacks (`items.map(normalize)`, `app.get('/', handler)`) are reached too.
        for (const arg of node.arguments) {
          const value = unwrap(arg);
          if (value.type === AST_NODE_TYPES.Identifier) addCall(owner, value.name);
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
        if (node.id) classNames.add(node.id.name);
        break;
      case AST_NODE_TYPES.MemberExpression: {
        if (node.computed) break;
        const object = node.object.type;
        if (object === AST_NODE_TYPES.ThisExpression || object === AST_NODE_TYPES.Identifier) {
          const name = propertyName(node.property);
          if (name === undefined) break;
          const list = model.membersByName.get(name);
          if (list) list.push(node);
          else model.membersByName.set(name, [node]);
        }
        break;
      }
      default:
        break;
    }
  });
  return model;
}

/** The model of the file being linted, built on first use by any rule. */
export function getFileModel(context: Readonly<RuleContext<string, readonly unknown[]>>): FileModel {
  const sourceCode = context.sourceCode;
  let model = models.get(sourceCode);
  if (!model) {
    model = buildModel(sourceCode, context.filename, readSettings(context.settings));
    models.set(sourceCode, model);
  }
  return model;
}

