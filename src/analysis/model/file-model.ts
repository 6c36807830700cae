/**
 * The per-file model's types: what one walk of a file records, the collections and handler path
 * computed from it, and the project index through which the model sees the project's other files.
 * Types only: this module imports no analysis, so every analysis can import it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import type { FunctionNode } from '../syntax/ast.js';
import type { CallRef } from '../syntax/call-targets.js';
import type { ImportTable } from '../syntax/import-table.js';
import type { StartUpUse } from '../syntax/start-up-calls.js';
import type { TypeTools } from '../syntax/type-tools.js';
import type { CacheClassSpec, MemoizerSource, MemoizerSpec } from '../catalog/memoizer-catalog.js';
import type { MemoGuardSettings } from '../catalog/settings.js';
import type { FileSummary } from './file-summary.js';

export interface MemoizerCall {
  node: TSESTree.CallExpression;
  source: MemoizerSource;
  spec: MemoizerSpec;
  /** The wrapped function as written in the call (inline, an identifier, `this.m.bind(this)`). */
  fnArg: TSESTree.Node | undefined;
  options: TSESTree.ObjectExpression | undefined;
  /** The name the memoized function is bound to (`const getUser = memoize(…)`, `getUser = memoize(…)` field). */
  bindingName: string | undefined;
  /** `true` for `const name = memoize(…)` (called as `name()`), `false` for fields and properties (`this.name()`). */
  bindingIsVariable: boolean;
  /**
   * Every name the memoized function is called by: the binding's, or each name of a constructor loop
   * (`for (const m of ['find', 'count']) this[m] = memoize(this[m].bind(this))`); empty when unknown.
   */
  bindingNames: readonly string[];
}

export interface FileModel {
  sourceCode: Readonly<SourceCode>;
  filename: string;
  program: TSESTree.Program;
  imports: ImportTable;
  settings: MemoGuardSettings;
  /** The catalog this file is checked against: settings and built-ins, then the project's own memoizers it imports or defines. */
  memoizerSources: readonly MemoizerSource[];
  /** Whether the file sits in a project on disk, whose other files the project index can read, and is the one linted (its analyses read other files' summaries). */
  inProject: boolean;
  /** Whether the file is on disk, where the declarations it imports can be read: the linted file in a project, and every file the index reads. */
  onDisk: boolean;
  /** The project's other files, as this file's analyses may ask about them. */
  project: ProjectIndex;
  /** Memoizers defined in this file by shape (a function that returns a caching closure), by local name. */
  localMemoizers: ReadonlyMap<string, MemoizerSource>;
  types: TypeTools | undefined;
  /** Filled while the file is visited. */
  facts: FunctionFacts & { asyncNames: Set<string>; classNames: Set<string> };
  memoizerCalls: MemoizerCall[];
  /** Every function of the file, and the functions known by each name. */
  functions: FunctionNode[];
  functionsByName: Map<string, FunctionNode[]>;
  /** What each function calls or passes as a callback, by name and receiver (`undefined`: module level). */
  callsByFunction: Map<FunctionNode | undefined, CallRef[]>;
  /** Functions declared directly inside each function. */
  nestedFunctions: Map<FunctionNode, FunctionNode[]>;
  /** Every call and `new` expression, for the handler and cache analyses. */
  calls: TSESTree.CallExpression[];
  classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[];
  /** Variables initialised at any level by `new X()` / `X()`: name → callee name. */
  initialisers: Map<string, string>;
  cacheClass(node: TSESTree.Node): CacheClassSpec | undefined;
  /** `false` when the early bail-out found nothing to analyse: the listeners then record nothing. */
  active: boolean;
  /** The functions around the node being visited, innermost last. */
  functionStack: FunctionNode[];
  /** The last node recorded on enter and on exit: the rules share one set of listeners' work. */
  lastEntered: TSESTree.Node | undefined;
  lastExited: TSESTree.Node | undefined;
  /** Computed on first use. */
  collections(): Collection[];
  handlerPath(): HandlerPath;
}

export interface FunctionFacts {
  /** Names of the file's async functions and of functions that return promises. */
  asyncNames: ReadonlySet<string>;
  /** Classes declared in the file: a parameter annotated with one holds class instances. */
  classNames: ReadonlySet<string>;
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  /** Whether a call's promise cannot reject (its callee catches everything), when the model can tell. */
  callCannotReject?: (call: TSESTree.CallExpression) => boolean;
  /** Whether a call (or `new`) cannot throw (a plain function of the file whose body cannot fail, a client made without I/O), when the model can tell. */
  callCannotThrow?: (call: TSESTree.CallExpression | TSESTree.NewExpression) => boolean;
  /** Whether a name holds a value that is no promise (a const of a literal, an awaited result), when the model can tell. */
  holdsPlainValue?: (name: TSESTree.Identifier) => boolean;
}

export type CollectionKind = 'map' | 'set' | 'object' | 'array' | 'cache-class';

export interface CollectionWrite {
  /** The write: `c.set(k, v)`, `c[k] = v`, `c.push(v)`. */
  node: TSESTree.Node;
  /** The value stored, when the write stores one. */
  value: TSESTree.Node | undefined;
}

export interface Collection {
  name: string;
  kind: CollectionKind;
  /** The initialiser: `new Map()`, `{}`, `[]`, `Object.create(null)`, `new LRUCache(…)`. */
  init: TSESTree.Expression;
  cacheClass: CacheClassSpec | undefined;
  /** Every place the collection is used (identifiers or `this.x` / `Class.x` member expressions). */
  refs: TSESTree.Node[];
  writes: CollectionWrite[];
  /** Removals: `delete`, `clear`, `splice`, `shift`, `pop`, `delete c[k]`, reassignment. */
  evictions: TSESTree.Node[];
  /** Size checks that guard something (`if (c.size > MAX) …`). */
  sizeChecks: TSESTree.Node[];
  /** Handed to code the file cannot see (an unknown call's argument): its fate is unknown. */
  escapes: boolean;
  /** Methods the code gives the object itself (`cache.set = function …`): calls of them are not writes. */
  ownMethods?: ReadonlySet<string>;
}

export interface HandlerPath {
  /** Functions that run per request: handlers, what they call, and the functions nested in those. */
  reached: ReadonlySet<FunctionNode>;
  /** Names called from reached functions (memoized functions are called by name). */
  calledNames: ReadonlySet<string>;
  /** Whether `node` runs inside a reached function. */
  isOnPath(node: TSESTree.Node): boolean;
  hasHandlers: boolean;
  /** The handlers themselves (registered, decorated, exported, or known by their parameters): where the walk starts. */
  roots: ReadonlySet<FunctionNode>;
  /** Names registered as handlers (`app.use(limiter)`), where the walk also starts. */
  rootNames: ReadonlySet<string>;
}

export interface CrossFileReach {
  /** The handler's file, relative to the project's root. */
  file: string;
  line: number;
}

/**
 * Which argument of a call becomes the cache key: an index, several or every argument, or fields of one; `'none'`: the calls
 * key the cache by constants of their own (`createScheduledJob(name)` calling `getQueue('scheduled-jobs')`).
 */
export type KeyArg = number | 'all' | 'none' | FieldKey | ArgsKey;
/** Some fields of an options object (`send({ queue, message })` keyed by `queue`): the argument's index and the fields. */
export interface FieldKey {
  arg: number;
  fields: readonly string[];
}
/** Several arguments, whole (`getLimiter(windowMs, limit)` keyed by `` `${windowMs}:${limit}` ``): their indexes, ascending. */
export interface ArgsKey {
  args: readonly number[];
}
/** Key arguments by the function that writes the cache, or by a memoized binding's name. */
export type KeyArgs = ReadonlyMap<FunctionNode | string, KeyArg>;

/** One way into the module from outside: an export, called directly or through some of its members. */
export interface Entry {
  exportName: string;
  /** Member names that lead to the cache (`service.find`); `undefined`: the export itself is called. */
  members: ReadonlySet<string> | undefined;
  /** An exported class: its instances are injected (`constructor(private users: UsersService)`). */
  isClass?: boolean;
  /** The argument of a call of the export that becomes the cache key (`'all'`: every argument), when known. */
  keyArg?: KeyArg;
  /** The same for calls of its members (`users.findOne(id)` keys on `id`), by member, when known. */
  memberKeyArgs?: ReadonlyMap<string, KeyArg>;
  /**
   * Whether what a call of the export returns reaches the cache (`createLimiter()` makes the `check`
   * that writes it). `false`: the call itself writes it, and what it returns does not (`getLogger('api')`);
   * `undefined`: not known, taken as a factory.
   */
  factory?: boolean;
  /** The same for calls of its members, by member (a member not listed: not known, taken as a factory). */
  memberFactory?: ReadonlyMap<string, boolean>;
}

/**
 * A memoized function another file of the project exports, as this file imports it: what its call
 * sites need of the memoizer call in its own file (read there once, kept as data).
 */
export interface ImportedMemoized {
  /** How this file calls it: `name(…)`, or `namespace.name(…)` through a namespace import or a whole-module `require`. */
  name: string;
  namespace: string | undefined;
  /** The memoizer, for messages. */
  label: string;
  /** Fresh arguments miss: its key is the arguments' identity (no JSON or string key, no key function, not request-scoped). */
  keysByIdentity: boolean;
  /** How many leading arguments its key covers. */
  keyedArguments: number;
  /** It holds one entry: a fresh argument also evicts the last result. */
  holdsOneEntry: boolean;
}

/** What a package.json says about its package: every dependency declared, and the facts read from it. */
export interface PackageManifest {
  /** Every package declared, in dependencies, devDependencies or peerDependencies, with its range. */
  declared: ReadonlyMap<string, string>;
  /** The packages it needs at run time (`dependencies`). */
  runtime: ReadonlySet<string>;
  /** `"private": true`: an application or a workspace's own package, never published. */
  private: boolean;
  /** Published with an entry (`main`, `module`, `exports` or `bin`, not private): other projects may import any of its files. */
  publishes: boolean;
  /** What its `main`, `module`, `exports`, `bin`, `browser` and `scripts` say, as JSON text: the files it runs or hands out by path. */
  entryText: string;
}

/**
 * What the model knows of the project's other files. Per-file analyses reach the project only
 * through `model.project`, so they never import the project index (which imports them).
 */
export interface ProjectIndex {
  /** The root folder of the project `file` belongs to. */
  rootOf(file: string): string;
  /** `file`'s path inside its project, with `/` separators (a name without a folder, such as `<input>`, as it is). */
  pathInProject(file: string): string;
  /** `file`'s path from the outermost package folder above it: a project copied inside another shows its copy folder there. */
  pathInOutermostPackage(file: string): string;
  /** The file an import specifier resolves to from `fromFile`, when it is one of the project's. */
  resolve(specifier: string, fromFile: string): string | undefined;
  /** Whether the text of `file` names `name` or (with `deeper`) re-exports a module whole: worth parsing to follow `export *` to `name`. */
  mayExport(file: string, name: string, deeper: boolean): boolean;
  /** The summary of another file of the project (data, no syntax tree), or `undefined` when it cannot be read or parsed. */
  summaryOf(file: string, settings: MemoGuardSettings): FileSummary | undefined;
  /** The model of another file of the project, or `undefined` when it cannot be read or parsed. */
  fileModel(file: string, settings: MemoGuardSettings): FileModel | undefined;
  /** The major version of `module` the nearest package.json declares for `file`. */
  declaredMajor(file: string, module: string): number | undefined;
  /** The nearest package.json above `file`, or `undefined`. */
  packageManifest(file: string): PackageManifest | undefined;
  /** Whether the Next.js app holding `file` renders pages on the server per request (not only at build time). */
  rendersPerRequest(file: string): boolean;
  /** Whether a source file of the Next.js app (or package) holding `file` matches `pattern` (`true` when that cannot be read whole). */
  appMentions(file: string, pattern: RegExp): boolean;
  /** The value export `name` of `model` stands for, following re-exports. */
  exportedValue(model: FileModel, name: string): { model: FileModel; node: TSESTree.Node } | undefined;
  /** The value export `name` of the project module `specifier`, as `model` imports it, stands for, following re-exports. */
  importedValue(model: FileModel, specifier: string, name: string): { model: FileModel; node: TSESTree.Node } | undefined;
  /** Catalog entries for the memoizers `model` imports from its own project. */
  importedProjectMemoizers(model: FileModel): MemoizerSource[];
  /** The memoized functions `model` imports from its project, by how it calls them. */
  importedMemoizedBindings(model: FileModel): Map<string, ImportedMemoized>;
  /** Whether another file calls the factory `model` exports as `exportName` at module level. */
  calledAtModuleLevelElsewhere(model: FileModel, exportName: string): boolean;
  /** Whether another file of the project can call `fn` (through what `model` exports). */
  calledFromImporters(model: FileModel, fn: FunctionNode): boolean;
  /** The first request handler of another file that reaches a cache of `model`, or `undefined`. */
  crossFileHandler(
    model: FileModel,
    seedFns: Iterable<FunctionNode>,
    seedNames: Iterable<string>,
    seeds?: { entries?: readonly Entry[]; keyArgs?: KeyArgs },
  ): CrossFileReach | undefined;
  /** A file importing `model`'s export `exportName` that hands it to a provider (`<P attribute={name}>`), relative to the root. */
  providedElsewhere(model: FileModel, exportName: string, attribute: string): string | undefined;
  /** Whether every instance of `cls` (a class of `model`) lives for one operation: made per call, or an ORM row. */
  instancesPerOperation(model: FileModel, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean;
  /** The way into `model` from outside that leads to an exported collection, if it is one. */
  exportedCollectionEntry(model: FileModel, init: TSESTree.Node, writeMethods: readonly string[], ownMethods?: ReadonlySet<string>): Entry | undefined;
  /** How the modules importing `model` use its export of `fn` or of `name`: only while they load, also later, or not at all. */
  startUpUseByImporters(model: FileModel, fn: FunctionNode | undefined, name: string): StartUpUse;
  /** Whether modules import `model` for other names and none can use its export of `fn` (or `name`): dead code. */
  exportUnusedByImporters(model: FileModel, fn: FunctionNode | undefined, name: string): boolean;
  /** Whether a module importing `model`'s export of `fn` (or `name`) awaits it while it loads so that a rejection ends the process. */
  awaitedFatallyByImporters(model: FileModel, fn: FunctionNode | undefined, name: string): boolean;
  /** Where the modules importing `model` keep what its factory `fn` (exported as `name`) returns: only while a call runs, longer, or not used. */
  resultsKeptByImporters(model: FileModel, fn: FunctionNode, name: string): 'call' | 'other' | 'unused';
  /** The calls of `model`'s export of the module-level `name` in the modules importing it that pass an object literal: file, calling function, line, each argument's literal field names. */
  objectLiteralCallsByImporters(model: FileModel, name: string): { file: string; fn: number; line: number; fields: (string[] | null)[] }[];
  /** Whether a module importing `model`'s export `exportName` (a collection) removes entries from it. */
  removedByImporters(model: FileModel, exportName: string): boolean;
  /** Whether a file of the project that can serve (not a test, a script or a fixture) imports `file`. */
  importedByServingFile(file: string): boolean;
  /** The serving files of the project that import `file`, with their texts. */
  servingImporterFiles(file: string): { file: string; text: string }[];
  /** Whether a file of `file`'s project that may serve (not a test or a script) may load `file` by a computed specifier (`require(path.join(dir, name))`, `` import(`./routes/${name}`) `` for a file in `routes/`): not every import of it is in sight. */
  loadsComputedModules(file: string): boolean;
  /** Whether an import may load `file`: a file of the project imports it, loads modules by computed specifiers, or names it by a specifier that resolves to nothing here. */
  mayBeImported(file: string): boolean;
  /** Whether files of the project import `file` and none of them serves (tests, scripts, seeds), with no other import in sight that may load it. */
  importedOnlyByOneShotFiles(file: string): boolean;
  /** Whether serving files importing one another lead from `file` up to one whose text has `marker` (the file that boots the app: `NestFactory`). */
  loadedFrom(file: string, marker: string): boolean;
}
