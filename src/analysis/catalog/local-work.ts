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
