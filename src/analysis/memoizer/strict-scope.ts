/**
 * Where a strict memoizer finding is worth a maintainer's time: a cache that lives longer than one
 * call, keys that are not a fixed set, and one report per nest of memoizers (whether the file ships
 * and runs for long is request/file-runtime's question).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { enclosingFunction, functionName, isFunction, unwrap, type FunctionNode } from '../syntax/ast.js';
import { exportIndex } from '../syntax/export-index.js';
import type { FileModel, MemoizerCall } from '../model/file-model.js';
import { outerExpression } from '../syntax/references.js';
import { typeOf } from '../syntax/type-tools.js';
import { outlivesRequests } from '../cache/collections.js';
import { wrappedFunction, wrappedParams, resolverArgument, hasResolver } from './memoizer-call.js';
import { isFixedType } from '../model/fixed-types.js';
import { resultsLiveOneCall } from '../promise/per-call-factories.js';

/**
 * A memoizer made inside a function and kept in a local that never leaves it (only ever called):
 * its cache is garbage when the call returns, whatever it holds meanwhile.
 */
export function diesWithCall(call: MemoizerCall, model: FileModel): boolean {
  const node = outerExpression(call.node);
  if (!enclosingFunction(node)) return false;
  const parent = node.parent;
  // `memoize(fn)(x)`: used once and dropped.
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node) return true;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== node || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = model.sourceCode.scopeManager?.getDeclaredVariables(parent)[0];
  if (!variable) return false;
  const scopeBlock = variable.scope.variableScope.block;
  if (scopeBlock.type === AST_NODE_TYPES.Program) return false;
  return variable.references.every((ref) => {
    if (ref.init) return true;
    const use = outerExpression(ref.identifier);
    // Called, or read as a callback of an array method in the same call (`ids.map(getRate)`).
    if (use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use) return true;
    return use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee.type === AST_NODE_TYPES.MemberExpression && ['map', 'forEach', 'filter', 'some', 'every', 'reduce', 'flatMap', 'find'].includes(use.parent.callee.property.type === AST_NODE_TYPES.Identifier ? use.parent.callee.property.name : '');
  });
}

/**
 * A memoizer a factory hands back itself (`function makeDedupedInserter() { return memoize(…); }`,
 * `const cached = (fn) => memoize(fn)`), where every call of the factory, in its file and in the
 * modules importing it, keeps the result only while the calling function runs (`const getOrInsert =
 * makeDedupedInserter();` inside a job): each cache lives for one call.
 */
export function diesWithFactoryCall(call: MemoizerCall, model: FileModel): boolean {
  const node = outerExpression(call.node);
  const parent = node.parent;
  const factory = parent?.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) : parent && isFunction(parent) && parent.body === node ? parent : undefined;
  return factory !== undefined && resultsLiveOneCall(factory, model);
}

/** The function that makes, at each call, the object literal it returns with the memoizer as a property (`return { find: memoize(…) }`). */
function returningFactory(call: MemoizerCall): FunctionNode | undefined {
  const node = outerExpression(call.node);
  const property = node.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== node) return undefined;
  const object = outerExpression(property.parent);
  const holder = object.parent;
  if (holder?.type === AST_NODE_TYPES.ReturnStatement) return enclosingFunction(holder);
  const fn = enclosingFunction(object);
  return fn && fn.body === object ? fn : undefined;
}

/**
 * A memoizer in the object a function makes and returns at each call (`function lookups(ctx) { return
 * { findUser: memoize(…) }; }`): its cache lives as long as the caller keeps that object, which
 * nothing shows to be long, unless the function is called while a module loads (here, or by an
 * importer of its export), making one object for the process.
 */
export function diesWithResult(call: MemoizerCall, model: FileModel): boolean {
  const factory = returningFactory(call);
  if (!factory) return false;
  const name = functionName(factory);
  if (name === undefined) return true;
  const calledAtLoad = model.calls.some((c) => {
    const callee = unwrap(c.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === name && enclosingFunction(c) === undefined;
  });
  if (calledAtLoad) return false;
  for (const [exportName, values] of exportIndex(model)) {
    const exported = values.some((value) => {
      const v = unwrap(value);
      return v === factory || (v.type === AST_NODE_TYPES.Identifier && v.name === name);
    });
    if (exported && model.inProject && model.project.calledAtModuleLevelElsewhere(model, exportName)) return false;
  }
  return true;
}

/** The class whose instances hold the memoizer: a non-static field's value, or `this.x = memoize(…)` in the constructor. */
function instanceClass(call: MemoizerCall): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const node = outerExpression(call.node);
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === node && !parent.static) {
    return parent.parent.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.right !== node) return undefined;
  const left = parent.left;
  if (left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const fn = enclosingFunction(parent);
  const method = fn?.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'constructor') return undefined;
  return method.parent.parent;
}

/**
 * A memoizer held by each instance of a class that nothing shows to be a singleton (made once at
 * module level, a singleton provider): its cache lives as long as an instance we cannot see.
 */
export function diesWithInstance(call: MemoizerCall, model: FileModel): boolean {
  const cls = instanceClass(call);
  return cls !== undefined && !outlivesRequests(cls, model);
}

/**
 * Memoizer calls lexically inside another one's arguments (`memoize((a) => memoize((b) => f(a, b)))`):
 * one of `outers` (memoizer call nodes) is an ancestor of the call. A walk up the tree, not a test of
 * every pair: a module of thousands of memoizers asks for each.
 */
export function insideMemoizer(call: MemoizerCall, outers: ReadonlySet<TSESTree.Node>): boolean {
  for (let node: TSESTree.Node | undefined = call.node.parent; node; node = node.parent) if (outers.has(node)) return true;
  return false;
}

/** A parameter whose annotation (or the checker's type) allows only a fixed set of values. */
function hasFixedValues(param: TSESTree.Parameter, model: FileModel): boolean {
  const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  const binding = target.type === AST_NODE_TYPES.AssignmentPattern ? target.left : target;
  if (binding.type !== AST_NODE_TYPES.Identifier) return false;
  const annotation = binding.typeAnnotation?.typeAnnotation;
  if (annotation) return isFixedType(annotation, model);
  const tools = model.types;
  const type = tools ? typeOf(tools, binding) : undefined;
  if (!tools || !type) return false;
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((t) => t.isLiteral() || (t.flags & (tools.ts.TypeFlags.BooleanLike | tools.ts.TypeFlags.EnumLike | tools.ts.TypeFlags.Undefined | tools.ts.TypeFlags.Null)) !== 0);
}

/**
 * Every argument the memoizer keys on takes one of a fixed set of values (a literal union, an enum,
 * a boolean): the cache holds at most that many entries, bounded in practice.
 */
export function keysFromFixedSet(call: MemoizerCall, model: FileModel): boolean {
  const wrapped = wrappedFunction(call, model);
  if (!wrapped?.node) return false;
  const params = wrappedParams(wrapped, model);
  if (!params || params.length === 0 || params.some((p) => p.rest)) return false;
  // A key function of its own picks the key: we do not follow it.
  if (hasResolver(call) || resolverArgument(call) !== undefined) return false;
  const keyed = call.spec.keying === 'first-arg' ? params.slice(0, 1) : params;
  return keyed.every((p) => p.node !== undefined && hasFixedValues(p.node, model));
}

