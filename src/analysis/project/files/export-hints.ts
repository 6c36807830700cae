/**
 * A look at a module's text before parsing it to follow a re-export: a package's barrels pass on
 * every file of the package (`export * from './models'`), and only the few that name what is looked
 * for, or pass on others whole, can give it.
 */
import { readSource } from './sources.js';

const STAR_REEXPORT = /\bexport\s*\*/;

/** Whether a module's text can give export `name` through `export *`: it names it, or (when `deeper` is allowed) passes on another module whole. */
export function mayExport(text: string, name: string, deeper: boolean): boolean {
  return text.includes(name) || (deeper && STAR_REEXPORT.test(text));
}

/** `mayExport` on the text of `file`; `false` when it cannot be read. */
export function fileMayExport(file: string, name: string, deeper: boolean): boolean {
  const text = readSource(file);
  return text !== undefined && mayExport(text, name, deeper);
}
