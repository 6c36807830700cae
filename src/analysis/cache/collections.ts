/**
 * Hand-rolled caches: long-lived collections (module-level, `static`, fields of singletons) and
 * how the file uses them: written with computed keys, evicted, size-checked, or handed elsewhere.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, enclosingFunction, isFunction, isInfinity, isIterationCallback, isLiteralKey, memberName, propertyName, unwrap, walk, type FunctionNode } from '../syntax/ast.js';
import { serverDecorateMethods, serverOfRequest } from '../catalog/handler-catalog.js';
import { declaredLifetime } from '../syntax/instantiations.js';
import { moduleLevelValue } from '../syntax/module-values.js';
import type { CacheClassSpec } from '../catalog/memoizer-catalog.js';
import type { Collection, CollectionKind, FileModel } from '../model/file-model.js';
import { moduleFactoryCalls, projectFactories } from './module-factories.js';
import { evictingMethods, harmlessCalls, readingMethods, writingMethods } from '../catalog/collection-methods.js';
import { valueDef } from '../syntax/references.js';

/** `new DataLoader(fn, { cache: false })`: the options bound a cache class that is unbounded by default. */
function boundedByOptions(spec: CacheClassSpec, node: TSESTree.NewExpression, model: FileModel): CacheClassSpec {
  const bound = spec.unboundArg === undefined ? undefined : node.arguments[spec.unboundArg];
  if (bound && isInfinity(bound)) return { ...spec, bounded: false };
  if (spec.bounded || !spec.boundOptions) return spec;
  // `new LRU(200)`, `new LRU(MAX_ENTRIES)`: a number where the class takes its size.
  const size = spec.sizeArg === undefined ? undefined : node.arguments[spec.sizeArg];
  if (size && isNumber(size, model)) return { ...spec, bounded: true };
  // `new Keyv('redis://…')`, `new Keyv(new KeyvRedis(…))`: the entries live in the external store.
  if (spec.externalStoreArg && node.arguments.some((arg) => unwrap(arg).type !== AST_NODE_TYPES.ObjectExpression)) return { ...spec, bounded: true };
  const last = node.arguments[node.arguments.length - 1];
  const options = last ? unwrap(last) : undefined;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return spec;
  const bounded = options.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement || spec.boundOptions?.includes(propertyName(p.key) ?? ''));
  return bounded ? { ...spec, bounded: true } : spec;
}

/** A finite number written out (`200`, `10 * 1000`), or a module-level constant holding one. */
function isNumber(arg: TSESTree.Node, model: FileModel, hops = 0): boolean {
  const node = unwrap(arg);
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'number' && Number.isFinite(node.value);
  if (node.type === AST_NODE_TYPES.BinaryExpression) return node.left.type !== AST_NODE_TYPES.PrivateIdentifier && isNumber(node.left, model, hops) && isNumber(node.right, model, hops);
  if (node.type !== AST_NODE_TYPES.Identifier || hops > 1) return false;
  const value = moduleLevelValue(model, node.name);
  return value !== undefined && isNumber(value, model, hops + 1);
}

/** What a literal initialiser makes, or `undefined` when it is not a collection. */
export function collectionKind(init: TSESTree.Expression, model: FileModel): { kind: CollectionKind; cacheClass?: CacheClassSpec } | undefined {
  const made = constructedValue(init, model);
  if (made !== init) return collectionKind(made, model);
  const node = unwrap(init);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return node.properties.length === 0 ? { kind: 'object' } : undefined;
  if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.length === 0 ? { kind: 'array' } : undefined;
  if (node.type === AST_NODE_TYPES.NewExpression) {
    if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Map') return { kind: 'map' };
    if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Set') return { kind: 'set' };
    const cacheClass = model.cacheClass(node.callee);
    return cacheClass ? { kind: 'cache-class', cacheClass: boundedByOptions(cacheClass, node, model) } : undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // `Object.create(null)`
    const callee = node.callee;
    if (callee.type === AST_NODE_TYPES.MemberExpression && calleeName(callee.object) === 'Object' && memberName(callee) === 'create' && node.arguments[0]?.type === AST_NODE_TYPES.Literal && node.arguments[0].value === null) return { kind: 'object' };
    const cacheClass = model.cacheClass(callee);
    return cacheClass ? { kind: 'cache-class', cacheClass } : undefined;
  }
  return undefined;
}

/**
 * The expression that makes the collection: `init` itself, or, for the process-wide singleton kept on
 * `globalThis` so hot reloads reuse it (Next.js), its constructor: `globalForCache.cache ?? new Map()`,
 * `g.cache || (g.cache = new Map())`, `globalThis.cache ??= new Map()`.
 */
export function constructedValue(init: TSESTree.Expression, model: FileModel): TSESTree.Expression {
  const node = unwrap(init);
  if (node.type === AST_NODE_TYPES.LogicalExpression && (node.operator === '??' || node.operator === '||') && isGlobalSlot(node.left, model)) {
    return constructedValue(node.right, model);
  }
  if (node.type === AST_NODE_TYPES.AssignmentExpression && ['??=', '||=', '='].includes(node.operator) && isGlobalSlot(node.left, model)) return constructedValue(node.right, model);
  return init;
}

/** The global object, as named in code: `globalThis`, `global`. */
const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'global']);

/** `globalThis.x`, `(globalThis as any).x`, or `g.x` where `const g = globalThis as unknown as { … }`. */
function isGlobalSlot(node: TSESTree.Node, model: FileModel): boolean {
  const slot = unwrap(node);
  if (slot.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(slot.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  if (GLOBAL_OBJECTS.has(object.name)) return true;
  const def = valueDef(moduleScope(model)?.set.get(object.name));
  const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrap(def.node.init) : undefined;
  return init?.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(init.name);
}

/** Calls that remove entries or empty a store, by name: `cache.delete(k)`, `evictOldest()`, `trim()`. */
const removalCall = /^(?:delete|clear|clearAll|splice|shift|pop|prune|purgeStale|evict|trim|sweep|purge|reset|flush|drop|remove)|(?:evict|trim|prune|sweep|purge|cleanup|clean|remove|delete|clear)/i;

/**
 * Whether a size check bounds the collection: the branch it guards removes entries, or refuses the
 * insert (`return`, `throw`, `break`). A size read for metrics or a warning log bounds nothing.
 */
function guardActs(check: TSESTree.Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  for (let node: TSESTree.Node | undefined = check.parent; node && !isFunction(node); node = node.parent) {
    if (node.type !== AST_NODE_TYPES.IfStatement && node.type !== AST_NODE_TYPES.ConditionalExpression && node.type !== AST_NODE_TYPES.WhileStatement) continue;
    if (node.type !== AST_NODE_TYPES.WhileStatement && writesOnlyBelow(check, node, visitorKeys)) return true;
    const body = node.type === AST_NODE_TYPES.WhileStatement ? node.body : node.consequent;
    let acts = false;
    walk(body, visitorKeys, (inner) => {
      if (inner.type === AST_NODE_TYPES.ReturnStatement || inner.type === AST_NODE_TYPES.ThrowStatement || inner.type === AST_NODE_TYPES.BreakStatement) acts = true;
      else if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === 'delete') acts = true;
      else if (inner.type === AST_NODE_TYPES.CallExpression && removalCall.test(calleeName(inner.callee) ?? '')) acts = true;
    });
    return acts;
  }
  return false;
}

/**
 * `if (cache.size < MAX) cache.set(k, v)`, `if (cache.size >= MAX) log(…); else cache.set(k, v)`: the
 * branch that runs only below the bound writes the collection, so it stops growing there.
 */
function writesOnlyBelow(check: TSESTree.Node, branching: TSESTree.IfStatement | TSESTree.ConditionalExpression, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  const comparison = check.parent;
  if (check.type !== AST_NODE_TYPES.MemberExpression || comparison?.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const onLeft = comparison.left === check;
  const below = onLeft ? comparison.operator === '<' || comparison.operator === '<=' : comparison.operator === '>' || comparison.operator === '>=';
  const atOrAbove = onLeft ? comparison.operator === '>' || comparison.operator === '>=' : comparison.operator === '<' || comparison.operator === '<=';
  // The comparison is the test, or (below) one of the tests it joins with `&&` (`!cache.has(k) && cache.size < MAX`),
  // or with `||` to a test that the key is already there (`cache.has(k) || cache.size < MAX`), which adds no entry.
  const holder = check.object;
  let test: TSESTree.Node = comparison;
  while (below && test.parent.type === AST_NODE_TYPES.LogicalExpression) {
    const logical: TSESTree.LogicalExpression = test.parent;
    if (logical.operator === '??' || (logical.operator === '||' && !alreadyHeld(logical.left === test ? logical.right : logical.left, holder))) break;
    test = logical;
  }
  if (test !== branching.test) return false;
  const branch = below ? branching.consequent : atOrAbove ? branching.alternate : null;
  if (!branch) return false;
  let writes = false;
  walk(branch, visitorKeys, (inner) => {
    const target = inner.type === AST_NODE_TYPES.CallExpression ? unwrap(inner.callee) : inner.type === AST_NODE_TYPES.AssignmentExpression ? inner.left : undefined;
    if (target?.type !== AST_NODE_TYPES.MemberExpression || !sameHolder(target.object, holder)) return;
    if (inner.type === AST_NODE_TYPES.AssignmentExpression ? target.computed : writingMethods.has(memberName(target) ?? '')) writes = true;
  });
  return writes;
}

/** `cache.has(k)`, `k in cache`: true only when the collection already holds the key. */
function alreadyHeld(test: TSESTree.Node, holder: TSESTree.Node): boolean {
  const node = unwrap(test);
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === 'in') return sameHolder(node.right, holder);
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'has' && sameHolder(callee.object, holder);
}

/** `cache` and `cache`, `this.cache` and `this.cache`: the same holder, written the same way. */
function sameHolder(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const x = unwrap(a);
  const y = unwrap(b);
  if (x.type === AST_NODE_TYPES.Identifier) return y.type === AST_NODE_TYPES.Identifier && x.name === y.name;
  if (x.type === AST_NODE_TYPES.ThisExpression) return y.type === AST_NODE_TYPES.ThisExpression;
  if (x.type !== AST_NODE_TYPES.MemberExpression || y.type !== AST_NODE_TYPES.MemberExpression || x.computed || y.computed) return false;
  return memberName(x) === memberName(y) && sameHolder(x.object, y.object);
}

/** `Object.keys(o)`, `Object.values(o)`, `Object.entries(o)`: arrays as long as the object has entries. */
const objectCountCalls: ReadonlySet<string> = new Set(['keys', 'values', 'entries']);

/** Sorts one use of the collection into write / eviction / size check / escape. */
function classifyRef(ref: TSESTree.Node, collection: Collection, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): void {
  const parent = ref.parent;
  if (!parent) return;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === ref) {
    const grand = parent.parent;
    if (parent.computed && !isLiteralKey(parent.property)) {
      if (grand.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) collection.writes.push({ node: grand, value: grand.right });
      else if (grand.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete') collection.evictions.push(grand);
      return;
    }
    const method = memberName(parent);
    if (method === undefined) return;
    if (grand.type === AST_NODE_TYPES.CallExpression && grand.callee === parent) {
      if (evictingMethods.has(method)) collection.evictions.push(grand);
      else if (collection.cacheClass?.writeMethods?.includes(method)) collection.writes.push({ node: grand, value: undefined });
      else if (writingMethods.has(method)) {
        const key = grand.arguments[0];
        const keyed = method === 'set';
        if (!keyed || (key && !isLiteralKey(key))) collection.writes.push({ node: grand, value: keyed ? grand.arguments[1] : grand.arguments[0] });
      } else if (!readingMethods.has(method)) collection.escapes = true;
      return;
    }
    if (method === 'size' || method === 'length') {
      if (grand.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) collection.evictions.push(grand);
      else if (guardActs(parent, visitorKeys)) collection.sizeChecks.push(parent);
      return;
    }
    if (grand.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete') collection.evictions.push(grand);
    else if (grand.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent && !parent.computed) {
      // `cache.user = v`: a fixed key, not a growing cache.
    }
    return;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref) {
    collection.evictions.push(parent);
    return;
  }
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(ref as TSESTree.CallExpressionArgument)) {
    // `if (Object.keys(histograms).length > 99) throw …`: an object's entry count, checked as a Map's size is.
    const counted = parent.parent;
    const callee = unwrap(parent.callee);
    const onObject = callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'Object';
    if (onObject && objectCountCalls.has(memberName(callee) ?? '') && counted.type === AST_NODE_TYPES.MemberExpression && counted.object === parent && memberName(counted) === 'length') {
      if (guardActs(counted, visitorKeys)) collection.sizeChecks.push(counted);
      return;
    }
    const name = calleeName(parent.callee);
    if (name === undefined || !harmlessCalls.has(name)) collection.escapes = true;
    return;
  }
  if (parent.type === AST_NODE_TYPES.ForOfStatement || parent.type === AST_NODE_TYPES.ForInStatement || parent.type === AST_NODE_TYPES.BinaryExpression || parent.type === AST_NODE_TYPES.SpreadElement || parent.type === AST_NODE_TYPES.ExportSpecifier) return;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === ref) {
    // An alias (`const c = cache`) may be evicted under another name.
    collection.escapes = true;
    return;
  }
  // Returned, or exported as a property of `module.exports`: code elsewhere may evict it. A property of any
  // other object (`stats({ cache })`, a metrics registry) only reads it.
  if (parent.type === AST_NODE_TYPES.ReturnStatement || parent.type === AST_NODE_TYPES.NewExpression) collection.escapes = true;
  if (parent.type === AST_NODE_TYPES.Property && parent.value === ref) {
    const object = parent.parent;
    const holder = object.type === AST_NODE_TYPES.ObjectExpression ? object.parent : undefined;
    if (holder?.type === AST_NODE_TYPES.AssignmentExpression || holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration) collection.escapes = true;
  }
}

/**
 * `cache.set = function (key, data) { engine.set(key, data); }`: an object given its own `set`
 * method is a facade over something else, and `cache.set(k, v)` calls that method; it adds no key
 * to the object. Such calls are not writes of it.
 */
function dropOwnMethodCalls(collection: Collection): void {
  const own = new Set<string>();
  for (const ref of collection.refs) {
    const member = ref.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref || member.computed) continue;
    const assignment = member.parent;
    const name = memberName(member);
    if (name !== undefined && assignment.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member && isFunction(unwrap(assignment.right))) own.add(name);
  }
  if (own.size === 0) return;
  collection.ownMethods = own;
  collection.writes = collection.writes.filter(({ node }) => !(node.type === AST_NODE_TYPES.CallExpression && own.has(calleeName(node.callee) ?? '')));
}

function newCollection(name: string, init: TSESTree.Expression, kind: CollectionKind, cacheClass: CacheClassSpec | undefined): Collection {
  return { name, kind, init, cacheClass, refs: [], writes: [], evictions: [], sizeChecks: [], escapes: false };
}

function moduleScope(model: FileModel): Scope.Scope | null {
  const manager = model.sourceCode.scopeManager;
  if (!manager) return null;
  const global = manager.globalScope;
  // An ES module's scope, or the function scope ESLint gives a CommonJS file (Node's module wrapper, over the whole Program).
  return global?.childScopes.find((s) => (s.type as string) === 'module' || ((s.type as string) === 'function' && s.block === global.block)) ?? global;
}

/** Module-level `const cache = new Map()` and alike, with their references from scope analysis. */
function moduleCollections(model: FileModel, out: Collection[]): void {
  const scope = moduleScope(model);
  if (!scope) return;
  for (const variable of scope.variables) {
    const def = valueDef(variable);
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init || def.node.id.type !== AST_NODE_TYPES.Identifier) continue;
    const kind = collectionKind(def.node.init, model);
    if (!kind) continue;
    const collection = newCollection(variable.name, def.node.init, kind.kind, kind.cacheClass);
    for (const reference of variable.references) {
      if (reference.init) continue;
      collection.refs.push(reference.identifier);
      classifyRef(reference.identifier, collection, model.facts.visitorKeys);
    }
    if (kind.kind === 'object') dropOwnMethodCalls(collection);
    out.push(collection);
  }
}

/** Module-level `new C()`: the class, and the variable holding the instance (none for `export default new C()`). */
function moduleLevelInstances(model: FileModel): { className: string; variable: string | undefined }[] {
  const found: { className: string; variable: string | undefined }[] = [];
  const add = (node: TSESTree.Node | null | undefined, id?: TSESTree.Node): void => {
    const value = node ? unwrap(node) : undefined;
    if (value?.type !== AST_NODE_TYPES.NewExpression) return;
    const className = calleeName(value.callee);
    if (className !== undefined) found.push({ className, variable: id?.type === AST_NODE_TYPES.Identifier ? id.name : undefined });
  };
  for (const statement of model.program.body) {
    const target = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (target?.type === AST_NODE_TYPES.VariableDeclaration) for (const d of target.declarations) add(d.init, d.id);
    else if (target) add(target);
  }
  return found;
}

/** Classes instantiated once at module level: `export default new Service()`, `const service = new Service()`. */
function classesInstantiatedAtModuleLevel(model: FileModel): Set<string> {
  return new Set(moduleLevelInstances(model).map((i) => i.className));
}

/** The module-level variables holding an instance of the class: `const pricing = new Pricing()`. */
export function moduleInstancesOf(model: FileModel, className: string | undefined): Set<string> {
  const names = new Set<string>();
  for (const { className: made, variable } of moduleLevelInstances(model)) if (made === className && variable !== undefined) names.add(variable);
  return names;
}

function isSingletonClass(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, instantiated: ReadonlySet<string>): boolean {
  const declared = declaredLifetime(cls);
  if (declared) return declared === 'long';
  const name = cls.id?.name;
  if (name === undefined) return cls.parent.type === AST_NODE_TYPES.NewExpression;
  return instantiated.has(name);
}

/** Whether one instance of the class serves every request: a Nest singleton provider, or made once at module level. */
export function outlivesRequests(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, model: FileModel): boolean {
  return isSingletonClass(cls, classesInstantiatedAtModuleLevel(model));
}

/**
 * Whether every instance of the class this file makes is made inside a function (a handler, a
 * factory called per request), and nothing says it is a singleton. A class this file never
 * instantiates may be made once elsewhere: not known, so not this.
 */
export function madePerCall(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, model: FileModel): boolean {
  const name = cls.id?.name;
  if (name === undefined || outlivesRequests(cls, model)) return false;
  const sites: TSESTree.NewExpression[] = [];
  walk(model.program, model.facts.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === name) sites.push(node);
  });
  return sites.length > 0 && sites.every((site) => enclosingFunction(site) !== undefined);
}

/** `this.x` inside the class body, and `ClassName.x` anywhere in the file (found through the class's variable). */
function memberUses(model: FileModel, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.MemberExpression[] {
  const uses: TSESTree.MemberExpression[] = [];
  walk(cls.body, model.facts.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) uses.push(node);
  });
  for (const variable of model.sourceCode.scopeManager?.getDeclaredVariables(cls) ?? []) {
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) uses.push(parent);
    }
  }
  return uses;
}

/** `static cache = new Map()`, and fields of singletons (`private cache = new Map()`, `this.cache = new Map()`). */
function classCollections(model: FileModel, out: Collection[]): void {
  if (model.classes.length === 0) return;
  const instantiated = classesInstantiatedAtModuleLevel(model);
  for (const cls of model.classes) {
    const singleton = isSingletonClass(cls, instantiated);
    const fields: { name: string; init: TSESTree.Expression; isStatic: boolean }[] = [];
    for (const member of cls.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value && !member.computed) {
        const name = propertyName(member.key);
        if (name !== undefined && (member.static || singleton)) fields.push({ name, init: member.value, isStatic: member.static });
      }
      if (singleton && member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
        for (const statement of member.value.body?.body ?? []) {
          if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
          const { left, right } = statement.expression;
          if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression) {
            const name = memberName(left);
            if (name !== undefined) fields.push({ name, init: right, isStatic: false });
          }
        }
      }
    }
    const collectionFields = fields.flatMap((field) => {
      const kind = collectionKind(field.init, model);
      return kind ? [{ ...field, kind }] : [];
    });
    if (collectionFields.length === 0) continue;
    const members = memberUses(model, cls);
    for (const field of collectionFields) {
      const { kind } = field;
      const collection = newCollection(field.name, field.init, kind.kind, kind.cacheClass);
      for (const member of members) {
        if (memberName(member) !== field.name) continue;
        const viaThis = member.object.type === AST_NODE_TYPES.ThisExpression;
        if (!viaThis && !field.isStatic) continue;
        // The constructor's own initialising assignment is not a use.
        if (member.parent.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member && member.parent.right === field.init) continue;
        collection.refs.push(member);
        classifyRef(member, collection, model.facts.visitorKeys);
      }
      out.push(collection);
    }
  }
}

/** Module-level collections come from scope analysis alone, so they can gate the walk of the file. */
export function findModuleCollections(model: FileModel): Collection[] {
  const found: Collection[] = [];
  moduleCollections(model, found);
  return found;
}

/** Collections held by classes and by factories called at module level need the walk's facts. */
export function findClassCollections(model: FileModel): Collection[] {
  const found: Collection[] = [];
  classCollections(model, found);
  factoryCollections(model, found);
  decoratedCollections(model, found);
  return found;
}

/**
 * `fastify.decorate('userCache', new Map())`: a collection the server instance holds for its whole
 * life, used as `fastify.userCache`, `this.userCache` in a route, or `request.server.userCache`.
 */
function decoratedCollections(model: FileModel, out: Collection[]): void {
  for (const call of model.calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !serverDecorateMethods.has(memberName(callee) ?? '')) continue;
    const [nameArg, init] = call.arguments;
    const name = nameArg?.type === AST_NODE_TYPES.Literal && typeof nameArg.value === 'string' ? nameArg.value : undefined;
    if (name === undefined || !init || init.type === AST_NODE_TYPES.SpreadElement) continue;
    const kind = collectionKind(init, model);
    const server = unwrap(callee.object);
    if (!kind || server.type !== AST_NODE_TYPES.Identifier) continue;
    const collection = newCollection(name, init, kind.kind, kind.cacheClass);
    walk(model.program, model.facts.visitorKeys, (node) => {
      if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || memberName(node) !== name) return;
      const object = unwrap(node.object);
      const viaServer =
        (object.type === AST_NODE_TYPES.Identifier && object.name === server.name) ||
        object.type === AST_NODE_TYPES.ThisExpression ||
        (object.type === AST_NODE_TYPES.MemberExpression && !object.computed && memberName(object) === serverOfRequest);
      if (!viaServer) return;
      collection.refs.push(node);
      classifyRef(node, collection, model.facts.visitorKeys);
    });
    out.push(collection);
  }
}

/** `function createLimiter() { const hits = new Map(); return (ip) => … }` called once at module level. */
function factoryCollections(model: FileModel, out: Collection[]): void {
  const seen = new Set<TSESTree.Node>();
  const factories = [...moduleFactoryCalls(model).map((call) => call.factory), ...projectFactories(model, (fn) => declaredCollections(fn, model).length > 0)];
  for (const factory of factories) {
    if (seen.has(factory) || factory.body.type !== AST_NODE_TYPES.BlockStatement) continue;
    seen.add(factory);
    for (const { declarator, kind } of declaredCollections(factory, model)) {
      const collection = newCollection(declarator.id.name, declarator.init, kind.kind, kind.cacheClass);
      for (const variable of model.sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? []) {
        for (const reference of variable.references) {
          if (reference.init) continue;
          collection.refs.push(reference.identifier);
          classifyRef(reference.identifier, collection, model.facts.visitorKeys);
        }
      }
      // Filled only while the factory runs (from what it is given), it never grows after: the functions
      // it returns only read it.
      if (collection.writes.length > 0 && collection.writes.every((w) => runsInCall(w.node, factory))) continue;
      out.push(collection);
    }
  }
}

/** `const hits = new Map()` at the top of a factory's body: the declarator and what kind of collection it makes. */
interface DeclaredCollection {
  declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier; init: TSESTree.Expression };
  kind: NonNullable<ReturnType<typeof collectionKind>>;
}

/** The collections a factory's body declares at its top, with their kind. */
function declaredCollections(factory: FunctionNode, model: FileModel): DeclaredCollection[] {
  const found: DeclaredCollection[] = [];
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) return found;
  for (const statement of factory.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
      const kind = collectionKind(declarator.init, model);
      if (kind) found.push({ declarator: declarator as DeclaredCollection['declarator'], kind });
    }
  }
  return found;
}

/** Whether `node` runs while `fn` runs: in its own body, or in an iteration callback there (`paths.forEach((p) => …)`). */
function runsInCall(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let inner = enclosingFunction(node); inner; inner = enclosingFunction(inner)) {
    if (inner === fn) return true;
    if (!isIterationCallback(inner)) return false;
  }
  return false;
}

/** A value that does not give an entry a lifetime: none, `0` (node-cache's "forever"), `undefined`, `Infinity`. */
function noLifetime(arg: TSESTree.Node | undefined): boolean {
  if (arg === undefined) return true;
  const node = unwrap(arg);
  return (node.type === AST_NODE_TYPES.Literal && (node.value === 0 || node.value === null)) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') || isInfinity(node);
}

/**
 * `cache.set(key, token, expiresIn)` on a cache class whose own periodic check deletes expired
 * entries (node-cache): when every write gives its entry a lifetime and the check is not turned off
 * (`checkperiod: 0`), entries leave on their own, whatever the keys.
 */
function expiresEveryWrite(collection: Collection): boolean {
  const expiry = collection.cacheClass?.expiry;
  if (!expiry || collection.writes.length === 0) return false;
  const made = unwrap(collection.init);
  const options = made.type === AST_NODE_TYPES.NewExpression ? made.arguments[made.arguments.length - 1] : undefined;
  const optionsNode = options ? unwrap(options) : undefined;
  if (optionsNode?.type === AST_NODE_TYPES.ObjectExpression) {
    for (const p of optionsNode.properties) {
      if (p.type === AST_NODE_TYPES.SpreadElement) return false;
      if (propertyName(p.key) !== expiry.sweepOption) continue;
      const value = unwrap(p.value);
      if (value.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'number' || value.value <= 0) return false;
    }
  } else if (optionsNode !== undefined) {
    return false;
  }
  return collection.writes.every(({ node }) => node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === 'set' && !noLifetime(node.arguments[expiry.setArg]));
}

/** Nothing in this file bounds, evicts, size-checks or hands away the collection. */
function neverShrinksHere(collection: Collection): boolean {
  return !collection.cacheClass?.bounded && collection.evictions.length === 0 && collection.sizeChecks.length === 0 && !collection.escapes && !expiresEveryWrite(collection);
}

/** A collection that only grows: written with computed keys, never evicted, size-checked or handed away. */
export function isUnboundedCache(collection: Collection): boolean {
  return collection.writes.length > 0 && neverShrinksHere(collection);
}

/** A collection this file never writes, evicts or hands away: if it grows, other modules grow it (`loader.load(id)`). */
export function isWrittenElsewhere(collection: Collection): boolean {
  return collection.writes.length === 0 && neverShrinksHere(collection);
}
