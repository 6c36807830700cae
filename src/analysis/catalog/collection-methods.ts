/**
 * What the methods of collections and cache objects do to their entries: remove, add, read; and
 * the calls that only read what they are given (a collection passed to one does not escape).
 */
/** Methods that remove entries from a collection or a cache object. */
export const evictingMethods: ReadonlySet<string> = new Set(['delete', 'del', 'remove', 'clear', 'clearAll', 'splice', 'shift', 'pop', 'prune', 'purgeStale', 'evict']);
/** Methods that empty a whole cache at once (`getX.cache.clear()`, `memoized.reset()`). */
export const wholeClearMethods: ReadonlySet<string> = new Set(['clear', 'reset', 'clearAll']);
/** Methods that add entries. */
export const writingMethods: ReadonlySet<string> = new Set(['set', 'add', 'push', 'unshift']);
/** Array methods that hand back elements of the array they are called on, chosen by a callback or an index (`providers.find((p) => p.issuer === iss)`, `rows.at(-1)`). */
export const elementPickingMethods: ReadonlySet<string> = new Set(['find', 'findLast', 'filter', 'at']);
/** Array methods whose callback runs while the call runs (`rows.forEach((row) => …)`). */
export const iterationMethods: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'some', 'every', 'find']);
/** Methods that only read. */
export const readingMethods: ReadonlySet<string> = new Set(['get', 'has', 'forEach', 'keys', 'values', 'entries', 'map', 'filter', 'find', 'some', 'every', 'includes', 'indexOf', 'join', 'slice', 'reduce', 'peek', 'toString', 'hasOwnProperty']);
/** Calls that only read what they are given. */
export const harmlessCalls: ReadonlySet<string> = new Set(['keys', 'values', 'entries', 'fromEntries', 'stringify', 'from', 'log', 'info', 'debug', 'warn', 'error', 'json', 'send', 'assign', 'freeze', 'isArray', 'String', 'Number', 'Boolean', 'has', 'get', 'inspect', 'structuredClone']);

/**
 * Methods of a `Map` or a `Set` that cannot throw on one, whatever the key (a `WeakMap` throws on a
 * key that is not an object, so it is not here).
 */
export const quietCollectionMethods: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Map', new Set(['get', 'has', 'set', 'delete', 'clear'])],
  ['Set', new Set(['has', 'add', 'delete', 'clear'])],
]);
