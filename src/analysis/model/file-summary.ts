/**
 * What the project index keeps of another file once it has read it: plain data (kilobytes, JSON),
 * a function of the file's text, the settings and the plugin's version alone, so it can be kept on
 * disk and reused by a later lint, an editor or a worker thread. Module specifiers stay as written:
 * resolving them is the reader's job, so a summary never goes stale when other files move.
 * Types only: this module imports no analysis.
 */
import type { MemoizerSpec } from '../catalog/memoizer-catalog.js';

/** What the file calls through one imported name while it loads (outside every function). */
export interface ModuleLevelUse {
  /** `local(…)`. */
  direct: boolean;
  /** Member names of the calls made on it (`local.create(…)`, `local.a.create(…)` gives `create`). */
  members: string[];
}

export interface SummaryImport {
  local: string;
  module: string;
  /** An export name, `default`, or `*` for a namespace or a whole CommonJS module. */
  export: string;
  /** Present when the file calls through the name while it loads. */
  moduleLevel?: ModuleLevelUse;
}

/**
 * A value of the file as a memoizer, as far as the file alone shows: a catalog or in-house memoizer
 * (`spec`), an import to look up in its own module, an object whose properties may be memoizers, a
 * module-level name standing for another value (`step`: one level deeper), or a function that would
 * be a memoizer if one of the project imports its body calls is one (`wrapper`).
 */
export type MemoizerValue =
  | { spec: MemoizerSpec }
  | { import: { module: string; export: string } }
  | { members: Record<string, MemoizerValue> }
  | { step: MemoizerValue }
  | { wrapper: { module: string; export: string }[] };

/** A re-export: `export { imported as exported } from 'module'` (`named`), or `export * from 'module'` (`all`). */
export type SummaryReexport = { kind: 'named'; module: string; imported: string; exported: string } | { kind: 'all'; module: string };

/** What an exported call's callee is, for telling whether the export may be a memoized function. */
export interface ExportedCallee {
  /** The callee is a memoizer the file alone knows (the catalog, or one it defines). */
  known: boolean;
  /** The import the callee goes through, with the member called on it (`utils.memoize(…)`). */
  import?: { module: string; export: string; member?: string };
}

export interface FileSummary {
  imports: SummaryImport[];
  /** Every exported name (`default` included), in the order the file declares them. */
  exports: string[];
  /** Each export's values as memoizers, in order; exports no value of which can be one are left out. */
  memoizers: Record<string, MemoizerValue[]>;
  /** Re-exports in statement order. */
  reexports: SummaryReexport[];
  /**
   * Each export the file itself decides the value of: a call (`export const f = memoize(…)`,
   * `module.exports = memo(…)`) with its callee, or `other`. An export left out is decided by its
   * re-export, if any.
   */
  values: Record<string, ExportedCallee | 'other'>;
}
