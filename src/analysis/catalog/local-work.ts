/**
 * Modules whose promises do local work only: read or list the files the server ships with, bundle or
 * compile them, process images or styles. On a server such a promise fails the same way every time
 * for the same input (a missing template, a broken stylesheet), so keeping its rejection replays
 * nothing a retry would fix. Named by the import a call goes through (`readFile` from
 * `fs/promises`, `fs.promises.readFile`, `build` from `esbuild`, `postcss(plugins).process(css)`).
 */
export const localWorkModules: ReadonlySet<string> = new Set([
  'fs/promises', 'node:fs/promises', 'fs', 'node:fs', 'fs-extra',
  'esbuild', 'postcss', 'sass', 'sharp', '@babel/core', 'typescript',
  'glob', 'fast-glob', 'globby',
  // WebAssembly renderers and highlighters that load the module and data they ship with.
  'resvg-wasm', '@resvg/resvg-wasm', '@resvg/resvg-js', 'satori', 'yoga-wasm-web', 'shiki',
]);

/** Built-in collections a callback may build from what was loaded (`(m) => new Set(m.default)`). */
export const builtInCollections: ReadonlySet<string> = new Set(['Set', 'Map', 'WeakSet', 'WeakMap']);

/** Built-in constructors of plain data a callback working in place may use (`new Uint8Array(font)`); a class of the project's own may open what it is given. */
export const builtInDataConstructors: ReadonlySet<string> = new Set([
  ...builtInCollections, 'Uint8Array', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'ArrayBuffer', 'DataView', 'TextEncoder', 'TextDecoder', 'URL',
]);
