/**
 * Calls that make a key from what they are given and nothing else, so a key built by one grows
 * exactly as its arguments do (`String(id)`, `path.resolve(appPath)`).
 */

/** Re-encodings of a value, called on it or given it (`id.toLowerCase()`, `JSON.stringify(opts)`, `String(id)`). */
export const encodingCalls: ReadonlySet<string> = new Set(['stringify', 'String', 'encodeURIComponent', 'toLowerCase', 'toUpperCase', 'trim', 'toString', 'join']);

/** Node's path module, under the names it is imported by. */
export const pathModules: ReadonlySet<string> = new Set(['path', 'node:path', 'path/posix', 'node:path/posix', 'path/win32', 'node:path/win32']);

/**
 * Functions of the path module that compute a path from their arguments alone (the working
 * directory aside, fixed for the process): `path.resolve(appPath)`, `join(root, name)`.
 */
export const pathFunctions: ReadonlySet<string> = new Set(['resolve', 'join', 'normalize', 'relative', 'basename', 'dirname', 'extname', 'format', 'toNamespacedPath']);
