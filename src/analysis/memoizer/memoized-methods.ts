/**
 * Memoized methods whose one cache serves every instance of a class: memoizers assigned to a
 * prototype, module-level or static memoizers over functions that read `this`, and method
 * decorators that keep their cache on the prototype (the catalog's `memoDecorators` says how each
 * decorator stores its cache).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { decoratorsOf, isFunction, memberName, propertyName, unwrap, walkNodes } from '../syntax/ast.js';
import type { FileModel, MemoizerCall } from '../model/file-model.js';
import { wrappedFunction } from './memoizer-call.js';
import { outerExpression, usesThis } from '../syntax/references.js';
import type { ImportBinding } from '../syntax/import-table.js';
import { type DecoratorSpec, memoDecorators } from '../catalog/memoizer-catalog.js';
import { outlivesRequests } from '../cache/collections.js';

function decoratorBinding(expression: TSESTree.Node, model: FileModel): ImportBinding | undefined {
  let node = unwrap(expression);
  if (node.type === AST_NODE_TYPES.CallExpression) node = unwrap(node.callee);
  if (node.type === AST_NODE_TYPES.Identifier) return model.imports.get(node.name);
  if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier) {
    // `@decko.memoize` on a namespace or default import.
    const binding = model.imports.get(node.object.name);
    const property = memberName(node);
    return binding && property !== undefined && (binding.export === '*' || binding.export === 'default') ? { module: binding.module, export: property } : undefined;
  }
  return undefined;
}

function methodUsesThis(method: TSESTree.Node, model: FileModel): boolean {
  return method.type === AST_NODE_TYPES.MethodDefinition && method.value.type === AST_NODE_TYPES.FunctionExpression && usesThis(method.value, model.facts.visitorKeys);
}

/** The catalogued memoizing decorator `decorator` is (`@Memoize()`, `@memoize`, `@decko.memoize`), on a method or accessor. */
function memoDecoratorOf(decorator: TSESTree.Decorator, model: FileModel): DecoratorSpec | undefined {
  if (decorator.parent.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
  const binding = decoratorBinding(decorator.expression, model);
  if (!binding) return undefined;
  return memoDecorators.find((d) => d.module === binding.module && (d.export === binding.export || (binding.export === '*' && d.export === 'default')));
}

/** A memoizing decorator on a method (not an accessor) and what it is: how every rule meets one. */
export interface MemoizedMethod {
  decorator: TSESTree.Decorator;
  method: TSESTree.MethodDefinition;
  fn: TSESTree.FunctionExpression;
  spec: DecoratorSpec;
  /** The cache lives on each instance (not on the prototype, and not for a static method). */
  perInstance: boolean;
}

function memoizedMethod(decorator: TSESTree.Decorator, model: FileModel): MemoizedMethod | undefined {
  const method = decorator.parent;
  if (method.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'method' || method.value.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  const spec = memoDecoratorOf(decorator, model);
  if (!spec) return undefined;
  return { decorator, method, fn: method.value, spec, perInstance: !spec.shared && !method.static };
}

const memoizedMethodsOf = new WeakMap<FileModel, MemoizedMethod[]>();

/** Every method of the file's classes with a memoizing decorator, found once per file (at `Program:exit`, the classes are all recorded). */
export function memoizedMethods(model: FileModel): readonly MemoizedMethod[] {
  let found = memoizedMethodsOf.get(model);
  if (found) return found;
  found = [];
  for (const cls of model.classes) {
    for (const member of cls.body.body) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition) continue;
      for (const decorator of decoratorsOf(member)) {
        const memoized = memoizedMethod(decorator, model);
        if (memoized) found.push(memoized);
      }
    }
  }
  memoizedMethodsOf.set(model, found);
  return found;
}

/** Whether the method's cache outlives a request: once per class, or on a singleton's instance. */
export function methodCacheOutlivesRequests(memoized: MemoizedMethod, model: FileModel): boolean {
  return !memoized.perInstance || outlivesRequests(memoized.method.parent.parent, model);
}

/** How the decorator is written, without its arguments, for messages: `Memoize` for `@Memoize({ … })`, `decko.memoize`. */
export function decoratorName(decorator: TSESTree.Decorator, sourceCode: { getText(node: TSESTree.Node): string }): string {
  return sourceCode.getText(decorator.expression).replace(/\(.*$/s, '');
}

/** Whether a memoizing decorator is given a key function (`@Memoize((a, b) => …)`, `@Memoize(true)`, `@Memoize({ hashFunction })`). */
export function decoratorHasKeyFunction(decorator: TSESTree.Decorator, spec: DecoratorSpec): boolean {
  const expression = unwrap(decorator.expression);
  if (expression.type !== AST_NODE_TYPES.CallExpression || spec.keyArg === undefined) return false;
  const arg = expression.arguments[spec.keyArg];
  if (arg === undefined) return false;
  const value = unwrap(arg);
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') return false;
  if (value.type === AST_NODE_TYPES.Literal) return value.value === true;
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return true;
  return value.properties.some((prop) => prop.type !== AST_NODE_TYPES.Property || (!prop.computed && propertyName(prop.key) === spec.keyOption));
}

/** A decorator on an instance method whose memoizer keeps one cache for the whole class, and what it is. */
export function sharedDecorator(decorator: TSESTree.Decorator, model: FileModel): DecoratorSpec | undefined {
  const member = decorator.parent;
  if (member.type !== AST_NODE_TYPES.MethodDefinition || member.static) return undefined;
  const spec = memoDecoratorOf(decorator, model);
  // A method that never reads `this` returns the same for every instance: sharing its cache is harmless.
  return spec?.shared && methodUsesThis(member, model) ? spec : undefined;
}

function isPrototype(node: TSESTree.Node): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.MemberExpression && memberName(target) === 'prototype';
}

/** `X.prototype.m = memoize(…)`, `X.prototype = { m: memoize(…) }`, `Object.assign(X.prototype, { m: memoize(…) })`. */
function onPrototype(call: TSESTree.CallExpression): boolean {
  const node = outerExpression(call);
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) return parent.left.type === AST_NODE_TYPES.MemberExpression && isPrototype(parent.left.object);
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== node) return false;
  const object = parent.parent;
  const holder = object.parent as TSESTree.Node | undefined;
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression) return isPrototype(holder.left);
  if (holder?.type === AST_NODE_TYPES.CallExpression && holder.callee.type === AST_NODE_TYPES.MemberExpression && memberName(holder.callee) === 'assign') {
    const target = holder.arguments[0];
    return target !== undefined && isPrototype(target);
  }
  return false;
}

/** The memoizer's cache lives once per program: at module level, or in a static field or block. */
function sharedByProgram(call: TSESTree.CallExpression): boolean {
  for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.PropertyDefinition) return node.static;
    if (node.type === AST_NODE_TYPES.StaticBlock) return true;
    // A module-level object literal is a singleton: its `this` is always the same object.
    if (node.type === AST_NODE_TYPES.Property && !onPrototype(call)) return false;
  }
  return true;
}

/**
 * How the call's resolver (a function argument or option) uses the instance: `bare` keys on the
 * instance object itself, `field` on something read from it (`this.id`), `undefined` not at all.
 */
function resolverUsesInstance(call: MemoizerCall, model: FileModel): 'bare' | 'field' | undefined {
  const resolvers: TSESTree.Node[] = call.node.arguments.filter((arg) => arg !== call.fnArg);
  for (const prop of call.options?.properties ?? []) if (prop.type === AST_NODE_TYPES.Property) resolvers.push(prop.value);
  let use: 'bare' | 'field' | undefined;
  for (const resolver of resolvers) {
    if (!isFunction(resolver) || resolver.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    walkNodes(resolver.body, model.facts.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.ThisExpression) {
        const bare = !(node.parent.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node);
        use = bare ? 'bare' : (use ?? 'field');
      }
      return use !== 'bare' && node.type !== AST_NODE_TYPES.FunctionExpression && node.type !== AST_NODE_TYPES.FunctionDeclaration;
    });
  }
  return use;
}

export type MethodLeak = 'shared' | 'retains';

/**
 * A memoizer call whose one cache serves many receivers: on a prototype, or at module / static level
 * over a function that reads `this`. `retains` when the key is the instance itself (it keeps every
 * instance alive); `shared` when the key leaves `this` out (instances get each other's results).
 */
export function methodCacheLeak(call: MemoizerCall, model: FileModel): MethodLeak | undefined {
  const prototype = onPrototype(call.node);
  if (!prototype && !sharedByProgram(call.node)) return undefined;
  const wrapped = wrappedFunction(call, model);
  if (!wrapped) return undefined;
  const fnArg = call.fnArg ? unwrap(call.fnArg) : undefined;
  const ofPrototypeMethod = fnArg?.type === AST_NODE_TYPES.MemberExpression && isPrototype(fnArg.object);
  const readsThis = wrapped.node ? usesThis(wrapped.node, model.facts.visitorKeys) : prototype || ofPrototypeMethod;
  if (!readsThis) return undefined;
  const resolver = resolverUsesInstance(call, model);
  // A resolver that reads `this.id` keys on the instance's identity: correct, and nothing is retained.
  return resolver === 'bare' ? 'retains' : resolver === 'field' ? undefined : 'shared';
}

/** The text of a per-instance replacement: a WeakMap from each instance to its own memoized function. */
export function perInstanceText(call: MemoizerCall, model: FileModel): string | undefined {
  const args = call.node.arguments;
  if (!call.fnArg || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const text = (node: TSESTree.Node): string => model.sourceCode.getText(node);
  const parts = args.map((arg) => (arg === call.fnArg ? `(${text(arg)}).bind(this)` : text(arg)));
  const memoized = `${text(call.node.callee)}(${parts.join(', ')})`;
  return `(() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = ${memoized}; byInstance.set(this, memoized); } return memoized.apply(this, args); }; })()`;
}
