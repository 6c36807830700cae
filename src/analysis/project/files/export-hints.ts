/**
 * A look at a module's text before parsing it to follow a re-export: a package's barrels pass on
 * every file of the package (`export * from './models'`), and only the few that export what is
 * looked for, or pass on others whole, can give it.
 */
import { LruMap } from '../../../memoize/lru-map.js';
import { readSource } from './sources.js';

/** CommonJS exports (`exports.x =`, `module.exports = { x }`) and TypeScript's `export =`: any named value may leave through them. */
const COMMONJS_EXPORT = /\bexports\b|\bexport\s*=/;

interface ExportPatterns {
  /** `export function name`, `export async function* name`, `export class name`, `export abstract class name`, at the start of a line. */
  declared: RegExp;
  /**
   * Every other form that exports `name`: a declaration list (`export const name`, `export const a = 1,
   * name = 2`, `export const { name } = …`, read up to its semicolon, which in code without semicolons
   * may run on: the pattern then says yes more often, never no to an export), a list (`export { name }`,
   * `export { x as name } from`, `export type { … }`), `export * as name`, and enums, namespaces and
   * types; also function and class declarations that do not start a line.
   */
  other: RegExp;
}

/** The patterns of each name asked about. */
const patterns = new LruMap<string, ExportPatterns>(4_000);

function exportPatterns(name: string): ExportPatterns {
  let found = patterns.get(name);
  if (!found) {
    const id = `(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`;
    const declaration = `\\bexport\\s+(?:declare\\s+)?(?:async\\s+)?(?:function\\b\\s*\\*?|(?:abstract\\s+)?class\\b)\\s*${id}`;
    found = {
      declared: new RegExp(`^${declaration}`, 'm'),
      other: new RegExp(
        [
          `(?<!^)${declaration}`,
          `\\bexport\\s+(?:declare\\s+)?(?:const\\s+enum|enum|namespace|module|interface|type|import)\\s*${id}`,
          `\\bexport\\s+(?:declare\\s+)?(?:const|let|var|using)\\b[^;]*?${id}`,
          `\\bexport\\s*(?:type\\s*)?\\{[^}]*?${id}`,
          `\\bexport\\s*\\*\\s*as\\s+${id}`,
        ].join('|'),
        'm',
      ),
    };
    patterns.set(name, found);
  }
  return found;
}

/**
 * Whether a module's text can give export `name` through `export *`: it exports it (`default` and
 * CommonJS modules: it names it), or (when `deeper` is allowed) passes on another module whole. A
 * module that only imports or calls `name` cannot give it: a package's other files name its
 * functions wherever they use them.
 */
export function mayExport(text: string, name: string, deeper: boolean): boolean {
  if (text.includes(name)) {
    if (name === 'default' || COMMONJS_EXPORT.test(text)) return true;
    const { declared, other } = exportPatterns(name);
    if (declared.test(text) || other.test(text)) return true;
  }
  return deeper && reexportsWhole(text);
}

/** Whether the text has `export *` (a whole module passed on): found by `indexOf`, which a package's barrels are asked for every name imported from it. */
function reexportsWhole(text: string): boolean {
  for (let at = text.indexOf('export'); at !== -1; at = text.indexOf('export', at + 6)) {
    if (at > 0 && /[\w$]/.test(text.charAt(at - 1))) continue;
    let next = at + 6;
    while (/\s/.test(text.charAt(next))) next++;
    if (text.charAt(next) === '*') return true;
  }
  return false;
}

/**
 * Whether a module's text exports `name` only as a function or class it declares at its top level
 * (`export async function name(…)`, `export class name`), no other export form naming it anywhere:
 * its summary would say the export's value is no call (so no memoizer's), and no parse is needed to
 * know it. Only a line that starts with the declaration counts (a namespace's members are indented);
 * CommonJS exports, which may replace the value, always leave the question to the parse.
 */
export function exportsOnlyDeclaration(text: string, name: string): boolean {
  if (name === 'default' || !text.includes(name) || COMMONJS_EXPORT.test(text)) return false;
  const { declared, other } = exportPatterns(name);
  return declared.test(text) && !other.test(text);
}

/** `mayExport` on the text of `file`; `false` when it cannot be read. */
export function fileMayExport(file: string, name: string, deeper: boolean): boolean {
  const text = readSource(file);
  return text !== undefined && mayExport(text, name, deeper);
}
