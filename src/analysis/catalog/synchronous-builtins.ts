/**
 * Built-ins that answer synchronously: classes whose bare `new` cannot throw, and calls that return a
 * value, never a promise.
 */
/**
 * Built-in classes whose `new` with no argument cannot throw: an empty collection, a controller, an
 * encoder (`this.abortController = new AbortController()` before a `try`). Given arguments, some
 * validate them (`new Map(notIterable)` throws), so only the bare `new` counts.
 */
export const plainConstructors: ReadonlySet<string> = new Set([
  'AbortController', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object',
  'Headers', 'URLSearchParams', 'FormData', 'TextEncoder', 'TextDecoder', 'EventTarget',
]);

/**
 * Synchronous built-in calls, by the text of their callee: they return a value, never a promise
 * (`return JSON.parse(raw)` inside a `try` is caught there; a returned promise would not be).
 * `path.*` by the conventional name of node's module.
 */
export const synchronousCalls: ReadonlySet<string> = new Set([
  'JSON.parse', 'JSON.stringify', 'Object.keys', 'Object.values', 'Object.entries', 'Object.fromEntries', 'Object.assign', 'Object.freeze',
  'Array.from', 'Array.isArray', 'String', 'Number', 'Boolean', 'structuredClone', 'parseInt', 'parseFloat', 'encodeURIComponent', 'decodeURIComponent',
  'path.join', 'path.resolve', 'path.basename', 'path.dirname', 'path.extname', 'path.relative', 'path.normalize',
]);

/**
 * Synchronous calls that parse text, by the text of their callee: given what a request answered, they
 * fail on an answer that is wrong for a while (a proxy's HTML error page), not only on the same input
 * every time, so a fulfilment handler that makes one can fail for a passing reason.
 */
export const answerParsers: ReadonlySet<string> = new Set(['JSON.parse']);
