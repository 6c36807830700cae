/**
 * Built-in classes whose `new` with no argument cannot throw: an empty collection, a controller, an
 * encoder (`this.abortController = new AbortController()` before a `try`). Given arguments, some
 * validate them (`new Map(notIterable)` throws), so only the bare `new` counts.
 */
export const plainConstructors: ReadonlySet<string> = new Set([
  'AbortController', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object',
  'Headers', 'URLSearchParams', 'FormData', 'TextEncoder', 'TextDecoder', 'EventTarget',
]);
