/**
 * What the project index keeps of another file once it has read it: plain data (kilobytes, JSON),
 * a function of the file's text, the settings and the plugin's version alone, so it can be kept on
 * disk and reused by a later lint, an editor or a worker thread. Module specifiers stay as written:
 * resolving them is the reader's job, so a summary never goes stale when other files move.
 * Types only: this module imports no analysis.
 */
import type { DeclaredLifetime, InstanceSite } from '../syntax/instantiations.js';
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
  /**
   * Where the file makes instances of the classes it imports or declares at the top level, by local
   * name (`new Name(…)`): `'module'`, `'call'`, `'other'` or `class:Name` (see syntax/instantiations.ts).
   */
  instances: Record<string, InstanceSite[]>;
  /** Top-level classes whose declaration says how long their instances live (a singleton provider, an ORM row). */
  lifetimes: Record<string, DeclaredLifetime>;
}

/** How a call names what it calls, for matching it against another module's exports. */
export type CallShape =
  /** `find(id)`. */
  | { kind: 'name'; name: string }
  /** `users.find(id)`, `users.a.find(id)`: the identifier the chain starts from, and the member called. */
  | { kind: 'member'; root: string; member?: string }
  /** `this.users.find(id)` (`deep`: the object is itself a member, not `this`). */
  | { kind: 'this'; member?: string; deep: boolean };

/** A call of the file that may run another module's export. */
export interface ReachCall {
  callee: CallShape;
  /** The function the call is in (an index into `functions`), `-1` at module level. */
  fn: number;
  line: number;
  /** On a request-handler path of this file. */
  onPath: boolean;
  /** For each argument: whether it can take a new value per request (a function never does). */
  grows: boolean[];
  /** For each argument: which parameter of `fn` it is (its root identifier), `-1` when none. */
  params: number[];
  /**
   * Present when an argument is a parameter of `fn`: for each argument, whether it grows through the
   * calls of `fn` this file makes (`setupDemoMode(userId)` from a handler that read the verified
   * caller's id); other files' calls of `fn` are followed where they are.
   */
  growsHere?: boolean[];
  /** For each argument written as an object literal, whether each of its fields can grow (`null`: not such an argument, or a spread in it). */
  fields?: (Record<string, boolean> | null)[];
  /** Present when an argument is the verified caller's record (`@CurrentUser() user`, `req.user`): for each argument, whether it is. */
  callers?: boolean[];
  /** The module-level name the call's result is bound to (`const limiter = createLimiter()`). */
  alias?: string;
  /** For a call of a plain name: where its result is kept (`'call'`: only while the calling function runs). */
  kept?: 'module' | 'call' | 'other';
}

/** One way an export leads to a function or a name of the file: itself, or one of its members. */
export interface ExportHook {
  exportName: string;
  member?: string;
  isClass?: boolean;
}

export interface ReachFunction {
  name?: string;
  /** The function it is declared in, `-1` at module level. */
  holder: number;
  /** Functions of the file whose calls can run it. */
  callers: number[];
  /** The exports that lead to it. */
  hooks: ExportHook[];
}

/**
 * What the cross-file reach needs of a file: who calls what inside it, which exports lead to which
 * of its functions, and its calls that may run another module's exports (with where their arguments
 * come from). Functions are numbered in the order the file declares them.
 */
export interface ReachSummary {
  imports: { local: string; module: string; export: string }[];
  reexports: SummaryReexport[];
  functions: ReachFunction[];
  functionsByName: Record<string, number[]>;
  /** Functions that call a name as `name()`, `this.name()`, `this.x.name()`, by the name. */
  callersByName: Record<string, number[]>;
  /** Exports that lead to a module-level name (an instance, a memoized binding, a member), by the name. */
  hooksByName: Record<string, ExportHook[]>;
  /**
   * Calls inside a function of a plain name (`allow(key)`) or of a method of this file (`this.getSync(name)`,
   * `registry.getSync(name)`: `targets`, the functions it runs), with the caller's parameter each argument is
   * (`-1`: none; `-2`: a value that does not grow with requests, such as a literal).
   */
  namedCalls: { fn: number; name: string; targets?: number[]; params: number[]; /** The field of that parameter an argument is (`null`: the whole value, or none). */ fields?: (string | null)[] }[];
  /** Calls through imported names, module-level names and `this.x`; empty for the file being linted. */
  calls: ReachCall[];
  /** Names the handler path calls, with the line of the first call that passes the name as an argument. */
  registrations: Record<string, number>;
  /** Classes extending a name, with the members they call on `this`. */
  subclasses: { base: string; thisCalls: string[] }[];
  /** Names handed to a JSX attribute (`<Provider client={queryClient}>`). */
  providers: { name: string; attribute: string }[];
  /** Imported names the file only ever calls directly (never hands on as a value). */
  calledImports: string[];
  /** Imported names the file never uses (`import { timing } from './monitoring'` with no `timing` after it): nothing of the other module runs through them. */
  unusedImports: string[];
  /** Imported names the file awaits while it loads so that a rejection ends the process (`await init()` at an ES module's top level). */
  fatalStartUpImports: string[];
  /** Imported names only ever called while the file loads (`await initTokenizer()` in a `bootstrap()` run at its top level); empty for the file being linted. */
  startUpImports: string[];
}
