/**
 * Whether a request reaches an unbounded cache with keys that grow: through this file's handlers
 * (`'here'`), through a handler in another file of the project (where, for the message), or not at
 * all. The handler rule's one question, answered from the handler path, the key flow and the project
 * index.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileModel, HandlerPath, MemoizerCall } from '../model/file-model.js';
import { callsNamed, hasResolver, memoizedCalls } from '../memoizer/memoizer-call.js';
import { declaredKeyType } from '../cache/key-type.js';
import { isFixedType } from '../model/fixed-types.js';
import { behindRunOnceFlag } from '../syntax/run-once.js';
import { keyGrowsThroughCallsHere, keyGrowsWithRequests, memoizedCallsGrow, writeKey } from './key-flow.js';
import { keyParameters } from './key-parameters.js';
import { liveHandlerPath } from './handlers.js';
import type { CrossFileReach } from '../model/file-model.js';
import { madePerCall, moduleInstancesOf } from '../cache/collections.js';
import type { Collection } from '../model/file-model.js';
import { enclosingFunction, memberName, propertyName, unwrap, walk, type FunctionNode } from '../syntax/ast.js';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import type { MemoizedMethod } from '../memoizer/memoized-methods.js';

export type Reach = 'here' | CrossFileReach | undefined;

/** A memoized function runs per request when a handler path calls it by name, or it is registered as a handler. */
function memoizerOnPath(call: MemoizerCall, path: HandlerPath): boolean {
  if (call.bindingNames.some((name) => path.calledNames.has(name))) {
    // Created inside a handler, it dies with the request: only long-lived ones leak.
    return !path.isOnPath(call.node);
  }
  return false;
}

/** The class whose every instance makes its own memoizer here: the call is in its constructor or an instance field's initialiser. */
function instanceOwner(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return current.static ? undefined : current.parent.parent;
    if (current.type === AST_NODE_TYPES.MethodDefinition) return current.kind === 'constructor' ? current.parent.parent : undefined;
    if (current.type === AST_NODE_TYPES.ClassBody) return undefined;
  }
  return undefined;
}

/** Where a request reaches the memoizer: this file's handlers (`'here'`), another file's, or none. */
export function memoizerReach(model: FileModel, call: MemoizerCall, path: HandlerPath): Reach {
  const calls = memoizedCalls(model, call);
  const firstOnly = call.spec.keying === 'first-arg' && !hasResolver(call);
  // Called only with keys that do not grow with requests (a row just loaded, a constant), it stays as small as the data.
  if (!memoizedCallsGrow(calls, firstOnly, model)) return undefined;
  // A memoizer made per instance (in the constructor, or an instance field) lives as long as the
  // instance: one of a class this file only instantiates inside functions (per request) dies with it.
  const owner = instanceOwner(call.node);
  if (owner && madePerCall(owner, model)) return undefined;
  // Called by a handler of this file that something can run (not a middleware exported for nobody).
  if (path.hasHandlers && memoizerOnPath(call, path) && memoizerOnPath(call, liveHandlerPath(model, path))) return 'here';
  // Made inside a function, it lives as long as that call: only module-level and field memoizers outlive a request.
  if (!model.inProject || call.bindingNames.length === 0 || (call.bindingIsVariable && enclosingFunction(call.node) !== undefined)) return undefined;
  // Callers in other files decide the key: through the function's own parameter, or as the memoized function's arguments.
  const keyArgs = keyParameters(calls.flatMap((c) => (firstOnly ? c.arguments.slice(0, 1) : c.arguments).map((key) => ({ key, at: c }))), model);
  for (const name of call.bindingNames) keyArgs.set(name, firstOnly ? 0 : 'all');
  return model.project.crossFileHandler(model, [], call.bindingNames, { keyArgs });
}

/**
 * What decides how far a write makes the collection grow: the key, or for an array the value pushed,
 * except an element set by an index (`masks[i] = …`), which holds at most one value per index; an
 * index read from a length (`list[list.length] = …`) is a push.
 */
function keyOf(collection: Collection, write: Collection['writes'][number], model: FileModel): TSESTree.Node | undefined {
  if (collection.kind !== 'array') return writeKey(write.node);
  const target = write.node.type === AST_NODE_TYPES.AssignmentExpression ? write.node.left : undefined;
  if (target?.type !== AST_NODE_TYPES.MemberExpression || !target.computed) return write.value;
  const lengths: TSESTree.Node[] = [];
  walk(target.property, model.facts.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'length') lengths.push(node);
  });
  return lengths.length > 0 ? write.value : target.property;
}

/** Where a request reaches a write of the collection whose key grows with requests. */
export function collectionReach(model: FileModel, collection: Collection, path: HandlerPath): Reach {
  // A write behind a run-once flag (`if (this.isLoaded) return; … this.isLoaded = true`) fills the collection once.
  const writes = collection.writes.filter((w) => keyGrowsWithRequests(keyOf(collection, w, model), w.node, model) && !behindRunOnceFlag(w.node, model.program, model.facts.visitorKeys));
  // Declared with a key type of a fixed set (`new Map<PoolName, Queue>()`, `Record<Locale, Menu>`): it
  // holds at most one entry per value. Asked last: an imported type alias is read from its own file.
  const fixedKeys = (): boolean => {
    const keyType = collection.kind === 'array' ? undefined : declaredKeyType(collection);
    return keyType !== undefined && isFixedType(keyType, model);
  };
  // On this file's handler path, a write keyed by its function's parameter grows only through the calls made here.
  // Exported, other modules may write it themselves (`userLoader.load(id)` in a resolver), or remove what they set.
  const entry = model.inProject ? model.project.exportedCollectionEntry(model, collection.init, collection.cacheClass?.writeMethods ?? [], collection.ownMethods) : undefined;
  const removedElsewhere = (): boolean => entry !== undefined && model.project.removedByImporters(model, entry.exportName);
  const growsOn = (on: HandlerPath): boolean => writes.some((w) => on.isOnPath(w.node) && keyGrowsThroughCallsHere(keyOf(collection, w, model), w.node, model));
  // Written by a handler of this file that something can run (not a middleware exported for nobody).
  if (path.hasHandlers && growsOn(path) && growsOn(liveHandlerPath(model, path))) return fixedKeys() || removedElsewhere() ? undefined : 'here';
  if (!model.inProject) return undefined;
  const writers = writes.map((w) => enclosingFunction(w.node)).filter((fn): fn is FunctionNode => fn !== undefined);
  if ((writers.length === 0 && !entry) || fixedKeys() || removedElsewhere()) return undefined;
  return model.project.crossFileHandler(model, writers, [], { entries: entry ? [entry] : [], keyArgs: keyParameters(writes.map((w) => ({ key: keyOf(collection, w, model), at: w.node })), model) });
}

/**
 * Where a request reaches a method whose memoizing decorator never evicts (`@Memoize() findOne(id)`)
 * with keys that grow: its own class's handlers calling `this.findOne(…)` (`'here'`), or a handler in
 * another file through the class. `keyed` is the parameter the cache keys on, or `'all'` with a key function.
 */
export function decoratedMethodReach(model: FileModel, memoized: MemoizedMethod, keyed: 0 | 'all', path: HandlerPath): Reach {
  const { fn, method } = memoized;
  const name = propertyName(method.key);
  // No argument: one entry per cache, however many requests.
  if (fn.params.length === 0 || name === undefined) return undefined;
  if (path.hasHandlers && path.calledNames.has(name)) {
    const instances = moduleInstancesOf(model, method.parent.parent.id?.name);
    // `this.findOne(…)` in the class, or `users.findOne(…)` on an instance made at module level.
    const own = callsNamed(model, name).filter((call) => {
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !path.isOnPath(call)) return false;
      const object = unwrap(callee.object);
      return object.type === AST_NODE_TYPES.ThisExpression || (object.type === AST_NODE_TYPES.Identifier && instances.has(object.name));
    });
    if (own.length > 0 && memoizedCallsGrow(own, keyed === 0, model)) return 'here';
  }
  if (!model.inProject) return undefined;
  return model.project.crossFileHandler(model, [fn], [], { keyArgs: new Map([[fn, keyed]]) });
}
